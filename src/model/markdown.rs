//! Markdown → blocks and inlines, with pulldown-cmark.
//!
//! In: the markdown of a section body. Out: paragraphs, headings and (nested) lists whose
//! text is runs of plain, bold, italic and linked text. Anything folio does not typeset
//! (images, tables, code blocks, raw HTML) is reported so nothing vanishes silently:
//! [`blocks`] turns each into a warning at the key's span.

use super::types::{Block, Inline};
use crate::diag::Diagnostic;
use crate::spec::SpannedStr;
use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

/// The result of parsing: blocks, and the names of constructs that were left out.
pub struct Parsed {
    pub blocks: Vec<Block>,
    pub unsupported: Vec<&'static str>,
}

/// Parses a markdown value; constructs folio does not set are a warning, not lost silently.
pub fn blocks(src: &SpannedStr, key: &str, diags: &mut Vec<Diagnostic>) -> Vec<Block> {
    let parsed = parse(src.get_ref());
    for what in parsed.unsupported {
        diags.push(
            Diagnostic::warning(
                format!("`{key}` uses {what}, which folio does not typeset; it is left out"),
                Some(src.span()),
            )
            .with_help("use paragraphs, lists, **bold**, *italic* and [links](https://…)"),
        );
    }
    parsed.blocks
}

/// Parses markdown into blocks.
pub fn parse(src: &str) -> Parsed {
    let mut p = Builder::default();
    for event in Parser::new_ext(src, Options::ENABLE_STRIKETHROUGH) {
        p.event(event);
    }
    p.flush_paragraph();
    Parsed {
        blocks: p.stack.pop().map(|f| f.blocks).unwrap_or_default(),
        unsupported: p.unsupported,
    }
}

/// A list being built: its items, each a list of blocks.
struct Frame {
    blocks: Vec<Block>,
    list: Option<(bool, u64, Vec<Vec<Block>>)>,
}

struct Builder {
    stack: Vec<Frame>,
    inlines: Vec<Inline>,
    bold: u32,
    italic: u32,
    link: Option<String>,
    heading: Option<u8>,
    unsupported: Vec<&'static str>,
}

impl Default for Builder {
    fn default() -> Self {
        Self {
            stack: vec![Frame {
                blocks: Vec::new(),
                list: None,
            }],
            inlines: Vec::new(),
            bold: 0,
            italic: 0,
            link: None,
            heading: None,
            unsupported: Vec::new(),
        }
    }
}

impl Builder {
    fn event(&mut self, event: Event) {
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(tag),
            Event::Text(t) | Event::Code(t) => self.text(&t),
            Event::SoftBreak => self.text(" "),
            Event::HardBreak => self.text("\n"),
            Event::Html(_) | Event::InlineHtml(_) => self.unsupported("HTML"),
            Event::Rule => self.unsupported("horizontal rules"),
            _ => {}
        }
    }

    fn start(&mut self, tag: Tag) {
        match tag {
            Tag::Strong => self.bold += 1,
            Tag::Emphasis => self.italic += 1,
            Tag::Link { dest_url, .. } => self.link = Some(dest_url.to_string()),
            Tag::Heading { level, .. } => {
                self.flush_paragraph();
                self.heading = Some(match level {
                    HeadingLevel::H1 => 1,
                    HeadingLevel::H2 => 2,
                    _ => 3,
                });
            }
            Tag::List(start) => {
                self.flush_paragraph();
                self.stack.push(Frame {
                    blocks: Vec::new(),
                    list: Some((start.is_some(), start.unwrap_or(1), Vec::new())),
                });
            }
            Tag::Item => {
                self.flush_paragraph();
                self.stack.push(Frame {
                    blocks: Vec::new(),
                    list: None,
                });
            }
            Tag::Image { .. } => self.unsupported("images in body text (use an image block)"),
            Tag::Table(_) => self.unsupported("tables"),
            Tag::CodeBlock(_) => self.unsupported("code blocks"),
            Tag::BlockQuote(_) => self.unsupported("block quotes"),
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Strong => self.bold = self.bold.saturating_sub(1),
            TagEnd::Emphasis => self.italic = self.italic.saturating_sub(1),
            TagEnd::Link => self.link = None,
            TagEnd::Paragraph | TagEnd::Heading(_) => self.flush_paragraph(),
            TagEnd::Item => {
                self.flush_paragraph();
                let item = self.stack.pop().expect("invariant: item frame was pushed");
                if let Some(Frame {
                    list: Some((_, _, items)),
                    ..
                }) = self.stack.last_mut()
                {
                    items.push(item.blocks);
                }
            }
            TagEnd::List(_) => {
                self.flush_paragraph();
                let frame = self.stack.pop().expect("invariant: list frame was pushed");
                if let Some((ordered, start, items)) = frame.list {
                    self.current().push(Block::List {
                        ordered,
                        start,
                        items,
                    });
                }
            }
            _ => {}
        }
    }

    fn text(&mut self, t: &str) {
        let (bold, italic, link) = (self.bold > 0, self.italic > 0, self.link.clone());
        if let Some(last) = self.inlines.last_mut()
            && last.bold == bold
            && last.italic == italic
            && last.link == link
        {
            last.text.push_str(t);
            return;
        }
        self.inlines.push(Inline {
            text: t.to_string(),
            bold,
            italic,
            link,
        });
    }

    fn current(&mut self) -> &mut Vec<Block> {
        &mut self
            .stack
            .last_mut()
            .expect("invariant: the root frame is never popped")
            .blocks
    }

    /// Ends the paragraph (or heading) being collected. Tight list items have no paragraph
    /// events, so their text is flushed here too.
    fn flush_paragraph(&mut self) {
        if self.inlines.is_empty() {
            self.heading = None;
            return;
        }
        let inlines = std::mem::take(&mut self.inlines);
        let block = match self.heading.take() {
            Some(level) => Block::Heading(level, inlines),
            None => Block::Paragraph(inlines),
        };
        self.current().push(block);
    }

    fn unsupported(&mut self, what: &'static str) {
        if !self.unsupported.contains(&what) {
            self.unsupported.push(what);
        }
    }
}

/// The plain text of inlines.
pub fn plain(inlines: &[Inline]) -> String {
    inlines.iter().map(|i| i.text.as_str()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_lists_and_styles() {
        let p = parse("A **bold** and *it* [link](https://x.org).\n\n- one\n- two\n\n1. first\n");
        assert!(p.unsupported.is_empty());
        assert_eq!(p.blocks.len(), 3);
        let Block::Paragraph(inl) = &p.blocks[0] else {
            panic!("{:?}", p.blocks[0])
        };
        assert_eq!(plain(inl), "A bold and it link.");
        assert!(inl.iter().any(|i| i.bold && i.text == "bold"));
        assert!(inl.iter().any(|i| i.italic && i.text == "it"));
        assert!(
            inl.iter()
                .any(|i| i.link.as_deref() == Some("https://x.org") && i.text == "link")
        );
        assert!(
            matches!(&p.blocks[1], Block::List { ordered: false, items, .. } if items.len() == 2)
        );
        assert!(matches!(
            &p.blocks[2],
            Block::List {
                ordered: true,
                start: 1,
                ..
            }
        ));
    }

    #[test]
    fn unsupported_constructs_are_named() {
        let p = parse("| a |\n|---|\n| b |\n\n<b>x</b>\n");
        assert!(p.unsupported.contains(&"HTML"));
    }
}
