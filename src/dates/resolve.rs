//! Turning a [`DateExpr`] into a TIMEX3 value, given a reference date and a direction.

use super::calendar::CalendarDate;
use super::expr::{DateExpr, Named};
use super::lexicon::{Holiday, Unit};
use super::value::Value;

/// Which way an underspecified date ("Tuesday", "November") is read from the reference date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// The most recent one (past-tense clause).
    Past,
    /// The next one (future or modal clause).
    Future,
    /// Whichever is closest (no cue).
    Nearest,
    /// The most recent one, however far back: the end of a period that is over ("the fiscal year
    /// ended Jan. 31" in an October story).
    Ended,
}

/// A quarter mentioned earlier in the text, used by "the quarter" and "the year-ago quarter".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QuarterContext {
    /// Year of the quarter.
    pub year: i32,
    /// Quarter number (1–4).
    pub quarter: u32,
}

fn month_index(year: i32, month: u32) -> i64 {
    year as i64 * 12 + month as i64 - 1
}

fn from_month_index(i: i64) -> (i32, u32) {
    (i.div_euclid(12) as i32, (i.rem_euclid(12) + 1) as u32)
}

/// The year for month `m` seen from `r` in direction `dir`. A tense cue never pushes a month nearly a
/// year away when it is a few months off the other way: "payable in January" in an October story.
fn year_for_month(r: CalendarDate, m: u32, dir: Direction) -> i32 {
    let here = month_index(r.year, r.month);
    let past = if m > r.month { r.year - 1 } else { r.year };
    let future = if m < r.month { r.year + 1 } else { r.year };
    let back = here - month_index(past, m);
    let ahead = month_index(future, m) - here;
    match dir {
        Direction::Past if back > 9 && ahead <= 2 => future,
        Direction::Past | Direction::Ended => past,
        Direction::Future if ahead > 10 && back <= 1 => past,
        Direction::Future => future,
        // With no cue, news looks back: a month up to nine months ago is the one meant.
        Direction::Nearest => {
            if back <= 9 {
                past
            } else {
                future
            }
        }
    }
}

/// The day `month`-`day` seen from `r` in direction `dir` (the same day counts as both), with the same
/// guard as months against a tense cue that would move it most of a year away.
fn day_for_month_day(r: CalendarDate, month: u32, day: u32, dir: Direction) -> Option<CalendarDate> {
    let here = r.to_days();
    let candidates = [r.year - 1, r.year, r.year + 1].map(|y| CalendarDate::new(y, month, day));
    let days = candidates.into_iter().flatten();
    let past = days.clone().filter(|d| d.to_days() <= here).max();
    let future = days.clone().filter(|d| d.to_days() >= here).min();
    let dist = |d: Option<CalendarDate>| d.map(|d| (d.to_days() - here).abs()).unwrap_or(i64::MAX);
    match dir {
        Direction::Past if dist(past) > 240 && dist(future) <= 100 => future,
        Direction::Past | Direction::Ended => past.or(future),
        Direction::Future if dist(future) > 300 && dist(past) <= 30 => past,
        Direction::Future => future.or(past),
        Direction::Nearest if dist(past) <= 270 => past,
        Direction::Nearest => future.or(past),
    }
}

/// The Western Easter Sunday of `year` (anonymous Gregorian algorithm).
fn easter(year: i32) -> Option<CalendarDate> {
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    CalendarDate::new(year, month as u32, day as u32)
}

fn holiday_in(year: i32, holiday: Holiday) -> Option<CalendarDate> {
    match holiday {
        Holiday::Thanksgiving => {
            let first = CalendarDate::new(year, 11, 1)?;
            let to_thursday = (4 + 7 - first.weekday() as i64) % 7;
            Some(first.add_days(to_thursday + 21))
        }
        Holiday::Easter => easter(year),
        Holiday::Election => {
            let first = CalendarDate::new(year, 11, 1)?;
            let to_monday = (1 + 7 - first.weekday() as i64) % 7;
            Some(first.add_days(to_monday + 1))
        }
        Holiday::Fixed { month, day } => CalendarDate::new(year, month, day),
    }
}

fn shift(r: CalendarDate, unit: Unit, n: i64) -> Value {
    match unit {
        Unit::Day => Value::Day(r.add_days(n)),
        Unit::Week => {
            let (year, week) = r.add_days(7 * n).iso_week();
            Value::Week { year, week }
        }
        Unit::Weekend => {
            let (year, week) = r.add_days(7 * n).iso_week();
            Value::Weekend { year, week }
        }
        Unit::Month => {
            let (y, month) = from_month_index(month_index(r.year, r.month) + n);
            Value::Month { year: y.into(), month }
        }
        Unit::Quarter => {
            let q = (r.year as i64) * 4 + (r.month as i64 - 1) / 3 + n;
            Value::Quarter {
                year: q.div_euclid(4),
                quarter: (q.rem_euclid(4) + 1) as u32,
            }
        }
        Unit::Year => Value::Year(r.year as i64 + n),
        Unit::Decade => Value::Decade(r.year as i64 / 10 + n),
        Unit::Century => Value::Century(r.year as i64 / 100 + n),
        // "two hours ago" is today, at a time the text does not give.
        Unit::Hour | Unit::Minute | Unit::Second => Value::Day(r),
    }
}

fn weekday_from(r: CalendarDate, w: u32, dir: Direction) -> CalendarDate {
    let delta = w as i64 - r.weekday() as i64;
    let back = delta.rem_euclid(7) - 7; // -7..-1
    let fwd = delta.rem_euclid(7); // 0..6
    if fwd == 0 {
        // A news story's own weekday is the day itself ("said Friday" in a Friday story).
        return r;
    }
    match dir {
        Direction::Future => r.add_days(fwd),
        _ => r.add_days(back),
    }
}

/// The `unit` of the calendar date `v` ("that year" after "June 1998" is 1998); `None` when `v` is not a
/// calendar position or is coarser than `unit` ("that day" after "1998").
pub fn unit_of(v: &Value, unit: Unit) -> Option<Value> {
    let quarter_of = |month: u32| month.div_ceil(3);
    Some(match (v, unit) {
        (Value::WithTime { date, .. }, _) => return unit_of(date, unit),
        (Value::Day(d), Unit::Year) => Value::Year(d.year.into()),
        (Value::Day(d), Unit::Quarter) => Value::Quarter {
            year: d.year.into(),
            quarter: quarter_of(d.month),
        },
        (Value::Day(d), Unit::Month) => Value::Month {
            year: d.year.into(),
            month: d.month,
        },
        (Value::Day(d), Unit::Week) => {
            let (year, week) = d.iso_week();
            Value::Week { year, week }
        }
        (Value::Day(d), Unit::Day) => Value::Day(*d),
        (Value::Month { year, .. }, Unit::Year)
        | (Value::Quarter { year, .. }, Unit::Year)
        | (Value::Half { year, .. }, Unit::Year)
        | (Value::Season { year, .. }, Unit::Year) => Value::Year(*year),
        (Value::Year(y), Unit::Year) => Value::Year(*y),
        (Value::Week { year, .. } | Value::Weekend { year, .. }, Unit::Year) => Value::Year((*year).into()),
        (Value::Month { year, month }, Unit::Quarter) => Value::Quarter {
            year: *year,
            quarter: quarter_of(*month),
        },
        (Value::Month { .. }, Unit::Month)
        | (Value::Quarter { .. }, Unit::Quarter)
        | (Value::Week { .. }, Unit::Week) => v.clone(),
        _ => return None,
    })
}

/// The `unit` of the date `last` moved by `n` units: "the following year" after "May 22, 1995" is 1996.
/// `None` when `last` is coarser than `unit`.
pub fn anaphoric(last: &Value, unit: Unit, n: i64) -> Option<Value> {
    let at = unit_of(last, unit)?;
    if n == 0 {
        return Some(at);
    }
    Some(shift(first_day(last)?, unit, n))
}

/// Day `day` of the month of the day `last` ("25" after "April 24").
pub fn day_of_month(last: &Value, day: u32) -> Option<Value> {
    let d = match last {
        Value::WithTime { date, .. } => return day_of_month(date, day),
        Value::Day(d) => d,
        _ => return None,
    };
    Some(Value::Day(CalendarDate::new(d.year, d.month, day)?))
}

/// The first day of a calendar value, to count units from.
fn first_day(v: &Value) -> Option<CalendarDate> {
    match v {
        Value::Day(d) => Some(*d),
        Value::WithTime { date, .. } => first_day(date),
        Value::Month { year, month } => CalendarDate::new(i32::try_from(*year).ok()?, *month, 1),
        Value::Quarter { year, quarter } => CalendarDate::new(i32::try_from(*year).ok()?, quarter * 3 - 2, 1),
        Value::Season { year, season } => CalendarDate::new(i32::try_from(*year).ok()?, season.start_month(), 1),
        Value::Half { year, half } => CalendarDate::new(i32::try_from(*year).ok()?, half * 6 - 5, 1),
        Value::Year(y) => CalendarDate::new(i32::try_from(*y).ok()?, 1, 1),
        _ => None,
    }
}

/// Resolves `expr` against `reference` (the document date). `None` when it cannot be resolved.
pub fn resolve(
    expr: &DateExpr,
    reference: Option<CalendarDate>,
    dir: Direction,
    quarter: Option<QuarterContext>,
) -> Option<Value> {
    match (expr, quarter) {
        (DateExpr::Known(v), _) => return Some(v.clone()),
        (DateExpr::WeekOf(day), _) => return unit_of(&resolve(day, reference, dir, quarter)?, Unit::Week),
        (DateExpr::QuarterOfYear(y), None) => return Some(Value::Year((*y).into())),
        // `find_all` splits a range into its two years before anything is resolved.
        (DateExpr::YearRange { .. }, _) => return None,
        // Resolved against the last date mention by the caller.
        (DateExpr::ThatUnit { .. } | DateExpr::DayOfLastMonth(_), _) => return None,
        _ => {}
    }
    let r = reference?;
    let year = i64::from(r.year);
    Some(match expr {
        DateExpr::Known(_)
        | DateExpr::YearRange { .. }
        | DateExpr::ThatUnit { .. }
        | DateExpr::DayOfLastMonth(_)
        | DateExpr::WeekOf(_) => return None,
        DateExpr::MonthDay { month, day } => Value::Day(day_for_month_day(r, *month, *day, dir)?),
        DateExpr::Month(m) => Value::Month {
            year: year_for_month(r, *m, dir).into(),
            month: *m,
        },
        DateExpr::MonthOfYear { month, year_shift } => Value::Month {
            year: year + year_shift,
            month: *month,
        },
        DateExpr::Weekday(w) => Value::Day(weekday_from(r, *w, dir)),
        DateExpr::Season(season) => {
            let start = season.start_month();
            let year = match dir {
                Direction::Past | Direction::Ended if start > r.month && !(start == 12 && r.month <= 2) => year - 1,
                Direction::Future if start + 2 < r.month => year + 1,
                _ => year,
            };
            Value::Season { year, season: *season }
        }
        DateExpr::Holiday(holiday) => {
            let here = r.to_days();
            let days = [r.year - 1, r.year, r.year + 1].map(|y| holiday_in(y, *holiday));
            let ok = days.into_iter().flatten();
            let d = match dir {
                Direction::Past | Direction::Ended => ok.filter(|d| d.to_days() <= here).max(),
                Direction::Future => ok.filter(|d| d.to_days() >= here).min(),
                Direction::Nearest => ok.min_by_key(|d| (d.to_days() - here).abs()),
            }?;
            Value::Day(d)
        }
        DateExpr::Quarter { part, year_shift, half } => {
            let (year, q) = match (part, quarter) {
                (Some(p), _) => (r.year, *p),
                (None, Some(c)) => (c.year, c.quarter),
                (None, None) => {
                    // The last completed quarter: what "the quarter" means in an earnings report.
                    let q = (r.year as i64) * 4 + (r.month as i64 - 1) / 3 - 1;
                    (q.div_euclid(4) as i32, (q.rem_euclid(4) + 1) as u32)
                }
            };
            let year = year as i64 + year_shift;
            if *half {
                Value::Half { year, half: q }
            } else {
                Value::Quarter { year, quarter: q }
            }
        }
        DateExpr::Shift { unit, n } => shift(r, *unit, *n),
        DateExpr::QuarterOfYear(y) => match quarter {
            Some(c) => Value::Quarter {
                year: (*y).into(),
                quarter: c.quarter,
            },
            None => Value::Year((*y).into()),
        },
        DateExpr::YearAgo => match quarter {
            Some(c) => Value::Quarter {
                year: i64::from(c.year) - 1,
                quarter: c.quarter,
            },
            None => Value::Year(year - 1),
        },
        DateExpr::NamedShift { named, n } => match *named {
            Named::Weekday(w) => {
                let delta = (w as i64 - r.weekday() as i64).rem_euclid(7);
                Value::Day(match n {
                    -1 => r.add_days(if delta == 0 { -7 } else { delta - 7 }),
                    1 => r.add_days(if delta == 0 { 7 } else { delta }),
                    _ => r.add_days(delta),
                })
            }
            Named::MonthDay { month, day } => {
                let dir = if *n < 0 { Direction::Past } else { Direction::Future };
                Value::Day(day_for_month_day(r, month, day, dir)?)
            }
            Named::Month(m) => {
                let year = match n {
                    -1 if m >= r.month => year - 1,
                    1 if m <= r.month => year + 1,
                    _ => year,
                };
                Value::Month { year, month: m }
            }
            Named::Season(season) => {
                let start = season.start_month();
                // Seasons are three months; "last fall" is the most recent one that has ended.
                let ended = start + 2 < r.month;
                let year = match n {
                    -1 if !ended => year - 1,
                    1 if start <= r.month => year + 1,
                    _ => year,
                };
                Value::Season { year, season }
            }
        },
        DateExpr::WithTime { base, time } => Value::WithTime {
            date: Box::new(resolve(base, Some(r), dir, quarter)?),
            time: *time,
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::dates::value::Season;

    fn r() -> Option<CalendarDate> {
        CalendarDate::parse_iso("2018-02-21")
    }

    fn resolve(expr: &DateExpr, r: Option<CalendarDate>, dir: Direction, q: Option<QuarterContext>) -> Option<String> {
        super::resolve(expr, r, dir, q).map(|v| v.to_string())
    }

    #[test]
    fn weekdays_follow_direction_and_same_day_is_today() {
        let tue = DateExpr::Weekday(2);
        assert_eq!(resolve(&tue, r(), Direction::Past, None).as_deref(), Some("2018-02-20"));
        assert_eq!(
            resolve(&DateExpr::Weekday(4), r(), Direction::Future, None).as_deref(),
            Some("2018-02-22")
        );
        assert_eq!(
            resolve(&DateExpr::Weekday(3), r(), Direction::Past, None).as_deref(),
            Some("2018-02-21")
        );
        assert_eq!(resolve(&tue, None, Direction::Past, None), None);
    }

    #[test]
    fn shifts_have_the_unit_granularity() {
        let s = |unit, n| resolve(&DateExpr::Shift { unit, n }, r(), Direction::Nearest, None);
        assert_eq!(s(Unit::Week, -1).as_deref(), Some("2018-W07"));
        assert_eq!(s(Unit::Month, 1).as_deref(), Some("2018-03"));
        assert_eq!(s(Unit::Month, -2).as_deref(), Some("2017-12"));
        assert_eq!(s(Unit::Quarter, -1).as_deref(), Some("2017-Q4"));
        assert_eq!(s(Unit::Decade, 0).as_deref(), Some("201"));
    }

    #[test]
    fn months_seasons_and_holidays() {
        let m = DateExpr::Month(11);
        assert_eq!(resolve(&m, r(), Direction::Past, None).as_deref(), Some("2017-11"));
        assert_eq!(resolve(&m, r(), Direction::Future, None).as_deref(), Some("2018-11"));
        let fall = DateExpr::NamedShift {
            named: Named::Season(Season::Fall),
            n: -1,
        };
        assert_eq!(
            resolve(&fall, r(), Direction::Nearest, None).as_deref(),
            Some("2017-FA")
        );
        let tg = DateExpr::Holiday(Holiday::Thanksgiving);
        assert_eq!(resolve(&tg, r(), Direction::Past, None).as_deref(), Some("2017-11-23"));
        assert_eq!(easter(2018).map(|d| d.to_string()).as_deref(), Some("2018-04-01"));
    }
}
