//! The frame: the one interface between layout and every exporter.
//!
//! A [`Document`] is pages of absolutely positioned, already shaped items, plus the logical
//! structure they belong to. Every item carries a [`Tag`]: either the structure node it is
//! part of (heading, paragraph, list item, figure, link…) or that it is an artifact (page
//! furniture, decoration). The structure is a tree kept beside the pages rather than
//! start/end markers inside them, because one paragraph may continue on the next page and
//! reading order is the report's order, not the order pages are drawn in.
//!
//! The Document is self-contained: it owns everything an exporter needs — the fonts its
//! glyphs index, the decoded images, links, metadata, page labels, the outline and, for the
//! print edition, the resolved inks and page geometry ([`PrintSetup`]). An exporter reads the
//! Document and nothing else, so it never sees the report model, and a new exporter (HTML,
//! PNG) needs only this module.
//!
//! [`Document::dump`] prints the whole thing as text for snapshot tests.

mod dump;
mod glyph;
mod meta;
mod structure;

pub use glyph::{Glyph, Glyphs};
pub use meta::{Metadata, PrintSetup};
pub use structure::{Child, ContentId, Node, NodeId, Role, Structure};

use crate::geom::{Abs, Color, Point, Rect, Size};
use crate::images::ImageData;
use crate::text::{FaceId, fonts::Face};
use std::ops::Range;
use std::sync::Arc;

/// A laid-out report.
pub struct Document {
    pub pages: Vec<Page>,
    pub structure: Structure,
    /// Bookmarks: (level from 1, title, page index, y on that page).
    pub outline: Vec<OutlineEntry>,
    /// Title, author, language, dates and keywords, for the file's metadata.
    pub meta: Metadata,
    /// Every face a text run may name: [`TextRun::face`] indexes this list. The font data
    /// is shared (`Arc`), so copying a Document does not copy fonts.
    pub fonts: Vec<Face>,
    /// The CMYK profile that CMYK images are described in (PDF/A asks for one when a CMYK
    /// image is drawn): the report's output profile.
    pub cmyk_profile: crate::shared::SharedBytes,
    /// The print edition's inks and geometry; `None` for the reader edition. Set by the
    /// print transform (`edition::print`), never by layout.
    pub print: Option<PrintSetup>,
    /// Problems found while laying out, for the build to report.
    pub warnings: Vec<crate::diag::Diagnostic>,
}

/// A bookmark.
#[derive(Debug, Clone)]
pub struct OutlineEntry {
    pub level: u8,
    pub title: String,
    pub page: usize,
    pub y: Abs,
    /// The heading's language (a BCP 47 tag) where it is not the report's: a section's
    /// `lang`, for its contents entry.
    pub lang: Option<String>,
}

/// One page.
#[derive(Clone)]
pub struct Page {
    pub size: Size,
    /// The printed page number, if the page shows one.
    pub number: Option<usize>,
    /// What viewers call a page that shows no number ("Cover").
    pub label: Option<String>,
    /// The margin box: where flowed content goes. Furniture (the footer) sits outside it.
    pub area: Rect,
    pub items: Vec<Item>,
}

/// A positioned item and what it means.
#[derive(Clone)]
pub struct Item {
    pub pos: Point,
    pub kind: ItemKind,
    pub tag: Tag,
}

/// What an item means to a reader.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tag {
    /// Content belonging to a structure node, with its place in that node's children.
    Content(ContentId),
    /// Not part of the text: page furniture or decoration.
    Artifact(Artifact),
}

/// Kinds of artifact.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Artifact {
    /// Running footer text and its rule.
    Footer,
    /// Colour fields, card backgrounds and rules.
    Decoration,
    /// Content repeated because of a page break (a table's heading row).
    Repeat,
}

/// Drawable things.
#[derive(Clone)]
pub enum ItemKind {
    /// Glyphs; `pos` is the baseline start.
    Text(TextRun),
    /// A filled rectangle; `pos` is its top-left corner.
    Rect { size: Size, fill: Color },
    /// A see-through rectangle of one colour laid over what is drawn before it — the
    /// legibility scrim over a photograph — at `opacity` from 0 (clear) to 1 (solid);
    /// `pos` is its top-left corner.
    Scrim {
        size: Size,
        color: Color,
        opacity: f64,
    },
    /// A stroked polyline through `points` (relative to `pos`), with round joins.
    Line {
        points: Vec<Point>,
        width: Abs,
        color: Color,
    },
    /// A filled outline of straight and cubic Bézier segments (a pie chart's slice, a
    /// ring's arc), its points relative to `pos`, filled by the non-zero rule.
    Shape { path: Vec<Segment>, fill: Color },
    /// An image scaled to `size`; `pos` is its top-left corner. `span` is where report.toml
    /// names the file, so a writer's complaint about it can point there. `crop`, relative
    /// to `pos`, is the part of it that shows (a photograph scaled to cover its frame);
    /// `None` shows all of it. A cropped image is drawn larger than it shows where it may
    /// run on into the print edition's bleed: the print edition widens the crop there.
    /// `bleed` says the image was set to run off the trim on the edges it touches: the
    /// print edition extends it into the bleed there (scaled to cover the larger box,
    /// clipped to it), as it does colour fields; otherwise it would stop short of the cut.
    Image {
        image: Arc<ImageData>,
        size: Size,
        span: Option<Range<usize>>,
        bleed: bool,
        crop: Option<Rect>,
    },
    /// A clickable area; `pos` is its top-left corner.
    Link { size: Size, target: LinkTarget },
}

/// One step of a [`ItemKind::Shape`]'s outline.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Segment {
    /// Starts a new closed figure.
    Move(Point),
    Line(Point),
    /// A cubic Bézier curve: two control points, then the end point.
    Cubic(Point, Point, Point),
    /// Closes the current figure back to its start.
    Close,
}

impl Segment {
    /// The points the segment names (control points included, which bound the curve).
    pub fn points(&self) -> Vec<Point> {
        match *self {
            Segment::Move(p) | Segment::Line(p) => vec![p],
            Segment::Cubic(a, b, c) => vec![a, b, c],
            Segment::Close => Vec::new(),
        }
    }
}

/// Where a link goes.
#[derive(Debug, Clone, PartialEq)]
pub enum LinkTarget {
    /// A web address or other URI.
    Url(String),
    /// A place in this document: page index and y from the page top.
    Page { page: usize, y: Abs },
}

/// Shaped glyphs of one face, size and colour.
#[derive(Debug, Clone)]
pub struct TextRun {
    pub face: FaceId,
    pub size: Abs,
    pub color: Color,
    pub text: String,
    /// The glyphs as they are drawn: see [`Glyph`] for why they are not the shaped ones.
    pub glyphs: Glyphs,
    pub width: Abs,
    /// Height above and depth below the baseline (the face's ascender and descender).
    pub ascent: Abs,
    pub descent: Abs,
    /// Where report.toml holds this text, when layout knows (a figure's `value`).
    pub span: Option<Range<usize>>,
}

impl Item {
    /// The area the item covers (text: from its face's ascender to its descender; a
    /// cropped image: the part that shows).
    pub fn bounds(&self) -> Rect {
        match &self.kind {
            ItemKind::Image { crop: Some(c), .. } => Rect::new(
                self.pos.x + c.origin.x,
                self.pos.y + c.origin.y,
                c.size.w,
                c.size.h,
            ),
            ItemKind::Text(t) => Rect::new(
                self.pos.x,
                self.pos.y - t.ascent,
                t.width,
                t.ascent + t.descent,
            ),
            ItemKind::Rect { size, .. }
            | ItemKind::Scrim { size, .. }
            | ItemKind::Image { size, .. }
            | ItemKind::Link { size, .. } => Rect::new(self.pos.x, self.pos.y, size.w, size.h),
            ItemKind::Shape { path, .. } => {
                let pts: Vec<Point> = path.iter().flat_map(Segment::points).collect();
                bounding(self.pos, &pts, Abs::ZERO)
            }
            ItemKind::Line { points, width, .. } => bounding(self.pos, points, *width),
        }
    }
}

/// The box around `points` (relative to `origin`), grown by half of a stroke `width`.
fn bounding(origin: Point, points: &[Point], width: Abs) -> Rect {
    let (mut x0, mut y0, mut x1, mut y1) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
    for p in points {
        x0 = x0.min(p.x.0);
        y0 = y0.min(p.y.0);
        x1 = x1.max(p.x.0);
        y1 = y1.max(p.y.0);
    }
    if points.is_empty() {
        return Rect::new(origin.x, origin.y, Abs::ZERO, Abs::ZERO);
    }
    let half = width.0 / 2.0;
    Rect::new(
        origin.x + Abs(x0 - half),
        origin.y + Abs(y0 - half),
        Abs(x1 - x0 + width.0),
        Abs(y1 - y0 + width.0),
    )
}
