//! The errors of what engines and rankings refuse.

use super::ErrorKind;

/// What went wrong with what engines and rankings refuse.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
// Some variants are the readers' (JSON, CSV), which features may leave out.
#[cfg_attr(not(all(feature = "json", feature = "csv")), allow(dead_code))]
pub(crate) enum EngineDetail {
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
    /// A framework name that is none of the built-in engines'.
    #[error("framework {name:?} is not one of rice, wsjf, moscow, ice, cd3, opportunity, pairwise")]
    UnknownFramework {
        /// The name as given.
        name: String,
    },
}

impl EngineDetail {
    pub(super) fn kind(&self) -> ErrorKind {
        match self {
            EngineDetail::InvalidFormula { .. } => ErrorKind::Syntax,
            EngineDetail::OffScale { .. }
            | EngineDetail::ScoreOverflow { .. }
            | EngineDetail::NonFiniteFormula { .. } => ErrorKind::Value,
            EngineDetail::UnknownFormulaName { .. } => ErrorKind::Structure,
            EngineDetail::Unscored { .. } => ErrorKind::Unscored,
            EngineDetail::UnknownFramework { .. } => ErrorKind::Parameter,
        }
    }

    pub(super) fn item(&self) -> Option<&str> {
        match self {
            EngineDetail::OffScale { item, .. }
            | EngineDetail::ScoreOverflow { item, .. }
            | EngineDetail::Unscored { item, .. }
            | EngineDetail::NonFiniteFormula { item, .. } => Some(item),
            _ => None,
        }
    }

    pub(super) fn field(&self) -> Option<&str> {
        match self {
            EngineDetail::OffScale { field, .. } => Some(field),
            EngineDetail::UnknownFormulaName { name, .. } => Some(name),
            _ => None,
        }
    }
}
