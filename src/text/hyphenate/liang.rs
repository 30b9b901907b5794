//! Liang's hyphenation algorithm, as TeX runs it: TeX patterns → the places a word may break.
//!
//! In: a pattern list in hyph-utf8's plain-text form (one pattern a line, letters with
//! digits between them: `ad3ae`, `.add5as`, a dot for a word's edge) and, optionally, its
//! exceptions (`ta-bl-e` words whose breaks are given outright). Out: [`Patterns`], which
//! says where a lower-case word may be hyphenated.
//!
//! Every pattern found inside `.word.` raises the level between its letters to its digit;
//! an odd level allows a break, an even one forbids it, and the highest digit wins (Liang,
//! *Word Hy-phen-a-tion by Com-put-er*, 1983; TeX §919–§965). The patterns are kept in a
//! trie of characters, so a word of n letters costs n walks no longer than the longest
//! pattern. Breaks closer to the word's ends than the language's minimums are dropped, as
//! TeX drops them (`\lefthyphenmin`, `\righthyphenmin`), exceptions included.

use std::collections::BTreeMap;

/// A compiled pattern set.
pub struct Patterns {
    /// Trie nodes; node 0 is the root.
    nodes: Vec<Node>,
    /// Exception words (lower case) and the character positions they break before.
    exceptions: BTreeMap<String, Vec<usize>>,
}

#[derive(Default)]
struct Node {
    /// Children by character, sorted for binary search.
    children: Vec<(char, u32)>,
    /// The levels of the pattern ending here: one before each of its letters and one
    /// after the last.
    levels: Option<Box<[u8]>>,
}

impl Patterns {
    /// Compiles a pattern list and its exceptions. Blank lines and `%` comments are skipped;
    /// a line may hold several patterns separated by spaces.
    pub fn parse(patterns: &str, exceptions: &str) -> Self {
        let mut out = Patterns {
            nodes: vec![Node::default()],
            exceptions: BTreeMap::new(),
        };
        for pattern in words(patterns) {
            out.insert(pattern);
        }
        for word in words(exceptions) {
            let mut letters = String::new();
            let mut breaks = Vec::new();
            for c in word.chars() {
                if c == '-' {
                    breaks.push(letters.chars().count());
                } else {
                    letters.push(c);
                }
            }
            out.exceptions.insert(letters, breaks);
        }
        out
    }

    fn insert(&mut self, pattern: &str) {
        let mut levels = vec![0u8];
        let mut node = 0usize;
        for c in pattern.chars() {
            if let Some(d) = c.to_digit(10) {
                *levels.last_mut().expect("levels start with one entry") = d as u8;
                continue;
            }
            node = match self.child(node, c) {
                Some(n) => n,
                None => {
                    let n = self.nodes.len();
                    self.nodes.push(Node::default());
                    let children = &mut self.nodes[node].children;
                    let at = children.partition_point(|(k, _)| *k < c);
                    children.insert(at, (c, n as u32));
                    n
                }
            };
            levels.push(0);
        }
        self.nodes[node].levels = Some(levels.into_boxed_slice());
    }

    fn child(&self, node: usize, c: char) -> Option<usize> {
        let children = &self.nodes[node].children;
        children
            .binary_search_by_key(&c, |(k, _)| *k)
            .ok()
            .map(|i| children[i].1 as usize)
    }

    /// The character positions (1 ≤ i < letters) before which the lower-case `word` may
    /// break, at least `left` letters from its start and `right` from its end.
    pub fn breaks(&self, word: &str, left: usize, right: usize) -> Vec<usize> {
        let n = word.chars().count();
        let allowed = |i: &usize| *i >= left.max(1) && *i + right.max(1) <= n;
        if let Some(given) = self.exceptions.get(word) {
            return given.iter().copied().filter(allowed).collect();
        }
        let padded: Vec<char> = std::iter::once('.')
            .chain(word.chars())
            .chain(std::iter::once('.'))
            .collect();
        // levels[p] lies before padded[p].
        let mut levels = vec![0u8; padded.len() + 1];
        for start in 0..padded.len() {
            let mut node = 0;
            for &c in &padded[start..] {
                match self.child(node, c) {
                    Some(next) => node = next,
                    None => break,
                }
                if let Some(found) = &self.nodes[node].levels {
                    for (j, &v) in found.iter().enumerate() {
                        let l = &mut levels[start + j];
                        *l = (*l).max(v);
                    }
                }
            }
        }
        // A break before word letter i lies before padded[i + 1].
        (1..n)
            .filter(allowed)
            .filter(|i| levels[i + 1] % 2 == 1)
            .collect()
    }

    /// How many patterns the set holds.
    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.nodes.iter().filter(|n| n.levels.is_some()).count()
    }
}

/// The whitespace-separated entries of a pattern or exception file, comments removed.
fn words(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .map(|l| l.split('%').next().unwrap_or(""))
        .flat_map(str::split_whitespace)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The word with a hyphen at each break.
    fn show(p: &Patterns, word: &str, left: usize, right: usize) -> String {
        let breaks = p.breaks(word, left, right);
        let mut out = String::new();
        for (i, c) in word.chars().enumerate() {
            if breaks.contains(&i) {
                out.push('-');
            }
            out.push(c);
        }
        out
    }

    #[test]
    fn the_texbook_s_patterns_hyphenate_hyphenation() {
        // The TeXbook, Appendix H: these patterns give "hy-phen-ation".
        let p = Patterns::parse("hy3ph he2n hena4 hen5at 1na n2at 1tio 2io o2n", "");
        assert_eq!(p.len(), 9);
        assert_eq!(show(&p, "hyphenation", 2, 3), "hy-phen-ation");
        // The minimums drop breaks near the ends: three letters before, four after.
        assert_eq!(show(&p, "hyphenation", 3, 4), "hyphen-ation");
    }

    #[test]
    fn the_highest_level_wins_and_even_levels_forbid() {
        // "1b" allows a break before every b; "a2b" forbids it after an a.
        let p = Patterns::parse("1b\na2b\n", "");
        assert_eq!(show(&p, "cbbab", 1, 1), "c-b-bab");
        // Edge patterns match only at the word's edges.
        let edge = Patterns::parse(".ab1 1c.", "");
        assert_eq!(show(&edge, "ababc", 1, 1), "ab-ab-c");
        assert_eq!(show(&edge, "cabab", 1, 1), "cabab");
    }

    #[test]
    fn exceptions_replace_the_patterns_and_keep_the_minimums() {
        let p = Patterns::parse("1b", "ab-ba-b\nbbbb\n");
        assert_eq!(show(&p, "abbab", 1, 1), "ab-ba-b");
        assert_eq!(show(&p, "abbab", 1, 2), "ab-bab");
        // Listed without hyphens: never broken.
        assert_eq!(show(&p, "bbbb", 1, 1), "bbbb");
        assert_eq!(show(&p, "abbb", 1, 1), "a-b-b-b");
    }

    #[test]
    fn comments_blank_lines_and_letters_beyond_ascii_are_read() {
        let p = Patterns::parse("% a comment\n\n1ï % after\nï1o\n", "");
        assert_eq!(p.len(), 2);
        assert_eq!(show(&p, "copïo", 1, 1), "cop-ï-o");
        assert!(p.breaks("", 2, 3).is_empty());
        assert!(p.breaks("ï", 0, 0).is_empty());
    }
}
