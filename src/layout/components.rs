//! Rich components → blocks: charts drawn from data, pull quotes, highlight boxes, tables
//! and images with captions.
//!
//! Charts are vector shapes in the brand colours with real, selectable text for labels and
//! values; each is a figure whose alternative text summarises it. Tables have a heading row
//! (tagged as column headers), figures right-aligned on their decimal point, and repeat their
//! heading row when they break across pages.

use super::flow::{Block, Slice};
use super::style::{Ctx, ParStyle, rect, stack};
use crate::frame::{Artifact, Item, ItemKind, NodeId, Role, Tag};
use crate::geom::{Abs, Point, Size};
use crate::model::{Chart, ChartKind, Component, ImageBlock, Table, numbers};

/// Space around a component.
const GAP: Abs = Abs(14.0);
/// Bar charts: row height, bar thickness, and the share of the width given to labels.
const BAR_ROW: Abs = Abs(22.0);
const BAR_THICKNESS: Abs = Abs(13.0);
const LABEL_SHARE: f64 = 0.36;
/// Room kept right of the longest bar for its value.
const VALUE_ROOM: Abs = Abs(48.0);
/// Column and line charts: the plot's height.
const PLOT_HEIGHT: f64 = 130.0;
/// Progress bars: the track's height.
const TRACK: Abs = Abs(9.0);
const SMALL: f64 = 9.0;
const QUOTE_SIZE: f64 = 16.0;
const BOX_PAD: Abs = Abs(12.0);
const CELL_PAD: Abs = Abs(5.0);

/// The blocks of one component.
pub fn component(ctx: &mut Ctx, parent: NodeId, c: &Component, width: Abs) -> Vec<Block> {
    let mut blocks = match c {
        Component::Chart(chart) => vec![self::chart(ctx, parent, chart, width)],
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
        let t = Table {
            title: None,
            columns: vec![String::new(), "Value".into()],
            rows: ch
                .data
                .iter()
                .map(|d| vec![(d.label.clone(), false), (fmt(ch, d.value), true)])
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

fn fmt(chart: &Chart, v: f64) -> String {
    numbers::format(v, &chart.format).unwrap_or_else(|| v.to_string())
}

/// A "nice" axis step: 1, 2, 2.5 or 5 times a power of ten, giving about four intervals.
pub fn nice_step(max: f64) -> f64 {
    if max <= 0.0 {
        return 1.0;
    }
    let raw = max / 4.0;
    let mag = 10f64.powf(raw.log10().floor());
    [1.0, 2.0, 2.5, 5.0, 10.0]
        .iter()
        .map(|m| m * mag)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * mag)
}

fn artifact(item: Item) -> Item {
    Item {
        tag: Tag::Artifact(Artifact::Decoration),
        ..item
    }
}

fn chart(ctx: &mut Ctx, parent: NodeId, chart: &Chart, width: Abs) -> Block {
    let pal = ctx.report.palette;
    let fig = ctx.structure.push(
        parent,
        Role::Figure {
            alt: chart.alt.clone(),
        },
    );
    let mut slice = Slice::default();
    let mut y = Abs::ZERO;
    if let Some(title) = &chart.title {
        let style = ctx.display(11.5, pal.text, true, 1.3);
        let lines = ctx.text(title, &style, width, fig);
        y = stack(&mut slice, lines, Abs::ZERO, y) + Abs(6.0);
    }
    let label_style = ParStyle {
        hyphenate: false,
        ..ctx.display(SMALL + 0.5, pal.text, false, 1.25)
    };
    let value_style = ctx.display(SMALL + 0.5, pal.primary, true, 1.2);
    match chart.kind {
        ChartKind::Bar => {
            let label_w = width * LABEL_SHARE;
            let plot_x = label_w + Abs(8.0);
            let plot_w = width - plot_x - VALUE_ROOM;
            let max = chart.data.iter().fold(0.0f64, |m, d| m.max(d.value));
            let step = nice_step(max);
            let ticks = (max / step).ceil().max(1.0) as usize;
            let top = (max / step).ceil().max(1.0) * step;
            let plot_top = y;
            let mut grid = Vec::new();
            for d in &chart.data {
                let lines = ctx.text(&d.label, &label_style, label_w, fig);
                let label_h = lines.iter().fold(Abs::ZERO, |a, l| a + l.height);
                let h = label_h.max(BAR_ROW);
                stack(&mut slice, lines, Abs::ZERO, y + (h - label_h) / 2.0);
                let len = plot_w * (d.value / top).max(0.0);
                let bar_y = y + (h - BAR_THICKNESS) / 2.0;
                slice
                    .items
                    .push(rect(plot_x, bar_y, len, BAR_THICKNESS, pal.primary));
                let value = ctx.text(&fmt(chart, d.value), &value_style, VALUE_ROOM + plot_w, fig);
                stack(&mut slice, value, plot_x + len + Abs(5.0), bar_y - Abs(1.0));
                y += h;
            }
            // Gridlines and tick labels, from zero to the first nice value past the largest.
            for i in 0..=ticks {
                let x = plot_x + plot_w * (i as f64 / ticks as f64);
                grid.push(rect(x, plot_top, Abs(0.5), y - plot_top, pal.tint));
                let label = numbers::format(step * i as f64, &chart.format).unwrap_or_default();
                let tick_style = ctx.display(SMALL - 1.0, pal.muted, false, 1.2);
                let lines = ctx.text(&label, &tick_style, Abs(60.0), fig);
                stack(&mut slice, lines, x - Abs(3.0), y + Abs(3.0));
            }
            // Gridlines go under the bars.
            slice.items.splice(0..0, grid);
            y += Abs(14.0);
        }
        ChartKind::Column | ChartKind::Line => {
            y = vertical(ctx, fig, chart, &mut slice, width, y);
        }
        ChartKind::Progress => {
            for d in &chart.data {
                let value = fmt(chart, d.value);
                let lines = ctx.text(&d.label, &label_style, width - VALUE_ROOM, fig);
                let h = lines.iter().fold(Abs::ZERO, |a, l| a + l.height);
                stack(&mut slice, lines, Abs::ZERO, y);
                let v = ctx.text(&value, &value_style, VALUE_ROOM, fig);
                let vw = v.iter().map(text_width).fold(Abs::ZERO, Abs::max);
                stack(&mut slice, v, width - vw, y);
                y += h + Abs(3.0);
                slice.items.push(rect(Abs::ZERO, y, width, TRACK, pal.tint));
                slice.items.push(rect(
                    Abs::ZERO,
                    y,
                    width * (d.value / 100.0),
                    TRACK,
                    pal.primary,
                ));
                y += TRACK + Abs(10.0);
            }
        }
    }
    slice.items = slice
        .items
        .into_iter()
        .map(|i| {
            if matches!(i.kind, ItemKind::Rect { .. }) {
                artifact(i)
            } else {
                i
            }
        })
        .collect();
    slice.height = y;
    Block::atomic(slice)
}

/// Column and line charts: a vertical value axis with nice ticks, one slot per datum with
/// its label beneath; columns, or a line through points, with each value above its slot.
fn vertical(
    ctx: &mut Ctx,
    fig: NodeId,
    chart: &Chart,
    slice: &mut Slice,
    width: Abs,
    top: Abs,
) -> Abs {
    let pal = ctx.report.palette;
    let axis_w = Abs(34.0);
    let plot_h = Abs(PLOT_HEIGHT);
    let n = chart.data.len().max(1);
    let slot = (width - axis_w) / n as f64;
    let max = chart.data.iter().fold(0.0f64, |m, d| m.max(d.value));
    let step = nice_step(max);
    let ticks = (max / step).ceil().max(1.0) as usize;
    let axis_top = ticks as f64 * step;
    // Room above the plot for the value over the tallest column.
    let plot_top = top + Abs(14.0);
    let base = plot_top + plot_h;
    let y_of = |v: f64| base - plot_h * (v / axis_top).max(0.0);
    let tick_style = ctx.display(SMALL - 1.0, pal.muted, false, 1.2);
    let mut grid = Vec::new();
    for i in 0..=ticks {
        let gy = y_of(step * i as f64);
        grid.push(rect(axis_w, gy, width - axis_w, Abs(0.5), pal.tint));
        let label = numbers::format(step * i as f64, &chart.format).unwrap_or_default();
        let lines = ctx.text(&label, &tick_style, axis_w - Abs(4.0), fig);
        let lines = right_align(lines, axis_w - Abs(6.0));
        stack(slice, lines, Abs::ZERO, gy - Abs(5.0));
    }
    slice.items.splice(0..0, grid);
    let value_style = ctx.display(SMALL + 0.5, pal.primary, true, 1.2);
    let label_style = ParStyle {
        hyphenate: false,
        ..ctx.display(SMALL, pal.text, false, 1.25)
    };
    let mut points = Vec::new();
    let mut bottom = base;
    for (i, d) in chart.data.iter().enumerate() {
        let x0 = axis_w + slot * i as f64;
        let centre = x0 + slot / 2.0;
        let vy = y_of(d.value);
        if chart.kind == ChartKind::Column {
            let bar_w = slot * 0.6;
            slice.items.push(rect(
                centre - bar_w / 2.0,
                vy,
                bar_w,
                base - vy,
                pal.primary,
            ));
        } else {
            points.push(Point::new(centre, vy));
            let dot = Abs(5.0);
            slice.items.push(rect(
                centre - dot / 2.0,
                vy - dot / 2.0,
                dot,
                dot,
                pal.primary,
            ));
        }
        let value = ctx.text(&fmt(chart, d.value), &value_style, slot, fig);
        let value = centre_lines(value, slot);
        stack(slice, value, x0, vy - Abs(14.0));
        let label = ctx.text(&d.label, &label_style, slot - Abs(4.0), fig);
        let label = centre_lines(label, slot - Abs(4.0));
        bottom = bottom.max(stack(slice, label, x0 + Abs(2.0), base + Abs(4.0)));
    }
    if points.len() > 1 {
        slice.items.push(Item {
            pos: Point::new(Abs::ZERO, Abs::ZERO),
            kind: ItemKind::Line {
                points,
                width: Abs(2.0),
                color: pal.primary,
            },
            tag: Tag::Artifact(Artifact::Decoration),
        });
    }
    bottom + Abs(6.0)
}

/// Centres text slices in `width`.
fn centre_lines(lines: Vec<Slice>, width: Abs) -> Vec<Slice> {
    align(lines, width, 0.5)
}

/// Shifts each line right by `share` of the room it leaves in `width` (0.5 centres, 1 sets
/// it flush right).
fn align(lines: Vec<Slice>, width: Abs, share: f64) -> Vec<Slice> {
    lines
        .into_iter()
        .map(|mut l| {
            let dx = (width - text_width(&l)) * share;
            for i in &mut l.items {
                i.pos = i.pos + Point::new(dx, Abs::ZERO);
            }
            l
        })
        .collect()
}

/// How far the text of a slice reaches.
fn text_width(l: &Slice) -> Abs {
    l.items
        .iter()
        .filter_map(|i| match &i.kind {
            ItemKind::Text(t) => Some(i.pos.x + t.width),
            _ => None,
        })
        .fold(Abs::ZERO, |a, b| a.max(b))
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
                decimal_align(ctx, lines, text, &body_style, w, column_fraction(t, c))
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
    for s in &mut slices {
        s.items = std::mem::take(&mut s.items)
            .into_iter()
            .map(|i| {
                if matches!(i.kind, ItemKind::Rect { .. }) && !matches!(i.tag, Tag::Artifact(_)) {
                    artifact(i)
                } else {
                    i
                }
            })
            .collect();
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
        .filter_map(|r| r[c].0.find('.').map(|i| r[c].0[i..].to_string()))
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
) -> Vec<Slice> {
    let own = text.find('.').map_or("", |i| &text[i..]);
    let measure = |s: &str| {
        let face = ctx.report.fonts.select(style.family, style.bold, false);
        crate::text::shape::width(&crate::text::shape::shape(
            &ctx.shapers[face.0 as usize],
            s,
            style.size,
        ))
    };
    let pad = measure(&widest_fraction) - measure(own);
    right_align(lines, width - pad.max(Abs::ZERO))
}

fn image(ctx: &mut Ctx, parent: NodeId, img: &ImageBlock, width: Abs) -> Block {
    let pal = ctx.report.palette;
    let w = width * img.width;
    let s = img.image.size;
    let h = w * (s.h.to_pt() / s.w.to_pt().max(1.0));
    let mut slice = Slice::default();
    let tag = ctx.figure_tag(parent, img.alt.as_deref());
    slice.items.push(Item {
        pos: Point::new(Abs::ZERO, Abs::ZERO),
        kind: ItemKind::Image {
            image: img.image.clone(),
            size: Size::new(w, h),
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
        let lines = ctx.text(&caption.join(" "), &style, w, p);
        y = stack(&mut slice, lines, Abs::ZERO, y + Abs(5.0));
    }
    slice.height = y;
    Block::atomic(slice)
}
