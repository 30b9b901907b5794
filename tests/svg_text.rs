//! SVG lettering: a logo's `<text>` is laid out in the report's fonts and drawn, as outlines,
//! in both editions (before, usvg had no fonts and dropped it; the print edition refused it).

mod common;

use folio::build::{Editions, compile_editions};
use folio::model::ImageKind;

fn report() -> (String, std::path::PathBuf) {
    let dir = common::root().join("tests/data/text");
    let source = std::fs::read_to_string(dir.join("svg-lettering.toml")).unwrap();
    (source, dir)
}

/// The number of outline paths of every `<text>` element in a tree.
fn lettering(group: &usvg::Group) -> (usize, usize) {
    let (mut texts, mut paths) = (0, 0);
    for node in group.children() {
        match node {
            usvg::Node::Group(g) => {
                let (t, p) = lettering(g);
                texts += t;
                paths += p;
            }
            usvg::Node::Text(t) => {
                texts += 1;
                paths += count_paths(t.flattened());
            }
            _ => {}
        }
    }
    (texts, paths)
}

fn count_paths(group: &usvg::Group) -> usize {
    group
        .children()
        .iter()
        .map(|n| match n {
            usvg::Node::Path(_) => 1,
            usvg::Node::Group(g) => count_paths(g),
            _ => 0,
        })
        .sum()
}

#[test]
fn svg_lettering_is_laid_out_in_the_reports_fonts() {
    let (source, dir) = report();
    let (spec, _) = folio::spec::load(&source).unwrap();
    let (report, _) = folio::model::resolve(&spec, &source, &dir).unwrap();
    let logo = report.logo.as_ref().expect("a logo");
    let ImageKind::Svg(tree) = &logo.image.kind else {
        panic!("the logo is an SVG");
    };
    // Each <text> is laid out into outlines (one path per text run) as wide as its words.
    assert_eq!(lettering(tree.root()), (3, 3));
    let bounds = tree.root().abs_bounding_box();
    assert!(bounds.width() > 200.0, "{bounds:?}");
    // Without the report's fonts usvg has nothing to lay the letters out in.
    let svg = std::fs::read(dir.join("lettering-logo.svg")).unwrap();
    let bare = usvg::Tree::from_data(&svg, &usvg::Options::default()).unwrap();
    assert_eq!(lettering(bare.root()).1, 0);
}

#[test]
fn both_editions_draw_svg_lettering_and_the_reader_edition_stays_valid() {
    let (source, dir) = report();
    let built = compile_editions(
        &source,
        &dir,
        Editions {
            print: Some(true),
            ..Editions::default()
        },
        "svg-lettering-print.pdf",
    )
    .unwrap_or_else(|e| panic!("both editions build: {e:?}"));
    assert!(built.print.is_some());
    common::assert_ua1_and_a2a("svg-lettering", &built.pdf);
    // The lettering is graphics inside the logo's figure (its alt text says what it reads),
    // so it is not text of its own: the logo's words appear only where the report prints them.
    let pdf = common::Pdf::parse(&built.pdf);
    assert!(!pdf.text().contains("RC"), "{}", pdf.text());
}
