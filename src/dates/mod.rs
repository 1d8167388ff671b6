//! Dates and times: temporal expressions with TIMEX3 values, and the document date.
//!
//! `rules` recognises expressions over tokens with named rules ([`crate::annotation::DateRule`]) and
//! yields a [`expr::DateExpr`]; `tense` reads the clause to decide whether a bare weekday or month
//! points back or forward; `resolve` turns the expression into a typed TIMEX3 [`value::Value`]
//! against the document date, written as a TIMEX3 string in one place (`value`); `gloss` says the
//! value in words for the hover card. Vocabulary lives in `data/dates/` ([`lexicon`]).

pub mod calendar;
pub mod document_date;
pub mod expr;
pub mod gloss;
pub mod lexicon;
pub mod resolve;
pub mod rules;
pub mod tense;
pub mod value;

use crate::annotation::{DateAnchor, DateMention, DocumentDate, Entity, EntityRule};
use crate::text::Document;
use calendar::CalendarDate;
use expr::DateExpr;
use lexicon::{CueTense, Lexicon, Words};
use resolve::{Direction, QuarterContext};
use rules::{Found, HeadMatches, Rules, View};
use std::cell::OnceCell;
use value::Value;

/// One document's date matches, each found once when first asked for: the head's, for the
/// document date, and the whole text's, which take over the head's where they cannot differ.
pub struct Scan<'d> {
    doc: &'d Document<'d>,
    head: OnceCell<(View<'d>, HeadMatches)>,
    whole: OnceCell<(View<'d>, Vec<Found>)>,
}

impl<'d> Scan<'d> {
    /// A scan of `doc`, with nothing matched yet.
    pub fn new(doc: &'d Document<'d>) -> Self {
        Scan {
            doc,
            head: OnceCell::new(),
            whole: OnceCell::new(),
        }
    }
}

/// Finds temporal expressions; built once, holds the vocabulary.
pub struct DateRecognizer {
    lexicon: Lexicon,
    triggers: rules::Triggers,
}

impl DateRecognizer {
    /// Loads the vocabulary.
    pub fn new() -> Self {
        let lexicon = Lexicon::load();
        let triggers = rules::triggers(&lexicon);
        DateRecognizer { lexicon, triggers }
    }

    fn rules(&self) -> Rules<'_> {
        Rules::new(&self.lexicon, &self.triggers)
    }

    /// The rules' matches over the head of `doc`, for its document date, found once.
    fn head<'s, 'd>(&self, scan: &'s Scan<'d>) -> &'s (View<'d>, HeadMatches) {
        scan.head.get_or_init(|| {
            let view = View::prefix(scan.doc, document_date::head_lines(scan.doc).len());
            let found = self.rules().find_in_head(&view);
            (view, found)
        })
    }

    /// The rules' matches over the whole of `doc`, found once and sharing the head's where they can.
    fn whole<'s, 'd>(&self, scan: &'s Scan<'d>) -> &'s (View<'d>, Vec<Found>) {
        scan.whole.get_or_init(|| {
            let view = View::new(scan.doc);
            let found = self.rules().find_all_after(&view, &self.head(scan).1);
            (view, found)
        })
    }

    /// Detects the article's own date from a date line or dateline near the top.
    pub fn detect_document_date(&self, scan: &Scan) -> Option<DocumentDate> {
        let (view, head) = self.head(scan);
        document_date::detect(scan.doc, view, &head.found, || self.whole(scan).1.as_slice())
    }

    /// Finds every temporal expression, resolving relative ones against `document_date`.
    ///
    /// A date inside the title of a work the entity layer found ("Born on the Fourth of July") is
    /// part of the title, not a date the article speaks of.
    pub fn find(&self, scan: &Scan, document_date: Option<CalendarDate>, entities: &[Entity]) -> Vec<DateMention> {
        let doc = scan.doc;
        let (view, found) = self.whole(scan);
        let mut found = found.clone();
        // The titles first: asking every entity for every date made a long text quadratic.
        let titles: Vec<_> = entities
            .iter()
            .filter(|e| e.rule == EntityRule::WorkCue)
            .map(|e| e.span)
            .collect();
        found.retain(|f| {
            let (start, end) = (
                doc.tokens[f.start].span.start,
                doc.tokens[f.end.max(f.start + 1) - 1].span.end,
            );
            !titles.iter().any(|t| t.start <= start && end <= t.end)
        });
        let mut out: Vec<DateMention> = Vec::with_capacity(found.len());
        // The last quarter named explicitly, for "the quarter" / "the year-ago quarter".
        let mut quarter: Option<(QuarterContext, usize)> = None;
        // The last date mention with a calendar value, for "that year" / "later that day".
        let mut last_date: Option<(Value, usize)> = None;
        // A span of months ("the first nine months") named after the last quarter.
        let mut months_since_quarter = false;
        for f in found {
            let (dir, mut reason) = if f.expr.needs_direction() {
                let sentence = doc
                    .sentences
                    .get(doc.sentence_of(f.start))
                    .cloned()
                    .unwrap_or(0..doc.tokens.len());
                let cue = tense::clause_tense(&self.lexicon, view, token_text(doc), sentence, f.start, f.end);
                // "by February", "through January": a deadline or an end point lies ahead.
                let before = f.start.checked_sub(1).map(|k| view.word(k).unwrap_or("")).unwrap_or("");
                // A span told of in the past stays behind: "had bought shares through Sept. 29" (the
                // past perfect), "sales this year through August" (the year to date); "extended the
                // offer until Nov. 6" and "has extended loans through January" look ahead.
                let year_to_date = before == "through"
                    && f.start >= 3
                    && view.word(f.start - 3) == Some("this")
                    && view.word(f.start - 2) == Some("year");
                let told_past = year_to_date
                    || cue
                        .as_ref()
                        .is_some_and(|c| c.tense == CueTense::Past && c.word.eq_ignore_ascii_case("had"));
                let deadline =
                    matches!(before, "by" | "through" | "until" | "till") && !is_weekday(&f.expr) && !told_past;
                // "Wednesday's ruling": a day named for its event has mostly passed, whatever modal
                // ("would get around Wednesday's ruling") the clause has; only "will" points ahead.
                let after = view.word(f.end).unwrap_or("");
                let possessive = is_weekday(&f.expr) && matches!(after, "'s" | "\u{2019}s");
                let firm_future = cue
                    .as_ref()
                    .is_some_and(|c| FIRM_FUTURE.contains(&c.word.to_lowercase().as_str()));
                match cue {
                    _ if deadline => (Direction::Future, Some(format!("deadline: {before}"))),
                    _ if possessive && !firm_future => (
                        Direction::Past,
                        Some("a day named for its event (\"Friday's\"): the most recent one".to_string()),
                    ),
                    // "the quarter ended Oct. 31": a period that is over ended on the last such day.
                    Some(c) if c.tense == CueTense::Past && c.word.eq_ignore_ascii_case("ended") => (
                        Direction::Ended,
                        Some("a period that ended (\"ended\"): the most recent one".to_string()),
                    ),
                    Some(c) if c.tense == CueTense::Past => (Direction::Past, Some(format!("past tense: {}", c.word))),
                    Some(c) => (Direction::Future, Some(format!("future or modal: {}", c.word))),
                    None if is_weekday(&f.expr) => (
                        Direction::Past,
                        Some("no tense cue: the most recent one (news default)".to_string()),
                    ),
                    None => (Direction::Nearest, Some("no tense cue: the nearest one".to_string())),
                }
            } else {
                (Direction::Nearest, None)
            };
            let uses_quarter = matches!(
                f.expr,
                DateExpr::Quarter { part: None, .. } | DateExpr::YearAgo | DateExpr::QuarterOfYear(_)
            );
            let that_unit = match f.expr {
                DateExpr::ThatUnit { unit, n } => Some((unit, n)),
                _ => None,
            };
            // A clock time with no day ("shot at 10 p.m.") is on the day the text tells of.
            let bare_clock = match &f.expr {
                DateExpr::WithTime {
                    base,
                    time: value::TimeOfDay::Clock { .. },
                } => matches!(
                    **base,
                    DateExpr::Shift {
                        unit: lexicon::Unit::Day,
                        n: 0
                    }
                ),
                _ => false,
            };
            let last_day = last_date
                .as_ref()
                .filter(|(v, _)| matches!(resolve::unit_of(v, lexicon::Unit::Day), Some(Value::Day(_))));
            let on_last_day = bare_clock && last_day.is_some();
            let anaphoric = that_unit.is_some() || matches!(f.expr, DateExpr::DayOfLastMonth(_)) || on_last_day;
            // After "for the nine months", "a year earlier" and "the 1988 period" compare that span, which
            // no quarter names: the year. "The quarter" still means the quarter named before.
            let quarter_here = match f.expr {
                DateExpr::YearAgo | DateExpr::QuarterOfYear(_) if months_since_quarter => None,
                _ => quarter.map(|q| q.0),
            };
            let mut value = match (that_unit, &last_date) {
                (None, Some((last, _))) if anaphoric => match &f.expr {
                    DateExpr::DayOfLastMonth(day) => resolve::day_of_month(last, *day),
                    DateExpr::WithTime { time, .. } => {
                        resolve::unit_of(last, lexicon::Unit::Day).map(|day| Value::WithTime {
                            date: Box::new(day),
                            time: *time,
                        })
                    }
                    _ => None,
                },
                (Some((unit, n)), Some((last, _))) => resolve::anaphoric(last, unit, n),
                // With no date told of before, "the following year" counts from the document date.
                (Some((unit, n)), None) if n != 0 => {
                    resolve::resolve(&DateExpr::Shift { unit, n }, document_date, dir, None)
                }
                (Some(_), None) => None,
                (None, _) => resolve::resolve(&f.expr, document_date, dir, quarter_here),
            };
            let anchor = match (&value, f.expr.is_absolute()) {
                (Some(_), false) if anaphoric && last_date.is_some() => {
                    last_date.as_ref().map(|l| DateAnchor::Mention(l.1))
                }
                (Some(_), false) if uses_quarter && quarter_here.is_some() => quarter.map(|q| DateAnchor::Mention(q.1)),
                (Some(_), false) => Some(DateAnchor::DocumentDate),
                _ => None,
            };
            if anchor.is_none() {
                reason = None;
            } else if reason.is_none() {
                reason = Some(match anchor {
                    Some(DateAnchor::Mention(_)) if anaphoric => "the date named before".to_string(),
                    Some(DateAnchor::Mention(_)) => "the quarter named before".to_string(),
                    _ => "relative to the document date".to_string(),
                });
            }
            if let Some((v, why)) = self.past_quarter(doc, view, &f, value.as_ref(), document_date) {
                value = Some(v);
                reason = Some(why);
            }
            if let (
                Some(Value::Quarter { year, quarter: q }),
                DateExpr::Quarter {
                    year_shift: 0,
                    half: false,
                    ..
                }
                | DateExpr::Known(_),
            ) = (&value, &f.expr)
            {
                // Results are reported for quarters that have ended: "a fourth-quarter charge" in an
                // October story looks ahead and is no quarter to compare with.
                let ended = document_date.is_none_or(|d| (i64::from(d.year), (d.month - 1) / 3 + 1) > (*year, *q));
                // The report's quarter is the latest one named: "after a flat second quarter" in a
                // third-quarter report is background, not the quarter compared with.
                let latest = quarter.is_none_or(|(c, _)| (i64::from(c.year), c.quarter) <= (*year, *q));
                if let (Ok(year), 1..=4, true, true) = (i32::try_from(*year), q, ended, latest) {
                    quarter = Some((QuarterContext { year, quarter: *q }, out.len()));
                    months_since_quarter = false;
                }
            }
            if let Some(Value::Duration(value::Duration {
                amount: Some(n),
                unit: value::DurationUnit::Month,
            })) = value
            {
                // "the nine months", "the first six months": a span of several quarters, named as such.
                months_since_quarter |= view.word(f.start) == Some("the") && n > 3 && n < 12;
            }
            // A mention counted from the last date ("that year") adds nothing to count from.
            if let Some(v) = value
                .as_ref()
                .filter(|v| that_unit.is_none() && resolve::unit_of(v, lexicon::Unit::Year).is_some())
            {
                last_date = Some((v.clone(), out.len()));
            }
            let gloss = value
                .as_ref()
                .and_then(|v| gloss::gloss(&self.lexicon, v, f.label))
                .map(|g| match &f.zone {
                    Some(z) => format!("{g} ({z})"),
                    None => g,
                });
            out.push(DateMention {
                span: f.span,
                label: f.label,
                value: value.map(|v| v.to_string()),
                anchor,
                gloss,
                reason,
                rule: f.rule,
            });
        }
        out
    }
}

impl DateRecognizer {
    /// A quarter named without its year that is two or more quarters ahead of the document date, told
    /// of in the past tense, is last year's: "announced a drop in profits for the fourth quarter" in a January story
    /// is the quarter just reported, not the one ahead. The new value and its reason, when that applies.
    fn past_quarter(
        &self,
        doc: &Document,
        view: &View,
        f: &rules::Found,
        value: Option<&Value>,
        document_date: Option<CalendarDate>,
    ) -> Option<(Value, String)> {
        let (Some(&Value::Quarter { year, quarter }), Some(r)) = (value, document_date) else {
            return None;
        };
        if !matches!(
            f.expr,
            DateExpr::Quarter {
                part: Some(_),
                year_shift: 0,
                half: false
            }
        ) {
            return None;
        }
        // The next quarter stays ahead even in a past-tense clause ("was awaiting an upturn into the
        // fourth quarter" in August); two or three quarters ahead, last year's is the nearer one.
        let ahead = (year * 4 + i64::from(quarter)) - (i64::from(r.year) * 4 + i64::from((r.month - 1) / 3 + 1));
        if ahead < 2 {
            return None;
        }
        let sentence = doc.sentences.get(doc.sentence_of(f.start)).cloned()?;
        let cue = tense::clause_tense(&self.lexicon, view, token_text(doc), sentence, f.start, f.end)?;
        (cue.tense == CueTense::Past).then(|| {
            (
                Value::Quarter {
                    year: year - 1,
                    quarter,
                },
                format!("past tense: {}; this year's quarter has not begun", cue.word),
            )
        })
    }
}

/// The text of token `k`, for a tense cue's reason. One function for every call of
/// [`tense::clause_tense`], so the page's wasm holds one copy of it.
fn token_text<'a>(doc: &'a Document<'a>) -> impl Fn(usize) -> String + 'a {
    move |k| doc.token_text(k).to_string()
}

/// Cues that say the future outright, which even a possessive weekday follows ("will appeal Friday's ruling").
const FIRM_FUTURE: &[&str] = &["will", "'ll", "shall", "won't"];

fn is_weekday(e: &DateExpr) -> bool {
    match e {
        DateExpr::Weekday(_) => true,
        DateExpr::WithTime { base, .. } => is_weekday(base),
        _ => false,
    }
}

impl Default for DateRecognizer {
    fn default() -> Self {
        Self::new()
    }
}
