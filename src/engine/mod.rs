//! Scoring engines: the [`Engine`] trait and the published frameworks.
//!
//! Engines only compute scores; the ranking core alone orders. An engine of your own implements
//! [`Engine`] and ranks like the built-in ones.

mod breakdown;
mod moscow;
mod rice;
mod wsjf;

use std::fmt;

use ordered_float::NotNan;

pub use breakdown::Breakdown;
pub use moscow::MoSCoW;
pub use rice::Rice;
pub use wsjf::{Scale, Wsjf};

use crate::category::Category;
use crate::error::{Error, Result};
use crate::field::FieldSet;
use crate::item::BacklogItem;

/// A prioritization framework: scores one item at a time.
///
/// Implement it to rank with a formula of your own:
///
/// ```
/// use prioritize::{Backlog, BacklogItem, Breakdown, Engine, Evaluation, Field, FieldSet, Result};
///
/// /// Value per effort, ignoring everything else.
/// #[derive(Debug)]
/// struct ValuePerEffort;
///
/// impl Engine for ValuePerEffort {
///     fn name(&self) -> &str {
///         "value-per-effort"
///     }
///     fn inputs(&self) -> FieldSet {
///         FieldSet::EMPTY.with(Field::BusinessValue).with(Field::Effort)
///     }
///     fn evaluate(&self, item: &BacklogItem, _alignment: f64) -> Result<Evaluation> {
///         match (item.business_value(), item.effort()) {
///             (Some(value), Some(effort)) => Evaluation::score(item, self.name(), value.get() / effort.get()),
///             _ => Ok(Evaluation::missing(item, self.inputs())),
///         }
///     }
///     fn breakdown(&self, _item: &BacklogItem, _alignment: f64) -> Breakdown {
///         Breakdown::new()
///     }
/// }
///
/// let backlog = Backlog::from_items([
///     BacklogItem::builder("A", "a").business_value(8).effort(4).build()?,
///     BacklogItem::builder("B", "b").business_value(3).effort(1).build()?,
/// ])?;
/// let ranking = backlog.rank(&ValuePerEffort)?;
/// assert_eq!(ranking.iter().map(|e| e.score()).collect::<Vec<_>>(), [Some(3.0), Some(2.0)]);
/// # Ok::<(), prioritize::Error>(())
/// ```
pub trait Engine: fmt::Debug + Send + Sync {
    /// The framework's name, as the interchange format writes it (`rice`, `wsjf`, `moscow`).
    fn name(&self) -> &str;

    /// The item fields the engine reads.
    fn inputs(&self) -> FieldSet;

    /// Scores one item; `alignment` is the item's alignment in `0..=1`, resolved against the
    /// backlog's objectives (0 when the item has none).
    ///
    /// # Errors
    ///
    /// Any input the engine rejects, e.g. [`Error::OffScale`]; [`Error::ScoreOverflow`] when the
    /// score is not finite.
    fn evaluate(&self, item: &BacklogItem, alignment: f64) -> Result<Evaluation>;

    /// The named inputs and intermediate values behind the item's score.
    fn breakdown(&self, item: &BacklogItem, alignment: f64) -> Breakdown;
}

impl<E: Engine + ?Sized> Engine for Box<E> {
    fn name(&self) -> &str {
        (**self).name()
    }
    fn inputs(&self) -> FieldSet {
        (**self).inputs()
    }
    fn evaluate(&self, item: &BacklogItem, alignment: f64) -> Result<Evaluation> {
        (**self).evaluate(item, alignment)
    }
    fn breakdown(&self, item: &BacklogItem, alignment: f64) -> Breakdown {
        (**self).breakdown(item, alignment)
    }
}

/// What an engine says of one item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Evaluation {
    /// The item can be ranked.
    Scored {
        /// The item's category, for engines that group items first (MoSCoW); categories sort
        /// before scores, and items without one come after every category.
        category: Option<Category>,
        /// The score, higher first; `None` when the engine orders by category alone.
        score: Option<NotNan<f64>>,
    },
    /// The item lacks inputs the engine needs: it is reported apart from the ranking.
    Unscored {
        /// The fields it lacks.
        missing: FieldSet,
    },
}

impl Evaluation {
    /// A plain score without category, checked to be finite.
    ///
    /// # Errors
    ///
    /// [`Error::ScoreOverflow`] naming the item and `framework` when `score` is infinite or NaN.
    pub fn score(item: &BacklogItem, framework: &str, score: f64) -> Result<Evaluation> {
        Ok(Evaluation::Scored { category: None, score: Some(finite_score(item, framework, score)?) })
    }

    /// The item lacks those of `needed` that it has no value for.
    #[must_use]
    pub fn missing(item: &BacklogItem, needed: FieldSet) -> Evaluation {
        Evaluation::Unscored { missing: needed.iter().filter(|field| !item.has(*field)).collect() }
    }
}

/// `score` as a `NotNan`, or the overflow error that names the item.
pub(crate) fn finite_score(item: &BacklogItem, framework: &str, score: f64) -> Result<NotNan<f64>> {
    if score.is_finite() {
        // A finite number is never NaN; `+ 0.0` makes -0.0 equal to 0.0 bit for bit.
        NotNan::new(score + 0.0).map_err(|_| overflow(item, framework, score))
    } else {
        Err(overflow(item, framework, score))
    }
}

fn overflow(item: &BacklogItem, framework: &str, value: f64) -> Error {
    Error::ScoreOverflow { item: item.id().to_string(), framework: framework.to_owned(), value }
}
