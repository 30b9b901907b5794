//! Lengths, points, sizes, colours and print inks shared by every stage.
//!
//! `Abs` is a length in PostScript points (1/72 inch). Lengths stay `Abs` through layout
//! and become plain floats only at the PDF boundary. The origin is the top-left corner of
//! the page and y grows downwards, as in krilla.

use std::fmt;
use std::ops::{Add, AddAssign, Div, Mul, Neg, Sub, SubAssign};

/// Points in one millimetre.
pub const PT_PER_MM: f64 = 72.0 / 25.4;

/// An absolute length in points.
#[derive(Debug, Clone, Copy, Default, PartialEq, PartialOrd)]
pub struct Abs(pub f64);

impl Abs {
    pub const ZERO: Abs = Abs(0.0);

    pub fn pt(v: f64) -> Self {
        Abs(v)
    }

    pub fn mm(v: f64) -> Self {
        Abs(v * PT_PER_MM)
    }

    pub fn to_pt(self) -> f64 {
        self.0
    }

    pub fn to_mm(self) -> f64 {
        self.0 / PT_PER_MM
    }

    pub fn max(self, other: Abs) -> Abs {
        Abs(self.0.max(other.0))
    }

    pub fn min(self, other: Abs) -> Abs {
        Abs(self.0.min(other.0))
    }
}

impl fmt::Display for Abs {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:.2}", self.0)
    }
}

impl Add for Abs {
    type Output = Abs;
    fn add(self, o: Abs) -> Abs {
        Abs(self.0 + o.0)
    }
}

impl Sub for Abs {
    type Output = Abs;
    fn sub(self, o: Abs) -> Abs {
        Abs(self.0 - o.0)
    }
}

impl AddAssign for Abs {
    fn add_assign(&mut self, o: Abs) {
        self.0 += o.0
    }
}

impl SubAssign for Abs {
    fn sub_assign(&mut self, o: Abs) {
        self.0 -= o.0
    }
}

impl Mul<f64> for Abs {
    type Output = Abs;
    fn mul(self, k: f64) -> Abs {
        Abs(self.0 * k)
    }
}

impl Div<f64> for Abs {
    type Output = Abs;
    fn div(self, k: f64) -> Abs {
        Abs(self.0 / k)
    }
}

impl Neg for Abs {
    type Output = Abs;
    fn neg(self) -> Abs {
        Abs(-self.0)
    }
}

/// A point on the page, from its top-left corner.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Point {
    pub x: Abs,
    pub y: Abs,
}

impl Point {
    pub fn new(x: Abs, y: Abs) -> Self {
        Self { x, y }
    }
}

impl Add for Point {
    type Output = Point;
    fn add(self, o: Point) -> Point {
        Point::new(self.x + o.x, self.y + o.y)
    }
}

/// A width and a height.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Size {
    pub w: Abs,
    pub h: Abs,
}

impl Size {
    pub fn new(w: Abs, h: Abs) -> Self {
        Self { w, h }
    }
}

/// A rectangle: top-left corner and size.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Rect {
    pub origin: Point,
    pub size: Size,
}

impl Rect {
    pub fn new(x: Abs, y: Abs, w: Abs, h: Abs) -> Self {
        Self {
            origin: Point::new(x, y),
            size: Size::new(w, h),
        }
    }

    pub fn right(&self) -> Abs {
        self.origin.x + self.size.w
    }

    pub fn bottom(&self) -> Abs {
        self.origin.y + self.size.h
    }

    /// Whether `self` lies within `outer`, allowing a rounding tolerance.
    pub fn within(&self, outer: &Rect) -> bool {
        const EPS: f64 = 0.01;
        self.origin.x.0 >= outer.origin.x.0 - EPS
            && self.origin.y.0 >= outer.origin.y.0 - EPS
            && self.right().0 <= outer.right().0 + EPS
            && self.bottom().0 <= outer.bottom().0 + EPS
    }

    /// Whether the two rectangles share some area (touching edges do not count).
    pub fn overlaps(&self, other: &Rect) -> bool {
        const EPS: f64 = 0.01;
        self.origin.x.0 < other.right().0 - EPS
            && other.origin.x.0 < self.right().0 - EPS
            && self.origin.y.0 < other.bottom().0 - EPS
            && other.origin.y.0 < self.bottom().0 - EPS
    }
}

/// An sRGB colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Color {
    pub r: u8,
    pub g: u8,
    pub b: u8,
}

impl Color {
    pub const WHITE: Color = Color::rgb(255, 255, 255);
    pub const BLACK: Color = Color::rgb(0, 0, 0);

    pub const fn rgb(r: u8, g: u8, b: u8) -> Self {
        Self { r, g, b }
    }

    /// Parses `#RRGGBB` or `#RGB`.
    pub fn parse_hex(s: &str) -> Option<Color> {
        let hex = s.strip_prefix('#')?;
        if !hex.chars().all(|c| c.is_ascii_hexdigit()) {
            return None;
        }
        let v = |i: usize, n: usize| u8::from_str_radix(&hex[i..i + n], 16).ok();
        match hex.len() {
            6 => Some(Color::rgb(v(0, 2)?, v(2, 2)?, v(4, 2)?)),
            3 => {
                let d = |i: usize| v(i, 1).map(|x| x * 17);
                Some(Color::rgb(d(0)?, d(1)?, d(2)?))
            }
            _ => None,
        }
    }

    /// WCAG 2 relative luminance.
    pub fn luminance(self) -> f64 {
        // The linear value of each of the 256 channel values, worked out once: a cover
        // photograph's tones ask for the luminance of every one of its pixels, and the power
        // was a third of such a build.
        static LINEAR: std::sync::LazyLock<[f64; 256]> = std::sync::LazyLock::new(|| {
            std::array::from_fn(|c| {
                let c = c as f64 / 255.0;
                if c <= 0.04045 {
                    c / 12.92
                } else {
                    ((c + 0.055) / 1.055).powf(2.4)
                }
            })
        });
        let lin = |c: u8| LINEAR[usize::from(c)];
        0.2126 * lin(self.r) + 0.7152 * lin(self.g) + 0.0722 * lin(self.b)
    }

    /// WCAG 2 contrast ratio between two colours (1 to 21).
    pub fn contrast(self, other: Color) -> f64 {
        let (a, b) = (self.luminance(), other.luminance());
        (a.max(b) + 0.05) / (a.min(b) + 0.05)
    }
}

impl fmt::Display for Color {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "#{:02X}{:02X}{:02X}", self.r, self.g, self.b)
    }
}

/// A print colour: CMYK from 0 to 1, and a spot (Separation) name if it is a spot colour.
#[derive(Debug, Clone, PartialEq)]
pub struct Ink {
    pub cmyk: [f64; 4],
    pub spot: Option<String>,
}

/// The printing condition a PDF/X output intent names for its CMYK profile.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PrintCondition {
    /// A name from the ICC's registry of characterised conditions, or `Custom`.
    pub identifier: String,
    /// What the condition is, in words.
    pub condition: String,
    /// The registry `identifier` comes from; empty for `Custom`.
    pub registry: String,
    /// The profile's own description.
    pub info: String,
}
