//! A TIMEX3 value in words, for the hover card ("Tuesday 20 February 2018", "week 7 of 2018").

use super::calendar::CalendarDate;
use crate::annotation::DateLabel;

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
const SMALL: [&str; 21] = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
];
const ORDINALS: [&str; 4] = ["first", "second", "third", "fourth"];

fn month_name(m: u32) -> Option<&'static str> {
    MONTHS.get((m as usize).checked_sub(1)?).copied()
}

fn count(n: &str) -> String {
    match n.parse::<usize>() {
        Ok(k) if k < SMALL.len() => SMALL[k].to_string(),
        Ok(_) => n.to_string(),
        Err(_) => "some".to_string(),
    }
}

fn part_of_day(code: &str) -> Option<&'static str> {
    Some(match code {
        "MO" => "morning",
        "AF" => "afternoon",
        "EV" => "evening",
        "NI" => "night",
        "DT" => "daytime",
        _ => return None,
    })
}

fn season(code: &str) -> Option<&'static str> {
    Some(match code {
        "SP" => "spring",
        "SU" => "summer",
        "FA" => "autumn",
        "WI" => "winter",
        _ => return None,
    })
}

fn day_words(d: CalendarDate) -> String {
    let wd = WEEKDAYS[(d.weekday() as usize).saturating_sub(1) % 7];
    format!("{wd} {} {} {}", d.day, month_name(d.month).unwrap_or(""), d.year)
}

/// A duration value ("P3Y", "PT5H", "PXM") in words.
fn duration(v: &str) -> Option<String> {
    let body = v.strip_prefix('P')?;
    let (time, body) = match body.strip_prefix('T') {
        Some(b) => (true, b),
        None => (false, body),
    };
    let split = body.find(|c: char| !c.is_ascii_digit() && c != 'X')?;
    let (n, unit) = body.split_at(split);
    let unit = match (time, unit) {
        (false, "Y") => "year",
        (false, "M") => "month",
        (false, "W") => "week",
        (false, "D") => "day",
        (false, "Q") => "quarter",
        (false, "DE") => "decade",
        (false, "CE") => "century",
        (true, "H") => "hour",
        (true, "M") => "minute",
        (true, "S") => "second",
        _ => return None,
    };
    Some(match n {
        "1" => format!("one {unit}"),
        "X" => format!("some {unit}s"),
        _ => format!("{} {unit}s", count(n)),
    })
}

/// The value in words, or `None` for shapes this does not describe.
pub fn gloss(value: &str, label: DateLabel) -> Option<String> {
    match value {
        "PRESENT_REF" => return Some("the present".into()),
        "PAST_REF" => return Some("the past".into()),
        "FUTURE_REF" => return Some("the future".into()),
        _ => {}
    }
    if let Some(rest) = value.strip_prefix("XXXX-WXX-") {
        let wd = WEEKDAYS.get(rest.get(..1)?.parse::<usize>().ok()?.checked_sub(1)?)?;
        return Some(format!("every {wd}"));
    }
    if let Some(m) = value.strip_prefix("XXXX-") {
        return Some(format!("every {}", month_name(m.parse().ok()?)?));
    }
    if value.starts_with('P') {
        let d = duration(value)?;
        return Some(if label == DateLabel::Set {
            format!("every {}", d.trim_start_matches("one "))
        } else {
            d
        });
    }
    let (date, time) = match value.split_once('T') {
        Some((d, t)) => (d, Some(t)),
        None => (value, None),
    };
    let words = if let Some(d) = CalendarDate::parse_iso(date) {
        day_words(d)
    } else {
        let parts: Vec<&str> = date.split('-').collect();
        let year = parts.first()?;
        match (year.len(), parts.get(1)) {
            (4, None) => year.to_string(),
            (3, None) => format!("the {year}0s"),
            (2, None) => format!("the {year}00s"),
            (4, Some(p)) => match p.as_bytes() {
                [b'Q', q] => format!("{} quarter of {year}", ORDINALS.get(q.checked_sub(b'1')? as usize)?),
                [b'H', h] => format!(
                    "{} half of {year}",
                    ["first", "second"].get(h.checked_sub(b'1')? as usize)?
                ),
                [b'W', rest @ ..] if rest.first().is_some_and(u8::is_ascii_digit) => {
                    let w: u32 = p.get(1..)?.parse().ok()?;
                    if parts.get(2) == Some(&"WE") {
                        format!("the weekend of week {w} of {year}")
                    } else {
                        format!("week {w} of {year}")
                    }
                }
                _ => match season(p) {
                    Some(s) => format!("{s} {year}"),
                    None => format!("{} {year}", month_name(p.parse().ok()?)?),
                },
            },
            _ => return None,
        }
    };
    match time {
        None => Some(words),
        Some(t) => match part_of_day(t) {
            Some(p) => Some(format!("{words}, {p}")),
            None => Some(format!("{t} on {words}")),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_read_as_words() {
        let g = |v| gloss(v, DateLabel::Date);
        assert_eq!(g("2018-02-20").as_deref(), Some("Tuesday 20 February 2018"));
        assert_eq!(g("2018-W07").as_deref(), Some("week 7 of 2018"));
        assert_eq!(g("2018-Q1").as_deref(), Some("first quarter of 2018"));
        assert_eq!(g("2017-FA").as_deref(), Some("autumn 2017"));
        assert_eq!(g("2018-WI").as_deref(), Some("winter 2018"));
        assert_eq!(g("199").as_deref(), Some("the 1990s"));
        assert_eq!(g("2018-03").as_deref(), Some("March 2018"));
        assert_eq!(
            g("2018-02-21TMO").as_deref(),
            Some("Wednesday 21 February 2018, morning")
        );
        assert_eq!(gloss("P3Y", DateLabel::Duration).as_deref(), Some("three years"));
        assert_eq!(gloss("XXXX-WXX-1", DateLabel::Set).as_deref(), Some("every Monday"));
        assert_eq!(gloss("P1D", DateLabel::Set).as_deref(), Some("every day"));
        assert_eq!(g("garbage"), None);
        assert_eq!(g("2018-Q0"), None);
        assert_eq!(g("2018-H/"), None);
    }
}
