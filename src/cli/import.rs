//! `folio import FILE [-o report.toml] [--images DIR] [--force]`: where the import's output
//! goes, and refusing to overwrite.
//!
//! In: the document's path and the flags. Out: report.toml (to a file, or to standard
//! output) and the document's images under the images folder. Nothing is replaced without
//! `--force`: an existing report.toml, or an existing image with other content. All
//! checks run before anything is written, and report.toml is written last and atomically,
//! so a refused or failed import leaves the folder as it was.

use super::{EXIT_IO, EXIT_REPORT, Verbosity};
use folio::import::{self, Imported, Options};
use std::path::{Component, Path, PathBuf};
use std::process::ExitCode;

/// Runs `folio import`.
pub fn import(
    input: &Path,
    output: Option<&Path>,
    images: Option<&Path>,
    force: bool,
    v: Verbosity,
) -> ExitCode {
    match run(input, output, images, force, v) {
        Ok(()) => ExitCode::SUCCESS,
        Err((code, msg)) => {
            eprintln!("error: {msg}");
            ExitCode::from(code)
        }
    }
}

type Failed = (u8, String);

/// A command line that cannot work, as clap reports its own usage errors.
const EXIT_USAGE: u8 = 2;

fn run(
    input: &Path,
    output: Option<&Path>,
    images: Option<&Path>,
    force: bool,
    v: Verbosity,
) -> Result<(), Failed> {
    let output = output.filter(|o| o.as_os_str() != "-");
    let io = |msg: String| (EXIT_IO, msg);
    let meta = std::fs::metadata(input)
        .map_err(|e| io(format!("cannot read {}: {e}", input.display())))?;
    if !meta.is_file() {
        return Err(io(format!("{} is not a file", input.display())));
    }
    if meta.len() > import::MAX_INPUT_BYTES {
        return Err((
            EXIT_REPORT,
            format!(
                "cannot import {}: it is {} MB, and folio imports documents of up to {} MB",
                input.display(),
                meta.len() / 1024 / 1024,
                import::MAX_INPUT_BYTES / 1024 / 1024
            ),
        ));
    }
    // The folder report.toml lives in: its paths (the images) are relative to it.
    let base = output
        .and_then(Path::parent)
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
        .to_path_buf();
    if let Some(out) = output {
        if same_file(input, out) {
            return Err(io(format!(
                "refusing to write report.toml over the document {}; choose another name with -o",
                input.display()
            )));
        }
        if out.exists() && !force {
            return Err(io(format!(
                "{} exists; refusing to replace it (use --force to replace it)",
                out.display()
            )));
        }
    }
    let images_dir = images.map_or_else(|| base.join("images"), Path::to_path_buf);
    let images_rel = relative_inside(&images_dir, &base).ok_or_else(|| {
        (
            EXIT_USAGE,
            format!(
                "--images {} is not inside {}, the folder of report.toml: folio reads images only \
                 from inside the report's folder",
                images_dir.display(),
                base.display()
            ),
        )
    })?;
    let bytes =
        std::fs::read(input).map_err(|e| io(format!("cannot read {}: {e}", input.display())))?;
    let source = input.file_name().map_or_else(
        || input.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let opts = Options {
        source: source.clone(),
        images_dir: images_rel,
        fallback_date: file_date(&meta),
    };
    let imported = import::import(bytes, &opts).map_err(|e| {
        (
            EXIT_REPORT,
            format!("cannot import {}: {e}", input.display()),
        )
    })?;
    write(&imported, output, &images_dir, force)?;
    if !v.quiet {
        eprintln!(
            "imported {source} into {}: {} section{}, {} image{} in {}, {} TODO note{} to finish \
             (`folio build` lists them)",
            output.map_or("standard output".into(), |o| o.display().to_string()),
            imported.sections,
            plural(imported.sections),
            imported.images.len(),
            plural(imported.images.len()),
            images_dir.display(),
            imported.todos,
            plural(imported.todos),
        );
    }
    Ok(())
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// Writes the images, then report.toml; checks every target before writing any.
fn write(
    imported: &Imported,
    output: Option<&Path>,
    images_dir: &Path,
    force: bool,
) -> Result<(), Failed> {
    let io = |msg: String| (EXIT_IO, msg);
    let clashes: Vec<String> = imported
        .images
        .iter()
        .map(|(name, bytes)| (images_dir.join(name), bytes))
        .filter(|(path, bytes)| path.exists() && std::fs::read(path).ok().as_ref() != Some(*bytes))
        .map(|(path, _)| path.display().to_string())
        .collect();
    if !clashes.is_empty() && !force {
        return Err(io(format!(
            "{} already exist{} with other content; refusing to replace {} (use --force, or \
             --images to choose another folder)",
            clashes.join(", "),
            if clashes.len() == 1 { "s" } else { "" },
            if clashes.len() == 1 { "it" } else { "them" }
        )));
    }
    if !imported.images.is_empty() {
        std::fs::create_dir_all(images_dir)
            .map_err(|e| io(format!("cannot create {}: {e}", images_dir.display())))?;
    }
    for (name, bytes) in &imported.images {
        let path = images_dir.join(name);
        folio::build::write_atomic(&path, bytes).map_err(|e| io(failure(e)))?;
    }
    match output {
        Some(out) => {
            folio::build::write_atomic(out, imported.toml.as_bytes()).map_err(|e| io(failure(e)))
        }
        None => {
            use std::io::Write;
            std::io::stdout()
                .write_all(imported.toml.as_bytes())
                .map_err(|e| io(format!("cannot write to standard output: {e}")))
        }
    }
}

/// The message of a failed write (`write_atomic` fails only with `Failure::Io`).
fn failure(f: folio::build::Failure) -> String {
    match f {
        folio::build::Failure::Io(m) => m,
        _ => "cannot write the file".into(),
    }
}

fn same_file(a: &Path, b: &Path) -> bool {
    matches!((a.canonicalize(), b.canonicalize()), (Ok(a), Ok(b)) if a == b)
}

/// `dir` relative to `base` with `/` separators, if it lies inside it ("images",
/// "assets/figures"); compared by their absolute, `..`-free forms.
fn relative_inside(dir: &Path, base: &Path) -> Option<String> {
    let cwd = std::env::current_dir().ok()?;
    let dir = absolute(&cwd.join(dir));
    let base = absolute(&cwd.join(base));
    let rel = dir.strip_prefix(&base).ok()?;
    let parts: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    (!parts.is_empty()).then(|| parts.join("/"))
}

/// A path with `.` and `..` resolved lexically (the folders need not exist yet).
fn absolute(p: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in p.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            c => out.push(c),
        }
    }
    out
}

/// The day the document was last changed on disk, `YYYY-MM-DD` (UTC), for a document that
/// names no date of its own; 2000-01-01 where the file system keeps no dates.
fn file_date(meta: &std::fs::Metadata) -> String {
    const SECONDS_PER_DAY: u64 = 86_400;
    let days = meta
        .modified()
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map(|d| (d.as_secs() / SECONDS_PER_DAY) as i64);
    let Some(days) = days else {
        return "2000-01-01".into();
    };
    // Howard Hinnant's days-to-civil algorithm (proleptic Gregorian calendar).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}
