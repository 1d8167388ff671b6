//! Tokenisation: words, numbers and punctuation, with byte spans.
//!
//! One linear pass over the chars. Choices follow news (and CoNLL) conventions: the
//! possessive `'s` is its own token ("Pence" + "'s") so names never carry it; hyphenated
//! words stay whole ("EU-wide"); numbers keep internal separators ("3,200", "18:30",
//! "2018-02-21"); known abbreviations and initials keep their period ("Mr.", "U.S.", "J.").

use super::span::Span;
use super::words::is_apostrophe;
use crate::fasthash::HashSet;

/// What kind of text a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Starts with a letter ("Pence", "EU-wide", "U.S.", "'s").
    Word,
    /// Starts with a digit ("2018", "3,200", "18:30").
    Number,
    /// Any other single char: punctuation, quotation marks, symbols, emoji.
    Punct,
}

/// One token of the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// Where the token is (bytes).
    pub span: Span,
    /// What kind of token it is.
    pub kind: TokenKind,
    /// Line breaks in the whitespace before this token, capped at 2 (2 = paragraph break).
    pub newlines_before: u8,
    /// True when whitespace (of any kind) precedes this token.
    pub space_before: bool,
    /// True for a word starting with an upper-case letter (see [`super::words::is_capitalised`]):
    /// known while tokenising, and the document rules ask it of every token many times over.
    pub capitalised: bool,
}

/// Abbreviations that keep their period, loaded once from `data/abbreviations.txt`.
pub(crate) fn abbreviations() -> &'static HashSet<&'static str> {
    static SET: std::sync::OnceLock<HashSet<&'static str>> = std::sync::OnceLock::new();
    SET.get_or_init(|| crate::data::lines(include_str!("../../data/abbreviations.txt")).collect())
}

#[inline]
fn is_word_char(c: char) -> bool {
    // Most chars are ASCII, where marks and modifiers cannot occur.
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    // Skin tones and tags extend the letter before them too ("A🏽" is one grapheme).
    c.is_alphanumeric() || is_mark(c) || is_emoji_modifier(c)
}

/// Combining marks continue the word they follow (so "é" written as e + U+0301 stays whole).
fn is_mark(c: char) -> bool {
    super::graphemes::extends_previous(c) && !is_emoji_modifier(c)
}

/// Splits `text` into tokens. Linear in the length of the text. In `hard_wrapped` text a single line
/// break is a space; only a blank line ends a paragraph.
pub fn tokenize(text: &str, hard_wrapped: bool) -> Vec<Token> {
    // Sized up front: growing it by doubling copied the whole array several times per text.
    let mut chars: Vec<(usize, char)> = Vec::with_capacity(text.len());
    chars.extend(text.char_indices());
    let n = chars.len();
    let byte = |i: usize| if i < n { chars[i].0 } else { text.len() };
    let ch = |i: usize| if i < n { Some(chars[i].1) } else { None };
    let abbr = abbreviations();
    let mut tokens = Vec::with_capacity(n / 4 + 1);
    let mut i = 0;
    let mut newlines = 0u8;
    let mut space = false;
    while i < n {
        let c = chars[i].1;
        if c.is_whitespace() {
            if c == '\n' {
                newlines = (newlines + 1).min(2);
            }
            space = true;
            i += 1;
            continue;
        }
        let start = i;
        let kind;
        if c.is_ascii_digit() || (c.is_numeric() && !c.is_alphabetic()) {
            kind = TokenKind::Number;
            i += 1;
            while let Some(d) = ch(i) {
                if is_word_char(d) {
                    i += 1;
                } else if matches!(d, ',' | '.' | ':' | '/' | '-') && ch(i + 1).is_some_and(|e| e.is_ascii_digit()) {
                    i += 2;
                } else {
                    break;
                }
            }
        } else if c.is_alphabetic() || (is_apostrophe(c) && starts_possessive(&chars, i)) {
            kind = TokenKind::Word;
            i += 1;
            while let Some(d) = ch(i) {
                if is_word_char(d) {
                    i += 1;
                } else if (d == '-' || d == '\u{2010}' || d == '&') && ch(i + 1).is_some_and(|e| e.is_alphanumeric()) {
                    i += 2;
                } else if is_apostrophe(d) && ch(i + 1).is_some_and(|e| e.is_alphabetic()) {
                    // "Pence's" splits before the apostrophe; "O'Malley" and "don't" stay whole.
                    if starts_possessive(&chars, i) {
                        break;
                    }
                    i += 2;
                } else if d == '.' && ch(i + 1).is_some_and(|e| e.is_alphabetic()) && ch(i + 2) == Some('.') {
                    // "U.S." and "a.m." : letter, period, letter, period.
                    i += 2;
                } else {
                    break;
                }
            }
            if ch(i) == Some('.') {
                let word = &text[byte(start)..byte(i)];
                let initial = word.chars().count() == 1 && word.chars().all(|c| c.is_uppercase());
                if initial || word.contains('.') || abbr.contains(word) {
                    i += 1;
                }
            }
        } else {
            kind = TokenKind::Punct;
            i += 1;
            // Keep a grapheme's trailing joiners and marks with it (emoji sequences, accents).
            // A joiner glues the next char only when it is not a space or line break.
            while ch(i).is_some_and(|d| {
                is_mark(d) || is_emoji_modifier(d) || (ch(i.wrapping_sub(1)) == Some('\u{200D}') && !d.is_whitespace())
            }) {
                i += 1;
            }
        }
        // Marks written on a token's last char ("U.S." + a skin tone, "A." + U+0301) belong to it.
        while ch(i).is_some_and(|d| is_mark(d) || is_emoji_modifier(d)) {
            i += 1;
        }
        tokens.push(Token {
            span: Span::new(byte(start), byte(i)),
            kind,
            newlines_before: if hard_wrapped && newlines == 1 { 0 } else { newlines },
            space_before: space,
            capitalised: kind == TokenKind::Word && chars[start].1.is_uppercase(),
        });
        newlines = 0;
        space = false;
    }
    tokens
}

fn is_emoji_modifier(c: char) -> bool {
    matches!(c as u32, 0x1F3FB..=0x1F3FF | 0xE0020..=0xE007F)
}

/// True when the apostrophe at `i` begins a possessive "'s" (followed by s and then a non-letter).
fn starts_possessive(chars: &[(usize, char)], i: usize) -> bool {
    let at = |k: usize| chars.get(k).map(|p| p.1);
    is_apostrophe(chars[i].1)
        && i > 0
        && chars[i - 1].1.is_alphanumeric()
        && matches!(at(i + 1), Some('s') | Some('S'))
        && !at(i + 2).is_some_and(|c| c.is_alphanumeric())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text, false).iter().map(|t| t.span.slice(text)).collect()
    }

    #[test]
    fn possessive_is_split_but_names_with_apostrophes_are_not() {
        assert_eq!(
            words("Pence's aide O'Malley don't"),
            ["Pence", "'s", "aide", "O'Malley", "don't"]
        );
        assert_eq!(words("Pyongyang’s"), ["Pyongyang", "’s"]);
    }

    #[test]
    fn numbers_abbreviations_and_hyphens_stay_whole() {
        assert_eq!(
            words("Mr. Smith of the U.S. paid $3,200 at 18:30 on 2018-02-21, EU-wide."),
            [
                "Mr.",
                "Smith",
                "of",
                "the",
                "U.S.",
                "paid",
                "$",
                "3,200",
                "at",
                "18:30",
                "on",
                "2018-02-21",
                ",",
                "EU-wide",
                "."
            ]
        );
    }

    #[test]
    fn emoji_sequences_are_one_token_and_newlines_are_counted() {
        let text = "Hi 👨🏻‍🚒 there\n\nNext";
        let toks = tokenize(text, false);
        assert_eq!(toks[1].span.slice(text), "👨🏻‍🚒");
        assert_eq!(toks[3].newlines_before, 2);
    }
}
