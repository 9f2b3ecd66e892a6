//! Backlog items and their builder.

use crate::alignment::Alignment;
use crate::category::Category;
use crate::confidence::Confidence;
use crate::error::{Error, Result};
use crate::estimate::Estimate;
use crate::field::Field;
use crate::id::ItemId;
use crate::impact::Impact;
use crate::input::{Checker, Input};
use crate::number::{Effort, NonNegative};

/// One candidate piece of work, with the inputs the frameworks need.
///
/// Every input is optional on the item and required only by the engine that uses it: an item
/// without `effort` is simply unscored under RICE and WSJF. A `BacklogItem` that exists is valid;
/// build one with [`BacklogItem::builder`] or deserialize it.
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
///     .depends_on("AUTH-2")
///     .build()?;
/// assert_eq!(item.id().as_str(), "CHK-1");
/// assert_eq!(item.effort().map(|e| e.get()), Some(3.0));
/// assert_eq!(item.business_value(), None);
/// # Ok::<(), prioritize::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct BacklogItem {
    pub(crate) id: ItemId,
    pub(crate) title: String,
    pub(crate) reach: Option<NonNegative>,
    pub(crate) impact: Option<Impact>,
    pub(crate) confidence: Option<Confidence>,
    pub(crate) effort: Option<Effort>,
    pub(crate) business_value: Option<NonNegative>,
    pub(crate) time_criticality: Option<NonNegative>,
    pub(crate) risk_reduction: Option<NonNegative>,
    pub(crate) moscow: Option<Category>,
    pub(crate) alignment: Option<Alignment>,
    pub(crate) depends_on: Vec<ItemId>,
    pub(crate) tags: Vec<String>,
    /// The fields given as ranges, in field order; the point values above are their expected values.
    pub(crate) estimates: Vec<(Field, Estimate)>,
}

impl BacklogItem {
    /// Starts an item with its id and title; [`ItemBuilder::build`] checks every value.
    pub fn builder(id: impl Into<String>, title: impl Into<String>) -> ItemBuilder {
        ItemBuilder {
            id: id.into(),
            title: title.into(),
            inputs: Vec::new(),
            depends_on: Vec::new(),
            tags: Vec::new(),
        }
    }

    /// The item's unique id.
    #[must_use]
    pub fn id(&self) -> &ItemId {
        &self.id
    }

    /// The item's title.
    #[must_use]
    pub fn title(&self) -> &str {
        &self.title
    }

    /// RICE reach: people or events per period.
    #[must_use]
    pub fn reach(&self) -> Option<NonNegative> {
        self.reach
    }

    /// RICE impact.
    #[must_use]
    pub fn impact(&self) -> Option<Impact> {
        self.impact
    }

    /// RICE confidence.
    #[must_use]
    pub fn confidence(&self) -> Option<Confidence> {
        self.confidence
    }

    /// RICE effort and WSJF job size.
    #[must_use]
    pub fn effort(&self) -> Option<Effort> {
        self.effort
    }

    /// WSJF user-business value.
    #[must_use]
    pub fn business_value(&self) -> Option<NonNegative> {
        self.business_value
    }

    /// WSJF time criticality.
    #[must_use]
    pub fn time_criticality(&self) -> Option<NonNegative> {
        self.time_criticality
    }

    /// WSJF risk reduction and/or opportunity enablement.
    #[must_use]
    pub fn risk_reduction(&self) -> Option<NonNegative> {
        self.risk_reduction
    }

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
            Field::Reach => self.reach.is_some(),
            Field::Impact => self.impact.is_some(),
            Field::Confidence => self.confidence.is_some(),
            Field::Effort => self.effort.is_some(),
            Field::BusinessValue => self.business_value.is_some(),
            Field::TimeCriticality => self.time_criticality.is_some(),
            Field::RiskReduction => self.risk_reduction.is_some(),
            Field::Moscow => self.moscow.is_some(),
            Field::Alignment => self.alignment.is_some(),
            Field::DependsOn => !self.depends_on.is_empty(),
            Field::Tags => !self.tags.is_empty(),
        }
    }

    /// The numeric value of `field`, for the fields that hold a plain number.
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
        match field {
            Field::Reach => self.reach.map(NonNegative::get),
            Field::Impact => self.impact.map(Impact::get),
            Field::Confidence => self.confidence.map(Confidence::get),
            Field::Effort => self.effort.map(Effort::get),
            Field::BusinessValue => self.business_value.map(NonNegative::get),
            Field::TimeCriticality => self.time_criticality.map(NonNegative::get),
            Field::RiskReduction => self.risk_reduction.map(NonNegative::get),
            _ => None,
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
    inputs: Vec<(Field, Input)>,
    depends_on: Vec<String>,
    tags: Vec<String>,
}

macro_rules! number_setters {
    ($($(#[$doc:meta])* $name:ident => $field:expr;)*) => {
        $(
            $(#[$doc])*
            pub fn $name(self, value: impl Into<f64>) -> Self {
                self.input($field, Input::Number(value.into()))
            }
        )*
    };
}

impl ItemBuilder {
    number_setters! {
        /// RICE reach (`>= 0`).
        reach => Field::Reach;
        /// RICE impact (`>= 0`), e.g. [`Impact::HIGH`].
        impact => Field::Impact;
        /// RICE confidence in `0..=1`, e.g. [`Confidence::MEDIUM`].
        confidence => Field::Confidence;
        /// Effort and job size (`> 0`).
        effort => Field::Effort;
        /// WSJF user-business value (`>= 0`).
        business_value => Field::BusinessValue;
        /// WSJF time criticality (`>= 0`).
        time_criticality => Field::TimeCriticality;
        /// WSJF risk reduction and/or opportunity enablement (`>= 0`).
        risk_reduction => Field::RiskReduction;
        /// One alignment in `0..=1` for all objectives (replaces per-objective contributions).
        alignment => Field::Alignment;
    }

    /// A numeric input as a range `low..=high` whose expected value is the midpoint (replaces a
    /// plain value of the field). Ranges apply to the fields of [`Estimate::FIELDS`].
    pub fn range(self, field: Field, low: impl Into<f64>, high: impl Into<f64>) -> Self {
        self.input(field, Input::Pairs(vec![("low".into(), low.into()), ("high".into(), high.into())]))
    }

    /// A numeric input as a range `low..=high` with its expected value (replaces a plain value
    /// of the field); [`build`](ItemBuilder::build) checks `low <= expected <= high`.
    pub fn estimate(
        self,
        field: Field,
        low: impl Into<f64>,
        expected: impl Into<f64>,
        high: impl Into<f64>,
    ) -> Self {
        let pairs = vec![
            ("low".into(), low.into()),
            ("expected".into(), expected.into()),
            ("high".into(), high.into()),
        ];
        self.input(field, Input::Pairs(pairs))
    }

    /// The MoSCoW category.
    pub fn moscow(self, category: Category) -> Self {
        self.input(Field::Moscow, Input::Text(category.as_str().to_owned()))
    }

    /// A contribution in `0..=1` to one objective (replaces a single overall alignment).
    pub fn contribution(mut self, objective: impl Into<String>, value: f64) -> Self {
        let pair = (objective.into(), value);
        match self.inputs.iter_mut().find(|(field, _)| *field == Field::Alignment) {
            Some((_, Input::Pairs(pairs))) => pairs.push(pair),
            Some((_, other)) => *other = Input::Pairs(vec![pair]),
            None => self.inputs.push((Field::Alignment, Input::Pairs(vec![pair]))),
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

    /// Adds inputs (each field at most once), dependencies and tags as read from a file.
    #[cfg(feature = "serde")]
    pub(crate) fn parts(
        mut self,
        inputs: Vec<(Field, Input)>,
        depends_on: Vec<String>,
        tags: Vec<String>,
    ) -> Self {
        if self.inputs.is_empty() {
            self.inputs = inputs;
        } else {
            for (field, input) in inputs {
                self = self.input(field, input);
            }
        }
        self.depends_on.extend(depends_on);
        self.tags.extend(tags);
        self
    }

    pub(crate) fn input(mut self, field: Field, input: Input) -> Self {
        self.inputs.retain(|(existing, _)| *existing != field);
        self.inputs.push((field, input));
        self
    }

    /// Checks every value and builds the item.
    ///
    /// # Errors
    ///
    /// - [`Error::EmptyId`] when the id is empty;
    /// - [`Error::OutOfRange`] for a NaN, infinite or out-of-range number, e.g. an effort of 0 or
    ///   a confidence of 80 (write 0.8);
    /// - [`Error::InvalidValue`] for text a field does not accept;
    /// - [`Error::DuplicateContribution`] when an objective is named twice;
    /// - [`Error::SelfDependency`] when the item depends on itself.
    pub fn build(self) -> Result<BacklogItem> {
        let Some(id) = ItemId::new(self.id) else {
            return Err(Error::EmptyId { title: self.title });
        };
        let check = Checker { item: id.as_str() };
        let mut item = BacklogItem {
            title: self.title,
            reach: None,
            impact: None,
            confidence: None,
            effort: None,
            business_value: None,
            time_criticality: None,
            risk_reduction: None,
            moscow: None,
            alignment: None,
            depends_on: Vec::with_capacity(self.depends_on.len()),
            tags: self.tags,
            estimates: Vec::new(),
            id: id.clone(),
        };
        for (field, input) in self.inputs {
            let range = match field {
                Field::Reach => {
                    let plain = |input: &Input| check.number(field, input, NonNegative::new);
                    let (value, range) = check.estimated(field, &input, plain, NonNegative::new)?;
                    item.reach = Some(value);
                    range
                }
                Field::Impact => {
                    let (value, range) = check.estimated(field, &input, |i| check.impact(i), Impact::new)?;
                    item.impact = Some(value);
                    range
                }
                Field::Confidence => {
                    let plain = |input: &Input| check.confidence(input);
                    let (value, range) = check.estimated(field, &input, plain, Confidence::new)?;
                    item.confidence = Some(value);
                    range
                }
                Field::Effort => {
                    let plain = |input: &Input| check.number(field, input, Effort::new);
                    let (value, range) = check.estimated(field, &input, plain, Effort::new)?;
                    item.effort = Some(value);
                    range
                }
                Field::BusinessValue | Field::TimeCriticality | Field::RiskReduction => {
                    let plain = |input: &Input| check.number(field, input, NonNegative::new);
                    let (value, range) = check.estimated(field, &input, plain, NonNegative::new)?;
                    match field {
                        Field::BusinessValue => item.business_value = Some(value),
                        Field::TimeCriticality => item.time_criticality = Some(value),
                        _ => item.risk_reduction = Some(value),
                    }
                    range
                }
                Field::Moscow => {
                    item.moscow = Some(check.moscow(&input)?);
                    None
                }
                Field::Alignment => {
                    item.alignment = Some(check.alignment(input)?);
                    None
                }
                Field::Id | Field::Title | Field::DependsOn | Field::Tags => None,
            };
            if let Some(range) = range {
                item.set_range(field, range);
            }
        }
        for dependency in self.depends_on {
            if dependency == id.as_str() {
                return Err(Error::SelfDependency { item: dependency });
            }
            match ItemId::new(dependency) {
                Some(dependency) => item.depends_on.push(dependency),
                None => {
                    return Err(Error::UnknownDependency { item: id.to_string(), dependency: String::new() });
                }
            }
        }
        Ok(item)
    }
}
