//! Words of peoples, places and languages used as adjectives ("Germanic and Slavic tribes",
//! "Mycenaean script") or as the people ("the Athenians"): CoNLL's MISC, where the tagger, seeing
//! an unfamiliar capitalised word, called it a person, an organisation or a place.

use super::mentions::{Mention, Mentions};
use super::surnames::PERSONAL_NEXT;
use crate::annotation::{EntityLabel, EntityRule};
use crate::entities::lexicon::{LexClass, Lexicons, TokenLex};
use crate::text::Document;

/// True when `w` is a capitalised WordNet adjective (`data/entities/wn_adjectives.txt`).
fn wn_adjective(w: &str) -> bool {
    static LIST: super::SmallList = super::SmallList::new(include_str!("../../../data/entities/wn_adjectives.txt"));
    LIST.contains(w)
}

/// Small words after which a name is a noun of its own ("beat Celtic in", "the Scots on"), not an
/// adjective.
const NOT_A_NOUN: [&str; 16] = [
    "in", "of", "at", "on", "to", "for", "from", "with", "by", "as", "than", "the", "a", "an", "are", "were",
];

/// True when token `i` is a lower-case word a noun phrase can go on with ("tribes", "and"), not
/// something a person does ("said", "arrived") nor a small word after a name used as a noun.
fn noun_follows(doc: &Document, i: usize) -> bool {
    if i >= doc.tokens.len() || doc.tokens[i].newlines_before > 0 {
        return false;
    }
    let w = doc.token_text(i);
    w.chars().all(|c| c.is_ascii_lowercase())
        && !PERSONAL_NEXT.contains(&w)
        && !NOT_A_NOUN.contains(&w)
        && !w.ends_with("ed")
}

/// A single word the tagger called a person, an organisation or a place is MISC when it is a
/// WordNet adjective before a noun ("Slavic tribes"), or the plural of one ("Athenians") that the
/// tagger did not call an organisation (teams take such names: "Indians"). Names the lists hold as
/// countries, places, given names or organisations keep their label ("Burundi", "Norman"), and so
/// does a country's own adjective ("Bahraini village", "Philippine government"), which CoNLL
/// marks as the place.
pub(super) fn adjectives(doc: &Document, lexicons: &Lexicons, lex: &[TokenLex], mentions: &mut Mentions) {
    let named = LexClass::Country.bit()
        | LexClass::Region.bit()
        | LexClass::City.bit()
        | LexClass::Town.bit()
        | LexClass::GivenName.bit()
        | LexClass::Company.bit()
        | LexClass::NewsOrg.bit()
        | LexClass::WnOrg.bit()
        | LexClass::WnPlace.bit();
    for k in 0..mentions.len() {
        let m = &mentions[k];
        if m.len() != 1
            || !matches!(m.label, EntityLabel::Person | EntityLabel::Org | EntityLabel::Loc)
            || !matches!(m.rule, EntityRule::Model | EntityRule::ConsistentLabel)
            || lex[m.start].classes() & named != 0
        {
            continue;
        }
        let w = doc.token_text(m.start);
        let of_country = || {
            lex[m.start].begin & LexClass::Demonym.bit() != 0
                || lexicons.word(&format!("{w}s")) & LexClass::Country.bit() != 0
        };
        let before_noun = wn_adjective(w) && noun_follows(doc, m.end) && !of_country();
        let people = m.label != EntityLabel::Org && w.strip_suffix('s').is_some_and(wn_adjective);
        if before_noun || people {
            let reason = if people {
                format!("the people of a WordNet adjective (\"{}\")", &w[..w.len() - 1])
            } else {
                "a WordNet adjective before a noun".to_string()
            };
            mentions.decide(k, EntityLabel::Misc, EntityRule::AdjectiveOfPeople, reason);
        }
    }
}

/// "Malian-Norwegian", "British-Iranian": two nationalities joined by a hyphen are one MISC name
/// (CoNLL's "Iraqi-German"), whatever the tagger made of it.
pub(super) fn joined_nationalities(doc: &Document, lexicons: &Lexicons, mentions: &mut Mentions) {
    let demonym = LexClass::Demonym.bit();
    let mut found = Vec::new();
    for i in 0..doc.tokens.len() {
        let w = doc.token_text(i);
        // Cheap tests first: most tokens hold no hyphen.
        let Some((a, b)) = w.split_once('-') else {
            continue;
        };
        let capitalised = |p: &str| p.as_bytes().first().is_some_and(u8::is_ascii_uppercase);
        if !capitalised(a) || !capitalised(b) || lexicons.word(a) & demonym == 0 || lexicons.word(b) & demonym == 0 {
            continue;
        }
        // One such word the tagger called a person, an organisation or a place is the MISC name too.
        if let Some(k) = mentions.owner(i) {
            let m = &mentions[k];
            if m.len() == 1 && !matches!(m.label, EntityLabel::Misc | EntityLabel::Norp) {
                let reason = "two nationalities joined".to_string();
                mentions.decide(k, EntityLabel::Misc, EntityRule::JoinedNationalities, reason);
            }
            continue;
        }
        found.push(Mention::by_rule(
            i,
            i + 1,
            EntityLabel::Misc,
            EntityRule::JoinedNationalities,
            "two nationalities joined".to_string(),
        ));
    }
    mentions.extend(found);
}
