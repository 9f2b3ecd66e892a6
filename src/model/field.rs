//! The names of an item's fields, as the interchange format spells them.

use std::fmt;

/// A built-in field of a backlog item, named as in the interchange format.
///
/// A backlog may also declare criteria of its own ([`Criterion`](crate::Criterion)); those are
/// named by their ids. Errors name the field they concern, and an unscored item lists the fields
/// it lacks.
///
/// ```
/// use prioritize::Field;
///
/// assert_eq!(Field::BusinessValue.as_str(), "business_value");
/// assert_eq!(Field::Effort.to_string(), "effort");
/// assert_eq!(Field::from_name("cost_of_delay"), Some(Field::CostOfDelay));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum Field {
    /// `id`: the item's unique identifier.
    Id,
    /// `title`: a human-readable name (optional).
    Title,
    /// `reach`: people or events per period (RICE).
    Reach,
    /// `impact`: effect on each person reached (RICE, ICE).
    Impact,
    /// `confidence`: how sure the estimates are, 0..=1 (RICE, ICE).
    Confidence,
    /// `effort`: RICE effort and WSJF job size.
    Effort,
    /// `business_value`: user-business value (WSJF).
    BusinessValue,
    /// `time_criticality`: how value decays with delay (WSJF).
    TimeCriticality,
    /// `risk_reduction`: risk reduction and/or opportunity enablement (WSJF).
    RiskReduction,
    /// `ease`: how easy the item is to do (ICE).
    Ease,
    /// `cost_of_delay`: money lost per unit of time while the item waits (CD3).
    CostOfDelay,
    /// `duration`: how long the item takes, in the unit of `cost_of_delay`'s time (CD3).
    Duration,
    /// `importance`: how important the outcome is to customers, 0..=10 (opportunity scoring).
    Importance,
    /// `satisfaction`: how well the outcome is served today, 0..=10 (opportunity scoring).
    Satisfaction,
    /// `moscow`: the MoSCoW category.
    Moscow,
    /// `alignment`: how strongly the item serves the strategic objectives.
    Alignment,
    /// `depends_on`: ids of items that must be done first.
    DependsOn,
    /// `tags`: free labels.
    Tags,
}

/// Whether more of a field is better or worse.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Direction {
    /// More is better (value, reach, confidence).
    #[default]
    Benefit,
    /// Less is better (effort, duration, risk).
    Cost,
}

impl Field {
    /// Every field, in the order of the interchange format.
    pub const ALL: [Field; 18] = [
        Field::Id,
        Field::Title,
        Field::Reach,
        Field::Impact,
        Field::Confidence,
        Field::Effort,
        Field::BusinessValue,
        Field::TimeCriticality,
        Field::RiskReduction,
        Field::Ease,
        Field::CostOfDelay,
        Field::Duration,
        Field::Importance,
        Field::Satisfaction,
        Field::Moscow,
        Field::Alignment,
        Field::DependsOn,
        Field::Tags,
    ];

    /// The fields that hold one plain number, in the interchange order.
    pub const NUMERIC: [Field; 12] = [
        Field::Reach,
        Field::Impact,
        Field::Confidence,
        Field::Effort,
        Field::BusinessValue,
        Field::TimeCriticality,
        Field::RiskReduction,
        Field::Ease,
        Field::CostOfDelay,
        Field::Duration,
        Field::Importance,
        Field::Satisfaction,
    ];

    /// The field's name in the interchange format (snake_case).
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Field::Id => "id",
            Field::Title => "title",
            Field::Reach => "reach",
            Field::Impact => "impact",
            Field::Confidence => "confidence",
            Field::Effort => "effort",
            Field::BusinessValue => "business_value",
            Field::TimeCriticality => "time_criticality",
            Field::RiskReduction => "risk_reduction",
            Field::Ease => "ease",
            Field::CostOfDelay => "cost_of_delay",
            Field::Duration => "duration",
            Field::Importance => "importance",
            Field::Satisfaction => "satisfaction",
            Field::Moscow => "moscow",
            Field::Alignment => "alignment",
            Field::DependsOn => "depends_on",
            Field::Tags => "tags",
        }
    }

    /// The field with this interchange name, if there is one.
    ///
    /// ```
    /// use prioritize::Field;
    ///
    /// assert_eq!(Field::from_name("time_criticality"), Some(Field::TimeCriticality));
    /// assert_eq!(Field::from_name("confidance"), None);
    /// ```
    #[must_use]
    pub fn from_name(name: &str) -> Option<Field> {
        Field::ALL.into_iter().find(|field| field.as_str() == name)
    }

    /// Whether the field holds one plain number (one of [`Field::NUMERIC`]).
    #[must_use]
    pub const fn is_numeric(self) -> bool {
        self.column().is_some()
    }

    /// Whether more of the field is better: `effort` and `duration` are costs, the other numeric
    /// fields benefits.
    #[must_use]
    pub const fn direction(self) -> Direction {
        match self {
            Field::Effort | Field::Duration => Direction::Cost,
            _ => Direction::Benefit,
        }
    }

    /// The inclusive bounds of a numeric field's values, where it has both (`confidence` 0..=1,
    /// `importance` and `satisfaction` 0..=10).
    #[must_use]
    pub const fn bounds(self) -> Option<(f64, f64)> {
        match self {
            Field::Confidence => Some((0.0, 1.0)),
            Field::Importance | Field::Satisfaction => Some((0.0, 10.0)),
            _ => None,
        }
    }

    /// The position of a numeric field among [`Field::NUMERIC`].
    pub(crate) const fn column(self) -> Option<usize> {
        match self as usize {
            index @ 2..=13 => Some(index - 2),
            _ => None,
        }
    }

    const fn bit(self) -> u32 {
        1 << self as u32
    }
}

impl fmt::Display for Field {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

/// A small set of fields: built-in [`Field`]s and a backlog's declared criteria (by their
/// position among the backlog's criteria, up to [`FieldSet::MAX_CRITERIA`]).
///
/// An unscored item reports the fields it lacks as a `FieldSet`; the backlog names its criteria
/// ([`Backlog::field_names`](crate::Backlog::field_names)).
///
/// ```
/// use prioritize::{Field, FieldSet};
///
/// let missing = FieldSet::EMPTY.with(Field::Effort).with(Field::Reach);
/// assert_eq!(missing.iter().collect::<Vec<_>>(), [Field::Reach, Field::Effort]);
/// assert_eq!(missing.to_string(), "reach, effort");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct FieldSet {
    fields: u32,
    criteria: u64,
}

impl FieldSet {
    /// The set with no field.
    pub const EMPTY: FieldSet = FieldSet { fields: 0, criteria: 0 };

    /// The backlog's votes: what an item in none lacks for the
    /// [`Pairwise`](crate::Pairwise) engine. Not a field of an item: it names no built-in
    /// field ([`FieldSet::iter`] skips it), and is named `votes`.
    pub const VOTES: FieldSet = FieldSet { fields: VOTES_BIT, criteria: 0 };

    /// How many declared criteria a set (and so a backlog) can hold.
    pub const MAX_CRITERIA: usize = 64;

    /// This set with `field` added.
    #[must_use]
    pub const fn with(self, field: Field) -> FieldSet {
        FieldSet { fields: self.fields | field.bit(), criteria: self.criteria }
    }

    /// This set with the backlog's criterion at `index` (in declaration order) added.
    ///
    /// # Panics
    ///
    /// When `index >= FieldSet::MAX_CRITERIA`; a backlog never has that many.
    #[must_use]
    pub const fn with_criterion(self, index: usize) -> FieldSet {
        assert!(index < FieldSet::MAX_CRITERIA, "criterion index out of range");
        FieldSet { fields: self.fields, criteria: self.criteria | 1 << index }
    }

    /// Adds `field` to the set.
    pub fn insert(&mut self, field: Field) {
        *self = self.with(field);
    }

    /// The union of both sets.
    #[must_use]
    pub const fn union(self, other: FieldSet) -> FieldSet {
        FieldSet { fields: self.fields | other.fields, criteria: self.criteria | other.criteria }
    }

    /// Whether `field` is in the set.
    #[must_use]
    pub const fn contains(self, field: Field) -> bool {
        self.fields & field.bit() != 0
    }

    /// Whether the criterion at `index` is in the set.
    #[must_use]
    pub const fn contains_criterion(self, index: usize) -> bool {
        index < FieldSet::MAX_CRITERIA && self.criteria & 1 << index != 0
    }

    /// Whether the set has no field.
    #[must_use]
    pub const fn is_empty(self) -> bool {
        self.fields == 0 && self.criteria == 0
    }

    /// The number of fields in the set, criteria included.
    #[must_use]
    pub const fn len(self) -> usize {
        (self.fields.count_ones() + self.criteria.count_ones()) as usize
    }

    /// The built-in fields, in the interchange order.
    pub fn iter(self) -> impl Iterator<Item = Field> {
        Field::ALL.into_iter().filter(move |field| self.contains(*field))
    }

    /// Whether the set holds [`FieldSet::VOTES`].
    #[must_use]
    pub const fn contains_votes(self) -> bool {
        self.fields & VOTES_BIT != 0
    }

    /// The positions of the criteria in the set, ascending.
    pub fn criteria(self) -> impl Iterator<Item = usize> {
        (0..FieldSet::MAX_CRITERIA).filter(move |&index| self.contains_criterion(index))
    }
}

impl FromIterator<Field> for FieldSet {
    fn from_iter<I: IntoIterator<Item = Field>>(iter: I) -> Self {
        iter.into_iter().fold(FieldSet::EMPTY, FieldSet::with)
    }
}

/// The bit of [`FieldSet::VOTES`], past every field's.
const VOTES_BIT: u32 = 1 << 31;

/// The built-in fields' names, then `criterion #i` for each criterion (a backlog's
/// [`field_names`](crate::Backlog::field_names) names those), then `votes`.
impl fmt::Display for FieldSet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let names = self.iter().map(|field| field.as_str().to_owned());
        let criteria = self.criteria().map(|index| format!("criterion #{index}"));
        let votes = self.contains_votes().then(|| "votes".to_owned());
        f.write_str(&names.chain(criteria).chain(votes).collect::<Vec<_>>().join(", "))
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for Field {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

/// Anything that names a field: a built-in [`Field`], or a name (`"reach"`, or a declared
/// criterion's id such as `"revenue"`).
///
/// Setters and getters take it, so built-in fields and a team's criteria read alike:
///
/// ```
/// use prioritize::{BacklogItem, Field};
///
/// let item = BacklogItem::builder("A", "a").value("revenue", 7).value(Field::Effort, 2).build()?;
/// assert_eq!(item.value("revenue"), Some(7.0));
/// assert_eq!(item.value("effort"), item.value(Field::Effort));
/// # Ok::<(), prioritize::Error>(())
/// ```
pub trait FieldName: Copy {
    /// The field's name in the interchange format.
    fn field_name(&self) -> &str;
}

impl FieldName for Field {
    fn field_name(&self) -> &str {
        self.as_str()
    }
}

impl FieldName for &str {
    fn field_name(&self) -> &str {
        self
    }
}
