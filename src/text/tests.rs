//! Unit tests of the typesetting core on constructed input.

use super::items::hyphenation_points;
use super::*;
use crate::geom::Color;

const ENGLISH: Hyphenation = Hyphenation::Hypher(hypher::Lang::English);

fn book() -> FontBook {
    FontBook::with_builtin()
}

fn styled(book: &FontBook, text: &str, size: f64) -> StyledText {
    let mut s = StyledText::default();
    s.push(
        text,
        TextStyle {
            face: book.select(FamilyId(0), false, false),
            size: Abs(size),
            color: Color::BLACK,
            key: 0,
            hyphenation: Some(Hyphenation::Hypher(hypher::Lang::English)),
        },
    );
    s
}

fn lines_of(book: &FontBook, text: &str, width: f64, justify: bool, hyphenate: bool) -> Vec<Line> {
    let shapers = book.shapers();
    let settings = ParSettings {
        width: Abs(width),
        first: Vec::new(),
        justify,
        hyphenate,
    };
    set_paragraph(&shapers, &styled(book, text, 10.0), &settings)
}

fn texts(lines: &[Line]) -> Vec<String> {
    lines
        .iter()
        .map(|l| l.runs.iter().map(|r| r.text.as_str()).collect())
        .collect()
}

const PARAGRAPH: &str = "In 2020 technology made a real difference in the NHS and social care, \
helping to keep the system going during the pandemic and transform health and care for the better.";

#[test]
fn a_known_paragraph_breaks_where_expected() {
    let b = book();
    let lines = lines_of(&b, PARAGRAPH, 200.0, false, true);
    assert_eq!(
        texts(&lines),
        vec![
            // The space a line breaks at stays in the text (not drawn), so screen readers
            // and copy do not run the last word into the next line's first.
            "In 2020 technology made a real difference ",
            "in the NHS and social care, helping to keep ",
            "the system going during the pandemic and ",
            "transform health and care for the better.",
        ]
    );
    assert!(
        lines
            .iter()
            .all(|l| l.width.to_pt() <= 200.0 && !l.overfull)
    );
}

/// The sum of the squared white space at the end of every line but the last: what a
/// ragged-right setting's evenness is judged by.
fn rag(lines: &[Line], width: f64) -> f64 {
    lines[..lines.len() - 1]
        .iter()
        .map(|l| (width - l.width.to_pt()).powi(2))
        .sum()
}

#[test]
fn total_fit_sets_a_strictly_evener_rag_than_first_fit_where_they_differ() {
    // Over a range of measures, wherever the two choose different breaks, total fit's rag
    // is strictly evener than first fit's, never as deep; and they do differ somewhere.
    let b = book();
    let shapers = b.shapers();
    let text = styled(&b, PARAGRAPH, 10.0);
    let mut differ = 0;
    for width in (150..=320).step_by(5) {
        let width = width as f64;
        let settings = ParSettings {
            width: Abs(width),
            first: Vec::new(),
            justify: false,
            hyphenate: false,
        };
        let whole = whole::Whole::new(&shapers, &text);
        let items = items::collect(&shapers, &whole, &text, &settings);
        let greedy = knuth_plass::first_fit(&items, width);
        let greedy = finalize(&shapers, &whole, &text, &settings, &items, &greedy);
        let optimal = set_paragraph(&shapers, &text, &settings);
        if texts(&greedy) != texts(&optimal) {
            differ += 1;
            assert!(
                rag(&optimal, width) < rag(&greedy, width),
                "at {width} pt: {} is not evener than {}",
                rag(&optimal, width),
                rag(&greedy, width)
            );
        }
    }
    assert!(
        differ >= 3,
        "total fit chose other breaks at {differ} measures"
    );
}

#[test]
fn a_paragraph_never_ends_with_the_tail_of_a_hyphenated_word() {
    // Across many measures, hyphenated and ragged or justified, the last line is never
    // only the tail of a word split on the line before ("docu- / ment.").
    let b = book();
    let text = "Folio sets every paragraph of the annual report with care, so that the \
                documentation reads well.";
    for width in (60..=260).step_by(2) {
        for justify in [false, true] {
            let lines = lines_of(&b, text, width as f64, justify, true);
            let n = lines.len();
            if n >= 2 && lines[n - 2].hyphenated {
                assert!(
                    texts(&lines)[n - 1].trim().contains(' '),
                    "at {width} pt: {:?}",
                    texts(&lines)
                );
            }
        }
    }
}

#[test]
fn hyphenation_points_follow_british_minimums() {
    let word = "information";
    let points = hyphenation_points(word, 0, Hyphenation::Hypher(hypher::Lang::English));
    let parts: Vec<&str> = std::iter::once(0)
        .chain(points.iter().copied())
        .zip(points.iter().copied().chain(std::iter::once(word.len())))
        .map(|(a, b)| &word[a..b])
        .collect();
    assert_eq!(parts, vec!["in", "for", "ma", "tion"]);
    // Short words, capitals-only abbreviations and figures are never split.
    assert!(hyphenation_points("health", 0, ENGLISH).is_empty());
    assert!(hyphenation_points("NHSMAIL", 0, ENGLISH).is_empty());
    assert!(hyphenation_points("COVID-19", 0, ENGLISH).is_empty());
}

#[test]
fn a_narrow_measure_hyphenates_with_a_soft_hyphen_in_the_text() {
    let b = book();
    let lines = lines_of(
        &b,
        "Interoperability transformation accountability",
        45.0,
        false,
        true,
    );
    let hyphenated: Vec<&Line> = lines.iter().filter(|l| l.hyphenated).collect();
    assert!(!hyphenated.is_empty(), "{:?}", texts(&lines));
    for l in hyphenated {
        let last = l.runs.last().unwrap();
        assert!(last.text.ends_with('\u{AD}'), "{:?}", last.text);
    }
    let rejoined: String = texts(&lines).concat().replace('\u{AD}', "");
    assert_eq!(rejoined, "Interoperability transformation accountability");
}

#[test]
fn justified_lines_fill_the_measure_except_the_last() {
    let b = book();
    let lines = lines_of(&b, PARAGRAPH, 200.0, true, true);
    for l in &lines[..lines.len() - 1] {
        assert!((l.width.to_pt() - 200.0).abs() < 0.01, "{}", l.width);
    }
    assert!(lines.last().unwrap().width.to_pt() < 200.0);
}

#[test]
fn kerning_is_applied_and_every_glyph_maps_back_to_its_text() {
    let b = book();
    let shapers = b.shapers();
    let face = &shapers[b.select(FamilyId(0), false, false).0 as usize];
    let av = shape::width(&shape::shape(face, "AV", Abs(10.0)));
    let a = shape::width(&shape::shape(face, "A", Abs(10.0)));
    let v = shape::width(&shape::shape(face, "V", Abs(10.0)));
    assert!(av.to_pt() < (a + v).to_pt(), "AV is kerned");
    // Clusters tile the text, so search and copy see every character (ligatures, where a
    // font has them, map to all the letters they join).
    let text = "£300M – ŵŷ café";
    let glyphs = shape::shape(face, text, Abs(10.0));
    let mut at = 0;
    for g in &glyphs {
        assert_eq!(g.range.start, at);
        at = g.range.end;
    }
    assert_eq!(at, text.len());
}

#[test]
fn the_default_font_covers_british_and_welsh_characters() {
    let b = book();
    let regular = b.select(FamilyId(0), false, false);
    assert!(b.missing_chars(regular, "£ – ’ é ŵ ŷ “quotes”").is_empty());
    assert_eq!(b.missing_chars(regular, "tick ✓ and ✓ again"), vec!['✓']);
}

#[test]
fn a_word_wider_than_the_line_is_broken_by_force_and_never_overflows() {
    let b = book();
    let word = "Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch";
    let text = format!("Croeso i {word} ar Ynys Môn");
    for (width, justify, hyphenate) in [(80.0, false, false), (120.0, true, true)] {
        let lines = lines_of(&b, &text, width, justify, hyphenate);
        assert!(
            lines
                .iter()
                .all(|l| !l.overfull && l.width.to_pt() <= width + 0.01),
            "{:?}",
            texts(&lines)
        );
        // The lines that end inside the word say which word they broke.
        let broken: Vec<&str> = lines
            .iter()
            .filter_map(|l| l.broken_word.clone())
            .map(|r| &text[r])
            .collect();
        assert!(broken.len() >= 2, "{:?}", texts(&lines));
        assert!(broken.iter().all(|w| *w == word), "{broken:?}");
        // Each piece ends in a hyphen that stands for a soft hyphen, so the word is whole
        // to search and copy.
        let joined: String = texts(&lines).concat().replace('\u{AD}', "");
        assert_eq!(joined.trim_end(), text);
    }
}

#[test]
fn a_long_web_address_breaks_after_its_punctuation_without_a_hyphen() {
    let b = book();
    let url = "https://www.example.org/annual-report/2024/appendix-tables-and-notes.pdf";
    let lines = lines_of(&b, url, 90.0, false, true);
    assert!(lines.len() >= 3, "{:?}", texts(&lines));
    assert!(lines.iter().all(|l| !l.hyphenated && !l.overfull));
    for t in &texts(&lines)[..lines.len() - 1] {
        assert!(t.ends_with(['/', '.', '-']), "{t:?} in {:?}", texts(&lines));
    }
    assert_eq!(texts(&lines).concat(), url);
}

#[test]
fn a_line_narrower_than_one_letter_overflows_by_the_least_it_can() {
    // Nothing fits a 3 pt measure: each letter stands on a line of its own, none dragged
    // onto another's line.
    let b = book();
    let lines = lines_of(&b, "abc de", 3.0, false, false);
    assert!(lines.iter().all(|l| l.overfull));
    let widest = lines.iter().map(|l| l.width.to_pt()).fold(0.0, f64::max);
    assert!(widest < 10.0, "{:?}", texts(&lines));
}

#[test]
fn trailing_newlines_and_blank_lines_set_without_panicking() {
    let book = book();
    for text in [
        "hello\n\n",
        "hello\n\n\n",
        "a\n\nb",
        "\nhello\n",
        "x \n \n ",
    ] {
        let lines = lines_of(&book, text, 200.0, false, false);
        assert!(!lines.is_empty(), "{text:?}");
        assert!(
            lines.last().is_some_and(|l| !l.runs.is_empty()),
            "{text:?} ends in an empty line"
        );
    }
    // A blank line inside the text is kept: the author asked for it.
    assert_eq!(lines_of(&book, "a\n\nb", 200.0, false, false).len(), 3);
}

#[test]
fn a_line_break_space_is_a_space_glyph_of_its_own_with_no_advance() {
    // The last glyph of a line must stand for its own letter only: a PDF font gives each
    // glyph one text for the whole document, so "s" standing for "s " once would put a
    // space after every "s" that readers extract.
    let b = book();
    let shapers = b.shapers();
    let space = shapers[0].face.glyph_index(' ').unwrap().0;
    for justify in [false, true] {
        let lines = lines_of(&b, PARAGRAPH, 200.0, justify, true);
        for l in lines[..lines.len() - 1].iter().filter(|l| !l.hyphenated) {
            let run = l.runs.last().unwrap();
            let last = run.glyphs.last().unwrap();
            assert_eq!(&run.text[last.range.clone()], " ");
            assert_eq!((last.id, last.advance), (space, Abs::ZERO));
            let before = &run.glyphs[run.glyphs.len() - 2];
            assert!(!run.text[before.range.clone()].contains(' '));
            assert!((shape::width(&run.glyphs) - run.width).to_pt().abs() < 1e-9);
        }
    }
}

#[test]
fn the_hyphen_hyphenation_adds_is_not_the_glyph_of_the_texts_own_hyphens() {
    let b = book();
    let shapers = b.shapers();
    let lines = lines_of(
        &b,
        "Interoperability COVID-19 transformation",
        45.0,
        false,
        true,
    );
    let minus = shapers[0].face.glyph_index('-').unwrap().0;
    let added: Vec<&Glyph> = lines
        .iter()
        .filter(|l| l.hyphenated)
        .map(|l| l.runs.last().unwrap().glyphs.last().unwrap())
        .collect();
    assert!(!added.is_empty());
    assert!(added.iter().all(|g| g.id != minus && g.advance > Abs::ZERO));
}

#[test]
fn a_soft_hyphen_in_the_text_draws_no_glyph() {
    // HarfBuzz would draw it as the space glyph, which would then stand for U+00AD.
    let b = book();
    let shapers = b.shapers();
    let glyphs = shape::shape(&shapers[0], "docu\u{AD}ment", Abs(10.0));
    assert_eq!(glyphs.len(), 8);
    assert!(glyphs.iter().all(|g| !g.range.contains(&4)));
}

/// The syllables hyphenation would split `word` into in `lang`.
fn syllables(word: &str, lang: hypher::Lang) -> Vec<&str> {
    let points = hyphenation_points(word, 0, Hyphenation::Hypher(lang));
    std::iter::once(0)
        .chain(points.iter().copied())
        .zip(points.iter().copied().chain(std::iter::once(word.len())))
        .map(|(a, b)| &word[a..b])
        .collect()
}

#[test]
fn german_french_and_spanish_words_hyphenate_by_their_own_patterns() {
    use hypher::Lang::*;
    assert_eq!(
        syllables("Gesundheitswesen", German),
        ["Ge", "sund", "heits", "we", "sen"]
    );
    assert_eq!(
        syllables("Verantwortlichkeit", German),
        ["Ver", "ant", "wort", "lich", "keit"]
    );
    assert_eq!(
        syllables("responsabilité", French),
        ["res", "pon", "sa", "bi", "li", "té"]
    );
    assert_eq!(
        syllables("accompagnement", French),
        ["ac", "com", "pa", "gne", "ment"]
    );
    assert_eq!(
        syllables("administración", Spanish),
        ["ad", "mi", "nis", "tra", "ción"]
    );
    // English keeps the British minimums (three letters after the last break).
    assert_eq!(
        syllables("accountability", English),
        ["ac", "count", "abil", "ity"]
    );
}

#[test]
fn a_run_without_hyphenation_patterns_is_never_hyphenated() {
    // A language folio has no patterns for (Scottish Gaelic, Cornish) is set with none:
    // another language's would split its words in the wrong places.
    let b = book();
    let shapers = b.shapers();
    let mut text = StyledText::default();
    text.push(
        "Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch gwasanaethau cymunedol ddiflino",
        TextStyle {
            face: b.select(FamilyId(0), false, false),
            size: Abs(10.0),
            color: Color::BLACK,
            key: 0,
            hyphenation: None,
        },
    );
    let settings = ParSettings {
        width: Abs(60.0),
        first: Vec::new(),
        justify: false,
        hyphenate: true,
    };
    let lines = set_paragraph(&shapers, &text, &settings);
    // No word that fits a line is split; the place name, wider than any line, is broken by
    // force (between letters, having no patterns), and each such line says so.
    for (l, t) in lines.iter().zip(texts(&lines)) {
        let forced = l.broken_word.is_some();
        assert!(!l.hyphenated || forced, "{t:?}");
        assert!(!t.contains('\u{AD}') || forced, "{t:?}");
    }
    assert!(lines.iter().any(|l| l.broken_word.is_some()));
    let words: Vec<String> = texts(&lines)
        .concat()
        .replace('\u{AD}', "")
        .split_whitespace()
        .map(str::to_string)
        .collect();
    assert_eq!(
        words,
        [
            "Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch",
            "gwasanaethau",
            "cymunedol",
            "ddiflino"
        ]
    );
}

#[test]
fn english_patterns_would_split_welsh_digraphs_which_welsh_patterns_keep_whole() {
    // "dd", "ll", "th" and "ng" are single letters in Welsh; English patterns split them,
    // which is why Welsh text is hyphenated with the Welsh patterns (hyphenate/).
    use hypher::Lang::English;
    assert_eq!(
        syllables("ymddiriedolaethau", English),
        ["ymd", "diriedolaethau"]
    );
    assert_eq!(syllables("cyllideb", English), ["cyl", "lideb"]);
    assert_eq!(syllables("Machynlleth", English), ["Machyn", "l", "leth"]);
    assert_eq!(
        syllables("gweithgareddau", English),
        ["gwei", "th", "gared", "dau"]
    );
}

#[test]
fn a_narrow_welsh_paragraph_breaks_its_words_only_between_welsh_letters() {
    let b = book();
    let shapers = b.shapers();
    let mut text = StyledText::default();
    text.push(
        "Mae'r ymddiriedolaethau a'r gwasanaethau cymdeithasol yn llwyddiannus yng Nghaerdydd a Machynlleth",
        TextStyle {
            face: b.select(FamilyId(0), false, false),
            size: Abs(10.0),
            color: Color::BLACK,
            key: 0,
            hyphenation: Hyphenation::for_language("cy"),
        },
    );
    let settings = ParSettings {
        width: Abs(70.0),
        justify: true,
        hyphenate: true,
        first: Vec::new(),
    };
    let lines = set_paragraph(&shapers, &text, &settings);
    let set = texts(&lines);
    assert!(lines.iter().any(|l| l.hyphenated), "{set:?}");
    // Each hyphenated line ends at a break the Welsh patterns allow.
    let allowed = |word: &str| -> Vec<String> {
        let lower = word.to_lowercase();
        let welsh = Hyphenation::for_language("cy").unwrap();
        welsh
            .breaks(&lower)
            .into_iter()
            .map(|b| word[..b].to_string())
            .collect()
    };
    for l in set.iter().filter(|t| t.ends_with('\u{AD}')) {
        let head = l.trim_end_matches('\u{AD}').rsplit(' ').next().unwrap();
        let word = text
            .text
            .split(' ')
            .find(|w| w.starts_with(head) && w.len() > head.len())
            .unwrap();
        assert!(
            allowed(word).contains(&head.to_string()),
            "{head} of {word}: {set:?}"
        );
        let tail = &word[head.len()..];
        let pair: String = head
            .chars()
            .last()
            .into_iter()
            .chain(tail.chars().next())
            .collect();
        let digraphs = ["ch", "dd", "ff", "ng", "ll", "ph", "rh", "th"];
        let ends_one = digraphs.iter().any(|d| head.to_lowercase().ends_with(d));
        assert!(
            !digraphs.contains(&pair.to_lowercase().as_str()) || ends_one,
            "{head}|{tail}"
        );
    }
}

#[test]
fn a_welsh_word_too_wide_for_any_line_is_broken_by_force_never_inside_a_welsh_letter() {
    let b = book();
    let shapers = b.shapers();
    let name = "Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch";
    let digraphs = ["ch", "dd", "ff", "ng", "ll", "ph", "rh", "th"];
    // Widths at which the word takes three to eight lines, so the breaks fall all over it.
    for width in (6..40).map(|k| f64::from(k) * 5.0) {
        let mut text = StyledText::default();
        text.push(
            name,
            TextStyle {
                face: b.select(FamilyId(0), false, false),
                size: Abs(10.0),
                color: Color::BLACK,
                key: 0,
                hyphenation: Hyphenation::for_language("cy"),
            },
        );
        let settings = ParSettings {
            width: Abs(width),
            justify: false,
            hyphenate: true,
            first: Vec::new(),
        };
        let lines = set_paragraph(&shapers, &text, &settings);
        let set = texts(&lines);
        assert!(set.len() > 1, "{width}: {set:?}");
        let joined: String = set.iter().map(|l| l.trim_end_matches('\u{AD}')).collect();
        assert_eq!(joined, name, "nothing lost at {width}");
        // Read the word into Welsh letters; every break must fall between two of them.
        let lower = name.to_lowercase();
        let mut bounds = vec![0];
        let mut i = 0;
        while i < lower.len() {
            let w = if digraphs.iter().any(|d| lower[i..].starts_with(d)) {
                2
            } else {
                1
            };
            i += w;
            bounds.push(i);
        }
        let mut at = 0;
        for l in &set[..set.len() - 1] {
            at += l.trim_end_matches('\u{AD}').len();
            assert!(
                bounds.contains(&at),
                "{width}: a break inside a letter at {at}: {set:?}"
            );
        }
    }
}

#[test]
fn a_last_line_fitted_by_shrinking_its_spaces_is_drawn_inside_the_measure() {
    let b = book();
    let text = "A year of recovery and change for public services in every corner of the region.";
    let natural = lines_of(&b, text, 10_000.0, false, false)[0].width.to_pt();
    // Slightly narrower than the line: justified text may shrink its spaces to keep it one
    // line, and its last (here its only) line must then be drawn shrunk too.
    for over in [0.5, 1.0, 2.0, 3.0] {
        let width = natural - over;
        for justify in [true, false] {
            let lines = lines_of(&b, text, width, justify, true);
            for l in &lines {
                assert!(
                    l.width.to_pt() <= width + 0.01,
                    "{over} pt over, justify {justify}: {} > {width}: {:?}",
                    l.width.to_pt(),
                    texts(&lines)
                );
            }
        }
    }
}
