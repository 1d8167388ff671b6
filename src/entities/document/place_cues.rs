//! Places named by the noun before them: "the mayor of Lillington", "the outskirts of Tarvin",
//! "north of Kessock". The tagger reads an unfamiliar single name as a person or, after CoNLL's
//! sports tables, a town as a team; the noun before "of" says it is the place.

use super::mentions::Mentions;
use crate::annotation::{EntityLabel, EntityRule};
use crate::entities::lexicon::{LexClass, TokenLex};
use crate::text::Document;

/// Longest name (in tokens) the rule relabels: a place after such a noun is short.
const MAX_TOKENS: usize = 3;

/// True when `w` (any case) is a noun that names a part, ruler or people of a place
/// (`data/entities/place_of_cues.txt`).
fn place_of_cue(w: &str) -> bool {
    static LIST: super::SmallList = super::SmallList::new(include_str!("../../../data/entities/place_of_cues.txt"));
    w.chars().next().is_some_and(char::is_alphabetic) && (LIST.contains(w) || LIST.contains(&w.to_lowercase()))
}

/// A short name right after a place noun and "of" (or "of the") is a place, unless a word of it
/// is an organisation's ("the town of Fulham Football Club" keeps its club). A place the tagger
/// found is decided too, so that the rest of the article follows it ("Lillington grew" tagged a
/// team elsewhere).
pub(super) fn place_of(doc: &Document, lex: &[TokenLex], mentions: &mut Mentions) {
    let org = LexClass::OrgWord.bit()
        | LexClass::Company.bit()
        | LexClass::NewsOrg.bit()
        | LexClass::LegalSuffix.bit()
        | LexClass::WnOrg.bit();
    for k in 0..mentions.len() {
        let m = &mentions[k];
        if !matches!(m.label, EntityLabel::Person | EntityLabel::Org | EntityLabel::Loc)
            || !matches!(m.rule, EntityRule::Model | EntityRule::ConsistentLabel)
            || m.len() > MAX_TOKENS
        {
            continue;
        }
        let mut of = m.start;
        if of > 0 && doc.token_text(of - 1) == "the" {
            of -= 1;
        }
        if of < 2 || doc.token_text(of - 1) != "of" || !place_of_cue(doc.token_text(of - 2)) {
            continue;
        }
        // "the centre of Clinton's campaign": the noun is the campaign's, not the person's.
        let possessive = m.label == EntityLabel::Person
            && m.end < doc.tokens.len()
            && matches!(doc.token_text(m.end), "'s" | "\u{2019}s");
        if possessive || (m.start..m.end).any(|j| (lex[j].begin | lex[j].inside) & org != 0) {
            continue;
        }
        let reason = format!("a place: after \"{} of\"", doc.token_text(of - 2));
        mentions.decide(k, EntityLabel::Loc, EntityRule::PlaceOfNoun, reason);
    }
}
