//! Charts drawn from data: horizontal bars, columns, lines and percentage bars.
//!
//! In: a chart's data and format, and the width. Out: one unsplittable block — a figure with
//! its alternative text, whose labels and values are real, selectable text and whose bars,
//! gridlines and line are vector shapes in the brand's colours (artifacts: the figure's alt
//! text says what they show). Value axes run from zero to the first "nice" number (1, 2, 2.5
//! or 5 times a power of ten) past the largest value. Sizes and spacing come from the
//! theme's chart geometry.

use crate::frame::{Artifact, ItemKind, Role};
use crate::geom::{Abs, Color, Point, Size};
use crate::layout::block::Block;
use crate::layout::cx::{Cx, ParStyle};
use crate::layout::fragment::{Fragment, Local, Mark, Skeleton, align, height, width};
use crate::layout::theme::HAIRLINE;
use crate::model::{Chart, ChartKind, numbers};

/// Bar charts give their labels this share of the width.
const LABEL_SHARE: f64 = 0.36;
/// A bar of a grouped chart is this share of a single bar's thickness, so a group of two
/// or three stays close to one row.
const GROUPED_SHARE: f64 = 0.8;
/// A column takes this share of its slot; the rest separates it from its neighbours.
const COLUMN_SHARE: f64 = 0.6;
/// A value axis has about this many intervals: enough to read a value off, few enough
/// that the tick labels have room.
/// A series name in the legend wraps at this share of the width.
const LEGEND_NAME_SHARE: f64 = 0.5;

/// A chart's value as its format prints it.
pub fn fmt(chart: &Chart, v: f64) -> String {
    numbers::format_in(v, &chart.format, chart.locale).unwrap_or_else(|| v.to_string())
}

/// What every chart kind draws with: the skeleton and figure node its text belongs to, and
/// the fragment it draws into.
struct Canvas<'c, 'a> {
    cx: &'c Cx<'a>,
    skel: Skeleton,
    fig: Local,
    f: Fragment,
}

impl Canvas<'_, '_> {
    /// Sets `text` as a paragraph of the figure.
    fn text(&mut self, text: &str, style: &ParStyle, width: Abs) -> Vec<Fragment> {
        self.cx.text(&mut self.skel, self.fig, text, style, width)
    }

    fn rect(&mut self, x: Abs, y: Abs, w: Abs, h: Abs, fill: Color) {
        self.f.rect(Point::new(x, y), Size::new(w, h), fill);
    }
}

/// Lays out a chart at `width`.
pub fn chart(cx: &Cx, chart: &Chart, width: Abs) -> Block {
    let (pal, text, geo) = (cx.palette, &cx.theme.text, &cx.theme.chart);
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
    };
    let mut y = Abs::ZERO;
    if let Some(title) = &chart.title {
        let style = cx.style(&text.figure_title, pal.text);
        let lines = c.text(title, &style, width);
        y = c.f.stack(lines, Abs::ZERO, y) + geo.title_after;
    }
    y = match chart.kind {
        ChartKind::Bar | ChartKind::Grouped => bars(&mut c, chart, width, y),
        ChartKind::Column | ChartKind::Line => vertical(&mut c, chart, width, y),
        ChartKind::Progress => progress(&mut c, chart, width, y),
    };
    c.f.size = Size::new(width, y);
    Block::atomic(c.skel, c.f)
}

/// Horizontal bars on a common axis, one per series for each label.
fn bars(c: &mut Canvas, chart: &Chart, width: Abs, top: Abs) -> Abs {
    let (pal, text, geo) = (c.cx.palette, &c.cx.theme.text, &c.cx.theme.chart);
    let label_style = c.cx.style(&text.chart_label, pal.text);
    let value_style = c.cx.style(&text.chart_value, pal.primary);
    // Series colours contrast at least 3:1 with the page (WCAG 1.4.11), so the light
    // accent is not among them.
    let colours = [pal.primary, pal.muted, pal.text];
    let mut y = top;
    if chart.kind == ChartKind::Grouped {
        y = legend(c, &chart.series, &colours, width, y);
    }
    let label_w = width * LABEL_SHARE;
    let plot_x = label_w + geo.label_gap;
    let plot_w = width - plot_x - geo.value_room;
    let max = chart
        .data
        .iter()
        .flat_map(|d| d.values.iter())
        .fold(0.0f64, |m, v| m.max(*v));
    let axis = numbers::nice_ticks(0.0, max);
    let ticks = axis.len() - 1;
    let axis_top = axis[ticks];
    let plot_top = y;
    let mut grid = Vec::new();
    for d in &chart.data {
        let n = d.values.len();
        let t = if n == 1 {
            geo.bar_thickness
        } else {
            geo.bar_thickness * GROUPED_SHARE
        };
        let group = t * n as f64 + geo.bar_gap * (n as f64 - 1.0);
        let lines = c.text(&d.label, &label_style, label_w);
        let label_h = height(&lines);
        let h = label_h.max(group + geo.bar_row - geo.bar_thickness);
        c.f.stack(lines, Abs::ZERO, y + (h - label_h) / 2.0);
        for (j, v) in d.values.iter().enumerate() {
            let len = plot_w * (v / axis_top).max(0.0);
            let bar_y = y + (h - group) / 2.0 + (t + geo.bar_gap) * j as f64;
            let colour = colours[j % colours.len()];
            c.rect(plot_x, bar_y, len, t, colour);
            let style = ParStyle {
                color: colour,
                ..value_style
            };
            let value = c.text(&fmt(chart, *v), &style, geo.value_room + plot_w);
            c.f.stack(
                value,
                plot_x + len + geo.value_offset,
                bar_y - geo.value_rise,
            );
        }
        y += h;
    }
    // Gridlines and tick labels, from zero to the first nice value past the largest.
    let tick_style = c.cx.style(&text.chart_tick, pal.muted);
    for (i, tick) in axis.iter().enumerate() {
        let x = plot_x + plot_w * (i as f64 / ticks as f64);
        grid.push((x, plot_top, y - plot_top));
        let label = numbers::format_in(*tick, &chart.format, chart.locale).unwrap_or_default();
        let lines = c.text(&label, &tick_style, geo.tick_room);
        c.f.stack(lines, x - geo.tick_back, y + geo.tick_gap);
    }
    under(
        c,
        grid.into_iter()
            .map(|(x, top, h)| (Point::new(x, top), Size::new(HAIRLINE, h))),
    );
    y + geo.axis_after
}

/// Gridlines go under everything drawn so far.
fn under(c: &mut Canvas, lines: impl Iterator<Item = (Point, Size)>) {
    let mut grid = Fragment::default();
    for (at, size) in lines {
        grid.rect(at, size, c.cx.palette.tint);
    }
    c.f.items.splice(0..0, grid.items);
}

/// Column and line charts: a vertical value axis with nice ticks, one slot per datum with
/// its label beneath; columns, or a line through points, with each value above its slot.
fn vertical(c: &mut Canvas, chart: &Chart, width: Abs, top: Abs) -> Abs {
    let (pal, text, geo) = (c.cx.palette, &c.cx.theme.text, &c.cx.theme.chart);
    let axis_w = geo.axis_width;
    let plot_h = geo.plot_height;
    let n = chart.data.len().max(1);
    let slot = (width - axis_w) / n as f64;
    let max = chart.data.iter().fold(0.0f64, |m, d| m.max(d.value));
    let axis = numbers::nice_ticks(0.0, max);
    let ticks = axis.len() - 1;
    let axis_top = axis[ticks];
    // Room above the plot for the value over the tallest column.
    let plot_top = top + geo.plot_top;
    let base = plot_top + plot_h;
    let y_of = |v: f64| base - plot_h * (v / axis_top).max(0.0);
    let tick_style = c.cx.style(&text.chart_tick, pal.muted);
    let mut grid = Vec::new();
    for tick in &axis {
        let gy = y_of(*tick);
        grid.push((Point::new(axis_w, gy), Size::new(width - axis_w, HAIRLINE)));
        let label = numbers::format_in(*tick, &chart.format, chart.locale).unwrap_or_default();
        let lines = c.text(&label, &tick_style, axis_w - geo.tick_pad);
        let lines = align(lines, axis_w - geo.axis_gap, 1.0);
        c.f.stack(lines, Abs::ZERO, gy - geo.tick_rise);
    }
    under(c, grid.into_iter());
    let value_style = c.cx.style(&text.chart_value, pal.primary);
    let label_style = c.cx.style(&text.chart_slot_label, pal.text);
    let mut points = Vec::new();
    let mut bottom = base;
    for (i, d) in chart.data.iter().enumerate() {
        let x0 = axis_w + slot * i as f64;
        let centre = x0 + slot / 2.0;
        let vy = y_of(d.value);
        if chart.kind == ChartKind::Column {
            let bar_w = slot * COLUMN_SHARE;
            c.rect(centre - bar_w / 2.0, vy, bar_w, base - vy, pal.primary);
        } else {
            points.push(Point::new(centre, vy));
            let dot = geo.dot;
            c.rect(centre - dot / 2.0, vy - dot / 2.0, dot, dot, pal.primary);
        }
        let value = c.text(&fmt(chart, d.value), &value_style, slot);
        let value = align(value, slot, 0.5);
        c.f.stack(value, x0, vy - geo.value_above);
        let room = slot - geo.slot_inset * 2.0;
        let label = c.text(&d.label, &label_style, room);
        let label = align(label, room, 0.5);
        bottom = bottom.max(c.f.stack(label, x0 + geo.slot_inset, base + geo.slot_label_gap));
    }
    if points.len() > 1 {
        c.f.push(
            Point::default(),
            ItemKind::Line {
                points,
                width: geo.line_width,
                color: pal.primary,
            },
            Mark::Artifact(Artifact::Decoration),
        );
    }
    bottom + geo.vertical_after
}

/// One percentage bar per row: the label, its value flush right, the track beneath.
fn progress(c: &mut Canvas, chart: &Chart, width: Abs, top: Abs) -> Abs {
    let (pal, text, geo) = (c.cx.palette, &c.cx.theme.text, &c.cx.theme.chart);
    let label_style = c.cx.style(&text.chart_label, pal.text);
    let value_style = c.cx.style(&text.chart_value, pal.primary);
    let mut y = top;
    for d in &chart.data {
        let value = fmt(chart, d.value);
        let lines = c.text(&d.label, &label_style, width - geo.value_room);
        let h = height(&lines);
        c.f.stack(lines, Abs::ZERO, y);
        let v = c.text(&value, &value_style, geo.value_room);
        let vw = width_of(&v);
        c.f.stack(v, width - vw, y);
        y += h + geo.track_before;
        c.rect(Abs::ZERO, y, width, geo.track, pal.tint);
        c.rect(
            Abs::ZERO,
            y,
            width * (d.value / 100.0),
            geo.track,
            pal.primary,
        );
        y += geo.track + geo.track_after;
    }
    y
}

/// A legend: a swatch and the name of each series, on one line.
fn legend(c: &mut Canvas, series: &[String], colours: &[Color], width: Abs, y: Abs) -> Abs {
    let (pal, geo) = (c.cx.palette, &c.cx.theme.chart);
    let style = c.cx.style(&c.cx.theme.text.legend, pal.text);
    let mut x = Abs::ZERO;
    let mut bottom = y;
    for (j, name) in series.iter().enumerate() {
        let swatch = geo.swatch;
        c.rect(
            x,
            y + geo.swatch_drop,
            swatch,
            swatch,
            colours[j % colours.len()],
        );
        let lines = c.text(name, &style, width * LEGEND_NAME_SHARE);
        let w = width_of(&lines);
        bottom = bottom.max(c.f.stack(lines, x + swatch + geo.swatch_gap, y));
        x += swatch + geo.swatch_gap + w + geo.legend_gap;
    }
    bottom + geo.legend_after
}

fn width_of(lines: &[Fragment]) -> Abs {
    width(lines)
}
