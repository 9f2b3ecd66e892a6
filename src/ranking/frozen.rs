//! What an owned ranking keeps of an engine that cannot give a copy of itself.

use crate::engine::{Breakdown, Engine, Evaluation};
use crate::error::{Error, PlanDetail, Result};
use crate::model::{Backlog, FieldSet, Item};
use crate::ranking::Ranking;

/// An engine's answers for one backlog, computed once: its name, its inputs, and each item's
/// evaluation and breakdown. It answers for that backlog's items only (a ranking kept with
/// [`Ranking::into_owned`](crate::Ranking::into_owned) holds the backlog, so its address
/// identifies it).
#[derive(Debug)]
pub(super) struct Frozen {
    name: String,
    inputs: FieldSet,
    backlog: usize,
    /// By item index: the evaluation and breakdown.
    items: Vec<(Evaluation, Breakdown)>,
}

impl Frozen {
    /// What `ranking` says of its items, for `backlog`, a copy of the backlog it ranks.
    pub(super) fn new(ranking: &Ranking<'_>, backlog: &Backlog) -> Frozen {
        let unscored = Evaluation::unscored(FieldSet::EMPTY);
        let mut items = vec![(unscored, Breakdown::new()); backlog.len()];
        for entry in ranking.iter() {
            let score = entry.score().and_then(crate::engine::Score::new);
            let evaluation = match (entry.category(), score) {
                (Some(category), score) => Evaluation::categorized(category, score),
                (None, Some(score)) => Evaluation::of(score),
                (None, None) => Evaluation::unscored(FieldSet::EMPTY),
            };
            items[entry.index()] = (evaluation, entry.breakdown());
        }
        for entry in ranking.unscored() {
            items[entry.index()].0 = Evaluation::unscored(entry.missing());
        }
        let engine = ranking.engine();
        Frozen {
            name: engine.name().to_owned(),
            inputs: engine.inputs(backlog),
            backlog: std::ptr::from_ref(backlog) as usize,
            items,
        }
    }

    fn answer(&self, item: &Item<'_>) -> Option<&(Evaluation, Breakdown)> {
        let backlog = item.backlog()?;
        (std::ptr::from_ref(backlog) as usize == self.backlog).then(|| &self.items[item.index()])
    }
}

impl Engine for Frozen {
    fn name(&self) -> &str {
        &self.name
    }

    fn inputs(&self, _backlog: &Backlog) -> FieldSet {
        self.inputs
    }

    fn evaluate(&self, item: &Item<'_>) -> Result<Evaluation> {
        self.answer(item).map(|(evaluation, _)| *evaluation).ok_or_else(|| {
            Error::from(PlanDetail::InvalidParameter {
                parameter: "item",
                value: format!("{:?}, scored by {} as an owned ranking kept it,", item.id(), self.name),
                allowed: "the items of that ranking's backlog (rank again to score others)",
            })
        })
    }

    fn breakdown(&self, item: &Item<'_>) -> Breakdown {
        self.answer(item).map(|(_, breakdown)| breakdown.clone()).unwrap_or_default()
    }
}
