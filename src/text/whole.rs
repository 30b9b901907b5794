//! A paragraph's style runs shaped whole, once, and cut into words and lines.
//!
//! In: a paragraph's styled text and its shaping faces. Out: for a byte range inside one style
//! run, the glyphs that shaping that range on its own would give — cut from the run shaped
//! whole where HarfBuzz says the cut changes nothing, shaped afresh where it does not.
//!
//! Breaking a paragraph measures each word and then sets each line; shaping every word and
//! then every line again shaped the paragraph's text twice and more. HarfBuzz marks each
//! glyph whose cluster start is *unsafe to break*: cutting the text there and shaping the two
//! sides separately could give other glyphs (kerning or a ligature across the cut). Where
//! neither end of a range is marked, the glyphs of the run shaped whole between its ends are
//! the glyphs of the range shaped alone, so a word's width and a line's glyphs come from one
//! shaping of the run. A range shaped alone also takes the script of its own first letter;
//! one whose first letter (or lack of one: "2020") names another script than the run's is
//! shaped afresh, so every result is exactly what shaping the range alone gives.

use super::fallback::Shapers;
use super::shape::{self, Glyph};
use super::{StyledText, TextStyle};
use std::borrow::Cow;
use std::ops::Range;
use unicode_script::{Script, UnicodeScript};

/// Runs up to this many bytes are not shaped whole: their words are in the shaping cache
/// (see [`shape::shape`]), which makes that cheaper than shaping them once more.
const SHAPED_WHOLE_BYTES: usize = 24;

/// A paragraph's style runs, each shaped whole where that is worth it.
pub struct Whole {
    /// Per style run of the text, in order.
    runs: Vec<Option<Run>>,
}

/// One style run shaped whole.
struct Run {
    /// The run's bytes in the paragraph's text.
    range: Range<usize>,
    /// Glyph ranges are absolute (bytes of the paragraph's text).
    glyphs: Vec<Glyph>,
    /// `safe[i]`: the text may be cut at the start of glyph `i`'s cluster.
    safe: Vec<bool>,
    /// The script the run was shaped in: that of its first letter.
    script: Option<Script>,
}

impl Whole {
    /// Shapes each style run of `text` longer than [`SHAPED_WHOLE_BYTES`] whole. A run with
    /// a character its face lacks is left to be shaped piece by piece, as fallback needs.
    pub fn new(shapers: &Shapers, text: &StyledText) -> Self {
        let runs = text
            .runs
            .iter()
            .map(|(range, style)| {
                let s = &text.text[range.clone()];
                if s.len() <= SHAPED_WHOLE_BYTES {
                    return None;
                }
                let (mut glyphs, safe) =
                    shape::shape_flagged(&shapers[style.face.0 as usize], s, style.size);
                if glyphs.iter().any(|g| g.id == 0) {
                    return None;
                }
                for g in &mut glyphs {
                    g.range = g.range.start + range.start..g.range.end + range.start;
                }
                Some(Run {
                    range: range.clone(),
                    glyphs,
                    safe,
                    script: script(s),
                })
            })
            .collect();
        Self { runs }
    }

    /// The glyphs of `range` (absolute, within the style run at `run`) shaped on its own
    /// in `style`, cut from the run shaped whole; `None` where they must be shaped afresh.
    fn cut(&self, text: &str, run: usize, range: Range<usize>) -> Option<&[Glyph]> {
        let whole = self.runs.get(run)?.as_ref()?;
        if range.is_empty() || script(&text[range.clone()]) != whole.script {
            return None;
        }
        let glyphs = &whole.glyphs;
        let first = glyphs.partition_point(|g| g.range.start < range.start);
        let end = glyphs.partition_point(|g| g.range.start < range.end);
        // A cut is clean where a glyph starts exactly there and HarfBuzz marks that cluster
        // safe to break; the run's own ends need no mark, nothing lies beyond them.
        let head = glyphs.get(first).is_some_and(|g| {
            g.range.start == range.start && (range.start == whole.range.start || whole.safe[first])
        });
        let tail = if range.end == whole.range.end {
            end == glyphs.len()
        } else {
            glyphs
                .get(end)
                .is_some_and(|g| g.range.start == range.end && whole.safe[end])
        };
        (head && tail && first < end).then(|| &glyphs[first..end])
    }

    /// The glyphs of `range` in the paragraph, a style run at a time, as
    /// [`super::items::shape_range`] would shape them; glyph ranges absolute.
    pub fn glyphs<'a>(
        &'a self,
        shapers: &Shapers,
        text: &StyledText,
        range: Range<usize>,
    ) -> Cow<'a, [Glyph]> {
        let first = text.runs.partition_point(|(r, _)| r.end <= range.start);
        let inside = text
            .runs
            .get(first)
            .is_some_and(|(r, _)| r.end >= range.end);
        if inside && let Some(glyphs) = self.cut(&text.text, first, range.clone()) {
            return Cow::Borrowed(glyphs);
        }
        Cow::Owned(super::items::shape_range(shapers, text, range))
    }

    /// One style run's part of a line, `range` (absolute, within the run at `run`), as
    /// [`super::set_text`] sets it: one glyph run per face, `x` from 0.
    pub fn set(
        &self,
        shapers: &Shapers,
        text: &StyledText,
        run: usize,
        range: Range<usize>,
        style: TextStyle,
    ) -> Vec<super::GlyphRun> {
        let Some(glyphs) = self.cut(&text.text, run, range.clone()) else {
            return super::set_text(shapers, &text.text[range], style);
        };
        let (Some(first), Some(last)) = (glyphs.first(), glyphs.last()) else {
            return Vec::new();
        };
        let span = first.range.start..last.range.end;
        let glyphs: Vec<Glyph> = glyphs
            .iter()
            .map(|g| Glyph {
                range: g.range.start - span.start..g.range.end - span.start,
                ..g.clone()
            })
            .collect();
        let width = shape::width(&glyphs);
        vec![super::GlyphRun {
            x: crate::geom::Abs::ZERO,
            style,
            text: text.text[span].to_string(),
            glyphs,
            width,
        }]
    }
}

/// The script HarfBuzz shapes `text` in when asked to guess it (as [`shape::shape`] does):
/// that of its first character with a script of its own; `None` if it has none.
fn script(text: &str) -> Option<Script> {
    text.chars()
        .map(|c| c.script())
        .find(|s| !matches!(s, Script::Common | Script::Inherited | Script::Unknown))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geom::{Abs, Color};
    use crate::text::{FamilyId, FontBook};

    const TEXT: &str = "WAVE AT Toyota: “Yes,” said T. Wyatt, office flow 2020 – LAVA; fjord.";

    fn styled(book: &FontBook) -> StyledText {
        let mut s = StyledText::default();
        s.push(
            TEXT,
            TextStyle {
                face: book.select(FamilyId(0), false, false),
                size: Abs(10.0),
                color: Color::BLACK,
                key: 0,
                hyphenation: None,
            },
        );
        s
    }

    #[test]
    fn every_cut_it_gives_is_what_shaping_the_range_alone_gives() {
        let book = FontBook::with_builtin();
        let shapers = book.shapers();
        let text = styled(&book);
        let whole = Whole::new(&shapers, &text);
        let bounds: Vec<usize> = TEXT
            .char_indices()
            .map(|(i, _)| i)
            .chain([TEXT.len()])
            .collect();
        let mut cut = 0;
        for (n, &a) in bounds.iter().enumerate() {
            for &b in &bounds[n + 1..] {
                let Some(glyphs) = whole.cut(TEXT, 0, a..b) else {
                    continue;
                };
                cut += 1;
                let alone: Vec<Glyph> = shape::shape(&shapers[0], &TEXT[a..b], Abs(10.0))
                    .into_iter()
                    .map(|g| Glyph {
                        range: g.range.start + a..g.range.end + a,
                        ..g
                    })
                    .collect();
                assert_eq!(glyphs, alone.as_slice(), "{:?}", &TEXT[a..b]);
            }
        }
        assert!(cut > 1000, "only {cut} ranges were cut");
    }

    #[test]
    fn a_cut_through_a_kerned_pair_or_into_another_script_is_shaped_afresh() {
        let book = FontBook::with_builtin();
        let shapers = book.shapers();
        let text = styled(&book);
        let whole = Whole::new(&shapers, &text);
        // "W|AVE": the face kerns W and A.
        let alone = shape::shape(&shapers[0], "WA", Abs(10.0));
        assert_ne!(
            alone[0].advance,
            shape::shape(&shapers[0], "W", Abs(10.0))[0].advance
        );
        assert!(whole.cut(TEXT, 0, 1..4).is_none());
        // "2020" alone has no script; the run is Latin.
        let at = TEXT.find("2020").unwrap();
        assert!(whole.cut(TEXT, 0, at..at + 4).is_none());
        // Whole words between unkerned spaces are cut.
        let at = TEXT.find("office").unwrap();
        assert!(whole.cut(TEXT, 0, at..at + "office".len()).is_some());
    }
}
