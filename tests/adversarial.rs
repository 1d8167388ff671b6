//! Adversarial inputs: megabytes of what real pastes occasionally contain in bulk (quote marks,
//! capitals, digits, one endless line, nested brackets, binary junk). Each must finish and give
//! well-formed annotations. There are no timing asserts: a super-linear rule shows up as this
//! test binary taking minutes instead of seconds, and the benchmark (`scripts/bench.sh`) prints
//! the throughput at 10 KB, 1 MB and 10 MB.

mod common;

use newsmark::export::WireAnnotation;
use newsmark::Options;

/// "A megabyte": the full 1 MB under `cargo test --release`; an eighth of it in debug builds,
/// where the layers run ~20× slower, so that a plain `cargo test` stays around a minute (a
/// quadratic rule still takes minutes at 128 KB). `NEWSMARK_ADVERSARIAL_KB=1000` forces a size.
fn mb() -> usize {
    std::env::var("NEWSMARK_ADVERSARIAL_KB")
        .ok()
        .and_then(|v| v.parse::<usize>().ok())
        .map(|kb| kb * 1000)
        .unwrap_or(if cfg!(debug_assertions) { 125_000 } else { 1_000_000 })
}

/// Variants of each attack are a quarter of that.
fn variant() -> usize {
    mb() / 4
}

/// Repeats `unit` until the text is at least `bytes` long.
fn repeat_to(unit: &str, bytes: usize) -> String {
    unit.repeat(bytes / unit.len().max(1) + 1)
}

/// Deterministic xorshift bytes, so failures reproduce.
fn junk_bytes(n: usize, mut seed: u64) -> Vec<u8> {
    (0..n)
        .map(|_| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed >> 24) as u8
        })
        .collect()
}

fn count(export: &newsmark::export::Export, kind: &str) -> usize {
    export
        .annotations
        .iter()
        .filter(|a| {
            matches!(
                (a, kind),
                (WireAnnotation::Entity { .. }, "entity")
                    | (WireAnnotation::Date { .. }, "date")
                    | (WireAnnotation::Quote { .. }, "quote")
            )
        })
        .count()
}

fn annotate(text: &str) -> newsmark::export::Export {
    annotate_with(text, common::ALL)
}

/// Runs every check but the JSON round trip (slow on megabyte exports in debug builds, and
/// covered by the property tests).
fn annotate_with(text: &str, checks: common::Checks) -> newsmark::export::Export {
    let t0 = std::time::Instant::now();
    let checks = common::Checks {
        round_trip: false,
        ..checks
    };
    let e = common::annotate_checked_with(text, &Options::default(), checks);
    if std::env::var_os("NEWSMARK_ADVERSARIAL_TIMES").is_some() {
        let head: String = text.chars().take(16).collect();
        eprintln!("{:>8.2?} {:>9} bytes {head:?}", t0.elapsed(), text.len());
    }
    assert!(
        e.annotations.len() <= text.chars().count(),
        "more annotations than characters"
    );
    e
}

#[test]
fn a_megabyte_of_quote_marks() {
    let all = repeat_to("‘’“”«»„‹›「」\"'`", mb());
    let e = annotate(&all);
    assert!(count(&e, "quote") <= all.chars().count() / 2 + 1);
    for unit in ["“", "”", "\"", "'", "“”", "\"'", "“ ", "\" said Pence \""] {
        let text = repeat_to(unit, variant());
        let e = annotate(&text);
        assert!(count(&e, "quote") <= text.chars().count() / 2 + 1);
    }
}

#[test]
fn a_megabyte_of_capitalised_words() {
    let same = repeat_to("Alpha Beta Gamma Delta ", mb());
    let e = annotate(&same);
    // However they are grouped, one surname-less run cannot make more entities than words.
    assert!(count(&e, "entity") <= same.split(' ').count());

    // Distinct names: a coreference step that compares each mention with every earlier entity
    // would be quadratic here.
    let mut distinct = String::with_capacity(mb() + 64);
    let mut i = 0u64;
    while distinct.len() < mb() {
        let a = (b'A' + (i % 26) as u8) as char;
        let b = (b'A' + (i / 26 % 26) as u8) as char;
        distinct.push_str(&format!("Mr {a}x{b}{} {b}ov{a} said. ", i / 676));
        i += 1;
    }
    annotate(&distinct);

    annotate(&repeat_to("A ", variant()));
    annotate(&repeat_to("U.S. ", variant()));
    annotate(&repeat_to("NORTH KOREA ", variant()));
}

#[test]
fn a_megabyte_of_organisations_streets_and_places() {
    // The document-level entity rules (streets, nationality + organisation, "Federation of" +
    // the rest, short forms) each look at neighbouring mentions: done mention by mention with
    // `Vec::remove`, they were quadratic here (6 s for 2 MB, natively).
    let unit = "The Belgian Transport Union met at Downing Street with the Federation of Belgian \
                Enterprises and the Commission, then flew to Manchester, Liverpool, Leeds and Hull. ";
    let e = annotate(&repeat_to(unit, mb()));
    let texts: Vec<&str> = e
        .annotations
        .iter()
        .filter_map(|a| match a {
            WireAnnotation::Entity { span, .. } => Some(span.text.as_str()),
            _ => None,
        })
        .collect();
    assert!(!texts.is_empty());
    let cut = texts.iter().find(|t| t.ends_with(" of") || **t == "Downing");
    assert!(cut.is_none(), "a name cut short: {cut:?}");
}

#[test]
fn a_megabyte_of_digits() {
    annotate(&repeat_to("0123456789", mb()));
    annotate(&repeat_to("1,2.3:4/5-6", variant()));
    annotate(&repeat_to("1 ", variant()));
    let dates = repeat_to("2018-02-21 ", mb());
    let e = annotate(&dates);
    assert!(count(&e, "date") <= dates.len() / 10);
    annotate(&repeat_to("on 21 Feb 2018, ", variant()));
}

#[test]
fn a_megabyte_line_with_no_spaces() {
    annotate(&repeat_to("Pence’sU.S.-EU-wide,said“Hi”2018-02-21", mb()));
    annotate(&repeat_to("a", variant()));
    annotate(&repeat_to("e\u{301}", variant()));
    annotate(&repeat_to("👨🏻‍🚒\u{200D}", variant()));
}

#[test]
fn deeply_alternating_brackets_and_quotes() {
    let depth = 100_000;
    let mut nested = String::new();
    for i in 0..depth {
        nested.push_str(["(", "“", "[", "‘", "«", "\""][i % 6]);
    }
    nested.push_str("Kim said");
    for i in (0..depth).rev() {
        nested.push_str([")", "”", "]", "’", "»", "\""][i % 6]);
    }
    annotate(&nested);
    annotate(&repeat_to("“‘“‘”’”’", variant()));
    annotate(&repeat_to("(“)”", variant()));
    annotate(&repeat_to("“a\n", variant()));
    annotate(&repeat_to("“Yes,” he said. ", variant()));
}

#[test]
fn two_megabytes_of_binary_junk() {
    let bytes = junk_bytes(2 * mb(), 0x6e65_7773_6d61_726b);
    annotate(&String::from_utf8_lossy(&bytes));
    // Mostly-ASCII junk looks more like text and reaches deeper into the rules.
    let ascii: Vec<u8> = junk_bytes(variant(), 7).into_iter().map(|b| 32 + b % 95).collect();
    annotate(&String::from_utf8_lossy(&ascii));
}

#[test]
fn a_megabyte_of_line_breaks_and_controls() {
    annotate(&repeat_to("\n", variant()));
    annotate(&repeat_to("\r\n", variant()));
    annotate(&repeat_to("\0\u{7}\u{1B}\u{85}\u{2028}\u{FEFF}", variant()));
}

#[test]
fn a_given_date_at_the_ends_of_the_calendar_resolves_without_overflow() {
    let text = repeat_to(
        "Yesterday, last month, next year, in three years, on Tuesday, 10 days ago, next decade. ",
        64 * 1024,
    );
    for d in ["1000-01-01", "9998-12-31", "1970-01-01"] {
        let options = Options::with_document_date(d).expect("a date in the accepted range");
        common::annotate_checked(&text, &options);
    }
    // The range is enforced where dates come in; a library caller setting the field directly
    // past it still gets no panic.
    for d in ["0000-01-01", "0000-02-29", "9999-12-31"] {
        assert!(
            Options::with_document_date(d).is_err(),
            "{d} is outside the accepted range"
        );
        let options = Options {
            document_date: newsmark::CalendarDate::parse_iso(d),
            ..Options::default()
        };
        common::annotate_checked(&text, &options);
    }
}
