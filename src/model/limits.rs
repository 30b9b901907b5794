//! Limits on every value in report.toml, checked once over the whole document.
//!
//! In: report.toml's text. Out: a diagnostic at the exact place of every value folio cannot
//! set faithfully, whatever key it is under:
//! - a number that is not finite (`nan`, `inf`, `-inf`, or `1e400`, which overflows): an error;
//! - a whole number beyond ±2^53, which a floating-point number cannot hold exactly
//!   (`12345678901234567` would print as …568): an error suggesting text;
//! - a title, name, label or alternative text longer than a PDF string may be (PDF/A allows
//!   32,767 bytes, [`MAX_SHORT_TEXT`] UTF-16 units; an emoji counts twice): an error;
//! - a run of more than [`MAX_WORD`] characters with no space, which no line can hold: an
//!   error;
//! - bidirectional overrides and other invisible control characters, which make text read
//!   differently from how it looks (a U+202E in a title reverses it): a warning at the
//!   character itself.
//!
//! Prose (bodies, leads, quotes, details) may be as long as report.toml's own cap allows;
//! its words and characters are still checked.

use crate::diag::Diagnostic;
use std::ops::Range;
use toml::de::{DeTable, DeValue};

/// The longest text a PDF string can hold in every encoding krilla may choose: PDF/A's
/// 32,767 bytes as UTF-16 with its two-byte mark.
pub const MAX_SHORT_TEXT: usize = 16_000;
/// How long `s` is as a PDF text string counts it: in UTF-16 code units, so a character
/// beyond the Basic Multilingual Plane (an emoji, a hieroglyph) counts twice. Measured
/// against [`MAX_SHORT_TEXT`].
pub fn pdf_length(s: &str) -> usize {
    s.encode_utf16().count()
}

/// The longest run of characters without a space or hyphen: a long web address is a few
/// hundred characters; a thousand fit no page's line at any size folio sets.
pub const MAX_WORD: usize = 1_000;
/// The largest whole number a floating-point number holds exactly: 2^53.
pub const MAX_EXACT_INTEGER: i128 = 1 << 53;
/// Keys whose text is prose, set in paragraphs and never written as a PDF string.
const PROSE: [&str; 8] = [
    "body", "lead", "text", "detail", "intro", "caption", "rows", "csv",
];

/// Checks every value of `source`; a document that does not parse is left to the parser's
/// own messages.
pub fn check(source: &str) -> Vec<Diagnostic> {
    let Ok(root) = DeTable::parse(source) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    table(root.get_ref(), "", source, &mut out);
    out.sort_by_key(|d| d.span.as_ref().map_or(0, |s| s.start));
    out
}

fn table(t: &DeTable, path: &str, source: &str, out: &mut Vec<Diagnostic>) {
    for (key, value) in t {
        let key: &str = key.get_ref();
        let path = if path.is_empty() {
            key.to_string()
        } else {
            format!("{path}.{key}")
        };
        self::value(value.get_ref(), value.span(), &path, key, source, out);
    }
}

fn value(
    v: &DeValue,
    span: Range<usize>,
    path: &str,
    key: &str,
    source: &str,
    out: &mut Vec<Diagnostic>,
) {
    match v {
        DeValue::String(s) => text(s, span, path, key, source, out),
        DeValue::Float(f) => {
            let raw = f.as_str();
            let finite = raw
                .replace('_', "")
                .parse::<f64>()
                .is_ok_and(f64::is_finite);
            if !finite {
                out.push(
                    Diagnostic::error(
                        format!("`{path}`: `{raw}` is not a number folio can use"),
                        Some(span),
                    )
                    .with_help("write an ordinary number, like 42 or 3.5"),
                );
            }
        }
        DeValue::Integer(i) => {
            let raw = i.as_str().replace('_', "");
            let unsigned = raw.trim_start_matches(['+', '-']);
            let digits = ["0x", "0o", "0b"]
                .iter()
                .find_map(|p| unsigned.strip_prefix(p))
                .unwrap_or(unsigned);
            let exact =
                i128::from_str_radix(digits, i.radix()).is_ok_and(|n| n <= MAX_EXACT_INTEGER);
            if !exact {
                out.push(
                    Diagnostic::error(
                        format!(
                            "`{path}`: {} is too large to keep exactly (folio keeps whole numbers up to 9,007,199,254,740,992)",
                            i.as_str()
                        ),
                        Some(span),
                    )
                    .with_help("write the figure as text in quotes, as it should read"),
                );
            }
        }
        DeValue::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                // Tables in a list are named by their place: `sections[2].title`.
                let path = match item.get_ref() {
                    DeValue::Table(_) => format!("{path}[{}]", i + 1),
                    _ => path.to_string(),
                };
                self::value(item.get_ref(), item.span(), &path, key, source, out);
            }
        }
        DeValue::Table(t) => table(t, path, source, out),
        DeValue::Boolean(_) | DeValue::Datetime(_) => {}
    }
}

fn text(
    s: &str,
    span: Range<usize>,
    path: &str,
    key: &str,
    source: &str,
    out: &mut Vec<Diagnostic>,
) {
    let chars = s.chars().count();
    let units = pdf_length(s);
    if !PROSE.contains(&key) && units > MAX_SHORT_TEXT {
        let counted = if units == chars {
            String::new()
        } else {
            // Emoji and the rarer scripts take two of a PDF string's places each.
            format!(", {units} as a PDF counts them (emoji and rare scripts count twice)")
        };
        out.push(
            Diagnostic::error(
                format!(
                    "`{path}` is {chars} characters long{counted}; a title, name or description can be at most {MAX_SHORT_TEXT}"
                ),
                Some(span.clone()),
            )
            .with_help("shorten it; long text belongs in a section's `body`"),
        );
    }
    let longest = longest_word(s);
    if longest > MAX_WORD {
        out.push(
            Diagnostic::error(
                format!(
                    "`{path}` has a word of {longest} characters with no space in it; no line can hold it"
                ),
                Some(span.clone()),
            )
            .with_help(format!(
                "break it with spaces; folio sets words of up to {MAX_WORD} characters"
            )),
        );
    }
    for (c, name) in hidden(s) {
        let at = Some(locate(source, &span, c));
        // A control character has no glyph in any font: the PDF would carry a blank box
        // (and PDF/A forbids one). Format characters are invisible by design: a warning.
        out.push(if unprintable(c) {
            Diagnostic::error(
                format!("`{path}` holds a {name} (U+{:04X}), which cannot be printed", c as u32),
                at,
            )
            .with_label("here")
            .with_help("delete it (it often comes in with text pasted from elsewhere)")
        } else {
            Diagnostic::warning(
                format!("`{path}` holds an invisible {name} (U+{:04X})", c as u32),
                at,
            )
            .with_label("invisible here")
            .with_help(
                "delete it: it can make the text read differently from how it looks (it often comes in with text pasted from elsewhere)",
            )
        });
    }
}

/// Characters no PDF/A file may map a glyph to (a control character has no glyph in any
/// font; PDF/A forbids U+FEFF and U+FFFE outright): errors, where other invisible
/// characters are warnings.
fn unprintable(c: char) -> bool {
    c.is_control() || matches!(c, '\u{FEFF}' | '\u{FFFE}' | '\u{FFFF}')
}

/// The longest run of characters with no white space, in characters.
fn longest_word(s: &str) -> usize {
    let (mut longest, mut run) = (0, 0);
    for c in s.chars() {
        if c.is_whitespace() {
            run = 0;
        } else {
            run += 1;
            longest = longest.max(run);
        }
    }
    longest
}

/// Whether `c` is one of the invisible characters [`check`] reports (and so need not also
/// be reported as missing from the fonts).
pub fn is_hidden(c: char) -> bool {
    hidden_name(c).is_some()
}

/// The invisible control characters in `s`, each kind once, with its name.
fn hidden(s: &str) -> Vec<(char, &'static str)> {
    let mut found: Vec<(char, &'static str)> = Vec::new();
    for c in s.chars() {
        let Some(name) = hidden_name(c) else { continue };
        if !found.iter().any(|(f, _)| *f == c) {
            found.push((c, name));
        }
    }
    found
}

fn hidden_name(c: char) -> Option<&'static str> {
    Some({
        match c {
            '\u{202A}' | '\u{202B}' => "bidirectional embedding",
            '\u{202C}' => "bidirectional pop",
            '\u{202D}' | '\u{202E}' => "bidirectional override",
            '\u{2066}'..='\u{2069}' => "bidirectional isolate",
            '\u{200E}' | '\u{200F}' | '\u{061C}' => "direction mark",
            '\u{200B}' | '\u{2060}' => "zero-width space",
            '\u{FEFF}' => "byte-order mark",
            '\u{FFFE}' | '\u{FFFF}' => "noncharacter",
            '\u{2061}'..='\u{2064}' => "invisible operator",
            '\u{FFF9}'..='\u{FFFB}' => "interlinear annotation mark",
            '\u{2028}' | '\u{2029}' => "line or paragraph separator",
            '\t' | '\n' | '\r' => return None,
            c if c.is_control() => "control character",
            _ => return None,
        }
    })
}

/// Where character `c` stands in the value at `span`: literally, or as a `\uXXXX` escape;
/// the whole value if neither is found.
fn locate(source: &str, span: &Range<usize>, c: char) -> Range<usize> {
    let Some(raw) = source.get(span.clone()) else {
        return span.clone();
    };
    if let Some(i) = raw.find(c) {
        return span.start + i..span.start + i + c.len_utf8();
    }
    let lower = raw.to_ascii_lowercase();
    for escape in [
        format!("\\u{:04x}", c as u32),
        format!("\\u{:08x}", c as u32),
    ] {
        if let Some(i) = lower.find(&escape) {
            return span.start + i..span.start + i + escape.len();
        }
    }
    span.clone()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn messages(src: &str) -> Vec<String> {
        check(src).into_iter().map(|d| d.message).collect()
    }

    #[test]
    fn numbers_that_are_not_finite_or_exact_are_refused_at_their_key() {
        let m = messages(
            "[print]\nink_limit = nan\n[[sections]]\n[[sections.metrics]]\nnumber = -inf\n[x]\ny = 1e400\nbig = 12345678901234567\nok = 9007199254740992\n",
        );
        assert_eq!(
            m,
            vec![
                "`print.ink_limit`: `nan` is not a number folio can use",
                "`sections[1].metrics[1].number`: `-inf` is not a number folio can use",
                "`x.y`: `1e400` is not a number folio can use",
                "`x.big`: 12345678901234567 is too large to keep exactly (folio keeps whole numbers up to 9,007,199,254,740,992)",
            ]
        );
    }

    #[test]
    fn a_bidi_override_is_a_warning_at_the_character() {
        let src = "[report]\ntitle = \"abc\u{202E}def\"\nsubtitle = \"x\\u202Ey\"\n";
        let d = check(src);
        assert_eq!(d.len(), 2);
        assert_eq!(d[0].line_col(src), Some((2, 13)));
        assert_eq!(d[1].line_col(src), Some((3, 14)));
        assert!(d[0].message.contains("bidirectional override (U+202E)"));
    }

    #[test]
    fn long_titles_and_words_are_refused_but_long_prose_is_not() {
        let title = format!("[report]\ntitle = \"{}\"\n", "ab ".repeat(MAX_SHORT_TEXT));
        assert!(messages(&title)[0].contains("can be at most 16000"));
        let body = format!(
            "[[sections]]\nbody = \"{}\"\n",
            "ab ".repeat(MAX_SHORT_TEXT)
        );
        assert!(messages(&body).is_empty());
        // Each emoji is two of a PDF string's units: 9,000 of them and their spaces are 27,000.
        let emoji = format!("[report]\ntitle = \"{}\"\n", "\u{1F600} ".repeat(9_000));
        assert!(messages(&emoji)[0].contains("27000 as a PDF counts them"));
        let word = format!("[[sections]]\nbody = \"{}\"\n", "a".repeat(MAX_WORD + 1));
        assert!(messages(&word)[0].contains("a word of 1001 characters"));
    }
}
