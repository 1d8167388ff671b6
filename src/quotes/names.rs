//! Who a speaker phrase names: name mentions, their canonical (fullest) form and pronoun antecedents.
//!
//! The entity layer's PERSON/ORG mentions are used when present (their canonical and entity index).
//! Where it has none, capitalised runs outside quotes stand in, with titles stripped ("Sen. Tim Kaine"
//! → "Tim Kaine") and surnames mapped to the fullest name seen ("Kaine" → "Tim Kaine"), so speakers
//! come out named even before a real recogniser lands, and better once it does.

use super::descriptions::{self, DescribedSpeaker, Description, Tie};
use super::lexicon::{Gender, Lexicon};
use super::lowered::Lowered;
use crate::annotation::{Entity, EntityLabel, Quote};
use crate::fasthash::{HashMap, HashSet};
use crate::text::words::{is_possessive, Lowercase};
use crate::text::{Document, Span};

/// How many mentions back a pronoun may skip a non-speaker to reach someone already quoted.
const RECENT_MENTIONS: usize = 8;

/// One mention of a (probable) name outside quotes.
#[derive(Debug, Clone, PartialEq)]
pub struct NameMention {
    /// The name as written, title stripped ("Ayers", "Nick Ayers").
    pub span: Span,
    /// First token of the name.
    pub first: usize,
    /// One past its last token.
    pub end: usize,
    /// Fullest form of the name in the document.
    pub canonical: String,
    /// The entity index when the entity layer found it.
    pub entity: Option<usize>,
    /// Gender told by a title or given name, if any.
    pub gender: Option<Gender>,
    /// True when it is known to name a person (PERSON entity, title, given name, or it spoke).
    pub person: bool,
    /// True when the entity layer says it is an organisation.
    pub org: bool,
}

/// Every name mention of a document, sorted by position.
#[derive(Debug, Clone, Default)]
pub struct Names {
    /// The mentions, sorted by start.
    pub mentions: Vec<NameMention>,
    /// Canonical names of the people quoted so far (filled while quotes are attributed in order).
    pub spoken: HashSet<String>,
    /// Descriptions the article writes beside a name ("Nick Ayers, Pence's chief of staff").
    pub ties: Vec<Tie>,
    /// Unnamed people heading a speech verb ("A spokesman for the ministry said"), by position.
    pub described: Vec<DescribedSpeaker>,
}

/// Surname key: the last word, lower-cased, without a possessive.
fn surname_key(name: &str) -> String {
    name.split_whitespace().last().unwrap_or("").to_lowercase()
}

impl Names {
    /// Finds the name mentions outside quotes (`in_quote[i]` is true for tokens inside a quote).
    pub fn build(doc: &Document, entities: &[Entity], in_quote: &[bool], lex: &Lexicon, lowered: &Lowered) -> Names {
        let mut mentions: Vec<NameMention> = Vec::new();
        // Tokens covered by a PERSON/ORG entity: those mentions come from the entity layer.
        let mut covered = vec![false; doc.tokens.len()];
        // Mentions whose entity was a wrong merge (by their span start), named again below.
        let mut unmerged: Vec<usize> = Vec::new();
        let mut sorted: Vec<&Entity> = entities
            .iter()
            .filter(|e| matches!(e.label, EntityLabel::Person | EntityLabel::Org))
            .collect();
        sorted.sort_by_key(|e| e.span.start);
        for e in sorted {
            let first = doc.token_at_or_after(e.span.start);
            let end = doc.token_at_or_after(e.span.end);
            if first >= end || in_quote.get(first).copied().unwrap_or(false) {
                continue;
            }
            for c in covered.iter_mut().take(end).skip(first) {
                *c = true;
            }
            let written = e.span.slice(doc.text);
            let mut canonical = checked_canonical(written, &e.canonical, lex);
            let given_of = |name: &str| {
                name.split_whitespace()
                    .next()
                    .and_then(|g| lex.given_names.get(g))
                    .copied()
                    .flatten()
            };
            let mut given = given_of(&canonical);
            // "Mr Osei", "Lord Carter": a gendered title before (or opening) the name tells more
            // than the given name, and an entity span often leaves the title out.
            let title_at = |t: usize| lex.titles.get(doc.token_text(t)).copied().flatten();
            let before = match first.checked_sub(1) {
                Some(t) if doc.token_text(t) == "." => t.checked_sub(1),
                t => t,
            };
            // The span's own first word counts only before more words ("King says" is a surname).
            let opening = (end > first + 1).then_some(first);
            let titled = before.into_iter().chain(opening).find_map(title_at);
            // "Mrs. Clinton" linked to "Bill Clinton": a title of the other gender than the given
            // name shows a wrong merge of two people sharing a surname, so the mention names itself.
            if titled.is_some_and(|t| given.is_some_and(|g| g != t)) {
                canonical = checked_canonical(written, written, lex);
                given = given_of(&canonical);
                unmerged.push(e.span.start);
            }
            mentions.push(NameMention {
                span: e.span,
                first,
                end,
                canonical,
                entity: Some(e.entity),
                gender: titled.or(given),
                person: e.label == EntityLabel::Person,
                org: e.label == EntityLabel::Org,
            });
        }
        let n = doc.tokens.len();
        // Tokens of a place, product or event the entity layer found: a capitalised run there may
        // hold a given name ("San Jose Open", "Victoria Park") but names no person.
        let mut placed = vec![false; n];
        for e in entities
            .iter()
            .filter(|e| matches!(e.label, EntityLabel::Loc | EntityLabel::Event | EntityLabel::Misc))
        {
            let first = doc.token_at_or_after(e.span.start);
            let end = doc.token_at_or_after(e.span.end);
            for p in placed.iter_mut().take(end).skip(first) {
                *p = true;
            }
        }
        let mut i = 0;
        while i < n {
            // A capitalised speech verb ("Obama Says…" in a headline) is no part of a name.
            let name_word = |i: usize| doc.is_capitalised(i) && !lex.is_cue(lowered.get(i));
            if in_quote[i] || covered[i] || !name_word(i) {
                i += 1;
                continue;
            }
            let start = i;
            while i < n
                && !in_quote[i]
                && !covered[i]
                && name_word(i)
                && (i == start || doc.tokens[i].newlines_before == 0)
            {
                i += 1;
            }
            let mut first = start;
            let mut gender = None;
            let mut titled = false;
            // "South Carolina Sen. Lindsey Graham": the name starts after the last title of the run.
            if let Some(t) = (start..i.saturating_sub(1))
                .rev()
                .find(|&t| lex.is_title(doc.token_text(t)))
            {
                first = t;
            }
            while first < i
                && (lex.is_title(doc.token_text(first))
                    || lex.np_stops.contains(doc.token_text(first))
                    || is_determiner(doc.token_text(first))
                    || lex.is_calendar_word(doc.token_text(first)))
            {
                if let Some(g) = lex.titles.get(doc.token_text(first)) {
                    titled = true;
                    gender = gender.or(*g);
                }
                first += 1;
            }
            // A trailing title-like word ("Trump Campaign") stays; an all-title run names no one.
            if first >= i {
                continue;
            }
            let span = Span::new(doc.tokens[first].span.start, doc.tokens[i - 1].span.end);
            let text = span.slice(doc.text);
            let given = lex.given_names.get(doc.token_text(first)).copied();
            if given.is_some() {
                gender = gender.or(given.flatten());
            }
            mentions.push(NameMention {
                span,
                first,
                end: i,
                canonical: text.to_string(),
                entity: None,
                gender,
                person: titled || (given.is_some() && i - first >= 2 && !placed[first..i].contains(&true)),
                org: false,
            });
        }
        mentions.sort_by_key(|m| m.span.start);
        // "Mr. Clinton" taken from "Hillary Clinton": the full name of the same surname whose given
        // name agrees with the title ("Bill Clinton"), when the article has one.
        for &start in &unmerged {
            let Some(i) = mentions.iter().position(|m| m.span.start == start) else {
                continue;
            };
            let (surname, gender) = (surname_key(&mentions[i].canonical), mentions[i].gender);
            // A full name whose given name agrees, else one whose given name tells no gender
            // ("Mrs. Abedini" with "Naghmeh Abedini" and "Saeed Abedini").
            let given = |o: &NameMention| {
                o.canonical
                    .split_whitespace()
                    .next()
                    .and_then(|g| lex.given_names.get(g).copied().flatten())
            };
            let same = |o: &&NameMention| {
                o.person && o.canonical.split_whitespace().count() >= 2 && surname_key(&o.canonical) == surname
            };
            let full = mentions
                .iter()
                .filter(same)
                .find(|o| gender.is_some() && given(o) == gender)
                .or_else(|| mentions.iter().filter(same).find(|o| given(o).is_none()));
            if let Some((canonical, entity)) = full.map(|o| (o.canonical.clone(), o.entity)) {
                mentions[i].canonical = canonical;
                mentions[i].entity = entity;
            }
        }
        let spans: Vec<(usize, usize)> = mentions.iter().map(|m| (m.first, m.end)).collect();
        let ties = descriptions::ties(doc, lex, lowered, &spans, in_quote)
            .into_iter()
            .filter(|t| mentions.get(t.mention).is_some_and(|m| m.person || m.org))
            .collect();
        let mut names = Names {
            mentions,
            spoken: HashSet::default(),
            ties,
            described: descriptions::described_speakers(doc, lex, lowered, in_quote),
        };
        names.canonicalise();
        names
    }

    /// Maps single-word mentions the entity layer did not link to the fullest multi-word person
    /// name with the same surname. The entity layer's own links are kept: it already chose each
    /// mention's entity, and an organisation ("ESPN Fires Schilling" in a headline) sharing a last
    /// word with a person is no fuller form of that person's name.
    fn canonicalise(&mut self) {
        let mut full: HashMap<String, (String, Option<Gender>, Option<usize>)> = HashMap::default();
        for m in &self.mentions {
            if m.canonical.split_whitespace().count() >= 2 && m.person && !m.org {
                let e = full
                    .entry(surname_key(&m.canonical))
                    .or_insert((m.canonical.clone(), m.gender, m.entity));
                if e.1.is_none() {
                    e.1 = m.gender;
                }
            }
        }
        for m in &mut self.mentions {
            if m.entity.is_some() {
                continue;
            }
            let surname = m.canonical.split_whitespace().last().unwrap_or("");
            if let Some((canon, g, ent)) = full.get(Lowercase::new(surname).as_str()) {
                if m.canonical.split_whitespace().count() <= canon.split_whitespace().count() {
                    m.canonical = canon.clone();
                    m.person = true;
                    m.gender = m.gender.or(*g);
                    m.entity = m.entity.or(*ent);
                }
            }
        }
    }

    /// Gives `q` the speaker named by the name mention inside tokens `[first, end)` (as
    /// [`Names::in_range`] finds it), and records that this person spoke. False when there is none.
    pub fn name_speaker(&mut self, doc: &Document, first: usize, end: usize, q: &mut Quote) -> bool {
        let Some(k) = self.in_range(doc, first, end) else {
            return false;
        };
        self.mark_person(k);
        let m = &self.mentions[k];
        self.spoken.insert(m.canonical.clone());
        q.speaker = Some(m.canonical.clone());
        q.speaker_entity = m.entity;
        q.speaker_span = Some(m.span);
        true
    }

    /// The last name mention inside tokens `[first, end)` that is not a possessive modifier
    /// ("Trump's campaign manager Corey Lewandowski" → Corey Lewandowski).
    pub fn in_range(&self, doc: &Document, first: usize, end: usize) -> Option<usize> {
        let from = self.mentions.partition_point(|m| m.end <= first);
        let mut best = None;
        for (k, m) in self.mentions.iter().enumerate().skip(from) {
            if m.first >= end {
                break;
            }
            let possessive = m.end < doc.tokens.len() && m.end < end && is_possessive(doc.token_text(m.end));
            if !possessive || best.is_none() {
                best = Some((k, possessive));
            }
            if !possessive {
                best = Some((k, false));
            }
        }
        best.map(|(k, _)| k)
    }

    /// Gives `q` the name the article ties, in apposition, to the definite description in tokens
    /// `[first, end)` ("the chief of staff" … "Nick Ayers, Pence's chief of staff"), when exactly
    /// one name is tied to it; the speaker span stays on the description. False otherwise.
    pub fn name_described(
        &mut self,
        doc: &Document,
        lex: &Lexicon,
        lowered: &Lowered,
        first: usize,
        end: usize,
        q: &mut Quote,
    ) -> bool {
        let Some(d) = Description::parse(doc, lex, lowered, first, end).filter(Description::is_definite) else {
            return false;
        };
        // The tie must be written before, to the person named last ("Nick Ayers, Pence's chief of
        // staff, … the chief of staff said"): a role word is reused for the next person it fits.
        let upto = self.mentions.partition_point(|m| m.end <= first);
        let last = self.mentions[..upto].iter().rev().find(|m| {
            m.person
                && !m.org
                && !doc
                    .tokens
                    .get(m.end)
                    .is_some_and(|t| is_possessive(t.span.slice(doc.text)))
        });
        let Some(last) = last.map(|m| m.canonical.clone()) else {
            return false;
        };
        let mut found: Option<usize> = None;
        for t in self
            .ties
            .iter()
            .filter(|t| t.mention < upto && t.description.matches(&d, lex))
        {
            match found {
                Some(k) if self.mentions[k].canonical != self.mentions[t.mention].canonical => return false,
                _ => found = Some(t.mention),
            }
        }
        let Some(k) = found.filter(|&k| self.mentions[k].canonical == last) else {
            return false;
        };
        let m = &self.mentions[k];
        self.spoken.insert(m.canonical.clone());
        q.speaker = Some(m.canonical.clone());
        q.speaker_entity = m.entity;
        true
    }

    /// The unnamed speaker "he" or "she" at token `at` refers back to: the last description of one
    /// person that headed a speech verb ("A spokesman for the ministry said …. He added"), in the
    /// pronoun's paragraph or the one before, agreeing in gender, with no person who agrees named
    /// after it. The speaker is the name the article ties the description to, if any
    /// ([`Names::name_described`]), else the description as written.
    pub fn description_antecedent(
        &mut self,
        doc: &Document,
        lex: &Lexicon,
        lowered: &Lowered,
        at: usize,
        pronoun: &str,
        q: &mut Quote,
    ) -> bool {
        let want = match Lowercase::new(pronoun).as_str() {
            "he" => Gender::Male,
            "she" => Gender::Female,
            _ => return false,
        };
        let upto = self.described.partition_point(|d| d.end <= at);
        let Some(d) = upto.checked_sub(1).map(|i| self.described[i].clone()) else {
            return false;
        };
        // At most one paragraph break between (counted backwards, stopping at the second).
        let far = (d.end..=at.min(doc.tokens.len().saturating_sub(1)))
            .rev()
            .filter(|&j| doc.tokens[j].newlines_before > 0)
            .nth(1)
            .is_some();
        if far || d.gender.is_some_and(|g| g != want) {
            return false;
        }
        let from = self.mentions.partition_point(|m| m.first < d.end);
        let named_since = (from..self.mentions.len())
            .take_while(|&i| self.mentions[i].end <= at)
            .any(|i| self.agrees(i, pronoun));
        if named_since {
            return false;
        }
        if !self.name_described(doc, lex, lowered, d.first, d.end, q) {
            let span = Span::new(doc.tokens[d.first].span.start, doc.tokens[d.end - 1].span.end);
            q.speaker = Some(span.slice(doc.text).to_string());
            q.speaker_entity = None;
        }
        true
    }

    /// Marks a mention as a person (it was seen speaking), so pronouns can find it.
    pub fn mark_person(&mut self, k: usize) {
        if let Some(m) = self.mentions.get_mut(k) {
            if !m.org {
                m.person = true;
            }
        }
    }

    /// The mention before byte `pos` that a pronoun opening an attribution ("he said") refers to;
    /// `said` is the quote it attributes (a full name written inside it is not its speaker).
    /// Candidates agree with the pronoun ([`Names::agrees`]) among the last 60 mentions; the nearest
    /// wins when it stands in the pronoun's own sentence (from byte `sentence_start`), has spoken
    /// already, or heads its clause (`is_subject`: "…, Jones repeated her innocence. "…," she
    /// said"). Otherwise someone already quoted among the last few mentions wins over a non-speaker
    /// just named: in "Blair … President Bush's re-election … he said", "he" is Blair; failing
    /// that, someone heading their clause ("Young shot to the top … dispatched by Ginepri … he said").
    pub fn speaker_antecedent(
        &self,
        pos: usize,
        sentence_start: usize,
        pronoun: &str,
        said: &str,
        is_subject: impl Fn(&NameMention) -> bool,
    ) -> Option<usize> {
        let upto = self.mentions.partition_point(|m| m.span.start < pos);
        // "I feel a bit for Nigel Worthington," he said: no one names themselves in their own words.
        let named_in_words = |k: usize| {
            let full = &self.mentions[k].canonical;
            full.contains(' ') && said.contains(full.as_str())
        };
        let mut candidates = (upto.saturating_sub(60)..upto)
            .rev()
            .filter(|&k| self.agrees(k, pronoun) && !named_in_words(k));
        let nearest = candidates.next()?;
        let m = &self.mentions[nearest];
        if m.span.start >= sentence_start || self.spoken.contains(&m.canonical) || is_subject(m) {
            return Some(nearest);
        }
        let recent = upto.saturating_sub(RECENT_MENTIONS);
        let earlier: Vec<usize> = candidates.take_while(|&k| k >= recent).collect();
        earlier
            .iter()
            .copied()
            .find(|&k| self.spoken.contains(&self.mentions[k].canonical))
            .or_else(|| earlier.iter().copied().find(|&k| is_subject(&self.mentions[k])))
            .or(Some(nearest))
    }

    /// True when mention `k` can be what `pronoun` refers to: a person of compatible gender for
    /// he/she, an organisation for they.
    pub fn agrees(&self, k: usize, pronoun: &str) -> bool {
        let Some(m) = self.mentions.get(k) else {
            return false;
        };
        match Lowercase::new(pronoun).as_str() {
            "he" | "him" | "his" => m.person && m.gender.is_none_or(|g| g == Gender::Male),
            "she" | "her" => m.person && m.gender.is_none_or(|g| g == Gender::Female),
            "they" | "them" => m.org,
            _ => false,
        }
    }
}

/// The entity layer's canonical name for a mention, checked against the mention as written: a
/// leading title is dropped ("Gov Fallin" → "Fallin"), and a full name whose given name differs
/// from the canonical's ("Jeb Bush" linked to "George W. Bush", "Dan Schwerin" to "Josh
/// Schwerin") is a wrong merge of two people sharing a surname, so the mention names itself.
fn checked_canonical<'a>(written: &'a str, canonical: &'a str, lex: &Lexicon) -> String {
    let strip = |s: &'a str| -> Vec<&'a str> {
        let mut words: Vec<&str> = s.split_whitespace().collect();
        let skip = words
            .iter()
            .take(words.len().saturating_sub(1))
            .take_while(|w| lex.is_title(w) || lex.titles_before_period.contains(*w))
            .count();
        words.drain(..skip);
        words
    };
    let canon = strip(canonical);
    let own = strip(written);
    if canon.is_empty() {
        return written.to_string();
    }
    let contained = |short: &[&str], long: &[&str]| !short.is_empty() && long.windows(short.len()).any(|w| w == short);
    // "Tracy Martin" linked to "Trayvon Martin": two first names before one surname.
    let first_name = |w: &str| {
        let lower = Lowercase::new(w);
        let lower = lower.as_str();
        w.chars().count() > 2
            && !w.ends_with('.')
            && !lex.is_cue(lower)
            && !lex.np_stops.contains(lower)
            && !matches!(
                lower,
                "dean" | "judge" | "justice" | "coach" | "father" | "pastor" | "chief"
            )
    };
    let two_given =
        own.len() == 2 && canon.len() == 2 && own[1] == canon[1] && first_name(own[0]) && first_name(canon[0]);
    let conflicting = own.len() >= 2
        && (two_given || own.first().is_some_and(|g| lex.given_names.contains_key(*g)))
        && !contained(&own, &canon)
        && own.first().map(|w| w.trim_end_matches('.')) != canon.first().map(|w| w.trim_end_matches('.'));
    if conflicting {
        own.join(" ")
    } else {
        canon.join(" ")
    }
}

/// True for words that begin a description ("the", "a", "his").
pub fn is_determiner(t: &str) -> bool {
    matches!(
        Lowercase::new(t).as_str(),
        "the"
            | "a"
            | "an"
            | "his"
            | "her"
            | "their"
            | "its"
            | "our"
            | "my"
            | "your"
            | "this"
            | "these"
            | "those"
            | "one"
            | "another"
            | "some"
            | "many"
            | "several"
            | "two"
            | "three"
            | "four"
            | "other"
            | "most"
            | "few"
            | "both"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> (Document<'_>, Names) {
        let doc = Document::new(text);
        let in_quote = vec![false; doc.tokens.len()];
        let n = Names::build(&doc, &[], &in_quote, &Lexicon::load(), &Lowered::new(&doc));
        (doc, n)
    }

    #[test]
    fn titles_are_stripped_and_surnames_map_to_the_full_name() {
        let (doc, n) = names("Sen. Nick Ayers spoke. Later Ayers left.");
        let texts: Vec<&str> = n.mentions.iter().map(|m| m.span.slice(doc.text)).collect();
        assert_eq!(texts, ["Nick Ayers", "Ayers"]);
        assert_eq!(n.mentions[1].canonical, "Nick Ayers");
        assert!(n.mentions[1].person);
    }

    #[test]
    fn pronouns_find_the_latest_compatible_person() {
        let (doc, n) = names("Mrs. Jane Smith met Mr. Tom Brown in Paris.");
        let end = doc.text.len();
        let find = |pronoun| n.speaker_antecedent(end, 0, pronoun, "", |_| false).unwrap();
        assert_eq!(n.mentions[find("she")].canonical, "Jane Smith");
        assert_eq!(n.mentions[find("he")].canonical, "Tom Brown");
    }
}
