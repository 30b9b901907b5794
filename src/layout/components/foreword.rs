//! A foreword: a message from the chair or chief executive, the text beside their portrait.
//!
//! In: the foreword and a width. Out: one block. Its first slice holds the portrait
//! (cropped to a portrait's shape, its focus kept), the name and role under it, and the
//! first lines of the text in the column beside it, as many as the portrait is tall; every
//! later line of the text is a slice of its own in the same column, so a long message
//! continues on the next page by lines, keeping each paragraph's first and last two lines
//! together (orphan and widow control, as body text has). The signature, when given,
//! closes the text. On a page too narrow for a column beside the portrait (A5, large print),
//! the portrait and byline stand above the text, which takes the whole width.
//!
//! The text is measured by the same code as body text (`layout::markdown`) and composed
//! into the block: each paragraph's skeleton is adopted under the foreword's node and its
//! lines re-marked. Reading order: the portrait (a figure with its alt text), the name, the
//! role, then the message; the signature is decoration (the name is printed).

use crate::frame::{Artifact, ItemKind, Role};
use crate::geom::{Abs, Point, Rect, Size};
use crate::layout::block::{Block, Breaks, Flow, ORPHANS, WIDOWS};
use crate::layout::cx::Cx;
use crate::layout::fragment::{Fragment, Local, Mark, Skeleton, height};
use crate::layout::markdown;
use crate::layout::text::figure_mark;
use crate::model::{Foreword, Portrait};

/// A portrait is four wide to five tall, as photographers frame head and shoulders.
const PORTRAIT_RATIO: f64 = 5.0 / 4.0;

/// The foreword at `width`.
pub fn foreword(cx: &Cx, f: &Foreword, width: Abs) -> Block {
    let geo = &cx.theme.foreword;
    let mut skel = Skeleton::new();
    let node = skel.node(Skeleton::ANCHOR, Role::Div);
    let column = (width * geo.portrait_share).min(geo.portrait_most);
    let beside = width - column - geo.gap;
    let side_by_side = f.portrait.is_some() && beside >= geo.least_measure;

    let (lead, text_x, text_w) = if side_by_side {
        let lead = portrait_column(cx, &mut skel, node, f, column);
        (lead, column + geo.gap, beside)
    } else {
        (byline_row(cx, &mut skel, node, f, width), Abs::ZERO, width)
    };
    let mut rows = text_rows(cx, &mut skel, node, f, text_w);
    if let Some(sig) = signature(cx, f, text_w) {
        // The signature stays with the message's last lines.
        let last = rows.last().map_or(0, |r| r.2);
        rows.push((sig.0, sig.1, last));
    }
    let mut rows = glue(rows);

    let mut slices = Vec::new();
    let mut first = lead;
    if side_by_side {
        // The portrait column, and beside it as many lines as it is tall.
        let column_h = first.size.h;
        let mut y = Abs::ZERO;
        let mut taken = 0;
        while taken < rows.len() && (y < column_h || taken == 0) {
            let (gap, line) = rows[taken].clone();
            y += if taken > 0 { gap } else { Abs::ZERO };
            let h = line.size.h;
            first.place(line, Point::new(text_x, y));
            y += h;
            taken += 1;
        }
        first.size = Size::new(width, column_h.max(y));
        slices.push(first);
        rows.drain(..taken);
        for (gap, line) in rows {
            push_after(&mut slices, line, gap, text_x);
        }
    } else {
        let gap = geo.byline_after;
        slices.push(first);
        for (i, (g, line)) in rows.into_iter().enumerate() {
            push_after(&mut slices, line, if i == 0 { gap } else { g }, text_x);
        }
    }
    Block {
        skeleton: skel,
        slices,
        // Each slice is a unit that keeps its paragraph's widow and orphan rules.
        breaks: Breaks {
            min_head: 1,
            min_tail: 1,
            ..Breaks::default()
        },
        ..Block::default()
    }
}

/// Adds a line moved across to the text column, with the gap above it kept at the foot of
/// the slice before: at a page foot it falls away unseen, and no page starts with a gap.
fn push_after(slices: &mut Vec<Fragment>, line: Fragment, gap: Abs, x: Abs) {
    if let Some(last) = slices.last_mut() {
        last.size.h += gap;
    }
    let mut f = Fragment::default();
    f.place(line, Point::new(x, Abs::ZERO));
    slices.push(f);
}

/// The portrait at the column's width, the name and the role under it.
fn portrait_column(
    cx: &Cx,
    skel: &mut Skeleton,
    node: Local,
    f: &Foreword,
    column: Abs,
) -> Fragment {
    let geo = &cx.theme.foreword;
    let mut out = Fragment::default();
    let mut y = Abs::ZERO;
    if let Some(p) = &f.portrait {
        let h = column * PORTRAIT_RATIO;
        draw_portrait(
            skel,
            node,
            &mut out,
            p,
            Rect::new(Abs::ZERO, Abs::ZERO, column, h),
        );
        y = h + geo.byline_gap;
    }
    let lines = byline(cx, skel, node, f, column);
    out.stack(lines, Abs::ZERO, y);
    out
}

/// The portrait, smaller, beside the name and role: what stands above the text when there is
/// no room for a column beside it.
fn byline_row(cx: &Cx, skel: &mut Skeleton, node: Local, f: &Foreword, width: Abs) -> Fragment {
    let geo = &cx.theme.foreword;
    let mut out = Fragment::default();
    let (x, h) = match &f.portrait {
        Some(p) => {
            let w = (width * geo.small_share).min(geo.portrait_most);
            let h = w * PORTRAIT_RATIO;
            draw_portrait(
                skel,
                node,
                &mut out,
                p,
                Rect::new(Abs::ZERO, Abs::ZERO, w, h),
            );
            (w + geo.gap, h)
        }
        None => (Abs::ZERO, Abs::ZERO),
    };
    let lines = byline(cx, skel, node, f, width - x);
    // Name and role stand at the foot of the portrait, as a caption beside it.
    let y = (h - height(&lines)).max(Abs::ZERO);
    out.stack(lines, x, y);
    out.size = Size::new(width, out.size.h.max(h));
    out
}

fn draw_portrait(skel: &mut Skeleton, node: Local, out: &mut Fragment, p: &Portrait, frame: Rect) {
    let (pos, size, crop) = crate::layout::crop::fill(p.image.size, p.focus, frame);
    let mark = figure_mark(skel, node, Some(&p.alt));
    out.push(
        pos,
        ItemKind::Image {
            image: p.image.clone(),
            size,
            span: p.span.clone(),
            crop: Some(crop),
            bleed: false,
        },
        mark,
    );
    out.size.w = out.size.w.max(frame.right());
    out.size.h = out.size.h.max(frame.bottom());
}

/// The name (bold) and the role under it.
fn byline(cx: &Cx, skel: &mut Skeleton, node: Local, f: &Foreword, width: Abs) -> Vec<Fragment> {
    let text = &cx.theme.text;
    let p = skel.node(node, Role::Paragraph);
    let mut lines = cx.text(
        skel,
        p,
        &f.name,
        &cx.style(&text.card_label, cx.ink.primary),
        width,
    );
    if let Some(role) = &f.role {
        let p = skel.node(node, Role::Paragraph);
        lines.extend(cx.text(
            skel,
            p,
            role,
            &cx.style(&text.card_detail, cx.ink.muted),
            width,
        ));
    }
    lines
}

/// Rows stacked into the units the flow may break between: rows of one group make one.
fn glue(rows: Vec<(Abs, Fragment, usize)>) -> Vec<(Abs, Fragment)> {
    let mut out: Vec<(Abs, Fragment, usize)> = Vec::new();
    for (gap, line, group) in rows {
        match out.last_mut() {
            Some((_, unit, g)) if *g == group => {
                let y = unit.size.h + gap;
                unit.place(line, Point::new(Abs::ZERO, y));
            }
            _ => out.push((gap, line, group)),
        }
    }
    out.into_iter().map(|(gap, unit, _)| (gap, unit)).collect()
}

/// The message as lines, composed into the foreword's skeleton, each with the gap above it
/// and the group it must stay with: a paragraph's first [`ORPHANS`] lines make one group
/// and its last [`WIDOWS`] another, so a page never ends on a paragraph's first line or
/// starts on its last.
fn text_rows(
    cx: &Cx,
    skel: &mut Skeleton,
    node: Local,
    f: &Foreword,
    width: Abs,
) -> Vec<(Abs, Fragment, usize)> {
    let mut rows = Vec::new();
    let mut group = 0;
    let mut open = vec![node];
    let mut first = true;
    let source = super::super::text::Source::new("text", &f.placement.span, "foreword");
    for item in markdown::flow(cx, &f.text, width, source) {
        let parent = *open
            .last()
            .expect("invariant: the foreword's node stays open");
        match item {
            Flow::Open(role) => open.push(skel.node(parent, role)),
            Flow::Close => {
                if open.len() > 1 {
                    open.pop();
                }
            }
            Flow::Block(b) => {
                let remark = skel.adopt(parent, b.skeleton);
                let n = b.slices.len();
                for (i, s) in b.slices.into_iter().enumerate() {
                    let gap = if i == 0 && !first {
                        b.space_before
                    } else {
                        Abs::ZERO
                    };
                    // Middle lines stand alone; the head and the tail stay together.
                    if i == 0 || (i >= ORPHANS && i <= n.saturating_sub(WIDOWS)) {
                        group += 1;
                    }
                    rows.push((gap, remark.fragment(s), group));
                }
                first = false;
            }
            // Markdown inside a foreword is never set in columns.
            Flow::Columns(_) => {}
        }
    }
    rows
}

/// The signature, under the text: decoration, since the name is printed.
fn signature(cx: &Cx, f: &Foreword, width: Abs) -> Option<(Abs, Fragment)> {
    let img = f.signature.as_ref()?;
    let geo = &cx.theme.foreword;
    let ratio = img.size.w.to_pt() / img.size.h.to_pt().max(1.0);
    let h = geo.signature.min(width / ratio.max(1e-6));
    let mut out = Fragment::new(Size::new(h * ratio, h));
    out.push(
        Point::default(),
        ItemKind::Image {
            image: img.clone(),
            size: Size::new(h * ratio, h),
            span: img.span.clone(),
            crop: None,
            bleed: false,
        },
        Mark::Artifact(Artifact::Decoration),
    );
    Some((geo.signature_gap, out))
}
