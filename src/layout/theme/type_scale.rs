//! The type scale: the size, leading and weight of every kind of text folio sets.
//!
//! Sizes are given as designed (A4, 10.5 pt body) and scaled by [`Scale::text`] (or
//! [`Scale::cover`] on the covers); leadings are multiples of the size, so they scale with it.

use super::scale::Scale;
use crate::geom::Abs;

/// How one kind of text is set, before a colour and a family are chosen for it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TextSpec {
    pub size: Abs,
    /// Baseline-to-baseline distance as a multiple of the size.
    pub leading: f64,
    /// Set in the heading family's bold.
    pub bold: bool,
}

/// Every kind of text, resolved for one report.
#[derive(Debug, Clone)]
pub struct TypeScale {
    /// Body text. 1.4 × the size: WCAG 1.4.12 asks that 1.5 not break layouts; 1.4 reads
    /// well in print at 10–12 pt and keeps the report compact.
    pub body: TextSpec,
    /// The lead under a section heading sits between heading and body in size.
    pub lead: TextSpec,
    /// Section headings: large enough to find by eye when leafing through.
    pub section_title: TextSpec,
    /// Headings inside body text: the body's colour, a step above its size.
    pub subheading: TextSpec,
    /// A callout figure on the year-in-numbers page, where the figures are the point.
    pub figure_numbers_page: TextSpec,
    /// A callout figure in a section, where it supports the text.
    pub figure_section: TextSpec,
    /// The short phrase under a figure, and the sentence under that.
    pub card_label: TextSpec,
    pub card_detail: TextSpec,
    /// A figure's year-on-year change, between label and detail: bold, so the words that
    /// carry the comparison stand out from the detail.
    pub card_change: TextSpec,
    /// A pull quote, a step above the lead, and who said it.
    pub quote: TextSpec,
    pub attribution: TextSpec,
    /// A highlight box's title.
    pub box_title: TextSpec,
    /// A table's or chart's title.
    pub figure_title: TextSpec,
    /// An image's caption and credit.
    pub caption: TextSpec,
    /// A timeline's dates (bold, in the brand colour), milestone titles and their text.
    pub timeline_date: TextSpec,
    pub timeline_title: TextSpec,
    pub timeline_text: TextSpec,
    /// Chart category labels and values beside bars, tick labels, labels under columns,
    /// and the legend.
    pub chart_label: TextSpec,
    pub chart_value: TextSpec,
    pub chart_tick: TextSpec,
    pub chart_slot_label: TextSpec,
    pub legend: TextSpec,
    /// Contents entries: sections bold, their subheadings lighter and smaller.
    pub contents_entry: TextSpec,
    pub contents_sub: TextSpec,
    /// The running footer: small, out of the way, and never larger than the bottom margin
    /// holds (see [`TypeScale::new`]).
    pub footer: TextSpec,
    /// The front cover: the period, large, at the top of the colour field; the title and
    /// subtitle at its foot; the organisation, author and date below it.
    pub cover_period: TextSpec,
    pub cover_title: TextSpec,
    pub cover_subtitle: TextSpec,
    pub cover_organisation: TextSpec,
    pub cover_meta: TextSpec,
    /// The back cover: the organisation and the back text, closing the report.
    pub back_organisation: TextSpec,
    pub back_text: TextSpec,
}

/// The footer's rule sits a third of the way down the bottom margin and its baseline 1.6
/// sizes below the rule (see `FooterGeometry`); with a descender allowance of a quarter of
/// an em (most faces' is under that) the text fits the margin at up to this share of it.
const FOOTER_MARGIN_SHARE: f64 = (2.0 / 3.0) / (1.6 + 0.25);

impl TypeScale {
    /// The type scale for a report; `bottom_margin` caps the footer so that it stays on the
    /// page in large print on a small page.
    pub fn new(s: &Scale, bottom_margin: Abs) -> Self {
        let spec = |size: Abs, leading: f64, bold: bool| TextSpec {
            size,
            leading,
            bold,
        };
        let text = |design: f64, leading: f64, bold: bool| spec(s.text(design), leading, bold);
        let cover = |design: f64, leading: f64, bold: bool| spec(s.cover(design), leading, bold);
        Self {
            body: spec(s.body(), 1.4, false),
            lead: text(13.5, 1.35, false),
            section_title: text(22.0, 1.15, true),
            subheading: text(13.0, 1.25, true),
            figure_numbers_page: text(32.0, 1.1, true),
            figure_section: text(26.0, 1.1, true),
            card_label: text(10.5, 1.3, true),
            card_detail: text(9.0, 1.35, false),
            card_change: text(9.0, 1.3, true),
            quote: text(16.0, 1.3, false),
            attribution: text(10.0, 1.3, true),
            box_title: text(12.0, 1.3, true),
            figure_title: text(11.5, 1.3, true),
            caption: text(9.0, 1.35, false),
            timeline_date: text(10.5, 1.3, true),
            timeline_title: text(10.5, 1.3, true),
            timeline_text: text(10.0, 1.4, false),
            chart_label: text(9.5, 1.25, false),
            chart_value: text(9.5, 1.2, true),
            chart_tick: text(8.0, 1.2, false),
            chart_slot_label: text(9.0, 1.25, false),
            legend: text(9.0, 1.3, false),
            contents_entry: text(13.0, 1.3, true),
            contents_sub: text(11.0, 1.3, false),
            footer: spec(
                s.text(8.5).min(bottom_margin * FOOTER_MARGIN_SHARE),
                1.0,
                false,
            ),
            cover_period: cover(88.0, 1.0, true),
            cover_title: cover(34.0, 1.12, true),
            cover_subtitle: text(15.0, 1.35, false),
            cover_organisation: text(18.0, 1.25, true),
            cover_meta: text(11.0, 1.45, false),
            back_organisation: text(22.0, 1.2, true),
            back_text: text(11.0, 1.45, false),
        }
    }
}
