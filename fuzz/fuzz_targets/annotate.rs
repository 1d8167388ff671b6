//! Fuzz target: arbitrary bytes → (options, text) → `annotate` → every invariant of the
//! property tests (spans in bounds, on char and grapheme boundaries, both offset units agree
//! with the text, sorted, export → JSON → parse round-trips).
//!
//! Input layout: byte 0 picks the options (below 0x80: no document date, so it is detected
//! from the text; otherwise bytes 1–4 make a `YYYY-MM-DD` that may or may not be a real day),
//! the rest is the text, decoded lossily so invalid UTF-8 still exercises the annotator.
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
                    assert!(e.to_string().contains("YYYY-MM-DD"), "unclear error: {e}");
                    Options::default()
                }
            };
            (options, rest)
        }
        [_, rest @ ..] => (Options::default(), rest),
        [] => (Options::default(), data),
    }
}

fuzz_target!(|data: &[u8]| {
    let (options, text) = options(data);
    let text = String::from_utf8_lossy(text);
    common::annotate_checked(&text, &options);
});
