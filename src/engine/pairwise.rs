//! Pairwise votes as an engine: items scored by their Bradley-Terry strengths.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::Arc;

use super::hooks::{Hooks, Sealed};
use super::{Breakdown, Engine, Evaluation};
use crate::error::Result;
use crate::judgment::Strengths;
use crate::judgment::votes::positive;
use crate::model::{AlignmentWeight, Backlog, FieldSet, Item};

/// Pairwise votes: each item scored by its Bradley-Terry strength from the backlog's
/// [`votes`](Backlog::votes), several people's choices of the better of two items (as in
/// priority poker's pairwise mode).
///
/// The strengths are the maximum likelihood of `P(i chosen over j) = p_i / (p_i + p_j)`,
/// normalised to sum 1 over the items in votes, computed to a relative tolerance of 1e-9
/// ([`Strengths`]). An item in no vote is unscored: it lacks [`FieldSet::VOTES`]. When the
/// votes have no maximum (an item that never lost or never won, or groups never compared both
/// ways) ranking is an error naming the items, unless a prior is given: [`Pairwise::prior`], or
/// else the backlog's [`votes_prior`](Backlog::votes_prior).
///
/// ```
/// use prioritize::judgment::Vote;
/// use prioritize::{Backlog, BacklogItem, Pairwise};
///
/// let item = |id: &str| BacklogItem::builder(id, "").build();
/// let backlog = Backlog::builder()
///     .items([item("A")?, item("B")?, item("C")?, item("D")?])
///     .votes([("B", "A"), ("B", "A"), ("A", "B"), ("A", "C"), ("C", "A"), ("A", "C"), ("B", "C"), ("C", "B")].map(|(w, l)| Vote::new(w, l)))
///     .build()?;
/// let ranking = backlog.rank(Pairwise::default())?;
/// let order: Vec<&str> = ranking.iter().map(|entry| entry.item().id()).collect();
/// assert_eq!(order, ["B", "A", "C"]);
/// let total: f64 = ranking.iter().filter_map(|entry| entry.score()).sum();
/// assert!((total - 1.0).abs() < 1e-12);
/// assert_eq!(ranking.unscored().map(|u| u.missing_names()).collect::<Vec<_>>(), [["votes"]]); // D
/// # Ok::<(), prioritize::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Pairwise {
    prior: Option<f64>,
    alignment_weight: AlignmentWeight,
}

impl Pairwise {
    /// Pairwise votes with a prior `p`: each item gets `p` virtual wins and `p` virtual losses
    /// against a virtual item of the strengths' geometric mean, so that any votes have strengths.
    /// It takes the place of the backlog's own prior.
    ///
    /// # Errors
    ///
    /// A [`Parameter`](crate::ErrorKind::Parameter) error for a prior that is not a finite
    /// number `> 0`.
    pub fn prior(mut self, prior: f64) -> Result<Pairwise> {
        self.prior = Some(positive("prior", prior)?);
        Ok(self)
    }

    /// Pairwise votes with alignment weight `λ`: scores become `strength · (1 − λ + λ · alignment)`.
    #[must_use]
    pub fn alignment_weight(mut self, weight: AlignmentWeight) -> Pairwise {
        self.alignment_weight = weight;
        self
    }

    /// The engine bound to `backlog`'s votes.
    fn bound(&self, backlog: &Backlog) -> Result<BoundPairwise> {
        let strengths = Strengths::from_votes(backlog.votes(), self.prior.or(backlog.votes_prior()))?;
        let mut tallies: HashMap<String, Tally> = strengths
            .iter()
            .map(|(id, strength)| (id.to_owned(), Tally { strength, wins: 0.0, losses: 0.0 }))
            .collect();
        for vote in backlog.votes() {
            if let Some(winner) = tallies.get_mut(vote.winner()) {
                winner.wins += vote.weight_of();
            }
            if let Some(loser) = tallies.get_mut(vote.loser()) {
                loser.losses += vote.weight_of();
            }
        }
        let mut by_index = vec![f64::NAN; backlog.len()];
        for (id, tally) in &tallies {
            if let Some(index) = backlog.index_of(id) {
                by_index[index] = tally.strength;
            }
        }
        Ok(BoundPairwise { engine: *self, tallies, by_index })
    }
}

impl Engine for Pairwise {
    fn name(&self) -> &str {
        "pairwise"
    }

    fn inputs(&self, _backlog: &Backlog) -> FieldSet {
        FieldSet::VOTES
    }

    /// Scores an item of a backlog by that backlog's votes (computing the strengths on every
    /// call: a ranking computes them once); an item of no backlog lacks votes.
    fn evaluate(&self, item: &Item<'_>) -> Result<Evaluation> {
        match item.backlog() {
            Some(backlog) => self.bound(backlog)?.evaluate(item),
            None => Ok(Evaluation::unscored(FieldSet::VOTES)),
        }
    }

    fn breakdown(&self, item: &Item<'_>) -> Breakdown {
        let bound = item.backlog().map(|backlog| self.bound(backlog));
        bound.and_then(Result::ok).map(|bound| bound.breakdown(item)).unwrap_or_default()
    }

    fn hooks(&self) -> Option<&dyn Hooks> {
        Some(self)
    }
}

impl Sealed for Pairwise {}

impl Hooks for Pairwise {
    fn bind(&self, backlog: &Backlog) -> Result<Option<Box<dyn Engine>>> {
        Ok(Some(Box::new(self.bound(backlog)?)))
    }

    fn evaluate_all(&self, backlog: &Backlog, range: Range<usize>, out: &mut Vec<Evaluation>) -> Result<()> {
        self.bound(backlog)?.evaluate_all(backlog, range, out)
    }

    fn to_shared(&self) -> Option<Arc<dyn Engine>> {
        Some(Arc::new(*self))
    }
}

/// An item's strength and its weighted votes.
#[derive(Debug, Clone, Copy)]
struct Tally {
    strength: f64,
    wins: f64,
    losses: f64,
}

/// Pairwise votes bound to one backlog: its strengths computed once.
#[derive(Debug)]
struct BoundPairwise {
    engine: Pairwise,
    tallies: HashMap<String, Tally>,
    /// Each item's strength by its index, NaN for an item in no vote.
    by_index: Vec<f64>,
}

impl BoundPairwise {
    fn judge(&self, item: &Item<'_>, strength: Option<f64>) -> Result<Evaluation> {
        match strength {
            Some(strength) => {
                let score = self.engine.alignment_weight.apply(strength, item.resolved_alignment());
                Evaluation::scored(item, self.name(), score)
            }
            None => Ok(Evaluation::unscored(FieldSet::VOTES)),
        }
    }
}

impl Engine for BoundPairwise {
    fn name(&self) -> &str {
        self.engine.name()
    }

    fn inputs(&self, _backlog: &Backlog) -> FieldSet {
        FieldSet::VOTES
    }

    fn evaluate(&self, item: &Item<'_>) -> Result<Evaluation> {
        self.judge(item, self.tallies.get(item.id()).map(|tally| tally.strength))
    }

    fn breakdown(&self, item: &Item<'_>) -> Breakdown {
        let Some(tally) = self.tallies.get(item.id()) else {
            return Breakdown::new();
        };
        Breakdown::new()
            .with("wins", tally.wins)
            .with("losses", tally.losses)
            .with("strength", tally.strength)
            .with_alignment(self.engine.alignment_weight, item.resolved_alignment())
    }

    fn hooks(&self) -> Option<&dyn Hooks> {
        Some(self)
    }
}

impl Sealed for BoundPairwise {}

impl Hooks for BoundPairwise {
    fn evaluate_all(&self, backlog: &Backlog, range: Range<usize>, out: &mut Vec<Evaluation>) -> Result<()> {
        out.reserve(range.len());
        for index in range {
            let strength = self.by_index.get(index).copied().filter(|strength| !strength.is_nan());
            out.push(self.judge(&backlog.item(index), strength)?);
        }
        Ok(())
    }
}
