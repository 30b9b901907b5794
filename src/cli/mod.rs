//! Command-line flags and what each command prints.
//!
//! Raw flags (clap) and the commands that run them. Exit codes: 0 success, 1 problems in
//! report.toml, 2 wrong usage (clap's own), 3 a file that could not be read or written.
//! Diagnostics go to stderr; the PDF goes to a file, or to stdout with `-o -`.

mod build;
mod init;
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
  folio check                   find every problem without writing a PDF
  folio watch                   rebuild on every save
  folio schema > folio.schema.json
  folio preflight report-print.pdf   check any PDF for print

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
    /// Build the PDF.
    Build {
        /// The report to build.
        #[arg(default_value = "report.toml")]
        input: PathBuf,
        /// Where to write the PDF (default: the input's name with .pdf, next to it); `-` for
        /// standard output.
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Write over an existing file that is not a PDF.
        #[arg(long)]
        force: bool,
        /// Which edition: `reader` (tagged, PDF/UA-1 + PDF/A-2a), `print` (PDF/X-4, written
        /// as NAME-print.pdf) or `both`. Default: reader, plus print if `[print] enabled`.
        #[arg(long, value_enum)]
        edition: Option<Edition>,
    },
    /// Check report.toml: everything `build` does except writing the PDF.
    Check {
        #[arg(default_value = "report.toml")]
        input: PathBuf,
    },
    /// Start a new report in DIR (default: the current folder): report.toml, a logo, the font.
    Init {
        #[arg(default_value = ".")]
        dir: PathBuf,
    },
    /// Print the JSON Schema of report.toml, for editor autocompletion.
    Schema,
    /// Check any PDF for print: boxes, output intent, fonts, RGB, image resolution, ink.
    Preflight {
        /// The PDF to check.
        file: PathBuf,
        /// Total ink limit in per cent.
        #[arg(long, default_value_t = 320.0)]
        ink_limit: f64,
    },
    /// Rebuild whenever report.toml or a file it uses changes; the last good PDF stays.
    Watch {
        #[arg(default_value = "report.toml")]
        input: PathBuf,
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
}

/// The editions `--edition` can ask for.
#[derive(Clone, Copy, clap::ValueEnum)]
pub enum Edition {
    Reader,
    Print,
    Both,
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
        } => {
            let editions = match edition {
                None => folio::build::Editions::default(),
                Some(Edition::Reader) => folio::build::Editions {
                    reader: true,
                    print: Some(false),
                },
                Some(Edition::Print) => folio::build::Editions {
                    reader: false,
                    print: Some(true),
                },
                Some(Edition::Both) => folio::build::Editions {
                    reader: true,
                    print: Some(true),
                },
            };
            build::build(&input, output.as_deref(), force, editions, v)
        }
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
        Command::Watch { input, output } => watch::watch(&input, output.as_deref(), v),
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
