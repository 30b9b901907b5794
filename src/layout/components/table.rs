//! Tables: a caption, a heading row tagged as column headers, and body rows whose figures
//! are right-aligned on their decimal mark.
//!
//! In: a table and a width. Out: one block whose slices are the caption, the heading row
//! and each body row, so the flow may break between rows; it keeps the caption, the heading
//! row and the first two body rows together, never carries fewer than two rows to a page,
//! and repeats the caption — followed by "(continued)" in the report's language — and the
//! heading row (as artifacts, read once) on every page the table continues on. A row taller
//! than a page is cut between its lines by the flow (`flow::fit`).
//!
//! Columns are sized by their content ([`widths`]): each has the width of its longest word
//! (a figure counts as one word: it never wraps) as its least, and of its longest cell on
//! one line as its most. When every column can have its most, they do, and text columns
//! share what is left over; otherwise each has its least and the rest is shared in
//! proportion to what each would still take. When the longest words of the headings do
//! not fit (large print on a small page), the heading words break first, so a figure
//! column never takes more than its widest figure from the text beside it. A table whose
//! cells' longest words are wider than the page has its text columns narrowed below them,
//! and those words are broken across lines — with a warning.
//!
//! Headings and cells are never justified or hyphenated; an empty heading (the corner over
//! a column of row labels) is an empty cell, not a blank column header. A total row is set
//! in bold under a rule in the text colour, and stays a row of the body.

use crate::diag::Diagnostic;
use crate::frame::{Artifact, Role};
use crate::geom::{Abs, Point, Size};
use crate::layout::block::{Block, Breaks};
use crate::layout::cx::{Cx, ParStyle};
use crate::layout::fragment::{Fragment, Mark, Skeleton, align};
use crate::layout::text::{Source, push_note};
use crate::layout::theme::HAIRLINE;
use crate::model::{HAlign, Table};

/// A table split between pages keeps at least two body rows on each side: one row alone
/// reads as a stray.
const MIN_ROWS: usize = 2;
/// The rule above a total row: twice a hairline, so it reads as a sum line.
const TOTAL_RULE: f64 = 2.0;

/// How a table's text is set: body cells, headings and the total row.
struct Styles {
    body: ParStyle,
    head: ParStyle,
    total: ParStyle,
}

/// Whether each column holds figures: some cell is a number and every cell that is not
/// empty is one.
fn numeric(t: &Table) -> Vec<bool> {
    (0..t.columns.len())
        .map(|c| {
            let cells = || t.rows.iter().filter_map(|r| r.get(c));
            cells().any(|(_, n)| *n) && cells().all(|(s, n)| *n || s.trim().is_empty())
        })
        .collect()
}

/// The widths of the columns of `t` set in `width`, and whether its longest words had to
/// be broken to fit.
fn widths(cx: &Cx, t: &Table, width: Abs, styles: &Styles, numeric: &[bool]) -> (Vec<Abs>, bool) {
    let pad2 = cx.theme.table.cell_pad * 2.0;
    let n = t.columns.len();
    let words = |s: &str, style: &ParStyle| {
        s.split_whitespace()
            .map(|w| cx.measure(w, style))
            .fold(Abs::ZERO, Abs::max)
    };
    let last = t.rows.len().saturating_sub(1);
    let mut least = vec![Abs::ZERO; n];
    let mut most = vec![Abs::ZERO; n];
    let mut heads = vec![Abs::ZERO; n];
    // The least of each column counting its cells only: a heading word may be broken
    // before a cell's is.
    let mut cells_least = vec![Abs::ZERO; n];
    for c in 0..n {
        let fraction = column_fraction(t, c);
        let head = &t.columns[c];
        least[c] = words(head, &styles.head);
        most[c] = least[c];
        heads[c] = cx.measure(head, &styles.head);
        for (r, row) in t.rows.iter().enumerate() {
            let Some((text, is_number)) = row.get(c) else {
                continue;
            };
            let style = if t.style.total && r == last {
                &styles.total
            } else {
                &styles.body
            };
            let mut whole = cx.measure(text, style);
            let word = if *is_number {
                // Aligned on the decimal mark, a figure takes the room of the column's
                // widest fraction.
                let own = text.find(t.decimal).map_or("", |i| &text[i..]);
                whole += (cx.measure(&fraction, style) - cx.measure(own, style)).max(Abs::ZERO);
                whole
            } else {
                words(text, style)
            };
            least[c] = least[c].max(word);
            cells_least[c] = cells_least[c].max(word);
            most[c] = most[c].max(whole);
        }
        least[c] += pad2;
        cells_least[c] += pad2;
        most[c] += pad2;
        heads[c] = most[c].max(heads[c] + pad2);
    }
    let sum = |v: &[Abs]| v.iter().fold(Abs::ZERO, |a, b| a + *b);
    let (sum_least, sum_most, sum_heads) = (sum(&least), sum(&most), sum(&heads));
    // Headings may wrap before cells do: every cell on one line comes first, then the
    // headings on one line as far as the room goes.
    if sum_most <= width && sum_heads > width {
        let share = (width - sum_most).to_pt() / (sum_heads - sum_most).to_pt().max(1e-9);
        let out = (0..n)
            .map(|c| most[c] + (heads[c] - most[c]) * share)
            .collect();
        return (out, false);
    }
    if sum_heads <= width {
        let most = heads;
        let sum_most = sum_heads;
        // Every column at its most; text columns share what is left, by how much they
        // hold (all columns do, if none holds text).
        let takers: Vec<bool> = if numeric.iter().all(|n| *n) {
            vec![true; n]
        } else {
            numeric.iter().map(|n| !n).collect()
        };
        let weight = (0..n)
            .filter(|c| takers[*c])
            .fold(Abs::ZERO, |a, c| a + most[c]);
        let extra = width - sum_most;
        let out = (0..n)
            .map(|c| {
                if takers[c] && weight > Abs::ZERO {
                    most[c] + extra * (most[c].to_pt() / weight.to_pt())
                } else {
                    most[c]
                }
            })
            .collect();
        return (out, false);
    }
    if sum_least <= width {
        let share = (width - sum_least).to_pt() / (sum_most - sum_least).to_pt().max(1e-9);
        let out = (0..n)
            .map(|c| least[c] + (most[c] - least[c]) * share)
            .collect();
        return (out, false);
    }
    // Too wide for the longest words of its headings: the heading words break first (a
    // figure column stays as wide as its widest figure), and the room left goes to the
    // columns whose headings lose most.
    let sum_cells = sum(&cells_least);
    if sum_cells <= width {
        let share = (width - sum_cells).to_pt() / (sum_least - sum_cells).to_pt().max(1e-9);
        let out = (0..n)
            .map(|c| cells_least[c] + (least[c] - cells_least[c]) * share)
            .collect();
        return (out, false);
    }
    // Too wide even for its cells' longest words: figures keep their width if they can,
    // and text columns share the rest by their least widths.
    let least = cells_least;
    let sum_least = sum_cells;
    let figures = (0..n)
        .filter(|c| numeric[*c])
        .fold(Abs::ZERO, |a, c| a + least[c]);
    let text_least = sum_least - figures;
    let out = if figures < width && text_least > Abs::ZERO {
        let k = (width - figures).to_pt() / text_least.to_pt();
        (0..n)
            .map(|c| if numeric[c] { least[c] } else { least[c] * k })
            .collect()
    } else {
        let k = width.to_pt() / sum_least.to_pt();
        least.iter().map(|w| *w * k).collect()
    };
    (out, true)
}

/// Lays out a table at `width`.
pub fn table(cx: &Cx, t: &Table, width: Abs) -> Block {
    let (pal, geo) = (cx.palette, &cx.theme.table);
    let pad = geo.cell_pad;
    let body = ParStyle {
        hyphenate: false,
        justify: false,
        ..cx.body_style()
    };
    let styles = Styles {
        body,
        head: ParStyle { bold: true, ..body },
        total: ParStyle { bold: true, ..body },
    };
    let numeric = numeric(t);
    let aligns: Vec<HAlign> = (0..t.columns.len())
        .map(|c| {
            t.style
                .align
                .get(c)
                .copied()
                .flatten()
                .unwrap_or(if numeric[c] {
                    HAlign::Right
                } else {
                    HAlign::Left
                })
        })
        .collect();
    let (ws, too_wide) = widths(cx, t, width, &styles, &numeric);
    let mut x = Abs::ZERO;
    let cols: Vec<(Abs, Abs)> = ws
        .iter()
        .map(|w| {
            let c = (x, *w);
            x += *w;
            c
        })
        .collect();
    let span = &t.placement.span;
    let mut notes = Vec::new();
    if too_wide {
        notes.push(
            Diagnostic::warning(
                format!(
                    "this table is too wide for the page: its {} columns cannot all fit their longest words, which are broken across lines",
                    t.columns.len()
                ),
                span.clone(),
            )
            .with_help("shorten the headings and the longest words, or split the table into two"),
        );
    }
    let mut skel = Skeleton::new();
    let table = skel.node(Skeleton::ANCHOR, Role::Table);
    let mut slices = Vec::new();
    let caption_style = cx.style(&cx.theme.text.figure_title, cx.ink.text);
    let mut repeat = Fragment::default();
    if let Some(title) = &t.title {
        let cap = skel.node(table, Role::Caption);
        let mut s = Fragment::default();
        let lines = cx
            .set_text(&mut skel, cap, title, &caption_style, width)
            .noted(Source::new("title", span, "table"), &mut notes);
        s.size.h = s.stack(lines, Abs::ZERO, Abs::ZERO) + geo.caption_after;
        slices.push(s);
        // On the pages it continues on: the caption again, saying so.
        let mut scratch = Skeleton::new();
        let node = scratch.node(Skeleton::ANCHOR, Role::Caption);
        // The words that follow the caption, in the report's language ("(parhad)").
        let again = format!("{title} {}", cx.report.meta.strings.continued);
        let lines = cx.text(&mut scratch, node, &again, &caption_style, width);
        repeat.size.h = repeat.stack(lines, Abs::ZERO, Abs::ZERO) + geo.caption_after;
    }
    let head = skel.node(table, Role::TableHead);
    let tr = skel.node(head, Role::TableRow);
    let mut header = Fragment::default();
    let mut h = Abs::ZERO;
    for (c, title) in t.columns.iter().enumerate() {
        let (x, w) = cols[c];
        let inner = w - pad * 2.0;
        // An empty heading is an empty cell: a blank column header would be announced.
        let role = if title.trim().is_empty() {
            Role::TableCell
        } else {
            Role::TableHeader
        };
        let th = skel.node(tr, role);
        let lines = cx
            .set_text(&mut skel, th, title, &styles.head, inner)
            .noted(Source::new("columns", span, "table column"), &mut notes);
        let lines = align(lines, inner, aligns[c].share());
        h = h.max(header.stack(lines, x + pad, pad));
    }
    header.size.h = h + pad;
    let mut background = Fragment::default();
    background.rect(Point::default(), Size::new(width, header.size.h), pal.tint);
    header.items.splice(0..0, background.items);
    let top = repeat.size.h;
    repeat.place(header.clone(), Point::new(Abs::ZERO, top));
    for p in &mut repeat.items {
        p.mark = Mark::Artifact(Artifact::Repeat);
    }
    slices.push(header);
    let tbody = skel.node(table, Role::TableBody);
    let last = t.rows.len().saturating_sub(1);
    // Each column's widest fraction, found once: per cell it made a long table quadratic.
    let fractions: Vec<String> = (0..t.columns.len())
        .map(|c| column_fraction(t, c))
        .collect();
    for (r, row) in t.rows.iter().enumerate() {
        let total = t.style.total && r == last;
        let style = if total { &styles.total } else { &styles.body };
        let tr = skel.node(tbody, Role::TableRow);
        let mut s = Fragment::default();
        let mut h = Abs::ZERO;
        for (c, (text, is_number)) in row.iter().enumerate() {
            let Some(&(x, w)) = cols.get(c) else {
                continue;
            };
            let td = skel.node(tr, Role::TableCell);
            let w = w - pad * 2.0;
            let lines = cx
                .set_text(&mut skel, td, text, style, w)
                .noted(Source::new("rows", span, "table column"), &mut notes);
            let lines = if *is_number && aligns[c] == HAlign::Right {
                let fraction = fractions.get(c).map_or("", String::as_str);
                decimal_align(cx, lines, text, style, w, fraction, t.decimal)
            } else {
                align(lines, w, aligns[c].share())
            };
            h = h.max(s.stack(lines, x + pad, pad));
        }
        s.size.h = h + pad;
        if total {
            s.rect(
                Point::default(),
                Size::new(width, HAIRLINE * TOTAL_RULE),
                pal.text,
            );
        } else {
            s.rect(
                Point::new(Abs::ZERO, s.size.h - HAIRLINE),
                Size::new(width, HAIRLINE),
                pal.tint,
            );
        }
        s.size.w = width;
        slices.push(s);
    }
    let heading_rows = if t.title.is_some() { 2 } else { 1 };
    let mut kept = Vec::new();
    for n in notes {
        push_note(&mut kept, n);
    }
    Block {
        skeleton: skel,
        slices,
        breaks: Breaks {
            min_head: heading_rows + MIN_ROWS,
            min_tail: MIN_ROWS,
            keep_together: t.placement.keep_together,
            ..Breaks::default()
        },
        repeat: Some(repeat),
        notes: kept,
        ..Block::default()
    }
}

/// The widest fractional part ("." and what follows) among a numeric column's cells.
fn column_fraction(t: &Table, c: usize) -> String {
    t.rows
        .iter()
        .filter_map(|r| r.get(c))
        .filter(|cell| cell.1)
        .filter_map(|(s, _)| s.find(t.decimal).map(|i| s[i..].to_string()))
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
