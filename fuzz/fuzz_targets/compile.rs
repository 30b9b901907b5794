//! report.toml → both editions, in memory: no input may panic, hang or exhaust memory.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(source) = std::str::from_utf8(data) else {
        return;
    };
    // The report's folder is the fuzz folder's seeds: a logo, a photo and a CSV to name.
    let base = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("folder");
    let options = folio::Options {
        print: Some(data.len() % 2 == 0),
        ..folio::Options::default()
    };
    match folio::compile(source, &base, &options) {
        Err(d) => {
            let _ = folio::diag::render(&d.list, "report.toml", source, false);
        }
        Ok(e) => {
            let _ = folio::diag::render(&e.warnings, "report.toml", source, false);
        }
    }
});
