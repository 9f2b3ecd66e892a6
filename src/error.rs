//! The crate's error type.

use std::fmt;

use crate::field::{Field, FieldSet};

/// A `Result` whose error is the crate's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Everything that can go wrong, each naming the item, the field, the value and what is allowed.
///
/// Messages are lowercase and name the offending part, so a user can fix the input from the
/// message alone:
///
/// ```
/// use prioritize::BacklogItem;
///
/// let error = BacklogItem::builder("CHK-7", "Saved cards").confidence(80).build().unwrap_err();
/// assert_eq!(
///     error.to_string(),
///     r#"item "CHK-7": confidence 80 is outside 0..=1 (write 0.8 for 80 %)"#
/// );
/// ```
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A number is NaN, infinite or outside the field's range.
    #[error("item {item:?}: {field} {value} is outside {allowed}{}", range_hint(*.field, *.value))]
    OutOfRange {
        /// The item's id.
        item: String,
        /// The field.
        field: Field,
        /// The offending value.
        value: f64,
        /// What is allowed, e.g. `0..=1`.
        allowed: &'static str,
    },
    /// A text value is not one the field accepts (an unknown MoSCoW label, an unknown impact level).
    #[error("item {item:?}: {field} {value:?} is not {expected}")]
    InvalidValue {
        /// The item's id.
        item: String,
        /// The field.
        field: Field,
        /// The offending text.
        value: String,
        /// What is accepted.
        expected: &'static str,
    },
    /// WSJF's strict mode met a value off SAFe's modified Fibonacci scale.
    #[error("item {item:?}: {field} {value} is not on the wsjf scale 1, 2, 3, 5, 8, 13, 20 (strict mode)")]
    OffScale {
        /// The item's id.
        item: String,
        /// The field.
        field: Field,
        /// The offending value.
        value: f64,
    },
    /// An item's id is the empty string.
    #[error("item titled {title:?}: id \"\" is empty (expected a non-empty string)")]
    EmptyId {
        /// The item's title, the only name it has.
        title: String,
    },
    /// Two items share an id.
    #[error("item {item:?}: id is used twice, at index {first} and {second} (ids must be unique)")]
    DuplicateId {
        /// The shared id.
        item: String,
        /// The first item's position in the input, from 0.
        first: usize,
        /// The second item's position in the input, from 0.
        second: usize,
    },
    /// A dependency names no item of the backlog.
    #[error("item {item:?}: depends_on {dependency:?} names no item in the backlog")]
    UnknownDependency {
        /// The item's id.
        item: String,
        /// The unknown id it depends on.
        dependency: String,
    },
    /// An item depends on itself.
    #[error("item {item:?}: depends_on names the item itself")]
    SelfDependency {
        /// The item's id.
        item: String,
    },
    /// The dependencies form a cycle.
    #[error("item {:?}: depends_on forms a cycle: {}", .cycle[0], CycleDisplay(.cycle))]
    DependencyCycle {
        /// The ids on the cycle, each depending on the next; the last depends on the first.
        cycle: Vec<String>,
    },
    /// An alignment names an objective the backlog does not define.
    #[error("item {item:?}: alignment names objective {objective:?}, which the backlog does not define")]
    UnknownObjective {
        /// The item's id.
        item: String,
        /// The unknown objective id.
        objective: String,
    },
    /// An alignment names the same objective twice.
    #[error("item {item:?}: alignment names objective {objective:?} twice")]
    DuplicateContribution {
        /// The item's id.
        item: String,
        /// The repeated objective id.
        objective: String,
    },
    /// An objective is invalid: an empty id, or a weight that is not a finite number > 0.
    #[error("objective {objective:?}: {field} {value} is outside {allowed}")]
    InvalidObjective {
        /// The objective's id.
        objective: String,
        /// The field: `id` or `weight`.
        field: &'static str,
        /// The offending value, as written.
        value: String,
        /// What is allowed.
        allowed: &'static str,
    },
    /// Two objectives share an id.
    #[error("objective {objective:?}: id is used twice (objective ids must be unique)")]
    DuplicateObjective {
        /// The shared id.
        objective: String,
    },
    /// A score came out infinite or NaN: the inputs are too large for `f64`.
    #[error("item {item:?}: {framework} score is {value}, which overflows f64 (scale the inputs down)")]
    ScoreOverflow {
        /// The item's id.
        item: String,
        /// The engine that computed it.
        framework: String,
        /// The non-finite result.
        value: f64,
    },
    /// Strict mode met an item the engine cannot score.
    #[error("item {item:?}: {framework} needs {missing}, which the item lacks (strict mode)")]
    Unscored {
        /// The item's id.
        item: String,
        /// The engine.
        framework: String,
        /// The fields the item lacks.
        missing: FieldSet,
    },
    /// An engine or ranking option is out of its range.
    #[error("option {option}: {value} is outside {allowed}")]
    InvalidOption {
        /// The option, e.g. `alignment_weight`.
        option: &'static str,
        /// The offending value, as written.
        value: String,
        /// What is allowed.
        allowed: &'static str,
    },
    /// A CSV file is malformed: a row whose number of cells differs from the header's, text that
    /// is not UTF-8, or a header without an `id` or `title` column.
    #[error("csv line {line}: {reason}")]
    MalformedCsv {
        /// The line, from 1 (the header).
        line: u64,
        /// What is wrong, and what is expected.
        reason: String,
    },
    /// Reading the input failed.
    #[error("cannot read the input: {reason}")]
    Io {
        /// The operating system's reason.
        reason: String,
    },
    /// The backlog holds more items than an index of 32 bits can count.
    #[error("backlog of {count} items exceeds the limit of {} items", u32::MAX)]
    TooManyItems {
        /// The number of items given.
        count: usize,
    },
}

fn range_hint(field: Field, value: f64) -> String {
    match field {
        Field::Confidence if value > 1.0 && value <= 100.0 => {
            format!(" (write {} for {value} %)", value / 100.0)
        }
        Field::Effort if value == 0.0 => " (an effort of 0 would make the score infinite)".into(),
        _ => String::new(),
    }
}

struct CycleDisplay<'a>(&'a [String]);

impl fmt::Display for CycleDisplay<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for id in self.0 {
            write!(f, "{id:?} -> ")?;
        }
        match self.0.first() {
            Some(first) => write!(f, "{first:?}"),
            None => Ok(()),
        }
    }
}

/// A number outside the range of a checked value type, before it is tied to an item.
///
/// The constructors of [`Effort`](crate::Effort), [`Confidence`](crate::Confidence) and the other
/// value types return it; building an item turns it into an [`Error::OutOfRange`] that names the
/// item and the field.
///
/// ```
/// use prioritize::Effort;
///
/// let error = Effort::new(0.0).unwrap_err();
/// assert_eq!(error.to_string(), "0 is outside the finite numbers > 0");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, thiserror::Error)]
#[error("{value} is outside {allowed}")]
pub struct ValueError {
    /// The offending value.
    pub value: f64,
    /// What is allowed.
    pub allowed: &'static str,
}

impl ValueError {
    /// Ties the error to an item and a field.
    #[must_use]
    pub fn at(self, item: &str, field: Field) -> Error {
        Error::OutOfRange { item: item.to_owned(), field, value: self.value, allowed: self.allowed }
    }
}
