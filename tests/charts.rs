//! Charts read back: bar geometry against the data, labels in order, alt text, percentages,
//! decimals, fitted axes, series colours and the standards, for every chart kind.
//!
//! Geometry is read from the laid-out frame (the same items the PDF draws, with their
//! colours); text, structure and fill colours from the PDF itself through lopdf.

mod common;

use common::Pdf;
use common::geometry::{self, Check};
use folio::frame::{Document, ItemKind};
use folio::geom::{Abs, Color, Rect};
use folio::model::chart::palette;

const HEAD: &str = "[report]\ntitle = \"Charts\"\norganisation = \"Test Trust\"\nperiod = \"2024\"\ndate = \"2025-01-31\"\n\n[contents]\nshow = false\n\n[[sections]]\ntitle = \"Data\"\n";

/// NHS blue, folio's default primary.
const PRIMARY: Color = Color::rgb(0x00, 0x5E, 0xB8);
/// The muted colour the zero line is drawn in.
const MUTED: Color = Color::rgb(0x4C, 0x62, 0x72);

fn build(blocks: &str) -> folio::build::Built {
    common::build_source(&format!("{HEAD}{blocks}"))
}

/// Rectangles of a colour on the numbered pages (not the covers' colour fields), as
/// (page, box).
fn rects(doc: &Document, colour: Color) -> Vec<(usize, Rect)> {
    doc.pages
        .iter()
        .enumerate()
        .filter(|(_, page)| page.number.is_some())
        .flat_map(|(p, page)| {
            page.items.iter().filter_map(move |i| match &i.kind {
                ItemKind::Rect { fill, .. } if *fill == colour => Some((p, i.bounds())),
                _ => None,
            })
        })
        .collect()
}

fn close(a: Abs, b: Abs) -> bool {
    (a.to_pt() - b.to_pt()).abs() < 0.6
}

#[test]
fn a_negative_bar_lies_left_of_the_zero_line_and_lengths_follow_the_values() {
    let built = build(
        r#"
[[sections.blocks]]
type = "chart"
chart = "bar"
data = [{ label = "Gain", value = 4 }, { label = "Loss", value = -6 }]
"#,
    );
    let bars = rects(&built.document, PRIMARY);
    // The heading's accent rule is not primary; the two bars are.
    assert_eq!(bars.len(), 2, "{bars:?}");
    let zero = rects(&built.document, MUTED)
        .into_iter()
        .map(|(_, r)| r)
        .find(|r| r.size.h > r.size.w * 4.0)
        .expect("a vertical zero line");
    let zero_x = zero.origin.x + zero.size.w / 2.0;
    let (gain, loss) = (bars[0].1, bars[1].1);
    assert!(
        close(gain.origin.x, zero_x),
        "the gain starts at zero: {gain:?} {zero:?}"
    );
    assert!(
        close(loss.right(), zero_x),
        "the loss ends at zero: {loss:?} {zero:?}"
    );
    assert!(loss.origin.x < zero_x && gain.right() > zero_x);
    let ratio = loss.size.w.to_pt() / gain.size.w.to_pt();
    assert!((ratio - 1.5).abs() < 0.01, "lengths 6 : 4, got {ratio}");
}

#[test]
fn a_negative_column_hangs_below_the_zero_line() {
    let built = build(
        r#"
[[sections.blocks]]
type = "chart"
chart = "column"
data = [{ label = "Q1", value = 3 }, { label = "Q2", value = -2 }]
"#,
    );
    let cols = rects(&built.document, PRIMARY);
    let zero = rects(&built.document, MUTED)
        .into_iter()
        .map(|(_, r)| r)
        .find(|r| r.size.w > r.size.h * 4.0)
        .expect("a horizontal zero line");
    let zero_y = zero.origin.y + zero.size.h / 2.0;
    let (up, down) = (cols[0].1, cols[1].1);
    assert!(
        close(up.bottom(), zero_y) && up.origin.y < zero_y,
        "{up:?} {zero:?}"
    );
    assert!(
        close(down.origin.y, zero_y) && down.bottom() > zero_y,
        "{down:?} {zero:?}"
    );
    let ratio = up.size.h.to_pt() / down.size.h.to_pt();
    assert!((ratio - 1.5).abs() < 0.01, "heights 3 : 2, got {ratio}");
}

#[test]
fn labels_read_in_order_with_one_number_of_decimals() {
    let built = build(
        r#"
[[sections.blocks]]
type = "chart"
chart = "column"
title = "Beds"
data = [{ label = "Acute", value = 33 }, { label = "Community", value = 48.2 }, { label = "Mental health", value = 12.75 }]
"#,
    );
    let text = common::normalise(&Pdf::parse(&built.pdf).text());
    let order = [
        "Beds",
        "33.00",
        "48.20",
        "12.75",
        "Acute",
        "Community",
        "Mental health",
    ];
    let mut from = 0;
    for label in order {
        let at = text[from..]
            .find(label)
            .unwrap_or_else(|| panic!("{label:?} missing after {from} in {text}"));
        from += at + label.len();
    }
    assert!(!text.contains(" 33 "), "{text}");
}

#[test]
fn a_line_far_from_zero_gets_a_fitted_axis_and_bars_of_the_same_data_do_not() {
    let data = r#"format = "percent"
data = [{ label = "Jan", value = 93.4 }, { label = "Feb", value = 95 }, { label = "Mar", value = 98 }]
"#;
    let line = build(&format!(
        "[[sections.blocks]]\ntype = \"chart\"\nchart = \"line\"\n{data}"
    ));
    let text = common::normalise(&Pdf::parse(&line.pdf).text());
    let words: Vec<&str> = text.split(' ').collect();
    assert!(
        !words.contains(&"0%"),
        "the line's axis does not start at zero: {text}"
    );
    assert!(
        words.contains(&"92%") || words.contains(&"90%"),
        "the axis starts near the data: {text}"
    );
    let bars = build(&format!(
        "[[sections.blocks]]\ntype = \"chart\"\nchart = \"column\"\n{data}"
    ));
    let text = common::normalise(&Pdf::parse(&bars.pdf).text());
    assert!(
        text.split(' ').any(|w| w == "0%"),
        "columns start at zero: {text}"
    );
}

#[test]
fn a_pies_percentages_add_up_and_its_alt_text_is_in_words() {
    let built = build(
        r#"
[[sections.blocks]]
type = "chart"
chart = "pie"
title = "spending"
data = [
  { label = "Staff", value = 1 },
  { label = "Buildings", value = 1 },
  { label = "Medicines", value = 1 },
  { label = "Claims", value = 0 },
]
"#,
    );
    let pdf = Pdf::parse(&built.pdf);
    let figure = pdf
        .structure()
        .walk()
        .into_iter()
        .find(|n| n.kind == "Figure")
        .cloned()
        .expect("a figure");
    assert_eq!(
        figure.alt.as_deref(),
        Some(
            "Pie chart of spending: Staff 34 per cent (1), Buildings 33 per cent (1), Medicines 33 per cent (1), Claims 0 per cent (0)."
        )
    );
    // The legend's percentages, in drawing order, add up to 100.
    let runs = pdf.all_runs();
    let percents: Vec<u32> = runs
        .iter()
        .flatten()
        .filter_map(|r| {
            r.text
                .split_whitespace()
                .next()?
                .strip_suffix('%')?
                .parse()
                .ok()
        })
        .collect();
    assert!(
        percents.contains(&34) && percents.contains(&0),
        "{percents:?}"
    );
    let text = common::normalise(&pdf.text());
    let legend = &text[text.find("Staff").expect("the legend")..];
    for (name, share) in [
        ("Staff", "34%"),
        ("Buildings", "33%"),
        ("Medicines", "33%"),
        ("Claims", "0%"),
    ] {
        let at = legend.find(name).expect(name);
        assert!(legend[at..].contains(share), "{name} {share} in {legend}");
    }
    // Three slices drawn (the zero slice has none), each a filled shape.
    let shapes = built
        .document
        .pages
        .iter()
        .flat_map(|p| &p.items)
        .filter(|i| matches!(i.kind, ItemKind::Shape { .. }))
        .count();
    assert_eq!(shapes, 3);
}

#[test]
fn a_target_beaten_is_shown_with_a_marker_at_100_per_cent() {
    let built = build(
        r#"
[[sections.blocks]]
type = "chart"
chart = "progress"
format = "percent"
data = [{ label = "Vaccinations", value = 120 }, { label = "Checks", value = 60 }]

[[sections.blocks]]
type = "chart"
chart = "ring"
format = "percent"
data = [{ label = "Recovery", value = 130 }]
"#,
    );
    let text = common::normalise(&Pdf::parse(&built.pdf).text());
    for s in ["Vaccinations", "120%", "60%", "100%", "Recovery", "130%"] {
        assert!(text.contains(s), "{s:?} in {text}");
    }
    // The bar of 120 fills its track, and the bar of 60 half of the 120 one.
    let bars = rects(&built.document, PRIMARY);
    let (full, half) = (bars[0].1.size.w.to_pt(), bars[1].1.size.w.to_pt());
    assert!((full / half - 2.0).abs() < 0.01, "{full} {half}");
}

#[test]
fn thirty_columns_and_long_labels_leave_no_text_overlapping_or_outside_the_chart() {
    let days: Vec<String> = (1..=30)
        .map(|d| {
            format!(
                "{{ label = \"{d} June\", value = {} }}",
                1000 + d * 137 % 900
            )
        })
        .collect();
    let long = "Community and mental health services commissioned from independent providers";
    for (page, body) in [
        ("", String::new()),
        ("[page]\nsize = \"A5\"\n", String::new()),
        ("[text]\nsize = 24\n", String::new()),
    ] {
        let source = format!(
            "{}{page}{}\n[[sections.blocks]]\ntype = \"chart\"\nchart = \"column\"\ndata = [{}]\n\n[[sections.blocks]]\ntype = \"chart\"\nchart = \"bar\"\ndata = [{{ label = \"{long}\", value = 4 }}, {{ label = \"Short\", value = -2 }}]\n\n[[sections.blocks]]\ntype = \"chart\"\nchart = \"grouped\"\nseries = [\"A very long series name that wraps\", \"B\", \"C\", \"D\", \"E\", \"F\"]\ndata = [{{ label = \"{long}\", values = [1, 2, 3, 4, 5, 6] }}]\n{body}",
            &HEAD[..HEAD.find("[contents]").unwrap()],
            &HEAD[HEAD.find("[contents]").unwrap()..],
            days.join(", ")
        );
        let built = common::build_source(&source);
        let defects: Vec<_> = geometry::check(&built.document)
            .into_iter()
            .filter(|d| d.check != Check::PageEndsInHeading)
            .collect();
        assert!(defects.is_empty(), "{page:?}: {defects:#?}");
    }
}

#[test]
fn series_colours_stay_apart_and_reach_3_to_1_for_two_to_eight_series() {
    let brands = [
        (PRIMARY, Color::rgb(0x41, 0xB6, 0xE6)),
        (Color::rgb(0x33, 0x00, 0x72), Color::rgb(0xAE, 0x25, 0x73)),
        (Color::rgb(0x00, 0x7F, 0x3B), Color::rgb(0xFF, 0xB8, 0x1C)),
        (Color::rgb(0xDA, 0x29, 0x1C), Color::rgb(0x42, 0x55, 0x63)),
    ];
    let grounds = [Color::WHITE, Color::rgb(0xE8, 0xED, 0xEE)];
    for (primary, accent) in brands {
        for n in 2..=8 {
            let s = palette::series(primary, accent, &grounds, n);
            assert_eq!(s.len(), n);
            for (i, a) in s.iter().enumerate() {
                for g in grounds {
                    assert!(a.contrast(g) >= 3.0, "{primary}: {a} on {g}");
                }
                for b in &s[..i] {
                    // OKLab distance × 100 for the reader who sees them closest (normal
                    // vision or a simulated dichromacy): 7 is well past a just noticeable
                    // difference (about 2) for marks as large as a bar.
                    let d = palette::distance(*a, *b);
                    assert!(
                        d >= 7.0,
                        "{primary}, {n} series: {a} and {b} are {d:.1} apart"
                    );
                }
            }
        }
    }
}

#[test]
fn a_grouped_chart_draws_every_series_in_a_colour_of_its_own() {
    let built = build(
        r#"
[[sections.blocks]]
type = "chart"
chart = "grouped"
series = ["A", "B", "C", "D", "E", "F", "G", "H"]
data = [{ label = "One", values = [1, 2, 3, 4, 5, 6, 7, 8] }]
"#,
    );
    let expected = palette::series(
        PRIMARY,
        Color::rgb(0x41, 0xB6, 0xE6),
        &[Color::WHITE, Color::rgb(0xE8, 0xED, 0xEE)],
        8,
    );
    let fills = Pdf::parse(&built.pdf).fill_colours();
    for c in &expected {
        assert!(fills.contains(&(c.r, c.g, c.b)), "{c} is drawn");
    }
    let mut unique = expected.clone();
    unique.dedup();
    assert_eq!(unique.len(), 8);
}

#[test]
fn every_chart_kind_is_a_figure_with_alt_text_and_validates() {
    let kinds = [
        ("bar", "value = 2", ""),
        ("column", "value = 2", ""),
        ("line", "value = 2", ""),
        ("grouped", "values = [1, 2]", "series = [\"a\", \"b\"]\n"),
        ("stacked", "values = [1, -2]", "series = [\"a\", \"b\"]\n"),
        (
            "stacked-column",
            "values = [1, 2]",
            "series = [\"a\", \"b\"]\n",
        ),
        ("pie", "value = 2", ""),
        ("donut", "value = 2", ""),
        ("progress", "value = 120", ""),
        ("ring", "value = 45", ""),
    ];
    let mut blocks = String::new();
    for (kind, value, series) in kinds {
        blocks.push_str(&format!(
            "\n[[sections.blocks]]\ntype = \"chart\"\nchart = \"{kind}\"\ntable = true\n{series}data = [{{ label = \"Only\", {value} }}]\n"
        ));
    }
    let built = build(&blocks);
    let pdf = Pdf::parse(&built.pdf);
    let figures: Vec<String> = pdf
        .structure()
        .walk()
        .into_iter()
        .filter(|n| n.kind == "Figure")
        .filter_map(|n| n.alt.clone())
        .collect();
    let starts = [
        "Bar chart",
        "Column chart",
        "Line chart",
        "Grouped bar chart",
        "Stacked bar chart",
        "Stacked column chart",
        "Pie chart",
        "Donut chart",
        "Progress chart",
        "Progress ring",
    ];
    assert_eq!(figures.len(), starts.len(), "{figures:?}");
    for (alt, start) in figures.iter().zip(starts) {
        assert!(alt.starts_with(start), "{alt}");
    }
    // Each chart's data table follows it.
    let tables = pdf
        .structure()
        .walk()
        .into_iter()
        .filter(|n| n.kind == "Table")
        .count();
    assert_eq!(tables, kinds.len());
    common::assert_ua1_and_a2a("every chart kind", &built.pdf);
}
