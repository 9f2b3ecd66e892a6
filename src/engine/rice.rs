//! RICE (Sean McBride, Intercom, 2016).

use super::hooks::{Hooks, Sealed};
use std::ops::Range;
use std::sync::Arc;

use super::breakdown::formula_names;
use super::{Breakdown, Engine, Evaluation, score_columns, score_item, values_of};
use crate::error::Result;
use crate::model::AlignmentWeight;
use crate::model::Backlog;
use crate::model::Item;
use crate::model::{Field, FieldSet};

/// RICE: `score = reach · impact · confidence / effort` (Sean McBride, Intercom, 2016).
///
/// Impact on Intercom's scale (massive 3, high 2, medium 1, low 0.5, minimal 0.25), confidence in
/// `0..=1` (high 100 %, medium 80 %, low 50 %), effort in person-months. Needs `reach`, `impact`,
/// `confidence` and `effort`.
///
/// ```
/// use prioritize::{Backlog, BacklogItem, Rice};
///
/// // Intercom's first example project: 450 · 3 · 100 % / 2 = 675.
/// let backlog = Backlog::from_items([
///     BacklogItem::builder("P1", "Project 1").reach(450).impact(3).confidence(1).effort(2).build()?,
/// ])?;
/// let ranking = backlog.rank(Rice::default())?;
/// assert_eq!(ranking.at(1).and_then(|entry| entry.score()), Some(675.0));
/// # Ok::<(), prioritize::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Rice {
    alignment_weight: AlignmentWeight,
}

impl Rice {
    /// The fields RICE reads.
    pub const FIELDS: [Field; 4] = [Field::Reach, Field::Impact, Field::Confidence, Field::Effort];

    /// The fields RICE reads, as a set.
    pub const INPUTS: FieldSet =
        FieldSet::EMPTY.with(Field::Reach).with(Field::Impact).with(Field::Confidence).with(Field::Effort);

    /// RICE with alignment weight `λ`: scores become `score · (1 − λ + λ · alignment)`.
    #[must_use]
    pub fn alignment_weight(mut self, weight: AlignmentWeight) -> Rice {
        self.alignment_weight = weight;
        self
    }

    /// The published formula, in its fixed order of operations.
    #[must_use]
    pub fn formula(reach: f64, impact: f64, confidence: f64, effort: f64) -> f64 {
        reach * impact * confidence / effort
    }
}

impl Engine for Rice {
    fn name(&self) -> &str {
        "rice"
    }

    fn inputs(&self, _backlog: &Backlog) -> FieldSet {
        Rice::INPUTS
    }

    fn evaluate(&self, item: &Item<'_>) -> Result<Evaluation> {
        score_item(self.name(), item, (Rice::FIELDS, self.alignment_weight), |[r, i, c, e]| {
            Rice::formula(r, i, c, e)
        })
    }

    fn breakdown(&self, item: &Item<'_>) -> Breakdown {
        let Some([reach, impact, confidence, effort]) = values_of(item, Rice::FIELDS) else {
            return Breakdown::new();
        };
        Breakdown::new()
            .with("reach", reach)
            .with("impact", impact)
            .with("confidence", confidence)
            .with("effort", effort)
            .with("rice", Rice::formula(reach, impact, confidence, effort))
            .with_alignment(self.alignment_weight, item.resolved_alignment())
    }

    fn hooks(&self) -> Option<&dyn Hooks> {
        Some(self)
    }
}

impl Sealed for Rice {}

impl Hooks for Rice {
    fn breakdown_names(&self) -> Option<Vec<&'static str>> {
        Some(formula_names(&["reach", "impact", "confidence", "effort", "rice"], self.alignment_weight))
    }

    fn evaluate_all(&self, backlog: &Backlog, range: Range<usize>, out: &mut Vec<Evaluation>) -> Result<()> {
        score_columns(
            self.name(),
            backlog,
            range,
            out,
            (Rice::FIELDS, self.alignment_weight),
            |[r, i, c, e]| Rice::formula(r, i, c, e),
        )
    }

    fn to_shared(&self) -> Option<Arc<dyn Engine>> {
        Some(Arc::new(*self))
    }
}
