//! The typesetting core: styled text and a width → lines of shaped glyph runs. PDF-free.
//!
//! A paragraph is set in four steps, as in typst's inline layout:
//! 1. **collect** ([`items`]): UAX #14 break opportunities and hyphenation points become
//!    Knuth–Plass boxes, glue and penalties, measured by shaping each word (cut from the
//!    paragraph's runs shaped whole, [`whole`], where that gives the same glyphs);
//! 2. **break** ([`knuth_plass`]): total fit chooses the breaks, first without hyphenation,
//!    then with it, and, if no set of breaks fits within the tolerance, a last resort with
//!    emergency stretch, a word too wide for the line broken by force (at a hyphenation
//!    point, after an address's punctuation, or between two characters) and an overfull
//!    line priced inside the optimum;
//! 3. **finalize** (here): each line is set as if shaped as a whole, so kerning and
//!    ligatures across the pieces measured in step 1 are right — cut from the runs shaped
//!    whole where HarfBuzz says the cut changes nothing, shaped again where it does — and a
//!    hyphen is added where a word was split;
//! 4. **justify** (here, optional): the line's spaces take up the slack.

pub mod fallback;
pub mod fonts;
pub mod hyphenate;
mod items;
pub mod knuth_plass;
pub mod shape;
mod whole;

pub use fallback::{Shapers, ShapersSeed};
pub use fonts::{FaceId, FamilyId, FontBook, FontError};
pub use hyphenate::Hyphenation;
pub use shape::{Glyph, Shaper};

use crate::geom::{Abs, Color};
use knuth_plass::{Item, Params};
use std::ops::Range;
use whole::Whole;

/// How a run of text looks. `key` is the caller's own tag for the run (layout uses it to
/// know which run is a link); the text module carries it through untouched.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TextStyle {
    pub face: FaceId,
    pub size: Abs,
    pub color: Color,
    pub key: u32,
    /// The hyphenation patterns of the run's language; `None` never hyphenates it (a
    /// language folio has no patterns for).
    pub hyphenation: Option<Hyphenation>,
}

/// A paragraph's text and the style of each byte range (ranges cover the text in order).
#[derive(Debug, Clone, Default)]
pub struct StyledText {
    pub text: String,
    pub runs: Vec<(Range<usize>, TextStyle)>,
}

impl StyledText {
    /// Appends text in a style.
    pub fn push(&mut self, text: &str, style: TextStyle) {
        let start = self.text.len();
        self.text.push_str(text);
        self.runs.push((start..self.text.len(), style));
    }

    /// The style at byte `at`.
    pub fn style_at(&self, at: usize) -> TextStyle {
        let i = self.runs.partition_point(|(r, _)| r.end <= at);
        self.runs
            .get(i)
            .filter(|(r, _)| r.contains(&at))
            .or(self.runs.last())
            .map(|(_, s)| *s)
            .expect("invariant: styled text has at least one run")
    }

    /// The runs that overlap `range`, found by binary search (runs are in text order), so
    /// that setting a paragraph of many styled runs stays linear in its length.
    pub fn runs_in(&self, range: Range<usize>) -> &[(Range<usize>, TextStyle)] {
        let first = self.runs.partition_point(|(r, _)| r.end <= range.start);
        let last = first + self.runs[first..].partition_point(|(r, _)| r.start < range.end);
        &self.runs[first..last]
    }
}

/// How a paragraph is set.
#[derive(Debug, Clone)]
pub struct ParSettings {
    pub width: Abs,
    /// The widths of the first lines, where they differ from `width` (lines beside a
    /// floated image); empty for a plain paragraph.
    pub first: Vec<Abs>,
    pub justify: bool,
    pub hyphenate: bool,
}

impl ParSettings {
    /// The width of line `n` (from 0).
    pub fn line_width(&self, n: usize) -> Abs {
        self.first.get(n).copied().unwrap_or(self.width)
    }

    /// The widest any line may be.
    pub fn widest(&self) -> Abs {
        self.first.iter().copied().fold(self.width, Abs::max)
    }
}

/// A set line: glyph runs from its left edge.
#[derive(Debug, Clone)]
pub struct Line {
    pub runs: Vec<GlyphRun>,
    /// Width of the set glyphs.
    pub width: Abs,
    /// The line ends in a hyphen added by hyphenation.
    pub hyphenated: bool,
    /// No break was found that kept this line within the measure.
    pub overfull: bool,
    /// The line ends inside a word too wide for any line, broken by force: the word's byte
    /// range in the paragraph's text, so the caller can say which.
    pub broken_word: Option<Range<usize>>,
}

/// Glyphs of one style on one line.
#[derive(Debug, Clone)]
pub struct GlyphRun {
    /// Offset from the line start.
    pub x: Abs,
    pub style: TextStyle,
    /// The text the glyphs stand for; glyph ranges index into it.
    pub text: String,
    pub glyphs: Vec<Glyph>,
    pub width: Abs,
}

/// A ratio of 1 is all the stretch there is; TeX's `\tolerance` of 200 allows about 1.26.
/// The first pass (no hyphenation) asks for decent lines only.
const FIRST_PASS_TOLERANCE: f64 = 1.0;
/// The second pass may hyphenate and accept looser lines.
const SECOND_PASS_TOLERANCE: f64 = 2.5;
/// Ragged right: each line end may take up to this many ems of white space before the
/// line counts as loose (the paper suggests 3 em; we measure in the paragraph's size).
const RAGGED_STRETCH_EM: f64 = 3.0;
/// The last resort's `\emergencystretch`, in ems of the paragraph's size: TeX users set
/// 1.5–3 em; 2 em spreads a stubborn paragraph's looseness without gaping spaces.
const EMERGENCY_STRETCH_EM: f64 = 2.0;

/// Sets a paragraph into lines.
pub fn set_paragraph(shapers: &Shapers, text: &StyledText, settings: &ParSettings) -> Vec<Line> {
    if text.text.trim().is_empty() {
        return Vec::new();
    }
    let size = text.runs.first().map_or(Abs(10.0), |(_, s)| s.size);
    let params = |tolerance, last_resort: bool| Params {
        width: settings.width.to_pt(),
        first_widths: settings.first.iter().map(|w| w.to_pt()).collect(),
        rightskip_stretch: if settings.justify {
            0.0
        } else {
            (size * RAGGED_STRETCH_EM).to_pt()
        },
        tolerance,
        emergency_stretch: if last_resort {
            (size * EMERGENCY_STRETCH_EM).to_pt()
        } else {
            0.0
        },
        last_resort,
        final_hyphen_demerits: knuth_plass::FINAL_HYPHEN_DEMERITS,
    };
    let plain = ParSettings {
        hyphenate: false,
        ..settings.clone()
    };
    let whole = Whole::new(shapers, text);
    let first_items = items::collect(shapers, &whole, text, &plain);
    let first = knuth_plass::total_fit(&first_items, &params(FIRST_PASS_TOLERANCE, false));
    let (items, breaks) = match first {
        Some(b) => (first_items, b),
        None => {
            let items = items::collect(shapers, &whole, text, settings);
            match knuth_plass::total_fit(&items, &params(SECOND_PASS_TOLERANCE, false)) {
                Some(b) => (items, b),
                None => {
                    let items = items::collect_last_resort(shapers, &whole, text, settings);
                    let b = knuth_plass::total_fit(&items, &params(SECOND_PASS_TOLERANCE, true))
                        .expect("invariant: the last resort breaks any non-empty paragraph");
                    (items, b)
                }
            }
        }
    };
    finalize(shapers, &whole, text, settings, &items, &breaks)
}

/// Shapes each line as a whole and justifies it.
fn finalize(
    shapers: &Shapers,
    whole: &Whole,
    text: &StyledText,
    settings: &ParSettings,
    items: &[Item],
    breaks: &[usize],
) -> Vec<Line> {
    let mut lines = Vec::new();
    let mut start = 0usize;
    for (n, &b) in breaks.iter().enumerate() {
        let (end, hyphenated, at_space) = match &items[b] {
            Item::Glue { at, .. } => (*at, false, true),
            Item::Penalty {
                at, width, flagged, ..
            } => (*at, *flagged && *width > 0.0, false),
            Item::Box { range, .. } => (range.end, false, false),
        };
        // A hard break right after another ("a\n\nb") ends an empty line, before the box
        // the next line will start at.
        let range = start.min(end)..end;
        let last = n + 1 == breaks.len();
        let mut line = set_line(shapers, whole, text, range, hyphenated);
        if matches!(
            items[b],
            Item::Penalty {
                emergency: true,
                ..
            }
        ) {
            line.broken_word = Some(word_around(items, b));
        }
        let forced_break =
            matches!(items[b], Item::Penalty { penalty, .. } if penalty <= -knuth_plass::INFINITY);
        if settings.justify && !last && !forced_break {
            justify(&mut line, settings.line_width(n));
        } else if line.width > settings.line_width(n) {
            // A last line the breaker fitted by shrinking its spaces is drawn so too,
            // rather than at its natural width past the margin.
            shrink(&mut line, settings.line_width(n));
        }
        // Judged once justified: a line set tight fits by shrinking its spaces.
        line.overfull = line.width.to_pt() > settings.line_width(n).to_pt() + 0.01;
        if at_space {
            push_break_space(shapers, &mut line);
        }
        lines.push(line);
        // The next line starts at the next box; spaces at a break vanish. When no box
        // follows (hard breaks at the end, as in "text\n\n"), it starts where this one ended.
        start = items[b + 1..]
            .iter()
            .find_map(|i| match i {
                Item::Box { range, .. } => Some(range.start),
                _ => None,
            })
            .unwrap_or(end);
    }
    // Hard breaks at the very end of a paragraph add nothing a reader sees.
    while lines.len() > 1 && lines.last().is_some_and(|l| l.runs.is_empty()) {
        lines.pop();
    }
    lines
}

/// The byte range of the word that item `b` (a break inside it) belongs to: the boxes
/// around it up to the nearest glue or forced break.
fn word_around(items: &[Item], b: usize) -> Range<usize> {
    let inside = |i: &Item| match i {
        Item::Box { .. } => true,
        Item::Penalty { penalty, .. } => *penalty > -knuth_plass::INFINITY,
        Item::Glue { .. } => false,
    };
    let box_range = |i: &Item| match i {
        Item::Box { range, .. } => Some(range.clone()),
        _ => None,
    };
    let first = items[..b]
        .iter()
        .rposition(|i| !inside(i))
        .map_or(0, |i| i + 1);
    let last = items[b..]
        .iter()
        .position(|i| !inside(i))
        .map_or(items.len(), |i| b + i);
    let start = items[first..b]
        .iter()
        .find_map(box_range)
        .map_or(0, |r| r.start);
    let end = items[b..last]
        .iter()
        .rev()
        .find_map(box_range)
        .map_or(start, |r| r.end);
    start..end
}

/// Shapes the text of one line into runs, adding a hyphen when the line breaks a word.
/// A style run whose characters fall back to other faces becomes one glyph run per face.
fn set_line(
    shapers: &Shapers,
    whole: &Whole,
    text: &StyledText,
    range: Range<usize>,
    hyphenated: bool,
) -> Line {
    let trimmed_end = range.start + text.text[range.clone()].trim_end().len();
    let mut runs = Vec::new();
    let mut x = Abs::ZERO;
    // The index of the first run `runs_in` gives, so each run's whole shaping is found.
    let first = text.runs.partition_point(|(r, _)| r.end <= range.start);
    for (i, (run, style)) in text
        .runs_in(range.start..trimmed_end)
        .iter()
        .enumerate()
        .filter(|(_, (r, _))| r.start < trimmed_end && r.end > range.start)
    {
        let from = run.start.max(range.start);
        let to = run.end.min(trimmed_end);
        for piece in whole.set(shapers, text, first + i, from..to, *style) {
            runs.push(GlyphRun { x, ..piece });
            x += runs.last().map_or(Abs::ZERO, |r: &GlyphRun| r.width);
        }
    }
    if hyphenated && let Some(last) = runs.last_mut() {
        // The hyphen is drawn in the last letter's face (a face without one draws none).
        let at = last.text.len();
        // Exactly as much more as the hyphen takes, for the reason given below.
        last.text.reserve_exact(SOFT_HYPHEN.len_utf8());
        last.text.push(SOFT_HYPHEN);
        if let Some(mut glyph) =
            shape::soft_hyphen(&shapers[last.style.face.0 as usize], last.style.size)
        {
            glyph.range = at..last.text.len();
            last.width += glyph.advance;
            x += glyph.advance;
            // Exactly one more: a pushed glyph would double the run's capacity, and a
            // document's lines keep their glyphs until it is written.
            last.glyphs.reserve_exact(1);
            last.glyphs.push(glyph);
        }
    }
    Line {
        runs,
        width: x,
        hyphenated,
        overfull: false,
        broken_word: None,
    }
}

/// Shapes one line of text in one style, never broken: one glyph run per face it falls back
/// to, each starting where the one before ends (`x` from 0). For text set outside
/// paragraphs, such as page furniture.
pub fn set_text(shapers: &Shapers, text: &str, style: TextStyle) -> Vec<GlyphRun> {
    let mut x = Abs::ZERO;
    let mut out = Vec::new();
    for piece in shape::shape_pieces(shapers, style.face, text, style.size) {
        let (Some(first), Some(last)) = (piece.glyphs.first(), piece.glyphs.last()) else {
            continue;
        };
        let span = first.range.start..last.range.end;
        let mut glyphs = piece.glyphs;
        for g in &mut glyphs {
            g.range = g.range.start - span.start..g.range.end - span.start;
        }
        let width = shape::width(&glyphs);
        out.push(GlyphRun {
            x,
            style: TextStyle {
                face: piece.face,
                ..style
            },
            text: text[span].to_string(),
            glyphs,
            width,
        });
        x += width;
    }
    out
}

/// The soft hyphen a line ends with when hyphenation split a word there: drawn as a
/// hyphen, but not text of its own, so search and copy see the word whole.
const SOFT_HYPHEN: char = '\u{AD}';

/// Adds the space a line broke at, after justification, as a glyph of its own: a real space
/// glyph that stands for " ", with no advance, at the end of the line (so it is neither
/// drawn nor counted in the line's width).
///
/// Without it a screen reader or a copy joins the last word of one line to the first of the
/// next. It must be its own glyph: giving the line's last glyph the space as well ("s" for
/// "s ") would be fixed as that glyph's Unicode for the whole document, because a PDF font
/// maps each glyph to one text, and every "s" would then be extracted with a space after it.
fn push_break_space(shapers: &Shapers, line: &mut Line) {
    let Some(run) = line.runs.last_mut() else {
        return;
    };
    let at = run.text.len();
    // Exactly one byte more: a pushed character would double the run's text, which the
    // document keeps, like its glyphs, until it is written.
    run.text.reserve_exact(1);
    run.text.push(' ');
    if let Some(space) = shape::break_space(&shapers[run.style.face.0 as usize], at..at + 1) {
        // Exactly one more, as for the hyphen in `set_line`.
        run.glyphs.reserve_exact(1);
        run.glyphs.push(space);
    }
}

/// Widens the spaces of a line so it fills `width`.
fn justify(line: &mut Line, width: Abs) {
    let spaces: usize = line
        .runs
        .iter()
        .map(|r| r.glyphs.iter().filter(|g| is_space(&r.text, g)).count())
        .sum();
    // Slack may be slightly negative: the line was measured word by word and is now shaped
    // whole, so kerning across a space can differ by a fraction of a point.
    let slack = width - line.width;
    if spaces == 0 || slack.to_pt().abs() < 1e-6 {
        return;
    }
    let extra = slack / spaces as f64;
    let mut x = Abs::ZERO;
    for run in &mut line.runs {
        run.x = x;
        for g in &mut run.glyphs {
            if is_space(&run.text, g) {
                g.advance += extra;
            }
        }
        run.width = shape::width(&run.glyphs);
        x += run.width;
    }
    line.width = x;
}

/// How far a word space may shrink: TeX's shrink of an interword space is a third of it.
const SPACE_SHRINK: f64 = 1.0 / 3.0;

/// Narrows the spaces of a line wider than `width`, each by at most [`SPACE_SHRINK`] of
/// itself, so it fits if shrinking can make it fit.
fn shrink(line: &mut Line, width: Abs) {
    let room: Abs = line
        .runs
        .iter()
        .flat_map(|r| r.glyphs.iter().filter(|g| is_space(&r.text, g)))
        .fold(Abs::ZERO, |a, g| a + g.advance * SPACE_SHRINK);
    let over = line.width - width;
    if room.to_pt() <= 0.0 || over.to_pt() <= 0.0 {
        return;
    }
    justify(line, line.width - over.min(room));
}

fn is_space(text: &str, g: &Glyph) -> bool {
    text.get(g.range.clone()) == Some(" ")
}

#[cfg(test)]
mod tests;
