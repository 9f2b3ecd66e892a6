//! Range estimates in the model and the JSON interchange format.
#![cfg(feature = "serde")]

use prioritize::model::Estimate;
use prioritize::{Backlog, BacklogItem, ErrorKind, Field, Rice};

#[track_caller]
fn item(json: &str) -> BacklogItem {
    match serde_json::from_str(json) {
        Ok(item) => item,
        Err(error) => panic!("{json} did not parse: {error}"),
    }
}

#[track_caller]
fn assert_rejected(json: &str, message: &str) {
    let error = serde_json::from_str::<BacklogItem>(json).expect_err(json).to_string();
    assert!(error.starts_with(message), "{json}\n  gave: {error}\n  want: {message}");
}

#[test]
fn a_range_without_expected_has_its_midpoint_as_point_value() {
    let item = item(r#"{"id": "A", "title": "a", "effort": {"low": 2, "high": 5}}"#);
    assert_eq!(item.effort().map(f64::from), Some(3.5));
    let range = item.estimate(Field::Effort).expect("a range");
    assert_eq!((range.low(), range.expected(), range.high()), (2.0, 3.5, 5.0));
    assert_eq!(item.estimates().map(|(field, _)| field).collect::<Vec<_>>(), [Field::Effort.as_str()]);
}

#[test]
fn a_range_with_expected_keeps_it_as_point_value() {
    let item = item(r#"{"id": "A", "title": "a", "reach": {"low": 100, "expected": 150, "high": 400}}"#);
    assert_eq!(item.reach().map(f64::from), Some(150.0));
    assert_eq!(item.estimate_or_point(Field::Reach).map(Estimate::ends), Some([100.0, 400.0]));
}

#[test]
fn every_numeric_field_takes_a_range() {
    let item = item(
        r#"{"id": "A", "title": "a", "reach": {"low": 1, "high": 3}, "impact": {"low": 0.5, "high": 3},
            "confidence": {"low": 0.5, "high": 1}, "effort": {"low": 1, "high": 2},
            "business_value": {"low": 1, "high": 3}, "time_criticality": {"low": 0, "high": 2},
            "risk_reduction": {"low": 2, "high": 8}, "ease": {"low": 1, "high": 5},
            "cost_of_delay": {"low": 1000, "high": 3000}, "duration": {"low": 1, "high": 4},
            "importance": {"low": 6, "high": 9}, "satisfaction": {"low": 0, "high": 10}}"#,
    );
    let fields: Vec<&str> = item.estimates().map(|(field, _)| field).collect();
    assert_eq!(fields, Field::NUMERIC.map(Field::as_str));
    assert_eq!(item.impact().map(f64::from), Some(1.75));
    assert_eq!(item.confidence().map(f64::from), Some(0.75));
    assert_eq!(item.time_criticality().map(f64::from), Some(1.0));
    assert_eq!(item.duration().map(f64::from), Some(2.5));
    assert_eq!(item.satisfaction().map(f64::from), Some(5.0));
}

#[test]
fn rankings_use_the_point_values() {
    let backlog: Backlog = serde_json::from_str(
        r#"[{"id": "A", "title": "a", "reach": 100, "impact": 1, "confidence": 1, "effort": {"low": 1, "high": 9}},
            {"id": "B", "title": "b", "reach": 30, "impact": 1, "confidence": 1, "effort": 1}]"#,
    )
    .expect("valid");
    let rice = Rice::default();
    let ranking = backlog.rank(rice).expect("ranks");
    let scores: Vec<(&str, Option<f64>)> = ranking.iter().map(|e| (e.item().id(), e.score())).collect();
    // A's effort is the midpoint 5: 100 / 5 = 20 < 30.
    assert_eq!(scores, [("B", Some(30.0)), ("A", Some(20.0))]);
}

#[test]
fn out_of_order_ranges_are_errors_naming_item_and_field() {
    assert_rejected(
        r#"{"id": "A", "title": "a", "effort": {"low": 5, "high": 2}}"#,
        r#"item "A": effort range {low: 5, high: 2} is out of order (need low <= expected <= high)"#,
    );
    assert_rejected(
        r#"{"id": "A", "title": "a", "reach": {"low": 2, "expected": 6, "high": 5}}"#,
        r#"item "A": reach range {low: 2, expected: 6, high: 5} is out of order (need low <= expected <= high)"#,
    );
}

#[test]
fn each_end_is_checked_like_the_plain_value() {
    assert_rejected(
        r#"{"id": "A", "title": "a", "effort": {"low": 0, "high": 2}}"#,
        r#"item "A": effort 0 is outside the finite numbers > 0 (an effort of 0 would make the score infinite)"#,
    );
    assert_rejected(
        r#"{"id": "A", "title": "a", "confidence": {"low": 50, "high": 80}}"#,
        r#"item "A": confidence 50 is outside 0..=1 (write 0.5 for 50 %)"#,
    );
    assert_rejected(
        r#"{"id": "A", "title": "a", "reach": {"low": -1, "high": 2}}"#,
        r#"item "A": reach -1 is outside the finite numbers >= 0"#,
    );
    assert_rejected(
        r#"{"id": "A", "title": "a", "impact": {"low": 1, "expected": -2, "high": 2}}"#,
        r#"item "A": impact -2 is outside the finite numbers >= 0"#,
    );
}

#[test]
fn malformed_ranges_are_errors() {
    assert_rejected(
        r#"{"id": "A", "title": "a", "effort": {"low": 1, "hgh": 2}}"#,
        r#"item "A": effort "hgh" is not a range key: low, expected or high"#,
    );
    assert_rejected(
        r#"{"id": "A", "title": "a", "effort": {"low": 1}}"#,
        r#"item "A": effort "{low: 1}" is not a range with both low and high"#,
    );
    assert_rejected(
        r#"{"id": "A", "title": "a", "effort": {"low": 1, "low": 2, "high": 3}}"#,
        r#"item "A": effort "{low: 1, low: 2, high: 3}" is not a range naming each of low, expected, high at most once"#,
    );
    assert_rejected(
        r#"{"id": "A", "title": "a", "moscow": {"low": 1, "high": 2}}"#,
        r#"item "A": moscow: expected a MoSCoW label, got an object"#,
    );
}

#[test]
fn the_builder_checks_ranges_like_json() {
    let item =
        BacklogItem::builder("A", "a").estimate(Field::Confidence, 0.5, 0.8, 1).build().expect("valid");
    assert_eq!(item.confidence().map(f64::from), Some(0.8));
    let error = BacklogItem::builder("A", "a").range(Field::Effort, 3, 1).build().expect_err("out of order");
    assert_eq!((error.kind(), error.item(), error.field()), (ErrorKind::Value, Some("A"), Some("effort")));
    assert_eq!(
        error.to_string(),
        r#"item "A": effort range {low: 3, high: 1} is out of order (need low <= expected <= high)"#
    );
}

#[test]
fn items_with_ranges_serialize_back_to_the_same_item() {
    let json = r#"{"id": "A", "title": "a", "reach": {"low": 100, "expected": 150, "high": 400},
                   "impact": 2, "effort": {"low": 1, "high": 2}}"#;
    let original = item(json);
    let written = serde_json::to_string(&original).expect("serializes");
    assert_eq!(
        written,
        r#"{"id":"A","title":"a","reach":{"low":100.0,"expected":150.0,"high":400.0},"impact":2.0,"effort":{"low":1.0,"expected":1.5,"high":2.0}}"#
    );
    assert_eq!(item(&written), original);
}

#[test]
fn estimates_display_as_ranges() {
    let item = BacklogItem::builder("A", "a").range(Field::Effort, 2, 5).reach(3).build().expect("valid");
    assert_eq!(
        item.estimate_or_point(Field::Effort).map(|e| e.to_string()),
        Some("2..=5 (expected 3.5)".to_owned())
    );
    assert_eq!(item.estimate_or_point(Field::Reach).map(|e| e.to_string()), Some("3".to_owned()));
    assert!(item.estimate_or_point(Field::Reach).is_some_and(Estimate::is_point));
}
