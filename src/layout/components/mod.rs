//! Components: the measured pieces a section is built from, beyond its text.
//!
//! Each component module takes the resolved content and a width, and returns measured,
//! untagged blocks (see `super::block`); none of them touches the document's structure or
//! knows where it will be placed. Measure one at another width to try a different fit.
//! - [`cards`]: callout cards in a grid, and the year-in-numbers page;
//! - [`charts`]: bar, grouped, stacked, column, line, pie, donut, progress and ring charts;
//! - [`table`]: tables with repeated heading rows and decimal alignment;
//! - [`figures`]: pull quotes, highlight boxes and images with captions;
//! - [`foreword`]: a message from the chair beside their portrait;
//! - [`timeline`]: dated milestones down or across the page;
//! - [`change`]: a figure's year-on-year change on its card.
//!
//! A new component (a pie chart, a timeline) is a function `(cx, content, width) -> Block`:
//! make a [`Skeleton`](super::fragment::Skeleton) and the nodes the component means (a
//! `Figure` with its alt text, say); draw into a [`Fragment`](super::fragment::Fragment)
//! with its helpers (`rect`, `push`, `stack`, `place`), setting text with `cx.text` or
//! `cx.paragraph` so its runs are marked against the skeleton; take every size from
//! `cx.theme`; return `Block::atomic` (or a block of several slices with its break rules),
//! and add it to [`component`]. To compose measured blocks — text beside a portrait —
//! measure each at its width, `adopt` each skeleton into one, re-mark each part's items
//! with the returned `Remark`, and `place` the parts side by side in one fragment, as
//! [`figures::highlight`] composes the markdown inside a box.

pub mod cards;
pub mod change;
pub mod charts;
pub mod figures;
pub mod foreword;
pub mod table;
pub mod timeline;

use super::block::{Block, Flow};
use super::cx::Cx;
use crate::geom::Abs;
use crate::model::{Component, Float};

/// The blocks of one component at `width`, with the space the theme keeps around
/// components and the break rules its placement asks for (`break_before`,
/// `keep_together`, `float`). A chart that asks for its data as a table is followed by that
/// table.
pub fn component(cx: &Cx, c: &Component, width: Abs) -> Vec<Flow> {
    let placement = c.placement();
    let gap = cx.theme.space.component;
    let mut blocks: Vec<Block> = match c {
        // A timeline is a list: a container around a block per milestone.
        Component::Timeline(t) => {
            let mut flow = timeline::timeline(cx, t, width, gap);
            if let Some(first) = flow.iter_mut().find_map(|f| match f {
                Flow::Block(b) => Some(b),
                _ => None,
            }) {
                first.breaks.break_before |= placement.break_before;
            }
            return flow;
        }
        Component::Foreword(f) => vec![foreword::foreword(cx, f, width)],
        Component::Chart(chart) => {
            let mut b = charts::chart(cx, chart, width);
            b.breaks.float = placement.float == Float::Moves;
            vec![b]
        }
        Component::Quote { text, by, .. } => {
            vec![figures::quote(cx, text, by.as_deref(), width, placement)]
        }
        Component::Box { title, body, .. } => {
            vec![figures::highlight(
                cx,
                title.as_deref(),
                body,
                width,
                placement,
            )]
        }
        Component::Table(t) => vec![table::table(cx, t, width)],
        Component::Image(i) => vec![figures::image(cx, i, width)],
        Component::Images(r) => vec![figures::image_row(cx, r, width)],
    };
    if let Some(first) = blocks.first_mut() {
        first.breaks.break_before |= placement.break_before;
    }
    for b in &mut blocks {
        b.span = placement.span.clone();
    }
    if let Component::Chart(ch) = c
        && ch.table
    {
        blocks.push(table::table(cx, &charts::table(ch), width));
    }
    blocks
        .into_iter()
        .map(|b| Flow::Block(b.spaced(gap, gap)))
        .collect()
}
