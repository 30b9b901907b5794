//! Where characters are written in report.toml, for warnings that point at one character.
//!
//! In: report.toml's source and a set of characters. Out: every place one of them is written
//! in a text value, with the value's key (`sections[2].body`). The source is read as TOML
//! once more, by toml's spanned document parser, so that every text value is found whatever
//! the spec's types look like; values that are never printed (paths, colours, ids, language
//! tags) are skipped.

use std::collections::BTreeSet;
use std::ops::Range;
use toml::de::{DeTable, DeValue};

/// Keys whose values are never printed as text.
const NOT_TEXT: [&str; 20] = [
    "id",
    "file",
    "csv",
    "logo",
    "profile",
    "fallback",
    "hex",
    "spot",
    "language",
    "lang",
    "type",
    "chart",
    "format",
    "align",
    "size",
    "margins",
    "bleed",
    "safe_area",
    "date",
    "width",
];

/// A character written in report.toml: which, under which key, and where.
pub struct Place {
    pub c: char,
    pub key: String,
    pub span: Range<usize>,
}

/// Every place a character of `chars` is written in a text value of `source`, in order.
pub fn places(source: &str, chars: &BTreeSet<char>) -> Vec<Place> {
    let mut out = Vec::new();
    if let Ok(doc) = DeTable::parse(source) {
        table(source, doc.get_ref(), "", chars, &mut out);
    }
    out.sort_by_key(|p| p.span.start);
    out
}

fn table(source: &str, t: &DeTable, path: &str, chars: &BTreeSet<char>, out: &mut Vec<Place>) {
    for (k, v) in t {
        let key = k.get_ref().as_ref();
        let path = if path.is_empty() {
            key.to_string()
        } else {
            format!("{path}.{key}")
        };
        // `[brand.fonts] body`/`heading` name fonts, not text.
        let font_key = path == "brand.fonts.body" || path == "brand.fonts.heading";
        if NOT_TEXT.contains(&key) || font_key {
            continue;
        }
        value(source, v.get_ref(), v.span(), &path, chars, out);
    }
}

fn value(
    source: &str,
    v: &DeValue,
    span: Range<usize>,
    path: &str,
    chars: &BTreeSet<char>,
    out: &mut Vec<Place>,
) {
    match v {
        DeValue::String(_) => {
            let Some(written) = source.get(span.clone()) else {
                return;
            };
            for (i, c) in written.char_indices() {
                if chars.contains(&c) {
                    let at = span.start + i;
                    out.push(Place {
                        c,
                        key: path.to_string(),
                        span: at..at + c.len_utf8(),
                    });
                }
            }
        }
        DeValue::Table(t) => table(source, t, path, chars, out),
        DeValue::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                let key = format!("{path}[{}]", i + 1);
                value(source, item.get_ref(), item.span(), &key, chars, out);
            }
        }
        _ => {}
    }
}
