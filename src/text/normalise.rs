//! The view of a text that recognition reads: canonical composition (NFC) and no default-ignorable
//! characters. Text pasted from the web carries soft hyphens ("Mer\u{AD}kel"), zero-width spaces
//! and joiners, and decomposed accents ("Ame\u{301}lie"); the reader never sees them, but a
//! tokenizer does, and cuts names at them. Every layer runs on this view and every span is mapped
//! back, so the export still slices the original text exactly.

use super::Span;
use unicode_normalization::char::canonical_combining_class;
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

/// Unicode's Default_Ignorable_Code_Point set (DerivedCoreProperties.txt): invisible characters
/// that a renderer skips, so recognition skips them too.
pub fn is_ignorable(c: char) -> bool {
    matches!(c,
        '\u{00AD}' | '\u{034F}' | '\u{061C}' | '\u{115F}'..='\u{1160}' | '\u{17B4}'..='\u{17B5}'
        | '\u{180B}'..='\u{180F}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{206F}' | '\u{3164}' | '\u{FE00}'..='\u{FE0F}' | '\u{FEFF}' | '\u{FFA0}'
        | '\u{1BCA0}'..='\u{1BCA3}' | '\u{1D173}'..='\u{1D17A}' | '\u{E0000}'..='\u{E0FFF}')
}

/// True when `text` holds a default-ignorable character. None is ASCII, so only the chars after
/// a non-ASCII byte are decoded: a news text is mostly ASCII with a few curly quotes.
fn has_ignorable(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut i = 0;
    while let Some(k) = bytes.get(i..).and_then(|rest| rest.iter().position(|&b| !b.is_ascii())) {
        i += k;
        let Some(c) = text.get(i..).and_then(|rest| rest.chars().next()) else {
            return false;
        };
        if is_ignorable(c) {
            return true;
        }
        i += c.len_utf8();
    }
    false
}

/// Where the view and the original stop running in step: view offset `view` is original offset
/// `after` for a span that starts there, and `before` for one that ends there (they differ when
/// characters were dropped between them).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Break {
    view: usize,
    before: usize,
    after: usize,
}

/// A text's recognition view and the way back to the original's offsets.
#[derive(Debug, Clone)]
pub struct Normalised {
    /// The view, or `None` when it equals the original (the common case, which costs one scan).
    view: Option<String>,
    breaks: Vec<Break>,
}

impl Normalised {
    /// Builds the view of `text`.
    pub fn new(text: &str) -> Self {
        let unchanged = Normalised {
            view: None,
            breaks: Vec::new(),
        };
        if text.is_ascii() || (!has_ignorable(text) && is_nfc_quick(text.chars()) == IsNormalized::Yes) {
            return unchanged;
        }
        let mut view = String::with_capacity(text.len());
        let mut breaks: Vec<Break> = Vec::new();
        let push = |breaks: &mut Vec<Break>, view: usize, before: usize, after: usize| match breaks.last_mut() {
            Some(last) if last.view == view => last.after = after,
            _ => breaks.push(Break { view, before, after }),
        };
        let mut chars = text.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            if is_ignorable(c) {
                push(&mut breaks, view.len(), i, i + c.len_utf8());
                continue;
            }
            // A cluster is a character and the combining marks after it: composition never
            // reaches past it (Hangul jamo sequences aside, which stay as typed).
            let mut end = i + c.len_utf8();
            while let Some(&(j, m)) = chars.peek() {
                if is_ignorable(m) || canonical_combining_class(m) == 0 {
                    break;
                }
                end = j + m.len_utf8();
                chars.next();
            }
            let cluster = &text[i..end];
            if c.is_ascii() && end == i + 1 {
                view.push(c);
                continue;
            }
            let start = view.len();
            view.extend(cluster.nfc());
            if &view[start..] != cluster {
                push(&mut breaks, start, i, i);
                push(&mut breaks, view.len(), end, end);
            }
        }
        if breaks.is_empty() {
            return unchanged;
        }
        Normalised {
            view: Some(view),
            breaks,
        }
    }

    /// The text recognition should read: the view, or `original` when nothing changed.
    pub fn text<'a>(&'a self, original: &'a str) -> &'a str {
        self.view.as_deref().unwrap_or(original)
    }

    /// True when the view differs from the original, so spans need mapping back.
    pub fn changed(&self) -> bool {
        self.view.is_some()
    }

    fn start(&self, b: usize) -> usize {
        let k = self.breaks.partition_point(|x| x.view <= b);
        match k.checked_sub(1).map(|k| self.breaks[k]) {
            Some(x) => x.after + (b - x.view),
            None => b,
        }
    }

    fn end(&self, b: usize) -> usize {
        let k = self.breaks.partition_point(|x| x.view < b);
        if let Some(x) = self.breaks.get(k).filter(|x| x.view == b) {
            return x.before;
        }
        match k.checked_sub(1).map(|k| self.breaks[k]) {
            Some(x) => x.after + (b - x.view),
            None => b,
        }
    }

    /// The original span of view span `s` (on character boundaries of `original`); a span that
    /// covered a dropped character inside a name covers it in the original too.
    pub fn to_original(&self, original: &str, s: Span) -> Span {
        let floor = |mut x: usize| {
            x = x.min(original.len());
            while !original.is_char_boundary(x) {
                x -= 1;
            }
            x
        };
        let start = floor(self.start(s.start));
        Span::new(start, floor(self.end(s.end)).max(start))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn back(text: &str, view_part: &str) -> String {
        let n = Normalised::new(text);
        let view = n.text(text);
        let s = view.find(view_part).expect("part is in the view");
        n.to_original(text, Span::new(s, s + view_part.len()))
            .slice(text)
            .to_string()
    }

    #[test]
    fn plain_text_is_its_own_view() {
        for t in ["Angela Merkel", "Zoë and Ørsted 😀 in Montréal", ""] {
            let n = Normalised::new(t);
            assert!(!n.changed(), "{t}");
            assert_eq!(n.text(t), t);
        }
    }

    #[test]
    fn invisible_characters_are_dropped_and_spans_cover_them_in_the_original() {
        let t = "Angela Mer\u{AD}kel met Ber\u{200C}lin\u{200B} officials";
        let n = Normalised::new(t);
        assert_eq!(n.text(t), "Angela Merkel met Berlin officials");
        assert_eq!(back(t, "Angela Merkel"), "Angela Mer\u{AD}kel");
        assert_eq!(
            back(t, "Berlin"),
            "Ber\u{200C}lin",
            "a trailing dropped character is left out"
        );
        assert_eq!(back(t, "officials"), "officials");
        let quoted = "\u{201C}Zoë\u{201D} said\u{200B} so";
        assert_eq!(Normalised::new(quoted).text(quoted), "\u{201C}Zoë\u{201D} said so");
    }

    #[test]
    fn decomposed_accents_are_composed_and_mapped_back_whole() {
        let t = "Ame\u{301}lie Poulain of Montre\u{301}al";
        let n = Normalised::new(t);
        assert_eq!(n.text(t), "Amélie Poulain of Montréal");
        assert_eq!(back(t, "Amélie Poulain"), "Ame\u{301}lie Poulain");
        assert_eq!(back(t, "Montréal"), "Montre\u{301}al");
        assert_eq!(back(t, "é"), "e\u{301}");
    }

    #[test]
    fn every_view_span_maps_onto_character_boundaries() {
        let t = "\u{FEFF}a\u{301}\u{AD}\u{200D}😀e\u{301}\u{302}x\u{2060}";
        let n = Normalised::new(t);
        let view = n.text(t).to_string();
        for (s, _) in view.char_indices() {
            for (e, _) in view.char_indices().chain([(view.len(), ' ')]).filter(|&(e, _)| e >= s) {
                let o = n.to_original(t, Span::new(s, e));
                assert!(t.is_char_boundary(o.start) && t.is_char_boundary(o.end) && o.start <= o.end);
            }
        }
    }
}
