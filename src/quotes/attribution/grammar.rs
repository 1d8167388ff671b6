//! The shallow grammar every strategy shares: clause bounds, subjects of verbs and the noun
//! phrases before and after a cue.

use super::{Attribution, Context, BEFORE_WINDOW, MAX_PHRASE};
use crate::quotes::lexicon::Pronoun;
use crate::quotes::names::is_determiner;
use crate::text::words::is_possessive;
use crate::text::TokenKind;

impl Context<'_, '_> {
    /// Start of the clause before token `first`: back to a sentence end outside quotes, a paragraph
    /// break, `, but`-style clause joints, or the window limit. Other quotes are crossed (a sentence
    /// may hold several partial quotes of one speaker).
    pub(super) fn clause_floor(&self, first: usize) -> usize {
        let lo = first.saturating_sub(BEFORE_WINDOW);
        let mut floor = first;
        let mut k = first;
        while k > lo {
            let j = k - 1;
            if self.doc.tokens[j + 1].newlines_before > 0 {
                break;
            }
            if self.quote_of[j].is_none() {
                let t = self.text(j);
                if self.terminal(j) || t == ";" {
                    break;
                }
            }
            floor = j;
            k = j;
        }
        floor
    }

    /// The subject of a participle or infinitive cue (`Trump again knocked Clinton, saying "…"`):
    /// the first name or personal pronoun of the clause that a verb follows.
    pub(super) fn clause_subject(&self, floor: usize, cue: usize) -> Option<Attribution> {
        let mut j = floor;
        // "After the Paris attacks, Trump released…": an introductory phrase ends at its comma.
        if j < cue && (self.is_preposition(j) || self.lex.np_stops.contains(self.text(j))) {
            // The comma may close a quote inside the phrase (`… a federal "deportation force," Will`).
            let ends_intro = |c: usize| {
                self.text(c) == ","
                    && (self.quote_of[c].is_none()
                        || (c + 1 < cue
                            && self.quote_of[c + 1] == self.quote_of[c]
                            && self.doc.tokens[c + 1].kind == TokenKind::Punct
                            && self.quote_of.get(c + 2).copied().flatten() != self.quote_of[c]))
            };
            if let Some(c) = (j..cue.min(j + 45)).find(|&c| ends_intro(c)) {
                j = c + 1;
                while j < cue && self.quote_of[j].is_some() && self.doc.tokens[j].kind == TokenKind::Punct {
                    j += 1;
                }
            }
        }
        // "The team cited "…"": a short description heading the clause, up to its verb.
        if j < cue && is_determiner(self.text(j)) {
            for e in j + 2..(j + 7).min(cue) {
                if self.quote_of[e].is_some() || self.doc.tokens[e].kind != TokenKind::Word {
                    break;
                }
                if self.verb_ish(e) {
                    return Some(Attribution { first: j, end: e, cue });
                }
            }
        }
        while j < cue {
            if self.quote_of[j].is_some() {
                j += 1;
                continue;
            }
            let third_person = matches!(self.lex.pronoun(self.lower(j)), Some(Pronoun::Person | Pronoun::Group));
            if third_person && self.verb_like(j + 1) {
                return Some(Attribution {
                    first: j,
                    end: j + 1,
                    cue,
                });
            }
            if self.doc.is_capitalised(j) {
                let mut s = j;
                while j < cue && self.doc.is_capitalised(j) && self.quote_of[j].is_none() {
                    j += 1;
                }
                let name_end = j;
                // "But Trump quickly deflected": a sentence-initial conjunction is no part of the name.
                while s + 1 < name_end && (self.lex.np_stops.contains(self.text(s)) || is_determiner(self.text(s))) {
                    s += 1;
                }
                // "Rep. Hakeem Jeffries (D-N.Y.) reacted": the party label sits between name and verb.
                let mut v = j;
                // "Donald Trump on Thursday ratcheted up…": a time phrase sits between them.
                if v + 1 < cue
                    && self.lex.time_openers.contains(self.lower(v))
                    && (self.lex.is_calendar_word(self.text(v + 1)) || self.lex.time_units.contains(self.lower(v + 1)))
                {
                    v += 2;
                }
                if v < cue && self.text(v) == "(" {
                    if let Some(c) = (v + 1..(v + 8).min(cue)).find(|&c| self.text(c) == ")") {
                        v = c + 1;
                    }
                }
                // "Silverman, herself a Sanders supporter, incurred…": skip the apposition.
                if v < cue && self.text(v) == "," {
                    if let Some(c) =
                        (v + 1..(v + 24).min(cue)).find(|&c| self.text(c) == "," && self.quote_of[c].is_none())
                    {
                        if self.verb_like(c + 1) {
                            v = c + 1;
                        }
                    }
                }
                // "Cruz's lawyers relied on…": a possessive description.
                if v + 1 < cue && is_possessive(self.text(v)) {
                    if let Some(e) = (v + 1..(v + 4).min(cue)).find(|&e| self.verb_ish(e)) {
                        if e > v + 1
                            && (v + 1..e)
                                .all(|w| self.doc.tokens[w].kind == TokenKind::Word && !self.doc.is_capitalised(w))
                        {
                            return Some(Attribution { first: s, end: e, cue });
                        }
                    }
                }
                let lone_word = name_end == s + 1 && !self.mid_caps.contains(self.text(s)) && !self.person[s];
                // "Mr. Butterfield, noting that the party's "…"": a participle right after the name's comma.
                // Not "…with reporters at the United Nations, saying": that name is a preposition's object.
                let mut p = s;
                while p > floor && is_determiner(self.text(p - 1)) {
                    p -= 1;
                }
                let object = p > floor && self.is_preposition(p - 1);
                let participle_after_name =
                    v + 1 == cue && self.text(v) == "," && self.is_cue(cue) && self.is_participle(cue) && !object;
                if v < cue
                    && (self.verb_ish(v) || participle_after_name)
                    && !lone_word
                    && !self.lex.np_stops.contains(self.text(s))
                    && !self.lex.is_calendar_word(self.text(s))
                {
                    let (f, e) = self.phrase_before(name_end, floor)?;
                    return Some(Attribution { first: f, end: e, cue });
                }
                continue;
            }
            j += 1;
        }
        None
    }

    /// The subject of a cue, read backwards from it: `Ayers also said`, `Nick Ayers, Pence's chief of
    /// staff, said` (the name before the apposition), `a senior official said`.
    pub(super) fn subject_before(&self, cue: usize, floor: usize) -> Option<(usize, usize)> {
        if cue > floor && self.text(cue - 1) == "to" {
            // "tried to argue", "went on to say": the subject heads the clause.
            return self.clause_subject(floor, cue).map(|a| (a.first, a.end));
        }
        let mut k = self.skip_to_subject(cue, floor);
        // "denied by Shepherd, who accused the striker of "…"": a relative clause's subject is the
        // name it hangs on, not a noun phrase further back.
        if k >= floor + 3 && self.lower(k - 1) == "who" && self.text(k - 2) == "," && self.quote_of[k - 2].is_none() {
            let (f, e) = self.phrase_before(k - 2, floor)?;
            // "said Jane Ortiz, a Penn State freshman, who said": the name before the apposition.
            if f > floor + 1 && self.text(f - 1) == "," && !self.doc.is_capitalised(f) {
                if let Some((nf, ne)) = self.phrase_before(f - 1, floor) {
                    if (nf..ne).all(|w| self.doc.is_capitalised(w)) {
                        return Some((nf, ne));
                    }
                }
            }
            // Only a name ("was steep for Mr. Sanders, who said" → Mr. Sanders): "his show's
            // listeners, who wondered" may sit inside an earlier speaker's words.
            if !self.doc.is_capitalised(e - 1) {
                return None;
            }
            let f = (f..e).find(|&w| self.doc.is_capitalised(w)).unwrap_or(e - 1);
            return Some((f, e));
        }
        // "B&B - which has a 22% share of the market - said": a dash-delimited aside.
        let spaced_dash = |j: usize| {
            matches!(self.text(j), "-" | "\u{2013}" | "\u{2014}")
                && self.doc.tokens[j].space_before
                && self.quote_of[j].is_none()
        };
        if k > floor + 1 && spaced_dash(k - 1) {
            if let Some(d) = (floor.max(k.saturating_sub(20))..k - 1).rev().find(|&d| spaced_dash(d)) {
                if d > floor {
                    k = d;
                }
            }
        }
        // `Amar, author of "America's Constitution," put it`: the apposition's comma sits inside a quote.
        if k > floor && self.quote_of[k - 1].is_some() {
            let q = self.quote_of[k - 1];
            let mut m = k - 1;
            while m > floor
                && self.quote_of[m].is_some()
                && self.doc.tokens[m].kind == TokenKind::Punct
                && self.text(m) != ","
            {
                m -= 1;
            }
            if self.text(m) == "," && self.quote_of[m] == q {
                let mut qs = m;
                while qs > floor && self.quote_of[qs - 1] == q {
                    qs -= 1;
                }
                // Search for the opening comma from just before the quote.
                if let Some(c) = (floor.max(qs.saturating_sub(25))..qs)
                    .rev()
                    .find(|&c| self.text(c) == "," && self.quote_of[c].is_none())
                {
                    return self.phrase_before(c, floor);
                }
                k = qs;
            }
        }
        if k > floor && self.text(k - 1) == "," {
            // "her personal lawyer, David E. Kendall, wrote": the apposition is the name itself.
            if let Some(c) = (floor.max((k - 1).saturating_sub(6))..k - 1)
                .rev()
                .find(|&c| self.text(c) == ",")
            {
                let name = c + 1..k - 1;
                if !name.is_empty()
                    && name
                        .clone()
                        .all(|w| self.doc.is_capitalised(w) && self.quote_of[w].is_none())
                    && c > floor
                    && !self.doc.is_capitalised(c - 1)
                    && self.doc.tokens[c - 1].kind == TokenKind::Word
                {
                    return Some((name.start, name.end));
                }
            }
            // An apposition or relative clause: find the comma that opens it (quotes may sit inside);
            // "Cory James, 22, of Flint, Mich., said" chains several, so walk back over those that
            // open no subject (a number, "of Flint", a bare place after a comma).
            let lo = (k - 1).saturating_sub(30).max(floor);
            let mut j = k - 1;
            let mut found = None;
            let mut hops = 0;
            while j > lo && hops < 4 {
                j -= 1;
                if self.quote_of[j].is_none() && self.terminal(j) {
                    break;
                }
                if self.quote_of[j].is_none() && self.text(j) == "," {
                    found = Some(j);
                    hops += 1;
                    let weak = match self.phrase_before(j, floor) {
                        None => true,
                        Some((f, e)) => {
                            // "Brian Fallon" after "In a statement," is the subject; "Flint" after "22, of" is not.
                            // "For now, Pantucci, at the institute, said": a person's surname is a subject too.
                            // "In Texas, the journalist Olivia Messer, writing in …, described": a
                            // description ending in a person's full name is a subject too.
                            let full_name = (e >= f + 2 && (f..e).all(|w| self.doc.is_capitalised(w)))
                                || (e >= f + 3 && self.person[e - 1] && self.person[e - 2])
                                || ((f..e).all(|w| self.person[w])
                                    && !(f > floor && self.lex.origin_words.contains(self.text(f - 1))));
                            let origin = f > floor
                                && (self.text(f - 1) == "," || self.lex.origin_words.contains(self.text(f - 1)));
                            (origin && !full_name) || self.doc.tokens[f].kind == TokenKind::Number
                        }
                    };
                    if !weak {
                        break;
                    }
                }
            }
            k = found?;
        }
        for _attempt in 0..2 {
            let (first, end) = self.phrase_before(k, floor)?;
            // "Trump in recent days has suggested": a prepositional phrase is not the subject
            // ("after", "since" are more often conjunctions: "after the front-runner had said").
            if first > floor
                && self.is_preposition(first - 1)
                && !self.lex.conjunction_prepositions.contains(self.lower(first - 1))
                && first - 1 > floor
                && !self.doc.is_capitalised(end - 1)
            {
                k = first - 1;
                continue;
            }
            // "a White House official who spoke anonymously to discuss strategy said", "a source
            // speaking to Fox News said": the subject comes before the relative or participle clause.
            let lo = first.saturating_sub(10).max(floor);
            let clause = (lo..first)
                .rev()
                .take_while(|&j| self.quote_of[j].is_none() && self.doc.tokens[j].kind == TokenKind::Word)
                .find(|&j| {
                    let t = self.text(j);
                    (t == "who" || (t.ends_with("ing") && !self.doc.is_capitalised(j) && !self.lex.is_cue(t)))
                        && j > floor
                        && self.doc.tokens[j - 1].kind == TokenKind::Word
                        && !self.lex.np_stops.contains(self.text(j - 1))
                        && !self.lex.phrase_links.contains(self.text(j - 1))
                        && (first == floor
                            || !self.lex.np_stops.contains(self.text(first - 1))
                            || self.lex.stops_before_clause_subject.contains(self.text(first - 1)))
                });
            if let Some(c) = clause {
                if let Some(p) = self.phrase_before(c, floor) {
                    return Some(p);
                }
            }
            if self.lex.is_calendar_word(self.text(first)) && end == first + 1 {
                return None;
            }
            return Some((first, end));
        }
        None
    }

    /// Skips, backwards from token `k`, what may stand between a subject and its verb: adverbs,
    /// "on Tuesday", a parenthesis, "tried to". Returns the new position.
    pub(super) fn skip_to_subject(&self, mut k: usize, floor: usize) -> usize {
        let mut steps = 0;
        while k > floor && steps < 6 {
            steps += 1;
            let t = self.text(k - 1);
            let lower = self.lower(k - 1);
            if (self.lex.adverbs.contains(lower) && !self.doc.is_capitalised(k - 1))
                || (lower.ends_with("ly") && t.len() > 4 && !self.doc.is_capitalised(k - 1))
            {
                k -= 1;
            } else if k >= floor + 2
                && self.lower(k - 2) == "on"
                && self.doc.is_capitalised(k - 1)
                && t.ends_with("day")
            {
                k -= 2;
            } else if self.lex.is_calendar_word(t) {
                k -= 1;
            } else if self.lex.verb_helpers.contains(t) {
                // "a spokesman for Bernie Sanders could only quip:"
                k -= 1;
            } else if lower == "ago" {
                // "The State Department less than two weeks ago said"
                let mut j = k - 1;
                while j > floor
                    && k - j < 5
                    && !self.doc.is_capitalised(j - 1)
                    && self.quote_of[j - 1].is_none()
                    && self.doc.tokens[j - 1].kind != TokenKind::Punct
                {
                    j -= 1;
                }
                k = j;
            } else if k >= floor + 2
                && (self.lex.time_units.contains(lower) || self.lex.parts_of_day.contains(lower))
                && self.lex.time_shifts.contains(self.lower(k - 2))
            {
                k -= 2;
            } else if t == ")" {
                let lo = k.saturating_sub(10).max(floor);
                match (lo..k - 1).rev().find(|&j| self.text(j) == "(") {
                    Some(j) => k = j,
                    None => break,
                }
            } else {
                break;
            }
        }
        k
    }

    /// The noun phrase ending just before token `end` (at most [`MAX_PHRASE`] tokens).
    pub(super) fn phrase_before(&self, end: usize, floor: usize) -> Option<(usize, usize)> {
        let mut end = end;
        // "Sen. Richard J. Durbin (D-Ill.)": the party label is not part of the name.
        if end > floor && self.text(end - 1) == ")" {
            if let Some(o) = (end.saturating_sub(8).max(floor)..end - 1)
                .rev()
                .find(|&o| self.text(o) == "(")
            {
                end = o;
            }
        }
        let mut first = end;
        while first > floor && end - first < MAX_PHRASE {
            let j = first - 1;
            let t = self.text(j);
            if self.quote_of[j].is_some() {
                break;
            }
            let word = self.doc.tokens[j].kind != TokenKind::Punct;
            if is_possessive(t) || (word && self.lex.phrase_links.contains(t)) || matches!(t, "-" | "&") {
                first = j;
                continue;
            }
            if !word || self.lex.np_stops.contains(t) || self.lex.is_cue(t) {
                break;
            }
            let personal = self.lex.pronoun(self.lower(j)).is_some_and(Pronoun::is_personal);
            if j + 1 < end && personal {
                // "provisions he said": the pronoun is the whole subject.
                break;
            }
            first = j;
            // "a spokesman for the campaign": a determiner after "of"/"for" is inside the phrase.
            let inner_determiner =
                j > floor + 1 && self.lex.phrase_links.contains(self.text(j - 1)) && self.quote_of[j - 1].is_none();
            if (is_determiner(t) && !inner_determiner) || self.doc.tokens[j].newlines_before > 0 || personal {
                break;
            }
        }
        let link = |j: usize| self.lex.phrase_links.contains(self.text(j)) || matches!(self.text(j), "-" | "&");
        while first < end && (link(first) || is_possessive(self.text(first))) {
            first += 1;
        }
        if first < end && self.has_content(first, end) {
            Some((first, end))
        } else {
            None
        }
    }

    /// The speaker phrase after an inverted cue: `said Nick Ayers, Pence's chief of staff` → Nick Ayers;
    /// `said a senior official` → a senior official.
    pub(super) fn phrase_after(&self, from: usize) -> Option<(usize, usize)> {
        let n = self.doc.tokens.len();
        let mut j = from;
        let limit = (from + MAX_PHRASE).min(n);
        while j < limit {
            let t = self.text(j);
            if self.quote_of[j].is_some() || (j > from && self.doc.tokens[j].newlines_before > 0) {
                break;
            }
            let word = self.doc.tokens[j].kind != TokenKind::Punct;
            let ok = word && !self.lex.np_stops.contains(t) && !self.lex.is_cue(t)
                || (j > from && matches!(t, "-" | "&"))
                || (j > from && is_possessive(t));
            if !ok {
                break;
            }
            j += 1;
        }
        // A description ends before a prepositional tail it picked up ("a spokesman for" → keep "for X").
        while j > from && (self.lex.phrase_links.contains(self.text(j - 1)) || matches!(self.text(j - 1), "-" | "&")) {
            j -= 1;
        }
        if j > from && self.has_content(from, j) {
            Some((from, j))
        } else {
            None
        }
    }

    /// True when tokens `[first, end)` hold more than determiners.
    pub(super) fn has_content(&self, first: usize, end: usize) -> bool {
        (first..end).any(|j| self.doc.tokens[j].kind == TokenKind::Word && !is_determiner(self.text(j)))
    }

    /// True for a word that can follow a subject: a lower-case word that is no determiner, preposition
    /// or conjunction ("tried", "again", "has"), i.e. probably the verb group.
    pub(super) fn verb_like(&self, i: usize) -> bool {
        if i >= self.doc.tokens.len() || self.doc.tokens[i].kind != TokenKind::Word || self.doc.is_capitalised(i) {
            return false;
        }
        let t = self.text(i);
        let aux = self.lex.auxiliaries.contains(t);
        aux || !(is_determiner(t)
            || is_possessive(t)
            || self.lex.np_stops.contains(t)
            || self.lex.phrase_links.contains(t))
    }

    /// True for a word that looks like a finite verb: a cue, an -ed or -s form, an irregular form,
    /// an adverb ("Trump again knocked"). Stricter than [`Self::verb_like`]: "nominee" fails.
    pub(super) fn verb_ish(&self, i: usize) -> bool {
        if i >= self.doc.tokens.len() || self.doc.tokens[i].kind != TokenKind::Word || self.doc.is_capitalised(i) {
            return false;
        }
        let t = self.text(i);
        self.lex.is_cue(t)
            || self.lex.irregular_verbs.contains(t)
            || self.lex.adverbs.contains(t)
            || (t.len() > 3 && t.ends_with("ly"))
            || (!self.lex.np_stops.contains(t) && (t.ends_with("ed") || (t.ends_with('s') && !t.ends_with("ss"))))
    }

    /// False for a phrase no one could be: a verb group picked up as a subject ("stopped short of",
    /// "having", "secretary of" before a misread cue). Names, descriptions and plural nouns pass.
    pub(super) fn plausible_speaker(&self, a: &Attribution) -> bool {
        let first = self.lower(a.first);
        let last = self.lower(a.end - 1);
        let capitalised = (a.first..a.end).any(|j| self.doc.is_capitalised(j));
        let verb_head = !self.doc.is_capitalised(a.first)
            && (first.ends_with("ing") || first.ends_with("ed") || self.lex.adverbs.contains(first));
        // "Currently, India has…": a sentence adverb set off by its comma, capitalised only as the
        // sentence's first word, names no one.
        let opener = a.end == a.first + 1
            && first.ends_with("ly")
            && !self.mid_caps.contains(self.text(a.first))
            && self.doc.tokens.get(a.end).is_some_and(|_| self.text(a.end) == ",");
        !opener && !((self.lex.phrase_links.contains(last) || last == "to" || verb_head) && !capitalised)
    }
}
