//! The word lists the quotes layer reads, loaded once from `data/quotes/`.

use crate::data;
use crate::fasthash::{HashMap, HashSet, WordShapes};

/// Grammatical gender a name, title or pronoun tells, used only to agree pronouns with names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    /// Male.
    Male,
    /// Female.
    Female,
}

/// What a pronoun can stand for (`data/quotes/pronouns.tsv`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pronoun {
    /// "he", "she": one person.
    Person,
    /// "they".
    Group,
    /// "I", "we": the speaker.
    FirstPerson,
    /// "it".
    Thing,
    /// "there": a subject that names no one.
    Dummy,
}

impl Pronoun {
    fn parse(kind: &str) -> Option<Pronoun> {
        match kind {
            "person" => Some(Pronoun::Person),
            "group" => Some(Pronoun::Group),
            "first-person" => Some(Pronoun::FirstPerson),
            "thing" => Some(Pronoun::Thing),
            "dummy" => Some(Pronoun::Dummy),
            _ => None,
        }
    }

    /// True for a pronoun that can be a speaker: a person, a group, or I/we.
    pub fn is_personal(self) -> bool {
        matches!(self, Pronoun::Person | Pronoun::Group | Pronoun::FirstPerson)
    }
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
    /// Full month and weekday names as written in text ("Monday", "March"), from `data/dates/`;
    /// capitalised like names, but no one's name.
    pub calendar_words: HashSet<String>,
    /// Every inflection of every speech verb ("said", "tells", "tweeted").
    pub speech_verbs: HashSet<&'static str>,
    /// The shapes of the speech verbs: [`Lexicon::is_cue`] is asked of nearly every token.
    speech_verb_shapes: WordShapes,
    /// Titles before names ("Mr.", "Sen.", "Spokeswoman"), with the gender they tell.
    pub titles: HashMap<&'static str, Option<Gender>>,
    /// The titles written with a period, without it ("Sen" for "Sen."): a name's words are
    /// checked against both forms, and this spares building "Sen." for each.
    pub titles_before_period: HashSet<&'static str>,
    /// Given names with their usual gender: the entity layer's list, with the overrides of
    /// `data/quotes/given_name_overrides.tsv`.
    pub given_names: HashMap<&'static str, Option<Gender>>,
    /// Words that may stand between speaker and verb ("also", "has").
    pub adverbs: HashSet<&'static str>,
    /// Nationality words ("Irish", "Dutch"), from the entity layer's `data/entities/demonyms.txt`.
    pub demonyms: HashSet<&'static str>,
    /// Words that end a speaker phrase ("and", "that", "in").
    pub np_stops: HashSet<&'static str>,
    /// Words written with a leading apostrophe ("n", "em").
    pub elisions: Vec<&'static str>,
    /// Verb forms that are cues only right after a quote (`"…," Henry reports`).
    pub after_quote_cues: HashSet<&'static str>,
    /// Irregular verb forms that can follow a subject ("began", "took").
    pub irregular_verbs: HashSet<&'static str>,
    /// Speech verbs that are cues only with their particle: "pointed" → "out".
    pub phrasal_cues: HashMap<&'static str, &'static str>,
    /// Verbs that are no cue right before "to" ("continues to live").
    pub cues_not_before_to: HashSet<&'static str>,
    /// Cues after a quote only when nothing but punctuation follows ("started").
    pub bare_cues: HashSet<&'static str>,
    /// Lower-case words after which a speech verb is a passive or a noun ("was", "of").
    pub not_cue_after: HashSet<&'static str>,
    /// Words after which a speech verb is a noun ("new", "six").
    pub noun_modifiers: HashSet<&'static str>,
    /// "a", "an", "the".
    pub articles: HashSet<&'static str>,
    /// Lower-case prepositions ("in", "during").
    pub prepositions: HashSet<&'static str>,
    /// Prepositions more often conjunctions ("after", "since").
    pub conjunction_prepositions: HashSet<&'static str>,
    /// Words before a quote that make it a title ("show", "the").
    pub title_words: HashSet<&'static str>,
    /// Words that introduce a name, not speech ("so-called", "dubbed").
    pub naming_words: HashSet<&'static str>,
    /// Documents that relay a speaker's own words ("an advance text", "a transcript").
    pub speech_documents: HashSet<&'static str>,
    /// Auxiliaries that can follow a subject ("has", "would").
    pub auxiliaries: HashSet<&'static str>,
    /// Modals, do-support and "only", skipped between subject and cue.
    pub verb_helpers: HashSet<&'static str>,
    /// Calendar units in a time phrase ("week").
    pub time_units: HashSet<&'static str>,
    /// Parts of the day ("morning").
    pub parts_of_day: HashSet<&'static str>,
    /// Words before a time unit ("last", "this").
    pub time_shifts: HashSet<&'static str>,
    /// Words opening a time phrase after a name ("on", "last").
    pub time_openers: HashSet<&'static str>,
    /// Words joining a noun phrase to its complement ("of", "for").
    pub phrase_links: HashSet<&'static str>,
    /// Conjunctions joining a second verb to the subject ("and", "but").
    pub clause_joiners: HashSet<&'static str>,
    /// Words opening an absolute clause ("with").
    pub absolute_openers: HashSet<&'static str>,
    /// Lower-case words allowed in a speaker label ("of", "the").
    pub label_words: HashSet<&'static str>,
    /// Words that put a place after them ("of Flint").
    pub origin_words: HashSet<&'static str>,
    /// Stop words that may stand before a subject with a clause after it ("to", "who").
    pub stops_before_clause_subject: HashSet<&'static str>,
    /// Nouns heading a description of one person ("spokesman"), with the gender they tell.
    pub person_nouns: HashMap<&'static str, Option<Gender>>,
    /// Modifiers that make a different role ("deputy"): "deputy chief of staff" is not "chief of staff".
    pub rank_words: HashSet<&'static str>,
    /// Pronouns (lower case) and what they stand for.
    pub pronouns: HashMap<&'static str, Pronoun>,
}

/// The given names of the entity layer's list (with the gender each carries) under the quotes
/// layer's overrides: English news names it lacks ("Barack") or reads otherwise ("Bernie").
fn given_names(overrides: HashMap<&'static str, Option<Gender>>) -> HashMap<&'static str, Option<Gender>> {
    let mut all: HashMap<&'static str, Option<Gender>> = crate::entities::lexicon::LexClass::given_names_with_gender()
        .map(|(n, g)| (n, gender(g)))
        .collect();
    all.extend(overrides);
    all
}

/// The entries of a one-word-a-line table.
fn set(table: &'static str) -> HashSet<&'static str> {
    data::lines(table).collect()
}

impl Lexicon {
    /// Loads the embedded tables.
    pub fn load() -> Self {
        let pairs = |table: &'static str| -> HashMap<&'static str, Option<Gender>> {
            data::rows(table)
                .filter_map(|r| Some((*r.first()?, r.get(1).and_then(|g| gender(g)))))
                .collect()
        };
        let titles = pairs(include_str!("../../data/quotes/titles.tsv"));
        Lexicon {
            titles_before_period: titles.keys().filter_map(|t| t.strip_suffix('.')).collect(),
            calendar_words: crate::dates::lexicon::calendar_names()
                // "May" is also a surname (Theresa May) and a modal verb: never a calendar word here.
                .filter(|w| *w != "may")
                .map(|w| w[..1].to_uppercase() + &w[1..])
                .collect(),
            speech_verbs: data::lines(include_str!("../../data/quotes/speech_verbs.txt")).collect(),
            speech_verb_shapes: WordShapes::new(data::lines(include_str!("../../data/quotes/speech_verbs.txt"))),
            titles,
            given_names: given_names(pairs(include_str!("../../data/quotes/given_name_overrides.tsv"))),
            adverbs: data::lines(include_str!("../../data/quotes/adverbs.txt")).collect(),
            demonyms: data::lines(include_str!("../../data/entities/demonyms.txt")).collect(),
            np_stops: data::lines(include_str!("../../data/quotes/np_stops.txt")).collect(),
            elisions: data::lines(include_str!("../../data/quotes/elisions.txt")).collect(),
            after_quote_cues: data::lines(include_str!("../../data/quotes/cues_after_quote.txt")).collect(),
            irregular_verbs: data::lines(include_str!("../../data/quotes/irregular_verbs.txt")).collect(),
            phrasal_cues: data::rows(include_str!("../../data/quotes/phrasal_cues.tsv"))
                .filter_map(|r| Some((*r.first()?, *r.get(1)?)))
                .collect(),
            cues_not_before_to: set(include_str!("../../data/quotes/cues_not_before_to.txt")),
            bare_cues: set(include_str!("../../data/quotes/bare_cues.txt")),
            not_cue_after: set(include_str!("../../data/quotes/not_cue_after.txt")),
            noun_modifiers: set(include_str!("../../data/quotes/noun_modifiers.txt")),
            articles: set(include_str!("../../data/quotes/articles.txt")),
            prepositions: set(include_str!("../../data/quotes/prepositions.txt")),
            conjunction_prepositions: set(include_str!("../../data/quotes/conjunction_prepositions.txt")),
            title_words: set(include_str!("../../data/quotes/title_words.txt")),
            naming_words: set(include_str!("../../data/quotes/naming_words.txt")),
            speech_documents: set(include_str!("../../data/quotes/speech_documents.txt")),
            auxiliaries: set(include_str!("../../data/quotes/auxiliaries.txt")),
            verb_helpers: set(include_str!("../../data/quotes/verb_helpers.txt")),
            time_units: set(include_str!("../../data/quotes/time_units.txt")),
            parts_of_day: set(include_str!("../../data/quotes/parts_of_day.txt")),
            time_shifts: set(include_str!("../../data/quotes/time_shifts.txt")),
            time_openers: set(include_str!("../../data/quotes/time_openers.txt")),
            phrase_links: set(include_str!("../../data/quotes/phrase_links.txt")),
            clause_joiners: set(include_str!("../../data/quotes/clause_joiners.txt")),
            absolute_openers: set(include_str!("../../data/quotes/absolute_openers.txt")),
            label_words: set(include_str!("../../data/quotes/label_words.txt")),
            origin_words: set(include_str!("../../data/quotes/origin_words.txt")),
            stops_before_clause_subject: set(include_str!("../../data/quotes/stops_before_clause_subject.txt")),
            person_nouns: pairs(include_str!("../../data/quotes/person_nouns.tsv")),
            rank_words: set(include_str!("../../data/quotes/rank_words.txt")),
            pronouns: data::rows(include_str!("../../data/quotes/pronouns.tsv"))
                .filter_map(|r| Some((*r.first()?, Pronoun::parse(r.get(1)?)?)))
                .collect(),
        }
    }

    /// What the lower-case `word` stands for, if it is a pronoun.
    pub fn pronoun(&self, word: &str) -> Option<Pronoun> {
        self.pronouns.get(word).copied()
    }

    /// True for a full month or weekday name as written in text ("Monday", "March"; not "May").
    pub fn is_calendar_word(&self, word: &str) -> bool {
        self.calendar_words.contains(word)
    }

    /// True for a speech verb form ("said", "tells"). Every form starts with a lower-case ASCII
    /// letter (a test holds the list to it), so a capitalised word or a number is answered
    /// without hashing it: this is asked of most tokens.
    pub fn is_cue(&self, word: &str) -> bool {
        starts_lower_ascii(word) && self.speech_verb_shapes.may_hold(word) && self.speech_verbs.contains(word)
    }

    /// True for any regular form of a speech verb, including those the cue list leaves out
    /// because they are too often something else as cues ("laments", "mentions", "call"), and the
    /// last part of a hyphenated compound ("self-described"). For framing checks, not for cues.
    pub fn is_speech_form(&self, word: &str) -> bool {
        let w = word.rsplit('-').next().unwrap_or(word);
        let listed = |f: &str| self.speech_verbs.contains(f);
        listed(w)
            || listed(&format!("{w}s"))
            || listed(&format!("{w}ed"))
            || w.strip_suffix('s')
                .is_some_and(|stem| listed(&format!("{stem}ed")) || listed(&format!("{stem}d")))
    }

    /// True for a title ("Mr.", "Sen.", "President").
    pub fn is_title(&self, word: &str) -> bool {
        self.titles.contains_key(word)
    }
}

/// True when `word` starts with a lower-case ASCII letter.
pub(super) fn starts_lower_ascii(word: &str) -> bool {
    word.as_bytes().first().is_some_and(u8::is_ascii_lowercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_speech_verb_starts_with_a_lower_case_ascii_letter() {
        // `is_cue` skips the lookup for any other word.
        let l = Lexicon::load();
        assert!(l.speech_verbs.iter().all(|w| starts_lower_ascii(w)));
    }

    #[test]
    fn tables_load_with_genders() {
        let l = Lexicon::load();
        assert!(l.is_cue("said") && l.is_cue("tweeted") && !l.is_cue("state"));
        assert!(l.is_speech_form("laments") && l.is_speech_form("call") && l.is_speech_form("self-described"));
        assert!(!l.is_speech_form("proposes") && !l.is_speech_form("plans"));
        assert_eq!(l.titles.get("Mrs."), Some(&Some(Gender::Female)));
        assert_eq!(l.given_names.get("Nick"), Some(&Some(Gender::Male)));
        // From the entity layer's list: "Dick Pound" cannot be a "she", nor "Aafke" a "he";
        // "Nicola" is listed as both and agrees with either.
        assert_eq!(l.given_names.get("Dick"), Some(&Some(Gender::Male)));
        assert_eq!(l.given_names.get("Aafke"), Some(&Some(Gender::Female)));
        assert_eq!(l.given_names.get("Nicola"), Some(&None));
        // The overrides: a name the generated list lacks, and one it reads as female.
        assert_eq!(l.given_names.get("Barack"), Some(&Some(Gender::Male)));
        assert_eq!(l.given_names.get("Bernie"), Some(&Some(Gender::Male)));
    }

    #[test]
    fn the_grammar_lists_are_sorted_unique_and_parse() {
        let tables = [
            include_str!("../../data/quotes/phrasal_cues.tsv"),
            include_str!("../../data/quotes/cues_not_before_to.txt"),
            include_str!("../../data/quotes/bare_cues.txt"),
            include_str!("../../data/quotes/not_cue_after.txt"),
            include_str!("../../data/quotes/noun_modifiers.txt"),
            include_str!("../../data/quotes/articles.txt"),
            include_str!("../../data/quotes/prepositions.txt"),
            include_str!("../../data/quotes/conjunction_prepositions.txt"),
            include_str!("../../data/quotes/title_words.txt"),
            include_str!("../../data/quotes/naming_words.txt"),
            include_str!("../../data/quotes/auxiliaries.txt"),
            include_str!("../../data/quotes/verb_helpers.txt"),
            include_str!("../../data/quotes/time_units.txt"),
            include_str!("../../data/quotes/parts_of_day.txt"),
            include_str!("../../data/quotes/time_shifts.txt"),
            include_str!("../../data/quotes/time_openers.txt"),
            include_str!("../../data/quotes/phrase_links.txt"),
            include_str!("../../data/quotes/clause_joiners.txt"),
            include_str!("../../data/quotes/absolute_openers.txt"),
            include_str!("../../data/quotes/label_words.txt"),
            include_str!("../../data/quotes/origin_words.txt"),
            include_str!("../../data/quotes/stops_before_clause_subject.txt"),
            include_str!("../../data/quotes/pronouns.tsv"),
            include_str!("../../data/quotes/given_name_overrides.tsv"),
            include_str!("../../data/quotes/rank_words.txt"),
            include_str!("../../data/quotes/person_nouns.tsv"),
        ];
        for table in tables {
            let keys: Vec<&str> = data::rows(table).map(|r| r[0]).collect();
            assert!(
                keys.windows(2).all(|w| w[0] < w[1]),
                "not sorted or duplicated: {keys:?}"
            );
        }
        let l = Lexicon::load();
        assert_eq!(
            l.pronouns.len(),
            data::rows(include_str!("../../data/quotes/pronouns.tsv")).count()
        );
        assert_eq!(l.pronoun("they"), Some(Pronoun::Group));
        assert_eq!(l.phrasal_cues.get("pointed"), Some(&"out"));
    }
}
