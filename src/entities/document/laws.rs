//! Laws, bills and treaties (CoNLL's MISC): capitalised words ending in a law word ("the Finance
//! Bill", "the Data Protection Act 1998") or a law word opening "of" and a name ("the Treaty of
//! Rome"). The tagger, trained on 1996 wire copy, reads "Bill" as a given name.

use super::mentions::{Mention, Mentions};
use crate::annotation::{EntityLabel, EntityRule};
use crate::entities::lexicon::{LexClass, TokenLex};
use crate::text::tokens::TokenKind;
use crate::text::Document;

/// The law words (`data/entities/law_heads.txt`), case included.
fn law_heads(w: &str) -> bool {
    static LIST: super::SmallList = super::SmallList::new(include_str!("../../../data/entities/law_heads.txt"));
    LIST.contains(w)
}

/// A four-digit year after an act's name ("Act 1998").
fn is_year(doc: &Document, i: usize) -> bool {
    let w = doc.token_text(i);
    doc.tokens[i].kind == TokenKind::Number && w.len() == 4 && (w.starts_with("19") || w.starts_with("20"))
}

/// True when token `i` continues the name on the same line.
fn same_line(doc: &Document, i: usize) -> bool {
    doc.tokens[i].newlines_before == 0
}

/// The law names of the document, as token ranges.
fn find(doc: &Document, lex: &[TokenLex]) -> Vec<(usize, usize)> {
    let n = doc.tokens.len();
    let cap = |i: usize| i < n && doc.is_capitalised(i);
    // Words that put a person's "Bill" after them: a title ("Uncle Bill"), or a common word
    // capitalised only because it opens the sentence ("Then Bill left").
    let before_person = |i: usize| {
        let opens = i == 0 || matches!(doc.token_text(i - 1), "." | "!" | "?") || !same_line(doc, i);
        lex[i].begin & LexClass::Title.bit() != 0 || (opens && lex[i].begin & LexClass::Common.bit() != 0)
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < n {
        if !law_heads(doc.token_text(i)) {
            i += 1;
            continue;
        }
        // "the Treaty of Rome": the head, "of", and the capitalised words after it.
        if i + 2 < n && doc.token_text(i + 1) == "of" && cap(i + 2) && same_line(doc, i + 2) {
            let mut e = i + 3;
            while cap(e) && same_line(doc, e) {
                e += 1;
            }
            let s = if i > 0 && cap(i - 1) && same_line(doc, i) && doc.token_text(i - 1) != "The" {
                i - 1
            } else {
                i
            };
            out.push((s, e));
            i = e;
            continue;
        }
        // "the Finance Bill was": capitalised words (and "of" between them) before the head, and
        // no capital after it ("Bill Clinton" is a person).
        if cap(i + 1) && same_line(doc, i + 1) {
            i += 1;
            continue;
        }
        let mut s = i;
        while s > 0 && same_line(doc, s) {
            let prev = s - 1;
            if cap(prev) && doc.token_text(prev) != "The" {
                s = prev;
            } else if prev > 0 && doc.token_text(prev) == "of" && cap(prev - 1) && s < i {
                s = prev - 1;
            } else {
                break;
            }
        }
        if s == i || before_person(s) {
            i += 1;
            continue;
        }
        let e = if i + 1 < n && is_year(doc, i + 1) && same_line(doc, i + 1) {
            i + 2
        } else {
            i + 1
        };
        out.push((s, e));
        i = e;
    }
    out
}

/// Tags law names as MISC in place of whatever the tagger found there; then a lone law word left
/// as a person ("the Bill was passed") is no one.
pub(super) fn laws(doc: &Document, lex: &[TokenLex], mentions: &mut Mentions) {
    let found = find(doc, lex);
    if found.is_empty() {
        return;
    }
    let new = found
        .into_iter()
        .map(|(s, e)| {
            let head = (s..e)
                .map(|i| doc.token_text(i))
                .find(|w| law_heads(w))
                .unwrap_or("Act");
            let why = format!("a name with the law word \u{201C}{head}\u{201D}");
            Mention::by_rule(s, e, EntityLabel::Misc, EntityRule::LawName, why)
        })
        .collect();
    mentions.replace_overlapping(new);
    let n = doc.tokens.len();
    mentions.edit().retain(|m| {
        !(m.len() == 1
            && m.rule == EntityRule::Model
            && m.label == EntityLabel::Person
            && law_heads(doc.token_text(m.start))
            && m.start > 0
            && doc.token_text(m.start - 1).eq_ignore_ascii_case("the")
            && (m.end >= n || !doc.is_capitalised(m.end)))
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<String> {
        let doc = Document::new(text);
        let lex = crate::entities::lexicon::Lexicons::new().annotate(&doc);
        find(&doc, &lex)
            .into_iter()
            .map(|(s, e)| super::super::exact(&doc, s, e).to_string())
            .collect()
    }

    #[test]
    fn law_names_come_out_whole() {
        assert_eq!(names("MPs passed the Finance Bill on Monday."), ["Finance Bill"]);
        assert_eq!(
            names("It breaks the Data Protection Act 1998, he said."),
            ["Data Protection Act 1998"]
        );
        assert_eq!(names("Under the Treaty of Rome the EU grew."), ["Treaty of Rome"]);
        assert_eq!(
            names("The Freedom of Information Act applies."),
            ["Freedom of Information Act"]
        );
    }

    #[test]
    fn a_given_name_before_a_surname_is_no_law() {
        assert!(names("Former president Bill Clinton spoke.").is_empty());
        assert!(names("Bill was late. The Act was passed.").is_empty());
        assert!(names("Then Bill left, and Bill stayed.").is_empty());
    }

    #[test]
    fn the_list_is_sorted_and_unique() {
        let entries: Vec<&str> = crate::data::lines(include_str!("../../../data/entities/law_heads.txt")).collect();
        assert!(entries.windows(2).all(|w| w[0] < w[1]), "{entries:?}");
    }
}
