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
pub use print::{export_print, export_print_freeing};

use crate::frame::{Document, Metadata, OutlineEntry, Page};
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
    let mut pdf = Writer::new(reader_settings(doc, standards), doc)?;
    for (i, page) in doc.pages.iter().enumerate() {
        pdf.page(i, page, &draw::Mode::Reader, doc)?;
    }
    finish_reader(pdf, doc)
}

/// Writes the document as PDF as [`export`] does, freeing each page's items as soon as the
/// page is drawn. The file is the same; the glyphs of a long report, most of what it holds,
/// are gone before krilla assembles the file, the export's largest moment. The pages stay
/// (sizes, numbers, labels) without their items. When the PDF cannot be written the pages
/// drawn no longer say where the problem is: lay the report out again for
/// [`ExportError::diagnostics`].
pub fn export_freeing(doc: &mut Document, standards: Standards) -> Result<Vec<u8>, ExportError> {
    let mut pdf = Writer::new(reader_settings(doc, standards), doc)?;
    let freer = freer(doc.pages.len());
    for i in 0..doc.pages.len() {
        pdf.page(i, &doc.pages[i], &draw::Mode::Reader, doc)?;
        freer.free(std::mem::take(&mut doc.pages[i].items));
    }
    freer.finish();
    release_freed(doc.pages.len());
    finish_reader(pdf, doc)
}

/// Gives the memory of the freed pages back to the system before krilla assembles the file.
///
/// A laid-out document is millions of small blocks; freed, they leave whole pages free all
/// through the heap, which glibc keeps for reuse and returns only when asked. The file's
/// large buffers are mapped afresh (see `main.rs`), so without this the build's peak would
/// hold both (bench/RESULTS.md). Elsewhere the allocator keeps its own policy. Only for a
/// document of [`RELEASE_FROM_PAGES`] pages or more.
pub(crate) fn release_freed(pages: usize) {
    if pages < RELEASE_FROM_PAGES {
        return;
    }
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only hands free memory back to the system; it may be called at
    // any time from any thread.
    unsafe {
        libc::malloc_trim(0);
    }
}

/// Below this many pages the frames are a few megabytes: they are freed in place and kept
/// by the allocator, since a freeing thread and handing memory back (`malloc_trim` walks the
/// whole heap) cost more time than so little memory is worth.
const RELEASE_FROM_PAGES: usize = 64;

/// How a document of `pages` pages frees each page's items once drawn: on a thread of its
/// own for a long document, in place for a short one or a build kept to one thread.
pub(crate) fn freer(pages: usize) -> crate::compile::Freer<Vec<crate::frame::Item>> {
    if pages < RELEASE_FROM_PAGES || crate::workers::threads() < 2 {
        crate::compile::Freer::in_place()
    } else {
        crate::compile::Freer::new()
    }
}

/// A PDF being written, a page at a time, with the fonts its pages draw in.
struct Writer {
    pdf: KDocument,
    fonts: Vec<krilla::text::Font>,
    /// The fonts with their families' names, for messages about them.
    named: Vec<(krilla::text::Font, String)>,
    /// The identifier of each tagged content piece drawn so far, for the tag tree.
    ids: Vec<Option<krilla::tagging::Identifier>>,
    /// [`crate::frame::Structure::next_contents`] of the document.
    next: Vec<Option<crate::frame::ContentId>>,
}

impl Writer {
    fn new(settings: SerializeSettings, doc: &Document) -> Result<Self, ExportError> {
        let fonts = draw::fonts(&doc.fonts)?;
        Ok(Self {
            pdf: KDocument::new_with(settings),
            named: draw::named(&fonts, &doc.fonts),
            fonts,
            ids: vec![None; doc.structure.content_count()],
            next: doc.structure.next_contents(),
        })
    }

    /// Draws `page`, the `i`th of `doc`.
    fn page(
        &mut self,
        i: usize,
        page: &Page,
        mode: &draw::Mode,
        doc: &Document,
    ) -> Result<(), ExportError> {
        draw::page(
            &mut self.pdf,
            i,
            page,
            &self.fonts,
            (&mut self.ids, &self.next),
            mode,
            &doc.meta.go_to_page,
        )
    }

    /// The file: what krilla checks and writes once every page is drawn.
    fn finish(self) -> Result<Vec<u8>, ExportError> {
        self.pdf
            .finish()
            .map_err(|e| ExportError::from_krilla(e, &self.named))
    }
}

/// The reader edition's tag tree, bookmarks and metadata, then the file.
fn finish_reader(mut pdf: Writer, doc: &Document) -> Result<Vec<u8>, ExportError> {
    let tree = tags::tree(&doc.structure, &pdf.ids, &doc.meta.language);
    pdf.pdf.set_tag_tree(tree);
    pdf.pdf.set_outline(outline(doc));
    pdf.pdf.set_metadata(metadata(&doc.meta));
    pdf.finish()
}

/// The reader edition's standards and settings.
fn reader_settings(doc: &Document, standards: Standards) -> SerializeSettings {
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
    SerializeSettings {
        configuration,
        enable_tagging: true,
        // PDF/A needs CMYK content (a CMYK JPEG) tied to a profile: the print edition's.
        // Only when there is some: preparing the profile is not free.
        cmyk_profile: has_cmyk(doc)
            .then(|| profile::cmyk(&doc.cmyk_profile))
            .flatten(),
        ..SerializeSettings::default()
    }
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
