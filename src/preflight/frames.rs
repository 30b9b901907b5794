//! The print preflight: what a printer's checks would reject, found before the file is sent.
//!
//! In: the laid-out document and the report's print settings. Out: diagnostics in plain
//! English, each saying what and where. Errors stop the print build; warnings are listed.
//! - text or a logo outside the safe area (too near the trim): a warning naming the page
//!   and the text; an image reaching the trim, which has no bleed to cut into: a warning;
//! - a raster image below 300 dpi at its placed size: a warning with its effective dpi;
//! - images the print edition cannot carry (an RGB JPEG, an SVG with a gradient) are found
//!   in the model, at the key that names them (`model::print_checks`);
//! - brand colours derived from sRGB and inks over the limit are checked in the model.

use crate::diag::Diagnostic;
use crate::frame::{Artifact, Document, ItemKind, Tag};
use crate::geom::Rect;
use crate::images::ImageKind;
use crate::model::Report;

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
                ItemKind::Image { image, size, .. } => {
                    // Colour fields are extended into the bleed when written; an image cannot
                    // be, so one that reaches the trim would leave a white sliver if cut short.
                    const EDGE: f64 = 0.5;
                    let touches = bounds.origin.x.0 <= EDGE
                        || bounds.origin.y.0 <= EDGE
                        || bounds.right().0 >= page.size.w.0 - EDGE
                        || bounds.bottom().0 >= page.size.h.0 - EDGE;
                    if touches {
                        out.push(
                            Diagnostic::warning(
                                format!("the image `{}` on {where_} runs to the trim edge without bleed", image.name),
                                None,
                            )
                            .with_help("supply it 3 mm larger on the edge sides, or keep it inside the margins"),
                        );
                    } else if !bounds.within(&area) {
                        out.push(Diagnostic::warning(
                            format!("the image `{}` on {where_} is outside the safe area", image.name),
                            None,
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
                                    None,
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
    out
}
