//! Text beside a floated image: `float = "left"` or `"right"` on an image block.
//!
//! In: a section's floated images, its body (markdown), the width and where the body is
//! written. Out: the body's flow with the images set at the top of it, at their side of
//! the column, and the text that starts beside them set in the narrower measure the image
//! leaves — a paragraph's lines beside the image narrow, its lines below full width (the
//! line breaker takes a width per line), so the text wraps round the image.
//!
//! The images, and every paragraph or list that starts beside them, are composed into one
//! block (the image first in reading order, then the text), cut between its lines as a
//! paragraph is: the flow may break below the image, never through it. What starts below
//! the images, and the first subheading (so it keeps its bookmark), is flowed as ordinary
//! body text.

use super::block::{Block, Flow};
use super::components::figures;
use super::cx::Cx;
use super::fragment::{Fragment, Local, Skeleton};
use super::markdown;
use super::slicing;
use super::text::{Source, push_note};
use crate::frame::Role;
use crate::geom::{Abs, Point};
use crate::model::{Block as MdBlock, Float, ImageBlock};

/// The body of a section with `floats` at its top, the text wrapping beside them.
pub fn body(
    cx: &Cx,
    floats: &[&ImageBlock],
    md: &[MdBlock],
    width: Abs,
    source: Source,
) -> Vec<Flow> {
    let theme = &cx.theme;
    let gap = theme.image.float_gap;
    let mut skel = Skeleton::new();
    let mut f = Fragment::default();
    let mut notes = Vec::new();
    // The images, one under another, each at its side; `beside` is the room they leave the
    // text until `bottom`, and where that room starts.
    let (mut bottom, mut left, mut right) = (Abs::ZERO, Abs::ZERO, Abs::ZERO);
    for img in floats {
        let w = width * img.width.unwrap_or(0.5);
        let b = figures::image_at(cx, img, w, w, &mut notes);
        let (s, part) = b.into_fragment();
        let remark = skel.adopt(Skeleton::ANCHOR, s);
        let x = if img.placement.float == Float::Right {
            right = right.max(w + gap);
            width - w
        } else {
            left = left.max(w + gap);
            Abs::ZERO
        };
        let top = if bottom > Abs::ZERO {
            bottom + gap
        } else {
            bottom
        };
        bottom = top + part.size.h;
        f.place(remark.fragment(part), Point::new(x, top));
    }
    // Text that starts within a caption's gap of the images' foot is still beside them,
    // so no line runs under an image's edge.
    let bottom = bottom + theme.image.caption_gap;
    let narrow = width - left - right;
    let body = cx.body_style();
    let line = body.size * body.leading;
    let para_gap = theme.space.paragraph;
    let mut y = Abs::ZERO;
    let mut rest = md;
    while let Some((block, tail)) = rest.split_first() {
        // A subheading ends the wrapping: it starts below the images, as a block of its
        // own with its bookmark.
        if y >= bottom || matches!(block, MdBlock::Heading(..)) {
            break;
        }
        rest = tail;
        if y > Abs::ZERO {
            y += para_gap;
        }
        match block {
            MdBlock::Paragraph(inlines) => {
                // Lines whose top is above the images' foot are beside them.
                let beside = ((bottom - y).to_pt() / line.to_pt()).ceil().max(0.0) as usize;
                let p = skel.node(Skeleton::ANCHOR, Role::Paragraph);
                let lines = cx
                    .set_paragraph_shaped(
                        &mut skel,
                        p,
                        inlines,
                        &body,
                        &vec![narrow; beside],
                        width,
                    )
                    .noted(source, &mut notes);
                for (i, l) in lines.into_iter().enumerate() {
                    let x = if i < beside { left } else { Abs::ZERO };
                    let h = l.size.h;
                    f.place(l, Point::new(x, y));
                    y += h;
                }
            }
            // A list that starts beside the images is set in the narrow measure
            // throughout.
            other => {
                let parts = markdown::flow(cx, std::slice::from_ref(other), narrow, source);
                y = compose(&mut skel, &mut f, parts, left, y, &mut notes);
            }
        }
    }
    f.size.w = width;
    f.size.h = f.size.h.max(bottom).max(y);
    let mut wrapped = Block::lines(skel, slicing::bands(f)).spaced(para_gap, para_gap);
    wrapped.notes = notes;
    let mut out = vec![Flow::Block(wrapped)];
    out.extend(markdown::flow(cx, rest, width, source));
    out
}

/// Composes measured flow items into `f` from `y` at `x`, their containers becoming nodes
/// of `skel`; returns where they end.
fn compose(
    skel: &mut Skeleton,
    f: &mut Fragment,
    parts: Vec<Flow>,
    x: Abs,
    mut y: Abs,
    notes: &mut Vec<crate::diag::Diagnostic>,
) -> Abs {
    let mut open: Vec<Local> = vec![Skeleton::ANCHOR];
    let mut first = true;
    for item in parts {
        let parent = *open.last().expect("invariant: the anchor stays open");
        match item {
            Flow::Open(role) => open.push(skel.node(parent, role)),
            Flow::Close => {
                if open.len() > 1 {
                    open.pop();
                }
            }
            Flow::Block(b) => {
                if !first {
                    y += b.space_before;
                }
                first = false;
                for n in b.notes {
                    push_note(notes, n);
                }
                let remark = skel.adopt(parent, b.skeleton);
                for s in b.slices {
                    let h = s.size.h;
                    f.place(remark.fragment(s), Point::new(x, y));
                    y += h;
                }
            }
            Flow::Columns(_) => {}
        }
    }
    y
}
