//! People the tagger called something else, or cut short: names that start with a known given name.

use super::mentions::{Mention, Mentions};
use crate::annotation::{EntityLabel, EntityRule};
use crate::entities::lexicon::{LexClass, Lexicons, RuleList, TokenLex};
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

/// "Florence Garrard", "Sydney Smith": a given name that is also a town, and a listed surname
/// right after it that no other list claims, are one person, whether the tagger called the pair an
/// organisation or the given name alone a place.
pub(super) fn town_given_names(doc: &Document, lex: &[TokenLex], mentions: &mut Mentions) {
    let n = doc.tokens.len();
    let town = LexClass::City.bit() | LexClass::Town.bit();
    let others = LexClass::ALL
        .iter()
        .filter(|c| !matches!(c, LexClass::Surname))
        .fold(0, |acc, c| acc | c.bit());
    let mut found = Vec::new();
    for m in mentions.iter() {
        let (s, e) = (m.start, m.end);
        let first = lex[s].begin;
        let surname = |i: usize| {
            doc.is_capitalised(i)
                && !is_all_caps(doc.token_text(i))
                && doc.tokens[i].newlines_before == 0
                && lex[i].begin & LexClass::Surname.bit() != 0
                && lex[i].classes() & others == 0
        };
        let town_given =
            first & LexClass::GivenName.bit() != 0 && first & town != 0 && first & LexClass::Country.bit() == 0;
        if m.label == EntityLabel::Person || m.rule != EntityRule::Model || !town_given {
            continue;
        }
        // The place alone, the surname after it ("Florence" + "Garrard"), or both as one other name.
        if m.len() == 1
            && m.label == EntityLabel::Loc
            && e < n
            && surname(e)
            && !(e + 1 < n && doc.is_capitalised(e + 1))
        {
            found.push((s, e + 1));
        } else if m.len() == 2 && surname(s + 1) {
            found.push((s, e));
        }
    }
    let reason = || format!("lexicon: {}", LexClass::GivenName.name());
    let found = found
        .into_iter()
        .map(|(s, e)| Mention::by_rule(s, e, EntityLabel::Person, EntityRule::GivenName, reason()))
        .collect();
    mentions.replace_overlapping(found);
}

/// A person's name runs on over its lower-case particles (`data/entities/name_particles.txt`),
/// which the tagger, trained on English names, cuts at: "Ursula von" + "Leyen", "Osama" +
/// "Laden", "Bashar" + "al-Assad". A person (or a name starting with a given name), particles,
/// then a capitalised word or mention of up to two words are one person; so is a given name right
/// before a particle-prefixed surname ("al-Assad"), and a given name, particles and a mention.
pub(super) fn particles(doc: &Document, lexicons: &Lexicons, lex: &[TokenLex], mentions: &mut Mentions) {
    let particle = |i: usize| lexicons.contains(RuleList::NameParticles, doc.token_text(i));
    let prefixed = |i: usize| {
        doc.token_text(i).split_once('-').is_some_and(|(p, rest)| {
            lexicons.contains(RuleList::NameParticles, p) && rest.chars().next().is_some_and(char::is_uppercase)
        })
    };
    let given = |i: usize| lex[i].begin & LexClass::GivenName.bit() != 0 && doc.is_capitalised(i);
    let same_line = |from: usize, to: usize| (from + 1..=to).all(|i| doc.tokens[i].newlines_before == 0);
    // Where a person's name, ending at `end` (particles it took included), runs on: one past the
    // surname after its particles, if there is one at all.
    let runs_on_to = |start: usize, end: usize, next: usize| -> Option<usize> {
        let mut core = end;
        while core > start + 1 && particle(core - 1) {
            core -= 1;
        }
        let mut j = end;
        while j < next && j < doc.tokens.len() && particle(j) {
            j += 1;
        }
        let at = j < doc.tokens.len() && same_line(core - 1, j);
        (at && ((j > core && doc.is_capitalised(j)) || (j == core && prefixed(j)))).then_some(j)
    };
    mentions.sort();
    let n = doc.tokens.len();
    let list = mentions.edit();
    let mut out: Vec<Mention> = Vec::with_capacity(list.len());
    for b in list.drain(..) {
        if let Some(a) = out.last_mut() {
            let person = a.label == EntityLabel::Person || b.label == EntityLabel::Person || given(a.start);
            let joins = person
                && a.rule != EntityRule::Dateline
                && b.rule != EntityRule::Dateline
                && a.len() <= 3
                && b.len() <= 2
                && runs_on_to(a.start, a.end, b.start + 1) == Some(b.start);
            if joins {
                let reason = format!("{}; the name runs on over its particles", a.reason);
                a.end = b.end;
                a.decide(EntityLabel::Person, EntityRule::NameParticle, reason);
                continue;
            }
        }
        out.push(b);
    }
    // The given name before the particles, when the tagger left it untagged ("Osama bin" + "Laden").
    for k in 0..out.len() {
        let prev_end = if k == 0 { 0 } else { out[k - 1].end };
        let b = &mut out[k];
        if b.rule == EntityRule::Dateline || b.len() > 2 || !doc.is_capitalised(b.start) {
            continue;
        }
        let mut g = b.start;
        while g > prev_end && particle(g - 1) {
            g -= 1;
        }
        if g < b.start && g > prev_end && given(g - 1) && same_line(g - 1, b.start) {
            let reason = format!("{}; the name runs on over its particles", b.reason);
            b.start = g - 1;
            b.decide(EntityLabel::Person, EntityRule::NameParticle, reason);
        }
    }
    // The surname after the particles, when the tagger left it untagged.
    for k in 0..out.len() {
        let next = out.get(k + 1).map_or(n, |m| m.start);
        let a = &mut out[k];
        if a.label != EntityLabel::Person || a.len() > 3 {
            continue;
        }
        if let Some(j) = runs_on_to(a.start, a.end, next).filter(|&j| j < next) {
            let reason = format!("{}; the name runs on over its particles", a.reason);
            a.end = j + 1;
            a.decide(EntityLabel::Person, EntityRule::NameParticle, reason);
        }
    }
    *list = out;
}
