//! Progress towards a target, as percentages: a bar per row on a track, or one big figure
//! in a ring per label.
//!
//! In: the chart (percentages from 0 up, checked by the model) and the room. Out: the bars
//! or rings drawn into the canvas, and the y below them.
//!
//! A track stands for 0 to 100 %. A value over 100 (a target beaten) is shown, not cut
//! off: the tracks then run to the largest value, and a marker labelled with 100 % crosses
//! them where the target is. A ring over 100 % is drawn full, and the excess as a second,
//! inner lap; its figure says the value.

use super::{Canvas, fmt_all, pie_arc};
use crate::geom::{Abs, Point};
use crate::layout::fragment::{align, height, width};
use crate::model::Chart;
use std::f64::consts::TAU;

/// The percentage a track stands for when no value beats it.
const TARGET: f64 = 100.0;
/// A ring's figure is set at most this share of the ring's inner diameter wide.
const FIGURE_SHARE: f64 = 0.7;

/// One bar per row: the label, its value flush right, the track beneath.
pub fn bars(c: &mut Canvas, chart: &Chart, width_all: Abs, top: Abs) -> Abs {
    let (pal, text, geo) = (c.cx.palette, &c.cx.theme.text, &c.cx.theme.chart);
    let label_style = c.cx.style(&text.chart_label, c.cx.ink.text);
    let value_style = c.cx.style(&text.chart_value, c.cx.ink.primary);
    let values = fmt_all(
        chart,
        &chart.data.iter().map(|d| d.value).collect::<Vec<_>>(),
    );
    let full = chart.data.iter().map(|d| d.value).fold(TARGET, f64::max);
    let mut y = top;
    let mut tracks = Vec::new();
    for (d, value) in chart.data.iter().zip(&values) {
        let vw = c.measure(value, &value_style);
        let lines = c.text(
            &d.label,
            &label_style,
            width_all - vw - geo.label_space * 2.0,
        );
        let h = height(&lines);
        c.f.stack(lines, Abs::ZERO, y);
        let v = c.text(value, &value_style, vw + geo.label_space);
        c.f.stack(v, width_all - vw, y);
        y += h + geo.track_before;
        c.rect(Abs::ZERO, y, width_all, geo.track, pal.tint);
        let share = (d.value / full).clamp(0.0, 1.0);
        c.rect(Abs::ZERO, y, width_all * share, geo.track, pal.primary);
        tracks.push(y);
        y += geo.track + geo.track_after;
    }
    if full > TARGET
        && let (Some(first), Some(last)) = (tracks.first(), tracks.last())
    {
        // The target: a rule across every track, labelled under the last one.
        let x = width_all * (TARGET / full);
        let (y0, y1) = (
            *first - geo.target_over,
            *last + geo.track + geo.target_over,
        );
        c.rect(
            x - geo.zero_line / 2.0,
            y0,
            geo.zero_line,
            y1 - y0,
            pal.text,
        );
        let tick_style = c.cx.style(&text.chart_tick, c.cx.ink.muted);
        let label = fmt_all(chart, &[TARGET]).remove(0);
        let w = c.measure(&label, &tick_style);
        let lines = c.text(&label, &tick_style, w + geo.label_space);
        let x = (x - w / 2.0).max(Abs::ZERO).min(width_all - w);
        y = c.f.stack(lines, x, y1 + geo.tick_gap) + geo.track_after;
    }
    y
}

/// One ring per label, side by side and wrapping onto rows: the ring's arc shows the
/// percentage, the figure sits in the middle, and the label under the ring.
pub fn rings(c: &mut Canvas, chart: &Chart, width_all: Abs, top: Abs) -> Abs {
    let (pal, text, geo) = (c.cx.palette, &c.cx.theme.text, &c.cx.theme.chart);
    let values = fmt_all(
        chart,
        &chart.data.iter().map(|d| d.value).collect::<Vec<_>>(),
    );
    let d = geo.ring.min(width_all);
    let across = (((width_all + geo.ring_gap).to_pt() / (d + geo.ring_gap).to_pt()).floor()
        as usize)
        .clamp(1, chart.data.len().max(1));
    let cell = (width_all - geo.ring_gap * (across as f64 - 1.0)) / across as f64;
    let label_style = c.cx.style(&text.chart_label, c.cx.ink.text);
    let (r, stroke) = (d / 2.0, geo.ring_width.min(d / 4.0));
    let hole = r - stroke;
    // The figure: the section figure size, or smaller until the widest fits the hole.
    let mut figure = c.cx.style(&text.figure_section, c.cx.ink.primary);
    let widest = values
        .iter()
        .map(|v| c.measure(v, &figure))
        .fold(Abs::ZERO, Abs::max);
    let room = hole * 2.0 * FIGURE_SHARE;
    if widest > room {
        figure.size = (figure.size * (room.to_pt() / widest.to_pt())).max(text.chart_value.size);
    }
    let mut y = top;
    for row in chart
        .data
        .iter()
        .zip(&values)
        .collect::<Vec<_>>()
        .chunks(across)
    {
        let mut bottom = y + d;
        for (k, (datum, value)) in row.iter().enumerate() {
            let x0 = (cell + geo.ring_gap) * k as f64;
            let centre = Point::new(x0 + cell / 2.0, y + r);
            c.shape(pie_arc(centre, r, hole, 0.0, TAU), pal.tint);
            let laps = datum.value / TARGET;
            let first = laps.min(1.0);
            if first > 0.0 {
                c.shape(pie_arc(centre, r, hole, 0.0, TAU * first), pal.primary);
            }
            if laps > 1.0 {
                // The excess as an inner lap, inside the full ring.
                let extra = (laps - 1.0).min(1.0);
                let inner = hole - stroke * 0.25;
                c.shape(
                    pie_arc(centre, inner, inner - stroke * 0.5, 0.0, TAU * extra),
                    pal.text,
                );
            }
            let w = c.measure(value, &figure);
            let lines = c.text(value, &figure, w + geo.label_space);
            let h = height(&lines);
            c.f.stack(lines, centre.x - w / 2.0, centre.y - h / 2.0);
            let label = c.text(&datum.label, &label_style, cell);
            let lw = width(&label);
            let label = align(label, lw, 0.5);
            bottom = bottom.max(c.f.stack(label, centre.x - lw / 2.0, y + d + geo.track_before));
        }
        y = bottom + geo.ring_gap;
    }
    y - geo.ring_gap + geo.axis_after
}
