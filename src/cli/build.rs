//! `folio build` and `folio check`: run the pipeline, print diagnostics once, write safely.

use super::{EXIT_IO, EXIT_REPORT, Verbosity};
use folio::build::{self, Editions, Failure};
use folio::diag::{self, Diagnostic};
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

/// Builds `input` and writes the PDF (and the print edition beside it, when asked for).
pub fn build(
    input: &Path,
    output: Option<&Path>,
    force: bool,
    editions: Editions,
    v: Verbosity,
) -> ExitCode {
    build_with(input, output, force, editions, Action::Build, v)
}

/// One rebuild of `folio watch`.
pub fn build_as(
    input: &Path,
    output: Option<&Path>,
    editions: Editions,
    action: Action,
    v: Verbosity,
) -> ExitCode {
    build_with(input, output, false, editions, action, v)
}

fn build_with(
    input: &Path,
    output: Option<&Path>,
    force: bool,
    editions: Editions,
    action: Action,
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
    let web_output = web_path(&output, input);
    if editions.web
        && !force
        && let Err(msg) = folio::web::folder::replaceable(&web_output)
    {
        eprintln!("error: {msg}");
        return ExitCode::from(EXIT_IO);
    }
    let print_name = print_output
        .file_name()
        .map_or("report-print.pdf".into(), |n| {
            n.to_string_lossy().into_owned()
        });
    let (built, source) = match compile_with(input, editions, &print_name, action, v) {
        Ok(b) => b,
        Err(code) => return code,
    };
    // Each edition has its own outcome: one that failed is reported, the others written.
    // `--edition print -o -` sends the print edition to standard output.
    let print_target = if !editions.reader && to_stdout {
        output.clone()
    } else {
        print_output.clone()
    };
    let outcomes = [
        (
            "reader",
            built.reader.as_ref().filter(|_| editions.reader),
            output.clone(),
        ),
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
        // `-o out/2024/report.pdf`: the folders are made now that there is a PDF to put there.
        if let Some(dir) = target.parent().filter(|d| !d.as_os_str().is_empty())
            && target.as_os_str() != "-"
            && let Err(e) = std::fs::create_dir_all(dir)
        {
            eprintln!(
                "error: cannot create the folder {}: {}",
                dir.display(),
                io_words(&e)
            );
            return ExitCode::from(EXIT_IO);
        }
        let written = if target.as_os_str() == "-" {
            std::io::stdout().write_all(bytes).map_err(|e| {
                Failure::Io(format!("cannot write to standard output: {}", io_words(&e)))
            })
        } else {
            build::write_atomic(&target, bytes)
        };
        if let Err(f) = written {
            return fail(f, input, &source, action);
        }
        if !v.quiet {
            let standards = match edition {
                "print" => "PDF/X-4".to_string(),
                _ => built.standards.names().join(" + "),
            };
            say(format_args!(
                "wrote {}: {} pages, {:.1} KB, {standards} in {:.0} ms{}",
                if target.as_os_str() == "-" {
                    "standard output".into()
                } else {
                    target.display().to_string()
                },
                match edition {
                    "print" => built.print_pages,
                    _ => built.document.pages.len(),
                },
                bytes.len() as f64 / 1024.0,
                started.elapsed().as_secs_f64() * 1000.0,
                count(&built.warnings)
            ));
        }
    }
    match &built.web {
        Some(Ok(site)) => {
            if let Err(msg) = folio::web::folder::write(site, &web_output) {
                return fail(Failure::Io(msg), input, &source, action);
            }
            if !v.quiet {
                say(format_args!(
                    "wrote {}/{}: {} files, {:.1} KB, web edition in {:.0} ms{}",
                    web_output.display(),
                    folio::web::INDEX,
                    site.files.len(),
                    site.size() as f64 / 1024.0,
                    started.elapsed().as_secs_f64() * 1000.0,
                    count(&built.warnings)
                ));
            }
        }
        Some(Err(diags)) => {
            eprint!("{}", render(diags, input, &source));
            failed.push(("web", diags.iter().filter(|d| d.is_error()).count()));
            code = ExitCode::from(EXIT_REPORT);
        }
        None => {}
    }
    for (edition, errors) in failed {
        eprintln!(
            "error: the {edition} edition was not written: {errors} error{} in {}",
            if errors == 1 { "" } else { "s" },
            input.display()
        );
    }
    folio::compile::free_later(built);
    code
}

/// The web edition's folder for a build writing `output` (beside the reader edition).
pub fn web_path(output: &Path, input: &Path) -> PathBuf {
    let reader = if output.as_os_str() == "-" {
        build::default_output(input)
    } else {
        output.to_path_buf()
    };
    build::web_folder(&reader)
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

/// What the user asked for, which the closing line of a failure speaks of.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Build,
    Check,
    /// A rebuild in `folio watch`, which keeps the last good PDF when it fails.
    Watch,
}

/// Checks `input` without writing anything: every edition report.toml asks for.
pub fn check(input: &Path, v: Verbosity) -> ExitCode {
    let (built, source) = match compile_with(
        input,
        Editions::default(),
        "report-print.pdf",
        Action::Check,
        v,
    ) {
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

/// Reads and compiles, printing warnings; on failure prints everything and returns the code.
/// Each edition's own outcome is left to the caller.
pub fn compile_with(
    input: &Path,
    editions: Editions,
    print_name: &str,
    action: Action,
    v: Verbosity,
) -> Result<(folio::Editions, String), ExitCode> {
    let started = Instant::now();
    if !input.exists() {
        eprintln!("{}", no_report(input));
        return Err(ExitCode::from(EXIT_IO));
    }
    let source = match build::read_source(input) {
        Ok(s) => s,
        Err(Failure::Report(d)) => {
            let bytes = folio::files::read_capped(input, folio::files::Kind::Report.cap())
                .unwrap_or_default();
            let lossy = String::from_utf8_lossy(&bytes).into_owned();
            return Err(fail(Failure::Report(d), input, &lossy, action));
        }
        Err(f) => return Err(fail(f, input, "", action)),
    };
    let base = input
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let options = folio::Options {
        reader: editions.reader,
        print: editions.print,
        web: editions.web,
        print_name: print_name.to_string(),
        // Only the page count is read back: the pages' items go as they are drawn.
        keep_items: false,
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
        Err(d) => Err(fail(Failure::Report(d.list), input, &source, action)),
    }
}

/// There is no report where the user ran folio: say how to start one.
fn no_report(input: &Path) -> String {
    let folder = input
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .map_or_else(|| "this folder".to_string(), |p| p.display().to_string());
    if input == Path::new("report.toml") {
        format!(
            "error: there is no report.toml in {folder}\n  \
             help: run `folio init` to start a new report here, or name the file: folio build path/to/report.toml"
        )
    } else {
        format!(
            "error: there is no {} \n  \
             help: check the name and folder, or run `folio init {folder}` to start a new report there",
            input.display()
        )
    }
}

/// An I/O error in words, without the operating system's code.
pub fn io_words(e: &std::io::Error) -> String {
    use std::io::ErrorKind as K;
    match e.kind() {
        K::NotFound => "it does not exist".into(),
        K::PermissionDenied => "permission denied".into(),
        K::AlreadyExists => "something of that name is already there".into(),
        K::StorageFull => "the disk is full".into(),
        K::ReadOnlyFilesystem => "the disk is read-only".into(),
        _ => {
            let s = e.to_string();
            s.split(" (os error").next().unwrap_or(&s).to_string()
        }
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

/// Prints one line to stderr in one write. `eprintln!` writes each piece of its format on
/// its own, stderr being unbuffered: fifteen system calls for the line a build ends with.
/// A stderr that is gone is no reason to fail a build whose PDF is already written.
fn say(line: std::fmt::Arguments) {
    use std::io::Write;
    let mut text = line.to_string();
    text.push('\n');
    let _ = std::io::stderr().lock().write_all(text.as_bytes());
}

fn count(warnings: &[Diagnostic]) -> String {
    let notes = warnings
        .iter()
        .filter(|d| d.severity == diag::Severity::Note)
        .count();
    let mut s = plural_warnings(warnings.len() - notes);
    match notes {
        0 => {}
        1 => s.push_str(", 1 note"),
        n => s.push_str(&format!(", {n} notes")),
    }
    s
}

fn plural_warnings(n: usize) -> String {
    match n {
        0 => String::new(),
        1 => ", 1 warning".into(),
        n => format!(", {n} warnings"),
    }
}

pub fn render(diags: &[Diagnostic], input: &Path, source: &str) -> String {
    let styled = colour(
        std::io::stderr().is_terminal(),
        std::env::var_os("TERM").as_deref(),
        std::env::var_os("NO_COLOR").as_deref(),
    );
    diag::render(diags, &input.display().to_string(), source, styled)
}

/// Whether to colour messages: only on a terminal that can show colour (not `TERM=dumb`),
/// and not when `NO_COLOR` is set to anything but the empty string (no-color.org).
pub fn colour(
    terminal: bool,
    term: Option<&std::ffi::OsStr>,
    no_color: Option<&std::ffi::OsStr>,
) -> bool {
    terminal && term.is_none_or(|t| t != "dumb") && no_color.is_none_or(|n| n.is_empty())
}

/// Prints a failure and maps it to its exit code.
pub fn fail(failure: Failure, input: &Path, source: &str, action: Action) -> ExitCode {
    match failure {
        Failure::Report(diags) => {
            eprint!("{}", render(&diags, input, source));
            let errors = diags.iter().filter(|d| d.is_error()).count();
            let warnings = diags.len() - errors;
            let counted = format!(
                "{errors} error{} in {}{}",
                if errors == 1 { "" } else { "s" },
                input.display(),
                plural_warnings(warnings)
            );
            match action {
                Action::Build => eprintln!("error: the PDF was not built: {counted}"),
                Action::Check => eprintln!("error: {counted}; fix them and run folio check again"),
                Action::Watch => eprintln!(
                    "error: {counted}; the last good PDF is kept, and folio rebuilds on the next save"
                ),
            }
            ExitCode::from(EXIT_REPORT)
        }
        Failure::Web(e) => {
            eprintln!("error: {e}");
            ExitCode::from(EXIT_REPORT)
        }
        Failure::Io(msg) => {
            eprintln!("error: {msg}");
            ExitCode::from(EXIT_IO)
        }
    }
}

/// Files a build reads besides report.toml, for `watch`: every file report.toml names
/// (logo, images, CSV files, font files, the print profile) and the fonts/ folder, where
/// families named by name are found.
pub fn inputs(input: &Path, source: &str) -> Vec<PathBuf> {
    // Paths as the user would write them: `data.csv`, not `./data.csv`.
    let base = input
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new(""));
    let mut files = vec![input.to_path_buf()];
    if let Ok((spec, _)) = folio::spec::load(source) {
        let mut named: Vec<&Path> = Vec::new();
        if let Some(logo) = &spec.brand.logo {
            named.push(Path::new(logo.get_ref().as_str()));
        }
        for font in [&spec.brand.fonts.body, &spec.brand.fonts.heading]
            .into_iter()
            .flatten()
        {
            // A family name is looked up in fonts/, which is watched below.
            let name = font.get_ref();
            if name.contains('/') || name.contains('.') {
                named.push(Path::new(name.as_str()));
            }
        }
        if let Some(profile) = spec.print.as_ref().and_then(|p| p.profile.as_ref()) {
            named.push(Path::new(profile.get_ref().as_str()));
        }
        for section in &spec.sections {
            for block in &section.get_ref().blocks {
                match block.get_ref() {
                    folio::spec::BlockSpec::Image(i) => {
                        named.extend(i.file.as_ref().map(|f| Path::new(f.get_ref().as_str())));
                    }
                    folio::spec::BlockSpec::Chart(c) => {
                        named.extend(c.csv.as_ref().map(|f| Path::new(f.get_ref().as_str())));
                    }
                    folio::spec::BlockSpec::Images(r) => {
                        for i in r.images.iter().flat_map(|l| l.get_ref()) {
                            let file = i.get_ref().file.as_ref();
                            named.extend(file.map(|f| Path::new(f.get_ref().as_str())));
                        }
                    }
                    _ => {}
                }
            }
        }
        files.extend(named.into_iter().map(|p| base.join(p)));
    }
    let fonts = base.join("fonts");
    if let Ok(entries) = std::fs::read_dir(&fonts) {
        files.extend(entries.filter_map(|e| e.ok().map(|e| fonts.join(e.file_name()))));
    }
    files.sort();
    files.dedup();
    files
}
