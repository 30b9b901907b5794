//! Callout cards: a headline figure, a short label and a one-line detail, in a grid.
//!
//! In: metrics and a width. Out: one unsplittable block per grid row; every card in a row
//! has the height of the tallest, so rows never look ragged. A figure too wide for its
//! card is set smaller until it fits. Reading order is row by row, left to right, which is
//! report.toml's order.
//! Every figure in a grid is set at one size — the largest at which all of them fit on one
//! line — so no card shouts louder than its neighbours.

use super::blocks::heading_block;
use super::flow::{Block, Slice};
use super::style::{Ctx, ParStyle, rect, stack};
use crate::diag::Diagnostic;
use crate::frame::{NodeId, Role, Structure};
use crate::geom::Abs;
use crate::model::{Metric, NumbersPage};

/// Gap between cards, across and down.
const GUTTER: Abs = Abs(10.0);
/// Inner padding of a card.
const PAD: Abs = Abs(10.0);
/// The coloured bar down a card's left edge.
const BAR: Abs = Abs(4.0);
/// Figure sizes: on the year-in-numbers page they are the page's point; in a section they
/// support the text.
const NUMBERS_PAGE_FIGURE: f64 = 32.0;
const SECTION_FIGURE: f64 = 26.0;
/// A figure is never set below this share of its size to make it fit.
const MIN_FIGURE_SCALE: f64 = 0.6;
/// Shrinking a grid's figures by up to a quarter keeps the page's hierarchy; more than that
/// is worth telling the author about.
const WARN_SCALE: f64 = 0.75;
const LABEL_SIZE: f64 = 10.5;
const DETAIL_SIZE: f64 = 9.0;

/// The grid of a section's metrics: three columns, or two when there are two or four.
pub fn grid(ctx: &mut Ctx, parent: NodeId, metrics: &[Metric], width: Abs) -> Vec<Block> {
    let columns = match metrics.len() {
        2 | 4 => 2,
        _ => 3,
    };
    rows(ctx, parent, metrics, width, columns, SECTION_FIGURE)
}

/// The year-in-numbers page: heading, intro and the highlighted figures, on a page of its own.
pub fn numbers_page(ctx: &mut Ctx, numbers: &NumbersPage) -> Vec<Block> {
    let width = ctx.report.page.size.w - ctx.report.page.left - ctx.report.page.right;
    let node = ctx.structure.push(Structure::ROOT, Role::Section);
    let mut blocks = vec![heading_block(ctx, node, &numbers.title, width)];
    blocks[0].break_before = true;
    if let Some(intro) = &numbers.intro {
        let body = ctx.body_style();
        let style = ParStyle {
            size: Abs(13.5),
            color: ctx.report.palette.primary,
            hyphenate: false,
            leading: 1.35,
            ..body
        };
        let p = ctx.structure.push(node, Role::Paragraph);
        let mut b = Block::lines(ctx.text(intro, &style, width, p));
        b.space_after = Abs(14.0);
        blocks.push(b);
    }
    blocks.extend(rows(
        ctx,
        node,
        &numbers.metrics,
        width,
        3,
        NUMBERS_PAGE_FIGURE,
    ));
    blocks
}

fn rows(
    ctx: &mut Ctx,
    parent: NodeId,
    metrics: &[Metric],
    width: Abs,
    columns: usize,
    figure: f64,
) -> Vec<Block> {
    if metrics.is_empty() {
        return Vec::new();
    }
    let grid = ctx.structure.push(parent, Role::Div);
    let card_w = (width - GUTTER * (columns as f64 - 1.0)) / columns as f64;
    let figure = grid_figure_size(ctx, metrics, card_w - PAD * 2.0 - BAR, figure);
    let mut blocks = Vec::new();
    for (r, row) in metrics.chunks(columns).enumerate() {
        let cards: Vec<Slice> = row
            .iter()
            .map(|m| card(ctx, grid, m, card_w, figure))
            .collect();
        let height = cards.iter().fold(Abs::ZERO, |h, c| h.max(c.height));
        let mut slice = Slice {
            height,
            items: Vec::new(),
        };
        for (c, card) in cards.into_iter().enumerate() {
            let x = (card_w + GUTTER) * c as f64;
            slice
                .items
                .push(rect(x, Abs::ZERO, card_w, height, ctx.report.palette.tint));
            slice
                .items
                .push(rect(x, Abs::ZERO, BAR, height, ctx.report.palette.primary));
            stack(&mut slice, vec![card], x, Abs::ZERO);
        }
        slice.height = height;
        let mut b = Block::atomic(slice);
        b.space_before = if r == 0 { Abs(14.0) } else { GUTTER };
        b.space_after = Abs(14.0);
        blocks.push(b);
    }
    blocks
}

/// One card's text, padded; the background is drawn by the row.
fn card(ctx: &mut Ctx, grid: NodeId, m: &Metric, width: Abs, figure: f64) -> Slice {
    let pal = ctx.report.palette;
    let node = ctx.structure.push(grid, Role::Div);
    let inner = width - PAD * 2.0 - BAR;
    let x = PAD + BAR;
    let mut slice = Slice::default();
    let mut y = PAD;

    let value_style = ctx.display(figure, pal.primary, true, 1.1);
    let role = if m.spoken == m.value {
        Role::Paragraph
    } else {
        Role::Spoken {
            spoken: m.spoken.clone(),
        }
    };
    let p = ctx.structure.push(node, role);
    let lines = ctx.text(&m.value, &value_style, inner, p);
    y = stack(&mut slice, lines, x, y);

    let label_style = ctx.display(LABEL_SIZE, pal.text, true, 1.3);
    let p = ctx.structure.push(node, Role::Paragraph);
    let lines = ctx.text(&m.label, &label_style, inner, p);
    y = stack(&mut slice, lines, x, y + Abs(2.0));

    if let Some(detail) = &m.detail {
        let style = ctx.display(DETAIL_SIZE, pal.muted, false, 1.35);
        let p = ctx.structure.push(node, Role::Paragraph);
        let lines = ctx.text(detail, &style, inner, p);
        y = stack(&mut slice, lines, x, y + Abs(4.0));
    }
    slice.height = y + PAD;
    slice
}

/// The figure size for a whole grid: the largest that sets every figure on one line, so all
/// cards match. A figure that forces the grid below [`WARN_SCALE`] of the design size, or
/// that cannot fit even at [`MIN_FIGURE_SCALE`], is reported.
fn grid_figure_size(ctx: &mut Ctx, metrics: &[Metric], inner: Abs, figure: f64) -> f64 {
    let pal = ctx.report.palette;
    let mut grid = figure;
    for m in metrics {
        let mut size = figure;
        while size > figure * MIN_FIGURE_SCALE
            && !fits_one_line(
                ctx,
                &m.value,
                &ctx.display(size, pal.primary, true, 1.1),
                inner,
            )
        {
            size -= 1.0;
        }
        grid = grid.min(size);
        if size < figure * WARN_SCALE {
            let fits = fits_one_line(
                ctx,
                &m.value,
                &ctx.display(size, pal.primary, true, 1.1),
                inner,
            );
            let done = if fits {
                format!("its grid was set at {size} pt instead of {figure} pt to fit it")
            } else {
                format!("even at {size} pt it wraps onto two lines")
            };
            ctx.warn(
                Diagnostic::warning(
                    format!("the figure `{}` is too wide for its card; {done}", m.value),
                    m.span.clone(),
                )
                .with_help("shorten the figure (\"£1.2bn\" rather than \"£1,200,000,000\") and put the rest in `label`"),
            );
        }
    }
    grid
}

/// Whether `text` sets on one line at `width` (measured, not tagged).
fn fits_one_line(ctx: &Ctx, text: &str, style: &ParStyle, width: Abs) -> bool {
    ctx.measure(text, style) <= width
}
