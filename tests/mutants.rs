//! Tests written to kill the mutants that `cargo mutants` found surviving the other tests: each
//! names what it pins down. Values are exact and computed by hand.

// Exact scores are the point of these tests.
#![allow(clippy::float_cmp)]

use prioritize::{
    Backlog, BacklogItem, Breakdown, Engine, Evaluation, Field, FieldSet, Item, MoSCoW, Result, Rice, Score,
    Wsjf,
};

/// An engine of fixed scores, by item id: what a user's own engine may return, including
/// negative zero, negative scores and infinite ones (which [`Evaluation::scored`] refuses).
#[derive(Debug)]
struct Fixed(Vec<(&'static str, f64)>);

impl Engine for Fixed {
    fn name(&self) -> &str {
        "fixed"
    }
    fn inputs(&self, _backlog: &Backlog) -> FieldSet {
        FieldSet::EMPTY
    }
    fn evaluate(&self, item: &Item<'_>) -> Result<Evaluation> {
        match self.0.iter().find(|(id, _)| *id == item.id()) {
            Some(&(_, score)) => Evaluation::scored(item, self.name(), score),
            None => Ok(Evaluation::Unscored { missing: FieldSet::EMPTY.with(Field::Reach) }),
        }
    }
    fn breakdown(&self, _item: &Item<'_>) -> Breakdown {
        Breakdown::new().with("fixed", 1.0)
    }
}

fn scored(score: f64) -> Evaluation {
    Evaluation::Scored { category: None, score: Some(Score::new(score).expect("finite")) }
}

fn item(id: &str) -> BacklogItem {
    BacklogItem::builder(id, id).build().expect("valid")
}

fn wsjf_item(id: &str, parts: [f64; 4]) -> BacklogItem {
    let [bv, tc, rr, size] = parts;
    BacklogItem::builder(id, id)
        .business_value(bv)
        .time_criticality(tc)
        .risk_reduction(rr)
        .effort(size)
        .moscow(prioritize::Category::Must)
        .build()
        .expect("valid")
}

#[test]
fn a_boxed_engine_forwards_every_method() {
    let boxed: Box<Wsjf> = Box::default();
    let item = wsjf_item("A", [1.0, 3.0, 5.0, 3.0]);
    let backlog = Backlog::from_items([item.clone()]).expect("valid");
    let item = Item::of(&item, 0.0);
    assert_eq!(<Box<Wsjf> as Engine>::name(&boxed), "wsjf");
    assert_eq!(<Box<Wsjf> as Engine>::inputs(&boxed, &backlog), Wsjf::INPUTS);
    let breakdown = <Box<Wsjf> as Engine>::breakdown(&boxed, &item);
    assert_eq!(breakdown.get("cost_of_delay"), Some(9.0));
    assert_eq!(<Box<Wsjf> as Engine>::evaluate(&boxed, &item).ok(), Some(scored(3.0)));
    let mut all = Vec::new();
    <Box<Wsjf> as Engine>::evaluate_all(&boxed, &backlog, 0..1, &mut all).expect("scores");
    assert_eq!(all, [scored(3.0)]);
    // As MoSCoW's secondary engine, through the box: same fields needed, same breakdown.
    let through_box = MoSCoW::default().then(Box::new(Wsjf::default()) as Box<dyn Engine>);
    assert_eq!(through_box.inputs(&backlog), Wsjf::INPUTS.with(Field::Moscow));
    assert_eq!(through_box.breakdown(&item), Wsjf::default().breakdown(&item));
}

#[test]
fn a_negative_zero_score_is_stored_as_zero() {
    let item = item("A");
    let Ok(Evaluation::Scored { score: Some(score), .. }) =
        Evaluation::scored(&Item::of(&item, 0.0), "fixed", -0.0)
    else {
        panic!("-0.0 is a finite score");
    };
    assert_eq!(score.get().to_bits(), 0.0_f64.to_bits());
}

#[test]
fn an_engine_that_hands_over_an_infinite_score_is_an_overflow_error() {
    let backlog = Backlog::from_items([item("A"), item("B")]).expect("valid");
    let engine = Fixed(vec![("A", 1.0), ("B", f64::INFINITY)]);
    let error = backlog.rank(&engine).map(|ranking| ranking.len()).unwrap_err();
    assert_eq!(
        error.to_string(),
        r#"item "B": fixed score is inf, which overflows f64 (scale the inputs down)"#
    );
}

#[test]
fn a_ranking_borrows_its_backlog_and_engine() {
    let backlog = Backlog::from_items([item("A")]).expect("valid");
    let engine = Fixed(vec![("A", 2.0)]);
    let ranking = backlog.rank(&engine).expect("valid");
    assert!(std::ptr::eq(ranking.backlog(), &raw const backlog));
    assert_eq!(ranking.engine().name(), "fixed");
    assert_eq!(ranking.framework(), "fixed");
}

#[test]
fn breakdowns_have_exactly_the_named_values() {
    // Intercom's first project: 450 · 3 · 1 / 2 = 675; with λ = 0.5 and alignment 0.5 the factor
    // is 1 − 0.5 + 0.25 = 0.75.
    let item =
        BacklogItem::builder("P1", "p").reach(450).impact(3).confidence(1).effort(2).build().expect("valid");
    let plain = Rice::default().breakdown(&Item::of(&item, 0.5));
    assert_eq!(plain.len(), 5);
    assert!(!plain.is_empty());
    assert_eq!(
        plain.iter().collect::<Vec<_>>(),
        [("reach", 450.0), ("impact", 3.0), ("confidence", 1.0), ("effort", 2.0), ("rice", 675.0)]
    );
    assert_eq!(plain.names().collect::<Vec<_>>(), ["reach", "impact", "confidence", "effort", "rice"]);
    let half = prioritize::AlignmentWeight::new(0.5).expect("valid");
    let aligned = Rice::default().alignment_weight(half).breakdown(&Item::of(&item, 0.5));
    assert_eq!(aligned.len(), 7);
    assert_eq!(aligned.get("alignment"), Some(0.5));
    assert_eq!(aligned.get("alignment_factor"), Some(0.75));
    assert!(Breakdown::new().is_empty());
    assert_eq!(Breakdown::new().len(), 0);
    let joined = Breakdown::new().with("a", 1.0).extend(Breakdown::new().with("b", 2.0).with("c", 3.0));
    assert_eq!(joined.iter().collect::<Vec<_>>(), [("a", 1.0), ("b", 2.0), ("c", 3.0)]);
}

#[test]
fn engines_declare_exactly_the_fields_they_read() {
    use Field::{BusinessValue, Confidence, Effort, Impact, Moscow, Reach, RiskReduction, TimeCriticality};
    let set = |fields: &[Field]| fields.iter().copied().collect::<FieldSet>();
    let backlog = Backlog::default();
    assert_eq!(Rice::default().inputs(&backlog), set(&[Reach, Impact, Confidence, Effort]));
    assert_eq!(
        Wsjf::default().inputs(&backlog),
        set(&[BusinessValue, TimeCriticality, RiskReduction, Effort])
    );
    assert_eq!(MoSCoW::default().inputs(&backlog), set(&[Moscow]));
    assert_eq!(
        MoSCoW::default().then(Rice::default()).inputs(&backlog),
        set(&[Reach, Impact, Confidence, Effort, Moscow])
    );
    assert!(MoSCoW::default().secondary().is_none());
    let then = MoSCoW::default().then(Wsjf::default());
    assert_eq!(then.secondary().map(Engine::name), Some("wsjf"));
}

#[test]
fn strict_wsjf_rejects_values_off_the_fibonacci_scale() {
    use prioritize::engine::Scale;
    assert!(Scale::Fibonacci.allows(13.0));
    assert!(!Scale::Fibonacci.allows(4.0));
    assert!(Scale::Any.allows(4.0));
    let off = Backlog::from_items([wsjf_item("F1", [1.0, 4.0, 5.0, 3.0])]).expect("valid");
    let strict = Wsjf::default().scale(Scale::Fibonacci);
    let error = off.rank(strict).map(|ranking| ranking.len()).unwrap_err();
    assert_eq!(
        error.to_string(),
        r#"item "F1": time_criticality 4 is not on the wsjf scale 1, 2, 3, 5, 8, 13, 20 (strict mode)"#
    );
    // The default scale takes any non-negative number: (1 + 4 + 5) / 3.
    let any = Wsjf::default();
    let ranking = off.rank(any).expect("valid");
    assert_eq!(ranking.get(1).and_then(|entry| entry.score()), Some(10.0 / 3.0));
}

/// Per-objective alignment over one objective of `weight` with `contribution`, or over several.
fn resolve(weights: &[f64], contributions: &[(usize, f64)]) -> f64 {
    let objectives: Vec<prioritize::Objective> = weights
        .iter()
        .enumerate()
        .map(|(i, &w)| prioritize::Objective::new(format!("o{i}"), w).expect("valid"))
        .collect();
    let named = contributions
        .iter()
        .map(|&(i, c)| (format!("o{i}"), prioritize::model::Fraction::new(c).expect("valid")))
        .collect();
    prioritize::Alignment::PerObjective(named).resolve(&objectives)
}

#[test]
fn alignment_weights_anywhere_in_the_f64_range_give_the_exact_mean() {
    let two = |exponent: i32| 2_f64.powi(exponent);
    // Weights that need no rescaling, and those at either end of the range.
    for weight in [1e-150, 1.0, 3.0, 1e150, f64::MAX, 5e-324] {
        assert_eq!(resolve(&[weight], &[(0, 0.5)]), 0.5, "weight {weight:e}");
    }
    // 2^-60 / (2^520 + 2^-60) rounds to 2^-580: the small weight must not underflow on the way.
    assert_eq!(resolve(&[two(520), two(-60)], &[(1, 1.0)]), two(-580));
    assert_eq!(resolve(&[two(-520), two(-530)], &[(0, 1.0), (1, 1.0)]), 1.0);
    // 2^-500 / 2^511 = 2^-1011, still a normal number: the small weight must survive the
    // scaling of a largest weight of exactly 2^511.
    assert_eq!(resolve(&[two(511), two(-500)], &[(1, 1.0)]), two(-1011));
    // A subnormal weight is scaled up far enough that a tiny contribution keeps every bit.
    assert_eq!(resolve(&[5e-324], &[(0, two(-500))]), two(-500));
}

#[test]
fn an_alignment_weight_reports_its_value() {
    let weight = prioritize::AlignmentWeight::new(0.25).expect("valid");
    assert_eq!(weight.get(), 0.25);
    assert_eq!(weight.factor(0.5), 0.875);
    assert!(!weight.is_zero());
}

#[test]
fn a_confidence_displays_as_its_number() {
    assert_eq!(prioritize::Confidence::MEDIUM.to_string(), "0.8");
    assert_eq!(prioritize::Confidence::HIGH.to_string(), "1");
}

#[test]
fn a_backlog_counts_its_dependency_edges() {
    let build = |id: &str, deps: &[&str]| {
        deps.iter().fold(BacklogItem::builder(id, id), |b, d| b.depends_on(*d)).build().expect("valid")
    };
    let backlog =
        Backlog::from_items([build("A", &[]), build("B", &["A"]), build("C", &["A", "B"])]).expect("valid");
    assert_eq!(backlog.dependency_count(), 3);
    assert_eq!(backlog.prerequisites(2).collect::<Vec<_>>(), [0, 1]);
    assert_eq!(Backlog::from_items([build("A", &[])]).expect("valid").dependency_count(), 0);
}

#[test]
fn items_with_one_field_each_are_unscored_with_exactly_what_they_lack() {
    use Field::{BusinessValue, Confidence, Effort, Impact, Moscow, Reach, RiskReduction, TimeCriticality};
    // Each item has only the field its id names; the ranking reads every item, whatever the
    // engine (the prefetching pass counts the fields present, so a count that subtracted one
    // would fall below zero on an item whose only field comes late in the list).
    let builder = |id: &str| BacklogItem::builder(id, id);
    let items = [
        builder("reach").reach(10),
        builder("impact").impact(2),
        builder("confidence").confidence(0.8),
        builder("effort").effort(2),
        builder("business_value").business_value(3),
        builder("time_criticality").time_criticality(5),
        builder("risk_reduction").risk_reduction(8),
        builder("moscow").moscow(prioritize::Category::Should),
    ];
    let backlog = Backlog::from_items(items.map(|b| b.build().expect("valid"))).expect("valid");
    let wsjf = Wsjf::default();
    let ranking = backlog.rank(wsjf).expect("valid");
    assert!(ranking.is_empty());
    let set = |fields: &[Field]| fields.iter().copied().collect::<FieldSet>();
    let all = [BusinessValue, TimeCriticality, RiskReduction, Effort];
    let missing: Vec<(&str, FieldSet)> = ranking.unscored().map(|u| (u.item().id(), u.missing())).collect();
    assert_eq!(
        missing,
        [
            ("reach", set(&all)),
            ("impact", set(&all)),
            ("confidence", set(&all)),
            ("effort", set(&[BusinessValue, TimeCriticality, RiskReduction])),
            ("business_value", set(&[TimeCriticality, RiskReduction, Effort])),
            ("time_criticality", set(&[BusinessValue, RiskReduction, Effort])),
            ("risk_reduction", set(&[BusinessValue, TimeCriticality, Effort])),
            ("moscow", set(&all)),
        ]
    );
    // The same items under RICE and MoSCoW: only the MoSCoW item is scored by MoSCoW alone.
    let moscow = MoSCoW::default();
    let by_category = backlog.rank(&moscow).expect("valid");
    assert_eq!(by_category.iter().map(|e| e.item().id()).collect::<Vec<_>>(), ["moscow"]);
    assert_eq!(by_category.unscored().map(|u| u.missing()).collect::<Vec<_>>(), [set(&[Moscow]); 7]);
    let rice = Rice::default();
    let rice_missing: Vec<FieldSet> =
        backlog.rank(rice).expect("valid").unscored().map(|u| u.missing()).collect();
    assert_eq!(rice_missing[0], set(&[Impact, Confidence, Effort]));
    assert_eq!(rice_missing[2], set(&[Reach, Impact, Effort]));
}
