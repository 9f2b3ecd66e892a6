//! WSJF against SAFe's definition and Black Swan Farming's CD3 example.

use prioritize::engine::Scale;
use prioritize::{Backlog, BacklogItem, ErrorKind, Field, Wsjf};

fn feature(id: &str, parts: [u32; 3], job_size: f64) -> BacklogItem {
    BacklogItem::builder(id, id)
        .business_value(parts[0])
        .time_criticality(parts[1])
        .risk_reduction(parts[2])
        .effort(job_size)
        .build()
        .unwrap()
}

#[test]
fn safe_cost_of_delay_is_the_sum_of_its_three_parts() {
    // SAFe's example: user-business value 1 + time criticality 3 + risk reduction 5 = 9.
    assert_eq!(Wsjf::cost_of_delay(1.0, 3.0, 5.0), 9.0);
    let backlog = Backlog::from_items([feature("F", [1, 3, 5], 3.0)]).unwrap();
    let wsjf = Wsjf::default();
    let ranking = backlog.rank(wsjf).unwrap();
    let entry = ranking.at(1).unwrap();
    assert_eq!(entry.score(), Some(3.0));
    let breakdown = entry.breakdown();
    let parts: Vec<(&str, f64)> = breakdown.iter().collect();
    assert_eq!(
        parts,
        [
            ("business_value", 1.0),
            ("time_criticality", 3.0),
            ("risk_reduction", 5.0),
            ("cost_of_delay", 9.0),
            ("job_size", 3.0),
            ("wsjf", 3.0),
        ]
    );
}

#[test]
fn black_swan_farming_cd3_ranks_7_5_above_5() {
    // CD3 (Black Swan Farming): cost of delay 10 over duration 2 = 5; 30 over 4 = 7.5.
    let backlog =
        Backlog::from_items([feature("A", [4, 3, 3], 2.0), feature("B", [10, 10, 10], 4.0)]).unwrap();
    let wsjf = Wsjf::default();
    let ranking = backlog.rank(wsjf).unwrap();
    let scores: Vec<(&str, f64)> = ranking.iter().map(|e| (e.item().id(), e.score().unwrap())).collect();
    assert_eq!(scores, [("B", 7.5), ("A", 5.0)]);
}

#[test]
fn strict_scale_accepts_the_modified_fibonacci_values() {
    let items: Vec<BacklogItem> = [1, 2, 3, 5, 8, 13, 20]
        .into_iter()
        .map(|v: u32| feature(&format!("F{v}"), [v, 1, 20], f64::from(v)))
        .collect();
    let backlog = Backlog::from_items(items).unwrap();
    let strict = Wsjf::default().scale(Scale::Fibonacci);
    assert_eq!(backlog.rank(strict).unwrap().len(), 7);
}

#[test]
fn strict_scale_rejects_values_off_the_scale() {
    let backlog =
        Backlog::from_items([feature("F1", [1, 3, 5], 3.0), feature("F2", [4, 3, 5], 3.0)]).unwrap();
    let strict = Wsjf::default().scale(Scale::Fibonacci);
    let error = backlog.rank(strict).unwrap_err();
    assert_eq!(
        (error.kind(), error.item(), error.field()),
        (ErrorKind::Value, Some("F2"), Some("business_value"))
    );
    assert_eq!(
        error.to_string(),
        r#"item "F2": business_value 4 is not on the wsjf scale 1, 2, 3, 5, 8, 13, 20 (strict mode)"#
    );
    // The default accepts any non-negative number.
    let wsjf = Wsjf::default();
    assert_eq!(backlog.rank(wsjf).unwrap().len(), 2);
}

#[test]
fn strict_scale_rejects_a_zero_part_and_a_fractional_job_size() {
    let strict = Wsjf::default().scale(Scale::Fibonacci);
    let zero = Backlog::from_items([feature("Z", [0, 3, 5], 3.0)]).unwrap();
    assert_eq!(zero.rank(strict).unwrap_err().field(), Some("business_value"));
    let half = Backlog::from_items([feature("H", [1, 3, 5], 2.5)]).unwrap();
    assert_eq!(half.rank(strict).unwrap_err().field(), Some("effort"));
}

#[test]
fn items_without_job_size_are_unscored() {
    let backlog = Backlog::from_items([
        feature("A", [1, 1, 1], 1.0),
        BacklogItem::builder("B", "b").business_value(5).time_criticality(2).build().unwrap(),
    ])
    .unwrap();
    let wsjf = Wsjf::default();
    let ranking = backlog.rank(wsjf).unwrap();
    assert_eq!(ranking.len(), 1);
    let missing: Vec<Field> = ranking.unscored().next().unwrap().missing().iter().collect();
    // Listed in interchange order, where effort comes before the WSJF parts.
    assert_eq!(missing, [Field::Effort, Field::RiskReduction]);
}
