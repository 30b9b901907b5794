//! Raster images for the print edition: RGB PNGs converted to CMYK through the output
//! profile, so the print file carries no RGB image data.
//!
//! The PNG is decoded to 8-bit RGB (grey and palette images expanded), every pixel converted
//! with Little CMS (the same transform as the brand colours: relative colorimetric with
//! black-point compensation), and handed to krilla as a CMYK image with its alpha channel,
//! which becomes a soft mask.

use crate::model::PrintConfig;
use krilla::image::{BitsPerComponent, CustomImage, Image, ImageColorspace};
use std::hash::{Hash, Hasher};
use std::sync::Arc;

/// A decoded CMYK image.
#[derive(Clone)]
struct Cmyk {
    pixels: Arc<Vec<u8>>,
    alpha: Option<Arc<Vec<u8>>>,
    size: (u32, u32),
    /// Identifies the source, so krilla embeds one image once.
    key: u64,
}

impl Hash for Cmyk {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.key.hash(state);
        self.size.hash(state);
    }
}

impl CustomImage for Cmyk {
    fn color_channel(&self) -> &[u8] {
        &self.pixels
    }

    fn alpha_channel(&self) -> Option<&[u8]> {
        self.alpha.as_deref().map(Vec::as_slice)
    }

    fn bits_per_component(&self) -> BitsPerComponent {
        BitsPerComponent::Eight
    }

    fn size(&self) -> (u32, u32) {
        self.size
    }

    fn icc_profile(&self) -> Option<&[u8]> {
        None
    }

    fn color_space(&self) -> ImageColorspace {
        ImageColorspace::Cmyk
    }
}

/// Decodes a PNG and converts it to CMYK for print.
pub fn cmyk_png(data: &[u8], print: &PrintConfig) -> Result<Image, String> {
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
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    data.hash(&mut hasher);
    let image = Cmyk {
        pixels: Arc::new(cmyk.into_iter().flatten().collect()),
        alpha: alpha.filter(|a| a.iter().any(|&v| v != 255)).map(Arc::new),
        size: (info.width, info.height),
        key: hasher.finish(),
    };
    Image::from_custom(image, false)
}
