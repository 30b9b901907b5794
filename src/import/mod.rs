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

#[cfg(test)]
mod tests {
    use super::doc::{Block, Doc, Image, Role, Run};
    use super::plan::Format;
    use std::collections::BTreeMap;

    /// Characters that trouble TOML, markdown and comments, drawn in a fixed pseudo-random
    /// order (a linear congruential generator: the same strings on every run).
    fn strings(n: usize) -> Vec<String> {
        const POOL: &[char] = &[
            'a', 'Z', ' ', ' ', '"', '\'', '\\', '\n', '\r', '\t', '#', '*', '_', '[', ']', '(',
            ')', '<', '>', '&', '~', '`', '-', '+', '=', '.', '1', '9', '!', '|', '{', '}',
            '\u{0}', '\u{1}', '\u{7}', '\u{1b}', '\u{7f}', '\u{85}', '\u{a0}', '\u{ad}',
            '\u{200b}', '\u{2028}', '\u{2029}', '\u{feff}', '\u{fffd}', 'ŵ', 'é', '—', '“', '🙂',
        ];
        let mut seed: u64 = 0x2024_0531;
        let mut next = || {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            (seed >> 33) as usize
        };
        (0..n)
            .map(|_| {
                let len = next() % 40;
                (0..len).map(|_| POOL[next() % POOL.len()]).collect()
            })
            .collect()
    }

    fn para(role: Role, text: &str, bold: bool, link: Option<&str>) -> Block {
        Block::Paragraph {
            role,
            runs: vec![Run {
                text: text.into(),
                bold,
                italic: !bold,
                link: link.map(str::to_string),
            }],
        }
    }

    #[test]
    fn any_text_in_any_place_gives_toml_that_parses() {
        let s = strings(400);
        for chunk in s.chunks(8) {
            let mut doc = Doc::default();
            doc.props.title = Some(chunk[0].clone());
            doc.props.creator = Some(chunk[1].clone());
            doc.props.keywords = vec![chunk[2].clone()];
            doc.blocks = vec![
                para(Role::Heading(1), &chunk[3], false, None),
                para(
                    Role::Body,
                    &chunk[4],
                    true,
                    Some(&format!("https://x.org/{}", chunk[5])),
                ),
                para(
                    Role::ListItem {
                        level: 1,
                        ordered: true,
                        number: 3,
                    },
                    &chunk[6],
                    false,
                    Some(&chunk[7]),
                ),
                Block::Table(vec![
                    vec![chunk[5].clone(), chunk[6].clone()],
                    vec![chunk[7].clone()],
                ]),
                Block::Image(0),
                para(Role::Caption, &chunk[2], false, None),
            ];
            doc.images.push(Image {
                part: chunk[3].clone(),
                descr: Some(chunk[4].clone()),
                title: None,
                decorative: false,
                width: None,
            });
            let formats = BTreeMap::from([(chunk[3].clone(), Format::Png)]);
            let opts = super::Options {
                source: chunk[0].clone(),
                images_dir: "images".into(),
                fallback_date: "2024-01-31".into(),
            };
            let plan = super::map::map(&doc, &formats, &opts);
            let toml = super::write::write(&plan);
            let parsed: Result<toml::Table, _> = toml::from_str(&toml);
            assert!(parsed.is_ok(), "{:?}\n{toml}", parsed.err());
            // And the build's own reader takes it (its TODO scan included).
            if let Err(d) = crate::spec::load(&toml) {
                panic!("{d:?}\n{toml}");
            }
        }
    }
}
