//! Decision support on hand-computed cases: sensitivity, explain, compare, consensus and diff.

use prioritize::analysis::{
    Bound, InputValue, compare, consensus, diff, explain, kendall_tau_b, sensitivity, spearman_rho,
    with_uncertainty,
};
use prioritize::model::{Estimate, ItemBuilder};
use prioritize::{Backlog, BacklogItem, Category, Engine, Field, Moscow, Rice, Wsjf};

/// A RICE item with impact and confidence 1, so its score is `reach / effort`.
fn rice(id: &str, reach: f64, effort: f64) -> ItemBuilder {
    BacklogItem::builder(id, id).reach(reach).impact(1).confidence(1).effort(effort)
}

#[track_caller]
fn backlog(items: impl IntoIterator<Item = ItemBuilder>) -> Backlog {
    Backlog::from_items(items.into_iter().map(|item| item.build().expect("valid item")))
        .expect("valid backlog")
}

fn ids(items: &[String]) -> Vec<&str> {
    items.iter().map(String::as_str).collect()
}

// --- sensitivity ---------------------------------------------------------------------------

#[test]
fn sensitivity_bounds_and_positions_by_hand() {
    // A: 100 / (1..=4, expected 2) = 50 in 25..=100; B: 60 fixed; C: (10..=40, expected 20) / 1.
    let backlog = backlog([
        rice("A", 100.0, 2.0).estimate(Field::Effort, 1, 2, 4),
        rice("B", 60.0, 1.0),
        rice("C", 20.0, 1.0).estimate(Field::Reach, 10, 20, 40),
    ]);
    let engine = Rice::default();
    let report = sensitivity(&backlog, &engine).expect("analyses");
    let rows: Vec<_> = report
        .items
        .iter()
        .map(|i| {
            (i.id.as_str(), i.position, i.score, i.min_score, i.max_score, i.best_position, i.worst_position)
        })
        .collect();
    assert_eq!(
        rows,
        [
            ("B", 1, Some(60.0), Some(60.0), Some(60.0), 1, 2),
            ("A", 2, Some(50.0), Some(25.0), Some(100.0), 1, 3),
            ("C", 3, Some(20.0), Some(10.0), Some(40.0), 2, 3),
        ]
    );
    assert_eq!(report.items[1].varied, [Field::Effort.as_str()]);
    // Only the ranges of the engine's inputs vary: A's business value is not RICE's.
    let with_other_range = self::backlog([rice("A", 100.0, 2.0).estimate(Field::BusinessValue, 1, 2, 4)]);
    let a = &sensitivity(&with_other_range, &engine).expect("analyses").items[0];
    assert_eq!((a.min_score, a.max_score, a.varied.len()), (Some(50.0), Some(50.0), 0));
    let top1 = report.top(1);
    assert_eq!((ids(&top1.certain), ids(&top1.possible)), (vec![], vec!["B", "A"]));
    let top2 = report.top(2);
    assert_eq!((ids(&top2.certain), ids(&top2.possible)), (vec!["B"], vec!["A", "C"]));
    assert_eq!(ids(&report.top(3).certain), ["B", "A", "C"]);
}

#[test]
fn sensitivity_breaks_equal_bounds_by_input_order() {
    // X (first in the input): 10..=20, expected 15; Y: 20 fixed. At X = 20 the two tie and X,
    // earlier in the input, sorts first: both can be first, both can be second.
    let first = backlog([rice("X", 15.0, 1.0).range(Field::Reach, 10, 20), rice("Y", 20.0, 1.0)]);
    let report = sensitivity(&first, &Rice::default()).expect("analyses");
    let rows: Vec<_> =
        report.items.iter().map(|i| (i.id.as_str(), i.best_position, i.worst_position)).collect();
    assert_eq!(rows, [("Y", 1, 2), ("X", 1, 2)]);

    // With Y first in the input, X at 20 ties and loses: Y is certainly first.
    let second = backlog([rice("Y", 20.0, 1.0), rice("X", 15.0, 1.0).range(Field::Reach, 10, 20)]);
    let report = sensitivity(&second, &Rice::default()).expect("analyses");
    let rows: Vec<_> =
        report.items.iter().map(|i| (i.id.as_str(), i.best_position, i.worst_position)).collect();
    assert_eq!(rows, [("Y", 1, 1), ("X", 2, 2)]);
}

#[test]
fn sensitivity_under_moscow_moves_only_within_a_category() {
    let backlog = backlog([
        rice("S", 100.0, 1.0).moscow(Category::Should).range(Field::Reach, 0, 1000),
        rice("M1", 10.0, 1.0).moscow(Category::Must),
        rice("M2", 20.0, 1.0).moscow(Category::Must).range(Field::Effort, 1, 4),
    ]);
    let engine = Moscow::default().then(Rice::default());
    let report = sensitivity(&backlog, &engine).expect("analyses");
    let rows: Vec<_> = report
        .items
        .iter()
        .map(|i| (i.id.as_str(), i.category, i.min_score, i.max_score, i.best_position, i.worst_position))
        .collect();
    // M2: 20 / (1..=4, expected 2.5) = 8 in 5..=20, against M1's 10. S stays third whatever its reach.
    assert_eq!(
        rows,
        [
            ("M1", Some(Category::Must), Some(10.0), Some(10.0), 1, 2),
            ("M2", Some(Category::Must), Some(5.0), Some(20.0), 1, 2),
            ("S", Some(Category::Should), Some(0.0), Some(1000.0), 3, 3),
        ]
    );
}

#[test]
fn uncertainty_widens_every_estimate() {
    let backlog = backlog([BacklogItem::builder("A", "a").reach(100).impact(2).confidence(0.5).effort(4)]);
    let wide = with_uncertainty(&backlog, 0.5).expect("valid fraction");
    let report = sensitivity(&wide, &Rice::default()).expect("analyses");
    let a = &report.items[0];
    // reach 50..=150, impact 1..=3, confidence 0.25..=0.75, effort 2..=6.
    assert_eq!(a.score, Some(25.0));
    assert_eq!(a.min_score, Some(50.0 * 1.0 * 0.25 / 6.0));
    assert_eq!(a.max_score, Some(150.0 * 3.0 * 0.75 / 2.0));
    assert_eq!(a.varied.len(), 4);
}

#[test]
fn uncertainty_keeps_explicit_ranges_and_rejects_bad_fractions() {
    let backlog = backlog([rice("A", 10.0, 1.0).range(Field::Effort, 1, 3)]);
    let wide = with_uncertainty(&backlog, 0.2).expect("valid fraction");
    assert_eq!(wide.item(0).estimate(Field::Effort).map(Estimate::ends), Some([1.0, 3.0]));
    for bad in [1.0, -0.1, f64::NAN] {
        let error = with_uncertainty(&backlog, bad).expect_err("invalid fraction").to_string();
        assert_eq!(error, format!("uncertainty {bad} is outside 0..1 (a fraction, e.g. 0.2 for ±20 %)"));
    }
}

#[test]
fn uncertainty_keeps_each_criterion_within_its_own_bounds() {
    let criterion = |id: &str, max: f64| {
        prioritize::Criterion::new(id).and_then(|c| c.bounds(Some(0.0), Some(max))).expect("valid")
    };
    let backlog = Backlog::builder()
        .criterion(criterion("small", 10.0))
        .criterion(criterion("large", 100.0))
        .item(BacklogItem::builder("A", "a").value("small", 8).value("large", 80).build().expect("valid"))
        .build()
        .expect("valid");
    // ±50 %: small 4..12 within 0..=10, large 40..120 within 0..=100.
    let wide = with_uncertainty(&backlog, 0.5).expect("valid fraction");
    let ends = |name: &str| wide.item(0).estimate(name).map(Estimate::ends);
    assert_eq!((ends("small"), ends("large")), (Some([4.0, 10.0]), Some([40.0, 100.0])));
}

// --- explain -------------------------------------------------------------------------------

#[test]
fn explain_solves_for_each_input_with_ties_broken_by_input_order() {
    // AUTH-2: 100 / 1 = 100, first in the input. CHK-7: 260 / 3. At effort 2.6 CHK-7 scores
    // exactly 100 in f64, ties, and loses the tie: it needs effort < 2.6. Reach must exceed 300
    // (+15.4 %), impact 300/260 = 1.1538... (1.16 at 3 digits), and confidence cannot exceed 1.
    let backlog = backlog([rice("AUTH-2", 100.0, 1.0), rice("CHK-7", 260.0, 3.0)]);
    let explanations = explain(&backlog, &Rice::default()).expect("explains");
    assert!(explanations[0].changes.is_empty());
    assert_eq!(explanations[0].ahead, None);
    let chk = &explanations[1];
    assert_eq!(chk.ahead.as_deref(), Some("AUTH-2"));
    let messages: Vec<&str> = chk.changes.iter().map(|c| c.message.as_str()).collect();
    let displayed: Vec<String> = chk.changes.iter().map(ToString::to_string).collect();
    assert_eq!(displayed, messages);
    assert_eq!(
        messages,
        [
            "CHK-7 passes AUTH-2 if effort < 2.6 (now 3)",
            "CHK-7 passes AUTH-2 if reach > 300 (now 260)",
            "CHK-7 passes AUTH-2 if impact >= 1.16 (now 1)",
        ]
    );
    let effort = &chk.changes[0];
    assert_eq!((effort.field, effort.bound, effort.value), (Field::Effort, Bound::Below, 2.6));
    assert_eq!(effort.exact.to_bits(), 2.6_f64.to_bits() - 1);
    // The relative change is |value − now| / now.
    let relative: Vec<f64> = chk.changes.iter().map(|c| c.relative_change).collect();
    assert_eq!(relative, [(3.0 - 2.6) / 3.0, (300.0 - 260.0) / 260.0, (1.16 - 1.0) / 1.0]);
}

#[test]
fn explain_rounds_a_limit_towards_passing_when_the_nearest_value_fails() {
    // CHK-7 passes AUTH-2 (100) when 260.51 / effort > 100, that is effort < 2.6051. At three
    // digits the nearest value, 2.61, fails; the next one down, 2.60, passes.
    let backlog = backlog([rice("AUTH-2", 100.0, 1.0), rice("CHK-7", 260.51, 3.0)]);
    let explanations = explain(&backlog, &Rice::default()).expect("explains");
    let effort = &explanations[1].changes[0];
    assert_eq!((effort.field, effort.bound, effort.value), (Field::Effort, Bound::AtMost, 2.6));
    assert_eq!(effort.message, "CHK-7 passes AUTH-2 if effort <= 2.6 (now 3)");
}

#[test]
fn explain_allows_the_tie_when_the_item_comes_first_in_the_input() {
    let backlog = backlog([rice("CHK-7", 260.0, 3.0), rice("AUTH-2", 100.0, 1.0)]);
    let explanations = explain(&backlog, &Rice::default()).expect("explains");
    let messages: Vec<&str> = explanations[1].changes.iter().map(|c| c.message.as_str()).collect();
    assert_eq!(
        messages,
        [
            "CHK-7 passes AUTH-2 if effort <= 2.6 (now 3)",
            "CHK-7 passes AUTH-2 if reach >= 300 (now 260)",
            "CHK-7 passes AUTH-2 if impact >= 1.16 (now 1)",
        ]
    );
}

#[test]
fn explain_reports_only_valid_values() {
    // B: 30 · 1 · 0.5 / 1 = 15 against A's 40. Confidence would need 40 / 30 > 1: not reported.
    let backlog = backlog([
        rice("A", 40.0, 1.0),
        BacklogItem::builder("B", "b").reach(30).impact(1).confidence(0.5).effort(1),
    ]);
    let explanations = explain(&backlog, &Rice::default()).expect("explains");
    let messages: Vec<&str> = explanations[1].changes.iter().map(|c| c.message.as_str()).collect();
    // Relative changes: effort 62.5 %, reach 166.7 %, impact 167 %.
    assert_eq!(
        messages,
        [
            "B passes A if effort < 0.375 (now 1)",
            "B passes A if reach > 80 (now 30)",
            "B passes A if impact >= 2.67 (now 1)",
        ]
    );
}

#[test]
fn explain_under_wsjf_and_across_moscow_categories() {
    let wsjf_item = |id: &str, value: f64, size: f64| {
        BacklogItem::builder(id, id).business_value(value).time_criticality(1).risk_reduction(1).effort(size)
    };
    let sized = backlog([wsjf_item("A", 8.0, 2.0), wsjf_item("B", 3.0, 1.0)]);
    let explanations = explain(&sized, &Wsjf::default()).expect("explains");
    // A: 10 / 2 = 5; B: 5 / 1. B ties at 5 and loses: it needs more than 5 (any part above).
    let messages: Vec<&str> = explanations[1].changes.iter().map(|c| c.message.as_str()).collect();
    assert_eq!(
        messages,
        [
            "B passes A if effort < 1 (now 1)",
            "B passes A if business_value > 3 (now 3)",
            "B passes A if time_criticality > 1 (now 1)",
            "B passes A if risk_reduction > 1 (now 1)",
        ]
    );

    let categorized =
        backlog([rice("M", 1.0, 1.0).moscow(Category::Must), rice("S", 100.0, 1.0).moscow(Category::Should)]);
    let engine = Moscow::default().then(Rice::default());
    let explanations = explain(&categorized, &engine).expect("explains");
    assert_eq!(explanations[1].ahead.as_deref(), Some("M"));
    assert!(explanations[1].changes.is_empty(), "no score passes a higher category");
}

// --- compare -------------------------------------------------------------------------------

#[test]
fn kendall_and_spearman_by_hand() {
    // No ties: 7 concordant and 3 discordant pairs; Σd² = 8.
    let (x, y) = ([1.0, 2.0, 3.0, 4.0, 5.0], [3.0, 1.0, 2.0, 5.0, 4.0]);
    assert_eq!(kendall_tau_b(&x, &y), Some(0.4));
    assert_eq!(spearman_rho(&x, &y), Some(1.0 - 6.0 * 8.0 / (5.0 * 24.0)));
    // Ties in both: 1 concordant, 1 discordant, 2 tied in x, 2 in y: 0 / sqrt(4 · 4).
    assert_eq!(kendall_tau_b(&[1.0, 1.0, 2.0, 2.0], &[1.0, 2.0, 1.0, 2.0]), Some(0.0));
    // Ties: 3 concordant, 1 discordant, 1 tied in x, 1 in y: 2 / sqrt(5 · 5).
    assert_eq!(kendall_tau_b(&[1.0, 2.0, 2.0, 3.0], &[1.0, 3.0, 2.0, 2.0]), Some(0.4));
    assert_eq!(spearman_rho(&[1.0, 2.0, 2.0, 3.0], &[1.0, 3.0, 2.0, 2.0]), Some(0.5));
    // A pair tied in both counts in neither numerator nor denominator's untied pairs.
    assert_eq!(kendall_tau_b(&[1.0, 1.0, 2.0], &[1.0, 1.0, 2.0]), Some(1.0));
    // Undefined: all tied, too short, unequal lengths.
    assert_eq!(kendall_tau_b(&[1.0, 1.0], &[1.0, 2.0]), None);
    assert_eq!(spearman_rho(&[1.0, 2.0], &[3.0, 3.0]), None);
    assert_eq!(kendall_tau_b(&[1.0], &[1.0]), None);
    assert_eq!(spearman_rho(&[1.0, 2.0], &[1.0]), None);
}

/// RICE orders A, B, C; WSJF orders B, C, A.
fn two_framework_backlog() -> Backlog {
    let item = |id: &str, reach: f64, value: f64| {
        rice(id, reach, 1.0).business_value(value).time_criticality(0).risk_reduction(0)
    };
    backlog([item("A", 30.0, 1.0), item("B", 20.0, 3.0), item("C", 10.0, 2.0)])
}

#[test]
fn compare_two_frameworks_by_hand() {
    let backlog = two_framework_backlog();
    let (rice, wsjf) = (Rice::default(), Wsjf::default());
    let engines: [&dyn Engine; 2] = [&rice, &wsjf];
    let comparison = compare(&backlog, &engines, 2).expect("compares");
    assert_eq!(comparison.frameworks, ["rice", "wsjf"]);
    let pair = &comparison.pairs[0];
    assert_eq!((pair.first.as_str(), pair.second.as_str(), pair.common), ("rice", "wsjf", 3));
    // Ranks (1, 2, 3) against (3, 1, 2): pairs AB and AC discordant, BC concordant.
    assert_eq!(pair.kendall_tau_b, Some(-1.0 / 3.0));
    // About the mean 2: Σ dx·dy = -1, Σ dx² = Σ dy² = 2.
    assert_eq!(pair.spearman_rho, Some(-0.5));
    assert_eq!(ids(&pair.top.shared), ["B"]);
    assert_eq!((ids(&pair.top.only_first), ids(&pair.top.only_second)), (vec!["A"], vec!["C"]));
    let differences: Vec<_> =
        pair.differences.iter().map(|d| (d.id.as_str(), d.first, d.second, d.difference)).collect();
    assert_eq!(differences, [("A", 1, 3, 2), ("B", 2, 1, -1), ("C", 3, 2, -1)]);
}

#[test]
fn compare_counts_engine_ties_as_ties() {
    // MoSCoW without a secondary engine ties every Must: tau-b sees one tied pair.
    let backlog = backlog([
        rice("A", 30.0, 1.0).moscow(Category::Must),
        rice("B", 20.0, 1.0).moscow(Category::Must),
        rice("C", 10.0, 1.0).moscow(Category::Could),
        BacklogItem::builder("D", "d").moscow(Category::Wont),
    ]);
    let (rice, moscow) = (Rice::default(), Moscow::default());
    let engines: [&dyn Engine; 2] = [&rice, &moscow];
    let comparison = compare(&backlog, &engines, 1).expect("compares");
    let pair = &comparison.pairs[0];
    // D is unscored by RICE, so A, B and C are the items in common.
    assert_eq!(pair.common, 3);
    // Ranks (1, 2, 3) and (1, 1, 3): 2 concordant, 1 tied in y: 2 / sqrt(3 · 2).
    assert_eq!(pair.kendall_tau_b, Some(2.0 / 6.0_f64.sqrt()));
    assert!(pair.differences.is_empty(), "positions agree");
    let unscored: Vec<Vec<(&str, Vec<&str>)>> = comparison
        .unscored
        .iter()
        .map(|list| {
            list.iter().map(|u| (u.id.as_str(), u.missing.iter().map(String::as_str).collect())).collect()
        })
        .collect();
    assert_eq!(unscored, [vec![("D", vec!["reach", "impact", "confidence", "effort"])], vec![]]);
}

// --- consensus -----------------------------------------------------------------------------

#[test]
fn borda_with_ties_by_hand() {
    // MoSCoW: A, C tie as Must (positions 1-2: (3 + 2) / 2 = 2.5 each), B, D tie as Should
    // ((1 + 0) / 2 = 0.5 each). RICE: D 40, C 30, B 20, A 10: 3, 2, 1, 0.
    let backlog = backlog([
        rice("A", 10.0, 1.0).moscow(Category::Must),
        rice("B", 20.0, 1.0).moscow(Category::Should),
        rice("C", 30.0, 1.0).moscow(Category::Must),
        rice("D", 40.0, 1.0).moscow(Category::Should),
        BacklogItem::builder("E", "e").moscow(Category::Must),
    ]);
    let (moscow, rice) = (Moscow::default(), Rice::default());
    let engines: [&dyn Engine; 2] = [&moscow, &rice];
    let result = consensus(&backlog, &engines).expect("counts");
    let rows: Vec<_> = result
        .ranking
        .iter()
        .map(|e| (e.position, e.rank, e.id.as_str(), e.points, e.positions.clone()))
        .collect();
    assert_eq!(
        rows,
        [
            (1, 1, "C", 4.5, vec![2, 2]),
            (2, 2, "D", 3.5, vec![5, 1]),
            (3, 3, "A", 2.5, vec![1, 4]),
            (4, 4, "B", 1.5, vec![4, 3]),
        ]
    );
    assert_eq!(result.excluded.len(), 1);
    assert_eq!((result.excluded[0].id.as_str(), ids(&result.excluded[0].unscored_by)), ("E", vec!["rice"]));
}

#[test]
fn borda_ties_on_points_keep_the_input_order_and_share_the_rank() {
    // RICE orders A, B, C and WSJF the reverse: 2 + 0, 1 + 1, 0 + 2 points.
    let item = |id: &str, reach: f64, value: f64| {
        rice(id, reach, 1.0).business_value(value).time_criticality(0).risk_reduction(0)
    };
    let backlog = backlog([item("A", 3.0, 1.0), item("B", 2.0, 2.0), item("C", 1.0, 3.0)]);
    let (rice, wsjf) = (Rice::default(), Wsjf::default());
    let engines: [&dyn Engine; 2] = [&rice, &wsjf];
    let result = consensus(&backlog, &engines).expect("counts");
    let rows: Vec<_> = result.ranking.iter().map(|e| (e.position, e.rank, e.id.as_str(), e.points)).collect();
    assert_eq!(rows, [(1, 1, "A", 2.0), (2, 1, "B", 2.0), (3, 1, "C", 2.0)]);
}

// --- diff ----------------------------------------------------------------------------------

#[test]
fn diff_by_hand() {
    let old =
        backlog([rice("A", 30.0, 1.0), rice("B", 20.0, 1.0), rice("C", 10.0, 1.0), rice("U", 1.0, 1.0)]);
    let new = backlog([
        rice("A", 30.0, 1.0),
        rice("B", 40.0, 1.0),
        rice("D", 25.0, 1.0),
        BacklogItem::builder("U", "u").reach(1),
    ]);
    let result = diff(&old, &new, &Rice::default(), 1).expect("diffs");
    assert_eq!((ids(&result.added), ids(&result.removed)), (vec!["D"], vec!["C"]));
    let moves: Vec<_> =
        result.moved.iter().map(|m| (m.id.as_str(), m.old_position, m.new_position, m.change)).collect();
    assert_eq!(moves, [("B", 2, 1, 1), ("A", 1, 2, -1)]);
    let b = &result.moved[0].inputs;
    assert_eq!(b.len(), 1);
    assert_eq!(
        (b[0].field.as_str(), b[0].old, b[0].new),
        (Field::Reach.as_str(), Some(InputValue::Number(20.0)), Some(InputValue::Number(40.0)))
    );
    assert!(result.moved[1].inputs.is_empty(), "A moved because B did");
    assert_eq!((ids(&result.entered_top), ids(&result.left_top)), (vec!["B"], vec!["A"]));
    assert_eq!((ids(&result.now_unscored), ids(&result.now_scored)), (vec!["U"], vec![]));
    assert!(!result.is_empty());
}

#[test]
fn a_diff_is_empty_only_when_every_list_is() {
    let old = backlog([rice("A", 30.0, 1.0), rice("B", 20.0, 1.0)]);
    let same = diff(&old, &old, &Rice::default(), 1).expect("diffs");
    assert!(same.is_empty());
    let new = backlog([rice("A", 30.0, 1.0), rice("B", 40.0, 1.0)]);
    let a_move = diff(&old, &new, &Rice::default(), 1).expect("diffs").moved[0].clone();
    for list in 0..7 {
        let mut one = same.clone();
        match list {
            0 => one.added.push("X".to_owned()),
            1 => one.removed.push("X".to_owned()),
            2 => one.moved.push(a_move.clone()),
            3 => one.entered_top.push("X".to_owned()),
            4 => one.left_top.push("X".to_owned()),
            5 => one.now_unscored.push("X".to_owned()),
            _ => one.now_scored.push("X".to_owned()),
        }
        assert!(!one.is_empty(), "list {list}");
    }
}

#[test]
#[cfg(feature = "serde")]
fn diff_reports_a_changed_alignment_as_resolved() {
    // B's contribution to the only objective goes from 0.2 to 0.9; with λ = 1 its RICE score
    // is scaled by its alignment: 20 · 0.2 = 4 behind A's 10 · 1 = 10, then 20 · 0.9 = 18 ahead.
    let version = |b: f64| {
        serde_json::from_value::<Backlog>(serde_json::json!({
            "objectives": [{"id": "growth", "weight": 1}],
            "items": [
                {"id": "A", "reach": 10, "impact": 1, "confidence": 1, "effort": 1, "alignment": {"growth": 1.0}},
                {"id": "B", "reach": 20, "impact": 1, "confidence": 1, "effort": 1, "alignment": {"growth": b}}
            ]
        }))
        .expect("valid")
    };
    let rice = Rice::default().alignment_weight(prioritize::AlignmentWeight::new(1.0).expect("valid"));
    let result = diff(&version(0.2), &version(0.9), &rice, 1).expect("diffs");
    let b = &result.moved[0];
    assert_eq!((b.id.as_str(), b.old_position, b.new_position), ("B", 2, 1));
    let inputs: Vec<_> = b.inputs.iter().map(|i| (i.field.as_str(), i.old, i.new)).collect();
    assert_eq!(inputs, [("alignment", Some(InputValue::Number(0.2)), Some(InputValue::Number(0.9)))]);
}

#[test]
fn diff_reports_category_changes() {
    let old =
        backlog([rice("A", 1.0, 1.0).moscow(Category::Must), rice("B", 1.0, 1.0).moscow(Category::Should)]);
    let new =
        backlog([rice("A", 1.0, 1.0).moscow(Category::Could), rice("B", 1.0, 1.0).moscow(Category::Should)]);
    let result = diff(&old, &new, &Moscow::default(), 1).expect("diffs");
    let a = &result.moved[1];
    assert_eq!((a.id.as_str(), a.change), ("A", -1));
    assert_eq!(
        (a.inputs[0].field.as_str(), a.inputs[0].old, a.inputs[0].new),
        (
            Field::Moscow.as_str(),
            Some(InputValue::Category(Category::Must)),
            Some(InputValue::Category(Category::Could))
        )
    );
    #[cfg(feature = "serde")]
    assert_eq!(
        serde_json::to_string(&a.inputs[0]).expect("serializes"),
        r#"{"field":"moscow","old":"must","new":"could"}"#
    );
}

#[test]
fn result_types_are_send_and_sync() {
    fn send_sync<T: Send + Sync + 'static>() {}
    send_sync::<prioritize::analysis::Sensitivity>();
    send_sync::<prioritize::analysis::TopK>();
    send_sync::<prioritize::analysis::Explanation>();
    send_sync::<prioritize::analysis::Comparison>();
    send_sync::<prioritize::analysis::Consensus>();
    send_sync::<prioritize::analysis::RankingDiff>();
    send_sync::<prioritize::analysis::Agreement>();
    send_sync::<prioritize::analysis::Strategy>();
    send_sync::<Estimate>();
}
