//! Who said a quote: the speech verb (cue) around it and the speaker phrase it attaches to.
//!
//! Every quote goes down one chain of strategies, [`CHAIN`]; the first that finds a plausible
//! speaker phrase wins, and its [`QuoteRule`] is the quote's `rule`:
//!
//! | rule | pattern | file |
//! |---|---|---|
//! | `quote/tight` | `"…," X said` right after a quote ending in `,` `!` `?` or a dash | `after.rs` |
//! | `quote/signature-below` | a quote alone in its paragraph, signed `- X.` below | `signature.rs` |
//! | `quote/before` | `X said: "…"`, `X told reporters "…"`, `X said Y "…"` in the same sentence | `before.rs` |
//! | `quote/after-adjacent` | `"…" X said`, `"…" according to X` right after the quote | `after.rs` |
//! | `quote/after-later` | `X "drew well" in 2008, said Y` later in the sentence | `after.rs` |
//! | `quote/previous-sentence` | `X said in a statement. "…"` | `previous.rs` |
//! | `quote/cueless` | `X supports "appropriate pay raises"`: the clause's subject (a relayed term: whoever relays it, `kind.rs`) | `cueless.rs` |
//!
//! A quote the chain attributes may still be a title (`quote/title`: `ABC's "This Week"`). A quote
//! it cannot attribute inherits (`inherit.rs`): from the quote before it in its paragraph
//! (`quote/inherited-split`), from the quote of the previous paragraph when it opens a paragraph
//! (`quote/inherited-floating`), or from the person the previous paragraph is about
//! (`quote/previous-paragraph`). Otherwise a sentence stays speech with no speaker
//! (`quote/unattributed`) and a short phrase is a scare quote (`quote/scare`). Last, a backward
//! pass gives a quote with no speaker the speaker of the attributed quote right after it
//! (`quote/inherited-next`). Every window is bounded (a sentence, a few dozen tokens), so the work
//! per quote is constant.
//!
//! `cues.rs` decides which words are cues in context, `grammar.rs` finds clauses, subjects and
//! noun phrases, `kind.rs` tells speech from titles and scare quotes, and `resolve.rs` turns a
//! speaker phrase into a name.

mod after;
mod before;
mod cueless;
mod cues;
mod grammar;
mod inherit;
mod kind;
mod previous;
mod resolve;
mod signature;
#[cfg(test)]
mod tests;

use super::lexicon::Lexicon;
use super::lowered::Lowered;
use super::marks::Marked;
use super::names::Names;
use crate::annotation::{Entity, EntityLabel, Quote, QuoteKind, QuoteRule};
use crate::fasthash::HashSet;
use crate::text::words::is_terminal;
use crate::text::{Document, TokenKind};
use kind::{sentence_like, title_like};
use std::cell::OnceCell;

/// Tokens looked at before a quote for its cue (a long sentence of reported speech).
const BEFORE_WINDOW: usize = 60;
/// Tokens looked at after a quote.
const AFTER_WINDOW: usize = 30;
/// Longest speaker phrase, in tokens.
const MAX_PHRASE: usize = 9;

/// A strategy: the speaker phrase it finds for one quote, if any.
pub type Strategy = fn(&Context<'_, '_>, &Site<'_>) -> Option<Attribution>;

/// The attribution strategies in the order they are tried; the first plausible phrase wins.
pub const CHAIN: &[(QuoteRule, Strategy)] = &[
    (QuoteRule::Tight, after::tight),
    (QuoteRule::SignatureBelow, signature::signature_below),
    (QuoteRule::Before, before::before),
    (QuoteRule::AfterAdjacent, after::adjacent),
    (QuoteRule::AfterLater, after::later),
    (QuoteRule::PreviousSentence, previous::previous_sentence),
    (QuoteRule::Cueless, cueless::cueless),
];

/// The speaker phrase found for a quote, before it is resolved to a name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Attribution {
    /// Tokens `[first, end)` of the speaker phrase.
    first: usize,
    end: usize,
    /// The cue token.
    cue: usize,
}

/// One quote as the strategies see it.
pub struct Site<'q> {
    /// Index of the quote among the document's quotes.
    index: usize,
    /// First token of the quote (its opening mark).
    first: usize,
    /// First token after the quote.
    end: usize,
    /// Paragraph of the first token.
    para: usize,
    /// The quoted words, marks excluded.
    inner: &'q str,
    /// `"…," X said` right after the quote: read by two strategies, so found once.
    adjacent: Option<Attribution>,
    /// A cue before the quote: read by two strategies, found at most once.
    before: OnceCell<Option<Attribution>>,
}

impl Site<'_> {
    fn before(&self, cx: &Context<'_, '_>) -> Option<Attribution> {
        *self.before.get_or_init(|| cx.before(self.first))
    }
}

/// Per-document context shared by the attribution steps.
pub struct Context<'a, 'd> {
    doc: &'a Document<'d>,
    lex: &'a Lexicon,
    /// The tokens in lower case.
    lowered: &'a Lowered,
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
/// The quote's text without trailing space and closing marks of quotes nested at its end.
fn inner_end(inner: &str) -> &str {
    inner.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '\'' | '"' | '\u{2019}' | '\u{201D}'))
}

impl<'a, 'd> Context<'a, 'd> {
    /// Indexes the tokens of `doc` by quote and paragraph.
    pub fn new(doc: &'a Document<'d>, lex: &'a Lexicon, lowered: &'a Lowered, quotes: &[Marked]) -> Self {
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
            if !starts[i] && !prev_opens && t.newlines_before == 0 && doc.is_capitalised(i) {
                mid_caps.insert(doc.token_text(i));
            }
        }
        Context {
            doc,
            lex,
            lowered,
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

    pub(super) fn text(&self, i: usize) -> &'d str {
        self.doc.token_text(i)
    }

    /// True when token `j` ends a sentence: `.`/`!`/`?` followed by space (not "R-Ky.)").
    pub(super) fn terminal(&self, j: usize) -> bool {
        is_terminal(self.text(j)) && self.doc.tokens.get(j + 1).is_none_or(|t| t.space_before)
    }

    pub(super) fn lower(&self, i: usize) -> &'a str {
        self.lowered.get(i)
    }

    /// Attributes every quote: the [`CHAIN`], then inheritance for quotes it leaves without a
    /// speaker, then the backward pass.
    pub fn attribute(&self, quotes: &[Marked], names: &mut Names) -> Vec<Quote> {
        let mut out = Vec::with_capacity(quotes.len());
        let mut last: Option<inherit::Last> = None;
        for (index, m) in quotes.iter().enumerate() {
            let first = self.doc.token_at_or_after(m.span.start);
            let end = self.doc.token_at_or_after(m.span.end);
            let inner = m.inner.slice(self.doc.text);
            let site = Site {
                index,
                first,
                end,
                para: self.para.get(first).copied().unwrap_or(0),
                inner,
                adjacent: self.after_adjacent(inner, first, end),
                before: OnceCell::new(),
            };
            let mut q = Quote {
                span: m.span,
                kind: QuoteKind::Speech,
                speaker: None,
                speaker_entity: None,
                speaker_span: None,
                cue: None,
                speaker_gender: Default::default(),
                rule: QuoteRule::Unattributed,
            };
            // A quote run on from the one before it (`…football. "Italy…`) is that speaker's unless
            // it is signed itself (`"…," he said`): a cue after it belongs to the next sentence.
            // One cut off by such a run-on has no words after it that could sign it.
            let run_on = m.continues && last.as_ref().is_some_and(|l| l.index + 1 == index);
            let cut = !m.closed && quotes.get(index + 1).is_some_and(|n| n.continues);
            let allowed = |rule: QuoteRule| match rule {
                _ if run_on => rule == QuoteRule::Tight,
                QuoteRule::Before | QuoteRule::PreviousSentence => true,
                _ => !cut,
            };
            match self.chain(&site, allowed) {
                Some((rule, a)) => {
                    let cueless = self.doc.tokens[a.cue].kind != TokenKind::Word;
                    let colon = self.text(a.cue) == ":";
                    // A term of one to three words with no speech verb and no one named to say it
                    // ("The firm will issue new "identifiers"") is a scare quote; a person's
                    // (`Clinton supports "appropriate pay raises"`) stays their words, and so does
                    // one the sentence relays as someone's (`portrayed it as a "workplace" issue`).
                    // A capitalised word names a speaker only as the phrase's head: "The new Halo
                    // game features "photo mode"" names a product, not someone who speaks.
                    let head = a.end - 1;
                    let named = (a.first..a.end).any(|j| self.person[j])
                        || self.mid_caps.contains(self.text(head))
                        || self.lex.pronoun(self.lower(head)).is_some_and(|p| p.is_personal());
                    let short_term = rule == QuoteRule::Cueless && inner.split_whitespace().count() <= 3 && !named;
                    let relayed = short_term && self.relayed_term(first);
                    let term = short_term && !relayed;
                    // A relayed term is the words of whoever relays it, not of the clause's subject.
                    let a = if relayed {
                        self.relaying_speaker(first).unwrap_or(a)
                    } else {
                        a
                    };
                    let title = title_like(inner)
                        && !sentence_like(inner)
                        && (self.title_context(first) || (cueless && !colon));
                    if title || term {
                        q.kind = QuoteKind::Scare;
                        q.rule = if title { QuoteRule::Title } else { QuoteRule::Scare };
                    } else {
                        self.resolve(&mut q, a, names);
                        q.rule = rule;
                    }
                }
                None => self.inherit(&site, &mut q, last.as_ref(), &out, names),
            }
            if q.kind == QuoteKind::Speech && q.speaker.is_some() {
                // A quote running over paragraphs hands its speaker on from the paragraph it ends in.
                let end_para = self
                    .para
                    .get(end.saturating_sub(1))
                    .copied()
                    .unwrap_or(site.para)
                    .max(site.para);
                last = Some(inherit::Last {
                    para: end_para,
                    index,
                    quote: q.clone(),
                });
            }
            out.push(q);
        }
        self.inherit_from_next(&mut out);
        out
    }

    /// The first strategy of [`CHAIN`] that is `allowed` here and finds a plausible speaker phrase.
    fn chain(&self, site: &Site<'_>, allowed: impl Fn(QuoteRule) -> bool) -> Option<(QuoteRule, Attribution)> {
        // Every strategy gives a non-empty phrase; the check keeps a slip from ever slicing backwards.
        let ok = |a: &Attribution| a.first < a.end && a.end <= self.doc.tokens.len() && self.plausible_speaker(a);
        CHAIN
            .iter()
            .filter(|&&(rule, _)| allowed(rule))
            .find_map(|&(rule, strategy)| strategy(self, site).filter(ok).map(|a| (rule, a)))
    }
}
