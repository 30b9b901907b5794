//! Shaping: text in one face and size → positioned glyphs, with kerning and ligatures.
//!
//! In: a string, a rustybuzz face and a size. Out: glyphs whose advances are in points and
//! whose `range` points back into the string, so the PDF can map every glyph to the text it
//! stands for (search, copy, read aloud).

use crate::geom::Abs;
use std::ops::Range;

/// One shaped glyph.
#[derive(Debug, Clone, PartialEq)]
pub struct Glyph {
    pub id: u16,
    pub advance: Abs,
    pub x_offset: Abs,
    pub y_offset: Abs,
    /// The bytes of the shaped string this glyph stands for (a whole cluster; for a
    /// ligature, all the characters it joins).
    pub range: Range<usize>,
}

/// Shapes `text` left to right. Kerning (`kern`) and standard ligatures (`liga`) are on by
/// default in HarfBuzz, so they need no feature list.
pub fn shape(face: &rustybuzz::Face, text: &str, size: Abs) -> Vec<Glyph> {
    if text.is_empty() {
        return Vec::new();
    }
    let mut buffer = rustybuzz::UnicodeBuffer::new();
    buffer.push_str(text);
    buffer.set_direction(rustybuzz::Direction::LeftToRight);
    buffer.guess_segment_properties();
    let out = rustybuzz::shape(face, &[], buffer);
    let scale = size.to_pt() / face.units_per_em() as f64;
    let infos = out.glyph_infos();
    let positions = out.glyph_positions();
    let mut glyphs: Vec<Glyph> = infos
        .iter()
        .zip(positions)
        .map(|(info, pos)| Glyph {
            id: info.glyph_id as u16,
            advance: Abs(pos.x_advance as f64 * scale),
            x_offset: Abs(pos.x_offset as f64 * scale),
            y_offset: Abs(pos.y_offset as f64 * scale),
            range: info.cluster as usize..info.cluster as usize,
        })
        .collect();
    // A cluster runs from its start to the start of the next cluster (LTR), so that every
    // byte of the text belongs to exactly one glyph cluster.
    for i in 0..glyphs.len() {
        let start = glyphs[i].range.start;
        let end = glyphs[i + 1..]
            .iter()
            .map(|g| g.range.start)
            .find(|&s| s > start)
            .unwrap_or(text.len());
        glyphs[i].range = start..end;
    }
    glyphs
}

/// The total advance of glyphs.
pub fn width(glyphs: &[Glyph]) -> Abs {
    glyphs.iter().fold(Abs::ZERO, |w, g| w + g.advance)
}
