//! Year-on-year figures: a metric's `previous` value or `change` → [`Change`], the words the
//! card prints ("up 12% on 2019") and what a screen reader says ("up 12 per cent on 2019").
//!
//! In: the figure (as a number, or its value read as one), the previous number or the
//! change as written, and the period compared with. Out: a direction and words. A change
//! is always said in words, never by an arrow alone: the card's marker is decoration. A
//! percentage compared with a percentage changes by percentage points, not per cent; a
//! change from nothing has no percentage, and says so.

use super::numbers::Locale;
use super::types::{Change, Direction};

/// Changes under this many per cent are given to one decimal place ("up 2.5%"), larger ones
/// as whole numbers ("up 12%"): the precision a reader takes in at a glance.
const WHOLE_FROM: f64 = 10.0;

/// The default period a report's figures compare with: the year before `period` when that
/// is a year ("2020" → "2019") or a year and the next ("2020/21" → "2019/20", "2020–2021" →
/// "2019–2020"); otherwise "last year".
pub fn previous_period(period: &str) -> String {
    fn year(s: &str) -> Option<&str> {
        (s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit())).then_some(s)
    }
    let p = period.trim();
    if let Some(y) = year(p) {
        return (y.parse::<u32>().unwrap_or(0).saturating_sub(1)).to_string();
    }
    for sep in ['/', '-', '–', '—'] {
        let Some((a, b)) = p.split_once(sep) else {
            continue;
        };
        let (a, b) = (a.trim(), b.trim());
        let (Some(first), true) = (year(a), b.bytes().all(|c| c.is_ascii_digit())) else {
            continue;
        };
        let first: u32 = first.parse().unwrap_or(0);
        let next: u32 = b.parse().unwrap_or(0);
        let follows = match b.len() {
            2 => (first + 1) % 100 == next,
            4 => first + 1 == next,
            _ => false,
        };
        if follows && first > 0 {
            let before = first - 1;
            let second = match b.len() {
                2 => format!("{:02}", (before + 1) % 100),
                _ => (before + 1).to_string(),
            };
            let spaced = p.contains(&format!(" {sep} "));
            return if spaced {
                format!("{before} {sep} {second}")
            } else {
                format!("{before}{sep}{second}")
            };
        }
    }
    "last year".into()
}

/// Reads a figure as it is printed ("2m", "£16.6m", "42,000", "99%", "11,000+") as a number;
/// `None` when it is not one. The second value says whether it is a percentage.
pub fn read_figure(value: &str, locale: Locale) -> Option<(f64, bool)> {
    let v = value.trim();
    let v = v.trim_start_matches(['£', '€', '$']);
    let v = v.trim_end_matches('+').trim();
    let (v, percent) = match v.strip_suffix('%') {
        Some(r) => (r.trim(), true),
        None => (v, false),
    };
    let end = v
        .find(|c: char| !(c.is_ascii_digit() || c == locale.group || c == locale.decimal))
        .unwrap_or(v.len());
    let (digits, suffix) = v.split_at(end);
    let scale = match suffix.trim().to_ascii_lowercase().as_str() {
        "" => 1.0,
        "k" | "thousand" => 1e3,
        "m" | "million" => 1e6,
        "bn" | "b" | "billion" => 1e9,
        _ => return None,
    };
    if percent && scale != 1.0 {
        return None;
    }
    let plain: String = digits
        .chars()
        .filter(|c| *c != locale.group)
        .map(|c| if c == locale.decimal { '.' } else { c })
        .collect();
    let n: f64 = plain.parse().ok()?;
    // "16.6m" is a whole number of units; rounding keeps float error out of the change.
    let n = if scale > 1.0 { (n * scale).round() } else { n };
    Some((n, percent))
}

/// The change from `previous` to `current`, compared with `period`.
pub fn from_previous(current: f64, previous: f64, percent: bool, period: &str) -> Change {
    let diff = current - previous;
    let direction = direction(diff);
    if direction == Direction::Same {
        return same(period);
    }
    let verb = verb(direction);
    if percent {
        let points = amount(diff.abs());
        let unit = if points == "1" { "point" } else { "points" };
        let text = format!("{verb} {points} percentage {unit} on {period}");
        return Change {
            direction,
            spoken: text.clone(),
            text,
        };
    }
    if previous == 0.0 {
        let text = format!("{verb} from none in {period}");
        return Change {
            direction,
            spoken: text.clone(),
            text,
        };
    }
    let pct = amount(diff.abs() / previous.abs() * 100.0);
    Change {
        direction,
        text: format!("{verb} {pct}% on {period}"),
        spoken: format!("{verb} {pct} per cent on {period}"),
    }
}

/// A change as written (`"+12%"`, `"-3 points"`, `"0%"`), or why it cannot be read.
pub fn from_written(written: &str, period: &str) -> Result<Change, String> {
    let w = written.trim();
    let (sign, rest) = match w.chars().next() {
        Some('+') => (Some(Direction::Up), &w[1..]),
        Some('-') => (Some(Direction::Down), &w[1..]),
        Some('−') => (Some(Direction::Down), &w['−'.len_utf8()..]),
        _ => (None, w),
    };
    let rest = rest.trim();
    let end = rest
        .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))
        .unwrap_or(rest.len());
    let (number, unit) = rest.split_at(end);
    let value: f64 = number
        .replace(',', ".")
        .parse()
        .map_err(|_| format!("`{written}` does not start with a number"))?;
    let points = match unit.trim().to_ascii_lowercase().as_str() {
        "%" => false,
        "point" | "points" | "pt" | "pts" | "percentage points" => true,
        "" => return Err(format!("`{written}` needs a unit: `%` or `points`")),
        other => {
            return Err(format!(
                "`{other}` is not a unit of change: write `%` or `points`"
            ));
        }
    };
    if value == 0.0 {
        return Ok(same(period));
    }
    let direction = sign.ok_or_else(|| {
        format!("`{written}` does not say which way: write +{number}{unit} or -{number}{unit}")
    })?;
    let verb = verb(direction);
    let shown = amount(value);
    Ok(if points {
        let unit = if shown == "1" { "point" } else { "points" };
        let text = format!("{verb} {shown} percentage {unit} on {period}");
        Change {
            direction,
            spoken: text.clone(),
            text,
        }
    } else {
        Change {
            direction,
            text: format!("{verb} {shown}% on {period}"),
            spoken: format!("{verb} {shown} per cent on {period}"),
        }
    })
}

fn direction(diff: f64) -> Direction {
    if diff > 0.0 {
        Direction::Up
    } else if diff < 0.0 {
        Direction::Down
    } else {
        Direction::Same
    }
}

fn verb(d: Direction) -> &'static str {
    match d {
        Direction::Up => "up",
        Direction::Down => "down",
        Direction::Same => "no change",
    }
}

fn same(period: &str) -> Change {
    let text = format!("no change on {period}");
    Change {
        direction: Direction::Same,
        spoken: text.clone(),
        text,
    }
}

/// A change's size as printed: whole from [`WHOLE_FROM`], else one decimal, no trailing zero.
fn amount(v: f64) -> String {
    let places = if v >= WHOLE_FROM { 0 } else { 1 };
    let s = format!("{v:.places$}");
    match s.strip_suffix(".0") {
        Some(whole) => whole.to_string(),
        None => s,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_previous_period_is_the_year_before_a_year_or_a_financial_year() {
        assert_eq!(previous_period("2020"), "2019");
        assert_eq!(previous_period("2020/21"), "2019/20");
        assert_eq!(previous_period("2000/01"), "1999/00");
        assert_eq!(previous_period("2020 – 2021"), "2019 – 2020");
        assert_eq!(previous_period("2020-21"), "2019-20");
        assert_eq!(previous_period("April 2020 – March 2021"), "last year");
        assert_eq!(previous_period("2020/23"), "last year");
    }

    #[test]
    fn figures_are_read_as_they_are_printed() {
        let en = Locale::EN;
        assert_eq!(read_figure("2m", en), Some((2e6, false)));
        assert_eq!(read_figure("£16.6m", en), Some((16.6e6, false)));
        assert_eq!(read_figure("42,000", en), Some((42000.0, false)));
        assert_eq!(read_figure("11,000+", en), Some((11000.0, false)));
        assert_eq!(read_figure("99%", en), Some((99.0, true)));
        assert_eq!(read_figure("2 million", en), Some((2e6, false)));
        assert_eq!(read_figure("Two thirds", en), None);
        let de = Locale::for_language("de");
        assert_eq!(read_figure("42.000,5", de), Some((42000.5, false)));
    }

    #[test]
    fn a_rise_is_said_in_words_with_its_percentage() {
        let c = from_previous(1_680_000.0, 1_500_000.0, false, "2019");
        assert_eq!(c.direction, Direction::Up);
        assert_eq!(c.text, "up 12% on 2019");
        assert_eq!(c.spoken, "up 12 per cent on 2019");
        let c = from_previous(97.5, 100.0, false, "2019");
        assert_eq!(c.text, "down 2.5% on 2019");
    }

    #[test]
    fn a_percentage_changes_by_points() {
        let c = from_previous(94.0, 90.0, true, "2019");
        assert_eq!(c.text, "up 4 percentage points on 2019");
        let c = from_previous(91.0, 90.0, true, "2019");
        assert_eq!(c.text, "up 1 percentage point on 2019");
    }

    #[test]
    fn no_change_and_a_change_from_none_are_said_plainly() {
        assert_eq!(
            from_previous(5.0, 5.0, false, "2019").text,
            "no change on 2019"
        );
        assert_eq!(
            from_previous(5.0, 0.0, false, "2019").text,
            "up from none in 2019"
        );
    }

    #[test]
    fn a_written_change_needs_a_sign_and_a_unit() {
        assert_eq!(from_written("+12%", "2019").unwrap().text, "up 12% on 2019");
        assert_eq!(
            from_written("−3 points", "2019").unwrap().text,
            "down 3 percentage points on 2019"
        );
        assert_eq!(
            from_written("0%", "2019").unwrap().direction,
            Direction::Same
        );
        assert!(
            from_written("12%", "2019")
                .unwrap_err()
                .contains("which way")
        );
        assert!(
            from_written("+12", "2019")
                .unwrap_err()
                .contains("needs a unit")
        );
    }
}
