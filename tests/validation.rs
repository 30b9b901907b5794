//! Constructed reports that stress structure — deep headings, many and nested lists, PNG
//! and SVG logos, long callout grids, justified and hyphenated text — each validated for
//! PDF/UA-1 and PDF/A-2a by an independent validator. Zero failed rules is the bar.

mod common;

use common::assert_ua1_and_a2a as assert_valid;

/// A report.toml with the given extra tables and sections.
fn report(brand: &str, rest: &str) -> String {
    format!(
        r#"
[report]
title = "Constructed report"
organisation = "Test Trust"
period = "2024"
date = "2025-01-31"
language = "en-GB"

[brand]
{brand}

{rest}
"#
    )
}

fn build(source: &str) -> Vec<u8> {
    common::build_in(source, &common::root().join("tests/data")).pdf
}

#[test]
fn deep_headings_validate() {
    let mut sections = String::new();
    for i in 1..=4 {
        sections.push_str(&format!(
            r#"
[[sections]]
title = "Part {i}"
lead = "Lead of part {i}."
body = """
Opening paragraph of part {i}.

# First level {i}

Text under the first level heading, long enough to wrap onto a second line at this measure.

## Second level {i}

Text under the second level.

### Third level {i}

Text under the third level, with *emphasis* and **strength**.

# Another first level {i}

Closing paragraph.
"""
"#
        ));
    }
    assert_valid("deep headings", &build(&report("", &sections)));
}

#[test]
fn many_and_nested_lists_across_pages_validate() {
    let mut items = String::new();
    for i in 1..=40 {
        items.push_str(&format!(
            "- Item {i}: a list item long enough to wrap onto a second line in the column, so that lists cross pages.\n"
        ));
        if i % 10 == 0 {
            items.push_str("  1. A nested numbered item\n  2. And another, with a [link](https://example.org/nested)\n");
        }
    }
    let source = report(
        "",
        &format!(
            "[[sections]]\ntitle = \"Lists\"\nbody = \"\"\"\n{items}\n1. Numbered one\n2. Numbered two\n\"\"\"\n"
        ),
    );
    assert_valid("many lists", &build(&source));
}

#[test]
fn png_and_svg_logos_and_a_decorative_logo_validate() {
    let png = report(
        "logo = \"logo.png\"\nlogo_alt = \"Test Trust logo\"",
        "[[sections]]\ntitle = \"One\"\nbody = \"Text.\"\n",
    );
    assert_valid("png logo", &build(&png));
    let svg = common::build_source(&report(
        "logo = \"images/wordmark.svg\"\nlogo_alt = \"Wordmark\"",
        "[[sections]]\ntitle = \"One\"\nbody = \"Text.\"\n",
    ));
    assert_valid("svg logo", &svg.pdf);
    let decorative = report(
        "logo = \"logo.png\"\nlogo_decorative = true",
        "[[sections]]\ntitle = \"One\"\nbody = \"Text.\"\n",
    );
    assert_valid("decorative logo", &build(&decorative));
}

#[test]
fn a_long_callout_grid_over_several_pages_validates() {
    let mut metrics = String::new();
    for i in 1..=45 {
        metrics.push_str(&format!(
            "[[sections.metrics]]\nvalue = \"£{i}.5m\"\nlabel = \"label of figure {i}\"\ndetail = \"A detail line for figure {i}, which may wrap.\"\nhighlight = true\n\n"
        ));
    }
    let source = report(
        "",
        &format!(
            "[numbers]\ntitle = \"In numbers\"\n\n[[sections]]\ntitle = \"Figures\"\n\n{metrics}"
        ),
    );
    let built = common::build_in(&source, &common::root().join("tests/data"));
    assert!(
        built.document.pages.len() >= 8,
        "the grids run over several pages"
    );
    assert_valid("long grid", &built.pdf);
}

#[test]
fn justified_hyphenated_welsh_text_with_links_validates() {
    let source = report(
        "[brand.colours]\nprimary = \"#330072\"",
        r#"
[text]
align = "justify"
hyphenate = true

[[sections]]
title = "Gwasanaethau – services"
body = """
Croeso i’r adroddiad: ŵyn, ŷd and café au lait. Interoperability, accountability and transformation programmes were extraordinarily comprehensive, see [the website](https://example.org/cymraeg) for the characteristically unabridged documentation.

A second paragraph costs £300M and saves 99% of the time.
"""
"#,
    );
    assert_valid("justified welsh", &build(&source));
}

#[test]
fn the_rich_report_with_photos_and_a_spot_colour_validates() {
    let dir = common::root().join("tests/data/rich");
    let source = std::fs::read_to_string(dir.join("report.toml")).unwrap();
    assert_valid("rich report", &common::build_in(&source, &dir).pdf);
}
