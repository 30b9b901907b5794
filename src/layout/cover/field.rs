//! The `field` design and the back cover: a field of the brand colour over the top of the
//! page holding the cover's title block (the back cover's organisation and text), and the
//! paper below holding the imprint and the logo.

use super::fit::{self, Part, Words};
use super::logo::{draw_logo, logo_box};
use super::{Ground, Sheet, display, imprint, overflow};
use crate::diag::Diagnostic;
use crate::frame::Role;
use crate::geom::{Abs, Point, Size};
use crate::layout::block::Block;
use crate::layout::cx::Cx;
use crate::model::Block as MdBlock;

/// The `field` design.
pub(super) fn front(cx: &Cx) -> Block {
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
        .map(|(i, (gap, l))| if i > 0 { *gap } else { Abs::ZERO } + crate::layout::fragment::height(l))
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
