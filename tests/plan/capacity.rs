//! Capacity plans and roadmaps, with hand-computed values.

// Scores and efforts are whole numbers, so their sums are exact and compared exactly.
#![allow(clippy::float_cmp)]

use crate::support::{Spec, Value, backlog, spec};
use prioritize::model::{Effort, NonNegative};
use prioritize::plan::{CapacityPlan, Fallback, Method, Mode, Period, Roadmap, Unplaced};
use prioritize::{Category, Moscow};

fn cap(value: f64) -> NonNegative {
    NonNegative::new(value).unwrap()
}

fn with(moscow: Category, spec: Spec<'_>) -> Spec<'_> {
    Spec { moscow: Some(moscow), ..spec }
}

fn chosen(plan: &CapacityPlan<'_>) -> Vec<String> {
    plan.iter().map(|entry| entry.item().id().to_string()).collect()
}

/// A must with a prerequisite, a won't, an effort-less item and its dependent, two candidates.
fn sprint() -> prioritize::Backlog {
    backlog(&[
        with(Category::Must, spec("LOGIN", Some(5), Some(3), &["DB"])),
        spec("DB", None, Some(2), &[]),
        with(Category::Wont, spec("DARK", Some(90), Some(1), &[])),
        spec("SPIKE", Some(40), None, &[]),
        spec("AFTER", Some(60), Some(1), &["SPIKE"]),
        spec("EXPORT", Some(30), Some(4), &[]),
        spec("SEARCH", Some(24), Some(2), &[]),
        spec("BADGE", Some(7), Some(1), &[]),
    ])
}

#[test]
fn musts_come_first_and_wont_and_effortless_items_are_excluded() {
    let backlog = sprint();
    let ranking = backlog.rank(&Value).unwrap();
    let plan = CapacityPlan::new(&ranking, cap(9.0), Mode::Auto).unwrap();
    // Musts: LOGIN + DB = 5. Left 4: EXPORT (30) alone, or SEARCH + BADGE (31, effort 3).
    assert_eq!(chosen(&plan), ["DB", "LOGIN", "SEARCH", "BADGE"]);
    assert_eq!(plan.at(1).unwrap().promoted_by().map(|i| i.id()), Some("LOGIN"));
    assert_eq!(plan.at(1).unwrap().score(), None);
    assert_eq!((plan.total_score(), plan.total_effort(), plan.free()), (36.0, 8.0, 1.0));
    assert_eq!(plan.method(), &Method::Exact { resolution: 1.0 });
    // Bound: musts 5, then by score per effort SEARCH (12; effort 2 of 4), then half of EXPORT
    // (7.5; 30 * 2/4): 5 + 24 + 15 = 44.
    assert_eq!((plan.upper_bound(), plan.gap()), (44.0, 8.0));
    let excluded: Vec<(String, String)> =
        plan.excluded().map(|(item, reason)| (item.id().to_string(), reason.to_string())).collect();
    assert_eq!(
        excluded,
        [
            ("DARK".to_owned(), "won't have".to_owned()),
            ("SPIKE".to_owned(), "lacks effort".to_owned()),
            ("AFTER".to_owned(), r#"depends on "SPIKE", which cannot be planned"#.to_owned()),
        ]
    );
}

#[test]
fn a_plan_reports_its_inputs_and_each_chosen_item() {
    let backlog = sprint();
    let ranking = backlog.rank(&Value).unwrap();
    let plan = CapacityPlan::new(&ranking, cap(9.5), Mode::Auto).unwrap();
    assert!(std::ptr::eq(plan.backlog(), &raw const backlog));
    assert_eq!((plan.engine_name(), plan.capacity(), plan.free()), ("value", 9.5, 1.5));
    assert_eq!((plan.len(), plan.is_empty()), (4, false));
    let selected: Vec<(usize, usize, &str, Option<f64>, f64)> = plan
        .iter()
        .map(|entry| (entry.position(), entry.index(), entry.item().id(), entry.score(), entry.effort()))
        .collect();
    assert_eq!(
        selected,
        [
            (1, 1, "DB", None, 2.0),
            (2, 0, "LOGIN", Some(5.0), 3.0),
            (3, 6, "SEARCH", Some(24.0), 2.0),
            (4, 7, "BADGE", Some(7.0), 1.0),
        ]
    );
    assert!(plan.at(5).is_none() && plan.at(0).is_none());
    // Without Must Haves and with no room for anything, the plan is empty.
    let small = crate::support::backlog(&[spec("A", Some(3), Some(2), &[])]);
    let ranking = small.rank(&Value).unwrap();
    let empty = CapacityPlan::new(&ranking, cap(1.0), Mode::Auto).unwrap();
    assert_eq!((empty.len(), empty.is_empty(), empty.free(), empty.total_score()), (0, true, 1.0, 0.0));
}

#[test]
fn efforts_that_fill_the_capacity_up_to_rounding_fit() {
    // 3,000,000 + 0.1 + 0.2 sums to 3000000.3000000003 in f64, one ulp over the capacity
    // 3000000.3: rounding, not an overflow, so the Must Haves fit.
    let item = |id: &str, effort: f64| {
        prioritize::BacklogItem::builder(id, id)
            .business_value(1)
            .effort(effort)
            .moscow(Category::Must)
            .build()
    };
    let backlog = prioritize::Backlog::from_items(
        [item("M1", 3e6), item("M2", 0.1), item("M3", 0.2)].map(Result::unwrap),
    )
    .unwrap();
    let ranking = backlog.rank(&Value).unwrap();
    let plan = CapacityPlan::new(&ranking, cap(3_000_000.3), Mode::Greedy).unwrap();
    assert_eq!(chosen(&plan), ["M1", "M2", "M3"]);
    assert!(plan.total_effort() > plan.capacity() && plan.free() > -1e-9 * plan.capacity());
}

#[test]
fn greedy_takes_the_best_score_per_effort_and_reports_its_bound() {
    let backlog = sprint();
    let ranking = backlog.rank(&Value).unwrap();
    let plan = CapacityPlan::new(&ranking, cap(9.0), Mode::Greedy).unwrap();
    // SEARCH (12 per effort), then BADGE (7; EXPORT's 7.5 no longer fits).
    assert_eq!(chosen(&plan), ["DB", "LOGIN", "SEARCH", "BADGE"]);
    assert_eq!(plan.method(), &Method::Greedy { fallback: None });
    assert_eq!((plan.total_score(), plan.upper_bound()), (36.0, 44.0));
}

#[test]
fn musts_that_do_not_fit_are_an_error_naming_the_shortfall() {
    let backlog = sprint();
    let ranking = backlog.rank(&Value).unwrap();
    let error = CapacityPlan::new(&ranking, cap(4.0), Mode::Auto).unwrap_err();
    assert_eq!(error.kind(), prioritize::ErrorKind::Parameter);
    assert_eq!(
        error.to_string(),
        "must haves and their prerequisites need effort 5, over the capacity 4 by 1"
    );
}

#[test]
fn a_must_that_cannot_be_planned_is_an_error_naming_the_cause() {
    let cases = [
        (
            vec![with(Category::Must, spec("M", Some(1), None, &[]))],
            r#"item "M": must have cannot be planned: it lacks effort (a capacity plan needs one)"#,
        ),
        (
            vec![
                spec("W", Some(1), None, &[]),
                with(Category::Must, spec("M", Some(1), Some(1), &["V"])),
                spec("V", Some(1), Some(1), &["W"]),
            ],
            r#"item "M": must have cannot be planned: it depends on "W", which lacks effort (a capacity plan needs one)"#,
        ),
        (
            vec![
                with(Category::Wont, spec("W", Some(1), Some(1), &[])),
                with(Category::Must, spec("M", Some(1), Some(1), &["W"])),
            ],
            r#"item "M": must have cannot be planned: it depends on "W", a won't have"#,
        ),
    ];
    for (specs, message) in cases {
        let backlog = backlog(&specs);
        let ranking = backlog.rank(&Value).unwrap();
        assert_eq!(CapacityPlan::new(&ranking, cap(10.0), Mode::Auto).unwrap_err().to_string(), message);
    }
}

#[test]
fn moscow_alone_gives_nothing_to_maximise() {
    let backlog = backlog(&[with(Category::Must, spec("M", Some(1), Some(1), &[]))]);
    let moscow = Moscow::default();
    let ranking = backlog.rank(&moscow).unwrap();
    assert_eq!(
        CapacityPlan::new(&ranking, cap(10.0), Mode::Auto).unwrap_err().to_string(),
        "the moscow engine gives no scores; a capacity plan needs an engine that scores items \
         (rice, wsjf, or moscow with a secondary engine)"
    );
}

#[test]
fn auto_finds_the_resolution_and_exact_falls_back_when_it_cannot_be_exact() {
    let items = [
        prioritize::BacklogItem::builder("A", "a").business_value(3).effort(0.5).build().unwrap(),
        prioritize::BacklogItem::builder("B", "b").business_value(5).effort(1.5).build().unwrap(),
        prioritize::BacklogItem::builder("C", "c").business_value(4).effort(1).build().unwrap(),
    ];
    let backlog = prioritize::Backlog::from_items(items).unwrap();
    let ranking = backlog.rank(&Value).unwrap();
    let plan = CapacityPlan::new(&ranking, cap(2.0), Mode::Auto).unwrap();
    assert_eq!(plan.method(), &Method::Exact { resolution: 0.5 });
    // A + B (8, effort 2) beat A + C (7, effort 1.5).
    assert_eq!((chosen(&plan), plan.total_score()), (vec!["B".to_owned(), "A".to_owned()], 8.0));
    let exact = Mode::Exact { resolution: Effort::new(1.0).unwrap() };
    let plan = CapacityPlan::new(&ranking, cap(2.0), exact).unwrap();
    let fallback = Fallback::NotMultiple { item: "B".into(), effort: 1.5, resolution: 1.0 };
    assert_eq!(fallback.to_string(), r#"item "B": effort 1.5 is not a multiple of the resolution 1"#);
    assert_eq!(plan.method(), &Method::Greedy { fallback: Some(fallback) });
    let plan = CapacityPlan::new(&ranking, cap(1e12), Mode::Auto).unwrap();
    assert_eq!(
        plan.method(),
        &Method::Greedy { fallback: Some(Fallback::TableTooLarge { cells: 4_000_000_000_002 }) }
    );
    assert_eq!(plan.total_score(), 12.0);
}

#[test]
fn the_exact_table_is_refused_above_its_cell_limit_and_solved_at_it() {
    // `n` independent items of effort 1: `n` groups of one subset, so n × 2 rows of
    // capacity + 1 columns.
    let plan_of = |n: usize, capacity: f64| {
        let specs: Vec<String> = (0..n).map(|i| format!("I{i}")).collect();
        let backlog = backlog(&specs.iter().map(|id| spec(id, Some(1), Some(1), &[])).collect::<Vec<_>>());
        let ranking = backlog.rank(&Value).unwrap();
        let plan = CapacityPlan::new(&ranking, cap(capacity), Mode::Auto).unwrap();
        (plan.method().clone(), plan.total_score())
    };
    let too_large = |cells| Method::Greedy { fallback: Some(Fallback::TableTooLarge { cells }) };
    assert_eq!(prioritize::plan::EXACT_CELL_LIMIT, 20_000_000);
    // Refused before the groups are known: two rows at least, 2 × 15,000,001 columns.
    assert_eq!(plan_of(2, 15_000_000.0), (too_large(30_000_002), 2.0));
    // Two rows would fit exactly (2 × 10,000,000); the four rows counted next do not.
    assert_eq!(plan_of(2, 9_999_999.0), (too_large(40_000_000), 2.0));
    assert_eq!(plan_of(20, 999_999.0), (too_large(40_000_000), 20.0));
    // Exactly the limit: 4 rows × 5,000,000 columns.
    assert_eq!(plan_of(2, 4_999_999.0), (Method::Exact { resolution: 1.0 }, 2.0));
}

#[test]
fn a_dependency_group_is_solved_exactly_up_to_its_subset_limit() {
    // A root and `k` items that need it: 2^k prerequisite-closed subsets (the root with any of
    // the others).
    let plan_of = |k: usize| {
        let ids: Vec<String> = (0..k).map(|i| format!("L{i}")).collect();
        let mut specs = vec![spec("R", Some(1), Some(1), &[])];
        specs.extend(ids.iter().map(|id| spec(id, Some(2), Some(1), &["R"])));
        let backlog = backlog(&specs);
        let ranking = backlog.rank(&Value).unwrap();
        let plan = CapacityPlan::new(&ranking, cap(12.0), Mode::Auto).unwrap();
        (plan.method().clone(), plan.total_score())
    };
    assert_eq!(prioritize::plan::EXACT_GROUP_LIMIT, 1024);
    assert_eq!(plan_of(10), (Method::Exact { resolution: 1.0 }, 21.0));
    let fallback = Fallback::GroupTooLarge { item: "R".into(), items: 12 };
    assert_eq!(plan_of(11), (Method::Greedy { fallback: Some(fallback) }, 23.0));
}

#[test]
fn an_unscored_item_is_chosen_only_as_a_prerequisite_in_every_mode() {
    let backlog = backlog(&[
        spec("A", Some(5), Some(1), &[]),
        spec("U", None, Some(1), &[]),
        spec("P", None, Some(1), &[]),
        spec("B", Some(3), Some(1), &["P"]),
    ]);
    let ranking = backlog.rank(&Value).unwrap();
    for mode in [Mode::Auto, Mode::Greedy] {
        let plan = CapacityPlan::new(&ranking, cap(10.0), mode).unwrap();
        assert_eq!(chosen(&plan), ["A", "P", "B"], "{mode:?}");
        assert_eq!((plan.total_score(), plan.total_effort()), (8.0, 3.0), "{mode:?}");
    }
}

#[test]
fn efforts_with_two_decimals_get_a_resolution_of_a_hundredth() {
    // 32.02 × 100 is 3202.0000000000005 in f64: a hundredth still divides it, up to rounding.
    let items = [
        prioritize::BacklogItem::builder("A", "a").business_value(3).effort(32.02).build().unwrap(),
        prioritize::BacklogItem::builder("B", "b").business_value(5).effort(0.25).build().unwrap(),
    ];
    let backlog = prioritize::Backlog::from_items(items).unwrap();
    let ranking = backlog.rank(&Value).unwrap();
    let plan = CapacityPlan::new(&ranking, cap(40.0), Mode::Auto).unwrap();
    assert_eq!(plan.method(), &Method::Exact { resolution: 0.01 });
    assert_eq!(chosen(&plan), ["B", "A"]);
}

#[test]
fn roadmap_fills_the_earliest_period_its_prerequisites_allow() {
    let backlog = backlog(&[
        spec("CORE", Some(10), Some(15), &[]),
        spec("UI", Some(90), Some(8), &["CORE"]),
        spec("FAST", Some(50), Some(4), &[]),
        spec("BIG", Some(40), Some(45), &[]),
        spec("NOEFFORT", Some(30), None, &[]),
        spec("NEXT", Some(20), Some(1), &["NOEFFORT"]),
        with(Category::Wont, spec("LATER", Some(15), Some(1), &[])),
        spec("SMALL", Some(5), Some(1), &[]),
    ]);
    let ranking = backlog.rank(&Value).unwrap();
    let order = ranking.respecting_dependencies().unwrap();
    let periods = [Period::new("now", cap(20.0)), Period::new("next", cap(30.0)), Period::unbounded("later")];
    let roadmap = Roadmap::new(&order, periods);
    assert_eq!(roadmap.engine_name(), "value");
    let buckets: Vec<(&str, Vec<&str>, f64, Option<f64>)> = roadmap
        .buckets()
        .iter()
        .map(|bucket| {
            let ids = bucket.items().map(|entry| entry.item().id()).collect();
            (bucket.period().name(), ids, bucket.used(), bucket.free())
        })
        .collect();
    // Order: CORE (for UI), UI, FAST, BIG, NOEFFORT (for NEXT), NEXT, LATER, SMALL.
    assert_eq!(
        buckets,
        [
            ("now", vec!["CORE", "FAST", "SMALL"], 20.0, Some(0.0)),
            ("next", vec!["UI"], 8.0, Some(22.0)),
            ("later", vec!["BIG"], 45.0, None),
        ]
    );
    let unplaced: Vec<(&str, Unplaced<'_>)> =
        roadmap.unplaced().map(|(entry, why)| (entry.item().id(), why)).collect();
    assert_eq!(
        unplaced,
        [
            ("NOEFFORT", Unplaced::LacksEffort),
            ("NEXT", Unplaced::Prerequisite(backlog.get("NOEFFORT").unwrap())),
            ("LATER", Unplaced::Wont),
        ]
    );
    let bounded = Roadmap::new(&order, [Period::new("q1", cap(10.0))]);
    assert_eq!(
        bounded.unplaced().next().map(|(entry, why)| (entry.item().id(), why)),
        Some(("CORE", Unplaced::NoRoom))
    );
    assert_eq!(
        Unplaced::Prerequisite(backlog.get("CORE").unwrap()).to_string(),
        r#"depends on "CORE", which is in no period"#
    );
}

#[test]
fn exact_falls_back_to_greedy_on_a_large_group_or_fine_efforts() {
    // A hub with 11 dependents: 2^11 + 1 prerequisite-closed subsets, over the limit of 1,024.
    let leaves: Vec<String> = (0..11).map(|i| format!("L{i}")).collect();
    let mut specs = vec![spec("HUB", Some(1), Some(1), &[])];
    specs.extend(leaves.iter().map(|id| spec(id, Some(2), Some(1), &["HUB"])));
    let backlog = backlog(&specs);
    let ranking = backlog.rank(&Value).unwrap();
    let plan = CapacityPlan::new(&ranking, cap(20.0), Mode::Auto).unwrap();
    let fallback = Fallback::GroupTooLarge { item: "HUB".into(), items: 12 };
    assert_eq!(
        fallback.to_string(),
        r#"the dependency group of "HUB" (12 items) has more than 1024 prerequisite-closed subsets"#
    );
    assert_eq!(plan.method(), &Method::Greedy { fallback: Some(fallback) });
    assert_eq!((plan.len(), plan.total_score()), (12, 23.0));

    let item =
        prioritize::BacklogItem::builder("F", "fine").business_value(1).effort(0.0001).build().unwrap();
    let backlog = prioritize::Backlog::from_items([item]).unwrap();
    let ranking = backlog.rank(&Value).unwrap();
    let plan = CapacityPlan::new(&ranking, cap(1.0), Mode::Auto).unwrap();
    let fallback = Fallback::NoResolution { item: "F".into(), effort: 0.0001 };
    assert_eq!(
        fallback.to_string(),
        r#"item "F": effort 0.0001 has more than 3 decimals, so no resolution fits"#
    );
    assert_eq!(plan.method(), &Method::Greedy { fallback: Some(fallback) });
}
