//! Pies, donuts and progress rings for the web edition: a square SVG each, scaled with the
//! text, and the legend as an HTML list beside it.
//!
//! In: a chart from the model. Out: the `<figure>`, as `charts::chart` makes for the other
//! kinds: the title as its caption, an `<svg role="img">` named by the chart's alt text, and
//! the data as a table. Slices run clockwise from twelve o'clock in the order written, as in
//! the PDF, with the same colours (`--series-N`) and the same whole percentages, adding up
//! to 100. The legend lists every slice in drawing order with its name, percentage and
//! value, so no slice is known by its colour alone; screen readers get all of that from the
//! alt text and the table, so the legend is hidden from them rather than read twice.

use super::charts::legend_item;
use super::components::{Ctx, table};
use crate::layout::components::charts::{fmt_all, percent_labels, slices};
use crate::model::{Chart, ChartKind};
use maud::{Markup, html};
use std::f64::consts::TAU;

/// A donut's hole, as a share of its radius (the PDF's proportion).
const HOLE: f64 = 0.56;

/// The figure of a pie, donut or ring chart.
pub fn figure(ctx: &mut Ctx, c: &Chart, alt_id: &str, caption_id: &str) -> Markup {
    let data = super::charts::data_table(c);
    let named_by = c.title.as_ref().map(|_| caption_id);
    let table_markup = table(ctx, &data, None, named_by);
    let body = if c.kind == ChartKind::Ring {
        rings(c, alt_id)
    } else {
        pie(c, alt_id)
    };
    html! {
        figure.chart {
            @if let Some(t) = &c.title { figcaption.title id=(caption_id) { (t) } }
            (body)
            @if c.table {
                (table_markup)
            } @else {
                details {
                    summary lang=[ctx.ui_lang] { (ctx.strings.show_data) }
                    (table_markup)
                }
            }
        }
    }
}

/// The point at radius `r` and `a` radians clockwise from twelve o'clock, in a unit square
/// around the origin.
fn at(r: f64, a: f64) -> (f64, f64) {
    (r * a.sin(), -r * a.cos())
}

/// The path of a slice (or, with `hole` > 0, of a ring's segment).
fn slice(a0: f64, a1: f64, hole: f64) -> String {
    // A whole circle is two half arcs: an arc cannot end where it starts.
    if a1 - a0 >= TAU - 1e-9 {
        return if hole > 0.0 {
            format!(
                "M0,-1 A1,1 0 1 1 0,1 A1,1 0 1 1 0,-1 Z M0,-{hole:.4} A{hole:.4},{hole:.4} 0 1 0 0,{hole:.4} A{hole:.4},{hole:.4} 0 1 0 0,-{hole:.4} Z"
            )
        } else {
            "M0,-1 A1,1 0 1 1 0,1 A1,1 0 1 1 0,-1 Z".into()
        };
    }
    let large = if a1 - a0 > TAU / 2.0 { 1 } else { 0 };
    let (x0, y0) = at(1.0, a0);
    let (x1, y1) = at(1.0, a1);
    if hole > 0.0 {
        let (x2, y2) = at(hole, a1);
        let (x3, y3) = at(hole, a0);
        format!(
            "M{x0:.4},{y0:.4} A1,1 0 {large} 1 {x1:.4},{y1:.4} L{x2:.4},{y2:.4} A{hole:.4},{hole:.4} 0 {large} 0 {x3:.4},{y3:.4} Z"
        )
    } else {
        format!("M0,0 L{x0:.4},{y0:.4} A1,1 0 {large} 1 {x1:.4},{y1:.4} Z")
    }
}

fn pie(full: &Chart, alt_id: &str) -> Markup {
    let donut = full.kind == ChartKind::Donut;
    let view = Chart {
        data: slices(full),
        ..full.clone()
    };
    let c = &view;
    let values: Vec<f64> = c.data.iter().map(|d| d.value).collect();
    let total: f64 = values.iter().sum();
    let percents = percent_labels(c).unwrap_or_default();
    let figures = fmt_all(c, &values);
    let hole = if donut { HOLE } else { 0.0 };
    let mut a = 0.0;
    let mut slices = Vec::new();
    for (j, v) in values.iter().enumerate() {
        let sweep = if total > 0.0 { TAU * v / total } else { 0.0 };
        slices.push((a, a + sweep, j));
        a += sweep;
    }
    let drawn = slices.iter().filter(|(a0, a1, _)| a1 > a0).count();
    let sum = fmt_all(c, &[total]).remove(0);
    let alt = &full.alt;
    html! {
        div.pie {
            svg role="img" aria-labelledby=(alt_id) viewBox="-1.05 -1.05 2.1 2.1" width="12em" height="12em" {
                title id=(alt_id) { (alt) }
                @for (a0, a1, j) in &slices {
                    @if a1 > a0 {
                        path class=(format!("s{}", j % super::css::SERIES + 1)) d=(slice(*a0, *a1, hole)) {}
                    }
                }
                @if drawn > 1 {
                    @for (a0, a1, _) in &slices {
                        @if a1 > a0 {
                            @let (x0, y0) = at(hole, *a0);
                            @let (x1, y1) = at(1.05, *a0);
                            line.gap x1=(format!("{x0:.4}")) y1=(format!("{y0:.4}")) x2=(format!("{x1:.4}")) y2=(format!("{y1:.4}")) style="stroke-width: 0.02" {}
                        }
                    }
                }
                @if donut {
                    text.value-text x="0" y="0.08" text-anchor="middle" font-size="0.22" { (sum) }
                }
            }
            ul.legend aria-hidden="true" {
                @for (j, d) in c.data.iter().enumerate() {
                    (legend_item(j, &d.label, Some(&format!("{} {}", percents[j], figures[j]))))
                }
            }
        }
    }
}

fn rings(c: &Chart, alt_id: &str) -> Markup {
    let figures = fmt_all(c, &c.data.iter().map(|d| d.value).collect::<Vec<_>>());
    // One SVG names the whole chart; the rings' figures and labels are its visible parts.
    html! {
        div.rings role="img" aria-labelledby=(alt_id) {
            span hidden id=(alt_id) { (c.alt) }
            @for (d, f) in c.data.iter().zip(&figures) {
                @let laps = (d.value / 100.0).max(0.0);
                div.ring-item aria-hidden="true" {
                    svg viewBox="-1 -1 2 2" width="7em" height="7em" {
                        circle.ring-track r="0.85" stroke-width="0.22" {}
                        @if laps > 0.0 {
                            circle.ring r="0.85" stroke-width="0.22" pathLength="100"
                                stroke-dasharray=(format!("{:.2} 100", laps.min(1.0) * 100.0))
                                transform="rotate(-90)" {}
                        }
                        @if laps > 1.0 {
                            circle.ring-extra r="0.66" stroke-width="0.08" pathLength="100"
                                stroke-dasharray=(format!("{:.2} 100", (laps - 1.0).min(1.0) * 100.0))
                                transform="rotate(-90)" {}
                        }
                        text.ring-figure x="0" y="0.12" text-anchor="middle" font-size="0.36" { (f) }
                    }
                    p { (d.label) }
                }
            }
        }
    }
}
