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
        Self {
            body,
            ratio: body / DESIGN_BODY,
            large: ((body - DESIGN_BODY) / (LARGE_PRINT - DESIGN_BODY)).clamp(0.0, 1.0),
            page: across.min(down),
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

#[cfg(test)]
mod tests {
    use super::*;

    fn a4(body: f64) -> Scale {
        Scale::new(
            Abs(body),
            Abs::mm(210.0) - Abs::mm(20.0) - Abs::mm(20.0),
            Abs::mm(297.0),
        )
    }

    #[test]
    fn the_design_size_returns_every_value_as_drawn() {
        let s = a4(DESIGN_BODY);
        for v in [8.0, 9.0, 10.5, 13.5, 22.0, 88.0] {
            assert_eq!(s.text(v).to_pt(), v);
            assert_eq!(s.em(v).to_pt(), v);
            assert_eq!(s.cover(v).to_pt(), v);
        }
    }

    #[test]
    fn in_large_print_nothing_is_smaller_than_the_body_and_headings_stay_above_it() {
        for body in [16.0, 20.0, 24.0] {
            let s = a4(body);
            for small in [8.0, 9.0, 10.0] {
                assert_eq!(s.fine(small).to_pt(), body);
            }
            let (lead, title) = (s.display(13.5).to_pt(), s.display(22.0).to_pt());
            assert!(body < lead && lead < title, "{body}: {lead} {title}");
        }
    }

    #[test]
    fn small_print_never_drops_below_the_floor() {
        let s = a4(8.0);
        assert_eq!(s.fine(8.0).to_pt(), FINE_FLOOR);
        assert!(s.fine(9.0).to_pt() >= FINE_FLOOR);
    }

    #[test]
    fn covers_follow_the_smaller_page_ratio() {
        // A5: 148 × 210 mm with 15 mm margins; the measure is the tighter ratio.
        let s = Scale::new(Abs(DESIGN_BODY), Abs::mm(148.0 - 30.0), Abs::mm(210.0));
        let expected = 88.0 * (118.0 / 170.0);
        assert!((s.cover(88.0).to_pt() - expected).abs() < 1e-9);
    }
}
