//! ICE, CD3 and opportunity scoring: the published numbers, breakdowns, unscored items, and the
//! ranking features every engine shares (MoSCoW's secondary order, top-k, strict mode, alignment).

use prioritize::engine::IceVariant;
use prioritize::ranking::UnscoredPolicy;
use prioritize::{
    AlignmentWeight, Backlog, BacklogItem, Category, Cd3, Engine, Ice, Item, Moscow, Opportunity,
    RankOptions, Result,
};

/// (id, score) of every ranked entry, in order.
fn scores(backlog: &Backlog, engine: impl Engine) -> Vec<(String, f64)> {
    let ranking = backlog.rank(engine).expect("ranks");
    ranking.iter().map(|e| (e.item().id().to_owned(), e.score().expect("a score"))).collect()
}

fn ice_item(id: &str, impact: f64, confidence: f64, ease: f64) -> BacklogItem {
    BacklogItem::builder(id, "").impact(impact).confidence(confidence).ease(ease).build().expect("valid")
}

#[test]
fn ice_is_the_published_product_with_confidence_out_of_ten() -> Result<()> {
    // 8 · 6 · 3 = 144, with a confidence of 60 % read as 6.
    let backlog = Backlog::from_items([ice_item("A", 8.0, 0.6, 3.0)])?;
    assert_eq!(scores(&backlog, Ice::default()), [("A".to_owned(), 144.0)]);
    let ranking = backlog.rank(Ice::default())?;
    let breakdown = ranking.at(1).expect("one entry").breakdown();
    let parts: Vec<(&str, f64)> = breakdown.iter().collect();
    assert_eq!(
        parts,
        [("impact", 8.0), ("confidence", 0.6), ("confidence_out_of_10", 6.0), ("ease", 3.0), ("ice", 144.0)]
    );
    Ok(())
}

#[test]
fn ice_averages_only_when_asked() -> Result<()> {
    let backlog = Backlog::from_items([ice_item("A", 8.0, 0.6, 3.0), ice_item("B", 10.0, 1.0, 0.0)])?;
    // The product sinks B (ease 0); the average does not: (10 + 10 + 0) / 3 > (8 + 6 + 3) / 3.
    assert_eq!(scores(&backlog, Ice::default()), [("A".to_owned(), 144.0), ("B".to_owned(), 0.0)]);
    let average = Ice::default().variant(IceVariant::Average);
    assert_eq!(scores(&backlog, average), [("B".to_owned(), 20.0 / 3.0), ("A".to_owned(), 17.0 / 3.0)]);
    Ok(())
}

#[test]
fn cd3_ranks_the_published_example() -> Result<()> {
    let backlog = Backlog::from_items([
        BacklogItem::builder("BIG", "").cost_of_delay(10_000).duration(10).build()?,
        BacklogItem::builder("SMALL", "").cost_of_delay(5_000).duration(2).build()?,
    ])?;
    assert_eq!(scores(&backlog, Cd3::default()), [("SMALL".to_owned(), 2500.0), ("BIG".to_owned(), 1000.0)]);
    let ranking = backlog.rank(Cd3::default())?;
    let breakdown = ranking.at(1).expect("an entry").breakdown();
    assert_eq!(
        breakdown.iter().collect::<Vec<_>>(),
        [("cost_of_delay", 5000.0), ("duration", 2.0), ("cd3", 2500.0)]
    );
    Ok(())
}

#[test]
fn opportunity_scores_the_published_examples() -> Result<()> {
    let item = |id: &str, importance: f64, satisfaction: f64| {
        BacklogItem::builder(id, "").importance(importance).satisfaction(satisfaction).build()
    };
    let backlog = Backlog::from_items([item("A", 9.0, 3.0)?, item("B", 9.0, 9.0)?, item("C", 7.4, 2.8)?])?;
    // 7.4 − 2.8 is 4.6000000000000005 in f64, but 7.4 + 4.6000000000000005 rounds to exactly 12.
    assert_eq!(
        scores(&backlog, Opportunity::default()),
        [("A".to_owned(), 15.0), ("C".to_owned(), 12.0), ("B".to_owned(), 9.0)]
    );
    let ranking = backlog.rank(Opportunity::default())?;
    let breakdown = ranking.at(3).expect("B").breakdown();
    assert_eq!(
        breakdown.iter().collect::<Vec<_>>(),
        [("importance", 9.0), ("satisfaction", 9.0), ("unmet_need", 0.0), ("opportunity", 9.0)]
    );
    // An outcome served beyond its importance has no unmet need: the opportunity is its importance.
    assert_eq!((Opportunity::unmet_need(5.0, 8.0), Opportunity::formula(5.0, 8.0)), (0.0, 5.0));
    let over_served = Backlog::from_items([item("D", 5.0, 8.0)?])?;
    assert_eq!(scores(&over_served, Opportunity::default()), [("D".to_owned(), 5.0)]);
    Ok(())
}

#[test]
fn items_without_the_inputs_are_unscored_with_what_they_lack() -> Result<()> {
    let backlog = Backlog::from_items([
        BacklogItem::builder("FULL", "")
            .impact(1)
            .confidence(1)
            .ease(1)
            .cost_of_delay(1)
            .duration(1)
            .importance(1)
            .satisfaction(1)
            .build()?,
        BacklogItem::builder("IMP", "").impact(2).importance(5).cost_of_delay(3).build()?,
        BacklogItem::builder("SAT", "").satisfaction(5).build()?,
    ])?;
    let missing = |engine: &dyn Engine| -> Vec<(String, String)> {
        let ranking = backlog.rank(engine).expect("ranks");
        assert_eq!(ranking.iter().map(|e| e.item().id()).collect::<Vec<_>>(), ["FULL"]);
        ranking.unscored().map(|u| (u.item().id().to_owned(), u.missing().to_string())).collect()
    };
    let pairs = |rows: &[(&str, &str)]| -> Vec<(String, String)> {
        rows.iter().map(|&(id, missing)| (id.to_owned(), missing.to_owned())).collect()
    };
    assert_eq!(
        missing(&Ice::default()),
        pairs(&[("IMP", "confidence, ease"), ("SAT", "impact, confidence, ease")])
    );
    assert_eq!(missing(&Cd3::default()), pairs(&[("IMP", "duration"), ("SAT", "cost_of_delay, duration")]));
    // An absent satisfaction is not a satisfaction of 0: importance alone does not score.
    assert_eq!(missing(&Opportunity::default()), pairs(&[("IMP", "satisfaction"), ("SAT", "importance")]));
    let strict = RankOptions::default().unscored(UnscoredPolicy::Reject);
    assert_eq!(
        backlog.rank_with(Cd3::default(), &strict).unwrap_err().to_string(),
        r#"item "IMP": cd3 needs duration, which the item lacks (strict mode)"#
    );
    Ok(())
}

#[test]
fn the_engines_order_each_moscow_category_and_keep_a_top_k() -> Result<()> {
    let item = |id: &str, category: Category, cost_of_delay: f64| {
        BacklogItem::builder(id, "").moscow(category).cost_of_delay(cost_of_delay).duration(1).build()
    };
    let backlog = Backlog::from_items([
        item("S1", Category::Should, 9.0)?,
        item("M1", Category::Must, 1.0)?,
        item("M2", Category::Must, 5.0)?,
        item("C1", Category::Could, 7.0)?,
    ])?;
    let ranking = backlog.rank(Moscow::default().then(Cd3::default()))?;
    let order: Vec<&str> = ranking.iter().map(|e| e.item().id()).collect();
    assert_eq!(order, ["M2", "M1", "S1", "C1"]);
    assert_eq!(ranking.at(1).expect("M2").breakdown().get("cd3"), Some(5.0));
    let top = backlog.rank_with(Cd3::default(), &RankOptions::default().top(2))?;
    assert_eq!(top.iter().map(|e| e.item().id()).collect::<Vec<_>>(), ["S1", "C1"]);
    Ok(())
}

#[test]
fn alignment_weights_every_engine_alike() -> Result<()> {
    let half = AlignmentWeight::new(0.5)?;
    let item = BacklogItem::builder("A", "")
        .impact(8)
        .confidence(0.6)
        .ease(3)
        .cost_of_delay(100)
        .duration(4)
        .importance(9)
        .satisfaction(3)
        .alignment(0.5)
        .build()?;
    let backlog = Backlog::from_items([item.clone()])?;
    // factor 1 − 0.5 + 0.5 · 0.5 = 0.75.
    let engines: [(&dyn Engine, f64); 3] = [
        (&Ice::default().alignment_weight(half), 108.0),
        (&Cd3::default().alignment_weight(half), 18.75),
        (&Opportunity::default().alignment_weight(half), 11.25),
    ];
    for (engine, expected) in engines {
        assert_eq!(scores(&backlog, engine), [("A".to_owned(), expected)], "{}", engine.name());
        // An owned item scores as the stored one does.
        assert_eq!(engine.evaluate(&Item::of(&item, 0.5))?.score(), Some(expected));
        let ranking = backlog.rank(engine)?;
        assert_eq!(ranking.at(1).expect("A").breakdown().get("alignment_factor"), Some(0.75));
    }
    Ok(())
}

#[test]
fn an_overflowing_score_is_an_error_naming_the_item() -> Result<()> {
    let backlog = Backlog::from_items([
        BacklogItem::builder("OK", "").cost_of_delay(1).duration(1).build()?,
        BacklogItem::builder("HUGE", "").cost_of_delay(f64::MAX).duration(0.5).build()?,
    ])?;
    match backlog.rank(Cd3::default()) {
        Err(error) => {
            assert_eq!((error.kind(), error.item()), (prioritize::ErrorKind::Value, Some("HUGE")));
            assert!(
                error.to_string().starts_with(r#"item "HUGE": cd3 score is inf, which overflows f64"#),
                "{error}"
            );
        }
        other => panic!("expected an overflow, got {other:?}"),
    }
    Ok(())
}

#[test]
fn the_analyses_and_plans_probe_the_newer_engines() -> Result<()> {
    use prioritize::analysis::{compare, explain, sensitivity};
    use prioritize::model::NonNegative;
    use prioritize::plan::{CapacityPlan, Mode};
    use prioritize::{Criterion, Formula, Scorecard};

    let backlog = Backlog::builder()
        .criterion(Criterion::new("revenue")?)
        .item(
            BacklogItem::builder("A", "")
                .range("revenue", 1, 10)
                .cost_of_delay(100)
                .duration(10)
                .impact(2)
                .confidence(1)
                .ease(1)
                .effort(3)
                .build()?,
        )
        .item(
            BacklogItem::builder("B", "")
                .value("revenue", 3)
                .cost_of_delay(50)
                .duration(2)
                .impact(1)
                .confidence(1)
                .ease(1)
                .effort(1)
                .build()?,
        )
        .build()?;
    // A criterion's range varies a formula's score: revenue 1..=10 (expected 5.5) over effort 3,
    // so A may pass B (3).
    let formula = Formula::parse("revenue / effort")?;
    let report = sensitivity(&backlog, &formula)?;
    let a = report.items.iter().find(|item| item.id == "A").expect("A");
    assert_eq!(
        (a.min_score, a.max_score, a.varied.clone()),
        (Some(1.0 / 3.0), Some(10.0 / 3.0), vec!["revenue".into()])
    );
    assert_eq!((a.best_position, a.worst_position), (1, 2));
    // And a scorecard's, with its relative bounds fixed by the ranking.
    let scorecard = Scorecard::new("s", [("revenue", 1)])?.normalize(prioritize::model::Normalize::Relative);
    let report = sensitivity(&backlog, &scorecard)?;
    let a = report.items.iter().find(|item| item.id == "A").expect("A");
    assert_eq!((a.min_score, a.max_score), (Some(1.0 / 5.5 * 100.0), Some(10.0 / 5.5 * 100.0)));
    // CD3 ranks B (25) before A (10): A passes B with a cost of delay of 250 or a duration of 4
    // (a tie, which A, first in the input, wins).
    let explanations = explain(&backlog, &Cd3::default())?;
    let changes: Vec<String> = explanations[1].changes.iter().map(ToString::to_string).collect();
    assert_eq!(
        changes,
        ["A passes B if duration <= 4 (now 10)", "A passes B if cost_of_delay >= 250 (now 100)"]
    );
    // ICE scores feed a capacity plan: A (2 · 10 · 1 = 20, effort 3) and B (10, effort 1).
    let ranking = backlog.rank(Ice::default())?;
    let plan = CapacityPlan::new(&ranking, NonNegative::new(3.0).expect("valid"), Mode::Auto)?;
    assert_eq!(plan.iter().map(|entry| entry.item().id()).collect::<Vec<_>>(), ["A"]);
    let comparison = compare(&backlog, &[&Cd3::default(), &formula, &scorecard], 1)?;
    assert_eq!(comparison.frameworks, ["cd3", "formula", "scorecard"]);
    Ok(())
}
