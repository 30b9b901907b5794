//! Writing the PDF safely whatever is already at the output path: links planted at the old
//! temporary name, devices, pipes, long names, two builds at once, an interrupted build,
//! and the two editions failing independently.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const REPORT: &str = r#"[report]
title = "Safe"
organisation = "Test Trust"
period = "2024"
date = "2025-01-31"

[[sections]]
title = "One"
body = "Text."
"#;

fn folio(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_folio"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("folio runs")
}

fn tempdir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("folio-safety-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("report.toml"), REPORT).unwrap();
    dir
}

fn names(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn a_link_at_the_old_temporary_name_is_never_written_through() {
    let dir = tempdir("tmplink");
    let victim = dir.join("victim.txt");
    std::fs::write(&victim, "precious").unwrap();
    // folio 0.1 wrote to `.report.pdf.folio-tmp`: a link there redirected the write.
    std::os::unix::fs::symlink(&victim, dir.join(".report.pdf.folio-tmp")).unwrap();
    let o = folio(&dir, &["build"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "precious");
    assert!(
        std::fs::read(dir.join("report.pdf"))
            .unwrap()
            .starts_with(b"%PDF-")
    );
    // No temporary file is left beside the PDF.
    assert!(
        names(&dir).iter().all(|n| !n.starts_with(".folio-")),
        "{:?}",
        names(&dir)
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_device_is_written_into_never_replaced() {
    let dir = tempdir("device");
    let o = folio(&dir, &["build", "-o", "/dev/null", "--force"]);
    assert!(o.status.success(), "{}", stderr(&o));
    use std::os::unix::fs::FileTypeExt;
    let meta = std::fs::metadata("/dev/null").unwrap();
    assert!(
        meta.file_type().is_char_device(),
        "/dev/null is still a device"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_pipe_nobody_reads_is_refused_at_once_and_left_a_pipe() {
    let dir = tempdir("fifo");
    let fifo = dir.join("out.pdf");
    let c = std::ffi::CString::new(fifo.as_os_str().as_encoded_bytes()).unwrap();
    // SAFETY: a valid NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o644) }, 0);
    let o = folio(&dir, &["build", "-o", "out.pdf"]);
    assert_eq!(o.status.code(), Some(3), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("a named pipe that nothing is reading"),
        "{}",
        stderr(&o)
    );
    use std::os::unix::fs::FileTypeExt;
    assert!(std::fs::metadata(&fifo).unwrap().file_type().is_fifo());
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_pipe_with_a_reader_gets_the_whole_pdf() {
    let dir = tempdir("fifo-read");
    let fifo = dir.join("out.pdf");
    let c = std::ffi::CString::new(fifo.as_os_str().as_encoded_bytes()).unwrap();
    // SAFETY: as above.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o644) }, 0);
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::read(fifo).unwrap())
    };
    // The reader opens the pipe first, so the write finds it.
    std::thread::sleep(std::time::Duration::from_millis(200));
    let o = folio(&dir, &["build", "-o", "out.pdf"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let bytes = reader.join().unwrap();
    let end = String::from_utf8_lossy(&bytes[bytes.len().saturating_sub(16)..]).into_owned();
    assert!(
        bytes.starts_with(b"%PDF-") && end.trim_end().ends_with("%%EOF"),
        "{end:?}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_folder_at_the_output_path_is_refused() {
    let dir = tempdir("folder");
    std::fs::create_dir(dir.join("report.pdf")).unwrap();
    let o = folio(&dir, &["build", "--force"]);
    assert_eq!(o.status.code(), Some(3));
    assert!(stderr(&o).contains("it is a folder"), "{}", stderr(&o));
    assert!(dir.join("report.pdf").is_dir());
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_longest_legal_name_can_be_written() {
    let dir = tempdir("long");
    // 255 bytes is the longest name most file systems allow.
    let name = format!("{}.pdf", "a".repeat(251));
    let o = folio(&dir, &["build", "-o", &name]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        std::fs::read(dir.join(&name))
            .unwrap()
            .starts_with(b"%PDF-")
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn concurrent_builds_to_one_output_each_end_with_one_complete_pdf() {
    let dir = tempdir("concurrent");
    let runs: Vec<_> = (0..12)
        .map(|_| {
            Command::new(env!("CARGO_BIN_EXE_folio"))
                .args(["build", "-q", "-o", "same.pdf"])
                .current_dir(&dir)
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    for r in runs {
        let o = r.wait_with_output().unwrap();
        assert!(o.status.success(), "{}", stderr(&o));
    }
    let pdf = std::fs::read(dir.join("same.pdf")).unwrap();
    let alone = folio(&dir, &["build", "-q", "-o", "alone.pdf"]);
    assert!(alone.status.success());
    assert_eq!(
        pdf,
        std::fs::read(dir.join("alone.pdf")).unwrap(),
        "complete and identical"
    );
    assert_eq!(names(&dir), vec!["alone.pdf", "report.toml", "same.pdf"]);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn sigterm_ends_folio_cleanly_with_nothing_left_behind() {
    let dir = tempdir("sigterm");
    let mut watch = Command::new(env!("CARGO_BIN_EXE_folio"))
        .args(["watch"])
        .current_dir(&dir)
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    while !dir.join("report.pdf").exists() && std::time::Instant::now() < deadline {
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    // SAFETY: sending a signal to our own child.
    unsafe { libc::kill(watch.id() as i32, libc::SIGTERM) };
    let status = watch.wait().unwrap();
    use std::os::unix::process::ExitStatusExt;
    assert_eq!(
        status.code().or(status.signal().map(|s| 128 + s)),
        Some(128 + libc::SIGTERM)
    );
    assert_eq!(names(&dir), vec!["report.pdf", "report.toml"]);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn an_edition_that_fails_leaves_the_other_written_and_says_which() {
    let dir = tempdir("editions");
    // A clip path: the reader edition draws it, the print edition cannot in inks.
    std::fs::write(
        dir.join("clip.svg"),
        r##"<svg xmlns="http://www.w3.org/2000/svg" width="100" height="50"><defs><clipPath id="c"><circle cx="25" cy="25" r="20"/></clipPath></defs><rect width="100" height="50" fill="#005EB8" clip-path="url(#c)"/></svg>"##,
    )
    .unwrap();
    let src = format!(
        "{REPORT}\n[[sections.blocks]]\ntype = \"image\"\nfile = \"clip.svg\"\nalt = \"A shape\"\n"
    );
    std::fs::write(dir.join("report.toml"), src).unwrap();
    std::fs::write(
        dir.join("report-print.pdf"),
        b"%PDF-1.7\n% the last print edition\n",
    )
    .unwrap();
    let o = folio(&dir, &["build", "--edition", "both"]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(err.starts_with("wrote report.pdf"), "{err}");
    assert!(
        err.contains("error: the print edition was not written: 1 error in report.toml"),
        "{err}"
    );
    assert!(
        std::fs::read(dir.join("report.pdf"))
            .unwrap()
            .starts_with(b"%PDF-")
    );
    assert_eq!(
        std::fs::read(dir.join("report-print.pdf")).unwrap(),
        b"%PDF-1.7\n% the last print edition\n",
        "the failed edition's last good file is kept"
    );
    let _ = std::fs::remove_dir_all(&dir);
}
