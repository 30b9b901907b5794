//! Decoded images, shared by the stages that load, place and write them.
//!
//! In: an image file's bytes, decoded once by the model (`model::assets`). Out: an
//! [`ImageData`] that layout places (it reads only the intrinsic size) and exporters draw,
//! behind an `Arc` so a logo drawn on both covers, or a document copied for the print
//! edition, shares one copy of the pixels.

use crate::geom::Size;
use std::sync::Arc;

/// Image data an exporter can draw, with its intrinsic size in points. Every image has been
/// decoded in full under folio's limits (`model::images`) before it gets here, so an
/// exporter can trust it.
pub struct ImageData {
    /// The file name as report.toml gives it, for messages.
    pub name: String,
    /// Where report.toml names it, for messages about the image at a later stage.
    pub span: Option<std::ops::Range<usize>>,
    pub kind: ImageKind,
    /// As displayed: after the EXIF orientation is applied.
    pub size: Size,
    /// A CMYK JPEG (printable as it is).
    pub cmyk: bool,
    /// How the stored pixels are turned to be seen upright: the EXIF orientation (1 to 8)
    /// phones write instead of rotating the pixels; `size` is already the upright size.
    pub orientation: u8,
    /// A greyscale image (printable as it is, in black ink).
    pub grey: bool,
    /// Why the print edition cannot carry it, if it cannot (an SVG with a clip path).
    pub print_problem: Option<String>,
}

/// The image formats folio draws.
pub enum ImageKind {
    Svg(Box<usvg::Tree>),
    Png(Arc<Vec<u8>>),
    Jpeg(Arc<Vec<u8>>),
    /// Pixels already converted to the print edition's CMYK (see `edition::print`).
    Cmyk(Arc<CmykPixels>),
}

/// An image as CMYK samples, 8 bits each, row by row, with an optional alpha channel.
pub struct CmykPixels {
    pub width: u32,
    pub height: u32,
    /// Four bytes a pixel: cyan, magenta, yellow, black.
    pub samples: Vec<u8>,
    /// One byte a pixel; `None` when the image is opaque.
    pub alpha: Option<Vec<u8>>,
    /// Identifies the source image, so a writer embeds one image once.
    pub key: u64,
}
