//! The document's properties → `[report]`, and the notes for what no document says.
//!
//! In: the document's properties and its Title and Subtitle paragraphs. Out: the keys of
//! `[report]`, each required one present so the report builds, with a `# TODO` wherever
//! the value is a stand-in or a guess the author should check.

use super::Options;
use crate::import::doc::{Doc, Props};
use crate::import::plan::Entry;

/// Placeholder values start with this; `folio build` warns about every one left.
const PLACEHOLDER: &str = "TODO";

/// `[report]`'s keys.
pub fn report(
    doc: &Doc,
    title: Option<String>,
    subtitle: Option<String>,
    language: Option<String>,
    opts: &Options,
) -> Vec<Entry> {
    // What the properties say, as a reader would see it (no control characters).
    let seen = |v: &Option<String>| {
        v.as_deref()
            .map(super::plain_text)
            .filter(|t| !t.is_empty())
    };
    let p = Props {
        title: seen(&doc.props.title),
        subject: seen(&doc.props.subject),
        creator: seen(&doc.props.creator),
        company: seen(&doc.props.company),
        keywords: doc
            .props
            .keywords
            .iter()
            .map(|k| super::plain_text(k))
            .filter(|k| !k.is_empty())
            .collect(),
        date: doc.props.date.clone(),
        language: None,
    };
    let p = &p;
    let src = &opts.source;
    let mut out = Vec::new();
    out.push(match (title.filter(|t| !t.is_empty()), &p.title) {
        (Some(t), _) => Entry::new("title", t),
        (None, Some(t)) => Entry::new("title", t.clone()),
        (None, None) => Entry::new("title", format!("{PLACEHOLDER}: title")).todo(format!(
            "the report's title: {src} has no Title paragraph and no title in its properties"
        )),
    });
    if let Some(s) = subtitle.filter(|s| !s.is_empty()) {
        out.push(Entry::new("subtitle", s));
    }
    let creator = p.creator.clone();
    out.push(match (&p.company, &creator) {
        (Some(c), _) => Entry::new("organisation", c.clone()),
        (None, Some(c)) => Entry::new("organisation", c.clone()).todo(format!(
            "the organisation that publishes the report: this is the author named in {src}"
        )),
        (None, None) => Entry::new("organisation", format!("{PLACEHOLDER}: organisation"))
            .todo("the organisation that publishes the report, as it should read on the cover"),
    });
    if let (Some(c), Some(_)) = (&creator, &p.company)
        && Some(c) != p.company.as_ref()
    {
        out.push(Entry::new("author", c.clone()));
    }
    let title_text = out[0].value.as_str().unwrap_or("").to_string();
    out.push(match period_in(&title_text) {
        Some(period) => Entry::new("period", period).todo(
            "check the period the report covers (read from the title); it is printed large \
             on the cover",
        ),
        None => Entry::new("period", format!("{PLACEHOLDER}: period")).todo(
            "the period the report covers, as it should read on the cover: \"2024\", or \
             \"April 2023 to March 2024\"",
        ),
    });
    out.push(match &p.date {
        Some((date, what)) => Entry::new("date", date.clone()).todo(format!(
            "the publication date (YYYY-MM-DD): this is when {src} was {what}"
        )),
        None => Entry::new("date", opts.fallback_date.clone()).todo(format!(
            "the publication date (YYYY-MM-DD): {src} gives none, so this is the file's own date"
        )),
    });
    if let Some(lang) = language {
        out.push(Entry::new("language", lang));
    }
    if let Some(s) = &p.subject {
        out.push(Entry::new("subject", s.clone()));
    }
    if !p.keywords.is_empty() {
        out.push(Entry::new(
            "keywords",
            toml::Value::Array(
                p.keywords
                    .iter()
                    .map(|k| toml::Value::String(k.clone()))
                    .collect(),
            ),
        ));
    }
    out
}

/// The document's language, if it is a usable BCP 47 tag (Word writes `x-none` for none).
pub fn language(doc: &Doc) -> Option<String> {
    let tag = doc.props.language.as_deref()?.trim();
    let mut parts = tag.split(['-', '_']);
    let lang = parts.next()?;
    let ok = (2..=3).contains(&lang.len())
        && lang.chars().all(|c| c.is_ascii_alphabetic())
        && parts
            .all(|p| !p.is_empty() && p.len() <= 8 && p.chars().all(|c| c.is_ascii_alphanumeric()));
    ok.then(|| tag.replace('_', "-"))
}

/// A period named in a title: "2023", "2022/23", "2022-23", "2022–2023".
fn period_in(title: &str) -> Option<String> {
    let chars: Vec<char> = title.chars().collect();
    let digits = |from: usize, n: usize| {
        from + n <= chars.len() && chars[from..from + n].iter().all(char::is_ascii_digit)
    };
    let boundary = |at: usize| at >= chars.len() || !chars[at].is_alphanumeric();
    for i in 0..chars.len() {
        if (i > 0 && chars[i - 1].is_alphanumeric()) || !digits(i, 4) {
            continue;
        }
        let year: String = chars[i..i + 4].iter().collect();
        if !(year.starts_with("19") || year.starts_with("20")) {
            continue;
        }
        let mut end = i + 4;
        if end < chars.len() && matches!(chars[end], '/' | '-' | '–') {
            for n in [4, 2] {
                if digits(end + 1, n) && boundary(end + 1 + n) {
                    end += 1 + n;
                    break;
                }
            }
        }
        if boundary(end) {
            return Some(chars[i..end].iter().collect());
        }
    }
    None
}

/// Notes under `[brand]`: what a document never says.
pub fn brand_notes() -> Vec<String> {
    vec![
        "your logo: logo = \"images/logo.svg\" (SVG, PNG or JPEG) with logo_alt = \"what it \
         says\", or logo_decorative = true"
            .into(),
        "your brand colours, e.g. [brand.colours] with primary = \"#005EB8\"; folio's defaults \
         are used until then"
            .into(),
    ]
}

/// Notes for the top of the file: the figures, and what the reader left out.
pub fn file_notes(doc: &Doc) -> Vec<String> {
    let mut notes = vec![
        "add the headline figures: a [[sections.metrics]] table (value = \"2m\", label = \"…\") \
         under the section each belongs to; highlight = true also puts it on a [numbers] page"
            .to_string(),
    ];
    notes.extend(doc.dropped.iter().cloned());
    notes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods_are_found_in_titles() {
        assert_eq!(period_in("Annual report 2023").as_deref(), Some("2023"));
        assert_eq!(
            period_in("Annual report 2022/23").as_deref(),
            Some("2022/23")
        );
        assert_eq!(
            period_in("Report 2022–2023: a year").as_deref(),
            Some("2022–2023")
        );
        assert_eq!(period_in("Ref 120234"), None);
        assert_eq!(period_in("Our plan"), None);
        assert_eq!(period_in("1066 and all that"), None);
    }
}
