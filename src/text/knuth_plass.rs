//! Line breaking: Knuth–Plass total fit, which always finds a set of breaks.
//!
//! In: boxes, glue and penalties, and a line width. Out: the indices of the items at which
//! lines end. Total fit chooses the breaks that minimise the demerits of the whole
//! paragraph (Knuth & Plass, "Breaking Paragraphs into Lines", 1981), so one bad line is
//! not bought with a worse one later. Ragged-right text uses the paper's own trick: a
//! stretchable `\rightskip` at every line end and rigid interword spaces, which evens out
//! the rag instead of filling each line greedily.
//!
//! A paragraph with no acceptable set of breaks (a word wider than the line, a measure so
//! narrow that every line is loose) is set by a last-resort pass, as TeX's final pass does:
//! lines looser than the tolerance are accepted at their capped badness, and a line that
//! overflows is accepted at [`OVERFULL_DEMERITS`] plus a price that grows with the overflow
//! — inside the optimum, so the rest of the paragraph is still set well, and never by
//! falling back to first fit for the whole paragraph.

use std::ops::Range;

/// Stands for infinity in penalties and fill glue.
pub const INFINITY: f64 = 1.0e7;

/// One item of a paragraph.
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    /// Unbreakable material: a word or a syllable.
    Box { width: f64, range: Range<usize> },
    /// Breakable space; `at` is the byte where the space starts.
    Glue {
        width: f64,
        stretch: f64,
        shrink: f64,
        at: usize,
    },
    /// A possible break with a cost; `width` is added if the line ends here (a hyphen).
    /// `emergency` marks a break inside a word too wide for any line, made only by the
    /// last-resort pass.
    Penalty {
        width: f64,
        penalty: f64,
        flagged: bool,
        at: usize,
        emergency: bool,
    },
}

/// Tunables of the algorithm.
#[derive(Debug, Clone)]
pub struct Params {
    /// The width lines are set to...
    pub width: f64,
    /// ...but the first lines, if they differ (lines beside a floated image): line `i` is
    /// `first_widths[i]` wide while there is one.
    pub first_widths: Vec<f64>,
    /// Stretch at every line end (ragged right); 0 when justifying.
    pub rightskip_stretch: f64,
    /// The largest adjustment ratio accepted for a line.
    pub tolerance: f64,
    /// TeX's `\emergencystretch`: stretch added to every line, so that a paragraph that
    /// cannot be set within the tolerance is set with its looseness spread evenly.
    pub emergency_stretch: f64,
    /// The last resort: lines looser than the tolerance, or overfull, are accepted at a
    /// price instead of refused, so that a set of breaks always exists.
    pub last_resort: bool,
    /// TeX's `\finalhyphendemerits`: the price of a paragraph whose last line is the tail
    /// of a word split on the line before ("docu- / ment.").
    pub final_hyphen_demerits: f64,
}

/// TeX's `\linepenalty`: a cost per line, so that fewer lines are preferred.
const LINE_PENALTY: f64 = 10.0;
/// TeX's `\doublehyphendemerits`: two hyphenated lines in a row look bad.
const FLAGGED_DEMERITS: f64 = 3000.0;
/// A paragraph whose last line is the tail of a word split on the line before reads badly;
/// TeX's plain format prices it at 5000.
pub const FINAL_HYPHEN_DEMERITS: f64 = 5000.0;
/// TeX's `\adjdemerits`: a tight line next to a loose one looks uneven.
const FITNESS_DEMERITS: f64 = 10000.0;
/// TeX's `inf_bad`: the badness of a line looser than any tolerance.
const AWFUL_BADNESS: f64 = 10000.0;
/// An overfull line costs more than any set of lines that fit, however loose (a line at
/// [`AWFUL_BADNESS`] costs about 10⁸)...
pub const OVERFULL_DEMERITS: f64 = 1.0e12;
/// ...and more the further it overflows, per point squared, so the least overflow wins.
const OVERFLOW_DEMERITS_PER_PT2: f64 = 1.0e8;

#[derive(Debug, Clone)]
struct Node {
    /// Item index of the break; `None` for the paragraph start.
    pos: Option<usize>,
    fitness: u8,
    demerits: f64,
    prev: Option<usize>,
    /// Sums of width, stretch, shrink at the start of the line after this break.
    sums: (f64, f64, f64),
    /// Lines set before this break's next line.
    line: usize,
}

impl Params {
    /// The width of line `i` (from 0).
    pub fn line_width(&self, i: usize) -> f64 {
        self.first_widths.get(i).copied().unwrap_or(self.width)
    }
}

/// The optimal breaks, or `None` if no set of breaks keeps every line within tolerance.
/// With [`Params::last_resort`] there is always a set of breaks (for a non-empty
/// paragraph).
pub fn total_fit(items: &[Item], params: &Params) -> Option<Vec<usize>> {
    let prefix = prefix_sums(items);
    let mut nodes = vec![Node {
        pos: None,
        fitness: 1,
        demerits: 0.0,
        prev: None,
        sums: (0.0, 0.0, 0.0),
        line: 0,
    }];
    let mut active: Vec<usize> = vec![0];
    for b in 0..items.len() {
        let (break_width, penalty, flagged) = match &items[b] {
            Item::Penalty {
                width,
                penalty,
                flagged,
                ..
            } if *penalty < INFINITY => (*width, *penalty, *flagged),
            // Glue is a break after a box, but not the glue that fills a paragraph's last
            // line (followed by the forced break that ends it): a break there would end
            // the paragraph with an empty line, as TeX's `\penalty10000` before
            // `\parfillskip` prevents.
            Item::Glue { .. }
                if b > 0
                    && matches!(items[b - 1], Item::Box { .. })
                    && !items.get(b + 1).is_some_and(is_forced) =>
            {
                (0.0, 0.0, false)
            }
            _ => continue,
        };
        let forced = penalty <= -INFINITY;
        // The best way to reach this break for each fitness class and, while the first
        // lines differ in width, each line number (later lines are all alike).
        let classes = params.first_widths.len() + 1;
        let mut best: Vec<Option<(f64, usize)>> = vec![None; 4 * classes];
        active.retain(|&a| {
            let node = &nodes[a];
            let target = params.line_width(node.line);
            let width = prefix[b].0 - node.sums.0 + break_width;
            let stretch =
                prefix[b].1 - node.sums.1 + params.rightskip_stretch + params.emergency_stretch;
            let shrink = prefix[b].2 - node.sums.2;
            let ratio = adjustment_ratio(width, stretch, shrink, target);
            let line = if (-1.0..=params.tolerance).contains(&ratio) {
                Some(line_demerits(100.0 * ratio.abs().powi(3), penalty))
            } else if params.last_resort && ratio > params.tolerance {
                Some(line_demerits(AWFUL_BADNESS, penalty))
            } else if params.last_resort {
                // Overfull: accepted once, at the first break where it overflows (the
                // least overflow this start allows), for a price that outweighs any loose
                // line.
                let over = width - shrink - target;
                Some(line_demerits(AWFUL_BADNESS, penalty) + overfull_demerits(over))
            } else {
                None
            };
            if let Some(mut d) = line {
                let after_hyphen = node.pos.is_some_and(|p| is_flagged(&items[p]));
                if flagged && after_hyphen {
                    d += FLAGGED_DEMERITS;
                }
                if forced && after_hyphen {
                    d += params.final_hyphen_demerits;
                }
                let fitness = fitness_class(ratio);
                if fitness.abs_diff(node.fitness) > 1 {
                    d += FITNESS_DEMERITS;
                }
                let total = node.demerits + d;
                let class = (node.line + 1).min(classes - 1);
                let slot = &mut best[fitness as usize * classes + class];
                if slot.is_none_or(|(t, _)| total < t) {
                    *slot = Some((total, a));
                }
            }
            // A node can never start a line that ends later once its line is overfull here.
            !(ratio < -1.0 || forced)
        });
        let min = best
            .iter()
            .flatten()
            .map(|(t, _)| *t)
            .fold(f64::MAX, f64::min);
        let sums = sums_after(items, &prefix, b);
        for (k, slot) in best.iter().enumerate() {
            if let Some((total, from)) = slot
                && *total <= min + FITNESS_DEMERITS
            {
                let line = nodes[*from].line + 1;
                nodes.push(Node {
                    pos: Some(b),
                    fitness: (k / classes) as u8,
                    demerits: *total,
                    prev: Some(*from),
                    sums,
                    line,
                });
                active.push(nodes.len() - 1);
            }
        }
        if active.is_empty() {
            return None;
        }
    }
    let last = items.len().checked_sub(1)?;
    let end = active
        .iter()
        .copied()
        .filter(|&a| nodes[a].pos == Some(last))
        .min_by(|&a, &b| nodes[a].demerits.total_cmp(&nodes[b].demerits))?;
    let mut breaks = Vec::new();
    let mut cur = Some(end);
    while let Some(n) = cur {
        if let Some(p) = nodes[n].pos {
            breaks.push(p);
        }
        cur = nodes[n].prev;
    }
    breaks.reverse();
    Some(breaks)
}

/// The demerits of one line of `badness` ending at a break that costs `penalty`.
fn line_demerits(badness: f64, penalty: f64) -> f64 {
    let mut d = (LINE_PENALTY + badness).powi(2);
    if penalty > 0.0 {
        d += penalty * penalty;
    } else if penalty > -INFINITY {
        d -= penalty * penalty;
    }
    d
}

/// What a line `over` points too wide costs.
fn overfull_demerits(over: f64) -> f64 {
    OVERFULL_DEMERITS + OVERFLOW_DEMERITS_PER_PT2 * over.max(0.0).powi(2)
}

/// First fit: fill each line as far as it goes. Kept as the yardstick total fit is tested
/// against.
#[cfg(test)]
pub fn first_fit(items: &[Item], width: f64) -> Vec<usize> {
    let mut breaks = Vec::new();
    let mut line = 0.0;
    let mut last_fit: Option<usize> = None;
    let mut i = 0;
    let mut line_start = 0;
    while i < items.len() {
        match &items[i] {
            Item::Box { width: w, .. } => line += w,
            Item::Glue { width: w, .. } => {
                if i > 0 && matches!(items[i - 1], Item::Box { .. }) {
                    last_fit = Some(i);
                }
                line += w;
            }
            Item::Penalty {
                penalty, width: w, ..
            } => {
                if *penalty <= -INFINITY {
                    breaks.push(i);
                    line = 0.0;
                    last_fit = None;
                    line_start = i + 1;
                    i += 1;
                    continue;
                }
                if *penalty < INFINITY && line + w <= width {
                    last_fit = Some(i);
                }
            }
        }
        if line > width
            && let Some(b) = last_fit.filter(|&b| b >= line_start)
        {
            breaks.push(b);
            i = b + 1;
            while i < items.len() && !matches!(items[i], Item::Box { .. }) {
                i += 1;
            }
            line = 0.0;
            last_fit = None;
            line_start = i;
            continue;
        }
        i += 1;
    }
    if breaks.last() != Some(&(items.len().saturating_sub(1))) && !items.is_empty() {
        breaks.push(items.len() - 1);
    }
    breaks
}

/// How much a line's glue must stretch (positive) or shrink (negative), relative to what it
/// can; `-INFINITY` when it cannot shrink enough.
fn adjustment_ratio(natural: f64, stretch: f64, shrink: f64, target: f64) -> f64 {
    if natural < target {
        if stretch > 0.0 {
            (target - natural) / stretch
        } else {
            INFINITY
        }
    } else if natural > target {
        if shrink > 0.0 {
            (target - natural) / shrink
        } else {
            -INFINITY
        }
    } else {
        0.0
    }
}

/// TeX's fitness classes: tight, decent, loose, very loose.
fn fitness_class(ratio: f64) -> u8 {
    if ratio < -0.5 {
        0
    } else if ratio <= 0.5 {
        1
    } else if ratio <= 1.0 {
        2
    } else {
        3
    }
}

fn is_forced(item: &Item) -> bool {
    matches!(item, Item::Penalty { penalty, .. } if *penalty <= -INFINITY)
}

fn is_flagged(item: &Item) -> bool {
    matches!(item, Item::Penalty { flagged: true, .. })
}

/// `prefix[i]` = sums of width, stretch and shrink of items before `i`; penalties add nothing.
fn prefix_sums(items: &[Item]) -> Vec<(f64, f64, f64)> {
    let mut out = Vec::with_capacity(items.len() + 1);
    let mut acc = (0.0, 0.0, 0.0);
    out.push(acc);
    for item in items {
        match item {
            Item::Box { width, .. } => acc.0 += width,
            Item::Glue {
                width,
                stretch,
                shrink,
                ..
            } => {
                acc.0 += width;
                acc.1 += stretch;
                acc.2 += shrink;
            }
            Item::Penalty { .. } => {}
        }
        out.push(acc);
    }
    out
}

/// Sums at the start of the line after a break at `b`: glue and penalties right after a break
/// are discarded, up to the next box.
fn sums_after(items: &[Item], prefix: &[(f64, f64, f64)], b: usize) -> (f64, f64, f64) {
    let mut i = b;
    while i < items.len() {
        match items[i] {
            Item::Box { .. } => break,
            Item::Penalty { penalty, .. } if i > b && penalty <= -INFINITY => break,
            _ => i += 1,
        }
    }
    prefix[i]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn word(w: f64) -> Item {
        Item::Box {
            width: w,
            range: 0..0,
        }
    }

    fn space() -> Item {
        Item::Glue {
            width: 1.0,
            stretch: 0.0,
            shrink: 0.0,
            at: 0,
        }
    }

    fn penalty(width: f64, penalty: f64, flagged: bool) -> Item {
        Item::Penalty {
            width,
            penalty,
            flagged,
            at: 0,
            emergency: false,
        }
    }

    fn end() -> [Item; 2] {
        [
            Item::Glue {
                width: 0.0,
                stretch: INFINITY,
                shrink: 0.0,
                at: 0,
            },
            penalty(0.0, -INFINITY, false),
        ]
    }

    fn para(words: &[f64]) -> Vec<Item> {
        let mut items = Vec::new();
        for (i, w) in words.iter().enumerate() {
            if i > 0 {
                items.push(space());
            }
            items.push(word(*w));
        }
        items.extend(end());
        items
    }

    fn ragged(width: f64) -> Params {
        Params {
            width,
            first_widths: Vec::new(),
            rightskip_stretch: width,
            tolerance: 10.0,
            emergency_stretch: 0.0,
            last_resort: false,
            final_hyphen_demerits: FINAL_HYPHEN_DEMERITS,
        }
    }

    /// Line widths (without the break's own glue) for a list of breaks.
    fn widths(items: &[Item], breaks: &[usize]) -> Vec<f64> {
        let prefix = prefix_sums(items);
        let mut start = (0.0, 0.0, 0.0);
        breaks
            .iter()
            .map(|&b| {
                let extra = match items[b] {
                    Item::Penalty { width, .. } => width,
                    _ => 0.0,
                };
                let w = prefix[b].0 - start.0 + extra;
                start = sums_after(items, &prefix, b);
                w
            })
            .collect()
    }

    #[test]
    fn total_fit_evens_the_rag_where_first_fit_leaves_a_short_line() {
        // The textbook case "aaa bb cc ddddd" in a measure of 6: first fit fills line one
        // and strands "cc" (rags 0 and 4); total fit sets "aaa" / "bb cc" (rags 3 and 1).
        let items = para(&[3.0, 2.0, 2.0, 5.0]);
        assert_eq!(widths(&items, &first_fit(&items, 6.0)), vec![6.0, 2.0, 5.0]);
        let optimal = total_fit(&items, &ragged(6.0)).expect("feasible");
        assert_eq!(widths(&items, &optimal), vec![3.0, 5.0, 5.0]);
    }

    #[test]
    fn an_infeasible_paragraph_has_no_breaks_but_the_last_resort_always_does() {
        let items = para(&[12.0, 3.0]);
        assert_eq!(total_fit(&items, &ragged(10.0)), None);
        let last = Params {
            last_resort: true,
            ..ragged(10.0)
        };
        // The word too wide overflows its own line; the next word is not dragged onto it.
        let breaks = total_fit(&items, &last).expect("the last resort always breaks");
        assert_eq!(widths(&items, &breaks), vec![12.0, 3.0]);
    }

    #[test]
    fn the_overfull_price_keeps_the_rest_of_the_paragraph_optimal() {
        // "aaa bb cc ddddd" then a word too wide, then the textbook words again: the
        // overflowing word costs its own line only; around it the rag is evened as
        // before, where a first-fit fallback would fill "aaa bb" greedily.
        let items = para(&[3.0, 2.0, 2.0, 5.0, 9.0, 3.0, 2.0, 2.0, 5.0]);
        let last = Params {
            last_resort: true,
            ..ragged(6.0)
        };
        let breaks = total_fit(&items, &last).expect("breaks");
        let w = widths(&items, &breaks);
        assert_eq!(w, vec![3.0, 5.0, 5.0, 9.0, 3.0, 5.0, 5.0]);
        assert_ne!(widths(&items, &first_fit(&items, 6.0)), w);
    }

    #[test]
    fn emergency_stretch_sets_a_paragraph_that_no_line_could_take_within_tolerance() {
        // Justified: rigid words, spaces that stretch by 1 and shrink by nothing, in a
        // measure of 10. Whatever the breaks, some line has no glue to stretch ("cc" or
        // "aaaa" alone, before the 9-wide word): infinitely bad at any tolerance. With
        // emergency stretch every line can stretch, and the looseness is spread: "aaaa" /
        // "bbbb cc" rather than a tight "aaaa bbbb" over a gaping "cc".
        let glue = Item::Glue {
            width: 1.0,
            stretch: 1.0,
            shrink: 0.0,
            at: 0,
        };
        let mut items = vec![word(4.0), glue.clone(), word(4.0), glue.clone(), word(2.0)];
        items.push(glue);
        items.push(word(9.0));
        items.extend(end());
        let strict = Params {
            width: 10.0,
            first_widths: Vec::new(),
            rightskip_stretch: 0.0,
            tolerance: 1.0,
            emergency_stretch: 0.0,
            last_resort: false,
            final_hyphen_demerits: FINAL_HYPHEN_DEMERITS,
        };
        assert_eq!(total_fit(&items, &strict), None);
        let emergency = Params {
            emergency_stretch: 10.0,
            ..strict
        };
        let breaks = total_fit(&items, &emergency).expect("emergency stretch finds breaks");
        assert_eq!(widths(&items, &breaks), vec![4.0, 7.0, 9.0]);
    }

    #[test]
    fn a_paragraph_does_not_end_with_the_tail_of_a_hyphenated_word() {
        // A long word, then "bb-dd" with a hyphenation point: the hyphen fills line one
        // exactly and leaves "dd" alone on the last line; not hyphenating leaves line one
        // loose (a ratio of 0.875). Without \finalhyphendemerits the hyphen wins; with it
        // (TeX's 5000) the paragraph ends with a whole word.
        let mut items = vec![word(16.5), space(), word(1.5)];
        items.push(penalty(1.0, 50.0, true));
        items.push(word(2.0));
        items.extend(end());
        let params = Params {
            rightskip_stretch: 4.0,
            ..ragged(20.0)
        };
        let hyphen = 3;
        let without = Params {
            final_hyphen_demerits: 0.0,
            ..params.clone()
        };
        assert_eq!(total_fit(&items, &without), Some(vec![hyphen, 6]));
        assert_eq!(total_fit(&items, &params), Some(vec![1, 6]));
    }

    #[test]
    fn the_first_lines_may_be_narrower_than_the_rest() {
        // Beside a float the first two lines are 6 wide, then 20: "aaa bb" fits one narrow
        // line, "cc" the next, and the rest runs on at full width.
        let items = para(&[3.0, 2.0, 2.0, 5.0, 4.0, 6.0]);
        let params = Params {
            first_widths: vec![6.0, 6.0],
            ..ragged(20.0)
        };
        let breaks = total_fit(&items, &params).expect("feasible");
        let w = widths(&items, &breaks);
        assert!(w[0] <= 6.0 && w[1] <= 6.0, "{w:?}");
        assert_eq!(w.len(), 3, "{w:?}");
        assert_eq!(w[2], 5.0 + 1.0 + 4.0 + 1.0 + 6.0);
    }
}
