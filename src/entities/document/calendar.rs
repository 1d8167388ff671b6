//! The layers agree on calendar words: a month or weekday, full or abbreviated, that stands next to
//! a day number or another calendar word ("Feb. 3", "Tue Sept 12", "Mon Oct 5") is what the dates
//! layer reads as a date, never a name. Wire copy writes dates this way dozens of times an article,
//! and the tagger, seeing a capitalised word before a number, calls them people or organisations.

use super::mentions::Mentions;
use crate::fasthash::HashSet;
use crate::text::tokens::TokenKind;
use crate::text::words::Lowercase;
use crate::text::Document;
use std::sync::OnceLock;

/// The month and weekday names and abbreviations of the dates layer's own tables, lower case.
fn calendar_words() -> &'static HashSet<&'static [u8]> {
    static WORDS: OnceLock<HashSet<&'static [u8]>> = OnceLock::new();
    WORDS.get_or_init(|| {
        [
            include_str!("../../../data/dates/months.txt"),
            include_str!("../../../data/dates/weekdays.txt"),
        ]
        .into_iter()
        .flat_map(crate::data::lines)
        .filter_map(|line| line.split_whitespace().next())
        .map(str::as_bytes)
        .collect()
    })
}

/// The longest calendar word ("September").
const MAX_LEN: usize = 9;

/// True when token `i` is a month or weekday, with or without its period ("Sept.", "Tue").
pub(super) fn is_calendar(doc: &Document, i: usize) -> bool {
    let w = doc.token_text(i).trim_end_matches('.');
    if w.len() > MAX_LEN || !doc.is_capitalised(i) {
        return false;
    }
    // Rules ask about most capitalised words, so the word is lowered without a new string.
    calendar_words().contains(Lowercase::new(w).as_str().as_bytes())
}

/// Drops mentions made only of calendar words that stand in a date: next to a number or another
/// calendar word on the same line, or two calendar words together.
pub(super) fn calendar_dates(doc: &Document, mentions: &mut Mentions) {
    let n = doc.tokens.len();
    let dated = |i: usize| i < n && (doc.tokens[i].kind == TokenKind::Number || is_calendar(doc, i));
    let before = |s: usize| {
        let mut p = s;
        while p > 0 && matches!(doc.token_text(p - 1), "," | ".") {
            p -= 1;
        }
        p > 0 && doc.tokens[s].newlines_before == 0 && dated(p - 1)
    };
    let after = |e: usize| {
        let mut q = e;
        while q < n && doc.token_text(q) == "," && doc.tokens[q].newlines_before == 0 {
            q += 1;
        }
        // "Tue. Sept. 12": a period after an abbreviation, then another calendar word.
        let abbreviated = q + 1 < n && doc.token_text(q) == "." && is_calendar(doc, q + 1);
        let q = if abbreviated { q + 1 } else { q };
        q < n && doc.tokens[q].newlines_before == 0 && dated(q)
    };
    mentions.edit().retain(|m| {
        let calendar_only = (m.start..m.end).all(|i| is_calendar(doc, i) || doc.token_text(i) == ".");
        !(calendar_only && (m.len() >= 2 || before(m.start) || after(m.end)))
    });
}
