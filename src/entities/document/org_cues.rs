//! Organisations the tagger reads as people or places, told by what the article itself says: an
//! organisation acronym in house-style title case ("Opec members said"), a noun naming the business
//! before the name ("accountancy firm Ernst & Young", "shares in Krispy Kreme"), what only a
//! business has after it ("Acme's shareholders"), capitalised words joined by "&", and institutions
//! named by one word ("Parliament", "the Army"). Common nouns a house style capitalises ("the
//! Government", "the Budget") are not names at all.

use super::calendar::is_calendar;
use super::mentions::{Mention, Mentions};
use super::{exact, written_again};
use crate::annotation::{EntityLabel, EntityRule};
use crate::entities::lexicon::{LexClass, Lexicons, RuleList, TokenLex};
use crate::fasthash::HashSet;
use crate::text::words::{is_capitalised, is_possessive};
use crate::text::Document;

/// Most words in a name read after a company noun or around "&".
const MAX_NAME_WORDS: usize = 5;

/// Longest acronym looked up (the list holds 3 to 6 letters).
const MAX_ACRONYM: usize = 6;

/// Words of the description in "Acme, the Swedish games developer," between the article and the
/// company noun, at most.
const MAX_APPOSITION_WORDS: usize = 4;

/// Places: a name of one word that is a place stays one, whatever noun is near it ("profits of
/// Britain's banks").
fn place_bits() -> u32 {
    LexClass::Country.bit() | LexClass::Region.bit() | LexClass::City.bit() | LexClass::Town.bit()
}

/// True when token `i` opens a sentence (or a line).
fn opens_sentence(doc: &Document, i: usize) -> bool {
    i == 0 || doc.tokens[i].newlines_before > 0 || matches!(doc.token_text(i - 1), "." | "!" | "?" | "\"" | "\u{201C}")
}

/// True when no capitalised word next to token `i` makes it part of a longer name (the word
/// before counts only inside a sentence).
pub(super) fn stands_alone(doc: &Document, i: usize) -> bool {
    let n = doc.tokens.len();
    let joined_before = i > 0 && doc.is_capitalised(i - 1) && !opens_sentence(doc, i);
    let joined_after = i + 1 < n && doc.is_capitalised(i + 1) && doc.tokens[i + 1].newlines_before == 0;
    !(joined_before || joined_after)
}

/// True when token `i` can be a word of a company's name: capitalised, not a title, a month or a
/// weekday, not a common word that is capitalised only because it opens the sentence
/// ("Yesterday"), not a description ("Family-controlled"), and an initial only before another
/// word of the name ("J Walter Thompson", not "N/A").
fn name_word(doc: &Document, lex: &[TokenLex], i: usize) -> bool {
    // Most tokens are not capitalised: turn them away before the dearer tests.
    if !doc.is_capitalised(i) {
        return false;
    }
    let w = doc.token_text(i);
    let described = w
        .rsplit('-')
        .next()
        .is_some_and(|last| last != w && !is_capitalised(last));
    if described || lex[i].begin & LexClass::Title.bit() != 0 || is_calendar(doc, i) {
        return false;
    }
    if opens_sentence(doc, i) && lex[i].begin & LexClass::Common.bit() != 0 {
        return false;
    }
    let initial = w.chars().count() == 1;
    !initial || i + 1 < doc.tokens.len() && doc.tokens[i + 1].space_before && doc.is_capitalised(i + 1)
}

/// The name that starts at token `s`: capitalised words and initials, and "&" between two of them
/// ("Young & Rubicam", "J Walter Thompson"), on one line; `s` itself if no name starts there.
fn name_from(doc: &Document, lex: &[TokenLex], s: usize) -> usize {
    let n = doc.tokens.len();
    let mut e = s;
    while e < n && e - s < MAX_NAME_WORDS && (e == s || doc.tokens[e].newlines_before == 0) {
        if name_word(doc, lex, e) {
            e += 1;
        } else if doc.token_text(e) == "&" && e > s && e + 1 < n && name_word(doc, lex, e + 1) {
            e += 2;
        } else {
            break;
        }
    }
    e
}

/// "Shares", "shareholders", "SHARE": a word about shares, in any case.
fn starts_with_share(w: &str) -> bool {
    w.as_bytes().get(..5).is_some_and(|p| p.eq_ignore_ascii_case(b"share"))
}

/// True when `w` is in the rule-only `list`. One shared call, not the lookup inlined at each of
/// these rules' many call sites: that kept the wasm larger for no measurable speed.
#[inline(never)]
pub(super) fn in_list(lexicons: &Lexicons, list: RuleList, w: &str) -> bool {
    lexicons.contains(list, w)
}

/// Token `i` is an organisation by `rule`: the one-word mention there is relabelled, or a new one
/// goes into `added` where none covers it (a longer mention there is left alone).
pub(super) fn organisation_at(
    mentions: &mut Mentions,
    i: usize,
    rule: EntityRule,
    reason: String,
    added: &mut Vec<Mention>,
) {
    match mentions.owner(i) {
        Some(k) if mentions[k].len() == 1 && mentions[k].label != EntityLabel::Org => {
            mentions.decide(k, EntityLabel::Org, rule, reason);
        }
        Some(_) => {}
        None => added.push(Mention::by_rule(i, i + 1, EntityLabel::Org, rule, reason)),
    }
}

/// Drops every span that overlaps one found before it, so the names are apart (a mask of taken
/// tokens, not a sort: a sort of these tuples costs the wasm more than the rule itself).
fn keep_apart(found: &mut Vec<(usize, usize, &'static str)>, tokens: usize) {
    let mut taken = vec![false; tokens];
    found.retain(|&(s, e, _)| {
        let free = e <= tokens && !taken[s..e].iter().any(|&t| t);
        if free {
            taken[s..e].iter_mut().for_each(|t| *t = true);
        }
        free
    });
}

/// "Opec", "Nato", "Unicef": an organisation acronym (`data/entities/org_acronyms.txt`) written in
/// title case is that organisation, where the word stands alone (no capitalised word next to it
/// makes it part of a longer name) and is not an ordinary word ("Who", "Ace").
pub(super) fn title_case_acronyms(doc: &Document, lexicons: &Lexicons, lex: &[TokenLex], mentions: &mut Mentions) {
    let n = doc.tokens.len();
    let mut added = Vec::new();
    for (i, l) in lex.iter().enumerate().take(n) {
        let w = doc.token_text(i);
        let b = w.as_bytes();
        if b.len() < 3
            || b.len() > MAX_ACRONYM
            || !b[0].is_ascii_uppercase()
            || !b[1..].iter().all(u8::is_ascii_lowercase)
            || l.begin & LexClass::Common.bit() != 0
        {
            continue;
        }
        let mut upper = [0u8; MAX_ACRONYM];
        upper[..b.len()].copy_from_slice(b);
        upper[..b.len()].make_ascii_uppercase();
        let Ok(upper) = std::str::from_utf8(&upper[..b.len()]) else {
            continue;
        };
        if !in_list(lexicons, RuleList::OrgAcronyms, upper) {
            continue;
        }
        if !stands_alone(doc, i) {
            continue;
        }
        let reason = format!("the acronym {upper} in title case");
        organisation_at(mentions, i, EntityRule::OrgAcronym, reason, &mut added);
    }
    mentions.extend(added);
}

/// Names the article calls a business: after a company noun ("accountancy firm Ernst & Young",
/// "auction site eBay", "the firms Young & Rubicam and J Walter Thompson"), in "shares in X" and
/// "the chief executive of X", before what only a business has ("Acme's shareholders"), described
/// as one ("Mindark, the game's developer,"), and capitalised words joined by "&" ("Marks &
/// Spencer"). Every mention written the same way elsewhere in the article follows.
pub(super) fn company_cues(doc: &Document, lexicons: &Lexicons, lex: &[TokenLex], mentions: &mut Mentions) {
    let n = doc.tokens.len();
    let cue = |i: usize| in_list(lexicons, RuleList::CompanyCues, doc.token_text(i));
    // "Shares in Acme" opening a sentence is "shares in Acme".
    let owned = |i: usize| {
        let w = doc.token_text(i);
        in_list(lexicons, RuleList::CompanyPossessions, w)
            || opens_sentence(doc, i) && in_list(lexicons, RuleList::CompanyPossessions, &w.to_lowercase())
    };
    let given = LexClass::GivenName.bit();
    // Nationalities and groups ("the group Kurds", "a Swiss newspaper") are not organisations.
    let peoples = LexClass::Demonym.bit() | LexClass::Group.bit();
    let mut found: Vec<(usize, usize, &'static str)> = Vec::new();
    for i in 1..n {
        if doc.tokens[i].newlines_before > 0 || !doc.is_capitalised(i) {
            continue;
        }
        // Only a cue word or one of these words before it starts a name here: the test turns away
        // most capitalised words before the dearer ones.
        let prev = doc.token_text(i - 1);
        if !(cue(i - 1) || matches!(prev, "as" | "including" | "like" | "of" | "in" | "at" | "with")) {
            continue;
        }
        if !name_word(doc, lex, i) || doc.is_capitalised(i - 1) {
            continue;
        }
        // "firm Acme"; "companies such as Acme", "firms including Acme".
        let plural = |j: usize| cue(j) && doc.token_text(j).ends_with('s');
        let cue_at = if cue(i - 1) {
            Some(i - 1)
        } else if prev == "as" && i >= 3 && doc.token_text(i - 2) == "such" && plural(i - 3) {
            Some(i - 3)
        } else if matches!(prev, "including" | "like") && i >= 2 && plural(i - 2) {
            Some(i - 2)
        } else {
            None
        };
        // "shares in Acme", "the chief executive of Acme".
        let why = if cue_at.is_some() {
            Some("named after a company noun")
        } else if i >= 2 && (prev == "of" || prev == "in" && starts_with_share(doc.token_text(i - 2))) && owned(i - 2) {
            Some("what a business has is of it")
        } else if i >= 2
            && matches!(prev, "at" | "with")
            && in_list(lexicons, RuleList::FirmStaff, doc.token_text(i - 2))
        {
            Some("an analyst's firm")
        } else {
            None
        };
        let Some(why) = why else {
            continue;
        };
        // A plural noun lists several: "the firms Acme and Bolt", "companies such as Acme, Bolt, and Crane".
        let list = cue_at.is_some_and(plural);
        let mut s = i;
        loop {
            let mut e = name_from(doc, lex, s);
            // A firm of partners: "analyst with Purvin and Gertz" (one word each side of "and").
            let partners = why == "an analyst's firm"
                && e == s + 1
                && e + 2 < n
                && doc.token_text(e) == "and"
                && name_word(doc, lex, e + 1)
                && !doc.is_capitalised(e + 2)
                && [s, e + 1]
                    .iter()
                    .all(|&j| lex[j].begin & (place_bits() | LexClass::Common.bit()) == 0);
            if partners {
                e += 2;
            }
            let amp = (s..e).any(|j| doc.token_text(j) == "&");
            // "firm chief John Smith" or "bank manager Ann Lee" name a person.
            let person = lex[s].begin & given != 0 && e - s >= 2 && !amp;
            let place = e - s == 1 && lex[s].begin & (place_bits() | peoples) != 0;
            if e > s && !person && !place {
                found.push((s, e, why));
            }
            let next = if e + 2 < n && doc.token_text(e) == "," && doc.token_text(e + 1) == "and" {
                e + 2
            } else {
                e + 1
            };
            if list && e > s && next < n && matches!(doc.token_text(e), "and" | ",") && name_word(doc, lex, next) {
                s = next;
            } else {
                break;
            }
        }
    }
    // "Acme's shareholders", "Acme's chief executive"; "Acme, the Swedish games developer,".
    for k in 0..mentions.len() {
        let m = &mentions[k];
        if m.label == EntityLabel::Org || m.end + 1 >= n {
            continue;
        }
        let (s, e) = (m.start, m.end);
        let person = lex[s].begin & given != 0 && m.len() >= 2;
        let place = m.len() == 1 && lex[s].begin & place_bits() != 0;
        let people = (s..e).any(|j| lex[j].begin & peoples != 0);
        if person || place || people {
            continue;
        }
        // "Britain's Sun newspaper", "the Eagles organisation".
        if in_list(lexicons, RuleList::OrgKindsAfter, doc.token_text(e)) {
            found.push((s, e, "an organisation noun follows the name"));
            continue;
        }
        let possessive = e + 2 < n
            && is_possessive(doc.token_text(e))
            && (owned(e + 1)
                || e + 2 < n && !doc.is_capitalised(e + 1) && owned(e + 2) && doc.token_text(e + 1) != "own");
        let described = e + 2 < n
            && doc.token_text(e) == ","
            && matches!(doc.token_text(e + 1), "the" | "a" | "an")
            && (e + 2..n.min(e + 2 + MAX_APPOSITION_WORDS)).any(|j| {
                cue(j)
                    && doc.tokens[j].kind == crate::text::TokenKind::Word
                    && j + 1 < n
                    && matches!(doc.token_text(j + 1), "," | "." | ";" | "of" | "that" | "which")
                    && (e + 2..j).all(|x| !matches!(doc.token_text(x), "," | "." | ";"))
            });
        // "Hallam Brightwell (HB)": people do not go by the initials of their names in brackets;
        // things do ("Liquid Crystal Display (LCD)"), with a common acronym.
        let initials = m.label == EntityLabel::Person
            && m.len() >= 2
            && e + 2 < n
            && doc.token_text(e) == "("
            && doc.token_text(e + 2) == ")"
            && doc.token_text(e + 1).len() == m.len()
            && lex[e + 1].begin & LexClass::Acronym.bit() == 0
            && doc
                .token_text(e + 1)
                .bytes()
                .zip(s..e)
                .all(|(c, t)| doc.token_text(t).as_bytes().first() == Some(&c));
        if initials {
            found.push((s, e, "spelled out before its initials"));
        } else if possessive {
            found.push((s, e, "what only a business has is its"));
        } else if described {
            found.push((s, e, "described as a business"));
        }
    }
    // "Marks & Spencer", "Ernst & Young": capitalised words joined by "&", unless both are
    // ordinary words ("Profits & Losses" in a headline) or a place is among them.
    for j in 1..n.saturating_sub(1) {
        if doc.token_text(j) != "&" || !doc.is_capitalised(j - 1) || !name_word(doc, lex, j + 1) {
            continue;
        }
        let common = LexClass::Common.bit();
        if lex[j - 1].begin & common != 0 && lex[j + 1].begin & common != 0 {
            continue;
        }
        let mut s = j - 1;
        while s > 0 && j - s < MAX_NAME_WORDS && doc.tokens[s].newlines_before == 0 && name_word(doc, lex, s - 1) {
            s -= 1;
        }
        if !name_word(doc, lex, s) {
            continue;
        }
        let e = name_from(doc, lex, s);
        if e > j + 1 && (s..e).all(|x| lex[x].begin & place_bits() == 0) {
            found.push((s, e, "capitalised words joined by \"&\""));
        }
    }
    if found.is_empty() {
        return;
    }
    keep_apart(&mut found, n);
    // A name another rule already made an organisation ("Schroder Wertheim & Co", by its legal
    // form) keeps that rule's span.
    found.retain(|&(s, e, _)| {
        (s..e).all(|i| {
            mentions
                .owner(i)
                .is_none_or(|k| mentions[k].label != EntityLabel::Org || mentions[k].rule == EntityRule::Model)
        })
    });
    // A set: asked of every mention, a list made a long text quadratic.
    let names: HashSet<&str> = found.iter().map(|&(s, e, _)| exact(doc, s, e)).collect();
    // A name of several words elsewhere in the article, however the tagger cut it there ("Scissor"
    // of "Scissor Sisters" in a headline), is the same business.
    let mut elsewhere = Vec::new();
    let spans: Vec<(usize, usize)> = found.iter().filter(|f| f.1 - f.0 >= 2).map(|f| (f.0, f.1)).collect();
    for (k, i) in written_again(doc, lex, &spans) {
        let (s, e) = spans[k];
        let len = e - s;
        if i != s {
            let bounded = (i == 0 || !doc.is_capitalised(i - 1) || opens_sentence(doc, i))
                && (i + len >= n || !doc.is_capitalised(i + len) || doc.tokens[i + len].newlines_before > 0);
            if bounded {
                elsewhere.push((i, i + len, "the article calls this name a business elsewhere"));
            }
        }
    }
    found.extend(elsewhere);
    keep_apart(&mut found, n);
    let orgs: Vec<Mention> = found
        .into_iter()
        .map(|(s, e, why)| Mention::by_rule(s, e, EntityLabel::Org, EntityRule::CompanyCue, why.to_string()))
        .collect();
    mentions.replace_overlapping(orgs);
    // The same name elsewhere in the article ("Acme said") is the same business.
    for k in 0..mentions.len() {
        let m = &mentions[k];
        if m.label != EntityLabel::Org && names.contains(exact(doc, m.start, m.end)) {
            let reason = "the article calls this name a business elsewhere".to_string();
            mentions.decide(k, EntityLabel::Org, EntityRule::CompanyCue, reason);
        }
    }
}

/// "Parliament", "the Commons", "Army reforms": an institution named by one word
/// (`data/entities/institutions.txt`) is an organisation where it stands alone. Mentions made only
/// of common nouns a house style capitalises ("the Government", `data/entities/not_names.txt`)
/// that later passes made are dropped again: they are not names.
pub(super) fn institutions(doc: &Document, lexicons: &Lexicons, mentions: &mut Mentions) {
    let n = doc.tokens.len();
    mentions
        .edit()
        .retain(|m| !super::not_names::only_common_nouns(doc, m.start, m.end));
    let mut added = Vec::new();
    for i in 0..n {
        if !in_list(lexicons, RuleList::Institutions, doc.token_text(i)) {
            continue;
        }
        // "Fed up with ...": a participle opening a sentence before its particle.
        let participle = opens_sentence(doc, i)
            && i + 1 < n
            && matches!(doc.token_text(i + 1), "up" | "by" | "with" | "into" | "on" | "to");
        if !stands_alone(doc, i) || participle {
            continue;
        }
        let reason = format!("\"{}\" names an institution", doc.token_text(i));
        organisation_at(mentions, i, EntityRule::Institution, reason, &mut added);
    }
    mentions.extend(added);
}
