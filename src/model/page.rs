//! `[page]` and `[text]` → paper and text settings.

use super::parse_or;
use super::types::{PageConfig, TextConfig};
use super::values;
use crate::diag::Diagnostic;
use crate::geom::Abs;
use crate::spec::{Align, Length, Margins, PageSize, PaperName, Spec};
use serde_spanned::Spanned;

/// Default body size: 10.5 pt Arial-metric text reads comfortably on A4 (NHS print guidance
/// asks for at least 10 pt; 12 pt for audiences with low vision is one key away).
const DEFAULT_TEXT_SIZE: f64 = 10.5;
/// Below 8 pt text fails most print accessibility guidance; above 24 pt is not body text.
const TEXT_SIZE_RANGE: std::ops::RangeInclusive<f64> = 8.0..=24.0;
const DEFAULT_MARGIN_MM: f64 = 20.0;

/// Reads `[page]`.
pub fn page(spec: &Spec, diags: &mut Vec<Diagnostic>) -> PageConfig {
    let a4 = values::paper(PaperName::A4);
    let size = spec.page.size.as_ref().map_or(a4, |s| match s.get_ref() {
        PageSize::Named(name) => values::paper(*name),
        PageSize::Custom(text) => parse_or(
            diags,
            &Spanned::new(s.span(), text.clone()),
            "page.size",
            values::page_size,
            a4,
        ),
    });
    let default = Abs::mm(DEFAULT_MARGIN_MM);
    let mut m = [default; 4];
    if let Some(margins) = &spec.page.margins {
        let span = Some(margins.span());
        let length = |v: &Spanned<Length>, diags: &mut Vec<Diagnostic>| {
            parse_or(diags, v, "page.margins", values::length, default)
        };
        match margins.get_ref() {
            Margins::All(l) => {
                m = [length(&Spanned::new(margins.span(), l.clone()), diags); 4];
            }
            Margins::Sides(sides) => {
                for (i, side) in [&sides.top, &sides.bottom, &sides.left, &sides.right]
                    .into_iter()
                    .enumerate()
                {
                    if let Some(v) = side {
                        m[i] = length(v, diags);
                    }
                }
            }
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
    let justify = t
        .align
        .as_ref()
        .is_some_and(|a| *a.get_ref() == Align::Justify);
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
