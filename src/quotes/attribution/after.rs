//! Cues after the quote: `quote/tight`, `quote/after-adjacent` and `quote/after-later`.

use super::{inner_end, Attribution, Context, Site, AFTER_WINDOW, MAX_PHRASE};

/// `quote/tight`: `"…," X said` right after a quote that ends in `,`, `!`, `?` or a dash, with the
/// cue within ten tokens. It beats a cue earlier in the sentence, unless the cue after the quote
/// has a clause of its own (`"…," one of the prosecutors said the two cases were different`) and
/// a speaker earlier in the sentence owns the quote.
pub(super) fn tight(cx: &Context<'_, '_>, site: &Site<'_>) -> Option<Attribution> {
    let adjacent = site.adjacent;
    let reports_other = adjacent.is_some_and(|a| a.first < a.cue && cx.takes_complement(a.cue));
    adjacent.filter(|a| {
        a.cue < site.end + 10
            && inner_end(site.inner).ends_with([',', '!', '?', '\u{2014}'])
            && !(reports_other && site.before(cx).is_some())
    })
}

/// `quote/after-adjacent`: `"…" X said`, `"…" said X`, `"…" according to X` right after the
/// closing mark, when neither the tight form nor a cue before the quote applied.
pub(super) fn adjacent(_cx: &Context<'_, '_>, site: &Site<'_>) -> Option<Attribution> {
    site.adjacent
}

/// `quote/after-later`: a cue later in the sentence (`Clinton "drew well" in 2008, said professor
/// Paul Beck`).
pub(super) fn later(cx: &Context<'_, '_>, site: &Site<'_>) -> Option<Attribution> {
    cx.after_later(site.inner, site.end)
}

impl Context<'_, '_> {
    /// True when token `i` starts a new sentence after the quote that ends at token `end`:
    /// the quote ended in `.`/`!`/`?` and a capitalised word follows.
    pub(super) fn sentence_ended(&self, inner: &str, end: usize) -> bool {
        let t = inner_end(inner);
        t.ends_with(['.', '!', '?', '\u{2026}']) && end < self.doc.tokens.len() && self.doc.is_capitalised(end)
    }

    /// `"…," said X` / `"…," X said` / `"…," according to X`, right after the closing mark.
    pub(super) fn after_adjacent(&self, inner: &str, first: usize, end: usize) -> Option<Attribution> {
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
            || (self.is_cue(k) && k + 1 < n && self.doc.is_capitalised(k + 1));
        // `"…" Clinton tweeted`: a name and a cue right after the quote attribute it anyway.
        // The words up to the cue stay in one clause; `Grubbs said. "…"` may end the sentence after it.
        let named_next = self.doc.is_capitalised(k)
            && (k + 1..(k + 5).min(n))
                .any(|j| self.is_cue(j) && (k..j).all(|m| self.quote_of[m].is_none() && !self.terminal(m)));
        if !ends_clause && !named_next {
            return None;
        }
        // `"…" ― Karen Smith`: a dash and a name closing the paragraph sign the quote.
        if matches!(self.text(k), "\u{2015}" | "\u{2014}" | "\u{2013}" | "-")
            && k + 1 < n
            && self.doc.is_capitalised(k + 1)
        {
            let mut e = k + 1;
            while e < n && e < k + 6 && self.doc.is_capitalised(e) && self.doc.tokens[e].newlines_before == 0 {
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
                // `"A," Bush said. "B." The US has said it is committed …`: a new sentence whose
                // verb reports a clause of its own is not the attribution of a quote in mid-paragraph.
                if new_sentence && self.takes_complement(j) && self.doc.tokens[first].newlines_before == 0 && first > 0
                {
                    return None;
                }
                return self
                    .subject_before(j, k)
                    .filter(|&(f, _)| !new_sentence || f == k)
                    // `"…," giving states more power`: a lone gerund is no subject ("states" is no cue).
                    .filter(|&(f, e)| !(e == f + 1 && !self.doc.is_capitalised(f) && self.text(f).ends_with("ing")))
                    .map(|(f, e)| Attribution {
                        first: f,
                        end: e,
                        cue: j,
                    });
            }
        }
        None
    }

    /// A cue later in the sentence after a mid-sentence quote: `Clinton "drew well" in 2008, said
    /// professor Paul Beck` / `…, Beck said` / `according to X`. The speaker must start a clause.
    pub(super) fn after_later(&self, inner: &str, end: usize) -> Option<Attribution> {
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
}
