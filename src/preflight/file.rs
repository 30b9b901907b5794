//! `folio preflight FILE.pdf`: a printer's checks on any PDF, in plain English.
//!
//! In: PDF bytes. Out: findings, each an error (the printer will reject it) or a warning (look
//! before sending), with the page it is on. Checked: TrimBox and BleedBox on every page; a
//! GTS_PDFX output intent with a CMYK profile; every font embedded; no device RGB in content
//! streams, images or transparency groups; images at 300 dpi or more at their placed size;
//! no CMYK fill or stroke over the ink limit.

use lopdf::content::Content;
use lopdf::{Dictionary, Document, Object, ObjectId};
use std::collections::BTreeMap;

/// Print resolution, pixels per inch at the placed size.
const PRINT_DPI: f64 = 300.0;

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Level {
    Warning,
    Error,
}

/// One finding.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub level: Level,
    /// 1-based page, if the finding is on one.
    pub page: Option<usize>,
    pub message: String,
}

impl std::fmt::Display for Finding {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let level = match self.level {
            Level::Error => "error",
            Level::Warning => "warning",
        };
        match self.page {
            Some(p) => write!(f, "{level}: page {p}: {}", self.message),
            None => write!(f, "{level}: {}", self.message),
        }
    }
}

/// Checks a PDF for print. `ink_limit` is in per cent.
pub fn check(bytes: &[u8], ink_limit: f64) -> Result<Vec<Finding>, String> {
    let doc = Document::load_mem(bytes).map_err(|e| format!("not a readable PDF: {e}"))?;
    let mut out = Vec::new();
    let mut push = |level, page, message: String| {
        out.push(Finding {
            level,
            page,
            message,
        })
    };

    if !has_pdfx_intent(&doc) {
        push(
            Level::Error,
            None,
            "no PDF/X output intent (GTS_PDFX with a CMYK profile): the printer cannot know the press condition".into(),
        );
    }
    let pages: Vec<ObjectId> = doc.get_pages().into_values().collect();
    for (i, &id) in pages.iter().enumerate() {
        let n = Some(i + 1);
        let page = doc.get_dictionary(id).map_err(|e| e.to_string())?;
        for b in ["TrimBox", "BleedBox"] {
            if page.get(b.as_bytes()).is_err() {
                push(Level::Error, n, format!("no {b}"));
            }
        }
        for (name, font) in doc.get_page_fonts(id).unwrap_or_default() {
            if !font_embedded(&doc, font) {
                push(
                    Level::Error,
                    n,
                    format!(
                        "the font {} is not embedded",
                        String::from_utf8_lossy(&name)
                    ),
                );
            }
        }
        let content = doc.get_page_content(id);
        let ops = Content::decode(&content)
            .map(|c| c.operations)
            .unwrap_or_default();
        let images = page_images(&doc, page);
        let mut ctm = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];
        let mut stack = Vec::new();
        let mut rgb_reported = false;
        for op in ops {
            let nums: Vec<f64> = op
                .operands
                .iter()
                .filter_map(|o| o.as_float().ok().map(|f| f as f64))
                .collect();
            match op.operator.as_str() {
                "q" => stack.push(ctm),
                "Q" => ctm = stack.pop().unwrap_or(ctm),
                "cm" if nums.len() == 6 => ctm = multiply(&nums, &ctm),
                "rg" | "RG" if !rgb_reported => {
                    rgb_reported = true;
                    push(
                        Level::Error,
                        n,
                        "device RGB colour in the page content".into(),
                    );
                }
                "k" | "K" if nums.len() == 4 => {
                    let total: f64 = nums.iter().sum::<f64>() * 100.0;
                    if total > ink_limit + 0.5 {
                        push(
                            Level::Error,
                            n,
                            format!(
                                "a colour with {total:.0}% total ink, over the {ink_limit:.0}% limit"
                            ),
                        );
                    }
                }
                "Do" => {
                    let name = op
                        .operands
                        .first()
                        .and_then(|o| o.as_name().ok())
                        .unwrap_or(b"");
                    if let Some((w, _, rgb)) = images.get(name) {
                        let placed_in = (ctm[0].hypot(ctm[1])) / 72.0;
                        let dpi = *w as f64 / placed_in.max(1e-9);
                        let label = String::from_utf8_lossy(name);
                        if dpi < PRINT_DPI - 0.5 {
                            push(
                                Level::Warning,
                                n,
                                format!(
                                    "image {label} is {dpi:.0} dpi at its placed size; print needs {PRINT_DPI:.0}"
                                ),
                            );
                        }
                        if *rgb {
                            push(Level::Error, n, format!("image {label} is device RGB"));
                        }
                    }
                }
                _ => {}
            }
        }
        if let Ok(group) = page.get(b"Group").and_then(|g| resolve(&doc, g).as_dict())
            && group_is_rgb(&doc, group)
        {
            push(
                Level::Error,
                n,
                "the page's transparency group is device RGB".into(),
            );
        }
    }
    out.sort_by_key(|f| (std::cmp::Reverse(f.level), f.page));
    out.dedup();
    Ok(out)
}

fn resolve<'a>(doc: &'a Document, o: &'a Object) -> &'a Object {
    match o {
        Object::Reference(id) => doc.get_object(*id).unwrap_or(o),
        o => o,
    }
}

fn has_pdfx_intent(doc: &Document) -> bool {
    let Ok(catalog) = doc.catalog() else {
        return false;
    };
    let Ok(Object::Array(intents)) = catalog.get(b"OutputIntents").map(|o| resolve(doc, o)) else {
        return false;
    };
    intents.iter().any(|i| {
        let Ok(d) = resolve(doc, i).as_dict() else {
            return false;
        };
        let pdfx = d
            .get(b"S")
            .and_then(|s| s.as_name())
            .is_ok_and(|s| s == b"GTS_PDFX");
        let cmyk = d
            .get(b"DestOutputProfile")
            .ok()
            .map(|p| resolve(doc, p))
            .and_then(|p| p.as_stream().ok())
            .and_then(|s| s.dict.get(b"N").ok())
            .and_then(|n| n.as_i64().ok())
            == Some(4);
        pdfx && cmyk
    })
}

fn font_embedded(doc: &Document, font: &Dictionary) -> bool {
    let descriptor = |d: &Dictionary| {
        d.get(b"FontDescriptor")
            .ok()
            .map(|fd| resolve(doc, fd))
            .and_then(|fd| fd.as_dict().ok())
            .is_some_and(|fd| {
                fd.get(b"FontFile").is_ok()
                    || fd.get(b"FontFile2").is_ok()
                    || fd.get(b"FontFile3").is_ok()
            })
    };
    if font
        .get(b"Subtype")
        .and_then(|s| s.as_name())
        .is_ok_and(|s| s == b"Type3")
    {
        return true;
    }
    match font.get(b"DescendantFonts").map(|d| resolve(doc, d)) {
        Ok(Object::Array(a)) => a
            .iter()
            .filter_map(|d| resolve(doc, d).as_dict().ok())
            .all(descriptor),
        _ => descriptor(font),
    }
}

/// Image XObjects of a page: name → (pixel width, pixel height, device RGB?).
fn page_images(doc: &Document, page: &Dictionary) -> BTreeMap<Vec<u8>, (i64, i64, bool)> {
    let mut out = BTreeMap::new();
    let Some(xobjects) = page
        .get(b"Resources")
        .ok()
        .map(|r| resolve(doc, r))
        .and_then(|r| r.as_dict().ok())
        .and_then(|r| r.get(b"XObject").ok())
        .map(|x| resolve(doc, x))
        .and_then(|x| x.as_dict().ok())
    else {
        return out;
    };
    for (name, obj) in xobjects.iter() {
        let Ok(s) = resolve(doc, obj).as_stream() else {
            continue;
        };
        if s.dict
            .get(b"Subtype")
            .and_then(|t| t.as_name())
            .is_ok_and(|t| t == b"Image")
        {
            let w = s.dict.get(b"Width").and_then(|v| v.as_i64()).unwrap_or(0);
            let h = s.dict.get(b"Height").and_then(|v| v.as_i64()).unwrap_or(0);
            let rgb = s
                .dict
                .get(b"ColorSpace")
                .map(|c| resolve(doc, c))
                .and_then(|c| c.as_name())
                .is_ok_and(|c| c == b"DeviceRGB");
            out.insert(name.clone(), (w, h, rgb));
        }
    }
    out
}

fn group_is_rgb(doc: &Document, group: &Dictionary) -> bool {
    group
        .get(b"CS")
        .map(|c| resolve(doc, c))
        .and_then(|c| c.as_name())
        .is_ok_and(|c| c == b"DeviceRGB")
}

/// `m` × `ctm`, PDF matrices as [a b c d e f].
fn multiply(m: &[f64], ctm: &[f64; 6]) -> [f64; 6] {
    [
        m[0] * ctm[0] + m[1] * ctm[2],
        m[0] * ctm[1] + m[1] * ctm[3],
        m[2] * ctm[0] + m[3] * ctm[2],
        m[2] * ctm[1] + m[3] * ctm[3],
        m[4] * ctm[0] + m[5] * ctm[2] + ctm[4],
        m[4] * ctm[1] + m[5] * ctm[3] + ctm[5],
    ]
}
