//! The `rule` id of each entity as a user reads it next to `reason`: the id names the rule that
//! decided, and never contradicts the words.

use newsmark::export::{Export, WireAnnotation};
use newsmark::{Annotator, EntityRule, Options};

/// (text, label, rule, reason) of every entity in the export of `text`.
fn entities(text: &str) -> Vec<(String, String, String, String, Option<f64>)> {
    let found = Annotator::shared().annotate(text, &Options::default());
    Export::new(text, &found)
        .annotations
        .into_iter()
        .filter_map(|a| match a {
            WireAnnotation::Entity {
                span,
                label,
                reason,
                confidence,
                rule,
                ..
            } => Some((span.text, label.into_owned(), rule.into_owned(), reason, confidence)),
            _ => None,
        })
        .collect()
}

#[test]
fn rule_based_entities_carry_their_rule_id() {
    let text = "WASHINGTON (Reuters) - Shares of Magna International Inc rose on Tuesday near Downing Street.";
    let found = entities(text);
    let rule_of = |t: &str| {
        found
            .iter()
            .find(|e| e.0 == t)
            .map(|e| (e.1.as_str(), e.2.as_str()))
            .unwrap_or_else(|| panic!("no entity {t:?} in {found:?}"))
    };
    assert_eq!(rule_of("WASHINGTON"), ("LOC", "entity/dateline"));
    assert_eq!(rule_of("Reuters"), ("ORG", "entity/dateline"));
    assert_eq!(rule_of("Magna International Inc"), ("ORG", "entity/legal-form"));
    assert_eq!(rule_of("Downing Street"), ("LOC", "entity/street-or-landmark"));
}

#[test]
fn rule_and_reason_agree_on_a_whole_article() {
    let text = include_str!("../docs/example-article.txt");
    let found = entities(text);
    assert!(found.len() > 10, "{found:?}");
    let known: Vec<&str> = EntityRule::ALL.iter().map(|r| r.id()).collect();
    for (t, _, rule, reason, confidence) in &found {
        assert!(known.contains(&rule.as_str()), "{t:?}: unknown rule {rule}");
        // The tagger's own label: its confidence is given, and the reason says so.
        if rule == "entity/model" {
            assert!(confidence.is_some(), "{t:?}: model mention without confidence");
            assert!(reason.starts_with("model ") && !reason.contains(';'), "{t:?}: {reason}");
        }
        assert_eq!(
            rule == "entity/dateline",
            reason == "dateline",
            "{t:?}: {rule} / {reason}"
        );
        assert_eq!(
            rule == "entity/same-name",
            reason.starts_with("same name as "),
            "{t:?}: {rule} / {reason}"
        );
    }
    assert!(found.iter().any(|e| e.2 == "entity/dateline"), "{found:?}");
}

#[test]
fn works_and_laws_carry_their_rule_ids() {
    let text = "The drug Veltrazine was approved under the Medicines Act 1968. Doctors say Veltrazine helps.";
    let found = entities(text);
    let rules_of = |t: &str| -> Vec<(String, String)> {
        found
            .iter()
            .filter(|e| e.0 == t)
            .map(|e| (e.1.clone(), e.2.clone()))
            .collect()
    };
    let drug = rules_of("Veltrazine");
    assert_eq!(drug.len(), 2, "{found:?}");
    assert_eq!(drug[0], ("MISC".to_string(), "entity/work-cue".to_string()));
    assert_eq!(drug[1], ("MISC".to_string(), "entity/consistent-label".to_string()));
    assert_eq!(
        rules_of("Medicines Act 1968"),
        [("MISC".to_string(), "entity/law-name".to_string())]
    );
}
