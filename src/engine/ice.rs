//! ICE (Sean Ellis; Itamar Gilad).

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

/// How ICE combines its three inputs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum IceVariant {
    /// The product `impact · confidence · ease`, as Sean Ellis published it.
    #[default]
    Product,
    /// The mean `(impact + confidence + ease) / 3`, which some teams use so that one low input
    /// does not sink an item.
    Average,
}

/// ICE (Sean Ellis; Itamar Gilad): `impact · confidence · ease`, or the average of the three
/// ([`IceVariant::Average`]); the choice is explicit.
///
/// ICE's authors rate confidence from 0 to 10, so ICE reads the item's confidence (a fraction in
/// `0..=1`, as RICE reads it) times 10: a confidence of 0.6, or `"60%"`, counts 6. Needs
/// `impact`, `confidence` and `ease`.
///
/// ```
/// use prioritize::{Backlog, BacklogItem, Ice};
/// use prioritize::engine::IceVariant;
///
/// // The published example: impact 8, confidence 6 out of 10, ease 3 gives 8 · 6 · 3 = 144.
/// let backlog = Backlog::from_items([
///     BacklogItem::builder("A", "Referral bonus").impact(8).confidence(0.6).ease(3).build()?,
/// ])?;
/// assert_eq!(backlog.rank(Ice::default())?.at(1).and_then(|e| e.score()), Some(144.0));
/// let average = Ice::default().variant(IceVariant::Average);
/// assert_eq!(backlog.rank(average)?.at(1).and_then(|e| e.score()), Some(17.0 / 3.0));
/// # Ok::<(), prioritize::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Ice {
    alignment_weight: AlignmentWeight,
    variant: IceVariant,
}

impl Ice {
    /// The fields ICE reads, in order.
    pub const FIELDS: [Field; 3] = [Field::Impact, Field::Confidence, Field::Ease];

    /// The fields ICE reads, as a set.
    pub const INPUTS: FieldSet =
        FieldSet::EMPTY.with(Field::Impact).with(Field::Confidence).with(Field::Ease);

    /// ICE with alignment weight `λ`: scores become `score · (1 − λ + λ · alignment)`.
    #[must_use]
    pub fn alignment_weight(mut self, weight: AlignmentWeight) -> Ice {
        self.alignment_weight = weight;
        self
    }

    /// ICE combining its inputs by `variant`.
    #[must_use]
    pub fn variant(mut self, variant: IceVariant) -> Ice {
        self.variant = variant;
        self
    }

    /// The item's confidence on ICE's 0..=10 scale: the stored fraction times 10.
    #[must_use]
    pub fn confidence_out_of_ten(confidence: f64) -> f64 {
        confidence * 10.0
    }

    /// The score of one item's values by this variant, in its fixed order of operations:
    /// `impact · (confidence · 10) · ease`, or `(impact + confidence · 10 + ease) / 3`.
    #[must_use]
    pub fn formula(&self, impact: f64, confidence: f64, ease: f64) -> f64 {
        let confidence = Ice::confidence_out_of_ten(confidence);
        match self.variant {
            IceVariant::Product => impact * confidence * ease,
            IceVariant::Average => (impact + confidence + ease) / 3.0,
        }
    }
}

impl Engine for Ice {
    fn name(&self) -> &str {
        "ice"
    }

    fn inputs(&self, _backlog: &Backlog) -> FieldSet {
        Ice::INPUTS
    }

    fn evaluate(&self, item: &Item<'_>) -> Result<Evaluation> {
        score_item(self.name(), item, (Ice::FIELDS, self.alignment_weight), |[i, c, e]| self.formula(i, c, e))
    }

    fn breakdown(&self, item: &Item<'_>) -> Breakdown {
        let Some([impact, confidence, ease]) = values_of(item, Ice::FIELDS) else {
            return Breakdown::new();
        };
        Breakdown::new()
            .with("impact", impact)
            .with("confidence", confidence)
            .with("confidence_out_of_10", Ice::confidence_out_of_ten(confidence))
            .with("ease", ease)
            .with("ice", self.formula(impact, confidence, ease))
            .with_alignment(self.alignment_weight, item.resolved_alignment())
    }

    fn hooks(&self) -> Option<&dyn Hooks> {
        Some(self)
    }
}

impl Sealed for Ice {}

impl Hooks for Ice {
    fn breakdown_names(&self) -> Option<Vec<&'static str>> {
        Some(formula_names(
            &["impact", "confidence", "confidence_out_of_10", "ease", "ice"],
            self.alignment_weight,
        ))
    }

    fn evaluate_all(&self, backlog: &Backlog, range: Range<usize>, out: &mut Vec<Evaluation>) -> Result<()> {
        let fields = (Ice::FIELDS, self.alignment_weight);
        score_columns(self.name(), backlog, range, out, fields, |[i, c, e]| self.formula(i, c, e))
    }

    fn to_shared(&self) -> Option<Arc<dyn Engine>> {
        Some(Arc::new(*self))
    }
}
