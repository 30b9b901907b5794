//! `folio import` on files that are not documents, damaged or hostile ones, and the command
//! line's refusals: each a clear message, never a panic, nothing half-written.

mod word;

use std::io::{Cursor, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn import_err(bytes: Vec<u8>) -> String {
    match folio::import::import(bytes, &word::options("bad.docx")) {
        Ok(_) => panic!("imported"),
        Err(e) => e.to_string(),
    }
}

/// A zip of the given parts, deflated.
fn zip(parts: &[(&str, &[u8])]) -> Vec<u8> {
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (name, bytes) in parts {
        out.start_file(*name, zip::write::SimpleFileOptions::default())
            .unwrap();
        out.write_all(bytes).unwrap();
    }
    out.finish().unwrap().into_inner()
}

fn sample() -> Vec<u8> {
    std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/import/sample.docx"))
        .unwrap()
}

#[test]
fn files_that_are_not_documents_say_what_they_are() {
    assert_eq!(
        import_err(b"Dear all, here is the draft".to_vec()),
        "it is not a zip package, so not a DOCX or ODT file (a .doc from Word 97–2003 must be \
         saved as .docx first)"
    );
    assert_eq!(
        import_err(zip(&[("notes.txt", b"hello")])),
        "it is a zip file, but neither a Word document (.docx) nor an OpenDocument text (.odt)"
    );
    let rels = br#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#;
    let workbook =
        br#"<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>"#;
    assert_eq!(
        import_err(zip(&[
            ("[Content_Types].xml", b"<Types/>"),
            ("_rels/.rels", rels),
            ("xl/workbook.xml", workbook)
        ])),
        "it is an Office file, but not a Word document (a spreadsheet or a presentation?)"
    );
    assert_eq!(
        import_err(zip(&[
            (
                "mimetype",
                b"application/vnd.oasis.opendocument.spreadsheet"
            ),
            ("content.xml", b"<x/>")
        ])),
        "it is an OpenDocument file, but not a text document (a spreadsheet or a presentation?)"
    );
    let empty = word::pack(word::word());
    assert_eq!(
        import_err(empty),
        "it holds no text, tables or images to import"
    );
}

#[test]
fn damaged_packages_are_named_as_damaged() {
    let good = sample();
    let cut = good[..good.len() / 2].to_vec();
    assert!(
        import_err(cut).starts_with("its zip structure is damaged"),
        "cut in half"
    );
    // Garble the compressed text of the document part: the inflater or the checksum fails.
    let at = good
        .windows(17)
        .position(|w| w == b"word/document.xml")
        .unwrap();
    let mut garbled = good.clone();
    for b in &mut garbled[at + 60..at + 400] {
        *b ^= 0x5A;
    }
    let e = import_err(garbled);
    assert!(
        e.starts_with("its part word/document.xml is damaged")
            || e.starts_with("word/document.xml is not well-formed XML"),
        "{e}"
    );
    let broken_xml = zip(&[
        ("[Content_Types].xml", b"<Types/>"),
        (
            "_rels/.rels",
            br#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#,
        ),
        ("word/document.xml", b"<w:document xmlns:w=\"x\"><w:body>"),
    ]);
    assert_eq!(
        import_err(broken_xml),
        "word/document.xml is not well-formed XML (it ends before its elements are closed)"
    );
}

#[test]
fn a_zip_bomb_stops_at_the_inflate_limit() {
    // 40 MB of spaces in the document part, which deflate to under 100 KB.
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default().compression_level(Some(1));
    out.start_file("[Content_Types].xml", opts).unwrap();
    out.write_all(b"<Types/>").unwrap();
    out.start_file("_rels/.rels", opts).unwrap();
    out.write_all(br#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#).unwrap();
    out.start_file("word/document.xml", opts).unwrap();
    let chunk = vec![b' '; 1 << 20];
    for _ in 0..40 {
        out.write_all(&chunk).unwrap();
    }
    let bomb = out.finish().unwrap().into_inner();
    assert!(bomb.len() < 1 << 20, "{} bytes", bomb.len());
    assert_eq!(
        import_err(bomb),
        "its part word/document.xml inflates to more than 32 MB"
    );
}

#[test]
fn a_missing_or_unplaceable_image_is_a_note_and_the_report_still_builds() {
    let d = word::word()
        .add_paragraph(word::styled("Heading1", "Pictures"))
        .add_paragraph(
            docx_rs::Paragraph::new().add_run(docx_rs::Run::new().add_image(
                docx_rs::Pic::new_with_dimensions(b"\x01\x00\x00\x00 EMF".to_vec(), 20, 10),
            )),
        )
        .add_paragraph(docx_rs::Paragraph::new().add_run(
            docx_rs::Run::new().add_image(docx_rs::Pic::new_with_dimensions(
                b"gone".to_vec(),
                20,
                10,
            )),
        ));
    let packed = word::pack(d);
    // Remove the second picture's part from the package.
    let second = {
        let z = zip::ZipArchive::new(Cursor::new(&packed)).unwrap();
        let mut media: Vec<String> = z
            .file_names()
            .filter_map(|n| n.ok().map(|n| n.to_string()))
            .filter(|n| n.starts_with("word/media/"))
            .collect();
        media.sort();
        media.pop().unwrap()
    };
    let mut z = zip::ZipArchive::new(Cursor::new(&packed)).unwrap();
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for i in 0..z.len() {
        let mut f = z.by_index(i).unwrap();
        let name = f.name().unwrap().to_string();
        if name == second {
            continue;
        }
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(&mut f, &mut bytes).unwrap();
        out.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        out.write_all(&bytes).unwrap();
    }
    let docx = out.finish().unwrap().into_inner();
    let r = word::import("unplaceable", "pictures.docx", docx);
    assert!(
        r.toml
            .contains("# TODO: images/image-1.emf is EMF and folio places SVG, PNG and JPEG"),
        "{}",
        r.toml
    );
    assert!(r.toml.contains("# [[sections.blocks]]\n# type = \"image\""));
    assert!(r.toml.contains(&format!("an image ({second}) is missing")));
    assert!(r.blocks().is_empty());
    // With no block left, the report still builds from its text.
    mod_common_build(&r);
}

fn mod_common_build(r: &word::Imported) {
    match folio::build::compile(&r.toml, &r.dir) {
        Ok(_) => {}
        Err(folio::build::Failure::Report(d)) => {
            panic!("{}", folio::diag::render(&d, "report.toml", &r.toml, false))
        }
        Err(e) => panic!("{e:?}"),
    }
}

fn folio(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_folio"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("folio runs")
}

fn tempdir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("folio-import-cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn the_command_writes_report_toml_and_images_and_never_replaces_without_force() {
    let dir = tempdir("write");
    std::fs::write(dir.join("draft.docx"), sample()).unwrap();
    // Standard output: report.toml there, images in ./images.
    let o = folio(&dir, &["import", "draft.docx"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let toml = String::from_utf8(o.stdout).unwrap();
    assert!(toml.contains("title = \"Our year in community health 2023/24\""));
    assert!(dir.join("images/image-1.png").is_file());
    // -o: written; a second time refused, the file untouched; --force replaces.
    let o = folio(&dir, &["import", "draft.docx", "-o", "out/report.toml"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(
        std::fs::read_to_string(dir.join("out/report.toml")).unwrap(),
        toml
    );
    assert!(dir.join("out/images/image-2.png").is_file());
    std::fs::write(dir.join("out/report.toml"), "# mine").unwrap();
    let o = folio(&dir, &["import", "draft.docx", "-o", "out/report.toml"]);
    assert_eq!(o.status.code(), Some(3));
    assert_eq!(
        stderr(&o),
        "error: out/report.toml exists; refusing to replace it (use --force to replace it)\n"
    );
    assert_eq!(
        std::fs::read_to_string(dir.join("out/report.toml")).unwrap(),
        "# mine"
    );
    // An image of the same name with other content is not replaced either.
    std::fs::remove_file(dir.join("out/report.toml")).unwrap();
    std::fs::write(dir.join("out/images/image-1.png"), b"my own picture").unwrap();
    let o = folio(&dir, &["import", "draft.docx", "-o", "out/report.toml"]);
    assert_eq!(o.status.code(), Some(3), "{}", stderr(&o));
    assert!(stderr(&o).contains("image-1.png already exists with other content"));
    assert!(!dir.join("out/report.toml").exists(), "nothing written");
    let o = folio(
        &dir,
        &["import", "draft.docx", "-o", "out/report.toml", "--force"],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert_ne!(
        std::fs::read(dir.join("out/images/image-1.png")).unwrap(),
        b"my own picture"
    );
    // The result builds as it is.
    let o = folio(&dir.join("out"), &["build"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stderr(&o).contains("warning: still to do: describe this image"));
    // --images chooses the folder, which must be inside report.toml's folder.
    let o = folio(
        &dir,
        &[
            "import",
            "draft.docx",
            "-o",
            "b/report.toml",
            "--images",
            "b/pictures/2024",
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let b = std::fs::read_to_string(dir.join("b/report.toml")).unwrap();
    assert!(b.contains("file = \"pictures/2024/image-1.png\""));
    let o = folio(
        &dir,
        &[
            "import",
            "draft.docx",
            "-o",
            "c/report.toml",
            "--images",
            "elsewhere",
        ],
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("--images elsewhere is not inside c"),
        "{}",
        stderr(&o)
    );
    assert!(!dir.join("c").exists());
}

#[test]
fn the_command_names_a_bad_input_and_writes_nothing() {
    let dir = tempdir("bad");
    std::fs::write(dir.join("draft.docx"), b"not really a document").unwrap();
    let o = folio(&dir, &["import", "draft.docx", "-o", "report.toml"]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        stderr(&o),
        "error: cannot import draft.docx: it is not a zip package, so not a DOCX or ODT file (a \
         .doc from Word 97–2003 must be saved as .docx first)\n"
    );
    assert!(!dir.join("report.toml").exists());
    let o = folio(&dir, &["import", "missing.docx"]);
    assert_eq!(o.status.code(), Some(3));
    assert!(stderr(&o).starts_with("error: cannot read missing.docx: "));
    let o = folio(&dir, &["import", "draft.docx", "-o", "draft.docx"]);
    assert_eq!(o.status.code(), Some(3));
    assert!(stderr(&o).contains("refusing to write report.toml over the document"));
    std::fs::remove_dir_all(&dir).unwrap();
}
