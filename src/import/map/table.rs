//! A table's cells → a table block's `columns` and `rows`.
//!
//! In: rows of cell text and the report's language. Out: the first row as column headings,
//! the rest as rows of one cell per column, where a cell is a number only if folio would
//! print that number exactly as the author wrote it. So "1,234" (en) and "1.234" (de)
//! become numbers, aligned on the decimal mark; "2020" (a year: folio would print
//! "2,020"), "12.50" (folio would drop the zero), "007" and "45%" stay text, as typed.

use crate::model::numbers::{self, Locale};

/// A table cell as it will be written.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    Integer(i64),
    Float(f64),
}

/// A mapped table.
pub struct Table {
    pub columns: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
    /// Columns whose heading cell was empty (1-based), for a note.
    pub unnamed: Vec<usize>,
}

/// Maps rows of text; `None` when the table holds no text at all.
pub fn table(rows: &[Vec<String>], locale: Locale) -> Option<Table> {
    let rows: Vec<&Vec<String>> = rows
        .iter()
        .filter(|r| r.iter().any(|c| !c.trim().is_empty()))
        .collect();
    let width = rows.iter().map(|r| r.len()).max()?;
    let cell = |r: &Vec<String>, i: usize| r.get(i).map_or(String::new(), |c| super::plain_text(c));
    let columns: Vec<String> = (0..width).map(|i| cell(rows[0], i)).collect();
    let unnamed = columns
        .iter()
        .enumerate()
        .filter(|(_, c)| c.is_empty())
        .map(|(i, _)| i + 1)
        .collect();
    let body = rows[1..]
        .iter()
        .map(|r| (0..width).map(|i| value(&cell(r, i), locale)).collect())
        .collect();
    Some(Table {
        columns,
        rows: body,
        unnamed,
    })
}

/// A cell's value: a number if folio prints it back exactly as written, else the text.
pub fn value(text: &str, locale: Locale) -> Cell {
    let text_cell = || Cell::Text(text.to_string());
    // The author's hyphen-minus reads as folio's minus sign: the same number, better set.
    let typed = text.replace('-', "\u{2212}");
    let negative = typed.starts_with('\u{2212}');
    let digits = typed.trim_start_matches('\u{2212}');
    if digits.is_empty()
        || !digits.starts_with(|c: char| c.is_ascii_digit())
        || typed.matches('\u{2212}').count() > usize::from(negative)
    {
        return text_cell();
    }
    let mut plain = String::new();
    for c in digits.chars() {
        if c.is_ascii_digit() {
            plain.push(c);
        } else if c == locale.decimal {
            plain.push('.');
        } else if c == locale.group || (locale.group == '\u{202F}' && matches!(c, ' ' | '\u{A0}')) {
        } else {
            return text_cell();
        }
    }
    let Ok(n) = plain.parse::<f64>() else {
        return text_cell();
    };
    let n = if negative { -n } else { n };
    let normalised = typed.replace(['\u{A0}', ' '], "\u{202F}");
    let printed = numbers::format_in(
        n,
        &numbers::Format::of(crate::spec::NumberFormat::Grouped),
        locale,
    );
    if printed.as_deref() != Some(typed.as_str()) && printed.as_deref() != Some(&normalised) {
        return text_cell();
    }
    if plain.contains('.') {
        Cell::Float(n)
    } else {
        match plain.parse::<i64>() {
            Ok(i) => Cell::Integer(if negative { -i } else { i }),
            Err(_) => text_cell(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_numbers_only_when_folio_prints_them_as_written() {
        let en = Locale::EN;
        assert_eq!(value("1,234", en), Cell::Integer(1234));
        assert_eq!(value("999", en), Cell::Integer(999));
        assert_eq!(value("-42", en), Cell::Integer(-42));
        assert_eq!(value("12.5", en), Cell::Float(12.5));
        assert_eq!(value("2020", en), Cell::Text("2020".into()));
        assert_eq!(value("12.50", en), Cell::Text("12.50".into()));
        assert_eq!(value("007", en), Cell::Text("007".into()));
        assert_eq!(value("45%", en), Cell::Text("45%".into()));
        assert_eq!(value("1-2", en), Cell::Text("1-2".into()));
        assert_eq!(value("", en), Cell::Text(String::new()));
        let de = Locale::for_language("de-DE");
        assert_eq!(value("1.234,5", de), Cell::Float(1234.5));
        // German "1,234" is 1.234, which folio would print "1,23": it stays text.
        assert_eq!(value("1,234", de), Cell::Text("1,234".into()));
    }

    #[test]
    fn the_first_row_names_the_columns_and_short_rows_are_padded() {
        let rows = vec![
            vec!["Service".to_string(), "".into()],
            vec!["NHS App".into(), "2,000,000".into()],
            vec!["111 online".into()],
        ];
        let t = table(&rows, Locale::EN).unwrap();
        assert_eq!(t.columns, ["Service", ""]);
        assert_eq!(t.unnamed, [2]);
        assert_eq!(t.rows[0][1], Cell::Integer(2_000_000));
        assert_eq!(t.rows[1][1], Cell::Text(String::new()));
    }
}
