//! The errors of an item and its values: the checks of every reader and of the builder.

use super::ErrorKind;
use std::fmt;

/// What went wrong with an item and its values: the checks of every reader and of the builder.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
// Some variants are the readers' (JSON, CSV), which features may leave out.
#[cfg_attr(not(all(feature = "json", feature = "csv")), allow(dead_code))]
pub(crate) enum ItemDetail {
    /// A number outside the range of a checked value type, before it is tied to an item.
    #[error("{value} is outside {allowed}")]
    Number {
        /// The offending value.
        value: f64,
        /// What is allowed.
        allowed: &'static str,
    },
    /// A text that is none of a value type's labels.
    #[error("{text:?} is not {expected}")]
    Label {
        /// The text as given.
        text: String,
        /// What is allowed.
        expected: &'static str,
    },
    /// A number is NaN, infinite or outside the field's range.
    #[error("item {item:?}: {field} {value} is outside {allowed}{}", range_hint(.field, *.value))]
    OutOfRange {
        /// The item's id.
        item: String,
        /// The field: a built-in field's or a criterion's name.
        field: String,
        /// The offending value.
        value: f64,
        /// What is allowed, e.g. `0..=1`.
        allowed: String,
    },
    /// A range estimate whose ends are out of order (`low <= expected <= high` is required).
    #[error(
        "item {item:?}: {field} range {} is out of order (need low <= expected <= high)",
        RangeDisplay { low: *.low, expected: *.expected, high: *.high }
    )]
    InvalidEstimate {
        /// The item's id.
        item: String,
        /// The field: a built-in field's or a criterion's name.
        field: String,
        /// The low end.
        low: f64,
        /// The expected value, when given.
        expected: Option<f64>,
        /// The high end.
        high: f64,
    },
    /// A text value is not one the field accepts (an unknown MoSCoW label, an unknown impact level).
    #[error("item {item:?}: {field} {value:?} is not {expected}")]
    InvalidValue {
        /// The item's id.
        item: String,
        /// The field: a built-in field's or a criterion's name.
        field: String,
        /// The offending text.
        value: String,
        /// What is accepted.
        expected: &'static str,
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
    /// An edit names an item the backlog does not hold.
    #[error("item {item:?}: no item of the backlog has this id")]
    UnknownItem {
        /// The id as given (trimmed).
        item: String,
    },
    /// An item cannot be removed while other items depend on it.
    #[error("item {item:?}: cannot be removed while {} depend on it", quoted_list(.dependents))]
    HasDependents {
        /// The item's id.
        item: String,
        /// The ids of the items that depend on it, in input order.
        dependents: Vec<String>,
    },
    /// A rated field of an item copied out of a backlog would take another value in the backlog
    /// it joins, whose raters or aggregate differ.
    #[error(
        "item {item:?}: {field} is {carried} from its ratings where the item comes from, but would be \
         {computed} here (give this backlog the raters, with their weights, and the aggregate the \
         ratings were combined with)"
    )]
    RatedValueChanged {
        /// The item's id.
        item: String,
        /// The rated field.
        field: String,
        /// The value the item carries.
        carried: f64,
        /// The value this backlog's raters and aggregate give.
        computed: f64,
    },
    /// An item depends on itself.
    #[error("item {item:?}: depends_on names the item itself")]
    SelfDependency {
        /// The item's id.
        item: String,
    },
    /// The dependencies form a cycle.
    #[error("item {:?}: depends_on forms a cycle: {}", .cycle.first().map_or("", String::as_str), CycleDisplay(.cycle))]
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
    /// A rating names a rater the backlog does not declare (when it declares raters).
    #[error("item {item:?}: {field} rating by {rater:?} names no declared rater (raters: {})", rater_list(.raters))]
    UnknownRater {
        /// The item's id.
        item: String,
        /// The rated field.
        field: String,
        /// The undeclared rater.
        rater: String,
        /// The declared raters' ids, which the message lists.
        raters: Vec<String>,
    },
    /// A rating is NaN, infinite or outside its field's range.
    #[error("item {item:?}: {field} rating {value} by {rater:?} is outside {allowed}{}", range_hint(.field, *.value))]
    RatingOutOfRange {
        /// The item's id.
        item: String,
        /// The rated field: a built-in field's or a criterion's name.
        field: String,
        /// The rater.
        rater: String,
        /// The offending rating.
        value: f64,
        /// What the field allows, e.g. `0..=1`.
        allowed: String,
    },
    /// A field's ratings are malformed: no rater, a rater named twice, a rater id that is empty
    /// or has control characters, or ratings together with a range.
    #[error("item {item:?}: {field} ratings: {reason}")]
    InvalidRatings {
        /// The item's id.
        item: String,
        /// The rated field.
        field: String,
        /// What is wrong, and what is allowed.
        reason: String,
    },
    /// An item in JSON (or another serde format) has a field the interchange format does not
    /// define, such as the typo `confidance`.
    #[error(
        "item {item:?}: unknown field {field:?} (expected id, title, reach, impact, confidence, effort, \
         business_value, time_criticality, risk_reduction, ease, cost_of_delay, duration, importance, \
         satisfaction, moscow, alignment, depends_on, tags or a declared criterion{})",
        known_criteria(.criteria)
    )]
    UnknownField {
        /// The item's id.
        item: String,
        /// The unknown field's name.
        field: String,
        /// The backlog's declared criteria, which the message lists.
        criteria: Vec<String>,
    },
    /// An item in JSON (or another serde format) gives a field a value of the wrong type.
    #[error("item {item:?}: {field}: expected {expected}, got {found}")]
    WrongType {
        /// The item's id (or, for an item without one, how it can be found).
        item: String,
        /// The field.
        field: String,
        /// What the field takes.
        expected: &'static str,
        /// What it got.
        found: String,
    },
    /// An item in JSON (or another serde format) has no id.
    #[error("item titled {title:?}: id is missing (expected a non-empty string)")]
    MissingId {
        /// The item's title, the only name it has.
        title: String,
    },
    /// An item in JSON (or another serde format) gives a field twice.
    #[error("item {item:?}: {field} is given twice")]
    RepeatedField {
        /// The item's id.
        item: String,
        /// The field: a built-in field's or a criterion's name.
        field: String,
    },
    /// The backlog holds more items than an index of 32 bits can count.
    #[error("backlog of {count} items exceeds the limit of {} items", u32::MAX)]
    TooManyItems {
        /// The number of items given.
        count: usize,
    },
}

impl ItemDetail {
    pub(super) fn kind(&self) -> ErrorKind {
        match self {
            ItemDetail::Number { .. }
            | ItemDetail::Label { .. }
            | ItemDetail::OutOfRange { .. }
            | ItemDetail::InvalidEstimate { .. }
            | ItemDetail::InvalidValue { .. }
            | ItemDetail::EmptyId { .. }
            | ItemDetail::RatedValueChanged { .. }
            | ItemDetail::RatingOutOfRange { .. }
            | ItemDetail::InvalidRatings { .. }
            | ItemDetail::WrongType { .. } => ErrorKind::Value,
            ItemDetail::DuplicateId { .. }
            | ItemDetail::UnknownDependency { .. }
            | ItemDetail::UnknownItem { .. }
            | ItemDetail::HasDependents { .. }
            | ItemDetail::SelfDependency { .. }
            | ItemDetail::DependencyCycle { .. }
            | ItemDetail::UnknownObjective { .. }
            | ItemDetail::DuplicateContribution { .. }
            | ItemDetail::UnknownRater { .. }
            | ItemDetail::UnknownField { .. }
            | ItemDetail::MissingId { .. }
            | ItemDetail::RepeatedField { .. }
            | ItemDetail::TooManyItems { .. } => ErrorKind::Structure,
        }
    }

    pub(super) fn item(&self) -> Option<&str> {
        match self {
            ItemDetail::OutOfRange { item, .. }
            | ItemDetail::InvalidEstimate { item, .. }
            | ItemDetail::InvalidValue { item, .. }
            | ItemDetail::DuplicateId { item, .. }
            | ItemDetail::UnknownDependency { item, .. }
            | ItemDetail::UnknownItem { item, .. }
            | ItemDetail::HasDependents { item, .. }
            | ItemDetail::RatedValueChanged { item, .. }
            | ItemDetail::SelfDependency { item, .. }
            | ItemDetail::UnknownObjective { item, .. }
            | ItemDetail::DuplicateContribution { item, .. }
            | ItemDetail::UnknownRater { item, .. }
            | ItemDetail::RatingOutOfRange { item, .. }
            | ItemDetail::InvalidRatings { item, .. }
            | ItemDetail::UnknownField { item, .. }
            | ItemDetail::WrongType { item, .. }
            | ItemDetail::RepeatedField { item, .. } => Some(item),
            ItemDetail::DependencyCycle { cycle } => cycle.first().map(String::as_str),
            _ => None,
        }
    }

    pub(super) fn field(&self) -> Option<&str> {
        match self {
            ItemDetail::OutOfRange { field, .. }
            | ItemDetail::InvalidEstimate { field, .. }
            | ItemDetail::InvalidValue { field, .. }
            | ItemDetail::RatedValueChanged { field, .. }
            | ItemDetail::UnknownRater { field, .. }
            | ItemDetail::RatingOutOfRange { field, .. }
            | ItemDetail::InvalidRatings { field, .. }
            | ItemDetail::UnknownField { field, .. }
            | ItemDetail::WrongType { field, .. }
            | ItemDetail::RepeatedField { field, .. } => Some(field),
            ItemDetail::DuplicateId { .. } | ItemDetail::EmptyId { .. } | ItemDetail::MissingId { .. } => {
                Some("id")
            }
            ItemDetail::UnknownDependency { .. }
            | ItemDetail::SelfDependency { .. }
            | ItemDetail::DependencyCycle { .. } => Some("depends_on"),
            ItemDetail::UnknownObjective { .. } | ItemDetail::DuplicateContribution { .. } => {
                Some("alignment")
            }
            _ => None,
        }
    }
}

/// A hint for the common slips: a confidence in percent, an effort or a duration of 0.
fn range_hint(field: &str, value: f64) -> String {
    match field {
        "confidence" if value > 1.0 && value <= 100.0 => format!(" (write {} for {value} %)", value / 100.0),
        "effort" if value == 0.0 => " (an effort of 0 would make the score infinite)".into(),
        "duration" if value == 0.0 => " (a duration of 0 would make the score infinite)".into(),
        _ => String::new(),
    }
}

fn rater_list(raters: &[String]) -> String {
    if raters.is_empty() { "none".to_owned() } else { raters.join(", ") }
}

fn known_criteria(criteria: &[String]) -> String {
    if criteria.is_empty() { String::new() } else { format!(": {}", criteria.join(", ")) }
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

/// How the ends of an out-of-order range read in an error message.
struct RangeDisplay {
    low: f64,
    expected: Option<f64>,
    high: f64,
}

impl fmt::Display for RangeDisplay {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.expected {
            Some(expected) => write!(f, "{{low: {}, expected: {expected}, high: {}}}", self.low, self.high),
            None => write!(f, "{{low: {}, high: {}}}", self.low, self.high),
        }
    }
}

/// Quoted ids, comma-separated: `"B", "C"`.
fn quoted_list(ids: &[String]) -> String {
    ids.iter().map(|id| format!("{id:?}")).collect::<Vec<_>>().join(", ")
}
