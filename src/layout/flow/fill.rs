//! Filling regions: the pagination rules, applied to heights alone.
//!
//! In: units (blocks, and runs of blocks set in columns) and a sequence of regions (the
//! margin box of page after page, or the columns of a run). Out: a [`Spot`] for every slice
//! of every block — which page, where, and which of its smaller settings — and where the
//! last one ended. Nothing is placed: planning reads heights and rules, so it can be run
//! again with other regions (columns balanced, a contents page counted) at no cost.
//!
//! The rules a designer expects:
//! - a block marked `keep_with_next` (a heading, a lead) moves to the next region unless it
//!   fits together with the start of what follows it — the whole of an image or a card
//!   row, the first lines of a paragraph — so no page ends with a heading;
//! - a split block leaves at least `min_head` slices at a region's foot and carries at least
//!   `min_tail` to the next (widows and orphans for paragraphs, two rows for tables), or
//!   moves whole; a block too short to split that way, or marked `keep_together`, moves
//!   whole — unless it is taller than a whole region, or the break after it is forced
//!   (moving it would leave a page holding it alone), when it splits;
//! - a figure marked `float` that does not fit what is left of a region waits for the top
//!   of the next one, and the blocks after it fill the gap — up to the next section
//!   heading, forced break or run of columns, which wait for it; a figure that nothing
//!   could overtake, or that misses the room by a little, is set smaller instead (from
//!   the block's `smaller` settings) when one fits;
//! - `break_before` starts a new page;
//! - the space between blocks is the larger of the two blocks' wishes, and vanishes at the
//!   top of a region;
//! - a block continued in a new region is preceded there by its `repeat` slice (a table's
//!   heading row);
//! - nothing is placed below a region: a single slice is never taller than a whole region
//!   (`super::fit` cuts or scales those before planning).

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

/// A figure missing the room left by no more than this share of its height is set smaller
/// to stay, rather than moved.
pub(super) const SHRINK_TO_STAY: f64 = 0.85;
/// A figure that nothing may overtake (a section heading or a forced break comes next) is
/// set down to this share of its height to stay, rather than leave a page holding only
/// itself.
pub(super) const SHRINK_AT_A_STOP: f64 = 0.6;

/// The state of a fill: the region being filled and how far down it is.
pub(super) struct Filler<'r, 'b> {
    regions: &'r dyn Fn(usize) -> Region,
    /// Index of the current region.
    pub k: usize,
    pub region: Region,
    pub y: Abs,
    prev_after: Abs,
    /// The least height a run of columns needs to start on a page.
    columns_min_start: Abs,
    /// Figures waiting for the top of the next region, in reading order.
    pending: Vec<(usize, &'b Block)>,
    /// The block placed last is kept with the next: what follows must not leave it (a
    /// kept-together block yields, a figure does not wait).
    after_kept: bool,
    /// The chain of blocks kept with the next that is being placed cannot fit one region
    /// with the start of what ends it (a heading, a lead and a row of cards in large print):
    /// it must break somewhere, and the latest place is best, so each of its blocks stays
    /// with the one before it while it fits.
    chain_overflows: bool,
    /// The chain of blocks kept with the next that is being placed started at the top of
    /// its region: moving it on would gain it no room.
    chain_at_top: bool,
}

impl<'r, 'b> Filler<'r, 'b> {
    pub fn new(regions: &'r dyn Fn(usize) -> Region, columns_min_start: Abs) -> Self {
        let region = regions(0);
        Self {
            regions,
            k: 0,
            region,
            y: region.top,
            prev_after: Abs::ZERO,
            columns_min_start,
            pending: Vec::new(),
            after_kept: false,
            chain_overflows: false,
            chain_at_top: false,
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

    /// The height of a whole fresh region: what no block can be taller than and still be
    /// kept together.
    fn whole(&self) -> Abs {
        let next = (self.regions)(self.k + 1);
        next.bottom - next.top
    }

    /// Moves to the next region and sets there, at the top, the figures waiting for it.
    fn advance(&mut self, spots: &mut [Vec<Spot>]) {
        self.next_region();
        self.place_pending(spots);
    }

    /// Sets waiting figures from the current position, as many as fit (all of them at the
    /// top of a region: each fits a whole region).
    fn place_pending(&mut self, spots: &mut [Vec<Spot>]) {
        while let Some(&(ordinal, block)) = self.pending.first() {
            let gap = self.gap(block.space_before);
            if !self.at_top() && self.y + gap + block.height() > self.region.bottom + EPS {
                break;
            }
            self.pending.remove(0);
            self.y += gap;
            for slice in &block.slices {
                spots[ordinal].push(Spot {
                    page: self.region.page,
                    at: Point::new(self.region.x, self.y),
                    repeat: None,
                    smaller: None,
                });
                self.y += slice.size.h;
            }
            self.prev_after = block.space_after;
        }
    }

    /// The space above a block with `before` wished for: none at a region's top.
    pub fn gap(&self, before: Abs) -> Abs {
        if self.at_top() {
            Abs::ZERO
        } else {
            before.max(self.prev_after)
        }
    }

    /// Whether all of `block` fits below the current position.
    fn fits(&self, block: &Block) -> bool {
        self.y + self.gap(block.space_before) + block.height() <= self.region.bottom + EPS
    }

    /// The tallest of `block`'s smaller settings, down to `least` of its height, that fits
    /// below the current position.
    fn smaller_that_fits(&self, block: &Block, least: f64) -> Option<usize> {
        if self.at_top() {
            return None;
        }
        let floor = block.height() * least;
        block
            .smaller
            .iter()
            .position(|s| s.height() >= floor - EPS && self.fits(s))
    }

    /// Fills with `units`, recording each slice's spot by block ordinal. `columns` places a
    /// run of columns from the current position and returns where the text below it starts.
    pub fn fill(
        &mut self,
        units: &[Unit<'b>],
        spots: &mut [Vec<Spot>],
        columns: &mut PlaceColumns,
    ) {
        for i in 0..units.len() {
            match &units[i] {
                Unit::Block(ordinal, block) => {
                    if block.slices.is_empty() {
                        continue;
                    }
                    // A heading kept with a figure that would have to wait behind the
                    // figures already waiting goes with them to the next region, rather
                    // than stay behind alone.
                    if !self.pending.is_empty()
                        && (stops_overtaking(block) || leads_to_figure(units, i))
                    {
                        self.advance(spots);
                    }
                    let stop_next = units.get(i + 1).is_none_or(Unit::stops_overtaking);
                    let kept = std::mem::take(&mut self.after_kept) && !self.at_top();
                    let least = if stop_next || kept {
                        SHRINK_AT_A_STOP
                    } else {
                        SHRINK_TO_STAY
                    };
                    if !self.at_top() && !self.fits(block) {
                        // Set smaller to stay, if that is a small change (or the only way
                        // not to leave a page to this block alone)...
                        if self.pending.is_empty()
                            && let Some(v) = self.smaller_that_fits(block, least)
                        {
                            let start = spots[*ordinal].len();
                            self.block(&block.smaller[v], Abs::ZERO, &mut spots[*ordinal], false);
                            for s in &mut spots[*ordinal][start..] {
                                s.smaller = Some(v);
                            }
                            self.prev_after = block.space_after;
                            continue;
                        }
                        // ...or wait for the next region while what follows fills the gap
                        // (not straight after a heading, which it would leave alone).
                        if block.breaks.float
                            && !stop_next
                            && !kept
                            && block.height() <= self.whole() + EPS
                        {
                            self.pending.push((*ordinal, *block));
                            continue;
                        }
                    } else if block.breaks.float
                        && !self.pending.is_empty()
                        && block.height() <= self.whole() + EPS
                    {
                        // Figures keep their order: one behind a waiting figure waits too.
                        self.pending.push((*ordinal, *block));
                        continue;
                    }
                    let cap = self.whole();
                    let overflowing = kept && self.chain_overflows;
                    let relaxed = !block.breaks.keep_with_next
                        && (overflowing || (kept && self.chain_at_top && !self.fits(block)));
                    let needed = if relaxed {
                        block.slices[0].size.h
                    } else if kept && !block.breaks.keep_with_next {
                        // Straight after a heading a kept-together block may split: its
                        // first lines are what must fit.
                        min_start_of(block, cap, false)
                    } else if overflowing {
                        min_start(block, cap)
                    } else if kept {
                        // Inside a chain of headings already started here: the rest of
                        // the chain is judged by the room left, as its start was.
                        let room = self.region.bottom - self.y - self.gap(block.space_before);
                        needed(units, i, self.columns_min_start, room.min(cap))
                    } else {
                        needed(units, i, self.columns_min_start, cap)
                    };
                    let rules = Rules {
                        together: block.breaks.keep_together
                            && !stop_next
                            && !kept
                            && block.height() <= cap + EPS,
                        after: after(units, i, self.columns_min_start, cap),
                        relaxed,
                    };
                    self.block_with_floats(block, needed, *ordinal, spots, rules);
                    if !kept {
                        self.chain_at_top = spots[*ordinal]
                            .first()
                            .is_some_and(|s| s.at.y <= self.region.top + EPS);
                    }
                    self.after_kept = block.breaks.keep_with_next;
                    self.chain_overflows = block.breaks.keep_with_next
                        && (overflowing || (!kept && needed > cap + EPS));
                }
                Unit::Columns(run) => {
                    self.after_kept = false;
                    self.chain_overflows = false;
                    if !self.pending.is_empty() {
                        self.advance(spots);
                    }
                    let gap = self.gap(units[i].space_before());
                    self.y += gap;
                    columns(self, run, spots);
                }
            }
            self.prev_after = units[i].space_after();
        }
        // Figures still waiting at the end go on the pages after it (each fits one).
        while !self.pending.is_empty() {
            self.advance(spots);
        }
    }

    /// Places one block by `rules`; figures waiting for a region go at the top of each
    /// region the block moves to.
    fn block_with_floats(
        &mut self,
        block: &Block,
        needed: Abs,
        ordinal: usize,
        spots: &mut [Vec<Spot>],
        rules: Rules,
    ) {
        let mut own = std::mem::take(&mut spots[ordinal]);
        self.place(block, needed, &mut own, rules, &mut |f| f.advance(spots));
        spots[ordinal] = own;
    }

    /// Places one block with no figures waiting (inside a region of its own).
    fn block(&mut self, block: &Block, needed: Abs, spots: &mut Vec<Spot>, together: bool) {
        let rules = Rules {
            together,
            after: Abs::ZERO,
            relaxed: false,
        };
        self.place(block, needed, spots, rules, &mut |f| f.next_region());
    }

    /// Places one block; `needed` is the height that must fit before it is started here,
    /// and `advance` moves to the next region.
    fn place(
        &mut self,
        block: &Block,
        needed: Abs,
        spots: &mut Vec<Spot>,
        Rules {
            together,
            after,
            relaxed,
        }: Rules,
        advance: &mut dyn FnMut(&mut Self),
    ) {
        let rules = &block.breaks;
        // Moving on may set waiting figures at the new region's top: a new page is only
        // had once they are all set, and the block's start must still fit below them.
        while rules.break_before && !self.at_top() {
            advance(self);
        }
        while !self.at_top() && self.y + self.gap(block.space_before) + needed > self.region.bottom
        {
            advance(self);
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
            // The rest fits here, but what it is kept with does not: carry its last
            // slices over, so the two share the next region.
            if j + fit == n
                && after > Abs::ZERO
                && h + after > self.region.bottom + EPS
                && !together
                && fit > rules.min_tail
                && (j > 0 || fit - rules.min_tail >= rules.min_head)
            {
                take = fit - rules.min_tail;
            }
            if j + take < n && take == fit {
                let remaining = n - (j + take);
                if remaining < rules.min_tail {
                    take = take.saturating_sub(rules.min_tail - remaining);
                }
                let min_first = if together {
                    n - j
                } else if j == 0 && relaxed {
                    1
                } else if j == 0
                    && n < rules.min_head + rules.min_tail
                    && block.height() > self.whole() + EPS
                {
                    // Too short to split by the rules, it splits only when taller than a
                    // region, and then from its first slice.
                    1
                } else if j == 0 {
                    rules.min_head
                } else {
                    1
                };
                // A region holding only the heading row repeated for this block is as
                // good as empty: moving on would leave a page with nothing but that row.
                let only_heading_row = repeat.is_some_and(|p: Point| p.y <= self.region.top);
                if take < min_first {
                    if !self.at_top() && !only_heading_row {
                        // Not even the least part fits here: try a fresh region (a heading
                        // row waiting for this slice is dropped with the region).
                        advance(self);
                        repeat = None;
                        continue;
                    }
                    // Alone in an empty region and still too tall for the rules: place
                    // what fits (every slice fits a whole region), rather than loop for ever.
                    take = fit.max(1);
                }
            }
            for slice in &slices[j..j + take] {
                spots.push(Spot {
                    page: self.region.page,
                    at: Point::new(self.region.x, self.y),
                    repeat: repeat.take(),
                    smaller: None,
                });
                self.y += slice.size.h;
            }
            j += take;
            if j < n {
                advance(self);
                // The heading row again, unless no slice would fit below it: a row taller
                // than a page less its heading row goes on without it.
                if let Some(header) = &block.repeat
                    && self.y + header.size.h + slices[j].size.h <= self.region.bottom + EPS
                {
                    repeat = Some(Point::new(self.region.x, self.y));
                    self.y += header.size.h;
                }
            }
        }
    }
}

/// How a block breaks where it is placed: kept whole, and what must fit after its last
/// slice in its region (the start of the block it is kept with).
#[derive(Debug, Clone, Copy)]
struct Rules {
    together: bool,
    after: Abs,
    /// It ends a chain of headings that cannot fit one region with it: it may start with
    /// a single slice (its head rule yields, its tail rule holds), so the headings are not
    /// left alone.
    relaxed: bool,
}

/// Whether unit `i` starts a chain of blocks kept with the next that ends in what may not
/// overtake waiting figures: a figure, a run of columns, a new section or page.
fn leads_to_figure(units: &[Unit], i: usize) -> bool {
    let mut j = i;
    loop {
        match units.get(j) {
            Some(Unit::Block(_, b)) if b.breaks.keep_with_next => j += 1,
            Some(Unit::Block(_, b)) => {
                return j > i && (b.breaks.float || stops_overtaking(b));
            }
            Some(Unit::Columns(_)) => return j > i,
            None => return false,
        }
    }
}

/// Whether a block stops figures waiting for the next region from being overtaken: a new
/// page, or a new section (a figure stays in its section).
fn stops_overtaking(block: &Block) -> bool {
    block.breaks.break_before
        || block
            .bookmark
            .as_ref()
            .is_some_and(|(level, _)| *level == 1)
}

impl Unit<'_> {
    fn stops_overtaking(&self) -> bool {
        match self {
            Unit::Block(_, b) => stops_overtaking(b),
            Unit::Columns(_) => true,
        }
    }
}

/// The height that must fit before unit `i` is started: its first slices, or for a
/// keep-with-next block, all of it plus the start of what follows (a chain of them
/// followed as far as `cap`, the height of a region: more can never fit).
pub(super) fn needed(units: &[Unit], i: usize, columns_min_start: Abs, cap: Abs) -> Abs {
    let mut total = Abs::ZERO;
    let mut j = i;
    loop {
        match &units[j] {
            Unit::Columns(_) => return total + columns_min_start,
            Unit::Block(_, block) => {
                // A block that must split anyway need only start here: its tail is kept
                // with what follows when it is placed (see `Filler::place`). So must one
                // that cannot share a region with the start of what follows (a long lead
                // in large print): split, it keeps the heading before it company.
                if block.breaks.keep_with_next && splits(block, cap) {
                    let whole = total + block.height();
                    let rest = match units.get(j + 1) {
                        Some(next) if !next.break_before() && whole <= cap => {
                            next.space_before().max(block.space_after)
                                + needed(units, j + 1, columns_min_start, cap)
                        }
                        _ => Abs::ZERO,
                    };
                    if whole + rest > cap {
                        return total + min_start(block, cap);
                    }
                }
                if block.breaks.keep_with_next
                    && total <= cap
                    && let Some(next) = units.get(j + 1)
                    && !next.break_before()
                {
                    total += block.height() + next.space_before().max(block.space_after);
                    j += 1;
                    continue;
                }
                // Kept together, it yields when it cannot follow the blocks kept with it
                // on one region: better split than strand a heading.
                return total + min_start(block, cap - total);
            }
        }
    }
}

/// Whether a block may be split between regions (as tall as `cap` is one region).
fn splits(block: &Block, cap: Abs) -> bool {
    let rules = &block.breaks;
    let together = rules.keep_together && block.height() <= cap;
    !together && block.slices.len() >= rules.min_head + rules.min_tail
}

/// What must fit after a keep-with-next block's last slice in its region: the space
/// between and the start of the next unit; nothing for a block not kept with the next.
fn after(units: &[Unit], i: usize, columns_min_start: Abs, cap: Abs) -> Abs {
    match (&units[i], units.get(i + 1)) {
        (Unit::Block(_, block), Some(next))
            if block.breaks.keep_with_next && !next.break_before() =>
        {
            next.space_before().max(block.space_after)
                + needed(units, i + 1, columns_min_start, cap)
        }
        _ => Abs::ZERO,
    }
}

/// The height of the least of a block that may stand at the foot of a region.
fn min_start(block: &Block, cap: Abs) -> Abs {
    min_start_of(block, cap, block.breaks.keep_together)
}

/// [`min_start`], with `keep_together` taken as `together` says.
fn min_start_of(block: &Block, cap: Abs, together: bool) -> Abs {
    let n = block.slices.len();
    let rules = &block.breaks;
    let taller = block.height() > cap + EPS;
    let together = together && !taller;
    // A block too short to split (fewer slices than head and tail together) moves whole,
    // unless it is taller than a region (three rows of a table in large print): then it
    // must split, and its first slice is its start. At least one slice, whatever the rules.
    let k = if together || (n < rules.min_head + rules.min_tail && !taller) {
        n
    } else if n < rules.min_head + rules.min_tail {
        1
    } else {
        rules.min_head.max(1)
    };
    block.slices[..k]
        .iter()
        .fold(Abs::ZERO, |h, s| h + s.size.h)
}
