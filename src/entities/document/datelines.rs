//! Wire datelines: "WASHINGTON (Reuters) -" or "SEOUL, South Korea (AP) —" at the start of a line
//! near the top. The capitals are a place, the bracketed name a news organisation.

use super::mentions::{Mention, Mentions};
use crate::annotation::{EntityLabel, EntityRule};
use crate::entities::lexicon::{LexClass, Lexicons};
use crate::text::words::{is_all_caps, is_dash};
use crate::text::{Document, TokenKind};

/// Lines from the top of the text where a dateline may stand (headline, byline, date lines first).
const DATELINE_LINES: usize = 12;

/// Finds the datelines in the first lines of the text.
pub(super) fn datelines(doc: &Document, lexicons: &Lexicons, mentions: &mut Mentions) {
    let n = doc.tokens.len();
    let mut line = 0;
    let mut i = 0;
    while i < n && line < DATELINE_LINES {
        if i == 0 || doc.tokens[i].newlines_before > 0 {
            line += 1;
            dateline_at(doc, lexicons, i, mentions);
        }
        i += 1;
    }
}

fn dateline_at(doc: &Document, lexicons: &Lexicons, i: usize, mentions: &mut Mentions) {
    let place = LexClass::Country.bit() | LexClass::Region.bit() | LexClass::City.bit();
    let n = doc.tokens.len();
    let text = |k: usize| if k < n { doc.token_text(k) } else { "" };
    let caps = |k: usize| k < n && doc.is_capitalised(k) && is_all_caps(text(k));
    if !caps(i) {
        return;
    }
    let mut j = i + 1;
    while j - i < 4 && caps(j) && doc.tokens[j].newlines_before == 0 {
        j += 1;
    }
    let place_end = j;
    // Optional ", South Korea" after the city.
    let mut k = j;
    if text(k) == "," {
        let mut m = k + 1;
        while m < n && doc.is_capitalised(m) && m - k <= 3 {
            m += 1;
        }
        if m > k + 1 {
            k = m;
        }
    }
    // Optional date between the place and the agency: "BRUSSELS, March 14, 2024 (Agency) –"
    // (the month was taken as a region word above, so the run may start at the day).
    let mut m = if text(k) == "," { k + 1 } else { k };
    let mut numbers = 0;
    while m < n && m - k <= 6 && doc.tokens[m].newlines_before == 0 {
        match text(m) {
            "," | "." => {}
            _ if doc.tokens[m].kind == TokenKind::Number => numbers += 1,
            _ if doc.is_capitalised(m) => {}
            _ => break,
        }
        m += 1;
    }
    if numbers > 0 && (text(m) == "(" || is_dash(text(m))) {
        k = m;
    }
    let mut org = None;
    if text(k) == "(" {
        let mut m = k + 1;
        while m < n && doc.is_capitalised(m) && m - k <= 4 {
            m += 1;
        }
        if m > k + 1 && text(m) == ")" {
            org = Some((k + 1, m));
            k = m + 1;
        } else {
            return;
        }
    }
    if !is_dash(text(k)) {
        return;
    }
    // Without "(Agency)", only a known place followed by ordinary text: CoNLL-style headlines
    // such as "SOCCER - ROTOR WIN" must not become places.
    if org.is_none() {
        let known = lexicons.phrase(doc, i..place_end) & place != 0
            || mentions
                .iter()
                .any(|m| m.start == i && m.end == place_end && m.label == EntityLabel::Loc);
        let after = text(k + 1);
        if !known || is_all_caps(after) || after.is_empty() {
            return;
        }
    }
    let dateline = |start, end, label| Mention::by_rule(start, end, label, EntityRule::Dateline, "dateline".into());
    let mut found = vec![dateline(i, place_end, EntityLabel::Loc)];
    if let Some((s, e)) = org {
        found.push(dateline(s, e, EntityLabel::Org));
    }
    mentions.replace_overlapping(found);
}
