//! The example reports under `examples/` build as their README says: every one, in every
//! edition, with no warning, PDF/UA-1 and PDF/A-2a valid under the independent validator,
//! and keeping the geometry rules on every page.

mod common;

use common::geometry;
use folio::build::{Editions, compile_editions};
use std::path::PathBuf;

fn examples() -> Vec<PathBuf> {
    let dir = common::root().join("examples");
    let mut found: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("examples/ exists")
        .filter_map(|e| Some(e.ok()?.path().join("report.toml")))
        .filter(|p| p.is_file())
        .collect();
    found.sort();
    found
}

#[test]
fn every_example_report_builds_cleanly_in_every_edition() {
    let all = examples();
    assert!(!all.is_empty(), "there is an example report");
    for path in all {
        let name = path.parent().unwrap().display().to_string();
        let source = std::fs::read_to_string(&path).expect("readable");
        let editions = Editions {
            reader: true,
            print: Some(true),
            web: true,
        };
        let built = compile_editions(
            &source,
            path.parent().unwrap(),
            editions,
            "report-print.pdf",
        )
        .unwrap_or_else(|e| match e {
            folio::build::Failure::Report(d) => panic!(
                "{name} does not build:\n{}",
                folio::diag::render(&d, "report.toml", &source, false)
            ),
            e => panic!("{name}: {e:?}"),
        });
        // Notes say what folio did (blank pages added for the binding, photographs converted
        // for the press); nothing is worth a warning, but that the brand colours give no
        // print values, which an example cannot know.
        let said: Vec<&str> = built
            .warnings
            .iter()
            .filter(|w| w.severity != folio::diag::Severity::Note)
            .map(|w| w.message.as_str())
            .filter(|m| !m.contains("derived their CMYK"))
            .collect();
        assert!(said.is_empty(), "{name}: {said:#?}");
        common::assert_ua1_and_a2a(&name, &built.pdf);
        let defects = geometry::check(&built.document);
        assert!(defects.is_empty(), "{name}: {defects:#?}");
        assert!(
            built.print.is_some_and(|p| p.starts_with(b"%PDF-")),
            "{name}: print edition"
        );
        let site = built.web.expect("the web edition");
        assert!(site.html().contains("<h1>"), "{name}: web edition");
    }
}
