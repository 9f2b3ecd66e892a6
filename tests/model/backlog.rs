//! The checked value types and the item and backlog model.

use std::borrow::Borrow;

use prioritize::model::{Effort, Fraction, ItemId, NonNegative};
use prioritize::ranking::Warning;
use prioritize::{
    Alignment, AlignmentWeight, Backlog, BacklogItem, Breakdown, Category, Confidence, Error, Field,
    FieldSet, Impact, Moscow, Objective, RankOptions, Ranking, Rice, Wsjf,
};

#[test]
fn every_public_type_is_send_and_sync() {
    fn check<T: Send + Sync>() {}
    check::<Backlog>();
    check::<BacklogItem>();
    check::<ItemId>();
    check::<Effort>();
    check::<NonNegative>();
    check::<Fraction>();
    check::<Confidence>();
    check::<Impact>();
    check::<Category>();
    check::<Alignment>();
    check::<AlignmentWeight>();
    check::<Objective>();
    check::<prioritize::Rater>();
    check::<prioritize::Aggregate>();
    check::<prioritize::model::Ratings<'static>>();
    check::<Rice>();
    check::<Wsjf>();
    check::<Moscow>();
    check::<Breakdown>();
    check::<RankOptions>();
    check::<Ranking<'static>>();
    check::<Warning>();
    check::<Field>();
    check::<FieldSet>();
    check::<Error>();
}

#[test]
fn checked_numbers_accept_their_range_and_reject_the_rest() {
    assert_eq!(Effort::new(0.5).map(Effort::get), Ok(0.5));
    let zero = Effort::new(0.0).unwrap_err();
    assert_eq!((zero.kind(), zero.item(), zero.field()), (prioritize::ErrorKind::Value, None, None));
    assert_eq!(zero.to_string(), "0 is outside the finite numbers > 0");
    assert!(Effort::new(-1.0).is_err());
    assert!(Effort::new(f64::INFINITY).is_err());
    assert_eq!(NonNegative::new(0.0).map(NonNegative::get), Ok(0.0));
    assert!(NonNegative::new(-f64::MIN_POSITIVE).is_err());
    assert!(NonNegative::new(f64::NAN).is_err());
    assert_eq!(Fraction::new(1.0).map(Fraction::get), Ok(1.0));
    assert!(Fraction::new(1.0 + f64::EPSILON).is_err());
    // -0.0 is folded into 0.0, so equal values have equal bits.
    assert_eq!(NonNegative::new(-0.0).unwrap().get().to_bits(), 0.0_f64.to_bits());
}

#[test]
fn confidence_reads_fractions_and_percentages() {
    assert_eq!("0.8".parse::<Confidence>(), Ok(Confidence::MEDIUM));
    assert_eq!("80%".parse::<Confidence>(), Ok(Confidence::MEDIUM));
    assert_eq!(" 50 % ".parse::<Confidence>(), Ok(Confidence::LOW));
    assert_eq!("100%".parse::<Confidence>(), Ok(Confidence::HIGH));
    assert_eq!(Confidence::from_percent(80.0), Ok(Confidence::MEDIUM));
    let error = "80".parse::<Confidence>().unwrap_err();
    assert_eq!(
        error.to_string(),
        r#""80" is not a number in 0..=1, a percentage such as "80%", or one of high, medium, low"#
    );
    assert!("101%".parse::<Confidence>().is_err());
    assert!("NaN".parse::<Confidence>().is_err());
}

#[test]
fn impact_reads_intercom_labels_and_numbers() {
    assert_eq!("massive".parse::<Impact>(), Ok(Impact::MASSIVE));
    assert_eq!("Minimal".parse::<Impact>().map(Impact::get), Ok(0.25));
    assert_eq!("1.5".parse::<Impact>().map(Impact::get), Ok(1.5));
    let error = "huge".parse::<Impact>().unwrap_err();
    assert_eq!(error.to_string(), r#""huge" is not a number or one of massive, high, medium, low, minimal"#);
    assert!("-1".parse::<Impact>().is_err());
    assert!("inf".parse::<Impact>().is_err());
}

#[test]
fn categories_order_by_priority_and_reject_unknown_labels() {
    assert!(Category::Must < Category::Should && Category::Should < Category::Could);
    assert!(Category::Could < Category::Wont);
    assert_eq!(Category::ALL.map(Category::as_str), ["must", "should", "could", "wont"]);
    let error = "maybe".parse::<Category>().unwrap_err();
    assert_eq!(error.to_string(), r#""maybe" is not one of must, should, could, wont (or M, S, C, W)"#);
    assert!("have".parse::<Category>().is_err());
    assert!("".parse::<Category>().is_err());
}

#[test]
fn fields_have_their_interchange_names() {
    let names: Vec<&str> = Field::ALL.iter().map(|f| f.as_str()).collect();
    assert_eq!(
        names,
        [
            "id",
            "title",
            "reach",
            "impact",
            "confidence",
            "effort",
            "business_value",
            "time_criticality",
            "risk_reduction",
            "ease",
            "cost_of_delay",
            "duration",
            "importance",
            "satisfaction",
            "moscow",
            "alignment",
            "depends_on",
            "tags"
        ]
    );
    for field in Field::ALL {
        assert_eq!(Field::from_name(field.as_str()), Some(field));
    }
    let set: FieldSet = [Field::Tags, Field::Id, Field::Tags].into_iter().collect();
    assert_eq!(set.len(), 2);
    assert_eq!(set.to_string(), "id, tags");
    assert!(FieldSet::EMPTY.is_empty());
}

#[test]
fn the_builder_keeps_the_last_value_of_a_field() {
    let item = BacklogItem::builder("A", "a").effort(3).effort(5).build().unwrap();
    assert_eq!(item.effort().unwrap().get(), 5.0);
    let overall = BacklogItem::builder("A", "a").contribution("g", 0.5).alignment(0.3).build().unwrap();
    assert!(matches!(overall.alignment(), Some(Alignment::Overall(v)) if v.get() == 0.3));
    let per = BacklogItem::builder("A", "a")
        .alignment(0.3)
        .contribution("g", 0.5)
        .contribution("h", 1.0)
        .build()
        .unwrap();
    assert!(matches!(per.alignment(), Some(Alignment::PerObjective(m)) if m.len() == 2));
}

#[test]
fn alignment_is_the_weighted_mean_over_all_objectives() {
    let objectives = [
        Objective::new("growth", 3.0).unwrap(),
        Objective::new("retention", 1.0).unwrap(),
        Objective::new("cost", 4.0).unwrap(),
    ];
    let item = BacklogItem::builder("A", "a")
        .contribution("growth", 1.0)
        .contribution("retention", 0.5)
        .build()
        .unwrap();
    let backlog = Backlog::new([item], objectives).unwrap();
    // (3 * 1 + 1 * 0.5 + 4 * 0) / 8 = 0.4375
    assert_eq!(backlog.alignment(0), 0.4375);
}

#[test]
fn backlog_lookups() {
    let backlog = Backlog::from_items([
        BacklogItem::builder("B", "b").build().unwrap(),
        BacklogItem::builder("A", "a").depends_on("B").build().unwrap(),
    ])
    .unwrap();
    assert_eq!(backlog.index_of("A"), Some(1));
    assert_eq!(backlog.get("B").unwrap().title(), "b");
    assert_eq!(backlog.get("C"), None);
    assert_eq!(backlog.prerequisites(1).collect::<Vec<_>>(), [0]);
    assert_eq!(backlog.prerequisites(0).len(), 0);
    assert_eq!(Backlog::try_from(vec![]).unwrap().len(), 0);
}

#[test]
fn backlogs_are_equal_only_when_every_value_is() {
    let one = |reach: f64| {
        Backlog::from_items([BacklogItem::builder("A", "a").reach(reach).effort(2).build().unwrap()]).unwrap()
    };
    assert_eq!(one(10.0), one(10.0));
    assert_ne!(one(10.0), one(11.0));
    let without_reach =
        Backlog::from_items([BacklogItem::builder("A", "a").effort(2).build().unwrap()]).unwrap();
    assert_ne!(one(10.0), without_reach);
}

#[test]
fn ranking_positions_are_one_based() {
    let backlog = Backlog::from_items([BacklogItem::builder("A", "a")
        .reach(1)
        .impact(1)
        .confidence(1)
        .effort(1)
        .build()
        .unwrap()])
    .unwrap();
    let rice = Rice::default();
    let ranking = backlog.rank(rice).unwrap();
    assert!(ranking.at(0).is_none());
    assert_eq!(ranking.at(1).unwrap().item().id(), "A");
    assert!(ranking.at(2).is_none());
    assert_eq!(ranking.engine_name(), "rice");
    assert!(!ranking.is_categorized());
    assert!(ranking.get("missing").is_none());
}

/// Every reader trims ids and refuses control characters in them, as the builder does.
#[cfg(feature = "csv")]
#[test]
fn ids_are_trimmed_and_free_of_control_characters_in_every_reader() {
    let built = BacklogItem::builder(" A ", "a").build().expect("a trimmed id");
    assert_eq!(built.id().as_str(), "A");
    let json: prioritize::Backlog =
        serde_json::from_str(r#"[{"id": " A ", "effort": 1}, {"id": "B", "depends_on": [" A"]}]"#)
            .expect("valid");
    assert_eq!(json.item(0).id(), "A");
    assert_eq!(json.prerequisites(1).collect::<Vec<_>>(), [0]);
    let csv = prioritize::csv::read_backlog(" id ,effort\n  A ,1\n".as_bytes()).expect("valid");
    assert_eq!(csv.item(0).id(), "A");
    let expected = "item \"A\\u{1b}B\": id \"A\\u{1b}B\" is not an id without control characters";
    let error = BacklogItem::builder("A\u{1b}B", "").build().unwrap_err();
    assert_eq!(error.to_string(), expected);
    let error = serde_json::from_str::<prioritize::Backlog>(r#"[{"id": "A\u001bB"}]"#).unwrap_err();
    assert!(error.to_string().starts_with(expected), "{error}");
    let error = prioritize::csv::read_backlog("id\n\"A\u{1b}B\"\n".as_bytes()).unwrap_err();
    assert_eq!(error.to_string(), expected);
    let error = BacklogItem::builder("B", "").depends_on("A\nC").build().unwrap_err();
    assert_eq!(error.to_string(), "item \"B\": depends_on \"A\\nC\" is not an id without control characters");
}

#[test]
fn a_backlog_counts_its_dependency_edges() {
    let build = |id: &str, deps: &[&str]| {
        deps.iter().fold(BacklogItem::builder(id, id), |b, d| b.depends_on(*d)).build().expect("valid")
    };
    let backlog =
        Backlog::from_items([build("A", &[]), build("B", &["A"]), build("C", &["A", "B"])]).expect("valid");
    assert_eq!(backlog.dependency_count(), 3);
    assert_eq!(backlog.prerequisites(2).collect::<Vec<_>>(), [0, 1]);
    assert_eq!(Backlog::from_items([build("A", &[])]).expect("valid").dependency_count(), 0);
}

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
fn a_criterion_keeps_its_bounds_direction_and_description() {
    use prioritize::Criterion;
    use prioritize::model::Direction;
    let plain = Criterion::new("risk").unwrap();
    assert_eq!(
        (plain.id(), plain.min(), plain.max(), plain.direction(), plain.description()),
        ("risk", None, None, Direction::Benefit, "")
    );
    let risk = plain
        .bounds(Some(1.5), Some(9.0))
        .unwrap()
        .direction_of(Direction::Cost)
        .description_of("legal risk");
    assert_eq!(
        (risk.min(), risk.max(), risk.direction(), risk.description()),
        (Some(1.5), Some(9.0), Direction::Cost, "legal risk")
    );
    // Equal bounds are a valid range of one value; a bound of −0 is kept as 0.
    let fixed = Criterion::new("fixed").unwrap().bounds(Some(2.0), Some(2.0)).unwrap();
    assert_eq!((fixed.min(), fixed.max()), (Some(2.0), Some(2.0)));
    let below = Criterion::new("below").unwrap().bounds(Some(-1.0), Some(-0.0)).unwrap();
    let above = Criterion::new("above").unwrap().bounds(Some(-0.0), Some(1.0)).unwrap();
    assert_eq!(below.max().map(f64::to_bits), Some(0.0_f64.to_bits()));
    assert_eq!(above.min().map(f64::to_bits), Some(0.0_f64.to_bits()));
}
