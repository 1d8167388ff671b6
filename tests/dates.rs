//! Table-driven date cases (tests/cases/dates/<family>.json, one file per rule family, against a
//! fixed document date): every expected expression is found by slicing the text at its span, with
//! its TIMEX3 type, value, rule id, gloss, anchor and reason.

use newsmark::{Annotator, DateAnchor, DateRule, DateSource, Options};
use serde_json::Value;

/// The case files, by rule family (as in `src/dates/rules/`), and the document-date cases.
const CASE_FILES: &[(&str, &str)] = &[
    ("explicit", include_str!("cases/dates/explicit.json")),
    ("numeric", include_str!("cases/dates/numeric.json")),
    ("days_times", include_str!("cases/dates/days_times.json")),
    ("relative", include_str!("cases/dates/relative.json")),
    ("periods", include_str!("cases/dates/periods.json")),
    ("durations_sets", include_str!("cases/dates/durations_sets.json")),
    ("document_date", include_str!("cases/dates/document_date.json")),
];

fn all_cases() -> Vec<(&'static str, Value)> {
    CASE_FILES
        .iter()
        .flat_map(|(family, json)| {
            let cases: Vec<Value> = serde_json::from_str(json).expect("valid JSON");
            cases.into_iter().map(move |c| (*family, c))
        })
        .collect()
}

fn options(case: &Value) -> Options {
    match case["document_date"].as_str() {
        Some(d) => Options::with_document_date(d).expect("valid date in case file"),
        None => Options::default(),
    }
}

#[test]
fn date_cases() {
    let annotator = Annotator::new();
    let mut failures = Vec::new();
    for (family, case) in &all_cases() {
        let name = format!("{family}: {}", case["name"].as_str().unwrap_or("?"));
        let text = case["text"].as_str().expect("text");
        let found = annotator.annotate(text, &options(case));
        let slices: Vec<&str> = found.dates.iter().map(|d| &text[d.span.range()]).collect();
        for exp in case["expect"].as_array().expect("expect list") {
            let want = exp["text"].as_str().expect("expected text");
            let nth = exp["nth"].as_u64().unwrap_or(0) as usize;
            let Some(d) = found.dates.iter().filter(|d| &text[d.span.range()] == want).nth(nth) else {
                failures.push(format!("{name}: {want:?} (#{nth}) not found; got {slices:?}"));
                continue;
            };
            let label = d.label.as_str();
            if exp["label"].as_str() != Some(label) {
                failures.push(format!("{name}: {want:?} label {label}, want {}", exp["label"]));
            }
            if exp.get("value").is_some() && exp["value"].as_str() != d.value.as_deref() {
                failures.push(format!("{name}: {want:?} value {:?}, want {}", d.value, exp["value"]));
            }
            if exp["rule"].as_str() != Some(d.rule.id()) {
                failures.push(format!("{name}: {want:?} rule {}, want {}", d.rule.id(), exp["rule"]));
            }
            if let Some(g) = exp["gloss"].as_str() {
                if d.gloss.as_deref() != Some(g) {
                    failures.push(format!("{name}: {want:?} gloss {:?}, want {g:?}", d.gloss));
                }
            }
            if let Some(r) = exp["reason_contains"].as_str() {
                if !d.reason.as_deref().unwrap_or("").contains(r) {
                    failures.push(format!(
                        "{name}: {want:?} reason {:?}, want it to mention {r:?}",
                        d.reason
                    ));
                }
            }
            match (exp["anchor"].as_str(), d.anchor) {
                (None, _) | (Some("document_date"), Some(DateAnchor::DocumentDate)) => {}
                (Some("mention"), Some(DateAnchor::Mention(k))) if k < found.dates.len() => {}
                (Some(a), got) => failures.push(format!("{name}: {want:?} anchor {got:?}, want {a}")),
            }
        }
        for absent in case["absent"].as_array().into_iter().flatten() {
            let a = absent.as_str().expect("absent text");
            if slices.contains(&a) {
                failures.push(format!("{name}: {a:?} must not be a date; got {slices:?}"));
            }
        }
        if let Some(dd) = case.get("document_date_detected") {
            let got = found.document_date;
            match (dd.is_null(), got) {
                (true, None) => {}
                (true, Some(g)) => failures.push(format!("{name}: document date {g:?}, want none")),
                (false, None) => failures.push(format!("{name}: no document date, want {dd}")),
                (false, Some(g)) => {
                    if dd["value"].as_str() != Some(g.date.to_string().as_str()) {
                        failures.push(format!("{name}: document date {}, want {}", g.date, dd["value"]));
                    }
                    match g.source {
                        DateSource::Text(span) if dd["evidence"].as_str() == Some(&text[span.range()]) => {}
                        other => failures.push(format!("{name}: evidence {other:?}, want {}", dd["evidence"])),
                    }
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn every_rule_has_a_case_and_every_case_names_a_rule() {
    let named: Vec<String> = all_cases()
        .iter()
        .flat_map(|(_, c)| c["expect"].as_array().cloned().unwrap_or_default())
        .map(|e| {
            e["rule"]
                .as_str()
                .expect("every expectation names its rule")
                .to_string()
        })
        .collect();
    for rule in DateRule::ALL {
        assert!(named.iter().any(|n| n == rule.id()), "no case for {}", rule.id());
    }
}

#[test]
fn rule_ids_are_distinct_and_well_formed() {
    let ids: Vec<&str> = DateRule::ALL.iter().map(|r| r.id()).collect();
    for (i, id) in ids.iter().enumerate() {
        let name = id.strip_prefix("date/").expect("date/ prefix");
        assert!(
            !name.is_empty()
                && name
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        );
        assert!(!ids[..i].contains(id), "{id} twice");
    }
}

#[test]
fn changing_the_document_date_re_resolves_relative_values() {
    let annotator = Annotator::new();
    let text = "Officials said on Tuesday that talks begin next month.";
    let a = annotator.annotate(text, &Options::with_document_date("2018-02-21").unwrap());
    let b = annotator.annotate(text, &Options::with_document_date("2019-07-04").unwrap());
    let values = |f: &newsmark::Annotations| f.dates.iter().map(|d| d.value.clone()).collect::<Vec<_>>();
    assert_eq!(values(&a), [Some("2018-02-20".into()), Some("2018-03".into())]);
    assert_eq!(values(&b), [Some("2019-07-02".into()), Some("2019-08".into())]);
}

#[test]
fn hostile_inputs_do_not_panic_and_spans_slice() {
    let annotator = Annotator::new();
    let inputs = [
        String::new(),
        "Feb. ".repeat(5_000),
        "2018-02-30 99:99 p.m. the the the last last next".repeat(150),
        "\"".repeat(30_000),
        "A".repeat(30_000),
        "every every each other every 1 - - - year-ago fiscal fiscal Q9 Q0 the 1990s '".repeat(500),
        "💩 March 👨🏻‍🚒 Tuesday é\u{301} 21 Feb 2018\r\n\u{a0}now".repeat(100),
        "1 2 3 4 5 6 7 8 9 10 11 12 13 2010-2012 12/31/99 0/0/0000 31 Feb".repeat(100),
    ];
    for text in &inputs {
        for date in [None, Some("2018-02-21")] {
            let opts = match date {
                Some(d) => Options::with_document_date(d).unwrap(),
                None => Options::default(),
            };
            let found = annotator.annotate(text, &opts);
            for d in &found.dates {
                assert!(text.get(d.span.range()).is_some_and(|s| !s.is_empty()));
            }
            assert!(found.dates.windows(2).all(|w| w[0].span.start <= w[1].span.start));
        }
    }
}
