//! Lengths of time ("three years", "10-year", "a couple of weeks", "day-long"), lengths counted back
//! or ahead ("three years ago", "two days hence") and recurring times ("every Monday", "daily").

use super::{Hit, Rules, View};
use crate::annotation::DateLabel;
use crate::dates::expr::DateExpr;
use crate::dates::lexicon::Unit;
use crate::dates::value::{Duration, Recurrence, Reference, Value};

/// Words before "the" + a duration that keep it a length ("the first nine months").
const DURATION_ADJECTIVES: &[&str] = &["first", "latest", "initial", "final"];

fn duration(count: Option<u32>, unit: Unit) -> DateExpr {
    DateExpr::Known(Value::Duration(Duration::of(count, unit)))
}

fn every(recurrence: Recurrence) -> DateExpr {
    DateExpr::Known(Value::Set(recurrence))
}

impl Rules<'_> {
    /// `date/duration`: "three years", "10-year", "two-year", "a week", "several months"; with "ago",
    /// "earlier" or "hence" the date that far back or ahead ("three years ago").
    pub(super) fn duration(&self, v: &View, j: usize) -> Option<Hit> {
        if let Some((a, b)) = v.w(j).split_once('-') {
            // "two-year", "one-day" are one token; "three-quarters" is a fraction.
            if b == "quarters" {
                return None;
            }
            let u = *self.lx.units.get(b)?;
            let n = match a.parse::<u32>() {
                Ok(n) => Some(n),
                Err(_) => *self.lx.numbers.get(a)?,
            };
            return Some(self.hit(v, j, j + 1, duration(n, u), DateLabel::Duration));
        }
        let (count, mut k) = self.number(v, j)?;
        if v.w(k) == "more" && self.lx.units.contains_key(v.w(k + 1)) {
            k += 1;
        }
        if count.is_some_and(|n| n >= 1000) {
            // "the 1988 quarter" is a quarter of 1988, not 1988 quarters.
            return None;
        }
        let is_a = matches!(v.w(j), "a" | "an");
        if v.cap(k) && v.is_number(j) && !v.all_caps(k) {
            // "60 Minutes" is a title.
            return None;
        }
        let (unit, mut end) = if let Some(&u) = self.lx.units.get(v.w(k)) {
            (u, k + 1)
        } else if v.w(k) == "-" && v.touches(k) && v.touches(k + 1) {
            // "10-year", "10-day-long"; "6-year-old" is an age, not a time.
            let u = v.w(k + 1);
            let u = u.strip_suffix("-long").unwrap_or(u);
            (*self.lx.units.get(u)?, k + 2)
        } else {
            return None;
        };
        // "a second" and "a quarter" are rarely times; a count of weekends is not a TIMEX3 shape.
        if unit == Unit::Weekend || (is_a && matches!(unit, Unit::Second | Unit::Quarter)) {
            return None;
        }
        let prev = v.prev(j);
        match v.w(end) {
            // "three days later", "ten days before": the length is the expression, the event is elsewhere.
            "ago" | "earlier" => {
                end += 1;
                let e = match count {
                    Some(1) if unit == Unit::Year => DateExpr::YearAgo,
                    Some(n) => DateExpr::Shift { unit, n: -i64::from(n) },
                    None => DateExpr::Known(Value::Reference(Reference::Past)),
                };
                return Some(self.hit(v, j, end, e, DateLabel::Date));
            }
            "hence" => {
                end += 1;
                let e = match count {
                    Some(n) => DateExpr::Shift { unit, n: i64::from(n) },
                    None => DateExpr::Known(Value::Reference(Reference::Future)),
                };
                return Some(self.hit(v, j, end, e, DateLabel::Date));
            }
            _ => {}
        }
        // "twice a year": a frequency.
        if is_a && matches!(prev, "times" | "twice" | "once") {
            let e = every(Recurrence::Every(Duration::of(Some(1), unit)));
            return Some(self.hit(v, j, end, e, DateLabel::Set));
        }
        // "$5 a year", "700 seats a week", "24 hours a day": a rate, not a time expression.
        let rate =
            j > 0 && (v.is_number(j - 1) || matches!(prev, "million" | "billion" | "thousand" | "percent" | "%"));
        if is_a
            && (rate
                || (prev.len() > 3
                    && prev.ends_with('s')
                    && j > 1
                    && self.number(v, j - 2).is_some_and(|(n, _)| n.is_some())))
        {
            return None;
        }
        // "52 years old", "11 year olds": ages.
        if matches!(v.w(end), "old" | "olds") {
            return None;
        }
        if count.is_none() && v.w(j) == "some" && !v.w(k).ends_with('s') {
            return None;
        }
        Some(self.hit(v, j, end, duration(count, unit), DateLabel::Duration))
    }

    /// `date/duration` after "the": "the past three months" goes through `shift`; here "the three
    /// years", and "the first nine months" with its adjective.
    pub(super) fn duration_after_the(&self, v: &View, j: usize) -> Option<Hit> {
        let plain = self.duration(v, j).filter(|f| f.label == DateLabel::Duration);
        let adjective = if DURATION_ADJECTIVES.contains(&v.w(j)) {
            self.duration(v, j + 1)
                .filter(|f| f.label == DateLabel::Duration)
                .map(|f| Hit {
                    start: j,
                    span: v.span(j, f.end),
                    ..f
                })
        } else {
            None
        };
        match (plain, adjective) {
            (Some(p), Some(a)) => Some(if a.end > p.end { a } else { p }),
            (p, a) => p.or(a),
        }
    }

    /// `date/duration`: "day-long", "year-long": one unit.
    pub(super) fn long_duration(&self, v: &View, j: usize) -> Option<Hit> {
        let w = v.w(j);
        let unit = w
            .strip_suffix("-long")
            .filter(|u| matches!(*u, "day" | "year" | "week" | "month"))?;
        let unit = *self.lx.units.get(unit)?;
        Some(self.hit(v, j, j + 1, duration(Some(1), unit), DateLabel::Duration))
    }

    /// `date/set`: "every Monday", "each month", "every other week", "every morning", "daily".
    pub(super) fn set(&self, v: &View, j: usize) -> Option<Hit> {
        let w = v.w(j);
        if let Some(value) = self.lx.frequencies.get(w) {
            return Some(self.hit(v, j, j + 1, DateExpr::Known(value.clone()), DateLabel::Set));
        }
        if !matches!(w, "every" | "each") {
            return None;
        }
        let mut k = j + 1;
        if v.w(k) == "other" {
            k += 1;
        }
        let every_other = k == j + 2;
        let mult = if every_other { 2 } else { 1 };
        let t = v.w(k);
        let recurrence = if let Some(&u) = self.lx.units.get(t) {
            Recurrence::Every(Duration::of(Some(mult), u))
        } else if let Some(weekday) = self.weekday_at(v, k).filter(|_| self.is_full_weekday(v, k)) {
            Recurrence::Weekday { weekday, part: None }
        } else if let Some(m) = self.month_at(v, k) {
            Recurrence::Month(m)
        } else if let Some(&p) = self.lx.parts_of_day.get(t) {
            Recurrence::PartOfDay(p)
        } else if let Some((Some(n), k2)) = self.number(v, k).filter(|_| !every_other) {
            let u = *self.lx.units.get(v.w(k2))?;
            return Some(self.hit(
                v,
                j,
                k2 + 1,
                every(Recurrence::Every(Duration::of(Some(n), u))),
                DateLabel::Set,
            ));
        } else {
            return None;
        };
        Some(self.hit(v, j, k + 1, every(recurrence), DateLabel::Set))
    }
}
