//! The JSON Schema of report.toml (draft-07, which taplo and the Even Better TOML editor
//! extension read), generated from the same serde types the parser uses, so the editor's
//! autocompletion, the README's key reference and the parser cannot drift apart.

use super::types::Spec;
use schemars::JsonSchema;
use schemars::generate::SchemaSettings;

/// `[brand.colours]` as the schema shows it: the six roles, each a hex colour.
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields)]
#[allow(dead_code)]
pub struct Colours {
    /// Colour fields, headings, figures, links. Default `#005EB8` (NHS Blue).
    #[schemars(regex(pattern = r"^#([0-9A-Fa-f]{3}|[0-9A-Fa-f]{6})$"))]
    primary: Option<String>,
    /// Decorative rules; never text. Default `#41B6E6`.
    #[schemars(regex(pattern = r"^#([0-9A-Fa-f]{3}|[0-9A-Fa-f]{6})$"))]
    accent: Option<String>,
    /// Body text. Default `#212B32`.
    #[schemars(regex(pattern = r"^#([0-9A-Fa-f]{3}|[0-9A-Fa-f]{6})$"))]
    text: Option<String>,
    /// Card details and the footer. Default `#4C6272`.
    #[schemars(regex(pattern = r"^#([0-9A-Fa-f]{3}|[0-9A-Fa-f]{6})$"))]
    muted: Option<String>,
    /// Card backgrounds. Default `#E8EDEE`.
    #[schemars(regex(pattern = r"^#([0-9A-Fa-f]{3}|[0-9A-Fa-f]{6})$"))]
    tint: Option<String>,
    /// Text on colour fields. Default `#FFFFFF`.
    #[schemars(regex(pattern = r"^#([0-9A-Fa-f]{3}|[0-9A-Fa-f]{6})$"))]
    paper: Option<String>,
}

/// `margins`: one length for every side, or each side on its own.
#[derive(JsonSchema)]
#[serde(untagged)]
#[allow(dead_code)]
pub enum Margins {
    /// One length: "20mm", "0.75in".
    All(String),
    /// Each side.
    Sides(Sides),
}

/// `margins = { top = "…", bottom = "…", left = "…", right = "…" }`.
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields)]
#[allow(dead_code)]
pub struct Sides {
    top: Option<String>,
    bottom: Option<String>,
    left: Option<String>,
    right: Option<String>,
}

/// Keys the model requires, by table. The parser reads every key as optional so that a
/// missing one is reported with all other problems instead of stopping the parse; the schema
/// states them as required so that editors flag them while typing.
const REQUIRED: [(&str, &[&str]); 4] = [
    ("", &["report"]),
    ("report", &["title", "organisation", "period", "date"]),
    ("SectionSpec", &["title"]),
    ("MetricSpec", &["label"]),
];

/// The schema as JSON.
pub fn schema() -> serde_json::Value {
    let generator = SchemaSettings::draft07().into_generator();
    let schema = generator.into_root_schema_for::<Spec>();
    let mut json = serde_json::to_value(schema).expect("invariant: a schema serialises");
    for (table, keys) in REQUIRED {
        let node = match table {
            "" => &mut json,
            "report" => &mut json["properties"]["report"],
            def => &mut json["definitions"][def],
        };
        for key in keys {
            if let Some(prop) = node["properties"][*key].as_object_mut() {
                prop.remove("default");
            }
        }
        node["required"] = serde_json::Value::from(keys.to_vec());
    }
    json
}
