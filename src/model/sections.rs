//! `[[sections]]` → [`Section`]s: titles, leads, markdown bodies and metrics (every metric
//! of the section, with where it is to be shown: `model::resolve` splits them between the
//! section and the year-in-numbers page).

use super::meta::required;
use super::types::{Metric, Section, Show};
use super::writing::Writing;
use super::{change, numbers};
use crate::diag::Diagnostic;
use crate::spec::{MetricSpec, Spec};
use serde_spanned::Spanned;
use std::collections::BTreeSet;

/// Bodies parsed per worker at the least: below that, a thread's start costs more than
/// parsing them on it saves (a body takes some 30 µs).
const SECTIONS_PER_WORKER: usize = 8;

/// Reads every section; an empty report is an error.
pub fn sections(
    spec: &Spec,
    base: &crate::files::Folder,
    writing: &Writing,
    strings: &super::lang::Strings,
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
    let report = spec.report.as_ref().map(|r| r.get_ref());
    let compared_with = report
        .and_then(|r| r.previous_period.as_ref())
        .map(|p| p.get_ref().clone())
        .unwrap_or_else(|| {
            change::previous_period(
                report
                    .and_then(|r| r.period.as_ref())
                    .map_or("", |p| p.get_ref().as_str()),
            )
        });
    let numbers_page = spec.numbers.is_some();
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
    // The bodies' markdown, parsed on every core before the sections are read in order:
    // it is most of reading a long report's sections, and each body is parsed on its own.
    // What each found is told where the sequential reading would have told it.
    let workers = crate::workers::threads().min(spec.sections.len() / SECTIONS_PER_WORKER);
    let bodies = crate::workers::map(
        &spec.sections,
        workers,
        || (),
        |(), s| {
            let mut found = Vec::new();
            let blocks = s
                .get_ref()
                .body
                .as_ref()
                .map_or_else(Vec::new, |b| writing.markdown(b, "body", &mut found));
            (blocks, found)
        },
    );
    let mut bodies = bodies.into_iter();
    let mut out = Vec::new();
    for s in &spec.sections {
        let (body, body_found) = bodies.next().unwrap_or_default();
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
        // A chart is described in its section's language; `[strings]` speaks for the
        // report's.
        let words = match &lang {
            Some(l) if super::lang::primary(&l.tag) != super::lang::primary(&strings.language) => {
                super::lang::ChartWords::for_language(&l.tag)
            }
            _ => strings.chart.clone(),
        };
        let metrics = sp
            .metrics
            .iter()
            .filter_map(|m| {
                let context = MetricContext {
                    locale,
                    english,
                    compared_with: &compared_with,
                    numbers_page,
                };
                metric(m, &context, diags)
            })
            .collect();
        let components = sp
            .blocks
            .iter()
            .filter_map(|b| {
                super::components::component(b, base, locale, &words, writing, svg, diags)
            })
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
        let span = |v: &Option<crate::spec::SpannedStr>| v.as_ref().map(|v| v.span());
        out.push(Section {
            lang,
            columns,
            id,
            title,
            spans: super::types::SectionSpans {
                title: span(&sp.title),
                lead: span(&sp.lead),
                body: span(&sp.body),
            },
            keep_together: sp.keep_together.as_ref().is_some_and(|k| *k.get_ref()),
            lead: sp.lead.as_ref().map(|l| l.get_ref().clone()),
            body: {
                diags.extend(body_found);
                body
            },
            metrics,
            components,
            new_page: sp.new_page.as_ref().is_some_and(|n| *n.get_ref())
                || sp
                    .break_before
                    .as_ref()
                    .is_some_and(|b| *b.get_ref() == crate::spec::BreakBefore::Page),
        });
    }
    out
}

/// What every metric of a report shares.
struct MetricContext<'a> {
    locale: numbers::Locale,
    /// The report is in English, so figures get English spoken forms.
    english: bool,
    /// The period year-on-year changes compare with, unless a metric says.
    compared_with: &'a str,
    /// The report has a year-in-numbers page.
    numbers_page: bool,
}

fn metric(
    m: &Spanned<MetricSpec>,
    cx: &MetricContext,
    diags: &mut Vec<Diagnostic>,
) -> Option<Metric> {
    let (locale, english) = (cx.locale, cx.english);
    let (compared_with, numbers_page) = (cx.compared_with, cx.numbers_page);
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
    let show = show(ms, numbers_page, diags);
    let period = ms
        .compared_with
        .as_ref()
        .map_or(compared_with, |c| c.get_ref().as_str());
    let current = ms
        .number
        .as_ref()
        .map(|n| {
            (
                *n.get_ref(),
                ms.format
                    .as_ref()
                    .is_some_and(|f| *f.get_ref() == numbers::NumberFormat::Percent),
            )
        })
        .or_else(|| change::read_figure(&value, locale));
    let change = match (&ms.previous, &ms.change) {
        (Some(p), None) => match current {
            Some((now, percent)) => Some(change::from_previous(now, *p.get_ref(), percent, period)),
            None => {
                diags.push(
                    Diagnostic::error(
                        format!("`previous` needs a figure folio can read as a number, and `{value}` is not one"),
                        Some(p.span()),
                    )
                    .with_help("give the figure as `number` (with `format`), or write the change itself: change = \"+12%\""),
                );
                None
            }
        },
        (None, Some(c)) => match change::from_written(c.get_ref(), period) {
            Ok(change) => Some(change),
            Err(why) => {
                diags.push(
                    Diagnostic::error(format!("`change`: {why}"), Some(c.span()))
                        .with_help("write change = \"+12%\", \"-4%\" or \"+3 points\""),
                );
                None
            }
        },
        (Some(p), Some(_)) => {
            diags.push(
                Diagnostic::error("a metric has both `previous` and `change`", Some(p.span()))
                    .with_help("keep `previous` (folio works out the change) or `change` (as you write it), not both"),
            );
            None
        }
        (None, None) => {
            if let Some(c) = &ms.compared_with {
                diags.push(
                    Diagnostic::warning(
                        "`compared_with` is not used without `previous` or `change`",
                        Some(c.span()),
                    )
                    .with_help("add previous = … (the figure then), or change = \"+12%\""),
                );
            }
            None
        }
    };
    Some(Metric {
        spoken,
        value,
        span: Some(span),
        label,
        label_span: ms.label.as_ref().map(|l| l.span()),
        detail_span: ms.detail.as_ref().map(|d| d.span()),
        detail: ms.detail.as_ref().map(|d| d.get_ref().clone()),
        show,
        change,
        icon: ms.icon.as_ref().map(|i| *i.get_ref()),
    })
}

/// Where a metric is shown: `show`, or `highlight = true` (both), or its section.
fn show(ms: &MetricSpec, numbers_page: bool, diags: &mut Vec<Diagnostic>) -> Show {
    let highlight = ms.highlight.as_ref().filter(|h| *h.get_ref());
    let show = match (&ms.show, highlight) {
        (Some(s), Some(h)) if *s.get_ref() != Show::Both => {
            diags.push(
                Diagnostic::error(
                    "`highlight = true` shows the figure in both places, but `show` says otherwise",
                    Some(h.span()),
                )
                .with_help("remove `highlight`: `show` alone says where the figure appears"),
            );
            *s.get_ref()
        }
        (Some(s), _) => *s.get_ref(),
        (None, Some(_)) => Show::Both,
        (None, None) => Show::Section,
    };
    if let (Some(s), false) = (&ms.show, numbers_page)
        && *s.get_ref() != Show::Section
    {
        diags.push(
            Diagnostic::warning(
                "this figure is to be shown on the year-in-numbers page, but the report has none: it is shown in its section",
                Some(s.span()),
            )
            .with_help("add a [numbers] table (with its `title`) to make the page, or write show = \"section\""),
        );
    }
    show
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
