//! Page furniture, added once every page exists: a rule, the report title and the page
//! number at the foot of each numbered page. All of it is an artifact, so screen readers
//! skip it and it never interrupts the reading order.

use super::style::{Ctx, rect};
use crate::frame::{Artifact, Item, ItemKind, Page, Tag, TextRun};
use crate::geom::{Abs, Point};
use crate::text;

const FOOTER_SIZE: f64 = 8.5;
const RULE: Abs = Abs(0.5);

/// Adds the running footer to every page that has a number.
pub fn footers(ctx: &Ctx, pages: &mut [Page]) {
    let r = ctx.report;
    let p = r.page;
    let width = p.size.w - p.left - p.right;
    // The footer sits in the bottom margin: the rule a third of the way down it, the text
    // baseline half way.
    let rule_y = p.size.h - p.bottom + p.bottom / 3.0;
    let baseline = rule_y + Abs(FOOTER_SIZE * 1.6);
    for page in pages.iter_mut() {
        let Some(number) = page.number else {
            continue;
        };
        let mut rule = rect(p.left, rule_y, width, RULE, r.palette.tint);
        rule.tag = Tag::Artifact(Artifact::Footer);
        page.items.push(rule);
        let title = runs(ctx, &r.meta.title);
        let num = runs(ctx, &number.to_string());
        let num_width = num
            .iter()
            .map(|(x, t)| *x + t.width)
            .fold(Abs::ZERO, Abs::max);
        let num_x = p.left + width - num_width;
        for (x, t) in title {
            page.items
                .push(footer_item(t, Point::new(p.left + x, baseline)));
        }
        for (x, t) in num {
            page.items
                .push(footer_item(t, Point::new(num_x + x, baseline)));
        }
    }
}

fn footer_item(t: TextRun, pos: Point) -> Item {
    Item {
        pos,
        kind: ItemKind::Text(t),
        tag: Tag::Artifact(Artifact::Footer),
    }
}

/// One line of footer text, shaped (the footer is never broken into lines): a run per face
/// it falls back to, each with its offset from the line start.
fn runs(ctx: &Ctx, s: &str) -> Vec<(Abs, TextRun)> {
    let r = ctx.report;
    let style = text::TextStyle {
        face: r.fonts.select(r.body_family, false, false),
        size: Abs(FOOTER_SIZE),
        color: r.palette.muted,
        key: 0,
        hyphenation: None,
    };
    text::set_text(&ctx.shapers, s, style)
        .into_iter()
        .map(|run| {
            let face = r.fonts.face(run.style.face);
            let t = TextRun {
                face: run.style.face,
                size: run.style.size,
                color: run.style.color,
                text: run.text,
                width: run.width,
                glyphs: run.glyphs,
                ascent: run.style.size * face.ascender,
                descent: run.style.size * -face.descender,
            };
            (run.x, t)
        })
        .collect()
}
