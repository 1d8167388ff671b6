//! Named rules over tokens: each recognises one shape of temporal expression and yields a [`DateExpr`].
//!
//! Matching is token-driven: a token that cannot start any rule (most of them) costs one hash lookup,
//! and each rule looks only a few tokens ahead, so the pass is linear in the text.

use super::expr::{DateExpr, Named};
use super::lexicon::{FastSet, Lexicon, Unit, Words};
use crate::annotation::DateLabel;
use crate::text::{Document, Span, TokenKind};

/// Words before a bare month name that make it a date ("in March", "since May").
const MONTH_CONTEXT: &[&str] = &[
    "in", "since", "by", "until", "till", "of", "during", "from", "to", "through", "before", "after", "between", "and",
    "or", "early", "late", "mid", "last", "next", "this", "each", "every", "on", "for", "that", "around",
];
/// Words before a bare year that make it a date even when they are not prepositions.
const FULL_MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// How many prefix words ("the", "early", "nearly") may stack before an expression.
const MAX_PREFIXES: u8 = 1;

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
}

/// The tokens of one text in lower case, shared by the rules: one buffer for all of them, so a
/// megabyte of text costs two allocations, not one per token.
pub struct View<'a> {
    doc: &'a Document<'a>,
    buf: String,
    /// Byte range of each token's lower-case form in `buf`.
    idx: Vec<(u32, u32)>,
}

impl Words for View<'_> {
    fn word(&self, k: usize) -> Option<&str> {
        let &(a, b) = self.idx.get(k)?;
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
        let mut buf = String::with_capacity(doc.tokens.get(..n).map_or(0, |t| t.last().map_or(0, |l| l.span.end)));
        let mut idx = Vec::with_capacity(n);
        for i in 0..n {
            let t = doc.token_text(i);
            let start = buf.len();
            if t.is_ascii() {
                buf.push_str(t);
                if let Some(tail) = buf.get_mut(start..) {
                    tail.make_ascii_lowercase();
                }
            } else {
                buf.extend(t.chars().flat_map(char::to_lowercase));
            }
            // Offsets fit u32: texts are capped well below 4 GB (MAX_TEXT_BYTES).
            idx.push((start as u32, buf.len() as u32));
        }
        View { doc, buf, idx }
    }

    /// Number of tokens in the view.
    pub fn len(&self) -> usize {
        self.idx.len()
    }

    /// True when the view holds no token.
    pub fn is_empty(&self) -> bool {
        self.idx.is_empty()
    }

    fn n(&self) -> usize {
        self.idx.len()
    }

    fn w(&self, k: usize) -> &str {
        self.word(k).unwrap_or("")
    }

    /// Lower-case text without a trailing period ("sept." -> "sept").
    fn wt(&self, k: usize) -> &str {
        let w = self.w(k);
        w.strip_suffix('.').unwrap_or(w)
    }

    fn raw(&self, k: usize) -> &'a str {
        if k < self.idx.len() {
            self.doc.token_text(k)
        } else {
            ""
        }
    }

    fn cap(&self, k: usize) -> bool {
        self.raw(k).chars().next().is_some_and(char::is_uppercase)
    }

    fn is_number(&self, k: usize) -> bool {
        k < self.idx.len() && self.doc.tokens.get(k).is_some_and(|t| t.kind == TokenKind::Number)
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
    triggers: &'l FastSet<&'static str>,
}

/// Every word that can start a rule, so other tokens are skipped with one lookup.
pub fn triggers(lx: &Lexicon) -> FastSet<&'static str> {
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
    ]);
    t
}

fn dur_value(n: Option<u32>, u: Unit) -> Option<String> {
    let n_str = |k: u32| n.map(|v| (v * k).to_string()).unwrap_or_else(|| "X".into());
    Some(match u {
        Unit::Year => format!("P{}Y", n_str(1)),
        Unit::Month => format!("P{}M", n_str(1)),
        Unit::Week => format!("P{}W", n_str(1)),
        Unit::Day => format!("P{}D", n_str(1)),
        Unit::Weekend => format!("P{}D", n_str(2)),
        Unit::Quarter => format!("P{}Q", n_str(1)),
        Unit::Decade => format!("P{}Y", n_str(10)),
        Unit::Century => format!("P{}Y", n_str(100)),
        Unit::Hour => format!("PT{}H", n_str(1)),
        Unit::Minute => format!("PT{}M", n_str(1)),
        Unit::Second => format!("PT{}S", n_str(1)),
    })
}

impl<'l> Rules<'l> {
    /// Rules over `lx`, skipping tokens not in `triggers`.
    pub fn new(lx: &'l Lexicon, triggers: &'l FastSet<&'static str>) -> Self {
        Rules { lx, triggers }
    }

    /// Every expression in the text, left to right, non-overlapping (longest match at each start).
    pub fn find_all(&self, v: &View) -> Vec<Found> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < v.n() {
            let w = v.w(i);
            let punct = v.doc.tokens.get(i).is_some_and(|t| t.kind == TokenKind::Punct);
            if punct && !matches!(w, "'" | "\u{2019}") {
                i += 1;
                continue;
            }
            let hit = v.is_number(i)
                || self.triggers.contains(w)
                || self.triggers.contains(v.wt(i))
                || w.strip_suffix('s').is_some_and(|s| self.triggers.contains(s))
                || self.hyphen_head(v, i);
            if !hit {
                i += 1;
                continue;
            }
            match self.match_at(v, i, 0) {
                Some(found) if found.end > i => {
                    i = found.end;
                    out.extend(self.split_range(v, found));
                }
                _ => i += 1,
            }
        }
        out
    }

    /// "mid-1990s", "late-November", "two-year": hyphenated words whose head is not itself a trigger.
    fn hyphen_head(&self, v: &View, i: usize) -> bool {
        v.w(i).split_once('-').is_some_and(|(a, _)| {
            matches!(a, "mid" | "early" | "late" | "pre" | "post")
                || self.lx.numbers.contains_key(a)
                || self.lx.ordinals.contains_key(a)
        })
    }

    /// "2010-2012" is one token but two dates.
    fn split_range(&self, v: &View, f: Found) -> Vec<Found> {
        if let DateExpr::Fixed(val) = &f.expr {
            if val.len() == 9 && val.as_bytes()[4] == b'/' {
                let (a, b) = (val[..4].to_string(), val[5..].to_string());
                let s = f.span;
                let _ = v;
                return vec![
                    Found {
                        span: Span::new(s.start, s.start + 4),
                        expr: DateExpr::Fixed(a),
                        ..f.clone()
                    },
                    Found {
                        span: Span::new(s.end - 4, s.end),
                        expr: DateExpr::Fixed(b),
                        ..f
                    },
                ];
            }
        }
        vec![f]
    }

    fn found(&self, v: &View, start: usize, end: usize, expr: DateExpr, label: DateLabel) -> Found {
        Found {
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
        if depth > MAX_PREFIXES {
            return None;
        }
        let mut best = self.core(v, i);
        if v.w(i) == "the" {
            // Hyphenated adjectives ("the two-year plan", "the third-quarter results") leave "the" out.
            let hyphenated = |f: &Found| v.w(f.start).contains('-') || v.w(f.start + 1) == "-";
            if let Some(f) = self.core_after_the(v, i + 1).filter(|f| !hyphenated(f)) {
                best = longer(
                    best,
                    Some(Found {
                        start: i,
                        span: v.span(i, f.end),
                        ..f
                    }),
                );
            }
            if let Some(((), k)) = self.lx.positions.longest(v, i + 1) {
                if let Some(f) = self.match_at(v, k, depth + 1).filter(|f| f.label == DateLabel::Date) {
                    best = longer(
                        best,
                        Some(Found {
                            start: i,
                            span: v.span(i, f.end),
                            ..f
                        }),
                    );
                }
            }
        }
        if let Some(((), k)) = self.lx.positions.longest(v, i) {
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
            if let Some(f) = self
                .match_at(v, k, depth + 1)
                .filter(|f| f.label == DateLabel::Date || f.label == DateLabel::Time)
                .filter(|f| !(single && day_like(&f.expr)))
            {
                best = longer(
                    best,
                    Some(Found {
                        start: i,
                        span: v.span(i, f.end),
                        ..f
                    }),
                );
            }
        }
        // "about the past three months" is a topic, not an approximation.
        if let Some(((), k)) = self.lx.modifiers.longest(v, i).filter(|&(_, k)| v.w(k) != "the") {
            if let Some(f) = self
                .match_at(v, k, depth + 1)
                .filter(|f| f.label == DateLabel::Duration || self.is_ago(v, f))
            {
                best = longer(
                    best,
                    Some(Found {
                        start: i,
                        span: v.span(i, f.end),
                        ..f
                    }),
                );
            }
        }
        best
    }

    fn is_ago(&self, v: &View, f: &Found) -> bool {
        matches!(v.w(f.end.wrapping_sub(1)), "ago" | "earlier" | "later")
    }

    fn core(&self, v: &View, j: usize) -> Option<Found> {
        let w = v.w(j);
        if w == "the" {
            // Only phrases listed with their article start here; the rest go through `core_after_the`.
            return self.reference(v, j);
        }
        let number = v.is_number(j);
        let cap = v.cap(j);
        let mut best = None;
        if number || (cap && (self.lx.months.contains_key(v.wt(j)) || self.lx.weekdays.contains_key(v.wt(j)))) {
            best = longer(best, self.explicit_date(v, j));
        }
        if number || matches!(w, "'" | "\u{2019}") {
            best = longer(best, self.numeric(v, j));
        }
        if cap {
            best = longer(best, self.weekday(v, j));
            best = longer(best, self.holiday(v, j));
        }
        best = longer(best, self.relative_day(v, j));
        best = longer(best, self.reference(v, j));
        best = longer(best, self.shift(v, j));
        best = longer(best, self.quarter(v, j));
        best = longer(best, self.duration(v, j));
        best = longer(best, self.set(v, j));
        if number || matches!(w, "noon" | "midnight" | "midday") {
            best = longer(best, self.time(v, j));
        }
        if w.contains('-') {
            best = longer(best, self.hyphenated(v, j));
        }
        if w == "year" && (v.w(j + 1) == "end" || (v.w(j + 1) == "'s" && v.w(j + 2) == "end")) {
            let end = if v.w(j + 1) == "end" { j + 2 } else { j + 3 };
            best = longer(
                best,
                Some(self.found(v, j, end, DateExpr::Shift { unit: Unit::Year, n: 0 }, DateLabel::Date)),
            );
        }
        if let Some(&code) = self.lx.seasons.get(w) {
            // "summer" alone is a date; "fall" and "spring" are also verbs and need a date word before them.
            let prev = if j > 0 { v.w(j - 1) } else { "" };
            let context = matches!(
                prev,
                "in" | "during" | "since" | "until" | "by" | "early" | "late" | "mid" | "each" | "every"
            );
            if (matches!(code, "SU" | "WI") && w != "fall") || context || self.year_num(v, j + 1).is_some() {
                best = longer(best, self.season(v, j));
            }
        }
        if let Some(&d) = self.lx.decades.get(w) {
            best = longer(
                best,
                Some(self.found(v, j, j + 1, DateExpr::Fixed(format!("19{d}")), DateLabel::Date)),
            );
        }
        if let ("fiscal", Some(y)) = (w, self.year_num(v, j + 1)) {
            best = longer(
                best,
                Some(self.found(v, j, j + 2, DateExpr::Fixed(format!("{y:04}")), DateLabel::Date)),
            );
        }
        if let Some((y, end)) = self.spelled_year(v, j) {
            best = longer(
                best,
                Some(self.found(v, j, end, DateExpr::Fixed(format!("{y:04}")), DateLabel::Date)),
            );
        }
        best
    }

    /// Rules whose span includes a leading "the" ("the third quarter", "the past three months").
    fn core_after_the(&self, v: &View, j: usize) -> Option<Found> {
        let mut best = None;
        best = longer(best, self.shift(v, j));
        best = longer(best, self.quarter(v, j));
        best = longer(best, self.duration(v, j).filter(|f| f.label == DateLabel::Duration));
        if matches!(v.w(j), "first" | "latest" | "initial" | "final") {
            // "the first nine months"
            if let Some(f) = self.duration(v, j + 1).filter(|f| f.label == DateLabel::Duration) {
                best = longer(
                    best,
                    Some(Found {
                        start: j,
                        span: v.span(j, f.end),
                        ..f
                    }),
                );
            }
        }
        // "blamed for the fall" is a decline: "fall" and "spring" after "the" need a date preposition.
        let verb_like = matches!(v.w(j), "fall" | "spring");
        let before_the = j.checked_sub(2).map(|k| v.w(k)).unwrap_or("");
        let dated = matches!(
            before_the,
            "in" | "during" | "since" | "by" | "until" | "through" | "over" | "this"
        ) || self.year_num(v, j + 1).is_some()
            || v.w(j + 1) == "of";
        if !verb_like || dated {
            best = longer(best, self.season(v, j));
        }
        best = longer(best, self.century(v, j));
        if let Some(&d) = self.lx.decades.get(v.w(j)) {
            best = longer(
                best,
                Some(self.found(v, j, j + 1, DateExpr::Fixed(format!("19{d}")), DateLabel::Date)),
            );
        }
        let mut j = j;
        let adjective_start = j;
        while matches!(v.w(j), "full" | "fiscal" | "entire" | "whole" | "calendar") && j < adjective_start + 2 {
            j += 1;
        }
        if v.w(j) == "year" {
            let f = if v.w(j + 1) == "two" && v.w(j + 2) == "thousand" {
                self.found(v, j, j + 3, DateExpr::Fixed("2000".into()), DateLabel::Date)
            } else if let Some(y) = self
                .spelled_year(v, j + 1)
                .or_else(|| self.year_num(v, j + 1).map(|y| (y, j + 2)))
            {
                self.found(v, j, y.1, DateExpr::Fixed(format!("{:04}", y.0)), DateLabel::Date)
            } else if matches!(v.w(j + 1), "ended" | "ending" | "ends") {
                // "for the year ended Sept. 30": a fiscal year, a length of time.
                self.found(v, j, j + 1, DateExpr::Fixed("P1Y".into()), DateLabel::Duration)
            } else {
                self.found(v, j, j + 1, DateExpr::Shift { unit: Unit::Year, n: 0 }, DateLabel::Date)
            };
            best = longer(
                best,
                Some(Found {
                    start: adjective_start,
                    span: v.span(adjective_start, f.end),
                    ..f
                }),
            );
        }
        let j = adjective_start;
        if let ("month" | "week", false) = (v.w(j), self.lx.units.contains_key(v.w(j + 1))) {
            let unit = if v.w(j) == "month" { Unit::Month } else { Unit::Week };
            let f = self.found(v, j, j + 1, DateExpr::Shift { unit, n: 0 }, DateLabel::Date);
            best = longer(best, Some(f));
        }
        if matches!(v.w(j), "weekend") {
            best = longer(
                best,
                Some(self.found(
                    v,
                    j,
                    j + 1,
                    DateExpr::Shift {
                        unit: Unit::Weekend,
                        n: -1,
                    },
                    DateLabel::Date,
                )),
            );
        }
        if matches!(v.w(j), "quarter" | "latest" | "current" | "period") {
            let end = if v.w(j) == "latest" && matches!(v.w(j + 1), "quarter" | "period") {
                j + 2
            } else {
                j + 1
            };
            if v.w(end - 1) == "quarter" || (v.w(j) == "latest" && end == j + 2) {
                let q = DateExpr::Quarter {
                    part: None,
                    year_shift: 0,
                    half: false,
                };
                best = longer(best, Some(self.found(v, j, end, q, DateLabel::Date)));
            }
        }
        best
    }

    /// "nineteen ninety-six", "nineteen seventy nine": a year in words, as broadcast transcripts write it.
    fn spelled_year(&self, v: &View, k: usize) -> Option<(i32, usize)> {
        let century = match v.w(k) {
            "nineteen" => 1900,
            "eighteen" => 1800,
            _ => return None,
        };
        let (n, end) = self.number(v, k + 1)?;
        let n = n.filter(|n| (10..100).contains(n))?;
        Some((century + n as i32, end))
    }

    fn month_at(&self, v: &View, k: usize) -> Option<u32> {
        if !v.cap(k) {
            return None;
        }
        let m = *self.lx.months.get(v.wt(k))?;
        let full = FULL_MONTHS.contains(&v.wt(k));
        // "Jan" without its period is a month only next to a day or a year ("Dec 7", "21 Feb 2018").
        let dated = self.day_num(v, k + 1).is_some()
            || self.year_num(v, k + 1).is_some()
            || (k > 0 && self.day_num(v, k - 1).is_some());
        if !full && !v.w(k).ends_with('.') && !dated {
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

    /// "February 21, 2018", "Feb. 21", "21 Feb 2018", "Tuesday, Feb. 20", "February 2018", "in March".
    fn explicit_date(&self, v: &View, j: usize) -> Option<Found> {
        let mut k = j;
        let mut weekday = false;
        if self.weekday_at(v, k).is_some() {
            let next = if v.w(k + 1) == "," { k + 2 } else { k + 1 };
            if self.month_at(v, next).is_some()
                || (self.day_num(v, next).is_some() && self.month_at(v, next + 1).is_some())
            {
                weekday = true;
                k = next;
            }
        }
        let (year, month, day, end) = if let Some(m) = self.month_at(v, k) {
            if let Some(d) = self.day_num(v, k + 1) {
                if v.w(k + 2) == "," && self.year_num(v, k + 3).is_some() {
                    (self.year_num(v, k + 3), m, Some(d), k + 4)
                } else if let Some(y) = self.year_num(v, k + 2) {
                    (Some(y), m, Some(d), k + 3)
                } else {
                    (None, m, Some(d), k + 2)
                }
            } else if let Some(y) = self.year_num(v, k + 1) {
                (Some(y), m, None, k + 2)
            } else if v.w(k + 1) == "of" && self.year_num(v, k + 2).is_some() {
                (self.year_num(v, k + 2), m, None, k + 3)
            } else if let (Some(&n), "year") = (self.lx.shifts.get(v.w(k + 1)), v.w(k + 2)) {
                // "June last year", "February this year": the month of the shifted year.
                let f = self.found(
                    v,
                    j,
                    k + 3,
                    DateExpr::MonthOfYear {
                        month: m,
                        year_shift: n,
                    },
                    DateLabel::Date,
                );
                return (!weekday).then_some(f);
            } else {
                if weekday || !self.bare_month_ok(v, k) {
                    return None;
                }
                (None, m, None, k + 1)
            }
        } else if let (Some(d), Some(m)) = (self.day_num(v, k), self.month_at(v, k + 1)) {
            match self.year_num(v, k + 2) {
                Some(y) => (Some(y), m, Some(d), k + 3),
                None => (None, m, Some(d), k + 2),
            }
        } else {
            return None;
        };
        let expr = match (year, day) {
            (Some(y), Some(d)) => DateExpr::Fixed(super::calendar::CalendarDate::new(y, month, d)?.to_string()),
            (Some(y), None) => DateExpr::Fixed(format!("{y:04}-{month:02}")),
            (None, Some(d)) => {
                super::calendar::CalendarDate::new(2000, month, d)?;
                DateExpr::MonthDay { month, day: d }
            }
            (None, None) => DateExpr::Month(month),
        };
        Some(self.found(v, j, end, expr, DateLabel::Date))
    }

    /// A bare month name is a date only in date-like context: "May" and "March" are also words.
    fn bare_month_ok(&self, v: &View, k: usize) -> bool {
        let prev = if k > 0 { v.w(k - 1) } else { "" };
        let ctx = MONTH_CONTEXT.contains(&prev) || prev.starts_with("mid");
        match v.wt(k) {
            "may" | "march" => ctx,
            w if FULL_MONTHS.contains(&w) => ctx || !v.cap(k + 1) || v.is_number(k + 1),
            _ => ctx,
        }
    }

    /// ISO dates, slashed dates, years, decades and year ranges written in digits.
    fn numeric(&self, v: &View, j: usize) -> Option<Found> {
        if !v.is_number(j) {
            // "'90s"
            if matches!(v.w(j), "'" | "\u{2019}") && v.touches(j + 1) {
                let w = v.w(j + 1);
                if w.len() == 3 && w.ends_with("0s") && w.as_bytes()[0].is_ascii_digit() {
                    let century = if w.as_bytes()[0] >= b'3' { "19" } else { "20" };
                    let val = format!("{century}{}", &w[..1]);
                    return Some(self.found(v, j, j + 2, DateExpr::Fixed(val), DateLabel::Date));
                }
            }
            return None;
        }
        let w = v.w(j);
        let b = w.as_bytes();
        let digits = |r: std::ops::Range<usize>| w.get(r).is_some_and(|s| s.bytes().all(|c| c.is_ascii_digit()));
        // 2018-02-21
        if b.len() == 10 && b[4] == b'-' && b[7] == b'-' {
            let d = super::calendar::CalendarDate::parse_iso(w)?;
            return Some(self.found(v, j, j + 1, DateExpr::Fixed(d.to_string()), DateLabel::Date));
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
                let date = super::calendar::CalendarDate::new(year, m, d)?;
                return Some(self.found(v, j, j + 1, DateExpr::Fixed(date.to_string()), DateLabel::Date));
            }
            return None;
        }
        // 1990s
        if b.len() == 5 && digits(0..4) && w.ends_with("0s") {
            return Some(self.found(v, j, j + 1, DateExpr::Fixed(w[..3].to_string()), DateLabel::Date));
        }
        // 2010-2012 (a range): two years, split later.
        if b.len() == 9 && b[4] == b'-' && digits(0..4) && digits(5..9) {
            let (a, c) = (w[..4].parse::<i32>().ok()?, w[5..].parse::<i32>().ok()?);
            if (1800..=2100).contains(&a) && a < c && c - a <= 100 && self.year_context_ok(v, j) {
                return Some(self.found(v, j, j + 1, DateExpr::Fixed(format!("{a}/{c}")), DateLabel::Date));
            }
            return None;
        }
        // 20th century
        if let Some(n) = w
            .strip_suffix("th")
            .or(w.strip_suffix("st"))
            .and_then(|d| d.parse::<i32>().ok())
        {
            if v.w(j + 1) == "century" && (1..=30).contains(&n) {
                return Some(self.found(v, j, j + 2, DateExpr::Fixed(format!("{:02}", n - 1)), DateLabel::Date));
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
        Some(self.found(v, j, j + 1, DateExpr::Fixed(format!("{year:04}")), DateLabel::Date))
    }

    /// A four-digit number is a year unless money, a count, a code or part of a name: "$1998",
    /// "1998 people", "No. 2018", "Windows 2000", "Terrorism Act 2000".
    fn year_context_ok(&self, v: &View, j: usize) -> bool {
        let prev = if j > 0 { v.w(j - 1) } else { "" };
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
            );
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

    /// "Tuesday", "Friday night", "Mondays" (a set).
    fn weekday(&self, v: &View, j: usize) -> Option<Found> {
        if !v.cap(j) {
            return None;
        }
        let w = v.w(j);
        if let Some(sing) = w.strip_suffix('s') {
            if sing.ends_with("day") {
                let wd = *self.lx.weekdays.get(sing)?;
                let mut end = j + 1;
                let mut val = format!("XXXX-WXX-{wd}");
                if let Some(p) = self.lx.parts_of_day.get(v.w(j + 1).trim_end_matches('s')) {
                    val.push_str(&format!("T{p}"));
                    end += 1;
                }
                return Some(self.found(v, j, end, DateExpr::Fixed(val), DateLabel::Set));
            }
        }
        let wd = self.weekday_at(v, j)?;
        // Short forms ("Sun", "Wed") are words too; they count only in full-date shapes handled elsewhere.
        if !self.is_full_weekday(v, j) {
            return None;
        }
        let base = DateExpr::Weekday(wd);
        match self.lx.parts_of_day.get(v.w(j + 1)) {
            // "Friday night" and "Friday morning" are read as the day, as news uses them ("on Friday")
            // and as the TimeBank annotators mostly did; "Friday evening" keeps its part of day.
            Some(&"EV") | Some(&"AF") => {
                let p = self.lx.parts_of_day.get(v.w(j + 1)).copied().unwrap_or("EV");
                return Some(self.found(v, j, j + 2, with_time(base, p), DateLabel::Date));
            }
            Some(_) => return Some(self.found(v, j, j + 2, base, DateLabel::Date)),
            None => {}
        }
        Some(self.found(v, j, j + 1, base, DateLabel::Date))
    }

    /// "yesterday", "today", "tomorrow", "tonight", "yesterday morning".
    fn relative_day(&self, v: &View, j: usize) -> Option<Found> {
        let &(off, part) = self.lx.relative_days.get(v.w(j))?;
        let base = DateExpr::Shift {
            unit: Unit::Day,
            n: off,
        };
        if let Some(p) = part {
            let e = DateExpr::WithTime {
                base: Box::new(base),
                time: format!("T{p}"),
            };
            return Some(self.found(v, j, j + 1, e, DateLabel::Time));
        }
        if let Some(p) = self.lx.parts_of_day.get(v.w(j + 1)) {
            let e = DateExpr::WithTime {
                base: Box::new(base),
                time: format!("T{p}"),
            };
            return Some(self.found(v, j, j + 2, e, DateLabel::Time));
        }
        Some(self.found(v, j, j + 1, base, DateLabel::Date))
    }

    /// "now", "recently", "the future".
    fn reference(&self, v: &View, j: usize) -> Option<Found> {
        let (val, end) = self.lx.references.longest(v, j)?;
        // "Now, he says" is a discourse marker, not a time.
        if v.raw(j) == "Now" && v.w(j + 1) == "," {
            return None;
        }
        // "the current account deficit", "current affairs": economics and television, not time.
        if v.w(j) == "current" && matches!(v.w(j + 1), "account" | "accounts" | "affairs" | "events") {
            return None;
        }
        // "future" as an adjective ("future plans") is not a date.
        if v.w(j) == "future" && end == j + 1 && v.doc.tokens.get(j + 1).is_some_and(|t| t.kind == TokenKind::Word) {
            return None;
        }
        let label = if val.ends_with("_REF") {
            DateLabel::Date
        } else {
            DateLabel::Duration
        };
        Some(self.found(v, j, end, DateExpr::Reference(val), label))
    }

    fn season(&self, v: &View, j: usize) -> Option<Found> {
        let code = *self.lx.seasons.get(v.w(j))?;
        // "the 2018 Winter Olympics", "Summer Palace": a capitalised season inside a name.
        let sentence_start = j == 0
            || v.doc.tokens.get(j).is_some_and(|t| t.newlines_before > 0)
            || matches!(v.w(j - 1), "." | "\"" | "\u{201C}");
        if v.cap(j) && !sentence_start && self.year_num(v, j + 1).is_none() {
            return None;
        }
        // "the fall of Baghdad", "the spring of life": a season word needs a year after "of".
        if v.w(j + 1) == "of" && self.year_num(v, j + 2).is_none() && matches!(v.w(j), "fall" | "spring") {
            return None;
        }
        if v.w(j + 1) == "of" {
            if let Some(y) = self.year_num(v, j + 2) {
                return Some(self.found(v, j, j + 3, DateExpr::Fixed(format!("{y:04}-{code}")), DateLabel::Date));
            }
        }
        if let Some(y) = self.year_num(v, j + 1) {
            return Some(self.found(v, j, j + 2, DateExpr::Fixed(format!("{y:04}-{code}")), DateLabel::Date));
        }
        Some(self.found(v, j, j + 1, DateExpr::Season(code), DateLabel::Date))
    }

    fn century(&self, v: &View, j: usize) -> Option<Found> {
        let n = *self.lx.ordinals.get(v.w(j))?;
        (v.w(j + 1) == "century").then(|| {
            self.found(
                v,
                j,
                j + 2,
                DateExpr::Fixed(format!("{:02}", n as i32 - 1)),
                DateLabel::Date,
            )
        })
    }

    /// "last week", "next month", "this year", "last April", "next Tuesday", "last fall", "the past three months",
    /// "this morning", "last night".
    fn shift(&self, v: &View, j: usize) -> Option<Found> {
        let w = v.w(j);
        let n = *self.lx.shifts.get(w)?;
        let mut k = j + 1;
        let mut n = n;
        if v.w(k) == "fiscal" && self.lx.units.contains_key(v.w(k + 1)) {
            // "the current fiscal year"
            k += 1;
        }
        if w == "this" && v.w(k) == "past" {
            // "this past spring"
            n = -1;
            k += 1;
        }
        let t = v.w(k);
        if let Some(&u) = self.lx.units.get(t) {
            if v.cap(k) && !v.raw(k).chars().all(|c| c.is_uppercase()) {
                // "This Week", "Next Month": a programme or a headline word, not a date in running text.
                return None;
            }
            let plural = t.ends_with('s') && !matches!(t, "days" if false);
            if plural || matches!(u, Unit::Hour | Unit::Minute | Unit::Second) {
                return None;
            }
            if w == "current" && !matches!(u, Unit::Year | Unit::Quarter | Unit::Month | Unit::Week) {
                return None;
            }
            if u == Unit::Year && v.w(k + 1) == "'s" {
                // "this year's third quarter", "last year's quarter"
                let q = self.quarter(v, k + 2).map(|f| (f.expr, f.end));
                let q = q.or_else(|| {
                    (v.w(k + 2) == "quarter").then_some((
                        DateExpr::Quarter {
                            part: None,
                            year_shift: 0,
                            half: false,
                        },
                        k + 3,
                    ))
                });
                if let Some((DateExpr::Quarter { part, half, .. }, end)) = q {
                    let e = DateExpr::Quarter {
                        part,
                        year_shift: n,
                        half,
                    };
                    return Some(self.found(v, j, end, e, DateLabel::Date));
                }
            }
            let e = DateExpr::Shift { unit: u, n };
            return Some(self.found(v, j, k + 1, e, DateLabel::Date));
        }
        if let Some(&p) = self.lx.parts_of_day.get(t) {
            return match (n, p) {
                (0, _) => Some(self.found(
                    v,
                    j,
                    k + 1,
                    with_time(DateExpr::Shift { unit: Unit::Day, n: 0 }, p),
                    DateLabel::Time,
                )),
                (-1, "NI") => Some(self.found(
                    v,
                    j,
                    k + 1,
                    with_time(DateExpr::Shift { unit: Unit::Day, n: -1 }, p),
                    DateLabel::Time,
                )),
                _ => None,
            };
        }
        if let Some((count, k2)) = self.number(v, k) {
            if let Some(&u) = self.lx.units.get(v.w(k2)) {
                if w == "this" || w == "current" {
                    return None;
                }
                let e = DateExpr::Fixed(dur_value(count, u)?);
                return Some(self.found(v, j, k2 + 1, e, DateLabel::Duration));
            }
        }
        let named = if let Some(wd) = self.weekday_at(v, k).filter(|_| self.is_full_weekday(v, k)) {
            Named::Weekday(wd)
        } else if let Some(m) = self.month_at(v, k) {
            Named::Month(m)
        } else if let Some(&s) = self.lx.seasons.get(t) {
            Named::Season(s)
        } else {
            return None;
        };
        if matches!(w, "current" | "past") {
            return None;
        }
        Some(self.found(v, j, k + 1, DateExpr::NamedShift { named, n }, DateLabel::Date))
    }

    /// "the third quarter", "third-quarter", "the fiscal first quarter", "the first half of 1990",
    /// "the 1990 third quarter", "Q3 2018", "the year-ago quarter".
    fn quarter(&self, v: &View, j: usize) -> Option<Found> {
        let mut k = j;
        let mut year_shift = 0;
        let mut year = None;
        let mut fiscal = false;
        if matches!(v.w(k), "year-ago" | "year-earlier") {
            year_shift = -1;
            k += 1;
        }
        if v.w(k) == "fiscal" {
            fiscal = true;
            k += 1;
        }
        if let Some(y) = self.year_num(v, k) {
            year = Some(y);
            k += 1;
        }
        if v.w(k) == "fiscal" || v.w(k) == "fiscal-first" {
            fiscal = true;
            if v.w(k) == "fiscal-first" {
                // "the fiscal-first quarter"
                if v.w(k + 1) == "quarter" {
                    return Some(self.found(v, j, k + 2, quarter_expr(year, 1, year_shift, false), DateLabel::Date));
                }
            }
            k += 1;
        }
        let w = v.w(k);
        let (part, half, end) = if let Some((a, b)) = w.split_once('-') {
            let p = *self.lx.ordinals.get(a)?;
            match b {
                "quarter" => (p, false, k + 1),
                "half" => (p, true, k + 1),
                _ => return None,
            }
        } else if let Some(q) = w
            .strip_prefix('q')
            .and_then(|d| d.parse::<u32>().ok())
            .filter(|_| w.len() == 2)
        {
            let (yr, end) = match self.year_num(v, k + 1) {
                Some(y) => (Some(y), k + 2),
                None => (year, k + 1),
            };
            if !v.cap(k) {
                return None;
            }
            year = yr;
            (q, false, end)
        } else if let Some(&p) = self.lx.ordinals.get(w) {
            match v.w(k + 1) {
                "quarter" | "quarters" => (p, false, k + 2),
                "half" => (p, true, k + 2),
                _ if year_shift != 0 => return None,
                _ => return None,
            }
        } else if let (Some(y), "quarter" | "period") = (year, w) {
            // "the 1988 quarter": the quarter under discussion, in 1988.
            return Some(self.found(v, j, k + 1, DateExpr::QuarterOfYear(y), DateLabel::Date));
        } else if year_shift != 0 && matches!(w, "quarter" | "period") {
            let e = DateExpr::Quarter {
                part: None,
                year_shift,
                half: false,
            };
            return Some(self.found(v, j, k + 1, e, DateLabel::Date));
        } else {
            return None;
        };
        if (half && part > 2) || part == 0 || part > 4 {
            return None;
        }
        let mut end = end;
        if v.w(end) == "of" {
            if let Some(y) = self.year_num(v, end + 1) {
                year = Some(y);
                end += 2;
            } else if v.w(end + 1) == "the" && v.w(end + 2) == "year" {
                end += 3;
            }
        }
        // "the first half" is as often a match half as a half year: it needs a year, "fiscal", or
        // (as an adjective) a financial noun after it ("first-half profits").
        let financial = matches!(
            v.w(end),
            "profit"
                | "profits"
                | "results"
                | "earnings"
                | "sales"
                | "revenue"
                | "revenues"
                | "loss"
                | "losses"
                | "net"
        );
        let hyphenated = end == k + 1;
        let of_the_year = v.w(end.saturating_sub(1)) == "year";
        if half && year.is_none() && !fiscal && !of_the_year && !(hyphenated && financial) {
            return None;
        }
        Some(self.found(v, j, end, quarter_expr(year, part, year_shift, half), DateLabel::Date))
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

    /// "three years", "10-year", "two-year", "a week", "several months", "three years ago", "two days later".
    fn duration(&self, v: &View, j: usize) -> Option<Found> {
        if let Some((a, b)) = v.w(j).split_once('-') {
            // "two-year", "one-day" are one token; "three-quarters" is a fraction.
            if b == "quarters" {
                return None;
            }
            let u = *self.lx.units.get(b)?;
            let n = match a.parse::<u32>() {
                Ok(n) => Some(n),
                Err(_) => *self.lx.numbers.get(a)?,
            };
            let e = DateExpr::Fixed(dur_value(n, u)?);
            return Some(self.found(v, j, j + 1, e, DateLabel::Duration));
        }
        let (count, mut k) = self.number(v, j)?;
        if v.w(k) == "more" && self.lx.units.contains_key(v.w(k + 1)) {
            k += 1;
        }
        if count.is_some_and(|n| n >= 1000) {
            // "the 1988 quarter" is a quarter of 1988, not 1988 quarters.
            return None;
        }

        let is_a = matches!(v.w(j), "a" | "an");
        if v.cap(k) && v.is_number(j) && !v.raw(k).chars().all(|c| c.is_uppercase()) {
            // "60 Minutes" is a title.
            return None;
        }
        let (unit, end) = if let Some(&u) = self.lx.units.get(v.w(k)) {
            (u, k + 1)
        } else if v.w(k) == "-" && v.touches(k) && v.touches(k + 1) {
            // "10-year", "10-day-long"; "6-year-old" is an age, not a time.
            let u = v.w(k + 1);
            let u = u.strip_suffix("-long").unwrap_or(u);
            (*self.lx.units.get(u)?, k + 2)
        } else {
            return None;
        };
        if is_a && matches!(unit, Unit::Second | Unit::Quarter | Unit::Weekend) {
            return None;
        }
        if matches!(unit, Unit::Weekend) {
            return None;
        }
        let mut end = end;
        let prev = if j > 0 { v.w(j - 1) } else { "" };
        match v.w(end) {
            // "three days later", "ten days before": the length is the expression, the event is elsewhere.
            "ago" | "earlier" => {
                end += 1;
                let e = match count {
                    Some(1) if unit == Unit::Year => DateExpr::YearAgo,
                    Some(n) => DateExpr::Shift { unit, n: -(n as i64) },
                    None => DateExpr::Reference("PAST_REF"),
                };
                return Some(self.found(v, j, end, e, DateLabel::Date));
            }
            "hence" => {
                end += 1;
                let e = match count {
                    Some(n) => DateExpr::Shift { unit, n: n as i64 },
                    None => DateExpr::Reference("FUTURE_REF"),
                };
                return Some(self.found(v, j, end, e, DateLabel::Date));
            }
            _ => {}
        }
        // "twice a year": a frequency.
        if is_a && matches!(prev, "times" | "twice" | "once") {
            let e = DateExpr::Fixed(dur_value(Some(1), unit)?);
            return Some(self.found(v, j, end, e, DateLabel::Set));
        }
        // "$5 a year", "700 seats a week", "24 hours a day": a rate, not a time expression.
        let rate =
            j > 0 && (v.is_number(j - 1) || matches!(prev, "million" | "billion" | "thousand" | "percent" | "%"));
        if is_a
            && (rate
                || (prev.len() > 3
                    && prev.ends_with('s')
                    && j > 1
                    && self.number(v, j - 2).is_some_and(|(n, _)| n.is_some())))
        {
            return None;
        }
        // "52 years old", "11 year olds": ages.
        if matches!(v.w(end), "old" | "olds") {
            return None;
        }
        if count.is_none() && v.w(j) == "some" && !v.w(k).ends_with('s') {
            return None;
        }
        Some(self.found(v, j, end, DateExpr::Fixed(dur_value(count, unit)?), DateLabel::Duration))
    }

    /// "every Monday", "each month", "daily".
    fn set(&self, v: &View, j: usize) -> Option<Found> {
        let w = v.w(j);
        if let Some(val) = self.lx.frequencies.get(w) {
            return Some(self.found(v, j, j + 1, DateExpr::Fixed(val.to_string()), DateLabel::Set));
        }
        if !matches!(w, "every" | "each") {
            return None;
        }
        let mut k = j + 1;
        if v.w(k) == "other" {
            k += 1;
        }
        let every_other = k == j + 2;
        let mult = if every_other { 2 } else { 1 };
        let t = v.w(k);
        if let Some(&u) = self.lx.units.get(t) {
            return Some(self.found(v, j, k + 1, DateExpr::Fixed(dur_value(Some(mult), u)?), DateLabel::Set));
        }
        if let Some(wd) = self.weekday_at(v, k).filter(|_| self.is_full_weekday(v, k)) {
            return Some(self.found(v, j, k + 1, DateExpr::Fixed(format!("XXXX-WXX-{wd}")), DateLabel::Set));
        }
        if let Some(m) = self.month_at(v, k) {
            return Some(self.found(v, j, k + 1, DateExpr::Fixed(format!("XXXX-{m:02}")), DateLabel::Set));
        }
        if let Some(p) = self.lx.parts_of_day.get(t) {
            return Some(self.found(v, j, k + 1, DateExpr::Fixed(format!("XXXX-XX-XXT{p}")), DateLabel::Set));
        }
        if let Some((Some(n), k2)) = self.number(v, k).filter(|_| !every_other) {
            let u = *self.lx.units.get(v.w(k2))?;
            return Some(self.found(v, j, k2 + 1, DateExpr::Fixed(dur_value(Some(n), u)?), DateLabel::Set));
        }
        None
    }

    /// "6:30 p.m.", "18:30", "1830 UTC", "10 a.m. EST Friday", "noon".
    fn time(&self, v: &View, j: usize) -> Option<Found> {
        let w = v.w(j);
        let mut k = j + 1;
        let (mut h, m, need_more) = if let Some((a, b)) = w.split_once(':') {
            if a.is_empty() || a.len() > 2 || b.len() != 2 || !v.is_number(j) {
                return None;
            }
            (a.parse::<u32>().ok()?, b.parse::<u32>().ok()?, false)
        } else if w == "noon" || w == "midday" {
            (12, 0, false)
        } else if w == "midnight" {
            (24, 0, false)
        } else if let Some(n) = v.int(j) {
            if w.len() == 4 {
                (n / 100, n % 100, true)
            } else {
                (n, 0, true)
            }
        } else {
            return None;
        };
        if h > 24 || m > 59 {
            return None;
        }
        let mut ampm = false;
        match v.wt(k).replace('.', "").as_str() {
            "am" if (1..=12).contains(&h) && w.len() <= 5 => {
                if h == 12 {
                    h = 0;
                }
                ampm = true;
                k += 1;
            }
            "pm" if (1..=12).contains(&h) && w.len() <= 5 => {
                if h < 12 {
                    h += 12;
                }
                ampm = true;
                k += 1;
            }
            _ => {}
        }
        let zone = self
            .lx
            .zones
            .get(v.w(k))
            .filter(|_| v.cap(k))
            .map(|_| v.raw(k).to_string());
        if zone.is_some() {
            k += 1;
        }
        if need_more && !ampm && !(zone.is_some() && w.len() == 4) {
            return None;
        }
        if w.len() == 4 && v.is_number(j) && !ampm && zone.is_none() {
            return None;
        }
        // A day written right after the time belongs to it ("9 a.m. Tuesday", "noon Friday").
        let mut base = DateExpr::Shift { unit: Unit::Day, n: 0 };
        let mut end = k;
        let day_at = if v.w(k) == "," { k + 1 } else { k };
        if let Some(f) = self
            .explicit_date(v, day_at)
            .filter(|f| matches!(f.expr, DateExpr::MonthDay { .. } | DateExpr::Fixed(_)))
        {
            base = f.expr;
            end = f.end;
        } else if let Some(f) = self.weekday(v, day_at).filter(|f| f.label == DateLabel::Date) {
            base = f.expr;
            end = f.end;
        } else if let Some(f) = self.relative_day(v, day_at).filter(|f| f.label == DateLabel::Date) {
            base = f.expr;
            end = f.end;
        }
        let time = if h == 24 {
            "T24:00".to_string()
        } else {
            format!("T{h:02}:{m:02}")
        };
        let e = DateExpr::WithTime {
            base: Box::new(base),
            time,
        };
        let mut f = self.found(v, j, end, e, DateLabel::Time);
        f.zone = zone;
        Some(f)
    }

    /// "Christmas", "Thanksgiving Day", "New Year's Day".
    fn holiday(&self, v: &View, j: usize) -> Option<Found> {
        if !v.cap(j) {
            return None;
        }
        let (rule, end) = self.lx.holidays.longest(v, j)?;
        if let Some(y) = self.year_num(v, end) {
            let e = DateExpr::Fixed(super::resolve::resolve(
                &DateExpr::Holiday(rule),
                super::calendar::CalendarDate::new(y, 7, 1),
                super::resolve::Direction::Nearest,
                None,
            )?);
            return Some(self.found(v, j, end + 1, e, DateLabel::Date));
        }
        Some(self.found(v, j, end, DateExpr::Holiday(rule), DateLabel::Date))
    }

    /// "mid-1990s", "mid-November", "late-2017", "year-end", "year-earlier", "year-ago".
    fn hyphenated(&self, v: &View, j: usize) -> Option<Found> {
        let w = v.w(j);
        match w {
            "year-end" => {
                return Some(self.found(v, j, j + 1, DateExpr::Shift { unit: Unit::Year, n: 0 }, DateLabel::Date))
            }
            "year-earlier" | "year-ago" => return Some(self.found(v, j, j + 1, DateExpr::YearAgo, DateLabel::Date)),
            "day-long" | "year-long" | "week-long" | "month-long" => {
                let unit = *self.lx.units.get(w.split('-').next().unwrap_or(""))?;
                return Some(self.found(
                    v,
                    j,
                    j + 1,
                    DateExpr::Fixed(dur_value(Some(1), unit)?),
                    DateLabel::Duration,
                ));
            }
            _ => {}
        }
        let (head, rest) = w.split_once('-')?;
        if !matches!(head, "mid" | "early" | "late" | "pre" | "post") {
            return None;
        }
        let raw_rest = v.raw(j).get(head.len() + 1..)?;
        if let Some(&m) = self
            .lx
            .months
            .get(rest)
            .filter(|_| raw_rest.starts_with(char::is_uppercase))
        {
            return Some(self.found(v, j, j + 1, DateExpr::Month(m), DateLabel::Date));
        }
        let b = rest.as_bytes();
        if b.len() == 4 && rest.bytes().all(|c| c.is_ascii_digit()) {
            return Some(self.found(v, j, j + 1, DateExpr::Fixed(rest.to_string()), DateLabel::Date));
        }
        if b.len() == 5 && rest.ends_with("0s") && rest[..4].bytes().all(|c| c.is_ascii_digit()) {
            return Some(self.found(v, j, j + 1, DateExpr::Fixed(rest[..3].to_string()), DateLabel::Date));
        }
        None
    }
}

fn with_time(base: DateExpr, part: &str) -> DateExpr {
    DateExpr::WithTime {
        base: Box::new(base),
        time: format!("T{part}"),
    }
}

fn quarter_expr(year: Option<i32>, part: u32, year_shift: i64, half: bool) -> DateExpr {
    match year {
        Some(y) => DateExpr::Fixed(format!(
            "{:04}-{}{}",
            y as i64 + year_shift,
            if half { 'H' } else { 'Q' },
            part
        )),
        None => DateExpr::Quarter {
            part: Some(part),
            year_shift,
            half,
        },
    }
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
mod tests {
    use super::*;

    fn find(text: &str) -> Vec<(String, DateExpr, DateLabel)> {
        let lx = Lexicon::load();
        let tr = triggers(&lx);
        let doc = Document::new(text);
        let v = View::new(&doc);
        Rules::new(&lx, &tr)
            .find_all(&v)
            .into_iter()
            .map(|f| (text[f.span.range()].to_string(), f.expr, f.label))
            .collect()
    }

    #[test]
    fn spans_follow_timeml_conventions() {
        let got = find("He spoke on Tuesday about the past three months and the third quarter.");
        let spans: Vec<&str> = got.iter().map(|g| g.0.as_str()).collect();
        assert_eq!(spans, ["Tuesday", "the past three months", "the third quarter"]);
        assert_eq!(got[0].1, DateExpr::Weekday(2));
        assert_eq!(got[1].2, DateLabel::Duration);
    }

    #[test]
    fn ambiguous_words_need_date_context() {
        assert!(find("May I help? We march. Sun rose 5%.").is_empty());
        let got = find("It opened in May and closed in March 2017.");
        assert_eq!(got[0].0, "May");
        assert_eq!(got[0].1, DateExpr::Month(5));
        assert_eq!(got[1].1, DateExpr::Fixed("2017-03".into()));
    }

    #[test]
    fn numbers_that_are_not_years() {
        assert!(find("It cost $1999 for 2018 people, 3-1, call 555-1234, section 2017.").is_empty());
        assert_eq!(find("the 1998 election")[0].1, DateExpr::Fixed("1998".into()));
    }

    #[test]
    fn durations_ago_and_sets() {
        let got = find("three years ago, two-year, a couple of weeks, every Monday, twice a year");
        let exprs: Vec<&DateExpr> = got.iter().map(|g| &g.1).collect();
        assert_eq!(
            exprs[0],
            &DateExpr::Shift {
                unit: Unit::Year,
                n: -3
            }
        );
        assert_eq!(exprs[1], &DateExpr::Fixed("P2Y".into()));
        assert_eq!(exprs[2], &DateExpr::Fixed("P2W".into()));
        assert_eq!(exprs[3], &DateExpr::Fixed("XXXX-WXX-1".into()));
        assert_eq!(got[4].2, DateLabel::Set);
    }

    #[test]
    fn a_long_run_of_prefix_words_is_cheap_and_finds_nothing() {
        let text = "the end of the end of early late the ".repeat(2000);
        assert!(find(&text).is_empty());
    }
}
