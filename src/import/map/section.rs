//! A section while it is built: its title, lead and body markdown, its blocks and notes.
//!
//! In: the mapper's paragraphs, list items and blocks, in order. Out: a [`Section`] of the
//! plan. Keeps what markdown needs to know across paragraphs (the open list items' columns,
//! the last heading level) and the notes about what changed on the way.

use super::markdown;
use crate::import::plan::{BlockPlan, Entry, Section};

/// Words of a paragraph quoted in a note to say which paragraph it means.
const QUOTE_WORDS: usize = 8;

/// The first words of a paragraph, to name it in a note.
pub fn quote(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut q = words[..words.len().min(QUOTE_WORDS)].join(" ");
    if words.len() > QUOTE_WORDS {
        q.push('…');
    }
    format!("\"{q}\"")
}

/// A section being built.
pub struct Building {
    pub title: String,
    title_note: Option<String>,
    pub lead: Option<String>,
    pub body: String,
    /// The last line of the body was a list item; its open items' (level, content column).
    pub list: Vec<(u8, usize)>,
    pub in_list: bool,
    /// The markdown level of the last heading in the body (0: the section title).
    pub last_heading: u8,
    pub blocks: Vec<BlockPlan>,
    /// Blocks that body text now follows, already noted.
    noted_order: usize,
    notes: Vec<String>,
}

impl Building {
    pub fn new(title: String, title_note: Option<String>) -> Building {
        Building {
            title,
            title_note,
            lead: None,
            body: String::new(),
            list: Vec::new(),
            in_list: false,
            last_heading: 0,
            blocks: Vec::new(),
            noted_order: 0,
            notes: Vec::new(),
        }
    }

    pub fn note(&mut self, note: String) {
        if !self.notes.contains(&note) {
            self.notes.push(note);
        }
    }

    pub fn finish(self, id: Option<String>) -> Section {
        let mut entries = Vec::new();
        if let Some(id) = id {
            entries.push(Entry::new("id", id));
        }
        let title = Entry::new("title", self.title);
        entries.push(match self.title_note {
            Some(n) => title.todo(n),
            None => title,
        });
        if let Some(lead) = self.lead {
            entries.push(Entry::new("lead", lead));
        }
        if !self.body.is_empty() {
            entries.push(Entry::new("body", format!("{}\n", self.body)));
        }
        Section {
            notes: self.notes,
            entries,
            blocks: self.blocks,
        }
    }
}

/// An explicit `id` for each section whose title makes the same id as an earlier one
/// (two "Summary" headings): folio needs every section's id to be unique.
pub fn ids(sections: &[Building]) -> Vec<Option<String>> {
    let made: Vec<String> = sections
        .iter()
        .map(|s| crate::model::slug(&s.title))
        .collect();
    let mut taken: Vec<String> = Vec::new();
    made.iter()
        .map(|id| {
            if !taken.contains(id) {
                taken.push(id.clone());
                return None;
            }
            let fresh = (2..)
                .map(|n| format!("{id}-{n}"))
                .find(|c| !taken.contains(c) && !made.contains(c))
                .expect("invariant: an unused number exists");
            taken.push(fresh.clone());
            Some(fresh)
        })
        .collect()
}

/// Appends a paragraph, heading or list line to a body.
pub fn push_chunk(s: &mut Building, chunk: String, list_item: bool) {
    if !s.body.is_empty() {
        s.body
            .push_str(if list_item && s.in_list { "\n" } else { "\n\n" });
    }
    s.body.push_str(&chunk);
    s.in_list = list_item;
}

/// Notes for what a paragraph lost on its way into markdown.
pub fn notes_of(s: &mut Building, r: &markdown::Rendered, text: &str) {
    for target in &r.unlinked {
        s.note(format!(
            "the link to {target:?} in {} is plain text now: folio links only to web (http, \
             https), email (mailto) and phone (tel) addresses",
            quote(text)
        ));
    }
    if r.lost_emphasis {
        s.note(format!(
            "some bold or italic in {} could not be kept: check it and add ** or * where it \
             matters",
            quote(text)
        ));
    }
}

/// Text after a table or image in the same section: folio sets blocks after the body, so
/// the reading order changes. Said once per block.
pub fn order_note(s: &mut Building, text: &str, source: &str) {
    if s.noted_order == s.blocks.len() {
        return;
    }
    for block in &mut s.blocks[s.noted_order..] {
        let what = if block
            .entries
            .iter()
            .any(|e| e.value.as_str() == Some("table"))
        {
            "table"
        } else {
            "image"
        };
        block.notes.push(format!(
            "in {source} this {what} came before the text {}; folio prints a section's tables \
             and images after its text, so move that text or start a section here if the \
             order matters",
            quote(text)
        ));
    }
    s.noted_order = s.blocks.len();
}
