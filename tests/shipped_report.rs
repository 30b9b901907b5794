//! The shipped report.toml, built and read back from the PDF.

mod common;

use common::{Pdf, build_shipped, normalise};
use folio::frame::{Child, ItemKind, Role, Structure, Tag};
use std::collections::BTreeMap;

#[test]
fn the_pdf_has_every_laid_out_page_between_its_two_covers() {
    let built = build_shipped();
    let pdf = Pdf::parse(&built.pdf);
    let pages = &built.document.pages;
    assert_eq!(pdf.pages.len(), pages.len());
    assert_eq!(pages[0].label.as_deref(), Some("Cover"));
    assert_eq!(pages[pages.len() - 1].label.as_deref(), Some("Back cover"));
    // Every page between is numbered, in order, from 2.
    for (i, page) in pages.iter().enumerate().take(pages.len() - 1).skip(1) {
        assert_eq!(page.number, Some(i + 1), "page {}", i + 1);
    }
}

#[test]
fn every_seed_fact_appears_in_reading_order() {
    let built = build_shipped();
    let text = normalise(&Pdf::parse(&built.pdf).text());
    let facts = std::fs::read_to_string(common::root().join("tests/data/seed_facts.txt")).unwrap();
    let mut at = 0;
    for fact in facts.lines().filter(|l| !l.trim().is_empty()) {
        match text[at..].find(fact) {
            Some(i) => at += i + fact.len(),
            None => panic!(
                "fact {fact:?} is missing or out of order; text from there:\n{}",
                &text[at..(at + 400).min(text.len())]
            ),
        }
    }
}

#[test]
fn fonts_are_embedded_subset_and_mapped_to_unicode() {
    let built = build_shipped();
    let pdf = Pdf::parse(&built.pdf);
    let fonts = pdf.font_dicts();
    assert!(
        fonts.len() >= 2,
        "regular and bold at least: {:?}",
        fonts.keys()
    );
    for (name, (dict, descriptor)) in fonts {
        let tag = name.split('+').next().unwrap_or("");
        assert!(
            name.contains('+') && tag.len() == 6 && tag.chars().all(|c| c.is_ascii_uppercase()),
            "{name} is not subset"
        );
        assert!(
            dict.get(b"ToUnicode").is_ok(),
            "{name} has no ToUnicode map"
        );
        let fd = descriptor.unwrap_or_else(|| panic!("{name} has no font descriptor"));
        assert!(
            fd.get(b"FontFile2").is_ok() || fd.get(b"FontFile3").is_ok(),
            "{name} is not embedded"
        );
    }
}

#[test]
fn the_brand_primary_colour_fills_the_cover_and_headings() {
    let built = build_shipped();
    let pdf = Pdf::parse(&built.pdf);
    // NHS Blue, #005EB8, from report.toml.
    let primary = (0x00, 0x5E, 0xB8);
    let uses = pdf.fill_colours().iter().filter(|c| **c == primary).count();
    assert!(uses > 20, "primary colour used {uses} times");
}

#[test]
fn footer_numbers_match_the_page_and_covers_have_none() {
    let built = build_shipped();
    let pdf = Pdf::parse(&built.pdf);
    let n = pdf.pages.len();
    for i in 0..n {
        let height = pdf.page_height(i);
        let footer: Vec<String> = pdf
            .runs(i)
            .into_iter()
            .filter(|r| r.y > height - 56.0)
            .map(|r| r.text)
            .collect();
        if i == 0 || i == n - 1 {
            assert!(
                footer.iter().all(|t| t.parse::<usize>().is_err()),
                "cover {i}: {footer:?}"
            );
        } else {
            assert!(
                footer.contains(&(i + 1).to_string()),
                "page {}: {footer:?}",
                i + 1
            );
            assert!(
                footer
                    .iter()
                    .any(|t| t == "2020 – a year in health technology")
            );
        }
    }
}

#[test]
fn two_builds_are_byte_identical() {
    assert!(build_shipped().pdf == build_shipped().pdf);
}

#[test]
fn passes_pdf_ua1_and_pdf_a2a_under_an_independent_validator() {
    common::assert_ua1_and_a2a("the shipped report", &build_shipped().pdf);
}

/// Content piece → role of the node that holds it.
fn roles(s: &Structure) -> BTreeMap<u32, Role> {
    let mut out = BTreeMap::new();
    for node in &s.nodes {
        for c in &node.children {
            if let Child::Content(id) = c {
                out.insert(id.0, node.role.clone());
            }
        }
    }
    out
}

#[test]
fn no_page_ends_with_a_heading() {
    let built = build_shipped();
    let roles = roles(&built.document.structure);
    for (i, page) in built.document.pages.iter().enumerate() {
        let last = page.items.iter().rev().find_map(|it| match it.tag {
            Tag::Content(c) => Some(roles[&c.0].clone()),
            Tag::Artifact(_) => None,
        });
        assert!(
            !matches!(last, Some(Role::Heading(..))) || i == 0,
            "page {} ends with a heading",
            i + 1
        );
    }
}

#[test]
fn body_text_stays_inside_the_margins_and_never_overlaps() {
    let built = build_shipped();
    let doc = &built.document;
    let size = doc.pages[0].size;
    // The shipped report's margins are 20 mm.
    let m = folio::geom::Abs::mm(20.0);
    let area = folio::geom::Rect::new(m, m, size.w - m - m, size.h - m - m);
    for (i, page) in doc
        .pages
        .iter()
        .enumerate()
        .skip(1)
        .take(doc.pages.len() - 2)
    {
        let texts: Vec<_> = page
            .items
            .iter()
            .filter(|it| matches!(it.kind, ItemKind::Text(_)) && matches!(it.tag, Tag::Content(_)))
            .map(|it| it.bounds())
            .collect();
        for b in &texts {
            assert!(
                b.within(&area),
                "page {}: {b:?} leaves the text area",
                i + 1
            );
        }
        for (a, ra) in texts.iter().enumerate() {
            for rb in &texts[a + 1..] {
                // Runs on one line touch but never share area beyond rounding.
                let shrunk = |r: &folio::geom::Rect| {
                    folio::geom::Rect::new(
                        r.origin.x + folio::geom::Abs(0.5),
                        r.origin.y + folio::geom::Abs(0.5),
                        r.size.w - folio::geom::Abs(1.0),
                        r.size.h - folio::geom::Abs(1.0),
                    )
                };
                assert!(
                    !shrunk(ra).overlaps(&shrunk(rb)),
                    "page {}: {ra:?} overlaps {rb:?}",
                    i + 1
                );
            }
        }
    }
}
