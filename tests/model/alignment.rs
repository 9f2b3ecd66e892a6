//! Alignment weights and the alignment they give, across the whole `f64` range; values display as
//! their numbers.

// Exact values are the point of these tests.
#![allow(clippy::float_cmp)]

/// Per-objective alignment over one objective of `weight` with `contribution`, or over several.
fn resolve(weights: &[f64], contributions: &[(usize, f64)]) -> f64 {
    let objectives: Vec<prioritize::Objective> = weights
        .iter()
        .enumerate()
        .map(|(i, &w)| prioritize::Objective::new(format!("o{i}"), w).expect("valid"))
        .collect();
    let named = contributions
        .iter()
        .map(|&(i, c)| (format!("o{i}"), prioritize::model::Fraction::new(c).expect("valid")))
        .collect();
    prioritize::Alignment::PerObjective(named).resolve(&objectives)
}

#[test]
fn alignment_weights_anywhere_in_the_f64_range_give_the_exact_mean() {
    let two = |exponent: i32| 2_f64.powi(exponent);
    // Weights that need no rescaling, and those at either end of the range.
    for weight in [1e-150, 1.0, 3.0, 1e150, f64::MAX, 5e-324] {
        assert_eq!(resolve(&[weight], &[(0, 0.5)]), 0.5, "weight {weight:e}");
    }
    // 2^-60 / (2^520 + 2^-60) rounds to 2^-580: the small weight must not underflow on the way.
    assert_eq!(resolve(&[two(520), two(-60)], &[(1, 1.0)]), two(-580));
    assert_eq!(resolve(&[two(-520), two(-530)], &[(0, 1.0), (1, 1.0)]), 1.0);
    // 2^-500 / 2^511 = 2^-1011, still a normal number: the small weight must survive the
    // scaling of a largest weight of exactly 2^511.
    assert_eq!(resolve(&[two(511), two(-500)], &[(1, 1.0)]), two(-1011));
    // A subnormal weight is scaled up far enough that a tiny contribution keeps every bit.
    assert_eq!(resolve(&[5e-324], &[(0, two(-500))]), two(-500));
}

#[test]
fn an_alignment_weight_reports_its_value() {
    let weight = prioritize::AlignmentWeight::new(0.25).expect("valid");
    assert_eq!(weight.get(), 0.25);
    assert_eq!(weight.factor(0.5), 0.875);
    assert!(!weight.is_zero());
}

#[test]
fn a_confidence_displays_as_its_number() {
    assert_eq!(prioritize::Confidence::MEDIUM.to_string(), "0.8");
    assert_eq!(prioritize::Confidence::HIGH.to_string(), "1");
}
