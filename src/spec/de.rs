//! Reading the typed spec out of the node tree: a serde deserializer over [`Node`].
//!
//! In: a spanned node. Out: any serde type, with [`Spanned`] honoured at every depth (so a
//! value inside a list inside a block still knows its line), and every key a struct does
//! not know recorded with its exact span and the keys it does know, for "did you mean".
//! Unknown keys are recorded rather than refused, so that one run reports all of them.
//!
//! Errors are structured ([`Error`]), not strings: the lenient readers in `lenient.rs` turn
//! them into messages in the author's words, never serde's.

use super::node::{Entry, Node};
use serde::de::{self, DeserializeSeed, IntoDeserializer, Visitor};
use serde_spanned::Spanned;
use std::cell::RefCell;
use std::fmt;
use std::ops::Range;

/// What went wrong reading a value, in structured form.
#[derive(Debug, Clone, PartialEq)]
pub enum Error {
    /// The value is of another kind than the type takes.
    WrongKind,
    /// A name that is not one of the allowed ones.
    UnknownName {
        found: String,
        expected: &'static [&'static str],
    },
    /// A value that is the right kind but not acceptable, with the reason.
    Invalid(String),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::WrongKind => f.write_str("a value of the wrong kind"),
            Error::UnknownName { found, .. } => write!(f, "unknown name `{found}`"),
            Error::Invalid(why) => f.write_str(why),
        }
    }
}

impl std::error::Error for Error {}

impl de::Error for Error {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Error::Invalid(msg.to_string())
    }

    fn invalid_type(_: de::Unexpected<'_>, _: &dyn de::Expected) -> Self {
        Error::WrongKind
    }

    fn invalid_value(_: de::Unexpected<'_>, _: &dyn de::Expected) -> Self {
        Error::WrongKind
    }

    fn unknown_variant(variant: &str, expected: &'static [&'static str]) -> Self {
        Error::UnknownName {
            found: variant.to_string(),
            expected,
        }
    }
}

/// A key a table does not take.
#[derive(Debug, Clone)]
pub struct UnknownKey {
    pub key: Spanned<String>,
    /// The tables it stands in, outermost first: the type's name and the keys it takes.
    pub tables: Vec<Table>,
}

/// A table being read: the Rust type's name and its keys.
#[derive(Debug, Clone)]
pub struct Table {
    pub name: &'static str,
    pub fields: &'static [&'static str],
    /// Where the table starts (its `[header]`, or its value).
    pub span: Range<usize>,
}

thread_local! {
    static TABLES: RefCell<Vec<Table>> = const { RefCell::new(Vec::new()) };
    static UNKNOWN: RefCell<Vec<UnknownKey>> = const { RefCell::new(Vec::new()) };
    static KEYS: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
}

/// The key being read now, as messages name it: dotted from the top (`text.align`,
/// `brand.colours.primary`), but only the key itself inside a section, whose place the
/// line number already gives (`format`, not `sections.blocks.format`).
pub fn current_key() -> Option<String> {
    KEYS.with(|k| {
        let k = k.borrow();
        match k.first().map(String::as_str) {
            None => None,
            Some("sections") => k.last().cloned(),
            Some(_) => Some(k.join(".")),
        }
    })
}

/// Runs `f` with `key` as the key being read.
pub fn with_key<T>(key: &str, f: impl FnOnce() -> T) -> T {
    KEYS.with(|k| k.borrow_mut().push(key.to_string()));
    let out = f();
    KEYS.with(|k| k.borrow_mut().pop());
    out
}

/// Takes the unknown keys found on this thread since the last call.
pub fn take_unknown() -> Vec<UnknownKey> {
    UNKNOWN.with(|u| std::mem::take(&mut *u.borrow_mut()))
}

/// The tables enclosing the value being read now, outermost first.
pub fn enclosing() -> Vec<Table> {
    TABLES.with(|t| t.borrow().clone())
}

/// Reads `T` from a node.
pub fn from_node<'de, T: de::Deserialize<'de>>(node: Spanned<Node>) -> Result<T, Error> {
    T::deserialize(NodeDe(node))
}

/// The deserializer: one node, with its span.
pub struct NodeDe(pub Spanned<Node>);

impl<'de> IntoDeserializer<'de, Error> for NodeDe {
    type Deserializer = Self;
    fn into_deserializer(self) -> Self {
        self
    }
}

/// The private key under which a TOML date travels through `deserialize_any`, so that a
/// rebuilt [`Node`] is still a date.
pub const DATE_KEY: &str = "$__folio_date";

impl<'de> de::Deserializer<'de> for NodeDe {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let span = self.0.span();
        match self.0.into_inner() {
            Node::Text(s) => visitor.visit_string(s),
            Node::Integer(i) => visitor.visit_i64(i),
            Node::Float(f) => visitor.visit_f64(f),
            Node::Bool(b) => visitor.visit_bool(b),
            Node::Date(d) => visitor.visit_map(Map::new(
                vec![Entry {
                    key: Spanned::new(span.clone(), DATE_KEY.to_string()),
                    value: Spanned::new(span.clone(), Node::Text(d)),
                }],
                None,
                span,
            )),
            Node::List(items) => visitor.visit_seq(Seq(items.into_iter())),
            Node::Table(entries) => visitor.visit_map(Map::new(entries, None, span)),
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_some(self)
    }

    fn deserialize_f64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        // Whole numbers are numbers too: `size = 11` means 11.0.
        match self.0.get_ref() {
            Node::Integer(i) => visitor.visit_f64(*i as f64),
            _ => self.deserialize_any(visitor),
        }
    }

    fn deserialize_f32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_f64(visitor)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        if serde_spanned::de::is_spanned(name) {
            let span = self.0.span();
            return visitor.visit_map(serde_spanned::de::SpannedDeserializer::new(self, span));
        }
        let span = self.0.span();
        match self.0.into_inner() {
            Node::Table(entries) => {
                TABLES.with(|t| {
                    t.borrow_mut().push(Table {
                        name,
                        fields,
                        span: span.clone(),
                    })
                });
                let result = visitor.visit_map(Map::new(entries, Some(fields), span));
                TABLES.with(|t| t.borrow_mut().pop());
                result
            }
            _ => Err(Error::WrongKind),
        }
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        match self.0.into_inner() {
            Node::Text(s) => visitor.visit_enum(s.into_deserializer()),
            _ => Err(Error::WrongKind),
        }
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 char str string
        bytes byte_buf unit unit_struct seq tuple
        tuple_struct map identifier ignored_any
    }
}

struct Seq(std::vec::IntoIter<Spanned<Node>>);

impl<'de> de::SeqAccess<'de> for Seq {
    type Error = Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Error> {
        self.0
            .next()
            .map(|item| seed.deserialize(NodeDe(item)))
            .transpose()
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.0.len())
    }
}

/// A table's entries. With `fields` (a struct), keys it does not know are recorded and
/// skipped; without (a map), every key is given.
struct Map {
    entries: std::vec::IntoIter<Entry>,
    fields: Option<&'static [&'static str]>,
    value: Option<(String, Spanned<Node>)>,
}

impl Map {
    fn new(
        entries: Vec<Entry>,
        fields: Option<&'static [&'static str]>,
        _span: Range<usize>,
    ) -> Self {
        Self {
            entries: entries.into_iter(),
            fields,
            value: None,
        }
    }
}

impl<'de> de::MapAccess<'de> for Map {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Error> {
        for entry in self.entries.by_ref() {
            if let Some(fields) = self.fields
                && !fields.contains(&entry.key.get_ref().as_str())
            {
                UNKNOWN.with(|u| {
                    u.borrow_mut().push(UnknownKey {
                        key: entry.key.clone(),
                        tables: enclosing(),
                    })
                });
                continue;
            }
            self.value = Some((entry.key.get_ref().clone(), entry.value));
            return seed.deserialize(KeyDe(entry.key)).map(Some);
        }
        Ok(None)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Error> {
        let (key, value) = self
            .value
            .take()
            .expect("invariant: serde asks for a value only after its key");
        with_key(&key, || seed.deserialize(NodeDe(value)))
    }
}

/// A key: text, with its span when asked for one.
struct KeyDe(Spanned<String>);

impl<'de> de::Deserializer<'de> for KeyDe {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_string(self.0.into_inner())
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        if serde_spanned::de::is_spanned(name) {
            let span = self.0.span();
            let text: String = self.0.into_inner();
            return visitor.visit_map(
                serde_spanned::de::SpannedDeserializer::<String, Error>::new(text, span),
            );
        }
        self.deserialize_any(visitor)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf option unit unit_struct newtype_struct seq tuple
        tuple_struct map enum identifier ignored_any
    }
}
