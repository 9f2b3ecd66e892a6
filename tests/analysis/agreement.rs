//! What the analyses make of ratings by several raters: how far the raters disagree (spreads,
//! with and without bounds), and the ranges sensitivity varies over.

use prioritize::analysis::{agreement, sensitivity, with_uncertainty};
use prioritize::{Backlog, BacklogItem, Criterion, Field, Rice};

#[test]
fn spreads_with_and_without_bounds() {
    let backlog = Backlog::builder()
        .criterion(Criterion::new("revenue").and_then(|c| c.bounds(Some(0.0), Some(10.0))).expect("valid"))
        .criterion(Criterion::new("risk").and_then(|c| c.bounds(Some(0.0), None)).expect("valid"))
        .criterion(Criterion::new("margin").expect("valid"))
        .item(
            BacklogItem::builder("A", "a")
                .ratings(Field::Confidence, [("po", 0.75), ("pm", 0.25)])
                .ratings(Field::Effort, [("po", 2), ("pm", 8)])
                .ratings("revenue", [("po", 2), ("pm", 7)])
                .build()
                .expect("valid"),
        )
        .item(
            BacklogItem::builder("B", "b")
                .ratings(Field::Importance, [("po", 2), ("pm", 8)])
                .ratings("risk", [("po", 3), ("pm", 12)])
                .ratings("margin", [("po", -4), ("pm", 2)])
                .ratings(Field::Reach, [("po", 500), ("pm", 500)])
                .build()
                .expect("valid"),
        )
        .build()
        .expect("valid backlog");
    let report = agreement(&backlog);
    let rows: Vec<(&str, &str, f64)> =
        report.items.iter().map(|f| (f.id.as_str(), f.field.as_str(), f.spread)).collect();
    assert_eq!(
        rows,
        [
            // Without both bounds: (largest − smallest) / max(|largest|, |smallest|).
            ("B", "margin", 6.0 / 4.0),
            ("A", "effort", 6.0 / 8.0),
            ("B", "risk", 9.0 / 12.0),
            // With both: (largest − smallest) / (max − min), importance 0..=10.
            ("B", "importance", 0.6),
            // Equal spreads: input order, then field order (built-in fields, then criteria).
            ("A", "confidence", 0.5),
            ("A", "revenue", 0.5),
            ("B", "reach", 0.0),
        ]
    );
    let margin = &report.items[0];
    assert_eq!((margin.value, margin.min, margin.max), (-1.0, -4.0, 2.0));
    assert_eq!(margin.ratings, [("pm".to_owned(), 2.0), ("po".to_owned(), -4.0)]);
    #[cfg(feature = "serde")]
    {
        let json = serde_json::to_value(&report).expect("serializable");
        assert_eq!(json["aggregate"], "mean");
        assert_eq!(
            json["items"][0],
            serde_json::json!({"id": "B", "field": "margin", "spread": 1.5, "value": -1.0, "min": -4.0, "max": 2.0,
                               "ratings": {"pm": 2.0, "po": -4.0}})
        );
    }
}

#[test]
fn sensitivity_sees_the_raters_disagree() {
    // A: 100 · 1 · 1 / 1 = 100; B's confidence rated 0.25..0.75 (mean 0.5): 60..180 around 120.
    let backlog = Backlog::from_items([
        BacklogItem::builder("A", "a").reach(100).impact(1).confidence(1).effort(1).build().expect("valid"),
        BacklogItem::builder("B", "b")
            .reach(240)
            .impact(1)
            .ratings(Field::Confidence, [("po", 0.75), ("pm", 0.25), ("eng", 0.5)])
            .effort(1)
            .build()
            .expect("valid"),
    ])
    .expect("valid backlog");
    let report = sensitivity(&backlog, &Rice::default()).expect("sensitivity");
    let b = &report.items[0];
    assert_eq!(
        (b.id.as_str(), b.score, b.min_score, b.max_score),
        ("B", Some(120.0), Some(60.0), Some(180.0))
    );
    assert_eq!((b.best_position, b.worst_position, b.varied.clone()), (1, 2, vec!["confidence".to_owned()]));
    // A blanket uncertainty leaves the rated field's range as the ratings give it.
    let wide = with_uncertainty(&backlog, 0.5).expect("valid");
    let confidence = wide.item(1).estimate_or_point(Field::Confidence).expect("rated");
    assert_eq!(confidence.ends(), [0.25, 0.75]);
    assert_eq!(
        wide.item(1).estimate_or_point(Field::Reach).map(prioritize::model::Estimate::ends),
        Some([120.0, 360.0])
    );
    assert!(wide.item(1).ratings(Field::Confidence).is_some());
}

#[test]
fn spreads_of_ratings_a_whole_f64_range_apart() {
    // −MAX..MAX is wider than f64 can hold; the spread is computed from halves.
    let max = f64::MAX;
    let backlog = Backlog::builder()
        .criterion(Criterion::new("bounded").and_then(|c| c.bounds(Some(-max), Some(max))).expect("valid"))
        .criterion(Criterion::new("unbounded").expect("valid"))
        .item(
            BacklogItem::builder("A", "a")
                .ratings("bounded", [("po", -max), ("pm", max)])
                .ratings("unbounded", [("po", -max), ("pm", max)])
                .build()
                .expect("valid"),
        )
        .build()
        .expect("valid backlog");
    let report = agreement(&backlog);
    let spreads: Vec<(&str, f64)> = report.items.iter().map(|f| (f.field.as_str(), f.spread)).collect();
    // (MAX − −MAX) / max(|MAX|, |−MAX|) = 2 without bounds; / (MAX − −MAX) = 1 with them.
    assert_eq!(spreads, [("unbounded", 2.0), ("bounded", 1.0)]);
}

#[test]
fn a_spread_is_relative_to_the_width_of_the_bounds() {
    // Ratings 4 and 9 on a scale of 2 to 12: (9 − 4) / (12 − 2).
    let backlog = Backlog::builder()
        .criterion(Criterion::new("fit").and_then(|c| c.bounds(Some(2.0), Some(12.0))).expect("valid"))
        .item(BacklogItem::builder("A", "a").ratings("fit", [("po", 4), ("pm", 9)]).build().expect("valid"))
        .build()
        .expect("valid backlog");
    assert_eq!(agreement(&backlog).items[0].spread, 0.5);
}
