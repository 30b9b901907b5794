//! Raster images checked and decoded within limits, before anything else sees them.
//!
//! In: the bytes of a PNG or JPEG file (from the file door, or embedded in an SVG). Out: its
//! size in pixels, colour model and EXIF orientation, once the whole image has been decoded
//! successfully under the limits below; or a sentence saying what is wrong with it. Nothing
//! that fails here reaches the PDF writer, so a damaged photo is an error at the key that
//! named it, never a panic or a broken page.
//!
//! The declared dimensions are checked before any pixel buffer is allocated, so an image
//! whose header claims 60000 × 60000 pixels, or a small file that inflates to gigabytes,
//! is refused at the cost of reading its header.

use std::io::Cursor;

/// The most pixels an image may have: 64 million, a 60-megapixel camera's full frame
/// (256 MB once decoded to RGBA). More is far beyond what print at 300 dpi needs even for
/// a full A3 page (3508 × 4961 = 17 million pixels).
pub const MAX_PIXELS: u64 = 64_000_000;
/// The most either side may have: 30 000 pixels is 2.5 m at 300 dpi.
pub const MAX_SIDE: u32 = 30_000;
/// The most one side may exceed the other: no page can show a 1 × 200 sliver usefully, and
/// scaling it to the column would make it run off the page.
pub const MAX_ASPECT: f64 = 50.0;

/// What decoding found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Raster {
    pub width: u32,
    pub height: u32,
    pub colour: Colour,
    /// EXIF orientation, 1 to 8 (1: as stored).
    pub orientation: u8,
}

/// The colour model of a raster image.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Colour {
    Grey,
    Rgb,
    Cmyk,
}

/// Checks and decodes a PNG.
pub fn png(bytes: &[u8]) -> Result<Raster, String> {
    // The header's size, read before the decoder (which refuses an empty image in its own
    // words), so that every size problem is told the same way.
    if bytes.len() >= 24 && &bytes[12..16] == b"IHDR" {
        let side = |at: usize| {
            u32::from_be_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]])
        };
        dimensions(side(16), side(20))?;
    }
    let mut decoder = png::Decoder::new(Cursor::new(bytes));
    decoder.set_transformations(png::Transformations::EXPAND);
    let mut reader = decoder.read_info().map_err(png_error)?;
    let info = reader.info();
    let (width, height) = (info.width, info.height);
    dimensions(width, height)?;
    let colour = match info.color_type {
        png::ColorType::Grayscale | png::ColorType::GrayscaleAlpha => Colour::Grey,
        _ => Colour::Rgb,
    };
    let orientation = info
        .exif_metadata
        .as_ref()
        .map_or(1, |exif| orientation(exif));
    let size = reader
        .output_buffer_size()
        .ok_or("it is too large to decode")?;
    let mut pixels = vec![0u8; size];
    reader.next_frame(&mut pixels).map_err(png_error)?;
    Ok(Raster {
        width,
        height,
        colour,
        orientation,
    })
}

fn png_error(e: png::DecodingError) -> String {
    match e {
        png::DecodingError::IoError(_) => "the file ends before the image does".into(),
        png::DecodingError::LimitsExceeded => "it is too large to decode".into(),
        png::DecodingError::Format(f) => {
            let s = f.to_string();
            if s.contains("not enough data") || s.contains("EOF") {
                "the file ends before the image does".into()
            } else {
                format!("it is damaged ({})", s.trim_end_matches('.').to_lowercase())
            }
        }
        other => format!(
            "it is damaged ({})",
            other.to_string().trim_end_matches('.').to_lowercase()
        ),
    }
}

/// Checks and decodes a JPEG.
pub fn jpeg(bytes: &[u8]) -> Result<Raster, String> {
    use zune_jpeg::zune_core::colorspace::ColorSpace;
    use zune_jpeg::zune_core::options::DecoderOptions;
    let options = DecoderOptions::default()
        .set_max_width(MAX_SIDE as usize)
        .set_max_height(MAX_SIDE as usize)
        .set_strict_mode(true);
    let mut decoder = zune_jpeg::JpegDecoder::new_with_options(Cursor::new(bytes), options);
    decoder.decode_headers().map_err(jpeg_error)?;
    let (w, h) = decoder
        .dimensions()
        .ok_or("it has no image size in its header")?;
    let (width, height) = (w as u32, h as u32);
    dimensions(width, height)?;
    let colour = match decoder.input_colorspace() {
        Some(ColorSpace::Luma) => Colour::Grey,
        Some(ColorSpace::CMYK | ColorSpace::YCCK) => Colour::Cmyk,
        Some(ColorSpace::YCbCr | ColorSpace::RGB) => Colour::Rgb,
        _ => return Err("it uses a colour model PDF cannot carry".into()),
    };
    let orientation = decoder.exif().map_or(1, |exif| orientation(exif));
    decoder.decode().map_err(jpeg_error)?;
    Ok(Raster {
        width,
        height,
        colour,
        orientation,
    })
}

fn jpeg_error(e: zune_jpeg::errors::DecodeErrors) -> String {
    let s = e.to_string();
    let lower = s.to_lowercase();
    if [
        "eof",
        "no more bytes",
        "not enough bytes",
        "exhausted",
        "premature end",
    ]
    .iter()
    .any(|w| lower.contains(w))
    {
        "the file ends before the image does".into()
    } else if lower.contains("too large") || lower.contains("dimensions") {
        format!("it is larger than the {MAX_SIDE} × {MAX_SIDE} pixels folio reads")
    } else {
        let first = lower.lines().next().unwrap_or("").trim_end_matches('.');
        format!("it is damaged ({first})")
    }
}

/// Refuses sizes that are empty, over the caps, or too thin to place.
fn dimensions(width: u32, height: u32) -> Result<(), String> {
    if width == 0 || height == 0 {
        return Err(format!(
            "it is {width} × {height} pixels: an image needs at least one pixel each way"
        ));
    }
    if width > MAX_SIDE || height > MAX_SIDE {
        return Err(format!(
            "it is {width} × {height} pixels; folio reads images up to {MAX_SIDE} pixels a side"
        ));
    }
    let pixels = width as u64 * height as u64;
    if pixels > MAX_PIXELS {
        return Err(format!(
            "it has {:.0} million pixels; folio reads images up to {} million",
            pixels as f64 / 1e6,
            MAX_PIXELS / 1_000_000
        ));
    }
    let aspect = (width as f64 / height as f64).max(height as f64 / width as f64);
    if aspect > MAX_ASPECT {
        return Err(format!(
            "it is {width} × {height} pixels, {aspect:.0} times longer one way than the other; no page can show it"
        ));
    }
    Ok(())
}

/// The EXIF orientation tag (1 to 8) in raw EXIF (TIFF) data; 1 when absent or unreadable.
fn orientation(exif: &[u8]) -> u8 {
    let Ok(data) = exif::Reader::new().read_raw(exif.to_vec()) else {
        return 1;
    };
    data.get_field(exif::Tag::Orientation, exif::In::PRIMARY)
        .and_then(|f| f.value.get_uint(0))
        .filter(|o| (1..=8).contains(o))
        .map_or(1, |o| o as u8)
}

/// Whether an orientation turns the image a quarter, so its width and height swap.
pub fn swaps_sides(orientation: u8) -> bool {
    orientation >= 5
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A PNG of `w` × `h` grey pixels, made with the png crate.
    pub fn png_bytes(w: u32, h: u32, colour: png::ColorType) -> Vec<u8> {
        let mut out = Vec::new();
        let mut enc = png::Encoder::new(&mut out, w, h);
        enc.set_color(colour);
        enc.set_depth(png::BitDepth::Eight);
        let channels = match colour {
            png::ColorType::Grayscale => 1,
            png::ColorType::GrayscaleAlpha => 2,
            png::ColorType::Rgb => 3,
            _ => 4,
        };
        let mut w_ = enc.write_header().unwrap();
        w_.write_image_data(&vec![128u8; (w * h * channels) as usize])
            .unwrap();
        drop(w_);
        out
    }

    #[test]
    fn a_good_png_is_read_with_its_colour_model() {
        let grey = png(&png_bytes(8, 4, png::ColorType::Grayscale)).unwrap();
        assert_eq!((grey.width, grey.height, grey.colour), (8, 4, Colour::Grey));
        let rgb = png(&png_bytes(8, 4, png::ColorType::Rgba)).unwrap();
        assert_eq!(rgb.colour, Colour::Rgb);
    }

    #[test]
    fn a_truncated_png_is_refused_in_words() {
        let bytes = png_bytes(64, 64, png::ColorType::Rgb);
        let err = png(&bytes[..bytes.len() / 2]).unwrap_err();
        assert!(
            err.contains("ends before") || err.contains("damaged"),
            "{err}"
        );
    }

    #[test]
    fn declared_sizes_are_checked_before_allocating() {
        // A header claiming 60000 × 60000 pixels, with no pixel data at all.
        let mut bytes = png_bytes(1, 1, png::ColorType::Rgb);
        bytes[16..20].copy_from_slice(&60000u32.to_be_bytes());
        bytes[20..24].copy_from_slice(&60000u32.to_be_bytes());
        let err = png(&bytes).unwrap_err();
        // The CRC of the altered header no longer matches: refused either way, unallocated.
        assert!(err.contains("30000") || err.contains("damaged"), "{err}");
        assert!(dimensions(60000, 60000).unwrap_err().contains("30000"));
        assert!(dimensions(20000, 20000).unwrap_err().contains("million"));
        assert!(
            dimensions(0, 10)
                .unwrap_err()
                .contains("at least one pixel")
        );
        assert!(
            dimensions(2, 4000)
                .unwrap_err()
                .contains("no page can show it")
        );
    }

    #[test]
    fn orientation_swaps_sides_from_five_on() {
        assert!(!swaps_sides(1) && !swaps_sides(4));
        assert!(swaps_sides(6) && swaps_sides(8));
        assert_eq!(orientation(b"not exif"), 1);
    }
}
