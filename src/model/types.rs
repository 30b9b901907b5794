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
    /// Where `title` and `intro` are written.
    pub title_span: Span,
    pub intro_span: Span,
    pub metrics: Vec<Metric>,
}

/// Where report.toml writes a value, as a byte range: kept for layout's warnings (a word too
/// wide for its heading, an image scaled to fit a page).
pub type Span = Option<std::ops::Range<usize>>;

/// One section of the body.
pub struct Section {
    /// The section's language, where it differs from the report's.
    pub lang: Option<super::lang::Language>,
    pub id: String,
    pub title: String,
    pub lead: Option<String>,
    /// Where `title`, `lead` and `body` are written.
    pub spans: SectionSpans,
    /// Keep the whole section on one page when it fits on one.
    pub keep_together: bool,
    pub body: Vec<Block>,
    pub metrics: Vec<Metric>,
    /// Charts, quotes, boxes, tables and images, after the body.
    pub components: Vec<Component>,
    /// The body's columns: 1 or 2.
    pub columns: u8,
    pub new_page: bool,
}

/// Where a section's texts are written.
#[derive(Debug, Clone, Default)]
pub struct SectionSpans {
    pub title: Span,
    pub lead: Span,
    pub body: Span,
}

/// Where a block goes and how it may break, as report.toml asks (`keep_together`,
/// `break_before`, `float`, `align`).
#[derive(Debug, Clone, Default)]
pub struct Placement {
    /// Start on a new page.
    pub break_before: bool,
    /// Keep whole on one page, unless taller than a page.
    pub keep_together: bool,
    /// How a figure may move.
    pub float: Float,
    /// Where an image narrower than the column sits.
    pub align: HAlign,
    /// Where report.toml writes the block.
    pub span: Span,
}

/// How a figure may move.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Float {
    /// To the top of the next page when it does not fit, the text after it filling the
    /// gap.
    #[default]
    Moves,
    /// In its place in the text.
    InPlace,
    /// Beside the text, at the left or right of the column.
    Left,
    Right,
}

/// Where something narrower than its column sits.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum HAlign {
    #[default]
    Left,
    Centre,
    Right,
}

impl HAlign {
    /// The share of the room left over that goes before it: 0, a half, all.
    pub fn share(self) -> f64 {
        match self {
            HAlign::Left => 0.0,
            HAlign::Centre => 0.5,
            HAlign::Right => 1.0,
        }
    }
}

/// A headline figure. Where it appears is settled by the model: a section's `metrics` are
/// those shown in it, the year-in-numbers page's those shown there.
#[derive(Debug, Clone)]
pub struct Metric {
    /// As printed: "2m", "£300M".
    pub value: String,
    pub label: String,
    pub detail: Option<String>,
    /// Where `label` and `detail` are written.
    pub label_span: Span,
    pub detail_span: Span,
    /// What a screen reader says for the value.
    pub spoken: String,
    /// Where the value is written, for layout's warnings (a figure too wide for its card).
    pub span: Option<std::ops::Range<usize>>,
    /// Where the card appears.
    pub show: Show,
    /// How the figure changed since the period it is compared with.
    pub change: Option<Change>,
    /// An icon drawn on the card (decorative: the figure and label say it all).
    pub icon: Option<IconName>,
}

/// Where a metric's card appears: the spec's names.
pub use crate::spec::{CoverLayout, Focus, IconName, Show, TimelineLayout};

/// A figure's change since an earlier period: "up 12% on 2019".
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    pub direction: Direction,
    /// The words printed, and what a screen reader says ("up 12 per cent on 2019").
    pub text: String,
    pub spoken: String,
}

/// Which way a figure moved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Up,
    Down,
    Same,
}

/// The front cover's design, resolved.
pub struct Cover {
    pub layout: CoverLayout,
    /// Present exactly when the layout shows a photograph.
    pub photo: Option<CoverPhoto>,
    pub show_period: bool,
    /// Where report.toml writes the covers' texts, for the warning when one cannot be fitted.
    pub spans: CoverSpans,
}

/// Where the covers' texts are written.
#[derive(Debug, Clone, Default)]
pub struct CoverSpans {
    pub title: Option<std::ops::Range<usize>>,
    pub subtitle: Option<std::ops::Range<usize>>,
    pub period: Option<std::ops::Range<usize>>,
    pub organisation: Option<std::ops::Range<usize>>,
    pub back: Option<std::ops::Range<usize>>,
}

/// The cover photograph.
pub struct CoverPhoto {
    pub image: Arc<ImageData>,
    pub span: Option<std::ops::Range<usize>>,
    /// `None` when decorative.
    pub alt: Option<String>,
    pub credit: Option<String>,
    pub focus: Focus,
    /// How light and dark it is, region by region, so the scrim under the title can be
    /// made just dense enough for the title to read.
    pub tones: Arc<Tones>,
}

/// A photograph's lightest and darkest colour in each cell of a coarse grid over it, row by
/// row (the image as drawn, upright).
#[derive(Debug, Clone, PartialEq)]
pub struct Tones {
    pub columns: usize,
    pub rows: usize,
    pub lightest: Vec<Color>,
    pub darkest: Vec<Color>,
}

impl Tones {
    /// The lightest and darkest colours within a share of the image (each edge from 0 at
    /// the top or left to 1), over every cell the share touches.
    pub fn within(&self, x0: f64, y0: f64, x1: f64, y1: f64) -> Vec<(Color, Color)> {
        let col =
            |x: f64| ((x.clamp(0.0, 1.0) * self.columns as f64) as usize).min(self.columns - 1);
        let row = |y: f64| ((y.clamp(0.0, 1.0) * self.rows as f64) as usize).min(self.rows - 1);
        let mut out = Vec::new();
        if self.columns == 0 || self.rows == 0 {
            return out;
        }
        for r in row(y0)..=row(y1) {
            for c in col(x0)..=col(x1) {
                let i = r * self.columns + c;
                out.push((self.lightest[i], self.darkest[i]));
            }
        }
        out
    }
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
        placement: Placement,
    },
    Box {
        title: Option<String>,
        body: Vec<Block>,
        placement: Placement,
    },
    Table(Table),
    Image(ImageBlock),
    /// Two to four images side by side.
    Images(ImageRow),
    Foreword(Foreword),
    Timeline(Timeline),
}

/// A message from the chair or chief executive.
pub struct Foreword {
    pub text: Vec<Block>,
    pub name: String,
    pub role: Option<String>,
    pub portrait: Option<Portrait>,
    /// Decorative: the name is printed beside it.
    pub signature: Option<Arc<ImageData>>,
    pub placement: Placement,
}

/// A portrait photograph, cropped to a portrait's shape.
pub struct Portrait {
    pub image: Arc<ImageData>,
    pub span: Option<std::ops::Range<usize>>,
    pub alt: String,
    pub focus: Focus,
}

/// Most milestones a timeline sets across the page: more would leave each a sliver.
pub const TIMELINE_MAX_ACROSS: usize = 6;

/// Dated milestones, in order.
#[derive(Debug, Clone)]
pub struct Timeline {
    pub title: Option<String>,
    pub layout: TimelineLayout,
    pub milestones: Vec<Milestone>,
    pub placement: Placement,
}

/// One milestone.
#[derive(Debug, Clone)]
pub struct Milestone {
    pub date: String,
    pub title: Option<String>,
    pub text: Option<String>,
}

/// Two to four images side by side, as tall as one another across the column, each with
/// its caption, and a caption for the row.
pub struct ImageRow {
    pub images: Vec<ImageBlock>,
    pub caption: Option<String>,
    pub placement: Placement,
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
    pub placement: Placement,
    /// Its words in its section's language: the table's "Value" and "Share", a pie's
    /// "Other" slice.
    pub words: Box<super::lang::ChartWords>,
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
    pub placement: Placement,
    /// How its columns and rows are set, beyond the defaults.
    pub style: TableStyle,
}

/// How a table's columns and rows are set: what report.toml says beyond the cells.
#[derive(Debug, Clone, Default)]
pub struct TableStyle {
    /// Each column's alignment, where report.toml gives one (else figures right, text
    /// left).
    pub align: Vec<Option<HAlign>>,
    /// The last row is a total: set in bold above a rule, still a row of the body.
    pub total: bool,
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
    pub placement: Placement,
}

impl Component {
    /// Where the component goes and how it may break.
    pub fn placement(&self) -> &Placement {
        match self {
            Component::Chart(c) => &c.placement,
            Component::Quote { placement, .. } | Component::Box { placement, .. } => placement,
            Component::Table(t) => &t.placement,
            Component::Image(i) => &i.placement,
            Component::Images(r) => &r.placement,
            Component::Foreword(f) => &f.placement,
            Component::Timeline(t) => &t.placement,
        }
    }
}
