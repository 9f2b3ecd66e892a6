//! What a backlog lends out: its columns, its item views (stored and owned), and sets of fields.

use prioritize::{Backlog, BacklogItem, Category, Criterion, Field, FieldSet, FieldValue, Item};

fn backlog() -> Backlog {
    Backlog::builder()
        .criterion(Criterion::new("revenue").unwrap())
        .criterion(Criterion::new("risk").unwrap())
        .item(
            BacklogItem::builder("A", "a").effort(2).value("risk", 4).moscow(Category::Must).build().unwrap(),
        )
        .item(BacklogItem::builder("B", "b").range("revenue", 1, 5).depends_on("A").tag("t").build().unwrap())
        .item(BacklogItem::builder("C", "c").build().unwrap())
        .build()
        .unwrap()
}

#[test]
fn a_column_lends_every_items_value_in_input_order() {
    let backlog = backlog();
    let effort = backlog.column(Field::Effort).expect("numeric");
    assert_eq!((effort.len(), effort.is_empty()), (3, false));
    assert_eq!((effort.get(0), effort.get(1), effort.get(3)), (Some(2.0), None, None));
    assert_eq!(effort.iter().collect::<Vec<_>>(), [Some(2.0), None, None]);
    let revenue = backlog.column("revenue").expect("declared");
    assert_eq!(revenue.iter().collect::<Vec<_>>(), [None, Some(3.0), None]);
    let empty = Backlog::default();
    let none = empty.column(Field::Reach).expect("numeric");
    assert_eq!((none.len(), none.is_empty(), none.get(0)), (0, true, None));
    assert!(backlog.column("title").is_none());
}

#[test]
fn an_item_reads_criteria_estimates_and_lists() {
    let backlog = backlog();
    let (a, b, c) = (backlog.item(0), backlog.item(1), backlog.item(2));
    assert_eq!(
        (a.criterion(0), a.criterion(1), b.criterion(0), a.criterion(2)),
        (None, Some(4.0), Some(3.0), None)
    );
    assert_eq!(b.estimate("revenue").map(prioritize::model::Estimate::ends), Some([1.0, 5.0]));
    assert_eq!((a.estimate("revenue"), a.estimate("risk"), b.estimate("risk")), (None, None, None));
    assert_eq!((a.moscow(), b.moscow(), c.moscow()), (Some(Category::Must), None, None));
    for (item, depends, tags) in [(a, false, false), (b, true, true), (c, false, false)] {
        assert_eq!((item.has(Field::DependsOn), item.has(Field::Tags)), (depends, tags), "{}", item.id());
    }
    assert_eq!(
        b.field_set(["revenue", "effort"]).unwrap(),
        FieldSet::EMPTY.with(Field::Effort).with_criterion(0)
    );
    let typo = b.field_set(["revenu"]).unwrap_err();
    assert_eq!((typo.item(), typo.field()), (Some("B"), Some("revenu")));
    // An item of no backlog knows built-in fields only.
    let owned = b.to_owned();
    let alone = Item::of(&owned, 0.0);
    assert_eq!(alone.field_set(["effort"]).unwrap(), FieldSet::EMPTY.with(Field::Effort));
    assert_eq!(alone.field_set(["revenue"]).unwrap_err().item(), Some("B"));
    assert_eq!(alone.criterion(0), None);
}

#[test]
fn views_are_equal_when_they_view_the_same_item() {
    let backlog = backlog();
    let other = backlog.clone();
    assert_eq!(backlog.item(1), backlog.item(1));
    assert_ne!(backlog.item(1), backlog.item(2));
    assert_ne!(backlog.item(1), other.item(1));
    let (x, y) = (backlog.item(1).to_owned(), backlog.item(1).to_owned());
    assert_eq!(Item::of(&x, 0.5), Item::of(&x, 0.5));
    assert_ne!(Item::of(&x, 0.5), Item::of(&x, 0.25));
    assert_ne!(Item::of(&x, 0.5), Item::of(&y, 0.5));
    assert_ne!(Item::of(&x, 0.5), backlog.item(1));
}

#[test]
fn owned_items_compare_by_field_whatever_the_order() {
    let item = |pairs: &[(&str, f64)]| {
        pairs.iter().fold(BacklogItem::builder("A", "a"), |b, (name, v)| b.value(*name, *v)).build().unwrap()
    };
    assert_eq!(item(&[("revenue", 1.0), ("risk", 2.0)]), item(&[("risk", 2.0), ("revenue", 1.0)]));
    assert_ne!(item(&[("revenue", 1.0), ("risk", 2.0)]), item(&[("revenue", 1.0), ("risk", 3.0)]));
    assert_ne!(item(&[("revenue", 1.0)]), item(&[("revenue", 1.0), ("risk", 2.0)]));
    assert_ne!(item(&[("revenue", 1.0), ("risk", 2.0)]), item(&[("revenue", 1.0)]));
}

#[test]
fn clearing_one_criterion_keeps_the_others() {
    let mut backlog = backlog();
    backlog.set("A", "revenue", 7).unwrap();
    backlog.set("A", "risk", FieldValue::Absent).unwrap();
    assert_eq!((backlog.item(0).value("revenue"), backlog.item(0).value("risk")), (Some(7.0), None));
    backlog.set("B", "revenue", FieldValue::Absent).unwrap();
    assert_eq!((backlog.item(1).value("revenue"), backlog.item(1).estimate("revenue")), (None, None));
}

#[test]
fn sets_of_fields_hold_built_in_fields_and_criteria() {
    let set = FieldSet::EMPTY.with(Field::Reach).with_criterion(0).with_criterion(3);
    assert_eq!(set.len(), 3);
    assert!(set.contains(Field::Reach) && !set.contains(Field::Effort));
    assert!(set.contains_criterion(0) && set.contains_criterion(3) && !set.contains_criterion(1));
    assert!(!set.contains_criterion(FieldSet::MAX_CRITERIA));
    assert_eq!(set.criteria().collect::<Vec<_>>(), [0, 3]);
    let union = set.union(FieldSet::EMPTY.with(Field::Reach).with_criterion(0).with_criterion(1));
    assert_eq!((union.len(), union.criteria().collect::<Vec<_>>()), (4, vec![0, 1, 3]));
    assert!(union.contains(Field::Reach));
    assert_eq!(set.with_criterion(0), set);
}

/// The second criterion's column: estimates and ratings of a criterion past the first one keep
/// their own column.
#[test]
fn estimates_and_ratings_of_a_later_criterion_keep_its_column() {
    let backlog = Backlog::builder()
        .criterion(Criterion::new("revenue").unwrap())
        .criterion(Criterion::new("risk").unwrap())
        .item(
            BacklogItem::builder("A", "a")
                .range("risk", 2, 6)
                .ratings("revenue", [("po", 1.0), ("pm", 3.0)])
                .build()
                .unwrap(),
        )
        .item(
            BacklogItem::builder("B", "b")
                .ratings("risk", [("po", 8.0), ("pm", 4.0)])
                .value("revenue", 9)
                .build()
                .unwrap(),
        )
        .build()
        .unwrap();
    let (a, b) = (backlog.item(0), backlog.item(1));
    assert_eq!(a.estimate("risk").map(prioritize::model::Estimate::ends), Some([2.0, 6.0]));
    assert_eq!(a.estimate("revenue").map(prioritize::model::Estimate::ends), Some([1.0, 3.0]));
    assert_eq!((a.value("revenue"), a.value("risk")), (Some(2.0), Some(4.0)));
    assert_eq!((b.value("risk"), b.value("revenue"), b.estimate("revenue")), (Some(6.0), Some(9.0), None));
    assert_eq!(b.ratings("risk").map(|r| r.len()), Some(2));
    assert!(b.ratings("revenue").is_none());
}

#[test]
#[cfg(feature = "json")]
fn criteria_given_first_name_an_undeclared_field_at_once() {
    let read = |item: &str| {
        Backlog::from_json(&format!(r#"{{"criteria": [{{"id": "revenue"}}], "items": [{item}]}}"#))
            .map(|b| b.len())
    };
    for item in [r#"{"id": "A", "revenu": null}"#, r#"{"id": "A", "revenu": {"ratings": {"po": "x"}}}"#] {
        let error = read(item).unwrap_err();
        assert_eq!((error.item(), error.field()), (Some("A"), Some("revenu")), "{item}: {error}");
        assert!(error.to_string().contains(r#"unknown field "revenu""#), "{error}");
    }
    let error = read(r#"{"id": "A", "revenue": {"ratings": {"po": "x"}}}"#).unwrap_err();
    assert_eq!((error.kind(), error.field()), (prioritize::ErrorKind::Value, Some("revenue")), "{error}");
    assert_eq!(read(r#"{"id": "A", "revenue": null}"#).ok(), Some(1));
}

#[test]
#[cfg(feature = "json")]
fn an_empty_alignment_object_is_an_alignment_of_zero() {
    let backlog = Backlog::from_json(r#"{"objectives": [{"id": "growth", "weight": 1}], "items": [{"id": "A", "alignment": {}}, {"id": "B"}]}"#)
        .unwrap();
    let (a, b) = (backlog.item(0), backlog.item(1));
    assert!(a.has(Field::Alignment) && !b.has(Field::Alignment));
    assert_eq!(a.resolved_alignment(), 0.0);
    assert_eq!(a.alignment(), Some(prioritize::Alignment::PerObjective(std::collections::BTreeMap::new())));
}

#[test]
fn an_estimate_falls_back_to_the_value_as_a_point() {
    let backlog = backlog();
    let (a, b, c) = (backlog.item(0), backlog.item(1), backlog.item(2));
    assert_eq!(a.estimate_or_point(Field::Effort), Some(prioritize::model::Estimate::point(2.0)));
    assert_eq!(b.estimate_or_point("revenue").map(prioritize::model::Estimate::ends), Some([1.0, 5.0]));
    assert_eq!(c.estimate_or_point(Field::Effort), None);
}
