//! What a ranking does with the scores an engine hands over: negative zero, infinity, and items
//! that lack inputs. Values are exact and computed by hand.

// Exact scores are the point of these tests.
#![allow(clippy::float_cmp)]

use prioritize::{
    Backlog, BacklogItem, Breakdown, Engine, Evaluation, Field, FieldSet, Item, Result, Rice, Wsjf,
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
            None => Ok(Evaluation::unscored(FieldSet::EMPTY.with(Field::Reach))),
        }
    }
    fn breakdown(&self, _item: &Item<'_>) -> Breakdown {
        Breakdown::new().with("fixed", 1.0)
    }
}

fn item(id: &str) -> BacklogItem {
    BacklogItem::builder(id, id).build().expect("valid")
}

#[test]
fn a_negative_zero_score_is_stored_as_zero() {
    let item = item("A");
    let Some(score) =
        Evaluation::scored(&Item::of(&item, 0.0), "fixed", -0.0).ok().and_then(|e| e.checked_score())
    else {
        panic!("-0.0 is a finite score");
    };
    assert_eq!(score.get().to_bits(), 0.0_f64.to_bits());
    // Scores are equal exactly when their numbers are.
    assert_eq!(prioritize::Score::new(-0.0), prioritize::Score::new(0.0));
    assert_ne!(prioritize::Score::new(1.0), prioritize::Score::new(2.0));
    assert_ne!(prioritize::Score::new(1.0), prioritize::Score::new(1.0 + f64::EPSILON));
}

#[test]
fn a_score_orders_converts_and_displays_as_its_number() {
    use std::cmp::Ordering;
    let score = |x: f64| prioritize::Score::new(x).expect("finite");
    assert_eq!(score(1.0).partial_cmp(&score(2.0)), Some(Ordering::Less));
    assert_eq!(score(-3.5).partial_cmp(&score(-3.5)), Some(Ordering::Equal));
    assert_eq!((f64::from(score(675.0)), f64::from(score(-0.25))), (675.0, -0.25));
    assert_eq!((score(675.0).to_string(), score(0.5).to_string()), ("675".to_owned(), "0.5".to_owned()));
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
    assert_eq!(ranking.engine_name(), "fixed");
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
    let effort = ranking.unscored().find(|u| u.item().id() == "effort").expect("unscored");
    assert_eq!(effort.missing_names(), ["business_value", "time_criticality", "risk_reduction"]);
    // The same items under RICE and MoSCoW: only the MoSCoW item is scored by MoSCoW alone.
    let moscow = prioritize::Moscow::default();
    let by_category = backlog.rank(&moscow).expect("valid");
    assert_eq!(by_category.iter().map(|e| e.item().id()).collect::<Vec<_>>(), ["moscow"]);
    assert_eq!(by_category.unscored().map(|u| u.missing()).collect::<Vec<_>>(), [set(&[Moscow]); 7]);
    let rice = Rice::default();
    let rice_missing: Vec<FieldSet> =
        backlog.rank(rice).expect("valid").unscored().map(|u| u.missing()).collect();
    assert_eq!(rice_missing[0], set(&[Impact, Confidence, Effort]));
    assert_eq!(rice_missing[2], set(&[Reach, Impact, Effort]));
}
