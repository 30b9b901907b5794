//! The README and folio agree: every TOML example in the README builds, and every example
//! and default in its key tables is a value the schema (and so the parser) accepts.

mod common;

use folio::build::{Failure, compile};
use serde_json::Value;

const REPORT: &str = "[report]\ntitle = \"README example\"\norganisation = \"Test Trust\"\nperiod = \"2024\"\ndate = \"2025-01-31\"\n";
const SECTION: &str = "\n[[sections]]\ntitle = \"A section\"\n";

fn readme() -> String {
    std::fs::read_to_string(common::root().join("README.md")).unwrap()
}

/// The fenced ```toml blocks of the README.
fn toml_examples() -> Vec<String> {
    let mut out = Vec::new();
    let mut current: Option<String> = None;
    for line in readme().lines() {
        match (&mut current, line.trim_start()) {
            (None, "```toml") => current = Some(String::new()),
            (Some(block), "```") => {
                out.push(std::mem::take(block));
                current = None;
            }
            (Some(block), _) => {
                block.push_str(line);
                block.push('\n');
            }
            _ => {}
        }
    }
    out
}

#[test]
fn every_toml_example_in_the_readme_builds() {
    let examples = toml_examples();
    assert!(examples.len() >= 3, "{} examples", examples.len());
    for example in examples {
        // A fragment is built inside the smallest report that completes it.
        let mut source = String::new();
        if !example.contains("[report]") {
            source.push_str(REPORT);
        }
        let starts_with_sub_table = example
            .lines()
            .find(|l| l.starts_with('['))
            .is_some_and(|l| l.starts_with("[[sections.") || l.starts_with("[sections."));
        if starts_with_sub_table {
            source.push_str(SECTION);
        }
        source.push('\n');
        source.push_str(&example);
        if !source.contains("[[sections]]") {
            source.push_str(SECTION);
        }
        match compile(&source, &common::root()) {
            Ok(built) => {
                assert!(built.pdf.starts_with(b"%PDF-"));
                let errors: Vec<_> = built.warnings.iter().filter(|d| d.is_error()).collect();
                assert!(errors.is_empty(), "{errors:?}");
            }
            Err(Failure::Report(d)) => panic!(
                "a README example does not build:\n{example}\n{}",
                folio::diag::render(&d, "README example", &source, false)
            ),
            Err(e) => panic!("{e:?}\n{example}"),
        }
    }
}

/// `### `[table]`` headings with a key table below; for each key, the README's example
/// or default cell (the first value in backticks).
fn table_values() -> Vec<(String, String, String)> {
    let mut out = Vec::new();
    let mut table: Option<String> = None;
    let mut column: Option<usize> = None;
    for line in readme().lines() {
        if let Some(h) = line.strip_prefix("### `") {
            table = h
                .split('`')
                .next()
                .map(|t| t.trim_matches(['[', ']']).to_string());
            column = None;
            continue;
        }
        if line.starts_with("## ") {
            table = None;
        }
        let Some(t) = &table else { continue };
        let cells: Vec<&str> = line.split('|').map(str::trim).collect();
        if line.starts_with("| key") {
            column = cells
                .iter()
                .position(|c| *c == "example" || *c == "default" || *c == "examples");
            continue;
        }
        let (Some(c), Some(key)) = (column, cells.get(1).and_then(|k| k.strip_prefix('`'))) else {
            continue;
        };
        let key = key.trim_end_matches('`').to_string();
        if let Some(cell) = cells.get(c)
            && let Some(value) = cell.split('`').nth(1)
        {
            out.push((t.clone(), key, value.to_string()));
        }
    }
    out
}

/// The schema of `key` in `table`, following references; for blocks, every kind's.
fn property_schemas(schema: &Value, table: &str, key: &str) -> Vec<Value> {
    let defs = &schema["definitions"];
    let def = match table {
        "report" => "ReportMeta",
        "brand" => "Brand",
        "brand.colours" => "Colours",
        "brand.fonts" => "FontsSpec",
        "page" => "PageSpec",
        "cover" => "CoverSpec",
        "text" => "TextSpec",
        "contents" => "ContentsSpec",
        "numbers" => "NumbersSpec",
        "footer" => "FooterSpec",
        "back" => "BackSpec",
        "print" => "PrintSpec",
        "sections" => "SectionSpec",
        "sections.metrics" => "MetricSpec",
        "sections.blocks" => "BlockSpec",
        other => panic!("a README table `{other}` the test does not know"),
    };
    let tables: Vec<&Value> = match def {
        "BlockSpec" => defs[def]["oneOf"].as_array().unwrap().iter().collect(),
        _ => vec![&defs[def]],
    };
    tables
        .iter()
        .filter_map(|t| t["properties"].get(key).cloned())
        .collect()
}

#[test]
fn every_example_and_default_in_the_key_tables_is_accepted() {
    let schema = folio::spec::schema();
    // Property schemas refer to definitions; validate each inside the whole document.
    let defs = schema["definitions"].clone();
    let values = table_values();
    assert!(values.len() >= 40, "{} values", values.len());
    let mut checked = 0;
    for (table, key, written) in values {
        let Ok(parsed) = toml::from_str::<toml::Value>(&format!("v = {written}")) else {
            continue; // prose such as "the report's title"
        };
        let value = serde_json::to_value(&parsed["v"]).unwrap();
        let candidates = property_schemas(&schema, &table, &key);
        assert!(!candidates.is_empty(), "`{key}` is not a key of `{table}`");
        let accepted = candidates.iter().any(|prop| {
            let mut doc = prop.clone();
            doc["definitions"] = defs.clone();
            doc["$schema"] = Value::from("http://json-schema.org/draft-07/schema#");
            jsonschema::draft7::new(&doc).unwrap().is_valid(&value)
        });
        assert!(
            accepted,
            "README `[{table}] {key} = {written}` is refused by the schema"
        );
        checked += 1;
    }
    assert!(
        checked >= 30,
        "only {checked} README values could be checked"
    );
}
