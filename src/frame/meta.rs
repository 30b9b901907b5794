//! What a Document says about itself beyond its pages: metadata for the file, and the print
//! edition's resolved inks and geometry.

use super::{Document, ItemKind};
use crate::calendar::Date;
use crate::geom::{Abs, Color, Ink};
use crate::images::ImageKind;
use std::sync::Arc;

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
    /// The CMYK output profile (ICC bytes) and the condition it stands for.
    pub profile: Arc<Vec<u8>>,
    pub profile_name: String,
    /// The ink of every colour the document draws (see [`Document::colours`]), in order of
    /// first use.
    pub inks: Vec<(Color, Ink)>,
}

impl PrintSetup {
    /// The ink a colour prints with, if the transform resolved it.
    pub fn ink(&self, c: Color) -> Option<&Ink> {
        self.inks
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
                ItemKind::Rect { fill, .. } => add(*fill),
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
                    if let usvg::Paint::Color(c) = paint {
                        add(Color::rgb(c.red, c.green, c.blue));
                    }
                }
            }
            usvg::Node::Image(_) | usvg::Node::Text(_) => {}
        }
    }
}
