//! Every error variant, with its exact message.

use prioritize::ranking::UnscoredPolicy;
use prioritize::{
    AlignmentWeight, Backlog, BacklogItem, Error, ErrorKind, FieldSet, Moscow, Objective, RankOptions, Rice,
};

#[track_caller]
fn assert_message(error: &Error, expected: &str) {
    assert_eq!(error.to_string(), expected);
}

/// What a program reads of an error: its kind, the item and the field it names.
fn parts(error: &Error) -> (ErrorKind, Option<&str>, Option<&str>) {
    (error.kind(), error.item(), error.field())
}

fn plain(id: &str) -> BacklogItem {
    BacklogItem::builder(id, id).build().unwrap()
}

fn depending(id: &str, on: &[&str]) -> BacklogItem {
    on.iter().fold(BacklogItem::builder(id, id), |b, d| b.depends_on(*d)).build().unwrap()
}

#[test]
fn confidence_given_in_percent_suggests_the_fraction() {
    let error = BacklogItem::builder("CHK-7", "Saved cards").confidence(80).build().unwrap_err();
    assert_eq!(parts(&error), (ErrorKind::Value, Some("CHK-7"), Some("confidence")));
    assert_message(&error, r#"item "CHK-7": confidence 80 is outside 0..=1 (write 0.8 for 80 %)"#);
    let error = BacklogItem::builder("C", "c").confidence(-0.1).build().unwrap_err();
    assert_message(&error, r#"item "C": confidence -0.1 is outside 0..=1"#);
}

#[test]
fn zero_effort_is_an_error_not_an_infinite_score() {
    let error = BacklogItem::builder("A", "a").effort(0).build().unwrap_err();
    assert_message(
        &error,
        r#"item "A": effort 0 is outside the finite numbers > 0 (an effort of 0 would make the score infinite)"#,
    );
}

#[test]
fn non_finite_and_negative_numbers_are_out_of_range() {
    let nan = BacklogItem::builder("A", "a").reach(f64::NAN).build().unwrap_err();
    assert_message(&nan, r#"item "A": reach NaN is outside the finite numbers >= 0"#);
    let inf = BacklogItem::builder("A", "a").business_value(f64::INFINITY).build().unwrap_err();
    assert_message(&inf, r#"item "A": business_value inf is outside the finite numbers >= 0"#);
    let negative = BacklogItem::builder("A", "a").time_criticality(-1).build().unwrap_err();
    assert_message(&negative, r#"item "A": time_criticality -1 is outside the finite numbers >= 0"#);
    let impact = BacklogItem::builder("A", "a").impact(f64::NEG_INFINITY).build().unwrap_err();
    assert_message(&impact, r#"item "A": impact -inf is outside the finite numbers >= 0"#);
    let alignment = BacklogItem::builder("A", "a").alignment(1.5).build().unwrap_err();
    assert_message(&alignment, r#"item "A": alignment 1.5 is outside 0..=1"#);
    let contribution = BacklogItem::builder("A", "a").contribution("growth", 2.0).build().unwrap_err();
    assert_message(&contribution, r#"item "A": alignment 2 is outside 0..=1"#);
}

#[test]
#[cfg(feature = "serde")]
fn unknown_labels_are_invalid_values() {
    let read = |json: &str| serde_json::from_str::<BacklogItem>(json).unwrap_err().to_string();
    let moscow = read(r#"{"id": "A", "title": "a", "moscow": "maybe"}"#);
    assert!(
        moscow.starts_with(
            r#"item "A": moscow "maybe" is not one of must, should, could, wont (or M, S, C, W)"#
        ),
        "{moscow}"
    );
    let impact = read(r#"{"id": "A", "title": "a", "impact": "huge"}"#);
    assert!(
        impact.starts_with(
            r#"item "A": impact "huge" is not a number or one of massive, high, medium, low, minimal"#
        ),
        "{impact}"
    );
    let confidence = read(r#"{"id": "A", "title": "a", "confidence": "sure%"}"#);
    assert!(
        confidence.starts_with(
            r#"item "A": confidence "sure%" is not a number in 0..=1, a percentage such as "80%", or one of high, medium, low"#
        ),
        "{confidence}"
    );
    let reach = read(r#"{"id": "A", "title": "a", "reach": "many"}"#);
    assert!(reach.starts_with(r#"item "A": reach "many" is not a number"#), "{reach}");
}

#[test]
fn empty_id() {
    let error = BacklogItem::builder("", "Orphan").build().unwrap_err();
    assert_eq!(parts(&error), (ErrorKind::Value, None, Some("id")));
    assert_message(&error, r#"item titled "Orphan": id "" is empty (expected a non-empty string)"#);
}

#[test]
fn duplicate_id_names_both_places() {
    let error = Backlog::from_items([plain("A"), plain("B"), plain("A")]).unwrap_err();
    assert_eq!(parts(&error), (ErrorKind::Structure, Some("A"), Some("id")));
    assert_message(&error, r#"item "A": id is used twice, at index 0 and 2 (ids must be unique)"#);
}

#[test]
fn unknown_dependency() {
    let error = Backlog::from_items([plain("A"), depending("B", &["A", "Z"])]).unwrap_err();
    assert_message(&error, r#"item "B": depends_on "Z" names no item in the backlog"#);
}

#[test]
fn self_dependency() {
    let error = BacklogItem::builder("A", "a").depends_on("A").build().unwrap_err();
    assert_eq!(parts(&error), (ErrorKind::Structure, Some("A"), Some("depends_on")));
    assert_message(&error, r#"item "A": depends_on names the item itself"#);
}

#[test]
fn dependency_cycle_is_named() {
    let error = Backlog::from_items([
        plain("X"),
        depending("A", &["X", "B"]),
        depending("B", &["C"]),
        depending("C", &["A"]),
    ])
    .unwrap_err();
    assert_eq!(parts(&error), (ErrorKind::Structure, Some("A"), Some("depends_on")));
    assert_message(&error, r#"item "A": depends_on forms a cycle: "A" -> "B" -> "C" -> "A""#);
}

#[test]
fn a_diamond_is_not_a_cycle() {
    let backlog = Backlog::from_items([
        plain("D"),
        depending("B", &["D"]),
        depending("C", &["D"]),
        depending("A", &["B", "C"]),
    ])
    .unwrap();
    assert_eq!(backlog.dependency_count(), 4);
    assert_eq!(backlog.prerequisites(3).collect::<Vec<_>>(), [1, 2]);
}

#[test]
fn unknown_objective() {
    let item = BacklogItem::builder("A", "a").contribution("growht", 1.0).build().unwrap();
    let error = Backlog::new([item], [Objective::new("growth", 1.0).unwrap()]).unwrap_err();
    assert_message(
        &error,
        r#"item "A": alignment names objective "growht", which the backlog does not define"#,
    );
}

#[test]
#[cfg(feature = "serde")]
fn duplicate_contribution() {
    let error = serde_json::from_str::<BacklogItem>(
        r#"{"id": "A", "title": "a", "alignment": {"growth": 0.5, "growth": 1}}"#,
    )
    .unwrap_err();
    assert!(
        error.to_string().starts_with(r#"item "A": alignment names objective "growth" twice"#),
        "{error}"
    );
}

#[test]
fn invalid_objectives() {
    assert_message(
        &Objective::new("growth", 0.0).unwrap_err(),
        r#"objective "growth": weight 0 is outside the finite numbers > 0"#,
    );
    assert_message(
        &Objective::new("growth", f64::NAN).unwrap_err(),
        r#"objective "growth": weight NaN is outside the finite numbers > 0"#,
    );
    assert_message(
        &Objective::new("", 1.0).unwrap_err(),
        r#"objective "": id "" is outside the non-empty strings"#,
    );
    let twice = [Objective::new("growth", 1.0).unwrap(), Objective::new("growth", 2.0).unwrap()];
    assert_message(
        &Backlog::new([], twice).unwrap_err(),
        r#"objective "growth": id is used twice (objective ids must be unique)"#,
    );
}

#[test]
fn a_score_that_overflows_is_an_error() {
    let item =
        BacklogItem::builder("BIG", "big").reach(1e308).impact(3).confidence(1).effort(0.5).build().unwrap();
    let backlog = Backlog::from_items([item]).unwrap();
    let rice = Rice::default();
    let error = backlog.rank(rice).unwrap_err();
    assert_eq!(parts(&error), (ErrorKind::Value, Some("BIG"), None));
    assert_message(&error, r#"item "BIG": rice score is inf, which overflows f64 (scale the inputs down)"#);
    // Under MoSCoW with a secondary engine the overflow surfaces the same way.
    let moscow = Moscow::default().then(Rice::default());
    let with_category = Backlog::from_items([BacklogItem::builder("BIG", "big")
        .reach(1e308)
        .impact(3)
        .confidence(1)
        .effort(0.5)
        .moscow(prioritize::Category::Must)
        .build()
        .unwrap()])
    .unwrap();
    let error = with_category.rank(&moscow).unwrap_err();
    assert_eq!(parts(&error), (ErrorKind::Value, Some("BIG"), None));
    assert!(error.to_string().contains("score is inf, which overflows f64"), "{error}");
}

#[test]
fn strict_mode_makes_unscored_items_errors() {
    let backlog = Backlog::from_items([BacklogItem::builder("A", "a").reach(1).build().unwrap()]).unwrap();
    let rice = Rice::default();
    let strict = RankOptions::default().unscored(UnscoredPolicy::Reject);
    let error = backlog.rank_with(rice, &strict).unwrap_err();
    assert_eq!(parts(&error), (ErrorKind::Unscored, Some("A"), None));
    assert_message(
        &error,
        r#"item "A": rice needs impact, confidence, effort, which the item lacks (strict mode)"#,
    );
}

#[test]
fn alignment_weight_outside_0_to_1_is_an_option_error() {
    assert_message(&AlignmentWeight::new(1.5).unwrap_err(), "alignment_weight 1.5 is outside 0..=1");
    assert_message(&AlignmentWeight::new(f64::NAN).unwrap_err(), "alignment_weight NaN is outside 0..=1");
}

#[test]
fn errors_are_send_sync_and_static() {
    fn check<T: Send + Sync + 'static + std::error::Error>() {}
    check::<Error>();
    // One pointer: a `Result` costs what the value does, plus a pointer.
    assert_eq!(std::mem::size_of::<Error>(), std::mem::size_of::<usize>());
}

// --- the variants of the columnar model --------------------------------------------------------

#[test]
#[cfg(feature = "serde")]
fn a_value_of_the_wrong_type_and_a_missing_id_name_the_item() {
    let read = |json: &str| serde_json::from_str::<BacklogItem>(json).unwrap_err().to_string();
    assert!(
        read(r#"{"id": "A", "depends_on": "B"}"#)
            .starts_with(r#"item "A": depends_on: expected a list of ids, got a string ("B")"#)
    );
    assert!(
        read(r#"{"id": "A", "tags": [1]}"#)
            .starts_with(r#"item "A": tags: expected a list of labels, got a number (1)"#)
    );
    let wrong = Backlog::from_json(r#"[{"id": "A", "title": true}]"#).unwrap_err();
    assert_eq!(parts(&wrong), (ErrorKind::Value, Some("A"), Some("title")));
    assert_message(&wrong, r#"item "A": title: expected a string, got a boolean (true) at line 1 column 27"#);
    assert!(
        read(r#"{"title": "Orphan", "reach": 1}"#)
            .starts_with(r#"item titled "Orphan": id is missing (expected a non-empty string)"#)
    );
    let missing = Backlog::from_json(r#"[{"title": "Orphan", "reach": 1}]"#).unwrap_err();
    assert_eq!(parts(&missing), (ErrorKind::Structure, None, Some("id")));
    assert_message(
        &missing,
        r#"item titled "Orphan": id is missing (expected a non-empty string) at line 1 column 32"#,
    );
}

#[test]
fn parameters_out_of_range_name_the_parameter() {
    let error = AlignmentWeight::new(-0.5).unwrap_err();
    assert_eq!(parts(&error), (ErrorKind::Parameter, None, Some("alignment_weight")));
    assert_message(&error, "alignment_weight -0.5 is outside 0..=1");
}

#[test]
fn criteria_are_checked_when_declared_and_when_used() {
    use prioritize::Criterion;
    assert_message(
        &Criterion::new("Revenue").unwrap_err(),
        r#"criterion "Revenue": id "Revenue" is not an id matching [a-z][a-z0-9_]*"#,
    );
    assert_message(
        &Criterion::new("r").unwrap().bounds(Some(2.0), Some(1.0)).unwrap_err(),
        r#"criterion "r": max 1 is not a number >= min 2"#,
    );
    let revenue = || Criterion::new("revenue").unwrap();
    let twice = Backlog::builder().criterion(revenue()).criterion(revenue()).build().unwrap_err();
    assert_eq!(parts(&twice), (ErrorKind::Structure, None, None));
    assert_message(&twice, r#"criterion "revenue": id is declared twice (criterion ids must be unique)"#);
    let many = (0..=FieldSet::MAX_CRITERIA).map(|i| Criterion::new(format!("c{i}")).unwrap());
    let too_many = Backlog::builder().criteria(many).build().unwrap_err();
    assert_eq!(parts(&too_many), (ErrorKind::Structure, None, None));
    assert_message(&too_many, "65 criteria are declared, over the limit of 64");
    let typo = BacklogItem::builder("A", "a").value("revenu", 7).build().unwrap();
    let unknown = Backlog::builder().criterion(revenue()).item(typo).build().unwrap_err();
    assert_eq!(parts(&unknown), (ErrorKind::Structure, Some("A"), Some("revenu")));
    assert_message(
        &unknown,
        r#"item "A": unknown field "revenu" (expected id, title, reach, impact, confidence, effort, business_value, time_criticality, risk_reduction, ease, cost_of_delay, duration, importance, satisfaction, moscow, alignment, depends_on, tags or a declared criterion: revenue)"#,
    );
}

#[test]
#[cfg(feature = "serde")]
fn a_section_given_twice_is_named() {
    use prioritize::interchange::Config;
    let config = Config::new().with_objectives([Objective::new("growth", 1.0).unwrap()]);
    let error = config.clone().merge(config).unwrap_err();
    assert_eq!(parts(&error), (ErrorKind::Structure, None, None));
    assert_message(
        &error,
        r#"section "objectives" is given both in the configuration and in the backlog (give it once)"#,
    );
}

#[test]
fn a_capacity_plan_needs_scores() {
    let backlog = Backlog::from_items([BacklogItem::builder("A", "a")
        .effort(1)
        .moscow(prioritize::Category::Must)
        .build()
        .unwrap()])
    .unwrap();
    let ranking = backlog.rank(Moscow::default()).unwrap();
    let capacity = prioritize::model::NonNegative::new(5.0).unwrap();
    let error =
        prioritize::plan::CapacityPlan::new(&ranking, capacity, prioritize::plan::Mode::Greedy).unwrap_err();
    assert_eq!(parts(&error), (ErrorKind::Parameter, None, Some("framework")));
    assert_message(
        &error,
        "the moscow engine gives no scores; a capacity plan needs an engine that scores items \
         (rice, wsjf, or moscow with a secondary engine)",
    );
}

#[test]
#[cfg(feature = "csv")]
fn a_failed_read_keeps_its_source() {
    struct Failing;
    impl std::io::Read for Failing {
        fn read(&mut self, _buf: &mut [u8]) -> std::io::Result<usize> {
            Err(std::io::Error::other("disk on fire"))
        }
    }
    struct FailingLater(bool);
    impl std::io::Read for FailingLater {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            if std::mem::replace(&mut self.0, true) {
                return Err(std::io::Error::other("disk on fire"));
            }
            let header = b"id,title\nA,a\n";
            buf[..header.len()].copy_from_slice(header);
            Ok(header.len())
        }
    }
    let error = prioritize::csv::read_backlog(Failing).unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Io, "{error:?}");
    assert_eq!(std::error::Error::source(&error).map(ToString::to_string).as_deref(), Some("disk on fire"));
    assert_message(&error, "cannot read the input: disk on fire");
    // The same when the input fails after its header, while the rows are read.
    let error = prioritize::csv::read_backlog(FailingLater(false)).unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Io, "{error:?}");
    assert_message(&error, "cannot read the input: disk on fire");
}

// --- what programs read of an error ------------------------------------------------------------

#[test]
#[cfg(feature = "json")]
fn json_errors_say_where_the_reader_was() {
    let error = Backlog::from_json("[\n  {\"id\": \"A\",\n   \"effort\": -1}\n]").unwrap_err();
    assert_eq!((error.kind(), error.item(), error.field()), (ErrorKind::Value, Some("A"), Some("effort")));
    assert_eq!((error.line(), error.column()), (Some(3), Some(16)));
    assert_message(&error, r#"item "A": effort -1 is outside the finite numbers > 0 at line 3 column 16"#);
    // Text that stops short is a syntax error, as is text that does not parse.
    for text in ["[{\"id\": \"A\"", "[{\"id\": \"A\",]", "{\"items\": [] x"] {
        let error = Backlog::from_json(text).unwrap_err();
        assert_eq!(error.kind(), ErrorKind::Syntax, "{text}: {error}");
        assert!(error.line().is_some() && error.column().is_some(), "{error:?}");
        assert!(std::error::Error::source(&error).is_some(), "the parser's error is kept");
    }
    // JSON of the wrong shape, which no check of the crate's raised, keeps the parser's words.
    let shape = Backlog::from_json("{\"items\": 3}").unwrap_err();
    assert_eq!(shape.kind(), ErrorKind::Value);
    assert!(shape.to_string().starts_with("invalid type: integer `3`, expected"), "{shape}");
    // The same input read from a reader.
    let read = Backlog::from_json_reader("[{\"id\": \"A\", \"effort\": 0}]".as_bytes()).unwrap_err();
    assert_eq!((read.item(), read.field(), read.line()), (Some("A"), Some("effort"), Some(1)));
    // Errors without a position have none.
    let plain = BacklogItem::builder("A", "a").effort(0).build().unwrap_err();
    assert_eq!((plain.line(), plain.column()), (None, None));
}

#[test]
fn an_error_debugs_as_what_a_program_reads_of_it() {
    let error = BacklogItem::builder("A", "a").confidence(2).build().unwrap_err();
    let debug = format!("{error:?}");
    for part in ["kind: Value", r#"item: Some("A")"#, r#"field: Some("confidence")"#, "message: "] {
        assert!(debug.contains(part), "{debug} lacks {part}");
    }
}

#[test]
fn errors_name_the_field_their_structure_concerns() {
    let unknown =
        Backlog::from_items([BacklogItem::builder("A", "a").contribution("growth", 1.0).build().unwrap()])
            .unwrap_err();
    assert_eq!(parts(&unknown), (ErrorKind::Structure, Some("A"), Some("alignment")));
    let hint = |field: &str, value: f64| {
        let item = BacklogItem::builder("A", "a").value(field, value).build().unwrap_err();
        item.to_string()
    };
    assert_eq!(
        hint("duration", 0.0),
        r#"item "A": duration 0 is outside the finite numbers > 0 (a duration of 0 would make the score infinite)"#
    );
    assert_eq!(hint("duration", -1.0), r#"item "A": duration -1 is outside the finite numbers > 0"#);
    assert_eq!(hint("effort", -2.0), r#"item "A": effort -2 is outside the finite numbers > 0"#);
    assert_eq!(hint("confidence", 100.5), r#"item "A": confidence 100.5 is outside 0..=1"#);
    assert_eq!(
        hint("confidence", 1.5),
        r#"item "A": confidence 1.5 is outside 0..=1 (write 0.015 for 1.5 %)"#
    );
}

#[test]
fn equal_causes_make_equal_errors() {
    let io = |message: &str| Error::from(std::io::Error::other(message.to_owned()));
    assert_eq!(io("disk on fire"), io("disk on fire"));
    assert_ne!(io("disk on fire"), io("disk full"));
}
