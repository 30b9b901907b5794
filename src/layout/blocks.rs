//! Sections → blocks: the section heading, lead, body text, lists and callouts.
//!
//! In: a resolved section. Out: blocks for the flow, with the section's structure (Section >
//! H2, P, L > LI > Lbl + LBody) recorded in reading order as they are built.

use super::cards;
use super::flow::{Block, Slice};
use super::style::{Ctx, ParStyle, rect, stack};
use crate::frame::{NodeId, Role, Structure};
use crate::geom::Abs;
use crate::model::markdown::plain;
use crate::model::{Block as MdBlock, Inline, Section};

/// Section headings: large enough to find by eye when leafing through, in the brand colour.
const SECTION_TITLE_SIZE: f64 = 22.0;
/// The lead paragraph sits between heading and body in size.
const LEAD_SIZE: f64 = 13.5;
/// Headings inside body text.
const SUBHEADING_SIZE: f64 = 13.0;
/// Space between paragraphs: about half a line of body text.
const PARAGRAPH_GAP_EM: f64 = 0.7;
/// The accent bar above a section heading.
const RULE_WIDTH: Abs = Abs(36.0);
const RULE_HEIGHT: Abs = Abs(4.0);
/// List indentation: room for the bullet or "10." and a gap.
const LIST_INDENT_EM: f64 = 1.6;

/// The blocks of one section.
pub fn section(ctx: &mut Ctx, section: &Section) -> Vec<Block> {
    let width = ctx.report.page.size.w - ctx.report.page.left - ctx.report.page.right;
    let node = ctx.structure.push(Structure::ROOT, Role::Section);
    let outer = ctx.enter_language(node, section.lang.as_ref());
    let mut blocks = vec![heading_block(ctx, node, &section.title, width)];
    if section.new_page {
        blocks[0].break_before = true;
    }
    let body = ctx.body_style();
    if let Some(lead) = &section.lead {
        let style = ParStyle {
            size: Abs(LEAD_SIZE),
            color: ctx.report.palette.primary,
            leading: 1.35,
            hyphenate: false,
            ..body
        };
        let p = ctx.structure.push(node, Role::Paragraph);
        let mut b = Block::lines(ctx.text(lead, &style, width, p));
        b.space_after = body.size * 1.2;
        // A lead introduces what follows: it never ends a page on its own.
        b.keep_with_next = true;
        blocks.push(b);
    }
    // Figures lead and the text explains them: a reader who skims sees the numbers first.
    blocks.extend(cards::grid(ctx, node, &section.metrics, width));
    if section.columns == 2 {
        // The body flows in two columns; figures after it span both.
        let area = crate::geom::Rect::new(Abs::ZERO, Abs::ZERO, width, Abs::ZERO);
        let mut inner = Vec::new();
        markdown_into(
            ctx,
            node,
            &section.body,
            super::columns::width(area),
            &mut inner,
        );
        if !inner.is_empty() {
            let space_before = inner[0].space_before;
            blocks.push(Block {
                columns: Some(inner),
                space_before,
                space_after: ctx.body_style().size * PARAGRAPH_GAP_EM,
                ..Block::default()
            });
        }
    } else {
        markdown_into(ctx, node, &section.body, width, &mut blocks);
    }
    for c in &section.components {
        blocks.extend(super::components::component(ctx, node, c, width));
    }
    ctx.lang = outer;
    blocks
}

/// A section heading with the accent rule above it; keeps with what follows.
pub fn heading_block(ctx: &mut Ctx, parent: NodeId, title: &str, width: Abs) -> Block {
    let style = ctx.display(SECTION_TITLE_SIZE, ctx.report.palette.primary, true, 1.15);
    let h = ctx
        .structure
        .push(parent, Role::Heading(2, title.to_string()));
    let mut slice = Slice::default();
    slice.items.push(rect(
        Abs::ZERO,
        Abs::ZERO,
        RULE_WIDTH,
        RULE_HEIGHT,
        ctx.report.palette.accent,
    ));
    let lines = ctx.text(title, &style, width, h);
    let top = RULE_HEIGHT + Abs(10.0);
    stack(&mut slice, lines, Abs::ZERO, top);
    let mut b = Block::atomic(slice);
    b.keep_with_next = true;
    b.space_before = Abs(24.0);
    b.space_after = Abs(10.0);
    b.bookmark = Some((1, title.to_string()));
    b
}

/// Markdown blocks of a section body.
pub fn markdown_into(
    ctx: &mut Ctx,
    parent: NodeId,
    md: &[MdBlock],
    width: Abs,
    out: &mut Vec<Block>,
) {
    let body = ctx.body_style();
    let gap = body.size * PARAGRAPH_GAP_EM;
    for block in md {
        match block {
            MdBlock::Paragraph(inlines) => {
                let p = ctx.structure.push(parent, Role::Paragraph);
                let mut b = Block::lines(ctx.paragraph(inlines, &body, width, p));
                b.space_before = gap;
                b.space_after = gap;
                out.push(b);
            }
            MdBlock::Heading(level, inlines) => {
                let style = ctx.display(SUBHEADING_SIZE, ctx.report.palette.text, true, 1.25);
                let h = ctx
                    .structure
                    .push(parent, Role::Heading(2 + level.min(&4), plain(inlines)));
                let mut b = Block::atomic(Slice::default());
                let lines = ctx.paragraph(inlines, &style, width, h);
                stack(&mut b.slices[0], lines, Abs::ZERO, Abs::ZERO);
                b.keep_with_next = true;
                b.bookmark = Some((level.saturating_add(1).min(6), plain(inlines)));
                b.space_before = body.size * 1.4;
                b.space_after = gap / 2.0;
                out.push(b);
            }
            MdBlock::List {
                ordered,
                start,
                items,
            } => list(ctx, parent, *ordered, *start, items, width, out),
        }
    }
}

/// A list: each item is one unsplittable block (label beside body).
fn list(
    ctx: &mut Ctx,
    parent: NodeId,
    ordered: bool,
    start: u64,
    items: &[Vec<MdBlock>],
    width: Abs,
    out: &mut Vec<Block>,
) {
    let body = ctx.body_style();
    let l = ctx.structure.push(parent, Role::List { ordered });
    for (i, item) in items.iter().enumerate() {
        let mut slice = Slice::default();
        list_item(
            ctx,
            l,
            ordered,
            start + i as u64,
            item,
            width,
            &mut slice,
            Abs::ZERO,
        );
        let mut b = Block::atomic(slice);
        b.space_before = if i == 0 {
            body.size * PARAGRAPH_GAP_EM
        } else {
            body.size * 0.35
        };
        b.space_after = if i + 1 == items.len() {
            body.size * PARAGRAPH_GAP_EM
        } else {
            Abs::ZERO
        };
        // Widow and orphan control for lists: the first item never stands alone at a page
        // foot, nor the last alone at a page top.
        b.keep_with_next = items.len() > 1 && (i == 0 || i + 2 == items.len());
        out.push(b);
    }
}

/// Lays one list item into `slice` at `y`; nested lists stay inside the item.
#[allow(clippy::too_many_arguments)]
fn list_item(
    ctx: &mut Ctx,
    list: NodeId,
    ordered: bool,
    number: u64,
    blocks: &[MdBlock],
    width: Abs,
    slice: &mut Slice,
    y: Abs,
) -> Abs {
    let body = ctx.body_style();
    let indent = body.size * LIST_INDENT_EM;
    let li = ctx.structure.push(list, Role::ListItem);
    let lbl = ctx.structure.push(li, Role::ListLabel);
    let label = if ordered {
        format!("{number}.")
    } else {
        "•".to_string()
    };
    let label_style = ParStyle {
        color: ctx.report.palette.primary,
        bold: true,
        hyphenate: false,
        justify: false,
        ..body
    };
    let label_lines = ctx.text(&label, &label_style, indent, lbl);
    stack(slice, label_lines, Abs::ZERO, y);
    let lbody = ctx.structure.push(li, Role::ListBody);
    let inner = width - indent;
    let mut y = y;
    for (k, block) in blocks.iter().enumerate() {
        if k > 0 {
            y += body.size * 0.35;
        }
        match block {
            MdBlock::Paragraph(inlines) | MdBlock::Heading(_, inlines) => {
                y = paragraph_into(ctx, lbody, inlines, &body, inner, slice, indent, y);
            }
            MdBlock::List {
                ordered,
                start,
                items,
            } => {
                let nested = ctx.structure.push(lbody, Role::List { ordered: *ordered });
                for (i, item) in items.iter().enumerate() {
                    let mut sub = Slice::default();
                    let h = list_item(
                        ctx,
                        nested,
                        *ordered,
                        start + i as u64,
                        item,
                        inner,
                        &mut sub,
                        Abs::ZERO,
                    );
                    stack(
                        slice,
                        vec![Slice { height: h, ..sub }],
                        indent,
                        y + body.size * 0.25,
                    );
                    y += h + body.size * 0.25;
                }
            }
        }
    }
    y
}

#[allow(clippy::too_many_arguments)]
fn paragraph_into(
    ctx: &mut Ctx,
    parent: NodeId,
    inlines: &[Inline],
    style: &ParStyle,
    width: Abs,
    slice: &mut Slice,
    dx: Abs,
    y: Abs,
) -> Abs {
    let p = ctx.structure.push(parent, Role::Paragraph);
    let lines = ctx.paragraph(inlines, style, width, p);
    stack(slice, lines, dx, y)
}
