//! DOCX (Office Open XML WordprocessingML) → [`Doc`].
//!
//! In: the opened package. Out: the document's properties, its blocks in reading order and
//! its images' parts. This file finds the parts (through the package's relationships, as
//! the standard requires, not by fixed names) and reads the side tables: properties, styles
//! and numbering. `body.rs` walks the text itself.

mod body;
mod styles;

use super::ReadError;
use super::package::Package;
use super::xml::Element;
use crate::import::doc::{Doc, Props};
use std::collections::BTreeMap;

const OFFICE_DOCUMENT: &str = "officeDocument";
const CORE_PROPERTIES: &str = "core-properties";
const EXTENDED_PROPERTIES: &str = "extended-properties";

/// A relationship's target.
#[derive(Debug, Clone)]
pub struct Rel {
    /// The relationship type's last path segment (`image`, `hyperlink`, `styles`).
    pub kind: String,
    pub target: String,
    pub external: bool,
}

/// Reads the package as a Word document.
pub fn read(package: &mut Package) -> Result<Doc, ReadError> {
    let root_rels = rels(package, "_rels/.rels", "")?;
    let main = root_rels
        .values()
        .find(|r| r.kind == OFFICE_DOCUMENT && !r.external)
        .map(|r| r.target.clone())
        .ok_or_else(|| {
            ReadError::NotADocument(
                "it is an Office file, but not a Word document (it has no main document part)"
                    .into(),
            )
        })?;
    let document = package.xml(&main)?.ok_or_else(|| {
        ReadError::Damaged(format!(
            "its main document part {main} is missing from the package"
        ))
    })?;
    if document.name != "w:document" {
        return Err(ReadError::NotADocument(
            "it is an Office file, but not a Word document (a spreadsheet or a presentation?)"
                .into(),
        ));
    }
    let (dir, file) = main.rsplit_once('/').unwrap_or(("", main.as_str()));
    let doc_rels = rels(package, &format!("{dir}/_rels/{file}.rels"), dir)?;
    // Some writers leave out the relationship of a part they did write (numbering that only
    // a style uses, for one); the part's usual name is the fallback.
    let part = |kind: &str| {
        doc_rels
            .values()
            .find(|r| r.kind == kind && !r.external)
            .map(|r| r.target.clone())
            .or_else(|| Some(resolve(dir, &format!("{kind}.xml"))))
    };
    let styles = match part("styles") {
        Some(p) => package.xml(&p)?,
        None => None,
    };
    let numbering = match part("numbering") {
        Some(p) => package.xml(&p)?,
        None => None,
    };
    let styles = styles::Styles::read(styles.as_ref(), numbering.as_ref());
    let mut props = Props {
        language: styles.language.clone(),
        ..Props::default()
    };
    for rel in root_rels.values() {
        if rel.external {
            continue;
        }
        if rel.kind == CORE_PROPERTIES
            && let Some(core) = package.xml(&rel.target)?
        {
            core_props(&core, &mut props);
        }
        if rel.kind == EXTENDED_PROPERTIES
            && let Some(app) = package.xml(&rel.target)?
        {
            props.company = app.child("ep:Company").map(Element::text).and_then(clean);
        }
    }
    let body = document
        .child("w:body")
        .ok_or_else(|| ReadError::Damaged("its main document part has no body (w:body)".into()))?;
    let mut doc = Doc {
        props,
        ..Doc::default()
    };
    body::read(body, &doc_rels, &styles, &mut doc);
    Ok(doc)
}

/// Reads a relationships part: id → target, with targets resolved against `base` (the
/// folder of the part they belong to).
fn rels(package: &mut Package, name: &str, base: &str) -> Result<BTreeMap<String, Rel>, ReadError> {
    let mut out = BTreeMap::new();
    let Some(root) = package.xml(name)? else {
        return Ok(out);
    };
    for r in root.elements().filter(|e| e.name == "rel:Relationship") {
        let (Some(id), Some(kind), Some(target)) = (r.attr("Id"), r.attr("Type"), r.attr("Target"))
        else {
            continue;
        };
        let external = r.attr("TargetMode") == Some("External");
        let target = if external {
            target.to_string()
        } else {
            resolve(base, target)
        };
        out.insert(
            id.to_string(),
            Rel {
                kind: kind.rsplit('/').next().unwrap_or(kind).to_string(),
                target,
                external,
            },
        );
    }
    Ok(out)
}

/// A package-relative target: `media/image1.png` from `word` → `word/media/image1.png`;
/// an absolute `/word/x.xml` stays as it is (without the slash); `..` climbs.
fn resolve(base: &str, target: &str) -> String {
    let mut parts: Vec<&str> = if target.starts_with('/') {
        Vec::new()
    } else {
        base.split('/').filter(|s| !s.is_empty()).collect()
    };
    for seg in target.split(['/', '\\']) {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            s => parts.push(s),
        }
    }
    parts.join("/")
}

/// Core properties: title, subject, creator, keywords, dates.
fn core_props(core: &Element, props: &mut Props) {
    let text = |name: &str| core.child(name).map(Element::text).and_then(clean);
    props.title = text("dc:title");
    props.subject = text("dc:subject");
    props.creator = text("dc:creator");
    props.keywords = text("cp:keywords")
        .map(|k| {
            k.split([',', ';'])
                .map(str::trim)
                .filter(|k| !k.is_empty())
                .map(str::to_string)
                .collect()
        })
        .unwrap_or_default();
    if props.language.is_none() {
        props.language = text("dc:language");
    }
    props.date = [
        ("dcterms:modified", "last saved"),
        ("dcterms:created", "created"),
    ]
    .into_iter()
    .find_map(|(key, what)| Some((date(&text(key)?)?, what)));
}

/// The `YYYY-MM-DD` of a W3C date-time, unless it is a writer's placeholder (before 1981:
/// files written without a date carry 1970 or 1980, the zero dates of Unix and of zip).
pub fn date(text: &str) -> Option<String> {
    let d = text.get(..10)?;
    let b = d.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    let well_formed = digits(0..4) && b[4] == b'-' && digits(5..7) && b[7] == b'-' && digits(8..10);
    (well_formed && d[..4] > *"1980").then(|| d.to_string())
}

/// Trimmed text, or `None` when there is none.
pub fn clean(s: String) -> Option<String> {
    let t = s.trim();
    (!t.is_empty()).then(|| t.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets_resolve_against_their_part_folder() {
        assert_eq!(resolve("word", "media/a.png"), "word/media/a.png");
        assert_eq!(resolve("word", "/word/media/a.png"), "word/media/a.png");
        assert_eq!(
            resolve("word", "../customXml/item1.xml"),
            "customXml/item1.xml"
        );
        assert_eq!(resolve("", "word/document.xml"), "word/document.xml");
    }

    #[test]
    fn placeholder_dates_are_no_dates() {
        assert_eq!(date("2024-03-01T10:00:00Z").as_deref(), Some("2024-03-01"));
        assert_eq!(date("1970-01-01T00:00:00Z"), None);
        assert_eq!(date("1980-01-01"), None);
        assert_eq!(date("March 2024"), None);
    }
}
