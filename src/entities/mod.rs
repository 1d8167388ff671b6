//! Named entities: people, organisations, places, groups and events.
//!
//! A learned tagger ([`model`], features in [`features`], trained by `src/bin/train-entities.rs`)
//! proposes CoNLL-style spans using word lists ([`lexicon`]) as features; [`document`] then applies
//! what a single sentence cannot know: datelines, titles, one label per name in the article, one
//! entity per person ("Pence" after "Mike Pence") and the NORP/EVENT split of MISC.

pub mod clusters;
pub mod document;
pub mod features;
pub mod hash;
pub mod lexicon;
pub mod model;
pub mod tags;
pub mod train;

use crate::annotation::Entity;
use crate::text::Document;
use lexicon::{LexClass, Lexicons, RuleList, TokenLex};
use model::Model;

/// The trained weights (see `src/bin/train-entities.rs` and data/README.md).
const MODEL: &[u8] = include_bytes!("../../data/entities/model.bin");

/// Finds entity mentions; built once, holds its lexicons and model.
pub struct EntityRecognizer {
    lexicons: Lexicons,
    model: Model,
}

impl EntityRecognizer {
    /// Loads the lexicons and the model weights.
    pub fn new() -> Self {
        EntityRecognizer {
            lexicons: Lexicons::new(),
            model: Model::from_bytes(MODEL).unwrap_or_else(Model::empty),
        }
    }

    /// The same recognizer with other weights (the trainer scores a fresh model this way).
    pub fn with_model(model: Model) -> Self {
        EntityRecognizer {
            lexicons: Lexicons::new(),
            model,
        }
    }

    /// Finds every entity mention in the document, sorted by position.
    pub fn find(&self, doc: &Document) -> Vec<Entity> {
        if doc.tokens.is_empty() {
            return Vec::new();
        }
        let lex = self.lexicons.annotate(doc);
        let x = features::Extractor::new(doc, &lex);
        let decisions = self
            .model
            .decode(&x, |i| never_starts_name(doc, &self.lexicons, &lex, i));
        document::resolve(doc, &self.lexicons, &lex, &decisions)
    }
}

/// A token the tagger leaves outside any name unscored when the word before is outside one: a
/// word in lower-case ASCII letters only, or a token of punctuation only. Over CoNLL-2003 train
/// the tagger began a name at such a token 22 times in 122,000 (lower-case proper nouns such as
/// "serie A", list numbering), so skipping them saves scoring most of an article's tokens for
/// next to no change. The exceptions below are the names that do open in lower case.
fn never_starts_name(doc: &Document, lexicons: &Lexicons, lex: &[TokenLex], i: usize) -> bool {
    let w = doc.token_text(i);
    let Some(&first) = w.as_bytes().first() else {
        return false;
    };
    if !first.is_ascii_lowercase() {
        // "&" continues "Procter & Gamble" even after a word the tagger left outside.
        return !first.is_ascii_alphanumeric() && w != "&" && w.chars().all(|c| !c.is_alphanumeric());
    }
    if !w.bytes().all(|b| b.is_ascii_lowercase()) {
        return false;
    }
    let next = i + 1;
    // "the interior ministry", "the university of X", "german", "serie A", "de Klerk".
    let classes = |k: usize| lex.get(k).map_or(0, TokenLex::classes);
    let opens = classes(i) & LOWER_CASE_NAME_CLASSES != 0
        || classes(next) & LexClass::OrgWord.bit() != 0
        || doc.tokens.get(next).is_some_and(|t| t.capitalised)
        || lexicons.contains(RuleList::NameParticles, w);
    // A web address ("example.com"): the word is glued to a dot glued to another word.
    let glued = |k: usize| doc.tokens.get(k).is_some_and(|t| !t.space_before);
    let address = glued(next) && glued(next + 1) && doc.token_text(next) == ".";
    !opens && !address
}

/// Lists whose words name something even in lower case ("pakistan", "german", "university").
const LOWER_CASE_NAME_CLASSES: u32 = LexClass::Country.bit()
    | LexClass::Demonym.bit()
    | LexClass::Region.bit()
    | LexClass::City.bit()
    | LexClass::OrgWord.bit();

impl Default for EntityRecognizer {
    fn default() -> Self {
        Self::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Tags every token with and without the skip, for comparison.
    fn both(text: &str) -> (Vec<usize>, Vec<usize>) {
        let r = EntityRecognizer::new();
        let doc = Document::new(text);
        let lex = r.lexicons.annotate(&doc);
        let x = features::Extractor::new(&doc, &lex);
        let tags = |d: Vec<model::Decision>| d.iter().map(|d| d.tag).collect::<Vec<_>>();
        let skipped = tags(r.model.decode(&x, |i| never_starts_name(&doc, &r.lexicons, &lex, i)));
        let scored = tags(r.model.decode(&x, |_| false));
        (skipped, scored)
    }

    #[test]
    fn skipping_lower_case_words_changes_no_tag_in_ordinary_news() {
        for text in [
            "Prime Minister Jane Okafor told reporters in Brussels on Tuesday that the talks with \
             the European Commission had stalled, and that the Bank of England would act.",
            "The interior ministry said Carlos de Souza and Anna van der Berg met officials of \
             Procter & Gamble, the United Nations and the World Health Organization.",
            "Shares in Zentrix Corp fell 4% after the firm's chief executive, Li Wei, quit. \
             \"We are disappointed,\" said a spokesman for the Financial Conduct Authority.",
        ] {
            let (skipped, scored) = both(text);
            assert_eq!(skipped, scored, "{text}");
        }
    }

    #[test]
    fn words_that_can_open_a_name_are_scored() {
        let r = EntityRecognizer::new();
        let doc =
            Document::new("the interior ministry , de Klerk & said the serie A . see example.com or german bands");
        let lex = r.lexicons.annotate(&doc);
        let skips: Vec<&str> = (0..doc.tokens.len())
            .filter(|&i| never_starts_name(&doc, &r.lexicons, &lex, i))
            .map(|i| doc.token_text(i))
            .collect();
        assert_eq!(
            skips,
            ["the", ",", "said", "the", ".", "see", ".", "com", "or", "bands"]
        );
    }
}
