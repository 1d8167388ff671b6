//! Places the tagger split or called something else: streets and landmarks, countries tagged as
//! organisations, and lists of places.

use super::exact;
use super::mentions::{Mention, Mentions};
use crate::annotation::{EntityLabel, EntityRule};
use crate::entities::lexicon::{LexClass, Lexicons, RuleList, TokenLex};
use crate::text::words::is_all_caps;
use crate::text::{Document, TokenKind};

/// Most tokens a street or landmark name has before its street word: the name starts where the
/// tagger's mention starts, but no further back.
const MAX_WORDS_BEFORE_LANDMARK: usize = 3;

/// Fewest items in a list of names before the place rule reads it as a list.
const MIN_LIST_ITEMS: usize = 4;

/// "Downing Street", "Stamford Bridge", "Thames River": capitalised words before a street or
/// landmark word (`data/entities/landmark_words.txt`) are one place, however the tagger split
/// them ("Downing" a person, "Street" a place).
pub(super) fn streets(doc: &Document, lexicons: &Lexicons, mentions: &mut Mentions) {
    let n = doc.tokens.len();
    let mut places: Vec<Mention> = Vec::new();
    for i in 1..n {
        if !lexicons.contains(RuleList::LandmarkWords, doc.token_text(i))
            || doc.tokens[i].newlines_before > 0
            || !doc.is_capitalised(i - 1)
        {
            continue;
        }
        // "Brenley Park Rangers", "Park Service": a landmark word inside a longer name ends no place.
        let runs_on = i + 1 < n
            && doc.tokens[i + 1].newlines_before == 0
            && (doc.is_capitalised(i + 1) || doc.token_text(i + 1) == "&")
            && !lexicons.contains(RuleList::LandmarkWords, doc.token_text(i + 1));
        // "Sung-Hee Park": a name the tagger is sure is a person's, or after a given name of the
        // Korean shape (two capitalised halves joined by a hyphen), where "Park" is the surname.
        let person = mentions.owner(i).is_some_and(|k| {
            mentions[k].label == EntityLabel::Person && mentions[k].confidence.is_some_and(|c| c >= 0.9)
        }) || is_hyphenated_given_name(doc.token_text(i - 1));
        if runs_on || person {
            continue;
        }
        // "Brooklyn Bridge Road": the place found just before runs on.
        let reason = format!("street or landmark name (\"{}\")", doc.token_text(i));
        if let Some(p) = places.last_mut().filter(|p| p.end == i) {
            p.end = i + 1;
            p.reason = reason;
            continue;
        }
        // Only where the tagger saw a name ("The Road" opening a sentence stays untouched), and from
        // where its name starts ("For Wall Street" is "Wall Street").
        let Some(s) = [mentions.owner(i - 1), mentions.owner(i)]
            .into_iter()
            .flatten()
            .map(|k| mentions[k].start.max(i.saturating_sub(MAX_WORDS_BEFORE_LANDMARK)))
            .min()
        else {
            continue;
        };
        places.push(Mention::by_rule(
            s.min(i - 1),
            i + 1,
            EntityLabel::Loc,
            EntityRule::StreetOrLandmark,
            reason,
        ));
    }
    mentions.replace_overlapping(places);
}

/// "Sung-Hee", "Ji-Sung": two capitalised halves joined by one hyphen, the shape of a Korean given
/// name before its surname.
fn is_hyphenated_given_name(w: &str) -> bool {
    // Romanised Korean names are plain ASCII: no Unicode case tables needed.
    let titled = |p: &str| {
        let b = p.as_bytes();
        b.first().is_some_and(u8::is_ascii_uppercase) && b[1..].iter().all(u8::is_ascii_lowercase)
    };
    w.split_once('-').is_some_and(|(a, b)| titled(a) && titled(b))
}

/// An "organisation" that is exactly a country's name ("US", "Germany") is the place: CoNLL calls
/// national teams places too. People keep their tag ("Jordan" may be a player): trying that cost
/// PER recall on CoNLL dev.
pub(super) fn countries(doc: &Document, lexicons: &Lexicons, lex: &[TokenLex], mentions: &mut Mentions) {
    let country = LexClass::Country.bit();
    for k in 0..mentions.len() {
        let m = &mentions[k];
        // "last year's US amateur champion": a country's abbreviation the tagger called other
        // (MISC) before a common word is the place too.
        let misc_abbreviation = m.label == EntityLabel::Misc
            && m.rule == EntityRule::Model
            && m.len() == 1
            && !(m.end < doc.tokens.len() && doc.is_capitalised(m.end));
        if m.label != EntityLabel::Org && !misc_abbreviation {
            continue;
        }
        if lexicons.contains(RuleList::CountryAbbreviations, exact(doc, m.start, m.end)) {
            let reason = format!("lexicon: {}", RuleList::CountryAbbreviations.name());
            mentions.decide(k, EntityLabel::Loc, EntityRule::LexiconCountryAbbreviation, reason);
            continue;
        }
        if m.label != EntityLabel::Org || lex[m.start].begin & country == 0 {
            continue;
        }
        let whole = m.len() == 1 || (m.start + 1..m.end).all(|j| lex[j].inside & country != 0);
        if whole && m.len() <= 3 && !(m.end < doc.tokens.len() && doc.is_capitalised(m.end)) {
            let reason = format!("lexicon: {}", LexClass::Country.name());
            mentions.decide(k, EntityLabel::Loc, EntityRule::LexiconCountry, reason);
        }
    }
}

/// Verbs of travel after which even two names joined by "and" are places.
const TRAVEL_VERBS: [&str; 5] = ["visited", "visiting", "visits", "toured", "tours"];

/// "Manchester, Liverpool, Leicester, Dorset and Torbay": the items of one list are the same kind
/// of thing; when most of them are places, the rest are places too (not a club and a person).
pub(super) fn place_lists(doc: &Document, lexicons: &Lexicons, mentions: &mut Mentions) {
    mentions.sort();
    let joiner = |a: &Mention, b: &Mention| {
        b.start == a.end + 1
            && matches!(doc.token_text(a.end), "," | "and" | "or")
            && doc.tokens[b.start].newlines_before == 0
            || (b.start == a.end + 2 && doc.token_text(a.end) == "," && doc.token_text(a.end + 1) == "and")
    };
    let mut i = 0;
    while i < mentions.len() {
        let mut j = i + 1;
        while j < mentions.len() && joiner(&mentions[j - 1], &mentions[j]) {
            j += 1;
        }
        let items = j - i;
        let places = (i..j).filter(|&k| mentions[k].label == EntityLabel::Loc).count();
        let single = (i..j).all(|k| mentions[k].len() <= 2);
        // "as he visits Manchester, Liverpool, …": a list after a word of place or travel.
        let start = mentions[i].start;
        let placed = start > 0 && lexicons.contains(RuleList::PlaceListCues, doc.token_text(start - 1));
        // "visited Kamchatka and Sakhalin": after a verb of travel, two names are enough.
        let travelled = start > 0 && TRAVEL_VERBS.contains(&doc.token_text(start - 1));
        let pair = items == 2 && travelled && places == 1;
        if single && (pair || items >= MIN_LIST_ITEMS && (places * 2 > items || (placed && places >= 2))) {
            for k in i..j {
                if matches!(mentions[k].label, EntityLabel::Person | EntityLabel::Org) {
                    mentions.decide(
                        k,
                        EntityLabel::Loc,
                        EntityRule::PlaceList,
                        "in a list of places".to_string(),
                    );
                }
            }
        }
        i = j;
    }
}

/// Words after a town's name that make it a district or a constituency ("Aberdeen South").
const COMPASS: [&str; 5] = ["North", "South", "East", "West", "Central"];

/// Words that cannot be the noun a name qualifies: after them a MISC place name is the place itself
/// ("around the Mediterranean as", "the Mediterranean and"), not an adjective ("Mediterranean diet").
const NOT_A_NOUN: [&str; 16] = [
    "and", "or", "as", "in", "on", "at", "to", "from", "with", "by", "for", "was", "is", "were", "are", "until",
];

/// Words that head a state's formal name before "of": "Republic of Tarvania", "Kingdom of Corvania".
fn is_state_head(w: &str) -> bool {
    matches!(
        w,
        "Republic" | "Kingdom" | "Sultanate" | "Emirate" | "Principality" | "Duchy"
    )
}

/// "the Republic of Tarvania", "the Kingdom of Corvania": a state's formal name, a word of a state
/// and "of" before capitalised words, is the place, whatever the tagger made of its parts (it
/// reads "Republic" as an organisation's word). Words before the head stay where the tagger put
/// them in one name with it ("Federal Republic of ...").
pub(super) fn states(doc: &Document, mentions: &mut Mentions) {
    let n = doc.tokens.len();
    let mut found = Vec::new();
    for h in 0..n.saturating_sub(2) {
        if !is_state_head(doc.token_text(h)) || doc.token_text(h + 1) != "of" {
            continue;
        }
        let mut e = h + 2;
        if e < n && doc.token_text(e) == "the" {
            e += 1;
        }
        let first = e;
        while e < n && doc.is_capitalised(e) && doc.tokens[e].newlines_before == 0 {
            e += 1;
        }
        if e == first {
            continue;
        }
        let s = mentions.owner(h).map_or(h, |k| mentions[k].start.min(h));
        let done = mentions
            .owner(s)
            .is_some_and(|k| mentions[k].start == s && mentions[k].end == e && mentions[k].label == EntityLabel::Loc);
        // A place or organisation reaching past the name ("Republic of Ireland Football Association")
        // is another name.
        let past = (s..e).any(|i| mentions.owner(i).is_some_and(|k| mentions[k].end > e));
        if done || past {
            continue;
        }
        found.push(Mention::by_rule(
            s,
            e,
            EntityLabel::Loc,
            EntityRule::StateName,
            format!("a state's formal name (\"{} of\")", doc.token_text(h)),
        ));
    }
    mentions.replace_overlapping(found);
}

/// Names of places the tagger called a person, an organisation or other: a geographic name
/// WordNet lists ("Mediterranean", "Pearl Harbor", "Monte Carlo") that no list of people or organisations
/// claims (an organisation only when it ends in a feature word, `data/entities/geo_features.txt`, or is
/// one word after "the" that no list of towns, regions or countries holds: "the Earth"),
/// and a town with a compass word ("Aberdeen South", "Dundee East and West"). A town
/// alone tagged an organisation stays one: it is often a team. Other (MISC) stays where an
/// ordinary word follows, as in "Mediterranean diet".
pub(super) fn geographic(doc: &Document, lexicons: &Lexicons, lex: &[TokenLex], mentions: &mut Mentions) {
    let n = doc.tokens.len();
    let claimed = LexClass::GivenName.bit()
        | LexClass::Surname.bit()
        | LexClass::Company.bit()
        | LexClass::NewsOrg.bit()
        | LexClass::WnOrg.bit()
        | LexClass::Demonym.bit()
        | LexClass::Group.bit()
        | LexClass::EventWord.bit()
        | LexClass::OrgWord.bit();
    let town = LexClass::City.bit() | LexClass::Town.bit();
    for k in 0..mentions.len() {
        let m = &mentions[k];
        if !matches!(m.label, EntityLabel::Person | EntityLabel::Org | EntityLabel::Misc)
            || !matches!(
                m.rule,
                EntityRule::Model | EntityRule::ConsistentLabel | EntityRule::GivenName
            )
        {
            continue;
        }
        let phrase = lexicons.phrase(doc, m.start..m.end);
        let compass = m.len() == 2
            && m.label == EntityLabel::Org
            && lex[m.start].begin & (town | LexClass::Region.bit()) != 0
            && COMPASS.contains(&doc.token_text(m.start + 1));
        // An organisation only when the name ends in a feature word ("British Isles"): a place
        // alone tagged an organisation is most often a team ("Chicago", "Yorkshire").
        // "the Earth", "the Sahel": a listed place that no list of towns, regions or countries holds,
        // after "the", is a natural feature; a team takes its town's name, not such a one.
        let natural = m.len() == 1
            && m.start > 0
            && matches!(doc.token_text(m.start - 1), "the" | "The")
            && phrase & (town | LexClass::Region.bit() | LexClass::Country.bit()) == 0;
        let titled = m.start > 0 && lex[m.start - 1].begin & LexClass::Title.bit() != 0;
        let listed = m.len() <= 3
            && phrase & LexClass::WnPlace.bit() != 0
            && phrase & claimed == 0
            && !titled
            && !is_all_caps(exact(doc, m.start, m.end))
            && (m.label != EntityLabel::Org
                || (m.len() >= 2 && lexicons.contains(RuleList::GeoFeatures, doc.token_text(m.end - 1)))
                || natural);
        let adjective = m.label == EntityLabel::Misc
            && m.end < n
            && doc.tokens[m.end].kind == TokenKind::Word
            && doc.token_text(m.end).chars().next().is_some_and(char::is_lowercase)
            && !NOT_A_NOUN.contains(&doc.token_text(m.end));
        if compass {
            mentions.decide(
                k,
                EntityLabel::Loc,
                EntityRule::GeographicName,
                "a town and a compass word".into(),
            );
        } else if listed && !adjective {
            let reason = format!("lexicon: {}", LexClass::WnPlace.name());
            mentions.decide(k, EntityLabel::Loc, EntityRule::GeographicName, reason);
        }
    }
    // "Dundee East and West": a compass word alone after "and" finishes the place before it.
    mentions.sort();
    let list = mentions.edit();
    let mut out: Vec<Mention> = Vec::with_capacity(list.len());
    for b in list.drain(..) {
        if let Some(a) = out.last_mut() {
            if a.rule == EntityRule::GeographicName
                && a.label == EntityLabel::Loc
                && b.len() == 1
                && b.start == a.end + 1
                && doc.token_text(a.end) == "and"
                && COMPASS.contains(&doc.token_text(b.start))
                && COMPASS.contains(&doc.token_text(a.end - 1))
            {
                a.end = b.end;
                continue;
            }
        }
        out.push(b);
    }
    *list = out;
}
