//! `# TODO` notes and `"TODO: …"` placeholders in report.toml → warnings.
//!
//! In: the file's text. Out: one warning for each note left in it, at its line and column,
//! saying what is still to do. `folio import` leaves such notes for what a document cannot
//! tell it (the period, the brand, an image's description), and people leave them too;
//! a build that goes through with a note still in the file says so instead of keeping
//! quiet. A note is a comment whose text starts with `TODO`; lines after it that start
//! with `#` and at least two spaces continue it. A string value starting `TODO` is a
//! placeholder; one on the line right after a note is that note's subject, not a second
//! task.

use crate::diag::Diagnostic;
use toml_parser::Source;
use toml_parser::lexer::TokenKind;

/// The word that marks a note or a placeholder.
const MARK: &str = "TODO";

/// Warnings for the notes and placeholders in `source`.
pub fn notes(source: &str) -> Vec<Diagnostic> {
    // Every note and placeholder holds the mark as written (it is matched case for case),
    // so a file without it has none; finding that out takes a byte search, not the lexer.
    if !source.contains(MARK) {
        return Vec::new();
    }
    // Lines are counted as the tokens go by, from the last token's start: counting from
    // the top of the file for every token made a long report take seconds (quadratic).
    let (mut counted_to, mut lines_before) = (0, 0);
    let mut line_of = |at: usize| {
        lines_before += source.as_bytes()[counted_to..at]
            .iter()
            .filter(|&&b| b == b'\n')
            .count();
        counted_to = at;
        lines_before
    };
    let mut out = Vec::new();
    // (line of the last note or continuation, index of its warning)
    let mut open: Option<(usize, usize)> = None;
    let src = Source::new(source);
    for token in src.lex() {
        let span = token.span();
        let (start, end) = (span.start(), span.end());
        let Some(raw) = source.get(start..end) else {
            continue;
        };
        let line = line_of(start);
        match token.kind() {
            TokenKind::Comment => {
                let text = raw.trim_start_matches('#');
                let body = text.trim();
                if let Some(task) = body.strip_prefix(MARK) {
                    let task = task.trim_start_matches([':', ' ']).trim();
                    // The caret goes under `# TODO`; the message carries the whole note.
                    let mark_end = start + raw.find(MARK).unwrap_or(0) + MARK.len();
                    out.push(
                        Diagnostic::warning(format!("still to do: {task}"), Some(start..mark_end))
                            .with_help("do what the note says, then delete the note"),
                    );
                    open = Some((line, out.len() - 1));
                } else if let Some((last, i)) = open
                    && last + 1 == line
                    && text.starts_with("  ")
                    && !body.is_empty()
                {
                    let d = &mut out[i];
                    d.message.push(' ');
                    d.message.push_str(body);
                    open = Some((line, i));
                } else {
                    open = None;
                }
            }
            TokenKind::BasicString
            | TokenKind::LiteralString
            | TokenKind::MlBasicString
            | TokenKind::MlLiteralString => {
                let value = raw.trim_start_matches(['"', '\'']);
                if !value.starts_with(MARK) {
                    continue;
                }
                if open.is_some_and(|(last, _)| last + 1 == line || last == line) {
                    continue;
                }
                out.push(
                    Diagnostic::warning(
                        format!(
                            "this value is a placeholder: {}",
                            raw.trim_matches(['"', '\''])
                        ),
                        Some(start..end),
                    )
                    .with_help("replace it with the real text"),
                );
            }
            TokenKind::Newline | TokenKind::Whitespace => {}
            _ => {
                // A key on the line after a note is the note's subject; anything further
                // on ends the note.
                if open.is_some_and(|(last, _)| line > last + 1) {
                    open = None;
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notes_and_placeholders_become_warnings_once_each() {
        let src = "# TODO: the period,\n#   as printed\nperiod = \"TODO: period\"\n\
                   title = \"TODO: title\"\n# not a note\nbody = '''\n# TODO inside text\n'''\n";
        let notes = notes(src);
        let messages: Vec<&str> = notes.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(
            messages,
            [
                "still to do: the period, as printed",
                "this value is a placeholder: TODO: title"
            ]
        );
        assert_eq!(notes[0].line_col(src), Some((1, 1)));
        assert_eq!(notes[1].line_col(src), Some((4, 9)));
    }
}
