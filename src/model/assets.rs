//! Loading the images report.toml refers to (fonts are found by `model::fonts`).
//!
//! In: paths as written (relative to report.toml), read through the file door ([`Folder`]).
//! Out: a decoded [`ImageData`], or a diagnostic that names the key that referenced the file
//! and says what is wrong with it. An image is decoded once per build, in full and under
//! the limits of [`super::images`], however many keys name it.

// A diagnostic is built once per problem on a cold path; boxing it would only add noise.
#![allow(clippy::result_large_err)]

use super::images::{self, Colour};
use crate::diag::Diagnostic;
use crate::files::{Folder, Kind};
use crate::geom::{Abs, Size};
use crate::images::{ImageData, ImageKind};
use crate::spec::SpannedStr;
use std::path::Path;
use std::sync::Arc;

/// The image formats folio reads, by extension.
const IMAGE_EXTENSIONS: [&str; 5] = ["svg", "svgz", "png", "jpg", "jpeg"];

/// Loads an image file (SVG, PNG or JPEG) named by `key`, decoding it once per build.
/// An SVG's lettering is set in the fonts of `svg` (see `svg_fonts`).
pub fn image(
    folder: &Folder,
    key: &str,
    value: &SpannedStr,
    svg: &usvg::Options,
) -> Result<Arc<ImageData>, Diagnostic> {
    let name = value.get_ref().trim();
    let span = Some(value.span());
    let ext = Path::new(name)
        .extension()
        .and_then(|e| e.to_str())
        .map(|e| e.to_ascii_lowercase())
        .unwrap_or_default();
    if !IMAGE_EXTENSIONS.contains(&ext.as_str()) {
        return Err(Diagnostic::error(
            format!("`{key}` must be an SVG, PNG or JPEG file, not `{name}`"),
            span,
        )
        .with_help("convert the image to SVG (best for logos) or PNG"));
    }
    let kind = if ext.starts_with("svg") {
        Kind::Svg
    } else {
        Kind::Raster
    };
    let path = folder
        .resolve(folder.root(), name)
        .map_err(|e| e.diagnostic(key, name, kind, span.clone()))?;
    let data = folder
        .read_path(&path, kind)
        .map_err(|e| e.diagnostic(key, name, kind, span.clone()))?;
    let decoded = folder.decoded(&path, "image", || {
        decode(folder, &path, name, span.clone(), &ext, data, svg)
    });
    match &*decoded {
        Ok(image) => Ok(image.clone()),
        Err(what) => Err(Diagnostic::error(
            format!("`{key}`: the image `{name}` cannot be used: {what}"),
            span,
        )
        .with_help(if what.starts_with("it refers to") {
            "put the images an SVG uses inside the report's folder and refer to them by name, relative to the SVG"
        } else if kind == Kind::Svg {
            "open it in a vector editor and save it again as plain SVG"
        } else {
            "open it in an image editor and save it again as PNG or JPEG"
        })),
    }
}

/// Decodes an image under the limits of [`images`] and [`super::svg`].
fn decode(
    folder: &Folder,
    path: &Path,
    name: &str,
    span: Option<std::ops::Range<usize>>,
    ext: &str,
    data: Arc<Vec<u8>>,
    svg: &usvg::Options,
) -> Result<Arc<ImageData>, String> {
    let is_png = data.starts_with(b"\x89PNG");
    let is_jpeg = data.starts_with(&[0xFF, 0xD8]);
    let (kind, size, colour, orientation) = match ext {
        "svg" | "svgz" => {
            let tree = super::svg::parse(&data, path, folder, svg)?;
            let s = tree.size();
            (
                ImageKind::Svg(Box::new(tree)),
                Size::new(Abs(s.width() as f64), Abs(s.height() as f64)),
                Colour::Rgb,
                1,
            )
        }
        "png" if is_png => {
            let r = images::png(&data)?;
            (ImageKind::Png(data), pixels(&r), r.colour, r.orientation)
        }
        "jpg" | "jpeg" if is_jpeg => {
            let r = images::jpeg(&data)?;
            (ImageKind::Jpeg(data), pixels(&r), r.colour, r.orientation)
        }
        "png" => return Err("it is not a PNG file, whatever its name says".into()),
        _ => return Err("it is not a JPEG file, whatever its name says".into()),
    };
    // RGB photos are converted to CMYK by the print edition; an SVG is drawn in inks by
    // folio itself, which cannot do everything SVG can.
    let print_problem = match &kind {
        ImageKind::Svg(tree) => super::svg::print_problem(tree).map(str::to_string),
        _ => None,
    };
    Ok(Arc::new(ImageData {
        name: name.to_string(),
        span,
        kind,
        size,
        cmyk: colour == Colour::Cmyk,
        grey: colour == Colour::Grey,
        orientation,
        print_problem,
    }))
}

/// The size an image is placed at before layout scales it: a pixel a point (72 per inch),
/// with the sides swapped when its EXIF orientation turns it a quarter.
fn pixels(r: &images::Raster) -> Size {
    let (w, h) = if images::swaps_sides(r.orientation) {
        (r.height, r.width)
    } else {
        (r.width, r.height)
    };
    Size::new(Abs(w as f64), Abs(h as f64))
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
