//! One label per name in the article: the label the name has elsewhere, and a person's surname or
//! a company's first word repeated later.

use super::calendar::is_calendar;
use super::mentions::{Mention, Mentions};
use super::name_shapes::surname_end;
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

/// The vote of a mention whose label a cue word beside it decided ("the mayor of X", "the chairman
/// of X"): such a cue outweighs the tagger's guess at the same name elsewhere, where it saw no cue.
const CUE_VOTE: f32 = 2.5;

/// The weight of a mention's label in the article's vote: the tagger's confidence, 1 for most
/// rules, more for a cue word beside the name.
fn vote(m: &Mention) -> f32 {
    match m.rule {
        EntityRule::PlaceOfNoun | EntityRule::OrgOfNoun => CUE_VOTE,
        _ => m.confidence.unwrap_or(1.0),
    }
}

/// True when token `i` opens a sentence or a line, where a capital says nothing about a name.
fn sentence_initial(doc: &Document, i: usize) -> bool {
    i == 0 || doc.tokens[i].newlines_before > 0 || matches!(doc.token_text(i - 1), "." | "!" | "?")
}

/// The same name gets one label in the whole article: the label the model is surest of, summed
/// over the name's mentions, and PERSON whenever the model called it a person with confidence.
/// A name opening a sentence, where the tagger sees least, takes the label its mentions inside
/// sentences have.
pub(super) fn consistent_labels(doc: &Document, mentions: &mut Mentions) {
    let mut votes: crate::fasthash::HashMap<&str, [f32; 6]> = Default::default();
    let mut inside: crate::fasthash::HashMap<&str, [f32; 6]> = Default::default();
    let idx = |l: EntityLabel| l as usize;
    for m in mentions.iter() {
        if m.rule == EntityRule::Dateline {
            continue;
        }
        let name = exact(doc, m.start, m.end);
        let v = votes.entry(name).or_insert([0.0; 6]);
        v[idx(m.label)] += vote(m);
        if !sentence_initial(doc, m.start) {
            inside.entry(name).or_insert([0.0; 6])[idx(m.label)] += vote(m);
        }
    }
    for k in 0..mentions.len() {
        let m = &mentions[k];
        if m.rule == EntityRule::Dateline {
            continue;
        }
        let name = exact(doc, m.start, m.end);
        let initial = sentence_initial(doc, m.start);
        // A name opening a sentence and tagged an organisation inside sentences is that
        // organisation: the tagger reads a capital opening a sentence as a person or a place.
        // Only after a full stop: a line's first word is often a table's team or place.
        let after_stop = initial && m.start > 0 && doc.tokens[m.start].newlines_before == 0;
        let inside_org = after_stop
            && inside
                .get(&name)
                .is_some_and(|v| (0..6).all(|k| v[k] <= v[idx(EntityLabel::Org)]) && v[idx(EntityLabel::Org)] > 0.0);
        let Some(v) = votes.get(&name) else {
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
        let outvoted = m.confidence.unwrap_or(1.0) < CONSISTENCY_CONF || v[best] > 2.0 * own;
        if inside_org && m.label != EntityLabel::Org {
            let reason = "tagged ORG inside sentences elsewhere in the article".to_string();
            mentions.decide(k, EntityLabel::Org, EntityRule::ConsistentLabel, reason);
        } else if label != m.label && outvoted {
            let reason = format!("tagged {} elsewhere in the article", label.as_str());
            mentions.decide(k, label, EntityRule::ConsistentLabel, reason);
        }
    }
}

/// True when token `i` is a verb a person is the subject of: a word of saying or being, or a
/// regular past tense ("thanked"), in lower case.
fn acts_as_person(doc: &Document, i: usize) -> bool {
    if i >= doc.tokens.len() {
        return false;
    }
    let w = doc.token_text(i);
    w.chars().next().is_some_and(char::is_lowercase)
        && (super::surnames::PERSONAL_NEXT.contains(&w) || (w.len() > 4 && w.ends_with("ed")))
}

/// True when a surname that is also a title or a month, alone at token `i`, is the person: a
/// possessive or what people do after it ("King said", "May has"), or "said" before it at the end
/// of a clause ("said King."); never after an article ("the King") or before "of" ("King of Spain").
fn cued(doc: &Document, i: usize) -> bool {
    let n = doc.tokens.len();
    let prev = if i > 0 { doc.token_text(i - 1) } else { "" };
    let next = if i + 1 < n { doc.token_text(i + 1) } else { "" };
    if matches!(
        prev,
        "the" | "The" | "a" | "A" | "in" | "In" | "on" | "On" | "of" | "since" | "until" | "by" | "from"
    ) || next == "of"
    {
        return false;
    }
    let possessive = matches!(next, "'s" | "\u{2019}s");
    let said_before = matches!(prev, "said" | "says" | "told") && matches!(next, "." | "," | "" | ";");
    possessive || acts_as_person(doc, i + 1) || said_before
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
    // short form key -> (label, full name, cue needed, weak): a person's surname, a company's first word.
    let mut names: HashMap<u64, (EntityLabel, String, bool, bool), PassThroughBuild> = HashMap::default();
    let mut clash: Vec<u64> = Vec::new();
    // A company's first word with no company word after it ("Sun" of "Sun Microsystems") is a
    // weak short form: it only turns the tagger's one-word "person" into the organisation, and
    // never a given name ("George" of "George Soros Foundation").
    let not_weak_short = not_org_short | LexClass::GivenName.bit() | common;
    for m in mentions.iter() {
        if m.len() < 2 {
            continue;
        }
        let (short, weak) = match m.label {
            EntityLabel::Person => (surname_end(doc, m.start, m.end) - 1, false),
            EntityLabel::Org if lex[m.start].begin & not_org_short == 0 => {
                let weak = lex[m.end - 1].begin & org_end == 0;
                // Only a name of capitalised words ("Viljoen broke" is the tagger's slip, "Rad (B)" a table's).
                let all_capitalised = || (m.start..m.end).all(|i| doc.is_capitalised(i));
                if weak
                    && (lex[m.start].begin & not_weak_short != 0
                        || doc.token_text(m.start).len() < 3
                        || !all_capitalised())
                {
                    continue;
                }
                (m.start, weak)
            }
            _ => continue,
        };
        let full = Span::new(doc.tokens[m.start].span.start, doc.tokens[m.end - 1].span.end)
            .slice(doc.text)
            .to_string();
        // A person's surname may be an ordinary word ("Bush", "Young"); a title or a month ("Carole King",
        // "Theresa May") is the person only where what follows says so (`cued`).
        let ordinary = lex[short].begin & common != 0;
        let title_or_month = lex[short].begin & LexClass::Title.bit() != 0 || is_calendar(doc, short);
        let allowed = !ordinary || m.label == EntityLabel::Person;
        if doc.is_capitalised(short) && !is_all_caps(doc.token_text(short)) && allowed {
            let k = key(lex, short, short + 1);
            match names.get_mut(&k) {
                Some((l, _, _, _)) if *l != m.label => clash.push(k),
                Some(entry) => entry.3 &= weak,
                None => {
                    names.insert(k, (m.label, full, ordinary && title_or_month, weak));
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
    // "the Republican Smith" read as one name: a party or nationality word before a surname the
    // article gives a person is that word, then the person.
    let people = LexClass::Demonym.bit() | LexClass::Group.bit();
    let mut groups = Vec::new();
    for m in mentions.iter_mut() {
        if m.len() != 2 || m.label == EntityLabel::Person || lex[m.start].begin & people == 0 {
            continue;
        }
        if let Some((EntityLabel::Person, full, false, _)) = names.get(&key(lex, m.end - 1, m.end)) {
            let reason = format!("a party or nationality word before {full}'s surname");
            groups.push(Mention::by_rule(
                m.start,
                m.start + 1,
                EntityLabel::Misc,
                EntityRule::SameName,
                reason,
            ));
            m.start += 1;
            m.decide(EntityLabel::Person, EntityRule::SameName, same_name(full));
        }
    }
    mentions.extend(groups);
    for k in 0..mentions.len() {
        let m = &mentions[k];
        if m.len() == 1 {
            if let Some((label, full, cue, weak)) = names.get(&key(lex, m.start, m.end)) {
                let tagged = matches!(m.rule, EntityRule::Model | EntityRule::ConsistentLabel);
                let allowed = !weak || (m.label == EntityLabel::Person && tagged);
                if m.label != *label && (!cue || cued(doc, m.start)) && allowed {
                    if *weak {
                        let reason = format!("the first word of {full}, an organisation in the article");
                        mentions.decide(k, *label, EntityRule::CompanyFirstWord, reason);
                    } else {
                        mentions.decide(k, *label, EntityRule::SameName, same_name(full));
                    }
                }
            }
        }
    }
    let mut added = Vec::new();
    for (i, l) in lex.iter().enumerate() {
        // The name first: a lookup by the word's key turns away nearly every token.
        let Some((label, full, cue, false)) = names.get(&key(lex, i, i + 1)) else {
            continue;
        };
        if (*cue && !cued(doc, i)) || mentions.covered(i) || !doc.is_capitalised(i) || is_all_caps(doc.token_text(i)) {
            continue;
        }
        // An ordinary word only where its capital says it is a name: inside a sentence, or opening
        // one as a person's surname before a possessive or what people do ("Bush's wife", "Bush
        // said", "Bush thanked").
        let possessive = i + 1 < doc.tokens.len() && matches!(doc.token_text(i + 1), "'s" | "\u{2019}s");
        let personal = *label == EntityLabel::Person && (possessive || acts_as_person(doc, i + 1));
        if l.begin & common != 0 && sentence_initial(doc, i) && !personal {
            continue;
        }
        // Only a bare capitalised word: a neighbouring capital means a longer, different name.
        // A sentence's ordinary first word is no part of it ("Later Bush left"), nor is a
        // title ("Mr Bush"), nor a capital on the next line.
        let before = i > 0
            && doc.is_capitalised(i - 1)
            && doc.tokens[i].newlines_before == 0
            && lex[i - 1].begin & LexClass::Title.bit() == 0
            && !(sentence_initial(doc, i - 1) && lex[i - 1].begin & LexClass::Common.bit() != 0);
        let after = i + 1 < doc.tokens.len() && doc.is_capitalised(i + 1) && doc.tokens[i + 1].newlines_before == 0;
        if before || after {
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
    mentions.extend(added);
}
