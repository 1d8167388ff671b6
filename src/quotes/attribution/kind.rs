//! Speech, title or scare quote: what a quote's own words and the words before it tell.

use super::{Attribution, Context};
use crate::quotes::names::is_determiner;
use crate::text::words::is_possessive;
use crate::text::TokenKind;

/// True when a quote reads like speech even with no attribution: a sentence or more.
pub(super) fn sentence_like(text: &str) -> bool {
    let words = text.split_whitespace().count();
    let trimmed =
        text.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '"' | '\'' | '\u{201D}' | '\u{2019}'));
    words >= 8 || (words >= 4 && trimmed.ends_with(['.', '!', '?', ',']))
}

/// A title or name in quotes ("The Apprentice", "Make America Great Again"): every word of more
/// than three letters is capitalised and there is no sentence punctuation.
pub(super) fn title_like(text: &str) -> bool {
    let t = text.trim().trim_end_matches([',', '.']);
    let words: Vec<&str> = t.split_whitespace().collect();
    !words.is_empty()
        && words.len() <= 6
        && !t.contains(['!', '?', ';', ':', ','])
        && words.iter().any(|w| w.chars().count() > 3)
        && words
            .iter()
            .filter(|w| w.chars().count() > 3)
            .all(|w| w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()))
}

impl Context<'_, '_> {
    /// True when the words before a quote announce a title: `ABC's "This Week"`, `the show "…"`.
    pub(super) fn title_context(&self, first: usize) -> bool {
        if first == 0 {
            return false;
        }
        let prev = self.lower(first - 1);
        is_possessive(self.text(first - 1))
            || self.lex.title_words.contains(prev)
            || self.lex.naming_words.contains(prev)
    }

    /// True when a short quote with no cue stands where a writer relays someone's words, not where
    /// a term is introduced (`the bill proposes "control orders"`): another quote shares its
    /// sentence (fragments of one statement), "as (a)" casts something as it (`portrayed the
    /// shooting as a "workplace" issue`), or a speech verb earlier in the sentence frames it
    /// (`accuses Sanders of running a "fiction-filled campaign"`, `what they call the "…"`).
    pub(super) fn relayed_term(&self, first: usize) -> bool {
        let Some(s) = self.doc.sentences.get(self.doc.sentence_of(first)) else {
            return false;
        };
        let me = self.quote_of.get(first).copied().flatten();
        let other_quote = s.clone().any(|j| self.quote_of[j].is_some_and(|q| Some(q) != me));
        let mut k = first;
        if k > 0 && self.lex.articles.contains(self.lower(k - 1)) {
            k -= 1;
        }
        let cast_as = k > 0 && self.lower(k - 1) == "as";
        let framed = (s.start..first).any(|j| self.quote_of[j].is_none() && self.lex.is_speech_form(self.lower(j)));
        other_quote || cast_as || framed
    }

    /// The speaker of a relayed term ([`Self::relayed_term`]): the subject of the verb that relays
    /// it, a speech verb earlier in the clause (`the narrator mentions "classified emails"`) or the
    /// verb casting something "as" it (`officials started to portray the shooting as a
    /// "workplace" issue`). None when no subject is found.
    pub(super) fn relaying_speaker(&self, first: usize) -> Option<Attribution> {
        let floor = self.clause_floor(first);
        let outside = |j: usize| self.quote_of[j].is_none();
        let mut k = first;
        if k > floor && self.lex.articles.contains(self.lower(k - 1)) {
            k -= 1;
        }
        // `as a "workplace" or "gun control" issue`: a term joined to a quote before it shares its speaker.
        if k >= floor + 2 && matches!(self.lower(k - 1), "or" | "and") && self.quote_of[k - 2].is_some() {
            let mut q = k - 2;
            while q > floor && self.quote_of[q - 1] == self.quote_of[k - 2] {
                q -= 1;
            }
            return self.relaying_speaker(q);
        }
        let verb = if k > floor && self.lower(k - 1) == "as" {
            (floor.max(k.saturating_sub(12))..k - 1)
                .rev()
                .take_while(|&j| outside(j) && self.text(j) != ",")
                .find(|&j| {
                    // "Labour's six new pledges as": a word after a determiner or modifier is a noun.
                    let noun = j > floor && {
                        let prev = self.text(j - 1);
                        is_determiner(prev)
                            || is_possessive(prev)
                            || self.lex.noun_modifiers.contains(prev)
                            || self.doc.tokens[j - 1].kind == TokenKind::Number
                    };
                    !noun
                        && !is_possessive(self.text(j))
                        && (self.verb_ish(j) || (j > floor && self.text(j - 1) == "to" && self.verb_like(j)))
                })
        } else {
            (floor..first)
                .rev()
                .find(|&j| outside(j) && self.lex.is_speech_form(self.lower(j)))
        }?;
        // "officials started to portray": the subject is the finite verb's, before "to".
        let cue = verb;
        let verb = if verb >= floor + 2 && self.text(verb - 1) == "to" && self.verb_ish(verb - 2) {
            verb - 2
        } else {
            verb
        };
        // "what they call the "…"": a pronoun right before the verb is its subject.
        let pronoun = verb > floor && self.lex.pronoun(self.lower(verb - 1)).is_some_and(|p| p.is_personal());
        let (f, e) = if pronoun {
            (verb - 1, verb)
        } else {
            self.subject_before(verb, floor)?
        };
        let a = Attribution { first: f, end: e, cue };
        self.plausible_speaker(&a).then_some(a)
    }
}
