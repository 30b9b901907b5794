//! Colour science for the print edition: sRGB to the output profile's CMYK, the total ink
//! limit, and greys as tints of black.
//!
//! In: the output profile and the ink limit. Out: a [`Converter`] that turns a colour or a
//! block of pixels into CMYK the press can print:
//! - through the profile with Little CMS, relative colorimetric with black-point
//!   compensation (what prepress tools do for images and for colours given only as hex);
//! - within the total ink limit: where the profile would lay down more than the press
//!   allows, cyan, magenta and yellow are reduced together and black is kept, so the colour
//!   keeps its depth (the grey component replacement RIPs apply);
//! - a grey that must print on one plate (small text, hairlines) becomes the tint of black
//!   with the same CIELAB lightness on this profile, found by measuring the profile's own
//!   black ramp rather than assuming that 50 % black looks 50 % grey.

use crate::geom::Color;
use lcms2::{CIExyY, DisallowCache, Flags, GlobalContext, Intent, PixelFormat, Profile, Transform};
use std::sync::{Arc, Mutex};

/// A colour whose CIELAB chroma is below this reads as a grey — cool or warm greys such as
/// slate (#4C6272, chroma 12) included, brand colours (chroma 35 and up) not.
pub const NEUTRAL_CHROMA: f64 = 15.0;

/// sRGB and CMYK pixels through one profile, within one ink limit.
pub struct Converter {
    built: Arc<Built>,
    /// Total ink limit, in 0–255 units per plate (so 320 % is 816).
    limit: u32,
}

/// What a profile's conversions need, built once per profile per process ([`BUILT`]).
struct Built {
    /// The profile's bytes: the key, and the output side of transforms made for an image's
    /// own profile.
    profile: Vec<u8>,
    to_cmyk: Shared<[u8; 4]>,
    to_lab: Shared<[f64; 3]>,
    /// Lightness of 0 % to 100 % black alone, in 256 steps, on this profile.
    black_ramp: Vec<f64>,
}

/// A transform from sRGB that any thread may use: built without Little CMS's one-pixel
/// cache, which only remembers the last colour converted and changes no result.
type Shared<O> = Transform<[u8; 3], O, GlobalContext, DisallowCache>;

/// Profiles already built. Building the transforms samples the profile into lookup tables,
/// which is most of a short print edition's work (126M of 243M instructions for the
/// shipped report); a batch builds every report against one profile, and `folio watch`
/// rebuilds against the same one on every save, so each is built once per process.
static BUILT: Mutex<Vec<Arc<Built>>> = Mutex::new(Vec::new());
/// How many profiles are kept: a batch uses one, `folio watch` may see a new one on every
/// save.
const KEPT_PROFILES: usize = 4;

impl Converter {
    /// A converter for a CMYK output profile; `None` if it is not one. `ink_limit` in per cent.
    pub fn new(profile: &[u8], ink_limit: f64) -> Option<Self> {
        let limit = (ink_limit / 100.0 * 255.0).floor() as u32;
        // The lock is held while building, so threads of a batch that need the same
        // profile at once wait for one build rather than each making their own.
        let mut kept = BUILT.lock().unwrap_or_else(|e| e.into_inner());
        let built = match kept.iter().find(|b| b.profile == profile) {
            Some(b) => Arc::clone(b),
            None => {
                let b = Arc::new(Built::new(profile)?);
                if kept.len() == KEPT_PROFILES {
                    kept.remove(0);
                }
                kept.push(Arc::clone(&b));
                b
            }
        };
        Some(Self { built, limit })
    }

    /// Pixels converted to CMYK within the ink limit, as 0–255 ink values.
    pub fn cmyk_pixels(&self, rgb: &[[u8; 3]]) -> Vec<[u8; 4]> {
        let mut out = vec![[0u8; 4]; rgb.len()];
        self.built.to_cmyk.transform_pixels(rgb, &mut out);
        for p in &mut out {
            *p = limit_ink(*p, self.limit);
        }
        out
    }

    /// RGB pixels in the colour space of `icc` (an image's embedded profile, such as a
    /// phone's Display P3) converted to CMYK within the ink limit. A profile Little CMS
    /// cannot read, or one that is not RGB, is taken to mean sRGB, as browsers do.
    pub fn cmyk_pixels_from(&self, icc: Option<&[u8]>, rgb: &[[u8; 3]]) -> Vec<[u8; 4]> {
        let source = icc
            .and_then(|d| Profile::new_icc(d).ok())
            .filter(|p| p.color_space() == lcms2::ColorSpaceSignature::RgbData);
        let output = Profile::new_icc(&self.built.profile).ok();
        let transform = source.zip(output).and_then(|(s, output)| {
            Transform::new_flags(
                &s,
                PixelFormat::RGB_8,
                &output,
                PixelFormat::CMYK_8,
                Intent::RelativeColorimetric,
                Flags::BLACKPOINT_COMPENSATION,
            )
            .ok()
        });
        let Some(transform) = transform else {
            return self.cmyk_pixels(rgb);
        };
        let mut out = vec![[0u8; 4]; rgb.len()];
        transform.transform_pixels(rgb, &mut out);
        self.limit_cmyk(&mut out, 0.0);
        out
    }

    /// CMYK pixels brought within the ink limit, less `margin` per cent (room for what a
    /// lossy re-encoding may add).
    pub fn limit_cmyk(&self, cmyk: &mut [[u8; 4]], margin: f64) {
        let limit = self
            .limit
            .saturating_sub((margin / 100.0 * 255.0).ceil() as u32);
        for p in cmyk {
            *p = limit_ink(*p, limit);
        }
    }

    /// The ink limit in 0–255 units per plate.
    pub fn limit_units(&self) -> u32 {
        self.limit
    }

    /// The colour's ink, in per cent.
    pub fn cmyk(&self, c: Color) -> [f64; 4] {
        self.cmyk_pixels(&[[c.r, c.g, c.b]])[0].map(|v| (v as f64 / 255.0 * 100.0).round())
    }

    /// Whether the colour reads as a grey.
    pub fn is_neutral(&self, c: Color) -> bool {
        let [_, a, b] = self.lab(c);
        a.hypot(b) < NEUTRAL_CHROMA
    }

    /// The tint of black, in per cent, with the colour's lightness on this profile: 100 for
    /// anything as dark as solid black or darker.
    pub fn black_tint(&self, c: Color) -> f64 {
        let [l, _, _] = self.lab(c);
        // The ramp darkens as black increases; take the first step at least as dark.
        let k = self
            .built
            .black_ramp
            .iter()
            .position(|&ramp| ramp <= l)
            .unwrap_or(255);
        (k as f64 / 255.0 * 100.0).round()
    }

    /// CIELAB L*, a*, b* (D50) of an sRGB colour.
    fn lab(&self, c: Color) -> [f64; 3] {
        let mut out = [[0.0; 3]];
        self.built
            .to_lab
            .transform_pixels(&[[c.r, c.g, c.b]], &mut out);
        out[0]
    }
}

impl Built {
    fn new(profile: &[u8]) -> Option<Self> {
        let srgb = Profile::new_srgb();
        let cmyk = Profile::new_icc(profile).ok()?;
        if cmyk.color_space() != lcms2::ColorSpaceSignature::CmykData {
            return None;
        }
        let lab = Profile::new_lab4_context(GlobalContext::new(), CIExyY::d50()).ok()?;
        let intent = Intent::RelativeColorimetric;
        let flags = Flags::NO_CACHE | Flags::BLACKPOINT_COMPENSATION;
        let to_cmyk = Transform::new_flags_context(
            GlobalContext::new(),
            &srgb,
            PixelFormat::RGB_8,
            &cmyk,
            PixelFormat::CMYK_8,
            intent,
            flags,
        )
        .ok()?;
        let to_lab = Transform::new_flags_context(
            GlobalContext::new(),
            &srgb,
            PixelFormat::RGB_8,
            &lab,
            PixelFormat::Lab_DBL,
            intent,
            flags,
        )
        .ok()?;
        let black: Transform<[u8; 4], [f64; 3]> = Transform::new_flags(
            &cmyk,
            PixelFormat::CMYK_8,
            &lab,
            PixelFormat::Lab_DBL,
            intent,
            Flags::BLACKPOINT_COMPENSATION,
        )
        .ok()?;
        let steps: Vec<[u8; 4]> = (0..=255u8).map(|k| [0, 0, 0, k]).collect();
        let mut lab_steps = vec![[0.0; 3]; steps.len()];
        black.transform_pixels(&steps, &mut lab_steps);
        Some(Self {
            profile: profile.to_vec(),
            to_cmyk,
            to_lab,
            black_ramp: lab_steps.iter().map(|l| l[0]).collect(),
        })
    }
}

/// Brings one CMYK value (0–255 per plate) within `limit` (in the same units): cyan,
/// magenta and yellow are scaled down together, black is kept.
fn limit_ink(p: [u8; 4], limit: u32) -> [u8; 4] {
    let [c, m, y, k] = p.map(u32::from);
    let total = c + m + y + k;
    if total <= limit {
        return p;
    }
    if k >= limit {
        return [0, 0, 0, limit.min(255) as u8];
    }
    let room = limit - k;
    let cmy = c + m + y;
    // Rounding down keeps the sum within the limit.
    let scale = |v: u32| (v * room / cmy) as u8;
    [scale(c), scale(m), scale(y), k as u8]
}

#[cfg(test)]
mod tests {
    use super::*;

    const PROFILE: &[u8] = include_bytes!("../../profiles/FOGRA39L-coated.icc");

    #[test]
    fn ink_over_the_limit_loses_colour_not_black() {
        assert_eq!(limit_ink([200, 200, 200, 200], 816), [200, 200, 200, 200]);
        assert_eq!(limit_ink([200, 200, 200, 200], 600), [133, 133, 133, 200]);
        assert_eq!(limit_ink([255, 255, 255, 255], 200), [0, 0, 0, 200]);
    }

    #[test]
    fn ink_limit_holds_for_every_converted_colour() {
        let conv = Converter::new(PROFILE, 280.0).unwrap();
        let rgb: Vec<[u8; 3]> = (0..=255u8)
            .step_by(15)
            .flat_map(|r| {
                (0..=255u8)
                    .step_by(15)
                    .flat_map(move |g| (0..=255u8).step_by(15).map(move |b| [r, g, b]))
            })
            .collect();
        for p in conv.cmyk_pixels(&rgb) {
            let total: u32 = p.iter().map(|&v| v as u32).sum();
            assert!(total <= (2.8 * 255.0) as u32, "{p:?}");
        }
    }

    #[test]
    fn greys_become_the_black_tint_of_their_lightness() {
        let conv = Converter::new(PROFILE, 320.0).unwrap();
        assert!(conv.is_neutral(Color::rgb(0x4C, 0x62, 0x72)), "slate grey");
        assert!(!conv.is_neutral(Color::rgb(0x00, 0x5E, 0xB8)), "NHS blue");
        assert_eq!(conv.black_tint(Color::rgb(0, 0, 0)), 100.0);
        assert_eq!(conv.black_tint(Color::WHITE), 0.0);
        let mid = conv.black_tint(Color::rgb(0x76, 0x86, 0x92));
        assert!((40.0..80.0).contains(&mid), "mid grey: {mid}");
        assert!(
            conv.black_tint(Color::rgb(0x4C, 0x62, 0x72)) > mid,
            "darker grey, more black"
        );
    }

    #[test]
    fn one_profile_is_built_once_and_shared_across_ink_limits_and_threads() {
        let a = Converter::new(PROFILE, 200.0).unwrap();
        let b = std::thread::spawn(|| Converter::new(PROFILE, 320.0).unwrap())
            .join()
            .unwrap();
        assert!(Arc::ptr_eq(&a.built, &b.built));
        // The limit stays each converter's own.
        let rich = [[20u8, 20, 20]];
        let (low, high) = (a.cmyk_pixels(&rich)[0], b.cmyk_pixels(&rich)[0]);
        let total = |p: [u8; 4]| p.iter().map(|&v| v as u32).sum::<u32>();
        assert!(total(low) <= (2.0 * 255.0) as u32, "{low:?}");
        assert!(total(high) > total(low), "{low:?} {high:?}");
    }

    #[test]
    fn a_profile_that_is_not_cmyk_is_refused_and_not_kept() {
        let srgb = lcms2::Profile::new_srgb().icc().unwrap();
        assert!(Converter::new(&srgb, 300.0).is_none());
    }
}
