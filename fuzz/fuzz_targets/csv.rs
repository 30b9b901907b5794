//! Chart CSV: any bytes give rows of finite numbers or a message.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    for grouped in [false, true] {
        if let Ok(t) = folio::model::csv::read(data, "data.csv", grouped) {
            assert!(!t.rows.is_empty());
            for (_, values) in &t.rows {
                assert_eq!(values.len() + 1, t.header.len());
                assert!(values.iter().all(|v| v.is_finite()));
            }
        }
    }
});
