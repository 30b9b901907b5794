//! Tables: a caption, a heading row tagged as column headers, and body rows whose figures
//! are right-aligned on their decimal mark.
//!
//! In: a table and a width. Out: one block whose slices are the caption, the heading row
//! and each body row, so the flow may break between rows; it keeps the caption, the heading
//! row and the first body row together, never leaves a row alone at a page top, and repeats
//! the heading row (as an artifact, read once) on every page the table continues on.
//! Columns: the first takes half the width and the others share the rest (content-sized
//! columns are to come: `columns` is the one place that decides).

use crate::frame::{Artifact, Role};
use crate::geom::{Abs, Point, Size};
use crate::layout::block::{Block, Breaks};
use crate::layout::cx::{Cx, ParStyle};
use crate::layout::fragment::{Fragment, Mark, Skeleton, align};
use crate::layout::theme::HAIRLINE;
use crate::model::Table;

/// The first column's share of the width, whatever its content.
const FIRST_COLUMN_SHARE: f64 = 0.5;

/// Each column's left edge and width.
fn columns(t: &Table, width: Abs) -> Vec<(Abs, Abs)> {
    let n = t.columns.len();
    let first = if n > 1 {
        width * FIRST_COLUMN_SHARE
    } else {
        width
    };
    let rest = if n > 1 {
        (width - first) / (n - 1) as f64
    } else {
        Abs::ZERO
    };
    (0..n)
        .map(|i| {
            if i == 0 {
                (Abs::ZERO, first)
            } else {
                (first + rest * (i - 1) as f64, rest)
            }
        })
        .collect()
}

/// Lays out a table at `width`.
pub fn table(cx: &Cx, t: &Table, width: Abs) -> Block {
    let (pal, geo) = (cx.palette, &cx.theme.table);
    let pad = geo.cell_pad;
    let body_style = ParStyle {
        hyphenate: false,
        ..cx.body_style()
    };
    let head_style = ParStyle {
        bold: true,
        ..body_style
    };
    let cols = columns(t, width);
    let mut skel = Skeleton::new();
    let table = skel.node(Skeleton::ANCHOR, Role::Table);
    let mut slices = Vec::new();
    if let Some(title) = &t.title {
        let cap = skel.node(table, Role::Caption);
        let style = cx.style(&cx.theme.text.figure_title, cx.ink.text);
        let mut s = Fragment::default();
        let lines = cx.text(&mut skel, cap, title, &style, width);
        s.size.h = s.stack(lines, Abs::ZERO, Abs::ZERO) + geo.caption_after;
        slices.push(s);
    }
    let head = skel.node(table, Role::TableHead);
    let tr = skel.node(head, Role::TableRow);
    let mut header = Fragment::default();
    let mut h = Abs::ZERO;
    let numeric: Vec<bool> = (0..cols.len())
        .map(|c| t.rows.iter().any(|r| r[c].1))
        .collect();
    for (c, title) in t.columns.iter().enumerate() {
        let (x, w) = cols[c];
        let th = skel.node(tr, Role::TableHeader);
        let lines = cx.text(&mut skel, th, title, &head_style, w - pad * 2.0);
        let lines = if numeric[c] {
            align(lines, w - pad * 2.0, 1.0)
        } else {
            lines
        };
        h = h.max(header.stack(lines, x + pad, pad));
    }
    header.size.h = h + pad;
    let mut background = Fragment::default();
    background.rect(Point::default(), Size::new(width, header.size.h), pal.tint);
    header.items.splice(0..0, background.items);
    let repeat = Fragment {
        size: header.size,
        items: header
            .items
            .iter()
            .cloned()
            .map(|mut p| {
                p.mark = Mark::Artifact(Artifact::Repeat);
                p
            })
            .collect(),
    };
    slices.push(header);
    let body = skel.node(table, Role::TableBody);
    for row in &t.rows {
        let tr = skel.node(body, Role::TableRow);
        let mut s = Fragment::default();
        let mut h = Abs::ZERO;
        for (c, (text, is_number)) in row.iter().enumerate() {
            let (x, w) = cols[c];
            let td = skel.node(tr, Role::TableCell);
            let w = w - pad * 2.0;
            let lines = cx.text(&mut skel, td, text, &body_style, w);
            let lines = if *is_number {
                decimal_align(
                    cx,
                    lines,
                    text,
                    &body_style,
                    w,
                    &column_fraction(t, c),
                    t.decimal,
                )
            } else {
                lines
            };
            h = h.max(s.stack(lines, x + pad, pad));
        }
        s.size.h = h + pad;
        s.rect(
            Point::new(Abs::ZERO, s.size.h - HAIRLINE),
            Size::new(width, HAIRLINE),
            pal.tint,
        );
        slices.push(s);
    }
    let heading_rows = if t.title.is_some() { 2 } else { 1 };
    Block {
        skeleton: skel,
        slices,
        breaks: Breaks {
            min_head: heading_rows + 1,
            min_tail: 1,
            ..Breaks::default()
        },
        repeat: Some(repeat),
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

/// Aligns a figure on its decimal mark: right-aligned as if every figure had the column's
/// widest fractional part, so "1,234.5" and "12" line up by their units.
fn decimal_align(
    cx: &Cx,
    lines: Vec<Fragment>,
    text: &str,
    style: &ParStyle,
    width: Abs,
    widest_fraction: &str,
    decimal: char,
) -> Vec<Fragment> {
    let own = text.find(decimal).map_or("", |i| &text[i..]);
    let pad = cx.measure(widest_fraction, style) - cx.measure(own, style);
    align(lines, width - pad.max(Abs::ZERO), 1.0)
}
