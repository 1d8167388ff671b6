//! Word lists that help the tagger generalise beyond the names in its training text: countries,
//! places, given names, organisation words, titles, common words. Each list lives in
//! `data/entities/` (sources and licences in `data/README.md`); phrases are matched on tokens,
//! case-insensitively, by hash, so lookups allocate nothing.

use super::clusters::{WordClass, WordClasses};
use super::hash::{fnv64_lower, fnv64_start, phrase_step, PassThroughBuild};
use crate::fasthash::WordShapes;
use crate::text::{Document, TokenKind};
use std::collections::HashMap;
use std::sync::OnceLock;

/// The longest phrase (in tokens) looked up.
pub const MAX_PHRASE: usize = 4;

/// One word list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum LexClass {
    /// Country names.
    Country = 0,
    /// Nationality words ("German", "North Koreans").
    Demonym,
    /// States, provinces, continents.
    Region,
    /// Cities.
    City,
    /// Given names.
    GivenName,
    /// Frequent lower-case English words.
    Common,
    /// Person titles ("Sen.", "President").
    Title,
    /// Organisation words ("Corp", "Ministry").
    OrgWord,
    /// News organisations and wire services.
    NewsOrg,
    /// Event words ("Olympics", "Cup").
    EventWord,
    /// Religious and political groups.
    Group,
    /// Legal forms that end company names ("Inc", "Ltd").
    LegalSuffix,
    /// Large companies and brands.
    Company,
    /// Frequent surnames.
    Surname,
    /// Smaller towns and cities (those not in [`LexClass::City`]).
    Town,
    /// Places named in WordNet.
    WnPlace,
    /// Organisations named in WordNet.
    WnOrg,
    /// Other things named in WordNet (wars, works, buildings, eras).
    WnOther,
    /// All-capital common nouns ("VCR", "GMT"); matched only where the word is written in capitals.
    Acronym,
}

/// Number of word lists.
pub const LEX_CLASSES: usize = 19;

impl LexClass {
    /// Every class, in bit order.
    pub const ALL: [LexClass; LEX_CLASSES] = [
        LexClass::Country,
        LexClass::Demonym,
        LexClass::Region,
        LexClass::City,
        LexClass::GivenName,
        LexClass::Common,
        LexClass::Title,
        LexClass::OrgWord,
        LexClass::NewsOrg,
        LexClass::EventWord,
        LexClass::Group,
        LexClass::LegalSuffix,
        LexClass::Company,
        LexClass::Surname,
        LexClass::Town,
        LexClass::WnPlace,
        LexClass::WnOrg,
        LexClass::WnOther,
        LexClass::Acronym,
    ];

    /// The bit of this class in a mask.
    pub const fn bit(self) -> u32 {
        1 << (self as u8)
    }

    /// The list's name as shown in a reason ("lexicon: countries").
    pub fn name(self) -> &'static str {
        match self {
            LexClass::Country => "countries",
            LexClass::Demonym => "nationalities",
            LexClass::Region => "regions",
            LexClass::City => "cities",
            LexClass::GivenName => "given names",
            LexClass::Common => "common words",
            LexClass::Title => "titles",
            LexClass::OrgWord => "organisation words",
            LexClass::NewsOrg => "news organisations",
            LexClass::EventWord => "event words",
            LexClass::Group => "groups",
            LexClass::LegalSuffix => "company legal forms",
            LexClass::Company => "companies",
            LexClass::Surname => "surnames",
            LexClass::Town => "towns",
            LexClass::WnPlace => "places in WordNet",
            LexClass::WnOrg => "organisations in WordNet",
            LexClass::WnOther => "other names in WordNet",
            LexClass::Acronym => "common acronyms",
        }
    }

    fn table(self) -> &'static str {
        // The largest lists are embedded packed by build.rs and unpacked once, on first use.
        static UNPACKED: [OnceLock<String>; LEX_CLASSES] = [const { OnceLock::new() }; LEX_CLASSES];
        let packed = |bytes: &'static [u8]| -> &'static str {
            UNPACKED[self as usize].get_or_init(|| crate::data::unpack(bytes))
        };
        match self {
            LexClass::Country => include_str!("../../data/entities/countries.txt"),
            LexClass::Demonym => include_str!("../../data/entities/demonyms.txt"),
            LexClass::Region => packed(include_bytes!(concat!(env!("OUT_DIR"), "/regions.fc"))),
            LexClass::City => packed(include_bytes!(concat!(env!("OUT_DIR"), "/cities.fc"))),
            LexClass::GivenName => packed(include_bytes!(concat!(env!("OUT_DIR"), "/given_names.fc"))),
            LexClass::Common => packed(include_bytes!(concat!(env!("OUT_DIR"), "/common_words.fc"))),
            LexClass::Title => include_str!("../../data/entities/titles.txt"),
            LexClass::OrgWord => include_str!("../../data/entities/org_words.txt"),
            LexClass::NewsOrg => include_str!("../../data/entities/news_orgs.txt"),
            LexClass::EventWord => include_str!("../../data/entities/event_words.txt"),
            LexClass::Group => include_str!("../../data/entities/groups.txt"),
            LexClass::LegalSuffix => include_str!("../../data/entities/legal_suffixes.txt"),
            LexClass::Company => include_str!("../../data/entities/companies.txt"),
            LexClass::Surname => packed(include_bytes!(concat!(env!("OUT_DIR"), "/surnames.fc"))),
            LexClass::Town => packed(include_bytes!(concat!(env!("OUT_DIR"), "/towns.fc"))),
            LexClass::WnPlace => packed(include_bytes!(concat!(env!("OUT_DIR"), "/wn_places.fc"))),
            LexClass::WnOrg => include_str!("../../data/entities/wn_orgs.txt"),
            LexClass::WnOther => packed(include_bytes!(concat!(env!("OUT_DIR"), "/wn_other.fc"))),
            LexClass::Acronym => include_str!("../../data/entities/acronyms.txt"),
        }
    }

    /// The entries of the list: the first field of each line (given names carry a gender after a tab).
    pub fn entries(self) -> impl Iterator<Item = &'static str> {
        crate::data::lines(self.table()).map(|l| l.split('\t').next().unwrap_or(l).trim())
    }

    /// The given names with the gender column of their table ("m", "f" or "").
    pub fn given_names_with_gender() -> impl Iterator<Item = (&'static str, &'static str)> {
        crate::data::rows(LexClass::GivenName.table())
            .filter_map(|r| Some((*r.first()?, r.get(1).copied().unwrap_or(""))))
    }
}

/// Per-token lexicon matches: for each class, whether a phrase of that class starts here (`begin`)
/// or continues here (`inside`), and the longest phrase match ending at the token.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TokenLex {
    /// Classes of phrases that start at this token.
    pub begin: u32,
    /// Classes of multi-token phrases that cover this token but do not start at it.
    pub inside: u32,
    /// The word's class learned from unlabelled text ([`WordClasses`]).
    pub class: WordClass,
    /// The word's case-insensitive hash, as [`phrase_hash`] takes it: made once here, so the
    /// document rules compare words by key without lower-casing them again.
    pub word: u64,
}

impl TokenLex {
    /// Every class of phrase that covers the token, starting at it or running through it.
    #[inline]
    pub fn classes(&self) -> u32 {
        self.begin | self.inside
    }
}

/// Word lists that only document-level rules read, never the tagger: its features were trained
/// without them. Matched exactly, case included ("US" is a country, "us" is not).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum RuleList {
    /// Country abbreviations ("US", "UK").
    CountryAbbreviations = 0,
    /// Last words that make a name a company ("Terminals", "Industries").
    CompanyHeads,
    /// Words that end the name of a street or landmark ("Street", "Bridge", "River").
    LandmarkWords,
    /// Words before a list of places ("in", "visited").
    PlaceListCues,
    /// Joining words a name never ends in ("of", "&").
    NameJoiners,
    /// Lower-case particles inside a person's name ("von", "bin", "da").
    NameParticles,
    /// Organisation acronyms ("NATO", "OPEC"), looked up in capitals for a title-cased word.
    OrgAcronyms,
    /// Nouns that say what business the name after them is ("firm", "retailer").
    CompanyCues,
    /// What only a business has ("shareholders", "shares", "subsidiary").
    CompanyPossessions,
    /// Institutions named by one word ("Parliament", "Army").
    Institutions,
    /// Words after a name that make it a sports team ("side", "coach", "striker").
    TeamWords,
    /// Epithets after "the" that end a ruler's or painter's name ("the Elder", "the Great").
    Epithets,
    /// Job and role words written before a name and never part of it ("Guardsman", "striker").
    RoleWords,
    /// Words that end the name of a geographic feature ("Isles", "Sea", "Mountains").
    GeoFeatures,
    /// Jobs held at a firm ("analyst", "economist"), before "at" or "with" and the firm's name.
    FirmStaff,
    /// Nouns right after a name that make it an organisation ("newspaper", "organisation").
    OrgKindsAfter,
    /// Last words that make a MISC name an organisation ("Catholic Church", "British Embassy").
    MiscOrgHeads,
    /// Famous people named in WordNet by one word ("Stalin", "Tiberius").
    FamousPeople,
}

/// Number of rule-only word lists.
pub const RULE_LISTS: usize = 18;

impl RuleList {
    /// Every rule-only list.
    pub const ALL: [RuleList; RULE_LISTS] = [
        RuleList::CountryAbbreviations,
        RuleList::CompanyHeads,
        RuleList::LandmarkWords,
        RuleList::PlaceListCues,
        RuleList::NameJoiners,
        RuleList::NameParticles,
        RuleList::OrgAcronyms,
        RuleList::CompanyCues,
        RuleList::CompanyPossessions,
        RuleList::Institutions,
        RuleList::TeamWords,
        RuleList::Epithets,
        RuleList::RoleWords,
        RuleList::GeoFeatures,
        RuleList::FirmStaff,
        RuleList::OrgKindsAfter,
        RuleList::MiscOrgHeads,
        RuleList::FamousPeople,
    ];

    /// The list's name as shown in a reason ("lexicon: country abbreviations").
    pub fn name(self) -> &'static str {
        match self {
            RuleList::CountryAbbreviations => "country abbreviations",
            RuleList::CompanyHeads => "company heads",
            RuleList::LandmarkWords => "landmark words",
            RuleList::PlaceListCues => "place list cues",
            RuleList::NameJoiners => "name joiners",
            RuleList::NameParticles => "name particles",
            RuleList::OrgAcronyms => "organisation acronyms",
            RuleList::CompanyCues => "company cues",
            RuleList::CompanyPossessions => "company possessions",
            RuleList::Institutions => "institutions",
            RuleList::TeamWords => "team words",
            RuleList::Epithets => "epithets",
            RuleList::RoleWords => "role words",
            RuleList::GeoFeatures => "geographic feature words",
            RuleList::FirmStaff => "firm staff",
            RuleList::OrgKindsAfter => "organisation kinds after a name",
            RuleList::MiscOrgHeads => "organisation heads after a nationality",
            RuleList::FamousPeople => "famous people in WordNet",
        }
    }

    fn table(self) -> &'static str {
        match self {
            RuleList::CountryAbbreviations => include_str!("../../data/entities/country_abbreviations.txt"),
            RuleList::CompanyHeads => include_str!("../../data/entities/company_heads.txt"),
            RuleList::LandmarkWords => include_str!("../../data/entities/landmark_words.txt"),
            RuleList::PlaceListCues => include_str!("../../data/entities/place_list_cues.txt"),
            RuleList::NameJoiners => include_str!("../../data/entities/name_joiners.txt"),
            RuleList::NameParticles => include_str!("../../data/entities/name_particles.txt"),
            RuleList::OrgAcronyms => include_str!("../../data/entities/org_acronyms.txt"),
            RuleList::CompanyCues => include_str!("../../data/entities/company_cues.txt"),
            RuleList::CompanyPossessions => include_str!("../../data/entities/company_possessions.txt"),
            RuleList::Institutions => include_str!("../../data/entities/institutions.txt"),
            RuleList::TeamWords => include_str!("../../data/entities/team_words.txt"),
            RuleList::Epithets => include_str!("../../data/entities/epithets.txt"),
            RuleList::RoleWords => include_str!("../../data/entities/role_words.txt"),
            RuleList::GeoFeatures => include_str!("../../data/entities/geo_features.txt"),
            RuleList::FirmStaff => include_str!("../../data/entities/firm_staff.txt"),
            RuleList::OrgKindsAfter => include_str!("../../data/entities/org_kinds_after.txt"),
            RuleList::MiscOrgHeads => include_str!("../../data/entities/misc_org_heads.txt"),
            // The one large rule-only list: embedded packed by build.rs, unpacked once.
            RuleList::FamousPeople => {
                static UNPACKED: OnceLock<String> = OnceLock::new();
                UNPACKED.get_or_init(|| crate::data::unpack(include_bytes!(concat!(env!("OUT_DIR"), "/wn_people.fc"))))
            }
        }
    }

    /// The entries of the list.
    pub fn entries(self) -> impl Iterator<Item = &'static str> {
        crate::data::lines(self.table())
    }
}

/// All word lists: the tagger's as phrase-hash -> class mask, and the rule-only lists as sets.
#[derive(Debug, Clone)]
pub struct Lexicons {
    phrases: HashMap<u64, u32, PassThroughBuild>,
    rule_lists: [WordSet; RULE_LISTS],
    classes: WordClasses,
}

/// A set of words, with their shapes ([`WordShapes`]): most words a rule asks about have the
/// shape of no entry, and are turned away without hashing.
#[derive(Debug, Clone)]
pub(crate) struct WordSet {
    words: crate::fasthash::HashSet<&'static str>,
    shapes: WordShapes,
}

impl WordSet {
    /// The set of `words`.
    pub(crate) fn new(words: impl Iterator<Item = &'static str>) -> WordSet {
        let words: crate::fasthash::HashSet<&'static str> = words.collect();
        WordSet {
            shapes: WordShapes::new(words.iter().copied()),
            words,
        }
    }

    /// True when `word` is in the set (exactly, case included).
    #[inline]
    pub(crate) fn contains(&self, word: &str) -> bool {
        self.shapes.may_hold(word) && self.words.contains(word)
    }
}

/// The bit, above every class bit, marking a phrase hash as the start of a longer phrase: matching
/// stops at the first token that starts no listed phrase, instead of always trying four.
const PREFIX: u32 = 1 << 31;

/// The phrase hash of a sequence of words.
pub fn phrase_hash<'a>(words: impl Iterator<Item = &'a str>) -> u64 {
    words.fold(fnv64_start(), |h, w| phrase_step(h, fnv64_lower(fnv64_start(), w)))
}

/// The phrase hash of the words of these tokens: [`phrase_hash`] of their text, from the word
/// hashes already taken.
pub fn phrase_key(tokens: &[TokenLex]) -> u64 {
    tokens.iter().fold(fnv64_start(), |h, t| phrase_step(h, t.word))
}

impl Lexicons {
    /// Loads and indexes every list (tokenised with the crate's tokenizer, so phrases match documents).
    pub fn new() -> Self {
        let mut phrases: HashMap<u64, u32, PassThroughBuild> =
            HashMap::with_capacity_and_hasher(96_000, PassThroughBuild::default());
        for class in LexClass::ALL {
            for entry in class.entries() {
                // Entries of plain letters and spaces tokenise as their words; only the rest
                // (abbreviations, apostrophes, hyphens) need the tokenizer. This keeps start-up
                // fast in the browser.
                let mut words = [""; MAX_PHRASE];
                let mut len = 0;
                if entry.chars().all(|c| c.is_alphabetic() || c == ' ') {
                    for w in entry.split_whitespace() {
                        if len == MAX_PHRASE {
                            len = 0;
                            break;
                        }
                        words[len] = w;
                        len += 1;
                    }
                } else {
                    let toks = crate::text::tokens::tokenize(entry, false);
                    if toks.len() <= MAX_PHRASE {
                        for (k, t) in toks.iter().enumerate() {
                            words[k] = t.span.slice(entry);
                        }
                        len = toks.len();
                    }
                }
                if len == 0 {
                    continue;
                }
                let mut h = fnv64_start();
                for (k, w) in words[..len].iter().enumerate() {
                    h = phrase_step(h, fnv64_lower(fnv64_start(), w));
                    let bit = if k + 1 == len { class.bit() } else { PREFIX };
                    *phrases.entry(h).or_insert(0) |= bit;
                }
            }
        }
        Lexicons {
            phrases,
            rule_lists: RuleList::ALL.map(|list| WordSet::new(list.entries())),
            classes: WordClasses::new(),
        }
    }

    /// True when `word` is in the rule-only `list` (exactly, case included).
    #[inline]
    pub fn contains(&self, list: RuleList, word: &str) -> bool {
        self.rule_lists[list as usize].contains(word)
    }

    /// The classes of the single word `w` (case-insensitive).
    pub fn word(&self, w: &str) -> u32 {
        self.phrases
            .get(&phrase_hash(std::iter::once(w)))
            .map_or(0, |m| m & !PREFIX)
    }

    /// The classes of the phrase made of `words` (case-insensitive): "Harvard University" asked
    /// about from "Harvard" alone.
    pub fn words(&self, words: &[&str]) -> u32 {
        self.phrases
            .get(&phrase_hash(words.iter().copied()))
            .copied()
            .unwrap_or(0)
    }

    /// The classes of the phrase made of tokens `range` of `doc` (case-insensitive).
    pub fn phrase(&self, doc: &Document, range: std::ops::Range<usize>) -> u32 {
        let h = phrase_hash(range.map(|i| doc.token_text(i)));
        self.phrases.get(&h).map_or(0, |m| m & !PREFIX)
    }

    /// Matches every phrase of up to [`MAX_PHRASE`] tokens; linear in the number of tokens.
    pub fn annotate(&self, doc: &Document) -> Vec<TokenLex> {
        let n = doc.tokens.len();
        let mut out = vec![TokenLex::default(); n];
        // Each word is lower-cased and hashed once, then phrases combine the word hashes.
        for (i, o) in out.iter_mut().enumerate() {
            let text = doc.token_text(i);
            o.word = fnv64_lower(fnv64_start(), text);
            o.class = self.classes.of(text);
        }
        for i in 0..n {
            if doc.tokens[i].kind == TokenKind::Punct {
                continue;
            }
            let mut h = fnv64_start();
            for len in 1..=MAX_PHRASE {
                let j = i + len - 1;
                if j >= n {
                    break;
                }
                let t = &doc.tokens[j];
                if len > 1 && (t.kind == TokenKind::Punct || t.newlines_before > 0) {
                    break;
                }
                h = phrase_step(h, out[j].word);
                let Some(&found) = self.phrases.get(&h) else {
                    break;
                };
                let mask = found & !PREFIX;
                if mask != 0 {
                    let mask = if len == 1 && doc.token_text(i).chars().any(char::is_lowercase) {
                        mask & !LexClass::Acronym.bit()
                    } else {
                        mask
                    };
                    out[i].begin |= mask;
                    for o in out.iter_mut().take(j + 1).skip(i + 1) {
                        o.inside |= mask;
                    }
                }
                if found & PREFIX == 0 {
                    break;
                }
            }
        }
        out
    }
}

impl Default for Lexicons {
    fn default() -> Self {
        Self::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn multi_word_places_and_demonyms_match_case_insensitively() {
        let lex = Lexicons::new();
        let doc = Document::new("SEOUL - North Koreans in the UNITED STATES met Mike.");
        let m = lex.annotate(&doc);
        let at = |w: &str| doc.tokens.iter().position(|t| t.span.slice(doc.text) == w).unwrap();
        assert!(m[at("North")].begin & LexClass::Demonym.bit() != 0);
        assert!(m[at("Koreans")].inside & LexClass::Demonym.bit() != 0);
        assert!(m[at("UNITED")].begin & LexClass::Country.bit() != 0);
        assert!(m[at("Mike")].begin & LexClass::GivenName.bit() != 0);
        assert!(lex.word("the") & LexClass::Common.bit() != 0);
        assert!(lex.word("Sen.") & LexClass::Title.bit() != 0);
    }

    #[test]
    fn rule_lists_are_sorted_unique_trimmed_and_loaded() {
        let lex = Lexicons::new();
        for list in RuleList::ALL {
            let entries: Vec<&str> = list.entries().collect();
            assert!(!entries.is_empty(), "{} is empty", list.name());
            for w in entries.windows(2) {
                assert!(
                    w[0] < w[1],
                    "{}: {:?} before {:?} (not sorted or duplicated)",
                    list.name(),
                    w[0],
                    w[1]
                );
            }
            for e in entries {
                assert!(!e.contains(char::is_whitespace), "{}: {e:?}", list.name());
                assert!(lex.contains(list, e), "{}: {e:?} not loaded", list.name());
            }
        }
        assert!(lex.contains(RuleList::LandmarkWords, "Street") && !lex.contains(RuleList::LandmarkWords, "street"));
    }

    #[test]
    fn acronyms_match_only_when_written_in_capitals() {
        let lex = Lexicons::new();
        let doc = Document::new("The VCR and the vcr.");
        let m = lex.annotate(&doc);
        assert!(m[1].begin & LexClass::Acronym.bit() != 0);
        assert!(m[4].begin & LexClass::Acronym.bit() == 0);
        assert!(m[0].class.fine > 0, "frequent words have a word class");
    }
}
