//! Names in the high-precision lists (news organisations, large companies) are organisations,
//! whether the tagger missed them or called them something else ("Google said" reads like a person
//! to a model trained on 1996 news).

use super::exact;
use super::mentions::{Mention, Mentions};
use crate::annotation::{EntityLabel, EntityRule};
use crate::entities::lexicon::{LexClass, TokenLex};
use crate::fasthash::HashMap;
use crate::text::Document;

/// The rule and reason for a listed organisation of list `class`.
fn listed(class: LexClass) -> (EntityRule, String) {
    let rule = match class {
        LexClass::Company => EntityRule::LexiconCompany,
        _ => EntityRule::LexiconNewsOrg,
    };
    (rule, format!("lexicon: {}", class.name()))
}

/// Tags the listed names as organisations, and every mention written the same way.
pub(super) fn lexicon_names(doc: &Document, lex: &[TokenLex], mentions: &mut Mentions) {
    let n = doc.tokens.len();
    let orgs = [LexClass::NewsOrg, LexClass::Company];
    let bits = LexClass::NewsOrg.bit() | LexClass::Company.bit();
    let mut found: Vec<(usize, usize, LexClass)> = Vec::new();
    let mut first = vec![false; n];
    for r in &doc.sentences {
        if r.start < n {
            first[r.start] = true;
        }
    }
    let mut i = 0;
    while i < n {
        let l = lex[i];
        if l.begin & bits == 0 {
            i += 1;
            continue;
        }
        // "Shell" or "Zoom" opening a sentence may be the ordinary word.
        let ambiguous = l.begin & LexClass::Common.bit() != 0 && first[i];
        // "eBay" is written with a small letter first and a capital after it.
        let camel = {
            let w = doc.token_text(i);
            w.starts_with(|c: char| c.is_ascii_lowercase()) && w.chars().skip(1).any(|c| c.is_ascii_uppercase())
        };
        if ambiguous || !(doc.is_capitalised(i) || camel) {
            i += 1;
            continue;
        }
        let class = orgs
            .into_iter()
            .find(|c| l.begin & c.bit() != 0)
            .unwrap_or(LexClass::NewsOrg);
        let mut e = i + 1;
        while e < n && lex[e].inside & class.bit() != 0 && (doc.is_capitalised(e) || doc.token_text(e) == "&") {
            e += 1;
        }
        found.push((i, e, class));
        i = e;
    }
    if found.is_empty() {
        return;
    }
    // A dateline's agency and a repeated name keep what their own rule decided.
    let settled = |m: &Mention| matches!(m.rule, EntityRule::Dateline | EntityRule::SameName);
    let mut added = Vec::new();
    let mut by_text: HashMap<&str, LexClass> = HashMap::default();
    for (s, e, class) in found {
        by_text.insert(exact(doc, s, e), class);
        match mentions.owner(s) {
            None => {
                if (s..e).all(|i| !mentions.covered(i)) {
                    let (rule, reason) = listed(class);
                    added.push(Mention::by_rule(s, e, EntityLabel::Org, rule, reason));
                }
            }
            Some(o) => {
                // Relabel only a mention that is exactly the listed name.
                let m = &mentions[o];
                if m.start == s && m.end == e && m.label != EntityLabel::Org && !settled(m) {
                    let (rule, reason) = listed(class);
                    mentions.decide(o, EntityLabel::Org, rule, reason);
                }
            }
        }
    }
    mentions.extend(added);
    // The same name elsewhere (say, opening a sentence) is the same organisation.
    for k in 0..mentions.len() {
        let m = &mentions[k];
        if m.label == EntityLabel::Org || settled(m) {
            continue;
        }
        if let Some(&class) = by_text.get(exact(doc, m.start, m.end)) {
            let (rule, reason) = listed(class);
            mentions.decide(k, EntityLabel::Org, rule, reason);
        }
    }
}
