//! A geometry checker for laid-out documents, reusable by any test: it reads the frame (not
//! the PDF) and reports every place where the layout breaks a rule a designer would hold it
//! to. It knows nothing of any one report.
//!
//! The rules:
//! - every item lies on its page ([`Check::OffPage`]);
//! - text lies inside the page's margin box, except furniture designed to sit in the margin
//!   (the running footer) ([`Check::OutsideMargins`]);
//! - no two pieces of text share area ([`Check::TextOverlap`]);
//! - text stands out from what is drawn beneath it by the contrast WCAG 2.2 AA asks of
//!   text of its size — 4.5:1, or 3:1 for large text (18 pt, or 14 pt bold) — judged by
//!   folio's one contrast rule ([`Check::TextOnItsBackground`]): a link in the brand colour
//!   on a field of that colour fails this, and so does text that runs off a colour field
//!   onto paper of its own colour;
//! - no page ends with a heading whose text continues on a later page
//!   ([`Check::PageEndsInHeading`]);
//! - no text comes nearer the trim than the print safe area, the running footer included
//!   ([`Check::OutsideSafeArea`]; the default 5 mm, as the corpus reports leave it);
//! - on a numbered page no content (text, image, figure) reaches above or below the margin
//!   box: a block taller than the page is split or scaled, never drawn past the margin
//!   ([`Check::PastMargin`]; an image at the page's width may cross the side margins);
//! - every content piece of the structure is drawn exactly once: nothing measured is lost,
//!   nothing drawn twice ([`Check::ContentLost`], [`Check::ContentTwice`]);
//! - no numbered page holds nothing but its footer ([`Check::BlankPage`]).

use folio::frame::{Artifact, Child, ContentId, Document, ItemKind, NodeId, Role, Structure, Tag};
use folio::geom::{Abs, Rect};
use std::collections::BTreeMap;

/// A rule of the checker.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Check {
    OffPage,
    OutsideMargins,
    TextOverlap,
    TextOnItsBackground,
    PageEndsInHeading,
    OutsideSafeArea,
    PastMargin,
    ContentLost,
    ContentTwice,
    /// A numbered page with nothing on it but its footer.
    BlankPage,
}

/// One broken rule, where, and what broke it.
#[derive(Debug, Clone)]
pub struct Defect {
    pub check: Check,
    /// 1-based page number.
    pub page: usize,
    pub detail: String,
}

/// Rounding allowed on each edge; text runs on one line touch, so overlap is judged on
/// boxes shrunk by this much.
const TOLERANCE: Abs = Abs(0.5);

/// folio's default print safe area, in millimetres.
const SAFE_AREA_MM: f64 = 5.0;

/// Every defect in `doc`, page by page.
pub fn check(doc: &Document) -> Vec<Defect> {
    let mut out = Vec::new();
    let order = reading_order(&doc.structure);
    let last_read = order.values().map(|(i, _)| *i).max().unwrap_or(0);
    let mut drawn: BTreeMap<ContentId, usize> = BTreeMap::new();
    for (i, page) in doc.pages.iter().enumerate() {
        let n = i + 1;
        let sheet = Rect::new(Abs::ZERO, Abs::ZERO, page.size.w, page.size.h);
        let mut texts: Vec<(Rect, &str)> = Vec::new();
        if page.number.is_some() && !page.items.iter().any(|i| matches!(i.tag, Tag::Content(_))) {
            out.push(Defect {
                check: Check::BlankPage,
                page: n,
                detail: "nothing but the footer".into(),
            });
        }
        for (k, item) in page.items.iter().enumerate() {
            let b = item.bounds();
            if let Tag::Content(c) = item.tag {
                *drawn.entry(c).or_default() += 1;
                let past = b.origin.y < page.area.origin.y - TOLERANCE
                    || b.bottom() > page.area.bottom() + TOLERANCE;
                if page.number.is_some() && past {
                    out.push(Defect {
                        check: Check::PastMargin,
                        page: n,
                        detail: format!("{} at {}", describe(&item.kind), show(b)),
                    });
                }
            }
            if !b.within(&grow(sheet)) {
                out.push(Defect {
                    check: Check::OffPage,
                    page: n,
                    detail: format!("{} at {}", describe(&item.kind), show(b)),
                });
            }
            if let ItemKind::Text(t) = &item.kind {
                let safe = Abs::mm(SAFE_AREA_MM);
                let inside = Rect::new(
                    safe,
                    safe,
                    page.size.w - safe * 2.0,
                    page.size.h - safe * 2.0,
                );
                if !b.within(&grow(inside)) {
                    out.push(Defect {
                        check: Check::OutsideSafeArea,
                        page: n,
                        detail: format!("{:?} at {}", t.text, show(b)),
                    });
                }
                let furniture = matches!(item.tag, Tag::Artifact(Artifact::Footer));
                if !furniture && !b.within(&grow(page.area)) {
                    out.push(Defect {
                        check: Check::OutsideMargins,
                        page: n,
                        detail: format!("{:?} at {}", t.text, show(b)),
                    });
                }
                let bold = doc.fonts.get(t.face.0 as usize).is_some_and(|f| f.bold);
                let need = folio::contrast::need(t.size.to_pt(), bold);
                if let Some(under) = background(&page.items[..k], b)
                    && t.color.contrast(under) < need
                {
                    out.push(Defect {
                        check: Check::TextOnItsBackground,
                        page: n,
                        detail: format!(
                            "{:?} in {} on {under} at {} ({:.2}:1, needs {need}:1)",
                            t.text,
                            t.color,
                            show(b),
                            t.color.contrast(under)
                        ),
                    });
                }
                texts.push((b, &t.text));
            }
        }
        for (a, (ra, ta)) in texts.iter().enumerate() {
            for (rb, tb) in &texts[a + 1..] {
                if shrink(*ra).overlaps(&shrink(*rb)) {
                    out.push(Defect {
                        check: Check::TextOverlap,
                        page: n,
                        detail: format!("{ta:?} at {} and {tb:?} at {}", show(*ra), show(*rb)),
                    });
                }
            }
        }
        // The piece read last on this page: a heading there, with more to read after it,
        // has been separated from its text.
        let last = page
            .items
            .iter()
            .filter_map(|it| match it.tag {
                Tag::Content(c) => order.get(&c),
                Tag::Artifact(_) => None,
            })
            .max_by_key(|(i, _)| *i);
        if let Some((index, Role::Heading(_, title))) = last
            && *index < last_read
        {
            out.push(Defect {
                check: Check::PageEndsInHeading,
                page: n,
                detail: format!("{title:?}"),
            });
        }
    }
    for c in order.keys() {
        match drawn.get(c).copied().unwrap_or(0) {
            0 => out.push(Defect {
                check: Check::ContentLost,
                page: 0,
                detail: format!("content piece {} is drawn nowhere", c.0),
            }),
            1 => {}
            k => out.push(Defect {
                check: Check::ContentTwice,
                page: 0,
                detail: format!("content piece {} is drawn {k} times", c.0),
            }),
        }
    }
    out
}

/// The colour beneath the middle of `b`: the last rectangle drawn before it that covers that
/// point, or white paper, with any scrims drawn over it laid on top. `None` over an image,
/// whose colours the frame does not know.
fn background(before: &[folio::frame::Item], b: Rect) -> Option<folio::geom::Color> {
    let (x, y) = (b.origin.x + b.size.w / 2.0, b.origin.y + b.size.h / 2.0);
    let mut veils = Vec::new();
    let mut ground = folio::geom::Color::WHITE;
    for item in before.iter().rev() {
        let r = item.bounds();
        let covers = r.origin.x <= x && x <= r.right() && r.origin.y <= y && y <= r.bottom();
        match &item.kind {
            ItemKind::Rect { fill, .. } if covers => {
                ground = *fill;
                break;
            }
            ItemKind::Shape { path, fill } if covers && inside(item.pos, path, x, y) => {
                ground = *fill;
                break;
            }
            ItemKind::Scrim { color, opacity, .. } if covers => veils.push((*color, *opacity)),
            ItemKind::Image { .. } if covers => return None,
            _ => {}
        }
    }
    Some(
        veils
            .into_iter()
            .rev()
            .fold(ground, |under, (c, a)| folio::contrast::mix(under, c, a)),
    )
}

/// Whether a point lies inside a shape by the non-zero rule, its curves flattened into
/// sixteen straight pieces each.
fn inside(origin: folio::geom::Point, path: &[folio::frame::Segment], x: Abs, y: Abs) -> bool {
    use folio::frame::Segment;
    let (px, py) = ((x - origin.x).to_pt(), (y - origin.y).to_pt());
    let mut edges: Vec<((f64, f64), (f64, f64))> = Vec::new();
    let (mut start, mut at) = ((0.0, 0.0), (0.0, 0.0));
    let pt = |p: &folio::geom::Point| (p.x.to_pt(), p.y.to_pt());
    for seg in path {
        match seg {
            Segment::Move(p) => {
                start = pt(p);
                at = start;
            }
            Segment::Line(p) => {
                edges.push((at, pt(p)));
                at = pt(p);
            }
            Segment::Cubic(a, b, c) => {
                let (p0, p1, p2, p3) = (at, pt(a), pt(b), pt(c));
                let mut prev = p0;
                for i in 1..=16 {
                    let t = i as f64 / 16.0;
                    let u = 1.0 - t;
                    let q = (
                        u * u * u * p0.0
                            + 3.0 * u * u * t * p1.0
                            + 3.0 * u * t * t * p2.0
                            + t * t * t * p3.0,
                        u * u * u * p0.1
                            + 3.0 * u * u * t * p1.1
                            + 3.0 * u * t * t * p2.1
                            + t * t * t * p3.1,
                    );
                    edges.push((prev, q));
                    prev = q;
                }
                at = p3;
            }
            Segment::Close => {
                edges.push((at, start));
                at = start;
            }
        }
    }
    let mut winding = 0;
    for ((x0, y0), (x1, y1)) in edges {
        let cross = (x1 - x0) * (py - y0) - (px - x0) * (y1 - y0);
        if y0 <= py && y1 > py && cross > 0.0 {
            winding += 1;
        } else if y0 > py && y1 <= py && cross < 0.0 {
            winding -= 1;
        }
    }
    winding != 0
}

/// Each content piece's place in reading order and the role of the node holding it.
fn reading_order(s: &Structure) -> BTreeMap<ContentId, (usize, Role)> {
    fn walk(s: &Structure, n: NodeId, out: &mut BTreeMap<ContentId, (usize, Role)>) {
        for c in &s.node(n).children {
            match c {
                Child::Content(id) => {
                    let i = out.len();
                    out.insert(*id, (i, s.node(n).role.clone()));
                }
                Child::Node(child) => walk(s, *child, out),
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(s, Structure::ROOT, &mut out);
    out
}

fn grow(r: Rect) -> Rect {
    Rect::new(
        r.origin.x - TOLERANCE,
        r.origin.y - TOLERANCE,
        r.size.w + TOLERANCE * 2.0,
        r.size.h + TOLERANCE * 2.0,
    )
}

fn shrink(r: Rect) -> Rect {
    Rect::new(
        r.origin.x + TOLERANCE,
        r.origin.y + TOLERANCE,
        r.size.w - TOLERANCE * 2.0,
        r.size.h - TOLERANCE * 2.0,
    )
}

fn show(r: Rect) -> String {
    format!(
        "({:.1}, {:.1})–({:.1}, {:.1})",
        r.origin.x.to_pt(),
        r.origin.y.to_pt(),
        r.right().to_pt(),
        r.bottom().to_pt()
    )
}

fn describe(kind: &ItemKind) -> String {
    match kind {
        ItemKind::Text(t) => format!("text {:?}", t.text),
        ItemKind::Rect { .. } => "a rectangle".into(),
        ItemKind::Scrim { .. } => "a scrim".into(),
        ItemKind::Line { .. } => "a line".into(),
        ItemKind::Shape { .. } => "a shape".into(),
        ItemKind::Image { image, .. } => format!("the image {}", image.name),
        ItemKind::Link { .. } => "a link area".into(),
    }
}
