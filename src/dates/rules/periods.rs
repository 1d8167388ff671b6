//! Periods of a year or longer: quarters and halves ("the third quarter", "Q3 2018", "the first half
//! of 1990"), seasons ("summer", "the fall of 1999"), decade words ("the nineties") and centuries.

use super::{Hit, Rules, View};
use crate::annotation::DateLabel;
use crate::dates::expr::DateExpr;
use crate::dates::value::{Recurrence, Season, Value};

/// Nouns after "first-half" that make it a half year, not half a match ("first-half profits").
const FINANCIAL_NOUNS: &[&str] = &[
    "profit", "profits", "results", "earnings", "sales", "revenue", "revenues", "loss", "losses", "net",
];

/// Adverbs of a clause that tells of what usually happens ("is usually conducted in the fourth quarter").
const HABITUAL: &[&str] = &[
    "usually",
    "typically",
    "normally",
    "traditionally",
    "generally",
    "customarily",
];

/// How many tokens before a quarter a habitual adverb may stand.
const HABITUAL_REACH: usize = 8;

/// Words before a bare season that make it a date ("in spring"), since "fall" and "spring" are also verbs.
const SEASON_CONTEXT: &[&str] = &[
    "in", "during", "since", "until", "by", "early", "late", "mid", "each", "every",
];

/// Words two tokens before "the fall" / "the spring" that make it a season ("in the fall").
const THE_SEASON_CONTEXT: &[&str] = &["in", "during", "since", "by", "until", "through", "over", "this"];

/// A quarter or half of `year` (or of the reference year, shifted, when no year is written).
fn quarter_expr(year: Option<i32>, part: u32, year_shift: i64, half: bool) -> DateExpr {
    match year {
        Some(y) => {
            let year = i64::from(y) + year_shift;
            DateExpr::Known(if half {
                Value::Half { year, half: part }
            } else {
                Value::Quarter { year, quarter: part }
            })
        }
        None => DateExpr::Quarter {
            part: Some(part),
            year_shift,
            half,
        },
    }
}

impl Rules<'_> {
    /// `date/quarter`: "third quarter", "third-quarter", "fiscal first quarter", "first half of 1990",
    /// "1990 third quarter", "Q3 2018", "year-ago quarter", "1988 quarter".
    pub(super) fn quarter(&self, v: &View, j: usize) -> Option<Hit> {
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
        match v.w(k) {
            "fiscal" => {
                fiscal = true;
                k += 1;
            }
            // "the fiscal-first quarter"
            "fiscal-first" if v.w(k + 1) == "quarter" => {
                return Some(self.hit(v, j, k + 2, quarter_expr(year, 1, year_shift, false), DateLabel::Date));
            }
            "fiscal-first" => {
                fiscal = true;
                k += 1;
            }
            _ => {}
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
        } else if matches!(w, "first" | "last") && v.w(k + 1) == "two" && v.w(k + 2) == "quarters" && v.w(k + 3) == "of"
        {
            // "the first two quarters of 1990": a half year, which the year after "of" must name.
            (if w == "first" { 1 } else { 2 }, true, k + 3)
        } else if w == "last" && v.w(k + 2) == "of" {
            // "the last quarter of 2004", "the last half of 1989": the final one (with a year after "of").
            match v.w(k + 1) {
                "quarter" => (4, false, k + 2),
                "half" => (2, true, k + 2),
                _ => return None,
            }
        } else if let Some(h) = self.habitual_quarters(v, j, k, year) {
            return Some(h);
        } else if let Some(&p) = self.lx.ordinals.get(w) {
            match v.w(k + 1) {
                "quarter" | "quarters" => (p, false, k + 2),
                "half" => (p, true, k + 2),
                _ => return None,
            }
        } else if let (Some(y), "quarter" | "period") = (year, w) {
            // "the 1988 quarter": the quarter under discussion, in 1988.
            return Some(self.hit(v, j, k + 1, DateExpr::QuarterOfYear(y), DateLabel::Date));
        } else if year_shift != 0 && matches!(w, "quarter" | "period") {
            let e = DateExpr::Quarter {
                part: None,
                year_shift,
                half: false,
            };
            return Some(self.hit(v, j, k + 1, e, DateLabel::Date));
        } else {
            return None;
        };
        if (half && part > 2) || part == 0 || part > 4 {
            return None;
        }
        let mut end = end;
        let mut of_year = false;
        if v.w(end) == "of" {
            if let Some(y) = self.year_num(v, end + 1) {
                year = Some(y);
                end += 2;
                of_year = true;
            } else if v.w(end + 1) == "the" && v.w(end + 2) == "year" {
                end += 3;
                of_year = true;
            } else if let Some(&n) = self.lx.shifts.get(v.w(end + 1)).filter(|_| v.w(end + 2) == "year") {
                // "the first half of next year"
                year_shift += n;
                end += 3;
                of_year = true;
            }
        }
        // Without a year, "the last quarter" is the previous one (`date/shift`).
        if w == "last" && !of_year {
            return None;
        }
        // "the first half" is as often a match half as a half year: it needs a year, "fiscal", or
        // (as an adjective) a financial noun after it ("first-half profits").
        let financial = FINANCIAL_NOUNS.contains(&v.w(end));
        let hyphenated = end == k + 1;
        let of_the_year = v.w(end.saturating_sub(1)) == "year";
        if half && year.is_none() && !fiscal && !of_the_year && !(hyphenated && financial) {
            return None;
        }
        Some(self.hit(v, j, end, quarter_expr(year, part, year_shift, half), DateLabel::Date))
    }

    /// "usually conducted in the second and fourth quarters": quarters named in the plural, with no
    /// year, in a clause that tells of what usually happens, are those quarters of every year (a SET,
    /// `XXXX-Q2` and `XXXX-Q4`). "Fell in the third and fourth quarters" tells of one year and is left
    /// to the quarter rule.
    fn habitual_quarters(&self, v: &View, j: usize, k: usize, year: Option<i32>) -> Option<Hit> {
        let &p = self.lx.ordinals.get(v.w(k))?;
        // "second and fourth quarters": the first ordinal stands for its quarter alone.
        let plural = match v.w(k + 1) {
            "quarters" => k + 2,
            "and" | "or" if self.lx.ordinals.contains_key(v.w(k + 2)) && v.w(k + 3) == "quarters" => k + 4,
            _ => return None,
        };
        if year.is_some() || p == 0 || p > 4 || v.w(plural) == "of" {
            return None;
        }
        let habitual = (j.saturating_sub(HABITUAL_REACH)..j).any(|i| HABITUAL.contains(&v.w(i)));
        if !habitual {
            return None;
        }
        let end = if v.w(k + 1) == "quarters" { k + 2 } else { k + 1 };
        let e = DateExpr::Known(Value::Set(Recurrence::Quarter(p)));
        Some(self.hit(v, j, end, e, DateLabel::Set))
    }

    /// `date/the-quarter` (after "the"): "the quarter", "the latest quarter", "the latest period":
    /// the quarter named before, or the last one completed.
    pub(super) fn the_quarter(&self, v: &View, j: usize) -> Option<Hit> {
        let end = match (v.w(j), v.w(j + 1)) {
            ("quarter", _) => j + 1,
            ("latest", "quarter" | "period") => j + 2,
            _ => return None,
        };
        let e = DateExpr::Quarter {
            part: None,
            year_shift: 0,
            half: false,
        };
        Some(self.hit(v, j, end, e, DateLabel::Date))
    }

    /// `date/season` at a token: "summer" alone is a date; "fall" and "spring" are also verbs and
    /// need a date word before them or a year after.
    pub(super) fn season_word(&self, v: &View, j: usize) -> Option<Hit> {
        let w = v.w(j);
        let &season = self.lx.seasons.get(w)?;
        let context = SEASON_CONTEXT.contains(&v.prev(j));
        let unambiguous = matches!(season, Season::Summer | Season::Winter) && w != "fall";
        if unambiguous || context || self.year_num(v, j + 1).is_some() {
            self.season(v, j)
        } else {
            None
        }
    }

    /// `date/season` after "the": "blamed for the fall" is a decline, so "fall" and "spring" need a
    /// date preposition before "the", a year, or "of" after.
    pub(super) fn season_after_the(&self, v: &View, j: usize) -> Option<Hit> {
        let verb_like = matches!(v.w(j), "fall" | "spring");
        let before_the = j.checked_sub(2).map(|k| v.w(k)).unwrap_or("");
        let dated = THE_SEASON_CONTEXT.contains(&before_the) || self.year_num(v, j + 1).is_some() || v.w(j + 1) == "of";
        if !verb_like || dated {
            self.season(v, j)
        } else {
            None
        }
    }

    /// A season, with its year when one follows ("summer 2016", "the fall of 1999").
    fn season(&self, v: &View, j: usize) -> Option<Hit> {
        let season = *self.lx.seasons.get(v.w(j))?;
        // "the 2018 Winter Olympics", "Summer Palace": a capitalised season inside a name.
        let sentence_start = j == 0
            || v.doc.tokens.get(j).is_some_and(|t| t.newlines_before > 0)
            || matches!(v.w(j - 1), "." | "\"" | "\u{201C}");
        if v.cap(j) && !sentence_start && self.year_num(v, j + 1).is_none() {
            return None;
        }
        // "the winter of 1994", "the winter of nineteen ninety-four".
        let of_year = if v.w(j + 1) == "of" {
            self.year_num(v, j + 2)
                .map(|y| (y, j + 3))
                .or_else(|| self.spelled_year(v, j + 2))
        } else {
            None
        };
        // "the fall of Baghdad", "the spring of life": a season word needs a year after "of".
        if v.w(j + 1) == "of" && of_year.is_none() && matches!(v.w(j), "fall" | "spring") {
            return None;
        }
        let (year, end) = match (of_year, self.year_num(v, j + 1)) {
            (Some(y), _) => y,
            (None, Some(y)) => (y, j + 2),
            (None, None) => return Some(self.hit(v, j, j + 1, DateExpr::Season(season), DateLabel::Date)),
        };
        let value = Value::Season {
            year: year.into(),
            season,
        };
        Some(self.hit(v, j, end, DateExpr::Known(value), DateLabel::Date))
    }

    /// `date/decade-word`: "nineties", "the eighties" (decades of the 1900s).
    pub(super) fn decade_word(&self, v: &View, j: usize) -> Option<Hit> {
        let &d = self.lx.decades.get(v.w(j))?;
        let e = DateExpr::Known(Value::Decade(190 + i64::from(d)));
        Some(self.hit(v, j, j + 1, e, DateLabel::Date))
    }

    /// `date/century` (after "the"): "the twentieth century".
    pub(super) fn century(&self, v: &View, j: usize) -> Option<Hit> {
        let n = *self.lx.ordinals.get(v.w(j))?;
        (v.w(j + 1) == "century").then(|| {
            let e = DateExpr::Known(Value::Century(i64::from(n) - 1));
            self.hit(v, j, j + 2, e, DateLabel::Date)
        })
    }
}
