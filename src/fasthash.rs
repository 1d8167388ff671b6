//! A fast, non-cryptographic hasher for the crate's internal maps and sets (FxHash-style: rotate,
//! xor, multiply, eight bytes at a time). std's default SipHash is built to resist hash flooding
//! from untrusted keys and costs several times more per short key; here keys are words of one
//! article or entries of our own tables, and the annotator is CPU-bound on these lookups.
//! Iteration order differs from std's, so nothing may depend on it (nothing here does).

use std::hash::{BuildHasherDefault, Hasher};

/// `std::collections::HashMap` with [`FastHasher`]; build with `HashMap::default()`.
pub type HashMap<K, V> = std::collections::HashMap<K, V, BuildHasherDefault<FastHasher>>;

/// `std::collections::HashSet` with [`FastHasher`]; build with `HashSet::default()`.
pub type HashSet<K> = std::collections::HashSet<K, BuildHasherDefault<FastHasher>>;

/// The shapes of a set's words: for each pair of first and last byte, the lengths that occur. A
/// word whose shape no entry has is not in the set, told without hashing it; a word list asked
/// about every token of a text turns most of them away here ("the", "to" and "year" have the
/// shape of no speech verb).
#[derive(Debug, Clone)]
pub struct WordShapes {
    /// Bit `min(len, 31)` of slot [`WordShapes::slot`] for each word.
    lengths: Box<[u32; SHAPE_SLOTS]>,
}

/// Slots of a [`WordShapes`] (first and last byte folded together; distinct pairs may share one).
const SHAPE_SLOTS: usize = 1024;

impl WordShapes {
    /// The shapes of `words`.
    pub fn new<'a>(words: impl IntoIterator<Item = &'a str>) -> WordShapes {
        let mut shapes = WordShapes {
            lengths: Box::new([0; SHAPE_SLOTS]),
        };
        for w in words {
            if let Some((slot, bit)) = Self::slot(w) {
                shapes.lengths[slot] |= bit;
            }
        }
        shapes
    }

    /// False when no word of the set has the shape of `w` (so `w` is not in it).
    #[inline]
    pub fn may_hold(&self, w: &str) -> bool {
        Self::slot(w).is_some_and(|(slot, bit)| self.lengths[slot] & bit != 0)
    }

    #[inline]
    fn slot(w: &str) -> Option<(usize, u32)> {
        let b = w.as_bytes();
        let (&first, &last) = (b.first()?, b.last()?);
        let slot = ((usize::from(first) << 5) ^ usize::from(last)) % SHAPE_SLOTS;
        Some((slot, 1 << b.len().min(31)))
    }
}

/// The multiplier of rustc-hash 2 (odd, with well-spread bits).
const K: u64 = 0xf135_7aea_2e62_a9c5;

/// FxHash-style hasher state.
#[derive(Debug, Clone, Copy, Default)]
pub struct FastHasher {
    hash: u64,
}

impl FastHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(K);
    }
}

impl Hasher for FastHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            self.add(u64::from_le_bytes(w));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            // The same little-endian word as copying the bytes into a zeroed [u8; 8], assembled
            // in registers: a copy of a slice of unknown length is a call to memcpy, which cost
            // more than the hashing for the short words that are most keys.
            let w = rest.iter().rev().fold(0u64, |w, &b| (w << 8) | u64::from(b));
            // The length keeps "ab" and "ab\0" apart.
            self.add(w ^ ((rest.len() as u64) << 59));
        }
    }

    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(i as u64);
    }

    #[inline]
    fn write_u16(&mut self, i: u16) {
        self.add(i as u64);
    }

    #[inline]
    fn write_u32(&mut self, i: u32) {
        self.add(i as u64);
    }

    #[inline]
    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }

    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    #[inline]
    fn finish(&self) -> u64 {
        // hashbrown takes the bucket from the low bits and a tag from the top seven; the product
        // has its entropy in the high bits, so rotate some of it down.
        self.hash.rotate_left(26)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_find_what_was_inserted_and_similar_keys_differ() {
        let mut m: HashMap<&str, usize> = HashMap::default();
        let words = ["a", "ab", "ab\0", "abcdefgh", "abcdefghi", "", "Pence", "pence"];
        for (i, w) in words.iter().enumerate() {
            m.insert(w, i);
        }
        for (i, w) in words.iter().enumerate() {
            assert_eq!(m.get(w), Some(&i));
        }
        // A short tail hashes as its bytes zero-padded to a little-endian word.
        let mut h = FastHasher::default();
        h.write(b"abcdefghijk");
        let mut expected = FastHasher::default();
        expected.add(u64::from_le_bytes(*b"abcdefgh"));
        expected.add(u64::from_le_bytes([b'i', b'j', b'k', 0, 0, 0, 0, 0]) ^ (3 << 59));
        assert_eq!(h.finish(), expected.finish());
        let shapes = WordShapes::new(words);
        assert!(
            words.iter().filter(|w| !w.is_empty()).all(|w| shapes.may_hold(w)),
            "no word of the set is turned away"
        );
        assert!(!shapes.may_hold("Pencf") && !shapes.may_hold("pences") && !shapes.may_hold(""));
        let s: HashSet<u64> = (0..1000u64).map(|x| x << 32).collect();
        assert_eq!(s.len(), 1000);
        assert!(s.contains(&(999 << 32)) && !s.contains(&1));
    }
}
