//! Charts drawn from data: bars (single, grouped, stacked), columns (single, stacked),
//! lines, pies and donuts, progress bars and progress rings.
//!
//! In: a chart's data and format, and the width. Out: one unsplittable block — a figure with
//! its alternative text, whose labels and values are real, selectable text and whose bars,
//! slices, gridlines and lines are vector shapes (artifacts: the figure's alt text says what
//! they show). Sizes and spacing come from the theme's chart geometry; colours from the
//! brand, through the series palette (`model::chart::palette`).
//!
//! What holds for every kind, whatever the data:
//! - **axes** come from `model::chart::axis`: bars and columns always include zero and run
//!   from it, negative values on the other side of a zero line; lines are fitted to their
//!   data when zero is far from it. A value axis gets as many ticks as its labels have room
//!   for.
//! - **labels** never collide: a label that does not fit its room is wrapped; category
//!   labels under columns that still do not fit are thinned (every second, third … label
//!   is shown, at a width that holds it); value labels over columns that do not fit their
//!   slot are left out, and the axis, the alt text and the data table still give them.
//!   Every value label of a chart shows the same number of decimals.
//! - **colour is never alone**: a series is named in a legend whose order is the order its
//!   bars or segments are drawn in (top to bottom, left to right), a pie's slices are
//!   listed clockwise from twelve o'clock with their percentage in the legend and on or
//!   beside the slice, and neighbouring segments and slices are parted by a gap of paper.
//! - **contrast**: text is set in the text, muted or primary colour on the page (the pairs
//!   the colour preflight checks for 4.5:1); a value inside a segment is set in paper or
//!   text colour, whichever reaches 4.5:1 on the segment, and is left out if neither does.
//!   Series colours reach 3:1 against the page and the track tint.

mod bars;
mod columns;
mod pie;
mod progress;

use crate::frame::{Artifact, ItemKind, Role, Segment};
use crate::geom::{Abs, Color, Point, Size};
use crate::layout::block::Block;
use crate::layout::cx::{Cx, ParStyle};
use crate::layout::fragment::{Fragment, Local, Mark, Skeleton, width};
use crate::layout::theme::HAIRLINE;
use crate::model::chart::{axis, labels, palette, shares};
use crate::model::{Chart, ChartKind, Table, numbers};

/// WCAG 2.2 AA for text under 18 pt (1.4.3): what a label inside a segment must reach.
const TEXT_CONTRAST: f64 = 4.5;

/// A chart's value as its format prints it.
pub fn fmt(chart: &Chart, v: f64) -> String {
    numbers::format_in(v, &chart.format, chart.locale).unwrap_or_else(|| v.to_string())
}

/// Values as the chart prints them, every one with the same decimals.
pub fn fmt_all(chart: &Chart, values: &[f64]) -> Vec<String> {
    let raw: Vec<String> = values.iter().map(|v| fmt(chart, *v)).collect();
    labels::uniform(&raw, chart.locale.decimal, chart.locale.group)
}

/// The chart's data as a table: a row per label, a column per series (and, for a pie or
/// donut, each slice's share), values with the chart's decimals; its value and share
/// columns headed in the chart's language ("Gwerth", "Cyfran").
pub fn table(chart: &Chart) -> Table {
    let pie = matches!(chart.kind, ChartKind::Pie | ChartKind::Donut);
    let mut columns = vec![String::new()];
    if chart.series.is_empty() {
        columns.push(chart.words.value.clone());
    } else {
        columns.extend(chart.series.iter().cloned());
    }
    let all: Vec<f64> = chart.data.iter().flat_map(|d| d.values.clone()).collect();
    let mut formatted = fmt_all(chart, &all).into_iter();
    let percent = pie.then(|| percent_labels(chart)).flatten();
    if percent.is_some() {
        columns.push(chart.words.share.clone());
    }
    let rows = chart
        .data
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let mut row = vec![(d.label.clone(), false)];
            for _ in &d.values {
                row.push((formatted.next().unwrap_or_default(), true));
            }
            if let Some(p) = &percent {
                row.push((p[i].clone(), true));
            }
            row
        })
        .collect();
    Table {
        title: None,
        columns,
        rows,
        decimal: chart.locale.decimal,
        placement: Default::default(),
        style: Default::default(),
    }
}

/// The slices a pie or donut draws: every datum, or past eight the seven largest and one
/// "Other" slice (both editions draw the same).
pub fn slices(chart: &Chart) -> Vec<crate::model::Datum> {
    pie::grouped(chart)
}

/// Each datum's whole percentage of the total as printed ("62%", "<1%"), adding up to
/// 100; `None` when there is no positive total.
pub fn percent_labels(chart: &Chart) -> Option<Vec<String>> {
    let values: Vec<f64> = chart.data.iter().map(|d| d.value).collect();
    let s = shares::shares(&values)?;
    Some(
        shares::percentages(&s)
            .into_iter()
            .zip(&values)
            .map(|(p, v)| {
                if p == 0 && *v > 0.0 {
                    "<1%".to_string()
                } else {
                    format!("{p}%")
                }
            })
            .collect(),
    )
}

/// What every chart kind draws with: the skeleton and figure node its text belongs to, and
/// the fragment it draws into.
struct Canvas<'c, 'a> {
    cx: &'c Cx<'a>,
    skel: Skeleton,
    fig: Local,
    f: Fragment,
    /// What the chart had to leave out to fit, said at its key.
    notes: Vec<crate::diag::Diagnostic>,
}

impl Canvas<'_, '_> {
    /// Sets `text` as a paragraph of the figure.
    fn text(&mut self, text: &str, style: &ParStyle, width: Abs) -> Vec<Fragment> {
        self.cx.text(&mut self.skel, self.fig, text, style, width)
    }

    /// The width `text` takes on one line.
    fn measure(&self, text: &str, style: &ParStyle) -> Abs {
        self.cx.measure(text, style)
    }

    fn rect(&mut self, x: Abs, y: Abs, w: Abs, h: Abs, fill: Color) {
        self.f.rect(Point::new(x, y), Size::new(w, h), fill);
    }

    /// A filled outline, as decoration.
    fn shape(&mut self, path: Vec<Segment>, fill: Color) {
        self.f.push(
            Point::default(),
            ItemKind::Shape { path, fill },
            Mark::Artifact(Artifact::Decoration),
        );
    }

    /// A stroked line through `points`, as decoration.
    fn line(&mut self, points: Vec<Point>, width: Abs, color: Color) {
        self.f.push(
            Point::default(),
            ItemKind::Line {
                points,
                width,
                color,
            },
            Mark::Artifact(Artifact::Decoration),
        );
    }

    /// The first `n` series colours, each 3:1 against the page and the track tint.
    fn colours(&self, n: usize) -> Vec<Color> {
        let p = self.cx.palette;
        palette::series(p.primary, p.accent, &[p.paper, p.tint], n)
    }

    /// Gridlines go under everything drawn so far.
    fn under(&mut self, lines: impl Iterator<Item = (Point, Size)>) {
        let mut grid = Fragment::default();
        for (at, size) in lines {
            grid.rect(at, size, self.cx.palette.tint);
        }
        self.f.items.splice(0..0, grid.items);
    }

    /// The colour a label inside a shape of colour `fill` is set in: the paper or the text
    /// colour, whichever reads better, if it reaches 4.5:1.
    fn ink_on(&self, fill: Color) -> Option<Color> {
        let p = self.cx.palette;
        [p.paper, p.text]
            .into_iter()
            .map(|c| (c, c.contrast(fill)))
            .max_by(|a, b| a.1.total_cmp(&b.1))
            .filter(|(_, r)| *r >= TEXT_CONTRAST)
            .map(|(c, _)| c)
    }
}

/// Lays out a chart at `width`.
pub fn chart(cx: &Cx, chart: &Chart, width: Abs) -> Block {
    let (text, geo) = (&cx.theme.text, &cx.theme.chart);
    let mut skel = Skeleton::new();
    let fig = skel.node(
        Skeleton::ANCHOR,
        Role::Figure {
            alt: chart.alt.clone(),
        },
    );
    let mut c = Canvas {
        cx,
        skel,
        fig,
        f: Fragment::default(),
        notes: Vec::new(),
    };
    let mut y = Abs::ZERO;
    if let Some(title) = &chart.title {
        let style = cx.style(&text.figure_title, cx.ink.text);
        let lines = c.text(title, &style, width);
        y = c.f.stack(lines, Abs::ZERO, y) + geo.title_after;
    }
    y = match chart.kind {
        ChartKind::Bar | ChartKind::Grouped | ChartKind::Stacked => {
            bars::bars(&mut c, chart, width, y)
        }
        ChartKind::Column | ChartKind::Line | ChartKind::StackedColumn => {
            columns::vertical(&mut c, chart, width, y)
        }
        ChartKind::Pie | ChartKind::Donut => pie::pie(&mut c, chart, width, y),
        ChartKind::Progress => progress::bars(&mut c, chart, width, y),
        ChartKind::Ring => progress::rings(&mut c, chart, width, y),
    };
    c.f.size = Size::new(width, y);
    let mut block = Block::atomic(c.skel, c.f);
    block.notes = c.notes;
    block
}

/// A legend: a swatch and the name of each series, in drawing order, flowing onto as many
/// lines as the width needs.
fn legend(c: &mut Canvas, series: &[String], colours: &[Color], width: Abs, y: Abs) -> Abs {
    let geo = &c.cx.theme.chart;
    let style = c.cx.style(&c.cx.theme.text.legend, c.cx.ink.text);
    let line_h = style.size * style.leading;
    let (mut x, mut row_y, mut bottom) = (Abs::ZERO, y, y);
    for (j, name) in series.iter().enumerate() {
        let swatch = geo.swatch;
        let room = width - swatch - geo.swatch_gap;
        let natural = c.measure(name, &style).min(room);
        let need = swatch + geo.swatch_gap + natural;
        if x > Abs::ZERO && x + need > width {
            x = Abs::ZERO;
            row_y = bottom.max(row_y + line_h);
        }
        c.rect(
            x,
            row_y + geo.swatch_drop,
            swatch,
            swatch,
            colours[j % colours.len()],
        );
        let lines = c.text(name, &style, room.max(natural));
        let w = width_of(&lines);
        bottom = bottom.max(c.f.stack(lines, x + swatch + geo.swatch_gap, row_y));
        x += swatch + geo.swatch_gap + w + geo.legend_gap;
    }
    bottom + geo.legend_after
}

/// A value axis for `min..max` along `length`, with as many intervals as labels `label_w`
/// wide (plus the least space between labels) have room for.
fn fit_axis(
    c: &Canvas,
    chart: &Chart,
    (min, max): (f64, f64),
    baseline: axis::Baseline,
    length: Abs,
    across: bool,
) -> (axis::Axis, Vec<String>) {
    let geo = &c.cx.theme.chart;
    let style = c.cx.style(&c.cx.theme.text.chart_tick, c.cx.ink.muted);
    let mut room = axis::MAX_INTERVALS;
    loop {
        let a = axis::axis(min, max, baseline, room);
        let labels = fmt_all(chart, &a.ticks);
        // Across, a tick label needs its width; up a value axis, its line and a half.
        let need = if across {
            labels
                .iter()
                .map(|l| c.measure(l, &style))
                .fold(Abs::ZERO, Abs::max)
                + geo.label_space
        } else {
            style.size * style.leading * 1.5
        };
        let intervals = a.ticks.len().saturating_sub(1).max(1);
        let fits = need * intervals as f64 <= length;
        if fits || room == 1 {
            return (a, labels);
        }
        room = (intervals - 1).clamp(1, room - 1);
    }
}

/// The zero line, over the gridlines, when the axis has values on both sides or starts at
/// zero: a bar's length is read from it.
fn zero_line(c: &mut Canvas, at: Point, size: Size) {
    let muted = c.cx.palette.muted;
    c.rect(at.x, at.y, size.w, size.h, muted);
}

/// A slice of a ring between two radii, for progress rings.
fn pie_arc(centre: Point, outer: Abs, inner: Abs, a0: f64, a1: f64) -> Vec<Segment> {
    pie::annulus(centre, outer, inner, a0, a1)
}

fn width_of(lines: &[Fragment]) -> Abs {
    width(lines)
}

/// A thin rule, for gridlines and markers.
const RULE: Abs = HAIRLINE;
