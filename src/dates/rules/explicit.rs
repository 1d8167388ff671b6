//! Explicit dates: a month with its day or year ("February 21, 2018", "21 Feb 2018", "March 2017",
//! "in March"), holidays ("Christmas"), and a position glued to a month or year ("mid-November").

use super::{Hit, Rules, View, MONTH_CONTEXT};
use crate::annotation::DateLabel;
use crate::dates::calendar::CalendarDate;
use crate::dates::expr::DateExpr;
use crate::dates::resolve::{self, Direction};
use crate::dates::value::Value;

impl Rules<'_> {
    /// `date/explicit-date`: "February 21, 2018", "Feb. 21", "21 Feb 2018", "Tuesday, Feb. 20",
    /// "February 2018", "January nineteen ninety-seven", "June last year", "in March".
    pub(super) fn explicit_date(&self, v: &View, j: usize) -> Option<Hit> {
        // Every shape starts with a capital (month, weekday) or a number (day): skip other tokens at once.
        if !v.is_number(j) && !v.cap(j) {
            return None;
        }
        let mut k = j;
        let mut weekday = false;
        if self.weekday_at(v, k).is_some() {
            let next = if v.w(k + 1) == "," { k + 2 } else { k + 1 };
            if self.month_at(v, next).is_some()
                || (self.day_num(v, next).is_some() && self.month_at(v, next + 1).is_some())
            {
                weekday = true;
                k = next;
            }
        }
        let (year, month, day, end) = if let Some(m) = self.month_at(v, k) {
            if let Some(d) = self.day_num(v, k + 1) {
                if v.w(k + 2) == "," && self.year_num(v, k + 3).is_some() {
                    (self.year_num(v, k + 3), m, Some(d), k + 4)
                } else if let Some(y) = self.year_num(v, k + 2) {
                    (Some(y), m, Some(d), k + 3)
                } else {
                    (None, m, Some(d), k + 2)
                }
            } else if let Some(y) = self.year_num(v, k + 1) {
                (Some(y), m, None, k + 2)
            } else if let Some((y, end)) = self.spelled_year(v, k + 1) {
                // "January nineteen ninety-seven", as broadcast transcripts write it.
                (Some(y), m, None, end)
            } else if v.w(k + 1) == "of" && self.year_num(v, k + 2).is_some() {
                (self.year_num(v, k + 2), m, None, k + 3)
            } else if let (Some(&n), "year") = (self.lx.shifts.get(v.w(k + 1)), v.w(k + 2)) {
                // "June last year", "February this year": the month of the shifted year.
                let e = DateExpr::MonthOfYear {
                    month: m,
                    year_shift: n,
                };
                return (!weekday).then(|| self.hit(v, j, k + 3, e, DateLabel::Date));
            } else {
                if weekday || !self.bare_month_ok(v, k) {
                    return None;
                }
                (None, m, None, k + 1)
            }
        } else if let (Some(d), Some(m)) = (self.day_num(v, k), self.month_at(v, k + 1)) {
            match self.year_num(v, k + 2) {
                Some(y) => (Some(y), m, Some(d), k + 3),
                None => (None, m, Some(d), k + 2),
            }
        } else {
            return None;
        };
        let expr = match (year, day) {
            (Some(y), Some(d)) => DateExpr::Known(Value::Day(CalendarDate::new(y, month, d)?)),
            (Some(y), None) => DateExpr::Known(Value::Month { year: y.into(), month }),
            (None, Some(d)) => {
                // The day must exist in some year (Feb 29 does).
                CalendarDate::new(2000, month, d)?;
                DateExpr::MonthDay { month, day: d }
            }
            (None, None) => DateExpr::Month(month),
        };
        Some(self.hit(v, j, end, expr, DateLabel::Date))
    }

    /// `date/explicit-date`: the second day of "April 24 and 25", "May 3-4", "June 8 to 10": a day of
    /// the month just named.
    pub(super) fn second_day(&self, v: &View, j: usize) -> Option<Hit> {
        let day = self.day_num(v, j)?;
        if !matches!(v.prev(j), "and" | "or" | "to" | "through" | "-") || j < 3 {
            return None;
        }
        // "24 and 25 years", "24 and 25 March": the number belongs to what follows.
        let next = v.wt(j + 1);
        if self.lx.units.contains_key(next) || self.lx.months.contains_key(next) || v.is_number(j + 1) {
            return None;
        }
        let first = self.explicit_date(v, j - 3).filter(|h| h.end == j - 1)?;
        let expr = match first.expr {
            // Resolved in the year the first day resolves to.
            DateExpr::MonthDay { month, .. } => {
                CalendarDate::new(2000, month, day)?;
                DateExpr::DayOfLastMonth(day)
            }
            DateExpr::Known(Value::Day(d)) => DateExpr::Known(Value::Day(CalendarDate::new(d.year, d.month, day)?)),
            _ => return None,
        };
        Some(self.hit(v, j, j + 1, expr, DateLabel::Date))
    }

    /// A bare month name is a date only in date-like context: "May" and "March" are also words.
    fn bare_month_ok(&self, v: &View, k: usize) -> bool {
        let prev = v.prev(k);
        let ctx = MONTH_CONTEXT.contains(&prev) || prev.starts_with("mid");
        match v.wt(k) {
            "may" | "march" => ctx,
            w if self.is_full_month(w) => ctx || !v.cap(k + 1) || v.is_number(k + 1),
            _ => ctx,
        }
    }

    /// `date/holiday`: "Christmas", "Thanksgiving Day", "New Year's Day", "Christmas 2018".
    pub(super) fn holiday(&self, v: &View, j: usize) -> Option<Hit> {
        if !v.cap(j) {
            return None;
        }
        let (holiday, end) = self.lx.holidays.longest(v, j)?;
        if let Some(y) = self.year_num(v, end) {
            let day = resolve::resolve(
                &DateExpr::Holiday(holiday),
                CalendarDate::new(y, 7, 1),
                Direction::Nearest,
                None,
            )?;
            return Some(self.hit(v, j, end + 1, DateExpr::Known(day), DateLabel::Date));
        }
        Some(self.hit(v, j, end, DateExpr::Holiday(holiday), DateLabel::Date))
    }

    /// `date/position-hyphenated`: "mid-November", "late-2017", "mid-1990s".
    pub(super) fn position_hyphenated(&self, v: &View, j: usize) -> Option<Hit> {
        let (head, rest) = v.w(j).split_once('-')?;
        if !matches!(head, "mid" | "early" | "late" | "pre" | "post") {
            return None;
        }
        let raw_rest = v.raw(j).get(head.len() + 1..)?;
        if let Some(&m) = self
            .lx
            .months
            .get(rest)
            .filter(|_| raw_rest.starts_with(char::is_uppercase))
        {
            return Some(self.hit(v, j, j + 1, DateExpr::Month(m), DateLabel::Date));
        }
        let digits = |s: &str| s.bytes().all(|c| c.is_ascii_digit());
        let value = match rest.len() {
            4 if digits(rest) => Value::Year(rest.parse().ok()?),
            5 if rest.ends_with("0s") && digits(&rest[..4]) => Value::Decade(rest[..3].parse().ok()?),
            _ => return None,
        };
        Some(self.hit(v, j, j + 1, DateExpr::Known(value), DateLabel::Date))
    }
}
