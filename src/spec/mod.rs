//! Stage 1: report.toml text → [`Spec`], the report exactly as written.
//!
//! In: the file's text. Out: typed tables with spans, and every problem found in one run,
//! each pointing at its line and column:
//! 1. `syntax` finds the real cause of a TOML syntax mistake, repairs the slips it
//!    recognises in place and parses again;
//! 2. `node` turns toml's document into an owned tree with a span on every key and value;
//! 3. `de` reads the typed spec (`types`, `blocks`, `values`) out of the tree, recording
//!    every key a table does not take; `lenient` records every value of the wrong kind
//!    and leaves it empty, so parsing goes on;
//! 4. `keys` words each unknown key: "did you mean", or where the key belongs.

mod blocks;
mod de;
mod keys;
mod lenient;
mod node;
mod placement;
mod probe;
mod schema;
mod syntax;
mod todo;
mod types;
mod values;

pub use blocks::*;
pub use lenient::{Choice, names, quoted};
pub use placement::*;
pub use schema::schema;
pub use types::*;
pub use values::*;

use crate::diag::Diagnostic;

/// Parses report.toml. Returns the spec with every problem found in it (unknown keys and
/// values of the wrong kind are errors, but parsing goes on so that all are reported), or
/// only errors when the file cannot be read as TOML at all.
pub fn load(source: &str) -> Result<(Spec, Vec<Diagnostic>), Vec<Diagnostic>> {
    // Most files parse at the first try: that parse is the one read, and the slip finder
    // (which parses again after each repair) runs only on a file with a mistake.
    let (clean, first_errors) = toml::de::DeTable::parse_recoverable(source);
    let read;
    let (doc, errors) = if first_errors.is_empty() {
        read = syntax::Read::clean(source);
        (clean, first_errors)
    } else {
        read = syntax::read(source)?;
        toml::de::DeTable::parse_recoverable(&read.text)
    };
    if let Some(e) = errors.first() {
        // `syntax::read` parses until there are none; this is a safety net.
        return Err(vec![
            Diagnostic::error(
                format!("report.toml is not valid TOML: {}", e.message().trim()),
                e.span(),
            )
            .with_help("check the quotes, brackets and `=` on this line"),
        ]);
    }
    let root = node::Node::from_document(&doc);
    lenient::take();
    de::take_unknown();
    let spec = de::from_node::<Spec>(root).unwrap_or_default();
    let mut diags: Vec<Diagnostic> = de::take_unknown()
        .iter()
        .map(|u| keys::unknown_key(&read.text, u))
        .collect();
    diags.extend(lenient::take());
    // A complaint about a repaired value is about the repair, not about the author's file.
    diags.retain(|d| {
        !d.span.as_ref().is_some_and(|s| {
            read.repaired
                .iter()
                .any(|r| s.start >= r.start && s.start < r.end.max(r.start + 1))
        })
    });
    diags.extend(todo::notes(source));
    let syntax_errors = !read.diags.is_empty();
    diags.extend(read.diags);
    diags.sort_by_key(|d| d.span.as_ref().map_or(0, |s| s.start));
    if syntax_errors {
        // The rest of the checks need the file as written; the next run makes them.
        crate::diag::drop_redundant(&mut diags, source);
        return Err(diags);
    }
    Ok((spec, diags))
}
