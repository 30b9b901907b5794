//! Timelines: dated milestones, down the page or across it.
//!
//! In: a timeline and a width. Out: flow items. Down the page, a milestone is a block of its
//! own — its date in a column at the left, a dot on a rail, its title and text beside — so
//! the flow may split a long timeline between milestones, never inside one; the rail is
//! drawn by each milestone over its own height, so it runs unbroken on every page. Across
//! the page (when the milestones fit side by side, or when asked), the dates stand above one
//! rail and each milestone's words below its dot, in one block.
//!
//! Either way it is tagged as a list: each milestone a list item whose label is its date and
//! whose body is its title and text, in order; the rail and dots are decoration. A title,
//! when given, is a paragraph kept with the first milestone.

use crate::frame::{Artifact, ItemKind, Role};
use crate::geom::{Abs, Point, Size};
use crate::icons;
use crate::layout::block::{Block, Flow};
use crate::layout::cx::Cx;
use crate::layout::fragment::{Fragment, Local, Mark, Skeleton, height};
use crate::model::{Milestone, TIMELINE_MAX_ACROSS as MAX_ACROSS, Timeline, TimelineLayout};

/// The timeline's flow at `width`, with `gap` above and below it.
pub fn timeline(cx: &Cx, t: &Timeline, width: Abs, gap: Abs) -> Vec<Flow> {
    let mut out = Vec::new();
    if let Some(title) = &t.title {
        let style = cx.style(&cx.theme.text.figure_title, cx.ink.text);
        let mut skel = Skeleton::new();
        let p = skel.node(Skeleton::ANCHOR, Role::Paragraph);
        let lines = cx.text(&mut skel, p, title, &style, width);
        let mut b = Block::lines(skel, lines).keep_with_next();
        b.breaks.keep_together = true;
        b.space_before = gap;
        b.space_after = cx.theme.chart.title_after;
        out.push(Flow::Block(b));
    }
    let across = match t.layout {
        TimelineLayout::Vertical => None,
        TimelineLayout::Horizontal => horizontal(cx, &t.milestones, width, false),
        TimelineLayout::Auto => horizontal(cx, &t.milestones, width, true),
    };
    let before = if t.title.is_some() { Abs::ZERO } else { gap };
    match across {
        Some(b) => out.push(Flow::Block(b.spaced(before, gap))),
        None => {
            out.push(Flow::Open(Role::List { ordered: false }));
            let n = t.milestones.len();
            for (i, m) in t.milestones.iter().enumerate() {
                let date_w = date_column(cx, &t.milestones, width);
                let mut b = vertical_item(cx, m, width, date_w, i == 0, i + 1 == n);
                if i == 0 {
                    b.space_before = before;
                }
                if i + 1 == n {
                    b.space_after = gap;
                }
                out.push(Flow::Block(b));
            }
            out.push(Flow::Close);
        }
    }
    out
}

/// The width of the date column: the widest date, but never more than a share of the width.
fn date_column(cx: &Cx, ms: &[Milestone], width: Abs) -> Abs {
    let style = cx.style(&cx.theme.text.timeline_date, cx.ink.primary);
    let geo = &cx.theme.timeline;
    ms.iter()
        .map(|m| cx.measure(&m.date, &style))
        .fold(Abs::ZERO, Abs::max)
        .min(width * geo.date_share)
}

/// The list item of one milestone: label (the date) and body (title, text), under `parent`.
/// Returns the label's lines and the body's lines.
fn item(
    cx: &Cx,
    skel: &mut Skeleton,
    parent: Local,
    m: &Milestone,
    date_w: Abs,
    body_w: Abs,
) -> (Vec<Fragment>, Vec<Fragment>) {
    let (text, geo) = (&cx.theme.text, &cx.theme.timeline);
    let li = skel.node(parent, Role::ListItem);
    let lbl = skel.node(li, Role::ListLabel);
    let date = cx.text(
        skel,
        lbl,
        &m.date,
        &cx.style(&text.timeline_date, cx.ink.primary),
        date_w,
    );
    let body = skel.node(li, Role::ListBody);
    let mut lines = Vec::new();
    if let Some(title) = &m.title {
        let p = skel.node(body, Role::Paragraph);
        let style = cx.style(&text.timeline_title, cx.ink.text);
        lines.extend(cx.text(skel, p, title, &style, body_w));
    }
    if let Some(words) = &m.text {
        let p = skel.node(body, Role::Paragraph);
        let style = cx.style(&text.timeline_text, cx.ink.text);
        let mut set = cx.text(skel, p, words, &style, body_w);
        if m.title.is_some()
            && let Some(first) = set.first_mut()
        {
            // The gap above the text belongs to its first line.
            first
                .items
                .iter_mut()
                .for_each(|p| p.pos.y += geo.title_gap);
            first.size.h += geo.title_gap;
        }
        lines.extend(set);
    }
    (date, lines)
}

/// One milestone down the page: date, dot on the rail, and words, as one block whose
/// height includes the gap to the next milestone (so the rail is drawn unbroken).
fn vertical_item(
    cx: &Cx,
    m: &Milestone,
    width: Abs,
    date_w: Abs,
    first: bool,
    last: bool,
) -> Block {
    let geo = &cx.theme.timeline;
    let rail_x = date_w + geo.date_gap;
    let body_x = rail_x + geo.rail;
    let mut skel = Skeleton::new();
    let (date, body) = item(cx, &mut skel, Skeleton::ANCHOR, m, date_w, width - body_x);
    let first_line = date.first().map_or(Abs::ZERO, |l| l.size.h);
    let h = height(&date).max(height(&body)) + if last { Abs::ZERO } else { geo.item_gap };
    let mut f = Fragment::new(Size::new(width, h));
    let dot_y = first_line / 2.0 - geo.dot / 2.0;
    let line_x = rail_x + geo.rail / 2.0 - geo.line / 2.0;
    let (top, bottom) = (
        if first {
            dot_y + geo.dot / 2.0
        } else {
            Abs::ZERO
        },
        if last { dot_y + geo.dot / 2.0 } else { h },
    );
    if bottom > top {
        f.rect(
            Point::new(line_x, top),
            Size::new(geo.line, bottom - top),
            cx.palette.accent,
        );
    }
    dot(
        cx,
        &mut f,
        Point::new(rail_x + geo.rail / 2.0 - geo.dot / 2.0, dot_y),
    );
    f.stack(date, Abs::ZERO, Abs::ZERO);
    f.stack(body, body_x, Abs::ZERO);
    f.size = Size::new(width, h);
    Block::atomic(skel, f)
}

/// A milestone's dot.
fn dot(cx: &Cx, f: &mut Fragment, at: Point) {
    let d = cx.theme.timeline.dot;
    f.push(
        at,
        ItemKind::Image {
            image: icons::dot(cx.palette.primary),
            size: Size::new(d, d),
            span: None,
            crop: None,
            bleed: false,
        },
        Mark::Artifact(Artifact::Decoration),
    );
}

/// The milestones across the page in one block, if they fit: at most [`MAX_ACROSS`], each
/// column at least the theme's least width, every line within its column, and (when
/// `only_if_short`, for `auto`) no column taller than a third of the page's text area.
fn horizontal(cx: &Cx, ms: &[Milestone], width: Abs, only_if_short: bool) -> Option<Block> {
    let geo = &cx.theme.timeline;
    let n = ms.len();
    if n > MAX_ACROSS || n == 0 {
        return None;
    }
    let col = (width - geo.column_gap * (n as f64 - 1.0)) / n as f64;
    if only_if_short && col < geo.least_column {
        return None;
    }
    let mut skel = Skeleton::new();
    let list = skel.node(Skeleton::ANCHOR, Role::List { ordered: false });
    let set: Vec<(Vec<Fragment>, Vec<Fragment>)> = ms
        .iter()
        .map(|m| item(cx, &mut skel, list, m, col, col))
        .collect();
    let too_wide = set
        .iter()
        .flat_map(|(d, b)| d.iter().chain(b))
        .any(|l| l.size.w > col + Abs(0.5));
    let date_h = set.iter().map(|(d, _)| height(d)).fold(Abs::ZERO, Abs::max);
    let body_h = set.iter().map(|(_, b)| height(b)).fold(Abs::ZERO, Abs::max);
    if only_if_short && (too_wide || body_h > cx.theme.area.size.h / 3.0) {
        return None;
    }
    let rail_y = date_h + geo.date_gap + geo.dot / 2.0;
    let body_y = rail_y + geo.dot / 2.0 + geo.date_gap;
    let mut f = Fragment::default();
    f.rect(
        Point::new(Abs::ZERO, rail_y - geo.line / 2.0),
        Size::new(width, geo.line),
        cx.palette.accent,
    );
    for (i, (date, body)) in set.into_iter().enumerate() {
        let x = (col + geo.column_gap) * i as f64;
        dot(cx, &mut f, Point::new(x, rail_y - geo.dot / 2.0));
        // Dates sit on the rail: their feet level, whatever their number of lines.
        f.stack(date.clone(), x, date_h - height(&date));
        f.stack(body, x, body_y);
    }
    f.size = Size::new(width, body_y + body_h);
    Some(Block::atomic(skel, f))
}
