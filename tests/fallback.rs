//! Characters the brand fonts lack: drawn from the fallback chain, or — when no font has
//! them — a warning at their line and column and a visible substitute that reads as the
//! character itself. The PDF stays PDF/UA-1 and PDF/A-2a.

mod common;

fn emoji_report() -> (String, std::path::PathBuf) {
    let dir = common::root().join("tests/data/text");
    let source = std::fs::read_to_string(dir.join("emoji-and-ticks.toml")).unwrap();
    (source, dir)
}

/// A small report whose section body is `body`, with `fonts` as its `[brand.fonts]` table.
fn report(fonts: &str, body: &str) -> String {
    format!(
        r#"[report]
title = "Fallback"
organisation = "Test Trust"
period = "2024"
date = "2025-01-31"

[brand.fonts]
{fonts}

[[sections]]
title = "Symbols"
body = """
{body}
"""
"#
    )
}

/// The font (BaseFont without the subset tag) each character is drawn in.
fn font_of(pdf: &common::Pdf, c: char) -> Vec<String> {
    let mut fonts: Vec<String> = pdf
        .all_runs()
        .into_iter()
        .flatten()
        .filter(|r| r.text.contains(c))
        .map(|r| {
            r.font
                .split('+')
                .next_back()
                .unwrap_or_default()
                .to_string()
        })
        .collect();
    fonts.dedup();
    fonts
}

#[test]
fn emoji_ticks_and_arrows_come_from_the_fallback_fonts_and_read_back_as_themselves() {
    let (source, dir) = emoji_report();
    let built = common::build_in(&source, &dir);
    assert!(built.warnings.is_empty(), "{:?}", built.warnings);
    let pdf = common::Pdf::parse(&built.pdf);
    let text = pdf.text();
    for s in [
        "Our year 🎉",
        "Thank you 💙",
        "✓ done, ✗ not yet, → next",
        "★★★★☆",
        "✅",
        "🙂",
    ] {
        assert!(text.contains(s), "{s:?} not in:\n{text}");
    }
    assert_eq!(font_of(&pdf, '🎉'), ["NotoEmoji-Regular"]);
    assert_eq!(font_of(&pdf, '✓'), ["NotoSansSymbols2-Regular"]);
    assert_eq!(font_of(&pdf, '⇒'), ["NotoSansMath-Regular"]);
    assert_eq!(font_of(&pdf, '♻'), ["NotoSansSymbols-Regular"]);
    // The arrow → is in Liberation Sans itself, and stays there.
    assert_eq!(font_of(&pdf, '→'), ["LiberationSans"]);
    common::assert_ua1_and_a2a("emoji-and-ticks", &built.pdf);
}

#[test]
fn a_report_its_fonts_cover_parses_no_fallback_font() {
    let source = report(
        "",
        "Plain text, £300M – all in Liberation Sans: ŵ ŷ “quoted” → ½.",
    );
    let (spec, _) = folio::spec::load(&source).unwrap();
    let (report, _) = folio::model::resolve(&spec, &source, &common::root()).unwrap();
    assert!(report.fonts.fallback.is_empty());
    let names: Vec<&str> = report
        .fonts
        .faces
        .iter()
        .map(|f| f.family.as_str())
        .collect();
    assert!(names.iter().all(|n| *n == "Liberation Sans"), "{names:?}");
}

#[test]
fn only_the_fallback_fonts_a_report_needs_are_loaded() {
    let source = report("", "A tick ✓ only.");
    let (spec, _) = folio::spec::load(&source).unwrap();
    let (report, _) = folio::model::resolve(&spec, &source, &common::root()).unwrap();
    let fallback: Vec<&str> = report
        .fonts
        .fallback
        .iter()
        .map(|f| report.fonts.face(*f).family.as_str())
        .collect();
    assert_eq!(fallback, ["Noto Sans Symbols2"]);
    assert!(!report.fonts.faces.iter().any(|f| f.family == "Noto Emoji"));
}

#[test]
fn a_character_no_font_has_is_a_warning_at_its_line_and_column() {
    let source = report("", "One hieroglyph 𓀀 here,\nand 𓀀 again, and 𓀀 once more.");
    let built = common::build_source(&source);
    let rendered = folio::diag::render(&built.warnings, "report.toml", &source, false);
    assert_eq!(
        rendered,
        "warning: `𓀀` (U+13000 EGYPTIAN HIEROGLYPH A001) in `sections[1].body` (and 2 more times) is in none of the report's fonts
  --> report.toml:13:16
   |
13 | One hieroglyph 𓀀 here,
   |                ^ printed as a replacement box; copied and read aloud as itself
   |
help: add a font that has it to `[brand.fonts] fallback` (a family name or a .ttf/.otf file), or write it in words

"
    );
}

#[test]
fn the_substitute_reads_as_the_real_character_and_maps_to_the_replacement_character() {
    let source = report("", "Hieroglyphs 𓀀 and 𓀁 side by side.");
    let built = common::build_source(&source);
    assert_eq!(built.warnings.len(), 2);
    let pdf = common::Pdf::parse(&built.pdf);
    // Read through /ActualText (as screen readers and Acrobat do): the characters themselves.
    assert!(
        pdf.text().contains("Hieroglyphs 𓀀 and 𓀁 side by side."),
        "{}",
        pdf.text()
    );
    // Read through the fonts' ToUnicode maps only (as pdf.js and poppler do): one glyph
    // stands in for both, so it claims to be neither.
    let maps = pdf.to_unicode_maps();
    let values: Vec<&String> = maps.values().flat_map(|m| m.values()).collect();
    assert!(values.iter().any(|v| *v == "\u{FFFD}"), "{maps:?}");
    assert!(!values.iter().any(|v| v.contains('𓀀') || v.contains('𓀁')));
    common::assert_ua1_and_a2a("substitute", &built.pdf);
}

#[test]
fn a_fallback_font_named_in_report_toml_is_tried_first() {
    // ✔ is in both Noto Sans Symbols 2 and Noto Emoji; naming Noto Emoji puts it first.
    let plain = common::build_source(&report("", "Heavy tick ✔."));
    let chosen = common::build_source(&report("fallback = [\"Noto Emoji\"]", "Heavy tick ✔."));
    assert_eq!(
        font_of(&common::Pdf::parse(&plain.pdf), '✔'),
        ["NotoSansSymbols2-Regular"]
    );
    assert_eq!(
        font_of(&common::Pdf::parse(&chosen.pdf), '✔'),
        ["NotoEmoji-Regular"]
    );
}

#[test]
fn an_unknown_fallback_family_is_an_error_at_its_key() {
    let source = report("fallback = [\"Noto Emoj\"]", "Text.");
    let (spec, _) = folio::spec::load(&source).unwrap();
    let Err(diags) = folio::model::resolve(&spec, &source, &common::root()) else {
        panic!("an unknown family must be an error");
    };
    let rendered = folio::diag::render(&diags, "report.toml", &source, false);
    assert!(
        rendered.contains("no font family `Noto Emoj` for `brand.fonts.fallback`"),
        "{rendered}"
    );
    assert!(
        rendered.contains("did you mean `Noto Emoji`?"),
        "{rendered}"
    );
    assert!(rendered.contains("report.toml:8:13"), "{rendered}");
}

#[test]
fn south_asian_scripts_come_from_the_built_in_script_fonts_and_shape_correctly() {
    let lines = [
        (
            "Bengali",
            "আমাদের বার্ষিক প্রতিবেদন পড়ুন",
            'আ',
            "NotoSansBengali-Regular",
        ),
        (
            "Hindi",
            "हमारी वार्षिक रिपोर्ट पढ़ें",
            'ह',
            "NotoSansDevanagari-Regular",
        ),
        (
            "Gujarati",
            "અમારો વાર્ષિક અહેવાલ વાંચો",
            'અ',
            "NotoSansGujarati-Regular",
        ),
        (
            "Punjabi",
            "ਸਾਡੀ ਸਾਲਾਨਾ ਰਿਪੋਰਟ ਪੜ੍ਹੋ",
            'ਸ',
            "NotoSansGurmukhi-Regular",
        ),
        (
            "Tamil",
            "எங்கள் ஆண்டு அறிக்கையைப் படியுங்கள்",
            'எ',
            "NotoSansTamil-Regular",
        ),
    ];
    let body: String = lines
        .iter()
        .map(|(name, text, _, _)| format!("- {name}: {text}\n"))
        .collect();
    let built = common::build_source(&report("", &body));
    assert!(built.warnings.is_empty(), "{:?}", built.warnings);
    let pdf = common::Pdf::parse(&built.pdf);
    for (_, _, letter, font) in lines {
        assert_eq!(font_of(&pdf, letter), [font]);
    }
    // Vowel signs drawn before their consonant (Bengali ি, Hindi ि) are clusters the PDF
    // maps back with /ActualText: read through it, every line is as written.
    let text = pdf.text();
    for (name, line, _, _) in lines {
        assert!(text.contains(&format!("{name}: {line}")), "{text}");
    }
    common::assert_ua1_and_a2a("south-asian-scripts", &built.pdf);
}
