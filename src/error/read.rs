//! The errors of input that cannot be read or parsed.

use super::ErrorKind;
use super::source::Source;

/// What went wrong with input that cannot be read or parsed.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
// Some variants are the readers' (JSON, CSV), which features may leave out.
#[cfg_attr(not(all(feature = "json", feature = "csv")), allow(dead_code))]
pub(crate) enum ReadDetail {
    /// A CSV file is malformed: a row whose number of cells differs from the header's, text that
    /// is not UTF-8, or a header without an `id` column.
    #[error("csv line {line}: {reason}")]
    MalformedCsv {
        /// The line, from 1 (the header).
        line: u64,
        /// What is wrong, and what is expected.
        reason: String,
    },
    /// The CSV reader failed otherwise.
    #[error("csv line {line}: {source}")]
    Csv {
        /// The line, from 1 (the header).
        line: u64,
        /// The CSV reader's error.
        #[source]
        source: Source,
    },
    /// The input holds nothing but white space.
    #[error("the input is empty (expected {expected})")]
    EmptyInput {
        /// What a reader expects to begin with.
        expected: &'static str,
    },
    /// Reading the input failed.
    #[error("cannot read the input: {source}")]
    Io {
        /// The operating system's error.
        #[source]
        source: Source,
    },
    /// JSON that does not parse, or holds a value of the wrong shape, as the JSON parser says it.
    #[error("{message}")]
    Json {
        /// The parser's message (with the line and column).
        message: String,
        /// The line, from 1.
        line: u64,
        /// The column, from 1.
        column: u64,
        /// Whether the text does not parse (else it parses, to the wrong shape).
        syntax: bool,
        /// The parser's error.
        #[source]
        source: Source,
    },
}

impl ReadDetail {
    pub(super) fn kind(&self) -> ErrorKind {
        match self {
            ReadDetail::MalformedCsv { .. }
            | ReadDetail::Csv { .. }
            | ReadDetail::EmptyInput { .. }
            | ReadDetail::Json { syntax: true, .. } => ErrorKind::Syntax,
            ReadDetail::Json { .. } => ErrorKind::Value,
            ReadDetail::Io { .. } => ErrorKind::Io,
        }
    }

    /// Moves the line `lines` lines further down: a CSV error found in a part of the input.
    #[cfg(feature = "csv")]
    pub(super) fn move_down(&mut self, lines: u64) {
        if let ReadDetail::MalformedCsv { line, .. } | ReadDetail::Csv { line, .. } = self {
            *line += lines;
        }
    }

    pub(super) fn line(&self) -> Option<u64> {
        match self {
            ReadDetail::MalformedCsv { line, .. }
            | ReadDetail::Csv { line, .. }
            | ReadDetail::Json { line, .. } => Some(*line),
            _ => None,
        }
    }

    pub(super) fn column(&self) -> Option<u64> {
        match self {
            ReadDetail::Json { column, .. } => Some(*column),
            _ => None,
        }
    }
}
