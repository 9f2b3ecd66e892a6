//! What an engine says of one item.

use super::{Score, finite_score};
use crate::error::Result;
use crate::model::{Category, FieldSet, Item};

/// What an engine says of one item: a score, a category (MoSCoW), both, or the fields it lacks.
///
/// An evaluation always says something: a scored one has a score or a category, an unscored one
/// lists what the item lacks (it is reported apart from the ranking: unscored is not zero).
///
/// ```
/// use prioritize::{Backlog, BacklogItem, Category, Evaluation, Field, FieldSet, Score};
///
/// let backlog = Backlog::from_items([BacklogItem::builder("A", "a").reach(3).build()?])?;
/// let item = backlog.item(0);
/// let scored = Evaluation::scored(&item, "mine", 6.0)?;
/// assert_eq!((scored.score(), scored.category(), scored.missing_fields()), (Some(6.0), None, None));
/// let grouped = Evaluation::categorized(Category::Must, Score::new(2.0));
/// assert_eq!((grouped.score(), grouped.category()), (Some(2.0), Some(Category::Must)));
/// let unscored = Evaluation::missing(&item, FieldSet::EMPTY.with(Field::Reach).with(Field::Effort));
/// assert_eq!(unscored.missing_fields(), Some(FieldSet::EMPTY.with(Field::Effort)));
/// assert!(Evaluation::scored(&item, "mine", f64::INFINITY).is_err());
/// # Ok::<(), prioritize::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Evaluation(Said);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Said {
    /// A score, a category, or both (never neither).
    Scored {
        category: Option<Category>,
        score: Option<Score>,
    },
    Unscored {
        missing: FieldSet,
    },
}

impl Evaluation {
    /// A plain score without category, checked to be finite.
    ///
    /// # Errors
    ///
    /// a [`Value`](crate::ErrorKind::Value) error naming the item and `framework` when
    /// `score` is infinite or NaN.
    pub fn scored(item: &Item<'_>, framework: &str, score: f64) -> Result<Evaluation> {
        Ok(Evaluation::of(finite_score(item.id(), framework, score)?))
    }

    /// A score already checked to be finite.
    #[must_use]
    pub fn of(score: Score) -> Evaluation {
        Evaluation(Said::Scored { category: None, score: Some(score) })
    }

    /// A category, which sorts before any score, with a score within it or none (the category
    /// alone orders, ties keeping the input order).
    #[must_use]
    pub fn categorized(category: Category, score: Option<Score>) -> Evaluation {
        Evaluation(Said::Scored { category: Some(category), score })
    }

    /// The item lacks those of `needed` that it has no value for
    /// ([`Item::field_set`](crate::Item::field_set) names fields, criteria included).
    #[must_use]
    pub fn missing(item: &Item<'_>, needed: FieldSet) -> Evaluation {
        Evaluation::unscored(item.lacking(needed))
    }

    /// The item lacks `missing`.
    #[must_use]
    pub fn unscored(missing: FieldSet) -> Evaluation {
        Evaluation(Said::Unscored { missing })
    }

    /// The score, if the item is scored and has one.
    #[must_use]
    pub fn score(&self) -> Option<f64> {
        self.checked_score().map(Score::get)
    }

    /// The score as the checked [`Score`].
    #[must_use]
    pub fn checked_score(&self) -> Option<Score> {
        match self.0 {
            Said::Scored { score, .. } => score,
            Said::Unscored { .. } => None,
        }
    }

    /// The category, for engines that sort by one first.
    #[must_use]
    pub fn category(&self) -> Option<Category> {
        match self.0 {
            Said::Scored { category, .. } => category,
            Said::Unscored { .. } => None,
        }
    }

    /// The fields the item lacks; `None` when it is scored.
    #[must_use]
    pub fn missing_fields(&self) -> Option<FieldSet> {
        match self.0 {
            Said::Scored { .. } => None,
            Said::Unscored { missing } => Some(missing),
        }
    }

    /// Whether the item is scored (it has a score, a category or both).
    #[must_use]
    pub fn is_scored(&self) -> bool {
        matches!(self.0, Said::Scored { .. })
    }
}
