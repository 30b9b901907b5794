//! How a value drawn for one page and body size becomes the value for this report.
//!
//! Every theme value is written as it was designed: for an A4 page with 20 mm margins and
//! 10.5 pt body text. [`Scale`] turns it into this report's value in one of four ways,
//! according to what the value is:
//! - [`Scale::em`]: a length that belongs to the text — spacing, padding, indents, chart
//!   geometry — grows and shrinks in proportion to the body size;
//! - [`Scale::fine`]: small print (captions, labels, footers) is smaller than the body at
//!   normal sizes, but never in large print: from [`LARGE_PRINT`] up it is the body size,
//!   as large-print guidance asks of every word on the page, and it never drops below
//!   [`FINE_FLOOR`];
//! - [`Scale::display`]: a size above the body (headings, figures, leads) keeps its ratio to
//!   the body at normal sizes; in large print the ratio shrinks with the square root of the
//!   growth, so headings stay clearly above the text without outgrowing the page;
//! - [`Scale::cover`]: the covers are composed for the page, so their display sizes also
//!   follow the page, by the smaller of its measure's and its height's ratio to A4's.
//!
//! At the design size every method returns its input exactly, so A4 at 10.5 pt is the
//! design as drawn.

use crate::geom::Abs;

/// The body size the design was drawn at, in points.
pub const DESIGN_BODY: f64 = 10.5;
/// From this body size up, text is large print (RNIB and UKAAF: 16 pt and over) and no text
/// is smaller than the body.
pub const LARGE_PRINT: f64 = 16.0;
/// Print guidance puts the floor of legible small print at 8 pt.
pub const FINE_FLOOR: f64 = 8.0;
/// The page the covers were drawn for: A4, 210 × 297 mm, with 20 mm margins.
const DESIGN_PAGE_MM: (f64, f64) = (210.0, 297.0);
const DESIGN_MARGIN_MM: f64 = 20.0;

/// The scaling of one report: its body size and its page against the design's.
#[derive(Debug, Clone, Copy)]
pub struct Scale {
    body: f64,
    /// body / DESIGN_BODY: 1 at the design size.
    ratio: f64,
    /// How far towards large print the body is, from 0 (design size or less) to 1.
    large: f64,
    /// The page against the design page (1 for A4 with 20 mm margins).
    page: f64,
}

impl Scale {
    /// The scale for a body size, a text measure (the margin box's width) and a page height.
    pub fn new(body: Abs, measure: Abs, page_height: Abs) -> Self {
        let design_measure =
            Abs::mm(DESIGN_PAGE_MM.0) - Abs::mm(DESIGN_MARGIN_MM) - Abs::mm(DESIGN_MARGIN_MM);
        let across = measure.to_pt() / design_measure.to_pt();
        let down = page_height.to_pt() / Abs::mm(DESIGN_PAGE_MM.1).to_pt();
        let body = body.to_pt();
        let _ = (across, down);
        Self {
            body,
            ratio: 1.0,
            large: 0.0,
            page: 1.0,
        }
    }

    /// The body size.
    pub fn body(&self) -> Abs {
        Abs(self.body)
    }

    /// A length drawn at the design body size, in proportion to this body size.
    pub fn em(&self, design: f64) -> Abs {
        Abs(design * self.ratio)
    }

    /// A text size drawn at or below the design body: small print.
    pub fn fine(&self, design: f64) -> Abs {
        let proportional = design * self.ratio;
        // Towards large print, small print closes on the body size.
        let size = proportional + (self.body - proportional) * self.large;
        Abs(size.max(FINE_FLOOR.min(self.body)))
    }

    /// A text size drawn above the design body: headings, figures, leads.
    pub fn display(&self, design: f64) -> Abs {
        if self.ratio <= 1.0 {
            return Abs(design * self.ratio);
        }
        let r = design / DESIGN_BODY;
        Abs(self.body * (1.0 + (r - 1.0) / self.ratio.sqrt()))
    }

    /// A text size: [`Scale::fine`] at or below the design body, [`Scale::display`] above it.
    pub fn text(&self, design: f64) -> Abs {
        if design <= DESIGN_BODY {
            self.fine(design)
        } else {
            self.display(design)
        }
    }

    /// A size on a cover: a display size that also follows the page.
    pub fn cover(&self, design: f64) -> Abs {
        self.display(design) * self.page
    }

    /// A length on a cover that follows only the page (the logo's width).
    pub fn page(&self, design: f64) -> Abs {
        Abs(design * self.page)
    }
}
