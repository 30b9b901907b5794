//! The front and back covers, composed directly (they do not flow).
//!
//! Front: a field of the primary colour holding the period, title and subtitle; below it
//! the organisation, author and date, and the logo. Back: the organisation line and the
//! back text on the primary colour. Reading order is title, subtitle, period,
//! organisation, author, date, logo, whatever the visual order.

use super::flow::Slice;
use super::style::{Ctx, rect};
use crate::frame::{Item, ItemKind, NodeId, Role, Structure};
use crate::geom::{Abs, Point, Size};
use crate::model::Block as MdBlock;

/// The colour field covers this share of the cover's height.
const FIELD_SHARE: f64 = 0.62;
const PERIOD_SIZE: f64 = 88.0;
const TITLE_SIZE: f64 = 34.0;
const SUBTITLE_SIZE: f64 = 15.0;
const ORG_SIZE: f64 = 18.0;
const META_SIZE: f64 = 11.0;
/// The logo's width on the covers.
const LOGO_WIDTH: Abs = Abs(170.0);

/// The front cover's items.
pub fn front(ctx: &mut Ctx) -> Vec<Item> {
    let r = ctx.report;
    let (pal, page, meta) = (r.palette, r.page, &r.meta);
    let (mut items, node, width, field) = colour_field(ctx);

    let title_style = ctx.display(TITLE_SIZE, pal.paper, true, 1.12);
    let h = ctx
        .structure
        .push(node, Role::Heading(1, meta.title.clone()));
    let title = ctx.text(&meta.title, &title_style, width, h);
    let subtitle = meta.subtitle.as_ref().map(|s| {
        let style = ctx.display(SUBTITLE_SIZE, pal.paper, false, 1.35);
        let p = ctx.structure.push(node, Role::Paragraph);
        ctx.text(s, &style, width, p)
    });
    let period_style = ctx.display(PERIOD_SIZE, pal.paper, true, 1.0);
    let p = ctx.structure.push(node, Role::Paragraph);
    let period = ctx.text(&meta.period, &period_style, width, p);

    // The period stands at the top of the field; title and subtitle sit at its foot.
    let mut y = page.top + Abs(10.0);
    y = place(&mut items, period, page.left, y);
    let sub_h = subtitle
        .as_ref()
        .map_or(Abs::ZERO, |s| height(s) + Abs(12.0));
    let mut ty = field - page.bottom - sub_h - height(&title);
    ty = ty.max(y + Abs(24.0));
    let ty = place(&mut items, title, page.left, ty);
    if let Some(sub) = subtitle {
        place(&mut items, sub, page.left, ty + Abs(12.0));
    }

    let mut y = field + Abs(28.0);
    let org_style = ctx.display(ORG_SIZE, pal.primary, true, 1.25);
    let p = ctx.structure.push(node, Role::Paragraph);
    let org = ctx.text(&meta.organisation, &org_style, width, p);
    y = place(&mut items, org, page.left, y);
    let meta_style = ctx.display(META_SIZE, pal.text, false, 1.45);
    if meta.author != meta.organisation {
        let p = ctx.structure.push(node, Role::Paragraph);
        let lines = ctx.text(&meta.author, &meta_style, width, p);
        y = place(&mut items, lines, page.left, y + Abs(2.0));
    }
    let p = ctx.structure.push(node, Role::Paragraph);
    let date = format!("Published {}", meta.date.long());
    let lines = ctx.text(&date, &meta_style, width, p);
    place(&mut items, lines, page.left, y);

    logo(ctx, node, &mut items, page.left, page.size.h - page.bottom);
    items
}

/// The back cover's items.
pub fn back(ctx: &mut Ctx) -> Vec<Item> {
    let r = ctx.report;
    let (pal, page, meta) = (r.palette, r.page, &r.meta);
    let (mut items, node, width, field) = colour_field(ctx);

    let org_style = ctx.display(ORG_SIZE + 4.0, pal.paper, true, 1.2);
    let p = ctx.structure.push(node, Role::Paragraph);
    let org = ctx.text(&meta.organisation, &org_style, width, p);
    let mut texts: Vec<Vec<Slice>> = vec![org];
    let text_style = ctx.display(META_SIZE, pal.paper, false, 1.45);
    for block in &r.back {
        if let MdBlock::Paragraph(inlines) | MdBlock::Heading(_, inlines) = block {
            let p = ctx.structure.push(node, Role::Paragraph);
            texts.push(ctx.paragraph(inlines, &text_style, width, p));
        }
    }
    // Set from the foot of the field upwards, so the text closes the report.
    let total = texts
        .iter()
        .fold(Abs::ZERO, |h, t| h + height(t) + Abs(8.0));
    let mut y = field - page.bottom - total;
    for t in texts {
        y = place(&mut items, t, page.left, y) + Abs(8.0);
    }
    logo(ctx, node, &mut items, page.left, page.size.h - page.bottom);
    items
}

/// A cover's colour field and structure node; also the text width and the field's height.
fn colour_field(ctx: &mut Ctx) -> (Vec<Item>, NodeId, Abs, Abs) {
    let (pal, page) = (ctx.report.palette, ctx.report.page);
    let width = page.size.w - page.left - page.right;
    let field = page.size.h * FIELD_SHARE;
    let items = vec![rect(Abs::ZERO, Abs::ZERO, page.size.w, field, pal.primary)];
    let node = ctx.structure.push(Structure::ROOT, Role::Div);
    (items, node, width, field)
}

/// The logo, bottom-aligned at `bottom`, as a figure with its alt text.
fn logo(ctx: &mut Ctx, parent: NodeId, items: &mut Vec<Item>, x: Abs, bottom: Abs) {
    let Some(logo) = &ctx.report.logo else {
        return;
    };
    let s = logo.image.size;
    let w = LOGO_WIDTH;
    let h = w * (s.h.to_pt() / s.w.to_pt().max(1.0));
    let tag = ctx.figure_tag(parent, logo.alt.as_deref());
    items.push(Item {
        pos: Point::new(x, bottom - h),
        kind: ItemKind::Image {
            image: logo.image.clone(),
            size: Size::new(w, h),
            span: logo.span.clone(),
        },
        tag,
    });
}

fn height(slices: &[Slice]) -> Abs {
    slices.iter().fold(Abs::ZERO, |h, s| h + s.height)
}

/// Places line slices from `y` at `x`; returns the bottom.
fn place(items: &mut Vec<Item>, slices: Vec<Slice>, x: Abs, y: Abs) -> Abs {
    let mut y = y;
    for s in slices {
        items.extend(s.items.into_iter().map(|mut i| {
            i.pos = i.pos + Point::new(x, y);
            i
        }));
        y += s.height;
    }
    y
}
