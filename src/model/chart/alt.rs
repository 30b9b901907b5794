//! A chart's alternative text, generated when report.toml gives none: what the chart is,
//! then every value, in words a screen reader says well ("62 per cent", "16.6 million
//! pounds", "minus 5").
//!
//! In: the chart's kind, title, data, series names and its formatted values (and, for a pie
//! or donut, each slice's whole percentage). Out: one sentence-like string, e.g. "Pie chart
//! of spending: staff 62 per cent (£4.1m), buildings 21 per cent (£1.4m)."

use super::super::numbers;
use super::super::types::{ChartKind, Datum};

/// What a kind of chart is called, starting a sentence.
pub fn kind_name(kind: ChartKind) -> &'static str {
    match kind {
        ChartKind::Bar => "Bar chart",
        ChartKind::Column => "Column chart",
        ChartKind::Line => "Line chart",
        ChartKind::Grouped => "Grouped bar chart",
        ChartKind::Stacked => "Stacked bar chart",
        ChartKind::StackedColumn => "Stacked column chart",
        ChartKind::Pie => "Pie chart",
        ChartKind::Donut => "Donut chart",
        ChartKind::Progress => "Progress chart",
        ChartKind::Ring => "Progress ring",
    }
}

/// A formatted figure as it is read aloud: "62%" → "62 per cent", "−5" → "minus 5"; a
/// figure whose reading is not certain is left as written.
pub fn say(figure: &str) -> String {
    let (minus, rest) = match figure.strip_prefix(['−', '-']) {
        Some(r) => ("minus ", r),
        None => ("", figure),
    };
    format!(
        "{minus}{}",
        numbers::spoken(rest).unwrap_or_else(|| rest.to_string())
    )
}

/// The description of a chart. `fmt` writes a value as the chart prints it; `percent`
/// holds each datum's whole percentage for a pie or donut.
pub fn describe(
    kind: ChartKind,
    title: Option<&str>,
    data: &[Datum],
    series: &[String],
    fmt: &dyn Fn(f64) -> String,
    percent: Option<&[u32]>,
) -> String {
    let items: Vec<String> = data
        .iter()
        .enumerate()
        .map(|(i, d)| {
            if !series.is_empty() {
                let each: Vec<String> = series
                    .iter()
                    .zip(&d.values)
                    .map(|(s, v)| format!("{s} {}", say(&fmt(*v))))
                    .collect();
                let total = if matches!(kind, ChartKind::Stacked | ChartKind::StackedColumn) {
                    format!(", total {}", say(&fmt(d.values.iter().sum())))
                } else {
                    String::new()
                };
                format!("{}: {}{total}", d.label, each.join(", "))
            } else if let Some(p) = percent {
                let share = match p[i] {
                    0 if d.value > 0.0 => "under 1 per cent".to_string(),
                    n => format!("{n} per cent"),
                };
                format!("{} {share} ({})", d.label, say(&fmt(d.value)))
            } else {
                format!("{} {}", d.label, say(&fmt(d.value)))
            }
        })
        .collect();
    let items = within_budget(items);
    let of = title.map_or(String::new(), |t| format!(" of {t}"));
    let sep = if series.is_empty() { ", " } else { "; " };
    let series_note = if series.is_empty() {
        String::new()
    } else {
        format!(", by {}", join_words(series))
    };
    format!("{}{of}{series_note}: {}.", kind_name(kind), items.join(sep))
}

/// The most characters of values a description lists before counting the rest: well
/// inside a PDF string's limit (32,767 bytes), and a minute or two read aloud; the chart's
/// data table has every value.
const ALT_BUDGET: usize = 2_000;

/// The first items that fit [`ALT_BUDGET`], then "and N more".
fn within_budget(mut items: Vec<String>) -> Vec<String> {
    let mut len = 0;
    let shown = items
        .iter()
        .take_while(|item| {
            len += item.len() + 2;
            len <= ALT_BUDGET
        })
        .count();
    if shown < items.len() {
        let more = items.len() - shown;
        items.truncate(shown);
        items.push(format!("and {more} more"));
    }
    items
}

/// "a, b and c".
fn join_words(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_description_of_thousands_of_values_stays_within_a_pdf_string() {
        let items: Vec<String> = (0..5000).map(|i| format!("label {i} {i}")).collect();
        let kept = within_budget(items);
        assert_eq!(
            kept.last().unwrap(),
            &format!("and {} more", 5001 - kept.len())
        );
        assert!(kept.iter().map(|i| i.len() + 2).sum::<usize>() < ALT_BUDGET + 20);
    }

    fn datum(label: &str, values: &[f64]) -> Datum {
        Datum {
            label: label.into(),
            value: values[0],
            values: values.to_vec(),
        }
    }

    #[test]
    fn a_pie_is_described_in_words_with_its_percentages() {
        let data = [
            datum("staff", &[62.0]),
            datum("buildings", &[37.8]),
            datum("other", &[0.2]),
        ];
        let fmt = |v: f64| format!("£{v}m");
        let alt = describe(
            ChartKind::Pie,
            Some("spending"),
            &data,
            &[],
            &fmt,
            Some(&[62, 38, 0]),
        );
        assert_eq!(
            alt,
            "Pie chart of spending: staff 62 per cent (62 million pounds), buildings 38 per cent (37.8 million pounds), other under 1 per cent (0.2 million pounds)."
        );
    }

    #[test]
    fn series_are_named_and_negatives_said() {
        let data = [datum("North", &[-5.0, 3.0])];
        let series = ["2019".to_string(), "2020".to_string()];
        let fmt = |v: f64| {
            if v < 0.0 {
                format!("−{}", -v)
            } else {
                v.to_string()
            }
        };
        let alt = describe(ChartKind::Stacked, None, &data, &series, &fmt, None);
        assert_eq!(
            alt,
            "Stacked bar chart, by 2019 and 2020: North: 2019 minus 5, 2020 3, total minus 2."
        );
    }
}
