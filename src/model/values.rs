//! Parsing the small values of report.toml: lengths, page sizes, dates, colours.
//!
//! Each parser returns a plain `Result<_, String>` whose error says what was expected; the
//! caller attaches the span and the key.

use crate::calendar::Date;
use crate::geom::{Abs, Color, Size};
use crate::spec::PaperName;

/// Parses a length: a number followed by `mm`, `cm`, `in` or `pt`; a space between number
/// and unit is accepted ("20 mm"), since people write it both ways.
pub fn length(s: &str) -> Result<Abs, String> {
    let t = s.trim();
    let split = t
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(t.len());
    let (num, unit) = t.split_at(split);
    let unit = unit.trim();
    let value: f64 = num.parse().map_err(|_| {
        format!("`{s}` is not a length: expected a number and a unit, like \"20mm\"")
    })?;
    // No length folio uses comes near 2 m (the largest page is 1.2 m); a longer one is a
    // slip of the keyboard, and an endless one (400 digits) is not a length at all.
    const MAX_MM: f64 = 2000.0;
    let mm = match unit {
        "mm" => value,
        "cm" => value * 10.0,
        "in" => value * 25.4,
        "pt" => value / crate::geom::PT_PER_MM,
        _ => 0.0,
    };
    if !mm.is_finite() || mm > MAX_MM {
        return Err(format!(
            "`{s}` is longer than any length folio uses ({MAX_MM} mm)"
        ));
    }
    match unit {
        "mm" => Ok(Abs::mm(value)),
        "cm" => Ok(Abs::mm(value * 10.0)),
        "in" => Ok(Abs::pt(value * 72.0)),
        "pt" => Ok(Abs::pt(value)),
        "" => Err(format!(
            "`{s}` has no unit: write \"{value}mm\" or \"{value}pt\""
        )),
        _ => Err(format!(
            "`{s}` has an unknown unit `{unit}`: use mm, cm, in or pt"
        )),
    }
}

/// A paper size by name, portrait.
pub fn paper(name: PaperName) -> Size {
    let (w, h) = match name {
        PaperName::A4 => (210.0, 297.0),
        PaperName::A5 => (148.0, 210.0),
        PaperName::A3 => (297.0, 420.0),
        PaperName::Letter => (215.9, 279.4),
        PaperName::Legal => (215.9, 355.6),
    };
    Size::new(Abs::mm(w), Abs::mm(h))
}

/// Parses a custom page size: `"WIDTH x HEIGHT"` with units.
pub fn page_size(s: &str) -> Result<Size, String> {
    if let Some((w, h)) = s.split_once(['x', '×']) {
        let (w, h) = (length(w)?, length(h)?);
        // Below 50 mm nothing fits; above 1.2 m is a poster, not a report.
        const MIN: f64 = 50.0;
        const MAX: f64 = 1200.0;
        for v in [w, h] {
            if v.to_mm() < MIN || v.to_mm() > MAX {
                return Err(format!(
                    "page sides must be between {MIN}mm and {MAX}mm; `{s}` is not"
                ));
            }
        }
        return Ok(Size::new(w, h));
    }
    Err(format!(
        "`{s}` is not a page size: write the width and height, like \"170mm x 240mm\""
    ))
}

/// Parses `YYYY-MM-DD`.
pub fn date(s: &str) -> Result<Date, String> {
    let err = || format!("`{s}` is not a date: write it as YYYY-MM-DD, like \"2021-01-29\"");
    let parts: Vec<&str> = s.trim().split('-').collect();
    let [y, m, d] = parts.as_slice() else {
        return Err(err());
    };
    if y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return Err(err());
    }
    let (year, month, day): (u16, u8, u8) = (
        y.parse().map_err(|_| err())?,
        m.parse().map_err(|_| err())?,
        d.parse().map_err(|_| err())?,
    );
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return Err(format!("`{s}`: there is no month {month}")),
    };
    if day == 0 || day > days {
        return Err(format!("`{s}`: month {month} has no day {day}"));
    }
    Ok(Date { year, month, day })
}

/// Parses a hex colour.
pub fn colour(s: &str) -> Result<Color, String> {
    Color::parse_hex(s.trim()).ok_or_else(|| {
        format!("`{s}` is not a colour: write six hex digits after #, like \"#005EB8\"")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lengths_accept_units_with_or_without_a_space() {
        assert_eq!(length("20mm").unwrap(), Abs::mm(20.0));
        assert_eq!(length("20 mm").unwrap(), Abs::mm(20.0));
        assert_eq!(length("1in").unwrap(), Abs::pt(72.0));
        assert!(length("2O mm").unwrap_err().contains("unknown unit `O mm`"));
        assert!(length("20").unwrap_err().contains("no unit"));
    }

    #[test]
    fn page_sizes_by_name_and_custom() {
        let a4 = paper(PaperName::A4);
        assert!((a4.w.to_mm() - 210.0).abs() < 1e-9);
        let custom = page_size("170mm x 240mm").unwrap();
        assert!((custom.h.to_mm() - 240.0).abs() < 1e-9);
        assert!(page_size("B9").unwrap_err().contains("not a page size"));
    }

    #[test]
    fn dates_are_checked_against_the_calendar() {
        assert_eq!(
            date("2020-02-29").unwrap(),
            Date {
                year: 2020,
                month: 2,
                day: 29
            }
        );
        assert!(date("2021-02-29").is_err());
        assert!(date("29/01/2021").is_err());
    }

    #[test]
    fn colours_need_six_or_three_hex_digits() {
        assert_eq!(colour("#005EB8").unwrap(), Color::rgb(0, 0x5E, 0xB8));
        assert!(colour("#05EB8").is_err());
        assert!(colour("blue").is_err());
    }
}
