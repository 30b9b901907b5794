//! The frame as text, for snapshot tests and for reading a layout without a PDF reader.
//!
//! In: a [`Document`]. Out: one line per item, page by page, each naming where it is, what it
//! draws and what it means (its role path in the structure, or the kind of artifact); then
//! the structure tree in reading order, each content piece shown as the page and item it
//! was drawn as (`p3#5`: page 3, item 5). The tree pins the reading order, which item order
//! alone cannot: a paragraph continued on the next page is one node with pieces on both.

use super::{Child, ContentId, Document, ItemKind, LinkTarget, NodeId, Role, Structure, Tag};
use std::collections::BTreeMap;
use std::fmt::Write as _;

impl Document {
    /// A text dump of every page and of the structure tree.
    pub fn dump(&self) -> String {
        let paths = role_paths(&self.structure);
        let mut drawn: BTreeMap<ContentId, String> = BTreeMap::new();
        let mut out = String::new();
        for (i, page) in self.pages.iter().enumerate() {
            let _ = write!(out, "page {} ({} x {})", i + 1, page.size.w, page.size.h);
            match (page.number, &page.label) {
                (Some(n), _) => {
                    let _ = write!(out, " number {n}");
                }
                (None, Some(label)) => {
                    let _ = write!(out, " {label:?}");
                }
                (None, None) => {}
            }
            out.push('\n');
            for (k, item) in page.items.iter().enumerate() {
                let tag = match item.tag {
                    Tag::Content(c) => {
                        drawn.insert(c, format!("p{}#{k}", i + 1));
                        paths.get(&c).cloned().unwrap_or_else(|| "?".into())
                    }
                    Tag::Artifact(a) => format!("{a:?}").to_lowercase(),
                };
                let (x, y) = (item.pos.x, item.pos.y);
                let _ = match &item.kind {
                    ItemKind::Text(t) => writeln!(
                        out,
                        "  text {x},{y} {tag} f{} {} {} {:?}",
                        t.face.0, t.size, t.color, t.text
                    ),
                    ItemKind::Rect { size, fill } => {
                        writeln!(out, "  rect {x},{y} {tag} {}x{} {fill}", size.w, size.h)
                    }
                    ItemKind::Line {
                        points,
                        width,
                        color,
                    } => writeln!(
                        out,
                        "  line {x},{y} {tag} {} points {width} {color}",
                        points.len()
                    ),
                    ItemKind::Shape { path, fill } => writeln!(
                        out,
                        "  shape {x},{y} {tag} {} segments {} {fill}",
                        path.len(),
                        show_box(item.bounds())
                    ),
                    ItemKind::Scrim {
                        size,
                        color,
                        opacity,
                    } => writeln!(
                        out,
                        "  scrim {x},{y} {tag} {}x{} {color} {opacity:.3}",
                        size.w, size.h
                    ),
                    ItemKind::Image {
                        image,
                        size,
                        crop,
                        bleed,
                        ..
                    } => {
                        let bleed = if *bleed { " bleed" } else { "" };
                        match crop {
                            None => writeln!(
                                out,
                                "  image {x},{y} {tag} {}x{} {}{bleed}",
                                size.w, size.h, image.name
                            ),
                            Some(c) => writeln!(
                                out,
                                "  image {x},{y} {tag} {}x{} {} crop {},{} {}x{}{bleed}",
                                size.w,
                                size.h,
                                image.name,
                                c.origin.x,
                                c.origin.y,
                                c.size.w,
                                c.size.h
                            ),
                        }
                    }
                    ItemKind::Link { size, target } => {
                        let to = match target {
                            LinkTarget::Url(u) => u.clone(),
                            LinkTarget::Page { page, y } => format!("page {} at {y}", page + 1),
                        };
                        writeln!(out, "  link {x},{y} {tag} {}x{} {to}", size.w, size.h)
                    }
                };
            }
        }
        out.push_str("structure\n");
        tree(&self.structure, Structure::ROOT, 0, &drawn, &mut out);
        out
    }
}

/// The short name of a role, as the PDF tag it becomes, with what it carries.
fn role_name(role: &Role) -> String {
    match role {
        Role::Document => "Document".into(),
        Role::Section => "Sect".into(),
        Role::Heading(level, _) => format!("H{level}"),
        Role::Paragraph => "P".into(),
        Role::List { ordered: true } => "L(ordered)".into(),
        Role::List { ordered: false } => "L".into(),
        Role::ListItem => "LI".into(),
        Role::ListLabel => "Lbl".into(),
        Role::ListBody => "LBody".into(),
        Role::Figure { .. } => "Figure".into(),
        Role::Link { .. } => "Link".into(),
        Role::Spoken { .. } => "P(spoken)".into(),
        Role::Toc => "TOC".into(),
        Role::TocItem => "TOCI".into(),
        Role::Quote => "BlockQuote".into(),
        Role::Caption => "Caption".into(),
        Role::Table => "Table".into(),
        Role::TableHead => "THead".into(),
        Role::TableBody => "TBody".into(),
        Role::TableRow => "TR".into(),
        Role::TableHeader => "TH".into(),
        Role::TableCell => "TD".into(),
        Role::Div => "Div".into(),
        Role::Span => "Span".into(),
    }
}

/// What a role says beside its name in the tree: a heading's title, alt text, a URL.
fn role_detail(role: &Role) -> Option<&str> {
    match role {
        Role::Heading(_, title) => Some(title),
        Role::Figure { alt } => Some(alt),
        Role::Link { url } => Some(url),
        Role::Spoken { spoken } => Some(spoken),
        _ => None,
    }
}

/// For every content piece, the roles from below the document root down to its node
/// (`Sect/L/LI/LBody/P`).
fn role_paths(s: &Structure) -> BTreeMap<ContentId, String> {
    fn walk(s: &Structure, n: NodeId, path: &str, out: &mut BTreeMap<ContentId, String>) {
        for c in &s.node(n).children {
            match c {
                Child::Content(id) => {
                    out.insert(*id, path.to_string());
                }
                Child::Node(child) => {
                    let name = role_name(&s.node(*child).role);
                    let p = if path.is_empty() {
                        name
                    } else {
                        format!("{path}/{name}")
                    };
                    walk(s, *child, &p, out);
                }
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(s, Structure::ROOT, "", &mut out);
    out
}

/// The structure tree, indented by depth; runs of content pieces on one line.
fn tree(
    s: &Structure,
    n: NodeId,
    depth: usize,
    drawn: &BTreeMap<ContentId, String>,
    out: &mut String,
) {
    let node = s.node(n);
    let indent = "  ".repeat(depth + 1);
    let _ = match role_detail(&node.role) {
        Some(d) => writeln!(out, "{indent}{} {d:?}", role_name(&node.role)),
        None => writeln!(out, "{indent}{}", role_name(&node.role)),
    };
    let mut pieces: Vec<String> = Vec::new();
    let flush = |pieces: &mut Vec<String>, out: &mut String| {
        if !pieces.is_empty() {
            let _ = writeln!(out, "{indent}  {}", pieces.join(" "));
            pieces.clear();
        }
    };
    for c in &node.children {
        match c {
            Child::Content(id) => pieces.push(
                drawn
                    .get(id)
                    .cloned()
                    .unwrap_or_else(|| format!("undrawn c{}", id.0)),
            ),
            Child::Node(child) => {
                flush(&mut pieces, out);
                tree(s, *child, depth + 1, drawn, out);
            }
        }
    }
    flush(&mut pieces, out);
}

/// A box as its corners, for shapes whose outline is too long to print.
fn show_box(r: crate::geom::Rect) -> String {
    format!("{},{}–{},{}", r.origin.x, r.origin.y, r.right(), r.bottom())
}
