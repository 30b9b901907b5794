//! The print edition: the same pages as PDF/X-4, with bleed, marks, CMYK and an output intent.
//!
//! krilla has no PDF/X setting, so the file is written by krilla with device CMYK colours and
//! page boxes, and the PDF/X-4 parts krilla cannot write — the GTS_PDFX output intent with
//! its embedded CMYK profile, the PDF/X version in the document information and in XMP, and
//! the Trapped key — are added by one incremental update ([`super::patch`]), leaving krilla's
//! bytes untouched.

use super::ExportError;
use super::draw::{self, Mode};
use super::mode::PrintPage;
use super::patch::Update;
use crate::frame::{Document, Metadata, PrintSetup};
use krilla::metadata::DateTime;
use krilla::{Document as KDocument, SerializeSettings};
use std::io::Write;

/// Writes the print edition of a Document made by the print transform (`edition::print`),
/// which resolved its inks and geometry into [`Document::print`].
pub fn export_print(doc: &Document) -> Result<Vec<u8>, ExportError> {
    let print = doc.print.as_ref().ok_or_else(|| {
        ExportError("the document has no print settings: make it with edition::print".into())
    })?;
    if let Some(c) = doc.colours().into_iter().find(|c| print.ink(*c).is_none()) {
        return Err(ExportError(format!(
            "the print edition has no ink for the colour {c}"
        )));
    }
    let meta = &doc.meta;
    let settings = SerializeSettings {
        enable_tagging: true,
        // Device CMYK (`k`) for the brand's inks; nothing here draws device RGB.
        no_device_cs: false,
        xmp_metadata: false,
        ..SerializeSettings::default()
    };
    let mut pdf = KDocument::new_with(settings);
    let kfonts = draw::fonts(&doc.fonts)?;
    let mut ids = vec![None; doc.structure.content_count()];
    let date = meta.date.iso();
    let mode = Mode::Print(PrintPage {
        setup: print,
        date: date.clone(),
        pages: doc.pages.len(),
    });
    for page in &doc.pages {
        draw::page(&mut pdf, page, &kfonts, &mut ids, &mode)?;
    }
    pdf.set_tag_tree(super::tags::tree(&doc.structure, &ids, &meta.language));
    pdf.set_metadata(
        krilla::metadata::Metadata::new()
            .title(meta.title.clone())
            .authors(vec![meta.author.clone()])
            .language(meta.language.clone())
            .creator("folio".to_string())
            .creation_date(
                DateTime::new(meta.date.year)
                    .month(meta.date.month)
                    .day(meta.date.day),
            ),
    );
    let bytes = pdf
        .finish()
        .map_err(|e| ExportError(format!("the print PDF could not be written: {e:?}")))?;
    pdfx(bytes, meta, print, &date)
}

/// Adds the PDF/X-4 output intent, identification and metadata.
fn pdfx(
    bytes: Vec<u8>,
    meta: &Metadata,
    print: &PrintSetup,
    date: &str,
) -> Result<Vec<u8>, ExportError> {
    let mut update = Update::new(bytes)?;
    let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
    z.write_all(&print.profile)
        .map_err(|e| ExportError(format!("cannot compress the output profile: {e}")))?;
    let icc = z
        .finish()
        .map_err(|e| ExportError(format!("cannot compress the output profile: {e}")))?;
    let mut stream =
        format!("<</N 4/Filter/FlateDecode/Length {}>>\nstream\n", icc.len()).into_bytes();
    stream.extend_from_slice(&icc);
    stream.extend_from_slice(b"\nendstream");
    let profile = update.add(stream);
    let condition = pdf_string(&print.profile_name);
    let intent = update.add(
        format!(
            "<</Type/OutputIntent/S/GTS_PDFX/OutputConditionIdentifier {condition}/OutputCondition {condition}/Info {condition}/RegistryName (http://www.color.org)/DestOutputProfile {profile} 0 R>>"
        )
        .into_bytes(),
    );
    let xmp = xmp(meta, date);
    let mut meta_stream = format!(
        "<</Type/Metadata/Subtype/XML/Length {}>>\nstream\n",
        xmp.len()
    )
    .into_bytes();
    meta_stream.extend_from_slice(xmp.as_bytes());
    meta_stream.extend_from_slice(b"\nendstream");
    let metadata = update.add(meta_stream);
    let root = update.root;
    update.extend_dict(
        root,
        &[
            ("/OutputIntents", &format!("[{intent} 0 R]")),
            ("/Metadata", &format!("{metadata} 0 R")),
        ],
    )?;
    let info = update
        .info
        .ok_or_else(|| ExportError("the PDF has no document information".into()))?;
    update.extend_dict(
        info,
        &[("/GTS_PDFXVersion", "(PDF/X-4)"), ("/Trapped", "/False")],
    )?;
    Ok(update.finish())
}

/// A PDF literal string, escaped.
fn pdf_string(s: &str) -> String {
    let escaped: String = s
        .chars()
        .map(|c| match c {
            '(' | ')' | '\\' => format!("\\{c}"),
            c if c.is_ascii() => c.to_string(),
            _ => "?".to_string(),
        })
        .collect();
    format!("({escaped})")
}

fn xml(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// XMP for PDF/X-4: title, creator, dates, the PDF/X version, and stable IDs derived from
/// the report (never random, so builds stay reproducible).
fn xmp(meta: &Metadata, date: &str) -> String {
    let stamp = format!("{date}T00:00:00Z");
    let id = {
        // FNV-1a over title and date: stable across builds, distinct between reports.
        let mut h: u64 = 0xcbf29ce484222325;
        for b in meta.title.bytes().chain(date.bytes()) {
            h ^= b as u64;
            h = h.wrapping_mul(0x100000001b3);
        }
        format!(
            "uuid:{:08x}-{:04x}-4{:03x}-8{:03x}-{:012x}",
            h >> 32,
            (h >> 16) & 0xffff,
            h & 0xfff,
            (h >> 4) & 0xfff,
            h & 0xffff_ffff_ffff
        )
    };
    format!(
        r#"<?xpacket begin="﻿" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about=""
 xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:xmp="http://ns.adobe.com/xap/1.0/"
 xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
 xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/"
 xmlns:pdfxid="http://www.npes.org/pdfx/ns/id/">
<dc:format>application/pdf</dc:format>
<dc:title><rdf:Alt><rdf:li xml:lang="x-default">{title}</rdf:li></rdf:Alt></dc:title>
<dc:creator><rdf:Seq><rdf:li>{author}</rdf:li></rdf:Seq></dc:creator>
<xmp:CreateDate>{stamp}</xmp:CreateDate>
<xmp:ModifyDate>{stamp}</xmp:ModifyDate>
<xmp:MetadataDate>{stamp}</xmp:MetadataDate>
<xmp:CreatorTool>folio</xmp:CreatorTool>
<pdf:Trapped>False</pdf:Trapped>
<xmpMM:DocumentID>{id}</xmpMM:DocumentID>
<xmpMM:InstanceID>{id}</xmpMM:InstanceID>
<xmpMM:VersionID>1</xmpMM:VersionID>
<xmpMM:RenditionClass>default</xmpMM:RenditionClass>
<pdfxid:GTS_PDFXVersion>PDF/X-4</pdfxid:GTS_PDFXVersion>
</rdf:Description>
</rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>"#,
        title = xml(&meta.title),
        author = xml(&meta.author),
    )
}
