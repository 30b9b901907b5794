//! The print edition read back as a prepress checker would: page boxes, output intent,
//! PDF/X identification, colour spaces, black text, fonts, and the print preflight.

mod common;

use common::Pdf;
use folio::build::{Editions, Failure, compile_editions};
use lopdf::Object;
use lopdf::content::Content;

const BLEED_PT: f64 = 3.0 * 72.0 / 25.4;

fn print_edition(source: &str, base: &std::path::Path) -> folio::build::Built {
    let editions = Editions {
        reader: false,
        print: Some(true),
        web: false,
    };
    match compile_editions(source, base, editions, "report-print.pdf") {
        Ok(b) => b,
        Err(Failure::Report(d)) => {
            panic!("{}", folio::diag::render(&d, "report.toml", source, false))
        }
        Err(e) => panic!("{e:?}"),
    }
}

fn shipped() -> Vec<u8> {
    let source = std::fs::read_to_string(common::root().join("report.toml")).unwrap();
    print_edition(&source, &common::root())
        .print
        .expect("print edition")
}

fn rect(pdf: &Pdf, page: lopdf::ObjectId, key: &[u8]) -> [f64; 4] {
    let d = pdf.doc.get_dictionary(page).unwrap();
    let Ok(Object::Array(a)) = d
        .get(key)
        .map(|o| pdf.doc.dereference(o).unwrap().1.clone())
    else {
        panic!("{} missing", String::from_utf8_lossy(key))
    };
    let v: Vec<f64> = a.iter().map(|n| n.as_float().unwrap() as f64).collect();
    [v[0], v[1], v[2], v[3]]
}

#[test]
fn every_page_has_trim_bleed_and_media_boxes_for_marks() {
    let pdf = Pdf::parse(&shipped());
    assert_eq!(pdf.pages.len(), 8, "same pages as the reader edition");
    for &page in &pdf.pages {
        let trim = rect(&pdf, page, b"TrimBox");
        let bleed = rect(&pdf, page, b"BleedBox");
        let media = rect(&pdf, page, b"MediaBox");
        for i in 0..2 {
            assert!(
                (trim[i] - bleed[i] - BLEED_PT).abs() < 0.01,
                "{trim:?} {bleed:?}"
            );
            assert!(
                (bleed[i + 2] - trim[i + 2] - BLEED_PT).abs() < 0.01,
                "{trim:?} {bleed:?}"
            );
            assert!(
                media[i] <= bleed[i] - 20.0 && media[i + 2] >= bleed[i + 2] + 20.0,
                "room for marks"
            );
        }
        // The trim is A4.
        assert!(
            (trim[2] - trim[0] - 595.276).abs() < 0.01 && (trim[3] - trim[1] - 841.89).abs() < 0.01
        );
    }
}

#[test]
fn the_output_intent_is_pdfx_with_an_embedded_cmyk_profile() {
    let pdf = Pdf::parse(&shipped());
    let intents = pdf.catalog().get(b"OutputIntents").expect("OutputIntents");
    let Object::Array(intents) = pdf.doc.dereference(intents).unwrap().1.clone() else {
        panic!()
    };
    assert_eq!(intents.len(), 1);
    let intent = pdf
        .doc
        .dereference(&intents[0])
        .unwrap()
        .1
        .as_dict()
        .unwrap()
        .clone();
    assert_eq!(intent.get(b"S").unwrap().as_name().unwrap(), b"GTS_PDFX");
    let profile = intent
        .get(b"DestOutputProfile")
        .unwrap()
        .as_reference()
        .unwrap();
    let Object::Stream(s) = pdf.doc.get_object(profile).unwrap() else {
        panic!()
    };
    assert_eq!(
        s.dict.get(b"N").unwrap().as_i64().unwrap(),
        4,
        "a CMYK profile"
    );
    let icc = s.decompressed_content().unwrap();
    assert_eq!(&icc[16..20], b"CMYK", "the ICC header's colour space");
    assert_eq!(&icc[12..16], b"prtr", "an output (printer) profile");
}

#[test]
fn pdfx4_is_named_in_the_information_and_the_xmp() {
    let bytes = shipped();
    let pdf = Pdf::parse(&bytes);
    let info = pdf.info();
    assert_eq!(
        info.get(b"GTS_PDFXVersion").unwrap().as_str().unwrap(),
        b"PDF/X-4"
    );
    assert_eq!(info.get(b"Trapped").unwrap().as_name().unwrap(), b"False");
    let meta = pdf
        .catalog()
        .get(b"Metadata")
        .unwrap()
        .as_reference()
        .unwrap();
    let Object::Stream(s) = pdf.doc.get_object(meta).unwrap() else {
        panic!()
    };
    let xmp = String::from_utf8(s.content.clone()).unwrap();
    assert!(xmp.contains("<pdfxid:GTS_PDFXVersion>PDF/X-4</pdfxid:GTS_PDFXVersion>"));
    assert!(xmp.contains("2020 – a year in health technology"));
    assert_eq!(bytes, shipped(), "the print edition is reproducible too");
}

#[test]
fn no_device_rgb_anywhere_and_body_text_is_100_percent_black() {
    let pdf = Pdf::parse(&shipped());
    for (id, obj) in &pdf.doc.objects {
        if let Object::Stream(s) = obj {
            assert!(
                !matches!(
                    s.dict.get(b"ColorSpace").and_then(|c| c.as_name()),
                    Ok(b"DeviceRGB")
                ),
                "object {id:?} is DeviceRGB"
            );
            if let Ok(g) = s.dict.get(b"Group").and_then(|g| g.as_dict()) {
                assert!(!matches!(
                    g.get(b"CS").and_then(|c| c.as_name()),
                    Ok(b"DeviceRGB")
                ));
            }
        }
    }
    let mut body_runs = 0;
    for &page in &pdf.pages {
        let ops = Content::decode(&pdf.doc.get_page_content(page))
            .unwrap()
            .operations;
        let mut fill: Vec<f32> = Vec::new();
        let mut size = 0.0;
        for op in ops {
            match op.operator.as_str() {
                "rg" | "RG" => panic!("device RGB colour operator in a content stream"),
                "k" => fill = op.operands.iter().map(|o| o.as_float().unwrap()).collect(),
                "sc" | "scn" => fill = Vec::new(),
                "Tf" => size = op.operands[1].as_float().unwrap(),
                "TJ" | "Tj" if (size - 10.5).abs() < 0.01 && fill == vec![0.0, 0.0, 0.0, 1.0] => {
                    body_runs += 1;
                }
                _ => {}
            }
        }
    }
    assert!(body_runs > 50, "body text runs in 0 0 0 1 k: {body_runs}");
}

#[test]
fn all_fonts_are_embedded() {
    let pdf = Pdf::parse(&shipped());
    for (name, (_, fd)) in pdf.font_dicts() {
        let fd = fd.unwrap_or_else(|| panic!("{name}"));
        assert!(
            fd.get(b"FontFile2").is_ok() || fd.get(b"FontFile3").is_ok(),
            "{name}"
        );
    }
}

#[test]
fn ghostscript_renders_the_print_edition_without_error() {
    let Ok(gs) = which("gs") else {
        eprintln!("Ghostscript is not installed here; .ci/run installs it and runs this check");
        return;
    };
    let path = std::env::temp_dir().join(format!("folio-print-{}.pdf", std::process::id()));
    std::fs::write(&path, shipped()).unwrap();
    let out = std::process::Command::new(gs)
        .args([
            "-q",
            "-dNOPAUSE",
            "-dBATCH",
            "-dSAFER",
            "-sDEVICE=nullpage",
            "-dPDFSTOPONERROR",
        ])
        .arg(&path)
        .output()
        .unwrap();
    let _ = std::fs::remove_file(&path);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn which(cmd: &str) -> Result<std::path::PathBuf, ()> {
    std::env::var_os("PATH")
        .and_then(|p| {
            std::env::split_paths(&p)
                .map(|d| d.join(cmd))
                .find(|c| c.is_file())
        })
        .ok_or(())
}

const SMALL: &str = r#"[report]
title = "Print"
organisation = "Test Trust"
period = "2024"
date = "2025-01-31"
"#;

#[test]
fn a_png_logo_is_converted_to_cmyk_and_its_resolution_is_reported() {
    let source = format!(
        "{SMALL}[brand]\nlogo = \"logo.png\"\nlogo_alt = \"Logo\"\n[[sections]]\ntitle = \"One\"\n"
    );
    let built = print_edition(&source, &common::root().join("tests/data"));
    let messages: Vec<&str> = built.warnings.iter().map(|d| d.message.as_str()).collect();
    assert!(
        messages.contains(
            &"the image `logo.png` on cover is 254 dpi at its printed size; print needs 300"
        ),
        "{messages:#?}"
    );
    let pdf = Pdf::parse(built.print.as_ref().unwrap());
    let mut cmyk_images = 0;
    for obj in pdf.doc.objects.values() {
        if let Object::Stream(s) = obj
            && s.dict
                .get(b"Subtype")
                .and_then(|t| t.as_name())
                .is_ok_and(|t| t == b"Image")
            && s.dict
                .get(b"Width")
                .and_then(|w| w.as_i64())
                .is_ok_and(|w| w == 600)
        {
            assert_eq!(
                s.dict.get(b"ColorSpace").unwrap().as_name().unwrap(),
                b"DeviceCMYK"
            );
            cmyk_images += 1;
        }
    }
    assert_eq!(
        cmyk_images, 1,
        "the logo is one CMYK image, used on both covers"
    );
}

#[test]
fn an_rgb_jpeg_stops_the_print_build() {
    let dir = std::env::temp_dir().join(format!("folio-rgb-jpeg-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::copy(
        common::root().join("tests/data/photo-rgb.jpg"),
        dir.join("photo.jpg"),
    )
    .unwrap();
    let source = format!(
        "{SMALL}[[sections]]\ntitle = \"One\"\n[[sections.blocks]]\ntype = \"image\"\nfile = \"photo.jpg\"\nalt = \"A photo\"\n"
    );
    let editions = Editions {
        reader: false,
        print: Some(true),
        web: false,
    };
    let Err(Failure::Report(d)) = compile_editions(&source, &dir, editions, "x.pdf") else {
        panic!("an RGB JPEG stops the print build")
    };
    let _ = std::fs::remove_dir_all(&dir);
    assert!(
        d.iter().any(|d| d.message
            == "`file`: the print edition cannot carry `photo.jpg`: it is an RGB JPEG"),
        "{d:#?}"
    );
}

#[test]
fn derived_print_colours_are_one_notice_whose_lines_paste_in_as_they_are() {
    let source = format!(
        "{SMALL}[brand.colours]\nprimary = \"#006D77\"\naccent = \"#41B6E6\"\n[[sections]]\ntitle = \"One\"\n"
    );
    let built = print_edition(&source, &common::root());
    let derived: Vec<&folio::diag::Diagnostic> = built
        .warnings
        .iter()
        .filter(|d| d.message.contains("no print values"))
        .collect();
    assert_eq!(derived.len(), 1, "one notice: {:#?}", built.warnings);
    assert!(
        derived[0]
            .message
            .starts_with("4 brand colours have no print values"),
        "{}",
        derived[0].message
    );
    let help = derived[0].help.as_deref().unwrap();
    let lines: Vec<&str> = help.lines().skip(1).map(str::trim).collect();
    assert_eq!(
        lines[0],
        "primary = { hex = \"#006D77\", cmyk = [73, 0, 22, 53] }"
    );
    assert_eq!(
        lines[1],
        "accent = { hex = \"#41B6E6\", cmyk = [65, 8, 3, 2] }"
    );
    // Pasted in as they are, the lines leave nothing derived and print the same inks.
    let pasted = format!(
        "{SMALL}[brand.colours]\n{}\n[[sections]]\ntitle = \"One\"\n",
        lines.join("\n")
    );
    let again = print_edition(&pasted, &common::root());
    assert!(
        again
            .warnings
            .iter()
            .all(|d| !d.message.contains("no print values")),
        "{:#?}",
        again.warnings
    );
    assert_eq!(again.print, built.print, "the same inks, byte for byte");
}

#[test]
fn preflight_text_in_the_bleed_is_reported() {
    let source = format!(
        "{SMALL}[page]\nmargins = \"2mm\"\n[[sections]]\ntitle = \"One\"\nbody = \"Edge text.\"\n"
    );
    let built = print_edition(&source, &common::root());
    let messages: Vec<&str> = built.warnings.iter().map(|d| d.message.as_str()).collect();
    assert!(
        messages.contains(
            &"text \"Edge text.\" on page 3 is outside the 5 mm safe area and may be trimmed"
        ),
        "{messages:#?}"
    );
}

#[test]
fn a_cmyk_total_over_the_ink_limit_stops_the_build() {
    let source = format!(
        "{SMALL}[brand.colours]\ntext = {{ hex = \"#000000\", cmyk = [100, 100, 100, 100] }}\n[[sections]]\ntitle = \"One\"\n"
    );
    let Err(Failure::Report(d)) =
        compile_editions(&source, &common::root(), Editions::default(), "x.pdf")
    else {
        panic!("refused")
    };
    assert_eq!(
        d[0].message,
        "`text` prints with 400% total ink, over the 320% the press allows"
    );
}

#[test]
fn preflight_of_any_pdf_finds_a_72_dpi_image_and_a_missing_output_intent() {
    // The reader edition with a logo 170 pixels wide placed 170 points wide: 72 dpi.
    let source = format!(
        "{SMALL}[brand]\nlogo = \"logo-72dpi.png\"\nlogo_alt = \"Logo\"\n[[sections]]\ntitle = \"One\"\n"
    );
    let built = common::build_in(&source, &common::root().join("tests/data"));
    let findings = folio::preflight::file::check(&built.pdf, 320.0).unwrap();
    let text: Vec<String> = findings.iter().map(|f| f.to_string()).collect();
    assert!(
        text.iter().any(|t| t.starts_with("warning: page 1: image ")
            && t.ends_with(" is 72 dpi at its placed size; print needs 300")),
        "{text:#?}"
    );
    assert!(text.contains(&"error: no PDF/X output intent (GTS_PDFX with a CMYK profile): the printer cannot know the press condition".to_string()));
    assert!(text.contains(&"error: page 1: no TrimBox".to_string()));
}

#[test]
fn preflight_of_the_print_edition_is_clean() {
    let findings = folio::preflight::file::check(&shipped(), 320.0).unwrap();
    assert!(findings.is_empty(), "{findings:#?}");
}
