//! Finding the article's own date in its first lines: a date line ("February 21, 2018",
//! "Published 21 Feb 2018", "Updated: 2018-02-21"), a CoNLL-style dateline ("LONDON 1996-08-30")
//! or a wire dateline ("BEIJING, Dec 7 (Reuters) -", its year taken from a full date elsewhere in the text).

use super::calendar::CalendarDate;
use super::expr::DateExpr;
use super::lexicon::Words;
use super::rules::{Found, View};
use super::value::Value;
use crate::annotation::{DateSource, DocumentDate};
use crate::text::{Document, Span};

/// How far down the head reaches: lines, and tokens.
const HEAD_LINES: usize = 6;
const HEAD_TOKENS: usize = 160;
/// A line this short (in tokens) with a full date on it is a date line, not a sentence.
const DATE_LINE_TOKENS: usize = 16;

const CUES: &[&str] = &[
    "published",
    "updated",
    "posted",
    "dated",
    "date",
    "last",
    "modified",
    "first",
];

fn day_of(expr: &DateExpr) -> Option<CalendarDate> {
    match expr {
        DateExpr::Known(Value::Day(d)) => Some(*d),
        DateExpr::WithTime { base, .. } => day_of(base),
        _ => None,
    }
}

/// The line of each token in the head of `doc`: as many as the head has tokens.
pub fn head_lines(doc: &Document) -> Vec<usize> {
    let mut line = 0;
    let mut line_of = Vec::new();
    for (i, t) in doc.tokens.iter().enumerate() {
        if i > 0 && t.newlines_before > 0 {
            line += 1;
        }
        if line >= HEAD_LINES || i >= HEAD_TOKENS {
            break;
        }
        line_of.push(line);
    }
    line_of
}

/// The document date, with the span of its evidence, from the rules' matches `found` over the head
/// of `doc` (`view`, a prefix of [`head_lines`]' length); `whole` gives those over the whole text.
pub fn detect<'a>(
    doc: &Document,
    view: &View,
    found: &[Found],
    whole: impl FnOnce() -> &'a [Found],
) -> Option<DocumentDate> {
    let line_of = head_lines(doc);
    let line_len = |l: usize| line_of.iter().filter(|&&x| x == l).count();
    let lower = |k: usize| view.word(k).unwrap_or("");
    let is_dateline_end = |f: &Found| lower(f.end) == "(" || crate::text::words::is_dash(lower(f.end));
    for f in found {
        let Some(day) = day_of(&f.expr) else { continue };
        let l = line_of.get(f.start).copied().unwrap_or(0);
        let cued = (f.start.saturating_sub(3)..f.start).any(|k| CUES.contains(&lower(k)));
        if cued || line_len(l) <= DATE_LINE_TOKENS || is_dateline_end(f) {
            return Some(DocumentDate {
                date: day,
                source: DateSource::Text(f.span),
            });
        }
    }
    // A wire dateline without a year: the year comes from a full date elsewhere in the text.
    let dateline = found
        .iter()
        .find(|f| matches!(f.expr, DateExpr::MonthDay { .. }) && is_dateline_end(f))?;
    let DateExpr::MonthDay { month, day } = dateline.expr else {
        return None;
    };
    let year = whole().iter().find_map(|f| day_of(&f.expr))?.year;
    Some(DocumentDate {
        date: CalendarDate::new(year, month, day)?,
        source: DateSource::Text(Span::new(dateline.span.start, dateline.span.end)),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dates::{DateRecognizer, Scan};

    fn detect_in(text: &str) -> Option<(String, String)> {
        let doc = Document::new(text);
        let d = DateRecognizer::new().detect_document_date(&Scan::new(&doc))?;
        let DateSource::Text(span) = d.source else { return None };
        Some((d.date.to_string(), text[span.range()].to_string()))
    }

    #[test]
    fn date_lines_and_datelines() {
        assert_eq!(
            detect_in("Headline here\nUpdated: 2018-02-21\n\nBody."),
            Some(("2018-02-21".into(), "2018-02-21".into()))
        );
        assert_eq!(
            detect_in("TOKYO, Feb 21 (Reuters) - Shares fell. On Feb. 20, 2018 they rose."),
            Some(("2018-02-21".into(), "Feb 21".into()))
        );
        assert_eq!(detect_in("TOKYO, Feb 21 (Reuters) - Shares fell."), None);
    }

    #[test]
    fn a_date_inside_a_long_opening_sentence_is_not_the_document_date() {
        let text = "The company, which was founded by two brothers in a garage in Ohio, said that on March 3, 2015 it had agreed to buy a rival for a large sum.";
        assert_eq!(detect_in(text), None);
    }
}
