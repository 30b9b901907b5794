//! A snapshot of the frame dump of a small report: any change to layout shows up here as a
//! readable diff. Set `FOLIO_UPDATE_SNAPSHOTS=1` to accept a deliberate change.

mod common;

#[test]
fn small_report_frame_dump_matches_the_snapshot() {
    let root = common::root();
    let source = std::fs::read_to_string(root.join("tests/data/small.toml")).unwrap();
    let dump = common::build_in(&source, &root.join("tests/data"))
        .document
        .dump();
    let path = root.join("tests/snapshots/small.dump");
    if std::env::var_os("FOLIO_UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(&path, &dump).unwrap();
    }
    let expected = std::fs::read_to_string(&path)
        .expect("snapshot exists (FOLIO_UPDATE_SNAPSHOTS=1 writes it)");
    if dump != expected {
        let first = dump
            .lines()
            .zip(expected.lines())
            .position(|(a, b)| a != b)
            .unwrap_or(0);
        panic!(
            "frame dump differs from tests/snapshots/small.dump at line {}:\n  got:      {:?}\n  expected: {:?}",
            first + 1,
            dump.lines().nth(first),
            expected.lines().nth(first)
        );
    }
}
