//! Owned backlog items and their builder.

use crate::error::{Error, ItemDetail, Result};
use crate::model::alignment::Alignment;
use crate::model::category::Category;
use crate::model::confidence::Confidence;
use crate::model::estimate::Estimate;
use crate::model::field::{Field, FieldName};
use crate::model::id::ItemId;
use crate::model::impact::Impact;
use crate::model::input::{Checker, Input, Numeric};
use crate::model::number::{Effort, NonNegative, OutOfTen};
use crate::model::ratings::Ratings;

/// One candidate piece of work, owned: what a backlog is built from.
///
/// Every input is optional on the item and required only by the engine that uses it: an item
/// without `effort` is simply unscored under RICE and WSJF. A `BacklogItem` that exists is valid;
/// build one with [`BacklogItem::builder`]. A [`Backlog`](crate::Backlog) stores its items in
/// columns and lends them out as [`Item`](crate::Item) views; [`Item::to_owned`](crate::Item::to_owned)
/// gives a `BacklogItem` back.
///
/// ```
/// use prioritize::{BacklogItem, Category, Impact};
///
/// let item = BacklogItem::builder("CHK-1", "One-click checkout")
///     .reach(4000)
///     .impact(Impact::HIGH)
///     .confidence(0.8)
///     .effort(3)
///     .moscow(Category::Must)
///     .value("revenue", 7)
///     .depends_on("AUTH-2")
///     .build()?;
/// assert_eq!(item.id(), "CHK-1");
/// assert_eq!(item.effort().map(|e| e.get()), Some(3.0));
/// assert_eq!(item.value("revenue"), Some(7.0));
/// assert_eq!(item.business_value(), None);
/// # Ok::<(), prioritize::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct BacklogItem {
    pub(crate) id: ItemId,
    pub(crate) title: String,
    /// The numeric built-in fields, by their position in [`Field::NUMERIC`]; NaN where absent.
    pub(crate) numbers: [f64; Field::NUMERIC.len()],
    /// Values of declared criteria, by criterion id, in the order first given.
    pub(crate) criteria: Vec<(String, f64)>,
    pub(crate) moscow: Option<Category>,
    pub(crate) alignment: Option<Alignment>,
    pub(crate) depends_on: Vec<ItemId>,
    pub(crate) tags: Vec<String>,
    /// The fields given as ranges, by name; the point values above are their expected values.
    pub(crate) estimates: Vec<(String, Estimate)>,
    /// The rated fields, by name, with (rater id, rating) pairs. Such a field's value and range
    /// are the backlog's to compute: absent on a built item, copied from the backlog by
    /// [`Item::to_owned`](crate::Item::to_owned), recomputed when the item joins a backlog.
    pub(crate) ratings: Vec<(String, Vec<(String, f64)>)>,
}

/// Equal when every field is: the numbers compare by their bits, so that an absent value (NaN)
/// equals an absent value (stored numbers are never NaN, and `-0.0` is stored as `0.0`); the
/// criteria, ranges and ratings compare by field, whatever the order they were given in.
impl PartialEq for BacklogItem {
    fn eq(&self, other: &BacklogItem) -> bool {
        fn by_name<T: PartialEq>(a: &[(String, T)], b: &[(String, T)]) -> bool {
            a.len() == b.len() && a.iter().all(|(name, x)| b.iter().any(|(other, y)| other == name && x == y))
        }
        self.id == other.id
            && self.title == other.title
            && self.numbers.map(f64::to_bits) == other.numbers.map(f64::to_bits)
            && by_name(&self.criteria, &other.criteria)
            && self.moscow == other.moscow
            && self.alignment == other.alignment
            && self.depends_on == other.depends_on
            && self.tags == other.tags
            && by_name(&self.estimates, &other.estimates)
            && by_name(&self.ratings, &other.ratings)
    }
}

impl BacklogItem {
    /// Starts an item with its id and title (which may be empty); [`ItemBuilder::build`] checks
    /// every value.
    pub fn builder(id: impl Into<String>, title: impl Into<String>) -> ItemBuilder {
        ItemBuilder {
            id: id.into(),
            title: title.into(),
            inputs: Vec::new(),
            depends_on: Vec::new(),
            tags: Vec::new(),
            conflict: None,
            derived: Vec::new(),
        }
    }

    /// The item's unique id.
    #[must_use]
    pub fn id(&self) -> &ItemId {
        &self.id
    }

    /// The item's title; empty when it has none.
    #[must_use]
    pub fn title(&self) -> &str {
        &self.title
    }

    /// The value of a numeric field, built-in or declared criterion.
    #[must_use]
    pub fn value(&self, field: impl FieldName) -> Option<f64> {
        let name = field.field_name();
        match Numeric::named(name)? {
            Numeric::Builtin(field) => self.number(field),
            Numeric::Criterion(name) => {
                self.criteria.iter().find(|(id, _)| id == name).map(|&(_, value)| value)
            }
        }
    }

    /// The value of a numeric built-in `field` (`None` for the other fields).
    ///
    /// ```
    /// use prioritize::{BacklogItem, Field};
    ///
    /// let item = BacklogItem::builder("A", "a").effort(2).build()?;
    /// assert_eq!(item.number(Field::Effort), Some(2.0));
    /// assert_eq!(item.number(Field::Reach), None);
    /// # Ok::<(), prioritize::Error>(())
    /// ```
    #[must_use]
    pub fn number(&self, field: Field) -> Option<f64> {
        let value = self.numbers[field.column()?];
        (!value.is_nan()).then_some(value)
    }

    /// The declared criteria's values, in the order given.
    pub fn criteria(&self) -> impl ExactSizeIterator<Item = (&str, f64)> + '_ {
        self.criteria.iter().map(|(name, value)| (name.as_str(), *value))
    }

    numeric_getters!();

    /// The MoSCoW category.
    #[must_use]
    pub fn moscow(&self) -> Option<Category> {
        self.moscow
    }

    /// The alignment with the strategic objectives, as given.
    #[must_use]
    pub fn alignment(&self) -> Option<&Alignment> {
        self.alignment.as_ref()
    }

    /// The ids of the items that must be done first.
    #[must_use]
    pub fn depends_on(&self) -> &[ItemId] {
        &self.depends_on
    }

    /// Free labels: product, theme, team.
    #[must_use]
    pub fn tags(&self) -> &[String] {
        &self.tags
    }

    /// Whether the item has a value for `field` (`id` and `title` always; lists when non-empty).
    #[must_use]
    pub fn has(&self, field: Field) -> bool {
        match field {
            Field::Id | Field::Title => true,
            Field::Moscow => self.moscow.is_some(),
            Field::Alignment => self.alignment.is_some(),
            Field::DependsOn => !self.depends_on.is_empty(),
            Field::Tags => !self.tags.is_empty(),
            field => self.number(field).is_some(),
        }
    }

    /// The estimate of a numeric field: its range when one was given, else its value as a point
    /// estimate; `None` when the item has no value for it.
    ///
    /// ```
    /// use prioritize::{BacklogItem, Field};
    /// use prioritize::model::Estimate;
    ///
    /// let item = BacklogItem::builder("A", "a").effort(2).range(Field::Reach, 100, 300).build()?;
    /// assert_eq!(item.estimate_or_point(Field::Effort), Some(Estimate::point(2.0)));
    /// assert_eq!(item.estimate_or_point(Field::Reach).map(|r| r.ends()), Some([100.0, 300.0]));
    /// assert_eq!(item.estimate_or_point(Field::Confidence), None);
    /// # Ok::<(), prioritize::Error>(())
    /// ```
    #[must_use]
    pub fn estimate_or_point(&self, field: impl FieldName) -> Option<Estimate> {
        let name = field.field_name();
        self.estimate(name).or_else(|| self.value(name).map(Estimate::point))
    }

    /// The range of a numeric field, if it was given as one.
    #[must_use]
    pub fn estimate(&self, field: impl FieldName) -> Option<Estimate> {
        let name = field.field_name();
        self.estimates.iter().find(|(f, _)| f == name).map(|&(_, estimate)| estimate)
    }

    /// The fields given as ranges, by name, with their ranges.
    pub fn estimates(&self) -> impl ExactSizeIterator<Item = (&str, Estimate)> + '_ {
        self.estimates.iter().map(|(name, estimate)| (name.as_str(), *estimate))
    }

    /// The ratings of a field, if it was rated.
    ///
    /// An item that is not yet in a backlog has no value for a rated field: the value is the
    /// aggregate of the ratings weighted by the backlog's raters, computed when the item joins
    /// a [`Backlog`](crate::Backlog).
    ///
    /// ```
    /// use prioritize::{Backlog, BacklogItem, Field};
    ///
    /// let item = BacklogItem::builder("A", "a").ratings(Field::Impact, [("po", 3), ("pm", 1)]).build()?;
    /// assert_eq!(item.ratings(Field::Impact).map(|r| r.len()), Some(2));
    /// assert_eq!(item.value(Field::Impact), None);
    /// let backlog = Backlog::from_items([item])?;
    /// assert_eq!(backlog.item(0).value(Field::Impact), Some(2.0));
    /// # Ok::<(), prioritize::Error>(())
    /// ```
    #[must_use]
    pub fn ratings(&self, field: impl FieldName) -> Option<Ratings<'_>> {
        let name = field.field_name();
        self.ratings.iter().find(|(f, _)| f == name).map(|(_, ratings)| Ratings::owned(ratings))
    }

    /// The rated fields, by name, with their ratings, in the order given.
    pub fn rated(&self) -> impl ExactSizeIterator<Item = (&str, Ratings<'_>)> + '_ {
        self.ratings.iter().map(|(name, ratings)| (name.as_str(), Ratings::owned(ratings)))
    }

    /// A builder holding every field of the item (values, ranges, ratings, category, alignment,
    /// dependencies, tags), to change some and build it again: `item.to_builder().build()` gives
    /// the item back.
    ///
    /// A rated field keeps the value and range the backlog it came from computed, until it is
    /// given again; the backlog the item joins checks that its raters give the same value.
    ///
    /// ```
    /// use prioritize::{Backlog, BacklogItem, Category};
    ///
    /// let backlog = Backlog::from_items([
    ///     BacklogItem::builder("AUTH", "Sign-in").build()?,
    ///     BacklogItem::builder("CHK", "Checkout").reach(400).moscow(Category::Must).depends_on("AUTH").tag("web").build()?,
    /// ])?;
    /// let item = backlog.item(1).to_owned();
    /// assert_eq!(item.to_builder().build()?, item);
    /// let changed = item.to_builder().reach(800).build()?;
    /// assert_eq!((changed.reach().map(|r| r.get()), changed.moscow()), (Some(800.0), Some(Category::Must)));
    /// assert_eq!((changed.depends_on(), changed.tags()), (item.depends_on(), item.tags()));
    /// # Ok::<(), prioritize::Error>(())
    /// ```
    pub fn to_builder(&self) -> ItemBuilder {
        let mut builder = BacklogItem::builder(self.id.as_str(), self.title.as_str());
        let rated = |name: &str| self.ratings.iter().any(|(field, _)| field == name);
        let numbers = Field::NUMERIC.iter().zip(self.numbers).map(|(field, value)| (field.as_str(), value));
        let criteria = self.criteria.iter().map(|(name, value)| (name.as_str(), *value));
        for (name, value) in numbers.chain(criteria).filter(|(_, value)| !value.is_nan()) {
            if rated(name) {
                builder.derived.push((name.to_owned(), value, self.estimate(name)));
                continue;
            }
            let input = match self.estimate(name) {
                Some(range) => Input::Pairs(vec![
                    ("low".into(), range.low()),
                    ("expected".into(), range.expected()),
                    ("high".into(), range.high()),
                ]),
                None => Input::Number(value),
            };
            builder.inputs.push((name.to_owned(), input));
        }
        for (name, ratings) in &self.ratings {
            let ratings = ratings.iter().map(|(rater, value)| (rater.clone(), Input::Number(*value)));
            builder.inputs.push((name.clone(), Input::Ratings(ratings.collect())));
        }
        if let Some(category) = self.moscow {
            builder.inputs.push((Field::Moscow.as_str().to_owned(), Input::Text(category.as_str().into())));
        }
        let alignment = match &self.alignment {
            Some(Alignment::Overall(value)) => Some(Input::Number(value.get())),
            Some(Alignment::PerObjective(contributions)) => Some(Input::Pairs(
                contributions.iter().map(|(id, value)| (id.clone(), value.get())).collect(),
            )),
            None => None,
        };
        if let Some(alignment) = alignment {
            builder.inputs.push((Field::Alignment.as_str().to_owned(), alignment));
        }
        builder.depends_on = self.depends_on.iter().map(ToString::to_string).collect();
        builder.tags.clone_from(&self.tags);
        builder
    }

    /// Sets the point value of a numeric field, checked as the builder checks a plain value; any
    /// range of the field is kept (the analyses use this for scenarios within it).
    pub(crate) fn set_value(&mut self, name: &str, value: f64) -> Result<()> {
        let check = Checker { item: self.id.as_str() };
        let Some(field) = Numeric::named(name) else {
            return Err(Error::from(ItemDetail::InvalidValue {
                item: self.id.to_string(),
                field: name.to_owned(),
                value: value.to_string(),
                expected: "a numeric field",
            }));
        };
        let value = check.plain(field, &Input::Number(value))?;
        self.store(field, value);
        Ok(())
    }

    /// Removes the field's value, range and ratings.
    pub(crate) fn clear(&mut self, name: &str) {
        match Numeric::named(name) {
            Some(Numeric::Builtin(field)) => {
                if let Some(column) = field.column() {
                    self.numbers[column] = f64::NAN;
                }
            }
            Some(Numeric::Criterion(_)) => self.criteria.retain(|(id, _)| id != name),
            None => {}
        }
        self.estimates.retain(|(field, _)| field != name);
        self.ratings.retain(|(field, _)| field != name);
    }

    pub(crate) fn store(&mut self, field: Numeric<'_>, value: f64) {
        match field {
            Numeric::Builtin(field) => {
                if let Some(column) = field.column() {
                    self.numbers[column] = value;
                }
            }
            Numeric::Criterion(name) => match self.criteria.iter_mut().find(|(id, _)| id == name) {
                Some((_, old)) => *old = value,
                None => self.criteria.push((name.to_owned(), value)),
            },
        }
    }

    /// Sets (or replaces) the range of a field, whose ends the caller has checked.
    pub(crate) fn set_range(&mut self, name: &str, estimate: Estimate) {
        match self.estimates.iter_mut().find(|(f, _)| f == name) {
            Some((_, old)) => *old = estimate,
            None => self.estimates.push((name.to_owned(), estimate)),
        }
    }
}

/// Builds a [`BacklogItem`]; values are checked by [`build`](ItemBuilder::build), which names the
/// item and field of the first bad value.
///
/// Numeric setters take anything that converts to `f64` (`3`, `0.8`, [`Impact::HIGH`],
/// [`Confidence::MEDIUM`]); setting a field twice keeps the last value.
#[derive(Debug, Clone)]
#[must_use = "an item builder does nothing until `build` is called"]
pub struct ItemBuilder {
    id: String,
    title: String,
    inputs: Vec<(String, Input)>,
    depends_on: Vec<String>,
    tags: Vec<String>,
    /// A field given both as a range and as ratings.
    conflict: Option<String>,
    /// Rated fields' values and ranges as the backlog an item came from computed them
    /// ([`BacklogItem::to_builder`]), kept until the field is given again.
    derived: Vec<(String, f64, Option<Estimate>)>,
}

macro_rules! number_setters {
    ($($(#[$doc:meta])* $name:ident => $field:expr;)*) => {
        $(
            $(#[$doc])*
            pub fn $name(self, value: impl Into<f64>) -> Self {
                self.input($field.as_str(), Input::Number(value.into()))
            }
        )*
    };
}

impl ItemBuilder {
    number_setters! {
        /// RICE reach (`>= 0`).
        reach => Field::Reach;
        /// RICE and ICE impact (`>= 0`), e.g. [`Impact::HIGH`].
        impact => Field::Impact;
        /// Confidence in `0..=1`, e.g. [`Confidence::MEDIUM`].
        confidence => Field::Confidence;
        /// Effort and job size (`> 0`).
        effort => Field::Effort;
        /// WSJF user-business value (`>= 0`).
        business_value => Field::BusinessValue;
        /// WSJF time criticality (`>= 0`).
        time_criticality => Field::TimeCriticality;
        /// WSJF risk reduction and/or opportunity enablement (`>= 0`).
        risk_reduction => Field::RiskReduction;
        /// ICE ease (`>= 0`).
        ease => Field::Ease;
        /// CD3 cost of delay per unit of time (`>= 0`).
        cost_of_delay => Field::CostOfDelay;
        /// CD3 duration (`> 0`).
        duration => Field::Duration;
        /// Opportunity scoring's importance (`0..=10`).
        importance => Field::Importance;
        /// Opportunity scoring's satisfaction (`0..=10`).
        satisfaction => Field::Satisfaction;
        /// One alignment in `0..=1` for all objectives (replaces per-objective contributions).
        alignment => Field::Alignment;
    }

    /// Sets any numeric field by name: a built-in one (`"reach"`, [`Field::Effort`]) or a
    /// criterion the backlog declares (`"revenue"`), which the backlog checks against its
    /// declaration.
    pub fn value(self, field: impl FieldName, value: impl Into<f64>) -> Self {
        self.input(field.field_name(), Input::Number(value.into()))
    }

    /// A numeric input as a range `low..=high` whose expected value is the midpoint (replaces a
    /// plain value of the field).
    pub fn range(self, field: impl FieldName, low: impl Into<f64>, high: impl Into<f64>) -> Self {
        let pairs = vec![("low".into(), low.into()), ("high".into(), high.into())];
        self.input(field.field_name(), Input::Pairs(pairs))
    }

    /// A numeric input as a range `low..=high` with its expected value (replaces a plain value
    /// of the field); [`build`](ItemBuilder::build) checks `low <= expected <= high`.
    pub fn estimate(
        self,
        field: impl FieldName,
        low: impl Into<f64>,
        expected: impl Into<f64>,
        high: impl Into<f64>,
    ) -> Self {
        let pairs = vec![
            ("low".into(), low.into()),
            ("expected".into(), expected.into()),
            ("high".into(), high.into()),
        ];
        self.input(field.field_name(), Input::Pairs(pairs))
    }

    /// A numeric input as several raters' ratings, `(rater id, rating)` pairs (replaces a plain
    /// value of the field; a field cannot have both ratings and a range). The field's value is
    /// the aggregate the backlog computes with its raters' weights, and its range runs from the
    /// smallest to the largest rating; [`build`](ItemBuilder::build) checks each rating as a
    /// plain value of the field.
    ///
    /// ```
    /// use prioritize::{BacklogItem, Field};
    ///
    /// let item = BacklogItem::builder("A", "a").ratings(Field::Confidence, [("po", 0.8), ("pm", 80.0)]).build();
    /// assert_eq!(
    ///     item.unwrap_err().to_string(),
    ///     r#"item "A": confidence rating 80 by "pm" is outside 0..=1 (write 0.8 for 80 %)"#
    /// );
    /// ```
    pub fn ratings<R: Into<String>, V: Into<f64>>(
        self,
        field: impl FieldName,
        ratings: impl IntoIterator<Item = (R, V)>,
    ) -> Self {
        let ratings = ratings.into_iter().map(|(rater, value)| (rater.into(), Input::Number(value.into())));
        self.input(field.field_name(), Input::Ratings(ratings.collect()))
    }

    /// The MoSCoW category.
    pub fn moscow(self, category: Category) -> Self {
        self.input(Field::Moscow.as_str(), Input::Text(category.as_str().into()))
    }

    /// A contribution in `0..=1` to one objective (replaces a single overall alignment).
    pub fn contribution(mut self, objective: impl Into<String>, value: f64) -> Self {
        let pair = (objective.into(), value);
        match self.inputs.iter_mut().find(|(field, _)| field == Field::Alignment.as_str()) {
            Some((_, Input::Pairs(pairs))) => pairs.push(pair),
            Some((_, other)) => *other = Input::Pairs(vec![pair]),
            None => self.inputs.push((Field::Alignment.as_str().to_owned(), Input::Pairs(vec![pair]))),
        }
        self
    }

    /// Adds the id of an item that must be done first.
    pub fn depends_on(mut self, id: impl Into<String>) -> Self {
        self.depends_on.push(id.into());
        self
    }

    /// Adds a free label.
    pub fn tag(mut self, tag: impl Into<String>) -> Self {
        self.tags.push(tag.into());
        self
    }

    pub(crate) fn input(mut self, field: &str, input: Input) -> Self {
        let range_and_ratings = |a: &Input, b: &Input| {
            matches!((a, b), (Input::Pairs(_), Input::Ratings(_)) | (Input::Ratings(_), Input::Pairs(_)))
        };
        if self.inputs.iter().any(|(existing, old)| existing == field && range_and_ratings(old, &input)) {
            self.conflict.get_or_insert_with(|| field.to_owned());
        }
        self.inputs.retain(|(existing, _)| existing != field);
        self.derived.retain(|(existing, _, _)| existing != field);
        self.inputs.push((field.to_owned(), input));
        self
    }

    /// Checks every value and builds the item.
    ///
    /// # Errors
    ///
    /// - a [`Value`](crate::ErrorKind::Value) error when the id is empty (after trimming);
    /// - a [`Value`](crate::ErrorKind::Value) error for an id with control characters, or text a field does not
    ///   accept;
    /// - a [`Value`](crate::ErrorKind::Value) error for a NaN, infinite or out-of-range number, e.g. an effort of 0 or
    ///   a confidence of 80 (write 0.8);
    /// - a [`Value`](crate::ErrorKind::Value) error for a rating its field does not allow, naming the rater;
    /// - a [`Value`](crate::ErrorKind::Value) error for ratings by no rater, a rater named twice, or a field given
    ///   both ratings and a range;
    /// - a [`Structure`](crate::ErrorKind::Structure) error when an objective is named twice;
    /// - a [`Structure`](crate::ErrorKind::Structure) error when the item depends on itself.
    pub fn build(self) -> Result<BacklogItem> {
        let id = Checker { item: self.id.trim() }.id(Field::Id, &self.id)?;
        let Some(id) = ItemId::new(id) else {
            return Err(Error::from(ItemDetail::EmptyId { title: self.title }));
        };
        let check = Checker { item: id.as_str() };
        if let Some(field) = self.conflict {
            return Err(Error::from(ItemDetail::InvalidRatings {
                item: id.to_string(),
                field,
                reason: "a field takes ratings or a range, not both".into(),
            }));
        }
        let mut item = BacklogItem {
            title: self.title,
            numbers: [f64::NAN; Field::NUMERIC.len()],
            criteria: Vec::new(),
            moscow: None,
            alignment: None,
            depends_on: Vec::with_capacity(self.depends_on.len()),
            tags: self.tags,
            estimates: Vec::new(),
            ratings: Vec::new(),
            id: id.clone(),
        };
        for (name, input) in self.inputs {
            match Field::from_name(&name) {
                Some(Field::Moscow) => item.moscow = Some(check.moscow(&input)?),
                Some(Field::Alignment) => item.alignment = Some(check.alignment(input)?),
                _ => {
                    let Some(field) = Numeric::named(&name) else {
                        return Err(Error::from(ItemDetail::InvalidValue {
                            item: id.to_string(),
                            field: name.clone(),
                            value: format!("{input:?}"),
                            expected: "a value only for numeric fields, moscow and alignment",
                        }));
                    };
                    if let Input::Ratings(ratings) = &input {
                        let ratings = check.ratings(field, ratings)?;
                        item.ratings.push((name, ratings));
                        continue;
                    }
                    let (value, range) = check.estimated(field, &input)?;
                    item.store(field, value);
                    if let Some(range) = range {
                        item.set_range(&name, range);
                    }
                }
            }
        }
        for (name, value, range) in self.derived {
            if let Some(field) = Numeric::named(&name) {
                item.store(field, value);
            }
            if let Some(range) = range {
                item.set_range(&name, range);
            }
        }
        for dependency in self.depends_on {
            let dependency = check.id(Field::DependsOn, &dependency)?;
            if dependency == id.as_str() {
                return Err(Error::from(ItemDetail::SelfDependency { item: dependency.to_owned() }));
            }
            match ItemId::new(dependency) {
                Some(dependency) => item.depends_on.push(dependency),
                None => {
                    return Err(Error::from(ItemDetail::UnknownDependency {
                        item: id.to_string(),
                        dependency: String::new(),
                    }));
                }
            }
        }
        Ok(item)
    }
}
