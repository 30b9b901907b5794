//! A photograph on a cover: cropped to fill its frame, run on into the print bleed, and a
//! scrim under the text set over it, just dense enough for that text to read.
//!
//! In: the photograph, the frame it fills, which of the frame's edges are the page's
//! edges, and the bleed. Out: the image item (drawn large enough to cover the frame and the
//! bleed beyond the page's edges, cropped to the frame, with its focus kept in view); and,
//! for text over it, the scrim's opacity: the least at which the text's colour reaches
//! WCAG AA on every part of the photograph beneath the text, the scrim's colour laid over
//! it — worked out from the photograph's lightest and darkest colours there.

use crate::contrast;
use crate::frame::ItemKind;
use crate::geom::{Abs, Color, Point, Rect, Size};
use crate::model::CoverPhoto;

/// The text over a photograph is made to reach its ratio with this much to spare: the
/// photograph's tones are sampled on a grid, and print converts both to CMYK.
const SPARE: f64 = 0.5;
/// A scrim at least this dense, so the title sits on a visible band of the brand colour
/// even over a dark photograph, and the cover looks designed rather than accidental.
pub const LEAST_OPACITY: f64 = 0.35;
/// The opacities tried, this far apart.
const OPACITY_STEP: f64 = 0.01;

/// The photograph placed to fill `frame`, with the page's size for its edges.
pub struct Placed {
    pub pos: Point,
    pub size: Size,
    pub crop: Rect,
}

/// Places `photo` to fill `frame` (in page coordinates), drawn `bleed` beyond each of the
/// frame's edges that is an edge of a page of `page` size.
pub fn place(photo: &CoverPhoto, frame: Rect, page: Size, bleed: Abs) -> Placed {
    const EDGE: f64 = 0.01;
    let out = |at: bool| if at { bleed } else { Abs::ZERO };
    let left = out(frame.origin.x.0 <= EDGE);
    let top = out(frame.origin.y.0 <= EDGE);
    let right = out(frame.right().0 >= page.w.0 - EDGE);
    let bottom = out(frame.bottom().0 >= page.h.0 - EDGE);
    // The frame and the bleed beyond its page edges, covered as one.
    let want = Rect::new(
        frame.origin.x - left,
        frame.origin.y - top,
        frame.size.w + left + right,
        frame.size.h + top + bottom,
    );
    let (pos, size, _) = crate::layout::crop::fill(photo.image.size, photo.focus, want);
    Placed {
        pos,
        size,
        crop: Rect::new(
            frame.origin.x - pos.x,
            frame.origin.y - pos.y,
            frame.size.w,
            frame.size.h,
        ),
    }
}

impl Placed {
    /// The frame item.
    pub fn item(&self, photo: &CoverPhoto) -> ItemKind {
        ItemKind::Image {
            image: photo.image.clone(),
            size: self.size,
            span: photo.span.clone(),
            crop: Some(self.crop),
            bleed: false,
        }
    }

    /// The least scrim opacity at which text of colour `text` needing `need`:1 reads over
    /// every part of the photograph under `area` (page coordinates), with `scrim` laid over
    /// it; never below [`LEAST_OPACITY`].
    pub fn scrim_for(
        &self,
        photo: &CoverPhoto,
        area: Rect,
        text: Color,
        scrim: Color,
        need: f64,
    ) -> f64 {
        let share = |v: Abs, from: Abs, len: Abs| (v - from).to_pt() / len.to_pt().max(1.0);
        let tones = photo.tones.within(
            share(area.origin.x, self.pos.x, self.size.w),
            share(area.origin.y, self.pos.y, self.size.h),
            share(area.right(), self.pos.x, self.size.w),
            share(area.bottom(), self.pos.y, self.size.h),
        );
        let target = need + SPARE;
        let reads = |a: f64| {
            tones.iter().all(|(light, dark)| {
                [light, dark]
                    .iter()
                    .all(|p| text.contrast(contrast::mix(**p, scrim, a)) >= target)
            })
        };
        let mut a = LEAST_OPACITY;
        while a < 1.0 && !reads(a) {
            a += OPACITY_STEP;
        }
        a.min(1.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::images::{ImageData, ImageKind};
    use crate::model::{Focus, Tones};
    use std::sync::Arc;

    fn photo(w: f64, h: f64, focus: Focus, tone: Color) -> CoverPhoto {
        CoverPhoto {
            image: Arc::new(ImageData {
                name: "p.png".into(),
                span: None,
                kind: ImageKind::Png(Arc::new(Vec::new())),
                size: Size::new(Abs(w), Abs(h)),
                cmyk: false,
                grey: false,
                orientation: 1,
                print_problem: None,
            }),
            span: None,
            alt: None,
            credit: None,
            focus,
            tones: Arc::new(Tones {
                columns: 1,
                rows: 1,
                lightest: vec![tone],
                darkest: vec![tone],
            }),
        }
    }

    #[test]
    fn a_photograph_covers_its_frame_and_the_bleed_beyond_the_page_edges() {
        let page = Size::new(Abs(400.0), Abs(600.0));
        let frame = Rect::new(Abs::ZERO, Abs::ZERO, Abs(400.0), Abs(300.0));
        let p = place(
            &photo(1000.0, 500.0, Focus::Centre, Color::WHITE),
            frame,
            page,
            Abs(9.0),
        );
        // Left, top and right are page edges; the foot is not.
        assert!(p.pos.x.0 <= -9.0 && p.pos.y.0 <= -9.0 + 1e-9);
        assert!(p.pos.x.0 + p.size.w.0 >= 409.0 - 1e-9);
        assert!(p.pos.y.0 + p.size.h.0 >= 300.0 - 1e-9);
        assert_eq!(p.crop.size, frame.size);
        // The aspect ratio is kept.
        assert!((p.size.w.0 / p.size.h.0 - 2.0).abs() < 1e-9);
    }

    #[test]
    fn the_focus_keeps_its_side_of_the_photograph_in_view() {
        let page = Size::new(Abs(400.0), Abs(600.0));
        let frame = Rect::new(Abs::ZERO, Abs::ZERO, Abs(400.0), Abs(600.0));
        let tall = |f| {
            place(
                &photo(100.0, 400.0, f, Color::WHITE),
                frame,
                page,
                Abs::ZERO,
            )
        };
        assert_eq!(tall(Focus::Top).pos.y, Abs::ZERO);
        let bottom = tall(Focus::Bottom);
        assert!((bottom.pos.y + bottom.size.h - Abs(600.0)).0.abs() < 1e-9);
    }

    #[test]
    fn white_text_over_a_white_photograph_gets_a_dense_scrim_and_over_black_the_least() {
        let page = Size::new(Abs(400.0), Abs(600.0));
        let frame = Rect::new(Abs::ZERO, Abs::ZERO, Abs(400.0), Abs(600.0));
        let area = Rect::new(Abs(20.0), Abs(400.0), Abs(300.0), Abs(40.0));
        let navy = Color::rgb(0x00, 0x30, 0x87);
        let white = photo(400.0, 600.0, Focus::Centre, Color::WHITE);
        let p = place(&white, frame, page, Abs::ZERO);
        let a = p.scrim_for(&white, area, Color::WHITE, navy, contrast::AA_TEXT);
        assert!(a > 0.7 && a <= 1.0, "{a}");
        let over = contrast::mix(Color::WHITE, navy, a);
        assert!(Color::WHITE.contrast(over) >= contrast::AA_TEXT);
        let black = photo(400.0, 600.0, Focus::Centre, Color::BLACK);
        let p = place(&black, frame, page, Abs::ZERO);
        assert_eq!(
            p.scrim_for(&black, area, Color::WHITE, navy, contrast::AA_TEXT),
            LEAST_OPACITY
        );
    }
}
