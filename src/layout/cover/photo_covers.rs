//! The `photo` and `split` designs: the photograph over the whole page with the title on a
//! scrim at its foot over a band of the brand colour, or the photograph across the top with
//! the brand colour below holding everything else.

use super::fit::{self, Part};
use super::logo::{draw_logo, logo_box};
use super::photo;
use super::{Ground, Sheet, credit, display, eyebrow_order, imprint, line_need, overflow};
use crate::frame::{Artifact, ItemKind};
use crate::geom::{Abs, Color, Point, Rect, Size};
use crate::layout::block::Block;
use crate::layout::cx::Cx;
use crate::layout::fragment::{Fragment, Mark, Skeleton};
use crate::layout::text::figure_mark;

/// The `photo` design.
pub(super) fn photograph(cx: &Cx) -> Block {
    let (theme, cover) = (&cx.theme, &cx.report.cover);
    let (geo, m, page) = (&theme.cover, &theme.margins, theme.page);
    let photo = cover
        .photo
        .as_ref()
        .expect("invariant: the photo design has a photo");
    let width = theme.measure();
    let mut sheet = Sheet::new();

    // The band at the foot: the imprint beside the logo, the band as tall as they need.
    let logo = logo_box(cx, Ground::Field, page.h * (geo.band_most - geo.band_share));
    let beside = logo.map_or(Abs::ZERO, |l| l.w + geo.logo_gap);
    let mut parts = imprint(cx, Ground::Field);
    parts.extend(credit(cx, cx.ink.on_field));
    let natural = fit::fit(
        cx,
        &mut Skeleton::new(),
        Skeleton::ANCHOR,
        &parts,
        width - beside,
        page.h,
    )
    .height;
    let inner = natural.max(logo.map_or(Abs::ZERO, |l| l.h));
    let band = (inner + geo.band_gap + m.bottom)
        .max(page.h * geo.band_share)
        .min(page.h * geo.band_most);
    let band_top = page.h - band;

    // The title block, bottom-aligned above the band, over the photograph.
    let text_foot = band_top - geo.band_gap;
    let display_parts = display(cx, cx.ink.on_field);
    let set = fit::fit(
        cx,
        &mut sheet.skel,
        sheet.node,
        &display_parts,
        width,
        text_foot - m.top,
    );
    if !set.fits {
        sheet.notes.push(overflow(
            "title",
            "the photograph above the band",
            cover.spans.title.clone(),
            "shorten the title — the subtitle can carry the rest — or choose a larger page",
            cx.theme.text.cover_title.size * set.scale,
        ));
    }
    let (lines, text_top) = eyebrow_order(cx, set, m.left, text_foot);

    // The photograph, the scrim under the title, then the band.
    let frame = Rect::new(Abs::ZERO, Abs::ZERO, page.w, page.h);
    let placed = photo::place(photo, frame, page, cx.report.print.bleed);
    let opacity = lines
        .iter()
        .map(|(at, l)| {
            let need = line_need(cx, l);
            let area = Rect::new(at.x, at.y, l.size.w, l.size.h);
            placed.scrim_for(photo, area, cx.ink.on_field, cx.palette.primary, need)
        })
        .fold(photo::LEAST_OPACITY, f64::max);
    let mark = figure_mark(&mut Skeleton::new(), Skeleton::ANCHOR, None);
    sheet.f.push(placed.pos, placed.item(photo), mark);
    let scrim_top = text_top - geo.band_gap;
    scrim(&mut sheet.f, cx, scrim_top, band_top, opacity);
    sheet.f.rect(
        Point::new(Abs::ZERO, band_top),
        Size::new(page.w, band),
        cx.palette.primary,
    );
    for (at, l) in lines {
        sheet.f.place(l, at);
    }
    let set = fit::fit(
        cx,
        &mut sheet.skel,
        sheet.node,
        &parts,
        width - beside,
        band - geo.band_gap - m.bottom,
    );
    if !set.fits {
        sheet.notes.push(overflow(
            "organisation, author and date",
            "the band at its foot",
            cover.spans.organisation.clone(),
            "shorten them, give a smaller logo, or choose a larger page",
            cx.theme.text.cover_organisation.size * set.scale,
        ));
    }
    set.stack(&mut sheet.f, m.left, band_top + geo.band_gap);
    if let Some(size) = logo {
        let at = Point::new(page.w - m.right - size.w, page.h - m.bottom - size.h);
        draw_logo(cx, &mut sheet, Ground::Field, at, size);
    }
    photo_figure(&mut sheet, photo);
    sheet.finish(cx)
}

/// The `split` design.
pub(super) fn split(cx: &Cx) -> Block {
    let (theme, cover) = (&cx.theme, &cx.report.cover);
    let (geo, m, page) = (&theme.cover, &theme.margins, theme.page);
    let photo = cover
        .photo
        .as_ref()
        .expect("invariant: the split design has a photo");
    let width = theme.measure();
    let mut sheet = Sheet::new();
    let foot = page.h - m.bottom;

    // The field holds the title block from its top and the imprint beside the logo at its
    // foot; the photograph yields room to them (down to `split_least` of the page) before
    // any text is made smaller.
    let logo = logo_box(cx, Ground::Field, page.h * (1.0 - geo.split_least) / 3.0);
    let beside = logo.map_or(Abs::ZERO, |l| l.w + geo.logo_gap);
    let mut imprint_parts = imprint(cx, Ground::Field);
    imprint_parts.extend(credit(cx, cx.ink.on_field));
    let natural = |parts: &[Part], width: Abs| {
        fit::fit(
            cx,
            &mut Skeleton::new(),
            Skeleton::ANCHOR,
            parts,
            width,
            page.h,
        )
        .height
    };
    let display_parts = display(cx, cx.ink.on_field);
    let imprint_h = natural(&imprint_parts, width - beside).max(logo.map_or(Abs::ZERO, |l| l.h));
    let need = m.top + natural(&display_parts, width) + geo.band_gap + imprint_h + m.bottom;
    let photo_h = (page.h - need)
        .min(page.h * geo.split_share)
        .max(page.h * geo.split_least);
    let frame = Rect::new(Abs::ZERO, Abs::ZERO, page.w, photo_h);
    let placed = photo::place(photo, frame, page, cx.report.print.bleed);
    let mark = figure_mark(&mut Skeleton::new(), Skeleton::ANCHOR, None);
    sheet.f.push(placed.pos, placed.item(photo), mark);
    sheet.f.rect(
        Point::new(Abs::ZERO, photo_h),
        Size::new(page.w, page.h - photo_h),
        cx.palette.primary,
    );

    let top = photo_h + m.top;
    let imprint_room = imprint_h.min((foot - top) / 2.0);
    let display_room = foot - top - imprint_room - geo.band_gap;
    let set = fit::fit(
        cx,
        &mut sheet.skel,
        sheet.node,
        &display_parts,
        width,
        display_room,
    );
    if !set.fits {
        sheet.notes.push(overflow(
            "title",
            "its colour field",
            cover.spans.title.clone(),
            "shorten the title — the subtitle can carry the rest — or choose a larger page",
            cx.theme.text.cover_title.size * set.scale,
        ));
    }
    let h = set.height;
    let (lines, _) = eyebrow_order(cx, set, m.left, top + h);
    for (at, l) in lines {
        sheet.f.place(l, at);
    }
    let set = fit::fit(
        cx,
        &mut sheet.skel,
        sheet.node,
        &imprint_parts,
        width - beside,
        imprint_room,
    );
    if !set.fits {
        sheet.notes.push(overflow(
            "organisation, author and date",
            "its colour field",
            cover.spans.organisation.clone(),
            "shorten them, give a smaller logo, or choose a larger page",
            cx.theme.text.cover_organisation.size * set.scale,
        ));
    }
    let y = foot - set.height;
    set.stack(&mut sheet.f, m.left, y);
    if let Some(size) = logo {
        let at = Point::new(page.w - m.right - size.w, foot - size.h);
        draw_logo(cx, &mut sheet, Ground::Field, at, size);
    }
    photo_figure(&mut sheet, photo);
    sheet.finish(cx)
}

/// The scrim under the title: `opacity` from `top` to `bottom`, faded in above `top`. The
/// fade is layers laid one over another, each from its own height down to `bottom`, so
/// their opacities add up step by small step and no two layers meet edge to edge (which
/// would show as a seam).
fn scrim(f: &mut Fragment, cx: &Cx, top: Abs, bottom: Abs, opacity: f64) {
    const LAYERS: usize = 48;
    let feather = cx.theme.cover.scrim_feather.min(top.max(Abs::ZERO));
    let w = cx.theme.page.w;
    let step = feather / LAYERS as f64;
    let mut below = 0.0;
    for i in 1..=LAYERS {
        // Smoothstep: no visible edge where the fade begins or ends.
        let t = i as f64 / LAYERS as f64;
        let want = opacity * t * t * (3.0 - 2.0 * t);
        // This layer over the ones above it gives `want`: 1 - (1 - below)(1 - a) = want.
        let a = 1.0 - (1.0 - want) / (1.0 - below);
        below = want;
        let y = top - feather + step * (i - 1) as f64;
        scrim_rect(
            f,
            Point::new(Abs::ZERO, y),
            Size::new(w, bottom - y),
            cx.palette.primary,
            a,
        );
    }
}

fn scrim_rect(f: &mut Fragment, at: Point, size: Size, color: Color, opacity: f64) {
    f.push(
        at,
        ItemKind::Scrim {
            size,
            color,
            opacity,
        },
        Mark::Artifact(Artifact::Decoration),
    );
}

/// The cover photograph as a figure (read last), or decoration.
fn photo_figure(sheet: &mut Sheet, photo: &crate::model::CoverPhoto) {
    let mark = figure_mark(&mut sheet.skel, sheet.node, photo.alt.as_deref());
    if let Some(p) = sheet
        .f
        .items
        .iter_mut()
        .find(|p| matches!(&p.kind, ItemKind::Image { crop: Some(_), .. }))
    {
        p.mark = mark;
    }
}
