//! Which words are speech verbs (cues) in their context: `said`, `pointed out`, `according to`.

use super::{Attribution, Context};
use crate::quotes::names::is_determiner;
use crate::text::words::is_possessive;
use crate::text::TokenKind;

impl Context<'_, '_> {
    pub(super) fn is_cue(&self, i: usize) -> bool {
        let t = self.text(i);
        if self.quote_of[i].is_some() {
            return false;
        }
        let next = self.doc.tokens.get(i + 1).map(|_| self.text(i + 1));
        if let Some(&particle) = self.lex.phrasal_cues.get(t) {
            // "as Byler pointed out", "Romney fired back", "as Weiner put it", "Trump went on"
            return next == Some(particle);
        }
        if self.lex.cues_not_before_to.contains(t) && next == Some("to") {
            // "Sandra Dee continues to live…"
            return false;
        }
        // "The document states that …": a word more often a noun is a verb before "that" (not
        // "went on to … note that", an infinitive whose subject is further back).
        let verb_before_that = t.ends_with('s') && self.lex.after_quote_cues.contains(t) && next == Some("that");
        if !self.lex.is_cue(t) && !verb_before_that {
            // A Title Case headline: `Hillary Clinton Said "…"`.
            let headline = i > 0 && self.doc.is_capitalised(i) && self.doc.is_capitalised(i - 1);
            return headline && self.lex.is_cue(self.lower(i));
        }
        if i == 0 {
            return true;
        }
        let prev = self.text(i - 1);
        // "delivered a snappy retort:": a bare form after "a/an" and a modifier is a noun; a verb
        // after a singular subject ("a spokesman said", "an aide wrote") is inflected.
        let bare = !t.ends_with(['s', 'd']) && !t.ends_with("ing") && !self.lex.irregular_verbs.contains(t);
        if bare && i >= 2 && matches!(self.lower(i - 2), "a" | "an") {
            return false;
        }
        // Passives ("was told"), adjectives ("the said") and nouns ("Rubio's claims") are no speech acts.
        // "secretary of state", "calls for comment": after "of"/"for" the word is a noun; so it is
        // after a number or an adjective of that kind ("Labour's six new pledges").
        !(self.lex.not_cue_after.contains(self.lower(i - 1))
            || self.lex.noun_modifiers.contains(prev)
            || self.doc.tokens[i - 1].kind == TokenKind::Number
            || is_determiner(prev)
            || is_possessive(prev))
    }

    /// A cue only after a quote (`"…," Henry reports`), unless it is used as a noun ("secretary of
    /// state", "the notes").
    pub(super) fn after_quote_cue(&self, i: usize) -> bool {
        // "Hannity started." speaks; "The Lyric began 50 years ago" does not.
        let next = self.doc.tokens.get(i + 1);
        let t = self.text(i);
        let bare = if self.lex.bare_cues.contains(t) {
            next.is_none_or(|t| t.kind == TokenKind::Punct)
        } else if self.lex.cues_not_before_to.contains(t) {
            next.is_none() || self.text(i + 1) != "to"
        } else {
            true
        };
        bare && self.lex.after_quote_cues.contains(self.text(i))
            && (i == 0 || {
                let prev = self.text(i - 1);
                // "a failed state": a determiner two words back makes it a noun too.
                let det2 = i >= 2 && self.lex.articles.contains(self.lower(i - 2)) && !self.doc.is_capitalised(i - 1);
                !(self.lex.phrase_links.contains(prev) || is_determiner(prev) || is_possessive(prev) || det2)
            })
    }

    /// A participle cue ("saying", "adding") has its subject at the head of the clause, not before it.
    pub(super) fn is_participle(&self, i: usize) -> bool {
        self.text(i).ends_with("ing")
    }

    /// True for a preposition ("in", "during").
    pub(super) fn is_preposition(&self, i: usize) -> bool {
        self.lex.prepositions.contains(self.lower(i))
    }

    /// True when the cue at `i` is followed by a clause of its own ("said the two cases were…", "said
    /// that…", "said he…"), not by punctuation, a time or place ("said Tuesday", "said in a
    /// statement") or the end of the sentence.
    pub(super) fn takes_complement(&self, i: usize) -> bool {
        let Some(next) = self.doc.tokens.get(i + 1) else {
            return false;
        };
        if next.kind != TokenKind::Word || next.newlines_before > 0 || self.doc.is_capitalised(i + 1) {
            return false;
        }
        let t = self.lower(i + 1);
        t == "that" || is_determiner(t) || self.lex.pronoun(t).is_some()
    }

    /// `according to X` starting at token `k`.
    pub(super) fn according_to(&self, k: usize) -> Option<Attribution> {
        let n = self.doc.tokens.len();
        if k + 2 < n && self.text(k).eq_ignore_ascii_case("according") && self.text(k + 1) == "to" {
            let (f, e) = self.phrase_after(k + 2)?;
            // "according to calculations by Amy Glasmeier", "a court document filed by Dave
            // Aronberg": the author of the document is the one quoted.
            let by = (f..(e + 2).min(n)).find(|&j| self.text(j) == "by" && self.quote_of[j].is_none());
            if let Some(b) = by.filter(|&b| b + 1 < n && self.doc.is_capitalised(b + 1) && !self.doc.is_capitalised(f))
            {
                if let Some((bf, be)) = self.phrase_after(b + 1) {
                    return Some(Attribution {
                        first: bf,
                        end: be,
                        cue: k,
                    });
                }
            }
            return Some(Attribution {
                first: f,
                end: e,
                cue: k,
            });
        }
        None
    }
}
