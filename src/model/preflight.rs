//! The accessibility preflight: checks the law cares about, run on every build.
//!
//! In: the spec (for spans), the resolved palette and sections. Out: diagnostics.
//! - every brand colour pair folio sets text in is checked against WCAG 2.2 AA contrast
//!   (4.5:1 for normal text, 3:1 for large text); a pair below is a warning naming both
//!   colours, the ratio and where the pair is used;
//! - headings inside section bodies must not skip a level (`###` straight after the
//!   section title), which would break the outline screen readers navigate by: an error.
//!
//! A missing logo description is checked where the logo is resolved.

use super::types::{Block, Palette, Section};
use crate::diag::Diagnostic;
use crate::geom::Color;
use crate::spec::Spec;

/// WCAG 2.2 success criterion 1.4.3 (AA): normal text.
const AA_NORMAL: f64 = 4.5;
/// …and large text (18 pt, or 14 pt bold).
const AA_LARGE: f64 = 3.0;

/// Where folio sets text of one colour on another.
struct Pair {
    fg: &'static str,
    bg: &'static str,
    min: f64,
    used_for: &'static str,
}

const PAIRS: [Pair; 8] = [
    Pair {
        fg: "text",
        bg: "paper",
        min: AA_NORMAL,
        used_for: "body text",
    },
    Pair {
        fg: "primary",
        bg: "paper",
        min: AA_NORMAL,
        used_for: "lead paragraphs and links",
    },
    Pair {
        fg: "muted",
        bg: "paper",
        min: AA_NORMAL,
        used_for: "the page footer",
    },
    Pair {
        fg: "text",
        bg: "tint",
        min: AA_NORMAL,
        used_for: "callout labels",
    },
    Pair {
        fg: "muted",
        bg: "tint",
        min: AA_NORMAL,
        used_for: "callout details",
    },
    Pair {
        fg: "primary",
        bg: "tint",
        min: AA_LARGE,
        used_for: "callout figures (large text)",
    },
    Pair {
        fg: "paper",
        bg: "primary",
        min: AA_LARGE,
        used_for: "the cover title (large text)",
    },
    Pair {
        fg: "paper",
        bg: "primary",
        min: AA_NORMAL,
        used_for: "the cover subtitle and back-cover text",
    },
];

fn role(p: &Palette, name: &str) -> Color {
    match name {
        "primary" => p.primary,
        "accent" => p.accent,
        "text" => p.text,
        "muted" => p.muted,
        "tint" => p.tint,
        _ => p.paper,
    }
}

/// Warns about every colour pair below WCAG AA where folio uses it.
pub fn contrast(spec: &Spec, palette: &Palette, diags: &mut Vec<Diagnostic>) {
    let mut reported: Vec<(&str, &str)> = Vec::new();
    for pair in &PAIRS {
        let (fg, bg) = (role(palette, pair.fg), role(palette, pair.bg));
        let ratio = fg.contrast(bg);
        // Report a pair once, at its strictest use.
        if ratio >= pair.min || reported.contains(&(pair.fg, pair.bg)) {
            continue;
        }
        reported.push((pair.fg, pair.bg));
        let span = spec
            .brand
            .colours
            .get(pair.fg)
            .or_else(|| spec.brand.colours.get(pair.bg))
            .map(|v| v.span());
        diags.push(
            Diagnostic::warning(
                format!(
                    "`{}` {fg} on `{}` {bg} has a contrast of {ratio:.1}:1, below the {}:1 WCAG AA asks for {}",
                    pair.fg, pair.bg, pair.min, pair.used_for
                ),
                span,
            )
            .with_help(format!(
                "darken `{}` or lighten `{}` until the ratio reaches {}:1",
                pair.fg, pair.bg, pair.min
            )),
        );
    }
}

/// Errors for body headings that skip a level.
pub fn heading_levels(spec: &Spec, sections: &[Section], diags: &mut Vec<Diagnostic>) {
    for (i, section) in sections.iter().enumerate() {
        // The section title is the level above a body's `#`.
        let mut last = 0u8;
        let mut check = |level: u8| {
            if level > last + 1 {
                let span = spec.sections[i].get_ref().body.as_ref().map(|b| b.span());
                diags.push(
                    Diagnostic::error(
                        format!(
                            "a heading in section `{}` skips a level: {} after {}",
                            section.title,
                            "#".repeat(level as usize),
                            if last == 0 { "the section title".to_string() } else { "#".repeat(last as usize) }
                        ),
                        span,
                    )
                    .with_help("screen readers navigate by heading levels: use # for the first heading in a section body, ## below it, and so on"),
                );
            }
            last = level;
        };
        walk(&section.body, &mut check);
    }
}

fn walk(blocks: &[Block], f: &mut impl FnMut(u8)) {
    for b in blocks {
        match b {
            Block::Heading(level, _) => f(*level),
            Block::List { items, .. } => items.iter().for_each(|i| walk(i, f)),
            Block::Paragraph(_) => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nhs_light_blue_on_white_is_about_2_point_2() {
        let light_blue = Color::rgb(0x41, 0xB6, 0xE6);
        let r = light_blue.contrast(Color::WHITE);
        assert!((2.1..2.4).contains(&r), "{r}");
        let nhs_blue = Color::rgb(0x00, 0x5E, 0xB8);
        assert!(nhs_blue.contrast(Color::WHITE) > AA_NORMAL);
    }
}
