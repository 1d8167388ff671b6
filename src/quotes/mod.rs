//! Quotes and who said them.

use crate::annotation::{Entity, Quote, QuoteKind};
use crate::text::{Document, Span};

/// Finds quotations and attributes them; built once.
pub struct QuoteRecognizer {}

impl QuoteRecognizer {
    /// Loads the speech verbs.
    pub fn new() -> Self {
        QuoteRecognizer {}
    }

    /// Finds every quotation, sorted by position.
    pub fn find(&self, doc: &Document, _entities: &[Entity]) -> Vec<Quote> {
        // Placeholder: curly double quotes on one line.
        let mut out = Vec::new();
        let mut open = None;
        for (i, c) in doc.text.char_indices() {
            match c {
                '\u{201C}' => open = Some(i),
                '\n' => open = None,
                '\u{201D}' => {
                    if let Some(s) = open.take() {
                        out.push(Quote {
                            span: Span::new(s, i + c.len_utf8()),
                            kind: QuoteKind::Speech,
                            speaker: None,
                            speaker_entity: None,
                            speaker_span: None,
                            cue: None,
                        });
                    }
                }
                _ => {}
            }
        }
        out
    }
}

impl Default for QuoteRecognizer {
    fn default() -> Self {
        Self::new()
    }
}
