//! SVG parsing through the file door: no SVG may panic, read outside its folder, or expand
//! past the limits.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let base = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("folder");
    let folder = folio::files::Folder::new(&base);
    let path = folder.root().join("logo.svg");
    if let Ok(tree) = folio::model::svg::parse(data, &path, &folder, &Default::default()) {
        let _ = folio::model::svg::print_problem(&tree);
    }
    for input in folder.inputs() {
        assert!(
            input.starts_with(folder.root()),
            "read outside: {}",
            input.display()
        );
    }
});
