//! Helpers for the import tests: Word files written with docx-rs (a DOCX writer that shares
//! no code with folio's reader), patched where docx-rs has no setting (alt text, document
//! properties), then imported, written to a folder and built.

#![allow(dead_code)]

use docx_rs::{
    AbstractNumbering, Docx, IndentLevel, Level, LevelJc, LevelText, NumberFormat, Numbering,
    NumberingId, Paragraph, Run, Start, Style, StyleType,
};
use std::io::{Cursor, Read, Write};
use std::path::PathBuf;

pub const BULLETS: usize = 10;
pub const NUMBERS: usize = 11;

/// A document with Word's built-in styles and one bulleted and one numbered list definition.
pub fn word() -> Docx {
    let mut d = Docx::new();
    for (id, name) in [
        ("Title", "Title"),
        ("Subtitle", "Subtitle"),
        ("Heading1", "heading 1"),
        ("Heading2", "heading 2"),
        ("Heading3", "heading 3"),
        ("Caption", "caption"),
    ] {
        d = d.add_style(Style::new(id, StyleType::Paragraph).name(name));
    }
    let level = |i: usize, fmt: &str, text: &str| {
        Level::new(
            i,
            Start::new(1),
            NumberFormat::new(fmt),
            LevelText::new(text),
            LevelJc::new("left"),
        )
    };
    d.add_abstract_numbering(
        AbstractNumbering::new(BULLETS)
            .add_level(level(0, "bullet", "•"))
            .add_level(level(1, "bullet", "◦")),
    )
    .add_abstract_numbering(
        AbstractNumbering::new(NUMBERS)
            .add_level(level(0, "decimal", "%1."))
            .add_level(level(1, "lowerLetter", "%2)")),
    )
    .add_numbering(Numbering::new(BULLETS, BULLETS))
    .add_numbering(Numbering::new(NUMBERS, NUMBERS))
}

pub fn text(t: &str) -> Paragraph {
    Paragraph::new().add_run(Run::new().add_text(t))
}

pub fn styled(style: &str, t: &str) -> Paragraph {
    text(t).style(style)
}

pub fn item(list: usize, level: usize, t: &str) -> Paragraph {
    text(t).numbering(NumberingId::new(list), IndentLevel::new(level))
}

/// The .docx bytes of a document.
pub fn pack(d: Docx) -> Vec<u8> {
    let mut out = Cursor::new(Vec::new());
    d.build()
        .pack(&mut out)
        .expect("docx-rs writes the document");
    out.into_inner()
}

/// Rewrites a package: `edit` gets each part's name and bytes and returns the new bytes;
/// `extra` parts are added.
pub fn rewrite(
    docx: &[u8],
    edit: impl Fn(&str, Vec<u8>) -> Vec<u8>,
    extra: &[(&str, &[u8])],
) -> Vec<u8> {
    let mut zin = zip::ZipArchive::new(Cursor::new(docx)).expect("a zip");
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default();
    for i in 0..zin.len() {
        let mut f = zin.by_index(i).expect("entry");
        let name = f.name().expect("a name").to_string();
        let mut bytes = Vec::new();
        f.read_to_end(&mut bytes).expect("entry reads");
        out.start_file(&name, opts).expect("start");
        out.write_all(&edit(&name, bytes)).expect("write");
    }
    for (name, bytes) in extra {
        out.start_file(*name, opts).expect("start");
        out.write_all(bytes).expect("write");
    }
    out.finish().expect("finish").into_inner()
}

/// Replaces the core and extended properties (docx-rs cannot set a title or company).
pub fn with_properties(docx: &[u8], core: &str, company: Option<&str>) -> Vec<u8> {
    let core = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">{core}</cp:coreProperties>"#
    );
    let app = company.map(|c| {
        format!(
            r#"<?xml version="1.0" encoding="UTF-8"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Company>{c}</Company></Properties>"#
        )
    });
    rewrite(
        docx,
        |name, bytes| match name {
            "docProps/core.xml" => core.clone().into_bytes(),
            "docProps/app.xml" => app.clone().map_or(bytes, String::into_bytes),
            _ => bytes,
        },
        &[],
    )
}

/// Edits `word/document.xml` as text.
pub fn edit_document(docx: &[u8], f: impl Fn(String) -> String) -> Vec<u8> {
    rewrite(
        docx,
        |name, bytes| {
            if name == "word/document.xml" {
                f(String::from_utf8(bytes).expect("UTF-8")).into_bytes()
            } else {
                bytes
            }
        },
        &[],
    )
}

/// An imported report written to a fresh folder.
pub struct Imported {
    pub dir: PathBuf,
    pub toml: String,
    pub table: toml::Table,
    pub imported: folio::import::Imported,
}

/// The options every test imports with.
pub fn options(source: &str) -> folio::import::Options {
    folio::import::Options {
        source: source.into(),
        images_dir: "images".into(),
        fallback_date: "2024-01-31".into(),
    }
}

/// Imports `bytes` into a new folder named after `name`: report.toml and its images.
pub fn import(name: &str, source: &str, bytes: Vec<u8>) -> Imported {
    let imported = folio::import::import(bytes, &options(source)).expect("the document imports");
    let table: toml::Table = toml::from_str(&imported.toml)
        .unwrap_or_else(|e| panic!("invalid TOML: {e}\n{}", imported.toml));
    let dir = std::env::temp_dir().join(format!("folio-import-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("images")).expect("temp dir");
    for (file, bytes) in &imported.images {
        std::fs::write(dir.join("images").join(file), bytes).expect("image written");
    }
    std::fs::write(dir.join("report.toml"), &imported.toml).expect("report.toml written");
    Imported {
        dir,
        toml: imported.toml.clone(),
        table,
        imported,
    }
}

/// The folder goes when the test passes, and stays to look at when it fails.
impl Drop for Imported {
    fn drop(&mut self) {
        if !std::thread::panicking() {
            let _ = std::fs::remove_dir_all(&self.dir);
        }
    }
}

impl Imported {
    /// `[[sections]]` as TOML tables.
    pub fn sections(&self) -> Vec<&toml::Table> {
        self.table["sections"]
            .as_array()
            .expect("sections")
            .iter()
            .map(|s| s.as_table().expect("a table"))
            .collect()
    }

    /// Every block of every section.
    pub fn blocks(&self) -> Vec<&toml::Table> {
        self.sections()
            .into_iter()
            .flat_map(|s| {
                s.get("blocks")
                    .and_then(|b| b.as_array())
                    .into_iter()
                    .flatten()
            })
            .map(|b| b.as_table().expect("a table"))
            .collect()
    }

    pub fn report(&self, key: &str) -> Option<&str> {
        self.table["report"].get(key).and_then(|v| v.as_str())
    }
}
