//! The theme: every size, space and proportion of the layout, resolved once per report.
//!
//! In: the page (size and margins) and the body text size. Out: a [`Theme`] that components
//! read and never compute: the margin box, the type scale, the vertical rhythm, rules, and
//! the geometry of cards, charts, tables, quotes, boxes, images, covers, footer, contents and
//! columns. Each value is written as designed — for A4 with 20 mm margins and 10.5 pt body
//! text — with the reason for it, and scaled to this report by [`scale::Scale`]. Large print
//! is one number (`[text] size = 16`): every size, gap and card follows from it. A5 or Letter
//! follow from the page: the covers are composed for the page, and a card grid takes as many
//! columns as cards of a readable width fit.
//!
//! Colours and families are the brand's, not the theme's: they come from the report's
//! palette and fonts when a style is made (see `super::cx`).

mod geometry;
mod scale;
mod type_scale;

pub use geometry::{
    AccentRule, BoxGeometry, CardGeometry, ChartGeometry, ColumnGeometry, ContentsGeometry,
    CoverGeometry, FooterGeometry, ForewordGeometry, HAIRLINE, ImageGeometry, ListGeometry,
    QuoteGeometry, Spacing, TableGeometry, TimelineGeometry,
};
pub use scale::{DESIGN_BODY, FINE_FLOOR, LARGE_PRINT, Scale};
pub use type_scale::{TextSpec, TypeScale};

use crate::geom::{Abs, Point, Rect, Size};
use crate::model::{PageConfig, TextConfig};

/// The resolved theme of one report.
#[derive(Debug, Clone)]
pub struct Theme {
    /// The page and its margin box (where flowed content goes).
    pub page: Size,
    pub area: Rect,
    /// Margins, for what sits in them (the footer) or reaches across them (covers, images
    /// at the page's full width).
    pub margins: Margins,
    pub scale: Scale,
    pub text: TypeScale,
    pub space: Spacing,
    pub accent: AccentRule,
    pub list: ListGeometry,
    pub card: CardGeometry,
    pub chart: ChartGeometry,
    pub table: TableGeometry,
    pub quote: QuoteGeometry,
    pub boxed: BoxGeometry,
    pub image: ImageGeometry,
    pub timeline: TimelineGeometry,
    pub foreword: ForewordGeometry,
    pub cover: CoverGeometry,
    pub footer: FooterGeometry,
    pub contents: ContentsGeometry,
    pub columns: ColumnGeometry,
}

/// The four margins.
#[derive(Debug, Clone, Copy)]
pub struct Margins {
    pub top: Abs,
    pub bottom: Abs,
    pub left: Abs,
    pub right: Abs,
}

impl Theme {
    /// Resolves the theme for a page and a text setting.
    pub fn new(page: &PageConfig, text: &TextConfig) -> Self {
        let area = Rect {
            origin: Point::new(page.left, page.top),
            size: Size::new(
                page.size.w - page.left - page.right,
                page.size.h - page.top - page.bottom,
            ),
        };
        let scale = Scale::new(text.size, area.size.w, page.size.h);
        let type_scale = TypeScale::new(&scale, page.bottom);
        let card = CardGeometry::new(&scale, type_scale.figure_section.size);
        let footer = FooterGeometry::new(page.bottom, type_scale.footer.size);
        Self {
            page: page.size,
            area,
            margins: Margins {
                top: page.top,
                bottom: page.bottom,
                left: page.left,
                right: page.right,
            },
            text: type_scale,
            space: Spacing::new(&scale),
            accent: AccentRule::new(&scale),
            list: ListGeometry::new(&scale),
            card,
            chart: ChartGeometry::new(&scale),
            table: TableGeometry::new(&scale),
            quote: QuoteGeometry::new(&scale),
            boxed: BoxGeometry::new(&scale),
            image: ImageGeometry::new(&scale),
            timeline: TimelineGeometry::new(&scale),
            foreword: ForewordGeometry::new(&scale),
            cover: CoverGeometry::new(&scale),
            footer,
            contents: ContentsGeometry::new(&scale),
            columns: ColumnGeometry::new(&scale),
            scale,
        }
    }

    /// The width of the margin box: the measure of body text.
    pub fn measure(&self) -> Abs {
        self.area.size.w
    }

    /// The width of one of two columns.
    pub fn column_width(&self) -> Abs {
        (self.measure() - self.columns.gutter) / 2.0
    }
}
