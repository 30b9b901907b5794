//! `[report]` → [`Meta`]: the required facts of the report, each checked for presence.

use super::types::{Date, Meta};
use super::{parse_or, values};
use crate::diag::Diagnostic;
use crate::spec::{SpannedStr, Spec};

/// British English: the language of the reports folio was made for.
const DEFAULT_LANGUAGE: &str = "en-GB";

/// The text of an optional value, or `default`.
pub fn text_or(value: &Option<SpannedStr>, default: &str) -> String {
    value
        .as_ref()
        .map_or_else(|| default.to_string(), |v| v.get_ref().clone())
}

/// The text of a required key, or an error at `table` saying how to add it.
pub fn required<V: AsRef<str>>(
    value: &Option<serde_spanned::Spanned<V>>,
    key: &str,
    table: &str,
    example: &str,
    span: Option<std::ops::Range<usize>>,
    diags: &mut Vec<Diagnostic>,
) -> String {
    match value {
        Some(v) if !v.get_ref().as_ref().trim().is_empty() => v.get_ref().as_ref().to_string(),
        Some(v) => {
            diags.push(
                Diagnostic::error(format!("`{key}` is empty"), Some(v.span()))
                    .with_help(format!("write it, for example {key} = {example}")),
            );
            String::new()
        }
        None => {
            diags.push(
                Diagnostic::error(format!("{table} needs the key `{key}`"), span)
                    .with_help(format!("add {key} = {example}"))
                    .missing(&[key]),
            );
            String::new()
        }
    }
}

/// Reads `[report]`.
pub fn meta(spec: &Spec, diags: &mut Vec<Diagnostic>) -> Meta {
    let Some(report) = &spec.report else {
        diags.push(
            Diagnostic::error("report.toml has no `[report]` table", Some(0..0))
                .with_help(
                    "start the file with [report] and its title, organisation, period and date",
                )
                .missing(&["report"]),
        );
        return Meta {
            title: String::new(),
            subtitle: None,
            organisation: String::new(),
            period: String::new(),
            date: Date::EPOCH,
            language: DEFAULT_LANGUAGE.into(),
            lang: super::lang::Language::new(DEFAULT_LANGUAGE),
            strings: super::lang::Strings::for_language(DEFAULT_LANGUAGE),
            author: String::new(),
            subject: None,
            keywords: Vec::new(),
        };
    };
    let span = Some(report.span());
    let r = report.get_ref();
    let table = "`[report]`";
    let title = required(
        &r.title,
        "title",
        table,
        "\"2020 – a year in health technology\"",
        span.clone(),
        diags,
    );
    let organisation = required(
        &r.organisation,
        "organisation",
        table,
        "\"NHSX\"",
        span.clone(),
        diags,
    );
    let period = required(&r.period, "period", table, "\"2020\"", span.clone(), diags);
    let date_text = required(
        &r.date,
        "date",
        table,
        "\"2021-01-29\"",
        span.clone(),
        diags,
    );
    let date = match &r.date {
        Some(d) if !date_text.is_empty() => {
            parse_or(diags, d, "report.date", values::date, Date::EPOCH)
        }
        _ => Date::EPOCH,
    };
    let language = match &r.language {
        None => DEFAULT_LANGUAGE.to_string(),
        Some(l) => super::language::tag(l.get_ref()).unwrap_or_else(|why| {
            diags.push(
                Diagnostic::error(format!("`report.language`: {why}"), Some(l.span()))
                    .with_help("screen readers choose their voice by this tag, and folio its hyphenation and number separators"),
            );
            DEFAULT_LANGUAGE.to_string()
        }),
    };
    let mut strings = super::lang::Strings::for_language(&language);
    strings.override_with(&spec.strings, diags);
    Meta {
        lang: super::lang::Language::new(&language),
        strings,
        author: text_or(&r.author, &organisation),
        title,
        subtitle: r.subtitle.as_ref().map(|s| s.get_ref().clone()),
        organisation,
        period,
        date,
        language,
        subject: r.subject.as_ref().map(|s| s.get_ref().clone()),
        keywords: r.keywords.iter().map(|k| k.get_ref().clone()).collect(),
    }
}
