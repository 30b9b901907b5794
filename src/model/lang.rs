//! Languages: the report's, a section's and a passage's, and the words folio itself prints.
//!
//! In: BCP 47 tags as written (`[report] language`, a section's `lang`, a passage marked
//! `[Croeso]{lang=cy}` in a body) and the `[strings]` table. Out: a [`Language`] for each —
//! its tag, for the PDF's `/Lang` so screen readers switch voice, and its hyphenation
//! patterns (`hypher`, where it has the language) — and the interface [`Strings`].
//!
//! The interface strings come from a small table for English, Welsh, French, German,
//! Spanish, Irish and Scottish Gaelic; any other language gets English ones, each of which
//! `[strings]` can override. Dates are written as CLDR writes the language's long date
//! (ICU4X's date formatter and compiled data: "29 Ionawr 2021", "29. Januar 2021"), except
//! Irish, for which CLDR puts the month first and the table writes "29 Eanáir 2021"; a
//! language CLDR has no dates for writes them in English.

use crate::diag::Diagnostic;
use serde_spanned::Spanned;
use std::collections::BTreeMap;

/// A language, resolved.
#[derive(Debug, Clone, PartialEq)]
pub struct Language {
    /// The BCP 47 tag as written ("cy", "en-GB").
    pub tag: String,
    /// Hyphenation patterns, if `hypher` has the language.
    pub hyphenation: Option<hypher::Lang>,
}

impl Language {
    /// The language of a tag ("cy-GB" → Welsh).
    pub fn new(tag: &str) -> Self {
        let primary = primary(tag);
        Self {
            tag: tag.to_string(),
            hyphenation: hypher::Lang::from_iso(primary.as_bytes().try_into().unwrap_or(*b"xx")),
        }
    }
}

/// Language names people write where a tag belongs, with the tag to write instead.
const NAMES: [(&str, &str); 17] = [
    ("english", "en-GB"),
    ("british", "en-GB"),
    ("welsh", "cy"),
    ("cymraeg", "cy"),
    ("french", "fr"),
    ("francais", "fr"),
    ("français", "fr"),
    ("german", "de"),
    ("deutsch", "de"),
    ("spanish", "es"),
    ("español", "es"),
    ("irish", "ga"),
    ("gaeilge", "ga"),
    ("gaelic", "gd"),
    ("scottish gaelic", "gd"),
    ("gàidhlig", "gd"),
    ("polish", "pl"),
];

/// Checks a BCP 47 tag as written: `Err` with how to write it for a language name
/// ("Welsh" → "cy") or anything else that is not a tag.
pub fn check_tag(tag: &str) -> Result<(), String> {
    let lower = tag.trim().to_lowercase();
    if let Some((_, code)) = NAMES.iter().find(|(name, _)| *name == lower) {
        return Err(format!(
            "write the language's tag, \"{code}\", not its name"
        ));
    }
    let primary_ok =
        |p: &str| (2..=3).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphabetic());
    match tag.parse::<icu_locale_core::LanguageIdentifier>() {
        Ok(id) if primary_ok(id.language.as_str()) => Ok(()),
        _ => Err("write a BCP 47 language tag, such as \"en-GB\", \"cy\" or \"fr\"".into()),
    }
}

/// The primary subtag, lower case: "cy-GB" → "cy".
fn primary(tag: &str) -> String {
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

/// A note, once per language, that text in a language hypher has no patterns for is not
/// hyphenated (English patterns would split Welsh "dd", "ll" and "ch" wrongly).
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

/// The words folio prints around the report's own text.
#[derive(Debug, Clone, PartialEq)]
pub struct Strings {
    /// The contents page's heading.
    pub contents: String,
    /// Before the publication date on the cover: "Published".
    pub published: String,
    /// The value column of a chart's data table.
    pub value: String,
    /// Before an image credit: "Credit:".
    pub credit: String,
    /// After a table's title where it continues on the next page.
    pub continued: String,
    /// The description of a link to a page, before its number: "Go to page".
    pub go_to_page: String,
    /// Page labels of the covers.
    pub cover: String,
    pub back_cover: String,
    /// The year-in-numbers heading, `{period}` standing for the period.
    pub in_numbers: String,
    /// Chart descriptions: "Bar chart", …
    pub bar_chart: String,
    pub column_chart: String,
    pub line_chart: String,
    pub progress_chart: String,
    pub grouped_chart: String,
    /// Month names as they follow a day ("29 January"; Gaelic "29 dhen Fhaoilleach"), for
    /// a date written by `date`.
    pub months: [String; 12],
    /// The long date as `[strings]` gives it: `{d}` the day, `{m}` the month's name, `{y}`
    /// the year. `None` writes dates as CLDR does for `language`.
    pub date: Option<String>,
    /// The language the strings are in (its BCP 47 tag), for CLDR's dates.
    pub language: String,
}

/// One row of the table: the strings of a language, then its months.
type Row = ([&'static str; 15], [&'static str; 12]);

const EN: Row = (
    [
        "Contents",
        "Published",
        "Value",
        "Credit:",
        "(continued)",
        "Go to page",
        "Cover",
        "Back cover",
        "{period} in numbers",
        "Bar chart",
        "Column chart",
        "Line chart",
        "Percentage chart",
        "Grouped bar chart",
        "",
    ],
    [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
);
const CY: Row = (
    [
        "Cynnwys",
        "Cyhoeddwyd",
        "Gwerth",
        "Credyd:",
        "(parhad)",
        "Ewch i dudalen",
        "Clawr",
        "Clawr cefn",
        "{period} mewn rhifau",
        "Siart bar",
        "Siart colofn",
        "Siart llinell",
        "Siart canran",
        "Siart bar grŵp",
        "",
    ],
    [
        "Ionawr",
        "Chwefror",
        "Mawrth",
        "Ebrill",
        "Mai",
        "Mehefin",
        "Gorffennaf",
        "Awst",
        "Medi",
        "Hydref",
        "Tachwedd",
        "Rhagfyr",
    ],
);
const FR: Row = (
    [
        "Sommaire",
        "Publié le",
        "Valeur",
        "Crédit\u{a0}:",
        "(suite)",
        "Aller à la page",
        "Couverture",
        "Quatrième de couverture",
        "{period} en chiffres",
        "Graphique à barres",
        "Histogramme",
        "Graphique linéaire",
        "Graphique en pourcentages",
        "Graphique à barres groupées",
        "",
    ],
    [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ],
);
const DE: Row = (
    [
        "Inhalt",
        "Veröffentlicht am",
        "Wert",
        "Bildnachweis:",
        "(Fortsetzung)",
        "Gehe zu Seite",
        "Umschlag",
        "Rückseite",
        "{period} in Zahlen",
        "Balkendiagramm",
        "Säulendiagramm",
        "Liniendiagramm",
        "Prozentdiagramm",
        "Gruppiertes Balkendiagramm",
        "",
    ],
    [
        "Januar",
        "Februar",
        "März",
        "April",
        "Mai",
        "Juni",
        "Juli",
        "August",
        "September",
        "Oktober",
        "November",
        "Dezember",
    ],
);
const ES: Row = (
    [
        "Índice",
        "Publicado el",
        "Valor",
        "Crédito:",
        "(continuación)",
        "Ir a la página",
        "Portada",
        "Contraportada",
        "{period} en cifras",
        "Gráfico de barras",
        "Gráfico de columnas",
        "Gráfico de líneas",
        "Gráfico de porcentajes",
        "Gráfico de barras agrupadas",
        "",
    ],
    [
        "enero",
        "febrero",
        "marzo",
        "abril",
        "mayo",
        "junio",
        "julio",
        "agosto",
        "septiembre",
        "octubre",
        "noviembre",
        "diciembre",
    ],
);
const GA: Row = (
    [
        "Clár ábhair",
        "Foilsithe",
        "Luach",
        "Creidiúint:",
        "(ar lean)",
        "Téigh go leathanach",
        "Clúdach",
        "Clúdach cúil",
        "{period} i bhfigiúirí",
        "Barrachairt",
        "Colúnchairt",
        "Líneghraf",
        "Cairt céatadáin",
        "Barrachairt ghrúpáilte",
        "{d} {m} {y}",
    ],
    [
        "Eanáir",
        "Feabhra",
        "Márta",
        "Aibreán",
        "Bealtaine",
        "Meitheamh",
        "Iúil",
        "Lúnasa",
        "Meán Fómhair",
        "Deireadh Fómhair",
        "Samhain",
        "Nollaig",
    ],
);
const GD: Row = (
    [
        "Clàr-innse",
        "Foillsichte",
        "Luach",
        "Creideas:",
        "(a’ leantainn)",
        "Rach gu duilleag",
        "Còmhdach",
        "Còmhdach cùil",
        "{period} ann an àireamhan",
        "Cairt bhàr",
        "Cairt cholbh",
        "Graf loidhne",
        "Cairt cheudad",
        "Cairt bhàr bhuidhnichte",
        "",
    ],
    [
        "dhen Fhaoilleach",
        "dhen Ghearran",
        "dhen Mhàrt",
        "dhen Ghiblean",
        "dhen Chèitean",
        "dhen Ògmhios",
        "dhen Iuchar",
        "dhen Lùnastal",
        "dhen t-Sultain",
        "dhen Dàmhair",
        "dhen t-Samhain",
        "dhen Dùbhlachd",
    ],
);

/// The languages the table has.
pub const TABLE_LANGUAGES: [&str; 7] = ["en", "cy", "fr", "de", "es", "ga", "gd"];

impl Strings {
    /// The strings of a language, English for one the table lacks.
    pub fn for_language(tag: &str) -> Self {
        let (s, m) = match primary(tag).as_str() {
            "cy" => CY,
            "fr" => FR,
            "de" => DE,
            "es" => ES,
            "ga" => GA,
            "gd" => GD,
            _ => EN,
        };
        let o = |i: usize| s[i].to_string();
        Self {
            contents: o(0),
            published: o(1),
            value: o(2),
            credit: o(3),
            continued: o(4),
            go_to_page: o(5),
            cover: o(6),
            back_cover: o(7),
            in_numbers: o(8),
            bar_chart: o(9),
            column_chart: o(10),
            line_chart: o(11),
            progress_chart: o(12),
            grouped_chart: o(13),
            // Irish: CLDR's long date puts the month first ("Eanáir 29, 2021"); Irish
            // style writes the day first, as the table's pattern does.
            date: (!s[14].is_empty()).then(|| o(14)),
            months: m.map(str::to_string),
            language: tag.to_string(),
        }
    }

    /// Applies `[strings]` overrides: each key replaces one string; `months` takes a list of
    /// twelve.
    pub fn override_with(
        &mut self,
        table: &BTreeMap<String, Spanned<toml::Value>>,
        diags: &mut Vec<Diagnostic>,
    ) {
        for (key, value) in table {
            let span = Some(value.span());
            if key == "months" {
                let names: Option<Vec<String>> = value
                    .get_ref()
                    .as_array()
                    .and_then(|a| a.iter().map(|v| v.as_str().map(str::to_string)).collect());
                match names.map(<[String; 12]>::try_from) {
                    Some(Ok(months)) => {
                        self.months = months;
                        self.date.get_or_insert_with(|| "{d} {m} {y}".to_string());
                    }
                    _ => diags.push(
                        Diagnostic::error("`strings.months` must list twelve month names", span)
                            .with_help(
                                "write months = [\"January\", \"February\", …, \"December\"]",
                            ),
                    ),
                }
                continue;
            }
            let slot = match key.as_str() {
                "contents" => &mut self.contents,
                "published" => &mut self.published,
                "value" => &mut self.value,
                "credit" => &mut self.credit,
                "continued" => &mut self.continued,
                "go_to_page" => &mut self.go_to_page,
                "cover" => &mut self.cover,
                "back_cover" => &mut self.back_cover,
                "in_numbers" => &mut self.in_numbers,
                "bar_chart" => &mut self.bar_chart,
                "column_chart" => &mut self.column_chart,
                "line_chart" => &mut self.line_chart,
                "progress_chart" => &mut self.progress_chart,
                "grouped_chart" => &mut self.grouped_chart,
                "date" => {
                    match value.get_ref().as_str() {
                        Some(v) => self.date = Some(v.to_string()),
                        None => diags.push(
                            Diagnostic::error("`strings.date` must be text in quotes", span)
                                .with_help("write date = \"{d} {m} {y}\""),
                        ),
                    }
                    continue;
                }
                other => {
                    let mut d = Diagnostic::error(
                        format!("`strings.{other}` is not a string folio prints"),
                        span,
                    );
                    d = match crate::diag::did_you_mean(other, &STRING_KEYS) {
                        Some(k) => d.with_label(format!("did you mean `{k}`?")),
                        None => d.with_help(format!("the strings are: {}", STRING_KEYS.join(", "))),
                    };
                    diags.push(d);
                    continue;
                }
            };
            match value.get_ref().as_str() {
                Some(v) => *slot = v.to_string(),
                None => diags.push(
                    Diagnostic::error(format!("`strings.{key}` must be text in quotes"), span)
                        .with_help(format!("write {key} = \"…\"")),
                ),
            }
        }
    }

    /// "29 January 2021" in the language: as `[strings] date` writes it, else as CLDR
    /// does (through ICU4X), else — for a language CLDR has no dates for — in English.
    pub fn long_date(&self, d: &super::Date) -> String {
        if let Some(pattern) = &self.date {
            return pattern
                .replace("{d}", &d.day.to_string())
                .replace("{m}", &self.months[(d.month as usize).clamp(1, 12) - 1])
                .replace("{y}", &d.year.to_string());
        }
        cldr_date(&self.language, d)
            .filter(|s| !s.contains(" M0") && !s.contains(" M1"))
            .or_else(|| cldr_date("en-GB", d))
            .unwrap_or_else(|| d.long())
    }
}

/// The long date of `tag` from CLDR; CLDR's root form ("2021 M01 29") for a language it
/// has no dates for.
fn cldr_date(tag: &str, d: &super::Date) -> Option<String> {
    use icu_datetime::{DateTimeFormatter, fieldsets};
    let locale: icu_locale_core::Locale = tag.parse().ok()?;
    let f = DateTimeFormatter::try_new(locale.into(), fieldsets::YMD::long()).ok()?;
    let date = icu_calendar::Date::try_new_iso(d.year as i32, d.month, d.day).ok()?;
    Some(f.format(&date).to_string())
}

/// The keys `[strings]` takes.
pub const STRING_KEYS: [&str; 16] = [
    "contents",
    "published",
    "value",
    "credit",
    "continued",
    "go_to_page",
    "cover",
    "back_cover",
    "in_numbers",
    "bar_chart",
    "column_chart",
    "line_chart",
    "progress_chart",
    "grouped_chart",
    "date",
    "months",
];

/// Marks passages in another language: `[Croeso i'r adroddiad]{lang=cy}` in a body sets the
/// words inside the brackets in that language (for hyphenation and for the structure's
/// `/Lang`) and drops the brackets. The markers may enclose bold or italic text.
pub fn mark_passages(inlines: Vec<super::Inline>) -> Vec<super::Inline> {
    let full: String = inlines.iter().map(|i| i.text.as_str()).collect();
    let spans = passages(&full);
    if spans.is_empty() {
        return inlines;
    }
    // Byte ranges of `full` to drop (the markers) and to set in a language.
    let mut out: Vec<super::Inline> = Vec::new();
    let mut at = 0;
    for inline in inlines {
        let range = at..at + inline.text.len();
        at = range.end;
        let mut piece_start = range.start;
        let mut cuts: Vec<usize> = spans
            .iter()
            .flat_map(|p| [p.open, p.open + 1, p.close, p.end])
            .filter(|c| *c > range.start && *c < range.end)
            .collect();
        cuts.push(range.end);
        for cut in cuts {
            let piece = piece_start..cut;
            piece_start = cut;
            if piece.is_empty() {
                continue;
            }
            let marker = spans.iter().any(|p| {
                (p.open..p.open + 1).contains(&piece.start)
                    || (p.close..p.end).contains(&piece.start)
            });
            if marker {
                continue;
            }
            let lang = spans
                .iter()
                .find(|p| piece.start > p.open && piece.end <= p.close)
                .map(|p| Language::new(&p.tag));
            let text = full[piece].to_string();
            match out.last_mut() {
                Some(prev)
                    if prev.lang == lang
                        && prev.bold == inline.bold
                        && prev.italic == inline.italic
                        && prev.link == inline.link =>
                {
                    prev.text.push_str(&text)
                }
                _ => out.push(super::Inline {
                    text,
                    lang,
                    ..inline.clone()
                }),
            }
        }
    }
    out
}

/// A marked passage: `[` at `open`, `]` at `close`, the marker ending at `end`.
struct Passage {
    open: usize,
    close: usize,
    end: usize,
    tag: String,
}

/// Finds `[…]{lang=tag}` in `s` (not nested).
fn passages(s: &str) -> Vec<Passage> {
    const MARK: &str = "]{lang=";
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(i) = s[from..].find(MARK) {
        let close = from + i;
        let tag_start = close + MARK.len();
        let Some(len) = s[tag_start..].find('}') else {
            break;
        };
        let tag = &s[tag_start..tag_start + len];
        let open = s[from..close].rfind('[').map(|o| from + o);
        let valid = !tag.is_empty() && tag.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
        if let (Some(open), true) = (open, valid) {
            out.push(Passage {
                open,
                close,
                end: tag_start + len + 1,
                tag: tag.to_string(),
            });
        }
        from = tag_start + len + 1;
    }
    out
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
    fn welsh_gaelic_and_irish_have_no_hyphenation_patterns_french_has() {
        assert_eq!(Language::new("cy").hyphenation, None);
        assert_eq!(Language::new("gd").hyphenation, None);
        assert_eq!(Language::new("ga").hyphenation, None);
        assert_eq!(
            Language::new("fr-CA").hyphenation,
            Some(hypher::Lang::French)
        );
        assert_eq!(
            Language::new("en-GB").hyphenation,
            Some(hypher::Lang::English)
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

#[cfg(test)]
mod override_tests {
    use super::*;
    use crate::model::Date;

    #[test]
    fn a_date_pattern_and_month_names_in_report_toml_replace_cldr_s() {
        let table: BTreeMap<String, Spanned<toml::Value>> = toml::from_str(
            "date = \"{m} {d}, {y}\"\nmonths = [\"Jan\", \"Feb\", \"Mar\", \"Apr\", \"May\", \"Jun\", \"Jul\", \"Aug\", \"Sep\", \"Oct\", \"Nov\", \"Dec\"]",
        )
        .unwrap();
        let mut s = Strings::for_language("en-US");
        let mut diags = Vec::new();
        s.override_with(&table, &mut diags);
        assert!(diags.is_empty());
        let d = Date {
            year: 2021,
            month: 1,
            day: 29,
        };
        assert_eq!(s.long_date(&d), "Jan 29, 2021");
    }
}
