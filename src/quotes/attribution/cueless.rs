//! `quote/cueless`: a partial quote with no speech verb is the words of its clause's subject.

use super::{Attribution, Context, Site};

/// `quote/cueless`: `Clinton supports "appropriate pay raises"`.
pub(super) fn cueless(cx: &Context<'_, '_>, site: &Site<'_>) -> Option<Attribution> {
    cx.cueless(site.first)
}

impl Context<'_, '_> {
    /// A partial quote with no speech verb (`Clinton supports "appropriate pay raises"`) is the
    /// words of the clause's subject, unless a label introduces it ("so-called", "dubbed").
    pub(super) fn cueless(&self, first: usize) -> Option<Attribution> {
        if first == 0 || first >= self.doc.tokens.len() || self.doc.tokens[first].newlines_before > 0 {
            return None;
        }
        let floor = self.clause_floor(first);
        if floor == first || self.lex.naming_words.contains(self.lower(first - 1)) {
            return None;
        }
        // "Calling Ross "exactly the partner I need," Mrs. Clinton upbraided…": a sentence-initial
        // participle phrase; its subject follows the phrase.
        let t = self.text(floor);
        if self.doc.is_capitalised(floor) && t.ends_with("ing") && !self.mid_caps.contains(t) {
            let end = self.doc.token_at_or_after(self.doc.tokens[first].span.start);
            let mut j = end;
            while j < self.doc.tokens.len() && self.quote_of[j] == self.quote_of[first] {
                j += 1;
            }
            if j < self.doc.tokens.len() && self.text(j) == "," {
                j += 1;
            }
            let s = j;
            while j < self.doc.tokens.len() && j < s + 5 && self.doc.is_capitalised(j) {
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
}
