//! Byte → code point / UTF-16 offset conversion.
//!
//! Regexes report UTF-8 byte offsets; the export speaks code points (Python and the gold data)
//! and UTF-16 code units (JavaScript `slice` and the DOM). Converting each offset by rescanning
//! the prefix is quadratic (1 MB took 43 s in the toolchain notes), so the table is built in one
//! forward pass and every lookup is a binary search over char starts.

/// Converts byte offsets of one text into code-point and UTF-16 offsets.
#[derive(Debug, Clone)]
pub struct OffsetTable {
    /// Byte offset of every char start, plus the text length at the end.
    byte_at: Vec<usize>,
    /// UTF-16 offset of every char start, plus the total UTF-16 length at the end.
    utf16_at: Vec<usize>,
}

impl OffsetTable {
    /// Builds the table for `text` in one pass.
    pub fn new(text: &str) -> Self {
        let mut byte_at = Vec::with_capacity(text.len() + 1);
        let mut utf16_at = Vec::with_capacity(text.len() + 1);
        if text.is_ascii() {
            // Every byte is a char and a UTF-16 unit: both tables are the identity.
            byte_at.extend(0..=text.len());
            utf16_at.extend(0..=text.len());
            return OffsetTable { byte_at, utf16_at };
        }
        // Read bytes, not chars: a char starts at every byte that is not a continuation byte
        // (10xxxxxx), and only a 4-byte char (lead byte 11110xxx) takes two UTF-16 units.
        let mut u16 = 0usize;
        for (b, &x) in text.as_bytes().iter().enumerate() {
            if x & 0xC0 != 0x80 {
                byte_at.push(b);
                utf16_at.push(u16);
                u16 += if x >= 0xF0 { 2 } else { 1 };
            }
        }
        byte_at.push(text.len());
        utf16_at.push(u16);
        OffsetTable { byte_at, utf16_at }
    }

    /// The code-point offset of byte offset `byte`, which must be a char boundary
    /// (a byte inside a char maps to the char that contains it).
    pub fn codepoint(&self, byte: usize) -> usize {
        match self.byte_at.binary_search(&byte) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        }
    }

    /// The UTF-16 offset of byte offset `byte`.
    pub fn utf16(&self, byte: usize) -> usize {
        self.utf16_at[self.codepoint(byte)]
    }

    /// The byte offset of code-point offset `cp` (clamped to the text length).
    pub fn byte(&self, cp: usize) -> usize {
        self.byte_at[cp.min(self.byte_at.len() - 1)]
    }

    /// Number of code points in the text.
    pub fn len_codepoints(&self) -> usize {
        self.byte_at.len() - 1
    }
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
}
