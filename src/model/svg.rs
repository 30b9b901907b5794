//! SVG files parsed within limits, with every reference resolved through the file door.
//!
//! In: the bytes of an SVG (or gzipped SVG) file, its canonical path and the report's
//! [`Folder`]. Out: usvg's resolved tree, or a sentence saying what is wrong.
//!
//! usvg on its own would read any file an `<image href>` names, relative to the working
//! directory, and would expand XML entities and gzip without bound. Here:
//! - gzip is inflated to at most [`MAX_TEXT`] bytes;
//! - the document's entities are counted before parsing, and an SVG whose entities would
//!   expand past [`MAX_TEXT`] is refused (the "billion laughs");
//! - the XML tree holds at most [`MAX_NODES`] nodes;
//! - an `<image>` that names a file is read through the [`Folder`], relative to the SVG's
//!   own folder, under the folder rule; one with a `data:` URL is decoded by usvg within
//!   the SVG's own size and then checked like any other image; web addresses are refused.
//!   Every such image is decoded under [`super::images`]' limits before it is accepted.

use super::images;
use crate::files::{Folder, Kind};
use std::collections::HashMap;
use std::io::Read;
use std::path::Path;
use std::sync::{Arc, Mutex};

/// The most text an SVG may hold once inflated and its entities expanded: 32 MB is
/// far more than any logo or diagram, and far less than a machine's memory.
pub const MAX_TEXT: u64 = 32 * 1024 * 1024;
/// The most XML nodes: a detailed map is a few hundred thousand.
pub const MAX_NODES: u32 = 1_000_000;

/// Parses an SVG file at canonical `path`; its lettering is set in the fonts of `fonts`
/// (the report's, see `svg_fonts`), whose other settings are kept too.
pub fn parse(
    bytes: &[u8],
    path: &Path,
    folder: &Folder,
    fonts: &usvg::Options,
) -> Result<usvg::Tree, String> {
    let inflated;
    let bytes = if bytes.starts_with(&[0x1f, 0x8b]) {
        inflated = inflate(bytes)?;
        &inflated[..]
    } else {
        bytes
    };
    let text = std::str::from_utf8(bytes).map_err(|_| "it is not UTF-8 text".to_string())?;
    entity_budget(text)?;
    // External entities stay unresolved (the default): an SVG can name no file that way.
    let xml = roxmltree::ParsingOptions {
        allow_dtd: true,
        nodes_limit: MAX_NODES,
        ..Default::default()
    };
    let doc = roxmltree::Document::parse_with_options(text, xml).map_err(|e| match e {
        roxmltree::Error::NodesLimitReached => {
            format!("it has more than {MAX_NODES} XML elements")
        }
        other => format!("it is not well-formed SVG ({other})"),
    })?;
    let dir = path.parent().unwrap_or(folder.root()).to_path_buf();
    let problems: Arc<Mutex<Vec<String>>> = Arc::default();
    let (p1, p2) = (problems.clone(), problems.clone());
    let options = usvg::Options {
        resources_dir: None,
        font_family: fonts.font_family.clone(),
        font_size: fonts.font_size,
        languages: fonts.languages.clone(),
        fontdb: fonts.fontdb.clone(),
        image_href_resolver: usvg::ImageHrefResolver {
            resolve_data: Box::new(move |mime, data, _| {
                embedded(mime, data).map_err(|e| report(&p1, e)).ok()
            }),
            resolve_string: Box::new(move |href, _| {
                linked(href, &dir, folder).map_err(|e| report(&p2, e)).ok()
            }),
        },
        ..usvg::Options::default()
    };
    let tree = usvg::Tree::from_xmltree(&doc, &options).map_err(|e| match e {
        usvg::Error::InvalidSize => {
            "it has no size: give its <svg> a width and height, or a viewBox".to_string()
        }
        usvg::Error::ElementsLimitReached => format!("it has more than {MAX_NODES} elements"),
        usvg::Error::ParsingFailed(_) if doc.root_element().tag_name().name() != "svg" => {
            "it is not an SVG image: its outermost element is not <svg>".to_string()
        }
        other => format!("it is not an SVG image folio can read ({other})"),
    })?;
    drop(options);
    let problems = problems.lock().unwrap_or_else(|e| e.into_inner());
    match problems.first() {
        Some(first) => Err(first.clone()),
        None => Ok(tree),
    }
}

fn report(problems: &Mutex<Vec<String>>, e: String) {
    problems.lock().unwrap_or_else(|e| e.into_inner()).push(e);
}

/// Inflates gzip, stopping at [`MAX_TEXT`].
fn inflate(bytes: &[u8]) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    flate2::read::GzDecoder::new(bytes)
        .take(MAX_TEXT + 1)
        .read_to_end(&mut out)
        .map_err(|_| "it is a damaged gzip (.svgz) file".to_string())?;
    if out.len() as u64 > MAX_TEXT {
        return Err(format!(
            "it inflates to more than {} MB of SVG",
            MAX_TEXT / 1024 / 1024
        ));
    }
    Ok(out)
}

/// An image embedded as a `data:` URL.
fn embedded(mime: &str, data: Arc<Vec<u8>>) -> Result<usvg::ImageKind, String> {
    let what = "an image embedded in it";
    match mime {
        "image/png" => raster(usvg::ImageKind::PNG(data), what),
        "image/jpeg" | "image/jpg" => raster(usvg::ImageKind::JPEG(data), what),
        "image/svg+xml" => Err(format!(
            "{what} is itself an SVG, which folio does not read; flatten it in your editor"
        )),
        _ if data.starts_with(b"\x89PNG") => raster(usvg::ImageKind::PNG(data), what),
        _ if data.starts_with(&[0xFF, 0xD8]) => raster(usvg::ImageKind::JPEG(data), what),
        _ => Err(format!(
            "{what} is not a PNG or JPEG; save it as one in your editor"
        )),
    }
}

/// An image the SVG names by path, relative to the SVG's own folder.
fn linked(href: &str, dir: &Path, folder: &Folder) -> Result<usvg::ImageKind, String> {
    let is_url = href.split_once(':').is_some_and(|(scheme, _)| {
        scheme.len() > 1
            && scheme
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
    });
    if is_url {
        return Err(format!(
            "it refers to `{href}`, which folio does not fetch: put the image beside the SVG and refer to it by name"
        ));
    }
    let bytes = folder
        .read_in(dir, href, Kind::Raster)
        .map_err(|e| format!("it refers to `{href}`, which {}", e.reason(Kind::Raster)))?;
    let what = format!("the image `{href}` it refers to");
    let lower = href.to_ascii_lowercase();
    if lower.ends_with(".png") || bytes.starts_with(b"\x89PNG") {
        raster(usvg::ImageKind::PNG(bytes), &what)
    } else if lower.ends_with(".jpg")
        || lower.ends_with(".jpeg")
        || bytes.starts_with(&[0xFF, 0xD8])
    {
        raster(usvg::ImageKind::JPEG(bytes), &what)
    } else {
        Err(format!(
            "{what} is not a PNG or JPEG; save it as one in your editor"
        ))
    }
}

/// Decodes a raster image within limits before usvg (and so krilla) may keep it.
fn raster(kind: usvg::ImageKind, what: &str) -> Result<usvg::ImageKind, String> {
    let checked = match &kind {
        usvg::ImageKind::PNG(d) => images::png(d),
        usvg::ImageKind::JPEG(d) => images::jpeg(d),
        _ => Err("it is not a PNG or JPEG".into()),
    };
    checked
        .map(|_| kind)
        .map_err(|e| format!("{what} cannot be read: {e}"))
}

/// Refuses a document whose entities would expand past [`MAX_TEXT`]: each entity's
/// expanded length is its own text plus that of the entities it uses, and the document's
/// is the sum over every reference. Counting is linear in the text.
fn entity_budget(text: &str) -> Result<(), String> {
    let Some(start) = text.find("<!DOCTYPE") else {
        return Ok(());
    };
    let Some(open) = text[start..].find('[').map(|i| start + i) else {
        return Ok(());
    };
    let close = text[open..].find("]>").map_or(text.len(), |i| open + i);
    let subset = &text[open..close];
    let mut values: HashMap<&str, &str> = HashMap::new();
    let mut rest = subset;
    while let Some(i) = rest.find("<!ENTITY") {
        rest = &rest[i + "<!ENTITY".len()..];
        let decl = rest.trim_start();
        if decl.starts_with('%') {
            return Err("it declares parameter entities, which folio does not read".into());
        }
        let name_end = decl.find(|c: char| c.is_whitespace()).unwrap_or(decl.len());
        let (name, after) = decl.split_at(name_end);
        let after = after.trim_start();
        let Some(quote) = after.chars().next().filter(|c| *c == '"' || *c == '\'') else {
            continue;
        };
        let body = &after[1..];
        let value = body.find(quote).map_or(body, |j| &body[..j]);
        values.insert(name, value);
    }
    if values.is_empty() {
        return Ok(());
    }
    let mut sizes: HashMap<&str, u64> = HashMap::new();
    let document = &text[close..];
    let mut total = document.len() as u64;
    for (name, count) in references(document) {
        if let Some(size) = expanded(name, &values, &mut sizes, 0) {
            total = total.saturating_add(size.saturating_mul(count));
        }
        if total > MAX_TEXT {
            return Err(format!(
                "its XML entities expand to more than {} MB",
                MAX_TEXT / 1024 / 1024
            ));
        }
    }
    Ok(())
}

/// How often each `&name;` occurs in `text`.
fn references(text: &str) -> HashMap<&str, u64> {
    let mut out: HashMap<&str, u64> = HashMap::new();
    let mut rest = text;
    while let Some(i) = rest.find('&') {
        rest = &rest[i + 1..];
        if let Some(j) = rest.find(';')
            && j > 0
            && rest[..j]
                .chars()
                .all(|c| c.is_alphanumeric() || "_-.:".contains(c))
        {
            *out.entry(&rest[..j]).or_default() += 1;
            rest = &rest[j + 1..];
        }
    }
    out
}

/// The expanded length of entity `name`; `None` for names it does not declare.
fn expanded<'a>(
    name: &'a str,
    values: &HashMap<&'a str, &'a str>,
    sizes: &mut HashMap<&'a str, u64>,
    depth: u32,
) -> Option<u64> {
    if let Some(s) = sizes.get(name) {
        return Some(*s);
    }
    let value = values.get(name)?;
    // Deeper nesting than this is a loop, which the XML parser refuses anyway.
    if depth > 32 {
        return Some(u64::MAX);
    }
    let mut size = value.len() as u64;
    for (inner, count) in references(value) {
        if let Some(s) = expanded(inner, values, sizes, depth + 1) {
            size = size.saturating_add(s.saturating_mul(count));
        }
    }
    sizes.insert(name, size);
    Some(size)
}

/// Why the print edition cannot print `tree` in CMYK, if it cannot: folio paints SVG paths
/// in the brand's inks itself (`pdf::svg`), which covers solid colours, gradients,
/// see-through groups and lettering, but not clip paths, masks, filters, patterns or
/// embedded images.
pub fn print_problem(tree: &usvg::Tree) -> Option<&'static str> {
    fn group(g: &usvg::Group) -> Option<&'static str> {
        if g.clip_path().is_some() || g.mask().is_some() || !g.filters().is_empty() {
            return Some("it uses a clip path, mask or filter");
        }
        for node in g.children() {
            let found = match node {
                usvg::Node::Group(g) => group(g),
                usvg::Node::Path(p) => {
                    let pattern = |paint: &usvg::Paint| matches!(paint, usvg::Paint::Pattern(_));
                    let fill = p.fill().is_some_and(|f| pattern(f.paint()));
                    let stroke = p.stroke().is_some_and(|s| pattern(s.paint()));
                    (fill || stroke).then_some("it uses a pattern")
                }
                usvg::Node::Image(_) => Some("it holds a raster image"),
                usvg::Node::Text(t) => group(t.flattened()),
            };
            if found.is_some() {
                return found;
            }
        }
        None
    }
    group(tree.root())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entity_bombs_are_refused_before_parsing() {
        let mut svg = String::from(
            "<?xml version=\"1.0\"?><!DOCTYPE svg [<!ENTITY a \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\">",
        );
        for i in 1..8 {
            svg.push_str(&format!(
                "<!ENTITY {} \"{}\">",
                (b'a' + i) as char,
                format!("&{};", (b'a' + i - 1) as char).repeat(10)
            ));
        }
        svg.push_str("]><svg xmlns=\"http://www.w3.org/2000/svg\"><text>&h;</text></svg>");
        let err = entity_budget(&svg).unwrap_err();
        assert!(err.contains("expand to more than"), "{err}");
    }

    #[test]
    fn ordinary_entities_as_illustrator_writes_them_are_fine() {
        let svg = "<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\" \"x\" [<!ENTITY ns_svg \"http://www.w3.org/2000/svg\">]><svg xmlns=\"&ns_svg;\"/>";
        assert!(entity_budget(svg).is_ok());
    }

    #[test]
    fn a_gzip_bomb_stops_at_the_cap() {
        let mut z = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        let chunk = vec![b' '; 1 << 20];
        for _ in 0..(MAX_TEXT / (1 << 20) + 2) {
            std::io::Write::write_all(&mut z, &chunk).unwrap();
        }
        let bomb = z.finish().unwrap();
        assert!(bomb.len() < 1 << 20, "the bomb is small: {}", bomb.len());
        assert!(
            inflate(&bomb)
                .unwrap_err()
                .contains("inflates to more than")
        );
    }
}
