//! Fragments: what measuring produces. A fragment is a piece of layout of known size whose
//! items are positioned relative to its top-left corner and marked, but not yet tagged.
//!
//! Measuring has no side effects: a component builds its fragments together with a small
//! [`Skeleton`] of its own — the structure nodes it means (roles with local ids and parent
//! links) and, in reading order, the content pieces of each — and its items refer to that
//! skeleton's [`Slot`]s. Nothing touches the document's structure until the flow places the
//! block (`super::flow::place`), which grafts the skeleton under the right parent and gives
//! each slot a content id, in reading order. So a component can be measured at several
//! widths, a contents page laid out to count its pages, or columns balanced, and the
//! results thrown away, at no cost but the time.

use crate::frame::{Artifact, ItemKind, Role};
use crate::geom::{Abs, Color, Point, Size};

/// A structure node of one skeleton. [`Skeleton::ANCHOR`] stands for the node the block will
/// be placed under, which the skeleton does not know.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Local(pub(super) u32);

/// A content piece of one skeleton: the place, among its node's children, of what one item
/// draws.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Slot(pub(super) u32);

/// What an item will mean once placed: a content piece of the skeleton, or an artifact.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    Content(Slot),
    Artifact(Artifact),
}

/// A positioned, marked item of a fragment.
#[derive(Clone)]
pub struct Piece {
    /// Relative to the fragment's top-left corner (text: the baseline start).
    pub pos: Point,
    pub kind: ItemKind,
    pub mark: Mark,
}

/// A piece of layout of known size.
#[derive(Clone, Default)]
pub struct Fragment {
    /// The box the fragment occupies; items may reach outside it only where a component
    /// says so (an image at the page's full width reaches into the margins).
    pub size: Size,
    pub items: Vec<Piece>,
}

/// A skeleton node: its role, its parent, and its children in reading order.
#[derive(Debug, Clone)]
pub(super) struct SkNode {
    pub role: Role,
    pub children: Vec<SkChild>,
    /// The node's language, where it differs from the report's.
    pub lang: Option<String>,
}

/// A child of a skeleton node.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum SkChild {
    Node(Local),
    Content(Slot),
}

/// The structure a block means, local to the block: nodes under an anchor, and content
/// slots in reading order.
#[derive(Debug, Clone)]
pub struct Skeleton {
    pub(super) nodes: Vec<SkNode>,
    pub(super) slots: u32,
}

impl Default for Skeleton {
    fn default() -> Self {
        Self::new()
    }
}

impl Skeleton {
    /// The node the block is placed under.
    pub const ANCHOR: Local = Local(0);

    /// A skeleton with only its anchor.
    pub fn new() -> Self {
        Self {
            // The anchor's role is never used: grafting puts its children under the node
            // the block is placed in.
            nodes: vec![SkNode {
                role: Role::Div,
                children: Vec::new(),
                lang: None,
            }],
            slots: 0,
        }
    }

    /// Adds a node as the last child of `parent`.
    pub fn node(&mut self, parent: Local, role: Role) -> Local {
        let id = Local(self.nodes.len() as u32);
        self.nodes.push(SkNode {
            role,
            children: Vec::new(),
            lang: None,
        });
        self.nodes[parent.0 as usize]
            .children
            .push(SkChild::Node(id));
        id
    }

    /// The skeleton holding no more room than its nodes take, for the reason given at
    /// [`Fragment::compact`].
    pub fn compact(mut self) -> Self {
        for node in &mut self.nodes {
            node.children.shrink_to_fit();
        }
        self.nodes.shrink_to_fit();
        self
    }

    /// The language of the first node that has one, in node order (a heading block's
    /// heading): where the block's text is in another language than the report's.
    pub fn language(&self) -> Option<&str> {
        self.nodes.iter().find_map(|n| n.lang.as_deref())
    }

    /// Sets the language of a node (its `/Lang`, so screen readers switch voice).
    pub fn set_lang(&mut self, node: Local, lang: &str) {
        self.nodes[node.0 as usize].lang = Some(lang.to_string());
    }

    /// Reserves a content piece as the last child of `parent`; items drawing it are marked
    /// with the returned mark.
    pub fn content(&mut self, parent: Local) -> Mark {
        let slot = Slot(self.slots);
        self.slots += 1;
        self.nodes[parent.0 as usize]
            .children
            .push(SkChild::Content(slot));
        Mark::Content(slot)
    }

    /// Moves `other`'s nodes and slots under `parent` of this skeleton, after its current
    /// children, and returns how to re-mark `other`'s items. Used to compose measured
    /// blocks into one (a box holding paragraphs and lists).
    pub fn adopt(&mut self, parent: Local, other: Skeleton) -> Remark {
        let node_base = self.nodes.len() as u32 - 1;
        let slot_base = self.slots;
        let local = |l: Local| {
            if l == Self::ANCHOR {
                parent
            } else {
                Local(l.0 + node_base)
            }
        };
        let child = |c: SkChild| match c {
            SkChild::Node(l) => SkChild::Node(local(l)),
            SkChild::Content(s) => SkChild::Content(Slot(s.0 + slot_base)),
        };
        let mut nodes = other.nodes.into_iter();
        let anchor = nodes.next().expect("invariant: a skeleton has its anchor");
        for c in anchor.children {
            self.nodes[parent.0 as usize].children.push(child(c));
        }
        for n in nodes {
            self.nodes.push(SkNode {
                role: n.role,
                children: n.children.into_iter().map(child).collect(),
                lang: n.lang,
            });
        }
        self.slots += other.slots;
        Remark { slot_base }
    }

    /// How many content slots there are.
    pub fn slot_count(&self) -> usize {
        self.slots as usize
    }
}

/// How to re-mark the items of a skeleton adopted into another.
#[derive(Debug, Clone, Copy)]
pub struct Remark {
    slot_base: u32,
}

impl Remark {
    pub fn mark(&self, m: Mark) -> Mark {
        match m {
            Mark::Content(s) => Mark::Content(Slot(s.0 + self.slot_base)),
            a => a,
        }
    }

    /// Re-marks every item of a fragment.
    pub fn fragment(&self, mut f: Fragment) -> Fragment {
        for p in &mut f.items {
            p.mark = self.mark(p.mark);
        }
        f
    }
}

impl Fragment {
    /// An empty fragment of a size.
    pub fn new(size: Size) -> Self {
        Self {
            size,
            items: Vec::new(),
        }
    }

    /// Places `part` with its top-left corner at `at`; the fragment grows to hold it.
    pub fn place(&mut self, part: Fragment, at: Point) {
        self.size.w = self.size.w.max(at.x + part.size.w);
        self.size.h = self.size.h.max(at.y + part.size.h);
        self.items.extend(part.items.into_iter().map(|mut p| {
            p.pos = p.pos + at;
            p
        }));
    }

    /// Stacks `parts` top to bottom from `(x, y)`; returns the bottom of the last.
    pub fn stack(&mut self, parts: Vec<Fragment>, x: Abs, y: Abs) -> Abs {
        let mut y = y;
        for part in parts {
            let h = part.size.h;
            self.place(part, Point::new(x, y));
            y += h;
        }
        y
    }

    /// The fragment holding no more room than its items take. A block waits, measured, until
    /// the whole report is, and its fragments were grown a piece or a part at a time: their
    /// spare room, up to half of each, would be held all that while.
    pub fn compact(mut self) -> Self {
        self.items.shrink_to_fit();
        self
    }

    /// Adds a piece.
    pub fn push(&mut self, pos: Point, kind: ItemKind, mark: Mark) {
        self.items.push(Piece { pos, kind, mark });
    }

    /// A filled rectangle drawn as decoration (a background, a bar, a rule).
    pub fn rect(&mut self, at: Point, size: Size, fill: Color) {
        self.push(
            at,
            ItemKind::Rect { size, fill },
            Mark::Artifact(Artifact::Decoration),
        );
    }

    /// Moves every item right by `dx` (aligning a line in a wider box).
    pub fn shift(mut self, dx: Abs) -> Self {
        for p in &mut self.items {
            p.pos.x += dx;
        }
        self
    }
}

/// The total height of fragments stacked.
pub fn height(parts: &[Fragment]) -> Abs {
    parts.iter().fold(Abs::ZERO, |h, p| h + p.size.h)
}

/// The widest of fragments.
pub fn width(parts: &[Fragment]) -> Abs {
    parts.iter().fold(Abs::ZERO, |w, p| w.max(p.size.w))
}

/// Shifts each line right by `share` of the room it leaves in `width` (0.5 centres, 1 sets
/// it flush right).
pub fn align(lines: Vec<Fragment>, width: Abs, share: f64) -> Vec<Fragment> {
    lines
        .into_iter()
        .map(|l| {
            let dx = (width - l.size.w) * share;
            let mut l = l.shift(dx);
            l.size.w = width.max(l.size.w);
            l
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_slots_keep_their_place_among_a_nodes_children() {
        let mut s = Skeleton::new();
        let p = s.node(Skeleton::ANCHOR, Role::Paragraph);
        let a = s.content(p);
        let link = s.node(p, Role::Link { url: "u".into() });
        let b = s.content(link);
        let c = s.content(p);
        assert_eq!(
            (a, b, c),
            (
                Mark::Content(Slot(0)),
                Mark::Content(Slot(1)),
                Mark::Content(Slot(2))
            )
        );
        assert_eq!(
            s.nodes[p.0 as usize].children,
            vec![
                SkChild::Content(Slot(0)),
                SkChild::Node(link),
                SkChild::Content(Slot(2))
            ]
        );
    }

    #[test]
    fn an_adopted_skeleton_hangs_under_the_given_node_and_its_items_are_re_marked() {
        let mut outer = Skeleton::new();
        let boxed = outer.node(Skeleton::ANCHOR, Role::Div);
        let title = outer.content(boxed);
        let mut inner = Skeleton::new();
        let p = inner.node(Skeleton::ANCHOR, Role::Paragraph);
        let line = inner.content(p);
        let remark = outer.adopt(boxed, inner);
        assert_eq!(title, Mark::Content(Slot(0)));
        assert_eq!(remark.mark(line), Mark::Content(Slot(1)));
        assert_eq!(outer.slot_count(), 2);
        // The paragraph is the box's second child, after the title's piece.
        let children = &outer.nodes[boxed.0 as usize].children;
        assert_eq!(children.len(), 2);
        let SkChild::Node(adopted) = children[1] else {
            panic!("the adopted paragraph is a node: {children:?}");
        };
        assert_eq!(outer.nodes[adopted.0 as usize].role, Role::Paragraph);
        assert_eq!(
            outer.nodes[adopted.0 as usize].children,
            vec![SkChild::Content(Slot(1))]
        );
    }

    #[test]
    fn placing_a_part_moves_its_items_and_grows_the_fragment() {
        let mut part = Fragment::new(Size::new(Abs(10.0), Abs(5.0)));
        part.rect(
            Point::new(Abs(1.0), Abs(1.0)),
            Size::default(),
            Color::BLACK,
        );
        let mut whole = Fragment::default();
        let bottom = whole.stack(vec![part.clone(), part], Abs(2.0), Abs(3.0));
        assert_eq!(bottom, Abs(13.0));
        assert_eq!(whole.size, Size::new(Abs(12.0), Abs(13.0)));
        assert_eq!(whole.items[1].pos, Point::new(Abs(3.0), Abs(9.0)));
    }
}
