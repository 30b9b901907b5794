//! Every layout-corpus report set again on the page sizes and body sizes it was not written
//! for: A5, US Letter, A4 landscape, and large print (16 pt body) on its own page. Each
//! must keep the geometry rules (`common::geometry`: nothing off the page, past a margin
//! or in the safe area, no overlapping text, no page ending in a heading, every content
//! piece drawn once) with no exception list: a report is only as good as the page it is
//! printed on, and these are the pages people print on.
//!
//! The variants are made by changing `[page] size` or `[text] size` in the report's own
//! TOML, so every other choice it makes (margins, columns, blocks) stays as written.

mod common;

use common::geometry;
use std::path::PathBuf;

/// A change to a report: its name, and the keys it sets.
struct Variant {
    name: &'static str,
    page_size: Option<&'static str>,
    body_size: Option<i64>,
}

const VARIANTS: &[Variant] = &[
    Variant {
        name: "A5",
        page_size: Some("A5"),
        body_size: None,
    },
    Variant {
        name: "Letter",
        page_size: Some("Letter"),
        body_size: None,
    },
    Variant {
        name: "A4 landscape",
        page_size: Some("297mm x 210mm"),
        body_size: None,
    },
    Variant {
        name: "large print",
        page_size: None,
        body_size: Some(16),
    },
];

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

/// `source` with the variant's keys set (added where the report does not have them).
fn varied(source: &str, v: &Variant) -> String {
    let mut doc: toml::Table = source.parse().expect("a corpus report is TOML");
    let mut set = |table: &str, key: &str, value: toml::Value| {
        let t = doc
            .entry(table)
            .or_insert_with(|| toml::Value::Table(toml::Table::new()));
        t.as_table_mut()
            .expect("a table")
            .insert(key.to_string(), value);
    };
    if let Some(size) = v.page_size {
        set("page", "size", toml::Value::String(size.to_string()));
    }
    if let Some(size) = v.body_size {
        set("text", "size", toml::Value::Integer(size));
    }
    toml::to_string(&doc).expect("TOML again")
}

#[test]
fn every_corpus_report_keeps_the_geometry_rules_on_a5_letter_landscape_and_in_large_print() {
    let mut problems = Vec::new();
    let mut builds = 0;
    for path in corpus() {
        let report = path
            .file_stem()
            .expect("a name")
            .to_string_lossy()
            .into_owned();
        let source = std::fs::read_to_string(&path).expect("readable report");
        for v in VARIANTS {
            let built = common::build_in(&varied(&source, v), path.parent().expect("a folder"));
            builds += 1;
            for d in geometry::check(&built.document) {
                problems.push(format!(
                    "{report} ({}): {:?} on page {}: {}",
                    v.name, d.check, d.page, d.detail
                ));
            }
        }
    }
    assert!(builds >= 60, "{builds} builds");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
