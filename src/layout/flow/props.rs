//! Property tests of the paginator: random streams of blocks — paragraphs, headings kept
//! with what follows, figures that may float, tables with a repeated heading row, blocks
//! kept together, forced page breaks, two-column runs — planned on random page heights,
//! then placed. Whatever the stream: nothing is lost or placed twice, nothing lies below
//! its region, a block's slices keep their order, the widow, orphan, keep-with-next and
//! keep-together rules hold wherever they can, and every content piece is tagged once.
//!
//! The cases come from a small fixed-seed generator, so a failure is reproducible from the
//! case number it prints, and the whole run takes a second or two.

use super::place::Target;
use super::*;
use crate::frame::{ItemKind, Page, Role, Structure, Tag};
use crate::geom::{Abs, Color, Size};
use crate::layout::block::{Breaks, Flow};
use crate::layout::fragment::{Fragment, Skeleton};
use crate::layout::theme::ColumnGeometry;

/// How many random streams are planned.
const CASES: u64 = 3000;

/// xorshift64*: enough randomness for test cases, the same on every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
}

/// A block of `n` slices `h` tall, each one marked content piece of one paragraph node.
fn block(n: usize, h: f64, breaks: Breaks) -> Block {
    let mut skel = Skeleton::new();
    let p = skel.node(Skeleton::ANCHOR, Role::Paragraph);
    let slices = (0..n)
        .map(|_| {
            let mut f = Fragment::new(Size::new(Abs(10.0), Abs(h)));
            let mark = skel.content(p);
            f.push(
                Point::default(),
                ItemKind::Rect {
                    size: Size::new(Abs(1.0), Abs(h)),
                    fill: Color::BLACK,
                },
                mark,
            );
            f
        })
        .collect();
    Block {
        skeleton: skel,
        slices,
        breaks,
        ..Block::default()
    }
}

/// A random block and a word for what it stands for.
fn random_block(r: &mut Rng, region: f64) -> (Block, &'static str) {
    let line = 8.0 + r.below(8) as f64;
    match r.below(10) {
        0..=3 => {
            let n = 1 + r.below(30) as usize;
            let mut b = block(
                n,
                line,
                Breaks {
                    min_head: 2,
                    min_tail: 2,
                    ..Breaks::default()
                },
            );
            b.space_before = Abs(r.below(10) as f64);
            b.space_after = Abs(r.below(10) as f64);
            (b, "paragraph")
        }
        4 => {
            let mut b = block(1, line * 2.0, Breaks::default());
            b.breaks = Breaks {
                keep_with_next: true,
                min_head: 1,
                min_tail: 1,
                break_before: r.chance(10),
                ..Breaks::default()
            };
            b.space_before = Abs(12.0);
            (b, "heading")
        }
        5 => {
            // A figure: one slice up to the region's height, often allowed to float.
            let h = 20.0 + r.below((region - 20.0) as u64) as f64;
            let mut b = block(
                1,
                h,
                Breaks {
                    min_head: 1,
                    min_tail: 1,
                    ..Breaks::default()
                },
            );
            b.breaks.float = r.chance(70);
            b.space_before = Abs(8.0);
            b.space_after = Abs(8.0);
            (b, "figure")
        }
        6 => {
            // Now and then a table of tall rows under a tall heading row (large print on a
            // small page), where a row and the heading row may not share a page.
            let tall = r.chance(25);
            let rows = 1 + r.below(if tall { 8 } else { 40 }) as usize;
            let (row, head) = if tall {
                let row = region * (0.2 + r.below(60) as f64 / 100.0);
                (row, region * (0.1 + r.below(40) as f64 / 100.0))
            } else {
                (line * 1.5, line * 1.5)
            };
            let mut b = block(
                rows,
                row,
                Breaks {
                    min_head: 3,
                    min_tail: 2,
                    ..Breaks::default()
                },
            );
            b.repeat = Some(Fragment::new(Size::new(Abs(10.0), Abs(head))));
            (b, if tall { "table of tall rows" } else { "table" })
        }
        7 => {
            let n = 1 + r.below(12) as usize;
            let b = block(
                n,
                line,
                Breaks {
                    min_head: 2,
                    min_tail: 2,
                    keep_together: true,
                    ..Breaks::default()
                },
            );
            (b, "box")
        }
        _ => {
            // A block longer than any region, cut into lines.
            let n = (region / line) as usize * (1 + r.below(3) as usize) + r.below(5) as usize;
            let mut b = block(
                n,
                line,
                Breaks {
                    min_head: 2,
                    min_tail: 2,
                    ..Breaks::default()
                },
            );
            // Now and then a figure cut into bands (a chart taller than a page), which
            // may have asked to float.
            b.breaks.float = r.chance(30);
            (b, "long item")
        }
    }
}

/// Places a planned stream on empty pages, as layout does.
fn place(stream: Vec<Flow>, plan: &Plan, area: Rect) -> (Vec<Page>, Structure) {
    let mut pages: Vec<Page> = (0..plan.pages)
        .map(|_| Page {
            size: Size::new(area.size.w, area.bottom() + Abs(20.0)),
            number: Some(1),
            label: None,
            area,
            items: Vec::new(),
        })
        .collect();
    let (mut structure, mut warnings) = (Structure::new(), Vec::new());
    Target {
        pages: &mut pages,
        structure: &mut structure,
        warnings: &mut warnings,
    }
    .flow(stream, plan, 0, Structure::ROOT);
    (pages, structure)
}

#[test]
fn random_streams_lose_nothing_stay_inside_their_regions_and_keep_their_rules() {
    for case in 0..CASES {
        if std::env::var("FOLIO_CASE").is_ok_and(|c| c != case.to_string()) {
            continue;
        }
        let mut r = Rng(0x9E37_79B9_7F4A_7C15 ^ (case + 1).wrapping_mul(0xA24B_AED4_963E_E407));
        let height = 120.0 + r.below(400) as f64;
        let area = Rect::new(Abs(20.0), Abs(20.0), Abs(200.0), Abs(height));
        let geometry = ColumnGeometry {
            gutter: Abs(10.0),
            min_start: Abs(40.0),
        };
        let count = 1 + r.below(25) as usize;
        let mut kinds = Vec::new();
        let mut stream = Vec::new();
        for _ in 0..count {
            let (b, kind) = random_block(&mut r, height);
            if kind == "paragraph" && r.chance(10) {
                // Now and then a short run of columns.
                kinds.push("paragraph in columns");
                stream.push(Flow::Columns(vec![Flow::Block(b)]));
            } else {
                kinds.push(kind);
                stream.push(Flow::Block(b));
            }
        }
        fit(&mut stream, area.size.h);
        let plan = plan(&stream, area, &geometry);
        let all = blocks(&stream);
        let summary: Vec<String> = all
            .iter()
            .enumerate()
            .map(|(b, bl)| {
                format!(
                    "{b} {} n={} h={:.0} kwn={} float={} bb={} pages={:?}",
                    kinds[b],
                    bl.slices.len(),
                    bl.height().to_pt(),
                    bl.breaks.keep_with_next,
                    bl.breaks.float,
                    bl.breaks.break_before,
                    plan.spots[b]
                        .iter()
                        .map(|s| (s.page, s.at.x.to_pt().round(), s.at.y.to_pt().round()))
                        .collect::<Vec<_>>()
                )
            })
            .collect();
        let why = |b: usize, what: &str| {
            format!(
                "case {case}, block {b} ({}): {what}\nregion {height}\n{}",
                kinds[b],
                summary.join("\n")
            )
        };
        // Every slice has exactly one spot, in order, inside its region.
        for (b, block) in all.iter().enumerate() {
            let spots = &plan.spots[b];
            assert_eq!(spots.len(), block.slices.len(), "{}", why(b, "slices lost"));
            for (k, (s, slice)) in spots.iter().zip(&block.slices).enumerate() {
                assert!(
                    s.at.y + slice.size.h <= area.bottom() + Abs(0.02),
                    "{}",
                    why(
                        b,
                        &format!(
                            "slice {k} ends at {:?}, below {:?}",
                            s.at.y + slice.size.h,
                            area.bottom()
                        )
                    )
                );
                assert!(
                    s.at.y >= area.origin.y - Abs(0.02),
                    "{}",
                    why(b, "above the region")
                );
                if k > 0 {
                    let p = spots[k - 1];
                    assert!(
                        (s.page, s.at.x.to_pt(), s.at.y.to_pt())
                            > (p.page, p.at.x.to_pt(), p.at.y.to_pt()),
                        "{}",
                        why(b, "slices out of order")
                    );
                }
            }
            let first = spots.first().map(|s| s.page);
            let last = spots.last().map(|s| s.page);
            let pages_of = |p: usize| spots.iter().filter(|s| s.page == p).count();
            // Widows and orphans, and rows each side of a table's break.
            if let (Some(f), Some(l)) = (first, last)
                && f != l
                && block.height() <= area.size.h
            {
                let rules = &block.breaks;
                let at_start = pages_of(f);
                // Under headings that start a page and cannot share one with all of it,
                // its head rule yields rather than leave the headings alone.
                let under_headings_at_top = b > 0 && all[b - 1].breaks.keep_with_next && {
                    let mut k = b - 1;
                    while k > 0 && all[k - 1].breaks.keep_with_next {
                        k -= 1;
                    }
                    plan.spots[k]
                        .first()
                        .is_some_and(|s| s.page == f && s.at.y <= area.origin.y)
                };
                assert!(
                    at_start >= rules.min_head.min(block.slices.len())
                        || spots[0].at.y <= area.origin.y
                        || under_headings_at_top,
                    "{}",
                    why(b, &format!("{at_start} slices at the foot"))
                );
                assert!(
                    pages_of(l) >= rules.min_tail.min(block.slices.len()),
                    "{}",
                    why(b, &format!("{} slices carried over", pages_of(l)))
                );
            }
            // A block kept together and shorter than a page is on one page, unless the
            // break after it is forced (it may then split rather than stand alone) or it
            // follows a heading (it splits rather than leave the heading alone).
            let stop_after = all.get(b + 1).is_none_or(|n| n.breaks.break_before);
            let after_heading = b > 0 && all[b - 1].breaks.keep_with_next;
            if block.breaks.keep_together
                && block.height() <= area.size.h
                && !stop_after
                && !after_heading
            {
                assert_eq!(first, last, "{}", why(b, "a kept block split"));
            }
            // A heading is on the page of what follows it, when the whole chain of blocks
            // kept with the next that it is part of, and the start of the block the chain
            // ends in, fit a page. (A chain that cannot fit one breaks as late as it can:
            // a heading stays with its long lead, and the cards after them move on.)
            if block.breaks.keep_with_next
                && let Some(next) = all.get(b + 1)
                && !next.breaks.break_before
                && !next.slices.is_empty()
            {
                let mut need = Abs::ZERO;
                let mut j = b;
                while j > 0 && all[j - 1].breaks.keep_with_next && !all[j].breaks.break_before {
                    j -= 1;
                }
                while all[j].breaks.keep_with_next && j + 1 < all.len() {
                    need += all[j].height() + Abs(20.0);
                    j += 1;
                }
                let end = all[j];
                let start = end.breaks.min_head.max(1).min(end.slices.len());
                need += end.slices[..start]
                    .iter()
                    .fold(Abs::ZERO, |h, s| h + s.size.h);
                if need <= area.size.h && !all[j].breaks.break_before {
                    assert_eq!(
                        last,
                        plan.spots[b + 1].first().map(|s| s.page),
                        "{}",
                        why(b, "left at a page foot")
                    );
                }
            }
            if block.breaks.break_before && b > 0 {
                assert_eq!(
                    spots[0].at.y,
                    area.origin.y,
                    "{}",
                    why(b, "not at a page top")
                );
            }
        }
        // No page is left empty: every page the plan counts holds a slice.
        for page in 0..plan.pages {
            assert!(
                plan.spots.iter().flatten().any(|s| s.page == page),
                "case {case}: page {page} of {} holds nothing\n{}",
                plan.pages,
                summary.join("\n")
            );
        }
        // Placed: every content piece tagged once, none lost.
        let (pages, structure) = place(stream, &plan, area);
        let mut seen = vec![0u32; structure.content_count()];
        for item in pages.iter().flat_map(|p| &p.items) {
            if let Tag::Content(c) = item.tag {
                seen[c.0 as usize] += 1;
            }
        }
        assert!(
            seen.iter().all(|n| *n == 1),
            "case {case}: content pieces placed {seen:?}"
        );
    }
}
