//! The brand → one stylesheet: colour schemes, fonts, type scale, spacing, print.
//!
//! In: the palette, the fonts and the text settings of the report. Out: `style.css`.
//!
//! Colours come in two schemes, light (the brand as given) and dark (derived from it), and
//! the reader's `prefers-color-scheme` picks one. Every colour that text is set in is
//! checked against every background it is set on by folio's one contrast rule
//! (`crate::contrast`), and moved to its nearest shade that reaches WCAG 2.2 AA (4.5:1);
//! bars and rules reach 3:1 (WCAG 1.4.11). The light scheme's text colours are the PDF's
//! (`model::Readable`), so the two editions agree, and what had to move is said once, by
//! the build's preflight; the dark scheme is derived, so nothing in it is the brand's to
//! fix.
//!
//! Lengths are in `rem` and `em`, so the page follows the reader's own text size and zoom;
//! the layout is one column that widens to a comfortable measure, so nothing scrolls
//! sideways at 320 CSS pixels (WCAG 1.4.10).

use super::assets::Fonts;
pub use crate::contrast::{ensure, mix};
use crate::geom::Color;
use crate::model::{Palette, Readable, Report};
use std::fmt::Write;

/// WCAG 2.2 AA for text (1.4.3).
const TEXT_CONTRAST: f64 = 4.5;
/// WCAG 2.2 AA for graphics and focus rings (1.4.11).
const GRAPHIC_CONTRAST: f64 = 3.0;
/// A dark scheme's page is at most this luminance: dark enough that light text on it reads
/// well above 7:1, as dark-mode guidance advises, without being pure black.
const DARK_PAGE_LUMINANCE: f64 = 0.012;
/// How much of the primary colour tints a dark scheme's card backgrounds.
const DARK_TINT_SHARE: f64 = 0.16;
/// How far a dark scheme's cover field is deepened from the brand colour towards the page.
const DARK_FIELD_SHARE: f64 = 0.45;
/// The step by which a dark page is deepened from the brand's text colour.
const MIX_STEP: f64 = 0.02;
/// The PDF's body size that `1rem` stands for: a report set larger (large print) gets
/// larger web text too, up to `MAX_BODY_REM`.
const PDF_BODY_PT: f64 = 10.5;
const MAX_BODY_REM: f64 = 1.5;

/// How many series colours the stylesheet defines (`--series-1` …); a chart with more
/// series repeats them, its legend order still telling them apart.
pub const SERIES: usize = 8;

/// The series colours of a scheme.
fn series(primary: Color, accent: Color, paper: Color, tint: Color) -> [Color; SERIES] {
    let s = crate::model::chart::palette::series(primary, accent, &[paper, tint], SERIES);
    std::array::from_fn(|i| s[i])
}

/// The colours of one scheme, by what they are used for.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Scheme {
    pub paper: Color,
    pub text: Color,
    pub muted: Color,
    /// Headings, figures, links, bars.
    pub primary: Color,
    /// Rules only, never text.
    pub accent: Color,
    /// Card, box and track backgrounds.
    pub tint: Color,
    /// The cover's colour field and the text on it.
    pub field: Color,
    pub on_field: Color,
    /// Chart series, each 3:1 against the page and the tint, distinct for dichromats: the
    /// same derivation from the brand as the PDF's (`model::chart::palette`).
    pub series: [Color; SERIES],
    /// What the logo is shown on: the light page in both schemes, since a logo is drawn
    /// for the paper it was designed on.
    pub logo_ground: Color,
}

/// Both schemes.
pub struct Theme {
    pub light: Scheme,
    pub dark: Scheme,
}

impl Theme {
    /// Derives both schemes from the brand palette.
    pub fn new(p: &Palette) -> Theme {
        let light = light(p);
        let dark = dark(p, &light);
        Theme { light, dark }
    }
}

fn light(p: &Palette) -> Scheme {
    // The PDF's readable colours: the brand where it reads, its nearest shade where not.
    let r = Readable::new(p);
    Scheme {
        paper: p.paper,
        text: r.text,
        muted: r.muted,
        primary: r.primary,
        accent: p.accent,
        tint: p.tint,
        field: p.primary,
        on_field: r.on_field,
        series: series(r.primary, p.accent, p.paper, p.tint),
        logo_ground: p.paper,
    }
}

fn dark(p: &Palette, light: &Scheme) -> Scheme {
    // The brand's text colour, darkened, is the page: a dark scheme that is still the brand's.
    let mut paper = p.text;
    while paper.luminance() > DARK_PAGE_LUMINANCE {
        paper = mix(paper, Color::BLACK, MIX_STEP * 2.0);
    }
    let text = ensure(mix(p.paper, Color::WHITE, 0.5), &[paper], 7.0);
    let tint = mix(paper, p.primary, DARK_TINT_SHARE);
    let on = [paper, tint];
    let primary = ensure(p.primary, &on, TEXT_CONTRAST);
    let muted = ensure(mix(p.muted, text, 0.4), &on, TEXT_CONTRAST);
    let accent = ensure(p.accent, &[paper], GRAPHIC_CONTRAST);
    // The cover keeps a field of the brand colour, deepened towards the page so it does not
    // glare in a dark room, with light text on it.
    let field = ensure(
        mix(light.field, paper, DARK_FIELD_SHARE),
        &[text],
        TEXT_CONTRAST,
    );
    Scheme {
        paper,
        text,
        muted,
        primary,
        accent,
        tint,
        field,
        on_field: text,
        series: series(primary, accent, paper, tint),
        logo_ground: light.paper,
    }
}

/// A CSS string literal: quotes and backslashes escaped, control characters dropped, so
/// a font's name cannot end the string or the rule.
pub fn css_string(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            '<' => out.push_str("\\3c "),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The system fonts a page falls back to, and uses when the report's fonts are not sent.
const SYSTEM_STACK: &str = "system-ui, -apple-system, \"Segoe UI\", Roboto, \"Helvetica Neue\", \
     \"Liberation Sans\", Arial, sans-serif";

/// The stylesheet.
pub fn stylesheet(report: &Report, theme: &Theme, fonts: &Fonts) -> String {
    let mut css = String::new();
    css.push_str("/* The web edition's stylesheet, made by folio from report.toml's brand. */\n");
    css.push_str(&fonts.css);
    let family = |name: &Option<String>| match name {
        Some(n) => format!("{}, {SYSTEM_STACK}", css_string(n)),
        None => SYSTEM_STACK.to_string(),
    };
    let body_rem = (report.text.size.to_pt() / PDF_BODY_PT).clamp(1.0, MAX_BODY_REM);
    let _ = writeln!(
        css,
        ":root {{\n  color-scheme: light dark;\n  --font-body: {};\n  --font-heading: {};\n  --body-size: {body_rem:.3}rem;\n{}}}",
        family(&fonts.body_family),
        family(&fonts.heading_family),
        vars(&theme.light)
    );
    let _ = writeln!(
        css,
        "@media (prefers-color-scheme: dark) {{\n  :root {{\n{}  }}\n}}",
        vars(&theme.dark)
            .lines()
            .map(|l| format!("  {l}\n"))
            .collect::<String>()
    );
    css.push_str(LAYOUT);
    css.push_str(&super::components::share_css(report));
    let p = &report.page;
    let _ = write!(
        css,
        "@media print {{\n  @page {{ size: {:.1}mm {:.1}mm; margin: {:.1}mm {:.1}mm {:.1}mm {:.1}mm; }}\n  :root {{\n{}  }}\n{PRINT}}}\n",
        p.size.w.to_mm(),
        p.size.h.to_mm(),
        p.top.to_mm(),
        p.right.to_mm(),
        p.bottom.to_mm(),
        p.left.to_mm(),
        vars(&theme.light)
            .lines()
            .map(|l| format!("  {l}\n"))
            .collect::<String>()
    );
    css
}

/// A scheme as custom properties.
fn vars(s: &Scheme) -> String {
    format!(
        "  --paper: {};\n  --text: {};\n  --muted: {};\n  --primary: {};\n  --accent: {};\n  --tint: {};\n  --field: {};\n  --on-field: {};\n{}  --logo-ground: {};\n",
        s.paper,
        s.text,
        s.muted,
        s.primary,
        s.accent,
        s.tint,
        s.field,
        s.on_field,
        s.series
            .iter()
            .enumerate()
            .map(|(i, c)| format!("  --series-{}: {c};\n", i + 1))
            .collect::<String>(),
        s.logo_ground
    )
}

/// The layout: one column, a comfortable measure, spacing on a scale of the line height.
const LAYOUT: &str = include_str!("layout.css");

/// Print: the light scheme, black-on-white where it matters, nothing that needs a screen.
const PRINT: &str = include_str!("print.css");

#[cfg(test)]
mod tests {
    use super::*;

    fn nhs() -> Palette {
        Palette {
            primary: Color::rgb(0x00, 0x5E, 0xB8),
            accent: Color::rgb(0x41, 0xB6, 0xE6),
            text: Color::rgb(0x21, 0x2B, 0x32),
            muted: Color::rgb(0x4C, 0x62, 0x72),
            tint: Color::rgb(0xE8, 0xED, 0xEE),
            paper: Color::WHITE,
        }
    }

    fn assert_readable(s: &Scheme) {
        for (name, fg) in [("text", s.text), ("muted", s.muted), ("primary", s.primary)] {
            for bg in [s.paper, s.tint] {
                assert!(
                    fg.contrast(bg) >= TEXT_CONTRAST,
                    "{name} {fg} on {bg}: {:.2}",
                    fg.contrast(bg)
                );
            }
        }
        assert!(s.on_field.contrast(s.field) >= TEXT_CONTRAST);
        for c in s.series {
            assert!(c.contrast(s.paper) >= GRAPHIC_CONTRAST);
        }
    }

    #[test]
    fn both_schemes_of_the_nhs_palette_meet_aa() {
        let t = Theme::new(&nhs());
        assert_readable(&t.light);
        assert_readable(&t.dark);
        // The brand is kept where it already reads.
        assert_eq!(t.light.primary, nhs().primary);
    }

    #[test]
    fn a_light_primary_is_darkened_for_text_as_in_the_pdf() {
        let mut p = nhs();
        p.primary = Color::rgb(0x41, 0xB6, 0xE6);
        let t = Theme::new(&p);
        assert_readable(&t.light);
        assert_readable(&t.dark);
        assert_ne!(t.light.primary, p.primary);
        let pdf = Readable::new(&p);
        assert_eq!(
            (t.light.primary, t.light.on_field),
            (pdf.primary, pdf.on_field)
        );
    }

    #[test]
    fn a_dark_page_colour_and_pale_text_still_give_readable_schemes() {
        let p = Palette {
            primary: Color::rgb(0xFF, 0xD7, 0x00),
            accent: Color::rgb(0xFF, 0xFF, 0x00),
            text: Color::rgb(0xEE, 0xEE, 0xEE),
            muted: Color::rgb(0xCC, 0xCC, 0xCC),
            tint: Color::rgb(0x33, 0x33, 0x33),
            paper: Color::rgb(0x11, 0x11, 0x11),
        };
        let t = Theme::new(&p);
        assert_readable(&t.light);
        assert_readable(&t.dark);
    }

    #[test]
    fn font_names_cannot_break_out_of_their_string() {
        assert_eq!(css_string("A\"}body{x"), "\"A\\\"}body{x\"");
        assert_eq!(css_string("a\\b\n</style>"), "\"a\\\\b\\3c /style>\"");
    }
}
