//! The print preflight: what a printer's checks would reject, found before the file is sent.
//!
//! In: the laid-out document and the report's print settings. Out: diagnostics in plain
//! English, each saying what and where. Errors stop the print build; warnings are listed.
//! - text or a logo outside the safe area (too near the trim): a warning naming the page
//!   and the text; an image reaching the trim with no bleed to cut into (one not drawn
//!   beyond the trim by the bleed, as a cropped cover photo is): a warning;
//! - a raster image below 300 dpi at its placed size: a warning with its effective dpi;
//! - RGB images (JPEG or PNG), which the print edition converts to CMYK through the output
//!   profile: one note naming them all, so nobody is surprised that the print colours of a
//!   photo differ from the screen's (the reader edition keeps the original files);
//! - a page count the binding cannot take (`[print] binding`): a warning, or a note saying
//!   how many blank pages `pad` adds before the back cover;
//! - SVGs the print edition cannot draw in inks (a clip path, a pattern) are found in the
//!   model, at the key that names them (`model::print_checks`);
//! - brand colours derived from sRGB and inks over the limit are checked in the model.

use crate::diag::Diagnostic;
use crate::frame::{Artifact, Document, ItemKind, Tag};
use crate::geom::Rect;
use crate::images::ImageKind;
use crate::model::{Binding, Report};

/// Print resolution: 300 pixels per inch at the placed size.
const PRINT_DPI: f64 = 300.0;

/// Checks the print edition of `doc`.
pub fn print(doc: &Document, report: &Report) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let safe = report.print.safe_area;
    for page in &doc.pages {
        let area = Rect::new(
            safe,
            safe,
            page.size.w - safe - safe,
            page.size.h - safe - safe,
        );
        let where_ = page.number.map_or_else(
            || page.label.clone().unwrap_or_default().to_lowercase(),
            |n| format!("page {n}"),
        );
        for item in &page.items {
            // Backgrounds run to the edge on purpose; the footer sits in the margin, well inside.
            if matches!(item.tag, Tag::Artifact(Artifact::Decoration)) {
                continue;
            }
            let bounds = item.bounds();
            match &item.kind {
                ItemKind::Text(t) if !bounds.within(&area) => out.push(
                    Diagnostic::warning(
                        format!(
                            "text \"{}\" on {where_} is outside the {:.0} mm safe area and may be trimmed",
                            t.text.trim(),
                            safe.to_mm()
                        ),
                        None,
                    )
                    .with_help("move it further from the page edge, or widen the margins in [page]"),
                ),
                ItemKind::Image {
                    image,
                    size,
                    bleed: marked,
                    ..
                } => {
                    // Colour fields are extended into the bleed when written; an image can be
                    // where it is drawn beyond the trim (a cropped cover photo) or is marked to
                    // bleed (a page-width image, grown into the bleed when written), so one
                    // that merely reaches the trim would leave a white sliver if cut short.
                    const EDGE: f64 = 0.5;
                    let drawn = Rect::new(item.pos.x, item.pos.y, size.w, size.h);
                    let bleed = report.print.bleed.0 - EDGE;
                    let sides = [
                        (bounds.origin.x.0 <= EDGE, -drawn.origin.x.0),
                        (bounds.origin.y.0 <= EDGE, -drawn.origin.y.0),
                        (
                            bounds.right().0 >= page.size.w.0 - EDGE,
                            drawn.right().0 - page.size.w.0,
                        ),
                        (
                            bounds.bottom().0 >= page.size.h.0 - EDGE,
                            drawn.bottom().0 - page.size.h.0,
                        ),
                    ];
                    let touches = sides.iter().any(|(t, _)| *t);
                    let short = !marked && sides.iter().any(|(t, beyond)| *t && *beyond < bleed);
                    if short {
                        out.push(
                            Diagnostic::warning(
                                format!("the image `{}` on {where_} runs to the trim edge without bleed", image.name),
                                image.span.clone(),
                            )
                            .with_help("supply it 3 mm larger on the edge sides, or keep it inside the margins"),
                        );
                    } else if !touches && !marked && !bounds.within(&area) {
                        // An image drawn into the bleed is a background, meant to be cut.
                        out.push(Diagnostic::warning(
                            format!("the image `{}` on {where_} is outside the safe area", image.name),
                            image.span.clone(),
                        ));
                    }
                    if let ImageKind::Png(_) | ImageKind::Jpeg(_) = &image.kind {
                        let dpi = image.size.w.to_pt() / (size.w.to_pt() / 72.0);
                        if dpi < PRINT_DPI {
                            out.push(
                                Diagnostic::warning(
                                    format!(
                                        "the image `{}` on {where_} is {dpi:.0} dpi at its printed size; print needs {PRINT_DPI:.0}",
                                        image.name
                                    ),
                                    image.span.clone(),
                                )
                                .with_help("supply a larger image, or an SVG"),
                            );
                        }
                    }
                }
                _ => {}
            }
        }
    }
    out.dedup_by(|a, b| a.message == b.message);
    if let Some(note) = converted(doc) {
        out.push(note);
    }
    out.extend(page_count(doc, report));
    out
}

/// A page count the binding cannot take: a warning, or a note when `pad` fills it.
fn page_count(doc: &Document, report: &Report) -> Option<Diagnostic> {
    let print = &report.print;
    let (n, m) = (doc.pages.len(), print.binding.multiple());
    let missing = (m - n % m) % m;
    if missing == 0 {
        return None;
    }
    let binding = match print.binding {
        Binding::SaddleStitch => "a saddle-stitched booklet needs a multiple of 4",
        Binding::Perfect => "a perfect-bound book needs an even number",
        Binding::None => return None,
    };
    let blanks = if missing == 1 {
        "1 blank page".to_string()
    } else {
        format!("{missing} blank pages")
    };
    let span = print.binding_span.clone();
    Some(if print.pad {
        Diagnostic::note(
            format!(
                "the print edition has {n} pages and {binding}: {blanks} are added before the back cover, making {}",
                n + missing
            )
            .replace("1 blank page are", "1 blank page is"),
            span,
        )
    } else {
        Diagnostic::warning(
            format!("the print edition has {n} pages, but {binding}"),
            span,
        )
        .with_help(format!(
            "add or remove pages, or set `pad = true` in `[print]` to add {blanks} before the back cover; set `binding = \"none\"` if the copies are not bound"
        ))
    })
}

/// The one note about RGB images converted for print, at the first one's key.
fn converted(doc: &Document) -> Option<Diagnostic> {
    let mut rgb: Vec<&crate::model::ImageData> = Vec::new();
    for item in doc.pages.iter().flat_map(|p| &p.items) {
        if let ItemKind::Image { image, .. } = &item.kind
            && image.is_rgb()
            && !rgb.iter().any(|i| i.name == image.name)
        {
            rgb.push(image);
        }
    }
    let first = rgb.first()?;
    let names: Vec<String> = rgb.iter().map(|i| format!("`{}`", i.name)).collect();
    let (them, they_are) = if rgb.len() == 1 {
        ("it", "it is")
    } else {
        ("them", "they are")
    };
    Some(
        Diagnostic::note(
            format!(
                "the print edition converts {} to CMYK through the output profile: {} RGB",
                names.join(", "),
                they_are
            ),
            first.span.clone(),
        )
        .with_help(format!(
            "nothing to do unless the printer asks for CMYK originals; to control the conversion, save {them} as CMYK JPEGs. The reader edition keeps {them} as {they_are}"
        )),
    )
}
