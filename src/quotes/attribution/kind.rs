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
}
