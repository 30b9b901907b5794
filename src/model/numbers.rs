//! Number formats for metrics given as `number` + `format`.
//!
//! In: a number and a format name. Out: the figure as an en-GB reader expects it:
//! grouped thousands ("42,000"), compact ("2m", "7.2m", "£16.6m", "1.5bn"), percentages.

/// The format names report.toml accepts.
pub const FORMATS: [&str; 7] = [
    "grouped",
    "compact",
    "words",
    "percent",
    "currency",
    "currency-eur",
    "currency-usd",
];

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

/// Formats `n` as `format` in `locale`; `None` for an unknown format.
pub fn format_in(n: f64, format: &str, locale: Locale) -> Option<String> {
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

/// Formats `n` as `format`, in English; `None` for an unknown format.
pub fn format(n: f64, format: &str) -> Option<String> {
    Some(match format {
        "grouped" => grouped(n),
        "compact" => compact(n),
        "words" => words(n),
        "percent" => format!("{}%", trim(n, 1)),
        "currency" => format!("£{}", compact(n)),
        "currency-eur" => format!("€{}", compact(n)),
        "currency-usd" => format!("${}", compact(n)),
        _ => return None,
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

/// "2m", "7.2m", "1.5bn", "500k" is not used in en-GB house style: thousands stay grouped.
pub fn compact(n: f64) -> String {
    scaled(n, "bn", "m")
}

/// `n` in billions or millions with the given suffixes, to one decimal; grouped digits below
/// a million.
fn scaled(n: f64, billion: &str, million: &str) -> String {
    const BILLION: f64 = 1e9;
    const MILLION: f64 = 1e6;
    if n.abs() >= BILLION {
        format!("{}{billion}", trim(n / BILLION, 1))
    } else if n.abs() >= MILLION {
        format!("{}{million}", trim(n / MILLION, 1))
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

/// "2 million", "1.5 billion"; below a million, grouped digits.
pub fn words(n: f64) -> String {
    scaled(n, " billion", " million")
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

    #[test]
    fn en_gb_formats() {
        assert_eq!(format(42000.0, "grouped").unwrap(), "42,000");
        assert_eq!(format(2_000_000.0, "compact").unwrap(), "2m");
        assert_eq!(format(7_200_000.0, "compact").unwrap(), "7.2m");
        assert_eq!(format(16_600_000.0, "currency").unwrap(), "£16.6m");
        assert_eq!(format(99.0, "percent").unwrap(), "99%");
        assert_eq!(format(1100.0, "compact").unwrap(), "1,100");
        assert_eq!(format(1.0, "roman"), None);
        assert_eq!(format(2_000_000.0, "words").unwrap(), "2 million");
        assert_eq!(format(16_600_000.0, "currency-eur").unwrap(), "€16.6m");
        assert_eq!(format(2_500_000_000.0, "currency-usd").unwrap(), "$2.5bn");
    }

    #[test]
    fn the_report_language_sets_separators() {
        let de = Locale::for_language("de-DE");
        assert_eq!(format_in(42000.5, "grouped", de).unwrap(), "42.000,5");
        assert_eq!(
            format_in(16_600_000.0, "currency-eur", de).unwrap(),
            "€16,6m"
        );
        let fr = Locale::for_language("fr");
        assert_eq!(format_in(42000.0, "grouped", fr).unwrap(), "42\u{202F}000");
        assert_eq!(
            format_in(42000.0, "grouped", Locale::for_language("en-GB")).unwrap(),
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
}
