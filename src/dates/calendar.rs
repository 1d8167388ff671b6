//! A proleptic Gregorian calendar date, enough for TIMEX3 arithmetic (no time zones).

use std::fmt;

/// A calendar day. Always valid: constructors reject impossible days.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CalendarDate {
    /// Year (astronomical; 1 BC is 0).
    pub year: i32,
    /// Month, 1–12.
    pub month: u32,
    /// Day of the month, 1–31.
    pub day: u32,
}

/// Day of the week, ISO numbering (Monday = 1 … Sunday = 7).
pub type Weekday = u32;

/// True in leap years.
pub fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// Days in `month` of `year`.
pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

impl CalendarDate {
    /// The date, or `None` if no such day exists.
    pub fn new(year: i32, month: u32, day: u32) -> Option<Self> {
        ((1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month) && (0..=9999).contains(&year))
            .then_some(CalendarDate { year, month, day })
    }

    /// Parses `YYYY-MM-DD` (exactly that form).
    pub fn parse_iso(s: &str) -> Option<Self> {
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let num = |r: std::ops::Range<usize>| s.get(r).filter(|p| p.bytes().all(|c| c.is_ascii_digit()))?.parse().ok();
        CalendarDate::new(num(0..4)?, num(5..7)? as u32, num(8..10)? as u32)
    }

    /// Days since 1970-01-01 (negative before). Howard Hinnant's `days_from_civil`.
    pub fn to_days(self) -> i64 {
        let y = self.year as i64 - if self.month <= 2 { 1 } else { 0 };
        let era = if y >= 0 { y } else { y - 399 } / 400;
        let yoe = y - era * 400;
        let m = self.month as i64;
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + self.day as i64 - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146097 + doe - 719468
    }

    /// The date `days` after 1970-01-01 (clamped to years 0–9999).
    pub fn from_days(days: i64) -> Self {
        let z = days.clamp(-719528, 2932896) + 719468;
        let era = if z >= 0 { z } else { z - 146096 } / 146097;
        let doe = z - era * 146097;
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = (yoe + era * 400 + if month <= 2 { 1 } else { 0 }) as i32;
        CalendarDate { year, month, day }
    }

    /// This date moved by `n` days.
    pub fn add_days(self, n: i64) -> Self {
        Self::from_days(self.to_days() + n)
    }

    /// ISO weekday, Monday = 1 … Sunday = 7.
    pub fn weekday(self) -> Weekday {
        // 1970-01-01 was a Thursday (4).
        ((self.to_days() + 3).rem_euclid(7) + 1) as u32
    }

    /// ISO 8601 week-numbering year and week (1–53).
    pub fn iso_week(self) -> (i32, u32) {
        let thursday = self.add_days(4 - self.weekday() as i64);
        let jan1 = CalendarDate {
            year: thursday.year,
            month: 1,
            day: 1,
        };
        let week = ((thursday.to_days() - jan1.to_days()) / 7 + 1) as u32;
        (thursday.year, week)
    }
}

impl fmt::Display for CalendarDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weekday_week_and_arithmetic() {
        let d = CalendarDate::parse_iso("2018-02-21").unwrap();
        assert_eq!(d.weekday(), 3); // Wednesday
        assert_eq!(d.iso_week(), (2018, 8));
        assert_eq!(d.add_days(-1).to_string(), "2018-02-20");
        assert_eq!(CalendarDate::parse_iso("2021-01-01").unwrap().iso_week(), (2020, 53));
        assert_eq!(d.add_days(365 * 3).to_string(), "2021-02-20");
        assert!(CalendarDate::parse_iso("2018-02-30").is_none());
        assert!(CalendarDate::parse_iso("18-02-21").is_none());
    }
}
