//! The front cover's designs (`[cover] layout`), read back from the frame and the PDF: every
//! design on A4, A5, Letter and landscape with short and very long titles keeps the
//! geometry rules and its reading order; text over a photograph reads at WCAG AA on every
//! pixel beneath it (worked out here from the photograph itself); the photograph runs into
//! the print bleed; the logo drawn for the field is used there; text that cannot fit is a
//! warning at its key.

mod common;

use common::{Pdf, geometry};
use folio::frame::{Document, ItemKind, Tag};
use folio::geom::{Color, Rect};
use std::path::PathBuf;

fn base() -> PathBuf {
    common::root().join("tests/layout")
}

const SIZES: [(&str, &str); 4] = [
    ("A4", "A4"),
    ("A5", "A5"),
    ("Letter", "Letter"),
    ("landscape", "297mm x 210mm"),
];

const SHORT: (&str, &str, &str) = ("Annual report 2024", "", "2024");
const LONG: (&str, &str, &str) = (
    "Annual report and accounts of the Riverside and Northgate Community Health Services Trust, with the quality account",
    "How our hospitals, clinics and community teams changed in a year of record demand, told by the people who use them and the people who run them",
    "April 2023 – March 2024",
);

fn source(
    layout: &str,
    size: &str,
    (title, subtitle, period): (&str, &str, &str),
    photo: &str,
) -> String {
    let subtitle = if subtitle.is_empty() {
        String::new()
    } else {
        format!("subtitle = \"{subtitle}\"\n")
    };
    let cover = match layout {
        "field" => "[cover]\nlayout = \"field\"\n".to_string(),
        _ => format!(
            "[cover]\nlayout = \"{layout}\"\nphoto = \"{photo}\"\nphoto_alt = \"A test photograph\"\nphoto_credit = \"Test Studio\"\n"
        ),
    };
    format!(
        r#"[report]
title = "{title}"
{subtitle}organisation = "Example Community Health Trust"
author = "Board of Directors"
period = "{period}"
date = "2025-06-30"

[page]
size = "{size}"

[brand]
logo = "images/logo.svg"
logo_alt = "Example Trust logo"

{cover}
[back]
text = "**Example Trust** · 1 High Street, Riverside · [example.org](https://example.org)"

[[sections]]
title = "One"
body = "Text."
"#
    )
}

fn build(source: &str) -> folio::build::Built {
    common::build_in(source, &base())
}

/// Defects on the covers (the first and last pages).
fn cover_defects(doc: &Document) -> Vec<String> {
    let last = doc.pages.len();
    geometry::check(doc)
        .into_iter()
        .filter(|d| d.page == 1 || d.page == last)
        .map(|d| format!("{:?} on page {}: {}", d.check, d.page, d.detail))
        .collect()
}

#[test]
fn every_cover_design_fits_every_page_size_and_title_length_and_reads_title_first() {
    let mut problems = Vec::new();
    for layout in ["field", "photo", "split"] {
        for (name, size) in SIZES {
            for (length, words) in [("short", SHORT), ("long", LONG)] {
                let photo = if length == "long" {
                    "images/photo-bright.jpg"
                } else {
                    "images/photo-wide.jpg"
                };
                let built = build(&source(layout, size, words, photo));
                let case = format!("{layout} {name} {length}");
                for d in cover_defects(&built.document) {
                    problems.push(format!("{case}: {d}"));
                }
                for w in built
                    .warnings
                    .iter()
                    .filter(|w| w.message.contains("cover"))
                {
                    problems.push(format!("{case}: {}", w.message));
                }
                // The title is the cover's first words read, whatever the design.
                let pdf = Pdf::parse(&built.pdf);
                let runs = pdf.all_runs();
                let s = pdf.structure();
                let h1 = s
                    .walk()
                    .into_iter()
                    .find(|n| n.kind == "H1")
                    .map(|n| common::normalise(&n.text(&runs)));
                if h1.as_deref() != Some(words.0) {
                    problems.push(format!("{case}: the H1 reads {h1:?}"));
                }
                let first = s
                    .walk()
                    .into_iter()
                    .find(|n| n.kind == "P" || n.kind == "H1");
                if first.map(|n| n.kind.as_str()) != Some("H1") {
                    problems.push(format!("{case}: something is read before the title"));
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// The colour of every pixel of `image` under `area` (page coordinates), with what the
/// cover draws over the photograph before `upto` (scrims, rectangles) laid on it.
fn grounds(doc: &Document, upto: usize, area: Rect, photo: &image::RgbImage) -> Vec<Color> {
    let page = &doc.pages[0];
    let (at, size) = page
        .items
        .iter()
        .find_map(|i| match &i.kind {
            ItemKind::Image {
                size,
                crop: Some(_),
                ..
            } => Some((i.pos, *size)),
            _ => None,
        })
        .expect("the cover photograph");
    let (pw, ph) = photo.dimensions();
    let mut out = Vec::new();
    let step = 1.0;
    let mut y = area.origin.y.0;
    while y <= area.bottom().0 {
        let mut x = area.origin.x.0;
        while x <= area.right().0 {
            let px = ((x - at.x.0) / size.w.0 * pw as f64) as u32;
            let py = ((y - at.y.0) / size.h.0 * ph as f64) as u32;
            let p = photo.get_pixel(px.min(pw - 1), py.min(ph - 1));
            let mut c = Color::rgb(p[0], p[1], p[2]);
            for item in &page.items[..upto] {
                let b = item.bounds();
                let inside =
                    b.origin.x.0 <= x && x <= b.right().0 && b.origin.y.0 <= y && y <= b.bottom().0;
                match &item.kind {
                    ItemKind::Scrim { color, opacity, .. } if inside => {
                        c = folio::contrast::mix(c, *color, *opacity)
                    }
                    ItemKind::Rect { fill, .. } if inside => c = *fill,
                    _ => {}
                }
            }
            out.push(c);
            x += step;
        }
        y += step;
    }
    out
}

#[test]
fn text_over_a_cover_photograph_reads_at_aa_on_every_pixel_beneath_it() {
    let mut worst = Vec::new();
    for (name, size) in SIZES {
        for (length, words) in [("short", SHORT), ("long", LONG)] {
            for photo in ["images/photo-bright.jpg", "images/photo-wide.jpg"] {
                let built = build(&source("photo", size, words, photo));
                let img = image::open(base().join(photo))
                    .expect("the photograph")
                    .to_rgb8();
                let doc = &built.document;
                for (k, item) in doc.pages[0].items.iter().enumerate() {
                    let ItemKind::Text(t) = &item.kind else {
                        continue;
                    };
                    let bold = doc.fonts[t.face.0 as usize].bold;
                    let need = folio::contrast::need(t.size.to_pt(), bold);
                    let least = grounds(doc, k, item.bounds(), &img)
                        .into_iter()
                        .map(|g| t.color.contrast(g))
                        .fold(f64::INFINITY, f64::min);
                    if least < need {
                        worst.push(format!(
                            "{name} {length} {photo}: {:?} at {least:.2}:1, needs {need}:1",
                            t.text
                        ));
                    }
                }
            }
        }
    }
    assert!(worst.is_empty(), "{}", worst.join("\n"));
}

#[test]
fn the_scrim_is_denser_over_a_bright_photograph_than_over_a_dark_one() {
    let densest = |photo: &str| {
        let built = build(&source("photo", "A4", SHORT, photo));
        built.document.pages[0]
            .items
            .iter()
            .filter_map(|i| match &i.kind {
                ItemKind::Scrim { opacity, .. } => Some(*opacity),
                _ => None,
            })
            // The layers lie one over another: the text sits on all of them.
            .fold(1.0, |clear, a| clear * (1.0 - a))
    };
    let (bright, dark) = (
        1.0 - densest("images/photo-bright.jpg"),
        1.0 - densest("images/photo-wide.jpg"),
    );
    assert!(bright > dark + 0.2, "bright {bright:.2}, dark {dark:.2}");
}

#[test]
fn a_title_no_step_of_the_scale_can_fit_is_a_warning_at_the_title() {
    // Far more than the field holds at any size folio sets a cover title.
    let title = "Annual report ".repeat(250);
    let source = source("field", "A5", (title.trim(), "", "2024"), "");
    let built = build(&source);
    let w = built
        .warnings
        .iter()
        .find(|w| {
            w.message
                .starts_with("the cover's title does not fit its colour field, even set at")
        })
        .expect("a warning about the title");
    assert_eq!(w.line_col(&source), Some((2, 9)), "{}", w.message);
    assert!(
        w.help
            .as_deref()
            .unwrap_or_default()
            .starts_with("shorten the title")
    );
}

#[test]
fn back_cover_text_too_long_for_its_field_is_a_warning_at_the_back_text() {
    let long = "An address, a contact and a licence line, and then a great deal more. ".repeat(120);
    let source = source("field", "A5", SHORT, "").replace(
        "text = \"**Example Trust** · 1 High Street, Riverside · [example.org](https://example.org)\"",
        &format!("text = \"{}\"", long.trim()),
    );
    let built = build(&source);
    let w = built
        .warnings
        .iter()
        .find(|w| {
            w.message
                .starts_with("the back cover's text does not fit its colour field, even set at")
        })
        .expect("a warning about the back cover");
    let line = source
        .lines()
        .position(|l| l.starts_with("text = \"An address"))
        .unwrap()
        + 1;
    assert_eq!(w.line_col(&source), Some((line, 8)));
}

#[test]
fn a_period_written_as_a_range_stands_on_one_line() {
    for layout in ["field", "split"] {
        let built = build(&source(layout, "A4", LONG, "images/photo-wide.jpg"));
        let baselines: Vec<f64> = built.document.pages[0]
            .items
            .iter()
            .filter_map(|i| match &i.kind {
                ItemKind::Text(t)
                    if LONG.2.contains(t.text.trim()) && !t.text.trim().is_empty() =>
                {
                    Some(i.pos.y.to_pt())
                }
                _ => None,
            })
            .collect();
        assert!(!baselines.is_empty(), "{layout}: the period is drawn");
        assert!(
            baselines.iter().all(|y| (y - baselines[0]).abs() < 0.01),
            "{layout}: the period is set on {} baselines",
            baselines.len()
        );
    }
}

#[test]
fn the_period_can_be_left_off_the_cover() {
    let source = source("field", "A4", SHORT, "").replace(
        "layout = \"field\"\n",
        "layout = \"field\"\nshow_period = false\n",
    );
    let built = build(&source);
    let pdf = Pdf::parse(&built.pdf);
    let cover = common::join_runs(&pdf.runs(0));
    assert!(cover.contains("Annual report 2024"), "{cover}");
    assert!(!cover.lines().any(|l| l.trim() == "2024"), "{cover}");
}

#[test]
fn the_photograph_is_a_figure_with_its_alt_text_and_a_decorative_one_an_artifact() {
    let built = build(&source("split", "A4", SHORT, "images/photo-wide.jpg"));
    let pdf = Pdf::parse(&built.pdf);
    let alts: Vec<String> = pdf
        .structure()
        .walk()
        .into_iter()
        .filter(|n| n.kind == "Figure")
        .filter_map(|n| n.alt.clone())
        .collect();
    assert!(alts.contains(&"A test photograph".to_string()), "{alts:?}");
    let decorative = source("split", "A4", SHORT, "images/photo-wide.jpg").replace(
        "photo_alt = \"A test photograph\"",
        "photo_decorative = true",
    );
    let built = build(&decorative);
    let photo = built.document.pages[0]
        .items
        .iter()
        .find(|i| matches!(&i.kind, ItemKind::Image { crop: Some(_), .. }))
        .expect("the photograph");
    assert!(matches!(photo.tag, Tag::Artifact(_)));
}

#[test]
fn a_photograph_design_needs_a_photograph_and_a_field_design_says_it_shows_none() {
    let src = source("photo", "A4", SHORT, "x").replace("photo = \"x\"\n", "");
    let Err(folio::build::Failure::Report(errors)) = folio::build::compile(&src, &base()) else {
        panic!("a photo cover without a photo builds");
    };
    assert_eq!(errors[0].message, "the `photo` cover needs a `photo`");
    let src = source("field", "A4", SHORT, "").replace(
        "layout = \"field\"\n",
        "layout = \"field\"\nphoto = \"images/photo-wide.jpg\"\nphoto_alt = \"x\"\n",
    );
    let built = build(&src);
    assert!(
        built
            .warnings
            .iter()
            .any(|w| w.message == "the `field` cover shows no photograph, so `photo` is not used")
    );
}

fn logo_names(doc: &Document, page: usize) -> Vec<String> {
    doc.pages[page]
        .items
        .iter()
        .filter_map(|i| match &i.kind {
            ItemKind::Image {
                image, crop: None, ..
            } => Some(image.name.clone()),
            _ => None,
        })
        .collect()
}

#[test]
fn the_logo_drawn_for_the_field_is_used_on_the_field_and_the_logo_on_paper() {
    let src = source("photo", "A4", SHORT, "images/photo-wide.jpg").replace(
        "logo = \"images/logo.svg\"\n",
        "logo = \"images/logo.svg\"\nlogo_on_field = \"images/logo-white.svg\"\n",
    );
    let built = build(&src);
    let doc = &built.document;
    assert_eq!(logo_names(doc, 0), ["images/logo-white.svg"]);
    // The back cover's logo stands on the paper below its field.
    assert_eq!(logo_names(doc, doc.pages.len() - 1), ["images/logo.svg"]);
}

#[test]
fn without_a_logo_for_the_field_the_logo_is_set_on_a_panel_of_paper() {
    let built = build(&source("split", "A4", SHORT, "images/photo-wide.jpg"));
    let page = &built.document.pages[0];
    let k = page
        .items
        .iter()
        .position(
            |i| matches!(&i.kind, ItemKind::Image { image, .. } if image.name == "images/logo.svg"),
        )
        .expect("the logo");
    let logo = page.items[k].bounds();
    let panel = page.items[..k].iter().rev().find_map(|i| match &i.kind {
        ItemKind::Rect { fill, .. } if logo.within(&i.bounds()) => Some(*fill),
        _ => None,
    });
    assert_eq!(panel, Some(Color::WHITE));
}

#[test]
fn the_cover_photograph_runs_into_the_print_bleed_and_no_further() {
    let Some(pdftoppm) = common::tool("pdftoppm", "poppler-utils") else {
        return;
    };
    let src = format!(
        "{}\n[print]\nbleed = \"3mm\"\nmarks = true\n",
        source("photo", "A4", SHORT, "images/photo-wide.jpg")
    );
    let editions = folio::build::Editions {
        reader: false,
        print: Some(true),
        web: false,
    };
    let built = folio::build::compile_editions(&src, &base(), editions, "x-print.pdf")
        .unwrap_or_else(|_| panic!("the print edition builds"));
    let pdf = built.print.expect("the print edition");
    let file = common::TempFile::with("bleed.pdf", &pdf);
    let out = std::env::temp_dir().join(format!("folio-bleed-{}", std::process::id()));
    let status = std::process::Command::new(pdftoppm)
        .args(["-r", "72", "-f", "1", "-l", "1", "-png", "-singlefile"])
        .arg(&file.0)
        .arg(&out)
        .status()
        .expect("pdftoppm runs");
    assert!(status.success());
    let png = out.with_extension("png");
    let img = image::open(&png).expect("the rendered page").to_rgb8();
    let _ = std::fs::remove_file(&png);
    // Where the trim and the bleed are, from the page's own boxes (rendered at 72 dpi, a
    // pixel is a point; the media box's top-left corner is the image's).
    let doc = Pdf::parse(&pdf);
    let page = doc.doc.get_dictionary(doc.pages[0]).expect("the page");
    let boxed = |name: &[u8]| -> Vec<f64> {
        page.get(name)
            .and_then(|b| b.as_array())
            .map(|a| {
                a.iter()
                    .map(|v| v.as_float().unwrap_or(0.0) as f64)
                    .collect()
            })
            .unwrap_or_else(|_| panic!("the page has a {}", String::from_utf8_lossy(name)))
    };
    let (media, trim, bleed) = (boxed(b"MediaBox"), boxed(b"TrimBox"), boxed(b"BleedBox"));
    let top = media[3];
    let white = |x: f64, y_up: f64| {
        let (px, py) = ((x - media[0]).round() as u32, (top - y_up).round() as u32);
        let p = img.get_pixel(px.min(img.width() - 1), py.min(img.height() - 1));
        p[0] > 245 && p[1] > 245 && p[2] > 245
    };
    let y = trim[3] - 200.0;
    // Halfway into the bleed on the left, 200 pt below the top of the trim: the photograph.
    assert!(!white((trim[0] + bleed[0]) / 2.0, y), "the bleed is empty");
    // Beyond the bleed, in the room for the marks: nothing.
    assert!(
        bleed[0] - media[0] > 3.0,
        "room for marks outside the bleed"
    );
    assert!(
        white(bleed[0] - 2.0, y),
        "the photograph runs past the bleed"
    );
}
