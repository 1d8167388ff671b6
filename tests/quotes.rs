//! Quotes and speakers through the public `Annotator`, as in production: the case tables in
//! `tests/cases/quotes/`, one file per attribution strategy, name the rule each quote is expected
//! to get (`"rule": "quote/tight"`), and the runner checks speaker, mention, cue and rule.

use newsmark::{Annotator, Options, Quote, QuoteKind, QuoteRule};
use serde::Deserialize;
use std::ops::Range;
use std::path::Path;

/// One file of the table: the rules its cases exercise, and the cases.
#[derive(Deserialize)]
struct CaseFile {
    rules: Vec<String>,
    cases: Vec<Case>,
}

#[derive(Deserialize)]
struct Case {
    name: String,
    text: String,
    quotes: Vec<Expected>,
    /// Titles and scare quotes: quoted, but no one's words, so not in the output.
    #[serde(default)]
    scare: Vec<Scare>,
}

#[derive(Deserialize)]
struct Expected {
    text: String,
    speaker: Option<String>,
    speaker_text: Option<String>,
    cue: Option<String>,
    rule: String,
    /// `"male/pronoun"`: the speaker's gender and its basis, checked when given.
    #[serde(default)]
    gender: Option<String>,
}

#[derive(Deserialize)]
struct Scare {
    text: String,
    rule: String,
}

fn slice(text: &str, range: Range<usize>) -> &str {
    &text[range]
}

fn case_files() -> Vec<(String, CaseFile)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cases/quotes");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/cases/quotes exists")
        .map(|e| e.expect("readable directory").path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let text = std::fs::read_to_string(&p).expect("readable case file");
            let name = p.file_name().unwrap_or_default().to_string_lossy().into_owned();
            let file = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
            (name, file)
        })
        .collect()
}

#[test]
fn every_case_in_the_table() {
    let annotator = Annotator::shared();
    let mut failures = Vec::new();
    let mut cases = 0;
    for (file, table) in case_files() {
        for case in &table.cases {
            cases += 1;
            let found = annotator.annotate(&case.text, &Options::default());
            // Reported speech has its own table (tests/cases/reported.json); these are quoted words.
            let got: Vec<String> = found
                .quotes
                .iter()
                .filter(|q| q.kind != QuoteKind::Reported)
                .map(|q| {
                    format!(
                        "{} | {:?} | {:?} | {:?} | {}",
                        slice(&case.text, q.span.range()),
                        q.speaker,
                        q.speaker_span.map(|s| slice(&case.text, s.range())),
                        q.cue,
                        q.rule.id()
                    )
                })
                .collect();
            let want: Vec<String> = case
                .quotes
                .iter()
                .map(|e| {
                    format!(
                        "{} | {:?} | {:?} | {:?} | {}",
                        e.text,
                        e.speaker,
                        e.speaker_text.as_deref(),
                        e.cue,
                        e.rule
                    )
                })
                .collect();
            let quoted: Vec<&Quote> = found.quotes.iter().filter(|q| q.kind != QuoteKind::Reported).collect();
            for (e, q) in case.quotes.iter().zip(&quoted) {
                let gender = format!("{}/{}", q.speaker_gender.0.as_str(), q.speaker_gender.1.as_str());
                if e.gender.as_ref().is_some_and(|g| *g != gender) {
                    failures.push(format!(
                        "{file}: {}: {:?} gender {gender}, want {:?}",
                        case.name, e.text, e.gender
                    ));
                }
            }
            if got != want {
                failures.push(format!("{file}: {}:\n  want {want:#?}\n  got  {got:#?}", case.name));
            }
            // A title or scare quote is no one's words: the export leaves it out.
            for s in &case.scare {
                if found.quotes.iter().any(|q| slice(&case.text, q.span.range()) == s.text) {
                    failures.push(format!("{file}: {}: {:?} reported as speech", case.name, s.text));
                }
            }
            // Each file holds the cases of its strategies.
            let rules: Vec<&str> = case
                .quotes
                .iter()
                .map(|q| q.rule.as_str())
                .chain(case.scare.iter().map(|s| s.rule.as_str()))
                .collect();
            if !table.rules.is_empty() && !rules.iter().any(|r| table.rules.iter().any(|t| t == r)) {
                failures.push(format!("{file}: {}: exercises none of {:?}", case.name, table.rules));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {cases} cases failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn every_rule_has_a_case_and_a_known_id() {
    let files = case_files();
    let mut seen = Vec::new();
    for (file, table) in &files {
        for rule in &table.rules {
            assert!(QuoteRule::from_id(rule).is_some(), "{file}: unknown rule {rule}");
        }
        for case in &table.cases {
            for rule in case
                .quotes
                .iter()
                .map(|q| &q.rule)
                .chain(case.scare.iter().map(|s| &s.rule))
            {
                let known = QuoteRule::from_id(rule);
                assert!(known.is_some(), "{file}: {}: unknown rule {rule}", case.name);
                seen.extend(known);
            }
        }
    }
    // Reported-speech rules are exercised by tests/cases/reported.json (tests/reported.rs).
    for rule in QuoteRule::ALL
        .into_iter()
        .filter(|r| !r.id().starts_with("quote/reported-"))
    {
        assert!(seen.contains(&rule), "no case exercises {}", rule.id());
    }
}

#[test]
fn the_full_pipeline_attributes_a_news_paragraph() {
    let text = "SEOUL (Reuters) - Vice President Mike Pence met defectors on Tuesday.\n\n\
                \u{201C}We will not be silent,\u{201D} Pence said. \u{201C}The world is watching.\u{201D}\n\n\
                Nick Ayers, Pence's chief of staff, said the visit was \"a signal\" to Pyongyang.";
    let found = Annotator::new().annotate(text, &Options::default());
    let quotes: Vec<(&str, Option<&str>)> = found
        .quotes
        .iter()
        .filter(|q| q.kind != QuoteKind::Reported)
        .map(|q: &Quote| (slice(text, q.span.range()), q.speaker.as_deref()))
        .collect();
    assert_eq!(
        quotes,
        [
            ("\u{201C}We will not be silent,\u{201D}", Some("Mike Pence")),
            ("\u{201C}The world is watching.\u{201D}", Some("Mike Pence")),
            ("\"a signal\"", Some("Nick Ayers")),
        ]
    );
}
