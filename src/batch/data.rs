//! The rows of a batch: a CSV file, a TOML file of `[[rows]]`, or a JSON array of objects.
//!
//! In: the data file's text and its kind (from its extension). Out: [`Data`] — each row's
//! values by column name, each value with where it is written in the file (a byte span, so
//! messages can say `data.csv:4:17`), or every problem in the file at once.

use super::template::Value;
use crate::diag::Diagnostic;
use std::collections::BTreeMap;
use std::ops::Range;

/// One row: its values, by column.
#[derive(Debug, Clone)]
pub struct Row {
    /// 1-based, in file order (a CSV's header is not a row).
    pub number: usize,
    /// Where the row starts in the data file.
    pub span: Range<usize>,
    cells: BTreeMap<String, (Value, Option<Range<usize>>)>,
}

impl Row {
    pub fn get(&self, column: &str) -> Option<Value> {
        self.cells.get(column).map(|(v, _)| v.clone())
    }

    /// Where `column`'s value is written, if the format tells.
    pub fn span_of(&self, column: &str) -> Option<Range<usize>> {
        self.cells.get(column).and_then(|(_, s)| s.clone())
    }
}

/// Every row of a data file.
#[derive(Debug)]
pub struct Data {
    pub source: String,
    /// The columns every row has (a CSV's header; for TOML and JSON, the keys of the first
    /// row).
    pub columns: Vec<String>,
    pub rows: Vec<Row>,
}

/// The formats a data file can be in, by extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Csv,
    Toml,
    Json,
}

impl Format {
    pub fn from_path(path: &std::path::Path) -> Option<Format> {
        match path.extension()?.to_str()?.to_ascii_lowercase().as_str() {
            "csv" => Some(Format::Csv),
            "toml" => Some(Format::Toml),
            "json" => Some(Format::Json),
            _ => None,
        }
    }
}

/// Reads the rows of `source`; on failure the problems, with the source back to place them.
pub fn read(source: String, format: Format) -> Result<Data, (Vec<Diagnostic>, String)> {
    let rows = match format {
        Format::Csv => csv_rows(&source),
        Format::Toml => toml_rows(&source),
        Format::Json => json_rows(&source),
    };
    let (columns, rows) = match rows {
        Ok(r) => r,
        Err(d) => return Err((d, source)),
    };
    Ok(Data {
        source,
        columns,
        rows,
    })
}

fn csv_rows(source: &str) -> Result<(Vec<String>, Vec<Row>), Vec<Diagnostic>> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .from_reader(source.as_bytes());
    let header: Vec<String> = match reader.headers() {
        Ok(h) => h.iter().map(|c| c.trim().to_string()).collect(),
        Err(e) => return Err(vec![csv_error(&e, source)]),
    };
    let mut errors = Vec::new();
    let mut seen: Vec<&str> = Vec::new();
    for (i, name) in header.iter().enumerate() {
        if name.is_empty() {
            errors.push(
                Diagnostic::error(format!("column {} has no name", i + 1), Some(0..0))
                    .with_help("the first line names every column: id,trust,users"),
            );
        } else if seen.contains(&name.as_str()) {
            errors.push(
                Diagnostic::error(format!("two columns are named `{name}`"), Some(0..0))
                    .with_help("give each column a name of its own in the first line"),
            );
        }
        seen.push(name);
    }
    // Where each record's fields are written, from the text itself: the reader's own
    // positions do not count a byte-order mark, which spreadsheets put at the start.
    let mut records = record_spans(source).into_iter().skip(1);
    let mut rows = Vec::new();
    for record in reader.records() {
        let spans = records.next().unwrap_or_default();
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                errors.push(csv_error(&e, source));
                continue;
            }
        };
        let span = match (spans.first(), spans.last()) {
            (Some(first), Some(last)) => first.start..last.end,
            _ => 0..0,
        };
        let cells = header
            .iter()
            .zip(record.iter())
            .enumerate()
            .map(|(i, (name, value))| {
                let at = spans.get(i).cloned();
                (name.clone(), (Value::Text(value.to_string()), at))
            })
            .collect();
        rows.push(Row {
            number: rows.len() + 1,
            span,
            cells,
        });
    }
    if errors.is_empty() {
        Ok((header, rows))
    } else {
        Err(errors)
    }
}

fn csv_error(e: &csv::Error, source: &str) -> Diagnostic {
    // The record's start, found in the text (see `record_spans`).
    let at = e
        .position()
        .and_then(|p| {
            record_spans(source)
                .get(p.record() as usize)?
                .first()
                .cloned()
        })
        .map_or(0, |r| r.start)
        .min(source.len());
    let message = match e.kind() {
        csv::ErrorKind::UnequalLengths {
            expected_len, len, ..
        } => format!("this row has {len} values, but the header names {expected_len} columns"),
        csv::ErrorKind::Utf8 { .. } => "this row is not UTF-8 text".to_string(),
        _ => format!("this is not CSV: {e}"),
    };
    let line_end = source[at..].find('\n').map_or(source.len(), |e| at + e);
    Diagnostic::error(message, Some(at..line_end)).with_help(
        "each line holds one value per column, separated by commas; quote a value that \
         holds a comma: \"Leeds, West\"",
    )
}

/// The byte spans of every field of every record (the header first), skipping blank lines
/// as the CSV reader does; quoted fields may hold commas, quotes and line breaks.
fn record_spans(source: &str) -> Vec<Vec<Range<usize>>> {
    let bytes = source.as_bytes();
    let mut i = if source.starts_with('\u{feff}') { 3 } else { 0 };
    let mut records = Vec::new();
    while i < bytes.len() {
        if matches!(bytes[i], b'\n' | b'\r') {
            i += 1;
            continue;
        }
        let mut fields = Vec::new();
        loop {
            let start = i;
            if bytes.get(i) == Some(&b'"') {
                i += 1;
                while i < bytes.len() {
                    if bytes[i] == b'"' {
                        if bytes.get(i + 1) == Some(&b'"') {
                            i += 2;
                            continue;
                        }
                        i += 1;
                        break;
                    }
                    i += 1;
                }
            }
            while i < bytes.len() && !matches!(bytes[i], b',' | b'\n' | b'\r') {
                i += 1;
            }
            fields.push(start..i);
            if bytes.get(i) == Some(&b',') {
                i += 1;
                continue;
            }
            break;
        }
        records.push(fields);
    }
    records
}

fn toml_rows(source: &str) -> Result<(Vec<String>, Vec<Row>), Vec<Diagnostic>> {
    type Cells = BTreeMap<String, serde_spanned::Spanned<toml::Value>>;
    #[derive(serde::Deserialize)]
    struct File {
        rows: Vec<serde_spanned::Spanned<Cells>>,
    }
    let file: File = toml::from_str(source).map_err(|e| {
        vec![
            Diagnostic::error(
                format!("this is not a TOML file of rows: {}", e.message()),
                e.span(),
            )
            .with_help("write each row as a [[rows]] table: [[rows]]\\nid = \"leeds\""),
        ]
    })?;
    let mut errors = Vec::new();
    let mut rows = Vec::new();
    for (i, row) in file.rows.into_iter().enumerate() {
        let span = row.span();
        let mut cells = BTreeMap::new();
        for (k, v) in row.into_inner() {
            let at = v.span();
            let value = match v.into_inner() {
                toml::Value::String(s) => Value::Text(s),
                toml::Value::Integer(n) => Value::Number(n as f64),
                toml::Value::Float(f) => Value::Number(f),
                toml::Value::Boolean(b) => Value::Bool(b),
                other => {
                    errors.push(Diagnostic::error(
                        format!(
                            "`{k}` is a {}; a value to fill in is text, a number or true/false",
                            other.type_str()
                        ),
                        Some(at),
                    ));
                    continue;
                }
            };
            cells.insert(k, (value, Some(at)));
        }
        rows.push(Row {
            number: i + 1,
            span,
            cells,
        });
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let columns = rows
        .first()
        .map(|r| r.cells.keys().cloned().collect())
        .unwrap_or_default();
    Ok((columns, rows))
}

fn json_rows(source: &str) -> Result<(Vec<String>, Vec<Row>), Vec<Diagnostic>> {
    let at = |line: usize, col: usize| {
        let start: usize = source
            .split_inclusive('\n')
            .take(line.saturating_sub(1))
            .map(str::len)
            .sum();
        let at = (start + col.saturating_sub(1)).min(source.len());
        at..at
    };
    let value: serde_json::Value = serde_json::from_str(source).map_err(|e| {
        vec![
            Diagnostic::error(
                format!("this is not JSON: {e}"),
                Some(at(e.line(), e.column())),
            )
            .with_help("write the rows as an array of objects: [{\"id\": \"leeds\"}, …]"),
        ]
    })?;
    let items = match value {
        serde_json::Value::Array(items) => items,
        serde_json::Value::Object(mut o) if o.get("rows").is_some_and(|r| r.is_array()) => {
            match o.remove("rows") {
                Some(serde_json::Value::Array(items)) => items,
                _ => Vec::new(),
            }
        }
        _ => {
            return Err(vec![
                Diagnostic::error("the JSON is not an array of rows", Some(0..0))
                    .with_help("write the rows as an array of objects: [{\"id\": \"leeds\"}, …]"),
            ]);
        }
    };
    // JSON readers give no positions inside a document, so a JSON value is named by its
    // row and key in messages.
    let mut errors = Vec::new();
    let mut rows = Vec::new();
    for (i, item) in items.into_iter().enumerate() {
        let serde_json::Value::Object(object) = item else {
            errors.push(Diagnostic::error(
                format!("row {} is not an object of named values", i + 1),
                None,
            ));
            continue;
        };
        let mut cells = BTreeMap::new();
        for (k, v) in object {
            let value = match v {
                serde_json::Value::String(s) => Value::Text(s),
                serde_json::Value::Number(n) => Value::Number(n.as_f64().unwrap_or(f64::NAN)),
                serde_json::Value::Bool(b) => Value::Bool(b),
                serde_json::Value::Null => Value::Text(String::new()),
                _ => {
                    errors.push(Diagnostic::error(
                        format!(
                            "row {}: `{k}` is a list or object; a value to fill in is text, a number or true/false",
                            i + 1
                        ),
                        None,
                    ));
                    continue;
                }
            };
            cells.insert(k, (value, None));
        }
        rows.push(Row {
            number: i + 1,
            span: 0..0,
            cells,
        });
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let columns = rows
        .first()
        .map(|r| r.cells.keys().cloned().collect())
        .unwrap_or_default();
    Ok((columns, rows))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_rows_know_where_each_value_is_written() {
        let src = "id,trust,users\nleeds,\"Leeds, West\",42000\nyork,York,7\n";
        let data = read(src.to_string(), Format::Csv).unwrap();
        assert_eq!(data.columns, ["id", "trust", "users"]);
        assert_eq!(data.rows.len(), 2);
        let r = &data.rows[0];
        assert_eq!(r.get("trust"), Some(Value::Text("Leeds, West".into())));
        assert_eq!(&src[r.span_of("trust").unwrap()], "\"Leeds, West\"");
        assert_eq!(&src[r.span_of("users").unwrap()], "42000");
        assert_eq!(&src[data.rows[1].span_of("trust").unwrap()], "York");
    }

    #[test]
    fn a_spreadsheets_byte_order_mark_and_crlf_line_ends_keep_positions_right() {
        let src = "\u{feff}id,trust,date\r\nleeds,Leeds,2025-01-31\r\n\r\nyork,York,2025-02-30\r\n";
        let data = read(src.to_string(), Format::Csv).unwrap();
        assert_eq!(data.columns, ["id", "trust", "date"]);
        let york = &data.rows[1];
        assert_eq!(&src[york.span_of("date").unwrap()], "2025-02-30");
        let d = Diagnostic::error("", york.span_of("date"));
        assert_eq!(d.line_col(src), Some((4, 11)));
    }

    #[test]
    fn a_short_csv_row_is_an_error_at_its_line() {
        let src = "id,trust\nleeds,Leeds\nyork\nhull,Hull\n";
        let e = read(src.to_string(), Format::Csv).unwrap_err().0;
        assert_eq!(e.len(), 1);
        assert_eq!(e[0].line_col(src), Some((3, 1)));
        assert!(e[0].message.contains("1 values"), "{}", e[0].message);
    }

    #[test]
    fn toml_and_json_rows_keep_their_types() {
        let t = read(
            "[[rows]]\nid = \"leeds\"\nusers = 42000\n[[rows]]\nid = \"york\"\nusers = 7.5\n"
                .into(),
            Format::Toml,
        )
        .unwrap();
        assert_eq!(t.rows[1].get("users"), Some(Value::Number(7.5)));
        assert_eq!(t.rows[0].span_of("id").map(|s| s.start), Some(14));
        let j = read(r#"[{"id": "leeds", "ok": true}]"#.into(), Format::Json).unwrap();
        assert_eq!(j.rows[0].get("ok"), Some(Value::Bool(true)));
        let e = read("[{\"id\": [1]}]".into(), Format::Json).unwrap_err().0;
        assert!(e[0].message.contains("row 1: `id`"), "{}", e[0].message);
    }
}
