//! `folio import`: Word documents made with a DOCX writer, and a hand-made sample converted
//! by LibreOffice, imported and built, and the PDF read back.

mod common;
mod word;

use common::{Pdf, SNode, normalise};
use docx_rs::{Hyperlink, HyperlinkType, Paragraph, Pic, Run, Table, TableCell, TableRow};
use word::{BULLETS, NUMBERS, item, styled, text};

const LOGO: &[u8] = include_bytes!("data/logo.png");
const PHOTO: &[u8] = include_bytes!("data/logo-72dpi.png");

fn cell(t: &str) -> TableCell {
    TableCell::new().add_paragraph(text(t))
}

/// A report-like document: every construct the importer maps.
fn report_docx() -> Vec<u8> {
    let d = word::word()
        .add_paragraph(styled("Title", "Annual report 2023/24"))
        .add_paragraph(text("A year of care at home for everyone we serve."))
        .add_paragraph(styled("Heading1", "Our services"))
        .add_paragraph(
            Paragraph::new()
                .add_run(Run::new().add_text("We made "))
                .add_run(Run::new().add_text("more visits").bold())
                .add_run(Run::new().add_text(" than "))
                .add_run(Run::new().add_text("ever").italic())
                .add_run(Run::new().add_text(". See the "))
                .add_hyperlink(
                    Hyperlink::new("https://example.org/visits", HyperlinkType::External)
                        .add_run(Run::new().add_text("visits page")),
                )
                .add_run(Run::new().add_text(", mail "))
                .add_hyperlink(
                    Hyperlink::new("mailto:team@example.org", HyperlinkType::External)
                        .add_run(Run::new().add_text("the team")),
                )
                .add_run(Run::new().add_text(" or open "))
                .add_hyperlink(
                    Hyperlink::new("file:///C:/notes.docx", HyperlinkType::External)
                        .add_run(Run::new().add_text("our notes")),
                )
                .add_run(Run::new().add_text(".")),
        )
        .add_paragraph(styled("Heading2", "Clinics"))
        .add_paragraph(item(BULLETS, 0, "Leg ulcer clinics"))
        .add_paragraph(item(BULLETS, 0, "Falls clinics in"))
        .add_paragraph(item(BULLETS, 1, "the north"))
        .add_paragraph(item(BULLETS, 1, "the south"))
        .add_paragraph(item(BULLETS, 0, "Diabetes clinics"))
        .add_paragraph(styled("Heading3", "Steps"))
        .add_paragraph(item(NUMBERS, 0, "Triage by phone"))
        .add_paragraph(item(NUMBERS, 1, "within a day"))
        .add_paragraph(item(NUMBERS, 0, "Weekend clinics"))
        .add_paragraph(styled("Caption", "Visits by service"))
        .add_table(Table::new(vec![
            TableRow::new(vec![cell("Service"), cell("Visits"), cell("Since")]),
            TableRow::new(vec![cell("District nursing"), cell("12,480"), cell("2019")]),
            TableRow::new(vec![cell("Falls clinics"), cell("860.5"), cell("2023")]),
        ]))
        .add_paragraph(styled("Heading1", "Our people"))
        .add_paragraph(text("The team grew."))
        .add_paragraph(
            Paragraph::new().add_run(Run::new().add_image(Pic::new_with_dimensions(
                LOGO.to_vec(),
                200,
                100,
            ))),
        )
        .add_paragraph(styled("Caption", "Figure 1: the team"))
        .add_paragraph(
            Paragraph::new().add_run(Run::new().add_image(Pic::new_with_dimensions(
                PHOTO.to_vec(),
                200,
                100,
            ))),
        );
    let docx = word::pack(d);
    // docx-rs has no alt text: give the first picture a description, as Word's Alt Text does.
    let docx = word::edit_document(&docx, |xml| {
        xml.replacen(
            "<wp:docPr ",
            "<wp:docPr descr=\"The care team of 40 nurses in the garden\" ",
            1,
        )
    });
    word::with_properties(
        &docx,
        "<dc:title>Care at home</dc:title><dc:creator>Sam Example</dc:creator>\
         <cp:keywords>care, community; nursing</cp:keywords><dc:subject>Our year</dc:subject>\
         <dcterms:modified xsi:type=\"dcterms:W3CDTF\">2024-05-14T10:00:00Z</dcterms:modified>",
        Some("Example Community Trust"),
    )
}

fn kinds<'a>(tree: &'a SNode, kind: &str) -> Vec<&'a SNode> {
    tree.walk().into_iter().filter(|n| n.kind == kind).collect()
}

#[test]
fn a_word_document_becomes_a_report_with_its_properties_sections_and_blocks() {
    let r = word::import("report", "draft.docx", report_docx());
    assert_eq!(r.report("title"), Some("Annual report 2023/24"));
    assert_eq!(r.report("organisation"), Some("Example Community Trust"));
    assert_eq!(r.report("author"), Some("Sam Example"));
    assert_eq!(r.report("period"), Some("2023/24"));
    assert_eq!(r.report("date"), Some("2024-05-14"));
    assert_eq!(r.report("subject"), Some("Our year"));
    let keywords = r.table["report"]["keywords"].as_array().unwrap();
    assert_eq!(keywords.len(), 3, "{keywords:?}");
    let sections = r.sections();
    let titles: Vec<&str> = sections
        .iter()
        .map(|s| s["title"].as_str().unwrap())
        .collect();
    assert_eq!(titles, ["Introduction", "Our services", "Our people"]);
    assert_eq!(
        sections[0]["lead"].as_str(),
        Some("A year of care at home for everyone we serve.")
    );
    let body = sections[1]["body"].as_str().unwrap();
    for expected in [
        "We made **more visits** than *ever*. See the [visits page](<https://example.org/visits>), \
         mail [the team](<mailto:team@example.org>) or open our notes.",
        "# Clinics\n\n- Leg ulcer clinics\n- Falls clinics in\n  - the north\n  - the south\n- Diabetes clinics",
        "## Steps\n\n1. Triage by phone\n   1. within a day\n2. Weekend clinics",
    ] {
        assert!(body.contains(expected), "{expected:?} not in\n{body}");
    }
    // The link that cannot work in a PDF is text, with a note saying so.
    assert!(
        r.toml
            .contains("# TODO: the link to \"file:///C:/notes.docx\""),
        "{}",
        r.toml
    );
    let blocks = r.blocks();
    let table = blocks[0];
    assert_eq!(table["type"].as_str(), Some("table"));
    assert_eq!(table["title"].as_str(), Some("Visits by service"));
    assert_eq!(
        table["rows"].to_string(),
        r#"[["District nursing", 12480, "2019"], ["Falls clinics", 860.5, "2023"]]"#
    );
    assert_eq!(
        blocks[1]["alt"].as_str(),
        Some("The care team of 40 nurses in the garden")
    );
    assert_eq!(blocks[1]["caption"].as_str(), Some("Figure 1: the team"));
    assert_eq!(blocks[2]["alt"].as_str(), Some("TODO: describe this image"));
    assert!(blocks.iter().all(|b| b.get("decorative").is_none()));
    assert!(r.toml.contains("# TODO: describe this image"));
    assert_eq!(r.imported.images.len(), 2);
    assert_eq!(r.imported.images[0].1, LOGO);
}

#[test]
fn an_imported_report_builds_at_once_and_reads_back_in_order() {
    let r = word::import("build", "draft.docx", report_docx());
    let built = common::build_in(&r.toml, &r.dir);
    if let Ok(dir) = std::env::var("FOLIO_KEEP_IMPORT") {
        // To look at the pages: FOLIO_KEEP_IMPORT=/some/folder cargo test --test import
        std::fs::write(std::path::Path::new(&dir).join("imported.pdf"), &built.pdf).unwrap();
    }
    let pdf = Pdf::parse(&built.pdf);
    let tree = pdf.structure();
    let runs = pdf.all_runs();
    let h2: Vec<String> = kinds(&tree, "H2").iter().map(|n| n.text(&runs)).collect();
    assert!(
        h2.ends_with(&[
            "Introduction".into(),
            "Our services".into(),
            "Our people".into()
        ]),
        "{h2:?}"
    );
    let h3: Vec<String> = kinds(&tree, "H3").iter().map(|n| n.text(&runs)).collect();
    assert!(h3.contains(&"Clinics".to_string()), "{h3:?}");
    let h4: Vec<String> = kinds(&tree, "H4").iter().map(|n| n.text(&runs)).collect();
    assert!(h4.contains(&"Steps".to_string()), "{h4:?}");
    // Two lists, each with a list nested in it.
    let lists = kinds(&tree, "L");
    assert_eq!(lists.len(), 4, "two lists with one nested list each");
    let items: Vec<String> = kinds(&tree, "LBody")
        .iter()
        .map(|n| normalise(&n.text(&runs)))
        .collect();
    assert!(items.contains(&"the north".to_string()), "{items:?}");
    assert_eq!(kinds(&tree, "Table").len(), 1);
    let alts: Vec<Option<String>> = kinds(&tree, "Figure")
        .iter()
        .map(|n| n.alt.clone())
        .collect();
    assert!(
        alts.contains(&Some("The care team of 40 nurses in the garden".into())),
        "{alts:?}"
    );
    let text = normalise(&pdf.text());
    let order = [
        "A year of care at home",
        "We made more visits than ever.",
        "Leg ulcer clinics",
        "the north",
        "Triage by phone",
        "District nursing",
        "The team grew.",
        "Figure 1: the team",
    ];
    let mut at = 0;
    for t in order {
        let found = text[at..]
            .find(t)
            .unwrap_or_else(|| panic!("{t:?} not after {at} in {text}"));
        at += found + t.len();
    }
    // The notes are warnings, not errors; the alt placeholder is one of them.
    let warnings: Vec<&str> = built.warnings.iter().map(|w| w.message.as_str()).collect();
    assert!(
        warnings
            .iter()
            .any(|w| w.starts_with("still to do: describe this image")),
        "{warnings:#?}"
    );
    assert!(
        warnings
            .iter()
            .any(|w| w.starts_with("still to do: add the headline figures"))
    );
    assert_eq!(
        warnings
            .iter()
            .filter(|w| w.starts_with("still to do"))
            .count(),
        r.imported.todos,
        "{warnings:#?}"
    );
    common::assert_ua1_and_a2a("imported report", &built.pdf);
}

#[test]
fn headings_that_skip_levels_are_evened_out_and_a_document_without_heading_1_still_has_sections() {
    let d = word::word()
        .add_paragraph(styled("Heading2", "First"))
        .add_paragraph(styled("Heading3", "Under first"))
        .add_paragraph(text("Text."))
        .add_paragraph(styled("Heading2", "Second"))
        .add_paragraph(text("Skip ahead:"))
        .add_paragraph(styled("Heading3", "Deep"));
    let r = word::import("levels", "levels.docx", word::pack(d));
    let sections = r.sections();
    let titles: Vec<&str> = sections
        .iter()
        .map(|s| s["title"].as_str().unwrap())
        .collect();
    assert_eq!(titles, ["First", "Second"]);
    assert!(
        sections[0]["body"]
            .as_str()
            .unwrap()
            .starts_with("# Under first")
    );
    common::build_in(&r.toml, &r.dir);

    let d = word::word()
        .add_paragraph(styled("Heading1", "Top"))
        .add_paragraph(styled("Heading3", "Three, after one"))
        .add_paragraph(styled("Heading3", "Three again"))
        .add_paragraph(text("Text."));
    let r = word::import("skips", "skips.docx", word::pack(d));
    let body = r.sections()[0]["body"].as_str().unwrap().to_string();
    assert!(
        body.starts_with("# Three, after one\n\n## Three again"),
        "{body}"
    );
    common::build_in(&r.toml, &r.dir);
}

/// Text that breaks naive TOML or markdown writers, in a title, a heading, body text, a list,
/// a table and alt text.
const NASTY: &str = "Quote \" apostrophe ' back\\slash \\ ''' \"\"\" #hash *star* _u_ [a](b) \
                     <b>&amp; ~x~ `c` = + tab\tnul-ish \u{1} \u{7} \u{1b} del\u{7f} \u{feff}bom \
                     \u{2028}ls ¡ŵŷ";

#[test]
fn odd_characters_always_give_valid_toml_and_print_as_typed() {
    let nasty_xml = |s: &str| {
        // Control characters cannot stand in XML as they are: write them as references, as
        // a careless writer would.
        let mut out = String::new();
        for c in s.chars() {
            match c {
                '&' => out.push_str("&amp;"),
                '<' => out.push_str("&lt;"),
                '>' => out.push_str("&gt;"),
                '"' => out.push_str("&quot;"),
                c if c.is_control() && c != '\t' => out.push_str(&format!("&#x{:X};", c as u32)),
                c => out.push(c),
            }
        }
        out
    };
    let d = word::word()
        .add_paragraph(styled("Title", "TITLEX"))
        .add_paragraph(styled("Heading1", "HEADX"))
        .add_paragraph(text("BODYX"))
        .add_paragraph(item(BULLETS, 0, "ITEMX"))
        .add_paragraph(styled("Heading1", "2020. - = # Not markup"))
        .add_table(Table::new(vec![
            TableRow::new(vec![cell("CELLX"), cell("n")]),
            TableRow::new(vec![cell("CELLX"), cell("1")]),
        ]))
        .add_paragraph(
            Paragraph::new().add_run(Run::new().add_image(Pic::new_with_dimensions(
                LOGO.to_vec(),
                20,
                10,
            ))),
        );
    let docx = word::edit_document(&word::pack(d), |xml| {
        let n = nasty_xml(NASTY);
        xml.replace("TITLEX", &n)
            .replace("HEADX", &n)
            .replace("BODYX", &n)
            .replace("ITEMX", &n)
            .replace("CELLX", &n)
            .replacen("<wp:docPr ", &format!("<wp:docPr descr=\"{n}\" "), 1)
    });
    let r = word::import("nasty", "nasty.docx", docx);
    // What a reader sees: control characters gone, white space single.
    let seen: String = NASTY
        .chars()
        .filter(|c| !c.is_control() || *c == '\t')
        .filter(|c| *c != '\u{feff}')
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert_eq!(r.report("title"), Some(seen.as_str()));
    let sections = r.sections();
    assert_eq!(sections[0]["title"].as_str(), Some(seen.as_str()));
    assert_eq!(
        sections[1]["title"].as_str(),
        Some("2020. - = # Not markup")
    );
    let blocks = r.blocks();
    assert_eq!(blocks[0]["columns"][0].as_str(), Some(seen.as_str()));
    assert_eq!(blocks[1]["alt"].as_str(), Some(seen.as_str()));
    let body = sections[0]["body"].as_str().unwrap();
    // The imported report sets `smart_quotes = false`: the text prints as the document has it.
    let parsed = folio::model::markdown::parse_with(body, false);
    assert!(parsed.unsupported.is_empty(), "{body}");
    let texts: Vec<String> = parsed
        .blocks
        .iter()
        .map(|b| match b {
            folio::model::Block::Paragraph(i) => folio::model::markdown::plain(i),
            folio::model::Block::List { items, .. } => match &items[0][0] {
                folio::model::Block::Paragraph(i) => folio::model::markdown::plain(i),
                other => panic!("{other:?}"),
            },
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(texts, [seen.clone(), seen.clone()], "{body}");
    // Comments never carry a control character, and the whole file builds.
    assert!(!r.toml.chars().any(|c| c.is_control() && c != '\n'));
    let built = common::build_in(&r.toml, &r.dir);
    let text = normalise(&Pdf::parse(&built.pdf).text());
    assert!(
        text.contains("back\\slash \\ ''' \"\"\" #hash *star* _u_ [a](b) <b>&amp;"),
        "{text}"
    );
}

#[test]
fn images_marked_decorative_by_the_author_stay_decorative_and_only_those() {
    let d = word::word()
        .add_paragraph(styled("Heading1", "Pictures"))
        .add_paragraph(
            Paragraph::new().add_run(Run::new().add_image(Pic::new_with_dimensions(
                LOGO.to_vec(),
                20,
                10,
            ))),
        );
    // Word's "Mark as decorative" is an extension element inside the drawing's properties.
    let docx = word::edit_document(&word::pack(d), |xml| {
        let at = xml.find("<wp:docPr ").unwrap();
        let end = at + xml[at..].find("/>").unwrap();
        format!(
            "{}><a:extLst xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\"><a:ext uri=\"{{C183D7F6-B498-43B3-948B-1728B52AA6E4}}\"><adec:decorative xmlns:adec=\"http://schemas.microsoft.com/office/drawing/2017/decorative\" val=\"1\"/></a:ext></a:extLst></wp:docPr>{}",
            &xml[..end],
            &xml[end + 2..]
        )
    });
    let r = word::import("decorative", "pictures.docx", docx);
    let b = r.blocks()[0];
    assert_eq!(b["decorative"].as_bool(), Some(true));
    assert!(b.get("alt").is_none());
    common::build_in(&r.toml, &r.dir);
}

/// The hand-made sample (tests/data/import/README.md says how it was made).
#[test]
fn the_hand_made_sample_imports_the_same_from_docx_and_odt_and_builds() {
    let dir = common::root().join("tests/data/import");
    let docx = word::import(
        "sample-docx",
        "sample.docx",
        std::fs::read(dir.join("sample.docx")).unwrap(),
    );
    let odt = word::import(
        "sample-odt",
        "sample.odt",
        std::fs::read(dir.join("sample.odt")).unwrap(),
    );
    let same = |t: &str| t.replace("sample.odt", "sample.docx");
    // LibreOffice writes the file link relative to the file, one folder deeper in ODT.
    let link = |t: &str| t.replace("../../../C:", "../../C:");
    assert_eq!(link(&same(&odt.toml)), docx.toml, "ODT and DOCX differ");
    assert_eq!(
        docx.report("title"),
        Some("Our year in community health 2023/24")
    );
    assert_eq!(
        docx.report("subtitle"),
        Some("How our teams cared for people at home")
    );
    assert_eq!(docx.report("period"), Some("2023/24"));
    let built = common::build_in(&docx.toml, &docx.dir);
    let pdf = Pdf::parse(&built.pdf);
    let tree = pdf.structure();
    let runs = pdf.all_runs();
    let h2: Vec<String> = kinds(&tree, "H2").iter().map(|n| n.text(&runs)).collect();
    assert!(
        h2.ends_with(&[
            "Introduction".into(),
            "Services in the community".into(),
            "People".into(),
            "Odd characters".into()
        ]),
        "{h2:?}"
    );
    assert_eq!(kinds(&tree, "L").len(), 4);
    assert_eq!(kinds(&tree, "Table").len(), 1);
    let alts: Vec<Option<String>> = kinds(&tree, "Figure")
        .iter()
        .map(|n| n.alt.clone())
        .collect();
    assert!(alts.contains(&Some(
        "Two blue blocks: the nursing team doubled in size.".into()
    )));
    let text = normalise(&pdf.text());
    for t in [
        "a back\\slash \\, three '''singles''' and \"\"\"doubles\"\"\", a # hash, *stars*",
        "2024. A line that starts like a numbered list.",
        "- and one that starts like a bullet.",
        "Welsh ŵ ŷ",
    ] {
        assert!(text.contains(t), "{t:?} not in {text}");
    }
}

#[test]
fn words_wrappers_are_read_through_and_what_a_reader_does_not_see_is_left_out() {
    let d = word::word()
        .add_paragraph(styled("Heading1", "Wrapped"))
        .add_paragraph(text("FIELDLINK"))
        .add_paragraph(text("SIMPLELINK"))
        .add_paragraph(text("HIDDEN"))
        .add_paragraph(text("TOCHERE"))
        .add_paragraph(text("TEXTBOX"));
    let w = |t: &str| format!("<w:r><w:t xml:space=\"preserve\">{t}</w:t></w:r>");
    let docx = word::edit_document(&word::pack(d), |xml| {
        let mut xml = xml.clone();
        // Replaces the whole paragraph that holds `marker`.
        let replace = |xml: &mut String, marker: &str, with: String| {
            let at = xml.find(marker).unwrap();
            let start = xml[..at]
                .rfind("<w:p>")
                .max(xml[..at].rfind("<w:p "))
                .unwrap();
            let end = at + xml[at..].find("</w:p>").unwrap() + "</w:p>".len();
            xml.replace_range(start..end, &with);
        };
        // A complex field: instruction, then its visible result.
        replace(
            &mut xml,
            "FIELDLINK",
            format!(
                "<w:p>{}<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText> HYPERLINK \"https://example.org/field\" </w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>{}<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>{}</w:p>",
                w("Via a "),
                w("field link"),
                w(".")
            ),
        );
        replace(
            &mut xml,
            "SIMPLELINK",
            format!(
                "<w:p><w:fldSimple w:instr=\" HYPERLINK &quot;tel:+441234567890&quot; \">{}</w:fldSimple><w:ins w:id=\"1\" w:author=\"x\">{}</w:ins><w:del w:id=\"2\" w:author=\"x\"><w:r><w:delText>deleted words</w:delText></w:r></w:del></w:p>",
                w("Call us"),
                w(" today.")
            ),
        );
        replace(
            &mut xml,
            "HIDDEN",
            format!(
                "<w:p>{}<w:r><w:rPr><w:vanish/></w:rPr><w:t>secret</w:t></w:r><w:sdt><w:sdtContent>{}</w:sdtContent></w:sdt></w:p>",
                w("Shown "),
                w("and in a content control.")
            ),
        );
        replace(&mut xml, "TOCHERE",
            "<w:sdt><w:sdtPr><w:docPartObj><w:docPartGallery w:val=\"Table of Contents\"/></w:docPartObj></w:sdtPr><w:sdtContent><w:p><w:r><w:t>Contents entry 1</w:t></w:r></w:p></w:sdtContent></w:sdt>".to_string());
        replace(
            &mut xml,
            "TEXTBOX",
            format!(
                "<w:p>{}<w:r><mc:AlternateContent xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\"><mc:Choice Requires=\"wps\"><w:drawing><wp:anchor><wp:docPr id=\"9\" name=\"Box\"/><a:graphic><a:graphicData uri=\"http://schemas.microsoft.com/office/word/2010/wordprocessingShape\"><w:txbxContent><w:p>{}</w:p></w:txbxContent></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent><w:p>{}</w:p></w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>",
                w("Before the box."),
                w("Inside the box."),
                w("Inside the box.")
            ),
        );
        xml
    });
    let r = word::import("wrappers", "wrapped.docx", docx);
    let body = r.sections()[0]["body"].as_str().unwrap().to_string();
    assert_eq!(
        body,
        "Via a [field link](<https://example.org/field>).\n\n\
         [Call us](<tel:+441234567890>) today.\n\n\
         Shown and in a content control.\n\n\
         Before the box.\n\n\
         Inside the box.\n",
    );
    assert!(
        r.toml
            .contains("# TODO: the document's own table of contents was left out")
    );
    common::build_in(&r.toml, &r.dir);
}

#[test]
fn sections_with_the_same_title_get_ids_of_their_own() {
    let d = word::word()
        .add_paragraph(styled("Heading1", "Summary"))
        .add_paragraph(text("One."))
        .add_paragraph(styled("Heading1", "Summary 2"))
        .add_paragraph(text("Two."))
        .add_paragraph(styled("Heading1", "Summary"))
        .add_paragraph(text("Three."));
    let r = word::import("same-titles", "same.docx", word::pack(d));
    let ids: Vec<Option<&str>> = r
        .sections()
        .iter()
        .map(|s| s.get("id").and_then(|i| i.as_str()))
        .collect();
    assert_eq!(ids, [None, None, Some("summary-3")]);
    common::build_in(&r.toml, &r.dir);
}

#[test]
fn list_and_heading_styles_work_through_the_style_as_well_as_the_paragraph() {
    // Word's "List Bullet" numbers its paragraphs through the style; a custom style can be a
    // heading through its outline level alone.
    let d = word::word()
        .add_style(
            docx_rs::Style::new("Chapter", docx_rs::StyleType::Paragraph)
                .name("Chapter")
                .outline_lvl(0),
        )
        .add_style(
            docx_rs::Style::new("ListBullet", docx_rs::StyleType::Paragraph).name("List Bullet"),
        )
        .add_paragraph(styled("Chapter", "By outline level"))
        .add_paragraph(styled("ListBullet", "first"))
        .add_paragraph(styled("ListBullet", "second"));
    let docx = word::rewrite(
        &word::pack(d),
        |name, bytes| {
            if name != "word/styles.xml" {
                return bytes;
            }
            let xml = String::from_utf8(bytes).unwrap();
            let at = xml.find("w:styleId=\"ListBullet\"").unwrap();
            let end = at + xml[at..].find("</w:style>").unwrap();
            let num = format!("<w:numPr><w:numId w:val=\"{BULLETS}\"/></w:numPr>");
            let mut xml = xml;
            match xml[at..end].find("<w:pPr>") {
                Some(p) => xml.insert_str(at + p + "<w:pPr>".len(), &num),
                None => xml.insert_str(end, &format!("<w:pPr>{num}</w:pPr>")),
            }
            xml.into_bytes()
        },
        &[],
    );
    let r = word::import("style-lists", "styles.docx", docx);
    let s = r.sections();
    assert_eq!(s[0]["title"].as_str(), Some("By outline level"));
    assert_eq!(s[0]["body"].as_str(), Some("- first\n- second\n"));
}

#[test]
fn an_opendocument_heading_numbered_through_a_list_is_still_a_heading() {
    let content = r#"<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:text>
        <text:list><text:list-item><text:h text:outline-level="1">Numbered chapter</text:h></text:list-item></text:list>
        <text:p>Its text.</text:p>
        <text:list><text:list-item><text:p>an item</text:p></text:list-item></text:list>
        </office:text></office:body></office:document-content>"#;
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, bytes) in [
        ("mimetype", &b"application/vnd.oasis.opendocument.text"[..]),
        ("content.xml", content.as_bytes()),
    ] {
        out.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        std::io::Write::write_all(&mut out, bytes).unwrap();
    }
    let odt = out.finish().unwrap().into_inner();
    let r = word::import("odt-heading", "chapter.odt", odt);
    let s = r.sections();
    assert_eq!(s[0]["title"].as_str(), Some("Numbered chapter"));
    assert_eq!(s[0]["body"].as_str(), Some("Its text.\n\n- an item\n"));
}
