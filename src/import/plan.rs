//! The report.toml to be written, as keys, values and notes.
//!
//! The mapper produces this and the writer reads only this: each table of the file with its
//! keys in order, each key's value as TOML data (never text to be pasted into the file),
//! and the `# TODO` notes that go above it.

/// A report.toml to write.
#[derive(Debug, Default)]
pub struct Plan {
    /// The file the report was imported from, for the header.
    pub source: String,
    /// Notes for the whole file, written at the top.
    pub notes: Vec<String>,
    /// `[report]`.
    pub report: Vec<Entry>,
    /// Notes written under `[brand]`.
    pub brand: Vec<String>,
    pub sections: Vec<Section>,
    /// Images to write beside report.toml.
    pub files: Vec<File>,
}

/// One `key = value`, with a note above it.
#[derive(Debug)]
pub struct Entry {
    pub key: &'static str,
    pub value: toml::Value,
    pub todo: Option<String>,
}

impl Entry {
    pub fn new(key: &'static str, value: impl Into<toml::Value>) -> Entry {
        Entry {
            key,
            value: value.into(),
            todo: None,
        }
    }

    pub fn todo(mut self, note: impl Into<String>) -> Entry {
        self.todo = Some(note.into());
        self
    }
}

/// One `[[sections]]`.
#[derive(Debug, Default)]
pub struct Section {
    pub notes: Vec<String>,
    pub entries: Vec<Entry>,
    pub blocks: Vec<BlockPlan>,
}

/// One `[[sections.blocks]]`.
#[derive(Debug, Default)]
pub struct BlockPlan {
    /// `# TODO` notes above the block.
    pub notes: Vec<String>,
    /// Plain comments above the block (facts, not tasks).
    pub remarks: Vec<String>,
    pub entries: Vec<Entry>,
    /// Written as comments, for the user to finish: folio could not build it as it is.
    pub disabled: bool,
}

/// An image file to write: the package part it comes from, the file name it gets.
#[derive(Debug, Clone)]
pub struct File {
    pub part: String,
    pub name: String,
}

/// What an embedded image's bytes are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Png,
    Jpeg,
    Svg,
    /// A format folio does not place, with the file extension it is saved under.
    Other(&'static str),
}

impl Format {
    /// Tells the format from the first bytes, not from the part's name.
    pub fn sniff(bytes: &[u8]) -> Format {
        let head = &bytes[..bytes.len().min(1024)];
        let text = String::from_utf8_lossy(head);
        match bytes {
            [0x89, b'P', b'N', b'G', ..] => Format::Png,
            [0xFF, 0xD8, 0xFF, ..] => Format::Jpeg,
            [b'G', b'I', b'F', b'8', ..] => Format::Other("gif"),
            [b'B', b'M', ..] => Format::Other("bmp"),
            [b'I', b'I', 42, 0, ..] | [b'M', b'M', 0, 42, ..] => Format::Other("tiff"),
            [1, 0, 0, 0, ..] => Format::Other("emf"),
            [0xD7, 0xCD, 0xC6, 0x9A, ..] => Format::Other("wmf"),
            [
                b'R',
                b'I',
                b'F',
                b'F',
                _,
                _,
                _,
                _,
                b'W',
                b'E',
                b'B',
                b'P',
                ..,
            ] => Format::Other("webp"),
            _ if text.contains("<svg") => Format::Svg,
            _ => Format::Other("bin"),
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            Format::Png => "png",
            Format::Jpeg => "jpg",
            Format::Svg => "svg",
            Format::Other(ext) => ext,
        }
    }
}
