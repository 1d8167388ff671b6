//! People named in a pair: "talks between Aoun and Hariri", "historians such as Chandler and
//! Weller". The tagger reads an unfamiliar one-word name as a place or a team; joined by "and" to
//! a person, it is a person too (in CoNLL-2003 train and wikigold, 87 of 113 one-word names joined
//! so to a person are people, and most of the rest are places or clubs a list knows).

use super::mentions::Mentions;
use crate::annotation::{EntityLabel, EntityRule};
use crate::entities::lexicon::{LexClass, TokenLex};
use crate::text::words::is_all_caps;
use crate::text::Document;

/// One word the tagger called a place or an organisation, joined by "and" to a person right before
/// or after it, is a person, unless a list of places, organisations or peoples holds it or it is
/// written in capitals ("Dole and NATO"), or "the" or "of" is before it ("Cinema of the Future").
pub(super) fn person_pairs(doc: &Document, lex: &[TokenLex], mentions: &mut Mentions) {
    let known = LexClass::Country.bit()
        | LexClass::Region.bit()
        | LexClass::City.bit()
        | LexClass::Town.bit()
        | LexClass::WnPlace.bit()
        | LexClass::Demonym.bit()
        | LexClass::OrgWord.bit()
        | LexClass::NewsOrg.bit()
        | LexClass::Company.bit()
        | LexClass::WnOrg.bit()
        | LexClass::Group.bit()
        | LexClass::EventWord.bit();
    let n = doc.tokens.len();
    for k in 0..mentions.len() {
        let m = &mentions[k];
        let i = m.start;
        if m.len() != 1
            || !matches!(m.label, EntityLabel::Loc | EntityLabel::Org)
            || m.rule != EntityRule::Model
            || !doc.is_capitalised(i)
            || is_all_caps(doc.token_text(i))
            || (lex[i].begin | lex[i].inside) & known != 0
            || (i > 0 && matches!(doc.token_text(i - 1), "the" | "of"))
        {
            continue;
        }
        let after = i + 2 < n && doc.token_text(i + 1) == "and" && person_at(doc, mentions, i + 2, true);
        let before = i >= 2 && doc.token_text(i - 1) == "and" && person_at(doc, mentions, i - 2, false);
        if after || before {
            let reason = "a person: joined by \"and\" to a person".to_string();
            mentions.decide(k, EntityLabel::Person, EntityRule::PersonPair, reason);
        }
    }
}

/// The tagger's confidence under which its "person" is too weak to lend its label.
const SURE: f32 = 0.9;

/// True when a person's mention starts (`starts`) or ends at token `i`, one the tagger is sure of
/// or a rule decided, with no "of" in it ("Duke of Cumberland and Strathearn" names places) and no
/// possessive after it ("Papworth and Addenbrooke's Hospitals").
fn person_at(doc: &Document, mentions: &mut Mentions, i: usize, starts: bool) -> bool {
    mentions.owner(i).is_some_and(|o| {
        let m = &mentions[o];
        let at = if starts { m.start == i } else { m.end == i + 1 };
        let possessive =
            m.end < doc.tokens.len() && matches!(doc.token_text(m.end), "'s" | "\u{2019}s" | "'" | "\u{2019}");
        m.label == EntityLabel::Person
            && at
            && m.confidence.is_none_or(|c| c >= SURE)
            && !possessive
            && !(m.start..m.end).any(|j| doc.token_text(j) == "of")
    })
}
