//! Ordinary words the tagger took for names: acronyms of things ("DRM", "the VCR", "1800 GMT"),
//! capitalised common nouns of British news ("the Government", "the Budget"), a common noun glued
//! to a name ("Moyes U-turn"), and a common word that is capitalised only because it opens a
//! sentence ("Being", "Dock workers", "Thankfully, ...").

use super::key;
use super::mentions::Mentions;
use crate::annotation::{EntityLabel, EntityRule};
use crate::entities::lexicon::{LexClass, TokenLex};
use crate::fasthash::HashSet;
use crate::text::words::{is_all_caps, is_dash};
use crate::text::Document;

/// The acronyms of ordinary things (`data/entities/generic_acronyms.txt`).
fn generic_acronyms(w: &str) -> bool {
    static LIST: super::SmallList = super::SmallList::new(include_str!("../../../data/entities/generic_acronyms.txt"));
    LIST.contains(w)
}

/// The capitalised common nouns (`data/entities/not_names.txt`).
fn common_nouns(w: &str) -> bool {
    static LIST: super::SmallList = super::SmallList::new(include_str!("../../../data/entities/not_names.txt"));
    LIST.contains(w)
}

/// True when tokens `start..end` are only capitalised common nouns ("the Government", "the Budget
/// and Election"), or one listed phrase ("the General Election").
pub(super) fn only_common_nouns(doc: &Document, start: usize, end: usize) -> bool {
    common_nouns(super::exact(doc, start, end)) || (start..end).all(|i| common_nouns(doc.token_text(i)))
}

/// The plural nouns an ordinary noun modifies (`data/entities/modified_nouns.txt`).
fn modified_nouns(w: &str) -> bool {
    static LIST: super::SmallList = super::SmallList::new(include_str!("../../../data/entities/modified_nouns.txt"));
    LIST.contains(w)
}

/// True when `w` is a listed acronym, or its plural ("PCs", "MMORPGs").
pub(super) fn is_generic_acronym(w: &str) -> bool {
    generic_acronyms(w) || w.strip_suffix('s').is_some_and(|s| s.len() >= 2 && generic_acronyms(s))
}

/// A single capital, a hyphen and a lower-case word: "U-turn", "X-ray", "T-shirt" are common
/// nouns, never the end of a name.
fn is_letter_compound(w: &str) -> bool {
    let b = w.as_bytes();
    b.len() >= 4 && b[0].is_ascii_uppercase() && b[1] == b'-' && w[2..].chars().all(char::is_lowercase)
}

/// True when token `i` opens a sentence or a line, or the story after a wire dateline
/// ("BRUSSELS, March 14 (Wire) – Dock workers …", "LONDON - Dock workers …").
pub(super) fn sentence_initial(doc: &Document, i: usize) -> bool {
    if i == 0
        || doc.tokens[i].newlines_before > 0
        || matches!(doc.token_text(i - 1), "." | "!" | "?" | "\"" | "\u{201C}")
    {
        return true;
    }
    let after_dateline = i >= 2 && (doc.token_text(i - 2) == ")" || is_all_caps(doc.token_text(i - 2)));
    after_dateline && is_dash(doc.token_text(i - 1))
}

/// The lists that hold names: a word in one of them ending in "-ly" ("Kelly", "Italy") is a name.
const NAME_LISTS: u32 = LexClass::GivenName.bit()
    | LexClass::Surname.bit()
    | LexClass::Country.bit()
    | LexClass::City.bit()
    | LexClass::Town.bit()
    | LexClass::Region.bit()
    | LexClass::Company.bit()
    | LexClass::WnPlace.bit();

/// True when tokens `start..end` are one adverb opening a sentence before a comma, whatever
/// label the tagger gave it ("Thankfully, ...", "Internationally, ..."): a word of six letters or
/// more ending in "-ly" that no list of names holds.
fn opening_adverb(doc: &Document, lex: &[TokenLex], start: usize, end: usize) -> bool {
    let w = doc.token_text(start);
    end == start + 1
        && w.len() >= 6
        && w.ends_with("ly")
        && doc.tokens.get(end).is_some_and(|_| doc.token_text(end) == ",")
        && lex[start].classes() & NAME_LISTS == 0
        && sentence_initial(doc, start)
}

/// Drops the mentions that are ordinary words, and trims a common noun off a name's end.
pub(super) fn not_names(doc: &Document, lex: &[TokenLex], mentions: &mut Mentions) {
    for m in mentions.iter_mut() {
        while m.end > m.start + 1 && is_letter_compound(doc.token_text(m.end - 1)) {
            m.end -= 1;
        }
    }
    // Words written in lower case somewhere in the article ("the dock"), and words written with a
    // capital inside a sentence (a name, "Brown" of "Gordon Brown"), by case-insensitive key; only
    // the words of the mentions that ask are looked for.
    let asking: HashSet<u64> = mentions
        .iter()
        .filter(|m| m.len() == 1 && m.rule == EntityRule::Model && sentence_initial(doc, m.start))
        .map(|m| key(lex, m.start, m.end))
        .collect();
    let mut lower: HashSet<u64> = HashSet::default();
    let mut capital_inside: HashSet<u64> = HashSet::default();
    for i in (0..doc.tokens.len()).filter(|_| !asking.is_empty()) {
        let k = key(lex, i, i + 1);
        if !asking.contains(&k) {
            continue;
        }
        if doc.is_capitalised(i) {
            if !sentence_initial(doc, i) {
                capital_inside.insert(k);
            }
        } else if doc.token_text(i).starts_with(char::is_lowercase) {
            lower.insert(k);
        }
    }
    mentions.edit().retain(|m| {
        let text = super::exact(doc, m.start, m.end);
        if is_generic_acronym(text) || common_nouns(text) || opening_adverb(doc, lex, m.start, m.end) {
            return false;
        }
        if m.len() != 1 || m.rule != EntityRule::Model || !sentence_initial(doc, m.start) {
            return true;
        }
        if !matches!(m.label, EntityLabel::Person | EntityLabel::Misc) {
            return true;
        }
        // A word opening a sentence and never capitalised inside one: a common word ("Being")
        // that is no one's name, a word the article writes in lower case elsewhere ("the dock"),
        // or a word modifying the plural noun after it ("Dock workers").
        let low = key(lex, m.start, m.end);
        if capital_inside.contains(&low) || m.end >= doc.tokens.len() || doc.is_capitalised(m.end) {
            return true;
        }
        // Frequent lower-case words include names ("obama", "olympic"): only a participle ("Being",
        // "Having") that no other list knows, taken for a name of another kind (MISC), is the word.
        let common =
            m.label == EntityLabel::Misc && lex[m.start].begin == LexClass::Common.bit() && text.ends_with("ing");
        let modifier = m.label == EntityLabel::Person && modified_nouns(doc.token_text(m.end));
        !(common || modifier || lower.contains(&low))
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn acronyms_and_their_plurals_are_generic() {
        assert!(is_generic_acronym("DRM") && is_generic_acronym("MMORPGs") && is_generic_acronym("PCs"));
        assert!(!is_generic_acronym("BBC") && !is_generic_acronym("s"));
    }

    #[test]
    fn a_letter_and_a_word_make_a_common_noun() {
        assert!(is_letter_compound("U-turn") && is_letter_compound("X-ray"));
        assert!(!is_letter_compound("Al-Qaeda") && !is_letter_compound("Jean-Luc") && !is_letter_compound("U-2"));
    }

    #[test]
    fn an_adverb_opening_a_sentence_is_no_name_but_a_listed_name_is() {
        let doc = Document::new("Internationally, it won. Kelly, his sister, and Italy, laughed. Shortly after.");
        let lex = crate::entities::lexicon::Lexicons::new().annotate(&doc);
        let adverbs: Vec<&str> = (0..doc.tokens.len())
            .filter(|&i| opening_adverb(&doc, &lex, i, i + 1))
            .map(|i| doc.token_text(i))
            .collect();
        assert_eq!(adverbs, ["Internationally"]);
    }

    #[test]
    fn the_lists_are_sorted_and_unique() {
        for table in [
            include_str!("../../../data/entities/generic_acronyms.txt"),
            include_str!("../../../data/entities/not_names.txt"),
            include_str!("../../../data/entities/modified_nouns.txt"),
        ] {
            let entries: Vec<&str> = crate::data::lines(table).collect();
            assert!(entries.windows(2).all(|w| w[0] < w[1]), "{entries:?}");
        }
    }
}
