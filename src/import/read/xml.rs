//! One XML part → a small element tree, with names put under fixed prefixes.
//!
//! In: the bytes of an XML part (UTF-8, or UTF-16 with a byte-order mark). Out: its root
//! [`Element`], or a [`super::ReadError`] saying the part is damaged or too big.
//!
//! Documents may bind any prefix to a namespace (`w:` is usual, not required), so every
//! name is resolved to its namespace and renamed to the prefix this module gives that
//! namespace (`w:p`, `r:id`, `text:h`); a name in a namespace folio does not know keeps only
//! `?:` before its local part, so it can never be mistaken for one it does. The tree is
//! bounded: a part may hold at most [`MAX_NODES`] nodes nested at most [`MAX_DEPTH`] deep,
//! so neither memory nor the recursion of the readers that walk it can run away. Only the
//! five predefined entities and character references are expanded: a document type's own
//! entities are refused, so an "entity bomb" cannot grow.

use super::ReadError;
use quick_xml::NsReader;
use quick_xml::events::{BytesStart, Event};
use quick_xml::name::ResolveResult;

/// Elements and text nodes one part may hold. A 1,000-page report's document.xml holds about
/// two million; more than this is not a report folio could set in one piece.
pub const MAX_NODES: usize = 4_000_000;
/// Nesting depth. Word nests tables in tables and text boxes in paragraphs, but never more
/// than a few dozen deep; the readers walk the tree recursively, so the stack is bounded too.
pub const MAX_DEPTH: usize = 200;

/// Namespaces folio reads, and the prefix each is known by. Strict OOXML (ISO 29500) uses
/// other names for the same vocabularies; they map to the same prefixes.
const NAMESPACES: &[(&str, &str)] = &[
    (
        "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
        "w",
    ),
    ("http://purl.oclc.org/ooxml/wordprocessingml/main", "w"),
    (
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
        "r",
    ),
    (
        "http://purl.oclc.org/ooxml/officeDocument/relationships",
        "r",
    ),
    (
        "http://schemas.openxmlformats.org/package/2006/relationships",
        "rel",
    ),
    (
        "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
        "wp",
    ),
    (
        "http://purl.oclc.org/ooxml/drawingml/wordprocessingDrawing",
        "wp",
    ),
    ("http://schemas.openxmlformats.org/drawingml/2006/main", "a"),
    ("http://purl.oclc.org/ooxml/drawingml/main", "a"),
    (
        "http://schemas.openxmlformats.org/drawingml/2006/picture",
        "pic",
    ),
    ("http://purl.oclc.org/ooxml/drawingml/picture", "pic"),
    (
        "http://schemas.openxmlformats.org/markup-compatibility/2006",
        "mc",
    ),
    ("urn:schemas-microsoft-com:vml", "v"),
    ("urn:schemas-microsoft-com:office:office", "o"),
    (
        "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
        "cp",
    ),
    ("http://purl.org/dc/elements/1.1/", "dc"),
    ("http://purl.org/dc/terms/", "dcterms"),
    (
        "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties",
        "ep",
    ),
    (
        "http://purl.oclc.org/ooxml/officeDocument/extendedProperties",
        "ep",
    ),
    ("urn:oasis:names:tc:opendocument:xmlns:office:1.0", "office"),
    ("urn:oasis:names:tc:opendocument:xmlns:text:1.0", "text"),
    ("urn:oasis:names:tc:opendocument:xmlns:table:1.0", "table"),
    ("urn:oasis:names:tc:opendocument:xmlns:style:1.0", "style"),
    ("urn:oasis:names:tc:opendocument:xmlns:drawing:1.0", "draw"),
    ("urn:oasis:names:tc:opendocument:xmlns:meta:1.0", "meta"),
    (
        "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0",
        "fo",
    ),
    (
        "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0",
        "svg",
    ),
    ("http://www.w3.org/1999/xlink", "xlink"),
    (
        "http://schemas.microsoft.com/office/drawing/2017/decorative",
        "adec",
    ),
    (
        "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0",
        "manifest",
    ),
];

/// An element: its name as `prefix:local`, its attributes, its children in order.
#[derive(Debug, Default, Clone)]
pub struct Element {
    pub name: String,
    pub attrs: Vec<(String, String)>,
    pub children: Vec<Node>,
}

/// A child of an element.
#[derive(Debug, Clone)]
pub enum Node {
    Element(Element),
    Text(String),
}

impl Element {
    /// The value of attribute `name` (`"w:val"`).
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// Child elements, in order.
    pub fn elements(&self) -> impl Iterator<Item = &Element> {
        self.children.iter().filter_map(|c| match c {
            Node::Element(e) => Some(e),
            Node::Text(_) => None,
        })
    }

    /// The first child element called `name`.
    pub fn child(&self, name: &str) -> Option<&Element> {
        self.elements().find(|e| e.name == name)
    }

    /// The first element called `name` anywhere below this one, depth first.
    pub fn find(&self, name: &str) -> Option<&Element> {
        self.elements().find_map(|e| {
            if e.name == name {
                Some(e)
            } else {
                e.find(name)
            }
        })
    }

    /// All text below this element, in order.
    pub fn text(&self) -> String {
        let mut out = String::new();
        self.collect_text(&mut out);
        out
    }

    fn collect_text(&self, out: &mut String) {
        for c in &self.children {
            match c {
                Node::Text(t) => out.push_str(t),
                Node::Element(e) => e.collect_text(out),
            }
        }
    }
}

/// Parses one part. `part` names it in error messages.
pub fn parse(bytes: &[u8], part: &str) -> Result<Element, ReadError> {
    let text = decode(bytes, part)?;
    let mut reader = NsReader::from_str(&text);
    let damaged =
        |why: String| ReadError::Damaged(format!("{part} is not well-formed XML ({why})"));
    let mut stack: Vec<Element> = vec![Element::default()];
    let mut nodes = 0usize;
    loop {
        let event = reader.read_event().map_err(|e| damaged(e.to_string()))?;
        nodes += 1;
        if nodes > MAX_NODES {
            return Err(ReadError::TooLarge(format!(
                "{part} has more than {MAX_NODES} XML nodes"
            )));
        }
        match event {
            Event::Start(e) | Event::Empty(e) if stack.len() > MAX_DEPTH => {
                let _ = e;
                return Err(ReadError::TooLarge(format!(
                    "{part} nests elements more than {MAX_DEPTH} deep"
                )));
            }
            Event::Start(e) => {
                let el = element(&reader, &e, part)?;
                stack.push(el);
            }
            Event::Empty(e) => {
                let el = element(&reader, &e, part)?;
                push(&mut stack, Node::Element(el));
            }
            Event::End(_) => {
                if stack.len() < 2 {
                    return Err(damaged("a closing tag with no opening tag".into()));
                }
                let done = stack.pop().expect("invariant: checked above");
                push(&mut stack, Node::Element(done));
            }
            Event::Text(t) => push_text(&mut stack, &t.xml10_content()),
            Event::CData(t) => push_text(&mut stack, &t.xml10_content()),
            Event::GeneralRef(r) => {
                let ch = match r.resolve_char_ref() {
                    Ok(Some(c)) => c,
                    Ok(None) => match &*r.xml10_content() {
                        "amp" => '&',
                        "lt" => '<',
                        "gt" => '>',
                        "quot" => '"',
                        "apos" => '\'',
                        other => {
                            return Err(damaged(format!("the entity &{other}; is not defined")));
                        }
                    },
                    Err(e) => return Err(damaged(e.to_string())),
                };
                push_text(&mut stack, ch.encode_utf8(&mut [0; 4]));
            }
            Event::Eof => break,
            Event::DocType(_) | Event::Decl(_) | Event::PI(_) | Event::Comment(_) => {}
        }
    }
    if stack.len() != 1 {
        return Err(damaged("it ends before its elements are closed".into()));
    }
    let root = stack.pop().expect("invariant: one frame left");
    root.children
        .into_iter()
        .find_map(|c| match c {
            Node::Element(e) => Some(e),
            Node::Text(_) => None,
        })
        .ok_or_else(|| damaged("it has no root element".into()))
}

fn push(stack: &mut [Element], node: Node) {
    stack
        .last_mut()
        .expect("invariant: the document frame is never popped")
        .children
        .push(node);
}

/// Appends text, joining it to a text node just before (entities split text into pieces).
fn push_text(stack: &mut [Element], text: &str) {
    let top = stack
        .last_mut()
        .expect("invariant: the document frame is never popped");
    if let Some(Node::Text(t)) = top.children.last_mut() {
        t.push_str(text);
    } else {
        top.children.push(Node::Text(text.to_string()));
    }
}

/// The part as text: UTF-8 (the usual), or UTF-16 when it starts with a byte-order mark.
fn decode(bytes: &[u8], part: &str) -> Result<String, ReadError> {
    let utf16 = |be: bool| {
        let units: Vec<u16> = bytes[2..]
            .chunks_exact(2)
            .map(|c| {
                if be {
                    u16::from_be_bytes([c[0], c[1]])
                } else {
                    u16::from_le_bytes([c[0], c[1]])
                }
            })
            .collect();
        String::from_utf16(&units).ok()
    };
    let text = match bytes {
        [0xEF, 0xBB, 0xBF, rest @ ..] => String::from_utf8(rest.to_vec()).ok(),
        [0xFE, 0xFF, ..] => utf16(true),
        [0xFF, 0xFE, ..] => utf16(false),
        _ => String::from_utf8(bytes.to_vec()).ok(),
    };
    text.ok_or_else(|| ReadError::Damaged(format!("{part} is not UTF-8 or UTF-16 text")))
}

/// An element's name and attributes under folio's prefixes.
fn element(reader: &NsReader<&[u8]>, e: &BytesStart, part: &str) -> Result<Element, ReadError> {
    let (ns, local) = reader.resolver().resolve_element(e.name());
    let name = qualified(&ns, local.into_inner());
    let mut attrs = Vec::new();
    for a in e.attributes().with_checks(false) {
        let a =
            a.map_err(|err| ReadError::Damaged(format!("{part} has a damaged attribute ({err})")))?;
        let (ans, local) = reader.resolver().resolve_attribute(a.key);
        if matches!(ans, ResolveResult::Unbound) && a.key.0.starts_with("xmlns") {
            continue;
        }
        let value = a
            .normalized_value(quick_xml::XmlVersion::Implicit1_0)
            .map_err(|err| {
                ReadError::Damaged(format!("{part} has a damaged attribute value ({err})"))
            })?;
        let key = match ans {
            // An attribute without a prefix belongs to no namespace: keep its bare name.
            ResolveResult::Unbound => local.into_inner().to_string(),
            _ => qualified(&ans, local.into_inner()),
        };
        attrs.push((key, value.into_owned()));
    }
    Ok(Element {
        name,
        attrs,
        children: Vec::new(),
    })
}

fn qualified(ns: &ResolveResult, local: &str) -> String {
    let prefix = match ns {
        ResolveResult::Bound(n) => NAMESPACES
            .iter()
            .find(|(uri, _)| *uri == n.into_inner())
            .map_or("?", |(_, p)| p),
        _ => "?",
    };
    format!("{prefix}:{local}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_resolved_whatever_prefix_the_document_chose() {
        let xml = br#"<x:document xmlns:x="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><x:p x:val="1">a &amp; b&#x263A;</x:p></x:document>"#;
        let root = parse(xml, "test.xml").unwrap();
        assert_eq!(root.name, "w:document");
        let p = root.child("w:p").unwrap();
        assert_eq!(p.attr("w:val"), Some("1"));
        assert_eq!(p.text(), "a & b\u{263A}");
    }

    #[test]
    fn a_document_type_entity_is_refused_not_expanded() {
        let xml = br#"<!DOCTYPE d [<!ENTITY a "aaaaaaaaaa">]><d>&a;&a;</d>"#;
        let e = parse(xml, "bomb.xml").unwrap_err();
        assert!(e.to_string().contains("&a; is not defined"), "{e}");
    }

    #[test]
    fn nesting_past_the_limit_is_an_error_not_a_stack_overflow() {
        let xml = format!(
            "{}{}",
            "<a>".repeat(MAX_DEPTH + 5),
            "</a>".repeat(MAX_DEPTH + 5)
        );
        let e = parse(xml.as_bytes(), "deep.xml").unwrap_err();
        assert!(e.to_string().contains("deep"), "{e}");
    }

    #[test]
    fn unclosed_elements_are_damage() {
        assert!(parse(b"<a><b></b>", "cut.xml").is_err());
        assert!(parse(b"<a></b>", "cross.xml").is_err());
        assert!(parse(b"\xff\xfe\x00", "bytes.xml").is_err());
    }
}
