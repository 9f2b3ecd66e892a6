//! Properties of how inputs move an item: monotonicity, scaling and strategic alignment.

use std::collections::BTreeSet;

use crate::common::{self, Choice, Spec, backlog_of, fraction, full_specs, order, rows, weight};
use prioritize::{Backlog, Engine, Field, Moscow, Rice, Wsjf};
use proptest::prelude::*;
use proptest::sample::Index;

/// The input indices ranked before item `index`.
fn ahead(backlog: &Backlog, engine: &dyn Engine, index: usize) -> BTreeSet<usize> {
    let order = order(&backlog.rank(engine).expect("moderate inputs never overflow"));
    order.iter().take_while(|&&i| i != index).copied().collect()
}

/// `spec` with `field` raised by `t` in `0..=1`: by up to 1000 for open-ended fields, by the
/// share `t` of what is left below 1 for confidence and alignment.
fn raised(spec: Spec, field: Field, t: f64) -> Spec {
    let up = |value: Option<f64>| value.map(|v| v + 1000.0 * t);
    let toward_one = |value: Option<f64>| value.map(|v| v + (1.0 - v) * t);
    let mut spec = spec;
    match field {
        Field::Reach => spec.reach = up(spec.reach),
        Field::Impact => spec.impact = up(spec.impact),
        Field::Confidence => spec.confidence = toward_one(spec.confidence),
        Field::Effort => spec.effort = up(spec.effort),
        Field::BusinessValue => spec.business_value = up(spec.business_value),
        Field::TimeCriticality => spec.time_criticality = up(spec.time_criticality),
        Field::RiskReduction => spec.risk_reduction = up(spec.risk_reduction),
        Field::Alignment => spec.alignment = toward_one(Some(spec.alignment.unwrap_or(0.0))),
        _ => unreachable!("not a numeric input"),
    }
    spec
}

/// Each field that raises a score, with the engines that read it.
fn raising_field() -> impl Strategy<Value = (Field, Choice)> {
    prop_oneof![
        (prop::sample::select(vec![Field::Reach, Field::Impact, Field::Confidence]), fraction())
            .prop_flat_map(|(field, lambda)| {
                (
                    Just(field),
                    prop::sample::select(vec![Choice::Rice(lambda), Choice::MoSCoWThenRice(lambda)]),
                )
            }),
        (
            prop::sample::select(vec![Field::BusinessValue, Field::TimeCriticality, Field::RiskReduction]),
            fraction()
        )
            .prop_flat_map(|(field, lambda)| {
                (
                    Just(field),
                    prop::sample::select(vec![Choice::Wsjf(lambda), Choice::MoSCoWThenWsjf(lambda)]),
                )
            }),
        (0.01..=1.0_f64).prop_flat_map(|lambda| {
            (Just(Field::Alignment), prop::sample::select(vec![Choice::Rice(lambda), Choice::Wsjf(lambda)]))
        }),
    ]
}

/// The subset of the order by category and score, ignoring input order, as sortable bits.
fn key(choice: Choice, spec: &Spec) -> (u8, Option<u64>) {
    let (bucket, score) = choice.key(spec);
    (bucket, score.map(|s| (s + 0.0).to_bits()))
}

proptest! {
    #![proptest_config(common::config(256))]

    /// Raising reach, impact, confidence, business value, time criticality, risk reduction or
    /// (with λ > 0) alignment never moves an item down: it can only pass or tie the items before
    /// it, and a tie with an item earlier in the input still leaves that item first.
    #[test]
    fn raising_a_value_never_moves_an_item_down(
        specs in full_specs(), at in any::<Index>(), (field, choice) in raising_field(), t in 0.0..=1.0_f64,
    ) {
        let j = at.index(specs.len());
        let mut more = specs.clone();
        more[j] = raised(specs[j], field, t);
        let engine = choice.engine();
        let before = ahead(&backlog_of(&specs), &*engine, j);
        let after = ahead(&backlog_of(&more), &*engine, j);
        prop_assert!(after.is_subset(&before), "{:?} now ahead of {}", after.difference(&before).collect::<Vec<_>>(), j);
        let (bucket, score) = key(choice, &more[j]);
        for &i in &after {
            let (other_bucket, other_score) = key(choice, &more[i]);
            let (other, own) = (other_score.map(f64::from_bits), score.map(f64::from_bits));
            let passes = other_bucket < bucket || (other_bucket == bucket && other > own);
            let tied_earlier = other_bucket == bucket && other == own && i < j;
            prop_assert!(passes || tied_earlier, "{} ahead of {} without a higher key or an earlier tie", i, j);
        }
    }

    /// Raising effort (job size) never moves an item up, under every engine that reads it.
    #[test]
    fn raising_effort_never_moves_an_item_up(
        specs in full_specs(), at in any::<Index>(), choice in common::choice(), t in 0.0..=1.0_f64,
    ) {
        let j = at.index(specs.len());
        let mut more = specs.clone();
        more[j] = raised(specs[j], Field::Effort, t);
        let engine = choice.engine();
        let before = ahead(&backlog_of(&specs), &*engine, j);
        let after = ahead(&backlog_of(&more), &*engine, j);
        prop_assert!(before.is_subset(&after), "{:?} fell behind {}", before.difference(&after).collect::<Vec<_>>(), j);
    }

    /// Scaling every effort, or every reach, or every cost-of-delay part, by the same power of
    /// two leaves positions and ranks unchanged and scales each score exactly.
    #[test]
    fn scaling_by_a_power_of_two_keeps_the_order(
        specs in full_specs(), choice in common::choice(), exponent in -8_i32..=8, what in 0_u8..3,
    ) {
        let factor = 2_f64.powi(exponent);
        let scale = |value: Option<f64>| value.map(|v| v * factor);
        let scaled: Vec<Spec> = specs
            .iter()
            .map(|spec| match what {
                0 => Spec { effort: scale(spec.effort), ..*spec },
                1 => Spec { reach: scale(spec.reach), ..*spec },
                _ => Spec {
                    business_value: scale(spec.business_value),
                    time_criticality: scale(spec.time_criticality),
                    risk_reduction: scale(spec.risk_reduction),
                    ..*spec
                },
            })
            .collect();
        let engine = choice.engine();
        let plain = rows(&backlog_of(&specs).rank(&*engine)?);
        let scaled_rows = rows(&backlog_of(&scaled).rank(&*engine)?);
        let shape = |rows: &[common::Row]| rows.iter().map(|r| (r.0, r.1, r.2)).collect::<Vec<_>>();
        prop_assert_eq!(shape(&plain), shape(&scaled_rows));
        // The score's change: effort divides it; reach multiplies RICE; cost of delay WSJF.
        let reads = match (what, choice) {
            (0, _) => Some(1.0 / factor),
            (1, Choice::Rice(_) | Choice::MoSCoWThenRice(_)) | (2, Choice::Wsjf(_) | Choice::MoSCoWThenWsjf(_)) => Some(factor),
            _ => None,
        };
        for (a, b) in plain.iter().zip(&scaled_rows) {
            let expected = match reads {
                Some(change) => a.3.map(|bits| f64::from_bits(bits) * change),
                None => a.3.map(f64::from_bits),
            };
            prop_assert_eq!(b.3.map(f64::from_bits), expected);
        }
    }

    /// Scaling by any positive factor keeps the order of items whose scores differ by more than
    /// rounding can explain (other factors may change the last bit of a score, so near-ties may
    /// swap: see the guide's "Ordering and ties").
    #[test]
    fn scaling_by_any_factor_keeps_the_order_of_clearly_different_scores(
        specs in full_specs(), choice in prop::sample::select(vec![Choice::Rice(0.0), Choice::Wsjf(0.0)]),
        factor in 0.001..1000.0_f64,
    ) {
        let scaled: Vec<Spec> = specs.iter().map(|s| Spec { effort: s.effort.map(|e| e * factor), ..*s }).collect();
        let engine = choice.engine();
        let before = order(&backlog_of(&specs).rank(&*engine)?);
        let after = order(&backlog_of(&scaled).rank(&*engine)?);
        let score = |i: usize| choice.key(&specs[i]).1.unwrap_or(0.0);
        let place = |list: &[usize], i: usize| list.iter().position(|&x| x == i);
        for a in 0..specs.len() {
            for b in 0..specs.len() {
                if score(a) > score(b) * (1.0 + 1e-9) {
                    prop_assert!(place(&before, a) < place(&before, b));
                    prop_assert!(place(&after, a) < place(&after, b), "{} and {} swapped", a, b);
                }
            }
        }
    }

    /// Alignment weight 0 is exactly the plain engine: the same rows, bits and breakdowns,
    /// whatever the items' alignment.
    #[test]
    fn alignment_weight_zero_is_exactly_the_plain_engine(specs in full_specs()) {
        let backlog = backlog_of(&specs);
        let zero = weight(0.0);
        let pairs: [(Box<dyn Engine>, Box<dyn Engine>); 3] = [
            (Box::new(Rice::default()), Box::new(Rice::default().alignment_weight(zero))),
            (Box::new(Wsjf::default()), Box::new(Wsjf::default().alignment_weight(zero))),
            (
                Box::new(Moscow::default().then(Wsjf::default())),
                Box::new(Moscow::default().then(Wsjf::default()).alignment_weight(zero)),
            ),
        ];
        for (plain, aligned) in &pairs {
            let plain = backlog.rank(&**plain)?;
            let aligned = backlog.rank(&**aligned)?;
            prop_assert_eq!(rows(&plain), rows(&aligned));
            for (a, b) in plain.iter().zip(aligned.iter()) {
                prop_assert_eq!(a.breakdown(), b.breakdown());
            }
        }
    }
}
