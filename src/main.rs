//! The `folio` command: parse flags, run the pipeline, print diagnostics once, exit.

mod cli;

fn main() -> std::process::ExitCode {
    cli::run()
}
