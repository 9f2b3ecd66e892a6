//! A team's own numeric fields, declared in the backlog.

use crate::error::{Error, Result, SectionDetail};
use crate::model::field::{Direction, Field};

/// A criterion a team declares for its backlog: a numeric field of its own, such as `revenue`
/// or `strategic_fit`, that items carry like a built-in field.
///
/// The id matches `[a-z][a-z0-9_]*` and is not a built-in field's name; `min` and `max`
/// (optional, inclusive) bound the values; the direction says whether more is better.
///
/// ```
/// use prioritize::{Criterion};
/// use prioritize::model::Direction;
///
/// let revenue = Criterion::new("revenue")?.bounds(Some(0.0), Some(10.0))?;
/// assert_eq!((revenue.id(), revenue.min(), revenue.max()), ("revenue", Some(0.0), Some(10.0)));
/// assert_eq!(revenue.direction(), Direction::Benefit);
/// assert!(Criterion::new("Revenue").is_err());
/// assert!(Criterion::new("effort").is_err());
/// # Ok::<(), prioritize::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "RawCriterion", into = "RawCriterion"))]
pub struct Criterion {
    id: String,
    min: Option<f64>,
    max: Option<f64>,
    direction: Direction,
    description: String,
}

impl Criterion {
    /// A criterion without bounds, a benefit, without description.
    ///
    /// # Errors
    ///
    /// a [`Value`](crate::ErrorKind::Value) error when `id` does not match `[a-z][a-z0-9_]*` or is a built-in
    /// field's name.
    pub fn new(id: impl Into<String>) -> Result<Criterion> {
        let id = id.into();
        let valid = id.bytes().next().is_some_and(|b| b.is_ascii_lowercase())
            && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
        if !valid {
            return Err(invalid(&id, "id", format!("{id:?}"), "an id matching [a-z][a-z0-9_]*".into()));
        }
        if Field::from_name(&id).is_some() {
            return Err(invalid(&id, "id", format!("{id:?}"), "a name that is not a built-in field".into()));
        }
        Ok(Criterion { id, min: None, max: None, direction: Direction::Benefit, description: String::new() })
    }

    /// The criterion with inclusive bounds (each finite, `min <= max`).
    ///
    /// # Errors
    ///
    /// a [`Value`](crate::ErrorKind::Value) error for a bound that is not finite, or `min > max`.
    pub fn bounds(mut self, min: Option<f64>, max: Option<f64>) -> Result<Criterion> {
        for (name, bound) in [("min", min), ("max", max)] {
            if let Some(bound) = bound.filter(|bound| !bound.is_finite()) {
                return Err(invalid(&self.id, name, bound.to_string(), "a finite number".into()));
            }
        }
        if let (Some(low), Some(high)) = (min, max)
            && low > high
        {
            return Err(invalid(&self.id, "max", high.to_string(), format!("a number >= min {low}")));
        }
        self.min = min.map(|x| x + 0.0);
        self.max = max.map(|x| x + 0.0);
        Ok(self)
    }

    /// The criterion with this direction.
    #[must_use]
    pub fn direction_of(mut self, direction: Direction) -> Criterion {
        self.direction = direction;
        self
    }

    /// The criterion with this description.
    #[must_use]
    pub fn description_of(mut self, description: impl Into<String>) -> Criterion {
        self.description = description.into();
        self
    }

    /// The id items use as the field's name.
    #[must_use]
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The smallest value allowed, if bounded below.
    #[must_use]
    pub fn min(&self) -> Option<f64> {
        self.min
    }

    /// The largest value allowed, if bounded above.
    #[must_use]
    pub fn max(&self) -> Option<f64> {
        self.max
    }

    /// Whether more is better.
    #[must_use]
    pub fn direction(&self) -> Direction {
        self.direction
    }

    /// What the criterion measures, for people.
    #[must_use]
    pub fn description(&self) -> &str {
        &self.description
    }

    /// Whether `value` is allowed: finite and within the bounds.
    #[must_use]
    pub fn allows(&self, value: f64) -> bool {
        value.is_finite()
            && self.min.is_none_or(|min| value >= min)
            && self.max.is_none_or(|max| value <= max)
    }

    /// What the criterion allows, as error messages say it.
    #[must_use]
    pub fn allowed(&self) -> String {
        match (self.min, self.max) {
            (Some(min), Some(max)) => format!("{min}..={max}"),
            (Some(min), None) => format!("the finite numbers >= {min}"),
            (None, Some(max)) => format!("the finite numbers <= {max}"),
            (None, None) => "the finite numbers".into(),
        }
    }
}

fn invalid(criterion: &str, field: &'static str, value: String, allowed: String) -> Error {
    Error::from(SectionDetail::InvalidCriterion { criterion: criterion.to_owned(), field, value, allowed })
}

/// A criterion as written: `{"id", "min", "max", "direction", "description"}`.
#[cfg(feature = "serde")]
#[derive(serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCriterion {
    id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    min: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    max: Option<f64>,
    #[serde(default)]
    direction: Direction,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    description: String,
}

#[cfg(feature = "serde")]
impl TryFrom<RawCriterion> for Criterion {
    type Error = Error;

    fn try_from(raw: RawCriterion) -> Result<Criterion> {
        Ok(Criterion::new(raw.id)?
            .bounds(raw.min, raw.max)?
            .direction_of(raw.direction)
            .description_of(raw.description))
    }
}

#[cfg(feature = "serde")]
impl From<Criterion> for RawCriterion {
    fn from(criterion: Criterion) -> RawCriterion {
        RawCriterion {
            id: criterion.id,
            min: criterion.min,
            max: criterion.max,
            direction: criterion.direction,
            description: criterion.description,
        }
    }
}

/// The names a formula or scorecard may use: the numeric built-in fields, `alignment` when
/// `alignment` is true, then `criteria`.
pub(crate) fn numeric_names(criteria: &[Criterion], alignment: bool) -> Vec<String> {
    let builtin = Field::NUMERIC.iter().map(|field| field.as_str());
    let alignment = alignment.then_some(Field::Alignment.as_str());
    let criteria = criteria.iter().map(Criterion::id);
    builtin.chain(alignment).chain(criteria).map(str::to_owned).collect()
}
