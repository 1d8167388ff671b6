//! Places named by the noun before them: "the mayor of Lillington", "the outskirts of Tarvin",
//! "north of Kessock", "the MP for Grantham". The tagger reads an unfamiliar single name as a person or, after CoNLL's
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

/// The members of a parliament or an assembly elected for a seat: "the MP for Grantham".
pub(super) const MEMBERS: [&str; 3] = ["MEP", "MP", "MSP"];

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
        if !matches!(m.rule, EntityRule::Model | EntityRule::ConsistentLabel) || m.len() > MAX_TOKENS {
            continue;
        }
        // "the MP for Grantham": a member's seat is a place, whatever the tagger made of it, but
        // not a nation's word ("MEP for European affairs").
        let member = m.start >= 2
            && doc.token_text(m.start - 1) == "for"
            && MEMBERS.contains(&doc.token_text(m.start - 2))
            && (m.start..m.end).all(|j| lex[j].classes() & LexClass::Demonym.bit() == 0);
        if member && m.label != EntityLabel::Loc {
            let reason = format!("a place: the seat of an {}", doc.token_text(m.start - 2));
            mentions.decide(k, EntityLabel::Loc, EntityRule::PlaceOfNoun, reason);
            continue;
        }
        if !matches!(m.label, EntityLabel::Person | EntityLabel::Org | EntityLabel::Loc) {
            continue;
        }
        let mut of = m.start;
        if of > 0 && doc.token_text(of - 1) == "the" {
            of -= 1;
        }
        if of < 2 || doc.token_text(of - 1) != "of" || !place_of_cue(doc.token_text(of - 2)) {
            continue;
        }
        // A capitalised noun with neither "the" nor a title before it opens a work's or a band's
        // name ("King of the Hill", "Kings of Leon"), not a noun of place ("the Bishop of Durham",
        // "Lord Mayor of Brisbane").
        let titled = doc.is_capitalised(of - 2)
            && !(of >= 3 && (matches!(doc.token_text(of - 3), "the" | "The") || doc.is_capitalised(of - 3)));
        if titled {
            continue;
        }
        // "the centre of Clinton's campaign": the noun is the campaign's, not the person's.
        let possessive = m.label == EntityLabel::Person
            && m.end < doc.tokens.len()
            && matches!(doc.token_text(m.end), "'s" | "\u{2019}s");
        if possessive || (m.start..m.end).any(|j| lex[j].classes() & org != 0) {
            continue;
        }
        let reason = format!("a place: after \"{} of\"", doc.token_text(of - 2));
        mentions.decide(k, EntityLabel::Loc, EntityRule::PlaceOfNoun, reason);
    }
}

/// Words after which a single name is a place, not a person: in CoNLL-2003 train and wikigold,
/// 3 of some 880 one-word names after "in" are people, none after "near" or "across".
const PLACE_PREPOSITIONS: [&str; 3] = ["in", "near", "across"];

/// One word the tagger called a person, after "in", "near" or "across", is a place ("in
/// Tarvonia"), unless it is a known person's name that no list of places holds, or a possessive
/// follows ("in Smith's view").
pub(super) fn place_after_preposition(doc: &Document, lex: &[TokenLex], mentions: &mut Mentions) {
    let person = LexClass::GivenName.bit() | LexClass::Surname.bit();
    let place = LexClass::City.bit()
        | LexClass::Town.bit()
        | LexClass::Region.bit()
        | LexClass::Country.bit()
        | LexClass::WnPlace.bit();
    let n = doc.tokens.len();
    for k in 0..mentions.len() {
        let m = &mentions[k];
        if !super::unsure_lone_person(m) {
            continue;
        }
        let prep = doc.token_text(m.start - 1);
        let bits = lex[m.start].classes();
        let known_person = bits & person != 0 && bits & place == 0;
        let possessive = m.end < n && matches!(doc.token_text(m.end), "'s" | "\u{2019}s" | "'" | "\u{2019}");
        if PLACE_PREPOSITIONS.contains(&prep) && doc.is_capitalised(m.start) && !known_person && !possessive {
            let reason = format!("a place: one name after \"{prep}\"");
            mentions.decide(k, EntityLabel::Loc, EntityRule::PlaceAfterPreposition, reason);
        }
    }
}

/// "St." the tagger cut from the name after it ("St." + "Michael" for a church): no name is the
/// abbreviation alone, so the two are one place.
pub(super) fn saints(doc: &Document, mentions: &mut Mentions) {
    mentions.sort();
    let list = mentions.edit();
    let mut k = 0;
    while k + 1 < list.len() {
        let (a, b) = (&list[k], &list[k + 1]);
        let joined = a.len() == 1
            && matches!(doc.token_text(a.start), "St." | "St")
            && b.start == a.end
            && doc.tokens[b.start].newlines_before == 0
            && b.len() <= 2;
        if joined {
            let end = list[k + 1].end;
            list[k].end = end;
            list[k].decide(
                EntityLabel::Loc,
                EntityRule::SaintPlace,
                "a place: \"St.\" and the name after it".to_string(),
            );
            list.remove(k + 1);
        }
        k += 1;
    }
}
