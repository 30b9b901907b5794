//! Runs of text → the markdown of a section body, checked by reading it back.
//!
//! In: a paragraph's runs (text with bold, italic and link). Out: one line of markdown that
//! folio's own markdown reader turns back into exactly those runs. Everything a word
//! processor lets an author type — asterisks, brackets, a line that starts "2020." or "-",
//! ampersands, angle brackets — is escaped, so it prints as typed. Emphasis in markdown
//! has rules about what may stand next to a `*`; rather than second-guess them, every
//! paragraph is read back with folio's reader and compared character by character, and
//! where bold or italic would not survive, the paragraph keeps its text and loses only
//! that formatting (and a note says so).

use crate::import::doc::Run;
use crate::model::{Block, Inline, markdown};

/// Link schemes kept as links: the web, email and telephone. Anything else (a file on the
/// author's disc, a place in another document, script) cannot work in a published PDF.
const SCHEMES: [&str; 4] = ["https://", "http://", "mailto:", "tel:"];

/// What came of a paragraph.
pub struct Rendered {
    pub markdown: String,
    /// Links that were kept as plain text, by target.
    pub unlinked: Vec<String>,
    /// Bold or italic had to be dropped for the text to read right.
    pub lost_emphasis: bool,
}

/// Cleans runs: control characters out, tabs and runs of spaces to one space, no space at
/// the start or end or around a line break, links only where their scheme can work.
pub fn normalise(runs: &[Run]) -> (Vec<Run>, Vec<String>) {
    let mut out: Vec<Run> = Vec::new();
    let mut unlinked = Vec::new();
    for r in runs {
        let mut text = String::with_capacity(r.text.len());
        for c in r.text.chars() {
            match c {
                '\n' => text.push('\n'),
                c if c.is_whitespace() => text.push(' '),
                // Control and format characters a reader never sees; U+00AD (soft hyphen) is
                // a break hint folio places itself.
                c if c.is_control() || matches!(c, '\u{AD}' | '\u{FEFF}' | '\u{FFFE}') => {}
                c => text.push(c),
            }
        }
        let link = match &r.link {
            Some(l) if linkable(l) => Some(l.trim().to_string()),
            Some(l) => {
                if !unlinked.contains(l) {
                    unlinked.push(l.clone());
                }
                None
            }
            None => None,
        };
        crate::import::doc::push_run(&mut out, &text, r.bold, r.italic, link.as_deref());
    }
    // Collapse spaces across run boundaries, then trim the ends and around line breaks.
    let mut prev_space = true;
    for r in &mut out {
        let mut t = String::with_capacity(r.text.len());
        for c in r.text.chars() {
            if c == ' ' && prev_space {
                continue;
            }
            if c == '\n' {
                while t.ends_with(' ') {
                    t.pop();
                }
            }
            prev_space = c == ' ' || c == '\n';
            t.push(c);
        }
        r.text = t;
    }
    while let Some(last) = out.last_mut() {
        let trimmed = last.text.trim_end().len();
        last.text.truncate(trimmed);
        if last.text.is_empty() {
            out.pop();
        } else {
            break;
        }
    }
    out.retain(|r| !r.text.is_empty());
    (out, unlinked)
}

/// Whether a link target can be followed from a PDF.
pub fn linkable(target: &str) -> bool {
    let t = target.trim().to_ascii_lowercase();
    SCHEMES
        .iter()
        .any(|s| t.starts_with(s) && t.len() > s.len())
}

/// Renders a paragraph's runs; continuation lines (after a line break) are indented by
/// `indent` spaces so they stay inside a list item.
pub fn paragraph(runs: &[Run], indent: usize) -> Rendered {
    let (runs, unlinked) = normalise(runs);
    let styled = emit(&runs, indent, true);
    if reads_back_as(&styled, &runs) {
        return Rendered {
            markdown: styled,
            unlinked,
            lost_emphasis: false,
        };
    }
    let plain: Vec<Run> = runs
        .iter()
        .map(|r| Run {
            bold: false,
            italic: false,
            ..r.clone()
        })
        .collect();
    let markdown = emit(&plain, indent, true);
    // Escaping is exact, so plain text always reads back; links that still would not are
    // dropped rather than risk the text.
    let markdown = if reads_back_as(&markdown, &plain) {
        markdown
    } else {
        let bare: Vec<Run> = plain
            .iter()
            .map(|r| Run {
                link: None,
                ..r.clone()
            })
            .collect();
        emit(&bare, indent, false)
    };
    Rendered {
        markdown,
        unlinked,
        lost_emphasis: runs.iter().any(|r| r.bold || r.italic),
    }
}

/// Plain text of runs as one escaped line (for headings).
pub fn plain_line(runs: &[Run]) -> String {
    let (runs, _) = normalise(runs);
    let text: String = runs.iter().map(|r| r.text.as_str()).collect();
    escape(&text.replace('\n', " "), 0)
}

/// Writes runs as markdown.
fn emit(runs: &[Run], indent: usize, links: bool) -> String {
    let mut out = String::new();
    let mut i = 0;
    while i < runs.len() {
        let link = if links { runs[i].link.as_deref() } else { None };
        let mut j = i + 1;
        while j < runs.len() && links && runs[j].link.as_deref() == link && link.is_some() {
            j += 1;
        }
        let mut inner = String::new();
        for r in &runs[i..j] {
            let at_start = out.is_empty() && inner.is_empty() && link.is_none();
            inner.push_str(&styled(r, at_start, indent));
        }
        match link {
            Some(target) => {
                let (lead, body, trail) = split_space(&inner);
                out.push_str(lead);
                out.push('[');
                out.push_str(body);
                out.push_str("](<");
                out.push_str(&encode_url(target));
                out.push_str(">)");
                out.push_str(trail);
            }
            None => out.push_str(&inner),
        }
        i = j;
    }
    out
}

/// One run with its emphasis; spaces stay outside the markers (`** bold**` is not bold).
fn styled(r: &Run, at_start: bool, indent: usize) -> String {
    let marker = match (r.bold, r.italic) {
        (true, true) => "***",
        (true, false) => "**",
        (false, true) => "*",
        (false, false) => "",
    };
    let escaped = escape_lines(&r.text, at_start, indent);
    if marker.is_empty() {
        return escaped;
    }
    let (lead, body, trail) = split_space(&escaped);
    if body.is_empty() {
        return escaped;
    }
    format!("{lead}{marker}{body}{marker}{trail}")
}

fn split_space(s: &str) -> (&str, &str, &str) {
    let body_start = s.len() - s.trim_start_matches(' ').len();
    let body_end = s.trim_end_matches(' ').len().max(body_start);
    (&s[..body_start], &s[body_start..body_end], &s[body_end..])
}

/// Escapes text that may span line breaks: each break becomes a markdown hard break, and the
/// next line is indented and escaped as the start of a line.
fn escape_lines(text: &str, at_start: bool, indent: usize) -> String {
    let mut out = String::new();
    for (n, line) in text.split('\n').enumerate() {
        if n > 0 {
            out.push_str("\\\n");
            out.push_str(&" ".repeat(indent));
        }
        out.push_str(&escape(line, usize::from(n > 0 || at_start)));
    }
    out
}

/// Backslash-escapes what markdown would read as markup. `line_start` is 1 when the text
/// begins a line (where `-`, `+`, `=` and `1.` mean lists and underlines), else 0.
pub fn escape(text: &str, line_start: usize) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let chars: Vec<char> = text.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        let first = i == 0 && line_start > 0;
        let escape = match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '&' | '~' | '#' => true,
            '-' | '+' | '=' => first,
            // "2020. A year" or "1) First" at the start of a line would be a list.
            '.' | ')' => line_start > 0 && i > 0 && chars[..i].iter().all(char::is_ascii_digit),
            _ => false,
        };
        if escape {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// A link target safe inside `<…>`: spaces, angle brackets, backslashes, controls and any
/// non-ASCII character percent-encoded (PDF link targets are ASCII).
fn encode_url(target: &str) -> String {
    let mut out = String::new();
    for c in target.trim().chars() {
        if c.is_ascii_graphic() && !matches!(c, '<' | '>' | '\\') {
            out.push(c);
        } else {
            let mut buf = [0; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                out.push_str(&format!("%{b:02X}"));
            }
        }
    }
    out
}

/// Whether folio's markdown reader reads `md` back as exactly `runs` (text, bold, italic
/// and link target, character by character; a space's style is not compared, since spaces
/// at the edge of a bold or linked run are moved outside its markers).
fn reads_back_as(md: &str, runs: &[Run]) -> bool {
    let parsed = markdown::parse(md);
    if !parsed.unsupported.is_empty() {
        return false;
    }
    let [Block::Paragraph(inlines)] = parsed.blocks.as_slice() else {
        return runs.is_empty() && parsed.blocks.is_empty();
    };
    chars_of_inlines(inlines) == chars_of_runs(runs)
}

type Styled = Vec<(char, bool, bool, Option<String>)>;

fn styled_char(
    c: char,
    bold: bool,
    italic: bool,
    link: Option<String>,
) -> (char, bool, bool, Option<String>) {
    if c.is_whitespace() {
        (c, false, false, None)
    } else {
        (c, bold, italic, link)
    }
}

fn chars_of_inlines(inlines: &[Inline]) -> Styled {
    inlines
        .iter()
        .flat_map(|i| {
            i.text
                .chars()
                .map(move |c| styled_char(c, i.bold, i.italic, i.link.clone()))
        })
        .collect()
}

fn chars_of_runs(runs: &[Run]) -> Styled {
    runs.iter()
        .flat_map(|r| {
            let link = r.link.as_deref().map(encode_url);
            r.text
                .chars()
                .map(move |c| styled_char(c, r.bold, r.italic, link.clone()))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str, bold: bool, italic: bool, link: Option<&str>) -> Run {
        Run {
            text: text.into(),
            bold,
            italic,
            link: link.map(str::to_string),
        }
    }

    #[test]
    fn markup_characters_print_as_typed() {
        let text = "2020. *Not* a list - [x](y) <b>&amp; #1 _u_ ~s~ `c` \\ 1) done";
        let r = paragraph(&[run(text, false, false, None)], 0);
        assert!(!r.lost_emphasis);
        let back = markdown::parse(&r.markdown);
        let [Block::Paragraph(inl)] = back.blocks.as_slice() else {
            panic!("{:?}", back.blocks)
        };
        assert_eq!(markdown::plain(inl), text);
    }

    #[test]
    fn bold_italic_and_links_survive_with_spaces_outside_the_markers() {
        let runs = [
            run("Read ", false, false, None),
            run("the report ", true, false, None),
            run("here", false, true, Some("https://example.org/a b")),
            run(".", false, false, None),
        ];
        let r = paragraph(&runs, 0);
        assert_eq!(
            r.markdown,
            "Read **the report** [*here*](<https://example.org/a%20b>)."
        );
    }

    #[test]
    fn links_that_cannot_work_in_a_pdf_become_text() {
        let runs = [run("see", false, false, Some("file:///C:/x.docx"))];
        let r = paragraph(&runs, 0);
        assert_eq!(r.markdown, "see");
        assert_eq!(r.unlinked, ["file:///C:/x.docx"]);
    }

    #[test]
    fn emphasis_markdown_cannot_hold_keeps_the_text() {
        let runs = [run("a", true, false, None), run("b", true, true, None)];
        let r = paragraph(&runs, 0);
        let back = markdown::parse(&r.markdown);
        let [Block::Paragraph(inl)] = back.blocks.as_slice() else {
            panic!()
        };
        assert_eq!(markdown::plain(inl), "ab");
    }

    #[test]
    fn line_breaks_are_hard_breaks_indented_for_lists() {
        let r = paragraph(&[run("one\n- two", false, false, None)], 2);
        assert_eq!(r.markdown, "one\\\n  \\- two");
    }
}
