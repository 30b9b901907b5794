//! Text and font support.
//!
//! krilla has extensive support for OpenType fonts. It supports CFF-based as well
//! as TTF-based OpenType fonts. In addition to that, krilla also supports
//! all major tables used in color fonts, including the `SVG`, `COLR`, `sbix` and
//! `CBDT`/`EBDT` (only PNG) tables, something that, to the best of my knowledge, no other
//! Rust crates provides.
//!
//! Even better is the fact that you do not need to take care of choosing the right
//! table for drawing glyphs: All you need to do is to provide the [`Font`] object with
//! an appropriate index.

use std::collections::HashMap;
use std::fmt::Debug;
use std::hash::Hash;

use crate::text::cid::{CIDFont, Cid};
use crate::text::type3::{ColoredGlyph, Type3Font, Type3FontMapper, Type3ID};
pub(crate) mod cid;
pub(crate) mod font;
pub(crate) mod glyph;
pub(crate) mod group;
#[cfg(feature = "simple-text")]
pub(crate) mod shape;
pub(crate) mod type3;

pub use font::*;
pub use glyph::*;
#[cfg(feature = "simple-text")]
pub use shape::TextDirection;

pub(crate) const PDF_UNITS_PER_EM: f32 = 1000.0;

/// A unique CID identifier.
#[derive(Clone, Debug, Hash, Eq, PartialEq)]
pub(crate) struct CIDIdentifier(pub Font);

/// A unique Type3 font identifier. Type3 fonts can only hold 256 glyphs, which
/// means that we might have to create more than one Type3 font. This is why we
/// additionally store an index that indicates which specific Type3Font we are
/// referring to.
#[derive(Clone, Debug, Hash, Eq, PartialEq)]
pub(crate) struct Type3Identifier(pub Font, pub Type3ID);

/// A font identifier for a PDF font.
#[derive(Clone, Debug, Hash, Eq, PartialEq)]
pub(crate) enum FontIdentifier {
    Cid(CIDIdentifier),
    Type3(Type3Identifier),
}

/// Which of a font container's PDF fonts a glyph is drawn with: its CID font, or one of its
/// Type3 fonts (by its index in the container's `Type3FontMapper`). Unlike a
/// `FontIdentifier`, it holds no font, so it is copied and compared without touching the
/// font's `Arc`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum PdfFontKey {
    Cid,
    Type3(Type3ID),
}

/// What a glyph ID of the font has been resolved to so far.
#[derive(Clone, Copy)]
enum GlyphSlot {
    Unseen,
    /// Outlined, as this CID of the CID font.
    Cid(Cid),
    /// Not outlined: drawn from a Type3 font, which one depending on the context colour.
    Type3,
}

/// A container that holds all PDF fonts belonging to an OTF font.
pub(crate) struct FontContainer {
    font: Font,
    type3_mapper: Type3FontMapper,
    cid_font: CIDFont,
    /// Indexed by glyph ID (glyph IDs beyond `u16` are not kept: no CID font can hold them).
    /// Every glyph drawn is looked up here several times, so a table, not a hash map.
    glyph_slots: Vec<GlyphSlot>,
    type3_cache: HashMap<ColoredGlyph, (PdfFontKey, PDFGlyph)>,
}

impl FontContainer {
    pub(crate) fn new(font: Font) -> Self {
        Self {
            font: font.clone(),
            type3_mapper: Type3FontMapper::new(font.clone()),
            cid_font: CIDFont::new(font.clone()),
            glyph_slots: Vec::new(),
            type3_cache: Default::default(),
        }
    }

    pub(crate) fn type3_mapper(&self) -> &Type3FontMapper {
        &self.type3_mapper
    }

    pub(crate) fn cid_font(&self) -> &CIDFont {
        &self.cid_font
    }

    #[inline]
    fn slot(&self, glyph_id: GlyphId) -> GlyphSlot {
        self.glyph_slots
            .get(glyph_id.to_u32() as usize)
            .copied()
            .unwrap_or(GlyphSlot::Unseen)
    }

    #[inline]
    fn set_slot(&mut self, glyph_id: GlyphId, slot: GlyphSlot) {
        let index = glyph_id.to_u32() as usize;
        if index <= u16::MAX as usize {
            if index >= self.glyph_slots.len() {
                self.glyph_slots.resize(index + 1, GlyphSlot::Unseen);
            }
            self.glyph_slots[index] = slot;
        }
    }

    /// The PDF font and glyph a glyph was assigned by `add_glyph`, if it was added.
    #[inline]
    pub(crate) fn get_glyph(&self, glyph: ColoredGlyph) -> Option<(PdfFontKey, PDFGlyph)> {
        match self.slot(glyph.glyph_id) {
            GlyphSlot::Cid(cid) => Some((PdfFontKey::Cid, PDFGlyph::Cid(cid))),
            _ => self.type3_cache.get(&glyph).copied(),
        }
    }

    #[inline]
    pub(crate) fn pdf_font(&self, key: PdfFontKey) -> &dyn PdfFont {
        match key {
            PdfFontKey::Cid => &self.cid_font,
            PdfFontKey::Type3(index) => &self.type3_mapper.fonts()[index],
        }
    }

    #[inline]
    pub(crate) fn pdf_font_mut(&mut self, key: PdfFontKey) -> &mut dyn PdfFont {
        match key {
            PdfFontKey::Cid => &mut self.cid_font,
            PdfFontKey::Type3(index) => self.type3_mapper.font_mut(index),
        }
    }

    /// The identifier of the PDF font `key` stands for.
    pub(crate) fn identifier(&self, key: PdfFontKey) -> FontIdentifier {
        match key {
            PdfFontKey::Cid => self.cid_font.identifier(),
            PdfFontKey::Type3(index) => self.type3_mapper.fonts()[index].identifier(),
        }
    }

    #[inline]
    pub(crate) fn add_glyph(&mut self, glyph: ColoredGlyph) -> (PdfFontKey, PDFGlyph) {
        match self.slot(glyph.glyph_id) {
            // We already know that this glyph uses a CID glyph.
            GlyphSlot::Cid(cid) => return (PdfFontKey::Cid, PDFGlyph::Cid(cid)),
            GlyphSlot::Type3 => {
                if let Some(e) = self.type3_cache.get(&glyph) {
                    return *e;
                }
            }
            GlyphSlot::Unseen => {}
        }

        if should_outline(&self.font, glyph.glyph_id) {
            let cid = self.cid_font.add_glyph(glyph.glyph_id);
            self.set_slot(glyph.glyph_id, GlyphSlot::Cid(cid));
            (PdfFontKey::Cid, PDFGlyph::Cid(cid))
        } else {
            let (index, gid) = self.type3_mapper.add_glyph(glyph);
            let res = (PdfFontKey::Type3(index), PDFGlyph::Type3(gid));
            self.set_slot(glyph.glyph_id, GlyphSlot::Type3);
            self.type3_cache.insert(glyph, res);
            res
        }
    }
}

pub(crate) trait PdfFont {
    fn units_per_em(&self) -> f32;
    fn font(&self) -> Font;
    fn get_codepoints(&self, pdf_glyph: PDFGlyph) -> Option<&str>;
    fn set_codepoints(
        &mut self,
        pdf_glyph: PDFGlyph,
        text: String,
        location: Option<crate::surface::Location>,
    );
    fn force_fill(&self) -> bool;
}

impl PdfFont for Type3Font {
    fn units_per_em(&self) -> f32 {
        self.unit_per_em()
    }

    fn font(&self) -> Font {
        Type3Font::font(self)
    }

    #[track_caller]
    fn get_codepoints(&self, pdf_glyph: PDFGlyph) -> Option<&str> {
        match pdf_glyph {
            PDFGlyph::Type3(t3) => self.get_codepoints(t3),
            PDFGlyph::Cid(_) => panic!("attempted to pass cid to type 3 font"),
        }
    }

    #[track_caller]
    fn set_codepoints(
        &mut self,
        pdf_glyph: PDFGlyph,
        text: String,
        location: Option<crate::surface::Location>,
    ) {
        match pdf_glyph {
            PDFGlyph::Type3(t3) => self.set_codepoints(t3, text, location),
            PDFGlyph::Cid(_) => panic!("attempted to pass cid to type 3 font"),
        }
    }

    fn force_fill(&self) -> bool {
        true
    }
}

impl PdfFont for CIDFont {
    fn units_per_em(&self) -> f32 {
        self.units_per_em()
    }

    fn font(&self) -> Font {
        CIDFont::font(self)
    }

    #[track_caller]
    fn get_codepoints(&self, pdf_glyph: PDFGlyph) -> Option<&str> {
        match pdf_glyph {
            PDFGlyph::Type3(_) => panic!("attempted to pass type 3 glyph to cid font"),
            PDFGlyph::Cid(cid) => self.get_codepoints(cid),
        }
    }

    #[track_caller]
    fn set_codepoints(
        &mut self,
        pdf_glyph: PDFGlyph,
        text: String,
        location: Option<crate::surface::Location>,
    ) {
        match pdf_glyph {
            PDFGlyph::Type3(_) => panic!("attempted to pass type 3 glyph to cid font"),
            PDFGlyph::Cid(cid) => self.set_codepoints(cid, text, location),
        }
    }

    fn force_fill(&self) -> bool {
        false
    }
}
