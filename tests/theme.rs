//! The theme read back from the product: large print is one number, and page size alone
//! recomposes covers and card grids. Built from the layout corpus's reports.

mod common;

use common::Pdf;
use folio::frame::{Document, ItemKind};

fn build(name: &str) -> folio::build::Built {
    let dir = common::root().join("tests/layout");
    let source = std::fs::read_to_string(dir.join(format!("{name}.toml"))).expect("report");
    common::build_in(&source, &dir)
}

/// The largest size of the text runs that start with `text` (a heading is larger than its
/// contents entry).
fn size_of(doc: &Document, text: &str) -> f64 {
    doc.pages
        .iter()
        .flat_map(|p| &p.items)
        .filter_map(|i| match &i.kind {
            ItemKind::Text(t) if t.text.starts_with(text) => Some(t.size.to_pt()),
            _ => None,
        })
        .reduce(f64::max)
        .unwrap_or_else(|| panic!("no text {text:?}"))
}

#[test]
fn large_print_sets_no_text_in_the_pdf_smaller_than_the_body() {
    let built = build("large-print-16");
    let pdf = Pdf::parse(&built.pdf);
    for (page, runs) in pdf.all_runs().iter().enumerate() {
        for r in runs {
            assert!(
                r.size >= 16.0 - 1e-3,
                "page {}: {:?} is set at {} pt",
                page + 1,
                r.text,
                r.size
            );
        }
    }
}

#[test]
fn in_large_print_leads_headings_and_figures_stay_above_the_body() {
    let doc = build("large-print-16").document;
    let body = size_of(&doc, "We will open a third");
    let lead = size_of(&doc, "Our plan for next year");
    let heading = size_of(&doc, "Looking ahead");
    let figure = size_of(&doc, "640");
    assert_eq!(body, 16.0);
    assert!(
        body < lead && lead < heading && heading < figure,
        "{body} {lead} {heading} {figure}"
    );
}

#[test]
fn the_cover_is_composed_for_the_page() {
    let a4 = size_of(&build("minimal").document, "2024");
    let a5 = size_of(&build("a5").document, "2024");
    // A5 with 15 mm margins has a measure of 118 mm against A4's 170 mm.
    assert!((a5 / a4 - 118.0 / 170.0).abs() < 1e-6, "{a4} {a5}");
}

/// How many cards the first row of the section `title`'s grid holds: the card backgrounds
/// (tint rectangles) drawn at the row's top after the section heading.
fn cards_in_first_row(doc: &Document, figure: &str) -> usize {
    for page in &doc.pages {
        let Some(top) = page.items.iter().find_map(|i| match &i.kind {
            ItemKind::Text(t) if t.text.trim() == figure => Some(i.pos.y),
            _ => None,
        }) else {
            continue;
        };
        let tint = folio::geom::Color::rgb(0xE8, 0xED, 0xEE);
        return page
            .items
            .iter()
            .filter(|i| {
                matches!(&i.kind, ItemKind::Rect { fill, size } if *fill == tint && size.h.to_pt() > 30.0)
                    && i.pos.y < top
                    && top - i.pos.y < folio::geom::Abs(60.0)
            })
            .count();
    }
    panic!("no figure {figure:?}")
}

#[test]
fn a_narrow_page_sets_fewer_wider_cards_at_full_size() {
    let a4 = build("legal");
    let a5 = build("a5");
    assert_eq!(cards_in_first_row(&a4.document, "412,000"), 3);
    assert_eq!(cards_in_first_row(&a5.document, "412,000"), 2);
    // No figure had to shrink to fit its card, so there is nothing to warn about.
    assert!(
        a5.warnings.iter().all(|w| !w.message.contains("too wide")),
        "{:?}",
        a5.warnings.iter().map(|w| &w.message).collect::<Vec<_>>()
    );
}
