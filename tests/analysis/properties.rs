//! Property tests of the analyses against simple references: brute-force enumeration of range
//! ends, re-ranking after a suggested change, and self-comparison.

use crate::common::set;
use prioritize::analysis::{
    Bound, compare, consensus, diff, explain, kendall_tau_b, sensitivity, spearman_rho,
};
use prioritize::{AlignmentWeight, Backlog, BacklogItem, Category, Engine, Field, Moscow, Rice, Wsjf};
use proptest::prelude::*;

/// The numeric fields the engines read, in the interchange order (each may be given as a range).
fn fields() -> Vec<Field> {
    vec![
        Field::Reach,
        Field::Impact,
        Field::Confidence,
        Field::Effort,
        Field::BusinessValue,
        Field::TimeCriticality,
        Field::RiskReduction,
    ]
}

/// An item: per numeric field a `(low, high)` pair (equal for a point value), a category and an
/// alignment.
#[derive(Debug, Clone)]
struct Spec {
    values: [(f64, f64); 7],
    category: Category,
    alignment: f64,
}

impl Spec {
    /// The item with plain values chosen by `pick` (from the field and its pair).
    fn build(&self, id: usize, pick: impl Fn(usize, (f64, f64)) -> f64) -> BacklogItem {
        let mut builder =
            BacklogItem::builder(format!("I{id}"), "item").moscow(self.category).alignment(self.alignment);
        for (f, &pair) in self.values.iter().enumerate() {
            builder = set(builder, fields()[f], pick(f, pair));
        }
        builder.build().expect("valid item")
    }

    /// The item with its ranges (expected value: the midpoint).
    fn build_with_ranges(&self, id: usize) -> BacklogItem {
        let mut builder =
            BacklogItem::builder(format!("I{id}"), "item").moscow(self.category).alignment(self.alignment);
        for (f, &(low, high)) in self.values.iter().enumerate() {
            builder = if low < high {
                builder.range(fields()[f], low, high)
            } else {
                set(builder, fields()[f], low)
            };
        }
        builder.build().expect("valid item")
    }
}

fn pair(values: &'static [f64], ranged: bool) -> impl Strategy<Value = (f64, f64)> {
    (proptest::sample::select(values), proptest::sample::select(values))
        .prop_map(move |(a, b)| if ranged { (a.min(b), a.max(b)) } else { (a, a) })
}

/// Small value sets, so that ties are frequent; at most two ranged fields an item.
fn spec() -> impl Strategy<Value = Spec> {
    (proptest::sample::subsequence(fields(), 0..=2), any::<u8>(), 0..3_u8)
        .prop_flat_map(|(ranged, category, alignment)| {
            let is = |field: Field| ranged.contains(&field);
            (
                (
                    pair(&[0.0, 10.0, 20.0, 30.0, 40.0], is(Field::Reach)),
                    pair(&[0.5, 1.0, 2.0], is(Field::Impact)),
                    pair(&[0.5, 0.8, 1.0], is(Field::Confidence)),
                    pair(&[1.0, 2.0, 3.0, 4.0], is(Field::Effort)),
                ),
                (
                    pair(&[0.0, 1.0, 2.0, 3.0, 5.0], is(Field::BusinessValue)),
                    pair(&[0.0, 1.0, 2.0, 3.0], is(Field::TimeCriticality)),
                    pair(&[0.0, 1.0, 2.0], is(Field::RiskReduction)),
                ),
                Just(Category::ALL[usize::from(category % 2)]),
                Just(f64::from(alignment) / 2.0),
            )
        })
        .prop_map(|((r, i, c, e), (b, t, k), category, alignment)| Spec {
            values: [r, i, c, e, b, t, k],
            category,
            alignment,
        })
}

fn engine(choice: u8) -> Box<dyn Engine> {
    let half = AlignmentWeight::new(0.5).expect("valid weight");
    match choice % 5 {
        0 => Box::new(Rice::default()),
        1 => Box::new(Wsjf::default()),
        2 => Box::new(Moscow::default().then(Rice::default())),
        3 => Box::new(Rice::default().alignment_weight(half)),
        _ => Box::new(Moscow::default().then(Wsjf::default()).alignment_weight(half)),
    }
}

fn ranged_backlog(specs: &[Spec]) -> Backlog {
    Backlog::from_items(specs.iter().enumerate().map(|(id, spec)| spec.build_with_ranges(id))).expect("valid")
}

fn point_backlog(specs: &[Spec]) -> Backlog {
    Backlog::from_items(specs.iter().enumerate().map(|(id, spec)| spec.build(id, |_, (low, _)| low)))
        .expect("valid")
}

proptest! {
    // The two failures recorded beside this file are replayed first.
    #![proptest_config(ProptestConfig {
        failure_persistence: Some(Box::new(proptest::test_runner::FileFailurePersistence::WithSource("proptest-regressions"))),
        ..crate::common::config(128)
    })]

    /// Score bounds and best/worst positions equal the extremes over every joint assignment of
    /// range ends across the whole backlog, each ranked from scratch.
    #[test]
    fn sensitivity_matches_brute_force_over_range_ends(specs in proptest::collection::vec(spec(), 1..=4), choice: u8) {
        let engine = engine(choice);
        let report = sensitivity(&ranged_backlog(&specs), engine.as_ref()).expect("analyses");
        let ranged: Vec<(usize, usize)> = specs
            .iter()
            .enumerate()
            .flat_map(|(i, spec)| (0..7).filter(move |&f| spec.values[f].0 < spec.values[f].1).map(move |f| (i, f)))
            .collect();
        let n = specs.len();
        let mut scores = vec![(f64::INFINITY, f64::NEG_INFINITY); n];
        let mut positions = vec![(usize::MAX, 0); n];
        for mask in 0..1_u32 << ranged.len() {
            let items = specs.iter().enumerate().map(|(i, spec)| {
                spec.build(i, |f, (low, high)| match ranged.iter().position(|&r| r == (i, f)) {
                    Some(bit) if mask >> bit & 1 == 1 => high,
                    _ => low,
                })
            });
            let backlog = Backlog::from_items(items).expect("valid");
            let ranking = backlog.rank(engine.as_ref()).expect("ranks");
            for entry in ranking.iter() {
                let i = entry.index();
                if let Some(score) = entry.score() {
                    scores[i] = (scores[i].0.min(score), scores[i].1.max(score));
                }
                positions[i] = (positions[i].0.min(entry.position()), positions[i].1.max(entry.position()));
            }
        }
        prop_assert_eq!(report.items.len(), n);
        for item in &report.items {
            let i: usize = item.id[1..].parse().expect("id I<n>");
            if item.score.is_some() {
                prop_assert_eq!((item.min_score, item.max_score), (Some(scores[i].0), Some(scores[i].1)), "{}", item.id);
            }
            prop_assert_eq!((item.best_position, item.worst_position), positions[i], "{}", item.id);
        }
    }

    /// The bounds always contain the point ranking.
    #[test]
    fn sensitivity_bounds_contain_the_point_ranking(specs in proptest::collection::vec(spec(), 1..=6), choice: u8) {
        let engine = engine(choice);
        let report = sensitivity(&ranged_backlog(&specs), engine.as_ref()).expect("analyses");
        for item in &report.items {
            prop_assert!(item.best_position <= item.position && item.position <= item.worst_position);
            if let (Some(score), Some(min), Some(max)) = (item.score, item.min_score, item.max_score) {
                prop_assert!(min <= score && score <= max, "{min} <= {score} <= {max}");
            }
        }
    }

    /// Every change `explain` suggests passes the item ahead when applied, at its exact limit, and
    /// the next value towards the current one does not.
    #[test]
    fn explained_changes_pass_the_item_ahead(specs in proptest::collection::vec(spec(), 2..=5), choice: u8) {
        let engine = engine(choice);
        let backlog = point_backlog(&specs);
        let ranking = backlog.rank(engine.as_ref()).expect("ranks");
        for explanation in explain(&backlog, engine.as_ref()).expect("explains") {
            let Some(ahead) = &explanation.ahead else { continue };
            let index = backlog.index_of(&explanation.id).expect("present");
            let ahead_position = ranking.get(ahead).expect("ranked").position();
            for change in &explanation.changes {
                let f = fields().iter().position(|&field| field == change.field).expect("numeric");
                let passes = |value: f64| {
                    let items = specs.iter().enumerate().map(|(i, spec)| {
                        spec.build(i, |g, (low, _)| if i == index && g == f { value } else { low })
                    });
                    let changed = Backlog::from_items(items).expect("valid");
                    let ranking = changed.rank(engine.as_ref()).expect("ranks");
                    let (me, them) = (ranking.get(&explanation.id), ranking.get(ahead));
                    me.expect("ranked").position() < them.expect("ranked").position()
                };
                prop_assert!(passes(change.exact), "{}", change.message);
                let toward_now = if change.exact < change.now { change.exact.to_bits() + 1 } else { change.exact.to_bits() - 1 };
                prop_assert!(!passes(f64::from_bits(toward_now)), "{} is not exact", change.message);
                match change.bound {
                    Bound::AtMost | Bound::AtLeast => prop_assert!(passes(change.value), "{}", change.message),
                    // The value itself ties and loses; just beyond it wins.
                    Bound::Below => {
                        prop_assert!(!passes(change.value) && passes(change.value * (1.0 - 1e-9)), "{}", change.message);
                    }
                    Bound::Above => {
                        prop_assert!(!passes(change.value) && passes(change.value * (1.0 + 1e-9)), "{}", change.message);
                    }
                }
                prop_assert!(ahead_position + 1 == explanation.position);
            }
        }
    }

    /// A backlog compared with itself: tau-b and rho are 1 (when defined), no position differs,
    /// the top sets agree; its diff is empty; a one-engine consensus is that engine's order.
    #[test]
    fn a_backlog_agrees_with_itself(specs in proptest::collection::vec(spec(), 0..=8), choice: u8, k in 0..5_usize) {
        let engine = engine(choice);
        let backlog = point_backlog(&specs);
        let engines = [engine.as_ref(), engine.as_ref()];
        let comparison = compare(&backlog, &engines, k).expect("compares");
        let pair = &comparison.pairs[0];
        let ranking = backlog.rank(engine.as_ref()).expect("ranks");
        let distinct = ranking.iter().any(|e| e.rank() > 1);
        prop_assert_eq!(pair.kendall_tau_b, distinct.then_some(1.0));
        prop_assert_eq!(pair.spearman_rho.map(|rho| (rho - 1.0).abs() < 1e-12), distinct.then_some(true));
        prop_assert!(pair.differences.is_empty());
        prop_assert!(pair.top.only_first.is_empty() && pair.top.only_second.is_empty());
        prop_assert_eq!(pair.top.shared.len(), k.min(ranking.len()));

        prop_assert!(diff(&backlog, &backlog, engine.as_ref(), k).expect("diffs").is_empty());

        let single = consensus(&backlog, &[engine.as_ref()]).expect("counts");
        let order: Vec<&str> = ranking.iter().map(|e| e.item().id()).collect();
        prop_assert_eq!(single.ranking.iter().map(|e| e.id.as_str()).collect::<Vec<_>>(), order);
        let ranks: Vec<usize> = ranking.iter().map(|e| e.rank()).collect();
        prop_assert_eq!(single.ranking.iter().map(|e| e.rank).collect::<Vec<_>>(), ranks);
    }

    /// Tau-b (Knight's `O(n log n)` algorithm) equals the textbook pair count, bit for bit.
    #[test]
    fn tau_b_matches_the_pairwise_definition(pairs in proptest::collection::vec((0..6_u8, 0..6_u8), 0..40)) {
        let x: Vec<f64> = pairs.iter().map(|&(a, _)| f64::from(a)).collect();
        let y: Vec<f64> = pairs.iter().map(|&(_, b)| f64::from(b)).collect();
        prop_assert_eq!(kendall_tau_b(&x, &y), naive_tau_b(&x, &y));
    }

    /// Tau-b and rho are symmetric, within -1..=1, and flip sign when one sample is negated.
    #[test]
    fn correlations_are_symmetric_and_bounded(pairs in proptest::collection::vec((0..5_u8, 0..5_u8), 0..12)) {
        let x: Vec<f64> = pairs.iter().map(|&(a, _)| f64::from(a)).collect();
        let y: Vec<f64> = pairs.iter().map(|&(_, b)| f64::from(b)).collect();
        let minus_y: Vec<f64> = y.iter().map(|v| -v).collect();
        for correlation in [kendall_tau_b, spearman_rho] {
            let value = correlation(&x, &y);
            prop_assert_eq!(value, correlation(&y, &x));
            if let Some(value) = value {
                prop_assert!((-1.0 - 1e-12..=1.0 + 1e-12).contains(&value));
                let flipped = correlation(&x, &minus_y).expect("defined too");
                prop_assert!((flipped + value).abs() < 1e-12);
            }
        }
    }
}

/// Kendall's tau-b by its definition: every pair classified, `O(n²)`.
fn naive_tau_b(x: &[f64], y: &[f64]) -> Option<f64> {
    let n = x.len();
    if n < 2 {
        return None;
    }
    let (mut concordant, mut discordant, mut tied_x, mut tied_y) = (0_i64, 0_i64, 0_i64, 0_i64);
    for i in 0..n {
        for j in i + 1..n {
            let (dx, dy) = (x[i].total_cmp(&x[j]), y[i].total_cmp(&y[j]));
            tied_x += i64::from(dx.is_eq());
            tied_y += i64::from(dy.is_eq());
            if dx.is_ne() && dy.is_ne() {
                if dx == dy {
                    concordant += 1;
                } else {
                    discordant += 1;
                }
            }
        }
    }
    let all = i64::try_from(n * (n - 1) / 2).expect("a small sample");
    let denominator = ((all - tied_x) as f64 * (all - tied_y) as f64).sqrt();
    (denominator > 0.0).then(|| (concordant - discordant) as f64 / denominator)
}
