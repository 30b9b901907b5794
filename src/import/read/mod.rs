//! Reading phase: a word processor's file → [`Doc`].
//!
//! In: the file's bytes. Out: the document's structure and the opened package (to fetch
//! images from later), or a [`ReadError`] in plain words. DOCX (Office Open XML, what Word
//! and most word processors save) and ODT (OpenDocument, LibreOffice's own) are told apart
//! by what the package holds, not by the file's name.

mod docx;
mod odt;
mod package;
mod xml;

pub use package::{MAX_IMAGE_BYTES, Package};

use super::doc::Doc;
use std::fmt;

/// Why a file could not be read.
#[derive(Debug)]
pub enum ReadError {
    /// Not a DOCX or ODT file at all.
    NotADocument(String),
    /// A DOCX or ODT file whose insides are broken.
    Damaged(String),
    /// Bigger than folio will read.
    TooLarge(String),
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self {
            ReadError::NotADocument(why) | ReadError::Damaged(why) | ReadError::TooLarge(why) => {
                f.write_str(why)
            }
        }
    }
}

/// Reads a DOCX or ODT file.
pub fn read(bytes: Vec<u8>) -> Result<(Doc, Package), ReadError> {
    let mut package = Package::open(bytes)?;
    let doc = if package.has("[Content_Types].xml") {
        docx::read(&mut package)?
    } else if package.has("content.xml") {
        odt::read(&mut package)?
    } else {
        return Err(ReadError::NotADocument(
            "it is a zip file, but neither a Word document (.docx) nor an OpenDocument text \
             (.odt)"
                .into(),
        ));
    };
    Ok((doc, package))
}
