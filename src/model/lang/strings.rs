//! The words folio prints around the report's own, in the report's language, and its dates.
//!
//! In: a language tag and the `[strings]` table. Out: [`Strings`]: a row of a small table for
//! English, Welsh, French, German, Spanish, Irish and Scottish Gaelic (English for any other
//! language), with `[strings]` overrides applied; long dates as CLDR writes them (ICU4X); the
//! words of chart descriptions, from [`ChartWords`].

use super::chart_words::ChartWords;
use super::primary;
use crate::diag::Diagnostic;
use crate::spec::{SpannedStr, StringsSpec};

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
    /// Before the cover photograph's credit: "Photo:".
    pub photo: String,
    /// After a table's title where it continues on the next page.
    pub continued: String,
    /// The description of a link to a page, before its number: "Go to page".
    pub go_to_page: String,
    /// Page labels of the covers.
    pub cover: String,
    pub back_cover: String,
    /// The year-in-numbers heading, `{period}` standing for the period.
    pub in_numbers: String,
    /// A chart's description, legend and table words: "Bar chart of …", "Other", "Share".
    pub chart: ChartWords,
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
type Row = ([&'static str; 11], [&'static str; 12]);

const EN: Row = (
    [
        "Contents",
        "Published",
        "Value",
        "Credit:",
        "Photo:",
        "(continued)",
        "Go to page",
        "Cover",
        "Back cover",
        "{period} in numbers",
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
        "Llun:",
        "(parhad)",
        "Ewch i dudalen",
        "Clawr",
        "Clawr cefn",
        "{period} mewn rhifau",
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
        "Photo\u{a0}:",
        "(suite)",
        "Aller à la page",
        "Couverture",
        "Quatrième de couverture",
        "{period} en chiffres",
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
        "Foto:",
        "(Fortsetzung)",
        "Gehe zu Seite",
        "Umschlag",
        "Rückseite",
        "{period} in Zahlen",
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
        "Foto:",
        "(continuación)",
        "Ir a la página",
        "Portada",
        "Contraportada",
        "{period} en cifras",
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
        "Grianghraf:",
        "(ar lean)",
        "Téigh go leathanach",
        "Clúdach",
        "Clúdach cúil",
        "{period} i bhfigiúirí",
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
        "Dealbh:",
        "(a’ leantainn)",
        "Rach gu duilleag",
        "Còmhdach",
        "Còmhdach cùil",
        "{period} ann an àireamhan",
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
            photo: o(4),
            continued: o(5),
            go_to_page: o(6),
            cover: o(7),
            back_cover: o(8),
            in_numbers: o(9),
            chart: ChartWords::for_language(tag),
            // Irish: CLDR's long date puts the month first ("Eanáir 29, 2021"); Irish
            // style writes the day first, as the table's pattern does.
            date: (!s[10].is_empty()).then(|| o(10)),
            months: m.map(str::to_string),
            language: tag.to_string(),
        }
    }

    /// Applies `[strings]`: each key given replaces one string; `months` takes twelve
    /// names (and, given without `date`, writes dates as `"{d} {m} {y}"`).
    pub fn override_with(&mut self, spec: &StringsSpec, diags: &mut Vec<Diagnostic>) {
        let set = |slot: &mut String, v: &Option<SpannedStr>| {
            if let Some(v) = v {
                *slot = v.get_ref().clone();
            }
        };
        set(&mut self.contents, &spec.contents);
        set(&mut self.published, &spec.published);
        set(&mut self.value, &spec.value);
        set(&mut self.credit, &spec.credit);
        set(&mut self.photo, &spec.photo);
        set(&mut self.continued, &spec.continued);
        set(&mut self.go_to_page, &spec.go_to_page);
        set(&mut self.cover, &spec.cover);
        set(&mut self.back_cover, &spec.back_cover);
        set(&mut self.in_numbers, &spec.in_numbers);
        let chart = &mut self.chart;
        let names = [
            &spec.bar_chart,
            &spec.column_chart,
            &spec.line_chart,
            &spec.grouped_chart,
            &spec.stacked_chart,
            &spec.stacked_column_chart,
            &spec.pie_chart,
            &spec.donut_chart,
            &spec.progress_chart,
            &spec.ring_chart,
        ];
        for (slot, given) in chart.names.iter_mut().zip(names) {
            set(slot, given);
        }
        set(&mut chart.other, &spec.other);
        set(&mut chart.share, &spec.share);
        chart.value = self.value.clone();
        if let Some(d) = &spec.date {
            self.date = Some(d.get_ref().clone());
        }
        if spec.months.is_empty() {
            return;
        }
        let names: Vec<String> = spec.months.iter().map(|m| m.get_ref().clone()).collect();
        match <[String; 12]>::try_from(names) {
            Ok(months) => {
                self.months = months;
                self.date.get_or_insert_with(|| "{d} {m} {y}".to_string());
            }
            Err(names) => {
                let span = spec.months.first().map(|m| m.span());
                diags.push(
                    Diagnostic::error(
                        format!(
                            "`strings.months` must list twelve month names, not {}",
                            names.len()
                        ),
                        span,
                    )
                    .with_help("write months = [\"January\", \"February\", …, \"December\"]"),
                );
            }
        }
    }

    /// "29 January 2021" in the language: as `[strings] date` writes it, else as CLDR
    /// does (through ICU4X), else — for a language CLDR has no dates for — in English.
    pub fn long_date(&self, d: &crate::model::Date) -> String {
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
fn cldr_date(tag: &str, d: &crate::model::Date) -> Option<String> {
    use icu_datetime::{DateTimeFormatter, fieldsets};
    let locale: icu_locale_core::Locale = tag.parse().ok()?;
    let f = DateTimeFormatter::try_new(locale.into(), fieldsets::YMD::long()).ok()?;
    let date = icu_calendar::Date::try_new_iso(d.year as i32, d.month, d.day).ok()?;
    Some(f.format(&date).to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Date;

    #[test]
    fn a_date_pattern_and_month_names_in_report_toml_replace_cldr_s() {
        let (spec, _) = crate::spec::load(
            "[strings]\ndate = \"{m} {d}, {y}\"\nmonths = [\"Jan\", \"Feb\", \"Mar\", \"Apr\", \"May\", \"Jun\", \"Jul\", \"Aug\", \"Sep\", \"Oct\", \"Nov\", \"Dec\"]\n",
        )
        .unwrap();
        let mut s = Strings::for_language("en-US");
        let mut diags = Vec::new();
        s.override_with(&spec.strings, &mut diags);
        assert!(diags.is_empty());
        let d = Date {
            year: 2021,
            month: 1,
            day: 29,
        };
        assert_eq!(s.long_date(&d), "Jan 29, 2021");
    }
}
