//! The contract of an engine: what one of your own implements.

use std::fmt;
use std::sync::Arc;

use super::{Breakdown, Evaluation, Hooks};
use crate::error::Result;
use crate::model::{Backlog, FieldSet, Item};

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
    /// `cd3`, `opportunity`, `pairwise`, `scorecard`, `formula`).
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
