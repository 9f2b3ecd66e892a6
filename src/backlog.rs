//! The backlog: validated items, objectives and their dependency graph.

use crate::alignment::Objective;
use crate::engine::Engine;
use crate::error::{Error, Result};
use crate::graph::Graph;
use crate::item::BacklogItem;
use crate::ranking::{RankOptions, Ranking};

/// A validated backlog: items with unique ids, every dependency present, no self-dependency and no
/// cycle, and the strategic objectives their alignment refers to.
///
/// A `Backlog` that exists is valid: [`Backlog::new`] and deserialization run the same checks.
///
/// ```
/// use prioritize::{Backlog, BacklogItem, Rice};
///
/// let backlog = Backlog::from_items([
///     BacklogItem::builder("A", "Project A").reach(450).impact(3).confidence(1).effort(2).build()?,
///     BacklogItem::builder("B", "Project B").reach(800).impact(2).confidence(0.5).effort(1).build()?,
/// ])?;
/// let rice = Rice::default();
/// let ranking = backlog.rank(&rice)?;
/// let order: Vec<&str> = ranking.iter().map(|entry| entry.item().id().as_str()).collect();
/// assert_eq!(order, ["B", "A"]);
/// # Ok::<(), prioritize::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Backlog {
    items: Vec<BacklogItem>,
    objectives: Vec<Objective>,
    /// Each item's alignment resolved against the objectives, by index.
    alignments: Vec<f64>,
    /// Item indices sorted by id, for lookups.
    by_id: Vec<u32>,
    graph: Graph,
}

impl Backlog {
    /// Validates `items` against each other and against `objectives`.
    ///
    /// # Errors
    ///
    /// - [`Error::DuplicateObjective`] when two objectives share an id;
    /// - [`Error::DuplicateId`] when two items share an id;
    /// - [`Error::UnknownObjective`] when an item's alignment names an undefined objective;
    /// - [`Error::UnknownDependency`] when a `depends_on` id names no item;
    /// - [`Error::DependencyCycle`] when dependencies form a cycle (the error names it);
    /// - [`Error::TooManyItems`] beyond `u32::MAX` items.
    pub fn new(
        items: impl IntoIterator<Item = BacklogItem>,
        objectives: impl IntoIterator<Item = Objective>,
    ) -> Result<Backlog> {
        let items: Vec<BacklogItem> = items.into_iter().collect();
        let objectives: Vec<Objective> = objectives.into_iter().collect();
        if u32::try_from(items.len()).is_err() {
            return Err(Error::TooManyItems { count: items.len() });
        }
        check_unique_objectives(&objectives)?;
        let keys = sorted_ids(&items)?;
        let alignments = resolve_alignments(&items, &objectives)?;
        let graph = Graph::build(&items, |id| {
            let key = (id_prefix(id), id);
            keys.binary_search_by(|&(prefix, other, _)| (prefix, other).cmp(&key)).ok().map(|at| keys[at].2)
        })?;
        let by_id = keys.into_iter().map(|(_, _, index)| index).collect();
        Ok(Backlog { items, objectives, alignments, by_id, graph })
    }

    /// A backlog without objectives.
    ///
    /// # Errors
    ///
    /// As [`Backlog::new`].
    pub fn from_items(items: impl IntoIterator<Item = BacklogItem>) -> Result<Backlog> {
        Backlog::new(items, [])
    }

    /// The items, in input order (the Product Owner's order, which breaks ties).
    #[must_use]
    pub fn items(&self) -> &[BacklogItem] {
        &self.items
    }

    /// The strategic objectives.
    #[must_use]
    pub fn objectives(&self) -> &[Objective] {
        &self.objectives
    }

    /// The number of items.
    #[must_use]
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// Whether the backlog has no item.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// The position in input order of the item with this id.
    #[must_use]
    pub fn index_of(&self, id: &str) -> Option<usize> {
        self.by_id
            .binary_search_by(|&i| self.items[i as usize].id().as_str().cmp(id))
            .ok()
            .map(|at| self.by_id[at] as usize)
    }

    /// The item with this id.
    #[must_use]
    pub fn get(&self, id: &str) -> Option<&BacklogItem> {
        self.index_of(id).map(|index| &self.items[index])
    }

    /// The alignment in `0..=1` of the item at `index`, resolved against the objectives
    /// (0 for an item without alignment).
    ///
    /// # Panics
    ///
    /// When `index >= self.len()`.
    #[must_use]
    pub fn alignment(&self, index: usize) -> f64 {
        self.alignments[index]
    }

    /// The indices of the items that the item at `index` depends on, in the order it names them.
    ///
    /// # Panics
    ///
    /// When `index >= self.len()`.
    pub fn prerequisites(&self, index: usize) -> impl ExactSizeIterator<Item = usize> + '_ {
        self.graph.prerequisites(index).iter().map(|&i| i as usize)
    }

    /// The number of dependency edges.
    #[must_use]
    pub fn dependency_count(&self) -> usize {
        self.graph.edge_count()
    }

    /// Ranks the backlog with `engine` and the default [`RankOptions`].
    ///
    /// # Errors
    ///
    /// As [`Backlog::rank_with`].
    pub fn rank<'a>(&'a self, engine: &'a dyn Engine) -> Result<Ranking<'a>> {
        self.rank_with(engine, &RankOptions::default())
    }

    /// Ranks the backlog with `engine` and `options`.
    ///
    /// # Errors
    ///
    /// - whatever the engine reports for an item, e.g. [`Error::OffScale`] in WSJF's strict mode;
    /// - [`Error::ScoreOverflow`] when a score comes out infinite or NaN;
    /// - [`Error::Unscored`] in strict mode, for the first item the engine cannot score.
    pub fn rank_with<'a>(&'a self, engine: &'a dyn Engine, options: &RankOptions) -> Result<Ranking<'a>> {
        Ranking::new(self, engine, options)
    }
}

impl TryFrom<Vec<BacklogItem>> for Backlog {
    type Error = Error;

    fn try_from(items: Vec<BacklogItem>) -> Result<Backlog> {
        Backlog::from_items(items)
    }
}

fn check_unique_objectives(objectives: &[Objective]) -> Result<()> {
    let mut ids: Vec<&str> = objectives.iter().map(Objective::id).collect();
    ids.sort_unstable();
    match ids.windows(2).find(|pair| pair[0] == pair[1]) {
        Some(pair) => Err(Error::DuplicateObjective { objective: pair[0].to_owned() }),
        None => Ok(()),
    }
}

/// Every item's id with its index, sorted by id, after checking that ids are unique.
///
/// Each key carries the id's first 16 bytes, so sorting and looking up most ids compares
/// integers without following a pointer to the item or its id: with a million items, going
/// through the items cost a cache miss on every compare. (prefix, id) orders exactly as the id
/// does, since the zero padding of a shorter id sorts first.
fn sorted_ids(items: &[BacklogItem]) -> Result<Vec<(u128, &str, u32)>> {
    let mut keys: Vec<(u128, &str, u32)> = items
        .iter()
        .enumerate()
        .map(|(index, item)| (id_prefix(item.id().as_str()), item.id().as_str(), index as u32))
        .collect();
    keys.sort_unstable();
    let duplicate = keys
        .windows(2)
        .filter(|pair| pair[0].1 == pair[1].1)
        .map(|pair| (pair[0].2, pair[1].2))
        .min_by_key(|&(_, second)| second);
    match duplicate {
        Some((first, second)) => Err(Error::DuplicateId {
            item: items[first as usize].id().to_string(),
            first: first as usize,
            second: second as usize,
        }),
        None => Ok(keys),
    }
}

/// The first 16 bytes of `id`, big-endian and zero-padded, so prefixes compare as the bytes do.
fn id_prefix(id: &str) -> u128 {
    let mut bytes = [0_u8; 16];
    let len = id.len().min(16);
    bytes[..len].copy_from_slice(&id.as_bytes()[..len]);
    u128::from_be_bytes(bytes)
}

fn resolve_alignments(items: &[BacklogItem], objectives: &[Objective]) -> Result<Vec<f64>> {
    items
        .iter()
        .map(|item| match item.alignment() {
            None => Ok(0.0),
            Some(alignment) => {
                if let crate::Alignment::PerObjective(contributions) = alignment {
                    if let Some(unknown) = contributions
                        .keys()
                        .find(|id| !objectives.iter().any(|objective| objective.id() == *id))
                    {
                        return Err(Error::UnknownObjective {
                            item: item.id().to_string(),
                            objective: unknown.clone(),
                        });
                    }
                }
                Ok(alignment.resolve(objectives))
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorted_ids_order_as_the_ids_do() {
        // Ids that share a 16-byte prefix, differ only past it, are prefixes of each other, or
        // hold a NUL byte where a shorter id has its zero padding.
        let ids = [
            "ITEM-0000000000010",
            "ITEM-000000000001",
            "b",
            "ITEM-0000000000009",
            "a\0",
            "a",
            "ITEM-00000000000",
            "é",
            "ITEM-0000000000010x",
        ];
        let items: Vec<BacklogItem> =
            ids.iter().map(|id| BacklogItem::builder(*id, "t").build().expect("valid")).collect();
        let sorted: Vec<&str> = sorted_ids(&items).expect("unique").iter().map(|&(_, id, _)| id).collect();
        let mut expected = ids.to_vec();
        expected.sort_unstable();
        assert_eq!(sorted, expected);
        let backlog = Backlog::from_items(items).expect("valid");
        for (index, id) in ids.iter().enumerate() {
            assert_eq!(backlog.index_of(id), Some(index));
        }
    }

    #[test]
    fn dependencies_resolve_past_the_prefix() {
        let backlog = Backlog::from_items([
            BacklogItem::builder("ITEM-0000000000010", "t").build().expect("valid"),
            BacklogItem::builder("ITEM-0000000000011", "t")
                .depends_on("ITEM-0000000000010x")
                .build()
                .expect("valid"),
            BacklogItem::builder("ITEM-0000000000010x", "t")
                .depends_on("ITEM-0000000000010")
                .build()
                .expect("valid"),
        ])
        .expect("valid");
        assert_eq!(backlog.prerequisites(1).collect::<Vec<_>>(), [2]);
        assert_eq!(backlog.prerequisites(2).collect::<Vec<_>>(), [0]);
        let unknown = Backlog::from_items([BacklogItem::builder("ITEM-0000000000010", "t")
            .depends_on("ITEM-0000000000010y")
            .build()
            .expect("valid")]);
        assert_eq!(
            unknown.unwrap_err(),
            Error::UnknownDependency {
                item: "ITEM-0000000000010".into(),
                dependency: "ITEM-0000000000010y".into()
            }
        );
    }

    #[test]
    fn the_first_repeated_id_is_reported() {
        let items: Vec<BacklogItem> = ["B", "A", "B", "A", "A"]
            .iter()
            .map(|id| BacklogItem::builder(*id, "t").build().expect("valid"))
            .collect();
        assert_eq!(
            Backlog::from_items(items).unwrap_err(),
            Error::DuplicateId { item: "B".into(), first: 0, second: 2 }
        );
    }

    #[test]
    fn ids_and_dependencies_resolve_to_input_positions() {
        let item = |id: &str, depends_on: &[&str]| {
            depends_on
                .iter()
                .fold(BacklogItem::builder(id, "item"), |builder, dependency| builder.depends_on(*dependency))
                .build()
                .expect("valid item")
        };
        let backlog = Backlog::from_items([
            item("web-2", &["api-10", "api-9"]),
            item("api-9", &[]),
            item("api-10", &["api-9"]),
            item("db", &[]),
        ])
        .expect("valid backlog");
        let positions: Vec<Option<usize>> =
            ["web-2", "api-9", "api-10", "db", "api-1", ""].iter().map(|id| backlog.index_of(id)).collect();
        assert_eq!(positions, [Some(0), Some(1), Some(2), Some(3), None, None]);
        assert_eq!(backlog.prerequisites(0).collect::<Vec<_>>(), [2, 1]);
        assert_eq!(backlog.prerequisites(2).collect::<Vec<_>>(), [1]);
        assert_eq!(backlog.dependency_count(), 3);
    }
}
