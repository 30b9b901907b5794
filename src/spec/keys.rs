//! Where a key is, and which keys a table accepts.
//!
//! In: a key path reported by `serde_ignored`. Out: the byte span of that key in the source
//! (found by walking toml's spanned document tree) and the list of keys its table knows.
//! The known keys are read off the serde types themselves with a probing deserializer, so
//! the suggestions can never drift from what the parser accepts.

use super::types::*;
use serde::de::{self, Deserialize, Visitor};
use std::fmt;
use std::ops::Range;
use toml::de::{DeTable, DeValue};

/// One step of a key path: a table key or an array index.
#[derive(Debug, Clone, PartialEq)]
pub enum Seg {
    Key(String),
    Index(usize),
}

/// Flattens a `serde_ignored` path, dropping the wrapper steps that spans and options add.
pub fn segments(path: &serde_ignored::Path) -> Vec<Seg> {
    let mut out = Vec::new();
    collect(path, &mut out);
    out
}

fn collect(path: &serde_ignored::Path, out: &mut Vec<Seg>) {
    use serde_ignored::Path as P;
    match path {
        P::Root => {}
        P::Seq { parent, index } => {
            collect(parent, out);
            out.push(Seg::Index(*index));
        }
        P::Map { parent, key } => {
            collect(parent, out);
            // `Spanned<T>` deserialises through a private map; its keys are not the user's.
            if !key.starts_with("$__serde_spanned") {
                out.push(Seg::Key(key.clone()));
            }
        }
        P::Some { parent } | P::NewtypeStruct { parent } | P::NewtypeVariant { parent } => {
            collect(parent, out)
        }
    }
}

/// The span of the key at `path` in the parsed document (the key itself, not its value).
/// The document is parsed once by the caller and each step is a map lookup, so spans for
/// any number of unknown keys cost time linear in their number.
pub fn key_span(root: &DeTable, path: &[Seg]) -> Option<Range<usize>> {
    let mut table: &DeTable = root;
    let mut span = None;
    let mut value: Option<&DeValue> = None;
    for seg in path {
        match seg {
            Seg::Key(k) => {
                if let Some(v) = value {
                    table = match v {
                        DeValue::Table(t) => t,
                        _ => return span,
                    };
                }
                let (key, v) = table.get_key_value(k.as_str())?;
                span = Some(key.span());
                value = Some(v.get_ref());
            }
            Seg::Index(i) => {
                let Some(DeValue::Array(items)) = value else {
                    return span;
                };
                let item = items.get(*i)?;
                value = Some(item.get_ref());
            }
        }
    }
    span
}

/// A readable name of the table at `parent` and the keys it accepts.
pub fn known_keys(parent: &[Seg]) -> (String, Vec<&'static str>) {
    let keys: Vec<&str> = parent
        .iter()
        .filter_map(|s| match s {
            Seg::Key(k) => Some(k.as_str()),
            Seg::Index(_) => None,
        })
        .collect();
    match keys.as_slice() {
        [] => ("report.toml".into(), fields::<Spec>()),
        ["report"] => ("`[report]`".into(), fields::<ReportMeta>()),
        ["brand"] => ("`[brand]`".into(), fields::<Brand>()),
        ["brand", "fonts"] => ("`[brand.fonts]`".into(), fields::<FontsSpec>()),
        ["page"] => ("`[page]`".into(), fields::<PageSpec>()),
        ["text"] => ("`[text]`".into(), fields::<TextSpec>()),
        ["numbers"] => ("`[numbers]`".into(), fields::<NumbersSpec>()),
        ["contents"] => ("`[contents]`".into(), fields::<ContentsSpec>()),
        ["back"] => ("`[back]`".into(), fields::<BackSpec>()),
        ["print"] => ("`[print]`".into(), fields::<PrintSpec>()),
        ["sections"] => ("a `[[sections]]` entry".into(), fields::<SectionSpec>()),
        ["sections", "metrics"] => ("a metric".into(), fields::<MetricSpec>()),
        ["sections", "blocks"] => (
            "a `[[sections.blocks]]` entry".into(),
            fields::<BlockSpec>(),
        ),
        _ => (format!("`{}`", keys.join(".")), Vec::new()),
    }
}

/// The field names serde would accept for `T`, read by asking `T` to deserialise itself
/// from a probe that records the `fields` list and then stops.
pub fn fields<T: for<'de> Deserialize<'de>>() -> Vec<&'static str> {
    let mut found = Vec::new();
    let _ = T::deserialize(FieldProbe(&mut found));
    found
}

struct FieldProbe<'a>(&'a mut Vec<&'static str>);

#[derive(Debug)]
struct Stop;

impl fmt::Display for Stop {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("probe stop")
    }
}

impl std::error::Error for Stop {}

impl de::Error for Stop {
    fn custom<T: fmt::Display>(_: T) -> Self {
        Stop
    }
}

impl<'de> de::Deserializer<'de> for FieldProbe<'_> {
    type Error = Stop;

    fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Stop> {
        Err(Stop)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        fields: &'static [&'static str],
        _: V,
    ) -> Result<V::Value, Stop> {
        self.0.extend_from_slice(fields);
        Err(Stop)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf option unit unit_struct newtype_struct seq tuple
        tuple_struct map enum identifier ignored_any
    }
}
