//! Edits of a backlog in place: what each does and refuses; items copied out keep their rated
//! values; rankings kept past edits are snapshots.

use std::sync::Arc;

use prioritize::Aggregate;
use prioritize::{Backlog, BacklogItem, Engine, Field, FieldValue, Item, RankOptions, Ranking, Rater, Rice};

fn order(ranking: &Ranking<'_>) -> Vec<(String, Option<f64>)> {
    ranking.iter().map(|entry| (entry.item().id().to_owned(), entry.score())).collect()
}

fn rated_backlog() -> Backlog {
    Backlog::builder()
        .raters([Rater::new("po", 3.0).unwrap(), Rater::new("pm", 1.0).unwrap()])
        .aggregate(Aggregate::Median)
        .item(BacklogItem::builder("A", "a").ratings("effort", [("po", 2), ("pm", 10)]).build().unwrap())
        .build()
        .unwrap()
}

#[test]
fn items_copied_out_keep_their_rated_values_or_say_what_they_need() {
    let backlog = rated_backlog();
    assert_eq!(backlog.item(0).value("effort"), Some(2.0));
    let items: Vec<BacklogItem> = backlog.items().map(|item| item.to_owned()).collect();
    // Without the raters' weights and the median, the ratings would give 6: an error, not 6.
    let error = Backlog::from_items(items.clone()).unwrap_err();
    assert_eq!(
        error.to_string(),
        "item \"A\": effort is 2 from its ratings where the item comes from, but would be 6 here (give this \
         backlog the raters, with their weights, and the aggregate the ratings were combined with)"
    );
    assert_eq!(backlog.to_builder().build().unwrap().item(0).value("effort"), Some(2.0));
    // Ratings given again are the new input: the backlog's own raters combine them.
    let rerated = items[0].to_builder().ratings("effort", [("po", 2), ("pm", 10)]).build().unwrap();
    assert_eq!(Backlog::from_items([rerated]).unwrap().item(0).value("effort"), Some(6.0));
}

#[test]
fn a_plain_value_replaces_ratings_and_raters_named_only_there_go() {
    let mut backlog = Backlog::from_items([
        BacklogItem::builder("A", "a").ratings("effort", [("po", 2), ("qa", 4)]).build().unwrap(),
        BacklogItem::builder("B", "b").ratings("reach", [("po", 10)]).build().unwrap(),
    ])
    .unwrap();
    let ids = |backlog: &Backlog| backlog.raters().iter().map(|r| r.id().to_owned()).collect::<Vec<_>>();
    assert_eq!(ids(&backlog), ["po", "qa"]);
    backlog.set("A", "effort", 5).unwrap();
    assert_eq!(
        (backlog.item(0).value("effort"), backlog.item(0).ratings("effort").is_none()),
        (Some(5.0), true)
    );
    assert_eq!(ids(&backlog), ["po"]);
    backlog.set("B", "reach", FieldValue::ratings([("eng", 4.0), ("po", 8.0)])).unwrap();
    assert_eq!(ids(&backlog), ["eng", "po"]);
    assert_eq!(backlog.item(1).value("reach"), Some(6.0));
    backlog.remove("B").unwrap();
    assert!(backlog.raters().is_empty());
}

#[test]
fn a_failed_edit_changes_nothing_and_names_item_and_field() {
    let mut backlog = rated_backlog();
    let before = backlog.clone();
    let cases: [(prioritize::Result<()>, &str); 6] = [
        (
            backlog.set("A", "effort", 0),
            r#"item "A": effort 0 is outside the finite numbers > 0 (an effort of 0 would make the score infinite)"#,
        ),
        (backlog.set("Z", "effort", 1), r#"item "Z": no item of the backlog has this id"#),
        (
            backlog.set("A", "revenue", 1),
            "item \"A\": unknown field \"revenue\" (expected id, title, reach, impact, confidence, effort, \
             business_value, time_criticality, risk_reduction, ease, cost_of_delay, duration, importance, \
             satisfaction, moscow, alignment, depends_on, tags or a declared criterion)",
        ),
        (
            backlog.set("A", "effort", FieldValue::ratings([("eng", 3.0)])),
            r#"item "A": effort rating by "eng" names no declared rater (raters: po, pm)"#,
        ),
        (
            backlog.set("A", "depends_on", "B"),
            r#"item "A": depends_on "B" is not a field set one at a time: replace the item to change its id, depends_on or tags"#,
        ),
        (
            backlog.insert(BacklogItem::builder("B", "").depends_on("X").build().unwrap()),
            r#"item "B": depends_on "X" names no item in the backlog"#,
        ),
    ];
    for (result, message) in cases {
        assert_eq!(result.unwrap_err().to_string(), message);
        assert_eq!(backlog, before);
    }
}

#[test]
fn edits_keep_the_input_order_as_the_tie_order() {
    let item =
        |id: &str| BacklogItem::builder(id, "").reach(10).impact(1).confidence(1).effort(1).build().unwrap();
    let mut backlog = Backlog::from_items([item("A"), item("B"), item("C")]).unwrap();
    backlog.insert(item("D")).unwrap();
    backlog.replace(item("B")).unwrap();
    backlog.set("A", "reach", 10).unwrap();
    backlog.remove("C").unwrap();
    let ranking = backlog.rank(Rice::default()).unwrap();
    assert_eq!(order(&ranking).iter().map(|(id, _)| id.as_str()).collect::<Vec<_>>(), ["A", "B", "D"]);
    assert_eq!(ranking.iter().map(|e| e.rank()).collect::<Vec<_>>(), [1, 1, 1]);
    assert_eq!(backlog.index_of("D"), Some(2));
}

#[test]
fn a_replacement_that_closes_a_cycle_names_it() {
    let mut backlog = Backlog::from_items([
        BacklogItem::builder("A", "").build().unwrap(),
        BacklogItem::builder("B", "").depends_on("A").build().unwrap(),
        BacklogItem::builder("C", "").depends_on("B").build().unwrap(),
    ])
    .unwrap();
    let error = backlog.replace(BacklogItem::builder("A", "").depends_on("C").build().unwrap()).unwrap_err();
    assert_eq!(error.to_string(), r#"item "A": depends_on forms a cycle: "A" -> "C" -> "B" -> "A""#);
    let error = backlog.remove("A").unwrap_err();
    assert_eq!((error.kind(), error.item()), (prioritize::ErrorKind::Structure, Some("A")));
    assert_eq!(error.to_string(), r#"item "A": cannot be removed while "B" depend on it"#);
}

#[test]
fn a_kept_ranking_is_a_snapshot_that_can_cross_threads() {
    fn send_sync<T: Send + Sync + 'static>(_: &T) {}
    let mut backlog = Backlog::from_items((0..50).map(|i| {
        BacklogItem::builder(format!("I{i}"), "").reach(i).impact(1).confidence(1).effort(1).build().unwrap()
    }))
    .unwrap();
    // A borrowed engine, too: the kept ranking holds a copy of it.
    let rice = Rice::default();
    #[allow(clippy::needless_borrows_for_generic_args)] // the borrow is what this tests
    let kept = backlog.rank_with(&rice, &RankOptions::default().top(3)).unwrap().into_owned();
    send_sync(&kept);
    let before = order(&kept);
    backlog.set("I0", "reach", 1000).unwrap();
    backlog.remove("I49").unwrap();
    assert_eq!(order(&kept), before);
    assert_eq!(kept.backlog().len(), 50);
    assert_eq!(order(&backlog.rank(rice).unwrap())[0].0, "I0");
    let shared = Arc::new(kept);
    let other = Arc::clone(&shared);
    let first = std::thread::spawn(move || other.at(1).map(|e| (e.item().id().to_owned(), e.breakdown())))
        .join()
        .unwrap();
    assert_eq!(first.as_ref().map(|(id, _)| id.as_str()), Some("I49"));
    assert_eq!(first.and_then(|(_, b)| b.get("reach")), Some(49.0));
}

/// An engine of its own without `to_shared`: a kept ranking answers from what it kept.
#[derive(Debug)]
struct ByReach;

impl Engine for ByReach {
    fn name(&self) -> &str {
        "by-reach"
    }
    fn inputs(&self, _backlog: &Backlog) -> prioritize::FieldSet {
        prioritize::FieldSet::EMPTY.with(Field::Reach)
    }
    fn evaluate(&self, item: &Item<'_>) -> prioritize::Result<prioritize::Evaluation> {
        match item.value("reach") {
            Some(reach) => prioritize::Evaluation::scored(item, "by-reach", reach),
            None => Ok(prioritize::Evaluation::missing(item, self.inputs(&Backlog::default()))),
        }
    }
    fn breakdown(&self, item: &Item<'_>) -> prioritize::Breakdown {
        prioritize::Breakdown::new().with("reach", item.value("reach").unwrap_or(f64::NAN))
    }
}

#[test]
fn a_kept_ranking_of_an_engine_of_your_own_keeps_its_breakdowns() {
    let backlog = Backlog::from_items([
        BacklogItem::builder("A", "").reach(1).build().unwrap(),
        BacklogItem::builder("B", "").reach(2).build().unwrap(),
        BacklogItem::builder("C", "").build().unwrap(),
    ])
    .unwrap();
    let engine = ByReach;
    let kept = backlog.rank(&engine).unwrap().into_owned();
    drop(backlog);
    assert_eq!(kept.engine_name(), "by-reach");
    assert_eq!(kept.engine().inputs(kept.backlog()), prioritize::FieldSet::EMPTY.with(Field::Reach));
    assert_eq!(kept.iter().map(|e| e.breakdown().get("reach")).collect::<Vec<_>>(), [Some(2.0), Some(1.0)]);
    assert_eq!(kept.unscored().map(|u| u.missing_names()).collect::<Vec<_>>(), [vec!["reach"]]);
    let evaluation = kept.engine().evaluate(&kept.backlog().item(1)).unwrap();
    assert_eq!(evaluation.score(), Some(2.0));
    let stranger = BacklogItem::builder("Z", "").reach(5).build().unwrap();
    assert!(kept.engine().evaluate(&Item::of(&stranger, 0.0)).is_err());
}

#[test]
fn set_takes_titles_categories_and_alignments_as_the_format_writes_them() {
    let mut backlog = Backlog::builder()
        .objective(prioritize::Objective::new("growth", 3.0).unwrap())
        .item(BacklogItem::builder("A", "old").build().unwrap())
        .build()
        .unwrap();
    backlog.set("A", "title", "One-click checkout").unwrap();
    backlog.set("A", Field::Moscow, "Should have").unwrap();
    backlog.set("A", "alignment", 0.25).unwrap();
    let item = backlog.item(0);
    assert_eq!(
        (item.title(), item.moscow(), item.resolved_alignment()),
        ("One-click checkout", Some(prioritize::Category::Should), 0.25)
    );
    let per_objective = prioritize::Alignment::PerObjective(
        [("growth".to_owned(), prioritize::model::Fraction::new(0.5).unwrap())].into_iter().collect(),
    );
    backlog.set("A", "alignment", per_objective).unwrap();
    assert_eq!(backlog.item(0).resolved_alignment(), 0.5);
    for field in ["title", "moscow", "alignment"] {
        backlog.set("A", field, FieldValue::Absent).unwrap();
    }
    let item = backlog.item(0);
    assert_eq!((item.title(), item.moscow(), item.alignment()), ("", None, None));
    assert_eq!(
        backlog.set("A", "moscow", "maybe").unwrap_err().to_string(),
        r#"item "A": moscow "maybe" is not one of must, should, could, wont (or M, S, C, W)"#
    );
    assert_eq!(backlog.set("A", "title", 3).unwrap_err().to_string(), r#"item "A": title "3" is not a text"#);
}

#[test]
fn removing_an_item_moves_the_later_dependencies_up() {
    let mut backlog = Backlog::from_items([
        BacklogItem::builder("A", "").build().unwrap(),
        BacklogItem::builder("B", "").tag("x").build().unwrap(),
        BacklogItem::builder("C", "").depends_on("B").tag("y").build().unwrap(),
        BacklogItem::builder("D", "").depends_on("C").depends_on("B").build().unwrap(),
    ])
    .unwrap();
    backlog.remove("A").unwrap();
    assert_eq!(backlog.prerequisites(1).collect::<Vec<_>>(), [0]);
    assert_eq!(backlog.prerequisites(2).collect::<Vec<_>>(), [1, 0]);
    assert_eq!(backlog.get("D").map(|d| d.depends_on().collect::<Vec<_>>()), Some(vec!["C", "B"]));
    assert_eq!(backlog.get("C").map(|c| c.tags().collect::<Vec<_>>()), Some(vec!["y"]));
    assert_eq!(backlog.index_of("D"), Some(2));
}

#[test]
fn ratings_set_again_replace_the_old_ones_and_keep_the_others() {
    let mut backlog = Backlog::from_items([
        BacklogItem::builder("A", "").ratings("effort", [("po", 2), ("pm", 4)]).build().unwrap(),
        BacklogItem::builder("B", "").build().unwrap(),
    ])
    .unwrap();
    let ratings = |backlog: &Backlog, id: &str, field: &str| {
        backlog
            .get(id)
            .and_then(|item| item.ratings(field))
            .map(|r| r.iter().map(|(rater, v)| (rater.to_owned(), v)).collect::<Vec<_>>())
    };
    // Another field rated: the first keeps its ratings.
    backlog.set("A", "impact", FieldValue::ratings([("po", 1.0)])).unwrap();
    assert_eq!(ratings(&backlog, "A", "impact"), Some(vec![("po".to_owned(), 1.0)]));
    assert_eq!(ratings(&backlog, "A", "effort"), Some(vec![("pm".to_owned(), 4.0), ("po".to_owned(), 2.0)]));
    // The same raters with another rating.
    backlog.set("A", "effort", FieldValue::ratings([("po", 6.0), ("pm", 4.0)])).unwrap();
    assert_eq!(ratings(&backlog, "A", "effort"), Some(vec![("pm".to_owned(), 4.0), ("po".to_owned(), 6.0)]));
    assert_eq!(backlog.item(0).value("effort"), Some(5.0));
    // A rater met first now sorts before the others: every rating keeps its rater.
    backlog.set("B", "reach", FieldValue::ratings([("eng", 10.0)])).unwrap();
    assert_eq!(backlog.raters().iter().map(prioritize::Rater::id).collect::<Vec<_>>(), ["eng", "pm", "po"]);
    assert_eq!(ratings(&backlog, "A", "effort"), Some(vec![("pm".to_owned(), 4.0), ("po".to_owned(), 6.0)]));
    assert_eq!(ratings(&backlog, "B", "reach"), Some(vec![("eng".to_owned(), 10.0)]));
    assert!(!backlog.item(0).ratings("effort").is_some_and(|r| r.is_empty()));
    // The backlog is the one its edited input builds.
    let rebuilt = Backlog::from_items(backlog.items().map(|item| item.to_owned())).unwrap();
    assert_eq!(rebuilt, backlog);
}

#[test]
fn a_kept_ranking_of_a_built_in_engine_scores_any_item() {
    let backlog = Backlog::from_items([BacklogItem::builder("A", "")
        .reach(1)
        .impact(1)
        .confidence(1)
        .effort(1)
        .build()
        .unwrap()])
    .unwrap();
    let stranger = BacklogItem::builder("Z", "").reach(4).impact(1).confidence(1).effort(2).build().unwrap();
    for engine in [&Rice::default() as &dyn Engine, &prioritize::engine::Framework::Rice] {
        let kept = backlog.rank(engine).unwrap().into_owned();
        assert_eq!(kept.engine().evaluate(&Item::of(&stranger, 0.0)).unwrap().score(), Some(2.0));
        assert_eq!(kept.engine().inputs(kept.backlog()), Rice::default().inputs(&backlog));
    }
}

#[test]
fn lists_an_item_lends_count_down_as_they_go() {
    let backlog = Backlog::from_items([
        BacklogItem::builder("A", "").build().unwrap(),
        BacklogItem::builder("B", "").tag("x").tag("y").tag("z").depends_on("A").build().unwrap(),
    ])
    .unwrap();
    let item = backlog.item(1);
    let mut tags = item.tags();
    assert_eq!(tags.len(), 3);
    tags.next();
    assert_eq!(tags.len(), 2);
    assert_eq!(tags.size_hint(), (2, Some(2)));
    let mut depends_on = item.depends_on();
    depends_on.next();
    assert_eq!(depends_on.len(), 0);
}

#[test]
fn a_rater_declared_alone_keeps_what_the_builder_holds() {
    let backlog = Backlog::builder()
        .criterion(prioritize::Criterion::new("revenue").unwrap())
        .rater(Rater::new("po", 2.0).unwrap())
        .item(
            BacklogItem::builder("A", "").value("revenue", 3).ratings("effort", [("po", 4)]).build().unwrap(),
        )
        .build()
        .unwrap();
    assert_eq!(backlog.criteria().len(), 1);
    assert_eq!(backlog.raters().iter().map(|r| (r.id(), r.weight())).collect::<Vec<_>>(), [("po", 2.0)]);
    assert_eq!(
        backlog.field_set(["revenue", "effort"]).unwrap(),
        prioritize::FieldSet::EMPTY.with(Field::Effort).with_criterion(0)
    );
    assert!(backlog.field_set(["revenu"]).is_err());
}

#[test]
fn the_same_rating_by_another_rater_is_another_rating() {
    let mut backlog = Backlog::builder()
        .raters([Rater::new("po", 1.0).unwrap(), Rater::new("pm", 1.0).unwrap()])
        .item(BacklogItem::builder("A", "").ratings("effort", [("po", 3)]).build().unwrap())
        .build()
        .unwrap();
    backlog.set("A", "effort", FieldValue::ratings([("pm", 3.0)])).unwrap();
    let raters: Vec<String> = backlog
        .item(0)
        .ratings("effort")
        .map(|r| r.iter().map(|(rater, _)| rater.to_owned()).collect())
        .unwrap_or_default();
    assert_eq!(raters, ["pm"]);
}

#[test]
fn the_same_ratings_of_another_field_are_other_ratings() {
    let mut backlog =
        Backlog::from_items([BacklogItem::builder("A", "").ratings("effort", [("po", 3)]).build().unwrap()])
            .unwrap();
    backlog.replace(BacklogItem::builder("A", "").ratings("impact", [("po", 3)]).build().unwrap()).unwrap();
    let item = backlog.item(0);
    assert!(item.ratings("effort").is_none());
    assert_eq!(item.ratings("impact").map(|r| r.len()), Some(1));
    assert_eq!((item.value("effort"), item.value("impact")), (None, Some(3.0)));
}
