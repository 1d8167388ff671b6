//! The data model every layer produces and the export reads. Spans are byte spans
//! ([`Span`]); conversion to code points and UTF-16 happens only in `export`.

use crate::dates::calendar::CalendarDate;
use crate::text::Span;

/// What kind of named entity a mention is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EntityLabel {
    /// A person.
    Person,
    /// A company, agency, team, party or other organisation.
    Org,
    /// A place: country, city, region, geographic feature.
    Loc,
    /// A nationality, religious or political group ("North Korean", "Democrats").
    Norp,
    /// A named event ("the 2018 Winter Olympics").
    Event,
    /// Any other name (products, works, laws...).
    Misc,
}

impl EntityLabel {
    /// The label as written in the export ("PERSON", "ORG", ...).
    pub fn as_str(self) -> &'static str {
        match self {
            EntityLabel::Person => "PERSON",
            EntityLabel::Org => "ORG",
            EntityLabel::Loc => "LOC",
            EntityLabel::Norp => "NORP",
            EntityLabel::Event => "EVENT",
            EntityLabel::Misc => "MISC",
        }
    }
}

/// One mention of a named entity.
#[derive(Debug, Clone, PartialEq)]
pub struct Entity {
    /// The mention in the text ("Pence", not "Pence's"; "Mike Pence", not "Vice President Mike Pence").
    pub span: Span,
    /// Its type.
    pub label: EntityLabel,
    /// Index of the entity this mention refers to; equal for every mention of one entity.
    pub entity: usize,
    /// The fullest name of that entity in the document ("Mike Pence" for "Pence").
    pub canonical: String,
    /// Why it was tagged: the rule, lexicon or model that fired, in words (shown in the hover card).
    pub reason: String,
    /// Model confidence in 0–1 when a learned model decided, else `None`.
    pub confidence: Option<f32>,
    /// The rule that last decided the mention's label, or joined it with a neighbour (its stable id is
    /// exported as `rule`; `reason` says the same in words).
    pub rule: EntityRule,
}

/// Which rule decided an entity mention. Each has a stable id ([`EntityRule::id`]) written to the
/// export; rules may be added in later versions, but an id never changes meaning.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum EntityRule {
    /// The tagger's label stands (`entity/model`).
    Model,
    /// A wire dateline's place or agency: "WASHINGTON (Reuters) -" (`entity/dateline`).
    Dateline,
    /// Capitalised words ending in a company legal form: "Magna International Inc" (`entity/legal-form`).
    LegalForm,
    /// Two or three capitalised words starting with a known given name are a person (`entity/given-name`).
    GivenName,
    /// A person's name run on over its particles: "Ursula von der Leyen", "Bashar al-Assad"
    /// (`entity/name-particle`).
    NameParticle,
    /// Capitalised words before a street or landmark word: "Downing Street" (`entity/street-or-landmark`).
    StreetOrLandmark,
    /// An "organisation" (or a one-word MISC before a common word) that is a country abbreviation ("US")
    /// is the place (`entity/lexicon-country-abbreviation`).
    LexiconCountryAbbreviation,
    /// An "organisation" that is a country's name is the place (`entity/lexicon-country`).
    LexiconCountry,
    /// A name ending in a company word ("Scheldt Terminals") is an organisation (`entity/company-head`).
    CompanyHead,
    /// A name headed by an organisation word ("Council of Mortgage Lenders") is one (`entity/org-word-head`).
    OrgWordHead,
    /// A nationality joined to the organisation after it: "Czech National Bank" (`entity/with-nationality`).
    WithNationality,
    /// A name cut after "of" joined to the mention after it: "Federation of Belgian Enterprises"
    /// (`entity/runs-on-after-joining-word`).
    RunsOnAfterJoiningWord,
    /// An organisation word alone ("the Commission") after the organisation it heads (`entity/org-short-form`).
    OrgShortForm,
    /// The label the same name has elsewhere in the article (`entity/consistent-label`).
    ConsistentLabel,
    /// An item in a list of places: "Manchester, Liverpool, Leicester and Torbay" (`entity/place-list`).
    PlaceList,
    /// A place: a name after a noun of place and "of" ("the mayor of Lillington", "north of
    /// Kessock") that the tagger called a person or an organisation, or a seat after "MP for"
    /// (`entity/place-of-noun`).
    PlaceOfNoun,
    /// A place: one name after "in", "near" or "across" that the tagger called a person ("in
    /// Tarvonia") (`entity/place-after-preposition`).
    PlaceAfterPreposition,
    /// An organisation: a name after a noun of a company's people or parts and "of" ("the founder
    /// of X", "a unit of X") that the tagger called a person (`entity/org-of-noun`).
    OrgOfNoun,
    /// A person: one name before "himself", "herself" or "was born" ("Wright was born in Poole")
    /// (`entity/person-cue`).
    PersonCue,
    /// Other (MISC): one word after "the" that the tagger called a person, unsure, and no list of
    /// people holds ("the Qing dynasty") (`entity/not-person-after-the`).
    NotPersonAfterThe,
    /// A place: "St." and the name the tagger cut from it ("St. Michael") (`entity/saint-place`).
    SaintPlace,
    /// "People's" the tagger left out of the name it opens ("People's Republic of China")
    /// (`entity/peoples-name`).
    PeoplesName,
    /// A name the article labelled elsewhere, written again where the tagger saw nothing:
    /// "Jutting appeared" after "Jutting, now 31," (`entity/repeated-name`).
    RepeatedName,
    /// MISC: a word of a people, place or language before a noun, or its plural, that the tagger
    /// called a person, an organisation or a place ("Slavic tribes", "the Athenians")
    /// (`entity/adjective-of-people`).
    AdjectiveOfPeople,
    /// A person's surname or a company's first word repeated later: "Ayers" after "Nick Ayers", "King said"
    /// after "Carole King" (`entity/same-name`).
    SameName,
    /// A name in the news-organisation list (`entity/lexicon-news-org`).
    LexiconNewsOrg,
    /// A name in the large-company list (`entity/lexicon-company`).
    LexiconCompany,
    /// A law, bill or treaty: capitalised words ending in a law word ("Finance Bill") or "Treaty
    /// of Rome": MISC (`entity/law-name`).
    LawName,
    /// A work or product: a title after a word that introduces one ("the film Alexander"), a name
    /// before a product word ("Xbox console"), or a title in quotation marks: MISC (`entity/work-cue`).
    WorkCue,
    /// An award or a named event: capitalised words ending in an award word ("Turner Prize") or an
    /// event word ("Rotterdam Film Festival"): MISC, then EVENT for events (`entity/award-or-event-name`).
    AwardOrEventName,
    /// One capitalised word after "made by", "developed by" or "published by": the company that
    /// makes a product (`entity/maker-of-product`).
    MakerOfProduct,
    /// Other names (MISC) that are a nationality or a religious or political group: NORP
    /// (`entity/nationality-or-group`).
    NationalityOrGroup,
    /// Other names (MISC) with an event word ("Olympics", "Cup"): EVENT (`entity/event-word`).
    EventWord,
    /// An organisation acronym written in title case, as house styles do: "Opec", "Nato" (`entity/org-acronym`).
    OrgAcronym,
    /// A name the article calls a business: "accountancy firm Ernst & Young", "shares in Acme",
    /// "Acme's chief executive", capitalised words joined by "&" (`entity/company-cue`).
    CompanyCue,
    /// An institution named by one word: "Parliament", "the Army" (`entity/institution`).
    Institution,
    /// A sports club named by its town: "a determined Nottingham Forest side", then "Forest" (`entity/club`).
    Club,
    /// A university named by its place or founder: "Michigan and Stanford universities", "Harvard"
    /// (`entity/university`).
    University,
    /// A person's name of a shape the tagger cuts: a middle initial ("George W Bush"), a prefix set
    /// apart ("Rory O' Neill"), a regnal number ("Ramesses II"), an epithet ("Louis the German"),
    /// or a nationality split from the name after it ("American" + "Robby Ginepri") (`entity/name-shape`).
    NameShape,
    /// A bare surname in the surname list that no other list claims: "Trudeau will ..." (`entity/known-surname`).
    KnownSurname,
    /// A place: a geographic name in WordNet ("Pearl Harbor", "Monte Carlo") or a town with a compass
    /// word ("Aberdeen South") (`entity/geographic-name`).
    GeographicName,
    /// A famous person named in WordNet ("Stalin", "Tiberius", "Buddha"), wherever the tagger called
    /// the name a place, an organisation or nothing (`entity/famous-person`).
    FamousPerson,
    /// A name followed by an age set off by commas: "Jutting, now 31, is on trial" (`entity/age-after-name`).
    AgeAfterName,
    /// MISC: two nationalities joined by a hyphen, "Malian-Norwegian" (`entity/joined-nationalities`).
    JoinedNationalities,
    /// An organisation named by two nouns joined by "and": "Health and Safety Executive"
    /// (`entity/noun-pair-name`).
    NounPairName,
    /// A place: a state's formal name, "Republic of Tarvania", "Kingdom of Corvania" (`entity/state-name`).
    StateName,
    /// An award known by one word: "the Oscars", "an Emmy nomination": MISC (`entity/award-name`).
    AwardName,
    /// An organisation: one word the tagger called a person that opens an organisation's name
    /// elsewhere in the article, "Sun" after "Sun Microsystems" (`entity/company-first-word`).
    CompanyFirstWord,
    /// An organisation: a party's word and the group word the tagger cut from it, "Liberal
    /// Democrat" (`entity/party-name`).
    PartyName,
    /// A sports club: a name ending in a club's last word, "Stoke City", "Plymouth Argyle"
    /// (`entity/club-name`).
    ClubName,
    /// Two names the tagger ran into one person over a lower-case word: "Blair congratulates
    /// Bush", "Hodgson for Edwards" (`entity/split-at-lower-word`).
    SplitAtLowerWord,
}

impl EntityRule {
    /// Every rule, in the order the entity layer first applies them.
    pub const ALL: [EntityRule; 51] = [
        EntityRule::Model,
        EntityRule::SplitAtLowerWord,
        EntityRule::Dateline,
        EntityRule::LegalForm,
        EntityRule::GivenName,
        EntityRule::NameParticle,
        EntityRule::StreetOrLandmark,
        EntityRule::LexiconCountryAbbreviation,
        EntityRule::LexiconCountry,
        EntityRule::CompanyHead,
        EntityRule::OrgWordHead,
        EntityRule::WithNationality,
        EntityRule::RunsOnAfterJoiningWord,
        EntityRule::NounPairName,
        EntityRule::PartyName,
        EntityRule::OrgShortForm,
        EntityRule::ConsistentLabel,
        EntityRule::PlaceList,
        EntityRule::PlaceOfNoun,
        EntityRule::PlaceAfterPreposition,
        EntityRule::OrgOfNoun,
        EntityRule::PersonCue,
        EntityRule::NotPersonAfterThe,
        EntityRule::SaintPlace,
        EntityRule::PeoplesName,
        EntityRule::RepeatedName,
        EntityRule::AdjectiveOfPeople,
        EntityRule::JoinedNationalities,
        EntityRule::SameName,
        EntityRule::CompanyFirstWord,
        EntityRule::LexiconNewsOrg,
        EntityRule::LexiconCompany,
        EntityRule::LawName,
        EntityRule::WorkCue,
        EntityRule::AwardOrEventName,
        EntityRule::AwardName,
        EntityRule::MakerOfProduct,
        EntityRule::NationalityOrGroup,
        EntityRule::EventWord,
        EntityRule::OrgAcronym,
        EntityRule::CompanyCue,
        EntityRule::Institution,
        EntityRule::Club,
        EntityRule::ClubName,
        EntityRule::University,
        EntityRule::NameShape,
        EntityRule::KnownSurname,
        EntityRule::GeographicName,
        EntityRule::StateName,
        EntityRule::FamousPerson,
        EntityRule::AgeAfterName,
    ];

    /// The stable id written to the export (`entity/kebab-case-name`).
    pub fn id(self) -> &'static str {
        match self {
            EntityRule::Model => "entity/model",
            EntityRule::Dateline => "entity/dateline",
            EntityRule::LegalForm => "entity/legal-form",
            EntityRule::GivenName => "entity/given-name",
            EntityRule::NameParticle => "entity/name-particle",
            EntityRule::StreetOrLandmark => "entity/street-or-landmark",
            EntityRule::LexiconCountryAbbreviation => "entity/lexicon-country-abbreviation",
            EntityRule::LexiconCountry => "entity/lexicon-country",
            EntityRule::CompanyHead => "entity/company-head",
            EntityRule::OrgWordHead => "entity/org-word-head",
            EntityRule::WithNationality => "entity/with-nationality",
            EntityRule::RunsOnAfterJoiningWord => "entity/runs-on-after-joining-word",
            EntityRule::OrgShortForm => "entity/org-short-form",
            EntityRule::ConsistentLabel => "entity/consistent-label",
            EntityRule::PlaceList => "entity/place-list",
            EntityRule::PlaceOfNoun => "entity/place-of-noun",
            EntityRule::PlaceAfterPreposition => "entity/place-after-preposition",
            EntityRule::OrgOfNoun => "entity/org-of-noun",
            EntityRule::PersonCue => "entity/person-cue",
            EntityRule::NotPersonAfterThe => "entity/not-person-after-the",
            EntityRule::SaintPlace => "entity/saint-place",
            EntityRule::PeoplesName => "entity/peoples-name",
            EntityRule::RepeatedName => "entity/repeated-name",
            EntityRule::AdjectiveOfPeople => "entity/adjective-of-people",
            EntityRule::SameName => "entity/same-name",
            EntityRule::LexiconNewsOrg => "entity/lexicon-news-org",
            EntityRule::LexiconCompany => "entity/lexicon-company",
            EntityRule::LawName => "entity/law-name",
            EntityRule::WorkCue => "entity/work-cue",
            EntityRule::AwardOrEventName => "entity/award-or-event-name",
            EntityRule::MakerOfProduct => "entity/maker-of-product",
            EntityRule::NationalityOrGroup => "entity/nationality-or-group",
            EntityRule::EventWord => "entity/event-word",
            EntityRule::OrgAcronym => "entity/org-acronym",
            EntityRule::CompanyCue => "entity/company-cue",
            EntityRule::Institution => "entity/institution",
            EntityRule::Club => "entity/club",
            EntityRule::University => "entity/university",
            EntityRule::NameShape => "entity/name-shape",
            EntityRule::KnownSurname => "entity/known-surname",
            EntityRule::GeographicName => "entity/geographic-name",
            EntityRule::FamousPerson => "entity/famous-person",
            EntityRule::AgeAfterName => "entity/age-after-name",
            EntityRule::AwardName => "entity/award-name",
            EntityRule::StateName => "entity/state-name",
            EntityRule::NounPairName => "entity/noun-pair-name",
            EntityRule::JoinedNationalities => "entity/joined-nationalities",
            EntityRule::CompanyFirstWord => "entity/company-first-word",
            EntityRule::PartyName => "entity/party-name",
            EntityRule::ClubName => "entity/club-name",
            EntityRule::SplitAtLowerWord => "entity/split-at-lower-word",
        }
    }
}

/// TIMEX3 type of a temporal expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DateLabel {
    /// A calendar date or period ("Tuesday", "last month", "2018").
    Date,
    /// A time of day ("18:30 UTC", "this morning").
    Time,
    /// A length of time ("three years").
    Duration,
    /// A recurring time ("every Monday").
    Set,
}

impl DateLabel {
    /// The label as written in the export ("DATE", "TIME", ...).
    pub fn as_str(self) -> &'static str {
        match self {
            DateLabel::Date => "DATE",
            DateLabel::Time => "TIME",
            DateLabel::Duration => "DURATION",
            DateLabel::Set => "SET",
        }
    }
}

/// What a relative date was resolved against.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateAnchor {
    /// The article's document date.
    DocumentDate,
    /// Another date mention (index into `Annotations::dates`).
    Mention(usize),
}

/// One temporal expression.
#[derive(Debug, Clone, PartialEq)]
pub struct DateMention {
    /// The expression in the text.
    pub span: Span,
    /// TIMEX3 type.
    pub label: DateLabel,
    /// TIMEX3 value ("2018-02-20", "2018-W07", "P3Y", "PAST_REF"); `None` when it cannot be resolved
    /// (a relative date with no document date).
    pub value: Option<String>,
    /// What the value was resolved against, for relative expressions.
    pub anchor: Option<DateAnchor>,
    /// The value in words ("Tuesday 20 February 2018"), for the hover card.
    pub gloss: Option<String>,
    /// Why it resolved this way ("past tense: said"), for relative expressions.
    pub reason: Option<String>,
    /// The rule that recognised it.
    pub rule: DateRule,
}

/// The rule that recognised a temporal expression; its id (`date/...`) is stable across versions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum DateRule {
    /// A month with its day or year, or a month in date context: "February 21, 2018", "21 Feb", "in March".
    ExplicitDate,
    /// A holiday: "Christmas", "Thanksgiving Day 2018".
    Holiday,
    /// A position glued to a month or year: "mid-November", "late-2017", "mid-1990s".
    PositionHyphenated,
    /// Digits: "2018-02-21", "2/21/2018", "1998", "1990s", "'90s", "2010-2012", "20th century".
    NumericDate,
    /// "fiscal 1998".
    FiscalYear,
    /// A year in words: "nineteen ninety-six".
    SpelledYear,
    /// A weekday: "Tuesday", "Friday evening", "Mondays".
    Weekday,
    /// A day word: "yesterday", "today", "tonight", "tomorrow morning".
    RelativeDay,
    /// A clock time: "6:30 p.m.", "1830 UTC", "noon Friday".
    Time,
    /// A vague reference: "now", "recently", "the future", "for months".
    Reference,
    /// "last", "next", "this" and "the past" with a unit or a name: "last week", "next April", "the past three months".
    Shift,
    /// The year before: "year-ago", "year-earlier".
    YearAgo,
    /// The end of the year: "year-end", "year's end".
    YearEnd,
    /// "the year", "the full year", "the year 1998".
    TheYear,
    /// "the month", "the week", "the weekend".
    TheUnit,
    /// A quarter or half year: "the third quarter", "Q3 2018", "the first half of 1990".
    Quarter,
    /// "the quarter", "the latest quarter": the one named before or the last one completed.
    TheQuarter,
    /// A season: "summer", "last fall", "the spring of 2016".
    Season,
    /// A decade word: "the nineties".
    DecadeWord,
    /// A century in words: "the twentieth century".
    Century,
    /// A length of time, or a date that far back or ahead: "three years", "10-year", "three years ago".
    Duration,
    /// A recurring time: "every Monday", "weekly", "each month", "each winter", "annually".
    Set,
    /// A plural unit with no count, as a vague length: "for decades", "could take months", "hours after".
    BareUnit,
    /// A plural unit after "the", as a vague length: "over the years", "in the months that followed".
    TheUnits,
    /// A length in several units or with a fraction: "two hours 18 minutes 15 seconds", "3 1/2 years", "2:08:30".
    CompoundDuration,
    /// A length between two counts: "12 to 18 months", "the next two or three weeks".
    DurationRange,
    /// Two years written as one token: "2010-2012", "1998-99" (two dates).
    YearRange,
    /// The past time the text tells of: "at the time", "back then".
    Then,
    /// Today counted as a day of an event, in the present tense: "today is the eighth day of the strike".
    DayOfEvent,
    /// A unit of the date named before: "that year", "that quarter", "later that day", "the same month".
    ThatUnit,
}

impl DateRule {
    /// Every rule, in the order of this enum.
    pub const ALL: [DateRule; 30] = [
        DateRule::ExplicitDate,
        DateRule::Holiday,
        DateRule::PositionHyphenated,
        DateRule::NumericDate,
        DateRule::FiscalYear,
        DateRule::SpelledYear,
        DateRule::Weekday,
        DateRule::RelativeDay,
        DateRule::Time,
        DateRule::Reference,
        DateRule::Shift,
        DateRule::YearAgo,
        DateRule::YearEnd,
        DateRule::TheYear,
        DateRule::TheUnit,
        DateRule::Quarter,
        DateRule::TheQuarter,
        DateRule::Season,
        DateRule::DecadeWord,
        DateRule::Century,
        DateRule::Duration,
        DateRule::Set,
        DateRule::BareUnit,
        DateRule::TheUnits,
        DateRule::CompoundDuration,
        DateRule::DurationRange,
        DateRule::YearRange,
        DateRule::Then,
        DateRule::DayOfEvent,
        DateRule::ThatUnit,
    ];

    /// The stable id written in the export ("date/explicit-date").
    pub fn id(self) -> &'static str {
        match self {
            DateRule::ExplicitDate => "date/explicit-date",
            DateRule::Holiday => "date/holiday",
            DateRule::PositionHyphenated => "date/position-hyphenated",
            DateRule::NumericDate => "date/numeric-date",
            DateRule::FiscalYear => "date/fiscal-year",
            DateRule::SpelledYear => "date/spelled-year",
            DateRule::Weekday => "date/weekday",
            DateRule::RelativeDay => "date/relative-day",
            DateRule::Time => "date/time",
            DateRule::Reference => "date/reference",
            DateRule::Shift => "date/shift",
            DateRule::YearAgo => "date/year-ago",
            DateRule::YearEnd => "date/year-end",
            DateRule::TheYear => "date/the-year",
            DateRule::TheUnit => "date/the-unit",
            DateRule::Quarter => "date/quarter",
            DateRule::TheQuarter => "date/the-quarter",
            DateRule::Season => "date/season",
            DateRule::DecadeWord => "date/decade-word",
            DateRule::Century => "date/century",
            DateRule::Duration => "date/duration",
            DateRule::Set => "date/set",
            DateRule::BareUnit => "date/bare-unit",
            DateRule::TheUnits => "date/the-units",
            DateRule::CompoundDuration => "date/compound-duration",
            DateRule::DurationRange => "date/duration-range",
            DateRule::YearRange => "date/year-range",
            DateRule::Then => "date/then",
            DateRule::DayOfEvent => "date/day-of-event",
            DateRule::ThatUnit => "date/that-unit",
        }
    }
}

/// Whether a quote is a speaker's words, a scare/title quote, or reported speech.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuoteKind {
    /// Attributed speech: a full or partial quotation of someone's words.
    Speech,
    /// A short quoted phrase with no speech context (scare quotes, titles, nicknames).
    Scare,
    /// Reported (indirect) speech: what someone said, in the writer's words ("the minister said
    /// the deal could collapse"); the span is the reported content, without quotation marks.
    Reported,
}

impl QuoteKind {
    /// The kind as written in the export.
    pub fn as_str(self) -> &'static str {
        match self {
            QuoteKind::Speech => "speech",
            QuoteKind::Scare => "scare",
            QuoteKind::Reported => "reported",
        }
    }
}

/// The speaker's gender as the text signals it; never guessed beyond that.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SpeakerGender {
    /// Female.
    Female,
    /// Male.
    Male,
    /// The text does not say (or there is no speaker).
    #[default]
    Unknown,
}

impl SpeakerGender {
    /// The gender as written in the export.
    pub fn as_str(self) -> &'static str {
        match self {
            SpeakerGender::Female => "female",
            SpeakerGender::Male => "male",
            SpeakerGender::Unknown => "unknown",
        }
    }
}

/// What told a speaker's gender, strongest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum GenderBasis {
    /// "he" or "she" attributes one of the speaker's quotes.
    Pronoun,
    /// A gendered title before the speaker's name ("Mr", "Ms", "Mrs", "Sir", "Lady").
    Title,
    /// The usual gender of the speaker's given name (name statistics).
    GivenName,
    /// Nothing in the text tells it.
    #[default]
    None,
}

impl GenderBasis {
    /// The basis as written in the export.
    pub fn as_str(self) -> &'static str {
        match self {
            GenderBasis::Pronoun => "pronoun",
            GenderBasis::Title => "title",
            GenderBasis::GivenName => "given-name",
            GenderBasis::None => "none",
        }
    }
}

/// Which attribution rule decided a quote's speaker (or that it has none): the provenance shown
/// in the export as `rule`. The ids are stable; rules may be added in future versions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum QuoteRule {
    /// `"…," said X` / `"…," X said` right after a quote that ends in a comma, `!`, `?` or dash.
    Tight,
    /// A quote alone in its paragraph, signed by the next one (`- Sanders.`).
    SignatureBelow,
    /// A cue before the opening mark in the same sentence (`X said: "…"`, `X told reporters "…"`).
    Before,
    /// `"…" X said`, `"…" according to X` right after the quote, when no earlier rule applied.
    AfterAdjacent,
    /// A cue later in the sentence after a mid-sentence quote (`X "drew well" in 2008, said Y`).
    AfterLater,
    /// A quote opening a sentence right after `X said in a statement.` or `X said:`.
    PreviousSentence,
    /// A partial quote with no speech verb: the words of the clause's subject (`X supports "…"`).
    Cueless,
    /// No cue of its own: a later quote in the same paragraph as an attributed one (`"A," he said. "B."`).
    InheritedSplit,
    /// No cue of its own: a paragraph opening with a quote continues the previous paragraph's quote.
    InheritedFloating,
    /// No cue of its own: a quote paragraph after a paragraph about someone (`X is upbeat.` / `"…"`).
    PreviousParagraph,
    /// No cue of its own: the attributed quote right after it gives the speaker (`"A." "B," he said.`).
    InheritedNext,
    /// A sentence-like quote with no speaker found.
    Unattributed,
    /// A title or name in quotes (`ABC's "This Week"`): no one's words, no speaker.
    Title,
    /// A short quoted phrase with no speech context (scare quotes, nicknames): no speaker.
    Scare,
    /// Reported speech: `X said (that) …`, `X denied …`: subject, verb, content.
    ReportedSaidThat,
    /// Reported speech: `X told Y (that) …`: a hearer before the content.
    ReportedTold,
    /// Reported speech: `…, X said.` / `…, said X.`: the content opens the clause.
    ReportedTrailing,
    /// Reported speech: `…, X said, the rest.`: the attribution sits inside the sentence.
    ReportedParenthetical,
    /// Reported speech: `according to X, …` / `…, according to X.`
    ReportedAccordingTo,
    /// Reported speech: `…, adding that …`: a participle continuing the clause's speaker.
    ReportedParticiple,
    /// Reported speech: `The move was first reported by CNN`: the subject is what the agent said.
    ReportedPassive,
    /// Reported speech: `Asked whether he would run, …` / `… when asked about X`: the question
    /// put to someone, its asker unnamed (no speaker).
    ReportedAsked,
}

impl QuoteRule {
    /// Every rule, in the order the attribution tries them.
    pub const ALL: [QuoteRule; 22] = [
        QuoteRule::Tight,
        QuoteRule::SignatureBelow,
        QuoteRule::Before,
        QuoteRule::AfterAdjacent,
        QuoteRule::AfterLater,
        QuoteRule::PreviousSentence,
        QuoteRule::Cueless,
        QuoteRule::InheritedSplit,
        QuoteRule::InheritedFloating,
        QuoteRule::PreviousParagraph,
        QuoteRule::InheritedNext,
        QuoteRule::Unattributed,
        QuoteRule::Title,
        QuoteRule::Scare,
        QuoteRule::ReportedSaidThat,
        QuoteRule::ReportedTold,
        QuoteRule::ReportedTrailing,
        QuoteRule::ReportedParenthetical,
        QuoteRule::ReportedAccordingTo,
        QuoteRule::ReportedParticiple,
        QuoteRule::ReportedPassive,
        QuoteRule::ReportedAsked,
    ];

    /// The stable id written in the export (`quote/after-adjacent`).
    pub fn id(self) -> &'static str {
        match self {
            QuoteRule::Tight => "quote/tight",
            QuoteRule::SignatureBelow => "quote/signature-below",
            QuoteRule::Before => "quote/before",
            QuoteRule::AfterAdjacent => "quote/after-adjacent",
            QuoteRule::AfterLater => "quote/after-later",
            QuoteRule::PreviousSentence => "quote/previous-sentence",
            QuoteRule::Cueless => "quote/cueless",
            QuoteRule::InheritedSplit => "quote/inherited-split",
            QuoteRule::InheritedFloating => "quote/inherited-floating",
            QuoteRule::PreviousParagraph => "quote/previous-paragraph",
            QuoteRule::InheritedNext => "quote/inherited-next",
            QuoteRule::Unattributed => "quote/unattributed",
            QuoteRule::Title => "quote/title",
            QuoteRule::Scare => "quote/scare",
            QuoteRule::ReportedSaidThat => "quote/reported-said-that",
            QuoteRule::ReportedTold => "quote/reported-told",
            QuoteRule::ReportedTrailing => "quote/reported-trailing",
            QuoteRule::ReportedParenthetical => "quote/reported-parenthetical",
            QuoteRule::ReportedAccordingTo => "quote/reported-according-to",
            QuoteRule::ReportedParticiple => "quote/reported-participle",
            QuoteRule::ReportedPassive => "quote/reported-passive",
            QuoteRule::ReportedAsked => "quote/reported-asked",
        }
    }

    /// The rule with this id, if any.
    pub fn from_id(id: &str) -> Option<QuoteRule> {
        QuoteRule::ALL.into_iter().find(|r| r.id() == id)
    }
}

/// One quotation: the span includes its quotation marks; for reported speech it is the reported
/// content (no "that", no cue or speaker, no final punctuation).
#[derive(Debug, Clone, PartialEq)]
pub struct Quote {
    /// The quote, marks included; a multi-paragraph quote runs from the first opening mark to the last closing mark.
    pub span: Span,
    /// Speech, scare quote or reported speech.
    pub kind: QuoteKind,
    /// Canonical name of the speaker, or the attributing phrase ("a senior official"), or `None`.
    pub speaker: Option<String>,
    /// The speaker's entity (index as in [`Entity::entity`]) when the speaker is a named entity.
    pub speaker_entity: Option<usize>,
    /// The attributing mention in the text ("he", "Ayers", "a senior official").
    pub speaker_span: Option<Span>,
    /// The speech verb ("said").
    pub cue: Option<String>,
    /// The speaker's gender as the text signals it, and what told it.
    pub speaker_gender: (SpeakerGender, GenderBasis),
    /// The rule that attributed it (or found no speaker).
    pub rule: QuoteRule,
}

/// Where the document date came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateSource {
    /// Detected in the text (a date line or dateline); the span is the evidence.
    Text(Span),
    /// Given by the user (page field, CLI `--date`, JSONL `dct`).
    Given,
}

/// The date the article was written, against which relative dates are resolved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DocumentDate {
    /// The day.
    pub date: CalendarDate,
    /// Where it came from.
    pub source: DateSource,
}

/// Everything found in one text.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Annotations {
    /// The document date used to resolve relative dates, if any.
    pub document_date: Option<DocumentDate>,
    /// Named-entity mentions, sorted by position.
    pub entities: Vec<Entity>,
    /// Temporal expressions, sorted by position.
    pub dates: Vec<DateMention>,
    /// Quotes: the quotation-mark quotes sorted by position, then reported speech sorted by
    /// position (so adding reported speech never renumbers a direct quote's export id).
    pub quotes: Vec<Quote>,
}
