//! What would it take: the smallest change of one input that moves an item past the one ahead.

use std::fmt;

use super::{OrderKey, evaluate, order_key};
use crate::engine::Engine;
use crate::error::Result;
use crate::model::Backlog;
use crate::model::Field;
use crate::model::{BacklogItem, Item};

/// Which side of a value a changed input must be on: lower for effort and job size, higher for
/// the inputs scores increase with; strict when the value itself would only tie and lose the tie.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Bound {
    /// `<=`: at most the value.
    AtMost,
    /// `<`: below the value.
    Below,
    /// `>=`: at least the value.
    AtLeast,
    /// `>`: above the value.
    Above,
}

impl Bound {
    /// `<=`, `<`, `>=` or `>`.
    #[must_use]
    pub const fn symbol(self) -> &'static str {
        match self {
            Bound::AtMost => "<=",
            Bound::Below => "<",
            Bound::AtLeast => ">=",
            Bound::Above => ">",
        }
    }
}

/// Which way an input moves to raise the item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Direction {
    Up,
    Down,
}

/// One single-input change that moves an item past the item just ahead of it.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct Change {
    /// The input to change.
    pub field: Field,
    /// Its value now.
    pub now: f64,
    /// Which side of `value` the input must be on.
    pub bound: Bound,
    /// The limit at 3 significant digits: every value on the `bound` side of it passes.
    pub value: f64,
    /// The exact limit in `f64`: the value closest to `now` that passes (ties broken by input
    /// order).
    pub exact: f64,
    /// `value` relative to `now`: `|value − now| / now` (infinite when `now` is 0).
    pub relative_change: f64,
    /// E.g. `CHK-7 passes AUTH-2 if effort <= 2.6 (now 3)`.
    pub message: String,
}

/// What it would take to move one item up a position.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct Explanation {
    /// The item's id.
    pub id: String,
    /// Its position.
    pub position: usize,
    /// Its score (`None` for MoSCoW without a secondary engine).
    pub score: Option<f64>,
    /// The id of the item just ahead of it (`None` for the first).
    pub ahead: Option<String>,
    /// The score of the item ahead.
    pub ahead_score: Option<f64>,
    /// The single-input changes that pass the item ahead, smallest relative change first. Empty
    /// when no valid value of one input does (e.g. the item ahead is in a higher MoSCoW
    /// category, or confidence would have to exceed 1).
    pub changes: Vec<Change>,
}

impl fmt::Display for Change {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

/// For every ranked item after the first, the smallest change of each single input that would
/// move it past the item just ahead of it (`CHK-7 passes AUTH-2 if effort <= 2.6 (now 3)`).
///
/// "Passes" is the ranking core's order: a higher score, or an equal score when the item comes
/// earlier in the input. The limit is found by bisection over the `f64` values of the input,
/// scoring the changed item with the engine itself, so it is exact for the engine's arithmetic
/// and its tie rule: `exact` is the last value that passes. Only valid values are searched
/// (confidence up to 1, effort above 0, scores within `f64`). Under WSJF's strict scale, whose
/// engine rejects off-scale values, inputs get no change. The engine must be monotone in each
/// input, as RICE and WSJF are.
///
/// # Errors
///
/// As [`Backlog::rank`].
pub fn explain(backlog: &Backlog, engine: &dyn Engine) -> Result<Vec<Explanation>> {
    let ranking = backlog.rank(engine)?;
    // The engine as bound to this backlog, so probes score as the ranking did.
    let engine = ranking.engine();
    let mut explanations = Vec::with_capacity(ranking.len());
    let inputs = engine.inputs(backlog);
    let mut ahead: Option<(OrderKey, Item<'_>, Option<f64>)> = None;
    for entry in ranking.iter() {
        let item = entry.item();
        let mut changes = Vec::new();
        if let Some((target, ahead_item, _)) = ahead {
            let search =
                Search { engine, item, alignment: item.resolved_alignment(), index: entry.index(), target };
            for field in Field::NUMERIC.into_iter().filter(|field| inputs.contains(*field)) {
                if let Some(now) = item.number(field) {
                    changes.extend(search.changes(field, now, ahead_item.id()));
                }
            }
            changes.sort_by(|a: &Change, b: &Change| {
                a.relative_change.total_cmp(&b.relative_change).then(a.field.cmp(&b.field))
            });
        }
        explanations.push(Explanation {
            id: item.id().to_owned(),
            position: entry.position(),
            score: entry.score(),
            ahead: ahead.map(|(_, item, _)| item.id().to_owned()),
            ahead_score: ahead.and_then(|(_, _, score)| score),
            changes,
        });
        ahead = Some((order_key(entry.category(), entry.score(), entry.index()), item, entry.score()));
    }
    Ok(explanations)
}

struct Search<'a> {
    engine: &'a dyn Engine,
    item: Item<'a>,
    alignment: f64,
    index: usize,
    /// The order key of the item ahead: passing it means sorting before it.
    target: OrderKey,
}

impl Search<'_> {
    /// Whether the item with `field` set to `value` sorts before the target; `None` when the
    /// engine rejects the value (or its score overflows `f64`).
    fn passes(&self, probe: &mut BacklogItem, field: Field, value: f64) -> Option<bool> {
        probe.set_value(field.as_str(), value).ok()?;
        let probe = match self.item.backlog() {
            Some(backlog) => Item::probe(probe, self.alignment, backlog),
            None => Item::of(probe, self.alignment),
        };
        match evaluate(self.engine, &probe).ok()? {
            Some((category, score)) => Some(order_key(category, score, self.index) < self.target),
            None => Some(false),
        }
    }

    /// The value farthest from `now` towards `extreme` that the engine accepts: `extreme`, or
    /// else the last value before scores overflow.
    fn farthest(&self, probe: &mut BacklogItem, field: Field, now: f64, extreme: f64) -> f64 {
        if self.passes(probe, field, extreme).is_some() {
            return extreme;
        }
        let (mut valid, mut invalid) = (now.to_bits(), extreme.to_bits());
        while valid.abs_diff(invalid) > 1 {
            let middle = valid.min(invalid) + valid.abs_diff(invalid) / 2;
            if self.passes(probe, field, f64::from_bits(middle)).is_some() {
                valid = middle;
            } else {
                invalid = middle;
            }
        }
        f64::from_bits(valid)
    }

    /// The changes of `field` (at most one per direction) that pass the item ahead.
    fn changes(&self, field: Field, now: f64, ahead: &str) -> Vec<Change> {
        let mut probe = self.item.to_owned();
        let (lowest, highest) = limits(field);
        let mut changes = Vec::new();
        for (direction, extreme) in [(Direction::Up, highest), (Direction::Down, lowest)] {
            let beyond = match direction {
                Direction::Up => extreme > now,
                Direction::Down => extreme < now,
            };
            if !beyond {
                continue;
            }
            let extreme = self.farthest(&mut probe, field, now, extreme);
            if self.passes(&mut probe, field, extreme) != Some(true) {
                continue;
            }
            let Some(exact) = self.bisect(&mut probe, field, now, extreme) else { continue };
            let (bound, value) = self.rounded(&mut probe, field, exact, direction);
            let relative_change = if now == 0.0 { f64::INFINITY } else { (value - now).abs() / now };
            let message = format!(
                "{} passes {ahead} if {field} {} {value} (now {now})",
                self.item.id(),
                bound.symbol()
            );
            changes.push(Change { field, now, bound, value, exact, relative_change, message });
        }
        changes
    }

    /// The value closest to `now` that passes, between `now` (which does not) and `extreme`
    /// (which does); both non-negative, so their bit patterns order like the values.
    fn bisect(&self, probe: &mut BacklogItem, field: Field, now: f64, extreme: f64) -> Option<f64> {
        let (mut fails, mut passes) = (now.to_bits(), extreme.to_bits());
        while fails.abs_diff(passes) > 1 {
            let middle = fails.min(passes) + fails.abs_diff(passes) / 2;
            if self.passes(probe, field, f64::from_bits(middle))? {
                passes = middle;
            } else {
                fails = middle;
            }
        }
        Some(f64::from_bits(passes))
    }

    /// The limit as people read it, at 3 significant digits: the value `r` nearest `exact` when
    /// it passes (`<= r`, `>= r`); `r` strictly when it does not but `exact` is `r` up to
    /// rounding (`< r`, `> r`: `r` itself ties and loses the tie, while every value beyond it
    /// wins, save those within a few units in the last place, where `f64` rounding can restore
    /// the tie); else the next 3-digit value towards passing; `exact` itself if none of these.
    fn rounded(
        &self,
        probe: &mut BacklogItem,
        field: Field,
        exact: f64,
        direction: Direction,
    ) -> (Bound, f64) {
        let (inclusive, strict, step) = match direction {
            Direction::Up => (Bound::AtLeast, Bound::Above, 1),
            Direction::Down => (Bound::AtMost, Bound::Below, -1),
        };
        let text = format!("{exact:.2e}");
        let parts = text.split_once('e').and_then(|(mantissa, exponent)| {
            Some((mantissa.replace('.', "").parse::<i64>().ok()?, exponent.parse::<i32>().ok()?))
        });
        let Some((digits, exponent)) = parts else { return (inclusive, exact) };
        let at = |digits: i64| format!("{digits}e{}", exponent - 2).parse::<f64>().ok().filter(|v| *v >= 0.0);
        if let Some(nearest) = at(digits) {
            if self.passes(probe, field, nearest) == Some(true) {
                return (inclusive, nearest);
            }
            // Non-negative floats order like their bits: 16 steps is "a few units in the last place".
            if nearest.to_bits().abs_diff(exact.to_bits()) <= 16 {
                return (strict, nearest);
            }
        }
        match at(digits + step) {
            Some(next) if self.passes(probe, field, next) == Some(true) => (inclusive, next),
            _ => (inclusive, exact),
        }
    }
}

/// The lowest and highest valid value of a numeric field.
fn limits(field: Field) -> (f64, f64) {
    match field {
        // The smallest positive f64: an effort or a duration must be > 0.
        Field::Effort | Field::Duration => (f64::from_bits(1), f64::MAX),
        field => field.bounds().unwrap_or((0.0, f64::MAX)),
    }
}
