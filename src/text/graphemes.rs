//! Grapheme-cluster boundaries, approximated without a Unicode segmentation crate: enough to
//! keep every span from cutting a user-perceived character (an accent written as a combining
//! mark, an emoji with a skin tone or a ZWJ sequence, a flag's tag characters).

use super::span::Span;

/// Chars that extend the grapheme before them: combining marks of the common scripts, ZWJ,
/// variation selectors, emoji skin-tone modifiers and tag characters.
pub fn extends_previous(c: char) -> bool {
    // All of them are above U+02FF: most chars (ASCII, Latin-1) are turned away by one compare.
    if (c as u32) < 0x0300 {
        return false;
    }
    matches!(c as u32,
        0x0300..=0x036F          // combining diacritical marks
        | 0x0483..=0x0489        // Cyrillic
        | 0x0591..=0x05BD | 0x05BF | 0x05C1..=0x05C2 | 0x05C4..=0x05C5 | 0x05C7 // Hebrew points
        | 0x0610..=0x061A | 0x064B..=0x065F | 0x0670 // Arabic marks
        | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F
        | 0x200D                 // zero-width joiner
        | 0xFE00..=0xFE0F | 0xE0100..=0xE01EF // variation selectors
        | 0x1F3FB..=0x1F3FF      // skin tones
        | 0xE0020..=0xE007F      // tags (subdivision flags)
    )
}

/// Pictographs that a ZWJ joins to the emoji before it (an approximation of Extended_Pictographic).
fn is_pictograph(c: char) -> bool {
    matches!(c as u32, 0x2600..=0x27BF | 0x2B00..=0x2BFF | 0x1F000..=0x1FAFF)
}

/// True when byte offset `b` (a char boundary) of `text` is between two grapheme clusters.
pub fn is_boundary(text: &str, b: usize) -> bool {
    let (Some(before), Some(after)) = (text.get(..b), text.get(b..)) else {
        return true;
    };
    let (Some(next), mut back) = (after.chars().next(), before.chars().rev()) else {
        return true;
    };
    let Some(prev) = back.next() else {
        return true;
    };
    if extends_previous(next) || (prev == '\r' && next == '\n') {
        return false;
    }
    // UAX #29 GB11: a ZWJ glues a pictograph to an emoji sequence ("👨‍🚒"), not to a letter.
    prev != '\u{200D}' || !is_pictograph(next) || !back.find(|&c| !extends_previous(c)).is_some_and(is_pictograph)
}

/// The next grapheme boundary at or after byte `b` (bounded: long runs of marks are rare and
/// each char is looked at once).
fn next_boundary(text: &str, mut b: usize) -> usize {
    while b < text.len() && !is_boundary(text, b) {
        b += text[b..].chars().next().map_or(1, char::len_utf8);
    }
    b.min(text.len())
}

/// `span` moved onto grapheme boundaries: its start forward past marks that belong to the
/// previous character, its end forward over marks that belong to its last character.
pub fn snap(text: &str, span: Span) -> Span {
    let start = next_boundary(text, span.start);
    let end = next_boundary(text, span.end.max(start));
    Span::new(start, end)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_take_their_marks_and_leave_the_previous_ones() {
        let text = "“Yes.”\u{301} and Zoe\u{301}";
        let quote_end = text.find('\u{301}').unwrap();
        assert_eq!(snap(text, Span::new(0, quote_end)).slice(text), "“Yes.”\u{301}");
        let z = text.find('Z').unwrap();
        assert_eq!(snap(text, Span::new(z, z + 3)).slice(text), "Zoe\u{301}");
        let lone = "a \u{301}\u{301} b";
        assert_eq!(snap(lone, Span::new(2, 6)), Span::new(6, 6));
    }

    #[test]
    fn zwj_joins_emoji_but_not_letters() {
        let fire = "👨🏻\u{200D}🚒";
        assert!(!is_boundary(fire, "👨🏻\u{200D}".len()));
        assert!(is_boundary("Y🏻\u{200D}🚒", "Y🏻\u{200D}".len()));
        assert!(!is_boundary("a\r\nb", 2));
    }
}
