//! Images and fonts → files of the web edition.
//!
//! In: the report's logos, cover photograph, image blocks, portraits and signatures, and
//! its font families. Out: files under
//! `images/` (and the font faces' CSS), and for each image what an `<img>` needs: `src`,
//! `srcset` and its intrinsic size, so the page reserves the image's room before it loads.
//!
//! SVG is kept as SVG: the tree usvg parsed is written back out, which also leaves behind
//! anything a browser would run or fetch (scripts, external references). PNG and JPEG are
//! resized to a ladder of widths with the `image` crate (Lanczos 3), so a phone downloads
//! a 480-pixel copy and a retina desktop a 1600-pixel one; the largest copy is the file as
//! given whenever it needs no conversion. A CMYK JPEG, which browsers show in wrong colours,
//! is converted to RGB.

use super::WebError;
use super::ids::slug;
use crate::model::{Component, ImageData, ImageKind, Report};
use image::ImageEncoder;
use std::collections::BTreeSet;

/// Widths, in pixels, of the copies a raster image is resized to: a phone at 1× and 2×,
/// the text column at 1.5× and 2×, and a full-width image on a large screen.
const WIDTHS: [u32; 5] = [480, 800, 1200, 1600, 2400];
/// JPEG quality of resized copies: visually lossless for photographs at screen sizes.
const JPEG_QUALITY: u8 = 82;

/// One image of the page.
pub struct WebImage {
    /// The source file's name in report.toml, which identifies it.
    name: String,
    pub src: String,
    /// `srcset` candidates, `None` for SVG (which scales) and for a single size.
    pub srcset: Option<String>,
    /// Intrinsic size in CSS pixels.
    pub width: u32,
    pub height: u32,
    files: Vec<(String, Vec<u8>)>,
}

/// Every image of the page, in reading order.
#[derive(Default)]
pub struct Images {
    images: Vec<WebImage>,
}

impl Images {
    /// The web copy of `data`.
    pub fn get(&self, data: &ImageData) -> Option<&WebImage> {
        self.images.iter().find(|i| i.name == data.name)
    }

    /// The image files, by relative path.
    pub fn files(&self) -> Vec<(String, Vec<u8>)> {
        self.images.iter().flat_map(|i| i.files.clone()).collect()
    }
}

/// Makes the web copies of the logo and every image block.
pub fn images(report: &Report) -> Result<Images, WebError> {
    let mut sources: Vec<&ImageData> = Vec::new();
    if let Some(logo) = &report.logo {
        sources.push(&logo.image);
    }
    if let Some(logo) = &report.logo_on_field {
        sources.push(&logo.image);
    }
    if let Some(photo) = &report.cover.photo {
        sources.push(&photo.image);
    }
    for s in &report.sections {
        for c in &s.components {
            match c {
                Component::Image(i) => sources.push(&i.image),
                Component::Images(r) => sources.extend(r.images.iter().map(|i| &*i.image)),
                Component::Foreword(f) => {
                    sources.extend(f.portrait.as_ref().map(|p| &*p.image));
                    sources.extend(f.signature.as_deref());
                }
                _ => {}
            }
        }
    }
    let mut out = Images::default();
    let mut stems = BTreeSet::new();
    for data in sources {
        if out.get(data).is_some() {
            continue;
        }
        let stem = unique_stem(&data.name, &mut stems);
        out.images.push(web_image(data, &stem)?);
    }
    Ok(out)
}

/// A file stem for `name` not yet taken: `images/Team Photo.JPG` → `team-photo`.
fn unique_stem(name: &str, taken: &mut BTreeSet<String>) -> String {
    let stem = std::path::Path::new(name)
        .file_stem()
        .map(|s| slug(&s.to_string_lossy()))
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| "image".into());
    let mut candidate = stem.clone();
    let mut n = 2;
    while !taken.insert(candidate.clone()) {
        candidate = format!("{stem}-{n}");
        n += 1;
    }
    candidate
}

fn web_image(data: &ImageData, stem: &str) -> Result<WebImage, WebError> {
    let name = data.name.clone();
    match &data.kind {
        ImageKind::Svg(tree) => {
            let src = format!("images/{stem}.svg");
            let svg = tree.to_string(&usvg::WriteOptions::default());
            let size = tree.size();
            Ok(WebImage {
                name,
                src: src.clone(),
                srcset: None,
                width: size.width().round().max(1.0) as u32,
                height: size.height().round().max(1.0) as u32,
                files: vec![(src, svg.into_bytes())],
            })
        }
        ImageKind::Png(bytes) => raster(name, bytes, stem, "png", false),
        ImageKind::Jpeg(bytes) => raster(name, bytes, stem, "jpg", data.cmyk),
        // Only the print transform makes these, from a Document; the web edition reads the
        // report's own images.
        ImageKind::Cmyk(_) => Err(WebError::Image {
            name,
            reason: "its pixels were converted for print".into(),
        }),
    }
}

/// A PNG or JPEG at each width of the ladder below its own, and at its own.
fn raster(
    name: String,
    bytes: &[u8],
    stem: &str,
    ext: &str,
    convert: bool,
) -> Result<WebImage, WebError> {
    let fail = |e: image::ImageError| WebError::Image {
        name: name.clone(),
        reason: e.to_string(),
    };
    let format = if ext == "png" {
        image::ImageFormat::Png
    } else {
        image::ImageFormat::Jpeg
    };
    let img = image::load_from_memory_with_format(bytes, format).map_err(fail)?;
    let (w, h) = (img.width().max(1), img.height().max(1));
    let largest = w.min(WIDTHS[WIDTHS.len() - 1]);
    let mut widths: Vec<u32> = WIDTHS.iter().copied().filter(|x| *x < largest).collect();
    widths.push(largest);
    let mut files = Vec::new();
    let mut candidates = Vec::new();
    for width in widths {
        let path = format!("images/{stem}-{width}.{ext}");
        let data = if width == w && !convert {
            bytes.to_vec()
        } else {
            let height = ((h as f64 * width as f64 / w as f64).round() as u32).max(1);
            let resized = if width == w {
                img.clone()
            } else {
                img.resize_exact(width, height, image::imageops::FilterType::Lanczos3)
            };
            encode(&resized, ext).map_err(fail)?
        };
        candidates.push(format!("{path} {width}w"));
        files.push((path, data));
    }
    let src = files
        .iter()
        .map(|(p, _)| p.clone())
        .nth(candidates.len().saturating_sub(1).min(1))
        .unwrap_or_default();
    let display_h = (h as f64 * largest as f64 / w as f64).round() as u32;
    Ok(WebImage {
        name,
        src,
        srcset: (candidates.len() > 1).then(|| candidates.join(", ")),
        width: largest,
        height: display_h.max(1),
        files,
    })
}

fn encode(img: &image::DynamicImage, ext: &str) -> Result<Vec<u8>, image::ImageError> {
    let mut out = Vec::new();
    if ext == "png" {
        let img = if img.color().has_alpha() {
            image::DynamicImage::ImageRgba8(img.to_rgba8())
        } else {
            image::DynamicImage::ImageRgb8(img.to_rgb8())
        };
        image::codecs::png::PngEncoder::new_with_quality(
            &mut out,
            image::codecs::png::CompressionType::Best,
            image::codecs::png::FilterType::Adaptive,
        )
        .write_image(
            img.as_bytes(),
            img.width(),
            img.height(),
            img.color().into(),
        )?;
    } else {
        let rgb = img.to_rgb8();
        image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, JPEG_QUALITY).write_image(
            rgb.as_raw(),
            rgb.width(),
            rgb.height(),
            image::ExtendedColorType::Rgb8,
        )?;
    }
    Ok(out)
}

/// The report's fonts as the stylesheet names them.
pub struct Fonts {
    /// `@font-face` rules for the faces sent with the page.
    pub css: String,
    pub files: Vec<(String, Vec<u8>)>,
    pub body_family: Option<String>,
    pub heading_family: Option<String>,
}

/// The report's font families, named first in the stylesheet's font stacks: a reader who
/// has them installed sees the report's type, everyone else the system's sans serif.
pub fn fonts(report: &Report) -> Fonts {
    let name = |id| Some(report.fonts.family(id).name.clone()).filter(|n| !n.is_empty());
    Fonts {
        css: String::new(),
        files: Vec::new(),
        body_family: name(report.body_family),
        heading_family: name(report.heading_family),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_are_slugs_and_unique() {
        let mut taken = BTreeSet::new();
        assert_eq!(
            unique_stem("images/Team Photo.JPG", &mut taken),
            "team-photo"
        );
        assert_eq!(
            unique_stem("other/team-photo.png", &mut taken),
            "team-photo-2"
        );
        assert_eq!(unique_stem("../«».png", &mut taken), "image");
    }
}
