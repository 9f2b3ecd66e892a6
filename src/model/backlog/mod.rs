//! The backlog: validated items in columns, with their objectives, criteria and dependencies.

use std::sync::Arc;

use crate::error::{Error, ItemDetail, Result, SectionDetail};
use crate::judgment::{Ahp, ComparisonSets, KanoFeature, Vote};
use crate::model::alignment::{Objective, weighted_mean};
use crate::model::columns::{Lists, Numbers, Texts};
use crate::model::criterion::Criterion;
use crate::model::estimate::Estimate;
use crate::model::field::{Field, FieldName, FieldSet};
use crate::model::graph::Graph;
use crate::model::judgments::Judged;
use crate::model::rater::{Aggregate, Rater};
use crate::model::ratings::RatingTable;
use crate::model::scorecard::Scorecard;

mod column;
mod edit;
mod index;
pub(crate) mod view;

pub use column::Column;
use index::{index_of, lookup, resolve, sorted_ids};

/// A validated backlog: items with unique ids, every dependency present, no self-dependency and no
/// cycle, every field either built in or a declared [`Criterion`], and the strategic objectives
/// their alignment refers to.
///
/// A `Backlog` that exists is valid: [`Backlog::new`], [`Backlog::builder`] and deserialization
/// run the same checks. It stores each field as one contiguous column (a field no item uses costs
/// nothing) and lends its items out as [`Item`](crate::Item) views.
///
/// ```
/// use prioritize::{Backlog, BacklogItem, Rice};
///
/// let backlog = Backlog::from_items([
///     BacklogItem::builder("A", "Project A").reach(450).impact(3).confidence(1).effort(2).build()?,
///     BacklogItem::builder("B", "Project B").reach(800).impact(2).confidence(0.5).effort(1).build()?,
/// ])?;
/// let ranking = backlog.rank(Rice::default())?;
/// let order: Vec<&str> = ranking.iter().map(|entry| entry.item().id()).collect();
/// assert_eq!(order, ["B", "A"]);
/// # Ok::<(), prioritize::Error>(())
/// ```
#[derive(Debug, Clone, Default)]
pub struct Backlog {
    // Every column sits behind an `Arc`: a clone shares them (a ranking kept past an edit is a
    // snapshot that costs no copy), and an edit copies only a column that is shared.
    ids: Arc<Texts>,
    titles: Arc<Texts>,
    numbers: [Arc<Numbers>; Field::NUMERIC.len()],
    criteria: Arc<Vec<Criterion>>,
    criterion_values: Vec<Arc<Numbers>>,
    /// The named scorecards, each field checked against the criteria.
    scorecards: Arc<Vec<Scorecard>>,
    /// Category priorities; [`NO_CATEGORY`](crate::model::category::NO_CATEGORY) for none. Empty
    /// when no item has one.
    moscow: Arc<Vec<u8>>,
    /// Alignments given as one number.
    overall: Arc<Numbers>,
    /// Alignments given per objective: (objective index, contribution); `u32::MAX` marks an
    /// empty object.
    contributions: Arc<Lists<(u32, f64)>>,
    objectives: Arc<Vec<Objective>>,
    /// Each item's alignment resolved against the objectives; empty when no item has one.
    alignment: Arc<Numbers>,
    graph: Arc<Graph>,
    /// Every item's tags end to end, in item order: item `i`'s tags are `tags.get(i)`, indices
    /// into this.
    tag_texts: Arc<Texts>,
    tags: Arc<Lists<u32>>,
    /// Ranges by (item, column): built-in numeric columns first, then criteria.
    estimates: Arc<Vec<(u32, u16, Estimate)>>,
    /// The raters: as declared, or else those the ratings name, by id, of weight 1.
    raters: Arc<Vec<Rater>>,
    /// Whether the raters were declared (then every rating names one of them).
    raters_declared: bool,
    /// How each rated field's ratings combine into its value.
    aggregate: Aggregate,
    /// The ratings by (item, column), columns numbered as for `estimates`.
    ratings: Arc<RatingTable>,
    /// Item indices sorted by id, for lookups.
    by_id: Arc<Vec<u32>>,
    /// Comparisons, votes and Kano answers, with the weights the comparisons give.
    judged: Arc<Judged>,
}

/// What a finished draft hands over: the checked columns of a backlog being built.
pub(crate) struct Parts {
    pub(crate) ids: Texts,
    pub(crate) titles: Texts,
    pub(crate) numbers: [Numbers; Field::NUMERIC.len()],
    pub(crate) criteria: Vec<Criterion>,
    pub(crate) criterion_values: Vec<Numbers>,
    pub(crate) scorecards: Vec<Scorecard>,
    pub(crate) moscow: Vec<u8>,
    pub(crate) overall: Numbers,
    pub(crate) contributions: Lists<(u32, f64)>,
    pub(crate) objective_names: Vec<String>,
    pub(crate) objectives: Vec<Objective>,
    pub(crate) dependency_ids: Texts,
    pub(crate) depends_on: Lists<u32>,
    pub(crate) tag_texts: Texts,
    pub(crate) tags: Lists<u32>,
    pub(crate) estimates: Vec<(u32, u16, Estimate)>,
    pub(crate) raters: Vec<Rater>,
    pub(crate) raters_declared: bool,
    pub(crate) aggregate: Aggregate,
    pub(crate) ratings: RatingTable,
    pub(crate) judged: Judged,
}

impl Backlog {
    pub(crate) fn from_parts(parts: Parts) -> Result<Backlog> {
        check_unique_objectives(&parts.objectives)?;
        let keys = sorted_ids(&parts.ids)?;
        let ids = &parts.ids;
        let objectives = &parts.objectives;
        let names = &parts.objective_names;
        let contributions = parts.contributions.try_map(|item, (at, contribution)| {
            if at == u32::MAX {
                return Ok((at, contribution));
            }
            let name = &names[at as usize];
            match objectives.iter().position(|objective| objective.id() == name) {
                Some(objective) => Ok((objective as u32, contribution)),
                None => Err(Error::from(ItemDetail::UnknownObjective {
                    item: ids.get(item).to_owned(),
                    objective: name.clone(),
                })),
            }
        })?;
        let resolved = resolve(&keys, &parts.ids, &parts.dependency_ids);
        let edges = parts.depends_on.try_map(|item, dependency| {
            let at = resolved[dependency as usize];
            let dependency = parts.dependency_ids.get(dependency as usize);
            (at != u32::MAX).then_some(at).ok_or_else(|| {
                Error::from(ItemDetail::UnknownDependency {
                    item: ids.get(item).to_owned(),
                    dependency: dependency.to_owned(),
                })
            })
        })?;
        let by_id = crate::parallel::collect(keys.len(), |at| index_of(&keys[at]));
        drop(keys);
        check_votes(&parts.judged.given.votes, &by_id, ids)?;
        // Two passes over the items that need nothing of each other: one on each core.
        let (graph, alignment) = crate::parallel::join(
            || Graph::new(edges, ids.len()),
            || resolve_alignments(&parts.overall, &contributions, &parts.objectives, ids.len()),
        );
        let graph = graph.map_err(|cycle| {
            Error::from(ItemDetail::DependencyCycle {
                cycle: cycle.into_iter().map(|index| ids.get(index as usize).to_owned()).collect(),
            })
        })?;
        let mut backlog = Backlog {
            ids: Arc::new(parts.ids),
            titles: Arc::new(parts.titles),
            numbers: parts.numbers.map(Arc::new),
            criteria: Arc::new(parts.criteria),
            criterion_values: parts.criterion_values.into_iter().map(Arc::new).collect(),
            scorecards: Arc::new(parts.scorecards),
            moscow: Arc::new(parts.moscow),
            overall: Arc::new(parts.overall),
            contributions: Arc::new(contributions),
            objectives: Arc::new(parts.objectives),
            alignment: Arc::new(alignment),
            graph: Arc::new(graph),
            tag_texts: Arc::new(parts.tag_texts),
            tags: Arc::new(parts.tags),
            estimates: Arc::new(parts.estimates),
            raters: Arc::new(parts.raters),
            raters_declared: parts.raters_declared,
            aggregate: parts.aggregate,
            ratings: Arc::new(parts.ratings),
            by_id: Arc::new(by_id),
            judged: Arc::new(parts.judged),
        };
        Arc::make_mut(&mut backlog.ids).shrink_to_fit();
        Arc::make_mut(&mut backlog.titles).shrink_to_fit();
        Ok(backlog)
    }

    /// The number of items.
    #[must_use]
    pub fn len(&self) -> usize {
        self.ids.len()
    }

    /// Whether the backlog has no item.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.ids.len() == 0
    }

    /// The strategic objectives.
    #[must_use]
    pub fn objectives(&self) -> &[Objective] {
        &self.objectives
    }

    /// The declared criteria, in declaration order.
    #[must_use]
    pub fn criteria(&self) -> &[Criterion] {
        &self.criteria
    }

    /// The scorecards the backlog names (its `scorecards` section), in the order given.
    #[must_use]
    pub fn scorecards(&self) -> &[Scorecard] {
        &self.scorecards
    }

    /// The scorecard named `id`, to rank with.
    ///
    /// ```
    /// use prioritize::{Backlog, BacklogItem, Criterion, Scorecard};
    ///
    /// let backlog = Backlog::builder()
    ///     .criterion(Criterion::new("revenue")?)
    ///     .scorecard(Scorecard::new("value", [("revenue", 2.0), ("reach", 1.0)])?)
    ///     .item(BacklogItem::builder("A", "").value("revenue", 3).reach(4).build()?)
    ///     .build()?;
    /// let value = backlog.scorecard("value").expect("declared");
    /// assert_eq!(backlog.rank(value)?.at(1).and_then(|e| e.score()), Some(10.0));
    /// assert!(backlog.scorecard("risk").is_none());
    /// # Ok::<(), prioritize::Error>(())
    /// ```
    #[must_use]
    pub fn scorecard(&self, id: &str) -> Option<Scorecard> {
        self.scorecards.iter().find(|scorecard| scorecard.id() == id).cloned()
    }

    /// The raters: as declared ([`BacklogBuilder::raters`](crate::model::BacklogBuilder::raters), or a backlog file's `raters`), or,
    /// when none are declared, those the ratings name, sorted by id, each of weight 1.
    #[must_use]
    pub fn raters(&self) -> &[Rater] {
        &self.raters
    }

    /// How each rated field's ratings combine into its value (default [`Aggregate::Mean`]).
    #[must_use]
    pub fn aggregate(&self) -> Aggregate {
        self.aggregate
    }

    /// The pairwise comparisons (its `comparisons` section): `objectives` weighs the
    /// [compared](Objective::compared) objectives, `scorecard:NAME` the fields of the
    /// [compared](Scorecard::compared) scorecard `NAME`.
    #[must_use]
    pub fn comparisons(&self) -> &ComparisonSets {
        &self.judged.given.comparisons
    }

    /// What the comparisons `set` give (`objectives` or `scorecard:NAME`): the weights, and how
    /// consistent the comparisons are, with Saaty's random index.
    ///
    /// ```
    /// use prioritize::judgment::Comparison;
    /// use prioritize::{Backlog, Objective};
    ///
    /// let backlog = Backlog::builder()
    ///     .objectives(["growth", "retention", "cost"].map(|id| Objective::compared(id)).into_iter().collect::<Result<Vec<_>, _>>()?)
    ///     .comparisons("objectives", [
    ///         Comparison::new("growth", "retention", 3.0)?,
    ///         Comparison::new("retention", "cost", 3.0)?,
    ///         Comparison::new("growth", "cost", 1.0 / 3.0)?, // contradicts the other two
    ///     ])
    ///     .build()?;
    /// let weights = backlog.weights_from("objectives").expect("compared");
    /// assert!(!weights.is_consistent());
    /// assert_eq!(weights.most_inconsistent(), Some(("growth", "cost")));
    /// # Ok::<(), prioritize::Error>(())
    /// ```
    #[must_use]
    pub fn weights_from(&self, set: &str) -> Option<&Ahp> {
        self.judged.weights(set)
    }

    /// The votes between items (its `votes` section), in order: what the
    /// [`Pairwise`](crate::Pairwise) engine ranks by.
    #[must_use]
    pub fn votes(&self) -> &[Vote] {
        &self.judged.given.votes
    }

    /// The prior the [`Pairwise`](crate::Pairwise) engine gives the votes (its `votes_prior`
    /// section), if any.
    #[must_use]
    pub fn votes_prior(&self) -> Option<f64> {
        self.judged.given.votes_prior
    }

    /// The features of its Kano survey (its `kano` section), with their answers, in order.
    #[must_use]
    pub fn kano(&self) -> &[KanoFeature] {
        &self.judged.given.kano
    }

    /// The judgments as given, for a builder to carry.
    pub(crate) fn judgments(&self) -> &crate::model::judgments::Judgments {
        &self.judged.given
    }

    /// Whether the raters were declared (else they are those the ratings name).
    pub(crate) fn raters_declared(&self) -> bool {
        self.raters_declared
    }

    /// The indices of the items that depend on the item at `index`, in input order.
    pub(crate) fn dependents(&self, index: usize) -> Vec<usize> {
        self.graph.dependents(index)
    }

    /// The cycle, by ids, that giving the item at `index` these prerequisites would close, as a
    /// backlog built with them reports it; `None` when there is none.
    pub(crate) fn cycle_with(&self, index: usize, prerequisites: &[u32]) -> Option<Vec<String>> {
        if prerequisites == self.graph.prerequisites(index) || !self.graph.reaches(prerequisites, index) {
            return None;
        }
        let mut graph = (*self.graph).clone();
        graph.set_prerequisites(index, prerequisites);
        let cycle = graph.cycle().unwrap_or_default();
        Some(cycle.into_iter().map(|at| self.ids.get(at as usize).to_owned()).collect())
    }

    /// The position of the declared criterion `id` among [`Backlog::criteria`].
    #[must_use]
    pub fn criterion_index(&self, id: &str) -> Option<usize> {
        self.criteria.iter().position(|criterion| criterion.id() == id)
    }

    /// The names of the fields in `set`: built-in fields, then criteria, as the interchange
    /// format writes them.
    ///
    /// ```
    /// use prioritize::{Backlog, BacklogItem, Criterion, Field, FieldSet};
    ///
    /// let backlog = Backlog::builder().criterion(Criterion::new("revenue")?).build()?;
    /// let set = FieldSet::EMPTY.with(Field::Effort).with_criterion(0);
    /// assert_eq!(backlog.field_names(set), ["effort", "revenue"]);
    /// # Ok::<(), prioritize::Error>(())
    /// ```
    #[must_use]
    pub fn field_names(&self, set: FieldSet) -> Vec<&str> {
        let mut names: Vec<&str> = set.iter().map(Field::as_str).collect();
        names.extend(set.criteria().filter_map(|index| self.criteria.get(index).map(Criterion::id)));
        if set.contains_votes() {
            names.push("votes");
        }
        names
    }

    /// The set of the fields named `names`: built-in fields, and declared criteria by their ids
    /// (what an engine of your own gives as its [`inputs`](crate::Engine::inputs)).
    ///
    /// ```
    /// use prioritize::{Backlog, Criterion, Field, FieldSet};
    ///
    /// let backlog = Backlog::builder().criterion(Criterion::new("revenue")?).build()?;
    /// let set = backlog.field_set(["effort", "revenue"])?;
    /// assert_eq!(set, FieldSet::EMPTY.with(Field::Effort).with_criterion(0));
    /// assert!(backlog.field_set(["revenu"]).is_err());
    /// # Ok::<(), prioritize::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// a [`Structure`](crate::ErrorKind::Structure) error for a name that is neither a built-in field nor a declared
    /// criterion (the error's item is empty: no item is concerned).
    pub fn field_set<'n>(&self, names: impl IntoIterator<Item = &'n str>) -> Result<FieldSet> {
        let mut set = FieldSet::EMPTY;
        for name in names {
            set = match (Field::from_name(name), self.criterion_index(name)) {
                (Some(field), _) => set.with(field),
                (None, Some(index)) => set.with_criterion(index),
                (None, None) => {
                    return Err(Error::from(ItemDetail::UnknownField {
                        item: String::new(),
                        field: name.to_owned(),
                        criteria: self.criteria.iter().map(|c| c.id().to_owned()).collect(),
                    }));
                }
            };
        }
        Ok(set)
    }

    /// The numeric column of a field, built-in or declared; `None` for a name that is neither.
    #[must_use]
    pub fn column(&self, field: impl FieldName) -> Option<Column<'_>> {
        let name = field.field_name();
        let numbers = match Field::from_name(name) {
            Some(Field::Alignment) => &self.alignment,
            Some(field) => &self.numbers[field.column()?],
            None => &self.criterion_values[self.criterion_index(name)?],
        };
        Some(Column { values: numbers.as_slice(), len: self.len() })
    }

    /// The position in input order of the item with this id (surrounding whitespace ignored).
    #[must_use]
    pub fn index_of(&self, id: &str) -> Option<usize> {
        lookup(&self.by_id, &self.ids, id.trim())
    }

    /// The alignment in `0..=1` of the item at `index`, resolved against the objectives
    /// (0 for an item without alignment).
    ///
    /// # Panics
    ///
    /// When `index >= self.len()`.
    #[must_use]
    pub fn alignment(&self, index: usize) -> f64 {
        assert!(index < self.len(), "item index {index} out of range for a backlog of {}", self.len());
        self.alignment.get(index).unwrap_or(0.0)
    }

    /// The indices of the items that the item at `index` depends on, in the order it names them.
    ///
    /// # Panics
    ///
    /// When `index >= self.len()`.
    pub fn prerequisites(&self, index: usize) -> impl ExactSizeIterator<Item = usize> + '_ {
        assert!(index < self.len(), "item index {index} out of range for a backlog of {}", self.len());
        self.graph.prerequisites(index).iter().map(|&i| i as usize)
    }

    /// The number of dependency edges.
    #[must_use]
    pub fn dependency_count(&self) -> usize {
        self.graph.edge_count()
    }
}

/// Equal when the sections are equal and so is every item, field by field, in the same order
/// (however the backlog came to be: built at once or edited since). Numbers compare by their
/// bits, as [`BacklogItem`](crate::BacklogItem)s do; this compares every item, in O(n).
impl PartialEq for Backlog {
    fn eq(&self, other: &Backlog) -> bool {
        self.len() == other.len()
            && self.criteria == other.criteria
            && self.scorecards == other.scorecards
            && self.objectives == other.objectives
            && self.raters == other.raters
            && self.raters_declared == other.raters_declared
            && self.aggregate == other.aggregate
            && self.judged.given == other.judged.given
            && self.items().zip(other.items()).all(|(a, b)| {
                a.to_owned() == b.to_owned()
                    && a.resolved_alignment().to_bits() == b.resolved_alignment().to_bits()
            })
    }
}

/// Every id the votes name is an item's.
fn check_votes(votes: &[crate::judgment::Vote], by_id: &[u32], ids: &Texts) -> Result<()> {
    for (index, vote) in votes.iter().enumerate() {
        for id in [vote.winner(), vote.loser()] {
            if lookup(by_id, ids, id).is_none() {
                return Err(Error::from(crate::error::JudgmentDetail::UnknownVoteItem {
                    index,
                    item: id.to_owned(),
                }));
            }
        }
    }
    Ok(())
}

/// Each item's alignment against the `objectives`, from the alignments given as one number
/// (`overall`) or per objective (`contributions`), or an empty column when no item has one.
fn resolve_alignments(
    overall: &Numbers,
    contributions: &Lists<(u32, f64)>,
    objectives: &[Objective],
    len: usize,
) -> Numbers {
    let mut resolved = Numbers::default();
    if contributions.values().is_empty() {
        // Every alignment is given as one number (or none is): a copy of the column, not a pass
        // over the items.
        return overall.clone();
    }
    for index in 0..len {
        if let Some(value) = overall.get(index) {
            resolved.set(index, value);
        } else if let given @ [_, ..] = contributions.get(index) {
            let contribution =
                |at: usize| given.iter().find(|&&(objective, _)| objective as usize == at).map(|&(_, c)| c);
            resolved.set(index, weighted_mean(objectives, contribution));
        }
    }
    resolved.finish(len);
    resolved
}

fn check_unique_objectives(objectives: &[Objective]) -> Result<()> {
    let mut ids: Vec<&str> = objectives.iter().map(Objective::id).collect();
    ids.sort_unstable();
    match ids.windows(2).find(|pair| pair[0] == pair[1]) {
        Some(pair) => Err(Error::from(SectionDetail::DuplicateObjective { objective: pair[0].to_owned() })),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::BacklogItem;

    #[test]
    fn sorted_ids_order_as_the_ids_do() {
        // Ids that share a 16-byte prefix, differ only past it, are prefixes of each other, or
        // hold a NUL byte where a shorter id has its zero padding.
        let ids = [
            "ITEM-0000000000010",
            "ITEM-000000000001",
            "b",
            "ITEM-0000000000009",
            "a\0b",
            "a",
            "ITEM-00000000000",
            "é",
            "ITEM-0000000000010x",
        ];
        let mut texts = Texts::default();
        for id in ids {
            texts.push(id);
        }
        let sorted: Vec<&str> =
            sorted_ids(&texts).expect("unique").iter().map(|key| texts.get(index_of(key) as usize)).collect();
        let mut expected = ids.to_vec();
        expected.sort_unstable();
        assert_eq!(sorted, expected);
        let by_id: Vec<u32> = sorted_ids(&texts).expect("unique").iter().map(index_of).collect();
        for (index, id) in ids.iter().enumerate() {
            assert_eq!(lookup(&by_id, &texts, id), Some(index));
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
            Error::from(ItemDetail::UnknownDependency {
                item: "ITEM-0000000000010".into(),
                dependency: "ITEM-0000000000010y".into()
            })
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
            Error::from(ItemDetail::DuplicateId { item: "B".into(), first: 0, second: 2 })
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

    #[test]
    fn an_unused_field_costs_no_column() {
        let backlog = Backlog::from_items([BacklogItem::builder("A", "").reach(1).build().expect("valid")])
            .expect("valid");
        assert_eq!(backlog.numbers.iter().map(|c| c.as_slice().len()).sum::<usize>(), 1);
        assert!(backlog.alignment.as_slice().is_empty());
        assert!(backlog.moscow.is_empty());
    }
}
