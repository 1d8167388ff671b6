//! The export as CSV tables a spreadsheet opens as they are: the quotes and the names.
//! Documented in `docs/exports.md`.
//!
//! RFC 4180: comma-separated, CRLF line ends, a field quoted (with `"` doubled) when it holds a
//! comma, a quote mark or a line break. The file starts with a UTF-8 byte-order mark, which is
//! what makes Excel read it as UTF-8 rather than the system code page. A text cell that a
//! spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, tab or CR) gets a
//! leading apostrophe, as OWASP advises against CSV injection.

use super::rule::rule_of;
use super::{Export, WireAnnotation};
use std::fmt::Write;

/// The UTF-8 byte-order mark that starts every CSV file.
pub const BOM: &str = "\u{FEFF}";

/// Which table to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Table {
    /// One row per quote: who said it, what, with which verb, where.
    Quotes,
    /// One row per named entity: its fullest name, label, mentions and the quotes it speaks.
    Names,
}

impl Table {
    /// The table called `name` ("quotes" or "names").
    pub fn from_name(name: &str) -> Option<Table> {
        match name {
            "quotes" => Some(Table::Quotes),
            "names" => Some(Table::Names),
            _ => None,
        }
    }

    /// The column names, in order.
    pub fn columns(self) -> &'static [&'static str] {
        match self {
            Table::Quotes => &[
                "document",
                "quote_id",
                "kind",
                "speaker",
                "speaker_id",
                "quote",
                "cue",
                "start",
                "end",
                "speaker_start",
                "speaker_end",
                "rule",
            ],
            Table::Names => &[
                "document",
                "entity_id",
                "canonical",
                "label",
                "mentions",
                "forms",
                "quotes",
            ],
        }
    }

    /// The header line (CRLF-terminated), without the byte-order mark.
    pub fn header(self) -> String {
        let mut out = String::new();
        let cells: Vec<Cell> = self.columns().iter().map(|c| Cell::Text(c)).collect();
        row(&mut out, &cells);
        out
    }

    /// The table's rows for one export (CRLF-terminated lines, no header): one file can hold
    /// the rows of many texts, told apart by the `document` column (the JSONL `id`).
    pub fn rows(self, export: &Export) -> String {
        let mut out = String::new();
        let document = export.id.as_deref().unwrap_or("");
        match self {
            Table::Quotes => quote_rows(&mut out, document, export),
            Table::Names => name_rows(&mut out, document, export),
        }
        out
    }
}

/// A whole CSV file: byte-order mark, header, rows.
pub fn to_csv(export: &Export, table: Table) -> String {
    format!("{BOM}{}{}", table.header(), table.rows(export))
}

fn quote_rows(out: &mut String, document: &str, export: &Export) {
    for a in &export.annotations {
        if let WireAnnotation::Quote {
            span,
            kind,
            speaker,
            speaker_id,
            speaker_start,
            speaker_end,
            cue,
            ..
        } = a
        {
            let rule = rule_of(a);
            row(
                out,
                &[
                    Cell::Text(document),
                    Cell::Text(&span.id),
                    Cell::Text(kind),
                    optional(speaker),
                    optional(speaker_id),
                    Cell::Text(&span.text),
                    optional(cue),
                    Cell::Number(Some(span.start)),
                    Cell::Number(Some(span.end)),
                    Cell::Number(*speaker_start),
                    Cell::Number(*speaker_end),
                    Cell::Text(rule.unwrap_or("")),
                ],
            );
        }
    }
}

/// One entity's row being gathered.
struct Name<'a> {
    entity_id: &'a str,
    canonical: &'a str,
    label: &'a str,
    mentions: usize,
    forms: Vec<&'a str>,
    quotes: usize,
}

fn name_rows(out: &mut String, document: &str, export: &Export) {
    // Entities in order of first mention, as their ids are numbered.
    let mut names: Vec<Name> = Vec::new();
    for a in &export.annotations {
        if let WireAnnotation::Entity {
            span,
            label,
            entity_id,
            canonical,
            ..
        } = a
        {
            let k = match names.iter().position(|n| n.entity_id == entity_id) {
                Some(k) => k,
                None => {
                    names.push(Name {
                        entity_id,
                        canonical,
                        label,
                        mentions: 0,
                        forms: Vec::new(),
                        quotes: 0,
                    });
                    names.len() - 1
                }
            };
            let name = &mut names[k];
            name.mentions += 1;
            if !name.forms.contains(&span.text.as_str()) {
                name.forms.push(&span.text);
            }
        }
    }
    for a in &export.annotations {
        if let WireAnnotation::Quote {
            kind,
            speaker_id: Some(id),
            ..
        } = a
        {
            if kind == "speech" {
                if let Some(name) = names.iter_mut().find(|n| n.entity_id == id) {
                    name.quotes += 1;
                }
            }
        }
    }
    for n in &names {
        let forms = n.forms.join("; ");
        row(
            out,
            &[
                Cell::Text(document),
                Cell::Text(n.entity_id),
                Cell::Text(n.canonical),
                Cell::Text(n.label),
                Cell::Number(Some(n.mentions)),
                Cell::Text(&forms),
                Cell::Number(Some(n.quotes)),
            ],
        );
    }
}

fn optional(v: &Option<String>) -> Cell<'_> {
    Cell::Text(v.as_deref().unwrap_or(""))
}

/// One cell: text is neutralised and quoted as needed, a number never needs either.
enum Cell<'a> {
    Text(&'a str),
    Number(Option<usize>),
}

fn row(out: &mut String, cells: &[Cell]) {
    for (i, cell) in cells.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        match cell {
            Cell::Number(Some(n)) => {
                let _ = write!(out, "{n}");
            }
            Cell::Number(None) => {}
            Cell::Text(s) => text_cell(out, s),
        }
    }
    out.push_str("\r\n");
}

fn text_cell(out: &mut String, s: &str) {
    let formula = s.starts_with(['=', '+', '-', '@', '\t', '\r']);
    let quoted = s.contains([',', '"', '\r', '\n']);
    if quoted {
        out.push('"');
    }
    if formula {
        out.push('\'');
    }
    if quoted {
        out.push_str(&s.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(s);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cell(s: &str) -> String {
        let mut out = String::new();
        text_cell(&mut out, s);
        out
    }

    #[test]
    fn cells_are_quoted_as_rfc_4180_says_and_formulas_neutralised() {
        assert_eq!(cell("plain"), "plain");
        assert_eq!(cell("a, b"), "\"a, b\"");
        assert_eq!(cell("“so-called” \"thing\""), "\"“so-called” \"\"thing\"\"\"");
        assert_eq!(cell("two\r\nlines"), "\"two\r\nlines\"");
        assert_eq!(cell("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(cell("-1"), "'-1");
        assert_eq!(cell("@sum"), "'@sum");
        assert_eq!(cell("\tx"), "'\tx");
        assert_eq!(cell("\rx"), "\"'\rx\"");
    }
}
