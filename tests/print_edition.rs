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

/// Checks every page's boxes: a trim of `trim` points, 3 mm of bleed around it, and a media
/// box `room` points beyond the bleed on every side.
fn check_boxes(pdf: &Pdf, trim_size: (f64, f64), room: f64) {
    for &page in &pdf.pages {
        let trim = rect(pdf, page, b"TrimBox");
        let bleed = rect(pdf, page, b"BleedBox");
        let media = rect(pdf, page, b"MediaBox");
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
                (bleed[i] - media[i] - room).abs() < 0.01,
                "{media:?} {bleed:?}"
            );
            assert!(
                (media[i + 2] - bleed[i + 2] - room).abs() < 0.01,
                "{media:?} {bleed:?}"
            );
        }
        assert!((trim[2] - trim[0] - trim_size.0).abs() < 0.01);
        assert!((trim[3] - trim[1] - trim_size.1).abs() < 0.01);
    }
}

const A4: (f64, f64) = (595.276, 841.89);

#[test]
fn without_marks_the_media_box_is_the_bleed_box() {
    let pdf = Pdf::parse(&shipped());
    assert_eq!(pdf.pages.len(), 8, "same pages as the reader edition");
    check_boxes(&pdf, A4, 0.0);
}

#[test]
fn with_marks_the_media_box_has_room_for_them_outside_the_bleed() {
    let source = format!("{SMALL}[print]\nmarks = true\n[[sections]]\ntitle = \"One\"\n");
    let built = print_edition(&source, &common::root());
    check_boxes(
        &Pdf::parse(built.print.as_ref().unwrap()),
        A4,
        12.0 * 72.0 / 25.4,
    );
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
fn ghostscript_renders_the_print_edition_without_a_warning() {
    let Some(gs) = common::tool("gs", "the ghostscript package") else {
        return;
    };
    let file = common::TempFile::with("render.pdf", &shipped());
    let out = std::process::Command::new(gs)
        .args([
            "-q",
            "-dNOPAUSE",
            "-dBATCH",
            "-dSAFER",
            "-sDEVICE=nullpage",
            "-dPDFSTOPONERROR",
        ])
        .arg(&file.0)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        out.stderr.is_empty() && out.stdout.is_empty(),
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
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
fn an_rgb_phone_photo_is_converted_for_print_and_kept_as_it_is_for_readers() {
    let dir = common::root().join("tests/data/rich");
    let source = format!(
        "{SMALL}[[sections]]\ntitle = \"One\"\n[[sections.blocks]]\ntype = \"image\"\nfile = \"images/phone-photo.jpg\"\nalt = \"Hills\"\n[[sections.blocks]]\ntype = \"image\"\nfile = \"images/grey-photo.jpg\"\nwidth = 0.5\nalt = \"Hills in grey\"\n"
    );
    let both = Editions {
        reader: true,
        print: Some(true),
        web: false,
    };
    let built = match compile_editions(&source, &dir, both, "report-print.pdf") {
        Ok(b) => b,
        Err(Failure::Report(d)) => panic!("{}", folio::diag::render(&d, "r", &source, false)),
        Err(e) => panic!("{e:?}"),
    };
    let notes: Vec<&str> = built
        .warnings
        .iter()
        .filter(|d| d.severity == folio::diag::Severity::Note)
        .map(|d| d.message.as_str())
        .collect();
    assert_eq!(
        notes,
        [
            "the print edition converts `images/phone-photo.jpg` to CMYK through the output profile: it is RGB"
        ]
    );
    let original = std::fs::read(dir.join("images/phone-photo.jpg")).unwrap();
    let images = |pdf: &Pdf| -> Vec<(i64, Vec<u8>, Vec<u8>)> {
        pdf.doc
            .objects
            .values()
            .filter_map(|o| match o {
                Object::Stream(s)
                    if s.dict.get(b"Subtype").and_then(|t| t.as_name()).ok() == Some(b"Image") =>
                {
                    let cs = match s.dict.get(b"ColorSpace") {
                        Ok(Object::Name(n)) => n.clone(),
                        Ok(other) => format!("{other:?}").into_bytes(),
                        Err(_) => Vec::new(),
                    };
                    Some((
                        s.dict.get(b"Width").unwrap().as_i64().unwrap(),
                        cs,
                        s.content.clone(),
                    ))
                }
                _ => None,
            })
            .collect()
    };
    // The reader edition embeds the photo's own bytes.
    let reader = Pdf::parse(&built.pdf);
    assert!(
        images(&reader)
            .iter()
            .any(|(w, _, data)| *w == 2000 && *data == original),
        "the reader edition keeps the JPEG as supplied"
    );
    // The print edition has it in CMYK, and the greyscale photo in device grey (black plate).
    let print = Pdf::parse(built.print.as_ref().unwrap());
    let print_images = images(&print);
    assert!(
        print_images
            .iter()
            .any(|(w, cs, _)| *w == 2000 && cs == b"DeviceCMYK"),
        "{:?}",
        print_images
            .iter()
            .map(|(w, cs, _)| (w, String::from_utf8_lossy(cs)))
            .collect::<Vec<_>>()
    );
    assert!(
        print_images
            .iter()
            .any(|(w, cs, _)| *w == 1500 && cs == b"DeviceGray")
    );
}

#[test]
fn a_damaged_jpeg_is_an_error_at_its_key_not_a_panic() {
    let dir = std::env::temp_dir().join(format!("folio-bad-jpeg-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    // A baseline JPEG frame header with nothing after it: its size reads, its pixels do not.
    let mut jpeg = vec![
        0xFF, 0xD8, 0xFF, 0xC0, 0x00, 0x11, 0x08, 0x00, 0x10, 0x00, 0x10, 0x03,
    ];
    jpeg.extend([
        0x01, 0x11, 0x00, 0x02, 0x11, 0x01, 0x03, 0x11, 0x01, 0xFF, 0xD9,
    ]);
    std::fs::write(dir.join("photo.jpg"), jpeg).unwrap();
    let source = format!(
        "{SMALL}[[sections]]\ntitle = \"One\"\n[[sections.blocks]]\ntype = \"image\"\nfile = \"photo.jpg\"\nalt = \"A photo\"\n"
    );
    let editions = Editions {
        reader: false,
        print: Some(true),
        web: false,
    };
    let Err(Failure::Report(d)) = compile_editions(&source, &dir, editions, "x.pdf") else {
        panic!("a JPEG that cannot be decoded stops the print build")
    };
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(d.len(), 1, "{d:#?}");
    // The image is decoded in full when report.toml is read, before either edition.
    assert_eq!(
        d[0].message,
        "`file`: the image `photo.jpg` cannot be used: the file ends before the image does"
    );
    assert_eq!(
        d[0].span.as_ref().map(|s| &source[s.clone()]),
        Some("\"photo.jpg\"")
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

#[test]
fn a_page_width_image_runs_into_the_bleed_in_print_and_is_clipped_to_it() {
    let source = r#"
[report]
title = "Bleed"
organisation = "Test"
period = "2024"
date = "2025-01-01"

[contents]
show = false

[[sections]]
title = "A photograph across the page"

[[sections.blocks]]
type = "image"
file = "images/landscape.png"
width = "page"
alt = "A landscape"
"#;
    let built = print_edition(source, &common::root().join("tests/layout"));
    let pdf = Pdf::parse(built.print.as_ref().expect("print edition"));
    let page = pdf.pages[1];
    let (trim, bleed) = (rect(&pdf, page, b"TrimBox"), rect(&pdf, page, b"BleedBox"));
    let (images, clips) = pdf.drawn_images_and_clips(page);
    assert_eq!(images.len(), 1, "{images:?}");
    let img = images[0];
    // Past the trim on both sides, by the whole bleed.
    assert!(
        img[0] <= bleed[0] + 0.5 && img[2] >= bleed[2] - 0.5,
        "{img:?} in {bleed:?}"
    );
    assert!(img[0] < trim[0] - BLEED_PT + 0.5, "{img:?} {trim:?}");
    // And clipped to the bleed box's width, so nothing reaches the marks.
    assert!(
        clips
            .iter()
            .any(|c| (c[0] - bleed[0]).abs() < 0.5 && (c[2] - bleed[2]).abs() < 0.5),
        "{clips:?} against {bleed:?}"
    );
    // The reader edition draws it at the trim, as laid out.
    let reader = common::build_in(source, &common::root().join("tests/layout"));
    let rpdf = Pdf::parse(&reader.pdf);
    let (rimages, _) = rpdf.drawn_images_and_clips(rpdf.pages[1]);
    assert!((rimages[0][0]).abs() < 0.5, "{rimages:?}");
}

#[test]
fn a_page_count_saddle_stitching_cannot_take_is_a_warning() {
    // Cover, contents, one section page, back cover: 4 pages; a new-page section makes 5.
    let source = format!(
        "{SMALL}[[sections]]\ntitle = \"One\"\n[[sections]]\ntitle = \"Two\"\nnew_page = true\n[back]\ntext = \"Back.\"\n"
    );
    let built = print_edition(&source, &common::root());
    let n = built.document.pages.len();
    assert_eq!(built.print_pages, n, "no padding unless asked for");
    let messages: Vec<&str> = built.warnings.iter().map(|d| d.message.as_str()).collect();
    let expected = format!(
        "the print edition has {n} pages, but a saddle-stitched booklet needs a multiple of 4"
    );
    assert_eq!(
        messages.contains(&expected.as_str()),
        !n.is_multiple_of(4),
        "{n} pages: {messages:#?}"
    );
    // None for loose sheets.
    let loose = print_edition(
        &format!("{source}[print]\nbinding = \"none\"\n"),
        &common::root(),
    );
    assert!(
        !loose.warnings.iter().any(|d| d.message.contains("booklet")),
        "{:#?}",
        loose.warnings
    );
}

#[test]
fn pad_adds_blank_pages_before_the_back_cover() {
    let source = format!(
        "{SMALL}[print]\npad = true\n[[sections]]\ntitle = \"One\"\nbody = \"Text.\"\n[[sections]]\ntitle = \"Two\"\nnew_page = true\nbody = \"More.\"\n[back]\ntext = \"The back cover.\"\n"
    );
    let built = print_edition(&source, &common::root());
    let n = built.document.pages.len();
    assert_eq!(
        built.print_pages % 4,
        0,
        "{n} pages padded to {}",
        built.print_pages
    );
    let pdf = Pdf::parse(built.print.as_ref().unwrap());
    assert_eq!(pdf.pages.len(), built.print_pages);
    let text = |i: usize| common::join_runs(&pdf.runs(i));
    assert!(
        text(pdf.pages.len() - 1).contains("The back cover."),
        "the back cover stays last"
    );
    for blank in n - 1..pdf.pages.len() - 1 {
        assert!(text(blank).trim().is_empty(), "page {} is blank", blank + 1);
    }
    if !n.is_multiple_of(4) {
        assert!(
            built.warnings.iter().any(|d| d.message.ends_with(&format!(
                "blank pages are added before the back cover, making {}",
                built.print_pages
            )) || d.message.ends_with(&format!(
                "blank page is added before the back cover, making {}",
                built.print_pages
            ))),
            "{:#?}",
            built.warnings
        );
    }
}

#[test]
fn an_unknown_binding_is_an_error_with_a_suggestion() {
    let source = format!("{SMALL}[print]\nbinding = \"saddle\"\n[[sections]]\ntitle = \"One\"\n");
    let Err(Failure::Report(d)) =
        compile_editions(&source, &common::root(), Editions::default(), "x.pdf")
    else {
        panic!("refused")
    };
    assert_eq!(d[0].message, "`print.binding` cannot be `saddle`");
    assert_eq!(d[0].label.as_deref(), Some("did you mean `saddle-stitch`?"));
}

#[test]
fn a_letter_no_font_has_is_a_warning_and_both_editions_are_still_written() {
    // The fallback chain has no CJK face: the characters print as a replacement box that
    // reads as them (see tests/fallback.rs), and a warning names each, in plain words.
    let source =
        format!("{SMALL}[[sections]]\ntitle = \"One\"\nbody = \"Text with 漢字 in it.\"\n");
    let editions = Editions {
        print: Some(true),
        ..Editions::default()
    };
    let built = compile_editions(&source, &common::root(), editions, "x.pdf")
        .unwrap_or_else(|e| panic!("both editions are written: {e:?}"));
    assert!(built.print.is_some() && !built.pdf.is_empty());
    let rendered = folio::diag::render(&built.warnings, "report.toml", &source, false);
    assert!(
        rendered.contains("`漢` (U+6F22 CJK UNIFIED IDEOGRAPH-6F22) in `sections[1].body`"),
        "{rendered}"
    );
    // (The print edition's colour notice writes `{ hex = … }` tables to paste; that is TOML.)
    for debug in ["Some(", "Font(", "Location", "NonZero", "ContainsNotDef"] {
        assert!(!rendered.contains(debug), "no debug syntax: {rendered}");
    }
}

/// Renders page `index` (0-based) with poppler's pdftoppm; returns (width, height, RGB pixels).
fn render(pdf: &[u8], index: usize, dpi: u32) -> Option<(usize, usize, Vec<u8>)> {
    let pdftoppm = common::tool("pdftoppm", "the poppler-utils package")?;
    let file = common::TempFile::with("render-page.pdf", pdf);
    let page = (index + 1).to_string();
    let out = std::process::Command::new(pdftoppm)
        .args(["-r", &dpi.to_string(), "-f", &page, "-l", &page])
        .arg(&file.0)
        .output()
        .unwrap();
    assert!(out.status.success());
    // A binary PPM: "P6 width height 255" and the pixels.
    let ppm = out.stdout;
    let mut fields = Vec::new();
    let mut at = 0;
    while fields.len() < 4 {
        while ppm[at].is_ascii_whitespace() {
            at += 1;
        }
        let start = at;
        while !ppm[at].is_ascii_whitespace() {
            at += 1;
        }
        fields.push(String::from_utf8_lossy(&ppm[start..at]).into_owned());
    }
    let (w, h): (usize, usize) = (fields[1].parse().unwrap(), fields[2].parse().unwrap());
    Some((w, h, ppm[at + 1..].to_vec()))
}

#[test]
fn a_photo_a_phone_stored_on_its_side_is_upright_in_both_editions() {
    let dir = common::root().join("tests/data/rich");
    let source = format!(
        "{SMALL}[[sections]]\ntitle = \"One\"\n[[sections.blocks]]\ntype = \"image\"\nfile = \"images/sideways-photo.jpg\"\nwidth = 0.5\nalt = \"Hills\"\n"
    );
    let both = Editions {
        reader: true,
        print: Some(true),
        web: false,
    };
    let Ok(built) = compile_editions(&source, &dir, both, "report-print.pdf") else {
        panic!("builds")
    };
    let (index, pos, size) = built
        .document
        .pages
        .iter()
        .enumerate()
        .find_map(|(i, p)| {
            p.items.iter().find_map(|it| match &it.kind {
                folio::frame::ItemKind::Image { size, .. } => Some((i, it.pos, *size)),
                _ => None,
            })
        })
        .expect("the photo is placed");
    let aspect = size.w.to_pt() / size.h.to_pt();
    assert!(
        (aspect - 800.0 / 600.0).abs() < 0.01,
        "placed upright, 4:3: {aspect}"
    );
    for (edition, bytes) in [
        ("reader", &built.pdf),
        ("print", built.print.as_ref().unwrap()),
    ] {
        let pdf = Pdf::parse(bytes);
        let page = pdf.doc.get_dictionary(pdf.pages[index]).unwrap();
        let corner = |key: &[u8]| -> (f64, f64) {
            let a = page.get(key).unwrap().as_array().unwrap();
            let v: Vec<f64> = a.iter().map(|n| n.as_float().unwrap() as f64).collect();
            (v[0], v[3])
        };
        // The trimmed page's top-left corner, from the media box's.
        let media = corner(b"MediaBox");
        let trim = if page.get(b"TrimBox").is_ok() {
            corner(b"TrimBox")
        } else {
            media
        };
        let dpi = 30;
        let Some((w, _, px)) = render(bytes, index, dpi) else {
            return;
        };
        let k = dpi as f64 / 72.0;
        let (x0, y0) = (
            trim.0 - media.0 + pos.x.to_pt(),
            media.1 - trim.1 + pos.y.to_pt(),
        );
        // Mean colour of a band across the photo, `from` to `to` of the way down.
        let band = |from: f64, to: f64| -> [f64; 3] {
            let mut sum = [0.0; 3];
            let mut n = 0.0;
            for y in ((y0 + from * size.h.to_pt()) * k) as usize
                ..((y0 + to * size.h.to_pt()) * k) as usize
            {
                for x in ((x0 + 0.1 * size.w.to_pt()) * k) as usize
                    ..((x0 + 0.9 * size.w.to_pt()) * k) as usize
                {
                    for c in 0..3 {
                        sum[c] += px[(y * w + x) * 3 + c] as f64;
                    }
                    n += 1.0;
                }
            }
            sum.map(|s| s / n)
        };
        let (sky, hills) = (band(0.05, 0.3), band(0.8, 0.95));
        assert!(
            sky[2] > sky[1] + 20.0,
            "{edition}: blue sky at the top: {sky:?}"
        );
        assert!(
            hills[1] > hills[2] + 20.0,
            "{edition}: green hills at the bottom: {hills:?}"
        );
    }
}
