//! Freeing each page's items as soon as the PDF writer has drawn them (what the command line
//! does, `Options::keep_items` off), or building on one thread (as each of `folio batch`'s
//! builds does), changes nothing in either edition's file.

mod common;

use folio::{Editions, Options};

fn compile(print: bool, keep_items: bool) -> Editions {
    let source = std::fs::read_to_string(common::root().join("report.toml")).unwrap();
    let options = Options {
        print: Some(print),
        keep_items,
        ..Options::default()
    };
    folio::compile(&source, &common::root(), &options).expect("the shipped report builds")
}

fn pdf(edition: &Option<folio::Edition>) -> &[u8] {
    edition
        .as_ref()
        .expect("asked for")
        .as_ref()
        .expect("written")
}

/// Both builds wrote the same reader and the same print file, byte for byte.
fn assert_same_editions(a: &Editions, b: &Editions) {
    assert!(pdf(&a.reader) == pdf(&b.reader), "the reader PDFs differ");
    assert!(pdf(&a.print) == pdf(&b.print), "the print PDFs differ");
}

fn items(e: &Editions) -> usize {
    e.document.pages.iter().map(|p| p.items.len()).sum()
}

#[test]
fn the_reader_edition_is_the_same_file_when_pages_are_freed_as_drawn() {
    let kept = compile(false, true);
    let freed = compile(false, false);
    assert!(pdf(&kept.reader) == pdf(&freed.reader), "the PDFs differ");
    assert_eq!(kept.document.pages.len(), freed.document.pages.len());
    assert!(items(&kept) > 0);
    assert_eq!(items(&freed), 0, "every page's items were freed once drawn");
}

#[test]
fn both_editions_are_the_same_files_when_pages_are_freed_as_drawn() {
    let kept = compile(true, true);
    let freed = compile(true, false);
    assert_same_editions(&kept, &freed);
    assert_eq!(kept.print_pages, freed.print_pages);
    assert_eq!(kept.document.pages.len(), freed.document.pages.len());
    assert!(items(&kept) > 0);
    // The print edition took the items from the reader edition's pages once that was
    // written, and freed them as it drew them.
    assert_eq!(items(&freed), 0);
}

#[test]
fn a_build_kept_to_one_thread_writes_the_same_files() {
    let everywhere = compile(true, false);
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .unwrap();
    let alone = pool.install(|| compile(true, false));
    assert_same_editions(&everywhere, &alone);
}
