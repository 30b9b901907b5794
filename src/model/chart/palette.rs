//! Series colours: as many distinct colours as a chart has series, derived from the brand.
//!
//! In: the brand's primary and accent colours and the grounds the colours are drawn on (the
//! page, and the tint of a progress track). Out: a sequence of colours in which every
//! colour
//! - reaches 3:1 against every ground (WCAG 2.2, 1.4.11: graphical objects), and
//! - stands as far as it can from every colour before it, in OKLab (a perceptual space),
//!   judged for normal vision and for the three kinds of dichromacy — protanopia,
//!   deuteranopia and tritanopia, simulated with Machado, Oliveira and Fernandes's 2009
//!   matrices — taking the worst of the four.
//!
//! The first colour is the brand's primary (darkened until it reaches 3:1 if it does not),
//! the second its accent (likewise) when that is far enough from the primary for every
//! reader; the rest are chosen greedily, farthest first, from a fixed grid of OKLCH
//! colours. The sequence does not depend on how many colours are asked for, so series 3 is
//! the same colour in every chart of a report, and it is deterministic.
//!
//! Colour is never the only cue: every chart that uses these colours also names each
//! series in text next to its mark or in a legend in drawing order (see the chart
//! layouts), since no palette of eight stays distinct for every reader at every size.

use crate::geom::Color;
use std::sync::Mutex;

/// WCAG 2.2 AA for graphical objects (1.4.11).
pub const GRAPHIC_CONTRAST: f64 = 3.0;
/// The accent joins the palette only if it stands at least this far (OKLab distance × 100)
/// from the primary for every kind of vision; closer, it would read as the same series.
const SEED_DISTANCE: f64 = 12.0;
/// The grid colours are drawn from: OKLCH lightness, chroma and hue steps. Fine enough to
/// offer several hundred colours in gamut, coarse enough to choose from in well under a
/// millisecond.
/// Lightness starts above near-black, which would read as text rather than as a series.
const LIGHTNESS: [f64; 11] = [
    0.34, 0.38, 0.42, 0.46, 0.50, 0.54, 0.58, 0.62, 0.66, 0.70, 0.74,
];
const CHROMA: [f64; 5] = [0.0, 0.06, 0.10, 0.14, 0.18];
const HUE_STEP: f64 = 15.0;

/// The first `n` series colours for a brand on `grounds`.
pub fn series(primary: Color, accent: Color, grounds: &[Color], n: usize) -> Vec<Color> {
    let key = (primary, accent, grounds.to_vec());
    let mut kept = CHOSEN.lock().unwrap_or_else(|e| e.into_inner());
    if let Some((_, colours)) = kept.iter().find(|(k, c)| *k == key && c.len() >= n) {
        return colours[..n].to_vec();
    }
    let colours = choose(primary, accent, grounds, n);
    kept.retain(|(k, _)| *k != key);
    if kept.len() == KEPT_PALETTES {
        kept.remove(0);
    }
    kept.push((key, colours.clone()));
    colours
}

/// Palettes already chosen, by brand colours and grounds: every chart of a report (and of
/// every report in a batch) asks for the same sequence, and choosing it is the chart
/// layout's main cost. The sequence does not depend on the count, so a longer one serves
/// every shorter request.
type Chosen = Vec<((Color, Color, Vec<Color>), Vec<Color>)>;
static CHOSEN: Mutex<Chosen> = Mutex::new(Vec::new());
/// A report has one brand; `folio watch` may see a new one on every save.
const KEPT_PALETTES: usize = 8;

/// [`series`], chosen afresh.
fn choose(primary: Color, accent: Color, grounds: &[Color], n: usize) -> Vec<Color> {
    let mut chosen: Vec<Color> = Vec::with_capacity(n);
    if n == 0 {
        return chosen;
    }
    chosen.push(reach(primary, grounds));
    let accent = reach(accent, grounds);
    if n > 1 && distance(accent, chosen[0]) >= SEED_DISTANCE {
        chosen.push(accent);
    }
    if chosen.len() >= n {
        return chosen;
    }
    let pool: Vec<(Color, Seen)> = candidates(grounds)
        .into_iter()
        .map(|c| (c, seen(c)))
        .collect();
    // Each candidate's distance to the nearest colour chosen so far, brought up to date
    // with each new choice rather than measured against all of them again.
    let mut nearest = vec![f64::MAX; pool.len()];
    let mut counted = 0;
    while chosen.len() < n {
        for s in &chosen[counted..] {
            let s = seen(*s);
            for ((_, c), d) in pool.iter().zip(&mut nearest) {
                *d = d.min(seen_distance(c, &s));
            }
        }
        counted = chosen.len();
        let best = pool
            .iter()
            .zip(&nearest)
            .filter(|((c, _), _)| !chosen.contains(c))
            .map(|((c, _), d)| (*c, *d))
            // The first of equals wins, so the choice is deterministic.
            .fold(None, |best: Option<(Color, f64)>, (c, d)| match best {
                Some((_, bd)) if bd >= d => best,
                _ => Some((c, d)),
            });
        match best {
            Some((c, _)) => chosen.push(c),
            // A ground so mid-toned that few colours reach 3:1: repeat rather than fail,
            // the labels still tell the series apart.
            None => chosen.push(chosen[chosen.len() % chosen.len().max(1)]),
        }
    }
    chosen
}

/// `c`, darkened (on light grounds) or lightened (on dark ones) in OKLab lightness until it
/// reaches [`GRAPHIC_CONTRAST`] against every ground; its hue and chroma are kept.
pub fn reach(c: Color, grounds: &[Color]) -> Color {
    let passes = |c: Color| grounds.iter().all(|g| c.contrast(*g) >= GRAPHIC_CONTRAST);
    if passes(c) {
        return c;
    }
    let light_grounds =
        grounds.iter().map(|g| g.luminance()).sum::<f64>() / grounds.len().max(1) as f64 > 0.18;
    let [l, a, b] = oklab(c);
    let step = if light_grounds { -0.01 } else { 0.01 };
    let mut l = l;
    for _ in 0..100 {
        l = (l + step).clamp(0.0, 1.0);
        let out = from_oklab([l, a, b]);
        if passes(out) {
            return out;
        }
    }
    if light_grounds {
        Color::BLACK
    } else {
        Color::WHITE
    }
}

/// The grid of candidate colours that reach 3:1 on every ground.
fn candidates(grounds: &[Color]) -> Vec<Color> {
    let mut out = Vec::new();
    for l in LIGHTNESS {
        for c in CHROMA {
            let hues = if c == 0.0 {
                1
            } else {
                (360.0 / HUE_STEP) as usize
            };
            for k in 0..hues {
                let h = (k as f64 * HUE_STEP).to_radians();
                let lab = [l, c * h.cos(), c * h.sin()];
                let Some(rgb) = in_gamut(lab) else { continue };
                if grounds.iter().all(|g| rgb.contrast(*g) >= GRAPHIC_CONTRAST)
                    && !out.contains(&rgb)
                {
                    out.push(rgb);
                }
            }
        }
    }
    out
}

/// How far apart two colours look to the reader who finds them closest: the least OKLab
/// distance (× 100) under normal vision and each simulated dichromacy.
pub fn distance(a: Color, b: Color) -> f64 {
    seen_distance(&seen(a), &seen(b))
}

/// A colour in OKLab as each kind of vision in [`VISIONS`] sees it.
type Seen = [[f64; 3]; 4];

fn seen(c: Color) -> Seen {
    VISIONS.map(|m| oklab_linear(simulate(&m, linear(c))))
}

fn seen_distance(a: &Seen, b: &Seen) -> f64 {
    a.iter()
        .zip(b)
        .map(|(x, y)| {
            100.0 * ((x[0] - y[0]).powi(2) + (x[1] - y[1]).powi(2) + (x[2] - y[2]).powi(2)).sqrt()
        })
        .fold(f64::MAX, f64::min)
}

type Matrix = [[f64; 3]; 3];

/// Normal vision, then Machado et al. (2009) at full severity, in linear sRGB.
const VISIONS: [Matrix; 4] = [
    [[1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0]],
    // Protanopia.
    [
        [0.152286, 1.052583, -0.204868],
        [0.114503, 0.786281, 0.099216],
        [-0.003882, -0.048116, 1.051998],
    ],
    // Deuteranopia.
    [
        [0.367322, 0.860646, -0.227968],
        [0.280085, 0.672501, 0.047413],
        [-0.011820, 0.042940, 0.968881],
    ],
    // Tritanopia.
    [
        [1.255528, -0.076749, -0.178779],
        [-0.078411, 0.930809, 0.147602],
        [0.004733, 0.691367, 0.303900],
    ],
];

fn simulate(m: &Matrix, c: [f64; 3]) -> [f64; 3] {
    let row = |r: &[f64; 3]| (r[0] * c[0] + r[1] * c[1] + r[2] * c[2]).clamp(0.0, 1.0);
    [row(&m[0]), row(&m[1]), row(&m[2])]
}

fn linear(c: Color) -> [f64; 3] {
    let f = |v: u8| {
        let v = v as f64 / 255.0;
        if v <= 0.04045 {
            v / 12.92
        } else {
            ((v + 0.055) / 1.055).powf(2.4)
        }
    };
    [f(c.r), f(c.g), f(c.b)]
}

fn encode(v: f64) -> f64 {
    if v <= 0.003_130_8 {
        v * 12.92
    } else {
        1.055 * v.powf(1.0 / 2.4) - 0.055
    }
}

/// OKLab of an sRGB colour.
pub fn oklab(c: Color) -> [f64; 3] {
    oklab_linear(linear(c))
}

fn oklab_linear([r, g, b]: [f64; 3]) -> [f64; 3] {
    let l = (0.412_221_470_8 * r + 0.536_332_536_3 * g + 0.051_445_992_9 * b).cbrt();
    let m = (0.211_903_498_2 * r + 0.680_699_545_1 * g + 0.107_396_956_6 * b).cbrt();
    let s = (0.088_302_461_9 * r + 0.281_718_837_6 * g + 0.629_978_700_5 * b).cbrt();
    [
        0.210_454_255_3 * l + 0.793_617_785 * m - 0.004_072_046_8 * s,
        1.977_998_495_1 * l - 2.428_592_205 * m + 0.450_593_709_9 * s,
        0.025_904_037_1 * l + 0.782_771_766_2 * m - 0.808_675_766 * s,
    ]
}

/// Linear sRGB of an OKLab colour (possibly out of gamut).
fn linear_of([l, a, b]: [f64; 3]) -> [f64; 3] {
    let l_ = (l + 0.396_337_777_4 * a + 0.215_803_757_3 * b).powi(3);
    let m_ = (l - 0.105_561_345_8 * a - 0.063_854_172_8 * b).powi(3);
    let s_ = (l - 0.089_484_177_5 * a - 1.291_485_548 * b).powi(3);
    [
        4.076_741_662_1 * l_ - 3.307_711_591_3 * m_ + 0.230_969_929_2 * s_,
        -1.268_438_004_6 * l_ + 2.609_757_401_1 * m_ - 0.341_319_396_5 * s_,
        -0.004_196_086_3 * l_ - 0.703_418_614_7 * m_ + 1.707_612_701 * s_,
    ]
}

fn to_color(lin: [f64; 3]) -> Color {
    let q = |v: f64| (encode(v.clamp(0.0, 1.0)) * 255.0).round() as u8;
    Color::rgb(q(lin[0]), q(lin[1]), q(lin[2]))
}

/// The sRGB colour of an OKLab colour, clipped into gamut.
pub fn from_oklab(lab: [f64; 3]) -> Color {
    to_color(linear_of(lab))
}

/// The sRGB colour of an OKLab colour, if it lies in gamut.
fn in_gamut(lab: [f64; 3]) -> Option<Color> {
    let lin = linear_of(lab);
    lin.iter()
        .all(|v| (-1e-4..=1.0 + 1e-4).contains(v))
        .then(|| to_color(lin))
}

#[cfg(test)]
mod tests {
    use super::*;

    const NHS_BLUE: Color = Color::rgb(0x00, 0x5E, 0xB8);
    const NHS_LIGHT: Color = Color::rgb(0x41, 0xB6, 0xE6);
    const TINT: Color = Color::rgb(0xE8, 0xED, 0xEE);

    #[test]
    fn oklab_round_trips() {
        for c in [NHS_BLUE, NHS_LIGHT, Color::rgb(200, 30, 90), Color::WHITE] {
            assert_eq!(from_oklab(oklab(c)), c);
        }
    }

    #[test]
    fn the_sequence_starts_with_the_brand_and_does_not_depend_on_the_count() {
        let grounds = [Color::WHITE, TINT];
        let eight = series(NHS_BLUE, NHS_LIGHT, &grounds, 8);
        assert_eq!(eight[0], NHS_BLUE);
        for n in 1..8 {
            // Chosen afresh, not served from the longer sequence already kept.
            assert_eq!(choose(NHS_BLUE, NHS_LIGHT, &grounds, n), eight[..n]);
            assert_eq!(series(NHS_BLUE, NHS_LIGHT, &grounds, n), eight[..n]);
        }
        assert_eq!(series(NHS_BLUE, NHS_LIGHT, &grounds, 12)[..8], eight);
    }

    #[test]
    fn every_colour_reaches_3_to_1_and_every_pair_stays_apart_for_every_reader() {
        for (primary, accent, grounds) in [
            (NHS_BLUE, NHS_LIGHT, vec![Color::WHITE, TINT]),
            (
                Color::rgb(0x6A, 0x1B, 0x9A),
                Color::rgb(0xFF, 0xC1, 0x07),
                vec![Color::WHITE],
            ),
            (
                Color::rgb(0x7F, 0xDB, 0xFF),
                Color::rgb(0xFF, 0x85, 0x1B),
                vec![Color::rgb(0x11, 0x11, 0x11)],
            ),
        ] {
            let s = series(primary, accent, &grounds, 8);
            for c in &s {
                for g in &grounds {
                    assert!(c.contrast(*g) >= GRAPHIC_CONTRAST, "{c} on {g}");
                }
            }
            for i in 0..s.len() {
                for j in 0..i {
                    assert!(
                        distance(s[i], s[j]) >= 8.0,
                        "{} {}: {:.1}",
                        s[i],
                        s[j],
                        distance(s[i], s[j])
                    );
                }
            }
        }
    }
}
