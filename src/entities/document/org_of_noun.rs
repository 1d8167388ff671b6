//! Organisations named by the noun before them: "the founder of Hack Hollow", "the chairman of
//! Bellcourt", "a unit of Tarvex". The tagger reads an unfamiliar name as a person; no person is
//! founded, chaired or a company's parent.

use super::mentions::Mentions;
use crate::annotation::{EntityLabel, EntityRule};
use crate::text::Document;

/// True when `w` (any case) is a noun of a company's people or parts
/// (`data/entities/org_of_cues.txt`).
fn org_of_cue(w: &str) -> bool {
    static LIST: super::SmallList = super::SmallList::new(include_str!("../../../data/entities/org_of_cues.txt"));
    LIST.contains(w) || LIST.contains(&w.to_lowercase())
}

/// A name the tagger called a person, right after such a noun and "of" (or "of the"), is an
/// organisation.
pub(super) fn org_of(doc: &Document, mentions: &mut Mentions) {
    for k in 0..mentions.len() {
        let m = &mentions[k];
        if m.label != EntityLabel::Person || m.rule != EntityRule::Model {
            continue;
        }
        let mut of = m.start;
        if of > 0 && doc.token_text(of - 1) == "the" {
            of -= 1;
        }
        if of < 2 || doc.token_text(of - 1) != "of" || !org_of_cue(doc.token_text(of - 2)) {
            continue;
        }
        let reason = format!("an organisation: after \"{} of\"", doc.token_text(of - 2));
        mentions.decide(k, EntityLabel::Org, EntityRule::OrgOfNoun, reason);
    }
}
