//! A name the article has already given a label, written again where the tagger saw nothing:
//! "Jutting, now 31, is on trial … two years later, Jutting appeared", "said King … King will
//! feel good". The tagger reads each sentence alone and misses a name whose second context is
//! plain; the article has told the reader what the name is.

use super::calendar::is_calendar;
use super::exact;
use super::mentions::{Mention, Mentions};
use super::not_names::sentence_initial;
use super::surnames::PERSONAL_NEXT;
use crate::annotation::{EntityLabel, EntityRule};
use crate::entities::lexicon::{LexClass, TokenLex};
use crate::text::words::is_all_caps;
use crate::text::Document;

/// Longest name (in tokens) looked for again.
const MAX_TOKENS: usize = 3;

/// The tagger's confidence from which its label is the article's word on a name; a rule's
/// decision always is.
const SURE: f32 = 0.9;

/// Tags bare repeats of names the article labelled elsewhere with one label, everywhere.
pub(super) fn untagged_repeats(doc: &Document, lex: &[TokenLex], mentions: &mut Mentions) {
    // name as written -> its one label, and whether one mention is sure of it (None once two
    // mentions disagree).
    let mut names: crate::fasthash::HashMap<&str, Option<(EntityLabel, bool)>> = Default::default();
    for m in mentions.iter() {
        if m.len() > MAX_TOKENS || m.rule == EntityRule::Dateline {
            continue;
        }
        let name = exact(doc, m.start, m.end);
        // A person, an organisation or a place: MISC names are too often parts of longer ones
        // ("Fed" in "Fed chairman"). Two letters at least, ending in a letter; a person's name is
        // not written in capitals ("WBO" read as a person).
        let kind = matches!(m.label, EntityLabel::Person | EntityLabel::Org | EntityLabel::Loc);
        let shaped = name.chars().count() >= 2
            && name.chars().last().is_some_and(char::is_alphabetic)
            && !(m.label == EntityLabel::Person && is_all_caps(name));
        let sure = m.confidence.is_none_or(|c| c >= SURE);
        let entry = names.entry(name).or_insert(Some((m.label, false)));
        match entry {
            Some((label, any_sure)) if *label == m.label && kind && shaped => *any_sure |= sure,
            _ => *entry = None,
        }
    }
    names.retain(|_, l| l.is_some_and(|(_, sure)| sure));
    if names.is_empty() {
        return;
    }
    let n = doc.tokens.len();
    let common = LexClass::Common.bit() | LexClass::Title.bit();
    let mut added = Vec::new();
    let mut i = 0;
    while i < n {
        if mentions.covered(i) || !doc.is_capitalised(i) || is_calendar(doc, i) {
            i += 1;
            continue;
        }
        // The longest name that fits, with no capital right before or after it on the line: a
        // neighbouring capital means a longer, different name ("King" in "King Hussein").
        let found = (1..=MAX_TOKENS.min(n - i)).rev().find_map(|len| {
            let e = i + len;
            if (i..e).any(|j| mentions.covered(j) || doc.tokens[j].newlines_before > 0 && j > i) {
                return None;
            }
            let (label, _) = names.get(exact(doc, i, e)).copied().flatten()?;
            let before =
                i > 0 && doc.tokens[i].newlines_before == 0 && doc.is_capitalised(i - 1) && !sentence_initial(doc, i);
            // A number after it makes it part of a name or a table row ("Interstate 95").
            let after = e < n
                && doc.tokens[e].newlines_before == 0
                && (doc.is_capitalised(e) || doc.token_text(e).starts_with(|c: char| c.is_ascii_digit()));
            (!before && !after).then_some((e, label))
        });
        let Some((e, label)) = found else {
            i += 1;
            continue;
        };
        // One ordinary word is often that word where the tagger saw nothing ("the Laboratory's
        // director", "earn Real a point"): only a person's name opening a sentence before what
        // people do ("King said") is taken.
        let personal = label == EntityLabel::Person
            && e < n
            && sentence_initial(doc, i)
            && PERSONAL_NEXT.contains(&doc.token_text(e));
        if e == i + 1 && lex[i].begin & common != 0 && !personal {
            i += 1;
            continue;
        }
        let reason = format!("the article names \"{}\" elsewhere", exact(doc, i, e));
        added.push(Mention::by_rule(i, e, label, EntityRule::RepeatedName, reason));
        i = e;
    }
    mentions.extend(added);
}
