//! `[page]` and `[text]` → paper and text settings.

use super::parse_or;
use super::types::{PageConfig, TextConfig};
use super::values;
use crate::diag::{Diagnostic, did_you_mean};
use crate::geom::Abs;
use crate::spec::Spec;

/// Default body size: 10.5 pt Arial-metric text reads comfortably on A4 (NHS print guidance
/// asks for at least 10 pt; 12 pt for audiences with low vision is one key away).
const DEFAULT_TEXT_SIZE: f64 = 10.5;
/// Below 8 pt text fails most print accessibility guidance; above 24 pt is not body text.
const TEXT_SIZE_RANGE: std::ops::RangeInclusive<f64> = 8.0..=24.0;
const DEFAULT_MARGIN_MM: f64 = 20.0;
const MARGIN_SIDES: [&str; 4] = ["top", "bottom", "left", "right"];

/// Reads `[page]`.
pub fn page(spec: &Spec, diags: &mut Vec<Diagnostic>) -> PageConfig {
    let a4 = values::page_size("A4").expect("invariant: A4 is a known size");
    let size = spec.page.size.as_ref().map_or(a4, |s| {
        parse_or(diags, s, "page.size", values::page_size, a4)
    });
    let default = Abs::mm(DEFAULT_MARGIN_MM);
    let mut m = [default; 4];
    if let Some(margins) = &spec.page.margins {
        let span = Some(margins.span());
        let parse = |v: &toml::Value, diags: &mut Vec<Diagnostic>| match v {
            toml::Value::String(s) => values::length(s).unwrap_or_else(|e| {
                diags.push(Diagnostic::error(
                    format!("`page.margins`: {e}"),
                    span.clone(),
                ));
                default
            }),
            _ => {
                diags.push(
                    Diagnostic::error("`page.margins` takes lengths in quotes", span.clone())
                        .with_help("write margins = \"20mm\""),
                );
                default
            }
        };
        match margins.get_ref() {
            toml::Value::Table(t) => {
                for (key, value) in t {
                    match MARGIN_SIDES.iter().position(|s| s == key) {
                        Some(i) => m[i] = parse(value, diags),
                        None => {
                            let mut d = Diagnostic::error(
                                format!("unknown key `{key}` in `margins`"),
                                span.clone(),
                            );
                            d = match did_you_mean(key, &MARGIN_SIDES) {
                                Some(k) => d.with_help(format!("rename `{key}` to `{k}`")),
                                None => d.with_help("use top, bottom, left and right"),
                            };
                            diags.push(d);
                        }
                    }
                }
            }
            other => m = [parse(other, diags); 4],
        }
        // At least a third of the page must stay for content.
        if (m[2] + m[3]).to_pt() > size.w.to_pt() * 2.0 / 3.0
            || (m[0] + m[1]).to_pt() > size.h.to_pt() * 2.0 / 3.0
        {
            diags.push(
                Diagnostic::error("`page.margins` leave too little room for the text", span)
                    .with_help("margins of 15mm to 25mm suit A4"),
            );
            m = [default; 4];
        }
    }
    PageConfig {
        size,
        top: m[0],
        bottom: m[1],
        left: m[2],
        right: m[3],
    }
}

/// Reads `[text]`.
pub fn text_config(spec: &Spec, diags: &mut Vec<Diagnostic>) -> TextConfig {
    let t = &spec.text;
    let justify = match &t.align {
        None => false,
        Some(a) => match a.get_ref().as_str() {
            "left" => false,
            "justify" => true,
            other => {
                diags.push(
                    Diagnostic::error(format!("`text.align` cannot be `{other}`"), Some(a.span()))
                        .with_help("use \"left\" (ragged right, easiest to read) or \"justify\""),
                );
                false
            }
        },
    };
    let size = match &t.size {
        Some(s) if !TEXT_SIZE_RANGE.contains(s.get_ref()) => {
            diags.push(
                Diagnostic::error(
                    format!("`text.size` of {} pt is out of range", s.get_ref()),
                    Some(s.span()),
                )
                .with_help(format!(
                    "use a size from {} to {} points",
                    TEXT_SIZE_RANGE.start(),
                    TEXT_SIZE_RANGE.end()
                )),
            );
            DEFAULT_TEXT_SIZE
        }
        Some(s) => *s.get_ref(),
        None => DEFAULT_TEXT_SIZE,
    };
    TextConfig {
        size: Abs::pt(size),
        justify,
        hyphenate: t.hyphenate.as_ref().is_none_or(|h| *h.get_ref()),
    }
}
