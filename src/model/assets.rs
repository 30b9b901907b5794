//! Loading the images report.toml refers to (fonts are found by `model::fonts`).
//!
//! In: paths as written (relative to report.toml). Out: a decoded [`ImageData`], or a
//! diagnostic that names the key that referenced the file and says what is wrong with it.

// A diagnostic is built once per problem on a cold path; boxing it would only add noise.
#![allow(clippy::result_large_err)]

use super::types::{ImageData, ImageKind};
use crate::diag::Diagnostic;
use crate::geom::{Abs, Size};
use crate::spec::SpannedStr;
use std::path::Path;
use std::sync::Arc;

/// Loads an image file (SVG, PNG or JPEG) named by `key`; an SVG's lettering is set in the
/// fonts of `svg` (see `svg_fonts`).
pub fn image(
    base: &Path,
    key: &str,
    value: &SpannedStr,
    svg: &usvg::Options,
) -> Result<ImageData, Diagnostic> {
    let name = value.get_ref().trim();
    let span = Some(value.span());
    let ext = Path::new(name)
        .extension()
        .and_then(|e| e.to_str())
        .map(|e| e.to_ascii_lowercase())
        .unwrap_or_default();
    if !matches!(ext.as_str(), "svg" | "png" | "jpg" | "jpeg") {
        return Err(Diagnostic::error(
            format!("`{key}` must be an SVG, PNG or JPEG file, not `{name}`"),
            span,
        )
        .with_help("convert the image to SVG (best for logos) or PNG"));
    }
    let data = std::fs::read(base.join(name)).map_err(|e| {
        Diagnostic::error(
            format!("cannot read the image `{name}` named by `{key}`: {e}"),
            span.clone(),
        )
        .with_help("check the path; it is relative to report.toml")
    })?;
    let corrupt = |what: &str| {
        Diagnostic::error(
            format!("the image `{name}` named by `{key}` cannot be read: {what}"),
            span.clone(),
        )
        .with_help("open it in an image editor and save it again as SVG, PNG or JPEG")
    };
    let (kind, size) = match ext.as_str() {
        "svg" => {
            let tree = usvg::Tree::from_data(&data, svg).map_err(|e| corrupt(&e.to_string()))?;
            let s = tree.size();
            (
                ImageKind::Svg(Box::new(tree)),
                Size::new(Abs(s.width() as f64), Abs(s.height() as f64)),
            )
        }
        "png" | "jpg" | "jpeg" => {
            let dims = imagesize::blob_size(&data)
                .map_err(|_| corrupt("it is damaged, or not really an image of that kind"))?;
            let is_png = data.starts_with(b"\x89PNG");
            let is_jpeg = data.starts_with(&[0xFF, 0xD8]);
            let kind = match (ext.as_str(), is_png, is_jpeg) {
                ("png", true, _) => ImageKind::Png(Arc::new(data)),
                ("jpg" | "jpeg", _, true) => ImageKind::Jpeg(Arc::new(data)),
                _ => return Err(corrupt("its contents do not match its extension")),
            };
            // Pixels are placed at 72 per inch until a size is given; layout scales them.
            (
                kind,
                Size::new(Abs(dims.width as f64), Abs(dims.height as f64)),
            )
        }
        _ => {
            return Err(Diagnostic::error(
                format!("`{key}` must be an SVG, PNG or JPEG file, not `{name}`"),
                span,
            )
            .with_help("convert the image to SVG (best for logos) or PNG"));
        }
    };
    let cmyk = matches!(&kind, ImageKind::Jpeg(d) if jpeg_components(d) == Some(4));
    Ok(ImageData {
        name: name.to_string(),
        kind,
        size,
        cmyk,
    })
}

/// The number of colour components of a JPEG (3 for RGB, 4 for CMYK), from its frame header.
fn jpeg_components(data: &[u8]) -> Option<u8> {
    let mut i = 2;
    while i + 9 < data.len() {
        if data[i] != 0xFF {
            return None;
        }
        let marker = data[i + 1];
        let len = u16::from_be_bytes([data[i + 2], data[i + 3]]) as usize;
        // SOF0–SOF15, except DHT (C4), JPG (C8) and DAC (CC), carry the frame header.
        if (0xC0..=0xCF).contains(&marker) && ![0xC4, 0xC8, 0xCC].contains(&marker) {
            return data.get(i + 9).copied();
        }
        i += 2 + len;
    }
    None
}
