//! The planned order: a ranking made dependency-aware and adjusted by the Product Owner's pins.

use crate::engine::{Breakdown, Engine};
use crate::error::Result;
use crate::model::Backlog;
use crate::model::Category;
use crate::model::FieldSet;
use crate::model::Item;
use crate::ranking::list::{Indexed, Ordered};
use crate::ranking::{RankedItem, Ranking, UnscoredItem, Warning};

use super::graph::{self, ABSENT, Dependents};

/// A backlog in the order the work should be done: a [`Ranking`], made dependency-aware
/// ([`Ranking::respecting_dependencies`]) and adjusted by [`Pin`](crate::plan::Pin)s
/// ([`PlannedOrder::pin`]).
///
/// In the dependency-aware order no item comes before an item it depends on. A prerequisite
/// inherits the priority of what waits on it: its effective key is the best sort key (category,
/// then score, then input order) of itself and of every item that depends on it, directly or
/// not. The order is the topological order that always takes the available item with the best
/// effective key (ties: input order), in `O((n + e) log n)`. A promoted entry names the item whose
/// priority it inherited ([`PlannedItem::promoted_by`]). An unscored prerequisite is placed
/// where its dependents need it and stays marked as unscored; unscored items that nothing placed
/// depends on stay apart ([`PlannedOrder::unscored`]).
///
/// ```
/// use prioritize::{Backlog, BacklogItem, Rice};
///
/// let backlog = Backlog::from_items([
///     BacklogItem::builder("AUTH", "Single sign-on").reach(100).impact(1).confidence(1).effort(1).build()?,
///     BacklogItem::builder("CHK", "Checkout").reach(900).impact(1).confidence(1).effort(1)
///         .depends_on("AUTH").build()?,
///     BacklogItem::builder("SRCH", "Search").reach(500).impact(1).confidence(1).effort(1).build()?,
/// ])?;
/// let rice = Rice::default();
/// let ranking = backlog.rank(&rice)?;
/// let order = ranking.respecting_dependencies()?;
/// let ids: Vec<&str> = order.iter().map(|entry| entry.item().id()).collect();
/// assert_eq!(ids, ["AUTH", "CHK", "SRCH"]);
/// let auth = order.at(1).expect("one entry");
/// assert_eq!(auth.promoted_by().map(|item| item.id()), Some("CHK"));
/// # Ok::<(), prioritize::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct PlannedOrder<'a> {
    /// The entries, and the unscored items left out (nothing in the order depends on them).
    pub(super) list: Ordered<'a, Entry>,
}

impl Indexed for Entry {
    fn index(&self) -> u32 {
        self.index
    }
}

/// One entry while the order is built: its place in the ranking (none when unscored) and the marks.
#[derive(Debug, Clone, Copy)]
pub(super) struct Entry {
    pub(super) index: u32,
    pub(super) ranked: Option<Ranked>,
    pub(super) missing: FieldSet,
    pub(super) promoted_by: Option<u32>,
    pub(super) pinned: bool,
}

/// An entry's place in the plain ranking.
#[derive(Debug, Clone, Copy)]
pub(super) struct Ranked {
    position: usize,
    rank: usize,
    score: Option<f64>,
    category: Option<Category>,
}

impl Ranked {
    fn of(entry: &RankedItem<'_>) -> Ranked {
        Ranked {
            position: entry.position(),
            rank: entry.rank(),
            score: entry.score(),
            category: entry.category(),
        }
    }
}

impl<'a> Ranking<'a> {
    /// This ranking made dependency-aware: see [`PlannedOrder`].
    ///
    /// A ranking cut by [`RankOptions::top`](crate::RankOptions::top) is first completed (ranked
    /// again in full with the same engine), since a prerequisite may lie below the cut; take the
    /// first entries of the result instead.
    ///
    /// # Errors
    ///
    /// Only when a cut ranking is completed: what [`Backlog::rank`] reports.
    pub fn respecting_dependencies(&self) -> Result<PlannedOrder<'a>> {
        let ranking = graph::complete(self)?;
        let backlog = ranking.backlog();
        let mut ranked: Vec<Option<Ranked>> = vec![None; backlog.len()];
        let mut keys = vec![ABSENT; backlog.len()];
        for entry in ranking.iter() {
            keys[entry.index()] = entry.position() as u64;
            ranked[entry.index()] = Some(Ranked::of(&entry));
        }
        let mut missing = vec![FieldSet::EMPTY; backlog.len()];
        for unscored in ranking.unscored() {
            missing[unscored.index()] = unscored.missing();
        }
        let dependents = Dependents::new(backlog);
        let entries: Vec<Entry> = graph::dependency_sort(backlog, &dependents, &keys)
            .into_iter()
            .map(|placed| Entry {
                index: placed.index,
                ranked: ranked[placed.index as usize],
                missing: missing[placed.index as usize],
                promoted_by: (placed.source != placed.index).then_some(placed.source),
                pinned: false,
            })
            .collect();
        let mut placed = vec![false; backlog.len()];
        for entry in &entries {
            placed[entry.index as usize] = true;
        }
        let unscored = ranking
            .unscored()
            .filter(|unscored| !placed[unscored.index()])
            .map(|unscored| (unscored.index() as u32, unscored.missing()))
            .collect();
        Ok(PlannedOrder::from_parts(&ranking, entries, unscored))
    }
}

impl<'a> PlannedOrder<'a> {
    /// The ranking's own order, as a planned order (for pins without dependency awareness).
    #[must_use]
    pub fn ranked(ranking: &Ranking<'a>) -> PlannedOrder<'a> {
        let entries = ranking
            .iter()
            .map(|entry| Entry {
                index: entry.index() as u32,
                ranked: Some(Ranked::of(&entry)),
                missing: FieldSet::EMPTY,
                promoted_by: None,
                pinned: false,
            })
            .collect();
        let unscored =
            ranking.unscored().map(|unscored| (unscored.index() as u32, unscored.missing())).collect();
        PlannedOrder::from_parts(ranking, entries, unscored)
    }

    fn from_parts(
        ranking: &Ranking<'a>,
        entries: Vec<Entry>,
        unscored: Vec<(u32, FieldSet)>,
    ) -> PlannedOrder<'a> {
        let list = Ordered {
            backlog: ranking.held(),
            engine: ranking.shared_engine(),
            categorized: ranking.is_categorized(),
            entries,
            unscored,
            warnings: ranking.warnings().to_vec(),
        };
        PlannedOrder { list }
    }

    /// The backlog it orders.
    #[must_use]
    pub fn backlog(&self) -> &Backlog {
        self.list.backlog()
    }

    /// The engine's name (`rice`, `wsjf`, `moscow`).
    #[must_use]
    pub fn engine_name(&self) -> &str {
        self.list.engine_name()
    }

    /// Whether the ranking sorted by category first (MoSCoW), so scored entries carry one.
    #[must_use]
    pub fn is_categorized(&self) -> bool {
        self.list.categorized
    }

    /// The number of entries (ranked items and the unscored prerequisites placed among them).
    #[must_use]
    pub fn len(&self) -> usize {
        self.list.entries.len()
    }

    /// Whether the order has no entry.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.list.entries.is_empty()
    }

    /// The entry at `position` (1-based), if there is one.
    #[must_use]
    pub fn at(&self, position: usize) -> Option<PlannedItem<'_>> {
        self.list.at(position).map(|(offset, entry)| self.item(offset, entry))
    }

    /// The entries, in order.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = PlannedItem<'_>> + '_ {
        self.list.entries.iter().enumerate().map(|(offset, entry)| self.item(offset, *entry))
    }

    /// The entry of the item with this id, if it is in the order.
    #[must_use]
    pub fn get(&self, id: &str) -> Option<PlannedItem<'_>> {
        let offset = self.list.offset_of(id)?;
        Some(self.item(offset, self.list.entries[offset]))
    }

    /// The unscored items left out of the order (nothing in it depends on them), in input order.
    pub fn unscored(&self) -> impl ExactSizeIterator<Item = UnscoredItem<'_>> + '_ {
        self.list.unscored()
    }

    /// Keeps the first `len` entries (a `top` taken after planning); the unscored items left out
    /// stay listed.
    pub fn truncate(&mut self, len: usize) {
        self.list.entries.truncate(len);
    }

    /// The ranking's warnings, such as DSDM's 60 % Must Have check.
    #[must_use]
    pub fn warnings(&self) -> &[Warning] {
        &self.list.warnings
    }

    fn item(&self, offset: usize, entry: Entry) -> PlannedItem<'_> {
        PlannedItem { backlog: &self.list.backlog, engine: &*self.list.engine, position: offset + 1, entry }
    }
}

/// One entry of a [`PlannedOrder`]: the item, its place, and why it is there.
#[derive(Debug, Clone, Copy)]
pub struct PlannedItem<'a> {
    backlog: &'a Backlog,
    engine: &'a dyn Engine,
    position: usize,
    entry: Entry,
}

impl<'a> PlannedItem<'a> {
    /// The position in the planned order, from 1; unique.
    #[must_use]
    pub fn position(&self) -> usize {
        self.position
    }

    /// The item.
    #[must_use]
    pub fn item(&self) -> Item<'a> {
        self.backlog.item(self.entry.index as usize)
    }

    /// The item's position in the backlog's input order, from 0.
    #[must_use]
    pub fn index(&self) -> usize {
        self.entry.index as usize
    }

    /// The entry of the plain ranking (its position, rank and score there); `None` when the item
    /// is unscored.
    #[must_use]
    pub fn ranked(&self) -> Option<RankedItem<'a>> {
        self.entry.ranked.map(|ranked| RankedItem {
            backlog: self.backlog,
            engine: self.engine,
            index: self.entry.index as usize,
            position: ranked.position,
            rank: ranked.rank,
            score: ranked.score,
            category: ranked.category,
        })
    }

    /// The competition rank in the plain ranking; `None` when unscored.
    #[must_use]
    pub fn rank(&self) -> Option<usize> {
        self.entry.ranked.map(|ranked| ranked.rank)
    }

    /// The score; `None` when unscored or when the engine orders by category alone.
    #[must_use]
    pub fn score(&self) -> Option<f64> {
        self.entry.ranked.and_then(|ranked| ranked.score)
    }

    /// The category, for engines that sort by one first (MoSCoW).
    #[must_use]
    pub fn category(&self) -> Option<Category> {
        self.entry.ranked.and_then(|ranked| ranked.category)
    }

    /// Whether the engine could not score the item (it is here because a ranked item needs it).
    #[must_use]
    pub fn is_unscored(&self) -> bool {
        self.entry.ranked.is_none()
    }

    /// The fields an unscored item lacks; empty for a ranked one.
    #[must_use]
    pub fn missing(&self) -> FieldSet {
        self.entry.missing
    }

    /// The names of the fields an unscored item lacks.
    #[must_use]
    pub fn missing_names(&self) -> Vec<&'a str> {
        self.backlog.field_names(self.entry.missing)
    }

    /// The item whose priority this prerequisite inherited, when it was moved up for it.
    #[must_use]
    pub fn promoted_by(&self) -> Option<Item<'a>> {
        self.entry.promoted_by.map(|index| self.backlog.item(index as usize))
    }

    /// Whether the Product Owner pinned this entry.
    #[must_use]
    pub fn is_pinned(&self) -> bool {
        self.entry.pinned
    }

    /// The breakdown behind the score (empty for an unscored item).
    #[must_use]
    pub fn breakdown(&self) -> Breakdown {
        self.ranked().map(|ranked| ranked.breakdown()).unwrap_or_default()
    }
}
