//! Properties over every `f64`: no constructor, engine or ranking panics on NaN, infinities,
//! subnormals or huge values; bad numbers are errors naming the value; a score that overflows is
//! an error, never an infinite or NaN score.

// Exact values are the point: the weighted mean of 1 and 0.5 is 0.75, not nearly.
#![allow(clippy::float_cmp)]

use prioritize::{Alignment, Fraction, Objective};

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
