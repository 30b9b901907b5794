//! Shaping: text in one face and size → positioned glyphs, with kerning and ligatures.
//!
//! In: a string, a rustybuzz face and a size. Out: glyphs whose advances are in points and
//! whose `range` points back into the string, so the PDF can map every glyph to the text it
//! stands for (search, copy, read aloud).

use crate::geom::Abs;
use std::cell::RefCell;
use std::collections::HashMap;
use std::ops::Range;
use std::rc::Rc;

/// A face ready for shaping, with its shaping plans. Building a plan (compiling the font's
/// lookups for a script) costs far more than shaping a word with it, so plans are made once
/// per script and reused for every run of text.
pub struct Shaper<'a> {
    pub face: rustybuzz::Face<'a>,
    plans: RefCell<Vec<(rustybuzz::Script, Rc<rustybuzz::ShapePlan>)>>,
    /// Shaped words by (text, size): a report repeats its words, and every word is measured
    /// while breaking lines. Only short strings are kept, so whole lines do not fill it.
    words: RefCell<HashMap<WordKey, Rc<[Glyph]>>>,
}

/// A cached word: its text and its size's bits.
type WordKey = (Box<str>, u64);

/// Strings up to this many bytes are cached: words and short figures, not lines.
const CACHED_WORD_BYTES: usize = 24;

impl<'a> Shaper<'a> {
    pub fn new(face: rustybuzz::Face<'a>) -> Self {
        Self {
            face,
            plans: RefCell::new(Vec::new()),
            words: RefCell::new(HashMap::new()),
        }
    }

    /// The plan for left-to-right text in `script`.
    fn plan(&self, script: rustybuzz::Script) -> Rc<rustybuzz::ShapePlan> {
        if let Some((_, plan)) = self.plans.borrow().iter().find(|(s, _)| *s == script) {
            return plan.clone();
        }
        let plan = Rc::new(rustybuzz::ShapePlan::new(
            &self.face,
            rustybuzz::Direction::LeftToRight,
            Some(script),
            None,
            &[],
        ));
        self.plans.borrow_mut().push((script, plan.clone()));
        plan
    }
}

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
pub fn shape(shaper: &Shaper, text: &str, size: Abs) -> Vec<Glyph> {
    if text.is_empty() {
        return Vec::new();
    }
    if text.len() > CACHED_WORD_BYTES {
        return shape_uncached(shaper, text, size);
    }
    let key = (Box::from(text), size.to_pt().to_bits());
    if let Some(glyphs) = shaper.words.borrow().get(&key) {
        return glyphs.to_vec();
    }
    let glyphs = shape_uncached(shaper, text, size);
    shaper
        .words
        .borrow_mut()
        .insert(key, Rc::from(glyphs.as_slice()));
    glyphs
}

fn shape_uncached(shaper: &Shaper, text: &str, size: Abs) -> Vec<Glyph> {
    let mut buffer = rustybuzz::UnicodeBuffer::new();
    buffer.push_str(text);
    buffer.set_direction(rustybuzz::Direction::LeftToRight);
    buffer.guess_segment_properties();
    let plan = shaper.plan(buffer.script());
    let face = &shaper.face;
    let out = rustybuzz::shape_with_plan(face, &plan, buffer);
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
