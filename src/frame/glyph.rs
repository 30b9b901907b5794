//! A glyph as the frame keeps it: what the PDF writer draws, in as few bytes as it can be.
//!
//! In: a shaped glyph ([`crate::text::Glyph`], in points, with `f64` advances that line
//! breaking sums) and the size of its run. Out: a [`Glyph`] of 24 bytes rather than 48. A
//! document keeps every glyph it sets until its PDF is written — over a million of them at a
//! thousand pages — so their size is most of a long report's memory.

use crate::geom::Abs;
use crate::text;
use std::ops::Range;

/// One glyph of a [`super::TextRun`].
///
/// Advance and offsets are in ems of the run's size, as `f32`: the numbers the PDF is
/// written with (krilla takes a glyph's advance and offsets in ems, as `f32`), rounded once
/// from the shaped glyph's points, so a run in the frame draws exactly what its shaped
/// glyphs would. Layout has finished measuring by then; nothing sums these.
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
    /// Where the glyph is drawn relative to the pen (a mark over its letter), in ems.
    pub x_offset: f32,
    pub y_offset: f32,
}

impl Glyph {
    /// The glyph of a run set at `size`.
    pub fn new(g: &text::Glyph, size: Abs) -> Self {
        let em = |a: Abs| (a.to_pt() / size.to_pt()) as f32;
        Self {
            id: g.id,
            substitute: g.substitute,
            start: offset(g.range.start),
            end: offset(g.range.end),
            advance: em(g.advance),
            x_offset: em(g.x_offset),
            y_offset: em(g.y_offset),
        }
    }

    /// The bytes of the run's text the glyph stands for.
    pub fn range(&self) -> Range<usize> {
        self.start as usize..self.end as usize
    }

    /// The advance in points, for a run set at `size`.
    pub fn advance_at(&self, size: Abs) -> Abs {
        size * self.advance as f64
    }
}

/// A byte offset into a run's text as it is kept. Runs come from capped files, so the
/// offset fits; were one ever past 4 GB it would be clamped (its glyph's text cut short),
/// never a panic in the middle of a build.
fn offset(at: usize) -> u32 {
    u32::try_from(at).unwrap_or(u32::MAX)
}

/// Every glyph of a run set at `size`, in a vector no larger than it needs.
pub fn glyphs(shaped: &[text::Glyph], size: Abs) -> Vec<Glyph> {
    shaped.iter().map(|g| Glyph::new(g, size)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_kept_glyph_is_half_the_size_of_a_shaped_one() {
        assert_eq!(std::mem::size_of::<Glyph>(), 24);
        assert!(std::mem::size_of::<text::Glyph>() >= 2 * std::mem::size_of::<Glyph>());
    }

    #[test]
    fn a_kept_glyph_carries_the_numbers_the_pdf_is_written_with() {
        let shaped = text::Glyph {
            id: 7,
            advance: Abs(5.561),
            x_offset: Abs(-0.25),
            y_offset: Abs(1.5),
            range: 3..6,
            substitute: true,
        };
        let size = Abs(10.5);
        let g = Glyph::new(&shaped, size);
        assert_eq!(g.id, 7);
        assert!(g.substitute);
        assert_eq!(g.range(), 3..6);
        assert_eq!(g.advance, (5.561 / 10.5) as f32);
        assert_eq!(g.x_offset, (-0.25 / 10.5) as f32);
        assert_eq!(g.y_offset, (1.5 / 10.5) as f32);
        assert!((g.advance_at(size) - shaped.advance).to_pt().abs() < 1e-5);
    }
}
