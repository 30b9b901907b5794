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

use super::draw::Mode;
use super::mode::PrintPage;
use super::{ExportError, Writer};
use crate::frame::{Document, PrintSetup};
use krilla::SerializeSettings;
use krilla::configure::{ConfigurationBuilder, OutputCondition, Prepress};
use krilla::metadata::{DateTime, Metadata};

/// Writes the print edition of a Document made by the print transform (`edition::print`),
/// which resolved its inks, images, blank pages and geometry into [`Document::print`].
pub fn export_print(doc: &Document) -> Result<Vec<u8>, ExportError> {
    let print = prepared(doc)?;
    let mut pdf = Writer::new(settings(print), doc)?;
    let mode = mode(print, doc);
    for (i, page) in doc.pages.iter().enumerate() {
        pdf.page(i, page, &mode, doc)?;
    }
    finish(pdf, doc)
}

/// Writes the print edition as [`export_print`] does, freeing each page's items as soon as
/// the page is drawn, as [`super::export_freeing`] does for the reader edition.
pub fn export_print_freeing(doc: &mut Document) -> Result<Vec<u8>, ExportError> {
    // The setup is kept apart (a few inks and a shared profile) so the pages can be freed
    // while the mode that draws them holds it.
    let print = prepared(doc)?.clone();
    let mut pdf = Writer::new(settings(&print), doc)?;
    let mode = mode(&print, doc);
    let freer = super::freer(doc.pages.len());
    for i in 0..doc.pages.len() {
        pdf.page(i, &doc.pages[i], &mode, doc)?;
        freer.free(std::mem::take(&mut doc.pages[i].items));
    }
    freer.finish();
    super::release_freed(doc.pages.len());
    finish(pdf, doc)
}

/// The print setup, once it is known that every colour drawn has its ink.
fn prepared(doc: &Document) -> Result<&PrintSetup, ExportError> {
    let print = doc.print.as_ref().ok_or(ExportError::Unprepared(
        "the document has no print settings",
    ))?;
    if doc.colours().into_iter().any(|c| print.ink(c).is_none()) {
        return Err(ExportError::Unprepared("a colour has no ink"));
    }
    Ok(print)
}

/// PDF/X-4, with the output intent of `print`'s profile.
fn settings(print: &PrintSetup) -> SerializeSettings {
    let configuration = ConfigurationBuilder::new()
        .with_prepress_validator(Prepress::X4)
        .finish()
        .expect("invariant: PDF/X-4 alone has a version range");
    let condition = &print.condition;
    SerializeSettings {
        configuration,
        enable_tagging: false,
        // Device CMYK and grey are defined by the output intent: the brand's inks as given.
        no_device_cs: false,
        cmyk_profile: super::profile::cmyk(&print.profile),
        output_condition: Some(
            OutputCondition::new(condition.identifier.clone())
                .condition(condition.condition.clone())
                .registry_name(condition.registry.clone())
                .info(condition.info.clone()),
        ),
        ..SerializeSettings::default()
    }
}

/// How the print edition's pages are drawn: in its inks, inside bleed and marks.
fn mode<'a>(print: &'a PrintSetup, doc: &Document) -> Mode<'a> {
    Mode::Print(PrintPage {
        setup: print,
        date: doc.meta.date.iso(),
        pages: doc.pages.len(),
    })
}

/// The metadata, then the file.
fn finish(mut pdf: Writer, doc: &Document) -> Result<Vec<u8>, ExportError> {
    let meta = &doc.meta;
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
    pdf.pdf.set_metadata(metadata);
    pdf.finish()
}
