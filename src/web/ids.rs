//! Element ids: unique, valid, and stable from build to build.
//!
//! In: names (a section's `id`, a heading's text, a role such as `main`). Out: ids with no
//! white space or markup characters, each used once in the page. Section ids are taken
//! first, so a link to `#patients` in the web edition finds the same section as in the PDF,
//! and the page's own ids (`main`, `contents`, `chart-1`) give way to them.

use std::collections::BTreeSet;

/// The ids given out so far.
#[derive(Default)]
pub struct Ids {
    used: BTreeSet<String>,
}

impl Ids {
    /// A unique id made from `name`: lower-case letters, digits and hyphens.
    pub fn take(&mut self, name: &str) -> String {
        let base = slug(name);
        let base = if base.is_empty() {
            "part".to_string()
        } else {
            base
        };
        let mut id = base.clone();
        let mut n = 2;
        while !self.used.insert(id.clone()) {
            id = format!("{base}-{n}");
            n += 1;
        }
        id
    }
}

/// `"COVID-19: keeping care going"` → `covid-19-keeping-care-going`. Letters of any
/// script are kept (HTML allows them), so Welsh and Greek titles make readable ids.
pub fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            out.push(c);
        } else if (c == '-' || c == '_' || c.is_whitespace() || c.is_ascii_punctuation())
            && !out.is_empty()
            && !out.ends_with('-')
        {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_and_free_of_spaces_and_markup() {
        let mut ids = Ids::default();
        assert_eq!(ids.take("patients"), "patients");
        assert_eq!(ids.take("patients"), "patients-2");
        assert_eq!(ids.take("Our <b>year</b>"), "our-b-year-b");
        assert_eq!(ids.take("Ein blwyddyn ni"), "ein-blwyddyn-ni");
        assert_eq!(ids.take("«»"), "part");
    }
}
