//! Two-column text: a run of blocks set in two columns that fill each page left then right,
//! and balance on the last page so both columns end level.
//!
//! In: blocks laid out at the column width, the page area, where the columns start on the
//! current page. Out: the blocks placed, new pages added as needed; returns where the text
//! below the columns starts. Widow, orphan and keep rules hold inside each column, because
//! each column is paginated by the same flow.

use super::flow::{self, Block, FlowPage, paginate_heights};
use crate::geom::{Abs, Point, Rect};

/// Gap between the columns: a little more than a line, so they read as two.
pub const GUTTER: Abs = Abs(18.0);
/// Below this much room, two columns would hold a line or two each: start on the next page.
pub const MIN_START: Abs = Abs(60.0);

/// The width of one column in `area`.
pub fn width(area: Rect) -> Abs {
    (area.size.w - GUTTER) / 2.0
}

/// Places `blocks` in two columns from `y` on the current (last) page.
pub fn place(
    blocks: Vec<Block>,
    pages: &mut Vec<FlowPage>,
    area: Rect,
    y: Abs,
    bottom: Abs,
    bottom_of: &dyn Fn(usize) -> Abs,
) -> Abs {
    let top = area.origin.y;
    let (mut y, mut bottom) = (y, bottom);
    if y > top && bottom - y < MIN_START {
        pages.push(FlowPage {
            items: Vec::new(),
            bookmarks: Vec::new(),
            bottom: top,
        });
        y = top;
        bottom = bottom_of(pages.len() - 1);
    }
    let first_page = pages.len() - 1;
    let first = bottom - y;
    let full = |k: usize| bottom_of(first_page + k) - top;
    let column = Rect::new(Abs::ZERO, Abs::ZERO, width(area), area.size.h);
    // Column k is on page k / 2; the first pair has only what is left of this page.
    let height_of = |k: usize| if k < 2 { first } else { full(k / 2) };
    let chunks = paginate_heights(blocks.clone(), column, &|k| height_of(k));
    let last_page = (chunks.len() - 1) / 2;
    // Balance the last pair: the shortest height that keeps the text on that many columns.
    let limit = 2 * (last_page + 1);
    let (mut lo, mut hi) = (Abs::ZERO, height_of(2 * last_page));
    for _ in 0..20 {
        let mid = (lo + hi) / 2.0;
        let h = |k: usize| if k / 2 < last_page { height_of(k) } else { mid };
        if paginate_heights(blocks.clone(), column, &h).len() <= limit {
            hi = mid;
        } else {
            lo = mid;
        }
    }
    let balanced = |k: usize| if k / 2 < last_page { height_of(k) } else { hi };
    let chunks = paginate_heights(blocks, column, &balanced);
    let mut end = y;
    for (k, chunk) in chunks.into_iter().enumerate() {
        let (page, col) = (k / 2, k % 2);
        if page > 0 && col == 0 {
            if let Some(last) = pages.last_mut() {
                last.bottom = end;
            }
            pages.push(FlowPage {
                items: Vec::new(),
                bookmarks: Vec::new(),
                bottom: top,
            });
            end = top;
        }
        let origin_y = if page == 0 { y } else { top };
        let x = area.origin.x + (width(area) + GUTTER) * col as f64;
        let target = pages.last_mut().expect("invariant: there is always a page");
        target.bookmarks.extend(
            chunk
                .bookmarks
                .into_iter()
                .map(|(l, t, by)| (l, t, by + origin_y)),
        );
        flow::place(&mut target.items, chunk.items, Point::new(x, origin_y));
        end = end.max(origin_y + chunk.bottom);
    }
    end
}
