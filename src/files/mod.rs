//! The one door through which folio reads every file report.toml names: fonts, the logo,
//! images, the images an SVG refers to, CSV data and the ICC profile.
//!
//! In: a name as written (relative to report.toml's folder, or to an SVG's own folder) and
//! the [`Kind`] of file expected. Out: the file's bytes, shared ([`Arc`]), or a
//! [`FileError`] saying in plain words what is wrong, which [`FileError::diagnostic`] turns
//! into an error at the key that named the file.
//!
//! The rules, enforced here and nowhere else:
//! - **the folder rule**: after every symbolic link is resolved, the file must lie inside the
//!   report's folder (or a folder the caller widened the rule to on purpose), so a report
//!   folder shared by e-mail cannot make folio embed the recipient's own files;
//! - **regular files only**: a named pipe, a device, a socket or a folder is refused, and is
//!   opened without blocking to find out, so a pipe can never hang a build;
//! - **a size cap per kind** ([`Kind::cap`]), checked before reading and while reading;
//! - **once per build**: bytes (and whatever is decoded from them, see [`Folder::decoded`])
//!   are cached by canonical path, so a photo used by 200 blocks is read and decoded once.
//!
//! Every file read, and every path looked for in vain, is recorded ([`Folder::inputs`]) so
//! that `folio watch` can rebuild when any of them changes or appears.

mod suggest;

use std::any::Any;
use std::collections::{BTreeSet, HashMap};
use std::fs::File;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use crate::diag::Diagnostic;

/// One megabyte, for the caps below.
const MB: u64 = 1024 * 1024;

/// What a file is expected to be; each kind has its own size cap.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    /// report.toml itself.
    Report,
    /// A TrueType or OpenType font.
    Font,
    /// A PNG or JPEG image.
    Raster,
    /// An SVG (or gzipped SVG) image.
    Svg,
    /// Chart data.
    Csv,
    /// A CMYK ICC output profile.
    Profile,
}

impl Kind {
    /// The largest file of this kind folio reads, in bytes.
    pub const fn cap(self) -> u64 {
        match self {
            // 10 MB of body text is a long book; a file over 16 MB is not a report.
            Kind::Report => 16 * MB,
            // The largest pan-CJK OpenType collections are about 30 MB.
            Kind::Font => 64 * MB,
            // A 100-megapixel camera's JPEG is about 40 MB.
            Kind::Raster => 64 * MB,
            // Logos and diagrams are kilobytes; 8 MB leaves room for embedded photos.
            Kind::Svg => 8 * MB,
            // A million rows of `label,value`; no chart shows more.
            Kind::Csv => 16 * MB,
            // Press profiles are 0.5 to 3 MB (FOGRA39 is 0.65 MB).
            Kind::Profile => 8 * MB,
        }
    }

    /// What this kind of file is called in messages.
    pub const fn noun(self) -> &'static str {
        match self {
            Kind::Report => "report file",
            Kind::Font => "font",
            Kind::Raster | Kind::Svg => "image",
            Kind::Csv => "data file",
            Kind::Profile => "profile",
        }
    }
}

/// Why a file could not be read.
#[derive(Debug, Clone, PartialEq)]
pub enum FileError {
    /// No file by that name; `suggestion` is the closest name that exists.
    NotFound { suggestion: Option<String> },
    /// The file is outside the report's folder once links are resolved.
    Outside,
    /// Not a regular file: what it is instead ("a named pipe", "a folder", …).
    NotAFile(&'static str),
    /// A symbolic link that points (through others) back at itself.
    LinkLoop,
    /// Larger than its kind's cap.
    TooLarge { size: u64, cap: u64 },
    /// Anything else the system said, in words.
    Unreadable(String),
}

impl FileError {
    /// The error as the end of a sentence: "… which is outside the report's folder".
    pub fn reason(&self, kind: Kind) -> String {
        match self {
            FileError::NotFound {
                suggestion: Some(s),
            } => format!("does not exist (did you mean `{s}`?)"),
            FileError::NotFound { suggestion: None } => "does not exist".into(),
            FileError::Outside => "is outside the report's folder".into(),
            FileError::NotAFile(what) => format!("is {what}, not a file"),
            FileError::LinkLoop => "is a symbolic link that leads back to itself".into(),
            FileError::TooLarge { size, cap } => format!(
                "is {}, more than the {} folio reads for one {}",
                human(*size),
                human(*cap),
                kind.noun()
            ),
            FileError::Unreadable(why) => format!("cannot be read: {why}"),
        }
    }

    /// The error at `span`, the value of `key` that named `name`.
    pub fn diagnostic(
        &self,
        key: &str,
        name: &str,
        kind: Kind,
        span: Option<std::ops::Range<usize>>,
    ) -> Diagnostic {
        let noun = kind.noun();
        match self {
            FileError::NotFound { suggestion } => {
                let d = Diagnostic::error(
                    format!("`{key}`: there is no {noun} `{name}` in the report's folder"),
                    span,
                );
                match suggestion {
                    Some(s) => d
                        .with_label(format!("did you mean `{s}`?"))
                        .with_help(format!("write \"{s}\"; paths are relative to the folder report.toml is in")),
                    None => d.with_help(
                        "check the spelling; paths are relative to the folder report.toml is in",
                    ),
                }
            }
            FileError::Outside => Diagnostic::error(
                format!("`{key}`: `{name}` is outside the report's folder"),
                span,
            )
            .with_help(
                "folio reads only files inside the folder report.toml is in: copy the file there and name it from there",
            ),
            FileError::NotAFile(what) => Diagnostic::error(
                format!("`{key}`: `{name}` is {what}, not a file"),
                span,
            )
            .with_help(format!("name a {noun} file")),
            FileError::LinkLoop => Diagnostic::error(
                format!("`{key}`: `{name}` is a symbolic link that leads back to itself"),
                span,
            )
            .with_help("replace the link with the file it should point to"),
            FileError::TooLarge { size, cap } => Diagnostic::error(
                format!(
                    "`{key}`: `{name}` is {}, more than the {} folio reads for one {noun}",
                    human(*size),
                    human(*cap)
                ),
                span,
            )
            .with_help(match kind {
                Kind::Raster | Kind::Svg => "make the image smaller in an image editor",
                Kind::Font => "use the font's own .ttf or .otf file, not a collection",
                _ => "use a smaller file",
            }),
            FileError::Unreadable(why) => Diagnostic::error(
                format!("`{key}`: `{name}` cannot be read: {why}"),
                span,
            )
            .with_help("check that the file is readable, then build again"),
        }
    }
}

/// A size in words: "1.5 GB", "64 MB", "12 KB".
pub fn human(bytes: u64) -> String {
    let b = bytes as f64;
    if bytes >= 1024 * MB {
        format!("{:.1} GB", b / (1024.0 * MB as f64))
    } else if bytes >= 100 * MB {
        format!("{:.0} MB", b / MB as f64)
    } else if bytes >= MB {
        format!("{:.1} MB", b / MB as f64)
    } else {
        format!("{:.0} KB", (b / 1024.0).max(1.0))
    }
}

/// The report's folder, and everything read from it during one build.
pub struct Folder {
    /// The report's folder, canonical.
    root: PathBuf,
    /// Further folders, canonical, that the caller allows on purpose.
    allowed: Vec<PathBuf>,
    state: Mutex<State>,
}

#[derive(Default)]
struct State {
    bytes: HashMap<(PathBuf, Kind), Arc<Vec<u8>>>,
    decoded: HashMap<(PathBuf, &'static str), Arc<dyn Any + Send + Sync>>,
    inputs: BTreeSet<PathBuf>,
}

impl Folder {
    /// The folder report.toml is in. A folder that does not exist reads no files: every
    /// name in it is then "not found".
    pub fn new(root: &Path) -> Self {
        let root = if root.as_os_str().is_empty() {
            Path::new(".")
        } else {
            root
        };
        Self {
            root: canonical_or_absolute(root),
            allowed: Vec::new(),
            state: Mutex::new(State::default()),
        }
    }

    /// Also allows files inside `dir` (for a shared brand folder, say).
    pub fn allow(mut self, dir: &Path) -> Self {
        self.allowed.push(canonical_or_absolute(dir));
        self
    }

    /// The report's folder, canonical.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// Reads `name`, relative to the report's folder.
    pub fn read(&self, name: &str, kind: Kind) -> Result<Arc<Vec<u8>>, FileError> {
        let path = self.resolve(&self.root.clone(), name)?;
        self.read_resolved(&path, kind)
    }

    /// Reads `name`, relative to `dir` (an SVG's own folder, say).
    pub fn read_in(&self, dir: &Path, name: &str, kind: Kind) -> Result<Arc<Vec<u8>>, FileError> {
        let path = self.resolve(dir, name)?;
        self.read_resolved(&path, kind)
    }

    /// The canonical path `name` (relative to `dir`) stands for, checked against the folder
    /// rule; the file itself is not opened.
    pub fn resolve(&self, dir: &Path, name: &str) -> Result<PathBuf, FileError> {
        if name.contains('\0') {
            return Err(FileError::Unreadable(
                "the name holds a NUL character".into(),
            ));
        }
        let joined = dir.join(name);
        let path = match joined.canonicalize() {
            Ok(p) => p,
            Err(e) => {
                self.record(joined.clone());
                return Err(match e.raw_os_error() {
                    Some(libc::ELOOP) => FileError::LinkLoop,
                    Some(libc::ENOENT) | Some(libc::ENOTDIR) => FileError::NotFound {
                        suggestion: suggest::closest(dir, name, |p| self.inside(p)),
                    },
                    _ => FileError::Unreadable(words(&e)),
                });
            }
        };
        if !self.inside(&path) {
            return Err(FileError::Outside);
        }
        Ok(path)
    }

    /// Whether a canonical path is inside the report's folder or an allowed one.
    fn inside(&self, path: &Path) -> bool {
        path.starts_with(&self.root) || self.allowed.iter().any(|a| path.starts_with(a))
    }

    fn read_resolved(&self, path: &Path, kind: Kind) -> Result<Arc<Vec<u8>>, FileError> {
        let key = (path.to_path_buf(), kind);
        if let Some(b) = self.lock().bytes.get(&key) {
            return Ok(b.clone());
        }
        self.record(path.to_path_buf());
        let bytes = Arc::new(read_capped(path, kind.cap())?);
        self.lock().bytes.insert(key, bytes.clone());
        Ok(bytes)
    }

    /// The regular files directly inside the sub-folder `sub` of the report's folder whose
    /// extension is one of `exts` (lower case), sorted, as canonical paths. Named pipes,
    /// devices, links leading outside and folders are skipped without being opened.
    pub fn list(&self, sub: &str, exts: &[&str]) -> Vec<PathBuf> {
        let dir = self.root.join(sub);
        self.record(dir.clone());
        let Ok(entries) = std::fs::read_dir(&dir) else {
            return Vec::new();
        };
        let mut files: Vec<PathBuf> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| {
                p.extension()
                    .and_then(|e| e.to_str())
                    .is_some_and(|e| exts.contains(&e.to_ascii_lowercase().as_str()))
            })
            .filter_map(|p| p.canonicalize().ok())
            .filter(|p| self.inside(p) && std::fs::metadata(p).is_ok_and(|m| m.is_file()))
            .collect();
        files.sort();
        files.dedup();
        files
    }

    /// The regular files directly inside `dir` (canonical, inside the folder) whose
    /// extension is one of `exts`, sorted, as canonical paths; as [`Folder::list`].
    pub fn list_in(&self, dir: &Path, exts: &[&str]) -> Vec<PathBuf> {
        match dir.strip_prefix(&self.root) {
            Ok(sub) if self.inside(dir) => self.list(&sub.to_string_lossy(), exts),
            _ => Vec::new(),
        }
    }

    /// Reads a canonical path given by [`Folder::resolve`] or [`Folder::list`].
    pub fn read_path(&self, path: &Path, kind: Kind) -> Result<Arc<Vec<u8>>, FileError> {
        if !self.inside(path) {
            return Err(FileError::Outside);
        }
        self.read_resolved(path, kind)
    }

    /// What `decode` makes of the file at canonical `path`, worked out once per folder:
    /// the second block to use a photo gets the first one's decoded image. `what` names
    /// the decoding (one file may be decoded in two ways).
    pub fn decoded<T: Send + Sync + 'static>(
        &self,
        path: &Path,
        what: &'static str,
        decode: impl FnOnce() -> T,
    ) -> Arc<T> {
        let key = (path.to_path_buf(), what);
        if let Some(v) = self.lock().decoded.get(&key).cloned()
            && let Ok(v) = v.downcast::<T>()
        {
            return v;
        }
        let value = Arc::new(decode());
        self.lock().decoded.insert(key, value.clone());
        value
    }

    /// Every file read, and every path looked for, so far; sorted.
    pub fn inputs(&self) -> Vec<PathBuf> {
        self.lock().inputs.iter().cloned().collect()
    }

    fn record(&self, path: PathBuf) {
        self.lock().inputs.insert(path);
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, State> {
        // A panic while the lock was held leaves only caches behind: still usable.
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }
}

fn canonical_or_absolute(p: &Path) -> PathBuf {
    p.canonicalize().unwrap_or_else(|_| {
        std::env::current_dir()
            .map(|d| d.join(p))
            .unwrap_or_else(|_| p.to_path_buf())
    })
}

/// Opens `path` without following a final link and without blocking (so a named pipe
/// cannot hang the build), checks it is a regular file no larger than `cap`, and reads it.
pub fn read_capped(path: &Path, cap: u64) -> Result<Vec<u8>, FileError> {
    let file = open_regular(path)?;
    let size = file
        .metadata()
        .map_err(|e| FileError::Unreadable(words(&e)))?
        .len();
    if size > cap {
        return Err(FileError::TooLarge { size, cap });
    }
    let mut bytes = Vec::with_capacity(size as usize);
    // The file may grow between the check and the read: never read past the cap.
    file.take(cap + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| FileError::Unreadable(words(&e)))?;
    if bytes.len() as u64 > cap {
        return Err(FileError::TooLarge {
            size: bytes.len() as u64,
            cap,
        });
    }
    Ok(bytes)
}

/// The first `n` bytes of a regular file (for recognising what it is), opened under the
/// same rules as [`read_capped`]; `None` for anything else.
pub fn read_head(path: &Path, n: usize) -> Option<Vec<u8>> {
    let file = open_regular(path).ok()?;
    let mut head = Vec::with_capacity(n);
    file.take(n as u64).read_to_end(&mut head).ok()?;
    Some(head)
}

fn open_regular(path: &Path) -> Result<File, FileError> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK | libc::O_NOFOLLOW | libc::O_NOCTTY);
    }
    let file = options.open(path).map_err(|e| match e.raw_os_error() {
        Some(libc::ELOOP) => FileError::LinkLoop,
        Some(libc::ENOENT) => FileError::NotFound { suggestion: None },
        Some(libc::EISDIR) => FileError::NotAFile("a folder"),
        _ => FileError::Unreadable(words(&e)),
    })?;
    let meta = file
        .metadata()
        .map_err(|e| FileError::Unreadable(words(&e)))?;
    if !meta.is_file() {
        return Err(FileError::NotAFile(file_kind(&meta)));
    }
    Ok(file)
}

/// What a file that is not a regular file is, in words.
fn file_kind(meta: &std::fs::Metadata) -> &'static str {
    let t = meta.file_type();
    if t.is_dir() {
        return "a folder";
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return "a named pipe";
        }
        if t.is_char_device() || t.is_block_device() {
            return "a device";
        }
        if t.is_socket() {
            return "a socket";
        }
    }
    "not a regular file"
}

/// An I/O error in words a reader understands, without the system's error number.
pub fn words(e: &std::io::Error) -> String {
    use std::io::ErrorKind as K;
    match e.kind() {
        K::NotFound => "it does not exist".into(),
        K::PermissionDenied => "folio is not allowed to read it (permission denied)".into(),
        K::IsADirectory => "it is a folder".into(),
        K::InvalidData => "it is not valid data".into(),
        K::InvalidInput | K::InvalidFilename => "the name is not a valid file name".into(),
        K::UnexpectedEof => "it ended unexpectedly".into(),
        K::OutOfMemory => "there is not enough memory".into(),
        _ => {
            // The system's own words, less the " (os error N)" folio's readers need not see.
            let s = e.to_string();
            match s.find(" (os error") {
                Some(i) => s[..i].to_lowercase(),
                None => s.to_lowercase(),
            }
        }
    }
}

#[cfg(test)]
mod tests;
