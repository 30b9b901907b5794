//! The geometry of each component: spacing, padding, rules and proportions, resolved for one
//! report. Lengths are drawn at the design body (10.5 pt) and scale with it ([`Scale::em`]);
//! shares and ratios do not scale.

use super::scale::Scale;
use crate::geom::Abs;

/// The thinnest rule that prints reliably and still shows on screen; it stays this thin in
/// large print, where it separates rather than decorates.
pub const HAIRLINE: Abs = Abs(0.5);

/// Vertical rhythm between blocks.
#[derive(Debug, Clone)]
pub struct Spacing {
    /// Between paragraphs: about half a line of body text.
    pub paragraph: Abs,
    /// Above a section heading: a clear break from the section before.
    pub section_before: Abs,
    /// Between the accent rule and the section title, and below the title.
    pub rule_to_title: Abs,
    pub heading_after: Abs,
    /// Below a lead, before the figures or the body.
    pub lead_after: Abs,
    /// Above a subheading (more than below it, so it binds to what follows).
    pub subheading_before: Abs,
    pub subheading_after: Abs,
    /// Around a chart, quote, box, table or image, and around a grid of cards.
    pub component: Abs,
    /// Below the year-in-numbers page's intro.
    pub intro_after: Abs,
}

/// The accent rule above a section heading.
#[derive(Debug, Clone)]
pub struct AccentRule {
    pub width: Abs,
    pub height: Abs,
}

/// Lists.
#[derive(Debug, Clone)]
pub struct ListGeometry {
    /// Room for the bullet or "10." and a gap.
    pub indent: Abs,
    /// Between items, and between the paragraphs of one item.
    pub item_gap: Abs,
    /// Above and below a list nested in an item.
    pub nested_gap: Abs,
}

/// Callout cards.
#[derive(Debug, Clone)]
pub struct CardGeometry {
    /// Between cards, across and down.
    pub gutter: Abs,
    /// Inside a card.
    pub pad: Abs,
    /// The coloured bar down a card's left edge.
    pub bar: Abs,
    /// Between figure and label, and label and detail.
    pub label_gap: Abs,
    pub detail_gap: Abs,
    /// A card narrower than this cannot hold a six-character figure ("£16.6m") at the
    /// section figure size: the grid takes fewer columns instead.
    pub min_width: Abs,
    /// A card's icon: about two lines of label tall, so it reads at a glance without
    /// outweighing the figure; and the space below it.
    pub icon: Abs,
    pub icon_gap: Abs,
    /// The marker of a year-on-year change: this share of the change's text size, and the
    /// gap before its words.
    pub marker_share: f64,
    pub marker_gap: Abs,
    /// Between the label and the change.
    pub change_gap: Abs,
}

/// Charts.
#[derive(Debug, Clone)]
pub struct ChartGeometry {
    /// Below the title.
    pub title_after: Abs,
    /// Bar charts: a row per label, the bar's thickness, the gap between a group's bars.
    pub bar_row: Abs,
    pub bar_thickness: Abs,
    pub bar_gap: Abs,
    /// Between the label column and the plot.
    pub label_gap: Abs,
    /// Room kept right of the longest bar for its value, and the value's offset from it.
    pub value_room: Abs,
    pub value_offset: Abs,
    /// Values sit this much above their bar's top, to centre them on it optically.
    pub value_rise: Abs,
    /// Tick labels: their distance below the plot, their room, and how far left of their
    /// gridline they start.
    pub tick_gap: Abs,
    pub tick_room: Abs,
    pub tick_back: Abs,
    /// Below the tick labels.
    pub axis_after: Abs,
    /// Column and line charts: the plot's height, the value axis's width, room above the
    /// plot for the value over the tallest column, the value's height above its point.
    pub plot_height: Abs,
    pub axis_width: Abs,
    pub plot_top: Abs,
    pub value_above: Abs,
    /// Tick labels of a value axis: the room they are set in is the axis less `tick_pad`,
    /// they end `axis_gap` left of the plot, and rise `tick_rise` to centre on their line.
    pub tick_pad: Abs,
    pub axis_gap: Abs,
    pub tick_rise: Abs,
    /// A line chart's point and stroke.
    pub dot: Abs,
    pub line_width: Abs,
    /// Labels under columns: their inset in the slot and gap below the axis.
    pub slot_inset: Abs,
    pub slot_label_gap: Abs,
    pub vertical_after: Abs,
    /// Progress bars: the track's height, the gap above it and below it.
    pub track: Abs,
    pub track_before: Abs,
    pub track_after: Abs,
    /// The legend of a grouped chart: swatch size and drop, gaps, room below.
    pub swatch: Abs,
    pub swatch_drop: Abs,
    pub swatch_gap: Abs,
    pub legend_gap: Abs,
    pub legend_after: Abs,
    /// The line at zero, drawn over the gridlines in the muted colour.
    pub zero_line: Abs,
    /// Paper left between the segments of a stacked bar and the slices of a pie, so that
    /// neighbours are told apart by the gap as well as by colour.
    pub segment_gap: Abs,
    /// Least room between two labels set side by side (values over columns, thinned labels).
    pub label_space: Abs,
    /// A pie's diameter: at most this, and at most `pie_share` of the chart's width.
    pub pie: Abs,
    pub pie_share: f64,
    /// A donut's hole, as a share of its diameter.
    pub donut_hole: f64,
    /// A percentage outside its slice sits this far from the rim, joined by a leader line.
    pub leader: Abs,
    /// Between the pie and its legend.
    pub legend_indent: Abs,
    /// A progress ring: its diameter, its stroke, and the gap between rings.
    pub ring: Abs,
    pub ring_width: Abs,
    pub ring_gap: Abs,
    /// How far the 100 % marker of a progress chart stands above and below its tracks.
    pub target_over: Abs,
}

/// Tables.
#[derive(Debug, Clone)]
pub struct TableGeometry {
    /// Inside every cell.
    pub cell_pad: Abs,
    /// Below the caption.
    pub caption_after: Abs,
}

/// Pull quotes.
#[derive(Debug, Clone)]
pub struct QuoteGeometry {
    /// The quote's indent from the accent bar, the bar's width, and the gap above the
    /// attribution.
    pub inset: Abs,
    pub bar: Abs,
    pub by_gap: Abs,
}

/// Highlight boxes.
#[derive(Debug, Clone)]
pub struct BoxGeometry {
    pub pad: Abs,
    pub title_after: Abs,
}

/// Images.
#[derive(Debug, Clone)]
pub struct ImageGeometry {
    /// Between the image and its caption.
    pub caption_gap: Abs,
    /// Between an image floated beside the text and the text: a little more than a line's
    /// leading, so the text does not crowd it.
    pub float_gap: Abs,
    /// Between the images of a row, and below the row's own caption.
    pub row_gap: Abs,
}

/// Forewords.
#[derive(Debug, Clone)]
pub struct ForewordGeometry {
    /// The portrait's column: this share of the width, at most `portrait_most`; beside it
    /// the text, which needs at least `least_measure` (about 45 characters, the shortest
    /// comfortable line) or the portrait stands above the text instead, at `small_share`.
    pub portrait_share: f64,
    pub portrait_most: Abs,
    pub least_measure: Abs,
    pub small_share: f64,
    /// Between the portrait and the text.
    pub gap: Abs,
    /// Between the portrait and the name under it; below the byline when it stands above
    /// the text.
    pub byline_gap: Abs,
    pub byline_after: Abs,
    /// The signature's height, and the space above it.
    pub signature: Abs,
    pub signature_gap: Abs,
}

/// Timelines.
#[derive(Debug, Clone)]
pub struct TimelineGeometry {
    /// Down the page: the dates' column is never wider than this share of the width, and
    /// is this far from the rail; the rail's column, its dots and its line.
    pub date_share: f64,
    pub date_gap: Abs,
    pub rail: Abs,
    pub dot: Abs,
    pub line: Abs,
    /// Between milestones, and between a milestone's title and its text.
    pub item_gap: Abs,
    pub title_gap: Abs,
    /// Across the page: between columns, and the narrowest column `auto` sets across
    /// (about fourteen characters of the text, so a milestone's words read as a sentence).
    pub column_gap: Abs,
    pub least_column: Abs,
}

/// The covers. Shares are of the page's height, so every design keeps its proportions on
/// any page; lengths follow the page (`Scale::page`) or the text (`Scale::em`).
#[derive(Debug, Clone)]
pub struct CoverGeometry {
    /// The colour field covers this share of the cover's height (the `field` design and
    /// the back cover).
    pub field_share: f64,
    /// The `photo` design: the band of the brand colour at the foot holds this share, and
    /// may grow to `band_most` to hold the organisation, date and logo.
    pub band_share: f64,
    pub band_most: f64,
    /// The `split` design: the photograph takes this share, the field the rest; it gives
    /// up room to a long title, down to `split_least`, before the title is made smaller.
    pub split_share: f64,
    pub split_least: f64,
    /// Between the title block and the band, over the photograph.
    pub band_gap: Abs,
    /// How far above the title the scrim fades in, so it has no edge on the photograph.
    pub scrim_feather: Abs,
    /// The logo is never taller than this (a square logo at the logo width would fill a
    /// quarter of an A5 cover), nor shrunk below `logo_least` of its size to make room.
    pub logo_height: Abs,
    pub logo_least: f64,
    /// Around a logo set on a panel of its own ground (a logo drawn for paper, on the field).
    pub plate_pad: Abs,
    /// Between the imprint (organisation, author, date) and the logo beside it.
    pub logo_gap: Abs,
    /// The period's distance below the top margin.
    pub period_drop: Abs,
    /// Between title and subtitle; the least room between period and title.
    pub subtitle_gap: Abs,
    pub title_clearance: Abs,
    /// From the field's foot to the organisation line, and between the lines below it.
    pub below_field: Abs,
    pub author_gap: Abs,
    /// Between the back cover's paragraphs.
    pub back_gap: Abs,
    /// The logo's width: composed for the page, like the cover's display type.
    pub logo_width: Abs,
}

/// The running footer, in the bottom margin.
#[derive(Debug, Clone)]
pub struct FooterGeometry {
    /// The rule sits a third of the way down the bottom margin, clear of the text above...
    pub rule_drop: Abs,
    /// ...and the baseline 1.6 footer sizes below the rule: the text hangs from the rule.
    pub baseline_drop: Abs,
}

/// The contents page.
#[derive(Debug, Clone)]
pub struct ContentsGeometry {
    /// Room at the right for the page number (three digits at the entry size).
    pub number_column: Abs,
    /// Indent of a second-level entry.
    pub sub_indent: Abs,
    /// Above and below each entry's text, and above the first entry.
    pub row_pad: Abs,
    pub first_gap: Abs,
}

/// Two-column text.
#[derive(Debug, Clone)]
pub struct ColumnGeometry {
    /// Between the columns: a little more than a line, so they read as two.
    pub gutter: Abs,
    /// Below this much room on a page, two columns would hold a line or two each: they
    /// start on the next page.
    pub min_start: Abs,
}

impl Spacing {
    pub fn new(s: &Scale) -> Self {
        let body = s.body();
        let paragraph = body * 0.7;
        Self {
            paragraph,
            section_before: s.em(24.0),
            rule_to_title: s.em(10.0),
            heading_after: s.em(10.0),
            lead_after: body * 1.2,
            subheading_before: body * 1.4,
            subheading_after: paragraph / 2.0,
            component: s.em(14.0),
            intro_after: s.em(14.0),
        }
    }
}

impl AccentRule {
    pub fn new(s: &Scale) -> Self {
        Self {
            width: s.em(36.0),
            height: s.em(4.0),
        }
    }
}

impl ListGeometry {
    pub fn new(s: &Scale) -> Self {
        let body = s.body();
        Self {
            indent: body * 1.6,
            item_gap: body * 0.35,
            nested_gap: body * 0.25,
        }
    }
}

impl CardGeometry {
    /// `figure` is the section figure size, which sets how narrow a card may be.
    pub fn new(s: &Scale, figure: Abs) -> Self {
        let (pad, bar) = (s.em(10.0), s.em(4.0));
        // Six characters of a bold sans figure average about 0.6 em each.
        const FIGURE_EMS: f64 = 3.6;
        Self {
            gutter: s.em(10.0),
            pad,
            bar,
            label_gap: s.em(2.0),
            detail_gap: s.em(4.0),
            min_width: figure * FIGURE_EMS + pad * 2.0 + bar,
            icon: s.em(24.0),
            icon_gap: s.em(6.0),
            marker_share: 1.2,
            marker_gap: s.em(4.0),
            change_gap: s.em(4.0),
        }
    }
}

impl ChartGeometry {
    pub fn new(s: &Scale) -> Self {
        let e = |v: f64| s.em(v);
        Self {
            title_after: e(6.0),
            bar_row: e(22.0),
            bar_thickness: e(13.0),
            bar_gap: e(2.0),
            label_gap: e(8.0),
            value_room: e(48.0),
            value_offset: e(5.0),
            value_rise: e(1.5),
            tick_gap: e(3.0),
            tick_room: e(60.0),
            tick_back: e(3.0),
            axis_after: e(14.0),
            plot_height: e(130.0),
            axis_width: e(34.0),
            plot_top: e(14.0),
            value_above: e(14.0),
            tick_pad: e(4.0),
            axis_gap: e(6.0),
            tick_rise: e(5.0),
            dot: e(5.0),
            line_width: e(2.0),
            slot_inset: e(2.0),
            slot_label_gap: e(4.0),
            vertical_after: e(6.0),
            track: e(9.0),
            track_before: e(3.0),
            track_after: e(10.0),
            swatch: e(8.0),
            swatch_drop: e(2.0),
            swatch_gap: e(4.0),
            legend_gap: e(14.0),
            legend_after: e(6.0),
            zero_line: e(1.0),
            segment_gap: e(1.0),
            label_space: e(4.0),
            pie: e(150.0),
            pie_share: 0.42,
            // Wide enough to hold the total, narrow enough that the ring still reads as
            // a pie's slices.
            donut_hole: 0.56,
            leader: e(10.0),
            legend_indent: e(18.0),
            ring: e(92.0),
            ring_width: e(11.0),
            ring_gap: e(16.0),
            target_over: e(3.0),
        }
    }
}

impl TableGeometry {
    pub fn new(s: &Scale) -> Self {
        Self {
            cell_pad: s.em(5.0),
            caption_after: s.em(4.0),
        }
    }
}

impl QuoteGeometry {
    pub fn new(s: &Scale) -> Self {
        Self {
            inset: s.em(18.0),
            bar: s.em(4.0),
            by_gap: s.em(4.0),
        }
    }
}

impl BoxGeometry {
    pub fn new(s: &Scale) -> Self {
        Self {
            pad: s.em(12.0),
            title_after: s.em(4.0),
        }
    }
}

impl ImageGeometry {
    pub fn new(s: &Scale) -> Self {
        Self {
            caption_gap: s.em(5.0),
            float_gap: s.em(12.0),
            row_gap: s.em(10.0),
        }
    }
}

impl CoverGeometry {
    pub fn new(s: &Scale) -> Self {
        Self {
            field_share: 0.62,
            band_share: 0.2,
            band_most: 0.4,
            split_share: 0.5,
            split_least: 0.3,
            band_gap: s.em(16.0),
            scrim_feather: s.page(110.0),
            logo_height: s.page(72.0),
            logo_least: 0.5,
            plate_pad: s.page(8.0),
            logo_gap: s.em(16.0),
            period_drop: s.em(10.0),
            subtitle_gap: s.em(12.0),
            title_clearance: s.em(24.0),
            below_field: s.em(28.0),
            author_gap: s.em(2.0),
            back_gap: s.em(8.0),
            logo_width: s.page(170.0),
        }
    }
}

impl ForewordGeometry {
    pub fn new(s: &Scale) -> Self {
        Self {
            portrait_share: 0.3,
            portrait_most: s.em(170.0),
            least_measure: s.em(220.0),
            small_share: 0.28,
            gap: s.em(18.0),
            byline_gap: s.em(8.0),
            byline_after: s.em(14.0),
            signature: s.em(40.0),
            signature_gap: s.em(10.0),
        }
    }
}

impl TimelineGeometry {
    pub fn new(s: &Scale) -> Self {
        Self {
            date_share: 0.3,
            date_gap: s.em(8.0),
            rail: s.em(16.0),
            dot: s.em(9.0),
            line: s.em(2.0),
            item_gap: s.em(14.0),
            title_gap: s.em(2.0),
            column_gap: s.em(14.0),
            least_column: s.em(80.0),
        }
    }
}

impl FooterGeometry {
    /// For a bottom margin and the footer's text size.
    pub fn new(bottom_margin: Abs, size: Abs) -> Self {
        Self {
            rule_drop: bottom_margin / 3.0,
            baseline_drop: size * 1.6,
        }
    }
}

impl ContentsGeometry {
    pub fn new(s: &Scale) -> Self {
        Self {
            number_column: s.em(36.0),
            sub_indent: s.em(16.0),
            row_pad: s.em(7.0),
            first_gap: s.em(8.0),
        }
    }
}

impl ColumnGeometry {
    pub fn new(s: &Scale) -> Self {
        Self {
            gutter: s.em(18.0),
            min_start: s.em(60.0),
        }
    }
}
