//! The resolved report: everything validated, defaulted and loaded.
//!
//! After `model::resolve` nothing is optional that layout needs, and nothing is a string
//! that still has to be parsed. Spans are kept only where a later stage may still warn
//! (text the fonts might not cover).

use crate::geom::{Abs, Color, Size};
use crate::text::{FamilyId, FontBook};
use std::sync::Arc;

/// A report ready for layout.
pub struct Report {
    pub meta: Meta,
    pub palette: Palette,
    pub fonts: FontBook,
    pub body_family: FamilyId,
    pub heading_family: FamilyId,
    pub logo: Option<Logo>,
    pub page: PageConfig,
    pub text: TextConfig,
    /// The contents page's title, if there is one.
    pub contents: Option<String>,
    pub numbers: Option<NumbersPage>,
    pub sections: Vec<Section>,
    pub back: Vec<Block>,
    /// The print edition's settings and inks.
    pub print: PrintConfig,
}

/// The print edition: geometry, marks, output profile and inks.
pub struct PrintConfig {
    /// Write the print edition on every build.
    pub enabled: bool,
    pub bleed: Abs,
    pub marks: bool,
    pub registration: bool,
    pub slug: bool,
    pub safe_area: Abs,
    /// Total ink limit, per cent.
    pub ink_limit: f64,
    /// The CMYK output profile (ICC bytes) and its name.
    pub profile: Arc<Vec<u8>>,
    pub profile_name: String,
    /// What report.toml says about each role's print colour.
    pub(super) colours: Vec<super::colours::PrintValues>,
    /// Inks, converter and derived-colour warnings, worked out on first use: building the
    /// colour transform costs more than the rest of a reader build, so a build that writes
    /// no print edition never pays for it.
    pub(super) resolved: std::cell::OnceCell<super::print::Resolved>,
}

/// A print colour: CMYK from 0 to 1, and a spot name if it is a spot colour.
#[derive(Debug, Clone, PartialEq)]
pub struct Ink {
    pub cmyk: [f64; 4],
    pub spot: Option<String>,
}

/// What the report is; goes on the cover, in the footer and into the PDF metadata.
pub struct Meta {
    pub title: String,
    pub subtitle: Option<String>,
    pub organisation: String,
    pub period: String,
    pub date: Date,
    pub language: String,
    pub author: String,
    pub subject: Option<String>,
    pub keywords: Vec<String>,
}

/// A calendar date, from report.toml (never from the clock).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Date {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

impl Date {
    /// A placeholder used only while reporting errors; never reaches a PDF.
    pub const EPOCH: Date = Date {
        year: 1970,
        month: 1,
        day: 1,
    };

    /// "29 January 2021".
    pub fn long(&self) -> String {
        const MONTHS: [&str; 12] = [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ];
        format!(
            "{} {} {}",
            self.day,
            MONTHS[(self.month as usize - 1).min(11)],
            self.year
        )
    }
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
    /// Where `[brand] logo` is written, for print-edition errors.
    pub span: Option<std::ops::Range<usize>>,
    /// What the logo says; `None` when report.toml declares it decorative.
    pub alt: Option<String>,
}

/// Image data the PDF writer can draw, with its intrinsic size in points. Every image has
/// been decoded in full under folio's limits before it gets here, so the writer can trust it.
pub struct ImageData {
    pub name: String,
    pub kind: ImageKind,
    /// As displayed: after the EXIF orientation is applied.
    pub size: Size,
    /// A CMYK JPEG (printable as it is).
    pub cmyk: bool,
    /// A greyscale image (printable as it is, in black ink).
    pub grey: bool,
    /// EXIF orientation, 1 to 8: how the stored pixels must be turned to stand upright.
    pub orientation: u8,
    /// Why the print edition cannot carry it, if it cannot ("it is an RGB JPEG").
    pub print_problem: Option<String>,
}

/// The image formats folio draws. The file's bytes are shared with the file door's cache.
pub enum ImageKind {
    Svg(Box<usvg::Tree>),
    Png(Arc<Vec<u8>>),
    Jpeg(Arc<Vec<u8>>),
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
    pub format: String,
    /// What it shows, for screen readers.
    pub alt: String,
    /// Also give the data as a table.
    pub table: bool,
}

/// Kinds of chart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChartKind {
    /// Horizontal bars on a common scale.
    Bar,
    /// One percentage bar per row.
    Progress,
    /// Vertical columns, labels beneath.
    Column,
    /// A line through the values, in order.
    Line,
    /// Horizontal bars, one per series, grouped by label.
    Grouped,
}

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
    /// Where its `file` is written, for print-edition errors.
    pub span: Option<std::ops::Range<usize>>,
    /// Share of the text column; `None` for the page's full width.
    pub width: Option<f64>,
    pub caption: Option<String>,
    pub credit: Option<String>,
    /// `None` when decorative.
    pub alt: Option<String>,
}
