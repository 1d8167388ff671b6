//! The speaker's gender as the text signals it, for the "who is quoted" balance: "he"/"she"
//! attributing one of the speaker's quotes, then a gendered title before the speaker's name
//! ("Mr", "Ms", "Sir"), then the usual gender of the given name. Anything else is unknown: a
//! description ("a spokesman for the club") or a bare surname is never guessed at.

use super::lexicon::{Gender, Lexicon};
use super::names::{NameMention, Names};
use crate::annotation::{Entity, EntityLabel, GenderBasis, Quote, SpeakerGender};
use crate::fasthash::{HashMap, HashSet};
use crate::text::Document;

fn signal(g: Gender) -> SpeakerGender {
    match g {
        Gender::Male => SpeakerGender::Male,
        Gender::Female => SpeakerGender::Female,
    }
}

/// Fills `speaker_gender` on every quote whose speaker may be a person: named in words only
/// (not "Ernst & Young"), and not an organisation or place by the entity layer's reading.
pub fn infer(doc: &Document, lex: &Lexicon, names: &Names, entities: &[Entity], quotes: &mut [Quote]) {
    // Looked up once per quote: scanning every entity or name mention per quote made a long text
    // (many quotes, many names) quadratic.
    let not_people: HashSet<usize> = entities
        .iter()
        .filter(|e| e.label != EntityLabel::Person)
        .map(|e| e.entity)
        .collect();
    let mut by_canonical: HashMap<&str, Vec<&NameMention>> = HashMap::default();
    for m in &names.mentions {
        by_canonical.entry(m.canonical.as_str()).or_default().push(m);
    }
    let mentions_of = |speaker: &str| by_canonical.get(speaker).map_or(&[][..], Vec::as_slice);
    let not_person = |q: &Quote| {
        let other_entity = q.speaker_entity.is_some_and(|k| not_people.contains(&k));
        let odd = q.speaker.as_deref().is_some_and(|s| {
            !s.split_whitespace().all(|w| {
                w.chars()
                    .all(|c| c.is_alphabetic() || matches!(c, '\'' | '\u{2019}' | '-' | '.'))
            })
        });
        other_entity || odd
    };
    // Speaker → gender its he/she quotes tell; `None` when they disagree.
    let mut by_pronoun: HashMap<String, Option<Gender>> = HashMap::default();
    for q in quotes.iter().filter(|q| !not_person(q)) {
        let (Some(speaker), Some(span)) = (&q.speaker, q.speaker_span) else {
            continue;
        };
        let g = match span.slice(doc.text).to_lowercase().as_str() {
            "he" => Gender::Male,
            "she" => Gender::Female,
            _ => continue,
        };
        // An unresolved pronoun names itself: it tells nothing about anyone named.
        if speaker.eq_ignore_ascii_case("he") || speaker.eq_ignore_ascii_case("she") {
            continue;
        }
        by_pronoun
            .entry(speaker.clone())
            .and_modify(|seen| {
                if *seen != Some(g) {
                    *seen = None;
                }
            })
            .or_insert(Some(g));
    }
    for q in quotes.iter_mut() {
        let Some(speaker) = q.speaker.as_ref().filter(|_| !not_person(q)) else {
            continue;
        };
        q.speaker_gender = if let Some(Some(g)) = by_pronoun.get(speaker) {
            (signal(*g), GenderBasis::Pronoun)
        } else if let Some(g) = title_gender(doc, lex, mentions_of(speaker)) {
            (signal(g), GenderBasis::Title)
        } else if let Some(g) = given_name_gender(lex, mentions_of(speaker), speaker) {
            (signal(g), GenderBasis::GivenName)
        } else {
            (SpeakerGender::Unknown, GenderBasis::None)
        };
    }
}

/// The gender every title written before a mention of the speaker (`mentions`, those with its
/// canonical name) tells ("Mr Blair"), if they agree.
fn title_gender(doc: &Document, lex: &Lexicon, mentions: &[&NameMention]) -> Option<Gender> {
    let mut found = None;
    for m in mentions.iter().filter(|m| m.first > 0) {
        if let Some(Some(g)) = lex.titles.get(doc.token_text(m.first - 1)) {
            if found.is_some_and(|f| f != *g) {
                return None;
            }
            found = Some(*g);
        }
    }
    found
}

/// The usual gender of a named person's given name: only for a name of two words or more that
/// names a person ("Tessa Jowell"), never for a bare surname, a description or an organisation.
fn given_name_gender(lex: &Lexicon, mentions: &[&NameMention], speaker: &str) -> Option<Gender> {
    let mut words = speaker.split_whitespace();
    let given = words.next()?;
    words.next()?;
    let person = mentions.iter().any(|m| m.person && !m.org);
    if !person {
        return None;
    }
    lex.given_names.get(given).copied().flatten()
}
