//! Averaged-perceptron training for the tagger (used by `src/bin/train-entities.rs`, never by the
//! build). It decodes greedily exactly as `Model::decode` does, with the same features, so what
//! is learned is what runs.

use super::features::{self, DocFeatures};
use super::lexicon::Lexicons;
use super::model::{weight_to_code, Model};
use super::tags::{self, Class, NTAGS, O};
use crate::text::Document;

/// One training or evaluation document: its features and gold tags.
pub struct Example {
    /// Tag-independent features.
    pub features: DocFeatures,
    /// Gold tag of every token.
    pub gold: Vec<usize>,
}

/// Converts gold code-point spans to per-token BIO tags on the crate's tokens. Returns the tags
/// and how many gold spans could not be aligned to token boundaries.
pub fn align(doc: &Document, spans: &[(usize, usize, Class)]) -> (Vec<usize>, usize) {
    // code point -> byte offset
    let mut byte_of: Vec<usize> = doc.text.char_indices().map(|(b, _)| b).collect();
    byte_of.push(doc.text.len());
    let mut gold = vec![O; doc.tokens.len()];
    let mut missed = 0;
    for &(s, e, c) in spans {
        let (Some(&bs), Some(&be)) = (byte_of.get(s), byte_of.get(e)) else {
            missed += 1;
            continue;
        };
        let first = doc.token_at_or_after(bs);
        let mut k = first;
        let mut exact_end = false;
        while k < doc.tokens.len() && doc.tokens[k].span.end <= be {
            gold[k] = if k == first { tags::begin(c) } else { tags::inside(c) };
            exact_end = doc.tokens[k].span.end == be;
            k += 1;
        }
        if k == first || !exact_end || doc.tokens[first].span.start != bs {
            missed += 1;
        }
    }
    (gold, missed)
}

/// Builds an example from a text and its gold spans (code points).
pub fn example(lex: &Lexicons, text: &str, spans: &[(usize, usize, Class)]) -> (Example, usize) {
    let doc = Document::new(text);
    let (gold, missed) = align(&doc, spans);
    let features = features::extract(&doc, &lex.annotate(&doc));
    (Example { features, gold }, missed)
}

/// An averaged perceptron over hashed features.
pub struct Trainer {
    bits: u32,
    w: Vec<f32>,
    // Sum of (step * update), so that the average is w - u / steps (no per-weight timestamps).
    u: Vec<f32>,
    steps: f32,
}

impl Trainer {
    /// A trainer with `1 << bits` feature buckets.
    pub fn new(bits: u32) -> Self {
        let n = NTAGS << bits;
        Trainer {
            bits,
            w: vec![0.0; n],
            u: vec![0.0; n],
            steps: 1.0,
        }
    }

    fn scores(&self, feats: &[u32], dynamic: &[u32]) -> [f32; NTAGS] {
        let mask = (1u32 << self.bits) - 1;
        let mut s = [0.0f32; NTAGS];
        for &f in feats.iter().chain(dynamic) {
            let b = (f & mask) as usize * NTAGS;
            for (x, &w) in s.iter_mut().zip(&self.w[b..b + NTAGS]) {
                *x += w;
            }
        }
        s
    }

    fn update(&mut self, feats: &[u32], dynamic: &[u32], tag: usize, delta: f32) {
        let mask = (1u32 << self.bits) - 1;
        for &f in feats.iter().chain(dynamic) {
            let k = (f & mask) as usize * NTAGS + tag;
            self.w[k] += delta;
            self.u[k] += self.steps * delta;
        }
    }

    /// One pass over one document; returns the number of wrongly tagged tokens. With
    /// probability `dropout` per token, the features naming the word itself are left out.
    pub fn learn(&mut self, ex: &Example, dropout: f32, rng: &mut u64) -> usize {
        let (mut p1, mut p2) = (O, O);
        let mut errors = 0;
        let mut buf: Vec<u32> = Vec::with_capacity(64);
        for i in 0..ex.gold.len() {
            let all = ex.features.of(i);
            let mut dynamic = ex.features.dynamic(i, p1, p2);
            *rng ^= *rng << 13;
            *rng ^= *rng >> 7;
            *rng ^= *rng << 17;
            let drop = ((*rng >> 40) as f32 / (1u64 << 24) as f32) < dropout;
            let feats: &[u32] = if drop && all.len() >= features::IDENTITY.end {
                buf.clear();
                buf.extend_from_slice(&all[..features::IDENTITY.start]);
                buf.extend_from_slice(&all[features::IDENTITY.end..]);
                // A feature hash nothing else uses stands in for the dropped one.
                dynamic[features::DYNAMIC_IDENTITY] = 0;
                &buf
            } else {
                all
            };
            let s = self.scores(feats, &dynamic);
            let mut best = O;
            for t in 0..NTAGS {
                if s[t] > s[best] {
                    best = t;
                }
            }
            let gold = ex.gold[i];
            if best != gold {
                errors += 1;
                self.update(feats, &dynamic, gold, 1.0);
                self.update(feats, &dynamic, best, -1.0);
            }
            self.steps += 1.0;
            p2 = p1;
            p1 = best;
        }
        errors
    }

    /// The averaged weights.
    pub fn averaged(&self) -> Vec<f32> {
        self.w.iter().zip(&self.u).map(|(w, u)| w - u / self.steps).collect()
    }

    /// Quantises averaged weights to mu-law int8 codes; weights below `prune` (absolute) become zero.
    pub fn quantise(&self, prune: f32) -> Model {
        let avg = self.averaged();
        let scale = avg.iter().fold(0.0f32, |m, w| m.max(w.abs())).max(1e-6);
        let q: Vec<i8> = avg
            .iter()
            .map(|&w| if w.abs() < prune { 0 } else { weight_to_code(w, scale) })
            .collect();
        Model::new(self.bits, q, scale).unwrap_or_else(Model::empty)
    }
}

/// Entity-level precision, recall and F1 (exact spans and class) of a model on examples.
pub fn evaluate(model: &Model, examples: &[Example]) -> (f64, f64, f64) {
    let (mut tp, mut np, mut ng) = (0usize, 0usize, 0usize);
    for ex in examples {
        let pred: Vec<usize> = model.decode(&ex.features, |_| false).iter().map(|d| d.tag).collect();
        let p = spans(&pred);
        let g = spans(&ex.gold);
        np += p.len();
        ng += g.len();
        tp += p.iter().filter(|s| g.contains(s)).count();
    }
    let prec = tp as f64 / np.max(1) as f64;
    let rec = tp as f64 / ng.max(1) as f64;
    let f = if prec + rec > 0.0 {
        2.0 * prec * rec / (prec + rec)
    } else {
        0.0
    };
    (prec, rec, f)
}

/// Token ranges and tags of the entities in a BIO sequence.
pub fn spans(t: &[usize]) -> Vec<(usize, usize, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < t.len() {
        if t[i] == O {
            i += 1;
            continue;
        }
        let c = tags::class_of(t[i]).map(|c| c as usize).unwrap_or(0);
        let s = i;
        i += 1;
        while i < t.len() && t[i] == tags::inside(Class::ALL[c]) {
            i += 1;
        }
        out.push((s, i, c));
    }
    out
}
