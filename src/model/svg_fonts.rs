//! Fonts for lettering inside SVG images (a logo's `<text>`).
//!
//! In: the report's font book. Out: usvg options whose font database holds the report's
//! faces (the built-in Liberation Sans and the brand fonts) and the built-in fallback faces,
//! with the body family as the default and as every generic family, so
//! `font-family="sans-serif"` or a family the report does not have still letters in the
//! report's own type. The faces are shared with the book or used in place, not copied.

use crate::text::fallback::BUILTIN_FALLBACK;
use crate::text::{FamilyId, FontBook};
use std::sync::Arc;
use usvg::fontdb;

/// usvg options for SVG files of a report set in `body`.
pub fn options(fonts: &FontBook, body: FamilyId) -> usvg::Options<'static> {
    let mut db = fontdb::Database::new();
    for face in &fonts.faces {
        let data: Arc<dyn AsRef<[u8]> + Send + Sync> = face.data.shared();
        db.load_font_source(fontdb::Source::Binary(data));
    }
    // The built-in fallback faces, for a tick or an arrow in the lettering: usvg falls back
    // per character as the text stage does. Their bytes are used in place, not copied.
    for (_, bytes) in BUILTIN_FALLBACK {
        let data: Arc<dyn AsRef<[u8]> + Send + Sync> = Arc::new(bytes);
        db.load_font_source(fontdb::Source::Binary(data));
    }
    let family = fonts.family(body).name.clone();
    db.set_sans_serif_family(family.clone());
    db.set_serif_family(family.clone());
    db.set_monospace_family(family.clone());
    db.set_cursive_family(family.clone());
    db.set_fantasy_family(family.clone());
    usvg::Options {
        font_family: family,
        fontdb: Arc::new(db),
        ..usvg::Options::default()
    }
}
