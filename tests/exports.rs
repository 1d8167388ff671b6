//! The standard exports (W3C Web Annotation, brat standoff, CSV) as their tools read them: each
//! is parsed back here the way the other side would, and every span must slice the text, after
//! emoji, combining accents, CRLF and a quote that runs over paragraphs.

use newsmark::export::{brat, csv, w3c, Export, WireAnnotation};
use newsmark::{annotate_to_export, Options};
use serde_json::Value;
use std::collections::HashMap;

/// Texts that exercise the offsets: emoji (several code points, surrogate pairs in UTF-16), a
/// decomposed accent, CRLF, NBSP, a quote over two paragraphs, a pronoun speaker.
const TEXTS: &[&str] = &[
    "WASHINGTON, Feb 21 (Reuters) 👨🏻‍🚒 - Vice President Mike Pence said on Tuesday \u{201C}we will meet Zoe\u{0301} in Pyongyang\u{00A0}next month 💩,\u{201D} according to Nick Ayers.\r\n\r\n\u{201C}Nothing has changed,\u{201D} Ayers told reporters on 2018-02-20 at 18:30 UTC.\r\n",
    "\u{201C}We will not back down.\n\n\u{201C}The vote will go ahead 👨🏻‍🚒 as planned,\u{201D} said Zoe\u{0301} Adams, the party's leader. He added: \u{201C}Nothing has changed.\u{201D}\n",
    include_str!("../docs/example-article.txt"),
];

fn exports() -> Vec<Export> {
    TEXTS
        .iter()
        .map(|t| annotate_to_export(t, &Options::with_document_date("2018-02-21").unwrap()).unwrap())
        .collect()
}

fn cp_slice(text: &str, start: usize, end: usize) -> String {
    assert!(
        start <= end && end <= text.chars().count(),
        "{start}..{end} out of bounds"
    );
    text.chars().skip(start).take(end - start).collect()
}

/// The annotation's `rule` as the JSON export writes it (absent until its layer adds it).
fn json_rule(a: &WireAnnotation) -> Option<String> {
    serde_json::to_value(a).unwrap()["rule"].as_str().map(String::from)
}

fn label_of(a: &WireAnnotation) -> &str {
    match a {
        WireAnnotation::Entity { label, .. } | WireAnnotation::Date { label, .. } => label,
        WireAnnotation::Quote { .. } => "Quote",
    }
}

// ---------------------------------------------------------------- W3C Web Annotation

const PURPOSES: &[&str] = &[
    "assessing",
    "bookmarking",
    "classifying",
    "commenting",
    "describing",
    "editing",
    "highlighting",
    "identifying",
    "linking",
    "moderating",
    "questioning",
    "replying",
    "tagging",
];

fn bodies<'v>(item: &'v Value, purpose: &str) -> Vec<&'v str> {
    item["body"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|b| b["purpose"] == purpose && b["type"] == "TextualBody")
        .map(|b| b["value"].as_str().unwrap())
        .collect()
}

#[test]
fn w3c_annotations_have_the_models_required_fields_and_slice_the_text() {
    exports().iter().for_each(check_w3c);
}

fn check_w3c(export: &Export) {
    {
        let source = "https://example.org/news/article-1";
        let doc: Value = serde_json::from_str(&w3c::to_json(export, source)).expect("JSON-LD is JSON");
        assert_eq!(doc["@context"], w3c::CONTEXT);
        assert_eq!(doc["type"], "AnnotationCollection");
        assert_eq!(doc["first"]["type"], "AnnotationPage");
        let items = doc["first"]["items"].as_array().expect("items");
        assert_eq!(items.len(), export.annotations.len());
        assert_eq!(doc["total"], items.len());
        let mut ids = std::collections::HashSet::new();
        for (item, a) in items.iter().zip(&export.annotations) {
            let span = a.span();
            assert_eq!(item["@context"], w3c::CONTEXT, "each annotation can stand alone");
            assert_eq!(item["type"], "Annotation");
            let id = item["id"].as_str().expect("id is a string");
            assert!(w3c::is_source_iri(id.split('#').next().unwrap()) && ids.insert(id.to_string()));
            assert_eq!(item["target"]["source"], source);
            let selectors = item["target"]["selector"].as_array().expect("selectors");
            let quote = selectors.iter().find(|s| s["type"] == "TextQuoteSelector").unwrap();
            let position = selectors.iter().find(|s| s["type"] == "TextPositionSelector").unwrap();
            let (start, end) = (
                position["start"].as_u64().unwrap() as usize,
                position["end"].as_u64().unwrap() as usize,
            );
            assert_eq!(quote["exact"], cp_slice(&export.text, start, end));
            assert_eq!(quote["exact"], span.text.as_str());
            let prefix = quote["prefix"].as_str().unwrap_or("");
            let suffix = quote["suffix"].as_str().unwrap_or("");
            let n = w3c::QUOTE_CONTEXT_CHARS;
            assert_eq!(prefix, cp_slice(&export.text, start.saturating_sub(n), start));
            assert_eq!(
                suffix,
                cp_slice(&export.text, end, (end + n).min(export.text.chars().count()))
            );
            for body in item["body"].as_array().unwrap() {
                assert!(PURPOSES.contains(&body["purpose"].as_str().unwrap()), "{body}");
                assert!(body["type"] == "TextualBody" || body["type"] == "SpecificResource");
            }
            let tags = bodies(item, "tagging");
            assert_eq!(tags[0], if label_of(a) == "Quote" { "QUOTE" } else { label_of(a) });
            assert_eq!(bodies(item, "classifying").first().map(|s| s.to_string()), json_rule(a));
            match a {
                WireAnnotation::Entity { canonical, .. } => assert_eq!(bodies(item, "identifying"), [canonical]),
                WireAnnotation::Date { value, .. } => {
                    assert_eq!(bodies(item, "describing").first().copied(), value.as_deref())
                }
                WireAnnotation::Quote {
                    kind,
                    speaker,
                    speaker_start,
                    speaker_end,
                    ..
                } => {
                    assert_eq!(tags[1], kind);
                    assert_eq!(bodies(item, "identifying").first().copied(), speaker.as_deref());
                    let link = item["body"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .find(|b| b["purpose"] == "linking");
                    match (speaker_start, speaker_end, link) {
                        (Some(s), Some(e), Some(link)) => {
                            assert_eq!(link["source"], source);
                            assert_eq!(link["selector"]["start"], *s);
                            assert_eq!(link["selector"]["end"], *e);
                        }
                        (None, None, None) => {}
                        other => panic!("speaker mention and link disagree: {other:?}"),
                    }
                }
            }
        }
    }
}

// ---------------------------------------------------------------- brat standoff

struct TextBound {
    label: String,
    fragments: Vec<(usize, usize)>,
}

/// Reads a `.ann` as brat does: tab-separated fields, `;` between fragments.
fn parse_ann(ann: &str, text: &str) -> (HashMap<String, TextBound>, Vec<Vec<String>>) {
    let mut ts = HashMap::new();
    let mut others = Vec::new();
    for line in ann.lines() {
        let fields: Vec<&str> = line.split('\t').collect();
        if fields[0].starts_with('T') {
            assert_eq!(fields.len(), 3, "T line has id, type+offsets, text: {line:?}");
            let (label, offsets) = fields[1].split_once(' ').unwrap();
            let fragments: Vec<(usize, usize)> = offsets
                .split(';')
                .map(|f| {
                    let (s, e) = f.split_once(' ').unwrap();
                    (s.parse().unwrap(), e.parse().unwrap())
                })
                .collect();
            let pieces: Vec<String> = fragments.iter().map(|&(s, e)| cp_slice(text, s, e)).collect();
            for p in &pieces {
                assert!(!p.is_empty() && !p.contains(['\n', '\r']), "fragment {p:?} in {line:?}");
                assert_eq!(p.trim(), p, "fragments are trimmed: {line:?}");
            }
            assert_eq!(
                pieces.join(" "),
                fields[2],
                "the text field is the fragments joined by a space"
            );
            let t = TextBound {
                label: label.to_string(),
                fragments,
            };
            assert!(ts.insert(fields[0].to_string(), t).is_none(), "T ids are unique");
        } else {
            others.push(fields.iter().map(|s| s.to_string()).collect());
        }
    }
    (ts, others)
}

/// The T line whose fragments cover exactly the visible characters of `start..end`.
fn find_t<'a>(ts: &'a HashMap<String, TextBound>, text: &str, label: &str, start: usize, end: usize) -> &'a str {
    let visible: Vec<usize> = (start..end)
        .filter(|&i| !cp_slice(text, i, i + 1).chars().all(char::is_whitespace))
        .collect();
    ts.iter()
        .find(|(_, t)| {
            let covered: Vec<usize> = t.fragments.iter().flat_map(|&(s, e)| s..e).collect();
            t.label == label
                && t.fragments.iter().all(|&(s, e)| start <= s && e <= end)
                && visible.iter().all(|i| covered.contains(i))
        })
        .map(|(id, _)| id.as_str())
        .unwrap_or_else(|| panic!("no {label} T line for {start}..{end}"))
}

#[test]
fn brat_ann_parses_back_and_every_span_slices_the_text() {
    exports().iter().for_each(check_brat);
}

fn check_brat(export: &Export) {
    {
        let text = &export.text;
        let ann = brat::to_ann(export);
        let (ts, others) = parse_ann(&ann, text);
        let mut multi_fragment = false;
        for a in &export.annotations {
            let span = a.span();
            let t = find_t(&ts, text, label_of(a), span.start, span.end);
            multi_fragment |= ts[t].fragments.len() > 1;
            let has = |kind: &str, value: &str| {
                others
                    .iter()
                    .any(|o| o[0].starts_with('A') && o[1] == format!("{kind} {t} {value}"))
            };
            let notes: Vec<&str> = others
                .iter()
                .filter(|o| o[0].starts_with('#') && o[1] == format!("AnnotatorNotes {t}"))
                .map(|o| o[2].as_str())
                .collect();
            assert!(notes.len() <= 1, "one note per T line: {notes:?}");
            let note = notes.first().copied().unwrap_or("");
            if let Some(rule) = json_rule(a) {
                assert!(
                    note.ends_with(&format!("rule {rule}")),
                    "{t}'s note ends with its rule: {note:?}"
                );
            }
            match a {
                WireAnnotation::Entity { canonical, .. } => assert!(note.starts_with(canonical.as_str()), "{note:?}"),
                WireAnnotation::Date { value: Some(v), .. } => assert!(note.starts_with(v.as_str()), "{note:?}"),
                WireAnnotation::Quote {
                    kind,
                    speaker_start,
                    speaker_end,
                    ..
                } => {
                    assert!(has("Kind", kind));
                    if let (Some(s), Some(e)) = (speaker_start, speaker_end) {
                        let relation = others
                            .iter()
                            .find(|o| o[0].starts_with('R') && o[1].starts_with(&format!("SaidBy Arg1:{t} ")))
                            .expect("a SaidBy relation from the quote");
                        let mention = relation[1].rsplit("Arg2:").next().unwrap();
                        let m = &ts[mention];
                        assert_eq!(m.fragments, [(*s, *e)], "Arg2 is the speaker mention");
                    }
                }
                _ => {}
            }
        }
        for o in &others {
            let refs = o[1].split(' ').skip(1).map(|r| r.rsplit(':').next().unwrap());
            for r in refs.filter(|r| r.starts_with('T')) {
                assert!(ts.contains_key(r), "{o:?} points at a T line that exists");
            }
            if o[0].starts_with('#') {
                assert_eq!(o.len(), 3, "a note is one line: {o:?}");
            }
        }
        // Every type, relation and attribute used is declared in the annotation.conf written beside.
        let declared = |name: &str| {
            brat::ANNOTATION_CONF
                .lines()
                .any(|l| l.split('\t').next() == Some(name))
        };
        for t in ts.values() {
            assert!(declared(&t.label), "{} is in annotation.conf", t.label);
        }
        for o in others.iter().filter(|o| o[0].starts_with(['A', 'R', '*'])) {
            let name = o[1].split(' ').next().unwrap();
            assert!(declared(name), "{name} is in annotation.conf");
        }
        if export.text.contains("back down") {
            assert!(multi_fragment, "the quote over two paragraphs is split:\n{ann}");
        }
    }
}

// ---------------------------------------------------------------- CSV

/// An RFC 4180 reader: the spreadsheet's side.
fn parse_csv(s: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let (mut row, mut cell) = (Vec::new(), String::new());
    let mut chars = s.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                cell.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => cell.push(c),
            (false, '"') if cell.is_empty() => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut cell)),
            (false, '\r') if chars.peek() == Some(&'\n') => {
                chars.next();
                row.push(std::mem::take(&mut cell));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => {
                assert!(c != '\n' && c != '\r' && c != '"', "bare {c:?} outside quotes in {s:?}");
                cell.push(c)
            }
        }
    }
    assert!(cell.is_empty() && row.is_empty() && !quoted, "the file ends with CRLF");
    rows
}

fn table(export: &Export, t: csv::Table) -> Vec<HashMap<String, String>> {
    let file = csv::to_csv(export, t);
    let body = file.strip_prefix(csv::BOM).expect("starts with a BOM");
    let rows = parse_csv(body);
    assert_eq!(rows[0], t.columns());
    rows[1..]
        .iter()
        .map(|r| {
            assert_eq!(r.len(), t.columns().len());
            t.columns()
                .iter()
                .map(|c| c.to_string())
                .zip(r.iter().cloned())
                .collect()
        })
        .collect()
}

#[test]
fn csv_quotes_table_round_trips_with_offsets_that_slice_the_text() {
    exports().iter().for_each(check_csv_quotes);
}

fn check_csv_quotes(export: &Export) {
    {
        let rows = table(export, csv::Table::Quotes);
        let quotes: Vec<&WireAnnotation> = export
            .annotations
            .iter()
            .filter(|a| matches!(a, WireAnnotation::Quote { .. }))
            .collect();
        assert_eq!(rows.len(), quotes.len());
        for (row, q) in rows.iter().zip(quotes) {
            let WireAnnotation::Quote { span, speaker, cue, .. } = q else {
                unreachable!()
            };
            let (start, end) = (row["start"].parse().unwrap(), row["end"].parse().unwrap());
            assert_eq!(row["quote"], cp_slice(&export.text, start, end));
            assert_eq!(row["quote"], span.text);
            assert_eq!(row["speaker"], speaker.clone().unwrap_or_default());
            assert_eq!(row["cue"], cue.clone().unwrap_or_default());
            assert_eq!(row["rule"], json_rule(q).unwrap_or_default());
            if let (Ok(s), Ok(e)) = (row["speaker_start"].parse(), row["speaker_end"].parse()) {
                assert!(!cp_slice(&export.text, s, e).trim().is_empty());
            }
        }
    }
}

#[test]
fn csv_names_table_counts_every_mention_once() {
    exports().iter().for_each(check_csv_names);
}

fn check_csv_names(export: &Export) {
    {
        let rows = table(export, csv::Table::Names);
        let entities: Vec<(&str, &str, &str)> = export
            .annotations
            .iter()
            .filter_map(|a| match a {
                WireAnnotation::Entity {
                    span,
                    entity_id,
                    canonical,
                    ..
                } => Some((entity_id.as_str(), canonical.as_str(), span.text.as_str())),
                _ => None,
            })
            .collect();
        let total: usize = rows.iter().map(|r| r["mentions"].parse::<usize>().unwrap()).sum();
        assert_eq!(total, entities.len());
        for row in &rows {
            let mine: Vec<_> = entities.iter().filter(|e| e.0 == row["entity_id"]).collect();
            assert_eq!(row["mentions"], mine.len().to_string());
            assert_eq!(row["canonical"], mine[0].1);
            for (_, _, form) in mine {
                assert!(row["forms"].split("; ").any(|f| f == *form), "{form} in {row:?}");
            }
        }
    }
}

#[test]
fn csv_cells_a_spreadsheet_would_run_as_formulas_are_neutralised() {
    let mut export = annotate_to_export("“We will win,” Mike Pence said.", &Options::default()).unwrap();
    export.id = Some("=HYPERLINK(\"http://evil\",\"x\")".into());
    for a in &mut export.annotations {
        if let WireAnnotation::Quote { speaker, cue, .. } = a {
            *speaker = Some("+1 555".into());
            *cue = Some("@said".into());
        }
    }
    let rows = table(&export, csv::Table::Quotes);
    assert_eq!(rows[0]["document"], "'=HYPERLINK(\"http://evil\",\"x\")");
    assert_eq!(rows[0]["speaker"], "'+1 555");
    assert_eq!(rows[0]["cue"], "'@said");
}

// ---------------------------------------------------------------- any text

const PIECES: &[&str] = &[
    "\u{201C}",
    "\u{201D}",
    "\"",
    "'",
    " said ",
    " she added",
    "Mike Pence",
    "Zoe\u{301} Adams",
    "Theresa May",
    "👨🏻‍🚒",
    "🇧🇪",
    "\r\n",
    "\n\n",
    "\n",
    " on Monday",
    " on 2018-02-20",
    ", ",
    ". ",
    "\t",
    "=cmd",
    "-1",
    "@x",
    "\u{2028}",
    "\u{00A0}",
    "\u{200B}",
    "e\u{301}\u{302}",
    " ",
    "We will win",
    "BRUSSELS, ",
];

proptest::proptest! {
    #![proptest_config(proptest::test_runner::Config {
        cases: 48,
        rng_seed: proptest::test_runner::RngSeed::Fixed(15),
        failure_persistence: None,
        ..Default::default()
    })]

    /// Whatever the text, every format parses back and every span slices it.
    #[test]
    fn every_format_holds_for_any_news_like_text(pieces in proptest::collection::vec(proptest::sample::select(PIECES), 0..60)) {
        let text: String = pieces.concat();
        let export = annotate_to_export(&text, &Options::with_document_date("2018-02-21").unwrap()).unwrap();
        check_w3c(&export);
        check_brat(&export);
        check_csv_quotes(&export);
        check_csv_names(&export);
    }
}
