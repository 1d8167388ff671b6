//! Organisations named by a place, which the tagger reads as the place: a sports club ("a
//! determined Nottingham Forest side", then "Forest" alone) and a university ("Michigan and
//! Stanford universities", "Harvard" in an article about universities, "Oxford" after "Oxford
//! University"). National teams stay places where their name is a listed country or city, as
//! CoNLL has them.

use super::exact;
use super::mentions::{Mention, Mentions};
use super::org_cues::{in_list, organisation_at, stands_alone};
use crate::annotation::{EntityLabel, EntityRule};
use crate::entities::lexicon::{LexClass, Lexicons, RuleList, TokenLex};
use crate::fasthash::HashSet;
use crate::text::Document;

/// The place lists: a name that is exactly one of these is a place, not a club.
fn place_bits() -> u32 {
    LexClass::Country.bit() | LexClass::Region.bit() | LexClass::City.bit() | LexClass::Town.bit()
}

/// Relabels mention `k` an organisation by `rule`, and every other mention written the same way.
fn organisation(doc: &Document, mentions: &mut Mentions, names: &[&str], rule: EntityRule, reason: &str) {
    // A set: asked of every mention, the list made a long text quadratic.
    let names: HashSet<&str> = names.iter().copied().collect();
    for k in 0..mentions.len() {
        let m = &mentions[k];
        if m.label != EntityLabel::Org && names.contains(exact(doc, m.start, m.end)) {
            mentions.decide(k, EntityLabel::Org, rule, reason.to_string());
        }
    }
}

/// The last words of club names (`data/entities/club_heads.txt`).
fn club_head(w: &str) -> bool {
    static LIST: super::SmallList = super::SmallList::new(include_str!("../../../data/entities/club_heads.txt"));
    LIST.contains(w)
}

/// "Stoke City", "Plymouth Argyle": a name the tagger called a place or a person, ending in a club's
/// last word, is the club, with every mention written the same way. Not a listed place ("Mexico
/// City", "Kansas City"), nor a frequent word and a head ("Inner City", and so "Manchester City" too).
pub(super) fn club_names(doc: &Document, lexicons: &Lexicons, lex: &[TokenLex], mentions: &mut Mentions) {
    let places = place_bits() | LexClass::WnPlace.bit();
    let mut names: Vec<&str> = Vec::new();
    for m in mentions.iter() {
        let club = m.len() >= 2
            && matches!(m.label, EntityLabel::Loc | EntityLabel::Person)
            && club_head(doc.token_text(m.end - 1))
            && lex[m.start].begin & LexClass::Common.bit() == 0
            && lexicons.phrase(doc, m.start..m.end) & places == 0;
        if club {
            names.push(exact(doc, m.start, m.end));
        }
    }
    if !names.is_empty() {
        organisation(
            doc,
            mentions,
            &names,
            EntityRule::ClubName,
            "ends in a club's last word",
        );
    }
}

/// "A determined Nottingham Forest side", "Leeds Rhinos coach": a place name of two or more words
/// that is not itself a listed place, before a team word (`data/entities/team_words.txt`), is a
/// club. A club named by a town
/// and one more word is then that word alone ("Forest played well").
pub(super) fn clubs(doc: &Document, lexicons: &Lexicons, lex: &[TokenLex], mentions: &mut Mentions) {
    let n = doc.tokens.len();
    let mut clubs: Vec<(usize, usize)> = Vec::new();
    for m in mentions.iter() {
        // One word before a team word is most often a country ("England captain") or a city
        // ("Leeds striker"), places in CoNLL; a nationality ("Austrian coach") is not a club.
        let team = m.end < n && in_list(lexicons, RuleList::TeamWords, doc.token_text(m.end));
        let country = (m.start..m.end).any(|i| lex[i].begin & (LexClass::Country.bit() | LexClass::Demonym.bit()) != 0);
        if team
            && m.len() >= 2
            && matches!(m.label, EntityLabel::Loc | EntityLabel::Org)
            && !country
            && lexicons.phrase(doc, m.start..m.end) & place_bits() == 0
        {
            clubs.push((m.start, m.end));
        }
    }
    if clubs.is_empty() {
        return;
    }
    let names: Vec<&str> = clubs.iter().map(|&(s, e)| exact(doc, s, e)).collect();
    organisation(doc, mentions, &names, EntityRule::Club, "a team word follows the name");
    // "Nottingham Forest" -> "Forest": the town's word is the club's short name. Towns and regions
    // are left out of the test of that word: many ordinary words are a small town or a province
    // somewhere ("Forest").
    let towns = LexClass::City.bit() | LexClass::Town.bit() | LexClass::Region.bit();
    let places = LexClass::Country.bit() | LexClass::City.bit();
    let short: Vec<&str> = clubs
        .iter()
        .filter(|&&(s, e)| {
            e - s == 2 && lex[s].begin & towns != 0 && lex[s + 1].begin & (places | LexClass::OrgWord.bit()) == 0
        })
        .map(|&(s, _)| doc.token_text(s + 1))
        .collect();
    let mut added = Vec::new();
    for i in 0..n {
        if !short.contains(&doc.token_text(i)) || !stands_alone(doc, i) {
            continue;
        }
        let reason = "short name of a club named earlier".to_string();
        organisation_at(mentions, i, EntityRule::Club, reason, &mut added);
    }
    mentions.extend(added);
}

/// True when token `i` is "university" or "universities", in any case.
fn university_word(doc: &Document, i: usize) -> bool {
    let w = doc.token_text(i);
    w.eq_ignore_ascii_case("university") || w.eq_ignore_ascii_case("universities")
}

/// Universities named without the word "University": the names listed before "universities"
/// ("Michigan and Stanford universities"); in an article that speaks of universities, a name
/// WordNet knows as "X University" ("Harvard") that is not a place or a person's name; and, after
/// "X University" or "University of X", X alone where it is not a place one is in ("at Oxford",
/// not "in Oxford").
pub(super) fn universities(doc: &Document, lexicons: &Lexicons, lex: &[TokenLex], mentions: &mut Mentions) {
    let n = doc.tokens.len();
    if !(0..n).any(|i| university_word(doc, i)) {
        return;
    }
    mentions.sort();
    let mut names: Vec<&str> = Vec::new();
    // "Michigan and Stanford universities": walk back over the list before the plural.
    // "Scottish and English universities" are of a nation, not named.
    let peoples = LexClass::Demonym.bit() | LexClass::Group.bit();
    let named = |m: &Mention| m.label != EntityLabel::Misc && (m.start..m.end).all(|i| lex[i].begin & peoples == 0);
    for k in 0..mentions.len() {
        let m = &mentions[k];
        if m.end >= n || doc.token_text(m.end) != "universities" || !named(m) {
            continue;
        }
        let mut j = k;
        loop {
            if named(&mentions[j]) {
                names.push(exact(doc, mentions[j].start, mentions[j].end));
            }
            if j == 0 {
                break;
            }
            let (prev, cur) = (&mentions[j - 1], &mentions[j]);
            let joined = cur.start == prev.end + 1 && matches!(doc.token_text(prev.end), "," | "and");
            if !joined {
                break;
            }
            j -= 1;
        }
    }
    // "Oxford University", "University of Michigan" -> "Oxford", "Michigan".
    let mut short: Vec<&str> = Vec::new();
    for m in mentions.iter() {
        if m.label != EntityLabel::Org || m.len() != 2 && m.len() != 3 {
            continue;
        }
        let (a, b) = (doc.token_text(m.start), doc.token_text(m.end - 1));
        if m.len() == 2 && b == "University" && doc.is_capitalised(m.start) {
            short.push(a);
        } else if m.len() == 3
            && a == "University"
            && doc.token_text(m.start + 1) == "of"
            && doc.is_capitalised(m.end - 1)
        {
            short.push(b);
        }
    }
    let people: Vec<&str> = mentions
        .iter()
        .filter(|m| m.label == EntityLabel::Person && m.len() >= 2)
        .map(|m| doc.token_text(m.end - 1))
        .collect();
    // Not a title ("Duke") nor a given name; ordinary words may be ("harvard" is frequent enough).
    let not_known = LexClass::Title.bit() | LexClass::GivenName.bit() | place_bits();
    let known = LexClass::WnOther.bit() | LexClass::WnOrg.bit();
    let mut decided = Vec::new();
    for (k, m) in mentions.iter().enumerate() {
        if m.len() != 1 || m.label == EntityLabel::Org || !stands_alone(doc, m.start) {
            continue;
        }
        let w = doc.token_text(m.start);
        let prev = if m.start > 0 { doc.token_text(m.start - 1) } else { "" };
        let located = matches!(prev, "in" | "near" | "from" | "to" | "of");
        if short.contains(&w) && !located && lex[m.start].begin & LexClass::Country.bit() == 0 {
            decided.push((k, "short name of a university named in the article"));
        } else if lex[m.start].begin & not_known == 0
            && lexicons.words(&[w, "University"]) & known != 0
            && !people.contains(&w)
        {
            decided.push((k, "a university's name, in an article about universities"));
        }
    }
    for (k, reason) in decided {
        mentions.decide(k, EntityLabel::Org, EntityRule::University, reason.to_string());
    }
    if !names.is_empty() {
        organisation(
            doc,
            mentions,
            &names,
            EntityRule::University,
            "listed before \"universities\"",
        );
    }
}
