//! How text values are written out: markdown parsed with the report's typographic choices
//! (curly quotes or not), passages in another language marked (`[Croeso]{lang=cy}`),
//! constructs folio does not set reported, and body headings checked.
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
        mark_passages(&mut parsed.blocks);
        for tag in passage_tags(&parsed.blocks) {
            if let Err(why) = super::language::tag(&tag) {
                diags.push(
                    Diagnostic::warning(
                        format!("`{key}` marks a passage with `{{lang={tag}}}`: {why}"),
                        Some(src.span()),
                    )
                    .with_help("write the passage as [its words]{lang=cy}, with a BCP 47 tag"),
                );
            }
        }
        for what in parsed.unsupported {
            // Only a rule has nothing to show: other markup's words stay, as plain text.
            let kept = match what {
                "horizontal rules" => "it is left out",
                w if w.starts_with("images") => {
                    "the image is left out and its description set as text"
                }
                _ => "its words are set as ordinary text",
            };
            diags.push(
                Diagnostic::warning(
                    format!("`{key}` uses {what}, which folio does not typeset; {kept}"),
                    Some(src.span()),
                )
                .with_help("use paragraphs, lists, **bold**, *italic* and [links](https://…)"),
            );
        }
        super::preflight::heading_levels(&mut parsed.blocks, src, self.source, key, diags);
        parsed.blocks
    }
}

/// Applies `[…]{lang=xx}` passage markers in every paragraph, heading and list item.
fn mark_passages(blocks: &mut [Block]) {
    for b in blocks {
        match b {
            Block::Paragraph(inlines) | Block::Heading(_, inlines) => {
                *inlines = super::lang::mark_passages(std::mem::take(inlines));
            }
            Block::List { items, .. } => {
                for item in items {
                    mark_passages(item);
                }
            }
        }
    }
}

/// The language tags of marked passages, each once.
fn passage_tags(blocks: &[Block]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for b in blocks {
        let inner: Vec<String> = match b {
            Block::Paragraph(inlines) | Block::Heading(_, inlines) => inlines
                .iter()
                .filter_map(|i| i.lang.as_ref().map(|l| l.tag.clone()))
                .collect(),
            Block::List { items, .. } => items.iter().flat_map(|i| passage_tags(i)).collect(),
        };
        for t in inner {
            if !out.contains(&t) {
                out.push(t);
            }
        }
    }
    out
}
