//! Word and punctuation predicates every layer reads tokens with, defined once so that the layers
//! agree on what a capitalised word, a possessive or a sentence end is.

/// True when the word starts with an upper-case letter ("Pence", "EU-wide", "Élysée").
#[inline]
pub fn is_capitalised(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// True when the word has letters and none of them is lower case ("WASHINGTON", "U.S.", "G7").
#[inline]
pub fn is_all_caps(w: &str) -> bool {
    w.chars().any(char::is_alphabetic) && !w.chars().any(char::is_lowercase)
}

/// True for the possessive token "'s", with a straight or curly apostrophe, in either case (the
/// tokenizer splits it from the name: "Pence" + "'s").
#[inline]
pub fn is_possessive(w: &str) -> bool {
    matches!(w, "'s" | "'S" | "\u{2019}s" | "\u{2019}S")
}

/// True for an apostrophe, straight or curly (U+2019, which is also the closing single quote).
#[inline]
pub fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

/// True for a token that ends a sentence: `.`, `!`, `?` or `…`.
#[inline]
pub fn is_terminal(w: &str) -> bool {
    matches!(w, "." | "!" | "?" | "\u{2026}")
}

/// True for a token that may close a sentence after its terminal: a closing quotation mark or
/// bracket (`"`, `'`, `”`, `’`, `)`, `]`, `»`).
#[inline]
pub fn is_closing(w: &str) -> bool {
    matches!(w, "\"" | "'" | "\u{201D}" | "\u{2019}" | ")" | "]" | "\u{00BB}")
}

/// True for a dash between a dateline and the story: hyphen-minus, en dash, em dash, or "--"
/// (which this crate's tokenizer splits in two, but a caller's word list may hold whole).
#[inline]
pub fn is_dash(w: &str) -> bool {
    matches!(w, "-" | "\u{2013}" | "\u{2014}" | "--")
}

/// A word in lower case, as `str::to_lowercase` gives it. A short ASCII word (nearly every token
/// compared against a word list) is lowered on the stack: a `String` per comparison cost more
/// than the comparison.
pub struct Lowercase {
    buf: [u8; 32],
    len: usize,
    /// The word lowered by `to_lowercase`, when it is not short ASCII.
    other: Option<String>,
}

impl Lowercase {
    /// `w` in lower case.
    #[inline(never)]
    pub fn new(w: &str) -> Self {
        let mut buf = [0u8; 32];
        match buf.get_mut(..w.len()) {
            Some(lower) if w.is_ascii() => {
                // Lowered while copied: a copy of a slice of unknown length is a memcpy call.
                for (d, &b) in lower.iter_mut().zip(w.as_bytes()) {
                    *d = b.to_ascii_lowercase();
                }
                Lowercase {
                    buf,
                    len: w.len(),
                    other: None,
                }
            }
            _ => Lowercase {
                buf,
                len: 0,
                other: Some(w.to_lowercase()),
            },
        }
    }

    /// The lower-case word.
    #[inline(never)]
    pub fn as_str(&self) -> &str {
        match &self.other {
            Some(s) => s,
            // ASCII bytes: always UTF-8.
            None => std::str::from_utf8(self.buf.get(..self.len).unwrap_or_default()).unwrap_or_default(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn capitals_and_all_caps() {
        assert!(is_capitalised("Élysée") && is_capitalised("EU-wide") && !is_capitalised("eBay"));
        assert!(!is_capitalised("") && !is_capitalised("2018"));
        assert!(is_all_caps("WASHINGTON") && is_all_caps("U.S.") && is_all_caps("G7"));
        assert!(!is_all_caps("Washington") && !is_all_caps("2018") && !is_all_caps("--"));
    }

    #[test]
    fn possessives_sentence_ends_and_dashes() {
        assert!(is_possessive("'s") && is_possessive("\u{2019}S") && !is_possessive("s"));
        assert!(is_terminal("\u{2026}") && !is_terminal(";"));
        assert!(is_closing("\u{201D}") && !is_closing("\u{201C}"));
        assert!(is_dash("\u{2014}") && !is_dash("\u{2015}") && !is_dash(","));
        assert!(is_apostrophe('\u{2019}') && !is_apostrophe('`'));
    }

    #[test]
    fn lowering_on_the_stack_reads_as_to_lowercase() {
        let long = "A".repeat(40);
        for w in ["", "The", "SAID", "Straße", "ΟΔΟΣ", "İstanbul", long.as_str()] {
            assert_eq!(Lowercase::new(w).as_str(), w.to_lowercase(), "{w:?}");
        }
    }
}
