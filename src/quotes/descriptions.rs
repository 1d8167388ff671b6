//! Descriptions tied to names: "Nick Ayers, Pence's chief of staff," or "Pence's chief of staff
//! Nick Ayers" lets a later "the chief of staff said" name Nick Ayers, but only when the article
//! ties that description to one name. Anything looser ("Mike Pence's chief of staff" with no name
//! beside it, or two people called "an aide") leaves the speaker as the description written.
//! An unnamed person who speaks ("A spokesman for the ministry said") is what a later "he" or
//! "she" refers back to when no name comes between ([`DescribedSpeaker`]).

use super::lexicon::{Gender, Lexicon};
use super::lowered::Lowered;
use crate::text::words::is_possessive;
use crate::text::{Document, TokenKind};

/// Longest description, in tokens, that can tie to a name.
const MAX_DESCRIPTION: usize = 10;

/// A description reduced to what identifies a role: its words after any determiner and possessor
/// ("chief of staff"), and the possessor's last word ("pence") when one is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Description {
    /// Lower-case words of the role ("chief", "of", "staff").
    words: Vec<String>,
    /// Lower-case last word of the possessor ("Mike Pence's" → "pence").
    owner: Option<String>,
    /// True when it picks out someone already known: "the …", "Pence's …", "his …".
    definite: bool,
}

/// A name the article gives a description in apposition.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tie {
    /// The description.
    pub description: Description,
    /// Index of the name mention it is tied to.
    pub mention: usize,
}

impl Description {
    /// Reads tokens `[first, end)` as a description: an optional determiner, an optional possessor
    /// ("Mike Pence's", "the company's"), then lower-case words, with capitalised ones allowed only
    /// after "of"/"for" ("spokesman for Apple"). None for anything else (a verb, a number, a clause).
    pub fn parse(doc: &Document, lex: &Lexicon, lowered: &Lowered, first: usize, end: usize) -> Option<Description> {
        if first >= end || end > doc.tokens.len() || end - first > MAX_DESCRIPTION {
            return None;
        }
        let lower = |i: usize| lowered.get(i);
        let mut start = first;
        let mut definite = false;
        // "his chief of staff" names an owner the words do not tell: never definite here.
        if lex.articles.contains(lower(first)) || is_possessive_pronoun(lower(first)) {
            definite = lower(first) == "the";
            start += 1;
        }
        // The possessor opens the description ("Mike Pence's", "the company's"); one inside a
        // complement ("an executive at Carrier's parent company") makes no role of what follows it.
        let mut owner = None;
        if let Some(p) = (start..end.min(start + 4)).find(|&j| is_possessive(doc.token_text(j))) {
            if p == start || !(start..p).all(|j| doc.is_capitalised(j) || word_of_role(doc, lex, j)) {
                return None;
            }
            owner = Some(lower(p - 1));
            definite = true;
            start = p + 1;
        }
        if start >= end || !word_of_role(doc, lex, start) || (start..end).any(|j| is_possessive(doc.token_text(j))) {
            return None;
        }
        let mut linked = false;
        for j in start..end {
            let w = lower(j);
            let link = lex.phrase_links.contains(w);
            let ok =
                link || (linked && (doc.is_capitalised(j) || lex.articles.contains(w))) || word_of_role(doc, lex, j);
            if !ok || doc.tokens[j].kind != TokenKind::Word {
                return None;
            }
            linked |= link;
        }
        // Copied only once every word passed: most candidates fail on some word.
        let words = (start..end).map(|j| lower(j).to_string()).collect();
        Some(Description {
            words,
            owner: owner.map(str::to_string),
            definite,
        })
    }

    /// True when the description picks out someone already known ("the chief of staff"), not a
    /// new person ("a spokesman").
    pub fn is_definite(&self) -> bool {
        self.definite
    }

    /// True when both can describe the same role: the same words; one the other with modifiers
    /// before it ("former aide" and "aide"), unless a modifier changes the rank ("deputy chief of
    /// staff" is not "chief of staff"); or one the other with a complement ("spokesman for the
    /// ministry" and "spokesman"). Possessors written on both sides must agree.
    pub fn matches(&self, other: &Description, lex: &Lexicon) -> bool {
        if let (Some(a), Some(b)) = (&self.owner, &other.owner) {
            if a != b {
                return false;
            }
        }
        let (short, long) = if self.words.len() <= other.words.len() {
            (&self.words, &other.words)
        } else {
            (&other.words, &self.words)
        };
        if short.is_empty() {
            return false;
        }
        let extra = long.len() - short.len();
        let suffix = long[extra..] == short[..]
            && long[..extra]
                .iter()
                .all(|w| !lex.rank_words.contains(w.as_str()) && !lex.phrase_links.contains(w.as_str()));
        let prefix = long[..short.len()] == short[..]
            && long
                .get(short.len())
                .is_none_or(|w| lex.phrase_links.contains(w.as_str()));
        suffix || prefix
    }
}

/// "his", "her", "its", "their": a possessive determiner.
fn is_possessive_pronoun(w: &str) -> bool {
    matches!(w, "his" | "her" | "its" | "their")
}

/// A lower-case word that can be part of a role: not a stop word, a speech verb or a number.
fn word_of_role(doc: &Document, lex: &Lexicon, j: usize) -> bool {
    let t = doc.token_text(j);
    doc.tokens[j].kind == TokenKind::Word
        && t.chars().next().is_some_and(char::is_lowercase)
        && !lex.np_stops.contains(t)
        && !lex.articles.contains(t)
        && !lex.is_cue(t)
        && !lex.auxiliaries.contains(t)
}

/// The descriptions the article writes beside a name: "NAME, DESCRIPTION," (or ending the
/// sentence) and "DESCRIPTION NAME". `names[k]` is mention `k`'s tokens `[first, end)`;
/// `in_quote[i]` marks tokens inside quotes.
pub fn ties(doc: &Document, lex: &Lexicon, lowered: &Lowered, names: &[(usize, usize)], in_quote: &[bool]) -> Vec<Tie> {
    let n = doc.tokens.len();
    let outside = |j: usize| !in_quote.get(j).copied().unwrap_or(true);
    let mut out = Vec::new();
    for (k, &(first, end)) in names.iter().enumerate() {
        // "Nick Ayers, Pence's chief of staff, said": up to the next comma or the sentence end.
        if end + 1 < n && doc.token_text(end) == "," && outside(end) {
            let stop = (end + 1..n.min(end + 2 + MAX_DESCRIPTION)).find(|&j| {
                doc.tokens[j].newlines_before > 0
                    || !outside(j)
                    || (doc.tokens[j].kind == TokenKind::Punct && !is_possessive(doc.token_text(j)))
            });
            let closed = stop.is_some_and(|j| {
                doc.tokens[j].newlines_before == 0 && outside(j) && matches!(doc.token_text(j), "," | "." | ";")
            }) || stop.is_none() && n <= end + 2 + MAX_DESCRIPTION;
            if let (true, Some(description)) = (
                closed,
                Description::parse(doc, lex, lowered, end + 1, stop.unwrap_or(n)),
            ) {
                out.push(Tie {
                    description,
                    mention: k,
                });
            }
        }
        // "Pence's chief of staff Nick Ayers": lower-case role words (and a possessor) right before.
        let mut s = first;
        while s > 0 && first - s < MAX_DESCRIPTION && outside(s - 1) && doc.tokens[s].newlines_before == 0 {
            let t = doc.token_text(s - 1);
            let lower = lowered.get(s - 1);
            let possessor = s + 1 < first && is_possessive(doc.token_text(s)) && doc.is_capitalised(s - 1);
            if word_of_role(doc, lex, s - 1) || lex.phrase_links.contains(t) || is_possessive(t) || possessor {
                s -= 1;
            } else {
                if lex.articles.contains(lower) || is_possessive_pronoun(lower) {
                    s -= 1;
                }
                break;
            }
        }
        // A link word cannot open the description ("of staff Nick Ayers").
        while s < first && lex.phrase_links.contains(doc.token_text(s)) {
            s += 1;
        }
        if s < first {
            if let Some(description) = Description::parse(doc, lex, lowered, s, first) {
                out.push(Tie {
                    description,
                    mention: k,
                });
            }
        }
    }
    out
}

/// An unnamed person heading a speech verb: `A spokesman for the ministry said`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DescribedSpeaker {
    /// Tokens `[first, end)` of the description.
    pub first: usize,
    /// One past its last token.
    pub end: usize,
    /// The gender its head noun tells ("spokeswoman"), if any.
    pub gender: Option<Gender>,
}

/// Every description of one new person that is the subject of a speech verb: "a"/"an", a head noun
/// from `data/quotes/person_nouns.tsv` (after modifiers), and an optional "for"/"of" complement,
/// right before the verb (adverbs between allowed). Bounded: a few tokens back from each verb.
pub fn described_speakers(
    doc: &Document,
    lex: &Lexicon,
    lowered: &Lowered,
    in_quote: &[bool],
) -> Vec<DescribedSpeaker> {
    let mut out = Vec::new();
    let inside = |j: usize| in_quote.get(j).copied().unwrap_or(true);
    for j in 1..doc.tokens.len() {
        // Lower-case only: a capitalised "Said" opens a sentence, with no subject before it.
        if !lex.is_cue(doc.token_text(j)) || inside(j) {
            continue;
        }
        let mut k = j;
        while k > 0 && j - k < 2 && lex.adverbs.contains(doc.token_text(k - 1)) {
            k -= 1;
        }
        // The article opening the phrase: the last one whose head (before any link word) is a
        // person noun, reading back over words only.
        let lo = k.saturating_sub(MAX_DESCRIPTION);
        let mut s = k;
        while s > lo
            && !inside(s - 1)
            && doc.tokens[s - 1].kind == TokenKind::Word
            && doc.tokens[s].newlines_before == 0
        {
            s -= 1;
            let t = lowered.get(s);
            // "A spokesman said" brings in someone new; "the former president said" is usually
            // someone already named, whom a pronoun finds by name.
            if !matches!(t, "a" | "an") {
                continue;
            }
            let head_end = (s + 1..k)
                .find(|&h| lex.phrase_links.contains(doc.token_text(h)))
                .unwrap_or(k);
            if head_end <= s + 1 || (s + 1..head_end).any(|h| !word_of_role(doc, lex, h)) {
                continue;
            }
            let head = doc.token_text(head_end - 1);
            if let Some(&gender) = lex.person_nouns.get(head) {
                out.push(DescribedSpeaker {
                    first: s,
                    end: k,
                    gender,
                });
                break;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Option<Description> {
        let doc = Document::new(text);
        Description::parse(&doc, &Lexicon::load(), &Lowered::new(&doc), 0, doc.tokens.len())
    }

    #[test]
    fn roles_match_across_determiners_possessors_and_modifiers() {
        let lex = Lexicon::load();
        let d = |t: &str| parse(t).unwrap_or_else(|| panic!("{t} parses"));
        assert!(d("the chief of staff").matches(&d("Mike Pence's chief of staff"), &lex));
        assert!(d("the aide").matches(&d("a senior aide"), &lex));
        assert!(d("the spokesman").matches(&d("a spokesman for the ministry"), &lex));
        assert!(!d("the chief of staff").matches(&d("deputy chief of staff"), &lex));
        assert!(!d("Pence's chief of staff").matches(&d("Trump's chief of staff"), &lex));
        assert!(!d("the party chairman").matches(&d("a former state party chairman"), &lex));
        assert!(parse("an executive at Carrier's parent company").is_none());
        assert!(d("the chief of staff").is_definite() && !d("a spokesman").is_definite());
        assert!(!d("his lawyer").is_definite());
        assert!(parse("said the plan").is_none() && parse("22").is_none());
    }
}
