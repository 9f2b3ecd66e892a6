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
    #[error(
        "{}the comparisons leave {apart} apart from {rest}: compare one of them with one of the others",
        .set.as_ref().map(|set| format!("comparisons {set:?}: ")).unwrap_or_default()
    )]
    Unconnected {
        /// The set of a backlog the comparisons are, if they are one.
        set: Option<String>,
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
    /// Two sets of comparisons share a name.
    #[error("comparisons {set:?} are given twice (give each set once)")]
    RepeatedSet {
        /// The set's name.
        set: String,
    },
    /// A set of comparisons a backlog cannot use.
    #[error("comparisons {set:?}: a backlog's sets are \"objectives\" and \"scorecard:NAME\"")]
    UnknownSet {
        /// The set's name.
        set: String,
    },
    /// A set compares something that is not among what it weights.
    #[error("comparisons {set:?}: {id:?} is {what} (known: {known})")]
    UnknownCompared {
        /// The set's name.
        set: String,
        /// What was compared.
        id: String,
        /// What it should have been, as `no objective`.
        what: &'static str,
        /// What the set may compare, listed.
        known: String,
    },
    /// `comparisons."scorecard:NAME"` for a scorecard the backlog does not declare.
    #[error("comparisons {set:?} name no scorecard of the backlog (scorecards: {known})")]
    NoScorecard {
        /// The set's name.
        set: String,
        /// The scorecards declared, listed.
        known: String,
    },
    /// Something weighted both directly and by comparisons.
    #[error("{what} {id:?} has both a weight and comparisons in {set:?} (give one or the other)")]
    WeightAndComparisons {
        /// `objective`, or `scorecard "NAME": field`.
        what: String,
        /// Its id.
        id: String,
        /// The set of comparisons.
        set: String,
    },
    /// Something to be weighted by comparisons that none names.
    #[error("{what} {id:?} has no weight: give it one, or compare it in comparisons {set:?}")]
    Unweighted {
        /// `objective`, or `scorecard "NAME": field`.
        what: String,
        /// Its id.
        id: String,
        /// The set of comparisons that would weight it.
        set: String,
    },
    /// A vote names an item the backlog does not have.
    #[error("vote {index}: {item:?} is no item of the backlog")]
    UnknownVoteItem {
        /// The vote's index, from 0.
        index: usize,
        /// The unknown id.
        item: String,
    },
    /// The prior of the votes is not a finite number `> 0`.
    #[error("votes_prior {value} is not a finite number > 0")]
    InvalidPrior {
        /// The prior as written.
        value: String,
    },
    /// Removing an item that votes name would lose those votes.
    #[error(
        "item {item:?} is named by {count} vote(s), the first vote {first}: remove them from the votes first \
         (Backlog::to_builder, then BacklogBuilder::votes)"
    )]
    VotedItem {
        /// The item.
        item: String,
        /// How many votes name it.
        count: usize,
        /// The index of the first, from 0.
        first: usize,
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
            | JudgmentDetail::KanoAnswer { .. }
            | JudgmentDetail::InvalidPrior { .. } => ErrorKind::Value,
            JudgmentDetail::SelfComparison { .. }
            | JudgmentDetail::RepeatedComparison { .. }
            | JudgmentDetail::Unconnected { .. }
            | JudgmentDetail::NoMaximum { .. }
            | JudgmentDetail::RepeatedSet { .. }
            | JudgmentDetail::UnknownSet { .. }
            | JudgmentDetail::UnknownCompared { .. }
            | JudgmentDetail::NoScorecard { .. }
            | JudgmentDetail::WeightAndComparisons { .. }
            | JudgmentDetail::Unweighted { .. }
            | JudgmentDetail::UnknownVoteItem { .. }
            | JudgmentDetail::VotedItem { .. } => ErrorKind::Structure,
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
            JudgmentDetail::UnknownCompared { id, .. }
            | JudgmentDetail::WeightAndComparisons { id, .. }
            | JudgmentDetail::Unweighted { id, .. } => Some(id),
            JudgmentDetail::UnknownVoteItem { item, .. } | JudgmentDetail::VotedItem { item, .. } => {
                Some(item)
            }
            JudgmentDetail::InvalidVote { .. }
            | JudgmentDetail::InvalidPrior { .. }
            | JudgmentDetail::RepeatedSet { .. }
            | JudgmentDetail::UnknownSet { .. }
            | JudgmentDetail::NoScorecard { .. } => None,
        }
    }

    pub(super) fn field(&self) -> &'static str {
        match self {
            JudgmentDetail::Ratio { .. }
            | JudgmentDetail::SelfComparison { .. }
            | JudgmentDetail::RepeatedComparison { .. }
            | JudgmentDetail::Unconnected { .. }
            | JudgmentDetail::RepeatedSet { .. }
            | JudgmentDetail::UnknownSet { .. }
            | JudgmentDetail::UnknownCompared { .. }
            | JudgmentDetail::NoScorecard { .. }
            | JudgmentDetail::WeightAndComparisons { .. }
            | JudgmentDetail::Unweighted { .. } => "comparisons",
            JudgmentDetail::InvalidVote { .. }
            | JudgmentDetail::NoMaximum { .. }
            | JudgmentDetail::UnknownVoteItem { .. }
            | JudgmentDetail::VotedItem { .. } => "votes",
            JudgmentDetail::InvalidPrior { .. } => "votes_prior",
            JudgmentDetail::KanoAnswer { .. } => "kano",
        }
    }
}
