//! Where images go, read back from the PDF (boxes drawn, structure tags) and the frame
//! (text beside a floated image): `align`, `float = "left"/"right"` with the text wrapping
//! round the image, and rows of images; the same placement in the web edition's HTML.

mod common;

use common::Pdf;
use folio::frame::ItemKind;
use folio::geom::Rect;

const MARGIN_MM: f64 = 15.0;

/// The corpus report that places images every way, built once per test.
fn placed() -> folio::build::Built {
    let dir = common::root().join("tests/layout");
    let source = std::fs::read_to_string(dir.join("image-placement.toml")).expect("the report");
    common::build_in(&source, &dir)
}

fn mm(v: f64) -> f64 {
    v * 72.0 / 25.4
}

/// The image boxes drawn on a page, top-down coordinates: (x0, top, x1, bottom).
fn images(pdf: &Pdf, page: usize) -> Vec<[f64; 4]> {
    let h = pdf.page_height(page);
    let (boxes, _) = pdf.drawn_images_and_clips(pdf.pages[page]);
    boxes
        .into_iter()
        .map(|b| [b[0], h - b[3], b[2], h - b[1]])
        .collect()
}

#[test]
fn an_image_floated_right_has_the_text_beside_it_and_none_under_it() {
    let built = placed();
    let pdf = Pdf::parse(&built.pdf);
    let page_w = folio::geom::Abs::mm(148.0).to_pt();
    let portrait = images(&pdf, 1)[0];
    assert!(
        (portrait[2] - (page_w - mm(MARGIN_MM))).abs() < 0.5,
        "at the right margin: {portrait:?}"
    );
    // In the frame: every line of text that shares the image's height ends before it, and
    // some lines do (the text wraps rather than starting below).
    let page = &built.document.pages[1];
    let img = page
        .items
        .iter()
        .find_map(|i| matches!(i.kind, ItemKind::Image { .. }).then(|| i.bounds()))
        .expect("the portrait");
    let beside: Vec<Rect> = page
        .items
        .iter()
        .filter(|i| matches!(i.kind, ItemKind::Text(_)))
        .map(|i| i.bounds())
        .filter(|b| b.origin.y < img.bottom() && b.bottom() > img.origin.y)
        .collect();
    assert!(
        beside.len() >= 5,
        "{} lines beside the portrait",
        beside.len()
    );
    for b in &beside {
        let caption = b.origin.x.to_pt() >= img.origin.x.to_pt() - 0.5;
        assert!(
            caption || b.right().to_pt() < img.origin.x.to_pt() - 6.0,
            "a line runs under the image: {b:?} against {img:?}"
        );
    }
    // Below the image the lines run the full measure again.
    let widest_below = page
        .items
        .iter()
        .filter(|i| matches!(i.kind, ItemKind::Text(_)))
        .map(|i| i.bounds())
        .filter(|b| b.origin.y.to_pt() > img.bottom().to_pt() + 12.0)
        .map(|b| b.right())
        .fold(0.0f64, |a, r| a.max(r.to_pt()));
    assert!(widest_below > img.origin.x.to_pt(), "{widest_below}");
}

#[test]
fn images_sit_where_align_puts_them() {
    let pdf = Pdf::parse(&placed().pdf);
    let page_w = folio::geom::Abs::mm(148.0).to_pt();
    let boxes = images(&pdf, 2);
    assert_eq!(boxes.len(), 3, "{boxes:?}");
    let (left, centre, right) = (boxes[0], boxes[1], boxes[2]);
    assert!(
        (left[0] - mm(MARGIN_MM)).abs() < 0.5,
        "floated left: {left:?}"
    );
    let mid = (centre[0] + centre[2]) / 2.0;
    assert!((mid - page_w / 2.0).abs() < 0.5, "centred: {centre:?}");
    assert!(
        (right[2] - (page_w - mm(MARGIN_MM))).abs() < 0.5,
        "right: {right:?}"
    );
    // 60 % of the column, and half of it.
    let column = page_w - 2.0 * mm(MARGIN_MM);
    assert!(((centre[2] - centre[0]) - 0.6 * column).abs() < 0.5);
    assert!(((right[2] - right[0]) - 0.5 * column).abs() < 0.5);
}

#[test]
fn a_row_of_images_is_one_height_across_the_column() {
    let pdf = Pdf::parse(&placed().pdf);
    let page_w = folio::geom::Abs::mm(148.0).to_pt();
    let column = page_w - 2.0 * mm(MARGIN_MM);
    let boxes = images(&pdf, 3);
    assert_eq!(boxes.len(), 2 + 3 + 4, "{boxes:?}");
    for row in [&boxes[0..3], &boxes[3..5], &boxes[5..9]] {
        let tops: Vec<f64> = row.iter().map(|b| b[1]).collect();
        let bottoms: Vec<f64> = row.iter().map(|b| b[3]).collect();
        assert!(
            tops.windows(2).all(|w| (w[0] - w[1]).abs() < 0.5),
            "{row:?}"
        );
        assert!(
            bottoms.windows(2).all(|w| (w[0] - w[1]).abs() < 0.5),
            "{row:?}"
        );
        // Left to right, from margin to margin.
        assert!((row[0][0] - mm(MARGIN_MM)).abs() < 0.5, "{row:?}");
        assert!(
            (row[row.len() - 1][2] - (page_w - mm(MARGIN_MM))).abs() < 0.5,
            "{row:?}"
        );
        assert!(row.windows(2).all(|w| w[0][2] < w[1][0]), "{row:?}");
        let used: f64 = row.iter().map(|b| b[2] - b[0]).sum();
        assert!(used < column, "gaps between them: {used} of {column}");
    }
}

#[test]
fn every_placed_image_is_a_figure_with_its_alt_and_a_decorative_one_an_artifact() {
    let built = placed();
    let pdf = Pdf::parse(&built.pdf);
    let alts: Vec<String> = pdf
        .structure()
        .walk()
        .into_iter()
        .filter(|n| n.kind == "Figure")
        .filter_map(|n| n.alt.clone())
        .collect();
    let expected = [
        "Jane Smith, chair of the trust",
        "The entrance of the new centre",
        "The waiting area",
        "The city hospital",
        "The community centre",
        "The new diagnostic centre",
        "The garden",
        "Volunteer one",
        "Volunteer two",
        "Volunteer three",
        "Volunteer four",
    ];
    assert_eq!(alts, expected);
    // Thirteen images are drawn; the two decorative ones are not figures.
    let drawn: usize = (0..pdf.pages.len()).map(|p| images(&pdf, p).len()).sum();
    assert_eq!(drawn, expected.len() + 2);
    // The portrait is read first, then the foreword beside it.
    let tree = pdf.structure();
    let runs = pdf.all_runs();
    let order: Vec<String> = tree
        .walk()
        .into_iter()
        .filter(|n| n.kind == "Figure" || n.kind == "P")
        .map(|n| n.alt.clone().unwrap_or_else(|| n.text(&runs)))
        .collect();
    let portrait = order
        .iter()
        .position(|t| t.starts_with("Jane Smith, chair of"));
    let foreword = order
        .iter()
        .position(|t| t.starts_with("This has been a year"));
    assert!(portrait.is_some() && portrait < foreword, "{order:?}");
    common::assert_ua1_and_a2a("image placement", &built.pdf);
}

#[test]
fn the_web_edition_floats_aligns_and_rows_the_same_images() {
    let dir = common::root().join("tests/layout");
    let source = std::fs::read_to_string(dir.join("image-placement.toml")).expect("the report");
    let editions = folio::build::Editions {
        reader: false,
        print: Some(false),
        web: true,
    };
    let built = match folio::build::compile_editions(&source, &dir, editions, "report.pdf") {
        Ok(b) => b,
        Err(e) => panic!("{e:?}"),
    };
    let site = built.web.expect("the web edition");
    let html = String::from_utf8(
        site.files
            .iter()
            .find(|f| f.0 == "index.html")
            .expect("index.html")
            .1
            .clone(),
    )
    .expect("UTF-8");
    let css = String::from_utf8(
        site.files
            .iter()
            .find(|f| f.0 == "style.css")
            .expect("style.css")
            .1
            .clone(),
    )
    .expect("UTF-8");
    for class in [
        "image share-40 float-right",
        "image share-35 float-left",
        "image share-60 align-centre",
        "image share-50 align-right",
        "image-row",
    ] {
        assert!(
            html.contains(&format!("class=\"{class}\"")),
            "{class} missing"
        );
    }
    // The floated portrait comes first in the body, so the text wraps round it.
    let body = html.find("<div class=\"body\">").expect("a body");
    let portrait = html
        .find("Jane Smith, chair of the trust")
        .expect("the portrait");
    let first_para = html.find("This has been a year").expect("the foreword");
    assert!(body < portrait && portrait < first_para);
    assert_eq!(html.matches("class=\"row-item\"").count(), 9);
    for rule in [
        ".image.float-right { float: right;",
        ".image-row .row-images { display: flex;",
    ] {
        assert!(css.contains(rule), "{rule} missing from the stylesheet");
    }
}
