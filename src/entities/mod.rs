//! Named entities: people, organisations, places, groups and events.

use crate::annotation::{Entity, EntityLabel};
use crate::text::{Document, Span, TokenKind};

/// Finds entity mentions; built once, holds its lexicons.
pub struct EntityRecognizer {}

impl EntityRecognizer {
    /// Loads the lexicons.
    pub fn new() -> Self {
        EntityRecognizer {}
    }

    /// Finds every entity mention in the document, sorted by position.
    pub fn find(&self, doc: &Document) -> Vec<Entity> {
        // Placeholder: runs of capitalised words not at a sentence start.
        let mut out = Vec::new();
        for r in &doc.sentences {
            let mut i = r.start + 1;
            while i < r.end {
                let cap = |k: usize| {
                    doc.tokens[k].kind == TokenKind::Word && doc.token_text(k).starts_with(char::is_uppercase)
                };
                if cap(i) {
                    let s = i;
                    while i < r.end && cap(i) {
                        i += 1;
                    }
                    let span = Span::new(doc.tokens[s].span.start, doc.tokens[i - 1].span.end);
                    out.push(Entity {
                        span,
                        label: EntityLabel::Misc,
                        entity: out.len(),
                        canonical: span.slice(doc.text).to_string(),
                        reason: "capitalised words".into(),
                        confidence: None,
                    });
                }
                i += 1;
            }
        }
        out
    }
}

impl Default for EntityRecognizer {
    fn default() -> Self {
        Self::new()
    }
}
