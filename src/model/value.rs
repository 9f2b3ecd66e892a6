//! A value for one field of an item, as an edit gives it.

use crate::model::alignment::Alignment;
use crate::model::category::Category;
use crate::model::confidence::Confidence;
use crate::model::impact::Impact;
use crate::model::input::Input;

/// A value for [`Backlog::set`](crate::Backlog::set): what the interchange format lets a field
/// hold, checked by the same rules as a backlog file's values.
///
/// Numbers, texts and the crate's values convert into it (`3`, `0.8`, `"high"`, `"80%"`,
/// `"must"`, [`Category::Must`], [`Impact::HIGH`], an [`Alignment`]); ranges and ratings have
/// constructors; [`FieldValue::Absent`] clears a field.
///
/// ```
/// use prioritize::{Backlog, BacklogItem, FieldValue};
///
/// let mut backlog = Backlog::from_items([BacklogItem::builder("A", "a").build()?])?;
/// backlog.set("A", "effort", FieldValue::estimate(2, 3, 8))?;
/// backlog.set("A", "impact", FieldValue::ratings([("po", 3.0), ("pm", 1.0)]))?;
/// backlog.set("A", "moscow", "should")?;
/// let item = backlog.item(0);
/// assert_eq!(item.value("effort"), Some(3.0));
/// assert_eq!(item.value("impact"), Some(2.0)); // the raters' mean
/// assert_eq!(item.moscow().map(|c| c.as_str()), Some("should"));
/// # Ok::<(), prioritize::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum FieldValue {
    /// A number.
    Number(f64),
    /// A text: a label (`high`, `80%`, `must`), a number written out, or a title.
    Text(String),
    /// A range `low..=high`, with its expected value (else the midpoint).
    Range {
        /// The low end.
        low: f64,
        /// The expected value, if given.
        expected: Option<f64>,
        /// The high end.
        high: f64,
    },
    /// Several raters' ratings: (rater id, rating).
    Ratings(Vec<(String, f64)>),
    /// An alignment: one number, or contributions per objective.
    Alignment(Alignment),
    /// No value: clears the field.
    Absent,
}

impl FieldValue {
    /// A range `low..=high` whose expected value is the midpoint.
    pub fn range(low: impl Into<f64>, high: impl Into<f64>) -> FieldValue {
        FieldValue::Range { low: low.into(), expected: None, high: high.into() }
    }

    /// A range `low..=high` with its expected value.
    pub fn estimate(low: impl Into<f64>, expected: impl Into<f64>, high: impl Into<f64>) -> FieldValue {
        FieldValue::Range { low: low.into(), expected: Some(expected.into()), high: high.into() }
    }

    /// Ratings by several raters, `(rater id, rating)` pairs.
    pub fn ratings<R: Into<String>>(ratings: impl IntoIterator<Item = (R, f64)>) -> FieldValue {
        FieldValue::Ratings(ratings.into_iter().map(|(rater, value)| (rater.into(), value)).collect())
    }

    /// The value as the readers hand values over; `None` for absent.
    pub(crate) fn into_input(self) -> Option<Input> {
        Some(match self {
            FieldValue::Number(number) => Input::Number(number),
            FieldValue::Text(text) => Input::Text(text.into()),
            FieldValue::Range { low, expected, high } => {
                let mut pairs = vec![("low".to_owned(), low)];
                pairs.extend(expected.map(|expected| ("expected".to_owned(), expected)));
                pairs.push(("high".to_owned(), high));
                Input::Pairs(pairs)
            }
            FieldValue::Ratings(ratings) => Input::Ratings(
                ratings.into_iter().map(|(rater, value)| (rater, Input::Number(value))).collect(),
            ),
            FieldValue::Alignment(Alignment::Overall(value)) => Input::Number(value.get()),
            FieldValue::Alignment(Alignment::PerObjective(contributions)) => Input::Pairs(
                contributions.into_iter().map(|(objective, value)| (objective, value.get())).collect(),
            ),
            FieldValue::Absent => return None,
        })
    }
}

macro_rules! from_number {
    ($($ty:ty),*) => {
        $(
            impl From<$ty> for FieldValue {
                fn from(value: $ty) -> FieldValue {
                    FieldValue::Number(f64::from(value))
                }
            }
        )*
    };
}

from_number!(f64, f32, i32, u32, i16, u16, i8, u8, Impact, Confidence);

/// Counts too large for an `f64` to hold exactly are rounded, as JSON readers round them.
impl From<usize> for FieldValue {
    fn from(value: usize) -> FieldValue {
        FieldValue::Number(value as f64)
    }
}

impl From<i64> for FieldValue {
    fn from(value: i64) -> FieldValue {
        FieldValue::Number(value as f64)
    }
}

impl From<u64> for FieldValue {
    fn from(value: u64) -> FieldValue {
        FieldValue::Number(value as f64)
    }
}

impl From<&str> for FieldValue {
    fn from(text: &str) -> FieldValue {
        FieldValue::Text(text.to_owned())
    }
}

impl From<String> for FieldValue {
    fn from(text: String) -> FieldValue {
        FieldValue::Text(text)
    }
}

impl From<Category> for FieldValue {
    fn from(category: Category) -> FieldValue {
        FieldValue::Text(category.as_str().to_owned())
    }
}

impl From<Alignment> for FieldValue {
    fn from(alignment: Alignment) -> FieldValue {
        FieldValue::Alignment(alignment)
    }
}

/// `None` is [`FieldValue::Absent`].
impl<T: Into<FieldValue>> From<Option<T>> for FieldValue {
    fn from(value: Option<T>) -> FieldValue {
        value.map_or(FieldValue::Absent, Into::into)
    }
}
