//! Planning and placing constructed blocks. Every slice is one line of a given height with
//! one marker rectangle, so a test can see where each slice landed by its block and index.

use super::place::Target;
use super::*;
use crate::frame::{Child, ItemKind, Page, Role, Structure, Tag};
use crate::geom::{Abs, Color, Size};
use crate::layout::block::Breaks;
use crate::layout::fragment::{Fragment, Skeleton};
use crate::layout::theme::ColumnGeometry;

/// A page area 100 pt tall (and wide).
fn area() -> Rect {
    Rect::new(Abs(0.0), Abs(0.0), Abs(100.0), Abs(100.0))
}

fn geometry() -> ColumnGeometry {
    ColumnGeometry {
        gutter: Abs(10.0),
        min_start: Abs(30.0),
    }
}

/// A paragraph of `lines` lines `h` tall: one P node, each line one content piece.
fn paragraph(lines: usize, h: f64) -> Block {
    let mut skel = Skeleton::new();
    let p = skel.node(Skeleton::ANCHOR, Role::Paragraph);
    let slices = (0..lines)
        .map(|_| {
            let mut f = Fragment::new(Size::new(Abs(10.0), Abs(h)));
            let mark = skel.content(p);
            f.push(
                Point::default(),
                ItemKind::Rect {
                    size: Size::new(Abs(1.0), Abs(1.0)),
                    fill: Color::BLACK,
                },
                mark,
            );
            f
        })
        .collect();
    Block::lines(skel, slices)
}

/// A heading of one slice, kept with what follows.
fn heading(h: f64) -> Block {
    let mut b = paragraph(1, h);
    b.breaks = Breaks {
        keep_with_next: true,
        min_head: 1,
        min_tail: 1,
        ..Breaks::default()
    };
    b
}

fn stream(blocks: Vec<Block>) -> Vec<Flow> {
    blocks.into_iter().map(Flow::Block).collect()
}

/// For each block, the page of each slice.
fn pages_of(plan: &Plan) -> Vec<Vec<usize>> {
    plan.spots
        .iter()
        .map(|s| s.iter().map(|s| s.page).collect())
        .collect()
}

fn plan_of(blocks: Vec<Block>) -> Plan {
    plan(&stream(blocks), area(), &geometry())
}

#[test]
fn a_heading_moves_to_the_next_page_with_its_paragraph() {
    // 80 pt of text, then a heading of 10 and a paragraph of 10 lines of 10: the heading
    // fits, but not with two lines after it, so it goes over.
    let plan = plan_of(vec![paragraph(8, 10.0), heading(10.0), paragraph(10, 10.0)]);
    let pages = pages_of(&plan);
    assert_eq!(pages[0], vec![0; 8]);
    assert_eq!(pages[1], vec![1]);
    assert_eq!(pages[2][0], 1);
}

#[test]
fn no_orphan_a_single_first_line_never_stands_at_a_page_foot() {
    // 90 pt used: one line of the next paragraph would fit, two would not.
    let pages = pages_of(&plan_of(vec![paragraph(9, 10.0), paragraph(5, 10.0)]));
    assert_eq!(pages[1], vec![1; 5]);
}

#[test]
fn no_widow_a_single_last_line_never_starts_a_page() {
    // 50 pt used, a paragraph of 6 lines: 5 fit, which would carry 1 alone; so 4 stay.
    let pages = pages_of(&plan_of(vec![paragraph(5, 10.0), paragraph(6, 10.0)]));
    assert_eq!(pages[1], vec![0, 0, 0, 0, 1, 1]);
}

#[test]
fn a_three_line_paragraph_cannot_split_and_moves_whole() {
    let pages = pages_of(&plan_of(vec![paragraph(8, 10.0), paragraph(3, 10.0)]));
    assert_eq!(pages[1], vec![1; 3]);
}

#[test]
fn a_block_kept_together_moves_whole_though_it_could_split() {
    let mut b = paragraph(6, 10.0);
    b.breaks.keep_together = true;
    let pages = pages_of(&plan_of(vec![paragraph(5, 10.0), b]));
    assert_eq!(pages[1], vec![1; 6]);
}

#[test]
fn a_page_break_before_starts_a_new_page_and_space_vanishes_at_a_page_top() {
    let mut second = paragraph(2, 10.0);
    second.breaks.break_before = true;
    second.space_before = Abs(30.0);
    let plan = plan_of(vec![paragraph(2, 10.0), second]);
    assert_eq!(plan.pages, 2);
    assert_eq!(plan.spots[1][0].page, 1);
    assert_eq!(plan.spots[1][0].at.y, Abs(0.0));
}

#[test]
fn space_between_blocks_is_the_larger_wish() {
    let mut a = paragraph(2, 10.0);
    a.space_after = Abs(4.0);
    let mut b = paragraph(2, 10.0);
    b.space_before = Abs(7.0);
    let plan = plan_of(vec![a, b]);
    assert_eq!(plan.spots[1][0].at.y, Abs(27.0));
}

#[test]
fn a_repeated_heading_row_starts_every_page_a_block_continues_on() {
    let mut table = paragraph(15, 10.0);
    table.repeat = Some(Fragment::new(Size::new(Abs(10.0), Abs(10.0))));
    let plan = plan_of(vec![paragraph(2, 10.0), table]);
    let spots = &plan.spots[1];
    let continued: Vec<&Spot> = spots.iter().filter(|s| s.repeat.is_some()).collect();
    assert_eq!(continued.len(), 1, "one page break inside the table");
    assert_eq!(continued[0].repeat.unwrap().y, Abs(0.0));
    assert_eq!(
        continued[0].at.y,
        Abs(10.0),
        "the first row sits under the heading row"
    );
}

#[test]
fn nothing_is_placed_below_the_area() {
    let blocks: Vec<Block> = (0..20).map(|_| paragraph(4, 9.0)).collect();
    let plan = plan_of(blocks);
    for s in plan.spots.iter().flatten() {
        assert!(s.at.y.to_pt() + 9.0 <= 100.0 + 1e-6);
    }
}

#[test]
fn planning_twice_gives_the_same_plan() {
    let s = stream(vec![paragraph(8, 10.0), heading(10.0), paragraph(10, 10.0)]);
    let (a, b) = (plan(&s, area(), &geometry()), plan(&s, area(), &geometry()));
    assert_eq!(a.spots, b.spots);
}

/// Places a stream on empty pages and returns them with the structure.
fn placed(s: Vec<Flow>) -> (Vec<Page>, Structure) {
    let plan = plan(&s, area(), &geometry());
    let mut pages: Vec<Page> = (0..plan.pages)
        .map(|_| Page {
            size: Size::new(Abs(100.0), Abs(100.0)),
            number: None,
            label: None,
            area: area(),
            items: Vec::new(),
        })
        .collect();
    let mut structure = Structure::new();
    let mut warnings = Vec::new();
    Target {
        pages: &mut pages,
        structure: &mut structure,
        warnings: &mut warnings,
    }
    .flow(s, &plan, 0, Structure::ROOT);
    (pages, structure)
}

#[test]
fn a_paragraph_split_over_two_pages_is_one_structure_node() {
    let s = vec![
        Flow::Open(Role::Section),
        Flow::Block(paragraph(5, 10.0)),
        Flow::Block(paragraph(8, 10.0)),
        Flow::Close,
    ];
    let (pages, structure) = placed(s);
    assert_eq!(pages.len(), 2);
    let section = match structure.node(Structure::ROOT).children[..] {
        [Child::Node(n)] => n,
        ref other => panic!("one section under the root: {other:?}"),
    };
    let paragraphs: Vec<_> = structure
        .node(section)
        .children
        .iter()
        .map(|c| match c {
            Child::Node(n) => *n,
            Child::Content(_) => panic!("the section holds nodes only"),
        })
        .collect();
    assert_eq!(paragraphs.len(), 2);
    let second = structure.node(paragraphs[1]);
    assert_eq!(second.role, Role::Paragraph);
    assert_eq!(
        second.children.len(),
        8,
        "all eight lines are pieces of one paragraph"
    );
    // Its pieces are drawn on both pages.
    let on = |page: &Page| {
        page.items
            .iter()
            .filter(|i| {
                matches!(i.tag, Tag::Content(c) if second.children.contains(&Child::Content(c)))
            })
            .count()
    };
    // 50 pt of the first paragraph leave room for five lines; three (at least two) follow.
    assert_eq!((on(&pages[0]), on(&pages[1])), (5, 3));
}

#[test]
fn content_ids_follow_reading_order() {
    let (pages, structure) = placed(stream(vec![paragraph(3, 10.0), paragraph(3, 10.0)]));
    let ids: Vec<u32> = pages[0]
        .items
        .iter()
        .filter_map(|i| match i.tag {
            Tag::Content(c) => Some(c.0),
            Tag::Artifact(_) => None,
        })
        .collect();
    assert_eq!(ids, (0..6).collect::<Vec<_>>());
    assert_eq!(structure.content_count(), 6);
}

/// The bottom of the last slice in each column of the last page of a two-column run.
fn column_bottoms(plan: &Plan, blocks: &[usize]) -> (Abs, Abs) {
    let last = plan.pages - 1;
    let (mut left, mut right) = (Abs::ZERO, Abs::ZERO);
    for (b, spots) in plan.spots.iter().enumerate() {
        for s in spots.iter().filter(|s| s.page == last) {
            let bottom = s.at.y + Abs(blocks[b] as f64);
            if s.at.x < Abs(45.0) {
                left = left.max(bottom);
            } else {
                right = right.max(bottom);
            }
        }
    }
    (left, right)
}

#[test]
fn two_columns_end_level_on_the_last_page() {
    let run = vec![
        Flow::Block(paragraph(10, 10.0)),
        Flow::Block(paragraph(6, 10.0)),
    ];
    let plan = plan(&[Flow::Columns(run)], area(), &geometry());
    assert_eq!(plan.pages, 1);
    let (left, right) = column_bottoms(&plan, &[10, 10]);
    assert_eq!(left, right, "16 lines balance 8 and 8");
    assert_eq!(left, Abs(80.0));
}

#[test]
fn balanced_columns_keep_the_widow_and_orphan_rules() {
    // Three paragraphs of three lines cannot split (two lines each side would need four):
    // the only column breaks are between them, so the columns hold 6 and 3 lines, not 5
    // and 4.
    let run = (0..3).map(|_| Flow::Block(paragraph(3, 10.0))).collect();
    let plan = plan(&[Flow::Columns(run)], area(), &geometry());
    let (left, right) = column_bottoms(&plan, &[10, 10, 10]);
    assert_eq!((left, right), (Abs(60.0), Abs(30.0)));
}

#[test]
fn two_columns_that_fill_pages_balance_only_the_last() {
    // 30 lines of 10 in columns 100 tall: pages of 20, then 10 lines over two columns.
    let run = vec![Flow::Block(paragraph(30, 10.0))];
    let plan = plan(&[Flow::Columns(run)], area(), &geometry());
    assert_eq!(plan.pages, 2);
    let (left, right) = column_bottoms(&plan, &[10]);
    assert_eq!((left, right), (Abs(50.0), Abs(50.0)));
}
