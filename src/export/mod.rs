//! The `newsmark/1` export: the one JSON contract shared by the CLI, the page and the tests.
//! Documented in `docs/format.md`; validated against `docs/schema.json` in the tests.
//!
//! These wire structs are separate from the domain model on purpose: the model keeps byte
//! spans and indices, the wire gives code points, UTF-16 units and string ids.

pub mod brat;
pub mod csv;
mod json;
mod rule;
pub mod w3c;

use crate::annotation::{Annotations, DateAnchor, DateSource};
use crate::text::{OffsetTable, Span};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

/// Schema name written in every export.
pub const SCHEMA: &str = "newsmark/1";

/// A field that is mostly one word of a fixed set (label, rule id, kind...): borrowed when the
/// export is built, so it does not allocate a string per field; owned when read back from JSON.
pub type Word = Cow<'static, str>;

/// A whole export: the text and everything found in it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Export {
    /// Caller's document id (JSONL batch mode only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Always [`SCHEMA`].
    pub schema: Word,
    /// The full input text.
    pub text: String,
    /// Always "codepoint": `start`/`end` count Unicode code points.
    pub offset_unit: Word,
    /// The date relative expressions were resolved against.
    pub document_date: Option<WireDocumentDate>,
    /// Every annotation, sorted by `start` ascending, then `end` descending.
    pub annotations: Vec<WireAnnotation>,
}

/// The document date and its evidence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WireDocumentDate {
    /// `YYYY-MM-DD`.
    pub value: String,
    /// "text" (detected) or "given" (by the user).
    pub source: Word,
    /// Evidence span in code points (null when given).
    pub start: Option<usize>,
    /// End of the evidence span in code points.
    pub end: Option<usize>,
    /// Evidence span start in UTF-16 units.
    pub start_utf16: Option<usize>,
    /// Evidence span end in UTF-16 units.
    pub end_utf16: Option<usize>,
}

/// Where an annotation is, in both offset units, and its text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WireSpan {
    /// Unique id in the document ("e1", "d3", "q2").
    pub id: String,
    /// Start, code points.
    pub start: usize,
    /// End (exclusive), code points.
    pub end: usize,
    /// Start, UTF-16 units.
    pub start_utf16: usize,
    /// End (exclusive), UTF-16 units.
    pub end_utf16: usize,
    /// Exactly the text between `start` and `end`.
    pub text: String,
}

/// One annotation; `type` tells which.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "lowercase")]
pub enum WireAnnotation {
    /// A named-entity mention.
    Entity {
        /// Position and text.
        #[serde(flatten)]
        span: WireSpan,
        /// PERSON, ORG, LOC, NORP, EVENT or MISC.
        label: Word,
        /// Shared by every mention of the same entity ("ent1").
        entity_id: String,
        /// Fullest name of the entity in the document.
        canonical: String,
        /// Rule, lexicon or model that tagged it.
        reason: String,
        /// Model confidence (0–1) when a model decided. f64 on the wire: an f32 would print as
        /// 0.983 from serde_json but reach JS as 0.9829999804496765 through serde-wasm-bindgen.
        confidence: Option<f64>,
        /// Stable id of the rule that decided it ("entity/dateline"; see [`crate::EntityRule`]).
        rule: Word,
    },
    /// A temporal expression.
    Date {
        /// Position and text.
        #[serde(flatten)]
        span: WireSpan,
        /// DATE, TIME, DURATION or SET.
        label: Word,
        /// TIMEX3 value, or null when it cannot be resolved.
        value: Option<String>,
        /// "document_date", another date's id, or null for absolute values.
        anchor: Option<Word>,
        /// The value in words.
        gloss: Option<String>,
        /// Why it resolved this way.
        reason: Option<String>,
        /// The rule that recognised it ("date/explicit-date"); ids are stable.
        rule: Word,
    },
    /// A quotation (marks included).
    Quote {
        /// Position and text.
        #[serde(flatten)]
        span: WireSpan,
        /// "speech", "scare" or "reported".
        kind: Word,
        /// Canonical speaker name, the attributing phrase, or null.
        speaker: Option<String>,
        /// The speaker's `entity_id`, or null.
        speaker_id: Option<String>,
        /// The attributing mention, code points.
        speaker_start: Option<usize>,
        /// End of the attributing mention, code points.
        speaker_end: Option<usize>,
        /// The attributing mention, UTF-16 units.
        speaker_start_utf16: Option<usize>,
        /// End of the attributing mention, UTF-16 units.
        speaker_end_utf16: Option<usize>,
        /// The speech verb.
        cue: Option<String>,
        /// "female", "male" or "unknown": the speaker's gender as the text signals it.
        speaker_gender: Word,
        /// What told it: "pronoun", "title", "given-name" or "none".
        speaker_gender_basis: Word,
        /// The attribution rule (`quote/after-adjacent`); see `QuoteRule`.
        rule: Word,
    },
}

impl WireAnnotation {
    /// Position and text of any annotation.
    pub fn span(&self) -> &WireSpan {
        match self {
            WireAnnotation::Entity { span, .. }
            | WireAnnotation::Date { span, .. }
            | WireAnnotation::Quote { span, .. } => span,
        }
    }

    fn rank(&self) -> u8 {
        match self {
            WireAnnotation::Quote { .. } => 0,
            WireAnnotation::Entity { .. } => 1,
            WireAnnotation::Date { .. } => 2,
        }
    }
}

impl Export {
    /// Builds the export of `found` for `text`. [`from_annotations`](Self::from_annotations)
    /// does the same without copying the annotations' strings, when `found` is not needed after.
    pub fn new(text: &str, found: &Annotations) -> Export {
        Export::from_annotations(text, found.clone())
    }

    /// Builds the export of `found` for `text`, moving its names, reasons and values into the
    /// export rather than copying them (a few thousand strings per hundred articles).
    pub fn from_annotations(text: &str, found: Annotations) -> Export {
        let table = OffsetTable::new(text);
        let wire_span = |id: String, s: Span| WireSpan {
            id,
            start: table.codepoint(s.start),
            end: table.codepoint(s.end),
            start_utf16: table.utf16(s.start),
            end_utf16: table.utf16(s.end),
            text: s.slice(text).to_string(),
        };
        // Entity ids are renumbered by first mention so they read "ent1, ent2..." down the article.
        let mut entity_ids: Vec<Option<usize>> = Vec::new();
        let mut next_entity = 0;
        let mut entity_id = |e: usize| {
            if entity_ids.len() <= e {
                entity_ids.resize(e + 1, None);
            }
            let n = *entity_ids[e].get_or_insert_with(|| {
                next_entity += 1;
                next_entity
            });
            numbered("ent", n)
        };
        let Annotations {
            document_date,
            entities,
            dates,
            quotes,
        } = found;
        let mut out = Vec::with_capacity(entities.len() + dates.len() + quotes.len());
        for (i, e) in entities.into_iter().enumerate() {
            out.push(WireAnnotation::Entity {
                span: wire_span(numbered("e", i + 1), e.span),
                label: Cow::Borrowed(e.label.as_str()),
                entity_id: entity_id(e.entity),
                canonical: e.canonical,
                reason: e.reason,
                confidence: e.confidence.map(|c| (f64::from(c) * 1000.0).round() / 1000.0),
                rule: Cow::Borrowed(e.rule.id()),
            });
        }
        for (i, d) in dates.into_iter().enumerate() {
            out.push(WireAnnotation::Date {
                span: wire_span(numbered("d", i + 1), d.span),
                label: Cow::Borrowed(d.label.as_str()),
                value: d.value,
                anchor: d.anchor.map(|a| match a {
                    DateAnchor::DocumentDate => Cow::Borrowed("document_date"),
                    DateAnchor::Mention(k) => Cow::Owned(numbered("d", k + 1)),
                }),
                gloss: d.gloss,
                reason: d.reason,
                rule: Cow::Borrowed(d.rule.id()),
            });
        }
        for (i, q) in quotes.into_iter().enumerate() {
            out.push(WireAnnotation::Quote {
                span: wire_span(numbered("q", i + 1), q.span),
                kind: Cow::Borrowed(q.kind.as_str()),
                speaker: q.speaker,
                speaker_id: q.speaker_entity.map(&mut entity_id),
                speaker_start: q.speaker_span.map(|s| table.codepoint(s.start)),
                speaker_end: q.speaker_span.map(|s| table.codepoint(s.end)),
                speaker_start_utf16: q.speaker_span.map(|s| table.utf16(s.start)),
                speaker_end_utf16: q.speaker_span.map(|s| table.utf16(s.end)),
                cue: q.cue,
                speaker_gender: Cow::Borrowed(q.speaker_gender.0.as_str()),
                speaker_gender_basis: Cow::Borrowed(q.speaker_gender.1.as_str()),
                rule: Cow::Borrowed(q.rule.id()),
            });
        }
        out.sort_by(|a, b| {
            let (x, y) = (a.span(), b.span());
            x.start
                .cmp(&y.start)
                .then(y.end.cmp(&x.end))
                .then(a.rank().cmp(&b.rank()))
        });
        let document_date = document_date.map(|d| {
            let evidence = match d.source {
                DateSource::Text(s) => Some(s),
                DateSource::Given => None,
            };
            WireDocumentDate {
                value: d.date.to_string(),
                source: Cow::Borrowed(if evidence.is_some() { "text" } else { "given" }),
                start: evidence.map(|s| table.codepoint(s.start)),
                end: evidence.map(|s| table.codepoint(s.end)),
                start_utf16: evidence.map(|s| table.utf16(s.start)),
                end_utf16: evidence.map(|s| table.utf16(s.end)),
            }
        });
        Export {
            id: None,
            schema: Cow::Borrowed(SCHEMA),
            text: text.to_string(),
            offset_unit: Cow::Borrowed("codepoint"),
            document_date,
            annotations: out,
        }
    }

    /// The export as one line of compact JSON (what the CLI prints and the page downloads).
    pub fn to_json(&self) -> String {
        json::compact(self, json::Text::Included)
    }

    /// [`to_json`](Self::to_json) with `"text":""` in place of the text: for the wasm binding,
    /// which puts back the caller's own string rather than escape, copy and parse the article.
    pub fn to_json_without_text(&self) -> String {
        json::compact(self, json::Text::Left)
    }

    /// The export as indented JSON.
    pub fn to_json_pretty(&self) -> String {
        embeddable(serde_json::to_string_pretty(self).unwrap_or_default())
    }
}

/// An id: `prefix` and `n` ("e12"). Every annotation gets one or two, and `format!` costs
/// several times more.
#[inline(never)]
fn numbered(prefix: &str, n: usize) -> String {
    let mut id = Vec::with_capacity(prefix.len() + 4);
    id.extend_from_slice(prefix.as_bytes());
    json::push_decimal(&mut id, n);
    // A str and ASCII digits: always UTF-8.
    String::from_utf8(id).unwrap_or_default()
}

/// True when `json` holds `</`, U+2028 or U+2029 (UTF-8 E2 80 A8/A9). One pass over the bytes:
/// the export is several times the text's size, and a search by chars decodes every one of them.
/// (The compact export, the one on the hot path, escapes as it writes: see `json.rs`.)
fn needs_escaping(json: &[u8]) -> bool {
    let mut rest = json;
    while let Some(p) = rest.iter().position(|&b| b == b'<' || b == 0xE2) {
        match rest[p..] {
            [b'<', b'/', ..] | [0xE2, 0x80, 0xA8 | 0xA9, ..] => return true,
            _ => rest = &rest[p + 1..],
        }
    }
    false
}

/// The JSON made safe to paste into an HTML `<script>` block or a JavaScript source: `</` and
/// the line separators U+2028/U+2029 can only stand inside JSON strings, where `<\/`, `\u2028`
/// and `\u2029` mean the same characters, so the JSON value is unchanged.
pub(crate) fn embeddable(json: String) -> String {
    if !needs_escaping(json.as_bytes()) {
        return json;
    }
    json.replace("</", "<\\/")
        .replace('\u{2028}', "\\u2028")
        .replace('\u{2029}', "\\u2029")
}

#[cfg(test)]
mod tests {
    use super::needs_escaping;

    #[test]
    fn an_escape_is_found_at_any_offset_and_near_misses_are_not() {
        for pad in 0..20 {
            let at = |s: &str| format!("{}{s}{}", "a".repeat(pad), "b".repeat(pad % 7));
            for hit in ["</", "\u{2028}", "\u{2029}"] {
                assert!(needs_escaping(at(hit).as_bytes()), "{hit:?} after {pad} bytes");
            }
            for miss in ["<", "/<", "< /", "\u{2019}", "\u{2027}", "\u{201C}</"] {
                let expected = miss.contains("</");
                assert_eq!(
                    needs_escaping(at(miss).as_bytes()),
                    expected,
                    "{miss:?} after {pad} bytes"
                );
            }
        }
    }
}
