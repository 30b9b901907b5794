//! Charts, tables, quotes and images: read back from the PDF, and validated.

mod common;

use common::Pdf;
use folio::build::{Editions, compile_editions};

const BASE: &str = r#"[report]
title = "Rich"
organisation = "Test Trust"
period = "2024"
date = "2025-01-31"

[[sections]]
title = "Figures"
body = "Text before the components."
"#;

const CHART: &str = r#"
[[sections.blocks]]
type = "chart"
title = "Records enriched"
format = "compact"
data = [
  { label = "Summary Care Records", value = 55000000 },
  { label = "Isolation notes", value = 1500000 },
]
"#;

fn rich(extra: &str) -> folio::build::Built {
    common::build_in(
        &format!("{BASE}{extra}"),
        &common::root().join("tests/data"),
    )
}

#[test]
fn a_chart_has_real_text_labels_and_generated_alt_text() {
    let built = rich(CHART);
    let pdf = Pdf::parse(&built.pdf);
    let text = common::normalise(&pdf.text());
    for label in [
        "Records enriched",
        "Summary Care Records",
        "Isolation notes",
        // The same decimals on every value label of a chart.
        "55.0m",
        "1.5m",
        "0",
        "20m",
        "60m",
    ] {
        assert!(text.contains(label), "{label:?} missing from {text}");
    }
    let figure = pdf
        .structure()
        .walk()
        .into_iter()
        .find(|n| n.kind == "Figure")
        .cloned()
        .expect("figure");
    assert_eq!(
        figure.alt.as_deref(),
        Some(
            "Bar chart of Records enriched: Summary Care Records 55 million, Isolation notes 1.5 million."
        )
    );
}

#[test]
fn chart_axis_steps_are_nice_numbers() {
    // 55m over about four intervals: steps of 20m, axis to 60m (asserted through the text above).
    let built = rich(CHART);
    let text = common::normalise(&Pdf::parse(&built.pdf).text());
    assert!(text.contains("40m") && !text.contains("80m"), "{text}");
}

fn long_table() -> String {
    let mut rows = String::new();
    for i in 1..=70 {
        rows.push_str(&format!("  [\"Row {i}\", {}.5, {}],\n", i * 1000, i));
    }
    format!(
        "\n[[sections.blocks]]\ntype = \"table\"\ntitle = \"A long table\"\ncolumns = [\"Service\", \"Spend\", \"Count\"]\nrows = [\n{rows}]\n"
    )
}

#[test]
fn table_headers_are_th_and_repeat_after_a_page_break() {
    let built = rich(&long_table());
    let pdf = Pdf::parse(&built.pdf);
    let tree = pdf.structure();
    let table = tree
        .walk()
        .into_iter()
        .find(|n| n.kind == "Table")
        .cloned()
        .expect("table");
    let kinds: Vec<&str> = table.nodes().iter().map(|n| n.kind.as_str()).collect();
    assert_eq!(kinds, vec!["Caption", "THead", "TBody"]);
    let runs = pdf.all_runs();
    let head = &table.nodes()[1];
    let ths: Vec<String> = head.nodes()[0]
        .nodes()
        .iter()
        .map(|th| {
            assert_eq!(th.kind, "TH");
            th.text(&runs)
        })
        .collect();
    assert_eq!(ths, vec!["Service", "Spend", "Count"]);
    assert_eq!(table.nodes()[2].nodes().len(), 70, "every row is a TR");
    // Pages the table continues on start with its heading row again, as an artifact.
    let pages_with_rows: Vec<usize> = (0..pdf.pages.len())
        .filter(|&i| pdf.runs(i).iter().any(|r| r.text.starts_with("Row ")))
        .collect();
    assert!(pages_with_rows.len() >= 2, "the table breaks across pages");
    for &i in &pages_with_rows[1..] {
        let runs = pdf.runs(i);
        let first_service = runs
            .iter()
            .find(|r| r.text == "Service")
            .expect("repeated heading");
        assert!(
            first_service.artifact,
            "the repeated heading is an artifact"
        );
    }
}

/// Where a figure's decimal mark falls (or, for a whole number, where one would): the run's
/// start plus the advance of the glyphs before the mark.
fn decimal_x(item: &folio::frame::Item) -> f64 {
    let folio::frame::ItemKind::Text(t) = &item.kind else {
        panic!("a text item");
    };
    let mark = t.text.find('.').unwrap_or(t.text.trim_end().len());
    let before: f64 = t
        .glyphs
        .iter()
        .filter(|g| g.range().start < mark)
        .map(|g| g.advance_at(t.size).to_pt())
        .sum();
    item.pos.x.to_pt() + before
}

#[test]
fn numbers_in_a_table_align_on_their_decimal_point() {
    // Whole numbers, one and two decimals, and a negative (with a minus sign): every decimal mark (and
    // the place one would be) lines up in the column, so units sit under units.
    let table = "\n[[sections.blocks]]\ntype = \"table\"\ncolumns = [\"Item\", \"Amount\"]\nrows = [\n  [\"a\", 12],\n  [\"b\", 1234.5],\n  [\"c\", 7.25],\n  [\"d\", -3.25],\n  [\"e\", 100000],\n]\n";
    let built = rich(table);
    let figures = ["12", "1,234.5", "7.25", "\u{2212}3.25", "100,000"];
    let items: Vec<&folio::frame::Item> = figures
        .iter()
        .map(|f| {
            built
                .document
                .pages
                .iter()
                .flat_map(|p| &p.items)
                .find(|i| matches!(&i.kind, folio::frame::ItemKind::Text(t) if t.text.trim() == *f))
                .unwrap_or_else(|| panic!("no cell {f:?}"))
        })
        .collect();
    let marks: Vec<f64> = items.iter().map(|i| decimal_x(i)).collect();
    for (f, x) in figures.iter().zip(&marks) {
        assert!(
            (x - marks[0]).abs() < 0.01,
            "{f} has its decimal mark at {x}, not {}",
            marks[0]
        );
    }
    // And the PDF draws them where the frame says: the longest figure starts furthest left.
    let pdf = Pdf::parse(&built.pdf);
    let runs: Vec<_> = (0..pdf.pages.len()).flat_map(|i| pdf.runs(i)).collect();
    let x = |t: &str| runs.iter().find(|r| r.text == t).map(|r| r.x).unwrap();
    assert!(x("1,234.5") < x("7.25") && x("100,000") < x("12"));
}

#[test]
fn an_image_has_its_caption_alt_text_and_the_same_resolution_in_both_editions() {
    let image = "\n[[sections.blocks]]\ntype = \"image\"\nfile = \"photo-cmyk.jpg\"\nwidth = 0.5\nalt = \"A test pattern\"\ncaption = \"A chequered test pattern.\"\ncredit = \"Test Trust\"\n";
    let source = format!("{BASE}{image}");
    let editions = Editions {
        reader: true,
        print: Some(true),
        web: false,
    };
    let built = compile_editions(
        &source,
        &common::root().join("tests/data"),
        editions,
        "x.pdf",
    )
    .expect("builds");
    let reader = Pdf::parse(&built.pdf);
    let fig = reader
        .structure()
        .walk()
        .into_iter()
        .find(|n| n.kind == "Figure")
        .cloned()
        .unwrap();
    assert_eq!(fig.alt.as_deref(), Some("A test pattern"));
    assert!(
        common::normalise(&reader.text()).contains("A chequered test pattern. Credit: Test Trust")
    );
    // 900 pixels across half of a 481.9 pt column: 900 / (240.9 / 72) ≈ 269 dpi, in both.
    let dpi = |bytes: &[u8]| -> String {
        folio::preflight::file::check(bytes, 320.0)
            .unwrap()
            .into_iter()
            .map(|f| f.message)
            .find(|m| m.contains(" dpi "))
            .unwrap_or_default()
    };
    let (r, p) = (dpi(&built.pdf), dpi(built.print.as_ref().unwrap()));
    assert!(r.contains(" is 269 dpi at its placed size"), "{r}");
    assert!(p.contains(" is 269 dpi at its placed size"), "{p}");
}

#[test]
fn charts_tables_quotes_and_images_validate_for_pdf_ua_and_pdf_a() {
    let image = "\n[[sections.blocks]]\ntype = \"image\"\nfile = \"logo.png\"\nalt = \"Logo\"\ncaption = \"Our logo.\"\n";
    let quote = "\n[[sections.blocks]]\ntype = \"quote\"\ntext = \"A quote.\"\nby = \"Someone\"\n";
    let boxed = "\n[[sections.blocks]]\ntype = \"box\"\ntitle = \"Case study\"\ntext = \"A **box** with a list:\\n\\n- one\\n- two\"\n";
    let progress = "\n[[sections.blocks]]\ntype = \"chart\"\nchart = \"progress\"\nformat = \"percent\"\ndata = [{ label = \"GP practices\", value = 99 }, { label = \"Trusts\", value = 77 }]\ntable = true\n";
    let built = rich(&format!(
        "{CHART}{progress}{quote}{boxed}{image}{}",
        long_table()
    ));
    common::assert_ua1_and_a2a("rich content", &built.pdf);
}

#[test]
fn column_and_line_charts_draw_their_labels_values_and_axis() {
    let charts = r#"
[[sections.blocks]]
type = "chart"
chart = "column"
title = "Users by quarter"
format = "compact"
data = [{ label = "Q1", value = 1200000 }, { label = "Q4", value = 7200000 }]

[[sections.blocks]]
type = "chart"
chart = "line"
title = "Monthly logins"
data = [{ label = "Jan", value = 1200 }, { label = "Feb", value = 1800 }, { label = "Mar", value = 4300 }]
"#;
    let built = rich(charts);
    let pdf = Pdf::parse(&built.pdf);
    let text = common::normalise(&pdf.text());
    for s in [
        "Users by quarter",
        "Q1",
        "Q4",
        "1.2m",
        "7.2m",
        "8m",
        "Monthly logins",
        "Jan",
        "Mar",
        "4,300",
        "6,000",
    ] {
        assert!(text.contains(s), "{s:?} missing from {text}");
    }
    let alts: Vec<String> = pdf
        .structure()
        .walk()
        .into_iter()
        .filter(|n| n.kind == "Figure")
        .filter_map(|n| n.alt.clone())
        .collect();
    assert_eq!(
        alts,
        vec![
            "Column chart of Users by quarter: Q1 1.2 million, Q4 7.2 million.".to_string(),
            "Line chart of Monthly logins: Jan 1,200, Feb 1,800, Mar 4,300.".into()
        ]
    );
    let line = built
        .document
        .pages
        .iter()
        .flat_map(|p| &p.items)
        .find_map(|i| match &i.kind {
            folio::frame::ItemKind::Line { points, .. } => Some(points.len()),
            _ => None,
        });
    assert_eq!(line, Some(3), "one line through the three values");
    common::assert_ua1_and_a2a("rich content", &built.pdf);
}

#[test]
fn two_column_body_text_fills_left_then_right_and_balances() {
    let para = "Staff used new tools to keep care going while buildings were closed, and people reached services from home. ";
    let body: Vec<String> = (0..8).map(|i| para.repeat(1 + i % 3)).collect();
    let source = format!(
        "{}[[sections]]\ntitle = \"Columns\"\ncolumns = 2\nbody = \"\"\"\n{}\n\"\"\"\n",
        BASE.split("[[sections]]").next().unwrap(),
        body.join("\n\n")
    );
    let built = common::build_in(&source, &common::root().join("tests/data"));
    let page = built
        .document
        .pages
        .iter()
        .find(|p| p.items.iter().any(|i| matches!(&i.kind, folio::frame::ItemKind::Text(t) if t.text.starts_with("Staff"))))
        .expect("a page of column text");
    let body_runs: Vec<(f64, f64)> = page
        .items
        .iter()
        .filter_map(|i| match &i.kind {
            folio::frame::ItemKind::Text(t) if (t.size.to_pt() - 10.5).abs() < 0.01 => {
                Some((i.pos.x.to_pt(), i.pos.y.to_pt()))
            }
            _ => None,
        })
        .collect();
    let left: Vec<_> = body_runs.iter().filter(|(x, _)| *x < 250.0).collect();
    let right: Vec<_> = body_runs.iter().filter(|(x, _)| *x > 290.0).collect();
    assert!(
        !left.is_empty() && !right.is_empty(),
        "both columns hold text"
    );
    assert_eq!(
        left.len() + right.len(),
        body_runs.len(),
        "nothing in the gutter"
    );
    let bottom = |c: &Vec<&(f64, f64)>| c.iter().map(|(_, y)| *y).fold(0.0f64, f64::max);
    assert!(
        (bottom(&left) - bottom(&right)).abs() <= 2.0 * 14.7 + 0.5,
        "the columns end level"
    );
    // Every sentence is there once: nothing lost or repeated at the column break.
    let text = common::normalise(&Pdf::parse(&built.pdf).text());
    assert_eq!(text.matches("Staff used new tools").count(), 15);
}

#[test]
fn a_grouped_bar_chart_has_a_legend_every_value_and_a_summary() {
    let chart = r#"
[[sections.blocks]]
type = "chart"
chart = "grouped"
title = "Video consultations"
format = "percent"
series = ["March", "December"]
data = [
  { label = "GP practices", values = [40, 99] },
  { label = "Trusts", values = [10, 77] },
]
table = true
"#;
    let built = rich(chart);
    let pdf = Pdf::parse(&built.pdf);
    let text = common::normalise(&pdf.text());
    for s in [
        "March",
        "December",
        "GP practices",
        "40%",
        "99%",
        "10%",
        "77%",
    ] {
        assert!(text.contains(s), "{s:?} missing from {text}");
    }
    let tree = pdf.structure();
    let alt = tree
        .walk()
        .into_iter()
        .find(|n| n.kind == "Figure")
        .and_then(|f| f.alt.clone());
    assert_eq!(
        alt.as_deref(),
        Some(
            "Grouped bar chart of Video consultations, by March and December: GP practices: March 40 per cent, December 99 per cent; Trusts: March 10 per cent, December 77 per cent."
        )
    );
    let runs = pdf.all_runs();
    let headers: Vec<String> = tree
        .walk()
        .into_iter()
        .filter(|n| n.kind == "TH")
        .map(|n| n.text(&runs))
        .collect();
    // The corner over the labels is an empty cell, not a blank column header (which a
    // screen reader would announce as "blank").
    assert_eq!(
        headers,
        vec!["March", "December"],
        "the data table after the chart"
    );
    let head_cells: Vec<String> = tree
        .walk()
        .into_iter()
        .filter(|n| n.kind == "THead")
        .flat_map(|h| h.walk())
        .filter(|n| n.kind == "TD")
        .map(|n| n.text(&runs))
        .collect();
    assert_eq!(head_cells, vec![""], "the empty corner is a TD");
    common::assert_ua1_and_a2a("rich content", &built.pdf);
}

#[test]
fn a_grouped_chart_without_series_is_an_error() {
    let source = format!(
        "{BASE}\n[[sections.blocks]]\ntype = \"chart\"\nchart = \"grouped\"\ndata = [{{ label = \"A\", values = [1, 2] }}]\n"
    );
    let Err(folio::build::Failure::Report(d)) = folio::build::compile(&source, &common::root())
    else {
        panic!("refused")
    };
    assert_eq!(
        d[0].message,
        "a grouped chart needs `series` (two or more names) and `values` with one number per series"
    );
}

#[test]
fn a_page_width_image_runs_edge_to_edge() {
    let image = "\n[[sections.blocks]]\ntype = \"image\"\nfile = \"photo-cmyk.jpg\"\nwidth = \"page\"\nalt = \"A test pattern\"\n";
    let built = rich(image);
    let (pos, size, page_w) = built
        .document
        .pages
        .iter()
        .find_map(|p| {
            p.items.iter().find_map(|i| match &i.kind {
                folio::frame::ItemKind::Image { size, .. } => Some((i.pos, *size, p.size.w)),
                _ => None,
            })
        })
        .expect("the image is placed");
    assert_eq!(pos.x.to_pt(), 0.0);
    assert!((size.w.to_pt() - page_w.to_pt()).abs() < 1e-6);
}
