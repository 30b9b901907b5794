//! The PNG and JPEG checks: any bytes are refused in words or accepted within the limits.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    for r in [
        folio::model::images::png(data),
        folio::model::images::jpeg(data),
    ] {
        if let Ok(r) = r {
            assert!(r.width > 0 && r.height > 0);
            assert!(r.width as u64 * r.height as u64 <= folio::model::images::MAX_PIXELS);
        }
    }
});
