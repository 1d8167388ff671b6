//! Sentence splitting over tokens.
//!
//! A sentence ends at `.`, `!`, `?` or `…` (plus any closing quotes or brackets) when the next
//! token starts a new one (a capital, a digit or an opening quote), and always at a blank line.
//! A single line break ends a sentence when the line looks finished (ends in punctuation) or the
//! next line starts with a capital: news pastes put headlines, bylines and datelines on lines
//! of their own, but hard-wrapped text must not be cut mid-sentence.

use super::tokens::{Token, TokenKind};
use super::words::{is_capitalised, is_closing, is_terminal};
use std::ops::Range;

fn starts_sentence(text: &str, t: &Token) -> bool {
    let s = t.span.slice(text);
    let first = s.chars().next().unwrap_or(' ');
    is_capitalised(s)
        || t.kind == TokenKind::Number
        || matches!(
            first,
            '"' | '\u{201C}' | '\u{2018}' | '\'' | '(' | '\u{00AB}' | '-' | '\u{2014}'
        )
}

/// Splits the tokens into sentences, returned as token-index ranges covering every token once.
pub fn split(text: &str, tokens: &[Token]) -> Vec<Range<usize>> {
    let mut sentences = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < tokens.len() {
        let t = &tokens[i];
        if i > start && t.newlines_before > 0 {
            let prev = tokens[i - 1].span.slice(text);
            let finished = is_terminal(prev) || is_closing(prev) || prev == ":";
            if t.newlines_before >= 2 || finished || starts_sentence(text, t) {
                sentences.push(start..i);
                start = i;
            }
        }
        if is_terminal(t.span.slice(text)) {
            let mut j = i + 1;
            while j < tokens.len() && tokens[j].newlines_before == 0 && is_closing(tokens[j].span.slice(text)) {
                j += 1;
            }
            if j >= tokens.len() {
                i = j;
                continue;
            }
            let next = &tokens[j];
            if next.space_before && starts_sentence(text, next) {
                sentences.push(start..j);
                start = j;
            }
            i = j;
            continue;
        }
        i += 1;
    }
    if start < tokens.len() {
        sentences.push(start..tokens.len());
    }
    sentences
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokens::tokenize;

    fn sents(text: &str) -> Vec<String> {
        let toks = tokenize(text, false);
        split(text, &toks)
            .into_iter()
            .map(|r| text[toks[r.start].span.start..toks[r.end - 1].span.end].to_string())
            .collect()
    }

    #[test]
    fn splits_after_closing_quote_and_not_after_mr() {
        let s = sents("\"We will win.\" Mr. Smith said so. He left.");
        assert_eq!(s, ["\"We will win.\"", "Mr. Smith said so.", "He left."]);
    }

    #[test]
    fn headline_lines_are_sentences_and_wrapped_lines_are_not() {
        let s = sents("Pence meets defectors\nWASHINGTON (Reuters) - The vice\npresident met them.");
        assert_eq!(
            s,
            [
                "Pence meets defectors",
                "WASHINGTON (Reuters) - The vice\npresident met them."
            ]
        );
    }
}
