//! Charts drawn from data: horizontal bars, columns, lines and percentage bars.
//!
//! In: a chart's data and format, and the column width. Out: one unsplittable block — a
//! figure with its alternative text, whose labels and values are real, selectable text and
//! whose bars, gridlines and line are vector shapes in the brand's colours (artifacts: the
//! figure's alt text says what they show). Value axes run from zero to the first "nice"
//! number (1, 2, 2.5 or 5 times a power of ten) past the largest value.

use super::flow::{Block, Slice};
use super::style::{Ctx, ParStyle, align, rect, stack, text_width};
use crate::frame::{Artifact, Item, ItemKind, NodeId, Role, Tag};
use crate::geom::{Abs, Point};
use crate::model::{Chart, ChartKind, numbers};

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
/// Small print: labels, ticks and values.
const SMALL: f64 = 9.0;

/// A chart's value as its format prints it.
pub fn fmt(chart: &Chart, v: f64) -> String {
    numbers::format_in(v, &chart.format, chart.locale).unwrap_or_else(|| v.to_string())
}

/// The most intervals an axis gets: the step is at least a quarter of the range, and the
/// ends round outwards by at most one step each.
const MAX_INTERVALS: usize = 8;

/// "Nice" axis ticks covering `min` to `max` and zero: multiples of a step of 1, 2, 2.5 or 5
/// times a power of ten, giving about four intervals. O(1) in the values' magnitude: at
/// most [`MAX_INTERVALS`] + 1 ticks whatever the values are (a range too small or too large
/// for a power of ten to be computed gets its two ends as ticks).
pub fn nice_ticks(min: f64, max: f64) -> Vec<f64> {
    let (lo, hi) = (min.min(0.0), max.max(0.0));
    let span = hi - lo;
    if !span.is_finite() || span <= 0.0 {
        return vec![0.0, 1.0];
    }
    let raw = span / 4.0;
    let mag = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 2.5, 5.0, 10.0]
        .iter()
        .map(|m| m * mag)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * mag);
    let (first, last) = ((lo / step).floor(), (hi / step).ceil());
    let intervals = last - first;
    if !(step.is_normal() && intervals.is_finite() && intervals >= 1.0)
        || intervals > MAX_INTERVALS as f64
    {
        return vec![lo, hi];
    }
    (0..=intervals as usize)
        .map(|i| (first + i as f64) * step)
        .collect()
}

/// Lays out a chart.
pub fn chart(ctx: &mut Ctx, parent: NodeId, chart: &Chart, width: Abs) -> Block {
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
        ChartKind::Bar | ChartKind::Grouped => {
            // Series colours contrast at least 3:1 with the page (WCAG 1.4.11), so the
            // light accent is not among them.
            let colours = [pal.primary, pal.muted, pal.text];
            if chart.kind == ChartKind::Grouped {
                y = legend(ctx, fig, &mut slice, &chart.series, &colours, width, y);
            }
            let label_w = width * LABEL_SHARE;
            let plot_x = label_w + Abs(8.0);
            let plot_w = width - plot_x - VALUE_ROOM;
            let max = chart
                .data
                .iter()
                .flat_map(|d| d.values.iter())
                .fold(0.0f64, |m, v| m.max(*v));
            let axis = nice_ticks(0.0, max);
            let ticks = axis.len() - 1;
            let top = axis[ticks];
            let plot_top = y;
            let mut grid = Vec::new();
            for d in &chart.data {
                let n = d.values.len();
                let t = if n == 1 {
                    BAR_THICKNESS
                } else {
                    BAR_THICKNESS * 0.8
                };
                let group = t * n as f64 + Abs(2.0) * (n as f64 - 1.0);
                let lines = ctx.text(&d.label, &label_style, label_w, fig);
                let label_h = lines.iter().fold(Abs::ZERO, |a, l| a + l.height);
                let h = label_h.max(group + BAR_ROW - BAR_THICKNESS);
                stack(&mut slice, lines, Abs::ZERO, y + (h - label_h) / 2.0);
                for (j, v) in d.values.iter().enumerate() {
                    let len = plot_w * (v / top).max(0.0);
                    let bar_y = y + (h - group) / 2.0 + (t + Abs(2.0)) * j as f64;
                    let colour = colours[j % colours.len()];
                    slice.items.push(rect(plot_x, bar_y, len, t, colour));
                    let style = ParStyle {
                        color: colour,
                        ..value_style
                    };
                    let value = ctx.text(&fmt(chart, *v), &style, VALUE_ROOM + plot_w, fig);
                    stack(&mut slice, value, plot_x + len + Abs(5.0), bar_y - Abs(1.5));
                }
                y += h;
            }
            // Gridlines and tick labels, from zero to the first nice value past the largest.
            for (i, tick) in axis.iter().enumerate() {
                let x = plot_x + plot_w * (i as f64 / ticks as f64);
                grid.push(rect(x, plot_top, Abs(0.5), y - plot_top, pal.tint));
                let label =
                    numbers::format_in(*tick, &chart.format, chart.locale).unwrap_or_default();
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
    let axis = nice_ticks(0.0, max);
    let ticks = axis.len() - 1;
    let axis_top = axis[ticks];
    // Room above the plot for the value over the tallest column.
    let plot_top = top + Abs(14.0);
    let base = plot_top + plot_h;
    let y_of = |v: f64| base - plot_h * (v / axis_top).max(0.0);
    let tick_style = ctx.display(SMALL - 1.0, pal.muted, false, 1.2);
    let mut grid = Vec::new();
    for tick in &axis {
        let gy = y_of(*tick);
        grid.push(rect(axis_w, gy, width - axis_w, Abs(0.5), pal.tint));
        let label = numbers::format_in(*tick, &chart.format, chart.locale).unwrap_or_default();
        let lines = ctx.text(&label, &tick_style, axis_w - Abs(4.0), fig);
        let lines = align(lines, axis_w - Abs(6.0), 1.0);
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

/// A legend: a swatch and the name of each series, on one line.
fn legend(
    ctx: &mut Ctx,
    fig: NodeId,
    slice: &mut Slice,
    series: &[String],
    colours: &[crate::geom::Color],
    width: Abs,
    y: Abs,
) -> Abs {
    let style = ctx.display(SMALL, ctx.report.palette.text, false, 1.3);
    let mut x = Abs::ZERO;
    let mut bottom = y;
    for (j, name) in series.iter().enumerate() {
        let swatch = Abs(8.0);
        slice.items.push(rect(
            x,
            y + Abs(2.0),
            swatch,
            swatch,
            colours[j % colours.len()],
        ));
        let lines = ctx.text(name, &style, width / 2.0, fig);
        let w = lines.iter().map(text_width).fold(Abs::ZERO, Abs::max);
        bottom = bottom.max(stack(slice, lines, x + swatch + Abs(4.0), y));
        x += swatch + Abs(4.0) + w + Abs(14.0);
    }
    bottom + Abs(6.0)
}

/// Centres text slices in `width`.
fn centre_lines(lines: Vec<Slice>, width: Abs) -> Vec<Slice> {
    align(lines, width, 0.5)
}

#[cfg(test)]
mod tests {
    use super::nice_ticks;

    #[test]
    fn ticks_are_nice_and_cover_the_values() {
        assert_eq!(nice_ticks(0.0, 99.0), vec![0.0, 25.0, 50.0, 75.0, 100.0]);
        assert_eq!(nice_ticks(0.0, 55e6), vec![0.0, 20e6, 40e6, 60e6]);
        assert_eq!(nice_ticks(-3.0, 7.0), vec![-5.0, -2.5, 0.0, 2.5, 5.0, 7.5]);
        assert_eq!(nice_ticks(0.0, 0.0), vec![0.0, 1.0]);
    }

    #[test]
    fn extreme_values_give_a_handful_of_ticks() {
        for (lo, hi) in [
            (0.0, 5e-324),
            (0.0, f64::MIN_POSITIVE),
            (0.0, 1e308),
            (-1e308, 1e308),
            (0.0, f64::MAX),
            (0.0, f64::NAN),
            (f64::NEG_INFINITY, f64::INFINITY),
        ] {
            let t = nice_ticks(lo, hi);
            assert!((2..=9).contains(&t.len()), "{lo} {hi}: {t:?}");
            assert!(t.windows(2).all(|w| w[0] < w[1]), "{lo} {hi}: {t:?}");
        }
    }
}
