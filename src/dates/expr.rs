//! What a rule recognised, before it is resolved against a reference date.

use super::lexicon::{Holiday, Unit};
use super::value::{Season, TimeOfDay, Value};

/// A named calendar item that "last"/"next"/"this" can shift.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Named {
    /// A weekday (ISO number).
    Weekday(u32),
    /// A month (1–12).
    Month(u32),
    /// A day of a month ("last Oct. 23").
    MonthDay {
        /// Month, 1–12.
        month: u32,
        /// Day of the month.
        day: u32,
    },
    /// A season.
    Season(Season),
}

/// A recognised temporal expression, not yet anchored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateExpr {
    /// A value that needs no reference date ("2018-02-21", "1998", "P3Y", "every Monday", "now").
    Known(Value),
    /// Two years written as one token ("2010-2012"); split into two dates before resolving.
    YearRange {
        /// The first year.
        from: i32,
        /// The last year.
        to: i32,
    },
    /// A month and day without a year ("Feb. 21").
    MonthDay {
        /// Month, 1–12.
        month: u32,
        /// Day of the month.
        day: u32,
    },
    /// A month without a year ("November").
    Month(u32),
    /// A month of the reference year shifted by `year_shift` ("June last year").
    MonthOfYear {
        /// Month, 1–12.
        month: u32,
        /// Years to add to the reference year.
        year_shift: i64,
    },
    /// A weekday on its own ("Tuesday").
    Weekday(u32),
    /// A season without a year ("the summer").
    Season(Season),
    /// A holiday without a year ("Christmas", "Thanksgiving").
    Holiday(Holiday),
    /// A quarter (or half, when `half`) of the reference year shifted by `year_shift`; `part` is
    /// `None` for "the quarter", which takes the last quarter mentioned or the last one completed.
    Quarter {
        /// 1–4 for quarters, 1–2 for halves.
        part: Option<u32>,
        /// Years to add to the reference year ("the year-ago quarter" = -1).
        year_shift: i64,
        /// A half year rather than a quarter.
        half: bool,
    },
    /// The reference date's unit moved by `n` units ("yesterday", "last week", "three years ago").
    Shift {
        /// Granularity of the value.
        unit: Unit,
        /// How many units forward (negative: back).
        n: i64,
    },
    /// A named item relative to the reference: "last April" (n = -1), "next Tuesday" (1), "this fall" (0).
    NamedShift {
        /// The weekday, month or season.
        named: Named,
        /// Direction: -1 last, 0 this, 1 next.
        n: i64,
    },
    /// "the 1988 quarter": the quarter last named, in the given year.
    QuarterOfYear(i32),
    /// "a year ago", "year-earlier": the previous year, or in an earnings report (a quarter was named
    /// before) that quarter a year earlier.
    YearAgo,
    /// A unit of the date named before, moved by `n` units ("that year": 0, "the following year": 1):
    /// TimeML's anaphoric reference, resolved against the last date mention, not the document date.
    ThatUnit {
        /// Granularity of the value.
        unit: Unit,
        /// How many units forward (negative: back).
        n: i64,
    },
    /// A day of the month of the date just named: "25" in "April 24 and 25".
    DayOfLastMonth(u32),
    /// The ISO week of a day ("the week of March 6").
    WeekOf(Box<DateExpr>),
    /// A date with a time of day ("6:30 p.m. Tuesday", "this morning").
    WithTime {
        /// The day.
        base: Box<DateExpr>,
        /// The time.
        time: TimeOfDay,
    },
}

impl DateExpr {
    /// True when the expression needs the clause's tense to pick past or future.
    pub fn needs_direction(&self) -> bool {
        match self {
            DateExpr::MonthDay { .. }
            | DateExpr::Month(_)
            | DateExpr::Weekday(_)
            | DateExpr::Season(_)
            | DateExpr::Holiday(_) => true,
            DateExpr::WithTime { base, .. } | DateExpr::WeekOf(base) => base.needs_direction(),
            _ => false,
        }
    }

    /// True when the value does not depend on a reference date.
    pub fn is_absolute(&self) -> bool {
        match self {
            DateExpr::Known(_) | DateExpr::YearRange { .. } => true,
            DateExpr::WithTime { base, .. } | DateExpr::WeekOf(base) => base.is_absolute(),
            _ => false,
        }
    }
}
