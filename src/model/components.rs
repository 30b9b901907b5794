//! `[[sections.blocks]]` → [`Component`]s: charts, pull quotes, highlight boxes, tables,
//! images, forewords and timelines, each validated for the keys its kind takes.

use super::lang::ChartWords;
use super::types::{
    Chart, ChartKind, Component, Datum, Float, Focus, Foreword, HAlign, ImageBlock, Milestone,
    Placement, Portrait, Table, TableStyle, Timeline, TimelineLayout,
};
use super::writing::Writing;
use super::{assets, chart, numbers};
use crate::diag::Diagnostic;
use crate::files::{Folder, Kind};
use crate::spec::{
    self, BlockSpec, Cell, ChartSpec, ForewordSpec, ImageSpec, SpannedStr, TableSpec, TimelineSpec,
    Width,
};
use serde_spanned::Spanned;

/// Reads one block.
pub fn component(
    b: &Spanned<BlockSpec>,
    base: &Folder,
    locale: numbers::Locale,
    words: &ChartWords,
    writing: &Writing,
    svg: &usvg::Options,
    diags: &mut Vec<Diagnostic>,
) -> Option<Component> {
    let span = Some(b.span());
    let text = |v: &Option<SpannedStr>| v.as_ref().map(|t| t.get_ref().clone());
    let need = |v: bool, key: &str, example: &str, diags: &mut Vec<Diagnostic>| {
        if !v {
            diags.push(
                Diagnostic::error(format!("this block needs `{key}`"), span.clone())
                    .with_help(format!("add {key} = {example}"))
                    .missing(&[key]),
            );
        }
    };
    match b.get_ref() {
        BlockSpec::Quote(q) => {
            need(q.text.is_some(), "text", "\"the words quoted\"", diags);
            Some(Component::Quote {
                text: text(&q.text)?,
                by: text(&q.by),
                placement: placement(span, &q.keep_together, true, &q.break_before, &None),
            })
        }
        BlockSpec::Box(bx) => {
            need(bx.text.is_some(), "text", "\"the box's text\"", diags);
            let body = writing.markdown(bx.text.as_ref()?, "box text", diags);
            Some(Component::Box {
                title: text(&bx.title),
                body,
                placement: placement(span, &bx.keep_together, true, &bx.break_before, &None),
            })
        }
        BlockSpec::Chart(c) => chart(c, base, span.clone(), locale, words, diags).map(|mut ch| {
            ch.placement = placement(span, &None, false, &c.break_before, &c.float);
            if let Some(f) = &c.float
                && matches!(f.get_ref(), spec::Float::Side(_))
            {
                diags.push(
                    Diagnostic::error(
                        "only an image floats beside the text; a chart takes `float = true` or `false`",
                        Some(f.span()),
                    )
                    .with_help("write float = false to keep the chart in its place"),
                );
            }
            Component::Chart(ch)
        }),
        BlockSpec::Table(t) => table(t, span.clone(), locale, diags).map(|mut tb| {
            tb.placement = placement(span, &t.keep_together, false, &t.break_before, &None);
            Component::Table(tb)
        }),
        BlockSpec::Image(i) => {
            need(i.file.is_some(), "file", "\"images/photo.jpg\"", diags);
            image(i, base, svg, diags).map(|mut img| {
                img.placement = placement(span, &None, false, &i.break_before, &i.float);
                img.placement.align = match i.align.as_ref().map(|a| *a.get_ref()) {
                    None | Some(spec::HAlign::Left) => HAlign::Left,
                    Some(spec::HAlign::Centre) => HAlign::Centre,
                    Some(spec::HAlign::Right) => HAlign::Right,
                };
                image_width_beside_text(&mut img, i, diags);
                Component::Image(img)
            })
        }
        BlockSpec::Images(r) => image_row(r, base, svg, span, diags).map(Component::Images),
        BlockSpec::Foreword(f) => {
            need(
                f.text.is_some(),
                "text",
                "\"The message, as markdown.\"",
                diags,
            );
            need(f.name.is_some(), "name", "\"Dr Amara Okafor\"", diags);
            foreword(f, base, writing, svg, diags).map(|mut fw| {
                fw.placement = placement(span, &None, false, &f.break_before, &None);
                Component::Foreword(fw)
            })
        }
        BlockSpec::Timeline(t) => timeline(t, span.clone(), diags).map(|mut tl| {
            tl.placement = placement(span, &None, false, &t.break_before, &None);
            Component::Timeline(tl)
        }),
        // Already reported where the block's `type` is read.
        BlockSpec::Invalid => None,
    }
}

/// The fewest and most images a row takes: one is an image block; five or more make each
/// too small to see on a page.
const ROW_IMAGES: std::ops::RangeInclusive<usize> = 2..=4;

fn image_row(
    r: &spec::ImagesSpec,
    base: &Folder,
    svg: &usvg::Options,
    span: Option<std::ops::Range<usize>>,
    diags: &mut Vec<Diagnostic>,
) -> Option<super::types::ImageRow> {
    let Some(list) = &r.images else {
        diags.push(
            Diagnostic::error("an images block needs `images`", span.clone())
                .with_help("write images = [{ file = \"images/a.jpg\", alt = \"…\" }, { file = \"images/b.jpg\", alt = \"…\" }]")
                .missing(&["images"]),
        );
        return None;
    };
    if !ROW_IMAGES.contains(&list.get_ref().len()) {
        diags.push(
            Diagnostic::error(
                format!("a row takes 2 to 4 images, not {}", list.get_ref().len()),
                Some(list.span()),
            )
            .with_help("give one image as type = \"image\", or split five or more into two rows"),
        );
        return None;
    }
    let mut images = Vec::new();
    for item in list.get_ref() {
        let i = item.get_ref();
        let Some(file) = &i.file else {
            diags.push(
                Diagnostic::error("an image of a row needs a `file`", Some(item.span()))
                    .with_help("write { file = \"images/photo.jpg\", alt = \"…\" }")
                    .missing(&["file"]),
            );
            continue;
        };
        let path = Spanned::new(file.span(), file.get_ref().as_str().to_string());
        let Ok(image) = assets::image(base, "file", &path, svg).map_err(|d| diags.push(d)) else {
            continue;
        };
        let decorative = i.decorative.as_ref().is_some_and(|d| *d.get_ref());
        if i.alt.is_none() && !decorative {
            diags.push(
                Diagnostic::error("an image has no `alt` text", Some(file.span()))
                    .with_help("add alt = \"…\" saying what the image shows, or decorative = true"),
            );
        }
        images.push(ImageBlock {
            image,
            span: Some(file.span()),
            width: Some(1.0),
            caption: i.caption.as_ref().map(|t| t.get_ref().clone()),
            credit: i.credit.as_ref().map(|t| t.get_ref().clone()),
            alt: i.alt.as_ref().map(|t| t.get_ref().clone()),
            placement: Placement {
                span: Some(item.span()),
                ..Placement::default()
            },
        });
    }
    let float = r
        .float
        .as_ref()
        .map(|f| Spanned::new(f.span(), spec::Float::Moves(*f.get_ref())));
    Some(super::types::ImageRow {
        images,
        caption: r.caption.as_ref().map(|t| t.get_ref().clone()),
        placement: placement(span, &None, false, &r.break_before, &float),
    })
}

/// A block's placement from its keys; `together` is what `keep_together` means when absent.
fn placement(
    span: Option<std::ops::Range<usize>>,
    keep_together: &Option<Spanned<bool>>,
    together: bool,
    break_before: &Option<Spanned<spec::BreakBefore>>,
    float: &Option<Spanned<spec::Float>>,
) -> Placement {
    Placement {
        break_before: break_before
            .as_ref()
            .is_some_and(|b| *b.get_ref() == spec::BreakBefore::Page),
        keep_together: keep_together.as_ref().map_or(together, |k| *k.get_ref()),
        float: match float.as_ref().map(|f| *f.get_ref()) {
            None | Some(spec::Float::Moves(true)) => Float::Moves,
            Some(spec::Float::Moves(false)) => Float::InPlace,
            Some(spec::Float::Side(spec::FloatSide::Left)) => Float::Left,
            Some(spec::Float::Side(spec::FloatSide::Right)) => Float::Right,
        },
        align: HAlign::Left,
        span,
    }
}

/// The share of the column that an image floated beside the text takes when `width` is not
/// given: half, leaving the text a readable measure beside it.
const BESIDE_TEXT_SHARE: f64 = 0.5;
/// A floated image takes at most this share of the column: beyond it the text beside it
/// would be a sliver.
const BESIDE_TEXT_MAX: f64 = 0.6;

/// An image floated beside the text takes half the column unless `width` says otherwise,
/// and never the page's width or more than [`BESIDE_TEXT_MAX`] of the column.
fn image_width_beside_text(img: &mut ImageBlock, i: &ImageSpec, diags: &mut Vec<Diagnostic>) {
    if !matches!(img.placement.float, Float::Left | Float::Right) {
        return;
    }
    match (&i.width, img.width) {
        (None, _) => img.width = Some(BESIDE_TEXT_SHARE),
        (Some(w), share) if share.is_none_or(|s| s > BESIDE_TEXT_MAX) => {
            diags.push(
                Diagnostic::error(
                    format!(
                        "an image beside the text takes at most {BESIDE_TEXT_MAX} of the column"
                    ),
                    Some(w.span()),
                )
                .with_help(
                    "write width = 0.4 (or leave `width` out for half the column), or drop `float` to set the image across the column",
                ),
            );
            img.width = Some(BESIDE_TEXT_SHARE);
        }
        _ => {}
    }
}

fn foreword(
    f: &ForewordSpec,
    base: &Folder,
    writing: &Writing,
    svg: &usvg::Options,
    diags: &mut Vec<Diagnostic>,
) -> Option<Foreword> {
    let text = writing.markdown(f.text.as_ref()?, "text", diags);
    let name = f.name.as_ref()?.get_ref().trim().to_string();
    let role = f.role.as_ref().map(|r| r.get_ref().trim().to_string());
    let load = |file: &Spanned<spec::FilePath>, key: &str, diags: &mut Vec<Diagnostic>| {
        let path = Spanned::new(file.span(), file.get_ref().as_str().to_string());
        assets::image(base, key, &path, svg)
            .map_err(|d| diags.push(d))
            .ok()
    };
    let portrait = f.portrait.as_ref().and_then(|p| {
        let image = load(p, "portrait", diags)?;
        let alt = f
            .portrait_alt
            .as_ref()
            .map(|a| a.get_ref().trim().to_string())
            .filter(|a| !a.is_empty())
            .unwrap_or_else(|| match &role {
                Some(r) => format!("Portrait of {name}, {r}"),
                None => format!("Portrait of {name}"),
            });
        Some(Portrait {
            image,
            span: Some(p.span()),
            alt,
            focus: f.focus.as_ref().map_or(Focus::Top, |x| *x.get_ref()),
        })
    });
    let signature = f
        .signature
        .as_ref()
        .and_then(|s| load(s, "signature", diags));
    Some(Foreword {
        text,
        name,
        role,
        portrait,
        signature,
        placement: Placement::default(),
    })
}

fn timeline(
    t: &TimelineSpec,
    span: Option<std::ops::Range<usize>>,
    diags: &mut Vec<Diagnostic>,
) -> Option<Timeline> {
    let Some(list) = &t.milestones else {
        diags.push(
            Diagnostic::error("a timeline needs `milestones`", span)
                .with_help("write milestones = [{ date = \"March 2020\", title = \"…\" }, …]")
                .missing(&["milestones"]),
        );
        return None;
    };
    if list.get_ref().is_empty() {
        diags.push(
            Diagnostic::error("a timeline's `milestones` is empty", Some(list.span()))
                .with_help("give at least one: { date = \"March 2020\", title = \"…\" }"),
        );
        return None;
    }
    let mut milestones = Vec::new();
    let mut ok = true;
    for m in list.get_ref() {
        let ms = m.get_ref();
        let Some(date) = ms.date.as_ref().filter(|d| !d.get_ref().trim().is_empty()) else {
            diags.push(
                Diagnostic::error("a milestone needs a `date`", Some(m.span()))
                    .with_help("write { date = \"March 2020\", title = \"…\" }: the date as it should read")
                    .missing(&["date"]),
            );
            ok = false;
            continue;
        };
        let text = |v: &Option<SpannedStr>| {
            v.as_ref()
                .map(|t| t.get_ref().trim().to_string())
                .filter(|t| !t.is_empty())
        };
        let (title, body) = (text(&ms.title), text(&ms.text));
        if title.is_none() && body.is_none() {
            diags.push(
                Diagnostic::error("a milestone needs a `title` or a `text`", Some(m.span()))
                    .with_help("say what happened: title = \"First vaccination centre opens\"")
                    .missing(&["title", "text"]),
            );
            ok = false;
            continue;
        }
        milestones.push(Milestone {
            date: date.get_ref().trim().to_string(),
            title,
            text: body,
        });
    }
    let layout = t
        .layout
        .as_ref()
        .map_or(TimelineLayout::Auto, |l| *l.get_ref());
    if let Some(l) = &t.layout
        && *l.get_ref() == TimelineLayout::Horizontal
        && milestones.len() > super::types::TIMELINE_MAX_ACROSS
    {
        diags.push(
            Diagnostic::warning(
                format!(
                    "a timeline of {} milestones is too many to set across the page (at most {}); it is set down the page",
                    milestones.len(),
                    super::types::TIMELINE_MAX_ACROSS
                ),
                Some(l.span()),
            )
            .with_help("write layout = \"vertical\", or split it into two timelines"),
        );
    }
    ok.then(|| Timeline {
        title: t.title.as_ref().map(|x| x.get_ref().clone()),
        layout,
        milestones,
        placement: Placement::default(),
    })
}

fn image(
    i: &ImageSpec,
    base: &Folder,
    svg: &usvg::Options,
    diags: &mut Vec<Diagnostic>,
) -> Option<ImageBlock> {
    let file = i.file.as_ref()?;
    let path = Spanned::new(file.span(), file.get_ref().as_str().to_string());
    let image = assets::image(base, "file", &path, svg)
        .map_err(|d| diags.push(d))
        .ok()?;
    let decorative = i.decorative.as_ref().is_some_and(|d| *d.get_ref());
    if i.alt.is_none() && !decorative {
        diags.push(
            Diagnostic::error("an image has no `alt` text", Some(file.span()))
                .with_help("add alt = \"…\" saying what the image shows, or decorative = true"),
        );
    }
    // `None` stands for the page's full width.
    const SHARE: std::ops::RangeInclusive<f64> = 0.2..=1.0;
    let width = match i.width.as_ref().map(|w| (w.get_ref(), w.span())) {
        None => Some(1.0),
        Some((Width::Page(_), _)) => None,
        Some((Width::Share(f), _)) if SHARE.contains(f) => Some(*f),
        Some((Width::Share(f), span)) => {
            diags.push(
                Diagnostic::error(
                    format!("`width` is a share of the column, from 0.2 to 1, not {f}"),
                    Some(span),
                )
                .with_help("write width = 0.5 for half the column, or width = \"page\""),
            );
            Some(1.0)
        }
    };
    Some(ImageBlock {
        image,
        span: Some(file.span()),
        width,
        caption: i.caption.as_ref().map(|t| t.get_ref().clone()),
        credit: i.credit.as_ref().map(|t| t.get_ref().clone()),
        alt: i.alt.as_ref().map(|t| t.get_ref().clone()),
        placement: Placement::default(),
    })
}

/// A number format with its decimals, both as written (decimals checked for range).
pub fn number_format(
    format: &Option<Spanned<spec::NumberFormat>>,
    decimals: &Option<Spanned<u8>>,
    diags: &mut Vec<Diagnostic>,
) -> numbers::Format {
    let kind = format
        .as_ref()
        .map_or(spec::NumberFormat::Grouped, |f| *f.get_ref());
    let decimals = match decimals {
        None => numbers::DEFAULT_DECIMALS,
        Some(d) if *d.get_ref() <= numbers::MAX_DECIMALS => *d.get_ref(),
        Some(d) => {
            diags.push(
                Diagnostic::error(
                    format!(
                        "`decimals` can be 0 to {}, not {}",
                        numbers::MAX_DECIMALS,
                        d.get_ref()
                    ),
                    Some(d.span()),
                )
                .with_help("write decimals = 2 for figures like £2.48m"),
            );
            numbers::DEFAULT_DECIMALS
        }
    };
    numbers::Format { kind, decimals }
}

fn chart(
    s: &ChartSpec,
    base: &Folder,
    span: Option<std::ops::Range<usize>>,
    locale: numbers::Locale,
    words: &ChartWords,
    diags: &mut Vec<Diagnostic>,
) -> Option<Chart> {
    let kind = s.chart.as_ref().map_or(ChartKind::Bar, |c| *c.get_ref());
    let mut csv_series = Vec::new();
    let data = match (&s.data, &s.csv) {
        (Some(d), None) => inline_data(d, diags)?,
        (None, Some(path)) => {
            let path = Spanned::new(path.span(), path.get_ref().as_str().to_string());
            let (data, names) = csv_data(base, &path, kind, diags)?;
            csv_series = names;
            data
        }
        (Some(d), Some(_)) => {
            diags.push(
                Diagnostic::error("a chart takes `data` or `csv`, not both", Some(d.span()))
                    .with_help("keep the one that holds the chart's values"),
            );
            return None;
        }
        (None, None) => {
            diags.push(
                Diagnostic::error("a chart needs `data` or `csv` (one of them)", span)
                    .with_help("add data = [{ label = \"…\", value = 1 }, …] or csv = \"data.csv\"")
                    .missing(&["data", "csv"]),
            );
            return None;
        }
    };
    let format = number_format(&s.format, &s.decimals, diags);
    let title = s.title.as_ref().map(|t| t.get_ref().clone());
    let fmt = |v: f64| numbers::format_in(v, &format, locale).unwrap_or_default();
    let mut series: Vec<String> = s.series.iter().map(|v| v.get_ref().clone()).collect();
    // A chart of several series from a CSV file takes their names from its header when
    // report.toml gives none.
    if series.is_empty() && csv_series.len() > 1 {
        series = csv_series;
    }
    if !chart_values(kind, s, &data, span.clone(), diags) {
        return None;
    }
    let stacked = matches!(kind, ChartKind::Stacked | ChartKind::StackedColumn);
    if (kind == ChartKind::Grouped || stacked)
        && (series.len() < 2 || data.iter().any(|d| d.values.len() != series.len()))
    {
        let what = if stacked { "stacked" } else { "grouped" };
        diags.push(
            Diagnostic::error(
                format!("a {what} chart needs `series` (two or more names) and `values` with one number per series"),
                span,
            )
            .with_help("write series = [\"2019\", \"2020\"] and data = [{ label = \"…\", values = [1, 2] }]"),
        );
        return None;
    }
    if kind != ChartKind::Grouped && !stacked && data.iter().any(|d| d.values.len() != 1) {
        diags.push(
            Diagnostic::error(
                "only a grouped or stacked chart takes `values`; this one takes one `value` per label",
                span,
            )
            .with_help("write chart = \"grouped\" (or \"stacked\") with `series`, or give each label one value"),
        );
        return None;
    }
    let alt = s
        .alt
        .as_ref()
        .map(|a| a.get_ref().clone())
        .unwrap_or_else(|| {
            let values: Vec<f64> = data.iter().map(|d| d.value).collect();
            let percent = matches!(kind, ChartKind::Pie | ChartKind::Donut)
                .then(|| chart::shares::shares(&values).map(|s| chart::shares::percentages(&s)))
                .flatten();
            chart::alt::describe(
                kind,
                title.as_deref(),
                &data,
                &series,
                &fmt,
                percent.as_deref(),
                words,
            )
        });
    Some(Chart {
        kind,
        title,
        data,
        series,
        locale,
        format,
        alt,
        table: s.table.as_ref().is_some_and(|t| *t.get_ref()),
        placement: Placement::default(),
        words: Box::new(words.clone()),
    })
}

/// Values a kind of chart cannot draw: negative shares of a pie or donut, a pie with
/// nothing to share, a negative percentage of progress. Each is an error at the value
/// (inline data) or at `csv` (naming its row); returns whether all is well.
fn chart_values(
    kind: ChartKind,
    s: &ChartSpec,
    data: &[Datum],
    span: Option<std::ops::Range<usize>>,
    diags: &mut Vec<Diagnostic>,
) -> bool {
    let pie = matches!(kind, ChartKind::Pie | ChartKind::Donut);
    let share = matches!(kind, ChartKind::Progress | ChartKind::Ring);
    if !pie && !share {
        return true;
    }
    let at = |i: usize| -> (Option<std::ops::Range<usize>>, String) {
        match (&s.data, &s.csv) {
            (Some(d), _) => {
                let item = d.get_ref().get(i);
                let value = item.and_then(|it| it.get_ref().value.as_ref().map(|v| v.span()));
                (
                    value.or(item.map(|it| it.span())).or(span.clone()),
                    String::new(),
                )
            }
            (None, Some(path)) => (
                Some(path.span()),
                format!(" (row {} of the CSV file)", i + 2),
            ),
            (None, None) => (span.clone(), String::new()),
        }
    };
    let mut ok = true;
    for (i, d) in data.iter().enumerate() {
        if d.value < 0.0 {
            ok = false;
            let (where_, row) = at(i);
            let (message, help) = if pie {
                (
                    format!(
                        "a {} chart shows shares of a whole, which cannot be negative: `{}` is {}{row}",
                        if kind == ChartKind::Pie {
                            "pie"
                        } else {
                            "donut"
                        },
                        d.label,
                        d.value
                    ),
                    "give each slice as a positive amount; for gains and losses use chart = \"bar\", which draws negative values left of zero",
                )
            } else {
                (
                    format!(
                        "a progress chart takes percentages of a target, from 0 up: `{}` is {}{row}",
                        d.label, d.value
                    ),
                    "give the share of the target reached as a percentage; over 100 (a target beaten) is shown",
                )
            };
            diags.push(Diagnostic::error(message, where_).with_help(help));
        }
    }
    if ok && pie && data.iter().all(|d| d.value == 0.0) {
        ok = false;
        diags.push(
            Diagnostic::error(
                "every slice of this chart is 0, so there is no whole to share",
                span,
            )
            .with_help("give the slices' amounts, or show the zeros with chart = \"bar\""),
        );
    }
    ok
}

fn inline_data(
    d: &Spanned<Vec<Spanned<spec::Datum>>>,
    diags: &mut Vec<Diagnostic>,
) -> Option<Vec<Datum>> {
    if d.get_ref().is_empty() {
        diags.push(
            Diagnostic::error("chart `data` is empty", Some(d.span())).with_help(
                "write data = [{ label = \"Summary Care Records\", value = 55000000 }, …]",
            ),
        );
        return None;
    }
    let mut out = Vec::new();
    let mut ok = true;
    for item in d.get_ref() {
        let t = item.get_ref();
        let values: Vec<f64> = match (&t.value, t.values.is_empty()) {
            (Some(v), true) => vec![*v.get_ref()],
            (None, false) => t.values.iter().map(|v| *v.get_ref()).collect(),
            (Some(v), false) => {
                diags.push(
                    Diagnostic::error("a datum has both `value` and `values`", Some(v.span()))
                        .with_help(
                            "give `value` for a single series, `values` for a grouped chart",
                        ),
                );
                ok = false;
                continue;
            }
            (None, true) => {
                diags.push(
                    Diagnostic::error("a datum needs a `value`", Some(item.span()))
                        .with_help("write { label = \"…\", value = 99 }")
                        .missing(&["value", "values"]),
                );
                ok = false;
                continue;
            }
        };
        let Some(label) = &t.label else {
            diags.push(
                Diagnostic::error("a datum needs a `label`", Some(item.span()))
                    .with_help("write { label = \"GP practices\", value = 99 }")
                    .missing(&["label"]),
            );
            ok = false;
            continue;
        };
        out.push(Datum {
            label: label.get_ref().clone(),
            value: values[0],
            values,
        });
    }
    ok.then_some(out)
}

/// Chart data from a CSV file: the data, and the names of its value columns (a grouped
/// chart's series, when report.toml gives none).
fn csv_data(
    base: &Folder,
    path: &SpannedStr,
    kind: ChartKind,
    diags: &mut Vec<Diagnostic>,
) -> Option<(Vec<Datum>, Vec<String>)> {
    let name = path.get_ref().trim();
    let bytes = match base.read(name, Kind::Csv) {
        Ok(b) => b,
        Err(e) => {
            diags.push(e.diagnostic("csv", name, Kind::Csv, Some(path.span())));
            return None;
        }
    };
    let help = "a chart's CSV has a header row, then one row per label: `label,value` (or `label,2019,2020` for a grouped chart)";
    let table = match super::csv::read(&bytes, name, kind == ChartKind::Grouped) {
        Ok(t) => t,
        Err(e) => {
            diags.push(Diagnostic::error(format!("`csv`: {e}"), Some(path.span())).with_help(help));
            return None;
        }
    };
    let data = table
        .rows
        .into_iter()
        .map(|(label, values)| Datum {
            label,
            value: values[0],
            values,
        })
        .collect();
    Some((data, table.header[1..].to_vec()))
}

fn table(
    s: &TableSpec,
    span: Option<std::ops::Range<usize>>,
    locale: numbers::Locale,
    diags: &mut Vec<Diagnostic>,
) -> Option<Table> {
    let (Some(columns), Some(rows)) = (&s.columns, &s.rows) else {
        let missing: Vec<&str> = [("columns", s.columns.is_none()), ("rows", s.rows.is_none())]
            .iter()
            .filter(|(_, m)| *m)
            .map(|(k, _)| *k)
            .collect();
        diags.push(
            Diagnostic::error(
                "a table needs `columns` (headings) and `rows` with one cell per column",
                span,
            )
            .with_help(
                "write columns = [\"Service\", \"Users\"] and rows = [[\"NHS App\", 2000000]]",
            )
            .missing(&missing),
        );
        return None;
    };
    let mut titles: Vec<String> = Vec::new();
    let mut formats: Vec<numbers::Format> = Vec::new();
    let mut align: Vec<Option<HAlign>> = Vec::new();
    for c in columns.get_ref() {
        match c.get_ref() {
            spec::ColumnSpec::Title(t) => {
                titles.push(t.clone());
                formats.push(numbers::Format::default());
                align.push(None);
            }
            spec::ColumnSpec::Detailed(d) => {
                if d.title.is_none() {
                    diags.push(
                        Diagnostic::error("a column needs a `title`", Some(c.span()))
                            .with_help("write { title = \"Users\", format = \"compact\" }")
                            .missing(&["title"]),
                    );
                }
                titles.push(c.get_ref().title().unwrap_or_default().to_string());
                formats.push(number_format(&d.format, &d.decimals, diags));
                align.push(d.align.as_ref().map(|a| match a.get_ref() {
                    spec::HAlign::Left => HAlign::Left,
                    spec::HAlign::Centre => HAlign::Centre,
                    spec::HAlign::Right => HAlign::Right,
                }));
            }
        }
    }
    let columns = titles;
    let mut out = Vec::new();
    let mut ok = true;
    for (n, row) in rows.get_ref().iter().enumerate() {
        let cells = row.get_ref();
        if cells.len() != columns.len() {
            ok = false;
            diags.push(row_length(n + 1, row, columns.len()));
            continue;
        }
        out.push(
            cells
                .iter()
                .zip(&formats)
                .map(|(c, format)| match c.get_ref() {
                    Cell::Text(t) => (t.clone(), false),
                    Cell::Number(v) => (
                        numbers::format_in(*v, format, locale).unwrap_or_default(),
                        true,
                    ),
                })
                .collect(),
        );
    }
    ok.then(|| Table {
        title: s.title.as_ref().map(|t| t.get_ref().clone()),
        columns,
        rows: out,
        decimal: locale.decimal,
        placement: Placement::default(),
        style: TableStyle {
            align,
            total: s.total.as_ref().is_some_and(|t| *t.get_ref()),
        },
    })
}

/// A row with the wrong number of cells. Two whole numbers side by side with only a comma
/// between them, the second of three digits, are one number with a thousands separator
/// that TOML read as two (`1,840`): said so, with the fix.
fn row_length(n: usize, row: &Spanned<Vec<Spanned<Cell>>>, columns: usize) -> Diagnostic {
    let cells = row.get_ref();
    let split = cells.windows(2).find(|w| {
        let (a, b) = (&w[0], &w[1]);
        let whole = |c: &Spanned<Cell>| matches!(c.get_ref(), Cell::Number(v) if v.fract() == 0.0);
        whole(a)
            && whole(b)
            && b.span().start == a.span().end + 1
            && b.span().len() == 3
            && matches!(b.get_ref(), Cell::Number(v) if *v >= 0.0)
    });
    if let Some(w) = split
        && cells.len() > columns
    {
        let (Cell::Number(a), Cell::Number(b)) = (w[0].get_ref(), w[1].get_ref()) else {
            unreachable!("invariant: both cells were matched as numbers");
        };
        let joined = format!("{a}{b:03}");
        return Diagnostic::error(
            format!("row {n} has {} cells for {columns} columns: `{a},{b:03}` reads as two numbers, {a} and {b}", cells.len()),
            Some(w[0].span().start..w[1].span().end),
        )
        .with_label("a comma separates cells")
        .with_help(format!("numbers can't contain commas: write {joined}, or put \"{a},{b:03}\" in quotes"));
    }
    Diagnostic::error(
        format!("row {n} has {} cells for {columns} columns", cells.len()),
        Some(row.span()),
    )
    .with_help("give every row one cell per column; an empty cell is \"\"")
}
