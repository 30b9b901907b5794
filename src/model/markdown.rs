//! Markdown → blocks and inlines, with pulldown-cmark.
//!
//! In: the markdown of a section body. Out: paragraphs, headings and (nested) lists whose
//! text is runs of plain, bold, italic and linked text. Bare web and e-mail addresses in
//! the prose become links; straight quotes become curly ones unless switched off (never in
//! a code span or an address). Headings keep the level they are written at (`#` is 1).
//! Anything folio does not typeset (images, tables, code blocks, raw HTML) is reported so
//! nothing vanishes silently.

use super::types::{Block, Inline};
use super::typography;
use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

/// The result of parsing: blocks, and the names of constructs that were left out.
pub struct Parsed {
    pub blocks: Vec<Block>,
    pub unsupported: Vec<&'static str>,
}

/// Parses markdown into blocks, with typographer's quotes.
pub fn parse(src: &str) -> Parsed {
    parse_with(src, true)
}

/// Parses markdown into blocks; `smart_quotes` turns straight quotes into curly ones.
pub fn parse_with(src: &str, smart_quotes: bool) -> Parsed {
    let mut p = Builder {
        smart_quotes,
        ..Builder::default()
    };
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
    smart_quotes: bool,
    /// The last character of the paragraph so far, for the quote after `**bold**`.
    last: Option<char>,
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
            smart_quotes: true,
            last: None,
        }
    }
}

impl Builder {
    fn event(&mut self, event: Event) {
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(tag),
            Event::Text(t) => self.prose(&t),
            Event::Code(t) => self.text(&t, None),
            Event::SoftBreak => self.text(" ", None),
            Event::HardBreak => self.text("\n", None),
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
                    HeadingLevel::H3 => 3,
                    HeadingLevel::H4 => 4,
                    HeadingLevel::H5 => 5,
                    HeadingLevel::H6 => 6,
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

    /// Prose: bare addresses become links (outside a link already), the rest gets curly
    /// quotes.
    fn prose(&mut self, t: &str) {
        let found = if self.link.is_none() {
            typography::bare_links(t)
        } else {
            Vec::new()
        };
        let mut at = 0;
        for f in found.iter().chain(std::iter::once(&typography::Found {
            range: t.len()..t.len(),
            link: String::new(),
        })) {
            let plain = &t[at..f.range.start];
            if !plain.is_empty() {
                let text = if self.smart_quotes {
                    typography::smart_quotes(plain, self.last)
                } else {
                    plain.to_string()
                };
                self.text(&text, None);
            }
            if !f.range.is_empty() {
                self.text(&t[f.range.clone()], Some(f.link.clone()));
            }
            at = f.range.end;
        }
    }

    /// A run of text in the current style; `link` overrides the current link.
    fn text(&mut self, t: &str, link: Option<String>) {
        if let Some(c) = t.chars().next_back() {
            self.last = Some(c);
        }
        let (bold, italic) = (self.bold > 0, self.italic > 0);
        let link = link.or_else(|| self.link.clone());
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
            lang: None,
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
        self.last = None;
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
