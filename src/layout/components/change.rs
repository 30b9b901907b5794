//! A figure's year-on-year change on its card: a marker and the words ("up 12% on 2019").
//!
//! In: the change the model worked out and the width of the card's text. Out: the lines,
//! the words set beside a small marker (a line rising, falling or level, from the icon set)
//! and indented past it. The words are the change: they are a paragraph a screen reader
//! reads, in its spoken form where that differs ("up 12 per cent on 2019"); the marker is
//! decoration, an artifact, so the change is never carried by a glyph or a colour alone.

use crate::frame::{ItemKind, Role};
use crate::geom::{Abs, Point, Size};
use crate::icons;
use crate::layout::cx::Cx;
use crate::layout::fragment::{Fragment, Local, Mark, Skeleton};
use crate::model::Change;

/// The change's lines under `parent`, at `width`.
pub fn lines(
    cx: &Cx,
    skel: &mut Skeleton,
    parent: Local,
    change: &Change,
    width: Abs,
) -> Vec<Fragment> {
    let (card, text) = (&cx.theme.card, &cx.theme.text);
    let style = cx.style(&text.card_change, cx.ink.primary);
    let marker = style.size * card.marker_share;
    let indent = marker + card.marker_gap;
    let role = if change.spoken == change.text {
        Role::Paragraph
    } else {
        Role::Spoken {
            spoken: change.spoken.clone(),
        }
    };
    let p = skel.node(parent, role);
    let mut lines: Vec<Fragment> = cx
        .text(skel, p, &change.text, &style, width - indent)
        .into_iter()
        .map(|l| {
            let mut l = l.shift(indent);
            l.size.w += indent;
            l
        })
        .collect();
    if let Some(first) = lines.first_mut() {
        // Centred on the first line's x-height band, where the eye reads the words.
        let (ascent, descent) = cx.metrics(&style);
        let baseline = (first.size.h - ascent - descent) / 2.0 + ascent;
        let top = baseline - style.size * 0.35 - marker / 2.0;
        first.push(
            Point::new(Abs::ZERO, top),
            ItemKind::Image {
                image: icons::image(icons::marker(change.direction), cx.ink.primary),
                size: Size::new(marker, marker),
                span: None,
                crop: None,
                bleed: false,
            },
            Mark::Artifact(crate::frame::Artifact::Decoration),
        );
    }
    lines
}
