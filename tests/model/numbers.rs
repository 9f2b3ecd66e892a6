//! Properties over every `f64`: no constructor, engine or ranking panics on NaN, infinities,
//! subnormals or huge values; bad numbers are errors naming the value; a score that overflows is
//! an error, never an infinite or NaN score.

// Exact values are the point: the weighted mean of 1 and 0.5 is 0.75, not nearly.
#![allow(clippy::float_cmp)]

use crate::common::{Choice, Spec, any_number, backlog_of, wide_non_negative, wide_unit};
use prioritize::model::{Effort, Fraction, NonNegative, OutOfTen};
use prioritize::{Alignment, AlignmentWeight, BacklogItem, Confidence, Field, Impact, Objective};
use proptest::prelude::*;

/// A complete item with any valid values, huge and subnormal ones included.
fn wide_spec() -> impl Strategy<Value = Spec> {
    (
        (wide_non_negative(), wide_non_negative(), wide_unit(), wide_non_negative()),
        (wide_non_negative(), wide_non_negative(), wide_non_negative()),
        (crate::common::category(), prop::option::of(wide_unit())),
    )
        .prop_map(|((reach, impact, confidence, effort), (bv, tc, rr), (moscow, alignment))| Spec {
            reach: Some(reach),
            impact: Some(impact),
            confidence: Some(confidence),
            // Effort must be > 0: the smallest subnormal stands in for 0.
            effort: Some(if effort > 0.0 { effort } else { 5e-324 }),
            business_value: Some(bv),
            time_criticality: Some(tc),
            risk_reduction: Some(rr),
            moscow: Some(moscow),
            alignment,
        })
}

proptest! {
    #![proptest_config(crate::common::config(256))]

    /// The builder takes any `f64` in any numeric field: valid values are kept (with -0.0 as
    /// 0.0), anything else is an out-of-range error naming the item, the field and the value.
    #[test]
    fn the_builder_checks_every_number(field in prop::sample::select([&crate::common::NUMBERS[..], &[Field::Alignment]].concat()), value in any_number()) {
        let result = crate::common::set(BacklogItem::builder("X-1", "t"), field, value).build();
        match result {
            Ok(item) => {
                prop_assert!(crate::common::allowed(field, value), "{} {} accepted", field, value);
                let kept = match field {
                    Field::Alignment => match item.alignment() {
                        Some(Alignment::Overall(fraction)) => fraction.get(),
                        other => return Err(TestCaseError::fail(format!("{other:?}"))),
                    },
                    _ => item.number(field).expect("kept"),
                };
                prop_assert_eq!(kept.to_bits(), (value + 0.0).to_bits());
            }
            Err(error) if error.kind() == prioritize::ErrorKind::Value => {
                prop_assert!(!crate::common::allowed(field, value), "{} {} rejected", field, value);
                prop_assert_eq!((error.item(), error.field()), (Some("X-1"), Some(field.as_str())));
                // The value as written, -0 included.
                let named = format!("item \"X-1\": {} {} is outside ", field.as_str(), value);
                prop_assert!(error.to_string().starts_with(&named), "{} lacks {}", error, named);
            }
            Err(other) => prop_assert!(false, "unexpected error {}", other),
        }
    }

    /// Every checked constructor accepts exactly its range, for any `f64`.
    #[test]
    fn value_types_accept_exactly_their_range(value in any_number()) {
        let finite = value.is_finite();
        let unit = (0.0..=1.0).contains(&value);
        prop_assert_eq!(NonNegative::new(value).is_ok(), finite && value >= 0.0);
        prop_assert_eq!(Impact::new(value).is_ok(), finite && value >= 0.0);
        prop_assert_eq!(Effort::new(value).is_ok(), finite && value > 0.0);
        prop_assert_eq!(Fraction::new(value).is_ok(), unit);
        prop_assert_eq!(Confidence::new(value).is_ok(), unit);
        prop_assert_eq!(OutOfTen::new(value).is_ok(), (0.0..=10.0).contains(&value));
        prop_assert_eq!(Confidence::from_percent(value).is_ok(), (0.0..=100.0).contains(&value));
        prop_assert_eq!(AlignmentWeight::new(value).is_ok(), unit);
        prop_assert_eq!(Objective::new("o", value).is_ok(), finite && value > 0.0);
        if let Ok(effort) = Effort::new(value) {
            prop_assert_eq!(effort.get().to_bits(), value.to_bits());
        }
        if let Ok(confidence) = Confidence::from_percent(value) {
            prop_assert_eq!(confidence.get().to_bits(), (value / 100.0 + 0.0).to_bits());
        }
        let kept = [NonNegative::new(value).map(NonNegative::get), Fraction::new(value).map(Fraction::get)];
        for kept in kept.into_iter().flatten() {
            prop_assert_eq!(kept.to_bits(), (value + 0.0).to_bits(), "-0.0 is kept as 0.0");
        }
        if let Err(error) = Effort::new(value) {
            prop_assert_eq!(error.to_string(), format!("{value} is outside {}", Effort::ALLOWED));
        }
    }

    /// On any valid inputs, however large or small, every engine either ranks with finite scores
    /// equal to the published formula, or fails with a score overflow naming the first item (in
    /// input order) whose formula is not finite. It never panics and never yields inf or NaN.
    #[test]
    fn overflow_is_an_error_never_an_infinite_score(
        specs in prop::collection::vec(wide_spec(), 1..8), choice in crate::common::choice(),
    ) {
        let backlog = backlog_of(&specs);
        let engine = choice.engine();
        let first_overflow = specs.iter().position(|spec| choice.key(spec).1.is_some_and(|s| !s.is_finite()));
        match (backlog.rank(&*engine), first_overflow) {
            (Ok(ranking), None) => {
                prop_assert_eq!(crate::common::rows(&ranking), crate::common::reference(&specs, choice));
                for entry in ranking.iter() {
                    prop_assert!(entry.score().is_none_or(f64::is_finite));
                    let _ = entry.breakdown();
                }
            }
            (Err(error), Some(index)) if error.kind() == prioritize::ErrorKind::Value => {
                let id = crate::common::id(index);
                prop_assert_eq!(error.item(), Some(id.as_str()));
                // The engine that computed the score: under MoSCoW, the secondary engine.
                let scorer = match choice {
                    Choice::Rice(_) | Choice::MoSCoWThenRice(_) => "rice",
                    Choice::Wsjf(_) | Choice::MoSCoWThenWsjf(_) => "wsjf",
                    Choice::Moscow => "moscow",
                };
                let message = error.to_string();
                let overflow = format!("{scorer} score is ");
                prop_assert!(message.contains(&overflow) && message.contains(", which overflows f64"), "{}", message);
            }
            (result, expected) => {
                prop_assert!(false, "{:?} where the first overflow is {:?}", result.map(|r| r.len()), expected);
            }
        }
    }

    /// A per-objective alignment is a weighted mean: it lies between the smallest and the
    /// largest contribution (an objective not named contributes 0), whatever the weights.
    #[test]
    fn alignment_is_a_weighted_mean_for_any_weights(
        weights in prop::collection::vec(
            prop_oneof![wide_non_negative().prop_filter("> 0", |w| *w > 0.0), Just(f64::MAX), Just(5e-324)],
            1..5,
        ),
        contributions in prop::collection::vec(prop::option::of(wide_unit()), 5),
    ) {
        let objectives: Vec<Objective> =
            weights.iter().enumerate().map(|(i, &w)| Objective::new(format!("o{i}"), w)).collect::<Result<_, _>>()?;
        let named: std::collections::BTreeMap<String, Fraction> = contributions
            .iter()
            .take(weights.len())
            .enumerate()
            .filter_map(|(i, c)| c.map(|c| (format!("o{i}"), Fraction::new(c).expect("in range"))))
            .collect();
        let values: Vec<f64> = (0..weights.len()).map(|i| contributions[i].unwrap_or(0.0)).collect();
        let (low, high) = values.iter().fold((1.0_f64, 0.0_f64), |(l, h), &v| (l.min(v), h.max(v)));
        let resolved = Alignment::PerObjective(named).resolve(&objectives);
        // A few roundings in sums of at most five terms.
        let slack = 8.0 * f64::EPSILON;
        prop_assert!(resolved >= low - slack && resolved <= high + slack, "{} outside {}..={}", resolved, low, high);
        prop_assert!((0.0..=1.0).contains(&resolved));
    }
}

#[test]
fn a_single_huge_product_is_an_overflow_error_naming_the_item() {
    let backlog = backlog_of(&[
        Spec {
            reach: Some(1.0),
            impact: Some(1.0),
            confidence: Some(1.0),
            effort: Some(1.0),
            ..Spec::default()
        },
        Spec {
            reach: Some(f64::MAX),
            impact: Some(2.0),
            confidence: Some(1.0),
            effort: Some(1.0),
            ..Spec::default()
        },
    ]);
    let engine = Choice::Rice(0.0).engine();
    let error = backlog.rank(&*engine).map(|r| r.len()).unwrap_err();
    assert_eq!(
        error.to_string(),
        r#"item "I1": rice score is inf, which overflows f64 (scale the inputs down)"#
    );
}

/// Regression: weights near `f64::MAX` overflowed the sums (a mean of 1 and 0.5 came out 1, or 0),
/// and a subnormal weight lost its contribution's digits (0.667 came out 1).
#[test]
fn extreme_objective_weights_still_give_the_weighted_mean() {
    let contributions = |pairs: &[(&str, f64)]| {
        Alignment::PerObjective(
            pairs.iter().map(|&(id, c)| (id.to_owned(), Fraction::new(c).expect("valid"))).collect(),
        )
    };
    let huge = [Objective::new("a", f64::MAX).expect("valid"), Objective::new("b", f64::MAX).expect("valid")];
    assert_eq!(contributions(&[("a", 1.0), ("b", 0.5)]).resolve(&huge), 0.75);
    assert_eq!(contributions(&[("b", 0.5)]).resolve(&huge), 0.25);
    let tiny = [Objective::new("a", 5e-324).expect("valid")];
    assert_eq!(contributions(&[("a", 0.5)]).resolve(&tiny), 0.5);
    let spread = [Objective::new("a", f64::MAX).expect("valid"), Objective::new("b", 1.0).expect("valid")];
    assert_eq!(contributions(&[("a", 0.5)]).resolve(&spread), 0.5);
}
