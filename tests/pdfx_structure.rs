//! The print edition checked against PDF/X-4 (ISO 15930-7:2010), requirement by requirement,
//! by reading the file with qpdf — a PDF library folio does not use — through its JSON
//! output and its decoded streams. Nothing here asks folio (or its preflight) what the file
//! contains. Both the shipped report and the richer test report (photos, a spot colour, a
//! see-through SVG, every chart, tables) are checked.

mod common;

use common::{TempFile, tool};
use folio::build::{Editions, Failure, compile_editions};
use serde_json::Value;
use std::path::PathBuf;
use std::process::Command;
use std::sync::OnceLock;

/// The print editions of the shipped and the rich report.
fn editions() -> &'static [(&'static str, Vec<u8>)] {
    static BUILT: OnceLock<Vec<(&'static str, Vec<u8>)>> = OnceLock::new();
    BUILT.get_or_init(|| {
        let build = |dir: PathBuf| {
            let source = std::fs::read_to_string(dir.join("report.toml")).unwrap();
            let editions = Editions {
                reader: false,
                print: Some(true),
                web: false,
            };
            match compile_editions(&source, &dir, editions, "report-print.pdf") {
                Ok(b) => b.print.expect("the print edition"),
                Err(Failure::Report(d)) => {
                    panic!("{}", folio::diag::render(&d, "report.toml", &source, false))
                }
                Err(e) => panic!("{e:?}"),
            }
        };
        vec![
            ("shipped", build(common::root())),
            ("rich", build(common::root().join("tests/data/rich"))),
        ]
    })
}

/// A PDF as qpdf reads it.
struct Qpdf {
    file: TempFile,
    json: Value,
    qpdf: PathBuf,
}

impl Qpdf {
    fn open(name: &str, bytes: &[u8]) -> Option<Self> {
        let qpdf = tool("qpdf", "the qpdf package")?;
        let file = TempFile::with(&format!("{name}-x4.pdf"), bytes);
        let out = Command::new(&qpdf)
            .args(["--json=2", "--json-stream-data=none"])
            .arg(&file.0)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let json = serde_json::from_slice(&out.stdout).unwrap();
        Some(Self { file, json, qpdf })
    }

    fn objects(&self) -> &serde_json::Map<String, Value> {
        self.json["qpdf"][1].as_object().unwrap()
    }

    /// The dictionary of an object: its value, or a stream's dictionary.
    fn dict_of<'a>(&'a self, v: &'a Value) -> &'a Value {
        let v = self.resolve(v);
        v.get("stream").map_or(v, |s| &s["dict"])
    }

    /// Follows `"N 0 R"` to the object's value (a stream stays `{"stream": …}`).
    fn resolve<'a>(&'a self, v: &'a Value) -> &'a Value {
        match v.as_str() {
            Some(r) if r.ends_with(" R") => {
                let o = &self.objects()[&format!("obj:{r}")];
                o.get("value").unwrap_or(o)
            }
            _ => v,
        }
    }

    fn trailer(&self) -> &Value {
        &self.objects()["trailer"]["value"]
    }

    fn root(&self) -> &Value {
        self.resolve(&self.trailer()["/Root"])
    }

    fn info(&self) -> &Value {
        self.resolve(&self.trailer()["/Info"])
    }

    /// Every object's dictionary (stream dictionaries included), with its reference.
    fn dicts(&self) -> Vec<(&str, &serde_json::Map<String, Value>)> {
        self.objects()
            .iter()
            .filter(|(k, _)| k.starts_with("obj:"))
            .filter_map(|(k, v)| {
                let d = v
                    .get("value")
                    .or_else(|| v.get("stream").map(|s| &s["dict"]))?;
                Some((&k[4..], d.as_object()?))
            })
            .collect()
    }

    /// Pages' dictionaries, in order.
    fn pages(&self) -> Vec<&Value> {
        self.json["pages"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| self.resolve(&p["object"]))
            .collect()
    }

    /// A stream's data with its filters undone.
    fn data(&self, reference: &str) -> Vec<u8> {
        let num = reference.split_whitespace().next().unwrap();
        let out = Command::new(&self.qpdf)
            .arg(format!("--show-object={num}"))
            .arg("--filtered-stream-data")
            .arg(&self.file.0)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        out.stdout
    }
}

/// The text of a qpdf JSON string value (`u:` text, `b:` hex bytes).
fn text(v: &Value) -> String {
    let s = v.as_str().unwrap_or_default();
    if let Some(t) = s.strip_prefix("u:") {
        t.to_string()
    } else if let Some(h) = s.strip_prefix("b:") {
        let bytes: Vec<u8> = (0..h.len() / 2)
            .map(|i| u8::from_str_radix(&h[i * 2..i * 2 + 2], 16).unwrap())
            .collect();
        String::from_utf8_lossy(&bytes).into_owned()
    } else {
        s.to_string()
    }
}

/// Runs `check` on both print editions; false when qpdf is missing (and the check skipped).
fn each(mut check: impl FnMut(&str, &[u8], &Qpdf)) -> bool {
    for (name, bytes) in editions() {
        let Some(q) = Qpdf::open(name, bytes) else {
            return false;
        };
        check(name, bytes, &q);
    }
    true
}

#[test]
fn the_header_and_the_catalog_name_pdf_1_6_or_earlier() {
    each(|name, bytes, q| {
        assert!(
            bytes.starts_with(b"%PDF-1.") && (b'3'..=b'6').contains(&bytes[7]),
            "{name}: header {:?}",
            String::from_utf8_lossy(&bytes[..8])
        );
        let version = q.json["qpdf"][0]["pdfversion"].as_str().unwrap();
        assert!(version <= "1.6", "{name}: qpdf reads version {version}");
        assert!(
            q.root().get("/Version").is_none(),
            "{name}: no catalog /Version"
        );
    });
}

#[test]
fn one_gts_pdfx_output_intent_carries_an_embedded_cmyk_output_profile() {
    each(|name, _, q| {
        let intents = q.resolve(&q.root()["/OutputIntents"]).as_array().unwrap();
        let pdfx: Vec<&Value> = intents
            .iter()
            .map(|i| q.resolve(i))
            .filter(|i| i["/S"] == "/GTS_PDFX")
            .collect();
        assert_eq!(pdfx.len(), 1, "{name}: exactly one GTS_PDFX output intent");
        let intent = pdfx[0];
        let id = text(&intent["/OutputConditionIdentifier"]);
        assert!(!id.is_empty(), "{name}: OutputConditionIdentifier");
        if id != "Custom" {
            assert!(
                !text(&intent["/RegistryName"]).is_empty(),
                "{name}: RegistryName"
            );
        }
        assert!(
            !text(&intent["/Info"]).is_empty(),
            "{name}: Info describes the profile"
        );
        let profile_ref = intent["/DestOutputProfile"].as_str().unwrap();
        assert_eq!(q.dict_of(&intent["/DestOutputProfile"])["/N"], 4, "{name}");
        let icc = q.data(profile_ref);
        assert_eq!(&icc[12..16], b"prtr", "{name}: an output device profile");
        assert_eq!(&icc[16..20], b"CMYK", "{name}: for CMYK");
        let size = u32::from_be_bytes(icc[0..4].try_into().unwrap()) as usize;
        assert_eq!(size, icc.len(), "{name}: the whole profile is embedded");
    });
}

/// A simple XMP property: `<ns:Name>value</ns:Name>`, or the first `rdf:li` inside it.
fn xmp_value(xmp: &str, name: &str) -> Option<String> {
    let open = format!("<{name}>");
    let start = xmp.find(&open)? + open.len();
    let end = start + xmp[start..].find(&format!("</{name}>"))?;
    let inner = &xmp[start..end];
    match inner.find("<rdf:li") {
        Some(li) => {
            let from = li + inner[li..].find('>')? + 1;
            let to = from + inner[from..].find("</rdf:li>")?;
            Some(inner[from..to].to_string())
        }
        None => Some(inner.to_string()),
    }
}

/// `D:20210129000000Z` as `2021-01-29T00:00:00Z`.
fn info_date_as_xmp(d: &str) -> String {
    let d = d.trim_start_matches("D:");
    let tz = match &d[14..] {
        "Z" | "" => "Z".to_string(),
        other => other.replace('\'', ":").trim_end_matches(':').to_string(),
    };
    format!(
        "{}-{}-{}T{}:{}:{}{tz}",
        &d[0..4],
        &d[4..6],
        &d[6..8],
        &d[8..10],
        &d[10..12],
        &d[12..14]
    )
}

#[test]
fn the_document_information_and_the_xmp_agree_and_identify_pdfx_4() {
    each(|name, _, q| {
        let info = q.info();
        let metadata = q.root()["/Metadata"].as_str().expect("XMP metadata");
        let xmp = String::from_utf8(q.data(metadata)).unwrap();
        let x = |p: &str| xmp_value(&xmp, p).unwrap_or_else(|| panic!("{name}: XMP {p}"));
        let i = |k: &str| text(&info[k]);

        assert_eq!(i("/GTS_PDFXVersion"), "PDF/X-4", "{name}");
        assert_eq!(x("pdfxid:GTS_PDFXVersion"), "PDF/X-4", "{name}");
        let trapped = info["/Trapped"].as_str().unwrap();
        assert!(
            ["/True", "/False"].contains(&trapped),
            "{name}: Trapped {trapped}"
        );
        assert_eq!(x("pdf:Trapped"), trapped.trim_start_matches('/'), "{name}");
        assert!(!i("/Title").is_empty(), "{name}: a title");
        assert_eq!(x("dc:title"), i("/Title"), "{name}");
        assert_eq!(x("dc:creator"), i("/Author"), "{name}");
        assert_eq!(x("xmp:CreatorTool"), i("/Creator"), "{name}");
        assert_eq!(
            x("xmp:CreateDate"),
            info_date_as_xmp(&i("/CreationDate")),
            "{name}"
        );
        assert_eq!(
            x("xmp:ModifyDate"),
            info_date_as_xmp(&i("/ModDate")),
            "{name}"
        );
        assert!(xmp_value(&xmp, "xmp:MetadataDate").is_some(), "{name}");
        assert_eq!(x("xmpMM:RenditionClass"), "default", "{name}");
        assert!(!x("xmpMM:VersionID").is_empty(), "{name}");
        // The file identifier, in the trailer and in the metadata.
        let ids = q.trailer()["/ID"].as_array().expect("a trailer /ID");
        assert_eq!(ids.len(), 2, "{name}");
        assert_eq!(x("xmpMM:DocumentID"), text(&ids[0]), "{name}");
        assert_eq!(x("xmpMM:InstanceID"), text(&ids[1]), "{name}");
    });
}

fn rect(v: &Value) -> [f64; 4] {
    let a = v.as_array().unwrap();
    let n: Vec<f64> = a.iter().map(|x| x.as_f64().unwrap()).collect();
    [n[0], n[1], n[2], n[3]]
}

#[test]
fn every_page_has_a_trim_box_inside_its_bleed_box_inside_its_media_box() {
    each(|name, _, q| {
        for (n, page) in q.pages().iter().enumerate() {
            let media = rect(q.resolve(&page["/MediaBox"]));
            let bleed = rect(q.resolve(&page["/BleedBox"]));
            let trim = rect(q.resolve(&page["/TrimBox"]));
            let inside = |a: [f64; 4], b: [f64; 4]| {
                a[0] >= b[0] - 0.01
                    && a[1] >= b[1] - 0.01
                    && a[2] <= b[2] + 0.01
                    && a[3] <= b[3] + 0.01
            };
            assert!(
                inside(trim, bleed) && inside(bleed, media),
                "{name} page {}",
                n + 1
            );
            assert!(
                trim[2] > trim[0] && trim[3] > trim[1],
                "{name} page {}",
                n + 1
            );
        }
    });
}

#[test]
fn no_annotations_actions_forms_javascript_or_embedded_files() {
    each(|name, _, q| {
        for page in q.pages() {
            assert!(
                page.get("/Annots").is_none(),
                "{name}: a page has annotations"
            );
        }
        let root = q.root().as_object().unwrap();
        for key in ["/OpenAction", "/AA", "/AcroForm"] {
            assert!(!root.contains_key(key), "{name}: catalog {key}");
        }
        if let Some(names) = root.get("/Names") {
            let names = q.resolve(names);
            for key in ["/JavaScript", "/EmbeddedFiles"] {
                assert!(names.get(key).is_none(), "{name}: names {key}");
            }
        }
        for (r, d) in q.dicts() {
            assert_ne!(
                d.get("/Type").and_then(Value::as_str),
                Some("/Annot"),
                "{name}: {r}"
            );
            for key in ["/JS", "/AA", "/EF"] {
                assert!(!d.contains_key(key), "{name}: {r} has {key}");
            }
            let s = d.get("/S").and_then(Value::as_str);
            assert!(
                !matches!(s, Some("/JavaScript" | "/Launch" | "/URI" | "/SubmitForm")),
                "{name}: {r} is an action"
            );
        }
    });
}

#[test]
fn every_font_is_embedded() {
    each(|name, _, q| {
        let mut fonts = 0;
        for (r, d) in q.dicts() {
            if d.get("/Type").and_then(Value::as_str) != Some("/Font") {
                continue;
            }
            if d.get("/Subtype").and_then(Value::as_str) == Some("/Type0") {
                continue; // checked through its descendant
            }
            if d.get("/Subtype").and_then(Value::as_str) == Some("/Type3") {
                continue; // glyphs drawn in the file itself
            }
            fonts += 1;
            let fd = q.resolve(&d["/FontDescriptor"]);
            assert!(
                ["/FontFile", "/FontFile2", "/FontFile3"]
                    .iter()
                    .any(|k| fd.get(k).is_some()),
                "{name}: font {r} is not embedded"
            );
        }
        assert!(fonts > 0, "{name}: fonts found");
    });
}

/// Whether a colour space (a name, or an array such as `[/ICCBased 7 0 R]`) is RGB.
fn is_rgb(q: &Qpdf, cs: &Value) -> bool {
    let cs = q.resolve(cs);
    match cs {
        Value::String(s) => s == "/DeviceRGB" || s == "/CalRGB",
        Value::Array(a) => match a.first().and_then(Value::as_str) {
            Some("/ICCBased") => q.dict_of(&a[1])["/N"] == 3,
            Some("/CalRGB") => true,
            // The alternate and base spaces of special colour spaces count too.
            Some("/Separation") | Some("/DeviceN") => is_rgb(q, &a[2]),
            Some("/Indexed") => is_rgb(q, &a[1]),
            _ => false,
        },
        _ => false,
    }
}

/// The operators of a content stream (names, strings and numbers skipped).
fn operators(content: &[u8]) -> Vec<String> {
    common::content_words(content)
        .into_iter()
        .filter(|w| {
            w.bytes()
                .all(|b| b.is_ascii_alphabetic() || b == b'*' || b == b'\'' || b == b'"')
        })
        .collect()
}

#[test]
fn no_device_rgb_in_pages_forms_images_groups_shadings_or_soft_masks() {
    each(|name, _, q| {
        for (r, d) in q.dicts() {
            for key in ["/ColorSpace", "/CS"] {
                if let Some(cs) = d.get(key) {
                    // A resource dictionary's /ColorSpace maps names to spaces.
                    let spaces: Vec<&Value> = match q.resolve(cs) {
                        Value::Object(m) => m.values().collect(),
                        _ => vec![cs],
                    };
                    for s in spaces {
                        assert!(!is_rgb(q, s), "{name}: {r} {key} is RGB");
                    }
                }
            }
            if d.get("/Subtype").and_then(Value::as_str) == Some("/Form")
                || q.pages()
                    .iter()
                    .any(|p| p["/Contents"].as_str().is_some_and(|c| c == r))
            {
                let ops = operators(&q.data(r));
                assert!(
                    !ops.iter().any(|o| o == "rg" || o == "RG"),
                    "{name}: {r} sets device RGB"
                );
            }
        }
        if name == "rich" {
            let shadings = q
                .dicts()
                .iter()
                .filter(|(_, d)| d.contains_key("/ShadingType"))
                .count();
            assert!(
                shadings > 0,
                "the rich report's SVG gradient is a shading to check"
            );
        }
        for page in q.pages() {
            let contents = match &page["/Contents"] {
                Value::Array(a) => a.iter().filter_map(Value::as_str).collect(),
                Value::String(s) => vec![s.as_str()],
                _ => vec![],
            };
            for c in contents {
                let ops = operators(&q.data(c));
                assert!(!ops.iter().any(|o| o == "rg" || o == "RG"), "{name}: {c}");
            }
        }
    });
}

#[test]
fn transparency_groups_blend_in_cmyk() {
    let mut groups = 0;
    let ran = each(|name, _, q| {
        for (r, d) in q.dicts() {
            let Some(g) = d.get("/Group") else { continue };
            let g = q.resolve(g);
            if g["/S"] != "/Transparency" {
                continue;
            }
            groups += 1;
            let cs = q.resolve(&g["/CS"]);
            let cmyk =
                cs == "/DeviceCMYK" || (cs[0] == "/ICCBased" && q.dict_of(&cs[1])["/N"] == 4);
            assert!(cmyk, "{name}: {r}'s group blends in {cs}");
        }
    });
    if ran {
        assert!(
            groups > 0,
            "the rich report's see-through SVG makes a group to check"
        );
    }
}

#[test]
fn no_encryption_lzw_postscript_transfer_functions_or_interpolation() {
    each(|name, _, q| {
        assert!(q.trailer().get("/Encrypt").is_none(), "{name}");
        for (r, d) in q.dicts() {
            let filters: Vec<&str> = match d.get("/Filter") {
                Some(Value::String(s)) => vec![s.as_str()],
                Some(Value::Array(a)) => a.iter().filter_map(Value::as_str).collect(),
                _ => vec![],
            };
            assert!(!filters.contains(&"/LZWDecode"), "{name}: {r}");
            assert_ne!(
                d.get("/Subtype").and_then(Value::as_str),
                Some("/PS"),
                "{name}: {r}"
            );
            assert_ne!(d.get("/FunctionType"), Some(&Value::from(4)), "{name}: {r}");
            for key in ["/TR", "/TR2"] {
                assert!(!d.contains_key(key), "{name}: {r} has a transfer function");
            }
            assert_ne!(
                d.get("/Interpolate"),
                Some(&Value::Bool(true)),
                "{name}: {r}"
            );
        }
    });
}

#[test]
fn qpdf_finds_no_structural_damage() {
    each(|name, _, q| {
        let out = Command::new(&q.qpdf)
            .arg("--check")
            .arg(&q.file.0)
            .output()
            .unwrap();
        let said = String::from_utf8_lossy(&out.stdout);
        assert!(out.status.success(), "{name}: {said}");
        assert!(
            said.contains("No syntax or stream encoding errors"),
            "{name}: {said}"
        );
    });
}

#[test]
fn the_content_reader_finds_operators_and_skips_strings_and_names() {
    let ops = operators(b"/Rg cs 1 0 0 rg (a rg \\) (b) RG) Tj [<00>(rg)] TJ % rg\nQ");
    assert_eq!(ops, ["cs", "rg", "Tj", "TJ", "Q"]);
}

#[test]
fn the_print_edition_is_byte_identical_from_build_to_build() {
    let dir = common::root().join("tests/data/rich");
    let source = std::fs::read_to_string(dir.join("report.toml")).unwrap();
    let print = Editions {
        reader: false,
        print: Some(true),
        web: false,
    };
    let again = compile_editions(&source, &dir, print, "report-print.pdf")
        .ok()
        .and_then(|b| b.print)
        .unwrap();
    assert!(again == editions().iter().find(|(n, _)| *n == "rich").unwrap().1);
}
