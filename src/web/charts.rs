//! Charts → inline SVG that reflows, with the chart's alt text and its data as a table.
//!
//! In: a chart from the model. Out: a `<figure>` holding the title as its caption, an
//! `<svg role="img">` named by the chart's alt text, and the data as a real table (shown
//! when report.toml asks for the table, otherwise behind "Show the data").
//!
//! The SVG has no `viewBox`: it is as wide as the column, positions across are percentages
//! and positions down are `em`, so bars stretch with the screen while text keeps the
//! reader's size — at 320 pixels or at 200 % zoom nothing shrinks to illegibility or runs
//! off the side. Labels are wrapped for the narrowest screen from an estimate of the
//! average character width, since an SVG cannot wrap text itself. Bars start at a zero
//! axis: negative values run left of it (bars) or below it (columns). Colours are CSS
//! classes, so the dark scheme recolours the chart.

use super::components::{Ctx, table};
use super::css::SERIES;
use crate::layout::components::charts::fmt_all;
use crate::model::chart::axis::{self, Baseline};
use crate::model::{Chart, ChartKind, Datum, Table};
use maud::{Markup, html};

/// The content width at a 320-pixel viewport: 320 less 1rem of padding each side.
const NARROW_PX: f64 = 288.0;
/// The content width at the 48rem breakpoint, where the column is at its widest and column
/// labels that stand upright on a phone may lie flat.
const WIDE_PX: f64 = 736.0;
/// Chart text is 0.875rem: 14 pixels at the browsers' default size.
const TEXT_PX: f64 = 14.0;
/// A generous average advance of a sans-serif character, in em, so estimates err short.
const CHAR_EM: f64 = 0.58;
/// The advance of upright labels is estimated closer: overlong, it only leaves a gap.
const UPRIGHT_CHAR_EM: f64 = 0.55;
/// Line height of chart text, in em.
const LINE_EM: f64 = 1.3;
/// A bar's thickness, and the gap after a datum's bars, in em.
const BAR_EM: f64 = 1.1;
const ROW_GAP_EM: f64 = 0.7;
/// Column and line charts: the plot's height, and room above it for the top value.
const PLOT_EM: f64 = 11.0;
const PLOT_TOP_EM: f64 = 1.6;
/// A column's share of its slot.
const COLUMN_SHARE: f64 = 0.6;
/// Labels under columns lie flat only if they take at most this many lines.
const MAX_LABEL_LINES: usize = 3;
/// Value axes get at most this many intervals: a phone's width holds about six labels.
const TICKS: usize = 6;

/// How many characters fit in `px` of chart text.
fn capacity(px: f64) -> usize {
    (px / (TEXT_PX * CHAR_EM)).floor().max(1.0) as usize
}

/// Greedy word wrap to `max` characters a line; a word longer than a line is split.
fn wrap(text: &str, max: usize) -> Vec<String> {
    let max = max.max(1);
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let mut word: Vec<char> = word.chars().collect();
        while word.len() > max {
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            lines.push(word.drain(..max).collect());
        }
        let word: String = word.into_iter().collect();
        let len = line.chars().count();
        if len > 0 && len + 1 + word.chars().count() > max {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(&word);
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// A value axis: the same axis the PDF draws (`model::chart::axis`), bars from zero and
/// lines fitted to their data.
struct Scale {
    lo: f64,
    hi: f64,
    ticks: Vec<f64>,
}

impl Scale {
    fn new(values: impl Iterator<Item = f64>, baseline: Baseline) -> Scale {
        let (min, max) = values
            .filter(|v| v.is_finite())
            .fold((f64::MAX, f64::MIN), |(a, b), v| (a.min(v), b.max(v)));
        let (min, max) = if min > max { (0.0, 0.0) } else { (min, max) };
        let a = axis::axis(min, max, baseline, TICKS);
        Scale {
            lo: a.lo,
            hi: a.hi,
            ticks: a.ticks,
        }
    }

    fn percent(max: f64) -> Scale {
        Scale {
            lo: 0.0,
            hi: max.max(100.0),
            ticks: Vec::new(),
        }
    }

    /// Where `v` falls, from 0 (the low end) to 1.
    fn at(&self, v: f64) -> f64 {
        if self.hi > self.lo {
            ((v - self.lo) / (self.hi - self.lo)).clamp(0.0, 1.0)
        } else {
            0.0
        }
    }

    fn ticks(&self) -> Vec<f64> {
        self.ticks.clone()
    }
}

fn fmt(chart: &Chart, v: f64) -> String {
    fmt_all(chart, &[v]).remove(0)
}

/// Percentages and ems as SVG lengths; two decimals keep the file small and exact enough.
fn pc(v: f64) -> String {
    format!("{:.2}%", v * 100.0)
}
fn em(v: f64) -> String {
    format!("{v:.2}em")
}

/// The figure: caption, SVG, data.
pub fn chart(ctx: &mut Ctx, c: &Chart) -> Markup {
    ctx.charts += 1;
    let alt_id = ctx.ids.take(&format!("chart-{}", ctx.charts));
    let caption_id = ctx.ids.take(&format!("chart-{}-title", ctx.charts));
    let (body, (narrow, wide), gutter) = match c.kind {
        ChartKind::Bar | ChartKind::Grouped | ChartKind::Progress | ChartKind::Stacked => {
            let (b, h) = rows(c);
            (b, (h, h), None)
        }
        ChartKind::Pie | ChartKind::Donut | ChartKind::Ring => {
            return super::round::figure(ctx, c, &alt_id, &caption_id);
        }
        ChartKind::Column | ChartKind::Line | ChartKind::StackedColumn => {
            let (b, h, g) = columns(c);
            (b, h, Some(g))
        }
    };
    let data = data_table(c);
    let named_by = c.title.as_ref().map(|_| caption_id.as_str());
    let table_markup = table(ctx, &data, None, named_by);
    // Column charts keep their value axis in the SVG's left padding, outside the plot whose
    // percentages place the columns. A chart whose labels stand upright only on a phone is
    // given both heights, and the stylesheet picks one.
    let two = (narrow - wide).abs() > 0.01;
    let mut style: Vec<String> = gutter
        .map(|g| format!("padding-left: {}", em(g)))
        .into_iter()
        .collect();
    if two {
        style.push(format!(
            "--narrow-height: {}; --wide-height: {}",
            em(narrow),
            em(wide)
        ));
    }
    let style = (!style.is_empty()).then(|| style.join("; "));
    // Stacked charts name their series in a legend, in the order the segments are drawn;
    // grouped bars name each bar beside it.
    let legend = matches!(c.kind, ChartKind::Stacked | ChartKind::StackedColumn).then(|| {
        html! {
            ul.legend aria-hidden="true" {
                @for (j, s) in c.series.iter().enumerate() { (legend_item(j, s, None)) }
            }
        }
    });
    html! {
        figure.chart {
            @if let Some(t) = &c.title { figcaption.title id=(caption_id) { (t) } }
            @if let Some(l) = legend { (l) }
            svg role="img" aria-labelledby=(alt_id) width="100%" height=(em(narrow.max(wide)))
                class=[two.then_some("two-heights")]
                style=[style] overflow=[gutter.map(|_| "visible")] {
                title id=(alt_id) { (c.alt) }
                (body)
            }
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

/// A legend entry: the series' swatch, its name, and what it adds up to.
pub(super) fn legend_item(j: usize, name: &str, figures: Option<&str>) -> Markup {
    html! {
        li {
            svg.swatch viewBox="0 0 1 1" { rect class=(format!("s{}", j % SERIES + 1)) width="1" height="1" {} }
            span { (name) }
            @if let Some(f) = figures { span.figures { (f) } }
        }
    }
}

/// The chart's data as a table, as the PDF gives it; a single value column is headed by
/// what the values are, the chart's title.
pub(super) fn data_table(c: &Chart) -> Table {
    let mut t = crate::layout::components::charts::table(c);
    if c.series.is_empty()
        && let Some(title) = &c.title
    {
        t.columns[1] = title.clone();
    }
    t
}

/// Bars across, progress bars and grouped bars: for each datum its label (and value) on a
/// line, then its bar or bars under it. Returns the markup and the height in em.
fn rows(c: &Chart) -> (Markup, f64) {
    let stacked = c.kind == ChartKind::Stacked;
    let scale = match c.kind {
        ChartKind::Progress => Scale::percent(c.data.iter().map(|d| d.value).fold(0.0, f64::max)),
        ChartKind::Stacked => Scale::new(
            c.data.iter().flat_map(|d| {
                let neg: f64 = d.values.iter().filter(|v| **v < 0.0).sum();
                let pos: f64 = d.values.iter().filter(|v| **v > 0.0).sum();
                [neg, pos]
            }),
            Baseline::Zero,
        ),
        _ => Scale::new(
            c.data.iter().flat_map(|d| d.values.iter().copied()),
            Baseline::Zero,
        ),
    };
    let zero = scale.at(0.0);
    let grouped = c.kind == ChartKind::Grouped;
    let full = capacity(NARROW_PX);
    // Every printed value with the chart's one number of decimals: a value per bar, or a
    // stacked bar's total.
    let printed: Vec<f64> = if stacked {
        c.data.iter().map(|d| d.values.iter().sum()).collect()
    } else {
        c.data.iter().flat_map(|d| d.values.clone()).collect()
    };
    let mut printed = fmt_all(c, &printed).into_iter();
    let mut y = 0.0;
    let mut marks = Vec::new();
    for d in &c.data {
        let own: Vec<String> = if grouped {
            d.values
                .iter()
                .map(|_| printed.next().unwrap_or_default())
                .collect()
        } else {
            vec![printed.next().unwrap_or_default()]
        };
        let value = own[0].clone();
        let room = if grouped {
            full
        } else {
            full.saturating_sub(value.chars().count() + 2)
        };
        let lines = wrap(&d.label, room);
        marks.push(html! {
            @for (k, line) in lines.iter().enumerate() {
                text x="0" y=(em(y + 1.0 + k as f64 * LINE_EM)) { (line) }
            }
            @if !grouped {
                text.value x="100%" y=(em(y + 1.0)) text-anchor="end" { (value) }
            }
        });
        y += lines.len() as f64 * LINE_EM + 0.3;
        if stacked {
            marks.push(segments(&scale, &d.values, y));
            y += BAR_EM + 0.25;
        } else {
            for (j, v) in d.values.iter().enumerate() {
                if grouped {
                    let name = c.series.get(j).map_or("", String::as_str);
                    let lines = wrap(name, full.saturating_sub(own[j].chars().count() + 2));
                    marks.push(html! {
                        @for (k, line) in lines.iter().enumerate() {
                            text.series-name x="0" y=(em(y + 0.95 + k as f64 * LINE_EM)) { (line) }
                        }
                        text.value-text x="100%" y=(em(y + 0.95)) text-anchor="end" { (own[j]) }
                    });
                    y += lines.len() as f64 * LINE_EM + 0.15;
                }
                marks.push(bar(&scale, zero, *v, y, j, c.kind));
                y += BAR_EM + 0.25;
            }
        }
        y += ROW_GAP_EM;
    }
    let bottom = y - ROW_GAP_EM;
    let ticks = if c.kind == ChartKind::Progress {
        Vec::new()
    } else {
        scale.ticks()
    };
    let tick_labels = fmt_all(c, &ticks);
    // Tick labels are thinned to every other one when they would crowd a phone's width.
    let widest = tick_labels
        .iter()
        .map(|t| t.chars().count() + 2)
        .max()
        .unwrap_or(0);
    let every = if widest * ticks.len() > full { 2 } else { 1 };
    // A progress value over 100 (a target beaten): a marker where the target is.
    let target = (c.kind == ChartKind::Progress && scale.hi > 100.0).then(|| scale.at(100.0));
    let body = html! {
        @for t in &ticks {
            line.grid x1=(pc(scale.at(*t))) x2=(pc(scale.at(*t))) y1="0" y2=(em(bottom)) {}
        }
        @if scale.lo < 0.0 || c.kind != ChartKind::Progress {
            line.axis x1=(pc(zero)) x2=(pc(zero)) y1="0" y2=(em(bottom)) {}
        }
        @for m in &marks { (m) }
        @if let Some(x) = target {
            line.target x1=(pc(x)) x2=(pc(x)) y1="1.2em" y2=(em(bottom)) {}
            text.tick x=(pc(x)) y=(em(bottom + 1.1)) text-anchor="middle" { (fmt(c, 100.0)) }
        }
        @for (i, t) in ticks.iter().enumerate() {
            @if i % every == 0 || i + 1 == ticks.len() {
                text.tick x=(pc(scale.at(*t))) y=(em(bottom + 1.1))
                    text-anchor=(anchor(i, ticks.len())) { (tick_labels[i]) }
            }
        }
    };
    let height = if ticks.is_empty() && target.is_none() {
        bottom
    } else {
        bottom + 1.5
    };
    (body, height)
}

/// A stacked bar: positive segments from zero to the right, negative ones to the left, in
/// series order, parted by a gap of page colour.
fn segments(scale: &Scale, values: &[f64], y: f64) -> Markup {
    let (mut pos, mut neg) = (0.0f64, 0.0f64);
    let mut parts = Vec::new();
    for (j, v) in values.iter().enumerate() {
        let (from, to) = if *v >= 0.0 {
            pos += v;
            (pos - v, pos)
        } else {
            neg += v;
            (neg - v, neg)
        };
        let (a, b) = (scale.at(from), scale.at(to));
        parts.push((a.min(b), (a - b).abs(), j));
    }
    html! {
        @for (x, w, j) in &parts {
            @if *w > 0.0 {
                rect class=(format!("s{}", j % SERIES + 1)) x=(pc(*x)) y=(em(y)) width=(pc(*w)) height=(em(BAR_EM)) {}
                line.gap x1=(pc(x + w)) x2=(pc(x + w)) y1=(em(y)) y2=(em(y + BAR_EM)) {}
            }
        }
    }
}

/// The bar of one value, from the zero axis: left of it for a negative value.
fn bar(scale: &Scale, zero: f64, v: f64, y: f64, series: usize, kind: ChartKind) -> Markup {
    let at = scale.at(v);
    let (x, w) = (zero.min(at), (at - zero).abs());
    let class = if kind == ChartKind::Grouped {
        format!("s{}", series % SERIES + 1)
    } else {
        "bar".into()
    };
    html! {
        @if kind == ChartKind::Progress {
            rect.track x="0" y=(em(y)) width="100%" height=(em(BAR_EM)) {}
        }
        rect class=(class) x=(pc(x)) y=(em(y)) width=(pc(w)) height=(em(BAR_EM)) {}
    }
}

/// A stacked column's segments, (from, to) per series: positives up from zero, negatives
/// down from it.
fn stack(values: &[f64]) -> Vec<(f64, f64)> {
    let (mut pos, mut neg) = (0.0f64, 0.0f64);
    values
        .iter()
        .map(|v| {
            if *v >= 0.0 {
                pos += v;
                (pos - v, pos)
            } else {
                neg += v;
                (neg - v, neg)
            }
        })
        .collect()
}

/// Tick labels at the ends stay inside the chart.
fn anchor(i: usize, n: usize) -> &'static str {
    match i {
        0 => "start",
        _ if i + 1 == n => "end",
        _ => "middle",
    }
}

/// Columns and lines: one slot per datum, a value axis of gridlines with their values, the
/// value over (or, below zero, under) each column or point, and the labels beneath.
/// Returns the markup, the height on a phone and on a wide screen, and the axis gutter, in em.
fn columns(c: &Chart) -> (Markup, (f64, f64), f64) {
    let stacked = c.kind == ChartKind::StackedColumn;
    // (foot, top) of each column: a stacked column's negative and positive sums.
    let extents: Vec<(f64, f64)> = c
        .data
        .iter()
        .map(|d| {
            if stacked {
                (
                    d.values.iter().filter(|v| **v < 0.0).sum(),
                    d.values.iter().filter(|v| **v > 0.0).sum(),
                )
            } else {
                (d.value.min(0.0), d.value.max(0.0))
            }
        })
        .collect();
    let scale = if c.kind == ChartKind::Line {
        Scale::new(c.data.iter().map(|d| d.value), Baseline::Fit)
    } else {
        Scale::new(extents.iter().flat_map(|(a, b)| [*a, *b]), Baseline::Zero)
    };
    let printed: Vec<f64> = if stacked {
        c.data.iter().map(|d| d.values.iter().sum()).collect()
    } else {
        c.data.iter().map(|d| d.value).collect()
    };
    let printed = fmt_all(c, &printed);
    let ticks = scale.ticks();
    let tick_labels = fmt_all(c, &ticks);
    let gutter = tick_labels
        .iter()
        .map(|t| t.chars().count())
        .max()
        .unwrap_or(1) as f64
        * CHAR_EM
        + 0.6;
    let plot_px = |px: f64| px - gutter * TEXT_PX;
    let n = c.data.len().max(1);
    let slot = 1.0 / n as f64;
    let y_of = |v: f64| PLOT_TOP_EM + PLOT_EM * (1.0 - scale.at(v));
    let base = y_of(0.0);
    let centre = |i: usize| slot * (i as f64 + 0.5);

    let narrow_cap = capacity(plot_px(NARROW_PX) * slot).saturating_sub(1).max(1);
    let wide_cap = capacity(plot_px(WIDE_PX) * slot).saturating_sub(1).max(1);
    let fits = |d: &Datum, cap: usize| {
        d.label.split_whitespace().all(|w| w.chars().count() <= cap)
            && wrap(&d.label, cap).len() <= MAX_LABEL_LINES
    };
    let flat_narrow = c.data.iter().all(|d| fits(d, narrow_cap));
    let flat_wide = c.data.iter().all(|d| fits(d, wide_cap));
    // Values under negative columns hang below the axis's foot: the labels go under them.
    let hanging = c.kind != ChartKind::Line && extents.iter().any(|(f, t)| *t <= 0.0 && *f < 0.0);
    let labels_top = y_of(scale.lo) + 1.2 + if hanging { 1.1 } else { 0.0 };
    let flat_height = |cap: usize| {
        c.data
            .iter()
            .map(|d| wrap(&d.label, cap).len())
            .max()
            .unwrap_or(1) as f64
            * LINE_EM
    };
    let upright_height = c
        .data
        .iter()
        .map(|d| d.label.chars().count())
        .max()
        .unwrap_or(1) as f64
        * UPRIGHT_CHAR_EM
        + 0.5;
    // (narrow, wide) label heights: they differ when labels stand upright only on phones.
    let label_height = match (flat_narrow, flat_wide) {
        (true, _) => (flat_height(narrow_cap), flat_height(narrow_cap)),
        (false, true) => (upright_height, flat_height(wide_cap)),
        (false, false) => (upright_height, upright_height),
    };

    let flat = |cap: usize, class: Option<&'static str>| {
        html! {
            @for (i, d) in c.data.iter().enumerate() {
                @for (k, line) in wrap(&d.label, cap).iter().enumerate() {
                    text class=[class] x=(pc(centre(i))) y=(em(labels_top + k as f64 * LINE_EM))
                        text-anchor="middle" { (line) }
                }
            }
        }
    };
    // Labels too long to lie flat stand upright, reading upwards from the axis.
    // Upright labels a line high each: thinned to every k-th where a phone's slots are
    // narrower than a line, so neighbours never overlap.
    let every = ((TEXT_PX * LINE_EM) / (plot_px(NARROW_PX) * slot).max(1.0))
        .ceil()
        .max(1.0) as usize;
    let upright = |class: Option<&'static str>| {
        html! {
            @for (i, d) in c.data.iter().enumerate().filter(|(i, _)| i % every == 0) {
                svg class=[class] x=(pc(centre(i))) y=(em(labels_top - 0.8)) width="1" height="1" overflow="visible" {
                    text transform="rotate(-90)" text-anchor="end" dy="0.35em" { (d.label) }
                }
            }
        }
    };
    let value_class = |v: &str| {
        let chars = v.chars().count() + 1;
        if chars <= capacity(plot_px(NARROW_PX) * slot) {
            Some(None)
        } else if chars <= capacity(plot_px(WIDE_PX) * slot) {
            Some(Some("wide"))
        } else {
            None
        }
    };
    let body = html! {
        @for t in &ticks {
            line.grid x1="0" x2="100%" y1=(em(y_of(*t))) y2=(em(y_of(*t))) {}
        }
        line.axis x1="0" x2="100%" y1=(em(base)) y2=(em(base)) {}
        @if c.kind == ChartKind::Column {
            @for (i, d) in c.data.iter().enumerate() {
                rect.bar x=(pc(slot * (i as f64 + (1.0 - COLUMN_SHARE) / 2.0)))
                    y=(em(y_of(d.value).min(base))) width=(pc(slot * COLUMN_SHARE))
                    height=(em((y_of(d.value) - base).abs())) {}
            }
        } @else if stacked {
            @for (i, d) in c.data.iter().enumerate() {
                @let x = pc(slot * (i as f64 + (1.0 - COLUMN_SHARE) / 2.0));
                @for (j, (from, to)) in stack(&d.values).into_iter().enumerate() {
                    @if to != from {
                        rect class=(format!("s{}", j % SERIES + 1)) x=(x)
                            y=(em(y_of(from).min(y_of(to)))) width=(pc(slot * COLUMN_SHARE))
                            height=(em((y_of(to) - y_of(from)).abs())) {}
                    }
                }
            }
        } @else {
            @for (i, w) in c.data.windows(2).enumerate() {
                line.line x1=(pc(centre(i))) y1=(em(y_of(w[0].value)))
                    x2=(pc(centre(i + 1))) y2=(em(y_of(w[1].value))) {}
            }
            @for (i, d) in c.data.iter().enumerate() {
                circle.dot cx=(pc(centre(i))) cy=(em(y_of(d.value))) r="0.3em" {}
            }
        }
        @for (t, label) in ticks.iter().zip(&tick_labels) {
            text.tick x="-0.4em" y=(em(y_of(*t) + 0.35)) text-anchor="end" { (label) }
        }
        @for (i, v) in printed.iter().enumerate() {
            @let (foot, top) = extents[i];
            @let under = top <= 0.0 && foot < 0.0 && c.kind != ChartKind::Line;
            @let at = if c.kind == ChartKind::Line { c.data[i].value } else if under { foot } else { top };
            @if let Some(class) = value_class(v) {
                text class=(format!("value{}", class.map_or(String::new(), |c| format!(" {c}"))))
                    x=(pc(centre(i)))
                    y=(em(if under { y_of(at) + 1.1 } else { y_of(at) - 0.45 }))
                    text-anchor="middle" { (v) }
            }
        }
        @match (flat_narrow, flat_wide) {
            (true, _) => (flat(narrow_cap, None)),
            (false, true) => { (flat(wide_cap, Some("wide"))) (upright(Some("narrow"))) },
            (false, false) => (upright(None)),
        }
    };
    let height = (labels_top + label_height.0, labels_top + label_height.1);
    (body, height, gutter)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_wrap_at_word_boundaries_and_split_only_overlong_words() {
        assert_eq!(
            wrap("Summary Care Records enriched", 14),
            ["Summary Care", "Records", "enriched"]
        );
        assert_eq!(
            wrap("Llanfairpwllgwyngyll", 8),
            ["Llanfair", "pwllgwyn", "gyll"]
        );
        assert_eq!(wrap("", 8), [""]);
    }

    #[test]
    fn axes_include_zero_and_reach_past_the_extremes() {
        let s = Scale::new([55e6, 7.2e6].into_iter(), Baseline::Zero);
        assert_eq!((s.lo, s.hi), (0.0, 60e6));
        let s = Scale::new([-30.0, 75.0].into_iter(), Baseline::Zero);
        assert!(
            s.lo <= -30.0 && s.hi >= 75.0 && s.at(0.0) > 0.0,
            "{} {}",
            s.lo,
            s.hi
        );
        let s = Scale::new([0.0, 0.0].into_iter(), Baseline::Zero);
        assert!(s.hi > s.lo);
    }

    #[test]
    fn a_negative_bar_runs_left_of_the_zero_axis() {
        let s = Scale::new([-50.0, 50.0].into_iter(), Baseline::Zero);
        let zero = s.at(0.0);
        let m = bar(&s, zero, -50.0, 0.0, 0, ChartKind::Bar).into_string();
        assert!(
            m.contains(r#"x="0.00%""#) && m.contains(r#"width="50.00%""#),
            "{m}"
        );
        let m = bar(&s, zero, 50.0, 0.0, 0, ChartKind::Bar).into_string();
        assert!(
            m.contains(r#"x="50.00%""#) && m.contains(r#"width="50.00%""#),
            "{m}"
        );
    }
}
