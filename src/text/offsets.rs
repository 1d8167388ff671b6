//! Byte → code point / UTF-16 offset conversion.
//!
//! Regexes report UTF-8 byte offsets; the export speaks code points (Python and the gold data)
//! and UTF-16 code units (JavaScript `slice` and the DOM). Converting each offset by rescanning
//! the prefix is quadratic (1 MB took 43 s in the toolchain notes), so the table is built in one
//! forward pass and every lookup is a binary search over char starts.

/// Converts byte offsets of one text into code-point and UTF-16 offsets.
///
/// Only the non-ASCII chars are listed: between two of them every byte is one code point and one
/// UTF-16 unit, so an offset is its distance from the last one before it. News text is mostly
/// ASCII, and a table of every char cost more than the rest of the export.
#[derive(Debug, Clone)]
pub struct OffsetTable {
    /// Every non-ASCII char, in order.
    wide: Vec<Wide>,
    /// Length of the text in bytes.
    len: usize,
    /// Number of code points in the text.
    codepoints: usize,
    /// Length of the text in UTF-16 units.
    utf16_len: usize,
}

/// One non-ASCII char: where it is in each unit.
#[derive(Debug, Clone, Copy)]
struct Wide {
    /// Byte offset of its start.
    start: usize,
    /// Byte offset after it.
    end: usize,
    /// Its code-point offset.
    codepoint: usize,
    /// Its UTF-16 offset.
    utf16: usize,
    /// UTF-16 offset after it.
    utf16_end: usize,
}

impl OffsetTable {
    /// Builds the table for `text` in one pass.
    pub fn new(text: &str) -> Self {
        let mut wide = Vec::new();
        // Code points and UTF-16 units before the last char listed, and the byte after it.
        let (mut codepoint, mut utf16, mut after) = (0, 0, 0);
        for (start, c) in non_ascii(text) {
            let ascii_run = start - after;
            codepoint += ascii_run;
            utf16 += ascii_run;
            let end = start + c.len_utf8();
            wide.push(Wide {
                start,
                end,
                codepoint,
                utf16,
                utf16_end: utf16 + c.len_utf16(),
            });
            codepoint += 1;
            utf16 += c.len_utf16();
            after = end;
        }
        let tail = text.len() - after;
        OffsetTable {
            wide,
            len: text.len(),
            codepoints: codepoint + tail,
            utf16_len: utf16 + tail,
        }
    }

    /// The code-point offset of byte offset `byte`, which must be a char boundary
    /// (a byte inside a char maps to the char that contains it).
    pub fn codepoint(&self, byte: usize) -> usize {
        self.convert(byte, |w| w.codepoint, |w| w.codepoint + 1)
            .min(self.codepoints)
    }

    /// The UTF-16 offset of byte offset `byte`.
    pub fn utf16(&self, byte: usize) -> usize {
        self.convert(byte, |w| w.utf16, |w| w.utf16_end).min(self.utf16_len)
    }

    /// `byte` in another unit: `at` gives a listed char's offset, `after` the offset after it.
    #[inline(never)]
    fn convert(&self, byte: usize, at: impl Fn(&Wide) -> usize, after: impl Fn(&Wide) -> usize) -> usize {
        let byte = byte.min(self.len);
        match self.wide[..self.wide.partition_point(|w| w.start <= byte)].last() {
            None => byte,
            Some(w) if byte < w.end => at(w),
            Some(w) => after(w) + (byte - w.end),
        }
    }

    /// The byte offset of code-point offset `cp` (clamped to the text length).
    #[inline(never)]
    pub fn byte(&self, cp: usize) -> usize {
        let cp = cp.min(self.codepoints);
        match self.wide[..self.wide.partition_point(|w| w.codepoint < cp)].last() {
            None => cp,
            Some(w) => w.end + (cp - w.codepoint - 1),
        }
    }

    /// Number of code points in the text.
    pub fn len_codepoints(&self) -> usize {
        self.codepoints
    }
}

/// The non-ASCII chars of `text` with their byte offsets; ASCII is skipped eight bytes at a time.
fn non_ascii(text: &str) -> impl Iterator<Item = (usize, char)> + '_ {
    let bytes = text.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || loop {
        if let Some(word) = bytes.get(i..i + 8) {
            let mut w = [0u8; 8];
            w.copy_from_slice(word);
            if u64::from_le_bytes(w) & super::HIGHS == 0 {
                i += 8;
                continue;
            }
        }
        let b = *bytes.get(i)?;
        if b.is_ascii() {
            i += 1;
            continue;
        }
        let start = i;
        let c = text.get(start..)?.chars().next()?;
        i += c.len_utf8();
        return Some((start, c));
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emoji_and_accents_map_to_codepoints_and_utf16() {
        let text = "a💩é👨🏻‍🚒b";
        let t = OffsetTable::new(text);
        let b_byte = text.find('b').unwrap();
        assert_eq!(t.codepoint(b_byte), text.chars().count() - 1);
        assert_eq!(t.utf16(b_byte), text.encode_utf16().count() - 1);
        assert_eq!(t.codepoint(text.len()), text.chars().count());
        for text in ["plain ASCII", "£5 – “quoted” 💩 é"] {
            let t = OffsetTable::new(text);
            for (cp, (b, c)) in text.char_indices().enumerate() {
                assert_eq!((t.codepoint(b), t.byte(cp)), (cp, b));
                assert_eq!(t.utf16(b), text[..b].encode_utf16().count(), "{c:?}");
            }
            assert_eq!(t.len_codepoints(), text.chars().count());
        }
    }

    #[test]
    fn every_offset_matches_a_table_of_every_char() {
        for text in [
            "",
            "abc",
            "é",
            "a💩é👨🏻‍🚒b",
            "££x",
            "x\u{2019}y\u{2019}",
            "日本語のテキスト and ASCII",
        ] {
            let t = OffsetTable::new(text);
            let starts: Vec<usize> = text.char_indices().map(|(b, _)| b).chain([text.len()]).collect();
            let mut utf16 = vec![0];
            for c in text.chars() {
                utf16.push(utf16.last().unwrap() + c.len_utf16());
            }
            assert_eq!(t.len_codepoints(), starts.len() - 1, "{text:?}");
            for byte in 0..text.len() + 3 {
                // The char containing the byte (or the end).
                let cp = starts.partition_point(|&s| s <= byte).saturating_sub(1);
                assert_eq!(t.codepoint(byte), cp, "{text:?} byte {byte}");
                assert_eq!(t.utf16(byte), utf16[cp], "{text:?} byte {byte}");
            }
            for cp in 0..starts.len() + 2 {
                assert_eq!(t.byte(cp), starts[cp.min(starts.len() - 1)], "{text:?} cp {cp}");
            }
        }
    }
}
