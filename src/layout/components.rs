//! Rich components → blocks: charts (see [`super::charts`]), pull quotes, highlight boxes,
//! tables and images with captions.
//!
//! Tables have a heading row
//! (tagged as column headers), figures right-aligned on their decimal point, and repeat their
//! heading row when they break across pages.

use super::charts;
use super::flow::{Block, Slice};
use super::style::{Ctx, ParStyle, align, rect, stack};
use crate::frame::{Artifact, Item, ItemKind, NodeId, Role, Tag};
use crate::geom::{Abs, Point, Size};
use crate::model::{Component, ImageBlock, Table};

/// Space around a component.
const GAP: Abs = Abs(14.0);
/// Small print: captions and attributions.
const SMALL: f64 = 9.0;
const QUOTE_SIZE: f64 = 16.0;
const BOX_PAD: Abs = Abs(12.0);
const CELL_PAD: Abs = Abs(5.0);

/// The blocks of one component.
pub fn component(ctx: &mut Ctx, parent: NodeId, c: &Component, width: Abs) -> Vec<Block> {
    let mut blocks = match c {
        Component::Chart(chart) => vec![charts::chart(ctx, parent, chart, width)],
        Component::Quote { text, by } => vec![quote(ctx, parent, text, by.as_deref(), width)],
        Component::Box { title, body } => {
            vec![highlight(ctx, parent, title.as_deref(), body, width)]
        }
        Component::Table(t) => vec![table(ctx, parent, t, width)],
        Component::Image(i) => vec![image(ctx, parent, i, width)],
    };
    if let Component::Chart(ch) = c
        && ch.table
    {
        let columns = if ch.series.is_empty() {
            vec![String::new(), "Value".into()]
        } else {
            std::iter::once(String::new())
                .chain(ch.series.iter().cloned())
                .collect()
        };
        let t = Table {
            title: None,
            decimal: ch.locale.decimal,
            columns,
            rows: ch
                .data
                .iter()
                .map(|d| {
                    std::iter::once((d.label.clone(), false))
                        .chain(d.values.iter().map(|v| (charts::fmt(ch, *v), true)))
                        .collect()
                })
                .collect(),
        };
        blocks.push(table(ctx, parent, &t, width));
    }
    for b in &mut blocks {
        b.space_before = GAP;
        b.space_after = GAP;
    }
    blocks
}

fn quote(ctx: &mut Ctx, parent: NodeId, text: &str, by: Option<&str>, width: Abs) -> Block {
    let pal = ctx.report.palette;
    let q = ctx.structure.push(parent, Role::Quote);
    let mut slice = Slice::default();
    let inset = Abs(18.0);
    let style = ParStyle {
        hyphenate: false,
        ..ctx.display(QUOTE_SIZE, pal.primary, false, 1.3)
    };
    let p = ctx.structure.push(q, Role::Paragraph);
    let lines = ctx.text(&format!("“{text}”"), &style, width - inset, p);
    let mut y = stack(&mut slice, lines, inset, Abs::ZERO);
    if let Some(by) = by {
        let style = ctx.display(SMALL + 1.0, pal.muted, true, 1.3);
        let p = ctx.structure.push(q, Role::Paragraph);
        let lines = ctx.text(&format!("— {by}"), &style, width - inset, p);
        y = stack(&mut slice, lines, inset, y + Abs(4.0));
    }
    slice
        .items
        .push(rect(Abs::ZERO, Abs::ZERO, Abs(4.0), y, pal.accent));
    slice.height = y;
    Block::atomic(slice)
}

fn highlight(
    ctx: &mut Ctx,
    parent: NodeId,
    title: Option<&str>,
    body: &[crate::model::Block],
    width: Abs,
) -> Block {
    let pal = ctx.report.palette;
    let node = ctx.structure.push(parent, Role::Div);
    let mut slice = Slice::default();
    let inner = width - BOX_PAD * 2.0;
    let mut y = BOX_PAD;
    if let Some(t) = title {
        let style = ctx.display(12.0, pal.primary, true, 1.3);
        let p = ctx.structure.push(node, Role::Paragraph);
        let lines = ctx.text(t, &style, inner, p);
        y = stack(&mut slice, lines, BOX_PAD, y) + Abs(4.0);
    }
    let mut inner_blocks = Vec::new();
    super::blocks::markdown_into(ctx, node, body, inner, &mut inner_blocks);
    for (i, b) in inner_blocks.into_iter().enumerate() {
        if i > 0 {
            y += b.space_before;
        }
        for s in b.slices {
            y = stack(&mut slice, vec![s], BOX_PAD, y);
        }
    }
    let height = y + BOX_PAD;
    slice
        .items
        .insert(0, rect(Abs::ZERO, Abs::ZERO, width, height, pal.tint));
    slice.height = height;
    Block::atomic(slice)
}

/// Column widths: the first column takes what the others leave; numeric columns get what
/// their widest figure needs.
fn table(ctx: &mut Ctx, parent: NodeId, t: &Table, width: Abs) -> Block {
    let pal = ctx.report.palette;
    let body_style = ParStyle {
        hyphenate: false,
        ..ctx.body_style()
    };
    let head_style = ParStyle {
        bold: true,
        ..body_style
    };
    let n = t.columns.len();
    let first = if n > 1 { width * 0.5 } else { width };
    let rest = if n > 1 {
        (width - first) / (n - 1) as f64
    } else {
        Abs::ZERO
    };
    let col_x = |i: usize| {
        if i == 0 {
            Abs::ZERO
        } else {
            first + rest * (i - 1) as f64
        }
    };
    let col_w = |i: usize| if i == 0 { first } else { rest };
    let table = ctx.structure.push(parent, Role::Table);
    let mut slices = Vec::new();
    let mut header_copy = None;
    if let Some(title) = &t.title {
        let cap = ctx.structure.push(table, Role::Caption);
        let style = ctx.display(11.5, pal.text, true, 1.3);
        let mut s = Slice::default();
        let lines = ctx.text(title, &style, width, cap);
        s.height = stack(&mut s, lines, Abs::ZERO, Abs::ZERO) + Abs(4.0);
        slices.push(s);
    }
    let head = ctx.structure.push(table, Role::TableHead);
    let tr = ctx.structure.push(head, Role::TableRow);
    let mut header = Slice::default();
    let mut h = Abs::ZERO;
    let numeric: Vec<bool> = (0..n).map(|c| t.rows.iter().any(|r| r[c].1)).collect();
    for (c, title) in t.columns.iter().enumerate() {
        let th = ctx.structure.push(tr, Role::TableHeader);
        let lines = ctx.text(title, &head_style, col_w(c) - CELL_PAD * 2.0, th);
        let lines = if numeric[c] {
            right_align(lines, col_w(c) - CELL_PAD * 2.0)
        } else {
            lines
        };
        h = h.max(stack(&mut header, lines, col_x(c) + CELL_PAD, CELL_PAD));
    }
    header.height = h + CELL_PAD;
    header.items.insert(
        0,
        rect(Abs::ZERO, Abs::ZERO, width, header.height, pal.tint),
    );
    header_copy.get_or_insert_with(|| Slice {
        height: header.height,
        items: header
            .items
            .iter()
            .cloned()
            .map(|i| Item {
                tag: Tag::Artifact(Artifact::Repeat),
                ..i
            })
            .collect(),
    });
    slices.push(header);
    let body = ctx.structure.push(table, Role::TableBody);
    for row in &t.rows {
        let tr = ctx.structure.push(body, Role::TableRow);
        let mut s = Slice::default();
        let mut h = Abs::ZERO;
        for (c, (text, is_number)) in row.iter().enumerate() {
            let td = ctx.structure.push(tr, Role::TableCell);
            let w = col_w(c) - CELL_PAD * 2.0;
            let lines = ctx.text(text, &body_style, w, td);
            let lines = if *is_number {
                decimal_align(
                    ctx,
                    lines,
                    text,
                    &body_style,
                    w,
                    column_fraction(t, c),
                    t.decimal,
                )
            } else {
                lines
            };
            h = h.max(stack(&mut s, lines, col_x(c) + CELL_PAD, CELL_PAD));
        }
        s.height = h + CELL_PAD;
        s.items.push(rect(
            Abs::ZERO,
            s.height - Abs(0.5),
            width,
            Abs(0.5),
            pal.tint,
        ));
        slices.push(s);
    }
    let heading_rows = if t.title.is_some() { 2 } else { 1 };
    Block {
        slices,
        min_head: heading_rows + 1,
        min_tail: 1,
        repeat: header_copy,
        ..Block::default()
    }
}

/// The widest fractional part ("." and what follows) among a numeric column's cells.
fn column_fraction(t: &Table, c: usize) -> String {
    t.rows
        .iter()
        .filter(|r| r[c].1)
        .filter_map(|r| r[c].0.find(t.decimal).map(|i| r[c].0[i..].to_string()))
        .max_by_key(|f| f.len())
        .unwrap_or_default()
}

/// Right-aligns cells in `width`.
fn right_align(lines: Vec<Slice>, width: Abs) -> Vec<Slice> {
    align(lines, width, 1.0)
}

/// Aligns a figure on its decimal point: right-aligned as if every figure had the column's
/// widest fractional part, so "1,234.5" and "12" line up by their units.
fn decimal_align(
    ctx: &Ctx,
    lines: Vec<Slice>,
    text: &str,
    style: &ParStyle,
    width: Abs,
    widest_fraction: String,
    decimal: char,
) -> Vec<Slice> {
    let own = text.find(decimal).map_or("", |i| &text[i..]);
    let pad = ctx.measure(&widest_fraction, style) - ctx.measure(own, style);
    right_align(lines, width - pad.max(Abs::ZERO))
}

fn image(ctx: &mut Ctx, parent: NodeId, img: &ImageBlock, width: Abs) -> Block {
    let pal = ctx.report.palette;
    // A full-width image reaches from one page edge to the other, out of the margins.
    let page = ctx.report.page;
    let (x, w) = match img.width {
        Some(share) => (Abs::ZERO, width * share),
        None => (-page.left, page.size.w),
    };
    let s = img.image.size;
    let h = w * (s.h.to_pt() / s.w.to_pt().max(1.0));
    let mut slice = Slice::default();
    let tag = ctx.figure_tag(parent, img.alt.as_deref());
    slice.items.push(Item {
        pos: Point::new(x, Abs::ZERO),
        kind: ItemKind::Image {
            image: img.image.clone(),
            size: Size::new(w, h),
            span: img.span.clone(),
        },
        tag,
    });
    let mut y = h;
    let caption: Vec<String> = [
        img.caption.clone(),
        img.credit.as_ref().map(|c| format!("Credit: {c}")),
    ]
    .into_iter()
    .flatten()
    .collect();
    if !caption.is_empty() {
        let cap = ctx.structure.push(parent, Role::Caption);
        let style = ctx.display(SMALL, pal.muted, false, 1.35);
        let p = ctx.structure.push(cap, Role::Paragraph);
        let lines = ctx.text(&caption.join(" "), &style, w.min(width), p);
        y = stack(&mut slice, lines, Abs::ZERO, y + Abs(5.0));
    }
    slice.height = y;
    Block::atomic(slice)
}
