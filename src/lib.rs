//! newsmark: finds quotes (and who said them), named entities and dates (with TIMEX3 values) in
//! news articles. The same code runs natively (library and CLI) and in the browser (WebAssembly).
//!
//! Pipeline, in the order [`Annotator::annotate`] runs it:
//! 1. `text`: tokens and sentences, built once per text;
//! 2. `entities`: people, organisations, places, groups and events, with one id per entity;
//! 3. `dates`: the document date (given or detected), then every temporal expression with its value;
//! 4. `quotes`: quotation spans and their speakers (which needs the entities);
//! 5. `export`: the `newsmark/1` JSON contract shared by the CLI, the page and the tests.
//!
//! ```
//! let annotator = newsmark::Annotator::new();
//! let options = newsmark::Options::with_document_date("2018-02-21").unwrap();
//! let found = annotator.annotate("“We will meet,” Mike Pence said on Tuesday.", &options);
//! assert_eq!(found.quotes.len(), 1);
//! ```
//!
//! Offsets: the model uses UTF-8 byte spans; the export gives code points and UTF-16 units.
#![deny(missing_docs)]
#![forbid(unsafe_code)]

mod annotation;
pub(crate) mod data;
pub(crate) mod dates;
pub(crate) mod entities;
mod error;
pub mod export;
pub(crate) mod fasthash;
pub(crate) mod quotes;
pub(crate) mod text;
#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use text::graphemes::is_boundary as is_grapheme_boundary;
pub use text::Span;

/// Not part of the stable API: what the entity trainer (`src/bin/train-entities.rs`) and the
/// per-layer profiler (`examples/layers.rs`) reach into. It may change in any release.
#[doc(hidden)]
pub mod internals {
    pub use crate::dates::{DateRecognizer, Scan as DateScan};
    pub use crate::entities::lexicon::{LexClass, Lexicons};
    pub use crate::entities::tags::Class;
    pub use crate::entities::train;
    pub use crate::entities::EntityRecognizer;
    pub use crate::quotes::QuoteRecognizer;
    pub use crate::text::Document;
}

pub use annotation::*;
pub use dates::calendar::CalendarDate;
pub use error::Error;

/// The largest text annotated in one call (bytes). Above this a browser tab runs out of memory
/// rendering the marks long before the annotator struggles, so the caller is asked to split.
pub const MAX_TEXT_BYTES: usize = 32_000_000;

/// The document dates accepted everywhere (CLI, JS API, page), as `YYYY-MM-DD`: four-digit years
/// with a year of room at the top, so "next year" and "last year" stay ISO 8601 values.
pub const DOCUMENT_DATE_RANGE: (&str, &str) = ("1000-01-01", "9998-12-31");

/// True when `date` is within [`DOCUMENT_DATE_RANGE`].
fn in_document_date_range(date: CalendarDate) -> bool {
    (DOCUMENT_DATE_RANGE.0..=DOCUMENT_DATE_RANGE.1).contains(&date.to_string().as_str())
}

/// Per-call options.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Options {
    /// The article's date; when `None` it is detected from the text.
    pub document_date: Option<CalendarDate>,
    /// Which layers to report (all by default).
    pub layers: Layers,
}

impl Options {
    /// Options with the document date given as `YYYY-MM-DD`.
    pub fn with_document_date(date: &str) -> Result<Self, Error> {
        let date = CalendarDate::parse_iso(date.trim()).ok_or_else(|| Error::BadDocumentDate {
            given: date.to_string(),
        })?;
        if !in_document_date_range(date) {
            return Err(Error::DocumentDateOutOfRange {
                given: date.to_string(),
            });
        }
        Ok(Options {
            document_date: Some(date),
            ..Options::default()
        })
    }
}

/// The layers to report. Turning layers off saves their time: dates alone skip the entity tagger
/// (quotes still run it, since speakers are named from the entities, but don't report it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Layers {
    /// People, organisations, places, groups, events.
    pub entities: bool,
    /// Dates, times, durations, sets.
    pub dates: bool,
    /// Quotes and speakers.
    pub quotes: bool,
}

impl Default for Layers {
    fn default() -> Self {
        Layers {
            entities: true,
            dates: true,
            quotes: true,
        }
    }
}

impl Layers {
    /// The layers named in `names` ("entities", "dates", "quotes", in any case); at least one.
    pub fn from_names<'a>(names: impl IntoIterator<Item = &'a str>) -> Result<Self, Error> {
        let mut layers = Layers {
            entities: false,
            dates: false,
            quotes: false,
        };
        for name in names {
            match name.trim().to_ascii_lowercase().as_str() {
                "entities" => layers.entities = true,
                "dates" => layers.dates = true,
                "quotes" => layers.quotes = true,
                _ => {
                    return Err(Error::BadOptions {
                        detail: format!(
                            "unknown layer {:?}: the layers are entities, dates and quotes",
                            name.trim()
                        ),
                    })
                }
            }
        }
        if layers
            == (Layers {
                entities: false,
                dates: false,
                quotes: false,
            })
        {
            return Err(Error::BadOptions {
                detail: "no layer chosen: name at least one of entities, dates, quotes".into(),
            });
        }
        Ok(layers)
    }
}

/// Holds everything compiled once (regexes, lexicons, model weights); reuse it across texts.
pub struct Annotator {
    entities: entities::EntityRecognizer,
    dates: dates::DateRecognizer,
    quotes: quotes::QuoteRecognizer,
}

impl Default for Annotator {
    fn default() -> Self {
        Self::new()
    }
}

impl Annotator {
    /// Compiles the recognisers.
    pub fn new() -> Self {
        Annotator {
            entities: entities::EntityRecognizer::new(),
            dates: dates::DateRecognizer::new(),
            quotes: quotes::QuoteRecognizer::new(),
        }
    }

    /// The shared default annotator, built on first use.
    pub fn shared() -> &'static Annotator {
        static SHARED: std::sync::OnceLock<Annotator> = std::sync::OnceLock::new();
        SHARED.get_or_init(Annotator::new)
    }

    /// Annotates any text. Never panics; an empty text gives empty annotations.
    pub fn annotate(&self, text: &str, options: &Options) -> Annotations {
        let view = text::normalise::Normalised::new(text);
        let mut found = self.annotate_view(view.text(text), options);
        if view.changed() {
            map_spans(&mut found, |s| view.to_original(text, s));
        }
        on_graphemes(text, found)
    }

    /// Annotates the recognition view of a text (see [`text::normalise`]).
    fn annotate_view(&self, text: &str, options: &Options) -> Annotations {
        let doc = text::Document::new(text);
        let layers = options.layers;
        let mut entities = if layers.entities || layers.quotes {
            self.entities.find(&doc)
        } else {
            Vec::new()
        };
        let scan = dates::Scan::new(&doc);
        let document_date = match options.document_date {
            Some(date) => Some(DocumentDate {
                date,
                source: DateSource::Given,
            }),
            // A date line outside the range is no document date either, as a typed one would not be.
            None => self
                .dates
                .detect_document_date(&scan)
                .filter(|d| in_document_date_range(d.date)),
        };
        let dates = if layers.dates {
            self.dates.find(&scan, document_date.map(|d| d.date), &entities)
        } else {
            Vec::new()
        };
        let mut quotes = if layers.quotes {
            self.quotes.find(&doc, &entities)
        } else {
            Vec::new()
        };
        if !layers.entities {
            // Speakers keep their names, but point at no entity the export does not contain.
            entities.clear();
            quotes.iter_mut().for_each(|q| q.speaker_entity = None);
        }
        Annotations {
            document_date,
            entities,
            dates,
            quotes,
        }
    }
}

/// Moves every span onto grapheme boundaries, so no highlight starts or ends inside a
/// user-perceived character (a combining accent on a closing quote mark, a stray mark after a
/// space). Done once here rather than in each recogniser; an entity left with no letter or
/// digit is dropped.
fn on_graphemes(text: &str, mut found: Annotations) -> Annotations {
    map_spans(&mut found, |s| text::graphemes::snap(text, s));
    let named = |s: text::Span| s.slice(text).chars().any(char::is_alphanumeric);
    found.entities.retain(|e| named(e.span));
    // A speaker whose mention holds no letter or digit is no one; a speaker entity dropped just
    // above is not pointed at (the export must never name an entity it does not carry).
    let kept: std::collections::HashSet<usize> = found.entities.iter().map(|e| e.entity).collect();
    for q in &mut found.quotes {
        if q.speaker_span.is_some_and(|s| !named(s)) {
            q.speaker = None;
            q.speaker_span = None;
        }
        if q.speaker_entity.is_some_and(|e| !kept.contains(&e)) {
            q.speaker_entity = None;
        }
    }
    found
}

/// Applies `f` to every span in `found`.
fn map_spans(found: &mut Annotations, f: impl Fn(text::Span) -> text::Span) {
    for e in &mut found.entities {
        e.span = f(e.span);
    }
    for d in &mut found.dates {
        d.span = f(d.span);
    }
    for q in &mut found.quotes {
        q.span = f(q.span);
        q.speaker_span = q.speaker_span.map(&f);
    }
    if let Some(DocumentDate {
        source: DateSource::Text(s),
        ..
    }) = &mut found.document_date
    {
        *s = f(*s);
    }
}

/// Checks that a text can be annotated (size limit), so callers can report it before work starts.
pub fn check_text(text: &str) -> Result<(), Error> {
    if text.len() > MAX_TEXT_BYTES {
        return Err(Error::TextTooLarge { bytes: text.len() });
    }
    Ok(())
}

/// Annotates `text` with the shared annotator and returns the `newsmark/1` export.
pub fn annotate_to_export(text: &str, options: &Options) -> Result<export::Export, Error> {
    check_text(text)?;
    let found = Annotator::shared().annotate(text, options);
    Ok(export::Export::from_annotations(text, found))
}
