//! Agreement between raters: every rated field, by how far its ratings spread.

use crate::model::{Aggregate, Backlog, Field};

/// Every rated field of a backlog, the largest disagreement first.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct Agreement {
    /// How the backlog combines ratings into values.
    pub aggregate: Aggregate,
    /// Every rated field of every item: the largest spread first; equal spreads in input order,
    /// then in field order (built-in fields in the interchange order, then criteria).
    pub items: Vec<RatedField>,
}

/// One rated field of one item.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct RatedField {
    /// The item's id.
    pub id: String,
    /// The field's name.
    pub field: String,
    /// How far the ratings spread, from 0 (all equal): see [`Ratings::spread`](crate::model::Ratings::spread).
    pub spread: f64,
    /// The field's value: the aggregate of the ratings.
    pub value: f64,
    /// The smallest rating.
    pub min: f64,
    /// The largest rating.
    pub max: f64,
    /// Each rater's rating, in the order of the backlog's raters; an object of rater ids to
    /// ratings in JSON.
    #[cfg_attr(feature = "serde", serde(serialize_with = "as_object"))]
    pub ratings: Vec<(String, f64)>,
}

/// Where raters disagree: every rated field of every item with the spread of its ratings, the
/// largest first, so that the few estimates worth a conversation come first.
///
/// The spread of ratings from `min` to `max` is `(max − min) / (upper − lower)` for a field with
/// both bounds (confidence 0..=1, importance and satisfaction 0..=10, a criterion with both
/// `min` and `max`), else `(max − min) / max(|max|, |min|)`; 0 when all ratings are equal.
///
/// ```
/// use prioritize::analysis::agreement;
/// use prioritize::{Backlog, BacklogItem, Field};
///
/// let backlog = Backlog::from_items([
///     BacklogItem::builder("A", "a").ratings(Field::Effort, [("po", 3), ("eng", 5)]).build()?,
///     BacklogItem::builder("B", "b").ratings(Field::Confidence, [("po", 1.0), ("eng", 0.5)]).build()?,
/// ])?;
/// let report = agreement(&backlog);
/// let rows: Vec<(&str, &str, f64, f64)> =
///     report.items.iter().map(|f| (f.id.as_str(), f.field.as_str(), f.spread, f.value)).collect();
/// // B: 0.5 of confidence's 0..=1; A: (5 − 3) / 5.
/// assert_eq!(rows, [("B", "confidence", 0.5, 0.75), ("A", "effort", 0.4, 4.0)]);
/// assert_eq!(report.items[0].ratings, [("eng".to_owned(), 0.5), ("po".to_owned(), 1.0)]);
/// # Ok::<(), prioritize::Error>(())
/// ```
#[must_use]
pub fn agreement(backlog: &Backlog) -> Agreement {
    let mut items = Vec::new();
    for item in backlog.items() {
        for (field, ratings) in item.rated() {
            let bounds = match Field::from_name(field) {
                Some(field) => field.bounds(),
                None => {
                    backlog.criteria().iter().find(|c| c.id() == field).and_then(|c| c.min().zip(c.max()))
                }
            };
            items.push(RatedField {
                id: item.id().to_owned(),
                field: field.to_owned(),
                spread: ratings.spread(bounds),
                // A rated field always has its aggregate as its value.
                value: item.value(field).unwrap_or(f64::NAN),
                min: ratings.min(),
                max: ratings.max(),
                ratings: ratings.iter().map(|(rater, value)| (rater.to_owned(), value)).collect(),
            });
        }
    }
    // Stable: equal spreads keep the input order, then the field order.
    items.sort_by(|a, b| b.spread.total_cmp(&a.spread));
    Agreement { aggregate: backlog.aggregate(), items }
}

#[cfg(feature = "serde")]
fn as_object<S: serde::Serializer>(ratings: &[(String, f64)], serializer: S) -> Result<S::Ok, S::Error> {
    serializer.collect_map(ratings.iter().map(|(rater, value)| (rater, value)))
}
