//! Number formats for metrics given as `number` + `format`.
//!
//! In: a number and a [`Format`] (the spec's [`NumberFormat`] and its decimals). Out: the
//! figure as an en-GB reader expects it: grouped thousands ("42,000"), compact ("2m",
//! "7.2m", "£2.48m", "1.5bn"), percentages; then the report language's separators.

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

/// How a language writes numbers: the thousands separator and the decimal mark.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Locale {
    pub group: char,
    pub decimal: char,
}

impl Locale {
    /// English: 42,000.5.
    pub const EN: Locale = Locale {
        group: ',',
        decimal: '.',
    };

    /// The convention of a BCP 47 language tag ("en-GB", "de-DE", "fr"); English where the
    /// language is not known.
    pub fn for_language(tag: &str) -> Locale {
        let lang = tag
            .split(['-', '_'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        match lang.as_str() {
            // 42.000,5
            "de" | "nl" | "es" | "it" | "pt" | "da" | "id" | "tr" => Locale {
                group: '.',
                decimal: ',',
            },
            // 42 000,5 with a narrow no-break space, which never breaks a figure at a line end.
            "fr" | "sv" | "nb" | "nn" | "fi" | "pl" | "cs" | "sk" | "ru" | "uk" => Locale {
                group: '\u{202F}',
                decimal: ',',
            },
            _ => Locale::EN,
        }
    }
}

/// Formats `n` as `format` in `locale`; `None` for a number that is not finite.
pub fn format_in(n: f64, format: &Format, locale: Locale) -> Option<String> {
    let english = self::format(n, format)?;
    Some(
        english
            .chars()
            .map(|c| match c {
                ',' => locale.group,
                '.' => locale.decimal,
                c => c,
            })
            .collect(),
    )
}

/// Formats `n` as `format`, in English; `None` for a number that is not finite.
pub fn format(n: f64, format: &Format) -> Option<String> {
    if !n.is_finite() {
        return None;
    }
    let places = usize::from(format.decimals.min(MAX_DECIMALS));
    Some(match format.kind {
        NumberFormat::Grouped => grouped(n),
        NumberFormat::Compact => scaled(n, "bn", "m", places),
        NumberFormat::Words => scaled(n, " billion", " million", places),
        NumberFormat::Percent => format!("{}%", trim(n, places)),
        NumberFormat::Currency => format!("£{}", scaled(n, "bn", "m", places)),
        NumberFormat::CurrencyEur => format!("€{}", scaled(n, "bn", "m", places)),
        NumberFormat::CurrencyUsd => format!("${}", scaled(n, "bn", "m", places)),
    })
}

/// "42,000", "1,234.5".
pub fn grouped(n: f64) -> String {
    let s = trim(n.abs(), 2);
    let (int, frac) = s
        .split_once('.')
        .map_or((s.as_str(), None), |(i, f)| (i, Some(f)));
    let mut out = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if let Some(f) = frac {
        out.push('.');
        out.push_str(f);
    }
    if n < 0.0 {
        out.insert(0, '−');
    }
    out
}

/// `n` in billions or millions with the given suffixes, to `places` decimals ("500k" is
/// not en-GB house style: thousands stay grouped); grouped digits below a million.
fn scaled(n: f64, billion: &str, million: &str, places: usize) -> String {
    const BILLION: f64 = 1e9;
    const MILLION: f64 = 1e6;
    if n.abs() >= BILLION {
        format!("{}{billion}", trim(n / BILLION, places))
    } else if n.abs() >= MILLION {
        format!("{}{million}", trim(n / MILLION, places))
    } else {
        grouped(n)
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

/// The most intervals a chart axis gets: the step is at least a quarter of the range, and
/// the ends round outwards by at most one step each.
const MAX_INTERVALS: usize = 8;

/// "Nice" axis ticks covering `min` to `max` and zero: multiples of a step of 1, 2, 2.5 or 5
/// times a power of ten, giving about four intervals. O(1) in the values' magnitude: at
/// most [`MAX_INTERVALS`] + 1 ticks whatever the values are (a range too small or too large
/// for a power of ten to be computed, like one of subnormal numbers, gets its two ends).
/// Shared by the PDF's charts and the web edition's.
pub fn nice_ticks(min: f64, max: f64) -> Vec<f64> {
    let (lo, hi) = (min.min(0.0), max.max(0.0));
    let span = hi - lo;
    if !span.is_finite() || span <= 0.0 {
        return vec![0.0, 1.0];
    }
    let raw = span / 4.0;
    let mag = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 2.5, 5.0, 10.0]
        .iter()
        .map(|m| m * mag)
        .find(|s| *s >= raw * 0.999)
        .unwrap_or(10.0 * mag);
    let (first, last) = ((lo / step).floor(), (hi / step).ceil());
    let intervals = last - first;
    if !(step.is_normal() && intervals.is_finite() && intervals >= 1.0)
        || intervals > MAX_INTERVALS as f64
    {
        return vec![lo, hi];
    }
    (0..=intervals as usize)
        .map(|i| (first + i as f64) * step)
        .collect()
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
    fn the_report_language_sets_separators() {
        let de = Locale::for_language("de-DE");
        let g = Format::default();
        assert_eq!(format_in(42000.5, &g, de).unwrap(), "42.000,5");
        assert_eq!(
            format_in(16_600_000.0, &Format::of(F::CurrencyEur), de).unwrap(),
            "€16,6m"
        );
        let fr = Locale::for_language("fr");
        assert_eq!(format_in(42000.0, &g, fr).unwrap(), "42\u{202F}000");
        assert_eq!(
            format_in(42000.0, &g, Locale::for_language("en-GB")).unwrap(),
            "42,000"
        );
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

    #[test]
    fn axis_ticks_are_nice_and_cover_the_values() {
        assert_eq!(nice_ticks(0.0, 99.0), vec![0.0, 25.0, 50.0, 75.0, 100.0]);
        assert_eq!(nice_ticks(0.0, 55e6), vec![0.0, 20e6, 40e6, 60e6]);
        assert_eq!(nice_ticks(-3.0, 7.0), vec![-5.0, -2.5, 0.0, 2.5, 5.0, 7.5]);
        assert_eq!(nice_ticks(0.0, 0.0), vec![0.0, 1.0]);
    }

    #[test]
    fn extreme_values_give_a_handful_of_axis_ticks() {
        for (lo, hi) in [
            (0.0, 5e-324),
            (0.0, f64::MIN_POSITIVE),
            (0.0, 1e308),
            (-1e308, 1e308),
            (0.0, f64::MAX),
            (0.0, f64::NAN),
            (f64::NEG_INFINITY, f64::INFINITY),
        ] {
            let t = nice_ticks(lo, hi);
            assert!((2..=9).contains(&t.len()), "{lo} {hi}: {t:?}");
            assert!(t.windows(2).all(|w| w[0] < w[1]), "{lo} {hi}: {t:?}");
        }
    }
}
