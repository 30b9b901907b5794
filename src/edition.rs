//! The print edition as a transform of the frame: a reader [`Document`] in, the print
//! edition's Document out, ready for `pdf::export_print`.
//!
//! Layout is not repeated — both editions have the same words on the same pages. What the
//! transform resolves, so that the exporter needs nothing of the model:
//! - **inks**: every colour the document draws (text, shapes, SVG paths) gets the brand's
//!   CMYK or spot ink, or a conversion through the output profile ([`PrintConfig::ink`]);
//! - **inks**: also each colour's ink where one plate must carry it (small text, hairlines:
//!   a grey becomes a tint of black, [`PrintConfig::fine_ink`]);
//! - **images**: RGB images (PNGs and photos) are converted to the profile's CMYK, so the file
//!   carries no RGB image data ([`raster`]);
//! - **pages**: with `[print] pad`, blank pages before the back cover for the binding;
//! - **geometry**: bleed, marks, registration targets and the slug line's file name.

mod raster;

use crate::diag::Diagnostic;
use crate::frame::{Document, ItemKind, Page, PrintSetup};
use crate::images::{ImageData, ImageKind};
use crate::model::PrintConfig;
use std::collections::HashMap;
use std::sync::Arc;

/// The print edition of `doc`; `file` names it in the slug line.
pub fn print(
    doc: &Document,
    config: &PrintConfig,
    file: &str,
) -> Result<Document, Box<Diagnostic>> {
    let colours = doc.colours();
    edition(doc, doc.pages.clone(), colours, config, file)
}

/// The print edition of `doc` as [`print`] makes it, with each page's items moved out of
/// `doc` rather than copied: for a caller done with them (the reader edition written), so
/// the two editions' glyphs are never held at once. `doc` keeps its pages, without items.
pub fn print_taking(
    doc: &mut Document,
    config: &PrintConfig,
    file: &str,
) -> Result<Document, Box<Diagnostic>> {
    let colours = doc.colours();
    let pages = doc
        .pages
        .iter_mut()
        .map(|p| Page {
            size: p.size,
            number: p.number,
            label: p.label.clone(),
            area: p.area,
            items: std::mem::take(&mut p.items),
        })
        .collect();
    edition(doc, pages, colours, config, file)
}

/// The print edition of `doc`, whose `pages` (or their items) it is given.
fn edition(
    doc: &Document,
    mut pages: Vec<Page>,
    colours: Vec<crate::geom::Color>,
    config: &PrintConfig,
    file: &str,
) -> Result<Document, Box<Diagnostic>> {
    // Each distinct image once, in the order the pages first draw them, converted on every
    // core: a photograph's conversion and re-encoding is most of a short print edition.
    // Images are told apart by address (a map only looked up, never walked, so its order
    // reaches nothing): a long report draws thousands of icons.
    let mut distinct: Vec<Arc<ImageData>> = Vec::new();
    let mut index: HashMap<*const ImageData, usize> = HashMap::new();
    for item in pages.iter().flat_map(|p| &p.items) {
        if let ItemKind::Image { image, .. } = &item.kind {
            index.entry(Arc::as_ptr(image)).or_insert_with(|| {
                distinct.push(image.clone());
                distinct.len() - 1
            });
        }
    }
    // Only photographs and PNGs take converting; drawings and icons are passed through, so
    // they are not worth a thread.
    let rasters = distinct
        .iter()
        .filter(|i| matches!(i.kind, ImageKind::Png(_) | ImageKind::Jpeg(_)))
        .count();
    let printed = crate::workers::map(
        &distinct,
        crate::workers::threads().min(rasters),
        || (),
        |(), image| raster::print_image(image, config),
    );
    // One conversion, shared by every place the image is drawn (a logo on both covers); the
    // first image that cannot be converted, in the pages' order, is the one reported.
    let converted = distinct
        .iter()
        .zip(printed)
        .map(|(image, printed)| {
            let printed = printed.map_err(|e| {
                Box::new(
                    Diagnostic::error(
                        format!("the image `{}` could not be embedded: {e}", image.name),
                        image.span.clone(),
                    )
                    .with_help("open it in an image editor and save it again as PNG or JPEG"),
                )
            })?;
            Ok(printed.map_or_else(|| image.clone(), Arc::new))
        })
        .collect::<Result<Vec<_>, Box<Diagnostic>>>()?;
    for page in &mut pages {
        for item in &mut page.items {
            if let ItemKind::Image { image, .. } = &mut item.kind
                && let Some(&i) = index.get(&Arc::as_ptr(image))
            {
                *image = converted[i].clone();
            }
        }
    }
    pad(&mut pages, config);
    let inks = colours.iter().map(|c| (*c, config.ink(*c))).collect();
    let fine_inks = colours.iter().map(|c| (*c, config.fine_ink(*c))).collect();
    Ok(Document {
        pages,
        structure: doc.structure.clone(),
        outline: doc.outline.clone(),
        meta: doc.meta.clone(),
        fonts: doc.fonts.clone(),
        cmyk_profile: doc.cmyk_profile.clone(),
        print: Some(PrintSetup {
            bleed: config.bleed,
            marks: config.marks,
            registration: config.registration,
            slug: config.slug,
            file: file.to_string(),
            profile: config.profile.clone(),
            condition: config.condition.clone(),
            inks,
            fine_inks,
        }),
        warnings: doc.warnings.clone(),
    })
}

/// With `[print] pad`, blank pages until the binding can take the count: before the back
/// cover (the last page, when it shows no number), so the cover stays on the outside; at the
/// end otherwise. Each is the size of the last page.
fn pad(pages: &mut Vec<Page>, config: &PrintConfig) {
    let (n, m) = (pages.len(), config.binding.multiple());
    if !config.pad || n.is_multiple_of(m) {
        return;
    }
    let Some(last) = pages.last() else { return };
    let blank = Page {
        size: last.size,
        number: None,
        label: None,
        area: last.area,
        items: Vec::new(),
    };
    let at = if n > 1 && last.number.is_none() {
        n - 1
    } else {
        n
    };
    let missing = m - n % m;
    pages.splice(at..at, std::iter::repeat_n(blank, missing));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::images::ImageKind;

    const REPORT: &str = r#"
[report]
title = "Print"
organisation = "Test"
period = "2024"
date = "2025-01-01"

[brand]
logo = "logo.png"
logo_alt = "Logo"

[[sections]]
title = "One"
body = "Text with a [link](https://example.org)."

[[sections.blocks]]
type = "image"
file = "logo.png"
alt = "The logo again"
"#;

    fn reader() -> (crate::model::Report, Document) {
        let base = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data");
        let (spec, _) = crate::spec::load(REPORT).expect("parses");
        let (report, _) = crate::model::resolve(&spec, REPORT, &base).expect("resolves");
        let doc = crate::layout::layout(&report);
        (report, doc)
    }

    fn images(doc: &Document) -> Vec<Arc<ImageData>> {
        doc.pages
            .iter()
            .flat_map(|p| &p.items)
            .filter_map(|i| match &i.kind {
                ItemKind::Image { image, .. } => Some(image.clone()),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn every_colour_drawn_has_an_ink_and_no_png_is_left() {
        let (report, doc) = reader();
        let print = print(&doc, &report.print, "x-print.pdf").expect("converts");
        let setup = print.print.as_ref().expect("print settings");
        for c in doc.colours() {
            assert!(setup.ink(c).is_some(), "no ink for {c}");
        }
        let imgs = images(&print);
        assert_eq!(imgs.len(), 3, "two covers and the body");
        assert!(imgs.iter().all(|i| matches!(i.kind, ImageKind::Cmyk(_))));
        // The logo, drawn on both covers, is converted once and shared by both.
        let covers = [&imgs[0], &imgs[imgs.len() - 1]];
        assert!(Arc::ptr_eq(covers[0], covers[1]));
        assert!(
            images(&doc)
                .iter()
                .all(|i| matches!(i.kind, ImageKind::Png(_)))
        );
    }

    #[test]
    fn the_print_edition_has_the_same_pages_and_structure() {
        let (report, doc) = reader();
        let print = print(&doc, &report.print, "x-print.pdf").expect("converts");
        assert_eq!(print.pages.len(), doc.pages.len());
        assert_eq!(
            print.structure.content_count(),
            doc.structure.content_count()
        );
        assert_eq!(print.meta, doc.meta);
        assert!(doc.print.is_none());
    }
}
