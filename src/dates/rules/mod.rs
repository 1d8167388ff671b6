//! Named rules over tokens: each recognises one shape of temporal expression and yields a [`DateExpr`].
//!
//! The rules live in one file per family; the rule table below (`rule_table!`) says which run where
//! and in what order. At each token the longest match wins, and on a tie the rule listed first. Each
//! rule's id ([`DateRule`]) is exported with what it found.
//!
//! | family | file | rules |
//! |---|---|---|
//! | explicit dates | `explicit.rs` | `date/explicit-date`, `date/holiday`, `date/position-hyphenated` |
//! | numeric | `numeric.rs` | `date/numeric-date`, `date/year-range`, `date/fiscal-year`, `date/spelled-year` |
//! | days and times | `days_times.rs` | `date/weekday`, `date/relative-day`, `date/time` |
//! | relative | `relative.rs` | `date/reference`, `date/then`, `date/that-unit`, `date/shift`, `date/year-ago`, `date/year-end`, `date/the-year`, `date/the-unit`, `date/day-of-event` |
//! | periods | `periods.rs` | `date/quarter`, `date/season`, `date/decade-word`, `date/century`, `date/the-quarter` |
//! | durations and sets | `durations_sets.rs` | `date/duration`, `date/bare-unit`, `date/the-units`, `date/compound-duration`, `date/duration-range`, `date/set` |
//!
//! A match inside the title of a work ("Born on the Fourth of July" in quotation marks) is dropped
//! ([`Rules::find_all`]).
//!
//! `at_token` is tried at every token that can start an expression (except "the"); `at_the` at
//! "the"; `after_the` right after "the", for expressions whose span takes the article in ("the
//! third quarter"). Position and approximation words ("early", "the end of", "nearly") then widen a
//! match to the left ([`Rules::match_at`]); the match keeps its rule.
//!
//! Matching is token-driven: a token that cannot start any rule (most of them) costs one hash lookup,
//! and each rule looks only a few tokens ahead, so the pass is linear in the text.

mod days_times;
mod durations_sets;
mod explicit;
mod numeric;
mod periods;
mod relative;

use super::expr::DateExpr;
use super::lexicon::{FastMap, FastSet, Lexicon, Unit, Words};
use super::value::Value;
use crate::annotation::{DateLabel, DateRule};
use crate::text::{Document, Span, TokenKind};
use std::cell::Cell;

/// Defines a function that tries the listed rules at token `j`, in order, and keeps the longest
/// match (the earlier rule on a tie), named by its rule id. Direct calls, so the rules inline.
/// A rule with `if` after it runs only where its gate holds: a cheap test on the token's [`Head`]
/// that every match of the rule passes (most rule attempts find nothing, and each costs lookups).
macro_rules! rule_table {
    ($(#[$doc:meta])* $name:ident($head:ident): $($rule:ident => $find:ident $(if $gate:expr)?,)*) => {
        $(#[$doc])*
        fn $name(&self, v: &View, j: usize, $head: Head) -> Option<Found> {
            let mut best: Option<Found> = None;
            $(
                if true $(&& $gate)? {
                    if let Some(found) = self.$find(v, j) {
                        if best.as_ref().is_none_or(|b| found.end > b.end || (found.end == b.end && found.start < b.start)) {
                            best = Some(found.named(DateRule::$rule));
                        }
                    }
                }
            )*
            best
        }
    };
}

// The rule table: which rules run where, and in what order.
impl Rules<'_> {
    rule_table! {
        /// Rules tried at a token other than "the".
        at_token(h):
        ExplicitDate => explicit_date if h.number || h.cap,
        NumericDate => numeric if h.may_numeric(),
        Weekday => weekday if h.cap,
        Holiday => holiday if h.cap && h.is(class::HOLIDAY),
        RelativeDay => relative_day if h.is(class::RELATIVE_DAY),
        Reference => reference if h.is(class::REFERENCE),
        Shift => shift if h.is(class::SHIFT),
        Quarter => quarter if h.may_quarter(),
        Duration => duration if h.may_count(),
        Set => set if h.is(class::FREQUENCY) || matches!(h.word, "every" | "each"),
        Time => time,
        BareUnit => bare_unit if h.is(class::UNIT),
        CompoundDuration => compound_duration if h.number || h.is(class::NUMBER) || matches!(h.word, "couple" | "half"),
        DurationRange => duration_range if h.may_range(),
        YearRange => year_range if h.number,
        Then => then_back,
        YearAgo => year_ago,
        Duration => long_duration,
        PositionHyphenated => position_hyphenated if h.hyphen(),
        YearEnd => year_end,
        Season => season_word if h.is(class::SEASON),
        DecadeWord => decade_word if h.is(class::DECADE),
        FiscalYear => fiscal_year,
        // "nineteen", "eighteen"
        SpelledYear => spelled_year_date if h.is(class::NUMBER),
        ThatUnit => that_unit,
        ExplicitDate => second_day if h.number,
    }

    rule_table! {
        /// Rules tried at "the": only phrases listed with their article ("the future").
        at_the(h):
        Reference => reference if h.is(class::REFERENCE),
        Then => then_at_the,
    }

    rule_table! {
        /// Rules tried right after "the"; the match then takes the article into its span.
        after_the(h):
        Shift => shift if h.is(class::SHIFT),
        Quarter => quarter if h.may_quarter(),
        Duration => duration_after_the if h.may_count() || durations_sets::DURATION_ADJECTIVES.contains(&h.word),
        DurationRange => duration_range if h.may_range(),
        Season => season_after_the if h.is(class::SEASON),
        Century => century if h.is(class::ORDINAL),
        DecadeWord => decade_word if h.is(class::DECADE),
        TheYear => the_year,
        // "week", "month", "weekend"
        TheUnit => the_unit if h.is(class::UNIT),
        TheQuarter => the_quarter,
        TheUnits => the_units,
        DayOfEvent => day_of_event if h.is(class::ORDINAL),
        NumericDate => decade_after_the if h.may_numeric(),
        PositionHyphenated => decade_position_after_the if h.hyphen(),
    }
}

/// The word lists a trigger word is in, as bits: what [`Head`] tests a rule's gate against.
mod class {
    /// A number word ("two", "several", "a").
    pub const NUMBER: u16 = 1;
    /// An ordinal word ("third").
    pub const ORDINAL: u16 = 1 << 1;
    /// A unit word ("year", "months").
    pub const UNIT: u16 = 1 << 2;
    /// A shift word ("last", "next").
    pub const SHIFT: u16 = 1 << 3;
    /// A relative day ("today").
    pub const RELATIVE_DAY: u16 = 1 << 4;
    /// The first word of a vague reference ("now", "the future").
    pub const REFERENCE: u16 = 1 << 5;
    /// A frequency word ("daily").
    pub const FREQUENCY: u16 = 1 << 6;
    /// A season word.
    pub const SEASON: u16 = 1 << 7;
    /// A decade word ("nineties").
    pub const DECADE: u16 = 1 << 8;
    /// The first word of a holiday ("Christmas").
    pub const HOLIDAY: u16 = 1 << 9;
    /// The first word of a position phrase ("early", "the end of").
    pub const POSITION: u16 = 1 << 10;
    /// The first word of an approximation ("about").
    pub const MODIFIER: u16 = 1 << 11;
}

/// A token as the rule table sees it before trying any rule: its word and the lists that hold it,
/// found with one lookup, so a rule whose first step would look the word up in a list that lacks
/// it is skipped.
#[derive(Clone, Copy)]
struct Head<'w> {
    word: &'w str,
    class: u16,
    number: bool,
    /// Written with a capital (months, weekdays and holidays are).
    cap: bool,
}

impl Head<'_> {
    #[inline]
    fn is(&self, class: u16) -> bool {
        self.class & class != 0
    }

    #[inline]
    fn hyphen(&self) -> bool {
        self.word.as_bytes().contains(&b'-')
    }

    /// Can open a count ([`Rules::number`]: digits, a number word, "couple") or a hyphenated
    /// length ("two-year"): the gate of `date/duration`.
    fn may_count(&self) -> bool {
        self.word.as_bytes().first().is_some_and(u8::is_ascii_digit)
            || self.is(class::NUMBER)
            || self.word == "couple"
            || self.hyphen()
    }

    /// A number, or an apostrophe before one ("'90s"): the gate of `date/numeric-date`.
    fn may_numeric(&self) -> bool {
        self.number || matches!(self.word, "'" | "\u{2019}")
    }

    /// The gate of `date/duration-range`: a count, or a word before one ("the next 12 to 18 months").
    fn may_range(&self) -> bool {
        self.number
            || self.is(class::NUMBER)
            || matches!(self.word, "couple" | "next" | "past" | "last" | "coming" | "first")
    }

    /// The gate of `date/quarter`: a year, "fiscal", "year-ago", an ordinal, "first"/"last",
    /// "Q3", or a hyphenated word ("third-quarter").
    fn may_quarter(&self) -> bool {
        self.number
            || self.is(class::ORDINAL)
            || self.hyphen()
            || matches!(self.word, "fiscal" | "first" | "last")
            || (self.word.len() == 2 && self.word.starts_with('q'))
    }
}

/// Words before a bare month name that make it a date ("in March", "since May").
const MONTH_CONTEXT: &[&str] = &[
    "in", "since", "by", "until", "till", "of", "during", "from", "to", "through", "before", "after", "between", "and",
    "or", "early", "late", "mid", "last", "next", "this", "each", "every", "on", "for", "that", "around",
];

/// Lower-case words a title may hold between its capitalised words ("Born on the Fourth of July").
const TITLE_SMALL_WORDS: &[&str] = &[
    "of", "on", "the", "a", "an", "and", "in", "to", "for", "at", "with", "from", "by",
];

/// Nouns for works whose title may follow unquoted ("the film Born on the Fourth of July").
const WORK_NOUNS: &[&str] = &[
    "film",
    "movie",
    "book",
    "novel",
    "song",
    "album",
    "play",
    "musical",
    "series",
    "documentary",
    "opera",
    "poem",
];

/// How far a title is followed in either direction, in tokens.
const MAX_TITLE_WORDS: usize = 8;

/// How many prefix words ("the", "early", "nearly") may stack before an expression.
const MAX_PREFIXES: u8 = 1;

/// What one rule recognised at a token, before the table names the rule.
#[derive(Debug, Clone, PartialEq)]
struct Hit {
    start: usize,
    end: usize,
    span: Span,
    expr: DateExpr,
    label: DateLabel,
    zone: Option<String>,
}

impl Hit {
    fn named(self, rule: DateRule) -> Found {
        Found {
            start: self.start,
            end: self.end,
            span: self.span,
            expr: self.expr,
            label: self.label,
            zone: self.zone,
            rule,
        }
    }
}

/// The matches over an article's head, and where a scan of the whole text can take over from them.
pub struct HeadMatches {
    /// The matches, as [`Rules::find_all`] finds them over the head alone.
    pub found: Vec<Found>,
    /// How many of them the whole text's scan shares.
    kept: usize,
    /// The token the whole text's scan goes on from.
    resume: usize,
}

/// One recognised expression.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// Byte span (usually the tokens' span; narrower for "2010" in "2010-2012").
    pub span: Span,
    /// What it means.
    pub expr: DateExpr,
    /// TIMEX3 type.
    pub label: DateLabel,
    /// The time zone written after a time ("UTC"), kept for the gloss.
    pub zone: Option<String>,
    /// The rule that recognised it.
    pub rule: DateRule,
}

impl Found {
    /// The same match with its span widened left to token `start` (a prefix word or "the").
    fn widened(self, v: &View, start: usize) -> Found {
        Found {
            start,
            span: v.span(start, self.end),
            ..self
        }
    }
}

/// The tokens of one text in lower case, shared by the rules: one buffer for all of them, so a
/// megabyte of text costs two allocations, not one per token.
pub struct View<'a> {
    doc: &'a Document<'a>,
    /// The text up to the view's last token with ASCII letters lower-cased (an ASCII token reads
    /// at its own offsets), then the lower-case forms of the other tokens.
    buf: String,
    /// Byte range of each token's lower-case form in `buf`.
    idx: Vec<(u32, u32)>,
    /// Set when a rule asked about a token past the view's end, where a prefix view and the whole
    /// text answer differently: a match made without that is the same in both.
    read_past_end: Cell<bool>,
}

impl Words for View<'_> {
    fn word(&self, k: usize) -> Option<&str> {
        let Some(&(a, b)) = self.idx.get(k) else {
            self.past_end();
            return None;
        };
        self.buf.get(a as usize..b as usize)
    }
}

impl<'a> View<'a> {
    /// Lower-cases every token once.
    pub fn new(doc: &'a Document<'a>) -> Self {
        Self::prefix(doc, doc.tokens.len())
    }

    /// A view of the first `limit` tokens only (the head of an article).
    pub fn prefix(doc: &'a Document<'a>, limit: usize) -> Self {
        let n = doc.tokens.len().min(limit);
        let covered = doc.tokens.get(..n).and_then(<[_]>::last).map_or(0, |l| l.span.end);
        // One copy and one pass lower-case every ASCII token in place; only the others are
        // lowered one by one.
        let mut buf = doc.text.get(..covered).unwrap_or_default().to_ascii_lowercase();
        let mut idx = Vec::with_capacity(n);
        for t in &doc.tokens[..n] {
            let (start, end) = (t.span.start, t.span.end);
            // Offsets fit u32: texts are capped well below 4 GB (MAX_TEXT_BYTES).
            if doc.text.as_bytes().get(start..end).is_some_and(<[u8]>::is_ascii) {
                idx.push((start as u32, end as u32));
            } else {
                let at = buf.len();
                buf.extend(t.span.slice(doc.text).chars().flat_map(char::to_lowercase));
                idx.push((at as u32, buf.len() as u32));
            }
        }
        View {
            doc,
            buf,
            idx,
            read_past_end: Cell::new(false),
        }
    }

    // Out of line and cold: rules rarely look past the end, and every inlined word lookup has this path.
    #[cold]
    #[inline(never)]
    fn past_end(&self) {
        self.read_past_end.set(true);
    }

    /// Number of tokens in the view.
    pub fn len(&self) -> usize {
        self.idx.len()
    }

    #[inline]
    fn w(&self, k: usize) -> &str {
        self.word(k).unwrap_or("")
    }

    /// The word before token `k`, or "" at the start.
    #[inline]
    fn prev(&self, k: usize) -> &str {
        k.checked_sub(1).map_or("", |p| self.w(p))
    }

    /// Lower-case text without a trailing period ("sept." -> "sept").
    #[inline]
    fn wt(&self, k: usize) -> &str {
        let w = self.w(k);
        w.strip_suffix('.').unwrap_or(w)
    }

    #[inline]
    fn raw(&self, k: usize) -> &'a str {
        if k < self.idx.len() {
            self.doc.token_text(k)
        } else {
            self.past_end();
            ""
        }
    }

    #[inline(never)]
    fn cap(&self, k: usize) -> bool {
        crate::text::words::is_capitalised(self.raw(k))
    }

    /// True when token `k` opens a sentence or a paragraph (or follows an opening quote).
    fn sentence_start(&self, k: usize) -> bool {
        k == 0
            || self.doc.tokens.get(k).is_some_and(|t| t.newlines_before > 0)
            || matches!(self.w(k - 1), "." | "!" | "?" | "\"" | "\u{201C}")
    }

    /// True when token `k` is written all in capitals ("UTC", "WEEK").
    fn all_caps(&self, k: usize) -> bool {
        self.raw(k).chars().all(|c| c.is_uppercase())
    }

    #[inline]
    fn is_number(&self, k: usize) -> bool {
        if k >= self.idx.len() {
            self.past_end();
            return false;
        }
        self.doc.tokens.get(k).is_some_and(|t| t.kind == TokenKind::Number)
    }

    /// True when token `k` follows the previous one with no space ("10" "-" "year").
    fn touches(&self, k: usize) -> bool {
        self.doc.tokens.get(k).is_some_and(|t| !t.space_before)
    }

    fn int(&self, k: usize) -> Option<u32> {
        let w = self.w(k);
        if w.is_empty() || w.len() > 4 || !w.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        w.parse().ok()
    }

    #[inline(never)]
    fn span(&self, start: usize, end: usize) -> Span {
        let toks = &self.doc.tokens;
        match (toks.get(start), end.checked_sub(1).and_then(|e| toks.get(e))) {
            (Some(a), Some(b)) if start < end => Span::new(a.span.start, b.span.end),
            _ => Span::default(),
        }
    }
}

/// The rules, with the vocabulary they read.
pub struct Rules<'l> {
    lx: &'l Lexicon,
    triggers: &'l Triggers,
}

/// The words that can start a rule, each also with a trailing "s" ("Mondays", "1990s") and ".":
/// ("Sept."), so a token is tested with one lookup; with each, the lists that hold the word itself
/// (`class` bits), which gate the rules.
pub type Triggers = FastMap<Box<str>, u16>;

/// Every word that can start a rule, so other tokens are skipped with one lookup.
pub fn triggers(lx: &Lexicon) -> Triggers {
    let mut t: FastSet<&'static str> = FastSet::default();
    t.extend(lx.months.keys());
    t.extend(lx.weekdays.keys());
    t.extend(lx.numbers.keys());
    t.extend(lx.units.keys());
    t.extend(lx.seasons.keys());
    t.extend(lx.shifts.keys());
    t.extend(lx.relative_days.keys());
    t.extend(lx.references.first_words());
    t.extend(lx.frequencies.keys());
    t.extend(lx.holidays.first_words());
    t.extend(lx.modifiers.first_words());
    t.extend(lx.positions.first_words());
    t.extend(lx.ordinals.keys());
    t.extend(lx.decades.keys());
    t.extend([
        "the",
        "every",
        "each",
        "fiscal",
        "noon",
        "midnight",
        "midday",
        "year-ago",
        "year-earlier",
        "year-end",
        "q1",
        "q2",
        "q3",
        "q4",
        "'",
        "\u{2019}",
        "first-half",
        "second-half",
        "half",
        "then",
        "that",
        "mid",
        "midmorning",
        "midafternoon",
    ]);
    t.iter()
        .flat_map(|w| [w.to_string(), format!("{w}s"), format!("{w}.")])
        .map(|w| {
            let class = class_of(lx, &w);
            (w.into_boxed_str(), class)
        })
        .collect()
}

/// The lists that hold word `w`, as `class` bits. Run once per trigger word, at start-up.
#[inline(never)]
fn class_of(lx: &Lexicon, w: &str) -> u16 {
    [
        (lx.numbers.contains_key(w), class::NUMBER),
        (lx.ordinals.contains_key(w), class::ORDINAL),
        (lx.units.contains_key(w), class::UNIT),
        (lx.shifts.contains_key(w), class::SHIFT),
        (lx.relative_days.contains_key(w), class::RELATIVE_DAY),
        (lx.references.starts(w), class::REFERENCE),
        (lx.frequencies.contains_key(w), class::FREQUENCY),
        (lx.seasons.contains_key(w), class::SEASON),
        (lx.decades.contains_key(w), class::DECADE),
        (lx.holidays.starts(w), class::HOLIDAY),
        (lx.positions.starts(w), class::POSITION),
        (lx.modifiers.starts(w), class::MODIFIER),
    ]
    .iter()
    .filter(|(held, _)| *held)
    .fold(0, |all, (_, class)| all | class)
}

impl<'l> Rules<'l> {
    /// Rules over `lx`, skipping tokens not in `triggers`.
    pub fn new(lx: &'l Lexicon, triggers: &'l Triggers) -> Self {
        Rules { lx, triggers }
    }

    /// Every expression in the text, left to right, non-overlapping (longest match at each start).
    #[cfg(test)]
    pub fn find_all(&self, v: &View) -> Vec<Found> {
        let mut out = Vec::new();
        self.scan(v, 0, &mut out);
        out
    }

    /// [`Rules::find_all`] over a prefix view (the head of an article), remembering where the scan of
    /// the whole text can take over from it.
    pub fn find_in_head(&self, head: &View) -> HeadMatches {
        let mut found = Vec::new();
        let (past_end, end) = self.scan(head, 0, &mut found);
        let (kept, resume) = past_end.unwrap_or((found.len(), end));
        HeadMatches { found, kept, resume }
    }

    /// [`Rules::find_all`] over the whole text `v`, taking the head's matches as they are up to the
    /// first one that read past the head, and scanning on from there.
    pub fn find_all_after(&self, v: &View, head: &HeadMatches) -> Vec<Found> {
        let mut out = head.found.get(..head.kept).unwrap_or_default().to_vec();
        self.scan(v, head.resume, &mut out);
        out
    }

    /// Scans from token `i` to the end of `v`, appending to `out`. Returns the first step that read
    /// past the view's end (the length of `out` and the token before it), and the token it stopped at.
    ///
    /// The scan's state is only the token it is at: every step before one that read past the end of
    /// a prefix view is the same over the whole text, so the whole text's scan can go on from there.
    fn scan(&self, v: &View, mut i: usize, out: &mut Vec<Found>) -> (Option<(usize, usize)>, usize) {
        let mut past_end = None;
        while i < v.len() {
            let w = v.w(i);
            let punct = v.doc.tokens.get(i).is_some_and(|t| t.kind == TokenKind::Punct);
            if punct && !matches!(w, "'" | "\u{2019}") {
                i += 1;
                continue;
            }
            let number = v.is_number(i);
            let class = self.triggers.get(w).copied();
            let hit = number || class.is_some() || self.hyphen_head(v, i);
            if !hit {
                i += 1;
                continue;
            }
            let head = Head {
                word: w,
                class: class.unwrap_or(0),
                number,
                cap: v.cap(i),
            };
            let step = (out.len(), i);
            match self.match_head(v, i, 0, head) {
                Some(found) if found.end > i => {
                    i = found.end;
                    if !self.in_title(v, found.start, found.end) {
                        split_range(v, found, out);
                    }
                }
                _ => i += 1,
            }
            if past_end.is_none() && v.read_past_end.get() {
                past_end = Some(step);
            }
        }
        (past_end, i)
    }

    /// True when the expression at tokens `start..end` sits inside the title of a work: a Title Case
    /// run in quotation marks ("Born on the Fourth of July") or after a word like "film".
    fn in_title(&self, v: &View, start: usize, end: usize) -> bool {
        // A title is capitalised word by word: "in 2002" after a title is the year, not part of it.
        if !v.cap(start) {
            return false;
        }
        let title_word = |k: usize| v.cap(k) || TITLE_SMALL_WORDS.contains(&v.w(k));
        let mut r = start;
        let mut content = false;
        while r > 0 && start - r < MAX_TITLE_WORDS && title_word(r - 1) && !v.is_number(r - 1) {
            r -= 1;
            content |= v.cap(r) && !TITLE_SMALL_WORDS.contains(&v.w(r));
        }
        if !content {
            return false;
        }
        let opened = r > 0 && matches!(v.w(r - 1), "\"" | "\u{201C}" | "'" | "\u{2018}");
        let work = r > 0 && WORK_NOUNS.contains(&v.w(r - 1));
        if work {
            return true;
        }
        if !opened {
            return false;
        }
        // The quotation must close after a Title Case run, or it is a quoted sentence ("Since Tuesday we ...").
        let mut k = end;
        while k < v.len() && k - end < MAX_TITLE_WORDS && title_word(k) {
            k += 1;
        }
        let closing = |k: usize| matches!(v.w(k), "\"" | "\u{201D}" | "'" | "\u{2019}");
        closing(k) || (matches!(v.w(k), "," | ".") && closing(k + 1))
    }

    /// "mid-1990s", "late-November", "two-year": hyphenated words whose head is not itself a trigger.
    fn hyphen_head(&self, v: &View, i: usize) -> bool {
        let w = v.w(i);
        // Most words have no hyphen; a byte scan is cheaper than the char searcher.
        w.as_bytes().contains(&b'-')
            && w.split_once('-').is_some_and(|(a, b)| {
                matches!(a, "mid" | "early" | "late" | "pre" | "post")
                || self.lx.numbers.contains_key(a)
                || self.lx.ordinals.contains_key(a)
                // "day-long", "decades-long" (`date/duration`)
                || (b == "long" && self.lx.units.contains_key(a))
            })
    }

    /// Token `j`'s word and the lists that hold it (one lookup), for the rule gates.
    #[inline]
    fn head<'v>(&self, v: &'v View, j: usize) -> Head<'v> {
        let word = v.w(j);
        Head {
            word,
            class: self.triggers.get(word).copied().unwrap_or(0),
            number: v.is_number(j),
            cap: v.cap(j),
        }
    }

    // Out of line: every rule builds its hit here, and a match is rare.
    #[inline(never)]
    fn hit(&self, v: &View, start: usize, end: usize, expr: DateExpr, label: DateLabel) -> Hit {
        Hit {
            start,
            end,
            span: v.span(start, end),
            expr,
            label,
            zone: None,
        }
    }

    /// The longest expression starting at token `i`, with its modifiers and position words.
    ///
    /// Prefixes ("the", "early", "nearly") recurse; `depth` bounds the recursion so a run of
    /// prefix words ("the end of the end of ...") costs constant work per token.
    pub fn match_at(&self, v: &View, i: usize, depth: u8) -> Option<Found> {
        self.match_head(v, i, depth, self.head(v, i))
    }

    /// [`Rules::match_at`] with token `i`'s [`Head`] already looked up.
    fn match_head(&self, v: &View, i: usize, depth: u8, head: Head) -> Option<Found> {
        if depth > MAX_PREFIXES {
            return None;
        }
        let is_the = head.word == "the";
        let mut best = if is_the {
            self.at_the(v, i, head)
        } else {
            self.at_token(v, i, head)
        };
        if is_the {
            // Hyphenated adjectives ("the two-year plan", "the third-quarter results") leave "the" out;
            // "the year-ago quarter" names a period and keeps it.
            // "the fiscal-first quarter" ends on its noun and keeps "the".
            let hyphenated = |f: &Found| {
                (v.w(f.start).contains('-')
                    && f.end == f.start + 1
                    && !matches!(v.w(f.start), "year-ago" | "year-earlier")
                    && f.rule != DateRule::PositionHyphenated)
                    || v.w(f.start + 1) == "-"
            };
            let next = self.head(v, i + 1);
            let after = self.after_the(v, i + 1, next).filter(|f| !hyphenated(f));
            best = longer(best, after.map(|f| f.widened(v, i)));
            if let Some(((), k)) = next
                .is(class::POSITION)
                .then(|| self.lx.positions.longest(v, i + 1))
                .flatten()
            {
                let inner = self.match_at(v, k, depth + 1).filter(|f| f.label == DateLabel::Date);
                best = longer(best, inner.map(|f| f.widened(v, i)));
            }
        }
        if let Some(((), k)) = head
            .is(class::POSITION)
            .then(|| self.lx.positions.longest(v, i))
            .flatten()
        {
            // "earlier Friday", "later today", "earlier this week": the day is the expression.
            let single = k == i + 1;
            let day_like = |e: &DateExpr| {
                matches!(
                    e,
                    DateExpr::Weekday(_)
                        | DateExpr::Shift {
                            unit: Unit::Day | Unit::Week,
                            ..
                        }
                        | DateExpr::WithTime { .. }
                )
            };
            let inner = self
                .match_at(v, k, depth + 1)
                .filter(|f| f.label == DateLabel::Date || f.label == DateLabel::Time)
                .filter(|f| !(single && day_like(&f.expr)));
            best = longer(best, inner.map(|f| f.widened(v, i)));
        }
        // "about the past three months" is a topic, not an approximation.
        let modifier = head
            .is(class::MODIFIER)
            .then(|| self.lx.modifiers.longest(v, i))
            .flatten();
        if let Some(((), k)) = modifier.filter(|&(_, k)| v.w(k) != "the") {
            let inner = self
                .match_at(v, k, depth + 1)
                .filter(|f| f.label == DateLabel::Duration || is_ago(v, f));
            best = longer(best, inner.map(|f| f.widened(v, i)));
        }
        best
    }

    /// A count: digits, number words ("twenty four", "twenty-four", "a few", "a couple of"). `None` inside = unspecified.
    fn number(&self, v: &View, k: usize) -> Option<(Option<u32>, usize)> {
        if let Some(n) = v.int(k) {
            return Some((Some(n), k + 1));
        }
        let w = v.w(k);
        match w {
            "a" | "an" => {
                return Some(match v.w(k + 1) {
                    "few" => (None, k + 2),
                    "couple" if v.w(k + 2) == "of" => (Some(2), k + 3),
                    "hundred" => (Some(100), k + 2),
                    "dozen" => (Some(12), k + 2),
                    _ => (Some(1), k + 1),
                })
            }
            "couple" if v.w(k + 1) == "of" => return Some((Some(2), k + 2)),
            _ => {}
        }
        if let Some((a, b)) = w.split_once('-') {
            let (Some(Some(x)), Some(Some(y))) = (self.lx.numbers.get(a), self.lx.numbers.get(b)) else {
                return None;
            };
            return Some((Some(x + y), k + 1));
        }
        let n = *self.lx.numbers.get(w)?;
        if let Some(t) = n.filter(|t| *t >= 20 && t % 10 == 0 && *t < 100) {
            if let Some(Some(o)) = self.lx.numbers.get(v.w(k + 1)) {
                if (1..10).contains(o) {
                    return Some((Some(t + o), k + 2));
                }
            }
        }
        Some((n, k + 1))
    }

    /// True for a full month name ("march", not "mar").
    fn is_full_month(&self, w: &str) -> bool {
        self.lx.month_names.contains(&w)
    }

    fn month_at(&self, v: &View, k: usize) -> Option<u32> {
        if !v.cap(k) {
            return None;
        }
        let m = *self.lx.months.get(v.wt(k))?;
        // "Jan" without its period is a month only next to a day or a year ("Dec 7", "21 Feb 2018").
        let dated = self.day_num(v, k + 1).is_some()
            || self.year_num(v, k + 1).is_some()
            || (k > 0 && self.day_num(v, k - 1).is_some());
        if !self.is_full_month(v.wt(k)) && !v.w(k).ends_with('.') && !dated {
            return None;
        }
        Some(m)
    }

    fn day_num(&self, v: &View, k: usize) -> Option<u32> {
        if !v.is_number(k) {
            return None;
        }
        let w = v.w(k);
        let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        let suffix = &w[digits.len()..];
        if !matches!(suffix, "" | "st" | "nd" | "rd" | "th") || digits.len() > 2 {
            return None;
        }
        digits.parse().ok().filter(|d| (1..=31).contains(d))
    }

    fn year_num(&self, v: &View, k: usize) -> Option<i32> {
        let w = v.w(k);
        if w.len() != 4 || !v.is_number(k) {
            return None;
        }
        w.parse::<i32>().ok().filter(|y| (1000..=2999).contains(y))
    }

    fn weekday_at(&self, v: &View, k: usize) -> Option<u32> {
        if !v.cap(k) {
            return None;
        }
        self.lx.weekdays.get(v.wt(k)).copied()
    }

    fn is_full_weekday(&self, v: &View, k: usize) -> bool {
        v.wt(k).ends_with("day")
    }
}

/// True for a decade or a century, which TimeML spans with their article ("the 1990s", "the 20th century").
fn is_decade_or_century(h: &Hit) -> bool {
    matches!(h.expr, DateExpr::Known(Value::Decade(_) | Value::Century(_)))
}

impl Rules<'_> {
    /// `date/numeric-date` after "the": "the 1990s", "the 20th century" (the article is in the span).
    fn decade_after_the(&self, v: &View, j: usize) -> Option<Hit> {
        self.numeric(v, j).filter(is_decade_or_century)
    }

    /// `date/position-hyphenated` after "the": "the mid-1990s".
    fn decade_position_after_the(&self, v: &View, j: usize) -> Option<Hit> {
        self.position_hyphenated(v, j).filter(is_decade_or_century)
    }
}

/// "three years ago", "two days later": an expression ending in a word that points back or ahead.
fn is_ago(v: &View, f: &Found) -> bool {
    matches!(v.w(f.end.wrapping_sub(1)), "ago" | "earlier" | "later")
}

/// "2010-2012" and "1998-99" are one token but two dates: each year gets its digits of the token.
fn split_range(v: &View, f: Found, out: &mut Vec<Found>) {
    let DateExpr::YearRange { from, to } = f.expr else {
        out.push(f);
        return;
    };
    let t = v.span(f.end.saturating_sub(1), f.end);
    let dash = v.raw(f.end.saturating_sub(1)).find('-').unwrap_or(4);
    out.push(Found {
        span: Span::new(t.start, t.start + dash),
        expr: DateExpr::Known(Value::Year(from.into())),
        ..f.clone()
    });
    out.push(Found {
        span: Span::new(t.start + dash + 1, t.end),
        expr: DateExpr::Known(Value::Year(to.into())),
        ..f
    });
}

fn longer(a: Option<Found>, b: Option<Found>) -> Option<Found> {
    match (a, b) {
        (Some(a), Some(b)) => Some(if b.end > a.end || (b.end == a.end && b.start < a.start) {
            b
        } else {
            a
        }),
        (a, None) => a,
        (None, b) => b,
    }
}

#[cfg(test)]
mod tests;
