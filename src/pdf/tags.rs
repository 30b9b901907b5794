//! The tag tree: the frame's structure, translated node by node into krilla tag groups.

use crate::frame::{Child, NodeId, Role, Structure};
use krilla::tagging::{
    Identifier, ListNumbering, Node, TableHeaderScope, Tag, TagGroup, TagKind, TagTree,
};
use std::num::NonZeroU16;

/// Builds the tag tree. Content pieces that were never drawn (none should be) are skipped.
pub fn tree(structure: &Structure, ids: &[Option<Identifier>], lang: &str) -> TagTree {
    let mut tree = TagTree::new().with_lang(Some(lang.to_string()));
    for node in children(structure, Structure::ROOT, ids) {
        tree.push(node);
    }
    tree
}

/// The converted children of node `n`. Lines drawn as one marked-content sequence share
/// its identifier, which is named once.
fn children(structure: &Structure, n: NodeId, ids: &[Option<Identifier>]) -> Vec<Node> {
    let mut out = Vec::new();
    let mut last = None;
    for c in &structure.node(n).children {
        if let Child::Content(id) = c {
            let ident = ids.get(id.0 as usize).copied().flatten();
            if ident.is_some() && ident == last {
                continue;
            }
            last = ident;
        } else {
            last = None;
        }
        out.extend(convert(structure, *c, ids));
    }
    out
}

fn convert(structure: &Structure, child: Child, ids: &[Option<Identifier>]) -> Option<Node> {
    match child {
        Child::Content(c) => ids.get(c.0 as usize).cloned().flatten().map(Node::from),
        Child::Node(n) => {
            let mut kind = kind(structure, n);
            if let Some(lang) = &structure.node(n).lang {
                kind.as_any_mut().set_lang(Some(lang.clone()));
            }
            let mut group = TagGroup::new(kind);
            for node in children(structure, n, ids) {
                group.push(node);
            }
            Some(Node::from(group))
        }
    }
}

fn kind(structure: &Structure, n: NodeId) -> TagKind {
    match &structure.node(n).role {
        Role::Document | Role::Div => Tag::Div.into(),
        Role::Span => Tag::Span.into(),
        Role::Section => Tag::Section.into(),
        Role::Heading(level, title) => Tag::Hn(
            NonZeroU16::new(*level as u16).expect("invariant: heading levels start at 1"),
            Some(title.clone()),
        )
        .into(),
        Role::Paragraph => Tag::P.into(),
        Role::Spoken { spoken } => {
            let mut p: TagKind = Tag::P.into();
            p.as_any_mut().set_alt_text(Some(spoken.clone()));
            p
        }
        Role::Toc => Tag::TOC.into(),
        Role::TocItem => Tag::TOCI.into(),
        Role::Quote => Tag::BlockQuote.into(),
        Role::Caption => Tag::Caption.into(),
        Role::Table => Tag::Table.into(),
        Role::TableHead => Tag::THead.into(),
        Role::TableBody => Tag::TBody.into(),
        Role::TableRow => Tag::TR.into(),
        Role::TableHeader => Tag::TH(TableHeaderScope::Column).into(),
        Role::TableCell => Tag::TD.into(),
        Role::List { ordered } => Tag::L(if *ordered {
            ListNumbering::Decimal
        } else {
            ListNumbering::Disc
        })
        .into(),
        Role::ListItem => Tag::LI.into(),
        Role::ListLabel => Tag::Lbl.into(),
        Role::ListBody => Tag::LBody.into(),
        Role::Figure { alt } => Tag::Figure(Some(alt.clone())).into(),
        Role::Link { .. } => Tag::Link.into(),
    }
}
