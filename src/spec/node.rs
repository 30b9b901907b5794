//! report.toml as a tree of spanned nodes.
//!
//! In: toml's parsed document (`DeTable`, which borrows the source). Out: an owned tree in
//! which every key and every value carries its byte span, tables keep their keys in the
//! order they are written, and nothing is typed yet. The typed spec is read from this tree
//! by [`super::de`], so a wrong value anywhere can be pointed at exactly, however deep.

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_spanned::Spanned;
use std::fmt;
use toml::de::{DeTable, DeValue};

/// One TOML value, with spans on everything below it.
#[derive(Debug, Clone, PartialEq)]
pub enum Node {
    Text(String),
    Integer(i64),
    Float(f64),
    Bool(bool),
    /// A TOML date or time, written without quotes (`date = 2021-01-29`).
    Date(String),
    List(Vec<Spanned<Node>>),
    Table(Vec<Entry>),
}

/// A key of a table and its value.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub key: Spanned<String>,
    pub value: Spanned<Node>,
}

impl Node {
    /// The document root, from toml's parse.
    pub fn from_document(doc: &Spanned<DeTable<'_>>) -> Spanned<Node> {
        Spanned::new(doc.span(), table(doc.get_ref()))
    }

    /// What kind of value this is, in the words a report's author uses.
    pub fn kind(&self) -> &'static str {
        match self {
            Node::Text(_) => "text",
            Node::Integer(_) | Node::Float(_) => "a number",
            Node::Bool(_) => "true/false",
            Node::Date(_) => "a date without quotes",
            Node::List(_) => "a list",
            Node::Table(_) => "a table",
        }
    }
}

fn table(t: &DeTable<'_>) -> Node {
    let mut entries: Vec<Entry> = t
        .iter()
        .map(|(k, v)| Entry {
            key: Spanned::new(k.span(), k.get_ref().to_string()),
            value: value(v),
        })
        .collect();
    // toml keeps keys sorted; the author's order reads better in messages and in blocks.
    entries.sort_by_key(|e| e.key.span().start);
    Node::Table(entries)
}

fn value(v: &Spanned<DeValue<'_>>) -> Spanned<Node> {
    let node = match v.get_ref() {
        DeValue::String(s) => Node::Text(s.to_string()),
        DeValue::Integer(i) => match i64::from_str_radix(i.as_str(), i.radix()) {
            Ok(n) => Node::Integer(n),
            // Beyond 64 bits: kept as the nearest float; the model decides if that is exact enough.
            Err(_) => Node::Float(i.as_str().parse().unwrap_or(f64::INFINITY)),
        },
        DeValue::Float(f) => Node::Float(f.as_str().replace('_', "").parse().unwrap_or(f64::NAN)),
        DeValue::Boolean(b) => Node::Bool(*b),
        DeValue::Datetime(d) => Node::Date(d.to_string()),
        DeValue::Array(items) => Node::List(items.iter().map(value).collect()),
        DeValue::Table(t) => table(t),
    };
    Spanned::new(v.span(), node)
}

/// A node can be rebuilt from any deserializer that gives spans (folio's own, or toml's), so
/// a lenient reader can take a value whole and look at it before deciding what it is.
impl<'de> Deserialize<'de> for Node {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(NodeVisitor)
    }
}

struct NodeVisitor;

impl<'de> Visitor<'de> for NodeVisitor {
    type Value = Node;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any TOML value")
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Node, E> {
        Ok(Node::Bool(v))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Node, E> {
        Ok(Node::Integer(v))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Node, E> {
        Ok(i64::try_from(v).map_or(Node::Float(v as f64), Node::Integer))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Node, E> {
        Ok(Node::Float(v))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Node, E> {
        Ok(Node::Text(v.to_string()))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<Node, E> {
        Ok(Node::Text(v))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Node, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element::<Spanned<Node>>()? {
            items.push(item);
        }
        Ok(Node::List(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Node, A::Error> {
        let mut entries = Vec::new();
        while let Some(key) = map.next_key::<Spanned<String>>()? {
            let value = map.next_value::<Spanned<Node>>()?;
            entries.push(Entry { key, value });
        }
        // A date travels as a one-key table under a private key; see `de::DATE_KEY`.
        if let [Entry { key, value }] = entries.as_slice()
            && key.get_ref() == super::de::DATE_KEY
            && let Node::Text(d) = value.get_ref()
        {
            return Ok(Node::Date(d.clone()));
        }
        Ok(Node::Table(entries))
    }
}
