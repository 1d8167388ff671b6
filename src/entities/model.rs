//! The tagger's weights and greedy decoding. Weights are a flat table of int8 rows, one row of
//! [`NTAGS`] weights per hashed feature bucket; the file embedded in the crate stores only the
//! non-zero rows, one field after another in separate streams (see [`Model::to_bytes`]), and the
//! table is rebuilt once in [`Model::from_bytes`].
//! The int8 codes are mu-law companded ([`code_to_weight`]): perceptron weights span four orders
//! of magnitude, and a linear int8 scale either loses the small ones or clips the large ones.

use super::features::{self, TokenFeatures};
use super::tags::{self, NTAGS, O};

const MAGIC: &[u8; 6] = b"NMNER2";

/// Trained, quantised tagger weights.
#[derive(Debug, Clone)]
pub struct Model {
    mask: u32,
    /// The int8 codes as stored in the file.
    weights: Vec<i8>,
    scale: f32,
    /// The same weights expanded once to linear int16 (finer than the codes) and packed two tags
    /// to a word ([`Row`]), so scoring is plain integer adds with no table lookup in the hot loop;
    /// one fixed-size row per bucket, so the adds unroll.
    linear: Vec<Row>,
}

/// Words in a packed row: two tags to each 64-bit word.
const LANES: usize = NTAGS.div_ceil(2);

/// One bucket's weights, two tags to a `u64` (tag `t` in bits `32 * (t % 2)..` of word `t / 2`),
/// each weight stored plus [`LANE_BIAS`]. The biased weights are positive and under 2^16, so a sum
/// of fewer than 2^16 of them stays inside its 32-bit lane: adding whole words adds both tags'
/// weights at once (the wasm build has no SIMD), and the bias is taken off once per token.
type Row = [u64; LANES];

/// Added to every int16 weight in a [`Row`] so that no lane is negative.
const LANE_BIAS: u64 = 1 << 15;

/// The int16 unit: the largest weight maps to this.
const LINEAR_MAX: f32 = 32_000.0;

const MU: f32 = 255.0;

/// Perceptron scores are margins, not log-probabilities; dividing by this before the softmax
/// keeps the shown confidence from saturating at 1.00 for every mention.
const TEMPERATURE: f32 = 4.0;

/// The weight an int8 code stands for, given the model's largest weight `scale`.
pub fn code_to_weight(code: i8, scale: f32) -> f32 {
    let k = (code as f32).abs() / 127.0;
    let v = scale * (((1.0 + MU).ln() * k).exp() - 1.0) / MU;
    if code < 0 {
        -v
    } else {
        v
    }
}

/// The int8 code nearest to weight `w` (0 for anything that rounds to zero).
pub fn weight_to_code(w: f32, scale: f32) -> i8 {
    let k = (1.0 + MU * (w.abs() / scale).min(1.0)).ln() / (1.0 + MU).ln();
    let c = (k * 127.0).round() as i8;
    if w < 0.0 {
        -c
    } else {
        c
    }
}

fn linear(weights: &[i8], scale: f32) -> Vec<Row> {
    // Each code's int16 weight, biased: |weight| <= LINEAR_MAX < LANE_BIAS.
    let mut lut = [0u64; 256];
    for (b, x) in lut.iter_mut().enumerate() {
        let w = (code_to_weight(b as u8 as i8, scale) / scale * LINEAR_MAX).round() as i16;
        *x = (i64::from(w) + LANE_BIAS as i64) as u64;
    }
    weights
        .chunks_exact(NTAGS)
        .map(|row| {
            std::array::from_fn(|k| {
                let lane = |t: usize| row.get(t).map_or(0, |&c| lut[c as u8 as usize]);
                lane(2 * k) | lane(2 * k + 1) << 32
            })
        })
        .collect()
}

/// A running sum of packed rows: the scores of one token.
#[derive(Debug, Clone, Copy, Default)]
struct Sum {
    words: Row,
    /// How many rows were added, each carrying one [`LANE_BIAS`] per lane.
    rows: u32,
}

impl Sum {
    /// The score of every tag.
    fn scores(&self) -> [i32; NTAGS] {
        let bias = i64::from(self.rows) * LANE_BIAS as i64;
        std::array::from_fn(|t| {
            let lane = (self.words[t / 2] >> (32 * (t % 2))) as u32;
            (i64::from(lane) - bias) as i32
        })
    }
}

/// One decoded token: its tag and the model's probability for it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Decision {
    /// The chosen tag.
    pub tag: usize,
    /// Softmax probability of that tag among all tags (0–1); 1 for the O tag, whose probability
    /// is never shown.
    pub prob: f32,
}

impl Model {
    /// Builds a model from a dense table of `NTAGS << bits` int8 weights and their scale.
    pub fn new(bits: u32, weights: Vec<i8>, scale: f32) -> Option<Model> {
        if !(8..=24).contains(&bits) || weights.len() != NTAGS << bits {
            return None;
        }
        Some(Model {
            mask: (1u32 << bits) - 1,
            linear: linear(&weights, scale),
            weights,
            scale,
        })
    }

    /// An empty model (every token outside): used if the embedded file is unreadable.
    pub fn empty() -> Model {
        Model {
            mask: 0xff,
            weights: vec![0; NTAGS << 8],
            scale: 1.0,
            linear: linear(&[0; NTAGS << 8], 1.0),
        }
    }

    /// Serialises the non-zero rows: magic, bits (u8), scale (f32 LE), row count (u32 LE), then
    /// four streams of one field each, row after row: the bucket as a LEB128 delta from the
    /// previous row's, the low and the high byte of a u16 mask of the tags with a non-zero weight,
    /// and those int8 weights. Like values next to like values is what gzip (the page's wasm is
    /// served gzipped) compresses well: 15% smaller than the same fields row by row.
    pub fn to_bytes(&self) -> Vec<u8> {
        let bits = (self.mask + 1).trailing_zeros() as u8;
        let rows: Vec<usize> = (0..=self.mask as usize)
            .filter(|&b| self.weights[b * NTAGS..(b + 1) * NTAGS].iter().any(|&w| w != 0))
            .collect();
        let (mut deltas, mut lo, mut hi, mut codes) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
        let mut last = 0usize;
        for &b in &rows {
            let mut d = b - last;
            last = b;
            loop {
                let byte = (d & 0x7f) as u8;
                d >>= 7;
                if d == 0 {
                    deltas.push(byte);
                    break;
                }
                deltas.push(byte | 0x80);
            }
            let row = &self.weights[b * NTAGS..(b + 1) * NTAGS];
            let mut m = 0u16;
            for (t, &w) in row.iter().enumerate() {
                if w != 0 {
                    m |= 1 << t;
                }
            }
            let [l, h] = m.to_le_bytes();
            lo.push(l);
            hi.push(h);
            codes.extend(row.iter().filter(|&&w| w != 0).map(|&w| w as u8));
        }
        let mut out = Vec::new();
        out.extend_from_slice(MAGIC);
        out.push(bits);
        out.extend_from_slice(&self.scale.to_le_bytes());
        out.extend_from_slice(&(rows.len() as u32).to_le_bytes());
        for stream in [deltas, lo, hi, codes] {
            out.extend_from_slice(&stream);
        }
        out
    }

    /// Reads a model written by [`Model::to_bytes`]; `None` if the bytes are malformed.
    pub fn from_bytes(bytes: &[u8]) -> Option<Model> {
        let rest = bytes.strip_prefix(MAGIC.as_slice())?;
        let bits = *rest.first()? as u32;
        let scale = f32::from_le_bytes(rest.get(1..5)?.try_into().ok()?);
        let rows = u32::from_le_bytes(rest.get(5..9)?.try_into().ok()?) as usize;
        if !(8..=24).contains(&bits) {
            return None;
        }
        let size = 1usize << bits;
        if rows > size {
            return None;
        }
        // The bucket deltas first: their length is known only once all are read.
        let mut pos = 9;
        let mut buckets = Vec::with_capacity(rows);
        let mut bucket = 0usize;
        for _ in 0..rows {
            let mut d = 0usize;
            let mut shift = 0;
            loop {
                let byte = *rest.get(pos)?;
                pos += 1;
                d |= ((byte & 0x7f) as usize) << shift;
                shift += 7;
                if byte & 0x80 == 0 {
                    break;
                }
                if shift > 28 {
                    return None;
                }
            }
            bucket += d;
            if bucket >= size {
                return None;
            }
            buckets.push(bucket);
        }
        let lo = rest.get(pos..pos + rows)?;
        let hi = rest.get(pos + rows..pos + 2 * rows)?;
        let mut code = pos + 2 * rows;
        let mut weights = vec![0i8; NTAGS * size];
        for (k, &b) in buckets.iter().enumerate() {
            let m = u16::from_le_bytes([lo[k], hi[k]]);
            for t in 0..NTAGS {
                if m & (1 << t) != 0 {
                    weights[b * NTAGS + t] = *rest.get(code)? as i8;
                    code += 1;
                }
            }
        }
        if code != rest.len() {
            return None;
        }
        Model::new(bits, weights, scale)
    }

    /// Adds the weights of `features` to `sum`.
    #[inline]
    fn add(&self, features: &[u32], sum: &mut Sum) {
        // The table has a power of two rows (`mask + 1`): masking by its length less one gives
        // the same row and lets the compiler drop the bounds check from the loop.
        let rows = self.linear.as_slice();
        let Some(mask) = rows.len().checked_sub(1) else {
            return;
        };
        // Summed in a local copy the compiler keeps in registers.
        let mut s = *sum;
        for &f in features {
            for (w, r) in s.words.iter_mut().zip(&rows[f as usize & mask]) {
                *w = w.wrapping_add(*r);
            }
        }
        s.rows += features.len() as u32;
        *sum = s;
    }

    /// Tags every token greedily, left to right, each decision seeing the two previous tags.
    /// No tag is forbidden here (training sees the same unconstrained choice; forbidding tags
    /// there makes unreachable gold tags pull weights without bound). When the tagger continues a
    /// name with an inside tag of another class ("Barack" ORG, then "Obama" inside a person's
    /// name), the name keeps the later word's class: that word saw more of the name, and in
    /// English the last word heads it. The words after are then tagged after that class.
    /// A token for which `outside` holds is tagged O unscored when the previous token is O: most
    /// of an article's words are such tokens, and scoring them is most of the tagger's time.
    pub fn decode(&self, x: &impl TokenFeatures, outside: impl Fn(usize) -> bool) -> Vec<Decision> {
        let mut out: Vec<Decision> = Vec::with_capacity(x.count());
        // The features that read only the previous two tags weigh the same at every token: their
        // weights are summed once per pair of tags met.
        let mut by_tags = [[None::<Sum>; NTAGS]; NTAGS];
        let mut own: Vec<u32> = Vec::with_capacity(64);
        let (mut p1, mut p2) = (O, O);
        for i in 0..x.count() {
            let d = if p1 == O && outside(i) {
                Decision { tag: O, prob: 1.0 }
            } else {
                let mut sum = *by_tags[p1][p2].get_or_insert_with(|| {
                    let mut sum = Sum::default();
                    self.add(&features::tag_features(p1, p2), &mut sum);
                    sum
                });
                own.clear();
                x.features(i, &mut own);
                self.add(&own, &mut sum);
                self.add(&x.word_tag_features(i, p1), &mut sum);
                self.choose(&sum.scores())
            };
            out.push(d);
            if d.tag != O && !tags::is_begin(d.tag) && p1 != O && tags::class_of(p1) != tags::class_of(d.tag) {
                one_class(&mut out);
            }
            p2 = if i > 0 { out[i - 1].tag } else { O };
            p1 = out[i].tag;
        }
        out
    }

    fn choose(&self, scores: &[i32; NTAGS]) -> Decision {
        let mut best = O;
        for t in 0..NTAGS {
            if scores[t] > scores[best] {
                best = t;
            }
        }
        if best == O {
            // Only entity tokens show a confidence; skipping the softmax here saves most exp() calls.
            return Decision { tag: O, prob: 1.0 };
        }
        let unit = self.scale / LINEAR_MAX / TEMPERATURE;
        let top = scores[best];
        let z: f32 = scores.iter().map(|&s| ((s - top) as f32 * unit).exp()).sum();
        Decision {
            tag: best,
            prob: if z > 0.0 { 1.0 / z } else { 1.0 },
        }
    }
}

/// Gives the name that ends the tags so far (a B tag and the inside tags after it) the class and
/// the confidence of its last word.
fn one_class(out: &mut [Decision]) {
    let Some(&last) = out.last() else {
        return;
    };
    let Some(class) = tags::class_of(last.tag) else {
        return;
    };
    let e = out.len();
    let mut s = e - 1;
    while s > 0 && !tags::is_begin(out[s].tag) && out[s - 1].tag != O {
        s -= 1;
    }
    for (k, d) in out.iter_mut().enumerate().take(e).skip(s) {
        d.tag = if k == s {
            tags::begin(class)
        } else {
            tags::inside(class)
        };
        d.prob = last.prob;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_continued_in_another_class_takes_the_later_class() {
        use crate::entities::tags::{begin, inside, Class};
        let d = |tag, prob| Decision { tag, prob };
        let mut out = vec![d(O, 1.0), d(begin(Class::Org), 0.6), d(inside(Class::Per), 0.9)];
        one_class(&mut out);
        assert_eq!(out[0], d(O, 1.0));
        assert_eq!(out[1], d(begin(Class::Per), 0.9));
        assert_eq!(out[2], d(inside(Class::Per), 0.9));
    }

    #[test]
    fn packed_scores_equal_plain_sums_at_the_extremes() {
        // Two tags share a word: the largest and smallest weights, added hundreds of times, must
        // not leak from one tag's lane into the other's.
        let mut w = vec![0i8; NTAGS << 8];
        for t in 0..NTAGS {
            w[t] = if t % 2 == 0 { 127 } else { -127 };
            w[NTAGS + t] = -w[t];
        }
        let m = Model::new(8, w, 1.0).unwrap();
        let mut sum = Sum::default();
        m.add(&[0; 300], &mut sum);
        m.add(&[1; 7], &mut sum);
        let top = LINEAR_MAX as i32;
        for (t, &s) in sum.scores().iter().enumerate() {
            let x = if t % 2 == 0 { top } else { -top };
            assert_eq!(s, 293 * x, "tag {t}");
        }
    }

    #[test]
    fn serialisation_round_trips_and_rejects_garbage() {
        let mut w = vec![0i8; NTAGS << 8];
        w[5] = 7;
        w[NTAGS * 200 + 3] = -100;
        let m = Model::new(8, w.clone(), 0.5).unwrap();
        let back = Model::from_bytes(&m.to_bytes()).unwrap();
        assert_eq!(back.weights, w);
        assert_eq!(back.scale, 0.5);
        assert!(Model::from_bytes(b"NMNER2").is_none());
        for w in [0.001f32, 0.3, -0.49, 0.5] {
            let back = code_to_weight(weight_to_code(w, 0.5), 0.5);
            assert!((back - w).abs() <= 0.05 * w.abs() + 1e-4, "{w} -> {back}");
        }
        assert!(Model::from_bytes(&m.to_bytes()[..20]).is_none());
    }

    #[test]
    fn the_embedded_weights_are_in_the_format_the_trainer_writes() {
        // tools/train.sh writes model.bin with to_bytes: reading and writing it again must give
        // the same bytes, or the next training run would change the file's format.
        let bytes = include_bytes!("../../data/entities/model.bin");
        let model = Model::from_bytes(bytes).expect("the embedded model reads");
        assert!(model.weights.iter().any(|&w| w != 0));
        assert_eq!(model.to_bytes(), bytes.to_vec());
    }
}
