//! The serde types of report.toml, exactly as written.
//!
//! Every value a later stage may need to complain about is wrapped in [`Spanned`], so that
//! `model::resolve` can point at the line and column of the key that caused a problem.
//! Nothing here knows about fonts, pages or PDF: a colour is still a string, a length is
//! still `"20mm"`.

use super::lenient::{leaf, list};
use schemars::JsonSchema;
use serde::Deserialize;
use serde_spanned::Spanned;
use std::collections::BTreeMap;

/// A string value together with where it stands in report.toml.
pub type SpannedStr = Spanned<String>;

/// The whole of report.toml.
#[derive(Debug, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Spec {
    /// `[report]`: what the report is and who publishes it.
    #[serde(default)]
    #[schemars(with = "ReportMeta", required)]
    pub report: Option<Spanned<ReportMeta>>,
    /// `[brand]`: colours, fonts and logo.
    #[serde(default)]
    pub brand: Brand,
    /// `[page]`: paper size and margins.
    #[serde(default)]
    pub page: PageSpec,
    /// `[text]`: how body text is set.
    #[serde(default)]
    pub text: TextSpec,
    /// `[contents]`: the contents page.
    #[serde(default)]
    pub contents: Option<ContentsSpec>,
    /// `[numbers]`: the year-in-numbers page.
    #[serde(default)]
    pub numbers: Option<NumbersSpec>,
    /// `[back]`: the back cover.
    #[serde(default)]
    pub back: Option<BackSpec>,
    /// `[print]`: the print edition.
    #[serde(default)]
    pub print: Option<PrintSpec>,
    /// `[[sections]]`: the body of the report, in reading order.
    #[serde(default)]
    #[schemars(with = "Vec<SectionSpec>")]
    pub sections: Vec<Spanned<SectionSpec>>,
}

/// `[report]`.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct ReportMeta {
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "String", required)]
    pub title: Option<SpannedStr>,
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "Option<String>")]
    pub subtitle: Option<SpannedStr>,
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "String", required)]
    pub organisation: Option<SpannedStr>,
    /// The period the report covers, as it should read: `"2020"` or `"April 2020 – March 2021"`.
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "String", required)]
    pub period: Option<SpannedStr>,
    /// Publication date, `YYYY-MM-DD`: printed on the back cover and written to the PDF's
    /// metadata (never the clock, so builds are reproducible).
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "String", required)]
    pub date: Option<SpannedStr>,
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "Option<String>")]
    pub language: Option<SpannedStr>,
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "Option<String>")]
    pub author: Option<SpannedStr>,
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "Option<String>")]
    pub subject: Option<SpannedStr>,
    #[serde(default, deserialize_with = "list")]
    #[schemars(with = "Vec<String>")]
    pub keywords: Vec<SpannedStr>,
}

/// `[brand]`.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Brand {
    /// Named colours: `primary = "#005EB8"`. Names are fixed roles (see the README).
    /// Colours by role: a hex string, or a table with `hex`, `cmyk` and `spot`; read by
    /// the model, which knows both forms.
    #[serde(default)]
    #[schemars(with = "super::schema::Colours")]
    pub colours: BTreeMap<String, Spanned<toml::Value>>,
    #[serde(default)]
    pub fonts: FontsSpec,
    /// Path of the logo (SVG or PNG), relative to report.toml.
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "Option<String>")]
    pub logo: Option<SpannedStr>,
    /// What the logo says, for screen readers.
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "Option<String>")]
    pub logo_alt: Option<SpannedStr>,
    /// The logo adds nothing a reader needs (screen readers skip it).
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "Option<bool>")]
    pub logo_decorative: Option<Spanned<bool>>,
}

/// `[brand.fonts]`: a family name found in `fonts/` (or built in), or a path to a font file.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct FontsSpec {
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "Option<String>")]
    pub body: Option<SpannedStr>,
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "Option<String>")]
    pub heading: Option<SpannedStr>,
}

/// `[page]`.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct PageSpec {
    /// `"A4"`, `"A5"`, `"Letter"`, or `"210mm x 297mm"`.
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "Option<String>")]
    pub size: Option<SpannedStr>,
    /// One length for all sides (`"20mm"`), or a table with top, bottom, left, right;
    /// kept raw and read by the model, which knows both forms.
    #[serde(default)]
    #[schemars(with = "Option<super::schema::Margins>")]
    pub margins: Option<Spanned<toml::Value>>,
}

/// `[text]`.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct TextSpec {
    /// `"left"` (ragged right, the default) or `"justify"`.
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "Option<String>")]
    pub align: Option<SpannedStr>,
    /// Body text size in points.
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "Option<f64>")]
    pub size: Option<Spanned<f64>>,
    /// Whether long words may be hyphenated at line ends.
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "Option<bool>")]
    pub hyphenate: Option<Spanned<bool>>,
}

/// `[contents]`: the contents page, shown unless `show = false`.
#[derive(Debug, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct ContentsSpec {
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "Option<String>")]
    pub title: Option<SpannedStr>,
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "Option<bool>")]
    pub show: Option<Spanned<bool>>,
}

/// `[numbers]`: the year-in-numbers page.
#[derive(Debug, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct NumbersSpec {
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "Option<String>")]
    pub title: Option<SpannedStr>,
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "Option<String>")]
    pub intro: Option<SpannedStr>,
}

/// `[print]`: the print edition (PDF/X-4 with bleed, marks and CMYK).
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct PrintSpec {
    /// Also write the print edition (`report-print.pdf`) on every build.
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "Option<bool>")]
    pub enabled: Option<Spanned<bool>>,
    /// Bleed on every side, default `"3mm"`.
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "Option<String>")]
    pub bleed: Option<SpannedStr>,
    /// Crop marks at the trim corners, outside the bleed; default `false` (printers who
    /// impose the pages mark the sheets themselves).
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "Option<bool>")]
    pub marks: Option<Spanned<bool>>,
    /// Registration targets beside the trim, default `false`.
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "Option<bool>")]
    pub registration: Option<Spanned<bool>>,
    /// A slug line outside the bleed: file, date, page; default: as `marks`.
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "Option<bool>")]
    pub slug: Option<Spanned<bool>>,
    /// Text and logos must stay this far inside the trim, default `"5mm"`.
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "Option<String>")]
    pub safe_area: Option<SpannedStr>,
    /// The printer's CMYK ICC profile, relative to report.toml; default: FOGRA39 coated.
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "Option<String>")]
    pub profile: Option<SpannedStr>,
    /// Total ink limit in per cent for any colour, default 320 (coated stock).
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "Option<f64>")]
    pub ink_limit: Option<Spanned<f64>>,
    /// How the printed copies are bound: `"saddle-stitch"` (the default), `"perfect"` or
    /// `"none"`; a page count the binding cannot take is a warning.
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "Option<String>")]
    pub binding: Option<SpannedStr>,
    /// Add blank pages before the back cover until the binding can take the page count.
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "Option<bool>")]
    pub pad: Option<Spanned<bool>>,
}

/// `[back]`: the back cover.
#[derive(Debug, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct BackSpec {
    /// Markdown shown on the back cover under the organisation line.
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "Option<String>")]
    pub text: Option<SpannedStr>,
}

/// One `[[sections]]` entry.
#[derive(Debug, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct SectionSpec {
    /// A short stable name, used for links and bookmarks; made from the title if absent.
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "Option<String>")]
    pub id: Option<SpannedStr>,
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "String", required)]
    pub title: Option<SpannedStr>,
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "Option<String>")]
    pub lead: Option<SpannedStr>,
    /// Markdown printed after the metrics: paragraphs, bullet and numbered lists,
    /// **bold**, *italic*, links.
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "Option<String>")]
    pub body: Option<SpannedStr>,
    /// Set the body in 1 (default) or 2 columns.
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "Option<f64>")]
    pub columns: Option<Spanned<f64>>,
    /// Start this section on a new page.
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "Option<bool>")]
    pub new_page: Option<Spanned<bool>>,
    #[serde(default)]
    #[schemars(with = "Vec<MetricSpec>")]
    pub metrics: Vec<Spanned<MetricSpec>>,
    /// Charts, quotes, boxes, tables and images, in order, after the body.
    #[serde(default)]
    #[schemars(with = "Vec<BlockSpec>")]
    pub blocks: Vec<Spanned<BlockSpec>>,
}

/// One headline figure.
#[derive(Debug, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct MetricSpec {
    /// The figure as it should read: `"2m"`, `"£300M"`, `"99%"`.
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "Option<String>")]
    pub value: Option<SpannedStr>,
    /// Or a number, with `format`.
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "Option<f64>")]
    pub number: Option<Spanned<f64>>,
    /// `"grouped"` (42,000), `"compact"` (2m), `"words"` (2 million), `"percent"` (99%),
    /// `"currency"` (£16.6m), `"currency-eur"`, `"currency-usd"`.
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "Option<String>")]
    pub format: Option<SpannedStr>,
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "String", required)]
    pub label: Option<SpannedStr>,
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "Option<String>")]
    pub detail: Option<SpannedStr>,
    /// How a screen reader should say the figure ("300 million pounds"); derived from the
    /// value where that is unambiguous.
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "Option<String>")]
    pub spoken: Option<SpannedStr>,
    /// Also show this figure on the year-in-numbers page.
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "Option<bool>")]
    pub highlight: Option<Spanned<bool>>,
}

/// One `[[sections.blocks]]` entry: a chart, pull quote, highlight box, table or image.
#[derive(Debug, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct BlockSpec {
    /// `"chart"`, `"quote"`, `"box"`, `"table"` or `"image"`.
    #[serde(default, rename = "type", deserialize_with = "leaf")]
    #[schemars(with = "String", required)]
    pub kind: Option<SpannedStr>,
    /// Chart: `"bar"` (horizontal bars), `"column"` (vertical), `"line"`, `"grouped"`
    /// (bars per series) or `"progress"` (a percentage bar per row).
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "Option<String>")]
    pub chart: Option<SpannedStr>,
    /// Chart, box or table: its title.
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "Option<String>")]
    pub title: Option<SpannedStr>,
    /// Grouped chart: the series' names, e.g. `["GP practices", "Trusts"]`.
    #[serde(default)]
    #[schemars(with = "Option<Vec<String>>")]
    pub series: Option<Spanned<toml::Value>>,
    /// Chart data inline: `[{ label = "…", value = 55000000 }, …]`; for a grouped chart
    /// `values = [a, b]` per label, one per series.
    #[serde(default)]
    #[schemars(with = "Option<Vec<DatumSchema>>")]
    pub data: Option<Spanned<toml::Value>>,
    /// Chart data from a CSV file beside report.toml: a `label,value` header, then rows.
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "Option<String>")]
    pub csv: Option<SpannedStr>,
    /// Chart: how values read (`"compact"`, `"grouped"`, `"percent"`, `"currency"`).
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "Option<String>")]
    pub format: Option<SpannedStr>,
    /// Chart or image: what it shows, for screen readers (charts: generated if absent).
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "Option<String>")]
    pub alt: Option<SpannedStr>,
    /// Chart: also give its data as a table after it, default `false`.
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "Option<bool>")]
    pub table: Option<Spanned<bool>>,
    /// Quote: the words; box: its markdown body.
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "Option<String>")]
    pub text: Option<SpannedStr>,
    /// Quote: who said it.
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "Option<String>")]
    pub by: Option<SpannedStr>,
    /// Table: column headings.
    #[serde(default)]
    #[schemars(with = "Option<Vec<String>>")]
    pub columns: Option<Spanned<toml::Value>>,
    /// Table: rows of cells (text or numbers).
    #[serde(default)]
    #[schemars(with = "Option<Vec<Vec<CellSchema>>>")]
    pub rows: Option<Spanned<toml::Value>>,
    /// Image: the file (SVG, PNG or JPEG), relative to report.toml.
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "Option<String>")]
    pub file: Option<SpannedStr>,
    /// Image: width as a share of the text column, 0.2 to 1 (default 1), or `"page"` for
    /// the full width of the page.
    #[serde(default)]
    #[schemars(with = "Option<WidthSchema>")]
    pub width: Option<Spanned<toml::Value>>,
    /// Image: caption under it.
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "Option<String>")]
    pub caption: Option<SpannedStr>,
    /// Image: who made it.
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "Option<String>")]
    pub credit: Option<SpannedStr>,
    /// Image: adds nothing a reader needs (no `alt`; screen readers skip it).
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "Option<bool>")]
    pub decorative: Option<Spanned<bool>>,
}

/// A chart datum, as the schema shows it.
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields)]
#[allow(dead_code)]
pub struct DatumSchema {
    label: String,
    value: Option<f64>,
    values: Option<Vec<f64>>,
}

/// A table cell: text or a number.
#[derive(JsonSchema)]
#[serde(untagged)]
#[allow(dead_code)]
pub enum CellSchema {
    Text(String),
    Number(f64),
}

/// An image width: a share of the column, or "page".
#[derive(JsonSchema)]
#[serde(untagged)]
#[allow(dead_code)]
pub enum WidthSchema {
    Share(f64),
    Page(String),
}
