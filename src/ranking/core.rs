//! The ranking core: one deterministic order for every engine, and the ranking it makes.

use std::sync::Arc;

use super::entry::{RankedItem, UnscoredItem};
use super::frozen::Frozen;
use super::held::Held;
use super::list::Ordered;
use super::options::{RankOptions, UnscoredPolicy};
use super::order::{self, NO_BUCKET, NO_SCORE, Slot, TopK};
use super::warning::{self, Warning};

use crate::engine::{Engine, Evaluation};
use crate::error::{EngineDetail, Error, Result};
use crate::model::Backlog;
use crate::model::Category;
use crate::model::FieldSet;

/// Items scored a batch at a time: small enough that the evaluations stay in the cache, large
/// enough that handing a batch from core to core costs little beside scoring it.
const BATCH: usize = if cfg!(test) { 7 } else { 4096 };

/// What a scan of the items finds besides the slots.
struct Scan {
    /// The unscored items' indices and the fields they lack, in input order.
    unscored: Vec<(u32, FieldSet)>,
    /// Whether any scored item has a category.
    categorized: bool,
}

/// Takes the evaluations of the items from `start` on: each scored item's slot to `keep`, each
/// unscored one into `scan`. Under `reject`, the first unscored item is the error.
fn take(
    backlog: &Backlog,
    engine: &dyn Engine,
    reject: bool,
    start: usize,
    evaluations: &[Evaluation],
    scan: &mut Scan,
    keep: &mut impl FnMut(Slot),
) -> Result<()> {
    for (index, evaluation) in (start..).zip(evaluations) {
        match evaluation.missing_fields() {
            None => {
                let (category, score) = (evaluation.category(), evaluation.checked_score());
                let key = score.map_or(NO_SCORE, |score| order::score_key(score.get()));
                let bucket = category.map_or(NO_BUCKET, |category| u32::from(category.priority()));
                scan.categorized |= bucket != NO_BUCKET;
                keep(Slot { key, index: index as u32, rank: bucket });
            }
            Some(missing) if reject => {
                return Err(Error::from(EngineDetail::Unscored {
                    item: backlog.item(index).id().to_owned(),
                    framework: engine.name().to_owned(),
                    missing: backlog.field_names(missing).into_iter().map(str::to_owned).collect(),
                }));
            }
            Some(missing) => scan.unscored.push((index as u32, missing)),
        }
    }
    Ok(())
}

impl Backlog {
    /// Ranks the backlog with `engine` and the default [`RankOptions`].
    ///
    /// The engine may be borrowed (`backlog.rank(&rice)`) or owned (`backlog.rank(Rice::default())`),
    /// in which case the ranking keeps it, so a function can return the ranking.
    ///
    /// # Errors
    ///
    /// As [`Backlog::rank_with`].
    pub fn rank<'a, E: Engine + 'a>(&'a self, engine: E) -> Result<Ranking<'a>> {
        self.rank_with(engine, &RankOptions::default())
    }

    /// Ranks the backlog with `engine` and `options`.
    ///
    /// # Errors
    ///
    /// - whatever the engine reports for an item, e.g. a [`Value`](crate::ErrorKind::Value) error in WSJF's strict mode;
    /// - a [`Value`](crate::ErrorKind::Value) error when a score comes out infinite or NaN;
    /// - an [`Unscored`](crate::ErrorKind::Unscored) error in strict mode, for the first item the engine cannot score.
    pub fn rank_with<'a, E: Engine + 'a>(&'a self, engine: E, options: &RankOptions) -> Result<Ranking<'a>> {
        Ranking::new(Held::Borrowed(self), Arc::new(engine), options)
    }
}

/// A backlog in ranked order, borrowed from the [`Backlog`] (or, after [`Ranking::into_owned`],
/// sharing it), with the [`Engine`] that made it.
///
/// The order: category first (for engines that have one, such as MoSCoW), then score, higher
/// first; ties keep the input order. Every entry has a `position` (1..=n) and a competition
/// `rank` (equal sort keys share the rank of the first of them: 1, 2, 2, 4). Items the engine
/// cannot score are kept apart, with the fields they lack.
///
/// The ranking holds 16 bytes per entry; breakdowns are derived on demand from the backlog.
///
/// ```
/// use prioritize::{Backlog, BacklogItem, Rice};
///
/// let backlog = Backlog::from_items([
///     BacklogItem::builder("A", "a").reach(100).impact(1).confidence(1).effort(1).build()?,
///     BacklogItem::builder("B", "b").reach(200).impact(1).confidence(1).effort(1).build()?,
///     BacklogItem::builder("C", "c").reach(100).impact(1).confidence(1).effort(1).build()?,
///     BacklogItem::builder("D", "d").reach(100).build()?,
/// ])?;
/// let ranking = backlog.rank(Rice::default())?;
/// let rows: Vec<(usize, usize, &str)> =
///     ranking.iter().map(|e| (e.position(), e.rank(), e.item().id())).collect();
/// assert_eq!(rows, [(1, 1, "B"), (2, 2, "A"), (3, 2, "C")]);
/// let unscored = ranking.unscored().next().expect("D is unscored");
/// assert_eq!(unscored.missing().to_string(), "impact, confidence, effort");
/// # Ok::<(), prioritize::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct Ranking<'a> {
    /// The entries: 16 bytes each, with no heap allocation.
    pub(super) list: Ordered<'a, Slot>,
    /// The engine as one that borrows nothing, when the ranking has it already (a bound engine).
    shared: Option<Arc<dyn Engine>>,
    /// Where each category's entries end (Must, Should, Could, Won't, none).
    bucket_ends: [u32; 5],
}

impl<'a> Ranking<'a> {
    pub(crate) fn new(
        held: Held<'a>,
        engine: Arc<dyn Engine + 'a>,
        options: &RankOptions,
    ) -> Result<Ranking<'a>> {
        let backlog = &*held;
        let (engine, shared): (Arc<dyn Engine + 'a>, _) = match crate::engine::bind(&*engine, backlog)? {
            Some(bound) => {
                let bound: Arc<dyn Engine> = Arc::from(bound);
                (bound.clone(), Some(bound))
            }
            None => (engine, None),
        };
        let (mut slots, Scan { unscored, categorized }) = match options.top_k() {
            Some(k) => {
                let mut top = TopK::new(k, backlog.len());
                let scan = Ranking::scan(backlog, &*engine, options, |slot| top.push(slot))?;
                (top.into_sorted(), scan)
            }
            None => {
                // One allocation of exactly 16 bytes per item, however many are unscored.
                let mut all = Vec::with_capacity(backlog.len());
                let scan = Ranking::scan(backlog, &*engine, options, |slot| all.push(slot))?;
                order::sort(&mut all);
                (all, scan)
            }
        };
        let bucket_ends = order::assign_ranks(&mut slots);
        let warnings = if categorized {
            warning::allocation_warnings(backlog, options.capacity_limit())
        } else {
            Vec::new()
        };
        let list = Ordered { backlog: held, engine, categorized, entries: slots, unscored, warnings };
        Ok(Ranking { list, shared, bucket_ends })
    }

    /// Evaluates every item in input order, a batch at a time, and hands the slot of each scored
    /// one to `keep`.
    ///
    /// # Errors
    ///
    /// The first error in input order: the engine's, or an unscored item under
    /// [`UnscoredPolicy::Reject`].
    fn scan(
        backlog: &Backlog,
        engine: &dyn Engine,
        options: &RankOptions,
        mut keep: impl FnMut(Slot),
    ) -> Result<Scan> {
        let mut scan = Scan { unscored: Vec::new(), categorized: false };
        let reject = options.unscored_policy() == UnscoredPolicy::Reject;
        if options.top_k().is_some() {
            // One batch's evaluations at a time, in one buffer: a top k allocates nothing that
            // grows with the backlog.
            let mut evaluations = Vec::with_capacity(BATCH.min(backlog.len()));
            for start in (0..backlog.len()).step_by(BATCH) {
                evaluations.clear();
                crate::engine::evaluate_all(
                    engine,
                    backlog,
                    start..(start + BATCH).min(backlog.len()),
                    &mut evaluations,
                )?;
                take(backlog, engine, reject, start, &evaluations, &mut scan, &mut keep)?;
            }
        } else {
            // The whole order holds a slot an item anyway: the batches are scored and taken on
            // every core, and their slots kept here in input order.
            let score = |range: std::ops::Range<usize>| {
                let (mut evaluations, mut slots) =
                    (Vec::with_capacity(range.len()), Vec::with_capacity(range.len()));
                let mut part = Scan { unscored: Vec::new(), categorized: false };
                let taken = crate::engine::evaluate_all(engine, backlog, range.clone(), &mut evaluations)
                    .and_then(|()| {
                        take(backlog, engine, reject, range.start, &evaluations, &mut part, &mut |slot| {
                            slots.push(slot);
                        })
                    });
                (slots, part, taken)
            };
            crate::parallel::batches_in_order(backlog.len(), BATCH, score, |(slots, part, taken)| {
                slots.into_iter().for_each(&mut keep);
                scan.unscored.extend(part.unscored);
                scan.categorized |= part.categorized;
                taken
            })?;
        }
        Ok(scan)
    }

    /// The engine's name (`rice`, `wsjf`, `moscow`).
    #[must_use]
    pub fn engine_name(&self) -> &str {
        self.list.engine_name()
    }

    /// The engine that made the ranking.
    #[must_use]
    pub fn engine(&self) -> &(dyn Engine + 'a) {
        &*self.list.engine
    }

    /// The engine, shared with what is made from the ranking.
    pub(crate) fn shared_engine(&self) -> Arc<dyn Engine + 'a> {
        Arc::clone(&self.list.engine)
    }

    /// The backlog it ranks.
    #[must_use]
    pub fn backlog(&self) -> &Backlog {
        self.list.backlog()
    }

    /// The backlog, held as the ranking holds it, for what is made from the ranking.
    pub(crate) fn held(&self) -> Held<'a> {
        self.list.backlog.clone()
    }

    /// The same ranking, owning what it borrowed, to keep beside the backlog it came from (in an
    /// application's state, across threads): a snapshot that later edits of that backlog do not
    /// change.
    ///
    /// It is cheap: the backlog's columns are shared, not copied (an edit of the original then
    /// copies the one column it changes, once), and so is the engine (every built-in engine,
    /// and an engine of your own keeps each entry's evaluation and breakdown, computed here once:
    /// the kept ranking's engine then answers for this backlog's items only).
    ///
    /// ```
    /// use prioritize::{Backlog, BacklogItem, Ranking, Rice};
    ///
    /// let mut backlog = Backlog::from_items([
    ///     BacklogItem::builder("A", "a").reach(100).impact(1).confidence(1).effort(1).build()?,
    ///     BacklogItem::builder("B", "b").reach(200).impact(1).confidence(1).effort(1).build()?,
    /// ])?;
    /// let kept: Ranking<'static> = backlog.rank(&Rice::default())?.into_owned();
    /// backlog.set("A", "reach", 300)?;
    /// let now = backlog.rank(Rice::default())?;
    /// assert_eq!(kept.at(1).map(|e| e.item().id()), Some("B")); // the snapshot
    /// assert_eq!(now.at(1).map(|e| e.item().id()), Some("A"));
    /// std::thread::spawn(move || assert_eq!(kept.len(), 2)).join().expect("sent to a thread");
    /// # Ok::<(), prioritize::Error>(())
    /// ```
    #[must_use]
    pub fn into_owned(self) -> Ranking<'static> {
        let backlog = match &self.list.backlog {
            Held::Borrowed(backlog) => Arc::new((*backlog).clone()),
            Held::Shared(backlog) => Arc::clone(backlog),
        };
        let engine = match self.shared.clone().or_else(|| crate::engine::to_shared(&*self.list.engine)) {
            Some(engine) => engine,
            None => Arc::new(Frozen::new(&self, &backlog)),
        };
        let list = Ordered { backlog: Held::Shared(backlog), engine: engine.clone(), ..self.list };
        Ranking { list, shared: Some(engine), bucket_ends: self.bucket_ends }
    }

    /// The number of ranked entries (without unscored items).
    #[must_use]
    pub fn len(&self) -> usize {
        self.list.entries.len()
    }

    /// Whether no entry is ranked.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.list.entries.is_empty()
    }

    /// Whether the engine sorted by category first (MoSCoW), so entries carry a category.
    #[must_use]
    pub fn is_categorized(&self) -> bool {
        self.list.categorized
    }

    /// The entry at `position` (1-based), if there is one.
    #[must_use]
    pub fn at(&self, position: usize) -> Option<RankedItem<'_>> {
        self.list.at(position).map(|(offset, slot)| self.entry(offset, slot))
    }

    /// The entries, in order.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = RankedItem<'_>> + '_ {
        self.list.entries.iter().enumerate().map(|(offset, slot)| self.entry(offset, *slot))
    }

    /// The entry of the item with this id, if it is ranked.
    #[must_use]
    pub fn get(&self, id: &str) -> Option<RankedItem<'_>> {
        let offset = self.list.offset_of(id)?;
        Some(self.entry(offset, self.list.entries[offset]))
    }

    /// The items the engine could not score, in input order, with the fields they lack.
    pub fn unscored(&self) -> impl ExactSizeIterator<Item = UnscoredItem<'_>> + '_ {
        self.list.unscored()
    }

    /// Advice such as DSDM's 60 % Must Have check.
    #[must_use]
    pub fn warnings(&self) -> &[Warning] {
        &self.list.warnings
    }

    fn entry(&self, offset: usize, slot: Slot) -> RankedItem<'_> {
        let category = if self.list.categorized {
            let bucket = self.bucket_ends.iter().position(|&end| offset < end as usize).unwrap_or(4);
            Category::ALL.get(bucket).copied()
        } else {
            None
        };
        RankedItem {
            backlog: &self.list.backlog,
            engine: &*self.list.engine,
            index: slot.index as usize,
            position: offset + 1,
            rank: slot.rank as usize,
            score: order::key_score(slot.key),
            category,
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::error::{Detail, EngineDetail};
    use crate::ranking::UnscoredPolicy;
    use crate::{Backlog, BacklogItem, RankOptions, Rice};

    /// Item `i` has reach `i`, so the order is by index, descending, and item 17 (no effort) is
    /// unscored.
    fn backlog() -> Backlog {
        Backlog::from_items((0..40_u32).map(|i| {
            let item = BacklogItem::builder(format!("I{i}"), "item").reach(i).impact(1).confidence(1);
            let item = if i == 17 { item } else { item.effort(1) };
            item.build().expect("valid item")
        }))
        .expect("valid backlog")
    }

    #[test]
    fn every_item_keeps_its_index_across_batches() {
        let backlog = backlog();
        let rice = Rice::default();
        let ranking = backlog.rank(rice).expect("ranks");
        let expected: Vec<usize> = (0..40).rev().filter(|&i| i != 17).collect();
        assert_eq!(ranking.iter().map(|entry| entry.index()).collect::<Vec<_>>(), expected);
        assert!(ranking.iter().all(|entry| entry.item().id() == format!("I{}", entry.index())));
        assert_eq!(ranking.unscored().map(|u| u.index()).collect::<Vec<_>>(), [17]);
    }

    /// Large enough that the batches are scored on every core and the order is sorted on every
    /// core (split around the median of a sample): the order is still (score descending, index),
    /// ties and all.
    #[test]
    fn a_large_ranking_is_ordered_by_score_then_index() {
        let backlog = Backlog::from_items((0..40_000_u32).map(|i| {
            let item = BacklogItem::builder(format!("I{i}"), "item").reach(i * 7919 % 1000).impact(1);
            let item = if i % 97 == 5 { item } else { item.confidence(1).effort(1) };
            item.build().expect("valid item")
        }))
        .expect("valid backlog");
        let ranking = backlog.rank(Rice::default()).expect("ranks");
        let mut expected: Vec<(u32, usize)> =
            (0..40_000_u32).filter(|i| i % 97 != 5).map(|i| (i * 7919 % 1000, i as usize)).collect();
        expected.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        let order: Vec<usize> = ranking.iter().map(|entry| entry.index()).collect();
        assert!(order == expected.iter().map(|&(_, index)| index).collect::<Vec<_>>());
        let unscored: Vec<usize> = ranking.unscored().map(|u| u.index()).collect();
        assert!(unscored == (0..40_000).filter(|i| i % 97 == 5).collect::<Vec<_>>());
    }

    #[test]
    fn a_full_ranking_allocates_its_slots_once() {
        let backlog = backlog();
        let rice = Rice::default();
        let ranking = backlog.rank(rice).expect("ranks");
        // Exactly one slot per item: no doubling growth beyond the budget of 16 bytes an item.
        assert_eq!(ranking.list.entries.capacity(), 40);
        assert_eq!(std::mem::size_of_val(&ranking.list.entries[0]), 16);
    }

    #[test]
    fn top_k_is_the_prefix_of_the_full_ranking() {
        let backlog = backlog();
        let rice = Rice::default();
        let rows = |options: &RankOptions| -> Vec<(usize, usize, usize)> {
            let ranking = backlog.rank_with(rice, options).expect("ranks");
            ranking.iter().map(|e| (e.position(), e.rank(), e.index())).collect()
        };
        let full = rows(&RankOptions::default());
        assert_eq!(rows(&RankOptions::default().top(3)), [(1, 1, 39), (2, 2, 38), (3, 3, 37)]);
        assert_eq!(rows(&RankOptions::default().top(20)), full[..20]);
        assert_eq!(rows(&RankOptions::default().top(usize::MAX)), full);
        assert_eq!(rows(&RankOptions::default().top(0)), []);
    }

    #[test]
    fn strict_mode_names_the_first_unscored_item() {
        let backlog = backlog();
        let rice = Rice::default();
        let strict = RankOptions::default().unscored(UnscoredPolicy::Reject);
        for options in [strict, strict.top(5)] {
            let error = backlog.rank_with(rice, &options).expect_err("strict");
            assert_eq!((error.kind(), error.item()), (crate::ErrorKind::Unscored, Some("I17")));
        }
    }

    /// An engine of its own that lets an infinite score through: the ranking still refuses it.
    #[derive(Debug)]
    struct Unbounded;

    impl crate::Engine for Unbounded {
        fn name(&self) -> &str {
            "unbounded"
        }
        fn inputs(&self, _backlog: &Backlog) -> crate::FieldSet {
            crate::FieldSet::EMPTY
        }
        fn evaluate(&self, item: &crate::Item<'_>) -> crate::Result<crate::Evaluation> {
            let score = if item.id() == "I3" { f64::INFINITY } else { 1.0 };
            crate::Evaluation::scored(item, "unbounded", score)
        }
        fn breakdown(&self, _item: &crate::Item<'_>) -> crate::Breakdown {
            crate::Breakdown::new()
        }
    }

    #[test]
    fn an_infinite_score_is_an_error_naming_the_item() {
        let error = backlog().rank(&Unbounded).expect_err("an overflow");
        assert!(
            matches!(error.detail(), Detail::Engine(EngineDetail::ScoreOverflow { item, framework, value })
            if (item.as_str(), framework.as_str(), *value) == ("I3", "unbounded", f64::INFINITY))
        );
    }
}
