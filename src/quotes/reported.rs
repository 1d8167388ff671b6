//! Reported (indirect) speech: "the minister said the deal could collapse", "…, according to three
//! officials", "she told reporters that …".
//!
//! It runs after direct quotes are attributed, reads the same tokens and name mentions, and never
//! changes a direct quote. Four patterns, each a [`QuoteRule`]:
//! 1. a subject, a reporting verb, then the content: `X said (that) …`, `X denied …`;
//! 2. the same with a hearer before the content: `X told Y (that) …`, `X urged Y to …`;
//! 3. the content first, the attribution closing the clause: `…, X said.` / `…, said X.`;
//! 4. `according to X, …` / `…, according to X.`
//!
//! A participle after a comma (`…, adding that …`) reports more words of the clause's speaker.
//! The span is the reported content alone: no "that", no cue, no speaker, no final punctuation.
//! Content that is a direct quote (`X said: "…"`) is left to the direct quote; a partial quote
//! inside reported content stays as it is. Every scan is bounded, so the work per token is constant.

use super::lexicon::Lexicon;
use super::lowered::Lowered;
use super::marks::Marked;
use super::names::{is_determiner, Names};
use crate::annotation::{Quote, QuoteKind, QuoteRule};
use crate::data;
use crate::fasthash::{HashMap, WordShapes};
use crate::text::words::{is_possessive, Lowercase};
use crate::text::{Document, Span, TokenKind};

/// Longest reported content, in tokens: a long sentence; past it the clause boundary was missed.
const MAX_CONTENT: usize = 120;
/// Longest speaker phrase, in tokens ("the former mayor of New York City").
const MAX_PHRASE: usize = 9;
/// Longest phrase between a verb and its "that" ("told The Washington Post on Sunday that").
const MAX_BEFORE_THAT: usize = 10;
/// Longest dateline before its dash, in tokens (`BRUSSELS, March 14, 2024 (Newsmark Wire) –`).
const MAX_DATELINE: usize = 16;
/// How far back an apposition may open (`Nick Ayers, Pence's chief of staff, said`).
const MAX_APPOSITION: usize = 25;

/// How a reporting verb's content follows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum VerbClass {
    /// The content follows at once ("said …").
    Says,
    /// A hearer may come first ("told reporters …").
    Tells,
    /// Only a clause is reported, never a noun ("added that …", not "added a clause").
    Clause,
    /// Reports only with one of its particles ("called for …", not "a group called X").
    Particle,
}

/// The reporting verbs of `data/quotes/reported_verbs.tsv`, loaded once.
#[derive(Debug, Clone)]
pub struct ReportingVerbs {
    verbs: HashMap<&'static str, VerbClass>,
    /// The shapes of the forms: [`ReportingVerbs::class`] is asked of every word.
    shapes: WordShapes,
    /// Particles that may stand between a verb and its content ("called for", "asked for").
    particles: HashMap<&'static str, Vec<&'static str>>,
}

impl ReportingVerbs {
    /// Loads the embedded table.
    pub fn load() -> Self {
        let mut verbs = HashMap::default();
        let mut particles = HashMap::default();
        for r in data::rows(include_str!("../../data/quotes/reported_verbs.tsv")) {
            let (Some(&form), Some(&class)) = (r.first(), r.get(1)) else {
                continue;
            };
            let class = match class {
                "tells" => VerbClass::Tells,
                "clause" => VerbClass::Clause,
                "particle" => VerbClass::Particle,
                _ => VerbClass::Says,
            };
            verbs.insert(form, class);
            if r.len() > 2 {
                particles.insert(form, r[2..].to_vec());
            }
        }
        ReportingVerbs {
            shapes: WordShapes::new(verbs.keys().copied()),
            verbs,
            particles,
        }
    }

    /// Every form starts with a lower-case ASCII letter (a test holds the table to it), so most
    /// words are answered without hashing them: this is asked of every word.
    fn class(&self, word: &str) -> Option<VerbClass> {
        if !super::lexicon::starts_lower_ascii(word) || !self.shapes.may_hold(word) {
            return None;
        }
        self.verbs.get(word).copied()
    }

    /// True when `word` is a particle of `verb` ("for" after "called").
    fn is_particle(&self, verb: &str, word: &str) -> bool {
        self.particles.get(verb).is_some_and(|p| p.contains(&word))
    }
}

impl Default for ReportingVerbs {
    fn default() -> Self {
        Self::load()
    }
}

/// A speaker phrase as tokens `[first, end)`, before it is resolved to a name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Phrase {
    first: usize,
    end: usize,
}

/// Finds reported speech in `doc`. `marked` are the quotation-mark spans and `direct` the quotes
/// attributed from them (one per mark span, in the same order); `names` are the document's name
/// mentions, as the direct quotes left them. Returns the annotations sorted by position.
pub fn find(
    doc: &Document,
    lex: &Lexicon,
    verbs: &ReportingVerbs,
    marked: &[Marked],
    direct: &[Quote],
    lowered: &Lowered,
    names: &mut Names,
) -> Vec<Quote> {
    Finder::new(doc, lex, verbs, marked, direct, lowered).run(names)
}

/// Per-document state of the search.
struct Finder<'a, 'd> {
    doc: &'a Document<'d>,
    lex: &'a Lexicon,
    verbs: &'a ReportingVerbs,
    /// For each token: the mark span containing it (marks included).
    quote_of: Vec<Option<usize>>,
    /// For each mark span: true when it is someone's words (a direct quote).
    speech: Vec<bool>,
    /// Speakers of the direct quotes by mark span, for participles that continue them.
    direct: &'a [Quote],
    /// The tokens in lower case.
    lowered: &'a Lowered,
}

/// Pronouns that can be a whole subject.
fn is_subject_pronoun(t: &str) -> bool {
    matches!(
        Lowercase::new(t).as_str(),
        "he" | "she" | "they" | "we" | "i" | "it" | "you"
    )
}

/// A subject pronoun fused with its auxiliary ("he'd", "they’re", "I'm"): a clause opens there.
fn is_contracted_subject(t: &str) -> bool {
    let lower = Lowercase::new(t);
    let Some((head, tail)) = lower.as_str().split_once(['\'', '\u{2019}']) else {
        return false;
    };
    matches!(tail, "d" | "ll" | "re" | "ve" | "m") && matches!(head, "he" | "she" | "they" | "we" | "i" | "it" | "you")
}

/// True for a word that opens a finite clause as its subject ("he", "they'd").
fn opens_with_subject(t: &str) -> bool {
    is_subject_pronoun(t) || is_contracted_subject(t)
}

/// Words that may stand between a subject and its verb ("has", "also", "repeatedly").
fn is_auxiliary(t: &str) -> bool {
    matches!(
        t,
        "has"
            | "have"
            | "had"
            | "would"
            | "will"
            | "could"
            | "can"
            | "may"
            | "might"
            | "should"
            | "must"
            | "did"
            | "does"
            | "do"
            | "not"
            | "never"
            | "only"
    )
}

/// Words opening a time or place phrase after a verb ("said on Tuesday", "said in a statement").
fn opens_adverbial(t: &str) -> bool {
    matches!(
        Lowercase::new(t).as_str(),
        "on" | "in"
            | "at"
            | "during"
            | "last"
            | "this"
            | "earlier"
            | "later"
            | "yesterday"
            | "today"
            | "tonight"
            | "recently"
            | "again"
            | "also"
            | "privately"
            | "publicly"
            | "repeatedly"
            | "previously"
            | "separately"
            | "afterward"
            | "afterwards"
            | "shortly"
            | "late"
            | "early"
            | "before"
            | "after"
            | "while"
            | "when"
            | "from"
            | "via"
            | "through"
            | "of"
    )
}

/// Adverbs that open a sentence before a comma ("Likewise, …", "Therefore, …"), which a
/// capitalised-word reading would take for a name.
fn is_sentence_adverb(t: &str) -> bool {
    t.ends_with("wise")
        || matches!(
            t,
            "therefore" | "moreover" | "furthermore" | "nevertheless" | "nonetheless" | "thus" | "hence" | "indeed"
        )
}

/// Words that open a clause's content: a finite clause ("he", "whether") or an infinitive marker.
fn opens_clause(t: &str) -> bool {
    opens_with_subject(t)
        || matches!(
            Lowercase::new(t).as_str(),
            "whether"
                | "if"
                | "what"
                | "why"
                | "how"
                | "who"
                | "where"
                | "which"
                | "there"
                | "this"
                | "these"
                | "those"
        )
}

/// Prepositions and subordinators that open an adjunct, never reported content ("said in …",
/// "complained when …", "adding to his lead").
fn opens_adjunct(t: &str) -> bool {
    matches!(
        Lowercase::new(t).as_str(),
        "in" | "on"
            | "at"
            | "during"
            | "after"
            | "before"
            | "with"
            | "by"
            | "for"
            | "from"
            | "into"
            | "against"
            | "over"
            | "under"
            | "since"
            | "while"
            | "when"
            | "through"
            | "via"
            | "of"
            | "across"
            | "amid"
            | "as"
            | "because"
            | "until"
            | "without"
            | "about"
            | "aboard"
            | "outside"
            | "inside"
            | "near"
            | "behind"
            | "up"
            | "out"
            | "back"
            | "off"
            | "down"
    )
}

/// Forms of "be" before a progressive participle ("is saying", "wasn't telling").
fn is_be(t: &str) -> bool {
    matches!(
        Lowercase::new(t).as_str(),
        "is" | "was"
            | "are"
            | "were"
            | "isn't"
            | "isn\u{2019}t"
            | "wasn't"
            | "wasn\u{2019}t"
            | "aren't"
            | "aren\u{2019}t"
            | "weren't"
            | "weren\u{2019}t"
            | "'s"
            | "\u{2019}s"
            | "'re"
            | "\u{2019}re"
            | "been"
    )
}

/// Hearers that are pronouns ("told him").
fn is_object_pronoun(t: &str) -> bool {
    matches!(
        Lowercase::new(t).as_str(),
        "him" | "her" | "them" | "us" | "me" | "you" | "it"
    )
}

impl<'a, 'd> Finder<'a, 'd> {
    fn new(
        doc: &'a Document<'d>,
        lex: &'a Lexicon,
        verbs: &'a ReportingVerbs,
        marked: &[Marked],
        direct: &'a [Quote],
        lowered: &'a Lowered,
    ) -> Self {
        let mut quote_of = vec![None; doc.tokens.len()];
        let mut q = 0;
        for (i, t) in doc.tokens.iter().enumerate() {
            while q < marked.len() && marked[q].span.end <= t.span.start {
                q += 1;
            }
            if q < marked.len() && marked[q].span.start <= t.span.start {
                quote_of[i] = Some(q);
            }
        }
        let speech = (0..marked.len())
            .map(|k| direct.get(k).is_some_and(|d| d.kind == QuoteKind::Speech))
            .collect();
        Finder {
            doc,
            lex,
            verbs,
            quote_of,
            speech,
            direct,
            lowered,
        }
    }

    fn text(&self, i: usize) -> &'d str {
        self.doc.token_text(i)
    }

    fn lower(&self, i: usize) -> &'a str {
        self.lowered.get(i)
    }

    fn n(&self) -> usize {
        self.doc.tokens.len()
    }

    fn quoted(&self, i: usize) -> bool {
        self.quote_of[i].is_some()
    }

    /// True for a token inside a direct quote (someone's words in quotation marks).
    fn in_speech(&self, i: usize) -> bool {
        self.quote_of[i].is_some_and(|q| self.speech[q])
    }

    fn is_word(&self, i: usize) -> bool {
        self.doc.tokens[i].kind == TokenKind::Word
    }

    /// True when token `i` ends a sentence or a clause that reported content cannot cross.
    fn boundary(&self, i: usize) -> bool {
        let t = self.text(i);
        let terminal = matches!(t, "." | "!" | "?" | "\u{2026}" | ";")
            && self.doc.tokens.get(i + 1).is_none_or(|n| n.space_before);
        !self.quoted(i) && (terminal || matches!(t, ";"))
    }

    /// True when token `i` starts a new paragraph.
    fn new_paragraph(&self, i: usize) -> bool {
        i > 0 && self.doc.tokens[i].newlines_before > 0
    }

    /// The reporting verb class of token `i`, when it is used as a verb outside quotes.
    fn verb_at(&self, i: usize) -> Option<VerbClass> {
        if self.quoted(i) || !self.is_word(i) {
            return None;
        }
        let class = self.verbs.class(self.text(i))?;
        if self.progressive(i) {
            return Some(class);
        }
        if i > 0 {
            let prev = self.lower(i - 1);
            // "the said company", "his claims", "was told", "six new claims": no speech act.
            if is_determiner(prev)
                || is_possessive(self.text(i - 1))
                || matches!(
                    prev,
                    "was" | "were" | "been" | "be" | "being" | "is" | "are" | "of" | "for" | "so"
                )
                || self.doc.tokens[i - 1].kind == TokenKind::Number
            {
                return None;
            }
        }
        Some(class)
    }

    /// True for a participle after a form of "be" ("is saying", "isn't saying", "was not telling").
    fn progressive(&self, i: usize) -> bool {
        if !self.text(i).ends_with("ing") || i == 0 {
            return false;
        }
        let mut k = i - 1;
        if matches!(self.lower(k), "not" | "also" | "still" | "now") && k > 0 {
            k -= 1;
        }
        is_be(self.text(k)) && !self.quoted(k)
    }

    fn run(&self, names: &mut Names) -> Vec<Quote> {
        let mut out: Vec<Quote> = Vec::new();
        let n = self.n();
        let mut i = 0;
        while i < n {
            let found = if self.text(i).eq_ignore_ascii_case("according")
                && i + 1 < n
                && self.text(i + 1) == "to"
                && !self.quoted(i)
            {
                self.according_to(i)
            } else if let Some(found) = self.asked(i) {
                Some(found)
            } else if let Some(found) = self.passive_by(i) {
                Some(found)
            } else if let Some(class) = self.verb_at(i) {
                if self.text(i).ends_with("ing") && !self.progressive(i) {
                    self.participle(i, class, &out)
                } else {
                    self.finite(i, class)
                }
            } else {
                None
            };
            if let Some((content, speaker, cue, rule)) = found {
                // `If the law conflicts, Rubio said, Christians must ignore it.`: an attribution
                // inside the sentence reports the words on both sides of it.
                let rest = speaker
                    .filter(|p| rule == QuoteRule::ReportedTrailing && p.end <= cue)
                    .and_then(|_| self.parenthetical_rest(self.skip_adverbial(cue + 1)));
                if let Some(q) = self.build(content, speaker, cue, rule, names) {
                    out.push(q);
                }
                if let Some(rest) = rest {
                    if let Some(q) = self.build(rest, speaker, cue, QuoteRule::ReportedParenthetical, names) {
                        out.push(q);
                    }
                }
            }
            i += 1;
        }
        // One content, one annotation: a later pattern over the same words (`…, he said, adding …`)
        // keeps the first.
        out.dedup_by(|b, a| a.span == b.span);
        out.sort_by_key(|r| (r.span.start, std::cmp::Reverse(r.span.end)));
        out
    }

    /// A finite reporting verb at `cue`: subject before it, content after it or before the subject.
    #[allow(clippy::type_complexity)]
    fn finite(&self, cue: usize, class: VerbClass) -> Option<(Phrase, Option<Phrase>, usize, QuoteRule)> {
        if self.question(cue) {
            return None;
        }
        // `…, said Steve Grubbs, an Iowa operative.`: a name after an inverted verb, then a comma or
        // the clause end, is the speaker, not the content, whatever stands before the comma.
        if let Some(found) = self.inverted(cue) {
            return Some(found);
        }
        if let Some(subject) = self.subject_before(cue) {
            // "X said on Tuesday." / "…, X said in a statement.": nothing follows but a time or place.
            let after = self.skip_adverbial(cue + 1);
            // `Trump added, "…"`: the verb introduces a direct quote.
            if after + 1 < self.n() && matches!(self.text(after), "," | ":") && self.in_speech(after + 1) {
                return None;
            }
            // "said on Friday he met …": a clause after the time phrase is the content.
            let timed = self.time_phrase_end(cue + 1);
            let clause_after_time = (timed > cue + 1
                && timed < self.n()
                && !self.quoted(timed)
                && (opens_with_subject(self.text(timed)) || self.lower(timed) == "that"))
                || self.subject_after_adverbial(cue + 1).is_some()
                // "called on voters to …": the particle opens the content.
                || (cue + 1 < self.n() && self.verbs.is_particle(self.text(cue), self.lower(cue + 1)));
            let closes = !clause_after_time
                && (after >= self.n() || self.boundary(after) || self.text(after) == "," || self.new_paragraph(after));
            if !closes {
                if let Some((content, told)) = self.content_after(cue, class).filter(|_| self.is_subject(subject)) {
                    let rule = if told {
                        QuoteRule::ReportedTold
                    } else {
                        QuoteRule::ReportedSaidThat
                    };
                    return Some((content, Some(subject), cue, rule));
                }
                if !matches!(class, VerbClass::Tells) {
                    return None;
                }
            }
            // `As Crane said, the two …`: the clause after the comma is what was said.
            if subject.first > 0 && self.lower(subject.first - 1) == "as" && self.text(after) == "," {
                let content = self.clause_after(after + 1)?;
                return Some((content, Some(subject), cue, QuoteRule::ReportedSaidThat));
            }
            // `…, he told delegates: "…"`: the verb introduces a direct quote after its object.
            let introduces_quote = (cue + 1..(cue + 4).min(self.n().saturating_sub(1)))
                .any(|j| self.text(j) == ":" && self.in_speech(j + 1));
            if introduces_quote {
                return None;
            }
            // `…, X said.` / `…, X told The Times.`: the subject opens the clause right after a comma.
            // `According to a text, he told delegates …` is an attribution, not what was said.
            if subject.first > 0 && matches!(self.text(subject.first - 1), "," | "\u{2014}" | "\u{2013}") {
                let content = self
                    .clause_before(subject.first - 1)
                    .filter(|c| self.statement_like(*c) && !self.text(c.first).eq_ignore_ascii_case("according"));
                if let Some(content) = content {
                    // `In a panel discussion on Friday, Morial told a young woman …`: a phrase of
                    // time or place before the attribution is no content unless words follow it.
                    if self.intro_only(content) && self.parenthetical_rest(self.skip_adverbial(cue + 1)).is_none() {
                        return None;
                    }
                    return Some((content, Some(subject), cue, QuoteRule::ReportedTrailing));
                }
                // `In his state, Christie said, offenders are …`: after a short introductory phrase,
                // the clause after the attribution is what was said.
                if self.introduces(subject.first - 1) {
                    let rest = self.parenthetical_rest(self.skip_adverbial(cue + 1)).filter(|r| {
                        // `…, said on Twitter, in reference to …` is a phrase, not a clause.
                        !matches!(
                            self.lower(r.first),
                            "in" | "on" | "at" | "during" | "with" | "by" | "via" | "for" | "from" | "of" | "about"
                        )
                    })?;
                    return Some((rest, Some(subject), cue, QuoteRule::ReportedParenthetical));
                }
            }
            return None;
        }
        // `…, said Brian Baker, an adviser.`: an inverted verb after a comma, its speaker after it.
        if cue > 0 && matches!(self.text(cue - 1), "," | "\u{2014}") {
            let speaker = self.phrase_after(cue + 1)?;
            let e = speaker.end;
            let closes = e >= self.n() || self.boundary(e) || self.text(e) == "," || self.new_paragraph(e);
            if closes {
                let content = self.clause_before(cue - 1).filter(|c| self.statement_like(*c))?;
                return Some((content, Some(speaker), cue, QuoteRule::ReportedTrailing));
            }
        }
        None
    }

    /// `…, said Brian Baker, an adviser.`: an inverted verb after a comma, its speaker after it
    /// (a name, or a description that ends the clause), the content before the comma.
    #[allow(clippy::type_complexity)]
    fn inverted(&self, cue: usize) -> Option<(Phrase, Option<Phrase>, usize, QuoteRule)> {
        if cue == 0 || !matches!(self.text(cue - 1), "," | "\u{2014}") || self.quoted(cue - 1) {
            return None;
        }
        // Only verbs of saying invert ("…, said X"); "…, criticized Clinton's email use" does not.
        let inverts = matches!(
            self.lower(cue),
            "said"
                | "says"
                | "added"
                | "adds"
                | "wrote"
                | "writes"
                | "noted"
                | "notes"
                | "explained"
                | "argued"
                | "warned"
        );
        if !inverts || self.time_phrase_end(cue + 1) > cue + 1 {
            return None;
        }
        let speaker = self.phrase_after(cue + 1)?;
        let e = speaker.end;
        let len = e - speaker.first;
        // A short name: with an apposition after its comma, or alone at the clause end.
        let named = self.doc.is_capitalised(speaker.first)
            && !is_subject_pronoun(self.text(speaker.first))
            && !(speaker.first..e).any(|j| self.verb_like(j) || self.lex.irregular_verbs.contains(self.lower(j)));
        let closes = if e < self.n() && self.text(e) == "," {
            len <= 5
        } else {
            len <= 3 && (e >= self.n() || self.boundary(e) || self.new_paragraph(e))
        };
        if !(named && closes) {
            return None;
        }
        let content = self.clause_before(cue - 1).filter(|c| self.statement_like(*c))?;
        Some((content, Some(speaker), cue, QuoteRule::ReportedTrailing))
    }

    /// The clause after a parenthetical attribution (`…, he said, the rest.`), starting after the
    /// comma at `comma`; `None` when no comma follows or another attribution opens there.
    fn parenthetical_rest(&self, comma: usize) -> Option<Phrase> {
        if comma + 1 >= self.n() || self.text(comma) != "," || self.quoted(comma) || self.attribution_follows(comma + 1)
        {
            return None;
        }
        self.clause_after(comma + 1)
    }

    /// True for an introductory phrase with no verb of its own: a preposition or a participle
    /// first ("During an interview this week", "After lashing the senator in a speech"), no comma
    /// and no finite verb after it.
    fn intro_only(&self, c: Phrase) -> bool {
        let first = self.lower(c.first);
        if !(opens_adjunct(first) || (first.ends_with("ing") && self.doc.is_capitalised(c.first))) {
            return false;
        }
        !(c.first + 1..c.end).any(|j| {
            let w = self.lower(j);
            self.text(j) == ","
                || self.quoted(j)
                || self.verb_like(j)
                || self.lex.irregular_verbs.contains(w)
                || (w.ends_with("ed") && w.len() > 4)
                || self.verbs.class(w).is_some()
        })
    }

    /// True when the words from the sentence start to the comma at `comma` are a short
    /// introductory phrase of the writer's ("In his state", "Instead", "At one point"), no quote.
    fn introduces(&self, comma: usize) -> bool {
        if self.text(comma) != "," || comma == 0 {
            return false;
        }
        let start = self.doc.sentences[self.doc.sentence_of(comma)].start;
        let intro = start..comma;
        !intro.is_empty()
            && comma - start <= 6
            && !self.new_paragraph(comma)
            && !intro
                .clone()
                .any(|j| self.quoted(j) || (j > start && self.new_paragraph(j)))
            && intro.clone().all(|j| self.verb_at(j).is_none())
            && !self.text(start).eq_ignore_ascii_case("according")
    }

    /// `…, adding (that) …`: a participle after a comma or "and" reports more of the clause
    /// speaker's words; the speaker is that of the reported or direct speech before it in the
    /// sentence, else the clause's subject.
    #[allow(clippy::type_complexity)]
    fn participle(
        &self,
        cue: usize,
        class: VerbClass,
        before: &[Quote],
    ) -> Option<(Phrase, Option<Phrase>, usize, QuoteRule)> {
        if cue == 0 || self.question(cue) {
            return None;
        }
        let prev = self.lower(cue - 1);
        if !matches!(prev, "," | "and" | "\u{2014}") {
            // "by saying he would …", "after saying he was …": the clause's subject said it;
            // "with 30 percent of voters saying they …": the people before the participle did.
            if class == VerbClass::Particle {
                return None;
            }
            let holder = if matches!(prev, "by" | "after" | "while" | "before") {
                None
            } else {
                Some(self.holder_before(cue)?)
            };
            let (content, _) = self.content_after(cue, VerbClass::Clause)?;
            if !opens_clause(self.text(content.first)) && self.lower(content.first - 1) != "that" {
                return None;
            }
            let speaker = match holder {
                Some(p) => p,
                None => self.clause_subject(self.doc.sentences[self.doc.sentence_of(cue)].start, cue)?,
            };
            return Some((content, Some(speaker), cue, QuoteRule::ReportedParticiple));
        }
        let (content, _) = self.content_after(cue, class)?;
        let sentence = self.doc.sentences[self.doc.sentence_of(cue)].clone();
        let start = self.doc.tokens[sentence.start].span.start;
        let at = self.doc.tokens[cue].span.start;
        // The speaker named earlier in the sentence: a reported clause or a direct quote.
        let earlier_reported = before
            .iter()
            .rev()
            .find(|r| r.span.start >= start && r.span.end <= at)
            .and_then(|r| r.speaker_span);
        let earlier_direct = self
            .direct
            .iter()
            .rev()
            .find(|q| q.kind == QuoteKind::Speech && q.span.start >= start && q.span.end <= at)
            .and_then(|q| q.speaker_span);
        let from_span = |s: Span| {
            let first = self.doc.token_at_or_after(s.start);
            let end = self.doc.token_at_or_after(s.end);
            (first < end).then_some(Phrase { first, end })
        };
        let speaker = match (earlier_reported, earlier_direct) {
            (Some(a), Some(b)) => from_span(if a.start > b.start { a } else { b }),
            (Some(s), None) | (None, Some(s)) => from_span(s),
            (None, None) => self.clause_subject(sentence.start, cue),
        };
        speaker.map(|s| (content, Some(s), cue, QuoteRule::ReportedParticiple))
    }

    /// The people before "saying" in `with 30 percent of voters saying …`: the phrase after
    /// "with", a share or a plural of people, up to the participle.
    fn holder_before(&self, cue: usize) -> Option<Phrase> {
        if self.lower(cue) != "saying" {
            return None;
        }
        let with = (cue.saturating_sub(MAX_PHRASE)..cue)
            .rev()
            .take_while(|&j| !self.quoted(j) && (self.is_word(j) || self.doc.tokens[j].kind == TokenKind::Number))
            .find(|&j| self.lower(j) == "with")?;
        let p = Phrase {
            first: with + 1,
            end: cue,
        };
        let people = self.lower(cue - 1);
        let share = (p.first..p.end).any(|j| matches!(self.lower(j), "percent" | "%" | "majority" | "half"));
        (p.end > p.first && (share || (people.ends_with('s') && people.len() > 3))).then_some(p)
    }

    /// `according to X, …` / `…, according to X.` at token `k` ("according").
    #[allow(clippy::type_complexity)]
    fn according_to(&self, k: usize) -> Option<(Phrase, Option<Phrase>, usize, QuoteRule)> {
        let n = self.n();
        let source = self.source_after(k + 2)?;
        let e = source.end;
        if k > 0 && matches!(self.text(k - 1), "," | "\u{2014}" | "(") {
            // `By Sept. 30, according to new filings, the committee had spent …`: an introductory
            // phrase before it; the clause after the source is the content.
            let before = self.clause_before(k - 1).filter(|c| self.statement_like(*c));
            if e < n && self.text(e) == "," && before.is_none_or(|c| opens_adjunct(self.text(c.first))) {
                let content = self.clause_after(e + 1).filter(|c| !self.describes_source(*c))?;
                return Some((content, Some(source), k, QuoteRule::ReportedAccordingTo));
            }
            // `…, according to X.`: the clause before is the content.
            return Some((before?, Some(source), k, QuoteRule::ReportedAccordingTo));
        }
        if e < n && self.text(e) == "," {
            // `According to X, …`: the clause after, unless it carries its own attribution
            // (`According to an advance text, he told delegates …` is his speech, not the text's).
            let content = self.clause_after(e + 1).filter(|c| !self.describes_source(*c))?;
            if (content.first..content.end.min(content.first + MAX_PHRASE + 3)).any(|j| self.verb_at(j).is_some()) {
                return None;
            }
            return Some((content, Some(source), k, QuoteRule::ReportedAccordingTo));
        }
        None
    }

    /// True when the words after `according to X,` describe X rather than report it: a relative
    /// clause or a second conjunct ("which tracks …", "and has …"), an apposition with no verb
    /// ("a Republican strategist", "a start-up that tracks donations"), or a participle ("writing
    /// for …").
    fn describes_source(&self, c: Phrase) -> bool {
        let first = self.lower(c.first);
        if matches!(first, "which" | "who" | "whose" | "whom" | "and" | "but" | "or") {
            return true;
        }
        if first.ends_with("ing") && !self.doc.is_capitalised(c.first) {
            return true;
        }
        matches!(first, "a" | "an")
            && !(c.first..c.end).any(|j| self.verb_like(j) || self.lex.irregular_verbs.contains(self.text(j)))
    }

    /// `The move was first reported by CNN`: a passive reporting verb with its agent; the subject
    /// is what was said, the agent who said it.
    #[allow(clippy::type_complexity)]
    fn passive_by(&self, cue: usize) -> Option<(Phrase, Option<Phrase>, usize, QuoteRule)> {
        let n = self.n();
        if cue + 2 >= n || self.quoted(cue) || self.lower(cue + 1) != "by" || !self.text(cue).ends_with("ed") {
            return None;
        }
        self.verbs.class(self.text(cue))?;
        // Back over adverbs ("first", "widely") to the form of "be".
        let mut k = cue;
        while k > 0 && k + 3 > cue && !self.quoted(k - 1) && !is_be(self.text(k - 1)) {
            let t = self.lower(k - 1);
            if !(self.lex.adverbs.contains(t) || t.ends_with("ly")) {
                return None;
            }
            k -= 1;
        }
        if k == 0 || !is_be(self.text(k - 1)) || self.quoted(k - 1) {
            return None;
        }
        let content = self.phrase_before(k - 1)?;
        let agent = self.source_after(cue + 2)?;
        let words = (content.first..content.end).filter(|&j| self.is_word(j)).count();
        (words >= 2 && !is_subject_pronoun(self.text(content.first))).then_some((
            content,
            Some(agent),
            cue,
            QuoteRule::ReportedPassive,
        ))
    }

    /// `Asked whether he would run, …` / `… when asked about the plan`: the question put to
    /// someone, at "asked" opening a sentence or after "when"; the asker is not named.
    #[allow(clippy::type_complexity)]
    fn asked(&self, cue: usize) -> Option<(Phrase, Option<Phrase>, usize, QuoteRule)> {
        let n = self.n();
        if self.lower(cue) != "asked" || self.quoted(cue) {
            return None;
        }
        let opens_sentence = self.doc.sentences[self.doc.sentence_of(cue)].start == cue;
        if !(opens_sentence || (cue > 0 && matches!(self.lower(cue - 1), "when" | "whenever"))) {
            return None;
        }
        let mut s = cue + 1;
        if s < n
            && matches!(
                self.lower(s),
                "later" | "specifically" | "directly" | "again" | "repeatedly"
            )
        {
            s += 1;
        }
        if s >= n
            || self.quoted(s)
            || !matches!(
                self.lower(s),
                "if" | "whether" | "what" | "why" | "who" | "whom" | "which" | "how" | "about"
            )
        {
            return None;
        }
        let content = self.clause_after(s)?;
        // `Asked about X, Conway did not apologize`: the answer's clause follows the comma.
        let end = (content.first..content.end)
            .find(|&j| self.text(j) == "," && !self.quoted(j))
            .unwrap_or(content.end);
        let content = self.trimmed(content.first, end)?;
        Some((content, None, cue, QuoteRule::ReportedAsked))
    }

    /// True when the sentence of token `i` is a question: a question reports nothing.
    fn question(&self, i: usize) -> bool {
        let r = &self.doc.sentences[self.doc.sentence_of(i)];
        let mut j = r.end;
        while j > r.start {
            j -= 1;
            if self.quoted(j) || self.doc.tokens[j].kind != TokenKind::Punct {
                return false;
            }
            if self.text(j) == "?" {
                return true;
            }
        }
        false
    }

    /// Skips a short time or place phrase after a verb (`on Tuesday`, `in a statement`, `Friday`),
    /// up to a comma or the clause end; returns where it ends, or `from` when there is none.
    fn skip_adverbial(&self, from: usize) -> usize {
        let n = self.n();
        if from >= n || self.quoted(from) {
            return from;
        }
        let t = self.text(from);
        if !(opens_adverbial(t) || self.lex.is_calendar_word(t) || t.ends_with("day")) {
            return from;
        }
        let mut j = from;
        while j < n && j < from + MAX_BEFORE_THAT && !self.quoted(j) && !self.new_paragraph(j) {
            if self.boundary(j) || matches!(self.text(j), "," | ":") || self.lower(j) == "that" {
                return j;
            }
            j += 1;
        }
        from
    }

    /// The content after a verb: past a hearer (for [`VerbClass::Tells`]), a time or place phrase
    /// and "that", up to the clause end. The flag is true when a hearer was skipped.
    fn content_after(&self, cue: usize, class: VerbClass) -> Option<(Phrase, bool)> {
        let n = self.n();
        let mut s = cue + 1;
        if s >= n || self.new_paragraph(s) {
            return None;
        }
        let mut class = class;
        // "called for a boycott", "called on voters to …": the particle opens the content.
        if self.verbs.is_particle(self.text(cue), self.lower(s)) && !self.quoted(s) {
            s += 1;
            class = VerbClass::Says;
            if s >= n || self.new_paragraph(s) {
                return None;
            }
            // "called on X to resign" asks something; "called on a law firm" was a visit.
            let asks = (s..(s + MAX_BEFORE_THAT).min(n - 1))
                .take_while(|&j| !self.quoted(j) && !self.boundary(j))
                .any(|j| self.lower(j) == "to" && self.infinitive(j + 1));
            if self.lower(s - 1) == "on" && !asks {
                return None;
            }
        } else if class == VerbClass::Particle {
            return None;
        }
        // "said happily on MSNBC", "said flatly that …": a manner adverb is no part of the content.
        let t = self.text(s);
        if t.len() > 4 && t.ends_with("ly") && !self.doc.is_capitalised(s) && !self.quoted(s) && s + 1 < n {
            s += 1;
        }
        // "said Tuesday that …", "said on Friday he met …": a time phrase is no part of the content.
        let timed = self.time_phrase_end(s);
        if timed > s && timed < n && !self.quoted(timed) {
            if self.lower(timed) == "that" {
                s = timed + 1;
            } else if opens_with_subject(self.text(timed)) {
                s = timed;
            }
        } else if let Some(k) = self.subject_after_adverbial(s) {
            s = k;
        }
        let mut told = false;
        // "told reporters on Tuesday that …", "said in a statement that …": a "that" close by,
        // after words that are no clause of their own, opens the content.
        // A hearer may be long ("told a crowded hall at a hotel downtown that …").
        let reach = if class == VerbClass::Tells {
            MAX_BEFORE_THAT + 6
        } else {
            MAX_BEFORE_THAT
        };
        let that = (s..(s + reach).min(n))
            .take_while(|&j| !self.quoted(j) && !self.boundary(j) && !matches!(self.text(j), "," | ":" | "\u{2014}"))
            .find(|&j| self.lower(j) == "that");
        let hearer_ok = |j: usize| {
            j > s
                && (class == VerbClass::Tells
                    || opens_adverbial(self.text(s))
                    || self.lex.is_calendar_word(self.text(s)))
                && !(s..j).any(|m| {
                    is_subject_pronoun(self.text(m))
                        || self.verb_like(m)
                        || opens_clause(self.text(m))
                        || (m > s && self.lower(m) == "to")
                })
        };
        if let Some(j) = that.filter(|&j| j == s || hearer_ok(j)) {
            told = j > s && class == VerbClass::Tells;
            s = j + 1;
        } else {
            let skipped = self.skip_adverbial(s);
            if skipped > s && skipped < n && self.lower(skipped) == "that" {
                s = skipped + 1;
            } else if class == VerbClass::Tells {
                // "told him …", "urged lawmakers to …", "told The Washington Post the …".
                if is_object_pronoun(self.text(s)) {
                    s += 1;
                    told = true;
                } else if let Some(k) = self.hearer_end(s) {
                    s = k;
                    told = true;
                } else if self.doc.is_capitalised(s) && !is_subject_pronoun(self.text(s)) {
                    while s < n && (self.doc.is_capitalised(s) || is_possessive(self.text(s))) && !self.quoted(s) {
                        s += 1;
                    }
                    told = true;
                } else if !is_determiner(self.text(s)) && self.is_word(s) && s + 1 < n && self.lower(s + 1) == "to" {
                    s += 1;
                    told = true;
                }
            }
        }
        if s >= n || !self.content_opens(s, class, told) {
            return None;
        }
        let c = self.clause_after(s)?;
        // "reported it in London", "praised her in the past": a pronoun object with only a time or
        // place after it names nothing that was said.
        if !told && is_object_pronoun(self.text(c.first)) {
            let next = c.first + 1;
            let bare = next >= c.end
                || self.time_phrase_end(next) > next
                || matches!(
                    self.lower(next),
                    "in" | "on" | "at" | "during" | "before" | "after" | "since" | "again" | "too" | "here" | "there"
                );
            if bare {
                return None;
            }
        }
        Some((c, told))
    }

    /// Where a hearer ends when a clause with its own subject follows it ("told the committee he
    /// was …", "told Breitbart News he'd …"): the token that opens the clause, if one opens
    /// within a few words of plain nouns and names.
    fn hearer_end(&self, s: usize) -> Option<usize> {
        let n = self.n();
        for k in s + 1..(s + MAX_PHRASE).min(n) {
            let t = self.text(k - 1);
            let plain = self.is_word(k - 1) || is_possessive(t) || t == "." || t == "-";
            if !plain
                || self.quoted(k - 1)
                || self.boundary(k - 1)
                || self.verb_like(k - 1)
                || self.verbs.class(t).is_some()
                || opens_clause(t)
                || opens_adjunct(t)
                || matches!(self.lower(k - 1), "that" | "and" | "but" | "or" | "to" | "not")
            {
                return None;
            }
            // "asked the minister whether …": a question opens the clause too.
            // ("the student who asked …" is a relative clause, no question).
            let question = matches!(self.lower(k), "whether" | "if" | "why" | "how" | "what");
            if (opens_with_subject(self.text(k)) || question) && !self.quoted(k) {
                return Some(k);
            }
        }
        None
    }

    /// "said in a statement he would …": the subject opening the content after a short phrase of
    /// place or manner with no verb or comma in it.
    fn subject_after_adverbial(&self, s: usize) -> Option<usize> {
        let n = self.n();
        if s >= n || self.quoted(s) || !matches!(self.lower(s), "in" | "on" | "at" | "during" | "via" | "through") {
            return None;
        }
        for k in s + 1..(s + MAX_BEFORE_THAT).min(n) {
            let t = self.text(k);
            if self.quoted(k) || self.boundary(k) || self.doc.tokens[k].kind == TokenKind::Punct && !is_possessive(t) {
                return None;
            }
            if opens_with_subject(t) {
                return Some(k);
            }
            // "said at the school as she sat …": a subordinate clause is the writer's, not content.
            let subordinator = matches!(
                self.lower(k),
                "that" | "as" | "since" | "when" | "while" | "because" | "after" | "before" | "until" | "where"
            );
            if self.verb_like(k) || opens_clause(t) || self.verbs.class(t).is_some() || subordinator {
                return None;
            }
        }
        None
    }

    /// Where a time phrase opening at `s` ends ("Tuesday", "on Friday", "last week", "Wednesday
    /// morning"); `s` when none opens there or it is a possessive ("Monday's vote").
    fn time_phrase_end(&self, s: usize) -> usize {
        let n = self.n();
        let mut j = s;
        if j < n
            && matches!(
                self.lower(j),
                "on" | "last" | "this" | "earlier" | "late" | "early" | "next"
            )
        {
            j += 1;
        }
        let start = j;
        while j < n && j < start + 3 && !self.quoted(j) {
            let w = self.lower(j);
            let time = self.lex.is_calendar_word(self.text(j))
                || matches!(w, "yesterday" | "today" | "tonight")
                || (j > s && (self.lex.time_units.contains(w) || self.lex.parts_of_day.contains(w)));
            if !time {
                break;
            }
            j += 1;
        }
        if j == start || (j < n && is_possessive(self.text(j))) {
            return s;
        }
        j
    }

    /// True when reported content may start at token `s` after a verb of `class` (`told` when a
    /// hearer was skipped): not an adjunct ("said in a statement"), not a preposition's "to"
    /// ("adding to his lead"); a clause where only a clause is reported ("claimed a victory" is no
    /// speech, "claimed he won" is).
    fn content_opens(&self, s: usize, class: VerbClass, told: bool) -> bool {
        let t = self.text(s);
        if s > 0 && self.lower(s - 1) == "that" {
            return true;
        }
        if t == "to" {
            return s + 1 < self.n() && self.infinitive(s + 1);
        }
        // "asked about the plan" reports a question; "said about 200 people died" counts, not a topic.
        let about = t.eq_ignore_ascii_case("about")
            && (class == VerbClass::Tells || self.doc.tokens.get(s + 1).is_some_and(|n| n.kind == TokenKind::Number));
        if opens_adjunct(t) && !about {
            return false;
        }
        // "told me this week.": a time phrase alone is no content.
        let timed = self.time_phrase_end(s);
        if timed > s
            && (timed >= self.n() || self.doc.tokens[timed].kind == TokenKind::Punct || opens_adjunct(self.text(timed)))
        {
            return false;
        }
        // A hearer-taking verb reports a clause, not its hearer ("told the Guardian").
        let needs_clause = matches!(class, VerbClass::Clause | VerbClass::Tells) || told;
        if !needs_clause || opens_clause(t) {
            return true;
        }
        // A clause has its verb within a few words ("the deal was off", "the court to intervene").
        (s..(s + 8).min(self.n()))
            .take_while(|&j| {
                !self.boundary(j) && !self.quoted(j) && !matches!(self.lower(j), "," | "and" | "but" | "or")
            })
            .any(|j| {
                self.verb_like(j)
                    || self.lex.irregular_verbs.contains(self.text(j))
                    || (j > s && self.text(j) == "to" && j + 1 < self.n() && self.infinitive(j + 1))
            })
    }

    /// A word that reads as a finite verb or auxiliary ("is", "was", "will"): it starts a clause.
    fn verb_like(&self, i: usize) -> bool {
        matches!(
            self.lower(i),
            "is" | "was" | "are" | "were" | "will" | "would" | "could" | "should" | "can" | "has" | "had" | "have"
        )
    }

    /// The clause starting at token `s`, up to a sentence end, a semicolon, a paragraph break, a
    /// new attribution (`, adding`, `, according to`, `, X said`), or [`MAX_CONTENT`] tokens.
    /// Direct quotes it opens with are not reported speech: `None`.
    fn clause_after(&self, s: usize) -> Option<Phrase> {
        let n = self.n();
        if s >= n || self.in_speech(s) || self.new_paragraph(s) {
            return None;
        }
        if self.doc.tokens[s].kind == TokenKind::Punct && !self.quoted(s) {
            return None;
        }
        let sentence_end = self.doc.sentences[self.doc.sentence_of(s)].end.min(n);
        let mut e = s;
        while e < sentence_end && e < s + MAX_CONTENT {
            if e > s && self.new_paragraph(e) {
                break;
            }
            if self.boundary(e) || (!self.quoted(e) && self.text(e) == ":") {
                break;
            }
            if !self.quoted(e)
                && matches!(self.text(e), "," | "\u{2014}")
                && e + 1 < n
                && self.attribution_follows(e + 1)
            {
                break;
            }
            // "claimed X and added that Y": a second reporting verb of the same subject.
            if e > s
                && !self.quoted(e)
                && matches!(self.lower(e), "and" | "but")
                && e + 1 < n
                && self.verb_at(e + 1).is_some()
                && !self.text(e + 1).ends_with("ing")
            {
                break;
            }
            e += 1;
        }
        self.trimmed(s, e)
    }

    /// The clause ending before token `end` (a comma before the attribution): back to the
    /// sentence start, a colon or a paragraph break. `None` when it is a direct quote.
    fn clause_before(&self, end: usize) -> Option<Phrase> {
        let mut s = end;
        let sentence_start = self.doc.sentences[self.doc.sentence_of(end.saturating_sub(1))].start;
        let lo = end.saturating_sub(MAX_CONTENT).max(sentence_start);
        while s > lo {
            let j = s - 1;
            if self.new_paragraph(s) || self.boundary(j) || (!self.quoted(j) && self.text(j) == ":") {
                break;
            }
            s = j;
        }
        // `"…," he said`: the words are a direct quote, already annotated.
        if self.in_speech(s) || (end > 0 && self.in_speech(end - 1)) {
            return None;
        }
        self.trimmed(self.after_dateline(s, end), end)
    }

    /// Where a sentence starts after a dateline (`BRUSSELS (Reuters) - Dock workers …`): past the
    /// spaced dash that follows a place in capitals; `s` itself when there is none.
    fn after_dateline(&self, s: usize, end: usize) -> usize {
        let t = self.text(s);
        let caps = self.is_word(s) && t.chars().count() >= 2 && t.chars().all(|c| !c.is_lowercase());
        if !caps {
            return s;
        }
        (s + 1..(s + MAX_DATELINE).min(end))
            .find(|&j| {
                // "SELMA, N.C.—Donald Trump": an em dash needs no space around it.
                (self.text(j) == "\u{2014}"
                    || matches!(self.text(j), "-" | "\u{2013}") && self.doc.tokens[j].space_before)
                    && !self.quoted(j)
            })
            .map_or(s, |d| d + 1)
    }

    /// True when token `i` can be a verb after "to" ("to leave"), not a noun phrase ("to his lead").
    fn infinitive(&self, i: usize) -> bool {
        self.is_word(i)
            && !self.quoted(i)
            && !self.doc.is_capitalised(i)
            && !is_determiner(self.text(i))
            && !is_possessive(self.text(i))
            && !self.text(i).ends_with('s')
    }

    /// True when content before an attribution reads as a statement, not an introductory phrase
    /// ("In the end, Mr. Rosenthal said"): at least three words, not a bare prepositional phrase.
    fn statement_like(&self, c: Phrase) -> bool {
        let words = (c.first..c.end)
            .filter(|&j| self.doc.tokens[j].kind != TokenKind::Punct)
            .count();
        words >= 2 && !(words <= 4 && opens_adjunct(self.text(c.first)))
    }

    /// False for a one-word "subject" that is a quantifier or degree word ("more pledged delegates",
    /// "so far assure"): no one speaks there.
    fn is_subject(&self, p: Phrase) -> bool {
        if p.end != p.first + 1 || self.doc.is_capitalised(p.first) {
            return true;
        }
        let t = self.lower(p.first);
        // A verb after "to" or a modal is no subject either ("likely to face further calls").
        let after_verb_marker =
            p.first > 0 && (self.lower(p.first - 1) == "to" || is_auxiliary(self.lower(p.first - 1)));
        !matches!(
            t,
            "more" | "enough" | "far" | "less" | "fewer" | "much" | "most" | "least"
        ) && !after_verb_marker
    }

    /// Tokens `[s, e)` without edge punctuation (keeping quotation marks of quotes inside), when
    /// at least two words remain.
    fn trimmed(&self, mut s: usize, mut e: usize) -> Option<Phrase> {
        // A quote cut by an edge is left out whole, so reported speech and quotes nest, never cross.
        if let Some(q) = self.quote_of.get(s).copied().flatten() {
            if s > 0 && self.quote_of[s - 1] == Some(q) {
                while s < e && self.quote_of[s] == Some(q) {
                    s += 1;
                }
            }
        }
        if e > s {
            if let Some(q) = self.quote_of[e - 1] {
                if self.quote_of.get(e).copied().flatten() == Some(q) {
                    while e > s && self.quote_of[e - 1] == Some(q) {
                        e -= 1;
                    }
                }
            }
        }
        loop {
            let before = (s, e);
            while s < e && self.doc.tokens[s].kind == TokenKind::Punct && !self.quoted(s) {
                s += 1;
            }
            while e > s && self.doc.tokens[e - 1].kind == TokenKind::Punct && !self.quoted(e - 1) {
                e -= 1;
            }
            // A quote mark alone at an edge, its quote outside the span, is no part of it.
            if e > s && self.doc.tokens[e - 1].kind == TokenKind::Punct {
                if let Some(q) = self.quote_of[e - 1] {
                    if !(s..e - 1).any(|j| self.quote_of[j] == Some(q)) {
                        e -= 1;
                    }
                }
            }
            if s < e && self.doc.tokens[s].kind == TokenKind::Punct {
                if let Some(q) = self.quote_of[s] {
                    if !(s + 1..e).any(|j| self.quote_of[j] == Some(q)) {
                        s += 1;
                    }
                }
            }
            if (s, e) == before {
                break;
            }
        }
        let words = (s..e).filter(|&j| self.doc.tokens[j].kind != TokenKind::Punct).count();
        (words >= 2).then_some(Phrase { first: s, end: e })
    }

    /// True when an attribution opens at token `i`: `adding …`, `according to …`, `X said`.
    fn attribution_follows(&self, i: usize) -> bool {
        let n = self.n();
        if self.quoted(i) {
            return false;
        }
        if self.text(i).eq_ignore_ascii_case("according") {
            return true;
        }
        if self.verb_at(i).is_some() {
            return true;
        }
        // ", X said" / ", a spokesman said": a short phrase then a reporting verb.
        (i + 1..(i + 1 + MAX_PHRASE).min(n))
            .take_while(|&j| !self.quoted(j) && !self.boundary(j) && self.text(j) != ",")
            .find(|&j| self.verb_at(j).is_some())
            .is_some_and(|j| self.subject_before(j).is_some_and(|p| p.first == i))
    }

    /// The subject of a finite verb, read backwards: adverbs and auxiliaries ("has also said"),
    /// a time phrase or a parenthesis are skipped, then an apposition (`Ayers, Pence's chief of
    /// staff, said`) leads back to the name before it.
    fn subject_before(&self, cue: usize) -> Option<Phrase> {
        let mut k = cue;
        let mut steps = 0;
        while k > 0 && steps < 6 {
            steps += 1;
            let j = k - 1;
            if self.quoted(j) {
                break;
            }
            let t = self.text(j);
            let lower = self.lower(j);
            let adverb = !self.doc.is_capitalised(j)
                && (self.lex.adverbs.contains(lower)
                    || is_auxiliary(lower)
                    || (is_be(lower) && self.text(cue).ends_with("ing"))
                    || (lower.ends_with("ly") && lower.len() > 4));
            if adverb || self.lex.is_calendar_word(t) || matches!(lower, "yesterday" | "today") {
                k = j;
                if k > 0 && self.lower(k - 1) == "on" && self.lex.is_calendar_word(t) {
                    k -= 1;
                }
            } else if let Some(o) = self.time_phrase_before(j) {
                k = o;
            } else if t == ")" {
                match (k.saturating_sub(10)..j).rev().find(|&o| self.text(o) == "(") {
                    Some(o) => k = o,
                    None => break,
                }
            } else {
                break;
            }
        }
        if k == 0 || self.new_paragraph(k) {
            return None;
        }
        let before = self.lower(k - 1);
        // "The senator survived the war and says …": a second verb shares the clause's subject.
        if matches!(before, "and" | "but" | "then") && !self.quoted(k - 1) {
            let floor = self.doc.sentences[self.doc.sentence_of(k - 1)].start;
            return self.clause_subject(floor, k - 1);
        }
        // "Christie, who say …": a relative pronoun stands for the phrase before it.
        if matches!(before, "who" | "which") && k >= 2 && !self.quoted(k - 1) {
            let end = if self.text(k - 2) == "," { k - 2 } else { k - 1 };
            return self.phrase_before(end);
        }
        if self.text(k - 1) == "," && !self.quoted(k - 1) {
            // An apposition: the name before the comma that opens it.
            let lo = (k - 1).saturating_sub(MAX_APPOSITION);
            let commas = || {
                (lo..k - 1)
                    .rev()
                    .take_while(|&j| !self.boundary(j) && !self.new_paragraph(j + 1))
                    .filter(|&j| self.text(j) == "," && !self.quoted(j))
            };
            // "Westmacott, who served in Iran, Turkey and France, praised …": a relative clause
            // holds commas of its own; it opens at ", who".
            let relative = commas().find(|&j| matches!(self.lower(j + 1), "who" | "whose"));
            let open = relative.or_else(|| commas().next())?;
            let p = self.phrase_before(open)?;
            // "The plan will fail, the official, a veteran, said" is rare; a name or a short
            // description opening the sentence or following a comma is the subject.
            return Some(p);
        }
        self.phrase_before(k)
    }

    /// Where a time phrase ending at token `j` starts, between a subject and its verb ("The fund
    /// this week said", "Spicer on Thursday evening said", "Trump in recent days has suggested"):
    /// a unit of time or part of day led by a modifier, with its preposition, or a set phrase
    /// ("in particular", "at last"); None otherwise.
    fn time_phrase_before(&self, j: usize) -> Option<usize> {
        // "critics have in particular noted", "Rubio had at last described": a set phrase too.
        if j > 0
            && matches!(self.lower(j - 1), "in" | "at")
            && matches!(
                self.lower(j),
                "particular" | "last" | "first" | "fact" | "turn" | "times" | "length"
            )
        {
            return Some(j - 1);
        }
        let unit = self.lower(j);
        let unit = unit.strip_suffix('s').unwrap_or(unit);
        if self.doc.is_capitalised(j)
            || !(self.lex.time_units.contains(unit)
                || self.lex.parts_of_day.contains(unit)
                || matches!(unit, "day" | "past"))
        {
            return None;
        }
        let mut o = j;
        while o > 0 && o + 4 > j && !self.quoted(o - 1) {
            let w = self.lower(o - 1);
            let modifier = matches!(
                w,
                "this" | "last" | "next" | "recent" | "past" | "the" | "coming" | "few" | "several"
            ) || self.lex.is_calendar_word(self.text(o - 1));
            if !modifier {
                break;
            }
            o -= 1;
        }
        if o == j {
            return None;
        }
        // "in the past", "over the weekend": the preposition goes with the phrase.
        if o > 0 && matches!(self.lower(o - 1), "in" | "on" | "over" | "during" | "earlier") {
            o -= 1;
        }
        Some(o)
    }

    /// The noun phrase ending before token `end`: a pronoun, a name, or a description
    /// ("a senior official", "the Clinton campaign"), at most [`MAX_PHRASE`] tokens.
    fn phrase_before(&self, end: usize) -> Option<Phrase> {
        let mut end = end;
        // "Rep. Sander M. Levin (Mich.)": the label in parentheses is no part of the name.
        if end > 1 && self.text(end - 1) == ")" && !self.quoted(end - 1) {
            if let Some(o) = (end.saturating_sub(8)..end - 1).rev().find(|&o| self.text(o) == "(") {
                end = o;
            }
        }
        if end == 0 {
            return None;
        }
        if is_subject_pronoun(self.text(end - 1)) && !self.quoted(end - 1) {
            return Some(Phrase { first: end - 1, end });
        }
        let mut first = end;
        // Where the phrase would start without its head ("the ministry"), when a complement was crossed.
        let mut complement_start = None;
        while first > 0 && end - first < MAX_PHRASE {
            let j = first - 1;
            if self.quoted(j) || self.new_paragraph(first) {
                break;
            }
            let t = self.text(j);
            let word = self.doc.tokens[j].kind != TokenKind::Punct;
            // A hyphen joins words ("Jean-Luc"); a spaced dash ends the phrase ("WASHINGTON - Sen. X").
            let hyphen = t == "-" && !self.doc.tokens[j].space_before;
            let joins = hyphen || matches!(t, "&" | "%") || (t == "." && !self.boundary(j));
            // "the woman from Georgia", "a professor at Yale": a noun's place belongs to the phrase.
            let place = matches!(t, "from" | "at")
                && j > 0
                && self.is_word(j - 1)
                && !self.doc.is_capitalised(j - 1)
                && !self.lex.np_stops.contains(self.text(j - 1))
                && !self.verb_like(j - 1)
                && self.verbs.class(self.text(j - 1)).is_none();
            if is_possessive(t) || (word && matches!(t, "of" | "for")) || joins || place {
                first = j;
                continue;
            }
            if !word
                || self.lex.np_stops.contains(t)
                || self.verbs.class(t).is_some()
                || is_subject_pronoun(t)
                || self.verb_like(j)
            {
                break;
            }
            first = j;
            // "A spokesman for the ministry": a determiner after "for"/"of" opens the complement,
            // not the phrase.
            let complement = j > 0 && !self.quoted(j - 1) && matches!(self.text(j - 1), "of" | "for");
            if is_determiner(t) {
                if !complement {
                    break;
                }
                complement_start.get_or_insert(j);
            }
        }
        // The head must open with a determiner or a name ("A spokesman for the ministry", "Lee Wang
        // of The Intercept"); "also included members of the Saudi government" keeps its complement.
        if let Some(c) = complement_start {
            if first < c && !is_determiner(self.text(first)) && !self.doc.is_capitalised(first) {
                first = c;
            }
        }
        while first < end
            && (matches!(self.text(first), "of" | "for" | "-" | "&" | ".") || is_possessive(self.text(first)))
        {
            first += 1;
        }
        // "47% say": a share of people is a subject too.
        let content = (first..end)
            .any(|j| (self.is_word(j) && !is_determiner(self.text(j))) || self.doc.tokens[j].kind == TokenKind::Number);
        if !content {
            return None;
        }
        // A lower-case word alone is rarely a speaker ("officials" is; "it" was handled above),
        // but a gerund or a verb form is never one ("having said").
        let head = self.lower(end - 1);
        if end - first == 1 && !self.doc.is_capitalised(first) && (head.ends_with("ing") || head.ends_with("ed")) {
            return None;
        }
        Some(Phrase { first, end })
    }

    /// The speaker phrase after an inverted verb or "according to": a name or a description,
    /// up to a comma or the clause end.
    fn phrase_after(&self, from: usize) -> Option<Phrase> {
        let n = self.n();
        let mut j = from;
        while j < n && j < from + MAX_PHRASE {
            let t = self.text(j);
            if self.quoted(j) || (j > from && self.new_paragraph(j)) {
                break;
            }
            let word = self.doc.tokens[j].kind != TokenKind::Punct;
            let ok = (word && !self.lex.np_stops.contains(t) && self.verbs.class(t).is_none())
                || (j > from && (matches!(t, "-" | "&" | "." | "of" | "for") || is_possessive(t)));
            if !ok {
                break;
            }
            j += 1;
        }
        while j > from && matches!(self.text(j - 1), "of" | "for" | "-" | "&") {
            j -= 1;
        }
        (j > from && (from..j).any(|m| self.is_word(m) && !is_determiner(self.text(m))))
            .then_some(Phrase { first: from, end: j })
    }

    /// The source after "according to": a phrase up to the comma or clause end, which may be long
    /// ("an NBC/Wall Street Journal survey conducted last week").
    fn source_after(&self, from: usize) -> Option<Phrase> {
        let n = self.n();
        let mut j = from;
        while j < n && j < from + MAX_PHRASE * 3 {
            if self.quoted(j)
                || self.boundary(j)
                || (j > from && self.new_paragraph(j))
                || matches!(self.text(j), "," | ":" | ")")
            {
                break;
            }
            j += 1;
        }
        (j > from && (from..j).any(|m| self.is_word(m))).then_some(Phrase { first: from, end: j })
    }

    /// The subject heading a clause from `floor` up to `cue`: a name or pronoun before a verb.
    fn clause_subject(&self, floor: usize, cue: usize) -> Option<Phrase> {
        let mut j = self.after_dateline(floor, cue);
        // "But the court overruled and said …": a conjunction opening the sentence is no subject
        // (with a comma after it, the introductory phrase below ends there: "But later, she said").
        let comma = (j..cue).any(|c| self.text(c) == "," && !self.quoted(c));
        if !comma && j + 1 < cue && matches!(self.lower(j), "but" | "and" | "so" | "yet") {
            j += 1;
        }
        // "In a statement, Trump said …", "Likewise, Trump called …": an introductory phrase ends at
        // its comma; with no comma its end is unknown, and its first word is no speaker.
        let sentence_adverb =
            self.doc.is_capitalised(j) && j + 1 < cue && self.text(j + 1) == "," && is_sentence_adverb(self.lower(j));
        if j < cue && (opens_adverbial(self.text(j)) || self.lex.np_stops.contains(self.text(j)) || sentence_adverb) {
            match (j..cue).find(|&c| self.text(c) == "," && !self.quoted(c)) {
                Some(c) => j = c + 1,
                // "On Tuesday Trump said and added …": a name may still follow the opening words.
                None => {
                    let mut k = j;
                    while k < cue
                        && (opens_adverbial(self.text(k))
                            || self.lex.np_stops.contains(self.text(k))
                            || self.lex.is_calendar_word(self.text(k)))
                    {
                        k += 1;
                    }
                    if k < cue && self.doc.is_capitalised(k) {
                        j = k;
                    }
                }
            }
        }
        if j >= cue || self.quoted(j) {
            return None;
        }
        if is_subject_pronoun(self.text(j)) {
            return Some(Phrase { first: j, end: j + 1 });
        }
        let s = j;
        if is_determiner(self.text(j)) {
            // "The company claimed …": a description up to its verb.
            j += 1;
            while j < cue
                && j < s + MAX_PHRASE
                && self.is_word(j)
                && !self.quoted(j)
                && self.verbs.class(self.text(j)).is_none()
                && !self.verb_like(j)
                && !self.lex.irregular_verbs.contains(self.text(j))
                && !self.lex.np_stops.contains(self.text(j))
                // "The mayor defended the plan by saying …": a past tense ends the description.
                && !(j > s + 1 && self.lower(j).ends_with("ed"))
            {
                j += 1;
            }
            return (j > s + 1).then_some(Phrase { first: s, end: j });
        }
        while j < cue && j < s + MAX_PHRASE && self.doc.is_capitalised(j) && !self.quoted(j) {
            j += 1;
        }
        (j > s).then_some(Phrase { first: s, end: j })
    }

    /// Builds the annotation: content span, cue, and the speaker resolved to a name where the
    /// names of the document allow.
    fn build(
        &self,
        content: Phrase,
        speaker: Option<Phrase>,
        cue: usize,
        rule: QuoteRule,
        names: &mut Names,
    ) -> Option<Quote> {
        let doc = self.doc;
        let span = Span::new(
            doc.tokens[content.first].span.start,
            doc.tokens[content.end - 1].span.end,
        );
        // Words already quoted directly are not reported again, nor is a hearer before a direct
        // quote (`told reporters "…"`): reported content has words of its own.
        let own_words = (content.first..content.end)
            .filter(|&j| !self.in_speech(j) && self.doc.tokens[j].kind != TokenKind::Punct)
            .count();
        if own_words < 2 {
            return None;
        }
        let cue_text = if rule == QuoteRule::ReportedAccordingTo {
            format!("{} {}", self.text(cue), self.text(cue + 1))
        } else {
            self.text(cue).to_string()
        };
        let mut quote = Quote {
            span,
            kind: QuoteKind::Reported,
            speaker: None,
            speaker_entity: None,
            speaker_span: None,
            cue: Some(cue_text),
            speaker_gender: Default::default(),
            rule,
        };
        if let Some(p) = speaker {
            self.resolve(&mut quote, p, names);
        }
        Some(quote)
    }

    /// Names the speaker: a pronoun's antecedent (a person for he/she, never a place, product or
    /// organisation), a name's fullest form, or the description as written.
    fn resolve(&self, q: &mut Quote, p: Phrase, names: &mut Names) {
        let doc = self.doc;
        let phrase = Span::new(doc.tokens[p.first].span.start, doc.tokens[p.end - 1].span.end);
        q.speaker_span = Some(phrase);
        let head = self.text(p.end - 1);
        if p.end - p.first == 1 && is_subject_pronoun(head) {
            let lower = head.to_lowercase();
            if names.description_antecedent(doc, self.lex, self.lowered, p.first, &lower, q) {
                return;
            }
            if matches!(lower.as_str(), "he" | "she" | "they") {
                let sentence = &doc.sentences[doc.sentence_of(p.first)];
                let sentence_start = doc.tokens[sentence.start].span.start;
                let is_subject = |m: &super::names::NameMention| {
                    m.end < doc.tokens.len() && self.verbs.class(doc.token_text(m.end)).is_some()
                };
                let found = names
                    .speaker_antecedent(phrase.start, sentence_start, &lower, "", is_subject)
                    .filter(|&k| lower == "they" || !names.mentions[k].org);
                if let Some(k) = found {
                    let m = &names.mentions[k];
                    q.speaker = Some(m.canonical.clone());
                    q.speaker_entity = m.entity;
                    return;
                }
            }
            q.speaker = Some(head.to_string());
            return;
        }
        // "Tom Cole of Oklahoma": the head comes before "of"; "a spokesman for Clinton" has none.
        let head_end = (p.first..p.end)
            .find(|&j| matches!(self.text(j), "of" | "for" | "from" | "at"))
            .unwrap_or(p.end);
        if head_end > p.first
            && (doc.is_capitalised(head_end - 1) || is_possessive(self.text(head_end - 1)))
            && names.name_speaker(doc, p.first, head_end, q)
        {
            return;
        }
        if !names.name_described(doc, self.lex, self.lowered, p.first, p.end, q) {
            q.speaker = Some(phrase.slice(doc.text).to_string());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_verb_table_loads_with_classes_and_particles() {
        let v = ReportingVerbs::load();
        assert_eq!(v.class("said"), Some(VerbClass::Says));
        assert_eq!(v.class("told"), Some(VerbClass::Tells));
        assert_eq!(v.class("claimed"), Some(VerbClass::Clause));
        assert_eq!(v.class("called"), Some(VerbClass::Particle));
        assert!(v.is_particle("called", "for") && !v.is_particle("said", "for"));
        assert_eq!(v.class("state"), None);
    }

    #[test]
    fn rule_ids_are_distinct_and_well_formed() {
        let rules: Vec<QuoteRule> = QuoteRule::ALL
            .into_iter()
            .filter(|r| r.id().starts_with("quote/reported-"))
            .collect();
        let ids: std::collections::HashSet<&str> = rules.iter().map(|r| r.id()).collect();
        assert_eq!(ids.len(), rules.len());
        for id in ids {
            assert!(
                id.starts_with("quote/reported-")
                    && id.bytes().all(|b| b.is_ascii_lowercase() || b == b'/' || b == b'-')
            );
        }
    }

    #[test]
    fn every_reporting_verb_starts_with_a_lower_case_ascii_letter() {
        // `class` skips the lookup for any other word.
        let verbs = ReportingVerbs::load();
        assert!(verbs
            .verbs
            .keys()
            .all(|w| crate::quotes::lexicon::starts_lower_ascii(w)));
    }

    #[test]
    fn each_pattern_names_its_rule() {
        let doc = Document::new("The mayor said the bridge will reopen. Prices rose sharply, according to the office.");
        let lex = Lexicon::load();
        let lowered = Lowered::new(&doc);
        let found = find(
            &doc,
            &lex,
            &ReportingVerbs::load(),
            &[],
            &[],
            &lowered,
            &mut Names::default(),
        );
        let rules: Vec<QuoteRule> = found.iter().map(|r| r.rule).collect();
        assert_eq!(rules, [QuoteRule::ReportedSaidThat, QuoteRule::ReportedAccordingTo]);
    }
}
