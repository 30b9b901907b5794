//! What the user sees: fully rendered diagnostics for a few broken reports, compared with
//! `tests/snapshots/*.txt`. `FOLIO_UPDATE_SNAPSHOTS=1 cargo test` accepts a deliberate change.

mod common;

use folio::build::{Failure, compile};

fn rendered(case: &str) -> String {
    let path = common::root()
        .join("tests/broken")
        .join(format!("{case}.toml"));
    let source = std::fs::read_to_string(path).unwrap();
    match compile(&source, &common::root().join("tests/data")) {
        Err(Failure::Report(d)) => folio::diag::render(&d, "report.toml", &source, false),
        other => panic!("{case} should fail with diagnostics, got {:?}", other.err()),
    }
}

fn check(case: &str) {
    let got = rendered(case);
    let path = common::root()
        .join("tests/snapshots")
        .join(format!("{case}.txt"));
    if std::env::var_os("FOLIO_UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(&path, &got).unwrap();
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        got == expected,
        "{case} renders differently:\n--- got ---\n{got}\n--- expected ---\n{expected}"
    );
}

#[test]
fn an_unknown_key_with_a_suggestion() {
    check("unknown-metric-key");
}

#[test]
fn several_problems_reported_in_one_run() {
    check("several-problems-at-once");
}

#[test]
fn a_bad_colour_and_a_missing_font() {
    check("colour-five-digits");
    check("font-family-unknown");
}

#[test]
fn syntax_slips_are_named_with_their_fix() {
    check("syntax-thousands-separator");
    check("syntax-unclosed-list");
    check("syntax-slips-and-mistakes-in-one-run");
}

#[test]
fn a_key_under_the_wrong_header_says_where_it_belongs() {
    check("key-after-metrics-table");
    check("key-in-the-wrong-table");
}

#[test]
fn a_misspelt_name_lists_every_name_the_parser_takes() {
    check("enum-chart-kind-misspelt");
    check("block-type-misspelt");
}
