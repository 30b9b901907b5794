//! Answers about characters and glyphs, kept once computed.
//!
//! Shaping asks the same questions of every character and glyph of every text: which glyph
//! the font maps a character to (a `cmap` lookup: find the subtable, then a binary search
//! over its segments), a character's general category (a search of the Unicode tables), a
//! glyph's class in `GDEF` (a search of its class definitions). Each takes a few hundred
//! instructions and the answer never changes, so it is kept the first time it is given.
//!
//! Entries are atomics so that one face can shape on several threads: two threads missing
//! the same entry both compute it and store the same answer, so what is kept never depends
//! on which ran first, and no lock is taken.

use core::sync::atomic::{AtomicU32, Ordering};

/// Answers for `N` keys; each is kept as the answer plus one, so that 0 means "not yet".
pub(crate) struct Memo<const N: usize>([AtomicU32; N]);

impl<const N: usize> Memo<N> {
    pub(crate) const fn new() -> Self {
        Memo([const { AtomicU32::new(0) }; N])
    }

    /// The answer for `slot`, from `compute` the first time. An answer must be less than
    /// `u32::MAX`.
    #[inline]
    pub(crate) fn get(&self, slot: usize, compute: impl FnOnce() -> u32) -> u32 {
        let entry = &self.0[slot];
        match entry.load(Ordering::Relaxed) {
            0 => {
                let answer = compute();
                entry.store(answer + 1, Ordering::Relaxed);
                answer
            }
            kept => kept - 1,
        }
    }
}

/// U+0000–U+07FF: Latin, Greek, Cyrillic, Armenian, Hebrew, Arabic, Syriac and Thaana, with
/// their combining marks.
const LOW: u32 = 0x0800;
/// U+2000–U+207F: general punctuation (spaces, dashes, quotation marks, the ellipsis) and
/// super- and subscripts.
const PUNCTUATION: core::ops::Range<u32> = 0x2000..0x2080;

/// How many characters have a slot.
pub(crate) const CHAR_SLOTS: usize = (LOW + (PUNCTUATION.end - PUNCTUATION.start)) as usize;

/// The slot of character `c`, if it has one: other characters are computed every time.
#[inline]
pub(crate) fn char_slot(c: u32) -> Option<usize> {
    if c < LOW {
        Some(c as usize)
    } else if PUNCTUATION.contains(&c) {
        Some((LOW + c - PUNCTUATION.start) as usize)
    } else {
        None
    }
}

/// Glyphs below this id have a slot: all of a Latin, Greek and Cyrillic font's, most of a
/// larger one's.
pub(crate) const GLYPH_SLOTS: usize = 4096;
