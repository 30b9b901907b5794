//! `folio batch` as a user runs it: one PDF per row, values filled in safely, problems that
//! point at the template's line and the data's row and column, bad rows that do not stop
//! the others, and shards whose union is the whole batch, byte for byte.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn folio(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_folio"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("folio runs")
}

/// A fresh folder holding the test template and data files.
fn workdir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("folio-batch-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let data = common::root().join("tests/data/batch");
    for f in ["template.toml", "trusts.csv", "trusts.toml", "trusts.json"] {
        std::fs::copy(data.join(f), dir.join(f)).unwrap();
    }
    dir
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Every file under `dir`, by path relative to it, with its bytes.
fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        out.insert(name, std::fs::read(&path).unwrap());
    }
    out
}

fn text(pdf: &[u8]) -> String {
    common::normalise(&common::Pdf::parse(pdf).text())
}

#[test]
fn one_pdf_per_row_with_the_rows_values_in_it() {
    let dir = workdir("rows");
    let o = folio(
        &dir,
        &["batch", "template.toml", "trusts.csv", "-o", "out/{id}.pdf"],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let out = files(&dir.join("out"));
    let names: Vec<&str> = out.keys().map(String::as_str).collect();
    assert_eq!(
        names,
        ["bath.pdf", "hull.pdf", "kent.pdf", "leeds.pdf", "york.pdf"]
    );
    let leeds = text(&out["leeds.pdf"]);
    assert!(leeds.contains("A year at Leeds, West"), "{leeds}");
    assert!(leeds.contains("42,000 people used the app"), "{leeds}");
    assert!(leeds.contains("Published 31 January 2025"), "{leeds}");
    // A value's quotes and line break are its own text, not TOML (set with typographer's
    // quotes, like any text).
    let york = text(&out["york.pdf"]);
    assert!(
        york.contains("York’s “good” year: two lines in one value."),
        "{york}"
    );
    assert!(york.contains("7 people used the app"), "{york}");
    assert!(
        stderr(&o).starts_with("wrote 5 reports (5 PDFs"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn a_value_cannot_change_the_reports_structure() {
    let dir = workdir("inject");
    // A title that tries to close its string and start a table; a body that tries to end
    // its multi-line string.
    std::fs::write(
        dir.join("evil.csv"),
        "id,trust,date,users,story\n\
         evil,\"X\"\" [page] size = \"\"A5\",2025-01-31,1,\"\"\"\"\"\"\"\n[page]\nsize = \"\"A5\"\"\"\n",
    )
    .unwrap();
    let o = folio(
        &dir,
        &["batch", "template.toml", "evil.csv", "-o", "{id}.pdf"],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let pdf = std::fs::read(dir.join("evil.pdf")).unwrap();
    let parsed = common::Pdf::parse(&pdf);
    // Still A4 (841.89 pt tall), with the injected text printed as text.
    assert!((parsed.page_height(0) - 841.89).abs() < 0.5);
    let text = text(&pdf);
    // Printed as text, with typographer's quotes like any text.
    assert!(text.contains("A year at X” [page] size = “A5"), "{text}");
    assert!(text.contains("“““ [page] size = “A5”"), "{text}");
}

#[test]
fn a_bad_row_fails_alone_pointing_at_the_template_and_the_data() {
    let dir = workdir("bad");
    let csv = std::fs::read_to_string(dir.join("trusts.csv")).unwrap();
    let csv = csv
        .replace("Hull,2025-03-31,1200", "Hull,2025-03-31,lots")
        .replace("Bath,2025-04-30", "Bath,2025-13-45");
    std::fs::write(dir.join("bad.csv"), csv).unwrap();
    let o = folio(
        &dir,
        &["batch", "template.toml", "bad.csv", "-o", "out/{id}.pdf"],
    );
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let err = stderr(&o);
    // The number: at the placeholder in the template, and the cell in the data.
    assert!(
        err.contains("`lots` is not a number; the template uses it as one"),
        "{err}"
    );
    assert!(err.contains("--> template.toml:23:10"), "{err}");
    assert!(err.contains("from `users` in row 3, bad.csv:5:22"), "{err}");
    // The date: found by the report's own checks, and still traced to its cell.
    assert!(err.contains("from `date` in row 4, bad.csv:6:11"), "{err}");
    // The summary lists both, and the other rows were written.
    assert!(err.contains("error: 2 of 5 rows failed:"), "{err}");
    assert!(
        err.contains("row 3 of bad.csv (line 5): template.toml:23:10:"),
        "{err}"
    );
    let written: Vec<String> = files(&dir.join("out")).into_keys().collect();
    assert_eq!(written, ["kent.pdf", "leeds.pdf", "york.pdf"]);
}

#[test]
fn a_placeholder_the_data_lacks_stops_before_anything_is_built() {
    let dir = workdir("unknown");
    let t = std::fs::read_to_string(dir.join("template.toml")).unwrap();
    std::fs::write(dir.join("t.toml"), t.replace("{{ users }}", "{{ user }}")).unwrap();
    let o = folio(
        &dir,
        &["batch", "t.toml", "trusts.csv", "-o", "out/{id}.pdf"],
    );
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(
        err.contains("`{{ user }}` names no column of trusts.csv"),
        "{err}"
    );
    assert!(err.contains("--> t.toml:23:10"), "{err}");
    assert!(err.contains("did you mean `users`?"), "{err}");
    assert!(!dir.join("out").exists());
}

#[test]
fn toml_and_json_rows_make_the_same_pdfs_as_csv() {
    let dir = workdir("formats");
    for (data, out) in [
        ("trusts.csv", "csv"),
        ("trusts.toml", "toml"),
        ("trusts.json", "json"),
    ] {
        let pattern = format!("{out}/{{id}}.pdf");
        let o = folio(&dir, &["batch", "template.toml", data, "-o", &pattern]);
        assert!(o.status.success(), "{data}: {}", stderr(&o));
    }
    let csv = files(&dir.join("csv"));
    for other in ["toml", "json"] {
        let got = files(&dir.join(other));
        assert_eq!(got.len(), 2);
        for (name, bytes) in got {
            assert!(csv[&name] == bytes, "{other}/{name} differs from the CSV's");
        }
    }
}

#[test]
fn shards_together_make_the_whole_batch_byte_for_byte() {
    let dir = workdir("shards");
    let args = [
        "batch",
        "template.toml",
        "trusts.csv",
        "--edition",
        "both",
        "-q",
    ];
    let whole = folio(&dir, &[&args[..], &["-o", "all/{id}.pdf"]].concat());
    assert!(whole.status.success(), "{}", stderr(&whole));
    let mut union = BTreeMap::new();
    for k in 1..=3 {
        let shard = format!("{k}/3");
        let o = folio(
            &dir,
            &[&args[..], &["-o", "shard/{id}.pdf", "--shard", &shard]].concat(),
        );
        assert!(o.status.success(), "{}", stderr(&o));
        let got = files(&dir.join("shard"));
        // Each shard adds files no other shard wrote.
        let new: Vec<_> = got
            .into_iter()
            .filter(|(n, _)| !union.contains_key(n))
            .collect();
        assert!(!new.is_empty(), "shard {shard} wrote nothing");
        union.extend(new);
    }
    let all = files(&dir.join("all"));
    assert_eq!(all.len(), 10, "five rows, two editions each");
    assert_eq!(
        union.keys().collect::<Vec<_>>(),
        all.keys().collect::<Vec<_>>()
    );
    for (name, bytes) in &all {
        assert!(
            union[name] == *bytes,
            "{name} differs between the shards and the whole batch"
        );
    }
    // A retried shard rewrites the same bytes.
    let o = folio(
        &dir,
        &[&args[..], &["-o", "shard/{id}.pdf", "--shard", "2/3"]].concat(),
    );
    assert!(o.status.success());
    assert_eq!(files(&dir.join("shard")), union);
}

#[test]
fn a_row_whose_print_edition_fails_still_gets_its_reader_edition() {
    let dir = workdir("editions");
    // A clip path cannot be drawn in the print edition's inks; the reader edition can.
    std::fs::write(
        dir.join("clip.svg"),
        r##"<svg xmlns="http://www.w3.org/2000/svg" width="100" height="50"><defs><clipPath id="c"><circle cx="25" cy="25" r="20"/></clipPath></defs><rect width="100" height="50" fill="#005EB8" clip-path="url(#c)"/></svg>"##,
    )
    .unwrap();
    let t = std::fs::read_to_string(dir.join("template.toml")).unwrap();
    let t = t.replace(
        "[numbers]",
        "[brand]\nlogo = \"clip.svg\"\nlogo_alt = \"Logo\"\n\n[numbers]",
    );
    std::fs::write(dir.join("clip.toml"), t).unwrap();
    let o = folio(
        &dir,
        &[
            "batch",
            "clip.toml",
            "trusts.csv",
            "-o",
            "out/{id}.pdf",
            "--edition",
            "both",
        ],
    );
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(
        err.contains("the print edition cannot carry `clip.svg`: it uses a clip path"),
        "{err}"
    );
    assert!(err.contains("out/leeds.pdf was written"), "{err}");
    assert!(err.contains("(5 PDFs,") || err.contains("5 PDFs"), "{err}");
    let written: Vec<String> = files(&dir.join("out")).into_keys().collect();
    assert_eq!(
        written,
        ["bath.pdf", "hull.pdf", "kent.pdf", "leeds.pdf", "york.pdf"],
        "every reader edition, no print edition"
    );
}

#[test]
fn a_long_value_in_many_placeholders_cannot_make_a_huge_report() {
    let dir = workdir("huge");
    let t = std::fs::read_to_string(dir.join("template.toml")).unwrap();
    // 400 copies of a 60 KB story would be 24 MB, more than a report.toml may be.
    let many = "\n[[sections]]\ntitle = \"More\"\nbody = \"\"\"\n{{ story }}\n\"\"\"\n".repeat(400);
    std::fs::write(dir.join("many.toml"), format!("{t}{many}")).unwrap();
    let long = "word ".repeat(12_000);
    std::fs::write(
        dir.join("one.csv"),
        format!("id,trust,date,users,story\nleeds,Leeds,2025-01-31,4,{long}\n"),
    )
    .unwrap();
    let o = folio(
        &dir,
        &["batch", "many.toml", "one.csv", "-o", "out/{id}.pdf"],
    );
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(
        err.contains("the row's report would be more than the 16 MB a report.toml may be"),
        "{}",
        &err[..err.len().min(2000)]
    );
    assert!(!dir.join("out").exists() || files(&dir.join("out")).is_empty());
}
