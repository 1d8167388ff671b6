//! The compact `newsmark/1` JSON, written directly: the bytes `serde_json::to_string` and
//! [`embeddable`](super::embeddable) would give together, in one pass. The export is several times
//! the text's size and mostly plain text, so strings are copied in runs, eight bytes at a time,
//! and only the few bytes JSON or HTML needs escaped are looked at one by one. The pretty form and
//! the other formats still go through serde; a test holds this writer to serde's bytes.

use super::{Export, WireAnnotation, WireDocumentDate, WireSpan};
use crate::text::{has_byte, HIGHS};

/// `"name":`, the first member of an object (names are plain identifiers, never escaped).
macro_rules! first_key {
    ($name:literal) => {
        concat!("\"", $name, "\":")
    };
}

/// `,"name":`, a member after the first.
macro_rules! key {
    ($name:literal) => {
        concat!(",\"", $name, "\":")
    };
}

/// Whether the compact JSON carries the article's text or leaves `"text":""` for the caller.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Text {
    /// The text, escaped, as every export file holds it.
    Included,
    /// An empty string in its place, for a caller that already holds the text and parses the
    /// rest into objects: every other character past ASCII is written as a `\u` escape. The
    /// parsed strings are the same, and an ASCII-only text is what a JS engine decodes from UTF-8
    /// and parses fastest (one byte per character; one curly quote anywhere makes it two).
    Left,
}

/// The export as one line of compact JSON (see [`Export::to_json`]).
pub(super) fn compact(export: &Export, text: Text) -> String {
    let mut out = Json {
        out: Vec::with_capacity(export.text.len() * 6 + 1024),
        ascii_only: text == Text::Left,
    };
    out.raw("{");
    if let Some(id) = &export.id {
        out.raw(first_key!("id"));
        out.string(id);
        out.raw(key!("schema"));
    } else {
        out.raw(first_key!("schema"));
    }
    out.string(&export.schema);
    out.raw(key!("text"));
    match text {
        Text::Included => out.string(&export.text),
        Text::Left => out.raw("\"\""),
    }
    out.raw(key!("offset_unit"));
    out.string(&export.offset_unit);
    out.raw(key!("document_date"));
    match &export.document_date {
        Some(d) => out.document_date(d),
        None => out.raw("null"),
    }
    out.raw(key!("annotations"));
    out.raw("[");
    for (i, a) in export.annotations.iter().enumerate() {
        if i > 0 {
            out.raw(",");
        }
        out.annotation(a);
    }
    out.raw("]}");
    // Only whole strings and ASCII were written, so this cannot fail.
    String::from_utf8(out.out).unwrap_or_default()
}

/// A JSON text being written.
struct Json {
    out: Vec<u8>,
    /// Every character past ASCII written as a `\u` escape ([`Text::Left`]).
    ascii_only: bool,
}

impl Json {
    // Out of line, as are the writers below: called from a hundred places, inlined they cost the
    // wasm kilobytes for no measurable speed.
    #[inline(never)]
    fn raw(&mut self, s: &str) {
        self.out.extend_from_slice(s.as_bytes());
    }

    #[inline(never)]
    fn number(&mut self, n: usize) {
        push_decimal(&mut self.out, n);
    }

    #[inline(never)]
    fn opt_number(&mut self, n: Option<usize>) {
        match n {
            Some(n) => self.number(n),
            None => self.raw("null"),
        }
    }

    #[inline(never)]
    fn opt_string(&mut self, s: Option<&str>) {
        match s {
            Some(s) => self.string(s),
            None => self.raw("null"),
        }
    }

    /// A JSON string: `"` and `\` escaped, control characters as serde_json writes them (`\n`,
    /// `\u001f`), and `</`, U+2028, U+2029 as `<\/`, `\u2028`, `\u2029` (see `embeddable`).
    #[inline(never)]
    fn string(&mut self, s: &str) {
        let bytes = s.as_bytes();
        self.out.push(b'"');
        // Bytes before `plain` are written; `i` scans ahead of it.
        let mut plain = 0;
        let mut i = 0;
        while i < bytes.len() {
            if let Some(word) = bytes.get(i..i + 8) {
                let mut w = [0u8; 8];
                w.copy_from_slice(word);
                let w = u64::from_le_bytes(w);
                if !(may_escape(w) || self.ascii_only && w & HIGHS != 0) {
                    i += 8;
                    continue;
                }
            }
            // A word that may hold an escape, or the last few bytes: one byte at a time.
            let stop = (i + 8).min(bytes.len());
            while i < stop {
                let escape = match escape_at(bytes, i) {
                    None if self.ascii_only && bytes[i] >= 0x80 => non_ascii_at(s, i),
                    found => found,
                };
                match escape {
                    Some((escaped, width)) => {
                        self.out.extend_from_slice(&bytes[plain..i]);
                        match escaped {
                            Escape::Text(t) => self.out.extend_from_slice(t.as_bytes()),
                            Escape::Control(b) => push_u_escape(&mut self.out, u16::from(b)),
                            Escape::Units(units) => {
                                for unit in units.into_iter().flatten() {
                                    push_u_escape(&mut self.out, unit);
                                }
                            }
                        }
                        i += width;
                        plain = i;
                    }
                    None => i += 1,
                }
            }
        }
        self.out.extend_from_slice(&bytes[plain..]);
        self.out.push(b'"');
    }

    fn span(&mut self, kind: &str, s: &WireSpan) {
        self.raw("{\"type\":\"");
        self.raw(kind);
        self.raw("\"");
        self.raw(key!("id"));
        self.string(&s.id);
        self.raw(key!("start"));
        self.number(s.start);
        self.raw(key!("end"));
        self.number(s.end);
        self.raw(key!("start_utf16"));
        self.number(s.start_utf16);
        self.raw(key!("end_utf16"));
        self.number(s.end_utf16);
        self.raw(key!("text"));
        self.string(&s.text);
    }

    fn annotation(&mut self, a: &WireAnnotation) {
        match a {
            WireAnnotation::Entity {
                span,
                label,
                entity_id,
                canonical,
                reason,
                confidence,
                rule,
            } => {
                self.span("entity", span);
                self.raw(key!("label"));
                self.string(label);
                self.raw(key!("entity_id"));
                self.string(entity_id);
                self.raw(key!("canonical"));
                self.string(canonical);
                self.raw(key!("reason"));
                self.string(reason);
                self.raw(key!("confidence"));
                // serde_json's own float text (and `null` for a non-finite one), written in place.
                match confidence {
                    Some(c) => {
                        if serde_json::to_writer(&mut self.out, c).is_err() {
                            self.raw("null");
                        }
                    }
                    None => self.raw("null"),
                }
                self.raw(key!("rule"));
                self.string(rule);
            }
            WireAnnotation::Date {
                span,
                label,
                value,
                anchor,
                gloss,
                reason,
                rule,
            } => {
                self.span("date", span);
                self.raw(key!("label"));
                self.string(label);
                self.raw(key!("value"));
                self.opt_string(value.as_deref());
                self.raw(key!("anchor"));
                self.opt_string(anchor.as_deref());
                self.raw(key!("gloss"));
                self.opt_string(gloss.as_deref());
                self.raw(key!("reason"));
                self.opt_string(reason.as_deref());
                self.raw(key!("rule"));
                self.string(rule);
            }
            WireAnnotation::Quote {
                span,
                kind,
                speaker,
                speaker_id,
                speaker_start,
                speaker_end,
                speaker_start_utf16,
                speaker_end_utf16,
                cue,
                speaker_gender,
                speaker_gender_basis,
                rule,
            } => {
                self.span("quote", span);
                self.raw(key!("kind"));
                self.string(kind);
                self.raw(key!("speaker"));
                self.opt_string(speaker.as_deref());
                self.raw(key!("speaker_id"));
                self.opt_string(speaker_id.as_deref());
                self.raw(key!("speaker_start"));
                self.opt_number(*speaker_start);
                self.raw(key!("speaker_end"));
                self.opt_number(*speaker_end);
                self.raw(key!("speaker_start_utf16"));
                self.opt_number(*speaker_start_utf16);
                self.raw(key!("speaker_end_utf16"));
                self.opt_number(*speaker_end_utf16);
                self.raw(key!("cue"));
                self.opt_string(cue.as_deref());
                self.raw(key!("speaker_gender"));
                self.string(speaker_gender);
                self.raw(key!("speaker_gender_basis"));
                self.string(speaker_gender_basis);
                self.raw(key!("rule"));
                self.string(rule);
            }
        }
        self.raw("}");
    }

    fn document_date(&mut self, d: &WireDocumentDate) {
        self.raw("{");
        self.raw(first_key!("value"));
        self.string(&d.value);
        self.raw(key!("source"));
        self.string(&d.source);
        self.raw(key!("start"));
        self.opt_number(d.start);
        self.raw(key!("end"));
        self.opt_number(d.end);
        self.raw(key!("start_utf16"));
        self.opt_number(d.start_utf16);
        self.raw(key!("end_utf16"));
        self.opt_number(d.end_utf16);
        self.raw("}");
    }
}

/// Appends `n` in decimal: what `to_string` writes, without the formatting machinery.
pub(super) fn push_decimal(out: &mut Vec<u8>, n: usize) {
    let start = out.len();
    let mut n = n;
    loop {
        out.push(b'0' + (n % 10) as u8);
        n /= 10;
        if n == 0 {
            break;
        }
    }
    // The digits went in last first.
    if let Some(digits) = out.get_mut(start..) {
        digits.reverse();
    }
}

/// What a byte that needs escaping becomes.
enum Escape {
    /// This text.
    Text(&'static str),
    /// `\u00XX`: a control character without a short escape, as serde_json writes it.
    Control(u8),
    /// `\uXXXX`, twice for a character past U+FFFF (its UTF-16 surrogates).
    Units([Option<u16>; 2]),
}

/// The `\u` escape of the non-ASCII character starting at byte `i` of `s`, and its width.
fn non_ascii_at(s: &str, i: usize) -> Option<(Escape, usize)> {
    let c = s.get(i..)?.chars().next()?;
    let mut units = [0u16; 2];
    let written = c.encode_utf16(&mut units);
    let second = (written.len() == 2).then_some(units[1]);
    Some((Escape::Units([Some(units[0]), second]), c.len_utf8()))
}

/// Appends `\uXXXX` (lower-case hex, as serde_json writes control characters).
fn push_u_escape(out: &mut Vec<u8>, unit: u16) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.extend_from_slice(b"\\u");
    for shift in [12, 8, 4, 0] {
        out.push(HEX[usize::from((unit >> shift) & 0xF)]);
    }
}

/// The escape for the character at byte `i` and how many bytes it replaces, if it needs one.
fn escape_at(bytes: &[u8], i: usize) -> Option<(Escape, usize)> {
    let text = |s: &'static str, width: usize| Some((Escape::Text(s), width));
    match *bytes.get(i)? {
        b'"' => text("\\\"", 1),
        b'\\' => text("\\\\", 1),
        b'\n' => text("\\n", 1),
        b'\r' => text("\\r", 1),
        b'\t' => text("\\t", 1),
        0x08 => text("\\b", 1),
        0x0C => text("\\f", 1),
        b @ 0x00..=0x1F => Some((Escape::Control(b), 1)),
        b'<' if bytes.get(i + 1) == Some(&b'/') => text("<\\/", 2),
        0xE2 if bytes.get(i + 1..i + 3) == Some(&[0x80, 0xA8]) => text("\\u2028", 3),
        0xE2 if bytes.get(i + 1..i + 3) == Some(&[0x80, 0xA9]) => text("\\u2029", 3),
        _ => None,
    }
}

/// True when a byte of `w` may need escaping: a control character, `"`, `\`, `<` or 0xE2 (the
/// lead byte of U+2028/U+2029, and of curly quotes, which the byte-by-byte look then passes).
fn may_escape(w: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    // A byte below 0x20: the zero-byte test on `w - 0x20` in every byte (exact for any word).
    let control = w.wrapping_sub(ONES * 0x20) & !w & HIGHS != 0;
    control || has_byte(w, b'"') || has_byte(w, b'\\') || has_byte(w, b'<') || has_byte(w, 0xE2)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotation::Annotations;

    /// What serde_json and `embeddable` make of the export: the bytes this writer must equal.
    fn by_serde(export: &Export) -> String {
        super::super::embeddable(serde_json::to_string(export).unwrap())
    }

    #[test]
    fn every_string_escape_matches_serde_json() {
        let mut samples: Vec<String> = (0u8..0x80).map(|b| format!("ab{}cd", char::from(b))).collect();
        samples.extend(
            [
                "",
                "\u{2028}",
                "x\u{2029}y",
                "</script>",
                "<</",
                "<",
                "\u{2019}\u{201C}\u{2027}",
                "é\"\\\n\u{7f}",
                "twelve bytes\u{1f} and a long plain run after it, past several words",
            ]
            .map(String::from),
        );
        for s in samples {
            let mut json = Json {
                out: Vec::new(),
                ascii_only: false,
            };
            json.string(&s);
            let expected = super::super::embeddable(serde_json::to_string(&s).unwrap());
            assert_eq!(String::from_utf8(json.out).unwrap(), expected, "{s:?}");
        }
    }

    #[test]
    fn a_whole_export_matches_serde_json() {
        let text = "Mr. Smith said on Monday, Feb. 5, 2018: \"We'll see.\"\n\n\u{2028}\"</b>,\" she added\t\u{1}.";
        let found = crate::Annotator::shared().annotate(text, &crate::Options::default());
        let mut export = Export::new(text, &found);
        assert_eq!(compact(&export, Text::Included), by_serde(&export));
        export.id = Some("doc \"1\"".into());
        assert_eq!(compact(&export, Text::Included), by_serde(&export));
        let given = crate::Options::with_document_date("2018-02-06").unwrap();
        let mut export = Export::new(text, &crate::Annotator::shared().annotate(text, &given));
        assert_eq!(compact(&export, Text::Included), by_serde(&export));
        // Left out, the text is an empty string and nothing else moves.
        let left = compact(&export, Text::Left);
        export.text.clear();
        assert_eq!(left, by_serde(&export));
        let empty = Export::new("", &Annotations::default());
        assert_eq!(compact(&empty, Text::Included), by_serde(&empty));
    }

    #[test]
    fn the_text_left_out_is_ascii_and_parses_to_the_same_values() {
        let text =
            "Zoë Müller said: \u{201C}Tout va bien \u{1F600}\u{201D}, in Göteborg on Tuesday. Åsa agreed\u{2028}.";
        let found = crate::Annotator::shared().annotate(text, &crate::Options::default());
        let mut export = Export::new(text, &found);
        assert!(
            !by_serde(&export).replace(text, "").is_ascii(),
            "the case needs non-ASCII spans"
        );
        let left = compact(&export, Text::Left);
        assert!(left.is_ascii(), "{left}");
        export.text.clear();
        let parsed: serde_json::Value = serde_json::from_str(&left).unwrap();
        let expected: serde_json::Value = serde_json::from_str(&by_serde(&export)).unwrap();
        assert_eq!(parsed, expected);
    }
}
