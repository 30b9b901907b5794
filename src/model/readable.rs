//! The colours text is set in: the brand's roles where they read, the nearest shade that
//! does where they do not.
//!
//! In: the palette as report.toml gives it. Out: [`Readable`], one text colour per role and
//! ground — on the page and the tint (cards, boxes, table headings), and on the brand's
//! colour field (covers) — each reaching WCAG 2.2 AA for text (4.5:1) on every ground it is
//! used on, with a list of what had to move so the preflight can say it once. Layout sets
//! text only in these colours, so every text/background pair folio draws reads, whatever
//! the brand; links take the colour of their ground's text role and are always underlined.

use super::types::Palette;
use crate::contrast::{self, AA_TEXT};
use crate::geom::Color;

/// Text colours by ground.
#[derive(Debug, Clone, PartialEq)]
pub struct Readable {
    /// Body text, secondary text and text in the brand colour (headings, leads, figures,
    /// links), on the page and on the tint.
    pub text: Color,
    pub muted: Color,
    pub primary: Color,
    /// Text on the brand's colour field (the covers): `paper` where it reads, else `text`,
    /// else the nearest shade of the better of them that reads. Links on the field take
    /// this colour too.
    pub on_field: Color,
    /// What had to change, in the order checked.
    pub moved: Vec<Moved>,
}

/// A role whose colour could not be used as given for text on a ground.
#[derive(Debug, Clone, PartialEq)]
pub struct Moved {
    /// The role of the text colour, and of the ground (`paper`, `tint`, `primary`).
    pub role: &'static str,
    pub ground: &'static str,
    /// The colours as given, and the colour folio sets the text in instead.
    pub given: Color,
    pub on: Color,
    pub used: Color,
    /// Where the pair is used, for the message.
    pub used_for: &'static str,
    /// The role whose colour is used instead, when that is another role (`text` on the
    /// field in place of `paper`).
    pub instead: Option<&'static str>,
}

impl Readable {
    /// The readable colours of a palette.
    pub fn new(p: &Palette) -> Self {
        let mut moved = Vec::new();
        let mut on_page = |role: &'static str, c: Color, used_for: &'static str| {
            let grounds = [p.paper, p.tint];
            let used = contrast::ensure(c, &grounds, AA_TEXT);
            if used != c {
                // Name the ground the colour failed on (the page before the tint).
                let (ground, on) = if contrast::reads(c, p.paper, AA_TEXT) {
                    ("tint", p.tint)
                } else {
                    ("paper", p.paper)
                };
                moved.push(Moved {
                    role,
                    ground,
                    given: c,
                    on,
                    used,
                    used_for,
                    instead: None,
                });
            }
            used
        };
        let text = on_page("text", p.text, "body text, card labels and table headings");
        let muted = on_page("muted", p.muted, "captions, card details and the footer");
        let primary = on_page("primary", p.primary, "headings, leads, figures and links");
        let on_field = if contrast::reads(p.paper, p.primary, AA_TEXT) {
            p.paper
        } else {
            let (instead, used) = if contrast::reads(p.text, p.primary, AA_TEXT) {
                (Some("text"), p.text)
            } else {
                // Whichever of the two is nearer to reading, moved until it does.
                let better = if p.paper.contrast(p.primary) >= p.text.contrast(p.primary) {
                    p.paper
                } else {
                    p.text
                };
                (None, contrast::ensure(better, &[p.primary], AA_TEXT))
            };
            moved.push(Moved {
                role: "paper",
                ground: "primary",
                given: p.paper,
                on: p.primary,
                used,
                used_for: "the text and links on the cover and back-cover fields",
                instead,
            });
            used
        };
        Self {
            text,
            muted,
            primary,
            on_field,
            moved,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nhs() -> Palette {
        Palette {
            primary: Color::rgb(0x00, 0x5E, 0xB8),
            accent: Color::rgb(0x41, 0xB6, 0xE6),
            text: Color::rgb(0x21, 0x2B, 0x32),
            muted: Color::rgb(0x4C, 0x62, 0x72),
            tint: Color::rgb(0xE8, 0xED, 0xEE),
            paper: Color::WHITE,
        }
    }

    #[test]
    fn a_palette_that_reads_is_used_as_given() {
        let r = Readable::new(&nhs());
        assert_eq!(
            (r.text, r.muted, r.primary, r.on_field),
            (nhs().text, nhs().muted, nhs().primary, Color::WHITE)
        );
        assert!(r.moved.is_empty());
    }

    #[test]
    fn a_light_primary_gets_dark_text_on_its_field_and_a_darker_shade_on_the_page() {
        let mut p = nhs();
        p.primary = Color::rgb(0x41, 0xB6, 0xE6);
        let r = Readable::new(&p);
        assert_eq!(r.on_field, p.text);
        assert!(contrast::reads(r.primary, p.paper, AA_TEXT));
        assert!(contrast::reads(r.primary, p.tint, AA_TEXT));
        assert!(r.primary.luminance() < p.primary.luminance());
        let roles: Vec<_> = r.moved.iter().map(|m| (m.role, m.ground)).collect();
        assert_eq!(roles, [("primary", "paper"), ("paper", "primary")]);
    }
}
