//! The word lists the quotes layer reads, loaded once from `data/quotes/`.

use crate::data;
use crate::fasthash::{HashMap, HashSet};

/// Grammatical gender a name, title or pronoun tells, used only to agree pronouns with names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    /// Male.
    Male,
    /// Female.
    Female,
}

fn gender(code: &str) -> Option<Gender> {
    match code {
        "m" => Some(Gender::Male),
        "f" => Some(Gender::Female),
        _ => None,
    }
}

/// Speech verbs, titles, given names and the small function-word lists attribution needs.
#[derive(Debug, Clone)]
pub struct Lexicon {
    /// Every inflection of every speech verb ("said", "tells", "tweeted").
    pub speech_verbs: HashSet<&'static str>,
    /// Titles before names ("Mr.", "Sen.", "Spokeswoman"), with the gender they tell.
    pub titles: HashMap<&'static str, Option<Gender>>,
    /// Given names with their usual gender.
    pub given_names: HashMap<&'static str, Option<Gender>>,
    /// Words that may stand between speaker and verb ("also", "has").
    pub adverbs: HashSet<&'static str>,
    /// Words that end a speaker phrase ("and", "that", "in").
    pub np_stops: HashSet<&'static str>,
    /// Words written with a leading apostrophe ("n", "em").
    pub elisions: Vec<&'static str>,
    /// Verb forms that are cues only right after a quote (`"…," Henry reports`).
    pub after_quote_cues: HashSet<&'static str>,
    /// Irregular verb forms that can follow a subject ("began", "took").
    pub irregular_verbs: HashSet<&'static str>,
}

/// The given names of the entity layer's list (with the gender each carries) under the
/// hand-written English list, whose reading wins where the two differ.
fn given_names(english: HashMap<&'static str, Option<Gender>>) -> HashMap<&'static str, Option<Gender>> {
    let mut all: HashMap<&'static str, Option<Gender>> = crate::entities::lexicon::LexClass::given_names_with_gender()
        .map(|(n, g)| (n, gender(g)))
        .collect();
    all.extend(english);
    all
}

impl Lexicon {
    /// Loads the embedded tables.
    pub fn load() -> Self {
        let pairs = |table: &'static str| -> HashMap<&'static str, Option<Gender>> {
            data::rows(table)
                .filter_map(|r| Some((*r.first()?, r.get(1).and_then(|g| gender(g)))))
                .collect()
        };
        Lexicon {
            speech_verbs: data::lines(include_str!("../../data/quotes/speech_verbs.txt")).collect(),
            titles: pairs(include_str!("../../data/quotes/titles.tsv")),
            given_names: given_names(pairs(include_str!("../../data/quotes/given_names.tsv"))),
            adverbs: data::lines(include_str!("../../data/quotes/adverbs.txt")).collect(),
            np_stops: data::lines(include_str!("../../data/quotes/np_stops.txt")).collect(),
            elisions: data::lines(include_str!("../../data/quotes/elisions.txt")).collect(),
            after_quote_cues: data::lines(include_str!("../../data/quotes/cues_after_quote.txt")).collect(),
            irregular_verbs: data::lines(include_str!("../../data/quotes/irregular_verbs.txt")).collect(),
        }
    }

    /// True for a speech verb form ("said", "tells").
    pub fn is_cue(&self, word: &str) -> bool {
        self.speech_verbs.contains(word)
    }

    /// True for a title ("Mr.", "Sen.", "President").
    pub fn is_title(&self, word: &str) -> bool {
        self.titles.contains_key(word)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_load_with_genders() {
        let l = Lexicon::load();
        assert!(l.is_cue("said") && l.is_cue("tweeted") && !l.is_cue("state"));
        assert_eq!(l.titles.get("Mrs."), Some(&Some(Gender::Female)));
        assert_eq!(l.given_names.get("Nick"), Some(&Some(Gender::Male)));
        // From the entity layer's list: "Dick Pound" cannot be a "she", nor "Aafke" a "he";
        // "Nicola" is listed as both and agrees with either.
        assert_eq!(l.given_names.get("Dick"), Some(&Some(Gender::Male)));
        assert_eq!(l.given_names.get("Aafke"), Some(&Some(Gender::Female)));
        assert_eq!(l.given_names.get("Nicola"), Some(&None));
    }
}
