//! The contents page: one linked entry per bookmarked heading, with its page number.
//!
//! In: the bookmarks the body flow recorded (level, title, page index) and the page number
//! the body starts at. Out: blocks for the contents page. Page numbers are only known once
//! the body has been paginated, and the body's numbers depend on how many pages the
//! contents take; `layout` therefore sets the contents twice (see there).

use super::flow::{Block, Slice};
use super::style::{Ctx, ParStyle, rect, stack};
use crate::frame::{Item, ItemKind, LinkTarget, NodeId, Role};
use crate::geom::{Abs, Point, Size};

/// An entry: heading level (1 = section), title, index of the page it starts on.
#[derive(Debug, Clone)]
pub struct Entry {
    pub level: u8,
    pub title: String,
    pub page: usize,
    pub y: Abs,
}

const ENTRY_SIZE: f64 = 13.0;
const SUB_ENTRY_SIZE: f64 = 11.0;
/// Room kept at the right for the page number.
const NUMBER_COLUMN: Abs = Abs(36.0);
/// Indent of a second-level entry.
const SUB_INDENT: Abs = Abs(16.0);
const ROW_PAD: Abs = Abs(7.0);

/// Blocks of the contents: the heading, then one row per entry. `section` is the Section
/// node reserved for the contents in reading order.
pub fn blocks(ctx: &mut Ctx, section: NodeId, title: &str, entries: &[Entry]) -> Vec<Block> {
    let width = ctx.report.page.size.w - ctx.report.page.left - ctx.report.page.right;
    let mut out = vec![super::blocks::heading_block(ctx, section, title, width)];
    out[0].bookmark = Some((1, title.to_string()));
    let toc = ctx.structure.push(section, Role::Toc);
    let pal = ctx.report.palette;
    for (i, e) in entries.iter().enumerate() {
        let sub = e.level > 1;
        let size = if sub { SUB_ENTRY_SIZE } else { ENTRY_SIZE };
        let style = ParStyle {
            hyphenate: false,
            ..ctx.display(size, pal.text, !sub, 1.3)
        };
        let indent = if sub { SUB_INDENT } else { Abs::ZERO };
        let item = ctx.structure.push(toc, Role::TocItem);
        let link = ctx.structure.push(
            item,
            Role::Link {
                url: format!("#page={}", e.page + 1),
            },
        );
        let mut slice = Slice::default();
        let lines = ctx.text(&e.title, &style, width - NUMBER_COLUMN - indent, link);
        let first_baseline = lines
            .first()
            .and_then(|l| l.items.iter().find(|i| matches!(i.kind, ItemKind::Text(_))))
            .map_or(Abs::ZERO, |i| i.pos.y);
        let bottom = stack(&mut slice, lines, indent, ROW_PAD);
        let number_style = ParStyle {
            color: pal.primary,
            ..style
        };
        let printed = (e.page + 1).to_string();
        let num_lines = ctx.text(&printed, &number_style, NUMBER_COLUMN, link);
        for line in num_lines {
            for mut it in line.items {
                if let ItemKind::Text(t) = &it.kind {
                    // Right-aligned in the number column, on the title's first baseline.
                    it.pos = Point::new(width - t.width, ROW_PAD + first_baseline);
                }
                slice.items.push(it);
            }
        }
        let height = bottom + ROW_PAD;
        slice.items.push(Item {
            pos: Point::new(Abs::ZERO, Abs::ZERO),
            kind: ItemKind::Link {
                size: Size::new(width, height),
                target: LinkTarget::Page {
                    page: e.page,
                    y: e.y,
                },
            },
            tag: ctx.structure.content(link),
        });
        slice.items.push(rect(
            Abs::ZERO,
            height - Abs(0.5),
            width,
            Abs(0.5),
            pal.tint,
        ));
        slice.height = height;
        let mut b = Block::atomic(slice);
        b.space_before = if i == 0 { Abs(8.0) } else { Abs::ZERO };
        out.push(b);
    }
    out
}
