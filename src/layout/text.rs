//! Text into lines: the one way words become fragments.
//!
//! In: inlines (runs of plain, bold, italic, linked text), a [`ParStyle`], a width, and the
//! skeleton node the text belongs to. Out: one [`Fragment`] per line, as wide as its text and
//! one line high, whose glyph runs are marked as content of that node; a link's runs are
//! content of a link node of its own, with a clickable area and an underline over them.

use super::cx::{Cx, ParStyle};
use super::fragment::{Fragment, Local, Mark, Skeleton};
use crate::frame::{ItemKind, LinkTarget, Role, TextRun};
use crate::geom::{Abs, Point, Size};
use crate::model::Inline;
use crate::text::{self, ParSettings, StyledText, TextStyle};

/// Underline position and thickness, in em, as in most sans faces' `post` table.
const UNDERLINE_OFFSET: f64 = 0.12;
const UNDERLINE_THICKNESS: f64 = 0.06;

impl Cx<'_> {
    /// The width of `text` set on one line in `style`.
    pub fn measure(&self, text: &str, style: &ParStyle) -> Abs {
        let face = self.report.fonts.select(style.family, style.bold, false);
        text::shape::width(&text::shape::shape(
            &self.shapers[face.0 as usize],
            text,
            style.size,
        ))
    }

    /// One run of text on one line, never broken (the footer): shaped, not marked.
    pub fn run(&self, s: &str, style: &ParStyle) -> TextRun {
        let fonts = &self.report.fonts;
        let face_id = fonts.select(style.family, style.bold, false);
        let glyphs = text::shape::shape(&self.shapers[face_id.0 as usize], s, style.size);
        let face = fonts.face(face_id);
        TextRun {
            face: face_id,
            size: style.size,
            color: style.color,
            text: s.to_string(),
            width: text::shape::width(&glyphs),
            glyphs,
            ascent: style.size * face.ascender,
            descent: style.size * -face.descender,
            span: None,
        }
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
        let inline = Inline {
            text: text.to_string(),
            bold: false,
            italic: false,
            link: None,
        };
        self.paragraph(skel, node, &[inline], style, width)
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
        let fonts = &self.report.fonts;
        let link_colour = self.palette.primary;
        let mut styled = StyledText::default();
        let mut links: Vec<String> = Vec::new();
        for inline in inlines {
            let key = match &inline.link {
                Some(url) => {
                    links.push(url.clone());
                    links.len() as u32
                }
                None => 0,
            };
            let face = fonts.select(style.family, style.bold || inline.bold, inline.italic);
            let color = if inline.link.is_some() {
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
                },
            );
        }
        let settings = ParSettings {
            width,
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
        for line in lines {
            let mut f = Fragment::new(Size::new(line.width, line_height));
            for run in line.runs {
                let mark = match run.style.key {
                    0 => skel.content(node),
                    k => {
                        let i = k as usize - 1;
                        let link = *link_nodes[i].get_or_insert_with(|| {
                            skel.node(
                                node,
                                Role::Link {
                                    url: links[i].clone(),
                                },
                            )
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
                                target: LinkTarget::Url(links[i].clone()),
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
                        glyphs: run.glyphs,
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
        out
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
