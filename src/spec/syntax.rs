//! TOML syntax slips: the real mistake, once, at its line, with the fix spelled out.
//!
//! In: report.toml's text. Out: the text ready to read (possibly repaired), or the
//! diagnostics of its syntax mistakes.
//!
//! A TOML parser that recovers from an error reports everything the mistake threw out of
//! step: one missing `]` gave 54 errors, none on the broken line. So only the first error
//! is taken, and its cause looked for where the parser noticed it (a list opened lines
//! earlier, a `[[sections.metrics]]` before any section). Common slips are named, with the
//! fix: a number with thousands separators, curly quotes from a word processor, a `"`
//! inside a quoted text, `yes`/`True` for true, a long text opened with two quotes. Where
//! the slip is recognised, the text is repaired in place (keeping every byte offset, so
//! later spans stay true) and parsed again to find the next independent mistake; where it
//! is not, reading stops there and the message says so.

use crate::diag::Diagnostic;
use std::ops::Range;
use toml::de::DeTable;

/// At most this many syntax mistakes are reported in one run; a file with more is better
/// fixed from the top.
const MAX_SLIPS: usize = 20;

/// Text ready to read, with the syntax mistakes found and the byte ranges repaired.
pub struct Read {
    pub text: String,
    pub diags: Vec<Diagnostic>,
    /// What was repaired: a later complaint inside one of these is about the repair.
    pub repaired: Vec<Range<usize>>,
}

impl Read {
    /// A text that read at the first try: nothing found, nothing repaired.
    pub fn clean(source: &str) -> Self {
        Self {
            text: source.to_string(),
            diags: Vec::new(),
            repaired: Vec::new(),
        }
    }
}

/// Parses until the text reads, repairing recognised slips. `Err` when an unrecognised
/// mistake stops reading.
pub fn read(source: &str) -> Result<Read, Vec<Diagnostic>> {
    let mut text = source.to_string();
    let mut diags = Vec::new();
    let mut repaired = Vec::new();
    for _ in 0..MAX_SLIPS {
        let (_, errors) = DeTable::parse_recoverable(&text);
        let Some(first) = errors
            .iter()
            .min_by_key(|e| e.span().map_or(usize::MAX, |s| s.start))
        else {
            return Ok(Read {
                text,
                diags,
                repaired,
            });
        };
        let slip = diagnose(&text, first);
        diags.push(slip.diag);
        match slip.repair {
            Some(edits) => {
                for (range, with) in edits {
                    debug_assert_eq!(range.len(), with.len(), "a repair keeps every offset");
                    if text.get(range.clone()).is_some() && range.len() == with.len() {
                        text.replace_range(range.clone(), &with);
                        repaired.push(range);
                    }
                }
            }
            None => return Err(diags),
        }
    }
    Err(diags)
}

/// One recogniser: given the text, the error's offset, its line (text and range) and the
/// parser's own words, the slip it recognises there, if any.
type Check = fn(&str, usize, &str, Range<usize>, &str) -> Option<Slip>;

/// A recognised (or unrecognised) mistake and the edits that repair it.
struct Slip {
    diag: Diagnostic,
    repair: Option<Vec<(Range<usize>, String)>>,
}

/// Byte range of the line holding `at`, without its newline.
fn line_range(text: &str, at: usize) -> Range<usize> {
    let at = at.min(text.len());
    let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let end = text[at..].find('\n').map_or(text.len(), |i| at + i);
    start..end
}

/// The 1-based line number of `at`.
fn line_no(text: &str, at: usize) -> usize {
    text[..at.min(text.len())].matches('\n').count() + 1
}

/// `key = value` on one line: the key and where the value starts.
fn assignment(line: &str) -> Option<(&str, usize)> {
    let eq = line.find('=')?;
    let key = line[..eq].trim();
    let ok = !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.' | '"' | ' '));
    let value_at = eq + 1 + (line[eq + 1..].len() - line[eq + 1..].trim_start().len());
    (ok && !line.trim_start().starts_with(['[', '#'])).then_some((key, value_at))
}

/// Spaces over `range`, keeping newlines (so line numbers stay).
fn blank(text: &str, range: Range<usize>) -> (Range<usize>, String) {
    let with: String = text[range.clone()]
        .chars()
        .map(|c| {
            if c == '\n' {
                "\n".to_string()
            } else {
                " ".repeat(c.len_utf8())
            }
        })
        .collect();
    (range, with)
}

/// An empty text over `range`: `""` then blanks (a `0` if there is room for one byte).
fn placeholder(text: &str, range: Range<usize>) -> (Range<usize>, String) {
    let (r, blanked) = blank(text, range);
    let with = if blanked.len() >= 2 {
        format!("\"\"{}", &blanked[2..])
    } else {
        "0".repeat(blanked.len())
    };
    (r, with)
}

const CURLY: [char; 8] = ['“', '”', '‘', '’', '„', '‚', '«', '»'];
const BOOLEAN_LOOKALIKES: [&str; 14] = [
    "yes", "no", "Yes", "No", "YES", "NO", "True", "False", "TRUE", "FALSE", "on", "off", "y", "n",
];

fn diagnose(text: &str, e: &toml::de::Error) -> Slip {
    let span = e.span().unwrap_or(0..0);
    let at = span.start.min(text.len());
    let raw = e.message().trim().to_string();
    let lr = line_range(text, at);
    let line = &text[lr.clone()];
    let checks: [Check; 11] = [
        unclosed_header,
        unclosed_text,
        unclosed_list,
        misplaced_sub_table,
        duplicate,
        two_quote_text,
        thousands,
        curly_quotes,
        inner_quote,
        bare_word,
        missing_equals,
    ];
    for check in checks {
        if let Some(slip) = check(text, at, line, lr.clone(), &raw) {
            return slip;
        }
    }
    Slip {
        diag: Diagnostic::error(
            format!("report.toml is not valid TOML: {raw}"),
            Some(span),
        )
        .with_help(
            "check the quotes, brackets and `=` on this line; folio reads the rest of the file once this line is fixed",
        ),
        repair: None,
    }
}

/// Counts `[` minus `]` outside strings and comments.
fn depth(s: &str) -> i32 {
    let mut d = 0;
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '#' => {
                for c in chars.by_ref() {
                    if c == '\n' {
                        break;
                    }
                }
            }
            '"' | '\'' => {
                while let Some(n) = chars.next() {
                    if n == '\\' && c == '"' {
                        chars.next();
                    } else if n == c || n == '\n' {
                        break;
                    }
                }
            }
            '[' => d += 1,
            ']' => d -= 1,
            _ => {}
        }
    }
    d
}

/// A list (`keywords = [ …`) never closed: the parser notices lines later, at the next
/// table or key. The slip is on the line that opened it.
fn unclosed_list(text: &str, at: usize, _: &str, lr: Range<usize>, raw: &str) -> Option<Slip> {
    if !(raw.contains("array") || raw.contains("comma")) {
        return None;
    }
    // The nearest assignment above whose value opens a list that is still open here.
    let mut start = lr.start;
    loop {
        let prev = line_range(text, start.checked_sub(1)?);
        let l = &text[prev.clone()];
        if let Some((key, v)) = assignment(l)
            && l[v..].starts_with('[')
        {
            let open = prev.start + v;
            if depth(&text[open..lr.start]) > 0 {
                let key = key.to_string();
                let line = line_no(text, open);
                let end_prev = text[..lr.start].trim_end().len();
                let diag = Diagnostic::error(
                    format!("the list `{key}` opened on line {line} is never closed"),
                    Some(open..open + 1),
                )
                .with_label("this [ has no matching ]")
                .with_help(format!(
                    "add ] after the list's last item, on line {}",
                    line_no(text, end_prev)
                ));
                let _ = at;
                return Some(Slip {
                    diag,
                    repair: Some(vec![placeholder(text, open..end_prev)]),
                });
            }
            return None;
        }
        if l.trim_start().starts_with('[') && !l.trim_start().starts_with("[[") && depth(l) == 0 {
            return None;
        }
        start = prev.start;
        if start == 0 {
            return None;
        }
    }
}

/// `[report` or `[[sections.metrics]`: a table's name without its closing brackets.
fn unclosed_header(_: &str, at: usize, line: &str, lr: Range<usize>, raw: &str) -> Option<Slip> {
    if !raw.contains("unclosed table") && !raw.contains("unclosed array table") {
        return None;
    }
    let written = line.split('#').next().unwrap_or(line).trim();
    let array = written.starts_with("[[");
    let name = written.trim_start_matches('[').trim_end_matches(']').trim();
    let fixed = if array {
        format!("[[{name}]]")
    } else {
        format!("[{name}]")
    };
    let diag = Diagnostic::error(
        format!("the table name `{written}` is not closed"),
        Some(at..at),
    )
    .with_label(format!(
        "`{}` expected here",
        if array { "]]" } else { "]" }
    ))
    .with_help(format!(
        "write {fixed}; folio reads the rest of the file once this line is fixed"
    ));
    let _ = lr;
    Some(Slip { diag, repair: None })
}

/// `title = "Our year` with no closing quote on the line.
fn unclosed_text(_: &str, at: usize, line: &str, _: Range<usize>, raw: &str) -> Option<Slip> {
    if !raw.contains("basic string") && !raw.contains("literal string") {
        return None;
    }
    let (key, v) = assignment(line)?;
    let value = line[v..].trim_end();
    let quote = value.chars().next().filter(|c| *c == '"' || *c == '\'')?;
    let three: String = std::iter::repeat_n(quote, 3).collect();
    if value.starts_with(&three) || value[1..].contains(quote) {
        return None;
    }
    let diag = Diagnostic::error(format!("`{key}`: the text is not closed"), Some(at..at))
        .with_label(format!("a {quote} is missing here"))
        .with_help(format!(
            "end the text with {quote} on the same line: {key} = {value}{quote}; a text over several lines goes between three quote marks; folio reads the rest of the file once this line is fixed"
        ));
    Some(Slip { diag, repair: None })
}

/// Headers that are not table names: `[[sections.metrics]]` → `sections.metrics`.
fn header_name(line: &str) -> Option<(&str, bool)> {
    let l = line.split('#').next()?.trim();
    if let Some(n) = l.strip_prefix("[[").and_then(|r| r.strip_suffix("]]")) {
        return Some((n.trim(), true));
    }
    l.strip_prefix('[')
        .and_then(|r| r.strip_suffix(']'))
        .map(|n| (n.trim(), false))
}

/// Every header line: (byte range of the line, name, is an array of tables).
fn headers(text: &str) -> Vec<(Range<usize>, String, bool)> {
    let mut out = Vec::new();
    let mut pos = 0;
    for l in text.split_inclusive('\n') {
        let body = l.trim_end_matches(['\n', '\r']);
        if let Some((name, array)) = header_name(body) {
            out.push((pos..pos + body.len(), name.to_string(), array));
        }
        pos += l.len();
    }
    out
}

/// The range from a header line to the next header (the whole table).
fn table_extent(text: &str, header: &Range<usize>) -> Range<usize> {
    let next = headers(text)
        .into_iter()
        .map(|(r, _, _)| r.start)
        .find(|s| *s > header.start)
        .unwrap_or(text.len());
    header.start..next
}

/// `[[sections.metrics]]` or `[[sections.blocks]]` before the first `[[sections]]`: TOML
/// then makes `sections` a table, and the later `[[sections]]` a duplicate.
fn misplaced_sub_table(text: &str, _: usize, _: &str, _: Range<usize>, raw: &str) -> Option<Slip> {
    if !raw.contains("duplicate") {
        return None;
    }
    let all = headers(text);
    let first_section = all
        .iter()
        .position(|(_, n, a)| *a && n == "sections")
        .unwrap_or(all.len());
    let (range, name, array) = all[..first_section]
        .iter()
        .find(|(_, n, _)| n.starts_with("sections."))?;
    let written = if *array {
        format!("[[{name}]]")
    } else {
        format!("[{name}]")
    };
    let what = match name.as_str() {
        "sections.metrics" => "metric",
        "sections.blocks" => "block",
        _ => "table",
    };
    let diag = Diagnostic::error(
        format!("`{written}` comes before the first `[[sections]]`"),
        Some(range.clone()),
    )
    .with_label(format!("this {what} belongs to a section, but no section has started yet"))
    .with_help(format!(
        "every {what} belongs to the [[sections]] above it: move these lines below a [[sections]] line with its title, or add one above them"
    ));
    let extent = table_extent(text, range);
    Some(Slip {
        diag,
        repair: Some(vec![blank(text, extent)]),
    })
}

/// A table or key written twice.
fn duplicate(text: &str, at: usize, line: &str, lr: Range<usize>, raw: &str) -> Option<Slip> {
    if !raw.contains("duplicate") {
        return None;
    }
    if let Some((name, array)) = header_name(line)
        && !array
    {
        let first = headers(text)
            .into_iter()
            .find(|(r, n, a)| !a && *n == name && r.start < lr.start)?;
        let diag = Diagnostic::error(
            format!(
                "`[{name}]` is written twice (first on line {})",
                line_no(text, first.0.start)
            ),
            Some(lr.clone()),
        )
        .with_help(format!(
            "a table can appear only once: move the keys below this `[{name}]` up into the first one, then delete this line"
        ));
        let extent = table_extent(text, &lr);
        return Some(Slip {
            diag,
            repair: Some(vec![blank(text, extent)]),
        });
    }
    let (key, _) = assignment(line)?;
    let key = key.to_string();
    // The same key earlier in the same table.
    let table_start = headers(text)
        .into_iter()
        .map(|(r, _, _)| r.end)
        .rfind(|e| *e <= lr.start)
        .unwrap_or(0);
    let first = text[table_start..lr.start]
        .lines()
        .scan(table_start, |pos, l| {
            let here = *pos;
            *pos += l.len() + 1;
            Some((here, l))
        })
        .find(|(_, l)| assignment(l).is_some_and(|(k, _)| k == key))
        .map(|(p, _)| line_no(text, p));
    let diag = Diagnostic::error(
        match first {
            Some(n) => format!("`{key}` is given twice in this table (first on line {n})"),
            None => format!("`{key}` is given twice in this table"),
        },
        Some(at..at + key.len()),
    )
    .with_help("a key can appear only once in a table: keep one and delete the other");
    Some(Slip {
        diag,
        repair: Some(vec![blank(text, lr)]),
    })
}

/// A long text opened with two quotes (`body = ""`) and its lines below: the parser sees
/// an empty text, then lines of words it cannot read.
fn two_quote_text(text: &str, _: usize, line: &str, lr: Range<usize>, raw: &str) -> Option<Slip> {
    if !(raw.contains("expected `=`")
        || raw.contains("key with no value")
        || raw.contains("unexpected"))
    {
        return None;
    }
    if assignment(line).is_some() || header_name(line).is_some() {
        return None;
    }
    // Walk up over lines of prose to the assignment that should have opened the text.
    let mut start = lr.start;
    let opener = loop {
        let prev = line_range(text, start.checked_sub(1)?);
        let l = &text[prev.clone()];
        if let Some((key, v)) = assignment(l) {
            let value = l[v..].trim_end();
            if matches!(value, "\"\"" | "''" | "\"" | "'") {
                break (prev.start + v, key.to_string(), value.len());
            }
            return None;
        }
        if header_name(l).is_some() {
            return None;
        }
        start = prev.start;
        if start == 0 {
            return None;
        }
    };
    let (open, key, len) = opener;
    // The text ends at a line of three quotes, or at the next header.
    let after = &text[lr.start..];
    let close = after
        .split_inclusive('\n')
        .scan(lr.start, |pos, l| {
            let here = *pos;
            *pos += l.len();
            Some((here, l))
        })
        .find(|(_, l)| {
            let t = l.trim();
            t == "\"\"\"" || t == "'''" || header_name(t).is_some()
        })
        .map(|(p, l)| {
            if header_name(l.trim()).is_some() {
                p
            } else {
                p + l.trim_end_matches(['\n', '\r']).len()
            }
        })
        .unwrap_or(text.len());
    let diag = Diagnostic::error(
        format!("the text of `{key}` is opened with {len} quote mark{}, not three", if len == 1 { "" } else { "s" }),
        Some(open..open + len),
    )
    .with_label("a text over several lines starts with three quote marks")
    .with_help(format!(
        "write {key} = \"\"\" (three quote marks), the text on the lines below, then \"\"\" on a line of its own"
    ));
    Some(Slip {
        diag,
        repair: Some(vec![placeholder(text, open..close)]),
    })
}

/// The value token starting at `at`: up to a space, comma, bracket or comment.
fn token_at(line: &str, col: usize) -> &str {
    let rest = &line[col.min(line.len())..];
    let end = rest
        .find(|c: char| c.is_whitespace() || matches!(c, ',' | ']' | '}' | '#'))
        .unwrap_or(rest.len());
    &rest[..end]
}

/// `number = 1,840`: a number with thousands separators.
fn thousands(text: &str, _: usize, line: &str, lr: Range<usize>, _: &str) -> Option<Slip> {
    // Every `= 1,840` on the line: digits, then groups of a comma and three digits.
    let mut search = 0;
    while let Some(eq) = line[search..].find('=') {
        let eq = search + eq;
        search = eq + 1;
        let v = eq + 1 + (line[eq + 1..].len() - line[eq + 1..].trim_start().len());
        let rest = &line[v..];
        let bytes = rest.as_bytes();
        let mut i = usize::from(bytes.first().is_some_and(|b| *b == b'-' || *b == b'+'));
        let lead = bytes[i..].iter().take_while(|b| b.is_ascii_digit()).count();
        if lead == 0 || lead > 3 {
            continue;
        }
        i += lead;
        let mut groups = 0;
        while bytes.get(i) == Some(&b',')
            && bytes.len() >= i + 4
            && bytes[i + 1..i + 4].iter().all(u8::is_ascii_digit)
            && !bytes.get(i + 4).is_some_and(u8::is_ascii_digit)
        {
            groups += 1;
            i += 4;
        }
        if groups == 0 {
            continue;
        }
        if bytes.get(i) == Some(&b'.') {
            i += 1 + bytes[i + 1..]
                .iter()
                .take_while(|b| b.is_ascii_digit())
                .count();
        }
        let written = &rest[..i];
        let plain = written.replace(',', "");
        let key = line[..eq]
            .trim()
            .rsplit([' ', '{', ','])
            .next()
            .unwrap_or("")
            .to_string();
        let start = lr.start + v;
        let mut help = format!("write {key} = {plain}");
        if key == "number" {
            help.push_str(&format!(", or put \"{written}\" in quotes as a `value`"));
        }
        let diag = Diagnostic::error(
            format!("`{key}`: numbers can't contain commas"),
            Some(start..start + i),
        )
        .with_label(format!(
            "TOML reads `{written}` as a number followed by stray text"
        ))
        .with_help(help);
        let fixed = format!("{plain}{}", " ".repeat(written.len() - plain.len()));
        let _ = text;
        return Some(Slip {
            diag,
            repair: Some(vec![(start..start + i, fixed)]),
        });
    }
    None
}

/// “Curly quotes” from a word processor or macOS, where TOML needs straight ones.
fn curly_quotes(_: &str, at: usize, line: &str, lr: Range<usize>, _: &str) -> Option<Slip> {
    let col = at - lr.start;
    let open = line[col..].chars().next().filter(|c| CURLY.contains(c))?;
    let key = assignment(line)
        .map_or("this value", |(k, _)| k)
        .to_string();
    let close_at = line[col + open.len_utf8()..]
        .char_indices()
        .rfind(|(_, c)| CURLY.contains(c))
        .map(|(i, c)| (col + open.len_utf8() + i, c));
    let mut edits = vec![(
        at..at + open.len_utf8(),
        format!("{}\"", " ".repeat(open.len_utf8() - 1)),
    )];
    if let Some((i, c)) = close_at {
        let s = lr.start + i;
        edits.push((
            s..s + c.len_utf8(),
            format!("\"{}", " ".repeat(c.len_utf8() - 1)),
        ));
    }
    let shown = close_at.map_or(line[col..].trim_end(), |(i, c)| {
        &line[col..i + c.len_utf8()]
    });
    let straight: String = shown
        .chars()
        .enumerate()
        .map(|(n, c)| {
            if CURLY.contains(&c)
                && (n == 0 || close_at.is_some_and(|_| n == shown.chars().count() - 1))
            {
                '"'
            } else {
                c
            }
        })
        .collect();
    let diag = Diagnostic::error(
        format!(
            "`{key}`: the text is in curly quotes {open}…, which TOML does not read as quote marks"
        ),
        Some(at..at + open.len_utf8()),
    )
    .with_label("a word processor or macOS changed \" into a curly quote")
    .with_help(format!(
        "type straight quotes: {key} = {straight} (folio prints curly quotes in the PDF for you)"
    ));
    Some(Slip {
        diag,
        repair: Some(edits),
    })
}

/// `title = "The "best" year"`: a `"` inside the text ends it early.
fn inner_quote(text: &str, at: usize, line: &str, lr: Range<usize>, raw: &str) -> Option<Slip> {
    if !raw.contains("expected newline") && !raw.contains("unexpected") {
        return None;
    }
    let (key, v) = assignment(line)?;
    let value = line[v..].trim_end();
    let value = value.split(" #").next().unwrap_or(value).trim_end();
    if !(value.starts_with('"') && value.ends_with('"') && !value.starts_with("\"\"\"")) {
        return None;
    }
    let inner: Vec<usize> = value[1..value.len() - 1]
        .match_indices('"')
        .map(|(i, _)| i + 1)
        .filter(|i| value.as_bytes()[i - 1] != b'\\')
        .collect();
    let first = *inner.first()?;
    let _ = at;
    let key = key.to_string();
    let words = &value[1..value.len() - 1];
    let escaped = words.replace('"', "\\\"");
    let diag = Diagnostic::error(
        format!("`{key}`: a \" inside the text ends it early"),
        Some(lr.start + v + first..lr.start + v + first + 1),
    )
    .with_label("TOML reads the text as ending here")
    .with_help(format!(
        "write \\\" for a quote mark inside a text ({key} = \"{escaped}\"), or put the text in single quotes: {key} = '{words}'"
    ));
    let edits = inner
        .iter()
        .map(|i| {
            let s = lr.start + v + i;
            (s..s + 1, "'".to_string())
        })
        .collect();
    let _ = text;
    Some(Slip {
        diag,
        repair: Some(edits),
    })
}

/// A bare word as a value: `yes`, `True`, or text without quotes.
fn bare_word(_: &str, at: usize, line: &str, lr: Range<usize>, raw: &str) -> Option<Slip> {
    if !(raw.contains("quoted") || raw.contains("boolean") || raw.contains("invalid")) {
        return None;
    }
    let col = at - lr.start;
    let (key, v) = assignment(line)?;
    if col < v {
        return None;
    }
    let word = token_at(line, col);
    if word.is_empty() || word.starts_with(['"', '\'']) {
        return None;
    }
    let key = key.to_string();
    let range = at..at + word.len();
    let (message, help, repair) = if BOOLEAN_LOOKALIKES.contains(&word) {
        let yes = matches!(word.to_lowercase().as_str(), "yes" | "true" | "on" | "y");
        let value = if yes { "true" } else { "false" };
        (
            format!("`{key}`: `{word}` is not a value TOML knows"),
            format!("write {key} = {value}: true and false, in lower case and without quotes"),
            if word.len() == value.len() {
                value.to_string()
            } else {
                quote_ends(word)
            },
        )
    } else {
        (
            format!("`{key}`: text must be in quotes"),
            format!(
                "write {key} = \"{}\"",
                line[col..].split(" #").next().unwrap_or(word).trim_end()
            ),
            quote_ends(word),
        )
    };
    Some(Slip {
        diag: Diagnostic::error(message, Some(range.clone())).with_help(help),
        repair: Some(vec![(range, repair)]),
    })
}

/// A word turned into a text of the same length: its first and last byte become quotes.
fn quote_ends(word: &str) -> String {
    match word.len() {
        0 => String::new(),
        1 => "0".into(),
        n => format!("\"{}\"", " ".repeat(n - 2)),
    }
}

/// `period "2024"`: a key and a value with no `=` between them.
fn missing_equals(_: &str, at: usize, line: &str, lr: Range<usize>, raw: &str) -> Option<Slip> {
    if !raw.contains("expected `=`") {
        return None;
    }
    let trimmed = line.trim_start();
    let indent = line.len() - trimmed.len();
    let key_len = trimmed
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '-'))
        .unwrap_or(trimmed.len());
    if key_len == 0 {
        return None;
    }
    let key = &trimmed[..key_len];
    let rest = &trimmed[key_len..];
    let value = rest.trim_start();
    if value.is_empty() || value.starts_with('=') {
        return None;
    }
    let gap = lr.start + indent + key_len;
    let diag = Diagnostic::error(
        format!("`{key}` has no `=` before its value"),
        Some(at..at + 1),
    )
    .with_help(format!("write {key} = {}", value.trim_end()));
    let repair = (rest.len() > value.len()).then(|| vec![(gap..gap + 1, "=".to_string())]);
    Some(Slip { diag, repair })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn first(src: &str) -> Diagnostic {
        match read(src) {
            Ok(r) => r.diags.into_iter().next().expect("a slip"),
            Err(d) => d.into_iter().next().expect("a slip"),
        }
    }

    #[test]
    fn a_repair_keeps_every_offset() {
        let src = "a = 1,840\nb = “x”\nc = yes\n";
        let r = read(src).unwrap();
        assert_eq!(r.text.len(), src.len());
        assert_eq!(r.diags.len(), 3);
        assert!(toml::from_str::<toml::Value>(&r.text).is_ok(), "{}", r.text);
    }

    #[test]
    fn an_unclosed_list_is_one_error_at_its_bracket() {
        let src = "[report]\nkeywords = [\"a\", \"b\"\ntitle = \"t\"\n[brand]\nlogo = \"x\"\n";
        let r = read(src).unwrap();
        assert_eq!(r.diags.len(), 1);
        assert_eq!(
            r.diags[0].message,
            "the list `keywords` opened on line 2 is never closed"
        );
        assert_eq!(r.diags[0].span, Some(20..21));
    }

    #[test]
    fn thousands_separators_are_named() {
        let d = first("[[sections]]\nnumber = 1,840\n");
        assert_eq!(d.message, "`number`: numbers can't contain commas");
        assert_eq!(
            d.help.as_deref(),
            Some("write number = 1840, or put \"1,840\" in quotes as a `value`")
        );
    }
}
