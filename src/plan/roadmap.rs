//! Roadmap buckets: periods with capacities, filled in planned order.

use std::fmt;

use crate::model::Category;
use crate::model::Item;
use crate::model::{Effort, NonNegative};
use crate::ranking::UnscoredItem;

use super::knapsack::fits;
use super::order::{PlannedItem, PlannedOrder};

/// A period of a roadmap (a sprint, a quarter, "Now"), with the effort available in it.
///
/// ```
/// use prioritize::model::NonNegative;
/// use prioritize::plan::Period;
///
/// let now = Period::new("now", NonNegative::new(20.0)?);
/// let later = Period::unbounded("later");
/// assert_eq!((now.name(), now.capacity()), ("now", Some(20.0)));
/// assert_eq!(later.capacity(), None);
/// # Ok::<(), prioritize::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Period {
    name: String,
    capacity: Option<NonNegative>,
}

impl Period {
    /// A period with `capacity`.
    pub fn new(name: impl Into<String>, capacity: NonNegative) -> Period {
        Period { name: name.into(), capacity: Some(capacity) }
    }

    /// A period without a limit ("later": the rest).
    pub fn unbounded(name: impl Into<String>) -> Period {
        Period { name: name.into(), capacity: None }
    }

    /// The name.
    #[must_use]
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The capacity; `None` for no limit.
    #[must_use]
    pub fn capacity(&self) -> Option<f64> {
        self.capacity.map(NonNegative::get)
    }
}

/// Why an item is in no period of a [`Roadmap`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Unplaced<'a> {
    /// A Won't Have (this time) goes in no period.
    Wont,
    /// The item has no effort, so its cost is unknown.
    LacksEffort,
    /// No period from the earliest its prerequisites allow has room left for it.
    NoRoom,
    /// The item depends on an item that is in no period.
    Prerequisite(Item<'a>),
}

impl fmt::Display for Unplaced<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Unplaced::Wont => f.write_str("won't have"),
            Unplaced::LacksEffort => f.write_str("lacks effort"),
            Unplaced::NoRoom => f.write_str("no period has room for it"),
            Unplaced::Prerequisite(item) => {
                write!(f, "depends on {:?}, which is in no period", item.id())
            }
        }
    }
}

/// One period of a [`Roadmap`] with what went in it.
#[derive(Debug, Clone)]
pub struct Bucket<'a> {
    period: Period,
    used: f64,
    items: Vec<PlannedItem<'a>>,
}

impl<'a> Bucket<'a> {
    /// The period.
    #[must_use]
    pub fn period(&self) -> &Period {
        &self.period
    }

    /// The effort of the items in it.
    #[must_use]
    pub fn used(&self) -> f64 {
        self.used
    }

    /// The capacity left; `None` for a period without a limit.
    #[must_use]
    pub fn free(&self) -> Option<f64> {
        self.period.capacity().map(|capacity| capacity - self.used)
    }

    /// The items, in planned order.
    pub fn items(&self) -> impl ExactSizeIterator<Item = PlannedItem<'a>> + '_ {
        self.items.iter().copied()
    }
}

/// A roadmap: periods with capacities (e.g. Now 20, Next 30, Later the rest) filled in the
/// planned order.
///
/// Each item goes to the earliest period with room that is not before any of its prerequisites'
/// periods. Won't Haves, items without an effort, items no period has room for and items whose
/// prerequisites are in no period are reported apart ([`Roadmap::unplaced`]). Build it from a
/// dependency-aware order ([`Ranking::respecting_dependencies`](crate::Ranking::respecting_dependencies)),
/// pinned or not: a prerequisite that came later in the order would leave its dependents out.
///
/// ```
/// use prioritize::{Backlog, BacklogItem, Rice};
/// use prioritize::model::NonNegative;
/// use prioritize::plan::{Period, Roadmap};
///
/// let backlog = Backlog::from_items([
///     BacklogItem::builder("A", "a").reach(10).impact(1).confidence(1).effort(3).build()?,
///     BacklogItem::builder("B", "b").reach(90).impact(1).confidence(1).effort(2).depends_on("A").build()?,
///     BacklogItem::builder("C", "c").reach(50).impact(1).confidence(1).effort(2).build()?,
/// ])?;
/// let rice = Rice::default();
/// let order = backlog.rank(&rice)?.respecting_dependencies()?;
/// let roadmap = Roadmap::new(&order, [Period::new("now", NonNegative::new(4.0)?), Period::unbounded("later")]);
/// let now: Vec<&str> = roadmap.buckets()[0].items().map(|e| e.item().id()).collect();
/// let later: Vec<&str> = roadmap.buckets()[1].items().map(|e| e.item().id()).collect();
/// assert_eq!((now, later), (vec!["A"], vec!["B", "C"])); // B needs A; C has no room left in "now"
/// assert_eq!(roadmap.buckets()[0].free(), Some(1.0));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone)]
pub struct Roadmap<'a> {
    framework: &'a str,
    buckets: Vec<Bucket<'a>>,
    unplaced: Vec<(PlannedItem<'a>, Unplaced<'a>)>,
    unscored: Vec<UnscoredItem<'a>>,
}

impl<'a> Roadmap<'a> {
    /// Fills `periods` with the entries of `order`, in order.
    pub fn new(order: &'a PlannedOrder<'_>, periods: impl IntoIterator<Item = Period>) -> Roadmap<'a> {
        let backlog = order.backlog();
        let mut buckets: Vec<Bucket<'a>> =
            periods.into_iter().map(|period| Bucket { period, used: 0.0, items: Vec::new() }).collect();
        let mut period_of: Vec<Option<usize>> = vec![None; backlog.len()];
        let mut unplaced = Vec::new();
        for entry in order.iter() {
            let item = entry.item();
            let Some(effort) = item.effort().map(Effort::get) else {
                let reason = if item.moscow() == Some(Category::Wont) {
                    Unplaced::Wont
                } else {
                    Unplaced::LacksEffort
                };
                unplaced.push((entry, reason));
                continue;
            };
            if item.moscow() == Some(Category::Wont) {
                unplaced.push((entry, Unplaced::Wont));
                continue;
            }
            let mut earliest = 0;
            let mut missing = None;
            for prerequisite in backlog.prerequisites(entry.index()) {
                match period_of[prerequisite] {
                    Some(period) => earliest = earliest.max(period),
                    None => missing = missing.or(Some(prerequisite)),
                }
            }
            if let Some(prerequisite) = missing {
                unplaced.push((entry, Unplaced::Prerequisite(backlog.item(prerequisite))));
                continue;
            }
            let room = (earliest..buckets.len()).find(|&k| {
                buckets[k].period.capacity().is_none_or(|capacity| fits(buckets[k].used + effort, capacity))
            });
            match room {
                Some(k) => {
                    buckets[k].used += effort;
                    buckets[k].items.push(entry);
                    period_of[entry.index()] = Some(k);
                }
                None => unplaced.push((entry, Unplaced::NoRoom)),
            }
        }
        Roadmap { framework: order.engine_name(), buckets, unplaced, unscored: order.unscored().collect() }
    }

    /// The engine's name (`rice`, `wsjf`, `moscow`).
    #[must_use]
    pub fn engine_name(&self) -> &'a str {
        self.framework
    }

    /// The periods with their items, used and free capacity.
    #[must_use]
    pub fn buckets(&self) -> &[Bucket<'a>] {
        &self.buckets
    }

    /// The entries of the order that went in no period, in order, with the reason.
    pub fn unplaced(&self) -> impl ExactSizeIterator<Item = (PlannedItem<'a>, Unplaced<'a>)> + '_ {
        self.unplaced.iter().copied()
    }

    /// The unscored items the order left out (nothing in it depends on them).
    pub fn unscored(&self) -> impl ExactSizeIterator<Item = UnscoredItem<'a>> + '_ {
        self.unscored.iter().copied()
    }
}
