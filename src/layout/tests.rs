//! Measuring has no side effects: a component can be measured at several widths, asked its
//! height, and thrown away, and what is placed in the end is all the document holds.

use super::block::Flow;
use super::cx::Cx;
use super::flow::{self, blocks, place::Target};
use super::section::section;
use crate::frame::{Page, Structure};
use crate::model::Report;

const REPORT: &str = r#"
[report]
title = "Measure"
organisation = "Test"
period = "2024"
date = "2025-01-01"

[[sections]]
title = "A section"
lead = "A lead that runs long enough to wrap when the measure is narrow."
body = """
A paragraph long enough to wrap onto several lines at a narrow measure, and onto fewer at a wide one, so its height depends on the width it is measured at.

- An item
- Another item
"""
"#;

fn report() -> Report {
    let (spec, _) = crate::spec::load(REPORT).expect("the test report parses");
    let (report, _) =
        crate::model::resolve(&spec, REPORT, std::path::Path::new(".")).expect("resolves");
    report
}

fn height(flow: &[Flow]) -> crate::geom::Abs {
    blocks(flow)
        .iter()
        .fold(crate::geom::Abs::ZERO, |h, b| h + b.height())
}

#[test]
fn a_paragraph_measured_narrower_is_taller() {
    let report = report();
    let cx = Cx::new(&report);
    let body = &report.sections[0].body;
    let source = super::text::Source::new("body", &None, "text column");
    let wide = super::markdown::flow(&cx, body, cx.theme.measure(), source);
    let narrow = super::markdown::flow(&cx, body, cx.theme.column_width(), source);
    assert!(height(&narrow) > height(&wide));
}

#[test]
fn measuring_twice_and_placing_once_leaves_one_structure() {
    let report = report();
    let cx = Cx::new(&report);
    // A trial measure, thrown away: it must leave no trace.
    let trial = section(&cx, &report.sections[0]);
    drop(trial);
    let stream = section(&cx, &report.sections[0]);
    let plan = flow::plan(&stream, cx.theme.area, &cx.theme.columns);
    let mut pages: Vec<Page> = (0..plan.pages)
        .map(|_| Page {
            size: cx.theme.page,
            number: None,
            label: None,
            area: cx.theme.area,
            items: Vec::new(),
        })
        .collect();
    let (mut structure, mut warnings) = (Structure::new(), Vec::new());
    Target {
        pages: &mut pages,
        structure: &mut structure,
        warnings: &mut warnings,
    }
    .flow(stream, &plan, 0, Structure::ROOT);
    // One section under the root, and as many content pieces as items tagged on the page.
    assert_eq!(structure.node(Structure::ROOT).children.len(), 1);
    let tagged = pages
        .iter()
        .flat_map(|p| &p.items)
        .filter(|i| matches!(i.tag, crate::frame::Tag::Content(_)))
        .count();
    assert_eq!(structure.content_count(), tagged);
}
