//! `folio watch --edition web`: the web edition served on localhost while watching.
//!
//! In: the watch's input, output and editions. Out: a running server (when the web edition
//! is among the editions) whose page reloads after each good build.

use super::EXIT_IO;
use folio::build::Editions;
use folio::web::serve::Server;
use std::path::Path;
use std::process::ExitCode;

/// The server of a watch.
pub struct Serving {
    server: Server,
}

/// Starts serving the web folder of `input`/`output` when `editions` has the web edition.
pub fn start(
    input: &Path,
    output: Option<&Path>,
    editions: Editions,
    port: Option<u16>,
) -> Result<Option<Serving>, ExitCode> {
    if !editions.web {
        return Ok(None);
    }
    let output = output.map_or_else(|| folio::build::default_output(input), Path::to_path_buf);
    let folder = super::build::web_path(&output, input);
    match Server::start(&folder, port.unwrap_or(0), true) {
        Ok(server) => {
            eprintln!("serving the web edition at {}", server.url());
            Ok(Some(Serving { server }))
        }
        Err(msg) => {
            eprintln!("error: {msg}");
            Err(ExitCode::from(EXIT_IO))
        }
    }
}

impl Serving {
    /// After a build: a good one reloads the open pages; a failed one leaves them showing
    /// the last good edition.
    pub fn built(&self, ok: bool) {
        if ok {
            self.server.reload();
        }
    }
}
