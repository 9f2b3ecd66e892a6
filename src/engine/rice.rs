//! RICE (Sean McBride, Intercom, 2016).

use super::{Breakdown, Engine, Evaluation};
use crate::alignment::AlignmentWeight;
use crate::error::Result;
use crate::field::{Field, FieldSet};
use crate::item::BacklogItem;

/// RICE: `score = reach · impact · confidence / effort` (Sean McBride, Intercom, 2016).
///
/// Impact on Intercom's scale (massive 3, high 2, medium 1, low 0.5, minimal 0.25), confidence in
/// `0..=1` (high 100 %, medium 80 %, low 50 %), effort in person-months. Needs `reach`, `impact`,
/// `confidence` and `effort`.
///
/// ```
/// use prioritize::{BacklogItem, Engine, Evaluation, Rice};
///
/// // Intercom's first example project: 450 · 3 · 100 % / 2 = 675.
/// let item = BacklogItem::builder("P1", "Project 1").reach(450).impact(3).confidence(1).effort(2).build()?;
/// let Evaluation::Scored { score: Some(score), .. } = Rice::default().evaluate(&item, 0.0)? else {
///     unreachable!()
/// };
/// assert_eq!(*score, 675.0);
/// # Ok::<(), prioritize::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Rice {
    alignment_weight: AlignmentWeight,
}

impl Rice {
    /// The fields RICE reads.
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

    fn inputs_of(item: &BacklogItem) -> Option<[f64; 4]> {
        Some([item.reach()?.get(), item.impact()?.get(), item.confidence()?.get(), item.effort()?.get()])
    }
}

impl Engine for Rice {
    fn name(&self) -> &str {
        "rice"
    }

    fn inputs(&self) -> FieldSet {
        Rice::INPUTS
    }

    fn evaluate(&self, item: &BacklogItem, alignment: f64) -> Result<Evaluation> {
        match Rice::inputs_of(item) {
            Some([reach, impact, confidence, effort]) => {
                let score = Rice::formula(reach, impact, confidence, effort);
                Evaluation::score(item, self.name(), self.alignment_weight.apply(score, alignment))
            }
            None => Ok(Evaluation::missing(item, Rice::INPUTS)),
        }
    }

    fn breakdown(&self, item: &BacklogItem, alignment: f64) -> Breakdown {
        let Some([reach, impact, confidence, effort]) = Rice::inputs_of(item) else {
            return Breakdown::new();
        };
        Breakdown::new()
            .with("reach", reach)
            .with("impact", impact)
            .with("confidence", confidence)
            .with("effort", effort)
            .with("rice", Rice::formula(reach, impact, confidence, effort))
            .with_alignment(self.alignment_weight, alignment)
    }
}
