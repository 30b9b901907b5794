//! The whole pipeline, from a report.toml path to a PDF written safely to disk.
//!
//! In: the input path and the output path. Out: a summary, or the diagnostics that stopped
//! the build. The PDF is written to a temporary file beside the target and renamed into
//! place only when complete, so a failed build never leaves a partial file or clobbers the
//! last good PDF.

use crate::diag::Diagnostic;
use crate::frame::Document;
use crate::pdf::{self, Standards};
use crate::{layout, model, spec};
use std::io::Write;
use std::path::{Path, PathBuf};

/// A finished build.
pub struct Built {
    /// The reader edition (empty when only the print edition was asked for).
    pub pdf: Vec<u8>,
    /// The print edition, when asked for.
    pub print: Option<Vec<u8>>,
    /// The print edition's pages: the document's, and any blank ones the binding needs.
    pub print_pages: usize,
    /// The web edition, when asked for: its files, with the PDFs built beside it.
    pub web: Option<crate::web::Site>,
    pub document: Document,
    pub warnings: Vec<Diagnostic>,
    pub standards: Standards,
}

/// Which editions to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Editions {
    pub reader: bool,
    /// `Some(true)` forces the print edition, `Some(false)` leaves it out, `None` follows
    /// `[print] enabled` in report.toml.
    pub print: Option<bool>,
    /// The web edition (an HTML page offering the PDFs built with it).
    pub web: bool,
}

impl Default for Editions {
    fn default() -> Self {
        Self {
            reader: true,
            print: None,
            web: false,
        }
    }
}

/// Why a build stopped.
#[derive(Debug)]
pub enum Failure {
    /// Problems in report.toml (with the source, for rendering), including what the PDF
    /// writer refused.
    Report(Vec<Diagnostic>),
    /// A file could not be read or written.
    Io(String),
    /// The web edition could not be made.
    Web(crate::web::WebError),
}

/// Builds the reader edition (and the print edition if report.toml asks for it) from
/// report.toml's text; `base` is its folder.
pub fn compile(source: &str, base: &Path) -> Result<Built, Failure> {
    compile_editions(source, base, Editions::default(), "report-print.pdf")
}

/// Builds the chosen editions; `print_name` is the print file's name, for its slug line.
pub fn compile_editions(
    source: &str,
    base: &Path,
    editions: Editions,
    print_name: &str,
) -> Result<Built, Failure> {
    let (spec, mut found) = spec::load(source).map_err(Failure::Report)?;
    // The model runs even when the spec had errors, so one run reports everything.
    let (report, warnings) = match model::resolve(&spec, source, base) {
        Ok(r) if !found.iter().any(Diagnostic::is_error) => r,
        Ok((_, more)) | Err(more) => {
            found.extend(more);
            crate::diag::drop_redundant(&mut found, source);
            found.sort_by_key(|d| d.span.as_ref().map_or(0, |s| s.start));
            return Err(Failure::Report(found));
        }
    };
    let document = layout::layout(&report);
    let mut warnings: Vec<Diagnostic> = found
        .into_iter()
        .chain(warnings)
        .chain(document.warnings.iter().cloned())
        .collect();
    let standards = Standards::default();
    // The web edition offers the reader edition for download, so it is built for it too.
    let pdf = if editions.reader || editions.web {
        pdf::export(&document, standards).map_err(|e| Failure::Report(e.diagnostics(&document)))?
    } else {
        Vec::new()
    };
    let print = match editions.print.unwrap_or(report.print.enabled) {
        true => {
            let checks = crate::preflight::print(&document, &report);
            let (errors, notes): (Vec<Diagnostic>, Vec<Diagnostic>) =
                checks.into_iter().partition(Diagnostic::is_error);
            if !errors.is_empty() {
                return Err(Failure::Report(errors.into_iter().chain(notes).collect()));
            }
            warnings.extend(report.print.warnings());
            warnings.extend(notes);
            let edition = crate::edition::print(&document, &report.print, print_name)
                .map_err(|d| Failure::Report(vec![*d]))?;
            let bytes = pdf::export_print(&edition)
                .map_err(|e| Failure::Report(e.diagnostics(&edition)))?;
            Some((bytes, edition.pages.len()))
        }
        false => None,
    };
    let web = if editions.web {
        let mut downloads = vec![crate::web::Download {
            file: reader_name(print_name),
            bytes: &pdf,
            pages: document.pages.len(),
            kind: crate::web::DownloadKind::Reader,
        }];
        if let Some((p, pages)) = &print {
            downloads.push(crate::web::Download {
                file: print_name.to_string(),
                bytes: p,
                pages: *pages,
                kind: crate::web::DownloadKind::Print,
            });
        }
        let site = crate::web::export(&report, &downloads).map_err(Failure::Web)?;
        warnings.extend(
            site.notes
                .iter()
                .map(|n| Diagnostic::warning(n.clone(), None)),
        );
        Some(site)
    } else {
        None
    };
    let (print, print_pages) = match print {
        Some((bytes, pages)) => (Some(bytes), pages),
        None => (None, 0),
    };
    Ok(Built {
        pdf,
        print,
        print_pages,
        web,
        document,
        warnings,
        standards,
    })
}

/// The reader edition's file name, from the print edition's (`annual-print.pdf` →
/// `annual.pdf`), which is always made from it.
pub fn reader_name(print_name: &str) -> String {
    match print_name.strip_suffix("-print.pdf") {
        Some(stem) if !stem.is_empty() => format!("{stem}.pdf"),
        _ => "report.pdf".into(),
    }
}

/// The web edition's folder: the reader edition's name with `-web`, beside it.
pub fn web_folder(reader: &Path) -> PathBuf {
    let stem = reader
        .file_stem()
        .map_or("report".into(), |s| s.to_string_lossy().into_owned());
    reader.with_file_name(format!("{stem}-web"))
}

/// Reads report.toml, as UTF-8. Text that is not UTF-8 is a report problem at the first
/// bad byte (an editor saving in another encoding), not an I/O failure.
pub fn read_source(path: &Path) -> Result<String, Failure> {
    let bytes = std::fs::read(path)
        .map_err(|e| Failure::Io(format!("cannot read {}: {e}", path.display())))?;
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        Failure::Report(vec![
            Diagnostic::error(
                format!("{} is not UTF-8 text", path.display()),
                Some(at..at + 1),
            )
            .with_label("this byte is not UTF-8")
            .with_help("save the file as UTF-8 in your editor (\"Save with encoding\" → UTF-8)"),
        ])
    })
}

/// The default output path: the input's name with `.pdf`, next to it.
pub fn default_output(input: &Path) -> PathBuf {
    input.with_extension("pdf")
}

/// Writes `bytes` to `path` through a temporary file in the same folder and a rename.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), Failure> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "report.pdf".into());
    let tmp = dir.join(format!(".{name}.folio-tmp"));
    let io = |e: std::io::Error| Failure::Io(format!("cannot write {}: {e}", path.display()));
    let result = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result.map_err(io)
}
