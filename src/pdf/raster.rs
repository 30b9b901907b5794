//! CMYK raster images, handed to krilla as they are.
//!
//! In: pixels already converted to the print edition's CMYK by the print transform
//! (`edition::print`), with their alpha channel. Out: a krilla image whose alpha becomes a
//! soft mask. Nothing here converts colour: the exporter draws what the Document holds.

use crate::images::CmykPixels;
use krilla::image::{BitsPerComponent, CustomImage, Image, ImageColorspace};
use std::hash::{Hash, Hasher};
use std::sync::Arc;

/// A CMYK image as krilla's custom image source.
#[derive(Clone)]
struct Cmyk(Arc<CmykPixels>);

impl Hash for Cmyk {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.0.key.hash(state);
        (self.0.width, self.0.height).hash(state);
    }
}

impl CustomImage for Cmyk {
    fn color_channel(&self) -> &[u8] {
        &self.0.samples
    }

    fn alpha_channel(&self) -> Option<&[u8]> {
        self.0.alpha.as_deref()
    }

    fn bits_per_component(&self) -> BitsPerComponent {
        BitsPerComponent::Eight
    }

    fn size(&self) -> (u32, u32) {
        (self.0.width, self.0.height)
    }

    fn icc_profile(&self) -> Option<&[u8]> {
        None
    }

    fn color_space(&self) -> ImageColorspace {
        ImageColorspace::Cmyk
    }
}

/// A krilla image of CMYK pixels.
pub fn cmyk(pixels: Arc<CmykPixels>) -> Result<Image, String> {
    Image::from_custom(Cmyk(pixels), false)
}
