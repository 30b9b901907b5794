//! Broken report.toml files, one per file under `tests/broken/`, run through the `folio`
//! binary as a user would. Each file starts with its expectations:
//!
//! ```text
//! # expect: 7:11 error: `brand.colours.primary`: `#05EB8` is not a colour: …
//! # exit: 1            (optional; 1 unless given)
//! # args: --edition both   (optional; more arguments for `folio build`)
//! # written: report-print.pdf   (optional; a file the build does write, checked to be a PDF)
//! # setup: corrupt.png (optional; a file the case refers to, made before the run — see below)
//! # errors: 1          (optional; exactly this many errors: a slip is reported once,
//!                       without the cascade of messages it would otherwise cause)
//! ```
//!
//! For every case the test checks the message, its line and column, the exit code, and
//! that nothing else was written: the report.pdf already in the folder is byte-identical
//! (unless the case says it is `written`) and no other file appeared.
//!
//! Hostile files are made at run time, never committed. The report's folder sits beside a
//! folder `outside/` holding `secret.png`, `Secret.ttf` and `data.csv`, which no build may
//! read; `{OUTSIDE}` in a case stands for that folder's absolute path. Setup
//! lines (paths are inside the report's folder):
//! - `NAME`: a file whose bytes are not what its name says;
//! - `copy NAME FILE`: a copy of `tests/data/FILE` (or of the shipped `fonts/FILE`);
//! - `head NAME FILE BYTES`: the first BYTES bytes of `tests/data/FILE` (a truncated file);
//! - `text NAME TEXT`: TEXT, with `\n`, `\r` and `\t` as escapes;
//! - `png NAME W H`: a real greyscale PNG of W × H pixels; `png-header NAME W H`: only its
//!   header claims W × H;
//! - `fifo NAME`, `dir NAME`, `device NAME` (a character device, like /dev/zero);
//! - `link NAME TARGET`: a symbolic link (TARGET as written: `../outside/secret.png`, `/dev/zero`);
//! - `sparse NAME BYTES`: a file of BYTES zero bytes that takes no disk space;
//! - `gzip NAME MB`: a gzipped SVG that inflates to MB megabytes;
//! - `svg-png NAME W H`: an SVG embedding, as a `data:` URL, a real PNG of W × H pixels;
//! - `pad BYTES`: report.toml itself grows to BYTES bytes (a comment at its end).

use std::path::{Path, PathBuf};
use std::process::Command;

/// What a previous good build left behind.
const PREVIOUS_PDF: &[u8] = b"%PDF-1.7\n% the previous good build\n";
/// Stands for a byte that is not UTF-8 (é in Latin-1) in the `not-utf8` case.
const LATIN1_MARKER: &str = "<<LATIN1>>";

struct Case {
    name: String,
    expects: Vec<(usize, usize, String)>,
    exit: i32,
    errors: Option<usize>,
    setup: Vec<String>,
    args: Vec<String>,
    written: Vec<String>,
    body: Vec<u8>,
}

fn cases() -> Vec<Case> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/broken");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|path| {
            let text = std::fs::read_to_string(&path).unwrap();
            let mut expects = Vec::new();
            let mut exit = 1;
            let mut errors = None;
            let mut setup = Vec::new();
            let mut args = Vec::new();
            let mut written = Vec::new();
            for line in text.lines() {
                if let Some(e) = line.strip_prefix("# expect: ") {
                    let (pos, msg) = e.split_once(' ').expect("`# expect: L:C message`");
                    // `-` for a message with no place in report.toml (a file it cannot read).
                    let (l, c) = pos.split_once(':').unwrap_or(("0", "0"));
                    expects.push((l.parse().unwrap(), c.parse().unwrap(), msg.to_string()));
                } else if let Some(n) = line.strip_prefix("# errors: ") {
                    errors = Some(n.trim().parse().unwrap());
                } else if let Some(x) = line.strip_prefix("# exit: ") {
                    exit = x.trim().parse().unwrap();
                } else if let Some(s) = line.strip_prefix("# setup: ") {
                    setup.push(s.trim().to_string());
                } else if let Some(a) = line.strip_prefix("# args: ") {
                    args.extend(a.split_whitespace().map(String::from));
                } else if let Some(w) = line.strip_prefix("# written: ") {
                    written.push(w.trim().to_string());
                }
            }
            let body = if text.contains(LATIN1_MARKER) {
                latin1(&text)
            } else {
                text.into_bytes()
            };
            Case {
                name: path.file_stem().unwrap().to_string_lossy().into_owned(),
                expects,
                exit,
                errors,
                setup,
                args,
                written,
                body,
            }
        })
        .collect()
}

/// The text with the marker replaced by a Latin-1 é (0xE9), which is not valid UTF-8.
fn latin1(text: &str) -> Vec<u8> {
    let mut out = Vec::new();
    for (i, part) in text.split(LATIN1_MARKER).enumerate() {
        if i > 0 {
            out.push(0xE9);
        }
        out.extend_from_slice(part.as_bytes());
    }
    out
}

/// The folder a case's report folder sits in.
fn root_of(case: &Case) -> PathBuf {
    std::env::temp_dir().join(format!("folio-broken-{}-{}", case.name, std::process::id()))
}

/// The absolute path `{OUTSIDE}` stands for in a case.
fn outside_of(case: &Case) -> String {
    root_of(case).join("outside").display().to_string()
}

fn run(case: &Case) -> Result<(), String> {
    let root = root_of(case);
    let _ = std::fs::remove_dir_all(&root);
    let dir = root.join("report");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::create_dir_all(root.join("outside")).unwrap();
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data");
    std::fs::copy(data.join("logo.png"), root.join("outside/secret.png")).unwrap();
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("fonts/LiberationSans-Bold.ttf"),
        root.join("outside/Secret.ttf"),
    )
    .unwrap();
    std::fs::write(root.join("outside/data.csv"), "label,value\nSecret,1\n").unwrap();
    // `{OUTSIDE}` in a case stands for the outside folder's absolute path.
    let outside = outside_of(case);
    let body = String::from_utf8_lossy(&case.body).replace("{OUTSIDE}", &outside);
    let body = if case.body.is_ascii() || std::str::from_utf8(&case.body).is_ok() {
        body.into_bytes()
    } else {
        case.body.clone()
    };
    std::fs::write(dir.join("report.toml"), body).unwrap();
    std::fs::write(dir.join("report.pdf"), PREVIOUS_PDF).unwrap();
    std::fs::copy(data.join("logo.png"), dir.join("logo.png")).unwrap();
    for f in &case.setup {
        if let Err(e) = setup(&dir, f) {
            let _ = std::fs::remove_dir_all(&root);
            // Only root can make a device node; CI runs as root and must run every case.
            if e.starts_with("mknod needs root") && std::env::var("CI").as_deref() != Ok("true") {
                eprintln!("skipping {}: {e}", case.name);
                return Ok(());
            }
            return Err(format!("{}: setup `{f}` failed: {e}", case.name));
        }
    }
    let listing = |d: &Path| {
        let mut v: Vec<_> = std::fs::read_dir(d)
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        v.sort();
        v
    };
    let before = listing(&dir);
    let out = Command::new(env!("CARGO_BIN_EXE_folio"))
        .arg("build")
        .args(&case.args)
        .current_dir(&dir)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    let mut problems = Vec::new();
    if out.status.code() != Some(case.exit) {
        problems.push(format!(
            "exit code {:?}, expected {}",
            out.status.code(),
            case.exit
        ));
    }
    if let Some(n) = case.errors {
        // Every block that starts with `error:` except the closing summary line.
        let found = stderr
            .split("\n\n")
            .filter(|b| {
                b.trim_start().starts_with("error:") && !b.contains("the PDF was not built")
            })
            .count();
        if found != n {
            problems.push(format!("{found} errors, expected exactly {n}"));
        }
    }
    if case.expects.is_empty() {
        problems.push("no `# expect:` line".into());
    }
    for (line, col, msg) in &case.expects {
        let msg = &msg.replace("{OUTSIDE}", &outside);
        if !stderr.contains(msg.as_str()) {
            problems.push(format!("message missing: {msg}"));
        }
        // The message's own block must point at the line and column.
        let block = stderr
            .split("\n\n")
            .find(|b| b.contains(msg.as_str()))
            .unwrap_or("");
        let at = format!("report.toml:{line}:{col}");
        if *line > 0 && !block.contains(&at) {
            problems.push(format!("{msg:?} is not at {at}"));
        }
    }
    let previous_kept = std::fs::read(dir.join("report.pdf")).unwrap() == PREVIOUS_PDF;
    if !case.written.iter().any(|w| w == "report.pdf") && !previous_kept {
        problems.push("the previous report.pdf was changed".into());
    }
    for w in &case.written {
        let ok =
            std::fs::read(dir.join(w)).is_ok_and(|b| b.starts_with(b"%PDF-") && b != PREVIOUS_PDF);
        if !ok {
            problems.push(format!("{w} was not written as a new PDF"));
        }
    }
    let mut expected = before.clone();
    expected.extend(case.written.iter().map(std::ffi::OsString::from));
    expected.sort();
    expected.dedup();
    if listing(&dir) != expected {
        problems.push(format!("files appeared: {:?}", listing(&dir)));
    }
    let _ = std::fs::remove_dir_all(&root);
    if std::env::var_os("FOLIO_UPDATE_BROKEN").is_some() && !problems.is_empty() {
        update(case, &stderr, out.status.code());
        return Ok(());
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "{}:\n  {}\n--- stderr ---\n{stderr}",
            case.name,
            problems.join("\n  ")
        ))
    }
}

#[test]
fn every_broken_input_is_reported_at_its_place_and_writes_nothing() {
    let cases = cases();
    assert!(cases.len() >= 170, "the suite keeps at least 170 cases");
    let failures: Vec<String> = cases.iter().filter_map(|c| run(c).err()).collect();
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n\n")
    );
}

/// Makes one setup file (see the module docs).
fn setup(dir: &Path, line: &str) -> Result<(), String> {
    let words: Vec<&str> = line.splitn(4, ' ').collect();
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data");
    let at = |name: &str| {
        let p = dir.join(name);
        if let Some(parent) = p.parent() {
            std::fs::create_dir_all(parent).unwrap();
        }
        p
    };
    let num = |s: &str| s.parse::<u64>().map_err(|e| e.to_string());
    let io = |e: std::io::Error| e.to_string();
    match words.as_slice() {
        [name] => std::fs::write(at(name), b"this is not what its name says").map_err(io),
        ["copy", name, file] => {
            let from = if data.join(file).exists() {
                data.join(file)
            } else {
                Path::new(env!("CARGO_MANIFEST_DIR"))
                    .join("fonts")
                    .join(file)
            };
            std::fs::copy(from, at(name)).map(drop).map_err(io)
        }
        ["head", name, file, bytes] => {
            let all = std::fs::read(data.join(file)).map_err(io)?;
            let n = (num(bytes)? as usize).min(all.len());
            std::fs::write(at(name), &all[..n]).map_err(io)
        }
        ["text", name, rest @ ..] => {
            let text = rest
                .join(" ")
                .replace("\\n", "\n")
                .replace("\\r", "\r")
                .replace("\\t", "\t");
            std::fs::write(at(name), text).map_err(io)
        }
        ["png", name, w, h] => {
            std::fs::write(at(name), png(num(w)? as u32, num(h)? as u32, true)).map_err(io)
        }
        ["png-header", name, w, h] => {
            std::fs::write(at(name), png(num(w)? as u32, num(h)? as u32, false)).map_err(io)
        }
        ["fifo", name] => {
            let c = std::ffi::CString::new(at(name).into_os_string().into_encoded_bytes()).unwrap();
            // SAFETY: a valid NUL-terminated path; mkfifo only creates a file.
            match unsafe { libc::mkfifo(c.as_ptr(), 0o644) } {
                0 => Ok(()),
                _ => Err(std::io::Error::last_os_error().to_string()),
            }
        }
        ["dir", name] => std::fs::create_dir_all(at(name)).map_err(io),
        ["device", name] => {
            let c = std::ffi::CString::new(at(name).into_os_string().into_encoded_bytes()).unwrap();
            // SAFETY: as above; the device is /dev/zero's (1, 5). Needs root, as CI runs.
            match unsafe { libc::mknod(c.as_ptr(), libc::S_IFCHR | 0o644, libc::makedev(1, 5)) } {
                0 => Ok(()),
                _ => Err(format!(
                    "mknod needs root: {}",
                    std::io::Error::last_os_error()
                )),
            }
        }
        ["link", name, target] => std::os::unix::fs::symlink(target, at(name)).map_err(io),
        ["sparse", name, bytes] => std::fs::File::create(at(name))
            .and_then(|f| f.set_len(num(bytes).unwrap_or(0)))
            .map_err(io),
        ["gzip", name, mb] => {
            use std::io::Write;
            let mut z = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
            z.write_all(b"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\">")
                .map_err(io)?;
            let spaces = vec![b' '; 1 << 20];
            for _ in 0..num(mb)? {
                z.write_all(&spaces).map_err(io)?;
            }
            z.write_all(b"</svg>").map_err(io)?;
            std::fs::write(at(name), z.finish().map_err(io)?).map_err(io)
        }
        ["svg-png", name, w, h] => {
            let data = base64(&png(num(w)? as u32, num(h)? as u32, true));
            let svg = format!(
                "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" width=\"10\" height=\"10\"><image width=\"10\" height=\"10\" xlink:href=\"data:image/png;base64,{data}\"/></svg>"
            );
            std::fs::write(at(name), svg).map_err(io)
        }
        ["pad", bytes] => {
            use std::io::Write;
            let path = dir.join("report.toml");
            let len = std::fs::metadata(&path).map_err(io)?.len();
            let mut f = std::fs::OpenOptions::new()
                .append(true)
                .open(&path)
                .map_err(io)?;
            let mut line = b"# ".to_vec();
            line.resize((num(bytes)?.saturating_sub(len + 1)) as usize, b'x');
            line.push(b'\n');
            f.write_all(&line).map_err(io)
        }
        _ => Err("unknown setup".into()),
    }
}

/// A greyscale PNG of `w` × `h` pixels; with `pixels` false, only a header that claims so.
fn png(w: u32, h: u32, pixels: bool) -> Vec<u8> {
    if !pixels {
        let mut one = png(1, 1, true);
        one[16..20].copy_from_slice(&w.to_be_bytes());
        one[20..24].copy_from_slice(&h.to_be_bytes());
        // The header's checksum, so the claim is believed.
        let crc = crc32(&one[12..29]);
        one[29..33].copy_from_slice(&crc.to_be_bytes());
        return one;
    }
    let mut out = Vec::new();
    let mut enc = png::Encoder::new(&mut out, w, h);
    enc.set_color(png::ColorType::Grayscale);
    enc.set_depth(png::BitDepth::Eight);
    let mut writer = enc.write_header().unwrap();
    writer
        .write_image_data(&vec![0u8; (w as usize) * (h as usize)])
        .unwrap();
    drop(writer);
    out
}

/// CRC-32 as PNG chunks use it.
fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = 0xFFFF_FFFFu32;
    for &b in bytes {
        crc ^= b as u32;
        for _ in 0..8 {
            crc = if crc & 1 != 0 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

/// With `FOLIO_UPDATE_BROKEN=1`, a failing case's `# expect:` and `# exit:` lines are
/// rewritten from what folio printed, for a deliberate change to be reviewed in the diff.
fn update(case: &Case, stderr: &str, code: Option<i32>) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/broken")
        .join(format!("{}.toml", case.name));
    let text = std::fs::read_to_string(&path).unwrap();
    let stderr = stderr.replace(&outside_of(case), "{OUTSIDE}");
    let stderr = stderr.as_str();
    let mut lines: Vec<String> = text
        .lines()
        .filter(|l| !l.starts_with("# expect: ") && !l.starts_with("# exit: "))
        .map(String::from)
        .collect();
    for block in stderr.split("\n\n") {
        let Some(first) = block
            .lines()
            .find(|l| l.starts_with("error: ") || l.starts_with("warning: "))
        else {
            continue;
        };
        if first.contains("was not built") || first.contains("edition was not written") {
            continue;
        }
        let pos = block
            .split("report.toml:")
            .skip(1)
            .filter_map(|r| r.split_whitespace().next())
            .find(|p| {
                p.split(':')
                    .all(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
            })
            .unwrap_or("-");
        lines.push(format!("# expect: {pos} {first}"));
    }
    if !lines.iter().any(|l| l.starts_with("# expect: ")) {
        for wrote in stderr.lines().filter(|l| l.starts_with("wrote ")) {
            let file = wrote.split(':').next().unwrap_or(wrote);
            lines.push(format!("# expect: - {file}:"));
        }
    }
    if code != Some(1) {
        lines.push(format!("# exit: {}", code.unwrap_or(-1)));
    }
    std::fs::write(&path, lines.join("\n") + "\n").unwrap();
}

/// Standard base64, for `data:` URLs.
fn base64(bytes: &[u8]) -> String {
    const ABC: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (b[0] as u32) << 16 | (b[1] as u32) << 8 | b[2] as u32;
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ABC[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}
