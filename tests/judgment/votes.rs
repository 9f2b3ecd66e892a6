//! Bradley-Terry strengths against a published example, a naive reference, its errors, and its
//! invariants.

use prioritize::ErrorKind;
use prioritize::judgment::{Strengths, Vote};
use proptest::prelude::*;

/// Votes from a wins matrix: row i beat column j `wins[i][j]` times.
pub(crate) fn from_wins(wins: &[Vec<u32>]) -> Vec<Vote> {
    let mut votes = Vec::new();
    for (i, row) in wins.iter().enumerate() {
        for (j, &count) in row.iter().enumerate() {
            if count > 0 {
                votes.push(
                    Vote::new(format!("i{i}"), format!("i{j}")).weight(f64::from(count)).expect("a weight"),
                );
            }
        }
    }
    votes
}

/// The reference: Zermelo's fixed point `p_i = W_i / Σ_j n_ij / (p_i + p_j)`, iterated plainly
/// (Jacobi, one strength at a time from the last round's), a million rounds at most.
fn naive(n: usize, wins: &[Vec<u32>]) -> Vec<f64> {
    let mut p = vec![1.0 / n as f64; n];
    for _ in 0..1_000_000 {
        let next: Vec<f64> = (0..n)
            .map(|i| {
                let won: f64 = wins[i].iter().map(|&w| f64::from(w)).sum();
                let denominator: f64 = (0..n)
                    .filter(|&j| j != i)
                    .map(|j| f64::from(wins[i][j] + wins[j][i]) / (p[i] + p[j]))
                    .sum();
                won / denominator
            })
            .collect();
        let total: f64 = next.iter().sum();
        let next: Vec<f64> = next.iter().map(|x| x / total).collect();
        let moved = next.iter().zip(&p).map(|(a, b)| (a - b).abs()).fold(0.0, f64::max);
        p = next;
        if moved < 1e-14 {
            break;
        }
    }
    p
}

/// Hunter's example ("MM algorithms for generalized Bradley-Terry models", Annals of Statistics
/// 32(1), 2004), as in choix's documentation: the wins matrix [[0,2,0,1],[3,0,5,0],[0,3,0,1],[4,0,3,0]].
#[test]
fn the_published_wins_matrix() {
    let wins = vec![vec![0, 2, 0, 1], vec![3, 0, 5, 0], vec![0, 3, 0, 1], vec![4, 0, 3, 0]];
    let strengths = Strengths::from_votes(&from_wins(&wins), None).expect("a maximum exists");
    let rounded: Vec<String> = strengths.iter().map(|(id, p)| format!("{id} {p:.4}")).collect();
    assert_eq!(rounded, ["i0 0.1387", "i1 0.2262", "i3 0.4921", "i2 0.1430"]);
    assert!((strengths.iter().map(|(_, p)| p).sum::<f64>() - 1.0).abs() < 1e-12);
    for (i, reference) in naive(4, &wins).iter().enumerate() {
        let found = strengths.get(&format!("i{i}")).expect("voted");
        assert!((found - reference).abs() < 1e-7, "{i}: {found} against {reference}");
    }
}

#[test]
fn votes_without_a_maximum_name_the_items_unless_a_prior_is_given() {
    let never_lost = [Vote::new("A", "B"), Vote::new("A", "C"), Vote::new("B", "C"), Vote::new("C", "B")];
    let error = Strengths::from_votes(&never_lost, None).expect_err("A never lost");
    assert_eq!((error.kind(), error.item(), error.field()), (ErrorKind::Structure, Some("A"), Some("votes")));
    assert_eq!(
        error.to_string(),
        "the votes give no strengths: \"A\" never lost (give a prior, such as 1, to rank them anyway)"
    );
    let never_won = [Vote::new("A", "B"), Vote::new("B", "A"), Vote::new("A", "C"), Vote::new("B", "C")];
    let error = Strengths::from_votes(&never_won, None).expect_err("C never won");
    assert_eq!(
        error.to_string(),
        "the votes give no strengths: \"C\" never won (give a prior, such as 1, to rank them anyway)"
    );
    // Two groups that beat each other within but one never lost to the other.
    let groups = [
        Vote::new("A", "B"),
        Vote::new("B", "A"),
        Vote::new("C", "D"),
        Vote::new("D", "C"),
        Vote::new("A", "C"),
    ];
    let error = Strengths::from_votes(&groups, None).expect_err("A and B never lost outside");
    assert_eq!(
        error.to_string(),
        "the votes give no strengths: \"A\", \"B\" never lost against an item outside them (give a prior, such as 1, to rank them anyway)"
    );
    // With a prior every case has strengths, in the order the votes say.
    for votes in [&never_lost[..], &never_won[..], &groups[..]] {
        let strengths = Strengths::from_votes(votes, Some(1.0)).expect("a prior always has an answer");
        assert!((strengths.iter().map(|(_, p)| p).sum::<f64>() - 1.0).abs() < 1e-12);
        assert!(strengths.iter().all(|(_, p)| p > 0.0 && p.is_finite()));
    }
    let prior = Strengths::from_votes(&never_lost, Some(1.0)).expect("ranked");
    assert!(prior.get("A") > prior.get("B") && prior.get("A") > prior.get("C"));
    assert_eq!(
        Strengths::from_votes(&never_lost, Some(0.0)).expect_err("no prior of 0").kind(),
        ErrorKind::Parameter
    );
    let error = Strengths::from_votes(&[Vote::new("A", "A")], None).expect_err("a vote against itself");
    assert_eq!(
        (error.kind(), error.to_string().as_str()),
        (ErrorKind::Value, "vote 0: \"A\" cannot win against itself")
    );
    assert_eq!(Vote::new("A", "B").weight(f64::NAN).expect_err("no NaN weight").kind(), ErrorKind::Parameter);
}

/// A wins matrix of a few items where everyone played everyone at least once both ways.
fn wins_matrix() -> impl Strategy<Value = Vec<Vec<u32>>> {
    (2_usize..6).prop_flat_map(|n| {
        proptest::collection::vec(proptest::collection::vec(1_u32..6, n), n).prop_map(|mut wins| {
            for (i, row) in wins.iter_mut().enumerate() {
                row[i] = 0;
            }
            wins
        })
    })
}

proptest! {
    /// The strengths are the maximum likelihood's: the naive fixed point's, to 1e-7.
    #[test]
    fn strengths_match_the_naive_reference(wins in wins_matrix()) {
        let strengths = Strengths::from_votes(&from_wins(&wins), None).expect("everyone won and lost");
        for (i, reference) in naive(wins.len(), &wins).iter().enumerate() {
            let found = strengths.get(&format!("i{i}")).expect("voted");
            prop_assert!((found - reference).abs() < 1e-7, "{}: {} against {}", i, found, reference);
        }
    }

    /// Every vote counted k times, or given k times, or with weight k: the same strengths.
    #[test]
    fn repeated_votes_give_the_same_strengths(wins in wins_matrix(), k in 2_u32..5) {
        let once = Strengths::from_votes(&from_wins(&wins), None).expect("a maximum");
        let mut repeated = Vec::new();
        for _ in 0..k {
            repeated.extend(from_wins(&wins));
        }
        let weighted: Vec<Vote> = from_wins(&wins)
            .into_iter()
            .map(|vote| { let w = vote.weight_of(); vote.weight(w * f64::from(k)).expect("a weight") })
            .collect();
        for other in [Strengths::from_votes(&repeated, None).expect("a maximum"), Strengths::from_votes(&weighted, None).expect("a maximum")] {
            for (id, p) in once.iter() {
                prop_assert!((other.get(id).expect("voted") - p).abs() < 1e-8);
            }
        }
    }
}
