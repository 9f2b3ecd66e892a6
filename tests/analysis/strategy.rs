//! The backlog's own order against the strategic order, on backlogs computed by hand.

use prioritize::analysis::strategy;
use prioritize::{Backlog, BacklogItem, Objective};

fn item(id: &str, alignment: Option<f64>) -> BacklogItem {
    let builder = BacklogItem::builder(id, format!("item {id}"));
    match alignment {
        Some(alignment) => builder.alignment(alignment),
        None => builder,
    }
    .build()
    .expect("valid item")
}

#[test]
fn shifts_and_tau_b_by_hand() {
    let backlog = Backlog::from_items([
        item("A", Some(0.2)),
        item("B", Some(0.9)),
        item("C", Some(0.5)),
        item("D", None),
        item("E", Some(0.5)),
    ])
    .expect("valid backlog");
    let report = strategy(&backlog);
    // Strategic order: B (0.9), C and E (0.5, in input order), A (0.2), D (none: 0).
    let rows: Vec<(&str, usize, usize, i64, f64)> = report
        .items
        .iter()
        .map(|i| (i.id.as_str(), i.backlog_position, i.strategic_position, i.shift, i.alignment))
        .collect();
    assert_eq!(
        rows,
        [
            ("A", 1, 4, 3, 0.2),
            ("B", 2, 1, -1, 0.9),
            ("C", 3, 2, -1, 0.5),
            ("D", 4, 5, 1, 0.0),
            ("E", 5, 3, -2, 0.5)
        ]
    );
    // Strategic positions in backlog order: 4, 1, 2, 5, 3. Of the 10 pairs (i before j in the
    // backlog), concordant when i is also before j in the strategy:
    //   A-B 4>1 d, A-C 4>2 d, A-D 4<5 c, A-E 4>3 d, B-C 1<2 c,
    //   B-D 1<5 c, B-E 1<3 c, C-D 2<5 c, C-E 2<3 c, D-E 5>3 d.
    // 6 concordant, 4 discordant, no ties: tau-b = (6 − 4) / sqrt(10 · 10) = 0.2.
    assert_eq!(report.kendall_tau_b, Some(0.2));
    let ids = |items: Vec<&prioritize::analysis::StrategicItem>| -> Vec<String> {
        items.into_iter().map(|i| i.id.clone()).collect()
    };
    assert_eq!(ids(report.ahead(5)), ["A", "D"]);
    // Equal shifts in backlog order; at most n.
    assert_eq!(ids(report.behind(5)), ["E", "B", "C"]);
    assert_eq!(ids(report.behind(2)), ["E", "B"]);
    assert_eq!(ids(report.ahead(0)), Vec::<String>::new());

    #[cfg(feature = "serde")]
    {
        let json = serde_json::to_value(&report).expect("serializable");
        assert_eq!(json["kendall_tau_b"], 0.2);
        assert_eq!(
            json["items"][0],
            serde_json::json!({"id": "A", "title": "item A", "backlog_position": 1, "strategic_position": 4,
                               "shift": 3, "alignment": 0.2})
        );
    }
}

#[test]
fn a_backlog_in_strategic_order_has_tau_b_one_and_no_shift() {
    let backlog = Backlog::from_items([
        item("A", Some(1.0)),
        item("B", Some(0.5)),
        item("C", Some(0.5)),
        item("D", None),
    ])
    .expect("valid backlog");
    let report = strategy(&backlog);
    assert_eq!(report.kendall_tau_b, Some(1.0));
    assert!(report.items.iter().all(|i| i.shift == 0));
    assert!(report.ahead(5).is_empty() && report.behind(5).is_empty());
    // Reversed: every pair discordant.
    let reversed = Backlog::from_items([
        item("D", None),
        item("C", Some(0.25)),
        item("B", Some(0.5)),
        item("A", Some(1.0)),
    ])
    .expect("valid backlog");
    assert_eq!(strategy(&reversed).kendall_tau_b, Some(-1.0));
}

#[test]
fn alignment_per_objective_is_resolved_first() {
    let growth = Objective::new("growth", 3.0).expect("valid");
    let retention = Objective::new("retention", 1.0).expect("valid");
    let backlog = Backlog::new(
        [
            BacklogItem::builder("R", "").contribution("retention", 1.0).build().expect("valid"),
            BacklogItem::builder("G", "").contribution("growth", 1.0).build().expect("valid"),
        ],
        [growth, retention],
    )
    .expect("valid backlog");
    let report = strategy(&backlog);
    // R: 1 · 1 / 4 = 0.25; G: 3 · 1 / 4 = 0.75.
    let rows: Vec<(&str, f64, i64)> =
        report.items.iter().map(|i| (i.id.as_str(), i.alignment, i.shift)).collect();
    assert_eq!(rows, [("R", 0.25, 1), ("G", 0.75, -1)]);
    assert_eq!(report.kendall_tau_b, Some(-1.0));
}

#[test]
fn too_few_items_leave_tau_b_undefined() {
    let empty = strategy(&Backlog::default());
    assert_eq!((empty.kendall_tau_b, empty.items.len()), (None, 0));
    let one = strategy(&Backlog::from_items([item("A", Some(0.5))]).expect("valid"));
    assert_eq!((one.kendall_tau_b, one.items[0].shift), (None, 0));
}
