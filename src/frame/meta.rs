//! What a Document says about itself beyond its pages: metadata for the file, and the print
//! edition's resolved inks and geometry.

use super::{Document, ItemKind};
use crate::calendar::Date;
use crate::geom::{Abs, Color, Ink, PrintCondition};
use crate::images::ImageKind;

/// The document's metadata, as report.toml gives it (never from the clock).
#[derive(Debug, Clone, PartialEq)]
pub struct Metadata {
    pub title: String,
    pub author: String,
    /// A BCP 47 language tag ("en-GB", "cy").
    pub language: String,
    pub subject: Option<String>,
    pub keywords: Vec<String>,
    /// The publication date: the file's creation and modification date.
    pub date: Date,
    /// How a link to a page is described to screen readers, before its number ("Go to
    /// page"), in the report's language.
    pub go_to_page: String,
}

/// The print edition, resolved: every colour's ink and the page geometry outside the trim.
/// Only the print transform makes one; the print exporter reads it and nothing of the model.
#[derive(Debug, Clone)]
pub struct PrintSetup {
    /// Bleed on every side of the trim.
    pub bleed: Abs,
    /// Crop marks at the trim corners, registration targets beside the trim, and a slug line.
    pub marks: bool,
    pub registration: bool,
    pub slug: bool,
    /// The file's name, for the slug line.
    pub file: String,
    /// The CMYK output profile (ICC bytes) and the printing condition it stands for.
    pub profile: crate::shared::SharedBytes,
    pub condition: PrintCondition,
    /// The ink of every colour the document draws (see [`Document::colours`]), in order of
    /// first use.
    pub inks: Vec<(Color, Ink)>,
    /// The ink of every colour where one plate must carry it — small text and hairlines —
    /// which for a grey is a tint of black (`PrintConfig::fine_ink`).
    pub fine_inks: Vec<(Color, Ink)>,
}

impl PrintSetup {
    /// The ink a colour prints with, if the transform resolved it.
    pub fn ink(&self, c: Color) -> Option<&Ink> {
        self.inks
            .iter()
            .find(|(rgb, _)| *rgb == c)
            .map(|(_, ink)| ink)
    }

    /// The ink a colour prints with in small text or a hairline.
    pub fn fine_ink(&self, c: Color) -> Option<&Ink> {
        self.fine_inks
            .iter()
            .find(|(rgb, _)| *rgb == c)
            .map(|(_, ink)| ink)
    }
}

impl Document {
    /// Every colour the document draws — text, shapes and the paths of SVG images — each
    /// once, in order of first use.
    pub fn colours(&self) -> Vec<Color> {
        let mut out: Vec<Color> = Vec::new();
        let mut add = |c: Color| {
            if !out.contains(&c) {
                out.push(c);
            }
        };
        for item in self.pages.iter().flat_map(|p| &p.items) {
            match &item.kind {
                ItemKind::Text(t) => add(t.color),
                ItemKind::Rect { fill, .. } | ItemKind::Shape { fill, .. } => add(*fill),
                ItemKind::Scrim { color, .. } => add(*color),
                ItemKind::Line { color, .. } => add(*color),
                ItemKind::Image { image, .. } => {
                    if let ImageKind::Svg(tree) = &image.kind {
                        svg_colours(tree.root(), &mut add);
                    }
                }
                ItemKind::Link { .. } => {}
            }
        }
        out
    }
}

/// The solid fill and stroke colours of an SVG group's paths, depth first.
fn svg_colours(g: &usvg::Group, add: &mut impl FnMut(Color)) {
    for node in g.children() {
        match node {
            usvg::Node::Group(g) => svg_colours(g, add),
            usvg::Node::Path(p) => {
                let paints = [p.fill().map(|f| f.paint()), p.stroke().map(|s| s.paint())];
                for paint in paints.into_iter().flatten() {
                    let stops = match paint {
                        usvg::Paint::Color(c) => {
                            add(Color::rgb(c.red, c.green, c.blue));
                            continue;
                        }
                        usvg::Paint::LinearGradient(g) => g.stops(),
                        usvg::Paint::RadialGradient(g) => g.stops(),
                        usvg::Paint::Pattern(_) => continue,
                    };
                    // A gradient's stops are inks too.
                    for s in stops {
                        add(Color::rgb(s.color().red, s.color().green, s.color().blue));
                    }
                }
            }
            usvg::Node::Image(_) | usvg::Node::Text(_) => {}
        }
    }
}
