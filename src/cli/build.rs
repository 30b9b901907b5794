//! `folio build` and `folio check`: run the pipeline, print diagnostics once, write safely.

use super::{EXIT_IO, EXIT_REPORT, Verbosity};
use folio::build::{self, Built, Failure};
use folio::diag::{self, Diagnostic};
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

/// Builds `input` and writes the PDF.
pub fn build(input: &Path, output: Option<&Path>, force: bool, v: Verbosity) -> ExitCode {
    let started = Instant::now();
    let output = output.map_or_else(|| build::default_output(input), Path::to_path_buf);
    let to_stdout = output.as_os_str() == "-";
    if !to_stdout && let Err(msg) = refuse_unsafe_output(input, &output, force) {
        eprintln!("error: {msg}");
        return ExitCode::from(EXIT_IO);
    }
    let (built, source) = match compile(input, v) {
        Ok(b) => b,
        Err(code) => return code,
    };
    let written = if to_stdout {
        std::io::stdout()
            .write_all(&built.pdf)
            .map_err(|e| Failure::Io(format!("cannot write to standard output: {e}")))
    } else {
        build::write_atomic(&output, &built.pdf)
    };
    if let Err(f) = written {
        return fail(f, input, &source);
    }
    if !v.quiet {
        eprintln!(
            "wrote {}: {} pages, {:.1} KB, {} in {:.0} ms{}",
            if to_stdout {
                "standard output".into()
            } else {
                output.display().to_string()
            },
            built.document.pages.len(),
            built.pdf.len() as f64 / 1024.0,
            built.standards.names().join(" + "),
            started.elapsed().as_secs_f64() * 1000.0,
            count(&built.warnings)
        );
    }
    ExitCode::SUCCESS
}

/// Checks `input` without writing anything.
pub fn check(input: &Path, v: Verbosity) -> ExitCode {
    match compile(input, v) {
        Ok((built, _)) => {
            if !v.quiet {
                eprintln!(
                    "{} is ready to build: {} pages{}",
                    input.display(),
                    built.document.pages.len(),
                    count(&built.warnings)
                );
            }
            ExitCode::SUCCESS
        }
        Err(code) => code,
    }
}

/// Reads and compiles, printing warnings; on failure prints everything and returns the code.
pub fn compile(input: &Path, v: Verbosity) -> Result<(Built, String), ExitCode> {
    let started = Instant::now();
    let source = match build::read_source(input) {
        Ok(s) => s,
        Err(Failure::Report(d)) => {
            let lossy =
                String::from_utf8_lossy(&std::fs::read(input).unwrap_or_default()).into_owned();
            return Err(fail(Failure::Report(d), input, &lossy));
        }
        Err(f) => return Err(fail(f, input, "")),
    };
    let base = input
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    match build::compile(&source, base) {
        Ok(built) => {
            if !v.quiet && !built.warnings.is_empty() {
                eprint!("{}", render(&built.warnings, input, &source));
            }
            if v.verbose {
                eprintln!(
                    "compiled {} in {:.1} ms",
                    input.display(),
                    started.elapsed().as_secs_f64() * 1000.0
                );
            }
            Ok((built, source))
        }
        Err(f) => Err(fail(f, input, &source)),
    }
}

/// Refuses to overwrite the input, or a file that is not a PDF, unless forced.
fn refuse_unsafe_output(input: &Path, output: &Path, force: bool) -> Result<(), String> {
    let same = |a: &Path, b: &Path| match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    };
    if same(input, output) {
        return Err(format!(
            "refusing to write the PDF over the input {}; choose another name with -o",
            input.display()
        ));
    }
    if !force && output.exists() {
        let mut head = [0u8; 5];
        let is_pdf = std::fs::File::open(output)
            .and_then(|mut f| std::io::Read::read_exact(&mut f, &mut head))
            .is_ok()
            && &head == b"%PDF-";
        if !is_pdf {
            return Err(format!(
                "{} exists and is not a PDF; refusing to replace it (use --force to replace it anyway)",
                output.display()
            ));
        }
    }
    Ok(())
}

fn count(warnings: &[Diagnostic]) -> String {
    plural_warnings(warnings.len())
}

fn plural_warnings(n: usize) -> String {
    match n {
        0 => String::new(),
        1 => ", 1 warning".into(),
        n => format!(", {n} warnings"),
    }
}

pub fn render(diags: &[Diagnostic], input: &Path, source: &str) -> String {
    let styled = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    diag::render(diags, &input.display().to_string(), source, styled)
}

/// Prints a failure and maps it to its exit code.
pub fn fail(failure: Failure, input: &Path, source: &str) -> ExitCode {
    match failure {
        Failure::Report(diags) => {
            eprint!("{}", render(&diags, input, source));
            let errors = diags.iter().filter(|d| d.is_error()).count();
            let warnings = diags.len() - errors;
            eprintln!(
                "error: the PDF was not built: {errors} error{} in {}{}",
                if errors == 1 { "" } else { "s" },
                input.display(),
                plural_warnings(warnings)
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

/// Files a build reads besides report.toml, for `watch`.
pub fn inputs(input: &Path, source: &str) -> Vec<PathBuf> {
    let base = input
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut files = vec![input.to_path_buf()];
    if let Ok((spec, _)) = folio::spec::load(source) {
        if let Some(logo) = &spec.brand.logo {
            files.push(base.join(logo.get_ref()));
        }
        for font in [&spec.brand.fonts.body, &spec.brand.fonts.heading]
            .into_iter()
            .flatten()
        {
            files.push(base.join(font.get_ref()));
        }
    }
    if let Ok(entries) = std::fs::read_dir(base.join("fonts")) {
        files.extend(entries.filter_map(|e| e.ok().map(|e| e.path())));
    }
    files.sort();
    files
}
