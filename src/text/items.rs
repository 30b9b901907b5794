//! Collect: styled text → Knuth–Plass items (boxes, glue, penalties).
//!
//! In: the paragraph's text, its style runs and shaping faces. Out: the item list the line
//! breaker works on. Break opportunities come from UAX #14 (`unicode-linebreak`); inside
//! words, hyphenation points come from each run's language's patterns ([`super::hyphenate`]).

use super::Shapers;
use super::hyphenate::Hyphenation;
use super::knuth_plass::{INFINITY, Item};
use super::shape::{self, Glyph};
use super::whole::Whole;
use super::{ParSettings, StyledText};
use crate::geom::Abs;
use std::ops::Range;
use unicode_linebreak::BreakOpportunity;

/// TeX's `\hyphenpenalty` is 50. Ragged-right text for a general readership should hyphenate
/// rarely (UK public-sector guidance discourages split words), so a hyphen costs twice that.
const HYPHEN_PENALTY: f64 = 100.0;
/// TeX's `\exhyphenpenalty`: breaking after a hyphen already in the text is cheap.
const EXPLICIT_HYPHEN_PENALTY: f64 = 50.0;
/// Words shorter than this are never hyphenated: the gain is too small to be worth the break.
const MIN_HYPHENATED_WORD: usize = 6;
/// Interword glue when justifying: may grow by half a space and shrink by a third (TeX's
/// defaults for a normal text font).
const JUSTIFY_STRETCH: f64 = 0.5;
const JUSTIFY_SHRINK: f64 = 1.0 / 3.0;

/// Builds the items of a paragraph; words and spaces are measured as shaped on their own,
/// cut from `whole` where that gives the same glyphs.
pub fn collect(
    shapers: &Shapers,
    whole: &Whole,
    text: &StyledText,
    settings: &ParSettings,
) -> Vec<Item> {
    let s = text.text.as_str();
    let mut items = Vec::new();
    let mut start = 0;
    for (pos, kind) in unicode_linebreak::linebreaks(s) {
        let segment = &s[start..pos];
        let word_end = start + segment.trim_end().len();
        push_word(shapers, whole, text, start..word_end, settings, &mut items);
        let forced = kind == BreakOpportunity::Mandatory;
        if word_end < pos && !forced {
            let width = shape::width(&whole.glyphs(shapers, text, word_end..pos));
            let (stretch, shrink) = if settings.justify {
                (width * JUSTIFY_STRETCH, width * JUSTIFY_SHRINK)
            } else {
                (Abs::ZERO, Abs::ZERO)
            };
            items.push(Item::Glue {
                width: width.to_pt(),
                stretch: stretch.to_pt(),
                shrink: shrink.to_pt(),
                at: word_end,
            });
        } else if forced {
            // `\parfillskip`: the last line (or one ended by a hard break) may be short.
            items.push(Item::Glue {
                width: 0.0,
                stretch: INFINITY,
                shrink: 0.0,
                at: word_end,
            });
            items.push(Item::Penalty {
                width: 0.0,
                penalty: -INFINITY,
                flagged: false,
                at: word_end,
            });
        } else if word_end > start {
            // A break with no space, as after "step-" in "step-by-step" or after a slash.
            let explicit_hyphen = s[..word_end].ends_with(['-', '–', '‐']);
            items.push(Item::Penalty {
                width: 0.0,
                penalty: if explicit_hyphen {
                    EXPLICIT_HYPHEN_PENALTY
                } else {
                    0.0
                },
                flagged: explicit_hyphen,
                at: word_end,
            });
        }
        start = pos;
    }
    items
}

/// Pushes the boxes of one word, with a hyphenation penalty between its syllables.
fn push_word(
    shapers: &Shapers,
    whole: &Whole,
    text: &StyledText,
    range: Range<usize>,
    settings: &ParSettings,
    items: &mut Vec<Item>,
) {
    if range.is_empty() {
        return;
    }
    let glyphs = whole.glyphs(shapers, text, range.clone());
    let lang = text.style_at(range.start).hyphenation;
    let mut cuts = match lang {
        Some(lang) if settings.hyphenate => {
            hyphenation_points(&text.text[range.clone()], range.start, lang)
        }
        _ => Vec::new(),
    };
    cuts.push(range.end);
    let mut from = range.start;
    for cut in cuts {
        let width: f64 = glyphs
            .iter()
            .filter(|g| g.range.start >= from && g.range.start < cut)
            .map(|g| g.advance.to_pt())
            .sum();
        items.push(Item::Box {
            width,
            range: from..cut,
        });
        if cut < range.end {
            let hyphen = hyphen_width(shapers, text, cut);
            items.push(Item::Penalty {
                width: hyphen.to_pt(),
                penalty: HYPHEN_PENALTY,
                flagged: true,
                at: cut,
            });
        }
        from = cut;
    }
}

/// Byte offsets (absolute) where `word` may be hyphenated in `lang`, each language keeping
/// its own minimums.
pub(super) fn hyphenation_points(word: &str, offset: usize, lang: Hyphenation) -> Vec<usize> {
    let mut points = Vec::new();
    // Hyphenate each run of letters on its own: "COVID-19" and "e-mail" already have their
    // own break, and digits or capitals-only abbreviations are never split.
    let mut run_start: Option<usize> = None;
    let check = |from: usize, to: usize, points: &mut Vec<usize>| {
        let part = &word[from..to];
        let letters = part.chars().count();
        let all_caps = part.chars().all(|c| c.is_uppercase());
        if letters < MIN_HYPHENATED_WORD || all_caps {
            return;
        }
        let lower = part.to_lowercase();
        if lower.len() != part.len() {
            return;
        }
        points.extend(lang.breaks(&lower).into_iter().map(|b| offset + from + b));
    };
    for (i, c) in word.char_indices() {
        match (c.is_alphabetic(), run_start) {
            (true, None) => run_start = Some(i),
            (false, Some(s)) => {
                check(s, i, &mut points);
                run_start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = run_start {
        check(s, word.len(), &mut points);
    }
    points
}

/// Shapes a byte range of the paragraph, one style run at a time; glyph ranges are absolute.
pub fn shape_range(shapers: &Shapers, text: &StyledText, range: Range<usize>) -> Vec<Glyph> {
    let mut out = Vec::new();
    for (run, style) in text.runs_in(range.clone()) {
        let from = run.start.max(range.start);
        let to = run.end.min(range.end);
        if from >= to {
            continue;
        }
        // The face has every character (nearly always): the glyphs straight from the
        // shaping cache, with no pieces made.
        let whole_face = shape::with_shaped(
            &shapers[style.face.0 as usize],
            &text.text[from..to],
            style.size,
            |glyphs| {
                let covered = glyphs.iter().all(|g| g.id != 0);
                if covered {
                    out.extend(glyphs.iter().map(|g| Glyph {
                        range: g.range.start + from..g.range.end + from,
                        ..g.clone()
                    }));
                }
                covered
            },
        );
        if whole_face {
            continue;
        }
        for piece in shape::shape_pieces(shapers, style.face, &text.text[from..to], style.size) {
            for mut g in piece.glyphs {
                g.range = g.range.start + from..g.range.end + from;
                out.push(g);
            }
        }
    }
    out
}

/// The width of a hyphen in the style at byte `at`.
fn hyphen_width(shapers: &Shapers, text: &StyledText, at: usize) -> Abs {
    let style = text.style_at(at.saturating_sub(1));
    shape::width(&shape::shape(
        &shapers[style.face.0 as usize],
        "-",
        style.size,
    ))
}
