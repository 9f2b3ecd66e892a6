//! Typed errors through a serde deserializer: the readers' checks fail with the crate's
//! [`Error`], which serde can carry only as text; the error is kept aside here too, so that
//! [`Backlog::from_json`](crate::Backlog::from_json) gives it back whole, with the position the
//! JSON reader adds.

use std::cell::RefCell;

use super::Error;
#[cfg(feature = "json")]
use super::{ReadDetail, Result, Source};

thread_local! {
    /// The last error a check raised inside a deserializer on this thread.
    static KEPT: RefCell<Option<Error>> = const { RefCell::new(None) };
}

/// `error` as a deserializer's error, its text unchanged, the error itself kept aside.
pub(crate) fn custom<E: serde::de::Error>(error: Error) -> E {
    let text = error.to_string();
    KEPT.with(|kept| *kept.borrow_mut() = Some(error));
    E::custom(text)
}

/// Reads with `read` (serde_json over some input), turning its error into the crate's: the
/// check's own error where one failed (with the line and column the reader was at), else a
/// [`Syntax`](crate::ErrorKind::Syntax) or [`Value`](crate::ErrorKind::Value) error that keeps
/// the reader's message.
#[cfg(feature = "json")]
pub(crate) fn read<T>(read: impl FnOnce() -> serde_json::Result<T>) -> Result<T> {
    KEPT.with(|kept| kept.borrow_mut().take());
    let error = match read() {
        Ok(value) => return Ok(value),
        Err(error) => error,
    };
    let kept = KEPT.with(|kept| kept.borrow_mut().take());
    let (line, column) = (error.line() as u64, error.column() as u64);
    match kept {
        // The reader's text is the check's, with the position: it is the same error.
        Some(kept) if error.to_string() == format!("{kept} at line {line} column {column}") => {
            Err(kept.found_at(line, column))
        }
        _ => {
            let syntax = error.is_syntax() || error.is_eof();
            let io = error.is_io();
            let message = error.to_string();
            if io {
                return Err(ReadDetail::Io { source: Source::new(error) }.into());
            }
            Err(ReadDetail::Json { message, line, column, syntax, source: Source::new(error) }.into())
        }
    }
}
