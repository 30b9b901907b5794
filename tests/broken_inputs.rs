//! Broken report.toml files, one per file under `tests/broken/`, run through the `folio`
//! binary as a user would. Each file starts with its expectations:
//!
//! ```text
//! # expect: 7:11 error: `brand.colours.primary`: `#05EB8` is not a colour: …
//! # exit: 1            (optional; 1 unless given)
//! # setup: corrupt.png (optional; a damaged file the case refers to)
//! # errors: 1          (optional; exactly this many errors: a slip is reported once,
//!                       without the cascade of messages it would otherwise cause)
//! ```
//!
//! For every case the test checks the message, its line and column, the exit code, and
//! that nothing was written: the report.pdf already in the folder is byte-identical and no
//! other file appeared.

use std::path::{Path, PathBuf};
use std::process::Command;

/// What a previous good build left behind.
const PREVIOUS_PDF: &[u8] = b"%PDF-1.7\n% the previous good build\n";
/// Stands for a byte that is not UTF-8 (é in Latin-1) in the `not-utf8` case.
const LATIN1_MARKER: &str = "<<LATIN1>>";

struct Case {
    name: String,
    expects: Vec<(usize, usize, String)>,
    exit: i32,
    errors: Option<usize>,
    setup: Vec<String>,
    body: Vec<u8>,
}

fn cases() -> Vec<Case> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/broken");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|path| {
            let text = std::fs::read_to_string(&path).unwrap();
            let mut expects = Vec::new();
            let mut exit = 1;
            let mut errors = None;
            let mut setup = Vec::new();
            for line in text.lines() {
                if let Some(e) = line.strip_prefix("# expect: ") {
                    let (pos, msg) = e.split_once(' ').expect("`# expect: L:C message`");
                    let (l, c) = pos.split_once(':').expect("L:C");
                    expects.push((l.parse().unwrap(), c.parse().unwrap(), msg.to_string()));
                } else if let Some(n) = line.strip_prefix("# errors: ") {
                    errors = Some(n.trim().parse().unwrap());
                } else if let Some(x) = line.strip_prefix("# exit: ") {
                    exit = x.trim().parse().unwrap();
                } else if let Some(s) = line.strip_prefix("# setup: ") {
                    setup.push(s.trim().to_string());
                }
            }
            let body = if text.contains(LATIN1_MARKER) {
                latin1(&text)
            } else {
                text.into_bytes()
            };
            Case {
                name: path.file_stem().unwrap().to_string_lossy().into_owned(),
                expects,
                exit,
                errors,
                setup,
                body,
            }
        })
        .collect()
}

/// The text with the marker replaced by a Latin-1 é (0xE9), which is not valid UTF-8.
fn latin1(text: &str) -> Vec<u8> {
    let mut out = Vec::new();
    for (i, part) in text.split(LATIN1_MARKER).enumerate() {
        if i > 0 {
            out.push(0xE9);
        }
        out.extend_from_slice(part.as_bytes());
    }
    out
}

fn run(case: &Case) -> Result<(), String> {
    let dir =
        std::env::temp_dir().join(format!("folio-broken-{}-{}", case.name, std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("report.toml"), &case.body).unwrap();
    std::fs::write(dir.join("report.pdf"), PREVIOUS_PDF).unwrap();
    let logo = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/logo.png");
    std::fs::copy(logo, dir.join("logo.png")).unwrap();
    for f in &case.setup {
        std::fs::write(dir.join(f), b"this is not what its name says").unwrap();
    }
    let listing = |d: &Path| {
        let mut v: Vec<_> = std::fs::read_dir(d)
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        v.sort();
        v
    };
    let before = listing(&dir);
    let out = Command::new(env!("CARGO_BIN_EXE_folio"))
        .arg("build")
        .current_dir(&dir)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    let mut problems = Vec::new();
    if out.status.code() != Some(case.exit) {
        problems.push(format!(
            "exit code {:?}, expected {}",
            out.status.code(),
            case.exit
        ));
    }
    if let Some(n) = case.errors {
        // Every block that starts with `error:` except the closing summary line.
        let found = stderr
            .split("\n\n")
            .filter(|b| {
                b.trim_start().starts_with("error:") && !b.contains("the PDF was not built")
            })
            .count();
        if found != n {
            problems.push(format!("{found} errors, expected exactly {n}"));
        }
    }
    if case.expects.is_empty() {
        problems.push("no `# expect:` line".into());
    }
    for (line, col, msg) in &case.expects {
        if !stderr.contains(msg.as_str()) {
            problems.push(format!("message missing: {msg}"));
        }
        // The message's own block must point at the line and column.
        let block = stderr
            .split("\n\n")
            .find(|b| b.contains(msg.as_str()))
            .unwrap_or("");
        let at = format!("report.toml:{line}:{col}");
        if !block.contains(&at) {
            problems.push(format!("{msg:?} is not at {at}"));
        }
    }
    if std::fs::read(dir.join("report.pdf")).unwrap() != PREVIOUS_PDF {
        problems.push("the previous report.pdf was changed".into());
    }
    if listing(&dir) != before {
        problems.push(format!("files appeared: {:?}", listing(&dir)));
    }
    let _ = std::fs::remove_dir_all(&dir);
    if problems.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "{}:\n  {}\n--- stderr ---\n{stderr}",
            case.name,
            problems.join("\n  ")
        ))
    }
}

#[test]
fn every_broken_input_is_reported_at_its_place_and_writes_nothing() {
    let cases = cases();
    assert!(cases.len() >= 40, "the suite keeps at least 40 cases");
    let failures: Vec<String> = cases.iter().filter_map(|c| run(c).err()).collect();
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n\n")
    );
}
