//! `folio watch`: rebuild whenever report.toml or any file the build reads changes.
//!
//! Polls modification times twice a second rather than subscribing to file-system events:
//! editors save in many ways (rename over, truncate and write), and a poll of a handful of
//! files sees every one of them the same way, on every platform, with no extra dependency.
//! The files watched are report.toml and every file the report names (logo, images, CSV
//! files, fonts, the print profile) and the fonts/ folder; the list is worked out again
//! after every change to report.toml. Each rebuild is announced with the time and what
//! changed; a failed build prints its problems and leaves the last good PDF in place.
//! With the web edition, the folder is also served on localhost and the page reloads
//! after every good build (see `folio::web::serve`).

use super::Verbosity;
use super::build::{Action, build_as, inputs};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, SystemTime};

/// How often to look for changes: quick enough to feel immediate, rare enough to cost nothing.
const POLL: Duration = Duration::from_millis(500);

type Stamps = Vec<(PathBuf, Option<SystemTime>)>;

/// Watches until interrupted.
pub fn watch(
    input: &Path,
    output: Option<&Path>,
    editions: folio::build::Editions,
    port: Option<u16>,
    v: Verbosity,
) -> ExitCode {
    let server = match super::serve::start(input, output, editions, port) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let stamp = |p: &Path| std::fs::metadata(p).and_then(|m| m.modified()).ok();
    let mut last: Stamps = Vec::new();
    // The files to watch come from report.toml; read and parse it only when it changes.
    let mut watched: (Option<SystemTime>, Vec<PathBuf>) = (None, Vec::new());
    let mut first = true;
    loop {
        let own = stamp(input);
        if watched.1.is_empty() || own != watched.0 {
            let source = std::fs::read_to_string(input).unwrap_or_default();
            watched = (own, inputs(input, &source));
        }
        let stamps: Stamps = watched.1.iter().map(|p| (p.clone(), stamp(p))).collect();
        if stamps != last {
            if !v.quiet && !first {
                eprintln!("\n[{}] {}", now(), changes(&last, &stamps).join(", "));
            }
            let listed = stamps.iter().map(|(p, _)| p.clone()).collect::<Vec<_>>()
                != last.iter().map(|(p, _)| p.clone()).collect::<Vec<_>>();
            last = stamps;
            let built = build_as(input, output, editions, Action::Watch, v);
            if let Some(s) = &server {
                s.built(built == ExitCode::SUCCESS);
            }
            if !v.quiet && (first || listed) {
                eprintln!("watching (Ctrl-C to stop):");
                for (p, s) in &last {
                    let missing = if s.is_none() { "  (missing)" } else { "" };
                    eprintln!("  {}{missing}", p.display());
                }
            }
            first = false;
        }
        std::thread::sleep(POLL);
    }
}

/// What differs between two polls: "report.toml changed", "images/photo.jpg added".
fn changes(before: &Stamps, after: &Stamps) -> Vec<String> {
    let mut out = Vec::new();
    for (p, s) in after {
        match before.iter().find(|(q, _)| q == p) {
            Some((_, t)) if t == s => {}
            Some((_, None)) => out.push(format!("{} appeared", p.display())),
            Some(_) if s.is_none() => out.push(format!("{} was removed", p.display())),
            Some(_) => out.push(format!("{} changed", p.display())),
            None => out.push(format!("now also watching {}", p.display())),
        }
    }
    if out.is_empty() {
        out.push("the list of files changed".into());
    }
    out
}

/// The local time of day, for the rebuild line (never written into a PDF).
fn now() -> String {
    chrono::Local::now().format("%H:%M:%S").to_string()
}
