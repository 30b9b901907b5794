//! Placing: a planned stream becomes page items, and its structure is attached — once, in
//! reading order.
//!
//! In: the stream (consumed: items move, they are not copied), its [`Plan`], the pages to
//! place on and the structure node the stream belongs under. Out: items on the pages, tagged;
//! the stream's containers and every block's skeleton grafted into the document's
//! [`Structure`], each content slot given a content id in reading order; and the blocks'
//! notes added to the warnings.

use super::super::block::{Block, Flow};
use super::super::fragment::{Fragment, Local, Mark, SkChild, Skeleton};
use super::Plan;
use crate::diag::Diagnostic;
use crate::frame::{Item, NodeId, Page, Structure, Tag};
use crate::geom::Point;

/// Where placed items and structure go.
pub struct Target<'a> {
    pub pages: &'a mut [Page],
    pub structure: &'a mut Structure,
    pub warnings: &'a mut Vec<Diagnostic>,
}

impl Target<'_> {
    /// Places a planned stream under `parent`; plan page 0 is `pages[first_page]`.
    pub fn flow(&mut self, stream: Vec<Flow>, plan: &Plan, first_page: usize, parent: NodeId) {
        // Each page is given exactly the room the stream's items on it take before any is
        // moved there: grown an item at a time, the document's pages would hold up to
        // twice that, and leave the room they grew out of behind (bench/RESULTS.md).
        let mut room = vec![0; self.pages.len()];
        count(&stream, plan, first_page, &mut 0, &mut room);
        for (page, n) in self.pages.iter_mut().zip(room) {
            page.items.reserve_exact(n);
        }
        let mut open = vec![parent];
        let mut ordinal = 0;
        self.walk(stream, plan, first_page, &mut open, &mut ordinal);
    }

    fn walk(
        &mut self,
        stream: Vec<Flow>,
        plan: &Plan,
        first_page: usize,
        open: &mut Vec<NodeId>,
        ordinal: &mut usize,
    ) {
        for item in stream {
            let parent = *open
                .last()
                .expect("invariant: the stream's own parent stays open");
            match item {
                Flow::Open(role) => open.push(self.structure.push(parent, role)),
                Flow::Close => {
                    if open.len() > 1 {
                        open.pop();
                    }
                }
                Flow::Columns(inner) => self.walk(inner, plan, first_page, open, ordinal),
                Flow::Block(mut block) => {
                    let spots = &plan.spots[*ordinal];
                    *ordinal += 1;
                    // A block planned at one of its smaller settings is placed as that
                    // setting, with the block's own notes.
                    if let Some(v) = spots.first().and_then(|s| s.smaller)
                        && v < block.smaller.len()
                    {
                        let notes = std::mem::take(&mut block.notes);
                        block = block.smaller.swap_remove(v);
                        block.notes.extend(notes);
                    }
                    self.block(block, parent, |k| {
                        spots.get(k).map(|s| (first_page + s.page, s.at, s.repeat))
                    });
                }
            }
        }
    }

    /// Places a block whose slice `k` goes to `spot(k)`: (page index, position, position of
    /// a repeated heading row before it).
    fn block(
        &mut self,
        block: Block,
        parent: NodeId,
        spot: impl Fn(usize) -> Option<(usize, Point, Option<Point>)>,
    ) {
        let tags = graft(self.structure, parent, &block.skeleton);
        for d in block.notes {
            if !self.warnings.contains(&d) {
                self.warnings.push(d);
            }
        }
        for (k, slice) in block.slices.into_iter().enumerate() {
            let Some((page, at, repeat)) = spot(k) else {
                continue;
            };
            let items = &mut self.pages[page].items;
            if let (Some(r), Some(header)) = (repeat, &block.repeat) {
                emit(header.clone(), r, &tags, items);
            }
            emit(slice, at, &tags, items);
        }
    }

    /// Places a block composed for one page (a cover) at `at` on `page`, its slices
    /// stacked.
    pub fn page(&mut self, block: Block, page: usize, at: Point, parent: NodeId) {
        let mut y = at.y;
        let tops: Vec<Point> = block
            .slices
            .iter()
            .map(|s| {
                let top = Point::new(at.x, y);
                y += s.size.h;
                top
            })
            .collect();
        self.block(block, parent, |k| tops.get(k).map(|t| (page, *t, None)));
    }
}

/// Adds to `room` the items each page receives from `stream`, as [`Target::flow`] places
/// them: the planned setting of each block, every slice at its spot, and a repeated heading
/// row before a slice that has one.
fn count(stream: &[Flow], plan: &Plan, first_page: usize, ordinal: &mut usize, room: &mut [usize]) {
    for item in stream {
        let block = match item {
            Flow::Open(_) | Flow::Close => continue,
            Flow::Columns(inner) => {
                count(inner, plan, first_page, ordinal, room);
                continue;
            }
            Flow::Block(block) => block,
        };
        let Some(spots) = plan.spots.get(*ordinal) else {
            return;
        };
        *ordinal += 1;
        let block = match spots.first().and_then(|s| s.smaller) {
            Some(v) if v < block.smaller.len() => &block.smaller[v],
            _ => block,
        };
        for (slice, spot) in block.slices.iter().zip(spots) {
            let Some(n) = room.get_mut(first_page + spot.page) else {
                continue;
            };
            *n += slice.items.len();
            if let (Some(_), Some(header)) = (spot.repeat, &block.repeat) {
                *n += header.items.len();
            }
        }
    }
}

/// Grafts a skeleton under `parent`: its nodes become structure nodes and its slots content
/// pieces, in the skeleton's reading order. Returns the tag of every slot.
pub fn graft(structure: &mut Structure, parent: NodeId, skeleton: &Skeleton) -> Vec<Tag> {
    fn walk(
        structure: &mut Structure,
        skeleton: &Skeleton,
        local: Local,
        node: NodeId,
        tags: &mut [Option<Tag>],
    ) {
        for child in &skeleton.nodes[local.0 as usize].children {
            match *child {
                SkChild::Node(l) => {
                    let sk = &skeleton.nodes[l.0 as usize];
                    let id = structure.push(node, sk.role.clone());
                    if let Some(lang) = &sk.lang {
                        structure.set_lang(id, lang);
                    }
                    walk(structure, skeleton, l, id, tags);
                }
                SkChild::Content(slot) => tags[slot.0 as usize] = Some(structure.content(node)),
            }
        }
    }
    let mut tags = vec![None; skeleton.slot_count()];
    walk(structure, skeleton, Skeleton::ANCHOR, parent, &mut tags);
    tags.into_iter()
        .map(|t| t.expect("invariant: every slot is a child of a skeleton node"))
        .collect()
}

/// Moves a fragment's items onto a page at `at`, their marks turned into tags.
pub fn emit(fragment: Fragment, at: Point, tags: &[Tag], items: &mut Vec<Item>) {
    items.extend(fragment.items.into_iter().map(|p| Item {
        pos: p.pos + at,
        kind: p.kind,
        tag: match p.mark {
            Mark::Content(slot) => tags[slot.0 as usize],
            Mark::Artifact(a) => Tag::Artifact(a),
        },
    }));
}
