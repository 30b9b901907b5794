//! Raster images for the print edition: every pixel in an ink the press has.
//!
//! In: a PNG or JPEG as report.toml supplied it, and the print settings. Out: the image the
//! print Document holds, with no RGB left in it:
//! - RGB (a phone photo, a screenshot, a chart exported as PNG) is decoded and converted
//!   pixel by pixel to CMYK through the output profile, from the image's own embedded
//!   profile where it has one (phones save Display P3), sRGB otherwise, with the same
//!   rendering intent as the brand colours and within the total ink limit; a photograph is
//!   stored again as a CMYK JPEG, a PNG's pixels losslessly;
//! - greyscale stays as it is (device grey, which the press prints on the black plate);
//! - a CMYK JPEG within the ink limit stays as it is; one over the limit is brought within it.
//!
//! Transparency is kept for a soft mask. The reader edition is not affected: its Document
//! holds the original files.

use crate::images::{CmykPixels, ImageData, ImageKind};
use crate::model::PrintConfig;
use std::hash::{Hash, Hasher};
use std::sync::Arc;
use zune_jpeg::JpegDecoder;
use zune_jpeg::zune_core::colorspace::ColorSpace;
use zune_jpeg::zune_core::options::DecoderOptions;

/// Pixels as decoded, in the image's own colour space.
enum Pixels {
    /// Greyscale, which prints as it is.
    Grey,
    Rgb(Vec<[u8; 3]>),
    Cmyk(Vec<[u8; 4]>),
}

/// A decoded image.
struct Decoded {
    pixels: Pixels,
    alpha: Option<Vec<u8>>,
    size: (u32, u32),
    /// The embedded ICC profile, if any.
    icc: Option<Vec<u8>>,
}

/// The image as the print edition holds it: `None` when the original is printable as it is
/// (greyscale, or a CMYK JPEG within the ink limit).
pub fn print_image(image: &ImageData, print: &PrintConfig) -> Result<Option<ImageData>, String> {
    let (data, is_jpeg) = match &image.kind {
        ImageKind::Png(d) => (d, false),
        ImageKind::Jpeg(d) => (d, true),
        ImageKind::Svg(_) | ImageKind::Cmyk(_) => return Ok(None),
    };
    let decoded = if is_jpeg {
        decode_jpeg(data)?
    } else {
        decode_png(data)?
    };
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    data.hash(&mut hasher);
    let key = hasher.finish();
    let alpha = decoded.alpha.filter(|a| a.iter().any(|&v| v != 255));
    let cmyk: Vec<[u8; 4]> = match decoded.pixels {
        Pixels::Grey => return Ok(None),
        Pixels::Rgb(rgb) => print.cmyk_pixels_from(decoded.icc.as_deref(), &rgb),
        Pixels::Cmyk(mut cmyk) => {
            let before = cmyk.clone();
            print.limit_cmyk(&mut cmyk, 0.0);
            if cmyk == before {
                return Ok(None);
            }
            cmyk
        }
    };
    let samples: Vec<u8> = cmyk.into_iter().flatten().collect();
    let make = |kind: ImageKind| ImageData {
        name: image.name.clone(),
        span: image.span.clone(),
        kind,
        size: image.size,
        cmyk: true,
        grey: false,
        orientation: image.orientation,
        print_problem: None,
    };
    // A photograph converted to CMYK stays a JPEG: deflated, its CMYK pixels would be five
    // times the size. Graphics from PNGs stay lossless.
    if is_jpeg
        && alpha.is_none()
        && let Some(jpeg) = cmyk_jpeg(&samples, decoded.size, print)
    {
        return Ok(Some(make(ImageKind::Jpeg(Arc::new(jpeg)))));
    }
    Ok(Some(make(ImageKind::Cmyk(Arc::new(CmykPixels {
        width: decoded.size.0,
        height: decoded.size.1,
        samples,
        alpha,
        key,
    })))))
}

/// JPEG quality for photographs converted to CMYK: high enough that the re-encoding adds no
/// visible loss to a camera JPEG, and without chroma subsampling (the encoder drops it from
/// 90 up), as prepress exports do.
const PHOTO_QUALITY: u8 = 92;

/// Room left under the ink limit for what JPEG's rounding and ringing add back, in per cent,
/// tried in turn: measured on a noisy photo at quality 92, re-encoding adds up to about 4 %
/// at hard edges, so 4 % usually holds and 8 % always has.
const JPEG_INK_MARGINS: [f64; 2] = [4.0, 8.0];

/// CMYK pixels (ink values, 0–255) as a JPEG, in the Adobe convention CMYK JPEGs use, or
/// `None` when no margin keeps the JPEG, decoded again, within the ink limit everywhere:
/// then the pixels are kept losslessly instead.
fn cmyk_jpeg(pixels: &[u8], (w, h): (u32, u32), print: &PrintConfig) -> Option<Vec<u8>> {
    let (w16, h16) = (u16::try_from(w).ok()?, u16::try_from(h).ok()?);
    let limit = print.ink_limit_units();
    JPEG_INK_MARGINS.iter().find_map(|&margin| {
        let mut held: Vec<[u8; 4]> = pixels
            .chunks_exact(4)
            .map(|p| [p[0], p[1], p[2], p[3]])
            .collect();
        print.limit_cmyk(&mut held, margin);
        let held: Vec<u8> = held.into_iter().flatten().collect();
        let mut out = Vec::new();
        jpeg_encoder::Encoder::new(&mut out, PHOTO_QUALITY)
            .encode(&held, w16, h16, jpeg_encoder::ColorType::Cmyk)
            .ok()?;
        // Proved, not hoped: decoded again, every pixel is within the limit.
        let Pixels::Cmyk(back) = decode_jpeg(&out).ok()?.pixels else {
            return None;
        };
        back.iter()
            .all(|p| p.iter().map(|&v| v as u32).sum::<u32>() <= limit)
            .then_some(out)
    })
}

fn decode_png(data: &[u8]) -> Result<Decoded, String> {
    let mut decoder = png::Decoder::new(std::io::Cursor::new(data));
    decoder.set_transformations(png::Transformations::normalize_to_color8());
    let mut reader = decoder.read_info().map_err(|e| e.to_string())?;
    let icc = reader.info().icc_profile.as_ref().map(|p| p.to_vec());
    let mut buf = vec![
        0;
        reader
            .output_buffer_size()
            .ok_or("the image is too large")?
    ];
    let info = reader.next_frame(&mut buf).map_err(|e| e.to_string())?;
    let px = &buf[..info.buffer_size()];
    let (pixels, alpha) = match info.color_type {
        png::ColorType::Rgb => (Pixels::Rgb(rgb(px, 3)), None),
        png::ColorType::Rgba => (Pixels::Rgb(rgb(px, 4)), Some(channel(px, 4, 3))),
        png::ColorType::Grayscale => (Pixels::Grey, None),
        png::ColorType::GrayscaleAlpha => (Pixels::Grey, Some(channel(px, 2, 1))),
        png::ColorType::Indexed => return Err("palette images were not expanded".into()),
    };
    Ok(Decoded {
        pixels,
        alpha,
        size: (info.width, info.height),
        icc,
    })
}

fn decode_jpeg(data: &[u8]) -> Result<Decoded, String> {
    let mut probe = JpegDecoder::new(std::io::Cursor::new(data));
    probe.decode_headers().map_err(|e| e.to_string())?;
    let input = probe.input_colorspace().ok_or("no colour space")?;
    let out = match input {
        ColorSpace::Luma => ColorSpace::Luma,
        ColorSpace::CMYK | ColorSpace::YCCK => ColorSpace::CMYK,
        _ => ColorSpace::RGB,
    };
    let options = DecoderOptions::default().jpeg_set_out_colorspace(out);
    let mut decoder = JpegDecoder::new_with_options(std::io::Cursor::new(data), options);
    let px = decoder.decode().map_err(|e| e.to_string())?;
    let (w, h) = decoder.dimensions().ok_or("no dimensions")?;
    let icc = decoder.icc_profile();
    let pixels = match out {
        ColorSpace::Luma => Pixels::Grey,
        // CMYK JPEGs store ink inverted (the Adobe convention every CMYK JPEG writer
        // follows, and the one krilla assumes when it passes one through).
        ColorSpace::CMYK => Pixels::Cmyk(
            px.chunks_exact(4)
                .map(|p| [255 - p[0], 255 - p[1], 255 - p[2], 255 - p[3]])
                .collect(),
        ),
        _ => Pixels::Rgb(rgb(&px, 3)),
    };
    Ok(Decoded {
        pixels,
        alpha: None,
        size: (w as u32, h as u32),
        icc,
    })
}

/// The first three channels of pixels `stride` bytes wide.
fn rgb(px: &[u8], stride: usize) -> Vec<[u8; 3]> {
    px.chunks_exact(stride)
        .map(|p| [p[0], p[1], p[2]])
        .collect()
}

/// Channel `at` of pixels `stride` bytes wide.
fn channel(px: &[u8], stride: usize, at: usize) -> Vec<u8> {
    px.chunks_exact(stride).map(|p| p[at]).collect()
}
