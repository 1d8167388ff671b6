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
