//! Loading what report.toml refers to: font families and images.
//!
//! In: names and paths as written (paths relative to report.toml), read through the file
//! door ([`Folder`]). Out: a [`FontBook`] with the requested families and decoded
//! [`ImageData`], or a diagnostic that names the key that referenced the file and says what
//! is wrong with it. An image is decoded once per build however many keys name it.

// A diagnostic is built once per problem on a cold path; boxing it would only add noise.
#![allow(clippy::result_large_err)]

use super::images::{self, Colour};
use crate::diag::{Diagnostic, did_you_mean};
use crate::files::{Folder, Kind};
use crate::geom::{Abs, Size};
use crate::images::{ImageData, ImageKind};
use crate::spec::SpannedStr;
use crate::text::{FamilyId, FontBook, fonts::DEFAULT_FAMILY};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Resolves a `[brand.fonts]` entry: a family name (built in or in `fonts/` beside
/// report.toml) or a path to a font file.
pub fn font_family(
    book: &mut FontBook,
    folder: &Folder,
    key: &str,
    value: Option<&SpannedStr>,
) -> Result<FamilyId, Diagnostic> {
    let Some(value) = value else {
        return Ok(book
            .family_by_name(DEFAULT_FAMILY)
            .expect("invariant: the built-in family is always loaded"));
    };
    let name = value.get_ref().trim();
    let span = Some(value.span());
    if looks_like_path(name) {
        let data = folder
            .read(name, Kind::Font)
            .map_err(|e| e.diagnostic(key, name, Kind::Font, span.clone()))?;
        let face = book.add_face(data).map_err(|_| {
            Diagnostic::error(
                format!("`{name}` (named by `{key}`) is not a TrueType or OpenType font"),
                span.clone(),
            )
            .with_help("use a .ttf or .otf file")
        })?;
        return Ok(book.add_family(vec![face]));
    }
    if let Some(id) = book.family_by_name(name) {
        return Ok(id);
    }
    let found = scan_fonts_dir(book, folder, name);
    if let Some(id) = found {
        return Ok(id);
    }
    let mut known: Vec<String> = vec![DEFAULT_FAMILY.to_string()];
    known.extend(family_names_in(folder));
    known.dedup();
    let refs: Vec<&str> = known.iter().map(String::as_str).collect();
    let mut d = Diagnostic::error(format!("no font family `{name}` for `{key}`"), span);
    d = match did_you_mean(name, &refs) {
        Some(k) => d.with_label(format!("did you mean `{k}`?")).with_help(format!(
            "write \"{k}\", or put the font files of `{name}` in the fonts/ folder beside report.toml"
        )),
        None => d.with_help(format!(
            "available: {}; or put the font files in the fonts/ folder beside report.toml, or give a path to a .ttf file",
            known.join(", ")
        )),
    };
    Err(d)
}

fn looks_like_path(s: &str) -> bool {
    let lower = s.to_ascii_lowercase();
    s.contains('/') || lower.ends_with(".ttf") || lower.ends_with(".otf")
}

/// The font files in `fonts/`: regular files only (a pipe or a device left there is never
/// opened), sorted so that loading order (and so the PDF) is deterministic.
fn font_files(folder: &Folder) -> Vec<PathBuf> {
    folder.list(FONTS_DIR, &["ttf", "otf"])
}

/// Where a report's own fonts are looked for, beside report.toml.
const FONTS_DIR: &str = "fonts";

/// The family name of a font file, read once per build.
fn family_of(folder: &Folder, file: &Path) -> Option<(String, Arc<Vec<u8>>)> {
    let data = folder.read_path(file, Kind::Font).ok()?;
    let family = folder.decoded(file, "font family", || {
        let mut probe = FontBook::default();
        probe
            .add_face(data.clone())
            .ok()
            .map(|_| probe.faces[0].family.clone())
    });
    Some(((*family).clone()?, data))
}

/// Loads the faces of family `name` from `fonts/` into the book.
fn scan_fonts_dir(book: &mut FontBook, folder: &Folder, name: &str) -> Option<FamilyId> {
    let mut faces = Vec::new();
    for file in font_files(folder) {
        if let Some((family, data)) = family_of(folder, &file)
            && family.eq_ignore_ascii_case(name)
            && let Ok(id) = book.add_face(data)
        {
            faces.push(id);
        }
    }
    (!faces.is_empty()).then(|| book.add_family(faces))
}

/// Family names of the font files in `fonts/`, for suggestions.
fn family_names_in(folder: &Folder) -> Vec<String> {
    let mut names: Vec<String> = font_files(folder)
        .iter()
        .filter_map(|f| family_of(folder, f).map(|(n, _)| n))
        .collect();
    names.sort();
    names.dedup();
    names
}

/// The image formats folio reads, by extension.
const IMAGE_EXTENSIONS: [&str; 5] = ["svg", "svgz", "png", "jpg", "jpeg"];

/// Loads an image file (SVG, PNG or JPEG) named by `key`, decoding it once per build.
pub fn image(folder: &Folder, key: &str, value: &SpannedStr) -> Result<Arc<ImageData>, Diagnostic> {
    let name = value.get_ref().trim();
    let span = Some(value.span());
    let ext = Path::new(name)
        .extension()
        .and_then(|e| e.to_str())
        .map(|e| e.to_ascii_lowercase())
        .unwrap_or_default();
    if !IMAGE_EXTENSIONS.contains(&ext.as_str()) {
        return Err(Diagnostic::error(
            format!("`{key}` must be an SVG, PNG or JPEG file, not `{name}`"),
            span,
        )
        .with_help("convert the image to SVG (best for logos) or PNG"));
    }
    let kind = if ext.starts_with("svg") {
        Kind::Svg
    } else {
        Kind::Raster
    };
    let path = folder
        .resolve(folder.root(), name)
        .map_err(|e| e.diagnostic(key, name, kind, span.clone()))?;
    let data = folder
        .read_path(&path, kind)
        .map_err(|e| e.diagnostic(key, name, kind, span.clone()))?;
    let decoded = folder.decoded(&path, "image", || decode(folder, &path, name, &ext, data));
    match &*decoded {
        Ok(image) => Ok(image.clone()),
        Err(what) => Err(Diagnostic::error(
            format!("`{key}`: the image `{name}` cannot be used: {what}"),
            span,
        )
        .with_help(if what.starts_with("it refers to") {
            "put the images an SVG uses inside the report's folder and refer to them by name, relative to the SVG"
        } else if kind == Kind::Svg {
            "open it in a vector editor and save it again as plain SVG"
        } else {
            "open it in an image editor and save it again as PNG or JPEG"
        })),
    }
}

/// Decodes an image under the limits of [`images`] and [`super::svg`].
fn decode(
    folder: &Folder,
    path: &Path,
    name: &str,
    ext: &str,
    data: Arc<Vec<u8>>,
) -> Result<Arc<ImageData>, String> {
    let is_png = data.starts_with(b"\x89PNG");
    let is_jpeg = data.starts_with(&[0xFF, 0xD8]);
    let (kind, size, colour, orientation) = match ext {
        "svg" | "svgz" => {
            let tree = super::svg::parse(&data, path, folder)?;
            let s = tree.size();
            (
                ImageKind::Svg(Box::new(tree)),
                Size::new(Abs(s.width() as f64), Abs(s.height() as f64)),
                Colour::Rgb,
                1,
            )
        }
        "png" if is_png => {
            let r = images::png(&data)?;
            (ImageKind::Png(data), pixels(&r), r.colour, r.orientation)
        }
        "jpg" | "jpeg" if is_jpeg => {
            let r = images::jpeg(&data)?;
            (ImageKind::Jpeg(data), pixels(&r), r.colour, r.orientation)
        }
        "png" => return Err("it is not a PNG file, whatever its name says".into()),
        _ => return Err("it is not a JPEG file, whatever its name says".into()),
    };
    let print_problem = match &kind {
        ImageKind::Svg(tree) => super::svg::print_problem(tree).map(str::to_string),
        ImageKind::Jpeg(_) if colour == Colour::Rgb => Some("it is an RGB JPEG".to_string()),
        _ => None,
    };
    Ok(Arc::new(ImageData {
        name: name.to_string(),
        kind,
        size,
        cmyk: colour == Colour::Cmyk,
        grey: colour == Colour::Grey,
        orientation,
        print_problem,
    }))
}

/// The size an image is placed at before layout scales it: a pixel a point (72 per inch),
/// with the sides swapped when its EXIF orientation turns it a quarter.
fn pixels(r: &images::Raster) -> Size {
    let (w, h) = if images::swaps_sides(r.orientation) {
        (r.height, r.width)
    } else {
        (r.width, r.height)
    };
    Size::new(Abs(w as f64), Abs(h as f64))
}
