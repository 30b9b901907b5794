//! A glyph as the frame keeps it: what the PDF writer draws, in as few bytes as it can be.
//!
//! In: shaped glyphs ([`crate::text::Glyph`], in points, with `f64` advances that line
//! breaking sums) and the size of their run. Out: [`Glyphs`], 16 bytes a glyph rather than
//! 48. A document keeps every glyph it sets until its PDF is written — over a million of them
//! at a thousand pages — so their size is most of a long report's memory.

use crate::geom::Abs;
use crate::text;
use std::ops::{Deref, Range};

/// One glyph of a [`super::TextRun`].
///
/// The advance is in ems of the run's size, as `f32`: the number the PDF is written with
/// (krilla takes a glyph's advance and offsets in ems, as `f32`), rounded once from the
/// shaped glyph's points, so a run in the frame draws exactly what its shaped glyphs would.
/// Layout has finished measuring by then; nothing sums these. Where the glyph is drawn away
/// from the pen is kept apart ([`Glyphs::placed`]): only marks are, and they are rare.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Glyph {
    /// The glyph's index in its face.
    pub id: u16,
    /// The glyph stands in for characters no face has (see [`crate::text::fallback`]): the
    /// PDF writer gives it their text as `/ActualText`.
    pub substitute: bool,
    /// The bytes of the run's text the glyph stands for (a whole cluster; for a ligature,
    /// all the characters it joins), as `start..end`. `u32`: a run's text is at most one
    /// line of one report, and every file a report is read from is capped far below 4 GB.
    start: u32,
    end: u32,
    /// How far the pen moves after the glyph, in ems.
    pub advance: f32,
}

/// Where a glyph of a run is drawn relative to the pen (a mark over its letter), in ems.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Offset {
    /// The glyph's index in its run.
    glyph: u32,
    x: f32,
    y: f32,
}

/// The glyphs of a run, in order (they are a slice of [`Glyph`]s), and the offsets of the
/// few drawn away from the pen.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Glyphs {
    glyphs: Box<[Glyph]>,
    /// By glyph index, ascending; empty (no allocation) for nearly every run.
    offsets: Box<[Offset]>,
}

impl Glyph {
    /// The bytes of the run's text the glyph stands for.
    pub fn range(&self) -> Range<usize> {
        self.start as usize..self.end as usize
    }

    /// The advance in points, for a run set at `size`.
    pub fn advance_at(&self, size: Abs) -> Abs {
        size * self.advance as f64
    }
}

impl Glyphs {
    /// The glyphs of a run set at `size`.
    pub fn new(shaped: &[text::Glyph], size: Abs) -> Self {
        let em = |a: Abs| (a.to_pt() / size.to_pt()) as f32;
        let glyphs = shaped
            .iter()
            .map(|g| Glyph {
                id: g.id,
                substitute: g.substitute,
                start: offset(g.range.start),
                end: offset(g.range.end),
                advance: em(g.advance),
            })
            .collect();
        // Compared by bits, so that even a negative zero is drawn as it was shaped.
        let offsets = shaped
            .iter()
            .enumerate()
            .map(|(i, g)| Offset {
                glyph: offset(i),
                x: em(g.x_offset),
                y: em(g.y_offset),
            })
            .filter(|o| o.x.to_bits() != 0 || o.y.to_bits() != 0)
            .collect();
        Self { glyphs, offsets }
    }

    /// Each glyph with where it is drawn relative to the pen, `(x, y)` in ems.
    pub fn placed(&self) -> impl Iterator<Item = (&Glyph, (f32, f32))> {
        let mut offsets = self.offsets.iter().peekable();
        self.glyphs.iter().enumerate().map(move |(i, g)| {
            match offsets.next_if(|o| o.glyph as usize == i) {
                Some(o) => (g, (o.x, o.y)),
                None => (g, (0.0, 0.0)),
            }
        })
    }
}

impl Deref for Glyphs {
    type Target = [Glyph];

    fn deref(&self) -> &[Glyph] {
        &self.glyphs
    }
}

/// A byte offset into a run's text (or a glyph's index in it) as it is kept. Runs come from
/// capped files, so it fits; were one ever past 4 GB it would be clamped (its glyph's text
/// cut short), never a panic in the middle of a build.
fn offset(at: usize) -> u32 {
    u32::try_from(at).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shaped(id: u16, advance: f64, offset: (f64, f64), range: Range<usize>) -> text::Glyph {
        text::Glyph {
            id,
            advance: Abs(advance),
            x_offset: Abs(offset.0),
            y_offset: Abs(offset.1),
            range,
            substitute: id == 9,
        }
    }

    #[test]
    fn a_kept_glyph_is_a_third_of_a_shaped_one() {
        assert_eq!(std::mem::size_of::<Glyph>(), 16);
        assert!(std::mem::size_of::<text::Glyph>() >= 3 * std::mem::size_of::<Glyph>());
    }

    #[test]
    fn kept_glyphs_carry_the_numbers_the_pdf_is_written_with() {
        let size = Abs(10.5);
        let run = [
            shaped(7, 5.561, (0.0, 0.0), 0..1),
            shaped(8, 0.0, (-2.25, 1.5), 0..1),
            shaped(9, 4.0, (0.0, 0.0), 1..4),
            shaped(3, 2.5, (0.5, 0.0), 4..5),
        ];
        let glyphs = Glyphs::new(&run, size);
        assert_eq!(glyphs.len(), 4);
        /// A glyph as drawn: id, substitute, text, advance, offset.
        type Drawn = (u16, bool, Range<usize>, f32, (f32, f32));
        let placed: Vec<Drawn> = glyphs
            .placed()
            .map(|(g, o)| (g.id, g.substitute, g.range(), g.advance, o))
            .collect();
        let em = |pt: f64| (pt / 10.5) as f32;
        assert_eq!(
            placed,
            [
                (7, false, 0..1, em(5.561), (0.0, 0.0)),
                (8, false, 0..1, 0.0, (em(-2.25), em(1.5))),
                (9, true, 1..4, em(4.0), (0.0, 0.0)),
                (3, false, 4..5, em(2.5), (em(0.5), 0.0)),
            ]
        );
        assert!((glyphs[0].advance_at(size) - Abs(5.561)).to_pt().abs() < 1e-5);
    }
}
