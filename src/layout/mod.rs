//! Stage 3: [`Report`] → [`Document`]: pages of positioned, shaped, tagged items.
//!
//! The recipe:
//! 1. the **cover** is composed directly on its own page;
//! 2. the **year-in-numbers** page and every **section** become blocks (headings, lines of
//!    paragraphs, card rows, list items), each built by its component module;
//! 3. the blocks are **paginated** by [`flow`] with keep-with-next, widow/orphan and
//!    no-split rules;
//! 4. the **back cover** is composed, and **page furniture** (footer, page numbers) is added
//!    last, when every page is known.
//!
//! Layout never sees TOML or PDF: it reads the resolved report and writes frames.

mod blocks;
mod cards;
mod cover;
pub mod flow;
mod furniture;
mod style;

use crate::frame::{Document, OutlineEntry, Page};
use crate::geom::{Point, Rect, Size};
use crate::model::Report;
use style::Ctx;

/// Lays out a report.
pub fn layout(report: &Report) -> Document {
    let mut ctx = Ctx::new(report);
    let page_size = report.page.size;
    let mut pages = vec![Page {
        size: page_size,
        number: None,
        items: cover::front(&mut ctx),
    }];

    let mut body = Vec::new();
    if let Some(numbers) = &report.numbers {
        body.extend(cards::numbers_page(&mut ctx, numbers));
    }
    for (i, section) in report.sections.iter().enumerate() {
        let mut blocks = blocks::section(&mut ctx, section);
        // The year-in-numbers page stands alone: the first section starts after it.
        if i == 0 && report.numbers.is_some() {
            blocks[0].break_before = true;
        }
        body.extend(blocks);
    }
    let p = &report.page;
    let area = Rect {
        origin: Point::new(p.left, p.top),
        size: Size::new(p.size.w - p.left - p.right, p.size.h - p.top - p.bottom),
    };
    let mut outline = Vec::new();
    for flowed in flow::paginate(&body, area) {
        let index = pages.len();
        outline.extend(
            flowed
                .bookmarks
                .into_iter()
                .map(|(level, title, y)| OutlineEntry {
                    level,
                    title,
                    page: index,
                    y,
                }),
        );
        pages.push(Page {
            size: page_size,
            number: Some(index + 1),
            items: flowed.items,
        });
    }
    pages.push(Page {
        size: page_size,
        number: None,
        items: cover::back(&mut ctx),
    });
    furniture::footers(&ctx, &mut pages);
    Document {
        pages,
        structure: ctx.structure,
        outline,
    }
}
