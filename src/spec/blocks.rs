//! `[[sections.blocks]]`: one tagged table per kind of block, chosen by its `type`.
//!
//! In: a block's table node. Out: a [`BlockSpec`] of the kind `type` names, whose keys are
//! exactly that kind's (a chart's `chart`, an image's `file`), so a key of another kind is
//! an unknown key with the closest one suggested, and the schema offers each kind's keys
//! only. A block with no `type`, or an unknown one, is recorded and read as
//! [`BlockSpec::Invalid`] so the rest of the file is still checked.

use super::de::{current_key, with_key};
use super::lenient::{self, Expect, convert, leaf, list, names, record, spanned_list};
use super::node::{Entry, Node};
use super::placement::{BreakBefore, Float, HAlign};
use super::values::*;
use crate::diag::Diagnostic;
use schemars::JsonSchema;
use serde::{Deserialize, Deserializer};
use serde_spanned::Spanned;

/// A block, by its `type`.
#[derive(Debug, JsonSchema)]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum BlockSpec {
    /// A chart drawn from data: `type = "chart"`.
    Chart(ChartSpec),
    /// A pull quote: `type = "quote"`.
    Quote(QuoteSpec),
    /// A highlight box of markdown: `type = "box"`.
    Box(BoxSpec),
    /// A table of text and figures: `type = "table"`.
    Table(TableSpec),
    /// An image: `type = "image"`.
    Image(ImageSpec),
    /// Two to four images side by side, each with its caption: `type = "images"`.
    Images(ImagesSpec),
    /// A message from the chair or chief executive, beside their portrait:
    /// `type = "foreword"`.
    Foreword(ForewordSpec),
    /// Dated milestones, month by month: `type = "timeline"`.
    Timeline(TimelineSpec),
    /// A block whose `type` is missing or unknown (already reported).
    #[serde(skip)]
    Invalid,
}

/// The names `type` takes: the variants of [`BlockSpec`], read by the same rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum BlockKind {
    Chart,
    Quote,
    Box,
    Table,
    Image,
    Images,
    Foreword,
    Timeline,
}
impl lenient::Choice for BlockKind {}

impl Expect for BlockSpec {
    fn expected() -> String {
        "a block table".into()
    }
    fn example() -> String {
        "[[sections.blocks]] with type = \"chart\"".into()
    }
    const TABLE: bool = true;
    fn how(_key: &str) -> String {
        "write [[sections.blocks]] (two brackets) on a line of its own, with type = \"…\" below it"
            .into()
    }
}

impl<'de> Deserialize<'de> for BlockSpec {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let node = Spanned::<Node>::deserialize(d)?;
        let span = node.span();
        let Node::Table(entries) = node.into_inner() else {
            return Err(lenient::wrong_kind());
        };
        let (ty, rest): (Vec<Entry>, Vec<Entry>) =
            entries.into_iter().partition(|e| e.key.get_ref() == "type");
        let kinds = names::<BlockKind>();
        let Some(ty) = ty.into_iter().next() else {
            record(
                Diagnostic::error("a block needs a `type`", Some(span))
                    .with_help(format!(
                        "add type = {} on the line below",
                        lenient::quoted(kinds)
                    ))
                    .missing(&["type"]),
            );
            return Ok(BlockSpec::Invalid);
        };
        let Some(kind) = with_key("type", || convert::<BlockKind>(ty.value.clone())) else {
            return Ok(BlockSpec::Invalid);
        };
        // The kind's own keys are read without `type`, which the enum has already used.
        let body = Spanned::new(span, Node::Table(rest));
        let read = match kind.into_inner() {
            BlockKind::Chart => lenient::node_as(body).map(BlockSpec::Chart),
            BlockKind::Quote => lenient::node_as(body).map(BlockSpec::Quote),
            BlockKind::Box => lenient::node_as(body).map(BlockSpec::Box),
            BlockKind::Table => lenient::node_as(body).map(BlockSpec::Table),
            BlockKind::Image => lenient::node_as(body).map(BlockSpec::Image),
            BlockKind::Images => lenient::node_as(body).map(BlockSpec::Images),
            BlockKind::Foreword => lenient::node_as(body).map(BlockSpec::Foreword),
            BlockKind::Timeline => lenient::node_as(body).map(BlockSpec::Timeline),
        };
        read.or_else(|_: super::de::Error| Ok(BlockSpec::Invalid))
    }
}

/// `type = "chart"`: a chart of labelled values, inline or from a CSV file.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[schemars(
    deny_unknown_fields,
    extend("oneOf" = [{ "required": ["data"] }, { "required": ["csv"] }])
)]
pub struct ChartSpec {
    /// What the chart draws.
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "ChartKind", extend("x-default" = "bar"))]
    pub chart: Option<Spanned<ChartKind>>,
    /// Shown above the chart.
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "String", example = &"Enabled to offer video consultations")]
    pub title: Option<SpannedStr>,
    /// A grouped chart's series names; each datum then has `values`, one per series.
    #[serde(default, deserialize_with = "list")]
    #[schemars(with = "Vec<String>", example = ["March", "December"])]
    pub series: Vec<SpannedStr>,
    /// The values, inline (or give `csv`).
    #[serde(default, deserialize_with = "spanned_list")]
    #[schemars(with = "Vec<Datum>")]
    pub data: SpannedList<Datum>,
    /// Or the values from a CSV file beside report.toml: a `label,value` header, then rows.
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "FilePath", example = &"data/covid.csv")]
    pub csv: Option<Spanned<FilePath>>,
    /// How the values read, as for metrics.
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "NumberFormat", extend("x-default" = "grouped"))]
    pub format: Option<Spanned<NumberFormat>>,
    /// Decimal places of compact, words or currency values.
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "u8", range(max = 3), extend("x-default" = 1))]
    pub decimals: Option<Spanned<u8>>,
    /// What the chart shows, for screen readers; a summary of every value when absent.
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "String", example = &"Bar chart of COVID-19 services by users")]
    pub alt: Option<SpannedStr>,
    /// Also give the chart's data as a real table after it.
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "bool", extend("x-default" = false))]
    pub table: Option<Spanned<bool>>,
    /// `"page"` starts the block on a new page.
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "BreakBefore", extend("x-default" = "auto"))]
    pub break_before: Option<Spanned<BreakBefore>>,
    /// `false` keeps the chart in its place in the text; by default one that does not fit
    /// in what is left of a page moves to the top of the next, and the text after it fills
    /// the gap.
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "Float", extend("x-default" = true))]
    pub float: Option<Spanned<Float>>,
}

/// One labelled value of a chart.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Datum {
    /// What the value is of.
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "String", example = &"GP practices", extend("x-required" = true))]
    pub label: Option<SpannedStr>,
    /// The value (a single-series chart).
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "f64", example = 99)]
    pub value: Option<Spanned<f64>>,
    /// One value per series (a grouped chart).
    #[serde(default, deserialize_with = "list")]
    #[schemars(with = "Vec<f64>", example = [40, 99])]
    pub values: Vec<Spanned<f64>>,
}

impl Expect for Datum {
    fn expected() -> String {
        "a table { label = …, value = … }".into()
    }
    fn example() -> String {
        "{ label = \"GP practices\", value = 99 }".into()
    }
}

/// `type = "quote"`: a pull quote.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct QuoteSpec {
    /// The words quoted.
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(
        with = "String",
        example = &"The pandemic showed what digital can do.",
        extend("x-required" = true)
    )]
    pub text: Option<SpannedStr>,
    /// Who said it.
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "String", example = &"Matthew Gould, CEO")]
    pub by: Option<SpannedStr>,
    /// `false` lets a long quote break between lines at a page end; by default it is kept
    /// whole (unless it is taller than a page).
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "bool", extend("x-default" = true))]
    pub keep_together: Option<Spanned<bool>>,
    /// `"page"` starts the block on a new page.
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "BreakBefore", extend("x-default" = "auto"))]
    pub break_before: Option<Spanned<BreakBefore>>,
}

/// `type = "box"`: a highlight box.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct BoxSpec {
    /// Shown at the top of the box.
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "String", example = &"What we learned")]
    pub title: Option<SpannedStr>,
    /// The box's markdown.
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(
        with = "String",
        example = &"Remote consultations are here to stay.",
        extend("x-required" = true)
    )]
    pub text: Option<SpannedStr>,
    /// `false` lets the box break between lines at a page end; by default it is kept whole
    /// (unless it is taller than a page).
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "bool", extend("x-default" = true))]
    pub keep_together: Option<Spanned<bool>>,
    /// `"page"` starts the block on a new page.
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "BreakBefore", extend("x-default" = "auto"))]
    pub break_before: Option<Spanned<BreakBefore>>,
}

/// `type = "table"`: a table with a heading row.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct TableSpec {
    /// The table's caption, above it.
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "String", example = &"Digital services in 2020")]
    pub title: Option<SpannedStr>,
    /// Column headings (tagged as column headers): a heading, or a table with the heading
    /// and how its column is set, `{ title = "Change", format = "percent", align = "right" }`.
    #[serde(default, deserialize_with = "spanned_list")]
    #[schemars(
        with = "Vec<ColumnSpec>",
        example = ["Service", "Users"],
        extend("x-required" = true)
    )]
    pub columns: SpannedList<ColumnSpec>,
    /// The rows, one cell per column: text, or numbers (grouped and aligned on the decimal
    /// mark).
    #[serde(default, deserialize_with = "rows")]
    #[schemars(
        with = "Vec<Vec<Cell>>",
        example = serde_json::json!([["NHS App", 2000000]]),
        extend("x-required" = true)
    )]
    pub rows: SpannedList<Row>,
    /// The last row is a total: set in bold under a rule, and still a row of the table.
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "bool", extend("x-default" = false))]
    pub total: Option<Spanned<bool>>,
    /// Keep the table whole on one page (unless it is taller than a page); by default a
    /// long table breaks between rows, at least two on each side, its heading row repeated.
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "bool", extend("x-default" = false))]
    pub keep_together: Option<Spanned<bool>>,
    /// `"page"` starts the block on a new page.
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "BreakBefore", extend("x-default" = "auto"))]
    pub break_before: Option<Spanned<BreakBefore>>,
}

/// A table column: its heading, or its heading with how the column is set.
#[derive(Debug, JsonSchema)]
#[serde(untagged)]
pub enum ColumnSpec {
    /// The column's heading.
    Title(String),
    /// The heading, with how the column's cells are set.
    Detailed(ColumnDetail),
}

/// How one column of a table is set.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct ColumnDetail {
    /// The column's heading.
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "String", example = &"Change", extend("x-required" = true))]
    pub title: Option<SpannedStr>,
    /// Where the cells sit: `"left"`, `"centre"` or `"right"`. By default figures are
    /// right-aligned on their decimal mark and text is left-aligned.
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "HAlign")]
    pub align: Option<Spanned<HAlign>>,
    /// How the column's numbers read, as for metrics.
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "NumberFormat", extend("x-default" = "grouped"))]
    pub format: Option<Spanned<NumberFormat>>,
    /// Decimal places of the column's numbers (compact, words, currency and percentages).
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "u8", range(max = 3), extend("x-default" = 1))]
    pub decimals: Option<Spanned<u8>>,
}

impl<'de> Deserialize<'de> for ColumnSpec {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let node = Spanned::<Node>::deserialize(d)?;
        match node.get_ref() {
            Node::Text(t) => Ok(ColumnSpec::Title(t.clone())),
            Node::Table(_) => lenient::node_as(node).map(ColumnSpec::Detailed),
            _ => Err(lenient::wrong_kind()),
        }
    }
}

impl Expect for ColumnSpec {
    fn expected() -> String {
        "a heading in quotes, or a table { title = …, format = … }".into()
    }
    fn example() -> String {
        "\"Users\" or { title = \"Change\", format = \"percent\" }".into()
    }
}

impl ColumnSpec {
    /// The heading, if written.
    pub fn title(&self) -> Option<&str> {
        match self {
            ColumnSpec::Title(t) => Some(t),
            ColumnSpec::Detailed(d) => d.title.as_ref().map(|t| t.get_ref().as_str()),
        }
    }
}

/// `type = "image"`: a photograph, diagram or illustration.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[schemars(
    deny_unknown_fields,
    extend("anyOf" = [{ "required": ["alt"] }, { "required": ["decorative"] }])
)]
pub struct ImageSpec {
    /// The image (SVG, PNG or JPEG), relative to report.toml.
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "FilePath", extend("x-required" = true))]
    pub file: Option<Spanned<FilePath>>,
    /// What the image shows, for screen readers; required unless `decorative`.
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "String", example = &"Volunteers at the vaccination centre")]
    pub alt: Option<SpannedStr>,
    /// A share of the text column, or "page" for the page's full width.
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "Width", extend("x-default" = 1))]
    pub width: Option<Spanned<Width>>,
    /// Printed under the image.
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "String", example = &"The new vaccination centre in March")]
    pub caption: Option<SpannedStr>,
    /// Who made it, printed after the caption as "Credit: …".
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "String", example = &"Jane Smith")]
    pub credit: Option<SpannedStr>,
    /// The image adds nothing a reader needs: no `alt`, and screen readers skip it.
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "bool", extend("x-default" = false))]
    pub decorative: Option<Spanned<bool>>,
    /// Where an image narrower than the column sits: at its `"left"`, `"centre"` or
    /// `"right"`.
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "HAlign", extend("x-default" = "left"))]
    pub align: Option<Spanned<HAlign>>,
    /// `"page"` starts the block on a new page.
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "BreakBefore", extend("x-default" = "auto"))]
    pub break_before: Option<Spanned<BreakBefore>>,
    /// `false` keeps the image in its place in the text; by default one that does not fit
    /// in what is left of a page moves to the top of the next, and the text after it fills
    /// the gap.
    /// `"left"` or `"right"` sets the image at that side of the column, `width` wide (0.5
    /// unless given), and the text that follows wraps round it.
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "Float", extend("x-default" = true))]
    pub float: Option<Spanned<Float>>,
}

/// `type = "images"`: two to four images side by side, as tall as one another, across the
/// column.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct ImagesSpec {
    /// The images, left to right: two, three or four.
    #[serde(default, deserialize_with = "spanned_list")]
    #[schemars(
        with = "Vec<RowImageSpec>",
        length(min = 2, max = 4),
        extend("x-required" = true)
    )]
    pub images: SpannedList<RowImageSpec>,
    /// Printed under the whole row.
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "String", example = &"Our three new diagnostic centres")]
    pub caption: Option<SpannedStr>,
    /// `"page"` starts the row on a new page.
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "BreakBefore", extend("x-default" = "auto"))]
    pub break_before: Option<Spanned<BreakBefore>>,
    /// `false` keeps the row in its place in the text; by default one that does not fit in
    /// what is left of a page moves to the top of the next, and the text after it fills
    /// the gap.
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "bool", extend("x-default" = true))]
    pub float: Option<Spanned<bool>>,
}

/// One image of a row.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[schemars(
    deny_unknown_fields,
    extend("anyOf" = [{ "required": ["alt"] }, { "required": ["decorative"] }])
)]
pub struct RowImageSpec {
    /// The image (SVG, PNG or JPEG), relative to report.toml.
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "FilePath", extend("x-required" = true))]
    pub file: Option<Spanned<FilePath>>,
    /// What the image shows, for screen readers; required unless `decorative`.
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "String", example = &"The new centre in Leeds")]
    pub alt: Option<SpannedStr>,
    /// Printed under this image.
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "String", example = &"Leeds")]
    pub caption: Option<SpannedStr>,
    /// Who made it, printed after its caption as "Credit: …".
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "String", example = &"Jane Smith")]
    pub credit: Option<SpannedStr>,
    /// The image adds nothing a reader needs: no `alt`, and screen readers skip it.
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "bool", extend("x-default" = false))]
    pub decorative: Option<Spanned<bool>>,
}

impl Expect for RowImageSpec {
    fn expected() -> String {
        "a table { file = …, alt = … }".into()
    }
    fn example() -> String {
        "{ file = \"images/leeds.jpg\", alt = \"The new centre in Leeds\" }".into()
    }
}

/// `type = "foreword"`: a message from the chair or chief executive. The text flows beside
/// the portrait, and on to the next page by lines when it is long.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct ForewordSpec {
    /// The message, as markdown.
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(
        with = "String",
        example = &"This has been a year like no other.\n\nOur staff rose to it.",
        extend("x-required" = true)
    )]
    pub text: Option<SpannedStr>,
    /// Who wrote it.
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "String", example = &"Dr Amara Okafor", extend("x-required" = true))]
    pub name: Option<SpannedStr>,
    /// Their role.
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "String", example = &"Chair")]
    pub role: Option<SpannedStr>,
    /// Their photograph (JPEG, PNG or SVG), relative to report.toml; cropped to a
    /// portrait's shape.
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "FilePath", example = &"images/chair.jpg")]
    pub portrait: Option<Spanned<FilePath>>,
    /// What the portrait shows, for screen readers; "Portrait of " and the name and role
    /// when absent.
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "String", example = &"Amara Okafor, smiling, in the hospital garden")]
    pub portrait_alt: Option<SpannedStr>,
    /// Which part of the portrait to keep when it is cropped.
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "Focus", extend("x-default" = "top"))]
    pub focus: Option<Spanned<Focus>>,
    /// An image of their signature, under the text; screen readers skip it (the name
    /// is printed).
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "FilePath", example = &"images/signature.png")]
    pub signature: Option<Spanned<FilePath>>,
    /// `"page"` starts the block on a new page.
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "BreakBefore", extend("x-default" = "auto"))]
    pub break_before: Option<Spanned<BreakBefore>>,
}

/// `type = "timeline"`: dated milestones in order, down the page or across it.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct TimelineSpec {
    /// Shown above the timeline.
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "String", example = &"Our year, month by month")]
    pub title: Option<SpannedStr>,
    /// Down the page, across it, or across when the milestones fit side by side.
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "TimelineLayout", extend("x-default" = "auto"))]
    pub layout: Option<Spanned<TimelineLayout>>,
    /// The milestones, in order.
    #[serde(default, deserialize_with = "spanned_list")]
    #[schemars(with = "Vec<Milestone>", extend("x-required" = true))]
    pub milestones: SpannedList<Milestone>,
    /// `"page"` starts the block on a new page.
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "BreakBefore", extend("x-default" = "auto"))]
    pub break_before: Option<Spanned<BreakBefore>>,
}

/// One milestone of a timeline.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Milestone {
    /// When, as it should read.
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "String", example = &"March 2020", extend("x-required" = true))]
    pub date: Option<SpannedStr>,
    /// What happened, in a few words (bold).
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "String", example = &"First vaccination centre opens")]
    pub title: Option<SpannedStr>,
    /// A sentence or two more.
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "String", example = &"Over 2,000 people were vaccinated in its first week.")]
    pub text: Option<SpannedStr>,
}

impl Expect for Milestone {
    fn expected() -> String {
        "a table { date = …, title = …, text = … }".into()
    }
    fn example() -> String {
        "{ date = \"March 2020\", title = \"First vaccination centre opens\" }".into()
    }
}

/// A table's `rows`: a list of rows, each a list of cells. One row written without its own
/// brackets (`rows = ["a", 1]`) is one mistake, said once.
fn rows<'de, D: Deserializer<'de>>(d: D) -> Result<SpannedList<Row>, D::Error> {
    let node = Spanned::<Node>::deserialize(d)?;
    let span = node.span();
    let key = current_key().unwrap_or_else(|| "rows".into());
    let Node::List(items) = node.into_inner() else {
        record(
            Diagnostic::error(format!("`{key}`: expected a list of rows"), Some(span))
                .with_help("write rows = [[\"NHS App\", 2000000], [\"111 online\", 7000000]]"),
        );
        return Ok(None);
    };
    if !items.is_empty() && items.iter().all(|i| !matches!(i.get_ref(), Node::List(_))) {
        record(
            Diagnostic::error(
                format!("`{key}`: each row needs its own [brackets]"),
                Some(span),
            )
            .with_label("this is one row without its brackets")
            .with_help(
                "write rows = [[\"NHS App\", 2000000]]: one [ … ] per row, inside the outer [ … ]",
            ),
        );
        return Ok(None);
    }
    let mut rows = Vec::new();
    for (n, item) in items.into_iter().enumerate() {
        let item_span = item.span();
        match item.into_inner() {
            Node::List(cells) => rows.push(Spanned::new(
                item_span,
                cells.into_iter().filter_map(convert::<Cell>).collect(),
            )),
            other => record(
                Diagnostic::error(
                    format!(
                        "`{key}`: row {} is {}, not a list of cells",
                        n + 1,
                        other.kind()
                    ),
                    Some(item_span),
                )
                .with_help("put the row's cells in [brackets]: [\"NHS App\", 2000000]"),
            ),
        }
    }
    Ok(Some(Spanned::new(span, rows)))
}
