//! The contents page: one linked entry per bookmarked heading, with its page number.
//!
//! In: the entries (level, title, page index, y, language) of where the body's headings landed, to
//! the depth asked for ([`entries`]). Out: the contents as flow items — its own section,
//! heading, and a TOC of linked entries.
//!
//! Depth counts the levels of heading a report uses, not markdown's `#` marks: 1 is the
//! section titles, 2 the top level of subheadings (whether written `#` or `##`), 3 the
//! next. By default the contents lists two levels if they fit on one page, and the
//! section titles alone if not: a hundred-page report with a hundred subheadings gets a
//! contents page a reader can take in, and its PDF bookmarks still hold every heading.
//!
//! Page numbers are known only once the body is planned, and the body's numbers depend on
//! how many pages the contents itself takes. [`settle`] therefore sets the contents with
//! the numbers it would have if it took no pages, plans it to count its pages, and sets it
//! again with the real numbers (as TeX does with its `.toc` file). Measuring and planning
//! have no side effects, so the trial runs cost only their time.

use super::block::{Block, Flow};
use super::cx::Cx;
use super::flow::{self, Plan};
use super::fragment::{Fragment, Skeleton};
use super::heading::section_heading;
use super::theme::HAIRLINE;
use crate::frame::{ItemKind, LinkTarget, Role};
use crate::geom::{Abs, Point, Size};

/// An entry: heading level (1 = section), title, where it starts.
#[derive(Debug, Clone)]
pub struct Entry {
    pub level: u8,
    pub title: String,
    /// Page index from the start of the body.
    pub page: usize,
    pub y: Abs,
    /// The heading's language where it is not the report's.
    pub lang: Option<String>,
}

/// The depth the contents tries first when report.toml does not say: section titles and
/// the top level of subheadings.
pub const AUTO_DEPTH: usize = 2;

/// The entries of the headings `depth` levels deep, in order.
pub fn entries(headings: &[crate::frame::OutlineEntry], depth: usize) -> Vec<Entry> {
    let mut levels: Vec<u8> = headings.iter().map(|h| h.level).collect();
    levels.sort_unstable();
    levels.dedup();
    headings
        .iter()
        .filter(|h| {
            levels
                .iter()
                .position(|l| *l == h.level)
                .is_some_and(|r| r < depth)
        })
        .map(|h| Entry {
            level: h.level,
            title: h.title.clone(),
            page: h.page,
            y: h.y,
            lang: h.lang.clone(),
        })
        .collect()
}

/// Trials before settling: each changes the page count only if a page number's width
/// changes how an entry wraps, which stops at once.
const MAX_TRIALS: usize = 4;

/// The contents, set and planned with its final page numbers (the body's first page is
/// `first_page` plus the contents' own pages), or `None` as soon as its entries' least
/// height or a trial shows it would take more than `most` pages. A trial's numbers are never
/// larger than the final ones, and a larger number never makes an entry shorter (titles are
/// set beside a number column of fixed width), so a trial over `most` pages means the
/// settled contents would be too.
pub fn settle(
    cx: &Cx,
    title: &str,
    entries: &[Entry],
    first_page: usize,
    most: usize,
) -> Option<(Vec<Flow>, Plan)> {
    let theme = &cx.theme;
    // Every entry is at least its two row pads tall, and a page holds no more than its
    // area's height of them (an entry taller than a page stands alone on one), so entries
    // whose least height passes `most` pages' worth take more than `most` pages: known
    // without setting them. A long report's two-level contents is given up on here.
    let least = theme.contents.row_pad * 2.0 * entries.len() as f64;
    if least > theme.area.size.h * most as f64 {
        return None;
    }
    let mut pages = 0;
    for _ in 0..MAX_TRIALS {
        let stream = contents(cx, title, entries, first_page + pages);
        let plan = flow::plan(&stream, theme.area, &theme.columns);
        if plan.pages > most {
            return None;
        }
        if plan.pages == pages {
            return Some((stream, plan));
        }
        pages = plan.pages;
    }
    let stream = contents(cx, title, entries, first_page + pages);
    let plan = flow::plan(&stream, theme.area, &theme.columns);
    (plan.pages <= most).then_some((stream, plan))
}

/// An entry is a line or two: setting a few dozen costs what starting a worker does.
const ENTRIES_PER_WORKER: usize = 32;

/// The contents' flow when the body starts at page index `body_start`.
fn contents(cx: &Cx, title: &str, entries: &[Entry], body_start: usize) -> Vec<Flow> {
    let width = cx.theme.measure();
    let mut out = vec![
        Flow::Open(Role::Section),
        Flow::Block(section_heading(
            cx,
            title,
            width,
            super::text::Source::new("contents.title", &None, "heading"),
        )),
        Flow::Open(Role::Toc),
    ];
    // An entry for a section in another language is set in it (its hyphenation) and its
    // link carries the language, as the heading it leads to does.
    let blocks = super::parallel::map(cx, entries, ENTRIES_PER_WORKER, |cx, e| {
        let lang = e.lang.as_deref().map(crate::model::lang::Language::new);
        cx.in_language(lang.as_ref(), || entry(cx, e, body_start + e.page, width))
    });
    for (i, (e, mut b)) in entries.iter().zip(blocks).enumerate() {
        // The last entry never stands alone on a page of its own, and a section's entry
        // never ends a page its subheadings' entries start the next.
        let next = entries.get(i + 1);
        b.breaks.keep_with_next = (i + 2 == entries.len() && entries.len() > 2)
            || next.is_some_and(|n| n.level > e.level);
        b.space_before = if i == 0 {
            cx.theme.contents.first_gap
        } else {
            Abs::ZERO
        };
        out.push(Flow::Block(b));
    }
    out.push(Flow::Close);
    out.push(Flow::Close);
    out
}

/// One entry: its title (indented below the first level), its page number flush right on
/// the title's first baseline, a link over the whole row, a rule beneath.
fn entry(cx: &Cx, e: &Entry, page: usize, width: Abs) -> Block {
    let (pal, text, geo) = (cx.palette, &cx.theme.text, &cx.theme.contents);
    let sub = e.level > 1;
    let spec = if sub {
        &text.contents_sub
    } else {
        &text.contents_entry
    };
    let style = cx.style(spec, cx.ink.text);
    let indent = if sub { geo.sub_indent } else { Abs::ZERO };
    let mut skel = Skeleton::new();
    let item = skel.node(Skeleton::ANCHOR, Role::TocItem);
    let link = skel.node(
        item,
        Role::Link {
            url: format!("#page={}", page + 1),
        },
    );
    let mut f = Fragment::default();
    let lines = cx.text(
        &mut skel,
        link,
        &e.title,
        &style,
        width - geo.number_column - indent,
    );
    let first_baseline = lines
        .first()
        .and_then(|l| l.items.iter().find(|i| matches!(i.kind, ItemKind::Text(_))))
        .map_or(Abs::ZERO, |i| i.pos.y);
    let bottom = f.stack(lines, indent, geo.row_pad);
    let number_style = crate::layout::cx::ParStyle {
        color: cx.ink.primary,
        ..style
    };
    let printed = (page + 1).to_string();
    for line in cx.text(&mut skel, link, &printed, &number_style, geo.number_column) {
        for mut piece in line.items {
            if let ItemKind::Text(t) = &piece.kind {
                // Right-aligned in the number column, on the title's first baseline.
                piece.pos = Point::new(width - t.width, geo.row_pad + first_baseline);
            }
            f.items.push(piece);
        }
    }
    let height = bottom + geo.row_pad;
    let area = skel.content(link);
    f.push(
        Point::default(),
        ItemKind::Link {
            size: Size::new(width, height),
            target: LinkTarget::Page { page, y: e.y },
        },
        area,
    );
    f.rect(
        Point::new(Abs::ZERO, height - HAIRLINE),
        Size::new(width, HAIRLINE),
        pal.tint,
    );
    f.size = Size::new(width, height);
    Block::atomic(skel, f)
}
