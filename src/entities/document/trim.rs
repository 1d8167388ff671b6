//! Titles and possessives are never part of a name; punctuation never ends one.

use super::mentions::Mentions;
use crate::annotation::EntityLabel;
use crate::entities::lexicon::{LexClass, TokenLex};
use crate::text::words::is_possessive;
use crate::text::Document;

/// True for a word of winning or being named for a prize ("Oscar-winning", "Bafta-nominated").
pub(super) fn prize_word(w: &str) -> bool {
    w.ends_with("-winning") || w.ends_with("-nominated")
}

/// Trims what the tagger took with a name: a possessive or punctuation at its end, a prize word at
/// its start ("Oscar-winning Gravity"), the titles before a person ("Vice President Mike Pence" ->
/// "Mike Pence"), and a title standing alone.
pub(super) fn trim(doc: &Document, lex: &[TokenLex], mentions: &mut Mentions) {
    let title = LexClass::Title.bit();
    let mut grew = Vec::new();
    for m in mentions.iter_mut() {
        while m.end > m.start {
            let t = doc.token_text(m.end - 1);
            if is_possessive(t) || matches!(t, "," | ";" | ":" | "\"" | "\u{201C}" | "\u{201D}" | "(" | "[" | "&") {
                m.end -= 1;
            } else {
                break;
            }
        }
        // "Douglas & Lomason" tagged from the "&": the name starts at the word before it.
        if doc.token_text(m.start) == "&"
            && m.start > 0
            && doc.is_capitalised(m.start - 1)
            && doc.tokens[m.start].newlines_before == 0
        {
            m.start -= 1;
            grew.push(m.start);
        }
        // "Oscar-winning Gravity": the prize is no part of the name after it (the works rule reads
        // it as the cue it is).
        if m.len() > 1 && prize_word(doc.token_text(m.start)) {
            m.start += 1;
        }
        if m.label == EntityLabel::Person {
            // Leading title words go while a capitalised word remains after them.
            while m.end - m.start > 1 && lex[m.start].classes() & title != 0 && doc.is_capitalised(m.start + 1) {
                m.start += 1;
            }
        }
    }
    // A title alone is no name: "Lord" in "Lord Ashcroft" tagged apart from the name it heads.
    mentions.edit().retain(|m| {
        m.end > m.start
            && !(m.end - m.start == 1
                && lex[m.start].begin & title != 0
                && (m.label == EntityLabel::Person || (m.end < doc.tokens.len() && doc.is_capitalised(m.end))))
    });
    // A name grown back over its first word replaces whatever mention held that word alone.
    if !grew.is_empty() {
        let grew: crate::fasthash::HashSet<usize> = grew.into_iter().collect();
        mentions
            .edit()
            .retain(|m| !(m.end == m.start + 1 && grew.contains(&m.start) && doc.token_text(m.end) == "&"));
    }
}
