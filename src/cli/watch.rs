//! `folio watch`: rebuild whenever report.toml or a file it uses changes.
//!
//! Polls modification times twice a second rather than subscribing to file-system events:
//! editors save in many ways (rename over, truncate and write), and a poll of a handful of
//! files sees every one of them the same way, on every platform, with no extra dependency.
//! A failed build prints its diagnostics and leaves the last good PDF in place. With the
//! web edition, the folder is also served on localhost and the page reloads after every
//! good build (see `folio::web::serve`).

use super::Verbosity;
use super::build::{build, inputs};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, SystemTime};

/// How often to look for changes: quick enough to feel immediate, rare enough to cost nothing.
const POLL: Duration = Duration::from_millis(500);

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
    let mut last: Vec<(PathBuf, Option<SystemTime>)> = Vec::new();
    // The files to watch come from report.toml; read and parse it only when it changes.
    let mut watched: (Option<SystemTime>, Vec<PathBuf>) = (None, Vec::new());
    loop {
        let own = stamp(input);
        if watched.1.is_empty() || own != watched.0 {
            let source = std::fs::read_to_string(input).unwrap_or_default();
            watched = (own, inputs(input, &source));
        }
        let stamps: Vec<(PathBuf, Option<SystemTime>)> =
            watched.1.iter().map(|p| (p.clone(), stamp(p))).collect();
        if stamps != last {
            last = stamps;
            let built = build(input, output, false, editions, v);
            if let Some(s) = &server {
                s.built(built == ExitCode::SUCCESS);
            }
            if !v.quiet {
                eprintln!("watching {} (Ctrl-C to stop)", input.display());
            }
        }
        std::thread::sleep(POLL);
    }
}
