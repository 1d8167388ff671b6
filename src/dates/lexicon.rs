//! The date vocabulary, loaded once from the tables in `data/dates/`.

use super::value::{Duration, PartOfDay, Recurrence, Season, Value};
use crate::data::{lines, rows};

/// A hash map with the crate's fast hasher (the word tables are fixed; SipHash buys nothing).
pub type FastMap<K, V> = crate::fasthash::HashMap<K, V>;
/// A hash set with the crate's fast hasher.
pub type FastSet<K> = crate::fasthash::HashSet<K>;

/// A sequence of lower-case words addressed by index (the tokens of a text).
pub trait Words {
    /// Word `k`, or `None` past the end.
    fn word(&self, k: usize) -> Option<&str>;
}

impl Words for [String] {
    fn word(&self, k: usize) -> Option<&str> {
        self.get(k).map(String::as_str)
    }
}

impl Words for Vec<String> {
    fn word(&self, k: usize) -> Option<&str> {
        self.get(k).map(String::as_str)
    }
}

/// A table of phrases (one or more lower-case words) indexed by their first word, for longest-match lookup.
#[derive(Debug)]
pub struct PhraseTable<V> {
    by_first: FastMap<&'static str, Vec<(Vec<&'static str>, V)>>,
}

impl<V> Default for PhraseTable<V> {
    fn default() -> Self {
        PhraseTable {
            by_first: FastMap::default(),
        }
    }
}

impl<V: Clone> PhraseTable<V> {
    fn insert(&mut self, phrase: &'static str, value: V) {
        let words: Vec<&'static str> = phrase.split_whitespace().collect();
        if let Some(first) = words.first() {
            let list = self.by_first.entry(first).or_default();
            list.push((words, value));
            // Longest phrases first, so the first hit is the longest match.
            list.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
        }
    }

    /// The first words of every phrase.
    pub fn first_words(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.by_first.keys().copied()
    }

    /// True when some phrase starts with word `w`.
    pub fn starts(&self, w: &str) -> bool {
        self.by_first.contains_key(w)
    }

    /// The longest phrase starting at `lower[i]`: its value and the index one past its last word.
    pub fn longest<W: Words + ?Sized>(&self, lower: &W, i: usize) -> Option<(V, usize)> {
        let list = self.by_first.get(lower.word(i)?)?;
        // The first word matched in the lookup; the second is read once for every phrase.
        let second = lower.word(i + 1);
        list.iter().find_map(|(words, v)| {
            let ok = match words.get(1..) {
                Some([w, rest @ ..]) => {
                    second == Some(*w)
                        && rest
                            .iter()
                            .enumerate()
                            .all(|(k, w)| lower.word(i + 2 + k).is_some_and(|t| t == *w))
                }
                _ => true,
            };
            ok.then(|| (v.clone(), i + words.len()))
        })
    }
}

/// A unit of calendar time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// Year.
    Year,
    /// Quarter of a year.
    Quarter,
    /// Month.
    Month,
    /// Week.
    Week,
    /// Weekend.
    Weekend,
    /// Day.
    Day,
    /// Hour.
    Hour,
    /// Minute.
    Minute,
    /// Second.
    Second,
    /// Decade.
    Decade,
    /// Century.
    Century,
}

impl Unit {
    fn from_code(code: &str) -> Option<Unit> {
        Some(match code {
            "Y" => Unit::Year,
            "Q" => Unit::Quarter,
            "M" => Unit::Month,
            "W" => Unit::Week,
            "WE" => Unit::Weekend,
            "D" => Unit::Day,
            "H" => Unit::Hour,
            "MIN" => Unit::Minute,
            "S" => Unit::Second,
            "DE" => Unit::Decade,
            "CE" => Unit::Century,
            _ => return None,
        })
    }
}

/// A holiday: a fixed day of the year or one computed per year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Holiday {
    /// The same day every year ("Christmas": 12-25).
    Fixed {
        /// Month, 1–12.
        month: u32,
        /// Day of the month.
        day: u32,
    },
    /// US Thanksgiving: the fourth Thursday of November.
    Thanksgiving,
    /// Western Easter Sunday.
    Easter,
    /// US Election Day: the Tuesday after the first Monday of November.
    Election,
}

impl Holiday {
    /// Reads a holiday as written in `data/dates/holidays.txt`: "MM-DD" or a rule name.
    fn parse(code: &str) -> Option<Holiday> {
        Some(match code {
            "thanksgiving" => Holiday::Thanksgiving,
            "easter" => Holiday::Easter,
            "election" => Holiday::Election,
            md => {
                let (m, d) = md.split_once('-')?;
                Holiday::Fixed {
                    month: m.parse().ok()?,
                    day: d.parse().ok()?,
                }
            }
        })
    }
}

/// Direction a tense cue points to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CueTense {
    /// Past tense or a past-pointing word ("said", "since").
    Past,
    /// Future or modal ("will", "scheduled").
    Future,
}

/// Everything the date rules look words up in.
#[derive(Debug)]
pub struct Lexicon {
    /// Month name or abbreviation -> 1–12.
    pub months: FastMap<&'static str, u32>,
    /// Weekday name or abbreviation -> ISO weekday.
    pub weekdays: FastMap<&'static str, u32>,
    /// Cardinal number words; `None` = unspecified ("several").
    pub numbers: FastMap<&'static str, Option<u32>>,
    /// Decade words -> decade digit ("nineties" -> 9), of the 1900s.
    pub decades: FastMap<&'static str, u32>,
    /// Ordinal words -> value.
    pub ordinals: FastMap<&'static str, u32>,
    /// Unit words (singular and plural).
    pub units: FastMap<&'static str, Unit>,
    /// Full month names, lower case, January first: the first name listed for each month.
    pub month_names: Vec<&'static str>,
    /// Full weekday names, lower case, Monday first: the first name listed for each weekday.
    pub weekday_names: Vec<&'static str>,
    /// Season words.
    pub seasons: FastMap<&'static str, Season>,
    /// The name of each season (the first word listed for it: "autumn", not "fall").
    pub season_names: Vec<(Season, &'static str)>,
    /// Part-of-day words.
    pub parts_of_day: FastMap<&'static str, PartOfDay>,
    /// The name of each part of the day (the first word listed for it).
    pub part_of_day_names: Vec<(PartOfDay, &'static str)>,
    /// Shift words -> offset ("last" -> -1).
    pub shifts: FastMap<&'static str, i64>,
    /// Day words -> (offset in days, part of day).
    pub relative_days: FastMap<&'static str, (i64, Option<PartOfDay>)>,
    /// Vague references (PRESENT_REF, PAST_REF, FUTURE_REF) and vague lengths ("for months": PXM).
    pub references: PhraseTable<Value>,
    /// Frequency words -> SET value.
    pub frequencies: FastMap<&'static str, Value>,
    /// Holidays.
    pub holidays: PhraseTable<Holiday>,
    /// Time zones -> offset suffix.
    pub zones: FastMap<&'static str, &'static str>,
    /// Approximation words kept in a duration's span.
    pub modifiers: PhraseTable<()>,
    /// Position words kept in a date's span ("early", "the end of").
    pub positions: PhraseTable<()>,
    /// Tense cue words.
    pub tense_cues: FastMap<&'static str, CueTense>,
    /// Words ending in -ed that are not past verbs.
    pub tense_none: FastMap<&'static str, ()>,
    /// Tokens before a four-digit number that make it not a year.
    pub year_blockers_before: FastMap<&'static str, ()>,
    /// Tokens after a four-digit number that make it not a year.
    pub year_blockers_after: FastMap<&'static str, ()>,
}

fn pairs(table: &'static str) -> impl Iterator<Item = (&'static str, &'static str)> {
    rows(table).filter_map(|r| Some((*r.first()?, *r.get(1)?)))
}

/// The first word listed for each value, in the order values first appear: a table's canonical names.
fn first_names<V: PartialEq>(table: impl Iterator<Item = (&'static str, V)>) -> Vec<(V, &'static str)> {
    let mut out: Vec<(V, &'static str)> = Vec::new();
    for (word, v) in table {
        if !out.iter().any(|(seen, _)| *seen == v) {
            out.push((v, word));
        }
    }
    out
}

/// Names numbered 1..=`n` in a numbered table (months, weekdays), by their first listed word.
fn numbered_names(table: &'static str, n: u32) -> Vec<&'static str> {
    let named = first_names(pairs(table).filter_map(|(k, v)| Some((k, v.parse::<u32>().ok()?))));
    (1..=n)
        .map(|i| named.iter().find(|(v, _)| *v == i).map_or("", |(_, w)| *w))
        .collect()
}

/// The full names of the months and weekdays, lower case ("january", "monday"): the one list
/// other layers use to tell a calendar word from a name.
pub fn calendar_names() -> impl Iterator<Item = &'static str> {
    numbered_names(MONTHS, 12)
        .into_iter()
        .chain(numbered_names(WEEKDAYS, 7))
}

const MONTHS: &str = include_str!("../../data/dates/months.txt");
const WEEKDAYS: &str = include_str!("../../data/dates/weekdays.txt");
const SEASONS: &str = include_str!("../../data/dates/seasons.txt");
const PARTS_OF_DAY: &str = include_str!("../../data/dates/parts_of_day.txt");

impl Lexicon {
    /// Loads every table (embedded in the binary).
    pub fn load() -> Self {
        let num = |t| {
            pairs(t)
                .filter_map(|(k, v)| Some((k, v.parse::<u32>().ok()?)))
                .collect::<FastMap<_, _>>()
        };
        let mut references = PhraseTable::default();
        for (k, v) in pairs(include_str!("../../data/dates/references.txt")) {
            if let Some(v) = Value::parse_vague(v) {
                references.insert(k, v);
            }
        }
        let mut holidays = PhraseTable::default();
        for (k, v) in pairs(include_str!("../../data/dates/holidays.txt")) {
            if let Some(h) = Holiday::parse(v) {
                holidays.insert(k, h);
            }
        }
        let seasons = || pairs(SEASONS).filter_map(|(k, v)| Some((k, Season::from_code(v)?)));
        let parts = || pairs(PARTS_OF_DAY).filter_map(|(k, v)| Some((k, PartOfDay::from_code(v)?)));
        let mut modifiers = PhraseTable::default();
        for k in lines(include_str!("../../data/dates/modifiers.txt")) {
            modifiers.insert(k, ());
        }
        let mut positions = PhraseTable::default();
        for k in lines(include_str!("../../data/dates/positions.txt")) {
            positions.insert(k, ());
        }
        let mut year_blockers_before = FastMap::default();
        let mut year_blockers_after = FastMap::default();
        for (side, w) in pairs(include_str!("../../data/dates/year_blockers.txt")) {
            if side == "before" {
                year_blockers_before.insert(w, ());
            } else {
                year_blockers_after.insert(w, ());
            }
        }
        Lexicon {
            months: num(MONTHS),
            weekdays: num(WEEKDAYS),
            month_names: numbered_names(MONTHS, 12),
            weekday_names: numbered_names(WEEKDAYS, 7),
            numbers: pairs(include_str!("../../data/dates/numbers.txt"))
                .map(|(k, v)| (k, v.parse::<u32>().ok()))
                .collect(),
            ordinals: num(include_str!("../../data/dates/ordinals.txt")),
            decades: num(include_str!("../../data/dates/decades.txt")),
            units: pairs(include_str!("../../data/dates/units.txt"))
                .filter_map(|(k, v)| Some((k, Unit::from_code(v)?)))
                .collect(),
            seasons: seasons().collect(),
            season_names: first_names(seasons()),
            parts_of_day: parts().collect(),
            part_of_day_names: first_names(parts()),
            shifts: pairs(include_str!("../../data/dates/shifts.txt"))
                .filter_map(|(k, v)| Some((k, v.parse::<i64>().ok()?)))
                .collect(),
            relative_days: rows(include_str!("../../data/dates/relative_days.txt"))
                .filter_map(|r| {
                    let part = match r.get(2) {
                        Some(code) => Some(PartOfDay::from_code(code)?),
                        None => None,
                    };
                    Some((*r.first()?, (r.get(1)?.parse::<i64>().ok()?, part)))
                })
                .collect(),
            references,
            frequencies: pairs(include_str!("../../data/dates/frequencies.txt"))
                .filter_map(|(k, v)| Some((k, Value::Set(Recurrence::Every(Duration::parse(v)?)))))
                .collect(),
            holidays,
            zones: pairs(include_str!("../../data/dates/zones.txt")).collect(),
            modifiers,
            positions,
            tense_cues: pairs(include_str!("../../data/dates/tense_cues.txt"))
                .filter_map(|(k, v)| match k {
                    "past" => Some((v, CueTense::Past)),
                    "future" => Some((v, CueTense::Future)),
                    _ => None,
                })
                .collect(),
            tense_none: pairs(include_str!("../../data/dates/tense_cues.txt"))
                .filter(|(k, _)| *k == "none")
                .map(|(_, v)| (v, ()))
                .collect(),
            year_blockers_before,
            year_blockers_after,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_load_and_phrases_match_longest_first() {
        let lx = Lexicon::load();
        assert_eq!(lx.months.get("sept"), Some(&9));
        assert_eq!(lx.weekdays.get("tuesday"), Some(&2));
        assert_eq!(lx.numbers.get("several"), Some(&None));
        assert_eq!(lx.units.get("weeks"), Some(&Unit::Week));
        let lower: Vec<String> = ["the", "near", "future"].iter().map(|s| s.to_string()).collect();
        let future = Value::parse_vague("FUTURE_REF");
        assert_eq!(
            lx.references.longest(&lower, 0).map(|(v, k)| (Some(v), k)),
            Some((future, 3))
        );
        assert_eq!(lx.month_names.first(), Some(&"january"));
        assert_eq!(lx.weekday_names.get(6), Some(&"sunday"));
        assert!(lx.season_names.contains(&(Season::Fall, "autumn")));
        assert_eq!(lx.part_of_day_names.len(), 4);
        // Every month and weekday has its full name, and the full name maps back to its number.
        for (i, name) in lx.month_names.iter().enumerate() {
            assert_eq!(lx.months.get(name), Some(&(i as u32 + 1)), "{name}");
        }
        for (i, name) in lx.weekday_names.iter().enumerate() {
            assert_eq!(lx.weekdays.get(name), Some(&(i as u32 + 1)), "{name}");
            assert!(name.ends_with("day"));
        }
        assert_eq!((lx.month_names.len(), lx.weekday_names.len()), (12, 7));
        assert_eq!(lx.tense_cues.get("will"), Some(&CueTense::Future));
    }
}
