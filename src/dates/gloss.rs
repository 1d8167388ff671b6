//! A TIMEX3 value in words, for the hover card ("Tuesday 20 February 2018", "week 7 of 2018").
//! Month, weekday, season and part-of-day names come from the tables in `data/dates/`.

use super::calendar::CalendarDate;
use super::lexicon::Lexicon;
use super::value::{Duration, DurationUnit, PartOfDay, Recurrence, Reference, Season, TimeOfDay, Value};
use crate::annotation::DateLabel;

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

/// "january" -> "January".
fn capitalised(w: &str) -> String {
    let mut c = w.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

fn month_name(lx: &Lexicon, m: u32) -> Option<String> {
    let name = lx.month_names.get((m as usize).checked_sub(1)?)?;
    Some(capitalised(name))
}

fn weekday_name(lx: &Lexicon, d: u32) -> Option<String> {
    let name = lx.weekday_names.get((d as usize).checked_sub(1)?)?;
    Some(capitalised(name))
}

fn season_name(lx: &Lexicon, s: Season) -> &'static str {
    lx.season_names.iter().find(|(k, _)| *k == s).map_or("", |(_, n)| n)
}

fn part_name(lx: &Lexicon, p: PartOfDay) -> &'static str {
    lx.part_of_day_names
        .iter()
        .find(|(k, _)| *k == p)
        .map_or("", |(_, n)| n)
}

fn count(n: u32) -> String {
    match SMALL.get(n as usize) {
        Some(w) => w.to_string(),
        None => n.to_string(),
    }
}

/// A year as the value writes it, if that is four digits ("0998", "2018"); other years are not glossed.
fn four_digit(year: i64) -> Option<String> {
    (0..=9999).contains(&year).then(|| format!("{year:04}"))
}

fn day_words(lx: &Lexicon, d: CalendarDate) -> String {
    let wd = weekday_name(lx, d.weekday()).unwrap_or_default();
    let month = month_name(lx, d.month).unwrap_or_default();
    format!("{wd} {} {month} {}", d.day, d.year)
}

/// A duration in words ("three years", "some months").
fn duration(d: Duration) -> String {
    let unit = match d.unit {
        DurationUnit::Year => "year",
        DurationUnit::Month => "month",
        DurationUnit::Week => "week",
        DurationUnit::Day => "day",
        DurationUnit::Quarter => "quarter",
        DurationUnit::Hour => "hour",
        DurationUnit::Minute => "minute",
        DurationUnit::Second => "second",
    };
    match d.amount {
        Some(1) => format!("one {unit}"),
        None => format!("some {unit}s"),
        Some(n) => format!("{} {unit}s", count(n)),
    }
}

/// A date (no time part) in words.
fn date_words(lx: &Lexicon, value: &Value) -> Option<String> {
    Some(match value {
        Value::Day(d) => day_words(lx, *d),
        Value::Year(y) => four_digit(*y)?,
        Value::Decade(d) => (0..=999).contains(d).then(|| format!("the {d:03}0s"))?,
        Value::Century(c) => (0..=99).contains(c).then(|| format!("the {c:02}00s"))?,
        Value::Quarter { year, quarter } => {
            let nth = ORDINALS.get((*quarter as usize).checked_sub(1)?)?;
            format!("{nth} quarter of {}", four_digit(*year)?)
        }
        Value::Half { year, half } => {
            let nth = ["first", "second"].get((*half as usize).checked_sub(1)?)?;
            format!("{nth} half of {}", four_digit(*year)?)
        }
        Value::Week { year, week } => format!("week {week} of {}", four_digit((*year).into())?),
        Value::Weekend { year, week } => format!("the weekend of week {week} of {}", four_digit((*year).into())?),
        Value::Season { year, season } => format!("{} {}", season_name(lx, *season), four_digit(*year)?),
        Value::Month { year, month } => format!("{} {}", month_name(lx, *month)?, four_digit(*year)?),
        _ => return None,
    })
}

/// The value in words, or `None` for shapes this does not describe.
pub fn gloss(lx: &Lexicon, value: &Value, label: DateLabel) -> Option<String> {
    match value {
        Value::Reference(Reference::Present) => Some("the present".into()),
        Value::Reference(Reference::Past) => Some("the past".into()),
        Value::Reference(Reference::Future) => Some("the future".into()),
        Value::Set(Recurrence::Weekday { weekday, .. }) => Some(format!("every {}", weekday_name(lx, *weekday)?)),
        Value::Set(Recurrence::Month(m)) => Some(format!("every {}", month_name(lx, *m)?)),
        Value::Set(Recurrence::PartOfDay(_)) => None,
        Value::Set(Recurrence::Season(s)) => Some(format!("every {}", season_name(lx, *s))),
        Value::Set(Recurrence::Quarter(q)) => Some(format!(
            "the {} quarter of every year",
            ORDINALS.get((*q as usize).checked_sub(1)?)?
        )),
        Value::Compound(parts) => Some(parts.iter().map(|d| duration(*d)).collect::<Vec<_>>().join(" ")),
        Value::Duration(d) | Value::Set(Recurrence::Every(d)) => {
            let words = duration(*d);
            Some(if label == DateLabel::Set {
                format!("every {}", words.trim_start_matches("one "))
            } else {
                words
            })
        }
        Value::WithTime { date, time } => {
            let words = date_words(lx, date)?;
            Some(match time {
                TimeOfDay::Part(p) => format!("{words}, {}", part_name(lx, *p)),
                clock => format!("{clock} on {words}"),
            })
        }
        other => date_words(lx, other),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_read_as_words() {
        let lx = Lexicon::load();
        let g = |v: Value| gloss(&lx, &v, DateLabel::Date);
        let day = |y, m, d| CalendarDate::new(y, m, d).map(Value::Day).expect("a real day");
        assert_eq!(g(day(2018, 2, 20)).as_deref(), Some("Tuesday 20 February 2018"));
        assert_eq!(
            g(Value::Week { year: 2018, week: 7 }).as_deref(),
            Some("week 7 of 2018")
        );
        assert_eq!(
            g(Value::Quarter { year: 2018, quarter: 1 }).as_deref(),
            Some("first quarter of 2018")
        );
        let autumn = Value::Season {
            year: 2017,
            season: Season::Fall,
        };
        assert_eq!(g(autumn).as_deref(), Some("autumn 2017"));
        assert_eq!(g(Value::Decade(199)).as_deref(), Some("the 1990s"));
        assert_eq!(g(Value::Month { year: 2018, month: 3 }).as_deref(), Some("March 2018"));
        let morning = Value::WithTime {
            date: Box::new(day(2018, 2, 21)),
            time: TimeOfDay::Part(PartOfDay::Morning),
        };
        assert_eq!(g(morning).as_deref(), Some("Wednesday 21 February 2018, morning"));
        let three_years = Value::Duration(Duration {
            amount: Some(3),
            unit: DurationUnit::Year,
        });
        assert_eq!(
            gloss(&lx, &three_years, DateLabel::Duration).as_deref(),
            Some("three years")
        );
        let mondays = Value::Set(Recurrence::Weekday { weekday: 1, part: None });
        assert_eq!(gloss(&lx, &mondays, DateLabel::Set).as_deref(), Some("every Monday"));
        let daily = Value::Set(Recurrence::Every(Duration {
            amount: Some(1),
            unit: DurationUnit::Day,
        }));
        assert_eq!(gloss(&lx, &daily, DateLabel::Set).as_deref(), Some("every day"));
        assert_eq!(g(Value::Quarter { year: 2018, quarter: 0 }), None);
        assert_eq!(g(Value::Year(-5)), None);
    }
}
