//! A small incremental update to a finished PDF, for what krilla cannot yet write.
//!
//! In: krilla's output (a classic cross-reference table, one catalog dictionary) and
//! catalog entries to add. Out: the same bytes followed by an incremental update section
//! (ISO 32000-1 §7.5.6): a new version of the catalog and a cross-reference section that
//! points to it, chained to the original with `/Prev`. The original objects are untouched,
//! so the update is easy to audit and PDF/A still holds (it allows incremental updates).
//!
//! Used for `/PageMode /UseOutlines`, so viewers open with the bookmarks showing, and for
//! the print edition's PDF/X-4 output intent, identification and metadata.

use super::ExportError;

/// Appends an update that adds `entries` (already serialised, e.g. `("/PageMode",
/// "/UseOutlines")`) to the document catalog. Keys the catalog already has are refused.
pub fn add_catalog_entries(pdf: Vec<u8>, entries: &[(&str, &str)]) -> Result<Vec<u8>, ExportError> {
    let mut update = Update::new(pdf)?;
    let root = update.root;
    update.extend_dict(root, entries)?;
    update.fix_stream_ends();
    Ok(update.finish())
}

/// An incremental update being assembled: new objects, and new versions of old ones.
pub struct Update {
    pdf: Vec<u8>,
    trailer: String,
    prev: usize,
    next: u32,
    /// The catalog's and the document information's object numbers.
    pub root: u32,
    pub info: Option<u32>,
    objects: Vec<(u32, Vec<u8>)>,
}

fn fail(what: &str) -> ExportError {
    ExportError(format!("cannot update the PDF: {what}"))
}

fn object_number(reference: &str) -> Option<u32> {
    reference.split_whitespace().next()?.parse().ok()
}

impl Update {
    /// Reads the trailer of a finished PDF.
    pub fn new(pdf: Vec<u8>) -> Result<Self, ExportError> {
        let trailer = last_trailer(&pdf)
            .ok_or_else(|| fail("no trailer"))?
            .to_string();
        let root = dict_value(&trailer, "/Root")
            .and_then(object_number)
            .ok_or_else(|| fail("no /Root"))?;
        let info = dict_value(&trailer, "/Info").and_then(object_number);
        let next = dict_value(&trailer, "/Size")
            .and_then(|s| s.parse().ok())
            .ok_or_else(|| fail("no /Size"))?;
        let prev = startxref(&pdf).ok_or_else(|| fail("no startxref"))?;
        Ok(Self {
            pdf,
            trailer,
            prev,
            next,
            root,
            info,
            objects: Vec::new(),
        })
    }

    /// Adds a new object; returns its number.
    pub fn add(&mut self, body: Vec<u8>) -> u32 {
        let num = self.next;
        self.next += 1;
        self.objects.push((num, body));
        num
    }

    /// Writes a new version of dictionary object `num` with `entries` added.
    pub fn extend_dict(&mut self, num: u32, entries: &[(&str, &str)]) -> Result<(), ExportError> {
        let body = match self.objects.iter().find(|(n, _)| *n == num) {
            Some((_, b)) => String::from_utf8_lossy(b).into_owned(),
            None => object_body(&self.pdf, num)
                .ok_or_else(|| fail(&format!("object {num} not found")))?
                .to_string(),
        };
        let mut dict = body.trim().to_string();
        if !(dict.starts_with("<<") && dict.ends_with(">>")) {
            return Err(fail(&format!("object {num} is not a plain dictionary")));
        }
        dict.truncate(dict.len() - 2);
        for (key, value) in entries {
            if dict_value(&format!("{dict}>>"), key).is_some() {
                return Err(fail(&format!("{key} is already set")));
            }
            dict.push_str(key);
            dict.push(' ');
            dict.push_str(value);
        }
        dict.push_str(">>");
        self.objects.retain(|(n, _)| *n != num);
        self.objects.push((num, dict.into_bytes()));
        Ok(())
    }

    /// Rewrites every stream whose data happens to end in a carriage return so that its
    /// `endstream` is preceded by CR LF. Compressed data ends in any byte; when that byte
    /// is CR, the LF krilla writes before `endstream` makes a CR LF pair that validators read
    /// as the end-of-line marker, one byte early, and they then report the stream's /Length
    /// as wrong (PDF/A-2 6.1.7.1). The new version of the object carries the same bytes.
    pub fn fix_stream_ends(&mut self) {
        let pdf = &self.pdf;
        let mut fixes = Vec::new();
        let mut at = 0;
        while let Some(i) = find_first(&pdf[at..], b"stream\n").map(|i| i + at) {
            at = i + 7;
            // `endstream` also ends in "stream"; only a keyword after a dictionary counts.
            let before = &pdf[..i];
            let trimmed = before.trim_ascii_end();
            if !trimmed.ends_with(b">>") || before.ends_with(b"end") {
                continue;
            }
            let Some(obj) = find_last(before, b" 0 obj") else {
                continue;
            };
            let line_start = before[..obj]
                .iter()
                .rposition(|&b| b == b'\n')
                .map_or(0, |p| p + 1);
            let Some(num) = std::str::from_utf8(&before[line_start..obj])
                .ok()
                .and_then(|n| n.trim().parse::<u32>().ok())
            else {
                continue;
            };
            let dict = &pdf[obj + 6..trimmed.len()];
            let Some(len) = std::str::from_utf8(dict)
                .ok()
                .and_then(|d| dict_value(d, "/Length"))
                .and_then(|v| v.parse::<usize>().ok())
            else {
                continue;
            };
            let data_start = i + 7;
            let Some(data) = pdf.get(data_start..data_start + len) else {
                continue;
            };
            if data.last() == Some(&b'\r') && pdf[data_start + len..].starts_with(b"\nendstream") {
                let mut body = dict.trim_ascii().to_vec();
                body.extend_from_slice(b"\nstream\n");
                body.extend_from_slice(data);
                body.extend_from_slice(b"\r\nendstream");
                fixes.push((num, body));
            }
        }
        for (num, body) in fixes {
            self.objects.retain(|(n, _)| *n != num);
            self.objects.push((num, body));
        }
    }

    /// The original bytes followed by the update.
    pub fn finish(self) -> Vec<u8> {
        let mut out = self.pdf;
        // One allocation for the update, rather than doubling a multi-megabyte buffer.
        let extra: usize = self
            .objects
            .iter()
            .map(|(_, b)| b.len() + 64)
            .sum::<usize>()
            + 512;
        out.reserve_exact(extra);
        if !out.ends_with(b"\n") {
            out.push(b'\n');
        }
        let mut offsets = Vec::new();
        for (num, body) in &self.objects {
            offsets.push((*num, out.len()));
            out.extend_from_slice(format!("{num} 0 obj\n").as_bytes());
            out.extend_from_slice(body);
            out.extend_from_slice(b"\nendobj\n");
        }
        let xref = out.len();
        out.extend_from_slice(b"xref\n");
        offsets.sort();
        for (num, offset) in offsets {
            out.extend_from_slice(format!("{num} 1\n{offset:010} 00000 n \n").as_bytes());
        }
        // Keep /Info and /ID: PDF/A and PDF/X require the ID, and the update describes the
        // same document.
        let mut trailer = format!(
            "/Size {}/Root {} 0 R/Prev {}",
            self.next, self.root, self.prev
        );
        for key in ["/Info", "/ID"] {
            if let Some(v) = dict_value(&self.trailer, key) {
                trailer.push_str(&format!("{key} {v}"));
            }
        }
        out.extend_from_slice(
            format!("trailer\n<<{trailer}>>\nstartxref\n{xref}\n%%EOF\n").as_bytes(),
        );
        out
    }
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
    fn a_stream_ending_in_cr_is_rewritten_with_crlf_before_endstream() {
        let body = "%PDF-1.7\n1 0 obj\n<</Type/Catalog/Pages 2 0 R>>\nendobj\n2 0 obj\n<</Type/Pages/Kids[]/Count 0>>\nendobj\n3 0 obj\n<</Length 3>>\nstream\nab\r\nendstream\nendobj\n4 0 obj\n<</Length 2>>\nstream\nok\nendstream\nendobj\n";
        let pdf = format!(
            "{body}xref\n0 5\ntrailer\n<</Size 5/Root 1 0 R/ID[(a)(b)]>>\nstartxref\n{}\n%%EOF\n",
            body.len()
        );
        let out = add_catalog_entries(pdf.clone().into_bytes(), &[]).unwrap();
        let update = String::from_utf8(out[pdf.len()..].to_vec()).unwrap();
        assert!(
            update.contains("3 0 obj\n<</Length 3>>\nstream\nab\r\r\nendstream"),
            "{update:?}"
        );
        assert!(
            !update.contains("4 0 obj"),
            "a stream ending otherwise is left alone"
        );
    }

    #[test]
    fn values_are_read_up_to_the_next_key() {
        let d = "<</Size 278/Root 277 0 R/Info 275 0 R/ID[(o7M==)(MLA==)]>>";
        assert_eq!(dict_value(d, "/Root"), Some("277 0 R"));
        assert_eq!(dict_value(d, "/ID"), Some("[(o7M==)(MLA==)]"));
        assert_eq!(dict_value(d, "/Size"), Some("278"));
    }
}
