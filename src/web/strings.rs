//! The page's own words: the skip link, download links, "Show the data" and the like.
//!
//! In: the report's language. Out: the strings and the language they are written in. The
//! model carries no interface strings yet, so these are English; on a page in another
//! language they carry `lang="en"`, so a screen reader says them with English rules rather
//! than mispronouncing them as Welsh or French.

/// The interface strings of a page.
pub struct Strings {
    /// The language the strings are in (a BCP 47 tag).
    pub lang: &'static str,
    pub skip: &'static str,
    pub downloads: &'static str,
    pub reader_pdf: &'static str,
    pub reader_note: &'static str,
    pub print_pdf: &'static str,
    pub print_note: &'static str,
    pub pages: &'static str,
    pub show_data: &'static str,
    pub credit: &'static str,
    pub table: &'static str,
}

/// English.
const EN: Strings = Strings {
    lang: "en",
    skip: "Skip to the report",
    downloads: "Download",
    reader_pdf: "The report as a PDF",
    reader_note: "accessible, for reading and archiving",
    print_pdf: "The print edition as a PDF",
    print_note: "PDF/X-4, for a printer",
    pages: "pages",
    show_data: "Show the data",
    credit: "Credit:",
    table: "Table",
};

impl Strings {
    /// The strings for a page in `language`.
    pub fn for_language(_language: &str) -> &'static Strings {
        &EN
    }

    /// The `lang` to put on an element holding these strings: `None` when the page is
    /// already in their language.
    pub fn lang_on(&self, page_language: &str) -> Option<&'static str> {
        let primary = page_language.split(['-', '_']).next().unwrap_or("");
        (!primary.eq_ignore_ascii_case(self.lang)).then_some(self.lang)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_strings_are_marked_only_on_pages_in_another_language() {
        let s = Strings::for_language("cy");
        assert_eq!(s.lang_on("cy"), Some("en"));
        assert_eq!(s.lang_on("en-GB"), None);
        assert_eq!(s.lang_on("EN"), None);
    }
}
