//! Hard-wrapped text: prose pasted from an e-mail, a PDF or a terminal carries a line break every
//! 60–80 characters inside its paragraphs, with blank lines between paragraphs. Read literally,
//! every line would be a paragraph, and a quote would be cut at each line end. When the text is
//! wrapped, a single line break is read as a space and only a blank line ends a paragraph.

/// Fewest mid-sentence line breaks before a text counts as wrapped.
const MIN_WRAPS: usize = 3;
/// A wrapped text's lines are short; single-line paragraphs of news copy are not.
const MAX_TYPICAL_LINE: usize = 100;

/// True when `text` looks hard-wrapped: several of its single line breaks fall mid-sentence (a
/// line ending in a lower-case word or comma, the next starting lower-case) and most lines are
/// short. Lists, tables, datelines and one-paragraph-per-line copy do not qualify: their lines
/// end in punctuation or digits, start with capitals, or run long.
pub fn is_hard_wrapped(text: &str) -> bool {
    let lines: Vec<&str> = text
        .split('\n')
        .map(|l| l.trim_end_matches(['\r', ' ', '\t']))
        .collect();
    let mut lengths: Vec<usize> = Vec::new();
    let (mut breaks, mut wraps) = (0usize, 0usize);
    for (i, line) in lines.iter().enumerate() {
        let trimmed = line.trim_start();
        if trimmed.is_empty() {
            continue;
        }
        lengths.push(trimmed.chars().count());
        let Some(next) = lines.get(i + 1).map(|l| l.trim_start()).filter(|l| !l.is_empty()) else {
            continue;
        };
        breaks += 1;
        let ends_mid = trimmed.chars().last().is_some_and(|c| c.is_lowercase() || c == ',');
        let next_low = next.chars().next().is_some_and(char::is_lowercase);
        if ends_mid && next_low {
            wraps += 1;
        }
    }
    if wraps < MIN_WRAPS || wraps * 10 < breaks * 3 {
        return false;
    }
    lengths.sort_unstable();
    let p80 = lengths[(lengths.len() * 4 / 5).min(lengths.len() - 1)];
    p80 <= MAX_TYPICAL_LINE
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapped_prose_is_recognised() {
        let text = "\"We will not back down,\" the senator said on Tuesday, adding that\n\
                    the talks would go on \"for as long as it takes to reach a deal that\n\
                    works for everyone in the region.\" Her aides said the schedule was\n\
                    still open and that a vote could come as early as next week.\n\n\
                    The bill passed the House in March.";
        assert!(is_hard_wrapped(text));
    }

    #[test]
    fn lists_tables_and_one_paragraph_per_line_are_not() {
        assert!(!is_hard_wrapped(
            "Results:\n1. Ronaldo 23\n2. Messi 21\n3. Kane 19\n4. Salah 18"
        ));
        assert!(!is_hard_wrapped(
            "BRUSSELS 1996-08-22\nThe European Commission said on Thursday it disagreed with German advice.\n\
             Germany's representative to the committee said the ban was justified.\nThe ruling came in June."
        ));
        assert!(!is_hard_wrapped("one line only, and lower case"));
        assert!(!is_hard_wrapped(""));
    }
}
