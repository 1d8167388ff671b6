//! Speakers for quotes the chain leaves without one: inheritance from an earlier quote or the
//! previous paragraph (`quote/inherited-split`, `quote/inherited-floating`,
//! `quote/previous-paragraph`), the backward pass (`quote/inherited-next`), and the fallbacks
//! `quote/unattributed` and `quote/scare`.

use super::kind::{sentence_like, title_like};
use super::{Context, Site};
use crate::annotation::{Quote, QuoteKind, QuoteRule};
use crate::quotes::names::Names;
use crate::text::TokenKind;

/// The last quote that had a speaker.
pub(super) struct Last {
    /// The paragraph it ends in.
    pub para: usize,
    /// Its index among the document's quotes.
    pub index: usize,
    /// The quote.
    pub quote: Quote,
}

/// Copies the speaker, mention and cue of `from` onto `to`.
fn take_speaker(to: &mut Quote, from: &Quote) {
    to.speaker = from.speaker.clone();
    to.speaker_entity = from.speaker_entity;
    to.speaker_span = from.speaker_span;
    to.cue = from.cue.clone();
}

impl Context<'_, '_> {
    /// A quote with no cue of its own: the second part of a split quote (`"A," he said. "B."`)
    /// takes the speaker of the quote before it in the paragraph, a floating quote (a paragraph
    /// that opens with a quote) that of the previous paragraph's quote or of the person that
    /// paragraph is about. A short phrase with no speech context is a scare quote.
    pub(super) fn inherit(
        &self,
        site: &Site<'_>,
        q: &mut Quote,
        last: Option<&Last>,
        out: &[Quote],
        names: &mut Names,
    ) {
        let first = site.first;
        // `a so-called "denial of service" attack`: a label's term is no one's words, whoever spoke before.
        if first > 0 && !sentence_like(site.inner) && self.lex.naming_words.contains(self.lower(first - 1)) {
            q.kind = QuoteKind::Scare;
            q.rule = QuoteRule::Scare;
            return;
        }
        let starts_para = first == 0 || self.doc.tokens.get(first).is_some_and(|t| t.newlines_before > 0);
        // Titles in between (`Trump told NBC's "Today." "I could…"`) do not break the chain.
        let same_para = |l: &Last| {
            l.para == site.para
                && (l.index + 1..site.index).all(|k| out.get(k).is_none_or(|o: &Quote| o.kind == QuoteKind::Scare))
        };
        let floating = |l: &Last| starts_para && site.para <= l.para + 1 && sentence_like(site.inner);
        if let Some(l) = last {
            if same_para(l) {
                take_speaker(q, &l.quote);
                q.rule = QuoteRule::InheritedSplit;
                return;
            }
            if floating(l) {
                take_speaker(q, &l.quote);
                q.rule = QuoteRule::InheritedFloating;
                return;
            }
        }
        if starts_para && sentence_like(site.inner) && !title_like(site.inner) {
            if let Some(a) = self.previous_paragraph_subject(first, names) {
                self.resolve(q, a, names);
                q.rule = QuoteRule::PreviousParagraph;
                return;
            }
        }
        if !sentence_like(site.inner) || title_like(site.inner) {
            q.kind = QuoteKind::Scare;
            q.rule = QuoteRule::Scare;
        }
    }

    /// The backward pass, `"A." "B," he said.`: a quote with no speaker right before an attributed
    /// one in the same paragraph (nothing but punctuation between) is the same speaker's.
    pub(super) fn inherit_from_next(&self, out: &mut [Quote]) {
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
                let (head, tail) = out.split_at_mut(qi + 1);
                take_speaker(&mut head[qi], &tail[0]);
                head[qi].rule = QuoteRule::InheritedNext;
            }
        }
    }
}
