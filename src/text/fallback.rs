//! Font fallback: which face draws each character of a run.
//!
//! In: a run of text in one face, the book's fallback chain and the substitute glyph. Out:
//! the run cut into pieces, each drawn by one face: the run's own face wherever it has the
//! character, else the first face of the chain that has it, else the substitute — a visible
//! glyph that stands in for the character (the PDF writer tags it with the real text, so
//! copy and screen readers keep it). No piece ever needs the `.notdef` glyph, which PDF/A
//! and PDF/UA forbid.
//!
//! Characters that belong to the one before them — combining marks, variation selectors,
//! zero-width joiners, emoji modifiers and tags — stay in that character's face, so that an
//! accented letter or an emoji sequence is shaped as one cluster.

use super::fonts::FaceId;
use super::shape::Shaper;
use std::ops::{Deref, Range};
use std::sync::Arc;

/// The fallback faces folio ships, in the order they are tried after the brand fonts and
/// any `[brand.fonts] fallback` of report.toml: symbols (ticks, crosses, stars, shapes,
/// pictographs), mathematical operators and arrows, more symbols (circled numbers, the
/// recycling and medical signs), emoji as monochrome outlines, and the scripts of the
/// South Asian languages most spoken in the UK after English — Bengali, Hindi (Devanagari),
/// Gujarati, Punjabi (Gurmukhi) and Tamil, each about 50–230 KB (left to right, as folio
/// sets text; Urdu and Arabic, which run right to left, are not). The built-in Liberation
/// Sans comes before them (it covers Latin, Greek and Cyrillic). They are compiled in, and
/// parsed only by a report that has a character its own fonts lack. SIL Open Font License
/// (`fonts/LICENSE-Noto.txt`).
pub const BUILTIN_FALLBACK: [(&str, &[u8]); 9] = [
    (
        "Noto Sans Symbols 2",
        include_bytes!("../../fonts/NotoSansSymbols2-Regular.ttf"),
    ),
    (
        "Noto Sans Math",
        include_bytes!("../../fonts/NotoSansMath-Regular.ttf"),
    ),
    (
        "Noto Sans Symbols",
        include_bytes!("../../fonts/NotoSansSymbols-Regular.ttf"),
    ),
    (
        "Noto Emoji",
        include_bytes!("../../fonts/NotoEmoji-Regular.ttf"),
    ),
    (
        "Noto Sans Bengali",
        include_bytes!("../../fonts/NotoSansBengali-Regular.ttf"),
    ),
    (
        "Noto Sans Devanagari",
        include_bytes!("../../fonts/NotoSansDevanagari-Regular.ttf"),
    ),
    (
        "Noto Sans Gujarati",
        include_bytes!("../../fonts/NotoSansGujarati-Regular.ttf"),
    ),
    (
        "Noto Sans Gurmukhi",
        include_bytes!("../../fonts/NotoSansGurmukhi-Regular.ttf"),
    ),
    (
        "Noto Sans Tamil",
        include_bytes!("../../fonts/NotoSansTamil-Regular.ttf"),
    ),
];

/// Shaping faces for every face of the book, with the fallback chain and the substitute.
pub struct Shapers<'a> {
    pub(super) faces: Vec<Shaper<'a>>,
    /// Fallback faces, in the order they are tried.
    pub(super) fallback: Vec<FaceId>,
    /// The glyph drawn for a character no face has: U+FFFD REPLACEMENT CHARACTER where a
    /// face has it, else U+25A1 WHITE SQUARE.
    pub(super) substitute: Option<(FaceId, u16)>,
}

impl<'a> Deref for Shapers<'a> {
    type Target = [Shaper<'a>];
    fn deref(&self) -> &Self::Target {
        &self.faces
    }
}

impl<'a> Shapers<'a> {
    /// Shapers for `faces`, trying `fallback` in order for characters a face lacks.
    pub fn new(faces: Vec<Shaper<'a>>, fallback: Vec<FaceId>) -> Self {
        let substitute = ['\u{FFFD}', '\u{25A1}'].into_iter().find_map(|c| {
            fallback
                .iter()
                .copied()
                .chain((0..faces.len()).map(|i| FaceId(i as u16)))
                .find_map(|f| {
                    let g = faces[f.0 as usize].face.glyph_index(c)?;
                    Some((f, g.0))
                })
        });
        Self {
            faces,
            fallback,
            substitute,
        }
    }

    /// The face that draws `c` when the run's face is `face`, or `None` if no face has it.
    pub fn face_for(&self, face: FaceId, c: char) -> Option<FaceId> {
        std::iter::once(face)
            .chain(self.fallback.iter().copied())
            .find(|f| self.faces[f.0 as usize].face.glyph_index(c).is_some())
    }

    /// The substitute glyph's face and id.
    pub fn substitute(&self) -> Option<(FaceId, u16)> {
        self.substitute
    }

    /// What another thread needs to make shapers like these ([`Shapers::from_seed`]): the
    /// same faces, shared rather than parsed again (a face's tables and the answers it keeps
    /// are read-only or atomic, so one face shapes on several threads at once), and the
    /// fallback chain.
    pub fn seed(&self) -> ShapersSeed<'a> {
        ShapersSeed {
            faces: self.faces.iter().map(|s| Arc::clone(&s.face)).collect(),
            fallback: self.fallback.clone(),
            substitute: self.substitute,
        }
    }

    /// Shapers of the seed's faces, with plans and shaped words of their own.
    pub fn from_seed(seed: &ShapersSeed<'a>) -> Self {
        Self {
            faces: seed
                .faces
                .iter()
                .map(|f| Shaper::new(Arc::clone(f)))
                .collect(),
            fallback: seed.fallback.clone(),
            substitute: seed.substitute,
        }
    }
}

/// Shapers' faces and fallback chain, to make shapers like them on another thread.
#[derive(Clone)]
pub struct ShapersSeed<'a> {
    faces: Vec<Arc<rustybuzz::Face<'a>>>,
    fallback: Vec<FaceId>,
    substitute: Option<(FaceId, u16)>,
}

/// Who draws a piece of a run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Choice {
    Face(FaceId),
    /// No face has the characters: the substitute glyph stands in for each.
    Substitute,
}

/// Cuts `text` (a run in `face`) into pieces by the face that draws them.
pub fn segment(shapers: &Shapers, face: FaceId, text: &str) -> Vec<(Range<usize>, Choice)> {
    let mut out: Vec<(Range<usize>, Choice)> = Vec::new();
    for (i, c) in text.char_indices() {
        let end = i + c.len_utf8();
        let choice = match out.last() {
            Some((_, prev)) if belongs_to_previous(c) => *prev,
            // Spaces stay in the run's face, so word spaces keep its width.
            _ if c.is_whitespace() => Choice::Face(face),
            _ => shapers
                .face_for(face, c)
                .map_or(Choice::Substitute, Choice::Face),
        };
        match out.last_mut() {
            Some((range, prev)) if *prev == choice => range.end = end,
            _ => out.push((i..end, choice)),
        }
    }
    out
}

/// Characters that join the one before them into one cluster.
fn belongs_to_previous(c: char) -> bool {
    use unicode_general_category::{GeneralCategory as G, get_general_category};
    matches!(
        get_general_category(c),
        G::NonspacingMark | G::SpacingMark | G::EnclosingMark
    ) || matches!(c,
        '\u{200C}' | '\u{200D}'                 // zero-width non-joiner and joiner
        | '\u{FE00}'..='\u{FE0F}'               // variation selectors
        | '\u{E0100}'..='\u{E01EF}'
        | '\u{1F3FB}'..='\u{1F3FF}'             // emoji skin-tone modifiers
        | '\u{E0020}'..='\u{E007F}') // emoji tag sequences (flags of nations)
}
