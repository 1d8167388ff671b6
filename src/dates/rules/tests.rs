use super::*;
use crate::dates::value::{Duration, Recurrence};

fn find(text: &str) -> Vec<(String, DateExpr, DateLabel, DateRule)> {
    let lx = Lexicon::load();
    let tr = triggers(&lx);
    let doc = Document::new(text);
    let v = View::new(&doc);
    Rules::new(&lx, &tr)
        .find_all(&v)
        .into_iter()
        .map(|f| (text[f.span.range()].to_string(), f.expr, f.label, f.rule))
        .collect()
}

#[test]
fn spans_follow_timeml_conventions() {
    let got = find("He spoke on Tuesday about the past three months and the third quarter.");
    let spans: Vec<&str> = got.iter().map(|g| g.0.as_str()).collect();
    assert_eq!(spans, ["Tuesday", "the past three months", "the third quarter"]);
    assert_eq!(got[0].1, DateExpr::Weekday(2));
    assert_eq!(got[1].2, DateLabel::Duration);
    let rules: Vec<DateRule> = got.iter().map(|g| g.3).collect();
    assert_eq!(rules, [DateRule::Weekday, DateRule::Shift, DateRule::Quarter]);
}

#[test]
fn ambiguous_words_need_date_context() {
    assert!(find("May I help? We march. Sun rose 5%.").is_empty());
    let got = find("It opened in May and closed in March 2017.");
    assert_eq!(got[0].0, "May");
    assert_eq!(got[0].1, DateExpr::Month(5));
    assert_eq!(got[1].1, DateExpr::Known(Value::Month { year: 2017, month: 3 }));
}

#[test]
fn numbers_that_are_not_years() {
    assert!(find("It cost $1999 for 2018 people, 3-1, call 555-1234, section 2017.").is_empty());
    assert_eq!(find("the 1998 election")[0].1, DateExpr::Known(Value::Year(1998)));
}

#[test]
fn a_year_range_is_two_years_of_one_rule() {
    let got = find("between 2010-2012 and");
    let spans: Vec<(&str, &DateExpr)> = got.iter().map(|g| (g.0.as_str(), &g.1)).collect();
    let (a, b) = (DateExpr::Known(Value::Year(2010)), DateExpr::Known(Value::Year(2012)));
    assert_eq!(spans, [("2010", &a), ("2012", &b)]);
    assert!(got.iter().all(|g| g.3 == DateRule::YearRange));
    // A two-digit end year ("the 1998-99 season") counts from the first year's century.
    let short = find("the 1998-99 season");
    let spans: Vec<(&str, &DateExpr)> = short.iter().map(|g| (g.0.as_str(), &g.1)).collect();
    let (a, b) = (DateExpr::Known(Value::Year(1998)), DateExpr::Known(Value::Year(1999)));
    assert_eq!(spans, [("1998", &a), ("99", &b)]);
}

#[test]
fn durations_ago_and_sets() {
    let got = find("three years ago, two-year, a couple of weeks, every Monday, twice a year");
    let exprs: Vec<&DateExpr> = got.iter().map(|g| &g.1).collect();
    assert_eq!(
        exprs[0],
        &DateExpr::Shift {
            unit: Unit::Year,
            n: -3
        }
    );
    let years = Duration::of(Some(2), Unit::Year);
    assert_eq!(exprs[1], &DateExpr::Known(Value::Duration(years)));
    assert_eq!(
        exprs[2],
        &DateExpr::Known(Value::Duration(Duration::of(Some(2), Unit::Week)))
    );
    let monday = Recurrence::Weekday { weekday: 1, part: None };
    assert_eq!(exprs[3], &DateExpr::Known(Value::Set(monday)));
    assert_eq!(got[4].2, DateLabel::Set);
    assert_eq!(got[4].3, DateRule::Duration);
}

#[test]
fn a_long_run_of_prefix_words_is_cheap_and_finds_nothing() {
    let text = "the end of the end of early late the ".repeat(2000);
    assert!(find(&text).is_empty());
}

#[test]
fn the_whole_text_scan_taken_over_from_the_head_finds_what_a_fresh_one_does() {
    let lx = Lexicon::load();
    let tr = triggers(&lx);
    let rules = Rules::new(&lx, &tr);
    let text = "LONDON, Feb 21 (Reuters) - The film \"Born on the Fourth of July\" opened on Tuesday, \
                February 20, 2018 at 10:30 p.m. UTC, three years after the 1998-99 season and the first \
                nine months of the year-ago quarter; sales rose every Monday until next week.";
    let doc = Document::new(text);
    let whole = View::new(&doc);
    let fresh = rules.find_all(&whole);
    for cut in 0..=doc.tokens.len() {
        let head = View::prefix(&doc, cut);
        let found = rules.find_in_head(&head);
        // Cut inside "February 20, 2018" or "10:30 p.m. UTC", the head alone sees less than the whole.
        assert_eq!(found.found, rules.find_all(&View::prefix(&doc, cut)), "cut at {cut}");
        assert_eq!(rules.find_all_after(&whole, &found), fresh, "cut at {cut}");
    }
}
