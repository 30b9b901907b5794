//! The page's own words: the skip link, download links, "Show the data" and the like.
//!
//! In: the report's language. Out: the strings and the language they are written in: a row
//! of a small table for English, Welsh, French, German, Spanish, Irish and Scottish Gaelic
//! (the languages of the model's [`crate::model::lang::Strings`]), English for any other.
//! English strings on a page in another language carry `lang="en"`, so a screen reader
//! says them with English rules rather than mispronouncing them as Polish or Dutch. The
//! words the PDF prints too ("Credit:", "Photo:", "Published") are the model's, so
//! `[strings]` changes both editions.

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
    /// After a page count: "12 pages" (Welsh and Irish count in the singular).
    pub pages: &'static str,
    pub show_data: &'static str,
    /// A table without a caption is named "Table 3".
    pub table: &'static str,
}

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
    table: "Table",
};

const CY: Strings = Strings {
    lang: "cy",
    skip: "Neidio i’r adroddiad",
    downloads: "Lawrlwytho",
    reader_pdf: "Yr adroddiad fel PDF",
    reader_note: "hygyrch, i’w ddarllen a’i archifo",
    print_pdf: "Y fersiwn print fel PDF",
    print_note: "PDF/X-4, ar gyfer argraffydd",
    pages: "tudalen",
    show_data: "Dangos y data",
    table: "Tabl",
};

const FR: Strings = Strings {
    lang: "fr",
    skip: "Aller au rapport",
    downloads: "Télécharger",
    reader_pdf: "Le rapport en PDF",
    reader_note: "accessible, pour la lecture et l’archivage",
    print_pdf: "L’édition imprimée en PDF",
    print_note: "PDF/X-4, pour l’imprimeur",
    pages: "pages",
    show_data: "Afficher les données",
    table: "Tableau",
};

const DE: Strings = Strings {
    lang: "de",
    skip: "Zum Bericht springen",
    downloads: "Herunterladen",
    reader_pdf: "Der Bericht als PDF",
    reader_note: "barrierefrei, zum Lesen und Archivieren",
    print_pdf: "Die Druckausgabe als PDF",
    print_note: "PDF/X-4, für die Druckerei",
    pages: "Seiten",
    show_data: "Daten anzeigen",
    table: "Tabelle",
};

const ES: Strings = Strings {
    lang: "es",
    skip: "Saltar al informe",
    downloads: "Descargar",
    reader_pdf: "El informe en PDF",
    reader_note: "accesible, para leer y archivar",
    print_pdf: "La edición impresa en PDF",
    print_note: "PDF/X-4, para la imprenta",
    pages: "páginas",
    show_data: "Mostrar los datos",
    table: "Tabla",
};

const GA: Strings = Strings {
    lang: "ga",
    skip: "Léim go dtí an tuarascáil",
    downloads: "Íoslódáil",
    reader_pdf: "An tuarascáil mar PDF",
    reader_note: "inrochtana, le léamh agus le cartlannú",
    print_pdf: "An t-eagrán clóite mar PDF",
    print_note: "PDF/X-4, do chlódóir",
    pages: "leathanach",
    show_data: "Taispeáin na sonraí",
    table: "Tábla",
};

const GD: Strings = Strings {
    lang: "gd",
    skip: "Leum gun aithisg",
    downloads: "Luchdaich a-nuas",
    reader_pdf: "An aithisg mar PDF",
    reader_note: "so-ruigsinneach, airson leughadh is tasgadh",
    print_pdf: "An deasachadh clò mar PDF",
    print_note: "PDF/X-4, airson clò-bhualadair",
    pages: "duilleagan",
    show_data: "Seall an dàta",
    table: "Clàr",
};

impl Strings {
    /// The strings for a page in `language`: its own row, or English.
    pub fn for_language(language: &str) -> &'static Strings {
        let primary = language.split(['-', '_']).next().unwrap_or("");
        match primary.to_ascii_lowercase().as_str() {
            "cy" => &CY,
            "fr" => &FR,
            "de" => &DE,
            "es" => &ES,
            "ga" => &GA,
            "gd" => &GD,
            _ => &EN,
        }
    }

    /// The `lang` to put on an element holding these strings inside text in
    /// `page_language` (the page's or a section's): `None` when that is their language.
    pub fn lang_on(&self, page_language: &str) -> Option<&'static str> {
        lang_around(self.lang, page_language)
    }
}

/// The language one of the model's words is in: the page's strings' (the model and this
/// table cover the same languages, so English where the page's language has no row) if it
/// is the word the model's table gives, else (`[strings]` gave it) the page's language.
pub fn model_words_language<'a>(
    strings: &'static Strings,
    page_language: &'a str,
    from_table: bool,
) -> &'a str {
    if from_table {
        strings.lang
    } else {
        page_language
    }
}

/// `lang` for words in `words` inside an element in `around`: `None` when their primary
/// languages agree ("cy" in "cy-GB").
pub fn lang_around<'a>(words: &'a str, around: &str) -> Option<&'a str> {
    let primary = |t: &str| {
        t.split(['-', '_'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase()
    };
    (primary(words) != primary(around)).then_some(words)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_gets_its_language_s_strings_and_english_ones_are_marked_elsewhere() {
        let cy = Strings::for_language("cy-GB");
        assert_eq!(cy.show_data, "Dangos y data");
        assert_eq!(cy.lang_on("cy-GB"), None);
        let pl = Strings::for_language("pl");
        assert_eq!(pl.show_data, "Show the data");
        assert_eq!(pl.lang_on("pl"), Some("en"));
        assert_eq!(Strings::for_language("EN").lang_on("en-GB"), None);
    }

    #[test]
    fn every_language_s_row_is_complete_and_its_own() {
        for tag in ["cy", "fr", "de", "es", "ga", "gd"] {
            let s = Strings::for_language(tag);
            assert_eq!(s.lang, tag);
            let row = [
                s.skip,
                s.downloads,
                s.reader_pdf,
                s.reader_note,
                s.print_pdf,
                s.print_note,
                s.pages,
                s.show_data,
                s.table,
            ];
            assert!(row.iter().all(|w| !w.is_empty()), "{tag}");
            assert_ne!(s.skip, EN.skip, "{tag}");
            assert_ne!(s.show_data, EN.show_data, "{tag}");
        }
    }
}
