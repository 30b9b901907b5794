//! The front and back covers, composed for the page (they do not flow).
//!
//! Three front-cover designs, chosen by `[cover] layout`, each drawn in shares of the page
//! so that it holds on any page size:
//! - **field**: a field of the brand colour over the top of the page, the period at its
//!   top and the title and subtitle at its foot; the organisation, author and date on the
//!   paper below, and the logo at the foot;
//! - **photo**: the photograph over the whole page, edge to edge; the title over a scrim of
//!   the brand colour at its foot, made just dense enough for the title to read over that
//!   photograph (`photo`); below it a band of the brand colour with the imprint and logo;
//! - **split**: the photograph across the top, the brand colour below holding the title,
//!   the imprint and the logo.
//!
//! Every block of cover text is fitted to its field ([`fit`]): wrapped at the field's
//! width, then stepped down the type scale until it fits, and a warning at its key in
//! report.toml when even the smallest step does not. A logo is drawn in the version made
//! for its ground (`logo` on paper, `logo_on_field` on the brand colour), or, lacking
//! that, on a small panel of the ground it was made for. The back cover is the field
//! design's field, holding the organisation and the back text.
//!
//! Each cover is one block of one page-sized fragment, placed whole on its page. Reading
//! order is title, subtitle, period, organisation, author, date, photograph credit, logo,
//! photograph, whatever the visual order (the web edition's cover reads the same).

mod fit;
mod photo;

use super::block::Block;
use super::cx::Cx;
use super::fragment::{Fragment, Local, Skeleton};
use super::text::figure_mark;
use crate::contrast;
use crate::diag::Diagnostic;
use crate::frame::{Artifact, ItemKind, Role};
use crate::geom::{Abs, Color, Point, Rect, Size};
use crate::model::{Block as MdBlock, CoverLayout, Logo};
use fit::{Part, Words};

/// The front cover, in the report's design.
pub fn front(cx: &Cx) -> Block {
    match cx.report.cover.layout {
        CoverLayout::Field => field(cx),
        CoverLayout::Photo => photograph(cx),
        CoverLayout::Split => split(cx),
    }
}

/// What a cover's text is set on: the paper, or the brand colour.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Ground {
    Paper,
    Field,
}

/// A cover being drawn: its skeleton, its node, its fragment and what to warn about.
struct Sheet {
    skel: Skeleton,
    node: Local,
    f: Fragment,
    notes: Vec<Diagnostic>,
}

impl Sheet {
    fn new() -> Self {
        let mut skel = Skeleton::new();
        let node = skel.node(Skeleton::ANCHOR, Role::Div);
        Self {
            skel,
            node,
            f: Fragment::default(),
            notes: Vec::new(),
        }
    }

    fn finish(mut self, cx: &Cx) -> Block {
        self.f.size = cx.theme.page;
        let mut b = Block::atomic(self.skel, self.f);
        b.notes = self.notes;
        b
    }
}

/// The title, the subtitle and the period, in reading order, in `color`. The period is
/// asked to stand on one line, shrinking to the title's size before it wraps.
fn display<'a>(cx: &'a Cx, color: Color) -> Vec<Part<'a>> {
    let (meta, text, geo) = (&cx.report.meta, &cx.theme.text, &cx.theme.cover);
    let mut parts = vec![Part {
        role: Role::Heading(1, meta.title.clone()),
        words: Words::Plain(&meta.title),
        spec: text.cover_title,
        color,
        gap: Abs::ZERO,
        least: Abs::ZERO,
        one_line: false,
    }];
    if let Some(s) = &meta.subtitle {
        parts.push(Part {
            role: Role::Paragraph,
            words: Words::Plain(s),
            spec: text.cover_subtitle,
            color,
            gap: geo.subtitle_gap,
            least: text.body.size,
            one_line: false,
        });
    }
    if cx.report.cover.show_period {
        parts.push(Part {
            role: Role::Paragraph,
            words: Words::Plain(&meta.period),
            spec: text.cover_period,
            color,
            gap: geo.title_clearance,
            least: text.cover_title.size * fit::LEAST_SCALE,
            one_line: true,
        });
    }
    parts
}

/// The organisation, the author (when not the organisation), the date and the photograph's
/// credit, set on `ground`.
fn imprint<'a>(cx: &'a Cx, ground: Ground) -> Vec<Part<'a>> {
    let (meta, text, geo) = (&cx.report.meta, &cx.theme.text, &cx.theme.cover);
    let (strong, plain) = match ground {
        Ground::Paper => (cx.ink.primary, cx.ink.text),
        Ground::Field => (cx.ink.on_field, cx.ink.on_field),
    };
    let fine = |size: Abs| size.min(text.body.size);
    let mut parts = vec![Part {
        role: Role::Paragraph,
        words: Words::Plain(&meta.organisation),
        spec: text.cover_organisation,
        color: strong,
        gap: Abs::ZERO,
        least: fine(text.cover_meta.size),
        one_line: false,
    }];
    if meta.author != meta.organisation {
        parts.push(Part {
            role: Role::Paragraph,
            words: Words::Plain(&meta.author),
            spec: text.cover_meta,
            color: plain,
            gap: geo.author_gap,
            least: fine(text.caption.size),
            one_line: false,
        });
    }
    parts.push(Part {
        role: Role::Paragraph,
        words: Words::Owned(format!(
            "{} {}",
            meta.strings.published,
            meta.strings.long_date(&meta.date)
        )),
        spec: text.cover_meta,
        color: plain,
        gap: Abs::ZERO,
        least: fine(text.caption.size),
        one_line: false,
    });
    parts
}

/// The photograph's credit, as a part of the imprint.
fn credit<'a>(cx: &'a Cx, color: Color) -> Option<Part<'a>> {
    let c = cx.report.cover.photo.as_ref()?.credit.as_ref()?;
    let text = &cx.theme.text;
    Some(Part {
        role: Role::Paragraph,
        words: Words::Owned(format!("Photo: {c}")),
        spec: text.caption,
        color,
        gap: cx.theme.cover.author_gap * 2.0,
        least: text.caption.size.min(text.body.size),
        one_line: false,
    })
}

/// A warning for text that could not be fitted, at its key: what, where, and the size it
/// was set at in the end (the smallest folio goes to).
fn overflow(
    what: &str,
    field: &str,
    span: Option<std::ops::Range<usize>>,
    help: &str,
    size: Abs,
) -> Diagnostic {
    Diagnostic::warning(
        format!(
            "the cover's {what} does not fit {field}, even set at {} pt",
            (size.to_pt() * 10.0).round() / 10.0
        ),
        span,
    )
    .with_help(help.to_string())
}

/// The `field` design.
fn field(cx: &Cx) -> Block {
    let (theme, cover) = (&cx.theme, &cx.report.cover);
    let (geo, m) = (&theme.cover, &theme.margins);
    let width = theme.measure();
    let mut sheet = Sheet::new();
    let field = theme.page.h * geo.field_share;
    sheet.f.rect(
        Point::default(),
        Size::new(theme.page.w, field),
        cx.palette.primary,
    );

    // The period stands at the top of the field; title and subtitle sit at its foot.
    let top = m.top + geo.period_drop;
    let parts = display(cx, cx.ink.on_field);
    let set = fit::fit(
        cx,
        &mut sheet.skel,
        sheet.node,
        &parts,
        width,
        field - m.bottom - top,
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
    let mut parts = set.parts;
    let period = cover.show_period.then(|| parts.pop()).flatten();
    if let Some((_, lines)) = period {
        sheet.f.stack(lines, m.left, top);
    }
    let block: Abs = parts
        .iter()
        .enumerate()
        .map(|(i, (gap, l))| if i > 0 { *gap } else { Abs::ZERO } + fragment_height(l))
        .fold(Abs::ZERO, |a, b| a + b);
    let mut y = field - m.bottom - block;
    for (i, (gap, lines)) in parts.into_iter().enumerate() {
        if i > 0 {
            y += gap;
        }
        y = sheet.f.stack(lines, m.left, y);
    }

    // Below the field: the imprint, and the logo at the foot.
    let logo = logo_box(
        cx,
        Ground::Paper,
        theme.page.h - m.bottom - field - geo.below_field,
    );
    let below = field + geo.below_field;
    let logo_room = logo.map_or(Abs::ZERO, |l| l.h + geo.logo_gap);
    let parts = imprint(cx, Ground::Paper);
    let room = theme.page.h - m.bottom - below - logo_room;
    let set = fit::fit(cx, &mut sheet.skel, sheet.node, &parts, width, room);
    if !set.fits {
        sheet.notes.push(overflow(
            "organisation, author and date",
            "below its colour field",
            cover.spans.organisation.clone(),
            "shorten them, give a smaller logo, or choose a larger page",
            cx.theme.text.cover_organisation.size * set.scale,
        ));
    }
    set.stack(&mut sheet.f, m.left, below);
    if let Some(size) = logo {
        let at = Point::new(m.left, theme.page.h - m.bottom - size.h);
        draw_logo(cx, &mut sheet, Ground::Paper, at, size);
    }
    sheet.finish(cx)
}

/// The `photo` design.
fn photograph(cx: &Cx) -> Block {
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
fn split(cx: &Cx) -> Block {
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

/// The lines of a fitted title block stacked as they are seen — the period above the
/// title, as an eyebrow — with the block's foot at `foot`. The parts come in reading order
/// (title, subtitle, period when shown). Returns each line with its place, and the block's
/// top.
fn eyebrow_order(cx: &Cx, set: fit::Set, x: Abs, foot: Abs) -> (Vec<(Point, Fragment)>, Abs) {
    let height = set.height;
    let mut parts = set.parts;
    let mut seen = Vec::new();
    if cx.report.cover.show_period
        && let Some((gap, period)) = parts.pop()
    {
        // The period's gap, kept for the fit, now separates it from the title below it.
        seen.push((Abs::ZERO, period));
        if let Some(first) = parts.first_mut() {
            first.0 = gap;
        }
    }
    seen.extend(parts);
    let top = foot - height;
    let mut y = top;
    let mut out = Vec::new();
    for (i, (gap, lines)) in seen.into_iter().enumerate() {
        if i > 0 {
            y += gap;
        }
        for l in lines {
            let h = l.size.h;
            out.push((Point::new(x, y), l));
            y += h;
        }
    }
    (out, top)
}

/// The ratio a line's text needs: 3:1 when every run in it is large, else 4.5:1.
fn line_need(cx: &Cx, line: &Fragment) -> f64 {
    let fonts = &cx.report.fonts;
    line.items
        .iter()
        .filter_map(|p| match &p.kind {
            ItemKind::Text(t) => Some(contrast::need(t.size.to_pt(), fonts.face(t.face).bold)),
            _ => None,
        })
        .fold(contrast::AA_LARGE, f64::max)
}

fn fragment_height(lines: &[Fragment]) -> Abs {
    super::fragment::height(lines)
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
        super::fragment::Mark::Artifact(Artifact::Decoration),
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
fn logo_box(cx: &Cx, ground: Ground, room: Abs) -> Option<Size> {
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
fn draw_logo(cx: &Cx, sheet: &mut Sheet, ground: Ground, at: Point, size: Size) {
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
        },
        mark,
    );
}

/// The back cover: the organisation and the back text on the field, set from its foot
/// upwards so the text closes the report, and the logo on the paper below.
pub fn back(cx: &Cx) -> Block {
    let (theme, r) = (&cx.theme, cx.report);
    let (text, geo, m) = (&theme.text, &theme.cover, &theme.margins);
    let width = theme.measure();
    let mut sheet = Sheet::new();
    let field = theme.page.h * geo.field_share;
    sheet.f.rect(
        Point::default(),
        Size::new(theme.page.w, field),
        cx.palette.primary,
    );
    let on = cx.ink.on_field;
    let mut parts = vec![Part {
        role: Role::Paragraph,
        words: Words::Plain(&r.meta.organisation),
        spec: text.back_organisation,
        color: on,
        gap: Abs::ZERO,
        least: text.back_text.size,
        one_line: false,
    }];
    for block in &r.back {
        if let MdBlock::Paragraph(inlines) | MdBlock::Heading(_, inlines) = block {
            parts.push(Part {
                role: Role::Paragraph,
                words: Words::Inlines(inlines),
                spec: text.back_text,
                color: on,
                gap: geo.back_gap,
                least: text.caption.size.min(text.body.size),
                one_line: false,
            });
        }
    }
    let set = fit::fit(
        cx,
        &mut sheet.skel,
        sheet.node,
        &parts,
        width,
        field - m.top - m.bottom,
    );
    if !set.fits {
        sheet.notes.push(
            Diagnostic::warning(
                format!(
                    "the back cover's text does not fit its colour field, even set at {} pt",
                    (text.back_text.size.to_pt() * set.scale * 10.0).round() / 10.0
                ),
                r.cover.spans.back.clone(),
            )
            .with_help("shorten `[back] text`: the back cover holds an address, a contact and a licence line"),
        );
    }
    let y = field - m.bottom - set.height;
    set.stack(&mut sheet.f, m.left, y);
    if let Some(size) = logo_box(cx, Ground::Paper, theme.page.h - field - m.bottom * 2.0) {
        let at = Point::new(m.left, theme.page.h - m.bottom - size.h);
        draw_logo(cx, &mut sheet, Ground::Paper, at, size);
    }
    sheet.finish(cx)
}
