//! Hostile but valid input builds to what the author meant: photos stand upright, a photo
//! used many times is read once, long data gets a bounded description, and the build says
//! which files it read.

use std::path::{Path, PathBuf};

const HEAD: &str = r#"[report]
title = "Content"
organisation = "Test Trust"
period = "2024"
date = "2025-01-31"

[[sections]]
title = "One"
body = "Text."
"#;

fn folder(name: &str, files: &[(&str, &str)]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("folio-content-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    for (to, from) in files {
        std::fs::copy(
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("tests/data")
                .join(from),
            dir.join(to),
        )
        .unwrap();
    }
    dir
}

fn image_block(file: &str) -> String {
    format!(
        "\n[[sections.blocks]]\ntype = \"image\"\nfile = \"{file}\"\nalt = \"A photo\"\nwidth = 0.5\n"
    )
}

/// The placed sizes of every image in the document.
fn placed(editions: &folio::Editions) -> Vec<folio::geom::Size> {
    editions
        .document
        .pages
        .iter()
        .flat_map(|p| &p.items)
        .filter_map(|i| match &i.kind {
            folio::frame::ItemKind::Image { size, .. } => Some(*size),
            _ => None,
        })
        .collect()
}

#[test]
fn an_exif_rotated_photo_is_placed_upright() {
    // Stored 64 × 48 (wide) with orientation 6: a quarter turn makes it 48 × 64 (tall).
    let dir = folder(
        "exif",
        &[
            ("rotated.jpg", "photo-rotated.jpg"),
            ("plain.jpg", "photo-rgb.jpg"),
        ],
    );
    let src = format!(
        "{HEAD}{}{}",
        image_block("rotated.jpg"),
        image_block("plain.jpg")
    );
    let e = folio::compile(&src, &dir, &folio::Options::default()).unwrap();
    let sizes = placed(&e);
    assert_eq!(sizes.len(), 2);
    assert!(
        sizes[0].h > sizes[0].w,
        "the rotated photo stands tall: {:?}",
        sizes[0]
    );
    assert!(
        sizes[1].w > sizes[1].h,
        "the plain photo lies wide: {:?}",
        sizes[1]
    );
    let pdf = e.reader.unwrap().unwrap();
    // The quarter turn is in the page content: a matrix with no scale on the diagonal.
    let doc = lopdf::Document::load_mem(&pdf).unwrap();
    let turned = doc.get_pages().values().any(|id| {
        let content = doc.get_page_content(*id);
        let ops = lopdf::content::Content::decode(&content)
            .map(|c| c.operations)
            .unwrap_or_default();
        ops.iter().any(|op| {
            op.operator == "cm"
                && op.operands.len() == 6
                && op.operands[0].as_float().is_ok_and(|v| v == 0.0)
                && op.operands[1].as_float().is_ok_and(|v| v != 0.0)
        })
    });
    assert!(turned, "a rotating matrix is drawn");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn one_photo_in_many_blocks_is_read_once_and_embedded_once() {
    let dir = folder("once", &[("photo.jpg", "photo-cmyk.jpg")]);
    let blocks: String = (0..30).map(|_| image_block("photo.jpg")).collect();
    let e = folio::compile(&format!("{HEAD}{blocks}"), &dir, &folio::Options::default()).unwrap();
    assert_eq!(placed(&e).len(), 30);
    let photo = dir.canonicalize().unwrap().join("photo.jpg");
    assert_eq!(e.inputs.iter().filter(|p| **p == photo).count(), 1);
    let pdf = e.reader.unwrap().unwrap();
    let doc = lopdf::Document::load_mem(&pdf).unwrap();
    let images = doc
        .objects
        .values()
        .filter(|o| {
            o.as_stream().is_ok_and(|s| {
                s.dict
                    .get(b"Subtype")
                    .is_ok_and(|t| t.as_name().is_ok_and(|n| n == b"Image"))
            })
        })
        .count();
    assert_eq!(images, 1, "one image object however many blocks show it");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_build_lists_every_file_it_read_or_looked_for() {
    let dir = folder("inputs", &[("logo.png", "logo.png")]);
    let src = HEAD.replace(
        "[[sections]]",
        "[brand]\nlogo = \"logo.png\"\nlogo_alt = \"Logo\"\n\n[[sections]]",
    ) + "\n[[sections.blocks]]\ntype = \"chart\"\ncsv = \"data.csv\"\n";
    let Err(d) = folio::compile(&src, &dir, &folio::Options::default()) else {
        panic!("data.csv is missing")
    };
    let root = dir.canonicalize().unwrap();
    assert!(d.inputs.contains(&root.join("logo.png")), "{:?}", d.inputs);
    assert!(
        d.inputs.contains(&root.join("data.csv")),
        "looked for: {:?}",
        d.inputs
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_chart_of_many_values_gets_a_description_that_fits_a_pdf_string() {
    let data: Vec<String> = (0..5000)
        .map(|i| format!("{{ label = \"A rather long label number {i}\", value = {i} }}"))
        .collect();
    let src = format!(
        "{HEAD}\n[[sections.blocks]]\ntype = \"chart\"\ndata = [{}]\n",
        data.join(", ")
    );
    let e = folio::compile(&src, Path::new("."), &folio::Options::default()).unwrap();
    assert!(e.reader.unwrap().is_ok(), "PDF/A's string limit holds");
}

/// The text of every footer item, page by page.
fn footers(doc: &folio::frame::Document) -> Vec<String> {
    doc.pages
        .iter()
        .map(|p| {
            p.items
                .iter()
                .filter(|i| {
                    matches!(
                        i.tag,
                        folio::frame::Tag::Artifact(folio::frame::Artifact::Footer)
                    )
                })
                .filter_map(|i| match &i.kind {
                    folio::frame::ItemKind::Text(t) => Some(t.text.clone()),
                    _ => None,
                })
                .collect::<String>()
        })
        .filter(|t| !t.is_empty())
        .collect()
}

#[test]
fn a_title_typed_on_two_lines_is_one_line_in_the_footer_and_the_pdf_is_written() {
    for brk in ["\\n", "\\r\\n", "\\t", "\\u2028"] {
        let src = HEAD.replace(
            "title = \"Content\"",
            &format!("title = \"Annual{brk}report\""),
        );
        let e = folio::compile(&src, Path::new("."), &folio::Options::default()).unwrap();
        let feet = footers(&e.document);
        assert!(!feet.is_empty(), "{brk}: no footer");
        for f in &feet {
            assert!(f.starts_with("Annual report"), "{brk}: {f:?}");
        }
        assert!(
            e.reader.unwrap().is_ok(),
            "{brk}: the PDF writer refused it"
        );
    }
}

#[test]
fn a_link_to_a_section_is_no_dead_address_in_the_pdf() {
    let src = HEAD.replace(
        "body = \"Text.\"",
        "id = \"one\"\nbody = \"See [the figures](#one) and [the web](https://example.org).\"",
    );
    let e = folio::compile(&src, Path::new("."), &folio::Options::default()).unwrap();
    let targets: Vec<String> = e
        .document
        .pages
        .iter()
        .flat_map(|p| &p.items)
        .filter_map(|i| match &i.kind {
            folio::frame::ItemKind::Link {
                target: folio::frame::LinkTarget::Url(u),
                ..
            } => Some(u.clone()),
            _ => None,
        })
        .collect();
    assert_eq!(targets, ["https://example.org"]);
    assert!(e.reader.unwrap().is_ok());
}

#[test]
fn words_in_markup_folio_does_not_typeset_are_still_printed() {
    let src = HEAD.replace(
        "body = \"Text.\"",
        "body = \"> Quoted words.\\n\\n```\\nCode words.\\n```\\n\\n![Picture words](a.png)\\n\"",
    );
    let e = folio::compile(&src, Path::new("."), &folio::Options::default()).unwrap();
    let text: String = e
        .document
        .pages
        .iter()
        .flat_map(|p| &p.items)
        .filter_map(|i| match &i.kind {
            folio::frame::ItemKind::Text(t) => Some(t.text.clone()),
            _ => None,
        })
        .collect::<Vec<_>>()
        .join(" ");
    for words in ["Quoted", "Code", "Picture"] {
        assert!(text.contains(words), "{words} is missing: {text}");
    }
}
