//! The words of a chart's description and of its table and legend, in a language.
//!
//! In: a language tag (and, through [`super::Strings`], the `[strings]` overrides of the
//! chart names and of "Value", "Other" and "Share"). Out: [`ChartWords`]: what each kind of
//! chart is called, the few words that join a description ("of", "by", "and", "total",
//! "per cent", "minus"), and the headings a chart prints. English, Welsh, French, German,
//! Spanish, Irish and Scottish Gaelic; English for any other language.
//!
//! A title is joined to the chart's name without a preposition in Welsh, Irish and
//! Gaelic ("Siart bar yn dangos …", "Barrachairt ‘…’"): their prepositions mutate the word
//! after them ("o wariant", not "o gwariant"), which folio cannot do to a title reliably.

use super::primary;
use crate::model::ChartKind;

/// The words a chart is described and labelled with.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartWords {
    /// The language the words are in (its primary subtag).
    pub language: String,
    /// What each kind of chart is called, in [`KINDS`] order.
    pub names: [String; 10],
    /// The chart's name with its title: `{chart}` and `{title}`.
    pub of: String,
    /// After the name, the series: `{series}`.
    pub by: String,
    /// The last join of a list: "a, b and c".
    pub and: String,
    /// A stacked bar's total: `{value}`.
    pub total: String,
    /// A share of a pie: `{n}` whole per cent.
    pub percent: String,
    /// A share that rounds to nothing.
    pub under_one_percent: String,
    /// Before a negative figure.
    pub minus: String,
    /// The slice that holds the smallest shares of a pie past eight.
    pub other: String,
    /// The share column of a pie's data table.
    pub share: String,
    /// The value column of a one-series chart's data table.
    pub value: String,
}

/// The kinds of chart, in the order [`ChartWords::names`] holds their names.
pub const KINDS: [ChartKind; 10] = [
    ChartKind::Bar,
    ChartKind::Column,
    ChartKind::Line,
    ChartKind::Grouped,
    ChartKind::Stacked,
    ChartKind::StackedColumn,
    ChartKind::Pie,
    ChartKind::Donut,
    ChartKind::Progress,
    ChartKind::Ring,
];

/// One language's row: the ten names, then of, by, and, total, per cent, under one per
/// cent, minus, other, share, value.
type Row = ([&'static str; 10], [&'static str; 10]);

const EN: Row = (
    [
        "Bar chart",
        "Column chart",
        "Line chart",
        "Grouped bar chart",
        "Stacked bar chart",
        "Stacked column chart",
        "Pie chart",
        "Donut chart",
        "Progress chart",
        "Progress ring",
    ],
    [
        "{chart} of {title}",
        ", by {series}",
        "and",
        "total {value}",
        "{n} per cent",
        "under 1 per cent",
        "minus",
        "Other",
        "Share",
        "Value",
    ],
);
const CY: Row = (
    [
        "Siart bar",
        "Siart colofn",
        "Siart llinell",
        "Siart bar grŵp",
        "Siart bar pentyrrog",
        "Siart colofn pentyrrog",
        "Siart cylch",
        "Siart toesen",
        "Siart cynnydd",
        "Cylch cynnydd",
    ],
    [
        "{chart} yn dangos {title}",
        ", ar gyfer {series}",
        "a",
        "cyfanswm {value}",
        "{n} y cant",
        "llai nag 1 y cant",
        "minws",
        "Arall",
        "Cyfran",
        "Gwerth",
    ],
);
const FR: Row = (
    [
        "Graphique à barres",
        "Histogramme",
        "Graphique linéaire",
        "Graphique à barres groupées",
        "Graphique à barres empilées",
        "Histogramme empilé",
        "Graphique en secteurs",
        "Graphique en anneau",
        "Graphique de progression",
        "Anneau de progression",
    ],
    [
        "{chart} «\u{a0}{title}\u{a0}»",
        ", par {series}",
        "et",
        "total {value}",
        "{n} pour cent",
        "moins de 1 pour cent",
        "moins",
        "Autres",
        "Part",
        "Valeur",
    ],
);
const DE: Row = (
    [
        "Balkendiagramm",
        "Säulendiagramm",
        "Liniendiagramm",
        "Gruppiertes Balkendiagramm",
        "Gestapeltes Balkendiagramm",
        "Gestapeltes Säulendiagramm",
        "Kreisdiagramm",
        "Ringdiagramm",
        "Fortschrittsdiagramm",
        "Fortschrittsring",
    ],
    [
        "{chart} „{title}“",
        ", nach {series}",
        "und",
        "gesamt {value}",
        "{n} Prozent",
        "unter 1 Prozent",
        "minus",
        "Sonstige",
        "Anteil",
        "Wert",
    ],
);
const ES: Row = (
    [
        "Gráfico de barras",
        "Gráfico de columnas",
        "Gráfico de líneas",
        "Gráfico de barras agrupadas",
        "Gráfico de barras apiladas",
        "Gráfico de columnas apiladas",
        "Gráfico circular",
        "Gráfico de anillo",
        "Gráfico de progreso",
        "Anillo de progreso",
    ],
    [
        "{chart} «{title}»",
        ", por {series}",
        "y",
        "total {value}",
        "{n} por ciento",
        "menos del 1 por ciento",
        "menos",
        "Otros",
        "Proporción",
        "Valor",
    ],
);
const GA: Row = (
    [
        "Barrachairt",
        "Colúnchairt",
        "Líneghraf",
        "Barrachairt ghrúpáilte",
        "Barrachairt chruachta",
        "Colúnchairt chruachta",
        "Píchairt",
        "Cairt fáinne",
        "Cairt dul chun cinn",
        "Fáinne dul chun cinn",
    ],
    [
        "{chart} ‘{title}’",
        ", de réir {series}",
        "agus",
        "iomlán {value}",
        "{n} faoin gcéad",
        "faoi bhun 1 faoin gcéad",
        "lúide",
        "Eile",
        "Sciar",
        "Luach",
    ],
);
const GD: Row = (
    [
        "Cairt bhàr",
        "Cairt cholbh",
        "Graf loidhne",
        "Cairt bhàr bhuidhnichte",
        "Cairt bhàr chruachte",
        "Cairt cholbh chruachte",
        "Cairt phàidh",
        "Cairt fàinne",
        "Cairt adhartais",
        "Fàinne adhartais",
    ],
    [
        "{chart} ‘{title}’",
        ", a rèir {series}",
        "agus",
        "iomlan {value}",
        "{n} sa cheud",
        "nas lugha na 1 sa cheud",
        "minus",
        "Eile",
        "Cuibhreann",
        "Luach",
    ],
);

impl ChartWords {
    /// The words of a language, English for one the table lacks.
    pub fn for_language(tag: &str) -> Self {
        let p = primary(tag);
        let (names, w) = match p.as_str() {
            "cy" => CY,
            "fr" => FR,
            "de" => DE,
            "es" => ES,
            "ga" => GA,
            "gd" => GD,
            _ => EN,
        };
        let language = if matches!(p.as_str(), "cy" | "fr" | "de" | "es" | "ga" | "gd") {
            p
        } else {
            "en".to_string()
        };
        let o = |i: usize| w[i].to_string();
        Self {
            language,
            names: names.map(str::to_string),
            of: o(0),
            by: o(1),
            and: o(2),
            total: o(3),
            percent: o(4),
            under_one_percent: o(5),
            minus: o(6),
            other: o(7),
            share: o(8),
            value: o(9),
        }
    }

    /// What a kind of chart is called, starting a sentence.
    pub fn name(&self, kind: ChartKind) -> &str {
        let i = KINDS.iter().position(|k| *k == kind).unwrap_or(0);
        &self.names[i]
    }

    /// Whether figures are said in English words ("16.6 million pounds"); in another
    /// language a figure is left as written for the reader's own voice to say.
    pub fn english(&self) -> bool {
        self.language == "en"
    }

    /// "a, b and c", with the language's "and" — Welsh "ac" before a vowel, Spanish "e"
    /// before an "i" sound, as each language writes it.
    pub fn join(&self, items: &[String]) -> String {
        match items {
            [] => String::new(),
            [one] => one.clone(),
            [init @ .., last] => {
                let lower = last.to_lowercase();
                let and = match self.language.as_str() {
                    "cy" if lower.starts_with(['a', 'e', 'i', 'o', 'u', 'w', 'y']) => "ac",
                    "es" if (lower.starts_with('i') || lower.starts_with("hi"))
                        && !lower.starts_with("hie")
                        && !lower.starts_with("ia")
                        && !lower.starts_with("ie")
                        && !lower.starts_with("io") =>
                    {
                        "e"
                    }
                    _ => self.and.as_str(),
                };
                format!("{} {and} {last}", init.join(", "))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_has_a_name_in_every_language_of_the_table() {
        for tag in ["en-GB", "cy", "fr", "de", "es", "ga", "gd", "pl"] {
            let w = ChartWords::for_language(tag);
            let names: Vec<&str> = KINDS.iter().map(|k| w.name(*k)).collect();
            for (i, n) in names.iter().enumerate() {
                assert!(!n.is_empty(), "{tag} {i}");
                assert!(!names[..i].contains(n), "{tag}: {n} twice");
            }
            assert!(
                w.of.contains("{chart}") && w.of.contains("{title}"),
                "{tag}"
            );
            assert!(
                w.by.contains("{series}") && w.total.contains("{value}"),
                "{tag}"
            );
            assert!(w.percent.contains("{n}"), "{tag}");
        }
        assert_eq!(
            ChartWords::for_language("pl").name(ChartKind::Pie),
            "Pie chart"
        );
        assert_eq!(
            ChartWords::for_language("cy-GB").name(ChartKind::Bar),
            "Siart bar"
        );
    }

    #[test]
    fn lists_join_with_the_language_s_and() {
        let list = |tag: &str, items: &[&str]| {
            let items: Vec<String> = items.iter().map(|s| s.to_string()).collect();
            ChartWords::for_language(tag).join(&items)
        };
        assert_eq!(list("en", &["2019", "2020", "2021"]), "2019, 2020 and 2021");
        assert_eq!(list("cy", &["Cymru", "Lloegr"]), "Cymru a Lloegr");
        assert_eq!(list("cy", &["Lloegr", "Alban"]), "Lloegr ac Alban");
        assert_eq!(list("es", &["España", "Italia"]), "España e Italia");
        assert_eq!(list("es", &["agua", "hielo"]), "agua y hielo");
        assert_eq!(list("de", &["Nord"]), "Nord");
    }
}
