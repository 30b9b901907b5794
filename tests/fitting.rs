//! Everything fits, or says why — read back from the PDF, the frame and the warnings: words
//! too long for their box broken by force with a warning at their key, the running title
//! shortened before the page number and kept inside the safe area, images and blocks taller
//! than a page scaled or split without losing a word, tables split with their captions
//! "(continued)", content-sized columns, and the break keys.

mod common;

use common::Pdf;
use folio::diag::Diagnostic;
use folio::frame::{Artifact, ItemKind, Role, Tag};

fn corpus(name: &str) -> (String, folio::build::Built) {
    let dir = common::root().join("tests/layout");
    let source = std::fs::read_to_string(dir.join(format!("{name}.toml"))).expect("the report");
    let built = common::build_in(&source, &dir);
    (source, built)
}

/// `line:col` of a diagnostic's span in `source`.
fn at(source: &str, d: &Diagnostic) -> String {
    let start = d.span.as_ref().expect("a span").start;
    let before = &source[..start];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    format!("{line}:{col}")
}

fn words(text: &str) -> Vec<String> {
    // A word hyphenated at a line end reads whole: its soft hyphen and the line break go.
    text.replace("\u{AD}\n", "")
        .replace('\u{AD}', "")
        // A bullet and its item's first word share a baseline.
        .replace('•', "• ")
        .split_whitespace()
        .map(str::to_string)
        .collect()
}

#[test]
fn a_word_too_wide_for_its_heading_or_card_is_broken_and_warned_at_its_key() {
    let (source, built) = corpus("welsh");
    let messages: Vec<(String, String)> = built
        .warnings
        .iter()
        .map(|d| (d.message.clone(), at(&source, d)))
        .collect();
    let word = "“Llanfairpwllgwyngyllgogerychwyrndrob…iogogogoch”";
    assert!(
        messages.contains(&(
            format!(
                "`title`: the word {word} is too long for the heading and was broken across lines"
            ),
            "18:9".into()
        )),
        "{messages:#?}"
    );
    assert!(
        messages.contains(&(
            format!(
                "`label`: the word {word} is too long for the card and was broken across lines"
            ),
            "36:9".into()
        )),
        "{messages:#?}"
    );
    // Broken, the heading's lines all lie inside the margin box, and the word reads whole.
    let doc = &built.document;
    for page in &doc.pages {
        for item in &page.items {
            if let ItemKind::Text(t) = &item.kind
                && matches!(item.tag, Tag::Content(_))
            {
                let b = item.bounds();
                assert!(
                    b.right().to_pt() <= page.area.right().to_pt() + 0.5,
                    "{:?} past the margin",
                    t.text
                );
            }
        }
    }
    let text = Pdf::parse(&built.pdf).text().replace(['\u{AD}', '\n'], "");
    assert!(text.contains("Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch"));
}

#[test]
fn a_list_item_of_five_thousand_words_is_set_whole_across_pages() {
    let (source, built) = corpus("long-blocks");
    let item_start = source.find("- A short first item.\n- ").expect("the list") + 24;
    let item = &source[item_start..source[item_start..].find('\n').unwrap() + item_start];
    let expected = words(item);
    assert!(expected.len() > 4500, "{} words", expected.len());
    let pdf = Pdf::parse(&built.pdf);
    // The text as read: every page's tagged runs, without the running footer.
    let text: Vec<String> = (0..pdf.pages.len())
        .map(|k| {
            let runs: Vec<_> = pdf.runs(k).into_iter().filter(|r| !r.artifact).collect();
            common::join_runs(&runs)
        })
        .collect();
    let got = words(&text.join("\n"));
    // The item's words come back in order, every one of them.
    let first = got
        .windows(3)
        .position(|w| w == &expected[..3])
        .unwrap_or_else(|| {
            panic!(
                "{:?} not in {:?}",
                &expected[..3],
                &got[..60.min(got.len())]
            )
        });
    assert_eq!(&got[first..first + expected.len()], &expected[..]);
    // Over several pages, never past the margin (the corpus checks every page too).
    let pages: std::collections::BTreeSet<usize> = built
        .document
        .pages
        .iter()
        .enumerate()
        .filter(|(_, p)| {
            p.items
                .iter()
                .any(|i| matches!(&i.kind, ItemKind::Text(t) if t.text.contains("provision")))
        })
        .map(|(k, _)| k)
        .collect();
    assert!(pages.len() >= 4, "{pages:?}");
}

#[test]
fn a_quote_and_a_box_longer_than_a_page_break_between_lines_and_stay_one_node() {
    let (_, built) = corpus("long-blocks");
    let doc = &built.document;
    let quote = doc
        .structure
        .nodes
        .iter()
        .position(|n| n.role == Role::Quote)
        .expect("the quote");
    let mut pages = std::collections::BTreeSet::new();
    let pieces = content_of(&doc.structure, folio::frame::NodeId(quote as u32));
    for (k, page) in doc.pages.iter().enumerate() {
        if page
            .items
            .iter()
            .any(|i| matches!(i.tag, Tag::Content(c) if pieces.contains(&c)))
        {
            pages.insert(k);
        }
    }
    assert!(pages.len() >= 2, "the quote spans pages: {pages:?}");
}

fn content_of(
    s: &folio::frame::Structure,
    n: folio::frame::NodeId,
) -> Vec<folio::frame::ContentId> {
    let mut out = Vec::new();
    for c in &s.node(n).children {
        match c {
            folio::frame::Child::Content(id) => out.push(*id),
            folio::frame::Child::Node(m) => out.extend(content_of(s, *m)),
        }
    }
    out
}

#[test]
fn an_image_taller_than_a_page_is_narrowed_to_fit_and_said_so() {
    let (source, built) = corpus("tall-portrait");
    let warnings: Vec<(String, String)> = built
        .warnings
        .iter()
        .map(|d| (d.message.clone(), at(&source, d)))
        .collect();
    assert!(
        warnings.contains(&(
            "the image `images/tall-portrait.png` is taller than a page at the page's width; it is drawn at 40% of that width to fit".into(),
            "15:1".into()
        )),
        "{warnings:#?}"
    );
    let pdf = Pdf::parse(&built.pdf);
    for k in 0..pdf.pages.len() {
        let h = pdf.page_height(k);
        for b in pdf.drawn_images_and_clips(pdf.pages[k]).0 {
            assert!(b[1] >= -0.5 && b[3] <= h + 0.5, "page {k}: {b:?}");
        }
    }
}

#[test]
fn the_running_title_stops_before_the_page_number_inside_the_safe_area() {
    let (source, built) = corpus("letter-narrow-margins");
    let shortened = built
        .warnings
        .iter()
        .find(|d| d.message.starts_with("the running title is too long"))
        .expect("a warning");
    assert_eq!(at(&source, shortened), "3:9", "at the title it comes from");
    assert!(shortened.message.ends_with("…”"), "{}", shortened.message);
    let pdf = Pdf::parse(&built.pdf);
    let safe = 5.0 * 72.0 / 25.4;
    let page = 2;
    let h = pdf.page_height(page);
    let footer: Vec<_> = pdf
        .runs(page)
        .into_iter()
        .filter(|r| r.artifact && r.y > h - 60.0)
        .collect();
    assert_eq!(footer.len(), 2, "title and number: {footer:?}");
    assert!(footer[0].text.ends_with('…'), "{:?}", footer[0].text);
    // Liberation Sans, the default face, descends 0.212 em below its baseline.
    const DESCENDER: f64 = 0.212;
    for r in &footer {
        // The baseline, and a descender below it, stay clear of the safe area's edge.
        assert!(
            r.y + DESCENDER * r.size <= h - safe + 0.1,
            "{r:?} too near the trim"
        );
    }
    // The shortened title ends before the number starts.
    let doc = &built.document;
    let items: Vec<_> = doc.pages[page]
        .items
        .iter()
        .filter(|i| matches!(i.tag, Tag::Artifact(Artifact::Footer)))
        .filter(|i| matches!(i.kind, ItemKind::Text(_)))
        .map(|i| i.bounds())
        .collect();
    assert!(items[0].right() < items[1].origin.x, "{items:?}");
}

#[test]
fn a_long_table_splits_between_rows_keeping_two_each_side_with_its_caption_continued() {
    let (_, built) = corpus("huge-table");
    let doc = &built.document;
    let pdf = Pdf::parse(&built.pdf);
    let mut continued = 0;
    for (k, page) in doc.pages.iter().enumerate() {
        let rows = page
            .items
            .iter()
            .filter(|i| matches!(&i.kind, ItemKind::Text(t) if t.text.contains("clinic ")))
            .filter(|i| matches!(i.tag, Tag::Content(_)))
            .count();
        if rows > 0 {
            assert!(rows >= 2, "page {}: {rows} rows", k + 1);
        }
        let runs = pdf.runs(k);
        if let Some(r) = runs.iter().find(|r| r.text.contains("(continued)")) {
            continued += 1;
            assert!(r.artifact, "the repeated caption is not read again");
            assert_eq!(r.text.trim(), "Clinic activity, 2024 (continued)");
        }
    }
    assert!(continued >= 4, "{continued} continuation pages");
}

#[test]
fn table_columns_are_sized_by_their_content_and_figures_never_wrap() {
    let (_, built) = corpus("huge-table");
    let doc = &built.document;
    // Every row of the 150 is one line: no clinic name or figure wraps, though the names
    // are long, because the figure columns take only what their figures need.
    let page = &doc.pages[3];
    let baselines: std::collections::BTreeSet<i64> = page
        .items
        .iter()
        .filter(|i| matches!(&i.kind, ItemKind::Text(t) if t.text.contains("clinic ")))
        .map(|i| i.pos.y.to_pt().round() as i64)
        .collect();
    let lines: std::collections::BTreeSet<i64> = page
        .items
        .iter()
        .filter(|i| matches!(i.kind, ItemKind::Text(_)) && matches!(i.tag, Tag::Content(_)))
        .map(|i| i.pos.y.to_pt().round() as i64)
        .collect();
    assert_eq!(baselines, lines, "one line per row");
}

#[test]
fn contents_lists_section_titles_only_when_two_levels_would_not_fit_one_page() {
    let (_, built) = corpus("accounts");
    let tree = Pdf::parse(&built.pdf).structure();
    let entries = tree.walk().into_iter().filter(|n| n.kind == "TOCI").count();
    assert_eq!(entries, 21, "the 21 section titles");
    // Asked for two levels, it lists the subheadings too, over more pages.
    let dir = common::root().join("tests/layout");
    let source = std::fs::read_to_string(dir.join("accounts.toml"))
        .unwrap()
        .replacen("[report]", "[contents]\ndepth = 2\n\n[report]", 1);
    let deep = common::build_in(&source, &dir);
    let tree = Pdf::parse(&deep.pdf).structure();
    let entries = tree.walk().into_iter().filter(|n| n.kind == "TOCI").count();
    assert!(entries > 80, "{entries} entries");
    // The PDF's bookmarks hold every heading either way.
    assert_eq!(built.document.outline.len(), deep.document.outline.len());
}

#[test]
fn break_before_starts_a_page_and_keep_together_moves_a_section_whole() {
    let (_, built) = corpus("long-blocks");
    let doc = &built.document;
    let first_text_on = |k: usize| {
        doc.pages[k]
            .items
            .iter()
            .find_map(|i| match (&i.kind, i.tag) {
                (ItemKind::Text(t), Tag::Content(_)) => Some(t.text.clone()),
                _ => None,
            })
    };
    let small = doc
        .pages
        .iter()
        .position(|p| {
            p.items.iter().any(|i| matches!(&i.kind, ItemKind::Text(t) if t.text.starts_with("A small table kept")))
        })
        .expect("the small table");
    assert_eq!(
        first_text_on(small).as_deref(),
        Some("A small table kept together")
    );
    // The kept section is on one page.
    let kept: Vec<usize> = doc
        .pages
        .iter()
        .enumerate()
        .filter(|(_, p)| {
            p.items.iter().any(|i| {
                matches!(&i.kind, ItemKind::Text(t) if t.text.contains("kept on one page") || t.text.starts_with("A section kept"))
            })
        })
        .map(|(k, _)| k)
        .collect();
    assert_eq!(kept.len(), 1, "{kept:?}");
}

/// A report of one section whose blocks are `blocks` (TOML).
fn with_blocks(blocks: &str) -> String {
    format!(
        "[report]\ntitle = \"Many bars\"\norganisation = \"Example Trust\"\nperiod = \"2024\"\ndate = \"2025-01-01\"\n\n\
         [[sections]]\ntitle = \"Charts\"\nbody = \"Charts with many bars.\"\n\n{blocks}"
    )
}

fn chart_block(kind: &str, n: usize, extra: &str) -> String {
    let data: Vec<String> = (0..n)
        .map(|i| format!("{{ label = \"Site {i}\", value = {} }}", i * 37 % 500 + 1))
        .collect();
    format!(
        "[[sections.blocks]]\ntype = \"chart\"\nchart = \"{kind}\"\n{extra}data = [{}]\n",
        data.join(", ")
    )
}

#[test]
fn a_chart_with_more_columns_than_its_width_can_label_says_so_at_its_key() {
    let source = with_blocks(&chart_block("column", 300, ""));
    let built = common::build_source(&source);
    let said: Vec<(String, String)> = built
        .warnings
        .iter()
        .filter(|d| d.message.contains("more than its width can label"))
        .map(|d| (d.message.clone(), at(&source, d)))
        .collect();
    assert_eq!(said.len(), 1, "{:#?}", built.warnings);
    assert!(
        said[0].0.starts_with(
            "this chart has 300 columns, more than its width can label: one label in "
        ) && said[0]
            .0
            .ends_with("is shown, and no values are printed on the chart"),
        "{said:?}"
    );
    assert_eq!(said[0].1, "11:1");
    // With its data as a table too, nothing is left out: no warning.
    let source = with_blocks(&chart_block("column", 300, "table = true\n"));
    let built = common::build_source(&source);
    assert!(
        !built
            .warnings
            .iter()
            .any(|d| d.message.contains("more than its width can label")),
        "{:#?}",
        built.warnings
    );
    // A handful of columns is labelled in full and says nothing.
    let built = common::build_source(&with_blocks(&chart_block("column", 6, "")));
    assert!(built.warnings.is_empty(), "{:#?}", built.warnings);
}

#[test]
fn a_bar_chart_with_more_bars_than_a_page_grows_onto_the_next_with_every_label() {
    let built = common::build_source(&with_blocks(&chart_block("bar", 300, "")));
    assert!(built.warnings.is_empty(), "{:#?}", built.warnings);
    let pdf = Pdf::parse(&built.pdf);
    let text: Vec<String> = (0..pdf.pages.len())
        .map(|k| common::join_runs(&pdf.runs(k)))
        .collect();
    let all = text.join("\n");
    for i in 0..300 {
        assert!(
            all.contains(&format!("Site {i}\n")) || all.contains(&format!("Site {i} ")),
            "Site {i} lost"
        );
    }
    let pages = text.iter().filter(|t| t.contains("Site ")).count();
    assert!(pages >= 4, "the bars on {pages} pages");
}

#[test]
fn on_a_narrow_page_heading_words_break_before_any_cell_of_a_table_does() {
    // A5 in large print: the figures' headings are far wider than their figures.
    let source = "[report]\ntitle = \"Clinics\"\norganisation = \"Example Trust\"\nperiod = \"2024\"\ndate = \"2025-01-01\"\n\n\
        [page]\nsize = \"A5\"\nmargins = \"15mm\"\n\n[text]\nsize = 16\n\n\
        [[sections]]\ntitle = \"Clinics\"\nbody = \"Attendances by clinic.\"\n\n\
        [[sections.blocks]]\ntype = \"table\"\ntitle = \"Attendances\"\n\
        columns = [\"Clinic\", \"Attendances\", \"Outpatients\", \"Appointments\"]\n\
        rows = [[\"Cardiology\", 1000, 250, 310], [\"Dermatology\", 1037, 264, 298], [\"Neurology\", 1222, 301, 342]]\n";
    let built = common::build_source(source);
    let broken: Vec<&str> = built
        .warnings
        .iter()
        .filter(|d| d.message.starts_with("`rows`"))
        .map(|d| d.message.as_str())
        .collect();
    assert!(broken.is_empty(), "cells broken: {broken:#?}");
    let texts: Vec<&str> = built
        .document
        .pages
        .iter()
        .flat_map(|p| &p.items)
        .filter_map(|i| match &i.kind {
            ItemKind::Text(t) => Some(t.text.trim()),
            _ => None,
        })
        .collect();
    for word in ["Cardiology", "Dermatology", "Neurology", "1,000", "1,222"] {
        assert!(texts.contains(&word), "{word} not whole: {texts:?}");
    }
}
