//! Lenient leaves: a value of the wrong type is recorded, not fatal.
//!
//! serde stops at the first type error, so a report.toml with three mistakes would need three
//! runs to fix. Every leaf of the spec (text, number, true/false, list of text) is therefore
//! read as a spanned TOML value first and converted second; a value of the wrong kind is
//! recorded here with its span and the field is left empty, and parsing goes on. `load`
//! collects the records once the whole file has been read.

use crate::diag::Diagnostic;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer};
use serde_spanned::Spanned;
use std::cell::RefCell;

thread_local! {
    static PROBLEMS: RefCell<Vec<Diagnostic>> = const { RefCell::new(Vec::new()) };
}

/// Takes the problems recorded on this thread since the last call.
pub fn take() -> Vec<Diagnostic> {
    PROBLEMS.with(|p| std::mem::take(&mut *p.borrow_mut()))
}

fn record(d: Diagnostic) {
    PROBLEMS.with(|p| p.borrow_mut().push(d));
}

/// What a leaf type expects, in words a non-programmer reads.
pub trait Expect {
    const EXPECTED: &'static str;
    const EXAMPLE: &'static str;
}

impl Expect for String {
    const EXPECTED: &'static str = "text in quotes";
    const EXAMPLE: &'static str = "\"like this\"";
}

impl Expect for f64 {
    const EXPECTED: &'static str = "a number";
    const EXAMPLE: &'static str = "10.5 (no quotes)";
}

impl Expect for bool {
    const EXPECTED: &'static str = "true or false";
    const EXAMPLE: &'static str = "true (no quotes)";
}

/// Describes a TOML value's kind.
fn kind(v: &toml::Value) -> &'static str {
    match v {
        toml::Value::String(_) => "text",
        toml::Value::Integer(_) | toml::Value::Float(_) => "a number",
        toml::Value::Boolean(_) => "true/false",
        toml::Value::Datetime(_) => "a date",
        toml::Value::Array(_) => "a list",
        toml::Value::Table(_) => "a table",
    }
}

fn convert<T: DeserializeOwned + Expect>(v: Spanned<toml::Value>) -> Option<Spanned<T>> {
    let span = v.span();
    // Integers are numbers too: `size = 11` means 11.0.
    let value = match v.get_ref() {
        toml::Value::Integer(i) if T::EXPECTED == f64::EXPECTED => toml::Value::Float(*i as f64),
        other => other.clone(),
    };
    match T::deserialize(value) {
        Ok(t) => Some(Spanned::new(span, t)),
        Err(_) => {
            record(
                Diagnostic::error(
                    format!("expected {}, found {}", T::EXPECTED, kind(v.get_ref())),
                    Some(span),
                )
                .with_help(format!("write the value as {}", T::EXAMPLE)),
            );
            None
        }
    }
}

/// A leaf: `Some` if present and of the right kind.
pub fn leaf<'de, D, T>(d: D) -> Result<Option<Spanned<T>>, D::Error>
where
    D: Deserializer<'de>,
    T: DeserializeOwned + Expect,
{
    Ok(convert(Spanned::<toml::Value>::deserialize(d)?))
}

/// A list of leaves; wrong items are recorded and dropped.
pub fn list<'de, D, T>(d: D) -> Result<Vec<Spanned<T>>, D::Error>
where
    D: Deserializer<'de>,
    T: DeserializeOwned + Expect,
{
    let v = Spanned::<toml::Value>::deserialize(d)?;
    let span = v.span();
    match v.into_inner() {
        toml::Value::Array(items) => Ok(items
            .into_iter()
            .filter_map(|i| convert(Spanned::new(span.clone(), i)))
            .collect()),
        other => {
            record(
                Diagnostic::error(
                    format!("expected a list, found {}", kind(&other)),
                    Some(span),
                )
                .with_help("write a list in square brackets: [\"one\", \"two\"]"),
            );
            Ok(Vec::new())
        }
    }
}
