//! `folio build` and `folio check`: run the pipeline, print diagnostics once, write safely.

use super::{EXIT_IO, EXIT_REPORT, Verbosity};
use folio::build::{self, Editions, Failure};
use folio::diag::{self, Diagnostic};
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

/// Builds `input` and writes each edition that succeeded. The editions are independent: a
/// problem only the print edition has leaves the reader edition written, and the summary
/// says which was written and which was not.
pub fn build(
    input: &Path,
    output: Option<&Path>,
    force: bool,
    editions: Editions,
    v: Verbosity,
) -> ExitCode {
    let started = Instant::now();
    let output = output.map_or_else(|| build::default_output(input), Path::to_path_buf);
    let to_stdout = output.as_os_str() == "-";
    let print_output = print_path(&output, input);
    for target in [&output, &print_output] {
        if target.as_os_str() != "-"
            && let Err(msg) = refuse_unsafe_output(input, target, force)
        {
            eprintln!("error: {msg}");
            return ExitCode::from(EXIT_IO);
        }
    }
    let print_name = print_output
        .file_name()
        .map_or("report-print.pdf".into(), |n| {
            n.to_string_lossy().into_owned()
        });
    let (built, source) = match compile_with(input, editions, &print_name, v) {
        Ok(b) => b,
        Err(code) => return code,
    };
    // `--edition print -o -` sends the print edition to standard output.
    let print_target = if !editions.reader && to_stdout {
        output.clone()
    } else {
        print_output.clone()
    };
    let outcomes = [
        ("reader", built.reader.as_ref(), output.clone()),
        ("print", built.print.as_ref(), print_target),
    ];
    let mut code = ExitCode::SUCCESS;
    let mut failed: Vec<(&str, usize)> = Vec::new();
    for (edition, outcome, target) in outcomes {
        let bytes = match outcome {
            None => continue,
            Some(Ok(bytes)) => bytes,
            Some(Err(diags)) => {
                eprint!("{}", render(diags, input, &source));
                failed.push((edition, diags.iter().filter(|d| d.is_error()).count()));
                code = ExitCode::from(EXIT_REPORT);
                continue;
            }
        };
        let written = if target.as_os_str() == "-" {
            std::io::stdout().write_all(bytes).map_err(|e| {
                format!(
                    "cannot write to standard output: {}",
                    folio::files::words(&e)
                )
            })
        } else {
            build::write(&target, bytes).map_err(|f| match f {
                Failure::Io(m) | Failure::Export(m) => m,
                Failure::Report(_) => "cannot write the PDF".into(),
            })
        };
        if let Err(msg) = written {
            eprintln!("error: {msg}");
            return ExitCode::from(EXIT_IO);
        }
        if !v.quiet {
            let standards = match edition {
                "print" => "PDF/X-4".to_string(),
                _ => built.standards.names().join(" + "),
            };
            eprintln!(
                "wrote {}: {} pages, {:.1} KB, {standards} in {:.0} ms{}",
                if target.as_os_str() == "-" {
                    "standard output".into()
                } else {
                    target.display().to_string()
                },
                built.document.pages.len(),
                bytes.len() as f64 / 1024.0,
                started.elapsed().as_secs_f64() * 1000.0,
                count(&built.warnings)
            );
        }
    }
    for (edition, errors) in failed {
        eprintln!(
            "error: the {edition} edition was not written: {errors} error{} in {}",
            if errors == 1 { "" } else { "s" },
            input.display()
        );
    }
    code
}

/// The print edition's file: the reader's name with `-print`, beside it.
fn print_path(output: &Path, input: &Path) -> PathBuf {
    let base = if output.as_os_str() == "-" {
        build::default_output(input)
    } else {
        output.to_path_buf()
    };
    let stem = base
        .file_stem()
        .map_or("report".into(), |s| s.to_string_lossy().into_owned());
    base.with_file_name(format!("{stem}-print.pdf"))
}

/// Checks `input` without writing anything: every edition report.toml asks for.
pub fn check(input: &Path, v: Verbosity) -> ExitCode {
    let (built, source) = match compile(input, v) {
        Ok(b) => b,
        Err(code) => return code,
    };
    let mut code = ExitCode::SUCCESS;
    for (edition, outcome) in [("reader", &built.reader), ("print", &built.print)] {
        if let Some(Err(diags)) = outcome {
            eprint!("{}", render(diags, input, &source));
            let errors = diags.iter().filter(|d| d.is_error()).count();
            eprintln!(
                "error: the {edition} edition cannot be built: {errors} error{} in {}",
                if errors == 1 { "" } else { "s" },
                input.display()
            );
            code = ExitCode::from(EXIT_REPORT);
        }
    }
    if code == ExitCode::SUCCESS && !v.quiet {
        eprintln!(
            "{} is ready to build: {} pages{}",
            input.display(),
            built.document.pages.len(),
            count(&built.warnings)
        );
    }
    code
}

/// Reads and compiles the editions report.toml asks for, printing warnings.
pub fn compile(input: &Path, v: Verbosity) -> Result<(folio::Editions, String), ExitCode> {
    compile_with(input, Editions::default(), "report-print.pdf", v)
}

/// Reads and compiles, printing warnings; on failure prints everything and returns the code.
pub fn compile_with(
    input: &Path,
    editions: Editions,
    print_name: &str,
    v: Verbosity,
) -> Result<(folio::Editions, String), ExitCode> {
    let started = Instant::now();
    let source = match build::read_source(input) {
        Ok(s) => s,
        Err(Failure::Report(d)) => {
            let lossy = String::from_utf8_lossy(
                &folio::files::read_capped(input, folio::files::Kind::Report.cap())
                    .unwrap_or_default(),
            )
            .into_owned();
            return Err(fail(Failure::Report(d), input, &lossy));
        }
        Err(f) => return Err(fail(f, input, "")),
    };
    let base = input
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let options = folio::Options {
        reader: editions.reader,
        print: editions.print,
        print_name: print_name.to_string(),
        ..folio::Options::default()
    };
    match folio::compile(&source, base, &options) {
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
        Err(d) => Err(fail(Failure::Report(d.list), input, &source)),
    }
}

/// Refuses to overwrite the input, or a file that is not a PDF, unless forced. A device
/// or a pipe is written into, not replaced, so it is not checked for being a PDF (reading
/// one could block, or never end).
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
    let is_regular = std::fs::metadata(output).is_ok_and(|m| m.is_file());
    if !force && is_regular {
        let is_pdf = folio::files::read_head(output, 5).is_some_and(|h| h == b"%PDF-");
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
