//! The fallback chain: which faces draw the characters the brand fonts lack.
//!
//! In: the resolved report (its text and its font book), the `[brand.fonts] fallback`
//! families already loaded, and report.toml's source. Out: the book's fallback chain, holding
//! only the faces the report's text needs, and a warning at each character that no face has.
//!
//! The chain is: the families of `[brand.fonts] fallback` in the order written, the report's
//! own faces (a bold face without `✓` takes it from the regular one), the built-in Liberation
//! Sans, then the built-in Noto faces ([`BUILTIN_FALLBACK`]). A built-in fallback face is
//! parsed only when a character of the report is missing from every face before it, so a
//! report its fonts cover pays nothing for them.

use super::Report;
use super::types::{Block, Component};
use crate::diag::Diagnostic;
use crate::text::fallback::BUILTIN_FALLBACK;
use crate::text::fonts::DEFAULT_FAMILY;
use crate::text::{FaceId, FamilyId, FontBook};
use std::collections::BTreeSet;
use std::sync::Arc;

/// Characters folio itself sets around the report's text: bullets, dashes, quotation marks,
/// ellipses, figures and signs of numbers and page numbers.
const FOLIO_CHARS: &str = "0123456789•–—…“”‘’()%+−,.:;/£€$";

/// Builds the fallback chain for `report`; `user` are the `[brand.fonts] fallback` families.
/// Returns the characters no face has, in order.
pub fn plan(report: &mut Report, user: &[FamilyId]) -> BTreeSet<char> {
    // Nearly all text is ASCII: a table of 128 flags keeps the walk over a long report cheap.
    let mut ascii = [false; 128];
    let mut chars = BTreeSet::new();
    let mut note = |s: &str| {
        for c in s.chars() {
            if c.is_ascii() {
                ascii[c as usize] = true;
            } else {
                chars.insert(c);
            }
        }
    };
    collect(report, &mut note);
    note(FOLIO_CHARS);
    chars.extend((0..128u8).filter(|b| ascii[*b as usize]).map(char::from));
    chars.retain(|c| !c.is_whitespace() && !c.is_control());
    chars.retain(|c| !crate::text::shape::is_default_ignorable(*c));
    let book = &mut report.fonts;
    let mut used: Vec<FaceId> = [report.body_family, report.heading_family]
        .into_iter()
        .flat_map(|f| {
            let fam = book.family(f);
            [fam.regular, fam.bold, fam.italic, fam.bold_italic]
        })
        .collect();
    used.dedup();
    // Characters some face the text is set in does not have.
    let mut needed = BTreeSet::new();
    for f in &used {
        let has = book.coverage(*f, &chars);
        needed.extend(chars.difference(&has).copied());
    }
    if needed.is_empty() {
        return needed;
    }
    let mut candidates: Vec<FaceId> = user.iter().map(|f| book.family(*f).regular).collect();
    candidates.extend(used.iter().copied());
    if let Some(builtin) = book.family_by_name(DEFAULT_FAMILY) {
        candidates.push(book.family(builtin).regular);
    }
    let mut chain = Vec::new();
    for face in candidates {
        take(book, face, &mut needed, &mut chain);
    }
    for (_, bytes) in BUILTIN_FALLBACK {
        // A built-in face is parsed only for characters no face before it has.
        if needed.is_empty() {
            break;
        }
        let face = book
            .add_face(Arc::new(bytes.to_vec()))
            .expect("invariant: the built-in fallback fonts parse");
        if !take(book, face, &mut needed, &mut chain) {
            book.faces.pop();
        }
    }
    book.fallback = chain;
    needed
}

/// Adds `face` to the chain if it has any character still needed, and strikes those off.
/// True if it did.
fn take(
    book: &FontBook,
    face: FaceId,
    needed: &mut BTreeSet<char>,
    chain: &mut Vec<FaceId>,
) -> bool {
    let has = book.coverage(face, needed);
    if has.is_empty() || chain.contains(&face) {
        return false;
    }
    chain.push(face);
    needed.retain(|c| !has.contains(c));
    true
}

/// Calls `f` with every text the report prints.
fn collect(r: &Report, f: &mut impl FnMut(&str)) {
    let m = &r.meta;
    for s in [&m.title, &m.organisation, &m.period, &r.footer] {
        f(s);
    }
    let t = &m.strings;
    for s in [&t.published, &t.credit, &t.value, &t.continued] {
        f(s);
    }
    f(&t.long_date(&m.date));
    m.subtitle.as_deref().map(&mut *f);
    if let Some(credit) = r.cover.photo.as_ref().and_then(|p| p.credit.as_deref()) {
        f(credit);
    }
    r.contents.as_deref().map(&mut *f);
    if let Some(n) = &r.numbers {
        f(&n.title);
        n.intro.as_deref().map(&mut *f);
        for metric in &n.metrics {
            f(&metric.value);
            f(&metric.label);
            metric.detail.as_deref().map(&mut *f);
            if let Some(c) = &metric.change {
                f(&c.text);
            }
        }
    }
    for s in &r.sections {
        f(&s.title);
        s.lead.as_deref().map(&mut *f);
        blocks(&s.body, f);
        for metric in &s.metrics {
            f(&metric.value);
            f(&metric.label);
            metric.detail.as_deref().map(&mut *f);
            if let Some(c) = &metric.change {
                f(&c.text);
            }
        }
        for c in &s.components {
            component(c, f);
        }
    }
    blocks(&r.back, f);
}

fn component(c: &Component, f: &mut impl FnMut(&str)) {
    match c {
        Component::Chart(chart) => {
            chart.title.as_deref().map(&mut *f);
            for d in &chart.data {
                f(&d.label);
            }
            for s in &chart.series {
                f(s);
            }
        }
        Component::Quote { text, by, .. } => {
            f(text);
            by.as_deref().map(&mut *f);
        }
        Component::Box { title, body, .. } => {
            title.as_deref().map(&mut *f);
            blocks(body, f);
        }
        Component::Table(t) => {
            t.title.as_deref().map(&mut *f);
            for c in &t.columns {
                f(c);
            }
            for row in &t.rows {
                for (cell, _) in row {
                    f(cell);
                }
            }
        }
        Component::Image(i) => {
            i.caption.as_deref().map(&mut *f);
            i.credit.as_deref().map(&mut *f);
        }
        Component::Images(r) => {
            r.caption.as_deref().map(&mut *f);
            for i in &r.images {
                i.caption.as_deref().map(&mut *f);
                i.credit.as_deref().map(&mut *f);
            }
        }
        Component::Foreword(fw) => {
            f(&fw.name);
            fw.role.as_deref().map(&mut *f);
            blocks(&fw.text, f);
        }
        Component::Timeline(t) => {
            t.title.as_deref().map(&mut *f);
            for m in &t.milestones {
                f(&m.date);
                m.title.as_deref().map(&mut *f);
                m.text.as_deref().map(&mut *f);
            }
        }
    }
}

fn blocks(blocks: &[Block], f: &mut impl FnMut(&str)) {
    for b in blocks {
        match b {
            Block::Paragraph(inlines) | Block::Heading(_, inlines) => {
                for i in inlines {
                    f(&i.text);
                }
            }
            Block::List { items, .. } => {
                for item in items {
                    self::blocks(item, f);
                }
            }
        }
    }
}

/// Warnings for characters no face has: one per character, at its first place in
/// report.toml, naming it and how many more times it is written there.
pub fn warnings(missing: &BTreeSet<char>, source: &str, diags: &mut Vec<Diagnostic>) {
    if missing.is_empty() {
        return;
    }
    let places = super::coverage::places(source, missing);
    // Invisible characters are reported where every value is checked (`limits`): a bidi
    // override is meant to have no glyph.
    for c in missing.iter().filter(|c| !super::limits::is_hidden(**c)) {
        let found: Vec<&super::coverage::Place> = places.iter().filter(|p| p.c == *c).collect();
        let name = unicode_names2::name(*c).map_or_else(String::new, |n| format!(" {n}"));
        let (key, span) = match found.first() {
            Some(p) => (format!(" in `{}`", p.key), Some(p.span.clone())),
            None => (String::new(), None),
        };
        let more = match found.len() {
            0 | 1 => String::new(),
            2 => " (and once more)".to_string(),
            n => format!(" (and {} more times)", n - 1),
        };
        diags.push(
            Diagnostic::warning(
                format!(
                    "`{c}` (U+{:04X}{name}){key}{more} is in none of the report's fonts",
                    *c as u32
                ),
                span,
            )
            .with_label("printed as a replacement box; copied and read aloud as itself")
            .with_help(
                "add a font that has it to `[brand.fonts] fallback` (a family name or a .ttf/.otf file), or write it in words",
            ),
        );
    }
}
