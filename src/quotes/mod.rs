//! Quotes and who said them.
//!
//! `marks` pairs the quotation marks (apostrophes, nesting, quotes over paragraphs), `names` finds
//! who a speaker phrase names, `attribution` finds the speech verb and the speaker phrase, and
//! `lexicon` holds the word lists from `data/quotes/`.

pub mod attribution;
pub mod lexicon;
pub mod marks;
pub mod names;

use crate::annotation::{Entity, Quote};
use crate::text::Document;

/// Finds quotations and attributes them; built once.
pub struct QuoteRecognizer {
    lexicon: lexicon::Lexicon,
    pairer: marks::MarkPairer,
}

impl QuoteRecognizer {
    /// Loads the speech verbs and the other word lists.
    pub fn new() -> Self {
        let lexicon = lexicon::Lexicon::load();
        let pairer = marks::MarkPairer::new(lexicon.elisions.iter().copied());
        QuoteRecognizer { lexicon, pairer }
    }

    /// Finds every quotation, sorted by position, with its speaker where one is found.
    /// Scare quotes and titles come out with [`crate::QuoteKind::Scare`] and no speaker.
    pub fn find(&self, doc: &Document, entities: &[Entity]) -> Vec<Quote> {
        let marked = self.pairer.find(doc.text);
        let ctx = attribution::Context::new(doc, &self.lexicon, &marked);
        let mut names = names::Names::build(doc, entities, &ctx.in_quote(), &self.lexicon);
        ctx.attribute(&marked, &mut names)
    }
}

impl Default for QuoteRecognizer {
    fn default() -> Self {
        Self::new()
    }
}
