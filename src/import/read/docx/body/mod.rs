//! The body of a Word document → blocks: paragraphs with their roles and runs, tables,
//! images.
//!
//! In: `w:body`, the document's relationships and its styles. Out: blocks pushed onto the
//! [`Doc`], in reading order. Word's text hides in many wrappers (content controls, tracked
//! insertions, smart tags, fields, alternate content); this walks through them, leaves out
//! what a reader does not see (deleted text, hidden text, field instructions) and notes
//! what it cannot bring over (charts, shapes, footnotes) so that nothing vanishes silently.

mod drawing;

use super::Rel;
use super::styles::{Kind, Styles, num_pr, outline, toggle};
use crate::import::doc::{Block, Doc, Role, Run, drop_note, push_run};
use crate::import::read::xml::Element;
use std::collections::BTreeMap;

/// A merged cell may span at most this many columns (Word's own limit is 63).
const MAX_SPAN: usize = 64;
/// List levels Word numbers (0–8).
const LEVELS: usize = 9;

/// A piece of a paragraph: text runs, or an image standing in the text.
enum Piece {
    Runs(Vec<Run>),
    Image(usize),
}

/// A field being read: its instruction, and whether its result (the visible part) has begun.
struct Field {
    instr: String,
    result: bool,
    link: Option<String>,
}

struct Reader<'a, 'd> {
    rels: &'a BTreeMap<String, Rel>,
    styles: &'a Styles,
    doc: &'d mut Doc,
    /// Items counted so far at each level of each list (numId).
    counters: BTreeMap<String, [u64; LEVELS]>,
    fields: Vec<Field>,
    /// Text boxes met inside a paragraph, read after it.
    deferred: Vec<&'a Element>,
}

/// Reads the body into `doc`.
pub fn read(body: &Element, rels: &BTreeMap<String, Rel>, styles: &Styles, doc: &mut Doc) {
    if let Some(sect) = body.child("w:sectPr").or_else(|| body.find("w:sectPr")) {
        doc.text_width = text_width(sect);
    }
    let mut r = Reader {
        rels,
        styles,
        doc,
        counters: BTreeMap::new(),
        fields: Vec::new(),
        deferred: Vec::new(),
    };
    r.blocks(body);
}

/// The page's width less its side margins, in EMU (sizes are in twentieths of a point).
fn text_width(sect: &Element) -> Option<i64> {
    const EMU_PER_TWIP: i64 = 635;
    let twips = |e: Option<&Element>, a: &str| -> Option<i64> { e?.attr(a)?.parse().ok() };
    let width = twips(sect.child("w:pgSz"), "w:w")?;
    let mar = sect.child("w:pgMar");
    let left = twips(mar, "w:left").unwrap_or(0);
    let right = twips(mar, "w:right").unwrap_or(0);
    let text = width - left - right;
    (text > 0).then_some(text * EMU_PER_TWIP)
}

/// The part of an `mc:AlternateContent` to read: its first choice. Word writes the same
/// content again as a fallback for older readers; reading both would double it.
fn choice(alt: &Element) -> Option<&Element> {
    alt.child("mc:Choice").or_else(|| alt.child("mc:Fallback"))
}

/// The target of a `HYPERLINK "…"` field instruction; `None` for a link within the document.
fn hyperlink_instr(instr: &str) -> Option<String> {
    let rest = instr.trim_start().strip_prefix("HYPERLINK")?.trim_start();
    if rest.starts_with('\\') {
        return None;
    }
    let target = match rest.strip_prefix('"') {
        Some(q) => q.split('"').next()?,
        None => rest.split_whitespace().next()?,
    };
    (!target.is_empty()).then(|| target.to_string())
}

impl<'a> Reader<'a, '_> {
    fn blocks(&mut self, parent: &'a Element) {
        for e in parent.elements() {
            match e.name.as_str() {
                "w:p" => self.paragraph(e),
                "w:tbl" => self.table(e),
                "w:sdt" => {
                    if e.find("w:docPartGallery").and_then(|g| g.attr("w:val"))
                        == Some("Table of Contents")
                    {
                        self.note_contents();
                    } else if let Some(c) = e.child("w:sdtContent") {
                        self.blocks(c);
                    }
                }
                "w:customXml" | "w:ins" | "w:moveTo" | "w:txbxContent" => self.blocks(e),
                "mc:AlternateContent" => {
                    if let Some(c) = choice(e) {
                        self.blocks(c);
                    }
                }
                _ => {}
            }
        }
    }

    fn note_contents(&mut self) {
        drop_note(
            &mut self.doc.dropped,
            "the document's own table of contents was left out: folio makes the contents page",
        );
    }

    fn paragraph(&mut self, p: &'a Element) {
        let ppr = p.child("w:pPr");
        let style = ppr
            .and_then(|p| p.child("w:pStyle"))
            .and_then(|s| s.attr("w:val"));
        let mut role = match self.styles.kind(style) {
            Kind::Contents => {
                self.note_contents();
                return;
            }
            Kind::Role(r) => r,
        };
        if role == Role::Body
            && let Some(level) = ppr.and_then(outline)
        {
            role = Role::Heading(level + 1);
        }
        if role == Role::Body {
            let num = match ppr.and_then(num_pr) {
                Some(own) => Some(own),
                None => self.styles.style_num(style),
            };
            if let Some((id, ilvl)) = num
                && let Some(level) = self.styles.level(&id, ilvl)
            {
                let ilvl = (ilvl as usize).min(LEVELS - 1);
                let counts = self.counters.entry(id).or_insert([0; LEVELS]);
                counts[ilvl] += 1;
                counts[ilvl + 1..].iter_mut().for_each(|c| *c = 0);
                role = Role::ListItem {
                    level: ilvl as u8,
                    ordered: level.ordered,
                    number: level.start.saturating_add(counts[ilvl] - 1),
                };
            }
        }
        let mut pieces = Vec::new();
        self.inline(p, None, &mut pieces);
        for piece in pieces {
            match piece {
                Piece::Runs(runs) if runs.iter().any(|r| !r.text.trim().is_empty()) => {
                    self.doc.blocks.push(Block::Paragraph { role, runs });
                }
                Piece::Runs(_) => {}
                Piece::Image(i) => self.doc.blocks.push(Block::Image(i)),
            }
        }
        for tx in std::mem::take(&mut self.deferred) {
            self.blocks(tx);
        }
    }

    /// Walks a paragraph's (or hyperlink's, or field's) content.
    fn inline(&mut self, e: &'a Element, link: Option<&str>, out: &mut Vec<Piece>) {
        for c in e.elements() {
            match c.name.as_str() {
                "w:r" => self.run(c, link, out),
                "w:hyperlink" => {
                    let target = c
                        .attr("r:id")
                        .and_then(|id| self.rels.get(id))
                        .filter(|r| r.external)
                        .map(|r| r.target.clone());
                    self.inline(c, target.as_deref().or(link), out);
                }
                "w:fldSimple" => {
                    let target = c.attr("w:instr").and_then(hyperlink_instr);
                    self.inline(c, target.as_deref().or(link), out);
                }
                "w:ins" | "w:smartTag" | "w:customXml" | "w:sdtContent" | "w:dir" | "w:bdo"
                | "w:moveTo" => self.inline(c, link, out),
                "w:sdt" => {
                    if let Some(content) = c.child("w:sdtContent") {
                        self.inline(content, link, out);
                    }
                }
                "mc:AlternateContent" => {
                    if let Some(ch) = choice(c) {
                        self.inline(ch, link, out);
                    }
                }
                _ => {}
            }
        }
    }

    fn run(&mut self, r: &'a Element, link: Option<&str>, out: &mut Vec<Piece>) {
        let rpr = r.child("w:rPr");
        if toggle(rpr.and_then(|p| p.child("w:vanish"))) == Some(true) {
            return;
        }
        let (style_bold, style_italic) = rpr
            .and_then(|p| p.child("w:rStyle"))
            .and_then(|s| s.attr("w:val"))
            .map_or((None, None), |id| self.styles.run_style(id));
        let bold = toggle(rpr.and_then(|p| p.child("w:b")))
            .or(style_bold)
            .unwrap_or(false);
        let italic = toggle(rpr.and_then(|p| p.child("w:i")))
            .or(style_italic)
            .unwrap_or(false);
        self.run_content(r, (bold, italic), link, out);
    }

    fn run_content(
        &mut self,
        r: &'a Element,
        (bold, italic): (bool, bool),
        link: Option<&str>,
        out: &mut Vec<Piece>,
    ) {
        for c in r.elements() {
            let text = match c.name.as_str() {
                // A line break in Word is `w:br`; a line-end character inside `w:t` is white
                // space, as Word shows it.
                "w:t" => c.text().replace(['\n', '\r'], " "),
                "w:tab" | "w:ptab" => " ".into(),
                "w:br" if matches!(c.attr("w:type"), Some("page" | "column")) => continue,
                "w:br" | "w:cr" => "\n".into(),
                "w:noBreakHyphen" => "\u{2011}".into(),
                "w:fldChar" => {
                    self.field_char(c);
                    continue;
                }
                "w:instrText" => {
                    if let Some(f) = self.fields.last_mut().filter(|f| !f.result) {
                        f.instr.push_str(&c.text());
                    }
                    continue;
                }
                "w:drawing" => {
                    self.drawing(c, out);
                    continue;
                }
                "w:pict" | "w:object" => {
                    self.vml(c, out);
                    continue;
                }
                "mc:AlternateContent" => {
                    if let Some(ch) = choice(c) {
                        self.run_content(ch, (bold, italic), link, out);
                    }
                    continue;
                }
                "w:footnoteReference" | "w:endnoteReference" => {
                    drop_note(
                        &mut self.doc.dropped,
                        "footnotes and endnotes were left out: folio has no notes yet, so put \
                         what they say into the text",
                    );
                    continue;
                }
                _ => continue,
            };
            // The instruction part of a field is code, not text (its result is the text).
            if self.fields.iter().any(|f| !f.result) {
                continue;
            }
            let field_link = self.fields.iter().rev().find_map(|f| f.link.clone());
            let link = link.map(str::to_string).or(field_link);
            let runs = match out.last_mut() {
                Some(Piece::Runs(runs)) => runs,
                _ => {
                    out.push(Piece::Runs(Vec::new()));
                    match out.last_mut() {
                        Some(Piece::Runs(runs)) => runs,
                        _ => unreachable!("invariant: a runs piece was just pushed"),
                    }
                }
            };
            push_run(runs, &text, bold, italic, link.as_deref());
        }
    }

    fn field_char(&mut self, c: &Element) {
        match c.attr("w:fldCharType") {
            Some("begin") => self.fields.push(Field {
                instr: String::new(),
                result: false,
                link: None,
            }),
            Some("separate") => {
                if let Some(f) = self.fields.last_mut() {
                    f.result = true;
                    f.link = hyperlink_instr(&f.instr);
                }
            }
            Some("end") => {
                self.fields.pop();
            }
            _ => {}
        }
    }

    fn table(&mut self, t: &'a Element) {
        let mut rows = Vec::new();
        for tr in t.elements().filter(|e| e.name == "w:tr") {
            let mut row = Vec::new();
            for tc in tr.elements().filter(|e| e.name == "w:tc") {
                let span = tc
                    .child("w:tcPr")
                    .and_then(|p| p.child("w:gridSpan"))
                    .and_then(|g| g.attr("w:val"))
                    .and_then(|v| v.parse::<usize>().ok())
                    .unwrap_or(1)
                    .clamp(1, MAX_SPAN);
                row.push(self.cell_text(tc));
                row.extend(std::iter::repeat_n(String::new(), span - 1));
            }
            if !row.is_empty() {
                rows.push(row);
            }
        }
        if !rows.is_empty() {
            self.doc.blocks.push(Block::Table(rows));
        }
    }

    /// A cell's text: its paragraphs joined by spaces (a nested table's cells too).
    fn cell_text(&mut self, tc: &'a Element) -> String {
        let mut parts: Vec<String> = Vec::new();
        for c in tc.elements() {
            match c.name.as_str() {
                "w:p" => {
                    let mut pieces = Vec::new();
                    self.inline(c, None, &mut pieces);
                    for piece in pieces {
                        match piece {
                            Piece::Runs(runs) => {
                                parts.push(runs.iter().map(|r| r.text.as_str()).collect())
                            }
                            Piece::Image(_) => {
                                self.doc.images.pop();
                                drop_note(
                                    &mut self.doc.dropped,
                                    "a picture inside a table cell was left out: folio's \
                                     table cells hold text and numbers",
                                );
                            }
                        }
                    }
                    self.deferred.clear();
                }
                "w:tbl" => {
                    drop_note(
                        &mut self.doc.dropped,
                        "a table inside a table cell was flattened into the cell's text",
                    );
                    for tr in c.elements().filter(|e| e.name == "w:tr") {
                        for inner in tr.elements().filter(|e| e.name == "w:tc") {
                            parts.push(self.cell_text(inner));
                        }
                    }
                }
                "w:sdt" => {
                    if let Some(content) = c.child("w:sdtContent") {
                        parts.push(self.cell_text(content));
                    }
                }
                _ => {}
            }
        }
        parts
            .iter()
            .flat_map(|p| p.split_whitespace())
            .collect::<Vec<_>>()
            .join(" ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hyperlink_fields_give_their_target_and_internal_links_none() {
        assert_eq!(
            hyperlink_instr(" HYPERLINK \"https://example.org/a b\" \\o \"tip\"").as_deref(),
            Some("https://example.org/a b")
        );
        assert_eq!(
            hyperlink_instr("HYPERLINK mailto:a@b.org").as_deref(),
            Some("mailto:a@b.org")
        );
        assert_eq!(hyperlink_instr("HYPERLINK \\l \"_Toc1\""), None);
        assert_eq!(hyperlink_instr("PAGE"), None);
    }
}
