//! Typographer's quotes and bare links: what the author typed, as a printer sets it.
//!
//! In: text as typed. Out: straight quotes turned into curly ones (`'` → ’ and ‘, `"` →
//! “ and ”), decided by the character before each mark, as word processors do; and, for
//! markdown, the bare web addresses and e-mail addresses in a text, to be made links.
//! Nothing here touches a link's address or a code span: the caller gives only prose.

/// Curly quotes for the straight ones in `s`. `before` is the character that precedes `s`
/// (the end of the previous run of text, when a paragraph is split by bold or italic), so
/// a quote mark after `**bold**` still closes.
pub fn smart_quotes(s: &str, mut before: Option<char>) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        let opens = before.is_none_or(|b| b.is_whitespace() || "([{‘“–—-/".contains(b));
        let curly = match c {
            '\'' if opens => '‘',
            // Apostrophes (it’s, ’90s after a word) and closing single quotes look alike.
            '\'' => '’',
            '"' if opens => '“',
            '"' => '”',
            other => other,
        };
        out.push(curly);
        before = Some(curly);
    }
    out
}

/// Curly quotes in every plain text of a resolved report that a reader sees: titles,
/// labels, details, captions, table and chart text. Figures (`value`) stay as typed, and
/// markdown has had its quotes set while it was parsed, outside code and addresses.
pub fn smarten(r: &mut super::Report) {
    use super::Component;
    // Only a text with a straight quote changes: the rest are left as they are, not copied.
    let q = |s: &mut String| {
        if s.contains(['\'', '"']) {
            *s = smart_quotes(s, None);
        }
    };
    let qo = |s: &mut Option<String>| {
        if let Some(s) = s {
            q(s);
        }
    };
    let m = &mut r.meta;
    for s in [&mut m.title, &mut m.organisation, &mut m.period] {
        q(s);
    }
    qo(&mut m.subtitle);
    q(&mut r.footer);
    qo(&mut r.contents);
    let metric = |x: &mut super::Metric| {
        q(&mut x.label);
        qo(&mut x.detail);
    };
    if let Some(n) = &mut r.numbers {
        q(&mut n.title);
        qo(&mut n.intro);
        n.metrics.iter_mut().for_each(metric);
    }
    for s in &mut r.sections {
        q(&mut s.title);
        qo(&mut s.lead);
        s.metrics.iter_mut().for_each(metric);
        for c in &mut s.components {
            match c {
                Component::Quote { text, by, .. } => {
                    q(text);
                    qo(by);
                }
                Component::Box { title, .. } => qo(title),
                Component::Table(t) => {
                    qo(&mut t.title);
                    t.columns.iter_mut().for_each(q);
                    for (cell, number) in t.rows.iter_mut().flatten() {
                        if !*number {
                            q(cell);
                        }
                    }
                }
                Component::Chart(c) => {
                    qo(&mut c.title);
                    c.series.iter_mut().for_each(q);
                    c.data.iter_mut().for_each(|d| q(&mut d.label));
                }
                Component::Image(i) => {
                    qo(&mut i.caption);
                    qo(&mut i.credit);
                }
                Component::Images(r) => {
                    qo(&mut r.caption);
                    for i in &mut r.images {
                        qo(&mut i.caption);
                        qo(&mut i.credit);
                    }
                }
                Component::Foreword(f) => {
                    q(&mut f.name);
                    qo(&mut f.role);
                }
                Component::Timeline(t) => {
                    qo(&mut t.title);
                    for m in &mut t.milestones {
                        q(&mut m.date);
                        qo(&mut m.title);
                        qo(&mut m.text);
                    }
                }
            }
        }
    }
}

/// A bare address found in prose: its byte range and the link it makes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub range: std::ops::Range<usize>,
    pub link: String,
}

/// Characters that end a sentence rather than an address: `see https://x.org.` links
/// `https://x.org`.
const TRAILING: &[char] = &['.', ',', ';', ':', '!', '?', '\'', '"', '’', '”'];

/// Bare web addresses (`https://…`, `http://…`, `www.…`) and e-mail addresses in `s`.
pub fn bare_links(s: &str) -> Vec<Found> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < s.len() {
        let rest = &s[i..];
        let at_word_start = s[..i]
            .chars()
            .next_back()
            .is_none_or(|c| c.is_whitespace() || "(<[\"“‘'".contains(c));
        let web = ["https://", "http://", "www."].iter().find(|p| {
            rest.len() > p.len()
                && rest
                    .get(..p.len())
                    .is_some_and(|h| h.eq_ignore_ascii_case(p))
        });
        if at_word_start && let Some(prefix) = web {
            let end = i + address_len(rest);
            if end > i + prefix.len() {
                let text = &s[i..end];
                let link = if prefix.starts_with("www") {
                    format!("https://{text}")
                } else {
                    text.to_string()
                };
                out.push(Found {
                    range: i..end,
                    link,
                });
                i = end;
                continue;
            }
        }
        if at_word_start && let Some(len) = email_len(rest) {
            out.push(Found {
                range: i..i + len,
                link: format!("mailto:{}", &rest[..len]),
            });
            i += len;
            continue;
        }
        i += rest.chars().next().map_or(1, char::len_utf8);
    }
    out
}

/// The length of the address at the start of `s`: up to white space, without the
/// punctuation that closes the sentence, and without a `)` that closes a bracket the
/// address did not open.
fn address_len(s: &str) -> usize {
    let mut end = s
        .find(|c: char| c.is_whitespace() || c == '<' || c == '>')
        .unwrap_or(s.len());
    loop {
        let a = &s[..end];
        if a.ends_with(TRAILING) {
            end -= a.chars().next_back().map_or(1, char::len_utf8);
        } else if a.ends_with(')') && a.matches('(').count() < a.matches(')').count() {
            end -= 1;
        } else {
            return end;
        }
    }
}

/// The length of an e-mail address at the start of `s`, if there is one.
fn email_len(s: &str) -> Option<usize> {
    let local = s
        .find(|c: char| !(c.is_ascii_alphanumeric() || "._%+-".contains(c)))
        .unwrap_or(s.len());
    if local == 0 || s.as_bytes().get(local) != Some(&b'@') {
        return None;
    }
    let domain = &s[local + 1..];
    let mut len = domain
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '.' || c == '-'))
        .unwrap_or(domain.len());
    while domain[..len].ends_with(['.', '-']) {
        len -= 1;
    }
    let d = &domain[..len];
    let labels: Vec<&str> = d.split('.').collect();
    let ok = labels.len() >= 2
        && labels.iter().all(|l| !l.is_empty())
        && labels
            .last()
            .is_some_and(|t| t.len() >= 2 && t.chars().all(|c| c.is_ascii_alphabetic()));
    ok.then_some(local + 1 + len)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_open_after_spaces_and_close_after_words() {
        assert_eq!(
            smart_quotes("\"Digital first\" isn't new; it's 'here'.", None),
            "“Digital first” isn’t new; it’s ‘here’."
        );
        assert_eq!(smart_quotes("\" closes", Some('d')), "” closes");
        assert_eq!(smart_quotes("('quoted')", None), "(‘quoted’)");
    }

    #[test]
    fn addresses_are_found_among_any_characters() {
        assert!(bare_links("– £300M – ‘quoted’ ✓").is_empty());
        assert_eq!(bare_links("→ https://x.org").len(), 1);
    }

    #[test]
    fn bare_addresses_stop_before_the_sentence_ends() {
        let s =
            "See https://www.nhsx.nhs.uk/covid-19. Or www.example.org (or mail press@nhsx.nhs.uk).";
        let found = bare_links(s);
        let texts: Vec<&str> = found.iter().map(|f| &s[f.range.clone()]).collect();
        assert_eq!(
            texts,
            [
                "https://www.nhsx.nhs.uk/covid-19",
                "www.example.org",
                "press@nhsx.nhs.uk"
            ]
        );
        assert_eq!(found[1].link, "https://www.example.org");
        assert_eq!(found[2].link, "mailto:press@nhsx.nhs.uk");
        assert!(bare_links("version 1.2 at 10:30, a@b").is_empty());
        let wiki = "https://en.wikipedia.org/wiki/Bleed_(printing)";
        assert_eq!(bare_links(wiki)[0].range, 0..wiki.len());
    }
}
