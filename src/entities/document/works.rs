//! Works and products (CoNLL's MISC): a title after a word that introduces one ("the film
//! Alexander", "the drug Paxil", "starred in Born on the Fourth of July"), a name before a product
//! word ("the Xbox console", "Brent crude"), a sequel number ("Halo 2"), and a title-cased phrase in
//! quotation marks ("Make Love, Not Spam"). A name the article once calls a work stays a work in
//! the rest of it.

use super::calendar::is_calendar;
use super::mentions::{Mention, Mentions};
use super::{exact, not_names::is_generic_acronym, written_again};
use crate::annotation::{EntityLabel, EntityRule};
use crate::entities::lexicon::{LexClass, TokenLex};
use crate::fasthash::HashMap;
use crate::text::tokens::TokenKind;
use crate::text::Document;

/// How a cue word may be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cue {
    /// Always introduces a work.
    Work,
    /// Also an ordinary word before people ("the game Smith won"): a person stays a person.
    NotPerson,
}

/// The cue `w` ("film", or two words: "starred in"), if it is one (`data/entities/work_cues.txt`).
fn work_cue(w: &str) -> Option<Cue> {
    static CUES: std::sync::OnceLock<crate::fasthash::HashMap<&'static str, Cue>> = std::sync::OnceLock::new();
    CUES.get_or_init(|| {
        crate::data::lines(include_str!("../../../data/entities/work_cues.txt"))
            .map(|l| {
                let (cue, kind) = l.split_once('\t').unwrap_or((l, ""));
                let read = if kind.trim() == "not-person" {
                    Cue::NotPerson
                } else {
                    Cue::Work
                };
                (cue, read)
            })
            .collect()
    })
    .get(w)
    .copied()
}

/// The words after a product's name (`data/entities/product_cues.txt`).
fn product_cue(w: &str) -> bool {
    static LIST: super::SmallList = super::SmallList::new(include_str!("../../../data/entities/product_cues.txt"));
    LIST.contains(w)
}

/// Lower-case words inside a title ("Born on the Fourth of July", "Lord of the Rings").
fn is_title_joiner(w: &str) -> bool {
    matches!(w, "of" | "the" | "on" | "a" | "an" | "and" | "in")
}

/// A sequel or model number: one or two digits (or such numbers joined by "/"), or a Roman numeral
/// ("Halo 2", "Rocky IV", "Fahrenheit 9/11"); never a year.
fn is_sequel_number(w: &str) -> bool {
    let small = |p: &str| !p.is_empty() && p.len() <= 2 && p.bytes().all(|b| b.is_ascii_digit()) && p != "0";
    w.split('/').all(small) || matches!(w, "II" | "III" | "IV" | "V" | "VI" | "VII" | "VIII" | "IX" | "X")
}

/// Why a span is a work, as the reader sees it.
fn reason(kind: &str, cue: &str) -> String {
    format!("{kind} \u{201C}{cue}\u{201D}")
}

/// Words after which a cue word is a verb ("to show", "they track").
fn is_verb_context(w: &str) -> bool {
    matches!(
        w,
        "to" | "will"
            | "would"
            | "can"
            | "could"
            | "may"
            | "might"
            | "must"
            | "should"
            | "shall"
            | "did"
            | "does"
            | "do"
            | "not"
            | "I"
            | "we"
            | "you"
            | "they"
            | "he"
            | "she"
            | "it"
            | "who"
    )
}

/// The cue ending just before token `s`, if any: the word itself ("film") or two words ("starred in").
fn cue_before(doc: &Document, s: usize) -> Option<(Cue, String)> {
    if s == 0 || doc.tokens[s].newlines_before > 0 {
        return None;
    }
    let one = doc.token_text(s - 1);
    if let Some(c) = work_cue(one) {
        // "to show Smith", "will track Google": a cue word used as a verb.
        let verb = s >= 2 && is_verb_context(doc.token_text(s - 2));
        return (!verb).then(|| (c, one.to_string()));
    }
    // "the Oscar-winning Gravity", "the award-winning Mordale": a prize-winning thing, unless a
    // person ("Oscar-winning Kevin Spacey").
    if super::trim::prize_word(one) {
        return Some((Cue::NotPerson, one.to_string()));
    }
    // Two words ("starred in"), never glued together: read from the text itself where one space
    // parts them, the usual case, so no string is built per token; joined with one space where a
    // line break or more parts them.
    if s >= 2 && doc.tokens[s - 1].space_before {
        let (a, b) = (doc.tokens[s - 2].span, doc.tokens[s - 1].span);
        let one_space = b.start == a.end + 1 && doc.text.as_bytes().get(a.end) == Some(&b' ');
        let two = if one_space {
            std::borrow::Cow::Borrowed(&doc.text[a.start..b.end])
        } else {
            std::borrow::Cow::Owned(format!("{} {}", doc.token_text(s - 2), one))
        };
        if let Some(c) = work_cue(&two) {
            return Some((c, two.into_owned()));
        }
    }
    None
}

/// The end of a title that starts at `s` and whose first name ends at `e`: on over a sequel number,
/// and over small lower-case words followed by a capitalised word that no other kind of name
/// holds ("Born on the Fourth of July", but not "Alexander in Cannes"), nor a month or weekday
/// after a joiner other than "of" ("Alexander on Sunday").
fn title_end(doc: &Document, mentions: &mut Mentions, mut e: usize) -> usize {
    let n = doc.tokens.len();
    let free = |ms: &mut Mentions, i: usize| {
        doc.is_capitalised(i)
            && ms
                .owner(i)
                .is_none_or(|k| ms[k].label == EntityLabel::Misc || ms[k].confidence.is_some_and(|c| c < 0.9))
    };
    loop {
        let mut q = e;
        while q < n && q < e + 3 && is_title_joiner(doc.token_text(q)) && doc.tokens[q].newlines_before == 0 {
            q += 1;
        }
        if q == e || q >= n || doc.tokens[q].newlines_before > 0 || !free(mentions, q) {
            break;
        }
        if is_calendar(doc, q) && doc.token_text(q - 1) != "of" {
            break;
        }
        e = q + 1;
        while e < n && doc.is_capitalised(e) && doc.tokens[e].newlines_before == 0 {
            e += 1;
        }
    }
    e
}

/// The name that starts at token `s`: the capitalised words there, over whatever the tagger cut
/// them into ("Project" + "Entropia"), but not from inside a longer mention.
fn name_at(doc: &Document, mentions: &mut Mentions, s: usize) -> Option<usize> {
    let n = doc.tokens.len();
    if s >= n || !doc.is_capitalised(s) || mentions.owner(s).is_some_and(|k| mentions[k].start != s) {
        return None;
    }
    let mut e = s + 1;
    while e < n && doc.is_capitalised(e) && doc.tokens[e].newlines_before == 0 {
        e += 1;
    }
    // A mention running past the capitals ("Halo 2" tagged whole) keeps its end.
    while let Some(k) = mentions.owner(e - 1).filter(|&k| mentions[k].end > e) {
        e = mentions[k].end;
    }
    Some(e)
}

/// Works found by a cue before their title.
fn after_cues(doc: &Document, mentions: &mut Mentions, found: &mut Vec<Mention>) {
    let n = doc.tokens.len();
    for s in 1..n {
        if !doc.is_capitalised(s) {
            continue;
        }
        let Some((cue, word)) = cue_before(doc, s) else {
            continue;
        };
        // "the film The Return": the article belongs to the title, though the tagger may have
        // left it out.
        let (first, e) = match name_at(doc, mentions, s) {
            Some(e) => (s, e),
            None if doc.token_text(s) == "The" => match name_at(doc, mentions, s + 1) {
                Some(e) => (s + 1, e),
                None => continue,
            },
            None => continue,
        };
        let sequel = e < n && is_sequel_number(doc.token_text(e)) && doc.tokens[e].newlines_before == 0;
        // After "game", a person, or a name the tagger or a rule is sure of ("the game Arsenal
        // had to win"), keeps its type unless a sequel number follows.
        let sure = |m: &Mention| {
            m.label != EntityLabel::Misc && (m.label == EntityLabel::Person || m.confidence.is_none_or(|c| c >= 0.9))
        };
        if cue == Cue::NotPerson && !sequel && mentions.owner(first).is_some_and(|k| sure(&mentions[k])) {
            continue;
        }
        let e = if sequel { e + 1 } else { e };
        let e = title_end(doc, mentions, e);
        // "the film The 10th District Court": a bare article is no title.
        if is_generic_acronym(exact(doc, s, e)) || (e == s + 1 && matches!(doc.token_text(s), "The" | "A" | "An")) {
            continue;
        }
        found.push(Mention::by_rule(
            s,
            e,
            EntityLabel::Misc,
            EntityRule::WorkCue,
            reason("after", &word),
        ));
    }
}

/// Products found by the word after their name ("the Xbox console", "PlayStation 2 console"):
/// the mention or the capitalised words before it, unless a known country, nationality or company
/// ("US crude", "a Sony console") or a place.
fn before_cues(doc: &Document, lex: &[TokenLex], mentions: &mut Mentions, found: &mut Vec<Mention>) {
    // "a Sony console", "the BBC actor", "Royal Theatre Company actor": an organisation's name.
    let known = LexClass::Country.bit()
        | LexClass::Demonym.bit()
        | LexClass::Company.bit()
        | LexClass::NewsOrg.bit()
        | LexClass::OrgWord.bit()
        | LexClass::LegalSuffix.bit();
    for c in 1..doc.tokens.len() {
        let word = doc.token_text(c);
        if !product_cue(word) || doc.tokens[c].newlines_before > 0 {
            continue;
        }
        let mut e = c;
        if e >= 2 && is_sequel_number(doc.token_text(e - 1)) {
            e -= 1;
        }
        let s = match mentions.owner(e - 1) {
            Some(k) if mentions[k].end == e && mentions[k].label != EntityLabel::Loc => mentions[k].start,
            Some(_) => continue,
            None => {
                let mut s = e;
                while s > 0
                    && doc.is_capitalised(s - 1)
                    && !mentions.covered(s - 1)
                    && doc.tokens[s].newlines_before == 0
                {
                    s -= 1;
                }
                // "Games consoles" opening a sentence is the common word; "October crude" a month's contract.
                if s == e
                    || (s + 1 == e && sentence_initial(doc, s) && lex[s].begin & LexClass::Common.bit() != 0)
                    || (s..e).any(|i| is_calendar(doc, i))
                {
                    continue;
                }
                s
            }
        };
        if (s..e).any(|i| lex[i].begin & known != 0) {
            continue;
        }
        found.push(Mention::by_rule(
            s,
            c,
            EntityLabel::Misc,
            EntityRule::WorkCue,
            reason("before", word),
        ));
    }
}

/// True when token `i` opens a sentence or a line.
fn sentence_initial(doc: &Document, i: usize) -> bool {
    i == 0 || doc.tokens[i].newlines_before > 0 || matches!(doc.token_text(i - 1), "." | "!" | "?")
}

/// The pairs of double quotation marks (opening, closing) of the document: a curly mark says
/// which it is; straight marks alternate, starting afresh at each paragraph.
fn quote_pairs(doc: &Document) -> Vec<(usize, usize)> {
    let mut pairs = Vec::new();
    let mut open: Option<usize> = None;
    for i in 0..doc.tokens.len() {
        if doc.tokens[i].newlines_before >= 2 {
            open = None;
        }
        match doc.token_text(i) {
            "\u{201C}" => open = Some(i),
            "\u{201D}" => {
                if let Some(o) = open.take() {
                    pairs.push((o, i));
                }
            }
            "\"" => match open.take() {
                Some(o) => pairs.push((o, i)),
                None => open = Some(i),
            },
            _ => {}
        }
    }
    pairs
}

/// Titles in quotation marks: every word capitalised but small joining words, at most eight
/// tokens, no sentence punctuation, and more than one word, or one word after a work cue.
fn quoted_titles(doc: &Document, mentions: &mut Mentions, found: &mut Vec<Mention>) {
    for (open, close) in quote_pairs(doc) {
        let s = open + 1;
        // "The Knot," with the list's comma inside the marks.
        let mut e = close;
        while e > s && matches!(doc.token_text(e - 1), "," | ":" | "-") {
            e -= 1;
        }
        if e <= s || e - s > 8 || (s..e).any(|i| doc.tokens[i].newlines_before > 0) {
            continue;
        }
        let words = (s..e).filter(|&i| doc.tokens[i].kind == TokenKind::Word).count();
        // One word is a title only after a word that introduces one: the song "Rags", the
        // novel, "Lucinde".
        let cued = words == 1 && {
            let o = if open > 0 && doc.token_text(open - 1) == "," {
                open - 1
            } else {
                open
            };
            matches!(cue_before(doc, o), Some((Cue::Work, _)))
        };
        let titled = (words >= 2 || cued)
            && doc.is_capitalised(s)
            && (s..e).all(|i| match doc.tokens[i].kind {
                TokenKind::Word => doc.is_capitalised(i) || is_title_joiner(doc.token_text(i)),
                TokenKind::Number => true,
                TokenKind::Punct => matches!(doc.token_text(i), "," | "-" | ":" | "'" | "\u{2019}"),
            });
        // One name the tagger already typed ("the group \"Friends of the Earth\"") keeps its type,
        // unless a work cue stands before it ("the song \"Stephen\"").
        let one_name = mentions
            .owner(s)
            .is_some_and(|k| mentions[k].start == s && mentions[k].end == e && mentions[k].label != EntityLabel::Misc);
        if titled && (cued || !one_name) {
            found.push(Mention::by_rule(
                s,
                e,
                EntityLabel::Misc,
                EntityRule::WorkCue,
                "a title in quotation marks".into(),
            ));
        }
    }
}

/// Finds works and products, then gives every other mention of the same name the same type.
pub(super) fn works(doc: &Document, lex: &[TokenLex], mentions: &mut Mentions) {
    let mut found = Vec::new();
    after_cues(doc, mentions, &mut found);
    before_cues(doc, lex, mentions, &mut found);
    quoted_titles(doc, mentions, &mut found);
    if found.is_empty() {
        return;
    }
    // Overlapping finds: the first (a cue before the title) wins.
    found.sort_by_key(|m| m.start);
    let mut kept: Vec<Mention> = Vec::with_capacity(found.len());
    for m in found {
        if kept.last().is_none_or(|p| p.end <= m.start) {
            kept.push(m);
        }
    }
    // The names to carry over the article: the title, and the title without its sequel number.
    // The last word of a two-word title ("Entropia" of "Project Entropia") relabels the mentions
    // the tagger made of it, but is not looked for among untagged words.
    let mut titles: Vec<(&str, String)> = Vec::new();
    let mut short: Vec<(&str, String)> = Vec::new();
    for m in &kept {
        let full = exact(doc, m.start, m.end);
        titles.push((full, full.to_string()));
        if m.len() > 1 && is_sequel_number(doc.token_text(m.end - 1)) {
            titles.push((exact(doc, m.start, m.end - 1), full.to_string()));
        } else if m.len() == 2
            && doc.is_capitalised(m.start)
            && doc.is_capitalised(m.start + 1)
            && lex[m.start + 1].begin & LexClass::Common.bit() == 0
        {
            short.push((doc.token_text(m.start + 1), full.to_string()));
        }
    }
    // The whole title written again elsewhere ("Fahrenheit 9/11 director") is the work, over
    // whatever the tagger cut it into.
    let mut again = Vec::new();
    let long: Vec<&Mention> = kept.iter().filter(|m| m.len() > 1).collect();
    let spans: Vec<(usize, usize)> = long.iter().map(|m| (m.start, m.end)).collect();
    for (k, at) in written_again(doc, lex, &spans) {
        let m = long[k];
        let len = m.len();
        {
            let inside_found = kept.iter().any(|k| k.start < at + len && at < k.end);
            // Not inside a longer name ("Project Entropia Dollars").
            let n = doc.tokens.len();
            let longer = (at > 0 && doc.is_capitalised(at - 1) && !sentence_initial(doc, at))
                || (at + len < n && doc.is_capitalised(at + len));
            if !inside_found && !longer && (at..at + len).all(|i| i == at || doc.tokens[i].newlines_before == 0) {
                let why = format!("the work {} elsewhere in the article", exact(doc, m.start, m.end));
                again.push(Mention::by_rule(
                    at,
                    at + len,
                    EntityLabel::Misc,
                    EntityRule::ConsistentLabel,
                    why,
                ));
            }
        }
    }
    again.sort_by_key(|m| m.start);
    again.dedup_by(|b, a| b.start < a.end);
    mentions.replace_overlapping(kept);
    mentions.replace_overlapping(again);
    // Looked up by text: a scan of the lists per mention and per token made a long text quadratic.
    let (titles, short) = (by_text(&titles), by_text(&short));
    let mut added = Vec::new();
    for k in 0..mentions.len() {
        let m = &mentions[k];
        if m.label == EntityLabel::Misc {
            continue;
        }
        let text = exact(doc, m.start, m.end);
        if let Some(full) = titles.get(text).or_else(|| short.get(text)) {
            let why = format!("the work {full} elsewhere in the article");
            mentions.decide(k, EntityLabel::Misc, EntityRule::ConsistentLabel, why);
        }
    }
    // A bare mention the tagger missed ("Fans of Halo"), unless a neighbouring capital makes it part
    // of a longer name.
    let n = doc.tokens.len();
    for (i, l) in lex.iter().enumerate().take(n) {
        // The title first: its text turns away nearly every token at once.
        let w = doc.token_text(i);
        let Some(full) = titles.get(w) else {
            continue;
        };
        if mentions.covered(i) || !doc.is_capitalised(i) {
            continue;
        }
        if (i > 0 && doc.is_capitalised(i - 1)) || (i + 1 < n && doc.is_capitalised(i + 1)) {
            continue;
        }
        // "The" or "Extras" opening a sentence may be the ordinary word.
        if sentence_initial(doc, i) && l.begin & LexClass::Common.bit() != 0 {
            continue;
        }
        let why = format!("the work {full} elsewhere in the article");
        added.push(Mention::by_rule(
            i,
            i + 1,
            EntityLabel::Misc,
            EntityRule::ConsistentLabel,
            why,
        ));
    }
    mentions.extend(added);
}

/// Each title's full name by its text, the first entry of a text winning (as a scan in order would).
fn by_text<'t, 'l>(list: &'l [(&'t str, String)]) -> HashMap<&'t str, &'l String> {
    let mut map: HashMap<&'t str, &'l String> = HashMap::default();
    for (t, full) in list {
        map.entry(*t).or_insert(full);
    }
    map
}

/// The maker of a product: one capitalised word after "made by", "developed by", "published by"
/// or "manufactured by" is a company ("made by Bungie"); a person is named with two words, or is a
/// known given name or surname.
pub(super) fn makers(doc: &Document, lex: &[TokenLex], mentions: &mut Mentions) {
    let names = LexClass::GivenName.bit() | LexClass::Surname.bit();
    let n = doc.tokens.len();
    let mut makers: Vec<(&str, String)> = Vec::new();
    for k in 0..mentions.len() {
        let m = &mentions[k];
        if m.label != EntityLabel::Person || m.rule != EntityRule::Model || m.len() != 1 || m.start < 2 {
            continue;
        }
        let verb = doc.token_text(m.start - 2);
        let by = doc.token_text(m.start - 1) == "by"
            && matches!(verb, "made" | "developed" | "published" | "manufactured" | "produced");
        let alone = m.end >= n || !doc.is_capitalised(m.end);
        if by && alone && lex[m.start].begin & names == 0 {
            let why = format!("the maker after \u{201C}{verb} by\u{201D}");
            makers.push((doc.token_text(m.start), why.clone()));
            mentions.decide(k, EntityLabel::Org, EntityRule::MakerOfProduct, why);
        }
    }
    // The same word the tagger called a person elsewhere ("Bungie said") is the same company.
    for k in 0..mentions.len() {
        let m = &mentions[k];
        if m.label != EntityLabel::Person || m.rule != EntityRule::Model || m.len() != 1 {
            continue;
        }
        if let Some((_, why)) = makers.iter().find(|(w, _)| *w == doc.token_text(m.start)) {
            mentions.decide(k, EntityLabel::Org, EntityRule::MakerOfProduct, why.clone());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sequel_numbers_are_small() {
        assert!(is_sequel_number("2") && is_sequel_number("IV") && is_sequel_number("12"));
        assert!(is_sequel_number("9/11"));
        assert!(
            !is_sequel_number("2005") && !is_sequel_number("0") && !is_sequel_number("M") && !is_sequel_number("9/")
        );
    }

    #[test]
    fn the_cue_lists_are_sorted_and_unique() {
        for table in [
            include_str!("../../../data/entities/work_cues.txt"),
            include_str!("../../../data/entities/product_cues.txt"),
        ] {
            let entries: Vec<&str> = crate::data::lines(table).collect();
            assert!(entries.windows(2).all(|w| w[0] < w[1]), "{entries:?}");
        }
        assert_eq!(work_cue("game"), Some(Cue::NotPerson));
        assert_eq!(work_cue("starred in"), Some(Cue::Work));
        assert_eq!(work_cue("gamer"), None);
    }
}
