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
use lexicon::Lexicons;
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
        let feats = features::extract(doc, &lex);
        let decisions = self.model.decode(&feats);
        document::resolve(doc, &self.lexicons, &lex, &decisions)
    }
}

impl Default for EntityRecognizer {
    fn default() -> Self {
        Self::new()
    }
}
