//! Places the tagger split or called something else: streets and landmarks, countries tagged as
//! organisations, and lists of places.

use super::exact;
use super::mentions::{Mention, Mentions};
use crate::annotation::{EntityLabel, EntityRule};
use crate::entities::lexicon::{LexClass, Lexicons, RuleList, TokenLex};
use crate::text::Document;

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

/// An "organisation" that is exactly a country's name ("US", "Germany") is the place: CoNLL calls
/// national teams places too. People keep their tag ("Jordan" may be a player): trying that cost
/// PER recall on CoNLL dev.
pub(super) fn countries(doc: &Document, lexicons: &Lexicons, lex: &[TokenLex], mentions: &mut Mentions) {
    let country = LexClass::Country.bit();
    for k in 0..mentions.len() {
        let m = &mentions[k];
        if m.label != EntityLabel::Org {
            continue;
        }
        if lexicons.contains(RuleList::CountryAbbreviations, exact(doc, m.start, m.end)) {
            let reason = format!("lexicon: {}", RuleList::CountryAbbreviations.name());
            mentions.decide(k, EntityLabel::Loc, EntityRule::LexiconCountryAbbreviation, reason);
            continue;
        }
        if lex[m.start].begin & country == 0 {
            continue;
        }
        let whole = m.len() == 1 || (m.start + 1..m.end).all(|j| lex[j].inside & country != 0);
        if whole && m.len() <= 3 && !(m.end < doc.tokens.len() && doc.is_capitalised(m.end)) {
            let reason = format!("lexicon: {}", LexClass::Country.name());
            mentions.decide(k, EntityLabel::Loc, EntityRule::LexiconCountry, reason);
        }
    }
}

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
        if items >= MIN_LIST_ITEMS && single && (places * 2 > items || (placed && places >= 2)) {
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
