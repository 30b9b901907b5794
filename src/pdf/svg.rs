//! SVG in the print edition: paths drawn in the brand's inks instead of sRGB.
//!
//! krilla-svg writes SVG colours as RGB, which a PDF/X-4 file with a CMYK intent should not
//! carry as device RGB. Logos are flat paths with solid fills and strokes, so the print
//! edition walks usvg's resolved tree itself and paints each path through the same colour
//! mapping as the rest of the page. Gradients, embedded images and text are refused with a
//! message (convert them to paths, or give a PDF- or CMYK-ready logo).

use super::mode::Mode;
use crate::geom::Color;
use krilla::geom::{PathBuilder, Size, Transform};
use krilla::num::NormalizedF32;
use krilla::paint::{Fill, FillRule, LineCap, LineJoin, Stroke};
use krilla::surface::Surface;
use usvg::tiny_skia_path::PathSegment;

/// Draws `tree` scaled to `size` at the surface's current origin.
pub fn draw(
    surface: &mut Surface,
    tree: &usvg::Tree,
    size: Size,
    mode: &Mode,
) -> Result<(), String> {
    let s = tree.size();
    let scale = Transform::from_scale(size.width() / s.width(), size.height() / s.height());
    surface.push_transform(&scale);
    let result = group(surface, tree.root(), mode);
    surface.pop();
    result
}

fn group(surface: &mut Surface, g: &usvg::Group, mode: &Mode) -> Result<(), String> {
    for node in g.children() {
        match node {
            usvg::Node::Group(g) => group(surface, g, mode)?,
            usvg::Node::Path(p) => path(surface, p, mode)?,
            usvg::Node::Image(_) => {
                return Err("an image inside an SVG cannot be printed in CMYK".into());
            }
            usvg::Node::Text(_) => {
                return Err(
                    "text inside an SVG cannot be printed in CMYK; convert it to paths".into(),
                );
            }
        }
    }
    Ok(())
}

fn colour(paint: &usvg::Paint) -> Result<Color, String> {
    match paint {
        usvg::Paint::Color(c) => Ok(Color::rgb(c.red, c.green, c.blue)),
        _ => Err("gradients and patterns in an SVG cannot be printed in CMYK".into()),
    }
}

fn path(surface: &mut Surface, p: &usvg::Path, mode: &Mode) -> Result<(), String> {
    let mut pb = PathBuilder::new();
    for seg in p.data().segments() {
        match seg {
            PathSegment::MoveTo(a) => pb.move_to(a.x, a.y),
            PathSegment::LineTo(a) => pb.line_to(a.x, a.y),
            PathSegment::QuadTo(a, b) => pb.quad_to(a.x, a.y, b.x, b.y),
            PathSegment::CubicTo(a, b, c) => pb.cubic_to(a.x, a.y, b.x, b.y, c.x, c.y),
            PathSegment::Close => pb.close(),
        }
    }
    let Some(shape) = pb.finish() else {
        return Ok(());
    };
    let t = p.abs_transform();
    let fill = match p.fill() {
        Some(f) => Some(Fill {
            paint: mode.paint(colour(f.paint())?),
            opacity: NormalizedF32::new(f.opacity().get()).unwrap_or(NormalizedF32::ONE),
            rule: match f.rule() {
                usvg::FillRule::EvenOdd => FillRule::EvenOdd,
                usvg::FillRule::NonZero => FillRule::NonZero,
            },
        }),
        None => None,
    };
    let stroke = match p.stroke() {
        Some(s) => Some(Stroke {
            paint: mode.paint(colour(s.paint())?),
            width: s.width().get(),
            miter_limit: s.miterlimit().get(),
            line_cap: match s.linecap() {
                usvg::LineCap::Butt => LineCap::Butt,
                usvg::LineCap::Round => LineCap::Round,
                usvg::LineCap::Square => LineCap::Square,
            },
            line_join: match s.linejoin() {
                usvg::LineJoin::Round => LineJoin::Round,
                usvg::LineJoin::Bevel => LineJoin::Bevel,
                _ => LineJoin::Miter,
            },
            opacity: NormalizedF32::new(s.opacity().get()).unwrap_or(NormalizedF32::ONE),
            dash: None,
        }),
        None => None,
    };
    // Pushed only once nothing can fail, so the surface stays balanced.
    surface.push_transform(&Transform::from_row(t.sx, t.ky, t.kx, t.sy, t.tx, t.ty));
    surface.set_fill(fill);
    surface.set_stroke(stroke);
    surface.draw_path(&shape);
    surface.set_stroke(None);
    surface.pop();
    Ok(())
}
