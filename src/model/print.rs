//! `[print]` → [`PrintConfig`]: bleed, marks, safe area, ink limit, output profile, and the
//! CMYK (or spot) ink of every brand colour.
//!
//! Where report.toml gives a role's `cmyk`, that is what prints. Where it does not, the sRGB
//! colour is converted through the output profile (relative colorimetric with black-point
//! compensation, as prepress tools do) and a warning says the print colour was derived.
//! Black text is the exception: a `text` colour dark enough to read as black prints as
//! 100 % K, never as a rich four-colour black that would blur small type on press.

use super::colours::PrintValues;
use super::types::Ink;
use super::{parse_or, values};
use crate::diag::Diagnostic;
use crate::files::{Folder, Kind};
use crate::geom::{Abs, Color};
use crate::spec::Spec;
use lcms2::{Flags, Intent, PixelFormat, Profile, Transform};
use std::sync::Arc;

/// The default output profile: coated offset stock (FOGRA39), the most common in the UK.
const DEFAULT_PROFILE: &[u8] = include_bytes!("../../profiles/FOGRA39L-coated.icc");
const DEFAULT_PROFILE_NAME: &str = "FOGRA39 (ISO Coated v2, ISO 12647-2:2004)";
/// 3 mm is the bleed UK printers ask for.
const DEFAULT_BLEED_MM: f64 = 3.0;
/// 5 mm keeps text clear of the guillotine's tolerance.
const DEFAULT_SAFE_MM: f64 = 5.0;
/// Total area coverage limit for coated stock.
const DEFAULT_INK_LIMIT: f64 = 320.0;
/// A total ink limit below 100 % cannot print solid black; four inks make 400 % at most.
const INK_LIMIT_RANGE: std::ops::RangeInclusive<f64> = 100.0..=400.0;
/// Bleed beyond 20 mm is waste no printer asks for; large-format work uses 10 mm.
const MAX_BLEED_MM: f64 = 20.0;
/// A safe area beyond 50 mm would leave little of an A5 page.
const MAX_SAFE_MM: f64 = 50.0;
/// A text colour this dark (WCAG luminance) reads as black and prints as 100 % K.
const BLACK_TEXT_LUMINANCE: f64 = 0.05;

/// The print edition: geometry, marks, output profile and inks.
pub struct PrintConfig {
    /// Write the print edition on every build.
    pub enabled: bool,
    pub bleed: Abs,
    pub marks: bool,
    pub registration: bool,
    pub slug: bool,
    pub safe_area: Abs,
    /// Total ink limit, per cent.
    pub ink_limit: f64,
    /// The CMYK output profile (ICC bytes) and its name.
    pub profile: Arc<Vec<u8>>,
    pub profile_name: String,
    /// What report.toml says about each role's print colour.
    pub(super) colours: Vec<PrintValues>,
    /// Inks, converter and derived-colour warnings, worked out on first use: building the
    /// colour transform costs more than the rest of a reader build, so a build that writes
    /// no print edition never pays for it.
    pub(super) resolved: std::cell::OnceCell<Resolved>,
}

/// Whether `bytes` is an ICC profile for CMYK (checked without building a transform).
fn is_cmyk_profile(bytes: &[u8]) -> bool {
    Profile::new_icc(bytes).is_ok_and(|p| p.color_space() == lcms2::ColorSpaceSignature::CmykData)
}

/// Converts sRGB to the output profile's CMYK.
pub struct Converter(Transform<[u8; 3], [u8; 4]>);

impl Converter {
    fn new(profile: &[u8]) -> Option<Self> {
        let srgb = Profile::new_srgb();
        let cmyk = Profile::new_icc(profile).ok()?;
        if cmyk.color_space() != lcms2::ColorSpaceSignature::CmykData {
            return None;
        }
        let t = Transform::new_flags(
            &srgb,
            PixelFormat::RGB_8,
            &cmyk,
            PixelFormat::CMYK_8,
            Intent::RelativeColorimetric,
            Flags::BLACKPOINT_COMPENSATION,
        )
        .ok()?;
        Some(Self(t))
    }

    /// Many pixels at once, as 0–255 ink values.
    pub fn cmyk_pixels(&self, rgb: &[[u8; 3]]) -> Vec<[u8; 4]> {
        let mut out = vec![[0u8; 4]; rgb.len()];
        self.0.transform_pixels(rgb, &mut out);
        out
    }

    /// The colour's ink, in per cent.
    pub fn cmyk(&self, c: Color) -> [f64; 4] {
        let mut out = [[0u8; 4]];
        self.0.transform_pixels(&[[c.r, c.g, c.b]], &mut out);
        out[0].map(|v| (v as f64 / 255.0 * 100.0).round())
    }
}

/// Reads `[print]` and works out every role's ink.
pub fn print(
    spec: &Spec,
    base: &Folder,
    colours: &[PrintValues],
    diags: &mut Vec<Diagnostic>,
) -> PrintConfig {
    let default = crate::spec::PrintSpec::default();
    let p = spec.print.as_ref().unwrap_or(&default);
    let flag =
        |v: &Option<serde_spanned::Spanned<bool>>, d: bool| v.as_ref().map_or(d, |b| *b.get_ref());
    let length = |v: &Option<serde_spanned::Spanned<crate::spec::Length>>,
                  key: &str,
                  d: f64,
                  diags: &mut Vec<Diagnostic>| {
        v.as_ref().map_or(Abs::mm(d), |s| {
            parse_or(diags, s, key, values::length, Abs::mm(d))
        })
    };
    let within = |v: &Option<serde_spanned::Spanned<crate::spec::Length>>,
                  key: &str,
                  d: f64,
                  max: f64,
                  diags: &mut Vec<Diagnostic>| {
        let l = length(v, key, d, diags);
        if l.to_mm() > max + 1e-9 {
            diags.push(
                Diagnostic::error(
                    format!(
                        "`{key}` of {:.1} mm is more than the {max} mm a printer works with",
                        l.to_mm()
                    ),
                    v.as_ref().map(|s| s.span()),
                )
                .with_help(format!("printers ask for {d} mm; ask yours if unsure")),
            );
            return Abs::mm(d);
        }
        l
    };
    let bleed = within(
        &p.bleed,
        "print.bleed",
        DEFAULT_BLEED_MM,
        MAX_BLEED_MM,
        diags,
    );
    let safe_area = within(
        &p.safe_area,
        "print.safe_area",
        DEFAULT_SAFE_MM,
        MAX_SAFE_MM,
        diags,
    );
    let ink_limit = match &p.ink_limit {
        None => DEFAULT_INK_LIMIT,
        Some(l) if INK_LIMIT_RANGE.contains(l.get_ref()) => *l.get_ref(),
        Some(l) => {
            // A non-finite limit is reported where every value is checked.
            if l.get_ref().is_finite() {
                diags.push(
                    Diagnostic::error(
                        format!(
                            "`print.ink_limit` of {}% is outside {}% to {}%",
                            l.get_ref(),
                            INK_LIMIT_RANGE.start(),
                            INK_LIMIT_RANGE.end()
                        ),
                        Some(l.span()),
                    )
                    .with_help("coated paper takes 300–340%, uncoated 260–300%; ask your printer"),
                );
            }
            DEFAULT_INK_LIMIT
        }
    };
    let (profile, profile_name) = match &p.profile {
        Some(path) => match base.read(path.get_ref().to_string().trim(), Kind::Profile) {
            Ok(bytes) => (bytes.to_vec(), path.get_ref().to_string()),
            Err(e) => {
                diags.push(e.diagnostic(
                    "print.profile",
                    path.get_ref().to_string().trim(),
                    Kind::Profile,
                    Some(path.span()),
                ));
                (DEFAULT_PROFILE.to_vec(), DEFAULT_PROFILE_NAME.to_string())
            }
        },
        None => (DEFAULT_PROFILE.to_vec(), DEFAULT_PROFILE_NAME.to_string()),
    };
    let profile = if is_cmyk_profile(&profile) {
        profile
    } else {
        let span = p.profile.as_ref().map(|s| s.span());
        diags.push(
            Diagnostic::error("`print.profile` is not a CMYK ICC output profile", span)
                .with_help("ask your printer for their CMYK profile (.icc), or remove the key to use FOGRA39 coated"),
        );
        DEFAULT_PROFILE.to_vec()
    };
    // The ink limit is checked at once for colours given in CMYK: it is an error.
    for c in colours {
        if let Some(cmyk) = c.cmyk {
            let total: f64 = cmyk.iter().sum();
            if total > ink_limit {
                diags.push(
                    Diagnostic::error(
                        format!(
                            "`{}` prints with {total}% total ink, over the {ink_limit}% the press allows",
                            c.role
                        ),
                        c.span.clone(),
                    )
                    .with_help("lower the CMYK values (replace some cyan, magenta and yellow with black)"),
                );
            }
        }
    }
    PrintConfig {
        enabled: flag(&p.enabled, false),
        bleed,
        marks: flag(&p.marks, true),
        registration: flag(&p.registration, false),
        slug: flag(&p.slug, true),
        safe_area,
        ink_limit,
        profile: Arc::new(profile),
        profile_name,
        colours: colours.to_vec(),
        resolved: std::cell::OnceCell::new(),
    }
}

/// The inks of the brand colours, the converter for any other colour, and the warnings
/// about colours whose print values were derived.
pub struct Resolved {
    converter: Converter,
    inks: Vec<(Color, Ink)>,
    warnings: Vec<Diagnostic>,
}

impl PrintConfig {
    fn resolved(&self) -> &Resolved {
        self.resolved.get_or_init(|| {
            let converter = Converter::new(&self.profile)
                .expect("invariant: the profile was checked when report.toml was read");
            let mut derived_colours = Vec::new();
            let mut inks = Vec::new();
            for c in &self.colours {
                let (cmyk, derived) = match c.cmyk {
                    Some(v) => (v, false),
                    None if c.role == "text" && c.rgb.luminance() < BLACK_TEXT_LUMINANCE => {
                        ([0.0, 0.0, 0.0, 100.0], false)
                    }
                    None if c.rgb == Color::WHITE => ([0.0; 4], false),
                    None => (converter.cmyk(c.rgb), true),
                };
                if derived {
                    derived_colours.push((c, cmyk));
                }
                inks.push((
                    c.rgb,
                    Ink {
                        cmyk: cmyk.map(|v| v / 100.0),
                        spot: c.spot.clone(),
                    },
                ));
            }
            let warnings = derived_summary(&derived_colours, &self.profile_name)
                .into_iter()
                .collect();
            Resolved {
                converter,
                inks,
                warnings,
            }
        })
    }

    /// The ink for a colour: the brand's, or converted through the profile.
    pub fn ink(&self, c: Color) -> Ink {
        let r = self.resolved();
        r.inks
            .iter()
            .find(|(rgb, _)| *rgb == c)
            .map(|(_, ink)| ink.clone())
            .unwrap_or_else(|| Ink {
                cmyk: r.converter.cmyk(c).map(|v| v / 100.0),
                spot: None,
            })
    }

    /// Pixels converted to the profile's CMYK, 0–255.
    pub fn cmyk_pixels(&self, rgb: &[[u8; 3]]) -> Vec<[u8; 4]> {
        self.resolved().converter.cmyk_pixels(rgb)
    }

    /// Warnings for brand colours whose print values were derived from their hex.
    pub fn warnings(&self) -> Vec<Diagnostic> {
        self.resolved().warnings.clone()
    }
}

/// One notice for every brand colour whose print values were derived, with the line to
/// paste for each, rather than a warning per colour on every build.
fn derived_summary(derived: &[(&PrintValues, [f64; 4])], profile: &str) -> Option<Diagnostic> {
    let (first, _) = derived.first()?;
    let lines: Vec<String> = derived
        .iter()
        .map(|(c, cmyk)| {
            format!(
                "{} = {{ hex = \"{}\", cmyk = [{}] }}",
                c.role,
                c.rgb,
                cmyk.map(|v| format!("{v}")).join(", ")
            )
        })
        .collect();
    let n = derived.len();
    // Point at a colour written in report.toml, if any is; defaults have no line.
    let span = derived
        .iter()
        .find_map(|(c, _)| c.span.clone())
        .or(first.span.clone());
    Some(
        Diagnostic::warning(
            format!(
                "{n} brand colour{} {} no print values, so folio derived {} CMYK from the hex through the output profile, {profile}",
                if n == 1 { "" } else { "s" },
                if n == 1 { "has" } else { "have" },
                if n == 1 { "its" } else { "their" },
            ),
            span,
        )
        .with_help(format!(
            "to fix these inks, paste {} into [brand.colours] (or your printer's values):\n{}",
            if n == 1 { "this line" } else { "these lines" },
            lines
                .iter()
                .map(|l| format!("    {l}"))
                .collect::<Vec<_>>()
                .join("\n")
        )),
    )
}
