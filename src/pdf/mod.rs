//! Stage 4: [`Document`] → PDF bytes, with krilla.
//!
//! In: a [`Document`] — laid-out pages, the structure tree, and the fonts, images and
//! metadata it owns. Out: a tagged PDF whose tag tree mirrors the structure, with bookmarks,
//! link annotations, metadata and subset fonts with Unicode maps. This module makes no layout
//! decisions and reads nothing but the Document: it walks frames and translates each item.
//!
//! krilla was chosen over printpdf because it writes tagged PDF, checks PDF/A and PDF/UA
//! rules at export, subsets fonts with ToUnicode maps, passes JPEGs through and writes
//! byte-reproducible files (no clock, no random IDs). Everything either edition needs of
//! the file is written by krilla in one pass — nothing is edited afterwards: what krilla
//! lacked (the catalog's page mode, a PDF/X-4 configuration, a stream-end fix in
//! pdf-writer) is a patch to the copies kept in `vendor/`. The print edition is in
//! [`print`]; [`error`] turns what cannot be written into diagnostics.

mod draw;
mod error;
mod mode;
mod print;
mod profile;
mod raster;
mod svg;
mod tags;

pub use error::{ExportError, Place, Rejection};
pub use print::export_print;

use crate::frame::{Document, Metadata, OutlineEntry};
use krilla::configure::{Accessibility, Archival, ConfigurationBuilder};
use krilla::destination::XyzDestination;
use krilla::geom::Point;
use krilla::metadata::{DateTime, PageMode};
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
        .expect("invariant: PDF/UA-1 and PDF/A-2a share PDF 1.4 to 1.7");
    let settings = SerializeSettings {
        configuration,
        enable_tagging: true,
        // PDF/A needs CMYK content (a CMYK JPEG) tied to a profile: the print edition's.
        // Only when there is some: preparing the profile is not free.
        cmyk_profile: has_cmyk(doc)
            .then(|| profile::cmyk(&doc.cmyk_profile))
            .flatten(),
        ..SerializeSettings::default()
    };
    let mut pdf = KDocument::new_with(settings);
    let kfonts = draw::fonts(&doc.fonts)?;
    let named = draw::named(&kfonts, &doc.fonts);
    let mut ids = vec![None; doc.structure.content_count()];
    for (i, page) in doc.pages.iter().enumerate() {
        let mode = draw::Mode::Reader;
        draw::page(
            &mut pdf,
            i,
            page,
            &kfonts,
            &mut ids,
            &mode,
            &doc.meta.go_to_page,
        )?;
    }
    pdf.set_tag_tree(tags::tree(&doc.structure, &ids, &doc.meta.language));
    pdf.set_outline(outline(doc));
    pdf.set_metadata(metadata(&doc.meta));
    pdf.finish()
        .map_err(|e| ExportError::from_krilla(e, &named))
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
        .keywords(meta.keywords.clone())
        // Open with the bookmarks panel showing: the quickest way round a report (written
        // only when there are bookmarks to show).
        .page_mode(PageMode::UseOutlines);
    if let Some(s) = &meta.subject {
        m = m.description(s.clone());
    }
    m
}
