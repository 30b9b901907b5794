//! Filling regions: the pagination rules, applied to heights alone.
//!
//! In: units (blocks, and runs of blocks set in columns) and a sequence of regions (the
//! margin box of page after page, or the columns of a run). Out: a [`Spot`] for every slice
//! of every block — which page, where — and where the last one ended. Nothing is placed:
//! planning reads heights and rules, so it can be run again with other regions (columns
//! balanced, a contents page counted) at no cost.
//!
//! The rules a designer expects:
//! - a block marked `keep_with_next` (a heading, a lead) moves to the next region unless it
//!   fits together with the start of what follows it;
//! - a split block leaves at least `min_head` slices at a region's foot and carries at least
//!   `min_tail` to the next (widows and orphans for paragraphs, two rows for tables), or
//!   moves whole; a block too short to split that way, or marked `keep_together`, moves
//!   whole; a block of one slice (a card row, a list item, a figure) is never split;
//! - `break_before` starts a new page;
//! - the space between blocks is the larger of the two blocks' wishes, and vanishes at the
//!   top of a region;
//! - a block continued in a new region is preceded there by its `repeat` slice (a table's
//!   heading row);
//! - nothing is placed below a region unless a single slice is taller than a whole region.

use super::super::block::Block;
use super::Spot;
use crate::geom::{Abs, Point};

/// Rounding allowed when a slice just fits.
pub(super) const EPS: Abs = Abs(0.01);

/// A part of a page that blocks fill top to bottom.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Region {
    pub page: usize,
    pub x: Abs,
    pub top: Abs,
    pub bottom: Abs,
}

/// What the fill walks over: a block (with its ordinal among all blocks of the stream), or a
/// run of blocks set in columns.
pub(super) enum Unit<'a> {
    Block(usize, &'a Block),
    Columns(Vec<(usize, &'a Block)>),
}

impl Unit<'_> {
    fn space_before(&self) -> Abs {
        match self {
            Unit::Block(_, b) => b.space_before,
            Unit::Columns(run) => run.first().map_or(Abs::ZERO, |(_, b)| b.space_before),
        }
    }

    fn space_after(&self) -> Abs {
        match self {
            Unit::Block(_, b) => b.space_after,
            Unit::Columns(run) => run.last().map_or(Abs::ZERO, |(_, b)| b.space_after),
        }
    }

    fn break_before(&self) -> bool {
        matches!(self, Unit::Block(_, b) if b.breaks.break_before)
    }
}

/// A run of blocks set in columns, each with its ordinal.
pub(super) type Run<'a> = [(usize, &'a Block)];

/// What places a run of columns from a filler's position (see [`super::columns::place`]).
pub(super) type PlaceColumns<'f> = dyn FnMut(&mut Filler, &Run, &mut [Vec<Spot>]) + 'f;

/// The state of a fill: the region being filled and how far down it is.
pub(super) struct Filler<'r> {
    regions: &'r dyn Fn(usize) -> Region,
    /// Index of the current region.
    pub k: usize,
    pub region: Region,
    pub y: Abs,
    prev_after: Abs,
    /// The least height a run of columns needs to start on a page.
    columns_min_start: Abs,
}

impl<'r> Filler<'r> {
    pub fn new(regions: &'r dyn Fn(usize) -> Region, columns_min_start: Abs) -> Self {
        let region = regions(0);
        Self {
            regions,
            k: 0,
            region,
            y: region.top,
            prev_after: Abs::ZERO,
            columns_min_start,
        }
    }

    pub fn at_top(&self) -> bool {
        self.y <= self.region.top
    }

    pub fn next_region(&mut self) {
        self.k += 1;
        self.region = (self.regions)(self.k);
        self.y = self.region.top;
    }

    /// The space above a block with `before` wished for: none at a region's top.
    pub fn gap(&self, before: Abs) -> Abs {
        if self.at_top() {
            Abs::ZERO
        } else {
            before.max(self.prev_after)
        }
    }

    /// Fills with `units`, recording each slice's spot by block ordinal. `columns` places a
    /// run of columns from the current position and returns where the text below it starts.
    pub fn fill(&mut self, units: &[Unit], spots: &mut [Vec<Spot>], columns: &mut PlaceColumns) {
        for i in 0..units.len() {
            match &units[i] {
                Unit::Block(ordinal, block) => {
                    if block.slices.is_empty() {
                        continue;
                    }
                    let needed = needed(units, i, self.columns_min_start);
                    self.block(block, needed, &mut spots[*ordinal]);
                }
                Unit::Columns(run) => {
                    let gap = self.gap(units[i].space_before());
                    self.y += gap;
                    columns(self, run, spots);
                }
            }
            self.prev_after = units[i].space_after();
        }
    }

    /// Places one block; `needed` is the height that must fit before it is started here.
    fn block(&mut self, block: &Block, needed: Abs, spots: &mut Vec<Spot>) {
        let rules = &block.breaks;
        if rules.break_before && !self.at_top() {
            self.next_region();
        }
        if !self.at_top() && self.y + self.gap(block.space_before) + needed > self.region.bottom {
            self.next_region();
        }
        self.y += self.gap(block.space_before);
        let slices = &block.slices;
        let n = slices.len();
        let mut repeat = None;
        let mut j = 0;
        while j < n {
            let mut fit = 0;
            let mut h = self.y;
            while j + fit < n && h + slices[j + fit].size.h <= self.region.bottom + EPS {
                h += slices[j + fit].size.h;
                fit += 1;
            }
            let mut take = fit;
            if j + fit < n {
                let remaining = n - (j + take);
                if remaining < rules.min_tail {
                    take = take.saturating_sub(rules.min_tail - remaining);
                }
                let min_first = if rules.keep_together {
                    n - j
                } else if j == 0 {
                    rules.min_head
                } else {
                    1
                };
                if take < min_first {
                    if !self.at_top() {
                        // Not even the least part fits here: try a fresh region (a heading
                        // row waiting for this slice is dropped with the region).
                        self.next_region();
                        repeat = None;
                        continue;
                    }
                    // Alone in an empty region and still too tall: place what fits, or one
                    // slice, rather than loop for ever.
                    take = fit.max(1);
                }
            }
            for slice in &slices[j..j + take] {
                spots.push(Spot {
                    page: self.region.page,
                    at: Point::new(self.region.x, self.y),
                    repeat: repeat.take(),
                });
                self.y += slice.size.h;
            }
            j += take;
            if j < n {
                self.new_region_for(block, &mut repeat, j);
            }
        }
    }

    /// Moves to the next region in the middle of `block` (before slice `j`): its repeat
    /// slice, if it has one and has begun, goes first.
    fn new_region_for(&mut self, block: &Block, repeat: &mut Option<Point>, j: usize) {
        self.next_region();
        if j > 0
            && let Some(header) = &block.repeat
        {
            *repeat = Some(Point::new(self.region.x, self.y));
            self.y += header.size.h;
        }
    }
}

/// The height that must fit before unit `i` is started: its first slices, or for a
/// keep-with-next block, all of it plus the start of what follows.
pub(super) fn needed(units: &[Unit], i: usize, columns_min_start: Abs) -> Abs {
    match &units[i] {
        Unit::Columns(_) => columns_min_start,
        Unit::Block(_, block) => {
            if block.breaks.keep_with_next
                && let Some(next) = units.get(i + 1)
                && !next.break_before()
            {
                let gap = next.space_before().max(block.space_after);
                return block.height() + gap + needed(units, i + 1, columns_min_start);
            }
            min_start(block)
        }
    }
}

/// The height of the least of a block that may stand at the foot of a region.
fn min_start(block: &Block) -> Abs {
    let n = block.slices.len();
    let rules = &block.breaks;
    // A block too short to split (fewer slices than head and tail together) moves whole.
    let k = if rules.keep_together || n < rules.min_head + rules.min_tail {
        n
    } else {
        rules.min_head
    };
    block.slices[..k]
        .iter()
        .fold(Abs::ZERO, |h, s| h + s.size.h)
}
