//! Font coverage: every character of the report's text that no loaded font can draw is a
//! warning at that character, never a silent empty box.

use crate::diag::Diagnostic;
use crate::spec::{SpannedStr, Spec};
use crate::text::{FaceId, FamilyId, FontBook};

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
    let mut check = |value: &Option<SpannedStr>, key: &str| {
        let Some(value) = value else { return };
        for c in fonts
            .missing_chars(faces[0], value.get_ref())
            .into_iter()
            .filter(|c| !super::limits::is_hidden(*c))
        {
            if faces
                .iter()
                .any(|f| fonts.missing_chars(*f, &c.to_string()).is_empty())
            {
                continue;
            }
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
