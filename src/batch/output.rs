//! Output file names from a pattern (`out/{id}.pdf`), and which rows a shard takes.
//!
//! In: the `-o` pattern, the data's columns and a row. Out: that row's PDF path, checked to
//! be one file name per value (a value can never reach another folder), or why not.

use super::data::Row;
use std::ops::Range;
use std::path::{Path, PathBuf};

/// The pattern's own placeholder for a row's number (1-based, in file order).
pub const ROW: &str = "row";

/// An `-o` pattern: text with `{column}` placeholders.
#[derive(Debug, Clone)]
pub struct Pattern {
    pieces: Vec<Part>,
}

#[derive(Debug, Clone)]
enum Part {
    Text(String),
    Column(String),
}

impl Pattern {
    /// Parses `out/{id}.pdf`; every column it names must be one of `columns` (or `row`).
    pub fn parse(pattern: &str, columns: &[String]) -> Result<Pattern, String> {
        let mut pieces = Vec::new();
        let mut rest = pattern;
        while let Some(open) = rest.find('{') {
            pieces.push(Part::Text(rest[..open].to_string()));
            let Some(close) = rest[open..].find('}') else {
                return Err(format!("`{pattern}`: a `{{` is not closed"));
            };
            let name = rest[open + 1..open + close].trim();
            if name != ROW && !columns.iter().any(|c| c == name) {
                return Err(format!(
                    "`{pattern}` names `{{{name}}}`, which is not a column of the data (columns: {}; or {{{ROW}}} for the row's number)",
                    columns.join(", ")
                ));
            }
            pieces.push(Part::Column(name.to_string()));
            rest = &rest[open + close + 1..];
        }
        pieces.push(Part::Text(rest.to_string()));
        if !pieces.iter().any(|p| matches!(p, Part::Column(_))) {
            return Err(format!(
                "`{pattern}` names no column, so every row would write the same file; write e.g. out/{{id}}.pdf"
            ));
        }
        Ok(Pattern { pieces })
    }

    /// The path for `row`; a value that is not a plain file name is an error naming the
    /// column.
    pub fn path(&self, row: &Row) -> Result<PathBuf, (String, String)> {
        let mut out = String::new();
        for p in &self.pieces {
            match p {
                Part::Text(t) => out.push_str(t),
                Part::Column(c) if c == ROW => out.push_str(&row.number.to_string()),
                Part::Column(c) => {
                    let value = row.get(c).map(|v| v.as_text()).unwrap_or_default();
                    let value = value.trim();
                    if let Some(why) = unsafe_name(value) {
                        return Err((
                            c.clone(),
                            format!("`{value}` cannot be part of a file name: {why}"),
                        ));
                    }
                    out.push_str(value);
                }
            }
        }
        Ok(PathBuf::from(out))
    }
}

/// Why a value is not a plain piece of a file name, if it is not.
fn unsafe_name(value: &str) -> Option<&'static str> {
    if value.is_empty() {
        Some("it is empty")
    } else if value.contains(['/', '\\']) {
        Some("it holds a folder separator")
    } else if value.starts_with('.') {
        Some("it starts with a dot")
    } else if value
        .chars()
        .any(|c| c.is_control() || matches!(c, ':' | '*' | '?' | '"' | '<' | '>' | '|'))
    {
        Some("it holds a character file systems do not allow")
    } else {
        None
    }
}

/// The print edition's file: the reader's name with `-print`, beside it.
pub fn print_path(reader: &Path) -> PathBuf {
    let stem = reader
        .file_stem()
        .map_or("report".into(), |s| s.to_string_lossy().into_owned());
    reader.with_file_name(format!("{stem}-print.pdf"))
}

/// `--shard K/N`: the K-th of N slices of the rows, K from 1 to N.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shard {
    pub index: usize,
    pub count: usize,
}

impl Shard {
    pub fn parse(s: &str) -> Result<Shard, String> {
        let bad = || format!("`{s}` is not a shard: write K/N with K from 1 to N, as in 2/8");
        let (k, n) = s.split_once('/').ok_or_else(bad)?;
        let (index, count) = (
            k.trim().parse::<usize>().map_err(|_| bad())?,
            n.trim().parse::<usize>().map_err(|_| bad())?,
        );
        if count == 0 || index == 0 || index > count {
            return Err(bad());
        }
        Ok(Shard { index, count })
    }

    /// Whether the row at `position` (0-based, in file order) is this shard's. Rows are
    /// dealt round-robin, so shards get rows from every part of the file and finish at
    /// about the same time; the slice depends only on K, N and the file.
    pub fn takes(&self, position: usize) -> bool {
        position % self.count == self.index - 1
    }
}

/// The span of a row's cell for `column`, or of the row.
pub fn cell_span(row: &Row, column: &str) -> Range<usize> {
    row.span_of(column).unwrap_or_else(|| row.span.clone())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::batch::data::{Format, read};

    #[test]
    fn patterns_name_known_columns_and_values_stay_file_names() {
        let data = read("id,name\nleeds,Leeds\n../etc,X\n,Y\n".into(), Format::Csv).unwrap();
        let p = Pattern::parse("out/{id}-{row}.pdf", &data.columns).unwrap();
        assert_eq!(
            p.path(&data.rows[0]).unwrap(),
            PathBuf::from("out/leeds-1.pdf")
        );
        assert!(
            p.path(&data.rows[1])
                .unwrap_err()
                .1
                .contains("folder separator")
        );
        assert!(p.path(&data.rows[2]).unwrap_err().1.contains("empty"));
        assert!(
            Pattern::parse("out/{idd}.pdf", &data.columns)
                .unwrap_err()
                .contains("`{idd}`")
        );
        assert!(
            Pattern::parse("out/all.pdf", &data.columns)
                .unwrap_err()
                .contains("no column")
        );
    }

    #[test]
    fn shards_deal_every_row_to_exactly_one_shard() {
        for n in 1..6 {
            let shards: Vec<Shard> = (1..=n)
                .map(|k| Shard::parse(&format!("{k}/{n}")).unwrap())
                .collect();
            for row in 0..23 {
                assert_eq!(shards.iter().filter(|s| s.takes(row)).count(), 1);
            }
        }
        for bad in ["0/3", "4/3", "1/0", "3", "a/b", "-1/2"] {
            assert!(Shard::parse(bad).is_err(), "{bad}");
        }
    }
}
