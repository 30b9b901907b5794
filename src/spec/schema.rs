//! The JSON Schema of report.toml (draft-07, which taplo and the Even Better TOML editor
//! extension read), generated from the same serde types the parser uses, so the editor's
//! autocompletion, the README's key reference and the parser cannot drift apart.

use super::types::Spec;
use schemars::JsonSchema;
use schemars::generate::SchemaSettings;

/// A colour: hex, or hex with its print values.
#[derive(JsonSchema)]
#[serde(untagged)]
#[allow(dead_code)]
pub enum Colour {
    /// `"#005EB8"`.
    Hex(#[schemars(regex(pattern = r"^#([0-9A-Fa-f]{3}|[0-9A-Fa-f]{6})$"))] String),
    /// `{ hex = "#005EB8", cmyk = [100, 50, 0, 0], spot = "PANTONE 300 C" }`.
    Print(PrintColour),
}

/// A colour with its print values.
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields)]
#[allow(dead_code)]
pub struct PrintColour {
    /// The screen colour.
    #[schemars(regex(pattern = r"^#([0-9A-Fa-f]{3}|[0-9A-Fa-f]{6})$"))]
    hex: String,
    /// Cyan, magenta, yellow, black in per cent, for the print edition.
    cmyk: Option<[f64; 4]>,
    /// A spot colour name, printed as a Separation with `cmyk` as its alternate.
    spot: Option<String>,
}

/// `[brand.colours]` as the schema shows it: the six roles.
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields)]
#[allow(dead_code)]
pub struct Colours {
    /// Colour fields, headings, figures, links. Default `#005EB8` (NHS Blue).
    primary: Option<Colour>,
    /// Decorative rules; never text. Default `#41B6E6`.
    accent: Option<Colour>,
    /// Body text. Default `#212B32`.
    text: Option<Colour>,
    /// Card details and the footer. Default `#4C6272`.
    muted: Option<Colour>,
    /// Card backgrounds. Default `#E8EDEE`.
    tint: Option<Colour>,
    /// Text on colour fields. Default `#FFFFFF`.
    paper: Option<Colour>,
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
