//! Feature extraction for the tagger, shared by training (`src/bin/train-entities.rs`) and
//! inference so the two can never diverge. Every feature is a stable 32-bit hash of a template id
//! and its values; the model maps it to a row of per-tag weights. Features that do not depend on
//! the tags are computed once per token; the few that read the previous tags are computed while
//! decoding.

use super::hash::Fnv32;
use super::hash::PassThroughBuild;
use super::lexicon::{LexClass, TokenLex, LEX_CLASSES};
use crate::text::words::is_capitalised;
use crate::text::{Document, TokenKind};
use std::collections::HashSet;

// Template ids: changing any of them (or what they hash) requires retraining.
const T_BIAS: u8 = 0;
const T_WORD: u8 = 1;
const T_LOWER: u8 = 2;
const T_SHAPE: u8 = 3;
const T_PREFIX: u8 = 4;
const T_SUFFIX: u8 = 5;
const T_CTX: u8 = 6;
const T_SHAPE_L: u8 = 7;
const T_SHAPE_R: u8 = 8;
const T_SHAPE_3: u8 = 9;
const T_BIGRAM_L: u8 = 10;
const T_BIGRAM_R: u8 = 11;
const T_POSITION: u8 = 12;
const T_DOC: u8 = 13;
const T_LEX: u8 = 14;
const T_LEX_L: u8 = 15;
const T_LEX_R: u8 = 16;
const T_LEX_CAP: u8 = 17;
const T_CTX_SHAPE: u8 = 18;
const T_CLASS: u8 = 19;
const T_CLASS_CTX: u8 = 20;
const T_CLASS_SHAPE: u8 = 21;
const T_PREV: u8 = 40;
const T_PREV2: u8 = 41;
const T_PREV_WORD: u8 = 42;
const T_PREV_SHAPE: u8 = 43;

/// Sentinel word hashes outside the sentence.
const BOS: u32 = 0x5eed_0001;
const EOS: u32 = 0x5eed_0002;

/// Number of features that read previous tags.
pub const DYNAMIC: usize = 4;

/// Every token's static features start with the bias and then these many features that name
/// the word itself (word, lower case, the two bigrams); training drops them at random so the
/// model also learns to tag words it has never seen from shape, context and the word lists.
pub const IDENTITY: std::ops::Range<usize> = 1..5;

/// Index of the dynamic feature that names the word itself (dropped with the others).
pub const DYNAMIC_IDENTITY: usize = 2;

/// The precomputed, tag-independent features of one document.
#[derive(Debug, Clone, Default)]
pub struct DocFeatures {
    /// Feature hashes of every token, concatenated.
    pub hashes: Vec<u32>,
    /// Token `i`'s features are `hashes[starts[i]..starts[i + 1]]`.
    pub starts: Vec<u32>,
    lower: Vec<u32>,
    shape: Vec<u32>,
}

impl DocFeatures {
    /// The static features of token `i`.
    pub fn of(&self, i: usize) -> &[u32] {
        &self.hashes[self.starts[i] as usize..self.starts[i + 1] as usize]
    }

    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.lower.len()
    }

    /// True when there are no tokens.
    pub fn is_empty(&self) -> bool {
        self.lower.is_empty()
    }

    /// The features of token `i` that read the two previous tags.
    pub fn dynamic(&self, i: usize, prev1: usize, prev2: usize) -> [u32; DYNAMIC] {
        let f = |t: u8, a: u32, b: u32| {
            let mut h = Fnv32::with(t);
            h.u32(a);
            h.u32(b);
            h.finish()
        };
        [
            f(T_PREV, prev1 as u32, 0),
            f(T_PREV2, prev1 as u32, prev2 as u32),
            f(T_PREV_WORD, prev1 as u32, self.lower[i]),
            f(T_PREV_SHAPE, prev1 as u32, self.shape[i]),
        ]
    }
}

fn lower_hash(w: &str) -> u32 {
    let mut h = Fnv32::default();
    if w.is_ascii() {
        // The same bytes as the general path below, without the case tables.
        for b in w.bytes() {
            h.byte(if b.is_ascii_digit() {
                b'0'
            } else {
                b.to_ascii_lowercase()
            });
        }
        return h.finish();
    }
    for c in w.chars() {
        if c.is_ascii_digit() {
            h.byte(b'0');
        } else {
            for l in c.to_lowercase() {
                h.char(l);
            }
        }
    }
    h.finish()
}

fn shape_class(c: char) -> char {
    if c.is_uppercase() {
        'X'
    } else if c.is_lowercase() {
        'x'
    } else if c.is_numeric() {
        'd'
    } else {
        c
    }
}

/// "Pence" -> "Xx", "U.S." -> "X.X.", "EU-wide" -> "X-x", "1996-08-22" -> "d-d-d" (runs collapsed).
fn shape_hash(w: &str) -> u32 {
    let mut h = Fnv32::with(T_SHAPE);
    let mut prev = '\0';
    let mut n = 0;
    for c in w.chars().map(shape_class) {
        if c != prev {
            h.char(c);
            prev = c;
            n += 1;
            if n >= 12 {
                break;
            }
        }
    }
    h.finish()
}

fn affix<'a>(template: u8, chars: impl Iterator<Item = &'a char>, k: usize) -> u32 {
    let mut h = Fnv32::with(template);
    h.byte(k as u8);
    for &c in chars.take(k) {
        h.char(c);
    }
    h.finish()
}

fn combine(template: u8, vals: &[u32]) -> u32 {
    let mut h = Fnv32::with(template);
    for &v in vals {
        h.u32(v);
    }
    h.finish()
}

/// Computes every tag-independent feature of every token. Linear in the number of tokens.
pub fn extract(doc: &Document, lex: &[TokenLex]) -> DocFeatures {
    let n = doc.tokens.len();
    let mut lower = Vec::with_capacity(n);
    let mut shape = Vec::with_capacity(n);
    let mut sent_first = vec![false; n];
    let mut sent_of = vec![0usize; n];
    for (s, r) in doc.sentences.iter().enumerate() {
        if r.start < n {
            sent_first[r.start] = true;
        }
        for x in sent_of.iter_mut().take(r.end.min(n)).skip(r.start) {
            *x = s;
        }
    }
    for i in 0..n {
        let w = doc.token_text(i);
        lower.push(lower_hash(w));
        shape.push(shape_hash(w));
    }
    // A line with letters and no lower-case letter (headlines, datelines): capitalisation says
    // nothing there, so the tagger gets to know it.
    let mut caps_line = vec![false; n];
    let mut i = 0;
    while i < n {
        let mut j = i + 1;
        while j < n && doc.tokens[j].newlines_before == 0 {
            j += 1;
        }
        let mut letters = 0;
        let mut lowers = 0;
        for k in i..j {
            for c in doc.token_text(k).chars() {
                if c.is_alphabetic() {
                    letters += 1;
                    if c.is_lowercase() {
                        lowers += 1;
                    }
                }
            }
        }
        if letters >= 2 && lowers == 0 {
            caps_line[i..j].iter_mut().for_each(|x| *x = true);
        }
        i = j;
    }
    // Document evidence: a word seen in lower case elsewhere is probably a common word; one seen
    // capitalised mid-sentence (outside caps lines) is probably a name.
    let mut seen_lower: HashSet<u32, PassThroughBuild> = HashSet::default();
    let mut seen_cap_mid: HashSet<u32, PassThroughBuild> = HashSet::default();
    for k in 0..n {
        if doc.tokens[k].kind != TokenKind::Word {
            continue;
        }
        let w = doc.token_text(k);
        if w.chars().next().is_some_and(char::is_lowercase) {
            seen_lower.insert(lower[k]);
        } else if is_capitalised(w) && !sent_first[k] && !caps_line[k] {
            seen_cap_mid.insert(lower[k]);
        }
    }

    let mut hashes = Vec::with_capacity(n * 48);
    let mut low: Vec<char> = Vec::with_capacity(32);
    let mut starts = Vec::with_capacity(n + 1);
    for i in 0..n {
        starts.push(hashes.len() as u32);
        let w = doc.token_text(i);
        let s = sent_of[i];
        let ctx = |k: isize| -> u32 {
            if k < 0 {
                return BOS;
            }
            let k = k as usize;
            if k >= n || sent_of[k] != s {
                if k < i {
                    BOS
                } else {
                    EOS
                }
            } else {
                lower[k]
            }
        };
        let sh = |k: isize| -> u32 {
            if k < 0 || k as usize >= n || sent_of[k as usize] != s {
                BOS
            } else {
                shape[k as usize]
            }
        };
        let ii = i as isize;
        let cap = is_capitalised(w);
        hashes.push(Fnv32::with(T_BIAS).finish());
        // Feeding each char's UTF-8 bytes is feeding the word's bytes.
        let mut h = Fnv32::with(T_WORD);
        for b in w.bytes() {
            h.byte(b);
        }
        hashes.push(h.finish());
        hashes.push(combine(T_LOWER, &[lower[i]]));
        hashes.push(combine(T_BIGRAM_L, &[ctx(ii - 1), lower[i]]));
        hashes.push(combine(T_BIGRAM_R, &[lower[i], ctx(ii + 1)]));
        hashes.push(shape[i]);
        // Affixes read the lower-cased word, made once per token in a reused buffer.
        low.clear();
        if w.is_ascii() {
            low.extend(w.bytes().map(|b| char::from(b.to_ascii_lowercase())));
        } else {
            low.extend(w.chars().flat_map(char::to_lowercase));
        }
        let nchars = low.len();
        for k in 1..=3 {
            if nchars > k {
                hashes.push(affix(T_PREFIX, low.iter(), k));
            }
        }
        for k in 2..=4 {
            if nchars > k {
                hashes.push(affix(T_SUFFIX, low.iter().rev(), k));
            }
        }
        for (slot, d) in [(1u32, -2isize), (2, -1), (3, 1), (4, 2)] {
            hashes.push(combine(T_CTX, &[slot, ctx(ii + d)]));
        }
        hashes.push(combine(T_CTX_SHAPE, &[ctx(ii - 1), shape[i]]));
        hashes.push(combine(T_CTX_SHAPE, &[shape[i], ctx(ii + 1), 1]));
        hashes.push(combine(T_SHAPE_L, &[sh(ii - 1), shape[i]]));
        hashes.push(combine(T_SHAPE_R, &[shape[i], sh(ii + 1)]));
        hashes.push(combine(T_SHAPE_3, &[sh(ii - 1), shape[i], sh(ii + 1)]));
        let first = sent_first[i] as u32;
        let line_first = (doc.tokens[i].newlines_before > 0 || i == 0) as u32;
        hashes.push(combine(T_POSITION, &[first, line_first, caps_line[i] as u32, shape[i]]));
        let sl = seen_lower.contains(&lower[i]) as u32;
        let sc = seen_cap_mid.contains(&lower[i]) as u32;
        hashes.push(combine(T_DOC, &[cap as u32, sl, sc, first, caps_line[i] as u32]));
        let m = lex[i];
        let prev = if i > 0 { lex[i - 1].begin | lex[i - 1].inside } else { 0 };
        let next = if i + 1 < n {
            lex[i + 1].begin | lex[i + 1].inside
        } else {
            0
        };
        // Only the classes present here or next door: most tokens are in no list.
        let mut present = (m.begin | m.inside | prev | next) & ((1u32 << LEX_CLASSES) - 1);
        while present != 0 {
            let c = present.trailing_zeros() as usize;
            let bit = 1u32 << c;
            present &= present - 1;
            if m.begin & bit != 0 {
                hashes.push(combine(T_LEX, &[c as u32, 0]));
                hashes.push(combine(T_LEX_CAP, &[c as u32, cap as u32, first, caps_line[i] as u32]));
            }
            if m.inside & bit != 0 {
                hashes.push(combine(T_LEX, &[c as u32, 1]));
            }
            if prev & bit != 0 {
                hashes.push(combine(T_LEX_L, &[c as u32]));
            }
            if next & bit != 0 {
                hashes.push(combine(T_LEX_R, &[c as u32]));
            }
        }
        // Word classes from unlabelled text: the word's at three granularities, its neighbours'.
        let wc = m.class;
        hashes.push(combine(T_CLASS, &[0, wc.fine as u32]));
        hashes.push(combine(T_CLASS, &[1, wc.mid as u32]));
        hashes.push(combine(T_CLASS, &[2, wc.coarse as u32]));
        hashes.push(combine(T_CLASS_SHAPE, &[wc.mid as u32, shape[i]]));
        let class_at = |k: isize| -> u32 {
            if k < 0 || k as usize >= n || sent_of[k as usize] != s {
                u32::MAX
            } else {
                lex[k as usize].class.fine as u32
            }
        };
        let mid_at = |k: isize| -> u32 {
            if k < 0 || k as usize >= n || sent_of[k as usize] != s {
                u32::MAX
            } else {
                lex[k as usize].class.mid as u32
            }
        };
        hashes.push(combine(T_CLASS_CTX, &[4, mid_at(ii - 1), mid_at(ii + 1)]));
        hashes.push(combine(T_CLASS_CTX, &[5, mid_at(ii - 2), mid_at(ii - 1)]));
        hashes.push(combine(T_CLASS_CTX, &[0, class_at(ii - 1)]));
        hashes.push(combine(T_CLASS_CTX, &[1, class_at(ii + 1)]));
        hashes.push(combine(T_CLASS_CTX, &[2, class_at(ii - 1), wc.mid as u32]));
        hashes.push(combine(T_CLASS_CTX, &[3, wc.mid as u32, class_at(ii + 1)]));
        // A capitalised word that is not a common word and not sentence-initial is a strong name cue.
        if cap && m.begin & LexClass::Common.bit() == 0 {
            hashes.push(combine(T_LEX_CAP, &[99, first, caps_line[i] as u32]));
        }
    }
    starts.push(hashes.len() as u32);
    DocFeatures {
        hashes,
        starts,
        lower,
        shape,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::lexicon::Lexicons;

    #[test]
    fn same_text_gives_same_features_and_context_changes_them() {
        let lex = Lexicons::new();
        let a = Document::new("Mike Pence met Kim.");
        let b = Document::new("Mike Pence met Moon.");
        let fa = extract(&a, &lex.annotate(&a));
        let fa2 = extract(&a, &lex.annotate(&a));
        let fb = extract(&b, &lex.annotate(&b));
        assert_eq!(fa.hashes, fa2.hashes);
        assert_eq!(fa.of(0)[..4], fb.of(0)[..4]);
        assert_ne!(fa.of(2), fb.of(2));
        assert_eq!(fa.len(), 5);
    }
}
