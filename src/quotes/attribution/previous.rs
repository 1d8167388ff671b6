//! Speakers named in the text before the quote's own sentence: `quote/previous-sentence` (a chain
//! strategy) and the previous paragraph's subject (`quote/previous-paragraph`, used only by
//! inheritance).

use super::{is_terminal, sentence_like, Attribution, Context, Site};
use crate::quotes::lexicon::Pronoun;
use crate::quotes::names::Names;

/// `quote/previous-sentence`: a quote opening a sentence right after `X said in a statement.` or
/// `X said:`.
pub(super) fn previous_sentence(cx: &Context<'_, '_>, site: &Site<'_>) -> Option<Attribution> {
    cx.previous_sentence(site.first, site.inner)
}

impl Context<'_, '_> {
    /// A quote that opens a sentence right after `X said in a statement.` or `X said:` (a sentence
    /// with a cue and no quote of its own) is X's; so is a quote paragraph after a paragraph that
    /// ends with such a sentence.
    pub(super) fn previous_sentence(&self, first: usize, inner: &str) -> Option<Attribution> {
        if first < 2 || first >= self.doc.tokens.len() {
            return None;
        }
        let new_para = self.doc.tokens[first].newlines_before > 0;
        if new_para && !sentence_like(inner) {
            return None;
        }
        let stop = self.text(first - 1);
        if !(is_terminal(stop) || stop == ":") || self.quote_of[first - 1].is_some() {
            return None;
        }
        let floor = self.clause_floor(first - 1);
        if (floor..first).any(|j| self.quote_of[j].is_some()) {
            return None;
        }
        // "Stated Stone:" — an inverted cue opening the sentence.
        if stop == ":" && floor + 1 < first - 1 && self.lex.is_cue(self.lower(floor)) {
            if let Some((f, e)) = self.phrase_after(floor + 1) {
                if e == first - 1 {
                    return Some(Attribution {
                        first: f,
                        end: e,
                        cue: floor,
                    });
                }
            }
        }
        let has_finite = (floor..first - 1).any(|j| self.is_cue(j) && !self.is_participle(j));
        for j in (floor..first - 1).rev() {
            if !self.is_cue(j) {
                continue;
            }
            if self.is_participle(j) {
                if !has_finite {
                    return self.clause_subject(floor, j);
                }
                continue;
            }
            // "… if asked.": a cue with no subject of its own says nothing about who speaks next.
            if let Some((f, e)) = self.subject_before(j, floor) {
                return Some(Attribution {
                    first: f,
                    end: e,
                    cue: j,
                });
            }
        }
        // `Clinton touted her credentials. "We need…"`: a quote sentence after a sentence about someone.
        // "Trump issued the following statement:" announces the quote paragraph after it.
        if (!new_para || stop == ":") && sentence_like(inner) {
            return self.clause_subject(floor, first - 1);
        }
        None
    }

    /// A quote paragraph with no attribution of its own, right after a paragraph about someone
    /// (`Viguerie is upbeat about Cruz's chances.` / `"Not only can…"`): the person that paragraph's
    /// last sentences are about, found as the subject of a clause. Only a person or a personal
    /// pronoun counts; "The crowd cheered." introduces no one's words.
    pub(super) fn previous_paragraph_subject(&self, first: usize, names: &Names) -> Option<Attribution> {
        if first < 2 || first >= self.doc.tokens.len() || self.quote_of[first - 1].is_some() {
            return None;
        }
        let mut stop = first - 1;
        for _ in 0..3 {
            let floor = self.clause_floor(stop);
            if let Some(a) = self.clause_subject(floor, stop) {
                let pronoun = a.end == a.first + 1 && self.lex.pronoun(self.lower(a.first)) == Some(Pronoun::Person);
                let person = names
                    .in_range(self.doc, a.first, a.end)
                    .is_some_and(|k| names.mentions[k].person && !names.mentions[k].org);
                return (pronoun || person).then_some(a);
            }
            if floor == 0 || self.doc.tokens[floor].newlines_before > 0 {
                return None;
            }
            stop = floor - 1;
        }
        None
    }
}
