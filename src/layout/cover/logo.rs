//! The logo on a cover: the version made for its ground (`logo` on paper, `logo_on_field`
//! on the brand colour), or the other on a small panel of the ground it was made for; never
//! taller than the theme allows, shrinking (to a point) to leave room for the text.

use super::{Ground, Sheet};
use crate::frame::ItemKind;
use crate::geom::{Abs, Color, Point, Size};
use crate::layout::cx::Cx;
use crate::layout::text::figure_mark;
use crate::model::Logo;

/// The logo to set on `ground`: the version made for it, or the other on a panel of the
/// ground it was made for; with the panel's colour.
fn logo_for<'a>(cx: &'a Cx, ground: Ground) -> Option<(&'a Logo, Option<Color>)> {
    let r = cx.report;
    match ground {
        Ground::Paper => r.logo.as_ref().map(|l| (l, None)).or_else(|| {
            r.logo_on_field
                .as_ref()
                .map(|l| (l, Some(cx.palette.primary)))
        }),
        Ground::Field => r
            .logo_on_field
            .as_ref()
            .map(|l| (l, None))
            .or_else(|| r.logo.as_ref().map(|l| (l, Some(cx.palette.paper)))),
    }
}

/// The size of the logo's box on `ground` (with its panel), at most `room` tall.
pub(super) fn logo_box(cx: &Cx, ground: Ground, room: Abs) -> Option<Size> {
    let (logo, panel) = logo_for(cx, ground)?;
    let geo = &cx.theme.cover;
    let pad = if panel.is_some() {
        geo.plate_pad * 2.0
    } else {
        Abs::ZERO
    };
    let s = logo.image.size;
    let ratio = s.h.to_pt() / s.w.to_pt().max(1.0);
    let mut w = geo.logo_width;
    let mut h = w * ratio;
    let most = geo
        .logo_height
        .min(room - pad)
        .max(geo.logo_height * geo.logo_least);
    if h > most {
        h = most;
        w = h / ratio.max(1e-6);
    }
    Some(Size::new(w + pad, h + pad))
}

/// Draws the logo for `ground` in a box of `size` (from [`logo_box`]) at `at`, as a figure
/// with its alt text.
pub(super) fn draw_logo(cx: &Cx, sheet: &mut Sheet, ground: Ground, at: Point, size: Size) {
    let Some((logo, panel)) = logo_for(cx, ground) else {
        return;
    };
    let mut at = at;
    let mut size = size;
    if let Some(colour) = panel {
        sheet.f.rect(at, size, colour);
        let pad = cx.theme.cover.plate_pad;
        at = Point::new(at.x + pad, at.y + pad);
        size = Size::new(size.w - pad * 2.0, size.h - pad * 2.0);
    }
    let mark = figure_mark(&mut sheet.skel, sheet.node, logo.alt.as_deref());
    sheet.f.push(
        at,
        ItemKind::Image {
            image: logo.image.clone(),
            size,
            span: logo.span.clone(),
            crop: None,
            bleed: false,
        },
        mark,
    );
}
