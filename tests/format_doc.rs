//! docs/format.md as a reader uses it: its example must be exactly what the CLI prints for the
//! example's own text, and every entity rule id must be documented there.
//!
//! When the output changes on purpose, regenerate the example (it is rewritten in place, wrapped
//! for reading) and review the diff:
//!
//! ```text
//! UPDATE_DOCS=1 cargo test --test format_doc
//! ```

use newsmark::export::Export;
use newsmark::{Annotator, EntityRule, Options};
use std::io::Write;
use std::process::{Command, Stdio};

const FORMAT_MD: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/format.md");
/// The line before the example's code block.
const MARKER: &str = "<!-- example: generated, see tests/format_doc.rs -->";
/// Lines of the regenerated example are wrapped before this many characters where they can be.
const WIDTH: usize = 118;

/// The example's code block: where its JSON starts and ends in the document.
fn example(doc: &str) -> (usize, usize) {
    let marker = doc.find(MARKER).expect("docs/format.md has the example marker");
    let open = "```json\n";
    let start = marker + doc[marker..].find(open).expect("a json block after the marker") + open.len();
    let end = start + doc[start..].find("```").expect("the json block is closed");
    (start, end)
}

/// What `newsmark annotate` prints for `text` on stdin (without the final newline).
fn cli(text: &str) -> String {
    let mut child = Command::new(env!("CARGO_BIN_EXE_newsmark"))
        .arg("annotate")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("the newsmark binary starts");
    child
        .stdin
        .take()
        .expect("stdin is piped")
        .write_all(text.as_bytes())
        .expect("text written");
    let out = child.wait_with_output().expect("newsmark runs to the end");
    assert!(out.status.success(), "newsmark annotate failed");
    let stdout = String::from_utf8(out.stdout).expect("stdout is UTF-8");
    stdout.strip_suffix('\n').expect("one line and a newline").to_string()
}

/// Splits compact JSON of an object or array into its top-level members, as written.
fn members(json: &str) -> Vec<&str> {
    let inner = &json[1..json.len() - 1];
    let mut out = Vec::new();
    let (mut depth, mut in_string, mut escaped, mut from) = (0usize, false, false, 0);
    for (i, c) in inner.char_indices() {
        if in_string {
            match c {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                '"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match c {
            '"' => in_string = true,
            '{' | '[' => depth += 1,
            '}' | ']' => depth -= 1,
            ',' if depth == 0 => {
                out.push(&inner[from..i]);
                from = i + 1;
            }
            _ => {}
        }
    }
    if !inner.is_empty() {
        out.push(&inner[from..]);
    }
    out
}

/// `"key":value` as `"key": value`, with nested objects spaced the same way.
fn spaced(member: &str) -> String {
    let colon = member[1..].find("\":").expect("a key") + 2;
    let (key, value) = (&member[..colon], &member[colon + 1..]);
    let value = if value.starts_with('{') {
        format!(
            "{{{}}}",
            members(value).iter().map(|m| spaced(m)).collect::<Vec<_>>().join(", ")
        )
    } else {
        value.to_string()
    };
    format!("{key}: {value}")
}

/// The CLI's compact export laid out for reading: one top-level field a line, one annotation per
/// paragraph, its fields wrapped at [`WIDTH`]. Every value is the CLI's own text.
fn render(compact: &str) -> String {
    let mut out = String::from("{\n");
    let top = members(compact);
    for (i, field) in top.iter().enumerate() {
        let comma = if i + 1 < top.len() { "," } else { "" };
        if !field.starts_with("\"annotations\":[") || field == &"\"annotations\":[]" {
            out += &format!("  {}{comma}\n", spaced(field));
            continue;
        }
        out += "  \"annotations\": [\n";
        let list = members(&field["\"annotations\":".len()..]);
        for (k, annotation) in list.iter().enumerate() {
            let mut line = String::from("    {");
            for (f, member) in members(annotation).iter().enumerate() {
                let piece = spaced(member);
                let sep = if f == 0 { "" } else { ", " };
                if f > 0 && line.chars().count() + sep.len() + piece.chars().count() > WIDTH {
                    out += &line;
                    out += ",\n";
                    line = format!("     {piece}");
                } else {
                    line += sep;
                    line += &piece;
                }
            }
            out += &line;
            out += if k + 1 < list.len() { "},\n" } else { "}\n" };
        }
        out += &format!("  ]{comma}\n");
    }
    out += "}\n";
    out
}

#[test]
fn the_format_example_is_the_cli_output_for_its_text() {
    let doc = std::fs::read_to_string(FORMAT_MD).expect("docs/format.md is readable");
    let (start, end) = example(&doc);
    let shown: serde_json::Value = serde_json::from_str(&doc[start..end]).expect("the example is JSON");
    let text = shown["text"].as_str().expect("the example has a text");
    let printed = cli(text);
    let library = Export::new(text, &Annotator::shared().annotate(text, &Options::default())).to_json();
    assert_eq!(printed, library, "the CLI and the library disagree");
    if std::env::var_os("UPDATE_DOCS").is_some() {
        let updated = format!("{}{}{}", &doc[..start], render(&printed), &doc[end..]);
        std::fs::write(FORMAT_MD, updated).expect("docs/format.md is writable");
        return;
    }
    let actual: serde_json::Value = serde_json::from_str(&printed).expect("the CLI prints JSON");
    assert_eq!(
        shown, actual,
        "docs/format.md's example is not what the CLI prints for its text; if the change is \
         intended, run `UPDATE_DOCS=1 cargo test --test format_doc` and review the diff.\nCLI: {printed}"
    );
}

#[test]
fn the_rendered_example_reads_back_as_the_same_json() {
    let compact = r#"{"a":"x, \"y\" {z}","b":{"c":[1,2],"d":null},"annotations":[{"t":"e","n":0.5},{"t":"q"}]}"#;
    let rendered = render(compact);
    let back: serde_json::Value = serde_json::from_str(&rendered).expect("rendered JSON parses");
    assert_eq!(back, serde_json::from_str::<serde_json::Value>(compact).unwrap());
    assert!(rendered.contains("\n    {\"t\": \"e\", \"n\": 0.5},\n"), "{rendered}");
}

#[test]
fn every_entity_rule_is_documented_with_a_well_formed_id() {
    let doc = std::fs::read_to_string(FORMAT_MD).expect("docs/format.md is readable");
    let mut seen = std::collections::HashSet::new();
    for rule in EntityRule::ALL {
        let id = rule.id();
        let name = id.strip_prefix("entity/").expect("entity ids start with entity/");
        assert!(
            !name.is_empty()
                && name
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'),
            "{id} is not kebab-case"
        );
        assert!(seen.insert(id), "{id} is used twice");
        assert!(doc.contains(&format!("`{id}`")), "docs/format.md does not list `{id}`");
    }
}
