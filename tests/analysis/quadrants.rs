//! The value/effort matrix with exact values: split lines, the line counting high, fixed lines,
//! value rules per framework and excluded items.

use prioritize::analysis::{Axes, Quadrant, Quadrants, Split, SplitLines, quadrants};
use prioritize::model::{ItemBuilder, NonNegative};
use prioritize::{
    Backlog, BacklogItem, Breakdown, Category, Engine, Evaluation, Field, FieldSet, Item, Moscow, Rice, Wsjf,
};

#[track_caller]
fn backlog(items: impl IntoIterator<Item = ItemBuilder>) -> Backlog {
    Backlog::from_items(items.into_iter().map(|item| item.build().expect("valid item")))
        .expect("valid backlog")
}

/// A RICE item with impact and confidence 1, so its value is its reach.
fn rice(id: &str, reach: f64, effort: f64) -> ItemBuilder {
    BacklogItem::builder(id, id).reach(reach).impact(1).confidence(1).effort(effort)
}

fn fixed(value: f64, effort: f64) -> Split {
    Split::Fixed {
        value: NonNegative::new(value).expect("a line >= 0"),
        effort: NonNegative::new(effort).expect("a line >= 0"),
    }
}

#[track_caller]
fn lines(split: Split, points: &[(f64, f64)]) -> (f64, f64) {
    let lines = SplitLines::new(split, points).expect("lines");
    (lines.value, lines.effort)
}

/// The matrix of `backlog` ranked by `engine`.
#[track_caller]
fn matrix_of(backlog: &Backlog, engine: impl Engine, split: Split) -> Quadrants {
    quadrants(&backlog.rank(engine).expect("ranks"), split).expect("classifies")
}

fn rows(matrix: &Quadrants) -> Vec<(&str, f64, f64, Quadrant)> {
    matrix.items.iter().map(|item| (item.id.as_str(), item.value, item.effort, item.quadrant)).collect()
}

fn excluded(matrix: &Quadrants) -> Vec<(&str, Vec<&str>)> {
    matrix
        .excluded
        .iter()
        .map(|item| (item.id.as_str(), item.missing.iter().map(String::as_str).collect()))
        .collect()
}

// --- the pure core -------------------------------------------------------------------------

#[test]
fn the_median_of_an_odd_count_is_the_middle_value() {
    assert_eq!(lines(Split::Median, &[(5.0, 2.0), (1.0, 8.0), (3.0, 4.0)]), (3.0, 4.0));
    assert_eq!(lines(Split::Median, &[(7.0, 0.5)]), (7.0, 0.5));
}

#[test]
fn the_median_of_an_even_count_is_the_mean_of_the_two_middle_values() {
    assert_eq!(lines(Split::Median, &[(4.0, 1.0), (1.0, 10.0), (3.0, 2.0), (2.0, 3.0)]), (2.5, 2.5));
    // Far apart and near the top of f64: no overflow on the way.
    assert_eq!(lines(Split::Median, &[(f64::MAX, 1.0), (f64::MAX, 2.0)]), (f64::MAX, 1.5));
}

#[test]
fn the_mean_split_is_the_arithmetic_mean() {
    assert_eq!(lines(Split::Mean, &[(1.0, 1.0), (2.0, 1.0), (6.0, 7.0)]), (3.0, 3.0));
    assert_eq!(lines(Split::Mean, &[(f64::MAX, 1.0), (f64::MAX, 3.0)]), (f64::MAX, 2.0));
}

#[test]
fn fixed_lines_ignore_the_points() {
    assert_eq!(lines(fixed(1000.0, 3.0), &[(1.0, 1.0)]), (1000.0, 3.0));
    assert_eq!(lines(fixed(0.0, 0.0), &[]), (0.0, 0.0));
}

#[test]
fn no_points_give_no_median_or_mean() {
    assert_eq!(SplitLines::new(Split::Median, &[]), None);
    assert_eq!(SplitLines::new(Split::Mean, &[]), None);
}

#[test]
fn on_a_line_counts_as_high() {
    let lines = SplitLines::new(fixed(10.0, 2.0), &[]).expect("fixed lines");
    assert_eq!(lines.classify(10.0, 1.0), Quadrant::QuickWin);
    assert_eq!(lines.classify(10.0, 2.0), Quadrant::BigBet);
    assert_eq!(lines.classify(9.999, 1.999), Quadrant::FillIn);
    assert_eq!(lines.classify(9.999, 2.0), Quadrant::TimeSink);
    assert_eq!(lines.classify(f64::INFINITY, 0.0), Quadrant::QuickWin);
}

#[test]
fn quadrant_names() {
    let names: Vec<(&str, &str, String)> =
        Quadrant::ALL.iter().map(|q| (q.as_str(), q.label(), q.to_string())).collect();
    assert_eq!(
        names,
        [
            ("quick_win", "Quick wins", "quick_win".to_owned()),
            ("big_bet", "Big bets", "big_bet".to_owned()),
            ("fill_in", "Fill-ins", "fill_in".to_owned()),
            ("time_sink", "Time sinks", "time_sink".to_owned()),
        ]
    );
    assert_eq!(
        [
            Quadrant::of(true, false),
            Quadrant::of(true, true),
            Quadrant::of(false, false),
            Quadrant::of(false, true)
        ],
        Quadrant::ALL
    );
}

// --- from a ranking ------------------------------------------------------------------------

#[test]
fn rice_splits_at_the_medians_and_ties_on_the_line_count_high() {
    // Values 400, 100, 100, 100, 50; efforts 1, 1, 2, 4, 4: medians 100 and 2.
    let backlog = backlog([
        rice("A", 400.0, 1.0),
        rice("B", 100.0, 1.0),
        rice("C", 100.0, 2.0),
        rice("D", 100.0, 4.0),
        rice("E", 50.0, 4.0),
    ]);
    let matrix = matrix_of(&backlog, Rice::default(), Split::Median);
    assert_eq!(matrix.framework, "rice");
    assert_eq!(matrix.split.map(|s| (s.value, s.effort)), Some((100.0, 2.0)));
    assert_eq!(
        rows(&matrix),
        [
            ("A", 400.0, 1.0, Quadrant::QuickWin),
            ("B", 100.0, 1.0, Quadrant::QuickWin),
            ("C", 100.0, 2.0, Quadrant::BigBet),
            ("D", 100.0, 4.0, Quadrant::BigBet),
            ("E", 50.0, 4.0, Quadrant::TimeSink),
        ]
    );
    assert_eq!(matrix.of(Quadrant::BigBet).map(|item| item.id.as_str()).collect::<Vec<_>>(), ["C", "D"]);
    assert!(matrix.excluded.is_empty());
}

#[test]
fn rice_value_is_reach_times_impact_times_confidence_without_alignment() {
    // Intercom's project 2: 2000 · 1 · 0.8 = 1600 (its score 400 is that over effort 4).
    let backlog = backlog([BacklogItem::builder("P2", "Project 2")
        .reach(2000)
        .impact(1)
        .confidence(0.8)
        .effort(4)
        .alignment(0.5)]);
    let weighted = Rice::default().alignment_weight(prioritize::AlignmentWeight::new(1.0).expect("λ"));
    let matrix = matrix_of(&backlog, weighted, Split::Median);
    assert_eq!(rows(&matrix), [("P2", 1600.0, 4.0, Quadrant::BigBet)]);
}

#[test]
fn wsjf_value_is_the_cost_of_delay_and_split_lines_can_be_fixed() {
    let wsjf = |id: &str, parts: [f64; 3], effort: f64| {
        BacklogItem::builder(id, id)
            .business_value(parts[0])
            .time_criticality(parts[1])
            .risk_reduction(parts[2])
            .effort(effort)
    };
    let backlog = backlog([
        wsjf("F1", [1.0, 3.0, 5.0], 3.0),
        wsjf("F2", [8.0, 8.0, 4.0], 13.0),
        wsjf("F3", [2.0, 2.0, 1.0], 1.0),
        wsjf("F4", [1.0, 1.0, 1.0], 8.0),
    ]);
    let ranking = backlog.rank(Wsjf::default()).expect("ranks");
    let matrix = quadrants(&ranking, fixed(9.0, 5.0)).expect("classifies");
    assert_eq!(matrix.split.map(|s| (s.value, s.effort)), Some((9.0, 5.0)));
    assert_eq!(
        rows(&matrix),
        [
            ("F3", 5.0, 1.0, Quadrant::FillIn),
            ("F1", 9.0, 3.0, Quadrant::QuickWin),
            ("F2", 20.0, 13.0, Quadrant::BigBet),
            ("F4", 3.0, 8.0, Quadrant::TimeSink),
        ]
    );
    // Means: values (9 + 5 + 20 + 3) / 4 = 9.25, efforts (3 + 1 + 13 + 8) / 4 = 6.25.
    let mean = quadrants(&ranking, Split::Mean).expect("classifies");
    assert_eq!(mean.split.map(|s| (s.value, s.effort)), Some((9.25, 6.25)));
    assert_eq!(mean.items[0].quadrant, Quadrant::FillIn);
}

#[test]
fn unscored_items_are_excluded_with_what_they_lack() {
    let backlog = backlog([
        rice("A", 100.0, 1.0),
        BacklogItem::builder("B", "b").reach(10).impact(1),
        rice("C", 600.0, 3.0),
        BacklogItem::builder("D", "d").effort(2),
    ]);
    let matrix = matrix_of(&backlog, Rice::default(), Split::Median);
    // Two items: medians (100 + 600) / 2 = 350 and (1 + 3) / 2 = 2.
    assert_eq!(rows(&matrix), [("C", 600.0, 3.0, Quadrant::BigBet), ("A", 100.0, 1.0, Quadrant::FillIn)]);
    assert_eq!(
        excluded(&matrix),
        [("B", vec!["confidence", "effort"]), ("D", vec!["reach", "impact", "confidence"])]
    );
}

#[test]
fn moscow_alone_gives_no_value_and_moscow_with_rice_gives_score_times_effort() {
    let backlog = backlog([
        rice("A", 100.0, 4.0).moscow(Category::Must),
        rice("B", 300.0, 2.0).moscow(Category::Should),
        BacklogItem::builder("C", "c").reach(1),
    ]);
    let matrix = matrix_of(&backlog, Moscow::default(), Split::Median);
    assert_eq!((matrix.framework.as_str(), matrix.split), ("moscow", None));
    assert!(matrix.items.is_empty());
    assert_eq!(
        excluded(&matrix),
        [("A", vec!["score"]), ("B", vec!["score"]), ("C", vec!["moscow", "effort"])]
    );

    let matrix = matrix_of(&backlog, Moscow::default().then(Rice::default()), Split::Median);
    // Scores 25 and 150 times efforts 4 and 2.
    assert_eq!(rows(&matrix), [("A", 100.0, 4.0, Quadrant::TimeSink), ("B", 300.0, 2.0, Quadrant::QuickWin)]);
    assert_eq!(
        excluded(&matrix),
        [("C", vec!["impact", "confidence", "effort", "moscow"])],
        "the engine's missing fields first, then the value rule's"
    );
}

/// An engine of one's own that scores every item 1e300, with or without an effort.
#[derive(Debug)]
struct Huge;

impl Engine for Huge {
    fn name(&self) -> &str {
        "huge"
    }
    fn inputs(&self, _backlog: &Backlog) -> FieldSet {
        FieldSet::EMPTY
    }
    fn evaluate(&self, item: &Item<'_>) -> prioritize::Result<Evaluation> {
        Evaluation::scored(item, self.name(), 1e300)
    }
    fn breakdown(&self, _item: &Item<'_>) -> Breakdown {
        Breakdown::new()
    }
}

/// An engine under a framework's name (`ice`, `cd3`, `opportunity`: the engines that name
/// themselves so) that scores each item its `business_value`: the matrix reads an item by the
/// engine's name alone.
#[derive(Debug)]
struct Named(&'static str);

impl Engine for Named {
    fn name(&self) -> &str {
        self.0
    }
    fn inputs(&self, _backlog: &Backlog) -> FieldSet {
        FieldSet::EMPTY.with(Field::BusinessValue)
    }
    fn evaluate(&self, item: &Item<'_>) -> prioritize::Result<Evaluation> {
        match item.business_value() {
            Some(value) => Evaluation::scored(item, self.name(), value.get()),
            None => Ok(Evaluation::missing(item, FieldSet::EMPTY.with(Field::BusinessValue))),
        }
    }
    fn breakdown(&self, _item: &Item<'_>) -> Breakdown {
        Breakdown::new()
    }
}

#[test]
fn cd3_value_is_the_cost_of_delay_against_the_duration() {
    let cd3 = |id: &str, score: f64| BacklogItem::builder(id, id).business_value(score);
    let backlog = backlog([
        cd3("A", 3.0).cost_of_delay(10_000).duration(10).effort(1),
        cd3("B", 2.0).cost_of_delay(5_000).duration(2),
        cd3("C", 1.0).cost_of_delay(1_000),
        cd3("D", 0.5).effort(4),
        BacklogItem::builder("E", "e").duration(3),
    ]);
    let matrix = matrix_of(&backlog, Named("cd3"), Split::Median);
    // Medians (10000 + 5000) / 2 = 7500 and (10 + 2) / 2 = 6; `effort` plays no part.
    assert_eq!(
        rows(&matrix),
        [("A", 10_000.0, 10.0, Quadrant::BigBet), ("B", 5_000.0, 2.0, Quadrant::FillIn)]
    );
    assert_eq!(
        excluded(&matrix),
        [
            ("C", vec!["duration"]),
            ("D", vec!["cost_of_delay", "duration"]),
            ("E", vec!["business_value", "cost_of_delay"])
        ]
    );
}

#[test]
fn ice_and_opportunity_are_valued_by_score_times_effort() {
    let backlog = backlog([
        BacklogItem::builder("A", "a").business_value(8).effort(2).duration(100),
        BacklogItem::builder("B", "b").business_value(3).effort(1),
        BacklogItem::builder("C", "c").business_value(3).duration(1),
    ]);
    for framework in ["ice", "opportunity"] {
        let matrix = matrix_of(&backlog, Named(framework), Split::Mean);
        // Values 16 and 3 (means 9.5), efforts 2 and 1 (mean 1.5).
        assert_eq!(
            rows(&matrix),
            [("A", 16.0, 2.0, Quadrant::BigBet), ("B", 3.0, 1.0, Quadrant::FillIn)],
            "{framework}"
        );
        assert_eq!(excluded(&matrix), [("C", vec!["effort"])], "{framework}");
    }
}

#[test]
fn axes_name_the_value_and_the_effort_field_of_each_framework() {
    let axes: Vec<(&str, Field)> = ["rice", "wsjf", "cd3", "ice", "opportunity", "moscow", "mine"]
        .into_iter()
        .map(|framework| (Axes::of(framework).value(), Axes::of(framework).effort()))
        .collect();
    assert_eq!(
        axes,
        [
            ("reach × impact × confidence", Field::Effort),
            ("cost of delay", Field::Effort),
            ("cost of delay", Field::Duration),
            ("score × effort", Field::Effort),
            ("score × effort", Field::Effort),
            ("score × effort", Field::Effort),
            ("score × effort", Field::Effort),
        ]
    );
}

#[test]
fn an_engine_of_ones_own_is_valued_by_score_times_effort() {
    let backlog = backlog([BacklogItem::builder("A", "a").effort(0.5), BacklogItem::builder("B", "b")]);
    let matrix = matrix_of(&backlog, Huge, Split::Median);
    assert_eq!(rows(&matrix), [("A", 5e299, 0.5, Quadrant::BigBet)]);
    assert_eq!(excluded(&matrix), [("B", vec!["effort"])]);

    let overflowing = self::backlog([BacklogItem::builder("A", "a").effort(1e10)]);
    match quadrants(&overflowing.rank(Huge).expect("ranks"), Split::Median) {
        Err(error) if error.kind() == prioritize::ErrorKind::Value => {
            assert_eq!(
                error.to_string(),
                "item \"A\": huge score is inf, which overflows f64 (scale the inputs down)"
            );
        }
        other => panic!("expected an overflow, got {other:?}"),
    }
}

#[test]
fn an_empty_ranking_has_no_lines_and_no_items() {
    let backlog = backlog([]);
    let matrix = matrix_of(&backlog, Rice::default(), Split::Median);
    assert_eq!((matrix.split, matrix.items.len(), matrix.excluded.len()), (None, 0, 0));
}

#[cfg(feature = "serde")]
#[test]
fn json_shape() {
    let backlog = backlog([
        BacklogItem::builder("A", "A \"quoted\" title").reach(100).impact(1).confidence(1).effort(1),
        BacklogItem::builder("B", "b"),
    ]);
    let matrix = matrix_of(&backlog, Rice::default(), Split::Median);
    assert_eq!(
        serde_json::to_string(&matrix).expect("serializes"),
        r#"{"framework":"rice","split":{"value":100.0,"effort":1.0},"items":[{"id":"A","title":"A \"quoted\" title","value":100.0,"effort":1.0,"quadrant":"big_bet"}],"excluded":[{"id":"B","missing":["reach","impact","confidence","effort"]}]}"#
    );
}

#[test]
fn results_are_send_and_sync() {
    fn check<T: Send + Sync + 'static>() {}
    check::<Quadrants>();
    check::<Quadrant>();
    check::<Split>();
    check::<SplitLines>();
    check::<Axes>();
}
