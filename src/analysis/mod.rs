//! Decision support: how sure a ranking is, what would change it, how the frameworks disagree,
//! what they agree on, what changed between two versions of a backlog, where raters disagree, and
//! where the backlog parts from the strategy.
//!
//! Every analysis takes a [`Backlog`](crate::Backlog) and, but for [`agreement`] and
//! [`strategy`], one or more [`Engine`]s, and returns a plain result type (with the `serde`
//! feature, `Serialize`, in the shape the `analyze` example prints as JSON). Ids are owned
//! strings, so results outlive the backlog.
//!
//! - [`sensitivity`]: each item's lowest and highest score within its range estimates, its best
//!   and worst possible position, and which items are certainly or only possibly in the top k;
//!   [`with_uncertainty`] gives every estimate a range of ± a fraction.
//! - [`explain`]: for each item, the smallest change of one input that passes the item ahead.
//! - [`compare`]: Kendall's tau-b, Spearman's rho, top-k overlap and the largest position
//!   differences between engines ([`kendall_tau_b`] and [`spearman_rho`] are public too).
//! - [`consensus`]: a Borda-count ranking across engines.
//! - [`diff`]: two versions of a backlog under one engine.
//! - [`quadrants`]: the value/effort matrix (quick wins, big bets, fill-ins, time sinks).
//! - [`agreement`]: where raters disagree: every rated field by the spread of its ratings.
//! - [`strategy`]: the backlog's own order against the strategic order (by alignment), with
//!   each item's shift and Kendall's tau-b between the two.
//!
//! ```
//! use prioritize::analysis::sensitivity;
//! use prioritize::{Backlog, BacklogItem, Field, Rice};
//!
//! let backlog = Backlog::from_items([
//!     BacklogItem::builder("A", "a").reach(100).impact(1).confidence(1).range(Field::Effort, 1, 4).build()?,
//!     BacklogItem::builder("B", "b").reach(100).impact(1).confidence(1).effort(2).build()?,
//! ])?;
//! let rice = Rice::default();
//! let report = sensitivity(&backlog, &rice)?;
//! // A's effort 1..=4 (expected 2.5) gives a score in 25..=100: it may be first or second.
//! let a = &report.items[1];
//! assert_eq!((a.id.as_str(), a.min_score, a.max_score), ("A", Some(25.0), Some(100.0)));
//! assert_eq!((a.best_position, a.worst_position), (1, 2));
//! assert_eq!(report.top(1).certain, Vec::<String>::new());
//! # Ok::<(), prioritize::Error>(())
//! ```

mod agreement;
mod compare;
mod consensus;
mod correlation;
mod diff;
mod quadrants;
mod sensitivity;
mod strategy;
mod what_if;

pub use agreement::{Agreement, RatedField, agreement};
pub use compare::{Comparison, EnginePair, ItemPositions, PositionDifference, TopOverlap, compare};
pub use consensus::{Consensus, ConsensusEntry, Excluded, consensus};
pub use correlation::{kendall_tau_b, spearman_rho};
pub use diff::{InputChange, InputValue, Move, RankingDiff, diff};
pub use quadrants::{Axes, Quadrant, QuadrantItem, Quadrants, Split, SplitLines, Unclassified, quadrants};
pub use sensitivity::{ItemBounds, Sensitivity, TopK, sensitivity, with_uncertainty};
pub use strategy::{StrategicItem, Strategy, strategy};
pub use what_if::{Bound, Change, Explanation, explain};

use crate::engine::Engine;
use crate::error::Result;
use crate::model::Category;
use crate::model::Item;
use crate::ranking::Ranking;
use crate::ranking::order::{NO_BUCKET, NO_SCORE, score_key};

/// An item the engine could not score, with the fields it lacks.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct MissingInputs {
    /// The item's id.
    pub id: String,
    /// The names of the fields it lacks for the engine.
    pub missing: Vec<String>,
}

impl MissingInputs {
    /// The unscored items of a ranking, in input order.
    fn of(ranking: &Ranking<'_>) -> Vec<MissingInputs> {
        ranking
            .unscored()
            .map(|entry| MissingInputs {
                id: entry.item().id().to_owned(),
                missing: entry.missing_names().into_iter().map(str::to_owned).collect(),
            })
            .collect()
    }
}

/// An item's place in the order of the ranking core: category bucket, score key (higher scores
/// first), input index; the smaller tuple sorts first.
pub(crate) type OrderKey = (u32, u64, usize);

pub(crate) fn order_key(category: Option<Category>, score: Option<f64>, index: usize) -> OrderKey {
    let bucket = category.map_or(NO_BUCKET, |category| u32::from(category.priority()));
    (bucket, score.map_or(NO_SCORE, score_key), index)
}

/// `from − to`: the positions gained moving from position `from` to `to` (positions fit in
/// `u32`: a backlog holds at most `u32::MAX` items).
pub(crate) fn gain(from: usize, to: usize) -> i64 {
    i64::from(from as u32) - i64::from(to as u32)
}

/// What the engine says of `item`: its category and score when scored, `None` when unscored.
pub(crate) fn evaluate(
    engine: &dyn Engine,
    item: &Item<'_>,
) -> Result<Option<(Option<Category>, Option<f64>)>> {
    let evaluation = engine.evaluate(item)?;
    Ok(evaluation.is_scored().then(|| (evaluation.category(), evaluation.score())))
}
