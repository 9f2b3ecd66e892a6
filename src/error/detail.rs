//! What went wrong, in detail, by area. Private: programs read an [`Error`](super::Error)'s kind
//! and accessors, and people its message, which is the detail's.

use super::ErrorKind;
pub(crate) use super::engine::EngineDetail;
pub(crate) use super::item::ItemDetail;
pub(crate) use super::judgment::JudgmentDetail;
pub(crate) use super::plan::PlanDetail;
pub(crate) use super::read::ReadDetail;
pub(crate) use super::section::SectionDetail;

/// Everything that can go wrong, by area, each naming the item, the field, the value and what is
/// allowed.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub(crate) enum Detail {
    /// An item and its values.
    #[error(transparent)]
    Item(#[from] ItemDetail),
    /// A backlog's sections.
    #[error(transparent)]
    Section(#[from] SectionDetail),
    /// Engines and rankings.
    #[error(transparent)]
    Engine(#[from] EngineDetail),
    /// Plans and analyses.
    #[error(transparent)]
    Plan(#[from] PlanDetail),
    /// Reading.
    #[error(transparent)]
    Read(#[from] ReadDetail),
    /// Judgments: comparisons, votes, Kano answers.
    #[error(transparent)]
    Judgment(#[from] JudgmentDetail),
}

impl Detail {
    /// What kind of mistake it is.
    pub(crate) fn kind(&self) -> ErrorKind {
        match self {
            Detail::Item(detail) => detail.kind(),
            Detail::Section(detail) => detail.kind(),
            Detail::Engine(detail) => detail.kind(),
            Detail::Plan(detail) => detail.kind(),
            Detail::Read(detail) => detail.kind(),
            Detail::Judgment(detail) => detail.kind(),
        }
    }

    /// The id of the item it concerns, if one.
    pub(crate) fn item(&self) -> Option<&str> {
        match self {
            Detail::Item(detail) => detail.item(),
            Detail::Engine(detail) => detail.item(),
            Detail::Plan(detail) => detail.item(),
            Detail::Judgment(detail) => detail.item(),
            Detail::Section(_) | Detail::Read(_) => None,
        }
    }

    /// The field (or the parameter) it concerns, if one.
    pub(crate) fn field(&self) -> Option<&str> {
        match self {
            Detail::Item(detail) => detail.field(),
            Detail::Section(detail) => detail.field(),
            Detail::Engine(detail) => detail.field(),
            Detail::Plan(detail) => detail.field(),
            Detail::Judgment(detail) => Some(detail.field()),
            Detail::Read(_) => None,
        }
    }

    /// The line of the input it concerns, if known.
    pub(crate) fn line(&self) -> Option<u64> {
        match self {
            Detail::Read(detail) => detail.line(),
            _ => None,
        }
    }

    /// The column of the input it concerns, if known.
    pub(crate) fn column(&self) -> Option<u64> {
        match self {
            Detail::Read(detail) => detail.column(),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::Error;

    /// Messages no input of a test can reach on its own machine.
    #[test]
    fn messages_out_of_reach_of_inputs() {
        let message = |detail: ItemDetail| Error::from(detail).to_string();
        assert_eq!(
            message(ItemDetail::TooManyItems { count: 5_000_000_000 }),
            "backlog of 5000000000 items exceeds the limit of 4294967295 items"
        );
        assert_eq!(
            message(ItemDetail::DependencyCycle { cycle: Vec::new() }),
            r#"item "": depends_on forms a cycle: "#
        );
        let cycle = Error::from(ItemDetail::DependencyCycle { cycle: vec!["A".into(), "B".into()] });
        assert_eq!(
            (cycle.kind(), cycle.item(), cycle.field()),
            (ErrorKind::Structure, Some("A"), Some("depends_on"))
        );
    }
}
