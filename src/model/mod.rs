//! Stage 2: [`Spec`] → [`Report`]: validated, defaulted, with its fonts and images loaded.
//!
//! In: the spec as written and the folder of report.toml. Out: a report in which nothing is
//! optional and nothing still needs parsing, plus warnings; or every error found, each at
//! the span of the key that caused it. Resolution goes on after an error so that one run
//! reports all of them.

mod assets;
pub mod markdown;
pub mod numbers;
mod preflight;
mod types;
pub mod values;

pub use types::*;

use crate::diag::{Diagnostic, did_you_mean};
use crate::geom::{Abs, Color};
use crate::spec::{self, MarginsSpec, SpannedStr, Spec};
use crate::text::{FaceId, FontBook};
use std::collections::BTreeSet;
use std::path::Path;
use std::sync::Arc;

/// The colour roles report.toml may name, with their defaults (NHS identity colours, which
/// pass WCAG AA for text on white where they are used for text).
const COLOUR_ROLES: [(&str, Color); 6] = [
    ("primary", Color::rgb(0x00, 0x5E, 0xB8)),
    ("accent", Color::rgb(0x41, 0xB6, 0xE6)),
    ("text", Color::rgb(0x21, 0x2B, 0x32)),
    ("muted", Color::rgb(0x4C, 0x62, 0x72)),
    ("tint", Color::rgb(0xE8, 0xED, 0xEE)),
    ("paper", Color::rgb(0xFF, 0xFF, 0xFF)),
];

/// Default body size: 10.5 pt Arial-metric text reads comfortably on A4 (NHS print guidance
/// asks for at least 10 pt; 12 pt for audiences with low vision is one key away).
const DEFAULT_TEXT_SIZE: f64 = 10.5;
/// Below 8 pt text fails most print accessibility guidance; above 24 pt is not body text.
const TEXT_SIZE_RANGE: std::ops::RangeInclusive<f64> = 8.0..=24.0;
const DEFAULT_MARGIN_MM: f64 = 20.0;

/// Resolves a spec. `base` is the folder report.toml is in; relative paths start there.
pub fn resolve(spec: &Spec, base: &Path) -> Result<(Report, Vec<Diagnostic>), Vec<Diagnostic>> {
    let mut diags = Vec::new();
    let r = spec.report.get_ref();

    let date = parse_or(
        &mut diags,
        &r.date,
        "report.date",
        values::date,
        Date {
            year: 1970,
            month: 1,
            day: 1,
        },
    );
    let language = r
        .language
        .as_ref()
        .map_or("en-GB".to_string(), |l| l.get_ref().clone());
    let meta = Meta {
        title: r.title.get_ref().clone(),
        subtitle: r.subtitle.as_ref().map(|s| s.get_ref().clone()),
        organisation: r.organisation.get_ref().clone(),
        period: r.period.get_ref().clone(),
        date,
        author: r
            .author
            .as_ref()
            .map_or(r.organisation.get_ref().clone(), |a| a.get_ref().clone()),
        language,
        subject: r.subject.as_ref().map(|s| s.get_ref().clone()),
        keywords: r.keywords.iter().map(|k| k.get_ref().clone()).collect(),
    };

    let palette = palette(spec, &mut diags);

    let mut fonts = FontBook::with_builtin();
    let fs = &spec.brand.fonts;
    let mut family = |key, value: Option<&SpannedStr>, diags: &mut Vec<Diagnostic>| {
        assets::font_family(&mut fonts, base, key, value).unwrap_or_else(|d| {
            diags.push(d);
            crate::text::FamilyId(0)
        })
    };
    let body_family = family("brand.fonts.body", fs.body.as_ref(), &mut diags);
    let heading_family = family("brand.fonts.heading", fs.heading.as_ref(), &mut diags);

    let logo = spec.brand.logo.as_ref().and_then(|path| {
        let image = assets::image(base, "brand.logo", path)
            .map_err(|d| diags.push(d))
            .ok()?;
        let decorative = spec.brand.logo_decorative.unwrap_or(false);
        let alt = match &spec.brand.logo_alt {
            Some(a) if !a.get_ref().trim().is_empty() => Some(a.get_ref().clone()),
            _ if decorative => None,
            _ => {
                diags.push(
                    Diagnostic::error("the logo has no `logo_alt` text", Some(path.span()))
                        .with_label("screen readers cannot say what this image is")
                        .with_help("add logo_alt = \"…\" to [brand] saying what the logo shows, or logo_decorative = true if it adds nothing a reader needs"),
                );
                None
            }
        };
        Some(Logo {
            image: Arc::new(image),
            alt,
        })
    });

    let page = page(spec, &mut diags);
    let text = text_config(spec, &mut diags);

    let sections = sections(spec, &mut diags);
    if sections.is_empty() {
        diags.push(
            Diagnostic::error("the report has no sections", Some(spec.report.span()))
                .with_help("add at least one [[sections]] table with a `title`"),
        );
    }
    let numbers = spec.numbers.as_ref().map(|n| NumbersPage {
        title: n.title.get_ref().clone(),
        intro: n.intro.as_ref().map(|i| i.get_ref().clone()),
        metrics: sections
            .iter()
            .flat_map(|s| s.metrics.iter().filter(|m| m.highlight).cloned())
            .collect(),
    });
    let back = spec
        .back
        .as_ref()
        .and_then(|b| b.text.as_ref())
        .map_or_else(Vec::new, |t| markdown_blocks(t, "back.text", &mut diags));

    coverage(spec, &fonts, &[body_family, heading_family], &mut diags);
    preflight::contrast(spec, &palette, &mut diags);
    preflight::heading_levels(spec, &sections, &mut diags);

    if diags.iter().any(Diagnostic::is_error) {
        return Err(diags);
    }
    let contents = match &spec.contents {
        Some(c) if c.show == Some(false) => None,
        Some(c) => Some(
            c.title
                .as_ref()
                .map_or("Contents".to_string(), |t| t.get_ref().clone()),
        ),
        None => Some("Contents".to_string()),
    };
    let report = Report {
        contents,
        meta,
        palette,
        fonts,
        body_family,
        heading_family,
        logo,
        page,
        text,
        numbers,
        sections,
        back,
    };
    Ok((report, diags))
}

/// Parses a spanned string with `parse`, recording an error and using `fallback` on failure.
fn parse_or<T>(
    diags: &mut Vec<Diagnostic>,
    value: &SpannedStr,
    key: &str,
    parse: impl Fn(&str) -> Result<T, String>,
    fallback: T,
) -> T {
    parse(value.get_ref()).unwrap_or_else(|e| {
        diags.push(Diagnostic::error(
            format!("`{key}`: {e}"),
            Some(value.span()),
        ));
        fallback
    })
}

fn palette(spec: &Spec, diags: &mut Vec<Diagnostic>) -> Palette {
    let mut colour = |role: &str| -> Color {
        let default = COLOUR_ROLES
            .iter()
            .find(|(r, _)| *r == role)
            .map(|(_, c)| *c)
            .expect("invariant: roles are listed");
        match spec.brand.colours.get(role) {
            Some(v) => parse_or(
                diags,
                v,
                &format!("brand.colours.{role}"),
                values::colour,
                default,
            ),
            None => default,
        }
    };
    let p = Palette {
        primary: colour("primary"),
        accent: colour("accent"),
        text: colour("text"),
        muted: colour("muted"),
        tint: colour("tint"),
        paper: colour("paper"),
    };
    let roles: Vec<&str> = COLOUR_ROLES.iter().map(|(r, _)| *r).collect();
    for (k, v) in &spec.brand.colours {
        if !roles.contains(&k.as_str()) {
            let mut d = Diagnostic::error(
                format!("unknown colour `{k}` in `[brand.colours]`"),
                Some(v.span()),
            );
            d = match did_you_mean(k, &roles) {
                Some(s) => d
                    .with_label(format!("did you mean `{s}`?"))
                    .with_help(format!("rename it to `{s}`")),
                None => d.with_help(format!("the colour roles are: {}", roles.join(", "))),
            };
            diags.push(d);
        }
    }
    p
}

fn page(spec: &Spec, diags: &mut Vec<Diagnostic>) -> PageConfig {
    let a4 = values::page_size("A4").expect("invariant: A4 is a known size");
    let size = spec.page.size.as_ref().map_or(a4, |s| {
        parse_or(diags, s, "page.size", values::page_size, a4)
    });
    let default = Abs::mm(DEFAULT_MARGIN_MM);
    let mut m = [default; 4];
    if let Some(margins) = &spec.page.margins {
        let span = Some(margins.span());
        let mut parse = |s: &str| {
            values::length(s).unwrap_or_else(|e| {
                diags.push(Diagnostic::error(
                    format!("`page.margins`: {e}"),
                    span.clone(),
                ));
                default
            })
        };
        match margins.get_ref() {
            MarginsSpec::All(s) => m = [parse(s); 4],
            MarginsSpec::Sides(sides) => {
                for (slot, v) in
                    m.iter_mut()
                        .zip([&sides.top, &sides.bottom, &sides.left, &sides.right])
                {
                    if let Some(v) = v {
                        *slot = parse(v);
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

fn text_config(spec: &Spec, diags: &mut Vec<Diagnostic>) -> TextConfig {
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
        hyphenate: t.hyphenate.unwrap_or(true),
    }
}

fn sections(spec: &Spec, diags: &mut Vec<Diagnostic>) -> Vec<Section> {
    let mut ids = BTreeSet::new();
    let mut out = Vec::new();
    for (i, s) in spec.sections.iter().enumerate() {
        let sp = s.get_ref();
        let key = format!("sections[{}]", i + 1);
        let id = sp
            .id
            .as_ref()
            .map_or_else(|| slug(sp.title.get_ref()), |id| id.get_ref().clone());
        if !ids.insert(id.clone()) {
            let span = sp.id.as_ref().map_or(sp.title.span(), |i| i.span());
            diags.push(
                Diagnostic::error(format!("two sections have the id `{id}`"), Some(span))
                    .with_help("give each section its own `id`"),
            );
        }
        let metrics = sp.metrics.iter().filter_map(|m| metric(m, diags)).collect();
        out.push(Section {
            id,
            title: sp.title.get_ref().clone(),
            lead: sp.lead.as_ref().map(|l| l.get_ref().clone()),
            body: sp.body.as_ref().map_or_else(Vec::new, |b| {
                markdown_blocks(b, &format!("{key}.body"), diags)
            }),
            metrics,
            new_page: sp.new_page.unwrap_or(false),
        });
    }
    out
}

fn metric(
    m: &serde_spanned::Spanned<spec::MetricSpec>,
    diags: &mut Vec<Diagnostic>,
) -> Option<Metric> {
    let ms = m.get_ref();
    let value = match (&ms.value, &ms.number) {
        (Some(v), None) => v.get_ref().clone(),
        (None, Some(n)) => {
            let fmt = ms
                .format
                .as_ref()
                .map_or("grouped", |f| f.get_ref().as_str());
            match numbers::format(*n.get_ref(), fmt) {
                Some(v) => v,
                None => {
                    let span = ms.format.as_ref().map(|f| f.span());
                    diags.push(
                        Diagnostic::error(format!("unknown number format `{fmt}`"), span)
                            .with_help(format!("use one of: {}", numbers::FORMATS.join(", "))),
                    );
                    return None;
                }
            }
        }
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
                    .with_help("add value = \"2m\" (the figure as it should read)"),
            );
            return None;
        }
    };
    let spoken = ms
        .spoken
        .as_ref()
        .map(|s| s.get_ref().clone())
        .or_else(|| numbers::spoken(&value))
        .unwrap_or_else(|| value.clone());
    Some(Metric {
        spoken,
        value,
        label: ms.label.get_ref().clone(),
        detail: ms.detail.as_ref().map(|d| d.get_ref().clone()),
        highlight: ms.highlight.unwrap_or(false),
    })
}

fn markdown_blocks(src: &SpannedStr, key: &str, diags: &mut Vec<Diagnostic>) -> Vec<Block> {
    let parsed = markdown::parse(src.get_ref());
    for what in parsed.unsupported {
        diags.push(
            Diagnostic::warning(
                format!("`{key}` uses {what}, which folio does not typeset; it is left out"),
                Some(src.span()),
            )
            .with_help("use paragraphs, lists, **bold**, *italic* and [links](https://…)"),
        );
    }
    parsed.blocks
}

/// "COVID-19: data and research" → "covid-19-data-and-research".
fn slug(title: &str) -> String {
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

/// Warns about every character of the report's text that no loaded font can draw.
fn coverage(
    spec: &Spec,
    fonts: &FontBook,
    families: &[crate::text::FamilyId],
    diags: &mut Vec<Diagnostic>,
) {
    let faces: Vec<FaceId> = families
        .iter()
        .flat_map(|f| {
            [
                fonts.select(*f, false, false),
                fonts.select(*f, true, false),
            ]
        })
        .collect();
    let mut check = |value: &SpannedStr, key: &str| {
        let face = faces[0];
        for c in fonts.missing_chars(face, value.get_ref()) {
            if faces
                .iter()
                .all(|f| !fonts.missing_chars(*f, &c.to_string()).is_empty())
            {
                diags.push(
                    Diagnostic::warning(
                        format!(
                            "the character `{c}` (U+{:04X}) in `{key}` is in none of the report's fonts; it will print as an empty box",
                            c as u32
                        ),
                        Some(value.span()),
                    )
                    .with_help("replace the character, or choose a font that has it in [brand.fonts]"),
                );
            }
        }
    };
    let r = spec.report.get_ref();
    check(&r.title, "report.title");
    if let Some(s) = &r.subtitle {
        check(s, "report.subtitle");
    }
    check(&r.organisation, "report.organisation");
    check(&r.period, "report.period");
    for (i, s) in spec.sections.iter().enumerate() {
        let s = s.get_ref();
        let key = format!("sections[{}]", i + 1);
        check(&s.title, &format!("{key}.title"));
        for (k, v) in [("lead", &s.lead), ("body", &s.body)] {
            if let Some(v) = v {
                check(v, &format!("{key}.{k}"));
            }
        }
        for m in &s.metrics {
            let m = m.get_ref();
            if let Some(v) = &m.value {
                check(v, &format!("{key} metric value"));
            }
            check(&m.label, &format!("{key} metric label"));
            if let Some(d) = &m.detail {
                check(d, &format!("{key} metric detail"));
            }
        }
    }
}
