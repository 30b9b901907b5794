//! Stage 4: [`Document`] → PDF bytes, with krilla.
//!
//! In: a [`Document`] — laid-out pages, the structure tree, and the fonts, images and
//! metadata it owns. Out: a tagged PDF whose tag tree mirrors the structure, with bookmarks,
//! link annotations, metadata and subset fonts with Unicode maps. This module makes no layout
//! decisions and reads nothing but the Document: it walks frames and translates each item.
//!
//! krilla was chosen over printpdf because it writes tagged PDF, checks PDF/A and PDF/UA
//! rules at export, subsets fonts with ToUnicode maps, passes JPEGs through and writes
//! byte-reproducible files (no clock, no random IDs).

mod draw;
mod mode;
mod patch;
mod print;
mod raster;
mod svg;
mod tags;

pub use print::export_print;

use crate::frame::{Document, Metadata, OutlineEntry};
use krilla::configure::{Accessibility, Archival, ConfigurationBuilder};
use krilla::destination::XyzDestination;
use krilla::geom::Point;
use krilla::metadata::DateTime;
use krilla::outline::{Outline, OutlineNode};
use krilla::{Document as KDocument, SerializeSettings};

/// The standards an export claims and krilla checks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Standards {
    pub pdf_ua1: bool,
    pub pdf_a2a: bool,
}

impl Default for Standards {
    fn default() -> Self {
        Self {
            pdf_ua1: true,
            pdf_a2a: true,
        }
    }
}

impl Standards {
    /// Names of the standards met, for the build summary.
    pub fn names(&self) -> Vec<&'static str> {
        let mut v = Vec::new();
        if self.pdf_ua1 {
            v.push("PDF/UA-1");
        }
        if self.pdf_a2a {
            v.push("PDF/A-2a");
        }
        v
    }
}

/// Why the PDF could not be written.
#[derive(Debug)]
pub struct ExportError(pub String);

impl std::fmt::Display for ExportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// Writes the document as PDF.
pub fn export(doc: &Document, standards: Standards) -> Result<Vec<u8>, ExportError> {
    let mut config = ConfigurationBuilder::new();
    if standards.pdf_ua1 {
        config = config.with_accessibility_validator(Accessibility::UA1);
    }
    if standards.pdf_a2a {
        config = config.with_archival_validator(Archival::A2_A);
    }
    let configuration = config
        .finish()
        .map_err(|e| ExportError(format!("incompatible PDF standards: {e:?}")))?;
    let settings = SerializeSettings {
        configuration,
        enable_tagging: true,
        // PDF/A needs CMYK content (a CMYK JPEG) tied to a profile: the print edition's.
        // Only when there is some: preparing the profile is not free.
        cmyk_profile: has_cmyk(doc)
            .then(|| krilla::icc::ICCProfile::new(&doc.cmyk_profile))
            .flatten(),
        ..SerializeSettings::default()
    };
    let mut pdf = KDocument::new_with(settings);
    let kfonts = draw::fonts(&doc.fonts)?;
    let mut ids = vec![None; doc.structure.content_count()];
    for page in &doc.pages {
        draw::page(&mut pdf, page, &kfonts, &mut ids, &draw::Mode::Reader)?;
    }
    pdf.set_tag_tree(tags::tree(&doc.structure, &ids, &doc.meta.language));
    pdf.set_outline(outline(doc));
    pdf.set_metadata(metadata(&doc.meta));
    let bytes = pdf
        .finish()
        .map_err(|e| ExportError(format!("the PDF could not be written: {e:?}")))?;
    // Open with the bookmarks panel showing: the quickest way round a report.
    let entries: &[(&str, &str)] = if doc.outline.is_empty() {
        &[]
    } else {
        &[("/PageMode", "/UseOutlines")]
    };
    patch::add_catalog_entries(bytes, entries)
}

/// Whether any image is CMYK.
fn has_cmyk(doc: &Document) -> bool {
    doc.pages
        .iter()
        .flat_map(|p| &p.items)
        .any(|i| matches!(&i.kind, crate::frame::ItemKind::Image { image, .. } if image.cmyk))
}

/// Bookmarks nested by heading level, so the outline mirrors the heading tree.
fn outline(doc: &Document) -> Outline {
    fn node(e: &OutlineEntry) -> OutlineNode {
        OutlineNode::new(
            e.title.clone(),
            XyzDestination::new(e.page, Point::from_xy(0.0, e.y.to_pt() as f32)),
        )
    }
    /// Builds the nodes of entries[*i..] deeper than `level`, advancing `i`.
    fn children(entries: &[OutlineEntry], i: &mut usize, level: u8) -> Vec<OutlineNode> {
        let mut out = Vec::new();
        while *i < entries.len() && entries[*i].level > level {
            let e = &entries[*i];
            *i += 1;
            let mut n = node(e);
            for c in children(entries, i, e.level) {
                n.push_child(c);
            }
            out.push(n);
        }
        out
    }
    let mut outline = Outline::new();
    let mut i = 0;
    for n in children(&doc.outline, &mut i, 0) {
        outline.push_child(n);
    }
    outline
}

fn metadata(meta: &Metadata) -> krilla::metadata::Metadata {
    let date = DateTime::new(meta.date.year)
        .month(meta.date.month)
        .day(meta.date.day);
    let mut m = krilla::metadata::Metadata::new()
        .title(meta.title.clone())
        .authors(vec![meta.author.clone()])
        .language(meta.language.clone())
        .creator("folio".to_string())
        .creation_date(date)
        .keywords(meta.keywords.clone());
    if let Some(s) = &meta.subject {
        m = m.description(s.clone());
    }
    m
}
