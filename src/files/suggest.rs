//! "Did you mean" for paths: `images/volunters.png` → `images/volunteers.png`.
//!
//! In: the folder a name is relative to, the name as written, and the folder rule. Out: the
//! same name with each misspelt part replaced by the closest name that exists there, or
//! `None` when some part has no close match. Only folder listings are read, never a file.

use crate::diag::did_you_mean;
use std::path::{Path, PathBuf};

/// Folders with more entries than this are not searched for a suggestion: a listing of a
/// huge folder would cost more than the hint is worth.
const MAX_ENTRIES: usize = 10_000;

/// The closest existing name to `name` (relative to `dir`), keeping the folder rule.
pub fn closest(dir: &Path, name: &str, inside: impl Fn(&Path) -> bool) -> Option<String> {
    let mut at: PathBuf = dir.to_path_buf();
    let mut written: Vec<String> = Vec::new();
    let mut changed = false;
    for part in name.split('/').filter(|p| !p.is_empty()) {
        let next = at.join(part);
        if part == "." || part == ".." || next.exists() {
            written.push(part.to_string());
            at = next;
            continue;
        }
        let names: Vec<String> = std::fs::read_dir(&at)
            .ok()?
            .take(MAX_ENTRIES)
            .filter_map(|e| e.ok())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        let refs: Vec<&str> = names.iter().map(String::as_str).collect();
        // A different case is a typo too (`Logo.PNG` for `logo.png`), and the likeliest.
        let found = refs
            .iter()
            .copied()
            .find(|n| n.eq_ignore_ascii_case(part))
            .or_else(|| did_you_mean(part, &refs))?;
        written.push(found.to_string());
        at = at.join(found);
        changed = true;
    }
    let canonical = at.canonicalize().ok()?;
    (changed && inside(&canonical)).then(|| written.join("/"))
}
