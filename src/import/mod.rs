//! `folio import`: a word processor's document → a report.toml that builds at once.
//!
//! In: the bytes of a DOCX or ODT file and the import's options. Out: the text of
//! report.toml and the image files to write beside it, or a [`ReadError`]. Three phases:
//!
//! 1. **read** (`read/`): the zip package, with hard limits on what it may inflate to, and
//!    its XML parts → [`doc::Doc`], the document's structure in neutral terms;
//! 2. **map** (`map/`): that structure → [`plan::Plan`], report.toml's tables and keys with
//!    `# TODO` notes for what a document cannot say;
//! 3. **write** (`write.rs`): the plan → TOML text, every value through the TOML serializer.
//!
//! Nothing here touches the file system: the command line decides where things go.

pub mod doc;
mod map;
mod plan;
mod read;
mod write;

pub use map::Options;
pub use read::ReadError;

use plan::Format;
use std::collections::BTreeMap;

/// The largest file `folio import` reads. A report's Word file with photographs is tens of
/// megabytes; past this it is not a document to set as one report.
pub const MAX_INPUT_BYTES: u64 = 256 * 1024 * 1024;

/// A finished import.
pub struct Imported {
    /// The text of report.toml.
    pub toml: String,
    /// Image files to write into the images folder: (file name, bytes).
    pub images: Vec<(String, Vec<u8>)>,
    pub sections: usize,
    /// `# TODO` notes left in the file.
    pub todos: usize,
}

/// Imports a DOCX or ODT file.
pub fn import(bytes: Vec<u8>, opts: &Options) -> Result<Imported, ReadError> {
    let (mut doc, mut package) = read::read(bytes)?;
    let has_text = doc.blocks.iter().any(|b| match b {
        doc::Block::Paragraph { runs, .. } => runs.iter().any(|r| !r.text.trim().is_empty()),
        doc::Block::Table(_) | doc::Block::Image(_) => true,
    });
    if !has_text {
        return Err(ReadError::NotADocument(
            "it holds no text, tables or images to import".into(),
        ));
    }
    let mut formats = BTreeMap::new();
    let mut data = BTreeMap::new();
    let parts: Vec<String> = doc.images.iter().map(|i| i.part.clone()).collect();
    for part in parts {
        if formats.contains_key(&part) {
            continue;
        }
        match package.read(&part, read::MAX_IMAGE_BYTES)? {
            Some(bytes) => {
                formats.insert(part.clone(), Format::sniff(&bytes));
                data.insert(part, bytes);
            }
            None => doc::drop_note(
                &mut doc.dropped,
                format!(
                    "an image ({part}) is missing from the document's package and was left out"
                ),
            ),
        }
    }
    let plan = map::map(&doc, &formats, opts);
    let toml = write::write(&plan);
    let images = plan
        .files
        .iter()
        .map(|f| (f.name.clone(), data.remove(&f.part).unwrap_or_default()))
        .collect();
    let todos = toml
        .lines()
        .filter(|l| l.starts_with(&format!("# {}", write::TODO)))
        .count();
    Ok(Imported {
        toml,
        images,
        sections: plan.sections.len(),
        todos,
    })
}
