//! Errors at the boundary: options and input limits. Annotating a valid text never fails.

use std::fmt;

/// Something the caller must fix; the message says what and how.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Error {
    /// The document date is not a real `YYYY-MM-DD` day.
    BadDocumentDate {
        /// What was given.
        given: String,
    },
    /// The document date is a real day but outside [`crate::DOCUMENT_DATE_RANGE`].
    DocumentDateOutOfRange {
        /// What was given, as `YYYY-MM-DD`.
        given: String,
    },
    /// The text is larger than [`crate::MAX_TEXT_BYTES`].
    TextTooLarge {
        /// Size of the text in bytes.
        bytes: usize,
    },
    /// The options object has an unknown field or a wrong type.
    BadOptions {
        /// What is wrong with it.
        detail: String,
    },
    /// Text given as a `newsmark/1` export (to convert to another format) is not one.
    NotAnExport {
        /// What is wrong with it.
        detail: String,
    },
    /// The input is not UTF-8 text.
    NotText {
        /// Byte offset of the first invalid byte.
        at: usize,
    },
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::BadDocumentDate { given } => write!(
                f,
                "document date {given:?} is not a calendar day: write it as YYYY-MM-DD, e.g. 2018-02-21"
            ),
            Error::DocumentDateOutOfRange { given } => write!(
                f,
                "document date {given} is outside the dates newsmark resolves against: give one from {} to {}",
                crate::DOCUMENT_DATE_RANGE.0,
                crate::DOCUMENT_DATE_RANGE.1
            ),
            Error::TextTooLarge { bytes } => write!(
                f,
                "the text is {:.1} MB, more than the {} MB newsmark annotates at once: split it into smaller parts",
                *bytes as f64 / 1e6,
                crate::MAX_TEXT_BYTES / 1_000_000
            ),
            Error::BadOptions { detail } => write!(f, "bad options: {detail}"),
            Error::NotAnExport { detail } => write!(
                f,
                "not a newsmark/1 export ({detail}): give the JSON that annotateJson returns"
            ),
            Error::NotText { at } => write!(
                f,
                "the input is not UTF-8 text (invalid byte at offset {at}): convert it to UTF-8 first"
            ),
        }
    }
}

impl std::error::Error for Error {}
