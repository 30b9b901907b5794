//! Stage 1: report.toml text → [`Spec`], the report exactly as written.
//!
//! In: the file's text. Out: serde types with spans, or every syntax and unknown-key problem
//! found, each pointing at its line and column. Unknown keys are collected with
//! `serde_ignored` (not `deny_unknown_fields`) so that all of them are reported in one run,
//! each with a "did you mean" drawn from the fields of the struct it was found in.

mod keys;
mod types;

pub use types::*;

use crate::diag::{Diagnostic, did_you_mean};
use keys::{Seg, key_span, known_keys};

/// Parses report.toml. Unknown keys are errors: a misspelt key silently ignored would
/// change the report without telling anyone.
pub fn load(source: &str) -> Result<Spec, Vec<Diagnostic>> {
    let de = match toml::de::Deserializer::parse(source) {
        Ok(de) => de,
        Err(e) => return Err(vec![toml_error(&e)]),
    };
    let mut unknown: Vec<Vec<Seg>> = Vec::new();
    let parsed: Result<Spec, _> = serde_ignored::deserialize(de, |path| {
        unknown.push(keys::segments(&path));
    });
    let mut diags: Vec<Diagnostic> = unknown
        .iter()
        .map(|path| unknown_key(source, path))
        .collect();
    match parsed {
        Ok(spec) if diags.is_empty() => Ok(spec),
        Ok(_) => Err(diags),
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
        (
            format!("report.toml is not valid TOML: {raw}"),
            "check the quotes, brackets and `=` on this line".to_string(),
        )
    };
    Diagnostic::error(message, e.span()).with_help(help)
}

/// An unknown key, with the closest known key in its table as a suggestion.
fn unknown_key(source: &str, path: &[Seg]) -> Diagnostic {
    let (parent, key) = match path.split_last() {
        Some((Seg::Key(k), parent)) => (parent, k.as_str()),
        _ => (path, "?"),
    };
    let (table, known) = known_keys(parent);
    let mut d = Diagnostic::error(
        format!("unknown key `{key}` in {table}"),
        key_span(source, path),
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
