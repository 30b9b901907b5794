//! The serde types of report.toml, exactly as written.
//!
//! Every value a later stage may need to complain about is wrapped in [`Spanned`], so that
//! `model::resolve` can point at the line and column of the key that caused a problem.
//! Nothing here knows about fonts, pages or PDF: a colour is still a string, a length is
//! still `"20mm"`.

use serde::Deserialize;
use serde_spanned::Spanned;
use std::collections::BTreeMap;

/// A string value together with where it stands in report.toml.
pub type SpannedStr = Spanned<String>;

/// The whole of report.toml.
#[derive(Debug, Deserialize)]
pub struct Spec {
    /// `[report]`: what the report is and who publishes it.
    pub report: Spanned<ReportMeta>,
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
    /// `[[sections]]`: the body of the report, in reading order.
    #[serde(default)]
    pub sections: Vec<Spanned<SectionSpec>>,
}

/// `[report]`.
#[derive(Debug, Deserialize)]
pub struct ReportMeta {
    pub title: SpannedStr,
    #[serde(default)]
    pub subtitle: Option<SpannedStr>,
    pub organisation: SpannedStr,
    /// The period the report covers, as it should read: `"2020"` or `"April 2020 – March 2021"`.
    pub period: SpannedStr,
    /// Publication date, `YYYY-MM-DD`: printed on the back cover and written to the PDF's
    /// metadata (never the clock, so builds are reproducible).
    pub date: SpannedStr,
    #[serde(default)]
    pub language: Option<SpannedStr>,
    #[serde(default)]
    pub author: Option<SpannedStr>,
    #[serde(default)]
    pub subject: Option<SpannedStr>,
    #[serde(default)]
    pub keywords: Vec<SpannedStr>,
}

/// `[brand]`.
#[derive(Debug, Default, Deserialize)]
pub struct Brand {
    /// Named colours: `primary = "#005EB8"`. Names are fixed roles (see the README).
    #[serde(default)]
    pub colours: BTreeMap<String, SpannedStr>,
    #[serde(default)]
    pub fonts: FontsSpec,
    /// Path of the logo (SVG or PNG), relative to report.toml.
    #[serde(default)]
    pub logo: Option<SpannedStr>,
    /// What the logo says, for screen readers.
    #[serde(default)]
    pub logo_alt: Option<SpannedStr>,
    /// The logo adds nothing a reader needs (screen readers skip it).
    #[serde(default)]
    pub logo_decorative: Option<bool>,
}

/// `[brand.fonts]`: a family name found in `fonts/` (or built in), or a path to a font file.
#[derive(Debug, Default, Deserialize)]
pub struct FontsSpec {
    #[serde(default)]
    pub body: Option<SpannedStr>,
    #[serde(default)]
    pub heading: Option<SpannedStr>,
}

/// `[page]`.
#[derive(Debug, Default, Deserialize)]
pub struct PageSpec {
    /// `"A4"`, `"A5"`, `"Letter"`, or `"210mm x 297mm"`.
    #[serde(default)]
    pub size: Option<SpannedStr>,
    /// One length for all sides (`"20mm"`), or a table with top, bottom, left, right.
    #[serde(default)]
    pub margins: Option<Spanned<MarginsSpec>>,
}

/// Margins as written: one length or four.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
pub enum MarginsSpec {
    All(String),
    Sides(SidesSpec),
}

/// `margins = { top = "…", bottom = "…", left = "…", right = "…" }`.
#[derive(Debug, Deserialize)]
pub struct SidesSpec {
    pub top: Option<String>,
    pub bottom: Option<String>,
    pub left: Option<String>,
    pub right: Option<String>,
}

/// `[text]`.
#[derive(Debug, Default, Deserialize)]
pub struct TextSpec {
    /// `"left"` (ragged right, the default) or `"justify"`.
    #[serde(default)]
    pub align: Option<SpannedStr>,
    /// Body text size in points.
    #[serde(default)]
    pub size: Option<Spanned<f64>>,
    /// Whether long words may be hyphenated at line ends.
    #[serde(default)]
    pub hyphenate: Option<bool>,
}

/// `[contents]`: the contents page, shown unless `show = false`.
#[derive(Debug, Deserialize)]
pub struct ContentsSpec {
    #[serde(default)]
    pub title: Option<SpannedStr>,
    #[serde(default)]
    pub show: Option<bool>,
}

/// `[numbers]`: the year-in-numbers page.
#[derive(Debug, Deserialize)]
pub struct NumbersSpec {
    pub title: SpannedStr,
    #[serde(default)]
    pub intro: Option<SpannedStr>,
}

/// `[back]`: the back cover.
#[derive(Debug, Deserialize)]
pub struct BackSpec {
    /// Markdown shown on the back cover under the organisation line.
    #[serde(default)]
    pub text: Option<SpannedStr>,
}

/// One `[[sections]]` entry.
#[derive(Debug, Deserialize)]
pub struct SectionSpec {
    /// A short stable name, used for links and bookmarks; made from the title if absent.
    #[serde(default)]
    pub id: Option<SpannedStr>,
    pub title: SpannedStr,
    #[serde(default)]
    pub lead: Option<SpannedStr>,
    /// Markdown printed after the metrics: paragraphs, bullet and numbered lists,
    /// **bold**, *italic*, links.
    #[serde(default)]
    pub body: Option<SpannedStr>,
    /// Start this section on a new page.
    #[serde(default)]
    pub new_page: Option<bool>,
    #[serde(default)]
    pub metrics: Vec<Spanned<MetricSpec>>,
}

/// One headline figure.
#[derive(Debug, Deserialize)]
pub struct MetricSpec {
    /// The figure as it should read: `"2m"`, `"£300M"`, `"99%"`.
    #[serde(default)]
    pub value: Option<SpannedStr>,
    /// Or a number, with `format`.
    #[serde(default)]
    pub number: Option<Spanned<f64>>,
    /// `"grouped"` (42,000), `"compact"` (2m), `"percent"` (99%), `"currency"` (£16.6m).
    #[serde(default)]
    pub format: Option<SpannedStr>,
    pub label: SpannedStr,
    #[serde(default)]
    pub detail: Option<SpannedStr>,
    /// How a screen reader should say the figure ("300 million pounds"); derived from the
    /// value where that is unambiguous.
    #[serde(default)]
    pub spoken: Option<SpannedStr>,
    /// Also show this figure on the year-in-numbers page.
    #[serde(default)]
    pub highlight: Option<bool>,
}
