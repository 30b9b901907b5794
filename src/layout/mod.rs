//! Stage 3: [`Report`] → [`Document`]: pages of positioned, shaped, tagged items.
//!
//! The recipe:
//! 1. the **cover** is composed directly on its own page;
//! 2. the **year-in-numbers** page and every **section** become blocks (headings, lines of
//!    paragraphs, card rows, list items), each built by its component module, and are
//!    **paginated** by [`flow`] with keep-with-next, widow/orphan and no-split rules;
//! 3. the **contents** is set from where the headings landed. Its page numbers depend on
//!    how many pages the contents itself takes, so it is set once with placeholder numbers
//!    to count its pages, then for real (a second pass, as in TeX's `.toc` file);
//! 4. the **back cover** is composed, and **page furniture** (footer, page numbers) is added
//!    last, when every page is known.
//!
//! Layout never sees TOML or PDF: it reads the resolved report and writes frames.

mod blocks;
mod cards;
mod charts;
mod columns;
mod components;
mod contents;
mod cover;
pub mod flow;
mod furniture;
mod style;

use crate::frame::{Document, OutlineEntry, Page, Role, Structure};
use crate::geom::{Point, Rect, Size};
use crate::model::Report;
use contents::Entry;
use style::Ctx;

/// Lays out a report.
pub fn layout(report: &Report) -> Document {
    let mut ctx = Ctx::new(report);
    let p = &report.page;
    let area = Rect {
        origin: Point::new(p.left, p.top),
        size: Size::new(p.size.w - p.left - p.right, p.size.h - p.top - p.bottom),
    };
    let cover = cover::front(&mut ctx);
    // Reserve the contents' place in reading order before the body is built.
    let contents_node = report
        .contents
        .as_ref()
        .map(|_| ctx.structure.push(Structure::ROOT, Role::Section));

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
    let body_pages = flow::paginate(body, area);

    let contents_pages = match (contents_node, &report.contents) {
        (Some(node), Some(title)) => {
            let entries = |first_body_page: usize| -> Vec<Entry> {
                body_pages
                    .iter()
                    .enumerate()
                    .flat_map(|(i, fp)| {
                        fp.bookmarks.iter().map(move |(level, title, y)| Entry {
                            level: *level,
                            title: title.clone(),
                            page: first_body_page + i,
                            y: *y,
                        })
                    })
                    .collect()
            };
            // Pass 1, on a scratch structure: how many pages does the contents take?
            let real = std::mem::take(&mut ctx.structure);
            ctx.quiet = true;
            let scratch = ctx.structure.push(Structure::ROOT, Role::Section);
            let dry = contents::blocks(&mut ctx, scratch, title, &entries(1));
            let count = flow::paginate(dry, area).len();
            ctx.structure = real;
            ctx.quiet = false;
            // Pass 2: real numbers; the body starts after the cover and the contents.
            let blocks = contents::blocks(&mut ctx, node, title, &entries(1 + count));
            let pages = flow::paginate(blocks, area);
            debug_assert_eq!(pages.len(), count, "the contents keeps its page count");
            pages
        }
        _ => Vec::new(),
    };

    let mut pages = vec![Page {
        size: p.size,
        number: None,
        label: Some("Cover".into()),
        area,
        items: cover,
    }];
    let mut outline = Vec::new();
    for flowed in contents_pages.into_iter().chain(body_pages) {
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
            size: p.size,
            number: Some(index + 1),
            label: None,
            area,
            items: flowed.items,
        });
    }
    pages.push(Page {
        size: p.size,
        number: None,
        label: Some("Back cover".into()),
        area,
        items: cover::back(&mut ctx),
    });
    furniture::footers(&ctx, &mut pages);
    let meta = &report.meta;
    Document {
        pages,
        structure: ctx.structure,
        outline,
        meta: crate::frame::Metadata {
            title: meta.title.clone(),
            author: meta.author.clone(),
            language: meta.language.clone(),
            subject: meta.subject.clone(),
            keywords: meta.keywords.clone(),
            date: meta.date,
        },
        fonts: report.fonts.faces.clone(),
        cmyk_profile: report.print.profile.clone(),
        print: None,
        warnings: ctx.warnings,
    }
}
