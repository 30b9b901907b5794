//! A section → the flow: its heading, lead, figures, body and components.
//!
//! In: a resolved section. Out: the section as flow items in reading order — the section
//! opened as a container, its heading (kept with what follows), its lead (never alone at a
//! page foot), the grid of its figures (figures lead and the text explains them: a reader
//! who skims sees the numbers first), its body in one or two columns, its components across
//! the full width, and the section closed. A section marked `keep_together` chains every
//! block to the next, so it moves whole to a new page when it would otherwise break.

use super::block::{Block, Flow};
use super::components::{self, cards};
use super::cx::Cx;
use super::fragment::Skeleton;
use super::heading::section_heading;
use super::markdown;
use super::text::Source;
use super::wrap;
use crate::frame::Role;
use crate::model::{Component, Float, ImageBlock, Section};

/// The flow of one section.
pub fn section(cx: &Cx, section: &Section) -> Vec<Flow> {
    cx.in_language(section.lang.as_ref(), || contents(cx, section))
}

/// The flow of a section's contents, in the section's language.
fn contents(cx: &Cx, section: &Section) -> Vec<Flow> {
    let theme = &cx.theme;
    let width = theme.measure();
    let spans = &section.spans;
    let mut heading = section_heading(
        cx,
        &section.title,
        width,
        Source::new("title", &spans.title, "heading"),
    );
    heading.breaks.break_before = section.new_page;
    let mut out = vec![Flow::Open(Role::Section), Flow::Block(heading)];
    if let Some(lead) = &section.lead {
        let mut skel = Skeleton::new();
        let p = skel.node(Skeleton::ANCHOR, Role::Paragraph);
        let mut notes = Vec::new();
        let lines = cx
            .set_text(&mut skel, p, lead, &cx.lead_style(), width)
            .noted(Source::new("lead", &spans.lead, "lead"), &mut notes);
        let mut b = Block::lines(skel, lines).keep_with_next();
        b.space_after = theme.space.lead_after;
        b.notes = notes;
        out.push(Flow::Block(b));
    }
    out.extend(cards::section_grid(cx, &section.metrics, width));
    if section.columns == 2 {
        let source = Source::new("body", &spans.body, "column");
        let body = markdown::flow(cx, &section.body, theme.column_width(), source);
        if !body.is_empty() {
            out.push(Flow::Columns(body));
        }
    } else {
        let source = Source::new("body", &spans.body, "text column");
        match floats(section) {
            floats if !floats.is_empty() => {
                out.extend(wrap::body(cx, &floats, &section.body, width, source));
            }
            _ => out.extend(markdown::flow(cx, &section.body, width, source)),
        }
    }
    let wrapped = floats(section);
    for c in &section.components {
        if matches!(c, Component::Image(i) if wrapped.iter().any(|w| std::ptr::eq(*w, i))) {
            continue;
        }
        out.extend(components::component(cx, c, width));
    }
    if section.keep_together {
        keep_together(&mut out);
    }
    out.push(Flow::Close);
    out
}

/// The images a section floats beside its body text (`float = "left"` or `"right"`): set
/// at the top of the body, which wraps round them. A two-column body, or none, takes none:
/// such an image is set across the column at its side.
fn floats(section: &Section) -> Vec<&ImageBlock> {
    if section.columns == 2 || section.body.is_empty() {
        return Vec::new();
    }
    section
        .components
        .iter()
        .filter_map(|c| match c {
            Component::Image(i) if matches!(i.placement.float, Float::Left | Float::Right) => {
                Some(i)
            }
            _ => None,
        })
        .collect()
}

/// Chains every block of a section to the next, so the flow moves the section whole
/// unless it is taller than a page.
fn keep_together(flow: &mut [Flow]) {
    let last = flow.iter().rposition(|f| matches!(f, Flow::Block(_)));
    for (i, f) in flow.iter_mut().enumerate() {
        if let Flow::Block(b) = f
            && Some(i) != last
        {
            b.breaks.keep_with_next = true;
        }
    }
}
