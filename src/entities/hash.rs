//! Stable hashing for features and lexicon lookups. FNV-1a is used because it is fixed across
//! platforms, runs and builds: the trained weights are indexed by these hashes, so a seeded hasher
//! would silently break the model.

const FNV32_OFFSET: u32 = 0x811c_9dc5;
const FNV32_PRIME: u32 = 0x0100_0193;
const FNV64_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV64_PRIME: u64 = 0x0000_0100_0000_01b3;

/// An incremental 32-bit FNV-1a hash.
#[derive(Debug, Clone, Copy)]
pub struct Fnv32(pub u32);

impl Default for Fnv32 {
    fn default() -> Self {
        Fnv32(FNV32_OFFSET)
    }
}

impl Fnv32 {
    /// A hash started with a feature template id, so equal strings in different templates differ.
    pub fn with(template: u8) -> Self {
        let mut h = Fnv32::default();
        h.byte(template);
        h
    }

    /// Feeds one byte.
    #[inline]
    pub fn byte(&mut self, b: u8) {
        self.0 = (self.0 ^ b as u32).wrapping_mul(FNV32_PRIME);
    }

    /// Feeds the UTF-8 bytes of a char.
    #[inline]
    pub fn char(&mut self, c: char) {
        if c.is_ascii() {
            self.byte(c as u8);
            return;
        }
        let mut buf = [0u8; 4];
        for &b in c.encode_utf8(&mut buf).as_bytes() {
            self.byte(b);
        }
    }

    /// Feeds a whole u32 in one step (FNV-style xor-multiply on the word; the final mix in
    /// [`Fnv32::finish`] spreads it): combining feature values is the hot loop of the tagger.
    #[inline]
    pub fn u32(&mut self, v: u32) {
        self.0 = (self.0 ^ v).wrapping_mul(FNV32_PRIME);
        self.0 ^= self.0 >> 15;
    }

    /// The final hash, with the bits mixed so that masking to a table size spreads well.
    #[inline]
    pub fn finish(self) -> u32 {
        let mut h = self.0;
        h ^= h >> 16;
        h = h.wrapping_mul(0x85eb_ca6b);
        h ^= h >> 13;
        h = h.wrapping_mul(0xc2b2_ae35);
        h ^ (h >> 16)
    }
}

/// 64-bit FNV-1a over the lower-cased chars of `s`, continuing from `h`.
pub fn fnv64_lower(mut h: u64, s: &str) -> u64 {
    // Byte by byte while the text is ASCII (nearly every token, to its end): no chars decoded.
    for (k, &b) in s.as_bytes().iter().enumerate() {
        if !b.is_ascii() {
            return fnv64_lower_chars(h, s.get(k..).unwrap_or_default());
        }
        h = (h ^ b.to_ascii_lowercase() as u64).wrapping_mul(FNV64_PRIME);
    }
    h
}

/// [`fnv64_lower`] char by char, from the first non-ASCII char on.
fn fnv64_lower_chars(mut h: u64, s: &str) -> u64 {
    for c in s.chars() {
        // Same bytes as the general path below, without the case tables.
        if c.is_ascii() {
            h = (h ^ c.to_ascii_lowercase() as u64).wrapping_mul(FNV64_PRIME);
            continue;
        }
        for l in c.to_lowercase() {
            let mut buf = [0u8; 4];
            for &b in l.encode_utf8(&mut buf).as_bytes() {
                h = (h ^ b as u64).wrapping_mul(FNV64_PRIME);
            }
        }
    }
    h
}

/// The start value of a 64-bit FNV-1a hash.
pub fn fnv64_start() -> u64 {
    FNV64_OFFSET
}

/// A `Hasher` for keys that are already well-mixed hashes: it passes them through, so the hash
/// maps keyed by lexicon and feature hashes do no second (SipHash) hashing.
#[derive(Debug, Default, Clone, Copy)]
pub struct PassThrough(u64);

impl std::hash::Hasher for PassThrough {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ b as u64).wrapping_mul(FNV64_PRIME);
        }
    }

    fn write_u64(&mut self, v: u64) {
        self.0 = v;
    }

    fn write_u32(&mut self, v: u32) {
        self.0 = (v as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    }
}

/// Build hasher for [`PassThrough`].
pub type PassThroughBuild = std::hash::BuildHasherDefault<PassThrough>;

/// Combines a phrase hash with the next word's hash (word hashes come from [`fnv64_lower`]).
pub fn phrase_step(h: u64, word: u64) -> u64 {
    (h ^ word).wrapping_mul(FNV64_PRIME).rotate_left(29)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_are_stable_across_runs_and_platforms() {
        // Known FNV-1a values: the model file depends on them never changing.
        let mut h = Fnv32::default();
        for b in b"a" {
            h.byte(*b);
        }
        assert_eq!(h.0, 0xe40c_292c);
        assert_eq!(fnv64_lower(fnv64_start(), "A"), 0xaf63_dc4c_8601_ec8c);
        // A word that turns non-ASCII part-way hashes as its lower case, bytes and chars alike.
        assert_eq!(fnv64_lower(fnv64_start(), "ZOË"), fnv64_lower(fnv64_start(), "zoë"));
        assert_ne!(fnv64_lower(fnv64_start(), "Zoë"), fnv64_lower(fnv64_start(), "Zoe"));
    }
}
