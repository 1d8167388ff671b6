//! Inputs that once broke an invariant (found by the property tests or the fuzzer), kept so
//! they stay fixed. Each test names where the input came from and what went wrong.

mod common;

use newsmark::Options;

fn check(text: &str) {
    common::annotate_checked(text, &Options::default());
}

/// proptest: a skin-tone modifier after a capital made the entity "A" end inside the grapheme "A🏽"
/// (the tokenizer ended words before emoji modifiers).
#[test]
fn skin_tone_after_a_capital_stays_in_the_word() {
    check("the\u{a0}A🏽 ");
    check("Pence🏿 said so.");
}

/// proptest: a Hebrew point after a digit split the number token inside its grapheme.
#[test]
fn combining_marks_after_digits_and_in_other_scripts_stay_in_the_token() {
    check("1\u{5b8} ");
    check("2018-02-21\u{301} Mike\u{483} Pence\u{64e} said");
    check("Washington\u{FE0F} and Paris\u{E0100}");
}

fn check_strict(text: &str) {
    common::annotate_checked_with(text, &Options::default(), common::STRICT);
}

/// fuzz (short run on the skeleton): the document-date detector sliced the text at byte 400
/// without looking for a char boundary and panicked on a multi-byte char there.
#[test]
fn a_multibyte_char_across_byte_400_does_not_panic() {
    for pad in 395..402 {
        let text = format!("{}{}", "a".repeat(pad), "ꪪ€😀 2018-02-21 Pence said “yes”.");
        check(&text);
        let mut bytes = vec![b'C', b'o'];
        bytes.extend(std::iter::repeat_n(0xff_u8, pad));
        bytes.extend_from_slice("unclear \"quote\" 2017.”".as_bytes());
        check(&String::from_utf8_lossy(&bytes));
    }
}

/// proptest (seed 12345, 1500 cases): a combining mark right after a closing quotation mark is
/// part of the mark's grapheme, but the quote span ends before it. Reported to the quotes owner;
/// Fixed centrally: every span is snapped onto grapheme boundaries (src/text/graphemes.rs).
#[test]
fn a_combining_mark_after_a_closing_quote_stays_in_the_quote() {
    check_strict("Mike Pence said: “.”\u{301} ");
    check_strict("“The.”🏽\u{1ab0}\n");
    check_strict("\"\u{301} \"\u{301} ");
}

#[test]
fn a_combining_mark_after_a_closing_quote_breaks_nothing_else() {
    check("Mike Pence said: “.”\u{301} ");
    check("“The.”🏽\u{1ab0}\n");
    check("\"\u{301} \"\u{301} ");
}

/// proptest (seed 12345): a lone combining mark at a paragraph start (after a space) was tagged
/// PERSON by the entity model ("model 0.84"); its span starts inside the grapheme " \u{301}".
/// Reported to the entities owner.
#[test]
fn a_lone_combining_mark_is_not_an_entity() {
    check_strict("vice\n\n \u{301} \u{ad} ");
}

#[test]
fn a_lone_combining_mark_breaks_nothing_else() {
    check("vice\n\n \u{301} \u{ad} ");
}

/// fuzz: the harness itself claimed a grapheme cut between "Y🏻\u{200d}" and "🚒"; a ZWJ joins a
/// pictograph only to an emoji sequence (UAX #29 GB11), so "Y" there is an entity of its own.
#[test]
fn a_zwj_after_a_letter_does_not_glue_the_next_emoji() {
    assert!(common::is_grapheme_boundary("Y🏻\u{200d}🚒", "Y🏻\u{200d}".len()));
    assert!(!common::is_grapheme_boundary("👨🏻\u{200d}🚒", "👨🏻\u{200d}".len()));
    check("“Hi 👨Y🏻\u{200d}🚒,” Zoe said.");
}

/// proptest (seeds 2 and 3, 400 cases): an initial or abbreviation keeps its period, but a mark
/// written on that period was left out of the token, so the entity "U.S." ended inside "U.S.🏻".
#[test]
fn a_mark_on_an_abbreviation_period_stays_in_the_token() {
    check("A.\u{1ab0}");
    check("A.\u{301} ");
    check("U.S.🏻 ");
    check("Mr.\u{301} Smith met Theresa May.\u{308} in Washington.\u{FE0F}");
}

/// proptest (seed 3, 400 cases): PANIC in the quote layer. A second, empty quote after a dash and a
/// line break gets an attribution with `first >= end`; `resolve` (src/quotes/attribution/resolve.rs) then
/// builds a span with start > end and slicing it panicked ("begin > end (36 > 35)"). Fixed in the
/// quotes layer.
#[test]
fn an_empty_quote_before_a_dash_and_a_name_does_not_panic() {
    check("“,” said Mike Pence, “” —\nMike Pence ");
}

/// proptest (seeds 4–6, 400 cases): a ZWJ before a line break glued the break into its token, so
/// the paragraph break vanished with LF but not with CRLF and the annotations differed.
#[test]
fn a_joiner_before_a_line_break_does_not_swallow_it() {
    for text in [
        "Ms. Ayers \u{200d}\n\nthe ",
        "21 Feb 2018\u{a0}KB 👍\u{304}\u{200d}\nHe ",
        "U.S. Jose\u{301} A\u{301}lvarez ”\u{5b8}\u{200d}\n\n \u{1ab0}\u{5b8} ",
    ] {
        let lf = check_export(text);
        let crlf = check_export(&text.replace('\n', "\r\n"));
        let texts = |e: &newsmark::export::Export| {
            e.annotations
                .iter()
                .map(|a| a.span().text.replace("\r\n", "\n"))
                .collect::<Vec<_>>()
        };
        assert_eq!(texts(&lf), texts(&crlf), "{text:?}");
    }
}

fn check_export(text: &str) -> newsmark::export::Export {
    common::annotate_checked(text, &Options::default())
}

/// fuzzer (2026-12-06): reported speech named the speaker "~", an entity the grapheme pass then
/// dropped for having no letter; the quote still pointed at it.
#[test]
fn a_speaker_with_no_letter_is_no_one_and_a_dropped_entity_is_not_named() {
    common::annotate_checked(
        "Olympic champion announces retirement at 31\nTwo-tiafter winning a world title in Pa\u{fffd}\u{fffd}\u{fffd}\u{fffd}\u{fffd}\u{fffd}\u{fffd}\u{fffd}always said I would stop when I stopped enjoying the hard days, and that day has cmoe,\"\nKenny, \u{fffd}31, wrote on socia\u{0}T\u{0}Tecl firm fined over data breach\nA London-based software company hech fir+ fined over da~ta breach\nA London-based softw1re co\nA l media. She said I wLondonould stop when I stopped enjoying the- hardbas ",
        &Options::with_document_date("2018-02-21").expect("valid date"),
    );
}
