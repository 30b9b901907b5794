//! The layout context and the one way text becomes slices.
//!
//! In: inlines (runs of plain, bold, italic, linked text), a text style and a width. Out:
//! one [`Slice`] per line, its glyph runs tagged as content of the paragraph's structure
//! node, with link runs under a link node of their own and a link area over them.

use super::flow::Slice;
use crate::diag::Diagnostic;
use crate::frame::Item;
use crate::frame::{ItemKind, LinkTarget, NodeId, Role, Structure, Tag, TextRun};
use crate::geom::{Abs, Color, Point, Size};
use crate::model::{Inline, Report};
use crate::text::{self, FamilyId, ParSettings, StyledText, TextStyle};

/// Everything the components share while laying out one report.
pub struct Ctx<'a> {
    pub report: &'a Report,
    pub shapers: Vec<crate::text::Shaper<'a>>,
    pub structure: Structure,
    /// Problems only layout can see (a figure too wide for its card).
    pub warnings: Vec<Diagnostic>,
    /// While set, work is a dry run whose warnings would repeat the real run's.
    pub quiet: bool,
}

/// Underline position and thickness, in em, as in most sans faces' `post` table.
const UNDERLINE_OFFSET: f64 = 0.12;
const UNDERLINE_THICKNESS: f64 = 0.06;

/// How a paragraph looks.
#[derive(Debug, Clone, Copy)]
pub struct ParStyle {
    pub family: FamilyId,
    pub size: Abs,
    pub color: Color,
    pub bold: bool,
    /// Baseline-to-baseline distance as a multiple of the size.
    pub leading: f64,
    pub hyphenate: bool,
    pub justify: bool,
}

impl<'a> Ctx<'a> {
    pub fn new(report: &'a Report) -> Self {
        Self {
            report,
            shapers: report.fonts.shapers(),
            structure: Structure::new(),
            warnings: Vec::new(),
            quiet: false,
        }
    }

    /// The tag of an image: content of a new figure with its alt text, or, for a decorative
    /// image (no alt text), an artifact screen readers skip.
    pub fn figure_tag(&mut self, parent: NodeId, alt: Option<&str>) -> Tag {
        match alt {
            Some(alt) => {
                let fig = self.structure.push(
                    parent,
                    Role::Figure {
                        alt: alt.to_string(),
                    },
                );
                self.structure.content(fig)
            }
            None => Tag::Artifact(crate::frame::Artifact::Decoration),
        }
    }

    /// Records a layout warning, once.
    pub fn warn(&mut self, d: Diagnostic) {
        if !self.quiet && !self.warnings.contains(&d) {
            self.warnings.push(d);
        }
    }

    /// Body text as report.toml sets it.
    pub fn body_style(&self) -> ParStyle {
        // 1.4 × the size: WCAG 1.4.12 asks that 1.5 not break layouts; 1.4 reads well in
        // print at 10–12 pt and keeps the report compact.
        const BODY_LEADING: f64 = 1.4;
        ParStyle {
            family: self.report.body_family,
            size: self.report.text.size,
            color: self.report.palette.text,
            bold: false,
            leading: BODY_LEADING,
            hyphenate: self.report.text.hyphenate,
            justify: self.report.text.justify,
        }
    }

    /// A display style: headings, figures, cover lines. Never hyphenated or justified.
    pub fn display(&self, size: f64, color: Color, bold: bool, leading: f64) -> ParStyle {
        ParStyle {
            family: if bold {
                self.report.heading_family
            } else {
                self.report.body_family
            },
            size: Abs::pt(size),
            color,
            bold,
            leading,
            hyphenate: false,
            justify: false,
        }
    }

    /// Ascent and descent of a style's face, in points.
    pub fn metrics(&self, style: &ParStyle) -> (Abs, Abs) {
        let face =
            self.report
                .fonts
                .face(self.report.fonts.select(style.family, style.bold, false));
        (style.size * face.ascender, style.size * -face.descender)
    }

    /// The width of `text` set on one line in `style` (measured, not placed or tagged).
    pub fn measure(&self, text: &str, style: &ParStyle) -> Abs {
        let face = self.report.fonts.select(style.family, style.bold, false);
        text::shape::width(&text::shape::shape(
            &self.shapers[face.0 as usize],
            text,
            style.size,
        ))
    }

    /// Sets plain text as a paragraph tagged under `node`.
    pub fn text(&mut self, text: &str, style: &ParStyle, width: Abs, node: NodeId) -> Vec<Slice> {
        let inline = Inline {
            text: text.to_string(),
            bold: false,
            italic: false,
            link: None,
        };
        self.paragraph(&[inline], style, width, node)
    }

    /// Sets inlines into line slices; content is tagged under `node`, links under link
    /// nodes created in reading order.
    pub fn paragraph(
        &mut self,
        inlines: &[Inline],
        style: &ParStyle,
        width: Abs,
        node: NodeId,
    ) -> Vec<Slice> {
        let fonts = &self.report.fonts;
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
                self.report.palette.primary
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
        let mut link_nodes: Vec<Option<NodeId>> = vec![None; links.len()];
        let mut slices = Vec::new();
        for line in lines {
            let mut items = Vec::new();
            for run in line.runs {
                let tag = match run.style.key {
                    0 => self.structure.content(node),
                    k => {
                        let i = k as usize - 1;
                        let link = *link_nodes[i].get_or_insert_with(|| {
                            self.structure.push(
                                node,
                                Role::Link {
                                    url: links[i].clone(),
                                },
                            )
                        });
                        let area = self.structure.content(link);
                        // Links are underlined as well as coloured: colour alone must not
                        // carry meaning (WCAG 1.4.1).
                        items.push(rect(
                            run.x,
                            baseline + style.size * UNDERLINE_OFFSET,
                            run.width,
                            style.size * UNDERLINE_THICKNESS,
                            self.report.palette.primary,
                        ));
                        items.push(Item {
                            pos: Point::new(run.x, baseline - ascent),
                            kind: ItemKind::Link {
                                size: Size::new(run.width, ascent + descent),
                                target: LinkTarget::Url(links[i].clone()),
                            },
                            tag: area,
                        });
                        self.structure.content(link)
                    }
                };
                let face = fonts.face(run.style.face);
                items.push(Item {
                    pos: Point::new(run.x, baseline),
                    kind: ItemKind::Text(TextRun {
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
                    tag,
                });
            }
            slices.push(Slice {
                height: line_height,
                items,
            });
        }
        slices
    }
}

/// Stacks slices into one, shifted right by `dx`, starting at `y`; returns the new bottom.
pub fn stack(into: &mut Slice, slices: Vec<Slice>, dx: Abs, y: Abs) -> Abs {
    let mut y = y;
    for s in slices {
        into.items.extend(s.items.into_iter().map(|mut item| {
            item.pos = item.pos + Point::new(dx, y);
            item
        }));
        y += s.height;
    }
    into.height = into.height.max(y);
    y
}

/// A decorative filled rectangle.
pub fn rect(x: Abs, y: Abs, w: Abs, h: Abs, fill: Color) -> Item {
    Item {
        pos: Point::new(x, y),
        kind: ItemKind::Rect {
            size: Size::new(w, h),
            fill,
        },
        tag: Tag::Artifact(crate::frame::Artifact::Decoration),
    }
}

/// Shifts each line right by `share` of the room it leaves in `width` (0.5 centres, 1 sets
/// it flush right).
pub fn align(lines: Vec<Slice>, width: Abs, share: f64) -> Vec<Slice> {
    lines
        .into_iter()
        .map(|mut l| {
            let dx = (width - text_width(&l)) * share;
            for i in &mut l.items {
                i.pos = i.pos + Point::new(dx, Abs::ZERO);
            }
            l
        })
        .collect()
}

/// How far the text of a slice reaches.
pub fn text_width(l: &Slice) -> Abs {
    l.items
        .iter()
        .filter_map(|i| match &i.kind {
            ItemKind::Text(t) => Some(i.pos.x + t.width),
            _ => None,
        })
        .fold(Abs::ZERO, |a, b| a.max(b))
}
