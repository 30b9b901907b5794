//! Shares of a whole, as a pie or donut shows them.
//!
//! In: non-negative values. Out: each value's share of their sum, and whole percentages
//! that add up to exactly 100 (the largest-remainder method: each share is rounded down,
//! and the points left over go to the shares that lost most in rounding, the first of
//! equals first). A share too small to reach 1 % after rounding is said as "under 1 %".

/// Each value's share of the total (0 to 1); `None` when the total is not positive.
pub fn shares(values: &[f64]) -> Option<Vec<f64>> {
    let total: f64 = values.iter().sum();
    (total > 0.0 && total.is_finite()).then(|| values.iter().map(|v| v / total).collect())
}

/// Whole percentages of `shares` that add up to 100.
pub fn percentages(shares: &[f64]) -> Vec<u32> {
    let raw: Vec<f64> = shares.iter().map(|s| s * 100.0).collect();
    let mut out: Vec<u32> = raw.iter().map(|r| r.floor() as u32).collect();
    let given: u32 = out.iter().sum();
    let mut order: Vec<usize> = (0..raw.len()).collect();
    // Largest remainder first; a stable sort keeps the first of equals first.
    order.sort_by(|&a, &b| {
        let (ra, rb) = (raw[a] - raw[a].floor(), raw[b] - raw[b].floor());
        rb.partial_cmp(&ra).unwrap_or(std::cmp::Ordering::Equal)
    });
    for &i in order.iter().take(100u32.saturating_sub(given) as usize) {
        out[i] += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentages_add_up_to_a_hundred() {
        for values in [
            vec![1.0, 1.0, 1.0],
            vec![62.0, 21.0, 9.0, 5.0, 3.0],
            vec![1.0; 7],
            vec![1000.0, 1.0, 1.0],
            vec![5.0],
            vec![5.0, 0.0],
        ] {
            let p = percentages(&shares(&values).unwrap());
            assert_eq!(p.iter().sum::<u32>(), 100, "{values:?}: {p:?}");
        }
        assert_eq!(
            percentages(&shares(&[1.0, 1.0, 1.0]).unwrap()),
            [34, 33, 33]
        );
        assert_eq!(percentages(&shares(&[5.0, 0.0]).unwrap()), [100, 0]);
    }

    #[test]
    fn nothing_to_share_has_no_shares() {
        assert_eq!(shares(&[0.0, 0.0]), None);
        assert_eq!(shares(&[]), None);
    }
}
