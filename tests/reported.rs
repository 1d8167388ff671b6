//! Reported (indirect) speech, through the public API only: the table in
//! `tests/cases/reported.json` covers every pattern, the tricky speakers and the negatives; the
//! tests below cover the export and how reported speech sits beside direct quotes.

use newsmark::{Annotator, Options, Quote, QuoteKind, QuoteRule};
use serde::Deserialize;

#[derive(Deserialize)]
struct Case {
    name: String,
    text: String,
    reported: Vec<Expected>,
}

#[derive(Deserialize)]
struct Expected {
    text: String,
    speaker: String,
    cue: String,
}

fn reported(text: &str) -> Vec<Quote> {
    Annotator::shared()
        .annotate(text, &Options::default())
        .quotes
        .into_iter()
        .filter(|q| q.kind == QuoteKind::Reported)
        .collect()
}

#[test]
fn every_case_in_the_table() {
    let cases: Vec<Case> = serde_json::from_str(include_str!("cases/reported.json")).expect("valid case file");
    let mut failures = Vec::new();
    for case in &cases {
        let got: Vec<String> = reported(&case.text)
            .iter()
            .map(|q| {
                format!(
                    "{} | {} | {}",
                    &case.text[q.span.range()],
                    q.speaker.as_deref().unwrap_or("-"),
                    q.cue.as_deref().unwrap_or("-")
                )
            })
            .collect();
        let want: Vec<String> = case
            .reported
            .iter()
            .map(|e| format!("{} | {} | {}", e.text, e.speaker, e.cue))
            .collect();
        if got != want {
            failures.push(format!("{}:\n  want {want:#?}\n  got  {got:#?}", case.name));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

#[test]
fn reported_speech_is_exported_with_kind_reported_and_leaves_direct_quotes_alone() {
    let text = "\u{201C}We will not be silent,\u{201D} Mike Pence said on Tuesday.\n\n\
                Nick Ayers, Pence's chief of staff, said the visit was \"a signal\" to Pyongyang.";
    let e = newsmark::annotate_to_export(text, &Options::default()).expect("annotates");
    let json = serde_json::to_value(&e).expect("serialises");
    let quotes: Vec<&serde_json::Value> = json["annotations"]
        .as_array()
        .expect("annotations")
        .iter()
        .filter(|a| a["type"] == "quote")
        .collect();
    let summary: Vec<(String, String, String)> = quotes
        .iter()
        .map(|a| {
            (
                a["text"].as_str().unwrap_or_default().to_string(),
                a["kind"].as_str().unwrap_or_default().to_string(),
                a["speaker"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect();
    let want = [
        ("\u{201C}We will not be silent,\u{201D}", "speech", "Mike Pence"),
        ("the visit was \"a signal\" to Pyongyang", "reported", "Nick Ayers"),
        ("\"a signal\"", "speech", "Nick Ayers"),
    ];
    let want: Vec<(String, String, String)> = want
        .iter()
        .map(|(a, b, c)| (a.to_string(), b.to_string(), c.to_string()))
        .collect();
    assert_eq!(summary, want);
    // The speaker mention and the entity id are given as for direct quotes.
    let r = quotes.iter().find(|a| a["kind"] == "reported").expect("reported");
    let (s, t) = (
        r["speaker_start"].as_u64().unwrap_or(0),
        r["speaker_end"].as_u64().unwrap_or(0),
    );
    let mention: String = text.chars().skip(s as usize).take((t - s) as usize).collect();
    assert_eq!(mention, "Nick Ayers");
    assert!(r["speaker_id"].as_str().is_some_and(|id| id.starts_with("ent")));
}

#[test]
fn no_reported_speech_when_quotes_are_not_asked_for() {
    let options = Options {
        layers: newsmark::Layers::from_names(["entities"]).expect("layer"),
        ..Options::default()
    };
    let found = Annotator::shared().annotate("The mayor said the bridge will reopen.", &options);
    assert!(found.quotes.is_empty());
}

#[test]
fn every_reported_rule_has_a_case_and_names_itself() {
    let cases: Vec<Case> = serde_json::from_str(include_str!("cases/reported.json")).expect("valid case file");
    let seen: Vec<QuoteRule> = cases.iter().flat_map(|c| reported(&c.text)).map(|q| q.rule).collect();
    for rule in QuoteRule::ALL
        .into_iter()
        .filter(|r| r.id().starts_with("quote/reported-"))
    {
        assert!(
            seen.contains(&rule),
            "no case in tests/cases/reported.json exercises {}",
            rule.id()
        );
    }
    assert!(
        seen.iter().all(|r| r.id().starts_with("quote/reported-")),
        "reported speech carries a reported rule id: {seen:?}"
    );
}
