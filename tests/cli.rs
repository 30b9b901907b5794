//! The `folio` command as a user runs it: init, build, check, schema, output safety, exit
//! codes and plain output when not on a terminal.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn folio(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_folio"))
        .args(args)
        .current_dir(dir)
        .env_remove("NO_COLOR")
        .output()
        .expect("folio runs")
}

fn tempdir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("folio-cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn init_then_build_works_with_no_edits() {
    let dir = tempdir("init");
    let o = folio(&dir, &["init"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let o = folio(&dir, &["build"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let pdf = std::fs::read(dir.join("report.pdf")).unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
    // No warnings: the starter is clean, and writes both editions.
    let err = stderr(&o);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 2, "{err}");
    assert!(lines[0].starts_with("wrote report.pdf: "), "{err}");
    assert!(lines[1].starts_with("wrote report-print.pdf: "), "{err}");
    assert!(!err.contains("warning"), "{err}");
    // Every component once, read back from the PDF.
    let doc = common::Pdf::parse(&pdf);
    let nodes = doc.structure();
    let kinds: Vec<&str> = nodes.walk().iter().map(|n| n.kind.as_str()).collect();
    for kind in ["BlockQuote", "Table", "Figure", "L", "Link"] {
        assert!(kinds.contains(&kind), "no {kind}: {kinds:?}");
    }
    let alts: Vec<&str> = nodes
        .walk()
        .iter()
        .filter_map(|n| n.alt.as_deref())
        .collect();
    assert!(
        alts.iter()
            .any(|a| a.starts_with("Online appointments rose"))
            && alts
                .iter()
                .any(|a| a.starts_with("Drawing of the Exampletown clinic")),
        "{alts:?}"
    );
    let text = doc.text();
    for shown in [
        "£2.48m",
        "the “quotes” and apostrophes",
        "typesetter’s",
        "Example Health Trust · Our year in review 2024",
        "Staff by site",
        "What we learned",
    ] {
        assert!(
            common::normalise(&text).contains(shown),
            "{shown} not in {text}"
        );
    }
    let uris: Vec<String> = (0..doc.pages.len())
        .flat_map(|i| doc.links(i))
        .filter_map(|(_, t)| t.err())
        .collect();
    assert!(
        uris.contains(&"https://www.example.org".to_string())
            && uris.contains(&"mailto:comms@example.org".to_string()),
        "{uris:?}"
    );
    assert!(dir.join("report-print.pdf").exists());
    // A second init refuses and changes nothing.
    let o = folio(&dir, &["init"]);
    assert_eq!(o.status.code(), Some(3));
    assert!(stderr(&o).contains("nothing was written"));
}

#[test]
fn check_reports_without_writing_and_exits_by_outcome() {
    let dir = tempdir("check");
    assert!(folio(&dir, &["init"]).status.success());
    let o = folio(&dir, &["check"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(!dir.join("report.pdf").exists());
    let src = std::fs::read_to_string(dir.join("report.toml")).unwrap();
    std::fs::write(
        dir.join("report.toml"),
        src.replace("size = \"A4\"", "size = \"B9\""),
    )
    .unwrap();
    let o = folio(&dir, &["check"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("`page.size` cannot be `B9`"));
    // `check` never builds a PDF, so its closing line does not say one was not built.
    let last = stderr(&o).lines().last().unwrap_or("").to_string();
    assert_eq!(
        last,
        "error: 1 error in report.toml; fix them and run folio check again"
    );
}

#[test]
fn build_where_there_is_no_report_suggests_folio_init() {
    let dir = tempdir("no-report");
    let o = folio(&dir, &["build"]);
    assert_eq!(o.status.code(), Some(3));
    let err = stderr(&o);
    assert!(
        err.starts_with("error: there is no report.toml in this folder"),
        "{err}"
    );
    assert!(err.contains("run `folio init`"), "{err}");
    assert!(!err.contains("os error"), "{err}");
    let o = folio(&dir, &["check", "annual.toml"]);
    assert_eq!(o.status.code(), Some(3));
    assert!(
        stderr(&o).contains("there is no annual.toml"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn output_folders_are_created_only_once_there_is_a_pdf() {
    let dir = tempdir("out-folders");
    assert!(folio(&dir, &["init"]).status.success());
    let o = folio(&dir, &["build", "-o", "out/2024/final/report.pdf"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let pdf = std::fs::read(dir.join("out/2024/final/report.pdf")).unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
    // A failed build makes no folders.
    let src = std::fs::read_to_string(dir.join("report.toml")).unwrap();
    std::fs::write(
        dir.join("report.toml"),
        src.replace("size = \"A4\"", "size = \"B9\""),
    )
    .unwrap();
    let o = folio(&dir, &["build", "-o", "other/report.pdf"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(!dir.join("other").exists());
}

#[test]
fn every_subcommand_has_examples_and_describes_every_flag() {
    let dir = tempdir("sub-help");
    for sub in ["build", "check", "init", "schema", "preflight", "watch"] {
        let o = folio(&dir, &[sub, "--help"]);
        assert!(o.status.success(), "{sub} --help");
        let out = String::from_utf8_lossy(&o.stdout).into_owned();
        assert!(out.contains("Examples:\n  folio "), "{sub}: {out}");
        // Every argument and option line carries a description after its name.
        let mut section = "";
        for line in out.lines() {
            if line.ends_with(':') && !line.starts_with(' ') {
                section = line;
                continue;
            }
            if (section == "Arguments:" || section == "Options:") && line.starts_with("  ") {
                let name_end = line.trim_start().find("  ");
                assert!(
                    name_end.is_some_and(|i| !line.trim_start()[i..].trim().is_empty()),
                    "{sub}: `{line}` has no description"
                );
            }
        }
    }
}

#[test]
fn colour_follows_the_terminal_term_and_no_color() {
    // Through a pseudo-terminal, as a person runs folio.
    if Command::new("script").arg("--version").output().is_err() {
        assert!(
            std::env::var_os("CI").is_none(),
            "`script` (util-linux) is needed for this test"
        );
        eprintln!("skipping: `script` is not installed");
        return;
    }
    let dir = tempdir("colour");
    std::fs::write(dir.join("report.toml"), "[report]\ntitel = \"x\"\n").unwrap();
    let run = |envs: &[(&str, &str)]| {
        let mut c = Command::new("script");
        c.args([
            "-qec",
            &format!("{} check", env!("CARGO_BIN_EXE_folio")),
            "/dev/null",
        ])
        .current_dir(&dir)
        .env_remove("NO_COLOR")
        .env("TERM", "xterm-256color");
        for (k, v) in envs {
            c.env(k, v);
        }
        String::from_utf8_lossy(&c.output().unwrap().stdout).contains('\u{1b}')
    };
    assert!(run(&[]), "colour on a terminal");
    assert!(!run(&[("TERM", "dumb")]), "TERM=dumb has no colour");
    assert!(!run(&[("NO_COLOR", "1")]), "NO_COLOR=1 has no colour");
    assert!(
        run(&[("NO_COLOR", "")]),
        "an empty NO_COLOR does not switch colour off"
    );
}

#[test]
fn a_failed_build_leaves_the_last_good_pdf_untouched_and_no_stray_files() {
    let dir = tempdir("keep");
    assert!(folio(&dir, &["init"]).status.success());
    assert!(folio(&dir, &["build"]).status.success());
    let good = std::fs::read(dir.join("report.pdf")).unwrap();
    let before: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    let src = std::fs::read_to_string(dir.join("report.toml")).unwrap();
    std::fs::write(
        dir.join("report.toml"),
        src.replace("label = \"patients seen online\"", "labl = \"x\""),
    )
    .unwrap();
    let o = folio(&dir, &["build"]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(std::fs::read(dir.join("report.pdf")).unwrap(), good);
    let after: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(before, after);
}

#[test]
fn output_to_stdout_and_refusals_to_clobber() {
    let dir = tempdir("out");
    assert!(folio(&dir, &["init"]).status.success());
    let o = folio(&dir, &["build", "-o", "-"]);
    assert!(o.status.success());
    assert!(o.stdout.starts_with(b"%PDF-"));
    let o = folio(&dir, &["build", "-o", "report.toml"]);
    assert_eq!(o.status.code(), Some(3));
    assert!(stderr(&o).contains("refusing to write the PDF over the input"));
    std::fs::write(dir.join("notes.pdf"), "my notes").unwrap();
    let o = folio(&dir, &["build", "-o", "notes.pdf"]);
    assert_eq!(o.status.code(), Some(3));
    assert_eq!(
        std::fs::read_to_string(dir.join("notes.pdf")).unwrap(),
        "my notes"
    );
    assert!(
        folio(&dir, &["build", "-o", "notes.pdf", "--force"])
            .status
            .success()
    );
}

#[test]
fn diagnostics_are_plain_text_when_not_on_a_terminal() {
    let dir = tempdir("plain");
    std::fs::write(dir.join("report.toml"), "[report]\ntitel = \"x\"\n").unwrap();
    let o = folio(&dir, &["build"]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(!err.contains('\u{1b}'), "no colour codes: {err:?}");
    assert!(err.contains("report.toml:2:1"), "{err}");
    assert!(err.contains("did you mean `title`?"), "{err}");
}

#[test]
fn help_version_and_usage_errors() {
    let dir = tempdir("help");
    let o = folio(&dir, &["--help"]);
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(
        out.contains("Examples:") && out.contains("Exit codes:"),
        "{out}"
    );
    let o = folio(&dir, &["--version"]);
    assert!(String::from_utf8_lossy(&o.stdout).starts_with("folio "));
    assert_eq!(folio(&dir, &["bulid"]).status.code(), Some(2));
    let o = folio(&dir, &["build", "missing.toml"]);
    assert_eq!(o.status.code(), Some(3));
}

#[test]
fn schema_prints_json() {
    let o = folio(Path::new("."), &["schema"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON");
    assert_eq!(v["$schema"], "http://json-schema.org/draft-07/schema#");
}

#[test]
fn watch_rebuilds_on_save_and_keeps_the_last_good_pdf_when_a_save_breaks_it() {
    let dir = tempdir("watch");
    assert!(folio(&dir, &["init"]).status.success());
    let mut child = Command::new(env!("CARGO_BIN_EXE_folio"))
        .args(["watch", "-q"])
        .current_dir(&dir)
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("folio watch starts");
    let pdf = dir.join("report.pdf");
    let wait_for = |what: &dyn Fn() -> bool| {
        // Bounded: 20 s at most, far above the half-second poll.
        for _ in 0..200 {
            if what() {
                return true;
            }
            std::thread::sleep(std::time::Duration::from_millis(100));
        }
        false
    };
    assert!(
        wait_for(&|| pdf.exists()),
        "the first build happens at once"
    );
    let first = std::fs::read(&pdf).unwrap();
    let src = std::fs::read_to_string(dir.join("report.toml")).unwrap();
    // A good edit: the PDF is rebuilt.
    std::thread::sleep(std::time::Duration::from_millis(1100));
    std::fs::write(
        dir.join("report.toml"),
        src.replace("Our year in review", "Our year, reviewed"),
    )
    .unwrap();
    assert!(
        wait_for(&|| std::fs::read(&pdf).is_ok_and(|b| b != first)),
        "rebuilt after a save"
    );
    let second = std::fs::read(&pdf).unwrap();
    // A broken edit: the last good PDF stays.
    std::thread::sleep(std::time::Duration::from_millis(1100));
    std::fs::write(
        dir.join("report.toml"),
        src.replace("size = \"A4\"", "size = \"B9\""),
    )
    .unwrap();
    std::thread::sleep(std::time::Duration::from_millis(2000));
    child.kill().ok();
    let output = child.wait_with_output().unwrap();
    assert_eq!(
        std::fs::read(&pdf).unwrap(),
        second,
        "the last good PDF is kept"
    );
    let err = String::from_utf8_lossy(&output.stderr);
    assert!(
        err.contains("`page.size` cannot be `B9`"),
        "the problem is printed: {err}"
    );
    assert!(err.contains("the last good PDF is kept"), "{err}");
}

#[test]
fn watch_names_what_it_watches_and_rebuilds_when_a_csv_changes() {
    let dir = tempdir("watch-csv");
    std::fs::write(
        dir.join("report.toml"),
        "[report]\ntitle = \"T\"\norganisation = \"O\"\nperiod = \"2024\"\ndate = \"2025-01-31\"\n\n[[sections]]\ntitle = \"S\"\n\n[[sections.blocks]]\ntype = \"chart\"\ncsv = \"data.csv\"\n",
    )
    .unwrap();
    std::fs::write(dir.join("data.csv"), "label,value\nA,1\nB,2\n").unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_folio"))
        .arg("watch")
        .current_dir(&dir)
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("folio watch starts");
    let pdf = dir.join("report.pdf");
    let wait_for = |what: &dyn Fn() -> bool| {
        for _ in 0..200 {
            if what() {
                return true;
            }
            std::thread::sleep(std::time::Duration::from_millis(100));
        }
        false
    };
    assert!(
        wait_for(&|| pdf.exists()),
        "the first build happens at once"
    );
    let first = std::fs::read(&pdf).unwrap();
    std::thread::sleep(std::time::Duration::from_millis(1100));
    std::fs::write(dir.join("data.csv"), "label,value\nA,1\nB,5\n").unwrap();
    assert!(
        wait_for(&|| std::fs::read(&pdf).is_ok_and(|b| b != first)),
        "rebuilt after the CSV changed"
    );
    std::thread::sleep(std::time::Duration::from_millis(300));
    child.kill().ok();
    let err = String::from_utf8_lossy(&child.wait_with_output().unwrap().stderr).into_owned();
    assert!(err.contains("watching (Ctrl-C to stop):"), "{err}");
    assert!(
        err.contains("  data.csv") && err.contains("  report.toml"),
        "{err}"
    );
    let rebuilt = err
        .lines()
        .find(|l| l.ends_with("] data.csv changed"))
        .unwrap_or_else(|| panic!("no rebuild line: {err}"));
    // `[HH:MM:SS] data.csv changed`
    let time = &rebuilt[1..9];
    assert!(
        time.len() == 8 && time.chars().filter(|c| *c == ':').count() == 2,
        "{rebuilt}"
    );
}
