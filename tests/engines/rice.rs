//! RICE against Intercom's published examples (Sean McBride, "RICE: Simple prioritization for
//! product managers", Intercom, 2016).

use prioritize::{AlignmentWeight, Backlog, BacklogItem, Confidence, Impact, Objective, Rice};

/// Intercom's three example projects: reach 450, 2000, 800; impact 3, 1, 2; confidence 100 %,
/// 80 %, 50 %; effort 2, 4, 1 person-months.
fn intercom() -> Backlog {
    Backlog::from_items([
        BacklogItem::builder("P1", "Project 1")
            .reach(450)
            .impact(Impact::MASSIVE)
            .confidence(Confidence::HIGH)
            .effort(2)
            .build()
            .unwrap(),
        BacklogItem::builder("P2", "Project 2")
            .reach(2000)
            .impact(Impact::MEDIUM)
            .confidence(Confidence::MEDIUM)
            .effort(4)
            .build()
            .unwrap(),
        BacklogItem::builder("P3", "Project 3")
            .reach(800)
            .impact(Impact::HIGH)
            .confidence(Confidence::LOW)
            .effort(1)
            .build()
            .unwrap(),
    ])
    .unwrap()
}

#[test]
fn intercom_projects_score_675_400_800() {
    let backlog = intercom();
    let rice = Rice::default();
    let ranking = backlog.rank(rice).unwrap();
    let scores: Vec<(&str, f64)> = ranking.iter().map(|e| (e.item().id(), e.score().unwrap())).collect();
    assert_eq!(scores, [("P3", 800.0), ("P1", 675.0), ("P2", 400.0)]);
    let ranks: Vec<usize> = ranking.iter().map(|e| e.rank()).collect();
    assert_eq!(ranks, [1, 2, 3]);
}

#[test]
fn breakdown_names_every_input() {
    let backlog = intercom();
    let rice = Rice::default();
    let ranking = backlog.rank(rice).unwrap();
    let p2 = ranking.get("P2").unwrap();
    let breakdown = p2.breakdown();
    let parts: Vec<(&str, f64)> = breakdown.iter().collect();
    assert_eq!(
        parts,
        [("reach", 2000.0), ("impact", 1.0), ("confidence", 0.8), ("effort", 4.0), ("rice", 400.0)]
    );
}

#[test]
fn formula_is_reach_times_impact_times_confidence_over_effort() {
    assert_eq!(Rice::formula(450.0, 3.0, 1.0, 2.0), 675.0);
    assert_eq!(Rice::formula(2000.0, 1.0, 0.8, 4.0), 400.0);
    assert_eq!(Rice::formula(800.0, 2.0, 0.5, 1.0), 800.0);
    assert_eq!(Rice::formula(4000.0, 2.0, 0.8, 3.0), 4000.0 * 2.0 * 0.8 / 3.0);
}

#[test]
fn alignment_weight_scales_by_one_minus_lambda_plus_lambda_alignment() {
    // growth 3 + retention 1; P2 contributes fully to growth only: alignment 3/4 = 0.75.
    let objectives = [Objective::new("growth", 3.0).unwrap(), Objective::new("retention", 1.0).unwrap()];
    let items = [
        BacklogItem::builder("P2", "Project 2")
            .reach(2000)
            .impact(1)
            .confidence(0.8)
            .effort(4)
            .contribution("growth", 1.0)
            .build()
            .unwrap(),
        BacklogItem::builder("P3", "Project 3")
            .reach(800)
            .impact(2)
            .confidence(0.5)
            .effort(1)
            .build()
            .unwrap(),
    ];
    let backlog = Backlog::new(items, objectives).unwrap();
    assert_eq!(backlog.alignment(0), 0.75);
    assert_eq!(backlog.alignment(1), 0.0);
    let rice = Rice::default().alignment_weight(AlignmentWeight::new(0.5).unwrap());
    let ranking = backlog.rank(rice).unwrap();
    // P2: 400 * (1 - 0.5 + 0.5 * 0.75) = 350; P3: 800 * 0.5 = 400.
    let scores: Vec<(&str, f64)> = ranking.iter().map(|e| (e.item().id(), e.score().unwrap())).collect();
    assert_eq!(scores, [("P3", 400.0), ("P2", 350.0)]);
    let breakdown = ranking.get("P2").unwrap().breakdown();
    assert_eq!(breakdown.get("rice"), Some(400.0));
    assert_eq!(breakdown.get("alignment"), Some(0.75));
    assert_eq!(breakdown.get("alignment_factor"), Some(0.875));
}

#[test]
fn full_alignment_weight_ranks_by_alignment_times_score() {
    let backlog = Backlog::from_items([
        BacklogItem::builder("A", "a")
            .reach(100)
            .impact(1)
            .confidence(1)
            .effort(1)
            .alignment(0.2)
            .build()
            .unwrap(),
        BacklogItem::builder("B", "b")
            .reach(50)
            .impact(1)
            .confidence(1)
            .effort(1)
            .alignment(1.0)
            .build()
            .unwrap(),
    ])
    .unwrap();
    let rice = Rice::default().alignment_weight(AlignmentWeight::new(1.0).unwrap());
    let ranking = backlog.rank(rice).unwrap();
    let scores: Vec<(&str, f64)> = ranking.iter().map(|e| (e.item().id(), e.score().unwrap())).collect();
    assert_eq!(scores, [("B", 50.0), ("A", 20.0)]);
}

#[test]
fn equal_scores_share_a_rank_and_keep_input_order() {
    let item = |id: &str, reach: u32| {
        BacklogItem::builder(id, id).reach(reach).impact(1).confidence(1).effort(1).build().unwrap()
    };
    let backlog = Backlog::from_items([item("A", 10), item("B", 20), item("C", 20), item("D", 5)]).unwrap();
    let rice = Rice::default();
    let ranking = backlog.rank(rice).unwrap();
    let rows: Vec<(usize, usize, &str)> =
        ranking.iter().map(|e| (e.position(), e.rank(), e.item().id())).collect();
    assert_eq!(rows, [(1, 1, "B"), (2, 1, "C"), (3, 3, "A"), (4, 4, "D")]);
}

#[test]
fn unscored_items_are_reported_with_their_missing_fields_not_as_zero() {
    let backlog = Backlog::from_items([
        BacklogItem::builder("A", "a").reach(10).impact(1).confidence(1).effort(1).build().unwrap(),
        BacklogItem::builder("B", "b").reach(0).impact(1).confidence(1).effort(1).build().unwrap(),
        BacklogItem::builder("C", "c").impact(1).build().unwrap(),
    ])
    .unwrap();
    let rice = Rice::default();
    let ranking = backlog.rank(rice).unwrap();
    let ranked: Vec<(&str, f64)> = ranking.iter().map(|e| (e.item().id(), e.score().unwrap())).collect();
    assert_eq!(ranked, [("A", 10.0), ("B", 0.0)]);
    let unscored: Vec<(&str, String)> =
        ranking.unscored().map(|u| (u.item().id(), u.missing().to_string())).collect();
    assert_eq!(unscored, [("C", "reach, confidence, effort".to_owned())]);
}

#[test]
fn top_k_keeps_the_first_k_of_the_full_order() {
    let backlog = intercom();
    let rice = Rice::default();
    let top = backlog.rank_with(rice, &prioritize::RankOptions::default().top(2)).unwrap();
    let ids: Vec<&str> = top.iter().map(|e| e.item().id()).collect();
    assert_eq!(ids, ["P3", "P1"]);
    assert_eq!(top.len(), 2);
    let none = backlog.rank_with(rice, &prioritize::RankOptions::default().top(0)).unwrap();
    assert!(none.is_empty());
}

#[test]
fn empty_backlog_ranks_to_an_empty_ranking() {
    let backlog = Backlog::from_items([]).unwrap();
    let rice = Rice::default();
    let ranking = backlog.rank(rice).unwrap();
    assert!(ranking.is_empty());
    assert_eq!(ranking.unscored().len(), 0);
    assert!(ranking.warnings().is_empty());
}
