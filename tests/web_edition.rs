//! The web edition read back without a browser: its files, its markup (escaped text, safe
//! links, headings, lists, tables, figures, languages), its images and stylesheet, and the
//! command line and server that write and serve it. The browser checks are in
//! `web_browser.rs`.

mod common;

use folio::build::{Built, Editions, compile_editions};
use folio::geom::Color;
use std::path::Path;

const WEB: Editions = Editions {
    reader: true,
    print: Some(false),
    web: true,
};

fn build_web(source: &str, base: &Path) -> Built {
    match compile_editions(source, base, WEB, "report-print.pdf") {
        Ok(b) => b,
        Err(folio::build::Failure::Report(d)) => panic!(
            "build failed:\n{}",
            folio::diag::render(&d, "report.toml", source, false)
        ),
        Err(e) => panic!("build failed: {e:?}"),
    }
}

fn shipped() -> Built {
    let source = std::fs::read_to_string(common::root().join("report.toml")).expect("report.toml");
    build_web(&source, &common::root())
}

fn welsh() -> Built {
    let dir = common::root().join("tests/data/web");
    let source = std::fs::read_to_string(dir.join("report.toml")).expect("report.toml");
    build_web(&source, &dir)
}

fn html(b: &Built) -> String {
    b.web.as_ref().expect("web edition").html().to_string()
}

/// Every start tag of `name` in `html`, as its attribute text.
fn tags<'a>(html: &'a str, name: &str) -> Vec<&'a str> {
    let open = format!("<{name}");
    html.match_indices(&open)
        .filter(|(i, _)| html[i + open.len()..].starts_with([' ', '>', '/']))
        .map(|(i, _)| {
            let rest = &html[i + open.len()..];
            &rest[..rest.find('>').unwrap_or(rest.len())]
        })
        .collect()
}

/// The text of every `<hN>`, as (level, text without markup).
fn headings(html: &str) -> Vec<(u8, String)> {
    let mut out = Vec::new();
    let mut at = 0;
    while let Some(i) = html[at..].find("<h") {
        let start = at + i;
        let level = html[start + 2..]
            .chars()
            .next()
            .and_then(|c| c.to_digit(10));
        at = start + 2;
        let Some(level) = level else { continue };
        let close = format!("</h{level}>");
        let body_start = start + html[start..].find('>').unwrap_or(0) + 1;
        let end = body_start + html[body_start..].find(&close).unwrap_or(0);
        let mut text = String::new();
        let mut in_tag = false;
        for c in html[body_start..end].chars() {
            match c {
                '<' => in_tag = true,
                '>' => in_tag = false,
                c if !in_tag => text.push(c),
                _ => {}
            }
        }
        out.push((level as u8, text));
        at = end;
    }
    out
}

#[test]
fn the_web_edition_is_a_page_a_stylesheet_its_images_and_the_reader_pdf() {
    let b = shipped();
    let site = b.web.as_ref().expect("web edition");
    let paths: Vec<&str> = site.files.iter().map(|(p, _)| p.as_str()).collect();
    assert_eq!(
        paths,
        [
            "index.html",
            "style.css",
            "images/wordmark.svg",
            "report.pdf"
        ]
    );
    assert_eq!(
        site.file("report.pdf"),
        Some(b.pdf.as_slice()),
        "the same PDF"
    );
    let page = html(&b);
    assert!(page.starts_with("<!DOCTYPE html><html lang=\"en-GB\">"));
    assert!(page.contains(r#"<link rel="stylesheet" href="style.css">"#));
    assert!(
        page.contains(r#"<a href="report.pdf" type="application/pdf">The report as a PDF</a>"#)
    );
    assert!(
        page.contains("8 pages"),
        "the download says how long the PDF is"
    );
    assert!(
        !page.contains("<script"),
        "no script is needed to read the page"
    );
    let svg = std::str::from_utf8(site.file("images/wordmark.svg").unwrap()).unwrap();
    assert!(
        svg.starts_with("<svg") && svg.contains("<path"),
        "the logo stays SVG"
    );
}

#[test]
fn two_builds_give_byte_identical_web_editions() {
    let (a, b) = (welsh(), welsh());
    let (a, b) = (a.web.unwrap(), b.web.unwrap());
    assert_eq!(a.files.len(), b.files.len());
    for ((pa, ba), (pb, bb)) in a.files.iter().zip(&b.files) {
        assert_eq!(pa, pb);
        assert!(ba == bb, "{pa} differs between two builds");
    }
}

#[test]
fn markup_written_in_report_toml_comes_out_as_text() {
    let source = r#"[report]
title = "<script>alert('title')</script> & more"
subtitle = "\"><img src=x onerror=alert(1)>"
organisation = "O'Brien & <b>Sons</b>"
period = "2024"
date = "2025-01-31"
keywords = ["\"><script>alert(2)</script>"]

[[sections]]
id = "a\"><script>alert(3)</script>"
title = "</h2><script>alert(4)</script>"
lead = "<style>body{display:none}</style>"
body = "Text with **\\<i>tags\\</i>** in it."

[[sections.metrics]]
value = "<svg onload=alert(5)>"
label = "<iframe src=x>"
spoken = "</span><script>alert(6)</script>"

[[sections.blocks]]
type = "table"
title = "<caption>"
columns = ["<th>", "n"]
rows = [["<td onclick=x>", 1]]

[[sections.blocks]]
type = "chart"
title = "</title><script>alert(7)</script>"
alt = "\" onmouseover=\"alert(8)"
data = [{ label = "</text><script>alert(9)</script>", value = 1 }]

[[sections.blocks]]
type = "quote"
text = "<script>alert(10)</script>"
by = "<a href=javascript:alert(11)>x</a>"
"#;
    let b = build_web(source, &common::root());
    let page = html(&b);
    assert!(
        !page.contains("<script"),
        "a script tag got through:\n{page}"
    );
    for raw in [
        "<img",
        "<iframe",
        "<style",
        "<caption>",
        "<th>",
        "<td onclick",
        "<b>",
        "<i>",
    ] {
        assert!(!page.contains(raw), "{raw} got through:\n{page}");
    }
    assert!(
        !page.contains("onmouseover=\"alert"),
        "an attribute got out of its quotes"
    );
    assert!(page.contains("<title>&lt;script&gt;alert(‘title’)&lt;/script&gt; &amp; more</title>"));
    assert!(page.contains("<h1>&lt;script&gt;alert(‘title’)&lt;/script&gt; &amp; more</h1>"));
    assert!(page.contains("&lt;/h2&gt;&lt;script&gt;alert(4)&lt;/script&gt;"));
    assert!(page.contains("&lt;/text&gt;&lt;script&gt;alert(9)&lt;/script&gt;"));
    assert!(page.contains("O'Brien &amp; &lt;b&gt;Sons&lt;/b&gt;"));
}

#[test]
fn links_go_only_to_the_web_mail_and_telephone_and_to_sections() {
    let source = r#"[report]
title = "Links"
organisation = "O"
period = "2024"
date = "2025-01-31"

[[sections]]
id = "one"
title = "One"
body = """
[web](https://example.org/a?b=1&c=2) [plain](http://example.org) [mail](mailto:a@example.org)
[phone](tel:+441234567890) [section](#two) [nowhere](#missing)
"""

[[sections]]
id = "two"
title = "Two"
"#;
    let page = html(&build_web(source, &common::root()));
    let hrefs: Vec<&str> = tags(&page, "a")
        .into_iter()
        .filter_map(|t| t.split("href=\"").nth(1))
        .map(|h| &h[..h.find('"').unwrap_or(h.len())])
        .collect();
    let body: Vec<&str> = hrefs
        .iter()
        .copied()
        .filter(|h| !["#main", "#contents", "#one", "#two", "report.pdf"].contains(h))
        .collect();
    assert_eq!(
        body,
        [
            "https://example.org/a?b=1&amp;c=2",
            "http://example.org",
            "mailto:a@example.org",
            "tel:+441234567890"
        ]
    );
    assert_eq!(
        hrefs.iter().filter(|h| **h == "#two").count(),
        2,
        "contents and body"
    );
    assert!(
        page.contains(" nowhere"),
        "a link to no section stays as text"
    );
}

#[test]
fn links_anywhere_else_are_refused_before_any_edition_is_made() {
    for link in [
        "javascript:alert(1)",
        "JAVASCRIPT:alert(1)",
        " javascript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "file:///etc/passwd",
        "report.pdf",
    ] {
        let source = format!(
            "[report]\ntitle = \"Links\"\norganisation = \"O\"\nperiod = \"2024\"\n\
             date = \"2025-01-31\"\n\n[[sections]]\ntitle = \"One\"\nbody = \"[x]({link})\"\n"
        );
        match compile_editions(&source, &common::root(), WEB, "report-print.pdf") {
            Err(folio::build::Failure::Report(d)) => {
                let text = folio::diag::render(&d, "report.toml", &source, false);
                assert!(
                    text.contains("which is not a web address"),
                    "{link}: {text}"
                );
            }
            Ok(_) => panic!("{link} was accepted"),
            Err(e) => panic!("{link}: {e:?}"),
        }
    }
}

#[test]
fn headings_are_the_pdfs_one_h1_sections_h2_and_body_headings_below() {
    let b = welsh();
    let page = html(&b);
    let found = headings(&page);
    assert_eq!(
        found,
        [
            (
                1,
                "Adroddiad blynyddol 2024: Bwrdd Iechyd Prawf".to_string()
            ),
            (2, "Cynnwys".into()),
            (2, "2024 mewn rhifau".into()),
            (2, "Croeso".into()),
            (3, "Ein nodau".into()),
            (4, "Manylion".into()),
            (2, "Gwasanaethau i gleifion".into()),
            (2, "Cyllid".into()),
            (2, "Lluniau a dyfyniadau".into()),
        ]
    );
    // The PDF's structure tree has the same headings at the same levels.
    let pdf = common::Pdf::parse(&b.pdf);
    let runs = pdf.all_runs();
    let from_pdf: Vec<(u8, String)> = pdf
        .structure()
        .walk()
        .into_iter()
        .filter_map(|n| {
            let level = n.kind.strip_prefix('H')?.parse().ok()?;
            Some((
                level,
                common::normalise(&n.text(&runs).replace('\u{AD}', "")),
            ))
        })
        .collect();
    assert_eq!(found, from_pdf);
}

#[test]
fn the_contents_is_a_nav_of_nested_lists_linking_every_heading() {
    let page = html(&welsh());
    let nav = &page[page.find("<nav").unwrap()..page.find("</nav>").unwrap()];
    assert!(nav.starts_with(r#"<nav aria-labelledby="contents">"#));
    for (id, title) in [
        ("2024-mewn-rhifau", "2024 mewn rhifau"),
        ("croeso", "Croeso"),
        ("ein-nodau", "Ein nodau"),
        ("manylion", "Manylion"),
        ("cyllid", "Cyllid"),
    ] {
        assert!(
            nav.contains(&format!(r##"<a href="#{id}">{title}</a>"##)),
            "{title} in {nav}"
        );
        assert!(page.contains(&format!(r#"id="{id}""#)), "#{id} exists");
    }
    assert!(nav.contains(r##"<a href="#croeso">Croeso</a><ol><li><a href="#ein-nodau">"##));
    assert!(page.contains(r##"<a class="skip" href="#main">Neidio i’r adroddiad</a>"##));
    assert!(page.contains(r#"<main id="main">"#));
}

#[test]
fn cards_are_a_list_and_say_figures_in_their_spoken_form() {
    let page = html(&shipped());
    assert!(page.contains(r#"<ul class="metrics" role="list"><li class="metric"><p class="figure">2 million</p><p class="label">people are now using the NHS App</p><p class="detail">Developed by NHS Digital.</p></li>"#));
    assert!(page.contains(r#"<p class="figure"><span aria-hidden="true">£300M</span><span class="vh">300 million pounds</span></p>"#));
    assert!(page.contains(
        r#"<span aria-hidden="true">11,000+</span><span class="vh">more than 11,000</span>"#
    ));
}

#[test]
fn tables_have_a_caption_column_and_row_headers_and_scroll_on_their_own() {
    let page = html(&welsh());
    let start = page.find("Cleifion fesul gwasanaeth").unwrap();
    let table = &page[page[..start].rfind("<div").unwrap()..];
    let table = &table[..table.find("</div>").unwrap()];
    assert!(table.starts_with(r#"<div class="table-wrap" role="region" aria-labelledby="table-1" tabindex="0"><table><caption id="table-1">Cleifion fesul gwasanaeth</caption>"#), "{table}");
    assert!(
        table.contains(r#"<th scope="col">Gwasanaeth</th><th scope="col" class="num">2023</th>"#)
    );
    assert!(table.contains(r#"<tr><th scope="row">Orthopaedeg</th><td class="num">12,400</td><td class="num">11,800</td><td class="num">−600</td><td class="num">2,450.5</td>"#), "{table}");
}

#[test]
fn charts_are_figures_with_an_svg_image_named_by_the_alt_text_and_the_data_as_a_table() {
    let page = html(&shipped());
    let figure = &page[page.find(r#"<figure class="chart">"#).unwrap()..];
    let figure = &figure[..figure.find("</figure>").unwrap()];
    assert!(figure.contains(r#"<figcaption class="title" id="chart-1-title">Enabled to offer video consultations</figcaption><svg role="img" aria-labelledby="chart-1""#));
    assert!(figure.contains(r#"<title id="chart-1">Progress chart of Enabled to offer video consultations: GP practices 99 per cent, Trusts 77 per cent.</title>"#), "{figure}");
    assert!(figure.contains(r#"<details><summary>Show the data</summary><div class="table-wrap" role="region" aria-labelledby="chart-1-title" tabindex="0"><table>"#), "{figure}");
    assert!(figure.contains(r#"<th scope="row">GP practices</th><td class="num">99%</td>"#));
    // Drawn in the brand's colours by class, so the dark scheme recolours it.
    assert!(
        figure.contains(r#"<rect class="bar" x="0.00%""#) && figure.contains(r#"width="99.00%""#)
    );
}

#[test]
fn negative_values_are_drawn_on_the_far_side_of_the_zero_axis() {
    let page = html(&welsh());
    let bars = &page[page
        .find("Newid yn yr amser aros (dyddiau)</figcaption>")
        .unwrap()..];
    let bars = &bars[..bars.find("</svg>").unwrap()];
    // −40 to 10 in steps of 10: zero is four fifths across.
    assert!(
        bars.contains(r#"<line class="axis" x1="80.00%" x2="80.00%""#),
        "{bars}"
    );
    let rects: Vec<&str> = tags(bars, "rect");
    assert_eq!(rects.len(), 4);
    assert!(
        rects[0].contains(r#"x="56.00%""#) && rects[0].contains(r#"width="24.00%""#),
        "−12: {}",
        rects[0]
    );
    assert!(
        rects[1].contains(r#"x="80.00%""#) && rects[1].contains(r#"width="10.00%""#),
        "5: {}",
        rects[1]
    );
    let columns = &page[page
        .find("Gwarged neu ddiffyg misol (£m)</figcaption>")
        .unwrap()..];
    let columns = &columns[..columns.find("</svg>").unwrap()];
    let zero = columns
        .split(r#"<line class="axis" x1="0" x2="100%" y1=""#)
        .nth(1)
        .and_then(|s| s.split("em").next())
        .and_then(|s| s.parse::<f64>().ok())
        .expect("zero axis");
    for (rect, negative) in tags(columns, "rect")
        .iter()
        .zip([false, true, true, false, false, true])
    {
        let y: f64 = rect
            .split("y=\"")
            .nth(1)
            .and_then(|s| s.split("em").next())
            .and_then(|s| s.parse().ok())
            .unwrap();
        if negative {
            assert!(
                (y - zero).abs() < 0.01,
                "a negative column hangs from zero: {rect}"
            );
        } else {
            assert!(y < zero, "a positive column stands on zero: {rect}");
        }
    }
}

#[test]
fn raster_images_come_in_a_ladder_of_widths_and_svg_is_cleaned() {
    let b = welsh();
    let site = b.web.as_ref().unwrap();
    let page = site.html();
    for w in [480, 800, 1200, 1600, 1800] {
        let path = format!("images/harbwr-{w}.png");
        let bytes = site.file(&path).unwrap_or_else(|| panic!("{path}"));
        let (iw, _) = image_size(bytes);
        assert_eq!(iw, w, "{path} is {w} pixels wide");
    }
    assert_eq!(
        site.file("images/harbwr-1800.png"),
        std::fs::read(common::root().join("tests/data/web/images/harbwr.png"))
            .ok()
            .as_deref(),
        "the largest copy is the file as given"
    );
    let img = tags(page, "img")
        .into_iter()
        .find(|t| t.contains("harbwr"))
        .unwrap();
    assert!(img.contains(r#"srcset="images/harbwr-480.png 480w, images/harbwr-800.png 800w, images/harbwr-1200.png 1200w, images/harbwr-1600.png 1600w, images/harbwr-1800.png 1800w""#), "{img}");
    assert!(
        img.contains(r#"width="1800" height="1000""#)
            && img.contains("sizes=\"")
            && img.contains("alt=\"Harbwr gyda'r nos")
    );
    // The CMYK photograph becomes RGB, which every browser shows in the right colours.
    let jpeg = site.file("images/ffoto-cmyk-900.jpg").unwrap();
    assert_eq!(jpeg_components(jpeg), Some(3));
    // A decorative image has empty alt text; an SVG loses the script it carried.
    let deco = tags(page, "img")
        .into_iter()
        .find(|t| t.contains("ornament"))
        .unwrap();
    assert!(deco.contains(r#"alt="""#), "{deco}");
    let svg = std::str::from_utf8(site.file("images/diagram.svg").unwrap()).unwrap();
    assert!(!svg.contains("script") && svg.contains("<path"), "{svg}");
}

fn image_size(png: &[u8]) -> (u32, u32) {
    let w = u32::from_be_bytes(png[16..20].try_into().unwrap());
    let h = u32::from_be_bytes(png[20..24].try_into().unwrap());
    (w, h)
}

/// Colour components of a JPEG, from its frame header.
fn jpeg_components(d: &[u8]) -> Option<u8> {
    let mut i = 2;
    while i + 9 < d.len() {
        let (marker, len) = (d[i + 1], u16::from_be_bytes([d[i + 2], d[i + 3]]) as usize);
        if (0xC0..=0xC3).contains(&marker) {
            return Some(d[i + 9]);
        }
        i += 2 + len;
    }
    None
}

#[test]
fn the_page_its_own_words_and_its_chart_descriptions_are_in_the_reports_language() {
    let page = html(&welsh());
    assert!(page.starts_with("<!DOCTYPE html><html lang=\"cy\">"));
    // The date line is the model's, in the report's language, as on the PDF's cover.
    assert!(page.contains(r#"<p class="meta">Cyhoeddwyd 30 Mehefin 2025</p>"#));
    assert!(
        page.contains(r#"<summary>Dangos y data</summary>"#),
        "{page}"
    );
    assert!(page.contains(r#"<span>Credyd:</span> Tîm Cyfathrebu"#));
    assert!(
        page.contains(r#"<a href="report.pdf" type="application/pdf">Yr adroddiad fel PDF</a>"#)
    );
    assert!(
        !page.contains(" lang=\"en\""),
        "nothing Welsh is marked English"
    );
    // Generated descriptions and the data table's words, in Welsh.
    assert!(
        page.contains(">Siart cylch yn dangos Gwariant: Staff 67 y cant (£62m), "),
        "{page}"
    );
    assert!(page.contains(">Siart bar pentyrrog yn dangos Newidiadau i'r gyllideb, £m, ar gyfer Cyflog, Cyffuriau ac Arbedion: Meddygaeth: Cyflog 5.5, Cyffuriau 2.1, Arbedion minws 3.4, cyfanswm 4.2; "), "{page}");
    assert!(
        page.contains(r#"<th scope="col" class="num">Cyfran</th>"#),
        "{page}"
    );
    assert!(!page.contains("per cent") && !page.contains("Pie chart"));
    let english = html(&shipped());
    assert!(
        !english.contains(" lang=\"en\""),
        "an English page marks nothing twice"
    );
}

#[test]
fn on_a_page_in_a_language_without_strings_the_english_ones_are_marked_and_overrides_win() {
    let dir = common::root().join("tests/data/web");
    let source = std::fs::read_to_string(dir.join("report.toml")).expect("report.toml");
    let polish = source.replace("language = \"cy\"", "language = \"pl\"");
    let page = html(&build_web(&polish, &dir));
    assert!(page.contains(r#"<summary lang="en">Show the data</summary>"#));
    assert!(page.contains(r#"<span lang="en">Credit:</span> Tîm Cyfathrebu"#));
    assert!(page.contains(r##"<a class="skip" href="#main" lang="en">Skip to the report</a>"##));
    // A word given in [strings] is the report's, in the page's language.
    let own =
        format!("{polish}\n[strings]\ncredit = \"Zdjęcie:\"\npie_chart = \"Wykres kołowy\"\n");
    let page = html(&build_web(&own, &dir));
    assert!(
        page.contains(r#"<span>Zdjęcie:</span> Tîm Cyfathrebu"#),
        "{page}"
    );
    assert!(page.contains(">Wykres kołowy of Gwariant: "), "{page}");
}

/// The custom properties of the stylesheet's light, dark and print schemes.
fn schemes(css: &str) -> Vec<std::collections::BTreeMap<String, Color>> {
    css.split("--paper:")
        .skip(1)
        .map(|block| {
            let block = format!("--paper:{}", &block[..block.find('}').unwrap()]);
            block
                .split(';')
                .filter_map(|decl| {
                    let (k, v) = decl.trim().split_once(':')?;
                    Some((
                        k.trim().trim_start_matches("--").to_string(),
                        Color::parse_hex(v.trim())?,
                    ))
                })
                .collect()
        })
        .collect()
}

#[test]
fn every_text_colour_meets_aa_in_the_light_and_the_dark_scheme() {
    for (name, b) in [("shipped", shipped()), ("welsh", welsh())] {
        let css = std::str::from_utf8(b.web.as_ref().unwrap().file("style.css").unwrap())
            .unwrap()
            .to_string();
        assert!(
            css.contains("@media (prefers-color-scheme: dark)") && css.contains("@media print")
        );
        let found = schemes(&css);
        assert_eq!(found.len(), 3, "light, dark and print schemes in {name}");
        for (i, s) in found.iter().enumerate() {
            for (fg, bg) in [
                ("text", "paper"),
                ("text", "tint"),
                ("muted", "paper"),
                ("muted", "tint"),
                ("primary", "paper"),
                ("primary", "tint"),
                ("on-field", "field"),
            ] {
                let ratio = s[fg].contrast(s[bg]);
                assert!(
                    ratio >= 4.5,
                    "{name} scheme {i}: {fg} on {bg} is {ratio:.2}:1"
                );
            }
        }
        // Chart series are graphics, never text: 3:1 (WCAG 1.4.11) on the page and the
        // track tint, every one of the eight.
        for (i, s) in found.iter().enumerate() {
            for n in 1..=8 {
                let series = s[format!("series-{n}").as_str()];
                for bg in ["paper", "tint"] {
                    let ratio = series.contrast(s[bg]);
                    assert!(
                        ratio >= 3.0,
                        "{name} scheme {i}: series-{n} on {bg} is {ratio:.2}:1"
                    );
                }
            }
        }
        assert!(
            found[1]["paper"].luminance() < 0.05,
            "the dark scheme is dark"
        );
    }
}

#[test]
fn a_brand_colour_too_light_for_text_is_darkened_on_the_web_as_in_the_pdf_and_said_once() {
    let source = r##"[report]
title = "Light"
organisation = "O"
period = "2024"
date = "2025-01-31"

[brand.colours]
primary = "#41B6E6"

[[sections]]
title = "One"
"##;
    let b = build_web(source, &common::root());
    // Said once, by the preflight, for both editions.
    let notes: Vec<&str> = b
        .warnings
        .iter()
        .map(|w| w.message.as_str())
        .filter(|m| m.starts_with("`primary` #41B6E6 on `paper`"))
        .collect();
    assert_eq!(notes.len(), 1, "{notes:?}");
    let used = notes[0]
        .rsplit("folio sets that text in ")
        .next()
        .and_then(Color::parse_hex)
        .expect("the colour used");
    let css = std::str::from_utf8(b.web.unwrap().file("style.css").unwrap())
        .unwrap()
        .to_string();
    let found = schemes(&css);
    let light_blue = Color::parse_hex("#41B6E6").unwrap();
    assert_eq!(
        found[0]["primary"], used,
        "darkened on the light page, as in the PDF"
    );
    assert_eq!(
        found[1]["primary"], light_blue,
        "kept on the dark page, where it reads"
    );
}

#[test]
fn print_css_keeps_the_reports_page_size_and_margins() {
    let source = r#"[report]
title = "A5"
organisation = "O"
period = "2024"
date = "2025-01-31"

[page]
size = "A5"
margins = { top = "25mm", bottom = "20mm", left = "18mm", right = "15mm" }

[[sections]]
title = "One"
"#;
    let b = build_web(source, &common::root());
    let css = std::str::from_utf8(b.web.unwrap().file("style.css").unwrap())
        .unwrap()
        .to_string();
    assert!(
        css.contains("@page { size: 148.0mm 210.0mm; margin: 25.0mm 15.0mm 20.0mm 18.0mm; }"),
        "{css}"
    );
}

/// The `folio` binary in a scratch folder holding the Welsh report.
fn scratch(name: &str) -> std::path::PathBuf {
    let dir = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("images")).unwrap();
    let src = common::root().join("tests/data/web");
    std::fs::copy(src.join("report.toml"), dir.join("report.toml")).unwrap();
    for f in std::fs::read_dir(src.join("images")).unwrap() {
        let f = f.unwrap().path();
        std::fs::copy(&f, dir.join("images").join(f.file_name().unwrap())).unwrap();
    }
    dir
}

fn folio(dir: &Path, args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_folio"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("run folio")
}

#[test]
fn build_edition_web_writes_the_folder_and_all_writes_every_edition() {
    let dir = scratch("cli-web");
    let out = folio(&dir, &["build", "--edition", "web"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(
        stderr.contains("wrote report-web/index.html: 13 files"),
        "{stderr}"
    );
    assert!(dir.join("report-web/index.html").is_file());
    assert!(dir.join("report-web/report.pdf").is_file());
    assert!(
        !dir.join("report.pdf").exists(),
        "--edition web writes only the web edition"
    );

    let out = folio(&dir, &["build", "--edition", "all", "-o", "annual.pdf"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    for f in [
        "annual.pdf",
        "annual-print.pdf",
        "annual-web/annual.pdf",
        "annual-web/annual-print.pdf",
    ] {
        assert!(dir.join(f).is_file(), "{f}");
    }
    let page = std::fs::read_to_string(dir.join("annual-web/index.html")).unwrap();
    assert!(page.contains(r#"href="annual-print.pdf""#));
}

#[test]
fn a_failed_build_keeps_the_last_web_edition_and_a_foreign_folder_is_not_replaced() {
    let dir = scratch("cli-web-fail");
    assert!(folio(&dir, &["build", "--edition", "web"]).status.success());
    let before = std::fs::read(dir.join("report-web/index.html")).unwrap();
    let toml = std::fs::read_to_string(dir.join("report.toml")).unwrap();
    std::fs::write(
        dir.join("report.toml"),
        toml.replace("date = \"2025-06-30\"", "date = \"30 June\""),
    )
    .unwrap();
    let out = folio(&dir, &["build", "--edition", "web"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        std::fs::read(dir.join("report-web/index.html")).unwrap(),
        before
    );
    let names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        names
            .iter()
            .all(|n| !n.contains("folio-tmp") && !n.contains("folio-old")),
        "{names:?}"
    );

    std::fs::write(dir.join("report.toml"), toml).unwrap();
    let site = dir.join("site-web");
    std::fs::create_dir_all(&site).unwrap();
    std::fs::write(site.join("index.html"), "<p>the website</p>").unwrap();
    let out = folio(&dir, &["build", "--edition", "web", "-o", "site.pdf"]);
    assert_eq!(out.status.code(), Some(3));
    assert!(
        String::from_utf8_lossy(&out.stderr)
            .contains("is not a web edition folio made; refusing to replace it (use --force")
    );
    assert_eq!(
        std::fs::read_to_string(site.join("index.html")).unwrap(),
        "<p>the website</p>"
    );
}

/// A GET on the server, as (status line, body).
fn get(url: &str, path: &str) -> (String, Vec<u8>) {
    use std::io::{Read, Write};
    let addr = url.trim_start_matches("http://").trim_end_matches('/');
    let mut s = std::net::TcpStream::connect(addr).unwrap();
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut buf = Vec::new();
    s.read_to_end(&mut buf).unwrap();
    let split = buf.windows(4).position(|w| w == b"\r\n\r\n").unwrap();
    let head = String::from_utf8_lossy(&buf[..split]).to_string();
    (
        head.lines().next().unwrap_or_default().to_string(),
        buf[split + 4..].to_vec(),
    )
}

#[test]
fn the_server_serves_the_folder_only_and_answers_a_waiting_page_after_a_build() {
    let dir = scratch("serve");
    assert!(folio(&dir, &["build", "--edition", "web"]).status.success());
    let server = folio::web::serve::Server::start(&dir.join("report-web"), 0, true).unwrap();
    let url = server.url();
    assert!(url.starts_with("http://127.0.0.1:"));
    let (status, body) = get(&url, "/");
    assert!(status.ends_with("200 OK"), "{status}");
    let page = String::from_utf8(body).unwrap();
    assert!(
        page.contains("<script>") && page.contains("/__folio/wait"),
        "the served page reloads"
    );
    let on_disk = std::fs::read_to_string(dir.join("report-web/index.html")).unwrap();
    assert!(
        !on_disk.contains("<script"),
        "the file itself has no script"
    );
    assert!(get(&url, "/style.css").0.ends_with("200 OK"));
    assert!(get(&url, "/../report.toml").0.contains("404"));
    assert!(get(&url, "/%2e%2e/report.toml").0.contains("404"));

    let waiting = {
        let url = url.clone();
        std::thread::spawn(move || get(&url, "/__folio/wait?since=0"))
    };
    std::thread::sleep(std::time::Duration::from_millis(200));
    server.reload();
    let (status, body) = waiting.join().unwrap();
    assert!(status.ends_with("200 OK"));
    assert_eq!(body, b"1", "the waiting page hears of build 1");
}

/// A Welsh report with an English section (a subheading, a chart, a Welsh paragraph in it)
/// and English words and a paragraph marked in a Welsh one.
const BILINGUAL: &str = r#"
[report]
title = "Adroddiad"
organisation = "Bwrdd Prawf"
period = "2024"
date = "2025-01-31"
language = "cy"

[[sections]]
title = "Croeso"
body = """
Diolch i'r [partners in England]{lang=en-GB} am bopeth.

[This paragraph is English.]{lang=en-GB}

- [An English item]{lang=en-GB}
- Eitem Gymraeg
"""

[[sections]]
title = "Summary in English"
lang = "en-GB"
body = """
An English paragraph.

# Results

[Diolch yn fawr iawn.]{lang=cy}
"""

[[sections.blocks]]
type = "chart"
chart = "column"
title = "Patients"
data = [{ label = "North", value = 4 }, { label = "South", value = 6 }]
"#;

#[test]
fn every_passage_section_and_contents_entry_in_another_language_carries_lang() {
    let page = html(&build_web(BILINGUAL, &common::root()));
    for marked in [
        r#"<span lang="en-GB">partners in England</span>"#,
        r#"<p lang="en-GB">This paragraph is English.</p>"#,
        r#"<li lang="en-GB">An English item</li><li>Eitem Gymraeg</li>"#,
        // The section says it once; its heading, paragraphs and chart inherit it.
        r#"<section id="summary-in-english" aria-labelledby="summary-in-english-title" lang="en-GB"><h2 id="summary-in-english-title">Summary in English</h2>"#,
        r#"<h3 id="results">Results</h3>"#,
        // Welsh inside the English section says so again.
        r#"<p lang="cy">Diolch yn fawr iawn.</p>"#,
        // The page's own words, Welsh, inside the English section.
        r#"<summary lang="cy">Dangos y data</summary>"#,
        // The contents (Welsh) names the English section and its subheading in English.
        r##"<a href="#summary-in-english" lang="en-GB">Summary in English</a>"##,
        r##"<a href="#results" lang="en-GB">Results</a>"##,
        r##"<a href="#croeso">Croeso</a>"##,
    ] {
        assert!(page.contains(marked), "{marked} in {page}");
    }
    // The chart in the English section is described in English.
    assert!(page.contains(">Column chart of Patients: North 4, South 6.</title>"));
    // Nothing else is marked: the page, then the eight marked above.
    assert_eq!(page.matches(" lang=\"").count(), 9, "{page}");
}
