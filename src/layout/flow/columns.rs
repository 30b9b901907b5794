//! Two-column runs: blocks that fill each page's columns left then right, and end level on
//! the last page.
//!
//! In: the blocks of the run (measured at the column width), where the run starts, the page
//! area and the column geometry. Out: the spots of every slice, and the filler moved to below
//! the taller column on the last page. Widow, orphan and keep rules hold inside each column,
//! because each column is filled by the same rules as a page ([`super::fill`]).
//!
//! Balancing works on heights only, with no copies: the run is planned once to find its
//! last pair of columns; the heights that pair could have are worked out directly — for
//! every place the rules allow a column break, the taller of the two columns it makes —
//! and the run is planned again with the last pair as tall as the least of them. Should
//! the rules place the text differently from that reckoning (a block kept with the next
//! spilling into a third column), the next height is tried, and so on up a few; only if
//! none holds does the first plan stand.

use super::super::block::Block;
use super::Spot;
use super::fill::{Filler, Region, Unit};
use crate::geom::{Abs, Rect};
use crate::layout::theme::ColumnGeometry;

/// Places `run` in two columns from the filler's position on the current page.
pub(super) fn place(
    outer: &mut Filler,
    run: &[(usize, &Block)],
    spots: &mut [Vec<Spot>],
    area: Rect,
    geometry: &ColumnGeometry,
) {
    if !outer.at_top() && outer.region.bottom - outer.y < geometry.min_start {
        outer.next_region();
    }
    let first_page = outer.region.page;
    let (start, first_bottom) = (outer.y, outer.region.bottom);
    let width = (area.size.w - geometry.gutter) / 2.0;
    let column = |k: usize, last_pair: Option<(usize, Abs)>| {
        let (pair, side) = (k / 2, k % 2);
        let top = if pair == 0 { start } else { area.origin.y };
        let bottom = match last_pair {
            Some((p, h)) if p == pair => top + h,
            _ if pair == 0 => first_bottom,
            _ => area.bottom(),
        };
        Region {
            page: first_page + pair,
            x: area.origin.x + (width + geometry.gutter) * side as f64,
            top,
            bottom,
        }
    };
    let units: Vec<Unit> = run.iter().map(|(i, b)| Unit::Block(*i, b)).collect();
    let plan = |last_pair: Option<(usize, Abs)>| {
        let regions = |k: usize| column(k, last_pair);
        let mut filler = Filler::new(&regions, geometry.min_start);
        let mut local: Vec<Vec<Spot>> = run.iter().map(|_| Vec::new()).collect();
        let mut slots: Vec<Vec<Spot>> = vec![Vec::new(); spots.len()];
        filler.fill(&units, &mut slots, &mut |_, _, _| {});
        for (k, (i, _)) in run.iter().enumerate() {
            local[k] = std::mem::take(&mut slots[*i]);
        }
        (local, filler.k)
    };
    let (unbalanced, last) = plan(None);
    let pair = last / 2;
    let region_of =
        |s: &Spot| 2 * (s.page - first_page) + usize::from(s.at.x > area.origin.x + width);
    let heights = balanced_heights(run, &unbalanced, |s| region_of(s) >= 2 * pair);
    // A balanced pair is never taller than the room its page has (a run that cannot be
    // set in less keeps the unbalanced plan).
    let room = if pair == 0 {
        first_bottom - start
    } else {
        area.size.h
    };
    let chosen = heights
        .into_iter()
        .filter(|h| *h <= room + super::fill::EPS)
        .take(MAX_TRIES)
        .map(|h| plan(Some((pair, h))))
        .find(|(_, k)| k / 2 == pair)
        .map_or(unbalanced, |(balanced, _)| balanced);
    let mut end = if pair == 0 { start } else { area.origin.y };
    for ((i, block), local) in run.iter().zip(chosen) {
        for (spot, slice) in local.iter().zip(&block.slices) {
            if spot.page == first_page + pair {
                end = end.max(spot.at.y + slice.size.h);
            }
        }
        spots[*i] = local;
    }
    for _ in 0..pair {
        outer.next_region();
    }
    outer.y = end;
}

/// A place between two slices of a run: before slice `slice` of block `block` (indices into
/// the run); `slice == len` is the end of that block.
#[derive(Debug, Clone, Copy, PartialEq)]
struct At {
    block: usize,
    slice: usize,
}

/// How many of the candidate heights are tried before the unbalanced plan stands: each is
/// one more plan of the run.
const MAX_TRIES: usize = 8;

/// The heights, least first, at which the part of `run` placed in the last pair (the
/// slices whose spot `in_last_pair` accepts) sets in two columns, one for each of the
/// rules' allowed breaks.
fn balanced_heights(
    run: &[(usize, &Block)],
    spots: &[Vec<Spot>],
    in_last_pair: impl Fn(&Spot) -> bool,
) -> Vec<Abs> {
    let Some(from) = run.iter().enumerate().find_map(|(b, _)| {
        spots[b]
            .iter()
            .position(&in_last_pair)
            .map(|slice| At { block: b, slice })
    }) else {
        return Vec::new();
    };
    let end = At {
        block: run.len() - 1,
        slice: run[run.len() - 1].1.slices.len(),
    };
    let mut out: Vec<Abs> = Vec::new();
    for b in from.block..run.len() {
        let block = run[b].1;
        let n = block.slices.len();
        let first = if b == from.block { from.slice + 1 } else { 0 };
        for j in first..=n {
            let at = At { block: b, slice: j };
            if !allowed(run, from, at) {
                continue;
            }
            out.push(stacked(run, from, at).max(stacked(run, at, end)));
        }
    }
    out.sort_by(|a, b| a.to_pt().total_cmp(&b.to_pt()));
    out.dedup_by(|a, b| (*a - *b).to_pt().abs() < 0.01);
    out
}

/// Whether the rules allow a column break at `at`, for a column that starts at `from`.
fn allowed(run: &[(usize, &Block)], from: At, at: At) -> bool {
    let block = run[at.block].1;
    let (n, rules) = (block.slices.len(), &block.breaks);
    if n == 0 {
        return false;
    }
    if at.slice == n {
        // The end of a block is the start of the next one (or the end of the run).
        return match run[at.block + 1..]
            .iter()
            .find(|(_, b)| !b.slices.is_empty())
        {
            None => true,
            Some((_, next)) => !rules.keep_with_next || next.breaks.break_before,
        };
    }
    if at.slice == 0 {
        return false; // the same place as the end of the block before
    }
    let head = if at.block == from.block && from.slice > 0 {
        from.slice + 1
    } else {
        rules.min_head
    };
    !rules.keep_together && at.slice >= head && n - at.slice >= rules.min_tail
}

/// The height of the run from `from` to `to` set from the top of a column: slices, the
/// space between blocks (none at the top), and a repeated heading row if it starts inside
/// a block.
fn stacked(run: &[(usize, &Block)], from: At, to: At) -> Abs {
    let mut h = Abs::ZERO;
    let mut prev_after: Option<Abs> = None;
    for (b, (_, block)) in run.iter().enumerate().take(to.block + 1).skip(from.block) {
        let start = if b == from.block { from.slice } else { 0 };
        let stop = if b == to.block {
            to.slice
        } else {
            block.slices.len()
        };
        if start >= stop {
            continue;
        }
        if start > 0 {
            if let Some(r) = &block.repeat {
                h += r.size.h;
            }
        } else if let Some(after) = prev_after {
            h += block.space_before.max(after);
        }
        h += block.slices[start..stop]
            .iter()
            .fold(Abs::ZERO, |h, s| h + s.size.h);
        prev_after = Some(block.space_after);
    }
    h
}
