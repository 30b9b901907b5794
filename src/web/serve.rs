//! A web edition folder → a page on localhost that reloads itself after each build.
//!
//! In: the folder to serve. Out: a server on 127.0.0.1 (never another interface) that
//! answers GET and HEAD for the folder's files, and a [`Server::reload`] that tells every
//! open page to reload. Only what it serves differs from the folder: `index.html` gets one
//! small script before `</body>` that waits (a long poll of `/__folio/wait`) for the next
//! build and then reloads. The page on disk has no script and needs none.
//!
//! tiny_http parses HTTP; each request is answered on a thread of its own, so a page
//! waiting for the next build never holds up the files another page asks for.

use std::path::{Component, Path, PathBuf};
use std::sync::{Arc, Condvar, Mutex};
use std::time::Duration;

/// The path the reload script polls.
const WAIT_PATH: &str = "/__folio/wait";
/// A poll is answered after this long even without a new build, so no proxy or browser
/// gives up on it first.
const WAIT_LIMIT: Duration = Duration::from_secs(25);

/// A running server; dropping it stops it.
pub struct Server {
    http: Arc<tiny_http::Server>,
    build: Arc<(Mutex<u64>, Condvar)>,
    addr: std::net::SocketAddr,
}

impl Server {
    /// Serves `root` on 127.0.0.1 at `port` (0: any free port); `reload` adds the script
    /// that reloads the page after the next build.
    pub fn start(root: &Path, port: u16, reload: bool) -> Result<Server, String> {
        let http = tiny_http::Server::http(("127.0.0.1", port))
            .map_err(|e| format!("cannot serve the web edition on port {port}: {e}"))?;
        let addr = http
            .server_addr()
            .to_ip()
            .ok_or("the web edition's server has no IP address")?;
        let server = Server {
            http: Arc::new(http),
            build: Arc::new((Mutex::new(0), Condvar::new())),
            addr,
        };
        let (http, build) = (server.http.clone(), server.build.clone());
        let root = root.to_path_buf();
        std::thread::spawn(move || {
            for request in http.incoming_requests() {
                let (root, build) = (root.clone(), build.clone());
                std::thread::spawn(move || answer(request, &root, &build, reload));
            }
        });
        Ok(server)
    }

    /// The page's address.
    pub fn url(&self) -> String {
        format!("http://{}/", self.addr)
    }

    /// Tells every open page that a new build is there.
    pub fn reload(&self) {
        let (count, changed) = &*self.build;
        *count.lock().unwrap_or_else(|e| e.into_inner()) += 1;
        changed.notify_all();
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.http.unblock();
    }
}

fn answer(request: tiny_http::Request, root: &Path, build: &(Mutex<u64>, Condvar), reload: bool) {
    use tiny_http::Method;
    if !matches!(request.method(), Method::Get | Method::Head) {
        let _ = request.respond(text(405, "only GET and HEAD"));
        return;
    }
    let url = request.url().to_string();
    let (path, query) = url.split_once('?').unwrap_or((&url, ""));
    let response = if path == WAIT_PATH {
        let since = query
            .split('&')
            .find_map(|kv| kv.strip_prefix("since="))
            .and_then(|v| v.parse::<u64>().ok())
            .unwrap_or(0);
        let (count, changed) = build;
        let guard = count.lock().unwrap_or_else(|e| e.into_inner());
        let (guard, _) = changed
            .wait_timeout_while(guard, WAIT_LIMIT, |n| *n <= since)
            .unwrap_or_else(|e| e.into_inner());
        text(200, &guard.to_string())
    } else {
        let current = *build.0.lock().unwrap_or_else(|e| e.into_inner());
        file(root, path, reload.then_some(current))
    };
    let _ = request.respond(response);
}

type Response = tiny_http::Response<std::io::Cursor<Vec<u8>>>;

fn with_type(response: Response, kind: &str) -> Response {
    let header = |k: &str, v: &str| {
        tiny_http::Header::from_bytes(k.as_bytes(), v.as_bytes())
            .expect("invariant: header names and values are ASCII")
    };
    response
        .with_header(header("Content-Type", kind))
        .with_header(header("Cache-Control", "no-store"))
        .with_header(header("X-Content-Type-Options", "nosniff"))
}

fn text(status: u16, body: &str) -> Response {
    with_type(
        tiny_http::Response::from_data(body.as_bytes().to_vec()).with_status_code(status),
        "text/plain; charset=utf-8",
    )
}

/// A file of the folder; `index.html` with the reload script when there is a `build` to
/// wait past. Paths that would leave the folder are not found.
fn file(root: &Path, url_path: &str, build: Option<u64>) -> Response {
    let Some(rel) = local_path(url_path) else {
        return text(404, "not found");
    };
    let mut path = root.join(rel);
    if path.is_dir() {
        path = path.join(super::INDEX);
    }
    let Ok(bytes) = std::fs::read(&path) else {
        return text(404, "not found");
    };
    let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
    let kind = match ext {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "woff2" => "font/woff2",
        "pdf" => "application/pdf",
        _ => "application/octet-stream",
    };
    let bytes = match build {
        Some(n) if ext == "html" => with_reload(bytes, n),
        _ => bytes,
    };
    with_type(tiny_http::Response::from_data(bytes), kind)
}

/// `/images/a%20b.png` → `images/a b.png`; `None` for anything that climbs out.
fn local_path(url_path: &str) -> Option<PathBuf> {
    let decoded = percent_decode(url_path.trim_start_matches('/'))?;
    let rel = PathBuf::from(decoded);
    rel.components()
        .all(|c| matches!(c, Component::Normal(_)))
        .then_some(rel)
}

fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    let s = String::from_utf8(out).ok()?;
    (!s.contains('\0')).then_some(s)
}

/// The page with the script that reloads it after the next build.
fn with_reload(html: Vec<u8>, build: u64) -> Vec<u8> {
    let script = format!(
        "<script>(function(){{var v={build};function w(){{fetch('{WAIT_PATH}?since='+v).then(function(r){{return r.text()}}).then(function(t){{if(+t>v){{location.reload()}}else{{w()}}}}).catch(function(){{setTimeout(w,1000)}})}}w()}})();</script>"
    );
    let text = String::from_utf8_lossy(&html);
    match text.rfind("</body>") {
        Some(at) => format!("{}{script}{}", &text[..at], &text[at..]).into_bytes(),
        None => html,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_that_leave_the_folder_are_refused() {
        assert_eq!(
            local_path("/images/a%20b.png"),
            Some(PathBuf::from("images/a b.png"))
        );
        assert_eq!(local_path("/../secret"), None);
        assert_eq!(local_path("/images/%2e%2e/%2e%2e/etc/passwd"), None);
        assert_eq!(local_path("/%00"), None);
        assert_eq!(
            local_path("//etc/passwd"),
            Some(PathBuf::from("etc/passwd"))
        );
    }

    #[test]
    fn the_served_page_gets_the_reload_script_and_the_file_does_not_change() {
        let page = b"<html><body><p>x</p></body></html>".to_vec();
        let served = String::from_utf8(with_reload(page.clone(), 3)).unwrap();
        assert!(
            served.contains("<script>")
                && served.contains("since='+v")
                && served.contains("var v=3")
        );
        assert!(served.ends_with("</script></body></html>"));
    }
}
