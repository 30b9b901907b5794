//! The reader edition read back as a screen reader and a PDF viewer see it: the structure
//! tree, artifacts, bookmarks, contents links, page labels and metadata.

mod common;

use common::{Pdf, SChild, SNode, build_shipped};
use lopdf::Object;

fn heading_level(kind: &str) -> Option<u8> {
    kind.strip_prefix('H').and_then(|n| n.parse().ok())
}

#[test]
fn headings_come_in_report_order_and_never_skip_a_level() {
    let pdf = Pdf::parse(&build_shipped().pdf);
    let runs = pdf.all_runs();
    let tree = pdf.structure();
    let headings: Vec<(u8, String)> = tree
        .walk()
        .into_iter()
        .filter_map(|n| heading_level(&n.kind).map(|l| (l, n.text(&runs))))
        .collect();
    let titles: Vec<&str> = headings.iter().map(|(_, t)| t.as_str()).collect();
    assert_eq!(
        titles,
        vec![
            "2020 – a year in health technology",
            "Contents",
            "2020 in numbers",
            "Introduction",
            "Services for patients and the public",
            "Equipping staff and care providers",
            "Guidance and good practice",
            "COVID-19: keeping care going",
            "COVID-19: data and research",
        ]
    );
    assert_eq!(headings[0].0, 1, "the report title is the one H1");
    let mut last = 0;
    for (level, title) in &headings {
        assert!(*level <= last + 1, "{title} skips from H{last} to H{level}");
        last = *level;
    }
}

#[test]
fn each_section_is_a_sect_element_holding_its_heading() {
    let pdf = Pdf::parse(&build_shipped().pdf);
    let tree = pdf.structure();
    let sects: Vec<&SNode> = tree
        .walk()
        .into_iter()
        .filter(|n| n.kind == "Sect")
        .collect();
    // Contents, year in numbers and six sections.
    assert_eq!(sects.len(), 8);
    for s in sects {
        assert_eq!(s.nodes().first().map(|n| n.kind.as_str()), Some("H2"));
    }
}

#[test]
fn lists_are_list_items_with_label_and_body() {
    let pdf = Pdf::parse(&build_shipped().pdf);
    let runs = pdf.all_runs();
    let tree = pdf.structure();
    let lists: Vec<&SNode> = tree.walk().into_iter().filter(|n| n.kind == "L").collect();
    assert!(lists.len() >= 3);
    for l in lists {
        for li in l.nodes() {
            assert_eq!(li.kind, "LI");
            let kinds: Vec<&str> = li.nodes().iter().map(|n| n.kind.as_str()).collect();
            assert_eq!(kinds, vec!["Lbl", "LBody"]);
            assert_eq!(li.nodes()[0].text(&runs), "•");
            assert!(!li.nodes()[1].text(&runs).is_empty());
        }
    }
}

#[test]
fn every_figure_has_alt_text() {
    let pdf = Pdf::parse(&build_shipped().pdf);
    let tree = pdf.structure();
    let alts: Vec<String> = tree
        .walk()
        .into_iter()
        .filter(|n| n.kind == "Figure")
        .map(|f| f.alt.clone().expect("every figure has alt text"))
        .collect();
    assert_eq!(
        alts,
        vec![
            "Transformation Directorate wordmark".to_string(),
            "Progress chart of Enabled to offer video consultations: GP practices 99 per cent, Trusts 77 per cent.".into(),
            "Bar chart of The scale of the digital response in 2020: Summary Care Records enriched 55 million, YouTube views of the health at home campaign 7.2 million, NHS 111 online COVID-19 assessments 2.2 million, Digital isolation notes issued 1.5 million.".into(),
            "Transformation Directorate wordmark".into(),
        ],
        "the logo on both covers and the two charts, in reading order"
    );
}

#[test]
fn page_furniture_is_artifact_and_body_text_is_tagged() {
    let pdf = Pdf::parse(&build_shipped().pdf);
    for i in 0..pdf.pages.len() {
        let height = pdf.page_height(i);
        for r in pdf.runs(i) {
            let footer = r.y > height - 56.0 && r.size < 9.0;
            if footer {
                assert!(
                    r.artifact && r.mcid.is_none(),
                    "page {}: footer {:?} is tagged",
                    i + 1,
                    r.text
                );
            } else {
                assert!(
                    !r.artifact && r.mcid.is_some(),
                    "page {}: {:?} is not tagged",
                    i + 1,
                    r.text
                );
            }
        }
    }
}

#[test]
fn the_callout_grid_reads_figure_label_detail_card_by_card() {
    let pdf = Pdf::parse(&build_shipped().pdf);
    let runs = pdf.all_runs();
    let tree = pdf.structure();
    let numbers = tree
        .walk()
        .into_iter()
        .find(|n| n.kind == "Sect" && n.nodes()[0].text(&runs) == "2020 in numbers")
        .expect("the numbers section");
    let grid = numbers
        .nodes()
        .into_iter()
        .find(|n| n.kind == "Div")
        .expect("grid");
    let cards = grid.nodes();
    assert_eq!(cards.len(), 12);
    let first: Vec<String> = cards[0].nodes().iter().map(|p| p.text(&runs)).collect();
    assert_eq!(
        first,
        vec![
            "2 million",
            "people are now using the NHS App",
            "Developed by NHS Digital."
        ]
    );
    let values: Vec<String> = cards.iter().map(|c| c.nodes()[0].text(&runs)).collect();
    assert_eq!(
        values,
        vec![
            "2 million",
            "22 million",
            "11,000",
            "£300M",
            "55m",
            "1.5m",
            "2.2m",
            "£16.6m",
            "99%",
            "40,000",
            "500,000",
            "42,000"
        ]
    );
}

#[test]
fn figures_carry_their_spoken_form() {
    let pdf = Pdf::parse(&build_shipped().pdf);
    let runs = pdf.all_runs();
    let tree = pdf.structure();
    let spoken = |value: &str| {
        tree.walk()
            .into_iter()
            .find(|n| n.kind == "P" && n.text(&runs) == value)
            .and_then(|n| n.alt.clone())
    };
    assert_eq!(spoken("£300M").as_deref(), Some("300 million pounds"));
    assert_eq!(spoken("£16.6m").as_deref(), Some("16.6 million pounds"));
    assert_eq!(spoken("99%").as_deref(), Some("99 per cent"));
    assert_eq!(spoken("11,000+").as_deref(), Some("more than 11,000"));
    assert_eq!(
        spoken("42,000"),
        None,
        "a plain number needs no alternative"
    );
}

/// Index of the page where a heading with this text is drawn.
fn heading_page(pdf: &Pdf, title: &str) -> usize {
    (0..pdf.pages.len())
        .find(|&i| {
            pdf.runs(i)
                .iter()
                .any(|r| r.text == title && r.size >= 20.0)
        })
        .unwrap_or_else(|| panic!("no heading {title:?}"))
}

#[test]
fn bookmarks_land_on_the_pages_where_sections_start() {
    let pdf = Pdf::parse(&build_shipped().pdf);
    let outline = pdf.outline();
    assert_eq!(outline.len(), 8);
    assert_eq!(outline[0].1, "Contents");
    for (depth, title, page) in &outline {
        assert_eq!(*depth, 1);
        assert_eq!(*page, heading_page(&pdf, title), "{title}");
    }
    assert_eq!(
        pdf.catalog()
            .get(b"PageMode")
            .and_then(|m| m.as_name())
            .ok(),
        Some(&b"UseOutlines"[..]),
        "the viewer opens with bookmarks showing"
    );
}

#[test]
fn contents_entries_link_to_their_section_and_print_its_number() {
    let pdf = Pdf::parse(&build_shipped().pdf);
    let contents = heading_page(&pdf, "Contents");
    let links = pdf.links(contents);
    let runs = pdf.runs(contents);
    let height = pdf.page_height(contents);
    let titles = [
        "2020 in numbers",
        "Introduction",
        "COVID-19: data and research",
    ];
    for title in titles {
        let target = heading_page(&pdf, title);
        let run = runs.iter().find(|r| r.text == title).expect("entry");
        // The link whose rectangle holds the entry's baseline goes to the section's page.
        let baseline = height - run.y;
        let link = links
            .iter()
            .find(|(r, _)| r[1] <= baseline && baseline <= r[3])
            .unwrap_or_else(|| panic!("no link on {title}"));
        assert_eq!(link.1, Ok(target), "{title}");
        let number = runs
            .iter()
            .find(|r| (r.y - run.y).abs() < 0.5 && r.text.parse::<usize>().is_ok())
            .expect("page number on the entry's line");
        assert_eq!(number.text, (target + 1).to_string(), "{title}");
    }
}

#[test]
fn page_labels_match_the_printed_numbers_and_name_the_covers() {
    let pdf = Pdf::parse(&build_shipped().pdf);
    let labels = pdf
        .catalog()
        .get(b"PageLabels")
        .map(|l| pdf.doc.dereference(l).unwrap().1.as_dict().unwrap().clone())
        .expect("PageLabels");
    let Ok(Object::Array(nums)) = labels
        .get(b"Nums")
        .map(|n| pdf.doc.dereference(n).unwrap().1.clone())
    else {
        panic!("Nums")
    };
    let entry = |i: usize| -> lopdf::Dictionary {
        let pos = nums
            .chunks(2)
            .position(|c| c[0].as_i64().unwrap() == i as i64)
            .expect("label range");
        pdf.doc
            .dereference(&nums[pos * 2 + 1])
            .unwrap()
            .1
            .as_dict()
            .unwrap()
            .clone()
    };
    assert_eq!(entry(0).get(b"P").unwrap().as_str().unwrap(), b"Cover");
    let body = entry(1);
    assert_eq!(body.get(b"S").unwrap().as_name().unwrap(), b"D");
    assert_eq!(body.get(b"St").unwrap().as_i64().unwrap(), 2);
    let last = pdf.pages.len() - 1;
    assert_eq!(
        entry(last).get(b"P").unwrap().as_str().unwrap(),
        b"Back cover"
    );
}

#[test]
fn metadata_comes_from_report_toml() {
    let pdf = Pdf::parse(&build_shipped().pdf);
    let info = pdf.info();
    let text = |k: &[u8]| match info.get(k) {
        Ok(Object::String(b, _)) => common::decode_text_string(b),
        _ => String::new(),
    };
    assert_eq!(text(b"Title"), "2020 – a year in health technology");
    assert_eq!(text(b"Author"), "NHSX Transformation Directorate");
    assert!(text(b"Subject").contains("COVID-19"));
    assert!(text(b"Keywords").contains("health technology"));
    assert!(
        text(b"CreationDate").starts_with("D:20210129"),
        "{}",
        text(b"CreationDate")
    );
    assert_eq!(
        pdf.catalog()
            .get(b"Lang")
            .ok()
            .and_then(|l| l.as_str().ok()),
        Some(&b"en-GB"[..])
    );
    let children = |n: &SNode| {
        n.children
            .iter()
            .filter(|c| matches!(c, SChild::Node(_)))
            .count()
    };
    assert!(children(&pdf.structure()) > 0);
}

#[test]
fn a_paragraphs_lines_are_one_marked_content_sequence_named_once_in_the_tree() {
    let pdf = Pdf::parse(&build_shipped().pdf);
    let runs = pdf.all_runs();
    let tree = pdf.structure();
    let mut named = std::collections::BTreeSet::new();
    let mut paragraphs_of_several_lines = 0;
    for node in tree.walk() {
        for child in &node.children {
            if let SChild::Content(page, mcid) = child {
                assert!(
                    named.insert((*page, *mcid)),
                    "MCID {mcid} of page {} is named twice",
                    page + 1
                );
                let lines: std::collections::BTreeSet<i64> = runs[*page]
                    .iter()
                    .filter(|r| r.mcid == Some(*mcid))
                    .map(|r| r.y.round() as i64)
                    .collect();
                if node.kind == "P" && lines.len() > 1 {
                    paragraphs_of_several_lines += 1;
                }
            }
        }
    }
    for (page, page_runs) in runs.iter().enumerate() {
        for r in page_runs.iter().filter(|r| !r.artifact) {
            let mcid = r.mcid.expect("tagged text has an MCID");
            assert!(
                named.contains(&(page, mcid)),
                "page {}: {:?} is in no structure element",
                page + 1,
                r.text
            );
        }
    }
    assert!(
        paragraphs_of_several_lines >= 10,
        "the lines of a paragraph share one sequence: {paragraphs_of_several_lines} paragraphs do"
    );
}

/// The numbers written in a content stream, as written.
fn numbers(content: &[u8]) -> Vec<String> {
    common::content_words(content)
        .into_iter()
        .filter(|w| w.parse::<f64>().is_ok())
        .collect()
}

#[test]
fn page_contents_write_coordinates_to_three_places_and_small_numbers_to_five_digits() {
    let pdf = Pdf::parse(&build_shipped().pdf);
    let mut reals = 0;
    for &page in &pdf.pages {
        let content = pdf.doc.get_page_content(page);
        for n in numbers(&content) {
            let Some((_, decimals)) = n.split_once('.') else {
                continue;
            };
            reals += 1;
            let magnitude = n.parse::<f64>().expect("a number").abs();
            // Three places from 10 up, one more for each power of ten below.
            let mut places = 3;
            let mut bound = 10.0;
            while magnitude < bound && places < 9 {
                places += 1;
                bound /= 10.0;
            }
            assert!(
                decimals.len() <= places && !decimals.ends_with('0'),
                "{n} has more places than {places}"
            );
        }
    }
    assert!(reals > 1000, "{reals} reals read");
}

#[test]
fn a_line_of_text_is_not_wrapped_in_a_transform_of_its_own() {
    let pdf = Pdf::parse(&build_shipped().pdf);
    let mut text_objects = 0;
    for &page in &pdf.pages {
        let content = pdf.doc.get_page_content(page);
        let ops = lopdf::content::Content::decode(&content)
            .expect("content decodes")
            .operations;
        // What comes before each `BT`, marked content and colour setting aside: the
        // position is in the text matrix, not in a `q … cm` made for the one line.
        let mut before = "";
        for op in &ops {
            match op.operator.as_str() {
                "BT" => {
                    text_objects += 1;
                    assert_ne!(before, "cm", "a text object right after its own cm");
                }
                "BDC" | "BMC" | "EMC" | "cs" | "scn" | "sc" | "g" | "rg" | "k" => {}
                other => before = other,
            }
        }
    }
    assert!(text_objects > 100, "{text_objects} text objects read");
}
