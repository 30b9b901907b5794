//! The small typed values of report.toml: names that are enums (so a typo is caught with a
//! "did you mean", and the editor offers the list), and the values that take two forms
//! (a margin as one length or four, a colour as hex or hex with print values).
//!
//! Values stay as written: a length is still `"20mm"`, a date still `"2021-01-29"`; the
//! model parses them. Each type's doc comment and attributes are what the JSON Schema shows.

use super::lenient::{self, Choice, Expect, leaf, node_as, wrong_kind};
use super::node::Node;
use schemars::JsonSchema;
use serde::{Deserialize, Deserializer};
use serde_spanned::Spanned;

/// A string value together with where it stands in report.toml.
pub type SpannedStr = Spanned<String>;

/// Declares a text newtype: transparent in TOML, with a pattern and examples in the schema.
macro_rules! text_value {
    ($(#[$meta:meta])* $name:ident, pattern = $pattern:literal, $expected:literal, $example:literal) => {
        #[derive(Debug, Clone, PartialEq, Deserialize, JsonSchema)]
        #[serde(transparent)]
        $(#[$meta])*
        pub struct $name(#[schemars(regex(pattern = $pattern))] pub String);
        text_value!(@impl $name, $expected, $example);
    };
    ($(#[$meta:meta])* $name:ident, $expected:literal, $example:literal) => {
        #[derive(Debug, Clone, PartialEq, Deserialize, JsonSchema)]
        #[serde(transparent)]
        $(#[$meta])*
        pub struct $name(pub String);
        text_value!(@impl $name, $expected, $example);
    };
    (@impl $name:ident, $expected:literal, $example:literal) => {
        impl $name {
            /// The value as written.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl Expect for $name {
            fn expected() -> String {
                $expected.into()
            }
            fn example() -> String {
                $example.into()
            }
        }
    };
}

text_value!(
    /// A length: a number and a unit, `mm`, `cm`, `in` or `pt` ("20mm", "0.75in").
    #[schemars(example = &"20mm", example = &"0.75in")]
    Length,
    pattern = r"^\s*[0-9]+(\.[0-9]+)?\s*(mm|cm|in|pt)\s*$",
    "a length in quotes",
    "\"20mm\""
);

text_value!(
    /// A screen colour: `#` and six (or three) hex digits.
    #[schemars(example = &"#005EB8")]
    HexColour,
    pattern = r"^\s*#([0-9A-Fa-f]{3}|[0-9A-Fa-f]{6})\s*$",
    "a colour in quotes, like \"#005EB8\"",
    "\"#005EB8\""
);

impl AsRef<std::path::Path> for FilePath {
    fn as_ref(&self) -> &std::path::Path {
        std::path::Path::new(&self.0)
    }
}

text_value!(
    /// A path to a file, relative to report.toml.
    #[schemars(example = &"images/photo.jpg")]
    FilePath,
    "a file name in quotes",
    "\"images/photo.jpg\""
);

/// A calendar date, `YYYY-MM-DD`. Written in quotes or as a bare TOML date.
#[derive(Debug, Clone, PartialEq, JsonSchema)]
#[schemars(example = &"2021-01-29")]
#[serde(transparent)]
pub struct Date(
    #[schemars(regex(pattern = r"^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"))] pub String,
);

impl AsRef<str> for Date {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        match Node::deserialize(d)? {
            Node::Text(s) | Node::Date(s) => Ok(Date(s)),
            _ => Err(wrong_kind()),
        }
    }
}

impl Expect for Date {
    fn expected() -> String {
        "a date, YYYY-MM-DD".into()
    }
    fn example() -> String {
        "\"2021-01-29\"".into()
    }
}

/// How body text is set.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Align {
    /// Ragged right: easiest to read, as UK accessibility guidance advises.
    Left,
    /// Both edges straight, word spaces stretched.
    Justify,
}
impl Choice for Align {}

/// How the printed copies are bound.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Binding {
    /// Folded and stapled through the spine: pages in fours.
    SaddleStitch,
    /// Glued at the spine: an even number of pages.
    Perfect,
    /// Loose sheets, or not bound: any number.
    None,
}
impl Choice for Binding {}

/// What a chart draws.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum ChartKind {
    /// Horizontal bars on a common axis with nice ticks.
    Bar,
    /// Vertical columns, labels beneath.
    Column,
    /// A line through the values, in order.
    Line,
    /// A bar per series for each label, with a legend (needs `series`).
    Grouped,
    /// One bar per label made of a segment per series, end to end, with a legend and the
    /// total (needs `series`).
    Stacked,
    /// One column per label made of a segment per series, stacked upwards (needs `series`).
    StackedColumn,
    /// Shares of a whole as slices of a circle, each labelled with its name and per cent.
    Pie,
    /// A pie with a hole, the total in the middle.
    Donut,
    /// One percentage bar per row; a value over 100 (a target beaten) runs past a marker
    /// at 100.
    Progress,
    /// One big percentage in a ring per label, side by side.
    Ring,
}
impl Choice for ChartKind {}

/// How a number reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum NumberFormat {
    /// Thousands grouped: 42,000.
    Grouped,
    /// Millions and billions shortened: 2m, 7.2m, 1.5bn.
    Compact,
    /// Millions and billions in words: 2 million.
    Words,
    /// A percentage: 99%.
    Percent,
    /// Pounds, compact: £16.6m.
    Currency,
    /// Euros, compact: €16.6m.
    CurrencyEur,
    /// Dollars, compact: $16.6m.
    CurrencyUsd,
}
impl Choice for NumberFormat {}

/// Paper sizes by name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
pub enum PaperName {
    /// 210 × 297 mm.
    A4,
    /// 148 × 210 mm.
    A5,
    /// 297 × 420 mm.
    A3,
    /// 8.5 × 11 in.
    Letter,
    /// 8.5 × 14 in.
    Legal,
}
impl Choice for PaperName {}

/// The page size: a paper name, or width × height with units.
#[derive(Debug, Clone, PartialEq, JsonSchema)]
#[serde(untagged)]
pub enum PageSize {
    /// A paper name: "A4", "A5", "A3", "Letter" or "Legal".
    Named(PaperName),
    /// Width and height: "170mm x 240mm".
    Custom(
        #[schemars(regex(
            pattern = r"^\s*[0-9]+(\.[0-9]+)?\s*(mm|cm|in|pt)\s*[x×]\s*[0-9]+(\.[0-9]+)?\s*(mm|cm|in|pt)\s*$"
        ))]
        String,
    ),
}

impl<'de> Deserialize<'de> for PageSize {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let Node::Text(s) = Node::deserialize(d)? else {
            return Err(wrong_kind());
        };
        let names = lenient::names::<PaperName>();
        // Paper names are matched whatever their case: "a4" is A4.
        if let Some(n) = names.iter().find(|n| n.eq_ignore_ascii_case(s.trim())) {
            return node_as(Spanned::new(0..0, Node::Text(n.to_string()))).map(PageSize::Named);
        }
        if s.contains(['x', '×']) {
            return Ok(PageSize::Custom(s));
        }
        Err(serde::de::Error::unknown_variant(&s, names))
    }
}

impl Expect for PageSize {
    fn expected() -> String {
        let names: Vec<String> = lenient::names::<PaperName>()
            .iter()
            .map(|n| format!("\"{n}\""))
            .collect();
        format!("{}, or a size like \"170mm x 240mm\"", names.join(", "))
    }
    fn example() -> String {
        "\"A4\"".into()
    }
}

/// `margins`: one length for every side, or each side on its own.
#[derive(Debug, Clone, PartialEq, JsonSchema)]
#[serde(untagged)]
pub enum Margins {
    /// One length for all four sides: "20mm".
    All(Length),
    /// Each side: `{ top = "25mm", bottom = "20mm", left = "20mm", right = "20mm" }`.
    Sides(Sides),
}

/// The four margins, each optional (an absent side keeps the default).
#[derive(Debug, Clone, Default, PartialEq, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Sides {
    /// The top margin.
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "Length", extend("x-default" = "20mm"))]
    pub top: Option<Spanned<Length>>,
    /// The bottom margin.
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "Length", extend("x-default" = "20mm"))]
    pub bottom: Option<Spanned<Length>>,
    /// The left margin.
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "Length", extend("x-default" = "20mm"))]
    pub left: Option<Spanned<Length>>,
    /// The right margin.
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "Length", extend("x-default" = "20mm"))]
    pub right: Option<Spanned<Length>>,
}

impl<'de> Deserialize<'de> for Margins {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let node = Spanned::<Node>::deserialize(d)?;
        match node.get_ref() {
            Node::Text(s) => Ok(Margins::All(Length(s.clone()))),
            Node::Table(_) => node_as(node).map(Margins::Sides),
            _ => Err(wrong_kind()),
        }
    }
}

impl Expect for Margins {
    fn expected() -> String {
        "a length in quotes, or a table of sides".into()
    }
    fn example() -> String {
        "\"20mm\" or { top = \"25mm\", bottom = \"20mm\", left = \"20mm\", right = \"20mm\" }"
            .into()
    }
}

/// A brand colour: hex, or hex with the values the press needs.
#[derive(Debug, Clone, PartialEq, JsonSchema)]
#[serde(untagged)]
pub enum Colour {
    /// The screen colour alone: "#005EB8". The print edition derives its CMYK.
    Hex(HexColour),
    /// `{ hex = "#005EB8", cmyk = [99, 50, 0, 0], spot = "PANTONE 300 C" }`.
    Print(PrintColour),
}

/// A colour with its print values.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct PrintColour {
    /// The screen colour.
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "HexColour", required)]
    pub hex: Option<Spanned<HexColour>>,
    /// Cyan, magenta, yellow and black in per cent (0 to 100), for the print edition.
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "Option<[f64; 4]>", example = [99, 50, 0, 0])]
    pub cmyk: Option<Spanned<Vec<f64>>>,
    /// A spot colour's name, printed as a Separation with `cmyk` as its alternate.
    #[serde(default, deserialize_with = "leaf")]
    #[schemars(with = "Option<String>", example = &"PANTONE 300 C")]
    pub spot: Option<Spanned<String>>,
}

impl<'de> Deserialize<'de> for Colour {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let node = Spanned::<Node>::deserialize(d)?;
        match node.get_ref() {
            Node::Text(s) => Ok(Colour::Hex(HexColour(s.clone()))),
            Node::Table(_) => node_as(node).map(Colour::Print),
            _ => Err(wrong_kind()),
        }
    }
}

impl Expect for Colour {
    fn expected() -> String {
        "a colour in quotes, like \"#005EB8\", or a table with `hex`".into()
    }
    fn example() -> String {
        "\"#005EB8\" or { hex = \"#005EB8\", cmyk = [99, 50, 0, 0] }".into()
    }
}

impl Expect for Vec<f64> {
    fn expected() -> String {
        "a list of numbers".into()
    }
    fn example() -> String {
        "[99, 50, 0, 0]".into()
    }
}

/// An image's width: a share of the text column, or the page's full width.
#[derive(Debug, Clone, Copy, PartialEq, JsonSchema)]
#[serde(untagged)]
pub enum Width {
    /// A share of the text column, 0.2 to 1.
    Share(#[schemars(range(min = 0.2, max = 1.0))] f64),
    /// "page": the page's full width, edge to edge.
    Page(PageWidth),
}

/// The one word `width` takes besides a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum PageWidth {
    /// The page's full width, edge to edge.
    Page,
}
impl Choice for PageWidth {}

impl<'de> Deserialize<'de> for Width {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let node = Spanned::<Node>::deserialize(d)?;
        match node.get_ref() {
            Node::Integer(i) => Ok(Width::Share(*i as f64)),
            Node::Float(f) => Ok(Width::Share(*f)),
            Node::Text(_) => node_as(node).map(Width::Page),
            _ => Err(wrong_kind()),
        }
    }
}

impl Expect for Width {
    fn expected() -> String {
        "a share of the column from 0.2 to 1, or \"page\"".into()
    }
    fn example() -> String {
        "0.5".into()
    }
}

/// A table cell: text, or a number (grouped, and aligned on the decimal mark).
#[derive(Debug, Clone, PartialEq, JsonSchema)]
#[serde(untagged)]
pub enum Cell {
    Text(String),
    Number(f64),
}

impl<'de> Deserialize<'de> for Cell {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        match Node::deserialize(d)? {
            Node::Text(s) => Ok(Cell::Text(s)),
            Node::Integer(i) => Ok(Cell::Number(i as f64)),
            Node::Float(f) => Ok(Cell::Number(f)),
            _ => Err(wrong_kind()),
        }
    }
}

impl Expect for Cell {
    fn expected() -> String {
        "text in quotes or a number".into()
    }
    fn example() -> String {
        "\"NHS App\" or 2000000".into()
    }
}

impl Expect for Vec<Spanned<String>> {
    fn expected() -> String {
        "a list of texts in quotes".into()
    }
    fn example() -> String {
        "[\"one\", \"two\"]".into()
    }
}

/// One row of a table: a cell per column.
pub type Row = Vec<Spanned<Cell>>;

/// A list that keeps its own span and its items'.
pub type SpannedList<T> = Option<Spanned<Vec<Spanned<T>>>>;

/// The front cover's design.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum CoverLayout {
    /// A field of the brand colour over most of the page holding the period, title and
    /// subtitle; the organisation, date and logo on the paper below.
    Field,
    /// The photograph over the whole page, edge to edge; the title on a see-through
    /// veil of the brand colour at its foot, over a band of the brand colour holding the
    /// organisation, date and logo (needs `photo`).
    Photo,
    /// The photograph across the top half, edge to edge; the brand colour below it holding
    /// everything else (needs `photo`).
    Split,
}
impl Choice for CoverLayout {}

/// Which part of a photograph to keep when it is cropped to fill its frame.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Focus {
    /// The middle.
    Centre,
    /// The top (a face near the top of a portrait photograph).
    Top,
    /// The bottom.
    Bottom,
    /// The left side.
    Left,
    /// The right side.
    Right,
}
impl Choice for Focus {}

/// Where a metric's card appears.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Show {
    /// In its section only.
    Section,
    /// On the year-in-numbers page only.
    Numbers,
    /// In its section and on the year-in-numbers page.
    Both,
}
impl Choice for Show {}

/// How a timeline is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum TimelineLayout {
    /// Across the page when its milestones fit side by side, else down it.
    Auto,
    /// Down the page, a date beside each milestone; splits between milestones.
    Vertical,
    /// Across the page, the dates along one line (up to six milestones).
    Horizontal,
}
impl Choice for TimelineLayout {}

/// Declares the icon names: the enum the spec reads (so a misspelt name gets "did you
/// mean" and editors offer the list) and the file of each, in `icons/lucide/`.
macro_rules! icon_names {
    ($($(#[$doc:meta])* $variant:ident = $name:literal,)*) => {
        /// An icon of the set folio ships (Lucide, ISC licence): drawn in the brand colour
        /// on a metric's card, and skipped by screen readers (the figure says it all).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, JsonSchema)]
        pub enum IconName {
            $($(#[$doc])* #[serde(rename = $name)] $variant,)*
        }
        impl Choice for IconName {}

        impl IconName {
            /// Every icon, in the order declared.
            pub const ALL: &'static [IconName] = &[$(IconName::$variant,)*];

            /// The icon's name, as report.toml writes it and as its file is called.
            pub fn name(self) -> &'static str {
                match self {
                    $(IconName::$variant => $name,)*
                }
            }
        }
    };
}

icon_names! {
    Users = "users",
    User = "user",
    PersonStanding = "person-standing",
    Baby = "baby",
    Accessibility = "accessibility",
    HandHeart = "hand-heart",
    Handshake = "handshake",
    HandHelping = "hand-helping",
    Heart = "heart",
    HeartPulse = "heart-pulse",
    Hospital = "hospital",
    Stethoscope = "stethoscope",
    Pill = "pill",
    Syringe = "syringe",
    Ambulance = "ambulance",
    Activity = "activity",
    Brain = "brain",
    Microscope = "microscope",
    BedDouble = "bed-double",
    Laptop = "laptop",
    Smartphone = "smartphone",
    Tablet = "tablet",
    Phone = "phone",
    Monitor = "monitor",
    Wifi = "wifi",
    Video = "video",
    MessageCircle = "message-circle",
    Mail = "mail",
    Calendar = "calendar",
    Clock = "clock",
    Database = "database",
    ChartColumn = "chart-column",
    ChartLine = "chart-line",
    ChartPie = "chart-pie",
    TrendingUp = "trending-up",
    TrendingDown = "trending-down",
    PoundSterling = "pound-sterling",
    Wallet = "wallet",
    PiggyBank = "piggy-bank",
    Coins = "coins",
    Leaf = "leaf",
    Trees = "trees",
    Recycle = "recycle",
    Sprout = "sprout",
    Zap = "zap",
    Droplet = "droplet",
    Sun = "sun",
    House = "house",
    Building = "building-2",
    School = "school",
    MapPin = "map-pin",
    Globe = "globe",
    Car = "car",
    Bus = "bus",
    Bike = "bike",
    Award = "award",
    Star = "star",
    Trophy = "trophy",
    ThumbsUp = "thumbs-up",
    Smile = "smile",
    ShieldCheck = "shield-check",
    ClipboardCheck = "clipboard-check",
    Lightbulb = "lightbulb",
    GraduationCap = "graduation-cap",
    BookOpen = "book-open",
    Briefcase = "briefcase",
    Minus = "minus",
}
