//! Mapping phase: [`Doc`] → [`Plan`], a word processor's structure in folio's shape.
//!
//! In: the document as read, the format of each embedded image, and the import's options.
//! Out: the keys of report.toml with their `# TODO` notes. The document's top heading
//! level starts a section; deeper headings become `#`, `##`, `###` in its body, never
//! skipping a level (screen readers navigate by them); text before the first heading
//! becomes an introduction. Tables and images become blocks of their section. What folio
//! cannot know from a document — the period, the brand, the headline figures — is left as
//! a note, and so is every place where the import had to change what the author made.

mod image;
mod markdown;
mod meta;
mod section;
mod table;

use super::doc::{Block, Doc, Role, Run};
use super::plan::{BlockPlan, Entry, Format, Plan};
use crate::model::numbers::Locale;
use section::{Building, ids, notes_of, order_note, push_chunk};
use std::collections::BTreeMap;

/// A first paragraph of an introduction this short (in words) reads as its lead; longer,
/// it is body text. The lead is "one or two sentences, printed larger".
const LEAD_MAX_WORDS: usize = 45;
/// Markdown heading levels a body has (`#` to `###`).
const BODY_LEVELS: u8 = 3;

/// What the mapper needs to know besides the document.
pub struct Options {
    /// The imported file's name, for notes.
    pub source: String,
    /// The images folder as report.toml will name it (`images`).
    pub images_dir: String,
    /// A date for `[report] date` when the document gives none (the file's own date).
    pub fallback_date: String,
}

/// Maps a document. `formats` gives each image part's format; a part that is missing from
/// the package is absent.
pub fn map(doc: &Doc, formats: &BTreeMap<String, Format>, opts: &Options) -> Plan {
    let mut plan = Plan {
        source: opts.source.clone(),
        ..Plan::default()
    };
    let title = first(doc, Role::Title);
    let subtitle = first(doc, Role::Subtitle);
    let language = meta::language(doc);
    let locale = Locale::for_language(language.as_deref().unwrap_or("en-GB"));
    plan.report = meta::report(
        doc,
        title.map(|i| text_of(doc, i)),
        subtitle.map(|i| text_of(doc, i)),
        language,
        opts,
    );
    plan.brand = meta::brand_notes();
    plan.notes = meta::file_notes(doc);
    let top = doc
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Paragraph {
                role: Role::Heading(l),
                ..
            } => Some(*l),
            _ => None,
        })
        .min();
    let mut m = Mapper {
        opts,
        formats,
        locale,
        doc,
        top,
        sections: Vec::new(),
        images: image::Files::default(),
        pending_caption: None,
    };
    for (i, block) in doc.blocks.iter().enumerate() {
        if Some(i) == title || Some(i) == subtitle {
            continue;
        }
        m.block(i, block);
    }
    plan.files = m.images.files();
    let ids = ids(&m.sections);
    plan.sections = m
        .sections
        .into_iter()
        .zip(ids)
        .map(|(s, id)| s.finish(id))
        .collect();
    plan
}

/// The index of the first paragraph with `role`.
fn first(doc: &Doc, role: Role) -> Option<usize> {
    doc.blocks
        .iter()
        .position(|b| matches!(b, Block::Paragraph { role: r, .. } if *r == role))
}

/// A paragraph's plain text, spaces collapsed.
fn text_of(doc: &Doc, i: usize) -> String {
    match &doc.blocks[i] {
        Block::Paragraph { runs, .. } => plain(runs),
        _ => String::new(),
    }
}

/// Text as a reader sees it: no control characters, white space single.
pub(super) fn plain_text(text: &str) -> String {
    plain(&[Run {
        text: text.to_string(),
        ..Run::default()
    }])
}

fn plain(runs: &[Run]) -> String {
    let (runs, _) = markdown::normalise(runs);
    let text: String = runs.iter().map(|r| r.text.as_str()).collect();
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

struct Mapper<'a> {
    opts: &'a Options,
    formats: &'a BTreeMap<String, Format>,
    locale: Locale,
    doc: &'a Doc,
    top: Option<u8>,
    sections: Vec<Building>,
    images: image::Files,
    /// A caption read just before the image or table it belongs to.
    pending_caption: Option<String>,
}

impl Mapper<'_> {
    /// The section text goes into, starting the introduction if there is none yet.
    fn section(&mut self) -> &mut Building {
        if self.sections.is_empty() {
            self.sections.push(Building::new(
                "Introduction".into(),
                Some(format!(
                    "give this section its title: its text came before the first heading in {}",
                    self.opts.source
                )),
            ));
        }
        self.sections
            .last_mut()
            .expect("invariant: a section was just pushed")
    }

    fn block(&mut self, i: usize, block: &Block) {
        match block {
            Block::Paragraph { role, runs } => self.paragraph(i, *role, runs),
            Block::Table(rows) => self.table(rows),
            Block::Image(n) => self.image(*n),
        }
    }

    fn paragraph(&mut self, i: usize, role: Role, runs: &[Run]) {
        match role {
            Role::Heading(level) if Some(level) == self.top => {
                let title = plain(runs);
                if !title.is_empty() {
                    self.pending_caption = None;
                    self.sections.push(Building::new(title, None));
                }
            }
            Role::Heading(level) => {
                let top = self.top.unwrap_or(1);
                let s = self.section();
                let wanted = level.saturating_sub(top).max(1);
                let md = wanted.min(s.last_heading + 1).min(BODY_LEVELS);
                let line = markdown::plain_line(runs);
                if line.is_empty() {
                    return;
                }
                s.last_heading = md;
                push_chunk(s, format!("{} {line}", "#".repeat(md as usize)), false);
            }
            Role::Caption if self.caption(i, runs) => {}
            Role::ListItem {
                level,
                ordered,
                number,
            } => self.list_item(level, ordered, number, runs),
            _ => self.body_paragraph(runs),
        }
    }

    /// Attaches a caption to the image or table beside it; false if there is none.
    fn caption(&mut self, i: usize, runs: &[Run]) -> bool {
        let text = plain(runs);
        let next_is_figure = matches!(
            self.doc.blocks.get(i + 1),
            Some(Block::Image(_) | Block::Table(_))
        );
        let prev_is_figure =
            i > 0 && matches!(self.doc.blocks[i - 1], Block::Image(_) | Block::Table(_));
        // A caption belongs to the figure before it (Word puts figure captions below),
        // unless that one has its caption already; then to the one after it.
        if prev_is_figure
            && let Some(block) = self.sections.last_mut().and_then(|s| s.blocks.last_mut())
            && !block
                .entries
                .iter()
                .any(|e| matches!(e.key, "caption" | "title"))
        {
            let key = if block
                .entries
                .iter()
                .any(|e| e.value.as_str() == Some("table"))
            {
                "title"
            } else {
                "caption"
            };
            block.entries.push(Entry::new(key, text));
            return true;
        }
        if next_is_figure {
            self.pending_caption = Some(text);
            return true;
        }
        false
    }

    fn body_paragraph(&mut self, runs: &[Run]) {
        let r = markdown::paragraph(runs, 0);
        if r.markdown.is_empty() {
            return;
        }
        let text = plain(runs);
        let intro = self.sections.is_empty();
        let source = self.opts.source.clone();
        let s = self.section();
        notes_of(s, &r, &text);
        if intro
            && s.body.is_empty()
            && s.lead.is_none()
            && text.split_whitespace().count() <= LEAD_MAX_WORDS
            && !r.markdown.contains("](")
        {
            s.lead = Some(text);
            return;
        }
        order_note(s, &text, &source);
        push_chunk(s, r.markdown, false);
    }

    fn list_item(&mut self, level: u8, ordered: bool, number: u64, runs: &[Run]) {
        let text = plain(runs);
        let source = self.opts.source.clone();
        let s = self.section();
        if !s.in_list {
            s.list.clear();
        }
        while s.list.last().is_some_and(|(l, _)| *l >= level) {
            s.list.pop();
        }
        let column = s.list.last().map_or(0, |(_, c)| *c);
        // CommonMark reads at most nine digits as a list number.
        let marker = if ordered {
            format!("{}. ", number.min(999_999_999))
        } else {
            "- ".to_string()
        };
        let content = column + marker.len();
        let r = markdown::paragraph(runs, content);
        notes_of(s, &r, &text);
        order_note(s, &text, &source);
        s.list.push((level, content));
        push_chunk(
            s,
            format!("{}{marker}{}", " ".repeat(column), r.markdown),
            true,
        );
    }

    fn table(&mut self, rows: &[Vec<String>]) {
        let caption = self.pending_caption.take();
        let Some(t) = table::table(rows, self.locale) else {
            return;
        };
        let mut block = BlockPlan::default();
        block.entries.push(Entry::new("type", "table"));
        if let Some(c) = caption {
            block.entries.push(Entry::new("title", c));
        }
        if !t.unnamed.is_empty() {
            block.notes.push(format!(
                "give column {} a heading: screen readers announce it with every cell",
                t.unnamed
                    .iter()
                    .map(usize::to_string)
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
        }
        if t.rows.is_empty() {
            block.notes.push(
                "this table has only one row, written here as its column headings: add rows or \
                 make it text"
                    .into(),
            );
        }
        block.entries.push(Entry::new(
            "columns",
            toml::Value::Array(t.columns.into_iter().map(toml::Value::String).collect()),
        ));
        block.entries.push(Entry::new(
            "rows",
            toml::Value::Array(
                t.rows
                    .into_iter()
                    .map(|r| toml::Value::Array(r.into_iter().map(cell_value).collect()))
                    .collect(),
            ),
        ));
        self.push_block(block);
    }

    fn image(&mut self, n: usize) {
        let caption = self.pending_caption.take();
        let img = &self.doc.images[n];
        let block = image::block(
            img,
            self.formats.get(&img.part).copied(),
            caption,
            self.doc.text_width,
            &mut self.images,
            self.opts,
        );
        if let Some(block) = block {
            self.push_block(block);
        }
    }

    fn push_block(&mut self, block: BlockPlan) {
        self.section().blocks.push(block);
    }
}

fn cell_value(c: table::Cell) -> toml::Value {
    match c {
        table::Cell::Text(t) => toml::Value::String(t),
        table::Cell::Integer(i) => toml::Value::Integer(i),
        table::Cell::Float(f) => toml::Value::Float(f),
    }
}
