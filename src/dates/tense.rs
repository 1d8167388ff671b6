//! Clause tense around a date: which way a bare weekday or month points.

use super::lexicon::{CueTense, Lexicon, Words};

/// How far (in tokens) a cue may be from the date and still speak for its clause.
const MAX_LEFT: usize = 14;
const MAX_RIGHT: usize = 8;
/// A date opening its sentence ("On Tuesday, the league's new owners plan ...") comes before the
/// subject, so its verb may stand further to the right.
const MAX_RIGHT_OPENING: usize = 16;

/// How far back "had" may stand and still put a future cue in the past perfect ("had been due to expire").
const MAX_PERFECT_GAP: usize = 4;

/// Prepositions that may open a sentence before its date ("Until Thursday, they had not ..."). The
/// preposition is a weak cue there: the clause's own verb, to the right, speaks for the date.
const OPENING_PREPOSITIONS: &[&str] = &[
    "on", "until", "till", "since", "by", "from", "before", "after", "through",
];

/// Words before a cue that make it a noun, not a verb: "the return", "its plans", "a visit".
const DETERMINERS: &[&str] = &["the", "a", "an", "its", "his", "her", "their", "our", "this", "that"];

/// Auxiliaries and modals that decide the tense of the verb after them.
const AUXILIARIES: &[&str] = &[
    "will", "would", "shall", "should", "could", "couldn't", "might", "may", "must", "can", "did", "didn't", "had",
    "was", "were", "'ll", "won't",
];

/// Future cues that keep pointing ahead after a past auxiliary: "were planning to drive on Monday",
/// "was expected to vote on Friday" (a plan made in the past for a later day).
const INTENT_CUES: &[&str] = &[
    "plan",
    "planning",
    "planned",
    "scheduled",
    "expected",
    "due",
    "going",
    "preparing",
];

/// The tense cue nearest to the date, if any.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TenseCue {
    /// Past or future.
    pub tense: CueTense,
    /// The cue word as written ("said", "will").
    pub word: String,
}

fn is_clause_break(w: &str) -> bool {
    matches!(
        w,
        ";" | ":" | "\"" | "\u{201C}" | "\u{201D}" | "(" | ")" | "\u{2014}" | "but"
    )
}

/// Classifies one lower-case word.
fn cue_of(lex: &Lexicon, w: &str) -> Option<CueTense> {
    match lex.tense_cues.get(w) {
        Some(CueTense::Past) => Some(CueTense::Past),
        Some(CueTense::Future) => Some(CueTense::Future),
        None if lex.tense_none.contains_key(w) => None,
        // Regular past forms ("announced", "resigned"); short words like "red" are in the none list.
        None => {
            (w.len() >= 5 && w.ends_with("ed") && w.bytes().all(|b| b.is_ascii_alphabetic())).then_some(CueTense::Past)
        }
    }
}

/// "could not", "could never", "couldn't": an attempt that failed, told of in the past ("could not be
/// reached for comment on Tuesday"), where a bare "could" is a modal looking ahead.
fn failed_could<W: Words + ?Sized>(lower: &W, k: usize) -> bool {
    match lower.word(k) {
        Some("couldn't") => true,
        Some("could") => matches!(lower.word(k + 1), Some("not" | "never" | "n't")),
        _ => false,
    }
}

/// The cue at token `k`, reading its verb group: "must be returned" is future although "returned" looks past,
/// and "the reduced dividend" is an adjective, not a verb.
fn cue_at<W: Words + ?Sized>(lex: &Lexicon, lower: &W, k: usize) -> Option<CueTense> {
    let w = lower.word(k)?;
    if failed_could(lower, k) {
        return Some(CueTense::Past);
    }
    let t = cue_of(lex, w)?;
    let listed = lex.tense_cues.contains_key(w);
    let prev = k.checked_sub(1).and_then(|p| lower.word(p)).unwrap_or("");
    // "the reduced dividend", "the plan", "its return": an adjective or a noun, not a verb. Auxiliaries
    // stay cues ("that will", "this was").
    if DETERMINERS.contains(&prev) && !AUXILIARIES.contains(&w) && !matches!(w, "was" | "were" | "is") {
        return None;
    }
    // "the hastily planned trip": an adjective after a determiner and an adverb.
    let before_prev = k.checked_sub(2).and_then(|p| lower.word(p)).unwrap_or("");
    if prev.ends_with("ly") && DETERMINERS.contains(&before_prev) && !AUXILIARIES.contains(&w) {
        return None;
    }
    if t == CueTense::Past && !listed {
        for back in 1..=3 {
            let Some(p) = k.checked_sub(back).and_then(|i| lower.word(i)) else {
                break;
            };
            if lex.tense_cues.get(p) == Some(&CueTense::Future) {
                return Some(CueTense::Future);
            }
            if matches!(p, "is" | "are" | "am" | "be" | "being") {
                return None;
            }
        }
    }
    Some(t)
}

/// Finds the tense cue nearest to the date at tokens `start..end` within the sentence `sent_start..sent_end`,
/// not crossing a clause break (semicolon, quotation mark, dash, "but"). Ties go to the left (the verb
/// usually precedes the date: "said on Tuesday", "will meet on Thursday").
pub fn clause_tense(
    lex: &Lexicon,
    lower: &(impl Words + ?Sized),
    text_of: impl Fn(usize) -> String,
    sentence: std::ops::Range<usize>,
    start: usize,
    end: usize,
) -> Option<TenseCue> {
    let mut best: Option<(usize, usize, CueTense)> = None; // (distance, index, tense)
    let mut k = start;
    while k > sentence.start && start - k < MAX_LEFT {
        k -= 1;
        let w = lower.word(k)?;
        // A date restated in parentheses ("will leave at dawn (4 a.m. Thursday)") takes the tense of
        // the clause around them: the scan goes on past the opening mark when nothing closed it.
        if w == "(" && !(k + 1..start).any(|i| lower.word(i) == Some(")")) {
            continue;
        }
        if is_clause_break(w) {
            break;
        }
        if let Some(t) = cue_at(lex, lower, k) {
            // An auxiliary just before the verb sets the tense: "will meet", "did not meet".
            let intent = t == CueTense::Future && INTENT_CUES.contains(&w);
            let aux = (1..=2)
                .filter_map(|b| k.checked_sub(b).filter(|&a| a >= sentence.start))
                .find_map(|a| AUXILIARIES.contains(&lower.word(a)?).then_some(a));
            // A plan in the past perfect was overtaken: "had been scheduled to expire Friday", "had been
            // due to expire" are past.
            let had = (1..=MAX_PERFECT_GAP)
                .filter_map(|b| k.checked_sub(b).filter(|&a| a >= sentence.start))
                .take_while(|&a| lower.word(a).is_some_and(|w| !is_clause_break(w)))
                .find(|&a| lower.word(a) == Some("had"))
                .filter(|_| t == CueTense::Future);
            let aux = had.or(aux.filter(|_| !intent));
            let aux_tense = |a: usize| {
                if failed_could(lower, a) {
                    return Some(CueTense::Past);
                }
                cue_of(lex, lower.word(a)?)
            };
            best = match aux.and_then(|a| Some((a, aux_tense(a)?))) {
                Some((a, at)) => Some((start - k, a, at)),
                None => Some((start - k, k, t)),
            };
            break;
        }
    }
    // "On Tuesday, ...", "Until Thursday, ..." or "Tuesday, ..." at the start of the sentence.
    let opening_prep = start == sentence.start + 1
        && lower
            .word(sentence.start)
            .is_some_and(|w| OPENING_PREPOSITIONS.contains(&w));
    let opening = start == sentence.start || opening_prep;
    // The preposition itself was the only cue to the left: the verb of the clause outranks it.
    let weak_left = opening_prep && best.is_some_and(|(_, i, _)| i == sentence.start);
    let max_right = if opening { MAX_RIGHT_OPENING } else { MAX_RIGHT };
    let mut k = end;
    while k < sentence.end && k - end < max_right {
        let w = lower.word(k).unwrap_or("");
        if is_clause_break(w) {
            break;
        }
        if let Some(t) = cue_at(lex, lower, k) {
            let d = k - end + 1;
            // "on Saturday and were planning to drive": a past auxiliary before a plan is the plan,
            // which looks ahead, as it does to the left of a date.
            let (k, t) = match (1..=2).map(|b| k + b).find(|&i| {
                lower
                    .word(i)
                    .is_some_and(|w| INTENT_CUES.contains(&w) && lex.tense_cues.get(w) == Some(&CueTense::Future))
            }) {
                Some(i) if t == CueTense::Past && AUXILIARIES.contains(&w) => (i, CueTense::Future),
                _ => (k, t),
            };
            if weak_left || best.is_none_or(|(bd, _, _)| d < bd) {
                best = Some((d, k, t));
            }
            break;
        }
        k += 1;
    }
    best.map(|(_, k, tense)| TenseCue {
        tense,
        word: text_of(k),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cue(words: &[&str], start: usize, end: usize) -> Option<(CueTense, String)> {
        let lex = Lexicon::load();
        let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
        clause_tense(&lex, &lower, |k| words[k].to_string(), 0..words.len(), start, end).map(|c| (c.tense, c.word))
    }

    #[test]
    fn nearest_cue_in_the_clause_wins() {
        assert_eq!(
            cue(&["He", "said", "on", "Tuesday"], 3, 4),
            Some((CueTense::Past, "said".into()))
        );
        assert_eq!(
            cue(&["They", "will", "meet", "on", "Thursday"], 4, 5),
            Some((CueTense::Future, "will".into()))
        );
        assert_eq!(
            cue(&["It", "announced", "Monday"], 2, 3),
            Some((CueTense::Past, "announced".into()))
        );
        assert_eq!(cue(&["On", "Friday", "it", "rains"], 1, 2), None);
        assert_eq!(cue(&["We", "need", "Friday"], 2, 3), None);
        assert_eq!(
            cue(&["It", "must", "be", "returned", "by", "May", "1"], 5, 7),
            Some((CueTense::Future, "must".into()))
        );
        assert_eq!(cue(&["the", "reduced", "rate", "from", "Friday"], 4, 5), None);
        assert_eq!(
            cue(&["They", "were", "planning", "to", "drive", "on", "Monday"], 6, 7),
            Some((CueTense::Future, "planning".into()))
        );
        // A date restated in parentheses takes the tense of the clause around them.
        assert_eq!(
            cue(
                &["He", "will", "leave", "at", "dawn", "(", "6", "a.m.", "Thursday", ")"],
                8,
                9
            ),
            Some((CueTense::Future, "will".into()))
        );
        // A past auxiliary before a plan, to the right of the date, is the plan.
        assert_eq!(
            cue(
                &["Rallies", "on", "Saturday", "were", "planned", "by", "the", "unions"],
                2,
                3
            ),
            Some((CueTense::Future, "planned".into()))
        );
        // "a hastily scheduled meeting" is an adjective, not a cue.
        assert_eq!(
            cue(
                &["On", "Friday", ",", "a", "hastily", "scheduled", "meeting", "ends"],
                1,
                2
            ),
            None
        );
        // "could not" is a failed attempt, in the past; "could" alone looks ahead.
        assert_eq!(
            cue(&["He", "could", "not", "be", "reached", "on", "Tuesday"], 6, 7),
            Some((CueTense::Past, "could".into()))
        );
        assert_eq!(
            cue(&["They", "could", "not", "meet", "on", "Friday"], 5, 6),
            Some((CueTense::Past, "could".into()))
        );
        assert_eq!(
            cue(&["Talks", "could", "resume", "on", "Friday"], 4, 5),
            Some((CueTense::Future, "could".into()))
        );
        // An opening preposition gives way to the clause's verb, and speaks when there is none.
        assert_eq!(
            cue(&["Until", "Thursday", ",", "they", "had", "not", "called"], 1, 2),
            Some((CueTense::Past, "had".into()))
        );
        assert_eq!(
            cue(&["Until", "Friday", ",", "the", "offer", "stands"], 1, 2),
            Some((CueTense::Future, "Until".into()))
        );
    }
}
