//! `[print]` → [`PrintConfig`]: bleed, marks, safe area, ink limit, output profile, and the
//! CMYK (or spot) ink of every brand colour.
//!
//! Where report.toml gives a role's `cmyk`, that is what prints. Where it does not, the sRGB
//! colour is converted through the output profile (relative colorimetric with black-point
//! compensation, as prepress tools do) and a warning says the print colour was derived.
//! Black text is the exception: a `text` colour dark enough to read as black prints as
//! 100 % K, never as a rich four-colour black that would blur small type on press.

use super::colours::PrintValues;
use super::inks::Converter;
use super::types::Ink;
use super::{parse_or, values};
use crate::diag::Diagnostic;
use crate::files::{Folder, Kind};
use crate::geom::PrintCondition;
use crate::geom::{Abs, Color};
use crate::shared::SharedBytes;
use crate::spec::Spec;
use lcms2::Profile;

/// The default output profile: coated offset stock (FOGRA39), the most common in the UK.
const DEFAULT_PROFILE: &[u8] = include_bytes!("../../profiles/FOGRA39L-coated.icc");
/// The characterised printing condition the built-in profile was computed from, as the
/// ICC registry (<https://www.color.org/registry/>) names and describes it.
const DEFAULT_CONDITION_ID: &str = "FOGRA39";
/// The built-in profile as messages name it.
const DEFAULT_PROFILE_NAME: &str = "FOGRA39 (ISO Coated v2, ISO 12647-2:2004)";
/// The built-in profile's own description (its `desc` tag), written as the output intent's
/// `Info`: known here, so a build does not open the profile to read it (a test checks it).
const DEFAULT_DESCRIPTION: &str = "folio coated FOGRA39 (ISO 12647-2:2004)";
const DEFAULT_CONDITION: &str = "Offset commercial and specialty printing according to ISO 12647-2:2004 / Amd 1, OFCOM, paper type 1 or 2 = coated art, 115 g/m2, tone value increase curves A (CMY) and B (K)";
const ICC_REGISTRY: &str = "http://www.color.org";
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
/// Text smaller than this, and lines thinner than [`HAIRLINE_PT`], print on one plate:
/// four inks never register exactly on press, and small type or a fine rule set in several
/// shows coloured fringes. 12 pt is where prepress guidance starts to allow rich colour.
pub const SMALL_TEXT_PT: f64 = 12.0;
/// Lines (and rectangles) thinner than this print on one plate, as small text does.
pub const HAIRLINE_PT: f64 = 1.0;

/// The print edition: geometry, marks, output profile and inks.
pub struct PrintConfig {
    /// Write the print edition on every build.
    pub enabled: bool,
    pub bleed: Abs,
    /// Crop marks; off unless asked for, since printers who impose mark the sheets.
    pub marks: bool,
    pub registration: bool,
    pub slug: bool,
    pub safe_area: Abs,
    /// Total ink limit, per cent.
    pub ink_limit: f64,
    /// How the copies are bound, and so which page counts work.
    pub binding: Binding,
    /// Where the binding needs it, add blank pages before the back cover.
    pub pad: bool,
    /// Where `[print]` sets the binding, for messages about the page count.
    pub binding_span: Option<std::ops::Range<usize>>,
    /// The CMYK output profile (ICC bytes) and the printing condition it describes.
    pub profile: SharedBytes,
    pub condition: PrintCondition,
    /// What report.toml says about each role's print colour.
    pub(super) colours: Vec<PrintValues>,
    /// Inks, converter and derived-colour warnings, worked out on first use: building the
    /// colour transform costs more than the rest of a reader build, so a build that writes
    /// no print edition never pays for it.
    pub(super) resolved: std::sync::OnceLock<Resolved>,
}

/// How the printed copies are bound.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Binding {
    /// Folded sheets stapled through the spine: four pages to a sheet.
    SaddleStitch,
    /// Glued at the spine: leaves of two pages.
    Perfect,
    /// Loose sheets, or a file that is not bound: any count.
    None,
}

impl Binding {
    /// The page count must be a multiple of this.
    pub fn multiple(self) -> usize {
        match self {
            Binding::SaddleStitch => 4,
            Binding::Perfect => 2,
            Binding::None => 1,
        }
    }

    /// As report.toml writes it.
    pub fn name(self) -> &'static str {
        match self {
            Binding::SaddleStitch => "saddle-stitch",
            Binding::Perfect => "perfect",
            Binding::None => "none",
        }
    }
}

/// Whether `bytes` is an ICC profile for CMYK (checked without building a transform).
fn is_cmyk_profile(bytes: &[u8]) -> bool {
    Profile::new_icc(bytes).is_ok_and(|p| p.color_space() == lcms2::ColorSpaceSignature::CmykData)
}

/// Reads `print.binding`; saddle stitching when unset, the usual binding for a report of
/// up to about 64 pages, so that a page count it cannot take is caught before the printer
/// does (a count that suits saddle stitching suits every binding).
fn binding(value: Option<&serde_spanned::Spanned<crate::spec::Binding>>) -> Binding {
    match value.map(|v| *v.get_ref()) {
        None | Some(crate::spec::Binding::SaddleStitch) => Binding::SaddleStitch,
        Some(crate::spec::Binding::Perfect) => Binding::Perfect,
        Some(crate::spec::Binding::None) => Binding::None,
    }
}

/// The output intent's description of a profile: the registered condition for the built-in
/// one (`custom` is `None`); for a printer's own, `Custom` with the file's name and the
/// profile's own description.
fn condition(profile: &[u8], custom: Option<String>) -> PrintCondition {
    match custom {
        None => PrintCondition {
            identifier: DEFAULT_CONDITION_ID.into(),
            condition: DEFAULT_CONDITION.into(),
            registry: ICC_REGISTRY.into(),
            info: DEFAULT_DESCRIPTION.into(),
        },
        Some(file) => PrintCondition {
            identifier: "Custom".into(),
            condition: file,
            registry: String::new(),
            info: description(profile).unwrap_or_default(),
        },
    }
}

/// A profile's description, as its `desc` tag gives it.
fn description(profile: &[u8]) -> Option<String> {
    Profile::new_icc(profile)
        .ok()?
        .info(lcms2::InfoType::Description, lcms2::Locale::none())
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
    // The built-in profile is known to be CMYK (a test checks it), so only a printer's own
    // is opened to find out.
    let builtin = || (SharedBytes::from(DEFAULT_PROFILE), None);
    let (profile, custom) = match &p.profile {
        Some(path) => {
            let name = path.get_ref().to_string();
            match base.read(name.trim(), Kind::Profile) {
                Ok(bytes) if is_cmyk_profile(&bytes) => (SharedBytes::from(bytes), Some(name)),
                Ok(_) => {
                    diags.push(
                        Diagnostic::error("`print.profile` is not a CMYK ICC output profile", Some(path.span()))
                            .with_help("ask your printer for their CMYK profile (.icc), or remove the key to use FOGRA39 coated"),
                    );
                    builtin()
                }
                Err(e) => {
                    diags.push(e.diagnostic(
                        "print.profile",
                        name.trim(),
                        Kind::Profile,
                        Some(path.span()),
                    ));
                    builtin()
                }
            }
        }
        None => builtin(),
    };
    let condition = condition(&profile, custom);
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
    let marks = flag(&p.marks, false);
    let binding = binding(p.binding.as_ref());
    PrintConfig {
        enabled: flag(&p.enabled, false),
        bleed,
        marks,
        registration: flag(&p.registration, false),
        // The slug sits with the marks: off when they are, unless asked for.
        slug: flag(&p.slug, marks),
        binding,
        pad: flag(&p.pad, false),
        binding_span: p.binding.as_ref().map(|b| b.span()),
        safe_area,
        ink_limit,
        profile,
        condition,
        colours: colours.to_vec(),
        resolved: std::sync::OnceLock::new(),
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
            let converter = Converter::new(&self.profile, self.ink_limit)
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
            let name = if self.condition.identifier == DEFAULT_CONDITION_ID {
                DEFAULT_PROFILE_NAME
            } else {
                self.condition.condition.as_str()
            };
            let warnings = derived_summary(&derived_colours, name)
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

    /// The ink for a colour used where one plate must carry it — text under
    /// [`SMALL_TEXT_PT`], lines under [`HAIRLINE_PT`]: a grey printed in several process
    /// inks becomes the tint of black of the same lightness. Spot colours, inks already on
    /// one plate and chromatic colours (which a tint of black cannot stand for) are kept.
    pub fn fine_ink(&self, c: Color) -> Ink {
        let ink = self.ink(c);
        let plates = ink.cmyk.iter().filter(|&&v| v > 0.0).count();
        let converter = &self.resolved().converter;
        if ink.spot.is_some() || plates <= 1 || !converter.is_neutral(c) {
            return ink;
        }
        Ink {
            cmyk: [0.0, 0.0, 0.0, converter.black_tint(c) / 100.0],
            spot: None,
        }
    }

    /// Pixels converted to the profile's CMYK within the ink limit, 0–255.
    pub fn cmyk_pixels(&self, rgb: &[[u8; 3]]) -> Vec<[u8; 4]> {
        self.resolved().converter.cmyk_pixels(rgb)
    }

    /// Pixels of an image with its own RGB profile (or none: sRGB) converted to CMYK.
    pub fn cmyk_pixels_from(&self, icc: Option<&[u8]>, rgb: &[[u8; 3]]) -> Vec<[u8; 4]> {
        self.resolved().converter.cmyk_pixels_from(icc, rgb)
    }

    /// CMYK pixels (0–255) brought within the ink limit less `margin` per cent.
    pub fn limit_cmyk(&self, cmyk: &mut [[u8; 4]], margin: f64) {
        self.resolved().converter.limit_cmyk(cmyk, margin)
    }

    /// The total ink limit in 0–255 units per plate.
    pub fn ink_limit_units(&self) -> u32 {
        self.resolved().converter.limit_units()
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_built_in_profile_is_cmyk_and_describes_itself_as_written_here() {
        assert!(is_cmyk_profile(DEFAULT_PROFILE));
        assert_eq!(
            description(DEFAULT_PROFILE).as_deref(),
            Some(DEFAULT_DESCRIPTION)
        );
    }
}
