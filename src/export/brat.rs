//! The export as brat standoff (<https://brat.nlplab.org/standoff.html>), which brat, INCEpTION
//! and many NLP pipelines load: a `.ann` file beside the `.txt`. Documented in `docs/exports.md`.
//!
//! brat counts offsets as Python string indices, i.e. code points (the export's `start`/`end`),
//! and a text-bound span may not cross a line: a span over several lines (a quote running over
//! paragraphs) is written as brat's discontinuous span, one fragment per line, `0 5;7 12`.

use super::rule::rule_of;
use super::{Export, WireAnnotation};
use crate::text::OffsetTable;
use std::collections::HashMap;
use std::fmt::Write;

/// The `annotation.conf` that declares every type, relation and attribute [`to_ann`] writes.
pub const ANNOTATION_CONF: &str = include_str!("../../data/brat/annotation.conf");

/// The `.ann` for the export's text (which is the `.txt`, byte for byte).
///
/// - `T` lines: every annotation (entity and date labels, `Quote`), and `Speaker` for an
///   attributing mention that is not an entity mention ("he", "a senior official");
/// - `A` lines: `Kind` (speech, scare) on quotes: brat attributes take only values listed in
///   `annotation.conf`, so free values go in the note;
/// - `#` lines (`AnnotatorNotes`), one per T line: the canonical name; the TIMEX3 value and the
///   date in words; the speaker and cue; then `rule ID` when the export has rule ids;
/// - `R` lines: `SaidBy Arg1:<quote> Arg2:<mention>`;
/// - `*` lines: `Equiv` between the mentions of one entity.
pub fn to_ann(export: &Export) -> String {
    let table = OffsetTable::new(&export.text);
    let text = &export.text;
    let mut ann = Ann::default();
    // Entities first, so a speaker mention that is an entity mention reuses its T line.
    let mut entity_t: HashMap<(usize, usize), usize> = HashMap::new();
    let mut t_of: Vec<Option<usize>> = Vec::with_capacity(export.annotations.len());
    for a in &export.annotations {
        let s = a.span();
        let label = match a {
            WireAnnotation::Entity { label, .. } | WireAnnotation::Date { label, .. } => label,
            WireAnnotation::Quote { .. } => "Quote",
        };
        let t = ann.textbound(text, &table, label, s.start, s.end);
        if let (Some(t), WireAnnotation::Entity { .. }) = (t, a) {
            entity_t.entry((s.start, s.end)).or_insert(t);
        }
        t_of.push(t);
    }
    let mut mentions: Vec<(String, Vec<usize>)> = Vec::new();
    for (a, t) in export.annotations.iter().zip(&t_of) {
        let Some(t) = *t else { continue };
        // What brat can only hold as free text goes in the one note of the T line.
        let mut note = match a {
            WireAnnotation::Entity {
                entity_id, canonical, ..
            } => {
                match mentions.iter_mut().find(|(id, _)| id == entity_id) {
                    Some((_, ts)) => ts.push(t),
                    None => mentions.push((entity_id.clone(), vec![t])),
                }
                canonical.clone()
            }
            WireAnnotation::Date { value, gloss, .. } => match (value, gloss) {
                (Some(v), Some(g)) => format!("{v} ({g})"),
                (Some(v), None) => v.clone(),
                (None, Some(g)) => g.clone(),
                (None, None) => String::new(),
            },
            WireAnnotation::Quote {
                kind,
                speaker,
                speaker_start,
                speaker_end,
                cue,
                ..
            } => {
                ann.attribute("Kind", t, kind);
                if let (Some(start), Some(end)) = (*speaker_start, *speaker_end) {
                    let mention = match entity_t.get(&(start, end)) {
                        Some(&m) => Some(m),
                        None => ann.textbound(text, &table, "Speaker", start, end),
                    };
                    if let Some(m) = mention {
                        ann.relation("SaidBy", t, m);
                    }
                }
                match (speaker, cue) {
                    (Some(s), Some(c)) => format!("{s} ({c})"),
                    (Some(s), None) => s.clone(),
                    (None, Some(c)) => format!("({c})"),
                    (None, None) => String::new(),
                }
            }
        };
        if let Some(rule) = rule_of(a) {
            if !note.is_empty() {
                note.push_str("; ");
            }
            note.push_str("rule ");
            note.push_str(rule);
        }
        if !note.is_empty() {
            ann.note(t, &note);
        }
    }
    for (_, ts) in mentions.iter().filter(|(_, ts)| ts.len() > 1) {
        ann.equiv(ts);
    }
    ann.finish()
}

/// The `.ann` being written: one buffer per line kind, so the file reads T, A, #, R, * in order.
#[derive(Default)]
struct Ann {
    t: String,
    a: String,
    notes: String,
    r: String,
    equiv: String,
    counts: [usize; 4],
}

impl Ann {
    fn next(&mut self, kind: usize) -> usize {
        self.counts[kind] += 1;
        self.counts[kind]
    }

    /// Writes a T line for code points `start..end`; `None` when the span holds only whitespace.
    fn textbound(&mut self, text: &str, table: &OffsetTable, label: &str, start: usize, end: usize) -> Option<usize> {
        let fragments = fragments(text, table, start, end);
        if fragments.is_empty() {
            return None;
        }
        let n = self.next(0);
        let offsets: Vec<String> = fragments.iter().map(|(s, e)| format!("{s} {e}")).collect();
        let words: Vec<&str> = fragments
            .iter()
            .map(|&(s, e)| &text[table.byte(s)..table.byte(e)])
            .collect();
        let _ = writeln!(self.t, "T{n}\t{label} {}\t{}", offsets.join(";"), words.join(" "));
        Some(n)
    }

    /// An attribute with a value from `annotation.conf` (one word, as brat splits on spaces).
    fn attribute(&mut self, name: &str, t: usize, value: &str) {
        let n = self.next(1);
        let _ = writeln!(self.a, "A{n}\t{name} T{t} {value}");
    }

    fn note(&mut self, t: usize, note: &str) {
        let n = self.next(2);
        let _ = writeln!(self.notes, "#{n}\tAnnotatorNotes T{t}\t{}", one_line(note));
    }

    fn relation(&mut self, name: &str, from: usize, to: usize) {
        let n = self.next(3);
        let _ = writeln!(self.r, "R{n}\t{name} Arg1:T{from} Arg2:T{to}");
    }

    fn equiv(&mut self, ts: &[usize]) {
        let ids: Vec<String> = ts.iter().map(|t| format!("T{t}")).collect();
        let _ = writeln!(self.equiv, "*\tEquiv {}", ids.join(" "));
    }

    fn finish(self) -> String {
        self.t + &self.a + &self.notes + &self.r + &self.equiv
    }
}

/// The characters brat (Python's `str.splitlines`) breaks lines at, and the tab that separates
/// a `.ann` line's fields: no fragment may hold one.
fn breaks_fragment(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r' | '\t' | '\u{b}' | '\u{c}' | '\u{1c}' | '\u{1d}' | '\u{1e}' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}

/// The span's pieces between line breaks, whitespace trimmed, empty pieces dropped (code points).
fn fragments(text: &str, table: &OffsetTable, start: usize, end: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut piece: Option<(usize, usize)> = None;
    let slice = &text[table.byte(start)..table.byte(end)];
    for (i, c) in slice.chars().enumerate() {
        let cp = start + i;
        if breaks_fragment(c) {
            out.extend(piece.take());
        } else if !c.is_whitespace() {
            // Trimmed at both ends: a piece starts and ends on a visible character.
            piece = Some((piece.map_or(cp, |(s, _)| s), cp + 1));
        }
    }
    out.extend(piece);
    out
}

/// A note on one line: brat reads a `.ann` line by line.
fn one_line(s: &str) -> String {
    s.chars()
        .map(|c| if breaks_fragment(c) || c.is_control() { ' ' } else { c })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_span_over_lines_becomes_one_fragment_per_line_trimmed() {
        let text = "“We are\r\n\r\n  ready 👨🏻‍🚒.”";
        let table = OffsetTable::new(text);
        let n = text.chars().count();
        let got = fragments(text, &table, 0, n);
        let slices: Vec<String> = got
            .iter()
            .map(|&(s, e)| text.chars().skip(s).take(e - s).collect())
            .collect();
        assert_eq!(slices, ["“We are", "ready 👨🏻‍🚒.”"]);
    }

    #[test]
    fn notes_stay_on_one_line() {
        assert_eq!(one_line("a\nb\tc"), "a b c");
    }
}
