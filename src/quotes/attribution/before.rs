//! `quote/before`: a cue before the opening mark in the same sentence.

use super::{Attribution, Context, Site};
use crate::text::words::is_possessive;

/// `quote/before`: `X said: "…"`, `X told reporters "…"`, and partial quotes inside reported
/// speech (`Ayers said Pence also "met with defectors"`): the speech verb nearest the quote whose
/// subject is found.
pub(super) fn before(cx: &Context<'_, '_>, site: &Site<'_>) -> Option<Attribution> {
    site.before(cx)
}

impl Context<'_, '_> {
    /// A cue before the opening mark in the same sentence: the nearest one whose subject is found.
    pub(super) fn before(&self, first: usize) -> Option<Attribution> {
        if first == 0 || first >= self.doc.tokens.len() || self.doc.tokens[first].newlines_before > 0 {
            return None;
        }
        let floor = self.clause_floor(first);
        if floor == first {
            return None;
        }
        if let Some(a) = (floor..first).rev().find_map(|j| {
            if self.quote_of[j].is_none() {
                self.according_to(j)
            } else {
                None
            }
        }) {
            // "X said Tuesday that according to its analysis, … "…"": the speaker who reports the
            // source owns the quote.
            let reporter = (floor..a.cue).find_map(|j| {
                if self.is_cue(j) && !self.is_participle(j) && self.quote_of[j].is_none() {
                    self.subject_before(j, floor).map(|(f, e)| Attribution {
                        first: f,
                        end: e,
                        cue: j,
                    })
                } else {
                    None
                }
            });
            // "According to an advance text released by officials, he told delegates: "…"": the
            // clause after the source has its own speaker and verb, and they own the quote when
            // the source is a document relaying their words (an outlet keeps it: PolNeAR's reading).
            let document = (a.first..a.end).any(|j| self.lex.speech_documents.contains(self.lower(j)));
            let own = (a.end..first).rev().filter(|_| document).find_map(|j| {
                if self.is_cue(j) && !self.is_participle(j) && self.quote_of[j].is_none() {
                    let comma = (a.end..j).rev().find(|&c| self.text(c) == ",")?;
                    self.subject_before(j, comma + 1).map(|(f, e)| Attribution {
                        first: f,
                        end: e,
                        cue: j,
                    })
                } else {
                    None
                }
            });
            return Some(reporter.or(own).unwrap_or(a));
        }
        // "(Clinton called it "…"), Trump inflamed tensions by saying, "…"": a cue inside a closed
        // parenthesis speaks for its own aside, not for the quote after it.
        let mut aside = vec![false; first - floor];
        let mut open: Vec<usize> = Vec::new();
        for j in floor..first {
            match self.text(j) {
                "(" if self.quote_of[j].is_none() => open.push(j),
                ")" if self.quote_of[j].is_none() => {
                    if let Some(o) = open.pop() {
                        aside[o - floor..=j - floor].iter_mut().for_each(|a| *a = true);
                    }
                }
                _ => {}
            }
        }
        let cue_at = |j: usize| !aside[j - floor] && self.is_cue(j);
        let has_finite = (floor..first).any(|j| cue_at(j) && !self.is_participle(j));
        for j in (floor..first).rev() {
            if !cue_at(j) {
                continue;
            }
            if self.is_participle(j) {
                // "with Donald Trump tweeting that…": the name right before the participle.
                if j > floor && self.doc.is_capitalised(j - 1) {
                    if let Some((f, e)) = self.phrase_before(j, floor) {
                        // Also `… – Ryan saying he was "…"`, an absolute clause after a dash.
                        let opener =
                            |w: &str| self.lex.absolute_openers.contains(w) || matches!(w, "\u{2013}" | "\u{2014}");
                        if f > floor && opener(self.lower(f - 1)) {
                            return Some(Attribution {
                                first: f,
                                end: e,
                                cue: j,
                            });
                        }
                    }
                }
                if has_finite {
                    continue;
                }
                if let Some(a) = self.clause_subject(floor, j) {
                    return Some(a);
                }
                continue;
            }
            if let Some((f, e)) = self.subject_before(j, floor) {
                // "Israel said Clinton called on members to be "…"": when the cue sits in the
                // complement of an earlier cue (no comma between), the outer speaker owns the quote.
                // A name opening an inner clause further on ("a woman asked for a photo and
                // Clinton said") speaks for itself; a description there is part of the outer
                // speaker's words ("Richards noted that what her business calls "…"").
                let named = self.doc.is_capitalised(f);
                let outer = (floor..f).rev().find(|&o| {
                    self.is_cue(o)
                        && !self.is_participle(o)
                        && (!named || (f <= o + 4 && !(o..f).any(|m| self.lex.clause_joiners.contains(self.lower(m)))))
                        && (o..f).all(|m| self.quote_of[m].is_none() && !matches!(self.text(m), "," | ";"))
                });
                if let Some(o) = outer {
                    if let Some((of, oe)) = self.subject_before(o, floor) {
                        return Some(Attribution {
                            first: of,
                            end: oe,
                            cue: o,
                        });
                    }
                }
                return Some(Attribution {
                    first: f,
                    end: e,
                    cue: j,
                });
            }
            // `But, said Solovey, "…"`: an inverted cue before the quote.
            if j > floor && matches!(self.text(j - 1), "," | "\u{2014}") || j == floor {
                if let Some((f, e)) = self.phrase_after(j + 1) {
                    if e < first && matches!(self.text(e), "," | ":") {
                        return Some(Attribution {
                            first: f,
                            end: e,
                            cue: j,
                        });
                    }
                }
            }
            // "X thanked them and called it "…"": the subject heads the clause.
            if j > floor && self.lex.clause_joiners.contains(self.lower(j - 1)) {
                // "Suu Kyi, 70, said it was too early but added, "…"": the subject of the first verb.
                let earlier = (floor..j - 1).rev().find_map(|o| {
                    if self.is_cue(o) && !self.is_participle(o) && self.quote_of[o].is_none() {
                        self.subject_before(o, floor).map(|(f, e)| Attribution {
                            first: f,
                            end: e,
                            cue: o,
                        })
                    } else {
                        None
                    }
                });
                if let Some(a) = earlier.or_else(|| self.clause_subject(floor, j)) {
                    return Some(a);
                }
            }
        }
        // A headline `Ryan: 'No Place In A President'`: the name before the colon speaks.
        // The colon nearest the quote: `Clinton: "…" Bush: "…"` gives each quote its own label.
        if let Some(colon) = (floor..first)
            .rev()
            .find(|&j| self.text(j) == ":" && self.quote_of[j].is_none())
        {
            // Also `Chris Cillizza, The Washington Post: "…"` and `Rep. Trey Gowdy (R-S.C.): "…"`.
            let label_like = |j: usize| {
                self.doc.is_capitalised(j)
                    || is_possessive(self.text(j))
                    || matches!(self.text(j), "," | "(" | ")" | "&")
                    || self.lex.label_words.contains(self.text(j))
            };
            // A quote before the label closes what came before it (`Clinton: "…" Bush: "…"`).
            let floor = (floor..colon)
                .rev()
                .find(|&j| self.quote_of[j].is_some())
                .map_or(floor, |j| j + 1);
            // `Voters care more about inspiration - Frank Newport and Jim Harter: "…"`: a digest's
            // finding, a dash, then the source.
            let floor = (floor..colon)
                .rev()
                .find(|&d| {
                    matches!(self.text(d), "-" | "\u{2013}" | "\u{2014}")
                        && self.doc.tokens[d].space_before
                        && d + 1 < colon
                        && colon - d <= 7
                })
                .map_or(floor, |d| d + 1);
            if colon > floor && colon - floor <= 10 && (floor..colon).all(label_like) && self.doc.is_capitalised(floor)
            {
                let mut e = floor;
                while e < colon && (self.doc.is_capitalised(e) || is_possessive(self.text(e))) {
                    e += 1;
                }
                return Some(Attribution {
                    first: floor,
                    end: e,
                    cue: colon,
                });
            }
            // `Gillibrand on Clinton's Speeches: 'She Will'`: a headline's name before "on" and its
            // topic speaks, not a capitalised run of the topic.
            if colon + 1 == first {
                let on = (floor + 1..colon.min(floor + 5)).find(|&j| self.text(j) == "on");
                if let Some(on) = on.filter(|&on| (floor..on).all(|j| self.doc.is_capitalised(j))) {
                    return Some(Attribution {
                        first: floor,
                        end: on,
                        cue: colon,
                    });
                }
            }
            // `Jeremy Lott, author: "…"`, `Former secretary of state Hillary Clinton: "…"`: a verbless
            // label right before the quote; its (first) full name speaks.
            if colon + 1 == first && colon > floor && colon - floor <= 12 && (floor..colon).all(|j| !self.verb_ish(j)) {
                let mut j = floor;
                while j < colon {
                    let s = j;
                    while j < colon && self.doc.is_capitalised(j) {
                        j += 1;
                    }
                    if j >= s + 2 {
                        return Some(Attribution {
                            first: s,
                            end: j,
                            cue: colon,
                        });
                    }
                    j = j.max(s + 1);
                }
            }
        }
        // A partial quote with no speech verb (`Clinton supports "appropriate pay raises"`) is the
        // words of the clause's subject, unless a label introduces it ("so-called", "dubbed").
        None
    }
}
