//! Expressions relative to the document date: vague references ("now", "recently"), shifts ("last
//! week", "next April", "the past three months"), the year before ("year-ago"), the end of the year,
//! and "the year", "the month", "the weekend".

use super::{Hit, Rules, View};
use crate::annotation::DateLabel;
use crate::dates::expr::{DateExpr, Named};
use crate::dates::lexicon::Unit;
use crate::dates::value::{Duration, PartOfDay, Reference, TimeOfDay, Value};
use crate::text::TokenKind;

/// Words that may stand between "the" and "year" ("the full fiscal year"), at most two of them.
const YEAR_ADJECTIVES: &[&str] = &["full", "fiscal", "entire", "whole", "calendar"];
const MAX_YEAR_ADJECTIVES: usize = 2;

/// Words before "that day" or "that week" that make it the day of an event told before ("earlier that day").
const THAT_DAY_BEFORE: &[&str] = &["earlier", "later", "on", "by", "until", "since", "during", "of"];

impl Rules<'_> {
    /// `date/reference`: "now" (also "Now," opening a sentence: the present set against the past),
    /// "recently", "the future", "recent months".
    pub(super) fn reference(&self, v: &View, j: usize) -> Option<Hit> {
        let (value, end) = self.lx.references.longest(v, j)?;
        // "the current account deficit", "current affairs": economics and television, not time.
        if v.w(j) == "current" && matches!(v.w(j + 1), "account" | "accounts" | "affairs" | "events") {
            return None;
        }
        // "future" as an adjective ("future plans") is not a date.
        if v.w(j) == "future" && end == j + 1 && v.doc.tokens.get(j + 1).is_some_and(|t| t.kind == TokenKind::Word) {
            return None;
        }
        // "the future of our peoples": the fate of something, not a time.
        if v.w(end - 1) == "future" && v.w(end) == "of" {
            return None;
        }
        let label = match value {
            Value::Reference(_) => DateLabel::Date,
            _ => DateLabel::Duration,
        };
        Some(self.hit(v, j, end, DateExpr::Known(value), label))
    }

    /// `date/shift`: "last week", "next month", "this year", "last April", "next Tuesday", "last fall",
    /// "the past three months", "this morning", "last night", "last year's third quarter".
    pub(super) fn shift(&self, v: &View, j: usize) -> Option<Hit> {
        let w = v.w(j);
        let mut n = *self.lx.shifts.get(w)?;
        let mut k = j + 1;
        if v.w(k) == "fiscal" && self.lx.units.contains_key(v.w(k + 1)) {
            // "the current fiscal year"
            k += 1;
        }
        if w == "this" && v.w(k) == "past" {
            // "this past spring"
            n = -1;
            k += 1;
        }
        let t = v.w(k);
        if let Some(&u) = self.lx.units.get(t) {
            // "the following year", "the previous month": counted from the date told of before.
            let anaphoric = v.prev(j) == "the" && matches!(w, "following" | "previous" | "preceding" | "prior");
            if anaphoric && matches!(u, Unit::Year | Unit::Quarter | Unit::Month | Unit::Week | Unit::Day) {
                return Some(self.hit(v, j, k + 1, DateExpr::ThatUnit { unit: u, n }, DateLabel::Date));
            }
            if v.cap(k) && !v.all_caps(k) {
                // "This Week", "Next Month": a programme or a headline word, not a date in running text.
                return None;
            }
            if t.ends_with('s') || matches!(u, Unit::Hour | Unit::Minute | Unit::Second) {
                return None;
            }
            if w == "current" && !matches!(u, Unit::Year | Unit::Quarter | Unit::Month | Unit::Week) {
                return None;
            }
            if u == Unit::Year && v.w(k + 1) == "'s" {
                // "this year's third quarter", "last year's quarter"
                let q = self.quarter(v, k + 2).map(|f| (f.expr, f.end));
                let q = q.or_else(|| {
                    (v.w(k + 2) == "quarter").then_some((
                        DateExpr::Quarter {
                            part: None,
                            year_shift: 0,
                            half: false,
                        },
                        k + 3,
                    ))
                });
                if let Some((DateExpr::Quarter { part, half, .. }, end)) = q {
                    let e = DateExpr::Quarter {
                        part,
                        year_shift: n,
                        half,
                    };
                    return Some(self.hit(v, j, end, e, DateLabel::Date));
                }
            }
            let e = DateExpr::Shift { unit: u, n };
            return Some(self.hit(v, j, k + 1, e, DateLabel::Date));
        }
        if let Some(&p) = self.lx.parts_of_day.get(t) {
            // "this morning", "last night"; "next morning" is left alone.
            let day = match (n, p) {
                (0, _) => 0,
                (-1, PartOfDay::Night) => -1,
                _ => return None,
            };
            let e = DateExpr::WithTime {
                base: Box::new(DateExpr::Shift {
                    unit: Unit::Day,
                    n: day,
                }),
                time: TimeOfDay::Part(p),
            };
            return Some(self.hit(v, j, k + 1, e, DateLabel::Time));
        }
        if let Some((count, k2)) = self.number(v, k) {
            if let Some(&u) = self.lx.units.get(v.w(k2)) {
                if w == "this" || w == "current" {
                    return None;
                }
                let e = DateExpr::Known(Value::Duration(Duration::of(count, u)));
                return Some(self.hit(v, j, k2 + 1, e, DateLabel::Duration));
            }
        }
        let named = if let Some(wd) = self.weekday_at(v, k).filter(|_| self.is_full_weekday(v, k)) {
            Named::Weekday(wd)
        } else if let Some(m) = self.month_at(v, k) {
            // "last Oct. 23": the day, not the month.
            if let Some(day) = self.day_num(v, k + 1).filter(|_| n != 0) {
                let e = DateExpr::NamedShift {
                    named: Named::MonthDay { month: m, day },
                    n,
                };
                return (!matches!(w, "current" | "past")).then(|| self.hit(v, j, k + 2, e, DateLabel::Date));
            }
            Named::Month(m)
        } else if let Some(&s) = self.lx.seasons.get(t) {
            Named::Season(s)
        } else {
            return None;
        };
        if matches!(w, "current" | "past") {
            return None;
        }
        Some(self.hit(v, j, k + 1, DateExpr::NamedShift { named, n }, DateLabel::Date))
    }

    /// `date/year-ago`: "year-ago", "year-earlier" (the year before, or that quarter a year before).
    pub(super) fn year_ago(&self, v: &View, j: usize) -> Option<Hit> {
        matches!(v.w(j), "year-ago" | "year-earlier").then(|| self.hit(v, j, j + 1, DateExpr::YearAgo, DateLabel::Date))
    }

    /// `date/year-end`: "year-end", "year end", "year's end": the current year.
    pub(super) fn year_end(&self, v: &View, j: usize) -> Option<Hit> {
        let end = match (v.w(j), v.w(j + 1), v.w(j + 2)) {
            ("year-end", _, _) => j + 1,
            ("year", "end", _) => j + 2,
            ("year", "'s", "end") => j + 3,
            _ => return None,
        };
        Some(self.hit(v, j, end, DateExpr::Shift { unit: Unit::Year, n: 0 }, DateLabel::Date))
    }

    /// `date/day-of-event` (after "the"): "today is the eighth day of the strike", "it's the third
    /// straight day of protests": in the present tense, with today or "it" as the subject, the day
    /// counted is the document date. "Friday is the second day" names its own day and is left alone.
    pub(super) fn day_of_event(&self, v: &View, j: usize) -> Option<Hit> {
        if j < 3 || !self.lx.ordinals.contains_key(v.w(j)) {
            return None;
        }
        let day = if matches!(v.w(j + 1), "straight" | "consecutive") {
            j + 2
        } else {
            j + 1
        };
        let present = matches!(v.w(j - 2), "is" | "'s" | "\u{2019}s");
        let subject = matches!(v.w(j - 3), "today" | "it" | "this");
        if v.w(day) != "day" || !present || !subject {
            return None;
        }
        let e = DateExpr::Shift { unit: Unit::Day, n: 0 };
        Some(self.hit(v, j, day + 1, e, DateLabel::Date))
    }

    /// `date/the-year` (after "the"): "the year", "the full year", "the year 1998", "the year two
    /// thousand"; "the year ended Sept. 30" is a fiscal year, a length of time.
    pub(super) fn the_year(&self, v: &View, j: usize) -> Option<Hit> {
        let mut k = j;
        while YEAR_ADJECTIVES.contains(&v.w(k)) && k < j + MAX_YEAR_ADJECTIVES {
            k += 1;
        }
        if v.w(k) != "year" {
            return None;
        }
        let (end, e, label) = if v.w(k + 1) == "two" && v.w(k + 2) == "thousand" {
            (k + 3, DateExpr::Known(Value::Year(2000)), DateLabel::Date)
        } else if let Some((y, end)) = self
            .spelled_year(v, k + 1)
            .or_else(|| self.year_num(v, k + 1).map(|y| (y, k + 2)))
        {
            (end, DateExpr::Known(Value::Year(y.into())), DateLabel::Date)
        } else if matches!(v.w(k + 1), "ended" | "ending" | "ends") {
            let e = DateExpr::Known(Value::Duration(Duration::of(Some(1), Unit::Year)));
            (k + 1, e, DateLabel::Duration)
        } else {
            (k + 1, DateExpr::Shift { unit: Unit::Year, n: 0 }, DateLabel::Date)
        };
        Some(self.hit(v, j, end, e, label))
    }

    /// `date/the-unit` (after "the"): "the month", "the week" (the current one), "the weekend" (the last
    /// one), "the week of March 6" (the week of that day).
    pub(super) fn the_unit(&self, v: &View, j: usize) -> Option<Hit> {
        if v.w(j) == "week" && v.w(j + 1) == "of" {
            // "the week of March 6": the ISO week of that day.
            if let Some(day) = self
                .explicit_date(v, j + 2)
                .filter(|h| matches!(h.expr, DateExpr::MonthDay { .. } | DateExpr::Known(Value::Day(_))))
            {
                let e = DateExpr::WeekOf(Box::new(day.expr));
                return Some(self.hit(v, j, day.end, e, DateLabel::Date));
            }
        }
        let (unit, n) = match v.w(j) {
            // A unit word right after ("the week day") makes another phrase.
            "month" if !self.lx.units.contains_key(v.w(j + 1)) => (Unit::Month, 0),
            "week" if !self.lx.units.contains_key(v.w(j + 1)) => (Unit::Week, 0),
            "weekend" => (Unit::Weekend, -1),
            _ => return None,
        };
        Some(self.hit(v, j, j + 1, DateExpr::Shift { unit, n }, DateLabel::Date))
    }

    /// `date/then` at "the": "at the time" is the past time the text is telling of (PAST_REF); the span
    /// is "the time", as TimeML leaves the preposition out. "at the time of the attack" names its
    /// own time and is left alone.
    pub(super) fn then_at_the(&self, v: &View, j: usize) -> Option<Hit> {
        if v.prev(j) != "at" || v.w(j + 1) != "time" || v.w(j + 2) == "of" {
            return None;
        }
        let e = DateExpr::Known(Value::Reference(Reference::Past));
        Some(self.hit(v, j, j + 2, e, DateLabel::Date))
    }

    /// `date/that-unit`: "that year", "that quarter", "that same month", "later that day": a unit of
    /// the date named before. A day or week needs a word that makes it a time ("earlier that day",
    /// "on that day", "that same day"), as "trades made that day" is often generic.
    pub(super) fn that_unit(&self, v: &View, j: usize) -> Option<Hit> {
        if v.w(j) != "that" {
            return None;
        }
        let same = v.w(j + 1) == "same";
        let k = if same { j + 2 } else { j + 1 };
        // "that quarter-point cut", "that year-old": a hyphen glues the unit to another word.
        if v.w(k + 1) == "-" {
            return None;
        }
        let unit = match v.w(k) {
            "year" => Unit::Year,
            "quarter" => Unit::Quarter,
            "month" => Unit::Month,
            "week" => Unit::Week,
            "day" => Unit::Day,
            _ => return None,
        };
        let timed = same || THAT_DAY_BEFORE.contains(&v.prev(j));
        if matches!(unit, Unit::Week | Unit::Day) && !timed {
            return None;
        }
        Some(self.hit(v, j, k + 1, DateExpr::ThatUnit { unit, n: 0 }, DateLabel::Date))
    }

    /// `date/then`: "back then", the past time the text is telling of (PAST_REF); the span is "then".
    pub(super) fn then_back(&self, v: &View, j: usize) -> Option<Hit> {
        if v.w(j) != "then" || v.prev(j) != "back" {
            return None;
        }
        let e = DateExpr::Known(Value::Reference(Reference::Past));
        Some(self.hit(v, j, j + 1, e, DateLabel::Date))
    }
}
