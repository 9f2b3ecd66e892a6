//! Scoring engines: the [`Engine`] trait and the published frameworks.
//!
//! Engines only compute scores; the ranking core alone orders. An engine of your own implements
//! [`Engine`] and ranks like the built-in ones.

mod breakdown;
mod cd3;
mod evaluation;
mod formula;
mod framework;
mod hooks;
mod ice;
mod moscow;
mod named;
mod opportunity;
mod rice;
mod score;
mod scorecard;
mod wsjf;

use std::fmt;
use std::ops::Range;
use std::sync::Arc;

pub use crate::model::{Normalize, Scorecard};
pub use breakdown::Breakdown;
pub use cd3::Cd3;
pub use evaluation::Evaluation;
pub use formula::Formula;
pub use framework::Framework;
#[doc(hidden)]
pub use hooks::Hooks;
pub(crate) use hooks::{bind, evaluate_all, to_shared};
pub use ice::{Ice, IceVariant};
pub use moscow::Moscow;
pub use opportunity::Opportunity;
pub use rice::Rice;
pub use score::Score;
pub use wsjf::{Scale, Wsjf};

use crate::error::{Detail, Error, Result};
use crate::model::AlignmentWeight;
use crate::model::Backlog;
use crate::model::Item;
use crate::model::{Field, FieldSet};

/// A prioritization framework: scores one item at a time.
///
/// Implement it to rank with a formula of your own; an engine reads any field, built-in or a
/// criterion the team declares, and names what an item lacks by the fields' names
/// ([`Item::field_set`]), so that every output says `revenue` where it is missing:
///
/// ```
/// use prioritize::{Backlog, BacklogItem, Breakdown, Criterion, Engine, Evaluation, FieldSet, Item, Result};
///
/// /// Revenue per effort, a team's own criterion over a built-in field.
/// #[derive(Debug)]
/// struct RevenuePerEffort;
///
/// impl Engine for RevenuePerEffort {
///     fn name(&self) -> &str {
///         "revenue-per-effort"
///     }
///     fn inputs(&self, backlog: &Backlog) -> FieldSet {
///         backlog.field_set(["revenue", "effort"]).unwrap_or_default()
///     }
///     fn evaluate(&self, item: &Item<'_>) -> Result<Evaluation> {
///         match (item.value("revenue"), item.value("effort")) {
///             (Some(revenue), Some(effort)) => Evaluation::scored(item, self.name(), revenue / effort),
///             _ => Ok(Evaluation::missing(item, item.field_set(["revenue", "effort"])?)),
///         }
///     }
///     fn breakdown(&self, item: &Item<'_>) -> Breakdown {
///         Breakdown::new().with("revenue", item.value("revenue").unwrap_or(f64::NAN))
///     }
/// }
///
/// let backlog = Backlog::builder()
///     .criterion(Criterion::new("revenue")?)
///     .item(BacklogItem::builder("A", "a").value("revenue", 8).effort(4).build()?)
///     .item(BacklogItem::builder("B", "b").value("revenue", 3).effort(1).build()?)
///     .item(BacklogItem::builder("C", "c").effort(1).build()?)
///     .build()?;
/// let ranking = backlog.rank(RevenuePerEffort)?;
/// assert_eq!(ranking.iter().map(|e| e.score()).collect::<Vec<_>>(), [Some(3.0), Some(2.0)]);
/// assert_eq!(ranking.unscored().map(|u| u.missing_names()).collect::<Vec<_>>(), [["revenue"]]);
/// # Ok::<(), prioritize::Error>(())
/// ```
pub trait Engine: fmt::Debug + Send + Sync {
    /// The framework's name, as the interchange format writes it (`rice`, `wsjf`, `moscow`, `ice`,
    /// `cd3`, `opportunity`, `scorecard`, `formula`).
    fn name(&self) -> &str;

    /// The fields the engine reads, for the analyses that vary them: built-in fields, and the
    /// backlog's criteria by position.
    fn inputs(&self, backlog: &Backlog) -> FieldSet;

    /// Scores one item; [`Item::resolved_alignment`] is its alignment in `0..=1`.
    ///
    /// # Errors
    ///
    /// Any input the engine rejects, e.g. a [`Value`](crate::ErrorKind::Value) error; a [`Value`](crate::ErrorKind::Value) error when the
    /// score is not finite.
    fn evaluate(&self, item: &Item<'_>) -> Result<Evaluation>;

    /// The named inputs and intermediate values behind the item's score (by default none).
    fn breakdown(&self, item: &Item<'_>) -> Breakdown {
        let _ = item;
        Breakdown::new()
    }

    /// The built-in engines' own ways to score faster (hidden: an engine of your own has none,
    /// and ranks through [`Engine::evaluate`]).
    #[doc(hidden)]
    fn hooks(&self) -> Option<&dyn Hooks> {
        None
    }
}

macro_rules! forward_engine {
    ($($target:ty),*) => {
        $(
            impl<E: Engine + ?Sized> Engine for $target {
                fn name(&self) -> &str {
                    (**self).name()
                }
                fn inputs(&self, backlog: &Backlog) -> FieldSet {
                    (**self).inputs(backlog)
                }
                fn evaluate(&self, item: &Item<'_>) -> Result<Evaluation> {
                    (**self).evaluate(item)
                }
                fn breakdown(&self, item: &Item<'_>) -> Breakdown {
                    (**self).breakdown(item)
                }
                fn hooks(&self) -> Option<&dyn Hooks> {
                    (**self).hooks()
                }
            }
        )*
    };
}

forward_engine!(&E, Box<E>, Arc<E>);

/// `score` as a [`Score`], or the overflow error that names the item.
pub(crate) fn finite_score(item: &str, framework: &str, score: f64) -> Result<Score> {
    Score::new(score).ok_or_else(|| {
        Error::from(Detail::ScoreOverflow {
            item: item.to_owned(),
            framework: framework.to_owned(),
            value: score,
        })
    })
}

/// The values of `fields` of `item`, in order, if it has them all.
pub(crate) fn values_of<const N: usize>(item: &Item<'_>, fields: [Field; N]) -> Option<[f64; N]> {
    let mut values = [0.0; N];
    for (value, field) in values.iter_mut().zip(fields) {
        *value = item.number(field)?;
    }
    Some(values)
}

/// Scores one item as [`score_columns`] scores a batch: unscored with the fields it lacks, or
/// `formula` of its values weighted by alignment and checked to be finite.
pub(crate) fn score_item<const N: usize>(
    name: &str,
    item: &Item<'_>,
    (fields, weight): ([Field; N], AlignmentWeight),
    formula: impl Fn([f64; N]) -> f64,
) -> Result<Evaluation> {
    match values_of(item, fields) {
        Some(values) => {
            Evaluation::scored(item, name, weight.apply(formula(values), item.resolved_alignment()))
        }
        None => Ok(Evaluation::missing(item, fields.into_iter().collect())),
    }
}

/// Scores `range` from the columns of `fields`, as a built-in engine does: an item lacking a field
/// is unscored with the fields it lacks, any other gets `formula` of its values, weighted by
/// alignment and checked to be finite.
pub(crate) fn score_columns<const N: usize>(
    name: &str,
    backlog: &Backlog,
    range: Range<usize>,
    out: &mut Vec<Evaluation>,
    (fields, weight): ([Field; N], AlignmentWeight),
    formula: impl Fn([f64; N]) -> f64,
) -> Result<()> {
    // Each column's values for the range; an empty column is a field no item has.
    let slice = |field: Field| {
        let raw = backlog.column(field).map_or(&[][..], |column| column.raw());
        raw.get(range.clone()).unwrap_or_default()
    };
    let columns: [&[f64]; N] = fields.map(slice);
    let alignment = slice(Field::Alignment);
    out.reserve(range.len());
    if columns.iter().any(|column| column.is_empty()) {
        let missing: FieldSet =
            fields.iter().zip(columns).filter(|(_, c)| c.is_empty()).map(|(f, _)| *f).collect();
        out.extend(range.map(|index| {
            let item = backlog.item(index);
            Evaluation::unscored(missing.union(item.lacking(fields.into_iter().collect())))
        }));
        return Ok(());
    }
    for offset in 0..range.len() {
        let values = columns.map(|column| column[offset]);
        let mut score = formula(values);
        if !weight.is_zero() {
            let alignment = alignment.get(offset).copied().filter(|a| !a.is_nan()).unwrap_or(0.0);
            score = weight.apply(score, alignment);
        }
        // A NaN input (an absent value) makes the score NaN: the one check on the common path.
        if let Some(score) = Score::new(score) {
            out.push(Evaluation::of(score));
        } else if values.iter().any(|value| value.is_nan()) {
            let missing =
                fields.iter().zip(values).filter(|(_, value)| value.is_nan()).map(|(field, _)| *field);
            out.push(Evaluation::unscored(missing.collect()));
        } else {
            let item = backlog.item(range.start + offset).id().to_owned();
            return Err(Error::from(Detail::ScoreOverflow {
                item,
                framework: name.to_owned(),
                value: score,
            }));
        }
    }
    Ok(())
}
