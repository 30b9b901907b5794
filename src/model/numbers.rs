//! Number formats for metrics given as `number` + `format`.
//!
//! In: a number and a format name. Out: the figure as an en-GB reader expects it:
//! grouped thousands ("42,000"), compact ("2m", "7.2m", "£16.6m", "1.5bn"), percentages.

/// The format names report.toml accepts.
pub const FORMATS: [&str; 4] = ["grouped", "compact", "percent", "currency"];

/// Formats `n` as `format`; `None` for an unknown format.
pub fn format(n: f64, format: &str) -> Option<String> {
    Some(match format {
        "grouped" => grouped(n),
        "compact" => compact(n),
        "percent" => format!("{}%", trim(n, 1)),
        "currency" => format!("£{}", compact(n)),
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
    const BILLION: f64 = 1e9;
    const MILLION: f64 = 1e6;
    if n.abs() >= BILLION {
        format!("{}bn", trim(n / BILLION, 1))
    } else if n.abs() >= MILLION {
        format!("{}m", trim(n / MILLION, 1))
    } else {
        grouped(n)
    }
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
    }
}
