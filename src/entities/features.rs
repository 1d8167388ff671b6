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
        let [a, b] = tag_features(prev1, prev2);
        let [c, d] = self.word_tag_features(i, prev1);
        [a, b, c, d]
    }

    /// The dynamic features that read token `i` as well as the previous tag.
    pub fn word_tag_features(&self, i: usize, prev1: usize) -> [u32; 2] {
        word_tag_features(self.lower[i], self.shape[i], prev1)
    }
}

fn word_tag_features(lower: u32, shape: u32, prev1: usize) -> [u32; 2] {
    [
        pair(T_PREV_WORD, prev1 as u32, lower),
        pair(T_PREV_SHAPE, prev1 as u32, shape),
    ]
}

/// The dynamic features that read only the two previous tags (the same for every token, so the
/// decoder can sum their weights once per pair of tags).
pub fn tag_features(prev1: usize, prev2: usize) -> [u32; 2] {
    [pair(T_PREV, prev1 as u32, 0), pair(T_PREV2, prev1 as u32, prev2 as u32)]
}

fn pair(t: u8, a: u32, b: u32) -> u32 {
    let mut h = Fnv32::with(t);
    h.u32(a);
    h.u32(b);
    h.finish()
}

/// What the features read of one token's own text, found in one pass over it.
struct WordFacts {
    /// Hash of the lower-cased word, digits folded to `0`.
    lower: u32,
    /// The [`shape_hash`] of the word.
    shape: u32,
    /// Letters in the word (for telling lines in capitals).
    letters: u32,
    /// True when one of those letters is lower case.
    has_lower: bool,
}

impl WordFacts {
    fn of(w: &str) -> WordFacts {
        if !w.is_ascii() {
            let letters = w.chars().filter(|c| c.is_alphabetic()).count() as u32;
            return WordFacts {
                lower: lower_hash(w),
                shape: shape_hash(w),
                letters,
                has_lower: w.chars().any(|c| c.is_alphabetic() && c.is_lowercase()),
            };
        }
        // Most words are ASCII: the same hashes as the general functions, in one pass over the
        // bytes and without the Unicode case tables.
        let mut lower = Fnv32::default();
        let mut shape = Fnv32::with(T_SHAPE);
        let (mut prev, mut runs) = (0u8, 0);
        let (mut letters, mut has_lower) = (0, false);
        for b in w.bytes() {
            let class = match b {
                b'A'..=b'Z' => b'X',
                b'a'..=b'z' => b'x',
                b'0'..=b'9' => b'd',
                _ => b,
            };
            lower.byte(match class {
                b'd' => b'0',
                _ => b.to_ascii_lowercase(),
            });
            if class != prev && runs < 12 {
                shape.byte(class);
                prev = class;
                runs += 1;
            }
            letters += u32::from(b.is_ascii_alphabetic());
            has_lower |= class == b'x';
        }
        WordFacts {
            lower: lower.finish(),
            shape: shape.finish(),
            letters,
            has_lower,
        }
    }
}

fn lower_hash(w: &str) -> u32 {
    let mut h = Fnv32::default();
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

/// [`affix`] of an ASCII word's lower-cased bytes.
fn affix_ascii<'a>(template: u8, bytes: impl Iterator<Item = &'a u8>, k: usize) -> u32 {
    let mut h = Fnv32::with(template);
    h.byte(k as u8);
    for &b in bytes.take(k) {
        h.byte(b.to_ascii_lowercase());
    }
    h.finish()
}

#[inline]
fn combine<const N: usize>(template: u8, vals: [u32; N]) -> u32 {
    let mut h = Fnv32::with(template);
    for v in vals {
        h.u32(v);
    }
    h.finish()
}

/// Computes every tag-independent feature of every token (for training, which revisits them on
/// every pass). Linear in the number of tokens.
pub fn extract(doc: &Document, lex: &[TokenLex]) -> DocFeatures {
    let x = Extractor::new(doc, lex);
    let mut hashes = Vec::with_capacity(x.len() * 48);
    let mut starts = Vec::with_capacity(x.len() + 1);
    for i in 0..x.len() {
        starts.push(hashes.len() as u32);
        x.features(i, &mut hashes);
    }
    starts.push(hashes.len() as u32);
    DocFeatures {
        hashes,
        starts,
        lower: x.lower,
        shape: x.shape,
    }
}

/// Anything that gives each token's features: the precomputed [`DocFeatures`] (training) or the
/// on-demand [`Extractor`] (annotation).
pub trait TokenFeatures {
    /// Number of tokens.
    fn count(&self) -> usize;
    /// Appends the tag-independent features of token `i` to `out`.
    fn features(&self, i: usize, out: &mut Vec<u32>);
    /// The dynamic features that read token `i` as well as the previous tag.
    fn word_tag_features(&self, i: usize, prev1: usize) -> [u32; 2];
}

impl TokenFeatures for DocFeatures {
    fn count(&self) -> usize {
        self.len()
    }
    fn features(&self, i: usize, out: &mut Vec<u32>) {
        out.extend_from_slice(self.of(i));
    }
    fn word_tag_features(&self, i: usize, prev1: usize) -> [u32; 2] {
        DocFeatures::word_tag_features(self, i, prev1)
    }
}

impl TokenFeatures for Extractor<'_> {
    fn count(&self) -> usize {
        self.len()
    }
    fn features(&self, i: usize, out: &mut Vec<u32>) {
        Extractor::features(self, i, out);
    }
    fn word_tag_features(&self, i: usize, prev1: usize) -> [u32; 2] {
        Extractor::word_tag_features(self, i, prev1)
    }
}

/// What the features of any token read of the whole document, computed once; a token's own
/// features are then computed on demand ([`Extractor::features`]), so that the decoder can skip
/// the tokens it does not need to score.
pub struct Extractor<'a> {
    doc: &'a Document<'a>,
    lex: &'a [TokenLex],
    sent_first: Vec<bool>,
    sent_of: Vec<usize>,
    lower: Vec<u32>,
    shape: Vec<u32>,
    caps_line: Vec<bool>,
    seen_lower: HashSet<u32, PassThroughBuild>,
    seen_cap_mid: HashSet<u32, PassThroughBuild>,
    bias: u32,
}

impl<'a> Extractor<'a> {
    /// Reads the document-wide facts: sentences, each word's hashes, lines in capitals, and
    /// which words the document writes in lower case or capitalised mid-sentence.
    pub fn new(doc: &'a Document<'a>, lex: &'a [TokenLex]) -> Extractor<'a> {
        let n = doc.tokens.len();
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
        let facts: Vec<WordFacts> = (0..n).map(|i| WordFacts::of(doc.token_text(i))).collect();
        let lower: Vec<u32> = facts.iter().map(|f| f.lower).collect();
        let shape: Vec<u32> = facts.iter().map(|f| f.shape).collect();
        // A line with letters and no lower-case letter (headlines, datelines): capitalisation says
        // nothing there, so the tagger gets to know it.
        let mut caps_line = vec![false; n];
        let mut i = 0;
        while i < n {
            let mut j = i + 1;
            while j < n && doc.tokens[j].newlines_before == 0 {
                j += 1;
            }
            let letters: u32 = facts[i..j].iter().map(|f| f.letters).sum();
            if letters >= 2 && !facts[i..j].iter().any(|f| f.has_lower) {
                caps_line[i..j].iter_mut().for_each(|x| *x = true);
            }
            i = j;
        }
        // Document evidence: a word seen in lower case elsewhere is probably a common word; one
        // seen capitalised mid-sentence (outside caps lines) is probably a name.
        // Sized once for every token: growing them rehashed each several times per article.
        let mut seen_lower: HashSet<u32, PassThroughBuild> = HashSet::with_capacity_and_hasher(n, Default::default());
        let mut seen_cap_mid: HashSet<u32, PassThroughBuild> =
            HashSet::with_capacity_and_hasher(n / 4, Default::default());
        for k in 0..n {
            let t = &doc.tokens[k];
            if t.kind != TokenKind::Word {
                continue;
            }
            if doc.token_text(k).chars().next().is_some_and(char::is_lowercase) {
                seen_lower.insert(lower[k]);
            } else if t.capitalised && !sent_first[k] && !caps_line[k] {
                seen_cap_mid.insert(lower[k]);
            }
        }
        Extractor {
            doc,
            lex,
            sent_first,
            sent_of,
            lower,
            shape,
            caps_line,
            seen_lower,
            seen_cap_mid,
            bias: Fnv32::with(T_BIAS).finish(),
        }
    }

    fn len(&self) -> usize {
        self.lower.len()
    }

    /// The dynamic features that read token `i` as well as the previous tag.
    pub fn word_tag_features(&self, i: usize, prev1: usize) -> [u32; 2] {
        word_tag_features(self.lower[i], self.shape[i], prev1)
    }

    /// Appends the tag-independent features of token `i` to `hashes`.
    pub fn features(&self, i: usize, hashes: &mut Vec<u32>) {
        let (doc, lex, n) = (self.doc, self.lex, self.len());
        let (lower, shape, sent_of) = (&self.lower, &self.shape, &self.sent_of);
        let w = doc.token_text(i);
        let s = sent_of[i];
        // Which neighbours are in the same sentence; outside it, the features see sentinels.
        let at = |k: Option<usize>| k.filter(|&k| k < n && sent_of[k] == s);
        let (l2, l1, r1, r2) = (
            at(i.checked_sub(2)),
            at(i.checked_sub(1)),
            at(Some(i + 1)),
            at(Some(i + 2)),
        );
        let ctx = |k: Option<usize>, outside: u32| k.map_or(outside, |k| lower[k]);
        let (ctx_l2, ctx_l1, ctx_r1, ctx_r2) = (ctx(l2, BOS), ctx(l1, BOS), ctx(r1, EOS), ctx(r2, EOS));
        let sh = |k: Option<usize>| k.map_or(BOS, |k| shape[k]);
        let (sh_l1, sh_r1) = (sh(l1), sh(r1));
        let (li, shi) = (lower[i], shape[i]);
        let cap = if doc.tokens[i].kind == TokenKind::Word {
            doc.tokens[i].capitalised
        } else {
            is_capitalised(w)
        };
        // Feeding each char's UTF-8 bytes is feeding the word's bytes.
        let mut word = Fnv32::with(T_WORD);
        for b in w.bytes() {
            word.byte(b);
        }
        hashes.extend_from_slice(&[
            self.bias,
            word.finish(),
            combine(T_LOWER, [li]),
            combine(T_BIGRAM_L, [ctx_l1, li]),
            combine(T_BIGRAM_R, [li, ctx_r1]),
            shi,
        ]);
        // Affixes read the lower-cased word.
        if w.is_ascii() {
            let b = w.as_bytes();
            for k in 1..=3 {
                if b.len() > k {
                    hashes.push(affix_ascii(T_PREFIX, b.iter(), k));
                }
            }
            for k in 2..=4 {
                if b.len() > k {
                    hashes.push(affix_ascii(T_SUFFIX, b.iter().rev(), k));
                }
            }
        } else {
            let low: Vec<char> = w.chars().flat_map(char::to_lowercase).collect();
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
        }
        let first = self.sent_first[i] as u32;
        let line_first = (doc.tokens[i].newlines_before > 0 || i == 0) as u32;
        let caps = self.caps_line[i] as u32;
        let sl = self.seen_lower.contains(&li) as u32;
        let sc = self.seen_cap_mid.contains(&li) as u32;
        hashes.extend_from_slice(&[
            combine(T_CTX, [1, ctx_l2]),
            combine(T_CTX, [2, ctx_l1]),
            combine(T_CTX, [3, ctx_r1]),
            combine(T_CTX, [4, ctx_r2]),
            combine(T_CTX_SHAPE, [ctx_l1, shi]),
            combine(T_CTX_SHAPE, [shi, ctx_r1, 1]),
            combine(T_SHAPE_L, [sh_l1, shi]),
            combine(T_SHAPE_R, [shi, sh_r1]),
            combine(T_SHAPE_3, [sh_l1, shi, sh_r1]),
            combine(T_POSITION, [first, line_first, caps, shi]),
            combine(T_DOC, [cap as u32, sl, sc, first, caps]),
        ]);
        let m = lex[i];
        let prev = if i > 0 { lex[i - 1].classes() } else { 0 };
        let next = if i + 1 < n { lex[i + 1].classes() } else { 0 };
        // Only the classes present here or next door: most tokens are in no list.
        let mut present = (m.classes() | prev | next) & ((1u32 << LEX_CLASSES) - 1);
        while present != 0 {
            let c = present.trailing_zeros();
            let bit = 1u32 << c;
            present &= present - 1;
            if m.begin & bit != 0 {
                hashes.push(combine(T_LEX, [c, 0]));
                hashes.push(combine(T_LEX_CAP, [c, cap as u32, first, caps]));
            }
            if m.inside & bit != 0 {
                hashes.push(combine(T_LEX, [c, 1]));
            }
            if prev & bit != 0 {
                hashes.push(combine(T_LEX_L, [c]));
            }
            if next & bit != 0 {
                hashes.push(combine(T_LEX_R, [c]));
            }
        }
        // Word classes from unlabelled text: the word's at three granularities, its neighbours'.
        let wc = m.class;
        let mid = wc.mid as u32;
        let fine_at = |k: Option<usize>| k.map_or(u32::MAX, |k| lex[k].class.fine as u32);
        let mid_at = |k: Option<usize>| k.map_or(u32::MAX, |k| lex[k].class.mid as u32);
        let (mid_l1, fine_l1, fine_r1) = (mid_at(l1), fine_at(l1), fine_at(r1));
        hashes.extend_from_slice(&[
            combine(T_CLASS, [0, wc.fine as u32]),
            combine(T_CLASS, [1, mid]),
            combine(T_CLASS, [2, wc.coarse as u32]),
            combine(T_CLASS_SHAPE, [mid, shi]),
            combine(T_CLASS_CTX, [4, mid_l1, mid_at(r1)]),
            combine(T_CLASS_CTX, [5, mid_at(l2), mid_l1]),
            combine(T_CLASS_CTX, [0, fine_l1]),
            combine(T_CLASS_CTX, [1, fine_r1]),
            combine(T_CLASS_CTX, [2, fine_l1, mid]),
            combine(T_CLASS_CTX, [3, mid, fine_r1]),
        ]);
        // A capitalised word that is not a common word and not sentence-initial is a strong name cue.
        if cap && m.begin & LexClass::Common.bit() == 0 {
            hashes.push(combine(T_LEX_CAP, [99, first, caps]));
        }
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
