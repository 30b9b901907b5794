//! Command-line flags and what each command prints.
//!
//! Raw flags (clap) and the commands that run them. Exit codes: 0 success, 1 problems in
//! report.toml, 2 wrong usage (clap's own), 3 a file that could not be read or written.
//! Diagnostics go to stderr; the PDF goes to a file, or to stdout with `-o -`.

mod batch;
mod build;
mod import;
mod init;
mod serve;
mod watch;

use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

pub const EXIT_REPORT: u8 = 1;
pub const EXIT_IO: u8 = 3;

#[derive(Parser)]
#[command(
    name = "folio",
    version,
    about = "Turns report.toml into a finished, accessible annual-report PDF.",
    after_help = "Examples:
  folio init my-report          start a new report that builds at once
  folio build                   build report.toml into report.pdf
  folio build annual.toml -o out/annual-2020.pdf
  folio build --edition web    the web edition, in the folder report-web
  folio check                   find every problem without writing a PDF
  folio batch report.toml trusts.csv -o 'out/{id}.pdf'   one PDF per row of the data
  folio watch                   rebuild on every save
  folio watch --edition web     serve the web edition and reload it on every save
  folio schema > folio.schema.json
  folio preflight report-print.pdf   check any PDF for print
  folio import draft.docx -o report.toml   start from a Word or OpenDocument file

Exit codes: 0 ok, 1 problems in report.toml, 2 wrong usage, 3 a file could not be read or written."
)]
struct Cli {
    /// Print nothing but errors.
    #[arg(short, long, global = true)]
    quiet: bool,
    /// Also print how long compiling took.
    #[arg(short, long, global = true)]
    verbose: bool,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Build the PDF from report.toml.
    #[command(after_help = "Examples:
  folio build                          report.toml → report.pdf, beside it
  folio build annual.toml -o out/annual-2020.pdf
                                       folders in the -o path are created
  folio build -o - > report.pdf        the PDF on standard output
  folio build --edition both           also report-print.pdf, PDF/X-4 for the press

A failed build writes nothing: the last good PDF stays as it was.")]
    Build {
        /// The report to build.
        #[arg(default_value = "report.toml")]
        input: PathBuf,
        /// Where to write the PDF (default: the input's name with .pdf, next to it); `-` for
        /// standard output. Missing folders are created.
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Write over an existing file that is not a PDF.
        #[arg(long)]
        force: bool,
        /// Which edition: `reader` (tagged, PDF/UA-1 + PDF/A-2a), `print` (PDF/X-4, written
        /// as NAME-print.pdf), `both`, `web` (an HTML page in the folder NAME-web, with the
        /// reader PDF) or `all`. Default: reader, plus print if `[print] enabled`.
        #[arg(long, value_enum)]
        edition: Option<Edition>,
    },
    /// Build one PDF per row of a data file, from a report.toml with {{ placeholders }}.
    Batch {
        /// The report.toml whose text and numbers hold {{ column }} placeholders.
        template: PathBuf,
        /// The rows: a .csv file (a header, then a row per report), a .toml file of
        /// [[rows]] tables, or a .json array of objects.
        data: PathBuf,
        /// Where each PDF goes, naming columns in braces: 'out/{id}.pdf' ({row} is the
        /// row's number).
        #[arg(short, long)]
        output: String,
        /// Which editions: `reader`, `print` or `both`, as for `build`.
        #[arg(long, value_enum)]
        edition: Option<Edition>,
        /// Build only the K-th of N slices of the rows (K from 1 to N), for spreading a
        /// batch over machines.
        #[arg(long, value_name = "K/N")]
        shard: Option<String>,
        /// How many reports to build at once (default: one per core).
        #[arg(short, long)]
        jobs: Option<usize>,
        /// Write over existing files that are not PDFs.
        #[arg(long)]
        force: bool,
    },
    /// Check report.toml: everything `build` does except writing the PDF.
    #[command(after_help = "Examples:
  folio check                          every problem in report.toml, in one run
  folio check annual.toml

Exit code 0 when the report is ready to build, 1 when it has errors.")]
    Check {
        /// The report to check.
        #[arg(default_value = "report.toml")]
        input: PathBuf,
    },
    /// Start a new report: report.toml showing every component, a logo, the fonts and the
    /// schema editors read.
    #[command(after_help = "Examples:
  folio init my-report                 a new folder with a report that builds at once
  folio init                           the same, in the current folder

folio init never replaces a file.")]
    Init {
        /// The folder to create the report in (created if missing).
        #[arg(default_value = ".")]
        dir: PathBuf,
    },
    /// Print the JSON Schema of report.toml, for editor autocompletion.
    #[command(after_help = "Examples:
  folio schema > folio.schema.json     then start report.toml with #:schema ./folio.schema.json")]
    Schema,
    /// Turn a Word (.docx) or OpenDocument (.odt) file into a report.toml that builds at
    /// once, its images saved beside it, with `# TODO` notes for what it cannot know.
    Import {
        /// The document to import.
        input: PathBuf,
        /// Where to write report.toml (default: standard output); never replaced without
        /// --force.
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// The folder for the document's images, inside report.toml's folder (default:
        /// `images` beside report.toml, or in the current folder with standard output).
        #[arg(long, value_name = "DIR")]
        images: Option<PathBuf>,
        /// Replace an existing report.toml or image files.
        #[arg(long)]
        force: bool,
    },
    /// Check any PDF for print: boxes, output intent, fonts, RGB, image resolution, ink.
    #[command(after_help = "Examples:
  folio preflight report-print.pdf
  folio preflight brochure.pdf --ink-limit 300

Exit code 0 when nothing stops printing, 1 when there are errors.")]
    Preflight {
        /// The PDF to check.
        file: PathBuf,
        /// Total ink limit in per cent (coated stock: 320; uncoated: 300 or less).
        #[arg(long, default_value_t = 320.0)]
        ink_limit: f64,
    },
    /// Rebuild whenever report.toml or any file it uses changes; the last good PDF stays.
    #[command(after_help = "Examples:
  folio watch                          rebuild report.pdf on every save
  folio watch annual.toml -o out/annual.pdf

Watches report.toml and every file the build reads (logo, images, CSV files, fonts, the
print profile); Ctrl-C stops.")]
    Watch {
        /// The report to watch.
        #[arg(default_value = "report.toml")]
        input: PathBuf,
        /// Where to write the PDF (default: the input's name with .pdf, next to it).
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// The editions to rebuild, as for `build`; `web` or `all` also serves the web
        /// edition on localhost and reloads the page after every build.
        #[arg(long, value_enum)]
        edition: Option<Edition>,
        /// The port to serve the web edition on (default: any free port).
        #[arg(long)]
        port: Option<u16>,
    },
}

/// The editions `--edition` can ask for.
#[derive(Clone, Copy, clap::ValueEnum)]
pub enum Edition {
    Reader,
    Print,
    Both,
    Web,
    All,
}

impl Edition {
    /// The editions a `--edition` asks for.
    pub fn editions(edition: Option<Edition>) -> folio::build::Editions {
        let only = |reader, print, web| folio::build::Editions { reader, print, web };
        match edition {
            None => folio::build::Editions::default(),
            Some(Edition::Reader) => only(true, Some(false), false),
            Some(Edition::Print) => only(false, Some(true), false),
            Some(Edition::Both) => only(true, Some(true), false),
            Some(Edition::Web) => only(false, Some(false), true),
            Some(Edition::All) => only(true, Some(true), true),
        }
    }
}

/// How chatty to be.
#[derive(Clone, Copy)]
pub struct Verbosity {
    pub quiet: bool,
    pub verbose: bool,
}

/// Runs the command line.
pub fn run() -> ExitCode {
    let cli = Cli::parse();
    remove_unfinished_on_signal();
    let v = Verbosity {
        quiet: cli.quiet,
        verbose: cli.verbose,
    };
    match cli.command {
        Command::Build {
            input,
            output,
            force,
            edition,
        } => build::build(
            &input,
            output.as_deref(),
            force,
            Edition::editions(edition),
            v,
        ),
        Command::Batch {
            template,
            data,
            output,
            edition,
            shard,
            jobs,
            force,
        } => batch::batch(
            batch::Args {
                template: &template,
                data: &data,
                output: &output,
                editions: Edition::editions(edition),
                shard: shard.as_deref(),
                jobs,
                force,
            },
            v,
        ),
        Command::Check { input } => build::check(&input, v),
        Command::Init { dir } => init::init(&dir, v),
        Command::Schema => {
            let schema = folio::spec::schema();
            println!(
                "{}",
                serde_json::to_string_pretty(&schema).expect("invariant: JSON serialises")
            );
            ExitCode::SUCCESS
        }
        Command::Import {
            input,
            output,
            images,
            force,
        } => import::import(&input, output.as_deref(), images.as_deref(), force, v),
        Command::Watch {
            input,
            output,
            edition,
            port,
        } => watch::watch(
            &input,
            output.as_deref(),
            Edition::editions(edition),
            port,
            v,
        ),
        Command::Preflight { file, ink_limit } => preflight(&file, ink_limit, v),
    }
}

/// On SIGINT or SIGTERM, removes the temporary file being written (if any) and exits as
/// the signal would have, so an interrupted build leaves nothing behind.
fn remove_unfinished_on_signal() {
    use signal_hook::consts::{SIGINT, SIGTERM};
    let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGINT, SIGTERM]) else {
        return;
    };
    std::thread::spawn(move || {
        if let Some(signal) = signals.forever().next() {
            folio::build::remove_unfinished();
            // 128 + the signal's number: what a shell reports for a process it ended.
            std::process::exit(128 + signal);
        }
    });
}

/// `folio preflight FILE.pdf`: prints findings; exit 1 if any is an error.
fn preflight(file: &std::path::Path, ink_limit: f64, v: Verbosity) -> ExitCode {
    let bytes = match std::fs::read(file) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("error: cannot read {}: {e}", file.display());
            return ExitCode::from(EXIT_IO);
        }
    };
    let findings = match folio::preflight::file::check(&bytes, ink_limit) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("error: {}: {e}", file.display());
            return ExitCode::from(EXIT_REPORT);
        }
    };
    for f in &findings {
        eprintln!("{f}");
    }
    let errors = findings
        .iter()
        .filter(|f| f.level == folio::preflight::file::Level::Error)
        .count();
    if !v.quiet {
        eprintln!(
            "{}: {} error{}, {} warning{}",
            file.display(),
            errors,
            if errors == 1 { "" } else { "s" },
            findings.len() - errors,
            if findings.len() - errors == 1 {
                ""
            } else {
                "s"
            }
        );
    }
    if errors > 0 {
        ExitCode::from(EXIT_REPORT)
    } else {
        ExitCode::SUCCESS
    }
}
