//! Famous people the tagger never met in 1996 news: "Stalin", "Tiberius", "Pompey", "Buddha". A
//! name in WordNet's list of people (`data/entities/wn_people.txt`, kept to names no list of
//! places, organisations or ordinary words claims) is a person, whether the tagger called it a
//! place, an organisation or nothing.

use super::exact;
use super::mentions::{Mention, Mentions};
use crate::annotation::{EntityLabel, EntityRule};
use crate::entities::lexicon::{Lexicons, RuleList};
use crate::text::words::is_all_caps;
use crate::text::Document;

/// The rules whose own evidence outweighs the list: a dateline's agency, a listed company, a
/// title of a work, a street ("Churchill Way"), a club or university named for a person.
fn settled(rule: EntityRule) -> bool {
    !matches!(
        rule,
        EntityRule::Model | EntityRule::GeographicName | EntityRule::PlaceList | EntityRule::KnownSurname
    )
}

fn reason() -> String {
    format!("lexicon: {}", RuleList::FamousPeople.name())
}

/// True when mention `k` is one of a list of names of its own label, joined by "and", "or" or a
/// comma: in "Ohio and Cornell universities" the list says what "Cornell" is.
fn listed_with_its_kind(doc: &Document, mentions: &mut Mentions, k: usize) -> bool {
    let (s, e, label) = (mentions[k].start, mentions[k].end, mentions[k].label);
    let joiner = |i: usize| matches!(doc.token_text(i), "and" | "or" | ",");
    let mut same = |i: usize| mentions.owner(i).is_some_and(|o| o != k && mentions[o].label == label);
    (s >= 2 && joiner(s - 1) && same(s - 2)) || (e + 1 < doc.tokens.len() && joiner(e) && same(e + 1))
}

/// Tags the famous people WordNet names as people.
pub(super) fn famous_people(doc: &Document, lexicons: &Lexicons, mentions: &mut Mentions) {
    let n = doc.tokens.len();
    // "the Rhine", "the Hudson": a person's name takes no article, a river or a ship does. A
    // name alone in quotation marks is a title ("the song \"Geronimo\"").
    let quote = |i: usize| {
        matches!(
            doc.token_text(i),
            "\"" | "\u{201C}" | "\u{201D}" | "'" | "\u{2018}" | "\u{2019}"
        )
    };
    // The list first: its test of the first byte turns away most words before anything else.
    let famous = |s: usize, e: usize| {
        let article = || s > 0 && matches!(doc.token_text(s - 1), "the" | "The");
        let quoted = || s > 0 && e < n && quote(s - 1) && quote(e);
        lexicons.contains(RuleList::FamousPeople, exact(doc, s, e))
            && (s..e).all(|i| doc.is_capitalised(i) && !is_all_caps(doc.token_text(i)))
            && !(article() || quoted())
    };
    for k in 0..mentions.len() {
        let m = &mentions[k];
        if m.len() == 1
            && m.label != EntityLabel::Person
            && !settled(m.rule)
            && famous(m.start, m.end)
            && !listed_with_its_kind(doc, mentions, k)
        {
            mentions.decide(k, EntityLabel::Person, EntityRule::FamousPerson, reason());
        }
    }
    // A name the tagger left out, standing alone: a capitalised word next to it would make it
    // part of a longer name ("Stalin Prize"), or a heading.
    let alone = |s: usize, e: usize| {
        let joined = |j: usize| doc.is_capitalised(j) && doc.tokens[j.max(s)].newlines_before == 0;
        !(s > 0 && joined(s - 1) || e < n && joined(e))
    };
    let mut added = Vec::new();
    for i in 0..n {
        // The capital first: a flag read, where the list costs a hash of the word.
        if doc.tokens[i].capitalised && famous(i, i + 1) && !mentions.covered(i) && alone(i, i + 1) {
            added.push(Mention::by_rule(
                i,
                i + 1,
                EntityLabel::Person,
                EntityRule::FamousPerson,
                reason(),
            ));
        }
    }
    mentions.extend(added);
}
