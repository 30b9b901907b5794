//! Diagnostics: what went wrong (or looks wrong) in report.toml, where, and how to fix it.
//!
//! Every stage reports problems as [`Diagnostic`]s carrying a byte span into report.toml.
//! They are rendered once, at the end, by [`render`] with annotate-snippets (the renderer
//! cargo uses): `file:line:col`, the source line, a caret under the culprit and a `help:`.

use annotate_snippets::renderer::DecorStyle;
use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};
use std::ops::Range;

/// How bad a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// Something folio did that the user should know of; nothing to fix.
    Note,
    /// The build goes on; the user should look.
    Warning,
    /// The build stops before anything is written.
    Error,
}

/// One problem, with its place in report.toml.
#[derive(Debug, Clone, PartialEq)]
pub struct Diagnostic {
    pub severity: Severity,
    /// What is wrong, naming the key in backticks.
    pub message: String,
    /// Where, as a byte range of report.toml; `None` only for problems with no place.
    pub span: Option<Range<usize>>,
    /// A short label under the caret.
    pub label: Option<String>,
    /// How to fix it.
    pub help: Option<String>,
    /// For "needs the key" errors: the keys whose absence this reports. When the key is in
    /// fact written but with a value of the wrong kind, that error says it better.
    pub missing: Vec<String>,
    /// Text inside the span that the problem is really about (a link inside a body): once
    /// the source is at hand, [`narrow`] moves the span onto it.
    pub within: Option<String>,
}

impl Diagnostic {
    /// An error at `span`.
    pub fn error(message: impl Into<String>, span: Option<Range<usize>>) -> Self {
        Self {
            severity: Severity::Error,
            message: message.into(),
            span,
            label: None,
            help: None,
            missing: Vec::new(),
            within: None,
        }
    }

    /// A warning at `span`.
    pub fn warning(message: impl Into<String>, span: Option<Range<usize>>) -> Self {
        Self {
            severity: Severity::Warning,
            ..Self::error(message, span)
        }
    }

    /// A note at `span`: what folio did, said once.
    pub fn note(message: impl Into<String>, span: Option<Range<usize>>) -> Self {
        Self {
            severity: Severity::Note,
            ..Self::error(message, span)
        }
    }

    /// Adds how to fix it.
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Adds a label shown under the caret.
    pub fn with_label(mut self, label: impl Into<String>) -> Self {
        self.label = Some(label.into());
        self
    }

    /// Says which text inside the span the problem is about (see [`narrow`]).
    pub fn within(mut self, text: impl Into<String>) -> Self {
        self.within = Some(text.into());
        self
    }

    /// Marks an error as reporting missing keys.
    pub fn missing(mut self, keys: &[&str]) -> Self {
        self.missing = keys.iter().map(|k| k.to_string()).collect();
        self
    }

    /// Whether this stops the build.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// `line:col` (both from 1) of the start of the span in `source`.
    pub fn line_col(&self, source: &str) -> Option<(usize, usize)> {
        let start = self.span.as_ref()?.start.min(source.len());
        let before = &source[..start];
        let line = before.matches('\n').count() + 1;
        let col = before.rsplit('\n').next().map_or(0, |s| s.chars().count()) + 1;
        Some((line, col))
    }
}

/// The fewest characters of laid-out text searched for in report.toml: shorter ones (a
/// page number, one letter) would be found in the wrong place.
const MIN_FOUND: usize = 4;

/// Moves each diagnostic's span onto the text it is about, where it names one and that
/// text is written literally inside the span (a link in a body points at its own line).
pub fn narrow(diags: &mut [Diagnostic], source: &str) {
    for d in diags {
        // A problem found only in the laid-out pages (by the PDF writer) names the text it
        // is about but no span: the place report.toml writes that text, when it does.
        if d.span.is_none()
            && let Some(text) = d.within.take().filter(|t| t.chars().count() >= MIN_FOUND)
        {
            d.span = source.find(text.as_str()).map(|i| i..i + text.len());
            continue;
        }
        let (Some(span), Some(text)) = (&d.span, d.within.take()) else {
            continue;
        };
        if text.is_empty() {
            continue;
        }
        if let Some(i) = source.get(span.clone()).and_then(|s| s.find(text.as_str())) {
            d.span = Some(span.start + i..span.start + i + text.len());
        }
    }
}

/// Renders diagnostics the way cargo does. `styled` adds terminal colours.
///
/// Each diagnostic is shown with only the lines its span touches, found through a line
/// index built once, so rendering is linear in the number of diagnostics however long
/// report.toml is. A span over many lines (a whole table) is shown by its first line.
pub fn render(diags: &[Diagnostic], path: &str, source: &str, styled: bool) -> String {
    let renderer = if styled {
        Renderer::styled()
    } else {
        Renderer::plain()
    }
    .decor_style(DecorStyle::Ascii);
    let lines = LineIndex::new(source);
    let mut out = String::new();
    for d in diags {
        let level = match d.severity {
            Severity::Error => Level::ERROR,
            Severity::Warning => Level::WARNING,
            Severity::Note => Level::NOTE,
        };
        let title = level.primary_title(d.message.as_str());
        let shown = d.span.as_ref().map(|span| {
            let (excerpt, first_line, local) = lines.excerpt(source, &clamp_span(span, source));
            let (excerpt, local) = shorten(excerpt, local);
            (excerpt, first_line, local)
        });
        let group = if let Some((excerpt, first_line, local)) = &shown {
            let mut ann = AnnotationKind::Primary.span(local.clone());
            if let Some(label) = &d.label {
                ann = ann.label(label.as_str());
            }
            Group::with_title(title).element(
                Snippet::source(excerpt.as_ref())
                    .line_start(*first_line)
                    .path(path)
                    .annotation(ann),
            )
        } else {
            Group::with_title(title).element(Level::NOTE.message(format!("in {path}")))
        };
        let mut report: Vec<Group> = vec![group];
        if let Some(help) = &d.help {
            report.push(Group::with_title(
                Level::HELP.secondary_title(help.as_str()),
            ));
        }
        out.push_str(&renderer.render(&report));
        out.push_str("\n\n");
    }
    out
}

/// The byte offset where each line of a text starts.
struct LineIndex(Vec<usize>);

impl LineIndex {
    /// A span over more lines than this is shown by its first line only.
    const MAX_LINES: usize = 8;

    fn new(source: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(source.match_indices('\n').map(|(i, _)| i + 1));
        Self(starts)
    }

    /// The 0-based line holding byte `at`.
    fn line_of(&self, at: usize) -> usize {
        self.0.partition_point(|&s| s <= at).saturating_sub(1)
    }

    /// The lines `span` touches, the 1-based number of the first, and the span within them.
    fn excerpt<'s>(&self, source: &'s str, span: &Range<usize>) -> (&'s str, usize, Range<usize>) {
        let first = self.line_of(span.start);
        let last = self
            .line_of(span.end.saturating_sub(1).max(span.start))
            .min(first + Self::MAX_LINES - 1);
        let from = self.0[first];
        let to = self
            .0
            .get(last + 1)
            .map_or(source.len(), |&next| next.saturating_sub(1).max(from));
        let end = span.end.clamp(span.start, to.max(span.start));
        (&source[from..to], first + 1, span.start - from..end - from)
    }
}

/// The most characters of a line shown before, in and after a span: a title of a
/// megabyte is shown by its start.
const SHOWN_BEFORE: usize = 40;
const SHOWN_WITHIN: usize = 120;
const SHOWN_AFTER: usize = 40;

/// An excerpt cut to a readable length around its span. The text before the span keeps its
/// number of characters, blanked out beyond [`SHOWN_BEFORE`] (the column is counted from
/// it); the span is cut after [`SHOWN_WITHIN`] characters and what follows it after
/// [`SHOWN_AFTER`]. The renderer's own trimming counts display width and misses lines of
/// wide characters (CJK, emoji), which it would print whole.
fn shorten(excerpt: &str, local: Range<usize>) -> (std::borrow::Cow<'_, str>, Range<usize>) {
    const SHORT: usize = 2 * (SHOWN_BEFORE + SHOWN_WITHIN + SHOWN_AFTER);
    if excerpt.len() <= SHORT {
        return (excerpt.into(), local);
    }
    let (before, within, after) = (
        &excerpt[..local.start],
        &excerpt[local.clone()],
        &excerpt[local.end..],
    );
    let n = before.chars().count();
    let mut out: String = before
        .chars()
        .enumerate()
        .map(|(i, c)| if i + SHOWN_BEFORE < n { ' ' } else { c })
        .collect();
    let start = out.len();
    let mut cut: String = within.chars().take(SHOWN_WITHIN).collect();
    if cut.len() < within.len() {
        cut.push('…');
    }
    out.push_str(&cut);
    let end = out.len();
    let after = after.split('\n').next().unwrap_or("");
    out.extend(after.chars().take(SHOWN_AFTER));
    (out.into(), start..end)
}

/// Keeps a span inside the source and on character boundaries, so rendering never panics.
fn clamp_span(span: &Range<usize>, source: &str) -> Range<usize> {
    let mut start = span.start.min(source.len());
    while !source.is_char_boundary(start) {
        start -= 1;
    }
    let mut end = span.end.clamp(start, source.len());
    while !source.is_char_boundary(end) {
        end += 1;
    }
    start..end
}

/// Suggests the closest of `known` to a misspelt `word`, if one is close enough to be a typo.
pub fn did_you_mean<'a>(word: &str, known: &[&'a str]) -> Option<&'a str> {
    // A Jaro–Winkler score of 0.8 catches typos like `labl`/`label` and `colour`/`color`
    // without suggesting unrelated keys.
    const MIN_SIMILARITY: f64 = 0.8;
    known
        .iter()
        .map(|k| (strsim::jaro_winkler(word, k), *k))
        .filter(|(score, _)| *score >= MIN_SIMILARITY)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, k)| k)
}

/// Drops "needs the key `k`" errors where `k` is written in that table but with a value of
/// the wrong kind, or misspelt so that an unknown-key error already suggests `k`: that error
/// points at the real mistake, and two messages for one mistake would send the user looking
/// for a missing key that is there.
pub fn drop_redundant(diags: &mut Vec<Diagnostic>, source: &str) {
    let typed: Vec<(Range<usize>, String, Option<String>)> = diags
        .iter()
        .filter(|d| d.missing.is_empty())
        .filter_map(|d| Some((d.span.clone()?, d.message.clone(), d.label.clone())))
        .collect();
    diags.retain(|d| {
        let Some(table) = &d.span else { return true };
        if d.missing.is_empty() {
            return true;
        }
        // `report` and `sections` are top-level keys: written anywhere in the file.
        if d.missing.iter().all(|k| k == "report" || k == "sections") {
            return !d.missing.iter().any(|k| {
                typed
                    .iter()
                    .any(|(_, msg, _)| msg.starts_with(&format!("`{k}`:")))
            });
        }
        // A table's span may cover only its `[header]`; its keys run to the next header.
        let end = source
            .get(table.end..)
            .and_then(|rest| rest.find("\n[").map(|i| table.end + i))
            .unwrap_or(source.len())
            .max(table.end);
        !d.missing.iter().any(|k| {
            typed.iter().any(|(span, msg, label)| {
                let inside = span.start >= table.start && span.end <= end;
                let mistyped = msg.starts_with(&format!("`{k}`:"));
                let misspelt = label.as_deref() == Some(&format!("did you mean `{k}`?"));
                inside && (mistyped || misspelt)
            })
        })
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_problem_found_in_the_pages_points_at_the_text_in_report_toml() {
        let source = "[report]\ntitle = \"T\"\n\n[[sections]]\ntitle = \"Our year\"\n";
        let mut d = vec![
            Diagnostic::error("a letter is missing (on page 2)", None).within("Our year"),
            Diagnostic::error("too short to look for", None).within("T"),
            Diagnostic::error("not written there", None).within("Elsewhere"),
        ];
        narrow(&mut d, source);
        assert_eq!(d[0].line_col(source), Some((5, 10)));
        assert_eq!(d[1].span, None);
        assert_eq!(d[2].span, None);
    }

    #[test]
    fn a_line_of_wide_characters_is_shown_by_its_start_at_the_right_column() {
        for word in ["字字字 ", "\u{1F600} ", "word "] {
            let source = format!("[report]\nx = 1\ntitle = \"{}\"\n", word.repeat(20_000));
            let at = source.find("title").unwrap() + 8;
            let d = Diagnostic::error("too long", Some(at..source.len() - 2));
            let shown = render(std::slice::from_ref(&d), "report.toml", &source, false);
            assert!(shown.len() < 2_000, "{word}: {} bytes", shown.len());
            assert!(shown.contains("report.toml:3:9"), "{shown}");
        }
    }
}
