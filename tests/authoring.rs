//! What an author types, as the reader sees it: typographer's quotes (and the key that
//! keeps them straight), bare addresses made links, the footer's own text, and decimals
//! for scaled figures. Each is read back from the built PDF.

mod common;

use common::{Pdf, build_source, normalise};

const REPORT: &str = "[report]\ntitle = \"The \\\"digital\\\" year\"\norganisation = \"Test Trust\"\nperiod = \"2024\"\ndate = \"2025-01-31\"\n";

fn section(body: &str) -> String {
    format!("\n[[sections]]\ntitle = \"Patients' views\"\nbody = \"\"\"\n{body}\n\"\"\"\n")
}

fn text_of(source: &str) -> (Pdf, String) {
    let built = build_source(source);
    let pdf = Pdf::parse(&built.pdf);
    let text = normalise(&pdf.text());
    (pdf, text)
}

fn uris(pdf: &Pdf) -> Vec<String> {
    (0..pdf.pages.len())
        .flat_map(|i| pdf.links(i))
        .filter_map(|(_, t)| t.err())
        .collect()
}

#[test]
fn quotes_and_apostrophes_are_curly_except_in_code_and_addresses() {
    let body = "They said \"it's **better** now\". Try `it's \"raw\"` and [the 'guide'](https://example.org/it's).";
    let (pdf, text) = text_of(&format!("{REPORT}{}", section(body)));
    assert!(text.contains("The “digital” year"), "{text}");
    assert!(text.contains("Patients’ views"), "{text}");
    assert!(text.contains("They said “it’s better now”."), "{text}");
    assert!(
        text.contains("Try it's \"raw\""),
        "code keeps its marks: {text}"
    );
    assert!(text.contains("the ‘guide’"), "{text}");
    assert!(
        uris(&pdf).contains(&"https://example.org/it's".to_string()),
        "the address is as written: {:?}",
        uris(&pdf)
    );
}

#[test]
fn smart_quotes_false_keeps_the_marks_as_typed() {
    let source = format!(
        "{REPORT}[text]\nsmart_quotes = false\n{}",
        section("They said \"it's fine\".")
    );
    let (_, text) = text_of(&source);
    assert!(text.contains("The \"digital\" year"), "{text}");
    assert!(text.contains("They said \"it's fine\"."), "{text}");
    assert!(!text.contains('“') && !text.contains('’'), "{text}");
}

#[test]
fn bare_web_and_email_addresses_become_links() {
    let body =
        "See www.example.org/report, https://example.org/data. Or write to press@example.org.";
    let (pdf, text) = text_of(&format!("{REPORT}{}", section(body)));
    assert!(
        text.contains(
            "See www.example.org/report, https://example.org/data. Or write to press@example.org."
        ),
        "the text is unchanged: {text}"
    );
    let links = uris(&pdf);
    for want in [
        "https://www.example.org/report",
        "https://example.org/data",
        "mailto:press@example.org",
    ] {
        assert!(links.contains(&want.to_string()), "{want} not in {links:?}");
    }
}

#[test]
fn the_footer_has_its_own_text_when_given() {
    let source = format!(
        "{REPORT}[footer]\ntext = \"Annual report 2024 · Test Trust\"\n{}",
        section("Text.")
    );
    let built = build_source(&source);
    let pdf = Pdf::parse(&built.pdf);
    // The footer runs along the foot of a numbered page: the last runs drawn on it.
    let page = pdf.pages.len() - 2;
    let runs = pdf.runs(page);
    let footer: Vec<&str> = runs.iter().map(|r| r.text.as_str()).collect();
    assert!(
        footer
            .iter()
            .any(|t| t.contains("Annual report 2024 · Test Trust")),
        "{footer:?}"
    );
    assert!(
        !footer.iter().any(|t| t.contains("digital” year")),
        "{footer:?}"
    );
}

#[test]
fn decimals_set_the_places_of_compact_figures_in_cards_and_charts() {
    let source = format!(
        "{REPORT}{}\n[[sections.metrics]]\nnumber = 2480000\nformat = \"currency\"\ndecimals = 2\nlabel = \"saved\"\n\n[[sections.blocks]]\ntype = \"chart\"\nformat = \"compact\"\ndecimals = 2\ndata = [{{ label = \"A\", value = 1234000 }}, {{ label = \"B\", value = 2000000 }}]\n",
        section("Text.")
    );
    let (_, text) = text_of(&source);
    assert!(text.contains("£2.48m"), "{text}");
    assert!(text.contains("1.23m"), "{text}");
}
