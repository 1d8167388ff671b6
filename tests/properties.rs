//! Property tests: random news-like text mixing every kind of quotation mark, names, dates,
//! numbers, emoji (ZWJ sequences, skin tones, flags), combining marks, CRLF, right-to-left
//! text, NBSP and control characters. Whatever comes in, `annotate` must not panic and every
//! span must slice back to its text in bytes, code points and UTF-16 without cutting a
//! grapheme cluster (the checks live in `tests/common/mod.rs`).
//!
//! Cases default to 96 per property so `cargo test` stays quick; set `PROPTEST_CASES=5000`
//! for a longer search. The seed is fixed so every run (and CI) tests the same inputs; set
//! `PROPTEST_RNG_SEED=<u64>` to explore others.

mod common;

use newsmark::Options;
use proptest::prelude::*;
use proptest::sample::select;
use proptest::test_runner::{Config, RngSeed};

const NAMES: &[&str] = &[
    "Mike Pence",
    "Pence",
    "Kim Yo Jong",
    "Theresa May",
    "May",
    "Dr. José Álvarez",
    "Jose\u{301} A\u{301}lvarez",
    "O'Malley",
    "Pence's",
    "Pyongyang’s",
    "Reuters",
    "the BBC",
    "North Korea",
    "Washington",
    "U.S.",
    "Ms. Ayers",
    "a senior official",
    "He",
    "she",
    "Zoë Ball",
    "Jürgen Klopp",
    "Владимир Путин",
    "محمد بن سلمان",
    "李克强",
    "SHOUTING CAPITALS",
];

const QUOTE_MARKS: &[&str] = &[
    "\"", "'", "“", "”", "‘", "’", "«", "»", "„", "‚", "‹", "›", "「", "」", "『", "』", "``", "''", "″", "‟", "〝",
    "〞", "＂", "—", "–",
];

const QUOTE_PAIRS: &[(&str, &str)] = &[
    ("“", "”"),
    ("\"", "\""),
    ("‘", "’"),
    ("'", "'"),
    ("«", "»"),
    ("« ", " »"),
    ("„", "“"),
    ("‹", "›"),
    ("「", "」"),
    ("“", ""),
    ("", "”"),
    ("”", "“"),
];

const VERBS: &[&str] = &[
    "said",
    "says",
    "told reporters",
    "added",
    "according to",
    "warned",
    "said on Tuesday",
];

const DATES: &[&str] = &[
    "February 21, 2018",
    "21 Feb 2018",
    "2018-02-21",
    "2018-02-30",
    "0000-01-01",
    "9999-12-31",
    "99999-99-99",
    "yesterday",
    "today",
    "tomorrow",
    "last month",
    "next year",
    "this week",
    "Tuesday",
    "on Monday",
    "1830 UTC",
    "18:30 GMT",
    "6.30pm",
    "three years",
    "the past 10 years",
    "every Monday",
    "the 1990s",
    "2018",
    "Feb. 29",
    "31 April",
    "mid-March",
    "Q3 2017",
    "12/31/2017",
    "31/12/2017",
    "10 days ago",
    "two weeks later",
    "in 9999 years",
    "WASHINGTON, Feb 21 (Reuters) -",
    "Published: 2018-02-21",
    "Wednesday 21 February 2018 10.04 GMT",
];

const NUMBERS: &[&str] = &[
    "3,200",
    "1.5",
    "42",
    "007",
    "-17",
    "1e9",
    "½",
    "٣",
    "१२",
    "12345678901234567890123",
    "3,",
    "$5bn",
    "50%",
    "No. 10",
    "1,2,3,4,5",
];

const EMOJI: &[&str] = &[
    "💩",
    "👨🏻‍🚒",
    "👩‍👩‍👧‍👦",
    "👍🏿",
    "🏳️‍🌈",
    "❤️",
    "🇬🇧",
    "🇺🇸🇬🇧",
    "1️⃣",
    "🏴󠁧󠁢󠁳󠁣󠁴󠁿",
    "👁‍🗨",
    "\u{1F3FB}",
    "\u{200D}",
    "\u{FE0F}",
];

const BASES: &[&str] = &["e", "A", "Pence", "”", "\"", "1", " ", "\n", "ש", "ب", "👍", ".", ""];

const MARKS: &[char] = &[
    '\u{301}',
    '\u{308}',
    '\u{304}',
    '\u{327}',
    '\u{20DD}',
    '\u{20E3}',
    '\u{5B8}',
    '\u{64E}',
    '\u{200D}',
    '\u{FE0F}',
    '\u{1F3FD}',
    '\u{E0067}',
    '\u{1AB0}',
    '\u{1DC0}',
    '\u{483}',
];

const RTL: &[&str] = &[
    "مرحبا بالعالم",
    "שלום עולם",
    "قال الرئيس «سنفوز»",
    "\u{202E}evil\u{202C}",
    "\u{200F}",
    "\u{200E}",
    "\u{2067}isolate\u{2069}",
];

const SPACES_AND_CONTROLS: &[&str] = &[
    "\u{A0}",
    "\u{202F}",
    "\u{2009}",
    "\u{200B}",
    "\u{FEFF}",
    "\u{AD}",
    "\0",
    "\u{7}",
    "\u{1B}[31m",
    "\u{85}",
    "\u{2028}",
    "\u{2029}",
    "\r",
    "\t",
    "\u{B}",
    "\u{C}",
    "\u{FFFD}",
    "\u{10FFFF}",
    "\u{E000}",
];

const WORDS: &[&str] = &[
    "the",
    "vice",
    "president",
    "met",
    "we",
    "will",
    "win",
    "talks",
    "in",
    "on",
    "at",
    "of",
    "and",
    "Mr.",
    "Mrs",
    "It",
    "The",
    "A",
    "I",
    ".",
    ",",
    ";",
    ":",
    "!",
    "?",
    "…",
    "...",
    "(",
    ")",
    "[",
    "]",
    "-",
    "—",
    "/",
    "&",
    "#",
    "@",
];

const SEPARATORS: &[&str] = &[
    " ", " ", " ", "", "\n", "\r\n", "\n\n", "\r\n\r\n", "\u{A0}", "\t", "  ", "\u{2028}",
];

fn words() -> impl Strategy<Value = String> {
    prop::collection::vec(select(WORDS), 0..8).prop_map(|w| w.join(" "))
}

/// A quotation with an attribution, in the shapes the quote layer looks for.
fn attributed_quote() -> BoxedStrategy<String> {
    (select(QUOTE_PAIRS), words(), select(NAMES), select(VERBS), 0..4u8)
        .prop_map(|((open, close), body, name, verb, shape)| match shape {
            0 => format!("{open}{body},{close} {name} {verb}."),
            1 => format!("{name} {verb}: {open}{body}.{close}"),
            2 => format!("{open}{body},{close} {verb} {name}, {open}{body}{close}"),
            _ => format!("{open}{body}\n\n{open}{body}{close} {name} {verb}"),
        })
        .boxed()
}

fn with_marks() -> impl Strategy<Value = String> {
    (select(BASES), prop::collection::vec(select(MARKS), 1..4))
        .prop_map(|(base, marks)| format!("{base}{}", marks.into_iter().collect::<String>()))
}

fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => select(WORDS).prop_map(String::from),
        3 => select(NAMES).prop_map(String::from),
        3 => select(DATES).prop_map(String::from),
        2 => select(QUOTE_MARKS).prop_map(String::from),
        2 => attributed_quote(),
        1 => select(NUMBERS).prop_map(String::from),
        1 => any::<u32>().prop_map(|n| n.to_string()),
        1 => (1000..3000u32, 1..13u32, 1..32u32).prop_map(|(y, m, d)| format!("{y}-{m:02}-{d:02}")),
        2 => select(EMOJI).prop_map(String::from),
        2 => with_marks(),
        1 => select(RTL).prop_map(String::from),
        1 => select(SPACES_AND_CONTROLS).prop_map(String::from),
        1 => "[A-Z][a-z]{0,8}",
        1 => "[A-Z]{1,6}",
        2 => any::<char>().prop_map(String::from),
    ]
}

fn article() -> impl Strategy<Value = String> {
    prop::collection::vec((piece(), select(SEPARATORS)), 0..48).prop_map(|parts| {
        let mut text = String::new();
        for (p, sep) in parts {
            text.push_str(&p);
            text.push_str(sep);
        }
        text
    })
}

/// No date, an ordinary one, or one at the ends of the calendar (relative dates must not overflow).
fn options() -> impl Strategy<Value = Options> {
    prop_oneof![
        2 => Just(None),
        2 => (1990..2030i32, 1..13u32, 1..29u32).prop_map(Some),
        1 => (prop_oneof![Just(0i32), Just(1), Just(9999)], 1..13u32, 1..32u32).prop_map(Some),
    ]
    .prop_map(|d| match d {
        Some((y, m, day)) => Options::with_document_date(&format!("{y:04}-{m:02}-{day:02}")).unwrap_or_default(),
        None => Options::default(),
    })
}

fn config() -> Config {
    let mut config = Config {
        cases: 96,
        failure_persistence: None,
        ..Config::default()
    };
    if let Some(n) = std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()) {
        config.cases = n;
    }
    if std::env::var_os("PROPTEST_RNG_SEED").is_none() {
        config.rng_seed = RngSeed::Fixed(0x6e65_7773_6d61_726b);
    }
    config
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn news_like_text_keeps_every_invariant(text in article(), options in options()) {
        common::annotate_checked(&text, &options);
    }

    #[test]
    fn arbitrary_unicode_keeps_every_invariant(text in any::<String>(), options in options()) {
        common::annotate_checked(&text, &options);
    }

    #[test]
    fn crlf_text_keeps_the_same_annotations_as_lf(text in article()) {
        // Windows line endings must not move or drop anything: the same annotation texts come out.
        let lf = text.replace("\r\n", "\n").replace('\r', "");
        let crlf = lf.replace('\n', "\r\n");
        let a = common::annotate_checked(&lf, &Options::default());
        let b = common::annotate_checked(&crlf, &Options::default());
        let texts = |e: &newsmark::export::Export| {
            e.annotations.iter().map(|a| a.span().text.replace("\r\n", "\n")).collect::<Vec<_>>()
        };
        prop_assert_eq!(texts(&a), texts(&b));
    }
}
