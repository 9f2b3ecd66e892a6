//! Tests written to kill the mutants of the model, the readers and the writers that survived the
//! other tests (`cargo mutants` over `backlog.rs`, `item.rs`, `input.rs`, `id.rs`, `category.rs`,
//! `impact.rs`, `field.rs`, `error.rs`, `interchange/` and `csv/`). Values are exact.
#![cfg(feature = "csv")]

use std::borrow::Borrow;

use prioritize::model::ItemId;
use prioritize::{Backlog, BacklogItem, Category, Field, FieldSet, Impact, Ranking, Rice, csv};

fn rice_item(id: &str, reach: u32) -> BacklogItem {
    BacklogItem::builder(id, id).reach(reach).impact(1).confidence(1).effort(1).build().expect("valid")
}

#[test]
fn backlog_emptiness_and_conversion_from_a_vec() {
    let backlog = Backlog::try_from(vec![rice_item("A", 1), rice_item("B", 2)]).expect("valid");
    assert!(!backlog.is_empty());
    assert_eq!(backlog.len(), 2);
    assert_eq!(backlog.item(1).id(), "B");
    assert!(Backlog::default().is_empty());
}

#[test]
fn categories_and_impacts_display_as_written() {
    assert_eq!(
        format!("{}|{:>6}|{:<5}|", Category::Must, Category::Should, Category::Wont),
        "must|should|wont |"
    );
    assert_eq!(Impact::LOW.to_string(), "0.5");
    assert_eq!(format!("{:.2}", Impact::MINIMAL), "0.25");
}

#[test]
fn only_an_effort_of_zero_gets_the_infinity_hint() {
    let negative = BacklogItem::builder("A", "a").effort(-1).build().unwrap_err();
    assert_eq!(negative.to_string(), r#"item "A": effort -1 is outside the finite numbers > 0"#);
    let zero = BacklogItem::builder("A", "a").effort(0).build().unwrap_err();
    assert!(zero.to_string().ends_with("(an effort of 0 would make the score infinite)"), "{zero}");
}

#[test]
fn field_sets_insert_and_unite() {
    let mut set = FieldSet::EMPTY;
    set.insert(Field::Effort);
    set.insert(Field::Reach);
    set.insert(Field::Effort);
    assert_eq!(set.iter().collect::<Vec<_>>(), [Field::Reach, Field::Effort]);
    let other = FieldSet::EMPTY.with(Field::Effort).with(Field::Moscow);
    assert_eq!(set.union(other).iter().collect::<Vec<_>>(), [Field::Reach, Field::Effort, Field::Moscow]);
}

#[test]
fn item_ids_read_as_their_text() {
    let id = ItemId::new("CHK-7").expect("non-empty");
    assert_eq!(AsRef::<str>::as_ref(&id), "CHK-7");
    assert_eq!(Borrow::<str>::borrow(&id), "CHK-7");
    assert!(id == "CHK-7");
    assert!(id != "CHK-8");
    assert!(id == *"CHK-7");
    assert!(id != *"CHK-8");
}

#[test]
fn a_backlog_names_its_repeated_key() {
    let read = |json: &str| serde_json::from_str::<Backlog>(json).unwrap_err().to_string();
    assert!(read(r#"{"items": [], "items": []}"#).starts_with("duplicate field `items`"));
    assert!(read(r#"{"objectives": [], "objectives": []}"#).starts_with("duplicate field `objectives`"));
}

#[test]
fn a_value_of_the_wrong_type_names_what_its_field_takes() {
    let read = |json: &str| serde_json::from_str::<BacklogItem>(json).unwrap_err().to_string();
    assert!(
        read(r#"{"id": "A", "title": "a", "alignment": true}"#)
            .starts_with(r#"item "A": alignment: expected a number or an object of objective ids to numbers, got a boolean (true)"#),
    );
    assert!(
        read(r#"{"id": "A", "title": "a", "reach": true}"#)
            .starts_with(r#"item "A": reach: expected a number, a text, a range {"low": .., "high": ..} or ratings {"ratings": {..}}, got a boolean (true)"#),
    );
    assert!(
        read(r#"{"id": "A", "title": "a", "moscow": true}"#)
            .starts_with(r#"item "A": moscow: expected a MoSCoW label, got a boolean (true)"#),
    );
    let backlog = serde_json::from_str::<Backlog>("[42]").unwrap_err().to_string();
    assert!(
        backlog.starts_with(
            "invalid type: integer `42`, expected a backlog item: an object with an id and the framework inputs"
        ),
        "{backlog}"
    );
}

#[test]
fn owned_strings_are_read_as_text() {
    // `serde_json::Value` hands strings over owned (`visit_string`), not borrowed.
    let value = serde_json::json!({"id": "A", "title": "a", "impact": "high", "moscow": "should"});
    let item: BacklogItem = serde_json::from_value(value).expect("valid");
    assert_eq!((item.impact(), item.moscow()), (Some(Impact::HIGH), Some(Category::Should)));
}

#[test]
fn a_planned_order_is_written_as_csv() {
    let backlog = Backlog::from_items([rice_item("A", 1), rice_item("B", 3)]).expect("valid");
    let rice = Rice::default();
    let ranking: Ranking<'_> = backlog.rank(rice).expect("ranks");
    let order = ranking.respecting_dependencies().expect("no pins to break");
    let mut out = Vec::new();
    csv::write_order(&order, &mut out).expect("writes");
    let text = String::from_utf8(out).expect("UTF-8");
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 3, "{text}");
    assert!(lines[0].starts_with("position,rank,id,title,score"), "{text}");
    // Each breakdown name is one column, however many entries carry it.
    assert_eq!(lines[0].matches("reach").count(), 1, "{text}");
    assert!(lines[1].starts_with("1,1,B,B,3"), "{text}");
    assert!(lines[2].starts_with("2,2,A,A,1"), "{text}");
}
