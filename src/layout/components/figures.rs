//! Pull quotes, highlight boxes and images with their captions.
//!
//! In: a component and a width. Out: one unsplittable block each. A quote is a block quote
//! with its attribution; a box holds markdown (paragraphs and lists, measured by the same
//! code as body text and composed into the box); an image is a figure with its alt text (or
//! an artifact when decorative) and its caption and credit beneath.

use crate::frame::{ItemKind, Role};
use crate::geom::{Abs, Point, Size};
use crate::layout::block::{Block, Flow};
use crate::layout::cx::{Cx, ParStyle};
use crate::layout::fragment::{Fragment, Skeleton};
use crate::layout::markdown;
use crate::layout::text::figure_mark;
use crate::model::{Block as MdBlock, ImageBlock};

/// A pull quote: the words in the brand colour beside an accent bar, then who said them.
pub fn quote(cx: &Cx, text: &str, by: Option<&str>, width: Abs) -> Block {
    let (pal, geo) = (cx.palette, &cx.theme.quote);
    let mut skel = Skeleton::new();
    let q = skel.node(Skeleton::ANCHOR, Role::Quote);
    let mut f = Fragment::default();
    let inset = geo.inset;
    let style = cx.style(&cx.theme.text.quote, cx.ink.primary);
    let p = skel.node(q, Role::Paragraph);
    let lines = cx.text(&mut skel, p, &format!("“{text}”"), &style, width - inset);
    let mut y = f.stack(lines, inset, Abs::ZERO);
    if let Some(by) = by {
        let style = cx.style(&cx.theme.text.attribution, cx.ink.muted);
        let p = skel.node(q, Role::Paragraph);
        let lines = cx.text(&mut skel, p, &format!("— {by}"), &style, width - inset);
        y = f.stack(lines, inset, y + geo.by_gap);
    }
    f.rect(Point::default(), Size::new(geo.bar, y), pal.accent);
    f.size.h = y;
    Block::atomic(skel, f)
}

/// A highlight box: a tinted panel with an optional title and markdown inside.
pub fn highlight(cx: &Cx, title: Option<&str>, body: &[MdBlock], width: Abs) -> Block {
    let (pal, geo) = (cx.palette, &cx.theme.boxed);
    let pad = geo.pad;
    let mut skel = Skeleton::new();
    let node = skel.node(Skeleton::ANCHOR, Role::Div);
    let mut f = Fragment::default();
    let inner = width - pad * 2.0;
    let mut y = pad;
    if let Some(t) = title {
        let style = cx.style(&cx.theme.text.box_title, cx.ink.primary);
        let p = skel.node(node, Role::Paragraph);
        let lines = cx.text(&mut skel, p, t, &style, inner);
        y = f.stack(lines, pad, y) + geo.title_after;
    }
    // The body is measured as body text is, then composed into the box: containers opened
    // in it (a list) become nodes of the box's skeleton around the blocks they hold.
    let mut open = vec![node];
    let mut first = true;
    for item in markdown::flow(cx, body, inner) {
        let parent = *open.last().expect("invariant: the box node stays open");
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
                let remark = skel.adopt(parent, b.skeleton);
                for s in b.slices {
                    y = f.stack(vec![remark.fragment(s)], pad, y);
                }
            }
            Flow::Columns(_) => {}
        }
    }
    let height = y + pad;
    let mut background = Fragment::default();
    background.rect(Point::default(), Size::new(width, height), pal.tint);
    f.items.splice(0..0, background.items);
    f.size = Size::new(width, height);
    Block::atomic(skel, f)
}

/// An image at a share of the width, or at the page's full width (edge to edge, out of the
/// margins), with its caption and credit beneath.
pub fn image(cx: &Cx, img: &ImageBlock, width: Abs) -> Block {
    let theme = &cx.theme;
    let (x, w) = match img.width {
        Some(share) => (Abs::ZERO, width * share),
        None => (-theme.margins.left, theme.page.w),
    };
    let s = img.image.size;
    let h = w * (s.h.to_pt() / s.w.to_pt().max(1.0));
    let mut skel = Skeleton::new();
    let mut f = Fragment::new(Size::new(width, h));
    let mark = figure_mark(&mut skel, Skeleton::ANCHOR, img.alt.as_deref());
    f.push(
        Point::new(x, Abs::ZERO),
        ItemKind::Image {
            image: img.image.clone(),
            size: Size::new(w, h),
            span: img.span.clone(),
            crop: None,
        },
        mark,
    );
    let mut y = h;
    let caption: Vec<String> = [
        img.caption.clone(),
        img.credit
            .as_ref()
            .map(|c| format!("{} {c}", cx.report.meta.strings.credit)),
    ]
    .into_iter()
    .flatten()
    .collect();
    if !caption.is_empty() {
        let cap = skel.node(Skeleton::ANCHOR, Role::Caption);
        let style: ParStyle = cx.style(&theme.text.caption, cx.ink.muted);
        let p = skel.node(cap, Role::Paragraph);
        let lines = cx.text(&mut skel, p, &caption.join(" "), &style, w.min(width));
        y = f.stack(lines, Abs::ZERO, y + theme.image.caption_gap);
    }
    f.size.h = y;
    Block::atomic(skel, f)
}
