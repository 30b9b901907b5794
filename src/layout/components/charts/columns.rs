//! Column, stacked column and line charts: a vertical value axis with nice ticks, one slot
//! per label with the label beneath, and columns, segments or a line through points.
//!
//! In: the chart and the room. Out: the chart drawn into the canvas, and the y below it.
//! Columns rise from zero and negative ones hang below it; a line's axis is fitted to its
//! data when zero is far from it. Labels under the slots wrap to the slot; when a word
//! does not fit or a label would take more than [`MAX_LABEL_LINES`] lines, the labels are
//! thinned — every k-th is shown, set in k slots — so none collides. Values print over
//! their column (under a negative one) when every one fits its slot, and are otherwise
//! left to the axis, the alt text and the data table.

use super::{Canvas, RULE, fit_axis, fmt_all, legend, zero_line};
use crate::geom::{Abs, Point, Size};
use crate::layout::fragment::{align, height, width};
use crate::model::chart::axis::Baseline;
use crate::model::{Chart, ChartKind};

/// A column takes this share of its slot; the rest separates it from its neighbours.
const COLUMN_SHARE: f64 = 0.6;
/// A label under a slot may take this many lines before labels are thinned.
const MAX_LABEL_LINES: usize = 3;

/// Draws the chart; returns the y below its labels.
pub fn vertical(c: &mut Canvas, chart: &Chart, width_all: Abs, top: Abs) -> Abs {
    let (pal, text, geo) = (c.cx.palette, &c.cx.theme.text, &c.cx.theme.chart);
    let stacked = chart.kind == ChartKind::StackedColumn;
    let line = chart.kind == ChartKind::Line;
    let colours = c.colours(chart.series.len().max(1));
    let mut top = top;
    if stacked {
        top = legend(c, &chart.series, &colours, width_all, top);
    }
    let plot_h = geo.plot_height;
    // The range: stacked columns reach the sums of their positive and negative parts.
    let extents: Vec<(f64, f64)> = chart
        .data
        .iter()
        .map(|d| {
            if stacked {
                (
                    d.values.iter().filter(|v| **v < 0.0).sum(),
                    d.values.iter().filter(|v| **v > 0.0).sum(),
                )
            } else {
                (d.value, d.value)
            }
        })
        .collect();
    let min = extents.iter().map(|e| e.0).fold(f64::MAX, f64::min);
    let max = extents.iter().map(|e| e.1).fold(f64::MIN, f64::max);
    let baseline = if line { Baseline::Fit } else { Baseline::Zero };
    let (axis, tick_labels) = fit_axis(c, chart, (min, max), baseline, plot_h, false);
    // The value axis is as wide as its widest label.
    let tick_style = c.cx.style(&text.chart_tick, c.cx.ink.muted);
    let widest_tick = tick_labels
        .iter()
        .map(|l| c.measure(l, &tick_style))
        .fold(Abs::ZERO, Abs::max);
    let axis_w = geo
        .axis_width
        .max(widest_tick + geo.axis_gap + geo.tick_pad);
    let n = chart.data.len().max(1);
    let slot = (width_all - axis_w) / n as f64;
    let plot_top = top + geo.plot_top;
    let base = plot_top + plot_h;
    let y_of = |v: f64| base - plot_h * axis.at(v);
    let zero_y = y_of(axis.base());

    let mut grid = Vec::new();
    for (tick, label) in axis.ticks.iter().zip(&tick_labels) {
        let gy = y_of(*tick);
        grid.push((Point::new(axis_w, gy), Size::new(width_all - axis_w, RULE)));
        let lines = c.text(label, &tick_style, axis_w - geo.tick_pad);
        let lines = align(lines, axis_w - geo.axis_gap, 1.0);
        c.f.stack(lines, Abs::ZERO, gy - geo.tick_rise);
    }
    c.under(grid.into_iter());

    // Values: printed when every one fits its slot (a total for stacked columns).
    let value_style = c.cx.style(
        &text.chart_value,
        if stacked {
            c.cx.ink.text
        } else {
            c.cx.ink.primary
        },
    );
    let printed: Vec<f64> = if stacked {
        chart.data.iter().map(|d| d.values.iter().sum()).collect()
    } else {
        chart.data.iter().map(|d| d.value).collect()
    };
    let printed = fmt_all(chart, &printed);
    let show_values = printed
        .iter()
        .all(|v| c.measure(v, &value_style) + geo.label_space <= slot);

    let mut points = Vec::new();
    for (i, d) in chart.data.iter().enumerate() {
        let x0 = axis_w + slot * i as f64;
        let centre = x0 + slot / 2.0;
        let bar_w = slot * COLUMN_SHARE;
        let (lo, hi) = extents[i];
        if stacked {
            let (mut pos, mut neg) = (0.0f64, 0.0f64);
            for (j, v) in d.values.iter().enumerate() {
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
                let (a, b) = (y_of(from), y_of(to));
                let (y0, y1) = (a.min(b), a.max(b));
                // The paper gap is taken from the far end, so the zero line stays exact.
                let (y0, y1) = if *v > 0.0 {
                    ((y0 + geo.segment_gap).min(y1), y1)
                } else {
                    (y0, (y1 - geo.segment_gap).max(y0))
                };
                c.rect(
                    centre - bar_w / 2.0,
                    y0,
                    bar_w,
                    y1 - y0,
                    colours[j % colours.len()],
                );
            }
        } else if line {
            let vy = y_of(d.value);
            points.push(Point::new(centre, vy));
            let dot = geo.dot;
            c.rect(centre - dot / 2.0, vy - dot / 2.0, dot, dot, pal.primary);
        } else {
            let vy = y_of(d.value);
            let (y0, y1) = (vy.min(zero_y), vy.max(zero_y));
            c.rect(centre - bar_w / 2.0, y0, bar_w, y1 - y0, pal.primary);
        }
        if show_values {
            let value = c.text(&printed[i], &value_style, slot);
            let value = align(value, slot, 0.5);
            let vh = height(&value);
            // Over the column's top, or under a negative column's foot.
            let y = if hi <= 0.0 && lo < 0.0 && !line {
                y_of(lo) + geo.value_above - vh
            } else {
                y_of(hi) - geo.value_above
            };
            c.f.stack(value, x0, y);
        }
    }
    if points.len() > 1 {
        c.line(points, geo.line_width, pal.primary);
    }
    if !line {
        zero_line(
            c,
            Point::new(axis_w, zero_y - geo.zero_line / 2.0),
            Size::new(width_all - axis_w, geo.zero_line),
        );
    }

    // Labels under the slots, thinned until each fits its room.
    let label_style = c.cx.style(&text.chart_slot_label, c.cx.ink.text);
    let below = y_of(axis.lo).max(zero_y)
        + if show_values && min < 0.0 && !line {
            // Values under negative columns hang below the axis's foot.
            value_style.size * value_style.leading
        } else {
            Abs::ZERO
        };
    let room_of = |every: usize| slot * every as f64 - geo.slot_inset * 2.0;
    let mut every = 1;
    let placed = loop {
        match slot_labels(c, chart, every, room_of(every), (axis_w, slot, width_all)) {
            Some(p) => break p,
            None if every < n => every += 1,
            // One label alone, wrapped to the chart's width, always fits.
            None => break Vec::new(),
        }
    };
    // Said when it matters: what the page cannot show is only in the alt text, unless the
    // chart gives its data as a table too.
    if (every > 1 || !show_values) && !chart.table {
        c.notes.push(crowded(chart, every, show_values));
    }
    let mut bottom = below;
    for (i, x, room) in placed {
        let lines = c.text(&chart.data[i].label, &label_style, room);
        let w = width(&lines);
        let lines = align(lines, w, 0.5);
        bottom = bottom.max(c.f.stack(lines, x, below + geo.slot_label_gap));
    }
    bottom + geo.vertical_after
}

/// Where the labels of every `every`-th slot go, each wrapped to `room` and centred on its
/// slot inside the chart: (datum, x, room). `None` when a word does not fit, a label takes
/// more than [`MAX_LABEL_LINES`] lines, or two labels would touch. Measured on a scratch
/// skeleton, so a layout tried and refused leaves nothing behind.
fn slot_labels(
    c: &Canvas,
    chart: &Chart,
    every: usize,
    room: Abs,
    (axis_w, slot, width_all): (Abs, Abs, Abs),
) -> Option<Vec<(usize, Abs, Abs)>> {
    let geo = &c.cx.theme.chart;
    let style = c.cx.style(&c.cx.theme.text.chart_slot_label, c.cx.ink.text);
    let mut scratch = crate::layout::fragment::Skeleton::new();
    let node = crate::layout::fragment::Skeleton::ANCHOR;
    let mut out = Vec::new();
    let mut right = Abs(f64::MIN);
    for (i, d) in chart
        .data
        .iter()
        .enumerate()
        .filter(|(i, _)| i % every == 0)
    {
        let longest_word = d
            .label
            .split_whitespace()
            .map(|w| c.measure(w, &style))
            .fold(Abs::ZERO, Abs::max);
        if longest_word > room {
            return None;
        }
        let lines = c.cx.text(&mut scratch, node, &d.label, &style, room);
        // Thinned labels are short ones (dates, codes): one line each, so they read as a
        // scale; labels of their own may wrap to a few lines.
        let most = if every > 1 { 1 } else { MAX_LABEL_LINES };
        if lines.len() > most && every < chart.data.len() {
            return None;
        }
        let w = width(&lines);
        let centre = axis_w + slot * (i as f64 + 0.5);
        let x = (centre - w / 2.0).max(axis_w).min(width_all - w);
        if x < right + geo.label_space {
            return None;
        }
        right = x + w;
        out.push((i, x, room));
    }
    Some(out)
}

/// The warning for a chart with more columns or points than its width can label: which
/// labels are shown, whether the values are, and the two ways to show them all.
fn crowded(chart: &Chart, every: usize, show_values: bool) -> crate::diag::Diagnostic {
    let n = chart.data.len();
    let what = if chart.kind == ChartKind::Line {
        "points"
    } else {
        "columns"
    };
    let labels = match every {
        1 => "every label is shown".to_string(),
        2 => "every second label is shown".to_string(),
        3 => "every third label is shown".to_string(),
        k => format!("one label in {k} is shown"),
    };
    let values = if show_values {
        ""
    } else {
        ", and no values are printed on the chart"
    };
    crate::diag::Diagnostic::warning(
        format!("this chart has {n} {what}, more than its width can label: {labels}{values}"),
        chart.placement.span.clone(),
    )
    .with_help(
        "write table = true to give every figure in a table after the chart, or chart = \"bar\", whose bars take every label and continue onto the next page",
    )
}
