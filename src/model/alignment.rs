//! Strategic objectives, an item's alignment with them, and the weight alignment gets in a score.

use std::collections::BTreeMap;

use crate::error::{Error, PlanDetail, Result, SectionDetail};
use crate::model::number::Fraction;

/// A strategic goal with a weight (`> 0`), such as `growth` weighted 3 and `retention` 1.
///
/// ```
/// use prioritize::Objective;
///
/// let growth = Objective::new("growth", 3.0)?;
/// assert_eq!((growth.id(), growth.weight()), ("growth", 3.0));
/// assert!(Objective::new("growth", 0.0).is_err());
/// # Ok::<(), prioritize::Error>(())
/// ```
///
/// An objective may instead take its weight from pairwise comparisons
/// ([`Objective::compared`]): the backlog that holds it computes the weight from its
/// `objectives` comparisons.
#[derive(Debug, Clone)]
#[cfg_attr(feature = "serde", derive(serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "RawObjective", deny_unknown_fields))]
pub struct Objective {
    id: String,
    /// NaN for a compared objective outside a backlog.
    weight: f64,
    compared: bool,
}

/// Equal ids, weights (by their bits) and ways of being weighted.
impl PartialEq for Objective {
    fn eq(&self, other: &Objective) -> bool {
        self.id == other.id
            && self.weight.to_bits() == other.weight.to_bits()
            && self.compared == other.compared
    }
}

/// Writes `{"id": .., "weight": ..}`, or `{"id": ..}` for a compared objective (its weight is
/// the comparisons').
#[cfg(feature = "serde")]
impl serde::Serialize for Objective {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut objective = serializer.serialize_struct("Objective", 2 - usize::from(self.compared))?;
        objective.serialize_field("id", &self.id)?;
        if !self.compared {
            objective.serialize_field("weight", &self.weight)?;
        }
        objective.end()
    }
}

impl Objective {
    /// What a weight allows, as error messages say it.
    pub const ALLOWED_WEIGHT: &'static str = "the finite numbers > 0";

    /// An objective with a non-empty `id` and a finite `weight > 0`.
    ///
    /// # Errors
    ///
    /// a [`Value`](crate::ErrorKind::Value) error for an empty id or a weight that is not a finite number `> 0`.
    pub fn new(id: impl Into<String>, weight: f64) -> Result<Objective> {
        let id = id.into();
        if id.is_empty() {
            return Err(Error::from(SectionDetail::InvalidObjective {
                objective: id,
                field: "id",
                value: "\"\"".into(),
                allowed: "the non-empty strings",
            }));
        }
        if !(weight.is_finite() && weight > 0.0) {
            return Err(Error::from(SectionDetail::InvalidObjective {
                objective: id,
                field: "weight",
                value: weight.to_string(),
                allowed: Self::ALLOWED_WEIGHT,
            }));
        }
        Ok(Objective { id, weight, compared: false })
    }

    /// An objective weighted by pairwise comparisons: a backlog computes its weight from its
    /// `objectives` comparisons ([`BacklogBuilder::comparisons`](crate::model::BacklogBuilder::comparisons)),
    /// as the principal eigenvector of Saaty's Analytic Hierarchy Process, normalised to sum 1
    /// over the objectives compared.
    ///
    /// ```
    /// use prioritize::judgment::Comparison;
    /// use prioritize::{Backlog, Objective};
    ///
    /// let backlog = Backlog::builder()
    ///     .objectives([Objective::compared("growth")?, Objective::compared("retention")?])
    ///     .comparisons("objectives", [Comparison::new("growth", "retention", 3.0)?])
    ///     .build()?;
    /// let weights: Vec<f64> = backlog.objectives().iter().map(Objective::weight).collect();
    /// assert_eq!(weights, [0.75, 0.25]);
    /// assert!(Objective::compared("growth")?.weight().is_nan()); // outside a backlog
    /// # Ok::<(), prioritize::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// a [`Value`](crate::ErrorKind::Value) error for an empty id.
    pub fn compared(id: impl Into<String>) -> Result<Objective> {
        let objective = Objective::new(id, 1.0)?;
        Ok(Objective { weight: f64::NAN, compared: true, ..objective })
    }

    /// Whether the objective takes its weight from comparisons ([`Objective::compared`]).
    #[must_use]
    pub fn is_compared(&self) -> bool {
        self.compared
    }

    /// The compared objective with the weight its backlog computed.
    pub(crate) fn with_compared_weight(self, weight: f64) -> Objective {
        Objective { weight, ..self }
    }

    /// The objective's id.
    #[must_use]
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The objective's weight; for a [compared](Objective::compared) one, the weight its
    /// backlog computed (NaN outside a backlog).
    #[must_use]
    pub fn weight(&self) -> f64 {
        self.weight
    }
}

#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct RawObjective {
    id: String,
    /// Absent: the weight comes from comparisons.
    weight: Option<f64>,
}

#[cfg(feature = "serde")]
impl TryFrom<RawObjective> for Objective {
    type Error = Error;

    fn try_from(raw: RawObjective) -> Result<Objective> {
        match raw.weight {
            Some(weight) => Objective::new(raw.id, weight),
            None => Objective::compared(raw.id),
        }
    }
}

/// How strongly an item serves the strategic objectives.
///
/// Either one number in `0..=1`, or a contribution in `0..=1` per objective, combined as the
/// weighted mean over *all* of the backlog's objectives (an objective the item does not name
/// contributes 0): `alignment = Σ weight_o · contribution_o / Σ weight_o`.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(untagged))]
pub enum Alignment {
    /// One number for all objectives.
    Overall(Fraction),
    /// A contribution per objective id, kept sorted by id.
    PerObjective(BTreeMap<String, Fraction>),
}

impl Alignment {
    /// The alignment in `0..=1` with the given objectives.
    ///
    /// Per-objective contributions are weighted by their objectives; a contribution to an
    /// objective missing from `objectives` counts for nothing (a [`Backlog`](crate::Backlog)
    /// rejects such items when it is built). With no objectives, per-objective alignment is 0.
    ///
    /// ```
    /// use std::collections::BTreeMap;
    /// use prioritize::{Alignment, Objective};
    /// use prioritize::model::Fraction;
    ///
    /// let objectives = [Objective::new("growth", 3.0)?, Objective::new("retention", 1.0)?];
    /// let alignment = Alignment::PerObjective(BTreeMap::from([
    ///     ("growth".to_owned(), Fraction::new(1.0)?),
    /// ]));
    /// assert_eq!(alignment.resolve(&objectives), 0.75);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn resolve(&self, objectives: &[Objective]) -> f64 {
        match self {
            Alignment::Overall(value) => value.get(),
            Alignment::PerObjective(contributions) => weighted_mean(objectives, |at| {
                contributions.get(objectives[at].id()).map(|contribution| contribution.get())
            }),
        }
    }
}

/// `Σ weight_o · contribution_o / Σ weight_o` over every objective, in their order; `contribution`
/// gives the contribution to the objective at a position (`None`: it contributes 0).
pub(crate) fn weighted_mean(objectives: &[Objective], contribution: impl Fn(usize) -> Option<f64>) -> f64 {
    let scale = weight_scale(objectives);
    let weight = |objective: &Objective| objective.weight() * scale;
    let total: f64 = objectives.iter().map(weight).sum();
    if total == 0.0 {
        return 0.0;
    }
    let weighted: f64 = objectives
        .iter()
        .enumerate()
        .map(|(at, objective)| contribution(at).map_or(0.0, |c| weight(objective) * c))
        .sum();
    // Rounding can push the mean a hair above 1; the definition keeps it in 0..=1.
    (weighted / total).min(1.0)
}

/// A power of two to multiply every weight by, so that the sums cannot overflow (weights near
/// `f64::MAX`) and products with tiny weights do not underflow (subnormal weights); 1 for every
/// weight between 2^-511 and 2^511. A power of two scales exactly, so the mean is unchanged.
fn weight_scale(objectives: &[Objective]) -> f64 {
    scale_for(objectives.iter().map(Objective::weight).fold(0.0, f64::max))
}

/// The power of two of [`weight_scale`] for weights whose largest is `largest` (raters' weights
/// use it too).
pub(crate) fn scale_for(largest: f64) -> f64 {
    const LIMIT: f64 = f64::from_bits((1023 + 511) << 52); // 2^511
    const DOWN: f64 = f64::from_bits((1023 - 600) << 52); // 2^-600
    const UP: f64 = f64::from_bits((1023 + 600) << 52); // 2^600
    if largest > LIMIT {
        DOWN
    } else if largest > 0.0 && largest < 1.0 / LIMIT {
        UP
    } else {
        1.0
    }
}

/// The weight `λ` in `0..=1` that strategic alignment gets in a score (default 0).
///
/// Any engine's score becomes `score · (1 − λ + λ · alignment)`; an item without alignment has
/// alignment 0. With `λ = 0` every published formula is untouched.
///
/// ```
/// use prioritize::AlignmentWeight;
///
/// let weight = AlignmentWeight::new(0.5)?;
/// assert_eq!(weight.apply(400.0, 1.0), 400.0);
/// assert_eq!(weight.apply(400.0, 0.0), 200.0);
/// assert_eq!(AlignmentWeight::default().apply(400.0, 0.0), 400.0);
/// # Ok::<(), prioritize::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd, Default)]
pub struct AlignmentWeight(f64);

impl AlignmentWeight {
    /// Checks that `weight` is in `0..=1`.
    ///
    /// # Errors
    ///
    /// a [`Parameter`](crate::ErrorKind::Parameter) error when `weight` is NaN or outside `0..=1`.
    pub fn new(weight: f64) -> Result<AlignmentWeight> {
        Fraction::new(weight).map(|w| AlignmentWeight(w.get())).map_err(|_| {
            Error::from(PlanDetail::InvalidParameter {
                parameter: "alignment_weight",
                value: weight.to_string(),
                allowed: "0..=1",
            })
        })
    }

    /// `λ`.
    #[must_use]
    pub const fn get(self) -> f64 {
        self.0
    }

    /// Whether `λ` is 0, so scores are the published formulas unchanged.
    #[must_use]
    pub fn is_zero(self) -> bool {
        self.0 == 0.0
    }

    /// The factor `1 − λ + λ · alignment` a score is multiplied by.
    #[must_use]
    pub fn factor(self, alignment: f64) -> f64 {
        1.0 - self.0 + self.0 * alignment
    }

    /// `score · (1 − λ + λ · alignment)`; exactly `score` when `λ = 0`.
    #[must_use]
    pub fn apply(self, score: f64, alignment: f64) -> f64 {
        if self.is_zero() { score } else { score * self.factor(alignment) }
    }
}
