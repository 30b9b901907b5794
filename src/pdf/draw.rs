//! Drawing one page: each frame item becomes krilla calls, wrapped in its content tag.

use super::error::{ExportError, Place};
pub use super::mode::Mode;
use crate::frame::{Artifact, ContentId, ItemKind, LinkTarget, Page, Segment, Tag};
use crate::images::ImageKind;
use crate::model::{HAIRLINE_PT, SMALL_TEXT_PT};
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
            Font::new(Data::from(f.data.shared()), f.index).ok_or_else(|| ExportError::Font {
                name: f.family.clone(),
            })
        })
        .collect()
}

/// The fonts with their families' names, for messages about them.
pub fn named(fonts: &[Font], faces: &[Face]) -> Vec<(Font, String)> {
    fonts
        .iter()
        .cloned()
        .zip(faces.iter().map(|f| f.family.clone()))
        .collect()
}

/// Draws a page; records the identifier of each tagged content piece in `ids`. A line of
/// text that continues the piece drawn just before it (`next`, from
/// [`crate::frame::Structure::next_contents`]) joins its marked-content sequence: a
/// paragraph is one sequence, not one per line, and its lines share an identifier.
pub fn page(
    pdf: &mut krilla::Document,
    page_index: usize,
    page: &Page,
    fonts: &[Font],
    (ids, next): (&mut [Option<Identifier>], &[Option<ContentId>]),
    mode: &Mode,
    go_to_page: &str,
) -> Result<(), ExportError> {
    let offset = mode.offset();
    let size = Size::from_wh(
        page.size.w.to_pt() as f32 + 2.0 * offset,
        page.size.h.to_pt() as f32 + 2.0 * offset,
    )
    .ok_or(ExportError::EmptyPage)?;
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
    let mut failed = None;
    {
        let mut surface = kpage.surface();
        // In the print edition the trimmed page sits inside the bleed and the marks.
        surface.push_transform(&Transform::from_translate(offset, offset));
        // The plain text sequence still open: its last content piece and its identifier.
        let mut open: Option<(ContentId, Identifier)> = None;
        for (index, item) in page.items.iter().enumerate() {
            let (x, y) = (item.pos.x.to_pt() as f32, item.pos.y.to_pt() as f32);
            // Whatever krilla finds wrong while drawing this item is reported at it.
            let place = Place {
                page: page_index,
                item: index,
            };
            surface.set_location(place.location());
            if let ItemKind::Link { size, target } = &item.kind {
                // A press has nothing to click: the print edition carries no annotations.
                if matches!(mode, Mode::Print(_)) {
                    continue;
                }
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
            // Text with no glyph standing in for others reads as its glyphs: a plain span.
            let plain =
                matches!(&item.kind, ItemKind::Text(t) if !t.glyphs.iter().any(|g| g.substitute));
            let continues = match (item.tag, open) {
                (Tag::Content(c), Some((last, _))) => plain && next[last.0 as usize] == Some(c),
                _ => false,
            };
            if !continues && open.take().is_some() {
                surface.end_tagged();
            }
            let id = match (item.tag, open) {
                (Tag::Content(c), Some((_, ident))) => Some((c, ident)),
                (Tag::Artifact(a), _) => {
                    surface.start_tagged(ContentTag::Artifact(KArtifact::with_kind(artifact(a))));
                    None
                }
                (Tag::Content(c), None) => {
                    let tag = match &item.kind {
                        // A glyph standing in for characters no font has reads as them.
                        ItemKind::Text(t) if !plain => ContentTag::Span(SpanTag {
                            actual_text: Some(&t.text),
                            ..SpanTag::empty()
                        }),
                        ItemKind::Text(_) => ContentTag::Span(SpanTag::empty()),
                        _ => ContentTag::Other,
                    };
                    Some((c, surface.start_tagged(tag)))
                }
            };
            let drawn = draw_placed(&mut surface, item, (x, y), page, place, fonts, mode);
            match id {
                // Left open for the paragraph's next line.
                Some((c, ident)) if plain => open = Some((c, ident)),
                _ => surface.end_tagged(),
            }
            // The surface is closed properly before the error is passed on.
            if let Err(e) = drawn {
                failed = Some(e);
                break;
            }
            if let Some((c, ident)) = id {
                ids[c.0 as usize] = Some(ident);
            }
        }
        if open.is_some() {
            surface.end_tagged();
        }
        surface.reset_location();
        surface.pop();
        mode.marks(&mut surface, page, fonts);
        surface.finish();
    }
    if let Some(e) = failed {
        return Err(e);
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
                format!("{go_to_page} {}", page + 1),
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

/// The text krilla maps a run's glyphs to, and each glyph's range in it. A substitute glyph
/// (drawn for characters no font has) maps to U+FFFD REPLACEMENT CHARACTER: a font maps each
/// glyph to one text for the whole document, so the one glyph that stands in for many
/// different characters must not claim to be the first of them. Its real text goes into
/// the span's `/ActualText` (see [`page`]).
fn glyph_text(
    t: &crate::frame::TextRun,
) -> (std::borrow::Cow<'_, str>, Vec<std::ops::Range<usize>>) {
    if !t.glyphs.iter().any(|g| g.substitute) {
        return (
            t.text.as_str().into(),
            t.glyphs.iter().map(|g| g.range()).collect(),
        );
    }
    let mut text = String::new();
    let ranges = t
        .glyphs
        .iter()
        .map(|g| {
            let start = text.len();
            if g.substitute {
                text.push('\u{FFFD}');
            } else {
                text.push_str(&t.text[g.range()]);
            }
            start..text.len()
        })
        .collect();
    (text.into(), ranges)
}

/// Draws a raster image upright in a `w` × `h` box: a photo stored on its side or mirrored
/// (its EXIF orientation, 1 to 8) is turned as a viewer would turn it, in both editions.
fn upright(surface: &mut Surface, img: Image, (w, h): (f32, f32), orientation: u8) {
    // The size the stored pixels are drawn at, before turning.
    let (a, b) = if orientation >= 5 { (h, w) } else { (w, h) };
    // Where a stored point (x, y) lands upright; y runs down the page.
    let turn = match orientation {
        2 => Transform::from_row(-1.0, 0.0, 0.0, 1.0, a, 0.0),
        3 => Transform::from_row(-1.0, 0.0, 0.0, -1.0, a, b),
        4 => Transform::from_row(1.0, 0.0, 0.0, -1.0, 0.0, b),
        5 => Transform::from_row(0.0, 1.0, 1.0, 0.0, 0.0, 0.0),
        6 => Transform::from_row(0.0, 1.0, -1.0, 0.0, b, 0.0),
        7 => Transform::from_row(0.0, -1.0, -1.0, 0.0, b, a),
        8 => Transform::from_row(0.0, -1.0, 1.0, 0.0, 0.0, a),
        _ => Transform::identity(),
    };
    let Some(size) = Size::from_wh(a, b) else {
        return;
    };
    surface.push_transform(&turn);
    surface.draw_image(img, size);
    surface.pop();
}

fn artifact(a: Artifact) -> ArtifactType {
    match a {
        Artifact::Footer => ArtifactType::Footer,
        Artifact::Decoration => ArtifactType::Layout,
        Artifact::Repeat => ArtifactType::PaginationOther,
    }
}

/// A fill in the edition's colours: sRGB for the reader, the brand's inks for print (on one
/// plate for a grey that is `fine`: small text, a hairline).
pub fn fill(c: crate::geom::Color, fine: bool, mode: &Mode) -> Fill {
    Fill {
        paint: mode.paint_as(c, fine),
        opacity: NormalizedF32::ONE,
        rule: FillRule::NonZero,
    }
}

/// Draws one item at (`x`, `y`): an image that runs into the print bleed clipped to it,
/// anything else as it is.
fn draw_placed(
    surface: &mut Surface,
    item: &crate::frame::Item,
    (x, y): (f32, f32),
    page: &Page,
    place: Place,
    fonts: &[Font],
    mode: &Mode,
) -> Result<(), ExportError> {
    if let Some((clip, kind, ix, iy)) = mode.image_bleed(&item.kind, x, y, page) {
        let mut pb = PathBuilder::new();
        pb.push_rect(clip);
        match pb.finish() {
            Some(path) => {
                surface.push_clip_path(&path, &krilla::paint::FillRule::NonZero);
                let drawn = draw_item(surface, &kind, (ix, iy), place, fonts, mode);
                surface.pop();
                drawn
            }
            None => Ok(()),
        }
    } else {
        let kind = mode.bleed(&item.kind, x, y, page);
        draw_item(surface, &kind.0, (kind.1, kind.2), place, fonts, mode)
    }
}

fn draw_item(
    surface: &mut Surface,
    kind: &ItemKind,
    (x, y): (f32, f32),
    place: Place,
    fonts: &[Font],
    mode: &Mode,
) -> Result<(), ExportError> {
    match kind {
        ItemKind::Text(t) => {
            let size = t.size.to_pt() as f32;
            let (text, ranges) = glyph_text(t);
            let glyphs: Vec<KrillaGlyph> = t
                .glyphs
                .placed()
                .zip(ranges)
                .map(|((g, (x_offset, y_offset)), range)| {
                    KrillaGlyph::new(
                        GlyphId::new(g.id as u32),
                        g.advance,
                        x_offset,
                        y_offset,
                        0.0,
                        range,
                        Some(place.location()),
                    )
                })
                .collect();
            surface.set_fill(Some(fill(t.color, size < SMALL_TEXT_PT as f32, mode)));
            surface.draw_glyphs(
                Point::from_xy(x, y),
                &glyphs,
                fonts[t.face.0 as usize].clone(),
                &text,
                size,
                false,
            );
        }
        ItemKind::Rect { size, fill: color } => {
            let mut pb = PathBuilder::new();
            if let Some(r) = Rect::from_xywh(x, y, size.w.to_pt() as f32, size.h.to_pt() as f32) {
                pb.push_rect(r);
            }
            let thin = size.w.to_pt().min(size.h.to_pt()) < HAIRLINE_PT;
            if let Some(path) = pb.finish() {
                surface.set_fill(Some(fill(*color, thin, mode)));
                surface.draw_path(&path);
            }
        }
        ItemKind::Scrim {
            size,
            color,
            opacity,
        } => {
            let mut pb = PathBuilder::new();
            if let Some(r) = Rect::from_xywh(x, y, size.w.to_pt() as f32, size.h.to_pt() as f32) {
                pb.push_rect(r);
            }
            if let Some(path) = pb.finish() {
                surface.set_fill(Some(Fill {
                    opacity: NormalizedF32::new(opacity.clamp(0.0, 1.0) as f32)
                        .unwrap_or(NormalizedF32::ONE),
                    ..fill(*color, false, mode)
                }));
                surface.draw_path(&path);
            }
        }
        ItemKind::Shape { path, fill: color } => {
            let mut pb = PathBuilder::new();
            let at = |p: &crate::geom::Point| (x + p.x.to_pt() as f32, y + p.y.to_pt() as f32);
            for seg in path {
                match seg {
                    Segment::Move(p) => {
                        let (px, py) = at(p);
                        pb.move_to(px, py);
                    }
                    Segment::Line(p) => {
                        let (px, py) = at(p);
                        pb.line_to(px, py);
                    }
                    Segment::Cubic(a, b, c) => {
                        let ((ax, ay), (bx, by), (cx, cy)) = (at(a), at(b), at(c));
                        pb.cubic_to(ax, ay, bx, by, cx, cy);
                    }
                    Segment::Close => pb.close(),
                }
            }
            if let Some(path) = pb.finish() {
                surface.set_fill(Some(fill(*color, false, mode)));
                surface.draw_path(&path);
            }
        }
        ItemKind::Image {
            image, size, crop, ..
        } => {
            let (w, h) = (size.w.to_pt() as f32, size.h.to_pt() as f32);
            let failed = |reason: String| ExportError::Image {
                name: image.name.clone(),
                span: image.span.clone(),
                reason,
            };
            let ksize = Size::from_wh(w, h).ok_or_else(|| failed("it has no area".into()))?;
            // A cropped image shows only its crop: clip to it before drawing.
            let clip = crop.and_then(|c| {
                let r = Rect::from_xywh(
                    x + c.origin.x.to_pt() as f32,
                    y + c.origin.y.to_pt() as f32,
                    c.size.w.to_pt() as f32,
                    c.size.h.to_pt() as f32,
                )?;
                let mut pb = PathBuilder::new();
                pb.push_rect(r);
                pb.finish()
            });
            if let Some(path) = &clip {
                surface.push_clip_path(path, &FillRule::NonZero);
            }
            surface.push_transform(&Transform::from_translate(x, y));
            // Nothing may return early between the pushes and the pops.
            let drawn = match &image.kind {
                ImageKind::Svg(tree) => match mode {
                    Mode::Reader => {
                        // Lettering is drawn as outlines: the logo is a figure whose alt text
                        // says what it reads, so its letters are not text of their own.
                        let settings = SvgSettings {
                            embed_text: false,
                            ..SvgSettings::default()
                        };
                        surface.draw_svg(tree, ksize, settings);
                        Ok(())
                    }
                    Mode::Print(_) => super::svg::draw(surface, tree, ksize, mode).map_err(failed),
                },
                // No interpolation: PDF/A and PDF/X forbid it, and print needs the pixels as
                // given. In print, a JPEG is device grey or CMYK as the print transform left
                // it, so any profile it embeds is left out: the output intent defines it.
                ImageKind::Png(data) => Image::from_png(Data::from(data.clone()), false)
                    .map(|img| upright(surface, img, (w, h), image.orientation))
                    .map_err(failed),
                ImageKind::Jpeg(data) => {
                    let data = Data::from(data.clone());
                    match mode {
                        Mode::Reader => Image::from_jpeg(data, false),
                        Mode::Print(_) => Image::from_jpeg_with_icc(data, None, false),
                    }
                    .map(|img| upright(surface, img, (w, h), image.orientation))
                    .map_err(failed)
                }
                ImageKind::Cmyk(pixels) => super::raster::cmyk(pixels.clone())
                    .map(|img| upright(surface, img, (w, h), image.orientation))
                    .map_err(failed),
            };
            surface.pop();
            if clip.is_some() {
                surface.pop();
            }
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
                    paint: mode.paint_as(*color, width.to_pt() < HAIRLINE_PT),
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
