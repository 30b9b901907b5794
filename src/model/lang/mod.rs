//! Languages: the report's, a section's and a passage's, and the words folio itself prints.
//!
//! In: BCP 47 tags as written (`[report] language`, a section's `lang`, a passage marked
//! `[Croeso]{lang=cy}` in a body) and the `[strings]` table. Out: a [`Language`] for each —
//! its tag, for the PDF's `/Lang` so screen readers switch voice, and its hyphenation
//! patterns (hypher's, or the TeX patterns folio embeds for Welsh and Irish) — and the
//! interface [`Strings`].
//!
//! The interface strings come from a small table for English, Welsh, French, German,
//! Spanish, Irish and Scottish Gaelic; any other language gets English ones, each of which
//! `[strings]` can override. Dates are written as CLDR writes the language's long date
//! (ICU4X's date formatter and compiled data: "29 Ionawr 2021", "29. Januar 2021"), except
//! Irish, for which CLDR puts the month first and the table writes "29 Eanáir 2021"; a
//! language CLDR has no dates for writes them in English.

mod chart_words;
mod passages;
mod strings;

pub use chart_words::ChartWords;
pub use passages::mark_passages;
pub use strings::Strings;

use crate::diag::Diagnostic;
use crate::text::Hyphenation;

/// A language, resolved.
#[derive(Debug, Clone, PartialEq)]
pub struct Language {
    /// The BCP 47 tag as written ("cy", "en-GB").
    pub tag: String,
    /// Hyphenation patterns, if folio has them for the language.
    pub hyphenation: Option<Hyphenation>,
}

impl Language {
    /// The language of a tag ("cy-GB" → Welsh).
    pub fn new(tag: &str) -> Self {
        let primary = primary(tag);
        Self {
            tag: tag.to_string(),
            hyphenation: Hyphenation::for_language(&primary),
        }
    }
}

/// Whether a tag is English ("en", "en-GB", "en-US").
pub fn is_english(tag: &str) -> bool {
    primary(tag) == "en"
}

/// The primary subtag, lower case: "cy-GB" → "cy".
pub(crate) fn primary(tag: &str) -> String {
    tag.split(['-', '_'])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase()
}

/// English names of the languages the note about hyphenation names.
fn english_name(primary: &str) -> Option<&'static str> {
    Some(match primary {
        "cy" => "Welsh",
        "ga" => "Irish",
        "gd" => "Scottish Gaelic",
        "kw" => "Cornish",
        "gv" => "Manx",
        "br" => "Breton",
        "eu" => "Basque",
        "mt" => "Maltese",
        "ar" => "Arabic",
        "ur" => "Urdu",
        "pa" => "Punjabi",
        "zh" => "Chinese",
        "ja" => "Japanese",
        "ko" => "Korean",
        "ro" => "Romanian",
        "lv" => "Latvian",
        "so" => "Somali",
        _ => return None,
    })
}

/// A note, once per language, that text in a language folio has no patterns for (Scottish
/// Gaelic, Cornish, …) is not hyphenated: another language's patterns would break its words
/// in the wrong places.
pub fn hyphenation_note(
    lang: &Language,
    span: Option<std::ops::Range<usize>>,
    noted: &mut Vec<String>,
    diags: &mut Vec<Diagnostic>,
) {
    let p = primary(&lang.tag);
    if lang.hyphenation.is_some() || noted.contains(&p) {
        return;
    }
    noted.push(p.clone());
    let name = english_name(&p).map_or_else(|| format!("`{}`", lang.tag), str::to_string);
    diags.push(
        Diagnostic::warning(
            format!("{name} text is not hyphenated: folio has no hyphenation patterns for it"),
            span,
        )
        .with_label("words in this language break only at spaces and hyphens")
        .with_help("nothing to do; set `[text] hyphenate = false` to silence this note"),
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Date, Inline};

    #[test]
    fn each_language_writes_the_date_in_its_own_words() {
        let d = Date {
            year: 2021,
            month: 1,
            day: 29,
        };
        let date = |tag: &str| Strings::for_language(tag).long_date(&d);
        assert_eq!(date("en-GB"), "29 January 2021");
        assert_eq!(date("cy"), "29 Ionawr 2021");
        assert_eq!(date("fr-FR"), "29 janvier 2021");
        assert_eq!(date("de"), "29. Januar 2021");
        assert_eq!(date("es"), "29 de enero de 2021");
        assert_eq!(date("ga"), "29 Eanáir 2021");
        assert_eq!(date("gd"), "29 dhen Fhaoilleach 2021");
        // A language outside the table still has CLDR's dates …
        assert_eq!(date("pl"), "29 stycznia 2021");
        // … and one CLDR has no dates for writes them in English.
        assert_eq!(date("kw"), "29 January 2021");
        let july = Date { month: 7, ..d };
        assert_eq!(
            Strings::for_language("cy").long_date(&july),
            "29 Gorffennaf 2021"
        );
    }

    #[test]
    fn welsh_and_irish_have_tex_patterns_gaelic_has_none_french_has_hypher_s() {
        use crate::text::hyphenate::TexPatterns;
        assert_eq!(
            Language::new("cy-GB").hyphenation,
            Some(Hyphenation::Tex(TexPatterns::Welsh))
        );
        assert_eq!(
            Language::new("ga").hyphenation,
            Some(Hyphenation::Tex(TexPatterns::Irish))
        );
        assert_eq!(Language::new("gd").hyphenation, None);
        assert_eq!(
            Language::new("fr-CA").hyphenation,
            Some(Hyphenation::Hypher(hypher::Lang::French))
        );
        assert_eq!(
            Language::new("en-GB").hyphenation,
            Some(Hyphenation::Hypher(hypher::Lang::English))
        );
    }

    fn inline(text: &str, bold: bool) -> Inline {
        Inline {
            text: text.into(),
            bold,
            italic: false,
            link: None,
            lang: None,
        }
    }

    #[test]
    fn a_marked_passage_takes_its_language_and_loses_its_markers() {
        let out = mark_passages(vec![
            inline("Diolch i'r staff a'r [partners in ", false),
            inline("England", true),
            inline("]{lang=en-GB} am eu gwaith.", false),
        ]);
        let parts: Vec<(&str, bool, Option<&str>)> = out
            .iter()
            .map(|i| {
                (
                    i.text.as_str(),
                    i.bold,
                    i.lang.as_ref().map(|l| l.tag.as_str()),
                )
            })
            .collect();
        assert_eq!(
            parts,
            [
                ("Diolch i'r staff a'r ", false, None),
                ("partners in ", false, Some("en-GB")),
                ("England", true, Some("en-GB")),
                (" am eu gwaith.", false, None),
            ]
        );
        // Brackets that are not a passage marker stay as written.
        let plain = mark_passages(vec![inline("See [note 3] and {lang} here.", false)]);
        assert_eq!(plain[0].text, "See [note 3] and {lang} here.");
    }
}
