//! Fuzz target: arbitrary bytes → (options, text) → `annotate` → every invariant of the
//! property tests (spans in bounds, on char and grapheme boundaries, both offset units agree
//! with the text, sorted, export → JSON → parse round-trips).
//!
//! Input layout: byte 0 picks the options (below 0x80: no document date, so it is detected
//! from the text; otherwise bytes 1–4 make a `YYYY-MM-DD` that may or may not be a real day),
//! the rest is the text, decoded lossily so invalid UTF-8 still exercises the annotator. When
//! byte 0 has bit 0x40 set, invisible characters and combining accents are salted into the text
//! (soft hyphens, zero-width characters, BOMs, U+0301...), so the normalised recognition view and
//! its mapping back to the original offsets are fuzzed too.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newsmark::Options;

#[path = "../../tests/common/mod.rs"]
mod common;

fn options(data: &[u8]) -> (Options, &[u8]) {
    match data {
        [mode, y0, y1, m, d, rest @ ..] if *mode >= 0x80 => {
            // Years reach past 9999 and months/days past their ranges on purpose: the parser must reject them.
            let year = u16::from_le_bytes([*y0, *y1]) % 10_200;
            let date = format!("{year:04}-{:02}-{:02}", m % 14, d % 33);
            let options = match Options::with_document_date(&date) {
                Ok(o) => {
                    assert_eq!(o.document_date.map(|d| d.to_string()), Some(date));
                    o
                }
                Err(e) => {
                    let message = e.to_string();
                    assert!(
                        message.contains("YYYY-MM-DD") || message.contains("from 1000-01-01 to 9998-12-31"),
                        "unclear error: {message}"
                    );
                    Options::default()
                }
            };
            (options, rest)
        }
        [_, rest @ ..] => (Options::default(), rest),
        [] => (Options::default(), data),
    }
}

/// Characters a reader never sees, and combining marks: the recognition view drops or composes them.
const SALT: [char; 8] = [
    '\u{AD}', '\u{200B}', '\u{200C}', '\u{200D}', '\u{2060}', '\u{FEFF}', '\u{301}', '\u{308}',
];

/// Puts a salt character after every third letter, chosen by the letter.
fn salted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 2);
    for (k, c) in text.chars().enumerate() {
        out.push(c);
        if c.is_alphabetic() && k % 3 == 0 {
            out.push(SALT[c as usize % SALT.len()]);
        }
    }
    out
}

fuzz_target!(|data: &[u8]| {
    let salt = data.first().is_some_and(|b| b & 0x40 != 0);
    let (options, text) = options(data);
    let text = String::from_utf8_lossy(text);
    let text = if salt { salted(&text).into() } else { text };
    common::annotate_checked(&text, &options);
});
