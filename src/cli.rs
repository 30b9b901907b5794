//! Command-line flags and what each command prints.
//!
//! Exit codes: 0 success, 1 problems in report.toml (or a PDF that could not be made),
//! 2 wrong usage (clap's own), 3 a file that could not be read or written.

use clap::{Parser, Subcommand};
use folio::build::{self, Failure};
use folio::diag;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

const EXIT_REPORT: u8 = 1;
const EXIT_IO: u8 = 3;

#[derive(Parser)]
#[command(
    name = "folio",
    version,
    about = "Turns report.toml into a finished, accessible annual-report PDF.",
    after_help = "Examples:\n  folio build                      build report.toml into report.pdf\n  folio build annual.toml -o out/annual-2020.pdf"
)]
struct Cli {
    /// Print nothing but errors.
    #[arg(short, long, global = true)]
    quiet: bool,
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
        /// Where to write the PDF (default: the input's name with .pdf, next to it).
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
}

/// Runs the command line.
pub fn run() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Build { input, output } => {
            let output = output.unwrap_or_else(|| build::default_output(&input));
            build_cmd(&input, &output, cli.quiet)
        }
    }
}

fn build_cmd(input: &Path, output: &Path, quiet: bool) -> ExitCode {
    let started = Instant::now();
    let source = match build::read_source(input) {
        Ok(s) => s,
        Err(f) => return fail(f, input, ""),
    };
    let base = input
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let built = match build::compile(&source, base) {
        Ok(b) => b,
        Err(f) => return fail(f, input, &source),
    };
    if !quiet && !built.warnings.is_empty() {
        eprint!("{}", render(&built.warnings, input, &source));
    }
    if let Err(f) = build::write_atomic(output, &built.pdf) {
        return fail(f, input, &source);
    }
    if !quiet {
        let warnings = match built.warnings.len() {
            0 => String::new(),
            1 => ", 1 warning".into(),
            n => format!(", {n} warnings"),
        };
        eprintln!(
            "wrote {}: {} pages, {:.1} KB, {} in {:.0} ms{warnings}",
            output.display(),
            built.document.pages.len(),
            built.pdf.len() as f64 / 1024.0,
            built.standards.names().join(" + "),
            started.elapsed().as_secs_f64() * 1000.0
        );
    }
    ExitCode::SUCCESS
}

fn render(diags: &[diag::Diagnostic], input: &Path, source: &str) -> String {
    let styled = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    diag::render(diags, &input.display().to_string(), source, styled)
}

fn fail(failure: Failure, input: &Path, source: &str) -> ExitCode {
    match failure {
        Failure::Report(diags) => {
            eprint!("{}", render(&diags, input, source));
            let errors = diags.iter().filter(|d| d.is_error()).count();
            eprintln!(
                "error: the PDF was not built: {errors} error{} in {}",
                if errors == 1 { "" } else { "s" },
                input.display()
            );
            ExitCode::from(EXIT_REPORT)
        }
        Failure::Export(msg) => {
            eprintln!("error: {msg}");
            ExitCode::from(EXIT_REPORT)
        }
        Failure::Io(msg) => {
            eprintln!("error: {msg}");
            ExitCode::from(EXIT_IO)
        }
    }
}
