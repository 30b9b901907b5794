//! Fonts the way people have them: a file that brings its bold and italic siblings, a
//! family given as one file (a warning, once, that bold is set regular), a TrueType
//! collection, OpenType with CFF outlines, and a family installed on the machine.

mod common;

use std::path::{Path, PathBuf};

/// A fresh folder for one test, removed first if a previous run left it.
fn folder(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("folio-fonts-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("type")).unwrap();
    dir
}

fn copy_font(file: &str, to: &Path) {
    std::fs::copy(
        common::root().join("fonts").join(file),
        to.join("type").join(file),
    )
    .unwrap();
}

fn report(fonts: &str) -> String {
    format!(
        r#"[report]
title = "Fonts"
organisation = "Test Trust"
period = "2024"
date = "2025-01-31"

[brand.fonts]
{fonts}

[[sections]]
title = "Type"
body = "Regular, **bold** and *italic* text."
"#
    )
}

fn resolve(source: &str, dir: &Path) -> (folio::model::Report, Vec<folio::diag::Diagnostic>) {
    let (spec, _) = folio::spec::load(source).unwrap();
    match folio::model::resolve(&spec, source, dir) {
        Ok(r) => r,
        Err(d) => panic!("{}", folio::diag::render(&d, "report.toml", source, false)),
    }
}

/// PostScript names of the body family's regular, bold, italic and bold italic faces.
fn styles(report: &folio::model::Report) -> [String; 4] {
    let f = report.fonts.family(report.body_family);
    [f.regular, f.bold, f.italic, f.bold_italic].map(|id| report.fonts.face(id).postscript.clone())
}

#[test]
fn a_font_file_brings_its_bold_and_italic_siblings_from_its_folder() {
    let dir = folder("siblings");
    for f in [
        "LiberationSans-Regular.ttf",
        "LiberationSans-Bold.ttf",
        "LiberationSans-Italic.ttf",
        "LiberationSans-BoldItalic.ttf",
    ] {
        copy_font(f, &dir);
    }
    let source = report("body = \"type/LiberationSans-Regular.ttf\"");
    let (report, warnings) = resolve(&source, &dir);
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(
        styles(&report),
        [
            "LiberationSans",
            "LiberationSans-Bold",
            "LiberationSans-Italic",
            "LiberationSans-BoldItalic"
        ]
    );
    // The faces come from the files, not the built-in family of the same name.
    let f = report.fonts.family(report.body_family);
    assert!(f.bold.0 >= 4, "{:?}", f);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_family_of_one_file_warns_once_that_bold_is_set_regular() {
    let dir = folder("single");
    copy_font("NotoSansMath-Regular.ttf", &dir);
    let source = report(
        "body = \"type/NotoSansMath-Regular.ttf\"\nheading = \"type/NotoSansMath-Regular.ttf\"",
    );
    let (spec, _) = folio::spec::load(&source).unwrap();
    let (_, warnings) = folio::model::resolve(&spec, &source, &dir).unwrap();
    let rendered = folio::diag::render(&warnings, "report.toml", &source, false);
    assert_eq!(
        rendered,
        "warning: the font family `Noto Sans Math` has no bold face: **bold** text, headings and figures are set in its regular face
 --> report.toml:8:8
  |
8 | body = \"type/NotoSansMath-Regular.ttf\"
  |        ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ only a regular face was found
  |
help: put the bold font file of `Noto Sans Math` (for example `NotoSansMath-Bold.ttf`) beside this one or in the fonts/ folder

"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// A TrueType collection of `fonts`: the 'ttcf' header, then each font with its table
/// offsets moved to where it now starts.
fn collection(fonts: &[Vec<u8>]) -> Vec<u8> {
    let header = 12 + 4 * fonts.len();
    let mut out = b"ttcf".to_vec();
    out.extend(0x0001_0000u32.to_be_bytes());
    out.extend((fonts.len() as u32).to_be_bytes());
    let mut at = header;
    let mut body = Vec::new();
    for font in fonts {
        out.extend((at as u32).to_be_bytes());
        let mut f = font.clone();
        let tables = u16::from_be_bytes([f[4], f[5]]) as usize;
        for t in 0..tables {
            let o = 12 + 16 * t + 8;
            let offset = u32::from_be_bytes([f[o], f[o + 1], f[o + 2], f[o + 3]]);
            f[o..o + 4].copy_from_slice(&(offset + at as u32).to_be_bytes());
        }
        while f.len() % 4 != 0 {
            f.push(0);
        }
        at += f.len();
        body.extend(f);
    }
    out.extend(body);
    out
}

#[test]
fn a_truetype_collection_gives_every_style_it_holds() {
    let dir = folder("collection");
    let read = |f: &str| std::fs::read(common::root().join("fonts").join(f)).unwrap();
    let ttc = collection(&[
        read("LiberationSans-Regular.ttf"),
        read("LiberationSans-Bold.ttf"),
    ]);
    std::fs::write(dir.join("type/Liberation.ttc"), ttc).unwrap();
    let source = report("body = \"type/Liberation.ttc\"");
    let (report, _) = resolve(&source, &dir);
    let [regular, bold, ..] = styles(&report);
    assert_eq!(
        [regular.as_str(), bold.as_str()],
        ["LiberationSans", "LiberationSans-Bold"]
    );
    let f = report.fonts.family(report.body_family);
    assert_eq!(report.fonts.face(f.bold).index, 1);
    // And it is embedded and drawn.
    let built = common::build_in(&source, &dir);
    common::assert_ua1_and_a2a("collection", &built.pdf);
    let _ = std::fs::remove_dir_all(&dir);
}

/// URW's Nimbus Sans: OpenType with CFF outlines, installed with Ghostscript.
const NIMBUS: &str = "/usr/share/fonts/opentype/urw-base35/NimbusSans-Regular.otf";

fn nimbus_installed() -> bool {
    if Path::new(NIMBUS).exists() {
        return true;
    }
    assert!(
        !std::env::var("CI").is_ok_and(|v| v == "true"),
        "CI installs Ghostscript, which brings the URW fonts (fonts-urw-base35)"
    );
    eprintln!("skipping: {NIMBUS} is not installed (install fonts-urw-base35)");
    false
}

#[test]
fn an_installed_family_is_found_by_name_with_its_styles_and_cff_outlines_embed() {
    if !nimbus_installed() {
        return;
    }
    let dir = folder("system");
    let source = report("body = \"Nimbus Sans\"");
    let (report, warnings) = resolve(&source, &dir);
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(
        styles(&report),
        [
            "NimbusSans-Regular",
            "NimbusSans-Bold",
            "NimbusSans-Italic",
            "NimbusSans-BoldItalic"
        ]
    );
    let built = common::build_in(&source, &dir);
    let pdf = common::Pdf::parse(&built.pdf);
    assert!(
        pdf.text().contains("Regular, bold and italic text."),
        "{}",
        pdf.text()
    );
    let fonts = pdf.font_dicts();
    assert!(
        fonts.keys().any(|k| k.contains("+NimbusSans-Bold")),
        "{:?}",
        fonts.keys()
    );
    common::assert_ua1_and_a2a("nimbus", &built.pdf);
    let _ = std::fs::remove_dir_all(&dir);
}
