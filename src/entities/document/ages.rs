//! A person's age set off by commas after a name: "Jutting, now 31, is on trial", "Ms Lane, 45,
//! said". Only a person is given an age this way, so the name before it is a person, whatever the
//! tagger called it or if it missed it.

use super::mentions::{Mention, Mentions};
use crate::annotation::{EntityLabel, EntityRule};
use crate::text::words::is_all_caps;
use crate::text::{Document, TokenKind};

/// The oldest age read as one: a larger number after a name is a count or a year.
const MAX_AGE: u32 = 110;

/// True when tokens from `i` read ", 31," or ", now 31,".
fn age_after(doc: &Document, i: usize) -> bool {
    let n = doc.tokens.len();
    let text = |j: usize| if j < n { doc.token_text(j) } else { "" };
    // The kind first: a comma is punctuation, and most tokens are words.
    if doc.tokens.get(i).is_none_or(|t| t.kind != TokenKind::Punct) || text(i) != "," {
        return false;
    }
    let k = if matches!(text(i + 1), "now" | "aged") {
        i + 2
    } else {
        i + 1
    };
    let age = text(k).parse::<u32>().is_ok_and(|a| (1..=MAX_AGE).contains(&a));
    age && text(k + 1) == "," && (i..=k + 1).all(|j| doc.tokens[j].newlines_before == 0)
}

/// Tags names followed by an age as people.
pub(super) fn ages(doc: &Document, mentions: &mut Mentions) {
    let n = doc.tokens.len();
    let reason = || "an age follows the name".to_string();
    for k in 0..mentions.len() {
        let m = &mentions[k];
        if m.label != EntityLabel::Person && m.rule == EntityRule::Model && m.end < n && age_after(doc, m.end) {
            mentions.decide(k, EntityLabel::Person, EntityRule::AgeAfterName, reason());
        }
    }
    // One capitalised word the tagger left out, not opening a clause's list of names.
    let mut added = Vec::new();
    for i in 0..n.saturating_sub(1) {
        // The comma after the name first: it turns away nearly every token at once.
        if !age_after(doc, i + 1) {
            continue;
        }
        let w = doc.token_text(i);
        let prev_capital = i > 0 && doc.is_capitalised(i - 1);
        if doc.is_capitalised(i)
            && !is_all_caps(w)
            && w.chars().all(char::is_alphabetic)
            && !prev_capital
            && !mentions.covered(i)
        {
            added.push(Mention::by_rule(
                i,
                i + 1,
                EntityLabel::Person,
                EntityRule::AgeAfterName,
                reason(),
            ));
        }
    }
    mentions.extend(added);
}
