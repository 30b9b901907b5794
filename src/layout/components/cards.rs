//! Callout cards: a headline figure, a short label and a one-line detail, in a grid.
//!
//! In: metrics and a width. Out: the grid as a container, and one unsplittable block per
//! row; every card in a row has the height of the tallest, so rows never look ragged.
//! Reading order is row by row, left to right, which is report.toml's order. The grid has
//! as many columns (up to three) as cards of the theme's least width fit, so a narrow page
//! or large print takes fewer, wider cards. Every figure in a grid is set at one size — the
//! largest at which all of them fit on one line — so no card shouts louder than its
//! neighbours. A card reads figure, label, the year-on-year change (see [`super::change`])
//! and detail; an icon, when a metric has one, is drawn in the brand colour above the
//! figure as decoration, and every card of a grid with an icon leaves room for one, so
//! the figures of a row stay level.

use crate::diag::Diagnostic;
use crate::frame::{Artifact, Role};
use crate::geom::{Abs, Point, Size};
use crate::layout::block::{Block, Flow};
use crate::layout::cx::Cx;
use crate::layout::fragment::{Fragment, Local, Mark, Skeleton};
use crate::layout::heading::section_heading;
use crate::layout::text::Source;
use crate::layout::theme::TextSpec;
use crate::model::{Metric, NumbersPage};

/// A figure is never set below this share of its size to make it fit.
const MIN_FIGURE_SCALE: f64 = 0.6;
/// Shrinking a grid's figures by up to a quarter keeps the page's hierarchy; more than that
/// is worth telling the author about.
const WARN_SCALE: f64 = 0.75;
/// The grid tries figure sizes this far apart: fine enough that it loses no more than a
/// point it could have kept.
const FIGURE_STEP: Abs = Abs(1.0);
/// At most this many cards across: more would make every card a sliver of text.
const MAX_COLUMNS: usize = 3;

/// The grid of a section's metrics: three columns, or two when there are two or four (a
/// square grid reads better than a row and a stray card), fewer when cards would be too
/// narrow.
pub fn section_grid(cx: &Cx, metrics: &[Metric], width: Abs) -> Vec<Flow> {
    let fit = columns_that_fit(cx, width);
    let columns = match metrics.len() {
        2 | 4 => fit.min(2),
        _ => fit,
    };
    grid(cx, metrics, width, columns, &cx.theme.text.figure_section)
}

/// The year-in-numbers page: heading, intro and the highlighted figures, on a page of its
/// own.
pub fn numbers_page(cx: &Cx, numbers: &NumbersPage) -> Vec<Flow> {
    let theme = &cx.theme;
    let width = theme.measure();
    let mut heading = section_heading(
        cx,
        &numbers.title,
        width,
        Source::new("numbers.title", &numbers.title_span, "heading"),
    );
    heading.breaks.break_before = true;
    let mut out = vec![Flow::Open(Role::Section), Flow::Block(heading)];
    if let Some(intro) = &numbers.intro {
        let style = cx.lead_style();
        let mut skel = Skeleton::new();
        let p = skel.node(Skeleton::ANCHOR, Role::Paragraph);
        let mut notes = Vec::new();
        let lines = cx.set_text(&mut skel, p, intro, &style, width).noted(
            Source::new("intro", &numbers.intro_span, "intro"),
            &mut notes,
        );
        let mut b = Block::lines(skel, lines);
        b.notes = notes;
        b.space_after = theme.space.intro_after;
        out.push(Flow::Block(b));
    }
    let columns = columns_that_fit(cx, width);
    out.extend(grid(
        cx,
        &numbers.metrics,
        width,
        columns,
        &theme.text.figure_numbers_page,
    ));
    out.push(Flow::Close);
    out
}

/// How many cards of the theme's least width fit across `width`, up to [`MAX_COLUMNS`].
fn columns_that_fit(cx: &Cx, width: Abs) -> usize {
    let card = &cx.theme.card;
    let n = ((width + card.gutter).to_pt() / (card.min_width + card.gutter).to_pt()).floor();
    (n as usize).clamp(1, MAX_COLUMNS)
}

/// The grid container and its rows.
fn grid(cx: &Cx, metrics: &[Metric], width: Abs, columns: usize, figure: &TextSpec) -> Vec<Flow> {
    if metrics.is_empty() {
        return Vec::new();
    }
    let card = &cx.theme.card;
    let gap = cx.theme.space.component;
    let card_w = (width - card.gutter * (columns as f64 - 1.0)) / columns as f64;
    let inner = card_w - card.pad * 2.0 - card.bar;
    let (size, notes) = grid_figure_size(cx, metrics, inner, figure);
    let figure = TextSpec { size, ..*figure };
    let icons = metrics.iter().any(|m| m.icon.is_some());
    let mut out = vec![Flow::Open(Role::Div)];
    for (r, row) in metrics.chunks(columns).enumerate() {
        let mut skel = Skeleton::new();
        let mut row_notes = Vec::new();
        let cards: Vec<Fragment> = row
            .iter()
            .map(|m| one_card(cx, &mut skel, m, card_w, &figure, icons, &mut row_notes))
            .collect();
        let h = cards.iter().fold(Abs::ZERO, |h, c| h.max(c.size.h));
        let mut slice = Fragment::new(Size::new(width, h));
        for (c, body) in cards.into_iter().enumerate() {
            let x = (card_w + card.gutter) * c as f64;
            slice.rect(
                Point::new(x, Abs::ZERO),
                Size::new(card_w, h),
                cx.palette.tint,
            );
            slice.rect(
                Point::new(x, Abs::ZERO),
                Size::new(card.bar, h),
                cx.palette.primary,
            );
            slice.place(body, Point::new(x, Abs::ZERO));
        }
        slice.size.h = h;
        let before = if r == 0 { gap } else { card.gutter };
        let mut b = Block::atomic(skel, slice).spaced(before, gap);
        if r == 0 {
            b.notes = notes.clone();
        }
        b.notes.extend(row_notes);
        out.push(Flow::Block(b));
    }
    out.push(Flow::Close);
    out
}

/// One card's text, padded; the background is drawn by the row. `icons`: the grid has
/// icons, so room is left for one above the figure. Words broken to fit are noted in
/// `notes`.
fn one_card(
    cx: &Cx,
    skel: &mut Skeleton,
    m: &Metric,
    width: Abs,
    figure: &TextSpec,
    icons: bool,
    notes: &mut Vec<crate::diag::Diagnostic>,
) -> Fragment {
    let (card, text) = (&cx.theme.card, &cx.theme.text);
    let node = skel.node(Skeleton::ANCHOR, Role::Div);
    let inner = width - card.pad * 2.0 - card.bar;
    let x = card.pad + card.bar;
    let mut f = Fragment::default();
    let role = if m.spoken == m.value {
        Role::Paragraph
    } else {
        Role::Spoken {
            spoken: m.spoken.clone(),
        }
    };
    let mut y = card.pad;
    if icons {
        if let Some(icon) = m.icon {
            f.push(
                Point::new(x, y),
                crate::frame::ItemKind::Image {
                    image: crate::icons::image(icon, cx.ink.primary),
                    size: Size::new(card.icon, card.icon),
                    span: None,
                    crop: None,
                    bleed: false,
                },
                Mark::Artifact(Artifact::Decoration),
            );
        }
        y += card.icon + card.icon_gap;
    }
    let value = paragraph(
        cx,
        skel,
        node,
        role,
        &m.value,
        &cx.style(figure, cx.ink.primary),
        inner,
    )
    .noted(Source::new("value", &m.span, "card"), notes);
    let value = value
        .into_iter()
        .map(|mut line| {
            for p in &mut line.items {
                if let crate::frame::ItemKind::Text(t) = &mut p.kind {
                    t.span = m.span.clone();
                }
            }
            line
        })
        .collect();
    y = f.stack(value, x, y);
    let style = cx.style(&text.card_label, cx.ink.text);
    let label = paragraph(cx, skel, node, Role::Paragraph, &m.label, &style, inner)
        .noted(Source::new("label", &m.label_span, "card"), notes);
    y = f.stack(label, x, y + card.label_gap);
    if let Some(change) = &m.change {
        let lines = super::change::lines(cx, skel, node, change, inner);
        y = f.stack(lines, x, y + card.change_gap);
    }
    if let Some(detail) = &m.detail {
        let style = cx.style(&text.card_detail, cx.ink.muted);
        let lines = paragraph(cx, skel, node, Role::Paragraph, detail, &style, inner)
            .noted(Source::new("detail", &m.detail_span, "card"), notes);
        y = f.stack(lines, x, y + card.detail_gap);
    }
    f.size.h = y + card.pad;
    f
}

fn paragraph(
    cx: &Cx,
    skel: &mut Skeleton,
    parent: Local,
    role: Role,
    text: &str,
    style: &crate::layout::cx::ParStyle,
    width: Abs,
) -> crate::layout::text::Set {
    let p = skel.node(parent, role);
    cx.set_text(skel, p, text, style, width)
}

/// The figure size for a whole grid: the largest that sets every figure on one line, so all
/// cards match. A figure that forces the grid below [`WARN_SCALE`] of the design size, or
/// that cannot fit even at [`MIN_FIGURE_SCALE`], is reported.
fn grid_figure_size(
    cx: &Cx,
    metrics: &[Metric],
    inner: Abs,
    figure: &TextSpec,
) -> (Abs, Vec<Diagnostic>) {
    let design = figure.size;
    let fits = |value: &str, size: Abs| {
        let style = cx.style(&TextSpec { size, ..*figure }, cx.ink.primary);
        cx.measure(value, &style) <= inner
    };
    let mut grid = design;
    let mut notes = Vec::new();
    for m in metrics {
        let mut size = design;
        while size > design * MIN_FIGURE_SCALE && !fits(&m.value, size) {
            size -= FIGURE_STEP;
        }
        grid = grid.min(size);
        if size < design * WARN_SCALE {
            let done = if fits(&m.value, size) {
                format!(
                    "its grid was set at {} pt instead of {} pt to fit it",
                    points(size),
                    points(design)
                )
            } else {
                format!("even at {} pt it wraps onto two lines", points(size))
            };
            notes.push(
                Diagnostic::warning(
                    format!("the figure `{}` is too wide for its card; {done}", m.value),
                    m.span.clone(),
                )
                .with_help("shorten the figure (\"£1.2bn\" rather than \"£1,200,000,000\") and put the rest in `label`"),
            );
        }
    }
    (grid, notes)
}

/// A size in points as a person writes it: "20", "35.1".
fn points(size: Abs) -> String {
    format!("{}", (size.to_pt() * 10.0).round() / 10.0)
}
