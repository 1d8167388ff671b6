//! Names the tagger cut in two: a nationality before an organisation ("Belgian" + "Transport
//! Union"), a name ending in a joining word before the rest of it ("Federation of" + "Belgian
//! Enterprises"), two nouns joined by "and" ("Health and" + "Safety Executive"), and a party's
//! name cut before its group word ("Liberal" + "Democrat").

use super::mentions::{Mention, Mentions};
use crate::annotation::{EntityLabel, EntityRule};
use crate::entities::lexicon::{LexClass, Lexicons, RuleList, TokenLex};
use crate::text::Document;

/// A nationality right before an organisation headed by an organisation word is part of its name
/// ("Czech National Bank", "Palestinian Authority").
pub(super) fn demonym_orgs(doc: &Document, lex: &[TokenLex], mentions: &mut Mentions) {
    let org = LexClass::OrgWord.bit();
    mentions.sort();
    let list = mentions.edit();
    let mut out: Vec<Mention> = Vec::with_capacity(list.len());
    for b in list.drain(..) {
        let joins = out.last().is_some_and(|a| {
            a.label == EntityLabel::Misc
                && a.len() == 1
                && lex[a.start].begin & LexClass::Demonym.bit() != 0
                && b.label == EntityLabel::Org
                && b.start == a.end
                && b.len() >= 2
                && doc.tokens[b.start].newlines_before == 0
                && lex[b.end - 1].begin & org != 0
        });
        match out.last_mut() {
            Some(a) if joins => {
                *a = Mention {
                    start: a.start,
                    rule: EntityRule::WithNationality,
                    reason: format!("{}; with its nationality", b.reason),
                    ..b
                };
            }
            _ => out.push(b),
        }
    }
    *list = out;
}

/// A name never ends in a joining word (`data/entities/name_joiners.txt`): the tagger cut it, and
/// the mention right after is the rest of it. With nothing after, the joining word is dropped.
pub(super) fn dangling_of(doc: &Document, lexicons: &Lexicons, mentions: &mut Mentions) {
    let dangles = |m: &Mention| m.len() >= 2 && lexicons.contains(RuleList::NameJoiners, doc.token_text(m.end - 1));
    mentions.sort();
    let list = mentions.edit();
    let mut out: Vec<Mention> = Vec::with_capacity(list.len());
    for b in list.drain(..) {
        match out.last_mut() {
            Some(a) if dangles(a) && b.start == a.end && doc.tokens[b.start].newlines_before == 0 => {
                a.rule = EntityRule::RunsOnAfterJoiningWord;
                a.reason = format!("{}; the name runs on after \"{}\"", a.reason, doc.token_text(a.end - 1));
                a.end = b.end;
            }
            _ => {
                if let Some(a) = out.last_mut().filter(|a| dangles(a)) {
                    a.end -= 1;
                }
                out.push(b);
            }
        }
    }
    if let Some(a) = out.last_mut().filter(|a| dangles(a)) {
        a.end -= 1;
    }
    *list = out;
}

/// A party named by a word and a group word: "Liberal Democrat leader", which the tagger reads as
/// an organisation ("Liberal") and a party member ("Democrat"), is one organisation, as "Lib Dem"
/// and "Labour" are. Only a one-word organisation right before a one-word group word on one line.
pub(super) fn party_names(doc: &Document, lex: &[TokenLex], mentions: &mut Mentions) {
    let group = LexClass::Group.bit();
    mentions.sort();
    let list = mentions.edit();
    let mut out: Vec<Mention> = Vec::with_capacity(list.len());
    for b in list.drain(..) {
        let joins = out.last().is_some_and(|a| {
            a.label == EntityLabel::Org
                && a.len() == 1
                && b.len() == 1
                && b.start == a.end
                && matches!(b.label, EntityLabel::Misc | EntityLabel::Norp)
                && lex[b.start].begin & group != 0
                && lex[a.start].classes() & group == 0
                && doc.tokens[b.start].newlines_before == 0
        });
        match out.last_mut() {
            Some(a) if joins => {
                a.end = b.end;
                let reason = format!(
                    "a party: {} before the group word {}",
                    doc.token_text(a.start),
                    doc.token_text(b.start)
                );
                a.decide(EntityLabel::Org, EntityRule::PartyName, reason);
            }
            _ => out.push(b),
        }
    }
    *list = out;
}

/// "Health and Safety Executive", "Import and Export Corp": an organisation the tagger found from
/// the noun after "and" on takes the capitalised words before "and" too, where the tagger found no
/// name in them and the words on both sides of "and" are ordinary nouns. Two names joined ("Acme
/// and Borel Corp") stay apart: a name's own word is no ordinary noun.
pub(super) fn noun_pairs(doc: &Document, lex: &[TokenLex], mentions: &mut Mentions) {
    let common = LexClass::Common.bit();
    // A word some list holds as a name, or as an organisation's own word ("Senate", "Ford"), is
    // no ordinary noun here.
    let named = LexClass::GivenName.bit()
        | LexClass::Surname.bit()
        | LexClass::City.bit()
        | LexClass::Town.bit()
        | LexClass::Country.bit()
        | LexClass::Region.bit()
        | LexClass::Demonym.bit()
        | LexClass::Company.bit()
        | LexClass::OrgWord.bit()
        | LexClass::LegalSuffix.bit();
    let noun = |i: usize| lex[i].begin & common != 0 && lex[i].classes() & named == 0;
    let mut found = Vec::new();
    for k in 0..mentions.len() {
        let (a, end) = (mentions[k].start, mentions[k].end);
        if mentions[k].label != EntityLabel::Org || a < 3 || doc.token_text(a - 1) != "and" {
            continue;
        }
        let j = a - 2;
        let on_one_line = doc.tokens[a].newlines_before == 0 && doc.tokens[a - 1].newlines_before == 0;
        if !on_one_line || !doc.is_capitalised(j) || !noun(a) || !noun(j) {
            continue;
        }
        let mut s = j;
        while s > 0
            && doc.tokens[s].newlines_before == 0
            && doc.is_capitalised(s - 1)
            && !matches!(doc.token_text(s - 1), "The" | "A" | "An")
        {
            s -= 1;
        }
        // The words before "and" are no name the tagger found ("Irish Navy and Air Corps" are
        // two), nor a nation's word.
        let national = LexClass::Demonym.bit() | LexClass::Country.bit();
        let free = (s..=j).all(|i| lex[i].begin & national == 0 && mentions.owner(i).is_none());
        if free {
            found.push(Mention::by_rule(
                s,
                end,
                EntityLabel::Org,
                EntityRule::NounPairName,
                format!("two nouns joined by \"and\" before {}", doc.token_text(end - 1)),
            ));
        }
    }
    mentions.replace_overlapping(found);
}

/// "People's" the tagger left out of the name it opens ("People’s Republic of China", read past
/// a curly apostrophe): it is the name's first word, as in CoNLL's "People's Republic of China"
/// and "Pakistan People's Party".
pub(super) fn peoples(doc: &Document, mentions: &mut Mentions) {
    for m in mentions.iter_mut() {
        let s = m.start;
        let opens = s >= 2
            && doc.token_text(s - 2) == "People"
            && crate::text::words::is_possessive(doc.token_text(s - 1))
            && doc.tokens[s - 1].newlines_before == 0
            && doc.tokens[s].newlines_before == 0
            && doc.is_capitalised(s)
            && matches!(m.label, EntityLabel::Loc | EntityLabel::Org);
        if opens {
            m.start = s - 2;
            let label = m.label;
            m.decide(
                label,
                EntityRule::PeoplesName,
                "\"People's\" opens the name".to_string(),
            );
        }
    }
}
