use super::kind::{sentence_like, title_like};

#[test]
fn titles_and_sentences_are_told_apart() {
    assert!(title_like("The Apprentice"));
    assert!(title_like("Meet the Press,"));
    assert!(!title_like("we will win"));
    assert!(sentence_like("We will win this election."));
    assert!(!sentence_like("friendship"));
}
