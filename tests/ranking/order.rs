//! Properties of the order itself: determinism, positions and ranks, top-k, agreement with the
//! naive reference, permutations, and the split between ranked and unscored items.

use std::collections::BTreeSet;

use crate::common::{Choice, Spec, backlog_of, choice, full_specs, order, rows, specs};
use prioritize::ranking::UnscoredPolicy;
use prioritize::{Backlog, ErrorKind, Field, RankOptions};
use proptest::prelude::*;

proptest! {
    #![proptest_config(crate::common::config(256))]

    /// The same backlog ranks to the same rows, bit for bit, however often and from whichever copy.
    #[test]
    fn ranking_is_deterministic(specs in specs(), choice in choice()) {
        let backlog = backlog_of(&specs);
        let copy = backlog.clone();
        let engine = choice.engine();
        let first = rows(&backlog.rank(&*engine)?);
        let second = rows(&backlog.rank(&*engine)?);
        let third = rows(&copy.rank(&*choice.engine())?);
        prop_assert_eq!(&first, &second);
        prop_assert_eq!(&first, &third);
    }

    /// Positions are 1..=n; ranks are competition ranks: a rank is the position of the first
    /// entry with the same category and score, and scores never rise along the order.
    #[test]
    fn positions_count_up_and_ranks_are_competition_ranks(specs in specs(), choice in choice()) {
        let backlog = backlog_of(&specs);
        let engine = choice.engine();
        let ranking = backlog.rank(&*engine)?;
        let entries: Vec<_> = ranking.iter().collect();
        prop_assert_eq!(entries.len(), ranking.len());
        for (offset, entry) in entries.iter().enumerate() {
            prop_assert_eq!(entry.position(), offset + 1);
            prop_assert_eq!(ranking.at(offset + 1).map(|e| e.index()), Some(entry.index()));
            let Some(before) = offset.checked_sub(1).map(|at| entries[at]) else {
                prop_assert_eq!(entry.rank(), 1);
                continue;
            };
            let same = before.category() == entry.category()
                && before.score().map(f64::to_bits) == entry.score().map(f64::to_bits);
            if same {
                prop_assert_eq!(entry.rank(), before.rank());
                prop_assert!(before.index() < entry.index(), "ties keep input order");
            } else {
                prop_assert_eq!(entry.rank(), entry.position());
                if before.category() == entry.category() {
                    prop_assert!(before.score() > entry.score(), "scores never rise within a category");
                }
            }
        }
        prop_assert_eq!(ranking.at(0).map(|e| e.index()), None);
        prop_assert_eq!(ranking.at(entries.len() + 1).map(|e| e.index()), None);
    }

    /// `top(k)` is exactly the first k rows of the full ranking, for every k.
    #[test]
    fn top_k_is_a_prefix_of_the_full_ranking(specs in specs(), choice in choice(), k in prop_oneof![0_usize..30, any::<usize>()]) {
        let backlog = backlog_of(&specs);
        let engine = choice.engine();
        let full = rows(&backlog.rank(&*engine)?);
        let top = backlog.rank_with(&*engine, &RankOptions::default().top(k))?;
        prop_assert_eq!(rows(&top), full[..k.min(full.len())].to_vec());
        prop_assert_eq!(top.unscored().count(), backlog.rank(&*engine)?.unscored().count());
    }

    /// RICE and WSJF (with or without alignment) and MoSCoW agree with the naive reference: the
    /// plain formula and a stable sort.
    #[test]
    fn engines_agree_with_the_naive_reference(specs in specs(), choice in choice()) {
        let backlog = backlog_of(&specs);
        let engine = choice.engine();
        prop_assert_eq!(rows(&backlog.rank(&*engine)?), crate::common::reference(&specs, choice));
    }

    /// Shuffling the input keeps the relative order of items with different sort keys; items
    /// with equal keys follow the new input order.
    #[test]
    fn permuting_the_input_only_reorders_ties(
        (specs, permutation) in full_specs().prop_flat_map(|specs| {
            let n = specs.len();
            (Just(specs), Just((0..n).collect::<Vec<_>>()).prop_shuffle())
        }),
        choice in choice(),
    ) {
        let engine = choice.engine();
        let original = backlog_of(&specs);
        let shuffled_specs: Vec<Spec> = permutation.iter().map(|&i| specs[i]).collect();
        let shuffled = backlog_of(&shuffled_specs);
        // Map the shuffled ranking back to original indices.
        let before = order(&original.rank(&*engine)?);
        let after: Vec<usize> = order(&shuffled.rank(&*engine)?).into_iter().map(|i| permutation[i]).collect();
        let key = |i: usize| {
            let (bucket, score) = choice.key(&specs[i]);
            (bucket, score.map(|s| (s + 0.0).to_bits()))
        };
        let place = |list: &[usize], i: usize| list.iter().position(|&j| j == i);
        let new_input = |i: usize| permutation.iter().position(|&j| j == i);
        for a in 0..specs.len() {
            for b in (a + 1)..specs.len() {
                let was = place(&before, a) < place(&before, b);
                let is = place(&after, a) < place(&after, b);
                if key(a) == key(b) {
                    prop_assert_eq!(is, new_input(a) < new_input(b), "tie of {} and {}", a, b);
                } else {
                    prop_assert_eq!(is, was, "{} and {} swapped", a, b);
                }
            }
        }
    }

    /// Ranked and unscored items are exactly the backlog, once each; an item is unscored exactly
    /// when it lacks a field the engine needs, and it lists exactly those fields.
    #[test]
    fn ranked_and_unscored_partition_the_backlog(specs in specs(), choice in choice()) {
        let backlog = backlog_of(&specs);
        let engine = choice.engine();
        let ranking = backlog.rank(&*engine)?;
        let ranked: BTreeSet<usize> = ranking.iter().map(|e| e.index()).collect();
        let unscored: Vec<usize> = ranking.unscored().map(|u| u.index()).collect();
        prop_assert_eq!(ranked.len(), ranking.len(), "an item is ranked twice");
        prop_assert!(unscored.windows(2).all(|w| w[0] < w[1]), "unscored in input order");
        prop_assert!(unscored.iter().all(|i| !ranked.contains(i)));
        prop_assert_eq!(ranked.len() + unscored.len(), specs.len());
        for entry in ranking.unscored() {
            let spec = &specs[entry.index()];
            let lacking: Vec<_> = choice.needs().iter().filter(|&f| !spec.has(f)).collect();
            prop_assert_eq!(entry.missing().iter().collect::<Vec<_>>(), lacking);
            prop_assert!(!entry.missing().is_empty());
            prop_assert_eq!(entry.item().id(), crate::common::id(entry.index()));
        }
        for entry in ranking.iter() {
            let spec = &specs[entry.index()];
            prop_assert!(choice.needs().iter().all(|f| spec.has(f)), "{} lacks a field", entry.index());
            prop_assert_eq!(ranking.get(entry.item().id()).map(|e| e.position()), Some(entry.position()));
        }
    }

    /// Strict mode fails exactly when an item is unscored, naming the first in input order, and
    /// otherwise ranks as the default mode does.
    #[test]
    fn strict_mode_rejects_exactly_the_first_unscored_item(specs in specs(), choice in choice()) {
        let backlog = backlog_of(&specs);
        let engine = choice.engine();
        let strict = RankOptions::default().unscored(UnscoredPolicy::Reject);
        let first_unscored = specs.iter().position(|spec| !choice.needs().iter().all(|f| spec.has(f)));
        match (backlog.rank_with(&*engine, &strict), first_unscored) {
            (Ok(ranking), None) => prop_assert_eq!(rows(&ranking), rows(&backlog.rank(&*engine)?)),
            (Err(error), Some(index)) if error.kind() == ErrorKind::Unscored => {
                let id = crate::common::id(index);
                prop_assert_eq!(error.item(), Some(id.as_str()));
                let message = error.to_string();
                prop_assert!(message.starts_with(&format!("item {id:?}: {} needs ", engine.name())), "{}", message);
                let lacking: Vec<&str> =
                    choice.needs().iter().filter(|&f| !specs[index].has(f)).map(Field::as_str).collect();
                let missing = message.split(" needs ").nth(1).and_then(|rest| rest.split(", which the item lacks").next());
                let lacking = lacking.join(", ");
                prop_assert_eq!(missing, Some(lacking.as_str()));
            }
            (result, expected) => prop_assert!(false, "{:?} for first unscored {:?}", result.map(|r| r.len()), expected),
        }
    }
}

#[test]
fn an_empty_backlog_ranks_to_nothing_with_every_engine() {
    let backlog = Backlog::default();
    for choice in [Choice::Rice(0.5), Choice::Wsjf(0.0), Choice::Moscow, Choice::MoSCoWThenRice(0.5)] {
        let engine = choice.engine();
        let ranking = backlog.rank(&*engine).expect("an empty backlog is valid");
        assert_eq!((ranking.len(), ranking.unscored().count()), (0, 0));
    }
}

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
    let error = unscored.rank_with(&*rice, &strict).unwrap_err();
    assert_eq!((error.kind(), error.item()), (ErrorKind::Unscored, Some("I1")));
    let huge = backlog_of(&[Spec { reach: Some(f64::MAX), impact: Some(2.0), ..full(1.0) }]);
    let error = huge.rank_with(&*rice, &top0).unwrap_err();
    assert_eq!((error.kind(), error.item()), (ErrorKind::Value, Some("I0")));
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
