//! Chart data from a CSV file, read with the `csv` crate.
//!
//! In: the file's bytes and its name. Out: the header's column names and one row of
//! (label, values) per record, or a sentence locating the problem at the file's own line
//! and column. What is accepted:
//! - a header row, then rows of a label and one number per further column (`label,value`;
//!   `label,2019,2020` for a grouped chart);
//! - quoting as spreadsheets write it (`"Trusts, acute",12`, doubled quotes inside), a
//!   UTF-8 byte-order mark, Windows line ends, blank lines;
//! - files that separate fields with `;` (as Excel does where the decimal mark is a comma):
//!   their numbers are read with a decimal comma (`12,5`) and `.` or a space grouping
//!   thousands (`1.234,5`);
//! - grouping commas inside a quoted number (`"1,234"`) and `_` or thin spaces as separators.
//!
//! What is refused, by line and column: a row with more or fewer fields than the header, a
//! value that is not a number or not finite (`NaN`, `inf`), a file with no rows under its
//! header, a file that is not UTF-8 text.

/// A CSV file read for a chart.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// The header's names, label column first.
    pub header: Vec<String>,
    /// Each row's label and values.
    pub rows: Vec<(String, Vec<f64>)>,
}

/// Reads a chart's CSV; `name` is how report.toml names it, for messages. Unless the
/// chart is `grouped`, the file has exactly two columns.
pub fn read(bytes: &[u8], name: &str, grouped: bool) -> Result<Table, String> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|e| {
        format!(
            "`{name}` is not UTF-8 text (at byte {}); save it from your spreadsheet as \"CSV UTF-8\"",
            e.valid_up_to()
        )
    })?;
    let first_line = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    let semicolons = first_line.contains(';') && !first_line.contains(',');
    let delimiter = if semicolons { b';' } else { b',' };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let mut header: Option<Vec<String>> = None;
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| {
            let at = e
                .position()
                .map_or(String::new(), |p| format!(" line {}", p.line()));
            format!("`{name}`{at} cannot be read as CSV: {}", plain(&e))
        })?;
        let line = record.position().map_or(0, |p| p.line());
        if record.iter().all(str::is_empty) {
            continue;
        }
        let Some(header) = &header else {
            if record.len() < 2 {
                return Err(format!(
                    "`{name}` line {line}: the header has {} column; a chart's CSV starts with a header like `label,value`",
                    record.len()
                ));
            }
            if !grouped && record.len() != 2 {
                return Err(format!(
                    "`{name}` has {} columns ({}); this chart takes two, a label and a value",
                    record.len(),
                    record.iter().collect::<Vec<_>>().join(", ")
                ));
            }
            header = Some(record.iter().map(str::to_string).collect());
            continue;
        };
        if record.len() != header.len() {
            let starts_quoted = record
                .position()
                .and_then(|p| text.get(p.byte() as usize..))
                .is_some_and(|rest| rest.trim_start().starts_with('"'));
            let runs_to_the_end = record.position().is_some_and(|p| {
                !text[p.byte() as usize..].trim_end().contains(['\n', '\r'])
                    || text[p.byte() as usize..].matches('"').count() % 2 == 1
            });
            if starts_quoted && runs_to_the_end {
                return Err(format!(
                    "`{name}` line {line}: a quote opened here is never closed"
                ));
            }
            return Err(format!(
                "`{name}` line {line} has {} field{}, but the header has {} ({})",
                record.len(),
                if record.len() == 1 { "" } else { "s" },
                header.len(),
                header.join(", ")
            ));
        }
        let label = record[0].to_string();
        let mut values = Vec::with_capacity(record.len() - 1);
        for (i, field) in record.iter().enumerate().skip(1) {
            let v = number(field, semicolons).ok_or_else(|| {
                let hint = if !semicolons && field.contains(',') {
                    "; a number with a decimal comma needs a file separated by `;`"
                } else if semicolons && field.contains('.') && !field.contains(',') {
                    "; this file separates fields with `;`, so its decimals take a comma (12,5)"
                } else {
                    ""
                };
                format!(
                    "`{name}` line {line}, column {} (`{}`): `{field}` is not a number{hint}",
                    i + 1,
                    header[i]
                )
            })?;
            values.push(v);
        }
        rows.push((label, values));
    }
    let Some(header) = header else {
        return Err(format!(
            "`{name}` is empty; it needs a header like `label,value` and rows under it"
        ));
    };
    if rows.is_empty() {
        return Err(format!(
            "`{name}` has a header but no rows of data under it"
        ));
    }
    Ok(Table { header, rows })
}

/// A number as a spreadsheet writes it; `None` for anything else, NaN and infinities.
fn number(field: &str, decimal_comma: bool) -> Option<f64> {
    let mut s: String = field
        .chars()
        .filter(|c| !matches!(c, '_' | ' ' | '\u{A0}' | '\u{202F}'))
        .collect();
    if decimal_comma {
        if !grouped(&s, '.', ',') {
            return None;
        }
        s = s.replace('.', "").replace(',', ".");
    } else {
        if !grouped(&s, ',', '.') {
            return None;
        }
        s = s.replace(',', "");
    }
    // Only digits, one decimal point and a leading sign: Rust would also take "NaN",
    // "inf" and "1e5", which no spreadsheet writes for a figure.
    let body = s.strip_prefix(['-', '+']).unwrap_or(&s);
    let well_formed = !body.is_empty()
        && body.chars().all(|c| c.is_ascii_digit() || c == '.')
        && body.matches('.').count() <= 1
        && body.chars().any(|c| c.is_ascii_digit());
    let v: f64 = s.parse().ok().filter(|_| well_formed)?;
    v.is_finite().then_some(v)
}

/// Whether `group` separators in `s` sit every three digits of the whole part (a decimal
/// `point` ends it): `1,234,567.5` is grouped; `1,23` is not.
fn grouped(s: &str, group: char, point: char) -> bool {
    let whole = s.split(point).next().unwrap_or("");
    let whole = whole.trim_start_matches(['-', '+']);
    let mut parts = whole.split(group);
    let first = parts.next().unwrap_or("");
    let rest: Vec<&str> = parts.collect();
    rest.is_empty() || (!first.is_empty() && first.len() <= 3 && rest.iter().all(|p| p.len() == 3))
}

/// The csv crate's error in words, without its internal detail.
fn plain(e: &csv::Error) -> String {
    match e.kind() {
        csv::ErrorKind::Utf8 { .. } => "it is not UTF-8 text".into(),
        csv::ErrorKind::Io(_) => "it could not be read".into(),
        _ => e.to_string().to_lowercase(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(src: &str) -> Vec<(String, Vec<f64>)> {
        read(src.as_bytes(), "d.csv", false).unwrap().rows
    }

    #[test]
    fn quoting_bom_crlf_and_blank_lines_are_read() {
        let t = rows(
            "\u{FEFF}label,value\r\n\"Trusts, acute\",12\r\n\r\n\"He said \"\"hi\"\"\",\"1,234.5\"\r\n",
        );
        assert_eq!(
            t,
            vec![
                ("Trusts, acute".to_string(), vec![12.0]),
                ("He said \"hi\"".to_string(), vec![1234.5])
            ]
        );
    }

    #[test]
    fn semicolon_files_take_decimal_commas() {
        let t = rows("label;value\nA;12,5\nB;1.234,5\nC;-3\n");
        assert_eq!(t[0].1, vec![12.5]);
        assert_eq!(t[1].1, vec![1234.5]);
        assert_eq!(t[2].1, vec![-3.0]);
        let e = read(b"label;value\nA;1.5\n", "d.csv", false).unwrap_err();
        assert!(e.contains("decimals take a comma"), "{e}");
    }

    #[test]
    fn problems_are_placed_at_their_line_and_column() {
        let e = read(b"label,value\nA,1\nB,2,3\n", "d.csv", false).unwrap_err();
        assert_eq!(
            e,
            "`d.csv` line 3 has 3 fields, but the header has 2 (label, value)"
        );
        let e = read(b"label,value\nA,NaN\n", "d.csv", false).unwrap_err();
        assert_eq!(
            e,
            "`d.csv` line 2, column 2 (`value`): `NaN` is not a number"
        );
        let e = read(b"label,value\nA,inf\n", "d.csv", false).unwrap_err();
        assert!(e.contains("`inf` is not a number"));
        let e = read(b"label,value\n", "d.csv", false).unwrap_err();
        assert!(e.contains("no rows"));
        let e = read(b"", "d.csv", false).unwrap_err();
        assert!(e.contains("is empty"));
        let e = read(b"label,value\nA,\xE9\n", "d.csv", false).unwrap_err();
        assert!(e.contains("not UTF-8"));
        let e = read(b"label,value\nA,12,5\n", "d.csv", false).unwrap_err();
        assert!(e.contains("line 2 has 3 fields"), "{e}");
    }

    #[test]
    fn numbers_are_what_spreadsheets_write() {
        assert_eq!(number("1,234,567.25", false), Some(1234567.25));
        assert_eq!(number("1 234", false), Some(1234.0));
        assert_eq!(number("1,23", false), None);
        assert_eq!(number("1e5", false), None);
        assert_eq!(number("NaN", false), None);
        assert_eq!(number("-", false), None);
        assert_eq!(number("5e-324", false), None);
        assert_eq!(number("0.5", false), Some(0.5));
    }
}
