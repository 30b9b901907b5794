//! `[[sections]]` → [`Section`]s: titles, leads, markdown bodies and metrics.

use super::meta::required;
use super::numbers;
use super::types::{Metric, Section};
use super::writing::Writing;
use crate::diag::Diagnostic;
use crate::spec::{MetricSpec, Spec};
use serde_spanned::Spanned;
use std::collections::BTreeSet;

/// Reads every section; an empty report is an error.
pub fn sections(
    spec: &Spec,
    base: &crate::files::Folder,
    writing: &Writing,
    svg: &usvg::Options,
    diags: &mut Vec<Diagnostic>,
) -> Vec<Section> {
    if spec.sections.is_empty() {
        diags.push(
            Diagnostic::error(
                "the report has no sections",
                spec.report.as_ref().map(|r| r.span()).or(Some(0..0)),
            )
            .with_help("add at least one [[sections]] table with a `title`")
            .missing(&["sections"]),
        );
    }
    let written_language = spec
        .report
        .as_ref()
        .and_then(|r| r.get_ref().language.as_ref());
    let locale =
        numbers::Locale::for_language(written_language.map_or("en-GB", |l| l.get_ref().as_str()));
    let english = written_language.is_none_or(|l| super::lang::is_english(l.get_ref()));
    let mut ids = BTreeSet::new();
    // Languages already noted as not hyphenated, so each is noted once.
    let mut noted = Vec::new();
    let hyphenate = spec.text.hyphenate.as_ref().is_none_or(|h| *h.get_ref());
    if let Some(l) = written_language
        && hyphenate
    {
        let lang = super::lang::Language::new(l.get_ref().trim());
        super::lang::hyphenation_note(&lang, Some(l.span()), &mut noted, diags);
    }
    let mut out = Vec::new();
    for s in &spec.sections {
        let sp = s.get_ref();
        let title = required(
            &sp.title,
            "title",
            "a `[[sections]]` entry",
            "\"What we did\"",
            Some(s.span()),
            diags,
        );
        let id = sp
            .id
            .as_ref()
            .map_or_else(|| slug(&title), |id| id.get_ref().clone());
        if !ids.insert(id.clone()) {
            let span = sp.id.as_ref().map(|i| i.span()).or(Some(s.span()));
            diags.push(
                Diagnostic::error(format!("two sections have the id `{id}`"), span)
                    .with_help("give each section its own `id`"),
            );
        }
        let metrics = sp
            .metrics
            .iter()
            .filter_map(|m| metric(m, locale, english, diags))
            .collect();
        let components = sp
            .blocks
            .iter()
            .filter_map(|b| super::components::component(b, base, locale, writing, svg, diags))
            .collect();
        let columns = match sp.columns.as_ref().map(|c| *c.get_ref()) {
            None => 1,
            Some(n @ (1 | 2)) => n,
            Some(n) => {
                diags.push(
                    Diagnostic::error(
                        format!("`columns` can be 1 or 2, not {n}"),
                        sp.columns.as_ref().map(|c| c.span()),
                    )
                    .with_help("write columns = 2 for two-column body text"),
                );
                1
            }
        };
        let lang =
            sp.lang.as_ref().map(|l| {
                if let Err(why) = super::language::tag(l.get_ref()) {
                    diags.push(
                    Diagnostic::error(
                        format!("`lang`: {}", why.replace("write language =", "write lang =")),
                        Some(l.span()),
                    )
                    .with_help(
                        "screen readers choose their voice by this tag, and folio its hyphenation",
                    ),
                );
                }
                let lang = super::lang::Language::new(l.get_ref().trim());
                if hyphenate {
                    super::lang::hyphenation_note(&lang, Some(l.span()), &mut noted, diags);
                }
                lang
            });
        out.push(Section {
            lang,
            columns,
            id,
            title,
            lead: sp.lead.as_ref().map(|l| l.get_ref().clone()),
            body: sp
                .body
                .as_ref()
                .map_or_else(Vec::new, |b| writing.markdown(b, "body", diags)),
            metrics,
            components,
            new_page: sp.new_page.as_ref().is_some_and(|n| *n.get_ref()),
        });
    }
    out
}

fn metric(
    m: &Spanned<MetricSpec>,
    locale: numbers::Locale,
    english: bool,
    diags: &mut Vec<Diagnostic>,
) -> Option<Metric> {
    let ms = m.get_ref();
    let label = required(
        &ms.label,
        "label",
        "a metric",
        "\"people are now using the NHS App\"",
        Some(m.span()),
        diags,
    );
    let format = super::components::number_format(&ms.format, &ms.decimals, diags);
    let (value, span) = match (&ms.value, &ms.number) {
        (Some(v), None) => (v.get_ref().clone(), v.span()),
        (None, Some(n)) => match numbers::format_in(*n.get_ref(), &format, locale) {
            Some(v) => (v, n.span()),
            None => {
                diags.push(
                    Diagnostic::error(
                        format!("`number` must be a finite number, not {}", n.get_ref()),
                        Some(n.span()),
                    )
                    .with_help("write the figure as digits, like number = 16600000"),
                );
                return None;
            }
        },
        (Some(v), Some(_)) => {
            diags.push(
                Diagnostic::error("a metric has both `value` and `number`", Some(v.span()))
                    .with_help(
                        "keep `value` for a figure as written, or `number` with `format`, not both",
                    ),
            );
            return None;
        }
        (None, None) => {
            diags.push(
                Diagnostic::error("a metric needs a `value` (or a `number`)", Some(m.span()))
                    .with_help("add value = \"2m\" (the figure as it should read)")
                    .missing(&["value", "number"]),
            );
            return None;
        }
    };
    let spoken = ms
        .spoken
        .as_ref()
        .map(|s| s.get_ref().clone())
        // The derived forms are English words ("300 million pounds"); in another language the
        // figure is left for the screen reader to say in that language's voice.
        .or_else(|| english.then(|| numbers::spoken(&value)).flatten())
        .unwrap_or_else(|| value.clone());
    Some(Metric {
        spoken,
        value,
        span: Some(span),
        label,
        detail: ms.detail.as_ref().map(|d| d.get_ref().clone()),
        highlight: ms.highlight.as_ref().is_some_and(|h| *h.get_ref()),
    })
}

/// "COVID-19: data and research" → "covid-19-data-and-research".
pub fn slug(title: &str) -> String {
    let mut out = String::new();
    for c in title.chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}
