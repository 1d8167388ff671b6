//! Bare surnames the tagger never saw: "Trudeau will extend the invitation", "keep the spotlight
//! on Trump". A surname in the census list (`data/entities/surnames.txt`) that no other list
//! claims (no place, organisation, ordinary word or given name) is a person, whether the tagger
//! called it a place, an organisation or nothing.

use super::mentions::{Mention, Mentions};
use crate::annotation::{EntityLabel, EntityRule};
use crate::entities::lexicon::{LexClass, TokenLex};
use crate::text::words::is_all_caps;
use crate::text::Document;

/// The tagger's confidence under which a listed surname it called something else is relabelled:
/// a club or a place it is sure of ("Everton", "Stoke") keeps its label.
const RELABEL_BELOW: f32 = 0.8;

/// Words after a sentence's first word that mark it as a person ("Trudeau will", "Blunt said").
pub(super) const PERSONAL_NEXT: [&str; 14] = [
    "said", "says", "told", "added", "will", "would", "has", "had", "was", "is", "who", "himself", "herself", "also",
];

/// Lists whose words are something other than a person as often as a surname.
fn claimed_elsewhere() -> u32 {
    LexClass::ALL
        .iter()
        .filter(|c| !matches!(c, LexClass::Surname))
        .fold(0, |acc, c| acc | c.bit())
}

/// Tags bare listed surnames as people.
pub(super) fn known_surnames(doc: &Document, lex: &[TokenLex], mentions: &mut Mentions) {
    let n = doc.tokens.len();
    let other = claimed_elsewhere();
    // The lists first: they turn away nearly every token before the text is read.
    let surname = |i: usize| {
        lex[i].begin & LexClass::Surname.bit() != 0
            && lex[i].classes() & other == 0
            && doc.is_capitalised(i)
            && !is_all_caps(doc.token_text(i))
            && doc.token_text(i).chars().all(char::is_alphabetic)
    };
    // A capitalised word on either side makes it part of a longer name, a title or a heading.
    let alone = |i: usize| {
        let joined = |j: usize| doc.is_capitalised(j) && doc.tokens[i.max(j)].newlines_before == 0;
        let before = i > 0 && joined(i - 1);
        let after = i + 1 < n && joined(i + 1);
        !(before || after)
    };
    let reason = || format!("lexicon: {}", LexClass::Surname.name());
    for k in 0..mentions.len() {
        let m = &mentions[k];
        if m.len() == 1
            && m.rule == EntityRule::Model
            && m.confidence.is_some_and(|c| c < RELABEL_BELOW)
            && !(m.start > 0 && matches!(doc.token_text(m.start - 1), "the" | "The"))
            && matches!(m.label, EntityLabel::Org | EntityLabel::Loc | EntityLabel::Misc)
            && surname(m.start)
            && alone(m.start)
        {
            mentions.decide(k, EntityLabel::Person, EntityRule::KnownSurname, reason());
        }
    }
    let mut added = Vec::new();
    for i in 0..n {
        if !surname(i) || mentions.covered(i) || !alone(i) {
            continue;
        }
        // Opening a sentence or a line a capital says nothing: only a word that goes with a
        // person after it makes the word a name there ("Trudeau will ...", "Wright was born").
        let opens = super::not_names::sentence_initial(doc, i) || doc.token_text(i - 1) == ":";
        let personal = i + 1 < n && PERSONAL_NEXT.contains(&doc.token_text(i + 1));
        let after_article = i > 0 && matches!(doc.token_text(i - 1), "the" | "a" | "an");
        if (opens && !personal) || after_article {
            continue;
        }
        added.push(Mention::by_rule(
            i,
            i + 1,
            EntityLabel::Person,
            EntityRule::KnownSurname,
            reason(),
        ));
    }
    mentions.extend(added);
}
