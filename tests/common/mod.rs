//! Reading folio's PDFs back for tests: build a report, then extract positioned text
//! through each font's ToUnicode map, list fonts, fill colours and structure.

#![allow(dead_code)]

use lopdf::content::Content;
use lopdf::{Document, Object, ObjectId};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Builds a report.toml source with the repository root as its folder.
pub fn build_source(source: &str) -> folio::build::Built {
    build_in(source, &root())
}

/// Builds a report.toml source with `base` as its folder.
pub fn build_in(source: &str, base: &Path) -> folio::build::Built {
    match folio::build::compile(source, base) {
        Ok(b) => b,
        Err(folio::build::Failure::Report(d)) => panic!(
            "build failed:\n{}",
            folio::diag::render(&d, "report.toml", source, false)
        ),
        Err(e) => panic!("build failed: {e:?}"),
    }
}

/// Builds the shipped report.toml.
pub fn build_shipped() -> folio::build::Built {
    let source = std::fs::read_to_string(root().join("report.toml")).expect("report.toml");
    build_source(&source)
}

/// A run of text as drawn: where, how big, what it says.
#[derive(Debug, Clone)]
pub struct Run {
    pub x: f64,
    /// From the top of the page.
    pub y: f64,
    pub size: f64,
    pub font: String,
    pub text: String,
}

/// A parsed PDF with helpers.
pub struct Pdf {
    pub doc: Document,
    pub pages: Vec<ObjectId>,
}

impl Pdf {
    pub fn parse(bytes: &[u8]) -> Self {
        let doc = Document::load_mem(bytes).expect("the PDF parses");
        let pages = doc.get_pages().into_values().collect();
        Self { doc, pages }
    }

    fn resolve<'a>(&'a self, o: &'a Object) -> &'a Object {
        match o {
            Object::Reference(id) => self.doc.get_object(*id).expect("reference resolves"),
            o => o,
        }
    }

    /// Font resources of a page: resource name → font dictionary id or inline dict.
    fn fonts(&self, page: ObjectId) -> BTreeMap<Vec<u8>, lopdf::Dictionary> {
        self.doc
            .get_page_fonts(page)
            .unwrap_or_default()
            .into_iter()
            .map(|(k, v)| (k, v.clone()))
            .collect()
    }

    /// CID → text for a Type0 font, from its ToUnicode CMap.
    fn to_unicode(&self, font: &lopdf::Dictionary) -> BTreeMap<u32, String> {
        let mut map = BTreeMap::new();
        let Ok(tu) = font.get(b"ToUnicode") else {
            return map;
        };
        let Object::Stream(s) = self.resolve(tu) else {
            return map;
        };
        let data = s
            .decompressed_content()
            .unwrap_or_else(|_| s.content.clone());
        let text = String::from_utf8_lossy(&data);
        let hex = |h: &str| u32::from_str_radix(h.trim_matches(['<', '>']), 16).ok();
        let utf16 = |h: &str| {
            let h = h.trim_matches(['<', '>']);
            let units: Vec<u16> = (0..h.len() / 4)
                .filter_map(|i| u16::from_str_radix(&h[i * 4..i * 4 + 4], 16).ok())
                .collect();
            String::from_utf16_lossy(&units)
        };
        let mut mode = "";
        for line in text.lines() {
            let line = line.trim();
            if line.ends_with("beginbfchar") {
                mode = "char";
                continue;
            }
            if line.ends_with("beginbfrange") {
                mode = "range";
                continue;
            }
            if line.starts_with("endbf") {
                mode = "";
                continue;
            }
            let parts: Vec<&str> = line.split_whitespace().collect();
            match (mode, parts.as_slice()) {
                ("char", [cid, uni]) => {
                    if let Some(c) = hex(cid) {
                        map.insert(c, utf16(uni));
                    }
                }
                ("range", [lo, hi, uni]) if uni.starts_with('<') => {
                    if let (Some(lo), Some(hi)) = (hex(lo), hex(hi)) {
                        let base = utf16(uni);
                        let first = base.chars().next().map_or(0, |c| c as u32);
                        for (i, cid) in (lo..=hi).enumerate() {
                            if let Some(ch) = char::from_u32(first + i as u32) {
                                map.insert(cid, ch.to_string());
                            }
                        }
                    }
                }
                _ => {}
            }
        }
        map
    }

    /// Text runs of page `index` (0-based) in drawing order.
    pub fn runs(&self, index: usize) -> Vec<Run> {
        let page = self.pages[index];
        let fonts = self.fonts(page);
        let maps: BTreeMap<Vec<u8>, BTreeMap<u32, String>> = fonts
            .iter()
            .map(|(k, f)| (k.clone(), self.to_unicode(f)))
            .collect();
        let names: BTreeMap<Vec<u8>, String> = fonts
            .iter()
            .map(|(k, f)| {
                let name = f
                    .get(b"BaseFont")
                    .ok()
                    .and_then(|n| n.as_name().ok())
                    .map(|n| String::from_utf8_lossy(n).into_owned())
                    .unwrap_or_default();
                (k.clone(), name)
            })
            .collect();
        let content = self.doc.get_page_content(page);
        let ops = Content::decode(&content)
            .expect("content decodes")
            .operations;
        let mut out = Vec::new();
        let (mut font, mut size, mut x, mut y) = (Vec::new(), 0.0, 0.0, 0.0);
        let num = |o: &Object| o.as_float().map(|f| f as f64).unwrap_or(0.0);
        for op in ops {
            match op.operator.as_str() {
                "Tf" => {
                    font = op.operands[0]
                        .as_name()
                        .map(|n| n.to_vec())
                        .unwrap_or_default();
                    size = num(&op.operands[1]);
                }
                "Tm" => {
                    x = num(&op.operands[4]);
                    y = num(&op.operands[5]);
                }
                "TJ" | "Tj" => {
                    let map = maps.get(&font).cloned().unwrap_or_default();
                    let mut text = String::new();
                    let strings: Vec<&Object> = match &op.operands[0] {
                        Object::Array(a) => a.iter().collect(),
                        o => vec![o],
                    };
                    for s in strings {
                        if let Object::String(bytes, _) = s {
                            for pair in bytes.chunks(2) {
                                let cid = pair.iter().fold(0u32, |a, b| (a << 8) | *b as u32);
                                text.push_str(map.get(&cid).map_or("\u{FFFD}", |s| s.as_str()));
                            }
                        }
                    }
                    out.push(Run {
                        x,
                        y,
                        size,
                        font: names.get(&font).cloned().unwrap_or_default(),
                        text,
                    });
                }
                _ => {}
            }
        }
        out
    }

    /// All text of the document in drawing order: runs on one baseline join directly, a new
    /// baseline starts a new line.
    pub fn text(&self) -> String {
        let mut out = String::new();
        for i in 0..self.pages.len() {
            out.push_str(&join_runs(&self.runs(i)));
            out.push('\n');
        }
        out
    }

    /// Font dictionaries used anywhere (descendant fonts resolved), by BaseFont.
    pub fn font_dicts(&self) -> BTreeMap<String, (lopdf::Dictionary, Option<lopdf::Dictionary>)> {
        let mut out = BTreeMap::new();
        for &p in &self.pages {
            for (_, f) in self.fonts(p) {
                let name = f
                    .get(b"BaseFont")
                    .ok()
                    .and_then(|n| n.as_name().ok())
                    .map(|n| String::from_utf8_lossy(n).into_owned())
                    .unwrap_or_default();
                let descriptor = f
                    .get(b"DescendantFonts")
                    .ok()
                    .and_then(|d| match self.resolve(d) {
                        Object::Array(a) => a.first().cloned(),
                        _ => None,
                    })
                    .and_then(|d| self.resolve(&d).as_dict().ok().cloned())
                    .and_then(|cid| cid.get(b"FontDescriptor").ok().cloned())
                    .and_then(|fd| self.resolve(&fd).as_dict().ok().cloned());
                out.insert(name, (f, descriptor));
            }
        }
        out
    }

    /// Fill colours set with `sc`/`scn`/`rg` in page contents, as 0–255 RGB.
    pub fn fill_colours(&self) -> Vec<(u8, u8, u8)> {
        let mut out = Vec::new();
        for &p in &self.pages {
            let content = self.doc.get_page_content(p);
            for op in Content::decode(&content).expect("decodes").operations {
                if matches!(op.operator.as_str(), "sc" | "scn" | "rg") && op.operands.len() == 3 {
                    let c: Vec<u8> = op
                        .operands
                        .iter()
                        .map(|o| (o.as_float().unwrap_or(0.0) * 255.0).round() as u8)
                        .collect();
                    out.push((c[0], c[1], c[2]));
                }
            }
        }
        out
    }

    /// The page's MediaBox height.
    pub fn page_height(&self, index: usize) -> f64 {
        let page = self
            .doc
            .get_dictionary(self.pages[index])
            .expect("page dict");
        let mb = page.get(b"MediaBox").expect("MediaBox");
        match self.resolve(mb) {
            Object::Array(a) => a[3].as_float().map(|f| f as f64).unwrap_or(0.0),
            _ => 0.0,
        }
    }
}

/// Joins runs: same baseline → concatenate, new baseline → newline.
pub fn join_runs(runs: &[Run]) -> String {
    let mut out = String::new();
    let mut last_y: Option<f64> = None;
    for r in runs {
        if let Some(y) = last_y
            && (y - r.y).abs() > 0.5
        {
            out.push('\n');
        }
        out.push_str(&r.text);
        last_y = Some(r.y);
    }
    out
}

/// Collapses whitespace, and rejoins words hyphenated at a line end (soft hyphen + newline).
pub fn normalise(text: &str) -> String {
    let joined = text.replace("\u{AD}\n", "");
    joined.split_whitespace().collect::<Vec<_>>().join(" ")
}
