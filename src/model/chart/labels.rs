//! Chart labels with one number of decimals: "33.0" beside "48.2", never "33" beside "48.2".
//!
//! In: labels as the number format wrote them (it drops trailing zeros) and the language's
//! decimal mark and group separator. Out: the same labels, each figure padded with zeros to
//! the most decimals any label of the same unit shows ("2.0m" beside "2.5m"; a "500,000"
//! beside them keeps no decimals, being in another unit).

/// Pads every label's figure to the most decimals among labels of the same unit.
pub fn uniform(labels: &[String], decimal: char, group: char) -> Vec<String> {
    let parts: Vec<Option<Figure>> = labels.iter().map(|l| figure(l, decimal, group)).collect();
    labels
        .iter()
        .zip(&parts)
        .map(|(label, part)| {
            let Some(f) = part else { return label.clone() };
            let want = parts
                .iter()
                .flatten()
                .filter(|o| o.unit == f.unit)
                .map(|o| o.decimals)
                .max()
                .unwrap_or(0);
            if want <= f.decimals {
                return label.clone();
            }
            let mut out = label[..f.end].to_string();
            if f.decimals == 0 {
                out.push(decimal);
            }
            out.extend(std::iter::repeat_n('0', want - f.decimals));
            out.push_str(&label[f.end..]);
            out
        })
        .collect()
}

/// The last figure in a label: where it ends, how many decimals it has, and what follows it
/// (its unit: "m", "%", " million").
struct Figure<'a> {
    end: usize,
    decimals: usize,
    unit: &'a str,
}

fn figure(label: &str, decimal: char, group: char) -> Option<Figure<'_>> {
    let is_part = |c: char| c.is_ascii_digit() || c == decimal || c == group;
    let (last, _) = label
        .char_indices()
        .rev()
        .find(|(_, c)| c.is_ascii_digit())?;
    let end = last + 1;
    let start = label[..end]
        .char_indices()
        .rev()
        .find(|(_, c)| !is_part(*c))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let run = &label[start..end];
    let decimals = run
        .rsplit_once(decimal)
        .map_or(0, |(_, f)| f.chars().count());
    Some(Figure {
        end,
        decimals,
        unit: &label[end..],
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn u(labels: &[&str]) -> Vec<String> {
        let owned: Vec<String> = labels.iter().map(|s| s.to_string()).collect();
        uniform(&owned, '.', ',')
    }

    #[test]
    fn figures_share_their_decimals() {
        assert_eq!(u(&["33", "48.2"]), ["33.0", "48.2"]);
        assert_eq!(
            u(&["42,000", "1,234.5", "−7"]),
            ["42,000.0", "1,234.5", "−7.0"]
        );
        assert_eq!(u(&["99%", "93.25%"]), ["99.00%", "93.25%"]);
        assert_eq!(
            u(&["£2m", "£2.5m", "500,000"]),
            ["£2.0m", "£2.5m", "500,000"]
        );
        assert_eq!(u(&["1", "2"]), ["1", "2"]);
    }

    #[test]
    fn the_languages_marks_are_used() {
        let de: Vec<String> = ["42.000", "3,5"].iter().map(|s| s.to_string()).collect();
        assert_eq!(uniform(&de, ',', '.'), ["42.000,0", "3,5"]);
    }
}
