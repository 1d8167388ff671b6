//! Characters a reader never sees must not change what is found: soft hyphens, zero-width
//! characters, word joiners and byte-order marks inside words, and accents typed as combining
//! marks (NFD). Each text is annotated clean and "dirty"; the findings must be the same, and the
//! dirty export must still slice its own text exactly.

use newsmark::{annotate_to_export, Options};
use unicode_normalization::UnicodeNormalization;

const ARTICLES: &[&str] = &[
    "BERLIN, March 14, 2024 - German Chancellor Angela Merkel met François Hollande in Berlin on Monday. \
     \"We are ready to talk,\" Merkel told reporters at the Chancellery. Amélie Poulain flew to Montréal last week.",
    "Zoë Ørsted, a spokeswoman for Siemens, said on Tuesday that the company would open a plant in São Paulo in 2025. \
     \"This is a big step,\" she said.",
];

/// (type, label or kind, value, text) of every annotation, with `clean` applied to the text.
fn findings(text: &str, clean: impl Fn(&str) -> String) -> Vec<(String, String, String, String)> {
    let options = Options::with_document_date("2024-03-14").expect("valid date");
    let export = annotate_to_export(text, &options).expect("annotates");
    let json: serde_json::Value = serde_json::from_str(&export.to_json()).expect("export is JSON");
    let chars: Vec<char> = text.chars().collect();
    json["annotations"]
        .as_array()
        .expect("annotations")
        .iter()
        .map(|a| {
            let (s, e) = (
                a["start"].as_u64().unwrap() as usize,
                a["end"].as_u64().unwrap() as usize,
            );
            let sliced: String = chars[s..e].iter().collect();
            assert_eq!(
                a["text"].as_str(),
                Some(sliced.as_str()),
                "offsets slice the original text"
            );
            let field = |k: &str| a[k].as_str().unwrap_or_default().to_string();
            let label = if a["type"] == "quote" {
                field("kind")
            } else {
                field("label")
            };
            (field("type"), label, field("value"), clean(&sliced))
        })
        .collect()
}

/// Puts `mark` inside every word of five letters or more, after its second letter.
fn salt(text: &str, mark: char) -> String {
    let mut out = String::new();
    for word in text.split(' ') {
        if !out.is_empty() {
            out.push(' ');
        }
        let letters: Vec<char> = word.chars().collect();
        if letters.len() >= 5 && letters.iter().all(|c| c.is_alphabetic()) {
            out.extend(&letters[..2]);
            out.push(mark);
            out.extend(&letters[2..]);
        } else {
            out.push_str(word);
        }
    }
    out
}

#[test]
fn invisible_characters_inside_words_change_nothing_that_is_found() {
    for article in ARTICLES {
        let want = findings(article, str::to_string);
        assert!(want.len() >= 6, "the clean article has findings: {want:?}");
        for mark in ['\u{AD}', '\u{200B}', '\u{200C}', '\u{200D}', '\u{2060}', '\u{FEFF}'] {
            let dirty = salt(article, mark);
            assert_ne!(&dirty, article);
            let got = findings(&dirty, |s| s.replace(mark, ""));
            assert_eq!(got, want, "with U+{:04X} inside words", mark as u32);
        }
    }
}

#[test]
fn decomposed_accents_are_read_like_composed_ones() {
    for article in ARTICLES {
        let want = findings(article, str::to_string);
        let decomposed: String = article.nfd().collect();
        assert_ne!(&decomposed, article, "the article has accents to decompose");
        let got = findings(&decomposed, |s| s.nfc().collect());
        assert_eq!(got, want);
    }
}
