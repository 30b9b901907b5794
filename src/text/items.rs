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
    collect_with(shapers, whole, text, settings, false)
}

/// Builds the items of a paragraph for the last-resort pass: a word wider than the line
/// may also break by force, at a hyphenation point or between two characters
/// ([`emergency_cuts`]).
pub fn collect_last_resort(
    shapers: &Shapers,
    whole: &Whole,
    text: &StyledText,
    settings: &ParSettings,
) -> Vec<Item> {
    collect_with(shapers, whole, text, settings, true)
}

fn collect_with(
    shapers: &Shapers,
    whole: &Whole,
    text: &StyledText,
    settings: &ParSettings,
    emergency: bool,
) -> Vec<Item> {
    let s = text.text.as_str();
    let addresses = addresses(s);
    let mut items = Vec::new();
    let mut start = 0;
    for (pos, kind) in unicode_linebreak::linebreaks(s) {
        let segment = &s[start..pos];
        let word_end = start + segment.trim_end().len();
        let address = addresses.iter().any(|r| r.contains(&start));
        let word = Word {
            range: start..word_end,
            address,
            emergency,
        };
        push_word(shapers, whole, text, word, settings, &mut items);
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
                emergency: false,
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
                emergency: false,
            });
        }
        start = pos;
    }
    items
}

/// A piece of text between two break opportunities, and how it may be broken.
struct Word {
    range: Range<usize>,
    /// Part of a web or e-mail address or a path: never hyphenated.
    address: bool,
    /// The last-resort pass: forced breaks are allowed if the word is too wide.
    emergency: bool,
}

/// Pushes the boxes of one word, with a hyphenation penalty between its syllables (and, in
/// the last resort, the forced breaks of a word too wide for the line).
fn push_word(
    shapers: &Shapers,
    whole: &Whole,
    text: &StyledText,
    word: Word,
    settings: &ParSettings,
    items: &mut Vec<Item>,
) {
    let range = word.range;
    if range.is_empty() {
        return;
    }
    let glyphs = whole.glyphs(shapers, text, range.clone());
    let lang = text.style_at(range.start).hyphenation;
    let cuts = match lang {
        Some(lang) if settings.hyphenate && !word.address => {
            hyphenation_points(&text.text[range.clone()], range.start, lang)
        }
        _ => Vec::new(),
    };
    let mut cuts: Vec<(usize, Cut)> = cuts.into_iter().map(|c| (c, Cut::Hyphen)).collect();
    let wide = shape::width(&glyphs);
    let too_wide = wide > settings.widest();
    // Justified, a word of half a line or more that goes whole to the next line leaves a
    // gaping line before it; the last resort may break it too (and says nothing of it).
    let long = settings.justify && wide > settings.width * LONG_WORD_SHARE;
    if word.emergency && (too_wide || long) {
        let s = &text.text[range.clone()];
        let syllables = if word.address { None } else { lang };
        cuts = emergency_cuts(s, range.start, syllables, &glyphs, &cuts);
        if !too_wide {
            for (_, c) in &mut cuts {
                if let Cut::Forced { report, .. } = c {
                    *report = false;
                }
            }
        }
    }
    cuts.push((range.end, Cut::Hyphen));
    let mut from = range.start;
    for (cut, kind) in cuts {
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
            let (penalty, hyphen, emergency) = match kind {
                Cut::Hyphen => (HYPHEN_PENALTY, true, false),
                Cut::Forced {
                    penalty,
                    hyphen,
                    report,
                } => (penalty, hyphen, report),
            };
            let width = if hyphen {
                hyphen_width(shapers, text, cut).to_pt()
            } else {
                0.0
            };
            items.push(Item::Penalty {
                width,
                penalty,
                flagged: hyphen,
                at: cut,
                emergency,
            });
        }
        from = cut;
    }
}

/// A place a word may break.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Cut {
    /// A hyphenation point, when the paragraph is hyphenated.
    Hyphen,
    /// A break by force in a word too wide for the line, at a price, with or without a
    /// hyphen drawn; `report` says the word did not fit any line (the line says so).
    Forced {
        penalty: f64,
        hyphen: bool,
        report: bool,
    },
}

/// In justified text, a word wider than this share of the line may be broken by the last
/// resort, rather than leave the line before it gaping.
const LONG_WORD_SHARE: f64 = 0.5;

/// Forcing a word apart is a last resort, dearer than any ordinary break but far cheaper
/// than a line past the margin. Of the forced breaks, a syllable boundary is the least
/// bad...
const FORCED_AT_SYLLABLE: f64 = 1000.0;
/// ...then a break after the punctuation of an address ("example.org/" | "annual-report")...
const FORCED_AFTER_PUNCTUATION: f64 = 1500.0;
/// ...and last a break between any two characters.
const FORCED_ANYWHERE: f64 = 3000.0;
/// The punctuation of addresses and paths, after which an address breaks best.
const ADDRESS_PUNCTUATION: &[char] = &['/', '.', '@', '_', '=', '?', '&', '#', ':', '-', '~'];

/// The byte ranges of the whitespace-separated tokens of `s` that are web or e-mail
/// addresses or paths: a scheme (`https://`), a `www.` start, an `@` before a dot, or a
/// slash between letters. They are never hyphenated, and broken by force without a hyphen:
/// a hyphen added to an address changes it.
fn addresses(s: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut at = 0;
    for token in s.split_whitespace() {
        let start = at + s[at..].find(token).unwrap_or(0);
        at = start + token.len();
        let lower = token.to_lowercase();
        let slash = token
            .char_indices()
            .any(|(i, c)| c == '/' && i > 0 && i + 1 < token.len());
        let email = token.find('@').is_some_and(|i| token[i..].contains('.'));
        if lower.contains("://") || lower.starts_with("www.") || email || slash {
            out.push(start..at);
        }
    }
    out
}

/// Every place a word too wide for the line may be broken by force: its hyphenation points
/// (whatever the paragraph's setting), after address punctuation, and between any two
/// glyph clusters, each at its price. Syllables come from `lang`'s patterns; an address
/// (`lang` is then `None`) or a language without patterns breaks between letters only. A
/// word is broken with a hyphen unless it is an address; `hyphenation` are the word's
/// ordinary hyphenation points, kept at their price.
fn emergency_cuts(
    word: &str,
    offset: usize,
    lang: Option<Hyphenation>,
    glyphs: &[Glyph],
    hyphenation: &[(usize, Cut)],
) -> Vec<(usize, Cut)> {
    let address = word.contains(ADDRESS_PUNCTUATION) && lang.is_none();
    let syllables = lang.map_or_else(Vec::new, |l| hyphenation_points(word, offset, l));
    let mut clusters: Vec<usize> = glyphs
        .iter()
        .map(|g| g.range.start)
        .filter(|&at| at > offset && at < offset + word.len())
        .collect();
    clusters.sort_unstable();
    clusters.dedup();
    // Never between the two characters of one letter (a Welsh "ll"), while any other
    // place is left.
    if let Some(l) = lang
        && clusters
            .iter()
            .any(|&at| !l.splits_letter(word, at - offset))
    {
        clusters.retain(|&at| !l.splits_letter(word, at - offset));
    }
    clusters
        .into_iter()
        .map(|at| {
            // An ordinary hyphenation point keeps its price, but a break there is still one
            // forced by the word's width, and reported as such.
            let cut = if hyphenation.iter().any(|(h, _)| *h == at) {
                Cut::Forced {
                    penalty: HYPHEN_PENALTY,
                    hyphen: true,
                    report: true,
                }
            } else if syllables.contains(&at) {
                Cut::Forced {
                    penalty: FORCED_AT_SYLLABLE,
                    hyphen: true,
                    report: true,
                }
            } else if address {
                let after = word[..at - offset].ends_with(ADDRESS_PUNCTUATION);
                Cut::Forced {
                    penalty: if after {
                        FORCED_AFTER_PUNCTUATION
                    } else {
                        FORCED_ANYWHERE
                    },
                    hyphen: false,
                    report: true,
                }
            } else {
                let letters = |c: Option<char>| c.is_some_and(char::is_alphabetic);
                Cut::Forced {
                    penalty: FORCED_ANYWHERE,
                    hyphen: letters(word[..at - offset].chars().next_back())
                        && letters(word[at - offset..].chars().next()),
                    report: true,
                }
            };
            (at, cut)
        })
        .collect()
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
