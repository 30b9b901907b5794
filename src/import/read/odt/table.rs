//! ODF tables → rows of cell text.
//!
//! In: a `table:table`. Out: its rows (header rows, row groups and repeated rows and
//! cells unfolded, within limits) as cell text, pushed as a table block.

use super::{Frame, Reader};
use crate::import::doc::{Block, drop_note};
use crate::import::read::xml::Element;

/// `table:number-columns-repeated` above this is a spreadsheet habit (empty columns to the
/// edge of the sheet), not columns of a report's table.
const MAX_REPEAT: usize = 64;

impl Reader<'_> {
    pub(super) fn table(&mut self, t: &Element) {
        let mut rows: Vec<Vec<String>> = Vec::new();
        self.rows(t, &mut rows);
        // Trailing columns empty in every row are a spreadsheet's padding.
        let used = rows
            .iter()
            .map(|r| r.iter().rposition(|c| !c.is_empty()).map_or(0, |i| i + 1))
            .max()
            .unwrap_or(0);
        for r in &mut rows {
            r.truncate(used);
        }
        rows.retain(|r| !r.is_empty());
        if !rows.is_empty() {
            self.doc.blocks.push(Block::Table(rows));
        }
    }

    fn rows(&mut self, e: &Element, rows: &mut Vec<Vec<String>>) {
        for c in e.elements() {
            match c.name.as_str() {
                "table:table-row" => {
                    let mut row = Vec::new();
                    for cell in c.elements().filter(|x| {
                        matches!(
                            x.name.as_str(),
                            "table:table-cell" | "table:covered-table-cell"
                        )
                    }) {
                        let repeat = cell
                            .attr("table:number-columns-repeated")
                            .and_then(|n| n.parse::<usize>().ok())
                            .unwrap_or(1)
                            .clamp(1, MAX_REPEAT);
                        let text = self.cell_text(cell);
                        row.extend(std::iter::repeat_n(text, repeat));
                    }
                    let repeat = c
                        .attr("table:number-rows-repeated")
                        .and_then(|n| n.parse::<usize>().ok())
                        .unwrap_or(1)
                        .clamp(1, MAX_REPEAT);
                    for _ in 0..repeat {
                        rows.push(row.clone());
                    }
                }
                "table:table-header-rows" | "table:table-rows" | "table:table-row-group" => {
                    self.rows(c, rows)
                }
                _ => {}
            }
        }
    }

    fn cell_text(&mut self, cell: &Element) -> String {
        let mut parts = Vec::new();
        for p in cell.elements() {
            match p.name.as_str() {
                "text:p" | "text:h" => {
                    let mut runs = Vec::new();
                    let mut frames = Vec::new();
                    self.inline(p, (false, false), None, &mut runs, &mut frames);
                    if frames.iter().any(|f| matches!(f, Frame::Image(_))) {
                        drop_note(
                            &mut self.doc.dropped,
                            "a picture inside a table cell was left out: folio's table cells \
                             hold text and numbers",
                        );
                    }
                    parts.push(runs.iter().map(|r| r.text.as_str()).collect::<String>());
                }
                "text:list" => parts.push(p.text()),
                _ => {}
            }
        }
        parts
            .iter()
            .flat_map(|p| p.split_whitespace())
            .collect::<Vec<_>>()
            .join(" ")
    }
}
