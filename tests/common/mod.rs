//! Reading folio's PDFs back for tests: build a report, then extract positioned text
//! through each font's ToUnicode map, list fonts, fill colours and structure.

#![allow(dead_code)]

pub mod geometry;

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

/// A run of text as drawn: where, how big, what it says, and its marked content.
#[derive(Debug, Clone)]
pub struct Run {
    /// The MCID of the innermost marked-content sequence, if tagged as content.
    pub mcid: Option<i64>,
    /// Drawn inside an `/Artifact` sequence.
    pub artifact: bool,
    pub x: f64,
    /// From the top of the page.
    pub y: f64,
    pub size: f64,
    pub font: String,
    pub text: String,
}

/// A 2-D affine matrix as PDF writes it, `[a b c d e f]`.
pub type Matrix = [f64; 6];

/// `a` then `b`: the matrix PDF's `a b cm`-style concatenation makes (row vectors).
pub fn mat_mul(a: Matrix, b: Matrix) -> Matrix {
    [
        a[0] * b[0] + a[1] * b[2],
        a[0] * b[1] + a[1] * b[3],
        a[2] * b[0] + a[3] * b[2],
        a[2] * b[1] + a[3] * b[3],
        a[4] * b[0] + a[5] * b[2] + b[4],
        a[4] * b[1] + a[5] * b[3] + b[5],
    ]
}

/// The bare words of a content stream in order, operators and numbers as written; literal
/// and hex strings, names and comments skipped.
pub fn content_words(content: &[u8]) -> Vec<String> {
    const DELIMITERS: &[u8] = b" \t\r\n/[]()<>{}%";
    let mut words = Vec::new();
    let mut i = 0;
    while i < content.len() {
        match content[i] {
            b'(' => {
                // A literal string, with nesting and escapes.
                let mut depth = 0;
                while i < content.len() {
                    match content[i] {
                        b'\\' => i += 1,
                        b'(' => depth += 1,
                        b')' => {
                            depth -= 1;
                            if depth == 0 {
                                break;
                            }
                        }
                        _ => {}
                    }
                    i += 1;
                }
                i += 1;
            }
            b'<' if content.get(i + 1) != Some(&b'<') => {
                // A hex string.
                while i < content.len() && content[i] != b'>' {
                    i += 1;
                }
                i += 1;
            }
            b'<' | b'>' | b'[' | b']' | b'{' | b'}' => i += 1,
            b'%' => {
                while i < content.len() && content[i] != b'\n' {
                    i += 1;
                }
            }
            b'/' => {
                i += 1;
                while i < content.len() && !DELIMITERS.contains(&content[i]) {
                    i += 1;
                }
            }
            c if c.is_ascii_whitespace() => i += 1,
            _ => {
                let start = i;
                while i < content.len() && !DELIMITERS.contains(&content[i]) {
                    i += 1;
                }
                words.push(String::from_utf8_lossy(&content[start..i]).into_owned());
            }
        }
    }
    words
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

    /// Every embedded font's ToUnicode map (CID → text), by BaseFont, across all pages.
    pub fn to_unicode_maps(&self) -> BTreeMap<String, BTreeMap<u32, String>> {
        let mut out = BTreeMap::new();
        for &p in &self.pages {
            for (_, f) in self.fonts(p) {
                out.entry(base_font(&f))
                    .or_insert_with(BTreeMap::new)
                    .extend(self.to_unicode(&f));
            }
        }
        out
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
            .map(|(k, f)| (k.clone(), base_font(f)))
            .collect();
        let content = self.doc.get_page_content(page);
        let ops = Content::decode(&content)
            .expect("content decodes")
            .operations;
        let mut out = Vec::new();
        let (mut font, mut size, mut x, mut y, mut scale) = (Vec::new(), 0.0, 0.0, 0.0, 1.0);
        // The current transformation matrix, and those saved by `q`: a run's origin is
        // its text matrix in the space they make, whether or not the writer used `cm`.
        let (mut ctm, mut saved): (Matrix, Vec<Matrix>) =
            ([1.0, 0.0, 0.0, 1.0, 0.0, 0.0], Vec::new());
        let height = self.page_height(index);
        // (tag, mcid, ActualText) of each open marked-content sequence.
        let mut marks: Vec<(Vec<u8>, Option<i64>, Option<String>)> = Vec::new();
        let num = |o: &Object| o.as_float().map(|f| f as f64).unwrap_or(0.0);
        for op in ops {
            match op.operator.as_str() {
                "BDC" | "BMC" => {
                    let tag = op.operands[0]
                        .as_name()
                        .map(|n| n.to_vec())
                        .unwrap_or_default();
                    let mcid = op.operands.get(1).and_then(|o| match o {
                        Object::Dictionary(d) => d.get(b"MCID").ok().and_then(|m| m.as_i64().ok()),
                        Object::Name(n) => self
                            .doc
                            .get_dictionary(page)
                            .ok()
                            .and_then(|pd| pd.get(b"Resources").ok())
                            .and_then(|r| self.resolve(r).as_dict().ok())
                            .and_then(|r| r.get(b"Properties").ok())
                            .and_then(|p| self.resolve(p).as_dict().ok())
                            .and_then(|p| p.get(n).ok())
                            .and_then(|d| self.resolve(d).as_dict().ok())
                            .and_then(|d| d.get(b"MCID").ok())
                            .and_then(|m| m.as_i64().ok()),
                        _ => None,
                    });
                    let actual = op.operands.get(1).and_then(|o| match o {
                        Object::Dictionary(d) => match d.get(b"ActualText").ok() {
                            Some(Object::String(b, _)) => Some(decode_text_string(b)),
                            _ => None,
                        },
                        _ => None,
                    });
                    marks.push((tag, mcid, actual));
                }
                "EMC" => {
                    marks.pop();
                }
                "Tf" => {
                    font = op.operands[0]
                        .as_name()
                        .map(|n| n.to_vec())
                        .unwrap_or_default();
                    size = num(&op.operands[1]);
                }
                "q" => saved.push(ctm),
                "Q" => ctm = saved.pop().unwrap_or(ctm),
                "cm" => {
                    let m: Vec<f64> = op.operands.iter().map(num).collect();
                    ctm = mat_mul([m[0], m[1], m[2], m[3], m[4], m[5]], ctm);
                }
                "Tm" => {
                    let m: Vec<f64> = op.operands.iter().map(num).collect();
                    let at = mat_mul([m[0], m[1], m[2], m[3], m[4], m[5]], ctm);
                    // From the top of the page, as folio lays pages out.
                    x = at[4];
                    y = height - at[5];
                    scale = (at[0] * at[3] - at[1] * at[2]).abs().sqrt();
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
                    // Text replaced with ActualText reads as that text.
                    if let Some(actual) = marks.iter().rev().find_map(|(_, _, a)| a.clone()) {
                        text = actual;
                    }
                    out.push(Run {
                        mcid: marks.iter().rev().find_map(|(_, m, _)| *m),
                        artifact: marks.iter().any(|(t, _, _)| t == b"Artifact"),
                        x,
                        y,
                        size: size * scale,
                        font: names.get(&font).cloned().unwrap_or_default(),
                        text,
                    });
                }
                _ => {}
            }
        }
        out
    }

    /// The boxes (in PDF user space) of every image drawn on a page, and of every rectangle
    /// used as a clip, by following the content stream's transforms.
    pub fn drawn_images_and_clips(&self, page: ObjectId) -> (Vec<[f64; 4]>, Vec<[f64; 4]>) {
        let pdf = self;
        let apply =
            |m: Matrix, x: f64, y: f64| (m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]);
        let bbox = |m: Matrix, x0: f64, y0: f64, x1: f64, y1: f64| {
            let pts = [
                apply(m, x0, y0),
                apply(m, x1, y0),
                apply(m, x0, y1),
                apply(m, x1, y1),
            ];
            let xs = pts.iter().map(|p| p.0);
            let ys = pts.iter().map(|p| p.1);
            [
                xs.clone().fold(f64::MAX, f64::min),
                ys.clone().fold(f64::MAX, f64::min),
                xs.fold(f64::MIN, f64::max),
                ys.fold(f64::MIN, f64::max),
            ]
        };
        let num = |o: &Object| o.as_float().map(f64::from).unwrap_or(0.0);
        let (direct, ids) = pdf.doc.get_page_resources(page).expect("resources");
        let resources: Vec<&lopdf::Dictionary> = direct
            .into_iter()
            .chain(ids.iter().filter_map(|id| pdf.doc.get_dictionary(*id).ok()))
            .collect();
        let xobjects = resources
            .iter()
            .find_map(|r| r.get(b"XObject").ok())
            .and_then(|x| pdf.doc.dereference(x).ok())
            .and_then(|(_, o)| o.as_dict().ok().cloned())
            .unwrap_or_default();
        let is_image = |name: &[u8]| {
            xobjects
                .get(name)
                .ok()
                .and_then(|o| pdf.doc.dereference(o).ok())
                .and_then(|(_, o)| o.as_stream().ok())
                .is_some_and(|s| {
                    s.dict.get(b"Subtype").ok().and_then(|t| t.as_name().ok()) == Some(b"Image")
                })
        };
        let content = Content::decode(&pdf.doc.get_page_content(page)).unwrap();
        let (mut ctm, mut stack): (Matrix, Vec<Matrix>) =
            ([1.0, 0.0, 0.0, 1.0, 0.0, 0.0], Vec::new());
        let (mut images, mut clips) = (Vec::new(), Vec::new());
        // The bounding box of the path being built, in user space.
        let mut path: Option<[f64; 4]> = None;
        let extend = |path: &mut Option<[f64; 4]>, b: [f64; 4]| {
            *path = Some(match *path {
                None => b,
                Some(p) => [
                    p[0].min(b[0]),
                    p[1].min(b[1]),
                    p[2].max(b[2]),
                    p[3].max(b[3]),
                ],
            });
        };
        for op in &content.operations {
            let o = &op.operands;
            match op.operator.as_str() {
                "q" => stack.push(ctm),
                "Q" => ctm = stack.pop().unwrap_or(ctm),
                "cm" => {
                    let m = [
                        num(&o[0]),
                        num(&o[1]),
                        num(&o[2]),
                        num(&o[3]),
                        num(&o[4]),
                        num(&o[5]),
                    ];
                    ctm = mat_mul(m, ctm);
                }
                "re" => {
                    let (x, y, w, h) = (num(&o[0]), num(&o[1]), num(&o[2]), num(&o[3]));
                    extend(&mut path, bbox(ctm, x, y, x + w, y + h));
                }
                "m" | "l" => {
                    let (x, y) = (num(&o[0]), num(&o[1]));
                    extend(&mut path, bbox(ctm, x, y, x, y));
                }
                "W" | "W*" => clips.extend(path),
                "n" | "f" | "f*" | "S" | "B" | "b" => path = None,
                "Do" => {
                    if let Ok(name) = o[0].as_name()
                        && is_image(name)
                    {
                        images.push(bbox(ctm, 0.0, 0.0, 1.0, 1.0));
                    }
                }
                _ => {}
            }
        }
        (images, clips)
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
                let name = base_font(&f);
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

/// A structure element read back from the PDF.
#[derive(Debug, Clone)]
pub struct SNode {
    /// The structure type, e.g. `H2`, `P`, `LI`.
    pub kind: String,
    pub alt: Option<String>,
    pub children: Vec<SChild>,
}

/// A child of a structure element.
#[derive(Debug, Clone)]
pub enum SChild {
    Node(SNode),
    /// Marked content on a page (page index, MCID).
    Content(usize, i64),
    /// An annotation, such as a link.
    Annotation,
}

impl SNode {
    /// All nodes below and including this one, depth first (reading order).
    pub fn walk(&self) -> Vec<&SNode> {
        let mut out = vec![self];
        for c in &self.children {
            if let SChild::Node(n) = c {
                out.extend(n.walk());
            }
        }
        out
    }

    pub fn nodes(&self) -> Vec<&SNode> {
        self.children
            .iter()
            .filter_map(|c| match c {
                SChild::Node(n) => Some(n),
                _ => None,
            })
            .collect()
    }

    /// The text of this element's content, in structure order.
    pub fn text(&self, runs: &[Vec<Run>]) -> String {
        let mut out = String::new();
        for c in &self.children {
            match c {
                SChild::Node(n) => out.push_str(&n.text(runs)),
                SChild::Content(page, mcid) => {
                    for r in runs[*page]
                        .iter()
                        .filter(|r| r.mcid == Some(*mcid) && !r.artifact)
                    {
                        out.push_str(&r.text);
                    }
                }
                SChild::Annotation => {}
            }
        }
        out
    }
}

impl Pdf {
    /// Text runs of every page.
    pub fn all_runs(&self) -> Vec<Vec<Run>> {
        (0..self.pages.len()).map(|i| self.runs(i)).collect()
    }

    /// The document information dictionary.
    pub fn info(&self) -> &lopdf::Dictionary {
        let id = self
            .doc
            .trailer
            .get(b"Info")
            .and_then(|i| i.as_reference())
            .expect("the trailer names the document information");
        self.doc.get_dictionary(id).expect("document information")
    }

    /// The document catalog.
    pub fn catalog(&self) -> &lopdf::Dictionary {
        self.doc.catalog().expect("catalog")
    }

    /// Page index of a page object id.
    pub fn page_index(&self, id: ObjectId) -> Option<usize> {
        self.pages.iter().position(|p| *p == id)
    }

    /// The structure tree below StructTreeRoot.
    pub fn structure(&self) -> SNode {
        let root = self
            .catalog()
            .get(b"StructTreeRoot")
            .map(|r| self.resolve(r))
            .and_then(|r| r.as_dict().cloned())
            .expect("StructTreeRoot");
        SNode {
            kind: "StructTreeRoot".into(),
            alt: None,
            children: self.kids(&root, None),
        }
    }

    fn kids(&self, elem: &lopdf::Dictionary, page: Option<usize>) -> Vec<SChild> {
        let page = elem
            .get(b"Pg")
            .ok()
            .and_then(|p| p.as_reference().ok())
            .and_then(|id| self.page_index(id))
            .or(page);
        let Ok(k) = elem.get(b"K") else {
            return Vec::new();
        };
        let items: Vec<Object> = match self.resolve(k) {
            Object::Array(a) => a.clone(),
            o => vec![o.clone()],
        };
        let mut out = Vec::new();
        for item in items {
            match self.resolve(&item) {
                Object::Integer(mcid) => out.push(SChild::Content(page.unwrap_or(0), *mcid)),
                Object::Dictionary(d) => {
                    let ty = d.get(b"Type").ok().and_then(|t| t.as_name().ok());
                    match ty {
                        Some(b"MCR") => {
                            let pg = d
                                .get(b"Pg")
                                .ok()
                                .and_then(|p| p.as_reference().ok())
                                .and_then(|id| self.page_index(id))
                                .or(page)
                                .unwrap_or(0);
                            let mcid = d
                                .get(b"MCID")
                                .ok()
                                .and_then(|m| m.as_i64().ok())
                                .unwrap_or(-1);
                            out.push(SChild::Content(pg, mcid));
                        }
                        Some(b"OBJR") => out.push(SChild::Annotation),
                        _ => {
                            let kind = d
                                .get(b"S")
                                .ok()
                                .and_then(|s| s.as_name().ok())
                                .map(|s| String::from_utf8_lossy(s).into_owned())
                                .unwrap_or_default();
                            let alt = d.get(b"Alt").ok().and_then(|a| match self.resolve(a) {
                                Object::String(b, _) => Some(decode_text_string(b)),
                                _ => None,
                            });
                            out.push(SChild::Node(SNode {
                                kind,
                                alt,
                                children: self.kids(d, page),
                            }));
                        }
                    }
                }
                _ => {}
            }
        }
        out
    }

    /// Outline entries, depth first: (depth from 1, title, destination page index, y from top).
    pub fn outline(&self) -> Vec<(usize, String, usize)> {
        let mut out = Vec::new();
        let Some(first) = self
            .catalog()
            .get(b"Outlines")
            .ok()
            .map(|o| self.resolve(o))
            .and_then(|o| o.as_dict().ok())
            .and_then(|o| o.get(b"First").ok())
            .and_then(|f| f.as_reference().ok())
        else {
            return out;
        };
        self.outline_items(first, 1, &mut out);
        out
    }

    fn outline_items(&self, mut id: ObjectId, depth: usize, out: &mut Vec<(usize, String, usize)>) {
        loop {
            let d = self.doc.get_dictionary(id).expect("outline item");
            let title = match d.get(b"Title").map(|t| self.resolve(t)) {
                Ok(Object::String(b, _)) => decode_text_string(b),
                _ => String::new(),
            };
            let page = self.dest_page(d).unwrap_or(usize::MAX);
            out.push((depth, title, page));
            if let Ok(first) = d.get(b"First").and_then(|f| f.as_reference()) {
                self.outline_items(first, depth + 1, out);
            }
            match d.get(b"Next").and_then(|n| n.as_reference()) {
                Ok(next) => id = next,
                Err(_) => break,
            }
        }
    }

    /// The page index a `/Dest` (or a GoTo action's `/D`) points at.
    pub fn dest_page(&self, d: &lopdf::Dictionary) -> Option<usize> {
        let dest = d
            .get(b"Dest")
            .ok()
            .or_else(|| {
                d.get(b"A")
                    .ok()
                    .and_then(|a| self.resolve(a).as_dict().ok())
                    .and_then(|a| a.get(b"D").ok())
            })
            .map(|x| self.resolve(x))?;
        match dest {
            Object::Array(a) => a
                .first()?
                .as_reference()
                .ok()
                .and_then(|id| self.page_index(id)),
            _ => None,
        }
    }

    /// Link annotations of a page: (rect, destination page index or URI).
    pub fn links(&self, index: usize) -> Vec<(Vec<f64>, Result<usize, String>)> {
        let page = self.doc.get_dictionary(self.pages[index]).expect("page");
        let Ok(annots) = page.get(b"Annots") else {
            return Vec::new();
        };
        let Object::Array(annots) = self.resolve(annots) else {
            return Vec::new();
        };
        annots
            .iter()
            .filter_map(|a| self.resolve(a).as_dict().ok())
            .filter(|a| a.get(b"Subtype").ok().and_then(|s| s.as_name().ok()) == Some(b"Link"))
            .map(|a| {
                let rect = match a.get(b"Rect").map(|r| self.resolve(r)) {
                    Ok(Object::Array(r)) => r
                        .iter()
                        .map(|v| v.as_float().unwrap_or(0.0) as f64)
                        .collect(),
                    _ => Vec::new(),
                };
                let target = match self.dest_page(a) {
                    Some(p) => Ok(p),
                    None => Err(a
                        .get(b"A")
                        .ok()
                        .and_then(|x| self.resolve(x).as_dict().ok())
                        .and_then(|x| x.get(b"URI").ok())
                        .and_then(|u| match self.resolve(u) {
                            Object::String(b, _) => Some(String::from_utf8_lossy(b).into_owned()),
                            _ => None,
                        })
                        .unwrap_or_default()),
                };
                (rect, target)
            })
            .collect()
    }
}

/// A PDF text string: UTF-16BE with a byte-order mark, or PDFDocEncoding (≈ Latin-1).
pub fn decode_text_string(b: &[u8]) -> String {
    if b.starts_with(&[0xFE, 0xFF]) {
        let units: Vec<u16> = b[2..]
            .chunks(2)
            .map(|c| u16::from_be_bytes([c[0], *c.get(1).unwrap_or(&0)]))
            .collect();
        String::from_utf16_lossy(&units)
    } else {
        b.iter().map(|&c| c as char).collect()
    }
}

/// A font dictionary's BaseFont name.
fn base_font(f: &lopdf::Dictionary) -> String {
    f.get(b"BaseFont")
        .ok()
        .and_then(|n| n.as_name().ok())
        .map(|n| String::from_utf8_lossy(n).into_owned())
        .unwrap_or_default()
}

/// Asserts that a PDF conforms to PDF/UA-1 and PDF/A-2a under the independent validator,
/// listing every failed rule otherwise.
pub fn assert_ua1_and_a2a(name: &str, pdf: &[u8]) {
    use page_validation::{ValidationOptions, ValidationProfile, validate_pdf_bytes};
    for profile in [ValidationProfile::PdfUa1, ValidationProfile::PdfA2a] {
        let report = validate_pdf_bytes(pdf, &ValidationOptions::default().profile(profile))
            .expect("the validator reads the PDF");
        let failures: Vec<String> = report.failures.iter().map(|f| f.to_string()).collect();
        assert!(report.is_compliant, "{name}, {profile:?}: {failures:#?}");
    }
}

/// A command-line tool an independent check needs (qpdf, Ghostscript), found on `PATH`.
///
/// When it is missing, the check is skipped with a message on a developer's machine, but
/// fails under `CI=true`: CI installs every tool (`.ci/run`), so a missing one there means
/// the check would silently prove nothing.
pub fn tool(name: &str, package: &str) -> Option<PathBuf> {
    let found = std::env::var_os("PATH").and_then(|p| {
        std::env::split_paths(&p)
            .map(|d| d.join(name))
            .find(|c| c.is_file())
    });
    if found.is_none() {
        if std::env::var("CI").is_ok_and(|v| v == "true") {
            panic!("`{name}` is not installed, and CI must run this check: install {package}");
        }
        // Written to stderr directly, past the test harness's capture, so that the skip is
        // seen in a plain `cargo test`; once per tool and test binary.
        static SAID: std::sync::Mutex<Vec<String>> = std::sync::Mutex::new(Vec::new());
        let mut said = SAID.lock().unwrap_or_else(|e| e.into_inner());
        if !said.iter().any(|s| s == name) {
            said.push(name.to_string());
            use std::io::Write;
            let _ = writeln!(
                std::io::stderr(),
                "skipped: `{name}` is not installed, so its checks did not run (install {package}; .ci/run does)"
            );
        }
    }
    found
}

/// A file in the temporary folder, unique to this process and `name`, removed on drop.
pub struct TempFile(pub PathBuf);

impl TempFile {
    pub fn with(name: &str, bytes: &[u8]) -> Self {
        // Tests run in parallel threads of one process: a counter keeps their files apart.
        static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let path = std::env::temp_dir().join(format!("folio-{}-{n}-{name}", std::process::id()));
        std::fs::write(&path, bytes).expect("the temporary folder is writable");
        Self(path)
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}
