//! Pictures in a Word body: DrawingML (`w:drawing`) and the older VML (`w:pict`).
//!
//! In: the drawing element met in a run. Out: an [`Image`] with its part, description,
//! title, decorative mark and width, or a note when the drawing is a chart or shape folio
//! cannot bring over; text boxes inside are kept to read after the paragraph.

use super::{Piece, Reader};
use crate::import::doc::{Image, drop_note};
use crate::import::read::xml::Element;

impl<'a> Reader<'a, '_> {
    /// A DrawingML object: a picture, or a chart, shape or text box.
    pub(super) fn drawing(&mut self, d: &'a Element, out: &mut Vec<Piece>) {
        let Some(frame) = d.child("wp:inline").or_else(|| d.child("wp:anchor")) else {
            return;
        };
        if let Some(tx) = frame.find("w:txbxContent") {
            self.deferred.push(tx);
        }
        let blip = frame.find("a:blip");
        let part = blip
            .and_then(|b| b.attr("r:embed"))
            .and_then(|id| self.rels.get(id))
            .filter(|r| !r.external)
            .map(|r| r.target.clone());
        let Some(part) = part else {
            let what = if blip.is_some_and(|b| b.attr("r:link").is_some()) {
                "a picture linked to a file outside the document was left out: insert it into \
                 the document (or add it as an image block)"
            } else if frame
                .find("a:graphicData")
                .and_then(|g| g.attr("uri"))
                .is_some_and(|u| u.contains("chart"))
            {
                "a chart drawn in the word processor was left out: give its figures as a \
                 folio chart block (type = \"chart\")"
            } else if frame.find("w:txbxContent").is_none() {
                "a drawing or shape (not a picture) was left out"
            } else {
                return;
            };
            drop_note(&mut self.doc.dropped, what);
            return;
        };
        let docpr = frame.child("wp:docPr");
        let attr = |a: &str| {
            docpr
                .and_then(|p| p.attr(a))
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_string)
        };
        let decorative = docpr
            .and_then(|p| p.find("adec:decorative"))
            .is_some_and(|d| matches!(d.attr("val"), Some("1" | "true")));
        let width = frame
            .child("wp:extent")
            .and_then(|e| e.attr("cx"))
            .and_then(|cx| cx.parse().ok());
        self.image(
            Image {
                part,
                descr: attr("descr"),
                title: attr("title"),
                decorative,
                width,
            },
            out,
        );
    }

    /// A VML picture (what older Word versions wrote).
    pub(super) fn vml(&mut self, p: &'a Element, out: &mut Vec<Piece>) {
        if let Some(tx) = p.find("w:txbxContent") {
            self.deferred.push(tx);
        }
        let Some(data) = p.find("v:imagedata") else {
            if p.find("w:txbxContent").is_none() {
                drop_note(
                    &mut self.doc.dropped,
                    "a drawing or embedded object (not a picture) was left out",
                );
            }
            return;
        };
        let Some(part) = data
            .attr("r:id")
            .and_then(|id| self.rels.get(id))
            .filter(|r| !r.external)
            .map(|r| r.target.clone())
        else {
            return;
        };
        let shape = p.find("v:shape");
        let clean = |v: Option<&str>| {
            v.map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_string)
        };
        self.image(
            Image {
                part,
                descr: clean(shape.and_then(|s| s.attr("alt"))),
                title: clean(data.attr("o:title")),
                decorative: false,
                width: None,
            },
            out,
        );
    }

    fn image(&mut self, image: Image, out: &mut Vec<Piece>) {
        self.doc.images.push(image);
        out.push(Piece::Image(self.doc.images.len() - 1));
    }
}
