//! Stage 1: report.toml text → [`Spec`], the report exactly as written.
//!
//! In: the file's text. Out: serde types with spans, or every syntax and unknown-key problem
//! found, each pointing at its line and column. Unknown keys are collected with
//! `serde_ignored` (not `deny_unknown_fields`) so that all of them are reported in one run,
//! each with a "did you mean" drawn from the fields of the struct it was found in.

mod keys;
mod lenient;
mod schema;
mod types;

pub use schema::schema;

pub use types::*;

use crate::diag::{Diagnostic, did_you_mean};
use keys::{Seg, key_span, known_keys};

/// Parses report.toml. Returns the spec with every problem found in it (unknown keys and
/// values of the wrong kind are errors, but parsing goes on so that all are reported), or
/// only errors when the file is not valid TOML at all.
pub fn load(source: &str) -> Result<(Spec, Vec<Diagnostic>), Vec<Diagnostic>> {
    let (_, syntax) = toml::de::DeTable::parse_recoverable(source);
    if !syntax.is_empty() {
        return Err(syntax.iter().map(toml_error).collect());
    }
    let de = match toml::de::Deserializer::parse(source) {
        Ok(de) => de,
        Err(e) => return Err(vec![toml_error(&e)]),
    };
    let mut unknown: Vec<Vec<Seg>> = Vec::new();
    lenient::take();
    let parsed: Result<Spec, _> = serde_ignored::deserialize(de, |path| {
        unknown.push(keys::segments(&path));
    });
    let root = toml::de::DeTable::parse(source).ok();
    let mut diags: Vec<Diagnostic> = unknown
        .iter()
        .map(|path| unknown_key(root.as_ref().map(|r| r.get_ref()), path))
        .collect();
    diags.extend(lenient::take().into_iter().map(|mut d| {
        if let Some(key) = d.span.as_ref().and_then(|s| key_before(source, s.start)) {
            d.message = format!("`{key}`: {}", d.message);
        }
        d
    }));
    diags.sort_by_key(|d| d.span.as_ref().map_or(0, |s| s.start));
    match parsed {
        Ok(spec) => Ok((spec, diags)),
        Err(e) => {
            diags.push(toml_error(&e));
            Err(diags)
        }
    }
}

/// A TOML syntax or type error, reworded where the parser's words would puzzle a non-programmer.
fn toml_error(e: &toml::de::Error) -> Diagnostic {
    let raw = e.message().trim();
    let (message, help) = if let Some(field) = raw.strip_prefix("missing field ") {
        (
            format!("this table needs the key {field}"),
            format!("add {} = \"…\" to it", field.trim_matches('`')),
        )
    } else if raw.starts_with("invalid type") {
        (
            format!("wrong kind of value: {raw}"),
            "text goes in \"quotes\", numbers and true/false do not".to_string(),
        )
    } else {
        let help = if raw.contains("duplicate key") {
            "a key can appear only once in a table: delete or rename one of them"
        } else if raw.contains("invalid boolean") || raw.contains("invalid number") {
            "text goes in quotes: write it as key = \"…\""
        } else if raw.contains("unclosed table") || raw.contains("unclosed array") {
            "close the bracket on this line"
        } else if raw.contains("string") {
            "close the text with the same quote mark it opened with; long text goes in \"\"\"three quotes\"\"\""
        } else {
            "check the quotes, brackets and `=` on this line"
        };
        (
            format!("report.toml is not valid TOML: {raw}"),
            help.to_string(),
        )
    };
    Diagnostic::error(message, e.span()).with_help(help)
}

/// An unknown key, with the closest known key in its table as a suggestion.
fn unknown_key(root: Option<&toml::de::DeTable>, path: &[Seg]) -> Diagnostic {
    let (parent, key) = match path.split_last() {
        Some((Seg::Key(k), parent)) => (parent, k.as_str()),
        _ => (path, "?"),
    };
    let (table, known) = known_keys(parent);
    let mut d = Diagnostic::error(
        format!("unknown key `{key}` in {table}"),
        root.and_then(|r| key_span(r, path)),
    );
    d = match did_you_mean(key, &known) {
        Some(k) => d
            .with_label(format!("did you mean `{k}`?"))
            .with_help(format!("rename `{key}` to `{k}`")),
        None if known.is_empty() => d.with_help("remove this key"),
        None => d.with_help(format!(
            "remove it, or use one of: {}",
            known
                .iter()
                .map(|k| format!("`{k}`"))
                .collect::<Vec<_>>()
                .join(", ")
        )),
    };
    d
}

/// The key written before a value at `at` (`size = "big"` → `size`), if it is a plain key.
fn key_before(source: &str, at: usize) -> Option<&str> {
    let before = source.get(..at)?.trim_end();
    let before = before.strip_suffix('=')?.trim_end();
    let start = before
        .rfind(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '-'))
        .map_or(0, |i| i + 1);
    let key = &before[start..];
    (!key.is_empty()).then_some(key)
}
