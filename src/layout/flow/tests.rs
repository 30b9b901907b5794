//! Pagination rules on constructed blocks. Each slice carries one marker rectangle whose
//! width is its id, so the test can see where every slice landed.

use super::*;
use crate::frame::{Artifact, ItemKind, Tag};
use crate::geom::{Color, Size};

/// A page area 100 pt tall.
fn area() -> Rect {
    Rect::new(Abs(0.0), Abs(0.0), Abs(100.0), Abs(100.0))
}

fn slice(id: u32, height: f64) -> Slice {
    Slice {
        height: Abs(height),
        items: vec![Item {
            pos: Point::default(),
            kind: ItemKind::Rect {
                size: Size::new(Abs(id as f64), Abs(1.0)),
                fill: Color::BLACK,
            },
            tag: Tag::Artifact(Artifact::Decoration),
        }],
    }
}

/// Ids of the slices on each page.
fn layout(blocks: &[Block]) -> Vec<Vec<u32>> {
    paginate(blocks.to_vec(), area())
        .iter()
        .map(|p| {
            p.items
                .iter()
                .map(|i| match &i.kind {
                    ItemKind::Rect { size, .. } => size.w.to_pt() as u32,
                    _ => 0,
                })
                .collect()
        })
        .collect()
}

fn paragraph(first_id: u32, lines: u32, line_height: f64) -> Block {
    Block::lines(
        (0..lines)
            .map(|i| slice(first_id + i, line_height))
            .collect(),
    )
}

#[test]
fn a_heading_moves_to_the_next_page_with_its_paragraph() {
    // 80 pt of text, then a heading of 10 and a paragraph of 10 lines of 10: the heading
    // fits, but not with two lines after it, so it goes over.
    let mut heading = Block::atomic(slice(100, 10.0));
    heading.keep_with_next = true;
    let blocks = vec![paragraph(1, 8, 10.0), heading, paragraph(200, 10, 10.0)];
    let pages = layout(&blocks);
    assert_eq!(pages[0], (1..=8).collect::<Vec<_>>());
    assert_eq!(pages[1][0], 100);
}

#[test]
fn no_orphan_a_single_first_line_never_stands_at_a_page_foot() {
    // 90 pt used: one line of the next paragraph would fit, two would not.
    let blocks = vec![paragraph(1, 9, 10.0), paragraph(100, 5, 10.0)];
    let pages = layout(&blocks);
    assert_eq!(pages[0], (1..=9).collect::<Vec<_>>());
    assert_eq!(pages[1], (100..105).collect::<Vec<_>>());
}

#[test]
fn no_widow_a_single_last_line_never_starts_a_page() {
    // 50 pt used, a paragraph of 6 lines: 5 fit, which would carry 1 alone; so 4 stay.
    let blocks = vec![paragraph(1, 5, 10.0), paragraph(100, 6, 10.0)];
    let pages = layout(&blocks);
    assert_eq!(pages[0].iter().filter(|&&i| i >= 100).count(), 4);
    assert_eq!(pages[1], vec![104, 105]);
}

#[test]
fn a_three_line_paragraph_cannot_split_and_moves_whole() {
    let blocks = vec![paragraph(1, 8, 10.0), paragraph(100, 3, 10.0)];
    let pages = layout(&blocks);
    assert_eq!(pages[1], vec![100, 101, 102]);
}

#[test]
fn a_card_row_is_never_split() {
    let blocks = vec![paragraph(1, 7, 10.0), Block::atomic(slice(100, 40.0))];
    let pages = layout(&blocks);
    assert_eq!(pages[0], (1..=7).collect::<Vec<_>>());
    assert_eq!(pages[1], vec![100]);
}

#[test]
fn a_page_break_before_starts_a_new_page_and_space_vanishes_at_a_page_top() {
    let mut second = paragraph(100, 2, 10.0);
    second.break_before = true;
    second.space_before = Abs(30.0);
    let blocks = vec![paragraph(1, 2, 10.0), second];
    let placed = paginate(blocks, area());
    assert_eq!(placed.len(), 2);
    assert_eq!(placed[1].items[0].pos.y, Abs(0.0));
}

#[test]
fn nothing_is_placed_below_the_area() {
    let blocks: Vec<Block> = (0..20).map(|i| paragraph(i * 10, 4, 9.0)).collect();
    for page in paginate(blocks, area()) {
        for item in page.items {
            assert!(item.pos.y.to_pt() + 9.0 <= 100.0 + 1e-6);
        }
    }
}
