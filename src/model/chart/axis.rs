//! Value axes: the range a chart's values are drawn on, and its "nice" ticks.
//!
//! In: the smallest and largest value, whether the axis must include zero, and the most
//! intervals its labels have room for. Out: an [`Axis`] from a multiple of a step to a
//! multiple of it, the step being 1, 2, 2.5 or 5 times a power of ten, with its ticks.
//!
//! Bars and columns encode a value by their length from zero, so their axis always
//! includes zero — a bar chart of 93 to 98 starting at 90 would make 98 look three times
//! 94. A line encodes a value by its position only, so a line chart's axis is fitted to the
//! data when zero is far from it (the smallest value is more than half the largest, or the
//! reverse for negative data), and its tick labels say where it starts.
//!
//! The work is O(1) in the values' magnitude: the step comes from a logarithm, and an axis
//! has at most [`MAX_INTERVALS`] intervals however large or small the values.

/// Most charts read best with about this many intervals.
pub const TARGET_INTERVALS: usize = 4;
/// The most intervals an axis is given, whatever room its labels have.
pub const MAX_INTERVALS: usize = 10;
/// Steps are these multiples of a power of ten.
const NICE: [f64; 4] = [1.0, 2.0, 2.5, 5.0];

/// Whether an axis must reach zero.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Baseline {
    /// Bars and columns: zero is always on the axis.
    Zero,
    /// Lines: zero is on the axis unless it is far from the data.
    Fit,
}

/// A value axis.
#[derive(Debug, Clone, PartialEq)]
pub struct Axis {
    pub lo: f64,
    pub hi: f64,
    pub step: f64,
    pub ticks: Vec<f64>,
}

impl Axis {
    /// Where `v` falls along the axis, from 0 (`lo`) to 1 (`hi`).
    pub fn at(&self, v: f64) -> f64 {
        if self.hi > self.lo {
            ((v - self.lo) / (self.hi - self.lo)).clamp(0.0, 1.0)
        } else {
            0.0
        }
    }

    /// Where the bars start: zero, or the end of the axis nearest to it.
    pub fn base(&self) -> f64 {
        0.0f64.clamp(self.lo, self.hi)
    }
}

/// The axis for values from `min` to `max` with at most `room` intervals (at least one).
pub fn axis(min: f64, max: f64, baseline: Baseline, room: usize) -> Axis {
    let (min, max) = if min.is_finite() && max.is_finite() {
        (min.min(max), max.max(min))
    } else {
        (0.0, 0.0)
    };
    let keep_zero = match baseline {
        Baseline::Zero => true,
        // Zero stays when it is nearer the data than the data's own extent.
        Baseline::Fit => {
            (min <= 0.0 && max >= 0.0) || min.abs().min(max.abs()) <= max.abs().max(min.abs()) / 2.0
        }
    };
    let (lo, hi) = if keep_zero {
        (min.min(0.0), max.max(0.0))
    } else {
        (min, max)
    };
    // All values equal: a line at 95 gets an axis around 95, bars of zero an axis 0 to 1.
    let (lo, hi) = if hi > lo {
        (lo, hi)
    } else if lo == 0.0 {
        (0.0, 1.0)
    } else {
        let pad = lo.abs() * 0.1;
        if keep_zero {
            (lo.min(0.0), hi.max(0.0))
        } else {
            (lo - pad, hi + pad)
        }
    };
    let room = room.clamp(1, MAX_INTERVALS);
    // Nothing but zeros: one interval, 0 to 1, is all there is to show.
    if lo == 0.0 && hi == 1.0 && min == 0.0 && max == 0.0 {
        return Axis {
            lo,
            hi,
            step: 1.0,
            ticks: vec![0.0, 1.0],
        };
    }
    let target = TARGET_INTERVALS.min(room).max(1);
    let span = hi - lo;
    let mut step = nice_at_least(span / target as f64);
    // At most a handful of steps up: each at least doubles the step, and the first is
    // within a factor 2.5 of fitting.
    for _ in 0..8 {
        let Some(step_ok) = step.filter(|s| s.is_normal()) else {
            break;
        };
        let first = (lo / step_ok).floor();
        let last = (hi / step_ok).ceil();
        let n = last - first;
        if n.is_finite() && n >= 1.0 && n <= room as f64 {
            let ticks = (0..=n as usize)
                .map(|i| clean((first + i as f64) * step_ok, step_ok))
                .collect::<Vec<_>>();
            return Axis {
                lo: ticks[0],
                hi: *ticks.last().expect("invariant: at least two ticks"),
                step: step_ok,
                ticks,
            };
        }
        step = nice_above(step_ok);
    }
    // Values whose span no power of ten can measure: the two ends are the ticks.
    Axis {
        lo,
        hi,
        step: span,
        ticks: vec![lo, hi],
    }
}

/// The smallest nice step at least `raw`.
fn nice_at_least(raw: f64) -> Option<f64> {
    if !(raw.is_finite() && raw > 0.0) {
        return None;
    }
    let mag = 10f64.powf(raw.log10().floor());
    if !mag.is_normal() {
        return None;
    }
    NICE.iter()
        .map(|m| m * mag)
        .chain(std::iter::once(10.0 * mag))
        // A hair of tolerance, so 0.3 / 3 is not taken for more than 0.1.
        .find(|s| *s >= raw * (1.0 - 1e-9))
}

/// The next nice step above `step`.
fn nice_above(step: f64) -> Option<f64> {
    nice_at_least(step * (1.0 + 1e-6))
}

/// `v` rounded to the step's precision, so that 3 × 0.1 is 0.3 and not 0.30000000000000004.
fn clean(v: f64, step: f64) -> f64 {
    let places = (-step.log10().floor() + 1.0).clamp(0.0, 15.0) as i32;
    let f = 10f64.powi(places);
    let r = (v * f).round() / f;
    if r.is_finite() { r + 0.0 } else { v }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ticks(min: f64, max: f64, b: Baseline) -> Vec<f64> {
        axis(min, max, b, MAX_INTERVALS).ticks
    }

    #[test]
    fn ticks_are_nice_and_cover_the_values() {
        assert_eq!(
            ticks(0.0, 99.0, Baseline::Zero),
            [0.0, 25.0, 50.0, 75.0, 100.0]
        );
        assert_eq!(ticks(7.2e6, 55e6, Baseline::Zero), [0.0, 20e6, 40e6, 60e6]);
        assert_eq!(
            ticks(-3.0, 7.0, Baseline::Zero),
            [-5.0, -2.5, 0.0, 2.5, 5.0, 7.5]
        );
        assert_eq!(ticks(0.0, 0.0, Baseline::Zero), [0.0, 1.0]);
        assert_eq!(ticks(0.1, 0.3, Baseline::Zero), [0.0, 0.1, 0.2, 0.3]);
    }

    #[test]
    fn bars_keep_zero_and_lines_far_from_zero_are_fitted() {
        assert_eq!(axis(93.0, 98.0, Baseline::Zero, 10).lo, 0.0);
        let line = axis(93.0, 98.0, Baseline::Fit, 10);
        assert!(
            line.lo >= 90.0 && line.lo <= 93.0 && line.hi >= 98.0,
            "{line:?}"
        );
        // Near zero, a line keeps it too.
        assert_eq!(axis(20.0, 90.0, Baseline::Fit, 10).lo, 0.0);
        // Negative data far from zero is fitted from the other side.
        let negative = axis(-98.0, -93.0, Baseline::Fit, 10);
        assert!(
            negative.hi < 0.0 && negative.hi >= -93.0 && negative.lo <= -98.0,
            "{negative:?}"
        );
        // A flat line has an axis around it.
        let flat = axis(95.0, 95.0, Baseline::Fit, 10);
        assert!(flat.lo < 95.0 && flat.hi > 95.0, "{flat:?}");
    }

    #[test]
    fn room_for_fewer_labels_gives_fewer_intervals() {
        for room in 1..=MAX_INTERVALS {
            let a = axis(0.0, 97.0, Baseline::Zero, room);
            assert!(a.ticks.len() - 1 <= room, "{room}: {a:?}");
            assert!(a.hi >= 97.0);
        }
    }

    #[test]
    fn extreme_values_give_a_handful_of_ticks() {
        for (lo, hi) in [
            (0.0, 5e-324),
            (0.0, f64::MIN_POSITIVE),
            (0.0, 1e308),
            (-1e308, 1e308),
            (0.0, f64::MAX),
            (0.0, f64::NAN),
            (f64::NEG_INFINITY, f64::INFINITY),
            (3e9, 4.5e9),
        ] {
            let t = axis(lo, hi, Baseline::Zero, MAX_INTERVALS).ticks;
            assert!(
                (2..=MAX_INTERVALS + 1).contains(&t.len()),
                "{lo} {hi}: {t:?}"
            );
            assert!(t.windows(2).all(|w| w[0] < w[1]), "{lo} {hi}: {t:?}");
        }
    }
}
