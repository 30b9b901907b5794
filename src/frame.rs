//! The frame: the one interface between layout and every exporter.
//!
//! A [`Document`] is pages of absolutely positioned, already shaped items, plus the logical
//! structure they belong to. Every item carries a [`Tag`]: either the structure node it is
//! part of (heading, paragraph, list item, figure, link…) or that it is an artifact (page
//! furniture, decoration). The structure is a tree kept beside the pages rather than
//! start/end markers inside them, because one paragraph may continue on the next page and
//! reading order is the report's order, not the order pages are drawn in.
//!
//! [`Document::dump`] prints the whole thing as text for snapshot tests.

use crate::geom::{Abs, Color, Point, Rect, Size};
use crate::model::ImageData;
use crate::text::{FaceId, Glyph};
use std::fmt::Write as _;
use std::sync::Arc;

/// A laid-out report.
pub struct Document {
    pub pages: Vec<Page>,
    pub structure: Structure,
    /// Bookmarks: (level from 1, title, page index, y on that page).
    pub outline: Vec<OutlineEntry>,
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
}

/// One page.
pub struct Page {
    pub size: Size,
    /// The printed page number, if the page shows one.
    pub number: Option<usize>,
    /// What viewers call a page that shows no number ("Cover").
    pub label: Option<String>,
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
    /// A stroked polyline through `points` (relative to `pos`), with round joins.
    Line {
        points: Vec<Point>,
        width: Abs,
        color: Color,
    },
    /// An image scaled to `size`; `pos` is its top-left corner.
    Image { image: Arc<ImageData>, size: Size },
    /// A clickable area; `pos` is its top-left corner.
    Link { size: Size, target: LinkTarget },
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
    pub glyphs: Vec<Glyph>,
    pub width: Abs,
    /// Height above and depth below the baseline (the face's ascender and descender).
    pub ascent: Abs,
    pub descent: Abs,
}

/// Index of a structure node.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct NodeId(pub u32);

/// Index of a piece of tagged content.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct ContentId(pub u32);

/// The meaning of a structure node.
#[derive(Debug, Clone, PartialEq)]
pub enum Role {
    Document,
    Section,
    /// A heading of level 1 to 6, with its text (PDF/UA wants it as the title).
    Heading(u8, String),
    Paragraph,
    List {
        ordered: bool,
    },
    ListItem,
    ListLabel,
    ListBody,
    /// A graphic with its alternative text.
    Figure {
        alt: String,
    },
    Link {
        url: String,
    },
    /// A paragraph whose text is read differently from how it is printed: a figure such
    /// as "£300M" is read "300 million pounds".
    Spoken {
        spoken: String,
    },
    /// The table of contents and its entries.
    Toc,
    TocItem,
    /// A pull quote.
    Quote,
    /// A figure's or table's caption.
    Caption,
    Table,
    TableHead,
    TableBody,
    TableRow,
    /// A column heading cell.
    TableHeader,
    TableCell,
    /// A grouping without meaning of its own (a callout card, the cover block).
    Div,
    /// Words inside a paragraph that differ from it only in their language.
    Span,
}

/// A child of a structure node, in reading order.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Child {
    Node(NodeId),
    Content(ContentId),
}

/// A structure node.
#[derive(Debug, Clone)]
pub struct Node {
    pub role: Role,
    pub children: Vec<Child>,
    /// The node's language (BCP 47), where it differs from its parent's.
    pub lang: Option<String>,
}

/// The logical structure of the document: a tree of nodes whose leaves are content pieces.
#[derive(Debug, Clone)]
pub struct Structure {
    pub nodes: Vec<Node>,
    next_content: u32,
}

impl Default for Structure {
    fn default() -> Self {
        Self::new()
    }
}

impl Structure {
    /// A structure with only the document root.
    pub fn new() -> Self {
        Self {
            nodes: vec![Node {
                role: Role::Document,
                children: Vec::new(),
                lang: None,
            }],
            next_content: 0,
        }
    }

    pub const ROOT: NodeId = NodeId(0);

    /// Adds a node as the last child of `parent`.
    pub fn push(&mut self, parent: NodeId, role: Role) -> NodeId {
        let id = NodeId(self.nodes.len() as u32);
        self.nodes.push(Node {
            role,
            children: Vec::new(),
            lang: None,
        });
        self.nodes[parent.0 as usize].children.push(Child::Node(id));
        id
    }

    /// Sets the language of a node (screen readers switch voice for it).
    pub fn set_lang(&mut self, node: NodeId, lang: &str) {
        self.nodes[node.0 as usize].lang = Some(lang.to_string());
    }

    /// Reserves a content piece as the last child of `parent` and returns its tag.
    pub fn content(&mut self, parent: NodeId) -> Tag {
        let id = ContentId(self.next_content);
        self.next_content += 1;
        self.nodes[parent.0 as usize]
            .children
            .push(Child::Content(id));
        Tag::Content(id)
    }

    /// How many content pieces exist.
    pub fn content_count(&self) -> usize {
        self.next_content as usize
    }

    pub fn node(&self, id: NodeId) -> &Node {
        &self.nodes[id.0 as usize]
    }
}

impl Item {
    /// The area the item covers (text: from its face's ascender to its descender).
    pub fn bounds(&self) -> Rect {
        match &self.kind {
            ItemKind::Text(t) => Rect::new(
                self.pos.x,
                self.pos.y - t.ascent,
                t.width,
                t.ascent + t.descent,
            ),
            ItemKind::Rect { size, .. }
            | ItemKind::Image { size, .. }
            | ItemKind::Link { size, .. } => Rect::new(self.pos.x, self.pos.y, size.w, size.h),
            ItemKind::Line { points, width, .. } => {
                let (mut x0, mut y0, mut x1, mut y1) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
                for p in points {
                    x0 = x0.min(p.x.0);
                    y0 = y0.min(p.y.0);
                    x1 = x1.max(p.x.0);
                    y1 = y1.max(p.y.0);
                }
                let half = width.0 / 2.0;
                Rect::new(
                    self.pos.x + Abs(x0 - half),
                    self.pos.y + Abs(y0 - half),
                    Abs(x1 - x0 + width.0),
                    Abs(y1 - y0 + width.0),
                )
            }
        }
    }
}

impl Document {
    /// A text dump of every page, for snapshot tests and eyeballing without a PDF reader.
    pub fn dump(&self) -> String {
        let mut out = String::new();
        for (i, page) in self.pages.iter().enumerate() {
            let _ = writeln!(
                out,
                "page {} ({} x {}){}",
                i + 1,
                page.size.w,
                page.size.h,
                page.number
                    .map_or(String::new(), |n| format!(" number {n}"))
            );
            for item in &page.items {
                let tag = match item.tag {
                    Tag::Content(c) => format!("c{}", c.0),
                    Tag::Artifact(a) => format!("{a:?}").to_lowercase(),
                };
                let (x, y) = (item.pos.x, item.pos.y);
                let _ = match &item.kind {
                    ItemKind::Text(t) => writeln!(
                        out,
                        "  text {x},{y} {tag} f{} {} {} {:?}",
                        t.face.0, t.size, t.color, t.text
                    ),
                    ItemKind::Rect { size, fill } => {
                        writeln!(out, "  rect {x},{y} {tag} {}x{} {fill}", size.w, size.h)
                    }
                    ItemKind::Line {
                        points,
                        width,
                        color,
                    } => writeln!(
                        out,
                        "  line {x},{y} {tag} {} points {width} {color}",
                        points.len()
                    ),
                    ItemKind::Image { image, size } => writeln!(
                        out,
                        "  image {x},{y} {tag} {}x{} {}",
                        size.w, size.h, image.name
                    ),
                    ItemKind::Link { size, target } => {
                        let to = match target {
                            LinkTarget::Url(u) => u.clone(),
                            LinkTarget::Page { page, y } => format!("page {} at {y}", page + 1),
                        };
                        writeln!(out, "  link {x},{y} {tag} {}x{} {to}", size.w, size.h)
                    }
                };
            }
        }
        out
    }
}
