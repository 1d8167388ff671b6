//! Offsets survive emoji, combining accents, CRLF and NBSP: every annotation's code-point and
//! UTF-16 offsets slice back to exactly its `text`, as the page and Python users slice it.

use newsmark::export::{Export, WireAnnotation};
use newsmark::{Annotator, Options};

const ARTICLE: &str = "WASHINGTON, Feb 21 (Reuters) 👨🏻‍🚒 - Vice President Mike Pence said on Tuesday \u{201C}we will meet Zoe\u{0301} in Pyongyang\u{00A0}next month 💩,\u{201D} according to Nick Ayers.\r\n\r\n\u{201C}Nothing has changed,\u{201D} Ayers told reporters on 2018-02-20 at 18:30 UTC.\r\n";

fn utf16_slice(text: &str, start: usize, end: usize) -> String {
    let units: Vec<u16> = text.encode_utf16().collect();
    String::from_utf16(&units[start..end]).expect("slice on a UTF-16 boundary")
}

fn cp_slice(text: &str, start: usize, end: usize) -> String {
    text.chars().skip(start).take(end - start).collect()
}

#[test]
fn every_offset_slices_back_to_its_text() {
    for date in [None, Some("2018-02-21")] {
        let options = date
            .map(|d| Options::with_document_date(d).unwrap())
            .unwrap_or_default();
        let found = Annotator::new().annotate(ARTICLE, &options);
        let export = Export::new(ARTICLE, &found);
        assert!(
            !export.annotations.is_empty(),
            "the article has quotes, names and dates"
        );
        for a in &export.annotations {
            let s = a.span();
            assert_eq!(cp_slice(ARTICLE, s.start, s.end), s.text, "code points of {}", s.id);
            assert_eq!(
                utf16_slice(ARTICLE, s.start_utf16, s.end_utf16),
                s.text,
                "UTF-16 of {}",
                s.id
            );
            if let WireAnnotation::Quote {
                speaker_start: Some(ss),
                speaker_end: Some(se),
                speaker_start_utf16: Some(us),
                speaker_end_utf16: Some(ue),
                ..
            } = a
            {
                assert_eq!(cp_slice(ARTICLE, *ss, *se), utf16_slice(ARTICLE, *us, *ue));
            }
        }
        if let Some(d) = &export.document_date {
            if let (Some(s), Some(e), Some(us), Some(ue)) = (d.start, d.end, d.start_utf16, d.end_utf16) {
                assert_eq!(cp_slice(ARTICLE, s, e), utf16_slice(ARTICLE, us, ue));
            }
        }
    }
}

#[test]
fn export_is_sorted_and_round_trips_through_json() {
    let found = Annotator::new().annotate(ARTICLE, &Options::default());
    let export = Export::new(ARTICLE, &found);
    for w in export.annotations.windows(2) {
        let (a, b) = (w[0].span(), w[1].span());
        assert!(
            a.start < b.start || (a.start == b.start && a.end >= b.end),
            "{} before {}",
            a.id,
            b.id
        );
    }
    let back: Export = serde_json::from_str(&export.to_json()).unwrap();
    assert_eq!(back, export);
    assert_eq!(export.schema, "newsmark/1");
    assert_eq!(export.offset_unit, "codepoint");
}

#[test]
fn empty_and_whitespace_text_give_empty_annotations() {
    for text in ["", " ", "\r\n\r\n", "\u{00A0}"] {
        let export = Export::new(text, &Annotator::new().annotate(text, &Options::default()));
        assert!(export.annotations.is_empty());
        assert_eq!(export.text, text);
    }
}

#[test]
fn layers_report_only_what_was_asked_and_speakers_keep_their_names() {
    let text = "“We met on Tuesday,” Mike Pence said.";
    let mut options = Options::with_document_date("2018-02-21").unwrap();
    let all = Export::new(text, &Annotator::new().annotate(text, &options));
    let kinds = |e: &Export| -> Vec<String> {
        e.annotations
            .iter()
            .map(|a| serde_json::to_value(a).unwrap()["type"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(kinds(&all), ["quote", "date", "entity"]);
    options.layers = newsmark::Layers::from_names(["dates"]).unwrap();
    let dates = Export::new(text, &Annotator::new().annotate(text, &options));
    assert_eq!(kinds(&dates), ["date"]);
    options.layers = newsmark::Layers::from_names(["quotes"]).unwrap();
    let quotes = Export::new(text, &Annotator::new().annotate(text, &options));
    match &quotes.annotations[..] {
        [WireAnnotation::Quote {
            speaker, speaker_id, ..
        }] => {
            assert_eq!(speaker.as_deref(), Some("Mike Pence"));
            assert_eq!(*speaker_id, None, "no entity in the export to point at");
        }
        other => panic!("expected one quote, got {other:?}"),
    }
    assert!(newsmark::Layers::from_names(["dates", "people"])
        .unwrap_err()
        .to_string()
        .contains("\"people\""));
    assert!(newsmark::Layers::from_names([]).is_err());
}

#[test]
fn an_export_built_from_owned_annotations_is_the_same_export() {
    let found = Annotator::new().annotate(ARTICLE, &Options::with_document_date("2018-02-21").unwrap());
    let borrowed = Export::new(ARTICLE, &found);
    let moved = Export::from_annotations(ARTICLE, found);
    assert_eq!(moved, borrowed);
    assert_eq!(moved.to_json(), borrowed.to_json());
}
