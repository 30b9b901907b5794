//! The JSON Schema: up to date in the repository, accepting the shipped report.toml,
//! rejecting broken ones, and agreeing key for key with the README's reference.

mod common;

use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};

fn schema() -> Value {
    folio::spec::schema()
}

fn toml_as_json(src: &str) -> Value {
    let v: toml::Value = toml::from_str(src).expect("valid TOML");
    serde_json::to_value(v).expect("TOML converts to JSON")
}

#[test]
fn the_shipped_schema_file_is_what_folio_schema_prints() {
    let shipped = std::fs::read_to_string(common::root().join("folio.schema.json")).unwrap();
    let shipped: Value = serde_json::from_str(&shipped).unwrap();
    assert!(
        shipped == schema(),
        "folio.schema.json is stale: run `folio schema > folio.schema.json`"
    );
}

#[test]
fn the_schema_accepts_the_shipped_report_and_the_starter() {
    let validator = jsonschema::draft7::new(&schema()).expect("a valid draft-07 schema");
    for file in ["report.toml", "templates/starter.toml"] {
        let src = std::fs::read_to_string(common::root().join(file)).unwrap();
        let errors: Vec<String> = validator
            .iter_errors(&toml_as_json(&src))
            .map(|e| e.to_string())
            .collect();
        assert!(errors.is_empty(), "{file}: {errors:#?}");
    }
}

#[test]
fn the_schema_rejects_unknown_keys_wrong_types_and_missing_keys() {
    let validator = jsonschema::draft7::new(&schema()).unwrap();
    let base = r#"[report]
title = "T"
organisation = "O"
period = "2024"
date = "2025-01-01"
[[sections]]
title = "S"
"#;
    assert!(validator.is_valid(&toml_as_json(base)));
    let broken = [
        format!("{base}[[sections.metrics]]\nvalue = \"1\"\nlabl = \"typo\"\n"),
        base.replace("title = \"S\"", "title = 5"),
        base.replace("title = \"T\"\n", ""),
        format!("{base}[brand.colours]\nprimry = \"#005EB8\"\n"),
        format!("{base}[brand.colours]\nprimary = \"#05EB8\"\n"),
    ];
    for b in broken {
        assert!(!validator.is_valid(&toml_as_json(&b)), "accepted:\n{b}");
    }
}

/// Keys of each table in the README's reference: `### `[table]`` headings followed by
/// tables whose first column is a key in backticks.
fn readme_keys() -> BTreeMap<String, BTreeSet<String>> {
    let readme = std::fs::read_to_string(common::root().join("README.md")).unwrap();
    let mut out: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut table: Option<String> = None;
    for line in readme.lines() {
        if let Some(h) = line.strip_prefix("### `") {
            table = h
                .split('`')
                .next()
                .map(|t| t.trim_matches(['[', ']']).to_string());
            continue;
        }
        if line.starts_with("## ") {
            table = None;
        }
        if let (Some(t), Some(rest)) = (&table, line.strip_prefix("| `"))
            && let Some(key) = rest.split('`').next()
        {
            out.entry(t.clone()).or_default().insert(key.to_string());
        }
    }
    out
}

/// Keys of each table according to the schema.
fn schema_keys() -> BTreeMap<String, BTreeSet<String>> {
    let s = schema();
    let defs = &s["definitions"];
    let props = |v: &Value| -> BTreeSet<String> {
        v["properties"]
            .as_object()
            .map(|o| o.keys().cloned().collect())
            .unwrap_or_default()
    };
    let mut out = BTreeMap::new();
    // Blocks: a tagged choice, one set of keys per `type`; the README lists their union.
    let blocks: BTreeSet<String> = defs["BlockSpec"]["oneOf"]
        .as_array()
        .expect("blocks are a choice of kinds")
        .iter()
        .flat_map(props)
        .collect();
    out.insert("sections.blocks".to_string(), blocks);
    for (table, def) in [
        ("brand", "Brand"),
        ("brand.colours", "Colours"),
        ("brand.fonts", "FontsSpec"),
        ("page", "PageSpec"),
        ("cover", "CoverSpec"),
        ("text", "TextSpec"),
        ("contents", "ContentsSpec"),
        ("numbers", "NumbersSpec"),
        ("back", "BackSpec"),
        ("print", "PrintSpec"),
        ("sections", "SectionSpec"),
        ("sections.metrics", "MetricSpec"),
        ("footer", "FooterSpec"),
        ("report", "ReportMeta"),
        ("strings", "StringsSpec"),
    ] {
        out.insert(table.to_string(), props(&defs[def]));
    }
    let top: BTreeSet<String> = props(&s);
    assert_eq!(
        top,
        [
            "back", "brand", "contents", "cover", "footer", "numbers", "page", "print", "report",
            "sections", "strings", "text"
        ]
        .map(String::from)
        .into(),
        "a new top-level table needs a README section and a line above"
    );
    out
}

#[test]
fn the_readme_documents_exactly_the_keys_the_parser_accepts() {
    assert_eq!(readme_keys(), schema_keys());
}

/// TOML as the JSON an editor's schema check sees; dates written without quotes become
/// their text, as folio reads them.
fn toml_to_json(v: toml::Value) -> Value {
    match v {
        toml::Value::String(s) => Value::String(s),
        toml::Value::Integer(i) => Value::from(i),
        toml::Value::Float(f) => Value::from(f),
        toml::Value::Boolean(b) => Value::Bool(b),
        toml::Value::Datetime(d) => Value::String(d.to_string()),
        toml::Value::Array(a) => Value::Array(a.into_iter().map(toml_to_json).collect()),
        toml::Value::Table(t) => {
            Value::Object(t.into_iter().map(|(k, v)| (k, toml_to_json(v))).collect())
        }
    }
}

/// Which of folio's messages name a mistake a JSON Schema can see in one place of the
/// parsed file: an unknown key, a value of the wrong kind, a name not in a list, a
/// missing required key, a value that breaks a pattern (colour, date, length) or a range
/// (text size, image width, columns, decimals), an empty required text, a row without
/// its brackets, and the either-or rules a schema states (`value` or `number`, `data` or
/// `csv`, alt text for a logo or image).
///
/// Not schema-detectable, so not counted: TOML syntax mistakes (the file has no data for
/// a schema to check; editors show them as syntax errors), a file that is missing,
/// damaged or not UTF-8, rules across keys or tables (two sections with one id, a row's
/// cells against the columns, margins against the page size, a date that is not in the
/// calendar), the contents of markdown (heading levels), colour contrast, page-size
/// limits.
const SCHEMA_DETECTABLE: [&str; 27] = [
    "unknown key `",
    "`: expected ",
    "` cannot be `",
    "needs the key",
    "has no `[report]` table",
    "the report has no sections",
    "a block needs a `type`",
    "this block needs `",
    "a metric needs a `value`",
    "a metric has both `value` and `number`",
    "the logo has no `logo_alt` text",
    "an image has no `alt` text",
    "a chart needs `data` or `csv`",
    "a chart takes `data` or `csv`, not both",
    "is not a colour",
    "is not a date",
    "there is no month",
    "has no unit",
    "has an unknown unit",
    "is not a length",
    "is out of range",
    "`width` is a share of the column",
    "`columns` can be 1 or 2",
    "`decimals` can be",
    "is empty",
    "each row needs its own [brackets]",
    "expected a list of rows",
];

#[test]
fn the_schema_flags_nine_in_ten_of_the_broken_files_it_can_see() {
    let validator = jsonschema::draft7::new(&schema()).unwrap();
    let dir = common::root().join("tests/broken");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    files.sort();
    let (mut detectable, mut missed) = (0, Vec::new());
    for path in files {
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue; // not UTF-8: no data for a schema
        };
        let Ok(data) = toml::from_str::<toml::Value>(&text) else {
            continue; // a TOML syntax mistake
        };
        let expects: Vec<&str> = text
            .lines()
            .filter_map(|l| l.strip_prefix("# expect: "))
            .collect();
        if !expects
            .iter()
            .any(|e| SCHEMA_DETECTABLE.iter().any(|d| e.contains(d)))
        {
            continue;
        }
        detectable += 1;
        if validator.is_valid(&toml_to_json(data)) {
            missed.push(path.file_name().unwrap().to_string_lossy().into_owned());
        }
    }
    let flagged = detectable - missed.len();
    eprintln!(
        "the schema flags {flagged} of the {detectable} schema-detectable broken files; misses: {missed:?}"
    );
    assert!(
        detectable >= 30,
        "only {detectable} schema-detectable cases"
    );
    assert!(
        flagged * 10 >= detectable * 9,
        "the schema flags {flagged} of {detectable}; it misses: {missed:#?}"
    );
}

/// Every key an editor offers is described, and shows what to write: an example, a
/// default, or a list of names (directly or through the type it refers to).
#[test]
fn every_key_has_a_description_and_an_example_default_or_choices() {
    let s = schema();
    let defs = s["definitions"].as_object().unwrap().clone();
    let shows_a_value = |prop: &Value| -> bool {
        let direct = ["examples", "default", "enum", "const"]
            .iter()
            .any(|k| prop.get(*k).is_some());
        let referred = prop["allOf"]
            .as_array()
            .into_iter()
            .flatten()
            .chain(std::iter::once(prop))
            .chain(prop.get("items"))
            .filter_map(|p| p["$ref"].as_str())
            .filter_map(|r| defs.get(r.trim_start_matches("#/definitions/")))
            .any(|d| {
                ["examples", "enum", "oneOf", "anyOf", "properties"]
                    .iter()
                    .any(|k| d.get(*k).is_some())
            });
        direct || referred
    };
    let mut missing = Vec::new();
    let mut tables: Vec<(String, Value)> =
        defs.iter().map(|(k, v)| (k.clone(), v.clone())).collect();
    tables.push(("report.toml".into(), s.clone()));
    for kind in defs["BlockSpec"]["oneOf"].as_array().unwrap() {
        tables.push(("BlockSpec".into(), kind.clone()));
    }
    for (name, table) in tables {
        for (key, prop) in table["properties"].as_object().into_iter().flatten() {
            if key == "type" && name == "BlockSpec" {
                continue; // the tag itself: a `const`
            }
            if prop["description"].as_str().is_none_or(str::is_empty) {
                missing.push(format!("{name}.{key}: no description"));
            }
            if !shows_a_value(prop) {
                missing.push(format!("{name}.{key}: no example, default or choices"));
            }
            if prop.get("default") == Some(&Value::Null) {
                missing.push(format!("{name}.{key}: a null default"));
            }
        }
    }
    assert!(missing.is_empty(), "{missing:#?}");
}
