//! Formulas: a team's own score as an expression over the item's fields.

mod bound;
mod parse;
mod program;

use crate::engine::hooks::{Hooks, Sealed};
use std::fmt;
use std::ops::Range;
use std::str::FromStr;
use std::sync::Arc;

use super::named::Named;
use super::{Breakdown, Engine, Evaluation};
use crate::error::{EngineDetail, Error, Result};
use crate::model::AlignmentWeight;
use crate::model::Backlog;
use crate::model::Criterion;
use crate::model::FieldSet;
use crate::model::Item;
use bound::BoundFormula;
use program::Program;

/// A score of the team's own: an expression over the item's numeric fields, as Jira Product
/// Discovery, airfocus and Productboard offer custom formulas.
///
/// # The language
///
/// - **Numbers**: `2`, `0.5`, `.5`, `1e3`, `2.5E-2`.
/// - **Names**: the numeric built-in fields (`reach`, `impact`, `confidence`, `effort`,
///   `business_value`, `time_criticality`, `risk_reduction`, `ease`, `cost_of_delay`,
///   `duration`, `importance`, `satisfaction`), the backlog's declared criteria by id, and
///   `alignment` (the item's alignment in `0..=1`, resolved against the objectives). Names are
///   case-sensitive, as the interchange format spells them. Confidence is the stored fraction
///   (0.8 for 80 %).
/// - **Operators**: `+ - * /`, `^` (power), unary minus, and parentheses.
/// - **Functions**: `min(a, b, ...)` and `max(a, b, ...)` (one argument or more), `sqrt(x)`,
///   `ln(x)` (natural logarithm), `log10(x)` and `abs(x)`. A name is a function only when `(`
///   follows it, so a criterion may be called `max`.
///
/// Precedence, tightest first: `^`, which is right-associative (`2^3^2` is `2^9` = 512) and
/// binds tighter than a unary minus before it (`-2^2` is -4; `2^-1` is 0.5); then unary minus;
/// then `*` and `/`; then `+` and `-`; each of these left-associative (`8 / 4 / 2` is 1).
/// Spaces are free. Operations follow IEEE 754 `f64` arithmetic in the order written, so
/// `reach * impact * confidence / effort` gives exactly [`Rice`](crate::Rice)'s scores.
///
/// # Scoring
///
/// An item that lacks a field the formula names is unscored, with that field among the ones it
/// lacks (even where the formula would not need it, as in `max(reach, 0)` or `reach ^ 0`). A
/// result that is not finite for an item with every input present (`1 / 0`, `sqrt(-1)`,
/// `ln(0)`, or too large for `f64`) is a [`Value`](crate::ErrorKind::Value) error naming the item. As
/// every engine, a formula has an [`alignment_weight`](Formula::alignment_weight).
///
/// A ranking checks the names against its backlog once, and evaluates the formula a batch of
/// items at a time, one operation over the whole batch, from the backlog's columns.
///
/// ```
/// use prioritize::{Backlog, BacklogItem, Criterion, Formula};
///
/// let backlog = Backlog::builder()
///     .criterion(Criterion::new("revenue")?)
///     .item(BacklogItem::builder("A", "a").value("revenue", 8).effort(4).confidence(0.5).build()?)
///     .item(BacklogItem::builder("B", "b").value("revenue", 3).effort(1).confidence(1).build()?)
///     .build()?;
/// let formula = Formula::parse("revenue * confidence / sqrt(effort)")?;
/// let ranking = backlog.rank(&formula)?;
/// let scores: Vec<(&str, Option<f64>)> = ranking.iter().map(|e| (e.item().id(), e.score())).collect();
/// assert_eq!(scores, [("B", Some(3.0)), ("A", Some(2.0))]);
/// assert_eq!(ranking.at(2).expect("A").breakdown().get("formula"), Some(2.0));
///
/// let error = Formula::parse("reach * ").unwrap_err();
/// assert_eq!(error.to_string(), r#"formula "reach * ": at character 9: expected a number, a name or "(""#);
/// # Ok::<(), prioritize::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Formula {
    text: String,
    program: Program,
    alignment_weight: AlignmentWeight,
}

impl Formula {
    /// Parses a formula.
    ///
    /// # Errors
    ///
    /// a [`Syntax`](crate::ErrorKind::Syntax) error naming the character (from 1) where the text stops being a
    /// formula and what was expected there:
    ///
    /// ```
    /// use prioritize::Formula;
    ///
    /// let message = |text: &str| Formula::parse(text).unwrap_err().to_string();
    /// assert_eq!(message("reach * (impact"), r#"formula "reach * (impact": at character 16: expected an operator (+ - * / ^) or ")""#);
    /// assert_eq!(message("reach % 2"), r#"formula "reach % 2": at character 7: expected an operator (+ - * / ^) or the end"#);
    /// assert_eq!(message("log(reach)"), r#"formula "log(reach)": at character 1: unknown function "log" (expected min, max, sqrt, ln, log10 or abs)"#);
    /// ```
    ///
    /// Names are checked when the formula ranks a backlog (a [`Structure`](crate::ErrorKind::Structure) error).
    pub fn parse(text: &str) -> Result<Formula> {
        let program = parse::parse(text)?;
        Ok(Formula { text: text.to_owned(), program, alignment_weight: AlignmentWeight::default() })
    }

    /// The formula with alignment weight `λ`: scores become `score · (1 − λ + λ · alignment)`.
    #[must_use]
    pub fn alignment_weight(mut self, weight: AlignmentWeight) -> Formula {
        self.alignment_weight = weight;
        self
    }

    /// The formula as written.
    #[must_use]
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The names the formula uses, each once, in the order they first appear.
    pub fn names(&self) -> impl ExactSizeIterator<Item = &str> + '_ {
        self.program.names.iter().map(String::as_str)
    }

    /// The formula bound to the criteria of a backlog: every name resolved.
    fn bound(&self, criteria: &[Criterion]) -> Result<BoundFormula> {
        let names = self.names().map(|name| {
            Named::resolve(name, criteria, true).ok_or_else(|| {
                Error::from(EngineDetail::UnknownFormulaName {
                    formula: self.text.clone(),
                    name: name.to_owned(),
                    known: Named::known(criteria, true),
                })
            })
        });
        Ok(BoundFormula::new(self.clone(), names.collect::<Result<_>>()?))
    }
}

impl FromStr for Formula {
    type Err = Error;

    fn from_str(text: &str) -> Result<Formula> {
        Formula::parse(text)
    }
}

impl fmt::Display for Formula {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

/// A formula scores through a ranking, which binds it to the backlog once. Called directly, it
/// binds itself to the item's backlog on every call (an owned item has no criteria, so only
/// built-in fields and `alignment` resolve).
impl Engine for Formula {
    fn name(&self) -> &str {
        "formula"
    }

    fn inputs(&self, backlog: &Backlog) -> FieldSet {
        let names = self.names().filter_map(|name| Named::resolve(name, backlog.criteria(), true));
        names.fold(FieldSet::EMPTY, |set, named| set.union(named.field_set()))
    }

    fn evaluate(&self, item: &Item<'_>) -> Result<Evaluation> {
        self.bound(item.backlog().map(Backlog::criteria).unwrap_or_default())?.evaluate(item)
    }

    fn breakdown(&self, item: &Item<'_>) -> Breakdown {
        let criteria = item.backlog().map(Backlog::criteria).unwrap_or_default();
        self.bound(criteria).map(|bound| bound.breakdown(item)).unwrap_or_default()
    }

    fn hooks(&self) -> Option<&dyn Hooks> {
        Some(self)
    }
}

impl Sealed for Formula {}

impl Hooks for Formula {
    fn bind(&self, backlog: &Backlog) -> Result<Option<Box<dyn Engine>>> {
        Ok(Some(Box::new(self.bound(backlog.criteria())?)))
    }

    fn evaluate_all(&self, backlog: &Backlog, range: Range<usize>, out: &mut Vec<Evaluation>) -> Result<()> {
        self.bound(backlog.criteria())?.evaluate_all(backlog, range, out)
    }

    fn to_shared(&self) -> Option<Arc<dyn Engine>> {
        Some(Arc::new(self.clone()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn value(text: &str) -> f64 {
        let formula = Formula::parse(text).expect("parses");
        formula.program.evaluate(&[])
    }

    #[test]
    fn numbers_fold_without_names() {
        // The language's rules are tested through rankings in `tests/engines/formula.rs`; here, the
        // program alone.
        assert_eq!(value("min(3, 1, 2) + max(4) - abs(-2) + 2^3^2"), 515.0);
        assert_eq!(value("sqrt(16) + log10(1000) + ln(1) - -2^2"), 11.0);
        assert_eq!(value(".5 + 1e1 + 2.5E-1"), 10.75);
    }

    #[test]
    fn an_absent_value_is_never_dropped() {
        let mut stack = Vec::new();
        // max(a, 0), min(0, a), a ^ 0 and 1 ^ a each keep the NaN of an absent `a`.
        for text in ["max(a, 0)", "min(0, a)", "a ^ 0", "1 ^ a", "max(a)"] {
            let program = Formula::parse(text).expect("parses").program;
            assert!(program.evaluate(&[f64::NAN]).is_nan(), "{text}");
            let batch = program.evaluate_batch(&[&[f64::NAN, 2.0]], 2, &mut stack).to_vec();
            assert!(batch[0].is_nan(), "{text}");
            assert_eq!(batch[1].to_bits(), program.evaluate(&[2.0]).to_bits(), "{text}");
        }
    }

    #[test]
    fn a_batch_gives_the_bits_of_one_item_at_a_time() {
        let a = [0.1, 3.0, -7.25, 1e300, 0.0, f64::NAN];
        let b = [0.3, 1.0, 2.0, 5.0, 1e-300, 4.0];
        // Columns read in place, numbers folded, buffers in place and not, every operand order.
        let texts = [
            "-a ^ 2 / (b - 1) + max(a, b, 3) * min(b, 2) - sqrt(abs(a)) + ln(b) * log10(a + 1)",
            "a",
            "2 + 3 * 4",
            "-a",
            "sqrt(b)",
            "1 - a",
            "a / 2",
            "max(2, a, 1)",
            "min(1 + 1, b)",
            "a * b - (b - a) / (a + b)",
            "2 ^ b ^ 0.5",
            "-(1 + 2) * a",
        ];
        let mut buffers = Vec::new();
        for text in texts {
            let program = Formula::parse(text).expect("parses").program;
            let columns: Vec<&[f64]> =
                program.names.iter().map(|name| if name == "a" { &a[..] } else { &b[..] }).collect();
            let batch = program.evaluate_batch(&columns, a.len(), &mut buffers).to_vec();
            assert_eq!(batch.len(), a.len(), "{text}");
            for (i, result) in batch.iter().enumerate() {
                let names: Vec<f64> =
                    program.names.iter().map(|name| if name == "a" { a[i] } else { b[i] }).collect();
                let one = program.evaluate(&names);
                assert_eq!(result.to_bits(), one.to_bits(), "{text}, item {i}");
            }
        }
    }
}
