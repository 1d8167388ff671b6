//! The recogniser with hand-made entities (how it uses what the entity layer knows) and on
//! adversarial input.

use super::QuoteRecognizer;
use crate::annotation::{Entity, EntityLabel};
use crate::text::{Document, Span};

fn slice(text: &str, span: Span) -> &str {
    &text[span.range()]
}

fn person(text: &str, name: &str, nth: usize, entity: usize, canonical: &str) -> Entity {
    let start = text.match_indices(name).nth(nth).expect("name in text").0;
    Entity {
        span: Span::new(start, start + name.len()),
        label: EntityLabel::Person,
        entity,
        canonical: canonical.to_string(),
        reason: "test".into(),
        confidence: None,
        rule: crate::annotation::EntityRule::Model,
    }
}

#[test]
fn speakers_come_from_the_entity_layer_when_it_knows_them() {
    let text = "Nicholas Ayers landed.\n\n\u{201C}It went well,\u{201D} Ayers said.";
    let entities = [
        person(text, "Nicholas Ayers", 0, 7, "Nicholas Ayers"),
        person(text, "Ayers", 1, 7, "Nicholas Ayers"),
    ];
    let quotes = QuoteRecognizer::new().find(&Document::new(text), &entities);
    assert_eq!(quotes.len(), 1);
    assert_eq!(quotes[0].speaker.as_deref(), Some("Nicholas Ayers"));
    assert_eq!(quotes[0].speaker_entity, Some(7));
    assert_eq!(slice(text, quotes[0].speaker_span.unwrap()), "Ayers");
}

#[test]
fn a_wrong_surname_merge_of_the_entity_layer_is_undone() {
    // Two people share a surname; the entity layer linked both to one of them.
    let text =
        "Josh Schwerin spoke first.\n\n\u{201C}Policy alone won\u{2019}t do,\u{201D} said Dan Schwerin, a writer.";
    let entities = [
        person(text, "Josh Schwerin", 0, 3, "Josh Schwerin"),
        person(text, "Dan Schwerin", 0, 3, "Josh Schwerin"),
    ];
    let quotes = QuoteRecognizer::new().find(&Document::new(text), &entities);
    assert_eq!(quotes.len(), 1);
    assert_eq!(quotes[0].speaker.as_deref(), Some("Dan Schwerin"));
    assert_eq!(slice(text, quotes[0].speaker_span.unwrap()), "Dan Schwerin");
}

#[test]
fn two_first_names_before_one_surname_are_two_people() {
    let text = "Trayvon Martin was 17.\n\n\u{201C}We will not comment,\u{201D} said Tracy Martin, his father.";
    let entities = [
        person(text, "Trayvon Martin", 0, 5, "Trayvon Martin"),
        person(text, "Tracy Martin", 0, 5, "Trayvon Martin"),
    ];
    let quotes = QuoteRecognizer::new().find(&Document::new(text), &entities);
    assert_eq!(quotes[0].speaker.as_deref(), Some("Tracy Martin"));
    assert_eq!(slice(text, quotes[0].speaker_span.unwrap()), "Tracy Martin");
}

#[test]
fn a_title_in_the_canonical_name_is_dropped() {
    let text = "Gov Fallin toured the site.\n\n\u{201C}We are ready,\u{201D} Fallin said.";
    let entities = [
        person(text, "Gov Fallin", 0, 2, "Gov Fallin"),
        person(text, "Fallin", 1, 2, "Gov Fallin"),
    ];
    let quotes = QuoteRecognizer::new().find(&Document::new(text), &entities);
    assert_eq!(quotes[0].speaker.as_deref(), Some("Fallin"));
    assert_eq!(slice(text, quotes[0].speaker_span.unwrap()), "Fallin");
}

#[test]
fn an_organisation_sharing_a_last_word_is_no_full_name() {
    // A headline the entity layer read as an organisation must not rename the person.
    let text = "ESPN Fires Schilling\n\n\u{201C}I stand by it,\u{201D} Schilling said.";
    let start = text.find("ESPN Fires Schilling").unwrap();
    let org = Entity {
        span: Span::new(start, start + "ESPN Fires Schilling".len()),
        label: EntityLabel::Org,
        entity: 0,
        canonical: "ESPN Fires Schilling".into(),
        reason: "test".into(),
        confidence: None,
        rule: crate::annotation::EntityRule::Model,
    };
    let quotes = QuoteRecognizer::new().find(&Document::new(text), &[org]);
    assert_eq!(quotes[0].speaker.as_deref(), Some("Schilling"));
    assert_eq!(slice(text, quotes[0].speaker_span.unwrap()), "Schilling");
}

#[test]
fn a_person_surname_between_commas_is_the_subject() {
    // "For now, X, at Y, said": the entity layer knows X is a person, so the apposition is skipped.
    let text = "Lena Varga studies the region.\n\nFor now, Varga, at the institute, said the two are \u{201C}at peace\u{201D} there.";
    let entities = [
        person(text, "Lena Varga", 0, 4, "Lena Varga"),
        person(text, "Varga", 1, 4, "Lena Varga"),
    ];
    let quotes: Vec<_> = (QuoteRecognizer::new().find(&Document::new(text), &entities).into_iter())
        .filter(|q| q.kind != crate::annotation::QuoteKind::Reported)
        .collect();
    assert_eq!(
        quotes.len(),
        1,
        "the quoted words; the reported clause around them is its own annotation"
    );
    assert_eq!(quotes[0].speaker.as_deref(), Some("Lena Varga"));
    assert_eq!(slice(text, quotes[0].speaker_span.unwrap()), "Varga");
    let without = QuoteRecognizer::new().find(&Document::new(text), &[]);
    assert_ne!(without[0].speaker.as_deref(), Some("Lena Varga"));
}

#[test]
fn a_description_has_no_entity() {
    let text = "\u{201C}Nothing was agreed,\u{201D} a senior official said.";
    let quotes = QuoteRecognizer::new().find(&Document::new(text), &[]);
    assert_eq!(quotes[0].speaker.as_deref(), Some("a senior official"));
    assert_eq!(quotes[0].speaker_entity, None);
}

#[test]
fn adversarial_marks_finish_with_sane_spans() {
    let recognizer = QuoteRecognizer::new();
    // A megabyte of alternating marks and one of unclosed openers: a smoke test for linear time
    // (no timing assert), checking every span lies on char boundaries inside the text.
    for text in [
        "\u{201C}\u{2018}\"'\u{201D}\u{2019}".repeat(1 << 16),
        "\u{201C}a ".repeat(1 << 17),
        "'x \"y ".repeat(1 << 16) + &"said Smith, ".repeat(1 << 12),
    ] {
        let doc = Document::new(&text);
        for q in recognizer.find_all(&doc, &[]) {
            assert!(q.span.start < q.span.end && q.span.end <= text.len());
            assert!(text.is_char_boundary(q.span.start) && text.is_char_boundary(q.span.end));
            if let Some(s) = q.speaker_span {
                assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end) && s.end <= text.len());
            }
        }
    }
}

#[test]
fn random_mixes_of_marks_names_and_cues_never_panic() {
    // A deterministic generator over the pieces attribution looks at: marks of every kind, names,
    // titles, cues, pronouns, commas, colons, dashes, parentheses and paragraph breaks.
    let pieces = [
        "\u{201C}",
        "\u{201D}",
        "\"",
        "'",
        "''",
        "\u{2018}",
        "\u{2019}",
        "\u{00AB}",
        "\u{00BB}",
        "\u{201E}",
        "\u{201A}",
        "Nick",
        "Ayers",
        "Mr.",
        "Sen.",
        "Pence's",
        "he",
        "she",
        "they",
        "said",
        "told",
        "according",
        "to",
        "saying",
        "a",
        "senior",
        "official",
        ",",
        ".",
        ":",
        "?",
        "\u{2014}",
        "(",
        ")",
        "\n\n",
        "\n",
        " ",
        "who",
        "of",
        "the",
        "Tuesday",
        "It",
        "went",
        "on",
        "put",
        "it",
        "-",
        "\u{2015}",
        "e\u{301}",
        "\u{1F4A9}",
    ];
    let recognizer = QuoteRecognizer::new();
    let mut state: u64 = 0x2545_F491_4F6C_DD1D;
    for _ in 0..4000 {
        let mut text = String::new();
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let len = 1 + (state >> 58) as usize * 2;
        for _ in 0..len {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            text.push_str(pieces[(state >> 33) as usize % pieces.len()]);
            if state & 1 == 0 {
                text.push(' ');
            }
        }
        let doc = Document::new(&text);
        for q in recognizer.find_all(&doc, &[]) {
            assert!(q.span.start < q.span.end && q.span.end <= text.len(), "{text:?}");
            assert!(
                text.is_char_boundary(q.span.start) && text.is_char_boundary(q.span.end),
                "{text:?}"
            );
            if let Some(s) = q.speaker_span {
                assert!(
                    s.start <= s.end && s.end <= text.len() && text.is_char_boundary(s.start),
                    "{text:?}"
                );
            }
        }
    }
}
