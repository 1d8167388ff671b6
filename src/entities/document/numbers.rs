//! Numbers are no names: a chart or ranking place ("to get to No. 1 in the world", "at No. 96")
//! and a day ("the 3rd of November"). The tagger, trained where a digit often opens a team's or a
//! unit's name, tags them as organisations. A unit keeps its number: "the 139th was formed", "No.
//! 18 Squadron", "No. 18 later moved".

use super::mentions::Mentions;
use crate::text::Document;

/// True when `w` is a number or an ordinal written in digits ("96", "3rd", "21st").
fn numeral(w: &str) -> bool {
    let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &w[digits.len()..];
    !digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit()) && matches!(suffix, "" | "st" | "nd" | "rd" | "th")
}

/// Drops a mention that is "No." and a number after "to", "at" or "from" (a place in a ranking),
/// or a number alone before "of" (a day of a month).
pub(super) fn numbers(doc: &Document, mentions: &mut Mentions) {
    let n = doc.tokens.len();
    let text = |i: usize| if i < n { doc.token_text(i) } else { "" };
    mentions.edit().retain(|m| {
        let before = if m.start > 0 { text(m.start - 1) } else { "" };
        // The mention's first three words ("" past its end): the patterns are no longer.
        let word = |k: usize| {
            if m.start + k < m.end {
                doc.token_text(m.start + k)
            } else {
                ""
            }
        };
        let words = [word(0), word(1), word(2)];
        let ranking = match (m.len(), words) {
            (2, ["No." | "No", w, _]) | (3, ["No", ".", w]) => numeral(w) && matches!(before, "to" | "at" | "from"),
            _ => false,
        };
        let day = m.len() == 1 && numeral(words[0]) && text(m.end) == "of";
        !(ranking || day)
    });
}

#[cfg(test)]
mod tests {
    use super::numeral;

    #[test]
    fn numerals_are_digits_with_an_ordinal_ending() {
        assert!(numeral("96") && numeral("3rd") && numeral("21st") && numeral("139th"));
        assert!(!numeral("F1") && !numeral("B-29s") && !numeral("3D") && !numeral("th"));
    }
}
