//! Drawing one page: each frame item becomes krilla calls, wrapped in its content tag.

use super::ExportError;
pub use super::mode::Mode;
use crate::frame::{Artifact, ItemKind, LinkTarget, Page, Tag};
use crate::images::ImageKind;
use crate::text::fonts::Face;
use krilla::Data;
use krilla::action::LinkAction;
use krilla::annotation::{Annotation, LinkAnnotation, Target};
use krilla::destination::XyzDestination;
use krilla::geom::{PathBuilder, Point, Rect, Size, Transform};
use krilla::image::Image;
use krilla::num::NormalizedF32;
use krilla::page::PageSettings;
use krilla::page::{NumberingStyle, PageLabel};
use krilla::paint::{Fill, FillRule};
use krilla::surface::Surface;
use krilla::tagging::{Artifact as KArtifact, ArtifactType, ContentTag, Identifier, SpanTag};
use krilla::text::{Font, GlyphId, KrillaGlyph};
use krilla_svg::{SurfaceExt, SvgSettings};
use std::num::NonZeroU32;

/// One krilla font per face of the document, in the document's order.
pub fn fonts(faces: &[Face]) -> Result<Vec<Font>, ExportError> {
    faces
        .iter()
        .map(|f| {
            Font::new(Data::from(f.data.clone()), f.index).ok_or_else(|| {
                ExportError(format!("the font {} could not be embedded", f.postscript))
            })
        })
        .collect()
}

/// Draws a page; records the identifier of each tagged content piece in `ids`.
pub fn page(
    pdf: &mut krilla::Document,
    page: &Page,
    fonts: &[Font],
    ids: &mut [Option<Identifier>],
    mode: &Mode,
) -> Result<(), ExportError> {
    let offset = mode.offset();
    let size = Size::from_wh(
        page.size.w.to_pt() as f32 + 2.0 * offset,
        page.size.h.to_pt() as f32 + 2.0 * offset,
    )
    .ok_or_else(|| ExportError("the page has no area".into()))?;
    // Page labels match the printed numbers; unnumbered pages are named ("Cover").
    let label = match (page.number, &page.label) {
        (Some(n), _) => PageLabel::new(
            Some(NumberingStyle::Arabic),
            None,
            NonZeroU32::new(n as u32),
        ),
        (None, Some(name)) => PageLabel::new(None, Some(name.clone()), None),
        (None, None) => PageLabel::default(),
    };
    let settings = mode.boxes(PageSettings::new(size).with_page_label(label), page);
    let mut kpage = pdf.start_page_with(settings);
    let mut links = Vec::new();
    {
        let mut surface = kpage.surface();
        // In the print edition the trimmed page sits inside the bleed and the marks.
        surface.push_transform(&Transform::from_translate(offset, offset));
        for item in &page.items {
            let (x, y) = (item.pos.x.to_pt() as f32, item.pos.y.to_pt() as f32);
            if let ItemKind::Link { size, target } = &item.kind {
                links.push((
                    x,
                    y,
                    size.w.to_pt() as f32,
                    size.h.to_pt() as f32,
                    target.clone(),
                    item.tag,
                ));
                continue;
            }
            let id = match item.tag {
                Tag::Artifact(a) => {
                    surface.start_tagged(ContentTag::Artifact(KArtifact::with_kind(artifact(a))));
                    None
                }
                Tag::Content(c) => {
                    let tag = match item.kind {
                        ItemKind::Text(_) => ContentTag::Span(SpanTag::empty()),
                        _ => ContentTag::Other,
                    };
                    Some((c, surface.start_tagged(tag)))
                }
            };
            let kind = mode.bleed(&item.kind, x, y, page);
            draw_item(&mut surface, &kind.0, kind.1, kind.2, fonts, mode)?;
            surface.end_tagged();
            if let Some((c, ident)) = id {
                ids[c.0 as usize] = Some(ident);
            }
        }
        surface.pop();
        mode.marks(&mut surface, page, fonts);
        surface.finish();
    }
    for (x, y, w, h, target, tag) in links {
        let Some(rect) = Rect::from_xywh(x + offset, y + offset, w, h) else {
            continue;
        };
        let (target, alt) = match target {
            LinkTarget::Url(url) => (Target::Action(LinkAction::new(url.clone()).into()), url),
            LinkTarget::Page { page, y } => (
                Target::Destination(
                    XyzDestination::new(page, Point::from_xy(0.0, y.to_pt() as f32)).into(),
                ),
                format!("Go to page {}", page + 1),
            ),
        };
        let link = LinkAnnotation::new(rect, target);
        let annotation = Annotation::new_link(link, Some(alt));
        if let Tag::Content(c) = tag {
            ids[c.0 as usize] = Some(kpage.add_tagged_annotation(annotation));
        } else {
            kpage.add_annotation(annotation);
        }
    }
    kpage.finish();
    Ok(())
}

fn artifact(a: Artifact) -> ArtifactType {
    match a {
        Artifact::Footer => ArtifactType::Footer,
        Artifact::Decoration => ArtifactType::Layout,
        Artifact::Repeat => ArtifactType::PaginationOther,
    }
}

/// A fill in the edition's colours: sRGB for the reader, the brand's inks for print.
pub fn fill(c: crate::geom::Color, mode: &Mode) -> Fill {
    Fill {
        paint: mode.paint(c),
        opacity: NormalizedF32::ONE,
        rule: FillRule::NonZero,
    }
}

fn draw_item(
    surface: &mut Surface,
    kind: &ItemKind,
    x: f32,
    y: f32,
    fonts: &[Font],
    mode: &Mode,
) -> Result<(), ExportError> {
    match kind {
        ItemKind::Text(t) => {
            let size = t.size.to_pt() as f32;
            let glyphs: Vec<KrillaGlyph> = t
                .glyphs
                .iter()
                .map(|g| {
                    KrillaGlyph::new(
                        GlyphId::new(g.id as u32),
                        (g.advance.to_pt() / t.size.to_pt()) as f32,
                        (g.x_offset.to_pt() / t.size.to_pt()) as f32,
                        (g.y_offset.to_pt() / t.size.to_pt()) as f32,
                        0.0,
                        g.range.clone(),
                        None,
                    )
                })
                .collect();
            surface.set_fill(Some(fill(t.color, mode)));
            surface.draw_glyphs(
                Point::from_xy(x, y),
                &glyphs,
                fonts[t.face.0 as usize].clone(),
                &t.text,
                size,
                false,
            );
        }
        ItemKind::Rect { size, fill: color } => {
            let mut pb = PathBuilder::new();
            if let Some(r) = Rect::from_xywh(x, y, size.w.to_pt() as f32, size.h.to_pt() as f32) {
                pb.push_rect(r);
            }
            if let Some(path) = pb.finish() {
                surface.set_fill(Some(fill(*color, mode)));
                surface.draw_path(&path);
            }
        }
        ItemKind::Image { image, size, .. } => {
            let (w, h) = (size.w.to_pt() as f32, size.h.to_pt() as f32);
            let (orient, (sw, sh)) = orientation(image.orientation, w, h);
            let ksize =
                Size::from_wh(sw, sh).ok_or_else(|| ExportError("an image has no area".into()))?;
            surface.push_transform(&Transform::from_translate(x, y));
            surface.push_transform(&orient);
            // Popped whatever happens below: krilla's surface must be balanced when it ends.
            let drawn = draw_image(surface, image, ksize, mode);
            surface.pop();
            surface.pop();
            drawn?;
        }
        ItemKind::Line {
            points,
            width,
            color,
        } => {
            let mut pb = PathBuilder::new();
            for (i, p) in points.iter().enumerate() {
                let (px, py) = (x + p.x.to_pt() as f32, y + p.y.to_pt() as f32);
                if i == 0 {
                    pb.move_to(px, py);
                } else {
                    pb.line_to(px, py);
                }
            }
            if let Some(path) = pb.finish() {
                surface.set_fill(None);
                surface.set_stroke(Some(krilla::paint::Stroke {
                    paint: mode.paint(*color),
                    width: width.to_pt() as f32,
                    miter_limit: 4.0,
                    line_cap: krilla::paint::LineCap::Round,
                    line_join: krilla::paint::LineJoin::Round,
                    opacity: NormalizedF32::ONE,
                    dash: None,
                }));
                surface.draw_path(&path);
                surface.set_stroke(None);
            }
        }
        ItemKind::Link { .. } => {}
    }
    Ok(())
}

/// Draws an image's pixels (or SVG) into `size` at the surface's origin.
fn draw_image(
    surface: &mut Surface,
    image: &crate::images::ImageData,
    size: Size,
    mode: &Mode,
) -> Result<(), ExportError> {
    let embed_error = |e: String| {
        ExportError(format!(
            "the image {} could not be embedded: {e}",
            image.name
        ))
    };
    match &image.kind {
        ImageKind::Svg(tree) => match mode {
            Mode::Reader => {
                surface.draw_svg(tree, size, SvgSettings::default());
            }
            Mode::Print(_) => super::svg::draw(surface, tree, size, mode)
                .map_err(|what| ExportError(format!("{}: {what}", image.name)))?,
        },
        // No interpolation: PDF/A forbids it, and print needs the pixels as given.
        ImageKind::Png(data) => {
            let img = Image::from_png(Data::from(data.clone()), false).map_err(embed_error)?;
            surface.draw_image(img, size);
        }
        ImageKind::Jpeg(data) => {
            let img = Image::from_jpeg(Data::from(data.clone()), false).map_err(embed_error)?;
            surface.draw_image(img, size);
        }
        ImageKind::Cmyk(pixels) => {
            let img = super::raster::cmyk(pixels.clone()).map_err(embed_error)?;
            surface.draw_image(img, size);
        }
    }
    Ok(())
}

/// The transform that stands an image upright in a `w` × `h` box from its EXIF orientation
/// (1 to 8), and the size to draw its stored pixels at (sides swapped for a quarter turn).
/// In y-down page space a stored point (x, y) lands at, for orientation 6 (a quarter turn
/// clockwise), (w − y, x); the others follow the EXIF table in the same way.
fn orientation(o: u8, w: f32, h: f32) -> (Transform, (f32, f32)) {
    let m = |sx, ky, kx, sy, tx, ty| Transform::from_row(sx, ky, kx, sy, tx, ty);
    match o {
        2 => (m(-1.0, 0.0, 0.0, 1.0, w, 0.0), (w, h)),
        3 => (m(-1.0, 0.0, 0.0, -1.0, w, h), (w, h)),
        4 => (m(1.0, 0.0, 0.0, -1.0, 0.0, h), (w, h)),
        5 => (m(0.0, 1.0, 1.0, 0.0, 0.0, 0.0), (h, w)),
        6 => (m(0.0, 1.0, -1.0, 0.0, w, 0.0), (h, w)),
        7 => (m(0.0, -1.0, -1.0, 0.0, w, h), (h, w)),
        8 => (m(0.0, -1.0, 1.0, 0.0, 0.0, h), (h, w)),
        _ => (Transform::identity(), (w, h)),
    }
}

#[cfg(test)]
mod tests {
    use super::orientation;

    /// Where the transform of orientation `o` sends a stored point.
    fn map(o: u8, w: f32, h: f32, p: (f32, f32)) -> (f32, f32) {
        let (t, _) = orientation(o, w, h);
        (
            t.sx() * p.0 + t.kx() * p.1 + t.tx(),
            t.ky() * p.0 + t.sy() * p.1 + t.ty(),
        )
    }

    #[test]
    fn every_orientation_fills_the_box_and_turns_the_right_way() {
        let (w, h) = (30.0, 60.0);
        for o in 1..=8 {
            let (_, (sw, sh)) = orientation(o, w, h);
            // The stored image's corners land on the box's corners.
            let mut corners: Vec<(i32, i32)> = [(0.0, 0.0), (sw, 0.0), (0.0, sh), (sw, sh)]
                .iter()
                .map(|p| map(o, w, h, *p))
                .map(|(x, y)| (x.round() as i32, y.round() as i32))
                .collect();
            corners.sort();
            assert_eq!(
                corners,
                vec![(0, 0), (0, 60), (30, 0), (30, 60)],
                "orientation {o}"
            );
        }
        // 6: a quarter turn clockwise: the stored top-left goes to the top-right.
        assert_eq!(map(6, w, h, (0.0, 0.0)), (30.0, 0.0));
        // 8: a quarter turn anticlockwise: the stored top-left goes to the bottom-left.
        assert_eq!(map(8, w, h, (0.0, 0.0)), (0.0, 60.0));
        // 3: half a turn.
        assert_eq!(map(3, w, h, (0.0, 0.0)), (30.0, 60.0));
    }
}
