//! Pie and donut charts: shares of a whole as slices of a circle, and a legend beside it.
//!
//! In: the chart (non-negative values with a positive total, checked by the model) and the
//! room. Out: the pie and its legend drawn into the canvas, and the y below them.
//!
//! Slices run clockwise from twelve o'clock in the order written, parted by a gap of
//! paper. Each slice's whole percentage (adding up to 100) is printed on the slice when it
//! fits and reads there, and otherwise just outside the rim, with a leader line; the
//! legend beside the pie lists every slice in the same order with its swatch, name,
//! percentage and value, so no slice is known by its colour alone. A donut prints its total
//! in the hole. More slices than [`MAX_SLICES`] are too many to tell apart: the smallest
//! are drawn together as one "Other" slice (the alt text and data table keep them all).

use super::{Canvas, fmt_all, percent_labels};
use crate::frame::Segment;
use crate::geom::{Abs, Color, Point};
use crate::layout::cx::ParStyle;
use crate::layout::fragment::{align, height, width};
use crate::model::{Chart, ChartKind, Datum};
use std::f64::consts::{FRAC_PI_2, TAU};

/// At most this many slices are drawn: beyond it the smallest are grouped as "Other".
pub const MAX_SLICES: usize = 8;
/// A slice's percentage is printed on it only if the slice is at least this wide, in
/// radians at its middle radius (about 18°), and the label fits its chord.
const INSIDE_MIN_ANGLE: f64 = 0.32;

/// Draws the pie or donut and its legend; returns the y below them.
pub fn pie(c: &mut Canvas, chart: &Chart, width_all: Abs, top: Abs) -> Abs {
    let (pal, text, geo) = (c.cx.palette, &c.cx.theme.text, &c.cx.theme.chart);
    let donut = chart.kind == ChartKind::Donut;
    let shown = grouped(chart);
    let view = Chart {
        data: shown.clone(),
        ..chart.clone()
    };
    let percents = percent_labels(&view).unwrap_or_default();
    let values = fmt_all(chart, &shown.iter().map(|d| d.value).collect::<Vec<_>>());
    let colours = c.colours(shown.len());

    let label_style = c.cx.style(&text.chart_tick, c.cx.ink.text);
    let outside_w = percents
        .iter()
        .map(|p| c.measure(p, &label_style))
        .fold(Abs::ZERO, Abs::max);
    // Room for percentages outside the rim on either side, then the pie, then the legend.
    let side = outside_w + geo.leader;
    let d = geo.pie.min(width_all * geo.pie_share).max(geo.ring);
    let r = d / 2.0;
    let line_h = label_style.size * label_style.leading;
    // Room above the pie for a percentage outside a slice at twelve o'clock.
    let centre = Point::new(side + r, top + geo.leader + line_h + r);
    let hole = if donut { r * geo.donut_hole } else { Abs::ZERO };

    // Slices: drawn from twelve o'clock, clockwise.
    let total: f64 = shown.iter().map(|d| d.value).sum();
    let mut angle = 0.0;
    let mut slices = Vec::new();
    for (j, datum) in shown.iter().enumerate() {
        let sweep = if total > 0.0 {
            TAU * datum.value / total
        } else {
            0.0
        };
        slices.push((angle, angle + sweep, colours[j]));
        angle += sweep;
    }
    for (a0, a1, fill) in &slices {
        if a1 - a0 <= 0.0 {
            continue;
        }
        c.shape(annulus(centre, r, hole, *a0, *a1), *fill);
    }
    // A gap of paper between neighbouring slices (none around a single whole slice).
    let drawn = slices.iter().filter(|(a0, a1, _)| a1 > a0).count();
    if drawn > 1 {
        for (a0, a1, _) in slices.iter().filter(|(a0, a1, _)| a1 > a0) {
            for a in [*a0, *a1] {
                c.line(
                    vec![at(centre, hole, a), at(centre, r + geo.segment_gap, a)],
                    geo.segment_gap * 2.0,
                    pal.paper,
                );
            }
        }
    }

    // Percentages: on the slice, or outside it with a leader line. Outside labels are
    // kept apart on each side by pushing each down past the one above it.
    let mid_r = (r + hole) / 2.0;
    let mut outside: Vec<(usize, f64)> = Vec::new();
    for (j, (a0, a1, fill)) in slices.iter().enumerate() {
        if a1 - a0 <= 0.0 {
            continue;
        }
        let mid = (a0 + a1) / 2.0;
        let w = c.measure(&percents[j], &label_style);
        let chord = mid_r * (a1 - a0).min(std::f64::consts::PI);
        let ink = c.ink_on(*fill);
        match ink {
            Some(ink)
                if a1 - a0 >= INSIDE_MIN_ANGLE && w + geo.label_space <= chord && drawn > 1 =>
            {
                let p = at(centre, if donut { mid_r } else { r * 0.62 }, mid);
                let style = ParStyle {
                    color: ink,
                    ..label_style
                };
                let lines = c.text(&percents[j], &style, w + geo.label_space);
                c.f.stack(lines, p.x - w / 2.0, p.y - line_h / 2.0);
            }
            Some(ink) if drawn == 1 => {
                // One whole slice: its 100 % in the middle of the ring or pie.
                let style = ParStyle {
                    color: if donut { c.cx.ink.text } else { ink },
                    ..label_style
                };
                let lines = c.text(&percents[j], &style, w + geo.label_space);
                let y = if donut {
                    centre.y + line_h / 2.0
                } else {
                    centre.y - line_h / 2.0
                };
                c.f.stack(lines, centre.x - w / 2.0, y);
            }
            _ => outside.push((j, mid)),
        }
    }
    let mut bottom = centre.y + r;
    for right_side in [true, false] {
        let mut side_labels: Vec<(usize, f64, Abs)> = outside
            .iter()
            .filter(|(_, mid)| (mid.sin() >= 0.0) == right_side)
            .map(|(j, mid)| (*j, *mid, at(centre, r + geo.leader, *mid).y - line_h / 2.0))
            .collect();
        side_labels.sort_by(|a, b| a.2.0.total_cmp(&b.2.0));
        let mut next_free = Abs(f64::MIN);
        for (j, mid, y) in side_labels {
            let y = y.max(next_free);
            next_free = y + line_h;
            let w = c.measure(&percents[j], &label_style);
            let rim = at(centre, r, mid);
            let x = if right_side {
                (centre.x + r + geo.leader / 2.0).max(rim.x + geo.leader / 2.0)
            } else {
                (centre.x - r - geo.leader / 2.0 - w).min(rim.x - geo.leader / 2.0 - w)
            };
            let near = if right_side { x } else { x + w };
            c.line(
                vec![rim, Point::new(near, y + line_h / 2.0)],
                super::RULE * 2.0,
                pal.muted,
            );
            let lines = c.text(&percents[j], &label_style, w + geo.label_space);
            bottom = bottom.max(c.f.stack(lines, x, y));
        }
    }

    // A donut's total in its hole, if it fits there.
    if donut {
        let sum = fmt_all(chart, &[chart.data.iter().map(|d| d.value).sum()]);
        let style = c.cx.style(&text.figure_title, c.cx.ink.text);
        let w = c.measure(&sum[0], &style);
        let h = style.size * style.leading;
        if w <= hole * 1.6 && drawn > 1 {
            let lines = c.text(&sum[0], &style, w + geo.label_space);
            c.f.stack(lines, centre.x - w / 2.0, centre.y - h / 2.0);
        }
    }

    // The legend: a row per slice, in drawing order.
    let legend_x = centre.x + r + side + geo.legend_indent;
    let legend_w = width_all - legend_x;
    let legend_top = top;
    let y_end = if legend_w > geo.value_room * 2.0 {
        legend(
            c, &shown, &percents, &values, &colours, legend_x, legend_w, legend_top,
        )
    } else {
        // Too narrow beside the pie: the legend goes under it.
        legend(
            c,
            &shown,
            &percents,
            &values,
            &colours,
            Abs::ZERO,
            width_all,
            bottom + geo.legend_after,
        )
    };
    bottom.max(y_end) + geo.axis_after
}

/// The legend's rows: swatch, name (wrapped), then percentage and value flush right.
#[allow(clippy::too_many_arguments)]
fn legend(
    c: &mut Canvas,
    shown: &[Datum],
    percents: &[String],
    values: &[String],
    colours: &[Color],
    x: Abs,
    w: Abs,
    top: Abs,
) -> Abs {
    let (text, geo) = (&c.cx.theme.text, &c.cx.theme.chart);
    let name_style = c.cx.style(&text.legend, c.cx.ink.text);
    let figure_style = c.cx.style(&text.chart_value, c.cx.ink.text);
    let mut y = top;
    for (j, d) in shown.iter().enumerate() {
        let figures = format!("{}  {}", percents[j], values[j]);
        let fw = c.measure(&figures, &figure_style);
        let name_x = x + geo.swatch + geo.swatch_gap;
        let full = w - geo.swatch - geo.swatch_gap;
        // Figures beside the name while the name keeps most of the row; under it otherwise
        // (large print, a narrow page).
        let beside = full - fw - geo.label_space >= full * 0.45;
        let name_w = if beside {
            full - fw - geo.label_space
        } else {
            full
        };
        let name = c.text(&d.label, &name_style, name_w);
        let nh = height(&name);
        let fig = c.text(&figures, &figure_style, fw + geo.label_space);
        let fig_w = width(&fig);
        c.rect(x, y + geo.swatch_drop, geo.swatch, geo.swatch, colours[j]);
        c.f.stack(name, name_x, y);
        let h = if beside {
            let fig = align(fig, fig_w, 1.0);
            let fh = c.f.stack(fig, x + w - fig_w, y) - y;
            nh.max(fh)
        } else {
            c.f.stack(fig, name_x, y + nh) - y
        };
        y += h + geo.bar_gap * 2.0;
    }
    y
}

/// The slices drawn: every datum, or, past [`MAX_SLICES`], the largest ones in their
/// order and one "Other" slice holding the rest.
pub(super) fn grouped(chart: &Chart) -> Vec<Datum> {
    if chart.data.len() <= MAX_SLICES {
        return chart.data.clone();
    }
    let mut by_size: Vec<usize> = (0..chart.data.len()).collect();
    by_size.sort_by(|a, b| chart.data[*b].value.total_cmp(&chart.data[*a].value));
    let keep: Vec<usize> = by_size[..MAX_SLICES - 1].to_vec();
    let mut out: Vec<Datum> = (0..chart.data.len())
        .filter(|i| keep.contains(i))
        .map(|i| chart.data[i].clone())
        .collect();
    let rest: f64 = (0..chart.data.len())
        .filter(|i| !keep.contains(i))
        .map(|i| chart.data[i].value)
        .sum();
    let count = chart.data.len() - keep.len();
    out.push(Datum {
        label: format!("{} ({count})", chart.words.other),
        value: rest,
        values: vec![rest],
    });
    out
}

/// The point at `radius` from `centre`, `angle` radians clockwise from twelve o'clock.
fn at(centre: Point, radius: Abs, angle: f64) -> Point {
    Point::new(
        centre.x + radius * angle.sin(),
        centre.y - radius * angle.cos(),
    )
}

/// The outline of a slice from `a0` to `a1` between radii `inner` (0 for a pie) and
/// `outer`: arcs of at most a quarter turn as cubic Béziers (the standard 4/3 tan(θ/4)
/// control distance, within 0.03 % of the circle).
pub(super) fn annulus(centre: Point, outer: Abs, inner: Abs, a0: f64, a1: f64) -> Vec<Segment> {
    let mut path = vec![Segment::Move(at(centre, outer, a0))];
    arc(&mut path, centre, outer, a0, a1);
    if inner > Abs::ZERO {
        path.push(Segment::Line(at(centre, inner, a1)));
        arc(&mut path, centre, inner, a1, a0);
    } else if a1 - a0 < TAU - 1e-9 {
        path.push(Segment::Line(centre));
    }
    path.push(Segment::Close);
    path
}

/// Appends an arc from `a0` to `a1` (either direction) at `radius`.
fn arc(path: &mut Vec<Segment>, centre: Point, radius: Abs, a0: f64, a1: f64) {
    let pieces = ((a1 - a0).abs() / FRAC_PI_2).ceil().max(1.0) as usize;
    let step = (a1 - a0) / pieces as f64;
    let k = 4.0 / 3.0 * (step / 4.0).tan();
    for i in 0..pieces {
        let (s, e) = (a0 + step * i as f64, a0 + step * (i + 1) as f64);
        let (p0, p3) = (at(centre, radius, s), at(centre, radius, e));
        // The tangent of the clockwise angle is (cos a, sin a) in page coordinates.
        let p1 = Point::new(p0.x + radius * k * s.cos(), p0.y + radius * k * s.sin());
        let p2 = Point::new(p3.x - radius * k * e.cos(), p3.y - radius * k * e.sin());
        path.push(Segment::Cubic(p1, p2, p3));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_arc_stays_on_its_circle() {
        let centre = Point::new(Abs(100.0), Abs(100.0));
        let mut path = Vec::new();
        arc(&mut path, centre, Abs(50.0), 0.3, 2.9);
        for seg in &path {
            if let Segment::Cubic(_, _, end) = seg {
                let d = ((end.x.0 - 100.0).powi(2) + (end.y.0 - 100.0).powi(2)).sqrt();
                assert!((d - 50.0).abs() < 1e-9);
            }
        }
        assert_eq!(path.len(), 2);
    }
}
