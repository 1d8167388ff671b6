//! Typed TIMEX3 values, and the one place they are written as TIMEX3 strings (`Display`).

use super::calendar::CalendarDate;
use super::lexicon::Unit;
use std::fmt;

/// A season of the year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Season {
    /// Spring (TIMEX3 `SP`).
    Spring,
    /// Summer (`SU`).
    Summer,
    /// Autumn or fall (`FA`).
    Fall,
    /// Winter (`WI`).
    Winter,
}

impl Season {
    /// Reads a TIMEX3 season code (as written in `data/dates/seasons.txt`).
    pub fn from_code(code: &str) -> Option<Season> {
        Some(match code {
            "SP" => Season::Spring,
            "SU" => Season::Summer,
            "FA" => Season::Fall,
            "WI" => Season::Winter,
            _ => return None,
        })
    }

    /// The TIMEX3 code.
    pub fn code(self) -> &'static str {
        match self {
            Season::Spring => "SP",
            Season::Summer => "SU",
            Season::Fall => "FA",
            Season::Winter => "WI",
        }
    }

    /// The month the season starts in (northern meteorological seasons).
    pub fn start_month(self) -> u32 {
        match self {
            Season::Spring => 3,
            Season::Summer => 6,
            Season::Fall => 9,
            Season::Winter => 12,
        }
    }
}

/// A part of the day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PartOfDay {
    /// Morning (TIMEX3 `MO`).
    Morning,
    /// Afternoon (`AF`).
    Afternoon,
    /// Evening (`EV`).
    Evening,
    /// Night (`NI`).
    Night,
}

impl PartOfDay {
    /// Reads a TIMEX3 part-of-day code (as written in `data/dates/parts_of_day.txt`).
    pub fn from_code(code: &str) -> Option<PartOfDay> {
        Some(match code {
            "MO" => PartOfDay::Morning,
            "AF" => PartOfDay::Afternoon,
            "EV" => PartOfDay::Evening,
            "NI" => PartOfDay::Night,
            _ => return None,
        })
    }

    /// The TIMEX3 code.
    pub fn code(self) -> &'static str {
        match self {
            PartOfDay::Morning => "MO",
            PartOfDay::Afternoon => "AF",
            PartOfDay::Evening => "EV",
            PartOfDay::Night => "NI",
        }
    }
}

/// The time part of a value (written after "T").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimeOfDay {
    /// A part of the day ("this morning").
    Part(PartOfDay),
    /// A clock time, 00:00–24:00.
    Clock {
        /// Hour, 0–24.
        hour: u32,
        /// Minute, 0–59.
        minute: u32,
    },
}

impl fmt::Display for TimeOfDay {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TimeOfDay::Part(p) => f.write_str(p.code()),
            TimeOfDay::Clock { hour, minute } => write!(f, "{hour:02}:{minute:02}"),
        }
    }
}

/// A vague reference to the present, the past or the future.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reference {
    /// `PRESENT_REF` ("now").
    Present,
    /// `PAST_REF` ("recently").
    Past,
    /// `FUTURE_REF` ("the future").
    Future,
}

/// The unit of a TIMEX3 duration.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DurationUnit {
    /// `Y`.
    Year,
    /// `Q`.
    Quarter,
    /// `M`.
    Month,
    /// `W`.
    Week,
    /// `D`.
    Day,
    /// `TH`.
    Hour,
    /// `TM`.
    Minute,
    /// `TS`.
    Second,
}

/// A length of time: `amount` units, `None` when the text does not say how many ("months", "a few years").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Duration {
    /// How many units; `None` is written `X`.
    pub amount: Option<u32>,
    /// The unit.
    pub unit: DurationUnit,
}

impl Duration {
    /// `count` calendar units, in the units TIMEX3 writes: a weekend is two days, a decade ten years.
    pub fn of(count: Option<u32>, unit: Unit) -> Duration {
        let (k, unit) = match unit {
            Unit::Year => (1, DurationUnit::Year),
            Unit::Month => (1, DurationUnit::Month),
            Unit::Week => (1, DurationUnit::Week),
            Unit::Day => (1, DurationUnit::Day),
            Unit::Weekend => (2, DurationUnit::Day),
            Unit::Quarter => (1, DurationUnit::Quarter),
            Unit::Decade => (10, DurationUnit::Year),
            Unit::Century => (100, DurationUnit::Year),
            Unit::Hour => (1, DurationUnit::Hour),
            Unit::Minute => (1, DurationUnit::Minute),
            Unit::Second => (1, DurationUnit::Second),
        };
        Duration {
            amount: count.map(|n| n.saturating_mul(k)),
            unit,
        }
    }

    /// Reads a TIMEX3 duration of one unit ("P1D", "PT1H", "PXY"), as written in the data tables.
    pub fn parse(code: &str) -> Option<Duration> {
        let body = code.strip_prefix('P')?;
        let (time, body) = match body.strip_prefix('T') {
            Some(b) => (true, b),
            None => (false, body),
        };
        let split = body.len().checked_sub(1)?;
        let (n, unit) = body.split_at(split);
        let unit = match (time, unit) {
            (false, "Y") => DurationUnit::Year,
            (false, "Q") => DurationUnit::Quarter,
            (false, "M") => DurationUnit::Month,
            (false, "W") => DurationUnit::Week,
            (false, "D") => DurationUnit::Day,
            (true, "H") => DurationUnit::Hour,
            (true, "M") => DurationUnit::Minute,
            (true, "S") => DurationUnit::Second,
            _ => return None,
        };
        let amount = match n {
            "X" => None,
            _ => Some(n.parse().ok()?),
        };
        Some(Duration { amount, unit })
    }
}

impl DurationUnit {
    /// Whether the unit is written after "T", and its TIMEX3 letter.
    fn code(self) -> (bool, &'static str) {
        match self {
            DurationUnit::Year => (false, "Y"),
            DurationUnit::Quarter => (false, "Q"),
            DurationUnit::Month => (false, "M"),
            DurationUnit::Week => (false, "W"),
            DurationUnit::Day => (false, "D"),
            DurationUnit::Hour => (true, "H"),
            DurationUnit::Minute => (true, "M"),
            DurationUnit::Second => (true, "S"),
        }
    }

    /// Rank from the largest unit (years) to the smallest (seconds), for ordering compound lengths.
    pub fn rank(self) -> u8 {
        match self {
            DurationUnit::Year => 0,
            DurationUnit::Quarter => 1,
            DurationUnit::Month => 2,
            DurationUnit::Week => 3,
            DurationUnit::Day => 4,
            DurationUnit::Hour => 5,
            DurationUnit::Minute => 6,
            DurationUnit::Second => 7,
        }
    }
}

impl fmt::Display for Duration {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (time, code) = self.unit.code();
        let time = if time { "T" } else { "" };
        match self.amount {
            Some(n) => write!(f, "P{time}{n}{code}"),
            None => write!(f, "P{time}X{code}"),
        }
    }
}

/// What a SET value repeats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Recurrence {
    /// A weekday (ISO number), maybe at a part of the day ("Mondays", "Friday nights").
    Weekday {
        /// ISO weekday.
        weekday: u32,
        /// Part of the day, if given.
        part: Option<PartOfDay>,
    },
    /// A month every year ("every March").
    Month(u32),
    /// A part of every day ("every morning").
    PartOfDay(PartOfDay),
    /// A period ("every week", "daily").
    Every(Duration),
    /// A season every year ("each winter").
    Season(Season),
    /// A quarter of every year, 1–4 ("in the second and fourth quarters", said of a business's
    /// seasons): `XXXX-Q4`.
    Quarter(u32),
}

/// A TIMEX3 value. Years are `i64` because relative values shift them arithmetically.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    /// A calendar day: `2018-02-21`.
    Day(CalendarDate),
    /// A month of a year: `2018-02`.
    Month {
        /// Year.
        year: i64,
        /// Month, 1–12.
        month: u32,
    },
    /// A year: `2018`.
    Year(i64),
    /// A decade, by its first three digits: `199` (the 1990s).
    Decade(i64),
    /// A century, by its first two digits: `19` (the 1900s).
    Century(i64),
    /// A season of a year: `2018-SU`.
    Season {
        /// Year.
        year: i64,
        /// Season.
        season: Season,
    },
    /// A quarter: `2018-Q3`.
    Quarter {
        /// Year.
        year: i64,
        /// Quarter, 1–4.
        quarter: u32,
    },
    /// A half year: `2018-H1`.
    Half {
        /// Year.
        year: i64,
        /// Half, 1–2.
        half: u32,
    },
    /// An ISO week: `2018-W07`.
    Week {
        /// ISO week-numbering year.
        year: i32,
        /// Week, 1–53.
        week: u32,
    },
    /// The weekend of an ISO week: `2018-W07-WE`.
    Weekend {
        /// ISO week-numbering year.
        year: i32,
        /// Week, 1–53.
        week: u32,
    },
    /// A date with a time of day: `2018-02-21T18:30`, `2018-02-21TMO`.
    WithTime {
        /// The date.
        date: Box<Value>,
        /// The time.
        time: TimeOfDay,
    },
    /// `PRESENT_REF`, `PAST_REF`, `FUTURE_REF`.
    Reference(Reference),
    /// A length of time: `P3Y`.
    Duration(Duration),
    /// A length written in several units, largest first: `PT2H18M15S`, `P2Y6M` ("3 1/2 years").
    Compound(Vec<Duration>),
    /// A recurring time: `XXXX-WXX-1`, `XXXX-03`, `XXXX-XX-XXTMO`, `P1W`.
    Set(Recurrence),
}

impl Value {
    /// Reads a vague value as written in `data/dates/references.txt`: a reference or a duration.
    pub fn parse_vague(code: &str) -> Option<Value> {
        Some(match code {
            "PRESENT_REF" => Value::Reference(Reference::Present),
            "PAST_REF" => Value::Reference(Reference::Past),
            "FUTURE_REF" => Value::Reference(Reference::Future),
            _ => Value::Duration(Duration::parse(code)?),
        })
    }
}

impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::Day(d) => write!(f, "{d}"),
            Value::Month { year, month } => write!(f, "{year:04}-{month:02}"),
            Value::Year(y) => write!(f, "{y:04}"),
            Value::Decade(d) => write!(f, "{d:03}"),
            Value::Century(c) => write!(f, "{c:02}"),
            Value::Season { year, season } => write!(f, "{year:04}-{}", season.code()),
            Value::Quarter { year, quarter } => write!(f, "{year:04}-Q{quarter}"),
            Value::Half { year, half } => write!(f, "{year:04}-H{half}"),
            Value::Week { year, week } => write!(f, "{year:04}-W{week:02}"),
            Value::Weekend { year, week } => write!(f, "{year:04}-W{week:02}-WE"),
            Value::WithTime { date, time } => write!(f, "{date}T{time}"),
            Value::Reference(Reference::Present) => f.write_str("PRESENT_REF"),
            Value::Reference(Reference::Past) => f.write_str("PAST_REF"),
            Value::Reference(Reference::Future) => f.write_str("FUTURE_REF"),
            Value::Duration(d) | Value::Set(Recurrence::Every(d)) => write!(f, "{d}"),
            Value::Set(Recurrence::Weekday { weekday, part: None }) => write!(f, "XXXX-WXX-{weekday}"),
            Value::Set(Recurrence::Weekday { weekday, part: Some(p) }) => write!(f, "XXXX-WXX-{weekday}T{}", p.code()),
            Value::Set(Recurrence::Month(m)) => write!(f, "XXXX-{m:02}"),
            Value::Set(Recurrence::PartOfDay(p)) => write!(f, "XXXX-XX-XXT{}", p.code()),
            Value::Set(Recurrence::Season(s)) => write!(f, "XXXX-{}", s.code()),
            Value::Set(Recurrence::Quarter(q)) => write!(f, "XXXX-Q{q}"),
            Value::Compound(parts) => {
                f.write_str("P")?;
                let mut in_time = false;
                for d in parts {
                    let (time, code) = d.unit.code();
                    if time && !in_time {
                        f.write_str("T")?;
                        in_time = true;
                    }
                    match d.amount {
                        Some(n) => write!(f, "{n}{code}")?,
                        None => write!(f, "X{code}")?,
                    }
                }
                Ok(())
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_write_as_timex3() {
        let day = CalendarDate::new(2018, 2, 21).map(Value::Day);
        assert_eq!(day.as_ref().map(Value::to_string).as_deref(), Some("2018-02-21"));
        assert_eq!(Value::Decade(199).to_string(), "199");
        assert_eq!(Value::Century(9).to_string(), "09");
        assert_eq!(Value::Weekend { year: 2018, week: 7 }.to_string(), "2018-W07-WE");
        assert_eq!(Value::Duration(Duration::of(Some(3), Unit::Decade)).to_string(), "P30Y");
        assert_eq!(Value::Duration(Duration::of(None, Unit::Hour)).to_string(), "PTXH");
        let every = Recurrence::Weekday {
            weekday: 5,
            part: Some(PartOfDay::Night),
        };
        assert_eq!(Value::Set(every).to_string(), "XXXX-WXX-5TNI");
        for code in ["P1D", "PT1H", "PXY", "P1W"] {
            assert_eq!(Duration::parse(code).map(|d| d.to_string()).as_deref(), Some(code));
        }
    }
}
