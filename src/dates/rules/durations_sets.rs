//! Lengths of time ("three years", "10-year", "a couple of weeks", "day-long"), lengths counted back
//! or ahead ("three years ago", "two days hence") and recurring times ("every Monday", "daily").

use super::{Hit, Rules, View};
use crate::annotation::DateLabel;
use crate::dates::expr::DateExpr;
use crate::dates::lexicon::Unit;
use crate::dates::value::{Duration, Recurrence, Reference, Value};

/// Words before "the" + a duration that keep it a length ("the first nine months").
pub(super) const DURATION_ADJECTIVES: &[&str] = &["first", "latest", "initial", "final"];

/// Words before a plural unit with no count that make it a length of time ("for decades", "could take
/// months", "within weeks").
const BARE_UNIT_BEFORE: &[&str] = &[
    "for", "within", "take", "takes", "took", "taking", "taken", "lasted", "lasting", "spend", "spent",
];

/// Words before "the" and a plural unit that make it a length of time ("over the years").
const THE_UNITS_BEFORE: &[&str] = &["over", "through", "throughout", "during", "across"];

/// Words between "the" and a plural unit that make it the opening or closing stretch of something
/// ("the first hours of the war", "the final weeks of the campaign").
const THE_UNITS_POSITIONS: &[&str] = &["first", "early", "final", "closing", "opening", "initial"];

/// Words after "in the" and a plural unit that make it a length of time ("in the years that followed").
const THE_UNITS_AFTER: &[&str] = &["that", "since", "following"];

/// Words after a plural unit with no count that make it a length of time ("hours after the vote").
const BARE_UNIT_AFTER: &[&str] = &["after", "later", "earlier", "before", "ago"];

/// Words before a three-part clock reading that make it a race time, not a time of day ("won in 2:08:30").
const CLOCK_DURATION_BEFORE: &[&str] = &["in", "of", "clocked", "timed", "record", "best", "time", "ran", "run"];

/// Words before a frequency word that make it a statistic ("average daily volume"), not a recurring time.
const FREQUENCY_BLOCKERS: &[&str] = &["average"];

/// Words between a count and its unit that keep it a length ("eight trading days").
const UNIT_ADJECTIVES: &[&str] = &["trading", "business", "working"];

/// A written fraction ("1/2", "3/4", "½") as numerator and denominator.
fn fraction(w: &str) -> Option<(u32, u32)> {
    match w {
        "\u{bd}" => return Some((1, 2)),
        "\u{bc}" => return Some((1, 4)),
        "\u{be}" => return Some((3, 4)),
        _ => {}
    }
    let (a, b) = w.split_once('/')?;
    if a.len() > 1 || b.len() > 1 {
        return None;
    }
    let (a, b) = (a.parse::<u32>().ok()?, b.parse::<u32>().ok()?);
    (a > 0 && a < b).then_some((a, b))
}

/// `n` and `a/b` units as TIMEX3 parts: "3 1/2 years" is P3Y6M, "5 1/2 hours" PT5H30M, "half an
/// hour" PT30M. `None` when the fraction is not a whole number of the next smaller unit.
fn with_fraction(n: u32, (a, b): (u32, u32), unit: Unit) -> Option<Value> {
    let (small, per) = match unit {
        Unit::Year => (Unit::Month, 12),
        Unit::Week => (Unit::Day, 7),
        Unit::Day => (Unit::Hour, 24),
        Unit::Hour => (Unit::Minute, 60),
        Unit::Minute => (Unit::Second, 60),
        // A decade and a half is fifteen years: one part, in years.
        Unit::Decade | Unit::Century => {
            let per = if unit == Unit::Decade { 10 } else { 100 };
            let rest = (per * a % b == 0).then_some(per * a / b)?;
            let years = n.checked_mul(per)?.checked_add(rest)?;
            return Some(Value::Duration(Duration::of(Some(years), Unit::Year)));
        }
        _ => return None,
    };
    let rest = (per * a % b == 0).then_some(per * a / b)?;
    let part = Duration::of(Some(rest), small);
    Some(if n == 0 {
        Value::Duration(part)
    } else {
        Value::Compound(vec![Duration::of(Some(n), unit), part])
    })
}

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
        if matches!(v.w(j), "a" | "an") {
            // "a" before a word that cannot follow it in a length (most often): one lookup, not
            // the count parser.
            let next = v.w(j + 1);
            let may_follow = matches!(next, "few" | "couple" | "hundred" | "dozen" | "more" | "-")
                || UNIT_ADJECTIVES.contains(&next)
                || self.lx.units.contains_key(next);
            if !may_follow {
                return None;
            }
        }
        let (count, mut k) = self.number(v, j)?;
        if (v.w(k) == "more" || UNIT_ADJECTIVES.contains(&v.w(k))) && self.lx.units.contains_key(v.w(k + 1)) {
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

    /// `date/duration`: "day-long", "year-long": one unit; "decades-long", "months-long": a vague count.
    pub(super) fn long_duration(&self, v: &View, j: usize) -> Option<Hit> {
        let w = v.w(j);
        let unit = w.strip_suffix("-long")?;
        // "decades-long", "months-long": a vague count of the unit (PXY, PXM).
        let (unit, count) = match unit.strip_suffix('s') {
            Some(u @ ("hour" | "day" | "week" | "month" | "year" | "decade" | "centurie")) => {
                (if u == "centurie" { "century" } else { u }, None)
            }
            _ if matches!(unit, "day" | "year" | "week" | "month") => (unit, Some(1)),
            _ => return None,
        };
        let unit = *self.lx.units.get(unit)?;
        Some(self.hit(v, j, j + 1, duration(count, unit), DateLabel::Duration))
    }

    /// `date/set`: "every Monday", "each month", "every other week", "every morning", "each
    /// winter", "daily", "annually".
    pub(super) fn set(&self, v: &View, j: usize) -> Option<Hit> {
        let w = v.w(j);
        if let Some(value) = self.lx.frequencies.get(w) {
            let prev = v.prev(j);
            // "20% annually", "$5 million annually": a rate; "average daily volume", "the Party daily Granma".
            let rate = j > 0 && (v.is_number(j - 1) || matches!(prev, "million" | "billion" | "percent" | "%"));
            if rate || FREQUENCY_BLOCKERS.contains(&prev) {
                return None;
            }
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
        } else if let Some(&s) = self.lx.seasons.get(t) {
            Recurrence::Season(s)
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

    /// `date/bare-unit`: a plural unit with no count, as a length the text does not measure ("for
    /// decades", "could take months", "hours after the vote", "within weeks or months"): PXY, PXM,
    /// PTXH; with "ago" the past ("months ago").
    pub(super) fn bare_unit(&self, v: &View, j: usize) -> Option<Hit> {
        let w = v.w(j);
        if !w.ends_with('s') || (v.cap(j) && !v.sentence_start(j)) {
            return None;
        }
        let &unit = self.lx.units.get(w)?;
        if matches!(unit, Unit::Weekend | Unit::Quarter) {
            return None;
        }
        let mut end = j + 1;
        // "weeks or months": one vague length, in the first unit.
        if v.w(end) == "or" && v.w(end + 1).ends_with('s') && self.lx.units.contains_key(v.w(end + 1)) {
            end += 2;
        }
        let prev = v.prev(j);
        // "the first time in years"
        let in_years = prev == "in" && j > 1 && v.w(j - 2) == "time";
        let before = BARE_UNIT_BEFORE.contains(&prev) || in_years;
        let after = BARE_UNIT_AFTER.contains(&v.w(end));
        if !before && !after {
            return None;
        }
        if v.w(end) == "ago" {
            let e = DateExpr::Known(Value::Reference(Reference::Past));
            return Some(self.hit(v, j, end + 1, e, DateLabel::Date));
        }
        Some(self.hit(v, j, end, duration(None, unit), DateLabel::Duration))
    }

    /// `date/the-units` (after "the"): a plural unit with no count after "over", "through" or "during",
    /// or after "in" with a clause or "since" following, is a vague length as TimeML writes it: "over
    /// the years" (PXY), "in the months that followed" (PXM). "In the days of the empire" is an era.
    pub(super) fn the_units(&self, v: &View, j: usize) -> Option<Hit> {
        if let Some(h) = self.the_early_units(v, j) {
            return Some(h);
        }
        let w = v.w(j);
        if !w.ends_with('s') || j < 2 || v.w(j + 1) == "of" {
            return None;
        }
        let &unit = self.lx.units.get(w)?;
        if matches!(unit, Unit::Weekend | Unit::Quarter) {
            return None;
        }
        let before = v.w(j - 2);
        let vague = THE_UNITS_BEFORE.contains(&before) || (before == "in" && THE_UNITS_AFTER.contains(&v.w(j + 1)));
        vague.then(|| self.hit(v, j, j + 1, duration(None, unit), DateLabel::Duration))
    }

    /// `date/the-units` (after "the"): the opening or closing stretch of something, as a vague
    /// length: "the first hours of the war" (PTXH), "in the early years" (PXY), "the final weeks of
    /// the campaign" (PXW). "The early hours of Thursday" is a time of that day, left to its date.
    fn the_early_units(&self, v: &View, j: usize) -> Option<Hit> {
        // "Sophie Scholl - The Final Days" is a title.
        if !THE_UNITS_POSITIONS.contains(&v.w(j)) || (v.cap(j) && !v.sentence_start(j - 1)) {
            return None;
        }
        let w = v.w(j + 1);
        let &unit = self.lx.units.get(w).filter(|_| w.ends_with('s'))?;
        if matches!(unit, Unit::Weekend | Unit::Quarter) {
            return None;
        }
        let of = v.w(j + 2) == "of";
        let named_day = |k: usize| {
            let w = v.w(k);
            self.lx.weekdays.contains_key(w)
                || self.lx.months.contains_key(v.wt(k))
                || self.lx.relative_days.contains_key(w)
                || v.is_number(k)
        };
        if of
            && (named_day(j + 3)
                || (v.w(j + 3) == "the" && matches!(v.w(j + 4), "morning" | "day" | "night" | "next" | "following")))
        {
            return None;
        }
        Some(self.hit(v, j, j + 2, duration(None, unit), DateLabel::Duration))
    }

    /// `date/compound-duration`: a length in several units or with a fraction, as one value: "two
    /// hours 18 minutes 15 seconds" (PT2H18M15S), "one minute 53 secs", "3 1/2 years" (P3Y6M), "a
    /// minute and a half", "half an hour", and a race time after "in" ("won in 2:08:30").
    pub(super) fn compound_duration(&self, v: &View, j: usize) -> Option<Hit> {
        if let Some(h) = self.clock_duration(v, j) {
            return Some(h);
        }
        let known = |end: usize, value: Value| Some(self.hit(v, j, end, DateExpr::Known(value), DateLabel::Duration));
        // "half an hour", "half a day"
        if v.w(j) == "half" && matches!(v.w(j + 1), "a" | "an") {
            let &u = self.lx.units.get(v.w(j + 2))?;
            return known(j + 3, with_fraction(0, (1, 2), u)?);
        }
        if !self.may_count(v, j) {
            return None;
        }
        let (Some(n), k) = self.number(v, j)? else {
            return None;
        };
        if n >= 1000 {
            return None;
        }
        // "3 1/2 years", "one and a half years"
        let frac = match (fraction(v.w(k)), v.w(k), v.w(k + 1), v.w(k + 2)) {
            (Some(f), ..) if v.is_number(j) => Some((f, k + 1)),
            (None, "and", "a" | "one", "half") => Some(((1, 2), k + 3)),
            _ => None,
        };
        if let Some((f, k2)) = frac {
            let &u = self.lx.units.get(v.w(k2))?;
            return known(k2 + 1, with_fraction(n, f, u)?);
        }
        let &first = self.lx.units.get(v.w(k))?;
        // "a minute and a half"
        if v.w(k + 1) == "and" && matches!(v.w(k + 2), "a" | "one") && v.w(k + 3) == "half" {
            return known(k + 4, with_fraction(n, (1, 2), first)?);
        }
        if v.cap(k) && !v.all_caps(k) {
            return None;
        }
        // "two hours 18 minutes 15 seconds", "1 hour, 30 minutes": each unit smaller than the last.
        let mut parts = vec![Duration::of(Some(n), first)];
        let mut end = k + 1;
        loop {
            let mut m = end;
            if matches!(v.w(m), "and" | ",") {
                m += 1;
            }
            let Some((Some(c), m2)) = self.number(v, m) else {
                break;
            };
            let Some(&u) = self.lx.units.get(v.w(m2)) else {
                break;
            };
            let d = Duration::of(Some(c), u);
            if parts.last().is_some_and(|p| p.unit.rank() >= d.unit.rank()) || matches!(u, Unit::Weekend) {
                break;
            }
            parts.push(d);
            end = m2 + 1;
        }
        if parts.len() < 2 {
            return None;
        }
        known(end, Value::Compound(parts))
    }

    /// True when token `k` can open a count ("3", "two", "a"): one lookup, before the count parser runs.
    fn may_count(&self, v: &View, k: usize) -> bool {
        v.is_number(k) || self.lx.numbers.contains_key(v.w(k)) || matches!(v.w(k), "a" | "an" | "couple")
    }

    /// A race time "2:08:30" (hours, minutes, seconds) after a word that makes it a length.
    fn clock_duration(&self, v: &View, j: usize) -> Option<Hit> {
        if !v.is_number(j) || !v.w(j).contains(':') || !CLOCK_DURATION_BEFORE.contains(&v.prev(j)) {
            return None;
        }
        let mut it = v.w(j).split(':');
        let (h, m, s) = (it.next()?, it.next()?, it.next()?);
        if it.next().is_some() || h.is_empty() || h.len() > 2 || m.len() != 2 || s.len() != 2 {
            return None;
        }
        let (h, m, s) = (h.parse::<u32>().ok()?, m.parse::<u32>().ok()?, s.parse::<u32>().ok()?);
        if m > 59 || s > 59 {
            return None;
        }
        let parts: Vec<Duration> = [(h, Unit::Hour), (m, Unit::Minute), (s, Unit::Second)]
            .into_iter()
            .filter(|&(n, _)| n > 0)
            .map(|(n, u)| Duration::of(Some(n), u))
            .collect();
        let value = match parts.len() {
            0 => return None,
            1 => Value::Duration(parts[0]),
            _ => Value::Compound(parts),
        };
        Some(self.hit(v, j, j + 1, DateExpr::Known(value), DateLabel::Duration))
    }

    /// `date/duration-range`: a length between two counts, "12 to 18 months", "two or three weeks",
    /// "the next 12 to 18 months"; TIMEX3 has no range, so the count is unspecified (PXM).
    pub(super) fn duration_range(&self, v: &View, j: usize) -> Option<Hit> {
        let mut k = j;
        if matches!(v.w(k), "next" | "past" | "last" | "coming" | "first") {
            k += 1;
        }
        // The count is one or two words ("12", "twenty four") before "to" or "or".
        if !self.may_count(v, k) || (!matches!(v.w(k + 1), "to" | "or") && !matches!(v.w(k + 2), "to" | "or")) {
            return None;
        }
        let (Some(a), k2) = self.number(v, k)? else {
            return None;
        };
        if !matches!(v.w(k2), "to" | "or") {
            return None;
        }
        let (Some(b), k3) = self.number(v, k2 + 1)? else {
            return None;
        };
        if b <= a || b >= 1000 {
            return None;
        }
        let &unit = self.lx.units.get(v.w(k3))?;
        if matches!(unit, Unit::Weekend) || (v.cap(k3) && !v.all_caps(k3)) {
            return None;
        }
        Some(self.hit(v, j, k3 + 1, duration(None, unit), DateLabel::Duration))
    }
}
