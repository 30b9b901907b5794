//! `[brand.fonts]` → families in the font book, found the way people have their fonts.
//!
//! In: a family name or a font file path as written (paths relative to report.toml). Out: a
//! family in the [`FontBook`] with as many of its four styles as can be found, or a
//! diagnostic that names the key and says how to fix it. A name is looked for, in order,
//! among the built-in fonts, in the `fonts/` folder beside report.toml, then among the fonts
//! installed on the machine (found with `fontdb`). A file (`.ttf`, `.otf` — TrueType or CFF
//! outlines — or a `.ttc` collection) brings its siblings: the other files of the same family
//! in its folder, so `fonts/Inter-Regular.ttf` also finds `Inter-Bold.ttf`. A family without a
//! bold face is a warning, once: its bold text is set in the regular face, never synthesised.
//!
//! Font files the report names, and those in `fonts/`, are read through the file door
//! ([`Folder`]): inside the report's folder, regular files only, under the font size cap.
//! Installed fonts are the one thing folio reads from outside the report's folder, and only
//! for a family it finds nowhere else (under the same checks and cap); such a report builds
//! the same only where the same fonts are installed (the warning-free way to share it is to
//! put the files in `fonts/`).

// A diagnostic is built once per problem on a cold path; boxing it would only add noise.
#![allow(clippy::result_large_err)]

use crate::diag::{Diagnostic, did_you_mean};
use crate::files::{Folder, Kind};
use crate::spec::SpannedStr;
use crate::text::fallback::BUILTIN_FALLBACK;
use crate::text::{FaceId, FamilyId, FontBook, fonts::DEFAULT_FAMILY};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use usvg::fontdb;

/// Reads an installed font file (found by `fontdb`, outside the report's folder): a regular
/// file under the font cap, like every other font.
fn read_installed(path: &Path) -> Option<Arc<Vec<u8>>> {
    crate::files::read_capped(path, Kind::Font.cap())
        .ok()
        .map(Arc::new)
}

/// Where a report's own fonts are looked for, beside report.toml.
const FONTS_DIR: &str = "fonts";
/// The font files folio reads, by extension.
const FONT_EXTENSIONS: [&str; 3] = ["ttf", "otf", "ttc"];

/// Where fonts are looked for beyond the report's folder: the machine's installed fonts,
/// scanned once per build and only if a family is not found anywhere else.
#[derive(Default)]
pub struct Finder {
    system: Option<fontdb::Database>,
    /// Families already warned about (no bold face).
    warned: Vec<String>,
}

impl Finder {
    fn system(&mut self) -> &fontdb::Database {
        self.system.get_or_insert_with(|| {
            let mut db = fontdb::Database::new();
            db.load_system_fonts();
            db
        })
    }
}

/// Resolves a `[brand.fonts]` entry: a family name or a path to a font file.
pub fn font_family(
    book: &mut FontBook,
    finder: &mut Finder,
    base: &Folder,
    key: &str,
    value: Option<&SpannedStr>,
    diags: &mut Vec<Diagnostic>,
) -> Result<FamilyId, Diagnostic> {
    let Some(value) = value else {
        return Ok(book
            .family_by_name(DEFAULT_FAMILY)
            .expect("invariant: the built-in family is always loaded"));
    };
    let name = value.get_ref().trim();
    let span = Some(value.span());
    let family = if looks_like_path(name) {
        from_file(book, base, name, key, value)?
    } else if let Some(id) = book.family_by_name(name) {
        return Ok(id);
    } else if let Some((_, bytes)) = BUILTIN_FALLBACK
        .iter()
        .find(|(family, _)| family.eq_ignore_ascii_case(name))
    {
        // The built-in fallback faces can be named too, to try one earlier.
        let face = book
            .add_face(Arc::new(bytes.to_vec()))
            .expect("invariant: the built-in fallback fonts parse");
        return Ok(book.add_family(vec![face]));
    } else if let Some(id) = from_folder(book, base, name) {
        id
    } else if let Some(id) = from_system(book, finder, name) {
        id
    } else {
        return Err(unknown_family(finder, base, name, key, span));
    };
    // A fallback font lends single characters; its lack of a bold face does not matter.
    if key != "brand.fonts.fallback" {
        missing_styles(book, finder, family, span, diags);
    }
    Ok(family)
}

/// A family from a font file and its siblings in the same folder.
fn from_file(
    book: &mut FontBook,
    base: &Folder,
    name: &str,
    key: &str,
    value: &SpannedStr,
) -> Result<FamilyId, Diagnostic> {
    let span = Some(value.span());
    let fail = |e: crate::files::FileError| e.diagnostic(key, name, Kind::Font, span.clone());
    let path = base.resolve(base.root(), name).map_err(fail)?;
    let data = base.read_path(&path, Kind::Font).map_err(fail)?;
    let faces = add_faces(book, data, None);
    let Some(&first) = faces.first() else {
        return Err(Diagnostic::error(
            format!("`{name}` (named by `{key}`) is not a TrueType or OpenType font"),
            span,
        )
        .with_help("use a .ttf, .otf or .ttc file"));
    };
    let family = book.face(first).family.clone();
    let mut all = faces;
    if let Some(dir) = path.parent() {
        for sibling in base
            .list_in(dir, &FONT_EXTENSIONS)
            .into_iter()
            .filter(|f| *f != path)
        {
            if let Ok(data) = base.read_path(&sibling, Kind::Font) {
                all.extend(add_faces(book, data, Some(&family)));
            }
        }
    }
    Ok(book.add_family(all))
}

/// Adds the faces of a font file (every face of a collection) whose family is `family`
/// (any, if `None`: then the family of its first face). Faces of other families are left out.
fn add_faces(book: &mut FontBook, data: Arc<Vec<u8>>, family: Option<&str>) -> Vec<FaceId> {
    let mut out = Vec::new();
    let mut wanted = family.map(str::to_string);
    for index in 0..FontBook::faces_in(&data) {
        let Ok(id) = book.add_face_at(data.clone(), index) else {
            continue;
        };
        let name = book.face(id).family.clone();
        match &wanted {
            Some(w) if !w.eq_ignore_ascii_case(&name) => {
                book.faces.pop();
            }
            Some(_) => out.push(id),
            None => {
                wanted = Some(name);
                out.push(id);
            }
        }
    }
    out
}

fn looks_like_path(s: &str) -> bool {
    let lower = s.to_ascii_lowercase();
    s.contains('/') || [".ttf", ".otf", ".ttc"].iter().any(|e| lower.ends_with(e))
}

/// The font files in `fonts/`: regular files only (a pipe or a device left there is never
/// opened), sorted so that loading order (and so the PDF) is deterministic.
fn font_files(base: &Folder) -> Vec<PathBuf> {
    base.list(FONTS_DIR, &FONT_EXTENSIONS)
}

/// The faces of family `name` in `fonts/`, as a family.
fn from_folder(book: &mut FontBook, base: &Folder, name: &str) -> Option<FamilyId> {
    let mut faces = Vec::new();
    for file in font_files(base) {
        if let Ok(data) = base.read_path(&file, Kind::Font) {
            faces.extend(add_faces(book, data, Some(name)));
        }
    }
    (!faces.is_empty()).then(|| book.add_family(faces))
}

/// The faces of family `name` installed on the machine, as a family.
fn from_system(book: &mut FontBook, finder: &mut Finder, name: &str) -> Option<FamilyId> {
    let mut files: Vec<(PathBuf, u32)> = finder
        .system()
        .faces()
        .filter(|f| f.families.iter().any(|(n, _)| n.eq_ignore_ascii_case(name)))
        .filter_map(|f| match &f.source {
            fontdb::Source::File(path) => Some((path.clone(), f.index)),
            _ => None,
        })
        .collect();
    files.sort();
    files.dedup();
    let mut faces = Vec::new();
    for (path, index) in files {
        let Some(data) = read_installed(&path) else {
            continue;
        };
        if let Ok(id) = book.add_face_at(data, index) {
            faces.push(id);
        }
    }
    (!faces.is_empty()).then(|| book.add_family(faces))
}

/// A warning, once per family, when it has no bold face: bold text is then set in the
/// regular face (folio does not fake a bold by smearing the regular outlines).
fn missing_styles(
    book: &FontBook,
    finder: &mut Finder,
    family: FamilyId,
    span: Option<std::ops::Range<usize>>,
    diags: &mut Vec<Diagnostic>,
) {
    let f = book.family(family);
    if f.bold != f.regular || book.face(f.regular).bold || finder.warned.contains(&f.name) {
        return;
    }
    finder.warned.push(f.name.clone());
    diags.push(
        Diagnostic::warning(
            format!(
                "the font family `{}` has no bold face: **bold** text, headings and figures are set in its regular face",
                f.name
            ),
            span,
        )
        .with_label("only a regular face was found")
        .with_help(format!(
            "put the bold font file of `{}` (for example `{}-Bold.ttf`) beside this one or in the fonts/ folder",
            f.name,
            f.name.replace(' ', "")
        )),
    );
}

/// The error for a family found nowhere, with the closest known name.
fn unknown_family(
    finder: &mut Finder,
    base: &Folder,
    name: &str,
    key: &str,
    span: Option<std::ops::Range<usize>>,
) -> Diagnostic {
    let mut known: Vec<String> = vec![DEFAULT_FAMILY.to_string()];
    known.extend(BUILTIN_FALLBACK.iter().map(|(f, _)| f.to_string()));
    known.extend(family_names_in(base));
    let local = known.len();
    known.extend(
        finder
            .system()
            .faces()
            .flat_map(|f| f.families.iter().map(|(n, _)| n.clone())),
    );
    known[local..].sort();
    known.dedup();
    let refs: Vec<&str> = known.iter().map(String::as_str).collect();
    let d = Diagnostic::error(format!("no font family `{name}` for `{key}`"), span);
    match did_you_mean(name, &refs) {
        Some(k) => d.with_label(format!("did you mean `{k}`?")).with_help(format!(
            "write \"{k}\", or put the font files of `{name}` in the fonts/ folder beside report.toml"
        )),
        None => d.with_help(format!(
            "available: {}; or put the font files in the fonts/ folder beside report.toml, or give a path to a .ttf or .otf file",
            known[..local].join(", ")
        )),
    }
}

/// Family names of the font files in `fonts/`, for suggestions; each file's is read once
/// per build.
fn family_names_in(base: &Folder) -> Vec<String> {
    let mut names: Vec<String> = font_files(base)
        .iter()
        .filter_map(|f| {
            let data = base.read_path(f, Kind::Font).ok()?;
            let family = base.decoded(f, "font family", || {
                let mut probe = FontBook::default();
                probe
                    .add_face(data)
                    .ok()
                    .map(|_| probe.faces[0].family.clone())
            });
            (*family).clone()
        })
        .collect();
    names.sort();
    names.dedup();
    names
}
