//! People the tagger called something else, or cut short: names that start with a known given name.

use super::mentions::Mentions;
use crate::annotation::{EntityLabel, EntityRule};
use crate::entities::lexicon::{LexClass, TokenLex};
use crate::text::words::is_all_caps;
use crate::text::Document;

/// "Rishi Sunak" tagged as an organisation: two or three capitalised words starting with a known
/// given name (that is not also a common word or a place) and not ending in an organisation word
/// are a person. And a given name the tagger cut from the person after it joins that person.
pub(super) fn given_names(doc: &Document, lex: &[TokenLex], mentions: &mut Mentions) {
    let not_name = LexClass::Common.bit()
        | LexClass::Country.bit()
        | LexClass::City.bit()
        | LexClass::Region.bit()
        | LexClass::Demonym.bit()
        | LexClass::Title.bit();
    let org = LexClass::OrgWord.bit() | LexClass::LegalSuffix.bit() | LexClass::NewsOrg.bit();
    for k in 0..mentions.len() {
        let m = &mentions[k];
        if m.label == EntityLabel::Person || m.rule == EntityRule::Dateline || !(2..=3).contains(&m.len()) {
            continue;
        }
        let first = lex[m.start].begin;
        let names_person = first & LexClass::GivenName.bit() != 0
            && first & not_name == 0
            && (m.start..m.end)
                .all(|i| doc.is_capitalised(i) && !is_all_caps(doc.token_text(i)) && lex[i].begin & org == 0);
        if names_person {
            let reason = format!("lexicon: {}", LexClass::GivenName.name());
            mentions.decide(k, EntityLabel::Person, EntityRule::GivenName, reason);
        }
    }
    // The tagger sometimes cuts a name after its given name ("Pierre" ORG + "Belec" PERSON,
    // "Democrat Walter" + "Mondale"): a given name right before a person mention joins it.
    mentions.sort();
    let mentions = mentions.edit();
    let mut k = 1;
    while k < mentions.len() {
        let (a, b) = mentions.split_at_mut(k);
        let prev = &mut a[k - 1];
        let cur = &mut b[0];
        let g = prev.end - 1;
        let joins = cur.label == EntityLabel::Person
            && prev.label != EntityLabel::Person
            && prev.end == cur.start
            && prev.rule != EntityRule::Dateline
            && doc.tokens[cur.start].newlines_before == 0
            && lex[g].begin & LexClass::GivenName.bit() != 0
            && lex[g].begin & not_name == 0
            && doc.is_capitalised(g)
            && !is_all_caps(doc.token_text(g));
        if joins {
            cur.start = g;
            prev.end = g;
            if prev.end == prev.start {
                mentions.remove(k - 1);
                continue;
            }
        }
        k += 1;
    }
}
