//! The mentions while the document rules run, and the one index they share: which mention covers
//! each token. The index is kept here, not rebuilt by each rule, so the rules stay linear on long
//! texts and agree on what "covered" means.

use crate::annotation::{EntityLabel, EntityRule};
use crate::entities::model::Decision;
use crate::entities::tags::{self, Class};
use std::ops::Index;

/// A mention as a token range while decisions are still being made.
#[derive(Debug, Clone)]
pub(super) struct Mention {
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// Its label so far.
    pub label: EntityLabel,
    /// The tagger's confidence while its label stands.
    pub confidence: Option<f32>,
    /// The rule that last decided the label, or joined the mention with a neighbour.
    pub rule: EntityRule,
    /// The same decision in words, for the reader (exported as `reason`).
    pub reason: String,
}

impl Mention {
    /// A mention a rule found, so without a model confidence.
    pub fn by_rule(start: usize, end: usize, label: EntityLabel, rule: EntityRule, reason: String) -> Mention {
        Mention {
            start,
            end,
            label,
            confidence: None,
            rule,
            reason,
        }
    }

    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// A rule decides the label: it replaces the tagger's confidence and the earlier reason.
    pub fn decide(&mut self, label: EntityLabel, rule: EntityRule, reason: String) {
        self.label = label;
        self.confidence = None;
        self.rule = rule;
        self.reason = reason;
    }
}

/// No mention covers the token.
const NONE: usize = usize::MAX;

/// The mentions of one document, and for each token the mention that covers it.
pub(super) struct Mentions {
    list: Vec<Mention>,
    /// Number of tokens in the document.
    tokens: usize,
    /// `owner[i]`: index in `list` of the last mention covering token `i`, or [`NONE`]. Valid only
    /// while `stale` is false; built on the first query (many texts never ask) and rebuilt on the
    /// next query after spans moved or the list reordered.
    owner: Vec<usize>,
    stale: bool,
}

impl Index<usize> for Mentions {
    type Output = Mention;

    fn index(&self, k: usize) -> &Mention {
        &self.list[k]
    }
}

impl Mentions {
    /// The tagger's spans: a B tag (or a stray I tag) and the I tags of its class after it.
    pub fn from_tags(tokens: usize, decisions: &[Decision]) -> Mentions {
        let mut out = Vec::new();
        let mut i = 0;
        let n = decisions.len().min(tokens);
        while i < n {
            let Some(c) = tags::class_of(decisions[i].tag) else {
                i += 1;
                continue;
            };
            let s = i;
            i += 1;
            while i < n && decisions[i].tag == tags::inside(c) {
                i += 1;
            }
            let conf = decisions[s..i].iter().map(|d| d.prob).fold(1.0f32, f32::min);
            out.push(Mention {
                start: s,
                end: i,
                label: label_of(c),
                confidence: Some(conf),
                rule: EntityRule::Model,
                reason: model_reason(conf),
            });
        }
        Mentions {
            list: out,
            tokens,
            owner: Vec::new(),
            stale: true,
        }
    }

    /// Number of mentions.
    pub fn len(&self) -> usize {
        self.list.len()
    }

    /// The mentions in their current order.
    pub fn iter(&self) -> std::slice::Iter<'_, Mention> {
        self.list.iter()
    }

    /// The mentions, to change labels, spans or order; the index is rebuilt when next asked.
    pub fn iter_mut(&mut self) -> std::slice::IterMut<'_, Mention> {
        self.stale = true;
        self.list.iter_mut()
    }

    /// The list itself, for rules that merge, split or drop mentions; the index is rebuilt when next asked.
    pub fn edit(&mut self) -> &mut Vec<Mention> {
        self.stale = true;
        &mut self.list
    }

    /// A rule decides mention `k`'s label; its span, and so the index, stay as they are.
    pub fn decide(&mut self, k: usize, label: EntityLabel, rule: EntityRule, reason: String) {
        self.list[k].decide(label, rule, reason);
    }

    /// Sorts by first token, keeping the order of mentions that start together.
    pub fn sort(&mut self) {
        if !self.list.is_sorted_by_key(|m| m.start) {
            self.list.sort_by_key(|m| m.start);
            self.stale = true;
        }
    }

    /// Adds mentions at the end.
    pub fn extend(&mut self, new: Vec<Mention>) {
        for m in new {
            if !self.stale {
                let k = self.list.len();
                self.owner[m.start..m.end].iter_mut().for_each(|o| *o = k);
            }
            self.list.push(m);
        }
    }

    /// Adds `new` in place of every mention it overlaps (in one pass over the list).
    pub fn replace_overlapping(&mut self, new: Vec<Mention>) {
        if new.is_empty() {
            return;
        }
        let mut taken = vec![false; self.tokens];
        for m in &new {
            taken[m.start..m.end].iter_mut().for_each(|t| *t = true);
        }
        self.list.retain(|m| !taken[m.start..m.end].iter().any(|&t| t));
        self.stale = true;
        self.list.extend(new);
    }

    /// The index of the (last) mention covering token `i`, if any.
    #[inline]
    pub fn owner(&mut self, i: usize) -> Option<usize> {
        if self.stale {
            self.reindex();
        }
        Some(self.owner[i]).filter(|&k| k != NONE)
    }

    /// True when a mention covers token `i`.
    #[inline]
    pub fn covered(&mut self, i: usize) -> bool {
        self.owner(i).is_some()
    }

    fn reindex(&mut self) {
        self.owner.clear();
        self.owner.resize(self.tokens, NONE);
        for (k, m) in self.list.iter().enumerate() {
            self.owner[m.start..m.end].iter_mut().for_each(|o| *o = k);
        }
        self.stale = false;
    }

    /// The mentions, for linking.
    pub fn into_vec(self) -> Vec<Mention> {
        self.list
    }
}

fn label_of(c: Class) -> EntityLabel {
    match c {
        Class::Per => EntityLabel::Person,
        Class::Org => EntityLabel::Org,
        Class::Loc => EntityLabel::Loc,
        Class::Misc => EntityLabel::Misc,
    }
}

/// "model 0.94": the confidence to two decimals, as `{:.2}` writes it (ties to even), without
/// the float formatter, which costs more than the rest of making a mention.
fn model_reason(conf: f32) -> String {
    if !(0.0..=1.0).contains(&conf) {
        return format!("model {conf:.2}");
    }
    // Exact: an f32 times 100 fits an f64's mantissa, so only true ties round to even.
    let c = (f64::from(conf) * 100.0).round_ties_even() as u32;
    // c is at most 100: one digit before the point, two after, written without the formatter.
    let digit = |d: u32| char::from(b'0' + (d % 10) as u8);
    let mut out = String::with_capacity(10);
    out.push_str("model ");
    out.extend([digit(c / 100), '.', digit(c / 10), digit(c)]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mention(start: usize, end: usize) -> Mention {
        Mention::by_rule(start, end, EntityLabel::Org, EntityRule::Model, String::new())
    }

    #[test]
    fn the_index_follows_every_change() {
        let mut ms = Mentions {
            list: vec![mention(0, 2), mention(4, 5)],
            tokens: 8,
            owner: Vec::new(),
            stale: true,
        };
        assert_eq!((ms.owner(1), ms.owner(2), ms.owner(4)), (Some(0), None, Some(1)));
        ms.extend(vec![mention(6, 8)]);
        assert_eq!(ms.owner(7), Some(2));
        ms.replace_overlapping(vec![mention(1, 3)]);
        assert_eq!((ms.covered(0), ms.owner(2), ms.owner(7)), (false, Some(2), Some(1)));
        ms.edit()[0].end = 6;
        assert!(ms.covered(5));
    }

    #[test]
    fn the_model_reason_shows_the_confidence_as_two_decimals_do() {
        // Ties go to even, as `{:.2}` rounds them; a spread of other values agrees too.
        for c in [0.0f32, 0.005, 0.125, 0.375, 0.625, 0.875, 0.994_999, 0.995, 1.0] {
            assert_eq!(super::model_reason(c), format!("model {c:.2}"));
        }
        for k in 0..=10_000u32 {
            let c = k as f32 / 10_000.0;
            assert_eq!(super::model_reason(c), format!("model {c:.2}"));
        }
    }
}
