//! Document-level decisions on top of the tagger's per-token output: what one sentence cannot
//! know. Datelines ("WASHINGTON (Reuters) -"), titles kept out of names, one label per name in
//! the article, later mentions of a person ("Pence" after "Mike Pence") found and linked,
//! ordinary words kept out of names ("DRM", "the Government"), works, products, laws and awards
//! as MISC ("the film Alexander", "Finance Bill"), the NORP/EVENT split of MISC, and one entity id
//! and canonical name per entity.
//!
//! Each rule is one pass over the mentions, in the order [`resolve`] lists them; a rule that
//! decides a mention records which rule it is ([`EntityRule`](crate::EntityRule)), and later rules
//! read that, never the reason text. The passes share one index of which mention covers each
//! token (`Mentions`, in `mentions.rs`).

mod adjectives;
mod ages;
mod calendar;
mod consistency;
mod datelines;
mod famous;
mod groups_events;
mod joins;
mod laws;
mod legal_forms;
mod link;
mod listed;
mod mentions;
mod name_shapes;
mod named_by_place;
mod named_events;
mod not_names;
mod numbers;
mod org_cues;
mod org_heads;
mod org_of_noun;
mod people;
mod person_cues;
mod place_cues;
mod places;
mod repeats;
mod surnames;
mod trim;
mod works;

use super::lexicon::{phrase_key, Lexicons, TokenLex, WordSet};
use super::model::Decision;
use crate::annotation::{Entity, EntityLabel, EntityRule};
use crate::fasthash::HashMap;
use crate::text::{Document, Span};
use mentions::{Mention, Mentions};

/// The tagger's confidence under which its one-word "person" gives way to a cue in the text ("in
/// Quintaroo", "the Manchu"); "faith in God" is said with confidence.
const UNSURE_PERSON: f32 = 0.9;

/// A one-word person the tagger named unsure (under [`UNSURE_PERSON`]) after the first token: what
/// the rules that read a cue word before it may overrule.
fn unsure_lone_person(m: &Mention) -> bool {
    m.len() == 1
        && m.label == EntityLabel::Person
        && m.rule == EntityRule::Model
        && m.confidence.is_some_and(|c| c < UNSURE_PERSON)
        && m.start > 0
}

/// A case-insensitive hash of tokens `s..e`: the key that makes "WASHINGTON" and "Washington"
/// the same name, without allocating.
fn key(lex: &[TokenLex], s: usize, e: usize) -> u64 {
    phrase_key(&lex[s..e])
}

/// The exact text of tokens `s..e`: consistency is judged on names as written, since a team in
/// body text ("New York") is often a place in a results table ("NEW YORK").
fn exact<'t>(doc: &Document<'t>, s: usize, e: usize) -> &'t str {
    // One token (most asks): its text is already sliced.
    if e == s + 1 {
        return doc.token_text(s);
    }
    Span::new(doc.tokens[s].span.start, doc.tokens[e - 1].span.end).slice(doc.text)
}

/// Every place where the words of `spans[k]` are written (itself included), as `(k, at)` ordered
/// by `k`, then by `at`. One pass over the tokens with the spans indexed by their first word's
/// key: a scan of the article per span made a long text quadratic (a 10 MB paste took minutes).
fn written_again(doc: &Document, lex: &[TokenLex], spans: &[(usize, usize)]) -> Vec<(usize, usize)> {
    let mut by_first: HashMap<u64, Vec<usize>> = HashMap::default();
    for (k, &(s, e)) in spans.iter().enumerate() {
        if s < e {
            by_first.entry(lex[s].word).or_default().push(k);
        }
    }
    let n = doc.tokens.len();
    // Per span, in text order: read out span by span, no sort is needed.
    let mut at_of: Vec<Vec<usize>> = vec![Vec::new(); spans.len()];
    for at in 0..n {
        let Some(ks) = by_first.get(&lex[at].word) else {
            continue;
        };
        for &k in ks {
            let (s, e) = spans[k];
            let len = e - s;
            // The words' keys first: unequal keys tell unequal words apart without reading them.
            let same = at + len <= n
                && (0..len)
                    .all(|j| lex[at + j].word == lex[s + j].word && doc.token_text(at + j) == doc.token_text(s + j));
            if same {
                at_of[k].push(at);
            }
        }
    }
    at_of
        .into_iter()
        .enumerate()
        .flat_map(|(k, ats)| ats.into_iter().map(move |at| (k, at)))
        .collect()
}

/// A small rule-only word list (one entry a line, matched exactly), made a set on first use: the
/// rules ask about nearly every token, and a scan of the text per question cost more than all the
/// tagging.
struct SmallList {
    table: &'static str,
    set: std::sync::OnceLock<WordSet>,
}

impl SmallList {
    const fn new(table: &'static str) -> SmallList {
        SmallList {
            table,
            set: std::sync::OnceLock::new(),
        }
    }

    /// True when `w` is an entry of the list.
    fn contains(&self, w: &str) -> bool {
        self.set
            .get_or_init(|| WordSet::new(crate::data::lines(self.table)))
            .contains(w)
    }
}

/// Turns the tagger's decisions into entities with document-level consistency.
pub fn resolve(doc: &Document, lexicons: &Lexicons, lex: &[TokenLex], decisions: &[Decision]) -> Vec<Entity> {
    let mut mentions = Mentions::from_tags(doc.tokens.len(), decisions);
    trim::trim(doc, lex, &mut mentions);
    trim::split_at_lower_word(doc, lexicons, lex, &mut mentions);
    not_names::not_names(doc, lex, &mut mentions);
    numbers::numbers(doc, &mut mentions);
    name_shapes::name_edges(doc, lexicons, lex, &mut mentions);
    calendar::calendar_dates(doc, &mut mentions);
    datelines::datelines(doc, lexicons, &mut mentions);
    legal_forms::company_names(doc, lex, &mut mentions);
    people::given_names(doc, lex, &mut mentions);
    people::particles(doc, lexicons, lex, &mut mentions);
    people::town_given_names(doc, lex, &mut mentions);
    ages::ages(doc, &mut mentions);
    name_shapes::joined_names(doc, lexicons, lex, &mut mentions);
    places::streets(doc, lexicons, &mut mentions);
    places::countries(doc, lexicons, lex, &mut mentions);
    places::geographic(doc, lexicons, lex, &mut mentions);
    places::states(doc, &mut mentions);
    org_heads::org_heads(doc, lexicons, lex, &mut mentions);
    joins::demonym_orgs(doc, lex, &mut mentions);
    joins::dangling_of(doc, lexicons, &mut mentions);
    joins::noun_pairs(doc, lex, &mut mentions);
    joins::peoples(doc, &mut mentions);
    joins::party_names(doc, lex, &mut mentions);
    org_heads::org_short_forms(doc, lex, &mut mentions);
    org_cues::title_case_acronyms(doc, lexicons, lex, &mut mentions);
    org_cues::company_cues(doc, lexicons, lex, &mut mentions);
    org_cues::institutions(doc, lexicons, &mut mentions);
    named_by_place::clubs(doc, lexicons, lex, &mut mentions);
    named_by_place::club_names(doc, lexicons, lex, &mut mentions);
    named_by_place::universities(doc, lexicons, lex, &mut mentions);
    place_cues::place_of(doc, lex, &mut mentions);
    place_cues::place_after_preposition(doc, lex, &mut mentions);
    place_cues::saints(doc, &mut mentions);
    org_of_noun::org_of(doc, &mut mentions);
    adjectives::adjectives(doc, lexicons, lex, &mut mentions);
    adjectives::joined_nationalities(doc, lexicons, &mut mentions);
    person_cues::person_cues(doc, lex, &mut mentions);
    person_cues::not_person_after_the(doc, lexicons, lex, &mut mentions);
    consistency::consistent_labels(doc, &mut mentions);
    places::place_lists(doc, lexicons, &mut mentions);
    consistency::repeat_names(doc, lex, &mut mentions);
    repeats::untagged_repeats(doc, lex, &mut mentions);
    surnames::known_surnames(doc, lex, &mut mentions);
    famous::famous_people(doc, lexicons, &mut mentions);
    listed::lexicon_names(doc, lex, &mut mentions);
    laws::laws(doc, lex, &mut mentions);
    works::works(doc, lex, &mut mentions);
    named_events::named_events(doc, lexicons, lex, &mut mentions);
    named_events::award_names(doc, &mut mentions);
    works::makers(doc, lex, &mut mentions);
    groups_events::split_misc(doc, lexicons, lex, &mut mentions);
    mentions.sort();
    link::link(doc, lex, mentions.into_vec())
}
