//! MoSCoW: categories first, the Product Owner's order or a secondary engine within them, and
//! DSDM's 60 % guidance.

use prioritize::model::Effort;
use prioritize::ranking::{ShareBasis, Warning};
use prioritize::{Backlog, BacklogItem, Category, Moscow, RankOptions, Rice, Wsjf};

fn item(id: &str, category: Category, effort: f64, value: u32) -> BacklogItem {
    BacklogItem::builder(id, id)
        .moscow(category)
        .effort(effort)
        .business_value(value)
        .time_criticality(1)
        .risk_reduction(1)
        .build()
        .unwrap()
}

fn backlog() -> Backlog {
    Backlog::from_items([
        item("W1", Category::Wont, 1.0, 20),
        item("C1", Category::Could, 1.0, 13),
        item("M1", Category::Must, 2.0, 1),
        item("S1", Category::Should, 1.0, 8),
        item("M2", Category::Must, 1.0, 5),
        item("S2", Category::Should, 1.0, 8),
    ])
    .unwrap()
}

#[test]
fn categories_sort_first_and_input_order_stands_within_them() {
    let backlog = backlog();
    let moscow = Moscow::default();
    let ranking = backlog.rank(&moscow).unwrap();
    let rows: Vec<(&str, usize, Option<Category>, Option<f64>)> =
        ranking.iter().map(|e| (e.item().id(), e.rank(), e.category(), e.score())).collect();
    assert_eq!(
        rows,
        [
            ("M1", 1, Some(Category::Must), None),
            ("M2", 1, Some(Category::Must), None),
            ("S1", 3, Some(Category::Should), None),
            ("S2", 3, Some(Category::Should), None),
            ("C1", 5, Some(Category::Could), None),
            ("W1", 6, Some(Category::Wont), None),
        ]
    );
    assert!(ranking.at(1).unwrap().breakdown().is_empty());
}

#[test]
fn a_secondary_engine_orders_each_category() {
    let backlog = backlog();
    let moscow = Moscow::default().then(Wsjf::default());
    let ranking = backlog.rank(&moscow).unwrap();
    let rows: Vec<(&str, usize, f64)> =
        ranking.iter().map(|e| (e.item().id(), e.rank(), e.score().unwrap())).collect();
    // M2: (5+1+1)/1 = 7; M1: (1+1+1)/2 = 1.5; S1 and S2 tie at 10 and keep input order.
    assert_eq!(
        rows,
        [("M2", 1, 7.0), ("M1", 2, 1.5), ("S1", 3, 10.0), ("S2", 3, 10.0), ("C1", 5, 15.0), ("W1", 6, 22.0)]
    );
    assert_eq!(ranking.at(1).unwrap().breakdown().get("cost_of_delay"), Some(7.0));
}

#[test]
fn items_without_category_or_secondary_inputs_are_unscored() {
    let backlog = Backlog::from_items([
        item("M1", Category::Must, 1.0, 1),
        BacklogItem::builder("X", "no category").reach(1).impact(1).confidence(1).effort(1).build().unwrap(),
        BacklogItem::builder("Y", "no rice").moscow(Category::Should).build().unwrap(),
    ])
    .unwrap();
    let plain = Moscow::default();
    let ranking = backlog.rank(&plain).unwrap();
    assert_eq!(ranking.len(), 2);
    let unscored: Vec<(&str, String)> =
        ranking.unscored().map(|u| (u.item().id(), u.missing().to_string())).collect();
    assert_eq!(unscored, [("X", "moscow".to_owned())]);

    let with_rice = Moscow::default().then(Rice::default());
    let ranking = backlog.rank(&with_rice).unwrap();
    let unscored: Vec<(&str, String)> =
        ranking.unscored().map(|u| (u.item().id(), u.missing().to_string())).collect();
    assert_eq!(
        unscored,
        [
            ("M1", "reach, impact, confidence".to_owned()),
            ("X", "moscow".to_owned()),
            ("Y", "reach, impact, confidence, effort".to_owned())
        ]
    );
}

#[test]
fn must_haves_over_60_percent_of_the_planned_effort_warn() {
    // Must 3 of Must + Should + Could 5 (the Won't is left out): 60 % exactly is within the guidance.
    let backlog = backlog();
    let moscow = Moscow::default();
    assert!(backlog.rank(&moscow).unwrap().warnings().is_empty());

    let heavier =
        Backlog::from_items([item("M1", Category::Must, 4.0, 1), item("S1", Category::Should, 2.0, 1)])
            .unwrap();
    let ranking = heavier.rank(&moscow).unwrap();
    assert_eq!(
        ranking.warnings(),
        [Warning::MustOverShare { must_effort: 4.0, basis_effort: 6.0, basis: ShareBasis::Planned }]
    );
    assert_eq!(
        ranking.warnings()[0].to_string(),
        "must haves take 66.7 % of the must + should + could effort (4 of 6); DSDM advises at most 60 %"
    );
}

#[test]
fn must_haves_are_checked_against_a_given_capacity() {
    let backlog = backlog();
    let moscow = Moscow::default();
    let options = RankOptions::default().capacity(Effort::new(4.0).unwrap());
    let ranking = backlog.rank_with(&moscow, &options).unwrap();
    assert_eq!(
        ranking.warnings()[0].to_string(),
        "must haves take 75.0 % of the capacity (3 of 4); DSDM advises at most 60 %"
    );
    let roomy = RankOptions::default().capacity(Effort::new(5.0).unwrap());
    assert!(backlog.rank_with(&moscow, &roomy).unwrap().warnings().is_empty());
}

#[test]
fn the_check_counts_only_items_with_an_effort_and_says_so() {
    let backlog = Backlog::from_items([
        item("M1", Category::Must, 1.0, 1),
        item("S1", Category::Should, 9.0, 1),
        BacklogItem::builder("M2", "no effort").moscow(Category::Must).build().unwrap(),
    ])
    .unwrap();
    let moscow = Moscow::default();
    let ranking = backlog.rank(&moscow).unwrap();
    assert_eq!(ranking.warnings(), [Warning::EffortMissing { count: 1 }]);
    assert_eq!(
        ranking.warnings()[0].to_string(),
        "1 must/should/could item lacks an effort; the 60 % check leaves them out"
    );
}

#[test]
fn other_engines_give_no_moscow_warning() {
    let heavy =
        Backlog::from_items([item("M1", Category::Must, 4.0, 1), item("S1", Category::Should, 1.0, 1)])
            .unwrap();
    let wsjf = Wsjf::default();
    assert!(heavy.rank(wsjf).unwrap().warnings().is_empty());
}

#[test]
fn top_k_crosses_category_boundaries_in_order() {
    let backlog = backlog();
    let moscow = Moscow::default().then(Wsjf::default());
    let top = backlog.rank_with(&moscow, &RankOptions::default().top(3)).unwrap();
    let rows: Vec<(&str, usize, Option<Category>)> =
        top.iter().map(|e| (e.item().id(), e.rank(), e.category())).collect();
    assert_eq!(
        rows,
        [("M2", 1, Some(Category::Must)), ("M1", 2, Some(Category::Must)), ("S1", 3, Some(Category::Should))]
    );
}
