//! The JSON Schema of report.toml (draft-07, which taplo and the Even Better TOML editor
//! extension read), generated from the parser's own types, so the editor's completion,
//! the README's key reference and the parser cannot drift apart.
//!
//! Two marks on the types are turned into schema words here: `x-default` (what folio does
//! when a key is absent) becomes `default` — schemars would otherwise show the parser's
//! "absent" (`null`) as every key's default — and `x-required` puts the key in its table's
//! `required` list (the parser itself reads every key as optional, so that a missing key is
//! reported together with every other problem).

use super::types::Spec;
use schemars::generate::SchemaSettings;
use serde_json::Value;

/// The schema as JSON.
pub fn schema() -> Value {
    let generator = SchemaSettings::draft07().into_generator();
    let schema = generator.into_root_schema_for::<Spec>();
    let mut json = serde_json::to_value(schema).expect("invariant: a schema serialises");
    settle(&mut json);
    json
}

/// Applies the marks everywhere in the schema.
fn settle(v: &mut Value) {
    match v {
        Value::Object(o) => {
            if o.get("default") == Some(&Value::Null) {
                o.remove("default");
            }
            if let Some(d) = o.remove("x-default") {
                o.insert("default".into(), d);
            }
            // A choice of names: also as `enum`, which every editor offers for completion.
            if let Some(Value::Array(choices)) = o.get("oneOf")
                && !choices.is_empty()
                && choices.iter().all(|c| c.get("const").is_some())
            {
                let names: Vec<Value> = choices.iter().map(|c| c["const"].clone()).collect();
                o.insert("enum".into(), Value::Array(names));
            }
            let mut required: Vec<String> = Vec::new();
            if let Some(Value::Object(props)) = o.get_mut("properties") {
                for (name, prop) in props.iter_mut() {
                    if take_required(prop) {
                        required.push(name.clone());
                    }
                }
            }
            if !required.is_empty() {
                let list = o
                    .entry("required")
                    .or_insert_with(|| Value::Array(Vec::new()));
                if let Value::Array(items) = list {
                    for r in required {
                        if !items.iter().any(|i| i == &Value::String(r.clone())) {
                            items.push(Value::String(r));
                        }
                    }
                }
            }
            for (_, child) in o.iter_mut() {
                settle(child);
            }
        }
        Value::Array(items) => items.iter_mut().for_each(settle),
        _ => {}
    }
}

/// Removes an `x-required` mark from a property (or the `allOf` wrapper schemars puts
/// around a reference with siblings), saying whether it was there.
fn take_required(prop: &mut Value) -> bool {
    let Value::Object(o) = prop else { return false };
    let mut found = o.remove("x-required").is_some();
    // A required key has no default to show.
    if found {
        o.remove("default");
    }
    if let Some(Value::Array(all)) = o.get_mut("allOf") {
        for s in all.iter_mut() {
            if let Value::Object(inner) = s {
                found |= inner.remove("x-required").is_some();
            }
        }
    }
    found
}
