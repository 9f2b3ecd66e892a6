//! Edits of a backlog in place against the same input built from scratch (the edited item
//! rewritten through the interchange format), and nothing lost through `to_builder` and
//! `from_items`.

#![cfg(feature = "serde")]

use proptest::prelude::*;

use prioritize::{Aggregate, Objective};
use prioritize::{
    Backlog, BacklogItem, Category, Criterion, Engine, FieldValue, Ranking, Rater, Rice, Scorecard,
};

use crate::common::config;

/// The sections every generated backlog has: criteria, objectives, a scorecard, raters.
#[derive(Debug, Clone)]
struct Sections {
    declared: bool,
    median: bool,
}

impl Sections {
    fn builder(&self) -> prioritize::model::BacklogBuilder {
        let builder = Backlog::builder()
            .criterion(Criterion::new("revenue").unwrap().bounds(Some(0.0), Some(10.0)).unwrap())
            .objectives([Objective::new("growth", 3.0).unwrap(), Objective::new("retention", 1.0).unwrap()])
            .scorecard(Scorecard::new("value", [("revenue", 2.0), ("reach", 1.0)]).unwrap())
            .aggregate(if self.median { Aggregate::Median } else { Aggregate::Mean });
        if self.declared {
            builder.raters([Rater::new("po", 3.0).unwrap(), Rater::new("pm", 1.0).unwrap()])
        } else {
            builder
        }
    }

    fn build(&self, items: &[BacklogItem]) -> prioritize::Result<Backlog> {
        self.builder().items(items.iter().cloned()).build()
    }
}

/// One item as generated: every kind of field, and dependencies by id (possibly unknown ones).
#[derive(Debug, Clone)]
struct Spec {
    id: u8,
    reach: Option<u16>,
    effort: Option<Effort>,
    revenue: Option<Revenue>,
    moscow: Option<Category>,
    alignment: Option<Alignment>,
    depends_on: Vec<u8>,
    tags: Vec<u8>,
}

#[derive(Debug, Clone)]
enum Effort {
    Plain(u8),
    Range(u8, u8),
    Rated(u8, u8),
}

#[derive(Debug, Clone)]
enum Revenue {
    Plain(f64),
    Rated(f64, f64),
}

#[derive(Debug, Clone)]
enum Alignment {
    Overall(f64),
    Growth(f64),
}

impl Spec {
    fn item(&self) -> BacklogItem {
        self.item_as(&format!("I{}", self.id))
    }

    fn item_as(&self, id: &str) -> BacklogItem {
        let mut builder = BacklogItem::builder(id, format!("item {}", self.id));
        if let Some(reach) = self.reach {
            builder = builder.reach(reach);
        }
        builder = match self.effort {
            Some(Effort::Plain(e)) => builder.effort(e),
            Some(Effort::Range(low, span)) => builder.range("effort", low, u16::from(low) + u16::from(span)),
            Some(Effort::Rated(po, pm)) => builder.ratings("effort", [("po", po), ("pm", pm)]),
            None => builder,
        };
        builder = match self.revenue {
            Some(Revenue::Plain(r)) => builder.value("revenue", r),
            Some(Revenue::Rated(po, pm)) => builder.ratings("revenue", [("po", po), ("pm", pm)]),
            None => builder,
        };
        if let Some(category) = self.moscow {
            builder = builder.moscow(category);
        }
        builder = match self.alignment {
            Some(Alignment::Overall(a)) => builder.alignment(a),
            Some(Alignment::Growth(a)) => builder.contribution("growth", a),
            None => builder,
        };
        for dependency in self.depends_on.iter().map(|d| format!("I{d}")).filter(|d| d != id) {
            builder = builder.depends_on(dependency);
        }
        for tag in &self.tags {
            builder = builder.tag(format!("t{tag}"));
        }
        builder.build().expect("a generated item is valid on its own")
    }
}

fn spec(id: impl Strategy<Value = u8>) -> impl Strategy<Value = Spec> {
    let effort = prop_oneof![
        (1..20_u8).prop_map(Effort::Plain),
        (1..10_u8, 0..10_u8).prop_map(|(low, span)| Effort::Range(low, span)),
        (1..20_u8, 1..20_u8).prop_map(|(po, pm)| Effort::Rated(po, pm)),
    ];
    // Revenue up to 12: a value over the criterion's bound 10 is an error to report.
    let revenue = prop_oneof![
        (0..=12_u8).prop_map(|r| Revenue::Plain(f64::from(r) / 2.0)),
        (0..=10_u8, 0..=10_u8).prop_map(|(po, pm)| Revenue::Rated(f64::from(po), f64::from(pm))),
    ];
    let alignment = prop_oneof![
        (0..=4_u8).prop_map(|a| Alignment::Overall(f64::from(a) / 4.0)),
        (0..=4_u8).prop_map(|a| Alignment::Growth(f64::from(a) / 4.0)),
    ];
    let category = prop_oneof![
        Just(Category::Must),
        Just(Category::Should),
        Just(Category::Could),
        Just(Category::Wont)
    ];
    (
        id,
        proptest::option::of(0..500_u16),
        proptest::option::of(effort),
        proptest::option::of(revenue),
        proptest::option::of(category),
        proptest::option::of(alignment),
        proptest::collection::vec(0..12_u8, 0..3),
        proptest::collection::vec(0..4_u8, 0..3),
    )
        .prop_map(|(id, reach, effort, revenue, moscow, alignment, depends_on, tags)| Spec {
            id,
            reach,
            effort,
            revenue,
            moscow,
            alignment,
            depends_on,
            tags,
        })
}

/// A valid starting backlog: ids 0..n, each item depending only on earlier ones, revenue within
/// its bounds.
fn start() -> impl Strategy<Value = (Sections, Vec<BacklogItem>)> {
    let sections =
        (any::<bool>(), any::<bool>()).prop_map(|(declared, median)| Sections { declared, median });
    let specs = proptest::collection::vec(spec(Just(0)), 0..8).prop_map(|specs| {
        specs
            .into_iter()
            .enumerate()
            .map(|(at, mut spec)| {
                spec.id = at as u8;
                spec.depends_on.retain(|&d| usize::from(d) < at);
                if let Some(Revenue::Plain(r)) = &mut spec.revenue {
                    *r = r.min(10.0);
                }
                spec.item()
            })
            .collect::<Vec<_>>()
    });
    (sections, specs)
}

#[derive(Debug, Clone)]
enum Edit {
    Set(usize, &'static str, FieldValue),
    Insert(Spec),
    Replace(usize, Spec),
    Remove(usize),
}

fn edit() -> impl Strategy<Value = Edit> {
    let value = prop_oneof![
        (0..=12_u8).prop_map(|v| ("revenue", FieldValue::from(f64::from(v)))),
        (0..=3_u8).prop_map(|v| ("effort", FieldValue::from(v))),
        (1..5_u8, 5..9_u8).prop_map(|(low, high)| ("effort", FieldValue::range(low, high))),
        (1..9_u8, 1..9_u8).prop_map(|(po, pm)| (
            "effort",
            FieldValue::ratings([("po", f64::from(po)), ("qa", f64::from(pm))])
        )),
        (0..500_u16).prop_map(|v| ("reach", FieldValue::from(v))),
        prop_oneof![Just("must"), Just("could"), Just("maybe")].prop_map(|v| ("moscow", FieldValue::from(v))),
        prop_oneof![Just("high"), Just("2"), Just("huge")].prop_map(|v| ("impact", FieldValue::from(v))),
        (0..=5_u8).prop_map(|v| ("alignment", FieldValue::from(f64::from(v) / 4.0))),
        Just(("title", FieldValue::from("renamed"))),
        Just(("reach", FieldValue::Absent)),
        Just(("typo", FieldValue::from(1))),
    ];
    prop_oneof![
        (0..10_usize, value).prop_map(|(at, (field, value))| Edit::Set(at, field, value)),
        spec(0..14_u8).prop_map(Edit::Insert),
        (0..10_usize, spec(0..12_u8)).prop_map(|(at, spec)| Edit::Replace(at, spec)),
        (0..10_usize).prop_map(Edit::Remove),
    ]
}

/// What the edited input holds: items, or, for a set whose value the interchange format
/// refuses, nothing (the edit must then fail).
enum Edited {
    Items(Vec<BacklogItem>),
    Refused,
}

/// The input after the edit, as a program would write it anew (a set rewrites the item's JSON
/// field): `None` when the edit names no item (it must then fail with [`Error::UnknownItem`]).
fn edited_input(items: &[BacklogItem], edit: &Edit) -> Option<Edited> {
    let mut items = items.to_vec();
    match edit {
        Edit::Set(at, field, value) => {
            let item = items.get_mut(*at)?;
            let mut json = serde_json::to_value(&*item).expect("serializes");
            let object = json.as_object_mut().expect("an object");
            let value = match value.clone() {
                FieldValue::Number(v) => serde_json::json!(v),
                FieldValue::Text(text) => serde_json::json!(text),
                FieldValue::Range { low, high, .. } => serde_json::json!({"low": low, "high": high}),
                FieldValue::Ratings(ratings) => {
                    let ratings: serde_json::Map<String, serde_json::Value> =
                        ratings.into_iter().map(|(rater, v)| (rater, serde_json::json!(v))).collect();
                    serde_json::json!({ "ratings": ratings })
                }
                FieldValue::Absent => serde_json::Value::Null,
                other => panic!("not generated: {other:?}"),
            };
            if value.is_null() {
                object.remove(*field);
            } else {
                object.insert((*field).to_owned(), value);
            }
            match serde_json::from_value(json) {
                Ok(edited) => *item = edited,
                Err(_) => return Some(Edited::Refused),
            }
        }
        Edit::Insert(spec) => items.push(spec.item()),
        Edit::Replace(at, spec) => {
            let item = items.get_mut(*at)?;
            *item = spec.item_as(item.id().as_str());
        }
        Edit::Remove(at) => {
            items.get(*at)?;
            items.remove(*at);
        }
    }
    Some(Edited::Items(items))
}

fn order(ranking: &Ranking<'_>) -> Vec<(String, Option<f64>)> {
    ranking.iter().map(|entry| (entry.item().id().to_owned(), entry.score())).collect()
}

fn apply(backlog: &mut Backlog, edit: &Edit) -> prioritize::Result<()> {
    match edit.clone() {
        Edit::Set(at, field, value) => {
            let id = if at < backlog.len() { backlog.item(at).id().to_owned() } else { format!("none-{at}") };
            backlog.set(&id, field, value)
        }
        Edit::Insert(spec) => backlog.insert(spec.item()),
        Edit::Replace(at, spec) => {
            let id = if at < backlog.len() { backlog.item(at).id().to_owned() } else { format!("none-{at}") };
            backlog.replace(spec.item_as(&id)).map(drop)
        }
        Edit::Remove(at) => {
            let id = if at < backlog.len() { backlog.item(at).id().to_owned() } else { format!("none-{at}") };
            backlog.remove(&id).map(drop)
        }
    }
}

proptest! {
    #![proptest_config(config(256))]

    /// Any sequence of edits gives the backlog that building the edited input gives, with the
    /// same order under every engine; an edit that fails leaves the backlog as it was and fails
    /// exactly when building the edited input fails (with the same error, but for a removal,
    /// which names the dependents where a rebuild names the missing dependency).
    #[test]
    fn edits_agree_with_building_from_scratch(
        (sections, items) in start(),
        edits in proptest::collection::vec(edit(), 1..12),
    ) {
        let mut input = items;
        let mut backlog = sections.build(&input).expect("a valid start");
        for edit in &edits {
            let before = backlog.clone();
            let result = apply(&mut backlog, edit);
            match edited_input(&input, edit) {
                None => {
                    prop_assert!(result.as_ref().is_err_and(|e| e.kind() == prioritize::ErrorKind::Structure && e.to_string().ends_with("no item of the backlog has this id")), "{edit:?}: {result:?}");
                    prop_assert_eq!(&backlog, &before);
                }
                Some(Edited::Refused) => {
                    // A value the format refuses (a label that is no category, an unknown field).
                    prop_assert!(result.is_err(), "{edit:?} passed");
                    prop_assert_eq!(&backlog, &before);
                }
                Some(Edited::Items(edited)) => match sections.build(&edited) {
                    Ok(rebuilt) => {
                        prop_assert!(result.is_ok(), "{edit:?}: {result:?}");
                        prop_assert_eq!(&backlog, &rebuilt);
                        for engine in [&Rice::default() as &dyn Engine, &backlog.scorecard("value").unwrap()] {
                            prop_assert_eq!(order(&backlog.rank(engine).unwrap()), order(&rebuilt.rank(engine).unwrap()));
                        }
                        input = edited;
                    }
                    Err(expected) => {
                        let error = result.expect_err("the rebuild fails, so must the edit");
                        if !matches!(edit, Edit::Remove(_)) {
                            prop_assert_eq!(error, expected);
                        }
                        prop_assert_eq!(&backlog, &before);
                    }
                },
            }
        }
    }

    /// `to_builder().build()` gives the backlog back, and so does `from_items` of its items with
    /// the same sections.
    #[test]
    fn nothing_is_lost_on_the_way_through((sections, items) in start()) {
        let backlog = sections.build(&items).expect("valid");
        prop_assert_eq!(&backlog.to_builder().build().expect("rebuilds"), &backlog);
        let owned: Vec<BacklogItem> = backlog.items().map(|item| item.to_owned()).collect();
        for item in &owned {
            prop_assert_eq!(&item.to_builder().build().expect("rebuilds"), item);
        }
        prop_assert_eq!(&sections.build(&owned).expect("rebuilds"), &backlog);
    }
}
