//! Who said a quote: the speech verb (cue) around it and the speaker phrase it attaches to.
//!
//! Patterns, tried in this order for every quote:
//! 1. right after the closing mark: `"…," said X` / `"…," X said` / `"…," according to X`;
//! 2. before the opening mark, in the same sentence: `X said: "…"`, `X told reporters "…"`, and
//!    partial quotes inside reported speech (`Ayers said Pence also "met with defectors"`): the
//!    speech verb nearest the quote whose subject is found;
//! 3. later in the sentence after the quote (`"…" is how X described it`, `according to X`).
//!
//! Then quotes with no cue of their own inherit: the second part of a split quote (`"A," he said.
//! "B."`) from the quote before it in the paragraph, a floating quote (a paragraph that opens with
//! a quote) from the quote of the previous paragraph. A short phrase with no speech context at all
//! is a scare quote or a title and gets no speaker. Every window is bounded (a sentence, a few dozen
//! tokens), so the work per quote is constant.

use super::lexicon::Lexicon;
use super::marks::Marked;
use super::names::{is_calendar_word, is_capitalised, is_determiner, is_possessive, Names};
use crate::annotation::{Entity, EntityLabel, Quote, QuoteKind};
use crate::fasthash::HashSet;
use crate::text::{Document, Span, TokenKind};

/// Tokens looked at before a quote for its cue (a long sentence of reported speech).
const BEFORE_WINDOW: usize = 60;
/// Tokens looked at after a quote.
const AFTER_WINDOW: usize = 30;
/// Longest speaker phrase, in tokens.
const MAX_PHRASE: usize = 9;

/// The speaker phrase found for a quote, before it is resolved to a name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Attribution {
    /// Tokens `[first, end)` of the speaker phrase.
    first: usize,
    end: usize,
    /// The cue token.
    cue: usize,
}

/// Per-document context shared by the attribution steps.
pub struct Context<'a, 'd> {
    doc: &'a Document<'d>,
    lex: &'a Lexicon,
    /// For each token: the index of the quote containing it (marks included).
    quote_of: Vec<Option<usize>>,
    /// For each token: its paragraph number.
    para: Vec<usize>,
    /// Capitalised words seen somewhere other than a sentence start: names, not "Citing" or "It".
    mid_caps: HashSet<&'d str>,
    /// For each token: true when the entity layer tagged it as part of a person's name.
    person: Vec<bool>,
}

/// Whether a token ends a sentence.
fn is_terminal(t: &str) -> bool {
    matches!(t, "." | "!" | "?" | "\u{2026}")
}

/// The quote's text without trailing space and closing marks of quotes nested at its end.
fn inner_end(inner: &str) -> &str {
    inner.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '\'' | '"' | '\u{2019}' | '\u{201D}'))
}

/// True when a quote reads like speech even with no attribution: a sentence or more.
fn sentence_like(text: &str) -> bool {
    let words = text.split_whitespace().count();
    let trimmed =
        text.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '"' | '\'' | '\u{201D}' | '\u{2019}'));
    words >= 8 || (words >= 4 && trimmed.ends_with(['.', '!', '?', ',']))
}

/// A title or name in quotes ("The Apprentice", "Make America Great Again"): every word of more
/// than three letters is capitalised and there is no sentence punctuation.
fn title_like(text: &str) -> bool {
    let t = text.trim().trim_end_matches([',', '.']);
    let words: Vec<&str> = t.split_whitespace().collect();
    !words.is_empty()
        && words.len() <= 6
        && !t.contains(['!', '?', ';', ':', ','])
        && words.iter().any(|w| w.chars().count() > 3)
        && words
            .iter()
            .filter(|w| w.chars().count() > 3)
            .all(|w| w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()))
}

impl<'a, 'd> Context<'a, 'd> {
    /// Indexes the tokens of `doc` by quote and paragraph.
    pub fn new(doc: &'a Document<'d>, lex: &'a Lexicon, quotes: &[Marked]) -> Self {
        let n = doc.tokens.len();
        let mut quote_of = vec![None; n];
        let mut para = vec![0; n];
        let mut q = 0;
        let mut p = 0;
        for (i, t) in doc.tokens.iter().enumerate() {
            if i > 0 && t.newlines_before > 0 {
                p += 1;
            }
            para[i] = p;
            while q < quotes.len() && quotes[q].span.end <= t.span.start {
                q += 1;
            }
            if q < quotes.len() && quotes[q].span.start <= t.span.start {
                quote_of[i] = Some(q);
            }
        }
        let mut starts = vec![false; n];
        for r in &doc.sentences {
            if r.start < n {
                starts[r.start] = true;
            }
        }
        let mut mid_caps = HashSet::default();
        for (i, t) in doc.tokens.iter().enumerate().skip(1) {
            let prev_opens =
                doc.tokens[i - 1].kind == TokenKind::Punct && !matches!(doc.token_text(i - 1), "," | "(" | "-");
            if !starts[i] && !prev_opens && t.newlines_before == 0 && is_capitalised(doc, i) {
                mid_caps.insert(doc.token_text(i));
            }
        }
        Context {
            doc,
            lex,
            quote_of,
            para,
            mid_caps,
            person: vec![false; n],
        }
    }

    /// Records which tokens the entity layer tagged as a person's name.
    pub fn mark_people(&mut self, entities: &[Entity]) {
        for e in entities.iter().filter(|e| e.label == EntityLabel::Person) {
            let first = self.doc.token_at_or_after(e.span.start);
            let end = self.doc.token_at_or_after(e.span.end);
            for p in self.person.iter_mut().take(end).skip(first) {
                *p = true;
            }
        }
    }

    /// Tokens inside any quote (marks included).
    pub fn in_quote(&self) -> Vec<bool> {
        self.quote_of.iter().map(Option::is_some).collect()
    }

    fn text(&self, i: usize) -> &'d str {
        self.doc.token_text(i)
    }

    /// True when token `j` ends a sentence: `.`/`!`/`?` followed by space (not "R-Ky.)").
    fn terminal(&self, j: usize) -> bool {
        is_terminal(self.text(j)) && self.doc.tokens.get(j + 1).is_none_or(|t| t.space_before)
    }

    fn lower(&self, i: usize) -> String {
        self.text(i).to_lowercase()
    }

    fn is_cue(&self, i: usize) -> bool {
        let t = self.text(i);
        if self.quote_of[i].is_some() {
            return false;
        }
        if t == "pointed" {
            // "as Byler pointed out"
            return self.doc.tokens.get(i + 1).is_some() && self.text(i + 1) == "out";
        }
        if t == "went" {
            // "Trump went on, as if…"
            return self.doc.tokens.get(i + 1).is_some() && self.text(i + 1) == "on";
        }
        if matches!(t, "continues" | "continued")
            && self.doc.tokens.get(i + 1).is_some_and(|_| self.text(i + 1) == "to")
        {
            // "Sandra Dee continues to live…"
            return false;
        }
        if matches!(t, "shot" | "fired" | "hit" | "lashed" | "struck") {
            // "Bennett shot back", "Romney fired back"
            return self.doc.tokens.get(i + 1).is_some() && self.text(i + 1) == "back";
        }
        if t == "put" || t == "puts" {
            // "as Weiner put it"
            return self.doc.tokens.get(i + 1).is_some() && self.text(i + 1) == "it";
        }
        // "The document states that …": a word more often a noun is a verb before "that" (not
        // "went on to … note that", an infinitive whose subject is further back).
        let verb_before_that = t.ends_with('s')
            && self.lex.after_quote_cues.contains(t)
            && self.doc.tokens.get(i + 1).is_some()
            && self.text(i + 1) == "that";
        if !self.lex.is_cue(t) && !verb_before_that {
            // A Title Case headline: `Hillary Clinton Said "…"`.
            let headline = i > 0 && is_capitalised(self.doc, i) && is_capitalised(self.doc, i - 1);
            return headline && self.lex.is_cue(&t.to_lowercase());
        }
        if i == 0 {
            return true;
        }
        let prev = self.text(i - 1);
        // Passives ("was told"), adjectives ("the said") and nouns ("Rubio's claims") are no speech acts.
        // "secretary of state", "calls for comment": after "of"/"for" the word is a noun; so it is
        // after a number or an adjective of that kind ("Labour's six new pledges").
        !(matches!(
            prev.to_lowercase().as_str(),
            "was" | "were" | "been" | "be" | "being" | "is" | "are" | "of" | "for"
        ) || matches!(
            prev,
            "new"
                | "latest"
                | "recent"
                | "own"
                | "previous"
                | "fresh"
                | "five"
                | "six"
                | "seven"
                | "eight"
                | "nine"
                | "ten"
        ) || self.doc.tokens[i - 1].kind == TokenKind::Number
            || is_determiner(prev)
            || is_possessive(prev))
    }

    /// A cue only after a quote (`"…," the report notes`), unless it is used as a noun ("secretary of
    /// state", "the notes").
    fn after_quote_cue(&self, i: usize) -> bool {
        // "Hannity started." speaks; "The Lyric began 50 years ago" does not.
        let next = self.doc.tokens.get(i + 1);
        let bare = match self.text(i) {
            "started" | "began" => next.is_none_or(|t| t.kind == TokenKind::Punct),
            "continues" => next.is_none() || self.text(i + 1) != "to",
            _ => true,
        };
        bare && self.lex.after_quote_cues.contains(self.text(i))
            && (i == 0 || {
                let prev = self.text(i - 1);
                // "a failed state": a determiner two words back makes it a noun too.
                let det2 = i >= 2
                    && matches!(self.lower(i - 2).as_str(), "a" | "an" | "the")
                    && !is_capitalised(self.doc, i - 1);
                !(matches!(prev, "of" | "for") || is_determiner(prev) || is_possessive(prev) || det2)
            })
    }

    /// A participle cue ("saying", "adding") has its subject at the head of the clause, not before it.
    fn is_participle(&self, i: usize) -> bool {
        self.text(i).ends_with("ing")
    }

    fn is_preposition(&self, i: usize) -> bool {
        matches!(
            self.lower(i).as_str(),
            "in" | "on"
                | "at"
                | "during"
                | "over"
                | "after"
                | "before"
                | "since"
                | "from"
                | "with"
                | "through"
                | "across"
                | "under"
                | "against"
                | "among"
                | "around"
                | "near"
                | "behind"
                | "within"
                | "into"
                | "toward"
                | "towards"
                | "amid"
                | "by"
                | "about"
        )
    }

    /// True when token `i` starts a new sentence after the quote that ends at token `end`:
    /// the quote ended in `.`/`!`/`?` and a capitalised word follows.
    fn sentence_ended(&self, inner: &str, end: usize) -> bool {
        let t = inner_end(inner);
        t.ends_with(['.', '!', '?', '\u{2026}']) && end < self.doc.tokens.len() && is_capitalised(self.doc, end)
    }

    /// Attributes every quote, then lets unattributed ones inherit, and classifies scare quotes.
    pub fn attribute(&self, quotes: &[Marked], names: &mut Names) -> Vec<Quote> {
        let mut out = Vec::with_capacity(quotes.len());
        // (paragraph, quote index, quote) of the last quote that had a speaker.
        let mut last: Option<(usize, usize, Quote)> = None;
        for (qi, m) in quotes.iter().enumerate() {
            let first = self.doc.token_at_or_after(m.span.start);
            let end = self.doc.token_at_or_after(m.span.end);
            let inner = m.inner.slice(self.doc.text);
            let mut q = Quote {
                span: m.span,
                kind: QuoteKind::Speech,
                speaker: None,
                speaker_entity: None,
                speaker_span: None,
                cue: None,
            };
            let para = self.para.get(first).copied().unwrap_or(0);
            let adjacent = self.after_adjacent(inner, first, end);
            // `"…," X said` right after the quote beats a cue earlier in the sentence.
            // `"…," one of the prosecutors said the two cases were different`: a cue with a clause of its
            // own reports other words; a speaker earlier in the sentence owns the quote.
            let reports_other = adjacent.is_some_and(|a| a.first < a.cue && self.takes_complement(a.cue));
            // Looked at by two steps below, computed at most once.
            let before_cell = std::cell::OnceCell::new();
            let before = || *before_cell.get_or_init(|| self.before(first));
            let tight = adjacent.filter(|a| {
                a.cue < end + 10
                    && inner_end(inner).ends_with([',', '!', '?', '\u{2014}'])
                    && !(reports_other && before().is_some())
            });
            // Every producer gives a non-empty phrase; the check keeps a slip from ever slicing backwards.
            let ok = |a: Option<Attribution>| {
                a.filter(|a| a.first < a.end && a.end <= self.doc.tokens.len() && self.plausible_speaker(a))
            };
            let found = ok(tight)
                .or_else(|| ok(self.signature_below(first, end)))
                .or_else(|| ok(before()))
                .or_else(|| ok(adjacent))
                .or_else(|| ok(self.after_later(inner, end)))
                .or_else(|| ok(self.previous_sentence(first, inner)))
                .or_else(|| ok(self.cueless(first)));
            if let Some(a) = found {
                let cueless = self.doc.tokens[a.cue].kind != TokenKind::Word;
                let colon = self.text(a.cue) == ":";
                if title_like(inner) && !sentence_like(inner) && (self.title_context(first) || (cueless && !colon)) {
                    q.kind = QuoteKind::Scare;
                } else {
                    self.resolve(&mut q, a, names);
                }
            } else {
                let starts_para = first == 0 || self.doc.tokens.get(first).is_some_and(|t| t.newlines_before > 0);
                // Titles in between (`Trump told NBC's "Today." "I could…"`) do not break the chain.
                let inherit = last.as_ref().filter(|(p, prev_q, _)| {
                    let same_para = *p == para
                        && (*prev_q + 1..qi).all(|k| out.get(k).is_none_or(|o: &Quote| o.kind == QuoteKind::Scare));
                    let floating = starts_para && para <= *p + 1;
                    same_para || (floating && sentence_like(inner))
                });
                let introduced = if inherit.is_none() && starts_para && sentence_like(inner) && !title_like(inner) {
                    self.previous_paragraph_subject(first, names)
                } else {
                    None
                };
                if let Some((_, _, prev)) = inherit {
                    q.speaker = prev.speaker.clone();
                    q.speaker_entity = prev.speaker_entity;
                    q.speaker_span = prev.speaker_span;
                    q.cue = prev.cue.clone();
                } else if let Some(a) = introduced {
                    self.resolve(&mut q, a, names);
                } else if !sentence_like(inner) || title_like(inner) {
                    q.kind = QuoteKind::Scare;
                }
            }
            if q.kind == QuoteKind::Speech && q.speaker.is_some() {
                // A quote running over paragraphs hands its speaker on from the paragraph it ends in.
                let end_para = self.para.get(end.saturating_sub(1)).copied().unwrap_or(para).max(para);
                last = Some((end_para, qi, q.clone()));
            }
            out.push(q);
        }
        // `"A." "B," he said.`: a quote with no speaker right before an attributed one in the same
        // paragraph (nothing but punctuation between) is the same speaker's.
        for qi in (0..out.len().saturating_sub(1)).rev() {
            if out[qi].speaker.is_some() || out[qi].kind != QuoteKind::Speech || out[qi + 1].speaker.is_none() {
                continue;
            }
            let a = self.doc.token_at_or_after(out[qi].span.end);
            let b = self.doc.token_at_or_after(out[qi + 1].span.start);
            let adjacent = a <= b
                && b < self.doc.tokens.len()
                && self.doc.tokens[b].newlines_before == 0
                && (a..b)
                    .all(|j| self.doc.tokens[j].kind == TokenKind::Punct && self.doc.tokens[j].newlines_before == 0);
            if adjacent {
                let next = out[qi + 1].clone();
                out[qi].speaker = next.speaker;
                out[qi].speaker_entity = next.speaker_entity;
                out[qi].speaker_span = next.speaker_span;
                out[qi].cue = next.cue;
            }
        }
        out
    }

    /// True when the words before a quote announce a title: `ABC's "This Week"`, `the show "…"`.
    fn title_context(&self, first: usize) -> bool {
        if first == 0 {
            return false;
        }
        let prev = self.lower(first - 1);
        is_possessive(self.text(first - 1))
            || matches!(
                prev.as_str(),
                "on" | "show"
                    | "program"
                    | "programme"
                    | "book"
                    | "film"
                    | "movie"
                    | "titled"
                    | "entitled"
                    | "called"
                    | "named"
                    | "song"
                    | "series"
                    | "magazine"
                    | "newspaper"
                    | "column"
                    | "album"
                    | "documentary"
                    | "memoir"
                    | "play"
                    | "musical"
                    | "episode"
                    | "essay"
                    | "article"
                    | "headline"
                    | "hashtag"
                    | "slogan"
                    | "dubbed"
                    | "so-called"
                    | "the"
            )
    }

    /// `"…," said X` / `"…," X said` / `"…," according to X`, right after the closing mark.
    fn after_adjacent(&self, inner: &str, first: usize, end: usize) -> Option<Attribution> {
        let n = self.doc.tokens.len();
        let mut k = end;
        if k >= n || self.doc.tokens[k].newlines_before > 0 {
            return None;
        }
        // Only a quote that ends its clause takes the words after it as attribution: in
        // `a "friendship" that analysts said` the quote is mid-clause.
        let ends_clause = inner_end(inner).ends_with([',', '.', '!', '?', '\u{2026}', '-', '\u{2014}'])
            || matches!(self.text(k), "," | "\u{2014}" | "\u{2013}" | "-")
            // `"…" said Nick Merrill` with the comma left out.
            || (self.is_cue(k) && k + 1 < n && is_capitalised(self.doc, k + 1));
        // `"…" Clinton tweeted`: a name and a cue right after the quote attribute it anyway.
        // The words up to the cue stay in one clause; `Grubbs said. "…"` may end the sentence after it.
        let named_next = is_capitalised(self.doc, k)
            && (k + 1..(k + 5).min(n))
                .any(|j| self.is_cue(j) && (k..j).all(|m| self.quote_of[m].is_none() && !self.terminal(m)));
        if !ends_clause && !named_next {
            return None;
        }
        // `"…" ― Karen Smith`: a dash and a name closing the paragraph sign the quote.
        if matches!(self.text(k), "\u{2015}" | "\u{2014}" | "\u{2013}" | "-")
            && k + 1 < n
            && is_capitalised(self.doc, k + 1)
        {
            let mut e = k + 1;
            while e < n && e < k + 6 && is_capitalised(self.doc, e) && self.doc.tokens[e].newlines_before == 0 {
                e += 1;
            }
            let closes = e >= n || self.doc.tokens[e].newlines_before > 0 || matches!(self.text(e), "." | "|" | ",");
            if closes && e > k + 1 {
                return Some(Attribution {
                    first: k + 1,
                    end: e,
                    cue: k,
                });
            }
        }
        // After `."` a capitalised word starts a new sentence, unless it is a short `Trump said.`
        let new_sentence = self.sentence_ended(inner, end);
        while k < n && matches!(self.text(k), "," | "\u{2014}" | "\u{2013}" | "-") && k < end + 2 {
            k += 1;
        }
        if k >= n || self.quote_of[k].is_some() {
            return None;
        }
        if let Some(a) = self.according_to(k) {
            return Some(a);
        }
        if self.is_cue(k) || self.after_quote_cue(k) {
            if self.is_participle(k) {
                // `Trump hailed it as "fantastic," telling reporters…`: the speaker heads the clause.
                let floor = self.clause_floor(first);
                return if floor < first {
                    self.clause_subject(floor, first).map(|a| Attribution { cue: k, ..a })
                } else {
                    None
                };
            }
            return self.phrase_after(k + 1).map(|(f, e)| Attribution {
                first: f,
                end: e,
                cue: k,
            });
        }
        // "X said": the subject runs from k up to a cue, with at most a short phrase in between.
        let limit = (k + MAX_PHRASE + 14).min(n);
        for j in k..limit {
            let t = self.text(j);
            if self.quote_of[j].is_some() || (j > k && self.doc.tokens[j].newlines_before > 0) {
                return None;
            }
            if self.terminal(j) || matches!(t, ";" | ":") {
                return None;
            }
            // `"…," a nod to the front-runner acknowledging…`: a participle after the quote is no `X said`.
            if j > k && ((self.is_cue(j) && !self.is_participle(j)) || self.after_quote_cue(j)) {
                // After `."` the words must be the attribution itself (`Monaco, Obama's adviser, said`),
                // not a new sentence that happens to hold a cue.
                return self
                    .subject_before(j, k)
                    .filter(|&(f, _)| !new_sentence || f == k)
                    // `"…," giving states more power`: a lone gerund is no subject ("states" is no cue).
                    .filter(|&(f, e)| !(e == f + 1 && !is_capitalised(self.doc, f) && self.text(f).ends_with("ing")))
                    .map(|(f, e)| Attribution {
                        first: f,
                        end: e,
                        cue: j,
                    });
            }
        }
        None
    }

    /// Start of the clause before token `first`: back to a sentence end outside quotes, a paragraph
    /// break, `, but`-style clause joints, or the window limit. Other quotes are crossed (a sentence
    /// may hold several partial quotes of one speaker).
    fn clause_floor(&self, first: usize) -> usize {
        let lo = first.saturating_sub(BEFORE_WINDOW);
        let mut floor = first;
        let mut k = first;
        while k > lo {
            let j = k - 1;
            if self.doc.tokens[j + 1].newlines_before > 0 {
                break;
            }
            if self.quote_of[j].is_none() {
                let t = self.text(j);
                if self.terminal(j) || t == ";" {
                    break;
                }
            }
            floor = j;
            k = j;
        }
        floor
    }

    /// A cue before the opening mark in the same sentence: the nearest one whose subject is found.
    fn before(&self, first: usize) -> Option<Attribution> {
        if first == 0 || first >= self.doc.tokens.len() || self.doc.tokens[first].newlines_before > 0 {
            return None;
        }
        let floor = self.clause_floor(first);
        if floor == first {
            return None;
        }
        if let Some(a) = (floor..first).rev().find_map(|j| {
            if self.quote_of[j].is_none() {
                self.according_to(j)
            } else {
                None
            }
        }) {
            // "X said Tuesday that according to its analysis, … "…"": the speaker who reports the
            // source owns the quote.
            let reporter = (floor..a.cue).find_map(|j| {
                if self.is_cue(j) && !self.is_participle(j) && self.quote_of[j].is_none() {
                    self.subject_before(j, floor).map(|(f, e)| Attribution {
                        first: f,
                        end: e,
                        cue: j,
                    })
                } else {
                    None
                }
            });
            return Some(reporter.unwrap_or(a));
        }
        // "(Clinton called it "…"), Trump inflamed tensions by saying, "…"": a cue inside a closed
        // parenthesis speaks for its own aside, not for the quote after it.
        let mut aside = vec![false; first - floor];
        let mut open: Vec<usize> = Vec::new();
        for j in floor..first {
            match self.text(j) {
                "(" if self.quote_of[j].is_none() => open.push(j),
                ")" if self.quote_of[j].is_none() => {
                    if let Some(o) = open.pop() {
                        aside[o - floor..=j - floor].iter_mut().for_each(|a| *a = true);
                    }
                }
                _ => {}
            }
        }
        let cue_at = |j: usize| !aside[j - floor] && self.is_cue(j);
        let has_finite = (floor..first).any(|j| cue_at(j) && !self.is_participle(j));
        for j in (floor..first).rev() {
            if !cue_at(j) {
                continue;
            }
            if self.is_participle(j) {
                // "with Donald Trump tweeting that…": the name right before the participle.
                if j > floor && is_capitalised(self.doc, j - 1) {
                    if let Some((f, e)) = self.phrase_before(j, floor) {
                        // Also `… – Ryan saying he was "…"`, an absolute clause after a dash.
                        if f > floor && matches!(self.lower(f - 1).as_str(), "with" | "and" | "\u{2013}" | "\u{2014}") {
                            return Some(Attribution {
                                first: f,
                                end: e,
                                cue: j,
                            });
                        }
                    }
                }
                if has_finite {
                    continue;
                }
                if let Some(a) = self.clause_subject(floor, j) {
                    return Some(a);
                }
                continue;
            }
            if let Some((f, e)) = self.subject_before(j, floor) {
                // "Israel said Clinton called on members to be "…"": when the cue sits in the
                // complement of an earlier cue (no comma between), the outer speaker owns the quote.
                let outer = (floor..f).rev().find(|&o| {
                    self.is_cue(o)
                        && !self.is_participle(o)
                        && (o..f).all(|m| self.quote_of[m].is_none() && !matches!(self.text(m), "," | ";"))
                });
                if let Some(o) = outer {
                    if let Some((of, oe)) = self.subject_before(o, floor) {
                        return Some(Attribution {
                            first: of,
                            end: oe,
                            cue: o,
                        });
                    }
                }
                return Some(Attribution {
                    first: f,
                    end: e,
                    cue: j,
                });
            }
            // `But, said Solovey, "…"`: an inverted cue before the quote.
            if j > floor && matches!(self.text(j - 1), "," | "\u{2014}") || j == floor {
                if let Some((f, e)) = self.phrase_after(j + 1) {
                    if e < first && matches!(self.text(e), "," | ":") {
                        return Some(Attribution {
                            first: f,
                            end: e,
                            cue: j,
                        });
                    }
                }
            }
            // "X thanked them and called it "…"": the subject heads the clause.
            if j > floor && matches!(self.lower(j - 1).as_str(), "and" | "but" | "then") {
                // "Suu Kyi, 70, said it was too early but added, "…"": the subject of the first verb.
                let earlier = (floor..j - 1).rev().find_map(|o| {
                    if self.is_cue(o) && !self.is_participle(o) && self.quote_of[o].is_none() {
                        self.subject_before(o, floor).map(|(f, e)| Attribution {
                            first: f,
                            end: e,
                            cue: o,
                        })
                    } else {
                        None
                    }
                });
                if let Some(a) = earlier.or_else(|| self.clause_subject(floor, j)) {
                    return Some(a);
                }
            }
        }
        // A headline `Ryan: 'No Place In A President'`: the name before the colon speaks.
        if let Some(colon) = (floor..first).find(|&j| self.text(j) == ":" && self.quote_of[j].is_none()) {
            // Also `Chris Cillizza, The Washington Post: "…"` and `Rep. Trey Gowdy (R-S.C.): "…"`.
            let label_like = |j: usize| {
                is_capitalised(self.doc, j)
                    || is_possessive(self.text(j))
                    || matches!(self.text(j), "," | "(" | ")" | "of" | "the" | "&" | "and")
            };
            // `Voters care more about inspiration - Frank Newport and Jim Harter: "…"`: a digest's
            // finding, a dash, then the source.
            let floor = (floor..colon)
                .rev()
                .find(|&d| {
                    matches!(self.text(d), "-" | "\u{2013}" | "\u{2014}")
                        && self.doc.tokens[d].space_before
                        && d + 1 < colon
                        && colon - d <= 7
                })
                .map_or(floor, |d| d + 1);
            if colon > floor && colon - floor <= 10 && (floor..colon).all(label_like) && is_capitalised(self.doc, floor)
            {
                let mut e = floor;
                while e < colon && (is_capitalised(self.doc, e) || is_possessive(self.text(e))) {
                    e += 1;
                }
                return Some(Attribution {
                    first: floor,
                    end: e,
                    cue: colon,
                });
            }
            // `Jeremy Lott, author: "…"`, `Former secretary of state Hillary Clinton: "…"`: a verbless
            // label right before the quote; its (first) full name speaks.
            if colon + 1 == first && colon > floor && colon - floor <= 12 && (floor..colon).all(|j| !self.verb_ish(j)) {
                let mut j = floor;
                while j < colon {
                    let s = j;
                    while j < colon && is_capitalised(self.doc, j) {
                        j += 1;
                    }
                    if j >= s + 2 {
                        return Some(Attribution {
                            first: s,
                            end: j,
                            cue: colon,
                        });
                    }
                    j = j.max(s + 1);
                }
            }
        }
        // A partial quote with no speech verb (`Clinton supports "appropriate pay raises"`) is the
        // words of the clause's subject, unless a label introduces it ("so-called", "dubbed").
        None
    }

    /// A partial quote with no speech verb (`Clinton supports "appropriate pay raises"`) is the
    /// words of the clause's subject, unless a label introduces it ("so-called", "dubbed").
    fn cueless(&self, first: usize) -> Option<Attribution> {
        if first == 0 || first >= self.doc.tokens.len() || self.doc.tokens[first].newlines_before > 0 {
            return None;
        }
        let floor = self.clause_floor(first);
        if floor == first
            || matches!(
                self.lower(first - 1).as_str(),
                "so-called" | "called" | "dubbed" | "named" | "titled" | "entitled"
            )
        {
            return None;
        }
        // "Calling Ross "exactly the partner I need," Mrs. Clinton upbraided…": a sentence-initial
        // participle phrase; its subject follows the phrase.
        let t = self.text(floor);
        if is_capitalised(self.doc, floor) && t.ends_with("ing") && !self.mid_caps.contains(t) {
            let end = self.doc.token_at_or_after(self.doc.tokens[first].span.start);
            let mut j = end;
            while j < self.doc.tokens.len() && self.quote_of[j] == self.quote_of[first] {
                j += 1;
            }
            if j < self.doc.tokens.len() && self.text(j) == "," {
                j += 1;
            }
            let s = j;
            while j < self.doc.tokens.len() && j < s + 5 && is_capitalised(self.doc, j) {
                j += 1;
            }
            if j > s && self.verb_ish(j) {
                return Some(Attribution {
                    first: s,
                    end: j,
                    cue: first,
                });
            }
        }
        self.clause_subject(floor, first)
    }

    /// True for a word that can follow a subject: a lower-case word that is no determiner, preposition
    /// or conjunction ("tried", "again", "has"), i.e. probably the verb group.
    fn verb_like(&self, i: usize) -> bool {
        if i >= self.doc.tokens.len() || self.doc.tokens[i].kind != TokenKind::Word || is_capitalised(self.doc, i) {
            return false;
        }
        let t = self.text(i);
        let aux = matches!(
            t,
            "is" | "was"
                | "are"
                | "were"
                | "has"
                | "had"
                | "have"
                | "will"
                | "would"
                | "could"
                | "should"
                | "can"
                | "may"
                | "might"
                | "must"
        );
        aux || !(is_determiner(t) || is_possessive(t) || self.lex.np_stops.contains(t) || t == "of" || t == "for")
    }

    /// True for a word that looks like a finite verb: a cue, an -ed or -s form, an irregular form,
    /// an adverb ("Trump again knocked"). Stricter than [`Self::verb_like`]: "nominee" fails.
    fn verb_ish(&self, i: usize) -> bool {
        if i >= self.doc.tokens.len() || self.doc.tokens[i].kind != TokenKind::Word || is_capitalised(self.doc, i) {
            return false;
        }
        let t = self.text(i);
        self.lex.is_cue(t)
            || self.lex.irregular_verbs.contains(t)
            || self.lex.adverbs.contains(t)
            || (t.len() > 3 && t.ends_with("ly"))
            || (!self.lex.np_stops.contains(t) && (t.ends_with("ed") || (t.ends_with('s') && !t.ends_with("ss"))))
    }

    /// The subject of a participle or infinitive cue (`Trump again knocked Clinton, saying "…"`):
    /// the first name or personal pronoun of the clause that a verb follows.
    fn clause_subject(&self, floor: usize, cue: usize) -> Option<Attribution> {
        let mut j = floor;
        // "After the Paris attacks, Trump released…": an introductory phrase ends at its comma.
        if j < cue && (self.is_preposition(j) || self.lex.np_stops.contains(self.text(j))) {
            // The comma may close a quote inside the phrase (`… a federal "deportation force," Will`).
            let ends_intro = |c: usize| {
                self.text(c) == ","
                    && (self.quote_of[c].is_none()
                        || (c + 1 < cue
                            && self.quote_of[c + 1] == self.quote_of[c]
                            && self.doc.tokens[c + 1].kind == TokenKind::Punct
                            && self.quote_of.get(c + 2).copied().flatten() != self.quote_of[c]))
            };
            if let Some(c) = (j..cue.min(j + 45)).find(|&c| ends_intro(c)) {
                j = c + 1;
                while j < cue && self.quote_of[j].is_some() && self.doc.tokens[j].kind == TokenKind::Punct {
                    j += 1;
                }
            }
        }
        // "The team cited "…"": a short description heading the clause, up to its verb.
        if j < cue && is_determiner(self.text(j)) {
            for e in j + 2..(j + 7).min(cue) {
                if self.quote_of[e].is_some() || self.doc.tokens[e].kind != TokenKind::Word {
                    break;
                }
                if self.verb_ish(e) {
                    return Some(Attribution { first: j, end: e, cue });
                }
            }
        }
        while j < cue {
            if self.quote_of[j].is_some() {
                j += 1;
                continue;
            }
            if matches!(self.lower(j).as_str(), "he" | "she" | "they") && self.verb_like(j + 1) {
                return Some(Attribution {
                    first: j,
                    end: j + 1,
                    cue,
                });
            }
            if is_capitalised(self.doc, j) {
                let mut s = j;
                while j < cue && is_capitalised(self.doc, j) && self.quote_of[j].is_none() {
                    j += 1;
                }
                let name_end = j;
                // "But Trump quickly deflected": a sentence-initial conjunction is no part of the name.
                while s + 1 < name_end && (self.lex.np_stops.contains(self.text(s)) || is_determiner(self.text(s))) {
                    s += 1;
                }
                // "Rep. Hakeem Jeffries (D-N.Y.) reacted": the party label sits between name and verb.
                let mut v = j;
                // "Donald Trump on Thursday ratcheted up…": a time phrase sits between them.
                if v + 1 < cue
                    && matches!(
                        self.lower(v).as_str(),
                        "on" | "in" | "last" | "this" | "earlier" | "later"
                    )
                    && (is_calendar_word(self.text(v + 1))
                        || matches!(
                            self.lower(v + 1).as_str(),
                            "week" | "month" | "year" | "night" | "weekend"
                        ))
                {
                    v += 2;
                }
                if v < cue && self.text(v) == "(" {
                    if let Some(c) = (v + 1..(v + 8).min(cue)).find(|&c| self.text(c) == ")") {
                        v = c + 1;
                    }
                }
                // "Silverman, herself a Sanders supporter, incurred…": skip the apposition.
                if v < cue && self.text(v) == "," {
                    if let Some(c) =
                        (v + 1..(v + 24).min(cue)).find(|&c| self.text(c) == "," && self.quote_of[c].is_none())
                    {
                        if self.verb_like(c + 1) {
                            v = c + 1;
                        }
                    }
                }
                // "Cruz's lawyers relied on…": a possessive description.
                if v + 1 < cue && is_possessive(self.text(v)) {
                    if let Some(e) = (v + 1..(v + 4).min(cue)).find(|&e| self.verb_ish(e)) {
                        if e > v + 1
                            && (v + 1..e)
                                .all(|w| self.doc.tokens[w].kind == TokenKind::Word && !is_capitalised(self.doc, w))
                        {
                            return Some(Attribution { first: s, end: e, cue });
                        }
                    }
                }
                let lone_word = name_end == s + 1 && !self.mid_caps.contains(self.text(s)) && !self.person[s];
                // "Mr. Butterfield, noting that the party's "…"": a participle right after the name's comma.
                // Not "…with reporters at the United Nations, saying": that name is a preposition's object.
                let mut p = s;
                while p > floor && is_determiner(self.text(p - 1)) {
                    p -= 1;
                }
                let object = p > floor && self.is_preposition(p - 1);
                let participle_after_name =
                    v + 1 == cue && self.text(v) == "," && self.is_cue(cue) && self.is_participle(cue) && !object;
                if v < cue
                    && (self.verb_ish(v) || participle_after_name)
                    && !lone_word
                    && !self.lex.np_stops.contains(self.text(s))
                    && !is_calendar_word(self.text(s))
                {
                    let (f, e) = self.phrase_before(name_end, floor)?;
                    return Some(Attribution { first: f, end: e, cue });
                }
                continue;
            }
            j += 1;
        }
        None
    }

    /// A cue later in the sentence after a mid-sentence quote: `Clinton "drew well" in 2008, said
    /// professor Paul Beck` / `…, Beck said` / `according to X`. The speaker must start a clause.
    fn after_later(&self, inner: &str, end: usize) -> Option<Attribution> {
        let n = self.doc.tokens.len();
        if end >= n || self.doc.tokens[end].newlines_before > 0 || self.sentence_ended(inner, end) {
            return None;
        }
        let limit = (end + AFTER_WINDOW).min(n);
        let mut clause_start = end;
        let mut j = end;
        while j < limit {
            if (j > end && self.doc.tokens[j].newlines_before > 0) || (self.quote_of[j].is_none() && self.terminal(j)) {
                break;
            }
            // `did not find "ties of any consequence," aside from … "casually" …, said the director`:
            // later partial quotes of the sentence are crossed.
            if self.quote_of[j].is_some() {
                j += 1;
                continue;
            }
            if let Some(a) = self.according_to(j) {
                return Some(a);
            }
            if self.text(j) == "," || self.lower(j) == "as" {
                clause_start = j + 1;
            } else if self.is_cue(j) && !self.is_participle(j) && clause_start > end {
                if j == clause_start {
                    return self.phrase_after(j + 1).map(|(f, e)| Attribution {
                        first: f,
                        end: e,
                        cue: j,
                    });
                }
                if let Some((f, e)) = self.subject_before(j, clause_start) {
                    if f == clause_start {
                        return Some(Attribution {
                            first: f,
                            end: e,
                            cue: j,
                        });
                    }
                }
            }
            j += 1;
        }
        None
    }

    /// A quote that opens a sentence right after `X said in a statement.` or `X said:` (a sentence
    /// with a cue and no quote of its own) is X's; so is a quote paragraph after a paragraph that
    /// ends with such a sentence.
    fn previous_sentence(&self, first: usize, inner: &str) -> Option<Attribution> {
        if first < 2 || first >= self.doc.tokens.len() {
            return None;
        }
        let new_para = self.doc.tokens[first].newlines_before > 0;
        if new_para && !sentence_like(inner) {
            return None;
        }
        let stop = self.text(first - 1);
        if !(is_terminal(stop) || stop == ":") || self.quote_of[first - 1].is_some() {
            return None;
        }
        let floor = self.clause_floor(first - 1);
        if (floor..first).any(|j| self.quote_of[j].is_some()) {
            return None;
        }
        // "Stated Stone:" — an inverted cue opening the sentence.
        if stop == ":" && floor + 1 < first - 1 && self.lex.is_cue(&self.lower(floor)) {
            if let Some((f, e)) = self.phrase_after(floor + 1) {
                if e == first - 1 {
                    return Some(Attribution {
                        first: f,
                        end: e,
                        cue: floor,
                    });
                }
            }
        }
        let has_finite = (floor..first - 1).any(|j| self.is_cue(j) && !self.is_participle(j));
        for j in (floor..first - 1).rev() {
            if !self.is_cue(j) {
                continue;
            }
            if self.is_participle(j) {
                if !has_finite {
                    return self.clause_subject(floor, j);
                }
                continue;
            }
            // "… if asked.": a cue with no subject of its own says nothing about who speaks next.
            if let Some((f, e)) = self.subject_before(j, floor) {
                return Some(Attribution {
                    first: f,
                    end: e,
                    cue: j,
                });
            }
        }
        // `Clinton touted her credentials. "We need…"`: a quote sentence after a sentence about someone.
        // "Trump issued the following statement:" announces the quote paragraph after it.
        if (!new_para || stop == ":") && sentence_like(inner) {
            return self.clause_subject(floor, first - 1);
        }
        None
    }

    /// True when the cue at `i` is followed by a clause of its own ("said the two cases were…", "said
    /// that…", "said he…"), not by punctuation, a time or place ("said Tuesday", "said in a
    /// statement") or the end of the sentence.
    fn takes_complement(&self, i: usize) -> bool {
        let Some(next) = self.doc.tokens.get(i + 1) else {
            return false;
        };
        if next.kind != TokenKind::Word || next.newlines_before > 0 || is_capitalised(self.doc, i + 1) {
            return false;
        }
        let t = self.lower(i + 1);
        t == "that" || is_determiner(&t) || matches!(t.as_str(), "he" | "she" | "they" | "it" | "we" | "i" | "there")
    }

    /// False for a phrase no one could be: a verb group picked up as a subject ("stopped short of",
    /// "having", "secretary of" before a misread cue). Names, descriptions and plural nouns pass.
    fn plausible_speaker(&self, a: &Attribution) -> bool {
        let first = self.lower(a.first);
        let last = self.lower(a.end - 1);
        let capitalised = (a.first..a.end).any(|j| is_capitalised(self.doc, j));
        let verb_head = !is_capitalised(self.doc, a.first)
            && (first.ends_with("ing") || first.ends_with("ed") || self.lex.adverbs.contains(first.as_str()));
        !((matches!(last.as_str(), "of" | "for" | "to") || verb_head) && !capitalised)
    }

    /// `"…"` alone in its paragraph, signed by the next one: `- Sanders.` or `— Hillary Clinton, in a
    /// debate` (the fact-check layout).
    fn signature_below(&self, first: usize, end: usize) -> Option<Attribution> {
        let n = self.doc.tokens.len();
        if first >= n || (first > 0 && self.doc.tokens[first].newlines_before == 0) {
            return None;
        }
        // Only closing punctuation may follow the quote in its paragraph.
        let mut k = end;
        while k < n && self.doc.tokens[k].newlines_before == 0 && matches!(self.text(k), "." | ",") {
            k += 1;
        }
        if k + 1 >= n
            || self.doc.tokens[k].newlines_before == 0
            || !matches!(self.text(k), "-" | "\u{2013}" | "\u{2014}" | "\u{2015}")
            || !is_capitalised(self.doc, k + 1)
        {
            return None;
        }
        let mut e = k + 1;
        while e < n && e < k + 6 && is_capitalised(self.doc, e) && self.doc.tokens[e].newlines_before == 0 {
            e += 1;
        }
        let closes = e >= n || self.doc.tokens[e].newlines_before > 0 || matches!(self.text(e), "." | ",");
        closes.then_some(Attribution {
            first: k + 1,
            end: e,
            cue: k,
        })
    }

    /// A quote paragraph with no attribution of its own, right after a paragraph about someone
    /// (`Viguerie is upbeat about Cruz's chances.` / `"Not only can…"`): the person that paragraph's
    /// last sentences are about, found as the subject of a clause. Only a person or a personal
    /// pronoun counts; "The crowd cheered." introduces no one's words.
    fn previous_paragraph_subject(&self, first: usize, names: &Names) -> Option<Attribution> {
        if first < 2 || first >= self.doc.tokens.len() || self.quote_of[first - 1].is_some() {
            return None;
        }
        let mut stop = first - 1;
        for _ in 0..3 {
            let floor = self.clause_floor(stop);
            if let Some(a) = self.clause_subject(floor, stop) {
                let pronoun = a.end == a.first + 1 && matches!(self.lower(a.first).as_str(), "he" | "she");
                let person = names
                    .in_range(self.doc, a.first, a.end)
                    .is_some_and(|k| names.mentions[k].person && !names.mentions[k].org);
                return (pronoun || person).then_some(a);
            }
            if floor == 0 || self.doc.tokens[floor].newlines_before > 0 {
                return None;
            }
            stop = floor - 1;
        }
        None
    }

    /// `according to X` starting at token `k`.
    fn according_to(&self, k: usize) -> Option<Attribution> {
        let n = self.doc.tokens.len();
        if k + 2 < n && self.text(k).eq_ignore_ascii_case("according") && self.text(k + 1) == "to" {
            let (f, e) = self.phrase_after(k + 2)?;
            // "according to calculations by Amy Glasmeier", "a court document filed by Dave
            // Aronberg": the author of the document is the one quoted.
            let by = (f..(e + 2).min(n)).find(|&j| self.text(j) == "by" && self.quote_of[j].is_none());
            if let Some(b) =
                by.filter(|&b| b + 1 < n && is_capitalised(self.doc, b + 1) && !is_capitalised(self.doc, f))
            {
                if let Some((bf, be)) = self.phrase_after(b + 1) {
                    return Some(Attribution {
                        first: bf,
                        end: be,
                        cue: k,
                    });
                }
            }
            return Some(Attribution {
                first: f,
                end: e,
                cue: k,
            });
        }
        None
    }

    /// The speaker phrase after an inverted cue: `said Nick Ayers, Pence's chief of staff` → Nick Ayers;
    /// `said a senior official` → a senior official.
    fn phrase_after(&self, from: usize) -> Option<(usize, usize)> {
        let n = self.doc.tokens.len();
        let mut j = from;
        let limit = (from + MAX_PHRASE).min(n);
        while j < limit {
            let t = self.text(j);
            if self.quote_of[j].is_some() || (j > from && self.doc.tokens[j].newlines_before > 0) {
                break;
            }
            let word = self.doc.tokens[j].kind != TokenKind::Punct;
            let ok = word && !self.lex.np_stops.contains(t) && !self.lex.is_cue(t)
                || (j > from && matches!(t, "-" | "&"))
                || (j > from && is_possessive(t));
            if !ok {
                break;
            }
            j += 1;
        }
        // A description ends before a prepositional tail it picked up ("a spokesman for" → keep "for X").
        while j > from && matches!(self.text(j - 1), "of" | "for" | "-" | "&") {
            j -= 1;
        }
        if j > from && self.has_content(from, j) {
            Some((from, j))
        } else {
            None
        }
    }

    /// Skips, backwards from token `k`, what may stand between a subject and its verb: adverbs,
    /// "on Tuesday", a parenthesis, "tried to". Returns the new position.
    fn skip_to_subject(&self, mut k: usize, floor: usize) -> usize {
        let mut steps = 0;
        while k > floor && steps < 6 {
            steps += 1;
            let t = self.text(k - 1);
            let lower = t.to_lowercase();
            if (self.lex.adverbs.contains(lower.as_str()) && !is_capitalised(self.doc, k - 1))
                || (lower.ends_with("ly") && t.len() > 4 && !is_capitalised(self.doc, k - 1))
            {
                k -= 1;
            } else if k >= floor + 2
                && self.lower(k - 2) == "on"
                && is_capitalised(self.doc, k - 1)
                && t.ends_with("day")
            {
                k -= 2;
            } else if is_calendar_word(t) {
                k -= 1;
            } else if matches!(
                t,
                "could" | "would" | "can" | "will" | "should" | "might" | "may" | "must" | "did" | "does" | "only"
            ) {
                // "a spokesman for Bernie Sanders could only quip:"
                k -= 1;
            } else if lower == "ago" {
                // "The State Department less than two weeks ago said"
                let mut j = k - 1;
                while j > floor
                    && k - j < 5
                    && !is_capitalised(self.doc, j - 1)
                    && self.quote_of[j - 1].is_none()
                    && self.doc.tokens[j - 1].kind != TokenKind::Punct
                {
                    j -= 1;
                }
                k = j;
            } else if k >= floor + 2
                && matches!(
                    lower.as_str(),
                    "week" | "month" | "year" | "night" | "weekend" | "morning" | "afternoon" | "evening"
                )
                && matches!(
                    self.lower(k - 2).as_str(),
                    "last" | "this" | "next" | "that" | "earlier" | "same"
                )
            {
                k -= 2;
            } else if t == ")" {
                let lo = k.saturating_sub(10).max(floor);
                match (lo..k - 1).rev().find(|&j| self.text(j) == "(") {
                    Some(j) => k = j,
                    None => break,
                }
            } else {
                break;
            }
        }
        k
    }

    /// The subject of a cue, read backwards from it: `Ayers also said`, `Nick Ayers, Pence's chief of
    /// staff, said` (the name before the apposition), `a senior official said`.
    fn subject_before(&self, cue: usize, floor: usize) -> Option<(usize, usize)> {
        if cue > floor && self.text(cue - 1) == "to" {
            // "tried to argue", "went on to say": the subject heads the clause.
            return self.clause_subject(floor, cue).map(|a| (a.first, a.end));
        }
        let mut k = self.skip_to_subject(cue, floor);
        // "B&B - which has a 22% share of the market - said": a dash-delimited aside.
        let spaced_dash = |j: usize| {
            matches!(self.text(j), "-" | "\u{2013}" | "\u{2014}")
                && self.doc.tokens[j].space_before
                && self.quote_of[j].is_none()
        };
        if k > floor + 1 && spaced_dash(k - 1) {
            if let Some(d) = (floor.max(k.saturating_sub(20))..k - 1).rev().find(|&d| spaced_dash(d)) {
                if d > floor {
                    k = d;
                }
            }
        }
        // `Amar, author of "America's Constitution," put it`: the apposition's comma sits inside a quote.
        if k > floor && self.quote_of[k - 1].is_some() {
            let q = self.quote_of[k - 1];
            let mut m = k - 1;
            while m > floor
                && self.quote_of[m].is_some()
                && self.doc.tokens[m].kind == TokenKind::Punct
                && self.text(m) != ","
            {
                m -= 1;
            }
            if self.text(m) == "," && self.quote_of[m] == q {
                let mut qs = m;
                while qs > floor && self.quote_of[qs - 1] == q {
                    qs -= 1;
                }
                // Search for the opening comma from just before the quote.
                if let Some(c) = (floor.max(qs.saturating_sub(25))..qs)
                    .rev()
                    .find(|&c| self.text(c) == "," && self.quote_of[c].is_none())
                {
                    return self.phrase_before(c, floor);
                }
                k = qs;
            }
        }
        if k > floor && self.text(k - 1) == "," {
            // "her personal lawyer, David E. Kendall, wrote": the apposition is the name itself.
            if let Some(c) = (floor.max((k - 1).saturating_sub(6))..k - 1)
                .rev()
                .find(|&c| self.text(c) == ",")
            {
                let name = c + 1..k - 1;
                if !name.is_empty()
                    && name
                        .clone()
                        .all(|w| is_capitalised(self.doc, w) && self.quote_of[w].is_none())
                    && c > floor
                    && !is_capitalised(self.doc, c - 1)
                    && self.doc.tokens[c - 1].kind == TokenKind::Word
                {
                    return Some((name.start, name.end));
                }
            }
            // An apposition or relative clause: find the comma that opens it (quotes may sit inside);
            // "Cory James, 22, of Flint, Mich., said" chains several, so walk back over those that
            // open no subject (a number, "of Flint", a bare place after a comma).
            let lo = (k - 1).saturating_sub(30).max(floor);
            let mut j = k - 1;
            let mut found = None;
            let mut hops = 0;
            while j > lo && hops < 4 {
                j -= 1;
                if self.quote_of[j].is_none() && self.terminal(j) {
                    break;
                }
                if self.quote_of[j].is_none() && self.text(j) == "," {
                    found = Some(j);
                    hops += 1;
                    let weak = match self.phrase_before(j, floor) {
                        None => true,
                        Some((f, e)) => {
                            // "Brian Fallon" after "In a statement," is the subject; "Flint" after "22, of" is not.
                            // "For now, Pantucci, at the institute, said": a person's surname is a subject too.
                            let full_name = (e >= f + 2 && (f..e).all(|w| is_capitalised(self.doc, w)))
                                || ((f..e).all(|w| self.person[w])
                                    && !(f > floor && matches!(self.text(f - 1), "of" | "from" | "in")));
                            (f > floor && matches!(self.text(f - 1), "of" | "," | "from" | "in") && !full_name)
                                || self.doc.tokens[f].kind == TokenKind::Number
                        }
                    };
                    if !weak {
                        break;
                    }
                }
            }
            k = found?;
        }
        for _attempt in 0..2 {
            let (first, end) = self.phrase_before(k, floor)?;
            // "Trump in recent days has suggested": a prepositional phrase is not the subject
            // ("after", "since" are more often conjunctions: "after the front-runner had said").
            if first > floor
                && self.is_preposition(first - 1)
                && !matches!(self.lower(first - 1).as_str(), "after" | "before" | "since")
                && first - 1 > floor
                && !is_capitalised(self.doc, end - 1)
            {
                k = first - 1;
                continue;
            }
            // "a White House official who spoke anonymously to discuss strategy said", "a source
            // speaking to Fox News said": the subject comes before the relative or participle clause.
            let lo = first.saturating_sub(10).max(floor);
            let clause = (lo..first)
                .rev()
                .take_while(|&j| self.quote_of[j].is_none() && self.doc.tokens[j].kind == TokenKind::Word)
                .find(|&j| {
                    let t = self.text(j);
                    (t == "who" || (t.ends_with("ing") && !is_capitalised(self.doc, j) && !self.lex.is_cue(t)))
                        && j > floor
                        && self.doc.tokens[j - 1].kind == TokenKind::Word
                        && !self.lex.np_stops.contains(self.text(j - 1))
                        && !matches!(self.text(j - 1), "of" | "for")
                        && (first == floor
                            || !self.lex.np_stops.contains(self.text(first - 1))
                            || matches!(self.text(first - 1), "to" | "with" | "who"))
                });
            if let Some(c) = clause {
                if let Some(p) = self.phrase_before(c, floor) {
                    return Some(p);
                }
            }
            if is_calendar_word(self.text(first)) && end == first + 1 {
                return None;
            }
            return Some((first, end));
        }
        None
    }

    /// The noun phrase ending just before token `end` (at most [`MAX_PHRASE`] tokens).
    fn phrase_before(&self, end: usize, floor: usize) -> Option<(usize, usize)> {
        let mut end = end;
        // "Sen. Richard J. Durbin (D-Ill.)": the party label is not part of the name.
        if end > floor && self.text(end - 1) == ")" {
            if let Some(o) = (end.saturating_sub(8).max(floor)..end - 1)
                .rev()
                .find(|&o| self.text(o) == "(")
            {
                end = o;
            }
        }
        let mut first = end;
        while first > floor && end - first < MAX_PHRASE {
            let j = first - 1;
            let t = self.text(j);
            if self.quote_of[j].is_some() {
                break;
            }
            let word = self.doc.tokens[j].kind != TokenKind::Punct;
            if is_possessive(t) || (word && matches!(t, "of" | "for")) || matches!(t, "-" | "&") {
                first = j;
                continue;
            }
            if !word || self.lex.np_stops.contains(t) || self.lex.is_cue(t) {
                break;
            }
            if j + 1 < end && matches!(t.to_lowercase().as_str(), "he" | "she" | "they" | "i" | "we") {
                // "provisions he said": the pronoun is the whole subject.
                break;
            }
            first = j;
            // "a spokesman for the campaign": a determiner after "of"/"for" is inside the phrase.
            let inner_determiner =
                j > floor + 1 && matches!(self.text(j - 1), "of" | "for") && self.quote_of[j - 1].is_none();
            if (is_determiner(t) && !inner_determiner)
                || self.doc.tokens[j].newlines_before > 0
                || matches!(t.to_lowercase().as_str(), "he" | "she" | "they" | "i" | "we")
            {
                break;
            }
        }
        while first < end && (matches!(self.text(first), "of" | "for" | "-" | "&") || is_possessive(self.text(first))) {
            first += 1;
        }
        if first < end && self.has_content(first, end) {
            Some((first, end))
        } else {
            None
        }
    }

    /// True when tokens `[first, end)` hold more than determiners.
    fn has_content(&self, first: usize, end: usize) -> bool {
        (first..end).any(|j| self.doc.tokens[j].kind == TokenKind::Word && !is_determiner(self.text(j)))
    }

    /// Fills the speaker of `q` from its attribution: a name, a pronoun's antecedent, or the description.
    fn resolve(&self, q: &mut Quote, a: Attribution, names: &mut Names) {
        let doc = self.doc;
        q.cue = (doc.tokens[a.cue].kind == TokenKind::Word).then(|| self.text(a.cue).to_string());
        let phrase = Span::new(doc.tokens[a.first].span.start, doc.tokens[a.end - 1].span.end);
        let head = self.text(a.end - 1);
        if a.end - a.first == 1 && matches!(head.to_lowercase().as_str(), "he" | "she" | "they" | "i" | "we" | "it") {
            q.speaker_span = Some(phrase);
            // "Rubio said that he has begun…": the subject heading the pronoun's own sentence wins
            // over whoever was named last ("…of Trump, whom he called").
            let floor = self.clause_floor(a.first);
            let subject = self
                .clause_subject(floor, a.first)
                .and_then(|s| names.in_range(doc, s.first, s.end))
                .filter(|&k| names.agrees(k, head));
            let sentence_start = doc.tokens[floor].span.start;
            // "Jones repeated": a name right before its verb heads its clause.
            let is_subject = |m: &super::names::NameMention| self.verb_ish(m.end) && !is_possessive(self.text(m.end));
            match subject.or_else(|| names.speaker_antecedent(phrase.start, sentence_start, head, is_subject)) {
                Some(k) => {
                    let m = &names.mentions[k];
                    q.speaker = Some(m.canonical.clone());
                    q.speaker_entity = m.entity;
                    names.spoken.insert(m.canonical.clone());
                }
                None => q.speaker = Some(head.to_string()),
            }
            return;
        }
        // A name heads the phrase when its last word is capitalised; otherwise it is a description
        // ("the Clinton campaign", "a senior official").
        // "Tom Cole of Oklahoma": the head comes before "of"; "a spokesman for Clinton" has no name head.
        // In a Title Case headline ("Obama Says Museum Will Tell"), the name ends at a capitalised
        // speech verb.
        let head_end = (a.first..a.end)
            .find(|&j| {
                matches!(self.text(j), "of" | "for")
                    || (j > a.first && is_capitalised(doc, j) && self.lex.is_cue(&self.lower(j)))
            })
            .unwrap_or(a.end);
        if head_end > a.first && is_capitalised(doc, head_end - 1) {
            if let Some(k) = names.in_range(doc, a.first, head_end) {
                names.mark_person(k);
                let m = &names.mentions[k];
                names.spoken.insert(m.canonical.clone());
                q.speaker = Some(m.canonical.clone());
                q.speaker_entity = m.entity;
                q.speaker_span = Some(m.span);
                return;
            }
        }
        q.speaker = Some(phrase.slice(doc.text).to_string());
        q.speaker_span = Some(phrase);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_and_sentences_are_told_apart() {
        assert!(title_like("The Apprentice"));
        assert!(title_like("Meet the Press,"));
        assert!(!title_like("we will win"));
        assert!(sentence_like("We will win this election."));
        assert!(!sentence_like("friendship"));
    }
}
