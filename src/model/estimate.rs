//! Range estimates: a low and a high end around the expected (point) value.

use std::fmt;

use crate::error::{Error, ItemDetail, Result};

/// An estimate of a numeric input as a range: `low <= expected <= high`.
///
/// Rankings use the expected value (the item's point value, as before); the sensitivity analysis
/// uses the ends. Any numeric field, built-in or declared, may be a range. In JSON a range is written `{"low": 2, "high": 5}`, optionally with
/// `"expected"` (otherwise the midpoint); each end is checked like the plain value. A rated field
/// ([`Ratings`](crate::model::Ratings)) has the range from its smallest to its largest rating,
/// with the ratings' aggregate as the expected value.
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
        field: &str,
        low: f64,
        expected: Option<f64>,
        high: f64,
    ) -> Result<Estimate> {
        // `low + (high - low) / 2` cannot overflow for finite ends with `low <= high`.
        let point = expected.unwrap_or(low + (high - low) / 2.0);
        Estimate::ordered(low, point, high).ok_or_else(|| {
            Error::from(ItemDetail::InvalidEstimate {
                item: item.to_owned(),
                field: field.to_owned(),
                low,
                expected,
                high,
            })
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
