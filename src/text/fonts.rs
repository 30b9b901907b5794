//! The font book: font files grouped into families of four styles, with their metrics.
//!
//! In: font file bytes (the built-in family, files found in `fonts/`, or a named file).
//! Out: [`FontBook`], which layout asks for a face by family, weight and slant, and which
//! the PDF writer walks to embed each face once. Faces are parsed here once for their
//! metrics; shaping faces are built once per layout by [`FontBook::shapers`].

use crate::shared::SharedBytes;
use rustybuzz::ttf_parser;
use std::sync::Arc;

/// The default family, compiled into the binary so a report.toml that names no font, or a
/// machine with no fonts installed, still builds. Liberation Sans is metric-compatible with
/// Arial, the NHS's secondary typeface, and is under the SIL Open Font License.
pub const DEFAULT_FAMILY: &str = "Liberation Sans";
const BUILTIN: [(&[u8], &str); 4] = [
    (
        include_bytes!("../../fonts/LiberationSans-Regular.ttf"),
        "LiberationSans-Regular.ttf",
    ),
    (
        include_bytes!("../../fonts/LiberationSans-Bold.ttf"),
        "LiberationSans-Bold.ttf",
    ),
    (
        include_bytes!("../../fonts/LiberationSans-Italic.ttf"),
        "LiberationSans-Italic.ttf",
    ),
    (
        include_bytes!("../../fonts/LiberationSans-BoldItalic.ttf"),
        "LiberationSans-BoldItalic.ttf",
    ),
];

/// Index of a face in the book.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FaceId(pub u16);

/// Index of a family in the book.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FamilyId(pub u16);

/// One font face and its metrics, in font units scaled to 1 em.
#[derive(Debug, Clone)]
pub struct Face {
    pub data: SharedBytes,
    pub index: u32,
    /// Family name as the font declares it.
    pub family: String,
    /// PostScript name, for the frame dump and diagnostics.
    pub postscript: String,
    pub bold: bool,
    pub italic: bool,
    /// The OS/2 weight (400 regular, 700 bold) and width class (5 normal), to choose the
    /// plainest face of a family for each style.
    pub weight: u16,
    pub width: u16,
    /// Ascender, descender (negative) and cap height, in em.
    pub ascender: f64,
    pub descender: f64,
    pub cap_height: f64,
}

/// Four styles of one family; missing styles fall back to the regular face.
#[derive(Debug, Clone)]
pub struct Family {
    pub name: String,
    pub regular: FaceId,
    pub bold: FaceId,
    pub italic: FaceId,
    pub bold_italic: FaceId,
}

/// All faces a report uses.
#[derive(Debug, Clone, Default)]
pub struct FontBook {
    pub faces: Vec<Face>,
    pub families: Vec<Family>,
    /// Faces tried, in order, for a character a run's face lacks. Only faces the report's
    /// text needs are loaded (see `model::fallback`).
    pub fallback: Vec<FaceId>,
}

/// Why a font file could not be used.
#[derive(Debug, Clone, PartialEq)]
pub enum FontError {
    /// The bytes are not an OpenType/TrueType font.
    NotAFont,
}

impl FontBook {
    /// A book holding only the built-in family.
    pub fn with_builtin() -> Self {
        let mut book = FontBook::default();
        let faces: Vec<FaceId> = BUILTIN
            .iter()
            .map(|(bytes, _)| {
                book.add_face(*bytes)
                    .expect("invariant: the built-in fonts parse")
            })
            .collect();
        book.add_family(faces);
        book
    }

    /// Parses a font file and adds its (first) face. Returns the new face's id.
    pub fn add_face(&mut self, data: impl Into<SharedBytes>) -> Result<FaceId, FontError> {
        self.add_face_at(data, 0)
    }

    /// The number of faces in a font file: several for a collection (.ttc), else one.
    pub fn faces_in(data: &[u8]) -> u32 {
        ttf_parser::fonts_in_collection(data).unwrap_or(1)
    }

    /// Parses face `index` of a font file (a collection holds several) and adds it.
    pub fn add_face_at(
        &mut self,
        data: impl Into<SharedBytes>,
        index: u32,
    ) -> Result<FaceId, FontError> {
        let data = data.into();
        let face = ttf_parser::Face::parse(&data, index).map_err(|_| FontError::NotAFont)?;
        let upem = face.units_per_em() as f64;
        let name = |id: u16| {
            face.names()
                .into_iter()
                .filter(|n| n.name_id == id && n.is_unicode())
                .find_map(|n| n.to_string())
        };
        let family = name(ttf_parser::name_id::TYPOGRAPHIC_FAMILY)
            .or_else(|| name(ttf_parser::name_id::FAMILY))
            .unwrap_or_else(|| "Unnamed".into());
        let postscript = name(ttf_parser::name_id::POST_SCRIPT_NAME).unwrap_or(family.clone());
        // 600 (semibold) and above count as bold: a family rarely ships both.
        const BOLD_WEIGHT: u16 = 600;
        let entry = Face {
            index,
            family,
            postscript,
            weight: face.weight().to_number(),
            width: face.width().to_number(),
            bold: face.weight().to_number() >= BOLD_WEIGHT,
            italic: face.is_italic() || face.is_oblique(),
            ascender: face.ascender() as f64 / upem,
            descender: face.descender() as f64 / upem,
            cap_height: face.capital_height().map_or(0.7, |h| h as f64 / upem),
            data: data.clone(),
        };
        self.faces.push(entry);
        Ok(FaceId(self.faces.len() as u16 - 1))
    }

    /// Groups faces into a family, named after the first face; returns its id.
    pub fn add_family(&mut self, faces: Vec<FaceId>) -> FamilyId {
        // Of the faces of a style, the one of normal width nearest the style's weight (an
        // installed family may also hold condensed, light or black faces).
        let pick = |bold: bool, italic: bool| {
            let target: i32 = if bold { 700 } else { 400 };
            faces
                .iter()
                .copied()
                .filter(|f| self.face(*f).bold == bold && self.face(*f).italic == italic)
                .min_by_key(|f| {
                    let face = self.face(*f);
                    (face.width != 5, (face.weight as i32 - target).abs(), f.0)
                })
        };
        let regular = pick(false, false).unwrap_or(faces[0]);
        let bold = pick(true, false).unwrap_or(regular);
        let italic = pick(false, true).unwrap_or(regular);
        let bold_italic = pick(true, true).unwrap_or(bold);
        let family = Family {
            name: self.face(regular).family.clone(),
            regular,
            bold,
            italic,
            bold_italic,
        };
        self.families.push(family);
        FamilyId(self.families.len() as u16 - 1)
    }

    /// The family with this name (case-insensitive), if loaded.
    pub fn family_by_name(&self, name: &str) -> Option<FamilyId> {
        self.families
            .iter()
            .position(|f| f.name.eq_ignore_ascii_case(name))
            .map(|i| FamilyId(i as u16))
    }

    pub fn face(&self, id: FaceId) -> &Face {
        &self.faces[id.0 as usize]
    }

    pub fn family(&self, id: FamilyId) -> &Family {
        &self.families[id.0 as usize]
    }

    /// The face of `family` for a style.
    pub fn select(&self, family: FamilyId, bold: bool, italic: bool) -> FaceId {
        let f = self.family(family);
        match (bold, italic) {
            (false, false) => f.regular,
            (true, false) => f.bold,
            (false, true) => f.italic,
            (true, true) => f.bold_italic,
        }
    }

    /// The characters of `text` that `face` has no glyph for, each once, in order.
    /// Spaces and line breaks are not drawn, so they never count as missing.
    pub fn missing_chars(&self, face: FaceId, text: &str) -> Vec<char> {
        let face = self.face(face);
        let Ok(parsed) = ttf_parser::Face::parse(&face.data, face.index) else {
            return Vec::new();
        };
        let mut missing: Vec<char> = Vec::new();
        for c in text.chars() {
            if !c.is_whitespace()
                && c != '\u{AD}'
                && parsed.glyph_index(c).is_none()
                && !missing.contains(&c)
            {
                missing.push(c);
            }
        }
        missing
    }

    /// The characters of `chars` that `face` has a glyph for.
    pub fn coverage(
        &self,
        face: FaceId,
        chars: &std::collections::BTreeSet<char>,
    ) -> std::collections::BTreeSet<char> {
        let face = self.face(face);
        let Ok(parsed) = ttf_parser::Face::parse(&face.data, face.index) else {
            return Default::default();
        };
        chars
            .iter()
            .copied()
            .filter(|c| parsed.glyph_index(*c).is_some_and(|g| g.0 != 0))
            .collect()
    }

    /// Shapers for every face of the book, parsed once per layout, with the fallback chain.
    pub fn shapers(&self) -> super::Shapers<'_> {
        let faces = self
            .faces
            .iter()
            .map(|f| {
                super::Shaper::new(Arc::new(
                    rustybuzz::Face::from_slice(&f.data, f.index)
                        .expect("invariant: faces were parsed when added"),
                ))
            })
            .collect();
        super::Shapers::new(faces, self.fallback.clone())
    }
}
