//! Reading report.toml and writing PDFs safely; the one-call build the tests use.
//!
//! In: paths. Out: report.toml's text, or a PDF written into place. [`write_atomic`] never leaves
//! a partial file and never replaces anything but a regular file:
//! - the PDF goes to a temporary file created beside the target with an unpredictable name
//!   and exclusive creation (so a link planted at a guessable name cannot redirect it, and
//!   two builds to one output never share one), synced, then renamed over the target in
//!   one step: readers see the old PDF or the new one, never half of one;
//! - a target that is a device or a named pipe (`-o /dev/stdout`) is written to in place,
//!   never swapped for a file; a folder, a socket or a disk device is refused;
//! - a temporary file still being written when folio is interrupted is removed by
//!   [`remove_unfinished`], which the command line calls on SIGINT and SIGTERM.
//!
//! [`compile`] and [`compile_editions`] run [`crate::compile`] and require every edition
//! asked for to succeed: the shape tests and simple callers want.

use crate::diag::Diagnostic;
use crate::files::{self, Kind};
use crate::frame::Document;
use crate::pdf::Standards;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

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

/// Which editions to build.
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
/// Fails when any edition asked for fails.
pub fn compile_editions(
    source: &str,
    base: &Path,
    editions: Editions,
    print_name: &str,
) -> Result<Built, Failure> {
    let options = crate::Options {
        reader: editions.reader,
        print: editions.print,
        web: editions.web,
        print_name: print_name.to_string(),
        ..crate::Options::default()
    };
    let built = crate::compile(source, base, &options).map_err(|d| Failure::Report(d.list))?;
    let pdf = match built.reader {
        Some(Ok(pdf)) => pdf,
        Some(Err(d)) => return Err(Failure::Report(d)),
        None => Vec::new(),
    };
    let print = built.print.transpose().map_err(Failure::Report)?;
    let web = built.web.transpose().map_err(Failure::Report)?;
    Ok(Built {
        pdf,
        print,
        print_pages: built.print_pages,
        web,
        document: built.document,
        warnings: built.warnings,
        standards: built.standards,
    })
}

/// Reads report.toml, as UTF-8, through the same checks as every other file (a regular
/// file, under [`Kind::Report`]'s cap). Text that is not UTF-8 is a report problem at the
/// first bad byte (an editor saving in another encoding), not an I/O failure.
pub fn read_source(path: &Path) -> Result<String, Failure> {
    let bytes = files::read_capped(path, Kind::Report.cap()).map_err(|e| {
        Failure::Io(format!(
            "cannot read {}: it {}",
            path.display(),
            e.reason(Kind::Report)
        ))
    })?;
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

/// The default output path: the input's name with `.pdf`, next to it.
pub fn default_output(input: &Path) -> PathBuf {
    input.with_extension("pdf")
}

/// Temporary files being written now, for [`remove_unfinished`].
static UNFINISHED: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// Removes every temporary file folio is still writing. Called on SIGINT and SIGTERM, so an
/// interrupted build leaves no stray file beside the target.
pub fn remove_unfinished() {
    let list = UNFINISHED.lock().unwrap_or_else(|e| e.into_inner());
    for path in list.iter() {
        let _ = std::fs::remove_file(path);
    }
}

fn unfinished() -> std::sync::MutexGuard<'static, Vec<PathBuf>> {
    UNFINISHED.lock().unwrap_or_else(|e| e.into_inner())
}

/// What an existing output path is, for [`write_atomic`].
enum Target {
    /// Nothing there, or a regular file (or a link to one): replace it.
    Replace,
    /// A terminal, `/dev/null` or a pipe: write into it.
    Stream,
    /// Anything else: refuse, saying what it is.
    Refuse(&'static str),
}

fn target(path: &Path) -> Target {
    let Ok(meta) = std::fs::metadata(path) else {
        return Target::Replace;
    };
    let t = meta.file_type();
    if t.is_file() {
        return Target::Replace;
    }
    if t.is_dir() {
        return Target::Refuse("a folder");
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_char_device() || t.is_fifo() {
            return Target::Stream;
        }
        if t.is_block_device() {
            return Target::Refuse("a disk device");
        }
        if t.is_socket() {
            return Target::Refuse("a socket");
        }
    }
    Target::Refuse("not a regular file")
}

/// Writes `bytes` to `path` as described in the module docs.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), Failure> {
    let io = |e: std::io::Error| {
        Failure::Io(format!(
            "cannot write {}: {}",
            path.display(),
            files::words(&e)
        ))
    };
    match target(path) {
        Target::Refuse(what) => Err(Failure::Io(format!(
            "cannot write {}: it is {what}; choose a file name with -o",
            path.display()
        ))),
        Target::Stream => write_stream(path, bytes).map_err(io),
        Target::Replace => write_replacing(path, bytes).map_err(io),
    }
}

fn write_replacing(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    // A short name: `.folio-` and six random characters fit beside any legal file name.
    let mut builder = tempfile::Builder::new();
    builder.prefix(".folio-").suffix(".tmp");
    #[cfg(unix)]
    {
        // Readable as any new file would be (the umask applies), not private to its owner
        // as temporary files are by default: the PDF is meant to be shared.
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut tmp = builder.tempfile_in(dir)?;
    unfinished().push(tmp.path().to_path_buf());
    let result = (|| {
        tmp.write_all(bytes)?;
        tmp.as_file().sync_all()?;
        Ok(())
    })();
    let tmp_path = tmp.path().to_path_buf();
    let result = result.and_then(|()| tmp.persist(path).map(drop).map_err(|e| e.error));
    unfinished().retain(|p| *p != tmp_path);
    result
}

/// Writes into a device or a pipe. A pipe nobody reads is refused at once rather than
/// waited on.
fn write_stream(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY);
    }
    let mut file = options.open(path).map_err(|e| {
        if e.raw_os_error() == Some(libc::ENXIO) {
            std::io::Error::other("it is a named pipe that nothing is reading")
        } else {
            e
        }
    })?;
    #[cfg(unix)]
    {
        // Back to blocking writes: a pipe's reader may be slower than folio.
        use std::os::fd::AsRawFd;
        let fd = file.as_raw_fd();
        // SAFETY: `fd` is open for the lifetime of `file`; F_GETFL/F_SETFL only change flags.
        unsafe {
            let flags = libc::fcntl(fd, libc::F_GETFL);
            if flags >= 0 {
                libc::fcntl(fd, libc::F_SETFL, flags & !libc::O_NONBLOCK);
            }
        }
    }
    file.write_all(bytes)?;
    file.flush()
}
