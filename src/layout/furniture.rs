//! Page furniture, added once every page exists: a rule, the footer text and the page
//! number at the foot of each numbered page. All of it is an artifact, so screen readers
//! skip it and it never interrupts the reading order.
//!
//! The footer always fits: its text stops short of the page number (a running title too
//! long for the room is shortened with an ellipsis, and said so), and it keeps inside the
//! print safe area (`[print] safe_area`), rising into the bottom margin when the margin is
//! too shallow for it to hang lower — a home printer cannot print nearer the edge either.

use super::cx::Cx;
use super::text::push_note;
use crate::diag::Diagnostic;
use crate::frame::{Artifact, Item, ItemKind, Page, Tag, TextRun};
use crate::geom::{Abs, Point, Size};

/// Between the running title and the page number: two ems of the footer's size, so the
/// two never read as one.
const NUMBER_GAP_EM: f64 = 2.0;
/// The mark that ends a shortened running title.
const ELLIPSIS: &str = "…";

/// Where the footer goes on every page: the rule's top and the text's baseline.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FooterPlace {
    pub rule_y: Abs,
    pub baseline: Abs,
}

/// The footer's place: hanging from its rule in the bottom margin, raised if need be so the
/// text's descenders stay inside the safe area, but never above the margin box's foot.
pub fn place(cx: &Cx) -> (FooterPlace, Option<Diagnostic>) {
    let theme = &cx.theme;
    let (m, geo) = (&theme.margins, &theme.footer);
    let style = cx.style(&theme.text.footer, cx.palette.muted);
    let (ascent, descent) = cx.metrics(&style);
    let area_bottom = theme.page.h - m.bottom;
    let limit = theme.page.h - cx.report.print.safe_area;
    let mut rule_y = area_bottom + geo.rule_drop;
    let mut baseline = rule_y + geo.baseline_drop;
    let mut note = None;
    if baseline + descent > limit {
        baseline = limit - descent;
        rule_y = (baseline - geo.baseline_drop).max(area_bottom);
        if baseline - ascent < rule_y {
            note = Some(
                Diagnostic::warning(
                    format!(
                        "the bottom margin leaves no room for the footer inside the {:.0} mm print safe area",
                        cx.report.print.safe_area.to_mm()
                    ),
                    None,
                )
                .with_help("make the bottom margin deeper in [page] margins (15 mm or more)"),
            );
        }
    }
    (FooterPlace { rule_y, baseline }, note)
}

/// Adds the running footer to every page that has a number; returns its warnings.
pub fn footers(cx: &Cx, pages: &mut [Page]) -> Vec<Diagnostic> {
    let (theme, pal) = (&cx.theme, cx.palette);
    let m = &theme.margins;
    let width = theme.measure();
    let (at, place_note) = place(cx);
    let style = cx.style(&theme.text.footer, cx.ink.muted);
    let mut notes: Vec<Diagnostic> = place_note.into_iter().collect();
    // The running title as fitted to each room it has been given: the room changes only
    // with the page number's width, so a long report sets its title a few times, not once
    // a page.
    let mut titles: Vec<(Abs, Runs, bool)> = Vec::new();
    for page in pages.iter_mut() {
        let Some(number) = page.number else {
            continue;
        };
        let footer = |pos: Point, kind: ItemKind| Item {
            pos,
            kind,
            tag: Tag::Artifact(Artifact::Footer),
        };
        // A run per font the text falls back to (an emoji in the title).
        let num = cx.runs(&number.to_string(), &style);
        let num_width = width_of(&num);
        let room = width - num_width - style.size * NUMBER_GAP_EM;
        let (title, shortened) = match titles.iter().find(|(r, _, _)| *r == room) {
            Some((_, title, shortened)) => (title.clone(), *shortened),
            None => {
                let (title, shortened) = fitted(cx, &cx.report.footer, &style, room);
                titles.push((room, title.clone(), shortened));
                (title, shortened)
            }
        };
        if shortened {
            let text: String = title.iter().map(|(_, t)| t.text.as_str()).collect();
            push_note(
                &mut notes,
                Diagnostic::warning(
                    format!(
                        "the running title is too long for the footer and is shortened to “{text}”"
                    ),
                    cx.report.footer_span.clone(),
                )
                .with_help("write a shorter one in [footer] text"),
            );
        }
        let num_x = m.left + width - num_width;
        // Exactly the footer's room: placing gave each page no more than its content takes.
        page.items.reserve_exact(1 + title.len() + num.len());
        page.items.push(footer(
            Point::new(m.left, at.rule_y),
            ItemKind::Rect {
                size: Size::new(width, super::theme::HAIRLINE),
                fill: pal.tint,
            },
        ));
        for (x, t) in title {
            let at = Point::new(m.left + x, at.baseline);
            page.items.push(footer(at, ItemKind::Text(t)));
        }
        for (x, t) in num {
            let at = Point::new(num_x + x, at.baseline);
            page.items.push(footer(at, ItemKind::Text(t)));
        }
    }
    notes
}

/// The width of runs set on one line.
fn width_of(runs: &[(Abs, TextRun)]) -> Abs {
    runs.iter()
        .map(|(x, t)| *x + t.width)
        .fold(Abs::ZERO, Abs::max)
}

/// Runs set on one line: where each starts, and what it draws.
type Runs = Vec<(Abs, TextRun)>;

/// `text` set on one line in at most `room`: whole if it fits, else the longest start of it
/// (cut at a word if one ends near the end of what fits, else between letters) followed
/// by an ellipsis. Says whether it was shortened.
fn fitted(cx: &Cx, text: &str, style: &super::cx::ParStyle, room: Abs) -> (Runs, bool) {
    let whole = cx.runs(text, style);
    if width_of(&whole) <= room {
        return (whole, false);
    }
    let with_ellipsis = |end: usize| {
        let head =
            text[..end].trim_end_matches(|c: char| c.is_whitespace() || ",;:–—-".contains(c));
        cx.runs(&format!("{head}{ELLIPSIS}"), style)
    };
    let ends: Vec<usize> = text.char_indices().map(|(i, _)| i).skip(1).collect();
    // The longest start that fits, found by halving: width grows with length.
    let (mut lo, mut hi) = (0usize, ends.len());
    while lo < hi {
        let mid = (lo + hi).div_ceil(2);
        if width_of(&with_ellipsis(ends[mid - 1])) <= room {
            lo = mid;
        } else {
            hi = mid - 1;
        }
    }
    if lo == 0 {
        return (cx.runs(ELLIPSIS, style), true);
    }
    let mut end = ends[lo - 1];
    // Prefer to end at a word when one ends in the last third of what fits.
    if let Some(space) = text[..end].rfind(char::is_whitespace)
        && space * 3 >= end * 2
    {
        end = space;
    }
    (with_ellipsis(end), true)
}
