//! The front and back covers, composed for the page (they do not flow).
//!
//! Front: a field of the primary colour holding the period, title and subtitle; below it
//! the organisation, author and date, and the logo. Back: the organisation line and the
//! back text on the primary colour. Each cover is one block of one page-sized fragment,
//! measured like any other and placed whole on its page. Reading order is title, subtitle,
//! period, organisation, author, date, logo, whatever the visual order.

use super::block::Block;
use super::cx::Cx;
use super::fragment::{Fragment, Local, Skeleton, height};
use super::text::figure_mark;
use crate::frame::{ItemKind, Role};
use crate::geom::{Abs, Point, Size};
use crate::model::Block as MdBlock;

/// The front cover.
pub fn front(cx: &Cx) -> Block {
    let (pal, theme, meta) = (cx.palette, &cx.theme, &cx.report.meta);
    let (text, geo, m) = (&theme.text, &theme.cover, &theme.margins);
    let width = theme.measure();
    let (mut skel, node, mut f, field) = colour_field(cx);

    let style = cx.style(&text.cover_title, pal.paper);
    let h = skel.node(node, Role::Heading(1, meta.title.clone()));
    let title = cx.text(&mut skel, h, &meta.title, &style, width);
    let subtitle = meta.subtitle.as_ref().map(|s| {
        let style = cx.style(&text.cover_subtitle, pal.paper);
        let p = skel.node(node, Role::Paragraph);
        cx.text(&mut skel, p, s, &style, width)
    });
    let style = cx.style(&text.cover_period, pal.paper);
    let p = skel.node(node, Role::Paragraph);
    let period = cx.text(&mut skel, p, &meta.period, &style, width);

    // The period stands at the top of the field; title and subtitle sit at its foot.
    let mut y = m.top + geo.period_drop;
    y = f.stack(period, m.left, y);
    let sub_h = subtitle
        .as_ref()
        .map_or(Abs::ZERO, |s| height(s) + geo.subtitle_gap);
    let mut ty = field - m.bottom - sub_h - height(&title);
    ty = ty.max(y + geo.title_clearance);
    let ty = f.stack(title, m.left, ty);
    if let Some(sub) = subtitle {
        f.stack(sub, m.left, ty + geo.subtitle_gap);
    }

    let mut y = field + geo.below_field;
    let style = cx.style(&text.cover_organisation, pal.primary);
    let p = skel.node(node, Role::Paragraph);
    let org = cx.text(&mut skel, p, &meta.organisation, &style, width);
    y = f.stack(org, m.left, y);
    let style = cx.style(&text.cover_meta, pal.text);
    if meta.author != meta.organisation {
        let p = skel.node(node, Role::Paragraph);
        let lines = cx.text(&mut skel, p, &meta.author, &style, width);
        y = f.stack(lines, m.left, y + geo.author_gap);
    }
    let p = skel.node(node, Role::Paragraph);
    let date = format!(
        "{} {}",
        meta.strings.published,
        meta.strings.long_date(&meta.date)
    );
    let lines = cx.text(&mut skel, p, &date, &style, width);
    f.stack(lines, m.left, y);

    logo(cx, &mut skel, node, &mut f);
    f.size = theme.page;
    Block::atomic(skel, f)
}

/// The back cover.
pub fn back(cx: &Cx) -> Block {
    let (pal, theme, r) = (cx.palette, &cx.theme, cx.report);
    let (text, geo, m) = (&theme.text, &theme.cover, &theme.margins);
    let width = theme.measure();
    let (mut skel, node, mut f, field) = colour_field(cx);

    let style = cx.style(&text.back_organisation, pal.paper);
    let p = skel.node(node, Role::Paragraph);
    let org = cx.text(&mut skel, p, &r.meta.organisation, &style, width);
    let mut texts: Vec<Vec<Fragment>> = vec![org];
    let style = cx.style(&text.back_text, pal.paper);
    for block in &r.back {
        if let MdBlock::Paragraph(inlines) | MdBlock::Heading(_, inlines) = block {
            let p = skel.node(node, Role::Paragraph);
            texts.push(cx.paragraph(&mut skel, p, inlines, &style, width));
        }
    }
    // Set from the foot of the field upwards, so the text closes the report.
    let total = texts
        .iter()
        .fold(Abs::ZERO, |h, t| h + height(t) + geo.back_gap);
    let mut y = field - m.bottom - total;
    for t in texts {
        y = f.stack(t, m.left, y) + geo.back_gap;
    }
    logo(cx, &mut skel, node, &mut f);
    f.size = theme.page;
    Block::atomic(skel, f)
}

/// A cover's skeleton, its node, the fragment with the colour field drawn, and the field's
/// height.
fn colour_field(cx: &Cx) -> (Skeleton, Local, Fragment, Abs) {
    let theme = &cx.theme;
    let field = theme.page.h * theme.cover.field_share;
    let mut f = Fragment::default();
    f.rect(
        Point::default(),
        Size::new(theme.page.w, field),
        cx.palette.primary,
    );
    let mut skel = Skeleton::new();
    let node = skel.node(Skeleton::ANCHOR, Role::Div);
    (skel, node, f, field)
}

/// The logo, at the left margin, bottom-aligned on the bottom margin, as a figure with its
/// alt text.
fn logo(cx: &Cx, skel: &mut Skeleton, parent: Local, f: &mut Fragment) {
    let Some(logo) = &cx.report.logo else {
        return;
    };
    let theme = &cx.theme;
    let s = logo.image.size;
    let w = theme.cover.logo_width;
    let h = w * (s.h.to_pt() / s.w.to_pt().max(1.0));
    let bottom = theme.page.h - theme.margins.bottom;
    let mark = figure_mark(skel, parent, logo.alt.as_deref());
    f.push(
        Point::new(theme.margins.left, bottom - h),
        ItemKind::Image {
            image: logo.image.clone(),
            size: Size::new(w, h),
            span: logo.span.clone(),
        },
        mark,
    );
}
