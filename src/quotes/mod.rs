//! Quotes and who said them.
//!
//! `marks` pairs the quotation marks (apostrophes, nesting, quotes over paragraphs), `names` finds
//! who a speaker phrase names, `descriptions` which
//! name a description stands for, `attribution` finds the speech verb and the speaker phrase (a named
//! chain of strategies, each quote tagged with the [`QuoteRule`](crate::QuoteRule) that decided
//! it), `reported` finds reported (indirect) speech, `gender` tells the speaker's gender where the
//! text signals it, and `lexicon` holds the word lists from
//! `data/quotes/`.

pub mod attribution;
pub mod descriptions;
pub mod gender;
pub mod lexicon;
pub mod lowered;
pub mod marks;
pub mod names;
pub mod reported;
#[cfg(test)]
mod tests;

use crate::annotation::{Entity, Quote, QuoteKind};
use crate::text::Document;

/// Finds quotations and attributes them; built once.
pub struct QuoteRecognizer {
    lexicon: lexicon::Lexicon,
    pairer: marks::MarkPairer,
    reporting: reported::ReportingVerbs,
}

impl QuoteRecognizer {
    /// Loads the speech verbs and the other word lists.
    pub fn new() -> Self {
        let lexicon = lexicon::Lexicon::load();
        let pairer = marks::MarkPairer::new(lexicon.elisions.iter().copied());
        QuoteRecognizer {
            lexicon,
            pairer,
            reporting: reported::ReportingVerbs::load(),
        }
    }

    /// Finds every quotation of someone's words, with its speaker where one is found: the direct
    /// quotes sorted by position, then the reported speech sorted by position. Scare quotes and
    /// titles are left out: they quote no one, and counting them would inflate "who is quoted"
    /// (use [`QuoteRecognizer::find_all`] to see them).
    pub fn find(&self, doc: &Document, entities: &[Entity]) -> Vec<Quote> {
        let mut quotes = self.find_all(doc, entities);
        quotes.retain(|q| q.kind != QuoteKind::Scare);
        quotes
    }

    /// Like [`QuoteRecognizer::find`], but keeps scare quotes and titles, marked
    /// [`QuoteKind::Scare`] with no speaker.
    pub fn find_all(&self, doc: &Document, entities: &[Entity]) -> Vec<Quote> {
        let marked = self.pairer.find(doc.text, doc.hard_wrapped);
        let lowered = lowered::Lowered::new(doc);
        let mut ctx = attribution::Context::new(doc, &self.lexicon, &lowered, &marked);
        ctx.mark_people(entities);
        let mut names = names::Names::build(doc, entities, &ctx.in_quote(), &self.lexicon, &lowered);
        let mut quotes = ctx.attribute(&marked, &mut names);
        let reported = reported::find(
            doc,
            &self.lexicon,
            &self.reporting,
            &marked,
            &quotes,
            &lowered,
            &mut names,
        );
        quotes.extend(reported);
        gender::infer(doc, &self.lexicon, &names, entities, &mut quotes);
        quotes
    }
}

impl Default for QuoteRecognizer {
    fn default() -> Self {
        Self::new()
    }
}
