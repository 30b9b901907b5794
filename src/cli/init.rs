//! `folio init [DIR]`: a starter report that builds at once.
//!
//! Writes report.toml (every key explained in its comments, and every component shown once:
//! figures, a chart from a CSV file, a quote, a box, a table, an image and the print
//! edition), the placeholder wordmark and illustration with their licence, the chart's
//! CSV, the default font family with its licence and the JSON Schema editors read, so a
//! new team starts from something that works and can see where their own logo, images,
//! data and fonts go. Never overwrites a file.

use super::{EXIT_IO, Verbosity};
use std::path::Path;
use std::process::ExitCode;

const STARTER: &str = include_str!("../../templates/starter.toml");
const FILES: [(&str, &[u8]); 10] = [
    ("report.toml", STARTER.as_bytes()),
    (
        "images/logo.svg",
        include_bytes!("../../images/wordmark.svg"),
    ),
    (
        "images/illustration.svg",
        include_bytes!("../../images/illustration.svg"),
    ),
    (
        "images/LICENSE.md",
        include_bytes!("../../images/LICENSE.md"),
    ),
    (
        "data/appointments.csv",
        include_bytes!("../../templates/appointments.csv"),
    ),
    (
        "fonts/LiberationSans-Regular.ttf",
        include_bytes!("../../fonts/LiberationSans-Regular.ttf"),
    ),
    (
        "fonts/LiberationSans-Bold.ttf",
        include_bytes!("../../fonts/LiberationSans-Bold.ttf"),
    ),
    (
        "fonts/LiberationSans-Italic.ttf",
        include_bytes!("../../fonts/LiberationSans-Italic.ttf"),
    ),
    (
        "fonts/LiberationSans-BoldItalic.ttf",
        include_bytes!("../../fonts/LiberationSans-BoldItalic.ttf"),
    ),
    (
        "fonts/LICENSE-LiberationSans.txt",
        include_bytes!("../../fonts/LICENSE-LiberationSans.txt"),
    ),
];

/// Creates the starter project in `dir`.
pub fn init(dir: &Path, v: Verbosity) -> ExitCode {
    let existing: Vec<String> = FILES
        .iter()
        .chain(&[("folio.schema.json", &b""[..])])
        .filter(|(name, _)| dir.join(name).exists())
        .map(|(name, _)| name.to_string())
        .collect();
    if !existing.is_empty() {
        eprintln!(
            "error: {} already has {}; nothing was written (folio init never replaces files)",
            dir.display(),
            existing.join(", ")
        );
        return ExitCode::from(EXIT_IO);
    }
    let schema = serde_json::to_string_pretty(&folio::spec::schema())
        .expect("invariant: JSON serialises")
        + "\n";
    let files = FILES
        .iter()
        .copied()
        .chain([("folio.schema.json", schema.as_bytes())]);
    for (name, bytes) in files {
        let path = dir.join(name);
        let written = path
            .parent()
            .map_or(Ok(()), std::fs::create_dir_all)
            .and_then(|_| std::fs::write(&path, bytes));
        if let Err(e) = written {
            eprintln!("error: cannot write {}: {e}", path.display());
            return ExitCode::from(EXIT_IO);
        }
    }
    if !v.quiet {
        eprintln!(
            "created a starter report in {}: edit report.toml, then run `folio build` there",
            dir.display()
        );
    }
    ExitCode::SUCCESS
}
