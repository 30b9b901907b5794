//! The print edition: the same pages as PDF/X-4, with bleed, marks, CMYK and an output intent.
//!
//! Every PDF/X-4 part of the file is written by krilla itself, configured for PDF/X-4
//! (`Prepress::X4`, a change folio keeps in `vendor/krilla`): the PDF 1.6 header, the
//! `GTS_PDFX` output intent with the embedded CMYK profile, `GTS_PDFXVersion` and `Trapped`
//! in the document information and in XMP, the XMP identifiers, version and rendition class,
//! transparency groups blending in CMYK, and a refusal of anything PDF/X-4 forbids
//! (annotations, a missing date or trapping status, interpolated images, PostScript). So the
//! file is written once, by one writer, through pdf-writer's object model and xmp-writer —
//! nothing is edited afterwards.
//!
//! Teaching krilla was chosen over parsing its output and appending an incremental update
//! (lopdf): an update cannot lower the header's version, it would duplicate the catalog,
//! the document information and the XMP krilla has just written (and have to keep two
//! copies in agreement), and it would parse every byte of the file again. krilla already
//! writes the same objects for PDF/A; the PDF/X variant is about a hundred reviewable lines.
//!
//! The print edition is not tagged: it is made for a press, and the reader edition is the
//! accessible file. Leaving the structure out also keeps PDF 1.7 features (header and footer
//! artifact types) out of a file whose header must say 1.6. Links are left out for the same
//! reason PDF/X-4 restricts them: a press has nothing to click.

use super::ExportError;
use super::draw::{self, Mode};
use super::mode::PrintPage;
use crate::frame::{Document, Page};
use crate::model::{Meta, PrintConfig};
use crate::text::FontBook;
use krilla::configure::{ConfigurationBuilder, OutputCondition, Prepress};
use krilla::metadata::{DateTime, Metadata};
use krilla::{Document as KDocument, SerializeSettings};

/// The blank pages `[print] pad` asks for: as many as the binding needs to take the page
/// count, each the size of the last page.
pub fn blank_pages(doc: &Document, print: &PrintConfig) -> Vec<Page> {
    let (n, m) = (doc.pages.len(), print.binding.multiple());
    let missing = if print.pad { (m - n % m) % m } else { 0 };
    let size = doc.pages.last().map(|p| p.size).unwrap_or_default();
    (0..missing)
        .map(|_| Page {
            size,
            number: None,
            label: None,
            items: Vec::new(),
        })
        .collect()
}

/// The pages in print order: blank pages go before the back cover (the last page, when it
/// shows no number), so that the cover stays on the outside; at the end otherwise.
fn sheets<'a>(doc: &'a Document, blank: &'a [Page]) -> Vec<&'a Page> {
    let mut pages: Vec<&Page> = doc.pages.iter().collect();
    let at = match doc.pages.last() {
        Some(last) if doc.pages.len() > 1 && last.number.is_none() => pages.len() - 1,
        _ => pages.len(),
    };
    pages.splice(at..at, blank.iter());
    pages
}

/// Writes the print edition; `file` names it in the slug line.
pub fn export_print(
    doc: &Document,
    fonts: &FontBook,
    meta: &Meta,
    print: &PrintConfig,
    file: &str,
) -> Result<Vec<u8>, ExportError> {
    let configuration = ConfigurationBuilder::new()
        .with_prepress_validator(Prepress::X4)
        .finish()
        .expect("invariant: PDF/X-4 alone has a version range");
    let condition = &print.condition;
    let settings = SerializeSettings {
        configuration,
        enable_tagging: false,
        // Device CMYK and grey are defined by the output intent: the brand's inks as given.
        no_device_cs: false,
        cmyk_profile: krilla::icc::ICCProfile::new(&print.profile),
        output_condition: Some(
            OutputCondition::new(condition.identifier.clone())
                .condition(condition.condition.clone())
                .registry_name(condition.registry.clone())
                .info(condition.info.clone()),
        ),
        ..SerializeSettings::default()
    };
    let mut pdf = KDocument::new_with(settings);
    let kfonts = draw::fonts(fonts)?;
    let named = draw::named(&kfonts, fonts);
    let mut ids = vec![None; doc.structure.content_count()];
    let date = format!(
        "{:04}-{:02}-{:02}",
        meta.date.year, meta.date.month, meta.date.day
    );
    let blank = blank_pages(doc, print);
    let pages = sheets(doc, &blank);
    let mode = Mode::Print(PrintPage {
        config: print,
        file: file.to_string(),
        date,
        pages: pages.len(),
    });
    for (i, page) in pages.iter().enumerate() {
        draw::page(&mut pdf, i, page, &kfonts, &mut ids, &mode)?;
    }
    let mut metadata = Metadata::new()
        .title(meta.title.clone())
        .authors(vec![meta.author.clone()])
        .language(meta.language.clone())
        .creator("folio".to_string())
        .keywords(meta.keywords.clone())
        .creation_date(
            DateTime::new(meta.date.year)
                .month(meta.date.month)
                .day(meta.date.day),
        )
        // folio applies no trapping; the printer's workflow may.
        .trapped(false);
    if let Some(s) = &meta.subject {
        metadata = metadata.description(s.clone());
    }
    pdf.set_metadata(metadata);
    pdf.finish()
        .map_err(|e| ExportError::from_krilla(e, &named))
}
