//! Awards and named events (CoNLL's MISC): capitalised words ending in an award word ("the
//! People's Choice Awards", "the Turner Prize") or an event word ("the Rotterdam Film Festival",
//! "the Davis Cup"), which the tagger, reading the first words, often calls a place or an
//! organisation. The NORP/EVENT split that follows ([`super::groups_events`]) names the events.

use super::calendar::is_calendar;
use super::mentions::{Mention, Mentions};
use crate::annotation::{EntityLabel, EntityRule};
use crate::entities::lexicon::{LexClass, Lexicons, RuleList, TokenLex};
use crate::text::words::{is_all_caps, is_possessive};
use crate::text::Document;

/// The award words (`data/entities/award_words.txt`), case included.
fn award_words(w: &str) -> bool {
    static LIST: super::SmallList = super::SmallList::new(include_str!("../../../data/entities/award_words.txt"));
    LIST.contains(w)
}

/// True when token `i` opens a sentence or a line.
fn sentence_initial(doc: &Document, i: usize) -> bool {
    i == 0 || doc.tokens[i].newlines_before > 0 || matches!(doc.token_text(i - 1), "." | "!" | "?")
}

/// An apostrophe glued to a plural before it: "Viewers' Choice".
fn plural_possessive(doc: &Document, i: usize) -> bool {
    matches!(doc.token_text(i), "'" | "\u{2019}")
        && !doc.tokens[i].space_before
        && i > 0
        && doc.token_text(i - 1).ends_with('s')
}

/// The award and event names, as (first token of the capitalised run, first token of the name,
/// end, is an award).
fn find(doc: &Document, lexicons: &Lexicons, lex: &[TokenLex]) -> Vec<(usize, usize, usize, bool)> {
    let n = doc.tokens.len();
    let cap = |i: usize| i < n && doc.is_capitalised(i);
    let event = LexClass::EventWord.bit();
    let mut out = Vec::new();
    let mut i = 0;
    while i < n {
        let award = award_words(doc.token_text(i));
        // An election is no named event in CoNLL ("the General Election").
        let is_event = lex[i].begin & event != 0 && cap(i) && doc.token_text(i) != "Election";
        // A headline in capitals ("RESULTS FROM THE U.S. OPEN") gives no word its capital.
        if (!award && !is_event) || is_all_caps(doc.token_text(i)) {
            i += 1;
            continue;
        }
        let mut head_end = i + 1;
        while head_end < n && lex[head_end].inside & event != 0 && lex[head_end].begin & event == 0 && cap(head_end) {
            head_end += 1;
        }
        // The head ends the name: "World Cup" yes, "Cup Winners" is some other name.
        if cap(head_end) && doc.tokens[head_end].newlines_before == 0 {
            i = head_end;
            continue;
        }
        let mut s = i;
        while s > 0 && doc.tokens[s].newlines_before == 0 {
            let prev = s - 1;
            let joined = prev > 0
                && s < i
                && cap(prev - 1)
                && !is_calendar(doc, prev - 1)
                && doc.tokens[prev].newlines_before == 0;
            if is_calendar(doc, prev) {
                break;
            }
            if cap(prev) && doc.token_text(prev) != "The" {
                s = prev;
            } else if joined
                && (doc.token_text(prev) == "of" || is_possessive(doc.token_text(prev)) || plural_possessive(doc, prev))
            {
                s = prev - 1;
            } else {
                break;
            }
        }
        // A common word capitalised because it opens the sentence is not part of the name.
        while s < i && sentence_initial(doc, s) && lex[s].begin & LexClass::Common.bit() != 0 {
            s += 1;
            while s < i && !cap(s) {
                s += 1;
            }
        }
        // "Organisation of Islamic Conference" is an organisation.
        if (s..i).any(|j| lex[j].begin & LexClass::OrgWord.bit() != 0) {
            i = head_end;
            continue;
        }
        let run = s;
        // "the US People's Choice Awards": the country is where the award is given, not its name.
        if award
            && i - s >= 2
            && (lexicons.contains(RuleList::CountryAbbreviations, doc.token_text(s))
                || lex[s].begin & LexClass::Country.bit() != 0)
        {
            s += 1;
        }
        if s < i && !doc.token_text(s).starts_with(['\'', '\u{2019}']) {
            out.push((run, s, head_end, award));
        }
        i = head_end;
    }
    out
}

/// Tags awards and events as MISC in place of what the tagger found there, unless the tagger
/// already holds exactly that name as MISC or EVENT.
pub(super) fn named_events(doc: &Document, lexicons: &Lexicons, lex: &[TokenLex], mentions: &mut Mentions) {
    let mut new = Vec::new();
    for (run, s, e, award) in find(doc, lexicons, lex) {
        let same = mentions.owner(s).is_some_and(|k| {
            mentions[k].start == s
                && mentions[k].end == e
                && matches!(mentions[k].label, EntityLabel::Misc | EntityLabel::Event)
        });
        // A place or organisation reaching past the name ("Festival Hall") is some other name.
        let past = (s..e).any(|i| {
            mentions
                .owner(i)
                .is_some_and(|k| mentions[k].start < run || mentions[k].end > e)
        });
        if same || past {
            continue;
        }
        let why = if award {
            "a name ending in an award word"
        } else {
            "a name ending in an event word"
        };
        new.push(Mention::by_rule(
            s,
            e,
            EntityLabel::Misc,
            EntityRule::AwardOrEventName,
            why.to_string(),
        ));
    }
    // The country left out of an award's name ("US" of "US People's Choice Awards") is the place,
    // once the mention that held it with the name is gone.
    let mut places = Vec::new();
    for m in &new {
        let c = m.start.wrapping_sub(1);
        if m.start > 0 && doc.is_capitalised(c) {
            let abbreviation = lexicons.contains(RuleList::CountryAbbreviations, doc.token_text(c));
            if abbreviation || lex[c].begin & LexClass::Country.bit() != 0 {
                let (rule, list) = if abbreviation {
                    (
                        EntityRule::LexiconCountryAbbreviation,
                        RuleList::CountryAbbreviations.name(),
                    )
                } else {
                    (EntityRule::LexiconCountry, LexClass::Country.name())
                };
                places.push(Mention::by_rule(
                    c,
                    c + 1,
                    EntityLabel::Loc,
                    rule,
                    format!("lexicon: {list}"),
                ));
            }
        }
    }
    mentions.replace_overlapping(new);
    mentions.replace_overlapping(places);
}

/// Awards known by a one-word name (`data/entities/award_names.txt`).
fn award_name(w: &str) -> bool {
    static LIST: super::SmallList = super::SmallList::new(include_str!("../../../data/entities/award_names.txt"));
    LIST.contains(w)
}

/// Lower-case nouns after an award's one-word name that make it the prize ("Oscar nomination").
fn is_award_noun(w: &str) -> bool {
    matches!(
        w,
        "nomination"
            | "nominations"
            | "nominee"
            | "nominees"
            | "statuette"
            | "statuettes"
            | "winner"
            | "winners"
            | "ceremony"
            | "ceremonies"
            | "glory"
            | "race"
            | "voters"
            | "contender"
            | "contenders"
            | "hopeful"
            | "hopefuls"
            | "success"
            | "trophy"
    )
}

/// Awards known by one word: the plural ("the Oscars", "the Grammys") and the singular before an
/// award noun ("an Emmy nomination"), MISC whatever the tagger made of them ("Oscar" reads like a
/// given name). Never before another capitalised word ("Oscar Wilde").
pub(super) fn award_names(doc: &Document, mentions: &mut Mentions) {
    let n = doc.tokens.len();
    let mut found = Vec::new();
    for i in 0..n {
        let w = doc.token_text(i);
        // The list's words are short and capitalised: most tokens fail the first test.
        if w.len() < 4 || !w.starts_with(|c: char| c.is_ascii_uppercase()) {
            continue;
        }
        let next = if i + 1 < n && doc.tokens[i + 1].newlines_before == 0 {
            doc.token_text(i + 1)
        } else {
            ""
        };
        if !next.is_empty() && doc.is_capitalised(i + 1) {
            continue;
        }
        let plural = w.strip_suffix('s').is_some_and(award_name);
        if plural || (award_name(w) && is_award_noun(next)) {
            let why = if plural {
                "an award's name, plural"
            } else {
                "an award's name before an award noun"
            };
            found.push(Mention::by_rule(
                i,
                i + 1,
                EntityLabel::Misc,
                EntityRule::AwardName,
                why.to_string(),
            ));
        }
    }
    if !found.is_empty() {
        mentions.replace_overlapping(found);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<String> {
        let doc = Document::new(text);
        let lexicons = Lexicons::new();
        let lex = lexicons.annotate(&doc);
        find(&doc, &lexicons, &lex)
            .into_iter()
            .map(|(_, s, e, _)| super::super::exact(&doc, s, e).to_string())
            .collect()
    }

    #[test]
    fn awards_and_events_come_out_whole() {
        assert_eq!(
            names("She won at the US People's Choice Awards."),
            ["People's Choice Awards"]
        );
        assert_eq!(
            names("It opens the Rotterdam Film Festival today."),
            ["Rotterdam Film Festival"]
        );
        assert_eq!(names("He won the Nobel Prize for Peace."), ["Nobel Prize"]);
        assert_eq!(
            names("It won at the US Viewers' Choice Awards."),
            ["Viewers' Choice Awards"]
        );
        assert_eq!(names("Awards were given."), Vec::<String>::new());
        assert_eq!(names("After Saturday's World Cup final."), ["World Cup"]);
        assert!(names("RESULTS FROM THE U.S. OPEN").is_empty());
        assert!(names("The Organisation of Islamic Conference met.").is_empty());
    }

    #[test]
    fn the_list_is_sorted_and_unique() {
        let entries: Vec<&str> = crate::data::lines(include_str!("../../../data/entities/award_words.txt")).collect();
        assert!(entries.windows(2).all(|w| w[0] < w[1]), "{entries:?}");
    }
}
