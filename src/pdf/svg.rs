//! SVG in the print edition: paths drawn in the brand's inks instead of sRGB.
//!
//! krilla-svg writes SVG colours as RGB, which a PDF/X-4 file with a CMYK intent should not
//! carry as device RGB. Logos are flat paths with solid fills and strokes, so the print
//! edition walks usvg's resolved tree itself and paints each path through the same colour
//! mapping as the rest of the page; a see-through group becomes a transparency group;
//! lettering is drawn as the outlines usvg laid out in the report's fonts. Gradients are
//! drawn in process CMYK. Clip paths, masks, filters, patterns and embedded images are
//! refused with a message (flatten or convert them to paths in a drawing program).

use super::mode::Mode;
use crate::geom::Color;
use krilla::geom::{PathBuilder, Size, Transform};
use krilla::num::NormalizedF32;
use krilla::paint::{
    Fill, FillRule, LineCap, LineJoin, LinearGradient, Paint, RadialGradient, SpreadMethod, Stop,
    Stroke,
};
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
    if g.clip_path().is_some() || g.mask().is_some() || !g.filters().is_empty() {
        return Err(
            "clip paths, masks and filters in an SVG cannot be printed in CMYK; flatten them in a drawing program".into(),
        );
    }
    // A group drawn see-through is a transparency group, which krilla blends in CMYK for
    // PDF/X.
    let see_through = g.opacity().get() < 1.0;
    if see_through {
        surface.push_opacity(NormalizedF32::new(g.opacity().get()).unwrap_or(NormalizedF32::ONE));
    }
    let drawn = children(surface, g, mode);
    if see_through {
        surface.pop();
    }
    drawn
}

fn children(surface: &mut Surface, g: &usvg::Group, mode: &Mode) -> Result<(), String> {
    for node in g.children() {
        match node {
            usvg::Node::Group(g) => group(surface, g, mode)?,
            usvg::Node::Path(p) => path(surface, p, mode)?,
            usvg::Node::Image(_) => {
                return Err("an image inside an SVG cannot be printed in CMYK".into());
            }
            // Lettering, as the outlines usvg laid out in the report's fonts.
            usvg::Node::Text(t) => group(surface, t.flattened(), mode)?,
        }
    }
    Ok(())
}

/// A fill or stroke paint in the edition's inks. Gradients are drawn in process CMYK (one
/// colour space for every stop, as a shading needs), patterns are refused.
fn paint(paint: &usvg::Paint, mode: &Mode) -> Result<Paint, String> {
    let stops = |stops: &[usvg::Stop]| -> Vec<Stop> {
        stops
            .iter()
            .map(|s| Stop {
                offset: NormalizedF32::new(s.offset().get()).unwrap_or(NormalizedF32::ZERO),
                color: mode.process(Color::rgb(s.color().red, s.color().green, s.color().blue)),
                opacity: NormalizedF32::new(s.opacity().get()).unwrap_or(NormalizedF32::ONE),
            })
            .collect()
    };
    let spread = |s: usvg::SpreadMethod| match s {
        usvg::SpreadMethod::Pad => SpreadMethod::Pad,
        usvg::SpreadMethod::Reflect => SpreadMethod::Reflect,
        usvg::SpreadMethod::Repeat => SpreadMethod::Repeat,
    };
    let transform = |t: usvg::Transform| Transform::from_row(t.sx, t.ky, t.kx, t.sy, t.tx, t.ty);
    Ok(match paint {
        usvg::Paint::Color(c) => mode.paint(Color::rgb(c.red, c.green, c.blue)),
        usvg::Paint::LinearGradient(g) => LinearGradient {
            x1: g.x1(),
            y1: g.y1(),
            x2: g.x2(),
            y2: g.y2(),
            transform: transform(g.transform()),
            spread_method: spread(g.spread_method()),
            stops: stops(g.stops()),
            anti_alias: false,
        }
        .into(),
        usvg::Paint::RadialGradient(g) => RadialGradient {
            cx: g.cx(),
            cy: g.cy(),
            cr: g.r().get(),
            fx: g.fx(),
            fy: g.fy(),
            fr: 0.0,
            transform: transform(g.transform()),
            spread_method: spread(g.spread_method()),
            stops: stops(g.stops()),
            anti_alias: false,
        }
        .into(),
        usvg::Paint::Pattern(_) => {
            return Err(
                "patterns in an SVG cannot be printed in CMYK; flatten them in a drawing program"
                    .into(),
            );
        }
    })
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
            paint: paint(f.paint(), mode)?,
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
            paint: paint(s.paint(), mode)?,
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
    // Pushed only now that nothing can fail: the surface must be left as it was found.
    surface.push_transform(&Transform::from_row(t.sx, t.ky, t.kx, t.sy, t.tx, t.ty));
    surface.set_fill(fill);
    surface.set_stroke(stroke);
    surface.draw_path(&shape);
    surface.set_stroke(None);
    surface.pop();
    Ok(())
}
