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
    pub shapers: crate::text::Shapers<'a>,
    pub structure: Structure,
    /// Problems only layout can see (a figure too wide for its card).
    pub warnings: Vec<Diagnostic>,
    /// While set, work is a dry run whose warnings would repeat the real run's.
    pub quiet: bool,
    /// The language of the text being set: the report's, or the section's.
    pub lang: crate::model::lang::Language,
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
            lang: report.meta.lang.clone(),
        }
    }

    /// Sets text in `lang` from here on (a section's language), marking `node` with it
    /// where it differs from the report's. Returns the language to restore afterwards.
    pub fn enter_language(
        &mut self,
        node: NodeId,
        lang: Option<&crate::model::lang::Language>,
    ) -> crate::model::lang::Language {
        let lang = lang.unwrap_or(&self.report.meta.lang).clone();
        if lang.tag != self.lang.tag {
            self.structure.set_lang(node, &lang.tag);
        }
        std::mem::replace(&mut self.lang, lang)
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
        text::shape::shape_pieces(&self.shapers, face, text, style.size)
            .iter()
            .map(|p| text::shape::width(&p.glyphs))
            .fold(Abs::ZERO, |a, b| a + b)
    }

    /// Sets plain text as a paragraph tagged under `node`.
    pub fn text(&mut self, text: &str, style: &ParStyle, width: Abs, node: NodeId) -> Vec<Slice> {
        let inline = Inline {
            text: text.to_string(),
            bold: false,
            italic: false,
            link: None,
            lang: None,
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
        // Links and passages in another language, by run key (key k is entry k - 1).
        let mut links: Vec<(Option<String>, Option<String>)> = Vec::new();
        // A paragraph wholly in another language takes it as its own.
        let whole = inlines
            .first()
            .and_then(|i| i.lang.as_ref())
            .filter(|l| inlines.iter().all(|i| i.lang.as_ref() == Some(*l)))
            .filter(|l| l.tag != self.lang.tag);
        if let Some(l) = whole {
            self.structure.set_lang(node, &l.tag);
        }
        for inline in inlines {
            let lang = inline.lang.as_ref().unwrap_or(&self.lang);
            let foreign = (whole.is_none() && lang.tag != self.lang.tag).then(|| lang.tag.clone());
            let key = if inline.link.is_some() || foreign.is_some() {
                links.push((inline.link.clone(), foreign));
                links.len() as u32
            } else {
                0
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
                    hyphenation: lang.hyphenation,
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
                    k if links[k as usize - 1].0.is_none() => {
                        // Words in another language: a span with its language.
                        let i = k as usize - 1;
                        let lang = links[i].1.clone().unwrap_or_default();
                        let span = *link_nodes[i].get_or_insert_with(|| {
                            let span = self.structure.push(node, Role::Span);
                            self.structure.set_lang(span, &lang);
                            span
                        });
                        self.structure.content(span)
                    }
                    k => {
                        let i = k as usize - 1;
                        let url = links[i].0.clone().unwrap_or_default();
                        let link = *link_nodes[i].get_or_insert_with(|| {
                            let link = self.structure.push(node, Role::Link { url: url.clone() });
                            if let Some(lang) = &links[i].1 {
                                self.structure.set_lang(link, lang);
                            }
                            link
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
                                target: LinkTarget::Url(url.clone()),
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
