//! The parts of the resolved report: everything validated, defaulted and loaded.
//!
//! After `model::resolve` nothing is optional that layout needs, and nothing is a string
//! that still has to be parsed. Spans are kept only where a later stage may still warn
//! (text the fonts might not cover).

pub use crate::calendar::Date;
pub use crate::geom::Ink;
pub use crate::images::{ImageData, ImageKind};

use crate::geom::{Abs, Color, Size};
use std::sync::Arc;

/// What the report is; goes on the cover, in the footer and into the PDF metadata.
pub struct Meta {
    pub title: String,
    pub subtitle: Option<String>,
    pub organisation: String,
    pub period: String,
    pub date: Date,
    pub language: String,
    /// The report's language, resolved: hyphenation, and the `/Lang` of the document.
    pub lang: super::lang::Language,
    /// The words folio prints around the report's own, in the report's language.
    pub strings: super::lang::Strings,
    pub author: String,
    pub subject: Option<String>,
    pub keywords: Vec<String>,
}

/// The brand colours by role.
#[derive(Debug, Clone, Copy)]
pub struct Palette {
    /// Colour fields, headings, callout figures.
    pub primary: Color,
    /// Decorative rules and bullets.
    pub accent: Color,
    /// Body text.
    pub text: Color,
    /// Secondary text: details, footer.
    pub muted: Color,
    /// Card backgrounds.
    pub tint: Color,
    /// The page.
    pub paper: Color,
}

/// A decoded logo.
#[derive(Clone)]
pub struct Logo {
    pub image: Arc<ImageData>,
    /// Where report.toml names the file.
    pub span: Option<std::ops::Range<usize>>,
    /// What the logo says; `None` when report.toml declares it decorative.
    pub alt: Option<String>,
}

/// Paper and margins.
#[derive(Debug, Clone, Copy)]
pub struct PageConfig {
    pub size: Size,
    pub top: Abs,
    pub bottom: Abs,
    pub left: Abs,
    pub right: Abs,
}

/// How text is set.
#[derive(Debug, Clone)]
pub struct TextConfig {
    pub size: Abs,
    pub justify: bool,
    pub hyphenate: bool,
}

/// The year-in-numbers page.
pub struct NumbersPage {
    pub title: String,
    pub intro: Option<String>,
    pub metrics: Vec<Metric>,
}

/// One section of the body.
pub struct Section {
    /// The section's language, where it differs from the report's.
    pub lang: Option<super::lang::Language>,
    pub id: String,
    pub title: String,
    pub lead: Option<String>,
    pub body: Vec<Block>,
    pub metrics: Vec<Metric>,
    /// Charts, quotes, boxes, tables and images, after the body.
    pub components: Vec<Component>,
    /// The body's columns: 1 or 2.
    pub columns: u8,
    pub new_page: bool,
}

/// A headline figure.
#[derive(Debug, Clone)]
pub struct Metric {
    /// As printed: "2m", "£300M".
    pub value: String,
    pub label: String,
    pub detail: Option<String>,
    /// What a screen reader says for the value.
    pub spoken: String,
    /// Where the value is written, for layout's warnings (a figure too wide for its card).
    pub span: Option<std::ops::Range<usize>>,
    pub highlight: bool,
}

/// A block of body text from markdown.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    Paragraph(Vec<Inline>),
    /// A heading inside a body, level 1 being the first level below the section title.
    Heading(u8, Vec<Inline>),
    List {
        ordered: bool,
        /// The number of the first item when ordered.
        start: u64,
        items: Vec<Vec<Block>>,
    },
}

/// A run of text with one style.
#[derive(Debug, Clone, PartialEq)]
pub struct Inline {
    pub text: String,
    pub bold: bool,
    pub italic: bool,
    pub link: Option<String>,
    /// A passage in another language (`[Croeso]{lang=cy}` in a body).
    pub lang: Option<super::lang::Language>,
}

/// A rich component of a section.
pub enum Component {
    Chart(Chart),
    Quote {
        text: String,
        by: Option<String>,
    },
    Box {
        title: Option<String>,
        body: Vec<Block>,
    },
    Table(Table),
    Image(ImageBlock),
}

/// A chart drawn from data.
#[derive(Debug, Clone)]
pub struct Chart {
    pub kind: ChartKind,
    pub title: Option<String>,
    pub data: Vec<Datum>,
    /// Series names, for a grouped chart.
    pub series: Vec<String>,
    /// How the report's language writes numbers.
    pub locale: super::numbers::Locale,
    /// The number format of its values.
    pub format: super::numbers::Format,
    /// What it shows, for screen readers.
    pub alt: String,
    /// Also give the data as a table.
    pub table: bool,
}

/// Kinds of chart: the spec's names, which the model takes as they are.
pub use crate::spec::ChartKind;

/// A labelled value.
#[derive(Debug, Clone, PartialEq)]
pub struct Datum {
    pub label: String,
    /// The first (or only) value.
    pub value: f64,
    /// Every value, one per series (one for a single-series chart).
    pub values: Vec<f64>,
}

/// A table: headings and rows of (text, is a number) cells.
#[derive(Debug, Clone)]
pub struct Table {
    pub title: Option<String>,
    pub columns: Vec<String>,
    pub rows: Vec<Vec<(String, bool)>>,
    /// The decimal mark figures align on.
    pub decimal: char,
}

/// An image in the body.
pub struct ImageBlock {
    pub image: Arc<ImageData>,
    /// Where report.toml names the file.
    pub span: Option<std::ops::Range<usize>>,
    /// Share of the text column; `None` for the page's full width.
    pub width: Option<f64>,
    pub caption: Option<String>,
    pub credit: Option<String>,
    /// `None` when decorative.
    pub alt: Option<String>,
}
