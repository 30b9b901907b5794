//! What every edition needs to draw a chart the same way: its value axis, its series
//! colours, its labels' decimals, a pie's percentages and the chart's description.
//!
//! In: a resolved [`Chart`](super::Chart)'s values and the brand's colours. Out: plain
//! numbers, colours and strings; nothing here knows about pages, PDF or HTML. Layout (the
//! PDF) and the web edition both read these, so a chart's axis, colours and percentages
//! agree between them.

pub mod alt;
pub mod axis;
pub mod labels;
pub mod palette;
pub mod shares;
