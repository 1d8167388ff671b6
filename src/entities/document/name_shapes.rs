//! Person names whose shape the tagger, trained on 1996 wire copy, cuts or mislabels: a middle
//! initial without its full stop ("George W Bush"), an Irish prefix set apart ("Rory O' Neill"),
//! a regnal number ("Ramesses II"), an epithet ("Louis the German"), a nationality or a job in
//! front of the name ("American Robby Ginepri", "Guardsman Allan Hendry"), a hyphenated given
//! name ("Hyung-Taik Lee") and a word stuck to the end ("Moyes U-turn").

use super::mentions::{Mention, Mentions};
use crate::annotation::{EntityLabel, EntityRule};
use crate::entities::lexicon::{LexClass, Lexicons, RuleList, TokenLex};
use crate::text::words::{is_all_caps, is_apostrophe};
use crate::text::{Document, TokenKind};

/// Largest regnal number read as one ("Louis XVIII"); higher Roman numerals are rarer than
/// acronyms written the same way.
const MAX_REGNAL: u32 = 30;

/// Lists a name in any of which is no person's name (a place, an organisation, a common word).
fn not_a_name_bits() -> u32 {
    LexClass::Common.bit()
        | LexClass::Country.bit()
        | LexClass::City.bit()
        | LexClass::Region.bit()
        | LexClass::Demonym.bit()
        | LexClass::EventWord.bit()
        | LexClass::OrgWord.bit()
        | LexClass::NewsOrg.bit()
        | LexClass::Company.bit()
        | LexClass::LegalSuffix.bit()
        | LexClass::Title.bit()
}

/// A capitalised word of two letters or more, not in capitals: the shape of a name's word.
fn name_word(doc: &Document, i: usize) -> bool {
    let t = doc.token_text(i);
    doc.is_capitalised(i) && !is_all_caps(t) && t.chars().count() >= 2
}

/// A known given name that is not also a place, an organisation or a title ("Pete", "Samuel";
/// not "Jordan" or "Florence"). Ordinary words pass: the common-word list is lower-cased from
/// running text, where "Pete" is frequent.
fn given(doc: &Document, lex: &[TokenLex], i: usize) -> bool {
    name_word(doc, i)
        && lex[i].begin & LexClass::GivenName.bit() != 0
        && lex[i].begin & (not_a_name_bits() & !LexClass::Common.bit()) == 0
}

/// Token `i` continues the line of the token before it.
fn same_line(doc: &Document, i: usize) -> bool {
    doc.tokens[i].newlines_before == 0
}

/// The value of a Roman numeral written in canonical form ("IV", not "IIII"), if `w` is one.
fn roman(w: &str) -> Option<u32> {
    if w.is_empty() || w.len() > 6 {
        return None;
    }
    let digit = |c: char| match c {
        'I' => Some(1),
        'V' => Some(5),
        'X' => Some(10),
        'L' => Some(50),
        _ => None,
    };
    let ds: Vec<u32> = w.chars().map(digit).collect::<Option<_>>()?;
    let mut v = 0;
    for (k, &d) in ds.iter().enumerate() {
        if ds.get(k + 1).is_some_and(|&n| n > d) {
            v -= d as i64;
        } else {
            v += d as i64;
        }
    }
    let v = u32::try_from(v).ok().filter(|&v| v > 0)?;
    // Canonical spelling only: rejects "IIII", "VX", "IL".
    let mut out = String::new();
    let mut rest = v;
    for (n, s) in [
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ] {
        while rest >= n {
            out.push_str(s);
            rest -= n;
        }
    }
    (out == w).then_some(v)
}

/// True for a regnal number after a name ("II", "XIV"); "I" only where no verb follows it, since
/// it is more often the pronoun ("Mojmír I of Moravia", but "told Tom I was").
fn regnal(doc: &Document, i: usize) -> bool {
    let t = doc.token_text(i);
    if roman(t).is_none_or(|v| v > MAX_REGNAL) || !same_line(doc, i) {
        return false;
    }
    t != "I"
        || doc.tokens.get(i + 1).is_none_or(|n| {
            n.kind != TokenKind::Word
                || !doc.token_text(i + 1).chars().next().is_some_and(char::is_lowercase)
                || matches!(doc.token_text(i + 1), "of" | "and")
        })
}

/// One past the last word of a person's name proper, leaving out a regnal number, a generational
/// suffix or an epithet ("Thutmose III", "Louis the German" -> "Thutmose", "Louis"): the word a
/// later bare mention repeats.
pub(super) fn surname_end(doc: &Document, start: usize, end: usize) -> usize {
    let mut e = end;
    while e > start + 1
        && (roman(doc.token_text(e - 1)).is_some() || matches!(doc.token_text(e - 1), "Jr." | "Sr." | "Jr" | "Sr"))
    {
        e -= 1;
    }
    name_core_end(doc, start, e)
}

/// One past the last word of a person's name before an epithet ("Louis" in "Louis the German").
/// A number or a suffix stays, so linking keeps "Harry Hurt III" apart from a bare "Hurt" as
/// before: the speaker evaluation matches names on their last words.
pub(super) fn name_core_end(doc: &Document, start: usize, end: usize) -> usize {
    if end >= start + 3 && doc.token_text(end - 2) == "the" {
        end - 2
    } else {
        end
    }
}

/// The span a new person mention over tokens `s..e` takes: the mentions it overlaps are taken in
/// whole, so no piece of a name is left behind.
fn covering(mentions: &mut Mentions, s: usize, e: usize) -> (usize, usize) {
    let (mut a, mut b) = (s, e);
    for i in [s, e - 1] {
        if let Some(k) = mentions.owner(i) {
            a = a.min(mentions[k].start);
            b = b.max(mentions[k].end);
        }
    }
    (a, b)
}

/// "George W Bush", "Rory O' Neill", "Ramesses II", "Louis the German": names the tagger cut
/// at a shape it rarely saw become one person.
pub(super) fn joined_names(doc: &Document, lexicons: &Lexicons, lex: &[TokenLex], mentions: &mut Mentions) {
    let n = doc.tokens.len();
    let mut found: Vec<Mention> = Vec::new();
    let person_at = |mentions: &mut Mentions, i: usize| {
        mentions
            .owner(i)
            .is_some_and(|k| mentions[k].label == EntityLabel::Person)
    };
    let mut i = 0;
    while i < n {
        // A middle initial without its full stop: "George W Bush", "Samuel L Jackson".
        if i + 2 < n
            && is_initial(doc.token_text(i + 1))
            && name_word(doc, i)
            && same_line(doc, i + 1)
            && same_line(doc, i + 2)
            && name_word(doc, i + 2)
            && lex[i + 2].begin & LexClass::Title.bit() == 0
            // "Christina N Luis Olidem" is two names: the initial is a surname's there.
            && !(i + 3 < n && name_word(doc, i + 3) && same_line(doc, i + 3))
            && (given(doc, lex, i) || person_at(mentions, i) || person_at(mentions, i + 2))
        {
            let (s, e) = covering(mentions, i, i + 3);
            found.push(Mention::by_rule(
                s,
                e,
                EntityLabel::Person,
                EntityRule::NameShape,
                "a name with a middle initial".into(),
            ));
            i = e;
            continue;
        }
        // An Irish prefix set apart from the name: "O' Neill", "O ’Neill".
        if let Some(len) = apostrophe_surname(doc, i) {
            let t = doc.token_text(i);
            let mut s = i;
            if i > 0 && name_word(doc, i - 1) && same_line(doc, i) {
                s = i - 1;
            }
            let (s, e) = covering(mentions, s, i + len);
            found.push(Mention::by_rule(
                s,
                e,
                EntityLabel::Person,
                EntityRule::NameShape,
                format!("a surname with \"{t}'\""),
            ));
            i = e;
            continue;
        }
        i += 1;
    }
    mentions.replace_overlapping(found);
    regnal_numbers(doc, lex, mentions);
    suffix_after_comma(doc, mentions);
    epithets(doc, lexicons, lex, mentions);
}

/// A lower-case word in the past tense by its ending ("invaded", "ruled"): a verb after a name.
fn past_tense(w: &str) -> bool {
    w.len() > 4 && w.ends_with("ed") && w.chars().all(|c| c.is_ascii_lowercase())
}

/// A single capital letter standing for a middle name ("W", "L"); "I" is the pronoun and "A" the article.
fn is_initial(w: &str) -> bool {
    w.len() == 1 && w.chars().all(|c| c.is_ascii_uppercase()) && !matches!(w, "I" | "A")
}

/// The number of tokens of an Irish prefixed surname starting at `i` whose parts the writer set
/// apart: "O" + "'" + "Neill" (3) or "O'" + "Neill" (2).
fn apostrophe_surname(doc: &Document, i: usize) -> Option<usize> {
    let t = doc.token_text(i);
    // Most tokens start with another letter: turn them away before counting chars.
    if !matches!(t.as_bytes().first(), Some(b'O' | b'D')) {
        return None;
    }
    let prefix = |c: Option<char>| matches!(c, Some('O' | 'D'));
    let n = doc.tokens.len();
    let mut chars = t.chars();
    let parts = if t.len() == 1
        && prefix(t.chars().next())
        && i + 2 < n
        && doc.token_text(i + 1).chars().count() == 1
        && doc.token_text(i + 1).chars().next().is_some_and(is_apostrophe)
    {
        3
    } else if t.chars().count() == 2 && prefix(chars.next()) && chars.next().is_some_and(is_apostrophe) && i + 1 < n {
        2
    } else {
        return None;
    };
    let last = i + parts - 1;
    // One gap, at most: "O' Neill" or "O 'Neill", never "O ' Neill".
    let gaps = (i + 1..=last).filter(|&j| doc.tokens[j].space_before).count();
    (name_word(doc, last) && (i + 1..=last).all(|j| same_line(doc, j)) && gaps == 1).then_some(parts)
}

/// "Martin Luther King, Jr.": a generational suffix set off by a comma is part of the person's
/// name, as it is without the comma.
fn suffix_after_comma(doc: &Document, mentions: &mut Mentions) {
    let n = doc.tokens.len();
    let mut found = Vec::new();
    for m in mentions.iter() {
        if m.label == EntityLabel::Person
            && m.len() >= 2
            && m.end + 1 < n
            && doc.token_text(m.end) == ","
            && matches!(doc.token_text(m.end + 1), "Jr." | "Sr." | "Jr" | "Sr")
            && same_line(doc, m.end + 1)
        {
            let mut whole = m.clone();
            whole.end += 2;
            whole.decide(
                EntityLabel::Person,
                EntityRule::NameShape,
                "a name with a generational suffix".into(),
            );
            found.push(whole);
        }
    }
    mentions.replace_overlapping(found);
}

/// "Ramesses II", "Amyntas I": one or two name words and a regnal number are a person, whatever
/// the tagger called them; the number joins the name when the tagger left it out.
fn regnal_numbers(doc: &Document, lex: &[TokenLex], mentions: &mut Mentions) {
    let n = doc.tokens.len();
    let plain = |s: usize, e: usize| (s..e).all(|j| name_word(doc, j) && lex[j].classes() & not_a_name_bits() == 0);
    let mut found = Vec::new();
    for m in mentions.iter() {
        // A numeral the tagger took into the name is its regnal number, "I" included.
        let inside = roman(doc.token_text(m.end - 1)).is_some_and(|v| v <= MAX_REGNAL);
        // "the Macedonian king Amyntas I accepted": after a title "I" is a number whatever follows.
        let titled = m.start > 0 && lex[m.start - 1].begin & LexClass::Title.bit() != 0;
        let numbered = |i: usize| regnal(doc, i) || (titled && doc.token_text(i) == "I" && same_line(doc, i));
        let (name_end, end) = if m.len() >= 2 && inside {
            (m.end - 1, m.end)
        } else if m.end < n && numbered(m.end) {
            (m.end, m.end + 1)
        } else {
            continue;
        };
        if name_end - m.start <= 2 && plain(m.start, name_end) && (m.label != EntityLabel::Person || end > m.end) {
            found.push(Mention::by_rule(
                m.start,
                end,
                EntityLabel::Person,
                EntityRule::NameShape,
                "a name with a regnal number".into(),
            ));
        }
    }
    mentions.replace_overlapping(found);
}

/// "Lucas Cranach the Elder", "Louis the German": a person (or a given name) and "the" with an
/// epithet (`data/entities/epithets.txt`) or a nationality are one name. A capitalised word after
/// it means the phrase goes on ("the German Chancellor"); after a nationality only punctuation or
/// a verb of the life of a ruler may follow.
fn epithets(doc: &Document, lexicons: &Lexicons, lex: &[TokenLex], mentions: &mut Mentions) {
    let n = doc.tokens.len();
    let mut found = Vec::new();
    for p in 1..n.saturating_sub(1) {
        if doc.token_text(p) != "the" || !same_line(doc, p) || !same_line(doc, p + 1) || !doc.is_capitalised(p + 1) {
            continue;
        }
        let w = doc.token_text(p + 1);
        let next = p + 2;
        let free = next >= n || !doc.is_capitalised(next) || doc.tokens[next].newlines_before > 0;
        let listed = lexicons.contains(RuleList::Epithets, w);
        let nationality = lex[p + 1].begin & LexClass::Demonym.bit() != 0
            && (next >= n
                || doc.tokens[next].kind == TokenKind::Punct
                || matches!(doc.token_text(next), "and" | "was" | "had" | "who" | "became" | "in")
                || past_tense(doc.token_text(next)));
        if !free || !(listed || nationality) {
            continue;
        }
        let name = match mentions.owner(p - 1) {
            // The tagger may have taken "the" (or the whole epithet) with the name.
            Some(k)
                if (p..=p + 2).contains(&mentions[k].end)
                    && (mentions[k].label == EntityLabel::Person
                        || (mentions[k].len() == 1 && given(doc, lex, p - 1))) =>
            {
                mentions[k].start
            }
            None if given(doc, lex, p - 1) => p - 1,
            _ => continue,
        };
        let (s, e) = covering(mentions, name, p + 2);
        found.push(Mention::by_rule(
            s,
            e,
            EntityLabel::Person,
            EntityRule::NameShape,
            format!("a name with the epithet \"the {w}\""),
        ));
    }
    mentions.replace_overlapping(found);
}

/// A name's edges the tagger took too much of, or too little: a nationality before it
/// ("American" + "Robby Ginepri"), job words before its given name ("Guardsman Allan Hendry",
/// "Radio DJ Pete Mitchell"), a hyphenated given name before it ("Hyung-Taik" + "Lee") and a
/// word such as "U-turn" after it.
pub(super) fn name_edges(doc: &Document, lexicons: &Lexicons, lex: &[TokenLex], mentions: &mut Mentions) {
    let demonym = LexClass::Demonym.bit();
    let before_name = LexClass::Common.bit() | LexClass::Title.bit();
    // Words that name an organisation or a thing, never a person.
    let other_names = LexClass::WnOrg.bit() | LexClass::WnOther.bit() | LexClass::WnPlace.bit() | LexClass::Group.bit();
    let mut nationalities = Vec::new();
    for m in mentions.iter_mut() {
        if m.rule == EntityRule::Dateline {
            continue;
        }
        // "Moyes U-turn": a capital letter, a hyphen and a lower-case word is no part of a name.
        if m.len() >= 2 {
            let last = doc.token_text(m.end - 1);
            if let Some((head, tail)) = last.rsplit_once('-') {
                if is_all_caps(head) && head.chars().count() <= 2 && tail.chars().next().is_some_and(char::is_lowercase)
                {
                    m.end -= 1;
                }
            }
        }
        let rest = m.start + 1;
        // "American Robby Ginepri": a nationality, then a given name and one or two more words.
        if m.len() >= 3
            && m.len() <= 4
            && lex[m.start].begin & demonym != 0
            && lex[rest].inside & demonym == 0
            && (rest..m.end).all(|j| name_word(doc, j))
            && (given(doc, lex, rest) || m.label == EntityLabel::Person || m.len() == 3)
            && (rest..m.end).all(|j| lex[j].classes() & (not_a_name_bits() | other_names) == 0 || given(doc, lex, j))
        {
            nationalities.push(Mention::by_rule(
                m.start,
                rest,
                EntityLabel::Misc,
                EntityRule::NameShape,
                "a nationality before a name".into(),
            ));
            m.start = rest;
            m.decide(
                EntityLabel::Person,
                EntityRule::NameShape,
                "a name after a nationality".into(),
            );
            continue;
        }
        // "Guardsman Allan Hendry": job words (ordinary words, titles or listed roles) up to the
        // first given name are no part of the name.
        if m.label == EntityLabel::Person && m.len() >= 3 {
            let role =
                |j: usize| lex[j].begin & before_name != 0 || lexicons.contains(RuleList::RoleWords, doc.token_text(j));
            if let Some(k) = (m.start + 1..m.end - 1).find(|&k| given(doc, lex, k)) {
                if (m.start..k).all(|j| role(j) && lex[j].begin & LexClass::GivenName.bit() == 0) {
                    m.start = k;
                }
            }
        }
        // "Tsar Alexander": a listed role word alone before a capitalised word.
        if m.label == EntityLabel::Person
            && m.len() >= 2
            && lexicons.contains(RuleList::RoleWords, doc.token_text(m.start))
            && doc.is_capitalised(m.start + 1)
        {
            m.start += 1;
        }
        // "Von Beust": a capitalised "Von" and a surname are a person, not an organisation.
        if m.len() == 2
            && matches!(m.label, EntityLabel::Org | EntityLabel::Loc)
            && doc.token_text(m.start) == "Von"
            && name_word(doc, m.start + 1)
            && lex[m.start + 1].begin & not_a_name_bits() == 0
        {
            m.decide(
                EntityLabel::Person,
                EntityRule::NameShape,
                "a surname with \"Von\"".into(),
            );
        }
    }
    mentions.extend(nationalities);
    // "Hyung-Taik Lee": a hyphenated capitalised word right before a person is its given name.
    let mut grown = Vec::new();
    for k in 0..mentions.len() {
        let m = &mentions[k];
        if m.label != EntityLabel::Person || m.start == 0 || !same_line(doc, m.start) {
            continue;
        }
        let g = m.start - 1;
        let t = doc.token_text(g);
        let hyphenated = t.split('-').count() == 2
            && t.split('-')
                .all(|p| p.chars().next().is_some_and(char::is_uppercase) && p.chars().all(char::is_alphabetic));
        // "Major-General" is a title, not a given name.
        let titled = t.split('-').any(|p| lexicons.word(p) & LexClass::Title.bit() != 0);
        if hyphenated && !titled && mentions.owner(g).is_none() && lex[g].begin & not_a_name_bits() == 0 {
            grown.push(k);
        }
    }
    let list = mentions.edit();
    for k in grown {
        list[k].start -= 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roman_numerals_are_read_only_in_canonical_form() {
        assert_eq!(roman("I"), Some(1));
        assert_eq!(roman("XIV"), Some(14));
        assert_eq!(roman("XVIII"), Some(18));
        assert_eq!(roman("IIII"), None);
        assert_eq!(roman("VX"), None);
        assert_eq!(roman("Ix"), None);
        assert_eq!(roman(""), None);
    }

    #[test]
    fn a_surname_ends_before_its_regnal_number_or_suffix() {
        let doc = Document::new("Thutmose III met Harry Harris Jr. and Anna Lind, not Louis the German");
        assert_eq!(surname_end(&doc, 0, 2), 1);
        assert_eq!(surname_end(&doc, 3, 6), 5);
        assert_eq!(surname_end(&doc, 7, 9), 9);
        assert_eq!(surname_end(&doc, 11, 14), 12);
        assert_eq!(name_core_end(&doc, 3, 6), 6);
    }
}
