//! A section → the flow: its heading, lead, figures, body and components.
//!
//! In: a resolved section. Out: the section as flow items in reading order — the section
//! opened as a container, its heading (kept with what follows), its lead (never alone at a
//! page foot), the grid of its figures (figures lead and the text explains them: a reader
//! who skims sees the numbers first), its body in one or two columns, its components across
//! the full width, and the section closed.

use super::block::{Block, Flow};
use super::components::{self, cards};
use super::cx::Cx;
use super::fragment::Skeleton;
use super::heading::section_heading;
use super::markdown;
use crate::frame::Role;
use crate::model::Section;

/// The flow of one section.
pub fn section(cx: &Cx, section: &Section) -> Vec<Flow> {
    cx.in_language(section.lang.as_ref(), || contents(cx, section))
}

/// The flow of a section's contents, in the section's language.
fn contents(cx: &Cx, section: &Section) -> Vec<Flow> {
    let theme = &cx.theme;
    let width = theme.measure();
    let mut heading = section_heading(cx, &section.title, width);
    heading.breaks.break_before = section.new_page;
    let mut out = vec![Flow::Open(Role::Section), Flow::Block(heading)];
    if let Some(lead) = &section.lead {
        let mut skel = Skeleton::new();
        let p = skel.node(Skeleton::ANCHOR, Role::Paragraph);
        let lines = cx.text(&mut skel, p, lead, &cx.lead_style(), width);
        let mut b = Block::lines(skel, lines).keep_with_next();
        b.space_after = theme.space.lead_after;
        out.push(Flow::Block(b));
    }
    out.extend(cards::section_grid(cx, &section.metrics, width));
    if section.columns == 2 {
        let body = markdown::flow(cx, &section.body, theme.column_width());
        if !body.is_empty() {
            out.push(Flow::Columns(body));
        }
    } else {
        out.extend(markdown::flow(cx, &section.body, width));
    }
    for c in &section.components {
        out.extend(components::component(cx, c, width));
    }
    out.push(Flow::Close);
    out
}
