//! Names the tagger cut in two: a nationality before an organisation ("Belgian" + "Transport
//! Union"), and a name ending in a joining word before the rest of it ("Federation of" + "Belgian
//! Enterprises").

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
