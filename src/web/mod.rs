//! Stage 4, web edition: [`Report`] → a folder holding one accessible HTML page.
//!
//! In: the resolved report (never the spec, the frames or the PDF) and the PDF editions to
//! offer as downloads. Out: a [`Site`] — `index.html`, `style.css`, the images and the PDFs,
//! each a relative path and its bytes — which [`folder::write`] puts on disk in one step.
//!
//! The recipe, one module per phase:
//! 1. [`assets`]: images become files (SVG re-serialised, PNG and JPEG resized to a ladder of
//!    widths for `srcset`);
//! 2. [`css`]: the brand's colours, fonts and text size become one stylesheet with a light
//!    and a dark scheme, every text colour checked for WCAG 2.2 AA contrast;
//! 3. [`document`] writes the page in the PDF's reading order — cover, contents, numbers,
//!    sections, back cover — from the parts [`components`] (text, cards, quotes, boxes,
//!    tables, images) and [`charts`] (inline SVG with the data as a table) render.
//!
//! Markup is built with maud, which escapes every value it splices in; no text from
//! report.toml is ever pasted into markup as it is. Nothing reads the clock, so the same
//! report gives byte-identical files. The page needs no script to be read.

mod assets;
mod charts;
mod components;
mod css;
mod document;
pub mod folder;
mod ids;
mod round;
pub mod serve;
mod strings;

use crate::model::Report;

/// A PDF edition the page offers for download; the file is copied into the folder.
pub struct Download<'a> {
    /// The file's name inside the folder, e.g. `report.pdf`.
    pub file: String,
    pub bytes: &'a [u8],
    pub pages: usize,
    /// Which edition: shapes the link's wording.
    pub kind: DownloadKind,
}

/// The PDF editions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DownloadKind {
    /// Tagged, PDF/UA-1 and PDF/A-2a: the one readers should take.
    Reader,
    /// PDF/X-4, for a printer.
    Print,
}

/// The web edition: files by relative path, in a fixed order.
pub struct Site {
    pub files: Vec<(String, Vec<u8>)>,
    /// What the build should say about the web edition, once. Colours that had to move to
    /// reach AA contrast are not among them: the light scheme uses the PDF's readable
    /// colours, which the build's preflight reports for both editions.
    pub notes: Vec<String>,
}

impl Site {
    /// The bytes of the file at `path`, if the site has it.
    pub fn file(&self, path: &str) -> Option<&[u8]> {
        self.files
            .iter()
            .find(|(p, _)| p == path)
            .map(|(_, b)| b.as_slice())
    }

    /// The page itself.
    pub fn html(&self) -> &str {
        self.file(INDEX)
            .and_then(|b| std::str::from_utf8(b).ok())
            .unwrap_or_default()
    }

    /// The size of every file together, in bytes.
    pub fn size(&self) -> usize {
        self.files.iter().map(|(_, b)| b.len()).sum()
    }
}

/// Why the web edition could not be made.
#[derive(Debug, Clone, PartialEq)]
pub enum WebError {
    /// A raster image that could not be decoded for resizing.
    Image { name: String, reason: String },
}

impl std::fmt::Display for WebError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            WebError::Image { name, reason } => write!(
                f,
                "the image `{name}` cannot be resized for the web edition: {reason}; open it in an image editor and save it again"
            ),
        }
    }
}

/// The page's file name.
pub const INDEX: &str = "index.html";
/// The stylesheet's file name.
pub const STYLESHEET: &str = "style.css";

/// Makes the web edition of `report`, offering `downloads`.
pub fn export(report: &Report, downloads: &[Download]) -> Result<Site, WebError> {
    let images = assets::images(report)?;
    let fonts = assets::fonts(report);
    let theme = css::Theme::new(&report.palette);
    let stylesheet = css::stylesheet(report, &theme, &fonts);
    let html = document::page(report, &images, downloads);

    let mut files = vec![
        (INDEX.to_string(), html.into_bytes()),
        (STYLESHEET.to_string(), stylesheet.into_bytes()),
    ];
    files.extend(fonts.files);
    files.extend(images.files());
    files.extend(downloads.iter().map(|d| (d.file.clone(), d.bytes.to_vec())));
    Ok(Site {
        files,
        notes: Vec::new(),
    })
}
