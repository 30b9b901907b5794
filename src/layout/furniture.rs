//! Page furniture, added once every page exists: a rule, the footer text and the page
//! number at the foot of each numbered page. All of it is an artifact, so screen readers
//! skip it and it never interrupts the reading order.

use super::cx::Cx;
use crate::frame::{Artifact, Item, ItemKind, Page, Tag};
use crate::geom::Abs;
use crate::geom::{Point, Size};

/// Adds the running footer to every page that has a number.
pub fn footers(cx: &Cx, pages: &mut [Page]) {
    let (theme, pal) = (&cx.theme, cx.palette);
    let (m, geo) = (&theme.margins, &theme.footer);
    let width = theme.measure();
    let rule_y = theme.page.h - m.bottom + geo.rule_drop;
    let baseline = rule_y + geo.baseline_drop;
    let style = cx.style(&theme.text.footer, cx.ink.muted);
    for page in pages.iter_mut() {
        let Some(number) = page.number else {
            continue;
        };
        let footer = |pos: Point, kind: ItemKind| Item {
            pos,
            kind,
            tag: Tag::Artifact(Artifact::Footer),
        };
        page.items.push(footer(
            Point::new(m.left, rule_y),
            ItemKind::Rect {
                size: Size::new(width, super::theme::HAIRLINE),
                fill: pal.tint,
            },
        ));
        // A run per font the text falls back to (an emoji in the title).
        let title = cx.runs(&cx.report.footer, &style);
        let num = cx.runs(&number.to_string(), &style);
        let num_width = num
            .iter()
            .map(|(x, t)| *x + t.width)
            .fold(Abs::ZERO, Abs::max);
        let num_x = m.left + width - num_width;
        for (x, t) in title {
            let at = Point::new(m.left + x, baseline);
            page.items.push(footer(at, ItemKind::Text(t)));
        }
        for (x, t) in num {
            let at = Point::new(num_x + x, baseline);
            page.items.push(footer(at, ItemKind::Text(t)));
        }
    }
}
