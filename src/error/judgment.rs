//! The errors of judgments: pairwise comparisons (AHP), votes (Bradley-Terry) and Kano answers.

use super::ErrorKind;

/// What went wrong with comparisons, votes or Kano answers.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub(crate) enum JudgmentDetail {
    /// A ratio is not a number in `1/9..=9`.
    #[error("comparison {a:?} against {b:?}: ratio {value} is not {expected}")]
    Ratio {
        /// The first of the pair.
        a: String,
        /// The second.
        b: String,
        /// The ratio as written.
        value: String,
        /// What a ratio is.
        expected: &'static str,
    },
    /// Something compared with itself.
    #[error("comparison {a:?} against itself: compare two different things")]
    SelfComparison {
        /// What was compared.
        a: String,
    },
    /// A pair compared twice (in either order).
    #[error("comparison {a:?} against {b:?} is given twice (give each pair once)")]
    RepeatedComparison {
        /// The first of the pair.
        a: String,
        /// The second.
        b: String,
    },
    /// The comparisons do not connect everything they name.
    #[error("the comparisons leave {apart} apart from {rest}: compare one of them with one of the others")]
    Unconnected {
        /// The group not connected to the first one, listed.
        apart: String,
        /// The first group, listed.
        rest: String,
        /// The first id of the group apart.
        first: String,
    },
    /// A vote's weight is not a finite number `> 0`, or its winner is its loser.
    #[error("vote {index}: {reason}")]
    InvalidVote {
        /// The vote's index, from 0.
        index: usize,
        /// What is wrong, and what is allowed.
        reason: String,
    },
    /// The votes give no maximum-likelihood strengths.
    #[error("the votes give no strengths: {reason} (give a prior, such as 1, to rank them anyway)")]
    NoMaximum {
        /// The first item concerned.
        item: String,
        /// Which items, and why.
        reason: String,
    },
    /// A Kano answer is not one of the five.
    #[error(
        "feature {feature:?}: answer {answer:?} is not one of like, must-be, neutral, live-with, dislike"
    )]
    KanoAnswer {
        /// The feature.
        feature: String,
        /// The answer as written.
        answer: String,
    },
}

impl JudgmentDetail {
    pub(super) fn kind(&self) -> ErrorKind {
        match self {
            JudgmentDetail::Ratio { .. }
            | JudgmentDetail::InvalidVote { .. }
            | JudgmentDetail::KanoAnswer { .. } => ErrorKind::Value,
            JudgmentDetail::SelfComparison { .. }
            | JudgmentDetail::RepeatedComparison { .. }
            | JudgmentDetail::Unconnected { .. }
            | JudgmentDetail::NoMaximum { .. } => ErrorKind::Structure,
        }
    }

    pub(super) fn item(&self) -> Option<&str> {
        match self {
            JudgmentDetail::Ratio { a, .. }
            | JudgmentDetail::SelfComparison { a }
            | JudgmentDetail::RepeatedComparison { a, .. } => Some(a),
            JudgmentDetail::Unconnected { first, .. } => Some(first),
            JudgmentDetail::NoMaximum { item, .. } => Some(item),
            JudgmentDetail::KanoAnswer { feature, .. } => Some(feature),
            JudgmentDetail::InvalidVote { .. } => None,
        }
    }

    pub(super) fn field(&self) -> &'static str {
        match self {
            JudgmentDetail::Ratio { .. }
            | JudgmentDetail::SelfComparison { .. }
            | JudgmentDetail::RepeatedComparison { .. }
            | JudgmentDetail::Unconnected { .. } => "comparisons",
            JudgmentDetail::InvalidVote { .. } | JudgmentDetail::NoMaximum { .. } => "votes",
            JudgmentDetail::KanoAnswer { .. } => "kano",
        }
    }
}
