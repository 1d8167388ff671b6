//! Document-level decisions on top of the tagger's per-token output: what one sentence cannot
//! know. Datelines ("WASHINGTON (Reuters) -"), titles kept out of names, one label per name in
//! the article, later mentions of a person ("Pence" after "Mike Pence") found and linked, the
//! NORP/EVENT split of MISC, and one entity id and canonical name per entity.

use super::features::is_capitalised;
use super::hash::PassThroughBuild;
use super::lexicon::{phrase_hash, LexClass, Lexicons, TokenLex};
use super::model::Decision;
use super::tags::{self, Class};
use crate::annotation::{Entity, EntityLabel};
use crate::text::{Document, Span, TokenKind};
use std::collections::HashMap;

/// A mention as a token range while decisions are still being made.
#[derive(Debug, Clone)]
struct Mention {
    start: usize,
    end: usize,
    label: EntityLabel,
    confidence: Option<f32>,
    reason: String,
}

fn label_of(c: Class) -> EntityLabel {
    match c {
        Class::Per => EntityLabel::Person,
        Class::Org => EntityLabel::Org,
        Class::Loc => EntityLabel::Loc,
        Class::Misc => EntityLabel::Misc,
    }
}

/// A case-insensitive hash of tokens `s..e`: the key that makes "WASHINGTON" and "Washington"
/// the same name, without allocating.
fn key(doc: &Document, s: usize, e: usize) -> u64 {
    phrase_hash((s..e).map(|i| doc.token_text(i)))
}

/// The exact text of tokens `s..e`: consistency is judged on names as written, since a team in
/// body text ("New York") is often a place in a results table ("NEW YORK").
fn exact<'t>(doc: &Document<'t>, s: usize, e: usize) -> &'t str {
    Span::new(doc.tokens[s].span.start, doc.tokens[e - 1].span.end).slice(doc.text)
}

fn is_cap(doc: &Document, i: usize) -> bool {
    doc.tokens[i].kind == TokenKind::Word && doc.token_text(i).starts_with(char::is_uppercase)
}

fn is_all_caps(s: &str) -> bool {
    s.chars().any(char::is_alphabetic) && !s.chars().any(char::is_lowercase)
}

fn is_possessive(s: &str) -> bool {
    matches!(s, "'s" | "'S" | "\u{2019}s" | "\u{2019}S")
}

/// Turns the tagger's decisions into entities with document-level consistency.
pub fn resolve(doc: &Document, lexicons: &Lexicons, lex: &[TokenLex], decisions: &[Decision]) -> Vec<Entity> {
    let mut mentions = from_tags(doc, decisions);
    trim(doc, lex, &mut mentions);
    datelines(doc, lexicons, &mut mentions);
    company_names(doc, lex, &mut mentions);
    given_names(doc, lex, &mut mentions);
    streets(doc, &mut mentions);
    countries(doc, lexicons, lex, &mut mentions);
    org_heads(doc, lexicons, lex, &mut mentions);
    demonym_orgs(doc, lex, &mut mentions);
    dangling_of(doc, &mut mentions);
    org_short_forms(doc, lex, &mut mentions);
    consistent_labels(doc, &mut mentions);
    place_lists(doc, &mut mentions);
    repeat_names(doc, lex, &mut mentions);
    lexicon_names(doc, lex, &mut mentions);
    split_misc(doc, lexicons, lex, &mut mentions);
    mentions.sort_by_key(|m| m.start);
    link(doc, mentions)
}

fn from_tags(doc: &Document, decisions: &[Decision]) -> Vec<Mention> {
    let mut out = Vec::new();
    let mut i = 0;
    let n = decisions.len().min(doc.tokens.len());
    while i < n {
        // A stray I tag (after O or another class) starts a mention, as B would.
        let Some(c) = tags::class_of(decisions[i].tag) else {
            i += 1;
            continue;
        };
        let s = i;
        i += 1;
        while i < n && decisions[i].tag == tags::inside(c) {
            i += 1;
        }
        let conf = decisions[s..i].iter().map(|d| d.prob).fold(1.0f32, f32::min);
        out.push(Mention {
            start: s,
            end: i,
            label: label_of(c),
            confidence: Some(conf),
            reason: format!("model {conf:.2}"),
        });
    }
    out
}

/// Titles and possessives are never part of a name; punctuation never ends one.
fn trim(doc: &Document, lex: &[TokenLex], mentions: &mut Vec<Mention>) {
    let title = LexClass::Title.bit();
    let mut grew = Vec::new();
    for m in mentions.iter_mut() {
        while m.end > m.start {
            let t = doc.token_text(m.end - 1);
            if is_possessive(t) || matches!(t, "," | ";" | ":" | "\"" | "\u{201C}" | "\u{201D}" | "(" | "[" | "&") {
                m.end -= 1;
            } else {
                break;
            }
        }
        // "Douglas & Lomason" tagged from the "&": the name starts at the word before it.
        if doc.token_text(m.start) == "&"
            && m.start > 0
            && is_cap(doc, m.start - 1)
            && doc.tokens[m.start].newlines_before == 0
        {
            m.start -= 1;
            grew.push(m.start);
        }
        if m.label == EntityLabel::Person {
            // "Vice President Mike Pence" -> "Mike Pence": strip leading title words while a
            // capitalised word remains after them.
            while m.end - m.start > 1
                && (lex[m.start].begin | lex[m.start].inside) & title != 0
                && is_cap(doc, m.start + 1)
            {
                m.start += 1;
            }
        }
    }
    // A title alone is no name: "Lord" in "Lord Ashcroft" tagged apart from the name it heads.
    mentions.retain(|m| {
        m.end > m.start
            && !(m.end - m.start == 1
                && lex[m.start].begin & title != 0
                && (m.label == EntityLabel::Person || (m.end < doc.tokens.len() && is_cap(doc, m.end))))
    });
    // A name grown back over its first word replaces whatever mention held that word alone.
    if !grew.is_empty() {
        let grew: std::collections::HashSet<usize> = grew.into_iter().collect();
        mentions.retain(|m| !(m.end == m.start + 1 && grew.contains(&m.start) && doc.token_text(m.end) == "&"));
    }
}

/// Replaces whatever overlaps tokens `s..e` with `new`.
fn put(mentions: &mut Vec<Mention>, new: Mention) {
    mentions.retain(|m| m.end <= new.start || m.start >= new.end);
    mentions.push(new);
}

/// Which tokens are inside a mention (one pass, so rules stay linear on long texts).
fn coverage(doc: &Document, mentions: &[Mention]) -> Vec<bool> {
    let mut c = vec![false; doc.tokens.len()];
    for m in mentions {
        c[m.start..m.end].iter_mut().for_each(|x| *x = true);
    }
    c
}

/// "WASHINGTON (Reuters) -" or "SEOUL, South Korea (AP) —" at the start of a line near the top:
/// the capitals are a place, the bracketed name a news organisation.
fn datelines(doc: &Document, lexicons: &Lexicons, mentions: &mut Vec<Mention>) {
    let n = doc.tokens.len();
    let mut line = 0;
    let mut i = 0;
    while i < n && line < 12 {
        if i == 0 || doc.tokens[i].newlines_before > 0 {
            line += 1;
            dateline_at(doc, lexicons, i, mentions);
        }
        i += 1;
    }
}

fn dateline_at(doc: &Document, lexicons: &Lexicons, i: usize, mentions: &mut Vec<Mention>) {
    let place = LexClass::Country.bit() | LexClass::Region.bit() | LexClass::City.bit();
    let n = doc.tokens.len();
    let text = |k: usize| if k < n { doc.token_text(k) } else { "" };
    let caps = |k: usize| k < n && is_cap(doc, k) && is_all_caps(text(k));
    if !caps(i) {
        return;
    }
    let mut j = i + 1;
    while j - i < 4 && caps(j) && doc.tokens[j].newlines_before == 0 {
        j += 1;
    }
    let place_end = j;
    // Optional ", South Korea" after the city.
    let mut k = j;
    if text(k) == "," {
        let mut m = k + 1;
        while m < n && is_cap(doc, m) && m - k <= 3 {
            m += 1;
        }
        if m > k + 1 {
            k = m;
        }
    }
    let dash = |s: &str| matches!(s, "-" | "\u{2014}" | "\u{2013}" | "--");
    // Optional date between the place and the agency: "BRUSSELS, March 14, 2024 (Agency) –"
    // (the month was taken as a region word above, so the run may start at the day).
    let mut m = if text(k) == "," { k + 1 } else { k };
    let mut numbers = 0;
    while m < n && m - k <= 6 && doc.tokens[m].newlines_before == 0 {
        match text(m) {
            "," | "." => {}
            _ if doc.tokens[m].kind == TokenKind::Number => numbers += 1,
            _ if is_cap(doc, m) => {}
            _ => break,
        }
        m += 1;
    }
    if numbers > 0 && (text(m) == "(" || dash(text(m))) {
        k = m;
    }
    let mut org = None;
    if text(k) == "(" {
        let mut m = k + 1;
        while m < n && is_cap(doc, m) && m - k <= 4 {
            m += 1;
        }
        if m > k + 1 && text(m) == ")" {
            org = Some((k + 1, m));
            k = m + 1;
        } else {
            return;
        }
    }
    if !dash(text(k)) {
        return;
    }
    // Without "(Agency)", only a known place followed by ordinary text: CoNLL-style headlines
    // such as "SOCCER - ROTOR WIN" must not become places.
    if org.is_none() {
        let known = lexicons.phrase(doc, i..place_end) & place != 0
            || mentions
                .iter()
                .any(|m| m.start == i && m.end == place_end && m.label == EntityLabel::Loc);
        let after = text(k + 1);
        if !known || is_all_caps(after) || after.is_empty() {
            return;
        }
    }
    put(
        mentions,
        Mention {
            start: i,
            end: place_end,
            label: EntityLabel::Loc,
            confidence: None,
            reason: "dateline".into(),
        },
    );
    if let Some((s, e)) = org {
        put(
            mentions,
            Mention {
                start: s,
                end: e,
                label: EntityLabel::Org,
                confidence: None,
                reason: "dateline".into(),
            },
        );
    }
}

/// A run of capitalised words ending in a legal form is one company: "Magna International Inc",
/// "Schroder Wertheim & Co", "Gold Fields of South Africa Ltd".
fn company_names(doc: &Document, lex: &[TokenLex], mentions: &mut Vec<Mention>) {
    let n = doc.tokens.len();
    let mut found = Vec::new();
    for j in 1..n {
        if lex[j].begin & LexClass::LegalSuffix.bit() == 0 || !is_cap(doc, j) || doc.tokens[j].newlines_before > 0 {
            continue;
        }
        let mut s = j;
        while s > 0 && j - s < 7 && doc.tokens[s].newlines_before == 0 {
            let p = s - 1;
            let t = doc.token_text(p);
            // Another company's legal form ("Johnson Controls Inc and Lear Corp"), a person before
            // "of" ("John Casesa of Schroder Wertheim & Co") and "Ohio-based" end the walk back;
            // "of" joins only after an organisation head ("Bank of America Corp").
            let prior_company = lex[p].begin & LexClass::LegalSuffix.bit() != 0;
            let based = t
                .rsplit('-')
                .next()
                .is_some_and(|last| last != t && !is_capitalised(last));
            let of_ok = t == "of" && p > 0 && lex[p - 1].begin & LexClass::OrgWord.bit() != 0;
            if is_cap(doc, p) && lex[p].begin & LexClass::Title.bit() == 0 && !prior_company && !based
                || t == "&"
                || of_ok
            {
                s = p;
            } else {
                break;
            }
        }
        while s < j && !is_cap(doc, s) {
            s += 1;
        }
        if s < j {
            found.push((s, j + 1));
        }
    }
    if found.is_empty() {
        return;
    }
    let mut taken = vec![false; n];
    for &(s, e) in &found {
        taken[s..e].iter_mut().for_each(|x| *x = true);
    }
    mentions.retain(|m| !taken[m.start..m.end].iter().any(|&x| x));
    // "Schroder Wertheim & Co Inc" may end twice: keep one, the longest.
    let mut merged: Vec<(usize, usize)> = Vec::with_capacity(found.len());
    for (s, e) in found {
        match merged.last_mut() {
            Some(last) if s < last.1 => *last = (last.0.min(s), e),
            _ => merged.push((s, e)),
        }
    }
    for (s, e) in merged {
        mentions.push(Mention {
            start: s,
            end: e,
            label: EntityLabel::Org,
            confidence: None,
            reason: format!("ends in a company legal form ({})", doc.token_text(e - 1)),
        });
    }
}

/// "Rishi Sunak" tagged as an organisation: two or three capitalised words starting with a known
/// given name (that is not also a common word or a place) and not ending in an organisation word
/// are a person.
fn given_names(doc: &Document, lex: &[TokenLex], mentions: &mut Vec<Mention>) {
    let not_name = LexClass::Common.bit()
        | LexClass::Country.bit()
        | LexClass::City.bit()
        | LexClass::Region.bit()
        | LexClass::Demonym.bit()
        | LexClass::Title.bit();
    let org = LexClass::OrgWord.bit() | LexClass::LegalSuffix.bit() | LexClass::NewsOrg.bit();
    for m in mentions.iter_mut() {
        let len = m.end - m.start;
        if m.label == EntityLabel::Person || m.reason == "dateline" || !(2..=3).contains(&len) {
            continue;
        }
        let first = lex[m.start].begin;
        let names_person = first & LexClass::GivenName.bit() != 0
            && first & not_name == 0
            && (m.start..m.end).all(|i| is_cap(doc, i) && !is_all_caps(doc.token_text(i)) && lex[i].begin & org == 0);
        if names_person {
            m.reason = format!("lexicon: {}", LexClass::GivenName.name());
            m.label = EntityLabel::Person;
            m.confidence = None;
        }
    }
    // The tagger sometimes cuts a name after its given name ("Pierre" ORG + "Belec" PERSON,
    // "Democrat Walter" + "Mondale"): a given name right before a person mention joins it.
    mentions.sort_by_key(|m| m.start);
    let mut k = 1;
    while k < mentions.len() {
        let (a, b) = mentions.split_at_mut(k);
        let prev = &mut a[k - 1];
        let cur = &mut b[0];
        let g = prev.end - 1;
        let joins = cur.label == EntityLabel::Person
            && prev.label != EntityLabel::Person
            && prev.end == cur.start
            && prev.reason != "dateline"
            && doc.tokens[cur.start].newlines_before == 0
            && lex[g].begin & LexClass::GivenName.bit() != 0
            && lex[g].begin & not_name == 0
            && is_cap(doc, g)
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

/// "World Anti-Doping Agency", "Council of Mortgage Lenders": a name of several words headed by
/// an organisation word (Agency, Committee, Council, Association…) is an organisation, whatever
/// the tagger made of the unfamiliar words before it.
fn org_heads(doc: &Document, lexicons: &Lexicons, lex: &[TokenLex], mentions: &mut [Mention]) {
    let org = LexClass::OrgWord.bit();
    for m in mentions.iter_mut() {
        // "Scheldt Terminals" read as a person: a company word ends it.
        if m.label != EntityLabel::Org
            && m.end - m.start >= 2
            && lexicons.company_heads.contains(doc.token_text(m.end - 1))
        {
            m.label = EntityLabel::Org;
            m.confidence = None;
            m.reason = format!("ends in \"{}\"", doc.token_text(m.end - 1));
            continue;
        }
        if !matches!(m.label, EntityLabel::Misc) || m.end - m.start < 2 {
            continue;
        }
        // The head is the last word, or the word before "of" ("Council of Mortgage Lenders").
        let of = (m.start + 1..m.end).find(|&j| doc.token_text(j) == "of");
        let head = of.map_or(m.end - 1, |j| j - 1);
        // "Premier League", "Champions League" are competitions (MISC), as CoNLL has them.
        if lex[head].begin & org != 0 && is_cap(doc, head) && !doc.token_text(head).eq_ignore_ascii_case("League") {
            m.label = EntityLabel::Org;
            m.confidence = None;
            m.reason = format!("headed by \"{}\"", doc.token_text(head));
        }
    }
}

/// "Belgian" + "Transport Union": a nationality right before an organisation headed by an
/// organisation word is part of its name ("Czech National Bank", "Palestinian Authority").
fn demonym_orgs(doc: &Document, lex: &[TokenLex], mentions: &mut Vec<Mention>) {
    let org = LexClass::OrgWord.bit();
    mentions.sort_by_key(|m| m.start);
    let mut out: Vec<Mention> = Vec::with_capacity(mentions.len());
    for b in mentions.drain(..) {
        let joins = out.last().is_some_and(|a| {
            a.label == EntityLabel::Misc
                && a.end - a.start == 1
                && lex[a.start].begin & LexClass::Demonym.bit() != 0
                && b.label == EntityLabel::Org
                && b.start == a.end
                && b.end - b.start >= 2
                && doc.tokens[b.start].newlines_before == 0
                && lex[b.end - 1].begin & org != 0
        });
        match out.last_mut() {
            Some(a) if joins => {
                *a = Mention {
                    start: a.start,
                    reason: format!("{}; with its nationality", b.reason),
                    ..b
                };
            }
            _ => out.push(b),
        }
    }
    *mentions = out;
}

/// "Federation of" + "Belgian Enterprises": a name never ends in "of"; the tagger cut it, and the
/// mention right after is the rest of it. With nothing after, the "of" is dropped.
fn dangling_of(doc: &Document, mentions: &mut Vec<Mention>) {
    mentions.sort_by_key(|m| m.start);
    let mut out: Vec<Mention> = Vec::with_capacity(mentions.len());
    for b in mentions.drain(..) {
        match out.last_mut() {
            Some(a) if dangles(doc, a) && b.start == a.end && doc.tokens[b.start].newlines_before == 0 => {
                a.reason = format!("{}; the name runs on after \"{}\"", a.reason, doc.token_text(a.end - 1));
                a.end = b.end;
            }
            _ => {
                if let Some(a) = out.last_mut().filter(|a| dangles(doc, a)) {
                    a.end -= 1;
                }
                out.push(b);
            }
        }
    }
    if let Some(a) = out.last_mut().filter(|a| dangles(doc, a)) {
        a.end -= 1;
    }
    *mentions = out;
}

/// True when a mention of several words ends in a joining word ("Federation of").
fn dangles(doc: &Document, m: &Mention) -> bool {
    m.end - m.start >= 2 && matches!(doc.token_text(m.end - 1), "of" | "for" | "and" | "&")
}

/// "the Commission" after "European Commission": an organisation word alone, once the article
/// has named the organisation it heads, is that organisation.
fn org_short_forms(doc: &Document, lex: &[TokenLex], mentions: &mut [Mention]) {
    let org = LexClass::OrgWord.bit();
    mentions.sort_by_key(|m| m.start);
    let mut heads: crate::fasthash::HashSet<&str> = crate::fasthash::HashSet::default();
    for m in mentions.iter_mut() {
        let head = doc.token_text(m.end - 1);
        if m.label == EntityLabel::Org && m.end - m.start >= 2 && lex[m.end - 1].begin & org != 0 {
            heads.insert(head);
        } else if m.end - m.start == 1 && m.label != EntityLabel::Org && heads.contains(head) {
            m.label = EntityLabel::Org;
            m.confidence = None;
            m.reason = "short for an organisation named earlier".to_string();
        }
    }
}

/// An "organisation" that is exactly a country's name ("US", "Germany") is the place: CoNLL calls
/// national teams places too. People keep their tag ("Jordan" may be a player): trying that cost
/// PER recall on CoNLL dev.
fn countries(doc: &Document, lexicons: &Lexicons, lex: &[TokenLex], mentions: &mut [Mention]) {
    let country = LexClass::Country.bit();
    for m in mentions.iter_mut() {
        if m.label != EntityLabel::Org {
            continue;
        }
        if lexicons.country_abbreviations.contains(exact(doc, m.start, m.end)) {
            m.label = EntityLabel::Loc;
            m.confidence = None;
            m.reason = "lexicon: country abbreviations".to_string();
            continue;
        }
        if lex[m.start].begin & country == 0 {
            continue;
        }
        let whole = m.end == m.start + 1 || (m.start + 1..m.end).all(|j| lex[j].inside & country != 0);
        if whole && m.end - m.start <= 3 && !(m.end < doc.tokens.len() && is_cap(doc, m.end)) {
            m.label = EntityLabel::Loc;
            m.confidence = None;
            m.reason = "lexicon: countries".to_string();
        }
    }
}

/// "Downing Street", "Stamford Bridge", "Thames River": capitalised words before a street or
/// landmark word are one place, however the tagger split them ("Downing" a person, "Street" a
/// place). "Lane" and "Park" are left out: they are surnames as often ("Barry Lane"); "River" only
/// ends a name ("River Plate" is a football club).
fn streets(doc: &Document, mentions: &mut Vec<Mention>) {
    let n = doc.tokens.len();
    // The mention covering each token, found once, so the rule stays linear on long texts.
    let mut owner = vec![usize::MAX; n];
    for (k, m) in mentions.iter().enumerate() {
        owner[m.start..m.end].iter_mut().for_each(|o| *o = k);
    }
    let mut places: Vec<Mention> = Vec::new();
    for i in 1..n {
        if !matches!(
            doc.token_text(i),
            "Street"
                | "Road"
                | "Avenue"
                | "Square"
                | "Boulevard"
                | "Bridge"
                | "Island"
                | "Islands"
                | "Mountains"
                | "Ocean"
                | "Sea"
                | "Strait"
                | "Valley"
                | "Bay"
                | "Canal"
                | "River"
        ) || doc.tokens[i].newlines_before > 0
            || !is_cap(doc, i - 1)
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
        let Some(s) = [owner[i - 1], owner[i]]
            .into_iter()
            .filter(|&k| k != usize::MAX)
            .map(|k| mentions[k].start.max(i.saturating_sub(3)))
            .min()
        else {
            continue;
        };
        places.push(Mention {
            start: s.min(i - 1),
            end: i + 1,
            label: EntityLabel::Loc,
            confidence: None,
            reason,
        });
    }
    if places.is_empty() {
        return;
    }
    // The places replace whatever they overlap, in one pass.
    let mut covered = vec![false; n];
    for p in &places {
        covered[p.start..p.end].iter_mut().for_each(|c| *c = true);
    }
    mentions.retain(|m| !covered[m.start..m.end].iter().any(|&c| c));
    mentions.extend(places);
}

/// "Manchester, Liverpool, Leicester, Dorset and Torbay": the items of one list are the same kind
/// of thing; when most of them are places, the rest are places too (not a club and a person).
fn place_lists(doc: &Document, mentions: &mut [Mention]) {
    mentions.sort_by_key(|m| m.start);
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
        let places = mentions[i..j].iter().filter(|m| m.label == EntityLabel::Loc).count();
        let single = mentions[i..j].iter().all(|m| m.end - m.start <= 2);
        // "as he visits Manchester, Liverpool, …": a list after a word of place or travel.
        let start = mentions[i].start;
        let placed = start > 0
            && matches!(
                doc.token_text(start - 1),
                "in" | "to" | "from" | "across" | "through" | "visits" | "visited" | "visiting" | "toured" | "tours"
            );
        if items >= 4 && single && (places * 2 > items || (placed && places >= 2)) {
            for m in &mut mentions[i..j] {
                if matches!(m.label, EntityLabel::Person | EntityLabel::Org) {
                    m.label = EntityLabel::Loc;
                    m.confidence = None;
                    m.reason = "in a list of places".to_string();
                }
            }
        }
        i = j;
    }
}

/// The same name gets one label in the whole article: the label the model is surest of, summed
/// over the name's mentions, and PERSON whenever the model called it a person with confidence.
const CONSISTENCY_CONF: f32 = 0.9;

fn consistent_labels(doc: &Document, mentions: &mut [Mention]) {
    let mut votes: HashMap<&str, [f32; 6]> = HashMap::new();
    let idx = |l: EntityLabel| l as usize;
    for m in mentions.iter() {
        if m.reason == "dateline" {
            continue;
        }
        let v = votes.entry(exact(doc, m.start, m.end)).or_insert([0.0; 6]);
        v[idx(m.label)] += m.confidence.unwrap_or(1.0);
    }
    for m in mentions.iter_mut() {
        if m.reason == "dateline" {
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
        // A confident tag stands unless the rest of the article clearly disagrees.
        let own = v[idx(m.label)];
        if label != m.label && (m.confidence.unwrap_or(1.0) < CONSISTENCY_CONF || v[best] > 2.0 * own) {
            m.reason = format!("tagged {} elsewhere in the article", label.as_str());
            m.label = label;
            m.confidence = None;
        }
    }
}

/// A person's name (or surname) repeated later without a tag is the same person; a shorter
/// mention tagged as something else is relabelled ("Ayers" after "Nick Ayers").
fn repeat_names(doc: &Document, lex: &[TokenLex], mentions: &mut Vec<Mention>) {
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
        if m.end - m.start < 2 {
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
        if is_cap(doc, short) && !is_all_caps(doc.token_text(short)) && lex[short].begin & common == 0 {
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
    for m in mentions.iter_mut() {
        if m.end - m.start == 1 {
            if let Some((label, full)) = names.get(&key(doc, m.start, m.end)) {
                if m.label != *label {
                    m.reason = format!("same name as {full} earlier");
                    m.label = *label;
                    m.confidence = None;
                }
            }
        }
    }
    let mut added = Vec::new();
    let covered = coverage(doc, mentions);
    for (i, l) in lex.iter().enumerate() {
        if covered[i] || !is_cap(doc, i) || is_all_caps(doc.token_text(i)) || l.begin & common != 0 {
            continue;
        }
        if let Some((label, full)) = names.get(&key(doc, i, i + 1)) {
            // Only a bare capitalised word: a neighbouring capital means a longer, different name.
            if (i > 0 && is_cap(doc, i - 1)) || (i + 1 < doc.tokens.len() && is_cap(doc, i + 1)) {
                continue;
            }
            added.push(Mention {
                start: i,
                end: i + 1,
                label: *label,
                confidence: None,
                reason: format!("same name as {full} earlier"),
            });
        }
    }
    mentions.extend(added);
}

/// Names in the high-precision lists (news organisations, large companies) are organisations,
/// whether the tagger missed them or called them something else ("Google said" reads like a person
/// to a model trained on 1996 news).
fn lexicon_names(doc: &Document, lex: &[TokenLex], mentions: &mut Vec<Mention>) {
    let n = doc.tokens.len();
    let orgs = [LexClass::NewsOrg, LexClass::Company];
    let bits = LexClass::NewsOrg.bit() | LexClass::Company.bit();
    let mut found: Vec<(usize, usize, LexClass)> = Vec::new();
    let mut first = vec![false; n];
    for r in &doc.sentences {
        if r.start < n {
            first[r.start] = true;
        }
    }
    let mut i = 0;
    while i < n {
        let l = lex[i];
        // "Shell" or "Zoom" opening a sentence may be the ordinary word.
        let ambiguous = l.begin & LexClass::Common.bit() != 0 && first[i];
        if l.begin & bits == 0 || ambiguous || !is_cap(doc, i) {
            i += 1;
            continue;
        }
        let class = orgs
            .into_iter()
            .find(|c| l.begin & c.bit() != 0)
            .unwrap_or(LexClass::NewsOrg);
        let mut e = i + 1;
        while e < n && lex[e].inside & class.bit() != 0 && (is_cap(doc, e) || doc.token_text(e) == "&") {
            e += 1;
        }
        found.push((i, e, class));
        i = e;
    }
    if found.is_empty() {
        return;
    }
    // Which mention covers each token, to decide per match in one pass.
    let mut owner = vec![usize::MAX; n];
    for (k, m) in mentions.iter().enumerate() {
        owner[m.start..m.end].iter_mut().for_each(|o| *o = k);
    }
    let mut added = Vec::new();
    let mut listed: HashMap<&str, String> = HashMap::new();
    for (s, e, class) in found {
        listed.insert(exact(doc, s, e), format!("lexicon: {}", class.name()));
        let reason = format!("lexicon: {}", class.name());
        let o = owner[s];
        if o == usize::MAX {
            if owner[s..e].iter().all(|&x| x == usize::MAX) {
                added.push(Mention {
                    start: s,
                    end: e,
                    label: EntityLabel::Org,
                    confidence: None,
                    reason,
                });
            }
        } else {
            // Relabel only a mention that is exactly the listed name.
            let m = &mut mentions[o];
            if m.start == s
                && m.end == e
                && m.label != EntityLabel::Org
                && m.reason != "dateline"
                && !m.reason.starts_with("same name")
            {
                m.label = EntityLabel::Org;
                m.confidence = None;
                m.reason = reason;
            }
        }
    }
    mentions.extend(added);
    // The same name elsewhere (say, opening a sentence) is the same organisation.
    for m in mentions.iter_mut() {
        if m.label == EntityLabel::Org || m.reason == "dateline" || m.reason.starts_with("same name") {
            continue;
        }
        if let Some(reason) = listed.get(exact(doc, m.start, m.end)) {
            m.label = EntityLabel::Org;
            m.confidence = None;
            m.reason = reason.clone();
        }
    }
}

/// MISC that is a nationality or group becomes NORP; MISC with an event word becomes EVENT
/// (taking a year in front of it: "2018 Winter Olympics").
fn split_misc(doc: &Document, lexicons: &Lexicons, lex: &[TokenLex], mentions: &mut Vec<Mention>) {
    let norp = LexClass::Demonym.bit() | LexClass::Group.bit();
    mentions.sort_by_key(|m| m.start);
    for m in mentions.iter_mut() {
        if m.label != EntityLabel::Misc {
            continue;
        }
        if lexicons.phrase(doc, m.start..m.end) & norp != 0 {
            m.label = EntityLabel::Norp;
        } else if (m.start..m.end).any(|i| lex[i].begin & LexClass::EventWord.bit() != 0 && is_cap(doc, i)) {
            m.label = EntityLabel::Event;
        }
    }
    // "Winter" + "Olympics" tagged apart are one event.
    let mut merged: Vec<Mention> = Vec::with_capacity(mentions.len());
    for m in mentions.drain(..) {
        if let Some(prev) = merged.last_mut() {
            if m.label == EntityLabel::Event
                && prev.end == m.start
                && matches!(prev.label, EntityLabel::Misc | EntityLabel::Event)
                && doc.tokens[m.start].newlines_before == 0
            {
                prev.end = m.end;
                prev.label = EntityLabel::Event;
                continue;
            }
        }
        merged.push(m);
    }
    *mentions = merged;
    let covered = coverage(doc, mentions);
    for m in mentions.iter_mut() {
        if m.label == EntityLabel::Event && m.start > 0 && !covered[m.start - 1] {
            // "the 2018 Winter Olympics": the year is part of the event's name.
            let y = doc.token_text(m.start - 1);
            if y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()) && (y.starts_with("19") || y.starts_with("20")) {
                m.start -= 1;
            }
        }
    }
}

/// One entity per name: a person's shorter mentions join the fuller name they are part of;
/// other names join mentions with the same text. The canonical name is the fullest mention,
/// preferring ordinary case to a dateline's capitals.
fn link(doc: &Document, mentions: Vec<Mention>) -> Vec<Entity> {
    struct Group {
        canonical: (usize, bool, String),
    }
    let mut groups: Vec<Group> = Vec::new();
    let mut out = Vec::with_capacity(mentions.len());
    let mut by_key: HashMap<(EntityLabel, u64), usize> = HashMap::new();
    // A person's last word -> their entity, so "Pence" finds "Mike Pence" in constant time.
    let mut surname: HashMap<u64, usize, PassThroughBuild> = HashMap::default();
    // An organisation's last word -> its entity, so "the Commission" finds "European Commission".
    let mut org_head: HashMap<u64, usize, PassThroughBuild> = HashMap::default();
    for m in mentions {
        let span = Span::new(doc.tokens[m.start].span.start, doc.tokens[m.end - 1].span.end);
        let text = span.slice(doc.text);
        let k = key(doc, m.start, m.end);
        let last = key(doc, m.end - 1, m.end);
        let mut gid = by_key.get(&(m.label, k)).copied();
        if gid.is_none() && m.label == EntityLabel::Person {
            // "Pence" joins the latest person called "... Pence"; "Mike Pence" joins an earlier "Pence".
            gid = surname.get(&last).copied();
        }
        if gid.is_none() && m.label == EntityLabel::Org && m.end - m.start == 1 && is_cap(doc, m.start) {
            gid = org_head.get(&last).copied();
        }
        let g = match gid {
            Some(g) => g,
            None => {
                groups.push(Group {
                    canonical: (0, false, String::new()),
                });
                groups.len() - 1
            }
        };
        let grp = &mut groups[g];
        by_key.insert((m.label, k), g);
        if m.label == EntityLabel::Person {
            surname.insert(last, g);
        }
        if m.label == EntityLabel::Org && m.end - m.start >= 2 {
            org_head.insert(last, g);
        }
        let rank = (m.end - m.start, !is_all_caps(text));
        if (rank.0, rank.1) > (grp.canonical.0, grp.canonical.1) {
            grp.canonical = (rank.0, rank.1, text.to_string());
        }
        out.push((g, span, m));
    }
    out.into_iter()
        .map(|(g, span, m)| Entity {
            span,
            label: m.label,
            entity: g,
            canonical: groups[g].canonical.2.clone(),
            reason: m.reason,
            confidence: m.confidence,
        })
        .collect()
}
