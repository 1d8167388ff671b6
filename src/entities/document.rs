//! Document-level decisions on top of the tagger's per-token output.

use super::lexicon::{Lexicons, TokenLex};
use super::model::Decision;
use super::tags::{self, Class};
use crate::annotation::{Entity, EntityLabel};
use crate::text::{Document, Span};

/// Turns tags into entities.
pub fn resolve(doc: &Document, _lexicons: &Lexicons, _lex: &[TokenLex], decisions: &[Decision]) -> Vec<Entity> {
    let t: Vec<usize> = decisions.iter().map(|d| d.tag).collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < t.len() {
        let Some(c) = tags::class_of(t[i]) else {
            i += 1;
            continue;
        };
        let s = i;
        i += 1;
        while i < t.len() && t[i] == tags::inside(c) {
            i += 1;
        }
        let span = Span::new(doc.tokens[s].span.start, doc.tokens[i - 1].span.end);
        let conf = decisions[s..i].iter().map(|d| d.prob).fold(1.0f32, f32::min);
        out.push(Entity {
            span,
            label: match c {
                Class::Per => EntityLabel::Person,
                Class::Org => EntityLabel::Org,
                Class::Loc => EntityLabel::Loc,
                Class::Misc => EntityLabel::Misc,
            },
            entity: out.len(),
            canonical: span.slice(doc.text).to_string(),
            reason: format!("model {conf:.2}"),
            confidence: Some(conf),
        });
    }
    out
}
