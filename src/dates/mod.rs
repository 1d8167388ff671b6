//! Dates and times: temporal expressions with TIMEX3 values, and the document date.

pub mod calendar;

use crate::annotation::{DateLabel, DateMention, DateSource, DocumentDate, Entity};
use crate::text::{Document, Span};
use calendar::CalendarDate;
use regex::Regex;

/// Finds temporal expressions; built once, holds the compiled rules.
pub struct DateRecognizer {
    iso: Regex,
}

impl DateRecognizer {
    /// Compiles the rules.
    pub fn new() -> Self {
        DateRecognizer {
            iso: Regex::new(r"\b\d{4}-\d{2}-\d{2}\b").expect("valid regex"),
        }
    }

    /// Detects the article's own date from a date line near the top.
    pub fn detect_document_date(&self, doc: &Document) -> Option<DocumentDate> {
        let head = &doc.text[..doc.text.len().min(400)];
        let head = &doc.text[..(0..=head.len())
            .rev()
            .find(|&i| doc.text.is_char_boundary(i))
            .unwrap_or(0)];
        let m = self.iso.find(head)?;
        Some(DocumentDate {
            date: CalendarDate::parse_iso(m.as_str())?,
            source: DateSource::Text(Span::new(m.start(), m.end())),
        })
    }

    /// Finds every temporal expression, resolving relative ones against `document_date`.
    pub fn find(&self, doc: &Document, _document_date: Option<CalendarDate>, _entities: &[Entity]) -> Vec<DateMention> {
        self.iso
            .find_iter(doc.text)
            .filter_map(|m| {
                let d = CalendarDate::parse_iso(m.as_str())?;
                Some(DateMention {
                    span: Span::new(m.start(), m.end()),
                    label: DateLabel::Date,
                    value: Some(d.to_string()),
                    anchor: None,
                    gloss: None,
                    reason: None,
                })
            })
            .collect()
    }
}

impl Default for DateRecognizer {
    fn default() -> Self {
        Self::new()
    }
}
