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
            // Pixels are placed at 72 per inch until a size is given; layout scales them. A
            // photo stored on its side is as wide as it is tall when upright.
            let (w, h) = (dims.width as f64, dims.height as f64);
            let turned = matches!(&kind, ImageKind::Jpeg(d) if exif_orientation(d) >= 5);
            let (w, h) = if turned { (h, w) } else { (w, h) };
            (kind, Size::new(Abs(w), Abs(h)))
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
    let orientation = match &kind {
        ImageKind::Jpeg(d) => exif_orientation(d),
        _ => 1,
    };
    Ok(ImageData {
        name: name.to_string(),
        span,
        kind,
        size,
        cmyk,
        orientation,
    })
}

/// The EXIF orientation of a JPEG (1 to 8; 1, upright, when it has none): the `Orientation`
/// tag of the first image directory in its `Exif` APP1 segment.
fn exif_orientation(data: &[u8]) -> u8 {
    let mut i = 2;
    while i + 4 <= data.len() && data[i] == 0xFF {
        let marker = data[i + 1];
        let len = u16::from_be_bytes([data[i + 2], data[i + 3]]) as usize;
        // The metadata segments come before the image data.
        if marker == 0xDA || len < 2 {
            break;
        }
        let segment = data.get(i + 4..i + 2 + len).unwrap_or_default();
        if marker == 0xE1
            && let Some(tiff) = segment.strip_prefix(b"Exif\0\0")
        {
            return tiff_orientation(tiff)
                .filter(|o| (1..=8).contains(o))
                .unwrap_or(1);
        }
        i += 2 + len;
    }
    1
}

/// The orientation tag (0x0112) of a TIFF structure's first directory.
fn tiff_orientation(tiff: &[u8]) -> Option<u8> {
    let big = match tiff.get(..2)? {
        b"MM" => true,
        b"II" => false,
        _ => return None,
    };
    let u16_at = |at: usize| -> Option<u16> {
        let b: [u8; 2] = tiff.get(at..at + 2)?.try_into().ok()?;
        Some(if big {
            u16::from_be_bytes(b)
        } else {
            u16::from_le_bytes(b)
        })
    };
    let u32_at = |at: usize| -> Option<u32> {
        let b: [u8; 4] = tiff.get(at..at + 4)?.try_into().ok()?;
        Some(if big {
            u32::from_be_bytes(b)
        } else {
            u32::from_le_bytes(b)
        })
    };
    let ifd = u32_at(4)? as usize;
    for n in 0..u16_at(ifd)? as usize {
        let entry = ifd + 2 + 12 * n;
        if u16_at(entry)? == 0x0112 {
            return u16_at(entry + 8).map(|v| v as u8);
        }
    }
    None
}

impl ImageData {
    /// Whether the image is an RGB raster (a photo or screenshot), which the print edition
    /// must convert to CMYK; read from the PNG header or the JPEG frame header.
    pub fn is_rgb(&self) -> bool {
        match &self.kind {
            // IHDR's colour type: 2 truecolour, 3 palette, 6 truecolour with alpha.
            ImageKind::Png(d) => d.get(25).is_some_and(|t| [2, 3, 6].contains(t)),
            ImageKind::Jpeg(d) => jpeg_components(d) == Some(3),
            ImageKind::Svg(_) | ImageKind::Cmyk(_) => false,
        }
    }
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
