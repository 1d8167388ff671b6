//! Word classes learned from unlabelled news text (`data/entities/clusters.txt`, built by
//! `tools/build_clusters.py`): words used in the same contexts share a class, so the tagger can
//! read a name it never saw in training by the company it keeps ("Akamai" with other companies).

use super::hash::PassThroughBuild;
use std::collections::HashMap;

/// A word's class at three granularities (nested, like the prefixes of a Brown bit string);
/// 0 at every level for a word outside the list.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct WordClass {
    /// The finest class, 1-based.
    pub fine: u16,
    /// The class of that class, 1-based.
    pub mid: u8,
    /// The coarsest level, 1-based.
    pub coarse: u8,
}

/// Word -> class, keyed by the hash of the word as written with digits folded to `0`.
#[derive(Debug, Clone)]
pub struct WordClasses {
    map: HashMap<u64, WordClass, PassThroughBuild>,
}

const FNV64_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV64_PRIME: u64 = 0x0000_0100_0000_01b3;

/// The key of a word: FNV-1a over its bytes, ASCII digits as `0` (the list was built that way),
/// optionally with the letters after the first lower-cased (`Title` form) or all lower-cased.
fn key(w: &str, fold: Fold) -> u64 {
    let mut h = FNV64_OFFSET;
    if w.is_ascii() {
        // The same bytes as the general path below, without the case tables.
        for (k, &b) in w.as_bytes().iter().enumerate() {
            let b = if b.is_ascii_digit() {
                b'0'
            } else if fold == Fold::Lower || (fold == Fold::Title && k > 0) {
                b.to_ascii_lowercase()
            } else {
                b
            };
            h = (h ^ b as u64).wrapping_mul(FNV64_PRIME);
        }
        return h;
    }
    let mut buf = [0u8; 4];
    for (k, c) in w.chars().enumerate() {
        let c = if c.is_ascii_digit() {
            '0'
        } else if (fold == Fold::Lower || (fold == Fold::Title && k > 0)) && c.is_uppercase() {
            c.to_lowercase().next().unwrap_or(c)
        } else {
            c
        };
        for &b in c.encode_utf8(&mut buf).as_bytes() {
            h = (h ^ b as u64).wrapping_mul(FNV64_PRIME);
        }
    }
    h
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Fold {
    None,
    Title,
    Lower,
}

impl WordClasses {
    /// Loads the embedded list and class tree.
    pub fn new() -> Self {
        let mut tree: HashMap<u16, (u8, u8)> = HashMap::new();
        for r in crate::data::rows(include_str!("../../data/entities/cluster_tree.txt")) {
            if let (Some(f), Some(m), Some(c)) = (r.first(), r.get(1), r.get(2)) {
                if let (Ok(f), Ok(m), Ok(c)) = (f.parse::<u16>(), m.parse::<u8>(), c.parse::<u8>()) {
                    tree.insert(f, (m, c));
                }
            }
        }
        let table = include_str!("../../data/entities/clusters.txt");
        let mut map = HashMap::with_capacity_and_hasher(26_000, PassThroughBuild::default());
        // Grouped by class: a line of a tab and the class number, then that class's words.
        let mut class: Option<u16> = None;
        for line in table.lines() {
            if line.starts_with('#') {
                continue;
            }
            if let Some(number) = line.strip_prefix('\t') {
                class = number.trim().parse::<u16>().ok();
                continue;
            }
            let (Some(f), w) = (class, line) else {
                continue;
            };
            let (m, c) = tree.get(&f).copied().unwrap_or((0, 0));
            map.insert(
                key(w, Fold::None),
                WordClass {
                    fine: f.saturating_add(1),
                    mid: m.saturating_add(1),
                    coarse: c.saturating_add(1),
                },
            );
        }
        WordClasses { map }
    }

    /// The class of `w` as written; failing that, of its title-case form (headlines in capitals),
    /// then of its lower-case form.
    pub fn of(&self, w: &str) -> WordClass {
        if w.is_ascii() {
            return self.of_ascii(w.as_bytes());
        }
        // Most words are already in one of the forms, and a miss costs a full probe: look up each
        // distinct key once.
        let k0 = key(w, Fold::None);
        if let Some(&c) = self.map.get(&k0) {
            return c;
        }
        let k1 = key(w, Fold::Title);
        if k1 != k0 {
            if let Some(&c) = self.map.get(&k1) {
                return c;
            }
        }
        let k2 = key(w, Fold::Lower);
        if k2 != k1 && k2 != k0 {
            if let Some(&c) = self.map.get(&k2) {
                return c;
            }
        }
        WordClass::default()
    }
}

impl WordClasses {
    /// [`WordClasses::of`] for an ASCII word: the same keys as [`key`], the word as written
    /// first and, only when that misses, its title-case and lower-case forms in one pass.
    fn of_ascii(&self, w: &[u8]) -> WordClass {
        let step = |h: u64, b: u8| (h ^ b as u64).wrapping_mul(FNV64_PRIME);
        let digit_zero = |b: u8| if b.is_ascii_digit() { b'0' } else { b };
        let k0 = w.iter().fold(FNV64_OFFSET, |h, &b| step(h, digit_zero(b)));
        if let Some(&c) = self.map.get(&k0) {
            return c;
        }
        let (mut k1, mut k2) = (FNV64_OFFSET, FNV64_OFFSET);
        for (k, &b) in w.iter().enumerate() {
            let b = digit_zero(b);
            let lower = b.to_ascii_lowercase();
            k1 = step(k1, if k == 0 { b } else { lower });
            k2 = step(k2, lower);
        }
        if k1 != k0 {
            if let Some(&c) = self.map.get(&k1) {
                return c;
            }
        }
        if k2 != k1 && k2 != k0 {
            if let Some(&c) = self.map.get(&k2) {
                return c;
            }
        }
        WordClass::default()
    }
}

impl Default for WordClasses {
    fn default() -> Self {
        Self::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frequent_words_have_a_class_and_case_folds_as_a_fallback() {
        let c = WordClasses::new();
        let the = c.of("the");
        assert!(the.fine > 0 && the.mid > 0 && the.coarse > 0);
        assert_eq!(c.of("tHE"), the);
        assert_ne!(c.of("London"), WordClass::default());
        assert_eq!(c.of("1996"), c.of("2004"));
        assert_eq!(c.of("Qzxqzx"), WordClass::default());
    }
}
