//! The accessibility preflight: checks the law cares about, run on every build.
//!
//! In: the spec (for spans), the resolved palette and sections. Out: diagnostics.
//! - every brand colour pair folio sets text in is checked against WCAG 2.2 AA contrast
//!   (4.5:1 for normal text, 3:1 for large text); a pair below is a warning naming both
//!   colours, the ratio and where the pair is used;
//! - headings inside a body must not skip a level (`###` straight after `#`), which would
//!   break the outline screen readers navigate by: an error. A body's first heading sets
//!   its top level, so a body may start at `#` or at `##`.
//!
//! A missing logo description is checked where the logo is resolved.

use super::types::{Block, Palette};
use crate::diag::Diagnostic;
use crate::geom::Color;
use crate::spec::{SpannedStr, Spec};

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

/// Body headings: the first heading of a body sets its top level (`#` or `##`, as the
/// author prefers), which sits one below the section title. A heading that skips a level,
/// rises above the first, or goes deeper than PDF's six levels allow is an error, at its
/// own line where it can be found; the levels are then counted from the first heading.
pub fn heading_levels(
    blocks: &mut [Block],
    value: &SpannedStr,
    source: &str,
    key: &str,
    diags: &mut Vec<Diagnostic>,
) {
    // The report title is H1 and a section title H2, so a body has four levels left.
    const BODY_LEVELS: u8 = 4;
    let mut levels = Vec::new();
    walk(blocks, &mut |level| levels.push(level));
    let Some(&top) = levels.first() else { return };
    let lines = heading_lines(source, value.span());
    let at = |n: usize| {
        Some(
            lines
                .get(n)
                .filter(|_| lines.len() == levels.len())
                .cloned()
                .unwrap_or_else(|| value.span()),
        )
    };
    let marks = |l: u8| "#".repeat(l as usize);
    let mut last = top;
    for (n, &level) in levels.iter().enumerate() {
        if level < top {
            diags.push(
                Diagnostic::error(
                    format!(
                        "`{key}`: the heading {} is above the first heading of this text, {}",
                        marks(level),
                        marks(top)
                    ),
                    at(n),
                )
                .with_help(format!(
                    "the first heading sets the top level: start with {} (or make this one {})",
                    marks(level),
                    marks(top)
                )),
            );
        } else if level > last + 1 {
            diags.push(
                Diagnostic::error(
                    format!(
                        "`{key}`: a heading skips a level: {} after {}",
                        marks(level),
                        marks(last)
                    ),
                    at(n),
                )
                .with_help(format!(
                    "screen readers navigate by heading levels: make it {}",
                    marks(last + 1)
                )),
            );
        } else if level - top >= BODY_LEVELS {
            diags.push(
                Diagnostic::error(
                    format!("`{key}`: the heading {} is too deep", marks(level)),
                    at(n),
                )
                .with_help(format!(
                    "a text can use {BODY_LEVELS} levels of heading below its section: {} to {}",
                    marks(top),
                    marks(top + BODY_LEVELS - 1)
                )),
            );
        }
        last = level.max(top);
    }
    renumber(blocks, top);
}

/// Counts levels from the first heading: that one becomes 1.
fn renumber(blocks: &mut [Block], top: u8) {
    for b in blocks {
        match b {
            Block::Heading(level, _) => *level = (*level + 1).saturating_sub(top).max(1),
            Block::List { items, .. } => items.iter_mut().for_each(|i| renumber(i, top)),
            Block::Paragraph(_) => {}
        }
    }
}

/// The spans of the ATX heading lines (`## Title`) written inside a value, in order.
fn heading_lines(source: &str, span: std::ops::Range<usize>) -> Vec<std::ops::Range<usize>> {
    let Some(text) = source.get(span.clone()) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut pos = span.start;
    for line in text.split_inclusive('\n') {
        let body = line.trim_end_matches(['\n', '\r']);
        let t = body.trim_start();
        let hashes = t.chars().take_while(|c| *c == '#').count();
        if (1..=6).contains(&hashes)
            && body.len() - t.len() <= 3
            && t[hashes..].starts_with([' ', '\t'])
        {
            let start = pos + (body.len() - t.len());
            out.push(start..pos + body.len());
        }
        pos += line.len();
    }
    out
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
