//! Company names that end in a legal form: "Magna International Inc", "Schroder Wertheim & Co",
//! "Gold Fields of South Africa Ltd".

use super::mentions::{Mention, Mentions};
use crate::annotation::{EntityLabel, EntityRule};
use crate::entities::lexicon::{LexClass, TokenLex};
use crate::text::words::is_capitalised;
use crate::text::Document;

/// Words walked back from a legal form at most: longer runs are sentences, not names.
const MAX_NAME_WORDS: usize = 7;

/// A run of capitalised words ending in a legal form is one company, in place of whatever the
/// tagger made of those words.
pub(super) fn company_names(doc: &Document, lex: &[TokenLex], mentions: &mut Mentions) {
    let n = doc.tokens.len();
    let mut found = Vec::new();
    for j in 1..n {
        if lex[j].begin & LexClass::LegalSuffix.bit() == 0
            || !doc.is_capitalised(j)
            || doc.tokens[j].newlines_before > 0
        {
            continue;
        }
        let mut s = j;
        while s > 0 && j - s < MAX_NAME_WORDS && doc.tokens[s].newlines_before == 0 {
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
            if doc.is_capitalised(p) && lex[p].begin & LexClass::Title.bit() == 0 && !prior_company && !based
                || t == "&"
                || of_ok
            {
                s = p;
            } else {
                break;
            }
        }
        while s < j && !doc.is_capitalised(s) {
            s += 1;
        }
        if s < j {
            found.push((s, j + 1));
        }
    }
    // "Schroder Wertheim & Co Inc" may end twice: keep one, the longest.
    let mut merged: Vec<(usize, usize)> = Vec::with_capacity(found.len());
    for (s, e) in found {
        match merged.last_mut() {
            Some(last) if s < last.1 => *last = (last.0.min(s), e),
            _ => merged.push((s, e)),
        }
    }
    let companies = merged
        .into_iter()
        .map(|(s, e)| {
            let reason = format!("ends in a company legal form ({})", doc.token_text(e - 1));
            Mention::by_rule(s, e, EntityLabel::Org, EntityRule::LegalForm, reason)
        })
        .collect();
    mentions.replace_overlapping(companies);
}
