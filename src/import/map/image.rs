//! An embedded image → an image block and a file to write.
//!
//! In: the image as read (its part, its description and title, its width) and its format.
//! Out: a `type = "image"` block naming a file under the images folder. Its alt text is the
//! author's description; an image without one gets a placeholder that `folio build` warns
//! about, never `decorative = true` on folio's own say: only the author can decide that an
//! image adds nothing (Word's "Mark as decorative" is taken as that decision). A format
//! folio does not place (EMF, GIF, TIFF …) is still saved, and its block is written as
//! comments to finish once the file is converted.

use super::Options;
use crate::import::doc::Image;
use crate::import::plan::{BlockPlan, Entry, File, Format};
use std::collections::BTreeMap;

/// The alt text an image without a description gets; `folio build` warns while it is there.
pub const ALT_PLACEHOLDER: &str = "TODO: describe this image";
/// Word 365 adds this to descriptions it writes itself.
const GENERATED: &str = "Description automatically generated";
/// An image this close to the text width is given the full column.
const FULL_WIDTH: f64 = 0.95;
/// folio's narrowest image, as a share of the column.
const MIN_WIDTH: f64 = 0.2;

/// The files named so far: part → file name, in order.
#[derive(Default)]
pub struct Files {
    by_part: BTreeMap<String, String>,
    order: Vec<File>,
}

impl Files {
    /// The file name for `part`, made once: `image-1.png`, `image-2.jpg` … in the order the
    /// images first appear. Nothing of the part's own name is used, so a hostile package
    /// cannot choose where a file goes.
    fn name(&mut self, part: &str, format: Format) -> String {
        if let Some(n) = self.by_part.get(part) {
            return n.clone();
        }
        let name = format!("image-{}.{}", self.order.len() + 1, format.extension());
        self.by_part.insert(part.to_string(), name.clone());
        self.order.push(File {
            part: part.to_string(),
            name: name.clone(),
        });
        name
    }

    pub fn files(self) -> Vec<File> {
        self.order
    }
}

/// The block for an image; `None` (with nothing written) when its part is missing.
pub fn block(
    img: &Image,
    format: Option<Format>,
    caption: Option<String>,
    text_width: Option<i64>,
    files: &mut Files,
    opts: &Options,
) -> Option<BlockPlan> {
    let format = format?;
    let name = files.name(&img.part, format);
    let src = &opts.source;
    let mut b = BlockPlan::default();
    b.entries.push(Entry::new("type", "image"));
    b.entries
        .push(Entry::new("file", format!("{}/{name}", opts.images_dir)));
    if img.decorative {
        b.remarks.push(format!(
            "marked decorative in {src}: screen readers skip it"
        ));
        b.entries.push(Entry::new("decorative", true));
    } else {
        b.entries.push(alt(img, src));
    }
    if let Some(c) = caption.filter(|c| !c.is_empty()) {
        b.entries.push(Entry::new("caption", c));
    }
    if let (Some(w), Some(tw)) = (img.width, text_width)
        && w > 0
        && tw > 0
    {
        let share = w as f64 / tw as f64;
        if share < FULL_WIDTH {
            let share = (share.max(MIN_WIDTH) * 100.0).round() / 100.0;
            b.entries.push(Entry::new("width", share));
        }
    }
    if let Format::Other(ext) = format {
        b.disabled = true;
        b.notes.push(format!(
            "images/{name} is {} and folio places SVG, PNG and JPEG: save it as PNG (or SVG), \
             correct `file`, and remove the # in front of the lines below",
            ext.to_uppercase()
        ));
    }
    Some(b)
}

/// The alt text entry: the author's description, else their title, else the placeholder.
fn alt(img: &Image, src: &str) -> Entry {
    let describe = "describe this image: what it shows, for readers who cannot see it (or set \
                    decorative = true in place of alt if it adds nothing a reader needs)";
    let clean = |s: &String| {
        let t = super::plain_text(s);
        (!t.is_empty()).then_some(t)
    };
    if let Some(d) = img.descr.as_ref().and_then(clean) {
        if let Some(kept) = d.strip_suffix(GENERATED) {
            let kept = kept.trim().trim_end_matches(['.', ',', ';']).trim();
            let value = if kept.is_empty() {
                ALT_PLACEHOLDER
            } else {
                kept
            };
            return Entry::new("alt", value).todo(format!(
                "check this alt text: the word processor wrote it, not the author ({describe})"
            ));
        }
        return Entry::new("alt", d);
    }
    if let Some(t) = img.title.as_ref().and_then(clean) {
        return Entry::new("alt", t).todo(format!(
            "check this alt text: it is the image's title in {src}; {describe}"
        ));
    }
    Entry::new("alt", ALT_PLACEHOLDER).todo(describe)
}
