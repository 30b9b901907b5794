//! Horizontal bars on a common axis: one per label, one per series for each label
//! (grouped), or one per label made of a segment per series (stacked).
//!
//! In: the chart and the room. Out: the rows drawn into the canvas, and the y below them.
//! Labels sit in a column at the left, wrapped to its width; the plot runs from zero, right
//! for positive values and left for negative ones, with room kept on each side for the
//! value printed at a bar's end (left of a negative bar, right of a positive one).

use super::{Canvas, RULE, fit_axis, fmt_all, legend, zero_line};
use crate::geom::{Abs, Point, Size};
use crate::layout::cx::ParStyle;
use crate::layout::fragment::{align, height};
use crate::model::chart::axis::Baseline;
use crate::model::{Chart, ChartKind};

/// Bar charts give their labels this share of the width.
const LABEL_SHARE: f64 = 0.36;
/// On a narrow column (A5 in large print) the labels may shrink to this share, wrapping
/// onto more lines, to leave the bars room.
const LEAST_LABEL_SHARE: f64 = 0.22;
/// The bars never take less than this share of the column, however wide the values.
const LEAST_PLOT_SHARE: f64 = 0.15;
/// A bar of a grouped chart is this share of a single bar's thickness, so a group of two
/// or three stays close to one row.
const GROUPED_SHARE: f64 = 0.8;

/// Draws the bars; returns the y below the axis labels.
pub fn bars(c: &mut Canvas, chart: &Chart, width: Abs, top: Abs) -> Abs {
    let (text, geo) = (&c.cx.theme.text, &c.cx.theme.chart);
    let stacked = chart.kind == ChartKind::Stacked;
    let multi = !chart.series.is_empty();
    let colours = c.colours(chart.series.len().max(1));
    let mut y = top;
    if multi {
        y = legend(c, &chart.series, &colours, width, y);
    }
    let label_style = c.cx.style(&text.chart_label, c.cx.ink.text);
    // A single series keeps the brand colour for its values (the readable primary, which
    // reaches 4.5:1 on the page); several are set in the text colour, since a derived
    // series colour is only sure of 3:1.
    let value_style = c.cx.style(
        &text.chart_value,
        if multi {
            c.cx.ink.text
        } else {
            c.cx.ink.primary
        },
    );

    // Each drawn bar: (label index, series, from, to); stacked bars also print a total.
    let extents: Vec<(f64, f64)> = chart
        .data
        .iter()
        .map(|d| {
            if stacked {
                let neg: f64 = d.values.iter().filter(|v| **v < 0.0).sum();
                let pos: f64 = d.values.iter().filter(|v| **v > 0.0).sum();
                (neg, pos)
            } else {
                d.values
                    .iter()
                    .fold((0.0f64, 0.0f64), |(a, b), v| (a.min(*v), b.max(*v)))
            }
        })
        .collect();
    let min = extents.iter().map(|e| e.0).fold(0.0, f64::min);
    let max = extents.iter().map(|e| e.1).fold(0.0, f64::max);
    // The printed values: a stacked bar prints its total, the others each value.
    let printed: Vec<f64> = if stacked {
        chart.data.iter().map(|d| d.values.iter().sum()).collect()
    } else {
        chart.data.iter().flat_map(|d| d.values.clone()).collect()
    };
    let printed = fmt_all(chart, &printed);
    let widest = printed
        .iter()
        .map(|v| c.measure(v, &value_style))
        .fold(Abs::ZERO, Abs::max)
        + geo.value_offset;
    let left_room = if min < 0.0 { widest } else { Abs::ZERO };
    let right_room = if max > 0.0 || min >= 0.0 {
        widest
    } else {
        Abs::ZERO
    };
    // The labels give up width (wrapping more, down to LEAST_LABEL_SHARE) before the bars
    // are narrower than `value_room`; the values beside them never run past the column.
    let label_w = (width * LABEL_SHARE)
        .min(width - geo.label_gap - left_room - right_room - geo.value_room)
        .max(width * LEAST_LABEL_SHARE);
    let plot_x = label_w + geo.label_gap + left_room;
    let plot_w = (width - plot_x - right_room).max(width * LEAST_PLOT_SHARE);
    let (axis, tick_labels) = fit_axis(c, chart, (min, max), Baseline::Zero, plot_w, true);
    let x_of = |v: f64| plot_x + plot_w * axis.at(v);
    let zero_x = x_of(axis.base());

    let plot_top = y;
    let mut printed = printed.into_iter();
    for (i, d) in chart.data.iter().enumerate() {
        let n = if stacked { 1 } else { d.values.len() };
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
        let first_bar = y + (h - group) / 2.0;
        if stacked {
            let total = printed.next().unwrap_or_default();
            segments(c, chart, i, &colours, (first_bar, t), &x_of, zero_x);
            let (neg, pos) = extents[i];
            end_value(
                c,
                &total,
                &value_style,
                (neg, pos),
                (x_of(neg), x_of(pos)),
                first_bar,
            );
        } else {
            for (j, v) in d.values.iter().enumerate() {
                let bar_y = first_bar + (t + geo.bar_gap) * j as f64;
                let x = x_of(*v);
                let (x0, x1) = (x.min(zero_x), x.max(zero_x));
                c.rect(x0, bar_y, x1 - x0, t, colours[j % colours.len()]);
                let label = printed.next().unwrap_or_default();
                let style = ParStyle { ..value_style };
                end_value(c, &label, &style, (v.min(0.0), v.max(0.0)), (x0, x1), bar_y);
            }
        }
        y += h;
    }

    // Gridlines at every tick, the zero line over them, and the tick labels below.
    let tick_style = c.cx.style(&text.chart_tick, c.cx.ink.muted);
    let mut grid = Vec::new();
    for (tick, label) in axis.ticks.iter().zip(&tick_labels) {
        let x = x_of(*tick);
        grid.push((Point::new(x, plot_top), Size::new(RULE, y - plot_top)));
        let w = c.measure(label, &tick_style);
        // Each label centres on its line, kept inside the chart.
        let lx = x - w / 2.0;
        let lx = lx.max(Abs::ZERO).min(width - w);
        let lines = c.text(label, &tick_style, w + geo.label_space);
        c.f.stack(lines, lx, y + geo.tick_gap);
    }
    c.under(grid.into_iter());
    zero_line(
        c,
        Point::new(zero_x - geo.zero_line / 2.0, plot_top),
        Size::new(geo.zero_line, y - plot_top),
    );
    let tick_h = tick_style.size * tick_style.leading;
    y + geo.tick_gap + tick_h + geo.axis_after - tick_h.min(geo.axis_after)
}

/// The segments of one stacked bar: positive values from zero to the right, negative ones
/// from zero to the left, each in its series colour, parted by a gap of paper; a segment's
/// value is printed inside it when it fits and reads.
fn segments(
    c: &mut Canvas,
    chart: &Chart,
    i: usize,
    colours: &[crate::geom::Color],
    (bar_y, t): (Abs, Abs),
    x_of: &dyn Fn(f64) -> Abs,
    zero_x: Abs,
) {
    let geo = &c.cx.theme.chart;
    let gap = geo.segment_gap;
    let inside = c.cx.style(&c.cx.theme.text.chart_tick, c.cx.palette.paper);
    let values = &chart.data[i].values;
    let labels = fmt_all(chart, values);
    let (mut pos, mut neg) = (0.0f64, 0.0f64);
    for (j, v) in values.iter().enumerate() {
        if *v == 0.0 {
            continue;
        }
        let (from, to) = if *v > 0.0 {
            pos += v;
            (pos - v, pos)
        } else {
            neg += v;
            (neg - v, neg)
        };
        let (a, b) = (x_of(from), x_of(to));
        let (x0, x1) = (a.min(b), a.max(b));
        // The gap is taken from the segment's far end, so the zero line stays exact.
        let (x0, x1) = if *v > 0.0 {
            (x0, (x1 - gap).max(x0))
        } else {
            ((x0 + gap).min(x1), x1)
        };
        let fill = colours[j % colours.len()];
        c.rect(x0, bar_y, x1 - x0, t, fill);
        let w = c.measure(&labels[j], &inside);
        let line_h = inside.size * inside.leading;
        if let Some(ink) = c.ink_on(fill)
            && w + geo.label_space * 2.0 <= x1 - x0
            && line_h <= t + geo.label_space
        {
            let style = ParStyle {
                color: ink,
                ..inside
            };
            let lines = c.text(&labels[j], &style, w + geo.label_space);
            let lines = align(lines, x1 - x0, 0.5);
            c.f.stack(lines, x0, bar_y + (t - line_h) / 2.0);
        }
    }
    let _ = zero_x;
}

/// A bar's value at its end: right of a positive bar, left of a negative one (a bar of
/// zero prints right of the zero line).
fn end_value(
    c: &mut Canvas,
    label: &str,
    style: &ParStyle,
    (neg, pos): (f64, f64),
    (x0, x1): (Abs, Abs),
    bar_y: Abs,
) {
    let geo = &c.cx.theme.chart;
    let w = c.measure(label, style);
    let lines = c.text(label, style, w + geo.label_space);
    let x = if pos <= 0.0 && neg < 0.0 {
        x0 - geo.value_offset - w
    } else {
        x1 + geo.value_offset
    };
    c.f.stack(lines, x, bar_y - geo.value_rise);
}
