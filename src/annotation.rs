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
    /// Why it was tagged: the rule, lexicon or model that fired (shown in the hover card).
    pub reason: String,
    /// Model confidence in 0–1 when a learned model decided, else `None`.
    pub confidence: Option<f32>,
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
