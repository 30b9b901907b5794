//! Font coverage: every character of the report's text that no loaded font can draw is a
//! warning at that character, never a silent empty box.
//!
//! In: the spec's text values and the report's fonts. Out: one warning per value for each
//! character it holds that none of the fonts has. Each distinct character is looked up in
//! the fonts' character maps once per report, however often it occurs: a long report repeats
//! the same few dozen letters hundreds of thousands of times.

use crate::diag::Diagnostic;
use crate::spec::{SpannedStr, Spec};
use crate::text::{FaceId, FamilyId, FontBook};
use rustybuzz::ttf_parser;
use std::collections::HashMap;

/// Whether some face has a glyph for a character, asked once per distinct character.
struct Covered<'a> {
    faces: Vec<ttf_parser::Face<'a>>,
    /// The answers for ASCII, the bulk of most reports, by code: unknown, yes or no.
    ascii: [Option<bool>; 128],
    other: HashMap<char, bool>,
}

impl<'a> Covered<'a> {
    fn new(fonts: &'a FontBook, faces: &[FaceId]) -> Self {
        let faces = faces
            .iter()
            .filter_map(|&id| {
                let face = fonts.face(id);
                ttf_parser::Face::parse(&face.data, face.index).ok()
            })
            .collect();
        Self {
            faces,
            ascii: [None; 128],
            other: HashMap::new(),
        }
    }

    fn has(&mut self, c: char) -> bool {
        let faces = &self.faces;
        let look_up = || faces.iter().any(|f| f.glyph_index(c).is_some());
        match self.ascii.get_mut(c as usize) {
            Some(known) => *known.get_or_insert_with(look_up),
            None => *self.other.entry(c).or_insert_with(look_up),
        }
    }
}

/// Checks every text value of the spec against the report's fonts.
pub fn check(
    spec: &Spec,
    source: &str,
    fonts: &FontBook,
    families: &[FamilyId],
    diags: &mut Vec<Diagnostic>,
) {
    let faces: Vec<FaceId> = families
        .iter()
        .flat_map(|f| {
            [
                fonts.select(*f, false, false),
                fonts.select(*f, true, false),
                fonts.select(*f, false, true),
            ]
        })
        .collect();
    let mut covered = Covered::new(fonts, &faces);
    let mut check = |value: &Option<SpannedStr>, key: &str| {
        let Some(value) = value else { return };
        let mut missing: Vec<char> = Vec::new();
        for c in value.get_ref().chars() {
            // Spaces and soft hyphens are never drawn as glyphs.
            if c.is_whitespace() || c == '\u{AD}' || covered.has(c) || missing.contains(&c) {
                continue;
            }
            missing.push(c);
        }
        for c in missing {
            // Point at the character itself where it is written literally in the file.
            let span = value.span();
            let at = source
                .get(span.clone())
                .and_then(|s| s.find(c))
                .map(|i| span.start + i..span.start + i + c.len_utf8())
                .unwrap_or(span);
            diags.push(
                Diagnostic::warning(
                    format!(
                        "the character `{c}` (U+{:04X}) in `{key}` is in none of the report's fonts; it will print as an empty box",
                        c as u32
                    ),
                    Some(at),
                )
                .with_help("replace the character, or choose a font that has it in [brand.fonts]"),
            );
        }
    };
    if let Some(r) = &spec.report {
        let r = r.get_ref();
        check(&r.title, "report.title");
        check(&r.subtitle, "report.subtitle");
        check(&r.organisation, "report.organisation");
        check(&r.period, "report.period");
    }
    if let Some(f) = &spec.footer {
        check(&f.text, "footer.text");
    }
    for (i, s) in spec.sections.iter().enumerate() {
        let s = s.get_ref();
        let key = format!("sections[{}]", i + 1);
        check(&s.title, &format!("{key}.title"));
        check(&s.lead, &format!("{key}.lead"));
        check(&s.body, &format!("{key}.body"));
        for m in &s.metrics {
            let m = m.get_ref();
            check(&m.value, &format!("{key} metric value"));
            check(&m.label, &format!("{key} metric label"));
            check(&m.detail, &format!("{key} metric detail"));
        }
    }
}
