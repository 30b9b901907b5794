//! The two editions' differences at the PDF boundary: colour and page geometry.
//!
//! The reader edition draws the frames as they are, in sRGB. The print edition draws the same
//! frames inside a bleed and a margin for marks: brand colours become the brand's CMYK (or
//! spot) inks, anything drawn to the trim edge is extended into the bleed, and crop marks,
//! registration targets and a slug line are added outside the bleed in registration colour.
//! Layout is not repeated: both editions have the same words on the same pages.

use crate::frame::{ItemKind, Page, PrintSetup};
use crate::geom::{Abs, Color};
use krilla::color::cmyk;
use krilla::color::separation::{SeparationColorant, SeparationSpace};
use krilla::geom::{PathBuilder, Point, Rect};
use krilla::num::NormalizedF32;
use krilla::page::PageSettings;
use krilla::paint::{LineCap, LineJoin, Paint, Stroke};
use krilla::surface::Surface;
use krilla::tagging::{Artifact, ArtifactType, ContentTag};
use krilla::text::{Font, TextDirection};
use std::borrow::Cow;

/// Room outside the bleed for crop marks and the slug line, in mm.
const MARK_AREA: f64 = 12.0;
/// Crop marks start this far outside the bleed, so that no mark reaches into it even when
/// the sheet is cut a little off (mm).
const MARK_GAP_MM: f64 = 2.0;
/// Crop marks' length (mm).
const MARK_LENGTH_MM: f64 = 5.0;
/// Hairline marks, as printers expect (0.25 pt).
const MARK_WIDTH: f32 = 0.25;
const SLUG_SIZE: f32 = 6.0;

/// Which edition is being drawn.
pub enum Mode<'a> {
    Reader,
    Print(PrintPage<'a>),
}

/// What the print edition needs to know while drawing.
pub struct PrintPage<'a> {
    pub setup: &'a PrintSetup,
    /// For the slug line.
    pub date: String,
    pub pages: usize,
}

impl Mode<'_> {
    /// How far the trimmed page sits from the media box's corner, in points: the bleed,
    /// and room for marks when any are drawn (without, the media box is the bleed box).
    pub fn offset(&self) -> f32 {
        match self {
            Mode::Reader => 0.0,
            Mode::Print(p) => {
                let c = p.setup;
                let marks = c.marks || c.registration || c.slug;
                let room = if marks { Abs::mm(MARK_AREA) } else { Abs(0.0) };
                (c.bleed + room).to_pt() as f32
            }
        }
    }

    /// TrimBox and BleedBox for print; nothing extra for the reader.
    pub fn boxes(&self, settings: PageSettings, page: &Page) -> PageSettings {
        let Mode::Print(p) = self else {
            return settings;
        };
        let o = self.offset();
        let b = p.setup.bleed.to_pt() as f32;
        let (w, h) = (page.size.w.to_pt() as f32, page.size.h.to_pt() as f32);
        settings
            .with_trim_box(Rect::from_xywh(o, o, w, h))
            .with_bleed_box(Rect::from_xywh(o - b, o - b, w + 2.0 * b, h + 2.0 * b))
    }

    /// The paint of a colour in this edition.
    pub fn paint(&self, c: Color) -> Paint {
        self.paint_as(c, false)
    }

    /// The paint of a colour for small text or a hairline (`fine`): in print, on one plate
    /// where the colour is a grey (see [`PrintSetup::fine_ink`]).
    pub fn paint_as(&self, c: Color, fine: bool) -> Paint {
        match self {
            Mode::Reader => krilla::color::rgb::Color::new(c.r, c.g, c.b).into(),
            Mode::Print(p) => {
                let ink = if fine {
                    p.setup.fine_ink(c)
                } else {
                    p.setup.ink(c)
                }
                .cloned()
                .expect("invariant: export_print checked that every colour has an ink");
                let [cy, m, y, k] = ink.cmyk.map(|v| (v * 255.0).round() as u8);
                let process = cmyk::Color::new(cy, m, y, k);
                match ink.spot {
                    Some(name) => {
                        let space =
                            SeparationSpace::new(SeparationColorant::Custom(name), process.into());
                        krilla::color::Color::from(krilla::color::separation::Color::new(
                            255, space,
                        ))
                        .into()
                    }
                    None => process.into(),
                }
            }
        }
    }

    /// In print, an image marked to bleed covers its box grown into the bleed on the edges
    /// it touches: scaled about the box's centre to cover it, and clipped to it (returned
    /// as the clip, with the image's new place and size). `None` for anything else.
    pub fn image_bleed(
        &self,
        kind: &ItemKind,
        x: f32,
        y: f32,
        page: &Page,
    ) -> Option<(Rect, ItemKind, f32, f32)> {
        let (
            Mode::Print(p),
            ItemKind::Image {
                image,
                size,
                span,
                bleed: true,
                crop: None,
            },
        ) = (self, kind)
        else {
            return None;
        };
        let (w, h) = (size.w.to_pt() as f32, size.h.to_pt() as f32);
        let (x0, y0, x1, y1) = grown(x, y, w, h, p.setup.bleed.to_pt() as f32, page);
        let clip = Rect::from_ltrb(x0, y0, x1, y1)?;
        let k = ((x1 - x0) / w.max(1e-3)).max((y1 - y0) / h.max(1e-3));
        let (nw, nh) = (w * k, h * k);
        let (nx, ny) = ((x0 + x1 - nw) / 2.0, (y0 + y1 - nh) / 2.0);
        let size = crate::geom::Size::new(Abs(nw as f64), Abs(nh as f64));
        let kind = ItemKind::Image {
            image: image.clone(),
            size,
            span: span.clone(),
            bleed: true,
            crop: None,
        };
        Some((clip, kind, nx, ny))
    }

    /// A colour as process ink alone — CMYK in print even for a spot colour, sRGB for the
    /// reader — for shadings, whose stops must share one colour space.
    pub fn process(&self, c: Color) -> krilla::color::Color {
        match self {
            Mode::Reader => krilla::color::rgb::Color::new(c.r, c.g, c.b).into(),
            Mode::Print(p) => {
                let ink = p.setup.ink(c).cloned().unwrap_or(crate::geom::Ink {
                    cmyk: [0.0, 0.0, 0.0, 1.0],
                    spot: None,
                });
                let [cy, m, y, k] = ink.cmyk.map(|v| (v * 255.0).round() as u8);
                cmyk::Color::new(cy, m, y, k).into()
            }
        }
    }

    /// In print, a rectangle or scrim drawn to the trim edge runs on into the bleed, and a
    /// cropped image shows the part of it that lies in the bleed beyond the edges its crop
    /// reaches (as far as the image is drawn). Anything else is drawn as it is, lent rather
    /// than copied: a text run's glyphs and text would otherwise be copied to be drawn.
    pub fn bleed<'k>(
        &self,
        kind: &'k ItemKind,
        x: f32,
        y: f32,
        page: &Page,
    ) -> (Cow<'k, ItemKind>, f32, f32) {
        let Mode::Print(p) = self else {
            return (Cow::Borrowed(kind), x, y);
        };
        let b = p.setup.bleed.to_pt() as f32;
        let (pw, ph) = (page.size.w.to_pt() as f32, page.size.h.to_pt() as f32);
        // Edges of a box on the page, each pushed out by the bleed where it meets the trim.
        let widen = |x0: f32, y0: f32, x1: f32, y1: f32| {
            const EDGE: f32 = 0.01;
            (
                if x0 <= EDGE { x0 - b } else { x0 },
                if y0 <= EDGE { y0 - b } else { y0 },
                if x1 >= pw - EDGE { x1 + b } else { x1 },
                if y1 >= ph - EDGE { y1 + b } else { y1 },
            )
        };
        let size_of = |x0: f32, y0: f32, x1: f32, y1: f32| {
            crate::geom::Size::new(Abs((x1 - x0) as f64), Abs((y1 - y0) as f64))
        };
        match kind {
            ItemKind::Rect { size, fill } => {
                let (x0, y0, x1, y1) =
                    widen(x, y, x + size.w.to_pt() as f32, y + size.h.to_pt() as f32);
                let size = size_of(x0, y0, x1, y1);
                (Cow::Owned(ItemKind::Rect { size, fill: *fill }), x0, y0)
            }
            ItemKind::Scrim {
                size,
                color,
                opacity,
            } => {
                let (x0, y0, x1, y1) =
                    widen(x, y, x + size.w.to_pt() as f32, y + size.h.to_pt() as f32);
                let size = size_of(x0, y0, x1, y1);
                let kind = ItemKind::Scrim {
                    size,
                    color: *color,
                    opacity: *opacity,
                };
                (Cow::Owned(kind), x0, y0)
            }
            ItemKind::Image {
                image,
                size,
                span,
                crop: Some(c),
                bleed,
            } => {
                let cx0 = x + c.origin.x.to_pt() as f32;
                let cy0 = y + c.origin.y.to_pt() as f32;
                let (x0, y0, x1, y1) = widen(
                    cx0,
                    cy0,
                    cx0 + c.size.w.to_pt() as f32,
                    cy0 + c.size.h.to_pt() as f32,
                );
                // Never past the image itself.
                let (x0, y0) = (x0.max(x), y0.max(y));
                let x1 = x1.min(x + size.w.to_pt() as f32);
                let y1 = y1.min(y + size.h.to_pt() as f32);
                let crop = crate::geom::Rect::new(
                    Abs((x0 - x) as f64),
                    Abs((y0 - y) as f64),
                    Abs((x1 - x0) as f64),
                    Abs((y1 - y0) as f64),
                );
                let kind = ItemKind::Image {
                    image: image.clone(),
                    size: *size,
                    span: span.clone(),
                    crop: Some(crop),
                    bleed: *bleed,
                };
                (Cow::Owned(kind), x, y)
            }
            _ => (Cow::Borrowed(kind), x, y),
        }
    }

    /// Crop marks, registration targets and the slug line, outside the bleed.
    pub fn marks(&self, surface: &mut Surface, page: &Page, fonts: &[Font]) {
        let Mode::Print(p) = self else { return };
        surface.start_tagged(ContentTag::Artifact(Artifact::with_kind(
            ArtifactType::Page,
        )));
        let registration: Paint = {
            let space = SeparationSpace::new(
                SeparationColorant::AllColorants,
                cmyk::Color::new(255, 255, 255, 255).into(),
            );
            krilla::color::Color::from(krilla::color::separation::Color::new(255, space)).into()
        };
        let o = self.offset();
        let b = p.setup.bleed.to_pt() as f32;
        let len = Abs::mm(MARK_LENGTH_MM).to_pt() as f32;
        // Where marks begin, from the trim: past the bleed and a gap.
        let start = b + Abs::mm(MARK_GAP_MM).to_pt() as f32;
        let (w, h) = (page.size.w.to_pt() as f32, page.size.h.to_pt() as f32);
        let mut pb = PathBuilder::new();
        if p.setup.marks {
            for (cx, sx) in [(o, -1.0f32), (o + w, 1.0)] {
                for (cy, sy) in [(o, -1.0f32), (o + h, 1.0)] {
                    // A horizontal and a vertical mark on the trim lines, starting past the bleed.
                    pb.move_to(cx + sx * start, cy);
                    pb.line_to(cx + sx * (start + len), cy);
                    pb.move_to(cx, cy + sy * start);
                    pb.line_to(cx, cy + sy * (start + len));
                }
            }
        }
        if p.setup.registration {
            let r = len / 2.0;
            for (cx, cy) in [
                (o + w / 2.0, o - start - r),
                (o + w / 2.0, o + h + start + r),
                (o - start - r, o + h / 2.0),
                (o + w + start + r, o + h / 2.0),
            ] {
                pb.move_to(cx - r, cy);
                pb.line_to(cx + r, cy);
                pb.move_to(cx, cy - r);
                pb.line_to(cx, cy + r);
                // A circle from four quarter arcs (cubic approximation, k = 0.5523).
                let k = 0.5523 * r * 0.7;
                let rr = r * 0.7;
                pb.move_to(cx + rr, cy);
                pb.cubic_to(cx + rr, cy + k, cx + k, cy + rr, cx, cy + rr);
                pb.cubic_to(cx - k, cy + rr, cx - rr, cy + k, cx - rr, cy);
                pb.cubic_to(cx - rr, cy - k, cx - k, cy - rr, cx, cy - rr);
                pb.cubic_to(cx + k, cy - rr, cx + rr, cy - k, cx + rr, cy);
            }
        }
        if let Some(path) = pb.finish() {
            surface.set_fill(None);
            surface.set_stroke(Some(Stroke {
                paint: registration.clone(),
                width: MARK_WIDTH,
                miter_limit: 4.0,
                line_cap: LineCap::Butt,
                line_join: LineJoin::Miter,
                opacity: NormalizedF32::ONE,
                dash: None,
            }));
            surface.draw_path(&path);
            surface.set_stroke(None);
        }
        if p.setup.slug
            && let Some(font) = fonts.first()
        {
            let which = match (page.number, &page.label) {
                (Some(n), _) => format!("page {n}"),
                (None, Some(label)) => label.clone(),
                (None, None) => "blank page".to_string(),
            };
            let slug = format!("{} · {} · {which} of {}", p.setup.file, p.date, p.pages);
            surface.set_fill(Some(krilla::paint::Fill {
                paint: registration,
                opacity: NormalizedF32::ONE,
                rule: Default::default(),
            }));
            // Below the bottom marks, left-aligned with the trim.
            surface.draw_text(
                Point::from_xy(o, o + h + start + len + SLUG_SIZE * 1.5),
                font.clone(),
                SLUG_SIZE,
                &slug,
                false,
                TextDirection::Auto,
            );
        }
        surface.end_tagged();
    }
}

/// A box `(x, y, w, h)` grown by `bleed` on each edge where it reaches the trim of `page`:
/// its left, top, right and bottom.
fn grown(x: f32, y: f32, w: f32, h: f32, bleed: f32, page: &Page) -> (f32, f32, f32, f32) {
    const EDGE: f32 = 0.01;
    let (pw, ph) = (page.size.w.to_pt() as f32, page.size.h.to_pt() as f32);
    let (mut x0, mut y0, mut x1, mut y1) = (x, y, x + w, y + h);
    if x0 <= EDGE {
        x0 -= bleed;
    }
    if y0 <= EDGE {
        y0 -= bleed;
    }
    if x1 >= pw - EDGE {
        x1 += bleed;
    }
    if y1 >= ph - EDGE {
        y1 += bleed;
    }
    (x0, y0, x1, y1)
}
