//! `folio batch`: one report.toml with placeholders, many rows of data, a PDF per row.
//!
//! In: the template ([`template::Template`]), the rows ([`data::Data`]), an output pattern
//! ([`output::Pattern`]) and the editions to write. Out: for each row a [`Outcome`] — the
//! files written, or why the row failed, with its problems pointing at the template's line
//! and at the data file's row and column. A row that fails does not stop the others.
//!
//! The rows are independent, so the caller runs [`Batch::run`] for each on all cores; the
//! built-in fonts are in the binary, used in place by every row. Which file a row
//! writes is decided for all rows before any is built ([`Batch::plan`]), so two rows can
//! never write the same file and every shard of a sharded batch agrees on every path.

pub mod data;
pub mod output;
pub mod template;

use crate::build::{self, Editions, Failure};
use crate::diag::{self, Diagnostic};
use data::{Data, Row};
use output::{Pattern, Shard};
use std::path::{Path, PathBuf};
use template::{Place, Template};

/// Everything a batch needs, read and checked once.
pub struct Batch {
    pub template: Template,
    /// How to name the template in messages.
    pub template_name: String,
    pub data: Data,
    pub data_name: String,
    /// The template's folder: images and fonts are found from here.
    pub base: PathBuf,
    pub pattern: Pattern,
    pub editions: Editions,
    /// Replace existing files that are not PDFs.
    pub force: bool,
    /// Terminal colours in rendered problems.
    pub styled: bool,
}

/// One row to build: where its PDF goes, or why it cannot have one.
pub struct Job {
    /// Index into the data's rows.
    pub row: usize,
    pub output: Result<PathBuf, String>,
}

/// What became of one row.
pub enum Outcome {
    Written {
        files: Vec<(PathBuf, usize)>,
        pages: usize,
        /// Warnings, with spans into the template.
        warnings: Vec<Diagnostic>,
    },
    Failed {
        /// A file could not be written (rather than the row's report having problems).
        io: bool,
        /// The problems, rendered against the template and the data.
        report: String,
        /// One line for the summary.
        summary: String,
        /// The editions written all the same (the reader edition when only print failed).
        files: Vec<(PathBuf, usize)>,
    },
}

impl Batch {
    /// The template's placeholders that no row of the data has: each an error at the
    /// placeholder, naming the columns there are.
    pub fn unknown_fields(&self) -> Vec<Diagnostic> {
        let known = |f: &str| {
            self.data.columns.iter().any(|c| c == f)
                || self.data.rows.iter().any(|r| r.get(f).is_some())
        };
        let columns: Vec<&str> = self.data.columns.iter().map(String::as_str).collect();
        self.template
            .fields()
            .into_iter()
            .filter(|(f, _)| !known(f))
            .map(|(f, span)| {
                let mut d = Diagnostic::error(
                    format!("`{{{{ {f} }}}}` names no column of {}", self.data_name),
                    Some(span),
                )
                .with_label("not in the data");
                d.help = Some(match diag::did_you_mean(f, &columns) {
                    Some(s) => format!(
                        "did you mean `{s}`? The columns are: {}",
                        columns.join(", ")
                    ),
                    None => format!("the columns are: {}", columns.join(", ")),
                });
                d
            })
            .collect()
    }

    /// Every row's output path, decided over all rows so that shards agree; then the rows
    /// of `shard` (all rows without one). A row whose path is taken by an earlier row gets
    /// an error instead of a path.
    pub fn plan(&self, shard: Option<Shard>) -> Vec<Job> {
        let mut taken: std::collections::HashMap<PathBuf, usize> = Default::default();
        let mut jobs = Vec::new();
        for (i, row) in self.data.rows.iter().enumerate() {
            let output = match self.pattern.path(row) {
                Ok(path) => match taken.get(&path) {
                    Some(first) => Err(format!(
                        "it would write {} again, as row {first} does; make the names unique",
                        path.display()
                    )),
                    None => {
                        taken.insert(path.clone(), row.number);
                        Ok(path)
                    }
                },
                Err((column, why)) => {
                    let (line, col) = self.line_col(&output::cell_span(row, &column));
                    Err(format!(
                        "`{column}` ({}:{line}:{col}): {why}",
                        self.data_name
                    ))
                }
            };
            if shard.is_none_or(|s| s.takes(i)) {
                jobs.push(Job { row: i, output });
            }
        }
        jobs
    }

    /// Builds one row and writes its files.
    pub fn run(&self, job: &Job) -> Outcome {
        let row = &self.data.rows[job.row];
        let output = match &job.output {
            Ok(p) => p.clone(),
            Err(why) => return self.failed(false, format!("{}\n", self.header(row, why))),
        };
        let rendered = match self.template.render(|f| row.get(f)) {
            Ok(r) => r,
            Err(errors) => {
                let diags: Vec<Diagnostic> = errors
                    .into_iter()
                    .map(|e| {
                        Diagnostic::error(e.message, Some(e.span))
                            .with_label(self.from(row, &e.field))
                    })
                    .collect();
                return self.failed_with(row, &diags, Vec::new());
            }
        };
        let print_output = output::print_path(&output);
        let print_name = print_output
            .file_name()
            .map_or("report-print.pdf".into(), |n| {
                n.to_string_lossy().into_owned()
            });
        // The same build as `folio build`: the file door, the limits, and each edition's
        // own outcome, so a row whose print edition fails still gets its reader edition.
        let options = crate::Options {
            reader: self.editions.reader,
            print: self.editions.print,
            web: false,
            print_name,
            // Only the page count is read back: the pages' items go as they are drawn.
            keep_items: false,
            ..crate::Options::default()
        };
        let built = match crate::compile(&rendered.source, &self.base, &options) {
            Ok(b) => b,
            Err(d) => {
                let diags: Vec<Diagnostic> = d
                    .list
                    .into_iter()
                    .map(|d| self.locate(row, &rendered, d))
                    .collect();
                return self.failed_with(row, &diags, Vec::new());
            }
        };
        let mut written = Vec::new();
        let mut problems: Vec<Diagnostic> = Vec::new();
        for (edition, path) in [(built.reader, output), (built.print, print_output)] {
            match edition {
                None => {}
                Some(Ok(bytes)) => {
                    if let Err(msg) = self.write(&path, &bytes) {
                        return self.failed(true, format!("{}\n", self.header(row, &msg)));
                    }
                    written.push((path, bytes.len()));
                }
                Some(Err(d)) => {
                    problems.extend(d.into_iter().map(|d| self.locate(row, &rendered, d)))
                }
            }
        }
        let warnings: Vec<Diagnostic> = built
            .warnings
            .into_iter()
            .map(|d| self.locate(row, &rendered, d))
            .collect();
        if !problems.is_empty() {
            problems.extend(warnings);
            return self.failed_with(row, &problems, written);
        }
        Outcome::Written {
            files: written,
            pages: built.document.pages.len(),
            warnings,
        }
    }

    /// Renders warnings (already located in the template) for printing.
    pub fn render(&self, diags: &[Diagnostic]) -> String {
        diag::render(
            diags,
            &self.template_name,
            &self.template.source,
            self.styled,
        )
    }

    /// A diagnostic of the rendered source, moved to the template; one inside a filled
    /// value points at its placeholder and names the data cell.
    fn locate(&self, row: &Row, rendered: &template::Rendered, mut d: Diagnostic) -> Diagnostic {
        if let Some(span) = &d.span {
            match rendered.place(span) {
                Place::Template(s) => d.span = Some(s),
                Place::Field { field, span } => {
                    d.span = Some(span);
                    d.label = Some(self.from(row, &field));
                }
            }
        }
        d
    }

    /// "the value of `trust` in row 3, data.csv:4:12".
    fn from(&self, row: &Row, field: &str) -> String {
        match row.span_of(field) {
            Some(span) => {
                let (line, col) = self.line_col(&span);
                format!(
                    "from `{field}` in row {}, {}:{line}:{col}",
                    row.number, self.data_name
                )
            }
            None => format!("from `{field}` in row {} of {}", row.number, self.data_name),
        }
    }

    fn line_col(&self, span: &std::ops::Range<usize>) -> (usize, usize) {
        Diagnostic::error("", Some(span.clone()))
            .line_col(&self.data.source)
            .unwrap_or((1, 1))
    }

    fn header(&self, row: &Row, what: &str) -> String {
        format!(
            "error: row {} of {}: {what}",
            row.number,
            self.row_place(row)
        )
    }

    fn row_place(&self, row: &Row) -> String {
        if row.span.is_empty() {
            self.data_name.clone()
        } else {
            let (line, _) = self.line_col(&row.span);
            format!("{} (line {line})", self.data_name)
        }
    }

    /// A row with problems; `files` are the editions that were still written.
    fn failed_with(
        &self,
        row: &Row,
        diags: &[Diagnostic],
        files: Vec<(PathBuf, usize)>,
    ) -> Outcome {
        let errors = diags.iter().filter(|d| d.is_error()).count();
        let mut what = format!(
            "{errors} problem{} in its report",
            if errors == 1 { "" } else { "s" }
        );
        for (path, _) in &files {
            what.push_str(&format!("; {} was written", path.display()));
        }
        let report = format!("{}\n{}", self.header(row, &what), self.render(diags));
        let first = diags
            .iter()
            .find(|d| d.is_error())
            .map(|d| {
                let at = d
                    .line_col(&self.template.source)
                    .map(|(l, c)| format!("{}:{l}:{c}: ", self.template_name))
                    .unwrap_or_default();
                format!("{at}{}", d.message)
            })
            .unwrap_or_default();
        Outcome::Failed {
            io: false,
            report,
            summary: format!("row {} of {}: {first}", row.number, self.row_place(row)),
            files,
        }
    }

    fn failed(&self, io: bool, report: String) -> Outcome {
        let summary = report
            .lines()
            .next()
            .unwrap_or_default()
            .trim_start_matches("error: ")
            .to_string();
        Outcome::Failed {
            io,
            report,
            summary,
            files: Vec::new(),
        }
    }

    /// Writes one PDF safely: its folder made if needed, a file that is not a PDF never
    /// replaced unless forced, and the bytes renamed into place only when complete.
    fn write(&self, path: &Path, bytes: &[u8]) -> Result<(), String> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir)
                .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
        }
        if !self.force && path.exists() && !is_pdf(path) {
            return Err(format!(
                "{} exists and is not a PDF; refusing to replace it (use --force to replace it anyway)",
                path.display()
            ));
        }
        build::write_atomic(path, bytes).map_err(|f| match f {
            Failure::Io(m) => m,
            Failure::Report(_) | Failure::Web(_) => format!("cannot write {}", path.display()),
        })
    }
}

fn is_pdf(path: &Path) -> bool {
    let mut head = [0u8; 5];
    std::fs::File::open(path)
        .and_then(|mut f| std::io::Read::read_exact(&mut f, &mut head))
        .is_ok()
        && &head == b"%PDF-"
}
