//! Stage 2: [`Spec`] → [`Report`]: validated, defaulted, with its fonts and images loaded.
//!
//! In: the spec as written, its source text (to point at single characters) and the folder
//! of report.toml. Out: a report in which nothing is optional and nothing still needs
//! parsing, plus warnings; or every error found, each at the span of the key that caused
//! it. Resolution goes on after an error so that one run reports all of them.

mod assets;
mod change;
pub mod chart;
mod colours;
mod components;
mod cover;
mod coverage;
pub mod csv;
mod fallback;
pub mod fonts;
pub mod images;
mod inks;
pub mod lang;
mod language;
pub mod limits;
pub mod markdown;
mod meta;
pub mod numbers;
mod page;
mod preflight;
mod print;
mod readable;
mod report;
mod sections;
pub mod svg;
mod svg_fonts;
mod types;
pub mod typography;
pub mod values;
mod writing;

pub use print::{Binding, HAIRLINE_PT, PrintConfig, SMALL_TEXT_PT};
pub use readable::{Moved, Readable};
pub use report::Report;
pub use sections::slug;
pub use types::*;

use crate::diag::Diagnostic;
use crate::files::Folder;
use crate::spec::{SpannedStr, Spec};
use crate::text::FontBook;

/// Resolves a spec. `base` is the folder report.toml is in; relative paths start there.
pub fn resolve(
    spec: &Spec,
    source: &str,
    base: &std::path::Path,
) -> Result<(Report, Vec<Diagnostic>), Vec<Diagnostic>> {
    resolve_in(spec, source, &Folder::new(base))
}

/// Resolves a spec, reading every file it names through `base`, the report's folder.
pub fn resolve_in(
    spec: &Spec,
    source: &str,
    base: &Folder,
) -> Result<(Report, Vec<Diagnostic>), Vec<Diagnostic>> {
    resolve_limited(spec, source, base, limits::check(source))
}

/// [`resolve_in`] with [`limits::check`]'s findings for `source` already made: the check
/// reads only the text, so a caller may run it alongside reading the spec.
pub fn resolve_limited(
    spec: &Spec,
    source: &str,
    base: &Folder,
    limits: Vec<Diagnostic>,
) -> Result<(Report, Vec<Diagnostic>), Vec<Diagnostic>> {
    // Values folio cannot set faithfully, whatever their key; reported first, and the only
    // error at their place (a `nan` text size is not also "out of range").
    let mut diags = limits;
    let limited: Vec<std::ops::Range<usize>> = diags
        .iter()
        .filter(|d| d.is_error())
        .filter_map(|d| d.span.clone())
        .collect();
    let meta = meta::meta(spec, &mut diags);
    let (palette, print_values) = colours::palette(spec, &mut diags);
    let print = print::print(spec, base, &print_values, &mut diags);

    let mut fonts = FontBook::with_builtin();
    let fs = &spec.brand.fonts;
    let mut finder = fonts::Finder::default();
    let mut family = |key, value: Option<&SpannedStr>, diags: &mut Vec<Diagnostic>| {
        fonts::font_family(&mut fonts, &mut finder, base, key, value, diags).unwrap_or_else(|d| {
            diags.push(d);
            crate::text::FamilyId(0)
        })
    };
    let body_family = family("brand.fonts.body", fs.body.as_ref(), &mut diags);
    let heading_family = family("brand.fonts.heading", fs.heading.as_ref(), &mut diags);
    let fallback_families: Vec<_> = fs
        .fallback
        .iter()
        .map(|f| family("brand.fonts.fallback", Some(f), &mut diags))
        .collect();
    let svg = svg_fonts::options(&fonts, body_family);
    // The logo is decoded (an SVG parsed, or an image read) on another core while the page
    // settings and the sections are read here, which do not need it; its problems are
    // reported before theirs, as if read first.
    let ((page, text, writing, mut sections, rest_diags), (logo, logo_diags)) =
        crate::workers::join(
            || {
                let mut diags = Vec::new();
                let page = page::page(spec, &mut diags);
                let text = page::text_config(spec, &mut diags);
                let writing = writing::Writing::new(spec, source);
                let sections =
                    sections::sections(spec, base, &writing, &meta.strings, &svg, &mut diags);
                (page, text, writing, sections, diags)
            },
            || {
                let mut diags = Vec::new();
                (logo(spec, base, &svg, &mut diags), diags)
            },
        );
    diags.extend(logo_diags);
    diags.extend(rest_diags);
    // Each figure goes where `show` says: its section, the year-in-numbers page, or both;
    // without that page, every figure stays in its section.
    let numbers = spec.numbers.as_ref().map(|n| NumbersPage {
        title: meta::text_or(
            &n.title,
            &meta.strings.in_numbers.replace("{period}", &meta.period),
        ),
        intro: n.intro.as_ref().map(|i| i.get_ref().clone()),
        title_span: n.title.as_ref().map(|t| t.span()),
        intro_span: n.intro.as_ref().map(|t| t.span()),
        metrics: sections
            .iter()
            .flat_map(|s| {
                s.metrics
                    .iter()
                    .filter(|m| m.show != Show::Section)
                    .cloned()
            })
            .collect(),
    });
    if numbers.is_some() {
        for s in &mut sections {
            s.metrics.retain(|m| m.show != Show::Numbers);
        }
    }
    let cover = cover::cover(spec, base, &svg, &mut diags);
    let logo_on_field = spec.brand.logo_on_field.as_ref().and_then(|l| {
        let path = serde_spanned::Spanned::new(l.span(), l.get_ref().to_string());
        logo_file(spec, &path, "brand.logo_on_field", base, &svg, &mut diags)
    });
    let back = spec
        .back
        .as_ref()
        .and_then(|b| b.text.as_ref())
        .map_or_else(Vec::new, |t| writing.markdown(t, "back.text", &mut diags));
    let contents_depth = contents_depth(spec, &mut diags);
    let contents = match &spec.contents {
        Some(c) if c.show.as_ref().is_some_and(|s| !*s.get_ref()) => None,
        Some(c) => Some(meta::text_or(&c.title, &meta.strings.contents)),
        None => Some(meta.strings.contents.clone()),
    };

    preflight::contrast(spec, &Readable::new(&palette), &mut diags);

    let first = diags.len().min(limited.len());
    let mut i = 0;
    diags.retain(|d| {
        i += 1;
        i <= first || !d.span.as_ref().is_some_and(|s| limited.contains(s))
    });
    if diags.iter().any(Diagnostic::is_error) {
        return Err(diags);
    }
    let footer = spec
        .footer
        .as_ref()
        .and_then(|f| f.text.as_ref())
        .map_or_else(|| meta.title.clone(), |t| t.get_ref().clone());
    let footer_span = spec
        .footer
        .as_ref()
        .and_then(|f| f.text.as_ref())
        .map(|t| t.span())
        .or_else(|| {
            let report = spec.report.as_ref()?.get_ref();
            report.title.as_ref().map(|t| t.span())
        });
    let mut report = Report {
        footer,
        footer_span,
        meta,
        palette,
        fonts,
        body_family,
        heading_family,
        logo,
        logo_on_field,
        cover,
        page,
        text,
        contents,
        contents_depth,
        numbers,
        sections,
        back,
        print,
    };
    if writing.smart_quotes {
        typography::smarten(&mut report);
    }
    let missing = fallback::plan(&mut report, &fallback_families);
    fallback::warnings(&missing, source, &mut diags);
    Ok((report, diags))
}

/// Loads the logo and checks it has a description (or is declared decorative).
fn logo(
    spec: &Spec,
    base: &Folder,
    svg: &usvg::Options,
    diags: &mut Vec<Diagnostic>,
) -> Option<Logo> {
    let logo = spec.brand.logo.as_ref()?;
    let path = serde_spanned::Spanned::new(logo.span(), logo.get_ref().to_string());
    logo_file(spec, &path, "brand.logo", base, svg, diags)
}

/// Loads a logo file named by `key`; `logo_alt` (or `logo_decorative`) describes every
/// version of the logo.
fn logo_file(
    spec: &Spec,
    path: &serde_spanned::Spanned<String>,
    key: &str,
    base: &Folder,
    svg: &usvg::Options,
    diags: &mut Vec<Diagnostic>,
) -> Option<Logo> {
    let image = assets::image(base, key, path, svg)
        .map_err(|d| diags.push(d))
        .ok()?;
    let decorative = spec
        .brand
        .logo_decorative
        .as_ref()
        .is_some_and(|d| *d.get_ref());
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
        image,
        span: Some(path.span()),
        alt,
    })
}

/// Parses a spanned text value with `parse`, recording an error and using `fallback` on
/// failure.
fn parse_or<T, V: AsRef<str>>(
    diags: &mut Vec<Diagnostic>,
    value: &serde_spanned::Spanned<V>,
    key: &str,
    parse: impl Fn(&str) -> Result<T, String>,
    fallback: T,
) -> T {
    parse(value.get_ref().as_ref()).unwrap_or_else(|e| {
        diags.push(Diagnostic::error(
            format!("`{key}`: {e}"),
            Some(value.span()),
        ));
        fallback
    })
}

/// `[contents] depth`: a number of levels from 1 to 3, or `None` for "auto".
fn contents_depth(spec: &Spec, diags: &mut Vec<Diagnostic>) -> Option<u8> {
    let depth = spec.contents.as_ref()?.depth.as_ref()?;
    match depth.get_ref() {
        crate::spec::ContentsDepth::Auto(_) => None,
        crate::spec::ContentsDepth::Levels(n @ 1..=3) => Some(*n),
        crate::spec::ContentsDepth::Levels(n) => {
            diags.push(
                Diagnostic::error(
                    format!("`depth` can be 1, 2, 3 or \"auto\", not {n}"),
                    Some(depth.span()),
                )
                .with_help("write depth = 1 to list section titles only"),
            );
            None
        }
    }
}

/// What the print edition cannot carry, found before it is written: every SVG it cannot
/// draw in inks (a clip path, mask, filter, pattern or embedded photo), as an error at the
/// key that names it. The reader edition is not affected.
pub fn print_checks(report: &Report) -> Vec<Diagnostic> {
    let logo = report
        .logo
        .iter()
        .map(|l| (&l.image, &l.span, "brand.logo"));
    let blocks = report
        .sections
        .iter()
        .flat_map(|s| &s.components)
        .flat_map(|c| match c {
            Component::Image(i) => vec![(&i.image, &i.span, "file")],
            Component::Images(r) => r
                .images
                .iter()
                .map(|i| (&i.image, &i.span, "file"))
                .collect(),
            _ => Vec::new(),
        });
    logo.chain(blocks)
        .filter_map(|(image, span, key)| {
            let why = image.print_problem.as_ref()?;
            let help = "flatten it in a vector editor (clip paths, masks, filters and patterns to plain shapes), or give a PNG";
            Some(
                Diagnostic::error(
                    format!(
                        "`{key}`: the print edition cannot carry `{}`: {why}",
                        image.name
                    ),
                    span.clone(),
                )
                .with_help(help),
            )
        })
        .collect()
}
