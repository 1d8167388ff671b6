//! One label per name in the article: the label the name has elsewhere, and a person's surname or
//! a company's first word repeated later.

use super::mentions::{Mention, Mentions};
use super::{exact, key};
use crate::annotation::{EntityLabel, EntityRule};
use crate::entities::hash::PassThroughBuild;
use crate::entities::lexicon::{LexClass, TokenLex};
use crate::text::words::is_all_caps;
use crate::text::{Document, Span};
use std::collections::HashMap;

/// A confidence at which the tagger's label stands unless the rest of the article clearly
/// disagrees (gives the other label more than twice the weight).
const CONSISTENCY_CONF: f32 = 0.9;

/// The same name gets one label in the whole article: the label the model is surest of, summed
/// over the name's mentions, and PERSON whenever the model called it a person with confidence.
pub(super) fn consistent_labels(doc: &Document, mentions: &mut Mentions) {
    let mut votes: HashMap<&str, [f32; 6]> = HashMap::new();
    let idx = |l: EntityLabel| l as usize;
    for m in mentions.iter() {
        if m.rule == EntityRule::Dateline {
            continue;
        }
        let v = votes.entry(exact(doc, m.start, m.end)).or_insert([0.0; 6]);
        v[idx(m.label)] += m.confidence.unwrap_or(1.0);
    }
    for k in 0..mentions.len() {
        let m = &mentions[k];
        if m.rule == EntityRule::Dateline {
            continue;
        }
        let Some(v) = votes.get(&exact(doc, m.start, m.end)) else {
            continue;
        };
        let best = (0..6).fold(0, |b, k| if v[k] > v[b] { k } else { b });
        let label = [
            EntityLabel::Person,
            EntityLabel::Org,
            EntityLabel::Loc,
            EntityLabel::Norp,
            EntityLabel::Event,
            EntityLabel::Misc,
        ][best];
        let own = v[idx(m.label)];
        if label != m.label && (m.confidence.unwrap_or(1.0) < CONSISTENCY_CONF || v[best] > 2.0 * own) {
            let reason = format!("tagged {} elsewhere in the article", label.as_str());
            mentions.decide(k, label, EntityRule::ConsistentLabel, reason);
        }
    }
}

/// A person's name (or surname) repeated later without a tag is the same person; a shorter
/// mention tagged as something else is relabelled ("Ayers" after "Nick Ayers").
pub(super) fn repeat_names(doc: &Document, lex: &[TokenLex], mentions: &mut Mentions) {
    let common = LexClass::Common.bit() | LexClass::Title.bit();
    let org_end = LexClass::LegalSuffix.bit() | LexClass::OrgWord.bit();
    // "Iraqi National Congress" and "Washington Post" do not make "Iraqi" or "Washington" an organisation.
    let not_org_short = LexClass::Country.bit()
        | LexClass::Region.bit()
        | LexClass::City.bit()
        | LexClass::Demonym.bit()
        | LexClass::Group.bit();
    // short form key -> (label, full name): a person's surname, a company's first word.
    let mut names: HashMap<u64, (EntityLabel, String), PassThroughBuild> = HashMap::default();
    let mut clash: Vec<u64> = Vec::new();
    for m in mentions.iter() {
        if m.len() < 2 {
            continue;
        }
        let short = match m.label {
            EntityLabel::Person => m.end - 1,
            EntityLabel::Org if lex[m.end - 1].begin & org_end != 0 && lex[m.start].begin & not_org_short == 0 => {
                m.start
            }
            _ => continue,
        };
        let full = Span::new(doc.tokens[m.start].span.start, doc.tokens[m.end - 1].span.end)
            .slice(doc.text)
            .to_string();
        if doc.is_capitalised(short) && !is_all_caps(doc.token_text(short)) && lex[short].begin & common == 0 {
            let k = key(doc, short, short + 1);
            match names.get(&k) {
                Some((l, _)) if *l != m.label => clash.push(k),
                Some(_) => {}
                None => {
                    names.insert(k, (m.label, full));
                }
            }
        }
    }
    for k in clash {
        names.remove(&k);
    }
    if names.is_empty() {
        return;
    }
    let same_name = |full: &str| format!("same name as {full} earlier");
    for k in 0..mentions.len() {
        let m = &mentions[k];
        if m.len() == 1 {
            if let Some((label, full)) = names.get(&key(doc, m.start, m.end)) {
                if m.label != *label {
                    mentions.decide(k, *label, EntityRule::SameName, same_name(full));
                }
            }
        }
    }
    let mut added = Vec::new();
    for (i, l) in lex.iter().enumerate() {
        if mentions.covered(i) || !doc.is_capitalised(i) || is_all_caps(doc.token_text(i)) || l.begin & common != 0 {
            continue;
        }
        if let Some((label, full)) = names.get(&key(doc, i, i + 1)) {
            // Only a bare capitalised word: a neighbouring capital means a longer, different name.
            if (i > 0 && doc.is_capitalised(i - 1)) || (i + 1 < doc.tokens.len() && doc.is_capitalised(i + 1)) {
                continue;
            }
            added.push(Mention::by_rule(
                i,
                i + 1,
                *label,
                EntityRule::SameName,
                same_name(full),
            ));
        }
    }
    mentions.extend(added);
}
