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
//! The designs are in [`field`] (with the back cover) and [`photo_covers`]; fitting text in
//! [`fit`], placing a photograph and its scrim in [`photo`], the logo in [`logo`].
//!
//! Each cover is one block of one page-sized fragment, placed whole on its page. Reading
//! order is title, subtitle, period, organisation, author, date, photograph credit, logo,
//! photograph, whatever the visual order (the web edition's cover reads the same).

mod field;
mod fit;
mod logo;
mod photo;
mod photo_covers;

pub use field::back;

use super::block::Block;
use super::cx::Cx;
use super::fragment::{Fragment, Local, Skeleton};
use crate::contrast;
use crate::diag::Diagnostic;
use crate::frame::{ItemKind, Role};
use crate::geom::{Abs, Color, Point};
use crate::model::CoverLayout;
use fit::{Part, Words};

/// The front cover, in the report's design.
pub fn front(cx: &Cx) -> Block {
    match cx.report.cover.layout {
        CoverLayout::Field => field::front(cx),
        CoverLayout::Photo => photo_covers::photograph(cx),
        CoverLayout::Split => photo_covers::split(cx),
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
        words: Words::Owned(format!("{} {c}", cx.report.meta.strings.photo)),
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
