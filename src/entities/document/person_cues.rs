//! People named by the words after them: "Wintour herself appears", "Wright was born in Poole";
//! and one word after "the" that is no person ("the Qing dynasty").
//! Only a person is "herself" or "himself", or "was born"; the tagger, reading an unfamiliar name
//! or a surname that is also a word, calls it a place or nothing. In CoNLL-2003 train and wikigold,
//! every one-word name before these words is a person (10 of 10; the rest are "He" and the like,
//! which the lists turn away).

use super::mentions::{Mention, Mentions};
use crate::annotation::{EntityLabel, EntityRule};
use crate::entities::lexicon::{LexClass, Lexicons, RuleList, TokenLex};
use crate::text::words::is_all_caps;
use crate::text::Document;

/// True when the words from token `i` on are a person's cue: "himself", "herself", "was born".
fn cue_at(doc: &Document, i: usize) -> bool {
    match doc.token_text(i) {
        "himself" | "herself" => true,
        "was" => i + 1 < doc.tokens.len() && doc.token_text(i + 1) == "born",
        _ => false,
    }
}

/// One capitalised word right before such a cue is a person: a person's mention is added where
/// the tagger found none, and a one-word place or organisation it found becomes the person. A
/// frequent word that is no listed name ("It", "Man"), a people's or a title's word ("Spaniard",
/// "President") and a word after "the" or another capitalised word are left alone.
pub(super) fn person_cues(doc: &Document, lex: &[TokenLex], mentions: &mut Mentions) {
    let names = LexClass::Surname.bit() | LexClass::GivenName.bit();
    let not_person = LexClass::Demonym.bit() | LexClass::Title.bit() | LexClass::Country.bit();
    let reason = || "a person: before \"himself\", \"herself\" or \"was born\"".to_string();
    let mut added = Vec::new();
    for c in 1..doc.tokens.len() {
        let i = c - 1;
        if !cue_at(doc, c) || !doc.is_capitalised(i) {
            continue;
        }
        let t = doc.token_text(i);
        let bits = lex[i].classes();
        let plain_word = bits & LexClass::Common.bit() != 0 && bits & names == 0;
        let joined = i > 0 && doc.tokens[i].newlines_before == 0 && doc.is_capitalised(i - 1);
        let after_article = i > 0 && matches!(doc.token_text(i - 1), "the" | "The" | "a" | "an");
        // "He himself": a pronoun is a surname in the census list too.
        let pronoun = matches!(t, "He" | "She" | "It" | "One");
        if is_all_caps(t)
            || !t.chars().all(char::is_alphabetic)
            || plain_word
            || pronoun
            || after_article
            || bits & not_person != 0
        {
            continue;
        }
        match mentions.owner(i) {
            None if !joined => {
                added.push(Mention::by_rule(
                    i,
                    i + 1,
                    EntityLabel::Person,
                    EntityRule::PersonCue,
                    reason(),
                ));
            }
            Some(k) => {
                let m = &mentions[k];
                if m.len() == 1 && m.label != EntityLabel::Person && m.rule == EntityRule::Model {
                    mentions.decide(k, EntityLabel::Person, EntityRule::PersonCue, reason());
                }
            }
            None => {}
        }
    }
    mentions.extend(added);
}

/// One word after "the" that the tagger called a person, unsure, and that no list of given names,
/// surnames or famous people holds, is other (MISC): a dynasty, a people or a work ("the Qing
/// dynasty", "the Romans"). In CoNLL-2003 train and wikigold, 32 of some 1,250 one-word names after
/// "the" are people, and most of those are listed names before a noun ("the Clinton
/// administration") or families ("the Kennedys", which the lists hold too).
pub(super) fn not_person_after_the(doc: &Document, lexicons: &Lexicons, lex: &[TokenLex], mentions: &mut Mentions) {
    let names = LexClass::Surname.bit() | LexClass::GivenName.bit();
    for k in 0..mentions.len() {
        let m = &mentions[k];
        if !super::unsure_lone_person(m)
            || !matches!(doc.token_text(m.start - 1), "the" | "The")
            || lex[m.start].classes() & names != 0
            || lexicons.contains(RuleList::FamousPeople, doc.token_text(m.start))
        {
            continue;
        }
        let reason = "other: one word after \"the\" that no list of people holds".to_string();
        mentions.decide(k, EntityLabel::Misc, EntityRule::NotPersonAfterThe, reason);
    }
}
