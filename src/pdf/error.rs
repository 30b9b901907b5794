//! Why a PDF could not be written, as types, and how each reason reads to the person who
//! wrote report.toml.
//!
//! In: what went wrong at the PDF boundary — a font or image that cannot be embedded, or a
//! rule of a standard the file claims that krilla refused (its `ValidationError`s). Out:
//! [`Diagnostic`]s in plain English that say what, where (the page and the text or image,
//! from the location folio gives krilla for every item it draws) and how to fix it, naming
//! the report.toml key where there is one. Nothing reaches the user in debug syntax.

use crate::diag::Diagnostic;
use crate::frame::{Document, ItemKind};
use krilla::configure::ValidationError;
use krilla::error::KrillaError;
use krilla::surface::Location;
use krilla::text::Font;
use std::num::NonZeroU64;
use std::ops::Range;

/// Why a PDF could not be written.
#[derive(Debug, Clone, PartialEq)]
pub enum ExportError {
    /// A font file could not be turned into a PDF font.
    Font { name: String },
    /// An image could not be decoded or converted for the edition.
    Image {
        /// The file, as report.toml names it.
        name: String,
        /// Where report.toml names it.
        span: Option<Range<usize>>,
        reason: String,
    },
    /// A page has no area (a page size of zero).
    EmptyPage,
    /// The print edition was asked of a document the print transform did not prepare.
    Unprepared(&'static str),
    /// krilla refused the document: rules of the standards the file claims, or limits of
    /// the PDF format.
    Rejected(Vec<Rejection>),
}

/// One rule the document breaks, already in words.
#[derive(Debug, Clone, PartialEq)]
pub struct Rejection {
    pub message: String,
    pub help: String,
    /// The drawn item it is about, if krilla said.
    pub at: Option<Place>,
}

/// An item of the document: page index and item index on that page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    pub page: usize,
    pub item: usize,
}

impl Place {
    /// The location folio hands krilla while drawing this item.
    pub fn location(self) -> Location {
        let packed = ((self.page as u64 + 1) << 32) | (self.item as u64 & 0xFFFF_FFFF);
        NonZeroU64::new(packed).expect("invariant: the page part is at least 1")
    }

    fn from_location(l: Location) -> Self {
        Self {
            page: (l.get() >> 32) as usize - 1,
            item: (l.get() & 0xFFFF_FFFF) as usize,
        }
    }
}

impl ExportError {
    /// Translates krilla's error; `fonts` are the fonts as handed to krilla, in the book's
    /// order, with the family name of each.
    pub fn from_krilla(e: KrillaError, fonts: &[(Font, String)]) -> Self {
        let family = |f: &Font| {
            fonts
                .iter()
                .find(|(k, _)| k == f)
                .map_or_else(|| "a font".to_string(), |(_, n)| n.clone())
        };
        let place = |l: &Option<Location>| l.map(Place::from_location);
        match e {
            KrillaError::Font(f, _) => Self::Font { name: family(&f) },
            KrillaError::Validation(errors) => {
                // Letters a font lacks are reported once per font and text, listing them.
                let mut missing: Vec<(String, Option<Place>, Vec<String>)> = Vec::new();
                let mut out = Vec::new();
                for (e, _) in &errors {
                    if let ValidationError::ContainsNotDefGlyph(f, l, text) = e {
                        let (name, at) = (family(f), place(l));
                        match missing.iter_mut().find(|(n, a, _)| *n == name && *a == at) {
                            Some((_, _, letters)) if !letters.contains(text) => {
                                letters.push(text.clone())
                            }
                            Some(_) => {}
                            None => missing.push((name, at, vec![text.clone()])),
                        }
                    } else {
                        out.push(rejection(e, &family, &place));
                    }
                }
                for (name, at, letters) in missing {
                    let quoted: Vec<String> = letters
                        .iter()
                        .map(|l| format!("\u{201c}{l}\u{201d}"))
                        .collect();
                    out.push(Rejection {
                        message: format!("the font {name} has no letter for {}", quoted.join(", ")),
                        help: "choose a font in `[brand.fonts]` that has it, or write the text without it"
                            .into(),
                        at,
                    });
                }
                Self::Rejected(out)
            }
            KrillaError::Image(_, l, reason) => Self::Rejected(vec![Rejection {
                message: format!("an image could not be embedded: {reason}"),
                help: "open it in an image editor and save it again as PNG or JPEG".into(),
                at: place(&l),
            }]),
            KrillaError::SixteenBitImage(_, l) => Self::Rejected(vec![Rejection {
                message: "an image has 16 bits per channel, which this PDF version cannot carry"
                    .into(),
                help: "save it with 8 bits per channel".into(),
                at: place(&l),
            }]),
            KrillaError::Limit(_) => Self::Rejected(vec![Rejection {
                message: "the document is larger than the PDF format allows".into(),
                help: "split the report into smaller ones".into(),
                at: None,
            }]),
            // Bookmarks, links and tag identifiers are folio's own bookkeeping.
            KrillaError::DuplicateNamedDestination(_)
            | KrillaError::DuplicateTagId(..)
            | KrillaError::UnknownTagId(..) => Self::Rejected(vec![internal()]),
        }
    }

    /// The problems as diagnostics, each pointing at the page and item where known.
    pub fn diagnostics(&self, doc: &Document) -> Vec<Diagnostic> {
        match self {
            Self::Font { name } => vec![
                Diagnostic::error(
                    format!("the font {name} could not be embedded in the PDF"),
                    None,
                )
                .with_help("choose another font in `[brand.fonts]`; the file may be damaged"),
            ],
            Self::Image { name, span, reason } => vec![
                Diagnostic::error(
                    format!("the image `{name}` could not be embedded: {reason}"),
                    span.clone(),
                )
                .with_help("open it in an image editor and save it again as PNG or JPEG"),
            ],
            Self::EmptyPage => vec![
                Diagnostic::error("a page has no area", None)
                    .with_help("give `[page] size` a width and a height"),
            ],
            Self::Unprepared(what) => vec![
                Diagnostic::error(
                    format!("the print edition could not be written: {what}"),
                    None,
                )
                .with_help("this is a bug in folio: please report it with your report.toml"),
            ],
            Self::Rejected(list) => {
                let mut out: Vec<Diagnostic> = Vec::new();
                for r in list {
                    let (message, span) = match r.at.and_then(|p| describe(doc, p)) {
                        Some((place, span)) => (format!("{} ({place})", r.message), span),
                        None => (r.message.clone(), None),
                    };
                    let mut d = Diagnostic::error(message, span).with_help(r.help.clone());
                    // Without a span from layout, the text itself is looked for in report.toml.
                    if d.span.is_none()
                        && let Some(text) = r.at.and_then(|p| drawn_text(doc, p))
                    {
                        d = d.within(text);
                    }
                    if !out.contains(&d) {
                        out.push(d);
                    }
                }
                out
            }
        }
    }
}

impl std::fmt::Display for ExportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Font { name } => write!(f, "the font {name} could not be embedded"),
            Self::Image { name, reason, .. } => {
                write!(f, "the image `{name}` could not be embedded: {reason}")
            }
            Self::EmptyPage => f.write_str("a page has no area"),
            Self::Unprepared(what) => write!(f, "the print edition could not be written: {what}"),
            Self::Rejected(list) => {
                let all: Vec<&str> = list.iter().map(|r| r.message.as_str()).collect();
                f.write_str(&all.join("; "))
            }
        }
    }
}

/// Where an item is, in words ("on page 3, at the text “Welcome”"), and where report.toml
/// holds it when layout knows.
fn describe(doc: &Document, p: Place) -> Option<(String, Option<Range<usize>>)> {
    let page = doc.pages.get(p.page)?;
    let which = page.number.map_or_else(
        || page.label.clone().unwrap_or_default().to_lowercase(),
        |n| format!("page {n}"),
    );
    let (what, span) = match &page.items.get(p.item)?.kind {
        ItemKind::Text(t) => {
            let text: String = t.text.trim().chars().take(40).collect();
            (
                format!(", in the text \u{201c}{text}\u{201d}"),
                t.span.clone(),
            )
        }
        ItemKind::Image { image, span, .. } => (
            format!(", in the image `{}`", image.name),
            span.clone().or_else(|| image.span.clone()),
        ),
        _ => (String::new(), None),
    };
    Some((format!("on {which}{what}"), span))
}

/// The text of a drawn text item, trimmed.
fn drawn_text(doc: &Document, p: Place) -> Option<String> {
    match &doc.pages.get(p.page)?.items.get(p.item)?.kind {
        ItemKind::Text(t) => Some(t.text.trim().to_string()),
        _ => None,
    }
}

fn internal() -> Rejection {
    Rejection {
        message: "folio wrote a PDF structure the PDF writer refused".into(),
        help: "this is a bug in folio: please report it with your report.toml".into(),
        at: None,
    }
}

/// One of krilla's validation errors in words.
fn rejection(
    e: &ValidationError,
    family: &dyn Fn(&Font) -> String,
    place: &dyn Fn(&Option<Location>) -> Option<Place>,
) -> Rejection {
    let r = |message: String, help: &str, at: Option<Place>| Rejection {
        message,
        help: help.to_string(),
        at,
    };
    match e {
        ValidationError::TooLongString => r(
            "a text is longer than the 32,767 characters PDF allows in one string".into(),
            "shorten the title, subject, keywords or alt text that is this long",
            None,
        ),
        ValidationError::TooLongName => r(
            "a name in the PDF is longer than the 127 bytes allowed".into(),
            "shorten the spot colour's name in `[brand.colours]`, or use a font with a shorter name",
            None,
        ),
        ValidationError::NoCodepointMapping(f, _, l)
        | ValidationError::InvalidCodepointMapping(f, _, _, l)
        | ValidationError::UnicodePrivateArea(f, _, _, l) => r(
            format!(
                "a letter of the font {} cannot be read back as text",
                family(f)
            ),
            "remove private-use or control characters from the text, or choose another font in `[brand.fonts]`",
            place(l),
        ),
        ValidationError::RestrictedLicense(f) => r(
            format!("the licence of the font {} forbids embedding it", family(f)),
            "choose a font whose licence allows embedding in `[brand.fonts]`",
            None,
        ),
        ValidationError::NoDocumentLanguage => r(
            "the document has no language".into(),
            "set `language` in `[report]`, for example \"en-GB\"",
            None,
        ),
        ValidationError::NoDocumentTitle => r(
            "the document has no title".into(),
            "set `title` in `[report]`",
            None,
        ),
        ValidationError::MissingDocumentDate => r(
            "the document has no date".into(),
            "set `date` in `[report]`, for example \"2021-01-29\"",
            None,
        ),
        ValidationError::MissingAltText(l) => r(
            "an image or chart has no description for screen readers".into(),
            "give it `alt`, or mark it `decorative = true`",
            place(l),
        ),
        ValidationError::MissingAnnotationAltText(l) => r(
            "a link has no description for screen readers".into(),
            "give the link words of its own in the text",
            place(l),
        ),
        ValidationError::MissingHeadingTitle => r(
            "a heading has no text".into(),
            "write the heading's words after the `#`",
            None,
        ),
        ValidationError::InconsistentSeparationFallback(_) => r(
            "one spot colour is given two different CMYK equivalents".into(),
            "give every `spot` of the same name the same `cmyk` in `[brand.colours]`",
            None,
        ),
        ValidationError::MissingCMYKProfile => r(
            "CMYK colour was used without an output profile".into(),
            "set `profile` in `[print]`, or remove it to use the built-in one",
            None,
        ),
        ValidationError::ContainsPostScript(l) => r(
            "an SVG gradient repeats or reflects, which the standard cannot carry".into(),
            "give the gradient `spreadMethod=\"pad\"` in the SVG file",
            place(l),
        ),
        ValidationError::Transparency(l) => r(
            "an SVG uses transparency, which the standard cannot carry".into(),
            "flatten the SVG's transparency in a drawing program",
            place(l),
        ),
        ValidationError::EmbeddedPDF(l) | ValidationError::EmbeddedFile(_, l) => r(
            "a file embedded in the PDF is not allowed by the standard".into(),
            "remove the embedded file",
            place(l),
        ),
        ValidationError::Annotation(l) => r(
            "the print edition would carry a link, which PDF/X does not allow".into(),
            "this is a bug in folio: please report it with your report.toml",
            place(l),
        ),
        ValidationError::TooLongArray
        | ValidationError::TooLongDictionary
        | ValidationError::TooLargeFloat
        | ValidationError::TooManyIndirectObjects
        | ValidationError::TooHighQNestingLevel => r(
            "the document exceeds a size limit of the PDF format".into(),
            "split very long texts or tables into smaller ones",
            None,
        ),
        ValidationError::ImageInterpolation(_)
        | ValidationError::ContainsNotDefGlyph(..)
        | ValidationError::MissingTagging
        | ValidationError::MissingDocumentOutline
        | ValidationError::RequiresNewerPdfVersion(..)
        | ValidationError::MissingTrappingStatus => internal(),
    }
}
