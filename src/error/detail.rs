//! What went wrong, in detail: one variant a kind of mistake, each naming the item, the field,
//! the value and what is allowed. Private: programs read an [`Error`](super::Error)'s kind and
//! accessors, and people its message, which is this detail's.

use std::fmt;

use std::sync::Arc;

use super::ErrorKind;

/// Everything that can go wrong, each naming the item, the field, the value and what is allowed.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
// Some variants are the readers' (JSON, CSV), which features may leave out.
#[cfg_attr(not(all(feature = "json", feature = "csv")), allow(dead_code))]
pub(crate) enum Detail {
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
    /// WSJF's strict mode met a value off SAFe's modified Fibonacci scale.
    #[error("item {item:?}: {field} {value} is not on the wsjf scale 1, 2, 3, 5, 8, 13, 20 (strict mode)")]
    OffScale {
        /// The item's id.
        item: String,
        /// The field.
        field: String,
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
    /// A framework name that is none of the built-in engines'.
    #[error("framework {name:?} is not one of rice, wsjf, moscow, ice, cd3, opportunity")]
    UnknownFramework {
        /// The name as given.
        name: String,
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
    /// A rater is invalid: an empty id, an id with control characters, or a weight that is not
    /// a finite number > 0.
    #[error("rater {rater:?}: {field} {value} is outside {allowed}")]
    InvalidRater {
        /// The rater's id.
        rater: String,
        /// The field: `id` or `weight`.
        field: &'static str,
        /// The offending value, as written.
        value: String,
        /// What is allowed.
        allowed: &'static str,
    },
    /// Two raters share an id.
    #[error("rater {rater:?}: id is declared twice (rater ids must be unique)")]
    DuplicateRater {
        /// The shared id.
        rater: String,
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
    #[error("item {item:?}: {framework} needs {}, which the item lacks (strict mode)", .missing.join(", "))]
    Unscored {
        /// The item's id.
        item: String,
        /// The engine.
        framework: String,
        /// The names of the fields the item lacks.
        missing: Vec<String>,
    },
    /// A parameter of an engine, a ranking or an analysis is out of its range.
    #[error("{parameter} {value} is outside {allowed}")]
    InvalidParameter {
        /// The parameter, e.g. `alignment_weight`.
        parameter: &'static str,
        /// The offending value, as written.
        value: String,
        /// What is allowed.
        allowed: &'static str,
    },
    /// A pin names an item the order does not hold, or conflicts with another pin.
    #[error("item {item:?}: pin {pin} is invalid: {reason}")]
    InvalidPin {
        /// The pinned item's id, as given.
        item: String,
        /// The pin, e.g. `to position 3` or `before "AUTH-2"`.
        pin: String,
        /// What is wrong and what is allowed.
        reason: String,
    },
    /// A pin would place an item before an item it depends on.
    #[error(
        "item {item:?}: pin {pin} would place {dependent:?} before {prerequisite:?}, which it depends on"
    )]
    PinBreaksDependency {
        /// The pinned item's id.
        item: String,
        /// The pin, e.g. `to position 1`.
        pin: String,
        /// The item that depends on `prerequisite`.
        dependent: String,
        /// The item `dependent` names in its `depends_on`.
        prerequisite: String,
    },
    /// A Must Have cannot be planned: it lacks an effort, or depends on an item that cannot be.
    #[error("item {item:?}: must have cannot be planned: {reason}")]
    MustUnplannable {
        /// The Must Have's id.
        item: String,
        /// Why, naming the field or the prerequisite.
        reason: String,
    },
    /// The Must Haves, with their prerequisites, need more effort than the capacity.
    #[error(
        "must haves and their prerequisites need effort {effort}, over the capacity {capacity} by {shortfall}"
    )]
    MustOverCapacity {
        /// The effort of the Must Haves and their prerequisites.
        effort: f64,
        /// The capacity.
        capacity: f64,
        /// `effort - capacity`.
        shortfall: f64,
        /// How many items the Must Haves and their prerequisites are.
        count: usize,
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
    /// A criterion is invalid: an id that is not `[a-z][a-z0-9_]*` or names a built-in field, a
    /// bound that is not finite, or `min > max`.
    #[error("criterion {criterion:?}: {field} {value} is not {allowed}")]
    InvalidCriterion {
        /// The criterion's id.
        criterion: String,
        /// The part: `id`, `min` or `max`.
        field: &'static str,
        /// The offending value, as written.
        value: String,
        /// What is allowed.
        allowed: String,
    },
    /// Two criteria share an id.
    #[error("criterion {criterion:?}: id is declared twice (criterion ids must be unique)")]
    DuplicateCriterion {
        /// The shared id.
        criterion: String,
    },
    /// More criteria than a backlog holds.
    #[error("{count} criteria are declared, over the limit of {limit}")]
    TooManyCriteria {
        /// How many were declared.
        count: usize,
        /// How many a backlog holds.
        limit: usize,
    },
    /// A section (criteria, objectives, ...) is given both in a configuration and in the backlog.
    #[error("section {section:?} is given both in the configuration and in the backlog (give it once)")]
    RepeatedSection {
        /// The section's name.
        section: &'static str,
    },
    /// A formula does not parse: the error names the character where it fails and what was
    /// expected there.
    #[error("formula {formula:?}: at character {position}: {reason}")]
    InvalidFormula {
        /// The formula's text.
        formula: String,
        /// Where it fails: the position of a character, from 1 (one past the end for a formula
        /// that ends too soon).
        position: usize,
        /// What was expected there, e.g. `expected a number, a name or "("`.
        reason: String,
    },
    /// A formula names a field the backlog does not have.
    #[error("formula {formula:?}: unknown name {name:?} (known: {})", .known.join(", "))]
    UnknownFormulaName {
        /// The formula's text.
        formula: String,
        /// The unknown name.
        name: String,
        /// The names the formula may use: the numeric built-in fields, `alignment` and the
        /// backlog's criteria.
        known: Vec<String>,
    },
    /// A formula's result for an item whose inputs are all present is not a finite number
    /// (`1 / 0`, `sqrt` of a negative number, `ln(0)`, or a number too large for `f64`).
    #[error("item {item:?}: formula {formula:?} gives {value}, which is not a finite score")]
    NonFiniteFormula {
        /// The item's id.
        item: String,
        /// The formula's text.
        formula: String,
        /// The result: infinite or NaN.
        value: f64,
    },
    /// A scorecard's definition is invalid: a weight that is not a finite number > 0, a field
    /// weighted twice or none at all, or a field without the bounds its normalization needs.
    #[error("scorecard {scorecard:?}: {reason}")]
    InvalidScorecard {
        /// The scorecard's name.
        scorecard: String,
        /// What is wrong, naming the field, and what is allowed.
        reason: String,
    },
    /// A scorecard weighs a field that is neither a numeric built-in field nor a criterion the
    /// backlog declares.
    #[error(
        "scorecard {scorecard:?}: field {field:?} is neither a numeric built-in field nor a declared \
         criterion (known: {})",
        .known.join(", ")
    )]
    UnknownScorecardField {
        /// The scorecard's name.
        scorecard: String,
        /// The unknown field.
        field: String,
        /// The fields a scorecard may weigh: the numeric built-in fields and the backlog's
        /// criteria.
        known: Vec<String>,
    },
    /// Two scorecards share a name.
    #[error("scorecard {scorecard:?} is defined twice (scorecard names must be unique)")]
    DuplicateScorecard {
        /// The shared name.
        scorecard: String,
    },
    /// A capacity plan needs scores, and the engine gives none (MoSCoW without a secondary engine).
    #[error(
        "the {framework} engine gives no scores; a capacity plan needs an engine that scores items \
         (rice, wsjf, or moscow with a secondary engine)"
    )]
    NoScores {
        /// The engine.
        framework: String,
    },
    /// The backlog holds more items than an index of 32 bits can count.
    #[error("backlog of {count} items exceeds the limit of {} items", u32::MAX)]
    TooManyItems {
        /// The number of items given.
        count: usize,
    },
}

impl Detail {
    /// What kind of mistake it is.
    pub(crate) fn kind(&self) -> ErrorKind {
        match self {
            Detail::MalformedCsv { .. }
            | Detail::Csv { .. }
            | Detail::EmptyInput { .. }
            | Detail::InvalidFormula { .. }
            | Detail::Json { syntax: true, .. } => ErrorKind::Syntax,
            Detail::Number { .. }
            | Detail::Label { .. }
            | Detail::OutOfRange { .. }
            | Detail::InvalidEstimate { .. }
            | Detail::InvalidValue { .. }
            | Detail::OffScale { .. }
            | Detail::EmptyId { .. }
            | Detail::InvalidObjective { .. }
            | Detail::InvalidRater { .. }
            | Detail::RatingOutOfRange { .. }
            | Detail::InvalidRatings { .. }
            | Detail::ScoreOverflow { .. }
            | Detail::WrongType { .. }
            | Detail::InvalidCriterion { .. }
            | Detail::NonFiniteFormula { .. }
            | Detail::InvalidScorecard { .. }
            | Detail::RatedValueChanged { .. }
            | Detail::Json { .. } => ErrorKind::Value,
            Detail::DuplicateId { .. }
            | Detail::UnknownDependency { .. }
            | Detail::UnknownItem { .. }
            | Detail::HasDependents { .. }
            | Detail::SelfDependency { .. }
            | Detail::DependencyCycle { .. }
            | Detail::UnknownObjective { .. }
            | Detail::DuplicateContribution { .. }
            | Detail::DuplicateObjective { .. }
            | Detail::DuplicateRater { .. }
            | Detail::UnknownRater { .. }
            | Detail::UnknownField { .. }
            | Detail::MissingId { .. }
            | Detail::RepeatedField { .. }
            | Detail::DuplicateCriterion { .. }
            | Detail::TooManyCriteria { .. }
            | Detail::RepeatedSection { .. }
            | Detail::UnknownFormulaName { .. }
            | Detail::UnknownScorecardField { .. }
            | Detail::DuplicateScorecard { .. }
            | Detail::TooManyItems { .. } => ErrorKind::Structure,
            Detail::Unscored { .. } => ErrorKind::Unscored,
            Detail::InvalidParameter { .. }
            | Detail::InvalidPin { .. }
            | Detail::PinBreaksDependency { .. }
            | Detail::MustUnplannable { .. }
            | Detail::MustOverCapacity { .. }
            | Detail::NoScores { .. }
            | Detail::UnknownFramework { .. } => ErrorKind::Parameter,
            Detail::Io { .. } => ErrorKind::Io,
        }
    }

    /// The id of the item it concerns, if one.
    pub(crate) fn item(&self) -> Option<&str> {
        match self {
            Detail::OutOfRange { item, .. }
            | Detail::InvalidEstimate { item, .. }
            | Detail::InvalidValue { item, .. }
            | Detail::OffScale { item, .. }
            | Detail::DuplicateId { item, .. }
            | Detail::UnknownDependency { item, .. }
            | Detail::UnknownItem { item, .. }
            | Detail::HasDependents { item, .. }
            | Detail::RatedValueChanged { item, .. }
            | Detail::SelfDependency { item, .. }
            | Detail::UnknownObjective { item, .. }
            | Detail::DuplicateContribution { item, .. }
            | Detail::UnknownRater { item, .. }
            | Detail::RatingOutOfRange { item, .. }
            | Detail::InvalidRatings { item, .. }
            | Detail::ScoreOverflow { item, .. }
            | Detail::Unscored { item, .. }
            | Detail::InvalidPin { item, .. }
            | Detail::PinBreaksDependency { item, .. }
            | Detail::MustUnplannable { item, .. }
            | Detail::UnknownField { item, .. }
            | Detail::WrongType { item, .. }
            | Detail::RepeatedField { item, .. }
            | Detail::NonFiniteFormula { item, .. } => Some(item),
            Detail::DependencyCycle { cycle } => cycle.first().map(String::as_str),
            _ => None,
        }
    }

    /// The field (or the parameter) it concerns, if one.
    pub(crate) fn field(&self) -> Option<&str> {
        match self {
            Detail::OutOfRange { field, .. }
            | Detail::InvalidEstimate { field, .. }
            | Detail::InvalidValue { field, .. }
            | Detail::OffScale { field, .. }
            | Detail::RatedValueChanged { field, .. }
            | Detail::UnknownRater { field, .. }
            | Detail::RatingOutOfRange { field, .. }
            | Detail::InvalidRatings { field, .. }
            | Detail::UnknownField { field, .. }
            | Detail::WrongType { field, .. }
            | Detail::RepeatedField { field, .. }
            | Detail::UnknownScorecardField { field, .. } => Some(field),
            Detail::InvalidObjective { field, .. }
            | Detail::InvalidRater { field, .. }
            | Detail::InvalidCriterion { field, .. } => Some(*field),
            Detail::InvalidParameter { parameter, .. } => Some(parameter),
            Detail::NoScores { .. } => Some("framework"),
            Detail::UnknownFormulaName { name, .. } => Some(name),
            Detail::DuplicateId { .. } | Detail::EmptyId { .. } | Detail::MissingId { .. } => Some("id"),
            Detail::UnknownDependency { .. }
            | Detail::SelfDependency { .. }
            | Detail::DependencyCycle { .. } => Some("depends_on"),
            Detail::UnknownObjective { .. } | Detail::DuplicateContribution { .. } => Some("alignment"),
            Detail::InvalidPin { .. } | Detail::PinBreaksDependency { .. } => Some("pin"),
            _ => None,
        }
    }

    /// The line of the input it concerns, if known.
    pub(crate) fn line(&self) -> Option<u64> {
        match self {
            Detail::MalformedCsv { line, .. } | Detail::Csv { line, .. } | Detail::Json { line, .. } => {
                Some(*line)
            }
            _ => None,
        }
    }

    /// The column of the input it concerns, if known.
    pub(crate) fn column(&self) -> Option<u64> {
        match self {
            Detail::Json { column, .. } => Some(*column),
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

/// The error behind another, such as the operating system's reason a read failed; shared, so that
/// an error stays `Clone`, and compared by message.
#[derive(Debug, Clone)]
pub(crate) struct Source(Arc<dyn std::error::Error + Send + Sync>);

impl Source {
    /// Wraps an error.
    pub(crate) fn new(error: impl std::error::Error + Send + Sync + 'static) -> Source {
        Source(Arc::new(error))
    }
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

impl std::error::Error for Source {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.0.source()
    }
}

impl PartialEq for Source {
    fn eq(&self, other: &Source) -> bool {
        self.to_string() == other.to_string()
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::Error;

    /// Messages no input of a test can reach on its own machine.
    #[test]
    fn messages_out_of_reach_of_inputs() {
        let message = |detail: Detail| Error::from(detail).to_string();
        assert_eq!(
            message(Detail::TooManyItems { count: 5_000_000_000 }),
            "backlog of 5000000000 items exceeds the limit of 4294967295 items"
        );
        assert_eq!(
            message(Detail::DependencyCycle { cycle: Vec::new() }),
            r#"item "": depends_on forms a cycle: "#
        );
        let cycle = Error::from(Detail::DependencyCycle { cycle: vec!["A".into(), "B".into()] });
        assert_eq!(
            (cycle.kind(), cycle.item(), cycle.field()),
            (ErrorKind::Structure, Some("A"), Some("depends_on"))
        );
    }
}
