//! Font coverage: a character none of the report's fonts (nor the fallback fonts) has is
//! reported once, at its first place, with how often it is written again; characters the
//! fonts have say nothing. The report is resolved, not exported: the warnings come from
//! reading report.toml.

fn coverage_warnings(body: &str, second: &str) -> Vec<(String, std::ops::Range<usize>)> {
    let source = format!(
        "[report]\ntitle = \"Ticks\"\norganisation = \"Test Trust\"\nperiod = \"2024\"\n\
         date = \"2025-01-31\"\n\n[[sections]]\ntitle = \"Done – “quoted” £5 é ŵ\"\n\
         body = \"{body}\"\n\n[[sections]]\ntitle = \"{second}\"\n"
    );
    let (spec, _) = folio::spec::load(&source).expect("the report parses");
    let base = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let (_, warnings) = folio::model::resolve(&spec, &source, base).expect("the report resolves");
    warnings
        .iter()
        .filter(|d| d.message.contains("none of the report's fonts"))
        .map(|d| {
            let span = d
                .span
                .clone()
                .expect("a coverage warning points into the file");
            (source[span.clone()].to_string(), span)
        })
        .collect()
}

#[test]
fn a_missing_character_is_one_warning_at_its_first_occurrence() {
    // Egyptian hieroglyphs: in none of the built-in fonts (✓ and ★ are, in the fallback).
    let warnings = coverage_warnings("glyph 𓀀 and 𓀀 again, and 𓀁 once, ✓ ★", "Again 𓀀");
    let found: Vec<&str> = warnings.iter().map(|(c, _)| c.as_str()).collect();
    assert_eq!(found, ["𓀀", "𓀁"]);
    assert!(warnings[0].1.start < warnings[1].1.start, "{warnings:?}");
}

#[test]
fn characters_the_fonts_have_are_silent_even_when_repeated() {
    let body = "Punctuation – “quotes” ’ £ € é ŵ ŷ, many times. ".repeat(200);
    assert_eq!(coverage_warnings(&body, "Again"), []);
}
