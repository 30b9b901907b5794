//! The brand → one stylesheet: colour schemes, fonts, type scale, spacing, print.
//!
//! In: the palette, the fonts and the text settings of the report. Out: `style.css`.
//!
//! Colours come in two schemes, light (the brand as given) and dark (derived from it), and
//! the reader's `prefers-color-scheme` picks one. Every colour that text is set in is
//! checked against every background it is set on, and moved towards black or white until
//! it reaches WCAG 2.2 AA (4.5:1); bars and rules reach 3:1 (WCAG 1.4.11). A brand colour
//! that had to move is said in a note, with the value used.
//!
//! Lengths are in `rem` and `em`, so the page follows the reader's own text size and zoom;
//! the layout is one column that widens to a comfortable measure, so nothing scrolls
//! sideways at 320 CSS pixels (WCAG 1.4.10).

use super::assets::Fonts;
use crate::geom::Color;
use crate::model::{Palette, Report};
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
/// The step by which a colour moves towards black or white while it lacks contrast.
const MIX_STEP: f64 = 0.02;
/// The PDF's body size that `1rem` stands for: a report set larger (large print) gets
/// larger web text too, up to `MAX_BODY_REM`.
const PDF_BODY_PT: f64 = 10.5;
const MAX_BODY_REM: f64 = 1.5;

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
    /// Chart series, each 3:1 against the page and the tint.
    pub series: [Color; 3],
    /// What the logo is shown on: the light page in both schemes, since a logo is drawn
    /// for the paper it was designed on.
    pub logo_ground: Color,
}

/// Both schemes, and what had to change to make them readable.
pub struct Theme {
    pub light: Scheme,
    pub dark: Scheme,
    pub notes: Vec<String>,
}

impl Theme {
    /// Derives both schemes from the brand palette.
    pub fn new(p: &Palette) -> Theme {
        let mut notes = Vec::new();
        let light = light(p, &mut notes);
        let dark = dark(p, &light);
        Theme { light, dark, notes }
    }
}

fn light(p: &Palette, notes: &mut Vec<String>) -> Scheme {
    let paper = p.paper;
    let tint = p.tint;
    let mut fix = |role: &str, c: Color, on: &[Color], ratio: f64| {
        let fixed = ensure(c, on, ratio);
        if fixed != c {
            notes.push(format!(
                "web edition: `{role}` {c} is set as {fixed} so that text in it reaches {ratio}:1 on {}",
                on.iter().map(|c| c.to_string()).collect::<Vec<_>>().join(" and ")
            ));
        }
        fixed
    };
    let text = fix("text", p.text, &[paper, tint], TEXT_CONTRAST);
    let muted = fix("muted", p.muted, &[paper, tint], TEXT_CONTRAST);
    let primary = fix("primary", p.primary, &[paper, tint], TEXT_CONTRAST);
    // White (paper) text on the primary field: the fixed primary already reaches 4.5:1 on
    // paper, and contrast is symmetric.
    Scheme {
        paper,
        text,
        muted,
        primary,
        accent: p.accent,
        tint,
        field: primary,
        on_field: paper,
        series: [primary, muted, text],
        logo_ground: paper,
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
        series: [
            primary,
            ensure(light.series[1], &on, GRAPHIC_CONTRAST.max(TEXT_CONTRAST)),
            text,
        ],
        logo_ground: light.paper,
    }
}

/// `c`, moved towards black (on light backgrounds) or white (on dark ones) until it
/// reaches `ratio` against each of `on`.
pub fn ensure(c: Color, on: &[Color], ratio: f64) -> Color {
    let passes = |c: Color| on.iter().all(|b| c.contrast(*b) >= ratio);
    let light_ground = on.iter().map(|b| b.luminance()).sum::<f64>() / on.len().max(1) as f64
        > Color::rgb(0x76, 0x76, 0x76).luminance();
    let target = if light_ground {
        Color::BLACK
    } else {
        Color::WHITE
    };
    let mut out = c;
    let mut t = 0.0;
    while !passes(out) && t < 1.0 {
        t += MIX_STEP;
        out = mix(c, target, t.min(1.0));
    }
    out
}

/// `a` with a share `t` of `b`, channel by channel in sRGB.
pub fn mix(a: Color, b: Color, t: f64) -> Color {
    let m = |x: u8, y: u8| (x as f64 + (y as f64 - x as f64) * t).round() as u8;
    Color::rgb(m(a.r, b.r), m(a.g, b.g), m(a.b, b.b))
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
        "  --paper: {};\n  --text: {};\n  --muted: {};\n  --primary: {};\n  --accent: {};\n  --tint: {};\n  --field: {};\n  --on-field: {};\n  --series-1: {};\n  --series-2: {};\n  --series-3: {};\n  --logo-ground: {};\n",
        s.paper,
        s.text,
        s.muted,
        s.primary,
        s.accent,
        s.tint,
        s.field,
        s.on_field,
        s.series[0],
        s.series[1],
        s.series[2],
        s.logo_ground
    )
}

/// The layout: one column, a comfortable measure, spacing on a scale of the line height.
const LAYOUT: &str = r#"*, *::before, *::after { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body {
  margin: 0;
  background: var(--paper);
  color: var(--text);
  font-family: var(--font-body);
  font-size: var(--body-size);
  line-height: 1.5;
  overflow-wrap: break-word;
}
h1, h2, h3, h4, h5, h6 {
  font-family: var(--font-heading);
  line-height: 1.2;
  margin: 1.5em 0 0.5em;
  overflow-wrap: anywhere;
  hyphens: auto;
}
h2 { color: var(--primary); font-size: 1.75rem; margin-top: 2.5rem; }
h2::before {
  content: "";
  display: block;
  width: 2.25rem;
  height: 0.25rem;
  margin-bottom: 0.75rem;
  background: var(--accent);
}
h3 { font-size: 1.25rem; }
h4, h5, h6 { font-size: 1.05rem; }
p, ul, ol, dl, figure, table { margin: 0 0 1rem; }
a { color: var(--primary); text-decoration-thickness: 0.08em; text-underline-offset: 0.15em; }
a:focus-visible, [tabindex]:focus-visible, summary:focus-visible {
  outline: 3px solid var(--text);
  outline-offset: 2px;
}
img, svg { max-width: 100%; }
img { height: auto; }
.skip {
  position: absolute;
  left: 0.5rem;
  top: -10rem;
  z-index: 1;
  padding: 0.5rem 1rem;
  background: var(--paper);
  color: var(--primary);
  font-weight: bold;
}
.skip:focus { top: 0.5rem; }
.vh {
  position: absolute;
  width: 1px;
  height: 1px;
  margin: -1px;
  padding: 0;
  overflow: hidden;
  clip-path: inset(50%);
  white-space: nowrap;
  border: 0;
}
.wrap { max-width: 48rem; margin: 0 auto; padding: 0 1rem; }
.cover { background: var(--field); color: var(--on-field); padding: 2rem 0 2.5rem; }
.cover .wrap { display: flex; flex-direction: column; }
.cover .period { order: -1; font-family: var(--font-heading); font-weight: bold; font-size: 3.5rem; line-height: 1; margin: 0 0 1.5rem; }
.cover h1 { font-size: 2rem; margin: 0 0 0.75rem; }
.cover .subtitle { font-size: 1.2rem; margin: 0 0 1.5rem; }
.cover .org { font-weight: bold; font-size: 1.2rem; margin: 0; }
.cover .meta { margin: 0; }
.cover a { color: var(--on-field); }
.logo { margin: 1.5rem 0 0; }
.logo img { display: block; width: 12rem; max-width: 100%; background: var(--logo-ground); padding: 0.5rem; }
.downloads { margin: 1.5rem 0 0; padding: 0; list-style: none; }
.downloads li { margin: 0.25rem 0; }
.downloads .note { display: block; font-size: 0.9rem; }
nav ol { padding-left: 0; list-style: none; }
nav li { margin: 0.35rem 0; }
nav ol ol { padding-left: 1.25rem; font-size: 0.95rem; }
.lead { color: var(--primary); font-size: 1.2rem; line-height: 1.4; }
.metrics {
  display: grid;
  grid-template-columns: repeat(auto-fill, minmax(min(100%, 13rem), 1fr));
  gap: 0.75rem;
  padding: 0;
  list-style: none;
}
.metric { background: var(--tint); border-left: 0.25rem solid var(--primary); padding: 0.75rem 0.9rem; }
.metric p { margin: 0; }
.metric .figure { color: var(--primary); font-family: var(--font-heading); font-weight: bold; font-size: 1.9rem; line-height: 1.15; }
.metric .label { font-weight: bold; }
.metric .detail { color: var(--muted); font-size: 0.9rem; margin-top: 0.35rem; }
.quote { margin: 1.5rem 0; padding-left: 1.25rem; border-left: 0.25rem solid var(--accent); }
.quote blockquote { margin: 0; color: var(--primary); font-size: 1.3rem; line-height: 1.35; }
.quote figcaption { color: var(--muted); font-weight: bold; margin-top: 0.5rem; }
.box { background: var(--tint); padding: 1rem 1.1rem; margin: 1.5rem 0; }
.box > :last-child { margin-bottom: 0; }
.box-title { color: var(--primary); font-weight: bold; font-size: 1.1rem; }
figure { margin: 1.5rem 0; }
figcaption { font-size: 0.9rem; color: var(--muted); margin-top: 0.4rem; }
.chart figcaption.title, .table-wrap caption { color: var(--text); font-weight: bold; font-size: 1rem; margin: 0 0 0.5rem; text-align: left; }
.table-wrap { overflow-x: auto; margin: 1.5rem 0; }
table { border-collapse: collapse; width: 100%; font-size: 0.95rem; }
th, td { padding: 0.4rem 0.5rem; text-align: left; vertical-align: top; border-bottom: 1px solid var(--muted); hyphens: auto; }
tbody th { min-width: 7em; }
thead th, thead td { border-bottom-width: 2px; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
td.num { white-space: nowrap; }
li > ul, li > ol { margin: 0.25rem 0; }
details { margin-top: 0.5rem; }
summary { cursor: pointer; color: var(--primary); }
.chart > svg { display: block; width: 100%; font-size: 0.875rem; }
.chart text { fill: var(--text); }
.chart .value { fill: var(--primary); font-weight: bold; }
.chart .tick { fill: var(--muted); }
.chart .grid { stroke: var(--tint); stroke-width: 1; }
.chart .axis { stroke: var(--muted); stroke-width: 1.5; }
.chart .bar, .chart .s1 { fill: var(--series-1); }
.chart .s2 { fill: var(--series-2); }
.chart .s3 { fill: var(--series-3); }
.chart .s-text-1 { fill: var(--series-1); }
.chart .s-text-2 { fill: var(--series-2); }
.chart .s-text-3 { fill: var(--series-3); }
.chart .track { fill: var(--tint); }
.chart .line { stroke: var(--primary); stroke-width: 2.5; }
.chart .dot { fill: var(--primary); }
.chart .series-name { fill: var(--muted); }
.chart .wide { display: none; }
.chart > svg.two-heights { height: var(--narrow-height); }
@media (min-width: 48rem) {
  .chart .wide { display: inline; }
  .chart .narrow { display: none; }
  .chart > svg.two-heights { height: var(--wide-height); }
}
.back { background: var(--field); color: var(--on-field); padding: 2rem 0; margin-top: 3rem; }
.back a { color: var(--on-field); }
.back .org { font-weight: bold; font-size: 1.4rem; margin-top: 0; }
@media (min-width: 48rem) {
  .cover { padding: 3rem 0 3.5rem; }
  .cover .period { font-size: 5.5rem; }
  .cover h1 { font-size: 2.75rem; }
  h2 { font-size: 2.1rem; }
}
"#;

/// Print: the light scheme, black-on-white where it matters, nothing that needs a screen.
const PRINT: &str = r#"  body { font-size: 10.5pt; }
  .skip, .downloads, details { display: none; }
  .cover, .back, .metric, .box { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  .cover { break-after: page; }
  nav { break-after: page; }
  h2, h3, h4 { break-after: avoid; }
  .metric, figure, tr, li { break-inside: avoid; }
  .new-page { break-before: page; }
  main a[href^="http"]::after { content: " (" attr(href) ")"; font-size: 0.85em; }
  .wrap { max-width: none; padding: 0; }
"#;

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
        assert!(t.notes.is_empty(), "{:?}", t.notes);
        // The brand is kept where it already reads.
        assert_eq!(t.light.primary, nhs().primary);
    }

    #[test]
    fn a_light_primary_is_darkened_for_text_and_said_so() {
        let mut p = nhs();
        p.primary = Color::rgb(0x41, 0xB6, 0xE6);
        let t = Theme::new(&p);
        assert_readable(&t.light);
        assert_readable(&t.dark);
        assert_ne!(t.light.primary, p.primary);
        assert!(
            t.notes[0].contains("`primary` #41B6E6 is set as"),
            "{:?}",
            t.notes
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
