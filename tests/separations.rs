//! The print edition as a press sees it: Ghostscript separates every page into its printing
//! plates (`tiffsep`: one greyscale image per ink, cyan, magenta, yellow, black and each
//! spot colour), and the checks read the plates, not the PDF. Checked on the shipped report
//! and on the richer test report (photos, a spot colour, crop marks and registration marks):
//! - body text and small text in a grey are on the black plate alone;
//! - inside the bleed box, no pixel carries more ink than the ink limit;
//! - the spot colour has its own plate;
//! - crop marks, when drawn, are on every plate and stay clear of the bleed box.

mod common;

use common::{Pdf, TempFile, tool};
use folio::build::{Built, Editions, Failure, compile_editions};
use folio::frame::ItemKind;
use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;
use std::sync::OnceLock;

/// Pixels per inch of the separations: small text's stems are a pixel or two wide.
const DPI: f64 = 100.0;
/// The ink limits the reports print with, in per cent: the default, and the rich report's
/// `ink_limit`, lower than the profile's so that its photographs must be held within it.
const INK_LIMITS: [(&str, f64); 2] = [("shipped", 320.0), ("rich", 220.0)];
/// Text below this size (pt) must be on one plate, as must all body text.
const SMALL_TEXT_PT: f64 = 12.0;

/// One plate of one page: ink from 0 (none) to 255 (solid) per pixel.
struct Plate {
    width: usize,
    height: usize,
    ink: Vec<u8>,
}

impl Plate {
    fn at(&self, x: usize, y: usize) -> u8 {
        self.ink[y.min(self.height - 1) * self.width + x.min(self.width - 1)]
    }

    /// The ink values in a pixel rectangle.
    fn region(&self, r: [usize; 4]) -> Vec<u8> {
        let mut out = Vec::new();
        for y in r[1]..r[3].min(self.height) {
            for x in r[0]..r[2].min(self.width) {
                out.push(self.at(x, y));
            }
        }
        out
    }
}

/// A separated page: plates by ink name.
type Page = BTreeMap<String, Plate>;

/// Reads an uncompressed 8-bit greyscale TIFF as Ghostscript's `tiffsep` writes a plate
/// (0 is solid ink), returning ink values (255 is solid).
fn read_plate(path: &Path) -> Plate {
    let f = std::fs::read(path).unwrap();
    assert_eq!(&f[..4], b"II*\0", "a little-endian TIFF");
    let u16_at = |i: usize| u16::from_le_bytes([f[i], f[i + 1]]) as usize;
    let u32_at = |i: usize| u32::from_le_bytes(f[i..i + 4].try_into().unwrap()) as usize;
    let ifd = u32_at(4);
    let mut tags = BTreeMap::new();
    for i in 0..u16_at(ifd) {
        let e = ifd + 2 + 12 * i;
        let (tag, kind, count) = (u16_at(e), u16_at(e + 2), u32_at(e + 4));
        let value = if kind == 3 && count == 1 {
            u16_at(e + 8)
        } else {
            u32_at(e + 8)
        };
        tags.insert(tag, (kind, count, value));
    }
    let get = |t: usize| tags[&t];
    assert_eq!(get(259).2, 1, "uncompressed");
    assert_eq!(get(258).2, 8, "8 bits");
    let (width, height) = (get(256).2, get(257).2);
    let list = |(kind, count, value): (usize, usize, usize)| -> Vec<usize> {
        if count == 1 {
            return vec![value];
        }
        (0..count)
            .map(|i| {
                if kind == 3 {
                    u16_at(value + 2 * i)
                } else {
                    u32_at(value + 4 * i)
                }
            })
            .collect()
    };
    let (offsets, counts) = (list(get(273)), list(get(279)));
    let mut ink = Vec::with_capacity(width * height);
    for (o, c) in offsets.iter().zip(&counts) {
        ink.extend(f[*o..o + c].iter().map(|v| 255 - v));
    }
    ink.truncate(width * height);
    Plate { width, height, ink }
}

/// A report's build and its print edition's pages separated by Ghostscript.
struct Separated {
    built: Built,
    pdf: Pdf,
    pages: Vec<Page>,
}

fn separate(dir: &Path) -> Option<Separated> {
    let gs = tool("gs", "the ghostscript package")?;
    let source = std::fs::read_to_string(dir.join("report.toml")).unwrap();
    let editions = Editions {
        reader: false,
        print: Some(true),
        web: false,
    };
    let built = match compile_editions(&source, dir, editions, "report-print.pdf") {
        Ok(b) => b,
        Err(Failure::Report(d)) => panic!("{}", folio::diag::render(&d, "r", &source, false)),
        Err(e) => panic!("{e:?}"),
    };
    let bytes = built.print.clone().expect("the print edition");
    let file = TempFile::with("separate.pdf", &bytes);
    let out_dir = file.0.with_extension("plates");
    std::fs::create_dir_all(&out_dir).unwrap();
    let out = Command::new(gs)
        .args(["-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", "-sDEVICE=tiffsep"])
        .arg(format!("-r{DPI}"))
        .arg("-sCompression=none")
        .arg(format!("-sOutputFile={}/p%03d.tif", out_dir.display()))
        .arg(&file.0)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let pdf = Pdf::parse(&bytes);
    let mut pages = Vec::new();
    for n in 1..=pdf.pages.len() {
        let mut page = Page::new();
        for entry in std::fs::read_dir(&out_dir).unwrap() {
            let name = entry.unwrap().file_name().to_string_lossy().into_owned();
            let prefix = format!("p{n:03}(");
            if let Some(ink) = name
                .strip_prefix(&prefix)
                .and_then(|r| r.strip_suffix(").tif"))
            {
                page.insert(ink.to_string(), read_plate(&out_dir.join(&name)));
            }
        }
        assert!(page.contains_key("Black"), "page {n} was separated");
        pages.push(page);
    }
    let _ = std::fs::remove_dir_all(&out_dir);
    Some(Separated { built, pdf, pages })
}

fn shipped() -> Option<&'static Separated> {
    static S: OnceLock<Option<Separated>> = OnceLock::new();
    S.get_or_init(|| separate(&common::root())).as_ref()
}

fn rich() -> Option<&'static Separated> {
    static S: OnceLock<Option<Separated>> = OnceLock::new();
    S.get_or_init(|| separate(&common::root().join("tests/data/rich")))
        .as_ref()
}

fn both() -> Vec<(&'static str, &'static Separated)> {
    [("shipped", shipped()), ("rich", rich())]
        .into_iter()
        .filter_map(|(n, s)| s.map(|s| (n, s)))
        .collect()
}

/// A page box in pixels from the media box's top-left corner: [x0, y0, x1, y1].
fn box_px(s: &Separated, page: usize, key: &[u8]) -> [f64; 4] {
    let d = s.pdf.doc.get_dictionary(s.pdf.pages[page]).unwrap();
    let r = |k: &[u8]| -> [f64; 4] {
        let a = d.get(k).unwrap().as_array().unwrap();
        let v: Vec<f64> = a.iter().map(|n| n.as_float().unwrap() as f64).collect();
        [v[0], v[1], v[2], v[3]]
    };
    let (media, b) = (r(b"MediaBox"), r(key));
    let k = DPI / 72.0;
    [
        (b[0] - media[0]) * k,
        (media[3] - b[3]) * k,
        (b[2] - media[0]) * k,
        (media[3] - b[1]) * k,
    ]
}

/// CIELAB chroma of an sRGB colour (D65), computed here rather than asked of folio.
fn chroma(r: u8, g: u8, b: u8) -> f64 {
    let lin = |c: u8| {
        let c = c as f64 / 255.0;
        if c <= 0.04045 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    let (r, g, b) = (lin(r), lin(g), lin(b));
    let x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
    let y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
    let z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
    let f = |t: f64| {
        if t > 0.008856 {
            t.cbrt()
        } else {
            7.787 * t + 16.0 / 116.0
        }
    };
    let (a, bb) = (500.0 * (f(x) - f(y)), 200.0 * (f(y) - f(z)));
    a.hypot(bb)
}

/// The most common value of a region (its background, when text covers less than half).
fn background(values: &[u8]) -> u8 {
    let mut counts = [0usize; 256];
    for &v in values {
        counts[v as usize] += 1;
    }
    (0..256).max_by_key(|&v| counts[v]).unwrap() as u8
}

#[test]
fn body_and_small_grey_text_print_on_the_black_plate_alone() {
    for (name, s) in both() {
        let doc = &s.built.document;
        let mut checked = 0;
        for (i, page) in doc.pages.iter().enumerate() {
            // Blank pages added for the binding come before the back cover.
            let p = if i + 1 == doc.pages.len() {
                s.pages.len() - 1
            } else {
                i
            };
            let trim = box_px(s, p, b"TrimBox");
            let k = DPI / 72.0;
            for item in &page.items {
                let ItemKind::Text(t) = &item.kind else {
                    continue;
                };
                let c = t.color;
                // Greys, not white: text in the paper colour is no ink at all.
                let paper = c.r.min(c.g).min(c.b) >= 250;
                if t.size.to_pt() >= SMALL_TEXT_PT || chroma(c.r, c.g, c.b) >= 15.0 || paper {
                    continue;
                }
                let b = item.bounds();
                let r = [
                    (trim[0] + b.origin.x.to_pt() * k).floor() as usize,
                    (trim[1] + b.origin.y.to_pt() * k).floor() as usize,
                    (trim[0] + b.right().to_pt() * k).ceil() as usize,
                    (trim[1] + b.bottom().to_pt() * k).ceil() as usize,
                ];
                let plates = &s.pages[p];
                for ink in ["Cyan", "Magenta", "Yellow"] {
                    let values = plates[ink].region(r);
                    let bg = background(&values);
                    let most = values.iter().copied().max().unwrap_or(0);
                    assert!(
                        most <= bg.saturating_add(2),
                        "{name}, page {}: \"{}\" ({} pt) adds {ink} ink ({most} over {bg})",
                        p + 1,
                        t.text.trim(),
                        t.size.to_pt()
                    );
                }
                let black = plates["Black"].region(r);
                let bg = background(&black);
                assert!(
                    black.iter().any(|&v| v > bg.saturating_add(40)),
                    "{name}, page {}: \"{}\" is on the black plate",
                    p + 1,
                    t.text.trim()
                );
                checked += 1;
            }
        }
        assert!(checked > 50, "{name}: {checked} runs of text checked");
    }
}

#[test]
fn total_ink_inside_the_bleed_box_stays_within_the_limit() {
    for (name, s) in both() {
        let percent = INK_LIMITS.iter().find(|(n, _)| *n == name).unwrap().1;
        let limit = (percent / 100.0 * 255.0).round() as u32;
        let mut peak = 0;
        for (p, plates) in s.pages.iter().enumerate() {
            let bleed = box_px(s, p, b"BleedBox");
            let any = plates.values().next().unwrap();
            for y in (bleed[1].ceil() as usize)..(bleed[3].floor() as usize).min(any.height) {
                for x in (bleed[0].ceil() as usize)..(bleed[2].floor() as usize).min(any.width) {
                    let total: u32 = plates.values().map(|pl| pl.at(x, y) as u32).sum();
                    peak = peak.max(total);
                    // One step per plate of rounding in Ghostscript's conversion.
                    assert!(
                        total <= limit + plates.len() as u32,
                        "{name}, page {}: {:.0} % ink at ({x}, {y})",
                        p + 1,
                        total as f64 / 2.55
                    );
                }
            }
        }
        eprintln!("{name}: peak total ink {:.0} %", peak as f64 / 2.55);
    }
}

#[test]
fn the_spot_colour_prints_on_a_plate_of_its_own() {
    for (name, s, spot) in [
        ("shipped", shipped(), "PANTONE 300 C"),
        ("rich", rich(), "PANTONE 356 C"),
    ] {
        let Some(s) = s else { continue };
        let inked = s
            .pages
            .iter()
            .filter(|p| {
                p.get(spot)
                    .is_some_and(|pl| pl.ink.iter().any(|&v| v > 200))
            })
            .count();
        assert!(
            inked > 0,
            "{name}: the {spot} plate carries the brand colour"
        );
        // And the colour is not also made of process inks where it prints solid.
        // (Inside the trim: outside it, marks in registration colour are on every plate.)
        let cover = &s.pages[0];
        let trim = box_px(s, 0, b"TrimBox").map(|v| v as usize);
        let solid: Vec<(usize, usize)> = (trim[1]..trim[3])
            .step_by(7)
            .flat_map(|y| (trim[0]..trim[2]).step_by(7).map(move |x| (x, y)))
            .filter(|&(x, y)| cover[spot].at(x, y) == 255)
            .collect();
        assert!(
            !solid.is_empty(),
            "{name}: the cover's colour field is in {spot}"
        );
        for ink in ["Cyan", "Magenta", "Yellow", "Black"] {
            assert!(
                solid.iter().all(|&(x, y)| cover[ink].at(x, y) == 0),
                "{name}: {ink} under the spot colour field"
            );
        }
    }
}

#[test]
fn crop_marks_are_on_every_plate_and_clear_of_the_bleed_box() {
    let Some(s) = rich() else { return };
    let k = DPI / 72.0;
    let mm = 72.0 / 25.4 * k;
    for (p, plates) in s.pages.iter().enumerate() {
        let bleed = box_px(s, p, b"BleedBox");
        let trim = box_px(s, p, b"TrimBox");
        // Nothing on any plate in the 1.5 mm just outside the bleed box. (A pixel's worth
        // is allowed at the edge itself: Ghostscript paints every pixel a fill touches.)
        for (ink, plate) in plates {
            for y in 0..plate.height {
                for x in 0..plate.width {
                    let (fx, fy) = (x as f64 + 0.5, y as f64 + 0.5);
                    let outside = fx < bleed[0] - 1.0
                        || fx > bleed[2] + 1.0
                        || fy < bleed[1] - 1.0
                        || fy > bleed[3] + 1.0;
                    let near = fx > bleed[0] - 1.5 * mm
                        && fx < bleed[2] + 1.5 * mm
                        && fy > bleed[1] - 1.5 * mm
                        && fy < bleed[3] + 1.5 * mm;
                    assert!(
                        !(outside && near) || plate.at(x, y) == 0,
                        "page {}: {ink} ink at ({x}, {y}), within 1.5 mm of the bleed box",
                        p + 1
                    );
                }
            }
        }
        // A crop mark on the top-left trim line, out beyond the bleed, on every plate.
        let y = trim[1].round() as usize;
        let xs = (bleed[0] - 7.0 * mm).max(0.0) as usize..(bleed[0] - 1.5 * mm) as usize;
        for (ink, plate) in plates {
            assert!(
                xs.clone()
                    .any(|x| (y.saturating_sub(1)..=y + 1).any(|y| plate.at(x, y) > 0)),
                "page {}: the top-left crop mark is on the {ink} plate",
                p + 1
            );
        }
    }
}
