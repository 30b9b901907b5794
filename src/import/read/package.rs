//! The zip package a DOCX or ODT file is, read with hard limits.
//!
//! In: the file's bytes. Out: a [`Package`] that hands out one part at a time, decompressed
//! into memory no larger than the part's limit, or a [`ReadError`]. The sizes a zip declares
//! are not trusted (a "zip bomb" declares small and inflates huge): every part is read
//! through a counting limit, and a budget caps what all parts together may inflate to.

use super::ReadError;
use std::io::{Cursor, Read};
use zip::ZipArchive;

/// Parts a package may list. A long Word report has a few hundred; a zip listing more is
/// not a document.
pub const MAX_ENTRIES: usize = 20_000;
/// One XML part, decompressed. A report of some 1,500 pages with lists and tables has a
/// 13 MB document part, which the element tree holds in about 200 MB; this limit keeps that
/// under half a gigabyte.
pub const MAX_XML_BYTES: u64 = 32 * 1024 * 1024;
/// One embedded image, decompressed: far above any photograph a report places.
pub const MAX_IMAGE_BYTES: u64 = 64 * 1024 * 1024;
/// Everything read from one package, decompressed.
pub const MAX_TOTAL_BYTES: u64 = 512 * 1024 * 1024;

/// An opened package.
pub struct Package {
    zip: ZipArchive<Cursor<Vec<u8>>>,
    /// Bytes still allowed to be decompressed.
    budget: u64,
}

impl Package {
    /// Opens `bytes` as a zip package.
    pub fn open(bytes: Vec<u8>) -> Result<Package, ReadError> {
        if !bytes.starts_with(b"PK") {
            return Err(ReadError::NotADocument(
                "it is not a zip package, so not a DOCX or ODT file (a .doc from Word 97–2003 \
                 must be saved as .docx first)"
                    .into(),
            ));
        }
        let zip = ZipArchive::new(Cursor::new(bytes))
            .map_err(|e| ReadError::Damaged(format!("its zip structure is damaged ({e})")))?;
        if zip.len() > MAX_ENTRIES {
            return Err(ReadError::TooLarge(format!(
                "it lists {} parts; a document has far fewer than {MAX_ENTRIES}",
                zip.len()
            )));
        }
        Ok(Package {
            zip,
            budget: MAX_TOTAL_BYTES,
        })
    }

    /// Whether the package has a part called `name`.
    pub fn has(&self, name: &str) -> bool {
        self.zip.index_for_name(name).is_some()
    }

    /// Reads part `name` (`None` if there is none), at most `limit` bytes decompressed.
    pub fn read(&mut self, name: &str, limit: u64) -> Result<Option<Vec<u8>>, ReadError> {
        let Some(index) = self.zip.index_for_name(name) else {
            return Ok(None);
        };
        let by_budget = self.budget < limit;
        let limit = limit.min(self.budget);
        let mut entry = self
            .zip
            .by_index(index)
            .map_err(|e| ReadError::Damaged(format!("its part {name} cannot be opened ({e})")))?;
        // The declared size only sizes the first allocation, and never past the limit.
        let declared = entry.size().min(limit);
        let mut data = Vec::with_capacity(usize::try_from(declared).unwrap_or(0));
        (&mut entry)
            .take(limit + 1)
            .read_to_end(&mut data)
            .map_err(|e| ReadError::Damaged(format!("its part {name} is damaged ({e})")))?;
        if data.len() as u64 > limit {
            return Err(ReadError::TooLarge(if by_budget {
                format!(
                    "its parts inflate to more than {} MB together",
                    MAX_TOTAL_BYTES / 1024 / 1024
                )
            } else {
                format!(
                    "its part {name} inflates to more than {} MB",
                    limit / 1024 / 1024
                )
            }));
        }
        self.budget -= data.len() as u64;
        Ok(Some(data))
    }

    /// Reads an XML part; `None` if there is none.
    pub fn xml(&mut self, name: &str) -> Result<Option<super::xml::Element>, ReadError> {
        match self.read(name, MAX_XML_BYTES)? {
            Some(bytes) => super::xml::parse(&bytes, name).map(Some),
            None => Ok(None),
        }
    }
}
