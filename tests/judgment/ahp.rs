//! AHP against published examples, its errors, and its invariants.

use prioritize::ErrorKind;
use prioritize::judgment::{Ahp, Comparison, RandomIndex};
use proptest::prelude::*;

fn compare(pairs: &[(&str, &str, f64)]) -> Vec<Comparison> {
    pairs.iter().map(|&(a, b, ratio)| Comparison::new(a, b, ratio).expect("a valid comparison")).collect()
}

fn rounded(ahp: &Ahp, decimals: usize) -> Vec<String> {
    ahp.weights().map(|(id, weight)| format!("{id} {weight:.decimals$}")).collect()
}

/// Saaty's drinks example ("Decision making with the analytic hierarchy process", International
/// Journal of Services Sciences 1(1), 2008): which drink is consumed more in the US. The weights
/// and the Donegan-Dodd consistency ratio are AHPy's test values (precision 4).
#[test]
fn saatys_drinks() {
    let drinks = compare(&[
        ("coffee", "wine", 9.0),
        ("coffee", "tea", 5.0),
        ("coffee", "beer", 2.0),
        ("coffee", "soda", 1.0),
        ("coffee", "milk", 1.0),
        ("water", "coffee", 2.0),
        ("water", "wine", 9.0),
        ("water", "tea", 9.0),
        ("water", "beer", 3.0),
        ("water", "soda", 2.0),
        ("water", "milk", 3.0),
        ("tea", "wine", 3.0),
        ("beer", "wine", 9.0),
        ("beer", "tea", 3.0),
        ("beer", "milk", 1.0),
        ("soda", "wine", 9.0),
        ("soda", "tea", 4.0),
        ("soda", "beer", 2.0),
        ("soda", "milk", 2.0),
        ("milk", "wine", 9.0),
        ("milk", "tea", 3.0),
    ]);
    let ahp = Ahp::with_random_index(&drinks, RandomIndex::DoneganDodd).expect("complete");
    assert_eq!(
        rounded(&ahp, 4),
        [
            "coffee 0.1775",
            "wine 0.0191",
            "tea 0.0418",
            "beer 0.1164",
            "soda 0.1896",
            "milk 0.1288",
            "water 0.3268"
        ]
    );
    let first = ahp.weights().max_by(|a, b| a.1.total_cmp(&b.1)).map(|(id, _)| id);
    let last = ahp.weights().min_by(|a, b| a.1.total_cmp(&b.1)).map(|(id, _)| id);
    assert_eq!((first, last), (Some("water"), Some("wine")));
    assert_eq!(format!("{:.4}", ahp.consistency_ratio().expect("7 have an index")), "0.0235");
    assert_eq!(ahp.random_index(), Some(1.2519));
    assert!(ahp.is_consistent());
    assert_eq!(ahp.completed().len(), 0);
}

/// Bozóki, Fülöp and Rónyai, "On optimal completion of incomplete pairwise comparison matrices",
/// Mathematical and Computer Modelling 52(1-2), 2010: the 4 x 4 example without c/d is completed
/// by c/d = 0.7303 (AHPy's test values, precision 4); given c/d = 3/4, the weights and lambda_max.
#[test]
fn bozokis_incomplete_example_and_its_completion() {
    let given = [("a", "b", 1.0), ("a", "c", 5.0), ("a", "d", 2.0), ("b", "c", 3.0), ("b", "d", 4.0)];
    let incomplete = Ahp::with_random_index(&compare(&given), RandomIndex::DoneganDodd).expect("connected");
    let completed: Vec<(&str, &str, f64)> = incomplete.completed().collect();
    assert_eq!(completed.len(), 1);
    assert_eq!((completed[0].0, completed[0].1), ("c", "d"));
    assert!((completed[0].2 - 0.730_297_106_886_979).abs() < 1e-6, "{completed:?}");
    assert_eq!(rounded(&incomplete, 4), ["a 0.3738", "b 0.3920", "c 0.0985", "d 0.1357"]);
    assert_eq!(format!("{:.4}", incomplete.consistency_ratio().expect("4 have an index")), "0.0372");

    let mut whole = given.to_vec();
    whole.push(("c", "d", 0.75));
    let complete = Ahp::new(&compare(&whole)).expect("complete");
    assert_eq!(rounded(&complete, 4), ["a 0.3742", "b 0.3917", "c 0.0991", "d 0.1349"]);
    assert_eq!(format!("{:.4}", complete.lambda_max()), "4.0925");
    // Saaty's classic index for 4: 0.90.
    assert_eq!(complete.random_index(), Some(0.90));
    let ci = (complete.lambda_max() - 4.0) / 3.0;
    assert!((complete.consistency_index() - ci).abs() < 1e-15);
    assert!((complete.consistency_ratio().expect("an index") - ci / 0.90).abs() < 1e-15);
    // The completion never makes the judgments less consistent than a given value would.
    assert!(incomplete.lambda_max() <= complete.lambda_max());
}

/// The weights are the principal eigenvector (A·w = lambda_max·w), not the column-normalisation
/// shortcut (the mean of each row of the matrix with its columns scaled to sum 1), which differs
/// as soon as the judgments disagree. Rows: 1 1/2 1/7 | 2 1 1/5 | 7 5 1.
#[test]
fn the_weights_are_the_eigenvector_not_the_column_shortcut() {
    let matrix = [[1.0, 0.5, 1.0 / 7.0], [2.0, 1.0, 0.2], [7.0, 5.0, 1.0]];
    let ahp =
        Ahp::new(&compare(&[("a", "b", 0.5), ("a", "c", 1.0 / 7.0), ("b", "c", 0.2)])).expect("complete");
    let weights: Vec<f64> = ahp.weights().map(|(_, weight)| weight).collect();
    for (row, weight) in matrix.iter().zip(&weights) {
        let product: f64 = row.iter().zip(&weights).map(|(a, w)| a * w).sum();
        assert!((product - ahp.lambda_max() * weight).abs() < 1e-12, "{product} {weight}");
    }
    assert!((weights.iter().sum::<f64>() - 1.0).abs() < 1e-12);
    let columns: Vec<f64> = (0..3).map(|j| matrix.iter().map(|row| row[j]).sum()).collect();
    let shortcut: Vec<f64> =
        matrix.iter().map(|row| row.iter().zip(&columns).map(|(a, c)| a / c).sum::<f64>() / 3.0).collect();
    assert!(weights.iter().zip(&shortcut).any(|(w, s)| (w - s).abs() > 1e-3), "{weights:?} {shortcut:?}");
    assert!(ahp.lambda_max() > 3.0);
}

#[test]
fn ratios_are_numbers_or_fractions_within_one_ninth_and_nine() {
    assert!((Comparison::parse("a", "b", " 1 / 9 ").expect("a fraction").ratio() - 1.0 / 9.0).abs() < 1e-15);
    assert_eq!(Comparison::parse("a", "b", "0.25").expect("a number").ratio(), 0.25);
    for (text, shown) in [("10", "10"), ("1/10", "0.1"), ("0", "0"), ("-3", "-3")] {
        let error = Comparison::parse("a", "b", text).expect_err("out of range");
        assert_eq!(
            (error.kind(), error.item(), error.field()),
            (ErrorKind::Value, Some("a"), Some("comparisons"))
        );
        assert_eq!(
            error.to_string(),
            format!(
                "comparison \"a\" against \"b\": ratio {shown} is not a number in 1/9..=9 (such as 3, 0.5 or \"1/3\")"
            )
        );
    }
    let error = Comparison::parse("a", "b", "three").expect_err("no number");
    assert!(error.to_string().contains("ratio \"three\" is not"), "{error}");
    assert!(Comparison::parse("a", "b", "1/0").is_err());
    assert!(Comparison::new("a", "b", f64::NAN).is_err());
}

#[test]
fn mistakes_name_what_they_concern() {
    let error = Comparison::new("growth", "growth", 2.0).expect_err("a self-comparison");
    assert_eq!((error.kind(), error.item()), (ErrorKind::Structure, Some("growth")));
    assert_eq!(error.to_string(), "comparison \"growth\" against itself: compare two different things");

    let twice = compare(&[("a", "b", 2.0), ("b", "c", 1.0), ("b", "a", 0.5)]);
    let error = Ahp::new(&twice).expect_err("a pair given twice");
    assert_eq!((error.kind(), error.item()), (ErrorKind::Structure, Some("b")));
    assert_eq!(error.to_string(), "comparison \"b\" against \"a\" is given twice (give each pair once)");

    let apart = compare(&[("a", "b", 2.0), ("c", "d", 3.0), ("d", "e", 1.0)]);
    let error = Ahp::new(&apart).expect_err("two groups");
    assert_eq!(
        (error.kind(), error.item(), error.field()),
        (ErrorKind::Structure, Some("c"), Some("comparisons"))
    );
    assert_eq!(
        error.to_string(),
        "the comparisons leave \"c\", \"d\", \"e\" apart from \"a\", \"b\": compare one of them with one of the others"
    );
    assert_eq!("Saaty".parse::<RandomIndex>().expect("any case"), RandomIndex::Saaty);
    assert_eq!("dd".parse::<RandomIndex>().expect_err("unknown").kind(), ErrorKind::Parameter);
}

#[test]
fn small_and_large_sets_of_judgments() {
    // Nothing compared: no weights; two: they cannot disagree.
    let none = Ahp::new(&[]).expect("nothing to weigh");
    assert_eq!((none.weights().len(), none.consistency_ratio()), (0, Some(0.0)));
    let two = Ahp::new(&compare(&[("a", "b", 3.0)])).expect("a pair");
    assert_eq!(rounded(&two, 4), ["a 0.7500", "b 0.2500"]);
    assert_eq!((two.consistency_ratio(), two.most_inconsistent()), (Some(0.0), None));
    // Saaty's classic table stops at 10; Donegan and Dodd's goes on (interpolated between sizes).
    let ids: Vec<String> = (0..12).map(|at| format!("c{at}")).collect();
    let chain: Vec<Comparison> =
        ids.windows(2).map(|pair| Comparison::new(&pair[0], &pair[1], 2.0).expect("valid")).collect();
    let long = Ahp::new(&chain).expect("a chain connects");
    assert_eq!(long.random_index(), None);
    assert!(long.is_consistent(), "a chain completes consistently");
    assert_eq!(RandomIndex::DoneganDodd.of(12), Some(1.4497));
    assert!(
        (RandomIndex::DoneganDodd.of(22).expect("interpolated") - (1.5371 + (1.5619 - 1.5371) * 0.4)).abs()
            < 1e-12
    );
    assert_eq!(RandomIndex::DoneganDodd.of(101), None);
}

#[test]
fn the_most_inconsistent_comparison_is_the_one_against_the_weights() {
    // Weights 8 : 4 : 2 : 1 judged consistently, but for b against d, turned around.
    let judged = [
        ("a", "b", 2.0),
        ("a", "c", 4.0),
        ("a", "d", 8.0),
        ("b", "c", 2.0),
        ("b", "d", 0.25),
        ("c", "d", 2.0),
    ];
    let ahp = Ahp::new(&compare(&judged)).expect("complete");
    assert_eq!(ahp.most_inconsistent(), Some(("b", "d")));
    assert!(!ahp.is_consistent());
    #[cfg(feature = "serde")]
    {
        let json = serde_json::to_value(&ahp).expect("serializes");
        assert_eq!(json["most_inconsistent"], serde_json::json!(["b", "d"]));
        assert_eq!(json["consistent"], serde_json::json!(false));
        assert_eq!(
            json["weights"].as_object().map(|w| w.keys().cloned().collect::<Vec<_>>()),
            Some(vec!["a".to_owned(), "b".to_owned(), "c".to_owned(), "d".to_owned()])
        );
        for key in ["lambda_max", "consistency_index", "random_index", "consistency_ratio"] {
            assert!(json[key].is_number(), "{key}");
        }
    }
}

/// Weights `w` (a few, each in 1/3..3) and which pairs are given: all, or a connecting chain
/// with some extra pairs.
fn judgments() -> impl Strategy<Value = (Vec<f64>, Vec<(usize, usize)>)> {
    (2_usize..8).prop_flat_map(|n| {
        // Within 1/3..3: every ratio w_i / w_j is on Saaty's scale, so every pair can be given.
        let weights = proptest::collection::vec(1.0_f64 / 3.0..3.0, n);
        let extra = proptest::collection::vec((0..n, 0..n), 0..n * n);
        (weights, extra, any::<bool>()).prop_map(move |(weights, extra, all)| {
            let mut pairs: Vec<(usize, usize)> = if all {
                (0..n).flat_map(|i| (i + 1..n).map(move |j| (i, j))).collect()
            } else {
                (1..n).map(|j| (j - 1, j)).collect()
            };
            for (i, j) in extra {
                if i != j && !pairs.iter().any(|&(a, b)| (a, b) == (i, j) || (a, b) == (j, i)) {
                    pairs.push((i, j));
                }
            }
            (weights, pairs)
        })
    })
}

/// Ratios from weights.
fn consistent(weights: &[f64], pairs: &[(usize, usize)]) -> Vec<Comparison> {
    pairs
        .iter()
        .map(|&(i, j)| {
            Comparison::new(format!("x{i}"), format!("x{j}"), weights[i] / weights[j]).expect("in range")
        })
        .collect()
}

proptest! {
    /// Judgments that agree perfectly (a_ij = w_i / w_j), every pair given or only some, give back
    /// w (normalised) and a consistency ratio of 0.
    #[test]
    fn consistent_judgments_give_back_their_weights((weights, pairs) in judgments()) {
        let comparisons = consistent(&weights, &pairs);
        let ahp = Ahp::new(&comparisons).expect("the given pairs connect every weight");
        let total: f64 = ahp.weights().map(|(id, _)| weights[id[1..].parse::<usize>().expect("an index")]).sum();
        for (id, weight) in ahp.weights() {
            let expected = weights[id[1..].parse::<usize>().expect("an index")] / total;
            prop_assert!((weight - expected).abs() < 1e-6, "{} {} {}", id, weight, expected);
        }
        prop_assert!(ahp.consistency_index() < 1e-9, "{}", ahp.consistency_index());
        prop_assert!(ahp.consistency_ratio().is_none_or(|ratio| ratio < 1e-8));
        prop_assert_eq!(ahp.most_inconsistent(), None);
    }

    /// Naming the things otherwise, or giving the comparisons in another order, permutes the answer.
    #[test]
    fn relabelling_permutes_the_weights(
        ratios in proptest::collection::vec(1_u32..=17, 6),
        order in Just((0..6).collect::<Vec<usize>>()).prop_shuffle(),
    ) {
        let pairs = [(0, 1), (0, 2), (0, 3), (1, 2), (1, 3), (2, 3)];
        // Ratios on Saaty's scale: 1/9 .. 9.
        let ratio = |k: u32| if k <= 8 { 1.0 / f64::from(10 - k) } else { f64::from(k - 8) };
        let make = |name: &dyn Fn(usize) -> String, order: &[usize]| {
            let comparisons: Vec<Comparison> = order
                .iter()
                .map(|&at| { let (i, j) = pairs[at]; Comparison::new(name(i), name(j), ratio(ratios[at])).expect("valid") })
                .collect();
            Ahp::new(&comparisons).expect("complete")
        };
        let first = make(&|i| format!("p{i}"), &[0, 1, 2, 3, 4, 5]);
        let second = make(&|i| format!("q{}", 3 - i), &order);
        for i in 0..4 {
            let (a, b) = (first.weight(&format!("p{i}")), second.weight(&format!("q{}", 3 - i)));
            prop_assert!((a.unwrap_or(f64::NAN) - b.unwrap_or(f64::NAN)).abs() < 1e-12);
        }
        prop_assert!((first.lambda_max() - second.lambda_max()).abs() < 1e-9);
    }
}
