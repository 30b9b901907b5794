//! Cutting a measured fragment into horizontal bands, and scaling one down: how a block
//! taller than a page is split or fitted instead of drawn past the margin.
//!
//! In: a fragment as a component composed it (a list item with its paragraphs, a box with
//! its background, a quote with its bar). Out: bands, top to bottom, that together hold
//! every item exactly once and are as tall as the fragment. A band never cuts through text,
//! an image, a line or a link: it is cut only in the gaps between them, half-way across
//! each gap. Decoration drawn across a cut (a box's background, a quote's bar) is clipped
//! into one rectangle per band, so a box continued on the next page keeps its panel.
//!
//! What cannot be cut (a chart, an image taller than a page) is scaled instead
//! ([`scaled`]): every position, size and glyph by the same factor, so nothing overlaps
//! that did not before.

use super::fragment::{Fragment, Mark, Piece};
use crate::frame::{Item, ItemKind, Segment, TextRun};
use crate::geom::{Abs, Point, Size};

/// Gaps narrower than this are not cut: a hair between two lines set solid.
const MIN_GAP: Abs = Abs(0.01);

/// The vertical extent of a piece that no cut may cross, or `None` for decoration that
/// may be clipped (an artifact rectangle).
fn solid(p: &Piece) -> Option<(Abs, Abs)> {
    match &p.kind {
        ItemKind::Text(t) => Some((p.pos.y - t.ascent, p.pos.y + t.descent)),
        ItemKind::Rect { .. } if matches!(p.mark, Mark::Artifact(_)) => None,
        ItemKind::Rect { size, .. }
        | ItemKind::Scrim { size, .. }
        | ItemKind::Image { size, .. }
        | ItemKind::Link { size, .. } => Some((p.pos.y, p.pos.y + size.h)),
        ItemKind::Line { .. } | ItemKind::Shape { .. } => {
            let b = Item {
                pos: p.pos,
                kind: p.kind.clone(),
                tag: crate::frame::Tag::Artifact(crate::frame::Artifact::Decoration),
            }
            .bounds();
            Some((b.origin.y, b.bottom()))
        }
    }
}

/// The places a fragment may be cut: the middle of every gap between the solid extents of
/// its items, top to bottom.
pub fn cuts(f: &Fragment) -> Vec<Abs> {
    let mut spans: Vec<(Abs, Abs)> = f.items.iter().filter_map(solid).collect();
    spans.sort_by(|a, b| a.0.to_pt().total_cmp(&b.0.to_pt()));
    let mut out = Vec::new();
    let mut reach: Option<Abs> = None;
    for (top, bottom) in spans {
        if let Some(r) = reach
            && top - r > MIN_GAP
        {
            out.push((r + top) / 2.0);
        }
        reach = Some(reach.map_or(bottom, |r| r.max(bottom)));
    }
    out.retain(|c| *c > Abs::ZERO && *c < f.size.h);
    out
}

/// Cuts a fragment at every place it may be cut: one band per line of text (or per image,
/// or per group of things that overlap), each holding what lies in it.
pub fn bands(f: Fragment) -> Vec<Fragment> {
    let cuts = cuts(&f);
    cut_at(f, &cuts)
}

/// Cuts a fragment at the given heights (ascending, inside it).
pub fn cut_at(f: Fragment, cuts: &[Abs]) -> Vec<Fragment> {
    if cuts.is_empty() {
        return vec![f];
    }
    let edges: Vec<Abs> = std::iter::once(Abs::ZERO)
        .chain(cuts.iter().copied())
        .chain(std::iter::once(
            f.size.h.max(*cuts.last().expect("non-empty")),
        ))
        .collect();
    let mut out: Vec<Fragment> = edges
        .windows(2)
        .map(|w| Fragment::new(Size::new(f.size.w, w[1] - w[0])))
        .collect();
    let last = edges.len() - 2;
    let band_of = |y: Abs| edges[1..].iter().position(|e| y < *e).unwrap_or(last);
    for piece in f.items {
        match solid(&piece) {
            Some((top, _)) => {
                let k = band_of(top.max(Abs::ZERO));
                let mut p = piece;
                p.pos.y -= edges[k];
                out[k].items.push(p);
            }
            None => clip_into(&piece, &edges, &mut out),
        }
    }
    out
}

/// A decoration rectangle clipped into each band it crosses.
fn clip_into(piece: &Piece, edges: &[Abs], out: &mut [Fragment]) {
    let ItemKind::Rect { size, fill } = &piece.kind else {
        return;
    };
    let (top, bottom) = (piece.pos.y, piece.pos.y + size.h);
    for (k, w) in edges.windows(2).enumerate() {
        let (from, to) = (top.max(w[0]), bottom.min(w[1]));
        // The last band takes what hangs below the fragment; the first what sits above.
        let from = if k == 0 { top.min(from) } else { from };
        let to = if k + 1 == out.len() {
            bottom.max(to)
        } else {
            to
        };
        if to - from > MIN_GAP {
            out[k].items.push(Piece {
                pos: Point::new(piece.pos.x, from - w[0]),
                kind: ItemKind::Rect {
                    size: Size::new(size.w, to - from),
                    fill: *fill,
                },
                mark: piece.mark,
            });
        }
    }
}

/// A fragment scaled by `factor` about its top-left corner: positions, sizes, glyphs and
/// strokes alike.
pub fn scaled(f: Fragment, factor: f64) -> Fragment {
    let k = factor;
    Fragment {
        size: Size::new(f.size.w * k, f.size.h * k),
        items: f
            .items
            .into_iter()
            .map(|p| Piece {
                pos: Point::new(p.pos.x * k, p.pos.y * k),
                kind: match p.kind {
                    ItemKind::Text(t) => ItemKind::Text(scaled_run(t, k)),
                    ItemKind::Rect { size, fill } => ItemKind::Rect {
                        size: Size::new(size.w * k, size.h * k),
                        fill,
                    },
                    ItemKind::Scrim {
                        size,
                        color,
                        opacity,
                    } => ItemKind::Scrim {
                        size: Size::new(size.w * k, size.h * k),
                        color,
                        opacity,
                    },
                    ItemKind::Image {
                        image,
                        size,
                        span,
                        crop,
                        ..
                    } => ItemKind::Image {
                        image,
                        size: Size::new(size.w * k, size.h * k),
                        span,
                        crop: crop.map(|c| {
                            crate::geom::Rect::new(
                                c.origin.x * k,
                                c.origin.y * k,
                                c.size.w * k,
                                c.size.h * k,
                            )
                        }),
                        // Scaled down, it no longer reaches the trim.
                        bleed: false,
                    },
                    ItemKind::Link { size, target } => ItemKind::Link {
                        size: Size::new(size.w * k, size.h * k),
                        target,
                    },
                    ItemKind::Shape { path, fill } => ItemKind::Shape {
                        path: path
                            .into_iter()
                            .map(|s| {
                                let m = |q: Point| Point::new(q.x * k, q.y * k);
                                match s {
                                    Segment::Move(a) => Segment::Move(m(a)),
                                    Segment::Line(a) => Segment::Line(m(a)),
                                    Segment::Cubic(a, b, c) => Segment::Cubic(m(a), m(b), m(c)),
                                    Segment::Close => Segment::Close,
                                }
                            })
                            .collect(),
                        fill,
                    },
                    ItemKind::Line {
                        points,
                        width,
                        color,
                    } => ItemKind::Line {
                        points: points
                            .into_iter()
                            .map(|q| Point::new(q.x * k, q.y * k))
                            .collect(),
                        width: width * k,
                        color,
                    },
                },
                mark: p.mark,
            })
            .collect(),
    }
}

fn scaled_run(mut t: TextRun, k: f64) -> TextRun {
    t.size = t.size * k;
    t.width = t.width * k;
    t.ascent = t.ascent * k;
    t.descent = t.descent * k;
    // Glyphs are measured in ems of the run's size, which scales with it.
    t
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::frame::Artifact;
    use crate::geom::Color;
    use crate::layout::fragment::Slot;

    fn line(f: &mut Fragment, y: f64, slot: u32) {
        f.push(
            Point::new(Abs(10.0), Abs(y)),
            ItemKind::Link {
                size: Size::new(Abs(50.0), Abs(8.0)),
                target: crate::frame::LinkTarget::Url("u".into()),
            },
            Mark::Content(Slot(slot)),
        );
    }

    #[test]
    fn a_box_is_cut_between_its_lines_and_its_panel_clipped_into_each_band() {
        let mut f = Fragment::new(Size::new(Abs(100.0), Abs(40.0)));
        f.push(
            Point::default(),
            ItemKind::Rect {
                size: Size::new(Abs(100.0), Abs(40.0)),
                fill: Color::BLACK,
            },
            Mark::Artifact(Artifact::Decoration),
        );
        line(&mut f, 5.0, 0);
        line(&mut f, 15.0, 1);
        line(&mut f, 25.0, 2);
        let bands = bands(f);
        assert_eq!(bands.len(), 3);
        let heights: Vec<f64> = bands.iter().map(|b| b.size.h.to_pt()).collect();
        assert_eq!(heights, vec![14.0, 10.0, 16.0]);
        for b in &bands {
            // Each band: its clipped panel, then its line.
            assert_eq!(b.items.len(), 2);
            assert!(matches!(b.items[0].kind, ItemKind::Rect { size, .. } if size.h == b.size.h));
        }
        assert_eq!(bands[1].items[1].pos.y, Abs(1.0));
    }

    #[test]
    fn things_that_overlap_stay_in_one_band() {
        let mut f = Fragment::new(Size::new(Abs(100.0), Abs(30.0)));
        line(&mut f, 0.0, 0);
        line(&mut f, 6.0, 1);
        line(&mut f, 20.0, 2);
        let bands = bands(f);
        assert_eq!(bands.len(), 2);
        assert_eq!(bands[0].items.len(), 2);
    }

    #[test]
    fn scaling_halves_every_position_and_size() {
        let mut f = Fragment::new(Size::new(Abs(100.0), Abs(40.0)));
        line(&mut f, 20.0, 0);
        let s = scaled(f, 0.5);
        assert_eq!(s.size, Size::new(Abs(50.0), Abs(20.0)));
        assert_eq!(s.items[0].pos, Point::new(Abs(5.0), Abs(10.0)));
        assert!(matches!(s.items[0].kind, ItemKind::Link { size, .. } if size.w == Abs(25.0)));
    }
}
