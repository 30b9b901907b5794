//! Fitting text to a cover's field: wrap at the field's width, then step the sizes down
//! the scale until the text fits the field's height, and say so when even the smallest
//! step does not.
//!
//! In: the parts of a block of cover text (the period, title and subtitle; or the
//! organisation, author and date), each with its theme size and the least it may shrink
//! to, and the box they must fit. Out: the parts set into lines, marked against the
//! cover's skeleton, at the largest step that fits, and whether any step did. Every part
//! steps down together, so the cover keeps its hierarchy; a part asked to stand on one line
//! (a period written as a range) first shrinks on its own to do so, down to the title's
//! size. Display lines are led at least as far apart as the face is tall, so a wrapped
//! 88 pt period never overlaps its own second line.

use crate::frame::Role;
use crate::geom::{Abs, Color};
use crate::layout::cx::{Cx, ParStyle};
use crate::layout::fragment::{Fragment, Local, Skeleton, height};
use crate::layout::theme::TextSpec;
use crate::model::Inline;

/// Each step sets the text at this share of the one before: about a step of a modular type
/// scale, small enough that the text shrinks only as much as it must.
const STEP: f64 = 0.92;
/// The text is never set below this share of its theme size to fit (about eight steps):
/// smaller, a cover title stops reading as one.
pub const LEAST_SCALE: f64 = 0.5;
/// Room between a face's ascender and the descender of the line above, as a share of the
/// size, whatever the leading asks.
const LINE_CLEARANCE: f64 = 0.03;
/// A line may overhang its box by this much (rounding in shaping).
const TOLERANCE: Abs = Abs(0.5);

/// The words of a part.
#[derive(Clone)]
pub enum Words<'a> {
    Plain(&'a str),
    /// Words made for the cover ("Published 29 January 2021").
    Owned(String),
    Inlines(&'a [Inline]),
}

/// One part of a block of cover text.
#[derive(Clone)]
pub struct Part<'a> {
    pub role: Role,
    pub words: Words<'a>,
    pub spec: TextSpec,
    pub color: Color,
    /// Space above the part (none above the first).
    pub gap: Abs,
    /// The part is never set below this size.
    pub least: Abs,
    /// Shrink to one line before the block steps down (not below `least`).
    pub one_line: bool,
}

/// The parts set.
pub struct Set {
    /// Each part's lines, with the gap above it.
    pub parts: Vec<(Abs, Vec<Fragment>)>,
    pub height: Abs,
    /// The share of the theme sizes the parts were set at.
    pub scale: f64,
    /// Whether they fit the box.
    pub fits: bool,
}

impl Set {
    /// Stacks the parts into `f` from `(x, y)`; returns the bottom.
    pub fn stack(self, f: &mut Fragment, x: Abs, y: Abs) -> Abs {
        let mut y = y;
        for (i, (gap, lines)) in self.parts.into_iter().enumerate() {
            if i > 0 {
                y += gap;
            }
            y = f.stack(lines, x, y);
        }
        y
    }
}

/// Sets `parts` to fit `width` × `room`, under `parent` of `skel`.
pub fn fit(
    cx: &Cx,
    skel: &mut Skeleton,
    parent: Local,
    parts: &[Part],
    width: Abs,
    room: Abs,
) -> Set {
    let mut scale = 1.0;
    loop {
        // A trial on a skeleton of its own, thrown away: measuring leaves no trace.
        let trial = set(
            cx,
            &mut Skeleton::new(),
            Skeleton::ANCHOR,
            parts,
            width,
            scale,
        );
        let fits = trial.height <= room + TOLERANCE
            && trial
                .parts
                .iter()
                .flat_map(|(_, lines)| lines)
                .all(|l| l.size.w <= width + TOLERANCE);
        let next = scale * STEP;
        if fits || next < LEAST_SCALE {
            let mut done = set(cx, skel, parent, parts, width, scale);
            done.fits = fits;
            return done;
        }
        scale = next;
    }
}

/// Sets every part at `scale` of its size.
fn set(cx: &Cx, skel: &mut Skeleton, parent: Local, parts: &[Part], width: Abs, scale: f64) -> Set {
    let mut out = Vec::new();
    let mut total = Abs::ZERO;
    for (i, part) in parts.iter().enumerate() {
        let mut size = (part.spec.size * scale).max(part.least);
        if part.one_line {
            size = one_line(cx, part, size, width);
        }
        let style = style(cx, part, size);
        let node = skel.node(parent, part.role.clone());
        let lines = match &part.words {
            Words::Plain(t) => cx.text(skel, node, t, &style, width),
            Words::Owned(t) => cx.text(skel, node, t, &style, width),
            Words::Inlines(inl) => cx.paragraph(skel, node, inl, &style, width),
        };
        let gap = if i > 0 { part.gap * scale } else { Abs::ZERO };
        total += gap + height(&lines);
        out.push((gap, lines));
    }
    Set {
        parts: out,
        height: total,
        scale,
        fits: true,
    }
}

/// The largest size up to `size` at which a part stands on one line, not below its least.
fn one_line(cx: &Cx, part: &Part, size: Abs, width: Abs) -> Abs {
    let text = match &part.words {
        Words::Plain(t) => *t,
        Words::Owned(t) => t.as_str(),
        Words::Inlines(_) => return size,
    };
    let wide = cx.measure(text, &style(cx, part, size));
    if wide <= width {
        return size;
    }
    // Set width grows in proportion to the size; a point less keeps rounding on the safe side.
    let fitted = Abs((size.to_pt() * width.to_pt() / wide.to_pt()).floor() - 1.0);
    fitted.min(size).max(part.least)
}

/// A part's style at a size, led so that its lines never overlap.
fn style(cx: &Cx, part: &Part, size: Abs) -> ParStyle {
    let spec = TextSpec { size, ..part.spec };
    let mut style = cx.style(&spec, part.color);
    let (ascent, descent) = cx.metrics(&style);
    let tall = (ascent + descent).to_pt() / size.to_pt().max(1.0) + LINE_CLEARANCE;
    style.leading = style.leading.max(tall);
    style.link = part.color;
    style
}
