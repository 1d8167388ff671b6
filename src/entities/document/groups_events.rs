//! The NORP/EVENT split of the tagger's MISC (CoNLL has no such labels): nationalities and groups,
//! and named events.

use super::mentions::{Mention, Mentions};
use crate::annotation::{EntityLabel, EntityRule};
use crate::entities::lexicon::{LexClass, Lexicons, TokenLex};
use crate::text::Document;

/// MISC that is a nationality or group becomes NORP; MISC with an event word becomes EVENT
/// (taking a year in front of it: "2018 Winter Olympics"). The reason stays the tagger's: it
/// found the name; the rule only names its kind.
pub(super) fn split_misc(doc: &Document, lexicons: &Lexicons, lex: &[TokenLex], mentions: &mut Mentions) {
    let norp = LexClass::Demonym.bit() | LexClass::Group.bit();
    mentions.sort();
    for m in mentions.iter_mut() {
        if m.label != EntityLabel::Misc {
            continue;
        }
        if lexicons.phrase(doc, m.start..m.end) & norp != 0 {
            m.label = EntityLabel::Norp;
            m.rule = EntityRule::NationalityOrGroup;
        } else if (m.start..m.end).any(|i| lex[i].begin & LexClass::EventWord.bit() != 0 && doc.is_capitalised(i)) {
            m.label = EntityLabel::Event;
            m.rule = EntityRule::EventWord;
        }
    }
    // "Winter" + "Olympics" tagged apart are one event.
    let list = mentions.edit();
    let mut merged: Vec<Mention> = Vec::with_capacity(list.len());
    for m in list.drain(..) {
        if let Some(prev) = merged.last_mut() {
            if m.label == EntityLabel::Event
                && prev.end == m.start
                && matches!(prev.label, EntityLabel::Misc | EntityLabel::Event)
                && doc.tokens[m.start].newlines_before == 0
            {
                prev.end = m.end;
                prev.label = EntityLabel::Event;
                prev.rule = EntityRule::EventWord;
                continue;
            }
        }
        merged.push(m);
    }
    *list = merged;
    // "the 2018 Winter Olympics": the year is part of the event's name. Decided for every event
    // first, then applied, so one event's year never hides another's.
    let mut years = Vec::new();
    for k in 0..mentions.len() {
        let (label, start) = (mentions[k].label, mentions[k].start);
        if label == EntityLabel::Event
            && start > 0
            && !mentions.covered(start - 1)
            && is_year(doc.token_text(start - 1))
        {
            years.push(k);
        }
    }
    let list = mentions.edit();
    for k in years {
        list[k].start -= 1;
    }
}

/// A four-digit year of the 20th or 21st century.
fn is_year(y: &str) -> bool {
    y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()) && (y.starts_with("19") || y.starts_with("20"))
}
