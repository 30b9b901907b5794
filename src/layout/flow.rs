//! Pagination: blocks of slices → pages.
//!
//! In: blocks (a heading, a paragraph's lines, a row of cards, a list item), each a list of
//! slices that may be split between pages only at slice boundaries, with keep rules. Out:
//! pages of positioned items and where each bookmarked block landed.
//!
//! The rules a designer expects:
//! - a block marked `keep_with_next` (a heading) moves to the next page unless it fits
//!   together with the start of what follows it;
//! - a paragraph leaves at least [`ORPHANS`] lines at a page foot and carries at least
//!   [`WIDOWS`] lines to the next page, or moves whole;
//! - a block of one slice (a card row, a list item, a figure) is never split;
//! - nothing is placed below the content area unless a single slice is taller than a page.

use crate::frame::Item;
use crate::geom::{Abs, Point, Rect};

/// Fewest lines of a paragraph left alone at the foot of a page.
pub const ORPHANS: usize = 2;
/// Fewest lines of a paragraph carried alone to the top of a page.
pub const WIDOWS: usize = 2;

/// A piece that is placed whole: one line of text, or an unsplittable component.
#[derive(Clone, Default)]
pub struct Slice {
    pub height: Abs,
    /// Items with positions relative to the slice's top-left corner.
    pub items: Vec<Item>,
}

/// A run of slices with rules for where it may break.
#[derive(Clone, Default)]
pub struct Block {
    pub slices: Vec<Slice>,
    pub space_before: Abs,
    pub space_after: Abs,
    /// Must share a page with the start of the next block.
    pub keep_with_next: bool,
    /// Starts a new page.
    pub break_before: bool,
    /// Fewest slices to leave at a page foot / carry to a page top when split.
    pub min_head: usize,
    pub min_tail: usize,
    /// A bookmark to record where the block lands: (level, title).
    pub bookmark: Option<(u8, String)>,
    /// Placed again at the top of every page the block continues on (a table's heading
    /// row, already tagged as a repeat artifact).
    pub repeat: Option<Slice>,
    /// Instead of slices: blocks set in two columns (see [`super::columns`]).
    pub columns: Option<Vec<Block>>,
}

impl Block {
    /// A block of one unsplittable slice.
    pub fn atomic(slice: Slice) -> Self {
        Self {
            slices: vec![slice],
            min_head: 1,
            min_tail: 1,
            ..Self::default()
        }
    }

    /// A block of lines, split with widow and orphan control.
    pub fn lines(slices: Vec<Slice>) -> Self {
        Self {
            slices,
            min_head: ORPHANS,
            min_tail: WIDOWS,
            ..Self::default()
        }
    }

    fn height(&self) -> Abs {
        self.slices.iter().fold(Abs::ZERO, |h, s| h + s.height)
    }

    /// Height of the least of this block that may stand at the foot of a page.
    fn min_start(&self) -> Abs {
        if self.columns.is_some() {
            return super::columns::MIN_START;
        }
        let n = self.slices.len();
        // A block too short to split (fewer lines than orphans + widows) must move whole.
        let k = if n < self.min_head + self.min_tail {
            n
        } else {
            self.min_head
        };
        self.slices[..k].iter().fold(Abs::ZERO, |h, s| h + s.height)
    }
}

/// A page of placed items and the bookmarks that landed on it.
pub struct FlowPage {
    pub items: Vec<Item>,
    pub bookmarks: Vec<(u8, String, Abs)>,
    /// How far down the page the placed blocks reach.
    pub bottom: Abs,
}

/// Fills pages with blocks inside `area`. The blocks are consumed: their items move onto the
/// pages rather than being copied, which halves the memory a long report needs.
pub fn paginate(blocks: Vec<Block>, area: Rect) -> Vec<FlowPage> {
    let bottom = area.bottom();
    paginate_heights(blocks, area, &|_| bottom)
}

/// Fills pages like [`paginate`], but page `k` ends at `bottom_of(k)` (columns use this:
/// the first pair of columns may start part-way down a page).
pub fn paginate_heights(
    mut blocks: Vec<Block>,
    area: Rect,
    bottom_of: &dyn Fn(usize) -> Abs,
) -> Vec<FlowPage> {
    let mut pages = vec![FlowPage {
        items: Vec::new(),
        bookmarks: Vec::new(),
        bottom: area.origin.y,
    }];
    let top = area.origin.y;
    let mut bottom = bottom_of(0);
    let mut y = top;
    let mut prev_after = Abs::ZERO;
    let new_page = |pages: &mut Vec<FlowPage>, y: &mut Abs, bottom: &mut Abs| {
        if let Some(last) = pages.last_mut() {
            last.bottom = *y;
        }
        pages.push(FlowPage {
            items: Vec::new(),
            bookmarks: Vec::new(),
            bottom: top,
        });
        *y = top;
        *bottom = bottom_of(pages.len() - 1);
    };
    for i in 0..blocks.len() {
        if let Some(inner) = blocks[i].columns.take() {
            let gap = if y > top {
                blocks[i].space_before.max(prev_after)
            } else {
                Abs::ZERO
            };
            let start = super::columns::place(inner, &mut pages, area, y + gap, bottom, bottom_of);
            y = start;
            bottom = bottom_of(pages.len() - 1);
            prev_after = blocks[i].space_after;
            continue;
        }
        if blocks[i].slices.is_empty() {
            continue;
        }
        let needed_here = needed(&blocks, i);
        let mut slices = std::mem::take(&mut blocks[i].slices);
        let block = &blocks[i];
        if block.break_before && y > top {
            new_page(&mut pages, &mut y, &mut bottom);
        }
        let gap = |y: Abs| {
            if y > top {
                block.space_before.max(prev_after)
            } else {
                Abs::ZERO
            }
        };
        if y > top && y + gap(y) + needed_here > bottom {
            new_page(&mut pages, &mut y, &mut bottom);
        }
        y += gap(y);
        if let Some((level, title)) = &block.bookmark {
            let page = pages.last_mut().expect("invariant: there is always a page");
            page.bookmarks.push((*level, title.clone(), y));
        }
        let n = slices.len();
        let mut j = 0;
        while j < n {
            let mut fit = 0;
            let mut h = y;
            while j + fit < n && h + slices[j + fit].height <= bottom + Abs(0.01) {
                h += slices[j + fit].height;
                fit += 1;
            }
            let mut take = fit;
            if j + fit < n {
                let remaining = n - (j + take);
                if remaining < block.min_tail {
                    take = take.saturating_sub(block.min_tail - remaining);
                }
                let min_first = if j == 0 { block.min_head } else { 1 };
                if take < min_first {
                    if y > top {
                        new_page(&mut pages, &mut y, &mut bottom);
                        continue;
                    }
                    // Alone on an empty page and still too tall: place what fits, or one
                    // slice, rather than loop for ever.
                    take = fit.max(1);
                }
            }
            let page = pages.last_mut().expect("invariant: there is always a page");
            for slice in &mut slices[j..j + take] {
                let height = slice.height;
                place(
                    &mut page.items,
                    std::mem::take(&mut slice.items),
                    Point::new(area.origin.x, y),
                );
                y += height;
            }
            j += take;
            if j < n {
                new_page(&mut pages, &mut y, &mut bottom);
                if let Some(header) = &block.repeat {
                    let page = pages.last_mut().expect("invariant: there is always a page");
                    place(
                        &mut page.items,
                        header.items.clone(),
                        Point::new(area.origin.x, y),
                    );
                    y += header.height;
                }
            }
        }
        prev_after = block.space_after;
    }
    if let Some(last) = pages.last_mut() {
        last.bottom = y;
    }
    pages
}

/// The height that must fit before block `i` is started on the current page: its first
/// lines, or for a keep-with-next block, all of it plus the start of what follows.
fn needed(blocks: &[Block], i: usize) -> Abs {
    let block = &blocks[i];
    if block.keep_with_next
        && let Some(next) = blocks.get(i + 1)
        && !next.break_before
    {
        let gap = next.space_before.max(block.space_after);
        return block.height() + gap + needed(blocks, i + 1);
    }
    block.min_start()
}

pub fn place(items: &mut Vec<Item>, slice_items: Vec<Item>, at: Point) {
    items.extend(slice_items.into_iter().map(|mut item| {
        item.pos = item.pos + at;
        item
    }));
}

#[cfg(test)]
mod tests;
