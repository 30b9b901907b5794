//! The whole pipeline as one library call: report.toml's text in, each edition's PDF out.
//!
//! In: the text of report.toml, the folder it is in and the [`Options`]. Out: [`Editions`],
//! in which the reader and the print edition each have their own outcome, so a problem that
//! only the print edition has (an RGB photo, a gradient in the logo) never stops the reader
//! edition, and the other way round; or [`Diagnostics`] when report.toml itself has errors
//! and neither edition can be made. Nothing here writes a file: [`crate::build`] does that.
//!
//! ```
//! let source = r#"
//! [report]
//! title = "Annual report"
//! organisation = "Example Trust"
//! period = "2024"
//! date = "2025-01-31"
//!
//! [[sections]]
//! title = "Our year"
//! body = "We did **a great deal**."
//! "#;
//! let options = folio::Options::default();
//! let editions = folio::compile(source, std::path::Path::new("."), &options)
//!     .expect("report.toml is valid");
//! let reader = editions.reader.expect("asked for").expect("written");
//! assert!(reader.starts_with(b"%PDF-"));
//! assert!(editions.print.is_none(), "not asked for");
//! ```

use crate::diag::Diagnostic;
use crate::files::Folder;
use crate::frame::Document;
use crate::pdf::{self, Standards};
use crate::{layout, model, spec};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};

/// What to build.
#[derive(Debug, Clone)]
pub struct Options {
    /// Build the reader edition (tagged, PDF/UA-1 + PDF/A-2a).
    pub reader: bool,
    /// `Some(true)` builds the print edition (PDF/X-4), `Some(false)` leaves it out, `None`
    /// follows `[print] enabled` in report.toml.
    pub print: Option<bool>,
    /// Build the web edition: an HTML page offering the PDFs built with it (the reader
    /// edition is made for it even when not asked for).
    pub web: bool,
    /// The print file's name, for the slug line printed outside its trim.
    pub print_name: String,
    /// Folders outside the report's own from which report.toml may name files on purpose
    /// (a shared brand folder); empty by default: the report's folder only.
    pub allow: Vec<PathBuf>,
    /// Keep every page's items in [`Editions::document`] once the PDFs are written, for a
    /// caller that reads the laid-out pages. Without it each page's items are freed as soon
    /// as the last edition that needs them has drawn the page (a long report's glyphs are
    /// most of its memory), and `document` keeps its pages without their items.
    pub keep_items: bool,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            reader: true,
            print: None,
            web: false,
            print_name: "report-print.pdf".into(),
            allow: Vec::new(),
            keep_items: true,
        }
    }
}

/// One edition's outcome: its PDF, or why it could not be made.
pub type Edition = Result<Vec<u8>, Vec<Diagnostic>>;

/// A compiled report.
pub struct Editions {
    /// The reader edition; `None` when not asked for.
    pub reader: Option<Edition>,
    /// The print edition; `None` when not asked for.
    pub print: Option<Edition>,
    /// The print edition's pages (binding may add blank pages to the reader edition's).
    pub print_pages: usize,
    /// The web edition's files; `None` when not asked for.
    pub web: Option<Result<crate::web::Site, Vec<Diagnostic>>>,
    /// The laid-out pages both editions share (without their items unless
    /// [`Options::keep_items`]).
    pub document: Document,
    /// Warnings about report.toml (errors stop an edition and are in its outcome).
    pub warnings: Vec<Diagnostic>,
    /// The standards the reader edition meets.
    pub standards: Standards,
    /// Every file the build read or looked for, canonical where it exists: what to watch.
    pub inputs: Vec<PathBuf>,
}

/// Why no edition could be made: every problem found in report.toml, in file order.
#[derive(Debug)]
pub struct Diagnostics {
    pub list: Vec<Diagnostic>,
    /// Every file the build read or looked for before it stopped: what to watch.
    pub inputs: Vec<PathBuf>,
}

/// Compiles report.toml's `source`; `base` is its folder, from which every file it names
/// is read (and outside which none is, unless [`Options::allow`] says so).
///
/// A build uses every core: it measures on threads of its own and compresses on rayon's
/// global pool. To build many reports at once, run each on a thread of its own inside a
/// one-thread rayon pool (as `folio batch` does): a build then keeps to that thread
/// ([`crate::workers::threads`]). Not as tasks of one shared pool: a pool thread waiting for
/// its compression runs other queued tasks on its own stack meanwhile, so builds queued as
/// tasks of the same pool nest inside each other.
pub fn compile(source: &str, base: &Path, options: &Options) -> Result<Editions, Diagnostics> {
    let folder = options
        .allow
        .iter()
        .fold(Folder::new(base), |f, dir| f.allow(dir));
    compile_in(source, &folder, options)
}

/// [`compile`] reading files through a [`Folder`] the caller keeps: many reports built from
/// one folder then read and decode each font and image once between them.
pub fn compile_in(
    source: &str,
    folder: &Folder,
    options: &Options,
) -> Result<Editions, Diagnostics> {
    let fail = |mut list: Vec<Diagnostic>| {
        crate::diag::narrow(&mut list, source);
        Diagnostics {
            list,
            inputs: folder.inputs(),
        }
    };
    // The limits on every value read only the text: checked on another core while the
    // spec is read.
    let (loaded, limits) =
        crate::workers::join(|| spec::load(source), || model::limits::check(source));
    let (spec, mut found) = loaded.map_err(fail)?;
    // The model runs even when the spec had errors, so one run reports everything.
    let (report, model_warnings) = match model::resolve_limited(&spec, source, folder, limits) {
        Ok(r) if !found.iter().any(Diagnostic::is_error) => r,
        Ok((_, more)) | Err(more) => {
            found.extend(more);
            crate::diag::drop_redundant(&mut found, source);
            found.sort_by_key(|d| d.span.as_ref().map_or(0, |s| s.start));
            return Err(fail(found));
        }
    };
    // The report owns all it took from the parsed file, which is not needed again: freed
    // now, a long report's text is not held twice while it is laid out and written. Freed
    // here, not on another thread: layout is about to keep every core busy.
    drop(spec);
    let mut document = layout::layout(&report);
    let mut warnings: Vec<Diagnostic> = found
        .into_iter()
        .chain(model_warnings)
        .chain(document.warnings.iter().cloned())
        .collect();
    let standards = Standards::default();
    let print_wanted = options.print.unwrap_or(report.print.enabled);
    // Items are freed as they are drawn by the last edition to draw them (with both
    // editions, the print edition draws from a copy of its own and the document's items go
    // once the reader edition is written). A PDF that cannot be written is described from
    // the pages laid out again (layout is deterministic), as the pages drawn before the
    // problem was found are gone.
    let free = !options.keep_items;
    // The web edition offers the reader edition for download, so it is built for it too.
    let wants_reader = options.reader || options.web;
    let name = options.print_name.as_str();
    let (reader, print) = if wants_reader && print_wanted {
        // The editions read the same document and nothing of each other: the print edition
        // is made on another core, from a copy of its own (freed as it is drawn), while the
        // reader edition is written from the document.
        let (reader, print) = crate::workers::join(
            || {
                guarded("reader", || {
                    pdf::export(&document, standards).map_err(|e| e.diagnostics(&document))
                })
            },
            || print_edition(Laid::Shared(&document), &report, name, free),
        );
        let editions = (Some(reader), Some(print));
        if free {
            let items: Vec<_> = document
                .pages
                .iter_mut()
                .map(|p| std::mem::take(&mut p.items))
                .collect();
            free_later(items);
        }
        editions
    } else if wants_reader {
        let reader = guarded("reader", || {
            if free {
                pdf::export_freeing(&mut document, standards)
                    .map_err(|e| e.diagnostics(&layout::layout(&report)))
            } else {
                pdf::export(&document, standards).map_err(|e| e.diagnostics(&document))
            }
        });
        (Some(reader), None)
    } else if print_wanted {
        let print = print_edition(Laid::Taken(&mut document), &report, name, free);
        (None, Some(print))
    } else {
        (None, None)
    };
    let mut print_pages = document.pages.len();
    let print = print.map(|made| {
        warnings.extend(made.warnings);
        if let Some(pages) = made.pages {
            print_pages = pages;
        }
        made.edition
    });
    let web = options.web.then(|| {
        let reader_pdf = match &reader {
            Some(Ok(pdf)) => pdf.as_slice(),
            _ => {
                return Err(vec![Diagnostic::error(
                    "the web edition needs the reader edition, which could not be made",
                    None,
                )]);
            }
        };
        let mut downloads = vec![crate::web::Download {
            file: crate::build::reader_name(&options.print_name),
            bytes: reader_pdf,
            pages: document.pages.len(),
            kind: crate::web::DownloadKind::Reader,
        }];
        if let Some(Ok(p)) = &print {
            downloads.push(crate::web::Download {
                file: options.print_name.clone(),
                bytes: p,
                pages: print_pages,
                kind: crate::web::DownloadKind::Print,
            });
        }
        let site = crate::web::export(&report, &downloads)
            .map_err(|e| vec![Diagnostic::error(e.to_string(), None)])?;
        warnings.extend(
            site.notes
                .iter()
                .map(|n| Diagnostic::warning(n.clone(), None)),
        );
        Ok(site)
    });
    crate::diag::narrow(&mut warnings, source);
    free_later(report);
    let narrowed = |e: Option<Edition>| {
        e.map(|e| {
            e.map_err(|mut d| {
                crate::diag::narrow(&mut d, source);
                d
            })
        })
    };
    Ok(Editions {
        reader: narrowed(reader),
        print: narrowed(print),
        print_pages,
        web,
        document,
        warnings,
        standards,
        inputs: folder.inputs(),
    })
}

/// The print edition as made, with what it has to say.
struct PrintMade {
    edition: Edition,
    /// Its notes and derived-colour warnings, for the build's list.
    warnings: Vec<Diagnostic>,
    /// Its page count, where binding added blank pages to the reader edition's.
    pages: Option<usize>,
}

/// The laid-out document an edition is made from: shared with another edition, or the
/// print edition's alone to take items from.
enum Laid<'d> {
    Shared(&'d Document),
    Taken(&'d mut Document),
}

/// The print edition: its checks, then the print transform and the PDF/X export. With
/// `free`, each page's items are freed once drawn (taken from the document where it is the
/// print edition's alone, else from the edition's own copy).
fn print_edition(laid: Laid, report: &model::Report, name: &str, free: bool) -> PrintMade {
    let document: &Document = match &laid {
        Laid::Shared(d) => d,
        Laid::Taken(d) => d,
    };
    let mut checks = model::print_checks(report);
    checks.extend(crate::preflight::print(document, report));
    let (errors, notes): (Vec<Diagnostic>, Vec<Diagnostic>) =
        checks.into_iter().partition(Diagnostic::is_error);
    if !errors.is_empty() {
        return PrintMade {
            edition: Err(errors.into_iter().chain(notes).collect()),
            warnings: Vec::new(),
            pages: None,
        };
    }
    let mut warnings = report.print.warnings();
    warnings.extend(notes);
    let config = &report.print;
    let mut pages = None;
    let edition = guarded("print", || {
        let mut edition = match laid {
            Laid::Taken(d) if free => crate::edition::print_taking(d, config, name),
            Laid::Taken(d) => crate::edition::print(d, config, name),
            Laid::Shared(d) => crate::edition::print(d, config, name),
        }
        .map_err(|d| vec![*d])?;
        // Binding may add blank pages before the back cover.
        pages = Some(edition.pages.len());
        if !free {
            return pdf::export_print(&edition).map_err(|e| e.diagnostics(&edition));
        }
        pdf::export_print_freeing(&mut edition).map_err(|e| {
            let again = crate::edition::print(&layout::layout(report), config, name);
            e.diagnostics(again.as_ref().unwrap_or(&edition))
        })
    });
    PrintMade {
        edition,
        warnings,
        pages,
    }
}

/// Frees what it is given on a thread of its own, as it is given: each page's items once the
/// page is drawn, while the next is drawn.
pub struct Freer<T: Send + 'static> {
    /// The way to the freeing thread, and the thread; `None` where no thread could be had.
    thread: Option<(std::sync::mpsc::Sender<T>, std::thread::JoinHandle<()>)>,
}

impl<T: Send + 'static> Freer<T> {
    pub fn new() -> Self {
        let (to_free, freeing) = std::sync::mpsc::channel::<T>();
        let spawned = std::thread::Builder::new()
            .name("free".into())
            .spawn(move || freeing.into_iter().for_each(drop));
        // Where no thread can be had, values are freed where they are given.
        Self {
            thread: spawned.ok().map(|handle| (to_free, handle)),
        }
    }

    /// A freer with no thread: each value is freed where it is given. Starting a thread and
    /// waiting for it to finish costs more than freeing a short document in place (on two
    /// cores busy compressing pages it waits its turn: 1.5 ms of an eight-page build).
    pub fn in_place() -> Self {
        Self { thread: None }
    }

    /// Frees `value`, on the freeing thread if there is one.
    pub fn free(&self, value: T) {
        if let Some((to_free, _)) = &self.thread {
            // A send fails only if the thread has gone; the value then drops here.
            let _ = to_free.send(value);
        }
    }

    /// Waits until everything given has been freed.
    pub fn finish(self) {
        if let Some((to_free, handle)) = self.thread {
            drop(to_free);
            // The thread only drops values; should a destructor panic, there is nothing
            // left to free.
            let _ = handle.join();
        }
    }
}

impl<T: Send + 'static> Default for Freer<T> {
    fn default() -> Self {
        Self::new()
    }
}

/// Frees `value` on a thread of its own. A long report's frames and model are millions of
/// small allocations, and freeing them one by one takes a few per cent of a build; whoever
/// is waiting for the PDF need not wait for that, and a process about to exit not at all.
pub fn free_later<T: Send + 'static>(value: T) {
    // A build kept to one thread frees here: a thread started to free a short report costs
    // more than the freeing, and the batch running it has the other cores busy.
    if crate::workers::threads() < 2 {
        return drop(value);
    }
    // Where no thread can be had, the closure, and `value` with it, is dropped here.
    let _detached = std::thread::Builder::new()
        .name("free".into())
        .spawn(move || drop(value));
}

/// Runs one edition's export so that a fault inside the PDF writer fails that edition
/// alone: the other edition is still made and written.
fn guarded(edition: &str, export: impl FnOnce() -> Edition) -> Edition {
    catch_unwind(AssertUnwindSafe(export)).unwrap_or_else(|_| {
        Err(vec![
            Diagnostic::error(
                format!("the {edition} edition could not be written: folio met an internal fault"),
                None,
            )
            .with_help("the other edition is unaffected; please report this with the report.toml that caused it"),
        ])
    })
}
