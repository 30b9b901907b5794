//! The page: head, skip link, cover, contents, numbers, sections, back cover.
//!
//! In: the report, its web images and the PDF downloads. Out: `index.html`. The order is the
//! PDF's reading order, so a listener hears the web edition as they would the PDF: the
//! cover (`header`, with the title as the one `h1`), the contents (`nav`), the year in
//! numbers and the sections (`main`, each section an `h2` with its lead, cards, body and
//! components), and the back cover (`footer`). Only the look may differ: the period, read
//! after the title, is drawn above it, as on the printed cover.

use super::assets::Images;
use super::components::{self, Ctx};
use super::ids::Ids;
use super::strings::Strings;
use super::{Download, DownloadKind, STYLESHEET};
use crate::model::{Component, Float, Report};
use maud::{DOCTYPE, Markup, html};

/// An entry of the contents: level (1 for a section), title, id, and its language where it
/// is not the page's.
type Entry = components::Heading;

/// Renders the page.
pub fn page(report: &Report, images: &Images, downloads: &[Download]) -> String {
    let lang = report.meta.language.as_str();
    let strings = Strings::for_language(lang);
    let mut ids = Ids::default();
    // Sections keep the ids report.toml gives them (as in the PDF's links); the page's own
    // ids are taken after them.
    let section_ids: Vec<(String, String)> = report
        .sections
        .iter()
        .map(|s| (s.id.clone(), ids.take(&s.id)))
        .collect();
    let main_id = ids.take("main");
    let contents_id = ids.take("contents");
    let mut ctx = Ctx {
        report,
        images,
        ids,
        strings,
        ui_lang: strings.lang_on(lang),
        section_ids,
        headings: None,
        lang: lang.to_string(),
        tables: 0,
        charts: 0,
    };

    let mut entries: Vec<Entry> = Vec::new();
    let numbers = report.numbers.as_ref().map(|n| {
        let id = ctx.ids.take(&n.title);
        entries.push((1, n.title.clone(), id.clone(), None));
        html! {
            section aria-labelledby=(id) {
                h2 id=(id) { (n.title) }
                @if let Some(intro) = &n.intro { p.lead { (intro) } }
                (components::metrics(&n.metrics))
            }
        }
    });
    let mut sections = Vec::new();
    for (s, (_, id)) in report.sections.iter().zip(ctx.section_ids.clone()) {
        let heading_id = ctx.ids.take(&format!("{id}-title"));
        // A section in another language says so once, on its `section`; everything in it
        // is written against that language.
        let section_lang = s
            .lang
            .as_ref()
            .map(|l| l.tag.clone())
            .filter(|l| components::other_language(l, lang));
        ctx.lang = section_lang.clone().unwrap_or_else(|| lang.to_string());
        ctx.ui_lang = strings.lang_on(&ctx.lang);
        entries.push((1, s.title.clone(), id.clone(), section_lang.clone()));
        ctx.headings = Some(Vec::new());
        let body = components::blocks(&mut ctx, &s.body);
        entries.extend(
            ctx.headings
                .take()
                .unwrap_or_default()
                .into_iter()
                .map(|(level, title, id, l)| (level.saturating_add(1), title, id, l)),
        );
        // As in the PDF, an image floated left or right sits at the top of a one-column
        // body, which wraps round it.
        let floated = |c: &Component| {
            matches!(c, Component::Image(i) if matches!(i.placement.float, Float::Left | Float::Right))
                && s.columns != 2
                && !s.body.is_empty()
        };
        let floats: Vec<Markup> = s
            .components
            .iter()
            .filter(|c| floated(c))
            .filter_map(|c| match c {
                Component::Image(i) => Some(components::floated_image(&mut ctx, i)),
                _ => None,
            })
            .collect();
        let parts: Vec<Markup> = s
            .components
            .iter()
            .filter(|c| !floated(c))
            .map(|c| components::component(&mut ctx, c))
            .collect();
        let class = match (s.new_page, s.columns) {
            (true, 2) => Some("new-page columns"),
            (true, _) => Some("new-page"),
            (false, 2) => Some("columns"),
            _ => None,
        };
        sections.push(html! {
            section id=(id) class=[class] aria-labelledby=(heading_id) lang=[section_lang] {
                h2 id=(heading_id) { (s.title) }
                @if let Some(lead) = &s.lead { p.lead { (lead) } }
                (components::metrics(&s.metrics))
                div.body { @for f in &floats { (f) } (body) }
                @for p in &parts { (p) }
            }
        });
    }
    ctx.lang = lang.to_string();
    ctx.ui_lang = strings.lang_on(lang);
    let back = components::blocks(&mut ctx, &report.back);

    let meta = &report.meta;
    let reader = downloads.iter().find(|d| d.kind == DownloadKind::Reader);
    html! {
        (DOCTYPE)
        html lang=(lang) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (meta.title) }
                @if let Some(s) = &meta.subject { meta name="description" content=(s); }
                meta name="author" content=(meta.author);
                @if !meta.keywords.is_empty() { meta name="keywords" content=(meta.keywords.join(", ")); }
                meta name="generator" content="folio";
                meta name="color-scheme" content="light dark";
                link rel="stylesheet" href=(STYLESHEET);
                @if let Some(r) = reader {
                    link rel="alternate" type="application/pdf" href=(r.file) title=(meta.title);
                }
            }
            body {
                a.skip href=(format!("#{main_id}")) lang=[ctx.ui_lang] { (strings.skip) }
                (cover(&ctx, downloads))
                @if let Some(title) = &report.contents {
                    nav aria-labelledby=(contents_id) {
                        div.wrap {
                            h2 id=(contents_id) { (title) }
                            (contents(&entries))
                        }
                    }
                }
                main id=(main_id) {
                    div.wrap {
                        @if let Some(n) = numbers { (n) }
                        @for s in &sections { (s) }
                    }
                }
                footer.back {
                    div.wrap {
                        p.org { (meta.organisation) }
                        (back)
                    }
                }
            }
        }
    }
    .into_string()
}

/// The front cover: title, subtitle, period, organisation, author, date, downloads, the
/// photograph, logo — the PDF's reading order, whatever the design. The `photo` design sets
/// the text over the photograph on a gradient that reaches the solid field colour behind
/// the words (a page cannot measure the photograph under them as the PDF does); `split`
/// shows the photograph above the field.
fn cover(ctx: &Ctx, downloads: &[Download]) -> Markup {
    let report = ctx.report;
    let meta = &report.meta;
    let s = ctx.strings;
    // The cover is on the brand colour: the logo made for it, or the logo on its panel.
    let (logo, on_field) = match (&report.logo_on_field, &report.logo) {
        (Some(l), _) => (Some(l), true),
        (None, l) => (l.as_ref(), false),
    };
    let logo = logo.and_then(|l| ctx.images.get(&l.image).map(|w| (l, w)));
    let photo = report
        .cover
        .photo
        .as_ref()
        .and_then(|p| ctx.images.get(&p.image).map(|w| (p, w)));
    let design = match (report.cover.layout, photo.is_some()) {
        (crate::model::CoverLayout::Photo, true) => Some("photo"),
        (crate::model::CoverLayout::Split, true) => Some("split"),
        _ => None,
    };
    html! {
        header class=(design.map_or("cover".to_string(), |d| format!("cover {d}"))) {
            div.wrap {
                h1 { (meta.title) }
                @if let Some(sub) = &meta.subtitle { p.subtitle { (sub) } }
                @if report.cover.show_period { p.period { (meta.period) } }
                p.org { (meta.organisation) }
                @if meta.author != meta.organisation { p.meta { (meta.author) } }
                // As the PDF's cover says it, in the report's language.
                p.meta { (meta.strings.published) " " (meta.strings.long_date(&meta.date)) }
                @if let Some((p, _)) = photo && let Some(c) = &p.credit {
                    p.meta.credit lang=[ctx.model_lang(|s| &s.photo)] { (meta.strings.photo) " " (c) }
                }
                @if !downloads.is_empty() {
                    ul.downloads aria-label=(s.downloads) lang=[ctx.ui_lang] {
                        @for d in downloads {
                            li {
                                a href=(d.file) type="application/pdf" {
                                    (match d.kind { DownloadKind::Reader => s.reader_pdf, DownloadKind::Print => s.print_pdf })
                                }
                                span.note {
                                    (match d.kind { DownloadKind::Reader => s.reader_note, DownloadKind::Print => s.print_note })
                                    ", " (d.pages) " " (s.pages) ", " (size(d.bytes.len()))
                                }
                            }
                        }
                    }
                }
                @if let Some((l, w)) = logo {
                    p class=(if on_field { "logo on-field" } else { "logo" }) {
                        img src=(w.src) width=(w.width) height=(w.height)
                            alt=(l.alt.as_deref().unwrap_or(""));
                    }
                }
            }
            @if let Some((p, w)) = photo {
                @if design.is_some() {
                    figure.cover-photo {
                        img src=(w.src) srcset=[w.srcset.as_deref()] sizes="100vw"
                            width=(w.width) height=(w.height)
                            alt=(p.alt.as_deref().unwrap_or(""));
                    }
                }
            }
        }
    }
}

/// "98 KB", "1.4 MB".
fn size(bytes: usize) -> String {
    let kb = bytes as f64 / 1024.0;
    if kb < 1024.0 {
        format!("{:.0} KB", kb.max(1.0))
    } else {
        format!("{:.1} MB", kb / 1024.0)
    }
}

/// The contents as nested lists, one level of nesting per heading level.
fn contents(entries: &[Entry]) -> Markup {
    fn list(entries: &[Entry], level: u8) -> Markup {
        // Each entry at `level` owns the deeper entries that follow it.
        let mut items: Vec<(&Entry, &[Entry])> = Vec::new();
        let mut i = 0;
        while i < entries.len() {
            let end = entries[i + 1..]
                .iter()
                .position(|e| e.0 <= level)
                .map_or(entries.len(), |p| i + 1 + p);
            items.push((&entries[i], &entries[i + 1..end]));
            i = end;
        }
        html! {
            ol {
                @for ((_, title, id, lang), deeper) in items {
                    li {
                        // On the link, not the item: the entries below it have their own.
                        a href=(format!("#{id}")) lang=[lang] { (title) }
                        @if !deeper.is_empty() { (list(deeper, level + 1)) }
                    }
                }
            }
        }
    }
    list(entries, 1)
}
