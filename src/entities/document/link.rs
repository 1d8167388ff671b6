//! One entity per name: a person's shorter mentions join the fuller name they are part of; other
//! names join mentions with the same text. The canonical name is the fullest mention, preferring
//! ordinary case to a dateline's capitals. Two people who share a surname but not a given name
//! ("Hillary Clinton", "Bill Clinton") stay two; a bare surname goes to the latest of them.

use super::key;
use super::mentions::Mention;
use super::name_shapes::name_core_end;
use crate::annotation::{Entity, EntityLabel};
use crate::entities::hash::PassThroughBuild;
use crate::entities::lexicon::TokenLex;
use crate::text::words::is_all_caps;
use crate::text::{Document, Span};
use std::collections::HashMap;

/// Gives each mention its entity and the entity's canonical name.
pub(super) fn link<'t>(doc: &Document<'t>, lex: &[TokenLex], mentions: Vec<Mention>) -> Vec<Entity> {
    struct Group<'a> {
        /// The fullest mention so far: its length, whether it is in ordinary case, its text.
        canonical: (usize, bool, &'a str),
        /// A person's given name as first written in full ("Hillary"), so a different one
        /// ("Bill Clinton") starts a new person instead of joining by surname.
        given: Option<&'a str>,
    }
    let mut groups: Vec<Group<'t>> = Vec::new();
    let mut out = Vec::with_capacity(mentions.len());
    let mut by_key: crate::fasthash::HashMap<(EntityLabel, u64), usize> = Default::default();
    // A person's last word -> their entity, so "Pence" finds "Mike Pence" in constant time.
    let mut surname: HashMap<u64, usize, PassThroughBuild> = HashMap::default();
    // An organisation's last word -> its entity, so "the Commission" finds "European Commission".
    let mut org_head: HashMap<u64, usize, PassThroughBuild> = HashMap::default();
    for m in mentions {
        let span = Span::new(doc.tokens[m.start].span.start, doc.tokens[m.end - 1].span.end);
        let text = span.slice(doc.text);
        let k = key(lex, m.start, m.end);
        // A person's name before an epithet ("Hugo" for "Hugo the German").
        let last_word = if m.label == EntityLabel::Person {
            name_core_end(doc, m.start, m.end)
        } else {
            m.end
        };
        let last = key(lex, last_word - 1, last_word);
        let given = (m.label == EntityLabel::Person && m.len() >= 2).then(|| doc.token_text(m.start));
        let mut gid = by_key.get(&(m.label, k)).copied();
        if gid.is_none() && m.label == EntityLabel::Person {
            // "Pence" joins the latest person called "... Pence"; "Mike Pence" joins an earlier
            // "Pence" or "Mike Pence", never "Karen Pence".
            gid = surname.get(&last).copied().filter(|&g| match (given, groups[g].given) {
                (Some(a), Some(b)) => same_given_name(a, b),
                _ => true,
            });
        }
        if gid.is_none() && m.label == EntityLabel::Org && m.len() == 1 && doc.is_capitalised(m.start) {
            gid = org_head.get(&last).copied();
        }
        let g = match gid {
            Some(g) => g,
            None => {
                groups.push(Group {
                    canonical: (0, false, ""),
                    given: None,
                });
                groups.len() - 1
            }
        };
        let grp = &mut groups[g];
        grp.given = grp.given.or(given);
        by_key.insert((m.label, k), g);
        if m.label == EntityLabel::Person {
            surname.insert(last, g);
        }
        if m.label == EntityLabel::Org && m.len() >= 2 {
            org_head.insert(last, g);
        }
        let rank = (m.len(), !is_all_caps(text));
        if (rank.0, rank.1) > (grp.canonical.0, grp.canonical.1) {
            grp.canonical = (rank.0, rank.1, text);
        }
        out.push((g, span, m));
    }
    out.into_iter()
        .map(|(g, span, m)| Entity {
            span,
            label: m.label,
            entity: g,
            canonical: groups[g].canonical.2.to_string(),
            reason: m.reason,
            confidence: m.confidence,
            rule: m.rule,
        })
        .collect()
}

/// True when two given names can be the same person's: equal ignoring case, or one an initial of
/// the other ("J." or "J.K." for "Joanne"). "George W" and "George" share "George".
fn same_given_name(a: &str, b: &str) -> bool {
    let initial = |w: &str| {
        let letters = w.chars().filter(|c| c.is_alphabetic()).count();
        letters == 1 || (w.contains('.') && letters <= 3)
    };
    a.eq_ignore_ascii_case(b)
        || ((initial(a) || initial(b))
            && a.chars().next().map(|c| c.to_lowercase().to_string())
                == b.chars().next().map(|c| c.to_lowercase().to_string()))
}
