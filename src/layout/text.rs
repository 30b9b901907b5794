//! Text into lines: the one way words become fragments.
//!
//! In: inlines (runs of plain, bold, italic, linked text), a [`ParStyle`], a width, and the
//! skeleton node the text belongs to. Out: one [`Fragment`] per line, as wide as its text and
//! one line high, whose glyph runs are marked as content of that node; a link's runs are
//! content of a link node of its own, with a clickable area and an underline over them.
//!
//! No line is wider than its measure: a word too wide for any line is broken by force (see
//! `crate::text`). [`Cx::set_paragraph`] says which words were, so that the component can
//! warn at the key that holds them ([`Set::noted`]); a component that does not care
//! calls [`Cx::paragraph`].

use super::cx::{Cx, ParStyle};
use super::fragment::{Fragment, Local, Mark, Skeleton};
use crate::diag::Diagnostic;
use crate::frame::{ItemKind, LinkTarget, Role, TextRun};
use crate::geom::{Abs, Point, Size};
use crate::model::{Inline, Span};
use crate::text::{self, ParSettings, StyledText, TextStyle};

/// Underline position and thickness, in em, as in most sans faces' `post` table.
const UNDERLINE_OFFSET: f64 = 0.12;
const UNDERLINE_THICKNESS: f64 = 0.06;

/// Where a text is written in report.toml, and what it is set in, for a warning about how
/// it had to be set: "`sections.title`: … the heading".
#[derive(Debug, Clone, Copy)]
pub struct Source<'s> {
    /// The key, as the author writes it.
    pub key: &'s str,
    pub span: &'s Span,
    /// What the text is set in: "heading", "card", "table column".
    pub place: &'s str,
}

impl<'s> Source<'s> {
    pub fn new(key: &'s str, span: &'s Span, place: &'s str) -> Self {
        Self { key, span, place }
    }
}

/// Lines of a paragraph, with what had to be forced to set them.
pub struct Set {
    pub lines: Vec<Fragment>,
    /// Words too wide for any line, broken by force, each once, in order.
    pub broken: Vec<String>,
    /// Some line is still wider than the measure (narrower than one letter).
    pub overfull: bool,
}

/// Words longer than this many characters are shown shortened in a message.
const SHOWN_WORD: usize = 48;

impl Set {
    /// The lines, and a warning in `notes` for each word broken by force and for a line
    /// still too wide.
    pub fn noted(self, source: Source, notes: &mut Vec<Diagnostic>) -> Vec<Fragment> {
        for word in &self.broken {
            let address = word.contains("://") || word.contains('/') || word.contains('@');
            let shown = shorten(word);
            let (what, help) = if address {
                (
                    format!("the address “{shown}”"),
                    "link a few words instead of printing the address: [our annual report](https://…)",
                )
            } else {
                (
                    format!("the word “{shown}”"),
                    "shorten it, or write a hyphen or a space where it may break; folio breaks it between letters otherwise",
                )
            };
            push_note(
                notes,
                Diagnostic::warning(
                    format!(
                        "`{}`: {what} is too long for the {} and was broken across lines",
                        source.key, source.place
                    ),
                    source.span.clone(),
                )
                .with_help(help),
            );
        }
        if self.overfull {
            push_note(
                notes,
                Diagnostic::warning(
                    format!(
                        "`{}`: the {} is too narrow for its text even broken between letters",
                        source.key, source.place
                    ),
                    source.span.clone(),
                )
                .with_help("shorten the text, or give it more room"),
            );
        }
        self.lines
    }
}

/// Adds a note unless the same one is there already.
pub fn push_note(notes: &mut Vec<Diagnostic>, d: Diagnostic) {
    if !notes.contains(&d) {
        notes.push(d);
    }
}

/// A long word shown by its start and end: "Llanfairpwllgwyngyll…gogogoch".
fn shorten(word: &str) -> String {
    let n = word.chars().count();
    if n <= SHOWN_WORD {
        return word.to_string();
    }
    let head: String = word.chars().take(SHOWN_WORD - 12).collect();
    let tail: String = word.chars().skip(n - 10).collect();
    format!("{head}…{tail}")
}

impl Cx<'_> {
    /// The width of `text` set on one line in `style`.
    pub fn measure(&self, text: &str, style: &ParStyle) -> Abs {
        let face = self.report.fonts.select(style.family, style.bold, false);
        text::shape::shape_pieces(&self.shapers, face, text, style.size)
            .iter()
            .map(|p| text::shape::width(&p.glyphs))
            .fold(Abs::ZERO, |a, b| a + b)
    }

    /// One line of text, never broken (the footer): shaped, not marked; a run per font it
    /// falls back to, each with its offset from the line's start.
    pub fn runs(&self, s: &str, style: &ParStyle) -> Vec<(Abs, TextRun)> {
        let fonts = &self.report.fonts;
        let style = TextStyle {
            face: fonts.select(style.family, style.bold, false),
            size: style.size,
            color: style.color,
            key: 0,
            hyphenation: None,
        };
        // A line break written into a one-line text (a title typed on two lines, used as
        // the footer) is a space here: a line that is never broken has no glyph for it.
        // (A CR LF pair is one space.)
        let mut one = String::with_capacity(s.len());
        let mut after_break = false;
        for c in s.chars() {
            if is_break(c) {
                if !after_break {
                    one.push(' ');
                }
                after_break = true;
            } else {
                one.push(c);
                after_break = false;
            }
        }
        let s = one;
        text::set_text(&self.shapers, &s, style)
            .into_iter()
            .map(|run| {
                let face = fonts.face(run.style.face);
                let t = TextRun {
                    face: run.style.face,
                    size: run.style.size,
                    color: run.style.color,
                    text: run.text,
                    width: run.width,
                    glyphs: crate::frame::Glyphs::new(&run.glyphs, run.style.size),
                    ascent: run.style.size * face.ascender,
                    descent: run.style.size * -face.descender,
                    span: None,
                };
                (run.x, t)
            })
            .collect()
    }

    /// Sets plain text as a paragraph of `node`.
    pub fn text(
        &self,
        skel: &mut Skeleton,
        node: Local,
        text: &str,
        style: &ParStyle,
        width: Abs,
    ) -> Vec<Fragment> {
        self.set_text(skel, node, text, style, width).lines
    }

    /// Sets plain text as a paragraph of `node`, saying what had to be forced.
    pub fn set_text(
        &self,
        skel: &mut Skeleton,
        node: Local,
        text: &str,
        style: &ParStyle,
        width: Abs,
    ) -> Set {
        let inline = Inline {
            text: text.to_string(),
            bold: false,
            italic: false,
            link: None,
            lang: None,
        };
        self.set_paragraph(skel, node, &[inline], style, width)
    }

    /// Sets inlines into lines; content is marked under `node`, links under link nodes
    /// made in reading order.
    pub fn paragraph(
        &self,
        skel: &mut Skeleton,
        node: Local,
        inlines: &[Inline],
        style: &ParStyle,
        width: Abs,
    ) -> Vec<Fragment> {
        self.set_paragraph(skel, node, inlines, style, width).lines
    }

    /// Sets inlines into lines, saying which words had to be broken by force.
    pub fn set_paragraph(
        &self,
        skel: &mut Skeleton,
        node: Local,
        inlines: &[Inline],
        style: &ParStyle,
        width: Abs,
    ) -> Set {
        self.set_paragraph_shaped(skel, node, inlines, style, &[], width)
    }

    /// Sets inlines into lines whose first ones are `first` wide (beside a floated image)
    /// and the rest `width`.
    pub fn set_paragraph_shaped(
        &self,
        skel: &mut Skeleton,
        node: Local,
        inlines: &[Inline],
        style: &ParStyle,
        first: &[Abs],
        width: Abs,
    ) -> Set {
        let fonts = &self.report.fonts;
        let link_colour = style.link;
        let mut styled = StyledText::default();
        let current = self.lang.borrow().clone();
        // The text's language is marked on its node where it is not the report's (a
        // section's), or where the whole paragraph is a passage in another language.
        let whole = inlines
            .first()
            .and_then(|i| i.lang.as_ref())
            .filter(|l| inlines.iter().all(|i| i.lang.as_ref() == Some(*l)));
        let own = whole.unwrap_or(&current);
        if own.tag != self.report.meta.lang.tag {
            skel.set_lang(node, &own.tag);
        }
        // Links and words in another language, by run key (key k is entry k - 1).
        let mut links: Vec<(Option<String>, Option<String>)> = Vec::new();
        for inline in inlines {
            let lang = inline.lang.as_ref().unwrap_or(own);
            let foreign = (lang.tag != own.tag).then(|| lang.tag.clone());
            // A link to a section (`#id`) is the web edition's; in the PDF it would be an
            // address that goes nowhere, so its words are set as text.
            let link = inline.link.as_ref().filter(|l| !l.starts_with('#'));
            let key = if link.is_some() || foreign.is_some() {
                links.push((link.cloned(), foreign));
                links.len() as u32
            } else {
                0
            };
            let face = fonts.select(style.family, style.bold || inline.bold, inline.italic);
            let color = if link.is_some() {
                link_colour
            } else {
                style.color
            };
            styled.push(
                &inline.text,
                TextStyle {
                    face,
                    size: style.size,
                    color,
                    key,
                    hyphenation: lang.hyphenation,
                },
            );
        }
        let settings = ParSettings {
            width,
            first: first.to_vec(),
            justify: style.justify,
            hyphenate: style.hyphenate,
        };
        let lines = text::set_paragraph(&self.shapers, &styled, &settings);
        let (ascent, descent) = self.metrics(style);
        let line_height = style.size * style.leading;
        // Half the leading above the ascender and half below the descender.
        let baseline = (line_height - ascent - descent) / 2.0 + ascent;
        let mut link_nodes: Vec<Option<Local>> = vec![None; links.len()];
        let mut out = Vec::new();
        let mut broken: Vec<String> = Vec::new();
        let overfull = lines.iter().any(|l| l.overfull);
        for line in lines {
            if let Some(r) = &line.broken_word {
                let word = styled.text[r.clone()].to_string();
                if !broken.contains(&word) {
                    broken.push(word);
                }
            }
            let mut f = Fragment::new(Size::new(line.width, line_height));
            for run in line.runs {
                let mark = match run.style.key {
                    0 => skel.content(node),
                    k if links[k as usize - 1].0.is_none() => {
                        // Words in another language: a span with its language.
                        let i = k as usize - 1;
                        let lang = links[i].1.clone().unwrap_or_default();
                        let span = *link_nodes[i].get_or_insert_with(|| {
                            let span = skel.node(node, Role::Span);
                            skel.set_lang(span, &lang);
                            span
                        });
                        skel.content(span)
                    }
                    k => {
                        let i = k as usize - 1;
                        let url = links[i].0.clone().unwrap_or_default();
                        let link = *link_nodes[i].get_or_insert_with(|| {
                            let link = skel.node(node, Role::Link { url: url.clone() });
                            if let Some(lang) = &links[i].1 {
                                skel.set_lang(link, lang);
                            }
                            link
                        });
                        let area = skel.content(link);
                        // Links are underlined as well as coloured: colour alone must not
                        // carry meaning (WCAG 1.4.1).
                        f.rect(
                            Point::new(run.x, baseline + style.size * UNDERLINE_OFFSET),
                            Size::new(run.width, style.size * UNDERLINE_THICKNESS),
                            link_colour,
                        );
                        f.push(
                            Point::new(run.x, baseline - ascent),
                            ItemKind::Link {
                                size: Size::new(run.width, ascent + descent),
                                target: LinkTarget::Url(url.clone()),
                            },
                            area,
                        );
                        skel.content(link)
                    }
                };
                let face = fonts.face(run.style.face);
                f.push(
                    Point::new(run.x, baseline),
                    ItemKind::Text(TextRun {
                        face: run.style.face,
                        size: run.style.size,
                        color: run.style.color,
                        text: run.text,
                        glyphs: crate::frame::Glyphs::new(&run.glyphs, run.style.size),
                        width: run.width,
                        ascent: run.style.size * face.ascender,
                        descent: run.style.size * -face.descender,
                        span: None,
                    }),
                    mark,
                );
            }
            out.push(f);
        }
        Set {
            lines: out,
            broken,
            overfull,
        }
    }
}

/// The mark of a figure's image: content of a new figure node with its alt text, or, for a
/// decorative image (no alt text), an artifact screen readers skip.
pub fn figure_mark(skel: &mut Skeleton, parent: Local, alt: Option<&str>) -> Mark {
    match alt {
        Some(alt) => {
            let fig = skel.node(
                parent,
                Role::Figure {
                    alt: alt.to_string(),
                },
            );
            skel.content(fig)
        }
        None => Mark::Artifact(crate::frame::Artifact::Decoration),
    }
}

/// Characters that end a line: on a line that is never broken they stand for a space.
fn is_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r' | '\t' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}
