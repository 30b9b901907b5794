//! `[brand.colours]` → the screen palette and each role's print values.
//!
//! A role is a hex string (`primary = "#005EB8"`) or a table that adds what the press needs:
//! `primary = { hex = "#005EB8", cmyk = [100, 50, 0, 0], spot = "PANTONE 300 C" }`.

use super::parse_or;
use super::types::Palette;
use super::values;
use crate::diag::{Diagnostic, did_you_mean};
use crate::geom::Color;
use crate::spec::Spec;
use std::ops::Range;

/// The colour roles report.toml may name, with their defaults (NHS identity colours, which
/// pass WCAG AA for text on white where they are used for text).
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
    let roles: Vec<&str> = COLOUR_ROLES.iter().map(|(r, _)| *r).collect();
    for (k, v) in &spec.brand.colours {
        if !roles.contains(&k.as_str()) {
            let mut d = Diagnostic::error(
                format!("unknown colour `{k}` in `[brand.colours]`"),
                Some(v.span()),
            );
            d = match did_you_mean(k, &roles) {
                Some(s) => d
                    .with_label(format!("did you mean `{s}`?"))
                    .with_help(format!("rename `{k}` to `{s}`")),
                None => d.with_help(format!("the colour roles are: {}", roles.join(", "))),
            };
            diags.push(d);
        }
    }
    (palette, print)
}

fn read(
    raw: &toml::Value,
    span: Range<usize>,
    key: &str,
    out: &mut PrintValues,
    diags: &mut Vec<Diagnostic>,
) {
    let spanned = |s: &str| serde_spanned::Spanned::new(span.clone(), s.to_string());
    match raw {
        toml::Value::String(s) => {
            out.rgb = parse_or(diags, &spanned(s), key, values::colour, out.rgb);
        }
        toml::Value::Table(t) => {
            for k in t.keys() {
                if !["hex", "cmyk", "spot"].contains(&k.as_str()) {
                    diags.push(
                        Diagnostic::error(
                            format!("unknown key `{k}` in `{key}`"),
                            Some(span.clone()),
                        )
                        .with_help("a colour table takes hex, cmyk and spot"),
                    );
                }
            }
            match t.get("hex") {
                Some(toml::Value::String(s)) => {
                    out.rgb = parse_or(diags, &spanned(s), key, values::colour, out.rgb);
                }
                _ => diags.push(
                    Diagnostic::error(format!("`{key}` needs `hex`"), Some(span.clone()))
                        .with_help("write hex = \"#005EB8\": the colour on screen"),
                ),
            }
            if let Some(c) = t.get("cmyk") {
                out.cmyk = cmyk(c);
                if out.cmyk.is_none() {
                    diags.push(
                        Diagnostic::error(
                            format!("`{key}.cmyk` must be four per cent values from 0 to 100"),
                            Some(span.clone()),
                        )
                        .with_help("write cmyk = [100, 50, 0, 0] (cyan, magenta, yellow, black)"),
                    );
                }
            }
            match t.get("spot") {
                Some(toml::Value::String(s)) if out.cmyk.is_some() => out.spot = Some(s.clone()),
                Some(toml::Value::String(_)) => diags.push(
                    Diagnostic::error(format!("`{key}.spot` needs `cmyk` beside it"), Some(span.clone()))
                        .with_help("give the spot colour's CMYK equivalent: presses without the ink print that"),
                ),
                Some(_) => diags.push(
                    Diagnostic::error(format!("`{key}.spot` takes a name in quotes"), Some(span.clone()))
                        .with_help("write spot = \"PANTONE 300 C\""),
                ),
                None => {}
            }
        }
        _ => diags.push(
            Diagnostic::error(
                format!("`{key}` takes a colour in quotes or a table"),
                Some(span),
            )
            .with_help("write \"#005EB8\" or { hex = \"#005EB8\", cmyk = [100, 50, 0, 0] }"),
        ),
    }
}

fn cmyk(v: &toml::Value) -> Option<[f64; 4]> {
    let toml::Value::Array(items) = v else {
        return None;
    };
    let nums: Vec<f64> = items
        .iter()
        .filter_map(|i| match i {
            toml::Value::Integer(n) => Some(*n as f64),
            toml::Value::Float(f) => Some(*f),
            _ => None,
        })
        .filter(|n| (0.0..=100.0).contains(n))
        .collect();
    <[f64; 4]>::try_from(nums.as_slice())
        .ok()
        .filter(|_| items.len() == 4)
}
