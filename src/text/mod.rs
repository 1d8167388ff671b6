//! The text layer: spans, offsets, tokens and sentences. Nothing here knows about entities,
//! dates or quotes; every recogniser reads the same [`Document`] instead of re-splitting.

pub mod graphemes;
pub mod normalise;
pub mod offsets;
pub mod sentences;
pub mod span;
pub mod tokens;
pub mod words;
pub mod wrap;

pub use offsets::OffsetTable;
pub use span::Span;
pub use tokens::{Token, TokenKind};

use std::ops::Range;

/// A text with its tokens and sentences, built once per call to `annotate`.
#[derive(Debug, Clone)]
pub struct Document<'t> {
    /// The full input text.
    pub text: &'t str,
    /// Every token in order.
    pub tokens: Vec<Token>,
    /// Sentences as ranges of indices into `tokens`, in order, covering every token once.
    pub sentences: Vec<Range<usize>>,
    /// True when the text is hard-wrapped (`wrap::is_hard_wrapped`): a single line break inside a
    /// paragraph is then a space, for the tokens and for quotation-mark pairing alike.
    pub hard_wrapped: bool,
    /// The text of each token, sliced once here: the layers ask for token texts hundreds of
    /// times per token, and a slice of the text checks both ends for char boundaries each time.
    words: Vec<&'t str>,
}

impl<'t> Document<'t> {
    /// Tokenises and sentence-splits `text`.
    pub fn new(text: &'t str) -> Self {
        let hard_wrapped = wrap::is_hard_wrapped(text);
        let tokens = tokens::tokenize(text, hard_wrapped);
        let sentences = sentences::split(text, &tokens);
        let words = tokens.iter().map(|t| t.span.slice(text)).collect();
        Document {
            text,
            tokens,
            sentences,
            hard_wrapped,
            words,
        }
    }

    /// The text of token `i`.
    pub fn token_text(&self, i: usize) -> &'t str {
        self.words[i]
    }

    /// True when token `i` is a word starting with a capital letter ("Pence", not "2018" or "(").
    // Not inlined: the rules ask it from dozens of places, and the field read inlined at each of
    // them grew the wasm by 1.6 KB gzipped for little speed.
    #[inline(never)]
    pub fn is_capitalised(&self, i: usize) -> bool {
        self.tokens[i].capitalised
    }

    /// The byte span of sentence `s`.
    pub fn sentence_span(&self, s: usize) -> Span {
        let r = &self.sentences[s];
        Span::new(self.tokens[r.start].span.start, self.tokens[r.end - 1].span.end)
    }

    /// Index of the first token starting at or after byte `pos`.
    pub fn token_at_or_after(&self, pos: usize) -> usize {
        self.tokens.partition_point(|t| t.span.start < pos)
    }

    /// Index of the sentence containing token `i`.
    pub fn sentence_of(&self, i: usize) -> usize {
        self.sentences
            .partition_point(|r| r.end <= i)
            .min(self.sentences.len().saturating_sub(1))
    }
}

/// The high bit of every byte of a word (for the eight-bytes-at-a-time tests).
pub(crate) const HIGHS: u64 = 0x8080_8080_8080_8080;

/// True when some byte of `w` is `b` (the zero-byte test on `w` xor `b` in every byte).
pub(crate) fn has_byte(w: u64, b: u8) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    let x = w ^ (ONES * u64::from(b));
    x.wrapping_sub(ONES) & !x & HIGHS != 0
}
