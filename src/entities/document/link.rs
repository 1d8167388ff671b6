//! One entity per name: a person's shorter mentions join the fuller name they are part of; other
//! names join mentions with the same text. The canonical name is the fullest mention, preferring
//! ordinary case to a dateline's capitals.

use super::key;
use super::mentions::Mention;
use crate::annotation::{Entity, EntityLabel};
use crate::entities::hash::PassThroughBuild;
use crate::text::words::is_all_caps;
use crate::text::{Document, Span};
use std::collections::HashMap;

/// Gives each mention its entity and the entity's canonical name.
pub(super) fn link(doc: &Document, mentions: Vec<Mention>) -> Vec<Entity> {
    struct Group {
        canonical: (usize, bool, String),
    }
    let mut groups: Vec<Group> = Vec::new();
    let mut out = Vec::with_capacity(mentions.len());
    let mut by_key: HashMap<(EntityLabel, u64), usize> = HashMap::new();
    // A person's last word -> their entity, so "Pence" finds "Mike Pence" in constant time.
    let mut surname: HashMap<u64, usize, PassThroughBuild> = HashMap::default();
    // An organisation's last word -> its entity, so "the Commission" finds "European Commission".
    let mut org_head: HashMap<u64, usize, PassThroughBuild> = HashMap::default();
    for m in mentions {
        let span = Span::new(doc.tokens[m.start].span.start, doc.tokens[m.end - 1].span.end);
        let text = span.slice(doc.text);
        let k = key(doc, m.start, m.end);
        let last = key(doc, m.end - 1, m.end);
        let mut gid = by_key.get(&(m.label, k)).copied();
        if gid.is_none() && m.label == EntityLabel::Person {
            // "Pence" joins the latest person called "... Pence"; "Mike Pence" joins an earlier "Pence".
            gid = surname.get(&last).copied();
        }
        if gid.is_none() && m.label == EntityLabel::Org && m.len() == 1 && doc.is_capitalised(m.start) {
            gid = org_head.get(&last).copied();
        }
        let g = match gid {
            Some(g) => g,
            None => {
                groups.push(Group {
                    canonical: (0, false, String::new()),
                });
                groups.len() - 1
            }
        };
        let grp = &mut groups[g];
        by_key.insert((m.label, k), g);
        if m.label == EntityLabel::Person {
            surname.insert(last, g);
        }
        if m.label == EntityLabel::Org && m.len() >= 2 {
            org_head.insert(last, g);
        }
        let rank = (m.len(), !is_all_caps(text));
        if (rank.0, rank.1) > (grp.canonical.0, grp.canonical.1) {
            grp.canonical = (rank.0, rank.1, text.to_string());
        }
        out.push((g, span, m));
    }
    out.into_iter()
        .map(|(g, span, m)| Entity {
            span,
            label: m.label,
            entity: g,
            canonical: groups[g].canonical.2.clone(),
            reason: m.reason,
            confidence: m.confidence,
            rule: m.rule,
        })
        .collect()
}
