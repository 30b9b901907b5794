//! `[[sections.blocks]]` → [`Component`]s: charts, pull quotes, highlight boxes, tables and
//! images, each validated for the keys its kind takes.

use super::types::{Chart, ChartKind, Component, Datum, ImageBlock, Table};
use super::{assets, numbers, sections::markdown_blocks};
use crate::diag::Diagnostic;
use crate::files::{Folder, Kind};
use crate::spec::{BlockSpec, SpannedStr};
use serde_spanned::Spanned;

const KINDS: [&str; 5] = ["chart", "quote", "box", "table", "image"];
/// The most characters of values a generated chart description lists before counting the
/// rest: well inside a PDF string's limit, and a minute or two read aloud.
const ALT_BUDGET: usize = 2_000;

/// Reads one block.
pub fn component(
    b: &Spanned<BlockSpec>,
    base: &Folder,
    locale: numbers::Locale,
    diags: &mut Vec<Diagnostic>,
) -> Option<Component> {
    let s = b.get_ref();
    let span = Some(b.span());
    let text = |v: &Option<SpannedStr>| v.as_ref().map(|t| t.get_ref().clone());
    let need = |v: &Option<SpannedStr>, key: &str, example: &str, diags: &mut Vec<Diagnostic>| {
        if v.is_none() {
            diags.push(
                Diagnostic::error(format!("this block needs `{key}`"), span.clone())
                    .with_help(format!("add {key} = {example}"))
                    .missing(&[key]),
            );
        }
    };
    let kind = s.kind.as_ref().map(|k| k.get_ref().as_str());
    match kind {
        Some("quote") => {
            need(&s.text, "text", "\"the words quoted\"", diags);
            Some(Component::Quote {
                text: text(&s.text)?,
                by: text(&s.by),
            })
        }
        Some("box") => {
            need(&s.text, "text", "\"the box's text\"", diags);
            let body = markdown_blocks(s.text.as_ref()?, "box text", diags);
            Some(Component::Box {
                title: text(&s.title),
                body,
            })
        }
        Some("chart") => chart(s, base, span, locale, diags).map(Component::Chart),
        Some("table") => table(s, span, locale, diags).map(Component::Table),
        Some("image") => {
            need(&s.file, "file", "\"images/photo.jpg\"", diags);
            let image = assets::image(base, "file", s.file.as_ref()?)
                .map_err(|d| diags.push(d))
                .ok()?;
            let decorative = s.decorative.as_ref().is_some_and(|d| *d.get_ref());
            if s.alt.is_none() && !decorative {
                diags.push(
                    Diagnostic::error(
                        "an image has no `alt` text",
                        s.file.as_ref().map(|f| f.span()),
                    )
                    .with_help("add alt = \"…\" saying what the image shows, or decorative = true"),
                );
            }
            // `None` stands for the page's full width.
            let width = match s.width.as_ref().map(|w| w.get_ref()) {
                None => Some(1.0),
                Some(toml::Value::String(p)) if p == "page" => None,
                Some(toml::Value::Float(f)) if (0.2..=1.0).contains(f) => Some(*f),
                Some(toml::Value::Integer(1)) => Some(1.0),
                Some(_) => {
                    diags.push(
                        Diagnostic::error(
                            "`width` is a share of the column, from 0.2 to 1, or \"page\"",
                            s.width.as_ref().map(|w| w.span()),
                        )
                        .with_help("write width = 0.5 for half the column, or width = \"page\""),
                    );
                    Some(1.0)
                }
            };
            Some(Component::Image(ImageBlock {
                image,
                span: s.file.as_ref().map(|f| f.span()),
                width,
                caption: text(&s.caption),
                credit: text(&s.credit),
                alt: text(&s.alt),
            }))
        }
        Some(other) => {
            diags.push(
                Diagnostic::error(
                    format!("unknown block type `{other}`"),
                    s.kind.as_ref().map(|k| k.span()),
                )
                .with_help(format!("use one of: {}", KINDS.join(", "))),
            );
            None
        }
        None => {
            diags.push(
                Diagnostic::error("a block needs a `type`", span).with_help(format!(
                    "add type = \"chart\" (or {})",
                    KINDS[1..].join(", ")
                )),
            );
            None
        }
    }
}

fn chart(
    s: &BlockSpec,
    base: &Folder,
    span: Option<std::ops::Range<usize>>,
    locale: numbers::Locale,
    diags: &mut Vec<Diagnostic>,
) -> Option<Chart> {
    let kind = match s.chart.as_ref().map(|c| c.get_ref().as_str()) {
        None | Some("bar") => ChartKind::Bar,
        Some("progress") => ChartKind::Progress,
        Some("column") => ChartKind::Column,
        Some("line") => ChartKind::Line,
        Some("grouped") => ChartKind::Grouped,
        Some(other) => {
            diags.push(
                Diagnostic::error(
                    format!("unknown chart `{other}`"),
                    s.chart.as_ref().map(|c| c.span()),
                )
                .with_help("use \"bar\" or \"progress\""),
            );
            return None;
        }
    };
    let mut csv_series = Vec::new();
    let data = match (&s.data, &s.csv) {
        (Some(d), None) => inline_data(d, diags)?,
        (None, Some(path)) => {
            let (data, names) = csv_data(base, path, kind, diags)?;
            csv_series = names;
            data
        }
        _ => {
            diags.push(
                Diagnostic::error("a chart needs `data` or `csv` (one of them)", span).with_help(
                    "add data = [{ label = \"…\", value = 1 }, …] or csv = \"data.csv\"",
                ),
            );
            return None;
        }
    };
    let format = s
        .format
        .as_ref()
        .map_or("grouped", |f| f.get_ref().as_str())
        .to_string();
    if numbers::format(1.0, &format).is_none() {
        diags.push(
            Diagnostic::error(
                format!("unknown number format `{format}`"),
                s.format.as_ref().map(|f| f.span()),
            )
            .with_help(format!("use one of: {}", numbers::FORMATS.join(", "))),
        );
        return None;
    }
    if kind == ChartKind::Progress && data.iter().any(|d| !(0.0..=100.0).contains(&d.value)) {
        diags.push(
            Diagnostic::error("a progress chart takes percentages from 0 to 100", span)
                .with_help("give each value as a percentage"),
        );
        return None;
    }
    let title = s.title.as_ref().map(|t| t.get_ref().clone());
    let fmt = |v: f64| numbers::format_in(v, &format, locale).unwrap_or_default();
    let series: Vec<String> = match s.series.as_ref().map(|v| v.get_ref()) {
        Some(toml::Value::Array(a)) => a
            .iter()
            .filter_map(|v| v.as_str().map(String::from))
            .collect(),
        _ if kind == ChartKind::Grouped => csv_series,
        _ => Vec::new(),
    };
    if kind == ChartKind::Grouped
        && (series.len() < 2 || data.iter().any(|d| d.values.len() != series.len()))
    {
        diags.push(
            Diagnostic::error(
                "a grouped chart needs `series` (two or more names) and `values` with one number per series",
                span,
            )
            .with_help("write series = [\"2019\", \"2020\"] and data = [{ label = \"…\", values = [1, 2] }]"),
        );
        return None;
    }
    if kind != ChartKind::Grouped && data.iter().any(|d| d.values.len() != 1) {
        diags.push(
            Diagnostic::error(
                "only a grouped chart takes `values`; this one takes one `value` per label",
                span,
            )
            .with_help("write chart = \"grouped\" with `series`, or give each label one value"),
        );
        return None;
    }
    let alt = s
        .alt
        .as_ref()
        .map(|a| a.get_ref().clone())
        .unwrap_or_else(|| {
            // A summary a screen reader can say in one breath: what, then each value.
            let items: Vec<String> = data
                .iter()
                .map(|d| {
                    if series.is_empty() {
                        format!("{}: {}", d.label, fmt(d.value))
                    } else {
                        let each: Vec<String> = series
                            .iter()
                            .zip(&d.values)
                            .map(|(s, v)| format!("{s} {}", fmt(*v)))
                            .collect();
                        format!("{}: {}", d.label, each.join(", "))
                    }
                })
                .collect();
            // A summary that fits a PDF string (and a listener's patience): past the
            // budget, the rest is counted, and the chart's data table has every value.
            let mut shown = 0;
            let mut len = 0;
            for item in &items {
                if len + item.len() > ALT_BUDGET {
                    break;
                }
                len += item.len() + 2;
                shown += 1;
            }
            let mut items = items;
            if shown < items.len() {
                let more = items.len() - shown;
                items.truncate(shown);
                items.push(format!("and {more} more"));
            }
            format!(
                "{} chart{}. {}.",
                match kind {
                    ChartKind::Bar => "Bar",
                    ChartKind::Column => "Column",
                    ChartKind::Line => "Line",
                    ChartKind::Progress => "Percentage",
                    ChartKind::Grouped => "Grouped bar",
                },
                title.as_ref().map_or(String::new(), |t| format!(": {t}")),
                items.join("; ")
            )
        });
    Some(Chart {
        kind,
        title,
        data,
        series,
        locale,
        format,
        alt,
        table: s.table.as_ref().is_some_and(|t| *t.get_ref()),
    })
}

fn inline_data(d: &Spanned<toml::Value>, diags: &mut Vec<Diagnostic>) -> Option<Vec<Datum>> {
    let bad = |diags: &mut Vec<Diagnostic>| {
        diags.push(
            Diagnostic::error(
                "chart `data` must be a list of { label, value } tables",
                Some(d.span()),
            )
            .with_help("write data = [{ label = \"Summary Care Records\", value = 55000000 }]"),
        );
        None
    };
    let toml::Value::Array(items) = d.get_ref() else {
        return bad(diags);
    };
    let mut out = Vec::new();
    for item in items {
        let toml::Value::Table(t) = item else {
            return bad(diags);
        };
        let num = |v: &toml::Value| v.as_float().or(v.as_integer().map(|i| i as f64));
        let label = t.get("label").and_then(|l| l.as_str());
        let values: Option<Vec<f64>> = match (t.get("value"), t.get("values")) {
            (Some(v), None) => num(v).map(|v| vec![v]),
            (None, Some(toml::Value::Array(vs))) => vs.iter().map(num).collect(),
            _ => None,
        };
        match (label, values) {
            (Some(l), Some(vs)) if !vs.is_empty() => out.push(Datum {
                label: l.to_string(),
                value: vs[0],
                values: vs,
            }),
            _ => return bad(diags),
        }
    }
    if out.is_empty() {
        return bad(diags);
    }
    Some(out)
}

/// Chart data from a CSV file: the data, and the names of its value columns (a grouped
/// chart's series, when report.toml gives none).
fn csv_data(
    base: &Folder,
    path: &SpannedStr,
    kind: ChartKind,
    diags: &mut Vec<Diagnostic>,
) -> Option<(Vec<Datum>, Vec<String>)> {
    let name = path.get_ref().trim();
    let bytes = match base.read(name, Kind::Csv) {
        Ok(b) => b,
        Err(e) => {
            diags.push(e.diagnostic("csv", name, Kind::Csv, Some(path.span())));
            return None;
        }
    };
    let help = "a chart's CSV has a header row, then one row per label: `label,value` (or `label,2019,2020` for a grouped chart)";
    let table = match super::csv::read(&bytes, name, kind == ChartKind::Grouped) {
        Ok(t) => t,
        Err(e) => {
            diags.push(Diagnostic::error(format!("`csv`: {e}"), Some(path.span())).with_help(help));
            return None;
        }
    };
    let data = table
        .rows
        .into_iter()
        .map(|(label, values)| Datum {
            label,
            value: values[0],
            values,
        })
        .collect();
    Some((data, table.header[1..].to_vec()))
}

fn table(
    s: &BlockSpec,
    span: Option<std::ops::Range<usize>>,
    locale: numbers::Locale,
    diags: &mut Vec<Diagnostic>,
) -> Option<Table> {
    let cell = |v: &toml::Value| match v {
        toml::Value::String(s) => Some((s.clone(), false)),
        toml::Value::Integer(i) => {
            numbers::format_in(*i as f64, "grouped", locale).map(|t| (t, true))
        }
        toml::Value::Float(f) => numbers::format_in(*f, "grouped", locale).map(|t| (t, true)),
        _ => None,
    };
    let columns: Option<Vec<String>> = match s.columns.as_ref().map(|c| c.get_ref()) {
        Some(toml::Value::Array(a)) => a.iter().map(|c| c.as_str().map(String::from)).collect(),
        _ => None,
    };
    let rows: Option<Vec<Vec<(String, bool)>>> = match s.rows.as_ref().map(|r| r.get_ref()) {
        Some(toml::Value::Array(rows)) => rows
            .iter()
            .map(|r| match r {
                toml::Value::Array(cells) => cells.iter().map(cell).collect(),
                _ => None,
            })
            .collect(),
        _ => None,
    };
    match (columns, rows) {
        (Some(columns), Some(rows)) if rows.iter().all(|r| r.len() == columns.len()) => {
            Some(Table {
                title: s.title.as_ref().map(|t| t.get_ref().clone()),
                columns,
                rows,
                decimal: locale.decimal,
            })
        }
        _ => {
            diags.push(
                Diagnostic::error(
                    "a table needs `columns` (headings) and `rows` with one cell per column",
                    span,
                )
                .with_help(
                    "write columns = [\"Service\", \"Users\"] and rows = [[\"NHS App\", 2000000]]",
                ),
            );
            None
        }
    }
}
