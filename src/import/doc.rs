//! The document as the readers see it, before folio's shape is put on it.
//!
//! Both readers (DOCX, ODT) produce this; the mapper reads only this. It keeps what a word
//! processor's file says about structure — paragraph roles, list levels, runs of bold,
//! italic and linked text, tables, images and their descriptions — and nothing about how
//! the page looked.

/// A whole document.
#[derive(Debug, Default)]
pub struct Doc {
    pub props: Props,
    pub blocks: Vec<Block>,
    /// The images the blocks refer to, by index.
    pub images: Vec<Image>,
    /// The text width of the page, in EMU (1/914,400 inch), to turn an image's size into a
    /// share of the column.
    pub text_width: Option<i64>,
    /// Things the reader met and could not bring over, each said once, for `# TODO` notes.
    pub dropped: Vec<String>,
}

/// The document's properties (File › Properties in a word processor).
#[derive(Debug, Default)]
pub struct Props {
    pub title: Option<String>,
    pub subject: Option<String>,
    pub creator: Option<String>,
    /// The organisation ("Company" in Word's properties).
    pub company: Option<String>,
    pub keywords: Vec<String>,
    /// `YYYY-MM-DD`, and which property it came from ("last saved", "created").
    pub date: Option<(String, &'static str)>,
    /// The text's language, as a BCP 47 tag (`en-GB`).
    pub language: Option<String>,
}

/// A paragraph-level piece of the document, in reading order.
#[derive(Debug)]
pub enum Block {
    Paragraph {
        role: Role,
        runs: Vec<Run>,
    },
    /// Rows of cells; each cell is its paragraphs' text joined by spaces.
    Table(Vec<Vec<String>>),
    /// An image (index into [`Doc::images`]).
    Image(usize),
}

/// What a paragraph is, from its style and numbering.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Body,
    Title,
    Subtitle,
    /// Heading level 1–9 as the document numbers them.
    Heading(u8),
    /// A caption (of the image or table next to it).
    Caption,
    /// A list item: its depth from 0, numbered or bulleted, and its number in its list.
    ListItem {
        level: u8,
        ordered: bool,
        number: u64,
    },
}

/// A run of text with one formatting.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Run {
    pub text: String,
    pub bold: bool,
    pub italic: bool,
    /// The link's target exactly as the document gives it; the mapper decides what it keeps.
    pub link: Option<String>,
}

/// An embedded image.
#[derive(Debug)]
pub struct Image {
    /// The part of the package that holds it.
    pub part: String,
    /// Its description (alt text) and title, as the author wrote them.
    pub descr: Option<String>,
    pub title: Option<String>,
    /// The author marked it decorative (Word's "Mark as decorative").
    pub decorative: bool,
    /// Its width on the page, in EMU.
    pub width: Option<i64>,
}

/// Pushes `text` as a run, joining it to the last run when the formatting is the same.
pub fn push_run(runs: &mut Vec<Run>, text: &str, bold: bool, italic: bool, link: Option<&str>) {
    if text.is_empty() {
        return;
    }
    if let Some(last) = runs.last_mut()
        && last.bold == bold
        && last.italic == italic
        && last.link.as_deref() == link
    {
        last.text.push_str(text);
        return;
    }
    runs.push(Run {
        text: text.to_string(),
        bold,
        italic,
        link: link.map(str::to_string),
    });
}

/// Records something the reader could not bring over, once.
pub fn drop_note(dropped: &mut Vec<String>, note: impl Into<String>) {
    let note = note.into();
    if !dropped.contains(&note) {
        dropped.push(note);
    }
}
