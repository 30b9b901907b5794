//! The tables of report.toml, exactly as written.
//!
//! Every value a later stage may need to complain about is wrapped in [`Spanned`], so that
//! `model::resolve` can point at the line and column of the key that caused a problem.
//! Nothing here knows about fonts, pages or PDF: a colour is still a string, a length is
//! still `"20mm"`. Names are enums (`values.rs`), blocks a tagged enum (`blocks.rs`).
//!
//! These types are also the JSON Schema editors read (`schema.rs`): each field's doc
//! comment is its description, `example` its example, `x-default` its default (what
//! folio does when the key is absent) and `x-required` whether the model requires it.
//! The parser reads every key as optional, so that a missing one is reported with every
//! other problem; the schema states the required ones, so editors flag them while typing.

use super::blocks::BlockSpec;
use super::lenient::{Expect, leaf, list, opt, table};
use super::placement::{BreakBefore, ContentsDepth};
use super::values::*;
use schemars::JsonSchema;
use serde::Deserialize;
use serde_spanned::Spanned;

/// Implements [`Expect`] for a table: what to write when something else was written.
macro_rules! table_expect {
    ($ty:ty, $what:literal, $how:literal) => {
        impl Expect for $ty {
            fn expected() -> String {
                $what.into()
            }
            fn example() -> String {
                $how.into()
            }
            const TABLE: bool = true;
            fn how(_key: &str) -> String {
                $how.into()
            }
        }
    };
}

/// The whole of report.toml.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Spec {
    /// `[report]`: what the report is and who publishes it.
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "ReportMeta", extend("x-required" = true))]
    pub report: Option<Spanned<ReportMeta>>,
    /// `[brand]`: logo, colours and fonts.
    #[serde(default, deserialize_with = "table")]
    pub brand: Brand,
    /// `[cover]`: the front cover's design: a colour field, or a photograph.
    #[serde(default, deserialize_with = "opt")]
    #[schemars(with = "CoverSpec")]
    pub cover: Option<CoverSpec>,
    /// `[page]`: paper size and margins.
    #[serde(default, deserialize_with = "table")]
    pub page: PageSpec,
    /// `[text]`: how body text is set.
    #[serde(default, deserialize_with = "table")]
    pub text: TextSpec,
    /// `[contents]`: the contents page, shown unless `show = false`.
    #[serde(default, deserialize_with = "opt")]
    #[schemars(with = "ContentsSpec")]
    pub contents: Option<ContentsSpec>,
    /// `[numbers]`: the year-in-numbers page, shown when this table is present.
    #[serde(default, deserialize_with = "opt")]
    #[schemars(with = "NumbersSpec")]
    pub numbers: Option<NumbersSpec>,
    /// `[footer]`: the running footer of every numbered page.
    #[serde(default, deserialize_with = "opt")]
    #[schemars(with = "FooterSpec")]
    pub footer: Option<FooterSpec>,
    /// `[back]`: the back cover.
    #[serde(default, deserialize_with = "opt")]
    #[schemars(with = "BackSpec")]
    pub back: Option<BackSpec>,
    /// `[print]`: the print edition (PDF/X-4 with bleed, crop marks and CMYK).
    #[serde(default, deserialize_with = "opt")]
    #[schemars(with = "PrintSpec")]
    pub print: Option<PrintSpec>,
    /// `[strings]`: the words folio prints around the report's own text ("Contents",
    /// "Published" …), to replace the ones of the report's language.
    #[serde(default, deserialize_with = "table")]
    pub strings: StringsSpec,
    /// `[[sections]]`: the body of the report, one table per section, in reading order.
    #[serde(default, deserialize_with = "list")]
    #[schemars(with = "Vec<SectionSpec>", extend("x-required" = true))]
    pub sections: Vec<Spanned<SectionSpec>>,
}

/// `[report]`: what the report is; on the cover, in the footer and in the PDF's metadata.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct ReportMeta {
    /// The report's title: on the cover, in the footer and as the PDF's title.
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(
        with = "String",
        example = &"2020 – a year in health technology", length(min = 1),
        extend("x-required" = true)
    )]
    pub title: Option<SpannedStr>,
    /// One line under the title on the cover.
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "String", example = &"How technology helped the NHS respond")]
    pub subtitle: Option<SpannedStr>,
    /// Who publishes the report: on both covers.
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "String", example = &"NHSX", length(min = 1), extend("x-required" = true))]
    pub organisation: Option<SpannedStr>,
    /// The period the report covers, as it should read; large on the cover.
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(
        with = "String",
        example = &"April 2020 – March 2021", length(min = 1),
        extend("x-required" = true)
    )]
    pub period: Option<SpannedStr>,
    /// The period year-on-year figures compare with, as it should read ("up 12% on 2019");
    /// the year before `period` when that is a year ("2020" → "2019", "2020/21" →
    /// "2019/20"), else "last year".
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "String", example = &"2019", example = &"2019/20")]
    pub previous_period: Option<SpannedStr>,
    /// Publication date, YYYY-MM-DD: on the cover and in the PDF's metadata (never the
    /// clock, so builds are reproducible).
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "Date", extend("x-required" = true))]
    pub date: Option<Spanned<Date>>,
    /// The language of the text, as a BCP 47 tag, for screen readers, hyphenation and
    /// number separators.
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(
        with = "String",
        regex(pattern = r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$"),
        example = &"en-GB",
        example = &"cy",
        extend("x-default" = "en-GB")
    )]
    pub language: Option<SpannedStr>,
    /// The author in the PDF's metadata; defaults to `organisation`.
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "String", example = &"NHSX Transformation Directorate")]
    pub author: Option<SpannedStr>,
    /// The subject in the PDF's metadata.
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "String", example = &"Achievements in health technology in 2020")]
    pub subject: Option<SpannedStr>,
    /// Keywords in the PDF's metadata.
    #[serde(default, deserialize_with = "list")]
    #[schemars(with = "Vec<String>", example = ["NHS", "COVID-19"])]
    pub keywords: Vec<SpannedStr>,
}
table_expect!(
    ReportMeta,
    "a table",
    "write [report] on a line of its own, with title = \"…\", organisation, period and date on the lines below it"
);

/// `[brand]`: the logo, colours and fonts.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[schemars(
    deny_unknown_fields,
    extend("if" = { "required": ["logo"] }, "then" = {
        "anyOf": [{ "required": ["logo_alt"] }, { "required": ["logo_decorative"] }]
    })
)]
pub struct Brand {
    /// The logo (SVG, PNG or JPEG), relative to report.toml; on both covers.
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "FilePath", example = &"images/logo.svg")]
    pub logo: Option<Spanned<FilePath>>,
    /// What the logo says, read aloud by screen readers; required with `logo`.
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "String", example = &"Example Health Trust logo")]
    pub logo_alt: Option<SpannedStr>,
    /// The logo adds nothing a reader needs: no `logo_alt`, and screen readers skip it.
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "bool", extend("x-default" = false))]
    pub logo_decorative: Option<Spanned<bool>>,
    /// A version of the logo drawn for the brand colour (often white), for covers that put
    /// the logo on the colour field; `logo_alt` describes it too. Without it the logo is
    /// set on a panel of the paper colour there.
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "FilePath", example = &"images/logo-white.svg")]
    pub logo_on_field: Option<Spanned<FilePath>>,
    /// `[brand.colours]`: the brand colours by role.
    #[serde(default, deserialize_with = "table")]
    pub colours: Colours,
    /// `[brand.fonts]`: the brand fonts.
    #[serde(default, deserialize_with = "table")]
    pub fonts: FontsSpec,
}
table_expect!(
    Brand,
    "a table",
    "write [brand] on a line of its own, with logo = \"…\" and the other keys below it"
);

/// `[brand.colours]`: colours by role. Each is `"#005EB8"`, or a table with the print
/// values: `{ hex = "#005EB8", cmyk = [99, 50, 0, 0], spot = "PANTONE 300 C" }`.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Colours {
    /// Cover and back-cover fields, headings, figures and links.
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "Colour", extend("x-default" = "#005EB8"))]
    pub primary: Option<Spanned<Colour>>,
    /// Decorative rules above headings (never text).
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "Colour", extend("x-default" = "#41B6E6"))]
    pub accent: Option<Spanned<Colour>>,
    /// Body text.
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "Colour", extend("x-default" = "#212B32"))]
    pub text: Option<Spanned<Colour>>,
    /// Card details and the footer.
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "Colour", extend("x-default" = "#4C6272"))]
    pub muted: Option<Spanned<Colour>>,
    /// Card backgrounds and the footer rule.
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "Colour", extend("x-default" = "#E8EDEE"))]
    pub tint: Option<Spanned<Colour>>,
    /// Text on the colour fields, and the page.
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "Colour", extend("x-default" = "#FFFFFF"))]
    pub paper: Option<Spanned<Colour>>,
}
table_expect!(
    Colours,
    "a table of colours by role",
    "write [brand.colours] on a line of its own, with primary = \"#005EB8\" and the other roles below it"
);

impl Colours {
    /// The colour given for `role`, if any.
    pub fn get(&self, role: &str) -> Option<&Spanned<Colour>> {
        match role {
            "primary" => self.primary.as_ref(),
            "accent" => self.accent.as_ref(),
            "text" => self.text.as_ref(),
            "muted" => self.muted.as_ref(),
            "tint" => self.tint.as_ref(),
            "paper" => self.paper.as_ref(),
            _ => None,
        }
    }
}

/// `[brand.fonts]`: a family name (built in, or whose files are in a `fonts/` folder
/// beside report.toml) or a path to a `.ttf`/`.otf` file.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct FontsSpec {
    /// Body text.
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(
        with = "String",
        example = &"fonts/MyBody-Regular.ttf",
        extend("x-default" = "Liberation Sans")
    )]
    pub body: Option<SpannedStr>,
    /// Headings, figures and the cover.
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(
        with = "String",
        example = &"fonts/MyHeading-Bold.ttf",
        extend("x-default" = "Liberation Sans")
    )]
    pub heading: Option<SpannedStr>,
    /// Fonts tried, in order, for characters the body and heading fonts lack (a script,
    /// symbols, emoji), before the built-in fallback fonts: family names or
    /// .ttf/.otf/.ttc files.
    #[serde(default, deserialize_with = "list")]
    #[schemars(with = "Vec<String>", example = &["Noto Sans Arabic"])]
    pub fallback: Vec<SpannedStr>,
}
table_expect!(
    FontsSpec,
    "a table",
    "write [brand.fonts] on a line of its own, with body = \"…\" and heading = \"…\" below it"
);

/// `[cover]`: the front cover's design.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct CoverSpec {
    /// The design: the brand colour field, a photograph over the whole page, or a
    /// photograph above the brand colour. Every design fits any page size.
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "CoverLayout", extend("x-default" = "field"))]
    pub layout: Option<Spanned<CoverLayout>>,
    /// The cover photograph (JPEG or PNG), relative to report.toml; needed by the `photo`
    /// and `split` designs. It is cropped to fill its frame and runs into the print bleed.
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "FilePath", example = &"images/cover.jpg")]
    pub photo: Option<Spanned<FilePath>>,
    /// What the photograph shows, for screen readers; required with `photo` unless
    /// `photo_decorative`.
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "String", example = &"Volunteers outside the new community hospital")]
    pub photo_alt: Option<SpannedStr>,
    /// The photograph adds nothing a reader needs: no `photo_alt`, and screen readers
    /// skip it.
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "bool", extend("x-default" = false))]
    pub photo_decorative: Option<Spanned<bool>>,
    /// Who took the photograph, printed small on the cover after "Photo:" (`[strings] photo`).
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "String", example = &"Sam Taylor")]
    pub photo_credit: Option<SpannedStr>,
    /// Which part of the photograph to keep when it is cropped to fill its frame.
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "Focus", extend("x-default" = "centre"))]
    pub focus: Option<Spanned<Focus>>,
    /// Show `[report] period` on the cover.
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "bool", extend("x-default" = true))]
    pub show_period: Option<Spanned<bool>>,
}
table_expect!(
    CoverSpec,
    "a table",
    "write [cover] on a line of its own, with layout = \"photo\" below it"
);

/// `[page]`: paper size and margins.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct PageSpec {
    /// A paper name, or width × height with units.
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "PageSize", example = &"170mm x 240mm", extend("x-default" = "A4"))]
    pub size: Option<Spanned<PageSize>>,
    /// One length for every side, or each side on its own.
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "Margins", extend("x-default" = "20mm"))]
    pub margins: Option<Spanned<Margins>>,
}
table_expect!(
    PageSpec,
    "a table",
    "write [page] on a line of its own, with size = \"A4\" below it"
);

/// `[text]`: how body text is set.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct TextSpec {
    /// Ragged right or justified.
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "Align", extend("x-default" = "left"))]
    pub align: Option<Spanned<Align>>,
    /// Body text size in points, 8 to 24.
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "f64", range(min = 8, max = 24), extend("x-default" = 10.5))]
    pub size: Option<Spanned<f64>>,
    /// Let long words break at line ends when that evens the rag.
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "bool", extend("x-default" = true))]
    pub hyphenate: Option<Spanned<bool>>,
    /// Typographer's quotes: ' becomes ’ and "…" becomes “…” in every text (never in links).
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "bool", extend("x-default" = true))]
    pub smart_quotes: Option<Spanned<bool>>,
}
table_expect!(
    TextSpec,
    "a table",
    "write [text] on a line of its own, with size = 10.5 below it"
);

/// `[contents]`: the contents page, shown unless `show = false`.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct ContentsSpec {
    /// The contents page's heading.
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "String", example = &"In this report", extend("x-default" = "Contents"))]
    pub title: Option<SpannedStr>,
    /// `false` leaves the contents page out.
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "bool", extend("x-default" = true))]
    pub show: Option<Spanned<bool>>,
    /// How many levels of heading the contents lists: 1 for section titles only, 2 with
    /// the top level of subheadings, 3 with the next. `"auto"` (the default) lists two
    /// levels when they fit on one page, else section titles only.
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "ContentsDepth", extend("x-default" = "auto"))]
    pub depth: Option<Spanned<ContentsDepth>>,
}
table_expect!(
    ContentsSpec,
    "a table",
    "write [contents] on a line of its own, with title = \"Contents\" below it"
);

/// `[numbers]`: a page of every metric marked `highlight = true`, three across.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct NumbersSpec {
    /// The page's heading.
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "String", example = &"2020 in numbers")]
    pub title: Option<SpannedStr>,
    /// One sentence under the heading.
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "String", example = &"Some of the figures behind our year.")]
    pub intro: Option<SpannedStr>,
}
table_expect!(
    NumbersSpec,
    "a table",
    "write [numbers] on a line of its own, with title = \"…\" below it"
);

/// `[footer]`: the running footer at the foot of every numbered page.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct FooterSpec {
    /// The footer's text, beside the page number; the report's title when absent.
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "String", example = &"Annual report 2024 · Example Health Trust")]
    pub text: Option<SpannedStr>,
}
table_expect!(
    FooterSpec,
    "a table",
    "write [footer] on a line of its own, with text = \"…\" below it"
);

/// `[back]`: the back cover.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct BackSpec {
    /// Markdown under the organisation line: address, contact, licence.
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "String", example = &"**NHSX** · 39 Victoria Street, London")]
    pub text: Option<SpannedStr>,
}
table_expect!(
    BackSpec,
    "a table",
    "write [back] on a line of its own, with text = \"…\" below it"
);

/// `[print]`: the print edition (PDF/X-4).
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct PrintSpec {
    /// Also write the print edition (`report-print.pdf`) on every build.
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "bool", extend("x-default" = false))]
    pub enabled: Option<Spanned<bool>>,
    /// Bleed on every side; backgrounds and colour fields run into it.
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "Length", extend("x-default" = "3mm"))]
    pub bleed: Option<Spanned<Length>>,
    /// Crop marks at the trim corners, starting 2 mm outside the bleed. Off by default:
    /// printers who impose the pages mark the sheets themselves.
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "bool", extend("x-default" = false))]
    pub marks: Option<Spanned<bool>>,
    /// Registration targets beside the trim.
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "bool", extend("x-default" = false))]
    pub registration: Option<Spanned<bool>>,
    /// A slug line outside the bleed: file, date, page; drawn with the marks unless set.
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "bool", extend("x-default" = false))]
    pub slug: Option<Spanned<bool>>,
    /// Text and logos closer than this to the trim are a warning.
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "Length", extend("x-default" = "5mm"))]
    pub safe_area: Option<Spanned<Length>>,
    /// The printer's CMYK ICC profile, relative to report.toml; FOGRA39 coated (built in)
    /// when absent.
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "FilePath", example = &"printer.icc")]
    pub profile: Option<Spanned<FilePath>>,
    /// Total ink limit in per cent; a colour over it is an error.
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "f64", range(min = 0, max = 400), extend("x-default" = 320))]
    pub ink_limit: Option<Spanned<f64>>,
    /// How the printed copies are bound; a page count the binding cannot take is a warning.
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "Binding", extend("x-default" = "saddle-stitch"))]
    pub binding: Option<Spanned<Binding>>,
    /// Add blank pages before the back cover until the binding can take the page count.
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "bool", extend("x-default" = false))]
    pub pad: Option<Spanned<bool>>,
}
table_expect!(
    PrintSpec,
    "a table",
    "write [print] on a line of its own, with enabled = true below it"
);

/// One `[[sections]]` entry: a heading, its figures, its text and its blocks.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct SectionSpec {
    /// The section's language when it differs from the report's, a BCP 47 tag (`"cy"` for
    /// the Welsh half of a bilingual report): screen readers switch voice, and its words
    /// are hyphenated as that language.
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "String", example = &"cy")]
    pub lang: Option<SpannedStr>,
    /// A short name for links and bookmarks, unique in the report; made from the title
    /// when absent.
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "String", example = &"patients")]
    pub id: Option<SpannedStr>,
    /// The section's heading.
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(
        with = "String",
        example = &"Services for patients and the public", length(min = 1),
        extend("x-required" = true)
    )]
    pub title: Option<SpannedStr>,
    /// One or two sentences, printed larger under the heading.
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "String", example = &"Digital services that patients used in 2020.")]
    pub lead: Option<SpannedStr>,
    /// Markdown printed after the figures: paragraphs, `- bullet` and `1. numbered` lists,
    /// `**bold**`, `*italic*`, `[links](https://…)` and `## subheadings`. Write it above
    /// the section's first `[[sections.metrics]]` line.
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "String", example = &"A paragraph.\n\n- **A point** – and why it mattered")]
    pub body: Option<SpannedStr>,
    /// Set the body in 1 or 2 columns; figures, quotes and tables after it span both.
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "u8", range(min = 1, max = 2), extend("x-default" = 1))]
    pub columns: Option<Spanned<u8>>,
    /// Start this section on a new page.
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "bool", extend("x-default" = false))]
    pub new_page: Option<Spanned<bool>>,
    /// `"page"` starts the section on a new page (as `new_page = true` does).
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "BreakBefore", extend("x-default" = "auto"))]
    pub break_before: Option<Spanned<BreakBefore>>,
    /// Keep the whole section on one page when it fits on one: it starts on the next page
    /// rather than break.
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "bool", extend("x-default" = false))]
    pub keep_together: Option<Spanned<bool>>,
    /// The section's figures (callout cards): `[[sections.metrics]]` tables.
    #[serde(default, deserialize_with = "list")]
    #[schemars(with = "Vec<MetricSpec>")]
    pub metrics: Vec<Spanned<MetricSpec>>,
    /// Charts, pull quotes, highlight boxes, tables and images after the body, in order:
    /// `[[sections.blocks]]` tables.
    #[serde(default, deserialize_with = "list")]
    #[schemars(with = "Vec<BlockSpec>")]
    pub blocks: Vec<Spanned<BlockSpec>>,
}
table_expect!(
    SectionSpec,
    "a section table",
    "write [[sections]] (two brackets) on a line of its own, with title = \"…\" below it"
);

/// One headline figure (a callout card) of the section above it.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[schemars(
    deny_unknown_fields,
    extend("oneOf" = [{ "required": ["value"] }, { "required": ["number"] }])
)]
pub struct MetricSpec {
    /// The figure exactly as it should read (or give `number` instead).
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "String", example = &"£300M", example = &"99%")]
    pub value: Option<SpannedStr>,
    /// A number for folio to format with `format` (instead of `value`).
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "f64", example = 16600000)]
    pub number: Option<Spanned<f64>>,
    /// How `number` reads; separators follow `[report] language`.
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "NumberFormat", extend("x-default" = "grouped"))]
    pub format: Option<Spanned<NumberFormat>>,
    /// Decimal places of a compact, words or currency figure (`£2.48m` with 2).
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "u8", range(max = 3), extend("x-default" = 1))]
    pub decimals: Option<Spanned<u8>>,
    /// A short phrase following on from the figure.
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(
        with = "String",
        example = &"people are now using the NHS App", length(min = 1),
        extend("x-required" = true)
    )]
    pub label: Option<SpannedStr>,
    /// One or two short sentences under the label.
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "String", example = &"Developed by NHS Digital.")]
    pub detail: Option<SpannedStr>,
    /// How a screen reader says the figure; derived from `value` where unambiguous
    /// (`£300M` is "300 million pounds").
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "String", example = &"300 million pounds")]
    pub spoken: Option<SpannedStr>,
    /// Also show the figure on the year-in-numbers page: the same as `show = "both"`.
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "bool", extend("x-default" = false))]
    pub highlight: Option<Spanned<bool>>,
    /// Where the card appears: in its section, on the year-in-numbers page, or both.
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "Show", extend("x-default" = "section"))]
    pub show: Option<Spanned<Show>>,
    /// The figure a year before, as a number; the card then says how it changed ("up 12%
    /// on 2019"). Needs `number`, or a `value` folio can read as a number.
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "f64", example = 1500000)]
    pub previous: Option<Spanned<f64>>,
    /// Or the change, as it should read: a sign, a number and `%` or `points`.
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(
        with = "String",
        regex(pattern = r"^\s*[+\-−±]?\s*[0-9]+([.,][0-9]+)?\s*(%|points?|pts?)?\s*$"),
        example = &"+12%",
        example = &"-3 points"
    )]
    pub change: Option<SpannedStr>,
    /// The period this figure is compared with, when not `[report] previous_period`.
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "String", example = &"March 2020")]
    pub compared_with: Option<SpannedStr>,
    /// An icon on the card, from folio's set, drawn in the brand colour.
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "IconName", example = &"laptop")]
    pub icon: Option<Spanned<IconName>>,
}
table_expect!(
    MetricSpec,
    "a metric table",
    "write [[sections.metrics]] (two brackets) on a line of its own, with value and label below it"
);

/// `[strings]`: the words folio prints around the report's own text, each replacing the one
/// of the report's language.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct StringsSpec {
    /// The contents page's heading.
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "String", example = &"Contents")]
    pub contents: Option<SpannedStr>,
    /// Before the date on the cover.
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "String", example = &"Published")]
    pub published: Option<SpannedStr>,
    /// The long date: `{d}` the day, `{m}` the month's name, `{y}` the year; CLDR's form
    /// for the report's language when absent.
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "String", example = &"{d} {m} {y}")]
    pub date: Option<SpannedStr>,
    /// The twelve month names, as they follow a day, for `date`.
    #[serde(default, deserialize_with = "list")]
    #[schemars(with = "Vec<String>", length(min = 12, max = 12))]
    pub months: Vec<SpannedStr>,
    /// Before an image credit.
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "String", example = &"Credit:")]
    pub credit: Option<SpannedStr>,
    /// Before the cover photograph's credit.
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "String", example = &"Photo:")]
    pub photo: Option<SpannedStr>,
    /// Over the values of a chart's data table.
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "String", example = &"Value")]
    pub value: Option<SpannedStr>,
    /// After a table's title where it continues on the next page.
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "String", example = &"(continued)")]
    pub continued: Option<SpannedStr>,
    /// How a screen reader describes a link to a page, before its number.
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "String", example = &"Go to page")]
    pub go_to_page: Option<SpannedStr>,
    /// The cover's page label.
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "String", example = &"Cover")]
    pub cover: Option<SpannedStr>,
    /// The back cover's page label.
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "String", example = &"Back cover")]
    pub back_cover: Option<SpannedStr>,
    /// The year-in-numbers heading; `{period}` stands for the period.
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "String", example = &"{period} in numbers")]
    pub in_numbers: Option<SpannedStr>,
    /// How screen readers name a bar chart.
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "String", example = &"Bar chart")]
    pub bar_chart: Option<SpannedStr>,
    /// How screen readers name a column chart.
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "String", example = &"Column chart")]
    pub column_chart: Option<SpannedStr>,
    /// How screen readers name a line chart.
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "String", example = &"Line chart")]
    pub line_chart: Option<SpannedStr>,
    /// How screen readers name a progress chart.
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "String", example = &"Progress chart")]
    pub progress_chart: Option<SpannedStr>,
    /// How screen readers name a grouped bar chart.
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "String", example = &"Grouped bar chart")]
    pub grouped_chart: Option<SpannedStr>,
    /// How screen readers name a stacked bar chart.
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "String", example = &"Stacked bar chart")]
    pub stacked_chart: Option<SpannedStr>,
    /// How screen readers name a stacked column chart.
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "String", example = &"Stacked column chart")]
    pub stacked_column_chart: Option<SpannedStr>,
    /// How screen readers name a pie chart.
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "String", example = &"Pie chart")]
    pub pie_chart: Option<SpannedStr>,
    /// How screen readers name a donut chart.
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "String", example = &"Donut chart")]
    pub donut_chart: Option<SpannedStr>,
    /// How screen readers name a progress ring.
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "String", example = &"Progress ring")]
    pub ring_chart: Option<SpannedStr>,
    /// The slice of a pie or donut that holds its smallest shares, past eight.
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "String", example = &"Other")]
    pub other: Option<SpannedStr>,
    /// Over the shares in a pie's or donut's data table.
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "String", example = &"Share")]
    pub share: Option<SpannedStr>,
}
table_expect!(
    StringsSpec,
    "a table",
    "write [strings] on a line of its own, with contents = \"…\" below it"
);
