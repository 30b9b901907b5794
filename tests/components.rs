//! The components of an annual report beyond text, read back from the PDF and the frame:
//! year-on-year figures (said in words, read in their spoken form), icons on cards
//! (decoration in the brand colour, "did you mean" for a misspelt name), figures shown
//! once, forewords, timelines, the contrast of every text on its ground, and the web
//! edition's markup for each.

mod common;

use common::{Pdf, SNode, geometry};
use folio::build::{Failure, compile};
use folio::frame::{Artifact, ItemKind, Tag};
use std::path::PathBuf;

fn base() -> PathBuf {
    common::root().join("tests/layout")
}

const REPORT: &str = r#"[report]
title = "Components"
organisation = "Test Trust"
period = "2020"
date = "2021-01-31"
"#;

fn build(extra: &str) -> (String, folio::build::Built) {
    let source = format!("{REPORT}{extra}");
    let built = common::build_in(&source, &base());
    (source, built)
}

fn refused(extra: &str) -> (String, Vec<folio::diag::Diagnostic>) {
    let source = format!("{REPORT}{extra}");
    match compile(&source, &base()) {
        Err(Failure::Report(d)) => (source, d),
        Ok(_) => panic!("builds, but should not:\n{extra}"),
        Err(e) => panic!("{e:?}"),
    }
}

/// Line and column (1-based) of the value after `key = ` on the line that starts with it.
fn at(source: &str, line_start: &str) -> Option<(usize, usize)> {
    let (n, line) = source
        .lines()
        .enumerate()
        .find(|(_, l)| l.starts_with(line_start))?;
    Some((n + 1, line.find(" = ")? + 4))
}

fn text(built: &folio::build::Built) -> String {
    common::normalise(&Pdf::parse(&built.pdf).text())
}

fn nodes<'a>(s: &'a SNode, kind: &str) -> Vec<&'a SNode> {
    s.walk().into_iter().filter(|n| n.kind == kind).collect()
}

// Year-on-year figures.

#[test]
fn a_change_from_the_previous_figure_is_said_in_words_and_read_in_its_spoken_form() {
    let (_, built) = build(
        "[[sections]]\ntitle = \"One\"\n\n[[sections.metrics]]\nnumber = 1680000\nprevious = 1500000\nlabel = \"people used the app\"\n",
    );
    assert!(text(&built).contains("up 12% on 2019"), "{}", text(&built));
    let pdf = Pdf::parse(&built.pdf);
    let s = pdf.structure();
    let spoken: Vec<_> = nodes(&s, "P")
        .into_iter()
        .filter_map(|n| n.alt.clone())
        .collect();
    assert!(
        spoken.contains(&"up 12 per cent on 2019".to_string()),
        "{spoken:?}"
    );
    // The marker is decoration: no figure is made of it.
    assert!(nodes(&s, "Figure").is_empty());
    let marker = built
        .document
        .pages
        .iter()
        .flat_map(|p| &p.items)
        .find(|i| matches!(&i.kind, ItemKind::Image { image, .. } if image.name == "icon trending-up"))
        .expect("the marker is drawn");
    assert_eq!(marker.tag, Tag::Artifact(Artifact::Decoration));
}

#[test]
fn a_percentage_compared_with_a_percentage_changes_by_points_and_a_fall_says_down() {
    let (_, built) = build(
        "[[sections]]\ntitle = \"One\"\n\n[[sections.metrics]]\nvalue = \"8.1%\"\nprevious = 9.4\nlabel = \"readmitted\"\n\n[[sections.metrics]]\nvalue = \"£2.1m\"\nprevious = 2500000\nlabel = \"spent\"\n",
    );
    let t = text(&built);
    assert!(t.contains("down 1.3 percentage points on 2019"), "{t}");
    assert!(t.contains("down 16% on 2019"), "{t}");
}

#[test]
fn the_period_compared_with_follows_the_report_and_can_be_set_per_figure() {
    let (_, built) = build(
        "previous_period = \"the year before\"\n\n[[sections]]\ntitle = \"One\"\n\n[[sections.metrics]]\nvalue = \"110\"\nprevious = 100\nlabel = \"a\"\n\n[[sections.metrics]]\nvalue = \"90\"\nprevious = 100\ncompared_with = \"March 2020\"\nlabel = \"b\"\n\n[[sections.metrics]]\nvalue = \"5\"\nchange = \"+3 points\"\nlabel = \"c\"\n",
    );
    let t = text(&built);
    assert!(t.contains("up 10% on the year before"), "{t}");
    assert!(t.contains("down 10% on March 2020"), "{t}");
    assert!(
        t.contains("up 3 percentage points on the year before"),
        "{t}"
    );
}

#[test]
fn a_change_without_a_sign_or_a_figure_that_is_not_a_number_is_an_error_at_its_key() {
    let extra = "[[sections]]\ntitle = \"One\"\n\n[[sections.metrics]]\nvalue = \"5\"\nlabel = \"x\"\nchange = \"12%\"\n\n[[sections.metrics]]\nvalue = \"Two thirds\"\nlabel = \"y\"\nprevious = 0.5\n";
    let (source, errors) = refused(extra);
    assert_eq!(
        errors[0].message,
        "`change`: `12%` does not say which way: write +12% or -12%"
    );
    assert_eq!(errors[0].line_col(&source), at(&source, "change = "));
    assert_eq!(
        errors[1].message,
        "`previous` needs a figure folio can read as a number, and `Two thirds` is not one"
    );
    assert_eq!(errors[1].line_col(&source), at(&source, "previous = "));
}

// Icons.

#[test]
fn a_misspelt_icon_gets_did_you_mean_and_the_list_of_icons() {
    let (source, errors) = refused(
        "[[sections]]\ntitle = \"One\"\n\n[[sections.metrics]]\nvalue = \"5\"\nlabel = \"x\"\nicon = \"laptp\"\n",
    );
    assert_eq!(errors[0].message, "`icon` cannot be `laptp`");
    assert_eq!(errors[0].label.as_deref(), Some("did you mean `laptop`?"));
    assert_eq!(errors[0].line_col(&source), at(&source, "icon = "));
    let help = errors[0].help.as_deref().unwrap_or_default();
    assert!(
        help.contains("\"laptop\"") && help.contains("\"hospital\""),
        "{help}"
    );
}

#[test]
fn an_icon_is_decoration_in_the_brand_colour_and_every_card_of_its_grid_makes_room() {
    let (_, built) = build(
        "[brand.colours]\nprimary = \"#006D77\"\n\n[[sections]]\ntitle = \"One\"\n\n[[sections.metrics]]\nvalue = \"5\"\nlabel = \"laptops\"\nicon = \"laptop\"\n\n[[sections.metrics]]\nvalue = \"6\"\nlabel = \"no icon\"\n",
    );
    let doc = &built.document;
    let icon = doc
        .pages
        .iter()
        .flat_map(|p| &p.items)
        .find(|i| matches!(&i.kind, ItemKind::Image { image, .. } if image.name == "icon laptop"))
        .expect("the icon is drawn");
    assert_eq!(icon.tag, Tag::Artifact(Artifact::Decoration));
    assert!(
        doc.colours()
            .contains(&folio::geom::Color::rgb(0x00, 0x6D, 0x77))
    );
    assert!(nodes(&Pdf::parse(&built.pdf).structure(), "Figure").is_empty());
    // The figures of a row stay level whether or not their card has an icon.
    let figures: Vec<f64> = doc
        .pages
        .iter()
        .flat_map(|p| &p.items)
        .filter_map(|i| match &i.kind {
            ItemKind::Text(t) if t.text == "5" || t.text == "6" => Some(i.pos.y.to_pt()),
            _ => None,
        })
        .collect();
    assert_eq!(figures.len(), 2);
    assert!((figures[0] - figures[1]).abs() < 0.01, "{figures:?}");
}

// Figures once.

#[test]
fn each_figure_appears_where_show_says_and_once_unless_both() {
    let (_, built) = build(
        "[numbers]\ntitle = \"2020 in numbers\"\n\n[[sections]]\ntitle = \"One\"\n\n[[sections.metrics]]\nvalue = \"111\"\nlabel = \"only on the numbers page\"\nshow = \"numbers\"\n\n[[sections.metrics]]\nvalue = \"222\"\nlabel = \"only in its section\"\nshow = \"section\"\n\n[[sections.metrics]]\nvalue = \"333\"\nlabel = \"in both\"\nshow = \"both\"\n\n[[sections.metrics]]\nvalue = \"444\"\nlabel = \"highlighted\"\nhighlight = true\n",
    );
    let pdf = Pdf::parse(&built.pdf);
    let pages: Vec<String> = (0..pdf.pages.len())
        .map(|i| common::join_runs(&pdf.runs(i)))
        .collect();
    let numbers = pages
        .iter()
        .position(|p| p.contains("2020 in numbers") && !p.contains("Contents"))
        .expect("the numbers page");
    let on = |value: &str| -> Vec<usize> {
        (0..pages.len())
            .filter(|&i| pages[i].lines().any(|l| l.trim() == value))
            .collect()
    };
    let section = on("222")[0];
    assert_ne!(section, numbers);
    assert_eq!(on("111"), [numbers]);
    assert_eq!(on("222"), [section]);
    assert_eq!(on("333"), [numbers, section]);
    assert_eq!(on("444"), [numbers, section]);
}

#[test]
fn a_figure_for_the_numbers_page_without_one_stays_in_its_section_and_says_so() {
    let (source, built) = build(
        "[[sections]]\ntitle = \"One\"\n\n[[sections.metrics]]\nvalue = \"111\"\nlabel = \"x\"\nshow = \"numbers\"\n",
    );
    let w = built
        .warnings
        .iter()
        .find(|w| {
            w.message.starts_with(
                "this figure is to be shown on the year-in-numbers page, but the report has none",
            )
        })
        .expect("a warning");
    assert_eq!(w.line_col(&source), at(&source, "show = "));
    assert!(text(&built).contains("111"));
}

#[test]
fn highlight_with_a_contrary_show_is_an_error() {
    let (_, errors) = refused(
        "[numbers]\ntitle = \"N\"\n\n[[sections]]\ntitle = \"One\"\n\n[[sections.metrics]]\nvalue = \"1\"\nlabel = \"x\"\nhighlight = true\nshow = \"section\"\n",
    );
    assert_eq!(
        errors[0].message,
        "`highlight = true` shows the figure in both places, but `show` says otherwise"
    );
}

// Forewords.

const MESSAGE: &str = "When I became chair, I said that the best measure of this trust would be how few people needed to go to hospital for care we could give them at home.";

fn foreword(paragraphs: usize, page: &str) -> String {
    let text = vec![MESSAGE; paragraphs].join("\n\n");
    format!(
        "[page]\n{page}\n\n[[sections]]\ntitle = \"A message from our chair\"\n\n[[sections.blocks]]\ntype = \"foreword\"\nname = \"Dr Amara Okafor\"\nrole = \"Chair\"\nportrait = \"images/portrait.jpg\"\nportrait_alt = \"Amara Okafor in the garden\"\nsignature = \"images/signature.svg\"\ntext = \"\"\"\n{text}\n\"\"\"\n"
    )
}

#[test]
fn a_foreword_reads_portrait_name_role_then_the_message() {
    let (_, built) = build(&foreword(2, "size = \"A4\""));
    let pdf = Pdf::parse(&built.pdf);
    let runs = pdf.all_runs();
    let s = pdf.structure();
    let div = s
        .walk()
        .into_iter()
        .find(|n| n.kind == "Div" && n.nodes().first().is_some_and(|c| c.kind == "Figure"))
        .expect("the foreword's element, opening with the portrait");
    let kids = div.nodes();
    assert_eq!(kids[0].alt.as_deref(), Some("Amara Okafor in the garden"));
    let said: Vec<String> = kids[1..]
        .iter()
        .map(|n| common::normalise(&n.text(&runs)))
        .collect();
    assert_eq!(said[0], "Dr Amara Okafor");
    assert_eq!(said[1], "Chair");
    assert_eq!(said[2], MESSAGE);
    assert_eq!(said.len(), 4, "{said:?}");
    // The signature is decoration: the portrait is the only figure.
    assert_eq!(nodes(&s, "Figure").len(), 1);
}

/// The foreword's page (0-based) and left edge of each line of its message.
fn message_lines(built: &folio::build::Built) -> Vec<(usize, f64, f64)> {
    built
        .document
        .pages
        .iter()
        .enumerate()
        .flat_map(|(p, page)| {
            page.items.iter().filter_map(move |i| match &i.kind {
                ItemKind::Text(t)
                    if page.number.is_some()
                        && t.size.to_pt() < 11.0
                        && !matches!(i.tag, Tag::Artifact(_)) =>
                {
                    Some((p, i.pos.x.to_pt(), i.pos.y.to_pt()))
                }
                _ => None,
            })
        })
        .collect()
}

#[test]
fn the_message_stands_beside_the_portrait_and_continues_on_the_next_page_by_lines() {
    let (_, built) = build(&foreword(14, "size = \"A4\""));
    let doc = &built.document;
    let portrait = doc
        .pages
        .iter()
        .enumerate()
        .find_map(|(p, page)| {
            page.items.iter().find_map(|i| match &i.kind {
                ItemKind::Image { image, .. } if image.name == "images/portrait.jpg" => {
                    Some((p, i.bounds()))
                }
                _ => None,
            })
        })
        .expect("the portrait");
    let lines = message_lines(&built);
    // Name and role sit under the portrait; the message beside it, in one column.
    let column = lines.iter().map(|l| l.1).fold(f64::MIN, f64::max);
    assert!(
        column > portrait.1.right().to_pt(),
        "the message is beside the portrait"
    );
    let message: Vec<_> = lines
        .iter()
        .filter(|l| (l.1 - column).abs() < 0.5)
        .collect();
    let pages: std::collections::BTreeSet<usize> = message.iter().map(|l| l.0).collect();
    assert!(
        pages.len() >= 2,
        "a long message continues on the next page"
    );
    assert_eq!(*pages.first().unwrap(), portrait.0);
    // At least two lines carried over: no widow.
    let last = *pages.last().unwrap();
    assert!(message.iter().filter(|l| l.0 == last).count() >= 2);
    let defects = geometry::check(doc);
    assert!(defects.is_empty(), "{defects:?}");
}

#[test]
fn on_a_narrow_page_the_portrait_stands_above_the_message() {
    let (_, built) = build(&foreword(2, "size = \"A5\"\n\n[text]\nsize = 16"));
    let doc = &built.document;
    let (page, portrait) = doc
        .pages
        .iter()
        .enumerate()
        .find_map(|(p, page)| {
            page.items.iter().find_map(|i| match &i.kind {
                ItemKind::Image { image, .. } if image.name == "images/portrait.jpg" => {
                    Some((p, i.bounds()))
                }
                _ => None,
            })
        })
        .expect("the portrait");
    let first = doc.pages[page]
        .items
        .iter()
        .find(|i| matches!(&i.kind, ItemKind::Text(t) if t.text.starts_with("When")))
        .expect("the message's first line");
    assert!(
        first.pos.y > portrait.bottom(),
        "the message starts below the portrait"
    );
    assert!((first.pos.x - doc.pages[page].area.origin.x).to_pt().abs() < 0.5);
    assert!(geometry::check(doc).is_empty());
}

// Timelines.

fn milestones(n: usize, words: &str) -> String {
    (0..n)
        .map(|i| {
            format!(
                "  {{ date = \"Month {}\", title = \"Milestone {}\", text = \"{words}\" }},\n",
                i + 1,
                i + 1
            )
        })
        .collect()
}

#[test]
fn a_timeline_is_a_list_whose_labels_are_its_dates() {
    for layout in ["vertical", "horizontal"] {
        let (_, built) = build(&format!(
            "[[sections]]\ntitle = \"Our year\"\n\n[[sections.blocks]]\ntype = \"timeline\"\nlayout = \"{layout}\"\nmilestones = [\n{}]\n",
            milestones(4, "What happened.")
        ));
        let pdf = Pdf::parse(&built.pdf);
        let runs = pdf.all_runs();
        let s = pdf.structure();
        let list = nodes(&s, "L")
            .into_iter()
            .find(|l| l.nodes().len() == 4)
            .expect("a list of four items");
        for (i, li) in list.nodes().iter().enumerate() {
            assert_eq!(li.kind, "LI");
            let kids = li.nodes();
            assert_eq!(kids[0].kind, "Lbl");
            assert_eq!(
                common::normalise(&kids[0].text(&runs)),
                format!("Month {}", i + 1)
            );
            assert_eq!(kids[1].kind, "LBody");
            // Title and text are two paragraphs, their text joined as read.
            assert_eq!(
                common::normalise(&kids[1].text(&runs)),
                format!("Milestone {}What happened.", i + 1)
            );
        }
        // The dots and the rail are decoration.
        assert!(nodes(&s, "Figure").is_empty(), "{layout}");
    }
}

/// The y of every timeline dot on each page.
fn dots(doc: &folio::frame::Document) -> Vec<(usize, f64, f64)> {
    doc.pages
        .iter()
        .enumerate()
        .flat_map(|(p, page)| {
            page.items.iter().filter_map(move |i| match &i.kind {
                ItemKind::Image { image, .. } if image.name == "timeline dot" => {
                    Some((p, i.pos.x.to_pt(), i.pos.y.to_pt()))
                }
                _ => None,
            })
        })
        .collect()
}

#[test]
fn a_long_timeline_splits_between_milestones_never_inside_one() {
    let (_, built) = build(&format!(
        "[[sections]]\ntitle = \"Our year\"\n\n[[sections.blocks]]\ntype = \"timeline\"\nmilestones = [\n{}]\n",
        milestones(
            40,
            "Something happened that took a sentence or two to say, and this is it."
        )
    ));
    let pdf = Pdf::parse(&built.pdf);
    let s = pdf.structure();
    let list = nodes(&s, "L")
        .into_iter()
        .find(|l| l.nodes().len() == 40)
        .expect("the timeline");
    let mut pages = std::collections::BTreeSet::new();
    for li in list.nodes() {
        let on: std::collections::BTreeSet<usize> = li
            .walk()
            .iter()
            .flat_map(|n| &n.children)
            .filter_map(|c| match c {
                common::SChild::Content(p, _) => Some(*p),
                _ => None,
            })
            .collect();
        assert_eq!(on.len(), 1, "a milestone is split over pages {on:?}");
        pages.extend(on);
    }
    assert!(pages.len() >= 2);
    assert_eq!(dots(&built.document).len(), 40);
    assert!(geometry::check(&built.document).is_empty());
}

#[test]
fn a_short_timeline_goes_across_the_page_and_too_many_across_go_down_it() {
    let (_, built) = build(&format!(
        "[[sections]]\ntitle = \"Next year\"\n\n[[sections.blocks]]\ntype = \"timeline\"\nmilestones = [\n{}]\n",
        milestones(4, "Short.")
    ));
    let d = dots(&built.document);
    assert!(
        d.iter().all(|p| (p.2 - d[0].2).abs() < 0.01),
        "across: {d:?}"
    );
    let (source, built) = build(&format!(
        "[[sections]]\ntitle = \"Next year\"\n\n[[sections.blocks]]\ntype = \"timeline\"\nlayout = \"horizontal\"\nmilestones = [\n{}]\n",
        milestones(8, "Short.")
    ));
    let d = dots(&built.document);
    assert!(d.iter().all(|p| (p.1 - d[0].1).abs() < 0.01), "down: {d:?}");
    let w = built
        .warnings
        .iter()
        .find(|w| {
            w.message
                .starts_with("a timeline of 8 milestones is too many to set across the page")
        })
        .expect("a warning");
    assert_eq!(w.line_col(&source), at(&source, "layout = "));
}

// Contrast.

#[test]
fn every_text_reads_at_aa_on_its_ground_even_with_a_light_brand_colour() {
    let (_, built) = build(&format!(
        "[brand.colours]\nprimary = \"#41B6E6\"\ntint = \"#D8EEF5\"\n\n[numbers]\ntitle = \"In numbers\"\n\n[back]\ntext = \"Visit [our website](https://example.org) for more.\"\n\n{}\n[[sections.metrics]]\nvalue = \"12\"\nlabel = \"things\"\nchange = \"+3%\"\nicon = \"star\"\nshow = \"both\"\n\n[[sections.blocks]]\ntype = \"box\"\ntitle = \"A box\"\ntext = \"With a [link](https://example.org).\"\n\n[[sections.blocks]]\ntype = \"table\"\ncolumns = [\"A\", \"B\"]\nrows = [[\"x\", 1]]\n\n[[sections.blocks]]\ntype = \"timeline\"\nmilestones = [\n{}]\n",
        foreword(1, "size = \"A4\""),
        milestones(3, "Short.")
    ));
    let defects: Vec<_> = geometry::check(&built.document)
        .into_iter()
        .filter(|d| d.check == geometry::Check::TextOnItsBackground)
        .collect();
    assert!(defects.is_empty(), "{defects:#?}");
}

#[test]
fn a_link_on_the_back_cover_takes_the_fields_text_colour_and_is_underlined() {
    let (_, built) = build(
        "[back]\ntext = \"Visit [our website](https://example.org).\"\n\n[[sections]]\ntitle = \"One\"\n",
    );
    let back = built.document.pages.last().expect("the back cover");
    let (k, link) = back
        .items
        .iter()
        .enumerate()
        .find_map(|(k, i)| match &i.kind {
            ItemKind::Text(t) if t.text.contains("our website") => Some((k, i)),
            _ => None,
        })
        .expect("the link's text");
    let ItemKind::Text(t) = &link.kind else {
        unreachable!()
    };
    assert_eq!(
        t.color,
        folio::geom::Color::WHITE,
        "the field's text colour"
    );
    let b = link.bounds();
    let underline = back.items[..k].iter().any(|i| match &i.kind {
        ItemKind::Rect { fill, size } => {
            *fill == t.color
                && size.h.to_pt() < 2.0
                && (i.pos.x - b.origin.x).to_pt().abs() < 0.5
                && i.pos.y > link.pos.y
        }
        _ => false,
    });
    assert!(underline, "the link is underlined");
}

// The web edition.

#[test]
fn the_web_edition_gives_each_component_the_pdfs_meaning() {
    let source =
        std::fs::read_to_string(common::root().join("examples/community-health/report.toml"))
            .expect("the example report");
    let editions = folio::build::Editions {
        reader: true,
        print: Some(false),
        web: true,
    };
    let built = folio::build::compile_editions(
        &source,
        &common::root().join("examples/community-health"),
        editions,
        "report-print.pdf",
    )
    .unwrap_or_else(|_| panic!("the example builds"));
    let site = built.web.expect("the web edition");
    let html = site.html();
    let has = |s: &str| assert!(html.contains(s), "the page lacks {s}");
    has(r#"<header class="cover photo">"#);
    has(r#"alt="Morning over Riverside: the new health centre among trees, hills beyond""#);
    has(r#"<p class="logo on-field">"#);
    has(r#"<svg aria-hidden="true" focusable="false" data-icon="house""#);
    has(
        r#"<span aria-hidden="true">up 14% on 2022/23</span><span class="vh">up 14 per cent on 2022/23</span>"#,
    );
    has(r#"alt="Dr Amara Okafor, smiling, in the garden of Riverside Health Centre""#);
    has(r#"<img class="signature""#);
    has(r#"<ul class="timeline" role="list">"#);
    has(r#"<p class="date">April 2023</p>"#);
    // Every picture the page names is in the site.
    for src in html
        .split("src=\"")
        .skip(1)
        .filter_map(|s| s.split('"').next())
    {
        if !src.ends_with(".pdf") {
            assert!(site.file(src).is_some(), "{src} is not in the site");
        }
    }
}
