//! The accessibility preflight: checks the law cares about, run on every build.
//!
//! In: the spec (for spans), the readable colours and sections. Out: diagnostics.
//! - every brand colour folio sets text in is checked by the one contrast rule
//!   (`crate::contrast`) on every ground it is set on; folio sets such text in the nearest
//!   shade that reaches WCAG 2.2 AA (`super::readable`), and each colour that had to move
//!   is a warning naming both colours, the ratio, where the pair is used, what folio uses
//!   instead and which way to move the brand colour;
//! - headings inside a body must not skip a level (`###` straight after `#`), which would
//!   break the outline screen readers navigate by: an error. A body's first heading sets
//!   its top level, so a body may start at `#` or at `##`.
//!
//! A missing logo description is checked where the logo is resolved.

use super::readable::Readable;
use super::types::Block;
use crate::contrast;
use crate::diag::Diagnostic;
use crate::spec::{SpannedStr, Spec};

/// Warns once about every brand colour that cannot be used as given for text on a ground
/// folio sets it on, saying what folio uses instead and which way to move the colour.
pub fn contrast(spec: &Spec, readable: &Readable, diags: &mut Vec<Diagnostic>) {
    for m in &readable.moved {
        let Err(short) = contrast::check(m.given, m.on, contrast::AA_TEXT) else {
            continue;
        };
        let span = spec
            .brand
            .colours
            .get(m.role)
            .or_else(|| spec.brand.colours.get(m.ground))
            .map(|v| v.span());
        let used = match m.instead {
            Some(role) => format!("`{role}` {}", m.used),
            None => m.used.to_string(),
        };
        diags.push(
            Diagnostic::warning(
                format!(
                    "`{}` {} on `{}` {} has a contrast of {:.1}:1, below the {}:1 WCAG AA asks for {}; folio sets that text in {used}",
                    m.role,
                    m.given,
                    m.ground,
                    m.on,
                    short.ratio,
                    contrast::trim(short.need),
                    m.used_for
                ),
                span,
            )
            .with_help(short.advice(m.role, m.ground)),
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
    use crate::geom::Color;

    #[test]
    fn nhs_light_blue_on_white_is_about_2_point_2() {
        let light_blue = Color::rgb(0x41, 0xB6, 0xE6);
        let r = light_blue.contrast(Color::WHITE);
        assert!((2.1..2.4).contains(&r), "{r}");
        let nhs_blue = Color::rgb(0x00, 0x5E, 0xB8);
        assert!(nhs_blue.contrast(Color::WHITE) > contrast::AA_TEXT);
    }
}
