//! Passages in another language inside a body: `[Croeso]{lang=cy}`.
//!
//! In: the inlines of a paragraph as markdown gave them. Out: the same text without the
//! markers, the words inside each marked passage carrying its [`Language`].

use super::Language;

/// Marks passages in another language: `[Croeso i'r adroddiad]{lang=cy}` in a body sets the
/// words inside the brackets in that language (for hyphenation and for the structure's
/// `/Lang`) and drops the brackets. The markers may enclose bold or italic text.
pub fn mark_passages(inlines: Vec<crate::model::Inline>) -> Vec<crate::model::Inline> {
    let full: String = inlines.iter().map(|i| i.text.as_str()).collect();
    let spans = passages(&full);
    if spans.is_empty() {
        return inlines;
    }
    // Byte ranges of `full` to drop (the markers) and to set in a language.
    let mut out: Vec<crate::model::Inline> = Vec::new();
    let mut at = 0;
    for inline in inlines {
        let range = at..at + inline.text.len();
        at = range.end;
        let mut piece_start = range.start;
        let mut cuts: Vec<usize> = spans
            .iter()
            .flat_map(|p| [p.open, p.open + 1, p.close, p.end])
            .filter(|c| *c > range.start && *c < range.end)
            .collect();
        cuts.push(range.end);
        for cut in cuts {
            let piece = piece_start..cut;
            piece_start = cut;
            if piece.is_empty() {
                continue;
            }
            let marker = spans.iter().any(|p| {
                (p.open..p.open + 1).contains(&piece.start)
                    || (p.close..p.end).contains(&piece.start)
            });
            if marker {
                continue;
            }
            let lang = spans
                .iter()
                .find(|p| piece.start > p.open && piece.end <= p.close)
                .map(|p| Language::new(&p.tag));
            let text = full[piece].to_string();
            match out.last_mut() {
                Some(prev)
                    if prev.lang == lang
                        && prev.bold == inline.bold
                        && prev.italic == inline.italic
                        && prev.link == inline.link =>
                {
                    prev.text.push_str(&text)
                }
                _ => out.push(crate::model::Inline {
                    text,
                    lang,
                    ..inline.clone()
                }),
            }
        }
    }
    out
}

/// A marked passage: `[` at `open`, `]` at `close`, the marker ending at `end`.
struct Passage {
    open: usize,
    close: usize,
    end: usize,
    tag: String,
}

/// Finds `[…]{lang=tag}` in `s` (not nested).
fn passages(s: &str) -> Vec<Passage> {
    const MARK: &str = "]{lang=";
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(i) = s[from..].find(MARK) {
        let close = from + i;
        let tag_start = close + MARK.len();
        let Some(len) = s[tag_start..].find('}') else {
            break;
        };
        let tag = &s[tag_start..tag_start + len];
        let open = s[from..close].rfind('[').map(|o| from + o);
        let valid = !tag.is_empty() && tag.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
        if let (Some(open), true) = (open, valid) {
            out.push(Passage {
                open,
                close,
                end: tag_start + len + 1,
                tag: tag.to_string(),
            });
        }
        from = tag_start + len + 1;
    }
    out
}
