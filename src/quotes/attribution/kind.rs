//! Speech, title or scare quote: what a quote's own words and the words before it tell.

use super::Context;
use crate::text::words::is_possessive;

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
            || self.lex.title_words.contains(prev.as_str())
            || self.lex.naming_words.contains(prev.as_str())
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
        if k > 0 && self.lex.articles.contains(self.lower(k - 1).as_str()) {
            k -= 1;
        }
        let cast_as = k > 0 && self.lower(k - 1) == "as";
        let framed = (s.start..first).any(|j| self.quote_of[j].is_none() && self.lex.is_speech_form(&self.lower(j)));
        other_quote || cast_as || framed
    }
}
