//! Shaping: text in one face and size → positioned glyphs, with kerning and ligatures.
//!
//! In: a string, a rustybuzz face and a size. Out: glyphs whose advances are in points and
//! whose `range` points back into the string, so the PDF can map every glyph to the text it
//! stands for (search, copy, read aloud).

use super::fallback::{self, Choice, Shapers};
use super::fonts::FaceId;
use crate::geom::Abs;
use std::cell::RefCell;
use std::collections::HashMap;
use std::ops::Range;
use std::rc::Rc;
use std::sync::Arc;

/// A face ready for shaping, with its shaping plans. Building a plan (compiling the font's
/// lookups for a script) costs far more than shaping a word with it, so plans are made once
/// per script and reused for every run of text. The face itself is shared by every thread's
/// shaper of it (see [`super::Shapers::seed`]); the plans and the shaped words are this
/// shaper's own.
pub struct Shaper<'a> {
    pub face: Arc<rustybuzz::Face<'a>>,
    plans: RefCell<Vec<(rustybuzz::Script, Rc<rustybuzz::ShapePlan>)>>,
    /// Shaped words by size (its bits) and text: a report repeats its words, and every word
    /// is measured while breaking lines. Only short strings are kept, so whole lines do not
    /// fill it. Keyed size first so that a word is looked up by its `&str`, with nothing
    /// allocated when it is found.
    words: RefCell<HashMap<u64, Words, Seeded>>,
}

/// Shaped words of one size, by text.
type Words = HashMap<Box<str>, Rc<[Glyph]>, Seeded>;

/// The words' hasher: foldhash, several times quicker than the standard library's SipHash
/// on short strings (every word of every paragraph is looked up while its lines are
/// broken), and like it seeded at random, so words written to collide cannot make the
/// lookups slow. The maps are only looked up, never walked, so their order reaches nothing.
type Seeded = foldhash::fast::RandomState;

/// Strings up to this many bytes are cached: words and short figures, not lines.
const CACHED_WORD_BYTES: usize = 24;

impl<'a> Shaper<'a> {
    pub fn new(face: Arc<rustybuzz::Face<'a>>) -> Self {
        Self {
            face,
            plans: RefCell::new(Vec::new()),
            words: RefCell::new(HashMap::default()),
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
    /// The glyph stands in for characters no face has (see [`super::fallback`]); the PDF
    /// writer gives it their text as `/ActualText`.
    pub substitute: bool,
}

/// Shapes `text` left to right. Kerning (`kern`) and standard ligatures (`liga`) are on by
/// default in HarfBuzz, so they need no feature list.
pub fn shape(shaper: &Shaper, text: &str, size: Abs) -> Vec<Glyph> {
    with_shaped(shaper, text, size, <[Glyph]>::to_vec)
}

/// Calls `f` with the glyphs [`shape`] gives for `text`, lent from the cache where `text`
/// is short enough to be kept there, so a word already shaped costs a lookup and no copy.
pub fn with_shaped<R>(shaper: &Shaper, text: &str, size: Abs, f: impl FnOnce(&[Glyph]) -> R) -> R {
    if text.is_empty() {
        return f(&[]);
    }
    if text.len() > CACHED_WORD_BYTES {
        return f(&shape_uncached(shaper, text, size));
    }
    let bits = size.to_pt().to_bits();
    let kept = shaper
        .words
        .borrow()
        .get(&bits)
        .and_then(|words| words.get(text))
        .cloned();
    let glyphs = kept.unwrap_or_else(|| {
        let glyphs: Rc<[Glyph]> = Rc::from(shape_uncached(shaper, text, size));
        shaper
            .words
            .borrow_mut()
            .entry(bits)
            .or_default()
            .insert(Box::from(text), Rc::clone(&glyphs));
        glyphs
    });
    f(&glyphs)
}

fn shape_uncached(shaper: &Shaper, text: &str, size: Abs) -> Vec<Glyph> {
    shape_flagged(shaper, text, size).0
}

/// Shapes `text` as [`shape`] does (uncached), with, for each glyph, whether the text may be
/// cut at the start of its cluster and the two sides shaped apart with the same result
/// (HarfBuzz's "unsafe to break" flag, negated).
pub fn shape_flagged(shaper: &Shaper, text: &str, size: Abs) -> (Vec<Glyph>, Vec<bool>) {
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
            substitute: false,
        })
        .collect();
    let mut safe: Vec<bool> = infos.iter().map(|i| !i.unsafe_to_break()).collect();
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
    // HarfBuzz draws a default-ignorable character it has no glyph for (a soft hyphen, a
    // zero-width joiner) as the space glyph with no advance. Left in, it would be that
    // glyph's first text and so the Unicode of every space in the document; it draws
    // nothing, so it goes.
    let space = face.glyph_index(' ').map(|g| g.0 as u32);
    let keep: Vec<bool> = glyphs
        .iter()
        .map(|g| {
            !(Some(g.id as u32) == space
                && g.advance == Abs::ZERO
                && text[g.range.clone()].chars().all(is_default_ignorable))
        })
        .collect();
    if keep.contains(&false) {
        let mut k = keep.iter();
        glyphs.retain(|_| *k.next().unwrap_or(&true));
        let mut k = keep.iter();
        safe.retain(|_| *k.next().unwrap_or(&true));
    }
    // White space the face has no glyph for (a tab, an ogham space mark) is drawn as its
    // space: the notdef glyph would be a box, and PDF/A forbids drawing it.
    if let Some(space) = face.glyph_index(' ') {
        for g in &mut glyphs {
            if g.id == 0 && text[g.range.clone()].chars().all(char::is_whitespace) {
                g.id = space.0;
                g.advance = advance(shaper, space, size);
                (g.x_offset, g.y_offset) = (Abs::ZERO, Abs::ZERO);
            }
        }
    }
    (glyphs, safe)
}

/// Characters Unicode lets a renderer hide: soft hyphen, zero-width and joiner controls,
/// variation selectors, the byte order mark, tag characters.
pub fn is_default_ignorable(c: char) -> bool {
    matches!(c,
        '\u{AD}' | '\u{34F}' | '\u{61C}' | '\u{115F}' | '\u{1160}' | '\u{17B4}' | '\u{17B5}'
        | '\u{180B}'..='\u{180F}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{206F}' | '\u{3164}' | '\u{FE00}'..='\u{FE0F}' | '\u{FEFF}'
        | '\u{FFA0}' | '\u{FFF0}'..='\u{FFF8}' | '\u{1BCA0}'..='\u{1BCA3}'
        | '\u{1D173}'..='\u{1D17A}' | '\u{E0000}'..='\u{E0FFF}')
}

/// The glyph that draws the hyphen hyphenation adds (a soft hyphen in the text; the caller
/// sets its range). A PDF font maps each glyph to one text, so the glyph must not be the one
/// that draws the text's own hyphens ("COVID-19"): those would then be extracted as soft
/// hyphens, that is, as nothing. Most fonts draw U+00AD with a glyph of its own; failing
/// that U+2010 HYPHEN; only a font with neither shares the glyph of `-`.
/// `None` if the face has no hyphen at all.
pub fn soft_hyphen(shaper: &Shaper, size: Abs) -> Option<Glyph> {
    let face = &shaper.face;
    let minus = face.glyph_index('-');
    let id = ['\u{AD}', '\u{2010}']
        .into_iter()
        .filter_map(|c| face.glyph_index(c))
        .find(|g| Some(*g) != minus && g.0 != 0)
        .or(minus)?;
    Some(Glyph {
        id: id.0,
        advance: advance(shaper, id, size),
        x_offset: Abs::ZERO,
        y_offset: Abs::ZERO,
        range: 0..0,
        substitute: false,
    })
}

/// A space glyph with no advance, standing for the space at `range` where a line broke:
/// see `push_break_space`. `None` if the face has no space glyph.
pub fn break_space(shaper: &Shaper, range: Range<usize>) -> Option<Glyph> {
    let id = shaper.face.glyph_index(' ')?;
    Some(Glyph {
        id: id.0,
        advance: Abs::ZERO,
        x_offset: Abs::ZERO,
        y_offset: Abs::ZERO,
        range,
        substitute: false,
    })
}

/// Glyphs of one face: a piece of a run once fonts fall back.
#[derive(Debug, Clone)]
pub struct Piece {
    pub face: FaceId,
    /// Glyph ranges index into the whole shaped string.
    pub glyphs: Vec<Glyph>,
}

/// Shapes `text` in `face`, falling back per character to the chain of `shapers` where the
/// face lacks a character, and to the substitute glyph where every face does. A run the
/// face covers (nearly every run) is shaped once, as by [`shape`].
pub fn shape_pieces(shapers: &Shapers, face: FaceId, text: &str, size: Abs) -> Vec<Piece> {
    let glyphs = shape(&shapers[face.0 as usize], text, size);
    if glyphs.iter().all(|g| g.id != 0) {
        return vec![Piece { face, glyphs }];
    }
    let mut pieces = Vec::new();
    for (range, choice) in fallback::segment(shapers, face, text) {
        match (choice, shapers.substitute()) {
            (Choice::Face(f), _) => {
                let mut glyphs = shape(&shapers[f.0 as usize], &text[range.clone()], size);
                for g in &mut glyphs {
                    g.range = g.range.start + range.start..g.range.end + range.start;
                }
                pieces.push(Piece { face: f, glyphs });
            }
            (Choice::Substitute, Some((f, id))) => {
                let shaper = &shapers[f.0 as usize];
                let advance = advance(shaper, rustybuzz::ttf_parser::GlyphId(id), size);
                let glyphs = text[range.clone()]
                    .char_indices()
                    .map(|(i, c)| Glyph {
                        id,
                        advance,
                        x_offset: Abs::ZERO,
                        y_offset: Abs::ZERO,
                        range: range.start + i..range.start + i + c.len_utf8(),
                        substitute: true,
                    })
                    .collect();
                pieces.push(Piece { face: f, glyphs });
            }
            // No face has even a substitute: the characters are left out.
            (Choice::Substitute, None) => {}
        }
    }
    pieces
        .into_iter()
        .flat_map(|p| notdef_to_substitute(shapers, p, size))
        .collect()
}

/// A glyph a face still could not draw — a mark that no face draws on the letter before it
/// (an enclosing keycap on a T) — is the substitute glyph standing for its characters, in
/// a piece of its own, like characters no face has; never the notdef glyph, which PDF/A
/// forbids. Without a substitute it is left out.
fn notdef_to_substitute(shapers: &Shapers, piece: Piece, size: Abs) -> Vec<Piece> {
    if piece.glyphs.iter().all(|g| g.id != 0) {
        return vec![piece];
    }
    let substitute = shapers.substitute();
    let mut out: Vec<Piece> = Vec::new();
    for g in piece.glyphs {
        let (face, glyph) = match (g.id, substitute) {
            (0, Some((f, id))) => (
                f,
                Glyph {
                    id,
                    advance: advance(
                        &shapers[f.0 as usize],
                        rustybuzz::ttf_parser::GlyphId(id),
                        size,
                    ),
                    x_offset: Abs::ZERO,
                    y_offset: Abs::ZERO,
                    substitute: true,
                    ..g
                },
            ),
            (0, None) => continue,
            _ => (piece.face, g),
        };
        match out.last_mut() {
            Some(last)
                if last.face == face
                    && last.glyphs.last().map(|l| l.substitute) == Some(glyph.substitute) =>
            {
                last.glyphs.push(glyph)
            }
            _ => out.push(Piece {
                face,
                glyphs: vec![glyph],
            }),
        }
    }
    out
}

/// The horizontal advance of a glyph at `size`.
fn advance(shaper: &Shaper, id: rustybuzz::ttf_parser::GlyphId, size: Abs) -> Abs {
    let face = &shaper.face;
    let units = face.glyph_hor_advance(id).unwrap_or(0) as f64;
    Abs(units * size.to_pt() / face.units_per_em() as f64)
}

/// The total advance of glyphs.
pub fn width(glyphs: &[Glyph]) -> Abs {
    glyphs.iter().fold(Abs::ZERO, |w, g| w + g.advance)
}
