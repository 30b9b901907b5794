//! The logical structure of a document: a tree of roles whose leaves are content pieces.
//!
//! In: nodes and content pieces added in reading order by layout. Out: the tree exporters turn
//! into a tag tree. Reading order is the order of each node's children, whatever the order
//! the pieces are drawn in.

use super::Tag;

/// Index of a structure node.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct NodeId(pub u32);

/// Index of a piece of tagged content.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct ContentId(pub u32);

/// The meaning of a structure node.
#[derive(Debug, Clone, PartialEq)]
pub enum Role {
    Document,
    Section,
    /// A heading of level 1 to 6, with its text (PDF/UA wants it as the title).
    Heading(u8, String),
    Paragraph,
    List {
        ordered: bool,
    },
    ListItem,
    ListLabel,
    ListBody,
    /// A graphic with its alternative text.
    Figure {
        alt: String,
    },
    Link {
        url: String,
    },
    /// A paragraph whose text is read differently from how it is printed: a figure such
    /// as "£300M" is read "300 million pounds".
    Spoken {
        spoken: String,
    },
    /// The table of contents and its entries.
    Toc,
    TocItem,
    /// A pull quote.
    Quote,
    /// A figure's or table's caption.
    Caption,
    Table,
    TableHead,
    TableBody,
    TableRow,
    /// A column heading cell.
    TableHeader,
    TableCell,
    /// A grouping without meaning of its own (a callout card, the cover block).
    Div,
    /// Words inside a paragraph that differ from it only in their language.
    Span,
}

/// A child of a structure node, in reading order.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Child {
    Node(NodeId),
    Content(ContentId),
}

/// A structure node.
#[derive(Debug, Clone)]
pub struct Node {
    pub role: Role,
    pub children: Vec<Child>,
    /// The node's language (BCP 47), where it differs from its parent's.
    pub lang: Option<String>,
}

/// The logical structure of the document: a tree of nodes whose leaves are content pieces.
#[derive(Debug, Clone)]
pub struct Structure {
    pub nodes: Vec<Node>,
    next_content: u32,
}

impl Default for Structure {
    fn default() -> Self {
        Self::new()
    }
}

impl Structure {
    /// A structure with only the document root.
    pub fn new() -> Self {
        Self {
            nodes: vec![Node {
                role: Role::Document,
                children: Vec::new(),
                lang: None,
            }],
            next_content: 0,
        }
    }

    pub const ROOT: NodeId = NodeId(0);

    /// Adds a node as the last child of `parent`.
    pub fn push(&mut self, parent: NodeId, role: Role) -> NodeId {
        let id = NodeId(self.nodes.len() as u32);
        self.nodes.push(Node {
            role,
            children: Vec::new(),
            lang: None,
        });
        self.nodes[parent.0 as usize].children.push(Child::Node(id));
        id
    }

    /// Reserves a content piece as the last child of `parent` and returns its tag.
    pub fn content(&mut self, parent: NodeId) -> Tag {
        let id = ContentId(self.next_content);
        self.next_content += 1;
        self.nodes[parent.0 as usize]
            .children
            .push(Child::Content(id));
        Tag::Content(id)
    }

    /// How many content pieces exist.
    pub fn content_count(&self) -> usize {
        self.next_content as usize
    }

    /// For each content piece, the piece that comes next among its node's children, when
    /// that child is a content piece too: the lines of one paragraph, say, which the PDF
    /// can mark as one sequence when they are drawn one after the other.
    pub fn next_contents(&self) -> Vec<Option<ContentId>> {
        let mut next = vec![None; self.content_count()];
        for node in &self.nodes {
            for pair in node.children.windows(2) {
                if let [Child::Content(a), Child::Content(b)] = pair {
                    next[a.0 as usize] = Some(*b);
                }
            }
        }
        next
    }

    /// Sets the language of a node (screen readers switch voice for it).
    pub fn set_lang(&mut self, node: NodeId, lang: &str) {
        self.nodes[node.0 as usize].lang = Some(lang.to_string());
    }

    pub fn node(&self, id: NodeId) -> &Node {
        &self.nodes[id.0 as usize]
    }
}
