//! Days and times: weekdays ("Tuesday", "Friday evening", "Mondays"), day words ("yesterday",
//! "tonight") and clock times ("6:30 p.m.", "1830 UTC", "noon Friday").

use super::{Hit, Rules, View};
use crate::annotation::DateLabel;
use crate::dates::expr::DateExpr;
use crate::dates::lexicon::Unit;
use crate::dates::value::{PartOfDay, Recurrence, TimeOfDay, Value};

fn at_part(base: DateExpr, part: PartOfDay) -> DateExpr {
    DateExpr::WithTime {
        base: Box::new(base),
        time: TimeOfDay::Part(part),
    }
}

impl Rules<'_> {
    /// `date/weekday`: "Tuesday", "Friday evening", "Mondays" (a set), "Friday nights".
    pub(super) fn weekday(&self, v: &View, j: usize) -> Option<Hit> {
        if !v.cap(j) {
            return None;
        }
        let w = v.w(j);
        if let Some(sing) = w.strip_suffix('s') {
            if sing.ends_with("day") {
                let weekday = *self.lx.weekdays.get(sing)?;
                let part = self.lx.parts_of_day.get(v.w(j + 1).trim_end_matches('s')).copied();
                let end = if part.is_some() { j + 2 } else { j + 1 };
                let e = DateExpr::Known(Value::Set(Recurrence::Weekday { weekday, part }));
                return Some(self.hit(v, j, end, e, DateLabel::Set));
            }
        }
        let wd = self.weekday_at(v, j)?;
        // Short forms ("Sun", "Wed") are words too; they count only in full-date shapes handled elsewhere.
        if !self.is_full_weekday(v, j) {
            return None;
        }
        // "Tuesday nights": every Tuesday night, a set; "Monday and Tuesday nights" shares the part.
        let plural_part = |k: usize| {
            v.w(k)
                .strip_suffix('s')
                .and_then(|p| self.lx.parts_of_day.get(p))
                .copied()
        };
        let shared = matches!(v.w(j + 1), "and" | "or") && self.weekday_at(v, j + 2).is_some();
        let (part, end) = match (plural_part(j + 1), shared.then(|| plural_part(j + 3)).flatten()) {
            (Some(p), _) => (Some(p), j + 2),
            (None, Some(p)) => (Some(p), j + 1),
            _ => (None, j + 1),
        };
        if part.is_some() {
            let e = DateExpr::Known(Value::Set(Recurrence::Weekday { weekday: wd, part }));
            return Some(self.hit(v, j, end, e, DateLabel::Set));
        }
        let base = DateExpr::Weekday(wd);
        match self.lx.parts_of_day.get(v.w(j + 1)) {
            // "Friday night" and "Friday morning" are read as the day, as news uses them ("on Friday")
            // and as the TimeBank annotators mostly did; "Friday evening" keeps its part of day.
            // With its part of day the value has a time ("2018-02-16TEV"): a TIMEX3 TIME.
            Some(&p @ (PartOfDay::Evening | PartOfDay::Afternoon)) => {
                Some(self.hit(v, j, j + 2, at_part(base, p), DateLabel::Time))
            }
            Some(_) => Some(self.hit(v, j, j + 2, base, DateLabel::Date)),
            None => Some(self.hit(v, j, j + 1, base, DateLabel::Date)),
        }
    }

    /// `date/relative-day`: "yesterday", "today", "tomorrow", "tonight", "yesterday morning".
    pub(super) fn relative_day(&self, v: &View, j: usize) -> Option<Hit> {
        let &(off, part) = self.lx.relative_days.get(v.w(j))?;
        // "USA Today", "VOA Today": a capitalised day word after a name, inside a sentence, is a title.
        if v.cap(j) && !v.sentence_start(j) && j > 0 && v.cap(j - 1) && v.w(j) == "today" {
            return None;
        }
        let base = DateExpr::Shift {
            unit: Unit::Day,
            n: off,
        };
        if let Some(p) = part {
            return Some(self.hit(v, j, j + 1, at_part(base, p), DateLabel::Time));
        }
        if let Some(&p) = self.lx.parts_of_day.get(v.w(j + 1)) {
            return Some(self.hit(v, j, j + 2, at_part(base, p), DateLabel::Time));
        }
        Some(self.hit(v, j, j + 1, base, DateLabel::Date))
    }

    /// `date/time`: "6:30 p.m.", "18:30", "1830 UTC", "10 a.m. EST Friday", "noon", "mid-afternoon
    /// yesterday" (a part of the day).
    pub(super) fn time(&self, v: &View, j: usize) -> Option<Hit> {
        let w = v.w(j);
        if let Some((part, k)) = self.mid_part(v, j) {
            let (base, end) = match self.day_after_time(v, k) {
                Some(f) => (f.expr, f.end),
                None => (DateExpr::Shift { unit: Unit::Day, n: 0 }, k),
            };
            return Some(self.hit(v, j, end, at_part(base, part), DateLabel::Time));
        }
        if !v.is_number(j) && !matches!(w, "noon" | "midday" | "midnight") {
            return None;
        }
        // "10:35 a.m. (0735 GMT)": the same time again in another zone, not a second expression.
        if v.prev(j) == "(" && j >= 2 && is_clock_end(v.w(j - 2)) {
            return None;
        }
        // "high noon": a decisive moment (or the film), not a clock time.
        if w == "noon" && v.prev(j) == "high" {
            return None;
        }
        let mut k = j + 1;
        let (mut h, m, need_more) = if let Some((a, b)) = w.split_once(':') {
            if a.is_empty() || a.len() > 2 || b.len() != 2 || !v.is_number(j) {
                return None;
            }
            (a.parse::<u32>().ok()?, b.parse::<u32>().ok()?, false)
        } else if w == "noon" || w == "midday" {
            (12, 0, false)
        } else if w == "midnight" {
            (24, 0, false)
        } else if let Some(n) = v.int(j) {
            if w.len() == 4 {
                (n / 100, n % 100, true)
            } else {
                (n, 0, true)
            }
        } else {
            return None;
        };
        if h > 24 || m > 59 {
            return None;
        }
        let mut ampm = false;
        match v.wt(k).replace('.', "").as_str() {
            "am" if (1..=12).contains(&h) && w.len() <= 5 => {
                if h == 12 {
                    h = 0;
                }
                ampm = true;
                k += 1;
            }
            "pm" if (1..=12).contains(&h) && w.len() <= 5 => {
                if h < 12 {
                    h += 12;
                }
                ampm = true;
                k += 1;
            }
            _ => {}
        }
        let zone = self
            .lx
            .zones
            .get(v.w(k))
            .filter(|_| v.cap(k))
            .map(|_| v.raw(k).to_string());
        if zone.is_some() {
            k += 1;
        }
        if need_more && !ampm && !(zone.is_some() && w.len() == 4) {
            return None;
        }
        if w.len() == 4 && v.is_number(j) && !ampm && zone.is_none() {
            return None;
        }
        let mut base = DateExpr::Shift { unit: Unit::Day, n: 0 };
        let mut end = k;
        if let Some(f) = self.day_after_time(v, k) {
            base = f.expr;
            end = f.end;
        }
        // Hour 24 is midnight at the end of the day: its minutes are dropped ("24:30" reads 24:00).
        let minute = if h == 24 { 0 } else { m };
        let e = DateExpr::WithTime {
            base: Box::new(base),
            time: TimeOfDay::Clock { hour: h, minute },
        };
        let mut f = self.hit(v, j, end, e, DateLabel::Time);
        f.zone = zone;
        Some(f)
    }
}

/// True for the last token of a clock time: "a.m.", "pm", "10:35".
fn is_clock_end(w: &str) -> bool {
    matches!(w.replace('.', "").as_str(), "am" | "pm")
        || w.split_once(':').is_some_and(|(a, b)| {
            !a.is_empty() && a.len() <= 2 && b.len() == 2 && (a.bytes().chain(b.bytes())).all(|c| c.is_ascii_digit())
        })
}

impl Rules<'_> {
    /// A day written right after a time belongs to it ("9 a.m. Tuesday", "noon Friday", "mid-afternoon yesterday").
    fn day_after_time(&self, v: &View, k: usize) -> Option<Hit> {
        let day_at = if v.w(k) == "," { k + 1 } else { k };
        self.explicit_date(v, day_at)
            .filter(|f| matches!(f.expr, DateExpr::MonthDay { .. } | DateExpr::Known(_)))
            .or_else(|| self.weekday(v, day_at).filter(|f| f.label == DateLabel::Date))
            .or_else(|| self.relative_day(v, day_at).filter(|f| f.label == DateLabel::Date))
    }

    /// "mid-afternoon", "midmorning", "mid afternoon": the part of the day, and the token after it.
    fn mid_part(&self, v: &View, j: usize) -> Option<(PartOfDay, usize)> {
        let w = v.w(j);
        let (part, k) = match w {
            "mid" => (v.w(j + 1), j + 2),
            _ => (w.strip_prefix("mid-").or_else(|| w.strip_prefix("mid"))?, j + 1),
        };
        match self.lx.parts_of_day.get(part)? {
            p @ (PartOfDay::Morning | PartOfDay::Afternoon) => Some((*p, k)),
            _ => None,
        }
    }
}
