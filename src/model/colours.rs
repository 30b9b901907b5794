//! `[brand.colours]` → the screen palette and each role's print values.
//!
//! A role is a hex string (`primary = "#005EB8"`) or a table that adds what the press needs:
//! `primary = { hex = "#005EB8", cmyk = [100, 50, 0, 0], spot = "PANTONE 300 C" }`.

use super::parse_or;
use super::types::Palette;
use super::values;
use crate::diag::Diagnostic;
use crate::geom::Color;
use crate::spec::{Colour, Spec};
use serde_spanned::Spanned;
use std::ops::Range;

/// The colour roles report.toml may name (the keys of `spec::Colours`), with their
/// defaults (NHS identity colours, which pass WCAG AA for text on white where they are
/// used for text).
pub const COLOUR_ROLES: [(&str, Color); 6] = [
    ("primary", Color::rgb(0x00, 0x5E, 0xB8)),
    ("accent", Color::rgb(0x41, 0xB6, 0xE6)),
    ("text", Color::rgb(0x21, 0x2B, 0x32)),
    ("muted", Color::rgb(0x4C, 0x62, 0x72)),
    ("tint", Color::rgb(0xE8, 0xED, 0xEE)),
    ("paper", Color::rgb(0xFF, 0xFF, 0xFF)),
];

/// What report.toml says about printing one role.
#[derive(Debug, Clone)]
pub struct PrintValues {
    pub role: &'static str,
    pub rgb: Color,
    /// Per cent, as written.
    pub cmyk: Option<[f64; 4]>,
    pub spot: Option<String>,
    pub span: Option<Range<usize>>,
}

/// Reads `[brand.colours]`: the palette, and the print values of every role.
pub fn palette(spec: &Spec, diags: &mut Vec<Diagnostic>) -> (Palette, Vec<PrintValues>) {
    let mut print = Vec::new();
    for (role, default) in COLOUR_ROLES {
        let key = format!("brand.colours.{role}");
        let mut values = PrintValues {
            role,
            rgb: default,
            cmyk: None,
            spot: None,
            span: None,
        };
        if let Some(raw) = spec.brand.colours.get(role) {
            values.span = Some(raw.span());
            read(raw.get_ref(), raw.span(), &key, &mut values, diags);
        }
        print.push(values);
    }
    let get = |r: &str| {
        print
            .iter()
            .find(|p| p.role == r)
            .map(|p| p.rgb)
            .expect("invariant: every role is read")
    };
    let palette = Palette {
        primary: get("primary"),
        accent: get("accent"),
        text: get("text"),
        muted: get("muted"),
        tint: get("tint"),
        paper: get("paper"),
    };
    (palette, print)
}

fn read(
    raw: &Colour,
    span: Range<usize>,
    key: &str,
    out: &mut PrintValues,
    diags: &mut Vec<Diagnostic>,
) {
    let hex = match raw {
        Colour::Hex(h) => Some(Spanned::new(span.clone(), h.clone())),
        Colour::Print(p) => p.hex.clone(),
    };
    match hex {
        Some(h) => out.rgb = parse_or(diags, &h, key, values::colour, out.rgb),
        None => diags.push(
            Diagnostic::error(format!("`{key}` needs `hex`"), Some(span.clone()))
                .with_help("write hex = \"#005EB8\": the colour on screen")
                .missing(&["hex"]),
        ),
    }
    let Colour::Print(p) = raw else { return };
    if let Some(c) = &p.cmyk {
        let v = c.get_ref();
        out.cmyk = <[f64; 4]>::try_from(v.as_slice())
            .ok()
            .filter(|c| c.iter().all(|n| (0.0..=100.0).contains(n)));
        if out.cmyk.is_none() {
            diags.push(
                Diagnostic::error(
                    format!("`{key}.cmyk` must be four per cent values from 0 to 100"),
                    Some(c.span()),
                )
                .with_help("write cmyk = [100, 50, 0, 0] (cyan, magenta, yellow, black)"),
            );
        }
    }
    match &p.spot {
        Some(s) if out.cmyk.is_some() => out.spot = Some(s.get_ref().clone()),
        Some(s) => diags.push(
            Diagnostic::error(
                format!("`{key}.spot` needs `cmyk` beside it"),
                Some(s.span()),
            )
            .with_help(
                "give the spot colour's CMYK equivalent: presses without the ink print that",
            ),
        ),
        None => {}
    }
}
