//! `folio batch TEMPLATE DATA -o 'out/{id}.pdf'`: read and check everything once, build the
//! rows on all cores, print each failure as it happens and a summary at the end.

use super::{EXIT_IO, EXIT_REPORT, Verbosity};
use folio::batch::data::{self, Format};
use folio::batch::output::{Pattern, Shard};
use folio::batch::template::Template;
use folio::batch::{Batch, Outcome};
use folio::build::{self, Editions, Failure};
use folio::diag::{self, Diagnostic};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::IsTerminal;
use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

/// Wrong usage: the same code clap uses.
const EXIT_USAGE: u8 = 2;

/// What `folio batch` was asked to do.
pub struct Args<'a> {
    pub template: &'a Path,
    pub data: &'a Path,
    pub output: &'a str,
    pub editions: Editions,
    pub shard: Option<&'a str>,
    pub jobs: Option<usize>,
    pub force: bool,
}

pub fn batch(args: Args, v: Verbosity) -> ExitCode {
    let started = Instant::now();
    if args.editions.web {
        return usage(
            "folio batch writes PDFs: --edition reader, print or both (the web edition is built \
             one report at a time with folio build)",
        );
    }
    let styled = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    let batch = match prepare(&args, styled) {
        Ok(b) => b,
        Err(code) => return code,
    };
    let shard = match args.shard.map(Shard::parse).transpose() {
        Ok(s) => s,
        Err(msg) => return usage(&msg),
    };
    let jobs = batch.plan(shard);
    let workers = args.jobs.unwrap_or_else(folio::workers::cores);
    let bar = progress(jobs.len() as u64, v);
    // Plain threads, each taking the next row (see `folio::workers` for why not one rayon
    // pool), and each building its rows inside a rayon pool of one thread of its own: the
    // rows keep every core busy, so each build keeps to one thread, its compression with it.
    // Where no pool can be had, a row is built on the worker itself, on every core.
    let outcomes = folio::workers::map(
        &jobs,
        workers,
        || {
            rayon::ThreadPoolBuilder::new()
                .num_threads(1)
                .thread_name(|_| "folio-row".into())
                .build()
                .ok()
        },
        |pool, job| {
            let outcome = match pool {
                Some(pool) => pool.install(|| batch.run(job)),
                None => batch.run(job),
            };
            if let Outcome::Failed { report, .. } = &outcome {
                bar.suspend(|| eprint!("{report}"));
            }
            bar.inc(1);
            outcome
        },
    );
    bar.finish_and_clear();
    summarise(&batch, &outcomes, started, v)
}

/// Reads and checks the template, the data and the pattern; every problem is printed.
fn prepare(args: &Args, styled: bool) -> Result<Batch, ExitCode> {
    let template_name = args.template.display().to_string();
    let source = match build::read_source(args.template) {
        Ok(s) => s,
        Err(Failure::Report(d)) => {
            eprint!("{}", diag::render(&d, &template_name, "", styled));
            return Err(ExitCode::from(EXIT_REPORT));
        }
        Err(f) => return Err(io(f)),
    };
    let template = match Template::parse(&source) {
        Ok(t) => t,
        Err(d) => return Err(report(&d, &template_name, &source, styled)),
    };
    let data_name = args.data.display().to_string();
    let Some(format) = Format::from_path(args.data) else {
        return Err(usage(&format!(
            "cannot tell what kind of file {data_name} is: name it .csv, .toml (a [[rows]] table each) or .json (an array of objects)"
        )));
    };
    let text = match build::read_source(args.data) {
        Ok(s) => s,
        Err(Failure::Report(d)) => return Err(report(&d, &data_name, "", styled)),
        Err(f) => return Err(io(f)),
    };
    let data = match data::read(text, format) {
        Ok(d) => d,
        // The text as read through the size cap, for placing the problems.
        Err((d, text)) => return Err(report(&d, &data_name, &text, styled)),
    };
    let pattern = Pattern::parse(args.output, &data.columns).map_err(|m| usage(&m))?;
    let base = args
        .template
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
        .to_path_buf();
    let batch = Batch {
        template,
        template_name,
        data,
        data_name,
        base,
        pattern,
        editions: args.editions,
        force: args.force,
        styled,
    };
    let unknown = batch.unknown_fields();
    if !unknown.is_empty() {
        return Err(report(
            &unknown,
            &batch.template_name,
            &batch.template.source,
            styled,
        ));
    }
    Ok(batch)
}

/// A progress bar on a terminal; nothing otherwise, or when quiet.
fn progress(len: u64, v: Verbosity) -> ProgressBar {
    if v.quiet || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(Some(len), ProgressDrawTarget::stderr());
    if let Ok(style) = ProgressStyle::with_template("{bar:40} {pos}/{len} reports, {eta} left") {
        bar.set_style(style);
    }
    bar
}

/// Distinct warnings once each, then what was written and which rows failed.
fn summarise(batch: &Batch, outcomes: &[Outcome], started: Instant, v: Verbosity) -> ExitCode {
    let mut warnings: Vec<(Diagnostic, usize)> = Vec::new();
    let (mut reports, mut files, mut pages) = (0, 0, 0);
    for o in outcomes {
        if let Outcome::Written {
            files: f,
            pages: p,
            warnings: w,
        } = o
        {
            reports += 1;
            files += f.len();
            pages += p;
            for d in w {
                match warnings.iter_mut().find(|(seen, _)| seen == d) {
                    Some((_, n)) => *n += 1,
                    None => warnings.push((d.clone(), 1)),
                }
            }
        }
        // A row whose other edition failed still wrote these.
        if let Outcome::Failed { files: f, .. } = o {
            files += f.len();
        }
    }
    if !v.quiet && !warnings.is_empty() {
        let diags: Vec<Diagnostic> = warnings
            .into_iter()
            .map(|(mut d, n)| {
                if n > 1 {
                    d.message = format!("{} (in {n} rows)", d.message);
                }
                d
            })
            .collect();
        eprint!("{}", batch.render(&diags));
    }
    let failed: Vec<(&String, bool)> = outcomes
        .iter()
        .filter_map(|o| match o {
            Outcome::Failed { summary, io, .. } => Some((summary, *io)),
            Outcome::Written { .. } => None,
        })
        .collect();
    if !v.quiet {
        let secs = started.elapsed().as_secs_f64();
        eprintln!(
            "wrote {reports} report{} ({files} PDF{}, {pages} pages) in {secs:.1} s, {:.0} reports a second",
            if reports == 1 { "" } else { "s" },
            if files == 1 { "" } else { "s" },
            reports as f64 / secs.max(1e-9)
        );
    }
    if failed.is_empty() {
        return ExitCode::SUCCESS;
    }
    eprintln!(
        "error: {} of {} row{} failed:",
        failed.len(),
        outcomes.len(),
        if outcomes.len() == 1 { "" } else { "s" }
    );
    for (summary, _) in &failed {
        eprintln!("  {summary}");
    }
    if failed.iter().any(|(_, io)| *io) {
        ExitCode::from(EXIT_IO)
    } else {
        ExitCode::from(EXIT_REPORT)
    }
}

fn report(diags: &[Diagnostic], name: &str, source: &str, styled: bool) -> ExitCode {
    eprint!("{}", diag::render(diags, name, source, styled));
    let errors = diags.iter().filter(|d| d.is_error()).count();
    eprintln!(
        "error: no report was built: {errors} problem{} in {name}",
        if errors == 1 { "" } else { "s" }
    );
    ExitCode::from(EXIT_REPORT)
}

fn usage(msg: &str) -> ExitCode {
    eprintln!("error: {msg}");
    ExitCode::from(EXIT_USAGE)
}

fn io(f: Failure) -> ExitCode {
    match f {
        Failure::Io(msg) => eprintln!("error: {msg}"),
        Failure::Web(e) => eprintln!("error: {e}"),
        Failure::Report(_) => {}
    }
    ExitCode::from(EXIT_IO)
}
