//! Sensitivity to estimates: score bounds from range ends, and the positions they allow.

use super::{MissingInputs, OrderKey, evaluate, order_key};
use crate::engine::Engine;
use crate::error::{Error, PlanDetail, Result};
use crate::model::Backlog;
use crate::model::Category;
use crate::model::Estimate;
use crate::model::{Field, Item};

/// How each ranked item's score and position can vary within its range estimates.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct Sensitivity {
    /// The engine's name.
    pub framework: String,
    /// The ranked items, in the order of the ranking by point values.
    pub items: Vec<ItemBounds>,
    /// The items the engine could not score, in input order.
    pub unscored: Vec<MissingInputs>,
}

/// One item's score bounds and the positions they allow.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct ItemBounds {
    /// The item's id.
    pub id: String,
    /// The item's title.
    pub title: String,
    /// Its position in the ranking by point values.
    pub position: usize,
    /// Its category, for engines that sort by one first (fixed: categories are not estimates);
    /// left out of JSON when `None`, as in rankings.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub category: Option<Category>,
    /// Its score by point values (`None` for MoSCoW without a secondary engine).
    pub score: Option<f64>,
    /// The lowest score its ranges allow.
    pub min_score: Option<f64>,
    /// The highest score its ranges allow.
    pub max_score: Option<f64>,
    /// The best (smallest) position it can reach when its estimates and everyone else's vary.
    pub best_position: usize,
    /// The worst (largest) position it can fall to.
    pub worst_position: usize,
    /// The engine inputs of the item given as ranges (those that vary its score), by name.
    pub varied: Vec<String>,
}

/// The items certainly and only possibly in the top `k`.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct TopK {
    /// The `k`.
    pub k: usize,
    /// The items whose worst position is `<= k`, in point order.
    pub certain: Vec<String>,
    /// The items whose best position is `<= k` but worst position is not, in point order.
    pub possible: Vec<String>,
}

impl Sensitivity {
    /// The items certainly in the top `k` (in it whatever the estimates turn out to be) and those
    /// only possibly in it (in it for some values within the ranges).
    #[must_use]
    pub fn top(&self, k: usize) -> TopK {
        let ids = |keep: &dyn Fn(&ItemBounds) -> bool| {
            self.items.iter().filter(|item| keep(item)).map(|item| item.id.clone()).collect()
        };
        TopK {
            k,
            certain: ids(&|item| item.worst_position <= k),
            possible: ids(&|item| item.best_position <= k && item.worst_position > k),
        }
    }
}

/// For every ranked item, the lowest and highest score its range estimates allow, and from them
/// its best and worst possible position.
///
/// Score bounds come from the corners of the ranges: each of the `k` inputs the engine reads that
/// the item gives as a range is set to its low or its high end, in all `2^k` combinations
/// (`k <= 7`), and the engine scores each ([`Engine::evaluate`]). For an engine monotone in each
/// input, as RICE and WSJF are, the extremes lie at corners, so the bounds are exact; for an
/// engine of your own that is not, they are the corners' extremes. The point score is always
/// within them.
///
/// Positions: item `j` is *certainly ahead* of item `i` when `j` sorts before `i` even with `j` at
/// its lowest score and `i` at its highest, and *possibly ahead* when `j` at its highest sorts
/// before `i` at its lowest. Sorting is the ranking core's: category first, then score (higher
/// first), then input order, so an equal score counts as ahead exactly when `j` comes first in the
/// input. The best position is 1 + the number of items certainly ahead, the worst 1 + the number
/// possibly ahead. Items' estimates are independent, so both are attained. Under MoSCoW the
/// category is fixed and only the secondary engine's score varies: positions move within the
/// category's block.
///
/// # Errors
///
/// As [`Backlog::rank`], for the point values and for every corner (e.g. a score that
/// overflows at a range end).
pub fn sensitivity(backlog: &Backlog, engine: &dyn Engine) -> Result<Sensitivity> {
    let ranking = backlog.rank(engine)?;
    // The engine as bound to this backlog, so probes score as the ranking did.
    let engine = ranking.engine();
    let mut items = Vec::with_capacity(ranking.len());
    // (best key, worst key) per ranked item, in ranking order.
    let mut keys: Vec<(OrderKey, OrderKey)> = Vec::with_capacity(ranking.len());
    let inputs = backlog.field_names(engine.inputs(backlog));
    for entry in ranking.iter() {
        let item = entry.item();
        let alignment = item.resolved_alignment();
        let ranges: Vec<(&str, Estimate)> =
            item.estimates().filter(|(field, range)| inputs.contains(field) && !range.is_point()).collect();
        let (mut min, mut max) = (entry.score(), entry.score());
        let mut corner = item.to_owned();
        for mask in 0..1_u32 << ranges.len() {
            for (bit, &(field, range)) in ranges.iter().enumerate() {
                corner.set_value(field, range.ends()[(mask >> bit & 1) as usize])?;
            }
            if let Some((_, Some(score))) = evaluate(engine, &Item::probe(&corner, alignment, backlog))? {
                min = Some(min.map_or(score, |min: f64| min.min(score)));
                max = Some(max.map_or(score, |max: f64| max.max(score)));
            }
        }
        keys.push((
            order_key(entry.category(), max, entry.index()),
            order_key(entry.category(), min, entry.index()),
        ));
        items.push(ItemBounds {
            id: item.id().to_string(),
            title: item.title().to_owned(),
            position: entry.position(),
            category: entry.category(),
            score: entry.score(),
            min_score: min,
            max_score: max,
            best_position: 0,
            worst_position: 0,
            varied: ranges.iter().map(|&(field, _)| field.to_owned()).collect(),
        });
    }
    let mut best_keys: Vec<OrderKey> = keys.iter().map(|&(best, _)| best).collect();
    let mut worst_keys: Vec<OrderKey> = keys.iter().map(|&(_, worst)| worst).collect();
    best_keys.sort_unstable();
    worst_keys.sort_unstable();
    for (item, &(best, worst)) in items.iter_mut().zip(&keys) {
        // An item's own worst key is never below its own best key, so it is not counted here.
        item.best_position = 1 + worst_keys.partition_point(|&other| other < best);
        // Its own best key is below its own worst key whenever its score varies: not counted.
        let own = usize::from(best < worst);
        item.worst_position = 1 + best_keys.partition_point(|&other| other < worst) - own;
    }
    Ok(Sensitivity { framework: engine.name().to_owned(), items, unscored: MissingInputs::of(&ranking) })
}

/// The backlog with every numeric estimate given a range of `± fraction` (0.2 for ±20 %), for
/// backlogs without ranges of their own.
///
/// A value `v` becomes the range `v · (1 − fraction) ..= v · (1 + fraction)` with expected value
/// `v`, clamped to the field's valid values (confidence at most 1). Ranges the item already has
/// are kept as they are, given or from ratings (a rated field's range runs from its smallest to
/// its largest rating): an explicit range is better information than a blanket one.
///
/// ```
/// use prioritize::analysis::with_uncertainty;
/// use prioritize::{Backlog, BacklogItem, Field};
///
/// let backlog = Backlog::from_items([BacklogItem::builder("A", "a").effort(10).confidence(0.8).build()?])?;
/// let wide = with_uncertainty(&backlog, 0.5)?;
/// let item = wide.item(0);
/// assert_eq!(item.estimate(Field::Effort).map(|e| e.ends()), Some([5.0, 15.0]));
/// // 0.8 · 1.5 = 1.2 is clamped to 1.
/// assert_eq!(item.estimate(Field::Confidence).map(|e| e.ends()), Some([0.4, 1.0]));
/// # Ok::<(), prioritize::Error>(())
/// ```
///
/// # Errors
///
/// - a [`Parameter`](crate::ErrorKind::Parameter) error when `fraction` is not in `0..1`;
/// - a [`Value`](crate::ErrorKind::Value) error when a widened value overflows `f64`.
pub fn with_uncertainty(backlog: &Backlog, fraction: f64) -> Result<Backlog> {
    if !(0.0..1.0).contains(&fraction) {
        return Err(Error::from(PlanDetail::InvalidParameter {
            parameter: "uncertainty",
            value: fraction.to_string(),
            allowed: "0..1 (a fraction, e.g. 0.2 for ±20 %)",
        }));
    }
    let criteria = backlog.criteria();
    backlog.map_items(|item| {
        let builtin = Field::NUMERIC.iter().filter_map(|field| Some((field.as_str(), item.number(*field)?)));
        let values: Vec<(String, f64)> =
            builtin.chain(item.criteria()).map(|(name, value)| (name.to_owned(), value)).collect();
        for (name, value) in values {
            if item.estimate(name.as_str()).is_some() {
                continue;
            }
            let (a, b) = (value * (1.0 - fraction), value * (1.0 + fraction));
            let (mut low, mut high) = (a.min(b), a.max(b));
            let bounds = match Field::from_name(&name) {
                Some(field) => field.bounds(),
                None => criteria
                    .iter()
                    .find(|c| c.id() == name)
                    .map(|c| (c.min().unwrap_or(f64::NEG_INFINITY), c.max().unwrap_or(f64::INFINITY))),
            };
            if let Some((min, max)) = bounds {
                (low, high) = (low.max(min), high.min(max));
            }
            if matches!(Field::from_name(&name), Some(Field::Effort | Field::Duration)) {
                // A positive effort stays positive (only a subnormal one could round to 0).
                low = low.max(f64::MIN_POSITIVE.min(value));
            }
            let checked = |end: f64| {
                let mut probe = item.clone();
                probe.set_value(&name, end).map(|()| end)
            };
            let (low, high) = (checked(low)?, checked(high)?);
            let range = Estimate::checked(item.id().as_str(), &name, low, Some(value), high)?;
            item.set_range(&name, range);
        }
        Ok(())
    })
}
