//! The parts of a section → markup: body text, callout cards, quotes, boxes, tables,
//! images, forewords and timelines (charts are in [`super::charts`]).
//!
//! In: model blocks and components, and the page's [`Ctx`] (ids, images, strings). Out:
//! maud markup, every text value escaped by maud. The structure is the PDF's: a body
//! heading at level *n* is `h{n+2}` as it is `H{n+2}` in the PDF; a callout card reads
//! figure, label, change, detail (its icon and the change's marker hidden from screen
//! readers, as they are artifacts in the PDF); a table's heading row is `th scope="col"` and
//! a row's first text cell `th scope="row"`; a foreword reads portrait, name, role, text; a
//! timeline is a list whose items start with their date.

use super::assets::Images;
use super::ids::Ids;
use super::strings::Strings;
use crate::model::{
    Block, Change, Component, Float, Foreword, HAlign, IconName, ImageBlock, ImageRow, Inline,
    Metric, Report, Table, Timeline,
};
use maud::{Markup, PreEscaped, html};

/// What every part of the page needs to know.
pub struct Ctx<'a> {
    pub report: &'a Report,
    pub images: &'a Images,
    pub ids: Ids,
    pub strings: &'static Strings,
    /// `lang` for the interface strings, where the text around them (the page, or a
    /// section) is in another language.
    pub ui_lang: Option<&'static str>,
    /// Section ids from report.toml → the ids they have in the page, for `#…` links.
    pub section_ids: Vec<(String, String)>,
    /// Headings of section bodies as they are written (level from 1, title, id), for the
    /// contents; `None` while rendering where headings are not listed (boxes).
    pub headings: Option<Vec<Heading>>,
    /// The language of the text being written (a BCP 47 tag): the page's, or a section's.
    /// An element in another language carries `lang`.
    pub lang: String,
    /// Charts and tables so far, to name unnamed ones.
    pub tables: usize,
    pub charts: usize,
}

impl Ctx<'_> {
    /// The `lang` for one of the model's words, `pick` choosing which ("Credit:", "Photo:"),
    /// where the element around it is in another language.
    pub fn model_lang(
        &self,
        pick: impl Fn(&crate::model::lang::Strings) -> &String,
    ) -> Option<String> {
        let meta = &self.report.meta;
        let row = crate::model::lang::Strings::for_language(&meta.language);
        let words = super::strings::model_words_language(
            self.strings,
            &meta.language,
            pick(&meta.strings) == pick(&row),
        );
        super::strings::lang_around(words, &self.lang).map(str::to_string)
    }
}

/// A heading of a body, for the contents: level from 1, title, id, and its language where
/// it is not the page's.
pub type Heading = (u8, String, String, Option<String>);

/// Whether two language tags differ ("en-GB" and "en-gb" do not).
pub fn other_language(a: &str, b: &str) -> bool {
    !a.eq_ignore_ascii_case(b)
}

/// The language of a block of text: a passage that is the whole block
/// (`[…]{lang=cy}` alone in a paragraph) is a block in that language, as the PDF's `/Lang`
/// on its `P`; else the language around it.
fn block_language<'a>(ctx: &'a Ctx, inl: &'a [Inline]) -> &'a str {
    inl.first()
        .and_then(|i| i.lang.as_ref())
        .filter(|l| inl.iter().all(|i| i.lang.as_ref() == Some(*l)))
        .map_or(ctx.lang.as_str(), |l| l.tag.as_str())
}

/// The `lang` attribute of a block of text, and its runs marked against that language.
fn block_text(ctx: &Ctx, inl: &[Inline]) -> (Option<String>, Markup) {
    let own = block_language(ctx, inl);
    let attr = other_language(own, &ctx.lang).then(|| own.to_string());
    (attr, inlines_in(ctx, inl, own))
}

/// Body text: paragraphs, headings and lists.
pub fn blocks(ctx: &mut Ctx, blocks: &[Block]) -> Markup {
    html! {
        @for b in blocks {
            @match b {
                Block::Paragraph(inl) => {
                    @let (lang, text) = block_text(ctx, inl);
                    p lang=[lang] { (text) }
                }
                Block::Heading(level, inl) => (heading(ctx, *level, inl)),
                Block::List { ordered: true, start, items } => {
                    ol start=[(*start != 1).then_some(*start)] {
                        @for item in items { (list_item(ctx, item)) }
                    }
                }
                Block::List { ordered: false, items, .. } => {
                    ul { @for item in items { (list_item(ctx, item)) } }
                }
            }
        }
    }
}

/// A list item: a single paragraph is set without its `<p>`, as the PDF sets it (its
/// language on the `li`).
fn list_item(ctx: &mut Ctx, item: &[Block]) -> Markup {
    match item {
        [Block::Paragraph(inl)] => {
            let (lang, text) = block_text(ctx, inl);
            html! { li lang=[lang] { (text) } }
        }
        _ => html! { li { (blocks(ctx, item)) } },
    }
}

/// A heading inside a body: level 1 is `h3`, below the section's `h2`.
fn heading(ctx: &mut Ctx, level: u8, inl: &[Inline]) -> Markup {
    let title = crate::model::markdown::plain(inl);
    let id = ctx.ids.take(&title);
    let (lang, content) = block_text(ctx, inl);
    let page = &ctx.report.meta.language;
    let listed = Some(block_language(ctx, inl))
        .filter(|l| other_language(l, page))
        .map(str::to_string);
    if let Some(list) = &mut ctx.headings {
        list.push((level, title, id.clone(), listed));
    }
    match level + 2 {
        0..=3 => html! { h3 id=(id) lang=[lang] { (content) } },
        4 => html! { h4 id=(id) lang=[lang] { (content) } },
        5 => html! { h5 id=(id) lang=[lang] { (content) } },
        _ => html! { h6 id=(id) lang=[lang] { (content) } },
    }
}

/// Runs of text inside an element in language `own`; neighbouring runs with the same link
/// make one link, and words in another language are a `span` with its `lang`.
fn inlines_in(ctx: &Ctx, inl: &[Inline], own: &str) -> Markup {
    let marked = |r: &Inline| match r.lang.as_ref().filter(|l| other_language(&l.tag, own)) {
        Some(l) => html! { span lang=(l.tag) { (run(r)) } },
        None => run(r),
    };
    let mut groups: Vec<&[Inline]> = Vec::new();
    let mut start = 0;
    for i in 1..=inl.len() {
        if i == inl.len() || inl[i].link != inl[start].link {
            groups.push(&inl[start..i]);
            start = i;
        }
    }
    html! {
        @for g in groups {
            @match g[0].link.as_deref().and_then(|l| href(ctx, l)) {
                Some(h) => a href=(h) { @for r in g { (marked(r)) } },
                None => { @for r in g { (marked(r)) } },
            }
        }
    }
}

/// A link target the page may carry: http(s), mailto and tel, or `#id` of a section.
/// Anything else (`javascript:`, `data:`, a file path) is left as plain text.
pub fn href(ctx: &Ctx, url: &str) -> Option<String> {
    let url = url.trim();
    if let Some(id) = url.strip_prefix('#') {
        return ctx
            .section_ids
            .iter()
            .find(|(from, _)| from == id)
            .map(|(_, to)| format!("#{to}"));
    }
    let lower = url.to_ascii_lowercase();
    let allowed = ["https://", "http://", "mailto:", "tel:"]
        .iter()
        .any(|s| lower.starts_with(s) && lower.len() > s.len());
    let clean = !url.chars().any(|c| c.is_control() || c.is_whitespace());
    (allowed && clean).then(|| url.to_string())
}

/// One run: bold, italic, line breaks.
fn run(r: &Inline) -> Markup {
    let text = html! {
        @for (k, line) in r.text.split('\n').enumerate() {
            @if k > 0 { br; }
            (line)
        }
    };
    match (r.bold, r.italic) {
        (true, true) => html! { strong { em { (text) } } },
        (true, false) => html! { strong { (text) } },
        (false, true) => html! { em { (text) } },
        (false, false) => text,
    }
}

/// Callout cards as a list: figure (with its spoken form), label, detail.
pub fn metrics(metrics: &[Metric]) -> Markup {
    html! {
        @if !metrics.is_empty() {
            // `role="list"` keeps the list a list for VoiceOver, which drops the role of a
            // list drawn without bullets.
            ul.metrics role="list" {
                @for m in metrics {
                    li.metric {
                        @if let Some(icon) = m.icon { (icon_svg(icon, "icon")) }
                        p.figure { (figure(m)) }
                        p.label { (m.label) }
                        @if let Some(c) = &m.change { (change(c)) }
                        @if let Some(d) = &m.detail { p.detail { (d) } }
                    }
                }
            }
        }
    }
}

/// The figure as printed, read by screen readers as its spoken form ("£300M" → "300
/// million pounds") where the two differ.
fn figure(m: &Metric) -> Markup {
    let spoken = m.spoken.trim();
    if spoken.is_empty() || spoken == m.value.trim() {
        html! { (m.value) }
    } else {
        html! { span aria-hidden="true" { (m.value) } span.vh { (spoken) } }
    }
}

/// An icon of the shipped set, inline, in the text colour of where it stands (`currentColor`),
/// hidden from screen readers: decoration, as in the PDF.
fn icon_svg(icon: IconName, class: &str) -> Markup {
    // The source is folio's own, compiled in: trusted markup, not text from report.toml.
    let svg = crate::icons::source(icon).replacen(
        "<svg",
        &format!(
            "<svg aria-hidden=\"true\" focusable=\"false\" data-icon=\"{}\"",
            icon.name()
        ),
        1,
    );
    html! { span class=(class) { (PreEscaped(svg)) } }
}

/// A year-on-year change: its marker (hidden) and its words, read in their spoken form.
fn change(c: &Change) -> Markup {
    html! {
        p.change {
            (icon_svg(crate::icons::marker(c.direction), "marker"))
            @if c.spoken == c.text {
                (c.text)
            } @else {
                span aria-hidden="true" { (c.text) }
                span.vh { (c.spoken) }
            }
        }
    }
}

/// A foreword: the portrait, the name and role, the message, the signature (decoration).
fn foreword(ctx: &mut Ctx, f: &Foreword) -> Markup {
    let portrait = f
        .portrait
        .as_ref()
        .and_then(|p| ctx.images.get(&p.image).map(|w| (p, w)));
    let signature = f.signature.as_ref().and_then(|s| ctx.images.get(s));
    let text = blocks(ctx, &f.text);
    html! {
        div.foreword {
            div.byline {
                @if let Some((p, w)) = portrait {
                    figure.portrait {
                        img src=(w.src) srcset=[w.srcset.as_deref()]
                            sizes=[w.srcset.as_ref().map(|_| "(min-width: 40rem) 14rem, 40vw")]
                            width=(w.width) height=(w.height) alt=(p.alt) loading="lazy";
                    }
                }
                p.name { (f.name) }
                @if let Some(r) = &f.role { p.role { (r) } }
            }
            div.message {
                (text)
                @if let Some(w) = signature {
                    img.signature src=(w.src) width=(w.width) height=(w.height) alt="";
                }
            }
        }
    }
}

/// A timeline: a list whose items are each a date and what happened.
fn timeline(t: &Timeline) -> Markup {
    let across = t.layout == crate::model::TimelineLayout::Horizontal
        || (t.layout == crate::model::TimelineLayout::Auto
            && t.milestones.len() <= crate::model::TIMELINE_MAX_ACROSS);
    html! {
        div.timeline-wrap {
            @if let Some(title) = &t.title { p.timeline-title { (title) } }
            ul.timeline.across[across] role="list" {
                @for m in &t.milestones {
                    li {
                        p.date { (m.date) }
                        div.event {
                            @if let Some(title) = &m.title { p.what { (title) } }
                            @if let Some(text) = &m.text { p { (text) } }
                        }
                    }
                }
            }
        }
    }
}

/// A section's component.
pub fn component(ctx: &mut Ctx, c: &Component) -> Markup {
    match c {
        Component::Chart(chart) => super::charts::chart(ctx, chart),
        Component::Quote { text, by, .. } => html! {
            figure.quote {
                blockquote { p { "“" (text) "”" } }
                @if let Some(by) = by { figcaption { "— " (by) } }
            }
        },
        Component::Box { title, body, .. } => {
            // Headings in a box are not in the contents, as in the PDF.
            let listed = ctx.headings.take();
            let inner = blocks(ctx, body);
            ctx.headings = listed;
            html! {
                div.box {
                    @if let Some(t) = title { p.box-title { (t) } }
                    (inner)
                }
            }
        }
        Component::Table(t) => table(ctx, t, t.title.as_deref(), None),
        Component::Image(i) => image(ctx, i),
        Component::Images(r) => image_row(ctx, r),
        Component::Foreword(f) => foreword(ctx, f),
        Component::Timeline(t) => timeline(t),
    }
}

/// A table in a region that scrolls on its own when it is wider than the screen, so the
/// page never does (WCAG 1.4.10 lets a data table keep its two dimensions). The region is
/// named by the caption, else by `named_by` (a chart's title), else "Table N".
pub fn table(ctx: &mut Ctx, t: &Table, caption: Option<&str>, named_by: Option<&str>) -> Markup {
    ctx.tables += 1;
    let id = ctx.ids.take(&format!("table-{}", ctx.tables));
    let numeric: Vec<bool> = (0..t.columns.len())
        .map(|j| !t.rows.is_empty() && t.rows.iter().all(|r| r.get(j).is_some_and(|c| c.1)))
        .collect();
    let label = match (caption, named_by) {
        (Some(_), _) => id.clone(),
        (None, Some(other)) => other.to_string(),
        (None, None) => ctx.ids.take(&format!("{id}-name")),
    };
    html! {
        div.table-wrap role="region" aria-labelledby=(label) tabindex="0" {
            @if caption.is_none() && named_by.is_none() {
                span.vh id=(label) lang=[ctx.ui_lang] { (ctx.strings.table) " " (ctx.tables) }
            }
            table {
                @if let Some(caption) = caption { caption id=(id) { (caption) } }
                (table_body(t, &numeric))
            }
        }
    }
}

fn table_body(t: &Table, numeric: &[bool]) -> Markup {
    html! {
        thead {
            tr {
                @for (j, c) in t.columns.iter().enumerate() {
                    @if c.trim().is_empty() {
                        td {}
                    } @else {
                        th scope="col" class=[numeric[j].then_some("num")] { (c) }
                    }
                }
            }
        }
        tbody {
            @for row in &t.rows {
                tr {
                    @for (j, (text, number)) in row.iter().enumerate() {
                        @if j == 0 && !number {
                            th scope="row" { (text) }
                        } @else {
                            td class=[number.then_some("num")] { (text) }
                        }
                    }
                }
            }
        }
    }
}

/// The class that sets an image's share of the column.
pub fn share_class(width: Option<f64>) -> String {
    match width {
        None => "full".into(),
        Some(w) => format!("share-{}", (w * 100.0).round() as u32),
    }
}

/// Rules for the image shares the report uses; on narrow screens every image takes the
/// whole column, where a share of it would be too small to see.
pub fn share_css(report: &Report) -> String {
    let mut shares: Vec<u32> = report
        .sections
        .iter()
        .flat_map(|s| &s.components)
        .filter_map(|c| match c {
            Component::Image(ImageBlock { width: Some(w), .. }) => Some((w * 100.0).round() as u32),
            _ => None,
        })
        .filter(|w| *w < 100)
        .collect();
    shares.sort();
    shares.dedup();
    let mut css = String::from(".image img { display: block; width: 100%; }\n");
    if !shares.is_empty() {
        css.push_str("@media (min-width: 40rem) {\n");
        for s in shares {
            css.push_str(&format!("  .share-{s} {{ max-width: {s}%; }}\n"));
        }
        css.push_str("}\n");
    }
    css
}

/// The `sizes` hint: how wide the image is drawn, so the browser picks the right copy.
fn sizes(width: Option<f64>) -> String {
    // The column is 48rem less 1rem of padding each side; below that it is the viewport.
    match width {
        Some(w) if w < 1.0 => format!(
            "(min-width: 48rem) {:.1}rem, (min-width: 40rem) {:.0}vw, calc(100vw - 2rem)",
            46.0 * w,
            w * 100.0
        ),
        _ => "(min-width: 48rem) 46rem, calc(100vw - 2rem)".into(),
    }
}

/// Where an image sits: its `align` across the column, or its `float` beside the text (as
/// in the PDF, an image floats beside the body text at the top of it; `wraps` says this
/// one does).
fn placement_class(i: &ImageBlock, wraps: bool) -> &'static str {
    match (i.placement.float, i.placement.align) {
        (Float::Left, _) if wraps => " float-left",
        (Float::Right, _) if wraps => " float-right",
        (Float::Right, _) | (_, HAlign::Right) => " align-right",
        (Float::Left, _) | (_, HAlign::Left) => "",
        (_, HAlign::Centre) => " align-centre",
    }
}

/// An image floated beside the body text, which wraps round it.
pub fn floated_image(ctx: &mut Ctx, i: &ImageBlock) -> Markup {
    image_in(ctx, i, true)
}

/// An image with its caption and credit.
fn image(ctx: &mut Ctx, i: &ImageBlock) -> Markup {
    image_in(ctx, i, false)
}

fn image_in(ctx: &mut Ctx, i: &ImageBlock, wraps: bool) -> Markup {
    let Some(web) = ctx.images.get(&i.image) else {
        return html! {};
    };
    let class = format!(
        "image {}{}",
        share_class(i.width),
        placement_class(i, wraps)
    );
    let has_caption = i.caption.is_some() || i.credit.is_some();
    html! {
        figure class=(class) {
            img src=(web.src) srcset=[web.srcset.as_deref()]
                sizes=[web.srcset.as_ref().map(|_| sizes(i.width))]
                width=(web.width) height=(web.height)
                alt=(i.alt.as_deref().unwrap_or(""))
                loading="lazy" decoding="async";
            @if has_caption {
                figcaption {
                    @if let Some(c) = &i.caption { (c) }
                    @if let Some(credit) = &i.credit {
                        @if i.caption.is_some() { " " }
                        span lang=[ctx.model_lang(|s| &s.credit)] { (ctx.report.meta.strings.credit) } " " (credit)
                    }
                }
            }
        }
    }
}

/// Two to four images side by side at one height: each takes a share of the row's width in
/// proportion to its width-to-height ratio (its `flex-grow`), each with its caption, and the
/// row's caption under them. On narrow screens they stack.
fn image_row(ctx: &mut Ctx, r: &ImageRow) -> Markup {
    let items: Vec<Markup> = r
        .images
        .iter()
        .map(|i| {
            let s = i.image.size;
            let ratio = s.w.to_pt() / s.h.to_pt().max(1.0);
            let inner = image_in(ctx, i, false);
            html! { div.row-item style=(format!("flex-grow: {ratio:.4}")) { (inner) } }
        })
        .collect();
    html! {
        figure.image-row {
            div.row-images { @for item in &items { (item) } }
            @if let Some(c) = &r.caption { figcaption { (c) } }
        }
    }
}
