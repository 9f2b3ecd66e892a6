//! The errors of a backlog's sections: objectives, raters, criteria, scorecards.

use super::ErrorKind;

/// What went wrong with a backlog's sections: objectives, raters, criteria, scorecards.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
// Some variants are the readers' (JSON, CSV), which features may leave out.
#[cfg_attr(not(all(feature = "json", feature = "csv")), allow(dead_code))]
pub(crate) enum SectionDetail {
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
}

impl SectionDetail {
    pub(super) fn kind(&self) -> ErrorKind {
        match self {
            SectionDetail::InvalidObjective { .. }
            | SectionDetail::InvalidRater { .. }
            | SectionDetail::InvalidCriterion { .. }
            | SectionDetail::InvalidScorecard { .. } => ErrorKind::Value,
            SectionDetail::DuplicateObjective { .. }
            | SectionDetail::DuplicateRater { .. }
            | SectionDetail::DuplicateCriterion { .. }
            | SectionDetail::TooManyCriteria { .. }
            | SectionDetail::RepeatedSection { .. }
            | SectionDetail::UnknownScorecardField { .. }
            | SectionDetail::DuplicateScorecard { .. } => ErrorKind::Structure,
        }
    }

    pub(super) fn field(&self) -> Option<&str> {
        match self {
            SectionDetail::UnknownScorecardField { field, .. } => Some(field),
            SectionDetail::InvalidObjective { field, .. }
            | SectionDetail::InvalidRater { field, .. }
            | SectionDetail::InvalidCriterion { field, .. } => Some(*field),
            _ => None,
        }
    }
}
