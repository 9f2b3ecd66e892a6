//! Properties of the order itself: determinism, positions and ranks, top-k, agreement with the
//! naive reference, permutations, and the split between ranked and unscored items.

mod common;

use common::{Choice, Spec, backlog_of, order};
use prioritize::{Error, RankOptions, UnscoredPolicy};

/// Regression: `top(k)` sized its heap by `k`, so `top(usize::MAX)` (a `--top` far beyond the
/// backlog) aborted the process on a failed allocation.
#[test]
fn top_k_far_beyond_the_backlog_is_the_whole_ranking() {
    let specs: Vec<Spec> = (0..3).map(|i| Spec { business_value: Some(f64::from(i)), ..full(1.0) }).collect();
    let backlog = backlog_of(&specs);
    let engine = Choice::Wsjf(0.0).engine();
    for k in [3, 4, usize::MAX / 2, usize::MAX] {
        let top = backlog.rank_with(&*engine, &RankOptions::default().top(k)).expect("valid");
        assert_eq!(order(&top), [2, 1, 0], "top({k})");
    }
}

/// Regression: `top(0)` returned before evaluating any item, so it hid unscored items, strict
/// mode's error and an overflowing score.
#[test]
fn top_zero_still_evaluates_every_item() {
    let top0 = RankOptions::default().top(0);
    let rice = Choice::Rice(0.0).engine();
    let unscored = backlog_of(&[full(1.0), Spec { effort: None, ..full(1.0) }]);
    let ranking = unscored.rank_with(&*rice, &top0).expect("valid");
    assert_eq!((ranking.len(), ranking.unscored().map(|u| u.index()).collect::<Vec<_>>()), (0, vec![1]));
    let strict = top0.unscored(UnscoredPolicy::Reject);
    assert!(matches!(unscored.rank_with(&*rice, &strict), Err(Error::Unscored { item, .. }) if item == "I1"));
    let huge = backlog_of(&[Spec { reach: Some(f64::MAX), impact: Some(2.0), ..full(1.0) }]);
    assert!(matches!(huge.rank_with(&*rice, &top0), Err(Error::ScoreOverflow { item, .. }) if item == "I0"));
}

/// A complete spec with every number `value` and category Must.
fn full(value: f64) -> Spec {
    Spec {
        reach: Some(value),
        impact: Some(value),
        confidence: Some(value.min(1.0)),
        effort: Some(value),
        business_value: Some(value),
        time_criticality: Some(value),
        risk_reduction: Some(value),
        moscow: Some(prioritize::Category::Must),
        alignment: None,
    }
}
