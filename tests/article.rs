//! The README's example article, end to end through the export a user downloads: people, places,
//! groups, events, dates with values and quotes with speakers, each checked by slicing the text.

use newsmark::export::{Export, WireAnnotation};
use newsmark::{annotate_to_export, Options};

const ARTICLE: &str = include_str!("../docs/example-article.txt");

fn export() -> Export {
    annotate_to_export(ARTICLE, &Options::with_document_date("2018-02-21").unwrap()).unwrap()
}

fn slice(text: &str, start: usize, end: usize) -> String {
    text.chars().skip(start).take(end - start).collect()
}

/// The entity mentions whose text is `text`: (label, entity_id, canonical).
fn entities<'a>(e: &'a Export, text: &str) -> Vec<(&'a str, &'a str, &'a str)> {
    e.annotations
        .iter()
        .filter_map(|a| match a {
            WireAnnotation::Entity {
                span,
                label,
                entity_id,
                canonical,
                ..
            } if span.text == text => {
                assert_eq!(slice(&e.text, span.start, span.end), text);
                Some((label.as_ref(), entity_id.as_str(), canonical.as_str()))
            }
            _ => None,
        })
        .collect()
}

fn date_value(e: &Export, text: &str) -> (String, Option<String>) {
    e.annotations
        .iter()
        .find_map(|a| match a {
            WireAnnotation::Date { span, label, value, .. } if span.text == text => {
                assert_eq!(slice(&e.text, span.start, span.end), text);
                Some((label.to_string(), value.clone()))
            }
            _ => None,
        })
        .unwrap_or_else(|| panic!("no date {text:?}"))
}

#[test]
fn people_are_named_without_titles_and_linked_across_mentions() {
    let e = export();
    let pence = entities(&e, "Mike Pence");
    assert_eq!(pence.len(), 1, "\"Vice President\" is not part of the name");
    assert_eq!(pence[0].0, "PERSON");
    let surname = entities(&e, "Pence");
    assert_eq!(
        surname.len(),
        2,
        "\"Pence’s\" is tagged without its possessive, and the later \"Pence\" too"
    );
    for m in &surname {
        assert_eq!((m.0, m.1, m.2), ("PERSON", pence[0].1, "Mike Pence"));
    }
    let ayers = entities(&e, "Nick Ayers")[0];
    assert_eq!(entities(&e, "Ayers"), vec![("PERSON", ayers.1, "Nick Ayers")]);
    assert_eq!(entities(&e, "Moon Jae-in")[0].0, "PERSON");
    assert!(entities(&e, "President Moon Jae-in").is_empty());
}

#[test]
fn places_groups_events_and_the_dateline() {
    let e = export();
    assert_eq!(entities(&e, "WASHINGTON")[0].0, "LOC");
    assert_eq!(entities(&e, "Reuters")[0].0, "ORG");
    assert_eq!(entities(&e, "Seoul")[0].0, "LOC");
    assert_eq!(entities(&e, "North Korean")[0].0, "NORP");
    assert_eq!(entities(&e, "2018 Winter Olympics")[0].0, "EVENT");
    // The dateline and the later mention are one place.
    assert_eq!(entities(&e, "Washington")[0].1, entities(&e, "WASHINGTON")[0].1);
}

#[test]
fn relative_dates_follow_the_tense_of_their_clause() {
    let e = export();
    assert_eq!(
        date_value(&e, "Tuesday"),
        ("DATE".into(), Some("2018-02-20".into())),
        "met on Tuesday: past"
    );
    assert_eq!(
        date_value(&e, "Thursday"),
        ("DATE".into(), Some("2018-02-22".into())),
        "will raise: future"
    );
    assert_eq!(date_value(&e, "last month"), ("DATE".into(), Some("2018-01".into())));
    assert_eq!(
        date_value(&e, "November"),
        ("DATE".into(), Some("2017-11".into())),
        "since November: past"
    );
}

#[test]
fn quotes_are_attributed_to_the_named_speaker() {
    let e = export();
    let quotes: Vec<_> = e
        .annotations
        .iter()
        .filter_map(|a| match a {
            // Reported speech has its own tests (tests/reported.rs); these are the quoted words.
            WireAnnotation::Quote {
                span,
                kind,
                speaker,
                speaker_id,
                speaker_start,
                speaker_end,
                cue,
                ..
            } if kind != "reported" => Some((span, speaker, speaker_id, speaker_start, speaker_end, cue)),
            _ => None,
        })
        .collect();
    let texts: Vec<&str> = quotes.iter().map(|q| q.0.text.as_str()).collect();
    assert_eq!(
        texts,
        [
            "“The vice president wanted to hear their stories first-hand,”",
            "“He will raise them with President Moon Jae-in on Thursday.”",
            "“met with defectors”"
        ]
    );
    let ayers_id = entities(&e, "Nick Ayers")[0].1.to_string();
    for (span, speaker, speaker_id, start, end, cue) in &quotes {
        assert_eq!(speaker.as_deref(), Some("Nick Ayers"), "speaker of {}", span.text);
        assert_eq!(speaker_id.as_deref(), Some(ayers_id.as_str()));
        assert_eq!(cue.as_deref(), Some("said"));
        let mention = slice(&e.text, start.unwrap(), end.unwrap());
        assert!(
            mention == "Nick Ayers" || mention == "Ayers",
            "speaker mention {mention:?}"
        );
    }
    // The quote holds the names and dates inside it (the page nests them).
    let q2 = quotes[1].0;
    let thursday = e
        .annotations
        .iter()
        .find(|a| a.span().text == "Thursday")
        .unwrap()
        .span();
    assert!(q2.start <= thursday.start && thursday.end <= q2.end);
}

#[test]
fn without_a_document_date_relative_dates_have_no_value_but_absolute_ones_do() {
    let e = annotate_to_export(ARTICLE, &Options::default()).unwrap();
    assert!(e.document_date.is_none(), "the example has no date line");
    assert_eq!(date_value(&e, "Tuesday").1, None);
    assert_eq!(date_value(&e, "last month").1, None);
}
