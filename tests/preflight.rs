//! The accessibility preflight: what it reports, where, and whether it stops the build.

mod common;

use folio::build::{Failure, compile};
use folio::diag::Diagnostic;

const BASE: &str = r#"[report]
title = "Preflight"
organisation = "Test Trust"
period = "2024"
date = "2025-01-31"
"#;

fn run(extra: &str) -> Result<Vec<Diagnostic>, Vec<Diagnostic>> {
    let source = format!("{BASE}{extra}");
    match compile(&source, &common::root().join("tests/data")) {
        Ok(built) => Ok(built.warnings),
        Err(Failure::Report(d)) => Err(d),
        Err(e) => panic!("{e:?}"),
    }
}

const SECTION: &str = "\n[[sections]]\ntitle = \"One\"\nbody = \"Text.\"\n";

#[test]
fn light_blue_text_is_a_contrast_warning_naming_both_colours_the_use_and_the_shade_used() {
    let warnings = run(&format!(
        "[brand.colours]\nprimary = \"#41B6E6\"\n{SECTION}"
    ))
    .expect("builds");
    let messages: Vec<&str> = warnings.iter().map(|d| d.message.as_str()).collect();
    assert!(
        messages[0].starts_with(
            "`primary` #41B6E6 on `paper` #FFFFFF has a contrast of 2.3:1, below the 4.5:1 WCAG AA asks for headings, leads, figures and links; folio sets that text in #"
        ),
        "{messages:#?}"
    );
    let help = warnings[0].help.as_deref().unwrap_or_default();
    assert!(help.starts_with("darken `primary` to #"), "{help}");
    let source = format!("{BASE}[brand.colours]\nprimary = \"#41B6E6\"\n{SECTION}");
    let d = &warnings[0];
    assert_eq!(
        d.line_col(&source),
        Some((7, 11)),
        "points at the colour value"
    );
}

#[test]
fn white_on_a_light_field_says_to_darken_the_field_and_sets_the_cover_text_dark() {
    let source = format!("{BASE}[brand.colours]\nprimary = \"#41B6E6\"\n{SECTION}");
    let built = compile(&source, &common::root().join("tests/data")).expect("builds");
    let field = built
        .warnings
        .iter()
        .find(|d| {
            d.message
                .starts_with("`paper` #FFFFFF on `primary` #41B6E6")
        })
        .expect("a warning about the cover field");
    assert!(
        field
            .message
            .ends_with("for the text and links on the cover and back-cover fields; folio sets that text in `text` #212B32"),
        "{}",
        field.message
    );
    let help = field.help.as_deref().unwrap_or_default();
    assert!(help.starts_with("darken `primary` to #"), "{help}");
    assert!(!help.contains("lighten"), "{help}");
    // The cover's title is drawn in the text colour.
    let cover = &built.document.pages[0];
    let title = cover
        .items
        .iter()
        .find_map(|i| match &i.kind {
            folio::frame::ItemKind::Text(t) if t.text == "Preflight" => Some(t.color),
            _ => None,
        })
        .expect("the title on the cover");
    assert_eq!(title.to_string(), "#212B32");
}

#[test]
fn the_default_palette_passes_contrast() {
    assert_eq!(run(SECTION).expect("builds"), Vec::new());
}

#[test]
fn a_logo_without_alt_text_is_an_error() {
    let errors = run(&format!("[brand]\nlogo = \"logo.png\"\n{SECTION}")).expect_err("refused");
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].message, "the logo has no `logo_alt` text");
    let source = format!("{BASE}[brand]\nlogo = \"logo.png\"\n{SECTION}");
    assert_eq!(errors[0].line_col(&source), Some((7, 8)));
}

#[test]
fn a_decorative_logo_needs_no_alt_text_and_is_not_a_figure() {
    let source = format!("{BASE}[brand]\nlogo = \"logo.png\"\nlogo_decorative = true\n{SECTION}");
    let built = compile(&source, &common::root().join("tests/data")).expect("builds");
    let pdf = common::Pdf::parse(&built.pdf);
    assert!(pdf.structure().walk().iter().all(|n| n.kind != "Figure"));
}

#[test]
fn a_body_heading_that_skips_a_level_is_an_error_at_its_line() {
    let body =
        "\n[[sections]]\ntitle = \"One\"\nbody = \"\"\"\n# Top\n\n### Too deep\n\nText.\n\"\"\"\n";
    let errors = run(body).expect_err("refused");
    assert_eq!(
        errors[0].message,
        "`body`: a heading skips a level: ### after #"
    );
    let source = format!("{BASE}{body}");
    assert_eq!(errors[0].line_col(&source), Some((12, 1)));
}

#[test]
fn a_body_may_start_its_headings_at_any_level() {
    // `##` first, as the README shows: the body's top level, one below the section title.
    let source = format!(
        "{BASE}[contents]\nshow = false\n\n[[sections]]\ntitle = \"One\"\nbody = \"\"\"\n## What we did\n\nText.\n\n### In detail\n\nMore.\n\"\"\"\n"
    );
    let built = compile(&source, &common::root().join("tests/data")).expect("builds");
    let pdf = common::Pdf::parse(&built.pdf);
    let headings: Vec<String> = pdf
        .structure()
        .walk()
        .iter()
        .filter(|n| n.kind.starts_with('H') && n.kind.len() == 2)
        .map(|n| n.kind.clone())
        .collect();
    assert_eq!(headings, ["H1", "H2", "H3", "H4"]);
}
