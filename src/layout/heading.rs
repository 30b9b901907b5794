//! Section headings: the accent rule, then the title, as one block that keeps with what
//! follows and is bookmarked. Sections, the year-in-numbers page and the contents page all
//! open with one.

use super::block::Block;
use super::cx::Cx;
use super::fragment::{Fragment, Skeleton};
use super::text::Source;
use crate::frame::Role;
use crate::geom::{Abs, Point, Size};

/// A level-2 heading with the accent rule above it, set at `width`; `source` is where the
/// title is written.
pub fn section_heading(cx: &Cx, title: &str, width: Abs, source: Source) -> Block {
    let theme = &cx.theme;
    let style = cx.style(&theme.text.section_title, cx.ink.primary);
    let mut skel = Skeleton::new();
    let h = skel.node(Skeleton::ANCHOR, Role::Heading(2, title.to_string()));
    let mut slice = Fragment::default();
    slice.rect(
        Point::default(),
        Size::new(theme.accent.width, theme.accent.height),
        cx.palette.accent,
    );
    let mut notes = Vec::new();
    let lines = cx
        .set_text(&mut skel, h, title, &style, width)
        .noted(source, &mut notes);
    slice.stack(
        lines,
        Abs::ZERO,
        theme.accent.height + theme.space.rule_to_title,
    );
    let mut b = Block::atomic(skel, slice)
        .keep_with_next()
        .spaced(theme.space.section_before, theme.space.heading_after);
    b.bookmark = Some((1, title.to_string()));
    b.notes = notes;
    b
}
