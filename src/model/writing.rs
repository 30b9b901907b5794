//! How text values are written out: markdown parsed with the report's typographic choices
//! (curly quotes or not), constructs folio does not set reported, and body headings checked.
//! Shared by sections and components, which is why it is a module of its own.

use super::markdown;
use super::types::Block;
use crate::diag::Diagnostic;
use crate::spec::{SpannedStr, Spec};

/// How text values are written out: the source (to point into a long text), and the
/// report's typographic choices.
pub struct Writing<'a> {
    pub source: &'a str,
    pub smart_quotes: bool,
}

impl Writing<'_> {
    /// Reads `[text] smart_quotes` (on unless switched off).
    pub fn new<'a>(spec: &Spec, source: &'a str) -> Writing<'a> {
        Writing {
            source,
            smart_quotes: spec.text.smart_quotes.as_ref().is_none_or(|s| *s.get_ref()),
        }
    }

    /// Parses a markdown value. Constructs folio does not set are a warning, not lost
    /// silently; headings are checked and numbered from the body's first heading.
    pub fn markdown(&self, src: &SpannedStr, key: &str, diags: &mut Vec<Diagnostic>) -> Vec<Block> {
        let mut parsed = markdown::parse_with(src.get_ref(), self.smart_quotes);
        for e in std::mem::take(&mut parsed.errors) {
            diags.push(
                Diagnostic::error(format!("`{key}` {}", e.what), Some(src.span()))
                    .with_help(e.help)
                    .within(e.text),
            );
        }
        for what in parsed.unsupported {
            diags.push(
                Diagnostic::warning(
                    format!("`{key}` uses {what}, which folio does not typeset; it is left out"),
                    Some(src.span()),
                )
                .with_help("use paragraphs, lists, **bold**, *italic* and [links](https://…)"),
            );
        }
        super::preflight::heading_levels(&mut parsed.blocks, src, self.source, key, diags);
        parsed.blocks
    }
}
