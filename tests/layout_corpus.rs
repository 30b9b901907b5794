//! The layout corpus: small reports under `tests/layout/`, each built for a class of input
//! (page sizes, large print, long words, long titles, huge tables and lists, negative data,
//! tall images, many figures, two columns, many sections, each cover design, forewords,
//! timelines, figures with icons and year-on-year changes).
//!
//! Each report's frame dump — every item with its role, then the structure tree — is compared
//! with `tests/layout/snapshots/NAME.dump`, so any change to layout shows as a readable diff;
//! `FOLIO_UPDATE_SNAPSHOTS=1 cargo test` accepts a deliberate change. Each report is also run
//! through the geometry checker (`common::geometry`). The defects the corpus shows today are
//! listed, report by report, in [`KNOWN_FAILURES`]: they belong to work not done yet (fitting
//! and break control), and the test fails both when a new defect appears and when a listed
//! one is fixed, so the list only ever shrinks.

mod common;

use common::geometry::{self, Check};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// Defects the corpus shows that later work is to fix: (report, rule). Remove an entry when
/// its defect is fixed; the test says when that has happened.
const KNOWN_FAILURES: &[(&str, Check)] = &[];

fn corpus() -> Vec<PathBuf> {
    let dir = common::root().join("tests/layout");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("tests/layout exists")
        .map(|e| e.expect("directory entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    files.sort();
    files
}

fn name(path: &Path) -> String {
    path.file_stem()
        .expect("a file name")
        .to_string_lossy()
        .into_owned()
}

/// Every corpus report built once, shared by the tests (a build is most of their time).
fn built() -> &'static [(PathBuf, folio::build::Built)] {
    static BUILT: OnceLock<Vec<(PathBuf, folio::build::Built)>> = OnceLock::new();
    BUILT.get_or_init(|| {
        corpus()
            .into_iter()
            .map(|path| {
                let source = std::fs::read_to_string(&path).expect("readable report");
                let built = common::build_in(&source, path.parent().expect("a folder"));
                (path, built)
            })
            .collect()
    })
}

#[test]
fn the_corpus_has_a_report_for_each_class_of_input() {
    assert!(corpus().len() >= 15, "{} reports", corpus().len());
}

#[test]
fn every_corpus_report_matches_its_frame_dump_snapshot() {
    let update = std::env::var_os("FOLIO_UPDATE_SNAPSHOTS").is_some();
    let dir = common::root().join("tests/layout/snapshots");
    std::fs::create_dir_all(&dir).expect("snapshot folder");
    let mut differ = Vec::new();
    for (path, built) in built() {
        let dump = built.document.dump();
        let snap = dir.join(format!("{}.dump", name(path)));
        if update {
            std::fs::write(&snap, &dump).expect("snapshot written");
            continue;
        }
        let expected = std::fs::read_to_string(&snap).unwrap_or_default();
        if dump != expected {
            let line = dump
                .lines()
                .zip(expected.lines())
                .position(|(a, b)| a != b)
                .unwrap_or_else(|| dump.lines().count().min(expected.lines().count()));
            differ.push(format!(
                "{}: first difference at line {}\n  got:      {:?}\n  expected: {:?}",
                name(path),
                line + 1,
                dump.lines().nth(line),
                expected.lines().nth(line)
            ));
        }
    }
    assert!(
        differ.is_empty(),
        "frame dumps differ from tests/layout/snapshots (FOLIO_UPDATE_SNAPSHOTS=1 accepts a deliberate change):\n{}",
        differ.join("\n")
    );
}

#[test]
fn every_corpus_report_keeps_the_geometry_rules_but_its_known_failures() {
    let mut problems = Vec::new();
    for (path, built) in built() {
        let report = name(path);
        let defects = geometry::check(&built.document);
        for d in &defects {
            if !KNOWN_FAILURES.contains(&(report.as_str(), d.check)) {
                problems.push(format!(
                    "{report}: {:?} on page {}: {}",
                    d.check, d.page, d.detail
                ));
            }
        }
        for (r, check) in KNOWN_FAILURES.iter().filter(|(r, _)| *r == report) {
            if !defects.iter().any(|d| d.check == *check) {
                problems.push(format!(
                    "{r}: {check:?} no longer fails: remove it from KNOWN_FAILURES"
                ));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn every_corpus_report_passes_pdf_ua1_and_pdf_a2a() {
    for (path, built) in built() {
        common::assert_ua1_and_a2a(&name(path), &built.pdf);
    }
}

#[test]
fn the_checker_finds_a_page_ending_in_a_heading() {
    // Every rule but this one has a known failure in the corpus that shows it firing; this
    // one fires on a page whose text after its heading has been taken away.
    let (_, built) = built()
        .iter()
        .find(|(p, _)| name(p) == "minimal")
        .expect("the minimal report");
    let page = built
        .document
        .pages
        .iter()
        .position(|p| p.number.is_some())
        .expect("a numbered page");
    let mut pages: Vec<folio::frame::Page> = built.document.pages.clone();
    let heading = pages[page]
        .items
        .iter()
        .position(
            |i| matches!(&i.kind, folio::frame::ItemKind::Text(t) if t.text == "Only section"),
        )
        .expect("the heading");
    pages[page].items.truncate(heading + 1);
    let cut = folio::frame::Document {
        pages,
        structure: built.document.structure.clone(),
        outline: Vec::new(),
        meta: built.document.meta.clone(),
        fonts: Vec::new(),
        cmyk_profile: built.document.cmyk_profile.clone(),
        print: None,
        warnings: Vec::new(),
    };
    let defects = geometry::check(&cut);
    assert!(
        defects
            .iter()
            .any(|d| d.check == Check::PageEndsInHeading && d.page == page + 1),
        "{defects:?}"
    );
}

#[test]
fn the_checker_finds_content_past_the_margin_lost_or_drawn_twice() {
    // The corpus keeps these rules everywhere, so each is shown firing on a page broken on
    // purpose: a line moved below the margin, a line taken away, a line drawn twice.
    let (_, built) = built()
        .iter()
        .find(|(p, _)| name(p) == "minimal")
        .expect("the minimal report");
    let doc = &built.document;
    let page = doc
        .pages
        .iter()
        .position(|p| p.number.is_some())
        .expect("a numbered page");
    let line = doc.pages[page]
        .items
        .iter()
        .position(|i| {
            matches!(i.kind, folio::frame::ItemKind::Text(_))
                && matches!(i.tag, folio::frame::Tag::Content(_))
        })
        .expect("a line of text");
    let broken = |f: &dyn Fn(&mut Vec<folio::frame::Item>)| {
        let mut pages = doc.pages.clone();
        f(&mut pages[page].items);
        let cut = folio::frame::Document {
            pages,
            structure: doc.structure.clone(),
            outline: Vec::new(),
            meta: doc.meta.clone(),
            fonts: Vec::new(),
            cmyk_profile: doc.cmyk_profile.clone(),
            print: None,
            warnings: Vec::new(),
        };
        geometry::check(&cut)
    };
    let below = doc.pages[page].size.h;
    let past = broken(&|items| items[line].pos.y = below - folio::geom::Abs(10.0));
    assert!(
        past.iter().any(|d| d.check == Check::PastMargin),
        "{past:?}"
    );
    let lost = broken(&|items| {
        items.remove(line);
    });
    assert!(
        lost.iter().any(|d| d.check == Check::ContentLost),
        "{lost:?}"
    );
    let blank = broken(&|items| items.retain(|i| !matches!(i.tag, folio::frame::Tag::Content(_))));
    assert!(
        blank
            .iter()
            .any(|d| d.check == Check::BlankPage && d.page == page + 1),
        "{blank:?}"
    );
    let twice = broken(&|items| items.push(items[line].clone()));
    assert!(
        twice.iter().any(|d| d.check == Check::ContentTwice),
        "{twice:?}"
    );
}
