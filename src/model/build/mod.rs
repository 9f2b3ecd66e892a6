//! Building a backlog: the builder, the draft the builder and the readers fill row by row, and
//! the edits of a backlog in place, which check what they are given as a draft of one item.

pub(crate) mod draft;
mod edit;

use crate::error::{Error, Result};
use crate::judgment::{Answer, Comparison, KanoFeature, Vote};
use crate::model::alignment::Objective;
use crate::model::backlog::Backlog;
use crate::model::criterion::Criterion;
use crate::model::item::BacklogItem;
use crate::model::judgments::Judgments;
use crate::model::rater::{Aggregate, Rater};
use crate::model::scorecard::Scorecard;
use draft::Draft;

impl Backlog {
    /// Validates `items` against each other and against `objectives`.
    ///
    /// # Errors
    ///
    /// - a [`Structure`](crate::ErrorKind::Structure) error when two objectives share an id;
    /// - a [`Structure`](crate::ErrorKind::Structure) error when two items share an id;
    /// - a [`Structure`](crate::ErrorKind::Structure) error when an item's alignment names an undefined objective;
    /// - a [`Structure`](crate::ErrorKind::Structure) error when a `depends_on` id names no item;
    /// - a [`Structure`](crate::ErrorKind::Structure) error when dependencies form a cycle (the error names it);
    /// - a [`Structure`](crate::ErrorKind::Structure) error when an item gives a field that is neither built in nor a
    ///   declared criterion (declare criteria with [`Backlog::builder`]);
    /// - a [`Structure`](crate::ErrorKind::Structure) error beyond `u32::MAX` items.
    pub fn new(
        items: impl IntoIterator<Item = BacklogItem>,
        objectives: impl IntoIterator<Item = Objective>,
    ) -> Result<Backlog> {
        Backlog::builder().objectives(objectives).items(items).build()
    }

    /// A backlog without objectives.
    ///
    /// # Errors
    ///
    /// As [`Backlog::new`].
    pub fn from_items(items: impl IntoIterator<Item = BacklogItem>) -> Result<Backlog> {
        Backlog::new(items, [])
    }

    /// Starts a backlog with declared criteria, objectives and items.
    ///
    /// ```
    /// use prioritize::{Backlog, BacklogItem, Criterion};
    ///
    /// let backlog = Backlog::builder()
    ///     .criterion(Criterion::new("revenue")?.bounds(Some(0.0), Some(10.0))?)
    ///     .item(BacklogItem::builder("A", "a").value("revenue", 7).build()?)
    ///     .build()?;
    /// assert_eq!(backlog.item(0).value("revenue"), Some(7.0));
    ///
    /// let too_much = Backlog::builder()
    ///     .criterion(Criterion::new("revenue")?.bounds(Some(0.0), Some(10.0))?)
    ///     .item(BacklogItem::builder("A", "a").value("revenue", 12).build()?)
    ///     .build();
    /// assert_eq!(too_much.unwrap_err().to_string(), r#"item "A": revenue 12 is outside 0..=10"#);
    /// # Ok::<(), prioritize::Error>(())
    /// ```
    pub fn builder() -> BacklogBuilder {
        BacklogBuilder::default()
    }

    /// A copy of the backlog in which `change` has modified the owned items (the analyses use
    /// this for scenarios such as widened estimates).
    pub(crate) fn map_items(
        &self,
        mut change: impl FnMut(&mut BacklogItem) -> Result<()>,
    ) -> Result<Backlog> {
        let mut builder = self.with_judgments(self.sections());
        for item in self.items() {
            let mut owned = item.to_owned();
            change(&mut owned)?;
            builder.draft.push_item(&owned);
        }
        builder.build()
    }

    /// A builder that holds every section of this backlog (criteria, scorecards, objectives,
    /// raters and aggregate) and every item, in order: `backlog.to_builder().build()` gives the
    /// backlog back, and items or sections added to the builder join them.
    ///
    /// ```
    /// use prioritize::{Aggregate, Backlog, BacklogItem, Field, Rater};
    ///
    /// let backlog = Backlog::builder()
    ///     .raters([Rater::new("po", 3.0)?, Rater::new("pm", 1.0)?])
    ///     .aggregate(Aggregate::Median)
    ///     .item(BacklogItem::builder("A", "a").ratings(Field::Effort, [("po", 2), ("pm", 10)]).build()?)
    ///     .build()?;
    /// let grown = backlog.to_builder().item(BacklogItem::builder("B", "b").effort(3).build()?).build()?;
    /// assert_eq!(grown.item(0).value(Field::Effort), Some(2.0)); // still the weighted median
    /// assert_eq!(grown.len(), 2);
    /// assert_eq!(backlog.to_builder().build()?, backlog);
    /// # Ok::<(), prioritize::Error>(())
    /// ```
    pub fn to_builder(&self) -> BacklogBuilder {
        let mut builder = self.with_judgments(self.sections());
        for item in self.items() {
            builder.draft.push_item(&item.to_owned());
        }
        builder
    }

    /// `builder` with this backlog's comparisons, votes and Kano answers.
    fn with_judgments(&self, mut builder: BacklogBuilder) -> BacklogBuilder {
        builder.judgments = self.judgments().clone();
        builder
    }

    /// A builder with this backlog's sections and no item; without its judgments, which
    /// `with_judgments` adds (an edit's check of one item needs none of them).
    pub(crate) fn sections(&self) -> BacklogBuilder {
        BacklogBuilder {
            criteria: self.criteria().to_vec(),
            scorecards: self.scorecards().to_vec(),
            objectives: self.objectives().to_vec(),
            raters: self.raters_declared().then(|| self.raters().to_vec()),
            aggregate: self.aggregate(),
            judgments: Judgments::default(),
            draft: Draft::new(Some(self.criteria().to_vec())),
        }
    }
}

/// Builds a [`Backlog`] from criteria, objectives and items; see [`Backlog::builder`].
#[derive(Debug, Default)]
#[must_use = "a backlog builder does nothing until `build` is called"]
pub struct BacklogBuilder {
    criteria: Vec<Criterion>,
    scorecards: Vec<Scorecard>,
    objectives: Vec<Objective>,
    raters: Option<Vec<Rater>>,
    aggregate: Aggregate,
    judgments: Judgments,
    draft: Draft,
}

impl BacklogBuilder {
    /// Declares a criterion: a numeric field of the team's own.
    pub fn criterion(mut self, criterion: Criterion) -> Self {
        self.criteria.push(criterion);
        self
    }

    /// Declares criteria.
    pub fn criteria(mut self, criteria: impl IntoIterator<Item = Criterion>) -> Self {
        self.criteria.extend(criteria);
        self
    }

    /// Names a scorecard, whose fields are checked against the criteria when the backlog is
    /// built; [`Backlog::scorecard`] gives it back.
    pub fn scorecard(mut self, scorecard: Scorecard) -> Self {
        self.scorecards.push(scorecard);
        self
    }

    /// Names scorecards.
    pub fn scorecards(mut self, scorecards: impl IntoIterator<Item = Scorecard>) -> Self {
        self.scorecards.extend(scorecards);
        self
    }

    /// Adds a strategic objective.
    pub fn objective(mut self, objective: Objective) -> Self {
        self.objectives.push(objective);
        self
    }

    /// Adds strategic objectives.
    pub fn objectives(mut self, objectives: impl IntoIterator<Item = Objective>) -> Self {
        self.objectives.extend(objectives);
        self
    }

    /// Declares a rater. Once raters are declared, every rating must name one of them;
    /// without any, every rater the ratings name counts, with weight 1.
    pub fn rater(self, rater: Rater) -> Self {
        self.raters([rater])
    }

    /// Declares raters (none at all, `raters([])`, makes every rating an error).
    pub fn raters(mut self, raters: impl IntoIterator<Item = Rater>) -> Self {
        self.raters.get_or_insert_with(Vec::new).extend(raters);
        self
    }

    /// How each rated field's ratings combine into its value (default [`Aggregate::Mean`]).
    pub fn aggregate(mut self, aggregate: Aggregate) -> Self {
        self.aggregate = aggregate;
        self
    }

    /// Adds a set of pairwise comparisons: `objectives` weighs the
    /// [compared](Objective::compared) objectives, `scorecard:NAME` the fields of the
    /// [compared](Scorecard::compared) scorecard `NAME` (see [`Backlog::weights_from`]).
    /// A set named twice is an error when the backlog is built.
    pub fn comparisons(
        mut self,
        set: impl Into<String>,
        comparisons: impl IntoIterator<Item = Comparison>,
    ) -> Self {
        self.judgments.comparisons.push(set.into(), comparisons.into_iter().collect());
        self
    }

    /// Adds votes between items (see [`Pairwise`](crate::Pairwise)); each must name two items
    /// of the backlog.
    pub fn votes(mut self, votes: impl IntoIterator<Item = Vote>) -> Self {
        self.judgments.votes.extend(votes);
        self
    }

    /// The prior the [`Pairwise`](crate::Pairwise) engine gives the votes: each item gets `prior`
    /// virtual wins and losses (a finite number `> 0`, checked when the backlog is built).
    pub fn votes_prior(mut self, prior: f64) -> Self {
        self.judgments.votes_prior = Some(prior);
        self
    }

    /// Adds a feature of a Kano survey with its (functional, dysfunctional) answers
    /// ([`Backlog::kano`]).
    pub fn kano(
        mut self,
        feature: impl Into<String>,
        answers: impl IntoIterator<Item = (Answer, Answer)>,
    ) -> Self {
        self.judgments.kano.push(KanoFeature::new(feature, answers));
        self
    }

    /// Adds an item.
    pub fn item(mut self, item: impl std::borrow::Borrow<BacklogItem>) -> Self {
        self.draft.push_item(item.borrow());
        self
    }

    /// Adds items, in order.
    pub fn items(mut self, items: impl IntoIterator<Item = BacklogItem>) -> Self {
        for item in items {
            self.draft.push_item(&item);
        }
        self
    }

    /// Checks the items against each other, the criteria and the objectives.
    ///
    /// # Errors
    ///
    /// As [`Backlog::new`], and:
    /// - a [`Structure`](crate::ErrorKind::Structure) error when two criteria share an id;
    /// - a [`Structure`](crate::ErrorKind::Structure) error beyond [`FieldSet::MAX_CRITERIA`](crate::FieldSet::MAX_CRITERIA);
    /// - a [`Value`](crate::ErrorKind::Value) error for a criterion's value outside its bounds;
    /// - a [`Structure`](crate::ErrorKind::Structure) error when two scorecards share a name;
    /// - a [`Structure`](crate::ErrorKind::Structure) error for a scorecard's field that is neither a numeric
    ///   built-in field nor a declared criterion, and a [`Value`](crate::ErrorKind::Value) error for a field
    ///   without the bounds its normalization needs.
    /// - a [`Structure`](crate::ErrorKind::Structure) error when two raters share an id;
    /// - a [`Structure`](crate::ErrorKind::Structure) error for a rating by a rater not declared (when raters are);
    /// - a [`Value`](crate::ErrorKind::Value) error for a rating outside its criterion's bounds.
    ///
    /// The value of each rated field is computed here, from the raters' weights:
    ///
    /// ```
    /// use prioritize::{Aggregate, Backlog, BacklogItem, Field, Rater};
    ///
    /// let item = BacklogItem::builder("A", "a").ratings(Field::Effort, [("po", 3), ("pm", 5), ("eng", 8)]).build()?;
    /// let raters = [Rater::new("po", 1.0)?, Rater::new("pm", 1.0)?, Rater::new("eng", 2.0)?];
    /// let mean = Backlog::builder().raters(raters.clone()).item(&item).build()?;
    /// assert_eq!(mean.item(0).value(Field::Effort), Some(6.0)); // (3 + 5 + 2 · 8) / 4
    /// let median = Backlog::builder().raters(raters).aggregate(Aggregate::Median).item(&item).build()?;
    /// assert_eq!(median.item(0).value(Field::Effort), Some(5.0)); // 3, 5: weight 2 of 4
    ///
    /// let undeclared = Backlog::builder().rater(Rater::new("po", 1.0)?).item(&item).build();
    /// assert_eq!(
    ///     undeclared.unwrap_err().to_string(),
    ///     r#"item "A": effort rating by "pm" names no declared rater (raters: po)"#
    /// );
    /// # Ok::<(), prioritize::Error>(())
    /// ```
    pub fn build(mut self) -> Result<Backlog> {
        self.draft.set_raters(self.raters, self.aggregate);
        self.draft.finish(self.criteria, self.objectives, self.scorecards, self.judgments)
    }
}

impl TryFrom<Vec<BacklogItem>> for Backlog {
    type Error = Error;

    fn try_from(items: Vec<BacklogItem>) -> Result<Backlog> {
        Backlog::from_items(items)
    }
}
