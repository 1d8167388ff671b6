//! Dates written in digits ("2018-02-21", "2/21/2018", "1998", "1990s", "'90s", "2010-2012",
//! "20th century"), fiscal years ("fiscal 1998") and years in words ("nineteen ninety-six").

use super::{Hit, Rules, View, MONTH_CONTEXT};
use crate::annotation::DateLabel;
use crate::dates::calendar::CalendarDate;
use crate::dates::expr::DateExpr;
use crate::dates::value::Value;
use crate::text::TokenKind;

/// The most years a two-digit range may span ("1998-99", not "2018-02", which is a month).
const MAX_SHORT_RANGE: i32 = 10;

impl Rules<'_> {
    /// `date/year-range`: two years written as one token, "2010-2012" or "the 1998-99 season"; `find_all`
    /// splits it into two dates.
    pub(super) fn year_range(&self, v: &View, j: usize) -> Option<Hit> {
        if !v.is_number(j) {
            return None;
        }
        let (a, b) = v.w(j).split_once('-')?;
        let digits = |s: &str| s.bytes().all(|c| c.is_ascii_digit());
        if a.len() != 4 || !digits(a) || !digits(b) || !matches!(b.len(), 2 | 4) {
            return None;
        }
        let from: i32 = a.parse().ok()?;
        let to: i32 = if b.len() == 4 {
            b.parse().ok()?
        } else {
            // "1999-00" wraps into the next century.
            let t = from / 100 * 100 + b.parse::<i32>().ok()?;
            let t = if t <= from { t + 100 } else { t };
            (t - from <= MAX_SHORT_RANGE).then_some(t)?
        };
        if (1800..=2100).contains(&from) && from < to && to - from <= 100 && self.year_context_ok(v, j) {
            return Some(self.hit(v, j, j + 1, DateExpr::YearRange { from, to }, DateLabel::Date));
        }
        None
    }

    /// `date/numeric-date`: ISO dates, slashed dates, years, decades and centuries in digits.
    pub(super) fn numeric(&self, v: &View, j: usize) -> Option<Hit> {
        if !v.is_number(j) {
            // "'90s"
            if matches!(v.w(j), "'" | "\u{2019}") && v.touches(j + 1) {
                let w = v.w(j + 1);
                if w.len() == 3 && w.ends_with("0s") && w.as_bytes()[0].is_ascii_digit() {
                    let century = if w.as_bytes()[0] >= b'3' { 190 } else { 200 };
                    let decade = century + i64::from(w.as_bytes()[0] - b'0');
                    return Some(self.hit(v, j, j + 2, DateExpr::Known(Value::Decade(decade)), DateLabel::Date));
                }
            }
            return None;
        }
        let w = v.w(j);
        let b = w.as_bytes();
        let digits = |r: std::ops::Range<usize>| w.get(r).is_some_and(|s| s.bytes().all(|c| c.is_ascii_digit()));
        let known = |end: usize, value: Value| Some(self.hit(v, j, end, DateExpr::Known(value), DateLabel::Date));
        // 2018-02-21
        if b.len() == 10 && b[4] == b'-' && b[7] == b'-' {
            return known(j + 1, Value::Day(CalendarDate::parse_iso(w)?));
        }
        // 2/21/2018, 02/21/18 (US order, as in US news).
        if w.contains('/') {
            let parts: Vec<&str> = w.split('/').collect();
            if parts.len() == 3
                && parts
                    .iter()
                    .all(|p| !p.is_empty() && p.bytes().all(|c| c.is_ascii_digit()))
            {
                let (m, d, y) = (parts[0].parse::<u32>().ok()?, parts[1].parse::<u32>().ok()?, parts[2]);
                let year: i32 = match y.len() {
                    4 => y.parse().ok()?,
                    2 => {
                        let yy: i32 = y.parse().ok()?;
                        if yy < 50 {
                            2000 + yy
                        } else {
                            1900 + yy
                        }
                    }
                    _ => return None,
                };
                return known(j + 1, Value::Day(CalendarDate::new(year, m, d)?));
            }
            return None;
        }
        // 1990s
        if b.len() == 5 && digits(0..4) && w.ends_with("0s") {
            return known(j + 1, Value::Decade(w[..3].parse().ok()?));
        }
        // 20th century
        if let Some(n) = w
            .strip_suffix("th")
            .or(w.strip_suffix("st"))
            .and_then(|d| d.parse::<i32>().ok())
        {
            if v.w(j + 1) == "century" && (1..=30).contains(&n) {
                return known(j + 2, Value::Century(i64::from(n) - 1));
            }
        }
        let year = self.year_num(v, j)?;
        if v.w(j + 1) == "to" && self.year_num(v, j + 2).is_none() && v.is_number(j + 2) {
            // "1990 to 1995" is fine, "1,500 to 2,000" is not: the other end must be a year too.
            return None;
        }
        if !(1800..=2100).contains(&year) || !self.year_context_ok(v, j) {
            return None;
        }
        known(j + 1, Value::Year(year.into()))
    }

    /// A four-digit number is a year unless money, a count, a code or part of a name: "$1998",
    /// "1998 people", "No. 2018", "Windows 2000", "Terrorism Act 2000".
    fn year_context_ok(&self, v: &View, j: usize) -> bool {
        let prev = v.prev(j);
        let next = v.w(j + 1);
        let prev_is_name = j > 0
            && v.cap(j - 1)
            && v.doc.tokens.get(j - 1).is_some_and(|t| t.kind == TokenKind::Word)
            && !self.lx.months.contains_key(v.wt(j - 1))
            && !self.lx.seasons.contains_key(prev)
            && !MONTH_CONTEXT.contains(&prev)
            && !matches!(
                prev,
                "fiscal" | "since" | "in" | "of" | "published" | "updated" | "posted"
            )
            // "A 1996 law", "The 1998 season": an article opening the sentence, not a name.
            && !matches!(prev, "a" | "an" | "the" | "its" | "his" | "her" | "their");
        if prev_is_name {
            return false;
        }
        if self.lx.year_blockers_before.contains_key(prev) || self.lx.year_blockers_after.contains_key(next) {
            return false;
        }
        // Part of a longer number or a score/code ("1,998", "3-2018", "2018.5").
        if (j > 0 && v.is_number(j - 1)) || v.is_number(j + 1) {
            return false;
        }
        if v.touches(j) && j > 0 && matches!(prev, "-" | "/" | "." | ":" | "+") {
            return false;
        }
        if v.touches(j + 1) && matches!(next, "-" | "/" | ":" | "%") {
            return false;
        }
        true
    }

    /// `date/fiscal-year`: "fiscal 1998" is the year 1998.
    pub(super) fn fiscal_year(&self, v: &View, j: usize) -> Option<Hit> {
        if v.w(j) != "fiscal" {
            return None;
        }
        let year = self.year_num(v, j + 1)?;
        Some(self.hit(v, j, j + 2, DateExpr::Known(Value::Year(year.into())), DateLabel::Date))
    }

    /// `date/spelled-year`: "nineteen ninety-six".
    pub(super) fn spelled_year_date(&self, v: &View, j: usize) -> Option<Hit> {
        let (year, end) = self.spelled_year(v, j)?;
        Some(self.hit(v, j, end, DateExpr::Known(Value::Year(year.into())), DateLabel::Date))
    }

    /// "nineteen ninety-six", "nineteen seventy nine": a year in words, as broadcast transcripts write it.
    pub(super) fn spelled_year(&self, v: &View, k: usize) -> Option<(i32, usize)> {
        let century = match v.w(k) {
            "nineteen" => 1900,
            "eighteen" => 1800,
            _ => return None,
        };
        let (n, end) = self.number(v, k + 1)?;
        let n = n.filter(|n| (10..100).contains(n))?;
        Some((century + n as i32, end))
    }
}
