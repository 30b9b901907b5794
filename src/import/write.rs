//! Writing phase: [`Plan`] → the text of report.toml.
//!
//! In: the plan. Out: TOML text. Every value is written by the `toml` crate's serializer
//! (`toml::Value`'s `Display`), which quotes and escapes whatever a document holds —
//! quotes, backslashes, line breaks, control characters, `'''` — so no document can make
//! the file invalid; this module only lays out tables, keys and comments. Comments are
//! cleaned of characters TOML forbids in them and wrapped; a note's continuation lines
//! start with `#` and three spaces, which is how `folio build` knows they belong to it.

use super::plan::{BlockPlan, Entry, Plan};

/// Comment lines are wrapped at this width, so notes read in any editor.
const WIDTH: usize = 96;
/// The mark of a task left for the author; `folio build` warns about each.
pub const TODO: &str = "TODO: ";
/// Continuation lines of a comment.
const CONTINUED: &str = "#   ";

/// Writes the plan as report.toml.
pub fn write(plan: &Plan) -> String {
    let mut out = String::new();
    comment(
        &mut out,
        "",
        &format!(
            "report.toml, imported from {} by `folio import`.",
            plan.source
        ),
    );
    comment(
        &mut out,
        "",
        "Every \"# TODO\" below is a note for you; `folio build` warns about each one left. Do \
         what it says, then delete it. The keys are explained in folio's README.",
    );
    out.push('\n');
    for n in &plan.notes {
        comment(&mut out, TODO, n);
    }
    out.push_str("\n[report]\n");
    entries(&mut out, &plan.report, "");
    out.push_str("\n[brand]\n");
    for n in &plan.brand {
        comment(&mut out, TODO, n);
    }
    // A document's quote marks are already what its author typed (word processors curl them
    // as you type), so folio prints them as they are rather than guessing again.
    out.push_str("\n[text]\n");
    comment(
        &mut out,
        "",
        "Quote marks print as the document has them; delete this line to let folio curl straight ones.",
    );
    out.push_str("smart_quotes = false\n");
    for s in &plan.sections {
        out.push_str("\n[[sections]]\n");
        for n in &s.notes {
            comment(&mut out, TODO, n);
        }
        entries(&mut out, &s.entries, "");
        for b in &s.blocks {
            block(&mut out, b);
        }
    }
    out
}

fn block(out: &mut String, b: &BlockPlan) {
    out.push('\n');
    for n in &b.notes {
        comment(out, TODO, n);
    }
    for r in &b.remarks {
        comment(out, "", r);
    }
    let off = if b.disabled { "# " } else { "" };
    out.push_str(off);
    out.push_str("[[sections.blocks]]\n");
    entries(out, &b.entries, off);
}

/// `key = value` lines, each after its note; `off` comments the lines out.
fn entries(out: &mut String, entries: &[Entry], off: &str) {
    for e in entries {
        if let Some(t) = &e.todo {
            comment(out, TODO, t);
        }
        let value = value(&e.value);
        for (i, line) in format!("{} = {value}", e.key).split('\n').enumerate() {
            // Inside a multi-line string only the first line may carry the `#`.
            if i == 0 || !off.is_empty() {
                out.push_str(off);
            }
            out.push_str(line);
            out.push('\n');
        }
    }
}

/// A value as TOML: arrays of arrays (table rows) one row to a line, all else as the
/// serializer writes it.
fn value(v: &toml::Value) -> String {
    match v {
        toml::Value::Array(rows) if rows.iter().any(|r| r.is_array()) => {
            let mut s = String::from("[\n");
            for r in rows {
                s.push_str("  ");
                s.push_str(&r.to_string());
                s.push_str(",\n");
            }
            s.push(']');
            s
        }
        v => v.to_string(),
    }
}

/// Writes `text` as comment lines starting `# {mark}`, wrapped at [`WIDTH`].
fn comment(out: &mut String, mark: &str, text: &str) {
    let clean: String = text
        .chars()
        .map(|c| {
            if c.is_control() || matches!(c, '\u{2028}' | '\u{2029}') {
                ' '
            } else {
                c
            }
        })
        .collect();
    let mut line = format!("# {mark}");
    let mut empty = true;
    for word in clean.split_whitespace() {
        if !empty && line.chars().count() + 1 + word.chars().count() > WIDTH {
            out.push_str(line.trim_end());
            out.push('\n');
            line = CONTINUED.to_string();
            empty = true;
        }
        if !empty {
            line.push(' ');
        }
        line.push_str(word);
        empty = false;
    }
    out.push_str(line.trim_end());
    out.push('\n');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_wrap_and_lose_control_characters() {
        let mut out = String::new();
        comment(
            &mut out,
            TODO,
            &format!("{}\nnew\u{1}line", "word ".repeat(30)),
        );
        for line in out.lines() {
            assert!(
                line.starts_with("# TODO: ") || line.starts_with(CONTINUED),
                "{line}"
            );
            assert!(line.chars().count() <= WIDTH, "{line}");
            assert!(!line.chars().any(char::is_control));
        }
        assert!(out.ends_with("new line\n"));
    }

    #[test]
    fn commented_out_blocks_comment_every_line() {
        let mut out = String::new();
        let b = BlockPlan {
            entries: vec![Entry::new("caption", "a\nb")],
            disabled: true,
            ..BlockPlan::default()
        };
        block(&mut out, &b);
        let parsed: toml::Table = toml::from_str(&out).unwrap();
        assert!(parsed.is_empty(), "{out}");
    }
}
