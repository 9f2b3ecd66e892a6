//! Ranked and unscored entries.

use crate::engine::{Breakdown, Engine};
use crate::model::Backlog;
use crate::model::Category;
use crate::model::FieldSet;
use crate::model::Item;

/// One entry of a [`Ranking`](crate::Ranking): the item, its position, rank, score and category.
#[derive(Debug, Clone, Copy)]
pub struct RankedItem<'a> {
    pub(crate) backlog: &'a Backlog,
    pub(crate) engine: &'a dyn Engine,
    pub(crate) index: usize,
    pub(crate) position: usize,
    pub(crate) rank: usize,
    pub(crate) score: Option<f64>,
    pub(crate) category: Option<Category>,
}

impl<'a> RankedItem<'a> {
    /// The position in the order, from 1; unique.
    #[must_use]
    pub fn position(&self) -> usize {
        self.position
    }

    /// The competition rank: equal sort keys share the rank of the first of them (1, 2, 2, 4).
    #[must_use]
    pub fn rank(&self) -> usize {
        self.rank
    }

    /// The item.
    #[must_use]
    pub fn item(&self) -> Item<'a> {
        self.backlog.item(self.index)
    }

    /// The item's position in the backlog's input order, from 0.
    #[must_use]
    pub fn index(&self) -> usize {
        self.index
    }

    /// The score; `None` when the engine orders by category alone (MoSCoW without a secondary
    /// engine).
    #[must_use]
    pub fn score(&self) -> Option<f64> {
        self.score
    }

    /// The category, for engines that sort by one first (MoSCoW).
    #[must_use]
    pub fn category(&self) -> Option<Category> {
        self.category
    }

    /// The named inputs and intermediate values behind the score, derived from the item now.
    #[must_use]
    pub fn breakdown(&self) -> Breakdown {
        self.engine.breakdown(&self.item())
    }
}

/// An item the engine could not score, with the fields it lacks. Unscored is not zero.
#[derive(Debug, Clone, Copy)]
pub struct UnscoredItem<'a> {
    pub(crate) backlog: &'a Backlog,
    pub(crate) index: usize,
    pub(crate) missing: FieldSet,
}

impl<'a> UnscoredItem<'a> {
    /// The item.
    #[must_use]
    pub fn item(&self) -> Item<'a> {
        self.backlog.item(self.index)
    }

    /// The item's position in the backlog's input order, from 0.
    #[must_use]
    pub fn index(&self) -> usize {
        self.index
    }

    /// The fields the item lacks for the engine.
    #[must_use]
    pub fn missing(&self) -> FieldSet {
        self.missing
    }

    /// The names of the fields the item lacks, built-in fields first, then criteria.
    #[must_use]
    pub fn missing_names(&self) -> Vec<&'a str> {
        self.backlog.field_names(self.missing)
    }
}
