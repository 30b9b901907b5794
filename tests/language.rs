//! Languages in the PDF: the structure elements of a section, a paragraph or a few words in
//! another language carry `/Lang`, so screen readers switch voice; folio's own words are in
//! the report's language; text in a language without hyphenation patterns is not hyphenated,
//! and the build says so once.

mod common;

use lopdf::Object;

fn welsh() -> (String, std::path::PathBuf) {
    let dir = common::root().join("tests/data/text");
    let source = std::fs::read_to_string(dir.join("welsh-english.toml")).unwrap();
    (source, dir)
}

/// (structure type, /Lang) of every structure element that has a language, in object order.
fn languages(pdf: &common::Pdf) -> Vec<(String, String)> {
    let name = |o: &Object| {
        o.as_name()
            .map(|n| String::from_utf8_lossy(n).into_owned())
            .ok()
    };
    let text = |o: &Object| match o {
        Object::String(b, _) => Some(String::from_utf8_lossy(b).into_owned()),
        _ => None,
    };
    pdf.doc
        .objects
        .values()
        .filter_map(|o| o.as_dict().ok())
        .filter(|d| d.get(b"Type").ok().and_then(name).as_deref() == Some("StructElem"))
        .filter_map(|d| {
            let lang = d.get(b"Lang").ok().and_then(text)?;
            Some((d.get(b"S").ok().and_then(name)?, lang))
        })
        .collect()
}

#[test]
fn sections_paragraphs_passages_and_contents_entries_carry_their_language_into_the_structure_tree()
{
    let (source, dir) = welsh();
    let built = common::build_in(&source, &dir);
    let pdf = common::Pdf::parse(&built.pdf);
    let lang = pdf.catalog().get(b"Lang").unwrap();
    assert_eq!(lang.as_str().unwrap(), b"cy");
    let mut langs = languages(&pdf);
    langs.sort();
    let expect = |s: &str, l: &str| (s.to_string(), l.to_string());
    // Every element of the English section says so; the Welsh "Diolch yn fawr iawn." in it
    // says nothing and is Welsh, as the document is.
    assert_eq!(
        langs,
        [
            // The document: Welsh.
            expect("Document", "cy"),
            // The English section's heading.
            expect("H2", "en-GB"),
            // Its contents entry: the link that reads its title.
            expect("Link", "en-GB"),
            // The marked English paragraph of the Welsh welcome, and the English section's
            // paragraph.
            expect("P", "en-GB"),
            expect("P", "en-GB"),
            // "partners in England" inside a Welsh paragraph.
            expect("Span", "en-GB"),
        ]
    );
    common::assert_ua1_and_a2a("welsh-english", &built.pdf);
}

#[test]
fn folio_s_own_words_are_in_the_report_s_language() {
    let (source, dir) = welsh();
    let built = common::build_in(&source, &dir);
    let pdf = common::Pdf::parse(&built.pdf);
    let text = pdf.text();
    assert!(text.contains("Cyhoeddwyd 15 Gorffennaf 2024"), "{text}");
    assert!(text.contains("Cynnwys"), "{text}");
    assert!(!text.contains("Published") && !text.contains("Contents"));
    let labels: Vec<Option<String>> = built
        .document
        .pages
        .iter()
        .map(|p| p.label.clone())
        .collect();
    assert_eq!(labels.first().unwrap().as_deref(), Some("Clawr"));
    assert_eq!(labels.last().unwrap().as_deref(), Some("Clawr cefn"));
}

#[test]
fn strings_in_report_toml_override_the_language_s_own() {
    let (source, dir) = welsh();
    let source = format!(
        "{source}\n[strings]\ncontents = \"Beth sydd yma\"\npublished = \"Dyddiad cyhoeddi:\"\n"
    );
    let built = common::build_in(&source, &dir);
    let text = common::Pdf::parse(&built.pdf).text();
    assert!(text.contains("Beth sydd yma"), "{text}");
    assert!(
        text.contains("Dyddiad cyhoeddi: 15 Gorffennaf 2024"),
        "{text}"
    );
}

#[test]
fn an_unknown_string_is_an_error_with_a_suggestion() {
    let (source, dir) = welsh();
    let source = format!("{source}\n[strings]\ncontent = \"Cynnwys\"\n");
    let _ = dir;
    let diags = match folio::spec::load(&source) {
        Ok((_, found)) => found,
        Err(found) => found,
    };
    let rendered = folio::diag::render(&diags, "report.toml", &source, false);
    assert!(
        rendered.contains("unknown key `content` in `[strings]`"),
        "{rendered}"
    );
    assert!(rendered.contains("`contents`"), "{rendered}");
}

#[test]
fn welsh_is_hyphenated_as_welsh_gaelic_not_at_all_and_the_build_says_so_once() {
    // A narrow page, long words: two Welsh sections, a Gaelic one and an English one.
    let body = "Ymddiriedolaethau gwasanaethau cymunedol cynhwysfawr Llanfairpwllgwyngyll \
        gweithgareddau cyfrifoldebau ymgynghoriadau datblygiadau rhyngwladol.";
    let gaelic = "Riaghaltas oileanachadh coimhearsnachdan leasachaidhean \
        buidhnean-obrach seirbheisean slàinte eadar-nàiseanta.";
    let english = "Responsibilities accountability interdisciplinary rehabilitation \
        characteristically communication organisations considerably.";
    let source = format!(
        r#"[report]
title = "Prawf"
organisation = "Bwrdd"
period = "2024"
date = "2024-07-15"
language = "cy"

[page]
size = "90mm x 160mm"
margins = "10mm"

[[sections]]
title = "Un"
body = "{body}"

[[sections]]
title = "Dau"
body = "{body}"

[[sections]]
title = "Gàidhlig"
lang = "gd"
body = "{gaelic}"

[[sections]]
title = "English"
lang = "en-GB"
body = "{english}"
"#
    );
    let built = common::build_source(&source);
    let rendered = folio::diag::render(&built.warnings, "report.toml", &source, false);
    assert_eq!(
        rendered,
        "warning: Scottish Gaelic text is not hyphenated: folio has no hyphenation patterns for it
  --> report.toml:22:8
   |
22 | lang = \"gd\"
   |        ^^^^ words in this language break only at spaces and hyphens
   |
help: nothing to do; set `[text] hyphenate = false` to silence this note

"
    );
    // The text before each soft hyphen (a hyphenation break), by section, from the drawn
    // text.
    let mut section = 0;
    let mut heads: [Vec<String>; 4] = Default::default();
    for page in &built.document.pages {
        for item in &page.items {
            if let folio::frame::ItemKind::Text(t) = &item.kind {
                match t.text.as_str() {
                    "Un" => section = 0,
                    "Dau" => section = 1,
                    "Gàidhlig" => section = 2,
                    "English" => section = 3,
                    _ => {}
                }
                if let Some(line) = t.text.strip_suffix('\u{AD}') {
                    heads[section].push(line.rsplit(' ').next().unwrap_or(line).to_string());
                }
            }
        }
    }
    let welsh = folio::text::Hyphenation::for_language("cy").unwrap();
    let words: Vec<&str> = body.split_whitespace().collect();
    let welsh_heads: Vec<&String> = heads[0].iter().chain(&heads[1]).collect();
    assert!(!welsh_heads.is_empty(), "Welsh not hyphenated: {heads:?}");
    for head in welsh_heads {
        // The word it begins, and the breaks the Welsh patterns allow in it.
        let word = words
            .iter()
            .find(|w| w.starts_with(head.as_str()) && w.len() > head.len())
            .unwrap_or_else(|| panic!("no word starts {head}"));
        let lower = word.to_lowercase();
        assert!(
            welsh.breaks(&lower).contains(&head.len()),
            "{head}- is no Welsh break of {word}"
        );
        let tail = &lower[head.len()..];
        for d in ["ch", "dd", "ff", "ng", "ll", "ph", "rh", "th"] {
            assert!(
                !(lower[..head.len()].ends_with(&d[..1]) && tail.starts_with(&d[1..])),
                "{head}- splits {d} in {word}"
            );
        }
    }
    assert!(heads[2].is_empty(), "Gaelic hyphenated: {heads:?}");
    assert!(!heads[3].is_empty(), "English not hyphenated: {heads:?}");
}

#[test]
fn a_language_name_where_a_tag_belongs_is_an_error_that_gives_the_tag() {
    let source = r#"[report]
title = "Prawf"
organisation = "Bwrdd"
period = "2024"
date = "2024-07-15"

[[sections]]
title = "Un"
lang = "Welsh"
body = "Testun."
"#;
    let (spec, _) = folio::spec::load(source).unwrap();
    let Err(diags) = folio::model::resolve(&spec, source, &common::root()) else {
        panic!("a language name must be an error");
    };
    let rendered = folio::diag::render(&diags, "report.toml", source, false);
    assert!(
        rendered.starts_with(
            "error: `lang`: `Welsh` is not a language tag: write lang = \"cy\"
 --> report.toml:9:8"
        ),
        "{rendered}"
    );
}

#[test]
fn figures_are_spoken_in_english_words_only_in_a_report_in_english() {
    let source = |language: &str| {
        format!(
            r#"[report]
title = "Figures"
organisation = "Bwrdd"
period = "2024"
date = "2024-07-15"
language = "{language}"

[[sections]]
title = "Un"

[[sections.metrics]]
value = "£300M"
label = "a wariwyd"
"#
        )
    };
    let spoken = |language: &str| {
        let source = source(language);
        let (spec, _) = folio::spec::load(&source).unwrap();
        let (report, _) = folio::model::resolve(&spec, &source, &common::root()).unwrap();
        report.sections[0].metrics[0].spoken.clone()
    };
    assert_eq!(spoken("en-GB"), "300 million pounds");
    // A Welsh voice reads the figure as written, not English words in a Welsh accent.
    assert_eq!(spoken("cy"), "£300M");
}

/// A Welsh report with a pie of ten slices and a one-series bar chart, both with their
/// data tables, and a French section with a chart of its own.
const CHART_REPORT: &str = r#"
[report]
title = "Siartiau"
organisation = "Bwrdd Prawf"
period = "2024"
date = "2025-01-31"
language = "cy"

[contents]
show = false

[[sections]]
title = "Gwariant"

[[sections.blocks]]
type = "chart"
chart = "pie"
title = "Gwariant"
table = true
data = [
  { label = "Staff", value = 30 }, { label = "Adeiladau", value = 20 },
  { label = "Cyffuriau", value = 12 }, { label = "Ymchwil", value = 9 },
  { label = "Hyfforddiant", value = 8 }, { label = "Teithio", value = 7 },
  { label = "Ynni", value = 6 }, { label = "Bwyd", value = 4 },
  { label = "Golchi", value = 2 }, { label = "Post", value = 2 },
]

[[sections.blocks]]
type = "chart"
chart = "bar"
title = "Newid"
table = true
data = [{ label = "Gogledd", value = -5 }, { label = "De", value = 3 }]

[[sections]]
title = "Résumé"
lang = "fr"

[[sections.blocks]]
type = "chart"
chart = "column"
title = "Patients"
data = [{ label = "Nord", value = 4 }, { label = "Sud", value = 6 }]
"#;

fn figure_alts(pdf: &common::Pdf) -> Vec<String> {
    pdf.structure()
        .walk()
        .into_iter()
        .filter(|n| n.kind == "Figure")
        .filter_map(|n| n.alt.clone())
        .collect()
}

#[test]
fn charts_are_described_and_labelled_in_their_section_s_language() {
    let built = common::build_source(CHART_REPORT);
    let pdf = common::Pdf::parse(&built.pdf);
    let alts = figure_alts(&pdf);
    assert_eq!(alts.len(), 3, "{alts:?}");
    assert!(
        alts[0].starts_with("Siart cylch yn dangos Gwariant: Staff 30 y cant (30), "),
        "{}",
        alts[0]
    );
    assert_eq!(alts[1], "Siart bar yn dangos Newid: Gogledd minws 5, De 3.");
    // The French section's chart speaks French, whatever the report's language.
    assert_eq!(
        alts[2],
        "Histogramme «\u{a0}Patients\u{a0}»: Nord 4, Sud 6."
    );
    let text = common::normalise(&pdf.text());
    // The pie's three smallest slices make its "Other"; its table's share column and the
    // bar chart's value column are headed in Welsh.
    assert!(text.contains("Arall (3)"), "{text}");
    assert!(text.contains("Cyfran"), "{text}");
    assert!(text.contains("Gwerth"), "{text}");
    for english in ["Other", "Share", "Value", "Pie chart", "per cent"] {
        assert!(!text.contains(english), "{english} in {text}");
    }
    common::assert_ua1_and_a2a("welsh-charts", &built.pdf);
}

#[test]
fn chart_words_in_report_toml_override_the_language_s_own() {
    let source = format!(
        "{CHART_REPORT}\n[strings]\npie_chart = \"Siart pei\"\nother = \"Y gweddill\"\nshare = \"Canran\"\nvalue = \"Nifer\"\n"
    );
    let built = common::build_source(&source);
    let pdf = common::Pdf::parse(&built.pdf);
    let alts = figure_alts(&pdf);
    assert!(
        alts[0].starts_with("Siart pei yn dangos Gwariant: "),
        "{}",
        alts[0]
    );
    // [strings] speaks for the report's language; the French section keeps its own words.
    assert!(alts[2].starts_with("Histogramme "), "{}", alts[2]);
    let text = common::normalise(&pdf.text());
    for given in ["Y gweddill (3)", "Canran", "Nifer"] {
        assert!(text.contains(given), "{given} in {text}");
    }
    assert!(
        !text.contains("Cyfran") && !text.contains("Arall"),
        "{text}"
    );
}
