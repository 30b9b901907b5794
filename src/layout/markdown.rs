//! Markdown body text → the flow: paragraphs, subheadings and lists.
//!
//! In: markdown blocks, a width, and where the text is written (for warnings about words
//! too long for a line). Out: flow items — a block per paragraph (split between pages by
//! line, with widow and orphan control), per subheading (kept with what follows,
//! bookmarked) and per list item (split between its lines like a paragraph, so an item
//! longer than a page is never cut short), the list itself a container opened and closed
//! around its items. A list nested in an item stays inside that item's block.

use super::block::{Block, Flow};
use super::cx::{Cx, ParStyle};
use super::fragment::{Fragment, Local, Skeleton};
use super::slicing;
use super::text::Source;
use crate::diag::Diagnostic;
use crate::frame::Role;
use crate::geom::{Abs, Point};
use crate::model::markdown::plain;
use crate::model::{Block as MdBlock, Inline};

/// The flow of markdown blocks at `width`, written at `source`.
pub fn flow(cx: &Cx, md: &[MdBlock], width: Abs, source: Source) -> Vec<Flow> {
    let mut out = Vec::new();
    let body = cx.body_style();
    let gap = cx.theme.space.paragraph;
    for block in md {
        match block {
            MdBlock::Paragraph(inlines) => {
                let mut skel = Skeleton::new();
                let p = skel.node(Skeleton::ANCHOR, Role::Paragraph);
                let mut notes = Vec::new();
                let lines = cx
                    .set_paragraph(&mut skel, p, inlines, &body, width)
                    .noted(source, &mut notes);
                let mut b = Block::lines(skel, lines).spaced(gap, gap);
                b.notes = notes;
                out.push(Flow::Block(b));
            }
            MdBlock::Heading(level, inlines) => {
                out.push(Flow::Block(subheading(cx, *level, inlines, width, source)));
            }
            MdBlock::List {
                ordered,
                start,
                items,
            } => list(cx, *ordered, *start, items, width, source, &mut out),
        }
    }
    out
}

/// A heading inside body text: level 1 in markdown is the level below the section title.
fn subheading(cx: &Cx, level: u8, inlines: &[Inline], width: Abs, source: Source) -> Block {
    let theme = &cx.theme;
    let style = cx.style(&theme.text.subheading, cx.ink.text);
    let mut skel = Skeleton::new();
    let h = skel.node(
        Skeleton::ANCHOR,
        Role::Heading(2 + level.min(4), plain(inlines)),
    );
    let mut slice = Fragment::default();
    let mut notes = Vec::new();
    let lines = cx
        .set_paragraph(&mut skel, h, inlines, &style, width)
        .noted(source, &mut notes);
    slice.stack(lines, Abs::ZERO, Abs::ZERO);
    let mut b = Block::atomic(skel, slice)
        .keep_with_next()
        .spaced(theme.space.subheading_before, theme.space.subheading_after);
    b.bookmark = Some((level.saturating_add(1).min(6), plain(inlines)));
    b.notes = notes;
    b
}

/// A list: the list container, and a block per item (label beside body), cut between its
/// lines so that a long item breaks like a paragraph.
fn list(
    cx: &Cx,
    ordered: bool,
    start: u64,
    items: &[Vec<MdBlock>],
    width: Abs,
    source: Source,
    out: &mut Vec<Flow>,
) {
    let (space, list) = (&cx.theme.space, &cx.theme.list);
    out.push(Flow::Open(Role::List { ordered }));
    for (i, item) in items.iter().enumerate() {
        let mut skel = Skeleton::new();
        let mut slice = Fragment::default();
        let mut notes = Vec::new();
        let height = list_item(
            cx,
            &mut skel,
            Skeleton::ANCHOR,
            &Item {
                ordered,
                number: start + i as u64,
                blocks: item,
                width,
            },
            &mut slice,
            (source, &mut notes),
        );
        slice.size.h = slice.size.h.max(height);
        let before = if i == 0 {
            space.paragraph
        } else {
            list.item_gap
        };
        let after = if i + 1 == items.len() {
            space.paragraph
        } else {
            Abs::ZERO
        };
        let mut b = Block::lines(skel, slicing::bands(slice)).spaced(before, after);
        b.notes = notes;
        // Widow and orphan control for lists: the first item never stands alone at a page
        // foot, nor the last alone at a page top.
        b.breaks.keep_with_next = items.len() > 1 && (i == 0 || i + 2 == items.len());
        out.push(Flow::Block(b));
    }
    out.push(Flow::Close);
}

/// One item of a list: its number (or bullet), what it holds, and its width.
struct Item<'a> {
    ordered: bool,
    number: u64,
    blocks: &'a [MdBlock],
    width: Abs,
}

/// Lays one list item into `slice` from its top; nested lists stay inside the item. Words
/// broken to fit are noted at `source`. Returns the item's height.
fn list_item(
    cx: &Cx,
    skel: &mut Skeleton,
    list: Local,
    item: &Item,
    slice: &mut Fragment,
    (source, notes): (Source, &mut Vec<Diagnostic>),
) -> Abs {
    let Item {
        ordered,
        number,
        blocks,
        width,
    } = *item;
    let body = cx.body_style();
    let geometry = &cx.theme.list;
    let indent = geometry.indent;
    let li = skel.node(list, Role::ListItem);
    let lbl = skel.node(li, Role::ListLabel);
    let label = if ordered {
        format!("{number}.")
    } else {
        "•".to_string()
    };
    let label_style = ParStyle {
        color: cx.ink.primary,
        bold: true,
        hyphenate: false,
        justify: false,
        ..body
    };
    let label_lines = cx.text(skel, lbl, &label, &label_style, indent);
    slice.stack(label_lines, Abs::ZERO, Abs::ZERO);
    let lbody = skel.node(li, Role::ListBody);
    let inner = width - indent;
    let mut y = Abs::ZERO;
    for (k, block) in blocks.iter().enumerate() {
        if k > 0 {
            y += geometry.item_gap;
        }
        match block {
            MdBlock::Paragraph(inlines) | MdBlock::Heading(_, inlines) => {
                let p = skel.node(lbody, Role::Paragraph);
                let lines = cx
                    .set_paragraph(skel, p, inlines, &body, inner)
                    .noted(source, notes);
                y = slice.stack(lines, indent, y);
            }
            MdBlock::List {
                ordered,
                start,
                items,
            } => {
                let nested = skel.node(lbody, Role::List { ordered: *ordered });
                for (i, item) in items.iter().enumerate() {
                    let mut sub = Fragment::default();
                    let h = list_item(
                        cx,
                        skel,
                        nested,
                        &Item {
                            ordered: *ordered,
                            number: start + i as u64,
                            blocks: item,
                            width: inner,
                        },
                        &mut sub,
                        (source, &mut *notes),
                    );
                    sub.size.h = h;
                    slice.place(sub, Point::new(indent, y + geometry.nested_gap));
                    y += h + geometry.nested_gap;
                }
            }
        }
    }
    y
}
