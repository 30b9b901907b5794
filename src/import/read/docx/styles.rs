//! The styles and numbering parts: what a paragraph style means, and how lists number.
//!
//! In: `styles.xml` and `numbering.xml` (either may be absent). Out: [`Styles`], which
//! answers "what is a paragraph of style X" (heading of level n, title, caption, a list …)
//! and "is run style Y bold or italic", following `basedOn` chains. Built-in styles are
//! known by their names ("heading 1"), which Word writes in English whatever the language
//! of its menus, and by outline levels, which any style may carry.

use super::super::xml::Element;
use crate::import::doc::Role;
use std::collections::BTreeMap;

/// `basedOn` chains longer than this are treated as cycles (Word's own limit is far lower).
const MAX_CHAIN: usize = 32;

/// One style's own settings.
#[derive(Debug, Default)]
struct Style {
    /// The style's name, lower case.
    name: String,
    based_on: Option<String>,
    outline: Option<u8>,
    num: Option<(String, u8)>,
    bold: Option<bool>,
    italic: Option<bool>,
}

/// A numbering level: bulleted or numbered, and where it starts.
#[derive(Debug, Clone, Copy)]
pub struct Level {
    pub ordered: bool,
    pub start: u64,
}

/// What a paragraph style makes a paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Role(Role),
    /// An entry of the document's own table of contents (folio makes its own).
    Contents,
}

/// The styles and numbering of a document.
#[derive(Debug, Default)]
pub struct Styles {
    styles: BTreeMap<String, Style>,
    /// The default paragraph style's id.
    default: Option<String>,
    /// numId → (abstractNumId, level overrides of `start`).
    nums: BTreeMap<String, (String, BTreeMap<u8, u64>)>,
    abstracts: BTreeMap<String, BTreeMap<u8, Level>>,
    /// The document's default language.
    pub language: Option<String>,
}

/// `w:b`, `w:i` and the like: on unless `w:val` says off.
pub fn toggle(e: Option<&Element>) -> Option<bool> {
    e.map(|e| !matches!(e.attr("w:val"), Some("0" | "false" | "off" | "none")))
}

impl Styles {
    pub fn read(styles: Option<&Element>, numbering: Option<&Element>) -> Styles {
        let mut out = Styles::default();
        if let Some(root) = styles {
            out.language = root
                .find("w:rPrDefault")
                .and_then(|d| d.find("w:lang"))
                .and_then(|l| l.attr("w:val"))
                .map(str::to_string);
            for s in root.elements().filter(|e| e.name == "w:style") {
                let Some(id) = s.attr("w:styleId") else {
                    continue;
                };
                if s.attr("w:type") == Some("paragraph") && s.attr("w:default") == Some("1") {
                    out.default = Some(id.to_string());
                }
                let ppr = s.child("w:pPr");
                let rpr = s.child("w:rPr");
                let style = Style {
                    name: s
                        .child("w:name")
                        .and_then(|n| n.attr("w:val"))
                        .unwrap_or(id)
                        .to_lowercase(),
                    based_on: s
                        .child("w:basedOn")
                        .and_then(|b| b.attr("w:val"))
                        .map(str::to_string),
                    outline: ppr.and_then(outline),
                    num: ppr.and_then(num_pr),
                    bold: toggle(rpr.and_then(|r| r.child("w:b"))),
                    italic: toggle(rpr.and_then(|r| r.child("w:i"))),
                };
                out.styles.insert(id.to_string(), style);
            }
        }
        if let Some(root) = numbering {
            out.read_numbering(root);
        }
        out
    }

    fn read_numbering(&mut self, root: &Element) {
        for a in root.elements().filter(|e| e.name == "w:abstractNum") {
            let Some(id) = a.attr("w:abstractNumId") else {
                continue;
            };
            let mut levels = BTreeMap::new();
            for l in a.elements().filter(|e| e.name == "w:lvl") {
                let Some(ilvl) = l.attr("w:ilvl").and_then(|v| v.parse::<u8>().ok()) else {
                    continue;
                };
                let fmt = l
                    .child("w:numFmt")
                    .and_then(|f| f.attr("w:val"))
                    .unwrap_or("decimal");
                if fmt == "none" {
                    continue;
                }
                let start = l
                    .child("w:start")
                    .and_then(|s| s.attr("w:val"))
                    .and_then(|v| v.parse().ok())
                    .unwrap_or(1);
                levels.insert(
                    ilvl,
                    Level {
                        ordered: fmt != "bullet",
                        start,
                    },
                );
            }
            self.abstracts.insert(id.to_string(), levels);
        }
        for n in root.elements().filter(|e| e.name == "w:num") {
            let (Some(id), Some(abs)) = (
                n.attr("w:numId"),
                n.child("w:abstractNumId").and_then(|a| a.attr("w:val")),
            ) else {
                continue;
            };
            let overrides = n
                .elements()
                .filter(|e| e.name == "w:lvlOverride")
                .filter_map(|o| {
                    let ilvl = o.attr("w:ilvl")?.parse().ok()?;
                    let start = o.child("w:startOverride")?.attr("w:val")?.parse().ok()?;
                    Some((ilvl, start))
                })
                .collect();
            self.nums
                .insert(id.to_string(), (abs.to_string(), overrides));
        }
    }

    /// The styles of `id`'s chain, the style itself first.
    fn chain(&self, id: Option<&str>) -> Vec<&Style> {
        let mut out = Vec::new();
        let mut next = id.or(self.default.as_deref());
        while let Some(id) = next {
            let Some(s) = self.styles.get(id) else { break };
            if out.len() == MAX_CHAIN {
                break;
            }
            out.push(s);
            next = s.based_on.as_deref();
        }
        out
    }

    /// What a paragraph of style `id` is, before its own numbering is looked at.
    pub fn kind(&self, id: Option<&str>) -> Kind {
        for s in self.chain(id) {
            let name = s.name.as_str();
            if let Some(n) = name
                .strip_prefix("heading ")
                .and_then(|n| n.parse::<u8>().ok())
            {
                return Kind::Role(Role::Heading(n.clamp(1, 9)));
            }
            if name.starts_with("toc ") || name == "toc heading" || name == "table of figures" {
                return Kind::Contents;
            }
            match name {
                "title" => return Kind::Role(Role::Title),
                "subtitle" => return Kind::Role(Role::Subtitle),
                "caption" => return Kind::Role(Role::Caption),
                _ => {}
            }
            if let Some(level) = s.outline {
                return Kind::Role(Role::Heading(level + 1));
            }
        }
        Kind::Role(Role::Body)
    }

    /// The numbering a style gives its paragraphs: (numId, level).
    pub fn style_num(&self, id: Option<&str>) -> Option<(String, u8)> {
        self.chain(id).into_iter().find_map(|s| s.num.clone())
    }

    /// Bold and italic set by a character style.
    pub fn run_style(&self, id: &str) -> (Option<bool>, Option<bool>) {
        let chain = self.chain(Some(id));
        (
            chain.iter().find_map(|s| s.bold),
            chain.iter().find_map(|s| s.italic),
        )
    }

    /// A numbering level; `None` for numId 0 (numbering switched off) or an unknown one.
    pub fn level(&self, num_id: &str, ilvl: u8) -> Option<Level> {
        let (abs, overrides) = self.nums.get(num_id)?;
        let mut level = *self.abstracts.get(abs)?.get(&ilvl)?;
        if let Some(start) = overrides.get(&ilvl) {
            level.start = *start;
        }
        Some(level)
    }
}

/// `w:outlineLvl`: 0–8 are heading levels 1–9; 9 is body text.
pub fn outline(ppr: &Element) -> Option<u8> {
    let v: u8 = ppr.child("w:outlineLvl")?.attr("w:val")?.parse().ok()?;
    (v < 9).then_some(v)
}

/// `w:numPr`: (numId, ilvl).
pub fn num_pr(ppr: &Element) -> Option<(String, u8)> {
    let n = ppr.child("w:numPr")?;
    let id = n.child("w:numId")?.attr("w:val")?.to_string();
    let ilvl = n
        .child("w:ilvl")
        .and_then(|l| l.attr("w:val"))
        .and_then(|v| v.parse().ok())
        .unwrap_or(0);
    Some((id, ilvl))
}
