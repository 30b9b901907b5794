//! Hyphenation: a language → the places a word of it may break.
//!
//! In: a language's primary subtag ("cy", "fr") and lower-case words. Out: a
//! [`Hyphenation`] for the language, if folio has patterns for it, and the byte offsets at
//! which a word may be hyphenated.
//!
//! Two sources of patterns, both TeX's (hyph-utf8): `hypher`'s compiled tries for the
//! forty-odd languages it ships, and for Welsh and Irish, which it lacks, the hyph-utf8
//! pattern files embedded from `hyphenation/` (each with its licence beside it) and run by
//! folio's own [`liang`] module. Those are compiled the first time a word of the language is
//! hyphenated, once per process. Scottish Gaelic has no freely licensed pattern set
//! (hyph-utf8 has none), so it is not hyphenated.
//!
//! Each language keeps its own minimums: English the British two letters before a break and
//! three after; hypher's languages hypher's; Welsh and Irish the `hyphenmins` their pattern
//! files give. Welsh digraphs (ch, dd, ff, ng, ll, ph, rh, th) are single letters of its
//! alphabet and are never split, whatever a pattern says.

mod liang;

use liang::Patterns;
use std::sync::OnceLock;

/// British hyphenation keeps two letters before and three after a break (as in ukhyphen).
const ENGLISH_MINIMUMS: (usize, usize) = (2, 3);

/// How a language is hyphenated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hyphenation {
    /// Patterns `hypher` ships.
    Hypher(hypher::Lang),
    /// hyph-utf8 patterns folio embeds and runs itself.
    Tex(TexPatterns),
}

/// The pattern sets folio embeds for languages hypher lacks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TexPatterns {
    /// hyph-cy (Yannis Haralambous, 1996; LPPL or MIT).
    Welsh,
    /// hyph-ga (Kevin P. Scannell, 2004; GPL 2+ or MIT, used under MIT).
    Irish,
}

impl TexPatterns {
    /// `\lefthyphenmin` and `\righthyphenmin` as the pattern file's `hyphenmins` give them
    /// (checked against the file's header by a test).
    fn minimums(self) -> (usize, usize) {
        match self {
            TexPatterns::Welsh => (2, 3),
            TexPatterns::Irish => (2, 3),
        }
    }

    /// The compiled patterns, compiled on first use.
    fn patterns(self) -> &'static Patterns {
        static WELSH: OnceLock<Patterns> = OnceLock::new();
        static IRISH: OnceLock<Patterns> = OnceLock::new();
        match self {
            TexPatterns::Welsh => WELSH.get_or_init(|| {
                Patterns::parse(include_str!("../../../hyphenation/hyph-cy.pat.txt"), "")
            }),
            TexPatterns::Irish => IRISH.get_or_init(|| {
                Patterns::parse(
                    include_str!("../../../hyphenation/hyph-ga.pat.txt"),
                    include_str!("../../../hyphenation/hyph-ga.hyp.txt"),
                )
            }),
        }
    }
}

impl Hyphenation {
    /// The hyphenation of a language by its primary subtag ("cy"), if folio has patterns.
    pub fn for_language(primary: &str) -> Option<Self> {
        match primary {
            "cy" => Some(Hyphenation::Tex(TexPatterns::Welsh)),
            "ga" => Some(Hyphenation::Tex(TexPatterns::Irish)),
            _ => {
                hypher::Lang::from_iso(primary.as_bytes().try_into().ok()?).map(Hyphenation::Hypher)
            }
        }
    }

    /// Letters kept before the first break and after the last.
    pub fn minimums(self) -> (usize, usize) {
        match self {
            Hyphenation::Hypher(hypher::Lang::English) => ENGLISH_MINIMUMS,
            Hyphenation::Hypher(lang) => lang.bounds(),
            Hyphenation::Tex(t) => t.minimums(),
        }
    }

    /// Byte offsets inside the lower-case `word` (letters only) where it may be hyphenated.
    pub fn breaks(self, word: &str) -> Vec<usize> {
        let (left, right) = self.minimums();
        match self {
            Hyphenation::Hypher(lang) => {
                let syllables: Vec<&str> =
                    hypher::hyphenate_bounded(word, lang, left, right).collect();
                let mut at = 0;
                syllables[..syllables.len().saturating_sub(1)]
                    .iter()
                    .map(|s| {
                        at += s.len();
                        at
                    })
                    .collect()
            }
            Hyphenation::Tex(t) => {
                let mut chars = t.patterns().breaks(word, left, right);
                if t == TexPatterns::Welsh {
                    chars.retain(|&i| !inside_welsh_digraph(word, i));
                }
                let offsets: Vec<usize> = word.char_indices().map(|(b, _)| b).collect();
                chars.into_iter().map(|i| offsets[i]).collect()
            }
        }
    }
}

impl Hyphenation {
    /// Whether a break at byte `at` of `word` would split one of the language's letters (a
    /// Welsh digraph): a break forced between letters must not do that either.
    pub fn splits_letter(self, word: &str, at: usize) -> bool {
        if self != Hyphenation::Tex(TexPatterns::Welsh) {
            return false;
        }
        let lower = word.to_lowercase();
        if lower.len() != word.len() {
            return false;
        }
        let index = lower[..at.min(lower.len())].chars().count();
        inside_welsh_digraph(&lower, index)
    }
}

/// The letters of the Welsh alphabet written with two characters.
const WELSH_DIGRAPHS: [&str; 8] = ["ch", "dd", "ff", "ng", "ll", "ph", "rh", "th"];

/// Whether a break before character `at` of the lower-case Welsh `word` would split one of
/// its letters. The word is read into letters from the left, a digraph taken whole wherever
/// one starts ("pwllllan" is p, w, ll, ll, a, n), as a Welsh reader spells it. "ng" is
/// sometimes n and g ("Llan-gollen", "Ban-gor"); it is kept whole all the same, since
/// which it is depends on the word's origin, and losing a break costs less than a wrong one.
fn inside_welsh_digraph(word: &str, at: usize) -> bool {
    let chars: Vec<char> = word.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let two = chars.get(i..i + 2).map(|p| p.iter().collect::<String>());
        let width = match two {
            Some(p) if WELSH_DIGRAPHS.contains(&p.as_str()) => 2,
            _ => 1,
        };
        if width == 2 && at == i + 1 {
            return true;
        }
        if i + width > at {
            return false;
        }
        i += width;
    }
    false
}

#[cfg(test)]
mod tests;
