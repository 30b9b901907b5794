//! Contrast: the one rule for text on a background, shared by every stage that chooses or
//! checks a colour (the model's preflight, layout's choices, the web edition's schemes).
//!
//! In: a text colour, the colour it is set on, and how large the text is. Out: whether the
//! pair reads at WCAG 2.2 AA (success criterion 1.4.3: 4.5:1, or 3:1 for large text), the
//! nearest shade of a colour that does, and — when a pair falls short — advice that names
//! the right direction: a text colour lighter than its ground must get lighter still (or
//! the ground darker), a darker one darker still (or the ground lighter).

use crate::geom::Color;

/// WCAG 2.2 AA (1.4.3): text.
pub const AA_TEXT: f64 = 4.5;
/// WCAG 2.2 AA (1.4.3): large text — 18 pt, or 14 pt bold.
pub const AA_LARGE: f64 = 3.0;
/// WCAG 2.2 AA (1.4.11): graphics a reader needs to see (a bar, a marker).
pub const AA_GRAPHIC: f64 = 3.0;
/// Large text, as WCAG defines it: 18 pt, or 14 pt bold. A PDF point is the CSS point
/// WCAG means (1/72 inch).
const LARGE_PT: f64 = 18.0;
const LARGE_BOLD_PT: f64 = 14.0;
/// How finely a colour is moved towards black or white while it lacks contrast: fine
/// enough that the shade found is the nearest one to a person's eye.
const STEP: f64 = 0.005;

/// The ratio text of `size_pt` (bold or not) needs against its ground.
pub fn need(size_pt: f64, bold: bool) -> f64 {
    let large = size_pt >= LARGE_PT || (bold && size_pt >= LARGE_BOLD_PT);
    if large { AA_LARGE } else { AA_TEXT }
}

/// Whether `fg` on `bg` reaches `ratio`.
pub fn reads(fg: Color, bg: Color, ratio: f64) -> bool {
    fg.contrast(bg) >= ratio
}

/// Which way a colour moves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Darken,
    Lighten,
}

impl Direction {
    fn target(self) -> Color {
        match self {
            Direction::Darken => Color::BLACK,
            Direction::Lighten => Color::WHITE,
        }
    }

    fn verb(self) -> &'static str {
        match self {
            Direction::Darken => "darken",
            Direction::Lighten => "lighten",
        }
    }
}

/// The nearest shade of `c`, moved in `dir`, that reaches `ratio` on every colour of `on`;
/// `None` when even black (or white) does not.
pub fn shade(c: Color, on: &[Color], ratio: f64, dir: Direction) -> Option<Color> {
    let passes = |c: Color| on.iter().all(|b| reads(c, *b, ratio));
    let mut t = 0.0;
    loop {
        let out = mix(c, dir.target(), t);
        if passes(out) {
            return Some(out);
        }
        if t >= 1.0 {
            return None;
        }
        t = (t + STEP).min(1.0);
    }
}

/// `c` if it reaches `ratio` on every colour of `on`; otherwise its nearest shade that does
/// (darker or lighter, whichever is closer to `c`); otherwise black or white, whichever
/// contrasts more.
pub fn ensure(c: Color, on: &[Color], ratio: f64) -> Color {
    let dark = shade(c, on, ratio, Direction::Darken);
    let light = shade(c, on, ratio, Direction::Lighten);
    match (dark, light) {
        (Some(d), Some(l)) if distance(c, l) < distance(c, d) => l,
        (Some(d), _) => d,
        (None, Some(l)) => l,
        (None, None) => {
            let worst = |x: Color| {
                on.iter()
                    .map(|b| x.contrast(*b))
                    .fold(f64::INFINITY, f64::min)
            };
            if worst(Color::BLACK) >= worst(Color::WHITE) {
                Color::BLACK
            } else {
                Color::WHITE
            }
        }
    }
}

/// `a` with a share `t` of `b`, channel by channel in sRGB.
pub fn mix(a: Color, b: Color, t: f64) -> Color {
    let m = |x: u8, y: u8| (x as f64 + (y as f64 - x as f64) * t).round() as u8;
    Color::rgb(m(a.r, b.r), m(a.g, b.g), m(a.b, b.b))
}

/// How far apart two colours look, roughly: the distance in sRGB.
fn distance(a: Color, b: Color) -> f64 {
    let d = |x: u8, y: u8| (x as f64 - y as f64).powi(2);
    d(a.r, b.r) + d(a.g, b.g) + d(a.b, b.b)
}

/// A pair below the ratio it needs.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Shortfall {
    pub fg: Color,
    pub bg: Color,
    pub ratio: f64,
    pub need: f64,
}

/// Whether `fg` on `bg` reaches `need`, and by how much it falls short if not.
pub fn check(fg: Color, bg: Color, need: f64) -> Result<(), Shortfall> {
    let ratio = fg.contrast(bg);
    if ratio >= need {
        Ok(())
    } else {
        Err(Shortfall {
            fg,
            bg,
            ratio,
            need,
        })
    }
}

impl Shortfall {
    /// Which way the text colour must move: away from its ground.
    pub fn direction(&self) -> Direction {
        if self.fg.luminance() > self.bg.luminance() {
            Direction::Lighten
        } else {
            Direction::Darken
        }
    }

    /// How to fix the pair, naming the roles: the text colour moved away from its ground,
    /// or the ground away from the text, each with the nearest colour that reaches the
    /// ratio. A move that cannot reach it (white cannot get lighter) is not offered.
    pub fn advice(&self, fg_role: &str, bg_role: &str) -> String {
        let fg_dir = self.direction();
        let bg_dir = match fg_dir {
            Direction::Lighten => Direction::Darken,
            Direction::Darken => Direction::Lighten,
        };
        let mut ways = Vec::new();
        if let Some(c) = shade(self.fg, &[self.bg], self.need, fg_dir).filter(|c| *c != self.fg) {
            ways.push(format!("{} `{fg_role}` to {c} or beyond", fg_dir.verb()));
        }
        if let Some(c) = shade(self.bg, &[self.fg], self.need, bg_dir).filter(|c| *c != self.bg) {
            ways.push(format!("{} `{bg_role}` to {c} or beyond", bg_dir.verb()));
        }
        let ratio = trim(self.need);
        match ways.as_slice() {
            [] => {
                format!("choose colours further apart: `{fg_role}` on `{bg_role}` needs {ratio}:1")
            }
            [one] => format!("{one}: that reaches {ratio}:1"),
            [a, b] => format!("{a}, or {b}: either reaches {ratio}:1"),
            _ => unreachable!("invariant: at most two ways are offered"),
        }
    }
}

/// A ratio as people write it: "4.5", "3".
pub fn trim(ratio: f64) -> String {
    let s = format!("{ratio:.1}");
    s.strip_suffix(".0").map_or(s.clone(), str::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;

    const NHS_BLUE: Color = Color::rgb(0x00, 0x5E, 0xB8);
    const LIGHT_BLUE: Color = Color::rgb(0x41, 0xB6, 0xE6);

    #[test]
    fn large_text_is_18_pt_or_14_pt_bold() {
        assert_eq!(need(18.0, false), AA_LARGE);
        assert_eq!(need(17.9, false), AA_TEXT);
        assert_eq!(need(14.0, true), AA_LARGE);
        assert_eq!(need(13.9, true), AA_TEXT);
    }

    #[test]
    fn white_on_a_light_field_is_told_to_darken_the_field_not_to_lighten_it() {
        let s = check(Color::WHITE, LIGHT_BLUE, AA_TEXT).unwrap_err();
        assert_eq!(s.direction(), Direction::Lighten);
        let advice = s.advice("paper", "primary");
        assert!(advice.starts_with("darken `primary` to #"), "{advice}");
        assert!(!advice.contains("lighten `paper`"), "{advice}");
        assert!(!advice.contains("lighten `primary`"), "{advice}");
    }

    #[test]
    fn dark_text_on_a_dark_ground_is_told_to_lighten_the_ground_or_darken_the_text() {
        let grey = Color::rgb(0x99, 0x99, 0x99);
        let s = check(Color::rgb(0x59, 0x59, 0x59), grey, AA_TEXT).unwrap_err();
        let advice = s.advice("text", "tint");
        assert!(advice.starts_with("darken `text` to #"), "{advice}");
        assert!(advice.contains("lighten `tint` to #"), "{advice}");
    }

    #[test]
    fn the_shade_offered_is_the_nearest_that_reaches_the_ratio() {
        let fixed = ensure(LIGHT_BLUE, &[Color::WHITE], AA_TEXT);
        assert!(reads(fixed, Color::WHITE, AA_TEXT));
        // One step less would not do.
        let back = mix(LIGHT_BLUE, Color::BLACK, 0.0);
        assert!(!reads(back, Color::WHITE, AA_TEXT));
        assert_eq!(ensure(NHS_BLUE, &[Color::WHITE], AA_TEXT), NHS_BLUE);
    }

    #[test]
    fn a_colour_no_shade_of_which_reads_on_both_grounds_becomes_black_or_white() {
        // Two mid greys: black falls short on the darker, white on the lighter.
        let grounds = [Color::rgb(0x70, 0x70, 0x70), Color::rgb(0x7D, 0x7D, 0x7D)];
        let c = ensure(NHS_BLUE, &grounds, AA_TEXT);
        assert!(c == Color::BLACK || c == Color::WHITE);
    }

    #[test]
    fn white_text_that_cannot_get_lighter_is_offered_only_a_darker_ground() {
        let s = check(Color::WHITE, LIGHT_BLUE, AA_TEXT).unwrap_err();
        assert_eq!(
            s.advice("paper", "primary").matches(" or beyond").count(),
            1
        );
    }
}
