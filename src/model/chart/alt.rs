//! A chart's alternative text, generated when report.toml gives none: what the chart is,
//! then every value, in words a screen reader says well ("62 per cent", "16.6 million
//! pounds", "minus 5").
//!
//! In: the chart's kind, title, data, series names, its formatted values (and, for a pie or
//! donut, each slice's whole percentage) and the words of the chart's language. Out: one
//! sentence-like string, e.g. "Pie chart of spending: staff 62 per cent (4.1 million
//! pounds), buildings 21 per cent (1.4 million pounds)." or, in Welsh, "Siart cylch yn
//! dangos Gwariant: Staff 62 y cant (£4.1m), …".

use super::super::lang::ChartWords;
use super::super::numbers;
use super::super::types::{ChartKind, Datum};

/// A formatted figure as it is read aloud. In English "62%" becomes "62 per cent" and
/// "£16.6m" "16.6 million pounds" (a figure whose reading is not certain is left as
/// written); in another language the figure is left as written, for the reader's voice to
/// say in that language. A negative figure starts with the language's "minus".
pub fn say(figure: &str, words: &ChartWords) -> String {
    let (minus, rest) = match figure.strip_prefix(['−', '-']) {
        Some(r) => (format!("{} ", words.minus), r),
        None => (String::new(), figure),
    };
    let said = if words.english() {
        numbers::spoken(rest).unwrap_or_else(|| rest.to_string())
    } else {
        rest.to_string()
    };
    format!("{minus}{said}")
}

/// The description of a chart in `words`' language. `fmt` writes a value as the chart
/// prints it; `percent` holds each datum's whole percentage for a pie or donut.
pub fn describe(
    kind: ChartKind,
    title: Option<&str>,
    data: &[Datum],
    series: &[String],
    fmt: &dyn Fn(f64) -> String,
    percent: Option<&[u32]>,
    words: &ChartWords,
) -> String {
    let say = |v: f64| say(&fmt(v), words);
    let items: Vec<String> = data
        .iter()
        .enumerate()
        .map(|(i, d)| {
            if !series.is_empty() {
                let each: Vec<String> = series
                    .iter()
                    .zip(&d.values)
                    .map(|(s, v)| format!("{s} {}", say(*v)))
                    .collect();
                let total = if matches!(kind, ChartKind::Stacked | ChartKind::StackedColumn) {
                    let sum = say(d.values.iter().sum());
                    format!(", {}", words.total.replace("{value}", &sum))
                } else {
                    String::new()
                };
                format!("{}: {}{total}", d.label, each.join(", "))
            } else if let Some(p) = percent {
                let share = match p[i] {
                    0 if d.value > 0.0 => words.under_one_percent.clone(),
                    n => words.percent.replace("{n}", &n.to_string()),
                };
                format!("{} {share} ({})", d.label, say(d.value))
            } else {
                format!("{} {}", d.label, say(d.value))
            }
        })
        .collect();
    let items = within_budget(items);
    let name = words.name(kind);
    let head = match title {
        Some(t) => words.of.replace("{chart}", name).replace("{title}", t),
        None => name.to_string(),
    };
    let sep = if series.is_empty() { ", " } else { "; " };
    let series_note = if series.is_empty() {
        String::new()
    } else {
        words.by.replace("{series}", &words.join(series))
    };
    format!("{head}{series_note}: {}.", items.join(sep))
}

/// The most characters of values a description lists before counting the rest: well
/// inside a PDF string's limit (32,767 bytes), and a minute or two read aloud; the chart's
/// data table has every value.
const ALT_BUDGET: usize = 2_000;

/// The first items that fit [`ALT_BUDGET`], then "… (+N)" for the rest: figures and
/// signs only, so it reads the same in every language the chart's words come in.
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
        items.push(format!("… (+{more})"));
    }
    items
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_description_of_thousands_of_values_stays_within_a_pdf_string() {
        let items: Vec<String> = (0..5000).map(|i| format!("label {i} {i}")).collect();
        let kept = within_budget(items);
        assert_eq!(kept.last().unwrap(), &format!("… (+{})", 5001 - kept.len()));
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
            &ChartWords::for_language("en-GB"),
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
        let alt = |tag: &str| {
            let words = ChartWords::for_language(tag);
            describe(ChartKind::Stacked, None, &data, &series, &fmt, None, &words)
        };
        assert_eq!(
            alt("en"),
            "Stacked bar chart, by 2019 and 2020: North: 2019 minus 5, 2020 3, total minus 2."
        );
        assert_eq!(
            alt("cy"),
            "Siart bar pentyrrog, ar gyfer 2019 a 2020: North: 2019 minws 5, 2020 3, cyfanswm minws 2."
        );
    }

    #[test]
    fn a_welsh_pie_is_described_in_welsh_its_figures_as_written() {
        let data = [datum("Staff", &[62.0]), datum("Adeiladau", &[38.0])];
        let fmt = |v: f64| format!("£{v}m");
        let words = ChartWords::for_language("cy");
        let alt = describe(
            ChartKind::Pie,
            Some("Gwariant"),
            &data,
            &[],
            &fmt,
            Some(&[62, 38]),
            &words,
        );
        assert_eq!(
            alt,
            "Siart cylch yn dangos Gwariant: Staff 62 y cant (£62m), Adeiladau 38 y cant (£38m)."
        );
    }
}
