//! From a speaker phrase to a speaker: a name, a pronoun's antecedent, or the description itself.

use super::{Attribution, Context};
use crate::annotation::Quote;
use crate::quotes::lexicon::Pronoun;
use crate::quotes::names::Names;
use crate::text::words::is_possessive;
use crate::text::{Span, TokenKind};

impl Context<'_, '_> {
    /// Fills the speaker of `q` from its attribution: a name, a pronoun's antecedent, or the description.
    pub(super) fn resolve(&self, q: &mut Quote, a: Attribution, names: &mut Names) {
        let doc = self.doc;
        q.cue = (doc.tokens[a.cue].kind == TokenKind::Word).then(|| self.text(a.cue).to_string());
        let phrase = Span::new(doc.tokens[a.first].span.start, doc.tokens[a.end - 1].span.end);
        let head = self.text(a.end - 1);
        let pronoun = self.lex.pronoun(self.lower(a.end - 1));
        if a.end - a.first == 1 && pronoun.is_some_and(|p| p.is_personal() || p == Pronoun::Thing) {
            q.speaker_span = Some(phrase);
            // "Rubio said that he has begun…": the subject heading the pronoun's own sentence wins
            // over whoever was named last ("…of Trump, whom he called").
            let floor = self.clause_floor(a.first);
            let subject = self
                .clause_subject(floor, a.first)
                .and_then(|s| names.in_range(doc, s.first, s.end))
                .filter(|&k| names.agrees(k, head));
            let sentence_start = doc.tokens[floor].span.start;
            // "A spokesman for the ministry said …. He added": an unnamed speaker, no one named since.
            if subject.is_none() && names.description_antecedent(doc, self.lex, self.lowered, a.first, head, q) {
                return;
            }
            let is_subject = |m: &crate::quotes::names::NameMention| self.heads_clause(m);
            match subject.or_else(|| {
                names.speaker_antecedent(phrase.start, sentence_start, head, q.span.slice(doc.text), is_subject)
            }) {
                Some(k) => {
                    let m = &names.mentions[k];
                    q.speaker = Some(m.canonical.clone());
                    q.speaker_entity = m.entity;
                    names.spoken.insert(m.canonical.clone());
                }
                None => q.speaker = Some(head.to_string()),
            }
            return;
        }
        // "the Dutchman said", "the Frenchwoman said": a nationality standing for a person already
        // named refers back like "he" or "she" would.
        if let Some(pronoun) = self.nationality_person(a) {
            let sentence_start = doc.tokens[self.clause_floor(a.first)].span.start;
            let is_subject = |m: &crate::quotes::names::NameMention| self.heads_clause(m);
            if let Some(k) = names.speaker_antecedent(
                phrase.start,
                sentence_start,
                pronoun,
                q.span.slice(doc.text),
                is_subject,
            ) {
                let m = &names.mentions[k];
                q.speaker = Some(m.canonical.clone());
                q.speaker_entity = m.entity;
                q.speaker_span = Some(phrase);
                names.spoken.insert(m.canonical.clone());
                return;
            }
        }
        // A name heads the phrase when its last word is capitalised; otherwise it is a description
        // ("the Clinton campaign", "a senior official").
        // "Tom Cole of Oklahoma": the head comes before "of"; "a spokesman for Clinton" has no name head.
        // In a Title Case headline ("Obama Says Museum Will Tell"), the name ends at a capitalised
        // speech verb.
        let head_end = (a.first..a.end)
            .find(|&j| {
                self.lex.phrase_links.contains(self.text(j))
                    || (j > a.first && doc.is_capitalised(j) && self.lex.is_cue(self.lower(j)))
            })
            .unwrap_or(a.end);
        if head_end > a.first && doc.is_capitalised(head_end - 1) && names.name_speaker(doc, a.first, head_end, q) {
            return;
        }
        q.speaker_span = Some(phrase);
        if !names.name_described(doc, self.lex, self.lowered, a.first, a.end, q) {
            q.speaker = Some(phrase.slice(doc.text).to_string());
        }
    }

    /// "he" or "she" when the phrase is `the` and a nationality noun of one gender ("the Irishman",
    /// "the Dutchwoman"): words that name a person only through someone the article named before.
    fn nationality_person(&self, a: Attribution) -> Option<&'static str> {
        if a.end != a.first + 2 || self.lower(a.first) != "the" || !self.doc.is_capitalised(a.first + 1) {
            return None;
        }
        let head = self.text(a.first + 1);
        let (stem, pronoun) = if let Some(stem) = head.strip_suffix("woman") {
            (stem, "she")
        } else {
            (head.strip_suffix("man")?, "he")
        };
        // "Irish", "Dutch", "French", "Scots": a nationality, not "Chair" or "Sports".
        self.lex.demonyms.contains(stem).then_some(pronoun)
    }

    /// True when a name heads its clause: right before its verb ("Jones repeated"), or opening its
    /// sentence ahead of an apposition ("Robbie Keane, skipper for the night, echoed…").
    fn heads_clause(&self, m: &crate::quotes::names::NameMention) -> bool {
        let before_verb = self.verb_ish(m.end) && !is_possessive(self.text(m.end));
        let opens_sentence = m.first == 0
            || self.doc.tokens[m.first].newlines_before > 0
            || (self.terminal(m.first - 1) && self.quote_of[m.first - 1].is_none());
        before_verb || (opens_sentence && self.doc.tokens.get(m.end).is_some_and(|_| self.text(m.end) == ","))
    }
}
