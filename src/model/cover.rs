//! `[cover]` → [`Cover`]: the cover's design, its photograph and how light or dark that is.
//!
//! In: the spec and the folder of report.toml. Out: the layout chosen, the photograph
//! decoded with its [`Tones`] (the lightest and darkest colour of each cell of a coarse grid
//! over it, which layout reads to make the scrim under the title just dense enough), and
//! whether the period is shown. A design that shows a photograph needs one; a photograph
//! the design does not show is a warning, not silently dropped.

use super::assets;
use super::types::{Cover, CoverLayout, CoverPhoto, CoverSpans, Focus, ImageKind, Tones};
use crate::diag::Diagnostic;
use crate::files::Folder;
use crate::geom::Color;
use crate::spec::Spec;
use serde_spanned::Spanned;
use std::sync::Arc;

/// The grid's cells across the photograph's longer side: fine enough that a bright window
/// behind the title is found, coarse enough to be cheap for a photograph of any size.
const GRID: u32 = 48;

/// Reads `[cover]`.
pub fn cover(
    spec: &Spec,
    base: &Folder,
    svg: &usvg::Options,
    diags: &mut Vec<Diagnostic>,
) -> Cover {
    let report = spec.report.as_ref().map(|r| r.get_ref());
    let span = |v: Option<&crate::spec::SpannedStr>| v.map(|v| v.span());
    let spans = CoverSpans {
        title: span(report.and_then(|r| r.title.as_ref())),
        subtitle: span(report.and_then(|r| r.subtitle.as_ref())),
        period: span(report.and_then(|r| r.period.as_ref())),
        organisation: span(report.and_then(|r| r.organisation.as_ref())),
        back: span(spec.back.as_ref().and_then(|b| b.text.as_ref())),
    };
    let Some(c) = &spec.cover else {
        return Cover {
            layout: CoverLayout::Field,
            photo: None,
            show_period: true,
            spans,
        };
    };
    let layout = c
        .layout
        .as_ref()
        .map_or(CoverLayout::Field, |l| *l.get_ref());
    let show_period = c.show_period.as_ref().is_none_or(|s| *s.get_ref());
    let wants_photo = layout != CoverLayout::Field;
    let photo = match (&c.photo, wants_photo) {
        (None, true) => {
            let span = c.layout.as_ref().map(|l| l.span());
            diags.push(
                Diagnostic::error(
                    format!(
                        "the `{}` cover needs a `photo`",
                        if layout == CoverLayout::Photo { "photo" } else { "split" }
                    ),
                    span,
                )
                .with_help("add photo = \"images/cover.jpg\" to [cover], or write layout = \"field\" for the colour field alone")
                .missing(&["photo"]),
            );
            None
        }
        (Some(p), false) => {
            diags.push(
                Diagnostic::warning(
                    "the `field` cover shows no photograph, so `photo` is not used",
                    Some(p.span()),
                )
                .with_help("write layout = \"photo\" (the photograph over the whole cover) or \"split\" (the photograph above the colour field)"),
            );
            None
        }
        (None, false) => None,
        (Some(p), true) => photo(c, p, base, svg, diags),
    };
    Cover {
        layout: if photo.is_some() {
            layout
        } else {
            CoverLayout::Field
        },
        photo,
        show_period,
        spans,
    }
}

fn photo(
    c: &crate::spec::CoverSpec,
    file: &Spanned<crate::spec::FilePath>,
    base: &Folder,
    svg: &usvg::Options,
    diags: &mut Vec<Diagnostic>,
) -> Option<CoverPhoto> {
    let path = Spanned::new(file.span(), file.get_ref().as_str().to_string());
    let image = assets::image(base, "cover.photo", &path, svg)
        .map_err(|d| diags.push(d))
        .ok()?;
    let decorative = c.photo_decorative.as_ref().is_some_and(|d| *d.get_ref());
    let alt = c
        .photo_alt
        .as_ref()
        .map(|a| a.get_ref().trim().to_string())
        .filter(|a| !a.is_empty());
    if alt.is_none() && !decorative {
        diags.push(
            Diagnostic::error("the cover photograph has no `photo_alt` text", Some(file.span()))
                .with_label("screen readers cannot say what this photograph shows")
                .with_help("add photo_alt = \"…\" to [cover] saying what it shows, or photo_decorative = true if it adds nothing a reader needs"),
        );
    }
    let tones = match tones(&image.kind, image.orientation) {
        Ok(t) => t,
        Err(why) => {
            diags.push(
                Diagnostic::error(
                    format!(
                        "the cover photograph `{}` cannot be read: {why}",
                        image.name
                    ),
                    Some(file.span()),
                )
                .with_help("give a JPEG or PNG photograph (an SVG is a drawing, not a photograph)"),
            );
            return None;
        }
    };
    Some(CoverPhoto {
        image,
        span: Some(file.span()),
        alt: alt.filter(|_| !decorative),
        credit: c.photo_credit.as_ref().map(|t| t.get_ref().clone()),
        focus: c.focus.as_ref().map_or(Focus::Centre, |f| *f.get_ref()),
        tones: Arc::new(tones),
    })
}

/// The lightest and darkest pixel of each cell of a grid over the photograph, turned
/// upright as it is drawn (`orientation` is its EXIF orientation).
pub fn tones(kind: &ImageKind, orientation: u8) -> Result<Tones, String> {
    let data = match kind {
        ImageKind::Png(d) | ImageKind::Jpeg(d) => d,
        _ => return Err("it is not a raster image".into()),
    };
    let mut img = image::load_from_memory(data).map_err(|e| e.to_string())?;
    if let Some(o) = image::metadata::Orientation::from_exif(orientation) {
        img.apply_orientation(o);
    }
    let img = img.to_rgb8();
    let (w, h) = img.dimensions();
    if w == 0 || h == 0 {
        return Err("it has no pixels".into());
    }
    let cell = (w.max(h)).div_ceil(GRID).max(1);
    let (columns, rows) = (w.div_ceil(cell) as usize, h.div_ceil(cell) as usize);
    let mut lightest = vec![(f64::MIN, Color::BLACK); columns * rows];
    let mut darkest = vec![(f64::MAX, Color::WHITE); columns * rows];
    for (x, y, p) in img.enumerate_pixels() {
        let c = Color::rgb(p[0], p[1], p[2]);
        let l = c.luminance();
        let i = (y / cell) as usize * columns + (x / cell) as usize;
        if l > lightest[i].0 {
            lightest[i] = (l, c);
        }
        if l < darkest[i].0 {
            darkest[i] = (l, c);
        }
    }
    Ok(Tones {
        columns,
        rows,
        lightest: lightest.into_iter().map(|(_, c)| c).collect(),
        darkest: darkest.into_iter().map(|(_, c)| c).collect(),
    })
}
