//! A small incremental update to a finished PDF, for what krilla cannot yet write.
//!
//! In: krilla's output (a classic cross-reference table, one catalog dictionary) and
//! catalog entries to add. Out: the same bytes followed by an incremental update section
//! (ISO 32000-1 §7.5.6): a new version of the catalog and a cross-reference section that
//! points to it, chained to the original with `/Prev`. The original objects are untouched,
//! so the update is easy to audit and PDF/A still holds (it allows incremental updates).
//!
//! Used for `/PageMode /UseOutlines`, so viewers open with the bookmarks showing.

use super::ExportError;

/// Appends an update that adds `entries` (already serialised, e.g. `("/PageMode",
/// "/UseOutlines")`) to the document catalog. Keys the catalog already has are replaced.
pub fn add_catalog_entries(pdf: Vec<u8>, entries: &[(&str, &str)]) -> Result<Vec<u8>, ExportError> {
    let fail = |what: &str| ExportError(format!("cannot update the PDF catalog: {what}"));
    let trailer = last_trailer(&pdf)
        .ok_or_else(|| fail("no trailer"))?
        .to_string();
    let trailer = trailer.as_str();
    let root = dict_value(trailer, "/Root").ok_or_else(|| fail("no /Root"))?;
    let root_num: u32 = root
        .split_whitespace()
        .next()
        .and_then(|n| n.parse().ok())
        .ok_or_else(|| fail("bad /Root"))?;
    let size = dict_value(trailer, "/Size").ok_or_else(|| fail("no /Size"))?;
    let prev = startxref(&pdf).ok_or_else(|| fail("no startxref"))?;
    let catalog = object_body(&pdf, root_num).ok_or_else(|| fail("catalog not found"))?;
    let mut dict = catalog.trim().to_string();
    let (root, size) = (root.to_string(), size.to_string());
    if !(dict.starts_with("<<") && dict.ends_with(">>")) {
        return Err(fail("catalog is not a plain dictionary"));
    }
    dict.truncate(dict.len() - 2);
    for (key, value) in entries {
        if dict_value(&dict, key).is_some() {
            return Err(fail(&format!("{key} is already set")));
        }
        dict.push_str(key);
        dict.push(' ');
        dict.push_str(value);
    }
    dict.push_str(">>");

    let mut out = pdf;
    if !out.ends_with(b"\n") {
        out.push(b'\n');
    }
    let offset = out.len();
    out.extend_from_slice(format!("{root_num} 0 obj\n{dict}\nendobj\n").as_bytes());
    let xref = out.len();
    // Keep /Info and /ID: PDF/A requires the ID, and the update describes the same document.
    let mut new_trailer = format!("/Size {size}/Root {root}/Prev {prev}");
    for key in ["/Info", "/ID"] {
        if let Some(v) = dict_value(trailer, key) {
            new_trailer.push_str(&format!("{key} {v}"));
        }
    }
    out.extend_from_slice(
        format!(
            "xref\n{root_num} 1\n{offset:010} 00000 n \ntrailer\n<<{new_trailer}>>\nstartxref\n{xref}\n%%EOF\n"
        )
        .as_bytes(),
    );
    Ok(out)
}

/// The text of the last `trailer << … >>` dictionary.
fn last_trailer(pdf: &[u8]) -> Option<&str> {
    let at = find_last(pdf, b"trailer")?;
    let rest = std::str::from_utf8(&pdf[at + 7..]).ok()?;
    let start = rest.find("<<")?;
    let end = matching_close(&rest[start..])?;
    Some(&rest[start..start + end])
}

/// The offset after the last `startxref`.
fn startxref(pdf: &[u8]) -> Option<usize> {
    let at = find_last(pdf, b"startxref")?;
    std::str::from_utf8(&pdf[at + 9..])
        .ok()?
        .split_whitespace()
        .next()?
        .parse()
        .ok()
}

/// The body of `N 0 obj … endobj`: the last definition in the file wins, as in a reader.
fn object_body(pdf: &[u8], num: u32) -> Option<&str> {
    let header = format!("\n{num} 0 obj");
    let at = find_last(pdf, header.as_bytes())? + header.len();
    let end = at + find_first(&pdf[at..], b"endobj")?;
    std::str::from_utf8(&pdf[at..end]).ok()
}

/// The raw value of `key` at the top level of a dictionary's text (up to the next key).
fn dict_value<'a>(dict: &'a str, key: &str) -> Option<&'a str> {
    let mut depth = 0i32;
    let bytes = dict.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if dict[i..].starts_with("<<") {
            depth += 1;
            i += 2;
            continue;
        }
        if dict[i..].starts_with(">>") {
            depth -= 1;
            i += 2;
            continue;
        }
        if depth == 1 && dict[i..].starts_with(key) {
            let after = &dict[i + key.len()..];
            // A key must end here: `/Root` is not the start of `/RootX`.
            if after.starts_with(|c: char| c.is_ascii_alphanumeric()) {
                i += 1;
                continue;
            }
            let end = value_end(after);
            return Some(after[..end].trim());
        }
        i += 1;
    }
    None
}

/// Where a value that starts `s` ends: at the next top-level key or the dictionary's end.
fn value_end(s: &str) -> usize {
    let mut depth = 0i32;
    let mut in_string = 0i32;
    let mut started = false;
    for (i, c) in s.char_indices() {
        match c {
            '(' => in_string += 1,
            ')' => in_string -= 1,
            '[' if in_string == 0 => depth += 1,
            ']' if in_string == 0 => depth -= 1,
            '<' if in_string == 0 && s[i..].starts_with("<<") => depth += 1,
            '>' if in_string == 0 && s[i..].starts_with(">>") => {
                if depth == 0 {
                    return i;
                }
                depth -= 1;
            }
            '/' if in_string == 0 && depth == 0 && started => return i,
            _ => {}
        }
        if !c.is_whitespace() {
            started = true;
        }
    }
    s.len()
}

/// Length of a `<< … >>` dictionary at the start of `s`, including its brackets.
fn matching_close(s: &str) -> Option<usize> {
    let mut depth = 0;
    let mut i = 0;
    while i + 1 < s.len() + 1 {
        if s[i..].starts_with("<<") {
            depth += 1;
            i += 2;
        } else if s[i..].starts_with(">>") {
            depth -= 1;
            i += 2;
            if depth == 0 {
                return Some(i);
            }
        } else {
            i += s[i..].chars().next()?.len_utf8();
        }
    }
    None
}

fn find_last(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).rposition(|w| w == needle)
}

fn find_first(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    const MINI: &str = "%PDF-1.7\n1 0 obj\n<</Type/Catalog/Pages 2 0 R/Outlines 3 0 R>>\nendobj\n2 0 obj\n<</Type/Pages/Kids[]/Count 0>>\nendobj\nxref\n0 3\n0000000000 65535 f \n0000000009 00000 n \n0000000068 00000 n \ntrailer\n<</Size 3/Root 1 0 R/ID[(a)(b)]>>\nstartxref\n110\n%%EOF\n";

    #[test]
    fn the_update_redefines_the_catalog_and_chains_to_the_old_xref() {
        let out = add_catalog_entries(MINI.as_bytes().to_vec(), &[("/PageMode", "/UseOutlines")])
            .unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(text.starts_with(MINI), "the original bytes are kept");
        let update = &text[MINI.len()..];
        assert!(update.contains(
            "1 0 obj\n<</Type/Catalog/Pages 2 0 R/Outlines 3 0 R/PageMode /UseOutlines>>"
        ));
        assert!(update.contains("/Prev 110"));
        assert!(update.contains("/ID [(a)(b)]"));
        let offset = MINI.len();
        assert!(update.contains(&format!("{offset:010} 00000 n \n")));
        assert_eq!(
            object_body(text.as_bytes(), 1).map(str::trim),
            Some("<</Type/Catalog/Pages 2 0 R/Outlines 3 0 R/PageMode /UseOutlines>>")
        );
    }

    #[test]
    fn an_existing_key_is_refused_rather_than_duplicated() {
        let err =
            add_catalog_entries(MINI.as_bytes().to_vec(), &[("/Outlines", "4 0 R")]).unwrap_err();
        assert!(err.0.contains("/Outlines is already set"));
    }

    #[test]
    fn values_are_read_up_to_the_next_key() {
        let d = "<</Size 278/Root 277 0 R/Info 275 0 R/ID[(o7M==)(MLA==)]>>";
        assert_eq!(dict_value(d, "/Root"), Some("277 0 R"));
        assert_eq!(dict_value(d, "/ID"), Some("[(o7M==)(MLA==)]"));
        assert_eq!(dict_value(d, "/Size"), Some("278"));
    }
}
