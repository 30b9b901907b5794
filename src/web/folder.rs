//! A [`Site`] → a folder on disk, replaced in one step.
//!
//! In: the site and the folder to write. Out: the folder holding exactly the site's files,
//! or an error with the folder left as it was. The files are written to a hidden folder
//! beside the target and swapped in by renames, so a failed build never leaves half a web
//! edition; the old folder makes way for the new one by two renames, so a browser that
//! reloads mid-build finds the old page, the new one, or for that instant nothing. A folder
//! that folio did not make (no `index.html` of folio's own, and not empty) is never
//! replaced unless forced.

use super::{INDEX, Site};
use std::path::{Component, Path};

/// The marker folio's pages carry, by which a folder is known to be folio's to replace.
const GENERATOR: &str = r#"<meta name="generator" content="folio">"#;

/// Whether `dir` may be replaced without `--force`: absent, empty, or a web edition.
pub fn replaceable(dir: &Path) -> Result<(), String> {
    if !dir.exists() {
        return Ok(());
    }
    if !dir.is_dir() {
        return Err(format!(
            "{} exists and is not a folder; refusing to replace it (use --force to replace it anyway)",
            dir.display()
        ));
    }
    let empty = std::fs::read_dir(dir).is_ok_and(|mut d| d.next().is_none());
    let ours = std::fs::read_to_string(dir.join(INDEX)).is_ok_and(|t| t.contains(GENERATOR));
    if empty || ours {
        Ok(())
    } else {
        Err(format!(
            "{} exists and is not a web edition folio made; refusing to replace it (use --force to replace it anyway)",
            dir.display()
        ))
    }
}

/// Writes `site` as the folder `dir`.
pub fn write(site: &Site, dir: &Path) -> Result<(), String> {
    let parent = dir
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = dir
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .ok_or_else(|| format!("{} is not a folder name", dir.display()))?;
    let tmp = parent.join(format!(".{name}.folio-tmp"));
    let old = parent.join(format!(".{name}.folio-old"));
    let io = |what: &Path, e: std::io::Error| format!("cannot write {}: {e}", what.display());
    let _ = std::fs::remove_dir_all(&tmp);
    let result = (|| {
        std::fs::create_dir_all(&tmp).map_err(|e| io(&tmp, e))?;
        for (path, bytes) in &site.files {
            let rel = Path::new(path);
            // The site's paths are folio's own; still, nothing is written outside the folder.
            if rel.components().any(|c| !matches!(c, Component::Normal(_))) {
                return Err(format!("refusing to write `{path}` outside the web folder"));
            }
            let target = tmp.join(rel);
            if let Some(p) = target.parent() {
                std::fs::create_dir_all(p).map_err(|e| io(p, e))?;
            }
            std::fs::write(&target, bytes).map_err(|e| io(&target, e))?;
        }
        let _ = std::fs::remove_dir_all(&old);
        if dir.exists() {
            if dir.is_dir() {
                std::fs::rename(dir, &old).map_err(|e| io(dir, e))?;
            } else {
                std::fs::remove_file(dir).map_err(|e| io(dir, e))?;
            }
        }
        if let Err(e) = std::fs::rename(&tmp, dir) {
            // Put the last good edition back.
            let _ = std::fs::rename(&old, dir);
            return Err(io(dir, e));
        }
        let _ = std::fs::remove_dir_all(&old);
        Ok(())
    })();
    if result.is_err() {
        let _ = std::fs::remove_dir_all(&tmp);
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site(text: &str) -> Site {
        Site {
            files: vec![
                (INDEX.into(), format!("{GENERATOR}{text}").into_bytes()),
                ("images/a.svg".into(), b"<svg/>".to_vec()),
            ],
            notes: Vec::new(),
        }
    }

    #[test]
    fn a_folder_is_replaced_whole_and_a_foreign_one_is_refused() {
        let root = std::env::temp_dir().join(format!("folio-web-folder-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        std::fs::create_dir_all(&root).unwrap();
        let dir = root.join("report-web");
        write(&site("one"), &dir).unwrap();
        std::fs::write(dir.join("stale.txt"), "left from before").unwrap();
        assert!(replaceable(&dir).is_ok());
        write(&site("two"), &dir).unwrap();
        assert!(
            std::fs::read_to_string(dir.join(INDEX))
                .unwrap()
                .ends_with("two")
        );
        assert!(!dir.join("stale.txt").exists());
        let leftovers: Vec<_> = std::fs::read_dir(&root).unwrap().collect();
        assert_eq!(leftovers.len(), 1, "no temporary folders are left");

        let foreign = root.join("photos");
        std::fs::create_dir_all(&foreign).unwrap();
        std::fs::write(foreign.join("holiday.jpg"), "x").unwrap();
        let err = replaceable(&foreign).unwrap_err();
        assert!(err.contains("is not a web edition folio made"), "{err}");
        std::fs::remove_dir_all(&root).unwrap();
    }
}
