//! The backlog's own order against the strategy's: where the Product Owner and the objectives
//! part ways.

use super::{correlation::kendall_tau_b, gain};
use crate::model::Backlog;

/// The backlog's order (input order, the Product Owner's) against the strategic order (by
/// alignment with the objectives).
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct Strategy {
    /// Kendall's tau-b between the two orders: 1 when the backlog follows the strategy exactly,
    /// −1 when it reverses it; `None` with fewer than two items.
    pub kendall_tau_b: Option<f64>,
    /// Every item, in backlog order.
    pub items: Vec<StrategicItem>,
}

/// One item's place in the backlog and in the strategy.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct StrategicItem {
    /// The item's id.
    pub id: String,
    /// The item's title.
    pub title: String,
    /// Its position in the backlog (input order), from 1.
    pub backlog_position: usize,
    /// Its position by alignment, higher first, from 1 (equal alignments in input order).
    pub strategic_position: usize,
    /// `strategic_position − backlog_position`: positive when the backlog puts the item earlier
    /// than the strategy would (ahead of the strategy), negative when later (behind it).
    pub shift: i64,
    /// Its alignment in 0..=1, resolved against the objectives (0 without one).
    pub alignment: f64,
}

impl Strategy {
    /// Up to `n` items the backlog puts earlier than the strategy would, the largest shift first
    /// (equal shifts in backlog order): quick or urgent items that serve the objectives little.
    #[must_use]
    pub fn ahead(&self, n: usize) -> Vec<&StrategicItem> {
        self.largest(n, |item| item.shift)
    }

    /// Up to `n` items the backlog puts later than the strategy would, the largest shift first
    /// (equal shifts in backlog order): well-aligned items left waiting.
    #[must_use]
    pub fn behind(&self, n: usize) -> Vec<&StrategicItem> {
        self.largest(n, |item| -item.shift)
    }

    fn largest(&self, n: usize, by: impl Fn(&StrategicItem) -> i64) -> Vec<&StrategicItem> {
        let mut items: Vec<&StrategicItem> = self.items.iter().filter(|item| by(item) > 0).collect();
        // Stable: equal shifts keep the backlog order.
        items.sort_by_key(|item| std::cmp::Reverse(by(item)));
        items.truncate(n);
        items
    }
}

/// The backlog's own order (its input order: the Product Owner's) against the strategic order:
/// alignment with the objectives, higher first, equal alignments in input order (an item without
/// alignment counts 0).
///
/// Each item gets both positions and the shift between them; Kendall's tau-b
/// ([`kendall_tau_b`]) of the two orders tells how closely the backlog follows the strategy as a
/// whole. Equal alignments follow the input order in the strategic order too, so they count as
/// agreeing.
///
/// ```
/// use prioritize::analysis::strategy;
/// use prioritize::{Backlog, BacklogItem};
///
/// let backlog = Backlog::from_items([
///     BacklogItem::builder("QUICK", "a quick fix").alignment(0.0).build()?,
///     BacklogItem::builder("GOAL", "the objective").alignment(1.0).build()?,
///     BacklogItem::builder("SOME", "a bit of both").alignment(0.5).build()?,
/// ])?;
/// let report = strategy(&backlog);
/// let shifts: Vec<(&str, usize, i64)> =
///     report.items.iter().map(|i| (i.id.as_str(), i.strategic_position, i.shift)).collect();
/// assert_eq!(shifts, [("QUICK", 3, 2), ("GOAL", 1, -1), ("SOME", 2, -1)]);
/// // Pairs: (QUICK, GOAL) and (QUICK, SOME) discordant, (GOAL, SOME) concordant: (1 − 2) / 3.
/// assert_eq!(report.kendall_tau_b, Some(-1.0 / 3.0));
/// assert_eq!(report.ahead(5)[0].id, "QUICK");
/// # Ok::<(), prioritize::Error>(())
/// ```
#[must_use]
pub fn strategy(backlog: &Backlog) -> Strategy {
    let n = backlog.len();
    let mut order: Vec<usize> = (0..n).collect();
    // Stable: equal alignments keep the input order.
    order.sort_by(|&a, &b| backlog.alignment(b).total_cmp(&backlog.alignment(a)));
    let mut strategic = vec![0; n];
    for (offset, &index) in order.iter().enumerate() {
        strategic[index] = offset + 1;
    }
    let items: Vec<StrategicItem> = backlog
        .items()
        .map(|item| {
            let index = item.index();
            StrategicItem {
                id: item.id().to_owned(),
                title: item.title().to_owned(),
                backlog_position: index + 1,
                strategic_position: strategic[index],
                shift: gain(strategic[index], index + 1),
                alignment: backlog.alignment(index),
            }
        })
        .collect();
    let backlog_positions: Vec<f64> = items.iter().map(|item| item.backlog_position as f64).collect();
    let strategic_positions: Vec<f64> = items.iter().map(|item| item.strategic_position as f64).collect();
    Strategy { kendall_tau_b: kendall_tau_b(&backlog_positions, &strategic_positions), items }
}
