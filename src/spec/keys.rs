//! Unknown keys: what the table is called, and where the key belongs instead.
//!
//! In: an unknown key recorded by the reader (its span, and the tables it stands in, with
//! each table's known keys as serde's derive lists them). Out: a diagnostic that says
//! which table it was read as part of and how to fix it: "did you mean" for a misspelt
//! key; "move it above" for a section key written under a `[[sections.metrics]]` line
//! (in TOML everything under a table's header belongs to that table); "move it to
//! `[report]`" for a key of another table; the kind of block that takes it.

use super::blocks::{
    BoxSpec, ChartSpec, ForewordSpec, ImageSpec, ImagesSpec, QuoteSpec, TableSpec, TimelineSpec,
};
use super::de::{Table, UnknownKey};
use super::types::*;
use crate::diag::{Diagnostic, did_you_mean};
use serde::Deserialize;

/// How messages name a table, by its Rust type.
fn display(type_name: &str) -> String {
    match type_name {
        "Spec" => "the top level of report.toml".into(),
        "ReportMeta" => "`[report]`".into(),
        "Brand" => "`[brand]`".into(),
        "Colours" => "`[brand.colours]`".into(),
        "FontsSpec" => "`[brand.fonts]`".into(),
        "PageSpec" => "`[page]`".into(),
        "CoverSpec" => "`[cover]`".into(),
        "TextSpec" => "`[text]`".into(),
        "ContentsSpec" => "`[contents]`".into(),
        "NumbersSpec" => "`[numbers]`".into(),
        "FooterSpec" => "`[footer]`".into(),
        "BackSpec" => "`[back]`".into(),
        "PrintSpec" => "`[print]`".into(),
        "StringsSpec" => "`[strings]`".into(),
        "SectionSpec" => "a `[[sections]]` entry".into(),
        "MetricSpec" => "a metric".into(),
        "ChartSpec" => "a chart block".into(),
        "QuoteSpec" => "a quote block".into(),
        "BoxSpec" => "a box block".into(),
        "TableSpec" => "a table block".into(),
        "ImageSpec" => "an image block".into(),
        "ImagesSpec" => "an images block".into(),
        "RowImageSpec" => "an image of a row".into(),
        "ColumnDetail" => "a table column".into(),
        "ForewordSpec" => "a foreword block".into(),
        "TimelineSpec" => "a timeline block".into(),
        "Milestone" => "a timeline milestone".into(),
        "Datum" => "a chart datum".into(),
        "Sides" => "`margins`".into(),
        "PrintColour" => "a colour".into(),
        other => format!("`{other}`"),
    }
}

/// Keys of the top level that are tables, written `[name]` rather than `name = …`.
const TABLE_KEYS: [&str; 12] = [
    "report", "brand", "cover", "page", "text", "contents", "numbers", "footer", "back", "print",
    "strings", "sections",
];

/// The tables a key may have been meant for, with how to get there.
struct Home {
    type_name: &'static str,
    header: &'static str,
    fields: Vec<&'static str>,
}

fn top_level_tables() -> Vec<Home> {
    vec![
        home::<ReportMeta>("ReportMeta", "[report]"),
        home::<Brand>("Brand", "[brand]"),
        home::<Colours>("Colours", "[brand.colours]"),
        home::<FontsSpec>("FontsSpec", "[brand.fonts]"),
        home::<CoverSpec>("CoverSpec", "[cover]"),
        home::<PageSpec>("PageSpec", "[page]"),
        home::<TextSpec>("TextSpec", "[text]"),
        home::<ContentsSpec>("ContentsSpec", "[contents]"),
        home::<NumbersSpec>("NumbersSpec", "[numbers]"),
        home::<FooterSpec>("FooterSpec", "[footer]"),
        home::<BackSpec>("BackSpec", "[back]"),
        home::<PrintSpec>("PrintSpec", "[print]"),
        home::<StringsSpec>("StringsSpec", "[strings]"),
    ]
}

fn block_kinds() -> Vec<Home> {
    vec![
        home::<ChartSpec>("ChartSpec", "chart"),
        home::<QuoteSpec>("QuoteSpec", "quote"),
        home::<BoxSpec>("BoxSpec", "box"),
        home::<TableSpec>("TableSpec", "table"),
        home::<ImageSpec>("ImageSpec", "image"),
        home::<ImagesSpec>("ImagesSpec", "images"),
        home::<ForewordSpec>("ForewordSpec", "foreword"),
        home::<TimelineSpec>("TimelineSpec", "timeline"),
    ]
}

fn home<T: for<'de> Deserialize<'de>>(type_name: &'static str, header: &'static str) -> Home {
    Home {
        type_name,
        header,
        fields: fields::<T>(),
    }
}

/// `line N` of a byte offset.
fn line_of(source: &str, at: usize) -> usize {
    source.get(..at).map_or(1, |s| s.matches('\n').count() + 1)
}

/// The header line a table starts with, as written (`[[sections.metrics]]`).
fn header_text(source: &str, table: &Table) -> Option<String> {
    let start = source
        .get(..table.span.start)?
        .rfind('\n')
        .map_or(0, |i| i + 1);
    let line = source.get(start..)?.lines().next()?.trim();
    line.starts_with('[')
        .then(|| line.split('#').next().unwrap_or(line).trim().to_string())
}

/// The diagnostic for one unknown key.
pub fn unknown_key(source: &str, u: &UnknownKey) -> Diagnostic {
    let key = u.key.get_ref().as_str();
    let span = Some(u.key.span());
    let Some((here, outer)) = u.tables.split_last() else {
        return Diagnostic::error(format!("unknown key `{key}`"), span)
            .with_help("remove this key");
    };
    let mut d = Diagnostic::error(
        format!("unknown key `{key}` in {}", display(here.name)),
        span,
    );

    // A key of an enclosing table, written below a sub-table's header.
    if let Some(owner) = outer.iter().rev().find(|t| t.fields.contains(&key)) {
        let header = header_text(source, here).unwrap_or_else(|| display(here.name));
        let line = line_of(source, here.span.start);
        if owner.name == "Spec" && TABLE_KEYS.contains(&key) {
            let header = if key == "sections" {
                "[[sections]]".to_string()
            } else {
                format!("[{key}]")
            };
            return d
                .with_label(format!("`{key}` is a table of its own"))
                .with_help(format!(
                    "a table starts with its name in brackets: write {header} on a line of its own, with its keys on the lines below it"
                ));
        }
        let owner_name = match owner.name {
            "SectionSpec" => "the section".to_string(),
            "Spec" => "the top level".to_string(),
            other => display(other),
        };
        return d
            .with_label(format!("`{key}` belongs to {owner_name}"))
            .with_help(format!(
                "in TOML every key below a `{header}` line belongs to it: move `{key}` above the `{header}` line (line {line})"
            ));
    }
    // A key of another top-level table.
    if matches!(outer.len(), 0 | 1)
        && let Some(other) = top_level_tables()
            .into_iter()
            .find(|t| t.type_name != here.name && t.fields.contains(&key))
    {
        return d
            .with_label(format!("`{key}` belongs in `{}`", other.header))
            .with_help(format!(
                "move `{key}` below the `{}` line (add that line if there is none)",
                other.header
            ));
    }
    // A key of another kind of block.
    if here.name.ends_with("Spec")
        && block_kinds().iter().any(|b| b.type_name == here.name)
        && let Some(other) = block_kinds()
            .into_iter()
            .find(|b| b.type_name != here.name && b.fields.contains(&key))
        && did_you_mean(key, here.fields).is_none()
    {
        return d
            .with_label(format!("`{key}` is a key of {} blocks", other.header))
            .with_help(format!(
                "this block is {}; use type = \"{}\" for {}, or remove `{key}`. {} takes: {}",
                display(here.name),
                other.header,
                display(other.type_name),
                capitalise(&display(here.name)),
                list(here.fields)
            ));
    }
    d = match did_you_mean(key, here.fields) {
        Some(k) => d
            .with_label(format!("did you mean `{k}`?"))
            .with_help(format!("rename `{key}` to `{k}`")),
        None if here.fields.is_empty() => d.with_help("remove this key"),
        None => d.with_help(format!("remove it, or use one of: {}", list(here.fields))),
    };
    d
}

fn list(fields: &[&str]) -> String {
    fields
        .iter()
        .map(|k| format!("`{k}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next().map_or_else(String::new, |f| {
        f.to_uppercase().collect::<String>() + c.as_str()
    })
}

/// The field names serde would accept for `T`, read by asking `T` to deserialise itself
/// from a probe (see `probe`).
pub fn fields<T: for<'de> Deserialize<'de>>() -> Vec<&'static str> {
    super::probe::accepted::<T>().to_vec()
}
