//! The names of an item's fields, as the interchange format spells them.

use std::fmt;

/// A field of a [`BacklogItem`](crate::BacklogItem), named as in the interchange format.
///
/// Errors name the field they concern, and an unscored item lists the fields it lacks.
///
/// ```
/// use prioritize::Field;
///
/// assert_eq!(Field::BusinessValue.as_str(), "business_value");
/// assert_eq!(Field::Effort.to_string(), "effort");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum Field {
    /// `id`: the item's unique identifier.
    Id,
    /// `title`: a human-readable name.
    Title,
    /// `reach`: people or events per period (RICE).
    Reach,
    /// `impact`: effect on each person reached (RICE).
    Impact,
    /// `confidence`: how sure the estimates are, 0..=1 (RICE).
    Confidence,
    /// `effort`: RICE effort and WSJF job size.
    Effort,
    /// `business_value`: user-business value (WSJF).
    BusinessValue,
    /// `time_criticality`: how value decays with delay (WSJF).
    TimeCriticality,
    /// `risk_reduction`: risk reduction and/or opportunity enablement (WSJF).
    RiskReduction,
    /// `moscow`: the MoSCoW category.
    Moscow,
    /// `alignment`: how strongly the item serves the strategic objectives.
    Alignment,
    /// `depends_on`: ids of items that must be done first.
    DependsOn,
    /// `tags`: free labels.
    Tags,
}

impl Field {
    /// Every field, in the order of the interchange format.
    pub const ALL: [Field; 13] = [
        Field::Id,
        Field::Title,
        Field::Reach,
        Field::Impact,
        Field::Confidence,
        Field::Effort,
        Field::BusinessValue,
        Field::TimeCriticality,
        Field::RiskReduction,
        Field::Moscow,
        Field::Alignment,
        Field::DependsOn,
        Field::Tags,
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

    const fn bit(self) -> u16 {
        1 << self as u16
    }
}

impl fmt::Display for Field {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

/// A small set of [`Field`]s, iterated in the interchange order.
///
/// An unscored item reports the fields it lacks as a `FieldSet`.
///
/// ```
/// use prioritize::{Field, FieldSet};
///
/// let missing = FieldSet::EMPTY.with(Field::Effort).with(Field::Reach);
/// assert_eq!(missing.iter().collect::<Vec<_>>(), [Field::Reach, Field::Effort]);
/// assert_eq!(missing.to_string(), "reach, effort");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct FieldSet(u16);

impl FieldSet {
    /// The set with no field.
    pub const EMPTY: FieldSet = FieldSet(0);

    /// This set with `field` added.
    #[must_use]
    pub const fn with(self, field: Field) -> FieldSet {
        FieldSet(self.0 | field.bit())
    }

    /// Adds `field` to the set.
    pub fn insert(&mut self, field: Field) {
        self.0 |= field.bit();
    }

    /// The union of both sets.
    #[must_use]
    pub const fn union(self, other: FieldSet) -> FieldSet {
        FieldSet(self.0 | other.0)
    }

    /// Whether `field` is in the set.
    #[must_use]
    pub const fn contains(self, field: Field) -> bool {
        self.0 & field.bit() != 0
    }

    /// Whether the set has no field.
    #[must_use]
    pub const fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// The number of fields in the set.
    #[must_use]
    pub const fn len(self) -> usize {
        self.0.count_ones() as usize
    }

    /// The fields, in the interchange order.
    pub fn iter(self) -> impl Iterator<Item = Field> {
        Field::ALL.into_iter().filter(move |field| self.contains(*field))
    }
}

impl FromIterator<Field> for FieldSet {
    fn from_iter<I: IntoIterator<Item = Field>>(iter: I) -> Self {
        iter.into_iter().fold(FieldSet::EMPTY, FieldSet::with)
    }
}

impl fmt::Display for FieldSet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, field) in self.iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            f.write_str(field.as_str())?;
        }
        Ok(())
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for Field {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for FieldSet {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.iter())
    }
}
