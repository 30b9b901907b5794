//! The print edition as a transform of the frame: a reader [`Document`] in, the print
//! edition's Document out, ready for `pdf::export_print`.
//!
//! Layout is not repeated — both editions have the same words on the same pages. What the
//! transform resolves, so that the exporter needs nothing of the model:
//! - **inks**: every colour the document draws (text, shapes, SVG paths) gets the brand's
//!   CMYK or spot ink, or a conversion through the output profile ([`PrintConfig::ink`]);
//! - **images**: PNGs are decoded and converted pixel by pixel to the profile's CMYK, so the
//!   file carries no RGB image data (their alpha is kept for a soft mask);
//! - **geometry**: bleed, marks, registration targets and the slug line's file name.

use crate::frame::{Document, ItemKind, PrintSetup};
use crate::images::{CmykPixels, ImageData, ImageKind};
use crate::model::PrintConfig;
use std::hash::{Hash, Hasher};
use std::sync::Arc;

/// The print edition of `doc`; `file` names it in the slug line.
pub fn print(doc: &Document, config: &PrintConfig, file: &str) -> Result<Document, String> {
    let mut converted: Vec<(*const ImageData, Arc<ImageData>)> = Vec::new();
    let mut pages = Vec::with_capacity(doc.pages.len());
    for page in &doc.pages {
        let mut page = page.clone();
        for item in &mut page.items {
            if let ItemKind::Image { image, .. } = &mut item.kind
                && let ImageKind::Png(data) = &image.kind
            {
                let key = Arc::as_ptr(image);
                let done = match converted.iter().find(|(k, _)| *k == key) {
                    Some((_, done)) => done.clone(),
                    None => {
                        let pixels = cmyk_png(data, config).map_err(|e| {
                            format!("the image {} cannot be printed: {e}", image.name)
                        })?;
                        let done = Arc::new(ImageData {
                            name: image.name.clone(),
                            kind: ImageKind::Cmyk(Arc::new(pixels)),
                            size: image.size,
                            cmyk: true,
                            grey: false,
                            orientation: image.orientation,
                            print_problem: None,
                        });
                        converted.push((key, done.clone()));
                        done
                    }
                };
                *image = done;
            }
        }
        pages.push(page);
    }
    let inks = doc
        .colours()
        .into_iter()
        .map(|c| (c, config.ink(c)))
        .collect();
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
            profile_name: config.profile_name.clone(),
            inks,
        }),
        warnings: doc.warnings.clone(),
    })
}

/// Decodes a PNG and converts it to the output profile's CMYK: 8-bit RGB (grey and palette
/// images expanded), every pixel through Little CMS with the same transform as the brand
/// colours (relative colorimetric, black-point compensation).
fn cmyk_png(data: &[u8], print: &PrintConfig) -> Result<CmykPixels, String> {
    let mut decoder = png::Decoder::new(std::io::Cursor::new(data));
    decoder.set_transformations(png::Transformations::normalize_to_color8());
    let mut reader = decoder.read_info().map_err(|e| e.to_string())?;
    let mut buf = vec![
        0;
        reader
            .output_buffer_size()
            .ok_or("the image is too large")?
    ];
    let info = reader.next_frame(&mut buf).map_err(|e| e.to_string())?;
    let pixels = &buf[..info.buffer_size()];
    let (rgb, alpha): (Vec<[u8; 3]>, Option<Vec<u8>>) = match info.color_type {
        png::ColorType::Rgb => (
            pixels.chunks_exact(3).map(|p| [p[0], p[1], p[2]]).collect(),
            None,
        ),
        png::ColorType::Rgba => (
            pixels.chunks_exact(4).map(|p| [p[0], p[1], p[2]]).collect(),
            Some(pixels.chunks_exact(4).map(|p| p[3]).collect()),
        ),
        png::ColorType::Grayscale => (pixels.iter().map(|&g| [g, g, g]).collect(), None),
        png::ColorType::GrayscaleAlpha => (
            pixels.chunks_exact(2).map(|p| [p[0], p[0], p[0]]).collect(),
            Some(pixels.chunks_exact(2).map(|p| p[1]).collect()),
        ),
        png::ColorType::Indexed => return Err("palette images were not expanded".into()),
    };
    let cmyk = print.cmyk_pixels(&rgb);
    // The standard library's default hasher has fixed keys: the key is the same every build.
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    data.hash(&mut hasher);
    Ok(CmykPixels {
        width: info.width,
        height: info.height,
        samples: cmyk.into_iter().flatten().collect(),
        alpha: alpha.filter(|a| a.iter().any(|&v| v != 255)),
        key: hasher.finish(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

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
