//! Lenient reading: a value of the wrong kind is recorded, not fatal.
//!
//! serde stops at the first error, so a report.toml with three mistakes would need three
//! runs to fix. Every field of the spec is therefore read whole as a [`Node`] first and
//! converted second; a value that does not convert is recorded here with its span, in the
//! author's words (what was found, what was expected, how to write it, and "did you mean"
//! for a misspelt name), the field is left empty, and parsing goes on. `load` collects the
//! records once the whole file has been read.

use super::de::{self, Error, current_key, from_node};
use super::node::Node;
use super::values::SpannedList;
use crate::diag::{Diagnostic, did_you_mean};
use serde::Deserialize;
use serde::de::{DeserializeOwned, Deserializer};
use serde_spanned::Spanned;
use std::cell::RefCell;

thread_local! {
    static PROBLEMS: RefCell<Vec<Diagnostic>> = const { RefCell::new(Vec::new()) };
}

/// Takes the problems recorded on this thread since the last call.
pub fn take() -> Vec<Diagnostic> {
    PROBLEMS.with(|p| std::mem::take(&mut *p.borrow_mut()))
}

/// Records a problem found while reading.
pub fn record(d: Diagnostic) {
    PROBLEMS.with(|p| p.borrow_mut().push(d));
}

/// What a value should be, in words a non-programmer reads.
pub trait Expect {
    /// "text in quotes", "true or false", "one of \"left\", \"justify\"".
    fn expected() -> String;
    /// How to write one: `"like this"`.
    fn example() -> String;
    /// Whether this is a table (written `[name]` or `[[name]]` on its own line).
    const TABLE: bool = false;
    /// How to fix a value of the wrong kind written for `key`.
    fn how(key: &str) -> String {
        let _ = key;
        format!("write the value as {}", Self::example())
    }
}

impl Expect for String {
    fn expected() -> String {
        "text in quotes".into()
    }
    fn example() -> String {
        "\"like this\"".into()
    }
}

impl Expect for f64 {
    fn expected() -> String {
        "a number".into()
    }
    fn example() -> String {
        "10.5 (no quotes)".into()
    }
}

impl Expect for u8 {
    fn expected() -> String {
        "a whole number".into()
    }
    fn example() -> String {
        "2 (no quotes)".into()
    }
}

impl Expect for bool {
    fn expected() -> String {
        "true or false".into()
    }
    fn example() -> String {
        "true (no quotes)".into()
    }
}

/// A fixed set of names (a unit enum). Its names are read from the enum itself, so help
/// texts list exactly what the parser accepts.
pub trait Choice: DeserializeOwned {}

impl<T: Choice> Expect for T {
    fn expected() -> String {
        format!("one of {}", quoted(names::<T>()))
    }
    fn example() -> String {
        format!("\"{}\"", names::<T>().first().copied().unwrap_or(""))
    }
}

/// `"a", "b" or "c"`.
pub fn quoted(names: &[&str]) -> String {
    let q: Vec<String> = names.iter().map(|n| format!("\"{n}\"")).collect();
    match q.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} or {last}", rest.join(", ")),
        _ => q.join(""),
    }
}

/// The names an enum accepts, read by asking it to deserialise from a probe.
pub fn names<T: DeserializeOwned>() -> &'static [&'static str] {
    super::probe::accepted::<T>()
}

/// Converts a node, recording a problem if it does not fit.
pub fn convert<T: DeserializeOwned + Expect>(node: Spanned<Node>) -> Option<Spanned<T>> {
    let span = node.span();
    match from_node::<T>(node.clone()) {
        Ok(t) => Some(Spanned::new(span, t)),
        Err(e) => {
            record(problem::<T>(&node, e));
            None
        }
    }
}

/// The message for a value that did not convert.
fn problem<T: Expect>(node: &Spanned<Node>, e: Error) -> Diagnostic {
    let key = current_key().unwrap_or_else(|| "value".into());
    let span = Some(node.span());
    match e {
        Error::UnknownName { found, expected } => {
            let mut d = Diagnostic::error(format!("`{key}` cannot be `{found}`"), span);
            let suggestion = expected
                .iter()
                .find(|n| n.eq_ignore_ascii_case(&found))
                .copied()
                .or_else(|| did_you_mean(&found.to_lowercase(), expected));
            if let Some(s) = suggestion {
                d = d.with_label(format!("did you mean `{s}`?"));
            }
            let how = if T::expected().starts_with("one of ") {
                quoted(expected)
            } else {
                T::expected()
            };
            d.with_help(format!("use {how}"))
        }
        Error::Invalid(why) => Diagnostic::error(format!("`{key}`: {why}"), span)
            .with_help(format!("write it as {}", T::example())),
        Error::WrongKind => {
            let d = Diagnostic::error(
                format!(
                    "`{key}`: expected {}, found {}",
                    T::expected(),
                    node.get_ref().kind()
                ),
                span,
            );
            d.with_help(wrong_kind_help::<T>(&key, node.get_ref()))
        }
    }
}

/// How to fix a value of the wrong kind, using what was written where that helps.
fn wrong_kind_help<T: Expect>(key: &str, found: &Node) -> String {
    let expected = T::expected();
    match found {
        Node::Text(t) if expected == bool::expected() => match t.trim().to_lowercase().as_str() {
            "yes" | "true" | "on" | "y" => format!("write {key} = true, without quotes"),
            "no" | "false" | "off" | "n" => format!("write {key} = false, without quotes"),
            _ => "write true or false, without quotes".to_string(),
        },
        Node::Text(t)
            if (expected == f64::expected() || expected == u8::expected())
                && t.trim().replace([',', '_'], "").parse::<f64>().is_ok() =>
        {
            format!(
                "numbers go without quotes: write {key} = {}",
                t.trim().replace(',', "")
            )
        }
        Node::Integer(_) | Node::Float(_) | Node::Bool(_) if expected == String::expected() => {
            format!("text goes in quotes: write {key} = \"{}\"", plain(found))
        }
        Node::Date(d) if expected == String::expected() => {
            format!("write the date in quotes: {key} = \"{d}\"")
        }
        _ => T::how(key),
    }
}

fn plain(n: &Node) -> String {
    match n {
        Node::Integer(i) => i.to_string(),
        Node::Float(f) => f.to_string(),
        Node::Bool(b) => b.to_string(),
        Node::Text(t) | Node::Date(t) => t.clone(),
        _ => String::new(),
    }
}

/// A field read leniently: `Some` if present and of the right kind.
pub fn leaf<'de, D, T>(d: D) -> Result<Option<Spanned<T>>, D::Error>
where
    D: Deserializer<'de>,
    T: DeserializeOwned + Expect,
{
    Ok(convert(Spanned::<Node>::deserialize(d)?))
}

/// An optional table read leniently, without its span.
pub fn opt<'de, D, T>(d: D) -> Result<Option<T>, D::Error>
where
    D: Deserializer<'de>,
    T: DeserializeOwned + Expect,
{
    Ok(convert(Spanned::<Node>::deserialize(d)?).map(Spanned::into_inner))
}

/// A table field read leniently: its default if it is of the wrong kind.
pub fn table<'de, D, T>(d: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: DeserializeOwned + Expect + Default,
{
    Ok(convert(Spanned::<Node>::deserialize(d)?).map_or_else(T::default, Spanned::into_inner))
}

/// A list field: items of the wrong kind are recorded and dropped; a value that is not a
/// list at all is recorded once.
pub fn list<'de, D, T>(d: D) -> Result<Vec<Spanned<T>>, D::Error>
where
    D: Deserializer<'de>,
    T: DeserializeOwned + Expect,
{
    Ok(spanned_list(d)?.map_or_else(Vec::new, Spanned::into_inner))
}

/// A list field that keeps the span of the whole list.
pub fn spanned_list<'de, D, T>(d: D) -> Result<SpannedList<T>, D::Error>
where
    D: Deserializer<'de>,
    T: DeserializeOwned + Expect,
{
    let node = Spanned::<Node>::deserialize(d)?;
    let span = node.span();
    match node.into_inner() {
        Node::List(items) => Ok(Some(Spanned::new(
            span,
            items.into_iter().filter_map(convert).collect(),
        ))),
        Node::Table(entries) if T::TABLE && misplaced_child(&entries).is_some() => {
            let key = current_key().unwrap_or_else(|| "value".into());
            let child = misplaced_child(&entries).expect("invariant: checked by the guard");
            let what = match child.key.get_ref().as_str() {
                "metrics" => "metric",
                "blocks" => "block",
                _ => "table",
            };
            record(
                Diagnostic::error(
                    format!(
                        "`[[{key}.{}]]` comes before the first `[[{key}]]`",
                        child.key.get_ref()
                    ),
                    Some(child.key.span()),
                )
                .with_label(format!(
                    "this {what} belongs to one of the {key}, but none has started yet"
                ))
                .with_help(format!(
                    "add a [[{key}]] line with its title above these lines, so the {what} belongs to it"
                )),
            );
            Ok(None)
        }
        other => {
            let key = current_key().unwrap_or_else(|| "value".into());
            record(
                Diagnostic::error(
                    format!("`{key}`: expected a list, found {}", other.kind()),
                    Some(span),
                )
                .with_help(if T::TABLE {
                    T::how(&key)
                } else {
                    format!(
                        "write a list in square brackets: {key} = [{}, …]",
                        T::example()
                    )
                }),
            );
            Ok(None)
        }
    }
}

/// In a table found where a list of tables belongs, the first list of tables inside it:
/// `[[sections.metrics]]` written before any `[[sections]]` makes `sections` one table
/// holding `metrics`.
fn misplaced_child(entries: &[super::node::Entry]) -> Option<&super::node::Entry> {
    entries.iter().find(|e| match e.value.get_ref() {
        Node::List(items) => {
            !items.is_empty() && items.iter().all(|i| matches!(i.get_ref(), Node::Table(_)))
        }
        _ => false,
    })
}

/// Turns a folio error back into the error type of whichever deserializer is running.
pub fn lift<E: serde::de::Error>(e: Error) -> E {
    match e {
        Error::WrongKind => E::invalid_type(serde::de::Unexpected::Other("value"), &"value"),
        Error::UnknownName { found, expected } => E::unknown_variant(&found, expected),
        Error::Invalid(why) => E::custom(why),
    }
}

/// Reads a node as `T`, for hand-written `Deserialize` impls of values with two forms.
pub fn node_as<T: DeserializeOwned, E: serde::de::Error>(node: Spanned<Node>) -> Result<T, E> {
    de::from_node(node).map_err(lift)
}

/// A hand-written form error: the value is of none of the kinds a type takes.
pub fn wrong_kind<E: serde::de::Error>() -> E {
    E::invalid_type(serde::de::Unexpected::Other("value"), &"value")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_listed_with_or_before_the_last() {
        assert_eq!(quoted(&["a"]), "\"a\"");
        assert_eq!(quoted(&["a", "b", "c"]), "\"a\", \"b\" or \"c\"");
    }

    #[test]
    fn a_wrong_kind_names_what_was_found() {
        let _ = take();
        let node = Spanned::new(3..6, Node::Text("yes".into()));
        let got = de::with_key("hyphenate", || convert::<bool>(node));
        assert!(got.is_none());
        let d = take();
        assert_eq!(
            d[0].message,
            "`hyphenate`: expected true or false, found text"
        );
        assert_eq!(
            d[0].help.as_deref(),
            Some("write hyphenate = true, without quotes")
        );
    }
}
