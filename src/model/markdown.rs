//! Markdown → blocks and inlines, with pulldown-cmark.
//!
//! In: the markdown of a section body. Out: paragraphs, headings and (nested) lists whose
//! text is runs of plain, bold, italic and linked text. Bare web and e-mail addresses in
//! the prose become links; straight quotes become curly ones unless switched off (never in
//! a code span or an address). Headings keep the level they are written at (`#` is 1).
//! Anything folio does not typeset (images, tables, code blocks) is reported so nothing
//! vanishes silently; raw HTML, links that are not web addresses, e-mail addresses or
//! phone numbers (a `javascript:` link must never become a link action in the PDF), lists
//! nested deeper than [`MAX_LIST_DEPTH`] and headings too long for a bookmark are errors,
//! each naming the text it is about.

use super::types::{Block, Inline};
use super::typography;
use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

/// The result of parsing: blocks, the names of constructs that were left out, and errors.
pub struct Parsed {
    pub blocks: Vec<Block>,
    pub unsupported: Vec<&'static str>,
    pub errors: Vec<Problem>,
}

/// Something in the markdown folio refuses to set.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    /// What is wrong, to follow the key's name: "has HTML (`<div>`), which …".
    pub what: String,
    pub help: &'static str,
    /// The text it is about, to point at.
    pub text: String,
}

/// Lists nest at most this deep: each level indents the text further, and past six the
/// column is too narrow to read (Word's own limit is nine).
pub const MAX_LIST_DEPTH: u32 = 6;
/// The link schemes a reader's PDF viewer may follow: the web, e-mail and the telephone.
const LINK_SCHEMES: [&str; 4] = ["http:", "https:", "mailto:", "tel:"];

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
        errors: p.errors,
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
    errors: Vec<Problem>,
    /// How deep the lists are, and how many levels past the limit are being read flat.
    depth: u32,
    skipped: u32,
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
            errors: Vec::new(),
            depth: 0,
            skipped: 0,
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
            Event::Html(t) | Event::InlineHtml(t) => self.html(&t),
            Event::Rule => self.unsupported("horizontal rules"),
            _ => {}
        }
    }

    fn start(&mut self, tag: Tag) {
        match tag {
            Tag::Strong => self.bold += 1,
            Tag::Emphasis => self.italic += 1,
            Tag::Link { dest_url, .. } => self.link(&dest_url),
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
            Tag::List(_) if self.skipped > 0 || self.depth >= MAX_LIST_DEPTH => self.too_deep(),
            Tag::Item if self.skipped > 0 => {}
            Tag::List(start) => {
                self.depth += 1;
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
            TagEnd::List(_) if self.skipped > 0 => self.skipped -= 1,
            TagEnd::Item if self.skipped > 0 => {}
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
                self.depth = self.depth.saturating_sub(1);
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
        if self.heading.is_some()
            && super::limits::pdf_length(&plain(&inlines)) > super::limits::MAX_SHORT_TEXT
        {
            self.errors.push(Problem {
                what: format!(
                    "has a heading of more than {} characters, too long for a bookmark",
                    super::limits::MAX_SHORT_TEXT
                ),
                help: "shorten the heading; the text under it can be as long as you like",
                text: String::new(),
            });
        }
        let block = match self.heading.take() {
            Some(level) => Block::Heading(level, inlines),
            None => Block::Paragraph(inlines),
        };
        self.current().push(block);
    }

    /// Raw HTML: refused, so nothing written in it is dropped unseen. Comments are meant to
    /// be hidden and are.
    fn html(&mut self, t: &str) {
        let t = t.trim();
        if t.is_empty() || t.starts_with("<!--") {
            return;
        }
        let tag: String = t.lines().next().unwrap_or(t).chars().take(40).collect();
        if self.errors.iter().any(|e| e.text == tag) {
            return;
        }
        self.errors.push(Problem {
            what: format!("has HTML (`{tag}`), which folio does not typeset"),
            help: "write it as markdown: paragraphs, - lists, **bold**, *italic*, [links](https://…); to show a < as it is, write \\<",
            text: tag,
        });
    }

    /// A link: kept when it goes to the web, an e-mail address, a telephone number or a
    /// section (`#id`; the web edition links it to the section, or leaves it as text when no
    /// section has that id).
    fn link(&mut self, url: &str) {
        let lower = url.trim().to_ascii_lowercase();
        if LINK_SCHEMES.iter().any(|s| lower.starts_with(s)) || lower.starts_with('#') {
            self.link = Some(url.trim().to_string());
            return;
        }
        self.link = None;
        let shown: String = url.chars().take(60).collect();
        self.errors.push(Problem {
            what: format!(
                "links to `{shown}`, which is not a web address, an e-mail address or a phone number"
            ),
            help: "links must start with https://, http://, mailto: or tel:, or be #id of a section",
            text: url.to_string(),
        });
    }

    /// A list deeper than [`MAX_LIST_DEPTH`]: its items' text is read into the deepest list
    /// allowed, and the nesting is an error.
    fn too_deep(&mut self) {
        self.skipped += 1;
        if self.skipped == 1 && !self.errors.iter().any(|e| e.what.contains("nested")) {
            self.errors.push(Problem {
                what: format!(
                    "has a list nested more than {MAX_LIST_DEPTH} levels deep, which folio does not set"
                ),
                help: "bring the deepest items up a level, or make them a list of their own",
                text: String::new(),
            });
        }
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
    fn raw_html_is_an_error_naming_the_tag_and_comments_stay_hidden() {
        let p = parse(
            "Before.\n\n<div>hidden words</div>\n\nA <b>bold</b> claim.\n\n<!-- a note -->\n",
        );
        let texts: Vec<&str> = p.errors.iter().map(|e| e.text.as_str()).collect();
        assert_eq!(texts, vec!["<div>hidden words</div>", "<b>", "</b>"]);
    }

    #[test]
    fn only_web_mail_and_phone_links_become_links() {
        let p = parse(
            "[a](https://x.org) [b](MAILTO:x@y.org) [c](tel:+441234) [d](javascript:alert(1)) [e](file:///etc/passwd) [f](page.html)",
        );
        let Block::Paragraph(inl) = &p.blocks[0] else {
            panic!()
        };
        let links: Vec<&str> = inl.iter().filter_map(|i| i.link.as_deref()).collect();
        assert_eq!(
            links,
            vec!["https://x.org", "MAILTO:x@y.org", "tel:+441234"]
        );
        assert_eq!(p.errors.len(), 3);
        assert!(
            p.errors[0]
                .what
                .starts_with("links to `javascript:alert(1)`")
        );
        // The text of a refused link is kept, as plain text.
        assert!(plain(inl).contains("d e f"));
    }

    #[test]
    fn lists_deeper_than_the_limit_are_an_error_and_bounded() {
        let mut src = String::new();
        for depth in 0..1000 {
            src.push_str(&"  ".repeat(depth));
            src.push_str("- item\n");
        }
        let p = parse(&src);
        assert_eq!(p.errors.len(), 1, "{:?}", p.errors);
        fn depth(blocks: &[Block]) -> u32 {
            blocks
                .iter()
                .map(|b| match b {
                    Block::List { items, .. } => {
                        1 + items.iter().map(|i| depth(i)).max().unwrap_or(0)
                    }
                    _ => 0,
                })
                .max()
                .unwrap_or(0)
        }
        assert_eq!(depth(&p.blocks), MAX_LIST_DEPTH);
    }
}
