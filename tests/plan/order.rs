//! The dependency-aware order and the Product Owner's pins.

use crate::support::{Value, backlog, spec};
use prioritize::plan::{Pin, PlannedOrder};
use prioritize::{ErrorKind, RankOptions};

/// `(id, promoted_by, unscored, pinned)` of every entry.
fn rows(order: &PlannedOrder<'_>) -> Vec<(String, Option<String>, bool, bool)> {
    order
        .iter()
        .map(|entry| {
            (
                entry.item().id().to_string(),
                entry.promoted_by().map(|item| item.id().to_string()),
                entry.is_unscored(),
                entry.is_pinned(),
            )
        })
        .collect()
}

fn ids(order: &PlannedOrder<'_>) -> Vec<String> {
    order.iter().map(|entry| entry.item().id().to_string()).collect()
}

#[track_caller]
fn row(id: &str, promoted_by: Option<&str>, unscored: bool) -> (String, Option<String>, bool, bool) {
    (id.to_owned(), promoted_by.map(str::to_owned), unscored, false)
}

#[test]
fn prerequisites_inherit_the_place_of_what_waits_on_them() {
    let backlog = backlog(&[
        spec("A", Some(10), Some(1), &[]),
        spec("B", None, Some(1), &[]),
        spec("C", Some(50), Some(1), &["B"]),
        spec("D", Some(30), Some(1), &["A"]),
        spec("E", None, Some(1), &[]),
    ]);
    let ranking = backlog.rank(&Value).unwrap();
    let order = ranking.respecting_dependencies().unwrap();
    assert_eq!(
        rows(&order),
        [row("B", Some("C"), true), row("C", None, false), row("A", Some("D"), false), row("D", None, false)]
    );
    // The unscored prerequisite stays unscored, with the fields it lacks.
    let b = order.at(1).unwrap();
    assert_eq!((b.score(), b.rank(), b.missing().to_string()), (None, None, "business_value".to_owned()));
    // E: unscored and needed by nothing placed, so it stays apart.
    assert_eq!(order.unscored().map(|u| u.item().id()).collect::<Vec<_>>(), ["E"]);
    assert_eq!(order.get("A").map(|a| (a.position(), a.rank(), a.score())), Some((3, Some(3), Some(10.0))));
}

#[test]
fn a_chain_is_promoted_by_its_origin_and_ties_keep_input_order() {
    let backlog = backlog(&[
        spec("P2", Some(1), None, &[]),
        spec("X", Some(50), None, &[]),
        spec("P1", Some(2), None, &["P2"]),
        spec("T", Some(100), None, &["P1", "Q"]),
        spec("Q", Some(3), None, &[]),
    ]);
    let order = backlog.rank(&Value).unwrap().respecting_dependencies().unwrap();
    // P2 and Q both become available with T's key; input order puts P2 (index 0) before Q (4).
    assert_eq!(
        rows(&order),
        [
            row("P2", Some("T"), false),
            row("P1", Some("T"), false),
            row("Q", Some("T"), false),
            row("T", None, false),
            row("X", None, false),
        ]
    );
}

#[test]
fn an_order_that_already_holds_is_kept() {
    let backlog = backlog(&[
        spec("A", Some(5), None, &[]),
        spec("B", Some(9), None, &[]),
        spec("C", Some(1), None, &["A"]),
    ]);
    let order = backlog.rank(&Value).unwrap().respecting_dependencies().unwrap();
    assert_eq!(rows(&order), [row("B", None, false), row("A", None, false), row("C", None, false)]);
}

#[test]
fn a_ranking_cut_by_top_is_completed_first() {
    let backlog = backlog(&[
        spec("A", Some(1), None, &[]),
        spec("B", Some(9), None, &["A"]),
        spec("C", Some(5), None, &[]),
    ]);
    let ranking = backlog.rank_with(&Value, &RankOptions::default().top(1)).unwrap();
    assert_eq!(ranking.len(), 1);
    let order = ranking.respecting_dependencies().unwrap();
    assert_eq!(ids(&order), ["A", "B", "C"]);
    // Whatever the counts: 3 of 4 scored items kept and 2 unscored make 3 × 2 = 6 items, yet
    // the fourth scored item (D) is still planned.
    let six = crate::support::backlog(&[
        spec("A", Some(4), None, &[]),
        spec("B", Some(3), None, &[]),
        spec("C", Some(2), None, &[]),
        spec("D", Some(1), None, &[]),
        spec("U", None, None, &[]),
        spec("V", None, None, &[]),
    ]);
    let ranking = six.rank_with(&Value, &RankOptions::default().top(3)).unwrap();
    assert_eq!((ranking.len(), ranking.unscored().len()), (3, 2));
    let order = ranking.respecting_dependencies().unwrap();
    assert_eq!(ids(&order), ["A", "B", "C", "D"]);
    assert_eq!(order.unscored().map(|u| u.item().id()).collect::<Vec<_>>(), ["U", "V"]);
}

#[test]
fn a_ranking_with_more_unscored_than_ranked_items_is_complete() {
    let backlog =
        backlog(&[spec("U", None, None, &[]), spec("A", Some(1), None, &["U"]), spec("V", None, None, &[])]);
    let ranking = backlog.rank(&Value).unwrap();
    assert_eq!((ranking.len(), ranking.unscored().len()), (1, 2));
    let order = ranking.respecting_dependencies().unwrap();
    assert_eq!(rows(&order), [row("U", Some("A"), true), row("A", None, false)]);
    assert_eq!(order.unscored().map(|u| u.item().id()).collect::<Vec<_>>(), ["V"]);
}

/// id, category, score, missing fields.
type Entry<'a> = (&'a str, Option<prioritize::Category>, Option<f64>, Vec<&'a str>);

#[test]
fn a_planned_order_reports_its_engine_categories_warnings_and_missing_fields() {
    use crate::support::Spec;
    use prioritize::{Category, Moscow};
    let with = |moscow, spec: Spec<'static>| Spec { moscow: Some(moscow), ..spec };
    // Must Haves take 7 of the 11 effort units of Must, Should and Could Haves: over 60 %.
    let backlog = crate::support::backlog(&[
        with(Category::Must, spec("M", Some(5), Some(7), &["P"])),
        with(Category::Should, spec("P", None, Some(1), &[])),
        with(Category::Should, spec("S", Some(3), Some(2), &[])),
        with(Category::Could, spec("C", Some(1), Some(1), &[])),
    ]);
    let ranking = backlog.rank(Moscow::default().then(Value)).unwrap();
    let mut order = ranking.respecting_dependencies().unwrap();
    assert_eq!((order.engine_name(), order.is_categorized(), order.is_empty()), ("moscow", true, false));
    assert_eq!(order.warnings().len(), 1);
    assert_eq!(order.warnings(), ranking.warnings());
    let entries: Vec<Entry<'_>> = order
        .iter()
        .map(|entry| (entry.item().id(), entry.category(), entry.score(), entry.missing_names()))
        .collect();
    assert_eq!(
        entries,
        [
            ("P", None, None, vec!["business_value"]),
            ("M", Some(Category::Must), Some(5.0), vec![]),
            ("S", Some(Category::Should), Some(3.0), vec![]),
            ("C", Some(Category::Could), Some(1.0), vec![]),
        ]
    );
    order.truncate(2);
    assert_eq!(ids(&order), ["P", "M"]);
    // The plain engine: no categories, no warning.
    let plain = backlog.rank(&Value).unwrap().respecting_dependencies().unwrap();
    assert_eq!((plain.engine_name(), plain.is_categorized(), plain.warnings().len()), ("value", false, 0));
    let empty = prioritize::Backlog::default();
    assert!(empty.rank(&Value).unwrap().respecting_dependencies().unwrap().is_empty());
}

fn three() -> prioritize::Backlog {
    backlog(&[
        spec("A", Some(40), None, &[]),
        spec("B", Some(30), None, &[]),
        spec("C", Some(20), None, &["A"]),
        spec("D", Some(10), None, &[]),
        spec("E", Some(5), None, &[]),
    ])
}

#[test]
fn a_position_pin_moves_one_item_and_keeps_the_rest_in_order() {
    let backlog = three();
    let ranking = backlog.rank(&Value).unwrap();
    let order =
        ranking.respecting_dependencies().unwrap().pin(&[Pin::At { id: "D".into(), position: 1 }]).unwrap();
    assert_eq!(ids(&order), ["D", "A", "B", "C", "E"]);
    assert_eq!(order.iter().map(|e| e.is_pinned()).collect::<Vec<_>>(), [true, false, false, false, false]);
    let order = ranking
        .respecting_dependencies()
        .unwrap()
        .pin(&[Pin::At { id: "A".into(), position: 5 }, Pin::At { id: "E".into(), position: 4 }]);
    assert_eq!(
        order.unwrap_err().to_string(),
        r#"item "A": pin to position 5 would place "C" before "A", which it depends on"#
    );
    let order = ranking
        .respecting_dependencies()
        .unwrap()
        .pin(&["E=2".parse().unwrap(), "B=5".parse().unwrap()])
        .unwrap();
    assert_eq!(ids(&order), ["A", "E", "C", "D", "B"]);
    // A pinned item that stays after its prerequisite, and a pinned prerequisite that stays
    // before its dependent, are both fine.
    for pin in [Pin::At { id: "C".into(), position: 2 }, Pin::At { id: "A".into(), position: 2 }] {
        let order = ranking.respecting_dependencies().unwrap().pin(&[pin]).unwrap();
        assert_eq!(ids(&order).iter().filter(|id| *id == "A" || *id == "C").collect::<Vec<_>>(), ["A", "C"]);
    }
}

#[test]
fn before_and_after_pins_put_an_item_next_to_another() {
    let backlog = three();
    let ranking = backlog.rank(&Value).unwrap();
    let pins = [
        Pin::Before { id: "E".into(), anchor: "B".into() },
        Pin::After { id: "A".into(), anchor: "D".into() },
    ];
    let error = ranking.respecting_dependencies().unwrap().pin(&pins).unwrap_err();
    assert_eq!(
        error.to_string(),
        r#"item "A": pin after "D" would place "C" before "A", which it depends on"#
    );
    let pins = [
        Pin::Before { id: "E".into(), anchor: "B".into() },
        Pin::After { id: "B".into(), anchor: "D".into() },
    ];
    let error = ranking.respecting_dependencies().unwrap().pin(&pins).unwrap_err();
    assert_eq!(
        error.to_string(),
        r#"item "E": pin before "B" is invalid: a later pin came between "E" and "B""#
    );
    let pins = [
        Pin::After { id: "B".into(), anchor: "D".into() },
        Pin::After { id: "E".into(), anchor: "B".into() },
    ];
    let order = ranking.respecting_dependencies().unwrap().pin(&pins).unwrap();
    assert_eq!(ids(&order), ["A", "C", "D", "B", "E"]);
    assert_eq!(order.iter().map(|e| e.is_pinned()).collect::<Vec<_>>(), [false, false, false, true, true]);
}

#[test]
fn pins_on_the_plain_ranking_check_dependencies_too() {
    let backlog = three();
    let ranking = backlog.rank(&Value).unwrap();
    let order = PlannedOrder::ranked(&ranking);
    assert_eq!(ids(&order), ["A", "B", "C", "D", "E"]);
    let error = order.pin(&[Pin::At { id: "C".into(), position: 1 }]).unwrap_err();
    assert_eq!((error.kind(), error.item(), error.field()), (ErrorKind::Parameter, Some("C"), Some("pin")));
    assert!(error.to_string().starts_with(r#"item "C": pin to position 1 "#), "{error}");
}

#[test]
fn invalid_pins_name_the_item_and_what_is_allowed() {
    let backlog = three();
    let ranking = backlog.rank(&Value).unwrap();
    let fail = |pins: &[Pin]| ranking.respecting_dependencies().unwrap().pin(pins).unwrap_err().to_string();
    assert_eq!(
        fail(&[Pin::At { id: "B".into(), position: 6 }]),
        r#"item "B": pin to position 6 is invalid: position 6 is outside 1..=5"#
    );
    assert_eq!(
        fail(&[Pin::At { id: "ZZ".into(), position: 1 }]),
        r#"item "ZZ": pin to position 1 is invalid: the order holds no such item (an unknown id, or unscored with nothing depending on it)"#
    );
    assert_eq!(
        fail(&[Pin::At { id: "B".into(), position: 2 }, Pin::At { id: "D".into(), position: 2 }]),
        r#"item "D": pin to position 2 is invalid: position 2 is taken by "B""#
    );
    assert_eq!(
        fail(&[Pin::At { id: "B".into(), position: 2 }, Pin::Before { id: "B".into(), anchor: "A".into() }]),
        r#"item "B": pin before "A" is invalid: the item is pinned twice"#
    );
    assert_eq!(
        fail(&[Pin::After { id: "B".into(), anchor: "B".into() }]),
        r#"item "B": pin after "B" is invalid: an item cannot be pinned next to itself"#
    );
    assert_eq!(
        fail(&[Pin::At { id: "D".into(), position: 1 }, Pin::After { id: "E".into(), anchor: "D".into() }]),
        r#"item "E": pin after "D" is invalid: "D" is pinned to a position; pin "E" to a position too"#
    );
    assert_eq!(
        fail(&[Pin::After { id: "E".into(), anchor: "Q".into() }]),
        r#"item "E": pin after "Q" is invalid: the order holds no item "Q""#
    );
}

#[test]
fn pins_parse_from_id_equals_position() {
    assert_eq!("A=B=3".parse::<Pin>().unwrap(), Pin::At { id: "A=B".into(), position: 3 });
    for bad in ["A", "A=0", "=2", "A=x", "A=-1"] {
        assert_eq!(
            bad.parse::<Pin>().unwrap_err().to_string(),
            format!("pin {bad} is outside ID=POSITION, with a non-empty ID and a whole POSITION >= 1")
        );
    }
}

#[test]
fn planning_types_are_send_and_sync() {
    fn check<T: Send + Sync>() {}
    check::<PlannedOrder<'_>>();
    check::<prioritize::plan::PlannedItem<'_>>();
    check::<prioritize::plan::CapacityPlan<'_>>();
    check::<prioritize::plan::Roadmap<'_>>();
    check::<Pin>();
    check::<prioritize::plan::Fallback>();
}
