//! The measuring context: what every component reads while it measures.
//!
//! In: the resolved report. Out: a [`Cx`] holding the report, its resolved [`Theme`], the
//! brand's palette (for fills) and its readable text colours ([`Readable`]: text is set only
//! in these, so every pair reads at WCAG AA), and a shaper per font face; and [`ParStyle`]s,
//! which join a theme text spec to a colour and the brand's families. A `Cx` is shared,
//! never mutated: measuring through it has no side effects beyond the shapers' word
//! caches, and the language of the text being set, which a section sets for its own
//! contents ([`Cx::in_language`]).

use super::theme::{TextSpec, Theme};
use crate::geom::{Abs, Color};
use crate::model::lang::Language;
use crate::model::{Palette, Readable, Report};
use crate::text::{FamilyId, Shapers, ShapersSeed};
use std::cell::RefCell;

/// Everything components share while measuring one report.
pub struct Cx<'a> {
    pub report: &'a Report,
    pub theme: Theme,
    /// The brand's colours as given: fields, bars, rules and backgrounds.
    pub palette: Palette,
    /// The colours text is set in, by ground.
    pub ink: Readable,
    pub(super) shapers: Shapers<'a>,
    /// The language of the text being set: the report's, or a section's.
    pub(super) lang: RefCell<Language>,
}

/// How a paragraph looks.
#[derive(Debug, Clone, Copy)]
pub struct ParStyle {
    pub family: FamilyId,
    pub size: Abs,
    pub color: Color,
    /// The colour of links in the text: the ground's brand-colour text (always underlined
    /// too, so colour alone never marks a link).
    pub link: Color,
    pub bold: bool,
    /// Baseline-to-baseline distance as a multiple of the size.
    pub leading: f64,
    pub hyphenate: bool,
    pub justify: bool,
}

impl<'a> Cx<'a> {
    pub fn new(report: &'a Report) -> Self {
        Self::with_shapers(report, report.fonts.shapers())
    }

    fn with_shapers(report: &'a Report, shapers: Shapers<'a>) -> Self {
        Self {
            report,
            theme: Theme::new(&report.page, &report.text),
            palette: report.palette,
            ink: Readable::new(&report.palette),
            shapers,
            lang: RefCell::new(report.meta.lang.clone()),
        }
    }

    /// What another thread needs to make a context like this one (see [`Cx::sibling`]):
    /// the report, the language being set and the faces, which the contexts share.
    pub fn seed(&self) -> (&'a Report, Language, ShapersSeed<'a>) {
        (self.report, self.lang.borrow().clone(), self.shapers.seed())
    }

    /// A context like the one `seed` came from: the same report, theme and faces, in the
    /// same language, with caches of its own.
    pub fn sibling((report, lang, faces): (&'a Report, Language, &ShapersSeed<'a>)) -> Cx<'a> {
        let cx = Cx::with_shapers(report, Shapers::from_seed(faces));
        cx.lang.replace(lang);
        cx
    }

    /// Measures what `f` sets in `lang` (a section's language; the report's if `None`),
    /// then goes back to the language before.
    pub fn in_language<R>(&self, lang: Option<&Language>, f: impl FnOnce() -> R) -> R {
        let lang = lang.unwrap_or(&self.report.meta.lang).clone();
        let outer = self.lang.replace(lang);
        let out = f();
        self.lang.replace(outer);
        out
    }

    /// Body text as report.toml sets it: hyphenated and justified as `[text]` says.
    pub fn body_style(&self) -> ParStyle {
        let spec = &self.theme.text.body;
        ParStyle {
            family: self.report.body_family,
            size: spec.size,
            color: self.ink.text,
            link: self.ink.primary,
            bold: false,
            leading: spec.leading,
            hyphenate: self.report.text.hyphenate,
            justify: self.report.text.justify,
        }
    }

    /// A lead (or the year-in-numbers intro): the body's family at the lead's size, in the
    /// brand colour, never hyphenated and never justified. At a lead's size a line holds
    /// few words, so justified without hyphens its spaces open into gaps (on A5, a third of
    /// an em and more between "Blwyddyn o adfer a newid"); ragged, it reads evenly.
    pub fn lead_style(&self) -> ParStyle {
        let spec = &self.theme.text.lead;
        ParStyle {
            size: spec.size,
            color: self.ink.primary,
            leading: spec.leading,
            hyphenate: false,
            justify: false,
            ..self.body_style()
        }
    }

    /// A display style: headings, figures, labels, cover lines. Never hyphenated or
    /// justified; bold text is set in the heading family.
    pub fn style(&self, spec: &TextSpec, color: Color) -> ParStyle {
        ParStyle {
            family: if spec.bold {
                self.report.heading_family
            } else {
                self.report.body_family
            },
            size: spec.size,
            color,
            link: self.ink.primary,
            bold: spec.bold,
            leading: spec.leading,
            hyphenate: false,
            justify: false,
        }
    }

    /// Ascent and descent of a style's face, in points.
    pub fn metrics(&self, style: &ParStyle) -> (Abs, Abs) {
        let fonts = &self.report.fonts;
        let face = fonts.face(fonts.select(style.family, style.bold, false));
        (style.size * face.ascender, style.size * -face.descender)
    }
}
