//! Blocks and the flow stream: what components hand to the flow.
//!
//! A [`Block`] is measured layout waiting for a place: one or more slices (fragments placed
//! whole, top to bottom, that may go to different pages — the lines of a paragraph, the rows
//! of a table), the skeleton their items are marked against, the rules for where it may
//! break, and the space it wants around it. A block split over two pages is still one
//! skeleton, so a paragraph continued on the next page is one paragraph to a screen reader.
//!
//! A report's body is a stream of [`Flow`] items in reading order: blocks, and the opening
//! and closing of the containers they belong to (a section, a list), so that containers
//! need no block of their own and are attached to the structure where the flow places them.

use super::fragment::{Fragment, Skeleton, height};
use crate::diag::Diagnostic;
use crate::frame::Role;
use crate::geom::Abs;

/// Fewest lines of a paragraph left alone at the foot of a page.
pub const ORPHANS: usize = 2;
/// Fewest lines of a paragraph carried alone to the top of a page.
pub const WIDOWS: usize = 2;

/// Where a block may break, and what it must stay with.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Breaks {
    /// Must share a page with the start of the next block (a heading, a lead).
    pub keep_with_next: bool,
    /// Starts a new page.
    pub break_before: bool,
    /// Never split, however many slices it has (a block of one slice never splits anyway),
    /// unless it is taller than a whole page, or splitting spares a page that would hold
    /// nothing else.
    pub keep_together: bool,
    /// Fewest slices to leave at a page foot, and to carry to the next page, when split.
    pub min_head: usize,
    pub min_tail: usize,
    /// A figure that, when it does not fit what is left of a page, waits for the top of
    /// the next one while the blocks after it fill the gap.
    pub float: bool,
}

/// A measured block.
#[derive(Clone, Default)]
pub struct Block {
    pub skeleton: Skeleton,
    /// Placed whole, top to bottom; the flow may break between them.
    pub slices: Vec<Fragment>,
    pub breaks: Breaks,
    pub space_before: Abs,
    pub space_after: Abs,
    /// A bookmark (level, title) at where the block lands, and a contents entry.
    pub bookmark: Option<(u8, String)>,
    /// Placed again at the top of every page the block continues on (a table's heading
    /// row); its items must all be artifacts.
    pub repeat: Option<Fragment>,
    /// Warnings found while measuring, reported once the block is placed (so measuring a
    /// block twice does not report twice).
    pub notes: Vec<Diagnostic>,
    /// The same block measured smaller (an image and its caption at 95 %, 90 %, …), tallest
    /// first, each of one slice: the flow may take one to keep the block on a page it
    /// would otherwise leave (see `flow::fill`).
    pub smaller: Vec<Block>,
    /// Where report.toml writes what the block shows, for warnings the flow gives about
    /// it (a chart scaled to fit a page).
    pub span: crate::model::Span,
}

impl Block {
    /// A block of one slice, never split.
    pub fn atomic(skeleton: Skeleton, slice: Fragment) -> Self {
        Self {
            skeleton: skeleton.compact(),
            slices: vec![slice.compact()],
            breaks: Breaks {
                min_head: 1,
                min_tail: 1,
                ..Breaks::default()
            },
            ..Self::default()
        }
    }

    /// A block of lines, split with widow and orphan control.
    pub fn lines(skeleton: Skeleton, lines: Vec<Fragment>) -> Self {
        Self {
            skeleton: skeleton.compact(),
            slices: lines.into_iter().map(Fragment::compact).collect(),
            breaks: Breaks {
                min_head: ORPHANS,
                min_tail: WIDOWS,
                ..Breaks::default()
            },
            ..Self::default()
        }
    }

    /// The height of the whole block, slices stacked, without the space around it.
    pub fn height(&self) -> Abs {
        height(&self.slices)
    }

    /// The block as one fragment (its slices stacked) with its skeleton, to compose into a
    /// larger fragment.
    pub fn into_fragment(self) -> (Skeleton, Fragment) {
        let mut f = Fragment::default();
        f.stack(self.slices, Abs::ZERO, Abs::ZERO);
        (self.skeleton, f)
    }

    pub fn keep_with_next(mut self) -> Self {
        self.breaks.keep_with_next = true;
        self
    }

    pub fn spaced(mut self, before: Abs, after: Abs) -> Self {
        self.space_before = before;
        self.space_after = after;
        self
    }
}

/// An item of the flow stream, in reading order.
// Blocks are most of a stream and are moved into it once: boxing each would add an
// allocation per block to save the space of the few `Open`/`Close` markers.
#[allow(clippy::large_enum_variant)]
pub enum Flow {
    /// Opens a container node (a section, a list) under the current one.
    Open(Role),
    /// Closes the innermost open container.
    Close,
    Block(Block),
    /// A run set in two columns that fill each page left then right and end level. A run
    /// nested in another is set in the same columns.
    Columns(Vec<Flow>),
}
