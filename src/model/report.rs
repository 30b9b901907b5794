//! The resolved report: the one value the model hands to layout.

use super::print::PrintConfig;
use super::types::{
    Block, Cover, Logo, Meta, NumbersPage, PageConfig, Palette, Section, TextConfig,
};
use crate::text::{FamilyId, FontBook};

/// A report ready for layout.
pub struct Report {
    pub meta: Meta,
    pub palette: Palette,
    pub fonts: FontBook,
    pub body_family: FamilyId,
    pub heading_family: FamilyId,
    pub logo: Option<Logo>,
    /// The logo drawn for the brand colour, for covers that set it on the colour field.
    pub logo_on_field: Option<Logo>,
    pub cover: Cover,
    pub page: PageConfig,
    pub text: TextConfig,
    /// The contents page's title, if there is one.
    pub contents: Option<String>,
    /// How many levels of heading the contents lists; `None` for as many as fit on one
    /// page (two, or one).
    pub contents_depth: Option<u8>,
    pub numbers: Option<NumbersPage>,
    pub sections: Vec<Section>,
    pub back: Vec<Block>,
    /// The running footer's text, beside the page number: `[footer] text`, or the title.
    pub footer: String,
    /// Where the footer's text is written (`[footer] text`, else the title).
    pub footer_span: super::types::Span,
    /// The print edition's settings and inks.
    pub print: PrintConfig,
}
