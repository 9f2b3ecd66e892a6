//! The value/effort matrix: quick wins, big bets, fill-ins and time sinks.
//!
//! Two parts: [`quadrants`] reads each ranked item's value and effort by the framework's
//! [`Axes`] (the only code here that looks at items), and a pure core ([`SplitLines`]) that
//! places the split lines and classifies `(value, effort)` pairs.

use std::fmt;

use crate::error::{EngineDetail, Error, Result};
use crate::model::{Field, NonNegative};
use crate::ranking::Ranking;

/// A quadrant of the value/effort matrix. "High" means on or above the split line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize), serde(rename_all = "snake_case"))]
pub enum Quadrant {
    /// High value, low effort: do these first.
    QuickWin,
    /// High value, high effort: worth it, but plan for them.
    BigBet,
    /// Low value, low effort: when there is room.
    FillIn,
    /// Low value, high effort: question them.
    TimeSink,
}

impl Quadrant {
    /// The four quadrants: quick wins, big bets, fill-ins, time sinks.
    pub const ALL: [Quadrant; 4] =
        [Quadrant::QuickWin, Quadrant::BigBet, Quadrant::FillIn, Quadrant::TimeSink];

    /// The quadrant of an item whose value and effort are high or not.
    #[must_use]
    pub const fn of(high_value: bool, high_effort: bool) -> Quadrant {
        match (high_value, high_effort) {
            (true, false) => Quadrant::QuickWin,
            (true, true) => Quadrant::BigBet,
            (false, false) => Quadrant::FillIn,
            (false, true) => Quadrant::TimeSink,
        }
    }

    /// The name as JSON writes it: `quick_win`, `big_bet`, `fill_in`, `time_sink`.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Quadrant::QuickWin => "quick_win",
            Quadrant::BigBet => "big_bet",
            Quadrant::FillIn => "fill_in",
            Quadrant::TimeSink => "time_sink",
        }
    }

    /// The name people read: "Quick wins", "Big bets", "Fill-ins", "Time sinks".
    #[must_use]
    pub const fn label(self) -> &'static str {
        match self {
            Quadrant::QuickWin => "Quick wins",
            Quadrant::BigBet => "Big bets",
            Quadrant::FillIn => "Fill-ins",
            Quadrant::TimeSink => "Time sinks",
        }
    }
}

impl fmt::Display for Quadrant {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Where the split lines go.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub enum Split {
    /// The medians of value and of effort over the items that have both; with an even count, the
    /// mean of the two middle values.
    #[default]
    Median,
    /// The means of value and of effort over the items that have both.
    Mean,
    /// Fixed lines.
    Fixed {
        /// The value line.
        value: NonNegative,
        /// The effort line.
        effort: NonNegative,
    },
}

/// The split lines: a value on or above `value` is high, an effort on or above `effort` is high.
///
/// ```
/// use prioritize::analysis::{Quadrant, Split, SplitLines};
///
/// let points = [(10.0, 1.0), (40.0, 2.0), (20.0, 8.0), (30.0, 4.0)];
/// let lines = SplitLines::new(Split::Median, &points).expect("four points");
/// // Values 10, 20, 30, 40: the median is (20 + 30) / 2 = 25; efforts 1, 2, 4, 8: (2 + 4) / 2 = 3.
/// assert_eq!((lines.value, lines.effort), (25.0, 3.0));
/// assert_eq!(lines.classify(40.0, 2.0), Quadrant::QuickWin);
/// assert_eq!(lines.classify(25.0, 3.0), Quadrant::BigBet); // on both lines: high and high
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct SplitLines {
    /// The value line.
    pub value: f64,
    /// The effort line.
    pub effort: f64,
}

impl SplitLines {
    /// The lines `split` places among `points` (`(value, effort)` pairs); `None` for a median or
    /// mean split of no points. Points are expected finite, as [`quadrants`] gives them.
    #[must_use]
    pub fn new(split: Split, points: &[(f64, f64)]) -> Option<SplitLines> {
        let mut values: Vec<f64> = points.iter().map(|&(value, _)| value).collect();
        let mut efforts: Vec<f64> = points.iter().map(|&(_, effort)| effort).collect();
        match split {
            Split::Median => Some(SplitLines { value: median(&mut values)?, effort: median(&mut efforts)? }),
            Split::Mean => Some(SplitLines { value: mean(&values)?, effort: mean(&efforts)? }),
            Split::Fixed { value, effort } => Some(SplitLines { value: value.get(), effort: effort.get() }),
        }
    }

    /// The quadrant of a point; on a line counts as high.
    #[must_use]
    pub fn classify(self, value: f64, effort: f64) -> Quadrant {
        Quadrant::of(value >= self.value, effort >= self.effort)
    }
}

/// The median; with an even count, the mean of the two middle values.
fn median(values: &mut [f64]) -> Option<f64> {
    values.sort_by(f64::total_cmp);
    let n = values.len();
    match n {
        0 => None,
        _ if n % 2 == 1 => Some(values[n / 2]),
        _ => Some(midpoint(values[n / 2 - 1], values[n / 2])),
    }
}

/// `(a + b) / 2`, without overflowing when the sum would.
fn midpoint(a: f64, b: f64) -> f64 {
    let sum = a + b;
    if sum.is_finite() { sum / 2.0 } else { a / 2.0 + b / 2.0 }
}

/// The mean: the sum over the count, or the sum of each value over the count when the plain sum
/// would overflow.
fn mean(values: &[f64]) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    let n = values.len() as f64;
    let sum: f64 = values.iter().sum();
    Some(if sum.is_finite() { sum / n } else { values.iter().map(|value| value / n).sum() })
}

/// The value/effort matrix of a ranking: each item's quadrant, in ranking order.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct Quadrants {
    /// The engine's name.
    pub framework: String,
    /// The split lines; `None` (`null` in JSON) for a median or mean split of no items.
    pub split: Option<SplitLines>,
    /// The items that have a value and an effort, in ranking order.
    pub items: Vec<QuadrantItem>,
    /// The items that lack a value or an effort: first the ranked ones, in ranking order, then
    /// the unscored ones, in input order.
    pub excluded: Vec<Unclassified>,
}

impl Quadrants {
    /// The items in `quadrant`, in ranking order.
    pub fn of(&self, quadrant: Quadrant) -> impl Iterator<Item = &QuadrantItem> + '_ {
        self.items.iter().filter(move |item| item.quadrant == quadrant)
    }
}

/// One item of the matrix.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct QuadrantItem {
    /// The item's id.
    pub id: String,
    /// The item's title.
    pub title: String,
    /// Its value by the framework's value rule.
    pub value: f64,
    /// Its effort.
    pub effort: f64,
    /// Its quadrant.
    pub quadrant: Quadrant,
}

/// An item left out of the matrix, with what it lacks.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct Unclassified {
    /// The item's id.
    pub id: String,
    /// The interchange names of the fields it lacks, or `score` when the engine gives it none.
    pub missing: Vec<String>,
}

/// How a framework's value is computed from an item's fields.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ValueRule {
    /// The product of the fields, left to right.
    Product(&'static [Field]),
    /// The sum of the fields, left to right.
    Sum(&'static [Field]),
    /// The engine's score times the effort.
    ScoreTimesEffort,
}

/// How the matrix measures a framework's items: what their value is, and which field is their
/// effort.
///
/// Value is what the framework's score divides by effort: RICE `reach · impact · confidence`,
/// WSJF the cost of delay `business_value + time_criticality + risk_reduction`, CD3 the
/// `cost_of_delay`, and any other engine (ICE, opportunity scoring, MoSCoW with a secondary
/// engine, an engine of your own) its score times the effort. Effort is the item's `effort`, or
/// CD3's `duration`.
///
/// ```
/// use prioritize::Field;
/// use prioritize::analysis::Axes;
///
/// assert_eq!(Axes::of("rice").value(), "reach × impact × confidence");
/// assert_eq!((Axes::of("cd3").value(), Axes::of("cd3").effort()), ("cost of delay", Field::Duration));
/// assert_eq!((Axes::of("ice").value(), Axes::of("ice").effort()), ("score × effort", Field::Effort));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Axes {
    rule: ValueRule,
    value: &'static str,
    effort: Field,
}

impl Axes {
    /// The axes of the framework named `framework` (an engine's [`name`](crate::Engine::name)).
    /// A framework of its own is one match arm here; any other name (`ice`, `opportunity`,
    /// `moscow`, ...) falls back to score times effort.
    #[must_use]
    pub fn of(framework: &str) -> Axes {
        let (rule, value, effort) = match framework {
            "rice" => (
                ValueRule::Product(&[Field::Reach, Field::Impact, Field::Confidence]),
                "reach × impact × confidence",
                Field::Effort,
            ),
            "wsjf" => (
                ValueRule::Sum(&[Field::BusinessValue, Field::TimeCriticality, Field::RiskReduction]),
                "cost of delay",
                Field::Effort,
            ),
            "cd3" => (ValueRule::Product(&[Field::CostOfDelay]), "cost of delay", Field::Duration),
            _ => (ValueRule::ScoreTimesEffort, "score × effort", Field::Effort),
        };
        Axes { rule, value, effort }
    }

    /// What the value is, in words: `reach × impact × confidence`, `cost of delay` or
    /// `score × effort`.
    #[must_use]
    pub fn value(self) -> &'static str {
        self.value
    }

    /// The field read as effort: [`Field::Effort`], or [`Field::Duration`] for CD3.
    #[must_use]
    pub fn effort(self) -> Field {
        self.effort
    }

    /// The fields the value and the effort are read from (none for a value by score).
    fn fields(self) -> impl Iterator<Item = Field> {
        let value: &[Field] = match self.rule {
            ValueRule::Product(fields) | ValueRule::Sum(fields) => fields,
            ValueRule::ScoreTimesEffort => &[],
        };
        value.iter().copied().chain([self.effort])
    }
}

/// One item as the value rule reads it.
struct Reading {
    id: String,
    title: String,
    /// `(value, effort)`, or the names of what the item lacks.
    measured: std::result::Result<(f64, f64), Vec<String>>,
}

/// The one place that reads the model: each ranked item's id, title, value and effort (or what
/// it lacks), in ranking order, then each unscored item's id and what it lacks, in input order.
fn read(ranking: &Ranking<'_>) -> (Vec<Reading>, Vec<Unclassified>) {
    let axes = Axes::of(ranking.engine_name());
    let readings = ranking
        .iter()
        .map(|entry| {
            let item = entry.item();
            let mut missing: Vec<String> = axes
                .fields()
                .filter(|&field| item.number(field).is_none())
                .map(|field| field.as_str().to_owned())
                .collect();
            let effort = item.number(axes.effort);
            let value = match axes.rule {
                ValueRule::Product(fields) => fields.iter().map(|&f| item.number(f)).product::<Option<f64>>(),
                ValueRule::Sum(fields) => fields.iter().map(|&f| item.number(f)).sum::<Option<f64>>(),
                ValueRule::ScoreTimesEffort => {
                    if entry.score().is_none() {
                        missing.insert(0, "score".to_owned());
                    }
                    entry.score().zip(effort).map(|(score, effort)| score * effort)
                }
            };
            let measured = match (value, effort) {
                (Some(value), Some(effort)) if missing.is_empty() => Ok((value, effort)),
                _ => Err(missing),
            };
            Reading { id: item.id().to_owned(), title: item.title().to_owned(), measured }
        })
        .collect();
    let unscored = ranking
        .unscored()
        .map(|entry| {
            let item = entry.item();
            let mut missing: Vec<String> = entry.missing_names().into_iter().map(str::to_owned).collect();
            for field in axes.fields() {
                if item.number(field).is_none() && !missing.iter().any(|name| name == field.as_str()) {
                    missing.push(field.as_str().to_owned());
                }
            }
            Unclassified { id: item.id().to_owned(), missing }
        })
        .collect();
    (readings, unscored)
}

/// The value/effort matrix of `ranking`, split as `split` says.
///
/// An item's **value** and **effort** are read by the framework's [`Axes`]: value is what the
/// framework's score divides by effort (RICE `reach · impact · confidence`, WSJF and CD3 the cost
/// of delay, any other engine its score times the effort), effort is the item's `effort` (CD3:
/// `duration`). Values read from fields are the published ones, without the alignment weight; a
/// value by score includes whatever the score includes.
///
/// The split lines ([`Split`]) are placed among the items that have both (the medians by
/// default); an item on a line counts as high. Items that lack a value or an effort are excluded
/// with what they lack: the ranked ones by the value rule's fields (`score` for an engine that
/// gives none, such as MoSCoW without a secondary engine), the unscored ones by the fields the
/// engine needs and the value rule's fields.
///
/// ```
/// use prioritize::analysis::{Quadrant, Split, quadrants};
/// use prioritize::{Backlog, BacklogItem, Rice};
///
/// let backlog = Backlog::from_items([
///     BacklogItem::builder("A", "a").reach(100).impact(2).confidence(1).effort(1).build()?,
///     BacklogItem::builder("B", "b").reach(100).impact(1).confidence(1).effort(4).build()?,
///     BacklogItem::builder("C", "c").reach(300).impact(1).confidence(1).effort(5).build()?,
///     BacklogItem::builder("D", "d").reach(50).build()?,
/// ])?;
/// let matrix = quadrants(&backlog.rank(Rice::default())?, Split::Median)?;
/// // Values 200, 100, 300 (median 200); efforts 1, 4, 5 (median 4).
/// let rows: Vec<(&str, f64, Quadrant)> =
///     matrix.items.iter().map(|item| (item.id.as_str(), item.value, item.quadrant)).collect();
/// assert_eq!(rows, [
///     ("A", 200.0, Quadrant::QuickWin),
///     ("C", 300.0, Quadrant::BigBet),
///     ("B", 100.0, Quadrant::TimeSink),
/// ]);
/// assert_eq!(matrix.excluded[0].missing, ["impact", "confidence", "effort"]);
/// # Ok::<(), prioritize::Error>(())
/// ```
///
/// # Errors
///
/// a [`Value`](crate::ErrorKind::Value) error naming the item when its value overflows `f64` (a score times an
/// effort can).
pub fn quadrants(ranking: &Ranking<'_>, split: Split) -> Result<Quadrants> {
    let framework = ranking.engine_name().to_owned();
    let (readings, unscored) = read(ranking);
    let mut measured = Vec::with_capacity(readings.len());
    let mut excluded = Vec::new();
    for Reading { id, title, measured: reading } in readings {
        match reading {
            Ok((value, _)) if !value.is_finite() => {
                return Err(Error::from(EngineDetail::ScoreOverflow { item: id, framework, value }));
            }
            Ok((value, effort)) => measured.push((id, title, value, effort)),
            Err(missing) => excluded.push(Unclassified { id, missing }),
        }
    }
    excluded.extend(unscored);
    let points: Vec<(f64, f64)> = measured.iter().map(|&(_, _, value, effort)| (value, effort)).collect();
    let split = SplitLines::new(split, &points);
    let items = measured
        .into_iter()
        .map(|(id, title, value, effort)| {
            // Without lines there are no points to classify.
            let quadrant = split.map_or(Quadrant::QuickWin, |lines| lines.classify(value, effort));
            QuadrantItem { id, title, value, effort, quadrant }
        })
        .collect();
    Ok(Quadrants { framework, split, items, excluded })
}
