//! Number formats for metrics given as `number` + `format`, for chart values and tables.
//!
//! In: a number, a [`Format`] (the spec's [`NumberFormat`] and its decimals) and the
//! report's language. Out: the figure as a reader of that language expects it: grouped
//! digits ("42,000"; German "42.000"; French "42 000"; Spanish "4000" but "40.000"; Indian
//! English "12,34,567"), compact ("2m", "7.2m", "£2.48m", "1.5bn"), percentages. How a
//! language groups digits — its separators, group sizes and the smallest number it groups —
//! comes from CLDR, through ICU4X's decimal formatter and its compiled data; the compact
//! and worded forms keep English suffixes ("m", "bn", "million") in every language.

use icu_decimal::DecimalFormatter;

pub use crate::spec::NumberFormat;

/// How a number is written: the format, and the decimal places of a scaled figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Format {
    pub kind: NumberFormat,
    /// Decimal places of compact, words and currency figures (trailing zeros dropped).
    pub decimals: u8,
}

/// One decimal: "7.2m", the house style of the shipped report's figures.
pub const DEFAULT_DECIMALS: u8 = 1;
/// Beyond three decimals a scaled figure ("£2.4812m") stops being a headline figure.
pub const MAX_DECIMALS: u8 = 3;

impl Format {
    /// `kind` with the default decimals.
    pub const fn of(kind: NumberFormat) -> Self {
        Self {
            kind,
            decimals: DEFAULT_DECIMALS,
        }
    }
}

impl Default for Format {
    fn default() -> Self {
        Self::of(NumberFormat::Grouped)
    }
}

/// How a language writes numbers, as CLDR gives it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Locale {
    /// The grouping separator ("," in English, "." in German, U+202F in French).
    pub group: char,
    /// The decimal mark.
    pub decimal: char,
    /// Digits in the group next to the decimal mark, and in every group before it (3 and 3;
    /// Indian English 3 and 2).
    pub primary: u8,
    pub secondary: u8,
    /// Whole numbers with fewer digits than `primary + min_grouping` are not grouped
    /// (Spanish and Polish write "4000" but "40.000").
    pub min_grouping: u8,
}

impl Locale {
    /// English: 42,000.5.
    pub const EN: Locale = Locale {
        group: ',',
        decimal: '.',
        primary: 3,
        secondary: 3,
        min_grouping: 1,
    };

    /// The convention of a BCP 47 language tag ("en-GB", "de-CH", "fr"), read off CLDR's
    /// formatting of a few probe numbers; English for a tag that does not parse.
    pub fn for_language(tag: &str) -> Locale {
        let Ok(locale) = tag.parse::<icu_locale_core::Locale>() else {
            return Locale::EN;
        };
        let Ok(f) = DecimalFormatter::try_new(locale.into(), Default::default()) else {
            return Locale::EN;
        };
        let show = |s: &str| {
            s.parse::<fixed_decimal::Decimal>()
                .map(|d| f.format(&d).to_string())
                .unwrap_or_default()
        };
        let decimal = show("0.5")
            .chars()
            .find(|c| !c.is_ascii_digit())
            .unwrap_or('.');
        let big = show("1234567890");
        let Some(group) = big.chars().find(|c| !c.is_ascii_digit()) else {
            return Locale {
                decimal,
                ..Locale::EN
            };
        };
        // Group sizes, from the right: "1,23,45,67,890" → 3 then 2.
        let sizes: Vec<usize> = big.rsplit(group).map(|g| g.chars().count()).collect();
        let primary = sizes.first().copied().unwrap_or(3) as u8;
        let secondary = sizes.get(1).copied().unwrap_or(3) as u8;
        let min_grouping = if show("1000").contains(group) { 1 } else { 2 };
        Locale {
            group,
            decimal,
            primary,
            secondary,
            min_grouping,
        }
    }
}

/// Formats `n` as `format` in `locale`; `None` for a number that is not finite.
pub fn format_in(n: f64, format: &Format, locale: Locale) -> Option<String> {
    if !n.is_finite() {
        return None;
    }
    let places = usize::from(format.decimals.min(MAX_DECIMALS));
    let scaled = |billion, million| scaled(n, billion, million, places, locale);
    Some(match format.kind {
        NumberFormat::Grouped => grouped_in(n, 2, locale),
        NumberFormat::Compact => scaled("bn", "m"),
        NumberFormat::Words => scaled(" billion", " million"),
        NumberFormat::Percent => format!("{}%", grouped_in(n, places, locale)),
        NumberFormat::Currency => format!("£{}", scaled("bn", "m")),
        NumberFormat::CurrencyEur => format!("€{}", scaled("bn", "m")),
        NumberFormat::CurrencyUsd => format!("${}", scaled("bn", "m")),
    })
}

/// Formats `n` as `format`, in English; `None` for a number that is not finite.
pub fn format(n: f64, format: &Format) -> Option<String> {
    format_in(n, format, Locale::EN)
}

/// "42,000", "1,234.5".
pub fn grouped(n: f64) -> String {
    grouped_in(n, 2, Locale::EN)
}

/// `n` with at most `places` decimals (no trailing zeros), grouped as `locale` groups.
/// Negative numbers take the minus sign U+2212, which reads as minus, not as a hyphen.
fn grouped_in(n: f64, places: usize, locale: Locale) -> String {
    let s = trim(n.abs(), places);
    let (int, frac) = s
        .split_once('.')
        .map_or((s.as_str(), None), |(i, f)| (i, Some(f)));
    let digits: Vec<char> = int.chars().collect();
    let grouped = digits.len() >= (locale.primary + locale.min_grouping) as usize;
    let mut out = String::new();
    for (i, c) in digits.iter().enumerate() {
        let from_right = digits.len() - i;
        let boundary = from_right > locale.primary as usize
            && (from_right - locale.primary as usize).is_multiple_of(locale.secondary as usize);
        if grouped && i > 0 && (from_right == locale.primary as usize || boundary) {
            out.push(locale.group);
        }
        out.push(*c);
    }
    if let Some(f) = frac {
        out.push(locale.decimal);
        out.push_str(f);
    }
    if n < 0.0 && out.chars().any(|c| c != '0' && c.is_ascii_digit()) {
        out.insert(0, '−');
    }
    out
}

/// `n` in billions or millions with the given suffixes, to `places` decimals ("500k" is
/// not en-GB house style: thousands stay grouped); grouped digits below a million.
fn scaled(n: f64, billion: &str, million: &str, places: usize, locale: Locale) -> String {
    const BILLION: f64 = 1e9;
    const MILLION: f64 = 1e6;
    if n.abs() >= BILLION {
        format!("{}{billion}", grouped_in(n / BILLION, places, locale))
    } else if n.abs() >= MILLION {
        format!("{}{million}", grouped_in(n / MILLION, places, locale))
    } else {
        grouped_in(n, 2, locale)
    }
}

/// How a figure is read aloud, where that is unambiguous: "£300M" → "300 million pounds",
/// "2m" → "2 million", "99%" → "99 per cent", "11,000+" → "more than 11,000". A figure
/// that does not match the pattern gets `None`, and report.toml can say it with `spoken`.
pub fn spoken(value: &str) -> Option<String> {
    let v = value.trim();
    let (currency, rest) = match v.chars().next()? {
        '£' => (Some("pounds"), &v['£'.len_utf8()..]),
        '€' => (Some("euros"), &v['€'.len_utf8()..]),
        '$' => (Some("dollars"), &v[1..]),
        _ => (None, v),
    };
    let (more_than, rest) = match rest.strip_suffix('+') {
        Some(r) => (true, r),
        None => (false, rest),
    };
    let digits_end = rest
        .find(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.'))
        .unwrap_or(rest.len());
    let (number, suffix) = rest.split_at(digits_end);
    if number.is_empty() || !number.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let scale = match suffix.trim() {
        "" => "",
        "k" | "K" => " thousand",
        "m" | "M" | "million" => " million",
        "bn" | "b" | "billion" => " billion",
        "%" if currency.is_none() => " per cent",
        _ => return None,
    };
    let mut out = String::new();
    if more_than {
        out.push_str("more than ");
    }
    out.push_str(number);
    out.push_str(scale);
    if let Some(c) = currency {
        out.push(' ');
        out.push_str(c);
    }
    Some(out)
}

/// `n` with at most `places` decimals, without trailing zeros.
fn trim(n: f64, places: usize) -> String {
    let s = format!("{n:.places$}");
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use NumberFormat as F;

    fn f(n: f64, kind: NumberFormat) -> String {
        format(n, &Format::of(kind)).unwrap()
    }

    #[test]
    fn en_gb_formats() {
        assert_eq!(f(42000.0, F::Grouped), "42,000");
        assert_eq!(f(2_000_000.0, F::Compact), "2m");
        assert_eq!(f(7_200_000.0, F::Compact), "7.2m");
        assert_eq!(f(16_600_000.0, F::Currency), "£16.6m");
        assert_eq!(f(99.0, F::Percent), "99%");
        assert_eq!(f(1100.0, F::Compact), "1,100");
        assert_eq!(f(2_000_000.0, F::Words), "2 million");
        assert_eq!(f(16_600_000.0, F::CurrencyEur), "€16.6m");
        assert_eq!(f(2_500_000_000.0, F::CurrencyUsd), "$2.5bn");
        assert_eq!(format(f64::NAN, &Format::default()), None);
    }

    #[test]
    fn decimals_set_the_places_of_scaled_figures() {
        let two = Format {
            kind: F::Currency,
            decimals: 2,
        };
        assert_eq!(format(2_480_000.0, &two).unwrap(), "£2.48m");
        assert_eq!(f(2_480_000.0, F::Currency), "£2.5m");
        let none = Format {
            kind: F::Compact,
            decimals: 0,
        };
        assert_eq!(format(2_480_000.0, &none).unwrap(), "2m");
    }

    #[test]
    fn each_language_groups_digits_as_cldr_says() {
        let g = Format::default();
        let f = |tag: &str, n: f64| format_in(n, &g, Locale::for_language(tag)).unwrap();
        assert_eq!(f("de-DE", 42000.5), "42.000,5");
        assert_eq!(f("fr", 42000.0), "42\u{202F}000");
        assert_eq!(f("en-GB", 42000.0), "42,000");
        assert_eq!(f("cy", 1234567.0), "1,234,567");
        // Spanish and Polish leave four-digit numbers ungrouped.
        assert_eq!(f("es", 4000.0), "4000");
        assert_eq!(f("es", 40000.0), "40.000");
        assert_eq!(f("pl", 4000.0), "4000");
        // Indian English groups in twos above the thousands.
        assert_eq!(f("en-IN", 1234567.0), "12,34,567");
        let swiss = f("de-CH", 42000.0);
        assert!(swiss == "42'000" || swiss == "42\u{2019}000", "{swiss}");
        assert_eq!(f("en", -1500.0), "−1,500");
        assert_eq!(
            format_in(
                16_600_000.0,
                &Format::of(F::CurrencyEur),
                Locale::for_language("de")
            )
            .unwrap(),
            "€16,6m"
        );
        // A tag that does not parse writes numbers the English way.
        assert_eq!(Locale::for_language("English!"), Locale::EN);
    }

    #[test]
    fn spoken_forms_of_figures() {
        assert_eq!(spoken("£300M").unwrap(), "300 million pounds");
        assert_eq!(spoken("£16.6m").unwrap(), "16.6 million pounds");
        assert_eq!(spoken("2m").unwrap(), "2 million");
        assert_eq!(spoken("99%").unwrap(), "99 per cent");
        assert_eq!(spoken("11,000+").unwrap(), "more than 11,000");
        assert_eq!(spoken("2 million").unwrap(), "2 million");
        assert_eq!(spoken("42,000").unwrap(), "42,000");
        assert_eq!(spoken("Two thirds"), None);
        assert_eq!(spoken("£5%"), None);
    }
}
