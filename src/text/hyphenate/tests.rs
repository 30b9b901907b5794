//! Hyphenation read back on real words: Welsh and Irish against the points TeX's own
//! hyphenator gives with the same pattern files, the minimums against the files' headers,
//! and no Welsh digraph split.

use super::*;

/// Welsh place names and long words of public reports, hyphenated as LuaTeX 1.15 hyphenates
/// them with hyph-cy.pat.txt, `\lefthyphenmin=2` and `\righthyphenmin=3`.
const WELSH_AS_TEX_DOES: &[&str] = &[
    "Llan-fair-pwll-gwyn-gyll-gog-er-ych-wyrn-dro-bwllll-ant-ysil-iog-ogogoch",
    "Mach-yn-lleth",
    "Aberystwyth",
    "Caerd-ydd",
    "Llan-gollen",
    "Pwllheli",
    "Dol-gellau",
    "Porth-madog",
    "Ffest-in-iog",
    "Pen-rhyn-deu-dr-aeth",
    "Rhos-llan-erch-rugog",
    "Llanelli",
    "Caer-n-arfon",
    "Hwlffordd",
    "Cas-newydd",
    "Ab-er-tawe",
    "Merthyr",
    "gwas-an-aethau",
    "cym-un-edol",
    "llywodr-aeth",
    "ym-ddir-ied-ol-aeth",
    "ym-ddir-ied-ol-aethau",
    "cyf-rif-iad-urol",
    "gweith-gar-eddau",
    "cylli-deb",
    "dat-blyg-iad",
    "rhag-lenni",
    "gwybod-aeth",
    "cenedl-aethol",
    "blyn-yddol",
    "ad-rodd-iad",
    "cym-deith-asol",
    "am-gylch-edd",
    "cyn-al-iad-wy-edd",
    "cyd-radd-ol-deb",
    "ffyn-hon-nell",
    "effeith-iol-rwydd",
    "llwydd-ian-nus",
    "cyf-lawn-iadau",
    "part-ner-iaethau",
    "swydd-og-aethau",
    "trafnid-iaeth",
    "ddig-idol",
    "techn-oleg",
    "cy-hoeddus",
    "medd-yg-feydd",
    "cleif-ion",
    "gwir-fodd-olwyr",
    "hy-ffordd-iant",
    "arian-nol",
    "blaen-or-iaethau",
    "Prif-ysgol",
    "Gorffen-naf",
    "Chwefror",
    "Tach-wedd",
    "chwaraeon",
    "rhwyd-weith-iau",
    "treth-dalwyr",
    "perchnog-aeth",
    "ang-hen-ion",
    "yng-hylch",
    "rhan-ddeil-iaid",
    "cy-hoedd-iad",
    "cyd-weith-red-iad",
    "ffermio",
    "phara-toi",
    "rhagor-iaeth",
    "pen-der-fyn-iadau",
    "Cym-raeg",
    "iechyd",
    "gof-alwyr",
];

/// Irish words hyphenated as LuaTeX 1.15 does with hyph-ga.pat.txt and hyph-ga.hyp.txt
/// (2 and 3); "cheiltí" and "gcistí" are exceptions the file lists unbroken.
const IRISH_AS_TEX_DOES: &[&str] = &[
    "Gael-tacht",
    "rial-tas",
    "oid-eachas",
    "sláinte",
    "seir-bhísí",
    "tuar-asc-áil",
    "blian-túil",
    "for-bar-tha",
    "eag-raí-ocht",
    "teic-neol-aí-ocht",
    "comh-airle",
    "Éir-eann-ach",
    "Oll-scoil",
    "fheidhm-í-ocht",
    "bhain-is-tí-ocht",
    "rann-pháirt-í-ocht",
    "ríomh-air-eachta",
    "cum-ar-sáide",
    "chomh-shaol",
    "mbuis-éad",
    "gcomh-airle",
    "dtion-scadal",
    "bhfeidhm-eannas",
    "feidhm-eann-ach",
    "in-bhuan-aith-eacht",
    "Corc-aigh",
    "Luim-neach",
    "Gaill-imh",
    "Chainn-igh",
    "Láirge",
    "cheiltí",
    "gcistí",
    "os-pid-éal",
    "oth-air",
    "al-traí",
    "doch-túirí",
    "Feidhm-eann-acht",
    "Seir-bhíse",
    "Sláinte",
];

/// Where TeX's Welsh patterns break an "ng" that is n and g in the word, and folio, which
/// keeps every "ng" whole, does not.
const WELSH_NG_KEPT: &[(&str, &str)] = &[
    (
        "Llan-fair-pwll-gwyn-gyll-gog-er-ych-wyrn-dro-bwllll-ant-ysil-iog-ogogoch",
        "Llan-fair-pwll-gwyngyll-gog-er-ych-wyrn-dro-bwllll-ant-ysil-iog-ogogoch",
    ),
    ("Llan-gollen", "Llangollen"),
];

/// `word` with a hyphen at each break `h` allows.
fn hyphenated(h: Hyphenation, word: &str) -> String {
    let lower = word.to_lowercase();
    assert_eq!(lower.len(), word.len(), "{word}");
    let breaks = h.breaks(&lower);
    let mut out = String::new();
    for (i, c) in word.char_indices() {
        if breaks.contains(&i) {
            out.push('-');
        }
        out.push(c);
    }
    out
}

const WELSH: Hyphenation = Hyphenation::Tex(TexPatterns::Welsh);
const IRISH: Hyphenation = Hyphenation::Tex(TexPatterns::Irish);

#[test]
fn welsh_words_break_where_tex_breaks_them_but_for_ng() {
    for tex in WELSH_AS_TEX_DOES {
        let expected = WELSH_NG_KEPT
            .iter()
            .find(|(t, _)| t == tex)
            .map_or(*tex, |(_, folio)| *folio);
        assert_eq!(hyphenated(WELSH, &tex.replace('-', "")), expected);
    }
}

#[test]
fn irish_words_break_where_tex_breaks_them_exceptions_included() {
    for tex in IRISH_AS_TEX_DOES {
        assert_eq!(hyphenated(IRISH, &tex.replace('-', "")), *tex);
    }
}

#[test]
fn no_welsh_digraph_is_split() {
    for tex in WELSH_AS_TEX_DOES {
        let word = tex.replace('-', "").to_lowercase();
        for b in WELSH.breaks(&word) {
            // The letters either side of the break are no digraph, unless the one before
            // already ends a digraph ("bwll|llan").
            let (before, after) = word.split_at(b);
            let pair: String = before
                .chars()
                .last()
                .into_iter()
                .chain(after.chars().next())
                .collect();
            let ends_a_digraph = WELSH_DIGRAPHS.iter().any(|d| before.ends_with(d));
            assert!(
                !WELSH_DIGRAPHS.contains(&pair.as_str()) || ends_a_digraph,
                "{word} split at {b}"
            );
        }
    }
}

#[test]
fn welsh_letters_are_read_from_the_left() {
    let inside = |w: &str, at: usize| inside_welsh_digraph(w, at);
    // pwllllan: p w ll ll a n — between the two "ll" is a letter boundary.
    assert!(inside("pwllllan", 3));
    assert!(!inside("pwllllan", 4));
    assert!(inside("pwllllan", 5));
    // "ngh" is ng then h; "rh", "ph", "th", "ch", "dd", "ff" whole.
    assert!(inside("anghenion", 2));
    assert!(!inside("anghenion", 3));
    for (w, at) in [
        ("rhaglen", 1),
        ("phara", 1),
        ("aeth", 3),
        ("ach", 2),
        ("adda", 2),
        ("effaith", 2),
    ] {
        assert!(inside(w, at), "{w} {at}");
    }
    assert!(!inside("cymru", 2));
}

#[test]
fn minimums_are_those_the_pattern_files_declare() {
    for (t, header) in [
        (
            TexPatterns::Welsh,
            include_str!("../../../hyphenation/hyph-cy.LICENSE.txt"),
        ),
        (
            TexPatterns::Irish,
            include_str!("../../../hyphenation/hyph-ga.LICENSE.txt"),
        ),
    ] {
        let after = header
            .split("typesetting:")
            .nth(1)
            .expect("hyphenmins in the header");
        let value = |key: &str| -> usize {
            let line = after.lines().find(|l| l.contains(key)).expect("a minimum");
            line.rsplit(':').next().unwrap().trim().parse().unwrap()
        };
        assert_eq!(t.minimums(), (value("left:"), value("right:")), "{t:?}");
    }
    // No break leaves fewer letters: "Caer-n-arfon" keeps two before and three after.
    for tex in WELSH_AS_TEX_DOES.iter().chain(IRISH_AS_TEX_DOES) {
        let word = tex.replace('-', "");
        let parts: Vec<&str> = tex.split('-').collect();
        if parts.len() > 1 {
            assert!(parts[0].chars().count() >= 2, "{tex}");
            assert!(parts.last().unwrap().chars().count() >= 3, "{tex}");
        }
        assert!(word.chars().count() >= 2);
    }
}

#[test]
fn languages_map_to_their_patterns() {
    assert_eq!(Hyphenation::for_language("cy"), Some(WELSH));
    assert_eq!(Hyphenation::for_language("ga"), Some(IRISH));
    assert_eq!(Hyphenation::for_language("gd"), None);
    assert_eq!(Hyphenation::for_language("kw"), None);
    assert_eq!(
        Hyphenation::for_language("fr"),
        Some(Hyphenation::Hypher(hypher::Lang::French))
    );
    assert_eq!(Hyphenation::for_language("english"), None);
    // Compiled once: the same set every time.
    assert!(std::ptr::eq(
        TexPatterns::Welsh.patterns(),
        TexPatterns::Welsh.patterns()
    ));
}
