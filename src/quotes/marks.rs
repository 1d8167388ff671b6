//! Pairing quotation marks: “ ” " " '' ‘ ’ ' ' « » „ “ ‚ ‘.
//!
//! One forward pass over the chars with a stack of open marks, reset at every line break (a
//! paragraph) unless the next paragraph opens with a double mark while a double quote is still
//! open: that is the news convention for a quote running over paragraphs. Whether a mark opens or
//! closes is read from its neighbours first (space before and a letter after opens) and from its
//! glyph only when the context says nothing, because pasted text mixes “ and ” freely
//! (`here,“ said`). Apostrophes, primes and elisions (`don't`, `O’Malley`, `'90s`, `rock 'n' roll`)
//! are told apart from single quotes by their neighbours and the elision list. Linear time: every
//! mark is pushed and popped at most once, and the index of double opens is kept separately so a
//! closing mark never scans a stack of single opens.

use crate::fasthash::HashSet;
use crate::text::Span;

/// A quote bounded by its marks; nested quotes are folded into the outer one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Marked {
    /// The quote including its marks (from the first opening mark to the last closing mark).
    pub span: Span,
    /// The text between the marks.
    pub inner: Span,
    /// True for double marks (“ ” " '' « » „), false for single ones.
    pub double: bool,
    /// False when the closing mark is missing and the quote was cut at its paragraph's end.
    pub closed: bool,
    /// Number of paragraphs the quote runs over (1 for an ordinary quote).
    pub paragraphs: usize,
    /// True when the quote continues the one before it: paragraphs run onto one line
    /// (`…fans. "We knew…`), the earlier one left without its closing mark.
    pub continues: bool,
}

/// A quote longer than this (bytes) inside one paragraph is taken as an unbalanced mark, not a quote.
const MAX_QUOTE_BYTES: usize = 6_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Open,
    Close,
    /// A straight mark whose context is ambiguous: it closes an open quote of its kind, else opens.
    Either,
}

#[derive(Debug, Clone, Copy)]
struct Open {
    /// Byte offset of the mark.
    at: usize,
    /// Byte length of the mark (2 for NYT-style '').
    width: usize,
    double: bool,
    straight: bool,
    /// Paragraph breaks crossed so far (continuations).
    paragraphs: usize,
    /// Opened as the continuation of an unclosed quote on the same line.
    continues: bool,
}

fn is_double_glyph(c: char) -> bool {
    matches!(
        c,
        '"' | '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{00AB}' | '\u{00BB}'
    )
}

fn is_single_glyph(c: char) -> bool {
    matches!(c, '\'' | '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}')
}

fn is_mark_char(c: char) -> bool {
    is_double_glyph(c) || is_single_glyph(c)
}

/// Whatever may stand before an opening mark: nothing, space, brackets, dashes, another mark.
fn opens_after(c: Option<char>) -> bool {
    match c {
        None => true,
        Some(c) => {
            c.is_whitespace()
                || is_mark_char(c)
                || matches!(c, '(' | '[' | '{' | '-' | '\u{2013}' | '\u{2014}' | '/' | '\u{00A0}')
        }
    }
}

/// Whatever may stand after a closing mark: nothing, space, punctuation, closing brackets.
fn closes_before(c: Option<char>) -> bool {
    match c {
        None => true,
        Some(c) => {
            c.is_whitespace()
                || is_mark_char(c)
                || matches!(
                    c,
                    '.' | ',' | ';' | ':' | '!' | '?' | ')' | ']' | '}' | '-' | '\u{2013}' | '\u{2014}' | '\u{2026}'
                )
        }
    }
}

/// Pairs quotation marks; built once with the elision list.
#[derive(Debug, Clone)]
pub struct MarkPairer {
    elisions: HashSet<String>,
}

impl MarkPairer {
    /// `elisions`: words written with a leading apostrophe ("n" of rock 'n' roll, "em", "til").
    pub fn new<'a>(elisions: impl IntoIterator<Item = &'a str>) -> Self {
        MarkPairer {
            elisions: elisions.into_iter().map(|w| w.to_lowercase()).collect(),
        }
    }

    /// Every top-level quote of `text`, sorted by position (nested quotes are part of their outer quote).
    /// In `hard_wrapped` text ([`crate::text::Document::hard_wrapped`]) only a blank line ends a paragraph.
    pub fn find(&self, text: &str, hard_wrapped: bool) -> Vec<Marked> {
        // Positions are byte offsets of chars: the text is read in place, never copied into chars.
        let at = |i: usize| char_at(text, i);
        let after = |i: usize| i + at(i).map_or(1, char::len_utf8);
        let before = |i: usize| char_before(text, i);

        let mut pairs: Vec<Marked> = Vec::new();
        let mut stack: Vec<Open> = Vec::new();
        // Indices into `stack` of the double opens, innermost last.
        let mut doubles: Vec<usize> = Vec::new();
        let mut para_start_byte = 0usize;
        // True when the line break at `i` is followed by a blank line (spaces allowed on it).
        let blank_line_follows = |i: usize| {
            let mut j = i + 1;
            while at(j).is_some_and(|c| c != '\n' && c.is_whitespace()) {
                j = after(j);
            }
            at(j) == Some('\n')
        };
        let bytes = text.as_bytes();
        let mut i = 0usize;
        while let Some(&b) = bytes.get(i) {
            // Most bytes are ASCII that is neither a line break nor a mark: stepped over undecoded,
            // eight at a time where they run on.
            if let Some(chunk) = bytes.get(i..i + 8) {
                let mut w = [0u8; 8];
                w.copy_from_slice(chunk);
                if plain_ascii(u64::from_le_bytes(w)) {
                    i += 8;
                    continue;
                }
            }
            if b.is_ascii() && !matches!(b, b'\n' | b'"' | b'\'') {
                i += 1;
                continue;
            }
            let Some(c) = at(i) else { break };
            if c == '\n' && (!hard_wrapped || blank_line_follows(i)) {
                // Paragraph end: skip the blank run and decide whether an open quote continues.
                let para_end = i;
                let mut j = i;
                while at(j).is_some_and(char::is_whitespace) {
                    j = after(j);
                }
                let next_opens = at(j).is_some_and(|d| {
                    is_double_glyph(d)
                        && !matches!(d, '\u{201D}' | '\u{00BB}')
                        && !at(after(j)).is_some_and(char::is_whitespace)
                }) || (at(j) == Some('\'') && at(j + 1) == Some('\''));
                let outer = doubles.first().map(|&k| stack[k]);
                match outer {
                    Some(mut o) if next_opens && at(j).is_some() => {
                        o.paragraphs += 1;
                        stack.clear();
                        doubles.clear();
                        stack.push(o);
                        doubles.push(0);
                        // The continuation mark is consumed: it reopens, it does not nest.
                        i = if at(j) == Some('\'') { j + 2 } else { after(j) };
                        para_start_byte = j;
                        continue;
                    }
                    _ => {
                        self.flush_unclosed(text, &stack, para_start_byte, para_end, &mut pairs);
                        stack.clear();
                        doubles.clear();
                        para_start_byte = j;
                        i = j;
                        continue;
                    }
                }
            }
            if !is_mark_char(c) {
                i += c.len_utf8();
                continue;
            }
            // NYT `'old-school,'''`: a single quote closing right before a double one.
            let closes_single_first =
                at(after(after(i))) == Some('\'') && stack.last().is_some_and(|o| !o.double) && !doubles.is_empty();
            let two = c == '\'' && at(i + 1) == Some('\'') && !closes_single_first;
            // The mark is one char, or NYT's two straight singles ('').
            let start = i;
            let end = if two { i + 2 } else { i + c.len_utf8() };
            let left = before(start);
            let right = at(end);
            let left_space = opens_after(left);
            let right_space = closes_before(right);
            if is_double_glyph(c) || two {
                let straight = c == '"' || two;
                // A mark with space on both sides ("a stray “ mark") opens nothing; it may close.
                let free = left.is_none_or(char::is_whitespace) && right.is_none_or(char::is_whitespace);
                if free && doubles.is_empty() {
                    i = end;
                    continue;
                }
                if let Some(cut) = self.run_on_paragraph(text, i, &stack, &doubles) {
                    // `…football. "Italy played…`: the open quote ends at the sentence before this
                    // mark, which opens the next paragraph's quote rather than closing this one.
                    let o = stack[doubles[0]];
                    pairs.push(Marked {
                        span: Span::new(o.at, cut),
                        inner: Span::new(o.at + o.width, cut),
                        double: true,
                        closed: false,
                        paragraphs: o.paragraphs,
                        continues: o.continues,
                    });
                    stack.clear();
                    doubles.clear();
                    doubles.push(0);
                    stack.push(Open {
                        at: start,
                        width: end - start,
                        double: true,
                        straight,
                        paragraphs: 1,
                        continues: true,
                    });
                    i = end;
                    continue;
                }
                let role = match (left_space && !right_space, !left_space && right_space) {
                    (true, false) => Role::Open,
                    (false, true) => Role::Close,
                    _ => match c {
                        '\u{201C}' | '\u{201E}' | '\u{00AB}' | '\u{201F}' => Role::Open,
                        '\u{201D}' | '\u{00BB}' => Role::Close,
                        _ => Role::Either,
                    },
                };
                let innermost_straight = doubles.last().is_some_and(|&k| stack[k].straight);
                let role = match role {
                    // Straight marks toggle: one closes the straight quote that is open, whatever its neighbours.
                    _ if straight && innermost_straight => Role::Close,
                    Role::Either if doubles.is_empty() => Role::Open,
                    Role::Either => Role::Close,
                    r => r,
                };
                match role {
                    Role::Open => {
                        doubles.push(stack.len());
                        stack.push(Open {
                            at: start,
                            width: end - start,
                            double: true,
                            straight,
                            paragraphs: 1,
                            continues: false,
                        });
                    }
                    _ => {
                        if let Some(k) = doubles.pop() {
                            let o = stack[k];
                            stack.truncate(k);
                            if end - o.at <= MAX_QUOTE_BYTES || o.paragraphs > 1 {
                                pairs.push(Marked {
                                    span: Span::new(o.at, end),
                                    inner: Span::new(o.at + o.width, start),
                                    double: true,
                                    closed: true,
                                    paragraphs: o.paragraphs,
                                    continues: o.continues,
                                });
                            }
                        }
                    }
                }
            } else {
                let alnum = |x: Option<char>| x.is_some_and(char::is_alphanumeric);
                let apostrophe = (alnum(left) && alnum(right))
                    || (c != '\u{201A}' && left_space && right.is_some_and(|d| d.is_ascii_digit()))
                    || (left_space && alnum(right) && self.elision_follows(text, end));
                if !apostrophe {
                    if left_space && !right_space && !matches!(c, '\u{2019}') || (c == '\u{201A}' && !right_space) {
                        stack.push(Open {
                            at: start,
                            width: end - start,
                            double: false,
                            straight: c == '\'',
                            paragraphs: 1,
                            continues: false,
                        });
                    } else if !left_space && right_space {
                        // Closes the innermost open single mark if no double quote opened after it.
                        let floor = doubles.last().map_or(0, |&k| k + 1);
                        if stack.len() > floor && stack.last().is_some_and(|o| !o.double) {
                            let k = stack.len() - 1;
                            let o = stack[k];
                            stack.truncate(k);
                            if end - o.at <= MAX_QUOTE_BYTES {
                                pairs.push(Marked {
                                    span: Span::new(o.at, end),
                                    inner: Span::new(o.at + o.width, start),
                                    double: false,
                                    closed: true,
                                    paragraphs: 1,
                                    continues: false,
                                });
                            }
                        }
                    }
                }
            }
            i = end;
        }
        self.flush_unclosed(text, &stack, para_start_byte, text.len(), &mut pairs);
        top_level(pairs)
    }

    /// At a paragraph's end an open double quote that began the paragraph (or continues one) is a
    /// quote whose closing mark was forgotten: keep it, cut at the paragraph's end. Any other open
    /// mark is dropped, so it cannot swallow the text that follows.
    fn flush_unclosed(&self, text: &str, stack: &[Open], para_start: usize, para_end: usize, out: &mut Vec<Marked>) {
        let Some(o) = stack.iter().find(|o| o.double) else {
            return;
        };
        if o.at != para_start && o.paragraphs == 1 && !o.continues {
            return;
        }
        let end = para_start.max(text[..para_end].trim_end().len());
        let inner_start = o.at + o.width;
        if end <= inner_start || end - inner_start < 2 {
            return;
        }
        out.push(Marked {
            span: Span::new(o.at, end),
            inner: Span::new(inner_start, end),
            double: true,
            closed: false,
            paragraphs: o.paragraphs,
            continues: o.continues,
        });
    }

    /// Where the open quote ends when the double mark at byte `i` opens a paragraph run onto the
    /// same line: one double quote is open (nothing inside it), the mark follows a sentence's end
    /// and a space, and a capital follows it (`…the football. "Italy played…`). A closing mark is
    /// never spaced off its sentence, so this reading is safe. Returns the byte offset after the
    /// sentence's end.
    fn run_on_paragraph(&self, text: &str, i: usize, stack: &[Open], doubles: &[usize]) -> Option<usize> {
        if doubles.len() != 1 || stack.len() != 1 {
            return None;
        }
        let next = char_at(text, i + char_at(text, i)?.len_utf8())?;
        let space = char_before(text, i)?;
        if !next.is_uppercase() || !space.is_whitespace() || space == '\n' {
            return None;
        }
        let end_char = char_before(text, i - space.len_utf8())?;
        let at = i - space.len_utf8() - end_char.len_utf8();
        if !matches!(end_char, '.' | '!' | '?' | '\u{2026}') {
            return None;
        }
        let cut = at + end_char.len_utf8();
        // "Mr. "X" …": an abbreviation's dot ends no sentence; ask for a word of two letters or more.
        let word = text[..at].rsplit(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
        if word.chars().count() < 2 && end_char == '.' {
            return None;
        }
        (cut > stack[0].at + stack[0].width).then_some(cut)
    }

    /// True when the letters from byte `i` form an elision ("n'", "em", "til") rather than a quoted word.
    fn elision_follows(&self, text: &str, i: usize) -> bool {
        let mut word = String::new();
        let mut rest = text.get(i..).unwrap_or("").chars().peekable();
        while let Some(c) = rest.peek().copied().filter(|c| c.is_alphabetic() && word.len() < 8) {
            word.extend(c.to_lowercase());
            rest.next();
        }
        if rest.peek().is_some_and(|c| c.is_alphabetic()) {
            return false;
        }
        self.elisions.contains(&word)
    }
}

/// The char starting at byte `i` (None at the end, or off a char boundary). Out of line, as is
/// `char_before`: inlined at every use they made the wasm kilobytes larger.
#[inline(never)]
fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..)?.chars().next()
}

/// The char ending at byte `i`.
#[inline(never)]
fn char_before(text: &str, i: usize) -> Option<char> {
    text.get(..i)?.chars().next_back()
}

/// Drops the quotes nested in another one; the input is properly nested (it comes from a stack).
fn top_level(mut pairs: Vec<Marked>) -> Vec<Marked> {
    pairs.sort_by(|a, b| a.span.start.cmp(&b.span.start).then(b.span.end.cmp(&a.span.end)));
    let mut out: Vec<Marked> = Vec::with_capacity(pairs.len());
    for p in pairs {
        if out.last().is_some_and(|q| q.span.end > p.span.start) {
            continue;
        }
        out.push(p);
    }
    out
}

/// True when the eight bytes of `w` are ASCII and none is a line break or a straight quote mark.
fn plain_ascii(w: u64) -> bool {
    use crate::text::{has_byte, HIGHS};
    w & HIGHS == 0 && !has_byte(w, b'\n') && !has_byte(w, b'"') && !has_byte(w, b'\'')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quotes(text: &str) -> Vec<&str> {
        MarkPairer::new(["n", "em", "til", "cause"])
            .find(text, false)
            .into_iter()
            .map(|m| &text[m.span.range()])
            .collect()
    }

    #[test]
    fn eight_plain_bytes_are_stepped_over_and_marks_are_not() {
        let word = |s: &[u8; 8]| u64::from_le_bytes(*s);
        assert!(plain_ascii(word(b"said the")));
        for s in [b"said \"he", b"it's her", b"line\nend", b"caf\xC3\xA9 ok"] {
            assert!(!plain_ascii(word(s)), "{s:?}");
        }
    }

    #[test]
    fn curly_straight_and_nyt_doubles_pair() {
        assert_eq!(
            quotes("He said “yes.” Then \"no,\" and ''maybe.''"),
            ["“yes.”", "\"no,\"", "''maybe.''"]
        );
    }

    #[test]
    fn apostrophes_primes_and_elisions_are_not_quotes() {
        assert!(
            quotes("Pyongyang's test in the '90s was rock 'n' roll, O’Malley don't care, Sanders' aides").is_empty()
        );
    }

    #[test]
    fn single_quotes_nest_inside_double_ones() {
        assert_eq!(
            quotes("“He told me ‘go home’ twice,” she said."),
            ["“He told me ‘go home’ twice,”"]
        );
        assert_eq!(quotes("Headline: Trump ‘furious’ at aides"), ["‘furious’"]);
    }

    #[test]
    fn a_quote_over_paragraphs_is_one_and_a_stray_mark_swallows_nothing() {
        let text = "“First part.\n\n“Second part,” he said.\n\nA stray “ mark here.\n\nNext “real” one.";
        assert_eq!(quotes(text), ["“First part.\n\n“Second part,”", "“real”"]);
    }

    #[test]
    fn nyt_triple_apostrophe_closes_single_then_double() {
        let text = "''I would use the word 'old-school,''' said Mr. Slayton.";
        assert_eq!(quotes(text), ["''I would use the word 'old-school,'''"]);
    }

    #[test]
    fn sloppy_glyphs_are_read_from_context() {
        assert_eq!(
            quotes("“It is close,“ said Jim. ”Very close”"),
            ["“It is close,“", "”Very close”"]
        );
    }

    #[test]
    fn guillemets_and_german_marks_pair() {
        assert_eq!(
            quotes("Il a dit «non» et „ja“ dann ‚nein‘ gesagt."),
            ["«non»", "„ja“", "‚nein‘"]
        );
    }

    #[test]
    fn an_unclosed_paragraph_quote_is_cut_at_the_paragraph_end() {
        let text = "“We will win this.\n\nThe campaign went on.";
        let m = MarkPairer::new([]).find(text, false);
        assert_eq!(m.len(), 1);
        assert_eq!(&text[m[0].span.range()], "“We will win this.");
        assert!(!m[0].closed);
    }

    #[test]
    fn a_megabyte_of_marks_finishes_and_stays_sane() {
        let text: String = "“‘\"'”’".repeat(1 << 17);
        let m = MarkPairer::new([]).find(&text, false);
        assert!(m
            .iter()
            .all(|q| q.span.end <= text.len() && text.is_char_boundary(q.span.start)));
        let text: String = "'a ".repeat(1 << 18) + &"”".repeat(1 << 18);
        let m = MarkPairer::new([]).find(&text, false);
        assert!(m.len() <= 1);
    }
}
