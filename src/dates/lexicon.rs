//! The date vocabulary, loaded once from the tables in `data/dates/`.

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

    /// The longest phrase starting at `lower[i]`: its value and the index one past its last word.
    pub fn longest<W: Words + ?Sized>(&self, lower: &W, i: usize) -> Option<(V, usize)> {
        let list = self.by_first.get(lower.word(i)?)?;
        list.iter().find_map(|(words, v)| {
            let ok = words
                .iter()
                .enumerate()
                .all(|(k, w)| lower.word(i + k).is_some_and(|t| t == *w));
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
    /// Season words -> TIMEX3 code.
    pub seasons: FastMap<&'static str, &'static str>,
    /// Part-of-day words -> TIMEX3 code.
    pub parts_of_day: FastMap<&'static str, &'static str>,
    /// Shift words -> offset ("last" -> -1).
    pub shifts: FastMap<&'static str, i64>,
    /// Day words -> (offset in days, part of day).
    pub relative_days: FastMap<&'static str, (i64, Option<&'static str>)>,
    /// Vague references -> PRESENT_REF / PAST_REF / FUTURE_REF.
    pub references: PhraseTable<&'static str>,
    /// Frequency words -> SET value.
    pub frequencies: FastMap<&'static str, &'static str>,
    /// Holidays -> "MM-DD" or a rule name.
    pub holidays: PhraseTable<&'static str>,
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
            references.insert(k, v);
        }
        let mut holidays = PhraseTable::default();
        for (k, v) in pairs(include_str!("../../data/dates/holidays.txt")) {
            holidays.insert(k, v);
        }
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
            months: num(include_str!("../../data/dates/months.txt")),
            weekdays: num(include_str!("../../data/dates/weekdays.txt")),
            numbers: pairs(include_str!("../../data/dates/numbers.txt"))
                .map(|(k, v)| (k, v.parse::<u32>().ok()))
                .collect(),
            ordinals: num(include_str!("../../data/dates/ordinals.txt")),
            decades: num(include_str!("../../data/dates/decades.txt")),
            units: pairs(include_str!("../../data/dates/units.txt"))
                .filter_map(|(k, v)| Some((k, Unit::from_code(v)?)))
                .collect(),
            seasons: pairs(include_str!("../../data/dates/seasons.txt")).collect(),
            parts_of_day: pairs(include_str!("../../data/dates/parts_of_day.txt")).collect(),
            shifts: pairs(include_str!("../../data/dates/shifts.txt"))
                .filter_map(|(k, v)| Some((k, v.parse::<i64>().ok()?)))
                .collect(),
            relative_days: rows(include_str!("../../data/dates/relative_days.txt"))
                .filter_map(|r| Some((*r.first()?, (r.get(1)?.parse::<i64>().ok()?, r.get(2).copied()))))
                .collect(),
            references,
            frequencies: pairs(include_str!("../../data/dates/frequencies.txt")).collect(),
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
        assert_eq!(lx.references.longest(&lower, 0), Some(("FUTURE_REF", 3)));
        assert_eq!(lx.tense_cues.get("will"), Some(&CueTense::Future));
    }
}
