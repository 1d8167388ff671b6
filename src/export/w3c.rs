//! The export as W3C Web Annotations (JSON-LD, <https://www.w3.org/TR/annotation-model/>), the
//! model Hypothesis and most web annotation stores speak. Documented in `docs/exports.md`.
//!
//! One text becomes one `AnnotationCollection` whose single page holds one `Annotation` per span.
//! Each annotation carries its own `@context`, so it can be posted alone to an annotation server
//! (the Web Annotation Protocol asks for it). The target has a `TextQuoteSelector` and a
//! `TextPositionSelector`; the model counts positions in code points, as the export does.

use super::rule::rule_of;
use super::{embeddable, Export, WireAnnotation};
use crate::text::OffsetTable;
use serde::Serialize;

/// The JSON-LD context of the Web Annotation model.
pub const CONTEXT: &str = "http://www.w3.org/ns/anno.jsonld";

/// Code points of text kept before and after the quote in a `TextQuoteSelector`: enough to tell
/// two occurrences of a short name apart in one article, short enough to stay readable.
pub const QUOTE_CONTEXT_CHARS: usize = 32;

/// The text's IRI when the caller gives none: from the JSONL `id` when there is one.
pub fn default_source(export: &Export) -> String {
    match &export.id {
        Some(id) => format!("urn:newsmark:doc:{}", percent_encode(id)),
        None => "urn:newsmark:text".to_string(),
    }
}

/// True when `iri` can serve as the target source: an absolute IRI (a scheme, then `:`) with no
/// fragment (annotation ids are made by adding one) and no character an IRI cannot hold.
pub fn is_source_iri(iri: &str) -> bool {
    let Some((scheme, rest)) = iri.split_once(':') else {
        return false;
    };
    let scheme_ok = scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    scheme_ok
        && !rest.is_empty()
        && !iri
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || "#<>\"{}|\\^`".contains(c))
}

/// The export as one line of JSON-LD: an `AnnotationCollection` about the text at `source` (an
/// IRI such as the article's URL; see [`is_source_iri`] and [`default_source`]).
pub fn to_json(export: &Export, source: &str) -> String {
    embeddable(serde_json::to_string(&collection(export, source)).unwrap_or_default())
}

/// The same as [`to_json`], indented.
pub fn to_json_pretty(export: &Export, source: &str) -> String {
    embeddable(serde_json::to_string_pretty(&collection(export, source)).unwrap_or_default())
}

fn collection(export: &Export, source: &str) -> Collection {
    let table = OffsetTable::new(&export.text);
    let items: Vec<Annotation> = export
        .annotations
        .iter()
        .map(|a| annotation(export, &table, source, a))
        .collect();
    Collection {
        context: CONTEXT,
        id: format!("{source}#newsmark"),
        kind: "AnnotationCollection",
        label: "newsmark annotations",
        total: items.len(),
        first: Page {
            id: format!("{source}#newsmark-page1"),
            kind: "AnnotationPage",
            start_index: 0,
            items,
        },
    }
}

fn annotation(export: &Export, table: &OffsetTable, source: &str, a: &WireAnnotation) -> Annotation {
    let span = a.span();
    let tag = |purpose, value: &str| {
        Body::Text(TextualBody {
            kind: "TextualBody",
            purpose,
            value: value.to_string(),
        })
    };
    let mut body = Vec::new();
    match a {
        WireAnnotation::Entity { label, canonical, .. } => {
            body.push(tag("tagging", label));
            body.push(tag("identifying", canonical));
        }
        WireAnnotation::Date { label, value, .. } => {
            body.push(tag("tagging", label));
            if let Some(v) = value {
                body.push(tag("describing", v));
            }
        }
        WireAnnotation::Quote {
            kind,
            speaker,
            speaker_start,
            speaker_end,
            cue,
            ..
        } => {
            body.push(tag("tagging", "QUOTE"));
            body.push(tag("tagging", kind));
            if let Some(s) = speaker {
                body.push(tag("identifying", s));
            }
            if let (Some(start), Some(end)) = (speaker_start, speaker_end) {
                body.push(Body::Link(SpecificResource {
                    kind: "SpecificResource",
                    purpose: "linking",
                    source: source.to_string(),
                    selector: position(*start, *end),
                }));
            }
            if let Some(c) = cue {
                body.push(tag("commenting", c));
            }
        }
    }
    if let Some(rule) = rule_of(a) {
        body.push(tag("classifying", rule));
    }
    let slice = |from: usize, to: usize| export.text[table.byte(from)..table.byte(to)].to_string();
    let prefix = slice(span.start.saturating_sub(QUOTE_CONTEXT_CHARS), span.start);
    let suffix = slice(span.end, (span.end + QUOTE_CONTEXT_CHARS).min(table.len_codepoints()));
    Annotation {
        context: CONTEXT,
        id: format!("{source}#newsmark-{}", span.id),
        kind: "Annotation",
        body,
        target: Target {
            source: source.to_string(),
            selector: [
                Selector::TextQuoteSelector {
                    exact: span.text.clone(),
                    prefix: Some(prefix).filter(|p| !p.is_empty()),
                    suffix: Some(suffix).filter(|s| !s.is_empty()),
                },
                position(span.start, span.end),
            ],
        },
    }
}

fn position(start: usize, end: usize) -> Selector {
    Selector::TextPositionSelector { start, end }
}

/// RFC 3987 leaves only unreserved characters unescaped in a URN's name part.
fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[derive(Serialize)]
struct Collection {
    #[serde(rename = "@context")]
    context: &'static str,
    id: String,
    #[serde(rename = "type")]
    kind: &'static str,
    label: &'static str,
    total: usize,
    first: Page,
}

#[derive(Serialize)]
struct Page {
    id: String,
    #[serde(rename = "type")]
    kind: &'static str,
    #[serde(rename = "startIndex")]
    start_index: usize,
    items: Vec<Annotation>,
}

#[derive(Serialize)]
struct Annotation {
    #[serde(rename = "@context")]
    context: &'static str,
    id: String,
    #[serde(rename = "type")]
    kind: &'static str,
    body: Vec<Body>,
    target: Target,
}

#[derive(Serialize)]
#[serde(untagged)]
enum Body {
    Text(TextualBody),
    Link(SpecificResource),
}

#[derive(Serialize)]
struct TextualBody {
    #[serde(rename = "type")]
    kind: &'static str,
    purpose: &'static str,
    value: String,
}

#[derive(Serialize)]
struct SpecificResource {
    #[serde(rename = "type")]
    kind: &'static str,
    purpose: &'static str,
    source: String,
    selector: Selector,
}

#[derive(Serialize)]
struct Target {
    source: String,
    selector: [Selector; 2],
}

#[derive(Serialize)]
#[serde(tag = "type")]
enum Selector {
    TextQuoteSelector {
        exact: String,
        #[serde(skip_serializing_if = "Option::is_none")]
        prefix: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        suffix: Option<String>,
    },
    TextPositionSelector {
        start: usize,
        end: usize,
    },
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sources_must_be_absolute_iris_without_a_fragment() {
        for good in [
            "https://www.bbc.co.uk/news/world-123",
            "urn:newsmark:text",
            "file:///tmp/a.txt",
        ] {
            assert!(is_source_iri(good), "{good}");
        }
        for bad in [
            "article.txt",
            "https://x.org/a#b",
            "urn:a b",
            ":x",
            "1http://x",
            "http:",
        ] {
            assert!(!is_source_iri(bad), "{bad}");
        }
    }

    #[test]
    fn document_ids_are_percent_encoded_into_the_default_source() {
        let mut export = Export::new("", &Default::default());
        assert_eq!(default_source(&export), "urn:newsmark:text");
        export.id = Some("bbc/1 é".into());
        assert_eq!(default_source(&export), "urn:newsmark:doc:bbc%2F1%20%C3%A9");
        assert!(is_source_iri(&default_source(&export)));
    }
}
