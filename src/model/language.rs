//! `[report] language` → a BCP 47 language tag, as PDF readers and screen readers need it.
//!
//! In: the value as written. Out: the tag in its canonical form (`en-gb` → `en-GB`), or
//! why it is not one, with the tag meant where the value is a language's name
//! (`"English"` → `en-GB`). Tags are parsed by ICU4X (`icu_locale_core`); a primary
//! language subtag must be an ISO 639 code of two or three letters (BCP 47 reserves four
//! letters and keeps five to eight for registrations, of which there are none).

use crate::diag::did_you_mean;
use icu_locale_core::Locale;

/// Language names people write instead of a tag, in English and in the language itself,
/// with the tag they mean: the languages of the UK and Ireland first, then those most
/// spoken in UK communities and across Europe.
const NAMES: [(&str, &str); 40] = [
    ("english", "en-GB"),
    ("british english", "en-GB"),
    ("british", "en-GB"),
    ("american english", "en-US"),
    ("welsh", "cy"),
    ("cymraeg", "cy"),
    ("scottish gaelic", "gd"),
    ("gaelic", "gd"),
    ("gàidhlig", "gd"),
    ("irish", "ga"),
    ("gaeilge", "ga"),
    ("cornish", "kw"),
    ("scots", "sco"),
    ("french", "fr"),
    ("français", "fr"),
    ("german", "de"),
    ("deutsch", "de"),
    ("spanish", "es"),
    ("español", "es"),
    ("italian", "it"),
    ("portuguese", "pt"),
    ("dutch", "nl"),
    ("polish", "pl"),
    ("polski", "pl"),
    ("romanian", "ro"),
    ("lithuanian", "lt"),
    ("urdu", "ur"),
    ("punjabi", "pa"),
    ("bengali", "bn"),
    ("gujarati", "gu"),
    ("arabic", "ar"),
    ("somali", "so"),
    ("turkish", "tr"),
    ("chinese", "zh"),
    ("cantonese", "yue"),
    ("mandarin", "zh"),
    ("tamil", "ta"),
    ("swedish", "sv"),
    ("danish", "da"),
    ("norwegian", "nb"),
];

/// The canonical tag for `written`, or a message saying what was meant.
pub fn tag(written: &str) -> Result<String, String> {
    let trimmed = written.trim();
    let lower = trimmed.to_lowercase();
    let meant = |why: &str| {
        let names: Vec<&str> = NAMES.iter().map(|(n, _)| *n).collect();
        let hint = NAMES
            .iter()
            .find(|(n, _)| *n == lower)
            .map(|(_, t)| *t)
            .or_else(|| did_you_mean(&lower, &names).and_then(lookup));
        match hint {
            Some(t) => format!("`{trimmed}` {why}: write language = \"{t}\""),
            None => format!(
                "`{trimmed}` {why}: write a BCP 47 tag, like \"en-GB\" (British English), \"cy\" (Welsh) or \"fr\" (French)"
            ),
        }
    };
    let locale = Locale::try_from_str(trimmed).map_err(|_| meant("is not a language tag"))?;
    let language = locale.id.language.as_str();
    if !(2..=3).contains(&language.len()) {
        return Err(meant("is not a language tag"));
    }
    Ok(locale.to_string())
}

fn lookup(name: &str) -> Option<&'static str> {
    NAMES.iter().find(|(n, _)| *n == name).map(|(_, t)| *t)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_are_canonical_and_names_are_suggested() {
        assert_eq!(tag("en-GB").unwrap(), "en-GB");
        assert_eq!(tag("en-gb").unwrap(), "en-GB");
        assert_eq!(tag("cy").unwrap(), "cy");
        assert_eq!(tag("zh-Hant-HK").unwrap(), "zh-Hant-HK");
        assert_eq!(
            tag("English").unwrap_err(),
            "`English` is not a language tag: write language = \"en-GB\""
        );
        assert_eq!(
            tag("Welsh").unwrap_err(),
            "`Welsh` is not a language tag: write language = \"cy\""
        );
        assert!(
            tag("Englsh")
                .unwrap_err()
                .ends_with("write language = \"en-GB\"")
        );
        assert!(tag("en GB").is_err());
        assert!(tag("").is_err());
    }
}
