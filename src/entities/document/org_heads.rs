//! Organisations known by their last word: a company word ("Scheldt Terminals"), an organisation
//! word ("World Anti-Doping Agency"), and that word alone once the article has named them ("the
//! Commission" after "European Commission").

use super::mentions::Mentions;
use crate::annotation::{EntityLabel, EntityRule};
use crate::entities::lexicon::{LexClass, Lexicons, RuleList, TokenLex};
use crate::text::Document;

/// A name of several words ending in a company word is an organisation; so is other name (MISC)
/// headed by an organisation word (Agency, Committee, Council, Association…), whatever the tagger
/// made of the unfamiliar words before it.
pub(super) fn org_heads(doc: &Document, lexicons: &Lexicons, lex: &[TokenLex], mentions: &mut Mentions) {
    let org = LexClass::OrgWord.bit();
    for k in 0..mentions.len() {
        let m = &mentions[k];
        // "Scheldt Terminals" read as a person: a company word ends it.
        let last = doc.token_text(m.end - 1);
        if m.label != EntityLabel::Org && m.len() >= 2 && lexicons.contains(RuleList::CompanyHeads, last) {
            mentions.decide(
                k,
                EntityLabel::Org,
                EntityRule::CompanyHead,
                format!("ends in \"{last}\""),
            );
            continue;
        }
        if !matches!(m.label, EntityLabel::Misc) || m.len() < 2 {
            continue;
        }
        // The head is the last word, or the word before "of" ("Council of Mortgage Lenders").
        let of = (m.start + 1..m.end).find(|&j| doc.token_text(j) == "of");
        let head = of.map_or(m.end - 1, |j| j - 1);
        // "Premier League", "Champions League" are competitions (MISC), as CoNLL has them.
        let word = doc.token_text(head);
        let head_word = lex[head].begin & org != 0 || lexicons.contains(RuleList::MiscOrgHeads, word);
        if head_word && doc.is_capitalised(head) && !word.eq_ignore_ascii_case("League") {
            mentions.decide(
                k,
                EntityLabel::Org,
                EntityRule::OrgWordHead,
                format!("headed by \"{word}\""),
            );
        }
    }
}

/// An organisation word alone, once the article has named the organisation it heads, is that
/// organisation.
pub(super) fn org_short_forms(doc: &Document, lex: &[TokenLex], mentions: &mut Mentions) {
    let org = LexClass::OrgWord.bit();
    mentions.sort();
    let mut heads: crate::fasthash::HashSet<&str> = crate::fasthash::HashSet::default();
    for k in 0..mentions.len() {
        let m = &mentions[k];
        let head = doc.token_text(m.end - 1);
        if m.label == EntityLabel::Org && m.len() >= 2 && lex[m.end - 1].begin & org != 0 {
            heads.insert(head);
        } else if m.len() == 1 && m.label != EntityLabel::Org && heads.contains(head) {
            let reason = "short for an organisation named earlier".to_string();
            mentions.decide(k, EntityLabel::Org, EntityRule::OrgShortForm, reason);
        }
    }
}
