//! Weighted scorecards: the published example, the three normalizations, cost fields, checks of
//! weights and fields, and the ranking features every engine shares.

// Exact f64 results are written as Rust prints them, to be read against the output.
#![allow(clippy::unreadable_literal)]

use prioritize::model::Direction;
use prioritize::model::Normalize;
use prioritize::ranking::UnscoredPolicy;
use prioritize::{
    AlignmentWeight, Backlog, BacklogItem, Category, Criterion, Engine, Item, Moscow, RankOptions, Result,
    Scorecard,
};

/// The published example's four criteria, all benefits, unbounded.
const NAMES: [&str; 4] = ["revenue", "strategic_fit", "ux", "risk"];

fn published() -> Result<Backlog> {
    let item = |id: &str, ratings: [f64; 4]| {
        NAMES.iter().zip(ratings).fold(BacklogItem::builder(id, ""), |b, (name, v)| b.value(*name, v)).build()
    };
    Backlog::builder()
        .criteria(NAMES.map(|id| Criterion::new(id).expect("a valid id")))
        .item(item("A", [9.0, 10.0, 4.0, 8.0])?)
        .item(item("B", [7.0, 6.0, 5.0, 5.0])?)
        .item(item("C", [6.0, 8.0, 8.0, 7.0])?)
        .build()
}

fn value_scorecard() -> Scorecard {
    Scorecard::new("value", NAMES.into_iter().zip([0.4, 0.25, 0.2, 0.15])).expect("valid weights")
}

/// (id, score) of every ranked entry, in order.
fn scores(backlog: &Backlog, engine: impl Engine) -> Vec<(String, f64)> {
    let ranking = backlog.rank(engine).expect("ranks");
    ranking.iter().map(|e| (e.item().id().to_owned(), e.score().expect("a score"))).collect()
}

fn rows(rows: &[(&str, f64)]) -> Vec<(String, f64)> {
    rows.iter().map(|&(id, score)| (id.to_owned(), score)).collect()
}

/// A backlog with one criterion `x` (declared by `criterion`) with these values.
fn one_criterion(criterion: Criterion, values: &[f64]) -> Result<Backlog> {
    let id = criterion.id().to_owned();
    let items = values.iter().enumerate().map(|(index, &value)| {
        BacklogItem::builder(format!("I{index}"), "").value(id.as_str(), value).build().expect("valid")
    });
    Backlog::builder().criterion(criterion).items(items).build()
}

#[test]
fn the_published_example_scores_and_orders_exactly() -> Result<()> {
    let backlog = published()?;
    // 0.4·9 + 0.25·10 + 0.2·4 + 0.15·8 = 8.1 and 0.4·6 + 0.25·8 + 0.2·8 + 0.15·7 = 7.05 exactly
    // in f64; 0.4·7 + 0.25·6 + 0.2·5 + 0.15·5 is 6.050000000000001, the f64 just above 6.05.
    assert_eq!(
        scores(&backlog, value_scorecard()),
        rows(&[("A", 8.1), ("C", 7.05), ("B", 6.050000000000001)])
    );
    assert_eq!(6.050000000000001, f64::from_bits(6.05_f64.to_bits() + 1));
    let ranking = backlog.rank(value_scorecard())?;
    assert_eq!(ranking.engine_name(), "scorecard");
    let breakdown = ranking.at(1).expect("A").breakdown();
    assert_eq!(
        breakdown.iter().collect::<Vec<_>>(),
        [("revenue", 9.0), ("strategic_fit", 10.0), ("ux", 4.0), ("risk", 8.0), ("scorecard", 8.1)]
    );
    Ok(())
}

#[test]
fn relative_normalization_maps_to_the_backlogs_own_bounds() -> Result<()> {
    let relative = Scorecard::new("x", [("x", 1)])?.normalize(Normalize::Relative);
    // Bounds 0 (min(0, 2)) and 6: 6, 3, 2 map to 100, 50 and 33.3…
    let backlog = one_criterion(Criterion::new("x")?, &[6.0, 3.0, 2.0])?;
    assert_eq!(scores(&backlog, &relative), rows(&[("I0", 100.0), ("I1", 50.0), ("I2", 33.33333333333333)]));
    assert_eq!(100.0 * (2.0 / 6.0), 33.33333333333333);
    // Bounds -5 and 5: 5, 1, -5 map to 100, 60, 0.
    let backlog = one_criterion(Criterion::new("x")?, &[5.0, 1.0, -5.0])?;
    assert_eq!(scores(&backlog, &relative), rows(&[("I0", 100.0), ("I1", 60.0), ("I2", 0.0)]));
    let breakdown = backlog.rank(&relative)?.at(2).expect("I1").breakdown();
    assert_eq!(
        breakdown.iter().collect::<Vec<_>>(),
        [("x", 1.0), ("x_normalized", 0.6), ("scorecard", 60.0)]
    );
    // All values equal: every one maps to 100, whether positive, negative or 0.
    for value in [4.0, -4.0, 0.0] {
        let backlog = one_criterion(Criterion::new("x")?, &[value, value])?;
        assert_eq!(scores(&backlog, &relative), rows(&[("I0", 100.0), ("I1", 100.0)]), "{value}");
    }
    // A cost maps to 1 − x: the smallest cost scores highest.
    let cost = Criterion::new("x")?.direction_of(Direction::Cost);
    let backlog = one_criterion(cost, &[6.0, 3.0, 0.0])?;
    assert_eq!(scores(&backlog, &relative), rows(&[("I2", 100.0), ("I1", 50.0), ("I0", 0.0)]));
    Ok(())
}

#[test]
fn relative_bounds_count_every_item_that_has_the_value() -> Result<()> {
    // Item B has the largest revenue but no ux, so it is unscored; its revenue still sets the
    // upper bound, as the bounds are the backlog's.
    let backlog = Backlog::builder()
        .criteria([Criterion::new("revenue")?, Criterion::new("ux")?])
        .item(BacklogItem::builder("A", "").value("revenue", 5).value("ux", 1).build()?)
        .item(BacklogItem::builder("B", "").value("revenue", 10).build()?)
        .build()?;
    let scorecard = Scorecard::new("s", [("revenue", 1), ("ux", 1)])?.normalize(Normalize::Relative);
    let ranking = backlog.rank(&scorecard)?;
    // (0.5 + 1) / 2 = 75.
    assert_eq!(ranking.iter().map(|e| e.score()).collect::<Vec<_>>(), [Some(75.0)]);
    let unscored: Vec<Vec<&str>> = ranking.unscored().map(|u| backlog.field_names(u.missing())).collect();
    assert_eq!(unscored, [["ux"]]);
    Ok(())
}

#[test]
fn scale_normalization_uses_the_declared_bounds() -> Result<()> {
    let backlog = Backlog::builder()
        .criterion(Criterion::new("revenue")?.bounds(Some(0.0), Some(10.0))?)
        .criterion(Criterion::new("risk")?.bounds(Some(1.0), Some(5.0))?.direction_of(Direction::Cost))
        .item(BacklogItem::builder("A", "").value("revenue", 5).value("risk", 2).confidence(0.75).build()?)
        .item(BacklogItem::builder("B", "").value("revenue", 10).value("risk", 5).confidence(0.25).build()?)
        .build()?;
    let scale = Scorecard::new("s", [("revenue", 2.0), ("risk", 1.0), ("confidence", 1.0)])?
        .normalize(Normalize::Scale);
    // A: revenue 0.5, risk 1 − 1/4 = 0.75, confidence 0.75: 100 · (2 · 0.5 + 0.75 + 0.75) / 4 = 62.5.
    // B: revenue 1, risk 0, confidence 0.25: 100 · (2 · 1 + 0 + 0.25) / 4 = 56.25.
    assert_eq!(scores(&backlog, &scale), rows(&[("A", 62.5), ("B", 56.25)]));
    let unbounded = Scorecard::new("s", [("revenue", 1.0), ("reach", 1.0)])?.normalize(Normalize::Scale);
    assert_eq!(
        backlog.rank(&unbounded).unwrap_err().to_string(),
        r#"scorecard "s": field "reach" lacks a min or a max, which normalize "scale" needs (declare both on the criterion, or use "relative")"#
    );
    Ok(())
}

#[test]
fn without_normalization_costs_are_subtracted() -> Result<()> {
    let backlog = Backlog::from_items([
        BacklogItem::builder("A", "").business_value(8).effort(3).build()?,
        BacklogItem::builder("B", "").business_value(5).effort(1).build()?,
    ])?;
    let scorecard = Scorecard::new("s", [("business_value", 1.0), ("effort", 2.0)])?;
    assert_eq!(scores(&backlog, &scorecard), rows(&[("B", 3.0), ("A", 2.0)]));
    Ok(())
}

#[test]
fn weights_are_checked_when_the_scorecard_is_made() {
    let message =
        |weights: &[(&str, f64)]| Scorecard::new("value", weights.to_vec()).unwrap_err().to_string();
    assert_eq!(
        message(&[("ux", -1.0)]),
        r#"scorecard "value": weight -1 of "ux" is not a finite number > 0"#
    );
    assert_eq!(
        message(&[("ux", f64::NAN)]),
        r#"scorecard "value": weight NaN of "ux" is not a finite number > 0"#
    );
    assert_eq!(
        message(&[("ux", f64::INFINITY)]),
        r#"scorecard "value": weight inf of "ux" is not a finite number > 0"#
    );
    assert_eq!(message(&[("ux", 1.0), ("ux", 2.0)]), r#"scorecard "value": "ux" is weighted twice"#);
    assert_eq!(
        message(&[]),
        r#"scorecard "value": it weighs no field (give at least one field and its weight)"#
    );
}

#[test]
fn an_unknown_field_is_an_error_listing_the_known_ones() -> Result<()> {
    let backlog = published()?;
    for field in ["revnue", "moscow", "alignment"] {
        let scorecard = Scorecard::new("value", [("revenue", 1.0), (field, 1.0)])?;
        assert_eq!(
            backlog.rank(&scorecard).unwrap_err().to_string(),
            format!(
                r#"scorecard "value": field "{field}" is neither a numeric built-in field nor a declared criterion (known: reach, impact, confidence, effort, business_value, time_criticality, risk_reduction, ease, cost_of_delay, duration, importance, satisfaction, revenue, strategic_fit, ux, risk)"#
            )
        );
    }
    Ok(())
}

#[test]
fn an_item_that_lacks_a_field_is_unscored() -> Result<()> {
    let backlog = Backlog::builder()
        .criterion(Criterion::new("revenue")?)
        .item(BacklogItem::builder("A", "").value("revenue", 1).effort(1).build()?)
        .item(BacklogItem::builder("B", "").effort(1).build()?)
        .item(BacklogItem::builder("C", "").build()?)
        .build()?;
    let scorecard = Scorecard::new("s", [("revenue", 1.0), ("effort", 1.0)])?;
    let ranking = backlog.rank(&scorecard)?;
    assert_eq!(ranking.iter().map(|e| e.item().id()).collect::<Vec<_>>(), ["A"]);
    let unscored: Vec<(&str, Vec<&str>)> =
        ranking.unscored().map(|u| (u.item().id(), backlog.field_names(u.missing()))).collect();
    assert_eq!(unscored, [("B", vec!["revenue"]), ("C", vec!["effort", "revenue"])]);
    let strict = RankOptions::default().unscored(UnscoredPolicy::Reject);
    assert_eq!(
        backlog.rank_with(&scorecard, &strict).unwrap_err().to_string(),
        r#"item "B": scorecard needs revenue, which the item lacks (strict mode)"#
    );
    assert_eq!(backlog.field_names(scorecard.inputs(&backlog)), ["effort", "revenue"]);
    Ok(())
}

#[test]
fn a_scorecard_works_wherever_an_engine_does() -> Result<()> {
    let item = |id: &str, category: Category, value: f64| {
        BacklogItem::builder(id, "").moscow(category).business_value(value).alignment(0.5).build()
    };
    let backlog = Backlog::from_items([
        item("S1", Category::Should, 9.0)?,
        item("M1", Category::Must, 1.0)?,
        item("M2", Category::Must, 5.0)?,
    ])?;
    let scorecard = Scorecard::new("s", [("business_value", 2.0)])?;
    let ranking = backlog.rank(Moscow::default().then(scorecard.clone()))?;
    assert_eq!(ranking.iter().map(|e| e.item().id()).collect::<Vec<_>>(), ["M2", "M1", "S1"]);
    assert_eq!(ranking.at(1).expect("M2").breakdown().get("scorecard"), Some(10.0));
    let top = backlog.rank_with(&scorecard, &RankOptions::default().top(1))?;
    assert_eq!(top.iter().map(|e| e.item().id()).collect::<Vec<_>>(), ["S1"]);
    let aligned = scorecard.clone().alignment_weight(AlignmentWeight::new(0.5)?);
    assert_eq!(scores(&backlog, &aligned), rows(&[("S1", 13.5), ("M2", 7.5), ("M1", 1.5)]));
    // Item by item, stored or owned, the same scores.
    let owned = backlog.item(0).to_owned();
    assert_eq!(aligned.evaluate(&Item::of(&owned, 0.5))?.score(), Some(13.5));
    assert_eq!(aligned.evaluate(&backlog.item(0))?.score(), Some(13.5));
    Ok(())
}

#[test]
fn an_unbound_scorecard_scores_and_explains_as_its_ranking_does() -> Result<()> {
    // A ranking binds the scorecard to the backlog once (relative bounds included); called
    // directly, it binds itself on every call, with the same results.
    let backlog = published()?;
    let relative = value_scorecard().normalize(Normalize::Relative);
    let mut batch = Vec::new();
    relative.hooks().expect("a built-in engine").evaluate_all(&backlog, 0..3, &mut batch)?;
    let direct: Vec<Option<f64>> = batch.iter().map(prioritize::Evaluation::score).collect();
    let ranking = backlog.rank(&relative)?;
    let ranked: Vec<Option<f64>> =
        (0..3).map(|index| ranking.get(backlog.item(index).id()).and_then(|entry| entry.score())).collect();
    assert_eq!(direct, ranked);
    // A: 100 × (0.4 × 9/9 + 0.25 × 10/10 + 0.2 × 4/8 + 0.15 × 8/8) / 1.
    assert_eq!(direct[0], Some(90.0));
    let breakdown = relative.breakdown(&backlog.item(0));
    assert_eq!(breakdown.get("ux_normalized"), Some(0.5));
    assert_eq!(ranking.get("A").map(|entry| entry.breakdown()), Some(breakdown));
    // Without normalization, item by item: 2 × 9 − 0.5 × 4 = 16, the cost subtracted.
    let with_cost = Scorecard::new("net", [("revenue", 2.0), ("effort", 0.5)])?;
    let item = BacklogItem::builder("A", "").value("revenue", 9).effort(4).build()?;
    let backlog = Backlog::builder().criterion(Criterion::new("revenue")?).item(item).build()?;
    assert_eq!(with_cost.evaluate(&backlog.item(0))?.score(), Some(16.0));
    assert_eq!(scores(&backlog, &with_cost), rows(&[("A", 16.0)]));
    Ok(())
}

#[test]
fn a_scorecard_reports_its_normalization_by_its_interchange_name() {
    let names: Vec<(&str, &str)> = [Normalize::None, Normalize::Scale, Normalize::Relative]
        .into_iter()
        .map(|normalize| {
            (value_scorecard().normalize(normalize).normalization().as_str(), normalize.as_str())
        })
        .collect();
    assert_eq!(names, [("none", "none"), ("scale", "scale"), ("relative", "relative")]);
    assert_eq!(value_scorecard().normalization(), Normalize::None);
}

#[test]
fn an_overflowing_score_is_an_error_naming_the_item() -> Result<()> {
    let backlog = Backlog::from_items([
        BacklogItem::builder("OK", "").reach(1).build()?,
        BacklogItem::builder("HUGE", "").reach(f64::MAX).build()?,
    ])?;
    let scorecard = Scorecard::new("s", [("reach", 4.0)])?;
    match backlog.rank(&scorecard) {
        Err(error) => {
            assert_eq!((error.kind(), error.item()), (prioritize::ErrorKind::Value, Some("HUGE")));
            assert!(
                error.to_string().starts_with(r#"item "HUGE": scorecard score is inf, which overflows f64"#),
                "{error}"
            );
        }
        other => panic!("expected an overflow, got {other:?}"),
    }
    Ok(())
}

/// The published example as a backlog file, with its scorecard.
#[cfg(feature = "serde")]
const FILE: &str = r#"{
  "criteria": [{"id": "revenue"}, {"id": "strategic_fit"}, {"id": "ux"}, {"id": "risk", "min": 0, "max": 10}],
  "scorecards": {
    "value": {"criteria": {"revenue": 0.4, "strategic_fit": 0.25, "ux": 0.2, "risk": 0.15}, "normalize": "none"},
    "quick": {"criteria": {"ux": 1, "effort": 2}}
  },
  "items": [
    {"id": "A", "revenue": 9, "strategic_fit": 10, "ux": 4, "risk": 8, "effort": 1},
    {"id": "B", "revenue": 7, "strategic_fit": 6, "ux": 5, "risk": 5},
    {"id": "C", "revenue": 6, "strategic_fit": 8, "ux": 8, "risk": 7, "effort": 3}
  ]
}"#;

/// Scorecards in backlog and configuration files.
#[cfg(feature = "serde")]
mod files {
    use super::*;

    #[track_caller]
    fn read_error(text: &str) -> String {
        serde_json::from_str::<Backlog>(text).expect_err("an invalid backlog").to_string()
    }

    #[test]
    fn a_backlog_file_names_its_scorecards() {
        let backlog: Backlog = serde_json::from_str(FILE).expect("a valid backlog");
        assert_eq!(backlog.scorecards().iter().map(Scorecard::id).collect::<Vec<_>>(), ["value", "quick"]);
        let value = backlog.scorecard("value").expect("declared");
        assert_eq!(value, value_scorecard());
        assert_eq!(scores(&backlog, value), rows(&[("A", 8.1), ("C", 7.05), ("B", 6.050000000000001)]));
        let quick = backlog.scorecard("quick").expect("declared");
        assert_eq!(
            (quick.normalization(), quick.weights().collect::<Vec<_>>()),
            (Normalize::None, vec![("ux", 1.0), ("effort", 2.0)])
        );
        // 4 − 2 · 1 and 8 − 2 · 3; B has no effort.
        assert_eq!(scores(&backlog, &quick), rows(&[("A", 2.0), ("C", 2.0)]));
        assert!(backlog.scorecard("risk").is_none());
    }

    #[test]
    fn scorecards_survive_a_round_trip() {
        let backlog: Backlog = serde_json::from_str(FILE).expect("a valid backlog");
        let json = serde_json::to_value(&backlog).expect("serializes");
        assert_eq!(
            json["scorecards"],
            serde_json::json!({
                "value": {"criteria": {"revenue": 0.4, "strategic_fit": 0.25, "ux": 0.2, "risk": 0.15}, "normalize": "none"},
                "quick": {"criteria": {"ux": 1.0, "effort": 2.0}, "normalize": "none"}
            })
        );
        let text = serde_json::to_string(&backlog).expect("serializes");
        assert!(text.find(r#""scorecards""#) < text.find(r#""items""#));
        let back: Backlog = serde_json::from_str(&text).expect("reads back");
        assert_eq!(back, backlog);
        // Order is kept, on the way in and out.
        assert_eq!(back.scorecards().iter().map(Scorecard::id).collect::<Vec<_>>(), ["value", "quick"]);
        // A backlog without scorecards writes no section.
        let plain = Backlog::from_items([]).expect("valid");
        assert!(!serde_json::to_string(&plain).expect("serializes").contains("scorecards"));
    }

    #[test]
    fn a_scorecards_section_is_checked() {
        let with = |scorecards: &str| {
            format!(
                r#"{{"criteria": [{{"id": "revenue"}}], "scorecards": {scorecards}, "items": [{{"id": "A", "revenue": 1}}]}}"#
            )
        };
        assert!(
            read_error(&with(r#"{"v": {"criteria": {"revenue": 1}, "weights": {}}}"#))
                .starts_with("unknown field `weights`, expected `criteria` or `normalize`")
        );
        assert!(
            read_error(&with(r#"{"v": {"normalize": "scale"}}"#)).starts_with("missing field `criteria`")
        );
        assert!(
            read_error(&with(r#"{"v": {"criteria": {"revenue": 1}, "normalize": "minmax"}}"#))
                .starts_with("unknown variant `minmax`, expected one of `none`, `scale`, `relative`")
        );
        assert!(
            read_error(&with(r#"{"v": {"criteria": {"revenue": 0}}}"#))
                .starts_with(r#"scorecard "v": weight 0 of "revenue" is not a finite number > 0"#)
        );
        assert!(
            read_error(&with(r#"{"v": {"criteria": {"revenue": "high"}}}"#))
                .starts_with("invalid type: string \"high\"")
        );
        assert!(
            read_error(&with(r#"{"v": {"criteria": {}}}"#))
                .starts_with(r#"scorecard "v": it weighs no field"#)
        );
        assert!(read_error(&with("[]")).starts_with("invalid type: sequence, expected an object"));
        // A list of fields takes its weights from comparisons, which must then be given.
        assert!(read_error(&with(r#"{"v": {"criteria": ["revenue"]}}"#)).starts_with(
            r#"scorecard "v": field "revenue" has no weight: give it one, or compare it in comparisons "scorecard:v""#
        ));
        assert!(
            read_error(&with(r#"{"v": {"criteria": {"revenue": 1}}, "v": {"criteria": {"reach": 1}}}"#))
                .starts_with(r#"scorecard "v" is defined twice (scorecard names must be unique)"#)
        );
        assert!(read_error(&with(r#"{"v": {"criteria": {"revenue": 1, "ux": 1}}}"#)).starts_with(
            r#"scorecard "v": field "ux" is neither a numeric built-in field nor a declared criterion (known: reach, "#
        ));
        assert!(
            read_error(&with(r#"{"v": {"criteria": {"revenue": 1}, "normalize": "scale"}}"#))
                .starts_with(r#"scorecard "v": field "revenue" lacks a min or a max"#)
        );
        // The section may come after the items, and the criteria after the scorecards.
        let later = r#"{"items": [{"id": "A", "revenue": 2}], "scorecards": {"v": {"criteria": {"revenue": 3}}}, "criteria": [{"id": "revenue"}]}"#;
        let backlog: Backlog = serde_json::from_str(later).expect("valid");
        assert_eq!(scores(&backlog, backlog.scorecard("v").expect("declared")), rows(&[("A", 6.0)]));
    }

    #[test]
    fn a_configuration_adds_scorecards_to_a_backlog_from_anywhere()
    -> std::result::Result<(), Box<dyn std::error::Error>> {
        use prioritize::interchange::Config;
        use serde::de::DeserializeSeed;

        let config: Config = serde_json::from_str(
            r#"{"criteria": [{"id": "revenue"}], "scorecards": {"v": {"criteria": {"revenue": 2, "effort": 1}}}}"#,
        )?;
        assert_eq!(config.scorecards().len(), 1);
        assert_eq!(config.scorecard("v").map(|s| s.id().to_owned()), Some("v".to_owned()));
        let text = r#"[{"id": "A", "revenue": 3, "effort": 1}, {"id": "B", "revenue": 4, "effort": 4}]"#;
        let backlog = config.backlog().deserialize(&mut serde_json::Deserializer::from_str(text))?;
        let scorecard = backlog.scorecard("v").expect("from the configuration");
        assert_eq!(scores(&backlog, scorecard), rows(&[("A", 5.0), ("B", 4.0)]));
        let csv = "id,revenue,effort\nA,3,1\nB,4,4\n";
        let backlog = prioritize::csv::Reader::new().config(&config).read_backlog(csv.as_bytes())?;
        assert_eq!(backlog.scorecard("v"), config.scorecard("v"));
        // A section given in both is an error.
        let both = r#"{"scorecards": {"w": {"criteria": {"reach": 1}}}, "items": []}"#;
        let error = config.backlog().deserialize(&mut serde_json::Deserializer::from_str(both)).unwrap_err();
        assert!(
            error
                .to_string()
                .starts_with(r#"section "scorecards" is given both in the configuration and in the backlog"#)
        );
        let merged =
            Config::new().with_scorecards([Scorecard::new("w", [("reach", 1)])?]).merge(config.clone());
        assert_eq!(
            merged.unwrap_err().to_string(),
            r#"section "scorecards" is given both in the configuration and in the backlog (give it once)"#
        );
        Ok(())
    }
}

#[test]
fn a_built_backlog_checks_its_scorecards() -> Result<()> {
    let build = |scorecards: Vec<Scorecard>| {
        Backlog::builder().criterion(Criterion::new("revenue").expect("valid")).scorecards(scorecards).build()
    };
    let revenue = Scorecard::new("v", [("revenue", 1)])?;
    assert_eq!(build(vec![revenue.clone()])?.scorecard("v"), Some(revenue.clone()));
    assert_eq!(
        build(vec![revenue.clone(), revenue.clone()]).unwrap_err().to_string(),
        r#"scorecard "v" is defined twice (scorecard names must be unique)"#
    );
    let error = build(vec![Scorecard::new("w", [("title", 1)])?]).unwrap_err();
    assert!(
        error.kind() == prioritize::ErrorKind::Structure
            && error.field() == Some("title")
            && error.to_string().starts_with(r#"scorecard "w": field "title""#)
    );
    // Scorecards survive the analyses' copies of the backlog.
    let backlog = build(vec![revenue])?;
    let wide = prioritize::analysis::with_uncertainty(&backlog, 0.1)?;
    assert_eq!(wide.scorecards(), backlog.scorecards());
    Ok(())
}
