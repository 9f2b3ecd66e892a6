//! Ratings by several raters: exact weighted means and medians, the errors that name item, field,
//! rater and value, and reading and writing them. What the analyses make of ratings is tested in
//! the analysis suite's `agreement` module.

#[cfg(feature = "serde")]
use prioritize::interchange::Config;
use prioritize::{Aggregate, Backlog, BacklogItem, Criterion, Field, Rater};
#[cfg(feature = "serde")]
use serde::de::DeserializeSeed;

fn rater(id: &str, weight: f64) -> Rater {
    Rater::new(id, weight).expect("valid rater")
}

/// The value of `field` of the only item of a backlog rated by `ratings` (rater, rating), the
/// raters weighted by `weights` and combined by `aggregate`.
#[track_caller]
fn aggregate_of(aggregate: Aggregate, weights: &[(&str, f64)], ratings: &[(&str, f64)]) -> f64 {
    let item = BacklogItem::builder("A", "a").ratings(Field::Effort, ratings.iter().copied()).build();
    let backlog = Backlog::builder()
        .raters(weights.iter().map(|&(id, weight)| rater(id, weight)))
        .aggregate(aggregate)
        .item(item.expect("valid item"))
        .build()
        .expect("valid backlog");
    backlog.item(0).value(Field::Effort).expect("rated")
}

#[cfg(feature = "serde")]
#[track_caller]
fn rejected(json: &str) -> String {
    serde_json::from_str::<Backlog>(json).expect_err("invalid backlog").to_string()
}

#[test]
fn aggregates_stay_exact_for_weights_and_ratings_across_the_f64_range() {
    let two = |exponent: i32| 2_f64.powi(exponent);
    // Weights far beyond 2^511, or far below its inverse, are scaled by a power of two first.
    for w in [two(1000), two(-1000), 1.0] {
        assert_eq!(Aggregate::Mean.combine(&[(2.0, w), (6.0, 3.0 * w)]), Some(5.0), "{w:e}");
        assert_eq!(Aggregate::Median.combine(&[(1.0, 3.0 * w), (2.0, w), (3.0, w)]), Some(1.0), "{w:e}");
        assert_eq!(Aggregate::Median.combine(&[(1.0, w), (2.0, w), (3.0, 3.0 * w)]), Some(3.0), "{w:e}");
    }
    // Ratings whose weighted sum overflows: the mean is a sum of shares, 0.75 · MAX exactly.
    let max = f64::MAX;
    assert_eq!(Aggregate::Mean.combine(&[(max, 1.0), (max / 2.0, 1.0)]), Some(0.75 * max));
    assert_eq!(Aggregate::Mean.combine(&[(max, two(600)), (max / 2.0, two(600))]), Some(0.75 * max));
}

#[test]
fn a_ratings_view_reports_its_ratings_extremes_spread_and_equality() {
    let rated = |ratings: &[(&str, f64)]| {
        BacklogItem::builder("A", "a").ratings(Field::Effort, ratings.iter().copied()).build().expect("valid")
    };
    let owned = rated(&[("eng", 5.0), ("pm", 8.0), ("po", 2.0)]);
    let backlog = Backlog::from_items([owned.clone()]).expect("valid");
    let stored = backlog.item(0);
    let (a, b) =
        (owned.ratings(Field::Effort).expect("rated"), stored.ratings(Field::Effort).expect("rated"));
    for ratings in [&a, &b] {
        assert_eq!((ratings.len(), ratings.is_empty(), ratings.min(), ratings.max()), (3, false, 2.0, 8.0));
        assert_eq!((ratings.get("pm"), ratings.get("qa")), (Some(8.0), None));
        // (8 − 2) / 8 without bounds, (8 − 2) / 10 within 0..=10.
        assert_eq!((ratings.spread(None), ratings.spread(Some((0.0, 10.0)))), (0.75, 0.6));
    }
    assert_eq!(a, b);
    let other = rated(&[("eng", 6.0), ("pm", 8.0), ("po", 2.0)]);
    let fewer = rated(&[("pm", 8.0), ("po", 2.0)]);
    let renamed = rated(&[("qa", 5.0), ("pm", 8.0), ("po", 2.0)]);
    for different in [&other, &fewer, &renamed] {
        assert_ne!(a, different.ratings(Field::Effort).expect("rated"));
    }
}

#[test]
fn weighted_means_are_exact() {
    let (po2, equal) = ([("po", 2.0), ("pm", 1.0), ("eng", 1.0)], [("po", 1.0), ("pm", 1.0), ("eng", 1.0)]);
    let ratings = [("po", 8.0), ("pm", 3.0), ("eng", 5.0)];
    // (2 · 8 + 3 + 5) / 4 = 6; (8 + 3 + 5) / 3 = 16 / 3.
    assert_eq!(aggregate_of(Aggregate::Mean, &po2, &ratings), 6.0);
    assert_eq!(aggregate_of(Aggregate::Mean, &equal, &ratings), 16.0 / 3.0);
    // Weights 3 and 1: (3 · 1 + 5) / 4 = 2; weights 0.5 and 1.5: (0.5 + 7.5) / 2 = 4.
    assert_eq!(aggregate_of(Aggregate::Mean, &[("a", 3.0), ("b", 1.0)], &[("a", 1.0), ("b", 5.0)]), 2.0);
    assert_eq!(aggregate_of(Aggregate::Mean, &[("a", 0.5), ("b", 1.5)], &[("a", 1.0), ("b", 5.0)]), 4.0);
    // Equal ratings give that rating, whatever the weights.
    assert_eq!(aggregate_of(Aggregate::Mean, &[("a", 3.0), ("b", 7.0)], &[("a", 0.1), ("b", 0.1)]), 0.1);
    // The default is the mean.
    let backlog = Backlog::from_items([BacklogItem::builder("A", "a")
        .ratings(Field::Reach, [("x", 100), ("y", 300)])
        .build()
        .expect("valid")])
    .expect("valid");
    assert_eq!((backlog.aggregate(), backlog.item(0).value(Field::Reach)), (Aggregate::Mean, Some(200.0)));
}

#[test]
fn weighted_medians_take_the_smallest_rating_that_reaches_half_the_weight() {
    let median =
        |weights: &[(&str, f64)], ratings: &[(&str, f64)]| aggregate_of(Aggregate::Median, weights, ratings);
    // Even total weight 2: 3 alone reaches 1, half of it.
    assert_eq!(median(&[("a", 1.0), ("b", 1.0)], &[("a", 3.0), ("b", 5.0)]), 3.0);
    assert_eq!(median(&[("a", 1.0), ("b", 1.0)], &[("a", 5.0), ("b", 3.0)]), 3.0);
    // Odd total weight 3: 3 (1), 5 (2 >= 1.5).
    let equal = [("po", 1.0), ("pm", 1.0), ("eng", 1.0)];
    assert_eq!(median(&equal, &[("po", 8.0), ("pm", 3.0), ("eng", 5.0)]), 5.0);
    // Four equal weights, total 4: 1 (1), 2 (2 >= 2).
    let four = [("a", 1.0), ("b", 1.0), ("c", 1.0), ("d", 1.0)];
    assert_eq!(median(&four, &[("a", 4.0), ("b", 2.0), ("c", 1.0), ("d", 3.0)]), 2.0);
    // Unequal weights, total 4: 3 (1), 5 (2 >= 2), so the heavy 8 does not win.
    let po2 = [("po", 2.0), ("pm", 1.0), ("eng", 1.0)];
    assert_eq!(median(&po2, &[("po", 8.0), ("pm", 3.0), ("eng", 5.0)]), 5.0);
    // Total 4: 3 (1), 8 (4 >= 2): the rater of weight 3 carries it either way.
    assert_eq!(median(&[("po", 3.0), ("pm", 1.0)], &[("po", 8.0), ("pm", 3.0)]), 8.0);
    assert_eq!(median(&[("po", 1.0), ("pm", 3.0)], &[("po", 8.0), ("pm", 3.0)]), 3.0);
    // Total 5 (odd): 1 (2), 4 (3 >= 2.5).
    assert_eq!(median(&[("a", 2.0), ("b", 1.0), ("c", 2.0)], &[("a", 1.0), ("b", 4.0), ("c", 9.0)]), 4.0);
}

#[test]
#[cfg(feature = "serde")]
fn the_aggregate_is_the_value_and_the_ratings_the_range() {
    let backlog: Backlog = serde_json::from_str(
        r#"{"raters": [{"id": "po", "weight": 2}, {"id": "pm"}, {"id": "eng"}], "aggregate": "median",
            "items": [{"id": "A", "impact": {"ratings": {"pm": "low", "po": "high", "eng": 1}},
                       "confidence": {"ratings": {"po": "80%", "eng": 0.5}}}]}"#,
    )
    .expect("valid backlog");
    assert_eq!(backlog.raters(), [rater("po", 2.0), rater("pm", 1.0), rater("eng", 1.0)]);
    let item = backlog.item(0);
    // Impact 0.5 (1), 1 (2 of 4): the median is 1; labels are read as plain values are.
    assert_eq!(item.value(Field::Impact), Some(1.0));
    assert_eq!(
        item.estimate(Field::Impact).map(|r| (r.low(), r.expected(), r.high())),
        Some((0.5, 1.0, 2.0))
    );
    let impact = item.ratings(Field::Impact).expect("rated");
    assert_eq!(impact.iter().collect::<Vec<_>>(), [("po", 2.0), ("pm", 0.5), ("eng", 1.0)]);
    assert_eq!((impact.get("pm"), impact.get("qa"), impact.len()), (Some(0.5), None, 3));
    // Confidence 0.5 (1), 0.8 (3 of 3 >= 1.5).
    assert_eq!(item.value(Field::Confidence), Some(0.8));
    let rated: Vec<&str> = item.rated().map(|(field, _)| field).collect();
    assert_eq!(rated, ["impact", "confidence"]);
    assert!(item.ratings(Field::Reach).is_none() && item.ratings("revenue").is_none());
}

#[test]
#[cfg(feature = "serde")]
fn without_declared_raters_every_rater_counts_once_in_id_order() {
    let backlog: Backlog = serde_json::from_str(
        r#"[{"id": "A", "effort": {"ratings": {"po": 2, "eng": 8}}},
            {"id": "B", "effort": {"ratings": {"qa": 1, "eng": 3}}}]"#,
    )
    .expect("valid backlog");
    assert_eq!(backlog.raters(), [rater("eng", 1.0), rater("po", 1.0), rater("qa", 1.0)]);
    assert_eq!(backlog.item(0).value(Field::Effort), Some(5.0));
    let ratings = backlog.item(0).ratings(Field::Effort).expect("rated");
    assert_eq!(ratings.iter().collect::<Vec<_>>(), [("eng", 8.0), ("po", 2.0)]);
}

#[test]
#[cfg(feature = "serde")]
fn rater_errors_name_item_field_rater_and_value() {
    let cases = [
        // An undeclared rater, once raters are declared.
        (
            r#"{"raters": [{"id": "po"}, {"id": "pm"}], "items": [{"id": "A", "impact": {"ratings": {"po": 1, "qa": 2}}}]}"#,
            r#"item "A": impact rating by "qa" names no declared rater (raters: po, pm)"#,
        ),
        (
            r#"{"items": [{"id": "A", "impact": {"ratings": {"po": 1}}}], "raters": []}"#,
            r#"item "A": impact rating by "po" names no declared rater (raters: none)"#,
        ),
        // A weight that is not a finite number > 0.
        (
            r#"{"raters": [{"id": "po", "weight": 0}], "items": []}"#,
            r#"rater "po": weight 0 is outside the finite numbers > 0"#,
        ),
        (
            r#"{"raters": [{"id": "po", "weight": -2}], "items": []}"#,
            r#"rater "po": weight -2 is outside the finite numbers > 0"#,
        ),
        (
            r#"{"raters": [{"id": "", "weight": 1}], "items": []}"#,
            r#"rater "": id "" is outside the non-empty strings"#,
        ),
        (
            r#"{"raters": [{"id": "po", "wieght": 1}], "items": []}"#,
            "unknown field `wieght`, expected `id` or `weight`",
        ),
        (
            r#"{"raters": [{"id": "po"}, {"id": "po", "weight": 2}], "items": []}"#,
            r#"rater "po": id is declared twice"#,
        ),
        (r#"{"aggregate": "mode", "items": []}"#, "unknown variant `mode`, expected `mean` or `median`"),
        // A rating outside its field's range.
        (
            r#"[{"id": "A", "confidence": {"ratings": {"po": 0.8, "pm": 80}}}]"#,
            r#"item "A": confidence rating 80 by "pm" is outside 0..=1 (write 0.8 for 80 %)"#,
        ),
        (
            r#"[{"id": "A", "effort": {"ratings": {"eng": 0}}}]"#,
            r#"item "A": effort rating 0 by "eng" is outside the finite numbers > 0 (an effort of 0 would make the score infinite)"#,
        ),
        (
            r#"{"criteria": [{"id": "revenue", "min": 0, "max": 10}], "items": [{"id": "A", "revenue": {"ratings": {"po": 7, "pm": 12}}}]}"#,
            r#"item "A": revenue rating 12 by "pm" is outside 0..=10"#,
        ),
        (
            r#"{"items": [{"id": "A", "revenue": {"ratings": {"po": -1}}}], "criteria": [{"id": "revenue", "min": 0}]}"#,
            r#"item "A": revenue rating -1 by "po" is outside the finite numbers >= 0"#,
        ),
        (r#"[{"id": "A", "impact": {"ratings": {"po": "huge"}}}]"#, r#"item "A": impact "huge" is not"#),
        // Malformed ratings.
        (
            r#"[{"id": "A", "reach": {"ratings": {}}}]"#,
            r#"item "A": reach ratings: expected a rating by at least one rater"#,
        ),
        (
            r#"[{"id": "A", "reach": {"ratings": {"po": 1, "po": 2}}}]"#,
            r#"item "A": reach ratings: rater "po" is named twice"#,
        ),
        (r#"[{"id": "A", "reach": {"ratings": {"": 1}}}]"#, r#"item "A": reach ratings: rater id "" is not"#),
        (
            r#"[{"id": "A", "reach": {"low": 1, "high": 3, "ratings": {"po": 2}}}]"#,
            r#"item "A": reach ratings: a field takes ratings or a range, not both"#,
        ),
        (
            r#"[{"id": "A", "reach": {"ratings": [1, 2]}}]"#,
            r#"item "A": reach: expected an object of rater ids to ratings, such as {"po": 8, "pm": 3}, got a list"#,
        ),
        (
            r#"[{"id": "A", "reach": {"ratings": {"po": true}}}]"#,
            r#"item "A": reach: expected an object of rater ids to ratings, such as {"po": 8, "pm": 3}, got a boolean (true)"#,
        ),
        (r#"[{"id": "A", "revenue": {"ratings": {"po": 1}}}]"#, r#"item "A": unknown field "revenue""#),
    ];
    for (json, expected) in cases {
        let message = rejected(json);
        assert!(message.starts_with(expected), "{json}\n  gave {message}\n  expected {expected}");
    }
}

#[test]
fn the_builder_checks_ratings_as_the_reader_does() {
    let error = |builder: prioritize::model::ItemBuilder| builder.build().expect_err("invalid").to_string();
    let a = || BacklogItem::builder("A", "a");
    assert_eq!(
        error(a().ratings(Field::Confidence, [("po", 0.5), ("pm", 80.0)])),
        r#"item "A": confidence rating 80 by "pm" is outside 0..=1 (write 0.8 for 80 %)"#
    );
    assert_eq!(
        error(a().ratings(Field::Reach, [("po", f64::NAN)])),
        r#"item "A": reach rating NaN by "po" is outside the finite numbers >= 0"#
    );
    let both = r#"item "A": effort ratings: a field takes ratings or a range, not both"#;
    assert_eq!(error(a().range(Field::Effort, 1, 3).ratings(Field::Effort, [("po", 2)])), both);
    assert_eq!(error(a().ratings(Field::Effort, [("po", 2)]).estimate(Field::Effort, 1, 2, 3)), both);
    assert_eq!(
        error(a().ratings(Field::Effort, Vec::<(&str, f64)>::new())),
        r#"item "A": effort ratings: expected a rating by at least one rater"#
    );
    // A plain value replaces ratings, and ratings a plain value, as any later setting does.
    let item = a().ratings(Field::Effort, [("po", 2)]).effort(5).build().expect("valid");
    assert!(item.ratings(Field::Effort).is_none());
    assert_eq!(item.value(Field::Effort), Some(5.0));

    assert_eq!(
        Rater::new("po", f64::NAN).expect_err("invalid").to_string(),
        r#"rater "po": weight NaN is outside the finite numbers > 0"#
    );
    let control = Rater::new("p\no", 1.0).expect_err("invalid");
    assert_eq!((control.kind(), control.field()), (prioritize::ErrorKind::Value, Some("id")));
    assert_eq!(
        control.to_string(),
        r#"rater "p\no": id "p\no" is outside the non-empty strings without control characters"#
    );
    let unknown = Backlog::builder()
        .raters([rater("po", 2.0), rater("pm", 1.0)])
        .item(a().ratings(Field::Reach, [("po", 1), ("eng", 3)]).build().expect("valid"))
        .build();
    let unknown = unknown.expect_err("undeclared rater");
    assert_eq!(
        (unknown.kind(), unknown.item(), unknown.field()),
        (prioritize::ErrorKind::Structure, Some("A"), Some("reach"))
    );
    assert_eq!(
        unknown.to_string(),
        r#"item "A": reach rating by "eng" names no declared rater (raters: po, pm)"#
    );
    let criterion = Backlog::builder()
        .criterion(Criterion::new("revenue").and_then(|c| c.bounds(None, Some(10.0))).expect("valid"))
        .item(a().ratings("revenue", [("po", 11)]).build().expect("valid"))
        .build();
    assert_eq!(
        criterion.expect_err("out of bounds").to_string(),
        r#"item "A": revenue rating 11 by "po" is outside the finite numbers <= 10"#
    );
}

#[test]
#[cfg(feature = "serde")]
fn ratings_are_written_back_and_read_the_same() {
    let text = r#"{"objectives": [], "criteria": [{"id": "revenue", "min": 0, "max": 10}],
        "raters": [{"id": "po", "weight": 2}, {"id": "pm", "weight": 1}], "aggregate": "median",
        "items": [{"id": "A", "reach": 10, "revenue": {"ratings": {"pm": 3, "po": 7}},
                   "effort": {"ratings": {"po": 2, "pm": 4}}, "impact": {"low": 1, "high": 3}}]}"#;
    let backlog: Backlog = serde_json::from_str(text).expect("valid backlog");
    let written = serde_json::to_value(&backlog).expect("serializable");
    assert_eq!(
        written["raters"],
        serde_json::json!([{"id": "po", "weight": 2.0}, {"id": "pm", "weight": 1.0}])
    );
    assert_eq!(written["aggregate"], "median");
    assert_eq!(written["items"][0]["revenue"], serde_json::json!({"ratings": {"po": 7.0, "pm": 3.0}}));
    assert_eq!(written["items"][0]["effort"], serde_json::json!({"ratings": {"po": 2.0, "pm": 4.0}}));
    assert_eq!(written["items"][0]["impact"], serde_json::json!({"low": 1.0, "expected": 2.0, "high": 3.0}));
    let again: Backlog = serde_json::from_value(written).expect("valid backlog");
    assert_eq!(again, backlog);
    // Each field once in the text: the criterion's id, then the item's rated value.
    let text = serde_json::to_string(&backlog).expect("serializable");
    assert_eq!(text.matches(r#""revenue""#).count(), 2, "{text}");
    // Copied out and built again, the items keep their ratings and values.
    let copied = Backlog::builder()
        .criteria(backlog.criteria().to_vec())
        .raters(backlog.raters().to_vec())
        .aggregate(Aggregate::Median)
        .items(backlog.items().map(|item| item.to_owned()))
        .build()
        .expect("valid backlog");
    assert_eq!(copied, backlog);
    // Without raters or a median, neither section is written.
    let plain: Backlog = serde_json::from_str(r#"[{"id": "A", "reach": {"ratings": {"x": 1, "y": 3}}}]"#)
        .expect("valid backlog");
    let written = serde_json::to_value(&plain).expect("serializable");
    assert!(written.get("raters").is_none() && written.get("aggregate").is_none(), "{written}");
    assert_eq!(serde_json::from_value::<Backlog>(written).expect("valid"), plain);
    // An owned item is written with its ratings (it has no value for them yet).
    let item = BacklogItem::builder("B", "").ratings("revenue", [("b", 2), ("a", 1)]).build().expect("valid");
    assert_eq!(
        serde_json::to_string(&item).expect("serializable"),
        r#"{"id":"B","revenue":{"ratings":{"b":2.0,"a":1.0}}}"#
    );
    assert_eq!(
        serde_json::from_str::<BacklogItem>(r#"{"id":"B","revenue":{"ratings":{"b":2,"a":1}}}"#).ok(),
        Some(item)
    );
}

#[test]
#[cfg(feature = "serde")]
fn configurations_carry_raters_and_the_aggregate() {
    let config: Config = serde_json::from_str(
        r#"{"raters": [{"id": "po", "weight": 3}, {"id": "pm"}], "aggregate": "median"}"#,
    )
    .expect("valid configuration");
    assert_eq!(
        (config.raters(), config.aggregate()),
        (Some(&[rater("po", 3.0), rater("pm", 1.0)][..]), Aggregate::Median)
    );
    let text = r#"[{"id": "A", "effort": {"ratings": {"po": 8, "pm": 2}}}]"#;
    let backlog = config.backlog().deserialize(&mut serde_json::Deserializer::from_str(text)).expect("valid");
    // 2 (1), 8 (4 >= 2).
    assert_eq!(backlog.item(0).value(Field::Effort), Some(8.0));
    for section in [r#"{"raters": []}"#, r#"{"aggregate": "mean"}"#] {
        let other: Config = serde_json::from_str(section).expect("valid configuration");
        let name = if section.contains("raters") { "raters" } else { "aggregate" };
        let error = config.clone().merge(other).expect_err("a section twice");
        assert_eq!(
            error.to_string(),
            format!("section {name:?} is given both in the configuration and in the backlog (give it once)")
        );
    }
    let repeated = r#"{"raters": [{"id": "x"}], "items": []}"#;
    let error =
        config.backlog().deserialize(&mut serde_json::Deserializer::from_str(repeated)).expect_err("twice");
    assert!(error.to_string().starts_with(r#"section "raters" is given both"#), "{error}");
    let built = Config::new().with_raters([rater("po", 1.0)]).with_aggregate(Aggregate::Mean);
    assert_eq!((built.raters().map(<[_]>::len), built.aggregate()), (Some(1), Aggregate::Mean));
    assert_eq!((Config::new().raters(), Config::new().aggregate()), (None, Aggregate::Mean));
    let not_an_object = serde_json::from_str::<Config>("[]").expect_err("not a configuration").to_string();
    assert!(
        not_an_object.starts_with(r#"invalid type: sequence, expected a configuration: {"criteria": [...]"#),
        "{not_an_object}"
    );
}
