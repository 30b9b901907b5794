//! The keys that say where a block goes and how it may break, shared by every kind of
//! block (and, for breaks, by sections): `keep_together`, `break_before`, `float`, `align`;
//! and how deep the contents page goes (`[contents] depth`).
//!
//! In: a block's or section's value nodes. Out: the typed values below, as written; the
//! model turns them into layout's placement rules.

use super::lenient::{Choice, Expect, node_as, wrong_kind};
use super::node::Node;
use schemars::JsonSchema;
use serde::{Deserialize, Deserializer};
use serde_spanned::Spanned;

/// Where a block starts: `break_before = "page"` starts it on a new page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum BreakBefore {
    /// Wherever the text before it ends (the default).
    Auto,
    /// At the top of a new page.
    Page,
}
impl Choice for BreakBefore {}

/// Where an image sits across the column when it is narrower than the column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum HAlign {
    /// At the column's left edge (the default).
    Left,
    /// In the middle of the column.
    Centre,
    /// At the column's right edge.
    Right,
}
impl Choice for HAlign {}

/// The side an image floats to, the text wrapping round it on the other side.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum FloatSide {
    /// At the left of the column, the text on its right.
    Left,
    /// At the right of the column, the text on its left.
    Right,
}
impl Choice for FloatSide {}

/// How a figure (an image, a chart) may move.
#[derive(Debug, Clone, Copy, PartialEq, JsonSchema)]
#[serde(untagged)]
pub enum Float {
    /// `true` (the default): when the figure does not fit in what is left of the page, it
    /// moves to the top of the next page and the text after it fills the gap. `false`:
    /// it stays in its place in the text, and moves to the next page only together with
    /// everything after it.
    Moves(bool),
    /// `"left"` or `"right"` (images only): the image sits at that side of the column and
    /// the text that follows wraps round it.
    Side(FloatSide),
}

impl<'de> Deserialize<'de> for Float {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let node = Spanned::<Node>::deserialize(d)?;
        match node.get_ref() {
            Node::Bool(b) => Ok(Float::Moves(*b)),
            Node::Text(_) => node_as(node).map(Float::Side),
            _ => Err(wrong_kind()),
        }
    }
}

impl Expect for Float {
    fn expected() -> String {
        "true, false, \"left\" or \"right\"".into()
    }
    fn example() -> String {
        "false".into()
    }
}

/// How many levels of heading the contents page lists.
#[derive(Debug, Clone, Copy, PartialEq, JsonSchema)]
#[serde(untagged)]
pub enum ContentsDepth {
    /// 1 (section titles), 2 (and the top level of subheadings) or 3.
    Levels(#[schemars(range(min = 1, max = 3))] u8),
    /// `"auto"`: two levels when they fit on one page, else one.
    Auto(AutoDepth),
}

/// The one word `depth` takes besides a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum AutoDepth {
    /// As deep as fits on one page: two levels, or one.
    Auto,
}
impl Choice for AutoDepth {}

impl<'de> Deserialize<'de> for ContentsDepth {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let node = Spanned::<Node>::deserialize(d)?;
        match node.get_ref() {
            Node::Integer(i) => u8::try_from(*i)
                .map(ContentsDepth::Levels)
                .map_err(|_| wrong_kind()),
            Node::Text(_) => node_as(node).map(ContentsDepth::Auto),
            _ => Err(wrong_kind()),
        }
    }
}

impl Expect for ContentsDepth {
    fn expected() -> String {
        "1, 2, 3 or \"auto\"".into()
    }
    fn example() -> String {
        "2".into()
    }
}
