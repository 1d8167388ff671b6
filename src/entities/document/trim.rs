//! Titles and possessives are never part of a name; punctuation never ends one; a person's name
//! never runs over a verb or a conjunction.

use super::mentions::{Mention, Mentions};
use crate::annotation::{EntityLabel, EntityRule};
use crate::entities::lexicon::{LexClass, Lexicons, RuleList, TokenLex};
use crate::text::words::is_possessive;
use crate::text::Document;

/// True for a word of winning or being named for a prize ("Oscar-winning", "Bafta-nominated").
pub(super) fn prize_word(w: &str) -> bool {
    w.ends_with("-winning") || w.ends_with("-nominated")
}

/// Trims what the tagger took with a name: a possessive, punctuation or a member of a parliament
/// ("Labour MP") at its end, a prize word at
/// its start ("Oscar-winning Gravity"), the titles before a person ("Vice President Mike Pence" ->
/// "Mike Pence"), and a title standing alone.
pub(super) fn trim(doc: &Document, lex: &[TokenLex], mentions: &mut Mentions) {
    let title = LexClass::Title.bit();
    let mut grew = Vec::new();
    for m in mentions.iter_mut() {
        while m.end > m.start {
            let t = doc.token_text(m.end - 1);
            // "Labour MP", "Ruth Kelly MP", "UKIP MEPs": the member is no part of the name.
            let member = m.len() > 1 && super::place_cues::MEMBERS.contains(&t.strip_suffix('s').unwrap_or(t));
            if member
                || is_possessive(t)
                || matches!(t, "," | ";" | ":" | "\"" | "\u{201C}" | "\u{201D}" | "(" | "[" | "&")
            {
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

/// True when lower-case token `i` inside a person's name cuts it in two: a frequent word or one of
/// five letters or more ("Hodgson for Edwards", "Blair congratulates Bush"), but never a name's
/// particle ("de", "van"), "the" of an epithet ("Pitt the Younger") or "of" ("Catherine of
/// Aragon"), nor a short rare word that may be a particle no list holds ("dal").
fn cuts_name(doc: &Document, lexicons: &Lexicons, lex: &[TokenLex], i: usize) -> bool {
    let w = doc.token_text(i);
    w.len() >= 3
        && w.bytes().all(|b| b.is_ascii_lowercase())
        && (w.len() >= 5 || lex[i].begin & LexClass::Common.bit() != 0)
        && !matches!(w, "the" | "of")
        && !lexicons.contains(RuleList::NameParticles, w)
}

/// A person's name the tagger ran over a lower-case word between two capitalised ones, as in a
/// headline ("Blair congratulates Bush") or a line-up ("Hodgson for Edwards"), is two names; each
/// keeps the tagger's label and confidence, so the article's other mentions can still outvote it.
/// Such a word ending the name ("Harry nor") is dropped from it.
pub(super) fn split_at_lower_word(doc: &Document, lexicons: &Lexicons, lex: &[TokenLex], mentions: &mut Mentions) {
    let mut added = Vec::new();
    for m in mentions.iter_mut() {
        if m.label != EntityLabel::Person {
            continue;
        }
        // "Neither Harry nor Voldemort" tagged "Harry nor": the word is no part of the name.
        if m.len() >= 2 && cuts_name(doc, lexicons, lex, m.end - 1) {
            m.end -= 1;
            m.rule = EntityRule::SplitAtLowerWord;
            m.reason = format!("a name cut at \"{}\"", doc.token_text(m.end));
        }
        if m.len() < 3 {
            continue;
        }
        let Some(i) = (m.start + 1..m.end - 1).find(|&i| cuts_name(doc, lexicons, lex, i)) else {
            continue;
        };
        if !doc.is_capitalised(i - 1) || !doc.is_capitalised(i + 1) {
            continue;
        }
        let reason = format!("a name cut at \"{}\"", doc.token_text(i));
        let rest = Mention {
            start: i + 1,
            rule: EntityRule::SplitAtLowerWord,
            reason: reason.clone(),
            ..m.clone()
        };
        m.end = i;
        m.rule = EntityRule::SplitAtLowerWord;
        m.reason = reason;
        added.push(rest);
    }
    mentions.extend(added);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::model::Decision;
    use crate::entities::tags::{self, Class};

    /// The person names left after the split, when the tagger read all but the final stop as one.
    fn split(text: &str) -> Vec<String> {
        let doc = Document::new(text);
        let lexicons = Lexicons::new();
        let lex = lexicons.annotate(&doc);
        let n = doc.tokens.len();
        let tag = |i: usize| match i {
            0 => tags::begin(Class::Per),
            i if i + 1 < n => tags::inside(Class::Per),
            _ => tags::O,
        };
        let decisions: Vec<Decision> = (0..n).map(|i| Decision { tag: tag(i), prob: 0.9 }).collect();
        let mut mentions = Mentions::from_tags(n, &decisions);
        split_at_lower_word(&doc, &lexicons, &lex, &mut mentions);
        mentions.sort();
        mentions
            .iter()
            .map(|m| super::super::exact(&doc, m.start, m.end).to_string())
            .collect()
    }

    #[test]
    fn a_verb_or_conjunction_between_capitals_cuts_a_name() {
        assert_eq!(split("Tarrow congratulates Velkin ."), ["Tarrow", "Velkin"]);
        assert_eq!(split("Hodgkiss for Marrable ."), ["Hodgkiss", "Marrable"]);
        assert_eq!(split("Harry nor ."), ["Harry"]);
    }

    #[test]
    fn particles_epithets_and_short_rare_words_stay_inside() {
        assert_eq!(split("Anna van Berg ."), ["Anna van Berg"]);
        assert_eq!(split("Edric the Bold ."), ["Edric the Bold"]);
        assert_eq!(split("Carla dal Vecchio ."), ["Carla dal Vecchio"]);
    }
}
