//! The flow: measured blocks → where they go → placed, tagged items.
//!
//! Two steps, kept apart so that the first can be run as often as a decision needs:
//! 1. [`plan`] reads the stream's heights and break rules and decides, for every slice of
//!    every block, the page and position it takes ([`Plan`]). It places nothing and tags
//!    nothing. The rules are in [`fill`]; two-column runs are balanced in [`columns`].
//! 2. [`place::Target::flow`] moves the items onto the pages at those positions and grafts
//!    each block's skeleton into the document's structure, in reading order.
//!
//! Hooks for what is to come sit in the block's [`Breaks`](super::block::Breaks):
//! `keep_with_next`, `break_before`, `keep_together`, `min_head`/`min_tail` (a table split
//! keeping two rows each side) and `repeat` (its heading row). A float (a figure that waits
//! for the next page while text fills the gap) belongs in `fill::Filler::fill`: the filler
//! knows the room left in its region before it places each unit.

pub mod columns;
pub mod fill;
pub mod place;

use super::block::{Block, Flow};
use super::theme::ColumnGeometry;
use crate::geom::{Abs, Point, Rect};
use fill::{Filler, Region, Unit};

/// Where one slice goes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Spot {
    /// Page index from the start of the flow.
    pub page: usize,
    /// The slice's top-left corner on the page.
    pub at: Point,
    /// The top-left corner of a repeated heading row placed just before this slice.
    pub repeat: Option<Point>,
    /// Which of the block's smaller settings is placed (`Block::smaller`), if not the
    /// block as measured.
    pub smaller: Option<usize>,
}

/// Where every slice of a stream goes: `spots[b][k]` is slice `k` of the stream's `b`-th
/// block (blocks counted in reading order, inside columns too).
#[derive(Debug, Clone, Default)]
pub struct Plan {
    /// How many pages the stream fills.
    pub pages: usize,
    pub spots: Vec<Vec<Spot>>,
}

impl Plan {
    /// Where block `b` starts: the spot of its first slice.
    pub fn start(&self, b: usize) -> Option<Spot> {
        self.spots.get(b).and_then(|s| s.first()).copied()
    }
}

/// The blocks of a stream in reading order, as the plan counts them.
pub fn blocks(stream: &[Flow]) -> Vec<&Block> {
    fn walk<'a>(stream: &'a [Flow], out: &mut Vec<&'a Block>) {
        for item in stream {
            match item {
                Flow::Block(b) => out.push(b),
                Flow::Columns(inner) => walk(inner, out),
                Flow::Open(_) | Flow::Close => {}
            }
        }
    }
    let mut out = Vec::new();
    walk(stream, &mut out);
    out
}

/// A slice scaled down to fit a page is reported when it loses more than this share of
/// its size (a hair less is rounding).
const SCALE_REPORTED: f64 = 0.999;

/// Makes every slice of a stream fit a region `tallest` high, so that nothing is drawn past
/// a margin: a slice taller than that is cut between its lines into bands
/// ([`slicing::bands`](super::slicing::bands)), split by the flow like a paragraph's lines;
/// what cannot be cut (a chart, a picture) is scaled down to fit, with a warning.
pub fn fit(stream: &mut [Flow], tallest: Abs) {
    for item in stream {
        match item {
            Flow::Block(b) => fit_block(b, tallest),
            Flow::Columns(inner) => fit(inner, tallest),
            Flow::Open(_) | Flow::Close => {}
        }
    }
}

fn fit_block(block: &mut Block, tallest: Abs) {
    if block.slices.iter().all(|s| s.size.h <= tallest + fill::EPS) {
        return;
    }
    let mut slices = Vec::new();
    let mut least = 1.0f64;
    for slice in std::mem::take(&mut block.slices) {
        if slice.size.h <= tallest + fill::EPS {
            slices.push(slice);
            continue;
        }
        for band in super::slicing::bands(slice) {
            if band.size.h <= tallest + fill::EPS {
                slices.push(band);
            } else {
                let factor = tallest.to_pt() / band.size.h.to_pt();
                least = least.min(factor);
                slices.push(super::slicing::scaled(band, factor));
            }
        }
    }
    block.slices = slices;
    // Cut into lines, it breaks as a paragraph does; it cannot be kept whole.
    block.breaks.min_head = block.breaks.min_head.max(super::block::ORPHANS);
    block.breaks.min_tail = block.breaks.min_tail.max(super::block::WIDOWS);
    block.breaks.keep_together = false;
    // Taller than a page, it cannot wait for the top of one.
    block.breaks.float = false;
    if least < SCALE_REPORTED {
        block.notes.push(
            crate::diag::Diagnostic::warning(
                format!(
                    "this block is taller than a page; it is drawn at {:.0}% of its size to fit",
                    100.0 * least
                ),
                block.span.clone(),
            )
            .with_help("split it into two blocks, or give it less to show"),
        );
    }
}

/// Plans a stream on pages whose margin box is `area`.
pub fn plan(stream: &[Flow], area: Rect, columns: &ColumnGeometry) -> Plan {
    let units = units(stream);
    let count = blocks(stream).len();
    let mut spots = vec![Vec::new(); count];
    let regions = |k: usize| Region {
        page: k,
        x: area.origin.x,
        top: area.origin.y,
        bottom: area.bottom(),
    };
    let mut filler = Filler::new(&regions, columns.min_start);
    filler.fill(&units, &mut spots, &mut |f, run, spots| {
        columns::place(f, run, spots, area, columns)
    });
    Plan {
        pages: filler.region.page + 1,
        spots,
    }
}

/// The stream as fill units, with each block's ordinal; containers are transparent to the
/// plan, and a run nested in columns joins them.
fn units(stream: &[Flow]) -> Vec<Unit<'_>> {
    fn flat<'a>(stream: &'a [Flow], n: &mut usize, out: &mut Vec<(usize, &'a Block)>) {
        for item in stream {
            match item {
                Flow::Block(b) => {
                    out.push((*n, b));
                    *n += 1;
                }
                Flow::Columns(inner) => flat(inner, n, out),
                Flow::Open(_) | Flow::Close => {}
            }
        }
    }
    let mut n = 0;
    let mut out = Vec::new();
    for item in stream {
        match item {
            Flow::Block(b) => {
                out.push(Unit::Block(n, b));
                n += 1;
            }
            Flow::Columns(inner) => {
                let mut run = Vec::new();
                flat(inner, &mut n, &mut run);
                out.push(Unit::Columns(run));
            }
            Flow::Open(_) | Flow::Close => {}
        }
    }
    out
}

#[cfg(test)]
mod props;
#[cfg(test)]
mod tests;
