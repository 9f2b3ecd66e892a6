//! Options of a ranking.

use crate::model::Effort;

/// What to do with items the engine cannot score.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum UnscoredPolicy {
    /// Report them apart from the ranking, with the fields they lack.
    #[default]
    Report,
    /// Fail with an [`Unscored`](crate::ErrorKind::Unscored) error on the first of them (strict mode).
    Reject,
}

/// How to rank: how many entries to keep, the capacity for MoSCoW's allocation check, and what to
/// do with unscored items.
///
/// ```
/// use prioritize::{RankOptions};
/// use prioritize::model::Effort;
/// use prioritize::ranking::UnscoredPolicy;
///
/// let options = RankOptions::default()
///     .top(10)
///     .capacity(Effort::new(40.0)?)
///     .unscored(UnscoredPolicy::Reject);
/// assert_eq!(options.top_k(), Some(10));
/// # Ok::<(), prioritize::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct RankOptions {
    top: Option<usize>,
    capacity: Option<Effort>,
    unscored: UnscoredPolicy,
}

impl RankOptions {
    /// Keep only the first `k` entries; the rest of the backlog is not sorted.
    #[must_use]
    pub fn top(mut self, k: usize) -> RankOptions {
        self.top = Some(k);
        self
    }

    /// The effort available in the timebox, for MoSCoW's 60 % check (without it, the check uses
    /// the Must + Should + Could effort).
    #[must_use]
    pub fn capacity(mut self, capacity: Effort) -> RankOptions {
        self.capacity = Some(capacity);
        self
    }

    /// What to do with unscored items.
    #[must_use]
    pub fn unscored(mut self, policy: UnscoredPolicy) -> RankOptions {
        self.unscored = policy;
        self
    }

    /// The number of entries to keep, if limited.
    #[must_use]
    pub fn top_k(&self) -> Option<usize> {
        self.top
    }

    /// The capacity, if given.
    #[must_use]
    pub fn capacity_limit(&self) -> Option<Effort> {
        self.capacity
    }

    /// The policy for unscored items.
    #[must_use]
    pub fn unscored_policy(&self) -> UnscoredPolicy {
        self.unscored
    }
}
