//! Stage 3: [`Report`] → [`Document`]: pages of positioned, shaped, tagged items.
//!
//! Layout measures first and places afterwards. Components measure into untagged fragments
//! of known size, each block with a small skeleton of the structure it means
//! ([`fragment`], [`block`]); the flow decides from heights alone where every block goes
//! ([`flow::plan`]); structure is attached once, when a block is placed, in reading order
//! ([`flow::place`]). Nothing measured has side effects, so anything can be measured again
//! — at another width, or to count pages — before it is decided.
//!
//! The recipe:
//! 1. **resolve** the theme: every size and space from the page and the body size
//!    ([`theme`]);
//! 2. **measure** the covers, the year-in-numbers page and every section (heading, lead,
//!    cards, body, components) into blocks;
//! 3. **plan** the body: where each block lands, with keep-with-next, widow/orphan and
//!    no-split rules and balanced columns;
//! 4. **settle the contents** from where the headings landed: set and planned until its own
//!    page count stops moving the page numbers (`contents::settle`);
//! 5. **place** cover, contents, body and back cover, in reading order, attaching structure;
//! 6. add **page furniture** (footer, page numbers) when every page is known.
//!
//! Layout never sees TOML or PDF: it reads the resolved report and writes frames.

pub mod block;
pub mod components;
mod contents;
mod cover;
mod crop;
pub mod cx;
pub mod flow;
pub mod fragment;
mod furniture;
mod heading;
mod markdown;
mod parallel;
mod section;
pub mod slicing;
pub mod text;
pub mod theme;
mod wrap;

use crate::frame::{Document, Metadata, OutlineEntry, Page, Structure};
use crate::geom::Point;
use crate::model::Report;
use block::{Block, Flow};
use cx::Cx;
use flow::place::Target;
use flow::{Plan, blocks};

/// Lays out a report.
pub fn layout(report: &Report) -> Document {
    // 1. Resolve the theme (inside the measuring context).
    let cx = Cx::new(report);
    let theme = &cx.theme;

    // 2. Measure.
    let (front, mut body, back) = measure(&cx);
    flow::fit(&mut body, theme.area.size.h);

    // 3. Plan the body.
    let body_plan = flow::plan(&body, theme.area, &theme.columns);
    let headings = outline_entries(&body, &body_plan, 0);

    // 4. Settle the contents: the body starts after the cover and the contents.
    let contents = report.contents.as_ref().map(|title| {
        let settle = |depth: usize, most: usize| {
            let entries = contents::entries(&headings, depth);
            contents::settle(&cx, title, &entries, 1, most)
        };
        let settled = match report.contents_depth {
            Some(depth) => settle(depth.into(), usize::MAX),
            // Two levels where they fit on one page, else the section titles alone.
            None => settle(contents::AUTO_DEPTH, 1).or_else(|| settle(1, usize::MAX)),
        };
        settled.expect("invariant: a contents with no page limit settles")
    });
    let contents_pages = contents.as_ref().map_or(0, |(_, plan)| plan.pages);

    // 5. Place, in reading order.
    let body_start = 1 + contents_pages;
    let mut pages = vec![page(&cx, None, Some(&report.meta.strings.cover))];
    pages.extend((1..body_start + body_plan.pages).map(|i| page(&cx, Some(i + 1), None)));
    pages.push(page(&cx, None, Some(&report.meta.strings.back_cover)));
    let back_index = pages.len() - 1;
    let mut structure = Structure::new();
    let mut warnings = Vec::new();
    let mut outline = Vec::new();
    {
        let mut target = Target {
            pages: &mut pages,
            structure: &mut structure,
            warnings: &mut warnings,
        };
        target.page(front, 0, Point::default(), Structure::ROOT);
        if let Some((stream, plan)) = contents {
            outline.extend(outline_entries(&stream, &plan, 1));
            target.flow(stream, &plan, 1, Structure::ROOT);
        }
        outline.extend(headings.into_iter().map(|mut h| {
            h.page += body_start;
            h
        }));
        target.flow(body, &body_plan, body_start, Structure::ROOT);
        target.page(back, back_index, Point::default(), Structure::ROOT);
    }

    // 6. Furniture.
    warnings.extend(furniture::footers(&cx, &mut pages));

    let meta = &report.meta;
    Document {
        pages,
        structure,
        outline,
        meta: Metadata {
            title: meta.title.clone(),
            author: meta.author.clone(),
            language: meta.language.clone(),
            subject: meta.subject.clone(),
            keywords: meta.keywords.clone(),
            date: meta.date,
            go_to_page: meta.strings.go_to_page.clone(),
        },
        fonts: report.fonts.faces.clone(),
        cmyk_profile: report.print.profile.clone(),
        print: None,
        warnings,
    }
}

/// What is measured before anything is planned: the covers, the year-in-numbers page and
/// every section, each on its own.
enum Part<'r> {
    Front,
    Numbers(&'r crate::model::NumbersPage),
    Section(&'r crate::model::Section),
    Back,
}

/// A measured [`Part`].
enum Measured {
    Cover(Box<Block>),
    Flow(Vec<Flow>),
}

/// The front cover, the body's flow and the back cover, measured on every core (see
/// [`parallel::map`]). The body is the year-in-numbers page, then every section; the
/// year-in-numbers page stands alone, so the first section starts after it.
fn measure(cx: &Cx) -> (Block, Vec<Flow>, Block) {
    let report = cx.report;
    let parts: Vec<Part> = [Part::Front]
        .into_iter()
        .chain(report.numbers.as_ref().map(Part::Numbers))
        .chain(report.sections.iter().map(Part::Section))
        .chain([Part::Back])
        .collect();
    let measured = parallel::map(cx, &parts, PARTS_PER_WORKER, |cx, part| match part {
        Part::Front => Measured::Cover(Box::new(cover::front(cx))),
        Part::Numbers(numbers) => Measured::Flow(components::cards::numbers_page(cx, numbers)),
        Part::Section(s) => Measured::Flow(section::section(cx, s)),
        Part::Back => Measured::Cover(Box::new(cover::back(cx))),
    });
    let mut covers = Vec::new();
    // Exactly the room the parts' flows take: the body is held, measured, until it is
    // placed, and grown a part at a time it would hold up to twice that.
    let flows = measured.iter().map(|m| match m {
        Measured::Flow(flow) => flow.len(),
        Measured::Cover(_) => 0,
    });
    let mut body = Vec::with_capacity(flows.sum());
    let mut sections = 0;
    for (part, measured) in parts.iter().zip(measured) {
        match measured {
            Measured::Cover(block) => covers.push(*block),
            Measured::Flow(mut flow) => {
                if matches!(part, Part::Section(_)) {
                    sections += 1;
                }
                if sections == 1
                    && matches!(part, Part::Section(_))
                    && report.numbers.is_some()
                    && let Some(Flow::Block(heading)) =
                        flow.iter_mut().find(|f| matches!(f, Flow::Block(_)))
                {
                    heading.breaks.break_before = true;
                }
                body.extend(flow);
            }
        }
    }
    let [front, back] = <[Block; 2]>::try_from(covers)
        .unwrap_or_else(|_| unreachable!("invariant: two covers are measured"));
    (front, body, back)
}

/// A cover, the year-in-numbers page or a section is a page or more: two are worth a
/// worker.
const PARTS_PER_WORKER: usize = 2;

/// An empty page of the report's size: numbered, or named.
fn page(cx: &Cx, number: Option<usize>, label: Option<&str>) -> Page {
    Page {
        size: cx.theme.page,
        number,
        label: label.map(str::to_string),
        area: cx.theme.area,
        items: Vec::new(),
    }
}

/// A planned stream's bookmarks, its page 0 being document page `first_page`.
fn outline_entries(stream: &[Flow], plan: &Plan, first_page: usize) -> Vec<OutlineEntry> {
    blocks(stream)
        .into_iter()
        .enumerate()
        .filter_map(|(b, block)| {
            let (level, title) = block.bookmark.clone()?;
            let spot = plan.start(b)?;
            Some(OutlineEntry {
                level,
                title,
                page: first_page + spot.page,
                y: spot.at.y,
                lang: block.skeleton.language().map(str::to_string),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests;
