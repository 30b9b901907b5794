//! Pull quotes, highlight boxes and images with their captions.
//!
//! In: a component, its placement and a width. Out: one block each. A quote is a block
//! quote with its attribution; a box holds markdown (paragraphs and lists, measured by the
//! same code as body text and composed into the box). Both are cut between their lines
//! (`slicing::bands`), kept whole unless `keep_together = false` or taller than a page. An
//! image is a figure with its alt text (or an artifact when decorative) and its caption and
//! credit beneath, never taller than the page's margin box: one taller at the width asked is
//! set narrower, with a warning; it may float to the next page, and carries smaller settings
//! the flow may use to keep it on a page.

use crate::diag::Diagnostic;
use crate::frame::{ItemKind, Role};
use crate::geom::{Abs, Point, Size};
use crate::layout::block::{Block, Flow};
use crate::layout::cx::{Cx, ParStyle};
use crate::layout::fragment::{Fragment, Skeleton};
use crate::layout::markdown;
use crate::layout::slicing;
use crate::layout::text::{Source, figure_mark, push_note};
use crate::model::{Block as MdBlock, Float, HAlign, ImageBlock, ImageRow, Placement};

/// The smaller settings an image offers the flow, as shares of its width: down to the
/// least the flow ever takes (`flow::fill::SHRINK_AT_A_STOP`), in steps fine enough that
/// little room is lost.
const SMALLER: [f64; 8] = [0.95, 0.9, 0.85, 0.8, 0.75, 0.7, 0.65, 0.6];
/// Narrowing an image to fit a page goes in steps of this share until image and caption
/// fit (the caption may wrap differently at each width).
const NARROWING_STEP: f64 = 0.98;

/// The break rules of a quote or box: cut between lines, two at least on each side, kept
/// whole as the placement says.
fn banded(skel: Skeleton, f: Fragment, placement: &Placement) -> Block {
    let mut b = Block::lines(skel, slicing::bands(f));
    b.breaks.keep_together = placement.keep_together;
    b
}

/// A pull quote: the words in the brand colour beside an accent bar, then who said them.
pub fn quote(cx: &Cx, text: &str, by: Option<&str>, width: Abs, placement: &Placement) -> Block {
    let (pal, geo) = (cx.palette, &cx.theme.quote);
    let mut skel = Skeleton::new();
    let q = skel.node(Skeleton::ANCHOR, Role::Quote);
    let mut f = Fragment::default();
    let inset = geo.inset;
    let style = cx.style(&cx.theme.text.quote, cx.ink.primary);
    let p = skel.node(q, Role::Paragraph);
    let mut notes = Vec::new();
    let lines = cx
        .set_text(&mut skel, p, &format!("“{text}”"), &style, width - inset)
        .noted(Source::new("text", &placement.span, "quote"), &mut notes);
    let mut y = f.stack(lines, inset, Abs::ZERO);
    if let Some(by) = by {
        let style = cx.style(&cx.theme.text.attribution, cx.ink.muted);
        let p = skel.node(q, Role::Paragraph);
        let lines = cx
            .set_text(&mut skel, p, &format!("— {by}"), &style, width - inset)
            .noted(Source::new("by", &placement.span, "quote"), &mut notes);
        y = f.stack(lines, inset, y + geo.by_gap);
    }
    f.items.insert(
        0,
        crate::layout::fragment::Piece {
            pos: Point::default(),
            kind: ItemKind::Rect {
                size: Size::new(geo.bar, y),
                fill: pal.accent,
            },
            mark: crate::layout::fragment::Mark::Artifact(crate::frame::Artifact::Decoration),
        },
    );
    f.size = Size::new(width, y);
    let mut b = banded(skel, f, placement);
    b.notes = notes;
    b
}

/// A highlight box: a tinted panel with an optional title and markdown inside.
pub fn highlight(
    cx: &Cx,
    title: Option<&str>,
    body: &[MdBlock],
    width: Abs,
    placement: &Placement,
) -> Block {
    let (pal, geo) = (cx.palette, &cx.theme.boxed);
    let pad = geo.pad;
    let mut skel = Skeleton::new();
    let node = skel.node(Skeleton::ANCHOR, Role::Div);
    let mut f = Fragment::default();
    let inner = width - pad * 2.0;
    let mut y = pad;
    let mut notes = Vec::new();
    if let Some(t) = title {
        let style = cx.style(&cx.theme.text.box_title, cx.ink.primary);
        let p = skel.node(node, Role::Paragraph);
        let lines = cx
            .set_text(&mut skel, p, t, &style, inner)
            .noted(Source::new("title", &placement.span, "box"), &mut notes);
        y = f.stack(lines, pad, y) + geo.title_after;
    }
    // The body is measured as body text is, then composed into the box: containers opened
    // in it (a list) become nodes of the box's skeleton around the blocks they hold.
    let mut open = vec![node];
    let mut first = true;
    let source = Source::new("text", &placement.span, "box");
    for item in markdown::flow(cx, body, inner, source) {
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
                for n in b.notes {
                    push_note(&mut notes, n);
                }
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
    let mut b = banded(skel, f, placement);
    b.notes = notes;
    b
}

/// An image at a share of the width (placed as its `align` says), or at the page's full
/// width (edge to edge, out of the margins), with its caption and credit beneath. Never
/// taller than the margin box: an image that would be is set narrower, and said so.
pub fn image(cx: &Cx, img: &ImageBlock, width: Abs) -> Block {
    let theme = &cx.theme;
    let tallest = theme.area.size.h;
    let asked = img.width.map_or(theme.page.w, |share| width * share);
    let mut notes = Vec::new();
    let mut w = asked;
    let mut b = image_at(cx, img, width, w, &mut notes);
    if b.height() > tallest {
        // The caption's height hardly changes with the width: start from the width that
        // leaves it room, then narrow in small steps until image and caption fit.
        let ratio = aspect(img);
        let caption = b.height() - asked * ratio;
        w = ((tallest - caption) / ratio).min(asked);
        loop {
            notes.clear();
            b = image_at(cx, img, width, w, &mut notes);
            if b.height() <= tallest || w <= Abs(1.0) {
                break;
            }
            w = w * NARROWING_STEP;
        }
        let asked_words = match img.width {
            None => "the page's width".to_string(),
            Some(share) => format!("`width = {share}`"),
        };
        notes.push(
            Diagnostic::warning(
                format!(
                    "the image `{}` is taller than a page at {asked_words}; it is drawn at {:.0}% of that width to fit",
                    img.image.name,
                    100.0 * w.to_pt() / asked.to_pt()
                ),
                img.placement.span.clone().or(img.span.clone()),
            )
            .with_help("give a smaller `width`, or crop the image to a wider shape"),
        );
    }
    b.smaller = SMALLER
        .iter()
        .map(|share| image_at(cx, img, width, w * *share, &mut Vec::new()))
        .collect();
    b.notes = notes;
    b.breaks.float = img.placement.float == Float::Moves;
    b
}

/// Height over width of an image.
fn aspect(img: &ImageBlock) -> f64 {
    let s = img.image.size;
    s.h.to_pt() / s.w.to_pt().max(1.0)
}

/// An image `w` wide in a column `width` wide, with its caption.
pub(crate) fn image_at(
    cx: &Cx,
    img: &ImageBlock,
    width: Abs,
    w: Abs,
    notes: &mut Vec<Diagnostic>,
) -> Block {
    let theme = &cx.theme;
    let h = w * aspect(img);
    // A page-width image runs from the page's left edge; one set narrower to fit stays
    // centred on the page; a share of the column sits where `align` puts it.
    // An image meant to float beside text that has none sits at its side.
    let align = match img.placement.float {
        Float::Left => HAlign::Left,
        Float::Right => HAlign::Right,
        Float::Moves | Float::InPlace => img.placement.align,
    };
    let x = match img.width {
        None => (theme.page.w - w) / 2.0 - theme.margins.left,
        Some(_) => (width - w) * align.share(),
    };
    let mut skel = Skeleton::new();
    let mut f = Fragment::new(Size::new(width, h));
    let mark = figure_mark(&mut skel, Skeleton::ANCHOR, img.alt.as_deref());
    f.push(
        Point::new(x, Abs::ZERO),
        ItemKind::Image {
            image: img.image.clone(),
            size: Size::new(w, h),
            span: img.span.clone(),
            // At the page's full width it is meant to run off both side edges.
            bleed: img.width.is_none() && w >= theme.page.w - Abs(0.01),
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
        // Under the image, as wide as it (within the column).
        let (cx0, cw) = if x >= Abs::ZERO && x + w <= width + Abs(0.01) {
            (x, w)
        } else {
            (Abs::ZERO, width)
        };
        let lines = cx
            .set_text(&mut skel, p, &caption.join(" "), &style, cw)
            .noted(
                Source::new("caption", &img.placement.span, "caption"),
                notes,
            );
        y = f.stack(lines, cx0, y + theme.image.caption_gap);
    }
    f.size.h = y;
    Block::atomic(skel, f)
}

/// A row of two to four images across the column, as tall as one another (so their widths
/// follow their shapes), each with its caption under it, and the row's caption under all.
/// Like an image, never taller than the margin box, and with smaller settings.
pub fn image_row(cx: &Cx, row: &ImageRow, width: Abs) -> Block {
    let theme = &cx.theme;
    let tallest = theme.area.size.h;
    let gaps = theme.image.row_gap * (row.images.len().saturating_sub(1)) as f64;
    // Side by side at one height h, the widths add up to h times the sum of the images'
    // width-to-height ratios.
    let across: f64 = row.images.iter().map(|i| 1.0 / aspect(i).max(1e-6)).sum();
    let mut h = (width - gaps) / across.max(1e-6);
    let mut notes = Vec::new();
    let mut b = row_at(cx, row, width, h, &mut notes);
    if b.height() > tallest {
        let captions = b.height() - h;
        h = (tallest - captions).max(Abs(1.0));
        loop {
            notes.clear();
            b = row_at(cx, row, width, h, &mut notes);
            if b.height() <= tallest || h <= Abs(1.0) {
                break;
            }
            h = h * NARROWING_STEP;
        }
        notes.push(
            Diagnostic::warning(
                "this row of images is taller than a page across the column; it is set narrower to fit",
                row.placement.span.clone(),
            )
            .with_help("use images of a wider shape, or fewer in the row"),
        );
    }
    b.smaller = SMALLER
        .iter()
        .map(|share| row_at(cx, row, width, h * *share, &mut Vec::new()))
        .collect();
    b.notes = notes;
    b.breaks.float = row.placement.float == Float::Moves;
    b
}

/// The row with its images `h` tall, centred in the column if narrower than it.
fn row_at(cx: &Cx, row: &ImageRow, width: Abs, h: Abs, notes: &mut Vec<Diagnostic>) -> Block {
    let theme = &cx.theme;
    let gap = theme.image.row_gap;
    let mut skel = Skeleton::new();
    let div = skel.node(Skeleton::ANCHOR, Role::Div);
    let widths: Vec<Abs> = row.images.iter().map(|i| h / aspect(i).max(1e-6)).collect();
    let used = widths.iter().fold(Abs::ZERO, |a, w| a + *w) + gap * (widths.len() as f64 - 1.0);
    let mut x = ((width - used) / 2.0).max(Abs::ZERO);
    let mut f = Fragment::new(Size::new(width, Abs::ZERO));
    for (img, w) in row.images.iter().zip(&widths) {
        let (s, part) = image_at(cx, img, *w, *w, notes).into_fragment();
        let remark = skel.adopt(div, s);
        f.place(remark.fragment(part), Point::new(x, Abs::ZERO));
        x += *w + gap;
    }
    let mut y = f.size.h;
    if let Some(caption) = &row.caption {
        let cap = skel.node(div, Role::Caption);
        let p = skel.node(cap, Role::Paragraph);
        let style = cx.style(&theme.text.caption, cx.palette.muted);
        let lines = cx.set_text(&mut skel, p, caption, &style, width).noted(
            Source::new("caption", &row.placement.span, "caption"),
            notes,
        );
        y = f.stack(lines, Abs::ZERO, y + theme.image.caption_gap);
    }
    f.size = Size::new(width, y);
    Block::atomic(skel, f)
}
