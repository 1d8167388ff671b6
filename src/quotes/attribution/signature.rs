//! `quote/signature-below`: a quote alone in its paragraph, signed by the next one.

use super::{Attribution, Context, Site};

/// `quote/signature-below`: `"…"` alone in its paragraph, then `- Sanders.` (the fact-check layout).
pub(super) fn signature_below(cx: &Context<'_, '_>, site: &Site<'_>) -> Option<Attribution> {
    cx.signature_below(site.first, site.end)
}

impl Context<'_, '_> {
    /// `"…"` alone in its paragraph, signed by the next one: `- Sanders.` or `— Hillary Clinton, in a
    /// debate` (the fact-check layout).
    pub(super) fn signature_below(&self, first: usize, end: usize) -> Option<Attribution> {
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
            || !self.doc.is_capitalised(k + 1)
        {
            return None;
        }
        let mut e = k + 1;
        while e < n && e < k + 6 && self.doc.is_capitalised(e) && self.doc.tokens[e].newlines_before == 0 {
            e += 1;
        }
        let closes = e >= n || self.doc.tokens[e].newlines_before > 0 || matches!(self.text(e), "." | ",");
        closes.then_some(Attribution {
            first: k + 1,
            end: e,
            cue: k,
        })
    }
}
