//! ODT (OpenDocument Text) → [`Doc`].
//!
//! In: the opened package. Out: the same structure the DOCX reader gives: properties from
//! `meta.xml`; headings (`text:h` with its outline level), paragraphs whose styles make them
//! titles or captions, lists (`text:list`, bulleted or numbered by their list style), spans
//! made bold or italic by their styles, links, tables and framed images from `content.xml`.

mod table;

use super::ReadError;
use super::package::Package;
use super::xml::Element;
use crate::import::doc::{Block, Doc, Image, Props, Role, Run, drop_note, push_run};
use std::collections::BTreeMap;

/// `text:s` may ask for this many spaces at most (they collapse to one in markdown anyway).
const MAX_SPACES: usize = 64;
/// Deepest list level (ODF has ten).
const LEVELS: usize = 10;

/// A style's own settings.
#[derive(Default)]
struct Style {
    name: String,
    parent: Option<String>,
    bold: Option<bool>,
    italic: Option<bool>,
}

struct Reader<'d> {
    styles: BTreeMap<String, Style>,
    /// List style → numbered (true) or bulleted, and the start number, per level (1-based).
    lists: BTreeMap<String, BTreeMap<u8, (bool, u64)>>,
    doc: &'d mut Doc,
}

/// Reads the package as an OpenDocument text.
pub fn read(package: &mut Package) -> Result<Doc, ReadError> {
    if let Some(m) = package.read("mimetype", 256)?
        && !m.starts_with(b"application/vnd.oasis.opendocument.text")
    {
        return Err(ReadError::NotADocument(
            "it is an OpenDocument file, but not a text document (a spreadsheet or a \
             presentation?)"
                .into(),
        ));
    }
    let content = package
        .xml("content.xml")?
        .ok_or_else(|| ReadError::Damaged("its content.xml is missing".into()))?;
    let styles = package.xml("styles.xml")?;
    let meta = package.xml("meta.xml")?;
    let mut doc = Doc::default();
    let mut r = Reader {
        styles: BTreeMap::new(),
        lists: BTreeMap::new(),
        doc: &mut doc,
    };
    for root in styles.iter().chain([&content]) {
        for group in ["office:styles", "office:automatic-styles"] {
            if let Some(g) = root.child(group) {
                r.read_styles(g);
            }
        }
    }
    if let Some(s) = &styles {
        r.doc.props.language = default_language(s);
        r.doc.text_width = s.find("style:page-layout-properties").and_then(text_width);
    }
    if let Some(m) = meta.as_ref().and_then(|m| m.child("office:meta")) {
        props(m, &mut r.doc.props);
    }
    let text = content
        .child("office:body")
        .and_then(|b| b.child("office:text"))
        .ok_or_else(|| ReadError::Damaged("its content.xml has no text body".into()))?;
    r.blocks(text);
    Ok(doc)
}

fn props(m: &Element, p: &mut Props) {
    let text = |n: &str| m.child(n).map(Element::text).and_then(super::docx::clean);
    p.title = text("dc:title");
    p.subject = text("dc:subject");
    p.creator = text("dc:creator").or_else(|| text("meta:initial-creator"));
    p.keywords = m
        .elements()
        .filter(|e| e.name == "meta:keyword")
        .flat_map(|e| {
            e.text()
                .split([',', ';'])
                .filter_map(|k| super::docx::clean(k.to_string()))
                .collect::<Vec<_>>()
        })
        .collect();
    if p.language.is_none() {
        p.language = text("dc:language");
    }
    p.date = [("dc:date", "last saved"), ("meta:creation-date", "created")]
        .into_iter()
        .find_map(|(k, what)| Some((super::docx::date(&text(k)?)?, what)));
}

fn default_language(styles: &Element) -> Option<String> {
    let props = styles
        .child("office:styles")?
        .elements()
        .find(|e| e.name == "style:default-style" && e.attr("style:family") == Some("paragraph"))?
        .child("style:text-properties")?;
    let lang = props.attr("fo:language")?;
    Some(match props.attr("fo:country") {
        Some(c) if c != "none" => format!("{lang}-{c}"),
        _ => lang.to_string(),
    })
}

/// An ODF length ("16.51cm", "6.5in", "120mm", "72pt") in EMU.
fn emu(len: &str) -> Option<i64> {
    let split = len.find(|c: char| c.is_ascii_alphabetic())?;
    let n: f64 = len[..split].trim().parse().ok()?;
    let per = match &len[split..] {
        "in" => 914_400.0,
        "cm" => 360_000.0,
        "mm" => 36_000.0,
        "pt" => 12_700.0,
        _ => return None,
    };
    Some((n * per) as i64)
}

fn text_width(layout: &Element) -> Option<i64> {
    let w = emu(layout.attr("fo:page-width")?)?;
    let l = layout.attr("fo:margin-left").and_then(emu).unwrap_or(0);
    let r = layout.attr("fo:margin-right").and_then(emu).unwrap_or(0);
    (w - l - r > 0).then_some(w - l - r)
}

impl Reader<'_> {
    fn read_styles(&mut self, group: &Element) {
        for s in group.elements() {
            match s.name.as_str() {
                "style:style" => {
                    let Some(name) = s.attr("style:name") else {
                        continue;
                    };
                    let tp = s.child("style:text-properties");
                    let weight = tp.and_then(|t| t.attr("fo:font-weight"));
                    let slant = tp.and_then(|t| t.attr("fo:font-style"));
                    let style = Style {
                        name: s
                            .attr("style:display-name")
                            .unwrap_or(name)
                            .replace("_20_", " ")
                            .to_lowercase(),
                        parent: s.attr("style:parent-style-name").map(str::to_string),
                        bold: weight
                            .map(|w| w == "bold" || w.parse::<u32>().is_ok_and(|n| n >= 600)),
                        italic: slant.map(|s| s == "italic" || s == "oblique"),
                    };
                    self.styles.insert(name.to_string(), style);
                }
                "text:list-style" => {
                    let Some(name) = s.attr("style:name") else {
                        continue;
                    };
                    let levels = s
                        .elements()
                        .filter_map(|l| {
                            let level = l.attr("text:level")?.parse().ok()?;
                            let numbered = l.name == "text:list-level-style-number"
                                && l.attr("style:num-format").is_some_and(|f| !f.is_empty());
                            let start = l
                                .attr("text:start-value")
                                .and_then(|v| v.parse().ok())
                                .unwrap_or(1);
                            Some((level, (numbered, start)))
                        })
                        .collect();
                    self.lists.insert(name.to_string(), levels);
                }
                _ => {}
            }
        }
    }

    /// A style's chain, itself first (cut at 32 steps, against cycles).
    fn chain(&self, name: Option<&str>) -> Vec<&Style> {
        let mut out = Vec::new();
        let mut next = name;
        while let Some(n) = next {
            let Some(s) = self.styles.get(n) else { break };
            if out.len() == 32 {
                break;
            }
            out.push(s);
            next = s.parent.as_deref();
        }
        out
    }

    fn emphasis(&self, style: Option<&str>, base: (bool, bool)) -> (bool, bool) {
        let chain = self.chain(style);
        (
            chain.iter().find_map(|s| s.bold).unwrap_or(base.0),
            chain.iter().find_map(|s| s.italic).unwrap_or(base.1),
        )
    }

    fn role(&self, style: Option<&str>) -> Role {
        for s in self.chain(style) {
            match s.name.as_str() {
                "title" => return Role::Title,
                "subtitle" => return Role::Subtitle,
                "caption" | "illustration" | "figure" | "drawing" | "table" => {
                    return Role::Caption;
                }
                _ => {}
            }
            if let Some(n) = s
                .name
                .strip_prefix("heading ")
                .and_then(|n| n.parse::<u8>().ok())
            {
                return Role::Heading(n.clamp(1, 9));
            }
        }
        Role::Body
    }

    fn blocks(&mut self, parent: &Element) {
        for e in parent.elements() {
            match e.name.as_str() {
                "text:h" => self.heading(e),
                "text:p" => self.paragraph(e, None),
                "text:list" => {
                    let mut counters = [0u64; LEVELS];
                    self.list(e, 0, e.attr("text:style-name"), &mut counters);
                }
                "table:table" => self.table(e),
                "text:section" | "text:index-body" => self.blocks(e),
                "text:table-of-content" | "text:illustration-index" | "text:table-index" => {
                    drop_note(
                        &mut self.doc.dropped,
                        "the document's own table of contents was left out: folio makes the \
                         contents page",
                    );
                }
                _ => {}
            }
        }
    }

    fn list(
        &mut self,
        list: &Element,
        depth: usize,
        style: Option<&str>,
        counters: &mut [u64; LEVELS],
    ) {
        let style = list.attr("text:style-name").or(style);
        let level = depth.min(LEVELS - 1);
        for item in list
            .elements()
            .filter(|e| matches!(e.name.as_str(), "text:list-item" | "text:list-header"))
        {
            let (numbered, start) = style
                .and_then(|s| self.lists.get(s))
                .and_then(|l| l.get(&(level as u8 + 1)))
                .copied()
                .unwrap_or((false, 1));
            if let Some(v) = item
                .attr("text:start-value")
                .and_then(|v| v.parse::<u64>().ok())
            {
                counters[level] = v.saturating_sub(start);
            }
            counters[level] += 1;
            counters[level + 1..].iter_mut().for_each(|c| *c = 0);
            let role = Role::ListItem {
                level: level as u8,
                ordered: numbered,
                number: start.saturating_add(counters[level] - 1),
            };
            let mut runs: Vec<Run> = Vec::new();
            for c in item.elements() {
                match c.name.as_str() {
                    // A numbered heading is written inside a list; it is still a heading.
                    "text:h" => {
                        self.flush_item(role, &mut runs);
                        self.heading(c);
                    }
                    "text:p" => {
                        if !runs.is_empty() {
                            push_run(&mut runs, "\n", false, false, None);
                        }
                        let mut extra = Vec::new();
                        let base = self.emphasis(c.attr("text:style-name"), (false, false));
                        self.inline(c, base, None, &mut runs, &mut extra);
                        self.images_after(extra);
                    }
                    "text:list" => {
                        self.flush_item(role, &mut runs);
                        self.list(c, depth + 1, style, counters);
                    }
                    _ => {}
                }
            }
            self.flush_item(role, &mut runs);
        }
    }

    fn flush_item(&mut self, role: Role, runs: &mut Vec<Run>) {
        if runs.iter().any(|r| !r.text.trim().is_empty()) {
            self.doc.blocks.push(Block::Paragraph {
                role,
                runs: std::mem::take(runs),
            });
        }
        runs.clear();
    }

    fn heading(&mut self, h: &Element) {
        let level = h
            .attr("text:outline-level")
            .and_then(|l| l.parse::<u8>().ok())
            .unwrap_or(1)
            .clamp(1, 9);
        self.paragraph(h, Some(Role::Heading(level)));
    }

    fn paragraph(&mut self, p: &Element, role: Option<Role>) {
        let style = p.attr("text:style-name");
        let role = role.unwrap_or_else(|| self.role(style));
        let base = match role {
            Role::Heading(_) | Role::Title | Role::Subtitle => (false, false),
            _ => self.emphasis(style, (false, false)),
        };
        let mut runs = Vec::new();
        let mut extra = Vec::new();
        self.inline(p, base, None, &mut runs, &mut extra);
        if runs.iter().any(|r| !r.text.trim().is_empty()) {
            self.doc.blocks.push(Block::Paragraph { role, runs });
        }
        self.images_after(extra);
    }

    /// Frames met in a paragraph follow it: images as blocks, text boxes as paragraphs.
    fn images_after(&mut self, frames: Vec<Frame>) {
        for f in frames {
            match f {
                Frame::Image(i) => self.doc.blocks.push(Block::Image(i)),
                Frame::Text(paragraphs) => {
                    for e in paragraphs {
                        self.paragraph(&e, None);
                    }
                }
            }
        }
    }

    fn inline(
        &mut self,
        e: &Element,
        fmt: (bool, bool),
        link: Option<&str>,
        runs: &mut Vec<Run>,
        frames: &mut Vec<Frame>,
    ) {
        for c in &e.children {
            let c = match c {
                super::xml::Node::Text(t) => {
                    // ODF collapses white space in text like HTML; `text:s` is a kept space.
                    let t: String = t
                        .chars()
                        .map(|ch| if ch.is_whitespace() { ' ' } else { ch })
                        .collect();
                    push_run(runs, &t, fmt.0, fmt.1, link);
                    continue;
                }
                super::xml::Node::Element(c) => c,
            };
            match c.name.as_str() {
                "text:span" => {
                    let f = self.emphasis(c.attr("text:style-name"), fmt);
                    self.inline(c, f, link, runs, frames);
                }
                "text:a" => {
                    let href = c.attr("xlink:href").filter(|h| !h.starts_with('#'));
                    self.inline(c, fmt, href.or(link), runs, frames);
                }
                "text:s" => {
                    let n = c
                        .attr("text:c")
                        .and_then(|n| n.parse::<usize>().ok())
                        .unwrap_or(1)
                        .min(MAX_SPACES);
                    push_run(runs, &" ".repeat(n), fmt.0, fmt.1, link);
                }
                "text:tab" => push_run(runs, " ", fmt.0, fmt.1, link),
                "text:line-break" => push_run(runs, "\n", fmt.0, fmt.1, link),
                "text:note" => drop_note(
                    &mut self.doc.dropped,
                    "footnotes and endnotes were left out: folio has no notes yet, so put what \
                     they say into the text",
                ),
                "draw:frame" => self.frame(c, frames),
                "draw:a" => self.inline(c, fmt, link, runs, frames),
                // Deleted text of tracked changes, and comments, are not the text.
                "text:tracked-changes" | "text:change" | "office:annotation" => {}
                _ => self.inline(c, fmt, link, runs, frames),
            }
        }
    }

    fn frame(&mut self, f: &Element, frames: &mut Vec<Frame>) {
        if let Some(tb) = f.child("draw:text-box") {
            frames.push(Frame::Text(
                tb.elements()
                    .filter(|e| matches!(e.name.as_str(), "text:p" | "text:h"))
                    .cloned()
                    .collect(),
            ));
            return;
        }
        let Some(href) = f
            .child("draw:image")
            .and_then(|i| i.attr("xlink:href"))
            .filter(|h| !h.contains("://") && !h.starts_with('/'))
        else {
            drop_note(
                &mut self.doc.dropped,
                "a drawing, chart or linked picture (not an embedded image) was left out",
            );
            return;
        };
        let text = |n: &str| f.child(n).map(Element::text).and_then(super::docx::clean);
        let decorative = f
            .attrs
            .iter()
            .any(|(k, v)| k.ends_with(":decorative") && v == "true");
        self.doc.images.push(Image {
            part: href.trim_start_matches("./").to_string(),
            descr: text("svg:desc"),
            title: text("svg:title"),
            decorative,
            width: f.attr("svg:width").and_then(emu),
        });
        frames.push(Frame::Image(self.doc.images.len() - 1));
    }
}

/// A frame met inside a paragraph.
enum Frame {
    Image(usize),
    Text(Vec<Element>),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lengths_convert_to_emu() {
        assert_eq!(emu("1in"), Some(914_400));
        assert_eq!(emu("2.54cm"), Some(914_400));
        assert_eq!(emu("10mm"), Some(360_000));
        assert_eq!(emu("wide"), None);
    }
}
