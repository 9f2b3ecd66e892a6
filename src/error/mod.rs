//! The crate's error: one small opaque type with a kind, the item, field and input position it
//! names, its cause, and a message a person can act on.

mod detail;
mod engine;
mod item;
#[cfg(feature = "serde")]
pub(crate) mod json;
mod judgment;
mod plan;
mod read;
mod section;
mod source;

use std::fmt;

pub(crate) use detail::{
    Detail, EngineDetail, ItemDetail, JudgmentDetail, PlanDetail, ReadDetail, SectionDetail,
};
pub(crate) use source::Source;

/// A `Result` whose error is the crate's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Everything that can go wrong: bad input, a parameter out of range, an input that cannot be
/// read. Never a panic, never a silent default.
///
/// Programs ask what kind of mistake it is ([`Error::kind`]) and what it names ([`Error::item`],
/// [`Error::field`], [`Error::line`], [`Error::column`]); people read the message, lowercase and
/// naming the item, the field, the value and what is allowed, so that the input can be fixed from
/// the message alone. The error is one pointer wide, `Send + Sync + 'static`, and `Clone`.
///
/// ```
/// use prioritize::{BacklogItem, ErrorKind};
///
/// let error = BacklogItem::builder("CHK-7", "Saved cards").confidence(80).build().unwrap_err();
/// assert_eq!(error.kind(), ErrorKind::Value);
/// assert_eq!((error.item(), error.field()), (Some("CHK-7"), Some("confidence")));
/// assert_eq!(error.to_string(), r#"item "CHK-7": confidence 80 is outside 0..=1 (write 0.8 for 80 %)"#);
/// ```
#[derive(Clone, PartialEq)]
pub struct Error(Box<Inner>);

#[derive(Debug, Clone, PartialEq)]
struct Inner {
    detail: Detail,
    /// Where in a JSON input the reader was when it found the mistake: (line, column).
    at: Option<(u64, u64)>,
}

/// What kind of mistake an [`Error`] is, for a program to answer it (a web service: 422 for
/// [`Value`](ErrorKind::Value), 409 for [`Structure`](ErrorKind::Structure), 400 for
/// [`Syntax`](ErrorKind::Syntax), ...).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// A number, label or text that is not allowed: out of range, of the wrong type, not finite,
    /// an unknown label; a score that overflows.
    Value,
    /// Items, sections and names that do not fit together: a duplicate id, an unknown or removed
    /// dependency, a cycle, an unknown or undeclared name, a section given twice.
    Structure,
    /// JSON, CSV or formula text that does not parse.
    Syntax,
    /// An item the engine cannot score, in strict mode.
    Unscored,
    /// An engine's, a plan's or an analysis's own parameter: an alignment weight, a pin, a
    /// capacity that the Must Haves exceed.
    Parameter,
    /// The input cannot be read.
    Io,
}

impl Error {
    /// What kind of mistake it is.
    #[must_use]
    pub fn kind(&self) -> ErrorKind {
        self.0.detail.kind()
    }

    /// The id of the item it names, if it names one.
    #[must_use]
    pub fn item(&self) -> Option<&str> {
        self.0.detail.item()
    }

    /// The field it names (an interchange name such as `effort`, or a criterion's id), or the
    /// parameter for a [`Parameter`](ErrorKind::Parameter) error, if it names one.
    #[must_use]
    pub fn field(&self) -> Option<&str> {
        self.0.detail.field()
    }

    /// The line of the input it was found at (from 1), where there is one: a CSV record's line,
    /// or where a JSON reader was.
    #[must_use]
    pub fn line(&self) -> Option<u64> {
        self.0.at.map(|(line, _)| line).or_else(|| self.0.detail.line())
    }

    /// The column of the input it was found at (from 1), where a JSON reader was.
    #[must_use]
    pub fn column(&self) -> Option<u64> {
        self.0.at.map(|(_, column)| column).or_else(|| self.0.detail.column())
    }

    /// A number outside what a value type allows, not yet tied to an item.
    pub(crate) fn out_of(value: f64, allowed: &'static str) -> Error {
        ItemDetail::Number { value, allowed }.into()
    }

    /// A text that is none of a value type's labels.
    pub(crate) fn label(text: &str, expected: &'static str) -> Error {
        ItemDetail::Label { text: text.to_owned(), expected }.into()
    }

    /// The error tied to an item and a field: a number outside a value type's range becomes
    /// one outside the field's range; any other error stays as it is.
    #[must_use]
    pub(crate) fn at(self, item: &str, field: &str) -> Error {
        match self.0.detail {
            Detail::Item(ItemDetail::Number { value, allowed }) => ItemDetail::OutOfRange {
                item: item.to_owned(),
                field: field.to_owned(),
                value,
                allowed: allowed.to_owned(),
            }
            .into(),
            _ => self,
        }
    }

    /// The same error `lines` lines further down, for an error of a CSV reader that began
    /// reading `lines` lines into the input; other errors are as they are.
    #[cfg(feature = "csv")]
    pub(crate) fn below(mut self, lines: u64) -> Error {
        if let Detail::Read(detail) = &mut self.0.detail {
            detail.move_down(lines);
        }
        self
    }

    /// The error, found at `line` and `column` of a JSON input.
    #[cfg(feature = "json")]
    pub(crate) fn found_at(mut self, line: u64, column: u64) -> Error {
        self.0.at = Some((line, column));
        self
    }

    pub(crate) fn detail(&self) -> &Detail {
        &self.0.detail
    }
}

impl From<Detail> for Error {
    fn from(detail: Detail) -> Error {
        Error(Box::new(Inner { detail, at: None }))
    }
}

/// Each area's detail becomes an error.
macro_rules! from_area {
    ($($area:ident),*) => {
        $(
            impl From<$area> for Error {
                fn from(detail: $area) -> Error {
                    Error::from(Detail::from(detail))
                }
            }
        )*
    };
}

from_area!(ItemDetail, SectionDetail, EngineDetail, PlanDetail, ReadDetail, JudgmentDetail);

impl From<std::io::Error> for Error {
    fn from(error: std::io::Error) -> Error {
        ReadDetail::Io { source: Source::new(error) }.into()
    }
}

/// The message: the detail's, then where in a JSON input it was found, as JSON readers say it.
impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0.detail, f)?;
        match self.0.at {
            Some((line, column)) => write!(f, " at line {line} column {column}"),
            None => Ok(()),
        }
    }
}

impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Error")
            .field("kind", &self.kind())
            .field("item", &self.item())
            .field("field", &self.field())
            .field("line", &self.line())
            .field("message", &self.to_string())
            .finish()
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        std::error::Error::source(&self.0.detail)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_error_is_one_pointer() {
        assert_eq!(std::mem::size_of::<Error>(), std::mem::size_of::<usize>());
        assert_eq!(std::mem::size_of::<Result<()>>(), std::mem::size_of::<usize>());
    }
}
