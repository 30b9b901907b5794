//! The defaults the schema shows an editor are what folio does: for every key with a
//! default, a report that writes the default builds byte for byte the same PDF as one
//! that leaves the key out.

mod common;

use folio::build::{Editions, compile_editions};
use serde_json::Value;

/// A report with one of everything a default can apply to; `{…}` marks where a key goes.
const BASE: &str = r#"[report]
title = "Defaults"
organisation = "Test Trust"
period = "2024"
date = "2025-01-31"
{report}
[brand]
logo = "images/wordmark.svg"
logo_alt = "Wordmark"
{brand}
[brand.colours]
{brand.colours}
[brand.fonts]
{brand.fonts}
[page]
{page}
[text]
{text}
[contents]
{contents}
[print]
{print}
[[sections]]
title = "One"
body = "Text with a \"quote\" in it, and enough words to hyphenate internationalisation."
{sections}
[[sections.metrics]]
number = 2480000
label = "saved"
{sections.metrics}
[[sections.blocks]]
type = "chart"
data = [{ label = "A", value = 1234000 }, { label = "B", value = 2000000 }]
{chart}
[[sections.blocks]]
type = "image"
file = "images/illustration.svg"
alt = "A drawing"
{image}
"#;

fn build(source: &str) -> (Vec<u8>, Option<Vec<u8>>) {
    let editions = Editions {
        reader: true,
        print: Some(true),
        web: false,
    };
    match compile_editions(source, &common::root(), editions, "report-print.pdf") {
        Ok(b) => (b.pdf, b.print),
        Err(folio::build::Failure::Report(d)) => {
            panic!("{}", folio::diag::render(&d, "report.toml", source, false))
        }
        Err(e) => panic!("{e:?}"),
    }
}

fn fill(slot: &str, line: &str) -> String {
    let mut s = BASE.to_string();
    for name in [
        "report",
        "brand",
        "brand.colours",
        "brand.fonts",
        "page",
        "text",
        "contents",
        "print",
        "sections",
        "sections.metrics",
        "chart",
        "image",
    ] {
        let mark = format!("{{{name}}}");
        s = s.replace(&mark, if name == slot { line } else { "" });
    }
    s
}

/// TOML for a JSON default.
fn toml_value(v: &Value) -> String {
    match v {
        Value::String(s) => format!("{s:?}"),
        other => other.to_string(),
    }
}

#[test]
fn writing_a_default_changes_nothing() {
    let schema = folio::spec::schema();
    let defs = &schema["definitions"];
    let kind = |name: &str| {
        defs["BlockSpec"]["oneOf"]
            .as_array()
            .unwrap()
            .iter()
            .find(|k| k["properties"]["type"]["const"] == name)
            .cloned()
            .unwrap()
    };
    let tables = [
        ("report", defs["ReportMeta"].clone()),
        ("brand", defs["Brand"].clone()),
        ("brand.colours", defs["Colours"].clone()),
        ("brand.fonts", defs["FontsSpec"].clone()),
        ("page", defs["PageSpec"].clone()),
        ("text", defs["TextSpec"].clone()),
        ("contents", defs["ContentsSpec"].clone()),
        ("print", defs["PrintSpec"].clone()),
        ("sections", defs["SectionSpec"].clone()),
        ("sections.metrics", defs["MetricSpec"].clone()),
        ("chart", kind("chart")),
        ("image", kind("image")),
    ];
    let plain = build(&fill("", ""));
    let mut checked = Vec::new();
    for (slot, table) in tables {
        for (key, prop) in table["properties"].as_object().unwrap() {
            let Some(default) = prop.get("default") else {
                continue;
            };
            if default.as_array().is_some_and(|a| a.is_empty()) {
                continue; // an empty list is the same as no list, by construction
            }
            let line = format!("{key} = {}", toml_value(default));
            let built = build(&fill(slot, &line));
            assert!(
                built == plain,
                "`[{slot}] {line}` builds a different PDF from leaving `{key}` out"
            );
            checked.push(format!("{slot}.{key}"));
        }
    }
    assert!(checked.len() >= 30, "{checked:?}");
}
