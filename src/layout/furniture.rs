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
        let title = run(ctx, &r.meta.title);
        let num = run(ctx, &number.to_string());
        let num_x = p.left + width - num.width;
        page.items
            .push(footer_item(title, Point::new(p.left, baseline)));
        page.items
            .push(footer_item(num, Point::new(num_x, baseline)));
    }
}

fn footer_item(t: TextRun, pos: Point) -> Item {
    Item {
        pos,
        kind: ItemKind::Text(t),
        tag: Tag::Artifact(Artifact::Footer),
    }
}

/// One line of footer text, shaped (the footer is never broken into lines).
fn run(ctx: &Ctx, s: &str) -> TextRun {
    let r = ctx.report;
    let face_id = r.fonts.select(r.body_family, false, false);
    let size = Abs(FOOTER_SIZE);
    let glyphs = text::shape::shape(&ctx.shapers[face_id.0 as usize], s, size);
    let face = r.fonts.face(face_id);
    TextRun {
        face: face_id,
        size,
        color: r.palette.muted,
        text: s.to_string(),
        width: text::shape::width(&glyphs),
        glyphs,
        ascent: size * face.ascender,
        descent: size * -face.descender,
        span: None,
    }
}
