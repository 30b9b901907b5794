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
use crate::model::{Chart, ChartKind, Datum, Table, numbers};
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

/// A value axis: from the nice number at or below the smallest value (or zero) to the one
/// at or above the largest (or zero).
struct Scale {
    lo: f64,
    hi: f64,
    step: f64,
}

impl Scale {
    fn new(values: impl Iterator<Item = f64>) -> Scale {
        let (min, max) = values
            .filter(|v| v.is_finite())
            .fold((0.0f64, 0.0f64), |(a, b), v| (a.min(v), b.max(v)));
        // The PDF's axis: a handful of ticks whatever the values (subnormal ones included).
        let ticks = crate::model::numbers::nice_ticks(min, max);
        let (lo, hi) = (ticks[0], ticks[ticks.len() - 1]);
        let step = (hi - lo) / (ticks.len() - 1) as f64;
        Scale { lo, hi, step }
    }

    fn percent() -> Scale {
        Scale {
            lo: 0.0,
            hi: 100.0,
            step: 25.0,
        }
    }

    /// Where `v` falls, from 0 (the low end) to 1.
    fn at(&self, v: f64) -> f64 {
        ((v - self.lo) / (self.hi - self.lo)).clamp(0.0, 1.0)
    }

    fn ticks(&self) -> Vec<f64> {
        let n = ((self.hi - self.lo) / self.step).round() as usize;
        (0..=n).map(|i| self.lo + self.step * i as f64).collect()
    }
}

fn fmt(chart: &Chart, v: f64) -> String {
    numbers::format_in(v, &chart.format, chart.locale).unwrap_or_else(|| v.to_string())
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
        ChartKind::Bar | ChartKind::Grouped | ChartKind::Progress => {
            let (b, h) = rows(c);
            (b, (h, h), None)
        }
        ChartKind::Column | ChartKind::Line => {
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
    html! {
        figure.chart {
            @if let Some(t) = &c.title { figcaption.title id=(caption_id) { (t) } }
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

/// The chart's data as a table: a row per label, a column per series.
fn data_table(c: &Chart) -> Table {
    let columns = std::iter::once(String::new())
        .chain(if c.series.is_empty() {
            // The value column is headed by what the values are: the chart's title.
            vec![c.title.clone().unwrap_or_else(|| "Value".into())]
        } else {
            c.series.clone()
        })
        .collect();
    Table {
        title: None,
        columns,
        rows: c
            .data
            .iter()
            .map(|d| {
                std::iter::once((d.label.clone(), false))
                    .chain(d.values.iter().map(|v| (fmt(c, *v), true)))
                    .collect()
            })
            .collect(),
        decimal: c.locale.decimal,
    }
}

/// Bars across, progress bars and grouped bars: for each datum its label (and value) on a
/// line, then its bar or bars under it. Returns the markup and the height in em.
fn rows(c: &Chart) -> (Markup, f64) {
    let scale = match c.kind {
        ChartKind::Progress => Scale::percent(),
        _ => Scale::new(c.data.iter().flat_map(|d| d.values.iter().copied())),
    };
    let zero = scale.at(0.0);
    let grouped = c.kind == ChartKind::Grouped;
    let full = capacity(NARROW_PX);
    let mut y = 0.0;
    let mut marks = Vec::new();
    for d in &c.data {
        let value = fmt(c, d.value);
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
        for (j, v) in d.values.iter().enumerate() {
            if grouped {
                let name = c.series.get(j).map_or("", String::as_str);
                let lines = wrap(name, full.saturating_sub(fmt(c, *v).chars().count() + 2));
                let class = format!("value s-text-{}", j % 3 + 1);
                marks.push(html! {
                    @for (k, line) in lines.iter().enumerate() {
                        text.series-name x="0" y=(em(y + 0.95 + k as f64 * LINE_EM)) { (line) }
                    }
                    text class=(class) x="100%" y=(em(y + 0.95)) text-anchor="end" { (fmt(c, *v)) }
                });
                y += lines.len() as f64 * LINE_EM + 0.15;
            }
            marks.push(bar(&scale, zero, *v, y, j, c.kind));
            y += BAR_EM + 0.25;
        }
        y += ROW_GAP_EM;
    }
    let bottom = y - ROW_GAP_EM;
    let ticks = if c.kind == ChartKind::Progress {
        Vec::new()
    } else {
        scale.ticks()
    };
    let tick_labels: Vec<String> = ticks.iter().map(|t| fmt(c, *t)).collect();
    // Tick labels are thinned to every other one when they would crowd a phone's width.
    let widest = tick_labels
        .iter()
        .map(|t| t.chars().count() + 2)
        .max()
        .unwrap_or(0);
    let every = if widest * ticks.len() > full { 2 } else { 1 };
    let body = html! {
        @for t in &ticks {
            line.grid x1=(pc(scale.at(*t))) x2=(pc(scale.at(*t))) y1="0" y2=(em(bottom)) {}
        }
        @if scale.lo < 0.0 {
            line.axis x1=(pc(zero)) x2=(pc(zero)) y1="0" y2=(em(bottom)) {}
        }
        @for m in &marks { (m) }
        @for (i, t) in ticks.iter().enumerate() {
            @if i % every == 0 || i + 1 == ticks.len() {
                text.tick x=(pc(scale.at(*t))) y=(em(bottom + 1.1))
                    text-anchor=(anchor(i, ticks.len())) { (tick_labels[i]) }
            }
        }
    };
    let height = if ticks.is_empty() {
        bottom
    } else {
        bottom + 1.5
    };
    (body, height)
}

/// The bar of one value, from the zero axis: left of it for a negative value.
fn bar(scale: &Scale, zero: f64, v: f64, y: f64, series: usize, kind: ChartKind) -> Markup {
    let at = scale.at(v);
    let (x, w) = (zero.min(at), (at - zero).abs());
    let class = if kind == ChartKind::Grouped {
        format!("s{}", series % 3 + 1)
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
    let scale = Scale::new(c.data.iter().map(|d| d.value));
    let ticks = scale.ticks();
    let tick_labels: Vec<String> = ticks.iter().map(|t| fmt(c, *t)).collect();
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
    let labels_top = y_of(scale.lo) + 1.2;
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
    let upright = |class: Option<&'static str>| {
        html! {
            @for (i, d) in c.data.iter().enumerate() {
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
        @for (i, d) in c.data.iter().enumerate() {
            @let v = fmt(c, d.value);
            @if let Some(class) = value_class(&v) {
                text class=(format!("value{}", class.map_or(String::new(), |c| format!(" {c}"))))
                    x=(pc(centre(i)))
                    y=(em(if d.value < 0.0 { y_of(d.value) + 1.1 } else { y_of(d.value) - 0.45 }))
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
        let s = Scale::new([55e6, 7.2e6].into_iter());
        assert_eq!((s.lo, s.hi), (0.0, 60e6));
        let s = Scale::new([-30.0, 75.0].into_iter());
        assert!(
            s.lo <= -30.0 && s.hi >= 75.0 && s.at(0.0) > 0.0,
            "{} {}",
            s.lo,
            s.hi
        );
        let s = Scale::new([0.0, 0.0].into_iter());
        assert!(s.hi > s.lo);
    }

    #[test]
    fn a_negative_bar_runs_left_of_the_zero_axis() {
        let s = Scale::new([-50.0, 50.0].into_iter());
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
