//! A report.toml with placeholders, and filling it with one row of data.
//!
//! In: the template's text. Out: a [`Template`] — the text cut into literal pieces and
//! `{{ name }}` placeholders, each knowing where in the TOML it stands — which renders one
//! row into a report.toml source and maps any position in that source back to the
//! template (and, inside a filled value, to the data cell it came from).
//!
//! Substitution is typed by where the placeholder stands, so no value can change the
//! TOML's structure:
//! - inside a `"basic"` or `"""multi-line"""` string, the value is text, escaped for that
//!   kind of string (a quote or backslash in a value is just a character);
//! - as a whole value (`number = {{ users }}`), it must be a number or `true`/`false`, and
//!   is checked to be exactly that before it is written;
//! - inside a `'literal'` string nothing can be escaped, so a placeholder there is an error
//!   in the template; in a `#` comment it is left as written.

use crate::diag::Diagnostic;
use std::ops::Range;

/// The most bytes a row's filled-in report may have: what a report.toml read from disk may.
const MAX_RENDERED: usize = crate::files::Kind::Report.cap() as usize;

/// Where a placeholder stands in the TOML.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    /// A whole value: a number or a boolean.
    Bare,
    /// Inside `"…"`.
    Basic,
    /// Inside `"""…"""`.
    MultilineBasic,
}

#[derive(Debug, Clone)]
enum Piece {
    /// Template text, as a byte range of the template.
    Text(Range<usize>),
    /// `{{ name }}` at `span` of the template.
    Field {
        name: String,
        span: Range<usize>,
        context: Context,
    },
}

/// A parsed template.
#[derive(Debug)]
pub struct Template {
    pub source: String,
    pieces: Vec<Piece>,
}

/// A value to fill a placeholder with, as the data file gave it.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Text(String),
    Number(f64),
    Bool(bool),
}

impl Value {
    /// The value as text, for strings and file names.
    pub fn as_text(&self) -> String {
        match self {
            Value::Text(s) => s.clone(),
            Value::Number(n) => number_literal(*n),
            Value::Bool(b) => b.to_string(),
        }
    }
}

/// Why a value could not fill its placeholder: the field and what was wrong.
#[derive(Debug, Clone, PartialEq)]
pub struct FillError {
    pub field: String,
    /// The placeholder in the template.
    pub span: Range<usize>,
    pub message: String,
}

/// A filled template: the source and where each part of it came from.
#[derive(Debug)]
pub struct Rendered {
    pub source: String,
    /// (range in `source`, origin), in order.
    map: Vec<(Range<usize>, Origin)>,
}

#[derive(Debug, Clone)]
enum Origin {
    /// Template text starting at this byte.
    Template(usize),
    /// A value filled into the placeholder at this template span.
    Field { name: String, span: Range<usize> },
}

/// Where a position of a rendered source came from.
#[derive(Debug, Clone, PartialEq)]
pub enum Place {
    /// The template's own text at this span.
    Template(Range<usize>),
    /// Inside the value of `field`, filled in at the placeholder at `span`.
    Field { field: String, span: Range<usize> },
}

impl Template {
    /// Cuts the template into pieces; every malformed placeholder is an error at its place.
    pub fn parse(source: &str) -> Result<Template, Vec<Diagnostic>> {
        let mut scan = Scanner {
            src: source,
            pos: 0,
            pieces: Vec::new(),
            text_start: 0,
            errors: Vec::new(),
        };
        scan.run();
        if !scan.errors.is_empty() {
            return Err(scan.errors);
        }
        let pieces = scan.pieces;
        Ok(Template {
            source: source.to_string(),
            pieces,
        })
    }

    /// The placeholders, in order of first appearance, with the span of the first.
    pub fn fields(&self) -> Vec<(&str, Range<usize>)> {
        let mut out: Vec<(&str, Range<usize>)> = Vec::new();
        for p in &self.pieces {
            if let Piece::Field { name, span, .. } = p
                && !out.iter().any(|(n, _)| n == name)
            {
                out.push((name, span.clone()));
            }
        }
        out
    }

    /// Fills the placeholders from `lookup`; every value that does not fit is an error.
    /// The result is at most [`MAX_RENDERED`] bytes.
    pub fn render(
        &self,
        lookup: impl Fn(&str) -> Option<Value>,
    ) -> Result<Rendered, Vec<FillError>> {
        let mut source = String::with_capacity(self.source.len() + 256);
        let mut map = Vec::with_capacity(self.pieces.len());
        let mut errors = Vec::new();
        for p in &self.pieces {
            let start = source.len();
            match p {
                Piece::Text(r) => {
                    source.push_str(&self.source[r.clone()]);
                    map.push((start..source.len(), Origin::Template(r.start)));
                }
                Piece::Field {
                    name,
                    span,
                    context,
                } => {
                    let error = |message: String| FillError {
                        field: name.clone(),
                        span: span.clone(),
                        message,
                    };
                    match lookup(name) {
                        None => errors.push(error(format!("the data has no `{name}`"))),
                        Some(v) => match fill(&v, *context) {
                            // A long value filled into many placeholders could make a
                            // report far larger than any report.toml folio reads.
                            Ok(text) if source.len() + text.len() > MAX_RENDERED => {
                                errors.push(error(format!(
                                    "the row's report would be more than the {} MB a report.toml may be",
                                    MAX_RENDERED >> 20
                                )));
                                break;
                            }
                            Ok(text) => source.push_str(&text),
                            Err(m) => errors.push(error(m)),
                        },
                    }
                    map.push((
                        start..source.len(),
                        Origin::Field {
                            name: name.clone(),
                            span: span.clone(),
                        },
                    ));
                }
            }
        }
        if errors.is_empty() {
            Ok(Rendered { source, map })
        } else {
            Err(errors)
        }
    }
}

impl Rendered {
    /// Where the byte range `span` of the rendered source came from. A span that covers
    /// a filled value (a whole string holding a placeholder, say) is that value's: it maps
    /// to the template text it covers, placeholder included.
    pub fn place(&self, span: &Range<usize>) -> Place {
        let end = span.end.max(span.start + 1);
        let overlaps = |r: &Range<usize>| {
            if r.is_empty() {
                span.start <= r.start && r.start < end
            } else {
                r.start < end && r.end > span.start
            }
        };
        let covered: Vec<&(Range<usize>, Origin)> =
            self.map.iter().filter(|(r, _)| overlaps(r)).collect();
        let (Some(first), Some(last)) = (covered.first(), covered.last()) else {
            // Past the end: the end of the template.
            let at = self
                .map
                .last()
                .map_or(0, |last| to_template(last, span.start, true));
            return Place::Template(at..at);
        };
        let start = to_template(first, span.start, false);
        let stop = to_template(last, span.end, true).max(start);
        let field = covered.iter().find_map(|(_, o)| match o {
            Origin::Field { name, .. } => Some(name.clone()),
            Origin::Template(_) => None,
        });
        match field {
            Some(field) => Place::Field {
                field,
                span: start..stop,
            },
            None => Place::Template(start..stop),
        }
    }
}

/// The template position of rendered position `at` within `piece`: in template text, the
/// same character; in a filled value, its placeholder's start (or end, for a span's end).
fn to_template((range, origin): &(Range<usize>, Origin), at: usize, is_end: bool) -> usize {
    match origin {
        Origin::Template(t) => t + at.clamp(range.start, range.end) - range.start,
        Origin::Field { span, .. } if is_end => span.end,
        Origin::Field { span, .. } => span.start,
    }
}

/// The text that fills a placeholder in `context`.
fn fill(v: &Value, context: Context) -> Result<String, String> {
    match context {
        Context::Basic => Ok(escape(&v.as_text(), false)),
        Context::MultilineBasic => Ok(escape(&v.as_text(), true)),
        Context::Bare => match v {
            Value::Number(n) if n.is_finite() => Ok(number_literal(*n)),
            Value::Bool(b) => Ok(b.to_string()),
            Value::Text(t) => {
                let t = t.trim();
                if is_number(t) || t == "true" || t == "false" {
                    Ok(t.to_string())
                } else {
                    Err(format!(
                        "`{t}` is not a number; the template uses it as one"
                    ))
                }
            }
            Value::Number(_) => Err("the number is not finite".into()),
        },
    }
}

/// A number as TOML writes it: integers without a fraction.
fn number_literal(n: f64) -> String {
    const EXACT_INTEGER: f64 = 9_007_199_254_740_992.0; // 2^53
    if n.fract() == 0.0 && n.abs() < EXACT_INTEGER {
        format!("{}", n as i64)
    } else {
        format!("{n}")
    }
}

/// A decimal number as a data file writes it, and TOML reads it: `42`, `-3.5`, `1e6`.
fn is_number(s: &str) -> bool {
    let s = s.strip_prefix(['+', '-']).unwrap_or(s);
    let (mantissa, exponent) = match s.split_once(['e', 'E']) {
        Some((m, e)) => (m, Some(e.strip_prefix(['+', '-']).unwrap_or(e))),
        None => (s, None),
    };
    let digits = |d: &str| !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit());
    let (int, frac) = match mantissa.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (mantissa, None),
    };
    // TOML forbids leading zeros ("007").
    let int_ok = digits(int) && (int == "0" || !int.starts_with('0'));
    int_ok && frac.is_none_or(digits) && exponent.is_none_or(digits)
}

/// Escapes text for a TOML basic string; in a multi-line one, line breaks stay as written.
fn escape(s: &str, multiline: bool) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' if multiline => out.push('\n'),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            // A carriage return of a Windows line end, and every other control character.
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out
}

/// Walks the template once, tracking whether it is inside a string or a comment.
struct Scanner<'a> {
    src: &'a str,
    pos: usize,
    pieces: Vec<Piece>,
    text_start: usize,
    errors: Vec<Diagnostic>,
}

impl Scanner<'_> {
    fn rest(&self) -> &str {
        &self.src[self.pos..]
    }

    fn run(&mut self) {
        while self.pos < self.src.len() {
            let rest = self.rest();
            if rest.starts_with("{{") {
                self.placeholder(Context::Bare);
            } else if rest.starts_with("\"\"\"") {
                self.pos += 3;
                self.string("\"\"\"", Some(Context::MultilineBasic));
            } else if rest.starts_with("'''") {
                self.pos += 3;
                self.string("'''", None);
            } else if rest.starts_with('"') {
                self.pos += 1;
                self.string("\"", Some(Context::Basic));
            } else if rest.starts_with('\'') {
                self.pos += 1;
                self.string("'", None);
            } else if rest.starts_with('#') {
                // A comment runs to the end of the line; placeholders in it are left alone.
                self.pos += rest.find('\n').unwrap_or(rest.len());
            } else {
                self.pos += rest.chars().next().map_or(1, char::len_utf8);
            }
        }
        self.flush_text(self.pos);
    }

    /// Inside a string that ends with `close`; `context` is `None` for literal strings.
    fn string(&mut self, close: &str, context: Option<Context>) {
        let single_line = close.len() == 1;
        while self.pos < self.src.len() {
            let rest = self.rest();
            if rest.starts_with(close) {
                self.pos += close.len();
                return;
            }
            if context.is_some() && rest.starts_with('\\') {
                // An escape: the next character is never the string's end.
                self.pos += 1;
                self.pos += self.rest().chars().next().map_or(0, char::len_utf8);
                continue;
            }
            if single_line && rest.starts_with('\n') {
                // An unterminated string: TOML reports it; stop treating this as one.
                return;
            }
            if rest.starts_with("{{") {
                match context {
                    Some(c) => self.placeholder(c),
                    None => {
                        let end = rest.find("}}").map_or(2, |e| e + 2);
                        self.errors.push(
                            Diagnostic::error(
                                "a placeholder inside a 'literal string' cannot be filled safely",
                                Some(self.pos..self.pos + end),
                            )
                            .with_label("in single quotes")
                            .with_help("write this value in double quotes: \"… {{ name }} …\""),
                        );
                        self.pos += end;
                    }
                }
                continue;
            }
            self.pos += rest.chars().next().map_or(1, char::len_utf8);
        }
    }

    /// `{{ name }}` at the current position.
    fn placeholder(&mut self, context: Context) {
        let start = self.pos;
        let rest = self.rest();
        let line_end = rest.find('\n').unwrap_or(rest.len());
        let Some(close) = rest[..line_end].find("}}") else {
            self.errors.push(
                Diagnostic::error("this placeholder is not closed", Some(start..start + 2))
                    .with_label("opened here")
                    .with_help("write it as {{ name }}, on one line"),
            );
            self.pos += 2;
            return;
        };
        let name = rest[2..close].trim().to_string();
        let end = start + close + 2;
        let valid = name
            .chars()
            .next()
            .is_some_and(|c| c.is_alphabetic() || c == '_')
            && name
                .chars()
                .all(|c| c.is_alphanumeric() || c == '_' || c == '-');
        if !valid {
            self.errors.push(
                Diagnostic::error(
                    format!("`{}` is not a placeholder name", name),
                    Some(start..end),
                )
                .with_help(
                    "a placeholder names a column of the data: letters, digits, `_` and `-`, \
                     as in {{ trust_name }}",
                ),
            );
        }
        self.flush_text(start);
        self.pieces.push(Piece::Field {
            name,
            span: start..end,
            context,
        });
        self.pos = end;
        self.text_start = end;
    }

    fn flush_text(&mut self, end: usize) {
        if end > self.text_start {
            self.pieces.push(Piece::Text(self.text_start..end));
        }
        self.text_start = end;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row<'a>(pairs: &'a [(&'a str, Value)]) -> impl Fn(&str) -> Option<Value> + 'a {
        move |k| pairs.iter().find(|(n, _)| *n == k).map(|(_, v)| v.clone())
    }

    #[test]
    fn a_value_with_quotes_and_newlines_stays_inside_its_string() {
        let t = Template::parse("title = \"Report for {{ trust }}\"\n").unwrap();
        let evil = Value::Text("X\"\n[page]\nsize = \"A5".into());
        let out = t.render(row(&[("trust", evil)])).unwrap();
        let parsed: toml::Table = toml::from_str(&out.source).unwrap();
        assert_eq!(parsed.len(), 1, "{}", out.source);
        assert_eq!(
            parsed["title"].as_str(),
            Some("Report for X\"\n[page]\nsize = \"A5")
        );
    }

    #[test]
    fn a_multiline_string_keeps_line_breaks_and_escapes_triple_quotes() {
        let t = Template::parse("body = \"\"\"\n{{ text }}\n\"\"\"\n").unwrap();
        let v = Value::Text("one\n\ntwo \"\"\" three \\".into());
        let out = t.render(row(&[("text", v)])).unwrap();
        let parsed: toml::Table = toml::from_str(&out.source).unwrap();
        assert_eq!(
            parsed["body"].as_str(),
            Some("one\n\ntwo \"\"\" three \\\n")
        );
    }

    #[test]
    fn a_bare_placeholder_takes_only_numbers_and_booleans() {
        let t = Template::parse("n = {{ users }}\n").unwrap();
        for (v, want) in [
            (Value::Text("42000".into()), "n = 42000\n"),
            (Value::Text(" -3.5 ".into()), "n = -3.5\n"),
            (Value::Number(2e6), "n = 2000000\n"),
            (Value::Bool(true), "n = true\n"),
        ] {
            assert_eq!(t.render(row(&[("users", v)])).unwrap().source, want);
        }
        for bad in ["1, 2", "12a", "007", "", "inf", "1\n[x]"] {
            let e = t
                .render(row(&[("users", Value::Text(bad.into()))]))
                .unwrap_err();
            assert_eq!(e[0].field, "users");
            assert_eq!(e[0].span, 4..15, "{bad:?}");
        }
    }

    #[test]
    fn placeholders_in_comments_are_left_alone_and_in_literal_strings_are_errors() {
        let t = Template::parse("# {{ not_a_field }}\na = 1\n").unwrap();
        assert!(t.fields().is_empty());
        let e = Template::parse("a = 'x {{ name }}'\n").unwrap_err();
        assert_eq!(e[0].span, Some(7..17));
        let e = Template::parse("a = \"{{ na me }}\"\nb = \"{{ open\"\n").unwrap_err();
        assert_eq!(e.len(), 2);
        assert!(e[0].message.contains("`na me`"), "{:?}", e[0]);
        assert!(e[1].message.contains("not closed"), "{:?}", e[1]);
    }

    #[test]
    fn positions_map_back_to_the_template_and_to_the_field() {
        let tpl = "title = \"{{ t }}\"\nperiod = 20x\n";
        let t = Template::parse(tpl).unwrap();
        let out = t
            .render(row(&[("t", Value::Text("a much longer title".into()))]))
            .unwrap();
        // The bad value after the placeholder: shifted in the output, not in the template.
        let at = out.source.find("20x").unwrap();
        assert_eq!(out.place(&(at..at + 3)), Place::Template(27..30));
        assert_eq!(&tpl[27..30], "20x");
        let inside = out.source.find("longer").unwrap();
        assert_eq!(
            out.place(&(inside..inside + 6)),
            Place::Field {
                field: "t".into(),
                span: 9..16
            }
        );
    }
}
