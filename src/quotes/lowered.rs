//! Every token of a document in lower case, made once: the quote steps compare lower-case words
//! hundreds of times per article, and a fresh `String` per comparison cost more than the rest of
//! the comparison.

use crate::text::Document;

/// The tokens of one document in lower case (`str::to_lowercase` of each), in one buffer.
pub struct Lowered {
    buf: String,
    /// Byte range of each token's lower-case form in `buf`.
    ranges: Vec<(u32, u32)>,
}

impl Lowered {
    /// Lower-cases every token of `doc`.
    pub fn new(doc: &Document) -> Self {
        let mut buf = String::with_capacity(doc.text.len());
        let mut ranges = Vec::with_capacity(doc.tokens.len());
        for t in &doc.tokens {
            let text = t.span.slice(doc.text);
            let start = buf.len();
            if text.is_ascii() {
                buf.push_str(text);
                if let Some(tail) = buf.get_mut(start..) {
                    tail.make_ascii_lowercase();
                }
            } else {
                // Whole-word lowering, as `to_lowercase` does it (a final sigma is `ς`).
                buf.push_str(&text.to_lowercase());
            }
            // Offsets fit u32: texts are capped well below 4 GB (MAX_TEXT_BYTES).
            ranges.push((start as u32, buf.len() as u32));
        }
        Lowered { buf, ranges }
    }

    /// Token `i` in lower case ("" past the last token). Out of line: it is read from a hundred
    /// places, and inlined everywhere it made the wasm kilobytes larger.
    #[inline(never)]
    pub fn get(&self, i: usize) -> &str {
        self.ranges
            .get(i)
            .and_then(|&(a, b)| self.buf.get(a as usize..b as usize))
            .unwrap_or("")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_token_reads_as_to_lowercase_reads_it() {
        let text = "Mr. O'NEILL said: \"ÉTÉ ΟΔΟΣ İstanbul\" — Straße";
        let doc = Document::new(text);
        let lowered = Lowered::new(&doc);
        for i in 0..doc.tokens.len() {
            assert_eq!(lowered.get(i), doc.token_text(i).to_lowercase());
        }
        assert_eq!(lowered.get(doc.tokens.len()), "");
    }
}
