//! Range estimates: a low and a high end around the expected (point) value.

use std::fmt;

use crate::confidence::Confidence;
use crate::error::{Error, Result};
use crate::field::{Field, FieldSet};
use crate::impact::Impact;
use crate::input::{Checker, Input};
use crate::item::BacklogItem;
use crate::number::{Effort, NonNegative};

/// An estimate of a numeric input as a range: `low <= expected <= high`.
///
/// Rankings use the expected value (the item's point value, as before); the sensitivity analysis
/// uses the ends. In JSON a range is written `{"low": 2, "high": 5}`, optionally with
/// `"expected"` (otherwise the midpoint); each end is checked like the plain value.
///
/// ```
/// use prioritize::{BacklogItem, Field};
///
/// let item = BacklogItem::builder("CHK-7", "Saved cards")
///     .range(Field::Effort, 2, 5)
///     .estimate(Field::Reach, 800, 1000, 1500)
///     .build()?;
/// let effort = item.estimate(Field::Effort).expect("effort is estimated");
/// assert_eq!((effort.low(), effort.expected(), effort.high()), (2.0, 3.5, 5.0));
/// assert_eq!(item.effort().map(|e| e.get()), Some(3.5));
/// assert_eq!(item.estimate(Field::Reach).map(|r| r.expected()), Some(1000.0));
/// # Ok::<(), prioritize::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Estimate {
    low: f64,
    expected: f64,
    high: f64,
}

impl Estimate {
    /// The fields that may be estimated as a range: every numeric input of the frameworks
    /// (alignment is not one: an object there names objectives).
    pub const FIELDS: FieldSet = FieldSet::EMPTY
        .with(Field::Reach)
        .with(Field::Impact)
        .with(Field::Confidence)
        .with(Field::Effort)
        .with(Field::BusinessValue)
        .with(Field::TimeCriticality)
        .with(Field::RiskReduction);

    /// A point estimate: `low == expected == high`.
    #[must_use]
    pub const fn point(value: f64) -> Estimate {
        Estimate { low: value, expected: value, high: value }
    }

    /// The range, if `low <= expected <= high` (each already checked for its field).
    pub(crate) fn ordered(low: f64, expected: f64, high: f64) -> Option<Estimate> {
        (low <= expected && expected <= high).then_some(Estimate { low, expected, high })
    }

    /// The range checked for order, with an error naming `item` and `field` otherwise.
    pub(crate) fn checked(
        item: &str,
        field: Field,
        low: f64,
        expected: Option<f64>,
        high: f64,
    ) -> Result<Estimate> {
        // `low + (high - low) / 2` cannot overflow for finite ends with `low <= high`.
        let point = expected.unwrap_or(low + (high - low) / 2.0);
        Estimate::ordered(low, point, high).ok_or_else(|| Error::InvalidEstimate {
            item: item.to_owned(),
            field,
            low,
            expected,
            high,
        })
    }

    /// The low end.
    #[must_use]
    pub const fn low(self) -> f64 {
        self.low
    }

    /// The expected value: the point value rankings use.
    #[must_use]
    pub const fn expected(self) -> f64 {
        self.expected
    }

    /// The high end.
    #[must_use]
    pub const fn high(self) -> f64 {
        self.high
    }

    /// Whether the range is a single value (`low == high`).
    #[must_use]
    pub fn is_point(self) -> bool {
        // `low <= high` always holds, so this is `low == high`.
        self.low >= self.high
    }

    /// Both ends, low first.
    #[must_use]
    pub const fn ends(self) -> [f64; 2] {
        [self.low, self.high]
    }
}

impl fmt::Display for Estimate {
    /// `2..=5 (expected 3.5)`, or the plain value for a point estimate.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.is_point() {
            write!(f, "{}", self.expected)
        } else {
            write!(f, "{}..={} (expected {})", self.low, self.high, self.expected)
        }
    }
}

impl BacklogItem {
    /// The estimate of a numeric `field`: its range when one was given, else its value as a
    /// point estimate; `None` when the item has no value for `field` or it is not numeric.
    ///
    /// ```
    /// use prioritize::{BacklogItem, Estimate, Field};
    ///
    /// let item = BacklogItem::builder("A", "a").effort(2).range(Field::Reach, 100, 300).build()?;
    /// assert_eq!(item.estimate(Field::Effort), Some(Estimate::point(2.0)));
    /// assert_eq!(item.estimate(Field::Reach).map(|r| r.ends()), Some([100.0, 300.0]));
    /// assert_eq!(item.estimate(Field::Confidence), None);
    /// # Ok::<(), prioritize::Error>(())
    /// ```
    #[must_use]
    pub fn estimate(&self, field: Field) -> Option<Estimate> {
        self.range(field).or_else(|| self.number(field).map(Estimate::point))
    }

    /// The range of `field`, if it was given as one.
    #[must_use]
    pub fn range(&self, field: Field) -> Option<Estimate> {
        self.estimates.iter().find(|(f, _)| *f == field).map(|&(_, estimate)| estimate)
    }

    /// The fields given as ranges, with their ranges, in the interchange order.
    pub fn ranges(&self) -> impl ExactSizeIterator<Item = (Field, Estimate)> + '_ {
        self.estimates.iter().copied()
    }

    /// `value` checked as the builder checks a plain value of the numeric `field` (normalised:
    /// -0.0 becomes 0.0), with an error naming the item and field.
    pub(crate) fn check_number(&self, field: Field, value: f64) -> Result<f64> {
        let checked = match field {
            Field::Reach | Field::BusinessValue | Field::TimeCriticality | Field::RiskReduction => {
                NonNegative::new(value).map(f64::from)
            }
            Field::Impact => Impact::new(value).map(f64::from),
            Field::Confidence => Confidence::new(value).map(f64::from),
            Field::Effort => Effort::new(value).map(f64::from),
            _ => {
                let value = value.to_string();
                let expected = "a numeric input";
                return Err(Error::InvalidValue { item: self.id.to_string(), field, value, expected });
            }
        };
        checked.map_err(|error| error.at(self.id.as_str(), field))
    }

    /// Sets the point value of a numeric `field`, checked as the builder checks it; any range of
    /// the field is kept (the analyses use this for scenarios within it).
    pub(crate) fn set_number(&mut self, field: Field, value: f64) -> Result<()> {
        let check = Checker { item: self.id.as_str() };
        let input = Input::Number(value);
        match field {
            Field::Reach => self.reach = Some(check.number(field, &input, NonNegative::new)?),
            Field::Impact => self.impact = Some(check.number(field, &input, Impact::new)?),
            Field::Confidence => self.confidence = Some(check.number(field, &input, Confidence::new)?),
            Field::Effort => self.effort = Some(check.number(field, &input, Effort::new)?),
            Field::BusinessValue => {
                self.business_value = Some(check.number(field, &input, NonNegative::new)?);
            }
            Field::TimeCriticality => {
                self.time_criticality = Some(check.number(field, &input, NonNegative::new)?);
            }
            Field::RiskReduction => {
                self.risk_reduction = Some(check.number(field, &input, NonNegative::new)?);
            }
            _ => {
                let value = value.to_string();
                let expected = "a numeric input";
                return Err(Error::InvalidValue { item: self.id.to_string(), field, value, expected });
            }
        }
        Ok(())
    }

    /// Sets (or replaces) the range of `field`, whose ends the caller has checked.
    pub(crate) fn set_range(&mut self, field: Field, estimate: Estimate) {
        self.estimates.retain(|(f, _)| *f != field);
        self.estimates.push((field, estimate));
        self.estimates.sort_by_key(|&(f, _)| f);
    }
}

/// How the ends of an out-of-order range read in an error message.
pub(crate) struct RangeDisplay {
    pub(crate) low: f64,
    pub(crate) expected: Option<f64>,
    pub(crate) high: f64,
}

impl fmt::Display for RangeDisplay {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.expected {
            Some(expected) => write!(f, "{{low: {}, expected: {expected}, high: {}}}", self.low, self.high),
            None => write!(f, "{{low: {}, high: {}}}", self.low, self.high),
        }
    }
}
