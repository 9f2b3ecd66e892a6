//! The errors of the parameters of plans and analyses.

use super::ErrorKind;

/// What went wrong with the parameters of plans and analyses.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
// Some variants are the readers' (JSON, CSV), which features may leave out.
#[cfg_attr(not(all(feature = "json", feature = "csv")), allow(dead_code))]
pub(crate) enum PlanDetail {
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
    /// A capacity plan needs scores, and the engine gives none (MoSCoW without a secondary engine).
    #[error(
        "the {framework} engine gives no scores; a capacity plan needs an engine that scores items \
         (rice, wsjf, or moscow with a secondary engine)"
    )]
    NoScores {
        /// The engine.
        framework: String,
    },
}

impl PlanDetail {
    pub(super) fn kind(&self) -> ErrorKind {
        match self {
            PlanDetail::InvalidParameter { .. }
            | PlanDetail::InvalidPin { .. }
            | PlanDetail::PinBreaksDependency { .. }
            | PlanDetail::MustUnplannable { .. }
            | PlanDetail::MustOverCapacity { .. }
            | PlanDetail::NoScores { .. } => ErrorKind::Parameter,
        }
    }

    pub(super) fn item(&self) -> Option<&str> {
        match self {
            PlanDetail::InvalidPin { item, .. }
            | PlanDetail::PinBreaksDependency { item, .. }
            | PlanDetail::MustUnplannable { item, .. } => Some(item),
            _ => None,
        }
    }

    pub(super) fn field(&self) -> Option<&str> {
        match self {
            PlanDetail::InvalidParameter { parameter, .. } => Some(parameter),
            PlanDetail::InvalidPin { .. } | PlanDetail::PinBreaksDependency { .. } => Some("pin"),
            PlanDetail::NoScores { .. } => Some("framework"),
            _ => None,
        }
    }
}
